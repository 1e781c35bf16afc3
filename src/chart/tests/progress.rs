//! `progress` charts: each row's value against its target, in words and drawn, with a gap
//! where the value is missing; the same drawing from build to build.

use super::*;

fn progress() -> ChartData {
    let mut data = sites(ChartKind::Progress);
    data.categories.push("Réseau".into());
    data.series[0].values.push(Some(102.0));
    data.series[1].values.push(Some(195.0));
    data
}

#[test]
fn the_description_says_how_far_each_row_is_from_its_target() {
    let text = describe(&progress(), Language::Fr, &strings(Language::Fr));
    assert!(text.starts_with("Graphique d’avancement : "), "{text}");
    for part in [
        "TPM : 67 sur 90, soit 74\u{202F}%",
        "CAVEM : 25 sur 45, soit 56\u{202F}%",
        "Provence Verte : 10 sur 30, soit 33\u{202F}%",
        "Dracénie : non renseigné",
        "Réseau : 102 sur 195, soit 52\u{202F}%",
    ] {
        assert!(text.contains(part), "missing {part} in {text}");
    }
    let english = describe(&progress(), Language::En, &strings(Language::En));
    assert!(english.contains("TPM: 67 of 90, that is 74%"), "{english}");
}

#[test]
fn the_percent_reached_is_labelled_and_a_missing_value_leaves_a_gap() {
    let svg = svg(&progress(), Size::Wide);
    for label in ["74\u{202F}%", "56\u{202F}%", "33\u{202F}%", "52\u{202F}%"] {
        assert!(
            svg.contains(&format!(">{label}</text>")),
            "{label} in {svg}"
        );
    }
    assert!(svg.contains(">non renseigné</text>"), "{svg}");
    // A bar for each given value and one in the key; none for Dracénie.
    assert_eq!(svg.matches("<rect x=").count(), 5, "{svg}");
    let narrow = super::svg(&progress(), Size::Narrow);
    assert!(narrow.contains(">52\u{202F}%</text>"), "{narrow}");
}

#[test]
fn a_progress_chart_is_drawn_the_same_every_time() {
    assert_eq!(svg(&progress(), Size::Wide), svg(&progress(), Size::Wide));
    let layout = layout(
        &progress(),
        Size::Narrow,
        Language::Fr,
        &strings(Language::Fr),
    );
    for mark in &layout.marks {
        if let Mark::Text(text) = mark {
            let (left, _, right, _) = text.bounds();
            assert!(
                left >= 0.0 && right <= layout.width as f64,
                "{text:?} leaves the drawing"
            );
        }
    }
}
