//! `serve`'s rebuilds: after each edit, only what the edit touches is read and drawn again,
//! and the site is byte for byte what a build from scratch makes.

use std::collections::BTreeMap;

use bilan::{Content, LoadOptions, Session};

use super::*;

/// A copy of a fixture site, its session, and the edits told to it as the watcher would.
struct Writer {
    site: tempfile::TempDir,
    options: LoadOptions,
    session: Session,
}

impl Writer {
    fn new(fixture_name: &str, options: LoadOptions) -> Writer {
        let site = tempfile::tempdir().unwrap();
        copy_dir(&fixture(fixture_name), site.path());
        let session = Session::new(site.path(), &options);
        Writer {
            site,
            options,
            session,
        }
    }

    fn path(&self, relative: &str) -> PathBuf {
        self.site.path().join(relative)
    }

    /// Rewrites a file and tells the session.
    fn edit(&mut self, relative: &str, change: impl FnOnce(String) -> String) {
        let path = self.path(relative);
        let text = read(&path);
        let changed = change(text.clone());
        assert_ne!(text, changed, "the edit of {relative} changes it");
        fs::write(&path, changed).unwrap();
        self.session.changed(&path);
    }

    /// Writes a new file and tells the session.
    fn create(&mut self, relative: &str, text: &str) {
        let path = self.path(relative);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, text).unwrap();
        self.session.changed(&path);
    }

    /// Removes a folder and tells the session.
    fn remove_dir(&mut self, relative: &str) {
        let path = self.path(relative);
        fs::remove_dir_all(&path).unwrap();
        self.session.changed(&path);
    }

    /// Rebuilds; checks that the site is what a build from scratch makes, and returns how
    /// many bodies were drawn again and the site's files.
    fn rebuild(&mut self) -> (usize, BTreeMap<String, Vec<u8>>) {
        let built = self.session.build().unwrap_or_else(|problems| {
            panic!("the rebuild fails:\n{problems}");
        });
        let scratch = Session::new(self.site.path(), &self.options)
            .build()
            .unwrap_or_else(|problems| panic!("the build from scratch fails:\n{problems}"));
        let (files, expected) = (bytes(&built.files), bytes(&scratch.files));
        assert_eq!(
            files.keys().collect::<Vec<_>>(),
            expected.keys().collect::<Vec<_>>(),
            "the rebuild has the files of a build from scratch"
        );
        for (path, content) in &files {
            assert!(
                *content == expected[path],
                "{path} differs from a build from scratch:\n{}",
                String::from_utf8_lossy(content)
            );
        }
        assert_eq!(built.counts, scratch.counts);
        (built.drawn, files)
    }
}

fn bytes(files: &std::collections::HashMap<String, Content>) -> BTreeMap<String, Vec<u8>> {
    files
        .iter()
        .map(|(path, content)| {
            let bytes = match (content, content.in_memory()) {
                (_, Some(bytes)) => bytes.to_vec(),
                (Content::Copy(source), None) => fs::read(source).unwrap(),
                (_, None) => unreachable!("a file is in memory or copied"),
            };
            (path.clone(), bytes)
        })
        .collect()
}

fn page(files: &BTreeMap<String, Vec<u8>>, path: &str) -> String {
    String::from_utf8(files[path].clone()).unwrap()
}

const Q3: &str = "content/reports/2017-10-02-q3";
const Q4: &str = "content/reports/2018-01-08-q4";
const Q1: &str = "content/reports/2018-04-09-q1";

