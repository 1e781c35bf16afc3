//! The time to read a 10,000-row sheet as a dataset, as XLSX and as CSV:
//! `cargo run --release --example sheet`.

use std::time::Instant;

use bilan::read::{Language, read_sheet};

const ROWS: u32 = 10_000;

fn xlsx() -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    let percent = rust_xlsxwriter::Format::new().set_num_format("0.0%");
    let euros = rust_xlsxwriter::Format::new().set_num_format("#,##0.00\\ \"€\"");
    for (column, label) in ["Site", "Ouverture", "Entrés", "Prévision", "Taux", "Budget"]
        .iter()
        .enumerate()
    {
        sheet.write_string(0, column as u16, *label).expect("label");
    }
    for row in 1..=ROWS {
        let n = f64::from(row);
        sheet
            .write_string(row, 0, format!("Site {row}"))
            .expect("cell");
        sheet.write_string(row, 1, "13/03/2017").expect("cell");
        sheet.write_number(row, 2, n).expect("cell");
        sheet.write_number(row, 3, n * 2.0).expect("cell");
        sheet
            .write_number_with_format(row, 4, 0.125, &percent)
            .expect("cell");
        sheet
            .write_number_with_format(row, 5, n * 10.5, &euros)
            .expect("cell");
    }
    book.save_to_buffer().expect("workbook")
}

fn csv() -> Vec<u8> {
    let mut text = String::from("\u{FEFF}Site;Ouverture;Entrés;Prévision;Taux;Budget\r\n");
    for row in 1..=ROWS {
        text.push_str(&format!(
            "Site {row};13/03/2017;{row};{};12,5 %;{},50 €\r\n",
            row * 2,
            row * 10
        ));
    }
    text.into_bytes()
}

fn main() {
    for (kind, bytes) in [("xlsx", xlsx()), ("csv", csv())] {
        let mut best = f64::MAX;
        for _ in 0..5 {
            let started = Instant::now();
            let dataset = read_sheet(&bytes, kind, Language::Fr).expect("the sheet reads");
            assert_eq!(dataset.rows.len(), ROWS as usize);
            best = best.min(started.elapsed().as_secs_f64() * 1000.0);
        }
        println!(
            "{kind}: {} rows × 6 columns ({} KB) read in {best:.1} ms (best of 5)",
            ROWS,
            bytes.len() / 1024
        );
    }
}
