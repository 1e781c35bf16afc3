//! A chart's figures in words, for its `<desc>`: what a screen reader says instead of the
//! picture, and what a reader of the page source finds.

use super::{ChartData, ChartKind};
use crate::locale::{Language, Strings};

/// "Graphique en barres : Stagiaires entrés et prévision 2017, par site. TPM — stagiaires
/// entrés : 67, prévision 2017 : 90 ; … ; Dracénie — stagiaires entrés : non renseigné, …"
pub fn describe(data: &ChartData, language: Language, strings: &Strings) -> String {
    let kind = match data.kind {
        ChartKind::Bar => strings.get("chart_bar"),
        ChartKind::StackedBar => strings.get("chart_stacked_bar"),
        ChartKind::Line => strings.get("chart_line"),
        ChartKind::Pie => strings.get("chart_pie"),
        ChartKind::Progress => strings.get("chart_progress"),
    };
    let colon = match language {
        Language::Fr => " : ",
        Language::En => ": ",
    };
    let separator = match language {
        Language::Fr => " ; ",
        Language::En => "; ",
    };
    let value = |v: Option<f64>| {
        v.map_or_else(
            || strings.get("not_given").to_owned(),
            |v| data.format(v, language),
        )
    };
    let lower = |label: &str| {
        // "Stagiaires entrés" reads "stagiaires entrés" inside a sentence; "TPM" stays.
        let mut chars = label.chars();
        match (chars.next(), chars.next()) {
            (Some(first), Some(second)) if first.is_uppercase() && !second.is_uppercase() => {
                first.to_lowercase().chain(label.chars().skip(1)).collect()
            }
            _ => label.to_owned(),
        }
    };

    let parts: Vec<String> = if data.kind == ChartKind::Progress {
        // "TPM : 67 sur 90, soit 74 %".
        let values = &data.series[0].values;
        let targets = data.series.get(1).map_or(&[][..], |s| &s.values[..]);
        data.categories
            .iter()
            .enumerate()
            .map(|(i, category)| {
                let v = values.get(i).copied().flatten();
                let t = targets.get(i).copied().flatten();
                let words = match (v, t, super::draw::reached(v, t)) {
                    (Some(v), Some(t), Some(rate)) => strings
                        .get("progress_reached")
                        .replace("{value}", &data.format(v, language))
                        .replace("{target}", &data.format(t, language))
                        .replace("{percent}", &language.percent(rate)),
                    (Some(v), _, _) => strings
                        .get("progress_no_target")
                        .replace("{value}", &data.format(v, language)),
                    (None, _, _) => value(None),
                };
                format!("{category}{colon}{words}")
            })
            .collect()
    } else if data.series.len() == 1 || data.kind == ChartKind::Pie {
        // One series: "TPM : 67 ; CAVEM : 25".
        let series = &data.series[0];
        data.categories
            .iter()
            .zip(&series.values)
            .map(|(category, v)| format!("{category}{colon}{}", value(*v)))
            .collect()
    } else if data.kind == ChartKind::Line {
        // Lines followed over time read best line by line: "TPM — 02/10/2017 : 67, …".
        data.series
            .iter()
            .map(|series| {
                let points: Vec<String> = data
                    .categories
                    .iter()
                    .zip(&series.values)
                    .map(|(category, v)| format!("{category}{colon}{}", value(*v)))
                    .collect();
                format!("{} — {}", series.name, points.join(", "))
            })
            .collect()
    } else {
        // Categories with several figures each: "TPM — stagiaires entrés : 67, prévision : 90".
        data.categories
            .iter()
            .enumerate()
            .map(|(i, category)| {
                let figures: Vec<String> = data
                    .series
                    .iter()
                    .map(|series| {
                        format!("{}{colon}{}", lower(&series.name), value(series.values[i]))
                    })
                    .collect();
                format!("{category} — {}", figures.join(", "))
            })
            .collect()
    };
    let mut text = format!("{kind}{colon}{}. ", data.title.trim_end_matches('.'));
    text.push_str(&parts.join(separator));
    text.push('.');
    text
}
