//! The picture being drawn: a grid of pixels of indexed colours, painted with flat colours
//! in spans (a rectangle, a polygon or a disc is filled row by row), and written as a PNG of
//! indexed colours as it is, which keeps flat colours and text sharp in few bytes.

use std::collections::HashMap;

pub type Rgb = (u8, u8, u8);

/// How a shape is filled: one colour, or a colour with dark marks over it, as the SVG's
/// patterns of the series after the first (`chart::draw::svg`).
#[derive(Debug, Clone, Copy)]
pub enum Fill {
    Solid(Rgb),
    Pattern {
        colour: Rgb,
        /// The marks' colour, blended over `colour`.
        mark: Rgb,
        hatch: Hatch,
        /// The side of the pattern's tile, in pixels (6 units of the chart).
        tile: f64,
    },
}

/// The marks of a pattern, within a tile of side 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hatch {
    /// Stripes rising to the right.
    Diagonal,
    Dots,
    Horizontal,
    Grid,
    /// Two stripes a tile, falling to the right: the pie's "others".
    Other,
}

impl Fill {
    /// Whether the pattern puts its mark on pixel `(x, y)`.
    fn marked(&self, x: usize, y: usize) -> bool {
        match *self {
            Fill::Solid(_) => false,
            Fill::Pattern { hatch, tile, .. } => {
                let (x, y) = (x as f64 + 0.5, y as f64 + 0.5);
                // Where `v` falls in its tile, from 0 to 1 (`v` is never far below 0).
                let phase = |v: f64| {
                    let t = v / tile + 4096.0;
                    t - (t as i64) as f64
                };
                // How wide a mark of `units` of the chart is, as a share of the tile.
                let half = |units: f64| units / 12.0;
                match hatch {
                    Hatch::Diagonal => {
                        let p = phase((x + y) / std::f64::consts::SQRT_2);
                        p.min(1.0 - p) < half(1.5)
                    }
                    Hatch::Dots => {
                        let (u, v) = (phase(x) - 0.5, phase(y) - 0.5);
                        u * u + v * v < (1.3f64 / 6.0).powi(2)
                    }
                    Hatch::Horizontal => (phase(y) - 0.5).abs() < half(1.5),
                    Hatch::Grid => {
                        let p = phase(x);
                        p.min(1.0 - p) < half(1.0) || (phase(y) - 0.5).abs() < half(1.0)
                    }
                    Hatch::Other => {
                        let p = phase(2.0 * (x - y) / std::f64::consts::SQRT_2);
                        p.min(1.0 - p) < half(2.0)
                    }
                }
            }
        }
    }
}

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

/// A picture of at most 256 colours, each pixel the index of its colour in `palette`: a
/// preview has flat colours and text smoothed in 8 steps, far fewer than 256. Past 256, a
/// new colour takes the nearest one's index.
pub struct Canvas {
    pub width: usize,
    pub height: usize,
    /// Row after row.
    pixels: Vec<u8>,
    palette: Vec<Rgb>,
    index: HashMap<Rgb, u8>,
}

impl Canvas {
    pub fn new(width: usize, height: usize, background: Rgb) -> Canvas {
        let mut canvas = Canvas {
            width,
            height,
            pixels: vec![0; width * height],
            palette: Vec::with_capacity(256),
            index: HashMap::with_capacity(256),
        };
        canvas.clear(background);
        canvas
    }

    /// Paints the whole picture `background`, to draw another on the same pixels.
    pub fn clear(&mut self, background: Rgb) {
        self.palette.clear();
        self.index.clear();
        let background = self.colour(background);
        self.pixels.fill(background);
    }

    /// The index of `colour`, added to the palette if need be.
    fn colour(&mut self, colour: Rgb) -> u8 {
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

    #[cfg(test)]
    pub fn pixel(&self, x: usize, y: usize) -> Rgb {
        self.palette[self.pixels[y * self.width + x] as usize]
    }

    /// Paints pixels `x0..x1` of row `y`, clipped to the picture.
    fn span(&mut self, y: i64, x0: i64, x1: i64, fill: &Fill) {
        if y < 0 || y >= self.height as i64 {
            return;
        }
        let (x0, x1) = (x0.max(0) as usize, x1.min(self.width as i64));
        if x1 <= x0 as i64 {
            return;
        }
        let (y, x1) = (y as usize, x1 as usize);
        match *fill {
            Fill::Solid(colour) => {
                let i = self.colour(colour);
                self.pixels[y * self.width + x0..y * self.width + x1].fill(i);
            }
            Fill::Pattern { colour, mark, .. } => {
                let (plain, marked) = (self.colour(colour), self.colour(mark));
                let row = &mut self.pixels[y * self.width..(y + 1) * self.width];
                for (x, pixel) in row.iter_mut().enumerate().take(x1).skip(x0) {
                    *pixel = if fill.marked(x, y) { marked } else { plain };
                }
            }
        }
    }

    /// Fills the pixels whose centres lie in the rectangle from `(x0, y0)` to `(x1, y1)`.
    pub fn rect(&mut self, (x0, y0): (f64, f64), (x1, y1): (f64, f64), fill: &Fill) {
        let (left, right) = (x0.min(x1).round() as i64, x0.max(x1).round() as i64);
        let (top, bottom) = (y0.min(y1).round() as i64, y0.max(y1).round() as i64);
        for y in top..bottom {
            self.span(y, left, right, fill);
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
                self.span(y, from as i64, to as i64, fill);
            }
        }
    }

