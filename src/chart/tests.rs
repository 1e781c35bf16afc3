//! Chart tests on small datasets: one reviewed SVG snapshot per type, the text alternative,
//! escaping, gaps for missing figures, and labels that never overlap or leave the drawing.

use super::draw::{Layout, Mark, layout};
use super::*;
use crate::data::{Column, ColumnType};

fn strings(language: Language) -> Strings {
    let file = match language {
        Language::Fr => include_str!("../../themes/default/strings/fr.yaml"),
        Language::En => include_str!("../../themes/default/strings/en.yaml"),
    };
    serde_saphyr::from_str(file).unwrap()
}

fn column(kind: ColumnType) -> Column {
    Column {
        key: "v".into(),
        label: "Stagiaires entrés".into(),
        kind,
        currency: "EUR".into(),
        ..Column::default()
    }
}

/// The sites of the note of 2 October 2017, with Dracénie not yet open.
fn sites(kind: ChartKind) -> ChartData {
    ChartData {
        kind,
        title: "Stagiaires entrés et prévision 2017, par site".into(),
        category_label: "Site".into(),
        categories: vec![
            "TPM".into(),
            "CAVEM".into(),
            "Provence Verte".into(),
            "Dracénie".into(),
        ],
        series: vec![
            Series {
                name: "Stagiaires entrés".into(),
                values: vec![Some(67.0), Some(25.0), Some(10.0), None],
            },
            Series {
                name: "Prévision 2017".into(),
                values: vec![Some(90.0), Some(45.0), Some(30.0), Some(30.0)],
            },
        ],
        value_column: column(ColumnType::Integer),
    }
}

fn one_series(kind: ChartKind) -> ChartData {
    let mut data = sites(kind);
    data.series.truncate(1);
    data
}

/// Entered trainees, note after note: a line per site, Dracénie starting late.
fn across() -> ChartData {
    ChartData {
        kind: ChartKind::Line,
        title: "Stagiaires entrés, note après note".into(),
        category_label: "Date de la note".into(),
        categories: vec![
            "02/10/2017".into(),
            "08/01/2018".into(),
            "09/04/2018".into(),
        ],
        series: vec![
            Series {
                name: "TPM".into(),
                values: vec![Some(67.0), Some(80.0), Some(95.0)],
            },
            Series {
                name: "CAVEM".into(),
                values: vec![Some(25.0), Some(31.0), Some(40.0)],
            },
            Series {
                name: "Dracénie".into(),
                values: vec![None, Some(12.0), Some(20.0)],
            },
        ],
        value_column: column(ColumnType::Integer),
    }
}

fn svg(data: &ChartData, size: Size) -> String {
    let language = Language::Fr;
    let strings = strings(language);
    draw_svg(
        data,
        size,
        "chart-1-w",
        &describe(data, language, &strings),
        language,
        &strings,
        &Palette::default(),
    )
}

#[test]
fn bar_chart_snapshot() {
    insta::assert_snapshot!(svg(&sites(ChartKind::Bar), Size::Wide));
}

#[test]
fn stacked_bar_chart_snapshot() {
    insta::assert_snapshot!(svg(&sites(ChartKind::StackedBar), Size::Wide));
}

#[test]
fn line_chart_snapshot() {
    insta::assert_snapshot!(svg(&across(), Size::Wide));
}

#[test]
fn progress_chart_snapshot() {
    let mut data = sites(ChartKind::Progress);
    data.title = "Stagiaires entrés au regard de la prévision 2017".into();
    insta::assert_snapshot!(svg(&data, Size::Wide));
}

#[test]
fn pie_chart_snapshot() {
    insta::assert_snapshot!(svg(&one_series(ChartKind::Pie), Size::Narrow));
}

