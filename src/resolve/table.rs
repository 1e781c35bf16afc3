//! A `table` block resolved against its dataset: the columns it names, in its order, and
//! the column it sorts by.

use std::sync::Arc;

use crate::block::TableSpec;
use crate::data::Dataset;
use crate::problem::Problems;
use crate::table::Table;
use crate::yaml::Origin;

/// The table `spec` asks for of `dataset`, or the problems of the columns it names.
pub fn table(
    spec: &TableSpec,
    dataset: &Arc<Dataset>,
    origin: Origin<'_>,
) -> Result<Table, Problems> {
    if let Some(columns) = &spec.columns
        && columns.is_empty()
    {
        return Err(origin
            .problem(1, 1, "`columns` names no column")
            .with_hint("list the columns to show, or remove `columns` to show them all")
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
    problems.into_result()?;
    Ok(Table {
        dataset: Arc::clone(dataset),
        columns,
        sort,
        total: spec.total.clone(),
        caption: spec.caption.clone(),
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
        assert_eq!(problems[0].hint.as_deref(), Some("did you mean `entered`?"));
    }
}
