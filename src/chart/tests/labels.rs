//! Labels of long and accented names, and of many dates, that never overlap nor leave
//! the drawing.

use super::*;

#[test]
fn long_and_accented_labels_never_overlap_or_leave_the_drawing() {
    let long_names = [
        "Provence Verte",
        "Dracénie",
        "L'Isle-sur-la-Sorgue",
        "Communauté d'agglomération Var Estérel Méditerranée",
        "Toulon Provence Méditerranée",
        "Saint-Maximin-la-Sainte-Baume",
    ];
    let mut data = sites(ChartKind::Bar);
    data.categories = long_names.iter().map(|s| s.to_string()).collect();
    data.series = vec![
        Series {
            name: "Stagiaires entrés en formation depuis l'ouverture du site".into(),
            values: vec![
                Some(1_221_846.0),
                Some(25.0),
                None,
                Some(0.0),
                Some(99_999.0),
                Some(10.0),
            ],
        },
        Series {
            name: "Prévision 2017".into(),
            values: vec![
                Some(90.0),
                Some(45.0),
                Some(30.0),
                Some(30.0),
                None,
                Some(5.0),
            ],
        },
        Series {
            name: "Entreprises".into(),
            values: vec![
                Some(94.0),
                Some(13.0),
                Some(0.0),
                Some(0.0),
                Some(2.0),
                Some(1.0),
            ],
        },
    ];
    data.value_column.kind = ColumnType::Money;
    let strings = strings(Language::Fr);
    for kind in [
        ChartKind::Bar,
        ChartKind::StackedBar,
        ChartKind::Line,
        ChartKind::Pie,
    ] {
        data.kind = kind;
        for size in [Size::Wide, Size::Narrow] {
            let laid = layout(&data, size, Language::Fr, &strings);
            assert_readable(&laid, &format!("{kind:?} {size:?}"));
        }
    }
    // Ten reports across a phone-wide line chart: labels thin out rather than overlap.
    let mut many = across();
    many.categories = (1..=10)
        .map(|i| format!("{i:02}/01/20{}", 10 + i))
        .collect();
    many.series = vec![Series {
        name: "TPM".into(),
        values: (1..=10).map(|i| Some(i as f64 * 10.0)).collect(),
    }];
    assert_readable(
        &layout(&many, Size::Narrow, Language::Fr, &strings),
        "ten dates",
    );
}
