//! Link previews: a 1200 × 630 picture of each report, drawn at build time, that a chat or
//! a mail shows when the report's link is pasted (`og:image`). It shows the site, the
//! report's title and date, and its first chart, or else its summary.
//!
//! It is drawn with plotters' bitmap backend in DejaVu Sans, a font under a free licence
//! embedded in the binary, so that no system font is needed and every machine draws the
//! same pixels.

use plotters::prelude::*;
use plotters::style::FontStyle;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::chart::{ChartData, Palette, Pen, Size, layout, paint_marks, text_width, wrap};
use crate::locale::{Language, Strings};

pub const WIDTH: u32 = 1200;
pub const HEIGHT: u32 = 630;

/// The font's name for plotters, which keeps registered fonts in a registry of its own.
const FONT: &str = "bilan-sans";

/// The proof that the fonts of previews are registered with plotters, which keeps them in a
/// registry of its own: a build registers them once, and hands this to each preview.
#[derive(Debug)]
pub struct Fonts(());

impl Fonts {
    pub fn register() -> Fonts {
        // The fonts are part of the binary: registering them cannot meet bad input.
        let _ = plotters::style::register_font(FONT, FontStyle::Normal, dejavu::sans::regular());
        let _ = plotters::style::register_font(FONT, FontStyle::Bold, dejavu::sans::bold());
        Fonts(())
    }
}

/// What a preview shows.
pub struct Preview<'a> {
    pub site_title: &'a str,
    pub title: &'a str,
    /// "2 octobre 2017 · 3e trimestre 2017".
    pub subtitle: &'a str,
    pub chart: Option<&'a ChartData>,
    pub summary: Option<&'a str>,
}

/// The preview as PNG bytes.
pub fn preview_png(
    preview: &Preview<'_>,
    _fonts: &Fonts,
    language: Language,
    strings: &Strings,
    palette: &Palette,
) -> Vec<u8> {
    let mut pixels = vec![255u8; (WIDTH * HEIGHT * 3) as usize];
    {
        let area = BitMapBackend::with_buffer(&mut pixels, (WIDTH, HEIGHT)).into_drawing_area();
        draw(&area, preview, language, strings, palette);
        let _ = area.present();
    }
    encode_png(&pixels)
}

fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    preview: &Preview<'_>,
    language: Language,
    strings: &Strings,
    palette: &Palette,
) {
    let ink = RGBColor(0x1C, 0x24, 0x30);
    let muted = RGBColor(0x4D, 0x58, 0x66);
    let accent = palette_colour(palette);
    let _ = area.draw(&Rectangle::new(
        [(0, 0), (18, HEIGHT as i32)],
        accent.filled(),
    ));
    let text = |t: &str, x: i32, y: i32, size: f64, colour: &RGBColor, bold: bool| {
        let font = if bold {
            (FONT, size).into_font().style(FontStyle::Bold)
        } else {
            (FONT, size).into_font()
        };
        let style = TextStyle::from(font)
            .color(colour)
            .pos(Pos::new(HPos::Left, VPos::Top));
        let _ = area.draw(&Text::new(t.to_owned(), (x, y), style));
    };
    let left = 70;
    text(preview.site_title, left, 48, 30.0, &muted, false);
    let mut y = 100;
    for line in title_lines(preview.title) {
        text(&line, left, y, 60.0, &ink, true);
        y += 70;
    }
    // Below a title of three lines, the subtitle and the chart move down; the chart
    // shrinks to the room left.
    text(preview.subtitle, left, y + 4, 32.0, &muted, false);
    let top = y + 64;

    if let Some(chart) = preview.chart {
        let laid = layout(chart, Size::Wide, language, strings);
        let room = (1080.0, (HEIGHT as i32 - 30 - top) as f64);
        let scale = (room.0 / laid.width as f64).min(room.1 / laid.height as f64);
        let pen = Pen {
            scale,
            offset: (left, top),
            font: FONT,
        };
        paint_marks(area, &laid, palette, &pen);
    } else if let Some(summary) = preview.summary {
        let mut y = top + 10;
        let room = usize::try_from((HEIGHT as i32 - 30 - y) / 50).unwrap_or(0);
        for line in wrap(summary, 1060.0 / 1.1, 36.0)
            .into_iter()
            .take(room.min(5))
        {
            text(&line, left, y, 38.0, &ink, false);
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

fn palette_colour(palette: &Palette) -> RGBColor {
    palette.first()
}

fn encode_png(pixels: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut out, WIDTH, HEIGHT);
        encoder.set_color(png::ColorType::Rgb);
        encoder.set_depth(png::BitDepth::Eight);
        encoder.set_compression(png::Compression::Fast);
        // Encoding into memory a buffer of the right size cannot fail.
        if let Ok(mut writer) = encoder.write_header() {
            let _ = writer.write_image_data(pixels);
        }
    }
    out
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
                &Fonts::register(),
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
            &Fonts::register(),
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
            &Fonts::register(),
            Language::Fr,
            &Strings::default(),
            &Palette::default(),
        );
        assert_eq!(png, again, "the same report gives the same bytes");
    }
}
