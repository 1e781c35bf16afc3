//! What a writer does in a quarter: `bilan new report` on a site with a published note that
//! has figures, a later published note without any and a later draft; and the `author` of a
//! note, on its page and in the feed.

use std::fs;

use super::*;

const NOTE: &str = "content/reports/2017-10-02-point-d-avancement";
const LATER: &str = "---\ntitle: Bilan de fin d'année\ndate: 2017-12-15\n---\nLe bilan.\n\n## Bilan du trimestre\n\nTexte.\n\n## Suite\n";
const DRAFT: &str =
    "---\ntitle: Brouillon\ndate: 2018-01-05\ndraft: true\n---\nÀ écrire.\n\n## Idées en vrac\n";

/// The example site, with a later published note without datasets and a later draft.
fn site() -> tempfile::TempDir {
    let site = example_copy();
    let reports = site.path().join("content/reports");
    fs::write(reports.join("2017-12-15-bilan.md"), LATER).unwrap();
    fs::write(reports.join("2018-01-05-brouillon.md"), DRAFT).unwrap();
    site
}

fn new_report(site: &Path, extra: &[&str]) -> Output {
    let mut args: Vec<&dyn AsRef<std::ffi::OsStr>> =
        vec![&"new", &"report", &"Note T1 : activité", &"--root", &site];
    for arg in extra {
        args.push(arg);
    }
    bilan(&args)
}

const MADE: &str = "content/reports/2020-03-13-note-t1-activite";

#[test]
fn a_new_report_is_a_draft_started_from_the_latest_published_note() {
    let site = site();
    let made = new_report(site.path(), &["--date", "13/03/2020"]);
    let out = String::from_utf8_lossy(&made.stdout);
    assert!(made.status.success(), "{}", stderr(&made));
    assert!(out.contains("as a draft"), "{out}");
    assert!(out.contains("draft: true"), "{out}");
    let note = read(site.path().join(MADE).join("index.md"));
    assert!(
        note.starts_with(
            "---\ntitle: \"Note T1 : activité\"\ndate: 2020-03-13\nperiod:\nsummary:\n# Brouillon : enlevez la ligne « draft: true » quand la note est prête à publier.\ndraft: true\n---\n"
        ),
        "{note}"
    );
    // The outline of the latest published note, not of the later draft nor of older notes.
    assert!(
        note.contains("\n## Bilan du trimestre\n\n## Suite\n"),
        "{note}"
    );
    assert!(!note.contains("Idées en vrac"), "{note}");
    assert!(!note.contains("## Sites E2C"), "{note}");
    // The figures of the latest published note that has some.
    assert_eq!(
        read(site.path().join(MADE).join("sites.yaml")),
        read(site.path().join(NOTE).join("sites.yaml"))
    );
    assert!(
        out.contains("figures of 2017-10-02-point-d-avancement: sites.yaml"),
        "{out}"
    );

    // Built right away, the site does not publish it; with `--drafts` it does.
    let output = tempfile::tempdir().unwrap();
    build_ok(site.path(), output.path(), &[]);
    let page = output
        .path()
        .join("rapports/2020-03-13-note-t1-activite/index.html");
    assert!(!page.exists(), "the new note was published");
    assert!(
        !read(output.path().join("rapports/index.html")).contains("Note T1"),
        "the new note is listed"
    );
    build_ok(site.path(), output.path(), &["--drafts"]);
    assert!(page.exists());
}

#[test]
fn from_names_the_note_to_start_from() {
    let site = site();
    let made = new_report(
        site.path(),
        &[
            "--date",
            "2020-03-13",
            "--from",
            "2017-10-02-point-d-avancement",
        ],
    );
    assert!(made.status.success(), "{}", stderr(&made));
    let note = read(site.path().join(MADE).join("index.md"));
    assert!(note.contains("\n## Sites E2C\n\n```table\n"), "{note}");
    assert!(!note.contains("Bilan du trimestre"), "{note}");
    assert!(site.path().join(MADE).join("sites.yaml").exists());

    let unknown = new_report(site.path(), &["--from", "2017-10-02-point-davancement"]);
    let err = stderr(&unknown);
    assert_eq!(unknown.status.code(), Some(1), "{err}");
    assert!(
        err.contains(
            "--from: there is no note `2017-10-02-point-davancement` in `content/reports/`"
        ),
        "{err}"
    );
    assert!(
        err.contains("did you mean `2017-10-02-point-d-avancement`?"),
        "{err}"
    );
}

#[test]
fn a_date_in_another_shape_names_the_formats() {
    let site = site();
    let made = new_report(site.path(), &["--date", "2020/13/03"]);
    let err = stderr(&made);
    assert_eq!(made.status.code(), Some(2), "{err}");
    assert!(
        err.contains("`2020/13/03` is not a date: type it as YYYY-MM-DD (2020-03-13) or DD/MM/YYYY (13/03/2020)"),
        "{err}"
    );
    assert!(!site.path().join(MADE).exists());
}

#[test]
fn an_english_site_gets_the_reminder_in_english() {
    let site = site();
    let settings = site.path().join("content/site.yaml");
    fs::write(
        &settings,
        read(&settings).replace("language: fr", "language: en"),
    )
    .unwrap();
    let made = new_report(site.path(), &["--date", "2020-03-13"]);
    assert!(made.status.success(), "{}", stderr(&made));
    let note = read(site.path().join(MADE).join("index.md"));
    assert!(
        note.contains(
            "\n# Draft: remove the line \"draft: true\" when the note is ready to publish.\ndraft: true\n"
        ),
        "{note}"
    );
}

#[test]
fn authors_are_on_the_page_and_in_the_feed() {
    let site = example_copy();
    let index = site.path().join(NOTE).join("index.md");
    let text = read(&index).replace(
        "date: 2017-10-02\n",
        "date: 2017-10-02\nauthor: [Marie Dupont, Paul d'Arc]\n",
    );
    fs::write(&index, text).unwrap();
    let output = tempfile::tempdir().unwrap();
    build_ok(
        site.path(),
        output.path(),
        &["--base-url", "https://example.org/e2c/"],
    );
    let page = read(
        output
            .path()
            .join("rapports/2017-10-02-point-d-avancement/index.html"),
    );
    assert!(
        page.contains("<span class=\"authors\">Marie Dupont et Paul d’Arc</span>"),
        "{page}"
    );
    let feed = read(output.path().join("feed.xml"));
    assert!(
        feed.contains(
            "<author><name>Marie Dupont</name></author>\n<author><name>Paul d’Arc</name></author>\n"
        ),
        "{feed}"
    );
    assert!(
        feed.contains("<author><name>École de la 2e Chance du Var</name></author>"),
        "the feed's own author is the site: {feed}"
    );
}
