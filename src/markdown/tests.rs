use super::*;

const WORDS: Settings = Settings {
    notes: "Notes",
    back: "Back to the text",
    table_label: "Table",
    raw_html: true,
    french: false,
};

#[test]
fn raw_html_is_kept_unless_the_site_turns_it_off() {
    let text = "<div class=\"x\">Bloc</div>\n\nTexte <b>gras</b>.\n";
    let kept = render(text, WORDS, &|_| None, |_| String::new()).html;
    assert!(
        kept.contains("<div class=\"x\">Bloc</div>") && kept.contains("<b>gras</b>"),
        "{kept}"
    );
    let off = Settings {
        raw_html: false,
        ..WORDS
    };
    let shown = render(text, off, &|_| None, |_| String::new()).html;
    assert!(
        shown.contains("&lt;div class=\"x\"&gt;Bloc&lt;/div&gt;"),
        "{shown}"
    );
    assert!(shown.contains("&lt;b&gt;gras&lt;/b&gt;"), "{shown}");
}

#[test]
fn finds_table_and_chart_blocks_with_their_lines() {
    let text = "Intro\n\n```table\ndata: sites\n```\n\n```rust\nfn x() {}\n```\n\n```chart\ntype: bar\n```\n";
    let blocks = find_blocks(text);
    assert_eq!(blocks.len(), 2);
    assert_eq!(
        blocks[0],
        FencedBlock {
            kind: BlockKind::Table,
            yaml: "data: sites\n".into(),
            line: 3,
            indent: 0
        }
    );
    assert_eq!((blocks[1].kind, blocks[1].line), (BlockKind::Chart, 11));
}

#[test]
fn replaces_blocks_and_keeps_other_code() {
    let html = render(
        "```table\ndata: x\n```\n\n```rust\nlet a = 1;\n```\n",
        WORDS,
        &|_| None,
        |i| format!("<table data-i=\"{i}\"></table>"),
    )
    .html;
    assert!(html.contains("<table data-i=\"0\"></table>"), "{html}");
    assert!(
        html.contains("<code class=\"language-rust\">let a = 1;"),
        "{html}"
    );
    assert!(!html.contains("data: x"), "{html}");
}

#[test]
fn headings_get_unique_ids_and_explicit_ids_stay() {
    let html = render(
        "## Sites E2C\n\n## Sites E2C\n\n## Financements {#budget}\n",
        WORDS,
        &|_| None,
        |_| String::new(),
    )
    .html;
    assert!(
        html.contains("<h2 id=\"sites-e2c\">Sites E2C</h2>"),
        "{html}"
    );
    assert!(html.contains("<h2 id=\"sites-e2c-2\">"), "{html}");
    assert!(
        html.contains("<h2 id=\"budget\">Financements</h2>"),
        "{html}"
    );
}

#[test]
fn headings_leave_the_ids_of_the_theme_and_the_notes_alone() {
    let html = render(
        "## Main\n\n## Note a\n\nText[^a].\n\n[^a]: A note.\n",
        WORDS,
        &|_| None,
        |_| String::new(),
    )
    .html;
    assert!(html.contains("<h2 id=\"main-2\">Main</h2>"), "{html}");
    assert!(
        html.contains("<h2 id=\"section-note-a\">Note a</h2>"),
        "{html}"
    );
    assert_eq!(html.matches("id=\"note-a\"").count(), 1, "{html}");
}

#[test]
fn blocks_in_a_list_know_their_indent() {
    let blocks =
        find_blocks("- item\n\n  ```table\n  data: x\n  ```\n\n> ```chart\n> type: bar\n> ```\n");
    let places: Vec<(usize, usize)> = blocks.iter().map(|b| (b.line, b.indent)).collect();
    assert_eq!(places, [(3, 2), (7, 2)]);
}

#[test]
fn typographic_punctuation_strikethrough_and_tables() {
    let html = render(
        "L'E2C -- \"oui\" ~~non~~\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
        WORDS,
        &|_| None,
        |_| String::new(),
    )
    .html;
    assert!(html.contains("L’E2C – “oui” <del>non</del>"), "{html}");
    assert!(html.contains("<table>"), "{html}");
}

