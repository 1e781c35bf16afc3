//! A sheet as read from its file, before its columns are typed: rows of cells, each where
//! the spreadsheet program shows it (`Financeurs!C7`, or line and field of a CSV).

use std::path::Path;

use chrono::NaiveDate;

use crate::message::Message;
use crate::problem::Problem;

/// A cell as the file holds it.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Int(i64),
    Float(f64),
    Bool(bool),
    Date(NaiveDate),
    /// An error value such as `#DIV/0!`.
    Error(String),
    /// A formula saved without its value.
    NoCache,
}

/// The number format of a cell, where the file says one (XLSX only).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub enum Format {
    #[default]
    General,
    Percent,
    /// An amount, in a currency, shown with cents or not.
    Money {
        currency: &'static str,
        cents: bool,
    },
}

/// A row of a sheet: its number as the program shows it (the row of a workbook, the line of
/// a CSV) and its cells from the first column.
#[derive(Debug, Clone, PartialEq)]
pub struct GridRow {
    pub number: usize,
    pub cells: Vec<(Cell, Format)>,
}

/// The cells of one sheet, and how to name its places.
#[derive(Debug, Clone, PartialEq)]
pub struct Grid {
    /// The sheet's name in a workbook; `None` for a CSV, whose places are `line:field`.
    pub sheet: Option<String>,
    pub rows: Vec<GridRow>,
    /// The 0-based column of the first cell of each row (a `range` may start at `C`).
    pub first_column: usize,
}

impl Cell {
    /// The cell as its row shows it in a problem's snippet.
    pub fn shown(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(text) => text.replace(['\n', '\r'], " "),
            Cell::Int(i) => i.to_string(),
            Cell::Float(f) => f.to_string(),
            Cell::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_owned(),
            Cell::Date(date) => date.format("%Y-%m-%d").to_string(),
            Cell::Error(error) => error.clone(),
            Cell::NoCache => "=…".to_owned(),
        }
    }
}

/// `A` for column 0, `Z` for 25, `AA` for 26.
pub fn column_letters(mut column: usize) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(char::from(b'A' + (column % 26) as u8));
        if column < 26 {
            break;
        }
        column = column / 26 - 1;
    }
    letters.iter().rev().collect()
}

impl Grid {
    /// What separates the cells of a row in a snippet.
    fn separator(&self) -> &'static str {
        match self.sheet {
            Some(_) => " | ",
            None => ";",
        }
    }

    /// A problem at cell `column` (0-based, within the row) of `row`, located as its program
    /// shows it, with the row's values as its snippet.
    pub fn problem(
        &self,
        path: &Path,
        row: &GridRow,
        column: usize,
        message: impl Into<Message>,
    ) -> Problem {
        let separator = self.separator();
        let shown: Vec<String> = row.cells.iter().map(|(cell, _)| cell.shown()).collect();
        let caret = shown
            .iter()
            .take(column)
            .map(|text| text.chars().count() + separator.chars().count())
            .sum::<usize>()
            + 1;
        let width = shown.get(column).map_or(1, |text| text.chars().count());
        let mut snippet = shown.join(separator);
        if column >= shown.len() {
            snippet.push_str(separator);
        }
        let absolute = self.first_column + column;
        let cell = self
            .sheet
            .as_ref()
            .map(|sheet| format!("{sheet}!{}{}", column_letters(absolute), row.number));
        Problem::in_cell(
            path,
            (row.number, absolute + 1),
            cell,
            (snippet, caret, width),
            message,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_lettered_as_spreadsheets_do() {
        for (index, letters) in [(0, "A"), (2, "C"), (25, "Z"), (26, "AA"), (701, "ZZ")] {
            assert_eq!(column_letters(index), letters);
        }
    }

    #[test]
    fn a_cell_is_shown_at_its_place_with_its_row() {
        let row = GridRow {
            number: 7,
            cells: vec![
                (Cell::Text("Région".into()), Format::General),
                (Cell::Error("#REF!".into()), Format::General),
            ],
        };
        let grid = Grid {
            sheet: Some("Financeurs".into()),
            rows: vec![],
            first_column: 1,
        };
        let problem = grid.problem(Path::new("budget.xlsx"), &row, 1, Message::raw("wrong"));
        assert_eq!(problem.location(), "budget.xlsx: Financeurs!C7");
        let text = problem.render(&crate::Catalogue::new(crate::Language::En), false);
        assert!(text.contains("7 | Région | #REF!"), "{text}");
        assert!(text.contains("^^^^^"), "{text}");
        let csv = Grid {
            sheet: None,
            ..grid
        };
        let problem = csv.problem(Path::new("sites.csv"), &row, 1, Message::raw("wrong"));
        assert_eq!(problem.location(), "sites.csv:7:3");
    }
}
