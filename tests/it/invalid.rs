//! The corpus of bad input in `tests/fixtures/invalid/`: every case, run through `build`
//! and `check`, exits 1 with a message that names the file and line and says what was
//! expected, never panics nor hangs, and leaves the previous output as it was.

use std::fs;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use super::*;

/// Each case and what its report must say (file:line:column, then words of the message).
const CASES: &[(&str, &[&str])] = &[
    ("yaml-syntax", &["content/data/sites.yaml:4:3:"]),
    (
        "type-error",
        &["content/data/sites.yaml:7:40: `opened` expects a date written YYYY-MM-DD"],
    ),
    (
        "type-error",
        &[
            "content/data/sites.yaml:6:26: `entered` expects a whole number such as `67`, found the text \"67\"",
        ],
    ),
    (
        "duplicate-key",
        &["content/data/sites.yaml:1:28: duplicate mapping key `entered`"],
    ),
    ("alias-bomb", &["content/data/sites.yaml:3:8:"]),
    (
        "deep-nesting",
        &["content/data/sites.yaml:1:", "recursion limit"],
    ),
    (
        "not-utf8",
        &["content/reports/2017-10-02-note.md:5:5: this file is not UTF-8 text"],
    ),
    (
        "nul-byte",
        &["content/reports/2017-10-02-note.md:5:6: this file holds a NUL byte"],
    ),
    (
        "empty-file",
        &["content/reports/2017-10-02-note.md:1:1: no front matter at the top of this file"],
    ),
    (
        "unclosed-front-matter",
        &["content/reports/2017-10-02-note.md:1:1: the front matter that starts here never ends"],
    ),
    (
        "missing-site-yaml",
        &["content/site.yaml: there is no `site.yaml`"],
    ),
    ("same-slug", &["this gets the address `ete-2017`, like"]),
    (
        "bad-date",
        &[
            "content/reports/2017-02-30-note.md:3:7: `date` must be a date written YYYY-MM-DD, found \"2017-02-30\"",
        ],
    ),
    (
        "broken-block-yaml",
        &[
            "2017-10-02-note/index.md:9:10:",
            "2017-10-02-note/index.md:15:4:",
        ],
    ),
    ("template-syntax", &["themes/mine/templates/report.html:3:"]),
    (
        "unknown-template",
        &[
            "themes/mine/templates/page.html:1:13: `page.html` uses the template `layout.html`, which is in no theme",
        ],
    ),
    (
        "theme-climbs",
        &["content/site.yaml:2:8: `theme` must be the name of a folder in `themes/`"],
    ),
    (
        "image-climbs",
        &["content/reports/2017-10-02-note.md:4:8: `image` must be a file beside the note"],
    ),
    (
        "wrong-total",
        &["sites.yaml:7:18: the total of `entered` is given as 102 but the rows add up to 92"],
    ),
    (
        "unknown-key",
        &["content/reports/2017-10-02-note.md:4:1: unknown key `sumary`"],
    ),
    (
        "pie-negative",
        &[
            "content/reports/2019-06-28-note/index.md:6:7: a pie cannot show a negative figure: `result` of `Saint-Étienne-du-Rouvray` is −12\u{202F}500,50\u{A0}€",
            "help: use `type: bar`",
        ],
    ),
    (
        "percent-bare",
        &[
            "content/reports/2019-06-28-note/rates.yaml:6:26: `rate` holds fractions, so `12.5` would be 1250 %",
            "help: write `0.125` or `12,5 %` for 12,5 %",
        ],
    ),
    (
        "french-colon",
        &[
            "content/reports/2019-03-29-note.md:2:16: the value of `title` holds ` : `, which YAML reads as a new key",
            "help: put the text in quotes: `title: \"Note T1 : activité des sites\"`",
        ],
    ),
    (
        "tab-indent",
        &[
            "content/reports/2019-03-29-note.md:9:1: this line is indented with a tab",
            "help: indent with spaces",
        ],
    ),
    (
        "sheet-ragged-csv",
        &["2017-10-02-note/sites.csv:3:3: this line has 3 fields where the header has 2"],
    ),
    (
        "sheet-not-a-zip",
        &["2017-10-02-note/sites.xlsx: this file is not a workbook: it is not a zip file"],
    ),
    (
        "sheet-password",
        &["2017-10-02-note/sites.xlsx: this workbook is protected by a password"],
    ),
    (
        "sheet-merged",
        &["2017-10-02-note/sites.xlsx: Sites!A4:B4: the cells `A4:B4` are merged"],
    ),
    (
        "sheet-error-cell",
        &["2017-10-02-note/sites.xlsx: Sites!B3: this cell holds the error `#DIV/0!`"],
    ),
    (
        "sheet-no-cached-value",
        &[
            "2017-10-02-note/sites.xlsx: Sites!B4: this formula was saved without its value",
            "open the file in its spreadsheet program and save it again",
        ],
    ),
    (
        "sheet-million-rows",
        &["2017-10-02-note/sites.xlsx: Sites!B1048576: the sheet `Sites` reaches cell B1048576"],
    ),
    (
        "hash-comment",
        &[
            "content/reports/2019-03-29-note.md:2:13: the `#` in the value of `title` starts a comment: `title` reads only \"Note\"",
            "help: put the text in quotes: `title: \"Note #3\"`",
        ],
    ),
    (
        "windows-names",
        &[
            "content/pages/aux.md: Windows cannot hold a file named `aux.md`: it keeps `AUX` for a device, whatever the extension",
            "help: rename it: Windows cannot make it, so the site would not build there",
            "content/data/sites.yaml: Windows cannot hold both `Sites.yaml` and `sites.yaml` in one folder: it does not tell names apart by case",
            "help: rename one of them: on Windows they would be one file, so the site would not build there",
            "2 problems found",
        ],
    ),
];

