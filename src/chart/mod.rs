//! `chart` blocks: a dataset drawn at build time as an inline SVG, with a text alternative
//! and the figures as a table beside it.
//!
//! Figures in, drawing out: a chart block is resolved into plain figures (`ChartData`) by
//! `resolve`, which never leaves this module anything to look up; `draw` draws them twice,
//! once for a wide page and once for a phone, so that its words stay readable at either
//! size. The page's stylesheet shows one of the two. Nothing here sees a site or a note.

mod describe;
mod draw;

use crate::data::{Column, ColumnType, Value};
use crate::html::push_escaped;
use crate::locale::{Language, Strings};
use crate::table::{Table, render_table};

pub use self::describe::describe;
pub use self::draw::{
    Anchor, Baseline, Layout, Mark, OTHER, Paint, Palette, Size, draw_svg, layout, text_width, wrap,
};

/// The kinds of chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChartKind {
    Bar,
    StackedBar,
    Line,
    Pie,
    /// For each row, a value against its target, as a bullet bar.
    Progress,
}

impl ChartKind {
    pub const NAMES: [&'static str; 5] = ["bar", "stacked-bar", "line", "pie", "progress"];

    pub fn from_name(name: &str) -> Option<Self> {
        Some(match name {
            "bar" => ChartKind::Bar,
            "stacked-bar" => ChartKind::StackedBar,
            "line" => ChartKind::Line,
            "pie" => ChartKind::Pie,
            "progress" => ChartKind::Progress,
            _ => return None,
        })
    }
}

/// The figures of a chart, ready to draw and to describe. Two charts whose figures hash the
/// same are drawn the same.
#[derive(Debug, Clone, PartialEq, Hash)]
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

impl std::hash::Hash for Series {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        let Series { name, values } = self;
        name.hash(state);
        // Floats do not hash: their bits do.
        for value in values {
            value.map(f64::to_bits).hash(state);
        }
    }
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

/// The HTML of a chart: its title, the SVG for wide pages and for phones, and the figures as
/// a table under `<details>`, with the link to the CSV.
pub fn render_chart(
    data: &ChartData,
    table: &Table,
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
        language,
        strings,
        &table.dataset.csv_name(),
    ));
    html.push_str("</details>\n</figure>\n");
    html
}

#[cfg(test)]
mod tests;
