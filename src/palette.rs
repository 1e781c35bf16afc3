//! The colours of chart series, as a theme gives them: a leaf that the theme reads and the
//! drawing code paints with.

/// The colours of the series, from the theme. The built-in ones come from Okabe and Ito's
/// palette, which colour-blind readers tell apart; from the second series on, bars also get
/// a pattern and lines a dash, so that they stay apart in grey and on a black-and-white print.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Palette(Vec<(u8, u8, u8)>);

impl Default for Palette {
    fn default() -> Self {
        Palette(vec![
            (0x0B, 0x4F, 0x8A),
            (0xE6, 0x9F, 0x00),
            (0x00, 0x9E, 0x73),
            (0xCC, 0x79, 0xA7),
            (0x56, 0xB4, 0xE9),
            (0xD5, 0x5E, 0x00),
            (0xF0, 0xE4, 0x42),
            (0x33, 0x33, 0x33),
        ])
    }
}

impl Palette {
    /// Reads colours written `#RRGGBB`; returns the first one that is not, if any.
    pub fn from_hex(colours: &[String]) -> Result<Palette, String> {
        let parse = |text: &str| -> Option<(u8, u8, u8)> {
            let hex = text
                .strip_prefix('#')
                .filter(|h| h.len() == 6 && h.is_ascii())?;
            let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
            Some((channel(0)?, channel(2)?, channel(4)?))
        };
        let colours: Vec<_> = colours
            .iter()
            .map(|c| parse(c.trim()).ok_or_else(|| c.clone()))
            .collect::<Result<_, _>>()?;
        if colours.is_empty() {
            Ok(Palette::default())
        } else {
            Ok(Palette(colours))
        }
    }

    /// The first colour, the theme's main one.
    pub fn first(&self) -> (u8, u8, u8) {
        self.rgb(0)
    }

    /// The colour of series `i`; past the end of the palette the colours come round again,
    /// nudged so that every series keeps a colour of its own.
    pub fn rgb(&self, i: usize) -> (u8, u8, u8) {
        if i == OTHER {
            return OTHER_GREY;
        }
        let (r, g, b) = self.0[i % self.0.len()];
        let round = (i / self.0.len()) as u8;
        (r ^ round, g ^ round, b ^ round)
    }
}

/// The series of the slice that groups a pie's smallest figures ("Autres (3)"): painted in
/// a grey of its own, outside any palette, with a pattern of its own.
pub const OTHER: usize = usize::MAX;

/// A neutral grey, 3.4 : 1 against white: a slice that stands apart from the palette's.
const OTHER_GREY: (u8, u8, u8) = (0x8C, 0x8C, 0x8C);
