//! The site's language: how dates and numbers are written, and the theme's own words.
//!
//! French follows the Imprimerie nationale conventions as CLDR records them: a narrow no-break
//! space between groups of digits and before `%`, a no-break space before the currency sign,
//! a decimal comma, "1er" for the first day of a month.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use serde::Deserialize;

/// U+202F NARROW NO-BREAK SPACE, between groups of digits and before `%` in French.
pub const NARROW_NBSP: char = '\u{202F}';
/// U+00A0 NO-BREAK SPACE, before a currency sign in French.
pub const NBSP: char = '\u{00A0}';

/// A language the built-in theme speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    #[default]
    Fr,
    En,
}

impl Language {
    /// The language tag used in `<html lang>`.
    pub fn code(self) -> &'static str {
        match self {
            Language::Fr => "fr",
            Language::En => "en",
        }
    }

    /// The locale used in link previews (`og:locale`).
    pub fn locale(self) -> &'static str {
        match self {
            Language::Fr => "fr_FR",
            Language::En => "en_GB",
        }
    }

    /// The field separator of a CSV file that a spreadsheet in this language opens right.
    pub fn csv_separator(self) -> char {
        match self {
            Language::Fr => ';',
            Language::En => ',',
        }
    }

    fn chrono_locale(self) -> chrono::Locale {
        match self {
            Language::Fr => chrono::Locale::fr_FR,
            Language::En => chrono::Locale::en_GB,
        }
    }

    /// "2 octobre 2017", "1er octobre 2017"; "2 October 2017".
    pub fn long_date(self, date: NaiveDate) -> String {
        let month_year = date
            .format_localized("%B %Y", self.chrono_locale())
            .to_string();
        match (self, date.day()) {
            (Language::Fr, 1) => format!("1er {month_year}"),
            (_, day) => format!("{day} {month_year}"),
        }
    }

    /// "13/03/2017" in both languages (day first, as in France and Britain).
    pub fn short_date(self, date: NaiveDate) -> String {
        format!("{:02}/{:02}/{:04}", date.day(), date.month(), date.year())
    }

    /// A whole number with its digits grouped: "1 221 846" (narrow no-break spaces), "1,221,846".
    pub fn integer(self, value: i64) -> String {
        self.grouped(value < 0, &value.unsigned_abs().to_string())
    }

    /// The `digits` of a whole number, grouped by three, after a minus sign if `negative`.
    fn grouped(self, negative: bool, digits: &str) -> String {
        let mut grouped = String::with_capacity(digits.len() * 2 + 3);
        if negative {
            grouped.push('−');
        }
        for (index, digit) in digits.chars().enumerate() {
            if index > 0 && (digits.len() - index).is_multiple_of(3) {
                grouped.push(self.group_separator());
            }
            grouped.push(digit);
        }
        grouped
    }

    /// A number with at most `max_decimals` decimals, trailing zeros dropped: "12,5".
    pub fn number(self, value: f64, max_decimals: usize) -> String {
        self.decimal(value, max_decimals, Decimals::TrimZeros)
    }

    /// An amount of money: "1 221 846 €", "1 221 846,50 €"; "€1,221,846". Cents are shown
    /// when there are any; a column of amounts uses [`Language::money_with`] instead, so
    /// that all its lines show the same decimals.
    pub fn money(self, value: f64, currency: &str) -> String {
        self.with_currency(self.decimal(value, 2, Decimals::AllOrNone), currency)
    }

    /// An amount rounded to exactly `decimals` decimals: "361 250,00 €" with 2, "361 250 €"
    /// with 0.
    pub fn money_with(self, value: f64, currency: &str, decimals: usize) -> String {
        self.with_currency(self.decimal(value, decimals, Decimals::All), currency)
    }

    fn with_currency(self, amount: String, currency: &str) -> String {
        let sign = currency_sign(currency);
        match self {
            Language::Fr => format!("{amount}{NBSP}{sign}"),
            Language::En if sign.chars().count() == 1 => match amount.strip_prefix('−') {
                Some(positive) => format!("−{sign}{positive}"),
                None => format!("{sign}{amount}"),
            },
            Language::En => format!("{amount}{NBSP}{sign}"),
        }
    }

    /// A fraction as a percentage: 0.25 is "25 %" (narrow no-break space), "25%".
    pub fn percent(self, fraction: f64) -> String {
        let number = self.number(fraction * 100.0, 1);
        match self {
            Language::Fr => format!("{number}{NARROW_NBSP}%"),
            Language::En => format!("{number}%"),
        }
    }

    fn group_separator(self) -> char {
        match self {
            Language::Fr => NARROW_NBSP,
            Language::En => ',',
        }
    }

    fn decimal_separator(self) -> char {
        match self {
            Language::Fr => ',',
            Language::En => '.',
        }
    }

    /// Rounds to `max_decimals`, then keeps the decimals as `keep` says.
    fn decimal(self, value: f64, max_decimals: usize, keep: Decimals) -> String {
        // Halves are rounded away from zero, as a person does (0,125 € is 0,13 €), where
        // formatting alone would round them to even.
        let value = if max_decimals <= 9 && value.abs() < 1e15 {
            let scale = 10f64.powi(max_decimals as i32);
            (value * scale).round() / scale
        } else {
            value
        };
        let text = format!("{:.*}", max_decimals, value.abs());
        let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
        let all_zero = fraction.trim_end_matches('0').is_empty();
        let fraction = match keep {
            Decimals::All => fraction,
            Decimals::AllOrNone if all_zero => "",
            Decimals::AllOrNone => fraction,
            Decimals::TrimZeros => fraction.trim_end_matches('0'),
        };
        // Grouped from the digits themselves, so that figures past 2⁶³ stay right. A figure
        // that rounds to zero has no sign: "0,00 €", never "−0,00 €".
        let zero = whole.bytes().all(|b| b == b'0') && all_zero;
        let mut out = self.grouped(value < 0.0 && !zero, whole);
        if !fraction.is_empty() {
            out.push(self.decimal_separator());
            out.push_str(fraction);
        }
        out
    }
}

