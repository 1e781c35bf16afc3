//! Sites that must fail, each with its problems named by file, line and column.

use super::*;

/// Builds an invalid fixture; returns its error output after checking the exit status.
fn failing(name: &str) -> String {
    let out = tempfile::tempdir().unwrap();
    let result = build(
        &fixture(&format!("invalid/{name}")),
        &out.path().join("output"),
        &[],
    );
    assert_eq!(result.status.code(), Some(1), "{}", stderr(&result));
    assert!(
        !out.path().join("output").exists(),
        "a failed build writes nothing"
    );
    stderr(&result)
}

#[test]
fn a_declared_total_that_does_not_match_gives_both_figures() {
    let err = failing("wrong-total");
    assert!(
        err.contains("invalid/wrong-total/content/reports/2017-10-02-note/sites.yaml:7:18: the total of `entered` is given as 102 but the rows add up to 92"),
        "{err}"
    );
    assert!(
        err.contains("7 | total: {entered: 102}"),
        "the line is shown: {err}"
    );
}

#[test]
fn type_errors_in_a_dataset_are_all_reported_at_their_place() {
    let err = failing("type-error");
    assert!(err.contains("content/data/sites.yaml:6:26: `entered` expects a whole number such as `67`, found the text \"67\""), "{err}");
    assert!(err.contains("help: remove the quotes"), "{err}");
    assert!(
        err.contains("content/data/sites.yaml:7:40: `opened` expects a date written YYYY-MM-DD"),
        "{err}"
    );
    assert!(err.contains("2 problems found"), "{err}");
}

#[test]
fn an_unknown_front_matter_key_names_the_closest() {
    let err = failing("unknown-key");
    assert!(
        err.contains("content/reports/2017-10-02-note.md:4:1: unknown key `sumary`"),
        "{err}"
    );
    assert!(err.contains("did you mean `summary`?"), "{err}");
}

#[test]
fn problems_from_several_files_are_listed_together() {
    let site = example_copy();
    let note = site
        .path()
        .join("content/reports/2017-10-02-point-d-avancement/index.md");
    let text = read(&note)
        .replace("data: sites\n", "data: site\n")
        .replace("period:", "perod:");
    std::fs::write(&note, text).unwrap();
    let result = build(site.path(), &site.path().join("output"), &[]);
    let err = stderr(&result);
    assert_eq!(result.status.code(), Some(1), "{err}");
    assert!(err.contains("index.md:4:1: unknown key `perod`"), "{err}");

    // Once the front matter is right, the dataset name is checked.
    let text = read(&note).replace("perod:", "period:");
    std::fs::write(&note, text).unwrap();
    let err = stderr(&build(site.path(), &site.path().join("output"), &[]));
    assert!(
        err.contains("index.md:20:7: there is no dataset named `site`"),
        "{err}"
    );
    assert!(err.contains("did you mean `sites`?"), "{err}");
}

#[test]
fn a_folder_without_site_yaml_is_not_a_site() {
    let empty = tempfile::tempdir().unwrap();
    let result = build(empty.path(), &empty.path().join("output"), &[]);
    assert_eq!(result.status.code(), Some(1));
    assert!(
        stderr(&result).contains("there is no `site.yaml`"),
        "{}",
        stderr(&result)
    );
}

#[test]
fn a_wrong_command_line_exits_with_2() {
    assert_eq!(bilan(&[&"build", &"--no-such-flag"]).status.code(), Some(2));
    assert_eq!(bilan(&[&"publish"]).status.code(), Some(2));
}

#[test]
fn a_template_error_in_a_site_theme_is_located() {
    let site = tempfile::tempdir().unwrap();
    copy_dir(&fixture("theme-override"), site.path());
    std::fs::write(
        site.path().join("themes/custom/templates/report.html"),
        "{% extends \"base.html\" %}\n{% block content %}\n{{ page.title | no_such_filter }}\n{% endblock content %}\n",
    )
    .unwrap();
    let result = build(site.path(), &site.path().join("output"), &[]);
    let err = stderr(&result);
    assert_eq!(result.status.code(), Some(1), "{err}");
    assert!(
        err.contains("themes/custom/templates/report.html:3:"),
        "{err}"
    );
}

