//! Text on a preview, in DejaVu Sans: each glyph is rasterised once per size, weight and
//! quarter of a pixel, then stamped wherever it appears. Glyphs are placed at their exact
//! advance (with kerning), and only the stamp is rounded, so that letters keep even
//! spacing ("deuxième", not "deu xième").

use std::collections::HashMap;

use ab_glyph::{Font, FontRef, GlyphId, PxScale, ScaleFont, point};

use super::canvas::{Canvas, Coverage, Rgb, STEPS as SHADES};
use crate::chart::{Anchor, Baseline};

/// How finely a glyph's horizontal place is kept: in quarters of a pixel.
const STEPS: f32 = 4.0;

/// A text's weight.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Weight {
    Regular,
    Bold,
}

/// A glyph's coverage, and where it goes from the glyph's origin.
struct Stamp {
    left: i64,
    top: i64,
    coverage: Coverage,
}

/// The fonts, and the glyphs rasterised so far.
pub struct Glyphs {
    regular: FontRef<'static>,
    bold: FontRef<'static>,
    stamps: HashMap<(Weight, GlyphId, u32, u8), Option<Stamp>>,
}

impl Glyphs {
    pub fn new() -> Glyphs {
        // The fonts are part of the binary: reading them cannot meet bad input.
        let font = |bytes: &'static [u8]| FontRef::try_from_slice(bytes).expect("DejaVu Sans");
        Glyphs {
            regular: font(dejavu::sans::regular()),
            bold: font(dejavu::sans::bold()),
            stamps: HashMap::new(),
        }
    }

    fn font(&self, weight: Weight) -> &FontRef<'static> {
        match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        }
    }

    /// Each glyph of `text` with its place along the line, and the line's width, at `size`
    /// pixels (the height from the font's ascent to its descent, as plotters measured it).
    fn place(&self, text: &str, size: f32, weight: Weight) -> (Vec<(GlyphId, f32)>, f32) {
        let font = self.font(weight).as_scaled(PxScale::from(size));
        let mut x = 0.0;
        let mut previous = None;
        let mut placed = Vec::with_capacity(text.len());
        for c in text.chars() {
            let id = font.glyph_id(c);
            if let Some(previous) = previous {
                x += font.kern(previous, id);
            }
            placed.push((id, x));
            x += font.h_advance(id);
            previous = Some(id);
        }
        (placed, x)
    }

    /// Writes `text` in `colour` with its `anchor` and `baseline` at `(x, y)`.
    #[allow(clippy::too_many_arguments)]
    pub fn draw(
        &mut self,
        canvas: &mut Canvas,
        text: &str,
        (x, y): (f32, f32),
        size: f32,
        weight: Weight,
        colour: Rgb,
        (anchor, baseline): (Anchor, Baseline),
    ) {
        let (placed, width) = self.place(text, size, weight);
        let scaled = self.font(weight).as_scaled(PxScale::from(size));
        let (ascent, descent) = (scaled.ascent(), scaled.descent());
        let left = match anchor {
            Anchor::Left => x,
            Anchor::Center => x - width / 2.0,
            Anchor::Right => x - width,
        };
        let base = match baseline {
            Baseline::Top => y + ascent,
            Baseline::Middle => y + (ascent + descent) / 2.0,
            Baseline::Bottom => y + descent,
        }
        .round();
        for (id, at) in placed {
            let at = left + at;
            let whole = at.floor();
            let step = ((at - whole) * STEPS).round() as u8;
            let (whole, step) = if step as f32 >= STEPS {
                (whole + 1.0, 0)
            } else {
                (whole, step)
            };
            let key = (weight, id, size.to_bits(), step);
            if !self.stamps.contains_key(&key) {
                let stamp = self.rasterise(weight, id, size, step as f32 / STEPS);
                self.stamps.insert(key, stamp);
            }
            if let Some(Some(stamp)) = self.stamps.get(&key) {
                canvas.mask(
                    whole as i64 + stamp.left,
                    base as i64 + stamp.top,
                    &stamp.coverage,
                    colour,
                );
            }
        }
    }

    /// The coverage of glyph `id`, its origin `offset` pixels right of a pixel's edge, on
    /// the baseline. It is kept in 8 steps: the picture then has few colours, which its
    /// indexed PNG keeps in few bytes, and text stays smooth.
    fn rasterise(&self, weight: Weight, id: GlyphId, size: f32, offset: f32) -> Option<Stamp> {
        let glyph = id.with_scale_and_position(PxScale::from(size), point(offset, 0.0));
        let outline = self.font(weight).outline_glyph(glyph)?;
        let bounds = outline.px_bounds();
        let width = bounds.width() as usize;
        let height = bounds.height() as usize;
        let mut steps = vec![0u8; width * height];
        let top = (SHADES - 1) as f32;
        outline.draw(|x, y, coverage| {
            let (x, y) = (x as usize, y as usize);
            if x < width && y < height {
                steps[y * width + x] = (coverage.clamp(0.0, 1.0) * top).round() as u8;
            }
        });
        // Each row is stamped from its first covered pixel to its last.
        let rows = steps
            .chunks_exact(width.max(1))
            .map(|row| {
                let first = row.iter().position(|&s| s > 0).unwrap_or(0);
                let last = row.iter().rposition(|&s| s > 0).map_or(0, |l| l + 1);
                (first as u16, last.max(first) as u16)
            })
            .collect();
        Some(Stamp {
            left: bounds.min.x as i64,
            top: bounds.min.y as i64,
            coverage: Coverage { width, steps, rows },
        })
    }
}