/// Which of the decimals a number keeps once rounded.
#[derive(Clone, Copy)]
enum Decimals {
    /// All of them: "12,50", "12,00".
    All,
    /// All of them, or none when they are all zero: "12,50", "12".
    AllOrNone,
    /// All but trailing zeros: "12,5", "12".
    TrimZeros,
}

fn currency_sign(code: &str) -> &str {
    match code {
        "EUR" => "€",
        "USD" => "$",
        "GBP" => "£",
        other => other,
    }
}

/// A date written exactly YYYY-MM-DD (`2017-10-02`, never `2017-10-2` nor ` 2017-10-02`).
pub fn parse_iso_date(text: &str) -> Option<NaiveDate> {
    let shaped = text.len() == 10
        && text.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    if !shaped {
        return None;
    }
    // The shape is checked: every part is digits.
    let number = |range: std::ops::Range<usize>| text[range].parse::<u32>().ok();
    NaiveDate::from_ymd_opt(
        i32::try_from(number(0..4)?).ok()?,
        number(5..7)?,
        number(8..10)?,
    )
}

/// Typographic apostrophes in text that does not go through Markdown (titles, summaries,
/// captions, column labels), as Markdown's typographic punctuation gives them in the text:
/// "Point d’avancement", never a typewriter "Point d'avancement".
pub fn typographic(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 4);
    let mut previous: Option<char> = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        out.push(match c {
            // After a letter it is an apostrophe (d’avancement); before one, at the start
            // of a word, it opens a quotation (‘oui’).
            '\'' if previous.is_some_and(char::is_alphanumeric) => '’',
            '\'' if chars.peek().is_some_and(|n| n.is_alphanumeric()) => '‘',
            '\'' => '’',
            other => other,
        });
        previous = Some(c);
    }
    out
}

/// `text` as the site prints it: typographic apostrophes, and in French the no-break spaces
/// of `french_spacing`.
pub fn typeset(text: &str, language: Language) -> String {
    let text = typographic(text);
    match language {
        Language::Fr => french_spacing(&text).unwrap_or(text),
        Language::En => text,
    }
}

