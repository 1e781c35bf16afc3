//! `table` blocks: a dataset shown as an HTML table, with a caption, typed and aligned
//! cells, an optional total row and a link to the dataset as CSV.

use std::cmp::Ordering;

use std::sync::Arc;

use crate::data::{Dataset, Value};
use crate::html::push_escaped;
use crate::locale::{Language, Strings, typeset};

/// A table as resolved from its block (or made for a chart): the dataset, the columns
/// shown in their order, the order of the rows, the total row and the caption.
#[derive(Debug, Clone)]
pub struct Table {
    pub dataset: Arc<Dataset>,
    /// Indexes into the dataset's columns.
    pub columns: Vec<usize>,
    /// The column the rows are sorted by, and whether the order is descending.
    pub sort: Option<(usize, bool)>,
    /// The label of a total row, if one is wanted.
    pub total: Option<String>,
    /// Defaults to the dataset's title.
    pub caption: Option<String>,
}

impl Table {
    /// The table under a chart: `columns` of `dataset` (every one when `None`), captioned
    /// with the chart's title.
    pub fn for_chart(dataset: Arc<Dataset>, columns: Option<Vec<usize>>, caption: &str) -> Table {
        let columns = columns.unwrap_or_else(|| (0..dataset.columns.len()).collect());
        Table {
            dataset,
            columns,
            sort: None,
            total: None,
            caption: Some(caption.to_owned()),
        }
    }
}

/// Renders `table`. `csv_href` is the link to the dataset's CSV.
pub fn render_table(
    table: &Table,
    language: Language,
    strings: &Strings,
    csv_href: &str,
) -> String {
    let dataset = &*table.dataset;
    let columns = &table.columns;
    let mut rows: Vec<&Vec<Value>> = dataset.rows.iter().collect();
    if let Some((index, descending)) = table.sort {
        rows.sort_by(|a, b| compare(&a[index], &b[index], descending));
    }
    // The first column heads its row when it holds text (the name of a site, a year...).
    let row_headers = columns
        .first()
        .is_some_and(|&i| !dataset.columns[i].kind.is_numeric());

    let mut html = String::from(
        "<figure class=\"data-table\">\n<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"",
    );
    // Without a caption or a title there is no caption: a file name ("export") means
    // nothing to a reader. The scroll region still needs a name: the word for "table".
    let caption = match (&table.caption, &dataset.title) {
        (Some(caption), _) => Some(typeset(caption, language)),
        (None, Some(title)) => Some(typeset(title, language)),
        (None, None) => None,
    };
    push_escaped(
        &mut html,
        caption.as_deref().unwrap_or_else(|| strings.get("table")),
    );
    html.push_str("\">\n<table>\n");
    if let Some(caption) = &caption {
        html.push_str("<caption>");
        push_escaped(&mut html, caption);
        html.push_str("</caption>\n");
    }
    html.push_str("<thead>\n<tr>");
    for &i in columns {
        let column = &dataset.columns[i];
        html.push_str(if column.kind.is_numeric() {
            "<th scope=\"col\" class=\"num\">"
        } else {
            "<th scope=\"col\">"
        });
        push_escaped(&mut html, &typeset(&column.label, language));
        html.push_str("</th>");
    }
    html.push_str("</tr>\n</thead>\n<tbody>\n");
    for row in rows {
        html.push_str("<tr>");
        for (position, &i) in columns.iter().enumerate() {
            let column = &dataset.columns[i];
            let header = position == 0 && row_headers;
            push_cell(
                &mut html,
                header,
                column.kind.is_numeric(),
                &row[i],
                |value| value.display(column, language),
                strings,
            );
        }
        html.push_str("</tr>\n");
    }
    html.push_str("</tbody>\n");
    if let Some(label) = &table.total {
        html.push_str("<tfoot>\n<tr>");
        for (position, &i) in columns.iter().enumerate() {
            let column = &dataset.columns[i];
            let figure = total_of(dataset, i).map(|total| match column.kind {
                crate::data::ColumnType::Integer => language.integer(total.round() as i64),
                _ => Value::Number(total).display(column, language),
            });
            if position == 0 {
                // The label always heads the total row; a first column of figures shows
                // its total beside it.
                let numeric = column.kind.is_numeric();
                html.push_str(if numeric {
                    "<th scope=\"row\" class=\"num\">"
                } else {
                    "<th scope=\"row\">"
                });
                push_escaped(&mut html, &typeset(label, language));
                if let Some(figure) = figure.filter(|_| numeric) {
                    html.push(' ');
                    push_escaped(&mut html, &figure);
                }
                html.push_str("</th>");
                continue;
            }
            match figure {
                // A column without a total (a date, a share) stays blank in the total row.
                None => html.push_str("<td></td>"),
                Some(figure) => {
                    html.push_str("<td class=\"num\">");
                    push_escaped(&mut html, &figure);
                    html.push_str("</td>");
                }
            }
        }
        html.push_str("</tr>\n</tfoot>\n");
    }
    html.push_str("</table>\n</div>\n<figcaption class=\"table-download\"><a href=\"");
    push_escaped(&mut html, csv_href);
    html.push_str("\" download>");
    push_escaped(&mut html, strings.get("download_csv"));
    html.push_str("</a></figcaption>\n</figure>\n");
    html
}

