//! Figures as writers type them: amounts with or without cents, percentages written as a
//! fraction (`0.125`) or as a spreadsheet shows them (`12,5 %`).

use serde_saphyr::Spanned;

use super::file::Row;
use super::{Column, ColumnType};
use crate::message::Message;
use crate::yaml::Scalar;

/// The text of `scalar` as written in `file_text`, when its place is known.
fn written<'a>(scalar: &Spanned<Scalar>, file_text: &'a str) -> Option<&'a str> {
    let span = scalar.referenced.span();
    let start = usize::try_from(span.byte_offset()?).ok()?;
    let len = usize::try_from(span.byte_len()?).ok()?;
    file_text.get(start..start.checked_add(len)?)
}

/// Whether an amount has cents: written with decimals (`361250.00` counts, though YAML
/// reads it as 361250), or worth a fraction of a unit once rounded to cents.
fn has_cents(scalar: &Spanned<Scalar>, file_text: &str) -> bool {
    let Scalar::Number(n) = scalar.value else {
        return false;
    };
    let typed = written(scalar, file_text).is_some_and(|text| {
        !text.contains(['e', 'E'])
            && text
                .split_once('.')
                .is_some_and(|(_, decimals)| decimals.starts_with(|c: char| c.is_ascii_digit()))
    });
    typed || ((n * 100.0).round() / 100.0).fract() != 0.0
}

/// Settles the decimals of the `money` columns that do not declare them: 2 when one figure
/// of the column, in a row or in `total`, has cents; 0 otherwise.
pub(super) fn settle_money_decimals(
    columns: &mut [Column],
    declared: &[bool],
    rows: &[Row],
    total: Option<&Row>,
    file_text: &str,
) {
    let open: Vec<usize> = (0..columns.len())
        .filter(|&i| {
            columns[i].kind == ColumnType::Money && !declared.get(i).copied().unwrap_or(false)
        })
        .collect();
    if open.is_empty() {
        return;
    }
    let mut cents = vec![false; columns.len()];
    for row in rows.iter().chain(total) {
        for (key, scalar) in &row.0 {
            if let Some(&i) = open.iter().find(|&&i| columns[i].key == key.value)
                && !cents[i]
            {
                cents[i] = has_cents(scalar, file_text);
            }
        }
    }
    for i in open {
        columns[i].decimals = if cents[i] { 2 } else { 0 };
    }
}

/// A percentage written with its sign, as a spreadsheet shows it: `12,5 %`, `12.5%`,
/// `-3,2 %` (the space ordinary, no-break or narrow no-break); the fraction it means.
pub(super) fn parse_percent(text: &str) -> Option<f64> {
    let number = text.trim().strip_suffix('%')?.trim_end();
    let (negative, digits) = match number.chars().next()? {
        '-' | '−' => (true, &number[number.chars().next()?.len_utf8()..]),
        '+' => (false, &number[1..]),
        _ => (false, number),
    };
    let (whole, fraction) = match digits.split_once([',', '.']) {
        Some((whole, fraction)) => (whole, fraction),
        None => (digits, ""),
    };
    let all_digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || !all_digits(whole) || !all_digits(fraction) {
        return None;
    }
    let value: f64 = format!("{whole}.{fraction}0").parse().ok()?;
    Some(if negative { -value } else { value } / 100.0)
}

/// A fraction as the writer would type it: 0.125 is `0.125`.
fn plain(value: f64) -> String {
    format!("{}", (value * 1e9).round() / 1e9)
}

/// A fraction as a percentage, as the writer would type it: 0.125 is `12,5 %`.
fn typed_percent(fraction: f64) -> String {
    format!("{} %", plain(fraction * 100.0).replace('.', ","))
}

/// Checks a percentage against its column's `max`: a bare number (`written_as_fraction`)
/// above 1 is refused when the column has no `max`, as 12.5 typed for 12,5 % would show
/// 1 250 %.
pub(super) fn check_percent(
    fraction: f64,
    column: &Column,
    written_as_fraction: bool,
) -> Result<(), (Message, Option<Message>)> {
    match column.max {
        Some(max) if fraction > max => Err((
            msg!(
                "percent-above-max",
                column = &column.key,
                max_percent = typed_percent(max),
                max = plain(max),
                found = typed_percent(fraction)
            ),
            Some(msg!("percent-above-max-hint")),
        )),
        None if written_as_fraction && fraction > 1.0 => {
            let meant = fraction / 100.0;
            Err((
                msg!(
                    "percent-fractions",
                    column = &column.key,
                    written = plain(fraction),
                    percent = typed_percent(fraction)
                ),
                Some(msg!(
                    "percent-fractions-hint",
                    fraction = plain(meant),
                    percent = typed_percent(meant)
                )),
            ))
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages_are_read_with_their_sign() {
        for (text, fraction) in [
            ("12,5 %", 0.125),
            ("12.5%", 0.125),
            ("12,5%", 0.125),
            ("12,5\u{A0}%", 0.125),
            ("12,5\u{202F}%", 0.125),
            ("-3,2 %", -0.032),
            ("−3,2 %", -0.032),
            ("100 %", 1.0),
        ] {
            let read = parse_percent(text).unwrap_or(f64::NAN);
            assert!((read - fraction).abs() < 1e-12, "{text}: {read}");
        }
        for text in ["12,5", "%", "abc %", "1e3 %", "12,5,1 %", ", %", "inf %"] {
            assert_eq!(parse_percent(text), None, "{text}");
        }
    }

    #[test]
    fn a_bare_number_above_one_is_refused_unless_the_column_allows_it() {
        let mut column = Column {
            key: "taux".into(),
            kind: ColumnType::Percent,
            ..Column::default()
        };
        let (message, hint) = check_percent(12.5, &column, true).unwrap_err();
        assert_eq!(message, "`taux` holds fractions, so `12.5` would be 1250 %");
        assert!(
            hint.as_ref().is_some_and(|h| h
                .english()
                .starts_with("write `0.125` or `12,5 %` for 12,5 %")),
            "{hint:?}"
        );
        assert!(check_percent(0.125, &column, true).is_ok());
        assert!(
            check_percent(1.2, &column, false).is_ok(),
            "120 % typed as such"
        );
        column.max = Some(2.0);
        assert!(check_percent(1.5, &column, true).is_ok());
        let (message, _) = check_percent(2.5, &column, false).unwrap_err();
        assert_eq!(message, "`taux` goes up to 200 % (`max: 2`), found 250 %");
    }
}
