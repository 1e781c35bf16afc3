//! A laid-out chart written as SVG, one element per mark.
//!
//! The SVG has a `viewBox` and no fixed size, so that it follows the width of the page, and
//! `role="img"` with a `<title>` and a `<desc>` for screen readers. The series after the
//! first are filled with a pattern and drawn with a dash, so that they stay apart in grey
//! and on a black-and-white print. What most texts share (font, size, colour) is said once,
//! on the group that holds the marks.

use std::fmt::{self, Write};

use super::scale::FONT;
use super::{Anchor, Baseline, FONT_FAMILY, Layout, Mark, OTHER, Paint, Palette, TextMark};
use crate::html::push_escaped;

/// The chart as an SVG element whose `id` is `id`. Series `1..paints` get a pattern and a
/// dash (a pie's slices count as series).
pub(super) fn svg(
    layout: &Layout,
    id: &str,
    title: &str,
    description: &str,
    paints: usize,
    palette: &Palette,
) -> String {
    let (width, height) = (layout.width, layout.height);
    let mut out = String::with_capacity(1024 + 80 * layout.marks.len());
    // Writing into a String cannot fail: the results of `write!` are ignored below.
    let _ = write!(
        out,
        "<svg viewBox=\"0 0 {width} {height}\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" class=\"chart-svg\">\n<title id=\"{id}-title\">"
    );
    push_escaped(&mut out, title);
    let _ = write!(out, "</title>\n<desc id=\"{id}-desc\">");
    push_escaped(&mut out, description);
    out.push_str("</desc>\n");
    let other = layout
        .marks
        .iter()
        .any(|m| matches!(m, Mark::Slice { series: OTHER, .. }));
    if paints > 1 || other {
        out.push_str("<defs>\n");
        for series in 1..paints {
            pattern(&mut out, id, series, Hex(palette.rgb(series)));
        }
        if other {
            let _ = writeln!(
                out,
                "<pattern id=\"{id}-pother\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(-45)\"><rect width=\"6\" height=\"6\" fill=\"{}\"/><path d=\"M0 0V6M3 0V6\" stroke=\"#FFFFFF\" stroke-opacity=\"0.7\" stroke-width=\"1\"/></pattern>",
                Hex(palette.rgb(OTHER))
            );
        }
        out.push_str("</defs>\n");
    }
    let _ = writeln!(
        out,
        "<g font-family=\"{FONT_FAMILY}\" font-size=\"{}\" fill=\"{}\">",
        Size(FONT),
        Hex(Paint::Ink.rgb())
    );
    let series = Series {
        id,
        paints,
        palette,
    };
    for mark in &layout.marks {
        write_mark(&mut out, mark, &series);
        out.push('\n');
    }
    out.push_str("</g>\n</svg>");
    out
}

/// How the series of a chart are painted.
struct Series<'a> {
    id: &'a str,
    paints: usize,
    palette: &'a Palette,
}

impl Series<'_> {
    fn patterned(&self, series: usize) -> bool {
        (1..self.paints).contains(&series)
    }

    /// What the series fills with: its colour, or from the second series on its pattern.
    fn fill(&self, out: &mut String, series: usize) {
        if series == OTHER {
            let _ = write!(out, " fill=\"url(#{}-pother)\"", self.id);
        } else if self.patterned(series) {
            let _ = write!(out, " fill=\"url(#{}-p{series})\"", self.id);
        } else {
            let _ = write!(out, " fill=\"{}\"", Hex(self.palette.rgb(series)));
        }
    }

    /// The series' colour as a stroke, dashed from the second series on.
    fn stroke(&self, out: &mut String, series: usize) {
        let _ = write!(out, " stroke=\"{}\"", Hex(self.palette.rgb(series)));
        if self.patterned(series) {
            let _ = write!(out, " stroke-dasharray=\"{}\"", dash(series));
        }
    }
}

