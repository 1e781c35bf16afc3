//! A description: `NAME.yaml` with `source:` and no `rows`, naming a spreadsheet in the
//! same folder, maybe a `sheet` and a `range` of it, and overriding the `title`, the
//! `columns` (picked, renamed, typed and ordered, each `from:` a column of the file) and
//! the `total` that were read from it.

use std::path::Path;
use std::sync::OnceLock;

use serde_saphyr::Spanned;

use super::grid::Grid;
use super::{is_spreadsheet, read_grid, typed};
use crate::data::file::DatasetDoc;
use crate::data::rows::read_totals;
use crate::data::{ColumnType, Dataset, DeclaredTotal, declared_columns};
use crate::locale::{Language, typographic};
use crate::problem::Problems;
use crate::yaml::Origin;

/// The dataset that `doc`, the file at `path` (shown as `shown`, of text `text`), describes.
pub fn described(
    doc: &DatasetDoc,
    source: &Spanned<String>,
    (path, shown, text): (&Path, &Path, &str),
    language: Language,
    name: String,
) -> Result<Dataset, Problems> {
    let origin = Origin::file(shown, text);
    let file = source.value.trim();
    let beside = !file.contains(['/', '\\']) && file != ".." && !file.is_empty();
    if !beside || !is_spreadsheet(Path::new(file)) {
        return Err(origin
            .problem_at(source, msg!("source-beside", file))
            .with_hint(msg!("source-beside-hint"))
            .into());
    }
    if !doc.rows.is_empty() {
        return Err(origin
            .problem(1, 1, msg!("source-and-rows"))
            .with_hint(msg!("source-and-rows-hint"))
            .into());
    }
    let disk = path.with_file_name(file);
    let shown_source = shown.with_file_name(file);
    if !disk.is_file() {
        return Err(origin
            .problem_at(source, msg!("source-missing", file))
            .with_hint(msg!("source-missing-hint"))
            .into());
    }
    let (mut grid, grid_text) = read_grid(&disk, &shown_source, &name, doc.sheet.as_deref())?;
    if let Some(range) = &doc.range {
        let Some(cells) = parse_range(&range.value) else {
            return Err(origin
                .problem_at(range, msg!("source-range", found = &range.value))
                .into());
        };
        crop(&mut grid, cells);
    }
    // The declared columns: their types, by the key of the file's column they come from.
    let mut problems = Problems::default();
    let columns = doc
        .columns
        .as_ref()
        .map(|declared| declared_columns(declared, origin, &mut problems));
    let typed_as: Vec<(String, ColumnType)> = doc
        .columns
        .iter()
        .flatten()
        .zip(columns.iter().flatten())
        .filter(|(declared, _)| declared.value.kind.is_some())
        .map(|(declared, column)| {
            (
                from_key(&declared.value.from, &declared.value.key),
                column.kind,
            )
        })
        .collect();
    let read = typed::typed(&grid, &shown_source, language, &typed_as)?;
    let (columns, rows, mut totals) = match (&doc.columns, columns) {
        (Some(declared), Some(mut columns)) => {
            let mut picked = Vec::with_capacity(declared.len());
            for (doc_column, column) in declared.iter().zip(columns.iter_mut()) {
                let wanted = from_key(&doc_column.value.from, &doc_column.value.key);
                let found = read.columns.iter().position(|c| c.key == wanted);
                let Some(index) = found else {
                    let at = doc_column.value.from.as_ref();
                    let problem = match at {
                        Some(from) => origin
                            .problem_at(from, msg!("source-no-column", file, column = &from.value)),
                        None => origin.problem_at(
                            doc_column,
                            msg!("source-no-column", file, column = &doc_column.value.key),
                        ),
                    };
                    problems.push(problem.with_closest(
                        &wanted,
                        read.columns.iter().map(|c| c.key.as_str()),
                        || {
                            msg!(
                                "data-its-columns",
                                columns = crate::problem::quoted_list(
                                    read.columns.iter().map(|c| c.label.as_str())
                                )
                            )
                        },
                    ));
                    continue;
                };
                let inferred = &read.columns[index];
                if doc_column.value.label.is_none() {
                    column.label = inferred.label.clone();
                }
                if doc_column.value.kind.is_none() {
                    column.kind = inferred.kind;
                }
                if doc_column.value.decimals.is_none() {
                    column.decimals = inferred.decimals;
                }
                if doc_column.value.currency.is_none() {
                    column.currency = inferred.currency.clone();
                }
                picked.push(index);
            }
            problems.into_result()?;
            let rows = read
                .rows
                .iter()
                .map(|row| picked.iter().map(|&i| row[i].clone()).collect())
                .collect();
            let totals: Vec<DeclaredTotal> = read
                .totals
                .into_iter()
                .filter_map(|total| {
                    let column = picked.iter().position(|&i| i == total.column)?;
                    Some(DeclaredTotal { column, ..total })
                })
                .collect();
            (columns, rows, totals)
        }
        _ => {
            problems.into_result()?;
            (read.columns, read.rows, read.totals)
        }
    };
    if let Some(total) = &doc.total {
        let mut problems = Problems::default();
        totals = read_totals(total, &columns, origin, &mut problems);
        problems.into_result()?;
    }
    Ok(Dataset {
        name,
        path: shown.to_path_buf(),
        title: doc.title.as_deref().map(typographic),
        columns,
        rows,
        declared_totals: totals,
        // The description's lines come first, for its problems; the cells after them, so
        // that the fingerprint changes with the spreadsheet.
        text: format!("{text}\n\0{grid_text}"),
        source: Some(disk),
        fingerprint: OnceLock::new(),
    })
}