#[test]
fn chart_blocks_that_name_what_does_not_exist_are_located() {
    let err = failing("chart-errors");
    let note = "chart-errors/content/reports/2017-10-02-note/index.md";
    for expected in [
        format!("{note}:7:7: there is no dataset named `site`"),
        format!("{note}:15:4: the dataset `sites` has no column `forcast`"),
        format!("{note}:21:4: `site` holds text, not figures, so it cannot be drawn"),
        format!("{note}:25:7: unknown chart type `donut`"),
    ] {
        assert!(err.contains(&expected), "missing `{expected}` in:\n{err}");
    }
    assert!(err.contains("did you mean `forecast`?"), "{err}");
    assert!(err.contains("4 problems found"), "{err}");
}

#[test]
fn a_folder_of_the_site_that_links_outside_is_refused() {
    let site = example_copy();
    let elsewhere = tempfile::tempdir().unwrap();
    copy_dir(&site.path().join("content/reports"), elsewhere.path());
    std::fs::remove_dir_all(site.path().join("content/reports")).unwrap();
    symlink(elsewhere.path(), site.path().join("content/reports"));
    let result = build(site.path(), &site.path().join("output"), &[]);
    let err = stderr(&result);
    assert_eq!(result.status.code(), Some(1), "{err}");
    assert!(
        err.contains("content/reports: this symbolic link leads outside the site's folder"),
        "{err}"
    );
}

#[test]
fn a_block_indented_in_a_list_is_located_at_its_real_column() {
    let site = example_copy();
    let note = site
        .path()
        .join("content/reports/2017-10-02-point-d-avancement/index.md");
    std::fs::write(
        &note,
        read(&note) + "\n- Les sites :\n\n  ```table\n  data: stes\n  ```\n",
    )
    .unwrap();
    let err = stderr(&build(site.path(), &site.path().join("output"), &[]));
    assert!(
        err.contains("index.md:73:9: there is no dataset named `stes`"),
        "{err}"
    );
    assert!(
        err.contains("73 |   data: stes\n   |         ^^^^"),
        "{err}"
    );
}

#[test]
fn names_windows_cannot_hold_are_found_everywhere_the_site_is_read_in_one_run() {
    let site = example_copy();
    let root = site.path();
    let note = root.join("content/reports/2017-10-02-point-d-avancement");
    fs::write(note.join("notes."), "a final dot").unwrap();
    fs::create_dir_all(note.join("Con")).unwrap();
    fs::write(note.join("Con/plan.pdf"), "%PDF").unwrap();
    fs::create_dir_all(root.join("content/static")).unwrap();
    fs::write(root.join("content/static/plan: v2.pdf"), "%PDF").unwrap();
    fs::write(root.join("content/static/charte.pdf "), "%PDF").unwrap();
    // A space before the extension is fine.
    fs::write(root.join("content/static/charte v2.pdf"), "%PDF").unwrap();
    let theme = root.join("themes/mine/static");
    fs::create_dir_all(&theme).unwrap();
    fs::write(theme.join("Logo.svg"), "<svg/>").unwrap();
    fs::write(theme.join("logo.svg"), "<svg/>").unwrap();
    let config = root.join("content/site.yaml");
    fs::write(&config, read(&config) + "theme: mine\n").unwrap();

    for result in [
        build(root, &root.join("output"), &[]),
        bilan(&[&"check", &"--root", &root]),
    ] {
        let err = stderr(&result);
        assert_eq!(result.status.code(), Some(1), "{err}");
        for expected in [
            "content/reports/2017-10-02-point-d-avancement/notes.: Windows cannot hold a file named `notes.`: it drops a dot at the end of a name",
            "content/reports/2017-10-02-point-d-avancement/Con: Windows cannot hold a folder named `Con`: it keeps `CON` for a device, whatever the extension",
            "content/static/plan: v2.pdf: Windows cannot hold a file named `plan: v2.pdf`: it allows no `:` in a name",
            "content/static/charte.pdf : Windows cannot hold a file named `charte.pdf `: it drops a space at the end of a name",
            "themes/mine/static/logo.svg: Windows cannot hold both `Logo.svg` and `logo.svg` in one folder",
            "5 problems found",
        ] {
            assert!(err.contains(expected), "missing `{expected}` in:\n{err}");
        }
    }
}
