//! Feeds arbitrary text to what reads a writer's files: a note (front matter, Markdown,
//! `table` and `chart` blocks), a dataset, a CSV or workbook read as a dataset, and the
//! Markdown renderer. None of them may panic: bad input is a located problem.

#![no_main]

use std::path::{Path, PathBuf};

use bilan::read::{
    DocKind, Language, Settings, SourcePath, load_dataset, parse_document, read_sheet, render,
};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Any bytes, as CSV (UTF-8 or Windows-1252) in both languages, and as a workbook.
    for language in [Language::Fr, Language::En] {
        let _ = read_sheet(data, "csv", language);
    }
    let _ = read_sheet(data, "xlsx", Language::Fr);
    let _ = read_sheet(data, "ods", Language::Fr);
    let Ok(text) = std::str::from_utf8(data) else { return };
    let source = SourcePath { disk: PathBuf::from("note.md"), shown: PathBuf::from("note.md") };
    let _ = parse_document(DocKind::Report, source, "note".to_owned(), text.to_owned());
    let _ = load_dataset(Path::new("sites.yaml"), Path::new("sites.yaml"), text);
    let settings = Settings {
        notes: "Notes",
        back: "Retour",
        table_label: "Tableau",
        raw_html: false,
        french: true,
    };
    let rewrite = |url: &str| url.strip_prefix('/').map(|rest| format!("../{rest}"));
    let _ = render(text, settings, &rewrite, |_| String::new());
});
