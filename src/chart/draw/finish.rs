//! What plotters does not write, added to its SVG: the accessible name and description, a
//! `viewBox` without a fixed size, the patterns and dashes of the series after the first,
//! and attributes tidied.

use super::{Layout, Palette};
use crate::markdown::escape;

/// Gives the SVG its accessible name and description, a size that follows the page, and the
/// patterns and dashes of the series after the first.
pub(super) fn finish(
    body: &str,
    layout: &Layout,
    id: &str,
    title: &str,
    description: &str,
    series: usize,
    palette: &Palette,
) -> String {
    let (width, height) = (layout.width, layout.height);
    let plotters_head = format!(
        "<svg width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" xmlns=\"http://www.w3.org/2000/svg\">"
    );
    let body = body
        .strip_prefix(&plotters_head)
        .unwrap_or(body)
        .trim_start();
    let mut defs = String::new();
    let mut colours = Vec::new();
    for i in 1..series {
        let colour = palette.colour(i);
        let hex = format!("#{:02X}{:02X}{:02X}", colour.0, colour.1, colour.2);
        defs.push_str(&pattern(&format!("{id}-p{i}"), &hex, i));
        colours.push(hex);
    }
    let body = tidy(&mark_series(body, id, &colours));
    format!(
        "<svg viewBox=\"0 0 {width} {height}\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" class=\"chart-svg\">\n<title id=\"{id}-title\">{}</title>\n<desc id=\"{id}-desc\">{}</desc>\n{}{body}",
        escape(title),
        escape(description),
        if defs.is_empty() {
            String::new()
        } else {
            format!("<defs>\n{defs}</defs>\n")
        },
    )
}

/// Gives the series after the first their pattern and dash, in one pass over the drawing:
/// what plotters filled with the colour of series `i` (`colours[i - 1]`) is filled with the
/// pattern `ID-pI` instead, and a line (a polyline) it stroked with that colour gets the
/// series' dashes.
fn mark_series(body: &str, id: &str, colours: &[String]) -> String {
    let mut marked = String::with_capacity(body.len() + body.len() / 16);
    let mut copied = 0;
    for (at, _) in body.match_indices("=\"#") {
        let hex_at = at + 2;
        let (Some(hex), Some("\"")) = (
            body.get(hex_at..hex_at + 7),
            body.get(hex_at + 7..hex_at + 8),
        ) else {
            continue;
        };
        let Some(index) = colours.iter().position(|colour| colour == hex) else {
            continue;
        };
        let series = index + 1;
        if body[..at].ends_with("fill") {
            marked.push_str(&body[copied..at]);
            marked.push_str(&format!("=\"url(#{id}-p{series})\""));
            copied = hex_at + 8;
        } else if body[..at].ends_with("stroke")
            && body[..at]
                .rfind('<')
                .is_some_and(|open| body[open..].starts_with("<polyline"))
        {
            marked.push_str(&body[copied..hex_at + 8]);
            marked.push_str(&format!(" stroke-dasharray=\"{}\"", dash(series)));
            copied = hex_at + 8;
        }
    }
    marked.push_str(&body[copied..]);
    marked
}

/// Leaves out what plotters writes to no effect (`opacity="1"` on every element, the
/// default), and writes font sizes as the layout gave them: plotters divides them by 1.24,
/// which leaves float noise (`13.000000000000002`).
fn tidy(body: &str) -> String {
    let body = body.replace(" opacity=\"1\"", "");
    let mut tidied = String::with_capacity(body.len());
    let mut copied = 0;
    for (at, found) in body.match_indices("font-size=\"") {
        let start = at + found.len();
        let Some(length) = body[start..].find('"') else {
            continue;
        };
        let Ok(size) = body[start..start + length].parse::<f64>() else {
            continue;
        };
        tidied.push_str(&body[copied..start]);
        let rounded = format!("{size:.2}");
        tidied.push_str(rounded.trim_end_matches('0').trim_end_matches('.'));
        copied = start + length;
    }
    tidied.push_str(&body[copied..]);
    tidied
}

fn dash(series: usize) -> &'static str {
    match series % 3 {
        1 => "8 4",
        2 => "2 3",
        _ => "10 3 2 3",
    }
}

/// A fill of `colour` with dark stripes, dots or cross-hatching over it, by series.
fn pattern(id: &str, colour: &str, series: usize) -> String {
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
    format!(
        "<pattern id=\"{id}\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\"{rotate}><rect width=\"6\" height=\"6\" fill=\"{colour}\"/>{marks}</pattern>\n"
    )
}
