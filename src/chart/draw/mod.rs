//! Drawing a chart: `layout` places every mark, then `svg` writes them as SVG for the page,
//! and `crate::preview` paints the same marks on the picture of a link preview.

mod bars;
mod layout;
mod pie;
mod progress;
mod scale;
mod svg;
mod text;

use super::ChartData;
use crate::locale::{Language, Strings};
pub use crate::palette::{OTHER, Palette};

pub use self::layout::layout;
pub use self::progress::reached;
pub use self::text::{text_width, wrap};

/// The two drawings of every chart: for a wide page, and for a phone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Size {
    Wide,
    Narrow,
}

impl Size {
    /// The width of the drawing in its own units (`viewBox`), chosen so that on the page its
    /// text shows at about the size of the page's small print.
    pub fn width(self) -> u32 {
        match self {
            Size::Wide => 640,
            Size::Narrow => 320,
        }
    }

    pub fn suffix(self) -> &'static str {
        match self {
            Size::Wide => "w",
            Size::Narrow => "n",
        }
    }
}

/// What a mark is painted with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paint {
    Ink,
    Muted,
    Grid,
    Axis,
    White,
}

impl Paint {
    pub fn rgb(self) -> (u8, u8, u8) {
        match self {
            Paint::Ink => (0x1C, 0x24, 0x30),
            Paint::Muted => (0x4D, 0x58, 0x66),
            Paint::Grid => (0xDD, 0xE2, 0xE8),
            Paint::Axis => (0x6B, 0x75, 0x80),
            Paint::White => (0xFF, 0xFF, 0xFF),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Left,
    Center,
    Right,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Baseline {
    Top,
    Middle,
    Bottom,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TextMark {
    pub x: i32,
    pub y: i32,
    pub text: String,
    pub size: f64,
    pub anchor: Anchor,
    pub baseline: Baseline,
    pub paint: Paint,
}

impl TextMark {
    /// The box the text is estimated to cover: left, top, right, bottom.
    #[cfg(test)]
    pub fn bounds(&self) -> (f64, f64, f64, f64) {
        let width = text_width(&self.text, self.size);
        let left = match self.anchor {
            Anchor::Left => self.x as f64,
            Anchor::Center => self.x as f64 - width / 2.0,
            Anchor::Right => self.x as f64 - width,
        };
        let top = match self.baseline {
            Baseline::Top => self.y as f64,
            Baseline::Middle => self.y as f64 - self.size * 0.6,
            Baseline::Bottom => self.y as f64 - self.size * 1.2,
        };
        (left, top, left + width, top + self.size * 1.2)
    }
}

/// One thing drawn on a chart.
#[derive(Debug, Clone, PartialEq)]
pub enum Mark {
    /// A bar, or a legend's swatch, in the colour of a series.
    Bar {
        x0: i32,
        y0: i32,
        x1: i32,
        y1: i32,
        series: usize,
    },
    Rule {
        from: (i32, i32),
        to: (i32, i32),
        paint: Paint,
        width: u32,
    },
    Text(TextMark),
    /// A stretch of a line series between two missing figures.
    Path {
        points: Vec<(i32, i32)>,
        series: usize,
    },
    /// A point of a line series: a circle, square, triangle or diamond by series.
    Marker {
        x: i32,
        y: i32,
        series: usize,
    },
    Slice {
        points: Vec<(i32, i32)>,
        series: usize,
    },
}

/// A chart laid out: its size and its marks.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    pub width: u32,
    pub height: u32,
    pub marks: Vec<Mark>,
}

/// The font of charts outside a page; in a page, the theme's stylesheet gives its own.
const FONT_FAMILY: &str = "sans-serif";

/// The chart as an SVG element whose `id` is `id`, described by `description`.
pub fn draw_svg(
    data: &ChartData,
    size: Size,
    id: &str,
    description: &str,
    language: Language,
    strings: &Strings,
    palette: &Palette,
) -> String {
    let layout = layout(data, size, language, strings);
    // A pie's slices are painted like series: one colour, and one pattern, each.
    let paints = match data.kind {
        super::ChartKind::Pie => data.categories.len(),
        _ => data.series.len(),
    };
    svg::svg(&layout, id, &data.title, description, paints, palette)
}
