//! Datasets from spreadsheets: the same figures typed in YAML, saved as CSV (`;`, BOM,
//! French decimals), as XLSX and as ODS build to the same table cells, totals, chart
//! figures and published CSV; and each hostile workbook is a located problem.

use std::io::Write;

use super::sheets_make::xlsx;
use super::*;

pub const NOTE: &str = "---
title: Note
date: 2017-10-02
---
```table
data: sites
columns: [site, Entrés, taux, budget]
total: Total
```

```chart
type: bar
data: sites
x: site
y: entres
```
";

pub const YAML: &str = "\
columns:
  - {key: site, label: Site}
  - {key: entres, label: Entrés, type: integer}
  - {key: taux, label: Taux, type: percent}
  - {key: budget, label: Budget, type: money}
rows:
  - {site: TPM, entres: 67, taux: 0.125, budget: 1221846.50}
  - {site: CAVEM, entres: 31, budget: 361250.00}
total: {entres: 98, budget: 1583096.50}
";

pub const CSV: &str = "\u{FEFF}Site;Entrés;Taux;Budget\r\nTPM;67;12,5 %;1 221 846,50 €\r\nCAVEM;31;ND;361\u{202F}250,00 €\r\nTotal;98;;1 583 096,50 €\r\n";

/// A site whose note shows `sites`, read from `file` (named `sites.EXT`).
fn site_with(file: &str, bytes: &[u8]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    let note = content.join("reports/2017-10-02-note");
    fs::create_dir_all(&note).unwrap();
    fs::write(content.join("site.yaml"), "title: Suivi\nlanguage: fr\n").unwrap();
    fs::write(note.join("index.md"), NOTE).unwrap();
    fs::write(note.join(file), bytes).unwrap();
    dir
}

#[test]
fn the_same_figures_from_yaml_csv_xlsx_and_ods_build_the_same_site() {
    let mut built = Vec::new();
    for file in ["sites.yaml", "sites.csv", "sites.xlsx", "sites.ods"] {
        let kind = &file[6..];
        let site = fixture(&format!("sheets/{kind}"));
        let note = site.join("content/reports/2017-10-02-note");
        assert!(note.join(file).is_file(), "the fixture {file} is committed");
        let out = tempfile::tempdir().unwrap();
        let out = out.path().join("output");
        build_ok(&site, &out, &[]);
        let mut files = tree(&out);
        assert!(
            !files
                .keys()
                .any(|name| name.ends_with(file) && file != "sites.csv"),
            "{file} is read, not published"
        );
        let dir = "reports/2017-10-02-note/";
        let html = files
            .remove(&format!("{dir}index.html"))
            .unwrap_or_default();
        let csv = files.remove(&format!("{dir}sites.csv")).unwrap_or_default();
        built.push((file, String::from_utf8_lossy(&html).into_owned(), csv));
    }
    let (_, html, csv) = &built[0];
    assert!(html.contains("1\u{202F}221\u{202F}846,50"), "{html}");
    assert!(html.contains("12,5"), "{html}");
    for (file, other_html, other_csv) in &built[1..] {
        let table = |page: &str| page[page.find("<table").unwrap_or(0)..].to_owned();
        assert_eq!(table(other_html), table(html), "the page built from {file}");
        assert_eq!(other_csv, csv, "the CSV written from {file}");
    }
}

fn broken_site(file: &str, bytes: &[u8]) -> (tempfile::TempDir, String) {
    let site = site_with(file, bytes);
    let out = site.path().join("output");
    let result = build(site.path(), &out, &[]);
    assert_eq!(result.status.code(), Some(1), "{}", stderr(&result));
    assert!(!out.exists(), "nothing is written");
    let err = stderr(&result);
    assert!(!err.contains("panicked"), "{err}");
    let checked = bilan(&[&"check", &"--root", &site.path()]);
    assert_eq!(
        checked.status.code(),
        Some(1),
        "check: {}",
        stderr(&checked)
    );
    assert!(!stderr(&checked).contains("panicked"));
    (site, err)
}

#[test]
fn a_stale_sum_is_caught_at_its_cell() {
    let (_, err) = broken_site("sites.xlsx", &xlsx(102.0));
    assert!(
        err.contains(
            "sites.xlsx: Sites!B4: the total of `entres` is given as 102 but the rows add up to 98"
        ),
        "{err}"
    );
    assert!(err.contains("4 | Total | 102 |"), "{err}");
}

#[test]
fn a_text_cell_that_is_no_figure_is_located() {
    let csv = "Site;Entrés\nTPM;67\nCAVEM;31\nNice;3O\n";
    let (_, err) = broken_site("sites.csv", csv.as_bytes());
    assert!(
        err.contains("sites.csv:4:2: `entres` expects a whole number such as `67` or `1 221 846`, found the text \"3O\""),
        "{err}"
    );
}

