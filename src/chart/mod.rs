//! `chart` blocks: a dataset drawn at build time as an inline SVG, with a text alternative
//! and the figures as a table beside it.
//!
//! A chart is checked where the site is validated (`check`), turned into plain figures
//! (`ChartData`) where the page is rendered, then drawn twice by `draw`: once for a wide
//! page and once for a phone, so that its words stay readable at either size. The page's
//! stylesheet shows one of the two.

mod check;
mod describe;
mod draw;

use std::fmt;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use serde::Deserialize;
use serde::de::{self, Deserializer, SeqAccess, Visitor};
use serde_saphyr::Spanned;

use crate::content::{Document, Site};
use crate::data::{Column, ColumnType, Dataset, Value};
use crate::locale::{Language, Strings, typeset};
use crate::markdown::push_escaped;
use crate::table::{TableSpec, render_table};

pub use self::check::check;
pub use self::describe::describe;
pub use self::draw::{
    Anchor, Baseline, Layout, Mark, OTHER, Paint, Palette, Size, TextMark, draw_svg, layout,
    text_width, wrap,
};

/// The kinds of chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartKind {
    Bar,
    StackedBar,
    Line,
    Pie,
}

impl ChartKind {
    const NAMES: [&'static str; 4] = ["bar", "stacked-bar", "line", "pie"];

    fn from_name(name: &str) -> Option<Self> {
        Some(match name {
            "bar" => ChartKind::Bar,
            "stacked-bar" => ChartKind::StackedBar,
            "line" => ChartKind::Line,
            "pie" => ChartKind::Pie,
            _ => return None,
        })
    }
}

/// What a `chart` block asks for, as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChartSpec {
    #[serde(rename = "type")]
    pub kind: Spanned<String>,
    pub data: Spanned<String>,
    /// The column of categories (the first column when not given).
    pub x: Option<Spanned<String>>,
    /// The column or columns of figures.
    pub y: Spanned<OneOrMany>,
    pub title: Option<String>,
    /// `reports`: follow the dataset from note to note.
    pub across: Option<Spanned<String>>,
    /// With `across`, the column whose values each get a line.
    pub series: Option<Spanned<String>>,
}

impl ChartSpec {
    pub const KEYS: [&'static str; 7] = ["type", "data", "x", "y", "title", "across", "series"];

    fn kind(&self) -> ChartKind {
        ChartKind::from_name(&self.kind.value).unwrap_or(ChartKind::Bar)
    }
}

/// One column name, or a list of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OneOrMany(pub Vec<String>);

impl<'de> Deserialize<'de> for OneOrMany {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ColumnsVisitor;
        impl<'de> Visitor<'de> for ColumnsVisitor {
            type Value = OneOrMany;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a column name, or a list of them such as `[entered, forecast]`")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<OneOrMany, E> {
                Ok(OneOrMany(vec![v.to_owned()]))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<OneOrMany, A::Error> {
                let mut names = Vec::new();
                while let Some(name) = seq.next_element::<String>()? {
                    names.push(name);
                }
                Ok(OneOrMany(names))
            }
        }
        deserializer.deserialize_any(ColumnsVisitor)
    }
}

/// The figures of a chart, ready to draw and to describe.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartData {
    pub kind: ChartKind,
    pub title: String,
    /// The label of the categories' column ("Site", or the reports' date).
    pub category_label: String,
    pub categories: Vec<String>,
    pub series: Vec<Series>,
    /// The first column of figures: how values are written.
    pub value_column: Column,
}

/// One line, or one colour of bars.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub name: String,
    /// One per category; `None` where the figure is not given (a gap, never a zero).
    pub values: Vec<Option<f64>>,
}

impl ChartData {
    /// A value as the site writes it ("1 221 846 €", "25 %").
    pub fn format(&self, value: f64, language: Language) -> String {
        match self.value_column.kind {
            ColumnType::Integer if value.fract() == 0.0 => language.integer(value as i64),
            _ => Value::Number(value).display(&self.value_column, language),
        }
    }
}

/// The reports, oldest first, that have a dataset called `name`, up to `doc` (included).
fn reports_with<'a>(
    site: &'a Site,
    doc: &'a Document,
    name: &str,
) -> Vec<(&'a Document, &'a Arc<Dataset>)> {
    site.history(doc, name).collect()
}

/// Feeds to `hasher` what a chart that follows its dataset across reports takes from other
/// notes: the date and the dataset file of each report up to `doc` that has the dataset.
/// Nothing for a chart of the note's own figures.
pub fn hash_history(spec: &ChartSpec, site: &Site, doc: &Document, hasher: &mut impl Hasher) {
    if spec.across.is_some() {
        for (report, dataset) in reports_with(site, doc, &spec.data.value) {
            report.date.hash(hasher);
            dataset.hash_source(hasher);
        }
    }
}