#[test]
fn links_and_images_are_collected_with_their_place() {
    let text = "See [the last note](../2017-07-03/#sites) and ![map](map.png).\n";
    let links = render(text, WORDS, &|_| None, |_| String::new()).links;
    let urls: Vec<(&str, usize)> = links.iter().map(|l| (l.url.as_str(), l.offset)).collect();
    assert_eq!(urls, [("../2017-07-03/#sites", 4), ("map.png", 46)]);
}

#[test]
fn footnotes_are_numbered_and_listed_at_the_end() {
    let html = render(
        "Texte[^cr].\n\n[^cr]: Les compte-rendus sont disponibles.\n\nSuite.\n",
        WORDS,
        &|_| None,
        |_| String::new(),
    )
    .html;
    assert!(
        html.contains("<a href=\"#note-cr\" id=\"note-ref-cr\" role=\"doc-noteref\">1</a>"),
        "{html}"
    );
    let notes = html.find("<section class=\"footnotes\"").unwrap();
    assert!(html.find("Suite.").unwrap() < notes, "{html}");
    assert!(
        html[notes..].contains("<li id=\"note-cr\"><p>Les compte-rendus sont disponibles.</p>"),
        "{html}"
    );
}

#[test]
fn email_autolinks_are_mail_links_and_addresses_are_rewritten() {
    let rewrite = |url: &str| url.strip_prefix('/').map(|rest| format!("../../{rest}"));
    let rendered = render(
        "Contact : <contact@example.org>, [plaquette](/plaquette.pdf), [appel](tel:+33494000000).\n",
        WORDS,
        &rewrite,
        |_| String::new(),
    );
    assert!(
        rendered
            .html
            .contains("<a href=\"mailto:contact@example.org\">contact@example.org</a>"),
        "{}",
        rendered.html
    );
    assert!(
        rendered.html.contains("href=\"../../plaquette.pdf\""),
        "{}",
        rendered.html
    );
    let links: Vec<(&str, &str)> = rendered
        .links
        .iter()
        .map(|l| (l.url.as_str(), l.href.as_str()))
        .collect();
    assert_eq!(
        links,
        [
            ("mailto:contact@example.org", "mailto:contact@example.org"),
            ("/plaquette.pdf", "../../plaquette.pdf"),
            ("tel:+33494000000", "tel:+33494000000"),
        ]
    );
}

#[test]
fn french_spacing_reaches_prose_but_not_code_nor_addresses() {
    let french = Settings {
        french: true,
        ..WORDS
    };
    let html = render(
        "« Nous y sommes ! » déclaré : oui. `a : b` <https://e2c.fr/x?a=1 ;b>\n\n```\nx : y\n```\n",
        french,
        &|_| None,
        |_| String::new(),
    )
    .html;
    assert!(
        html.contains("«\u{202F}Nous y sommes\u{202F}!\u{202F}» déclaré\u{A0}: oui."),
        "{html}"
    );
    assert!(html.contains("<code>a : b</code>"), "{html}");
    assert!(html.contains("<pre><code>x : y\n"), "{html}");
}

#[test]
fn markdown_tables_scroll_and_align_their_figures_right() {
    let html = render(
        "| Site | Entrés | Note |\n|---|---|:---|\n| TPM | 1 221 | 12 |\n| CAVEM | – | 3 |\n",
        WORDS,
        &|_| None,
        |_| String::new(),
    )
    .html;
    assert!(
        html.contains("<div class=\"table-scroll md-table\" tabindex=\"0\" role=\"region\" aria-label=\"Table\">"),
        "{html}"
    );
    assert!(
        html.contains("<th style=\"text-align: right\">Entrés</th>"),
        "{html}"
    );
    assert!(
        html.contains("<td>TPM</td><td style=\"text-align: right\">1 221</td>"),
        "{html}"
    );
    // An alignment written in the table wins.
    assert!(
        html.contains("<td style=\"text-align: left\">12</td>"),
        "{html}"
    );
    assert!(html.contains("</table>\n</div>"), "{html}");
}
