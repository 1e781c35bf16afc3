//! Pies: slices of the figures, their edges white, and a legend of each figure and share.

use super::layout::{FONT, LINE, PAD, text};
use super::text::wrap;
use super::{Anchor, Baseline, Mark, Paint, Size};
use crate::chart::ChartData;
use crate::locale::{Language, Strings};

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
    let total: f64 = series.values.iter().flatten().filter(|v| **v > 0.0).sum();
    let radius = if size == Size::Wide { 100 } else { 90 };
    let (cx, cy) = match size {
        Size::Wide => (PAD + radius + 10, top + radius + 4),
        Size::Narrow => (width / 2, top + radius + 4),
    };

    let mut angle = -90.0_f64;
    for (slice, value) in series.values.iter().enumerate() {
        let Some(v) = value.filter(|v| *v > 0.0 && total > 0.0) else {
            continue;
        };
        let sweep = v / total * 360.0;
        let steps = (sweep / 2.0).ceil().max(1.0) as usize;
        let mut points = vec![(cx, cy)];
        for k in 0..=steps {
            let a = (angle + sweep * k as f64 / steps as f64).to_radians();
            points.push((
                cx + (radius as f64 * a.cos()).round() as i32,
                cy + (radius as f64 * a.sin()).round() as i32,
            ));
        }
        marks.push(Mark::Slice {
            points,
            series: slice,
        });
        angle += sweep;
    }
    // White edges between slices, so that neighbours stay apart in grey.
    let mut angle = -90.0_f64;
    for value in series
        .values
        .iter()
        .flatten()
        .filter(|v| **v > 0.0 && total > 0.0)
    {
        let a = angle.to_radians();
        let edge = (
            cx + (radius as f64 * a.cos()).round() as i32,
            cy + (radius as f64 * a.sin()).round() as i32,
        );
        marks.push(Mark::Rule {
            from: (cx, cy),
            to: edge,
            paint: Paint::White,
            width: 2,
        });
        angle += value / total * 360.0;
    }

    let (left, mut y) = match size {
        Size::Wide => (cx + radius + 30, top + 8),
        Size::Narrow => (PAD, cy + radius + 16),
    };
    for (slice, (category, value)) in data.categories.iter().zip(&series.values).enumerate() {
        let figure = match value {
            Some(v) if total > 0.0 && *v > 0.0 => {
                format!(
                    "{} ({})",
                    data.format(*v, language),
                    language.percent(v / total)
                )
            }
            Some(v) => data.format(*v, language),
            None => strings.get("not_given").to_owned(),
        };
        let line = format!("{category} — {figure}");
        let lines = wrap(&line, (width - PAD - left - 20) as f64, FONT);
        if value.is_some_and(|v| v > 0.0) {
            marks.push(Mark::Bar {
                x0: left,
                y0: y + 2,
                x1: left + 12,
                y1: y + 14,
                series: slice,
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
