//! `bilan check` and `bilan new report`: what a writer runs before publishing, and how the
//! next quarter starts.

use std::fs;

use super::*;

#[test]
fn check_lists_a_broken_link_a_broken_anchor_an_unknown_dataset_and_a_wrong_total() {
    let result = bilan(&[&"check", &"--root", &fixture("invalid/check-errors")]);
    let err = stderr(&result);
    assert_eq!(result.status.code(), Some(1), "{err}");
    let note = "content/reports/2017-10-02-point-d-avancement";
    for expected in [
        format!(
            "{note}/index.md:5:6: the link `../2017-07-03-point-d-avancment/` leads to nothing in the site"
        ),
        format!(
            "{note}/index.md:6:1: the link `../2017-07-03-point-d-avancement/#sites-e2k` names the anchor `#sites-e2k`"
        ),
        format!("{note}/index.md:9:7: there is no dataset named `stes`"),
        format!(
            "{note}/budget.yaml:7:17: the total of `amount` is given as 1\u{202F}221\u{202F}846\u{A0}€ but the rows add up to 977\u{202F}477\u{A0}€"
        ),
    ] {
        assert!(err.contains(&expected), "missing `{expected}` in:\n{err}");
    }
    assert!(
        err.contains("did you mean `/reports/2017-07-03-point-d-avancement/`?"),
        "{err}"
    );
    assert!(err.contains("did you mean `#sites-e2c`?"), "{err}");
    assert!(err.contains("error: 4 problems found"), "{err}");
}

#[test]
fn check_passes_on_the_example_and_writes_nothing() {
    let site = example_copy();
    let result = bilan(&[&"check", &"--root", &site.path()]);
    assert_eq!(result.status.code(), Some(0), "{}", stderr(&result));
    assert!(
        String::from_utf8_lossy(&result.stdout).contains("no problems: 9 pages, 1 table, 2 charts")
    );
    assert!(!site.path().join("output").exists(), "check writes nothing");
}

#[test]
fn a_build_fails_on_a_broken_internal_link() {
    let site = example_copy();
    let note = site
        .path()
        .join("content/reports/2017-10-02-point-d-avancement/index.md");
    fs::write(
        &note,
        read(&note) + "\nVoir [la charte](../../charte.pdf).\n",
    )
    .unwrap();
    let result = build(site.path(), &site.path().join("output"), &[]);
    assert_eq!(result.status.code(), Some(1));
    assert!(
        stderr(&result)
            .contains("index.md:70:6: the link `../../charte.pdf` leads to nothing in the site"),
        "{}",
        stderr(&result)
    );
    assert!(!site.path().join("output").exists());
}

#[test]
fn links_keep_their_case_as_web_hosts_do() {
    // `Logo.png` finds `logo.png` on a Windows disk, but not once the site is online.
    let site = example_copy();
    let folder = site
        .path()
        .join("content/reports/2017-10-02-point-d-avancement");
    // A real picture: the example makes a PDF of the note, which reads it.
    fs::copy(
        fixture("french-writing").join("content/static/logo.png"),
        folder.join("logo.png"),
    )
    .unwrap();
    let note = folder.join("index.md");
    let text = read(&note) + "\n![Logo](Logo.png)\n";
    let line = text.lines().count();
    fs::write(&note, text).unwrap();
    let result = bilan(&[&"check", &"--root", &site.path()]);
    let err = stderr(&result);
    assert_eq!(result.status.code(), Some(1), "{err}");
    assert!(
        err.contains(&format!(
            "index.md:{line}:1: the link `Logo.png` leads to nothing in the site"
        )),
        "{err}"
    );
    assert!(
        err.contains("did you mean `/rapports/2017-10-02-point-d-avancement/logo.png`?"),
        "{err}"
    );

    fs::write(&note, read(&note).replace("(Logo.png)", "(logo.png)")).unwrap();
    let result = bilan(&[&"check", &"--root", &site.path()]);
    assert_eq!(result.status.code(), Some(0), "{}", stderr(&result));
}

#[test]
fn a_menu_link_that_leads_nowhere_is_located_in_site_yaml() {
    let site = example_copy();
    let config = site.path().join("content/site.yaml");
    fs::write(
        &config,
        read(&config).replace(
            "  - {title: Rapports, url: rapports/}",
            "  - {title: Rapports, url: rapports/}\n  - {title: À propos, url: a-propos/}",
        ),
    )
    .unwrap();
    let err = stderr(&bilan(&[&"check", &"--root", &site.path()]));
    assert!(
        err.contains(
            "content/site.yaml:8:5: menu: the link `a-propos/` leads to nothing in the site"
        ),
        "{err}"
    );
}

#[test]
fn new_report_starts_from_the_latest_note_and_checks() {
    let site = example_copy();
    let root = site.path();
    let new_report = || {
        bilan(&[
            &"new",
            &"report",
            &"Point d'avancement",
            &"--date",
            &"2018-01-08",
            &"--root",
            &root,
        ])
    };
    let result = new_report();
    assert_eq!(result.status.code(), Some(0), "{}", stderr(&result));
    let folder = root.join("content/reports/2018-01-08-point-d-avancement");
    let latest = root.join("content/reports/2017-10-02-point-d-avancement");
    assert_eq!(
        fs::read(folder.join("sites.yaml")).unwrap(),
        fs::read(latest.join("sites.yaml")).unwrap()
    );
    let note = read(folder.join("index.md"));
    assert!(
        note.starts_with("---\ntitle: Point d'avancement\ndate: 2018-01-08\n"),
        "{note}"
    );
    for heading in [
        "## Sites E2C",
        "## Financements",
        "## Prochaines étapes",
        "```table\ndata: sites",
    ] {
        assert!(note.contains(heading), "{heading} in {note}");
    }
    assert!(
        !note.contains("Cette note présente"),
        "the text is the writer's to write"
    );

    // The new note is a draft: checked with `--drafts`, left out without.
    let check = bilan(&[&"check", &"--root", &root, &"--drafts"]);
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    assert!(String::from_utf8_lossy(&check.stdout).contains("10 pages, 2 tables, 4 charts"));

    // Never over an existing note.
    fs::write(folder.join("index.md"), "mine").unwrap();
    let again = new_report();
    assert_eq!(again.status.code(), Some(1));
    assert!(
        stderr(&again).contains("already exists; nothing was changed"),
        "{}",
        stderr(&again)
    );
    assert_eq!(read(folder.join("index.md")), "mine");
}