    /// A disc of radius `r` around `(x, y)`.
    pub fn disc(&mut self, (x, y): (f64, f64), r: f64, fill: &Fill) {
        let top = ((y - r).floor() as i64).max(0);
        let bottom = ((y + r).ceil() as i64).min(self.height as i64);
        for row in top..bottom {
            let dy = row as f64 + 0.5 - y;
            if dy.abs() >= r {
                continue;
            }
            let half = (r * r - dy * dy).sqrt();
            let (from, to) = ((x - half - 0.5).ceil(), (x + half - 0.5).ceil());
            self.span(row, from as i64, to as i64, fill);
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

    /// Paints `colour` over the pixels at `(left, top)` with the coverage of `mask` (a
    /// `width`-wide grid of alphas).
    pub fn mask(&mut self, left: i64, top: i64, width: usize, mask: &[u8], colour: Rgb) {
        if width == 0 {
            return;
        }
        let full = self.colour(colour);
        // The last blend, which the next pixel often repeats.
        let mut last: Option<(u8, u8, u8)> = None;
        for (row, alphas) in mask.chunks_exact(width).enumerate() {
            let y = top + row as i64;
            if y < 0 || y >= self.height as i64 {
                continue;
            }
            let line = y as usize * self.width;
            for (column, &alpha) in alphas.iter().enumerate() {
                let x = left + column as i64;
                if alpha == 0 || x < 0 || x >= self.width as i64 {
                    continue;
                }
                let at = line + x as usize;
                let under = self.pixels[at];
                self.pixels[at] = match last {
                    _ if alpha == 255 => full,
                    Some((u, a, i)) if u == under && a == alpha => i,
                    _ => {
                        let blended = blend(self.palette[under as usize], colour, alpha);
                        let i = self.colour(blended);
                        last = Some((under, alpha, i));
                        i
                    }
                };
            }
        }
    }

    /// The picture as a PNG of indexed colours.
    pub fn png(&self) -> Vec<u8> {
        let palette: Vec<u8> = self
            .palette
            .iter()
            .flat_map(|&(r, g, b)| [r, g, b])
            .collect();
        encode(self.width, self.height, palette, &self.pixels)
    }
}

fn encode(width: usize, height: usize, palette: Vec<u8>, data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(32 * 1024);
    {
        let mut encoder = png::Encoder::new(&mut out, width as u32, height as u32);
        encoder.set_color(png::ColorType::Indexed);
        encoder.set_depth(png::BitDepth::Eight);
        encoder.set_palette(palette);
        // Rows of indices compress best as they are: filters help photographs, not flat
        // colours, and trying each one on every row cost much before.
        // zlib level 2: 19 kB a preview of the bench corpus (14 kB at level 4, in 1.2 x
        // the time); fdeflate's fast mode, made for filtered photographs, gives 24-37 kB
        // whatever the filter, over the 25 kB a preview may weigh.
        encoder.set_deflate_compression(png::DeflateCompression::Level(2));
        // Set after the compression, which sets a filter of its own.
        encoder.set_filter(png::Filter::NoFilter);
        // Encoding into memory a buffer of the right size cannot fail.
        if let Ok(mut writer) = encoder.write_header() {
            let _ = writer.write_image_data(data);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_patterned_fill_shows_its_colour_and_its_marks() {
        let (colour, mark) = ((0xE6, 0x9F, 0x00), (0x1C, 0x24, 0x30));
        for hatch in [
            Hatch::Diagonal,
            Hatch::Dots,
            Hatch::Horizontal,
            Hatch::Grid,
            Hatch::Other,
        ] {
            let mut canvas = Canvas::new(40, 40, (0xFF, 0xFF, 0xFF));
            let fill = Fill::Pattern {
                colour,
                mark,
                hatch,
                tile: 10.0,
            };
            canvas.rect((0.0, 0.0), (40.0, 40.0), &fill);
            let mut seen = std::collections::HashSet::new();
            for y in 0..40 {
                for x in 0..40 {
                    seen.insert(canvas.pixel(x, y));
                }
            }
            assert_eq!(seen, [colour, mark].into(), "{hatch:?}");
        }
    }

    #[test]
    fn shapes_fill_the_pixels_whose_centres_they_cover() {
        let white = (0xFF, 0xFF, 0xFF);
        let ink = Fill::Solid((0, 0, 0));
        let mut canvas = Canvas::new(20, 20, white);
        canvas.polygon(&[(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0)], &ink);
        canvas.disc((15.0, 15.0), 3.0, &ink);
        let inked = |x, y| canvas.pixel(x, y) != white;
        assert!(inked(0, 0) && inked(9, 9) && !inked(10, 9) && !inked(9, 10));
        assert!(inked(15, 15) && inked(13, 15) && !inked(11, 15) && !inked(18, 18));
        let count = (0..20)
            .flat_map(|y| (0..20).map(move |x| (x, y)))
            .filter(|&(x, y)| inked(x, y))
            .count();
        // The square's 100 pixels and a disc of about 28.
        assert!((124..=132).contains(&count), "{count}");
        // Decoded back, the PNG holds the same pixels, of indexed colours.
        let png = canvas.png();
        let mut decoder = png::Decoder::new(std::io::Cursor::new(png));
        decoder.set_transformations(png::Transformations::EXPAND);
        let mut reader = decoder.read_info().unwrap();
        assert_eq!(reader.info().color_type, png::ColorType::Indexed);
        let mut rgb = vec![0; reader.output_buffer_size().unwrap()];
        reader.next_frame(&mut rgb).unwrap();
        assert_eq!(&rgb[..3], &[0, 0, 0]);
        assert_eq!(&rgb[(19 * 20 + 19) * 3..][..3], &[0xFF, 0xFF, 0xFF]);
    }
}
