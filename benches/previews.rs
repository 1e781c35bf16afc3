//! How long a link preview takes to draw and encode, as a build with `base_url` makes one
//! per report: the bench corpus's chart (6 sites, 2 series, the second hatched), and a
//! report without a chart, whose preview shows its summary.
//!
//! Run with `cargo bench --bench previews`.

use std::hint::black_box;
use std::time::Instant;

use bilan::charts::{
    ChartData, ChartKind, Column, ColumnType, Language, Painter, Palette, Preview, Series, Strings,
};

fn main() {
    let sites = [
        "TPM",
        "CAVEM",
        "Provence Verte",
        "Dracénie",
        "Cœur du Var",
        "Golfe de Saint-Tropez",
    ];
    let chart = ChartData {
        kind: ChartKind::Bar,
        title: "Stagiaires entrés et prévision, par site".into(),
        category_label: "Site".into(),
        categories: sites.iter().map(|s| s.to_string()).collect(),
        series: vec![
            Series {
                name: "Stagiaires entrés".into(),
                values: vec![
                    Some(56.0),
                    Some(82.0),
                    Some(105.0),
                    Some(51.0),
                    Some(45.0),
                    Some(65.0),
                ],
            },
            Series {
                name: "Prévision".into(),
                values: vec![
                    Some(113.0),
                    Some(91.0),
                    Some(159.0),
                    Some(52.0),
                    Some(48.0),
                    Some(104.0),
                ],
            },
        ],
        value_column: Column {
            key: "v".into(),
            label: "Stagiaires".into(),
            kind: ColumnType::Integer,
            currency: "EUR".into(),
            ..Column::default()
        },
    };
    let summary = "Deux nouveaux sites ouverts, 404 jeunes accueillis depuis janvier, et les \
                   financements de la Région et du Fonds social européen reconduits pour 2018.";
    let (strings, palette) = (Strings::default(), Palette::default());
    let painter = Painter::default();
    for (name, with_chart) in [("bar chart", true), ("summary", false)] {
        let mut n = 0u32;
        let mut draw = || {
            n += 1;
            let title = format!("Point d’avancement n° {n}");
            let preview = Preview {
                site_title: "École de la 2e Chance du Var",
                title: &title,
                subtitle: "2 octobre 2017 · 3e trimestre 2017",
                chart: with_chart.then_some(&chart),
                summary: Some(summary),
            };
            painter
                .png(&preview, Language::Fr, &strings, &palette)
                .len()
        };
        let mut bytes = 0;
        for _ in 0..50 {
            bytes = black_box(draw());
        }
        let mut times = Vec::new();
        for _ in 0..5 {
            let runs = 500;
            let started = Instant::now();
            for _ in 0..runs {
                black_box(draw());
            }
            times.push(started.elapsed().as_secs_f64() * 1e6 / runs as f64);
        }
        times.sort_by(f64::total_cmp);
        println!(
            "preview with {name}: median {:.0} µs each, {:.1} kB (runs: {})",
            times[2],
            bytes as f64 / 1000.0,
            times
                .iter()
                .map(|t| format!("{t:.0}"))
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
}
