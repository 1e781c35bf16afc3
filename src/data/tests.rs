//! Reading datasets: types, missing values, totals, and where problems are reported.
use super::*;

const SITES: &str = "\
title: Stagiaires accueillis en 2017
columns:
  - {key: site, label: Site}
  - {key: opened, label: Ouverture, type: date}
  - {key: entered, label: Stagiaires entrés, type: integer}
  - {key: budget, label: Budget, type: money}
rows:
  - {site: TPM, opened: 2017-03-13, entered: 67, budget: 1000.5}
  - {site: Dracénie, opened: 2017-10-23}
total: {entered: 67}
";

fn load(text: &str) -> Result<Dataset, Vec<Problem>> {
    load_dataset(Path::new("sites.yaml"), Path::new("sites.yaml"), text)
}

#[test]
fn reads_typed_columns_and_keeps_missing_values_missing() {
    let dataset = load(SITES).unwrap();
    assert_eq!(dataset.name, "sites");
    assert_eq!(dataset.columns[2].kind, ColumnType::Integer);
    assert_eq!(
        dataset.rows[0][1],
        Value::Date(NaiveDate::from_ymd_opt(2017, 3, 13).unwrap())
    );
    assert_eq!(dataset.rows[1][2], Value::Missing);
    assert_eq!(dataset.sum(2), Some(67.0));
    assert!(dataset.check_totals(Language::Fr).is_empty());
}

#[test]
fn a_quoted_number_in_an_integer_column_is_an_error_at_its_place() {
    let text = SITES.replace("entered: 67,", "entered: \"67\",");
    let problems = load(&text).unwrap_err();
    assert_eq!(problems.len(), 1);
    assert_eq!((problems[0].line, problems[0].column), (8, 46));
    assert!(
        problems[0]
            .message
            .contains("`entered` expects a whole number"),
        "{}",
        problems[0].message
    );
    assert_eq!(
        problems[0].hint.as_deref(),
        Some("remove the quotes: a quoted figure is text")
    );
}

#[test]
fn a_wrong_total_gives_both_figures() {
    let text = SITES.replace("total: {entered: 67}", "total: {entered: 1067}");
    let problems = load(&text).unwrap().check_totals(Language::Fr);
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].line, 10);
    assert_eq!(
        problems[0].message,
        "the total of `entered` is given as 1\u{202F}067 but the rows add up to 67"
    );
}

#[test]
fn infers_types_without_a_schema() {
    let dataset =
        load("- {site: A, n: 1, x: 1.5, d: 2017-01-01}\n- {site: B, n: 2, x: 2, d: 2018-02-02}\n")
            .unwrap();
    let kinds: Vec<_> = dataset.columns.iter().map(|c| c.kind).collect();
    assert_eq!(
        kinds,
        [
            ColumnType::Text,
            ColumnType::Integer,
            ColumnType::Number,
            ColumnType::Date
        ]
    );
}

#[test]
fn unknown_keys_and_types_name_the_closest() {
    let problems = load("columns:\n  - {key: n, type: integr}\nrows:\n  - {m: 1}\n").unwrap_err();
    assert_eq!(problems.len(), 2);
    assert_eq!(problems[0].hint.as_deref(), Some("did you mean `integer`?"));
    assert_eq!(problems[1].line, 4);
}
