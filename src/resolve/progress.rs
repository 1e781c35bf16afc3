//! A `progress` chart resolved: for each row its `value` against its `target`, and the
//! figures table under it with the rate reached (a ratio of the totals in its total row).

use std::sync::Arc;

use super::derive::{Formula, add_columns};
use super::{ResolvedChart, lookup};
use crate::block::ChartSpec;
use crate::chart::{ChartData, ChartKind, Series};
use crate::content::{Document, Site};
use crate::locale::typeset;
use crate::problem::Problems;
use crate::table::{Table, total_of};
use crate::yaml::Origin;

/// The `progress` chart `spec` asks for, or its problems.
pub(super) fn resolve(
    spec: &ChartSpec,
    site: &Site,
    doc: &Document,
    origin: Origin<'_>,
) -> Result<ResolvedChart, Problems> {
    let mut problems = Problems::default();
    if let Some(across) = &spec.across {
        problems.push(
            origin
                .problem_at(across, msg!("progress-across"))
                .with_hint(msg!("progress-across-hint")),
        );
    }
    if !spec.y.value.0.is_empty() {
        problems.push(
            origin
                .problem_at(&spec.y, msg!("progress-y"))
                .with_hint(msg!("progress-hint")),
        );
    }
    let Some(dataset) = lookup(site, doc, &spec.data, origin).found(&mut problems) else {
        return Err(problems);
    };
    let mut column = |name: &str, given: &Option<serde_saphyr::Spanned<String>>| match given {
        Some(key) => match dataset.column_index(&key.value) {
            Some(i) if dataset.columns[i].kind.is_numeric() => Some(i),
            Some(_) => {
                problems.push(
                    origin
                        .problem_at(key, msg!("column-holds-text", key = &key.value))
                        .with_hint(msg!("progress-text-hint")),
                );
                None
            }
            None => {
                problems.push(dataset.no_such_column(&key.value, key, origin));
                None
            }
        },
        None => {
            problems.push(
                origin
                    .problem_at(&spec.kind, msg!("progress-needs", name))
                    .with_hint(msg!("progress-hint")),
            );
            None
        }
    };
    let value = column("value", &spec.value);
    let target = column("target", &spec.target);
    let x = match &spec.x {
        Some(x) => match dataset.column_index(&x.value) {
            Some(i) => Some(i),
            None => {
                problems.push(dataset.no_such_column(&x.value, x, origin));
                None
            }
        },
        None => Some(0),
    };
    problems.into_result()?;
    let (Some(value), Some(target), Some(x)) = (value, target, x) else {
        return Err(Problems::default());
    };
    let language = site.config.language;
    let strings = &site.theme.strings;
    let mut categories: Vec<String> = dataset
        .rows
        .iter()
        .map(|row| row[x].display(&dataset.columns[x], language))
        .collect();
    let mut values: Vec<Option<f64>> = dataset.rows.iter().map(|r| r[value].as_f64()).collect();
    let mut targets: Vec<Option<f64>> = dataset.rows.iter().map(|r| r[target].as_f64()).collect();
    if let Some(label) = &spec.total {
        categories.push(typeset(label, language));
        values.push(total_of(dataset, value));
        targets.push(total_of(dataset, target));
    }
    let title = spec
        .title
        .as_deref()
        .map(|title| typeset(title, language))
        .or_else(|| dataset.title.as_deref().map(|t| typeset(t, language)))
        .unwrap_or_else(|| dataset.name.clone());
    let rate = (
        strings.get("progress_rate").to_owned(),
        Formula::Ratio(value, target),
    );
    let key = |name: &str| site.config.name_key(name);
    let additions = add_columns(dataset, &[rate], None, &[], &key, language, strings);
    let mut shown = vec![x, value, target];
    shown.extend(additions.derived.iter().copied());
    let mut table = Table::for_chart(additions.dataset, Some(shown), &title);
    table.sources = vec![(None, Arc::clone(dataset))];
    table.added = additions.added;
    table.total = spec.total.clone();
    let data = ChartData {
        kind: ChartKind::Progress,
        title,
        category_label: typeset(&dataset.columns[x].label, language),
        categories,
        series: vec![
            Series {
                name: typeset(&dataset.columns[value].label, language),
                values,
            },
            Series {
                name: typeset(&dataset.columns[target].label, language),
                values: targets,
            },
        ],
        value_column: dataset.columns[value].clone(),
    };
    Ok(ResolvedChart {
        data,
        table,
        history: Vec::new(),
    })
}