#[test]
fn a_rebuild_draws_again_only_what_an_edit_touches_and_matches_a_build_from_scratch() {
    // Three notes whose charts follow the dataset `sites` across reports.
    let mut writer = Writer::new("across", LoadOptions::default());
    let (drawn, _) = writer.rebuild();
    assert_eq!(drawn, 3, "the first build draws every note");
    let (drawn, _) = writer.rebuild();
    assert_eq!(drawn, 0, "nothing changed, nothing drawn");

    // A figure of the oldest note: every chart that follows it is drawn again.
    writer.edit(&format!("{Q3}/sites.yaml"), |text| {
        text.replace("entered: 67", "entered: 71")
    });
    let (drawn, files) = writer.rebuild();
    assert_eq!(
        drawn, 3,
        "the note and the two charts that follow its figures"
    );
    let newest = page(&files, "rapports/2018-04-09-q1/index.html");
    assert!(
        newest.contains("71"),
        "the newest chart shows the new figure"
    );

    // The text of the newest note: no other note follows it.
    writer.edit(&format!("{Q1}/index.md"), |text| {
        text + "\nUne phrase ajoutée.\n"
    });
    let (drawn, files) = writer.rebuild();
    assert_eq!(drawn, 1);
    assert!(page(&files, "rapports/2018-04-09-q1/index.html").contains("Une phrase ajoutée."));

    // A title: the note's body, and its neighbours' links and the lists around it.
    writer.edit(&format!("{Q4}/index.md"), |text| {
        text.replace("title: Point d'avancement", "title: Quatrième trimestre")
    });
    let (drawn, files) = writer.rebuild();
    assert_eq!(drawn, 1);
    for neighbour in ["2017-10-02-q3", "2018-04-09-q1"] {
        let html = page(&files, &format!("rapports/{neighbour}/index.html"));
        assert!(
            html.contains("Quatrième trimestre"),
            "{neighbour} links to it"
        );
    }
    assert!(page(&files, "index.html").contains("Quatrième trimestre"));

    // A new note, newer than all: only it is drawn.
    writer.create(
        "content/reports/2018-07-02-q2/index.md",
        &read(writer.path(&format!("{Q1}/index.md"))).replace("2018-04-09", "2018-07-02"),
    );
    writer.create(
        "content/reports/2018-07-02-q2/sites.yaml",
        &read(writer.path(&format!("{Q1}/sites.yaml"))),
    );
    let (drawn, files) = writer.rebuild();
    assert_eq!(drawn, 1);
    assert!(files.contains_key("rapports/2018-07-02-q2/index.html"));

    // The oldest note removed: the charts that followed it lose a point.
    writer.remove_dir(Q3);
    let (drawn, files) = writer.rebuild();
    assert_eq!(drawn, 3);
    assert!(!files.contains_key("rapports/2017-10-02-q3/index.html"));

    // A broken dataset fails the rebuild; once mended, the site is whole again.
    writer.edit(&format!("{Q4}/sites.yaml"), |text| {
        text.replace("entered: 31", "entered: [31")
    });
    let problems = writer.session.build().unwrap_err().to_string();
    assert!(problems.contains("sites.yaml:"), "{problems}");
    writer.edit(&format!("{Q4}/sites.yaml"), |text| {
        text.replace("entered: [31", "entered: 32")
    });
    writer.rebuild();

    // The site's settings: every body may depend on them.
    writer.edit("content/site.yaml", |text| {
        text.replace("title: Across reports", "title: Suivi des sites")
    });
    let (drawn, files) = writer.rebuild();
    assert_eq!(drawn, 3);
    assert!(page(&files, "index.html").contains("Suivi des sites"));

    // The whole folder of notes replaced at once (a checkout of another version): the
    // watcher names the folder only.
    let reports = writer.path("content/reports");
    let elsewhere = writer.path("reports-before");
    fs::rename(&reports, &elsewhere).unwrap();
    copy_dir(&elsewhere, &reports);
    let note = reports.join("2018-04-09-q1/index.md");
    fs::write(&note, read(&note) + "\nUne autre version.\n").unwrap();
    fs::remove_dir_all(&elsewhere).unwrap();
    writer.session.changed(&reports);
    let (_, files) = writer.rebuild();
    assert!(page(&files, "rapports/2018-04-09-q1/index.html").contains("Une autre version."));

    // A change the watcher missed: the note's files are not as they were, so it is read.
    let note = writer.path(&format!("{Q1}/index.md"));
    fs::write(
        &note,
        read(&note) + "\nUne modification que personne n'a signalée.\n",
    )
    .unwrap();
    let (drawn, files) = writer.rebuild();
    assert_eq!(drawn, 1);
    assert!(page(&files, "rapports/2018-04-09-q1/index.html").contains("que personne"));

    // A dataset that is a link to a file outside `content/`: the watcher names the file it
    // leads to, not the note; the note is read again all the same.
    let shared = writer.path("shared/sites.yaml");
    fs::create_dir_all(shared.parent().unwrap()).unwrap();
    fs::rename(writer.path(&format!("{Q4}/sites.yaml")), &shared).unwrap();
    symlink(
        "../../../shared/sites.yaml",
        writer.path(&format!("{Q4}/sites.yaml")),
    );
    writer
        .session
        .changed(&writer.path(&format!("{Q4}/sites.yaml")));
    writer.rebuild();
    fs::write(&shared, read(&shared).replace("entered: 32", "entered: 33")).unwrap();
    writer.session.changed(&shared);
    let (_, files) = writer.rebuild();
    assert!(page(&files, "rapports/2018-01-08-q4/index.html").contains(">33<"));
}

