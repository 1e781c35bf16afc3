//! Link previews: a 1200 × 630 picture of each report, drawn at build time, that a chat or
//! a mail shows when the report's link is pasted (`og:image`). It shows the site, the
//! report's title and date, and its first chart, or else its summary.
//!
//! It is drawn by a small painter of its own (`canvas`, `fill`, `glyphs`, `marks`) in
//! DejaVu Sans, a font under a free licence embedded in the binary, so that no system font
//! is needed and every machine draws the same pixels; and written as a PNG of indexed
//! colours, a few kilobytes of flat colours and smooth text, compressed by an encoder made
//! for such pictures (`deflate`).
//!
//! Drawing one costs more than the rest of its report's page: a build draws it again only
//! when what it shows changed (`key`), or the code that draws it.

mod canvas;
mod deflate;
mod fill;
mod glyphs;
mod marks;

use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::Mutex;

use self::canvas::{Canvas, Rgb};
use self::fill::Fill;
use self::glyphs::{Glyphs, Weight};
use crate::chart::{Anchor, Baseline};
use crate::chart::{ChartData, ChartKind, Palette, Size, layout, text_width, wrap};
use crate::locale::{Language, Strings};

/// A fingerprint of the code that draws previews (this module, the chart's layout, the
/// fonts and the PNG encoder), computed by `build.rs` from their sources.
const CODE: u64 = include!(concat!(env!("OUT_DIR"), "/preview_code.rs"));

pub const WIDTH: u32 = 1200;
pub const HEIGHT: u32 = 630;

/// What a preview shows. Its hash is that of all it shows (the chart's by its figures).
#[derive(Debug, Hash)]
pub struct Preview<'a> {
    pub site_title: &'a str,
    pub title: &'a str,
    /// "2 octobre 2017 · 3e trimestre 2017".
    pub subtitle: &'a str,
    pub chart: Option<&'a ChartData>,
    pub summary: Option<&'a str>,
}

/// A hash of what every preview of a site reads beside its report (the site's title, its
/// language, words and colours), and of the code that draws them: computed once a build.
pub fn site_key(site_title: &str, language: Language, strings: &Strings, palette: &Palette) -> u64 {
    let mut hasher = DefaultHasher::new();
    CODE.hash(&mut hasher);
    site_title.hash(&mut hasher);
    language.code().hash(&mut hasher);
    strings.hash(&mut hasher);
    palette.hash(&mut hasher);
    hasher.finish()
}

/// A hash of everything the drawing of `preview` reads, of a site whose `site_key` is
/// `site`: two previews with one key are the same picture.
pub fn key(site: u64, preview: &Preview<'_>) -> u64 {
    let mut hasher = DefaultHasher::new();
    (site, preview).hash(&mut hasher);
    hasher.finish()
}

/// What draws previews, one at a time on each thread that asks: pictures and the glyphs
/// rasterised for them, kept from one preview to the next.
#[derive(Default)]
pub struct Painter {
    idle: Mutex<Vec<(Canvas, Glyphs)>>,
}

impl std::fmt::Debug for Painter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Painter")
    }
}

impl Painter {
    /// The preview as PNG bytes.
    pub fn png(
        &self,
        preview: &Preview<'_>,
        language: Language,
        strings: &Strings,
        palette: &Palette,
    ) -> Vec<u8> {
        let idle = self.idle.lock().ok().and_then(|mut idle| idle.pop());
        let (mut canvas, mut glyphs) = match idle {
            Some((mut canvas, glyphs)) => {
                canvas.clear(WHITE);
                (canvas, glyphs)
            }
            None => (
                Canvas::new(WIDTH as usize, HEIGHT as usize, WHITE),
                Glyphs::new(),
            ),
        };
        draw(
            &mut canvas,
            &mut glyphs,
            preview,
            language,
            strings,
            palette,
        );
        let png = canvas.png();
        if let Ok(mut idle) = self.idle.lock() {
            idle.push((canvas, glyphs));
        }
        png
    }
}

