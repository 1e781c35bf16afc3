//! The whole of what `build` prints for every site of `tests/fixtures/invalid/`: message,
//! location, the offending line with its caret, and the hint, pinned as one snapshot per
//! site (`tests/it/snapshots/`), so that a lost caret or hint fails a test. The tests of
//! `invalid.rs` that look for words in the message stay beside it.

use super::*;

#[test]
fn every_invalid_site_prints_what_its_snapshot_holds() {
    let invalid = fixture("invalid");
    let mut names: Vec<String> = fs::read_dir(&invalid)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(names.len() > 20, "the invalid fixtures are found");
    for (name, lang) in names.iter().flat_map(|name| [(name, "en"), (name, "fr")]) {
        let root = invalid.join(name);
        let out = tempfile::tempdir().unwrap();
        let output = out.path().join("output");
        // Run from the site's root, with the default output, so that paths are as a
        // writer sees them and none is a temporary folder's.
        let run = Command::new(env!("CARGO_BIN_EXE_bilan"))
            .args(["build", "--lang", lang, "--output"])
            .arg(&output)
            .current_dir(&root)
            .env("NO_COLOR", "1")
            .output()
            .expect("running bilan");
        assert_eq!(
            run.status.code(),
            Some(1),
            "{name} ({lang}) fails with status 1"
        );
        let shown = out.path().display().to_string();
        let stderr = String::from_utf8_lossy(&run.stderr).replace(&shown, "OUT");
        // The English snapshots keep their names from before the messages were French too.
        let snapshot = match lang {
            "en" => format!("invalid-{name}"),
            _ => format!("invalid-{name}-fr"),
        };
        insta::assert_snapshot!(snapshot, stderr);
    }
}
