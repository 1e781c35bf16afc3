//! A `progress` chart: for each row a bullet bar, its value drawn over a track as long as
//! its target, the target marked by a rule, the percent reached written at the end. A
//! missing value leaves the track empty and says so.

use super::scale::{FONT, LINE, PAD, SMALL, category_labels, text};
use super::text::text_width;
use super::{Anchor, Baseline, Mark, Paint, Size};
use crate::chart::ChartData;
use crate::locale::{Language, Strings};

/// The percent `value` reaches of `target`, rounded to the whole percent; none without a
/// target above zero.
pub fn reached(value: Option<f64>, target: Option<f64>) -> Option<f64> {
    match (value, target) {
        (Some(v), Some(t)) if t != 0.0 => Some((v / t * 100.0).round() / 100.0),
        _ => None,
    }
}

/// Lays out the bullet bars below `top`; returns the drawing's height.
pub(super) fn progress(
    data: &ChartData,
    size: Size,
    top: i32,
    language: Language,
    strings: &Strings,
    marks: &mut Vec<Mark>,
) -> i32 {
    let width = size.width() as i32;
    let empty = Vec::new();
    let values = data.series.first().map_or(&empty, |s| &s.values);
    let targets = data.series.get(1).map_or(&empty, |s| &s.values);
    let (labels, label_width) = category_labels(data, size);
    let missing = strings.get("not_given");
    let figures: Vec<String> = (0..data.categories.len())
        .map(|i| {
            let value = values.get(i).copied().flatten();
            let target = targets.get(i).copied().flatten();
            match (value, reached(value, target)) {
                (None, _) => strings.get("not_given").to_owned(),
                (Some(_), Some(rate)) => language.percent(rate),
                (Some(v), None) => data.format(v, language),
            }
        })
        .collect();
    let figure_width = figures
        .iter()
        .map(|f| text_width(f, SMALL))
        .fold(0.0, f64::max)
        .ceil() as i32;
    let left = PAD + label_width + 10;
    let right = (width - PAD - figure_width - 8).max(left + 40);
    // Each bar is drawn against its own target: the target always falls at the same place,
    // and a network's total is read as easily as a small site's.
    let rates: Vec<Option<f64>> = (0..data.categories.len())
        .map(|i| {
            let value = values.get(i).copied().flatten();
            let target = targets.get(i).copied().flatten();
            match (value, target) {
                (Some(v), Some(t)) if t > 0.0 => Some((v / t).max(0.0)),
                _ => None,
            }
        })
        .collect();
    let high = rates.iter().flatten().fold(1.0f64, |a, &b| a.max(b));
    let scale =
        |rate: f64| -> i32 { left + ((rate / high) * (right - left) as f64).round() as i32 };
    // The key: a swatch of the value, a rule for the target.
    let mut y = top;
    let value_name = data.series.first().map_or("", |s| s.name.as_str());
    let target_name = data.series.get(1).map_or("", |s| s.name.as_str());
    marks.push(Mark::Bar {
        x0: PAD,
        y0: y + 2,
        x1: PAD + 12,
        y1: y + 14,
        series: 0,
    });
    marks.push(text(
        PAD + 18,
        y + 8,
        value_name,
        FONT,
        Anchor::Left,
        Baseline::Middle,
        Paint::Ink,
    ));
    let second = PAD + 18 + text_width(value_name, FONT).ceil() as i32 + 16;
    let (key_x, key_y) = if second + 24 + text_width(target_name, FONT) as i32 > width - PAD {
        (PAD, y + LINE + 4)
    } else {
        (second, y)
    };
    marks.push(Mark::Rule {
        from: (key_x + 6, key_y),
        to: (key_x + 6, key_y + 16),
        paint: Paint::Ink,
        width: 3,
    });
    marks.push(text(
        key_x + 18,
        key_y + 8,
        target_name,
        FONT,
        Anchor::Left,
        Baseline::Middle,
        Paint::Ink,
    ));
    y = key_y + LINE + 14;
    for (i, lines) in labels.iter().enumerate() {
        let row_height = (lines.len() as i32 * LINE).max(24);
        let middle = y + row_height / 2;
        for (n, line) in lines.iter().enumerate() {
            let line_y = middle - (lines.len() as i32 - 1) * LINE / 2 + n as i32 * LINE;
            marks.push(text(
                PAD,
                line_y,
                line.clone(),
                FONT,
                Anchor::Left,
                Baseline::Middle,
                Paint::Ink,
            ));
        }
        let value = values.get(i).copied().flatten();
        let has_target = targets.get(i).copied().flatten().is_some_and(|t| t > 0.0);
        let mark = scale(1.0);
        if has_target {
            // The track: as long as the target.
            marks.push(Mark::Rule {
                from: (left, middle),
                to: (mark, middle),
                paint: Paint::Grid,
                width: 16,
            });
        }
        if let Some(rate) = rates[i] {
            marks.push(Mark::Bar {
                x0: left,
                y0: middle - 5,
                x1: scale(rate).max(left + 1),
                y1: middle + 5,
                series: 0,
            });
        }
        if has_target {
            marks.push(Mark::Rule {
                from: (mark, middle - 10),
                to: (mark, middle + 10),
                paint: Paint::Ink,
                width: 3,
            });
        }
        // The figure after the bar or the target, whichever ends later; a missing value
        // says so there, beside an empty track.
        let end = rates[i].map_or(mark, |rate| scale(rate).max(mark));
        let (words, paint) = match value {
            Some(_) => (figures[i].clone(), Paint::Ink),
            None => (missing.to_owned(), Paint::Muted),
        };
        marks.push(text(
            end + 8,
            middle,
            words,
            SMALL,
            Anchor::Left,
            Baseline::Middle,
            paint,
        ));
        y += row_height + 10;
    }
    y + PAD
}
