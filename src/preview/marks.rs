//! A chart's marks (`chart::layout`) painted on a preview: the same bars, rules, lines,
//! markers, slices and texts as the page's SVG, with the same patterns and dashes for the
//! series after the first, so that they stay apart without their colours.

use crate::chart::{Layout, Mark, OTHER, Paint, Palette};

use super::canvas::{Canvas, Rgb};
use super::fill::{Fill, Hatch};
use super::glyphs::{Glyphs, Weight};

/// How the chart's units land on the picture: scaled (across and down apart, so that a
/// chart fills the width it is given), then moved.
pub struct Pen {
    pub scale: (f64, f64),
    pub offset: (f64, f64),
    /// Series `1..paints` get a pattern and a dash (a pie's slices count as series).
    pub paints: usize,
}

impl Pen {
    fn at(&self, (x, y): (i32, i32)) -> (f64, f64) {
        (
            self.offset.0 + x as f64 * self.scale.0,
            self.offset.1 + y as f64 * self.scale.1,
        )
    }

    /// A length of the chart, for what keeps its shape (text, markers, lines' widths).
    fn len(&self, length: f64) -> f64 {
        length * self.scale.0.min(self.scale.1)
    }

    fn patterned(&self, series: usize) -> bool {
        (1..self.paints).contains(&series)
    }

    fn fill(&self, palette: &Palette, series: usize) -> Fill {
        let colour = palette.rgb(series);
        let ink = Paint::Ink.rgb();
        let tile = self.len(6.0);
        if series == OTHER {
            return Fill::Pattern {
                colour,
                mark: super::canvas::blend(colour, Paint::White.rgb(), 179),
                hatch: Hatch::Other,
                tile,
            };
        }
        if !self.patterned(series) {
            return Fill::Solid(colour);
        }
        let (hatch, opacity) = match series % 4 {
            1 => (Hatch::Diagonal, 0.55),
            2 => (Hatch::Dots, 0.6),
            3 => (Hatch::Horizontal, 0.55),
            _ => (Hatch::Grid, 0.55),
        };
        Fill::Pattern {
            colour,
            mark: super::canvas::blend(colour, ink, (opacity * 255.0) as u8),
            hatch,
            tile,
        }
    }

    /// The dashes of a series' line, as the SVG's `stroke-dasharray`.
    fn dashes(&self, series: usize) -> Vec<f64> {
        if !self.patterned(series) {
            return Vec::new();
        }
        let units: &[f64] = match series % 3 {
            1 => &[8.0, 4.0],
            2 => &[2.0, 3.0],
            _ => &[10.0, 3.0, 2.0, 3.0],
        };
        units.iter().map(|&u| self.len(u)).collect()
    }
}

/// Paints every mark of `layout` on `canvas`.
pub fn paint(
    canvas: &mut Canvas,
    glyphs: &mut Glyphs,
    layout: &Layout,
    palette: &Palette,
    pen: &Pen,
) {
    let ink: Rgb = Paint::Ink.rgb();
    let outline = pen.len(1.0).round().max(1.0);
    for mark in &layout.marks {
        match mark {
            Mark::Bar {
                x0,
                y0,
                x1,
                y1,
                series,
            } => {
                let (a, b) = (pen.at((*x0, *y0)), pen.at((*x1, *y1)));
                canvas.rect(a, b, &pen.fill(palette, *series));
                canvas.frame(a, b, outline, ink);
            }
            Mark::Rule {
                from,
                to,
                paint,
                width,
            } => canvas.line(
                pen.at(*from),
                pen.at(*to),
                pen.len(*width as f64).round().max(1.0),
                paint.rgb(),
            ),
            Mark::Text(text) => {
                let (anchor, baseline) = (text.anchor, text.baseline);
                let (x, y) = pen.at((text.x, text.y));
                glyphs.draw(
                    canvas,
                    &text.text,
                    (x as f32, y as f32),
                    pen.len(text.size) as f32,
                    Weight::Regular,
                    text.paint.rgb(),
                    (anchor, baseline),
                );
            }
            Mark::Path { points, series } => {
                let points: Vec<_> = points.iter().map(|p| pen.at(*p)).collect();
                canvas.polyline(
                    &points,
                    pen.len(3.0),
                    &pen.dashes(*series),
                    palette.rgb(*series),
                );
            }
            Mark::Marker { x, y, series } => {
                let fill = pen.fill(palette, *series);
                let (x, y) = pen.at((*x, *y));
                let d = |n: f64| pen.len(n);
                match series % 4 {
                    0 => canvas.disc((x, y), d(5.0), &fill),
                    1 => canvas.rect((x - d(4.0), y - d(4.0)), (x + d(4.0), y + d(4.0)), &fill),
                    2 => canvas.polygon(
                        &[
                            (x, y - d(6.0)),
                            (x + d(5.0), y + d(4.0)),
                            (x - d(5.0), y + d(4.0)),
                        ],
                        &fill,
                    ),
                    _ => canvas.polygon(
                        &[
                            (x, y - d(6.0)),
                            (x + d(6.0), y),
                            (x, y + d(6.0)),
                            (x - d(6.0), y),
                        ],
                        &fill,
                    ),
                }
                canvas.disc((x, y), d(1.0).max(1.0), &Fill::Solid(Paint::White.rgb()));
            }
            Mark::Slice { points, series } => {
                let points: Vec<_> = points.iter().map(|p| pen.at(*p)).collect();
                canvas.polygon(&points, &pen.fill(palette, *series));
            }
        }
    }
}
