//! How many charts bilan draws per second: a bar chart of 10 categories × 3 series, drawn
//! for a wide page and for a phone with its description, as in a report page.
//!
//! Run with `cargo bench --bench charts`.

use std::hint::black_box;
use std::time::Instant;

use bilan::charts::{
    ChartData, ChartKind, Column, ColumnType, Language, Palette, Series, Size, Strings, describe,
    draw_svg,
};

fn main() {
    let data = ChartData {
        kind: ChartKind::Bar,
        title: "Stagiaires entrés, prévision et entreprises, par site".into(),
        category_label: "Site".into(),
        categories: (0..10)
            .map(|i| format!("Site numéro {i} de la Provence Verte"))
            .collect(),
        series: (0..3)
            .map(|s| Series {
                name: format!("Série {s}"),
                values: (0..10)
                    .map(|i| {
                        if (i + s) % 7 == 0 {
                            None
                        } else {
                            Some((i * 37 + s * 11) as f64)
                        }
                    })
                    .collect(),
            })
            .collect(),
        value_column: Column {
            key: "v".into(),
            label: "Valeur".into(),
            kind: ColumnType::Integer,
            currency: "EUR".into(),
            ..Column::default()
        },
    };
    let strings = Strings::default();
    let palette = Palette::default();
    let draw = || {
        let text = describe(&data, Language::Fr, &strings);
        let wide = draw_svg(
            &data,
            Size::Wide,
            "c-w",
            &text,
            Language::Fr,
            &strings,
            &palette,
        );
        let narrow = draw_svg(
            &data,
            Size::Narrow,
            "c-n",
            &text,
            Language::Fr,
            &strings,
            &palette,
        );
        wide.len() + narrow.len()
    };
    for _ in 0..200 {
        black_box(draw());
    }
    let mut rates = Vec::new();
    for _ in 0..5 {
        let runs = 2_000;
        let started = Instant::now();
        for _ in 0..runs {
            black_box(draw());
        }
        rates.push(runs as f64 / started.elapsed().as_secs_f64());
    }
    rates.sort_by(f64::total_cmp);
    println!(
        "bar chart 10 × 3, wide + phone SVG and description: median {:.0} charts/s (runs: {})",
        rates[2],
        rates
            .iter()
            .map(|r| format!("{r:.0}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
}
