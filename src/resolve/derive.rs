//! The columns a `table` block adds to its dataset: derived columns (`derive:`) and the
//! change since the previous note (`compare: previous`). They are worked out here, once,
//! into a dataset of their own that the table, its total row and its CSV all show.

use std::sync::Arc;

use chrono::NaiveDate;
use serde_saphyr::Spanned;

use crate::data::{Column, ColumnType, Dataset, Value};
use crate::locale::{Language, Strings, typeset};
use crate::problem::Problems;
use crate::table::{Added, Comparison, total_of};
use crate::yaml::Origin;

/// A derived column as `derive:` writes it.
#[derive(Debug, Clone, PartialEq)]
pub enum Formula {
    /// `A / B`: a ratio, shown as a percent.
    Ratio(usize, usize),
    /// `A - B`: a difference, in the unit of `A`.
    Difference(usize, usize),
    /// `share A`: a row's share of the column's total, as a percent.
    Share(usize),
}

/// Reads `LABEL = A / B`, `LABEL = A - B` or `LABEL = share A` against `dataset`.
pub fn parse_formula(
    written: &Spanned<String>,
    dataset: &Dataset,
    origin: Origin<'_>,
) -> Result<(String, Formula), Problems> {
    let hint = || msg!("derive-hint");
    let Some((label, formula)) = written.value.split_once('=') else {
        return Err(origin
            .problem_at(written, msg!("derive-no-equals", formula = &written.value))
            .with_hint(hint())
            .into());
    };
    let label = label.trim().to_owned();
    let formula = formula.trim();
    let column = |key: &str| -> Result<usize, Problems> {
        let key = key.trim();
        match dataset.column_index(key) {
            Some(index) if dataset.columns[index].kind.is_numeric() => Ok(index),
            Some(_) => Err(origin
                .problem_at(written, msg!("column-holds-text", key))
                .with_hint(msg!("derive-text-hint"))
                .into()),
            None => Err(dataset.no_such_column(key, written, origin).into()),
        }
    };
    let parsed = if let Some(key) = formula.strip_prefix("share ") {
        Formula::Share(column(key)?)
    } else if let Some((a, b)) = formula.split_once('/') {
        Formula::Ratio(column(a)?, column(b)?)
    } else if let Some((a, b)) = formula.split_once(" - ") {
        Formula::Difference(column(a)?, column(b)?)
    } else {
        return Err(origin
            .problem_at(written, msg!("derive-unknown-formula", formula))
            .with_hint(hint())
            .into());
    };
    if label.is_empty() {
        return Err(origin
            .problem_at(written, msg!("derive-no-label"))
            .with_hint(hint())
            .into());
    }
    Ok((label, parsed))
}

/// A ratio as a percent rounded to the whole percent, as the page shows it; a division by
/// zero or by a missing figure is missing, never a zero.
pub fn ratio(a: Option<f64>, b: Option<f64>) -> Option<f64> {
    match (a, b) {
        (Some(a), Some(b)) if b != 0.0 => Some((a / b * 100.0).round() / 100.0),
        _ => None,
    }
}

/// What a table adds to its dataset.
pub struct Additions {
    pub dataset: Arc<Dataset>,
    pub added: Vec<Added>,
    /// Where each change column goes: right after the column it follows.
    pub changes: Vec<(usize, usize)>,
    pub derived: Vec<usize>,
    pub comparison: Option<Comparison>,
}