/// The preview as PNG bytes, drawn from scratch.
#[cfg(test)]
fn preview_png(
    preview: &Preview<'_>,
    language: Language,
    strings: &Strings,
    palette: &Palette,
) -> Vec<u8> {
    Painter::default().png(preview, language, strings, palette)
}

const WHITE: Rgb = (0xFF, 0xFF, 0xFF);

const INK: Rgb = (0x1C, 0x24, 0x30);
const MUTED: Rgb = (0x4D, 0x58, 0x66);
/// Where the text and the chart start, and the width they may take.
const LEFT: f64 = 70.0;
const ROOM: f64 = 1080.0;

fn draw(
    canvas: &mut Canvas,
    glyphs: &mut Glyphs,
    preview: &Preview<'_>,
    language: Language,
    strings: &Strings,
    palette: &Palette,
) {
    canvas.rect(
        (0.0, 0.0),
        (18.0, HEIGHT as f64),
        &Fill::Solid(palette.first()),
    );
    let mut text = |canvas: &mut Canvas, t: &str, y: i32, size: f32, colour: Rgb, weight| {
        let place = (Anchor::Left, Baseline::Top);
        glyphs.draw(
            canvas,
            t,
            (LEFT as f32, y as f32),
            size,
            weight,
            colour,
            place,
        );
    };
    text(canvas, preview.site_title, 48, 30.0, MUTED, Weight::Regular);
    let mut y = 100;
    for line in title_lines(preview.title) {
        text(canvas, &line, y, 60.0, INK, Weight::Bold);
        y += 70;
    }
    // Below a title of three lines, the subtitle and the chart move down; the chart
    // shrinks to the room left.
    text(
        canvas,
        preview.subtitle,
        y + 4,
        32.0,
        MUTED,
        Weight::Regular,
    );
    let top = y + 64;

    if let Some(chart) = preview.chart {
        let laid = layout(chart, Size::Wide, language, strings);
        let room = (ROOM, (HEIGHT as i32 - 30 - top) as f64);
        let (width, height) = (laid.width as f64, laid.height as f64);
        let scale = (room.0 / width).min(room.1 / height);
        // A chart of bars, lines or progress bars stretches across the width it is given
        // (up to twice as wide as its shape), rather than leaving its right part empty; a
        // pie keeps its shape and stands in the middle.
        let (across, offset) = match chart.kind {
            ChartKind::Pie => (scale, LEFT + (room.0 - width * scale) / 2.0),
            _ => ((room.0 / width).min(scale * 2.0), LEFT),
        };
        let paints = match chart.kind {
            ChartKind::Pie => chart.categories.len(),
            _ => chart.series.len(),
        };
        let pen = marks::Pen {
            scale: (across, scale),
            offset: (offset, top as f64),
            paints,
        };
        marks::paint(canvas, glyphs, &laid, palette, &pen);
    } else if let Some(summary) = preview.summary {
        let mut y = top + 10;
        let room = usize::try_from((HEIGHT as i32 - 30 - y) / 50).unwrap_or(0);
        for line in wrap(summary, 1060.0 / 1.1, 36.0)
            .into_iter()
            .take(room.min(5))
        {
            text(canvas, &line, y, 38.0, INK, Weight::Regular);
            y += 50;
        }
    }
}

/// The most lines a title takes on a preview.
const TITLE_LINES: usize = 3;
/// The width a line of the title may take, as the chart's estimates measure it at
/// `TITLE_MEASURE` (the bold 60 px of the picture measures as a regular 54 px, with room).
const TITLE_WIDTH: f64 = 1060.0 / 1.15;
const TITLE_MEASURE: f64 = 54.0;

