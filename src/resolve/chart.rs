//! A `chart` block resolved against the site: its type, its dataset (or the reports it
//! follows), columns that exist and hold figures, and from those the figures it draws.

use std::sync::Arc;

use serde_saphyr::Spanned;

use super::{ResolvedChart, lookup};
use crate::block::ChartSpec;
use crate::chart::{ChartData, ChartKind, Series};
use crate::content::{Document, Site};
use crate::data::{Column, ColumnType, Dataset, Value};
use crate::locale::{Language, Strings, typeset};
use crate::problem::Problems;
use crate::table::Table;
use crate::yaml::Origin;

/// The chart `spec` asks for, or the problems that keep it from being drawn.
pub(super) fn resolve(
    spec: &ChartSpec,
    site: &Site,
    doc: &Document,
    origin: Origin<'_>,
) -> Result<ResolvedChart, Problems> {
    let mut problems = Problems::default();
    let Some(kind) = ChartKind::from_name(&spec.kind.value) else {
        let problem = origin.problem_at(
            &spec.kind,
            msg!("chart-unknown-type", kind = &spec.kind.value),
        );
        return Err(problem
            .with_closest(&spec.kind.value, ChartKind::NAMES, || {
                msg!("data-types-are", types = ChartKind::NAMES.join(", "))
            })
            .into());
    };
    if kind == ChartKind::Progress {
        return super::progress::resolve(spec, site, doc, origin);
    }
    let columns = &spec.y.value.0;
    if spec.y.referenced == serde_saphyr::Location::UNKNOWN {
        // No `y` at all: said at the chart's type, which needs it.
        return Err(origin
            .problem_at(&spec.kind, msg!("chart-needs-y", kind = &spec.kind.value))
            .with_hint(msg!("chart-give-y-hint"))
            .into());
    }
    if columns.is_empty() {
        problems.push(
            origin
                .problem_at(&spec.y, msg!("chart-y-empty"))
                .with_hint(msg!("chart-give-y-hint")),
        );
    }
    if kind == ChartKind::Pie && columns.len() > 1 {
        problems.push(
            origin
                .problem_at(&spec.y, msg!("chart-pie-one-column"))
                .with_hint(msg!("chart-pie-one-column-hint")),
        );
    }
    let strings = &site.theme.strings;
    let language = site.config.language;
    match &spec.across {
        Some(across) => {
            let history = across_reports(spec, kind, across, site, doc, origin, &mut problems);
            let history = history.ok_or_else(|| problems.clone())?;
            problems.into_result()?;
            Ok(figures_across(spec, kind, history, strings, language))
        }
        None => {
            if let Some(series) = &spec.series {
                problems.push(
                    origin
                        .problem_at(series, msg!("chart-series-across"))
                        .with_hint(msg!("chart-series-across-hint")),
                );
            }
            let Some(dataset) = lookup(site, doc, &spec.data, origin).found(&mut problems) else {
                return Err(problems);
            };
            let x = match &spec.x {
                Some(x) => check_column(dataset, &x.value, x, false, origin, &mut problems),
                None => Some(0),
            };
            let ys: Vec<Option<usize>> = columns
                .iter()
                .map(|column| check_column(dataset, column, &spec.y, true, origin, &mut problems))
                .collect();
            if kind == ChartKind::Pie && problems.is_empty() {
                check_pie_figures(spec, dataset, language, origin, &mut problems);
            }
            problems.into_result()?;
            let ys: Vec<usize> = ys.into_iter().flatten().collect();
            Ok(figures(spec, kind, dataset, x.unwrap_or(0), &ys, language))
        }
    }
}