fn write_mark(out: &mut String, mark: &Mark, series: &Series<'_>) {
    match mark {
        Mark::Bar {
            x0,
            y0,
            x1,
            y1,
            series: s,
        } => {
            let (left, top) = ((*x0).min(*x1), (*y0).min(*y1));
            let (w, h) = (x0.abs_diff(*x1), y0.abs_diff(*y1));
            let _ = write!(
                out,
                "<rect x=\"{left}\" y=\"{top}\" width=\"{w}\" height=\"{h}\""
            );
            series.fill(out, *s);
            let _ = write!(out, " stroke=\"{}\"/>", Hex(Paint::Ink.rgb()));
        }
        Mark::Rule {
            from,
            to,
            paint,
            width,
        } => {
            let _ = write!(
                out,
                "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\"",
                from.0,
                from.1,
                to.0,
                to.1,
                Hex(paint.rgb())
            );
            if *width != 1 {
                let _ = write!(out, " stroke-width=\"{width}\"");
            }
            out.push_str("/>");
        }
        Mark::Text(text) => write_text(out, text),
        Mark::Path { points, series: s } => {
            out.push_str("<polyline fill=\"none\"");
            series.stroke(out, *s);
            out.push_str(" stroke-width=\"3\"");
            write_points(out, points);
            out.push_str("/>");
        }
        Mark::Marker { x, y, series: s } => {
            let (x, y) = (*x, *y);
            match s % 4 {
                0 => {
                    let _ = write!(out, "<circle cx=\"{x}\" cy=\"{y}\" r=\"5\"");
                }
                1 => {
                    let _ = write!(
                        out,
                        "<rect x=\"{}\" y=\"{}\" width=\"8\" height=\"8\"",
                        x - 4,
                        y - 4
                    );
                }
                2 => {
                    out.push_str("<polygon");
                    write_points(out, &[(x, y - 6), (x + 5, y + 4), (x - 5, y + 4)]);
                }
                _ => {
                    out.push_str("<polygon");
                    write_points(out, &[(x, y - 6), (x + 6, y), (x, y + 6), (x - 6, y)]);
                }
            }
            series.fill(out, *s);
            // A white dot in the middle, so that points that meet stay apart.
            let _ = write!(
                out,
                "/><circle cx=\"{x}\" cy=\"{y}\" r=\"1\" fill=\"{}\"/>",
                Hex(Paint::White.rgb())
            );
        }
        Mark::Slice { points, series: s } => {
            out.push_str("<polygon");
            write_points(out, points);
            series.fill(out, *s);
            out.push_str("/>");
        }
    }
}

/// A text, with only what differs from the group's font size and colour.
fn write_text(out: &mut String, text: &TextMark) {
    let dy = match text.baseline {
        Baseline::Top => "0.76em",
        Baseline::Middle => "0.5ex",
        Baseline::Bottom => "-0.5ex",
    };
    let _ = write!(out, "<text x=\"{}\" y=\"{}\" dy=\"{dy}\"", text.x, text.y);
    match text.anchor {
        Anchor::Left => {}
        Anchor::Center => out.push_str(" text-anchor=\"middle\""),
        Anchor::Right => out.push_str(" text-anchor=\"end\""),
    }
    if text.size != FONT {
        let _ = write!(out, " font-size=\"{}\"", Size(text.size));
    }
    if text.paint != Paint::Ink {
        let _ = write!(out, " fill=\"{}\"", Hex(text.paint.rgb()));
    }
    out.push('>');
    push_escaped(out, &text.text);
    out.push_str("</text>");
}

fn write_points(out: &mut String, points: &[(i32, i32)]) {
    out.push_str(" points=\"");
    for (i, (x, y)) in points.iter().enumerate() {
        let space = if i == 0 { "" } else { " " };
        let _ = write!(out, "{space}{x},{y}");
    }
    out.push('"');
}

/// A font size, with at most two decimals and none when it is whole.
struct Size(f64);

impl fmt::Display for Size {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let hundredths = (self.0 * 100.0).round() as i64;
        let (whole, part) = (hundredths / 100, hundredths % 100);
        match part {
            0 => write!(f, "{whole}"),
            _ if part % 10 == 0 => write!(f, "{whole}.{}", part / 10),
            _ => write!(f, "{whole}.{part:02}"),
        }
    }
}

/// A colour written `#RRGGBB`.
struct Hex((u8, u8, u8));

impl fmt::Display for Hex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (r, g, b) = self.0;
        write!(f, "#{r:02X}{g:02X}{b:02X}")
    }
}

fn dash(series: usize) -> &'static str {
    match series % 3 {
        1 => "8 4",
        2 => "2 3",
        _ => "10 3 2 3",
    }
}

/// The fill of series `series`: its colour with dark stripes, dots or cross-hatching over
/// it.
fn pattern(out: &mut String, id: &str, series: usize, colour: Hex) {
    let marks = match series % 4 {
        1 => "<path d=\"M0 0V6\" stroke=\"#1C2430\" stroke-opacity=\"0.55\" stroke-width=\"1.5\"/>",
        2 => "<circle cx=\"3\" cy=\"3\" r=\"1.3\" fill=\"#1C2430\" fill-opacity=\"0.6\"/>",
        3 => "<path d=\"M0 3H6\" stroke=\"#1C2430\" stroke-opacity=\"0.55\" stroke-width=\"1.5\"/>",
        _ => {
            "<path d=\"M0 0V6M0 3H6\" stroke=\"#1C2430\" stroke-opacity=\"0.55\" stroke-width=\"1\"/>"
        }
    };
    let rotate = if series % 4 == 1 {
        " patternTransform=\"rotate(45)\""
    } else {
        ""
    };
    let _ = writeln!(
        out,
        "<pattern id=\"{id}-p{series}\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\"{rotate}><rect width=\"6\" height=\"6\" fill=\"{colour}\"/>{marks}</pattern>"
    );
}

#[cfg(test)]
mod tests {
    use super::Size;

    #[test]
    fn font_sizes_are_written_short() {
        let written: Vec<String> = [13.0, 12.5, 10.25, 9.999, 0.05]
            .iter()
            .map(|&size| Size(size).to_string())
            .collect();
        assert_eq!(written, ["13", "12.5", "10.25", "10", "0.05"]);
    }
}
