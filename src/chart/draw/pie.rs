//! Pies: slices of the figures, their edges white, and a legend of each figure and share.
//! A pie has at most eight slices, as many as the palette has colours: past that, the
//! seven largest figures keep their slices and the others share one, "Autres (3)".

use super::scale::{FONT, LINE, PAD, text};
use super::text::wrap;
use super::{Anchor, Baseline, Mark, OTHER, Paint, Size};
use crate::chart::ChartData;
use crate::locale::{Language, Strings};

/// The most slices a pie draws.
const MAX_SLICES: usize = 8;

/// A slice to draw: its figure and its series (a colour of the palette, or [`OTHER`]).
struct Slice {
    value: f64,
    series: usize,
}

/// One line of the legend: a category, or the slice of the grouped ones.
struct Entry {
    name: String,
    value: Option<f64>,
    /// The series of its swatch, when it has a slice.
    series: Option<usize>,
}

/// A pie of the given figures, its legend beside it (or under it on a phone) with each
/// figure and its share; figures not given are listed, not drawn.
pub(super) fn pie(
    data: &ChartData,
    size: Size,
    top: i32,
    language: Language,
    strings: &Strings,
    marks: &mut Vec<Mark>,
) -> i32 {
    let width = size.width() as i32;
    let Some(series) = data.series.first() else {
        return top + PAD;
    };
    let (slices, entries) = slices(data, &series.values, strings);
    let total: f64 = slices.iter().map(|s| s.value).sum();
    let radius = if size == Size::Wide { 100 } else { 90 };
    let (cx, cy) = match size {
        Size::Wide => (PAD + radius + 10, top + radius + 4),
        Size::Narrow => (width / 2, top + radius + 4),
    };
    let at = |angle: f64| {
        let a = angle.to_radians();
        (
            cx + (radius as f64 * a.cos()).round() as i32,
            cy + (radius as f64 * a.sin()).round() as i32,
        )
    };

    let mut angle = -90.0_f64;
    for slice in &slices {
        let sweep = slice.value / total * 360.0;
        let steps = (sweep / 2.0).ceil().max(1.0) as usize;
        let mut points = vec![(cx, cy)];
        points.extend((0..=steps).map(|k| at(angle + sweep * k as f64 / steps as f64)));
        marks.push(Mark::Slice {
            points,
            series: slice.series,
        });
        angle += sweep;
    }
    // White edges between slices, so that neighbours stay apart in grey.
    let mut angle = -90.0_f64;
    for slice in &slices {
        marks.push(Mark::Rule {
            from: (cx, cy),
            to: at(angle),
            paint: Paint::White,
            width: 2,
        });
        angle += slice.value / total * 360.0;
    }

    let (left, mut y) = match size {
        Size::Wide => (cx + radius + 30, top + 8),
        Size::Narrow => (PAD, cy + radius + 16),
    };
    for entry in &entries {
        let figure = match (entry.value, entry.series) {
            (Some(v), Some(_)) => format!(
                "{} ({})",
                data.format(v, language),
                language.percent(v / total)
            ),
            (Some(v), None) => data.format(v, language),
            (None, _) => strings.get("not_given").to_owned(),
        };
        let line = format!("{} — {figure}", entry.name);
        let lines = wrap(&line, (width - PAD - left - 20) as f64, FONT);
        if let Some(series) = entry.series {
            marks.push(Mark::Bar {
                x0: left,
                y0: y + 2,
                x1: left + 12,
                y1: y + 14,
                series,
            });
        }
        for (l, text_line) in lines.iter().enumerate() {
            marks.push(text(
                left + 18,
                y + 8 + l as i32 * LINE,
                text_line.clone(),
                FONT,
                Anchor::Left,
                Baseline::Middle,
                Paint::Ink,
            ));
        }
        y += lines.len() as i32 * LINE + 6;
    }
    (cy + radius).max(y) + PAD + 4
}

/// The slices to draw, in the order of the rows, and the legend's entries. Only positive
/// figures make slices; past [`MAX_SLICES`], the smallest are grouped in one slice, last.
fn slices(data: &ChartData, values: &[Option<f64>], strings: &Strings) -> (Vec<Slice>, Vec<Entry>) {
    let positive: Vec<usize> = (0..values.len())
        .filter(|&i| values[i].is_some_and(|v| v > 0.0))
        .collect();
    let mut grouped = vec![false; values.len()];
    if positive.len() > MAX_SLICES {
        let mut by_size = positive.clone();
        // Largest first; among equal figures, the earlier row keeps its slice.
        by_size.sort_by(|&a, &b| {
            let (a_value, b_value) = (values[a].unwrap_or(0.0), values[b].unwrap_or(0.0));
            b_value.total_cmp(&a_value).then(a.cmp(&b))
        });
        for &i in &by_size[MAX_SLICES - 1..] {
            grouped[i] = true;
        }
    }
    let mut slices = Vec::new();
    let mut entries = Vec::new();
    for (i, (category, value)) in data.categories.iter().zip(values).enumerate() {
        if grouped[i] {
            continue;
        }
        let series = value.filter(|v| *v > 0.0).map(|v| {
            slices.push(Slice {
                value: v,
                series: slices.len(),
            });
            slices.len() - 1
        });
        entries.push(Entry {
            name: category.clone(),
            value: *value,
            series,
        });
    }
    let count = grouped.iter().filter(|g| **g).count();
    if count > 0 {
        let value: f64 = (0..values.len())
            .filter(|&i| grouped[i])
            .filter_map(|i| values[i])
            .sum();
        slices.push(Slice {
            value,
            series: OTHER,
        });
        entries.push(Entry {
            name: format!("{} ({count})", strings.get("chart_other")),
            value: Some(value),
            series: Some(OTHER),
        });
    }
    (slices, entries)
}
