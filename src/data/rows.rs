//! The rows and the totals of a dataset, read against its columns: each value checked
//! against its column's type.

use serde_saphyr::Spanned;

use super::file::Row;
use super::*;
use crate::message::Message;
use crate::problem::{Capped, Problem, Problems};
use crate::yaml::{Origin, Scalar};

pub(super) fn read_row(
    row: &Row,
    columns: &[Column],
    origin: Origin<'_>,
    problems: &mut Capped,
) -> Vec<Value> {
    let mut values = vec![Value::Missing; columns.len()];
    for (key, scalar) in &row.0 {
        // Past the cap a problem is only counted: it need not be made.
        let full = problems.is_full();
        let Some(index) = columns.iter().position(|c| c.key == key.value) else {
            match full {
                true => problems.count(),
                false => problems.push(unknown_column(key, columns, origin)),
            }
            continue;
        };
        match read_value(&scalar.value, &columns[index]) {
            Ok(value) => values[index] = value,
            Err(_) if full => problems.count(),
            Err((message, hint)) => {
                let problem = origin.problem_at(scalar, message);
                problems.push(match hint {
                    Some(hint) => problem.with_hint(hint),
                    None => problem,
                });
            }
        }
    }
    values
}

fn unknown_column(key: &Spanned<String>, columns: &[Column], origin: Origin<'_>) -> Problem {
    origin
        .problem_at(key, msg!("data-unknown-column", key = &key.value))
        .with_closest(&key.value, columns.iter().map(|c| c.key.as_str()), || {
            msg!("data-unknown-column-hint")
        })
}

/// Checks a value against its column's type.
fn read_value(scalar: &Scalar, column: &Column) -> Result<Value, (Message, Option<Message>)> {
    let kind = column.kind;
    let wrong = |found: Message, hint: Option<Message>| {
        Err((
            msg!(
                "data-expects",
                column = &column.key,
                expected = kind.expected(),
                found
            ),
            hint,
        ))
    };
    match (scalar, kind) {
        (Scalar::Null, _) => Ok(Value::Missing),
        (Scalar::Text(text), ColumnType::Text) => Ok(Value::Text(text.clone())),
        (Scalar::Integer(i), ColumnType::Text) => Ok(Value::Text(i.to_string())),
        (Scalar::Number(n), ColumnType::Text) => Ok(Value::Text(n.to_string())),
        (Scalar::Bool(b), ColumnType::Text) => Ok(Value::Text(b.to_string())),
        (Scalar::Integer(i), ColumnType::Integer) => Ok(Value::Integer(*i)),
        (Scalar::Integer(i), ColumnType::Percent) => percent(*i as f64, column, true),
        (Scalar::Number(n), ColumnType::Percent) => percent(*n, column, true),
        (Scalar::Text(text), ColumnType::Percent) if figures::parse_percent(text).is_some() => {
            percent(figures::parse_percent(text).unwrap_or(0.0), column, false)
        }
        (Scalar::Integer(i), _) if kind.is_numeric() => Ok(Value::Number(*i as f64)),
        (Scalar::Number(n), ColumnType::Integer) => wrong(
            msg!("found-code", value = n.to_string()),
            Some(msg!("data-whole-or-number")),
        ),
        (Scalar::Number(n), _) if kind.is_numeric() => Ok(Value::Number(*n)),
        (Scalar::Text(text), ColumnType::Date) => match parse_date(text) {
            Some(date) => Ok(Value::Date(date)),
            None => wrong(msg!("found-text", text), None),
        },
        (Scalar::Text(text), _) => {
            let looks_numeric = text.trim().parse::<f64>().is_ok();
            let french_decimal = text.trim().replace(',', ".").parse::<f64>().is_ok();
            let hint = if looks_numeric {
                Some(msg!("data-remove-quotes"))
            } else if french_decimal {
                Some(msg!(
                    "data-decimal-point",
                    fixed = text.trim().replace(',', ".")
                ))
            } else {
                None
            };
            wrong(msg!("found-text", text), hint)
        }
        (Scalar::Integer(i), ColumnType::Date) => {
            wrong(msg!("found-number", value = i.to_string()), None)
        }
        (Scalar::Number(n), _) => wrong(msg!("found-number", value = n.to_string()), None),
        (Scalar::Bool(b), _) => wrong(msg!("found-code", value = b.to_string()), None),
        (Scalar::Integer(i), _) => wrong(msg!("found-number", value = i.to_string()), None),
    }
}

/// A percentage, once checked against its column's `max`.
fn percent(
    fraction: f64,
    column: &Column,
    written_as_fraction: bool,
) -> Result<Value, (Message, Option<Message>)> {
    figures::check_percent(fraction, column, written_as_fraction).map(|()| Value::Number(fraction))
}

pub(super) fn read_totals(
    total: &Row,
    columns: &[Column],
    origin: Origin<'_>,
    problems: &mut Problems,
) -> Vec<DeclaredTotal> {
    let mut totals = Vec::new();
    for (key, scalar) in &total.0 {
        let Some(index) = columns.iter().position(|c| c.key == key.value) else {
            problems.push(unknown_column(key, columns, origin));
            continue;
        };
        let column = &columns[index];
        let value = match (&scalar.value, column.kind.is_numeric()) {
            (_, false) => {
                problems
                    .push(origin.problem_at(scalar, msg!("data-no-total", column = &column.key)));
                continue;
            }
            (_, true) if column.kind == ColumnType::Percent => {
                match read_value(&scalar.value, column) {
                    Ok(value) => value.as_f64().unwrap_or(0.0),
                    Err((message, hint)) => {
                        let problem = origin.problem_at(scalar, message);
                        problems.push(match hint {
                            Some(hint) => problem.with_hint(hint),
                            None => problem,
                        });
                        continue;
                    }
                }
            }
            (Scalar::Integer(i), true) => *i as f64,
            (Scalar::Number(n), true) if column.kind != ColumnType::Integer => *n,
            (other, true) => {
                let found = match other {
                    Scalar::Text(text) => msg!("found-text", text),
                    Scalar::Null => msg!("found-nothing"),
                    Scalar::Number(n) => msg!("found-code", value = n.to_string()),
                    Scalar::Integer(i) => msg!("found-code", value = i.to_string()),
                    Scalar::Bool(b) => msg!("found-code", value = b.to_string()),
                };
                problems.push(origin.problem_at(
                    scalar,
                    msg!(
                        "data-total-must-be",
                        column = &column.key,
                        expected = column.kind.expected(),
                        found
                    ),
                ));
                continue;
            }
        };
        let location = scalar.referenced;
        totals.push(DeclaredTotal {
            column: index,
            value,
            line: usize::try_from(location.line()).unwrap_or(0) + origin.line_offset,
            col: usize::try_from(location.column()).unwrap_or(0),
            width: usize::try_from(location.span().len()).unwrap_or(1),
            at_cell: None,
        });
    }
    totals
}