/// The dataset with its derived columns, and with the change of each of `figures` since
/// `previous` (rows matched by the `key` column, through `name_key`).
pub fn add_columns(
    dataset: &Arc<Dataset>,
    formulas: &[(String, Formula)],
    previous: Option<(NaiveDate, &Dataset, usize, usize)>,
    figures: &[usize],
    name_key: &dyn Fn(&str) -> String,
    language: Language,
    strings: &Strings,
) -> Additions {
    let mut columns = dataset.columns.clone();
    let mut rows = dataset.rows.clone();
    let mut added = Vec::new();
    let mut derived = Vec::new();
    let total = |i: usize| total_of(dataset, i);
    let mut changes = Vec::new();
    let mut comparison = None;
    if let Some((since, before, key, key_before)) = previous {
        let old_keys: Vec<String> = before
            .rows
            .iter()
            .map(|row| {
                name_key(&row_name(
                    &row[key_before..],
                    &before.columns[key_before],
                    language,
                ))
            })
            .collect();
        let new_keys: Vec<String> = dataset
            .rows
            .iter()
            .map(|row| name_key(&row_name(&row[key..], &dataset.columns[key], language)))
            .collect();
        let matched: Vec<Option<usize>> = new_keys
            .iter()
            .map(|k| old_keys.iter().position(|old| old == k))
            .collect();
        let since_words = language.long_date(since);
        for &figure in figures {
            let column = &dataset.columns[figure];
            let Some(old) = before.column_index(&column.key) else {
                continue;
            };
            let points = column.kind == ColumnType::Percent;
            let index = columns.len();
            let mut change_column = column.clone();
            change_column.key = format!("{}-change", column.key);
            let label = typeset(&column.label, language);
            change_column.label = strings
                .get("change_header")
                .replace("{column}", &label)
                .replace("{date}", &since_words);
            let shown = strings.get("change_since").replace("{date}", &since_words);
            let hidden = strings.get("change_of").replace("{column}", &label);
            if points {
                change_column.kind = ColumnType::Number;
                change_column.label =
                    format!("{} ({})", change_column.label, strings.get("points"));
            }
            let scale = if points { 100.0 } else { 1.0 };
            columns.push(change_column);
            for (row, matched) in rows.iter_mut().zip(&matched) {
                let change = matched.and_then(|m| {
                    Some((row[figure].as_f64()? - before.rows[m][old].as_f64()?) * scale)
                });
                let kind = if points {
                    ColumnType::Number
                } else {
                    column.kind
                };
                row.push(number(change, kind));
            }
            let total_change = (|| Some((total(figure)? - total_of(before, old)?) * scale))();
            added.push(Added {
                column: index,
                change: Some(points),
                total: total_change,
                header: Some((hidden, shown)),
            });
            changes.push((figure, index));
        }
        let gone = old_keys
            .iter()
            .enumerate()
            .filter(|(_, k)| !k.is_empty() && !new_keys.contains(k))
            .map(|(i, _)| {
                row_name(
                    &before.rows[i][key_before..],
                    &before.columns[key_before],
                    language,
                )
            })
            .collect();
        comparison = Some(Comparison {
            since,
            new_rows: matched.iter().map(Option::is_none).collect(),
            gone,
        });
    }
    // The derived columns after the changes, as the CSV lists them.
    for (label, formula) in formulas {
        let index = columns.len();
        let (kind, base) = match formula {
            Formula::Ratio(..) | Formula::Share(_) => (ColumnType::Percent, None),
            Formula::Difference(a, _) => (dataset.columns[*a].kind, Some(*a)),
        };
        let mut column = base.map_or_else(Column::default, |a| dataset.columns[a].clone());
        column.key = slug::slugify(label);
        column.label = label.clone();
        column.kind = kind;
        column.max = None;
        columns.push(column);
        let value = |row: &[Value]| -> Option<f64> {
            match formula {
                Formula::Ratio(a, b) => ratio(row[*a].as_f64(), row[*b].as_f64()),
                Formula::Share(a) => ratio(row[*a].as_f64(), total(*a)),
                Formula::Difference(a, b) => Some(row[*a].as_f64()? - row[*b].as_f64()?),
            }
        };
        for row in &mut rows {
            let figure = value(row);
            row.push(number(figure, kind));
        }
        let total_figure = match formula {
            Formula::Ratio(a, b) => ratio(total(*a), total(*b)),
            Formula::Share(a) => total(*a).map(|_| 1.0),
            Formula::Difference(a, b) => total(*a).zip(total(*b)).map(|(a, b)| a - b),
        };
        added.push(Added {
            column: index,
            change: None,
            total: total_figure,
            header: None,
        });
        derived.push(index);
    }
    let mut made = Dataset::derived(dataset.name.clone(), dataset.title.clone(), columns, rows);
    made.declared_totals = dataset.declared_totals.clone();
    Additions {
        dataset: Arc::new(made),
        added,
        changes,
        derived,
        comparison,
    }
}

/// The name a row is matched by: its value in the key column, as it reads.
fn row_name(from_key: &[Value], column: &Column, language: Language) -> String {
    from_key
        .first()
        .map(|value| value.display(column, language))
        .unwrap_or_default()
}

fn number(figure: Option<f64>, kind: ColumnType) -> Value {
    match (figure, kind) {
        (None, _) => Value::Missing,
        (Some(n), ColumnType::Integer) => Value::Integer(n.round() as i64),
        (Some(n), _) => Value::Number(n),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_ratio_by_zero_or_by_a_missing_figure_is_missing() {
        assert_eq!(ratio(Some(67.0), Some(90.0)), Some(0.74));
        assert_eq!(ratio(Some(102.0), Some(195.0)), Some(0.52));
        assert_eq!(ratio(Some(6.0), Some(0.0)), None);
        assert_eq!(ratio(None, Some(30.0)), None);
        assert_eq!(ratio(Some(6.0), None), None);
    }
}