#[test]
fn rebuilds_follow_shared_data_pages_single_file_notes_and_previews() {
    // A site with an address (previews, feed), shared data, a page and a static file.
    let options = LoadOptions {
        drafts: false,
        base_url: None,
    };
    let mut writer = Writer::new("several", options);
    writer.rebuild();

    // A shared dataset: the notes that show it are drawn again.
    writer.edit("content/data/budget.yaml", |text| {
        text.replace("amount: 610923", "amount: 610924")
            .replace("amount: 1221846", "amount: 1221847")
    });
    let (_, files) = writer.rebuild();
    assert!(page(&files, "reports/2017-10-02-q3-2017/index.html").contains("610,924"));

    // A note written as a single file, and a page.
    writer.edit("content/reports/2017-10-02-q3-2017.md", |text| {
        text.replace("title: Progress note", "title: First progress note")
    });
    let (drawn, files) = writer.rebuild();
    assert_eq!(drawn, 1);
    assert!(page(&files, "feed.xml").contains("First progress note"));
    writer.edit("content/pages/about.md", |text| text + "\nOne more line.\n");
    let (drawn, _) = writer.rebuild();
    assert_eq!(drawn, 1);

    // The feed holds the reports' texts: it follows an edit of one in it, and not of one
    // left out of it (each rebuild is compared with a build from scratch above).
    writer.edit("content/reports/2017-10-02-q3-2017.md", |text| {
        text + "\nThe budget was met.\n"
    });
    let (_, files) = writer.rebuild();
    assert!(page(&files, "feed.xml").contains("The budget was met."));
    writer.edit("content/site.yaml", |text| text + "feed_limit: 1\n");
    let (_, files) = writer.rebuild();
    assert!(!page(&files, "feed.xml").contains("The budget was met."));
    writer.edit("content/reports/2017-10-02-q3-2017.md", |text| {
        text + "\nAnd more than met.\n"
    });
    let (_, files) = writer.rebuild();
    assert!(!page(&files, "feed.xml").contains("more than met"));
    assert!(page(&files, "reports/2017-10-02-q3-2017/index.html").contains("more than met"));

    // A static file is copied as it now is.
    writer.create("content/static/charter.pdf", "%PDF-1.4 another charter");
    writer.rebuild();

    // A draft is published, then its note removed.
    writer.edit("content/reports/2018-07-02-unfinished.md", |text| {
        text.replace("draft: true", "draft: false")
    });
    let (_, files) = writer.rebuild();
    assert!(files.contains_key("reports/2018-07-02-unfinished/index.html"));
}

/// Every file of the site `bilan build` writes into a new folder, by its path.
fn written_by_build(root: &Path) -> BTreeMap<String, Vec<u8>> {
    let out = tempfile::tempdir().unwrap();
    let output = out.path().join("output");
    build_ok(root, &output, &[]);
    let mut files = BTreeMap::new();
    for entry in walkdir::WalkDir::new(&output) {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let path = entry.path().strip_prefix(&output).unwrap();
            let path = path.to_string_lossy().replace('\\', "/");
            files.insert(path, fs::read(entry.path()).unwrap());
        }
    }
    files
}

