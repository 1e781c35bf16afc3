//! CSV files as spreadsheet programs save them: UTF-8 with or without a BOM, or else
//! Windows-1252 (French Excel's "CSV (séparateur : point-virgule)"); the separator (`;`,
//! `,` or a tab) found from the header line.

use std::path::Path;

use super::grid::{Cell, Format, Grid, GridRow};
use super::{MAX_COLUMNS, MAX_ROWS};
use crate::problem::{Capped, Problem, Problems};

/// The text of a CSV file's bytes.
pub fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => encoding_rs::WINDOWS_1252
            .decode_without_bom_handling(bytes)
            .0
            .into_owned(),
    }
}

/// The separator of the first non-empty line: the one of `;`, `,` and tab it has most of,
/// outside quotes.
pub fn separator(text: &str) -> u8 {
    let line = text
        .lines()
        .find(|line| !line.trim().is_empty())
        .unwrap_or("");
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            ';' if !quoted => counts[0] += 1,
            ',' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let separators = [b';', b',', b'\t'];
    let best = (0..3).max_by_key(|&i| (counts[i], 3 - i)).unwrap_or(0);
    if counts[best] == 0 {
        b','
    } else {
        separators[best]
    }
}

/// The cells of the CSV text, each row numbered by its line.
pub fn read(text: &str, path: &Path) -> Result<Grid, Problems> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator(text))
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut grid = Grid {
        sheet: None,
        rows: Vec::new(),
        first_column: 0,
    };
    let mut problems = Capped::new(path);
    let mut header_width: Option<usize> = None;
    for record in reader.records() {
        let record = match record {
            Ok(record) => record,
            Err(error) => {
                let line = error.position().map_or(0, |p| p.line() as usize);
                problems.push(
                    Problem::at(
                        path,
                        text,
                        line,
                        1,
                        msg!("csv-unreadable-line", error = error.to_string()),
                    )
                    .with_hint(msg!("csv-unreadable-line-hint")),
                );
                break;
            }
        };
        let line = record.position().map_or(0, |p| p.line() as usize);
        if grid.rows.len() >= MAX_ROWS || record.len() > MAX_COLUMNS {
            return Err(Problem::at(
                path,
                text,
                line,
                1,
                msg!(
                    "csv-too-large",
                    rows = MAX_ROWS.to_string(),
                    columns = MAX_COLUMNS.to_string()
                ),
            )
            .with_hint(msg!("csv-too-large-hint"))
            .into());
        }
        let cells: Vec<(Cell, Format)> = record
            .iter()
            .map(|field| match field.trim() {
                "" => (Cell::Empty, Format::General),
                _ => (Cell::Text(field.to_owned()), Format::General),
            })
            .collect();
        let row = GridRow {
            number: line,
            cells,
        };
        let used = row
            .cells
            .iter()
            .rposition(|(cell, _)| *cell != Cell::Empty)
            .map_or(0, |last| last + 1);
        match header_width {
            None if used > 0 => header_width = Some(used),
            Some(width) if used > width => {
                problems.push(
                    grid.problem(
                        path,
                        &row,
                        width,
                        msg!(
                            "csv-field-count",
                            fields = row.cells.len().to_string(),
                            width = width.to_string()
                        ),
                    )
                    .with_hint(msg!("csv-too-many-fields-hint")),
                );
            }
            Some(width) if used > 0 && row.cells.len() < width => {
                problems.push(
                    grid.problem(
                        path,
                        &row,
                        row.cells.len(),
                        msg!(
                            "csv-field-count",
                            fields = row.cells.len().to_string(),
                            width = width.to_string()
                        ),
                    )
                    .with_hint(msg!("csv-too-few-fields-hint")),
                );
            }
            _ => {}
        }
        grid.rows.push(row);
    }
    let problems = problems.finish();
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(grid)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_separator_is_found_from_the_header() {
        assert_eq!(separator("Site;Entrés\nTPM;67\n"), b';');
        assert_eq!(separator("Site,Entrés\n"), b',');
        assert_eq!(separator("Site\tEntrés\n"), b'\t');
        assert_eq!(separator("\"a;b\",c\n"), b',');
        assert_eq!(separator("Site\n"), b',');
    }

    #[test]
    fn windows_1252_is_read_when_the_text_is_not_utf8() {
        assert_eq!(
            decode(b"Stagiaires entr\xe9s;Co\xfbt \x80"),
            "Stagiaires entrés;Coût €"
        );
        assert_eq!(decode("\u{FEFF}Entrés".as_bytes()), "Entrés");
    }

    #[test]
    fn ragged_lines_are_located() {
        let text = "Site;Entrés\nTPM;67\nNice;3;4\n";
        let problems = read(text, Path::new("sites.csv")).unwrap_err();
        assert_eq!(problems[0].location(), "sites.csv:3:3");
        assert_eq!(
            problems[0].message,
            "this line has 3 fields where the header has 2"
        );
    }
}
