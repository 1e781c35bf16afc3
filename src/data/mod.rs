//! Datasets: the YAML tables of figures that reports show as tables and charts.
//!
//! A dataset is either a list of rows, or a mapping with a `title`, typed `columns`, the
//! `rows` and the `total` printed in the source document. Values are checked against their
//! column's type where they are read, so a mistake is reported at its own line and column.
//! A missing value stays missing: it is never turned into a zero.

pub mod csv;
mod figures;
mod file;
mod hash;
mod rows;
pub mod sheet;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use chrono::NaiveDate;
use serde_saphyr::Spanned;

use self::file::{ColumnDoc, DatasetDoc, DatasetFile, inferred_columns, parse_date};
use self::rows::{read_row, read_totals};
use crate::locale::{Language, typeset, typographic};
use crate::message::Message;
use crate::problem::{Capped, Problem, Problems, quoted_list};
use crate::yaml::{self, Origin};

/// The type of a column, which decides how its values are checked, aligned and written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum ColumnType {
    #[default]
    Text,
    Integer,
    Number,
    Percent,
    Money,
    Date,
}

impl ColumnType {
    const NAMES: [&'static str; 6] = ["text", "integer", "number", "percent", "money", "date"];

    fn from_name(name: &str) -> Option<Self> {
        Some(match name {
            "text" => ColumnType::Text,
            "integer" => ColumnType::Integer,
            "number" => ColumnType::Number,
            "percent" => ColumnType::Percent,
            "money" => ColumnType::Money,
            "date" => ColumnType::Date,
            _ => return None,
        })
    }

    /// Numbers are aligned right.
    pub fn is_numeric(self) -> bool {
        matches!(
            self,
            ColumnType::Integer | ColumnType::Number | ColumnType::Percent | ColumnType::Money
        )
    }

    /// Counts and amounts add up to a total; rates and plain decimals (an average, a
    /// ratio) do not.
    pub fn is_summed(self) -> bool {
        matches!(self, ColumnType::Integer | ColumnType::Money)
    }

    /// What a value of this type looks like, for messages.
    fn expected(self) -> crate::message::Message {
        match self {
            ColumnType::Text => msg!("expected-text"),
            ColumnType::Integer => msg!("expected-integer"),
            ColumnType::Number => msg!("expected-number"),
            ColumnType::Percent => msg!("expected-percent"),
            ColumnType::Money => msg!("expected-money"),
            ColumnType::Date => msg!("expected-date"),
        }
    }
}

/// A column of a dataset.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Column {
    pub key: String,
    pub label: String,
    pub kind: ColumnType,
    /// ISO 4217 code, for `money` columns.
    pub currency: String,
    /// For `money` columns, the decimals of every figure, its total included: 2 as soon as
    /// one figure has cents (or as `decimals:` says), else 0. Settled when it is read.
    pub decimals: usize,
    /// For `percent` columns, the largest fraction a value may be (`max: 2` is 200 %);
    /// without it a bare number above 1 is refused, as a percentage typed as 12.5 for 12,5 %.
    pub max: Option<f64>,
}

/// A value in a dataset, checked against its column's type.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// Not given: shown as an empty cell, left out of totals, never a zero.
    Missing,
    Text(String),
    Integer(i64),
    /// A number, a percentage (as a fraction) or an amount of money.
    Number(f64),
    Date(NaiveDate),
}

impl Value {
    /// The value as a number, for sums and charts.
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Integer(i) => Some(*i as f64),
            Value::Number(n) => Some(*n),
            _ => None,
        }
    }

    /// The value as a person reads it, in the site's language.
    pub fn display(&self, column: &Column, language: Language) -> String {
        match (self, column.kind) {
            (Value::Missing, _) => String::new(),
            (Value::Text(text), _) => typeset(text, language),
            (Value::Date(date), _) => language.short_date(*date),
            (Value::Integer(i), ColumnType::Integer) => language.integer(*i),
            (value, ColumnType::Percent) => language.percent(value.as_f64().unwrap_or(0.0)),
            (value, ColumnType::Money) => language.money_with(
                value.as_f64().unwrap_or(0.0),
                &column.currency,
                column.decimals,
            ),
            (Value::Integer(i), _) => language.integer(*i),
            (Value::Number(n), _) => language.number(*n, 3),
        }
    }
}

/// A total printed in the source document, to be checked against the rows.
#[derive(Debug, Clone, PartialEq)]
pub struct DeclaredTotal {
    pub column: usize,
    pub value: f64,
    pub line: usize,
    pub col: usize,
    /// The length of the figure as written, to underline it.
    pub width: usize,
    /// For a total row of a spreadsheet, the problem at its cell, whose message is left
    /// to be written.
    pub at_cell: Option<Problem>,
}