/// The figures the chart shows, and the dataset its table and CSV come from.
pub fn chart_data(
    spec: &ChartSpec,
    site: &Site,
    doc: &Document,
    strings: &Strings,
    language: Language,
) -> Option<(ChartData, Arc<Dataset>, TableSpec)> {
    let name = spec.data.value.as_str();
    let y = &spec.y.value.0;
    let title = spec.title.as_deref().map(|title| typeset(title, language));
    if spec.across.is_some() {
        let series_key = spec.series.as_ref()?.value.as_str();
        let y_key = y.first()?;
        let history = reports_with(site, doc, name);
        let (_, latest) = history.last()?;
        let mut value_column = latest.columns.get(latest.column_index(y_key)?)?.clone();
        // Amounts keep their cents on every point if one note of the history has them.
        value_column.decimals = history
            .iter()
            .filter_map(|(_, dataset)| dataset.columns.get(dataset.column_index(y_key)?))
            .filter(|column| column.kind == value_column.kind)
            .map(|column| column.decimals)
            .fold(value_column.decimals, usize::max);
        let mut series: Vec<Series> = Vec::new();
        for (position, (_, dataset)) in history.iter().enumerate() {
            let (Some(s), Some(v)) = (
                dataset.column_index(series_key),
                dataset.column_index(y_key),
            ) else {
                continue;
            };
            for row in &dataset.rows {
                let label = row[s].display(&dataset.columns[s], language);
                if label.is_empty() {
                    continue;
                }
                let index = match series.iter().position(|existing| existing.name == label) {
                    Some(index) => index,
                    None => {
                        series.push(Series {
                            name: label,
                            values: vec![None; history.len()],
                        });
                        series.len() - 1
                    }
                };
                if series[index].values[position].is_none() {
                    series[index].values[position] = row[v].as_f64();
                }
            }
        }
        let categories: Vec<String> = history
            .iter()
            .map(|(report, _)| {
                report
                    .date
                    .map(|d| language.short_date(d))
                    .unwrap_or_default()
            })
            .collect();
        let category_label = strings.get("report_date").to_owned();
        let title = title.unwrap_or_else(|| typeset(&value_column.label, language));

        // The same figures as a table: one row per report, one column per line.
        let mut columns = vec![Column {
            key: "date".to_owned(),
            label: category_label.clone(),
            kind: ColumnType::Date,
            ..Column::default()
        }];
        columns.extend(series.iter().enumerate().map(|(i, s)| Column {
            key: format!("s{i}"),
            label: s.name.clone(),
            ..value_column.clone()
        }));
        let rows = history
            .iter()
            .enumerate()
            .map(|(i, (report, _))| {
                let mut row = vec![report.date.map_or(Value::Missing, Value::Date)];
                row.extend(
                    series
                        .iter()
                        .map(|s| s.values[i].map_or(Value::Missing, Value::Number)),
                );
                row
            })
            .collect();
        let derived = Arc::new(Dataset::derived(
            format!("{name}-{y_key}-{}", strings.get("across_reports_file")),
            Some(title.clone()),
            columns,
            rows,
        ));
        let table = TableSpec::for_chart(&derived, None, &title);
        let data = ChartData {
            kind: spec.kind(),
            title,
            category_label,
            categories,
            series,
            value_column,
        };
        return Some((data, derived, table));
    }

    let dataset = site.dataset(doc, name)?.clone();
    let x = match &spec.x {
        Some(x) => dataset.column_index(&x.value)?,
        None => 0,
    };
    let ys: Vec<usize> = y
        .iter()
        .filter_map(|key| dataset.column_index(key))
        .collect();
    let value_column = dataset.columns.get(*ys.first()?)?.clone();
    let categories = dataset
        .rows
        .iter()
        .map(|row| row[x].display(&dataset.columns[x], language))
        .collect();
    let series = ys
        .iter()
        .map(|&i| Series {
            name: typeset(&dataset.columns[i].label, language),
            values: dataset.rows.iter().map(|row| row[i].as_f64()).collect(),
        })
        .collect();
    let title = title
        .or_else(|| dataset.title.as_deref().map(|t| typeset(t, language)))
        .unwrap_or_else(|| dataset.name.clone());
    let keys: Vec<&str> = std::iter::once(dataset.columns[x].key.as_str())
        .chain(ys.iter().map(|&i| dataset.columns[i].key.as_str()))
        .collect();
    let table = TableSpec::for_chart(&dataset, Some(&keys), &title);
    let data = ChartData {
        kind: spec.kind(),
        title,
        category_label: typeset(&dataset.columns[x].label, language),
        categories,
        series,
        value_column,
    };
    Some((data, dataset, table))
}

/// The HTML of a chart: its title, the SVG for wide pages and for phones, and the figures as
/// a table under `<details>`, with the link to the CSV.
pub fn render_chart(
    data: &ChartData,
    dataset: &Dataset,
    table: &TableSpec,
    id: &str,
    language: Language,
    strings: &Strings,
    palette: &Palette,
) -> String {
    let description = describe(data, language, strings);
    let mut html = String::with_capacity(16 * 1024);
    html.push_str(&format!(
        "<figure class=\"chart\" id=\"{id}\">\n<figcaption class=\"chart-title\">"
    ));
    push_escaped(&mut html, &data.title);
    html.push_str("</figcaption>\n");
    for (size, class) in [(Size::Wide, "chart-wide"), (Size::Narrow, "chart-narrow")] {
        html.push_str(&format!("<div class=\"{class}\">\n"));
        html.push_str(&draw_svg(
            data,
            size,
            &format!("{id}-{}", size.suffix()),
            &description,
            language,
            strings,
            palette,
        ));
        html.push_str("</div>\n");
    }
    html.push_str("<details class=\"chart-data\">\n<summary>");
    push_escaped(&mut html, strings.get("chart_data"));
    html.push_str("</summary>\n");
    html.push_str(&render_table(
        table,
        dataset,
        language,
        strings,
        &format!("{}.csv", dataset.name),
    ));
    html.push_str("</details>\n</figure>\n");
    html
}

#[cfg(test)]
mod tests;
