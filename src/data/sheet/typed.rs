//! A sheet's cells turned into a dataset: the header row gives the columns, each column is
//! typed by its cells, each cell read against its column's type, and a `Total` row is kept
//! as the declared total.

use std::path::Path;

use super::grid::{Cell, Format, Grid, GridRow};
use super::text::{self, Read};
use crate::data::figures::check_percent;
use crate::data::{Column, ColumnType, DeclaredTotal, Value};
use crate::locale::{Language, typographic};
use crate::message::Message;
use crate::problem::{Capped, Problem, Problems};

/// The first cells that mark the declared total row.
const TOTAL_LABELS: [&str; 3] = ["total", "totaux", "total général"];

/// What a sheet reads as: its columns, rows and declared totals.
pub struct Typed {
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Value>>,
    pub totals: Vec<DeclaredTotal>,
}

/// Types the cells of `grid` (read from the file shown as `path`); a column whose key is
/// in `declared` has that type instead of the one its cells have in common.
pub fn typed(
    grid: &Grid,
    path: &Path,
    language: Language,
    declared: &[(String, ColumnType)],
) -> Result<Typed, Problems> {
    let mut rows = grid
        .rows
        .iter()
        .filter(|row| row.cells.iter().any(|(cell, _)| *cell != Cell::Empty));
    let Some(header) = rows.next() else {
        return Err(Problem::file(path, msg!("sheet-no-rows"))
            .with_hint(msg!("sheet-no-rows-hint"))
            .into());
    };
    let mut problems = Capped::new(path);
    let columns = header_columns(grid, header, path, &mut problems);
    let width = columns.len();
    let (total_rows, data_rows): (Vec<&GridRow>, Vec<&GridRow>) = rows.partition(|row| {
        matches!(row.cells.first(), Some((Cell::Text(t), _))
            if TOTAL_LABELS.contains(&t.trim().to_lowercase().as_str()))
    });
    for row in &data_rows {
        if let Some(extra) = (width..row.cells.len()).find(|&i| row.cells[i].0 != Cell::Empty) {
            problems.push(
                grid.problem(path, row, extra, msg!("sheet-past-last-column"))
                    .with_hint(msg!("sheet-past-last-column-hint")),
            );
        }
    }
    let mut columns: Vec<Column> = columns
        .into_iter()
        .enumerate()
        .map(|(i, (key, label))| {
            let cells = data_rows.iter().filter_map(|row| row.cells.get(i));
            let (inferred, currency, cents) = infer(cells, language);
            let kind = declared
                .iter()
                .find(|(k, _)| *k == key)
                .map_or(inferred, |(_, kind)| *kind);
            Column {
                key,
                label,
                kind,
                currency: currency.to_owned(),
                decimals: usize::from(cents) * 2,
                max: None,
            }
        })
        .collect();
    let mut values = Vec::with_capacity(data_rows.len());
    for row in &data_rows {
        let mut read = Vec::with_capacity(width);
        for (i, column) in columns.iter_mut().enumerate() {
            let (cell, format) = row
                .cells
                .get(i)
                .cloned()
                .unwrap_or((Cell::Empty, Format::General));
            match read_cell(&cell, format, column, language) {
                Ok(value) => read.push(value),
                Err(_) if problems.is_full() => {
                    problems.count();
                    read.push(Value::Missing);
                }
                Err((message, hint)) => {
                    let problem = grid.problem(path, row, i, message);
                    problems.push(match hint {
                        Some(hint) => problem.with_hint(hint),
                        None => problem,
                    });
                    read.push(Value::Missing);
                }
            }
        }
        values.push(read);
    }
    let mut totals = Vec::new();
    for row in total_rows.iter().take(1) {
        for (i, column) in columns.iter_mut().enumerate().skip(1) {
            let Some((cell, format)) = row.cells.get(i).cloned() else {
                continue;
            };
            if !column.kind.is_numeric() || cell == Cell::Empty {
                continue;
            }
            match read_cell(&cell, format, column, language) {
                Ok(Value::Missing) => {}
                Ok(value) => totals.push(DeclaredTotal {
                    column: i,
                    value: value.as_f64().unwrap_or(0.0),
                    line: row.number,
                    col: i + 1,
                    width: 1,
                    at_cell: Some(grid.problem(path, row, i, Message::raw(""))),
                }),
                Err((message, hint)) => {
                    let problem = grid.problem(path, row, i, message);
                    problems.push(match hint {
                        Some(hint) => problem.with_hint(hint),
                        None => problem,
                    });
                }
            }
        }
    }
    if let Some(extra) = total_rows.get(1) {
        problems.push(
            grid.problem(path, extra, 0, msg!("sheet-second-total"))
                .with_hint(msg!("sheet-second-total-hint")),
        );
    }
    let problems = problems.finish();
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Typed {
        columns,
        rows: values,
        totals,
    })
}