/// The checks of a chart across reports; the history it follows, oldest first, when it
/// has one (the problems found so far go to `problems`).
fn across_reports(
    spec: &ChartSpec,
    kind: ChartKind,
    across: &Spanned<String>,
    site: &Site,
    doc: &Document,
    origin: Origin<'_>,
    problems: &mut Problems,
) -> Option<Vec<(Option<chrono::NaiveDate>, Arc<Dataset>)>> {
    let name = spec.data.value.as_str();
    let columns = &spec.y.value.0;
    if across.value != "reports" {
        problems.push(
            origin
                .problem_at(across, msg!("chart-across-reports", found = &across.value))
                .with_hint(msg!("chart-across-reports-hint")),
        );
        return None;
    }
    if let Some(x) = &spec.x {
        problems.push(
            origin
                .problem_at(x, msg!("chart-across-x"))
                .with_hint(msg!("chart-across-x-hint")),
        );
    }
    if kind != ChartKind::Line && kind != ChartKind::Bar {
        problems.push(
            origin
                .problem_at(&spec.kind, msg!("chart-across-kind"))
                .with_hint(msg!("chart-across-kind-hint")),
        );
    }
    if columns.len() > 1 {
        problems.push(
            origin
                .problem_at(&spec.y, msg!("chart-across-one-column"))
                .with_hint(msg!("chart-across-one-column-hint")),
        );
    }
    let Some(series) = &spec.series else {
        problems.push(
            origin
                .problem_at(across, msg!("chart-across-series"))
                .with_hint(msg!("chart-across-series-hint")),
        );
        return None;
    };
    let history: Vec<_> = site
        .history(doc, name)
        .map(|(report, dataset)| (report.date, Arc::clone(dataset)))
        .collect();
    let Some((_, latest)) = history.last() else {
        problems.push(
            origin
                .problem_at(&spec.data, msg!("chart-across-no-dataset", name))
                .with_hint(msg!("chart-across-no-dataset-hint", name)),
        );
        return None;
    };
    check_column(latest, &series.value, series, false, origin, problems);
    if let Some(x) = &spec.x {
        check_column(latest, &x.value, x, false, origin, problems);
    }
    for column in columns {
        check_column(latest, column, &spec.y, true, origin, problems);
    }
    Some(history)
}

/// The figures of a chart of one dataset: categories from column `x`, a series per `ys`.
fn figures(
    spec: &ChartSpec,
    kind: ChartKind,
    dataset: &Arc<Dataset>,
    x: usize,
    ys: &[usize],
    language: Language,
) -> ResolvedChart {
    let value_column = dataset.columns[ys[0]].clone();
    let categories = dataset
        .rows
        .iter()
        .map(|row| row[x].display(&dataset.columns[x], language))
        .collect();
    let series = ys
        .iter()
        .map(|&i| Series {
            name: typeset(&dataset.columns[i].label, language),
            values: dataset.rows.iter().map(|row| row[i].as_f64()).collect(),
        })
        .collect();
    let title = spec
        .title
        .as_deref()
        .map(|title| typeset(title, language))
        .or_else(|| dataset.title.as_deref().map(|t| typeset(t, language)))
        .unwrap_or_else(|| dataset.name.clone());
    let shown: Vec<usize> = std::iter::once(x).chain(ys.iter().copied()).collect();
    let table = Table::for_chart(Arc::clone(dataset), Some(shown), &title);
    let data = ChartData {
        kind,
        title,
        category_label: typeset(&dataset.columns[x].label, language),
        categories,
        series,
        value_column,
    };
    ResolvedChart {
        data,
        table,
        history: Vec::new(),
    }
}

