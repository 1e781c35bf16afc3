//! The cells of a change since the previous note: `+12`, `−3`, `+3,2 pts`, the same in
//! words for a screen reader, "nouveau" for a new row, and the sentence that names the rows
//! that are gone.

use super::{Comparison, push_cell};
use crate::data::{Column, ColumnType, Value};
use crate::html::push_escaped;
use crate::locale::{Language, Strings, typeset};

/// "Depuis le 3 juillet 2017, Dracénie n’apparaît plus dans ce tableau."
pub(super) fn gone_sentence(
    comparison: &Comparison,
    language: Language,
    strings: &Strings,
) -> String {
    let names: Vec<String> = comparison
        .gone
        .iter()
        .map(|n| typeset(n, language))
        .collect();
    let names = match names.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} {} {last}", rest.join(", "), strings.get("and")),
        None => String::new(),
    };
    let key = if comparison.gone.len() == 1 {
        "change_gone_one"
    } else {
        "change_gone_many"
    };
    strings
        .get(key)
        .replace("{date}", &language.long_date(comparison.since))
        .replace("{names}", &names)
}

/// A change as it reads: `+12`, `−3`, `0`, `+3,2 pts` (points, for a percent column).
pub fn signed_figure(
    value: f64,
    points: bool,
    column: &Column,
    language: Language,
    strings: &Strings,
) -> String {
    let magnitude = magnitude(value.abs(), column, language);
    let sign = if value > 0.0 {
        "+"
    } else if value < 0.0 {
        "\u{2212}"
    } else {
        ""
    };
    let unit = if points {
        format!("\u{A0}{}", strings.get("points_short"))
    } else {
        String::new()
    };
    format!("{sign}{magnitude}{unit}")
}

fn magnitude(value: f64, column: &Column, language: Language) -> String {
    match column.kind {
        ColumnType::Integer => language.integer(value.round() as i64),
        ColumnType::Money => language.money_with(value, &column.currency, column.decimals),
        _ => language.number(value, 1),
    }
}

/// A cell of a change column: the signed figure, and the same in words for a screen
/// reader ("12 de plus qu’au 3 juillet 2017"); a new row says it is new.
#[allow(clippy::too_many_arguments)]
pub(super) fn push_change(
    html: &mut String,
    value: &Value,
    points: bool,
    new: bool,
    since: &str,
    column: &Column,
    language: Language,
    strings: &Strings,
) {
    let (shown, words) = match (new, value.as_f64()) {
        (true, _) => (
            strings.get("change_new").to_owned(),
            strings.get("change_new_words").replace("{date}", since),
        ),
        (false, None) => {
            push_cell(
                html,
                false,
                true,
                &Value::Missing,
                |_| String::new(),
                strings,
            );
            return;
        }
        (false, Some(change)) => {
            let mut amount = magnitude(change.abs(), column, language);
            if points {
                amount = format!("{amount} {}", strings.get("points"));
            }
            let key = if change > 0.0 {
                "change_more"
            } else if change < 0.0 {
                "change_less"
            } else {
                "change_same"
            };
            (
                signed_figure(change, points, column, language, strings),
                strings
                    .get(key)
                    .replace("{n}", &amount)
                    .replace("{date}", since),
            )
        }
    };
    let class = if new { "num change new" } else { "num change" };
    html.push_str(&format!(
        "<td class=\"{class}\"><span aria-hidden=\"true\">"
    ));
    push_escaped(html, &shown);
    html.push_str("</span><span class=\"visually-hidden\">");
    push_escaped(html, &words);
    html.push_str("</span></td>");
}
