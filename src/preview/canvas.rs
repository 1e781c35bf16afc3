//! The picture being drawn: a grid of pixels of indexed colours, painted with flat colours
//! in spans (a rectangle, a polygon or a disc is filled row by row), and written as a PNG of
//! indexed colours as it is, which keeps flat colours and text sharp in few bytes.

use rustc_hash::FxHashMap;

use super::deflate;

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

/// Where `v` falls in a tile of side `tile`, from 0 to 1 (`v` is never far below 0).
fn phase(v: f64, tile: f64) -> f64 {
    let t = v / tile + 4096.0;
    t - (t as i64) as f64
}

/// How wide a mark of `units` of the chart is, as a share of the tile.
fn half(units: f64) -> f64 {
    units / 12.0
}

/// Whether phase `p` is on a stripe at the edge of the tile, `half` wide each side.
fn stripe(p: f64, half: f64) -> bool {
    p.min(1.0 - p) < half
}

/// Whether phase `p` is on a band across the middle of the tile.
fn band(p: f64, half: f64) -> bool {
    (p - 0.5).abs() < half
}

/// The radius of a dot, as a share of the tile.
const DOT: f64 = 1.3 / 6.0;

impl Fill {
    /// Whether the pattern puts its mark on pixel `(x, y)`: the definition, which `Marks`
    /// works out by row and column once a picture.
    #[cfg(test)]
    fn marked(&self, x: usize, y: usize) -> bool {
        match *self {
            Fill::Solid(_) => false,
            Fill::Pattern { hatch, tile, .. } => {
                let (x, y) = (x as f64 + 0.5, y as f64 + 0.5);
                let phase = |v: f64| phase(v, tile);
                match hatch {
                    Hatch::Diagonal => stripe(phase((x + y) / std::f64::consts::SQRT_2), half(1.5)),
                    Hatch::Dots => {
                        let (u, v) = (phase(x) - 0.5, phase(y) - 0.5);
                        u * u + v * v < DOT * DOT
                    }
                    Hatch::Horizontal => band(phase(y), half(1.5)),
                    Hatch::Grid => stripe(phase(x), half(1.0)) || band(phase(y), half(1.0)),
                    Hatch::Other => {
                        stripe(phase(2.0 * (x - y) / std::f64::consts::SQRT_2), half(2.0))
                    }
                }
            }
        }
    }
}

/// Where a pattern puts its marks on a picture, by pixel centre: the test of
/// `Fill::marked`, made once for each row, column or diagonal rather than for each pixel.
enum Marks {
    /// Marked by `x + y` (`rising`, the diagonal stripes) or by `x - y + height`.
    Slanted { along: Vec<bool>, rising: bool },
    /// Marked by row.
    Rows(Vec<bool>),
    /// Marked by row, or else by column.
    Grid { rows: Vec<bool>, columns: Vec<bool> },
    /// Marked where `columns[x] + rows[y]` (the squares of the distances to the dot's
    /// centre, across and down) is under the dot's radius squared.
    Dots { rows: Vec<f64>, columns: Vec<f64> },
}

impl Marks {
    fn new(hatch: Hatch, tile: f64, width: usize, height: usize) -> Marks {
        let centre = |i: usize| i as f64 + 0.5;
        let phase = |v: f64| phase(v, tile);
        let h = height as f64;
        match hatch {
            // (x + 0.5) + (y + 0.5) is x + y + 1 exactly, and (x + 0.5) - (y + 0.5) is
            // x - y: the same test as `marked`, to the bit.
            Hatch::Diagonal => Marks::Slanted {
                along: (0..width + height)
                    .map(|s| {
                        stripe(
                            phase((s as f64 + 1.0) / std::f64::consts::SQRT_2),
                            half(1.5),
                        )
                    })
                    .collect(),
                rising: true,
            },
            Hatch::Other => Marks::Slanted {
                along: (0..width + height)
                    .map(|k| {
                        let d = k as f64 - h;
                        stripe(phase(2.0 * d / std::f64::consts::SQRT_2), half(2.0))
                    })
                    .collect(),
                rising: false,
            },
            Hatch::Horizontal => Marks::Rows(
                (0..height)
                    .map(|y| band(phase(centre(y)), half(1.5)))
                    .collect(),
            ),
            Hatch::Grid => Marks::Grid {
                rows: (0..height)
                    .map(|y| band(phase(centre(y)), half(1.0)))
                    .collect(),
                columns: (0..width)
                    .map(|x| stripe(phase(centre(x)), half(1.0)))
                    .collect(),
            },
            Hatch::Dots => {
                let square = |i: usize| {
                    let u = phase(centre(i)) - 0.5;
                    u * u
                };
                Marks::Dots {
                    rows: (0..height).map(square).collect(),
                    columns: (0..width).map(square).collect(),
                }
            }
        }
    }

