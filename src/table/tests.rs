//! Tables rendered from small datasets: captions, cells, totals, sorting, escaping.
use std::path::Path;

use super::*;
use crate::block::TableSpec;
use crate::data::load_dataset;

const SITES: &str = "\
title: Stagiaires accueillis en 2017
columns:
  - {key: site, label: Site}
  - {key: entered, label: Stagiaires entrés, type: integer}
  - {key: budget, label: Budget, type: money}
rows:
  - {site: TPM, entered: 67, budget: 1221846}
  - {site: Dracénie}
  - {site: \"<CAVEM & co>\", entered: 25}
total: {entered: 92}
";

fn spec(yaml: &str) -> TableSpec {
    serde_saphyr::from_str(yaml).unwrap()
}

/// The table `spec` asks for of `dataset`, resolved as a note's block is.
fn render_table(
    spec: &TableSpec,
    dataset: &Dataset,
    language: Language,
    strings: &Strings,
    csv_href: &str,
) -> String {
    let origin = crate::yaml::Origin::file(Path::new("a.md"), "");
    let table = crate::resolve::table(spec, &Arc::new(dataset.clone()), origin)
        .expect("the table's columns exist");
    super::render_table(&table, language, strings, csv_href)
}

fn strings() -> Strings {
    Strings(
        [
            ("download_csv", "Télécharger les données (CSV)"),
            ("not_given", "non renseigné"),
            ("table", "Tableau"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect(),
    )
}

fn dataset() -> Dataset {
    load_dataset(Path::new("sites.yaml"), Path::new("sites.yaml"), SITES).unwrap()
}

#[test]
fn renders_caption_headers_cells_and_total() {
    let html = render_table(
        &spec("data: sites\ntotal: Total\n"),
        &dataset(),
        Language::Fr,
        &strings(),
        "sites.csv",
    );
    assert!(
        html.contains("<caption>Stagiaires accueillis en 2017</caption>"),
        "{html}"
    );
    assert!(
        html.contains("<th scope=\"col\" class=\"num\">Stagiaires entrés</th>"),
        "{html}"
    );
    assert!(html.contains("<tr><th scope=\"row\">TPM</th><td class=\"num\">67</td><td class=\"num\">1\u{202F}221\u{202F}846\u{A0}€</td></tr>"), "{html}");
    assert!(html.contains("<th scope=\"row\">Dracénie</th><td class=\"missing\"><span aria-hidden=\"true\">–</span><span class=\"visually-hidden\">non renseigné</span></td>"), "{html}");
    assert!(
        html.contains(
            "<tfoot>\n<tr><th scope=\"row\">Total</th><td class=\"num\">92</td><td></td></tr>"
        ),
        "{html}"
    );
    assert!(
        html.contains("<a href=\"sites.csv\" download>Télécharger les données (CSV)</a>"),
        "{html}"
    );
}

#[test]
fn the_total_row_is_always_headed_by_its_label() {
    let html = render_table(
        &spec("data: sites\ncolumns: [entered, site]\ntotal: Total\n"),
        &dataset(),
        Language::Fr,
        &strings(),
        "sites.csv",
    );
    assert!(
        html.contains("<tfoot>\n<tr><th scope=\"row\" class=\"num\">Total 92</th><td></td></tr>"),
        "{html}"
    );
}

fn load(text: &str) -> Dataset {
    load_dataset(Path::new("export.yaml"), Path::new("export.yaml"), text).unwrap()
}

#[test]
fn a_total_row_sums_counts_and_amounts_only() {
    // Without `columns`: whole numbers are summed, decimals and rates are not.
    let rows = load("- {site: A, n: 1, rate: 0.5}\n- {site: B, n: 2, rate: 0.25}\n");
    let html = render_table(
        &spec("data: export\ntotal: Total\n"),
        &rows,
        Language::Fr,
        &strings(),
        "export.csv",
    );
    assert!(
        html.contains(
            "<tfoot>\n<tr><th scope=\"row\">Total</th><td class=\"num\">3</td><td></td></tr>"
        ),
        "{html}"
    );
    // Declared: money is summed, percent and number are not; a declared overall rate shows.
    let text = "columns:\n  - {key: site}\n  - {key: budget, type: money}\n  - {key: rate, type: percent}\n  - {key: hours, type: number}\nrows:\n  - {site: A, budget: 10.5, rate: 0.5, hours: 1.5}\n  - {site: B, budget: 20, rate: 0.25, hours: 2}\n";
    let html = render_table(
        &spec("data: export\ntotal: Total\n"),
        &load(text),
        Language::Fr,
        &strings(),
        "export.csv",
    );
    assert!(
        html.contains(
            "<th scope=\"row\">Total</th><td class=\"num\">30,50\u{A0}€</td><td></td><td></td></tr>"
        ),
        "{html}"
    );
    let declared = format!("{text}total: {{budget: 30.5, rate: \"40 %\", hours: 1.75}}\n");
    let html = render_table(
        &spec("data: export\ntotal: Total\n"),
        &load(&declared),
        Language::Fr,
        &strings(),
        "export.csv",
    );
    assert!(
        html.contains("<td class=\"num\">30,50\u{A0}€</td><td class=\"num\">40\u{202F}%</td><td class=\"num\">1,75</td></tr>"),
        "{html}"
    );
}

#[test]
fn a_dataset_without_a_title_has_no_caption_but_a_named_region() {
    let html = render_table(
        &spec("data: export\n"),
        &load("- {site: A, n: 1}\n"),
        Language::Fr,
        &strings(),
        "export.csv",
    );
    assert!(!html.contains("<caption>"), "{html}");
    assert!(!html.contains("export\""), "{html}");
    assert!(
        html.contains("role=\"region\" aria-label=\"Tableau\""),
        "{html}"
    );
    let titled = load("title: Sorties\nrows:\n  - {site: A, n: 1}\n");
    let html = render_table(
        &spec("data: export\n"),
        &titled,
        Language::Fr,
        &strings(),
        "export.csv",
    );
    assert!(html.contains("<caption>Sorties</caption>"), "{html}");
}

#[test]
fn escapes_text_from_the_data() {
    let html = render_table(
        &spec("data: sites\n"),
        &dataset(),
        Language::Fr,
        &strings(),
        "sites.csv",
    );
    assert!(html.contains("&lt;CAVEM &amp; co&gt;"), "{html}");
    assert!(!html.contains("<CAVEM"), "{html}");
}

#[test]
fn sorts_with_missing_values_last_and_picks_columns() {
    let html = render_table(
        &spec("data: sites\nsort: -entered\ncolumns: [entered, site]\ncaption: Par site\n"),
        &dataset(),
        Language::Fr,
        &strings(),
        "sites.csv",
    );
    let tpm = html.find("TPM").unwrap();
    let cavem = html.find("CAVEM").unwrap();
    let dracenie = html.find("Dracénie").unwrap();
    assert!(tpm < cavem && cavem < dracenie, "{html}");
    assert!(html.contains("<caption>Par site</caption>"), "{html}");
    assert!(
        html.contains("<tr><td class=\"num\">67</td><td>TPM</td></tr>"),
        "{html}"
    );
}