#[test]
fn the_svg_is_an_image_with_a_title_and_a_description_and_no_fixed_size() {
    let svg = svg(&sites(ChartKind::Bar), Size::Wide);
    assert!(svg.starts_with("<svg viewBox=\"0 0 640 "), "{svg}");
    assert!(svg.contains("role=\"img\" aria-labelledby=\"chart-1-w-title chart-1-w-desc\""));
    assert!(!svg.contains("width=\"640\""), "no fixed pixel width");
    assert!(svg.contains(
        "<title id=\"chart-1-w-title\">Stagiaires entrés et prévision 2017, par site</title>"
    ));
}

#[test]
fn the_description_states_every_figure_and_the_missing_one() {
    let french = strings(Language::Fr);
    let text = describe(&sites(ChartKind::Bar), Language::Fr, &french);
    assert_eq!(
        text,
        "Graphique en barres : Stagiaires entrés et prévision 2017, par site. \
         TPM — stagiaires entrés : 67, prévision 2017 : 90 ; \
         CAVEM — stagiaires entrés : 25, prévision 2017 : 45 ; \
         Provence Verte — stagiaires entrés : 10, prévision 2017 : 30 ; \
         Dracénie — stagiaires entrés : non renseigné, prévision 2017 : 30."
    );
    let lines = describe(&across(), Language::Fr, &french);
    assert!(
        lines.contains("Dracénie — 02/10/2017 : non renseigné, 08/01/2018 : 12, 09/04/2018 : 20"),
        "{lines}"
    );
    let english = describe(
        &one_series(ChartKind::Pie),
        Language::En,
        &strings(Language::En),
    );
    assert!(english.starts_with("Pie chart: Stagiaires"), "{english}");
    assert!(english.contains("TPM: 67; CAVEM: 25"), "{english}");
}

#[test]
fn missing_figures_are_gaps_not_zeros() {
    let marks = layout(
        &sites(ChartKind::Bar),
        Size::Wide,
        Language::Fr,
        &strings(Language::Fr),
    )
    .marks;
    let bars_of_first_series = marks
        .iter()
        .filter(|m| matches!(m, Mark::Bar { series: 0, .. }))
        .count();
    // Three bars and the legend's swatch: Dracénie has none.
    assert_eq!(bars_of_first_series, 4);
    let texts: Vec<&str> = marks
        .iter()
        .filter_map(|m| match m {
            Mark::Text(t) => Some(t.text.as_str()),
            _ => None,
        })
        .collect();
    assert!(
        texts.contains(&"–"),
        "the missing figure is marked: {texts:?}"
    );

    let line = layout(&across(), Size::Wide, Language::Fr, &strings(Language::Fr));
    let dracenie: Vec<&Vec<(i32, i32)>> = line
        .marks
        .iter()
        .filter_map(|m| match m {
            Mark::Path { points, series: 2 } => Some(points),
            _ => None,
        })
        .collect();
    // The legend's key, and the line itself, which starts where its figures start.
    assert_eq!(dracenie.len(), 2);
    let line_itself = dracenie[1];
    assert_eq!(line_itself.len(), 2, "{line_itself:?}");
    let first_point_of_tpm = line
        .marks
        .iter()
        .find_map(|m| match m {
            Mark::Path { points, series: 0 } if points.len() == 3 => Some(points[0]),
            _ => None,
        })
        .unwrap();
    assert!(
        line_itself[0].0 > first_point_of_tpm.0,
        "no point where the figure is missing"
    );
}

#[test]
fn hostile_labels_are_escaped() {
    let mut data = sites(ChartKind::Bar);
    data.title = "<script>alert(\"x\")</script> & co".into();
    data.categories[0] = "<script>'&\"".into();
    data.series[0].name = "A & B <b>".into();
    let svg = svg(&data, Size::Wide);
    assert!(!svg.contains("<script>"), "{svg}");
    assert!(!svg.contains("<b>"), "{svg}");
    assert!(
        svg.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co"),
        "{svg}"
    );
    assert!(svg.contains("&lt;script&gt;&#39;&amp;&quot;"), "{svg}");
}

#[test]
fn the_same_figures_give_the_same_bytes() {
    for kind in [
        ChartKind::Bar,
        ChartKind::StackedBar,
        ChartKind::Line,
        ChartKind::Pie,
    ] {
        assert_eq!(svg(&sites(kind), Size::Wide), svg(&sites(kind), Size::Wide));
    }
}