/// The columns of the header row: each label and its key, the slug of the label.
fn header_columns(
    grid: &Grid,
    header: &GridRow,
    path: &Path,
    problems: &mut Capped,
) -> Vec<(String, String)> {
    let width = header
        .cells
        .iter()
        .rposition(|(cell, _)| *cell != Cell::Empty)
        .map_or(0, |last| last + 1);
    let mut columns: Vec<(String, String)> = Vec::with_capacity(width);
    for (i, (cell, _)) in header.cells.iter().take(width).enumerate() {
        let label = cell.shown().trim().to_owned();
        let key = slug::slugify(&label);
        let problem = if label.is_empty() {
            Some((msg!("sheet-no-label"), msg!("sheet-no-label-hint")))
        } else if key.is_empty() {
            Some((
                msg!("sheet-label-no-key", label = &label),
                msg!("sheet-label-no-key-hint"),
            ))
        } else if columns.iter().any(|(k, _)| *k == key) {
            Some((
                msg!("sheet-label-twice", label = &label, key = &key),
                msg!("sheet-label-twice-hint"),
            ))
        } else {
            None
        };
        if let Some((message, hint)) = problem {
            problems.push(grid.problem(path, header, i, message).with_hint(hint));
        }
        columns.push((key, typographic(&label)));
    }
    columns
}

/// The type a column's cells have in common, its currency, and whether amounts have cents.
fn infer<'a>(
    cells: impl Iterator<Item = &'a (Cell, Format)>,
    language: Language,
) -> (ColumnType, &'static str, bool) {
    let (mut integers, mut numbers, mut percents, mut money, mut dates, mut texts) =
        (0, 0, 0, 0, 0, 0);
    let mut currency = "EUR";
    let mut cents = false;
    for (cell, format) in cells {
        if let Format::Money {
            currency: c,
            cents: with,
        } = format
        {
            currency = c;
            cents |= *with;
        }
        let kind = match (cell, format) {
            (Cell::Empty | Cell::Error(_) | Cell::NoCache, _) => continue,
            (Cell::Text(t), _) if text::is_missing(t) => continue,
            (Cell::Int(_) | Cell::Float(_), Format::Percent) => ColumnType::Percent,
            (Cell::Int(_) | Cell::Float(_), Format::Money { .. }) => ColumnType::Money,
            (Cell::Int(_), _) => ColumnType::Integer,
            (Cell::Float(f), _) if f.fract() == 0.0 && f.abs() < 9e15 => ColumnType::Integer,
            (Cell::Float(_), _) => ColumnType::Number,
            (Cell::Date(_), _) => ColumnType::Date,
            (Cell::Bool(_), _) => ColumnType::Text,
            (Cell::Text(t), _) => match text::read(t, language) {
                Read::Integer(_) => ColumnType::Integer,
                Read::Number(..) => ColumnType::Number,
                Read::Percent(_) => ColumnType::Percent,
                Read::Money(_, c, with) => {
                    currency = c;
                    cents |= with;
                    ColumnType::Money
                }
                Read::Date(_) => ColumnType::Date,
                Read::Text => ColumnType::Text,
            },
        };
        match kind {
            ColumnType::Integer => integers += 1,
            ColumnType::Number => numbers += 1,
            ColumnType::Percent => percents += 1,
            ColumnType::Money => money += 1,
            ColumnType::Date => dates += 1,
            ColumnType::Text => texts += 1,
        }
    }
    let figures = integers + numbers + percents + money;
    let kind = if figures + dates < texts || figures + dates == 0 {
        ColumnType::Text
    } else if dates > figures {
        ColumnType::Date
    } else if percents > 0 {
        ColumnType::Percent
    } else if money > 0 {
        ColumnType::Money
    } else if numbers > 0 {
        ColumnType::Number
    } else {
        ColumnType::Integer
    };
    (kind, currency, cents)
}

type Refusal = (Message, Option<Message>);

