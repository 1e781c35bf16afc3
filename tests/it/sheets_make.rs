//! The spreadsheet fixtures, and how they are made: `tests/fixtures/sheets/` (the same
//! figures as YAML, CSV, XLSX and ODS) and the spreadsheet cases of
//! `tests/fixtures/invalid/`. The files are committed, and a test makes them again in a
//! temporary folder and checks that the committed ones are the same (a workbook's parts
//! compared unzipped, its timestamps aside). After changing how they are made, write them
//! where they are committed with
//!
//! ```text
//! BILAN_WRITE_FIXTURES=1 cargo test --test it sheet_fixtures
//! ```
//!
//! XLSX files are written with `rust_xlsxwriter`, then patched where it cannot write what
//! a damaged file holds (an error cell, a formula without its value). An ODS is a zip of
//! XML: `ods` writes `mimetype` (stored, first), `META-INF/manifest.xml` and `content.xml`
//! with the `zip` crate.

use std::io::{Read, Write};

use super::sheets::{CSV, NOTE, YAML};
use super::*;

/// The figures as Excel saves them: numbers with percent and euro formats, a cached SUM.
pub fn xlsx(total: f64) -> Vec<u8> {
    use rust_xlsxwriter::{Format, Formula, Workbook};
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Sites").unwrap();
    let percent = Format::new().set_num_format("0.0%");
    let euros = Format::new().set_num_format("#,##0.00\\ \"€\"");
    for (column, label) in ["Site", "Entrés", "Taux", "Budget"].iter().enumerate() {
        sheet.write_string(0, column as u16, *label).unwrap();
    }
    sheet.write_string(1, 0, "TPM").unwrap();
    sheet.write_number(1, 1, 67.0).unwrap();
    sheet
        .write_number_with_format(1, 2, 0.125, &percent)
        .unwrap();
    sheet
        .write_number_with_format(1, 3, 1221846.5, &euros)
        .unwrap();
    sheet.write_string(2, 0, "CAVEM").unwrap();
    sheet.write_number(2, 1, 31.0).unwrap();
    sheet
        .write_number_with_format(2, 3, 361250.0, &euros)
        .unwrap();
    sheet.write_string(3, 0, "Total").unwrap();
    sheet
        .write_formula(
            3,
            1,
            Formula::new("=SUM(B2:B3)").set_result(total.to_string()),
        )
        .unwrap();
    sheet
        .write_number_with_format(3, 3, 1583096.5, &euros)
        .unwrap();
    book.save_to_buffer().unwrap()
}

/// An ODS written by hand: a zip of `mimetype` (stored, first) and `content.xml`. The
/// percent and money cells are text as the French user typed them, since calamine reads
/// no number format of an ODS.
pub fn ods(rows: &[&[&str]]) -> Vec<u8> {
    let mut cells = String::new();
    for row in rows {
        cells.push_str("<table:table-row>");
        for cell in *row {
            match cell.parse::<f64>() {
                Ok(n) => cells.push_str(&format!(
                    "<table:table-cell office:value-type=\"float\" office:value=\"{n}\"><text:p>{n}</text:p></table:table-cell>"
                )),
                Err(_) if cell.is_empty() => cells.push_str("<table:table-cell/>"),
                Err(_) => cells.push_str(&format!(
                    "<table:table-cell office:value-type=\"string\"><text:p>{cell}</text:p></table:table-cell>"
                )),
            }
        }
        cells.push_str("</table:table-row>");
    }
    let content = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" \
xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" \
xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">\
<office:body><office:spreadsheet><table:table table:name=\"Sites\">{cells}</table:table>\
</office:spreadsheet></office:body></office:document-content>"
    );
    let manifest = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\">\
<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.spreadsheet\"/>\
<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>\
</manifest:manifest>";
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, text) in [
        ("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
        ("META-INF/manifest.xml", manifest),
        ("content.xml", content.as_str()),
    ] {
        zip.start_file(name, stored).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

pub const ODS_ROWS: &[&[&str]] = &[
    &["Site", "Entrés", "Taux", "Budget"],
    &["TPM", "67", "12,5 %", "1 221 846,50 €"],
    &["CAVEM", "31", "", "361 250,00 €"],
    &["Total", "98", "", "1 583 096,50 €"],
];

/// `bytes`, an XLSX, with `from` replaced by `to` in its first sheet's XML.
fn patch_xlsx(bytes: &[u8], from: &str, to: &str) -> Vec<u8> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for index in 0..archive.len() {
        let mut entry = archive.by_index(index).unwrap();
        let name = entry.name().unwrap().into_owned();
        let mut text = Vec::new();
        entry.read_to_end(&mut text).unwrap();
        if name == "xl/worksheets/sheet1.xml" {
            let xml = String::from_utf8(text).unwrap();
            assert!(xml.contains(from), "{xml}");
            text = xml.replace(from, to).into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&text).unwrap();
    }
    out.finish().unwrap().into_inner()
}

/// A workbook with the labels `Site` and `Entrés` and two sites, changed by `edit`.
fn small_xlsx(edit: impl FnOnce(&mut rust_xlsxwriter::Worksheet)) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Sites").unwrap();
    sheet.write_string(0, 0, "Site").unwrap();
    sheet.write_string(0, 1, "Entrés").unwrap();
    sheet.write_string(1, 0, "TPM").unwrap();
    sheet.write_number(1, 1, 67.0).unwrap();
    sheet.write_string(2, 0, "CAVEM").unwrap();
    sheet.write_number(2, 1, 31.0).unwrap();
    edit(sheet);
    book.save_to_buffer().unwrap()
}

