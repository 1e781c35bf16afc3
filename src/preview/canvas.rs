//! The picture being drawn: a grid of pixels of indexed colours, painted with flat colours
//! in spans (a rectangle, a polygon or a disc is filled row by row), and written as a PNG of
//! indexed colours as it is, which keeps flat colours and text sharp in few bytes.

use rustc_hash::FxHashMap;

use super::deflate;
pub use super::fill::Rgb;
use super::fill::{Fill, Hatch, Marks};

/// `over` at `alpha` (0–255) over `under`.
pub fn blend(under: Rgb, over: Rgb, alpha: u8) -> Rgb {
    let mix = |a: u8, b: u8| {
        let (a, b, t) = (a as u32, b as u32, alpha as u32);
        ((a * (255 - t) + b * t + 127) / 255) as u8
    };
    (
        mix(under.0, over.0),
        mix(under.1, over.1),
        mix(under.2, over.2),
    )
}

/// A picture of at most 256 colours, each pixel the index of its colour in its palette: a
/// preview has flat colours and text smoothed in 8 steps, far fewer than 256. Past 256, a
/// new colour takes the nearest one's index.
pub struct Canvas {
    pub width: usize,
    pub height: usize,
    /// Row after row, each after a byte 0: the rows as a PNG holds them, unfiltered, ready
    /// to compress.
    pixels: Vec<u8>,
    colours: Colours,
    /// The marks of each pattern painted so far, by hatch and tile.
    patterns: Vec<((Hatch, u64), Marks)>,
    /// For each colour of text so far, the index of its blend over each colour of the
    /// palette at each of the glyphs' 8 steps of coverage (`UNSEEN` until needed).
    blends: Vec<(Rgb, Box<Blends>)>,
}

/// The palette of a picture, and the index of each of its colours.
struct Colours {
    palette: Vec<Rgb>,
    index: FxHashMap<Rgb, u8>,
}

/// The blends of a colour over the 256 of a palette, at each step of coverage: every index
/// a pixel and a step make (`under * STEPS + step`) is within it.
type Blends = [u16; 256 * STEPS as usize];

/// A blend not worked out yet.
const UNSEEN: u16 = u16::MAX;

/// How many steps of coverage a glyph's pixels have (0 to 7).
pub const STEPS: u8 = 8;

/// A glyph's coverage, ready to stamp: `width` columns a row of steps from 0 (none) to
/// `STEPS - 1` (whole), and for each row the columns that have any.
pub struct Coverage {
    pub width: usize,
    pub steps: Vec<u8>,
    pub rows: Vec<(u16, u16)>,
}

impl Colours {
    /// The index of `colour`, added to the palette if need be.
    fn index(&mut self, colour: Rgb) -> u8 {
        if let Some(&i) = self.index.get(&colour) {
            return i;
        }
        let i = if self.palette.len() < 256 {
            self.palette.push(colour);
            (self.palette.len() - 1) as u8
        } else {
            let distance = |c: &Rgb| {
                let d = |a: u8, b: u8| (a as i32 - b as i32).pow(2);
                d(c.0, colour.0) + d(c.1, colour.1) + d(c.2, colour.2)
            };
            let nearest = (0..self.palette.len()).min_by_key(|&i| distance(&self.palette[i]));
            nearest.unwrap_or(0) as u8
        };
        self.index.insert(colour, i);
        i
    }
}

/// A fill as the picture paints it: colours as indices of its palette, a pattern's marks
/// as the index of their table in `Canvas::patterns`.
#[derive(Debug, Clone, Copy)]
enum Ink {
    Solid(u8),
    Pattern { plain: u8, marked: u8, marks: usize },
}

