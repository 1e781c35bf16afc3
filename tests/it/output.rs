//! What users count on for their output folder: a failed build leaves it as it was, and a
//! folder bilan did not make is never replaced.

use std::fs;
use std::path::Path;

use super::*;

/// The folders bilan made beside an output in `dir` (`.bilan-new-…`, `.bilan-old-…`), sorted.
fn bilan_folders(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with(".bilan"))
        .collect();
    names.sort();
    names
}

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

    let leftovers = bilan_folders(site.path());
    assert!(
        leftovers.is_empty(),
        "no temporary folder is left behind: {leftovers:?}"
    );
}

#[test]
fn a_build_that_fails_after_writing_pages_leaves_the_previous_output_untouched() {
    // A broken link is only found once every page is rendered, and so written into the new
    // site in the making: that new site must go, and the output stay as it was.
    let site = example_copy();
    let out = site.path().join("output");
    build_ok(site.path(), &out, &[]);
    let before = tree(&out);
    let index = site
        .path()
        .join("content/reports/2017-10-02-point-d-avancement/index.md");
    fs::write(
        &index,
        read(&index) + "\nVoir [la note suivante](../2018-01-08-nulle-part/).\n",
    )
    .unwrap();
    let result = build(site.path(), &out, &[]);
    assert_eq!(result.status.code(), Some(1), "{}", stderr(&result));
    assert!(
        stderr(&result).contains("leads to nothing in the site"),
        "{}",
        stderr(&result)
    );
    assert_eq!(tree(&out), before);
    let leftovers = bilan_folders(site.path());
    assert!(leftovers.is_empty(), "{leftovers:?}");
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
fn a_build_cleans_up_after_its_own_output_only() {
    // Two sites built into two folders side by side: what a killed build of one left is
    // removed by its next build, and the other's folder in the making is left alone (it
    // may be another build, running at the same time).
    let site = example_copy();
    let out = site.path().join("public");
    let own = [".bilan-new-public-a1B2c3", ".bilan-old-public-d4E5f6"];
    let others = [
        ".bilan-new-output-a1B2c3",
        ".bilan-new-public-x-a1B2c3",
        ".bilan-new-public-notes",
    ];
    for name in own.iter().chain(&others) {
        fs::create_dir(site.path().join(name)).unwrap();
        fs::write(site.path().join(name).join(".bilan-output"), "").unwrap();
    }
    build_ok(site.path(), &out, &[]);
    let left = bilan_folders(site.path());
    let mut expected = others.to_vec();
    expected.sort();
    assert_eq!(left, expected);
}

// Files are told apart by their inode, which only Unix gives.
#[cfg(unix)]
#[test]
fn a_rebuild_makes_new_files_only_for_the_pages_that_changed() {
    use std::os::unix::fs::MetadataExt;
    let site = tempfile::tempdir().unwrap();
    copy_dir(&fixture("several"), site.path());
    let out = site.path().join("output");
    let inodes = |out: &Path| -> std::collections::BTreeMap<String, u64> {
        tree(out)
            .into_keys()
            .map(|path| {
                let inode = fs::metadata(out.join(&path)).unwrap().ino();
                (path, inode)
            })
            .collect()
    };
    build_ok(site.path(), &out, &[]);
    let first = inodes(&out);
    assert!(first.contains_key("reports/2018-01-08-q4-2017/index.html"));

    // Nothing changed: every page and CSV of the new output is the previous one's file.
    build_ok(site.path(), &out, &[]);
    let same = inodes(&out);
    for (path, inode) in &same {
        if path != ".bilan-output" {
            assert_eq!(first.get(path), Some(inode), "{path} was written again");
        }
    }

    // One note's text changed: its page is new, the other pages are kept.
    let note = site
        .path()
        .join("content/reports/2018-04-09-q1-2018/index.md");
    fs::write(&note, read(&note) + "\nUne phrase de plus.\n").unwrap();
    build_ok(site.path(), &out, &[]);
    let after = inodes(&out);
    assert_ne!(
        after["reports/2018-04-09-q1-2018/index.html"],
        first["reports/2018-04-09-q1-2018/index.html"]
    );
    assert!(
        read(out.join("reports/2018-04-09-q1-2018/index.html")).contains("Une phrase de plus.")
    );
    assert_eq!(
        after["reports/2018-01-08-q4-2017/index.html"],
        first["reports/2018-01-08-q4-2017/index.html"]
    );
    // And the output is what a build from nothing makes.
    let fresh = tempfile::tempdir().unwrap();
    build_ok(site.path(), &fresh.path().join("output"), &[]);
    assert_eq!(tree(&out), tree(&fresh.path().join("output")));
}

#[test]
fn a_clash_leaves_the_previous_output_untouched_though_its_files_are_linked() {
    // The page `about` is unchanged, so the new site links it from the previous output;
    // a static file then claims the same place. Writing it there would write into the
    // previous output's file: the build must report the clash and change nothing.
    let site = tempfile::tempdir().unwrap();
    copy_dir(&fixture("several"), site.path());
    let out = site.path().join("output");
    build_ok(site.path(), &out, &[]);
    let before = tree(&out);
    let clashing = site.path().join("content/static/about/index.html");
    fs::create_dir_all(clashing.parent().unwrap()).unwrap();
    fs::write(&clashing, "<p>not the about page</p>").unwrap();
    let result = build(site.path(), &out, &[]);
    assert_eq!(result.status.code(), Some(1), "{}", stderr(&result));
    assert!(
        stderr(&result).contains("would be published as `about/index.html`"),
        "{}",
        stderr(&result)
    );
    assert_eq!(
        tree(&out),
        before,
        "the previous output is byte for byte as it was"
    );
}

#[test]
fn a_file_and_a_folder_of_one_name_are_a_clash() {
    // The page `about` is published as the folder `about/`; a static file named `about`
    // cannot be beside it. Whichever is written first, the build says so.
    let site = tempfile::tempdir().unwrap();
    copy_dir(&fixture("several"), site.path());
    fs::write(site.path().join("content/static/about"), "a file").unwrap();
    let out = site.path().join("output");
    let result = build(site.path(), &out, &[]);
    assert_eq!(result.status.code(), Some(1), "{}", stderr(&result));
    assert!(
        stderr(&result).contains(
            "this would be published as `about`, but that is also the folder of `about/index.html`"
        ),
        "{}",
        stderr(&result)
    );
    assert!(!out.exists());
}

// Files are told apart by their inode, which only Unix gives.
#[cfg(unix)]
#[test]
fn unchanged_static_files_are_not_copied_again_and_changed_ones_are() {
    use std::os::unix::fs::MetadataExt;
    let site = tempfile::tempdir().unwrap();
    copy_dir(&fixture("several"), site.path());
    let out = site.path().join("output");
    let inode = |path: &str| fs::metadata(out.join(path)).unwrap().ino();
    build_ok(site.path(), &out, &[]);
    let (charter, map) = (
        inode("charter.pdf"),
        inode("reports/2018-01-08-q4-2017/map.svg"),
    );

    // Nothing changed: the new output links the files of the previous one.
    build_ok(site.path(), &out, &[]);
    assert_eq!(
        inode("charter.pdf"),
        charter,
        "a static file is not copied again"
    );
    assert_eq!(inode("reports/2018-01-08-q4-2017/map.svg"), map);
    assert_eq!(
        fs::read(out.join("charter.pdf")).unwrap(),
        fs::read(site.path().join("content/static/charter.pdf")).unwrap()
    );

    // A file rewritten with as many bytes: its new time tells it apart, and it is copied.
    let source = site.path().join("content/static/charter.pdf");
    let text = fs::read(&source).unwrap();
    let mut changed = text.clone();
    changed[0] ^= 1;
    std::thread::sleep(std::time::Duration::from_millis(20));
    fs::write(&source, &changed).unwrap();
    build_ok(site.path(), &out, &[]);
    assert_ne!(inode("charter.pdf"), charter);
    assert_eq!(fs::read(out.join("charter.pdf")).unwrap(), changed);
    assert_eq!(inode("reports/2018-01-08-q4-2017/map.svg"), map);
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

/// A site of `count` short notes, each saying `word`.
fn many_notes(root: &std::path::Path, count: usize, word: &str) {
    let reports = root.join("content/reports");
    fs::create_dir_all(&reports).unwrap();
    fs::write(root.join("content/site.yaml"), "title: Many\n").unwrap();
    for i in 0..count {
        let text =
            format!("---\ntitle: Note {i}\ndate: 2017-01-01\n---\n## {word}\n\n{word} {i}.\n");
        fs::write(reports.join(format!("note-{i:04}.md")), text).unwrap();
    }
}

#[test]
fn an_interrupted_build_leaves_the_old_site_or_the_new_one_never_a_mix() {
    let site = tempfile::tempdir().unwrap();
    let out = site.path().join("output");
    many_notes(site.path(), 400, "avant");
    build_ok(site.path(), &out, &[]);
    let old = tree(&out);
    many_notes(site.path(), 400, "après");
    let scratch = tempfile::tempdir().unwrap();
    build_ok(site.path(), &scratch.path().join("new"), &[]);
    let new = tree(&scratch.path().join("new"));
    assert_ne!(old, new);

    let mut outcomes = std::collections::BTreeSet::new();
    for delay in [5, 20, 60, 120, 200, 300, 450, 700, 1_000, 3_000] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_bilan"))
            .args(["build", "--root"])
            .arg(site.path())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay));
        let _ = child.kill();
        let _ = child.wait();
        let now = tree(&out);
        let outcome = if now == old {
            "old"
        } else if now == new {
            "new"
        } else {
            panic!("after a kill at {delay} ms the output is neither the old site nor the new one");
        };
        outcomes.insert(outcome);
        if outcome == "new" {
            // Start again from the old site for the next try.
            build_ok(site.path(), &out, &[]);
            many_notes(site.path(), 400, "avant");
            build_ok(site.path(), &out, &[]);
            many_notes(site.path(), 400, "après");
        }
    }
    // The next build cleans what the killed ones left beside the output.
    build_ok(site.path(), &out, &[]);
    assert_eq!(tree(&out), new);
    let leftovers = bilan_folders(site.path());
    assert!(leftovers.is_empty(), "{leftovers:?}");
    eprintln!("outcomes of the killed builds: {outcomes:?}");
}
