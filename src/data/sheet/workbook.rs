//! Workbooks (XLSX, ODS, XLS) read with calamine, behind caps checked before it allocates:
//! the file's size, the sizes its zip declares, the dimension its sheet declares, and the
//! cells it holds.

use std::collections::BTreeMap;
use std::io::Cursor;
use std::path::Path;

use calamine::{Data, DataRef, Ods, Reader, SheetVisible, Xls, Xlsx};

use super::grid::{Cell, Format, Grid, GridRow, column_letters};
use super::{MAX_COLUMNS, MAX_ROWS};
use crate::message::Message;
use crate::problem::{Problem, Problems};

/// The most a workbook's parts may unpack to, all together.
const MAX_UNPACKED: u64 = 256 * 1024 * 1024;
/// The most cells of one sheet that are read.
const MAX_CELLS: usize = 1_000_000;

type Cells = BTreeMap<u32, BTreeMap<u32, (Cell, Format)>>;

/// The sheet `sheet` (or the first visible one) of the workbook `bytes`, of kind `extension`.
pub fn read(
    bytes: &[u8],
    extension: &str,
    sheet: Option<&str>,
    path: &Path,
) -> Result<Grid, Problems> {
    let fail = |message: Message, hint: Message| -> Problems {
        Problem::file(path, message).with_hint(hint).into()
    };
    let is_ole = bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]);
    let program = if extension == "ods" {
        "LibreOffice"
    } else {
        "Excel"
    };
    if extension != "xls" && !is_ole {
        check_zip(bytes).map_err(|message| {
            fail(
                message,
                msg!("workbook-save-again-hint", program, extension),
            )
        })?;
    }
    let cursor = Cursor::new(bytes);
    let open_error = |error: String| {
        let protected = error.to_lowercase().contains("password");
        if protected || (is_ole && extension != "xls") {
            fail(
                msg!("workbook-password"),
                if program == "Excel" {
                    msg!("workbook-password-excel-hint")
                } else {
                    msg!("workbook-password-hint", program)
                },
            )
        } else {
            fail(
                msg!("workbook-unreadable", extension, error),
                msg!("workbook-open-again-hint", program, extension),
            )
        }
    };
    match extension {
        "xlsx" => {
            let mut book = Xlsx::new(cursor).map_err(|e| open_error(e.to_string()))?;
            let name = pick_sheet(book.sheets_metadata(), sheet, path)?;
            let cells = xlsx_cells(&mut book, &name, path)?;
            let merged = book
                .merge_cells_by_sheet_name(&name)
                .map_err(|e| open_error(e.to_string()))?;
            if let Some(merged) = merged.first() {
                let at = format!(
                    "{}{}:{}{}",
                    column_letters(merged.start.1 as usize),
                    merged.start.0 + 1,
                    column_letters(merged.end.1 as usize),
                    merged.end.0 + 1
                );
                let mut problem = Problem::file(path, msg!("workbook-merged", at = &at))
                    .with_hint(msg!("workbook-merged-hint"));
                problem.cell = Some(format!("{name}!{at}").into_boxed_str());
                return Err(problem.into());
            }
            Ok(grid(name, cells))
        }
        "ods" => {
            let mut book = Ods::new(cursor).map_err(|e| open_error(e.to_string()))?;
            let name = pick_sheet(book.sheets_metadata(), sheet, path)?;
            let range = book
                .worksheet_range(&name)
                .map_err(|e| open_error(e.to_string()))?;
            Ok(grid(name.clone(), range_cells(&range, &name, path)?))
        }
        _ => {
            let mut book = Xls::new(cursor).map_err(|e| open_error(e.to_string()))?;
            let name = pick_sheet(book.sheets_metadata(), sheet, path)?;
            let range = book
                .worksheet_range(&name)
                .map_err(|e| open_error(e.to_string()))?;
            Ok(grid(name.clone(), range_cells(&range, &name, path)?))
        }
    }
}

/// Refuses what is not a zip, and a zip whose parts would unpack to more than the cap (a
/// zip bomb), from its directory alone.
fn check_zip(bytes: &[u8]) -> Result<(), Message> {
    let mut archive =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| msg!("workbook-not-zip"))?;
    let mut total: u64 = 0;
    for index in 0..archive.len() {
        let entry = archive
            .by_index_raw(index)
            .map_err(|error| msg!("workbook-damaged", error = error.to_string()))?;
        total = total.saturating_add(entry.size());
        let ratio = entry.size() / entry.compressed_size().max(1);
        if total > MAX_UNPACKED || (entry.size() > 10 * 1024 * 1024 && ratio > 1000) {
            return Err(msg!(
                "workbook-zip-bomb",
                max = (MAX_UNPACKED / 1024 / 1024).to_string()
            ));
        }
    }
    Ok(())
}