/// Runs bilan and kills it if it takes longer than a generous bound: a hang is a failure.
/// Builds the site at `root` into its `output/` under the same bound.
fn build_bounded(root: &Path) -> (Output, Duration) {
    run_bounded(&[
        &"build",
        &"--root",
        &root,
        &"--output",
        &root.join("output"),
    ])
}

fn run_bounded(args: &[&dyn AsRef<std::ffi::OsStr>]) -> (Output, Duration) {
    let started = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_bilan"))
        .args(args.iter().map(|a| a.as_ref()))
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > Duration::from_secs(30) {
            let _ = child.kill();
            panic!(
                "bilan {:?} did not finish in 30 s",
                args.iter()
                    .map(|a| a.as_ref().to_owned())
                    .collect::<Vec<_>>()
            );
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    (child.wait_with_output().unwrap(), started.elapsed())
}

#[test]
fn every_bad_input_is_a_located_problem_and_the_previous_output_stays() {
    let out = tempfile::tempdir().unwrap();
    let out = out.path().join("output");
    build_ok(&repo(), &out, &[]);
    let previous = tree(&out);
    for (case, expected) in CASES {
        let root = fixture(&format!("invalid/{case}"));
        let (built, _) = run_bounded(&[&"build", &"--root", &root, &"--output", &out]);
        let (checked, _) = run_bounded(&[&"check", &"--root", &root]);
        for (command, result) in [("build", &built), ("check", &checked)] {
            let err = stderr(result);
            assert_eq!(result.status.code(), Some(1), "{command} {case}:\n{err}");
            assert!(!err.contains("panicked"), "{command} {case}:\n{err}");
            for words in *expected {
                assert!(
                    err.contains(words),
                    "{command} {case}: missing `{words}` in:\n{err}"
                );
            }
        }
        assert_eq!(
            tree(&out),
            previous,
            "the failed build of {case} changed the previous output"
        );
    }
}

#[test]
fn a_50_megabyte_dataset_is_refused_quickly() {
    let site = example_copy();
    let data = site.path().join("content/data");
    fs::create_dir_all(&data).unwrap();
    let row =
        "  - {site: Provence Verte, opened: 2017-09-25, entered: 10, forecast: 30, companies: 0}\n";
    let mut text = String::from("rows:\n");
    while text.len() < 50_000_000 {
        text.push_str(row);
    }
    fs::write(data.join("huge.yaml"), text).unwrap();
    let (result, _) = build_bounded(site.path());
    let err = stderr(&result);
    assert_eq!(result.status.code(), Some(1), "{err}");
    assert!(
        err.contains("content/data/huge.yaml: this file is 50 MB, more than the 16 MB bilan reads"),
        "{err}"
    );
}

#[test]
fn a_file_that_links_outside_the_site_is_not_read() {
    let site = example_copy();
    let outside = tempfile::tempdir().unwrap();
    fs::write(outside.path().join("secret.yaml"), "- {a: secret}\n").unwrap();
    fs::create_dir_all(site.path().join("content/data")).unwrap();
    symlink(
        outside.path().join("secret.yaml"),
        site.path().join("content/data/secret.yaml"),
    );
    let (result, _) = build_bounded(site.path());
    let err = stderr(&result);
    assert_eq!(result.status.code(), Some(1), "{err}");
    assert!(
        err.contains(
            "content/data/secret.yaml: this symbolic link leads outside the site's folder"
        ),
        "{err}"
    );
}