/// The title's lines: wrapped, at most three, the last ending in "…" when the title goes
/// on, so that a cut title says so.
fn title_lines(title: &str) -> Vec<String> {
    let mut lines = wrap(title, TITLE_WIDTH, TITLE_MEASURE);
    if lines.len() <= TITLE_LINES {
        return lines;
    }
    lines.truncate(TITLE_LINES);
    let mut kept = lines.pop().unwrap_or_default();
    loop {
        let shown = format!(
            "{}…",
            kept.trim_end_matches([' ', ',', ';', ':', '-', '–', '—'])
        );
        if kept.is_empty() || text_width(&shown, TITLE_MEASURE) <= TITLE_WIDTH {
            lines.push(shown);
            return lines;
        }
        // A word less, or a character less when the line is one word.
        match kept.trim_end().rfind(' ') {
            Some(space) => kept.truncate(space),
            None => {
                kept.pop();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::{ChartKind, Series};
    use crate::data::{Column, ColumnType};

    #[test]
    fn a_long_title_takes_three_lines_the_last_ending_in_an_ellipsis() {
        let title = "Point d’avancement du projet E2C Normandie : bilan financier du premier semestre 2019, résultats par site, financements de la Région, de l’État et du Fonds social européen, et perspectives pour 2020";
        let lines = title_lines(title);
        assert_eq!(lines.len(), 3, "{lines:?}");
        assert!(lines[2].ends_with('…'), "{lines:?}");
        for line in &lines {
            assert!(
                text_width(line, TITLE_MEASURE) <= TITLE_WIDTH,
                "{line} is too wide"
            );
        }
        assert!(title.starts_with(&lines[0]));
        // A title that fits is left whole, without a mark.
        assert_eq!(title_lines("Point d’avancement"), ["Point d’avancement"]);
        let three = title_lines(
            "Bilan financier du premier semestre 2019 et résultats par site de la Seine",
        );
        assert!(
            three.len() <= 3 && !three.concat().contains('…'),
            "{three:?}"
        );
        // One endless word is cut between characters, and still marked.
        let word = title_lines(&"Anticonstitutionnellement".repeat(8));
        assert_eq!(word.len(), 3);
        assert!(word[2].ends_with('…'), "{word:?}");
    }

    #[test]
    fn a_preview_is_a_1200_by_630_png() {
        let chart = ChartData {
            kind: ChartKind::Bar,
            title: "Stagiaires".into(),
            category_label: "Site".into(),
            categories: vec!["TPM".into(), "Dracénie".into()],
            series: vec![Series {
                name: "Entrés".into(),
                values: vec![Some(67.0), None],
            }],
            value_column: Column {
                key: "v".into(),
                label: "Entrés".into(),
                kind: ColumnType::Integer,
                currency: "EUR".into(),
                ..Column::default()
            },
        };
        let long = "Point d’avancement du projet E2C Normandie : bilan financier du premier semestre 2019, résultats par site, financements de la Région, de l’État et du Fonds social européen";
        for title in [long, "Point d’avancement"] {
            let preview = Preview {
                site_title: "École de la 2e Chance du Var",
                title,
                subtitle: "2 octobre 2017 · 3e trimestre 2017",
                chart: Some(&chart),
                summary: Some("Deux sites ouverts."),
            };
            let png = preview_png(
                &preview,
                Language::Fr,
                &Strings::default(),
                &Palette::default(),
            );
            let decoder = png::Decoder::new(std::io::Cursor::new(&png));
            let info = decoder.read_info().unwrap().info().clone();
            assert_eq!((info.width, info.height), (1200, 630), "{title}");
        }
        let preview = Preview {
            site_title: "École de la 2e Chance du Var",
            title: "Point d’avancement",
            subtitle: "2 octobre 2017 · 3e trimestre 2017",
            chart: Some(&chart),
            summary: None,
        };
        let png = preview_png(
            &preview,
            Language::Fr,
            &Strings::default(),
            &Palette::default(),
        );
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        let decoder = png::Decoder::new(std::io::Cursor::new(&png));
        let info = decoder.read_info().unwrap().info().clone();
        assert_eq!((info.width, info.height), (1200, 630));
        let again = preview_png(
            &preview,
            Language::Fr,
            &Strings::default(),
            &Palette::default(),
        );
        assert_eq!(png, again, "the same report gives the same bytes");
    }
}