/// The sheet asked for, or the first visible one; a hidden sheet only when named.
fn pick_sheet(
    sheets: &[calamine::Sheet],
    wanted: Option<&str>,
    path: &Path,
) -> Result<String, Problems> {
    let names = || sheets.iter().map(|s| s.name.as_str());
    match wanted {
        Some(wanted) => sheets
            .iter()
            .find(|s| s.name == wanted)
            .or_else(|| {
                sheets
                    .iter()
                    .find(|s| slug::slugify(&s.name) == slug::slugify(wanted))
            })
            .map(|s| s.name.clone())
            .ok_or_else(|| {
                Problem::file(path, msg!("workbook-no-sheet", wanted))
                    .with_closest(wanted, names(), || {
                        msg!(
                            "workbook-its-sheets",
                            sheets = crate::problem::quoted_list(names())
                        )
                    })
                    .into()
            }),
        None => sheets
            .iter()
            .find(|s| s.visible == SheetVisible::Visible)
            .map(|s| s.name.clone())
            .ok_or_else(|| Problem::file(path, msg!("workbook-no-visible-sheet")).into()),
    }
}

/// Refuses a place past the caps.
fn check_place(row: u32, column: u32, sheet: &str, path: &Path) -> Result<(), Problems> {
    if row as usize >= MAX_ROWS || column as usize >= MAX_COLUMNS {
        let mut problem = Problem::file(
            path,
            msg!(
                "workbook-too-far",
                sheet,
                cell = format!("{}{}", column_letters(column as usize), u64::from(row) + 1),
                rows = MAX_ROWS.to_string(),
                columns = MAX_COLUMNS.to_string()
            ),
        )
        .with_hint(msg!("workbook-too-far-hint"));
        problem.cell = Some(
            format!(
                "{sheet}!{}{}",
                column_letters(column as usize),
                u64::from(row) + 1
            )
            .into_boxed_str(),
        );
        return Err(problem.into());
    }
    Ok(())
}

/// The cells of an XLSX sheet, streamed: its declared dimension and every cell's place
/// are checked before anything is kept.
fn xlsx_cells<R: std::io::Read + std::io::Seek>(
    book: &mut Xlsx<R>,
    name: &str,
    path: &Path,
) -> Result<Cells, Problems> {
    let damaged = |error: calamine::XlsxError| -> Problems {
        Problem::file(
            path,
            msg!("workbook-sheet-unreadable", name, error = error.to_string()),
        )
        .with_hint(msg!("workbook-sheet-unreadable-hint"))
        .into()
    };
    let mut cells: Cells = BTreeMap::new();
    let mut count = 0usize;
    {
        let mut reader = book.worksheet_cells_reader(name).map_err(damaged)?;
        let declared = reader.dimensions();
        check_place(declared.end.0, declared.end.1, name, path)?;
        while let Some(found) = reader.next_cell_with_formula().map_err(damaged)? {
            let (row, column) = found.pos;
            check_place(row, column, name, path)?;
            let cell = match (found.value, found.formula) {
                (DataRef::Empty, Some(formula)) if !formula.is_empty() => Cell::NoCache,
                (value, _) => from_data_ref(value),
            };
            if cell == Cell::Empty {
                continue;
            }
            count += 1;
            if count > MAX_CELLS {
                return Err(Problem::file(
                    path,
                    msg!("workbook-too-many-cells", name, max = MAX_CELLS.to_string()),
                )
                .into());
            }
            cells
                .entry(row)
                .or_default()
                .insert(column, (cell, Format::General));
        }
    }
    let mut reader = book.worksheet_cells_reader(name).map_err(damaged)?;
    let styles = reader.styles().to_vec();
    while let Some((row, column, id)) = reader.next_style_id().map_err(damaged)? {
        let Some((cell, format)) = cells.get_mut(&row).and_then(|r| r.get_mut(&column)) else {
            continue;
        };
        if !matches!(cell, Cell::Int(_) | Cell::Float(_)) {
            continue;
        }
        if let Some(code) = styles.get(id).and_then(|s| s.number_format.as_ref()) {
            *format = number_format(&code.format_code);
        }
    }
    Ok(cells)
}

