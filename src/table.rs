//! `table` blocks: a dataset shown as an HTML table, with a caption, typed and aligned
//! cells, an optional total row and a link to the dataset as CSV.

use std::cmp::Ordering;

use std::sync::Arc;

use chrono::NaiveDate;

use crate::data::{ColumnType, Dataset, Value};
use crate::html::push_escaped;
use crate::locale::{Language, Strings, typeset};

mod change;
pub use self::change::signed_figure;
use self::change::{gone_sentence, push_change};

/// A table as resolved from its block (or made for a chart): the dataset, the columns
/// shown in their order, the order of the rows, the total row and the caption. Its hash is
/// that of everything it is drawn from (the render cache's key).
#[derive(Debug, Clone, Hash)]
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
    /// What the table was made from: the note's dataset, and for a comparison the
    /// dataset it is compared with, with its note's date.
    pub sources: Vec<(Option<NaiveDate>, Arc<Dataset>)>,
    /// The columns resolve added to the dataset (changes, derived columns), by index.
    pub added: Vec<Added>,
    /// With `compare: previous`, what the table is compared with.
    pub comparison: Option<Comparison>,
    /// For each row of the dataset, the address of its site's page from the table's page.
    pub row_links: Vec<Option<String>>,
}

/// A column worked out by resolve: how it reads, and the figure of its total row.
#[derive(Debug, Clone, PartialEq)]
pub struct Added {
    pub column: usize,
    /// `Some(points)` for a change since the previous note (in points for a percent).
    pub change: Option<bool>,
    /// Its figure in the total row (a ratio of the totals, a change of the totals).
    pub total: Option<f64>,
    /// For a change, its header as shown ("depuis le 3 juillet 2017") after words that
    /// only a screen reader hears ("Stagiaires entrés, évolution"); the CSV has them all.
    pub header: Option<(String, String)>,
}

impl std::hash::Hash for Added {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        // Every field, so that a new one is a compile error until it is hashed.
        let Added {
            column,
            change,
            total,
            header,
        } = self;
        (column, change, header).hash(state);
        total.map(f64::to_bits).hash(state);
    }
}

/// A table compared with an earlier note's.
#[derive(Debug, Clone, PartialEq, Hash)]
pub struct Comparison {
    /// The date of the note compared with.
    pub since: NaiveDate,
    /// For each row of the dataset, whether it is new since then.
    pub new_rows: Vec<bool>,
    /// The rows of then that are gone, by name.
    pub gone: Vec<String>,
}

impl Table {
    /// The table under a chart: `columns` of `dataset` (every one when `None`), captioned
    /// with the chart's title.
    pub fn for_chart(dataset: Arc<Dataset>, columns: Option<Vec<usize>>, caption: &str) -> Table {
        let columns = columns.unwrap_or_else(|| (0..dataset.columns.len()).collect());
        Table {
            sources: vec![(None, Arc::clone(&dataset))],
            dataset,
            columns,
            sort: None,
            total: None,
            caption: Some(caption.to_owned()),
            added: Vec::new(),
            comparison: None,
            row_links: Vec::new(),
        }
    }

    fn added(&self, column: usize) -> Option<&Added> {
        self.added.iter().find(|added| added.column == column)
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
    let mut rows: Vec<(usize, &Vec<Value>)> = dataset.rows.iter().enumerate().collect();
    if let Some((index, descending)) = table.sort {
        rows.sort_by(|(_, a), (_, b)| compare(&a[index], &b[index], descending));
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
        match table.added(i).and_then(|added| added.header.as_ref()) {
            Some((hidden, shown)) => {
                html.push_str("<span class=\"visually-hidden\">");
                push_escaped(&mut html, hidden);
                html.push_str(" </span>");
                push_escaped(&mut html, shown);
            }
            None => push_escaped(&mut html, &typeset(&column.label, language)),
        }
        html.push_str("</th>");
    }
    html.push_str("</tr>\n</thead>\n<tbody>\n");
    for (index, row) in rows {
        html.push_str("<tr>");
        let new = table
            .comparison
            .as_ref()
            .filter(|c| c.new_rows.get(index).copied().unwrap_or(false));
        for (position, &i) in columns.iter().enumerate() {
            let column = &dataset.columns[i];
            let header = position == 0 && row_headers;
            if let (Some(added), Some(comparison)) = (table.added(i), &table.comparison)
                && let Some(points) = added.change
            {
                let since = language.long_date(comparison.since);
                push_change(
                    &mut html,
                    &row[i],
                    points,
                    new.is_some(),
                    &since,
                    column,
                    language,
                    strings,
                );
                continue;
            }
            if position == 0
                && let Some(Some(href)) = table.row_links.get(index)
            {
                // A site's name leads to its page.
                let tag = if header { "th scope=\"row\"" } else { "td" };
                html.push_str(&format!("<{tag}><a href=\""));
                push_escaped(&mut html, href);
                html.push_str("\">");
                push_escaped(&mut html, &row[i].display(column, language));
                html.push_str(if header { "</a></th>" } else { "</a></td>" });
                continue;
            }
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
            let total = match table.added(i) {
                Some(added) => added.total,
                None => total_of(dataset, i),
            };
            let signed = table.added(i).and_then(|added| added.change);
            let figure = total.map(|total| match (signed, column.kind) {
                (Some(points), _) => signed_figure(total, points, column, language, strings),
                (None, ColumnType::Integer) => language.integer(total.round() as i64),
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
    html.push_str("</table>\n</div>\n");
    if let Some(comparison) = table.comparison.as_ref().filter(|c| !c.gone.is_empty()) {
        html.push_str("<p class=\"table-gone\">");
        push_escaped(&mut html, &gone_sentence(comparison, language, strings));
        html.push_str("</p>\n");
    }
    html.push_str("<figcaption class=\"table-download\"><a href=\"");
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
pub fn total_of(dataset: &Dataset, column: usize) -> Option<f64> {
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
mod tests;