impl Canvas {
    pub fn new(width: usize, height: usize, background: Rgb) -> Canvas {
        let mut canvas = Canvas {
            width,
            height,
            pixels: vec![0; (width + 1) * height],
            colours: Colours {
                palette: Vec::with_capacity(256),
                index: FxHashMap::with_capacity_and_hasher(256, Default::default()),
            },
            patterns: Vec::new(),
            blends: Vec::new(),
        };
        canvas.clear(background);
        canvas
    }

    /// Paints the whole picture `background`, to draw another on the same pixels.
    pub fn clear(&mut self, background: Rgb) {
        self.colours.palette.clear();
        self.colours.index.clear();
        self.patterns.clear();
        self.blends.clear();
        let background = self.colours.index(background);
        self.pixels.fill(background);
        for row in self.pixels.chunks_exact_mut(self.width + 1) {
            row[0] = 0;
        }
    }

    #[cfg(test)]
    pub fn pixel(&self, x: usize, y: usize) -> Rgb {
        self.colours.palette[self.pixels[y * (self.width + 1) + 1 + x] as usize]
    }

    /// `fill` with its colours in the palette, and its pattern's marks worked out.
    fn ink(&mut self, fill: &Fill) -> Ink {
        match *fill {
            Fill::Solid(colour) => Ink::Solid(self.colours.index(colour)),
            Fill::Pattern {
                colour,
                mark,
                hatch,
                tile,
            } => {
                let key = (hatch, tile.to_bits());
                let marks = match self.patterns.iter().position(|(k, _)| *k == key) {
                    Some(i) => i,
                    None => {
                        let marks = Marks::new(hatch, tile, self.width, self.height);
                        self.patterns.push((key, marks));
                        self.patterns.len() - 1
                    }
                };
                Ink::Pattern {
                    plain: self.colours.index(colour),
                    marked: self.colours.index(mark),
                    marks,
                }
            }
        }
    }

    /// Paints pixels `x0..x1` of row `y`, clipped to the picture.
    fn span(&mut self, y: i64, x0: i64, x1: i64, ink: Ink) {
        if y < 0 || y >= self.height as i64 {
            return;
        }
        let (x0, x1) = (x0.max(0) as usize, x1.min(self.width as i64));
        if x1 <= x0 as i64 {
            return;
        }
        let (y, x1) = (y as usize, x1 as usize);
        let stride = self.width + 1;
        let row = &mut self.pixels[y * stride + 1 + x0..y * stride + 1 + x1];
        match ink {
            Ink::Solid(i) => row.fill(i),
            Ink::Pattern {
                plain,
                marked,
                marks,
            } => self.patterns[marks]
                .1
                .paint(row, x0, y, self.height, (plain, marked)),
        }
    }

    /// Fills the pixels whose centres lie in the rectangle from `(x0, y0)` to `(x1, y1)`.
    pub fn rect(&mut self, (x0, y0): (f64, f64), (x1, y1): (f64, f64), fill: &Fill) {
        let (left, right) = (x0.min(x1).round() as i64, x0.max(x1).round() as i64);
        let (top, bottom) = (y0.min(y1).round() as i64, y0.max(y1).round() as i64);
        let ink = self.ink(fill);
        for y in top..bottom {
            self.span(y, left, right, ink);
        }
    }

    /// The outline of a rectangle, `width` pixels inside its edges.
    pub fn frame(&mut self, a: (f64, f64), b: (f64, f64), width: f64, colour: Rgb) {
        let (x0, x1) = (a.0.min(b.0), a.0.max(b.0));
        let (y0, y1) = (a.1.min(b.1), a.1.max(b.1));
        let fill = Fill::Solid(colour);
        let w = width.min((x1 - x0) / 2.0).min((y1 - y0) / 2.0);
        self.rect((x0, y0), (x1, y0 + w), &fill);
        self.rect((x0, y1 - w), (x1, y1), &fill);
        self.rect((x0, y0), (x0 + w, y1), &fill);
        self.rect((x1 - w, y0), (x1, y1), &fill);
    }

