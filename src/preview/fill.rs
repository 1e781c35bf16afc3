//! How shapes are filled: flat colours, and the hatching, dots and grids that tell a
//! chart's series apart without their colours, as the SVG's patterns do
//! (`chart::draw::svg`), worked out for a picture's pixels.

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
    pub(super) fn marked(&self, x: usize, y: usize) -> bool {
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
pub(super) enum Marks {
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
    pub(super) fn new(hatch: Hatch, tile: f64, width: usize, height: usize) -> Marks {
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
    pub(super) fn paint(
        &self,
        row: &mut [u8],
        x0: usize,
        y: usize,
        height: usize,
        (plain, marked): (u8, u8),
    ) {
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