/// French spacing, for text typed with ordinary spaces: a space before `; ! ?` and inside
/// « » becomes a narrow no-break space (U+202F), one before `:` a no-break space (U+00A0),
/// and the spaces inside a figure typed `1 212 551,00 €` no-break ones, so that it never
/// breaks across lines. Spaces are replaced, never inserted: `14:30`, addresses and words
/// typed without a space stay as they are. `None` when nothing changes.
pub fn french_spacing(text: &str) -> Option<String> {
    // Most of a note's text has no space that this could change: it is not copied then.
    let worth = text.char_indices().any(|(i, c)| {
        if c != ' ' && c != NBSP {
            return false;
        }
        let previous = text[..i].chars().next_back();
        let next = text[i + c.len_utf8()..].chars().next();
        matches!(
            next,
            Some(';' | '!' | '?' | '»' | ':' | '%' | '€' | '$' | '£')
        ) || previous == Some('«')
            || (previous.is_some_and(|p| p.is_ascii_digit())
                && next.is_some_and(|n| n.is_ascii_digit()))
    });
    if !worth {
        return None;
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out: Vec<char> = chars.clone();
    let is_digit = |c: Option<&char>| c.is_some_and(char::is_ascii_digit);
    for i in 0..chars.len() {
        let c = chars[i];
        if c != ' ' && c != NBSP {
            continue;
        }
        let previous = i.checked_sub(1).map(|p| chars[p]);
        let next = chars.get(i + 1).copied();
        let spaced = match (previous, next) {
            (_, Some(';' | '!' | '?' | '»')) | (Some('«'), _) => Some(NARROW_NBSP),
            (_, Some(':')) if c == ' ' => Some(NBSP),
            (Some(p), Some('%')) if p.is_ascii_digit() => Some(NARROW_NBSP),
            (Some(p), Some('€' | '$' | '£')) if p.is_ascii_digit() => Some(NBSP),
            (Some(p), Some(_)) if p.is_ascii_digit() && c == ' ' => {
                // Groups of a figure: 1 to 3 digits (the first group, or one already
                // joined), then exactly three after the space.
                let run = chars[..i]
                    .iter()
                    .rev()
                    .take_while(|c| c.is_ascii_digit())
                    .count();
                let before_run = (i - run).checked_sub(1).map(|p| chars[p]);
                let starts_a_figure =
                    before_run.is_none_or(|b| !b.is_alphanumeric() && b != ',' && b != '.');
                let three_after =
                    (1..=3).all(|k| is_digit(chars.get(i + k))) && !is_digit(chars.get(i + 4));
                (run <= 3 && starts_a_figure && three_after).then_some(NARROW_NBSP)
            }
            _ => None,
        };
        if let Some(spaced) = spaced {
            out[i] = spaced;
        }
    }
    (out != chars).then(|| out.into_iter().collect())
}

/// Whether a table cell's text is a figure: digits with their group and decimal
/// separators, an optional sign, and an optional unit (`%`, `€`, `pts`).
pub fn looks_like_a_figure(text: &str) -> bool {
    let text = text.trim();
    let text = text
        .strip_prefix(['-', '−', '+'])
        .unwrap_or(text)
        .trim_start();
    let text = ["%", "€", "$", "£", "pts", "pt", "k€", "M€"]
        .iter()
        .find_map(|unit| text.strip_suffix(unit))
        .map_or(text, str::trim_end);
    let text = text.strip_prefix(['€', '$', '£']).unwrap_or(text);
    text.starts_with(|c: char| c.is_ascii_digit())
        && text.ends_with(|c: char| c.is_ascii_digit())
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | ',' | '.' | NBSP | NARROW_NBSP))
}

/// The theme's own words in one language ("Rapports", "Télécharger les données"), read from
/// the theme's `strings/LANG.yaml`.
#[derive(Debug, Clone, Default, Hash, serde::Serialize, Deserialize)]
#[serde(transparent)]
pub struct Strings(pub BTreeMap<String, String>);