/// After each of a series of edits (a note's text, a dataset its neighbours follow, a
/// global dataset, a theme's template, `site.yaml`), every page `serve`'s session serves is
/// the page a fresh `bilan build` writes: no input a page is made from is left out of what
/// the session keeps pages by.
#[test]
fn serve_never_serves_a_page_a_fresh_build_would_write_otherwise() {
    let mut writer = Writer::new("across", LoadOptions::default());
    let check = |writer: &mut Writer, step: &str| {
        let built = writer.session.build().unwrap_or_else(|problems| {
            panic!("the rebuild after {step} fails:\n{problems}");
        });
        let served = bytes(&built.files);
        let written = written_by_build(writer.site.path());
        // What the build writes for itself (the mark of a folder it made) is not served.
        let written: BTreeMap<_, _> = written
            .into_iter()
            .filter(|(path, _)| served.contains_key(path) || !path.starts_with('.'))
            .collect();
        assert_eq!(
            served.keys().collect::<Vec<_>>(),
            written.keys().collect::<Vec<_>>(),
            "after {step}, serve has the files of a fresh build"
        );
        for (path, content) in &served {
            assert!(
                *content == written[path],
                "after {step}, {path} as served differs from a fresh build:\n{}",
                String::from_utf8_lossy(content)
            );
        }
    };
    check(&mut writer, "the first build");

    writer.edit(&format!("{Q1}/index.md"), |text| {
        text.replace("## Sites", "## Les sites\n\nUn mot de plus.")
    });
    check(&mut writer, "a note's text");

    writer.edit(&format!("{Q3}/sites.yaml"), |text| {
        text.replacen("entered: ", "entered: 1", 1)
    });
    check(&mut writer, "a dataset followed across reports");

    writer.create(
        "content/data/funders.yaml",
        "title: Financeurs\nrows:\n  - {funder: Région, amount: 1200}\n  - {funder: État, amount: 800}\n",
    );
    writer.edit(&format!("{Q4}/index.md"), |text| {
        text + "\n```table\ndata: funders\n```\n\n```chart\ntype: pie\ndata: funders\ny: amount\n```\n"
    });
    check(&mut writer, "a global dataset shown by a note");
    writer.edit("content/data/funders.yaml", |text| {
        text.replace("800", "900")
    });
    check(&mut writer, "a global dataset");

    let template = read(repo().join("themes/default/templates/report.html"));
    writer.create("themes/mine/templates/report.html", &template);
    writer.edit("content/site.yaml", |text| {
        text + "theme: mine\nbase_url: https://example.org/x/\n"
    });
    check(&mut writer, "`site.yaml` (a theme, an address)");
    writer.edit("themes/mine/templates/report.html", |text| {
        text.replacen("</article>", "<p>Une ligne du thème.</p></article>", 1)
    });
    check(&mut writer, "a theme's template");
    writer.edit("content/site.yaml", |text| {
        text.replace("title: Across reports", "title: Across every report")
    });
    check(&mut writer, "`site.yaml`'s title");
}

#[test]
fn editing_a_notes_dataset_redraws_its_sites_pages_and_the_notes_compared_with_it() {
    // Four notes whose tables compare with the previous one, and a page per site.
    let mut writer = Writer::new("progress", LoadOptions::default());
    let (drawn, _) = writer.rebuild();
    assert_eq!(drawn, 4, "the first build draws every note");
    writer.edit("content/reports/2017-10-02-q3/sites.yaml", |text| {
        text.replace(
            "site: Saint-Maximin, entered: 10",
            "site: Saint-Maximin, entered: 12",
        )
    });
    let (drawn, files) = writer.rebuild();
    assert_eq!(drawn, 2, "the note, and the next one that compares with it");
    let next = page(&files, "rapports/2018-01-08-q4/index.html");
    assert!(next.contains("6 de plus qu’au 2 octobre 2017"), "{next}");
    let site = page(&files, "sites/provence-verte/index.html");
    assert!(
        site.contains("<tr><th scope=\"row\">02/10/2017</th><td class=\"num\">12</td>"),
        "{site}"
    );
    // The newest note's dataset: no note compares with it, its sites' pages change.
    writer.edit("content/reports/2018-04-09-q1/sites.yaml", |text| {
        text.replace("site: TPM, entered: 95", "site: TPM, entered: 97")
    });
    let (drawn, files) = writer.rebuild();
    assert_eq!(drawn, 1);
    assert!(page(&files, "sites/tpm/index.html").contains("<td class=\"num\">97</td>"));
    assert!(page(&files, "sites/index.html").contains("<td class=\"num\">97</td>"));
    // A site's own text: its page only.
    writer.edit("content/sites/dracenie.md", |text| {
        text + "\nOuvert le samedi.\n"
    });
    let (drawn, files) = writer.rebuild();
    assert_eq!(drawn, 0, "no note shows it");
    assert!(page(&files, "sites/dracenie/index.html").contains("Ouvert le samedi."));
}
