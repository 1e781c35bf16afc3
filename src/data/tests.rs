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

fn load(text: &str) -> Result<Dataset, crate::problem::Problems> {
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
            .english()
            .contains("`entered` expects a whole number"),
        "{}",
        problems[0].message
    );
    assert_eq!(
        problems[0].hint_english().as_deref(),
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
    assert_eq!(
        problems[0].hint_english().as_deref(),
        Some("did you mean `integer`?")
    );
    assert_eq!(problems[1].line, 4);
}

const BUDGET: &str = "\
columns:
  - {key: site, label: Site}
  - {key: budget, label: Budget, type: money}
  - {key: whole, label: Arrondi, type: money}
rows:
  - {site: Rouen, budget: 361250.00, whole: 1000}
  - {site: Elbeuf, budget: 240800.70, whole: 2000}
  - {site: Vernon, budget: 610500, whole: 3000}
total: {budget: 1212550.70, whole: 6000}
";

#[test]
fn a_money_column_shows_cents_on_every_line_once_one_figure_has_them() {
    let dataset = load(BUDGET).unwrap();
    assert_eq!(dataset.columns[1].decimals, 2, "240800.70 has cents");
    assert_eq!(
        dataset.columns[2].decimals, 0,
        "no amount of `whole` has cents"
    );
    let shown = |row: usize, column: usize| {
        dataset.rows[row][column].display(&dataset.columns[column], Language::Fr)
    };
    assert_eq!(shown(0, 1), "361\u{202F}250,00\u{A0}€");
    assert_eq!(shown(2, 1), "610\u{202F}500,00\u{A0}€");
    assert_eq!(shown(2, 2), "3\u{202F}000\u{A0}€");
    assert!(dataset.check_totals(Language::Fr).is_empty());

    // `361250.00` typed with its cents is enough, though YAML reads it as 361250.
    let typed =
        load("columns:\n  - {key: b, type: money}\nrows:\n  - {b: 361250.00}\n  - {b: 12}\n")
            .unwrap();
    assert_eq!(typed.columns[0].decimals, 2);
    // A declared total with cents counts too.
    let total =
        load("columns:\n  - {key: b, type: money}\nrows:\n  - {b: 1}\ntotal: {b: 1.50}\n").unwrap();
    assert_eq!(total.columns[0].decimals, 2);
}

#[test]
fn declared_decimals_win_and_are_checked() {
    let text = BUDGET.replace(
        "{key: budget, label: Budget, type: money}",
        "{key: budget, label: Budget, type: money, decimals: 0}",
    );
    let dataset = load(&text).unwrap();
    assert_eq!(dataset.columns[1].decimals, 0);
    assert_eq!(
        dataset.rows[1][1].display(&dataset.columns[1], Language::Fr),
        "240\u{202F}801\u{A0}€"
    );
    let text = BUDGET.replace(
        "{key: whole, label: Arrondi, type: money}",
        "{key: whole, label: Arrondi, type: money, decimals: 2}",
    );
    assert_eq!(load(&text).unwrap().columns[2].decimals, 2);
    let problems =
        load("columns:\n  - {key: b, type: money, decimals: 3}\nrows: []\n").unwrap_err();
    assert_eq!(
        problems[0].message,
        "a money column shows `decimals: 0` or `decimals: 2`, found `3`"
    );
    let problems =
        load("columns:\n  - {key: b, type: integer, decimals: 2}\nrows: []\n").unwrap_err();
    assert_eq!(problems[0].message, "`decimals` goes with `type: money`");
}

const RATES: &str = "\
columns:
  - {key: site, label: Site}
  - {key: rate, label: Taux, type: percent}
rows:
  - {site: Rouen, rate: \"12,5 %\"}
  - {site: Elbeuf, rate: 0.125}
  - {site: Vernon, rate: 12.5%}
  - {site: Évreux, rate: \"-3,2\u{202F}%\"}
total: {rate: 0.2}
";

#[test]
fn percentages_typed_as_a_spreadsheet_shows_them_are_fractions() {
    let dataset = load(RATES).unwrap();
    let rates: Vec<String> = dataset
        .rows
        .iter()
        .map(|row| row[1].display(&dataset.columns[1], Language::Fr))
        .collect();
    assert_eq!(
        rates,
        [
            "12,5\u{202F}%",
            "12,5\u{202F}%",
            "12,5\u{202F}%",
            "−3,2\u{202F}%"
        ]
    );
    // An overall rate is not a sum of rates: shown as given, never checked.
    assert_eq!(dataset.declared_totals[0].value, 0.2);
    assert!(dataset.check_totals(Language::Fr).is_empty());
}

#[test]
fn a_bare_number_above_one_in_a_percent_column_is_an_error_at_its_place() {
    let problems = load(&RATES.replace("rate: 0.125", "rate: 12.5")).unwrap_err();
    assert_eq!(problems.len(), 1);
    assert_eq!((problems[0].line, problems[0].column), (6, 26));
    assert_eq!(
        problems[0].message,
        "`rate` holds fractions, so `12.5` would be 1250 %"
    );
    assert!(
        problems[0]
            .hint_english()
            .is_some_and(|h| h.starts_with("write `0.125` or `12,5 %` for 12,5 %")),
        "{:?}",
        problems[0].hint
    );
    // `max: 2` allows rates up to 200 %, and refuses what passes it.
    let allowed = RATES
        .replace("type: percent}", "type: percent, max: 2}")
        .replace("rate: 0.125", "rate: 1.5");
    assert!(load(&allowed).is_ok());
    let above = allowed.replace("rate: 1.5", "rate: \"250 %\"");
    let problems = load(&above).unwrap_err();
    assert_eq!(
        problems[0].message,
        "`rate` goes up to 200 % (`max: 2`), found 250 %"
    );
}

#[test]
fn only_counts_and_amounts_are_checked_against_their_sum() {
    let text = "columns:\n  - {key: hours, type: number}\n  - {key: n, type: integer}\nrows:\n  - {hours: 1.5, n: 1}\n  - {hours: 2.5, n: 2}\ntotal: {hours: 2, n: 3}\n";
    let dataset = load(text).unwrap();
    assert!(dataset.check_totals(Language::Fr).is_empty(), "an average");
}
