//! Text cells read by the site's language: `12,5`, `1 221 846`, `12,5 %`, `1 221 846,50 €`
//! and `13/03/2017` in French; `12.5`, `1,221,846`, `12.5%`, `€1,221,846.50` and
//! `2017-03-13` in English.

use chrono::NaiveDate;

use crate::locale::{Language, parse_iso_date};

/// The texts that mean "no figure": a cell holding one is missing, never 0.
pub const MISSING: [&str; 6] = ["-", "–", "NC", "n.d.", "N/A", "ND"];

/// Whether `text` is a missing-value marker (or blank).
pub fn is_missing(text: &str) -> bool {
    let text = text.trim();
    text.is_empty() || MISSING.iter().any(|m| m.eq_ignore_ascii_case(text))
}

/// What a text cell reads as.
#[derive(Debug, Clone, PartialEq)]
pub enum Read {
    Integer(i64),
    /// A number, and whether it was written with decimals.
    Number(f64, bool),
    /// A percentage, as a fraction.
    Percent(f64),
    /// An amount, its currency's ISO code, and whether it was written with cents.
    Money(f64, &'static str, bool),
    Date(NaiveDate),
    Text,
}

/// The spaces that group thousands: ordinary, no-break and narrow no-break.
fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{A0}' | '\u{202F}')
}

/// Reads a text cell in `language`.
pub fn read(text: &str, language: Language) -> Read {
    let text = text.trim();
    if let Some(date) = read_date(text, language) {
        return Read::Date(date);
    }
    if let Some(number) = text.strip_suffix('%') {
        return match read_number(number.trim_end_matches(is_group_space), language) {
            Some((n, _)) => Read::Percent(n / 100.0),
            None => Read::Text,
        };
    }
    for (sign, code) in [("€", "EUR"), ("$", "USD"), ("£", "GBP")] {
        let amount = text
            .strip_suffix(sign)
            .or_else(|| text.strip_prefix(sign))
            .map(|rest| rest.trim_matches(is_group_space));
        if let Some(amount) = amount {
            return match read_number(amount, language) {
                Some((n, decimals)) => Read::Money(n, code, decimals),
                None => Read::Text,
            };
        }
    }
    match read_number(text, language) {
        Some((n, false)) if n.abs() < 9e15 => Read::Integer(n as i64),
        Some((n, decimals)) => Read::Number(n, decimals),
        None => Read::Text,
    }
}

/// A date as the language writes it (ISO dates are read in both).
fn read_date(text: &str, language: Language) -> Option<NaiveDate> {
    if let Some(date) = parse_iso_date(text) {
        return Some(date);
    }
    match language {
        Language::Fr => NaiveDate::parse_from_str(text, "%d/%m/%Y").ok(),
        Language::En => None,
    }
}

/// A number as the language writes it: its value and whether it has decimals.
fn read_number(text: &str, language: Language) -> Option<(f64, bool)> {
    let (negative, digits) = match text.chars().next()? {
        '-' | '−' => (true, &text[text.chars().next()?.len_utf8()..]),
        '+' => (false, &text[1..]),
        _ => (false, text),
    };
    let (decimal, group) = match language {
        Language::Fr => (',', None),
        Language::En => ('.', Some(',')),
    };
    let (whole, fraction) = match digits.split_once(decimal) {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (digits, None),
    };
    let mut plain = String::new();
    let groups: Vec<&str> = whole
        .split(|c: char| is_group_space(c) || Some(c) == group)
        .collect();
    for (i, part) in groups.iter().enumerate() {
        let sized = if i == 0 {
            (1..=3).contains(&part.len()) || groups.len() == 1
        } else {
            part.len() == 3
        };
        if part.is_empty() || !sized || !part.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        plain.push_str(part);
    }
    if let Some(fraction) = fraction {
        if fraction.is_empty() || !fraction.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        plain.push('.');
        plain.push_str(fraction);
    }
    let value: f64 = plain.parse().ok()?;
    Some((if negative { -value } else { value }, fraction.is_some()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_figures_are_read() {
        let fr = Language::Fr;
        assert_eq!(read("12,5", fr), Read::Number(12.5, true));
        assert_eq!(read("1 221 846", fr), Read::Integer(1_221_846));
        assert_eq!(read("1\u{A0}221\u{A0}846", fr), Read::Integer(1_221_846));
        assert_eq!(
            read("1\u{202F}221\u{202F}846", fr),
            Read::Integer(1_221_846)
        );
        assert_eq!(read("12,5 %", fr), Read::Percent(0.125));
        assert_eq!(
            read("1 221 846,50 €", fr),
            Read::Money(1_221_846.5, "EUR", true)
        );
        assert_eq!(
            read("13/03/2017", fr),
            Read::Date(NaiveDate::from_ymd_opt(2017, 3, 13).unwrap())
        );
        assert_eq!(read("-3", fr), Read::Integer(-3));
        assert_eq!(read("12.5", fr), Read::Text, "a point is no French decimal");
        assert_eq!(read("TPM", fr), Read::Text);
        assert_eq!(read("1 22 846", fr), Read::Text);
    }

    #[test]
    fn english_figures_are_read() {
        let en = Language::En;
        assert_eq!(read("12.5", en), Read::Number(12.5, true));
        assert_eq!(read("1,221,846", en), Read::Integer(1_221_846));
        assert_eq!(read("12.5%", en), Read::Percent(0.125));
        assert_eq!(
            read("€1,221,846.50", en),
            Read::Money(1_221_846.5, "EUR", true)
        );
        assert_eq!(
            read("2017-03-13", en),
            Read::Date(NaiveDate::from_ymd_opt(2017, 3, 13).unwrap())
        );
        assert_eq!(read("12,5", en), Read::Text);
    }

    #[test]
    fn markers_are_missing() {
        for text in MISSING.iter().chain(&["", "  ", "nc", "n/a"]) {
            assert!(is_missing(text), "{text}");
        }
        assert!(!is_missing("0"));
    }
}