/// A dataset read from `NAME.yaml`.
#[derive(Debug, Clone, PartialEq)]
pub struct Dataset {
    /// The file name without `.yaml`: how `table` blocks name it.
    pub name: String,
    pub path: PathBuf,
    pub title: Option<String>,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Value>>,
    pub declared_totals: Vec<DeclaredTotal>,
    /// The file's text, to show the offending line of a problem found later.
    text: String,
    /// The spreadsheet this dataset's file describes (`source:`), which is then no
    /// dataset nor attachment of its own.
    pub source: Option<PathBuf>,
    /// A hash of the file's place and text, made when first asked for (by the render cache
    /// of `serve` only), then kept with the dataset.
    fingerprint: OnceLock<u64>,
}

impl Dataset {
    /// A dataset made by bilan rather than read from a file (the figures of a chart that
    /// follows a dataset across reports).
    pub fn derived(
        name: String,
        title: Option<String>,
        columns: Vec<Column>,
        rows: Vec<Vec<Value>>,
    ) -> Self {
        Dataset {
            name,
            path: PathBuf::new(),
            title,
            columns,
            rows,
            declared_totals: Vec::new(),
            text: String::new(),
            source: None,
            fingerprint: OnceLock::new(),
        }
    }

    /// A hash of what the dataset is read from (its file and text): two datasets whose
    /// fingerprints are the same were read from the same text.
    pub fn fingerprint(&self) -> u64 {
        *self.fingerprint.get_or_init(|| {
            use std::hash::{Hash, Hasher};
            let mut hasher = std::hash::DefaultHasher::new();
            self.path.hash(&mut hasher);
            self.text.hash(&mut hasher);
            hasher.finish()
        })
    }

    /// The index of the column whose key is `key`, or else whose label is exactly `key`
    /// (`Stagiaires entrés` for the key `stagiaires-entres` of a spreadsheet's column).
    pub fn column_index(&self, key: &str) -> Option<usize> {
        self.columns.iter().position(|c| c.key == key).or_else(|| {
            let label = typographic(key);
            self.columns.iter().position(|c| c.label == label)
        })
    }

    /// The name of the CSV written beside the pages that show it: `sites.csv`, and
    /// `budget-financeurs.csv` for the sheet `Financeurs` of `budget.xlsx`.
    pub fn csv_name(&self) -> String {
        match self.name.split_once('/') {
            Some((file, sheet)) => format!("{file}-{}.csv", slug::slugify(sheet)),
            None => format!("{}.csv", self.name),
        }
    }

    /// The problem of a block that names `key`, a column this dataset does not have.
    pub fn no_such_column<T>(&self, key: &str, at: &Spanned<T>, origin: Origin<'_>) -> Problem {
        let keys = || self.columns.iter().map(|c| c.key.as_str());
        origin
            .problem_at(at, msg!("data-no-such-column", dataset = &self.name, key))
            .with_closest(key, keys(), || {
                msg!("data-its-columns", columns = quoted_list(keys()))
            })
    }

    /// The sum of a numeric column over the rows that have a value, or `None` if none has.
    pub fn sum(&self, column: usize) -> Option<f64> {
        let values: Vec<f64> = self
            .rows
            .iter()
            .filter_map(|row| row.get(column).and_then(Value::as_f64))
            .collect();
        (!values.is_empty()).then(|| values.iter().sum())
    }

    /// Checks each declared total of a column of counts or amounts against the sum of its
    /// column. The total of a rate (an overall rate) or of plain decimals is not a sum, and
    /// is shown as given.
    /// A problem at the first place `written` is found in the file (a name in its rows),
    /// or at the file when it is not found as written.
    pub fn problem_at_text(&self, written: &str, message: Message) -> Problem {
        let found = self.text.lines().enumerate().find_map(|(number, line)| {
            let at = line.find(written)?;
            Some((number + 1, line[..at].chars().count() + 1))
        });
        match found {
            Some((line, column)) => Problem::at(&self.path, &self.text, line, column, message)
                .with_width(written.chars().count()),
            None => Problem::file(&self.path, message),
        }
    }

    pub fn check_totals(&self, language: Language) -> Problems {
        self.declared_totals
            .iter()
            .filter(|total| self.columns[total.column].kind.is_summed())
            .filter_map(|total| {
                let column = &self.columns[total.column];
                let sum = self.sum(total.column).unwrap_or(0.0);
                let tolerance = 1e-9 * sum.abs().max(1.0);
                if (sum - total.value).abs() <= tolerance {
                    return None;
                }
                let show = |v: f64| match column.kind {
                    ColumnType::Integer => language.integer(v.round() as i64),
                    _ => Value::Number(v).display(column, language),
                };
                let message = msg!(
                    "data-total-mismatch",
                    column = &column.key,
                    given = show(total.value),
                    sum = show(sum)
                );
                Some(match &total.at_cell {
                    Some(cell) => Problem {
                        message,
                        ..cell.clone()
                    }
                    .with_hint(msg!("data-total-mismatch-sheet-hint")),
                    None => Problem::at(&self.path, &self.text, total.line, total.col, message)
                        .with_width(total.width)
                        .with_hint(msg!("data-total-mismatch-hint")),
                })
            })
            .collect()
    }
}

