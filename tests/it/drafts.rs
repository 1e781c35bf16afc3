//! Drafts: left out of a build and said so, shown by `serve` and `--drafts` with a mark, and
//! never in the feed, the sitemap, the latest report, previous/next links or a chart that
//! follows a dataset across reports.

use super::*;

fn built(extra: &[&str]) -> (tempfile::TempDir, Output) {
    let out = tempfile::tempdir().unwrap();
    let result = build(&fixture("drafts"), out.path(), extra);
    assert!(result.status.success(), "{}", stderr(&result));
    (out, result)
}

#[test]
fn a_build_says_which_drafts_it_left_out() {
    let (out, result) = built(&[]);
    let stdout = String::from_utf8_lossy(&result.stdout);
    let shown = fixture("drafts").join("content/reports/2018-04-15-work-in-progress/index.md");
    assert!(
        stdout.contains(&format!(
            "note: 1 draft left out: `{}`; add --drafts to preview it\n",
            shown.display()
        )),
        "{stdout}"
    );
    assert!(
        !out.path()
            .join("reports/2018-04-15-work-in-progress")
            .exists()
    );
    let (_, with) = built(&["--drafts"]);
    assert!(
        !String::from_utf8_lossy(&with.stdout).contains("draft"),
        "nothing is left out with --drafts"
    );
}

#[test]
fn a_draft_shown_is_marked_and_never_published_anywhere_else() {
    let (out, _) = built(&["--drafts", "--base-url", "https://example.org/e2c/"]);
    let page = read(
        out.path()
            .join("reports/2018-04-15-work-in-progress/index.html"),
    );
    assert!(
        page.contains("<meta name=\"robots\" content=\"noindex\">"),
        "{page}"
    );
    assert!(page.contains("class=\"draft-notice\""), "{page}");
    assert!(
        !page.contains("class=\"pager"),
        "a draft links to no neighbour: {page}"
    );

    let home = read(out.path().join("index.html"));
    let latest =
        &home[home.find("class=\"latest\"").unwrap()..home.find("class=\"archive\"").unwrap()];
    assert!(
        latest.contains("Spring note"),
        "the latest is published: {latest}"
    );
    assert!(
        home.contains("Work in progress</a> <span class=\"draft-mark\">Brouillon</span>"),
        "{home}"
    );

    let spring = read(out.path().join("reports/2018-03-15-spring/index.html"));
    assert!(
        !spring.contains("Work in progress"),
        "no link to the draft: {spring}"
    );
    assert!(
        !spring.contains("999"),
        "the draft is no point of the chart: {spring}"
    );
    assert!(
        spring.contains("TPM — 15/01/2018 : 40, 15/03/2018 : 55"),
        "{spring}"
    );
    assert!(!spring.contains("noindex"));

    // The draft's own chart shows its figures after the published ones.
    assert!(
        page.contains("TPM — 15/01/2018 : 40, 15/03/2018 : 55, 15/04/2018 : 999"),
        "{page}"
    );

    let feed = read(out.path().join("feed.xml"));
    assert!(
        !feed.contains("Work in progress") && !feed.contains("work-in-progress"),
        "{feed}"
    );
    let sitemap = read(out.path().join("sitemap.xml"));
    assert!(!sitemap.contains("work-in-progress"), "{sitemap}");
}

#[test]
fn notes_of_one_date_follow_their_weight_then_their_title() {
    let site = tempfile::tempdir().unwrap();
    let reports = site.path().join("content/reports");
    fs::create_dir_all(&reports).unwrap();
    fs::write(site.path().join("content/site.yaml"), "title: Ordre\n").unwrap();
    let note = |name: &str, front: &str| {
        fs::write(
            reports.join(format!("{name}.md")),
            format!("---\n{front}\ndate: 2019-03-29\n---\nTexte.\n"),
        )
        .unwrap();
    };
    // Without weights, titles decide: "Bilan financier" comes before "Note trimestrielle",
    // so the quarterly note is the latest.
    note("a-note", "title: Note trimestrielle");
    note("b-bilan", "title: Bilan financier");
    let out = tempfile::tempdir().unwrap();
    build_ok(site.path(), out.path(), &[]);
    let home = read(out.path().join("index.html"));
    let latest =
        &home[home.find("class=\"latest\"").unwrap()..home.find("class=\"archive\"").unwrap()];
    assert!(latest.contains("Note trimestrielle"), "{latest}");
    let note_page = read(out.path().join("reports/a-note/index.html"));
    assert!(
        note_page.contains("rel=\"prev\" href=\"../../reports/b-bilan/index.html\""),
        "{note_page}"
    );

    // A weight puts the financial note after the quarterly one.
    note("b-bilan", "title: Bilan financier\nweight: 10");
    build_ok(site.path(), out.path(), &[]);
    let home = read(out.path().join("index.html"));
    let latest =
        &home[home.find("class=\"latest\"").unwrap()..home.find("class=\"archive\"").unwrap()];
    assert!(latest.contains("Bilan financier"), "{latest}");
}

#[test]
fn check_finds_the_problems_of_a_draft_before_it_is_published() {
    let site = tempfile::tempdir().unwrap();
    copy_dir(&fixture("drafts"), site.path());
    let data = site
        .path()
        .join("content/reports/2018-04-15-work-in-progress/sites.yaml");
    fs::write(
        &data,
        "- {site: TPM, entered: 999}\n- {site: CAVEM, entered: beaucoup}\n",
    )
    .unwrap();
    let check = bilan(&[&"check", &"--root", &site.path()]);
    let err = stderr(&check);
    assert_eq!(check.status.code(), Some(1), "{err}");
    assert!(
        err.contains("2018-04-15-work-in-progress/index.md"),
        "the draft's chart is checked: {err}"
    );
    // Mended, the draft is counted beside the published site.
    fs::write(
        &data,
        "- {site: TPM, entered: 999}\n- {site: CAVEM, entered: 888}\n",
    )
    .unwrap();
    let check = bilan(&[&"check", &"--root", &site.path()]);
    let out = String::from_utf8_lossy(&check.stdout);
    assert!(check.status.success(), "{}", stderr(&check));
    assert!(
        out.contains("(and 1 draft that the build leaves out)"),
        "{out}"
    );
}
