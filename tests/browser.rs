//! Page tests in a real browser: every page of the example site and of fixture sites is
//! loaded in headless Chromium (served from a sub-folder and opened from disk), with no
//! console error, broken link or image, no axe-core violation, and no error from the Nu
//! HTML checker. The work is done by `tests/browser/check.mjs`.
//!
//! They need Chromium, Node.js with `npm ci` run in `tests/browser/`, and Java: `.ci/run`
//! installs them and sets `BILAN_BROWSER_TESTS=1`, which makes a missing tool a failure.
//! Elsewhere the test says what it skipped and why.

use std::path::{Path, PathBuf};
use std::process::Command;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn build(root: &Path, output: &Path, extra: &[&str]) {
    let result = Command::new(env!("CARGO_BIN_EXE_bilan"))
        .arg("build")
        .arg("--root")
        .arg(root)
        .arg("--output")
        .arg(output)
        .args(extra)
        .output()
        .expect("running bilan");
    assert!(
        result.status.success(),
        "{}",
        String::from_utf8_lossy(&result.stderr)
    );
}

/// What is missing to run the page tests, if anything.
fn missing_tools() -> Option<String> {
    let browser = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".to_owned());
    let checks = [
        (
            Path::new(&browser).exists(),
            "Chromium (apt-get install chromium)",
        ),
        (
            repo()
                .join("tests/browser/node_modules/playwright-core")
                .exists(),
            "the test's npm packages (npm ci in tests/browser)",
        ),
        (
            Command::new("node").arg("--version").output().is_ok(),
            "Node.js",
        ),
        (
            Command::new("java").arg("-version").output().is_ok(),
            "Java, for the Nu HTML checker",
        ),
    ];
    let missing: Vec<&str> = checks
        .iter()
        .filter(|(there, _)| !there)
        .map(|(_, what)| *what)
        .collect();
    (!missing.is_empty()).then(|| missing.join(", "))
}

#[test]
fn every_page_loads_clean_in_chromium_passes_axe_and_the_nu_checker() {
    if let Some(missing) = missing_tools() {
        assert!(
            std::env::var_os("BILAN_BROWSER_TESTS").is_none(),
            "BILAN_BROWSER_TESTS is set but these are missing: {missing}"
        );
        eprintln!("skipped the page tests in a browser: missing {missing} (.ci/run installs them)");
        return;
    }
    let out = tempfile::tempdir().unwrap();
    // A site as `bilan new site` starts it, in each language.
    let started = |name: &str, language: &str| {
        let root = out.path().join(name);
        let made = Command::new(env!("CARGO_BIN_EXE_bilan"))
            .args(["new", "site", "--language", language])
            .arg(&root)
            .output()
            .expect("running bilan new site");
        assert!(
            made.status.success(),
            "{}",
            String::from_utf8_lossy(&made.stderr)
        );
        root
    };
    let new_fr = started("new-site-fr", "fr");
    let new_en = started("new-site-en", "en");
    let sites = [
        (new_fr, "new-site-fr-built", vec!["--drafts"]),
        (new_en, "new-site-en-built", vec!["--drafts"]),
        (repo(), "example", vec![]),
        (
            repo(),
            "example-with-address",
            vec!["--base-url", "https://example.org/e2c/"],
        ),
        (
            repo().join("tests/fixtures/several"),
            "several",
            vec!["--drafts"],
        ),
        (repo().join("tests/fixtures/across"), "across", vec![]),
        (
            repo().join("tests/fixtures/french-writing"),
            "french-writing",
            vec!["--drafts"],
        ),
        (repo().join("tests/fixtures/progress"), "progress", vec![]),
    ];
    let mut dirs = Vec::new();
    for (root, name, extra) in &sites {
        let dir = out.path().join(name);
        build(root, &dir, extra);
        dirs.push(dir);
    }
    let result = Command::new("node")
        .arg(repo().join("tests/browser/check.mjs"))
        .args(&dirs)
        .output()
        .expect("running node");
    let report = String::from_utf8_lossy(&result.stdout);
    eprintln!("{report}{}", String::from_utf8_lossy(&result.stderr));
    assert!(
        result.status.success(),
        "the pages have problems:\n{report}"
    );
    assert!(report.contains(": 0 problems"), "{report}");
}