/// The key of the file's column that a declared column is read `from` (its label or key),
/// or else the declared key itself.
fn from_key(from: &Option<Spanned<String>>, key: &str) -> String {
    match from {
        Some(from) => slug::slugify(&from.value),
        None => key.to_owned(),
    }
}

/// `A3:F12` as 0-based (first row, first column, last row, last column).
fn parse_range(text: &str) -> Option<(usize, usize, usize, usize)> {
    let (start, end) = text.trim().split_once(':')?;
    let cell = |cell: &str| -> Option<(usize, usize)> {
        let letters: String = cell.chars().take_while(char::is_ascii_alphabetic).collect();
        let digits = &cell[letters.len()..];
        if letters.is_empty() || letters.len() > 3 {
            return None;
        }
        let column = letters
            .to_ascii_uppercase()
            .bytes()
            .fold(0usize, |n, b| n * 26 + usize::from(b - b'A') + 1)
            - 1;
        let row: usize = digits.parse().ok()?;
        Some((row.checked_sub(1)?, column))
    };
    let (r0, c0) = cell(start)?;
    let (r1, c1) = cell(end)?;
    (r0 <= r1 && c0 <= c1).then_some((r0, c0, r1, c1))
}

/// Keeps the cells of `grid` within the range.
fn crop(grid: &mut Grid, (r0, c0, r1, c1): (usize, usize, usize, usize)) {
    let first = grid.first_column;
    grid.rows
        .retain(|row| (r0 + 1..=r1 + 1).contains(&row.number));
    for row in &mut grid.rows {
        let from = c0.saturating_sub(first).min(row.cells.len());
        let to = (c1 + 1).saturating_sub(first).min(row.cells.len());
        row.cells = row.cells[from..to.max(from)].to_vec();
    }
    grid.first_column = first.max(c0);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_are_read_as_spreadsheets_write_them() {
        assert_eq!(parse_range("A3:F12"), Some((2, 0, 11, 5)));
        assert_eq!(parse_range("b2:AA10"), Some((1, 1, 9, 26)));
        assert_eq!(parse_range("F12:A3"), None);
        assert_eq!(parse_range("A0:B2"), None);
        assert_eq!(parse_range("A3"), None);
    }
}
