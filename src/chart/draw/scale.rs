//! What every kind of chart is laid out with: the sizes of its words and gaps, a word
//! placed on the chart, and the ticks of the value axis.

use super::text::{nice_ticks, text_width, wrap};
use super::{Anchor, Baseline, Mark, Paint, Size, TextMark};
use crate::chart::ChartData;
use crate::data::ColumnType;

pub(super) const FONT: f64 = 13.0;
pub(super) const SMALL: f64 = 12.0;
pub(super) const LINE: i32 = 16;
pub(super) const PAD: i32 = 8;

pub(super) fn text(
    x: i32,
    y: i32,
    text: impl Into<String>,
    size: f64,
    anchor: Anchor,
    baseline: Baseline,
    paint: Paint,
) -> Mark {
    Mark::Text(TextMark {
        x,
        y,
        text: text.into(),
        size,
        anchor,
        baseline,
        paint,
    })
}

/// The range of the value axis: its ticks, always including zero.
pub(super) fn value_ticks(data: &ChartData, stacked: bool, target: usize) -> Vec<f64> {
    let values: Vec<f64> = if stacked {
        (0..data.categories.len())
            .flat_map(|i| {
                let (positive, negative) = stack_extent(data, i);
                [positive, negative]
            })
            .collect()
    } else {
        data.series
            .iter()
            .flat_map(|s| s.values.iter().flatten().copied())
            .collect()
    };
    let max = values.iter().copied().fold(0.0, f64::max);
    let min = values.iter().copied().fold(0.0, f64::min);
    let whole = matches!(data.value_column.kind, ColumnType::Integer);
    nice_ticks(min, max, target, whole)
}

/// The ends of the stacked bar of category `i`: the sum of its positive figures and the sum
/// of its negative ones.
pub(super) fn stack_extent(data: &ChartData, i: usize) -> (f64, f64) {
    let given = data.series.iter().filter_map(|s| s.values[i]);
    (
        given.clone().filter(|v| *v > 0.0).sum(),
        given.filter(|v| *v < 0.0).sum(),
    )
}

/// The names of a chart's categories down its side (bars, bullet bars), wrapped to at most
/// a share of the width, and the width of the widest line.
pub(super) fn category_labels(data: &ChartData, size: Size) -> (Vec<Vec<String>>, i32) {
    let share = if size == Size::Wide { 0.28 } else { 0.32 };
    let label_max = (size.width() as f64 * share).floor();
    let labels: Vec<Vec<String>> = data
        .categories
        .iter()
        .map(|c| wrap(c, label_max, FONT))
        .collect();
    let width = labels
        .iter()
        .flatten()
        .map(|l| text_width(l, FONT))
        .fold(0.0, f64::max)
        .ceil() as i32;
    (labels, width)
}
