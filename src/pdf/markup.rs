//! Typst markup for a note's tables and charts, every value escaped (`typ`).

use std::fmt::Write as _;

use crate::table::Grid;
use crate::typ::{string, text};

/// A dataset table: a figure with its caption above, the figures aligned right, the header
/// row (repeated on each page when the table is longer than one) and the total row. The
/// table is kept on one page unless it is longer than a page (`bilan-keep`, which measures
/// it against the page's height).
pub fn table(grid: &Grid) -> String {
    let mut markup = String::with_capacity(256 + grid.rows.len() * grid.columns.len() * 16);
    let align: Vec<&str> = grid
        .columns
        .iter()
        .map(|(_, numeric)| if *numeric { "right" } else { "left" })
        .collect();
    markup.push_str("#layout(size => {\nlet t = figure(kind: table, ");
    if let Some(caption) = &grid.caption {
        let _ = write!(
            markup,
            "caption: figure.caption(position: top)[{}], ",
            text(caption)
        );
    }
    let _ = write!(
        markup,
        "table(columns: {}, align: ({},),\ntable.header(",
        grid.columns.len().max(1),
        align.join(", ")
    );
    for (label, _) in &grid.columns {
        let _ = write!(markup, "[{}], ", text(label));
    }
    markup.push_str("),\n");
    for row in &grid.rows {
        for cell in row {
            let _ = write!(markup, "[{}], ", text(cell));
        }
        markup.push('\n');
    }
    if let Some(total) = &grid.total {
        markup.push_str("table.footer(repeat: false, ");
        for cell in total {
            let _ = write!(
                markup,
                "text(weight: \"bold\")[{}], ",
                text(cell.as_deref().unwrap_or(""))
            );
        }
        markup.push_str("),\n");
    }
    markup.push_str("))\n");
    // A table shorter than a page is never cut; a longer one breaks, its header repeated.
    markup.push_str(
        "let long = measure(t, width: size.width).height > size.height\nshow figure: set block(breakable: long)\nt\n})\n\n",
    );
    markup
}

/// A chart: its drawing (the SVG of the page, a virtual file at `path`) kept whole, its
/// title under it, and its description as the drawing's alternative text.
pub fn chart(title: &str, description: &str, path: &str) -> String {
    format!(
        "#figure(kind: image, caption: [{}], image({}, alt: {}, width: 100%))\n\n",
        text(title),
        string(path),
        string(description),
    )
}