/// What a number format code says of its figures: a percent, an amount, or neither.
fn number_format(code: &str) -> Format {
    // A currency sign may be quoted (`#,##0.00\ "€"`, as French Excel writes it) or in
    // brackets (`[$€-40C]`); `[$-40C]` alone names a language, not a currency.
    let plain = code;
    let cents = plain.contains("0.00") || plain.contains("0,00");
    if plain.contains('%') {
        Format::Percent
    } else if plain.contains('€') {
        Format::Money {
            currency: "EUR",
            cents,
        }
    } else if plain.contains('$') && !plain.contains("[$-") {
        Format::Money {
            currency: "USD",
            cents,
        }
    } else if plain.contains('£') {
        Format::Money {
            currency: "GBP",
            cents,
        }
    } else {
        Format::General
    }
}

fn from_data_ref(value: DataRef<'_>) -> Cell {
    match value {
        DataRef::Int(i) => Cell::Int(i),
        DataRef::Float(f) => Cell::Float(f),
        DataRef::String(s) => Cell::Text(s),
        DataRef::SharedString(s) => Cell::Text(s.to_owned()),
        DataRef::Bool(b) => Cell::Bool(b),
        DataRef::DateTime(d) => d
            .as_datetime()
            .map_or(Cell::Float(d.as_f64()), |d| Cell::Date(d.date())),
        DataRef::DateTimeIso(s) => crate::locale::parse_iso_date(s.get(..10).unwrap_or(&s))
            .map_or(Cell::Text(s), Cell::Date),
        DataRef::DurationIso(s) => Cell::Text(s),
        DataRef::Error(e) => Cell::Error(e.to_string()),
        DataRef::Empty => Cell::Empty,
    }
}

fn from_data(value: &Data) -> Cell {
    match value {
        Data::Int(i) => Cell::Int(*i),
        Data::Float(f) => Cell::Float(*f),
        Data::String(s) => Cell::Text(s.clone()),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(d) => d
            .as_datetime()
            .map_or(Cell::Float(d.as_f64()), |d| Cell::Date(d.date())),
        Data::DateTimeIso(s) => crate::locale::parse_iso_date(s.get(..10).unwrap_or(s))
            .map_or(Cell::Text(s.clone()), Cell::Date),
        Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::Error(e) => Cell::Error(e.to_string()),
        Data::Empty => Cell::Empty,
    }
}

/// The cells of a sheet calamine has read whole (ODS, XLS).
fn range_cells(range: &calamine::Range<Data>, name: &str, path: &Path) -> Result<Cells, Problems> {
    let mut cells: Cells = BTreeMap::new();
    for (row, column, value) in range.used_cells() {
        let (row, column) = (
            u32::try_from(row).unwrap_or(u32::MAX),
            u32::try_from(column).unwrap_or(u32::MAX),
        );
        let (row, column) = match range.start() {
            Some((r, c)) => (row.saturating_add(r), column.saturating_add(c)),
            None => (row, column),
        };
        check_place(row, column, name, path)?;
        let cell = from_data(value);
        if cell != Cell::Empty {
            cells
                .entry(row)
                .or_default()
                .insert(column, (cell, Format::General));
        }
    }
    Ok(cells)
}

/// The grid of a sheet's cells, each row from column A.
fn grid(sheet: String, cells: Cells) -> Grid {
    let rows = cells
        .into_iter()
        .map(|(row, found)| {
            let width = found
                .keys()
                .next_back()
                .map_or(0, |&last| last as usize + 1);
            let mut cells = vec![(Cell::Empty, Format::General); width];
            for (column, cell) in found {
                cells[column as usize] = cell;
            }
            GridRow {
                number: row as usize + 1,
                cells,
            }
        })
        .collect();
    Grid {
        sheet: Some(sheet),
        rows,
        first_column: 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_formats_tell_percent_and_money() {
        assert_eq!(number_format("0.0%"), Format::Percent);
        assert_eq!(
            number_format("#,##0.00\\ \"€\""),
            Format::Money {
                currency: "EUR",
                cents: true
            }
        );
        assert_eq!(
            number_format("#,##0.00\\ [$€-40C]"),
            Format::Money {
                currency: "EUR",
                cents: true
            }
        );
        assert_eq!(
            number_format("#,##0 €"),
            Format::Money {
                currency: "EUR",
                cents: false
            }
        );
        assert_eq!(number_format("dd/mm/yyyy"), Format::General);
        assert_eq!(number_format("General"), Format::General);
    }

    #[test]
    fn what_is_not_a_zip_is_refused() {
        let problems = read(b"hello", "xlsx", None, Path::new("budget.xlsx")).unwrap_err();
        assert!(
            problems[0].message.english().contains("not a zip file"),
            "{}",
            problems[0]
        );
    }
}