    /// Fills a polygon, row by row: the pixels whose centres lie inside it (even-odd).
    pub fn polygon(&mut self, points: &[(f64, f64)], fill: &Fill) {
        if points.len() < 3 {
            return;
        }
        let top = points.iter().map(|p| p.1).fold(f64::INFINITY, f64::min);
        let bottom = points.iter().map(|p| p.1).fold(f64::NEG_INFINITY, f64::max);
        let (top, bottom) = (
            (top.floor() as i64).max(0),
            (bottom.ceil() as i64).min(self.height as i64),
        );
        let ink = self.ink(fill);
        let mut crossings = Vec::with_capacity(8);
        for y in top..bottom {
            let centre = y as f64 + 0.5;
            crossings.clear();
            for (i, &(ax, ay)) in points.iter().enumerate() {
                let (bx, by) = points[(i + 1) % points.len()];
                if (ay <= centre) != (by <= centre) {
                    crossings.push(ax + (centre - ay) / (by - ay) * (bx - ax));
                }
            }
            crossings.sort_by(f64::total_cmp);
            for pair in crossings.chunks_exact(2) {
                let (from, to) = ((pair[0] - 0.5).ceil(), (pair[1] - 0.5).ceil());
                self.span(y, from as i64, to as i64, ink);
            }
        }
    }

    /// A disc of radius `r` around `(x, y)`.
    pub fn disc(&mut self, (x, y): (f64, f64), r: f64, fill: &Fill) {
        let top = ((y - r).floor() as i64).max(0);
        let bottom = ((y + r).ceil() as i64).min(self.height as i64);
        let ink = self.ink(fill);
        for row in top..bottom {
            let dy = row as f64 + 0.5 - y;
            if dy.abs() >= r {
                continue;
            }
            let half = (r * r - dy * dy).sqrt();
            let (from, to) = ((x - half - 0.5).ceil(), (x + half - 0.5).ceil());
            self.span(row, from as i64, to as i64, ink);
        }
    }

    /// A straight line `width` pixels wide, with square ends. A line along an axis is
    /// filled as a rectangle, so that it stays crisp.
    pub fn line(&mut self, a: (f64, f64), b: (f64, f64), width: f64, colour: Rgb) {
        let fill = Fill::Solid(colour);
        let half = width / 2.0;
        if a.0 == b.0 || a.1 == b.1 {
            let (x0, x1) = (a.0.min(b.0), a.0.max(b.0));
            let (y0, y1) = (a.1.min(b.1), a.1.max(b.1));
            let (x0, x1) = if x0 == x1 {
                (x0 - half, x0 + half)
            } else {
                (x0, x1)
            };
            let (y0, y1) = if y0 == y1 {
                (y0 - half, y0 + half)
            } else {
                (y0, y1)
            };
            // A line thinner than a pixel still shows one.
            let grow = |lo: f64, hi: f64| {
                if (hi.round() - lo.round()) < 1.0 {
                    let mid = ((lo + hi) / 2.0).floor();
                    (mid, mid + 1.0)
                } else {
                    (lo, hi)
                }
            };
            let ((x0, x1), (y0, y1)) = (grow(x0, x1), grow(y0, y1));
            self.rect((x0, y0), (x1, y1), &fill);
            return;
        }
        let (dx, dy) = (b.0 - a.0, b.1 - a.1);
        let length = (dx * dx + dy * dy).sqrt();
        let (nx, ny) = (-dy / length * half, dx / length * half);
        self.polygon(
            &[
                (a.0 + nx, a.1 + ny),
                (b.0 + nx, b.1 + ny),
                (b.0 - nx, b.1 - ny),
                (a.0 - nx, a.1 - ny),
            ],
            &fill,
        );
    }

