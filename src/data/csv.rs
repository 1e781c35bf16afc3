//! A dataset as CSV that opens right in a spreadsheet set to the site's language: UTF-8 with
//! a byte-order mark, `;` between fields in French (where `,` is the decimal comma), and
//! text that a spreadsheet would run as a formula neutralised.

use super::{ColumnType, Dataset, Value};
use crate::locale::Language;

/// The bytes of `dataset` as a CSV file.
pub fn dataset_to_csv(dataset: &Dataset, language: Language) -> Vec<u8> {
    let separator = language.csv_separator();
    let mut out = String::from('\u{FEFF}');
    let header = dataset
        .columns
        .iter()
        .map(|column| field(&neutralise_formula(&column.label), separator));
    push_record(&mut out, header, separator);
    for row in &dataset.rows {
        let fields = dataset.columns.iter().zip(row).map(|(column, value)| {
            let text = match (value, column.kind) {
                (Value::Missing, _) => String::new(),
                (Value::Text(text), _) => neutralise_formula(text),
                (Value::Date(date), _) => date.to_string(),
                (Value::Integer(i), _) => i.to_string(),
                (Value::Number(n), ColumnType::Percent) => {
                    format!("{}%", plain_number(n * 100.0, language))
                }
                // Amounts with the decimals of their column, as on the page: `361250,00`.
                (value, ColumnType::Money) => {
                    fixed_number(value.as_f64().unwrap_or(0.0), column.decimals, language)
                }
                (Value::Number(n), _) => plain_number(*n, language),
            };
            field(&text, separator)
        });
        push_record(&mut out, fields, separator);
    }
    out.into_bytes()
}

fn push_record(out: &mut String, fields: impl Iterator<Item = String>, separator: char) {
    for (index, field) in fields.enumerate() {
        if index > 0 {
            out.push(separator);
        }
        out.push_str(&field);
    }
    out.push_str("\r\n");
}

/// A number without grouping, with the language's decimal separator, as spreadsheets read it.
fn plain_number(value: f64, language: Language) -> String {
    // Rounded to nine decimals (0.1 + 0.2 is 0.3), unless that would overflow the precision.
    let rounded = if value.abs() < 1e9 {
        (value * 1e9).round() / 1e9
    } else {
        value
    };
    let text = format!("{rounded}");
    match language {
        Language::Fr => text.replace('.', ","),
        Language::En => text,
    }
}

/// A number without grouping, rounded to exactly `decimals` decimals (halves away from
/// zero, as on the page), with the language's decimal separator.
fn fixed_number(value: f64, decimals: usize, language: Language) -> String {
    let scale = 10f64.powi(decimals.min(9) as i32);
    let rounded = if value.abs() < 1e15 {
        (value * scale).round() / scale
    } else {
        value
    };
    // A figure that rounds to zero has no sign.
    let rounded = if rounded == 0.0 { 0.0 } else { rounded };
    let text = format!("{rounded:.decimals$}");
    match language {
        Language::Fr => text.replace('.', ","),
        Language::En => text,
    }
}

/// Text that starts with a character a spreadsheet reads as the start of a formula gets a
/// leading apostrophe, so that it is shown, never run (OWASP's advice for CSV injection).
fn neutralise_formula(text: &str) -> String {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_owned(),
    }
}

/// Quotes a field that holds the separator, a quote or a line break (RFC 4180).
fn field(text: &str, separator: char) -> String {
    if text.contains([separator, '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::data::load_dataset;

    fn csv(text: &str, language: Language) -> String {
        let dataset = load_dataset(Path::new("d.yaml"), Path::new("d.yaml"), text).unwrap();
        String::from_utf8(dataset_to_csv(&dataset, language)).unwrap()
    }

    #[test]
    fn french_csv_has_bom_semicolons_and_decimal_commas() {
        let text = "columns:\n  - {key: site, label: Site}\n  - {key: rate, label: Taux, type: percent}\n  - {key: n, label: \"Entrés; total\", type: number}\n  - {key: d, type: date}\nrows:\n  - {site: TPM, rate: 0.25, n: 12.5, d: 2017-03-13}\n  - {site: Dracénie}\n";
        assert_eq!(
            csv(text, Language::Fr),
            "\u{FEFF}Site;Taux;\"Entrés; total\";d\r\nTPM;25%;12,5;2017-03-13\r\nDracénie;;;\r\n"
        );
    }

    #[test]
    fn amounts_keep_the_decimals_of_their_column() {
        let text = "columns:\n  - {key: site}\n  - {key: budget, type: money}\nrows:\n  - {site: A, budget: 361250.00}\n  - {site: B, budget: 240800.7}\n  - {site: C, budget: -0.001}\n";
        assert_eq!(
            csv(text, Language::Fr),
            "\u{FEFF}site;budget\r\nA;361250,00\r\nB;240800,70\r\nC;0,00\r\n"
        );
        let whole = "columns:\n  - {key: budget, type: money}\nrows:\n  - {budget: 361250}\n  - {budget: 12}\n";
        assert_eq!(
            csv(whole, Language::En),
            "\u{FEFF}budget\r\n361250\r\n12\r\n"
        );
    }

    #[test]
    fn english_csv_uses_commas() {
        assert_eq!(
            csv("- {a: x, b: 1.5}\n", Language::En),
            "\u{FEFF}a,b\r\nx,1.5\r\n"
        );
    }

    #[test]
    fn formulas_in_column_labels_are_neutralised_too() {
        let text = "columns:\n  - {key: a, label: \"=HYPERLINK(1)\"}\nrows:\n  - {a: x}\n";
        assert_eq!(csv(text, Language::Fr), "\u{FEFF}'=HYPERLINK(1)\r\nx\r\n");
        let huge = "- {n: 1.0e20}\n";
        assert_eq!(
            csv(huge, Language::En),
            "\u{FEFF}n\r\n100000000000000000000\r\n"
        );
    }

    #[test]
    fn formulas_are_neutralised_and_quotes_doubled() {
        let text = "- {a: \"=HYPERLINK(\\\"http://x\\\")\"}\n- {a: \"+1\"}\n- {a: \"-1\"}\n- {a: \"@SUM(A1)\"}\n- {a: \"\\tx\"}\n";
        assert_eq!(
            csv(text, Language::Fr),
            "\u{FEFF}a\r\n\"'=HYPERLINK(\"\"http://x\"\")\"\r\n'+1\r\n'-1\r\n'@SUM(A1)\r\n'\tx\r\n"
        );
    }
}
