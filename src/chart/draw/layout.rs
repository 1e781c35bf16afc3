//! Where everything of a chart goes: pure geometry, from the figures to a list of marks.
//! Nothing here draws: `super::svg` writes the marks as SVG.

use super::scale::{FONT, LINE, PAD, SMALL, text, value_ticks};
use super::text::{text_width, wrap};
use super::{Anchor, Baseline, Layout, Mark, Paint, Size};
use crate::chart::{ChartData, ChartKind};
use crate::locale::{Language, Strings};

/// Lays out the chart for a page of `size`.
pub fn layout(data: &ChartData, size: Size, language: Language, strings: &Strings) -> Layout {
    let width = size.width();
    let mut marks = Vec::new();
    let top = if data.series.len() > 1 && !matches!(data.kind, ChartKind::Pie | ChartKind::Progress)
    {
        let names: Vec<&str> = data.series.iter().map(|s| s.name.as_str()).collect();
        legend(
            &names,
            data.kind == ChartKind::Line,
            PAD,
            PAD,
            width as i32 - PAD,
            &mut marks,
        ) + 10
    } else {
        PAD
    };
    let height = match data.kind {
        ChartKind::Bar | ChartKind::StackedBar => {
            super::bars::bars(data, size, top, language, strings, &mut marks)
        }
        ChartKind::Line => lines(data, size, top, language, &mut marks),
        ChartKind::Pie => super::pie::pie(data, size, top, language, strings, &mut marks),
        ChartKind::Progress => {
            super::progress::progress(data, size, top, language, strings, &mut marks)
        }
    };
    Layout {
        width,
        height: height as u32,
        marks,
    }
}

/// A row of keys and names that wraps; returns the bottom of the legend. The key is a
/// swatch of the series' fill, or for lines a stretch of the line with its marker.
fn legend(
    names: &[&str],
    lines_key: bool,
    left: i32,
    top: i32,
    right: i32,
    marks: &mut Vec<Mark>,
) -> i32 {
    let key = if lines_key { 26 } else { 18 };
    let mut x = left;
    let mut y = top;
    for (series, name) in names.iter().enumerate() {
        let lines = wrap(name, (right - left - key - 2) as f64, FONT);
        let item_width = key
            + lines
                .iter()
                .map(|l| text_width(l, FONT))
                .fold(0.0, f64::max)
                .ceil() as i32;
        if x > left && x + item_width > right {
            x = left;
            y += LINE + 4;
        }
        if lines_key {
            marks.push(Mark::Path {
                points: vec![(x, y + 8), (x + 20, y + 8)],
                series,
            });
            marks.push(Mark::Marker {
                x: x + 10,
                y: y + 8,
                series,
            });
        } else {
            marks.push(Mark::Bar {
                x0: x,
                y0: y + 2,
                x1: x + 12,
                y1: y + 14,
                series,
            });
        }
        for (i, line) in lines.iter().enumerate() {
            marks.push(text(
                x + key,
                y + 8 + i as i32 * LINE,
                line.clone(),
                FONT,
                Anchor::Left,
                Baseline::Middle,
                Paint::Ink,
            ));
        }
        y += (lines.len() as i32 - 1) * LINE;
        x += item_width + 16;
    }
    y + LINE
}