/// What a value of `kind` looks like in a sheet of `language` (the site's, whose figures
/// the sheet holds), for messages.
fn expected(kind: ColumnType, language: Language) -> Message {
    match (kind, language) {
        (ColumnType::Text, _) => msg!("expected-text"),
        (ColumnType::Integer, Language::Fr) => msg!("sheet-expected-integer-fr"),
        (ColumnType::Integer, Language::En) => msg!("sheet-expected-integer-en"),
        (ColumnType::Number, Language::Fr) => msg!("sheet-expected-number-fr"),
        (ColumnType::Number, Language::En) => msg!("sheet-expected-number-en"),
        (ColumnType::Percent, Language::Fr) => msg!("sheet-expected-percent-fr"),
        (ColumnType::Percent, Language::En) => msg!("sheet-expected-percent-en"),
        (ColumnType::Money, Language::Fr) => msg!("sheet-expected-money-fr"),
        (ColumnType::Money, Language::En) => msg!("sheet-expected-money-en"),
        (ColumnType::Date, Language::Fr) => msg!("sheet-expected-date-fr"),
        (ColumnType::Date, Language::En) => msg!("sheet-expected-date-en"),
    }
}

/// Reads a cell against its column's type; a money column learns from it whether it has
/// cents.
fn read_cell(
    cell: &Cell,
    format: Format,
    column: &mut Column,
    language: Language,
) -> Result<Value, Refusal> {
    let wrong = |found: Message| -> Result<Value, Refusal> {
        Err((
            msg!(
                "data-expects",
                column = &column.key,
                expected = expected(column.kind, language),
                found
            ),
            None,
        ))
    };
    let kind = column.kind;
    match cell {
        Cell::Empty => return Ok(Value::Missing),
        Cell::Text(t) if text::is_missing(t) => return Ok(Value::Missing),
        Cell::Error(error) => {
            return Err((
                msg!("sheet-error-cell", error = error.to_string()),
                Some(msg!("sheet-error-cell-hint")),
            ));
        }
        Cell::NoCache => {
            return Err((
                msg!("sheet-no-cached-value"),
                Some(msg!("sheet-no-cached-value-hint")),
            ));
        }
        _ => {}
    }
    let number = match cell {
        Cell::Int(i) => Some(*i as f64),
        Cell::Float(f) => Some(*f),
        _ => None,
    };
    match kind {
        ColumnType::Text => Ok(Value::Text(match cell {
            Cell::Text(t) => t.trim().to_owned(),
            other => other.shown(),
        })),
        ColumnType::Date => match cell {
            Cell::Date(date) => Ok(Value::Date(*date)),
            Cell::Text(t) => match text::read(t, language) {
                Read::Date(date) => Ok(Value::Date(date)),
                _ => wrong(msg!("found-text", text = t.trim())),
            },
            other => wrong(msg!("found-code", value = other.shown())),
        },
        _ => {
            let read = match (number, cell) {
                (Some(n), _) => match (format, kind) {
                    (Format::Percent, _) => Read::Percent(n),
                    (_, ColumnType::Integer) if n.fract() == 0.0 => Read::Integer(n as i64),
                    _ => Read::Number(n, ((n * 100.0).round() / 100.0).fract() != 0.0),
                },
                (None, Cell::Text(t)) => text::read(t, language),
                _ => Read::Text,
            };
            let found = || match cell {
                Cell::Text(t) => msg!("found-text", text = t.trim()),
                other => msg!("found-code", value = other.shown()),
            };
            match (read, kind) {
                (Read::Integer(i), ColumnType::Integer) => Ok(Value::Integer(i)),
                (Read::Integer(i), ColumnType::Number | ColumnType::Money) => {
                    Ok(Value::Number(i as f64))
                }
                (Read::Number(n, _), ColumnType::Number) => Ok(Value::Number(n)),
                (Read::Number(n, decimals), ColumnType::Money)
                | (Read::Money(n, _, decimals), ColumnType::Money) => {
                    if decimals || matches!(format, Format::Money { cents: true, .. }) {
                        column.decimals = 2;
                    }
                    Ok(Value::Number(n))
                }
                (Read::Percent(f), ColumnType::Percent) => {
                    check_percent(f, column, false).map(|()| Value::Number(f))
                }
                (Read::Integer(i), ColumnType::Percent) => {
                    check_percent(i as f64, column, true).map(|()| Value::Number(i as f64))
                }
                (Read::Number(n, _), ColumnType::Percent) => {
                    check_percent(n, column, true).map(|()| Value::Number(n))
                }
                _ => wrong(found()),
            }
        }
    }
}
