//! What a French coordinator writes, printed right: the site `tests/fixtures/french-writing`
//! holds mail links, a footer with a logo, links from the site's root and to other notes'
//! sources, French punctuation as people type it, and a table written in Markdown.

use super::*;

const NNBSP: char = '\u{202F}';
const NBSP: char = '\u{A0}';

fn built() -> tempfile::TempDir {
    let out = tempfile::tempdir().unwrap();
    build_ok(&fixture("french-writing"), out.path(), &[]);
    out
}

fn t2(out: &Path) -> String {
    read(out.join("rapports/2019-06-28-deuxieme-trimestre/index.html"))
}

#[test]
fn mail_and_phone_links_are_links_and_pass_the_check() {
    let out = built();
    let page = t2(out.path());
    assert!(
        page.contains("<a href=\"mailto:contact@example.org\">contact@example.org</a>"),
        "{page}"
    );
    assert!(
        page.contains("<a href=\"tel:+33232000000\">par téléphone</a>"),
        "{page}"
    );
    assert!(
        page.contains("<a href=\"mailto:direction@example.org\">par courriel</a>"),
        "{page}"
    );
    let feed = read(out.path().join("feed.xml"));
    assert!(feed.contains("mailto:contact@example.org"), "{feed}");
    let check = bilan(&[&"check", &"--root", &fixture("french-writing")]);
    assert!(check.status.success(), "{}", stderr(&check));
}

#[test]
fn the_footer_links_from_the_root_on_every_page() {
    let out = built();
    for (page, root) in [
        ("index.html", ""),
        ("rapports/index.html", "../"),
        (
            "rapports/2019-06-28-deuxieme-trimestre/index.html",
            "../../",
        ),
        ("contact/index.html", "../"),
    ] {
        let html = read(out.path().join(page));
        let footer = &html[html.find("<footer").unwrap()..];
        assert!(
            footer.contains(&format!("<img src=\"{root}logo.png\"")),
            "{page}: {footer}"
        );
        assert!(
            footer.contains(&format!("href=\"{root}plaquette.pdf\"")),
            "{page}: {footer}"
        );
    }
    let html = read(out.path().join("404.html"));
    assert!(html.contains("<img src=\"/e2c/logo.png\""), "{html}");
}

#[test]
fn a_footer_link_to_nothing_is_found_by_check() {
    let site = tempfile::tempdir().unwrap();
    copy_dir(&fixture("french-writing"), site.path());
    fs::remove_file(site.path().join("content/static/logo.png")).unwrap();
    let check = bilan(&[&"check", &"--root", &site.path()]);
    let err = stderr(&check);
    assert_eq!(check.status.code(), Some(1), "{err}");
    assert!(
        err.contains(
            "content/site.yaml:12:20: footer: the link `logo.png` leads to nothing in the site"
        ),
        "{err}"
    );
}

#[test]
fn links_from_the_root_and_to_sources_are_written_relative() {
    let out = built();
    let page = t2(out.path());
    for href in [
        "../../plaquette.pdf",
        "../../rapports/index.html",
        "../../rapports/2019-03-29-premier-trimestre/index.html",
        "../../rapports/2019-03-29-premier-trimestre/index.html#sites",
    ] {
        assert!(page.contains(&format!("href=\"{href}\"")), "{href}: {page}");
    }
    let contact = read(out.path().join("contact/index.html"));
    assert!(
        contact.contains("href=\"../rapports/index.html\""),
        "{contact}"
    );
    assert!(contact.contains("href=\"../plaquette.pdf\""), "{contact}");
}

#[test]
fn a_broken_link_gets_a_hint_that_works() {
    let site = tempfile::tempdir().unwrap();
    copy_dir(&fixture("french-writing"), site.path());
    let note = site
        .path()
        .join("content/reports/2019-06-28-deuxieme-trimestre/index.md");
    let text = read(&note).replace("[ici](/plaquette.pdf)", "[ici](plaquette.pdf)");
    fs::write(&note, text).unwrap();
    let check = bilan(&[&"check", &"--root", &site.path()]);
    let err = stderr(&check);
    assert!(
        err.contains("the link `plaquette.pdf` leads to nothing in the site"),
        "{err}"
    );
    assert!(
        err.contains("did you mean `/plaquette.pdf`? (an address that starts with `/` is taken from the site's root)"),
        "{err}"
    );
}

#[test]
fn french_punctuation_gets_its_no_break_spaces_and_code_keeps_its_own() {
    let out = built();
    let page = t2(out.path());
    let spaced = format!(
        "Le directeur a déclaré{NBSP}: «{NNBSP}Nous avons dépassé nos objectifs{NNBSP}!{NNBSP}» Qui l’aurait cru{NNBSP}? Pas nous{NNBSP};"
    );
    assert!(page.contains(&spaced), "{page}");
    assert!(
        page.contains("La réunion de 14:30"),
        "no space is inserted: {page}"
    );
    assert!(
        page.contains(&format!("1{NNBSP}212{NNBSP}551,00{NBSP}€")),
        "{page}"
    );
    assert!(page.contains(&format!("12,5{NNBSP}%")), "{page}");
    assert!(
        page.contains("https://www.e2c-normandie.fr/budget:2019"),
        "{page}"
    );
    // The title and the summary, in the page and in the feed.
    let title = format!("Note T2{NBSP}: activité des sites");
    assert!(page.contains(&format!("<h1>{title}</h1>")), "{page}");
    assert!(
        page.contains(&format!("«{NNBSP}un trimestre record{NNBSP}»{NNBSP}!")),
        "{page}"
    );
    let feed = read(out.path().join("feed.xml"));
    assert!(feed.contains(&format!("<title>{title}</title>")), "{feed}");
}

#[test]
fn apostrophes_are_the_same_in_text_tables_and_charts_and_csv_keeps_the_data() {
    let out = built();
    let page = t2(out.path());
    assert!(
        page.contains("<th scope=\"row\">L’Isle-sur-la-Seine</th>"),
        "{page}"
    );
    assert!(
        page.contains("<td>L’Isle-sur-la-Seine</td>"),
        "the Markdown table: {page}"
    );
    let svg = &page[page.find("<svg").unwrap()..];
    assert!(svg.contains("L’Isle-sur-"), "{svg}");
    assert!(!svg.contains("L'Isle"), "{svg}");
    let csv = read(
        out.path()
            .join("rapports/2019-06-28-deuxieme-trimestre/sites.csv"),
    );
    assert!(csv.contains("L'Isle-sur-la-Seine;;40"), "{csv}");
}

#[test]
fn markdown_tables_align_their_figures_right_unless_told() {
    let out = built();
    let page = t2(out.path());
    assert!(
        page.contains("<td>Rouen</td><td style=\"text-align: right\">62</td><td style=\"text-align: right\">41</td><td style=\"text-align: left\">Ouvert depuis 2018</td>"),
        "{page}"
    );
    assert!(page.contains("<div class=\"table-scroll md-table\" tabindex=\"0\" role=\"region\" aria-label=\"Tableau\">"), "{page}");
}
