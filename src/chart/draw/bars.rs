//! Horizontal bars, grouped or stacked: long category names have room down the side.

use super::scale::{FONT, LINE, PAD, SMALL, category_labels, stack_extent, text, value_ticks};
use super::text::text_width;
use super::{Anchor, Baseline, Mark, Paint, Size};
use crate::chart::{ChartData, ChartKind};
use crate::locale::{Language, Strings};

/// Horizontal bars, grouped or stacked: categories down the side (their names wrapped, never
/// cut), one bar per series or one stacked bar, the figure at the end of each bar.
pub(super) fn bars(
    data: &ChartData,
    size: Size,
    top: i32,
    language: Language,
    strings: &Strings,
    marks: &mut Vec<Mark>,
) -> i32 {
    let width = size.width() as i32;
    let stacked = data.kind == ChartKind::StackedBar;
    let (labels, label_width) = category_labels(data, size);
    let missing = strings.get("not_given_short");
    let figures: Vec<String> = if stacked {
        (0..data.categories.len())
            .map(|i| {
                let given: Vec<f64> = data.series.iter().filter_map(|s| s.values[i]).collect();
                if given.is_empty() {
                    missing.to_owned()
                } else {
                    data.format(given.iter().sum(), language)
                }
            })
            .collect()
    } else {
        data.series
            .iter()
            .flat_map(|s| {
                s.values
                    .iter()
                    .map(|v| v.map_or_else(|| missing.to_owned(), |v| data.format(v, language)))
            })
            .collect()
    };
    let figure_width = figures
        .iter()
        .map(|f| text_width(f, SMALL))
        .fold(0.0, f64::max)
        .ceil() as i32;
    // The plot starts right of the category names (`names_end`), and further right by the
    // room the figures of negative bars need before their bars' ends, so that they never
    // run into the names (up to a third of the plot; a figure that still does not fit is
    // written right of the zero line, where its bar leaves the row empty).
    let names_end = PAD + label_width + 10;
    let stacks: Vec<(f64, f64)> = (0..data.categories.len())
        .map(|i| stack_extent(data, i))
        .collect();
    let negative_labels: Vec<&String> = if stacked {
        stacks
            .iter()
            .zip(&figures)
            .filter(|((positive, negative), _)| *positive == 0.0 && *negative < 0.0)
            .map(|(_, figure)| figure)
            .collect()
    } else {
        data.series
            .iter()
            .flat_map(|s| &s.values)
            .zip(&figures)
            .filter(|(v, _)| v.is_some_and(|v| v < 0.0))
            .map(|(_, figure)| figure)
            .collect()
    };
    let negative_width = negative_labels
        .iter()
        .map(|f| text_width(f, SMALL))
        .fold(0.0, f64::max)
        .ceil() as i32;
    let plot_room = width - PAD - figure_width - 6 - names_end;
    let reserve = if negative_labels.is_empty() {
        0
    } else {
        (negative_width + 5).min(plot_room / 3)
    };
    let x0 = names_end + reserve;

    // As many ticks as fit without their labels touching (two at the least: 0 and the top).
    let mut target = if size == Size::Wide { 5 } else { 3 };
    let (ticks, tick_labels, x1) = loop {
        let ticks = value_ticks(data, stacked, target);
        let labels: Vec<String> = ticks.iter().map(|t| data.format(*t, language)).collect();
        let widest = labels
            .iter()
            .map(|l| text_width(l, SMALL))
            .fold(0.0, f64::max);
        let last_half =
            (text_width(labels.last().map_or("", String::as_str), SMALL) / 2.0).ceil() as i32;
        let x1 = width - PAD - (figure_width + 6).max(last_half);
        let spacing = (x1 - x0) as f64 / (ticks.len().max(2) - 1) as f64;
        if widest + 8.0 <= spacing || target == 1 {
            break (ticks, labels, x1);
        }
        target -= 1;
    };
    let (low, high) = (ticks[0], ticks[ticks.len() - 1]);
    let scale = |v: f64| x0 + ((v - low) / (high - low) * (x1 - x0) as f64).round() as i32;
    let zero = scale(0.0);

    let bar = if size == Size::Wide { 16 } else { 14 };
    let bars_per_group = if stacked { 1 } else { data.series.len() as i32 };
    let bars_height = bars_per_group * bar + (bars_per_group - 1) * 3;

    // Measure the groups first, to draw the grid behind the bars.
    let mut groups = Vec::new();
    let mut y = top + 4;
    for lines in &labels {
        let height = bars_height.max(lines.len() as i32 * LINE) + 14;
        groups.push((y, height));
        y += height;
    }
    let bottom = y;
    let shown = shown_ticks(&ticks, &tick_labels, &scale, width);
    for ((tick, label), shown) in ticks.iter().zip(&tick_labels).zip(shown) {
        let x = scale(*tick);
        let paint = if *tick == 0.0 {
            Paint::Axis
        } else {
            Paint::Grid
        };
        marks.push(Mark::Rule {
            from: (x, top),
            to: (x, bottom),
            paint,
            width: 1,
        });
        if !shown {
            continue;
        }
        marks.push(text(
            x,
            bottom + 6,
            label.clone(),
            SMALL,
            Anchor::Center,
            Baseline::Top,
            Paint::Muted,
        ));
    }

    for (i, ((group_top, height), lines)) in groups.iter().zip(&labels).enumerate() {
        let middle = group_top + height / 2;
        let first_line = middle - (lines.len() as i32 - 1) * LINE / 2;
        for (l, line) in lines.iter().enumerate() {
            marks.push(text(
                names_end - 10,
                first_line + l as i32 * LINE,
                line.clone(),
                FONT,
                Anchor::Right,
                Baseline::Middle,
                Paint::Ink,
            ));
        }
        let bars_top = middle - bars_height / 2;
        // A figure left of a negative bar's end, if it fits there without reaching the
        // category names; otherwise right of the zero line.
        let negative_label = |end: i32, label: &str| {
            if end - 5 - text_width(label, SMALL).ceil() as i32 >= names_end {
                (end - 5, Anchor::Right)
            } else {
                (zero + 5, Anchor::Left)
            }
        };
        if stacked {
            // Positive figures stack rightwards from zero, negative ones leftwards; the
            // figure written is the sum of the bar.
            let (mut right, mut left) = (0.0, 0.0);
            for (series, s) in data.series.iter().enumerate() {
                let Some(v) = s.values[i].filter(|v| *v != 0.0) else {
                    continue;
                };
                let (from, to) = if v > 0.0 {
                    right += v;
                    (right - v, right)
                } else {
                    left += v;
                    (left, left - v)
                };
                marks.push(Mark::Bar {
                    x0: scale(from),
                    y0: bars_top,
                    x1: scale(to).max(scale(from) + 1),
                    y1: bars_top + bar,
                    series,
                });
            }
            let label = figures[i].clone();
            let (x, anchor) = if right == 0.0 && left < 0.0 {
                negative_label(scale(left), &label)
            } else {
                (scale(right).max(zero) + 5, Anchor::Left)
            };
            marks.push(text(
                x,
                bars_top + bar / 2,
                label,
                SMALL,
                anchor,
                Baseline::Middle,
                Paint::Ink,
            ));
        } else {
            for (series, s) in data.series.iter().enumerate() {
                let y0 = bars_top + series as i32 * (bar + 3);
                let label =
                    s.values[i].map_or_else(|| missing.to_owned(), |v| data.format(v, language));
                match s.values[i] {
                    Some(v) => {
                        let (a, b) = if v >= 0.0 {
                            (zero, scale(v))
                        } else {
                            (scale(v), zero)
                        };
                        marks.push(Mark::Bar {
                            x0: a,
                            y0,
                            x1: b.max(a + 1),
                            y1: y0 + bar,
                            series,
                        });
                        let (x, anchor) = if v >= 0.0 {
                            (b + 5, Anchor::Left)
                        } else {
                            negative_label(a, &label)
                        };
                        marks.push(text(
                            x,
                            y0 + bar / 2,
                            label,
                            SMALL,
                            anchor,
                            Baseline::Middle,
                            Paint::Ink,
                        ));
                    }
                    // Not given: no bar at all, and a dash that says so, never a zero.
                    None => marks.push(text(
                        zero + 5,
                        y0 + bar / 2,
                        label,
                        SMALL,
                        Anchor::Left,
                        Baseline::Middle,
                        Paint::Muted,
                    )),
                }
            }
        }
    }
    bottom + 6 + LINE + PAD
}

/// Which tick labels are written: all of them when they fit, else zero's first, then the
/// others from zero outwards, each only if it keeps 8 units from those already kept and
/// stays inside the drawing (a phone-wide chart of losses and gains has room for few).
fn shown_ticks(
    ticks: &[f64],
    labels: &[String],
    scale: &impl Fn(f64) -> i32,
    width: i32,
) -> Vec<bool> {
    let boxes: Vec<(f64, f64)> = ticks
        .iter()
        .zip(labels)
        .map(|(tick, label)| {
            let half = text_width(label, SMALL) / 2.0;
            let x = scale(*tick) as f64;
            (x - half, x + half)
        })
        .collect();
    let mut order: Vec<usize> = (0..ticks.len()).collect();
    order.sort_by(|&a, &b| ticks[a].abs().total_cmp(&ticks[b].abs()));
    let mut shown = vec![false; ticks.len()];
    for i in order {
        let (left, right) = boxes[i];
        let inside = left >= 0.0 && right <= width as f64;
        let apart = (0..ticks.len())
            .filter(|&j| shown[j])
            .all(|j| right + 8.0 <= boxes[j].0 || boxes[j].1 + 8.0 <= left);
        shown[i] = inside && apart;
    }
    shown
}
