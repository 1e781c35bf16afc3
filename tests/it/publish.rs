//! What makes a site ready to share: the feed, the sitemap and link previews.

use super::*;

fn several() -> tempfile::TempDir {
    let out = tempfile::tempdir().unwrap();
    build_ok(&fixture("several"), out.path(), &[]);
    out
}

#[test]
fn the_feed_lists_every_published_report_with_absolute_links() {
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
