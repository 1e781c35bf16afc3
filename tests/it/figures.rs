//! The figures of a French financial note, as funders read them: amounts with their cents on
//! every line, negative results, percentages typed as a spreadsheet shows them, a pie of ten
//! funders, an export without `columns` (issue 12). Built from
//! `tests/fixtures/french-writing/`, checked in the HTML, the SVG and the CSV.

use super::*;

const NOTE: &str = "rapports/2019-06-28-bilan-financier/";

/// The fixture built into a temporary folder: the site and its output.
fn built() -> (tempfile::TempDir, PathBuf) {
    let site = tempfile::tempdir().unwrap();
    copy_dir(&fixture("french-writing"), site.path());
    let out = site.path().join("output");
    build_ok(site.path(), &out, &[]);
    (site, out)
}

/// The table of the page whose caption (or accessible name) is `name`.
fn table<'a>(html: &'a str, name: &str) -> &'a str {
    let start = html
        .find(&format!("aria-label=\"{name}\""))
        .unwrap_or_else(|| panic!("no table named {name} in:\n{html}"));
    let end = html[start..].find("</table>").unwrap() + start;
    &html[start..end]
}

/// The SVG of the page whose id is `id`.
fn svg<'a>(html: &'a str, id: &str) -> &'a str {
    let start = html
        .find(&format!("<title id=\"{id}-title\">"))
        .unwrap_or_else(|| panic!("no chart {id}"));
    let end = html[start..].find("</svg>").unwrap() + start;
    &html[start..end]
}

#[test]
fn amounts_show_their_cents_on_every_line_and_in_the_total() {
    let (_site, out) = built();
    let html = read(out.join(NOTE).join("index.html"));
    let budget = table(&html, "Budget du semestre par site");
    for cell in [
        "<td class=\"num\">361\u{202F}250,00\u{A0}€</td>",
        "<td class=\"num\">240\u{202F}800,70\u{A0}€</td>",
        "<tfoot>\n<tr><th scope=\"row\">Total</th><td class=\"num\">1\u{202F}212\u{202F}551,40\u{A0}€</td></tr>",
    ] {
        assert!(budget.contains(cell), "missing {cell} in:\n{budget}");
    }
    assert!(!budget.contains("361\u{202F}250\u{A0}€"), "{budget}");
    let csv = read(out.join(NOTE).join("budget.csv"));
    assert!(csv.contains("\r\nRouen;361250,00\r\n"), "{csv:?}");
    assert!(csv.contains("\r\nElbeuf;240800,70\r\n"), "{csv:?}");
    // Amounts without cents stay whole: the funders' pie and table.
    let funders = table(&html, "Financeurs du semestre");
    assert!(
        funders.contains("<td class=\"num\">400\u{202F}000\u{A0}€</td>"),
        "{funders}"
    );
}

#[test]
fn negative_results_are_written_and_drawn_left_of_zero() {
    let (_site, out) = built();
    let html = read(out.join(NOTE).join("index.html"));
    let results = table(&html, "Résultat du semestre, par site");
    assert!(
        results.contains("<th scope=\"row\">Saint-Étienne-du-Rouvray</th><td class=\"num\">−12\u{202F}500,50\u{A0}€</td>"),
        "{results}"
    );
    let chart = svg(&html, "chart-1-w");
    assert!(
        chart.contains("Saint-Étienne-du-Rouvray : −12\u{202F}500,50\u{A0}€ ;"),
        "the description: {chart}"
    );
    // The label of the loss is a text of its own, never glued to the site's name.
    assert!(
        chart.contains(">−12\u{202F}500,50\u{A0}€</text>"),
        "{chart}"
    );
    assert!(!chart.contains("Rouvray−"), "{chart}");
    let csv = read(out.join(NOTE).join("results.csv"));
    assert!(
        csv.contains("\r\nSaint-Étienne-du-Rouvray;-12500,50\r\n"),
        "{csv:?}"
    );
}

#[test]
fn percentages_typed_either_way_read_alike_and_are_never_summed() {
    let (_site, out) = built();
    let html = read(out.join(NOTE).join("index.html"));
    let rates = table(&html, "Taux de sortie positive");
    assert!(
        rates.contains("<tr><th scope=\"row\">Rouen</th><td class=\"num\">24</td><td class=\"num\">12,5\u{202F}%</td><td class=\"num\">115\u{202F}%</td></tr>"),
        "{rates}"
    );
    assert!(
        rates.contains("<tr><th scope=\"row\">Elbeuf</th><td class=\"num\">16</td><td class=\"num\">12,5\u{202F}%</td><td class=\"num\">96\u{202F}%</td></tr>"),
        "{rates}"
    );
    // The overall rate as given, not 25 %; no sum of the completion rates.
    assert!(
        rates.contains("<tr><th scope=\"row\">Ensemble</th><td></td><td class=\"num\">12,5\u{202F}%</td><td></td></tr>"),
        "{rates}"
    );
    let csv = read(out.join(NOTE).join("rates.csv"));
    assert!(csv.contains("\r\nRouen;24;12,5%;115%\r\n"), "{csv:?}");
}

#[test]
fn a_pie_of_ten_funders_groups_the_three_smallest_and_the_table_keeps_them_all() {
    let (_site, out) = built();
    let html = read(out.join(NOTE).join("index.html"));
    let chart = svg(&html, "chart-2-w");
    // Taxe d'apprentissage, Entreprises and Dons: 15 000 € of 1 275 000 €.
    assert!(
        chart.contains(">Autres (3) — 15\u{202F}000\u{A0}€ (1,2\u{202F}%)</text>"),
        "{chart}"
    );
    assert!(!chart.contains(">Dons —"), "{chart}");
    assert!(chart.contains("fill=\"url(#chart-2-w-pother)\""), "{chart}");
    assert!(chart.contains("Entreprises : 8\u{202F}000\u{A0}€ ; Dons : 2\u{202F}000\u{A0}€."));
    let funders = table(&html, "Financeurs du semestre");
    for funder in ["Taxe d’apprentissage", "Entreprises", "Dons"] {
        assert!(
            funders.contains(&format!("<th scope=\"row\">{funder}</th>")),
            "{funder}: {funders}"
        );
    }
    let csv = read(out.join(NOTE).join("funders.csv"));
    assert_eq!(csv.lines().count(), 11, "{csv:?}");
    assert!(csv.contains("\r\nDons;2000\r\n"), "{csv:?}");
}

#[test]
fn an_export_without_columns_has_no_file_name_caption_and_sums_only_counts() {
    let (_site, out) = built();
    let html = read(out.join(NOTE).join("index.html"));
    let export = table(&html, "Tableau");
    assert!(!export.contains("<caption>"), "{export}");
    assert!(!html.contains("aria-label=\"export\""), "{html}");
    assert!(
        export.contains("<tfoot>\n<tr><th scope=\"row\">Total</th><td class=\"num\">48</td><td></td><td></td></tr>"),
        "hours and rates are not summed: {export}"
    );
}

#[test]
fn the_preview_of_the_note_is_a_1200_by_630_png() {
    let (_site, out) = built();
    let png = fs::read(out.join(NOTE).join("preview.png")).unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    // The width and height of the IHDR chunk.
    assert_eq!(&png[16..24], [0, 0, 4, 176, 0, 0, 2, 118]);
}
