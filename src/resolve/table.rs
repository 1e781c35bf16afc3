//! A `table` block resolved against its dataset: the columns it names, in its order, and
//! the column it sorts by.

use std::sync::Arc;

use chrono::NaiveDate;

use super::derive::{add_columns, parse_formula};
use crate::block::TableSpec;
use crate::data::Dataset;
use crate::locale::{Language, Strings};
use crate::problem::Problems;
use crate::table::Table;
use crate::yaml::Origin;

/// What a table may be compared with, and how names are matched.
pub struct Context<'a> {
    /// The previous published report's dataset of the same name, with its date.
    pub previous: Option<(Option<NaiveDate>, &'a Arc<Dataset>)>,
    /// The key rows are matched by (case, accents, apostrophes, declared aliases).
    pub name_key: &'a dyn Fn(&str) -> String,
    pub language: Language,
    pub strings: &'a Strings,
}

/// The table `spec` asks for of `dataset`, or the problems of the columns it names.
#[cfg(test)]
pub fn table(
    spec: &TableSpec,
    dataset: &Arc<Dataset>,
    origin: Origin<'_>,
) -> Result<Table, Problems> {
    let strings = Strings::default();
    let key = |name: &str| slug::slugify(name);
    let context = Context {
        previous: None,
        name_key: &key,
        language: Language::Fr,
        strings: &strings,
    };
    table_in(spec, dataset, &context, origin)
}

/// The table `spec` asks for of `dataset`, with its derived columns and, with `compare`,
/// its changes since `context.previous`.
pub fn table_in(
    spec: &TableSpec,
    dataset: &Arc<Dataset>,
    context: &Context<'_>,
    origin: Origin<'_>,
) -> Result<Table, Problems> {
    if let Some(columns) = &spec.columns
        && columns.is_empty()
    {
        return Err(origin
            .problem(1, 1, msg!("table-columns-empty"))
            .with_hint(msg!("table-columns-empty-hint"))
            .into());
    }
    let mut problems = Problems::default();
    let columns: Vec<usize> = match &spec.columns {
        Some(keys) => keys
            .iter()
            .filter_map(|key| {
                let found = dataset.column_index(&key.value);
                if found.is_none() {
                    problems.push(dataset.no_such_column(&key.value, key, origin));
                }
                found
            })
            .collect(),
        None => (0..dataset.columns.len()).collect(),
    };
    let sort = match (&spec.sort, spec.sort_key()) {
        (Some(at), Some((key, descending))) => match dataset.column_index(key) {
            Some(index) => Some((index, descending)),
            None => {
                problems.push(dataset.no_such_column(key, at, origin));
                None
            }
        },
        _ => None,
    };
    let formulas: Vec<_> = spec
        .derive
        .iter()
        .flatten()
        .filter_map(|written| match parse_formula(written, dataset, origin) {
            Ok(formula) => Some(formula),
            Err(found) => {
                problems.extend(found);
                None
            }
        })
        .collect();
    let by = match &spec.by {
        Some(by) => match dataset.column_index(&by.value) {
            Some(index) => Some(index),
            None => {
                problems.push(dataset.no_such_column(&by.value, by, origin));
                None
            }
        },
        None => columns.first().copied(),
    };
    problems.into_result()?;
    let key = by.unwrap_or(0);
    let previous = context.previous.and_then(|(date, before)| {
        let key_before = before.column_index(&dataset.columns.get(key)?.key)?;
        Some((date?, &**before, key, key_before))
    });
    let figures: Vec<usize> = columns
        .iter()
        .copied()
        .filter(|&i| i != key && dataset.columns[i].kind.is_numeric())
        .collect();
    let additions = add_columns(
        dataset,
        &formulas,
        previous,
        &figures,
        context.name_key,
        context.language,
        context.strings,
    );
    // Each change right after its column, the derived columns last.
    let mut shown = Vec::new();
    for &i in &columns {
        shown.push(i);
        shown.extend(
            additions
                .changes
                .iter()
                .filter(|(of, _)| *of == i)
                .map(|(_, c)| *c),
        );
    }
    shown.extend(additions.derived.iter().copied());
    let mut sources = vec![(None, Arc::clone(dataset))];
    if let (Some((date, before)), Some(_)) = (context.previous, &previous) {
        sources.push((date, Arc::clone(before)));
    }
    Ok(Table {
        dataset: additions.dataset,
        columns: shown,
        sort,
        total: spec.total.clone(),
        caption: spec.caption.clone(),
        sources,
        added: additions.added,
        comparison: additions.comparison,
        row_links: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::data::load_dataset;

    const SITES: &str = "\
columns:
  - {key: site, label: Site}
  - {key: entered, label: Stagiaires entrés, type: integer}
rows:
  - {site: TPM, entered: 67}
";

    #[test]
    fn unknown_columns_are_problems_with_a_hint() {
        let text = "```table\ndata: sites\nsort: -entred\n```\n";
        let origin = Origin {
            path: Path::new("a.md"),
            file_text: text,
            line_offset: 1,
            column_offset: 0,
        };
        let spec: TableSpec = serde_saphyr::from_str("data: sites\nsort: -entred\n").unwrap();
        let dataset = Arc::new(
            load_dataset(Path::new("sites.yaml"), Path::new("sites.yaml"), SITES).unwrap(),
        );
        let problems = table(&spec, &dataset, origin).unwrap_err();
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, 3);
        assert_eq!(
            problems[0].message,
            "the dataset `sites` has no column `entred`"
        );
        assert_eq!(
            problems[0].hint_english().as_deref(),
            Some("did you mean `entered`?")
        );
    }
}