/// Every text of a layout inside the drawing, and no two texts on top of each other.
fn assert_readable(layout: &Layout, what: &str) {
    let texts: Vec<_> = layout
        .marks
        .iter()
        .filter_map(|m| match m {
            Mark::Text(t) => Some((t, t.bounds())),
            _ => None,
        })
        .collect();
    for (t, (left, top, right, bottom)) in &texts {
        assert!(
            *left >= 0.0
                && *right <= layout.width as f64
                && *top >= 0.0
                && *bottom <= layout.height as f64,
            "{what}: `{}` leaves the drawing ({left}, {top}, {right}, {bottom}) in {}×{}",
            t.text,
            layout.width,
            layout.height
        );
    }
    for (i, (a, ab)) in texts.iter().enumerate() {
        for (b, bb) in &texts[i + 1..] {
            let apart = ab.2 <= bb.0 || bb.2 <= ab.0 || ab.3 <= bb.1 || bb.3 <= ab.1;
            assert!(apart, "{what}: `{}` overlaps `{}`", a.text, b.text);
        }
    }
}

/// Results per site, some of them losses: Saint-Étienne-du-Rouvray's long name beside a
/// negative figure.
fn results(kind: ChartKind) -> ChartData {
    ChartData {
        kind,
        title: "Résultat par site".into(),
        category_label: "Site".into(),
        categories: vec![
            "Rouen".into(),
            "Saint-Étienne-du-Rouvray".into(),
            "Elbeuf".into(),
            "Vernon".into(),
        ],
        series: vec![
            Series {
                name: "Résultat 2019".into(),
                values: vec![Some(48_200.0), Some(-12_500.5), Some(15_300.25), None],
            },
            Series {
                name: "Résultat 2018".into(),
                values: vec![
                    Some(-2_000.0),
                    Some(-8_000.0),
                    Some(4_100.0),
                    Some(-3_200.0),
                ],
            },
        ],
        value_column: Column {
            decimals: 2,
            ..column(ColumnType::Money)
        },
    }
}

#[test]
fn negative_figures_never_run_into_the_category_names() {
    let strings = strings(Language::Fr);
    for kind in [ChartKind::Bar, ChartKind::StackedBar, ChartKind::Line] {
        let mut one = results(kind);
        one.series.truncate(1);
        // The loss is the lowest figure, close to the first tick: its bar ends where the
        // names end.
        let mut close = one.clone();
        close.series[0].values = vec![Some(2_000.0), Some(-19_500.5), Some(1_000.0), None];
        for data in [results(kind), one, close] {
            for size in [Size::Wide, Size::Narrow] {
                let laid = layout(&data, size, Language::Fr, &strings);
                let what = format!("{kind:?} {size:?} {} series", data.series.len());
                assert_readable(&laid, &what);
                let texts: Vec<&str> = laid
                    .marks
                    .iter()
                    .filter_map(|m| match m {
                        Mark::Text(t) => Some(t.text.as_str()),
                        _ => None,
                    })
                    .collect();
                assert!(
                    texts.iter().any(|t| t.starts_with('−')),
                    "{what}: a negative figure or tick is written: {texts:?}"
                );
            }
        }
    }
}