impl Strings {
    /// The word for `key`, or the key itself so that a missing word shows rather than breaks.
    pub fn get<'a>(&'a self, key: &'a str) -> &'a str {
        self.0.get(key).map_or(key, String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn french_dates() {
        assert_eq!(Language::Fr.long_date(date(2017, 10, 2)), "2 octobre 2017");
        assert_eq!(
            Language::Fr.long_date(date(2017, 10, 1)),
            "1er octobre 2017"
        );
        assert_eq!(Language::Fr.long_date(date(2017, 8, 15)), "15 août 2017");
        assert_eq!(Language::Fr.short_date(date(2017, 3, 13)), "13/03/2017");
    }

    #[test]
    fn english_dates() {
        assert_eq!(Language::En.long_date(date(2017, 10, 1)), "1 October 2017");
        assert_eq!(Language::En.short_date(date(2017, 3, 13)), "13/03/2017");
    }

    #[test]
    fn french_numbers() {
        assert_eq!(Language::Fr.integer(1_221_846), "1\u{202F}221\u{202F}846");
        assert_eq!(Language::Fr.integer(102), "102");
        assert_eq!(Language::Fr.integer(-4500), "−4\u{202F}500");
        assert_eq!(
            Language::Fr.money(1_221_846.0, "EUR"),
            "1\u{202F}221\u{202F}846\u{A0}€"
        );
        assert_eq!(Language::Fr.money(12.5, "EUR"), "12,50\u{A0}€");
        assert_eq!(
            Language::Fr.money_with(361_250.0, "EUR", 2),
            "361\u{202F}250,00\u{A0}€"
        );
        assert_eq!(Language::Fr.money_with(12.499, "EUR", 0), "12\u{A0}€");
        assert_eq!(Language::Fr.money_with(-0.001, "EUR", 2), "0,00\u{A0}€");
        assert_eq!(Language::Fr.money_with(0.125, "EUR", 2), "0,13\u{A0}€");
        assert_eq!(Language::Fr.percent(0.25), "25\u{202F}%");
        assert_eq!(Language::Fr.percent(0.125), "12,5\u{202F}%");
        assert_eq!(Language::Fr.number(12.5, 3), "12,5");
        assert_eq!(Language::Fr.number(-0.5, 3), "−0,5");
        assert_eq!(Language::Fr.number(-0.0001, 2), "0");
        assert_eq!(
            Language::Fr.number(1e20, 3),
            "100\u{202F}000\u{202F}000\u{202F}000\u{202F}000\u{202F}000\u{202F}000"
        );
        assert_eq!(
            Language::Fr.money(12_345_678_901_234_567_890.0, "EUR"),
            "12\u{202F}345\u{202F}678\u{202F}901\u{202F}234\u{202F}567\u{202F}168\u{A0}€"
        );
    }

    #[test]
    fn dates_are_written_exactly_yyyy_mm_dd() {
        assert_eq!(parse_iso_date("2017-10-02"), Some(date(2017, 10, 2)));
        for wrong in [
            "2017-10-2",
            " 2017-10-02",
            "2017-13-01",
            "02/10/2017",
            "2017-02-30",
        ] {
            assert_eq!(parse_iso_date(wrong), None, "{wrong}");
        }
    }

    #[test]
    fn apostrophes_are_typographic() {
        assert_eq!(typographic("Point d'avancement"), "Point d’avancement");
        assert_eq!(typographic("le 'oui' de l'État"), "le ‘oui’ de l’État");
    }

    #[test]
    fn french_spacing_replaces_typed_spaces_and_inserts_none() {
        let spaced = |t: &str| typeset(t, Language::Fr);
        assert_eq!(spaced("déclaré : oui"), "déclaré\u{A0}: oui");
        assert_eq!(
            spaced("« Nous y sommes ! » Vraiment ? Oui ; bien."),
            "«\u{202F}Nous y sommes\u{202F}!\u{202F}» Vraiment\u{202F}? Oui\u{202F}; bien."
        );
        assert_eq!(
            spaced("un budget de 1 212 551,00 € et 12,5 %"),
            "un budget de 1\u{202F}212\u{202F}551,00\u{A0}€ et 12,5\u{202F}%"
        );
        for kept in [
            "à 14:30",
            "voir https://e2c.fr/a:b",
            "Note: English stays",
            "en 2017 120 stagiaires",
            "le 12 mars",
        ] {
            assert_eq!(spaced(kept), kept, "{kept}");
        }
        assert_eq!(spaced("L'Isle"), "L’Isle");
        assert_eq!(typeset("déclaré : oui", Language::En), "déclaré : oui");
        assert_eq!(french_spacing("sans espace"), None);
    }

    #[test]
    fn figures_in_table_cells_are_recognised() {
        for figure in [
            "67",
            "1 221 846",
            "12,5 %",
            "−3",
            "1 212 551,00 €",
            "€12.50",
            "+3,2 pts",
        ] {
            assert!(looks_like_a_figure(figure), "{figure}");
        }
        for text in ["TPM", "2e trimestre", "", "%", "12 stagiaires"] {
            assert!(!looks_like_a_figure(text), "{text}");
        }
    }

    #[test]
    fn english_numbers() {
        assert_eq!(Language::En.integer(1_221_846), "1,221,846");
        assert_eq!(Language::En.money(1_221_846.0, "EUR"), "€1,221,846");
        assert_eq!(Language::En.money(-3.0, "GBP"), "−£3");
        assert_eq!(Language::En.money(10.0, "CHF"), "10\u{A0}CHF");
        assert_eq!(Language::En.percent(0.25), "25%");
        assert_eq!(Language::En.number(12.5, 3), "12.5");
    }
}
