//! What a writer does: the `author` of a note, on its page and in the feed.

use std::fs;

use super::*;

const NOTE: &str = "content/reports/2017-10-02-point-d-avancement";

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