/// A table's text, cell by cell, as every format shows it (the PDF's table): the caption,
/// each column's label and whether it holds figures, the rows in their order with their
/// figures written in `language` ("–" where one is not given), and the total row, if any.
#[derive(Debug, Clone, PartialEq)]
pub struct Grid {
    pub caption: Option<String>,
    pub columns: Vec<(String, bool)>,
    pub rows: Vec<Vec<String>>,
    /// The label first, then the total of each column that has one.
    pub total: Option<Vec<Option<String>>>,
}

/// `table` as a `Grid`, in the same order and words as `render_table` writes it.
pub fn grid(table: &Table, language: Language) -> Grid {
    let dataset = &*table.dataset;
    let mut rows: Vec<&Vec<Value>> = dataset.rows.iter().collect();
    if let Some((index, descending)) = table.sort {
        rows.sort_by(|a, b| compare(&a[index], &b[index], descending));
    }
    let caption = table
        .caption
        .as_ref()
        .or(dataset.title.as_ref())
        .map(|text| typeset(text, language));
    let columns = table.columns.iter().map(|&i| {
        let column = &dataset.columns[i];
        (typeset(&column.label, language), column.kind.is_numeric())
    });
    let rows = rows.iter().map(|row| {
        table
            .columns
            .iter()
            .map(|&i| match &row[i] {
                Value::Missing => "–".to_owned(),
                value => value.display(&dataset.columns[i], language),
            })
            .collect()
    });
    let total = table.total.as_ref().map(|label| {
        table
            .columns
            .iter()
            .enumerate()
            .map(|(position, &i)| {
                let column = &dataset.columns[i];
                let figure = total_of(dataset, i).map(|total| match column.kind {
                    crate::data::ColumnType::Integer => language.integer(total.round() as i64),
                    _ => Value::Number(total).display(column, language),
                });
                match (position, figure) {
                    (0, Some(figure)) if column.kind.is_numeric() => {
                        Some(format!("{} {figure}", typeset(label, language)))
                    }
                    (0, _) => Some(typeset(label, language)),
                    (_, figure) => figure,
                }
            })
            .collect()
    });
    Grid {
        caption,
        columns: columns.collect(),
        rows: rows.collect(),
        total,
    }
}

/// The figure of a total row: the declared total where the dataset gives one (for any
/// column of figures: an overall rate is shown as given), otherwise the sum of a column of
/// counts or amounts. Rates, plain decimals (an average, a ratio) and dates are never summed.
fn total_of(dataset: &Dataset, column: usize) -> Option<f64> {
    if let Some(declared) = dataset.declared_totals.iter().find(|t| t.column == column) {
        return Some(declared.value);
    }
    if !dataset.declared_totals.is_empty() {
        return None;
    }
    dataset.columns[column]
        .kind
        .is_summed()
        .then(|| dataset.sum(column))
        .flatten()
}

fn push_cell(
    html: &mut String,
    header: bool,
    numeric: bool,
    value: &Value,
    display: impl Fn(&Value) -> String,
    strings: &Strings,
) {
    let tag = if header { "th" } else { "td" };
    html.push('<');
    html.push_str(tag);
    if header {
        html.push_str(" scope=\"row\"");
    }
    match (value, numeric) {
        (Value::Missing, _) => {
            html.push_str(" class=\"missing\"><span aria-hidden=\"true\">–</span><span class=\"visually-hidden\">");
            push_escaped(html, strings.get("not_given"));
            html.push_str("</span>");
        }
        (value, true) => {
            html.push_str(" class=\"num\">");
            push_escaped(html, &display(value));
        }
        (value, false) => {
            html.push('>');
            push_escaped(html, &display(value));
        }
    }
    html.push_str("</");
    html.push_str(tag);
    html.push('>');
}

/// Orders values of one column; missing values always come last.
fn compare(a: &Value, b: &Value, descending: bool) -> Ordering {
    let order = match (a, b) {
        (Value::Missing, Value::Missing) => return Ordering::Equal,
        (Value::Missing, _) => return Ordering::Greater,
        (_, Value::Missing) => return Ordering::Less,
        (Value::Text(x), Value::Text(y)) => x.to_lowercase().cmp(&y.to_lowercase()),
        (Value::Date(x), Value::Date(y)) => x.cmp(y),
        (x, y) => x
            .as_f64()
            .unwrap_or(0.0)
            .total_cmp(&y.as_f64().unwrap_or(0.0)),
    };
    if descending { order.reverse() } else { order }
}

#[cfg(test)]
mod tests {
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
            html.contains(
                "<tfoot>\n<tr><th scope=\"row\" class=\"num\">Total 92</th><td></td></tr>"
            ),
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
            html.contains("<th scope=\"row\">Total</th><td class=\"num\">30,50\u{A0}€</td><td></td><td></td></tr>"),
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
}