    /// Paints `row` (row `y` from `x0`) with `plain` and `marked`.
    fn paint(&self, row: &mut [u8], x0: usize, y: usize, height: usize, (plain, marked): (u8, u8)) {
        let pick = |on: bool| if on { marked } else { plain };
        match self {
            Marks::Slanted { along, rising } => {
                let start = if *rising { x0 + y } else { x0 + height - y };
                for (pixel, &on) in row.iter_mut().zip(&along[start..]) {
                    *pixel = pick(on);
                }
            }
            Marks::Rows(rows) => row.fill(pick(rows[y])),
            Marks::Grid { rows, columns } => {
                if rows[y] {
                    row.fill(marked);
                } else {
                    for (pixel, &on) in row.iter_mut().zip(&columns[x0..]) {
                        *pixel = pick(on);
                    }
                }
            }
            Marks::Dots { rows, columns } => {
                let v = rows[y];
                for (pixel, &u) in row.iter_mut().zip(&columns[x0..]) {
                    *pixel = pick(u + v < DOT * DOT);
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
    /// Row after row, each after a byte 0: the rows as a PNG holds them, unfiltered, ready
    /// to compress.
    pixels: Vec<u8>,
    palette: Vec<Rgb>,
    index: FxHashMap<Rgb, u8>,
    /// The marks of each pattern painted so far, by hatch and tile.
    patterns: Vec<((Hatch, u64), Marks)>,
    /// For each colour of text so far, the index of its blend over each colour of the
    /// palette at each of the glyphs' 8 steps of coverage (`UNSEEN` until needed).
    blends: Vec<(Rgb, Vec<u16>)>,
}

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
            palette: Vec::with_capacity(256),
            index: FxHashMap::with_capacity_and_hasher(256, Default::default()),
            patterns: Vec::new(),
            blends: Vec::new(),
        };
        canvas.clear(background);
        canvas
    }

    /// Paints the whole picture `background`, to draw another on the same pixels.
    pub fn clear(&mut self, background: Rgb) {
        self.palette.clear();
        self.index.clear();
        self.patterns.clear();
        self.blends.clear();
        let background = self.colour(background);
        self.pixels.fill(background);
        for row in self.pixels.chunks_exact_mut(self.width + 1) {
            row[0] = 0;
        }
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
        self.palette[self.pixels[y * (self.width + 1) + 1 + x] as usize]
    }

    /// `fill` with its colours in the palette, and its pattern's marks worked out.
    fn ink(&mut self, fill: &Fill) -> Ink {
        match *fill {
            Fill::Solid(colour) => Ink::Solid(self.colour(colour)),
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
                    plain: self.colour(colour),
                    marked: self.colour(mark),
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
                let size = 256 * STEPS as usize;
                self.blends.push((colour, vec![UNSEEN; size]));
                self.blends.len() - 1
            }
        };
        let stride = self.width + 1;
        for (r, &(from, to)) in coverage.rows.iter().enumerate() {
            let y = top + r as i64;
            let from = (left + from as i64).max(0);
            let to = (left + to as i64).min(self.width as i64);
            if y < 0 || y >= self.height as i64 || from >= to {
                continue;
            }
            let line = r * coverage.width;
            let steps = &coverage.steps[line + (from - left) as usize..line + (to - left) as usize];
            let at = y as usize * stride + 1 + from as usize;
            for (k, &step) in steps.iter().enumerate() {
                let under = self.pixels[at + k];
                let slot = under as usize * STEPS as usize + step as usize;
                let mut index = self.blends[table].1[slot];
                if index == UNSEEN {
                    index = match step {
                        0 => under,
                        _ => {
                            let alpha = (step as u32 * 255 + 3) / (STEPS as u32 - 1);
                            let under = self.palette[under as usize];
                            self.colour(blend(under, colour, alpha as u8))
                        }
                    } as u16;
                    self.blends[table].1[slot] = index;
                }
                self.pixels[at + k] = index as u8;
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
    fn patterns_mark_the_pixels_their_definition_marks() {
        let (colour, mark) = ((0xE6, 0x9F, 0x00), (0x1C, 0x24, 0x30));
        for hatch in [
            Hatch::Diagonal,
            Hatch::Dots,
            Hatch::Horizontal,
            Hatch::Grid,
            Hatch::Other,
        ] {
            for tile in [4.5, 6.0, 7.3] {
                let fill = Fill::Pattern {
                    colour,
                    mark,
                    hatch,
                    tile,
                };
                let mut canvas = Canvas::new(61, 47, (0xFF, 0xFF, 0xFF));
                canvas.rect((3.0, 2.0), (58.0, 45.0), &fill);
                canvas.disc((30.0, 20.0), 12.0, &fill);
                for y in 0..47 {
                    for x in 0..61 {
                        let inside = (3..58).contains(&x) && (2..45).contains(&y);
                        let expected = match (inside, fill.marked(x, y)) {
                            (false, _) => (0xFF, 0xFF, 0xFF),
                            (true, true) => mark,
                            (true, false) => colour,
                        };
                        assert_eq!(canvas.pixel(x, y), expected, "{hatch:?} {tile} ({x}, {y})");
                    }
                }
            }
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