#[test]
fn a_windows_1252_csv_is_read() {
    let mut bytes = b"Site;Entr\xe9s\nTPM;67\n".to_vec();
    bytes.extend_from_slice(b"Total;67\n");
    let site = site_with("sites.csv", &bytes);
    let note = site.path().join("content/reports/2017-10-02-note/index.md");
    fs::write(
        &note,
        "---\ntitle: Note\ndate: 2017-10-02\n---\n```table\ndata: sites\n```\n",
    )
    .unwrap();
    let out = site.path().join("output");
    build_ok(site.path(), &out, &[]);
    let html = read(out.join("reports/2017-10-02-note/index.html"));
    assert!(html.contains("Entrés"), "{html}");
}

#[test]
fn hostile_workbooks_are_located_problems() {
    let bomb = {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let deflated = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .large_file(true);
        zip.start_file("xl/worksheets/sheet1.xml", deflated)
            .unwrap();
        let zeros = vec![b' '; 1024 * 1024];
        for _ in 0..300 {
            zip.write_all(&zeros).unwrap();
        }
        zip.finish().unwrap().into_inner()
    };
    let tall = {
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        sheet.write_string(0, 0, "Site").unwrap();
        sheet.write_number(1_048_575, 0, 1.0).unwrap();
        book.save_to_buffer().unwrap()
    };
    let merged = {
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        sheet.write_string(0, 0, "Site").unwrap();
        sheet.write_string(0, 1, "Entrés").unwrap();
        sheet
            .merge_range(1, 0, 1, 1, "TPM", &rust_xlsxwriter::Format::new())
            .unwrap();
        book.save_to_buffer().unwrap()
    };
    let protected = {
        let mut bytes = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        bytes.resize(4096, 0);
        bytes
    };
    for (file, bytes, words) in [
        (
            "sites.xlsx",
            b"PK not a zip at all".to_vec(),
            "sites.xlsx: this file is not a workbook: it is not a zip file",
        ),
        (
            "sites.xlsx",
            bomb,
            "this workbook would unpack to more than 256 MB",
        ),
        (
            "sites.xlsx",
            tall,
            "sites.xlsx: Sheet1!A1048576: the sheet `Sheet1` reaches cell A1048576",
        ),
        (
            "sites.xlsx",
            merged,
            "sites.xlsx: Sheet1!A2:B2: the cells `A2:B2` are merged",
        ),
        (
            "sites.xlsx",
            protected,
            "this workbook is protected by a password",
        ),
        (
            "sites.ods",
            b"nothing".to_vec(),
            "sites.ods: this file is not a workbook",
        ),
    ] {
        let started = std::time::Instant::now();
        let (_, err) = broken_site(file, &bytes);
        assert!(err.contains(words), "missing `{words}` in:\n{err}");
        assert!(started.elapsed().as_secs() < 10, "{words}");
    }
}

#[test]
fn a_200_megabyte_file_is_refused_before_it_is_read() {
    let site = site_with("sites.csv", b"Site\n");
    let path = site
        .path()
        .join("content/reports/2017-10-02-note/sites.csv");
    let file = fs::OpenOptions::new().write(true).open(&path).unwrap();
    file.set_len(200 * 1024 * 1024).unwrap();
    let started = std::time::Instant::now();
    let result = build(site.path(), &site.path().join("output"), &[]);
    assert_eq!(result.status.code(), Some(1));
    assert!(
        stderr(&result)
            .contains("sites.csv: this file is 200 MB: bilan reads spreadsheets of at most 32 MB"),
        "{}",
        stderr(&result)
    );
    assert!(started.elapsed().as_secs() < 10);
}

#[test]
fn a_spreadsheet_no_block_names_stays_an_attachment_and_lock_files_are_left_out() {
    let site = site_with("sites.yaml", YAML.as_bytes());
    let note = site.path().join("content/reports/2017-10-02-note");
    fs::write(note.join("annexe.xlsx"), b"not even a workbook").unwrap();
    fs::write(note.join("~$sites.xlsx"), b"lock").unwrap();
    fs::write(note.join(".~lock.sites.ods#"), b"lock").unwrap();
    let out = site.path().join("output");
    build_ok(site.path(), &out, &[]);
    let files = tree(&out);
    assert!(files.contains_key("reports/2017-10-02-note/annexe.xlsx"));
    assert!(
        !files
            .keys()
            .any(|name| name.contains("lock") || name.contains("~$"))
    );
}

#[test]
fn a_sheet_is_named_after_its_workbook_and_its_csv_after_both() {
    let site = site_with("budget.xlsx", &xlsx(98.0));
    let note = site.path().join("content/reports/2017-10-02-note");
    fs::write(
        note.join("index.md"),
        NOTE.replace("data: sites", "data: budget/Sites"),
    )
    .unwrap();
    let out = site.path().join("output");
    build_ok(site.path(), &out, &[]);
    let files = tree(&out);
    assert!(
        files.contains_key("reports/2017-10-02-note/budget-sites.csv"),
        "{:?}",
        files.keys()
    );
    assert!(!files.contains_key("reports/2017-10-02-note/budget.xlsx"));
}