#[test]
fn negative_figures_are_bars_left_of_zero_and_stacks_add_up() {
    let strings = strings(Language::Fr);
    let laid = layout(
        &results(ChartKind::StackedBar),
        Size::Wide,
        Language::Fr,
        &strings,
    );
    let zero = laid
        .marks
        .iter()
        .find_map(|m| match m {
            Mark::Rule {
                from,
                paint: super::draw::Paint::Axis,
                ..
            } => Some(from.0),
            _ => None,
        })
        .unwrap();
    let bars: Vec<(i32, i32)> = laid
        .marks
        .iter()
        .filter_map(|m| match m {
            Mark::Bar { x0, x1, y0, .. } if *y0 > 30 => Some((*x0, *x1)),
            _ => None,
        })
        .collect();
    // Every figure given and not zero is a bar: none is dropped for being negative.
    assert_eq!(bars.len(), 7, "{bars:?}");
    let left_of_zero = bars.iter().filter(|(a, b)| *b <= zero && a < b).count();
    assert_eq!(left_of_zero, 4, "{bars:?}");
    let texts: Vec<&str> = laid
        .marks
        .iter()
        .filter_map(|m| match m {
            Mark::Text(t) => Some(t.text.as_str()),
            _ => None,
        })
        .collect();
    // The figure of a stacked bar is its sum.
    assert!(texts.contains(&"−20\u{202F}500,50\u{A0}€"), "{texts:?}");
    assert!(texts.contains(&"46\u{202F}200,00\u{A0}€"), "{texts:?}");
}

#[test]
fn mixed_sign_bar_chart_snapshot() {
    insta::assert_snapshot!(svg(&results(ChartKind::Bar), Size::Wide));
}

/// Ten funders of a budget: more slices than the palette has colours.
fn ten_funders() -> ChartData {
    let funders = [
        ("Région", 400.0),
        ("État", 300.0),
        ("FSE", 250.0),
        ("Département", 120.0),
        ("Métropole", 90.0),
        ("Taxe d'apprentissage", 5.0),
        ("Communes", 60.0),
        ("Fondations", 40.0),
        ("Entreprises", 8.0),
        ("Dons", 2.0),
    ];
    ChartData {
        kind: ChartKind::Pie,
        title: "Financeurs".into(),
        category_label: "Financeur".into(),
        categories: funders.iter().map(|(name, _)| name.to_string()).collect(),
        series: vec![Series {
            name: "Montant".into(),
            values: funders.iter().map(|(_, v)| Some(*v)).collect(),
        }],
        value_column: column(ColumnType::Money),
    }
}

#[test]
fn a_pie_of_many_figures_groups_the_smallest_in_a_grey_slice_of_its_own() {
    let strings = strings(Language::Fr);
    let data = ten_funders();
    let laid = layout(&data, Size::Wide, Language::Fr, &strings);
    let slices: Vec<usize> = laid
        .marks
        .iter()
        .filter_map(|m| match m {
            Mark::Slice { series, .. } => Some(*series),
            _ => None,
        })
        .collect();
    assert_eq!(slices, [0, 1, 2, 3, 4, 5, 6, super::draw::OTHER]);
    let texts: Vec<&str> = laid
        .marks
        .iter()
        .filter_map(|m| match m {
            Mark::Text(t) => Some(t.text.as_str()),
            _ => None,
        })
        .collect();
    // Taxe d'apprentissage, Entreprises and Dons: 15 € of 1 275 €.
    assert!(
        texts.contains(&"Autres (3) — 15\u{A0}€ (1,2\u{202F}%)"),
        "{texts:?}"
    );
    assert!(!texts.iter().any(|t| t.starts_with("Dons")), "{texts:?}");
    assert_readable(&laid, "ten slices");
    let svg = svg(&data, Size::Wide);
    assert!(svg.contains("<pattern id=\"chart-1-w-pother\""), "{svg}");
    assert!(svg.contains("fill=\"url(#chart-1-w-pother)\""), "{svg}");
    assert!(
        !svg.contains("#8C8C8C\"/><path d=\"M0 0V6\" "),
        "a pattern of its own"
    );
    // The words state every row, the grouped ones too.
    let words = describe(&data, Language::Fr, &strings);
    assert!(
        words.contains("Entreprises : 8\u{A0}€ ; Dons : 2\u{A0}€."),
        "{words}"
    );
    let english = layout(
        &data,
        Size::Narrow,
        Language::En,
        &self::strings(Language::En),
    );
    assert!(
        english
            .marks
            .iter()
            .any(|m| matches!(m, Mark::Text(t) if t.text.starts_with("Other (3) — ")))
    );
}

mod labels;
mod progress;
