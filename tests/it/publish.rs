//! What makes a site ready to share: the feed, the sitemap and link previews.

use super::*;

fn several() -> tempfile::TempDir {
    let out = tempfile::tempdir().unwrap();
    build_ok(&fixture("several"), out.path(), &[]);
    out
}

#[test]
fn the_feed_lists_the_latest_published_reports_with_absolute_links() {
    let out = several();
    let feed = read(out.path().join("feed.xml"));
    let doc = roxmltree::Document::parse(&feed).expect("feed.xml is XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "feed");
    assert_eq!(
        root.tag_name().namespace(),
        Some("http://www.w3.org/2005/Atom")
    );
    let entries: Vec<_> = root
        .children()
        .filter(|n| n.has_tag_name("entry"))
        .collect();
    let ids: Vec<&str> = entries
        .iter()
        .filter_map(|e| {
            e.children()
                .find(|n| n.has_tag_name("id"))
                .and_then(|n| n.text())
        })
        .collect();
    assert_eq!(
        ids,
        [
            "https://example.org/e2c/reports/2018-04-09-q1-2018/",
            "https://example.org/e2c/reports/2018-01-08-q4-2017/",
            "https://example.org/e2c/reports/2017-10-02-q3-2017/",
        ]
    );
    assert!(!feed.contains("Unfinished"), "no draft in the feed");
    let content = entries[1]
        .children()
        .find(|n| n.has_tag_name("content"))
        .unwrap();
    assert_eq!(content.attribute("type"), Some("html"));
    assert!(
        content
            .text()
            .unwrap()
            .contains("<caption>Trainees entered</caption>"),
        "the full text"
    );
    let summary = entries[0]
        .children()
        .find(|n| n.has_tag_name("summary"))
        .and_then(|n| n.text());
    assert_eq!(summary, Some("The third note."));
}

/// The ids of the entries of a feed, in order.
fn feed_ids(feed: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(feed).expect("feed.xml is XML");
    doc.root_element()
        .children()
        .filter(|n| n.has_tag_name("entry"))
        .filter_map(|e| e.children().find(|n| n.has_tag_name("id"))?.text())
        .map(str::to_owned)
        .collect()
}

#[test]
fn feed_limit_keeps_the_latest_reports_and_0_keeps_them_all() {
    // Without `feed_limit`, the 20 latest: all three here.
    let out = several();
    assert_eq!(feed_ids(&read(out.path().join("feed.xml"))).len(), 3);
    let site = tempfile::tempdir().unwrap();
    copy_dir(&fixture("several"), site.path());
    let settings = site.path().join("content/site.yaml");
    let text = read(&settings);
    for (limit, expected) in [
        ("2", &["2018-04-09-q1-2018", "2018-01-08-q4-2017"][..]),
        (
            "0",
            &[
                "2018-04-09-q1-2018",
                "2018-01-08-q4-2017",
                "2017-10-02-q3-2017",
            ],
        ),
    ] {
        std::fs::write(&settings, format!("{text}feed_limit: {limit}\n")).unwrap();
        let out = tempfile::tempdir().unwrap();
        build_ok(site.path(), out.path(), &[]);
        let expected: Vec<String> = expected
            .iter()
            .map(|r| format!("https://example.org/e2c/reports/{r}/"))
            .collect();
        assert_eq!(feed_ids(&read(out.path().join("feed.xml"))), expected);
        // The sitemap still lists every page.
        assert!(read(out.path().join("sitemap.xml")).contains("2017-10-02-q3-2017"));
    }
}

#[test]
fn a_rebuild_keeps_a_preview_whose_inputs_did_not_change_and_redraws_a_changed_one() {
    let site = tempfile::tempdir().unwrap();
    copy_dir(&fixture("several"), site.path());
    let out = tempfile::tempdir().unwrap();
    let out = out.path().join("output");
    build_ok(site.path(), &out, &[]);
    let preview = |report: &str| out.join(format!("reports/{report}/preview.png"));
    let (edited, other) = ("2018-04-09-q1-2018", "2018-01-08-q4-2017");
    // Marks the previews of the first build, in place: a preview kept is the same file
    // with the mark; one drawn again is a new picture.
    let marked = |report: &str| {
        let length = std::fs::metadata(preview(report)).unwrap().len() as usize;
        std::fs::write(preview(report), vec![b'k'; length]).unwrap();
    };
    marked(edited);
    marked(other);
    let note = site
        .path()
        .join(format!("content/reports/{edited}/index.md"));
    let text = read(&note);
    // The body changes, not what the preview shows: both are kept.
    std::fs::write(&note, format!("{text}\nOne more sentence.\n")).unwrap();
    build_ok(site.path(), &out, &[]);
    for report in [edited, other] {
        assert!(
            std::fs::read(preview(report))
                .unwrap()
                .iter()
                .all(|&b| b == b'k'),
            "{report}'s preview was drawn again"
        );
    }
    assert!(read(out.join(".bilan-keys")).contains(&format!("reports/{edited}/preview.png")));
    // A new title draws that preview again, and only it.
    std::fs::write(&note, text.replacen("title: ", "title: Renamed ", 1)).unwrap();
    build_ok(site.path(), &out, &[]);
    let bytes = std::fs::read(preview(edited)).unwrap();
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "drawn again");
    assert!(
        std::fs::read(preview(other))
            .unwrap()
            .iter()
            .all(|&b| b == b'k')
    );
}