    /// A line through `points`, `width` wide, with round joins; dashed when `dashes` (on,
    /// off, on, off… in pixels) is not empty.
    pub fn polyline(&mut self, points: &[(f64, f64)], width: f64, dashes: &[f64], colour: Rgb) {
        let fill = Fill::Solid(colour);
        if dashes.is_empty() {
            for pair in points.windows(2) {
                self.line(pair[0], pair[1], width, colour);
            }
            for &point in points {
                self.disc(point, width / 2.0, &fill);
            }
            return;
        }
        // Where along the pattern of dashes the line is.
        let (mut dash, mut left) = (0, dashes[0]);
        for pair in points.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            let length = ((b.0 - a.0).powi(2) + (b.1 - a.1).powi(2)).sqrt();
            let mut done = 0.0;
            while done < length {
                let step = left.min(length - done);
                if dash % 2 == 0 {
                    let at = |t: f64| {
                        (
                            a.0 + (b.0 - a.0) * t / length,
                            a.1 + (b.1 - a.1) * t / length,
                        )
                    };
                    self.line(at(done), at(done + step), width, colour);
                }
                done += step;
                left -= step;
                if left <= 1e-9 {
                    dash = (dash + 1) % dashes.len();
                    left = dashes[dash];
                }
            }
            if dash % 2 == 0 {
                self.disc(b, width / 2.0, &fill);
            }
        }
    }

    /// Paints `colour` over the pixels at `(left, top)` with `coverage`.
    pub fn mask(&mut self, left: i64, top: i64, coverage: &Coverage, colour: Rgb) {
        let table = match self.blends.iter().position(|(c, _)| *c == colour) {
            Some(table) => table,
            None => {
                let unseen = Box::new([UNSEEN; 256 * STEPS as usize]);
                self.blends.push((colour, unseen));
                self.blends.len() - 1
            }
        };
        let Canvas {
            width,
            height,
            pixels,
            colours,
            blends,
            ..
        } = self;
        let blends = &mut blends[table].1;
        let stride = *width + 1;
        for (r, &(from, to)) in coverage.rows.iter().enumerate() {
            let y = top + r as i64;
            let from = (left + from as i64).max(0);
            let to = (left + to as i64).min(*width as i64);
            if y < 0 || y >= *height as i64 || from >= to {
                continue;
            }
            let line = r * coverage.width;
            let steps = &coverage.steps[line + (from - left) as usize..line + (to - left) as usize];
            let at = y as usize * stride + 1 + from as usize;
            for (pixel, &step) in pixels[at..at + steps.len()].iter_mut().zip(steps) {
                let step = step.min(STEPS - 1);
                let slot = *pixel as usize * STEPS as usize + step as usize;
                let mut index = blends[slot];
                if index == UNSEEN {
                    index = match step {
                        0 => *pixel,
                        _ => {
                            let alpha = (step as u32 * 255 + 3) / (STEPS as u32 - 1);
                            let under = colours.palette[*pixel as usize];
                            colours.index(blend(under, colour, alpha as u8))
                        }
                    } as u16;
                    blends[slot] = index;
                }
                *pixel = index as u8;
            }
        }
    }

    /// The picture as a PNG of indexed colours.
    pub fn png(&self) -> Vec<u8> {
        let palette: Vec<u8> = self
            .colours
            .palette
            .iter()
            .flat_map(|&(r, g, b)| [r, g, b])
            .collect();
        let mut out = Vec::with_capacity(32 * 1024);
        {
            let mut encoder = png::Encoder::new(&mut out, self.width as u32, self.height as u32);
            encoder.set_color(png::ColorType::Indexed);
            encoder.set_depth(png::BitDepth::Eight);
            encoder.set_palette(palette);
            // Writing into memory cannot fail.
            if let Ok(mut writer) = encoder.write_header() {
                let stream = deflate::zlib(&self.pixels, self.width + 1);
                let _ = writer.write_chunk(png::chunk::IDAT, &stream);
                let _ = writer.finish();
            }
        }
        out
    }
}

#[cfg(test)]
mod tests;
