//! Checking a `chart` block against the site: its type, its dataset (or the reports it
//! follows), and columns that exist and hold figures.

use std::sync::Arc;

use serde_saphyr::Spanned;

use super::{ChartKind, ChartSpec, reports_with};
use crate::content::{Document, Site};
use crate::data::Dataset;
use crate::locale::Language;
use crate::problem::Problem;
use crate::yaml::Origin;

/// Checks a chart block against the site's datasets.
pub fn check(spec: &ChartSpec, site: &Site, doc: &Document, origin: Origin<'_>) -> Vec<Problem> {
    let mut problems = Vec::new();
    let Some(kind) = ChartKind::from_name(&spec.kind.value) else {
        let problem = origin.problem_at(
            &spec.kind,
            format!("unknown chart type `{}`", spec.kind.value),
        );
        return vec![
            problem.with_closest(&spec.kind.value, ChartKind::NAMES, || {
                format!("the types are {}", ChartKind::NAMES.join(", "))
            }),
        ];
    };
    let name = spec.data.value.as_str();
    let columns = &spec.y.value.0;
    if columns.is_empty() {
        problems.push(
            origin
                .problem_at(&spec.y, "`y` names no column")
                .with_hint("give the column of figures, such as `y: entered`"),
        );
    }
    if kind == ChartKind::Pie && columns.len() > 1 {
        problems.push(
            origin
                .problem_at(&spec.y, "a pie shows one column of figures")
                .with_hint("keep one column in `y`, or use `type: bar`"),
        );
    }

    let dataset = match &spec.across {
        Some(across) => {
            if across.value != "reports" {
                problems.push(
                    origin
                        .problem_at(
                            across,
                            format!("`across` can only be `reports`, found \"{}\"", across.value),
                        )
                        .with_hint("write `across: reports` to follow a dataset from note to note"),
                );
                return problems;
            }
            if let Some(x) = &spec.x {
                problems.push(
                    origin
                        .problem_at(
                            x,
                            "with `across: reports` the x axis is the date of each report",
                        )
                        .with_hint(
                            "remove `x`, and name the column that makes the lines in `series`",
                        ),
                );
            }
            if kind != ChartKind::Line && kind != ChartKind::Bar {
                problems.push(
                    origin
                        .problem_at(
                            &spec.kind,
                            "a chart across reports is a `line` or a `bar` chart",
                        )
                        .with_hint("write `type: line`"),
                );
            }
            if columns.len() > 1 {
                problems.push(
                    origin
                        .problem_at(
                            &spec.y,
                            "a chart across reports follows one column of figures",
                        )
                        .with_hint("keep one column in `y`; `series` makes the lines"),
                );
            }
            let Some(series) = &spec.series else {
                problems.push(
                    origin
                        .problem_at(
                            spec.across.as_ref().unwrap_or(&spec.data),
                            "a chart across reports needs `series`",
                        )
                        .with_hint(
                            "name the column whose values each get a line, such as `series: site`",
                        ),
                );
                return problems;
            };
            let history = reports_with(site, doc, name);
            let Some((_, latest)) = history.last() else {
                problems.push(
                    origin
                        .problem_at(
                            &spec.data,
                            format!("no report up to this one has a dataset named `{name}`"),
                        )
                        .with_hint(format!(
                            "put `{name}.yaml` in the folder of each note to follow"
                        )),
                );
                return problems;
            };
            check_column(latest, &series.value, series, false, origin, &mut problems);
            Arc::clone(latest)
        }
        None => {
            if let Some(series) = &spec.series {
                problems.push(
                    origin
                        .problem_at(series, "`series` goes with `across: reports`")
                        .with_hint("remove `series`, or add `across: reports`"),
                );
            }
            match site.dataset(doc, name) {
                Some(dataset) => dataset.clone(),
                None if site.is_broken_dataset(doc, name) => return problems,
                None => {
                    problems.push(crate::validate::no_such_dataset(
                        site, doc, &spec.data, origin,
                    ));
                    return problems;
                }
            }
        }
    };

    if let Some(x) = &spec.x {
        check_column(&dataset, &x.value, x, false, origin, &mut problems);
    }
    for column in columns {
        check_column(&dataset, column, &spec.y, true, origin, &mut problems);
    }
    if kind == ChartKind::Pie && problems.is_empty() {
        check_pie_figures(spec, &dataset, site.config.language, origin, &mut problems);
    }
    problems
}

/// A slice cannot be less than nothing: a pie of a negative figure is refused, naming the
/// row and the figure.
fn check_pie_figures(
    spec: &ChartSpec,
    dataset: &Dataset,
    language: Language,
    origin: Origin<'_>,
    problems: &mut Vec<Problem>,
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
                        format!(
                            "a pie cannot show a negative figure: `{}` of `{}` is {}",
                            y_column.key,
                            category.display(x_column, language),
                            value.display(y_column, language)
                        ),
                    )
                    .with_hint("use `type: bar`, which draws negative figures left of zero"),
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
    problems: &mut Vec<Problem>,
) {
    match dataset.column_index(key) {
        None => problems.push(dataset.no_such_column(key, at, origin)),
        Some(index) if figures && !dataset.columns[index].kind.is_numeric() => {
            problems.push(
                origin
                    .problem_at(
                        at,
                        format!("`{key}` holds text, not figures, so it cannot be drawn"),
                    )
                    .with_hint("give `y` a column of type integer, number, percent or money"),
            );
        }
        Some(_) => {}
    }
}