#[test]
fn a_description_picks_renames_and_types_the_columns_of_its_source() {
    let site = site_with("Suivi budgétaire 2017 v3.xlsx", &xlsx(98.0));
    let note = site.path().join("content/reports/2017-10-02-note");
    fs::write(
        note.join("sites.yaml"),
        "source: \"Suivi budgétaire 2017 v3.xlsx\"\nsheet: Sites\nrange: A1:D4\ntitle: Sites\ncolumns:\n  - {from: Site, key: site}\n  - {from: \"Entrés\", key: entered, label: Stagiaires entrés, type: number}\n",
    )
    .unwrap();
    fs::write(
        note.join("index.md"),
        "---\ntitle: Note\ndate: 2017-10-02\n---\n```table\ndata: sites\ncolumns: [site, entered]\n```\n",
    )
    .unwrap();
    let out = site.path().join("output");
    build_ok(site.path(), &out, &[]);
    let files = tree(&out);
    let dir = "reports/2017-10-02-note/";
    assert!(
        !files.keys().any(|name| name.ends_with(".xlsx")),
        "{:?}",
        files.keys()
    );
    let csv = String::from_utf8_lossy(&files[&format!("{dir}sites.csv")]).into_owned();
    assert!(csv.contains("Site;Stagiaires entrés"), "{csv}");
    assert!(csv.contains("TPM;67"), "{csv}");
    assert!(!csv.contains("Taux"), "{csv}");

    fs::write(note.join("sites.yaml"), "source: ../budget.xlsx\n").unwrap();
    let result = build(site.path(), &out, &[]);
    assert!(
        stderr(&result)
            .contains("sites.yaml:1:9: `source` must name a spreadsheet beside this file"),
        "{}",
        stderr(&result)
    );
}

#[test]
fn new_report_copies_the_spreadsheets_byte_for_byte() {
    let site = site_with("Suivi 2017.xlsx", &xlsx(98.0));
    let note = site.path().join("content/reports/2017-10-02-note");
    fs::write(note.join("sites.yaml"), "source: Suivi 2017.xlsx\n").unwrap();
    fs::write(note.join("budget.csv"), CSV).unwrap();
    fs::write(
        note.join("index.md"),
        "---\ntitle: Note\ndate: 2017-10-02\n---\n```table\ndata: sites\n```\n\n```table\ndata: budget\n```\n",
    )
    .unwrap();
    let result = bilan(&[
        &"new",
        &"report",
        &"Suite",
        &"--date",
        &"2018-01-08",
        &"--root",
        &site.path(),
    ]);
    assert_eq!(result.status.code(), Some(0), "{}", stderr(&result));
    let folder = site.path().join("content/reports/2018-01-08-suite");
    for file in ["sites.yaml", "Suivi 2017.xlsx", "budget.csv"] {
        assert_eq!(
            fs::read(folder.join(file)).unwrap(),
            fs::read(note.join(file)).unwrap(),
            "{file}"
        );
    }
}

#[test]
fn a_hidden_sheet_is_read_only_when_named() {
    let mut book = rust_xlsxwriter::Workbook::new();
    for (name, site, hidden) in [("Brouillon", "Secret", true), ("Sites", "TPM", false)] {
        let sheet = book.add_worksheet();
        sheet.set_name(name).unwrap();
        sheet.write_string(0, 0, "Site").unwrap();
        sheet.write_string(1, 0, site).unwrap();
        sheet.set_hidden(hidden);
    }
    book.worksheet_from_index(1).unwrap().set_active(true);
    let bytes = book.save_to_buffer().unwrap();
    let site = site_with("sites.xlsx", &bytes);
    let note = site.path().join("content/reports/2017-10-02-note/index.md");
    let table = |data: &str| {
        format!("---\ntitle: Note\ndate: 2017-10-02\n---\n```table\ndata: {data}\n```\n")
    };
    fs::write(&note, table("sites")).unwrap();
    let out = site.path().join("output");
    build_ok(site.path(), &out, &[]);
    let html = read(out.join("reports/2017-10-02-note/index.html"));
    assert!(html.contains("TPM") && !html.contains("Secret"), "{html}");
    fs::write(&note, table("sites/Brouillon")).unwrap();
    build_ok(site.path(), &out, &[]);
    let html = read(out.join("reports/2017-10-02-note/index.html"));
    assert!(html.contains("Secret"), "{html}");
    assert!(
        out.join("reports/2017-10-02-note/sites-brouillon.csv")
            .is_file()
    );
}

#[test]
fn a_yaml_and_a_spreadsheet_of_one_name_are_an_error_that_names_both() {
    let site = site_with("sites.yaml", YAML.as_bytes());
    let note = site.path().join("content/reports/2017-10-02-note");
    fs::write(note.join("sites.csv"), CSV).unwrap();
    let result = build(site.path(), &site.path().join("output"), &[]);
    assert_eq!(result.status.code(), Some(1));
    let err = stderr(&result);
    assert!(
        err.contains("2017-10-02-note/sites.yaml` and `")
            && err.contains("2017-10-02-note/sites.csv` would both be the dataset `sites`"),
        "{err}"
    );
    fs::write(note.join("sites.xlsx"), xlsx(98.0)).unwrap();
    fs::remove_file(note.join("sites.yaml")).unwrap();
    let err = stderr(&build(site.path(), &site.path().join("output"), &[]));
    assert!(err.contains("would all be the dataset `sites`"), "{err}");
}