#[test]
fn previews_are_small_pictures() {
    let out = several();
    for entry in walkdir::WalkDir::new(out.path()) {
        let entry = entry.unwrap();
        if entry.file_name() == "preview.png" {
            let size = entry.metadata().unwrap().len();
            assert!(size <= 25_000, "{}: {size} bytes", entry.path().display());
        }
    }
}

#[test]
fn the_sitemap_lists_every_page_and_no_draft() {
    let out = several();
    let sitemap = read(out.path().join("sitemap.xml"));
    let doc = roxmltree::Document::parse(&sitemap).expect("sitemap.xml is XML");
    let urls: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("loc"))
        .filter_map(|n| n.text())
        .collect();
    for page in [
        "",
        "reports/",
        "reports/2018-04-09-q1-2018/",
        "reports/2018-01-08-q4-2017/",
        "reports/2017-10-02-q3-2017/",
        "about/",
    ] {
        assert!(
            urls.contains(&format!("https://example.org/e2c/{page}").as_str()),
            "{page} in {urls:?}"
        );
    }
    assert_eq!(urls.len(), 6);
}

#[test]
fn each_report_has_a_1200_by_630_preview_and_every_page_its_link_preview_tags() {
    let out = several();
    for report in [
        "2018-04-09-q1-2018",
        "2018-01-08-q4-2017",
        "2017-10-02-q3-2017",
    ] {
        let bytes =
            std::fs::read(out.path().join(format!("reports/{report}/preview.png"))).unwrap();
        let info = png::Decoder::new(std::io::Cursor::new(bytes))
            .read_info()
            .unwrap()
            .info()
            .clone();
        assert_eq!((info.width, info.height), (1200, 630), "{report}");
        let html = read(out.path().join(format!("reports/{report}/index.html")));
        for tag in [
            format!(
                "<meta property=\"og:image\" content=\"https://example.org/e2c/reports/{report}/preview.png\">"
            ),
            format!(
                "<meta property=\"og:url\" content=\"https://example.org/e2c/reports/{report}/\">"
            ),
            "<meta property=\"og:type\" content=\"article\">".to_owned(),
            "<meta property=\"og:locale\" content=\"en_GB\">".to_owned(),
            "<meta property=\"og:site_name\" content=\"Several reports\">".to_owned(),
            "<meta name=\"twitter:card\" content=\"summary_large_image\">".to_owned(),
            "<meta property=\"og:title\" content=\"Progress note\">".to_owned(),
        ] {
            assert!(html.contains(&tag), "{tag} in {report}");
        }
    }
    let about = read(out.path().join("about/index.html"));
    assert!(about.contains("<meta name=\"description\" content=\"Who writes these notes.\">"));
    assert!(about.contains("<meta name=\"twitter:card\" content=\"summary\">"));
}

#[test]
fn without_base_url_the_feed_is_skipped_with_a_word_why() {
    let out = tempfile::tempdir().unwrap();
    let result = build(&repo(), out.path(), &[]);
    assert!(result.status.success());
    let said = String::from_utf8_lossy(&result.stdout);
    assert_eq!(said.matches("set `base_url`").count(), 1, "{said}");
    assert!(!out.path().join("feed.xml").exists());
    assert!(!out.path().join("sitemap.xml").exists());
    assert!(
        !out.path()
            .join("rapports/2017-10-02-point-d-avancement/preview.png")
            .exists()
    );
}