/// Lines across ordered categories (the dates of reports), broken where a figure is missing,
/// each with its own marker shape.
fn lines(data: &ChartData, size: Size, top: i32, language: Language, marks: &mut Vec<Mark>) -> i32 {
    let width = size.width() as i32;
    let ticks = value_ticks(data, false, if size == Size::Wide { 5 } else { 4 });
    let (low, high) = (ticks[0], ticks[ticks.len() - 1]);
    let tick_labels: Vec<String> = ticks.iter().map(|t| data.format(*t, language)).collect();
    let tick_width = tick_labels
        .iter()
        .map(|l| text_width(l, SMALL))
        .fold(0.0, f64::max)
        .ceil() as i32;

    let n = data.categories.len().max(1) as i32;
    let first_half = data
        .categories
        .first()
        .map_or(0.0, |c| text_width(c, SMALL) / 2.0)
        .ceil() as i32;
    let last_half = data
        .categories
        .last()
        .map_or(0.0, |c| text_width(c, SMALL) / 2.0)
        .ceil() as i32;
    let x0 = (PAD + tick_width + 8).max(PAD + first_half.min(60)) + 8;
    let x1 = width - PAD - last_half.min(60) - 4;
    let step = if n > 1 {
        (x1 - x0) as f64 / (n - 1) as f64
    } else {
        0.0
    };
    let x_at = |i: usize| {
        if n > 1 {
            x0 + (i as f64 * step).round() as i32
        } else {
            (x0 + x1) / 2
        }
    };

    // Room above the plot for the figure written over the last point of a single line.
    let plot_top = top + if data.series.len() == 1 { 24 } else { 6 };
    let plot_bottom = plot_top + if size == Size::Wide { 220 } else { 200 };
    let y_at = |v: f64| {
        plot_bottom - ((v - low) / (high - low) * (plot_bottom - plot_top) as f64).round() as i32
    };

    for (tick, label) in ticks.iter().zip(&tick_labels) {
        let y = y_at(*tick);
        let paint = if *tick == 0.0 {
            Paint::Axis
        } else {
            Paint::Grid
        };
        marks.push(Mark::Rule {
            from: (x0 - 6, y),
            to: (x1 + 6, y),
            paint,
            width: 1,
        });
        marks.push(text(
            x0 - 10,
            y,
            label.clone(),
            SMALL,
            Anchor::Right,
            Baseline::Middle,
            Paint::Muted,
        ));
    }

    // Category labels: wrapped to the room between two points; when even that is too
    // narrow, every k-th label is shown so that none overlaps another.
    let room = if n > 1 { step - 6.0 } else { (x1 - x0) as f64 };
    let widest = data
        .categories
        .iter()
        .map(|c| text_width(c, SMALL))
        .fold(0.0, f64::max);
    let every = if widest <= room || n == 1 {
        1
    } else {
        ((widest + 6.0) / step).ceil() as usize
    };
    let mut label_lines = 1;
    for (i, category) in data.categories.iter().enumerate() {
        if i % every != 0 {
            continue;
        }
        let lines = wrap(
            category,
            (room * every as f64).max(widest.min(120.0)),
            SMALL,
        );
        label_lines = label_lines.max(lines.len() as i32);
        for (l, line) in lines.into_iter().enumerate() {
            marks.push(text(
                x_at(i),
                plot_bottom + 8 + l as i32 * LINE,
                line,
                SMALL,
                Anchor::Center,
                Baseline::Top,
                Paint::Muted,
            ));
        }
    }

    for (series, s) in data.series.iter().enumerate() {
        let mut run: Vec<(i32, i32)> = Vec::new();
        for (i, value) in s.values.iter().enumerate() {
            match value {
                Some(v) => run.push((x_at(i), y_at(*v))),
                None if run.is_empty() => {}
                None => marks.push(Mark::Path {
                    points: std::mem::take(&mut run),
                    series,
                }),
            }
        }
        if !run.is_empty() {
            marks.push(Mark::Path {
                points: run,
                series,
            });
        }
        for (i, value) in s.values.iter().enumerate() {
            if let Some(v) = value {
                marks.push(Mark::Marker {
                    x: x_at(i),
                    y: y_at(*v),
                    series,
                });
            }
        }
    }
    // With one line, the last figure is written beside its point.
    if let [only] = data.series.as_slice()
        && let Some((i, v)) = only
            .values
            .iter()
            .enumerate()
            .rev()
            .find_map(|(i, v)| v.map(|v| (i, v)))
    {
        marks.push(text(
            x_at(i),
            y_at(v) - 10,
            data.format(v, language),
            SMALL,
            Anchor::Center,
            Baseline::Bottom,
            Paint::Ink,
        ));
    }
    plot_bottom + 8 + label_lines * LINE + PAD
}