/// The figures of a chart across reports: a category per report, a series per value of
/// the `series` column, and the same figures as a table of their own.
fn figures_across(
    spec: &ChartSpec,
    kind: ChartKind,
    history: Vec<(Option<chrono::NaiveDate>, Arc<Dataset>)>,
    strings: &Strings,
    language: Language,
) -> ResolvedChart {
    let name = spec.data.value.as_str();
    let series_key = spec.series.as_ref().map_or("", |s| s.value.as_str());
    let y_key = spec.y.value.0[0].as_str();
    let latest = &history[history.len() - 1].1;
    let mut value_column = latest.columns[latest.column_index(y_key).unwrap_or(0)].clone();
    // Amounts keep their cents on every point if one note of the history has them.
    value_column.decimals = history
        .iter()
        .filter_map(|(_, dataset)| dataset.columns.get(dataset.column_index(y_key)?))
        .filter(|column| column.kind == value_column.kind)
        .map(|column| column.decimals)
        .fold(value_column.decimals, usize::max);
    let mut series: Vec<Series> = Vec::new();
    for (position, (_, dataset)) in history.iter().enumerate() {
        let (Some(s), Some(v)) = (
            dataset.column_index(series_key),
            dataset.column_index(y_key),
        ) else {
            continue;
        };
        for row in &dataset.rows {
            let label = row[s].display(&dataset.columns[s], language);
            if label.is_empty() {
                continue;
            }
            let index = match series.iter().position(|existing| existing.name == label) {
                Some(index) => index,
                None => {
                    series.push(Series {
                        name: label,
                        values: vec![None; history.len()],
                    });
                    series.len() - 1
                }
            };
            if series[index].values[position].is_none() {
                series[index].values[position] = row[v].as_f64();
            }
        }
    }
    let categories: Vec<String> = history
        .iter()
        .map(|(date, _)| date.map(|d| language.short_date(d)).unwrap_or_default())
        .collect();
    let category_label = strings.get("report_date").to_owned();
    let title = spec
        .title
        .as_deref()
        .map(|title| typeset(title, language))
        .unwrap_or_else(|| typeset(&value_column.label, language));

    // The same figures as a table: one row per report, one column per line.
    let mut columns = vec![Column {
        key: "date".to_owned(),
        label: category_label.clone(),
        kind: ColumnType::Date,
        ..Column::default()
    }];
    columns.extend(series.iter().enumerate().map(|(i, s)| Column {
        key: format!("s{i}"),
        label: s.name.clone(),
        ..value_column.clone()
    }));
    let rows = history
        .iter()
        .enumerate()
        .map(|(i, (date, _))| {
            let mut row = vec![date.map_or(Value::Missing, Value::Date)];
            row.extend(
                series
                    .iter()
                    .map(|s| s.values[i].map_or(Value::Missing, Value::Number)),
            );
            row
        })
        .collect();
    let derived = Arc::new(Dataset::derived(
        format!("{name}-{y_key}-{}", strings.get("across_reports_file")),
        Some(title.clone()),
        columns,
        rows,
    ));
    let table = Table::for_chart(derived, None, &title);
    let data = ChartData {
        kind,
        title,
        category_label,
        categories,
        series,
        value_column,
    };
    ResolvedChart {
        data,
        table,
        history,
    }
}

/// A slice cannot be less than nothing: a pie of a negative figure is refused, naming the
/// row and the figure.
fn check_pie_figures(
    spec: &ChartSpec,
    dataset: &Dataset,
    language: Language,
    origin: Origin<'_>,
    problems: &mut Problems,
) {
    let x = spec
        .x
        .as_ref()
        .and_then(|x| dataset.column_index(&x.value))
        .unwrap_or(0);
    let Some(y) = spec
        .y
        .value
        .0
        .first()
        .and_then(|key| dataset.column_index(key))
    else {
        return;
    };
    let (Some(x_column), Some(y_column)) = (dataset.columns.get(x), dataset.columns.get(y)) else {
        return;
    };
    for row in &dataset.rows {
        let (Some(category), Some(value)) = (row.get(x), row.get(y)) else {
            continue;
        };
        if value.as_f64().is_some_and(|v| v < 0.0) {
            problems.push(
                origin
                    .problem_at(
                        &spec.kind,
                        msg!(
                            "chart-pie-negative",
                            column = &y_column.key,
                            category = category.display(x_column, language),
                            value = value.display(y_column, language)
                        ),
                    )
                    .with_hint(msg!("chart-pie-negative-hint")),
            );
        }
    }
}

fn check_column<T>(
    dataset: &Dataset,
    key: &str,
    at: &Spanned<T>,
    figures: bool,
    origin: Origin<'_>,
    problems: &mut Problems,
) -> Option<usize> {
    let index = dataset.column_index(key);
    match index {
        None => problems.push(dataset.no_such_column(key, at, origin)),
        Some(index) if figures && !dataset.columns[index].kind.is_numeric() => {
            problems.push(
                origin
                    .problem_at(at, msg!("chart-text-column", key))
                    .with_hint(msg!("chart-text-column-hint")),
            );
        }
        Some(_) => {}
    }
    index
}