/// Reads the dataset at `path` (shown to the user as `shown`), for a site in French.
pub fn load_dataset(path: &Path, shown: &Path, text: &str) -> Result<Dataset, Problems> {
    load_dataset_in(path, shown, text, Language::Fr)
}

/// Reads the dataset at `path` (shown to the user as `shown`); the spreadsheet it
/// describes, if any, is read in `language`.
pub fn load_dataset_in(
    path: &Path,
    shown: &Path,
    text: &str,
    language: Language,
) -> Result<Dataset, Problems> {
    let name = path
        .file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_default();
    let origin = Origin::file(shown, text);
    let file: DatasetFile = yaml::parse(
        text,
        origin,
        Some(&DatasetDoc::KEYS),
        msg!("yaml-expected-dataset"),
    )?;
    let doc = match file {
        DatasetFile::Rows(rows) => DatasetDoc {
            title: None,
            columns: None,
            rows,
            total: None,
            source: None,
            sheet: None,
            range: None,
        },
        DatasetFile::Table(doc) => *doc,
    };
    if let Some(source) = &doc.source {
        return sheet::described(&doc, source, (path, shown, text), language, name);
    }
    let mut problems = Problems::default();
    let mut columns = match &doc.columns {
        Some(declared) => declared_columns(declared, origin, &mut problems),
        None => inferred_columns(&doc.rows),
    };
    let declared_decimals: Vec<bool> = doc
        .columns
        .iter()
        .flatten()
        .map(|column| column.value.decimals.is_some())
        .collect();
    figures::settle_money_decimals(
        &mut columns,
        &declared_decimals,
        &doc.rows,
        doc.total.as_ref(),
        text,
    );
    // The problems found so far count towards the file's cap; its rows are read within
    // it, and its totals listed after them.
    let mut capped = Capped::new(shown);
    capped.extend(problems);
    let rows = doc
        .rows
        .iter()
        .map(|row| read_row(row, &columns, origin, &mut capped))
        .collect();
    let mut problems = capped.finish();
    let declared_totals = doc
        .total
        .as_ref()
        .map(|total| read_totals(total, &columns, origin, &mut problems))
        .unwrap_or_default();
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Dataset {
        name,
        path: shown.to_path_buf(),
        title: doc.title.as_deref().map(typographic),
        columns,
        rows,
        declared_totals,
        text: text.to_owned(),
        source: None,
        fingerprint: OnceLock::new(),
    })
}

fn declared_columns(
    declared: &[Spanned<ColumnDoc>],
    origin: Origin<'_>,
    problems: &mut Problems,
) -> Vec<Column> {
    let mut columns: Vec<Column> = Vec::new();
    for doc in declared {
        let column = &doc.value;
        if columns.iter().any(|c| c.key == column.key) {
            problems.push(origin.problem_at(doc, msg!("data-column-twice", column = &column.key)));
        }
        let kind = match &column.kind {
            None => ColumnType::Text,
            Some(kind) => ColumnType::from_name(&kind.value).unwrap_or_else(|| {
                problems.push(
                    origin
                        .problem_at(kind, msg!("data-unknown-type", kind = &kind.value))
                        .with_closest(&kind.value, ColumnType::NAMES, || {
                            msg!("data-types-are", types = ColumnType::NAMES.join(", "))
                        }),
                );
                ColumnType::Text
            }),
        };
        let mut decimals = 0;
        if let Some(declared) = &column.decimals {
            if kind != ColumnType::Money {
                problems.push(
                    origin
                        .problem_at(declared, msg!("data-decimals-money"))
                        .with_hint(msg!("data-decimals-money-hint")),
                );
            } else if !matches!(declared.value, 0 | 2) {
                problems.push(
                    origin
                        .problem_at(
                            declared,
                            msg!("data-decimals-0-or-2", found = declared.value.to_string()),
                        )
                        .with_hint(msg!("data-decimals-0-or-2-hint")),
                );
            }
            decimals = usize::from(declared.value);
        }
        let max = column.max.as_ref().map(|max| {
            if kind != ColumnType::Percent {
                problems.push(
                    origin
                        .problem_at(max, msg!("data-max-percent"))
                        .with_hint(msg!("data-max-percent-hint")),
                );
            } else if !(max.value > 0.0 && max.value.is_finite()) {
                problems.push(
                    origin
                        .problem_at(max, msg!("data-max-positive"))
                        .with_hint(msg!("data-max-positive-hint")),
                );
            }
            max.value
        });
        columns.push(Column {
            key: column.key.clone(),
            label: typographic(column.label.as_deref().unwrap_or(&column.key)),
            kind,
            currency: column.currency.clone().unwrap_or_else(|| "EUR".to_owned()),
            decimals,
            max,
        });
    }
    columns
}

#[cfg(test)]
mod tests;