const SMALL_NOTE: &str = "---\ntitle: Note\ndate: 2017-10-02\n---\n```table\ndata: sites\n```\n";

/// Writes a site at `root` whose note shows `sites`, read from `file`.
fn write_site(root: &Path, title: &str, note: &str, file: &str, bytes: &[u8]) {
    let dir = root.join("content/reports/2017-10-02-note");
    fs::create_dir_all(&dir).unwrap();
    fs::write(
        root.join("content/site.yaml"),
        format!("title: {title}\nlanguage: fr\n"),
    )
    .unwrap();
    fs::write(dir.join("index.md"), note).unwrap();
    fs::write(dir.join(file), bytes).unwrap();
}

/// Writes the spreadsheet sites under `sheets` and the spreadsheet cases under `invalid`.
fn write_fixtures(sheets: &Path, invalid: &Path) {
    for (kind, bytes) in [
        ("yaml", YAML.as_bytes().to_vec()),
        ("csv", CSV.as_bytes().to_vec()),
        ("xlsx", xlsx(98.0)),
        ("ods", ods(ODS_ROWS)),
    ] {
        let title = format!("Figures from {kind}");
        write_site(
            &sheets.join(kind),
            &title,
            NOTE,
            &format!("sites.{kind}"),
            &bytes,
        );
    }
    let mut password = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    password.resize(2048, 0);
    let cases: Vec<(&str, &str, Vec<u8>)> = vec![
        (
            "sheet-ragged-csv",
            "sites.csv",
            "Site;Entrés\nTPM;67\nCAVEM;31;12\n".as_bytes().to_vec(),
        ),
        (
            "sheet-not-a-zip",
            "sites.xlsx",
            b"Site;Entr\xe9s\nTPM;67\n".to_vec(),
        ),
        ("sheet-password", "sites.xlsx", password),
        (
            "sheet-merged",
            "sites.xlsx",
            small_xlsx(|sheet| {
                sheet
                    .merge_range(3, 0, 3, 1, "Total", &rust_xlsxwriter::Format::new())
                    .unwrap();
            }),
        ),
        (
            "sheet-error-cell",
            "sites.xlsx",
            patch_xlsx(
                &small_xlsx(|_| {}),
                "<c r=\"B3\"><v>31</v></c>",
                "<c r=\"B3\" t=\"e\"><f>B2/0</f><v>#DIV/0!</v></c>",
            ),
        ),
        (
            "sheet-no-cached-value",
            "sites.xlsx",
            patch_xlsx(
                &small_xlsx(|sheet| {
                    sheet.write_string(3, 0, "Total").unwrap();
                    sheet
                        .write_formula(3, 1, rust_xlsxwriter::Formula::new("=SUM(B2:B3)"))
                        .unwrap();
                }),
                "<f>SUM(B2:B3)</f><v>0</v>",
                "<f>SUM(B2:B3)</f>",
            ),
        ),
        (
            "sheet-million-rows",
            "sites.xlsx",
            small_xlsx(|sheet| {
                sheet.write_number(1_048_575, 1, 1.0).unwrap();
            }),
        ),
    ];
    for (case, file, bytes) in cases {
        let root = invalid.join(case);
        let _ = fs::remove_dir_all(&root);
        write_site(&root, case, SMALL_NOTE, file, &bytes);
    }
}

/// The fixtures as made now match the committed ones, file for file: a change to how they
/// are made that is not written to them fails here (`BILAN_WRITE_FIXTURES=1` writes them).
#[test]
fn sheet_fixtures_are_what_their_maker_writes() {
    if std::env::var_os("BILAN_WRITE_FIXTURES").is_some() {
        write_fixtures(&fixture("sheets"), &fixture("invalid"));
    }
    let made = tempfile::tempdir().unwrap();
    write_fixtures(&made.path().join("sheets"), &made.path().join("invalid"));
    let mut compared = 0;
    for entry in walkdir::WalkDir::new(made.path()) {
        let entry = entry.unwrap();
        if !entry.file_type().is_file() {
            continue;
        }
        let relative = entry.path().strip_prefix(made.path()).unwrap();
        let committed = fixture(relative.to_str().unwrap());
        let (new, old) = (fs::read(entry.path()).unwrap(), fs::read(&committed));
        let old = old.unwrap_or_else(|e| panic!("{} is not committed: {e}", committed.display()));
        let zipped = |bytes: &[u8]| bytes.starts_with(b"PK\x03\x04");
        if zipped(&new) && zipped(&old) {
            assert_eq!(parts(&new), parts(&old), "{} differs", committed.display());
        } else {
            assert!(
                new == old,
                "{} differs from what is made",
                committed.display()
            );
        }
        compared += 1;
    }
    // Four sites of three files, and seven cases of three.
    assert_eq!(compared, 4 * 3 + 7 * 3);
}

/// The parts of a zip (an XLSX or an ODS), unzipped, but for the document's properties,
/// which hold the time it was written.
fn parts(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut parts = Vec::new();
    for i in 0..archive.len() {
        let mut part = archive.by_index(i).unwrap();
        let name = part.name().unwrap().to_string();
        if name == "docProps/core.xml" {
            continue;
        }
        let mut content = Vec::new();
        part.read_to_end(&mut content).unwrap();
        parts.push((name, content));
    }
    parts.sort();
    parts
}
