//! What users count on for their output folder: a failed build leaves it as it was, and a
//! folder bilan did not make is never replaced.

use std::fs;

use super::*;

#[test]
fn a_failed_build_leaves_the_previous_output_untouched() {
    let site = example_copy();
    let out = site.path().join("output");
    build_ok(site.path(), &out, &[]);
    let before = tree(&out);
    assert!(before.contains_key("rapports/2017-10-02-point-d-avancement/index.html"));

    let data = site
        .path()
        .join("content/reports/2017-10-02-point-d-avancement/sites.yaml");
    fs::write(&data, read(&data).replace("entered: 67", "entered: \"67\"")).unwrap();
    let result = build(site.path(), &out, &[]);
    assert_eq!(result.status.code(), Some(1));
    assert!(
        stderr(&result).contains("sites.yaml:11:"),
        "{}",
        stderr(&result)
    );
    assert_eq!(
        tree(&out),
        before,
        "the previous site is byte for byte as it was"
    );

    let leftovers: Vec<_> = fs::read_dir(site.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with(".bilan"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "no temporary folder is left behind: {leftovers:?}"
    );
}

#[test]
fn a_successful_build_replaces_the_whole_previous_output() {
    let site = example_copy();
    let out = site.path().join("output");
    build_ok(site.path(), &out, &[]);
    fs::write(out.join("stale.html"), "from an older build").unwrap();
    build_ok(site.path(), &out, &[]);
    assert!(!out.join("stale.html").exists());
    assert!(out.join(".bilan-output").is_file());
}

#[test]
fn a_folder_bilan_did_not_make_is_never_replaced() {
    let site = example_copy();
    let mine = site.path().join("my-documents");
    fs::create_dir_all(&mine).unwrap();
    fs::write(mine.join("budget.xlsx"), "precious").unwrap();
    let result = build(site.path(), &mine, &[]);
    assert_eq!(result.status.code(), Some(1));
    assert!(
        stderr(&result).contains("already holds files that bilan did not make"),
        "{}",
        stderr(&result)
    );
    assert_eq!(read(mine.join("budget.xlsx")), "precious");
    assert_eq!(fs::read_dir(&mine).unwrap().count(), 1);

    for target in [
        site.path().to_path_buf(),
        site.path().join("content"),
        site.path().join(".."),
    ] {
        let result = build(site.path(), &target, &[]);
        assert_eq!(result.status.code(), Some(1), "{}", target.display());
    }
    assert!(site.path().join("content/site.yaml").is_file());
}
