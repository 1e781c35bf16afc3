//! What every kind of chart is laid out with: the sizes of its words and gaps, a word
//! placed on the chart, and the ticks of the value axis.

use super::text::nice_ticks;
use super::{Anchor, Baseline, Mark, Paint, TextMark};
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
