//! Nothing escapes: text from content and data that holds `<script>`, quotes, `&`, `]]>`
//! and `--` lands escaped in HTML, attributes, SVG, the feed and the sitemap, and CSV cells
//! that a spreadsheet would run are neutralised.

use super::*;

#[test]
fn hostile_text_is_escaped_wherever_it_lands() {
    let out = tempfile::tempdir().unwrap();
    build_ok(&fixture("hostile"), out.path(), &[]);
    let files = tree(out.path());
    for (name, bytes) in &files {
        if name.ends_with(".html") || name.ends_with(".xml") {
            let text = String::from_utf8_lossy(bytes);
            assert!(!text.contains("<script"), "{name} holds a live script");
            assert!(
                !text.contains("<b>hostile"),
                "{name} holds live markup from the description"
            );
        }
    }

    let page = read(out.path().join("rapports/2017-10-02-note/index.html"));
    // The writer's raw HTML is shown as text, as site.yaml asks (raw_html: false).
    assert!(
        page.contains("&lt;b&gt;gras&lt;/b&gt;"),
        "raw HTML turned off"
    );
    // In attributes.
    assert!(page.contains("<meta property=\"og:title\" content=\"Note &lt;script&gt;alert(‘title’)&lt;/script&gt; &amp; &quot;x&quot; ]]&gt; --\">"));
    // In the table.
    assert!(
        page.contains("<th scope=\"row\">&lt;script&gt;alert(‘cell’)&lt;/script&gt;</th>"),
        "{page}"
    );
    // Every SVG is well-formed XML with the text escaped.
    let mut svgs = 0;
    for (start, _) in page.match_indices("<svg ") {
        let end = start + page[start..].find("</svg>").unwrap() + "</svg>".len();
        let svg = &page[start..end];
        let doc = roxmltree::Document::parse(svg).expect("the SVG is well-formed");
        let title = doc
            .descendants()
            .find(|n| n.has_tag_name("title"))
            .and_then(|n| n.text())
            .unwrap();
        assert_eq!(title, "Graphique <script>x</script> & \"q\" ]]> --");
        svgs += 1;
    }
    assert_eq!(svgs, 2, "the wide and the phone drawing");

    // The feed and the sitemap are well-formed XML that give the text back as written.
    let feed = read(out.path().join("feed.xml"));
    let doc = roxmltree::Document::parse(&feed).expect("feed.xml is XML");
    let title = doc
        .descendants()
        .find(|n| n.has_tag_name("title"))
        .and_then(|n| n.text())
        .unwrap();
    assert_eq!(title, "E2C <script>alert(‘site’)</script> & \"co\" ]]> --");
    let content = doc
        .descendants()
        .find(|n| n.has_tag_name("content"))
        .and_then(|n| n.text())
        .unwrap();
    assert!(
        content.contains("&lt;script&gt;alert(‘raw’)&lt;/script&gt;"),
        "the entry's HTML keeps the script as text: {content}"
    );
    roxmltree::Document::parse(&read(out.path().join("sitemap.xml"))).expect("sitemap.xml is XML");

    // CSV: formulas neutralised, quotes doubled.
    let csv = read(out.path().join("rapports/2017-10-02-note/sites.csv"));
    for line in [
        "'=Entrés <b>",
        "\"'=HYPERLINK(\"\"http://evil\"\")\";25",
        "'+33 & ]]> --;10",
        "'@SUM(A1);1",
        "'-1 & 'q';2",
    ] {
        assert!(csv.contains(line), "{line} in {csv}");
    }
}
