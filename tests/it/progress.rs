//! Progress (issue 17): the change since the previous note, derived columns, `progress`
//! charts and a page for each site, on `tests/fixtures/progress/` (four quarterly notes,
//! Dracénie opened in the third, Saint-Maximin renamed Provence Verte in the third, a
//! draft between the third and the fourth) and on the example.

use super::*;

const Q2: &str = "rapports/2017-07-03-q2/";
const Q4: &str = "rapports/2018-01-08-q4/";
const Q1: &str = "rapports/2018-04-09-q1/";

fn built(extra: &[&str]) -> (tempfile::TempDir, PathBuf) {
    let site = tempfile::tempdir().unwrap();
    copy_dir(&fixture("progress"), site.path());
    let out = site.path().join("output");
    build_ok(site.path(), &out, extra);
    (site, out)
}

/// The table whose caption is `name`, up to the end of its figure.
fn table<'a>(html: &'a str, name: &str) -> &'a str {
    let start = html
        .find(&format!("aria-label=\"{name}\""))
        .unwrap_or_else(|| panic!("no table named {name} in:\n{html}"));
    let end = html[start..].find("</figure>").unwrap() + start;
    &html[start..end]
}

fn change(shown: &str, words: &str) -> String {
    format!(
        "<td class=\"num change\"><span aria-hidden=\"true\">{shown}</span><span class=\"visually-hidden\">{words}</span></td>"
    )
}

#[test]
fn a_table_shows_the_change_since_the_previous_note_in_figures_and_in_words() {
    let (_site, out) = built(&[]);
    let html = read(out.join(Q4).join("index.html"));
    let sites = table(&html, "Stagiaires accueillis");
    for cell in [
        "<th scope=\"col\" class=\"num\"><span class=\"visually-hidden\">Stagiaires entrés, évolution </span>depuis le 2 octobre 2017</th>".to_owned(),
        change("+13", "13 de plus qu’au 2 octobre 2017"),
        change("0", "autant qu’au 2 octobre 2017"),
        change("+3,2\u{A0}pts", "3,2 points de plus qu’au 2 octobre 2017"),
        // Saint-Maximin, renamed Provence Verte: an alias, the same site.
        change("+8", "8 de plus qu’au 2 octobre 2017"),
        // Dracénie opened since.
        "<td class=\"num change new\"><span aria-hidden=\"true\">nouveau</span><span class=\"visually-hidden\">nouveau depuis le 2 octobre 2017</span></td>".to_owned(),
        // The total row: the change of the totals, and a ratio of the totals (135 / 165).
        "<tr><th scope=\"row\">Réseau</th><td class=\"num\">135</td><td class=\"num\">+33</td>".to_owned(),
        "<td class=\"num\">82\u{202F}%</td></tr>\n</tfoot>".to_owned(),
        // A division by zero (Dracénie's forecast is 0) is a missing cell.
        "<td class=\"missing\"><span aria-hidden=\"true\">–</span><span class=\"visually-hidden\">non renseigné</span></td></tr>\n</tbody>".to_owned(),
    ] {
        assert!(sites.contains(&cell), "missing {cell} in:\n{sites}");
    }
    // A row that is gone is a sentence, not a row; rows match whatever their capitals.
    let actions = table(&html, "Actions menées");
    assert!(
        actions.contains("<p class=\"table-gone\">Depuis le 2 octobre 2017, Visites n’apparaît plus dans ce tableau.</p>"),
        "{actions}"
    );
    assert!(!actions.contains("<th scope=\"row\">Visites"), "{actions}");
    assert!(
        actions.contains(&change("+30", "30 de plus qu’au 2 octobre 2017")),
        "{actions}"
    );
    // The total row leaves the gone row out: 150 + 52 + 2; a share's total is 100 %.
    assert!(
        actions.contains("<tr><th scope=\"row\">Total</th><td class=\"num\">204</td><td class=\"num\">+32</td><td class=\"num\">100\u{202F}%</td></tr>"),
        "{actions}"
    );
}

#[test]
fn missing_stays_missing_and_the_first_note_has_no_change() {
    let (_site, out) = built(&[]);
    let html = read(out.join(Q1).join("index.html"));
    let sites = table(&html, "Stagiaires accueillis");
    // CAVEM's entered figure is not given in April: no change, no rate.
    let cavem = &sites[sites.find("CAVEM").unwrap()..];
    let cavem = &cavem[..cavem.find("</tr>").unwrap()];
    assert_eq!(cavem.matches("class=\"missing\"").count(), 3, "{cavem}");
    // "Dracenie" in the fourth note is Dracénie, shown as declared, and matched.
    assert!(sites.contains(">Dracénie</a></th>"), "{sites}");
    assert!(!sites.contains("Dracenie<"), "{sites}");
    assert!(
        sites.contains(&change("+6", "6 de plus qu’au 8 janvier 2018")),
        "{sites}"
    );
    // The first note has nothing to compare with, and that is no error.
    let first = read(out.join(Q2).join("index.html"));
    assert!(!first.contains("évolution"), "{first}");
    assert!(!first.contains("class=\"num change"), "{first}");
}

#[test]
fn a_draft_is_never_compared_with() {
    let (_site, out) = built(&["--drafts"]);
    let html = read(out.join(Q1).join("index.html"));
    assert!(html.contains("depuis le 8 janvier 2018"), "{html}");
    assert!(!html.contains("1er mars 2018"), "{html}");
    // The draft itself compares with the last published note before it.
    let draft = read(out.join("rapports/2018-03-01-brouillon/index.html"));
    assert!(
        draft.contains(&change("+919", "919 de plus qu’au 8 janvier 2018")),
        "{draft}"
    );
}

#[test]
fn the_csv_has_the_change_as_a_number_with_the_date_in_its_header() {
    let (_site, out) = built(&[]);
    let csv = read(out.join(Q4).join("sites.csv"));
    let mut lines = csv.lines();
    assert_eq!(
        lines.next().unwrap(),
        "\u{FEFF}Site;Stagiaires entrés;Prévision;Sorties positives;Stagiaires entrés, évolution depuis le 2 octobre 2017;Prévision, évolution depuis le 2 octobre 2017;Sorties positives, évolution depuis le 2 octobre 2017 (points);Taux de réalisation"
    );
    assert_eq!(lines.next().unwrap(), "TPM;80;90;48,2%;13;0;3,2;89%");
    assert!(csv.contains("\r\nDracénie;6;0;;;;;\r\n"), "{csv:?}");
}

#[test]
fn a_progress_chart_says_each_value_against_its_target() {
    let (_site, out) = built(&[]);
    let html = read(out.join(Q4).join("index.html"));
    assert!(html.contains("Graphique d’avancement : Stagiaires entrés au regard de la prévision. TPM : 80 sur 90, soit 89\u{202F}% ; CAVEM : 31 sur 45, soit 69\u{202F}% ; Provence Verte : 18 sur 30, soit 60\u{202F}% ; Dracénie : 6, sans objectif ; Réseau : 135 sur 165, soit 82\u{202F}%."), "{html}");
}

#[test]
fn the_example_draws_trainees_entered_against_the_2017_forecast() {
    let out = tempfile::tempdir().unwrap();
    build_ok(&repo(), out.path(), &[]);
    let html = read(
        out.path()
            .join("rapports/2017-10-02-point-d-avancement/index.html"),
    );
    // The seed's table stays exactly as printed.
    let seed = table(
        &html,
        "Dates d’ouvertures et nombre de stagiaires accueillis en 2017",
    );
    assert!(!seed.contains("Taux"), "{seed}");
    assert!(seed.contains("<tfoot>\n<tr><th scope=\"row\">Total</th><td></td><td class=\"num\">102</td><td class=\"num\">195</td><td class=\"num\">107</td></tr>"), "{seed}");
    assert!(html.contains("TPM : 67 sur 90, soit 74\u{202F}% ; CAVEM : 25 sur 45, soit 56\u{202F}% ; Provence Verte : 10 sur 30, soit 33\u{202F}% ; Dracénie : non renseigné ; Réseau : 102 sur 195, soit 52\u{202F}%."), "{html}");
    let figures = table(&html, "Stagiaires entrés au regard de la prévision 2017");
    for rate in ["74", "56", "33"] {
        assert!(
            figures.contains(&format!("<td class=\"num\">{rate}\u{202F}%</td></tr>")),
            "{rate}: {figures}"
        );
    }
    assert!(figures.contains("<tr><th scope=\"row\">Réseau</th><td class=\"num\">102</td><td class=\"num\">195</td><td class=\"num\">52\u{202F}%</td></tr>"), "{figures}");
    // Nothing shows a change in the first note of its kind; every site has its page.
    assert!(!html.contains("évolution"));
    for slug in ["tpm", "cavem", "provence-verte", "dracenie"] {
        assert!(
            out.path()
                .join("sites")
                .join(slug)
                .join("index.html")
                .is_file(),
            "{slug}"
        );
        assert!(
            html.contains(&format!("href=\"../../sites/{slug}/index.html\"")),
            "{slug}"
        );
    }
}

#[test]
fn each_site_has_a_page_of_its_figures_note_after_note() {
    let (_site, out) = built(&[]);
    let page = read(out.join("sites/provence-verte/index.html"));
    assert!(page.contains("<h1>Provence Verte</h1>"), "{page}");
    // One row per note, Saint-Maximin's included; the rate of each.
    for row in [
        "<tr><th scope=\"row\">03/07/2017</th><td class=\"num\">0</td><td class=\"num\">30</td>",
        "<tr><th scope=\"row\">02/10/2017</th><td class=\"num\">10</td><td class=\"num\">30</td><td class=\"num\">10\u{202F}%</td><td class=\"num\">33\u{202F}%</td></tr>",
        "<tr><th scope=\"row\">09/04/2018</th><td class=\"num\">22</td><td class=\"num\">40</td><td class=\"num\">25\u{202F}%</td><td class=\"num\">55\u{202F}%</td></tr>",
    ] {
        assert!(page.contains(row), "missing {row} in:\n{page}");
    }
    // A line per column of figures, and the latest figures against the target.
    assert_eq!(
        page.matches("Graphique en courbes : ").count(),
        3 * 2,
        "{page}"
    );
    assert!(
        page.contains("09/04/2018 : 22 sur 40, soit 55\u{202F}%"),
        "{page}"
    );
    // Links to every note that shows it.
    for note in [Q2, "rapports/2017-10-02-q3/", Q4, Q1] {
        assert!(
            page.contains(&format!("<a href=\"../../{note}index.html\">")),
            "{note}"
        );
    }
    // Dracénie opened in the third note: two notes, and its own text.
    let dracenie = read(out.join("sites/dracenie/index.html"));
    assert_eq!(
        dracenie.matches("<li><a href=\"../../rapports/20").count(),
        2,
        "{dracenie}"
    );
    assert!(dracenie.contains("12 avenue de la Gare"), "{dracenie}");
    // The index lists every site with its latest figures, each linked.
    let index = read(out.join("sites/index.html"));
    assert!(index.contains("<th scope=\"row\"><a href=\"../sites/tpm/index.html\">TPM</a></th><td>09/04/2018</td><td class=\"num\">95</td><td class=\"num\">120</td>"), "{index}");
    let csv = read(out.join("sites/provence-verte/provence-verte.csv"));
    assert!(csv.contains("\r\n2017-10-02;10;30;10%;33%\r\n"), "{csv:?}");
}

/// Every `href` of the site's HTML pages leads to a file of the output.
#[test]
fn every_link_of_the_site_leads_to_a_file() {
    let (_site, out) = built(&[]);
    let mut checked = 0;
    for (name, bytes) in tree(&out) {
        if !name.ends_with(".html") || name == "404.html" {
            continue;
        }
        let html = String::from_utf8(bytes).unwrap();
        let dir = Path::new(&name).parent().unwrap().to_path_buf();
        for piece in html.split("href=\"").skip(1) {
            let href = &piece[..piece.find('"').unwrap()];
            if href.starts_with("http") || href.starts_with('#') || href.starts_with("mailto:") {
                continue;
            }
            let target = href.split('#').next().unwrap();
            let path = out.join(&dir).join(target);
            let path = if target.ends_with('/') || target.is_empty() {
                path.join("index.html")
            } else {
                path
            };
            assert!(path.exists(), "{name}: {href} leads nowhere");
            checked += 1;
        }
    }
    assert!(checked > 100, "{checked}");
}

#[test]
fn compare_on_a_global_dataset_an_undeclared_site_and_a_clash_are_problems() {
    let site = tempfile::tempdir().unwrap();
    copy_dir(&fixture("progress"), site.path());
    let root = site.path();
    fs::create_dir_all(root.join("content/data")).unwrap();
    fs::write(
        root.join("content/data/budget.yaml"),
        "- {poste: A, montant: 1}\n",
    )
    .unwrap();
    let note = root.join("content/reports/2017-07-03-q2/index.md");
    let text = read(&note)
        + "\n```table\ndata: budget\ncompare: previous\n```\n"
        + "\n```chart\ntype: progress\ndata: sites\nvalue: entered\n```\n"
        + "\n```chart\ntype: bar\ndata: sites\n```\n";
    fs::write(&note, text).unwrap();
    let sites = root.join("content/reports/2018-04-09-q1/sites.yaml");
    fs::write(&sites, read(&sites).replace("site: TPM", "site: TPN")).unwrap();
    fs::create_dir_all(root.join("content/pages")).unwrap();
    fs::write(
        root.join("content/pages/sites.md"),
        "---\ntitle: Sites\n---\nTexte.\n",
    )
    .unwrap();
    let result = build(root, &root.join("output"), &[]);
    assert!(!result.status.success());
    let err = stderr(&result);
    assert!(
        err.contains("`budget` is the same in every note, so it has nothing to compare with"),
        "{err}"
    );
    assert!(
        err.contains(
            "put a `budget.yaml` of its own in the folder of each note, or remove `compare`"
        ),
        "{err}"
    );
    assert!(
        err.contains("`TPN` is not a site declared in `site.yaml`"),
        "{err}"
    );
    assert!(err.contains("the closest declared site is `TPM`"), "{err}");
    assert!(
        err.contains("the site pages' folder `sites` is also the address of `"),
        "{err}"
    );
}

#[test]
fn the_preview_of_a_note_whose_first_chart_is_a_progress_chart_draws_it() {
    let site = example_copy();
    let root = site.path();
    let with = root.join("with");
    build_ok(root, &with, &["--base-url", "https://example.org/e2c/"]);
    let note = root.join("content/reports/2017-10-02-point-d-avancement/index.md");
    let text = read(&note);
    let start = text.find("```chart\ntype: progress").unwrap();
    let end = start + text[start..].find("```\n\n").unwrap() + 5;
    fs::write(&note, format!("{}{}", &text[..start], &text[end..])).unwrap();
    let without = root.join("without");
    build_ok(root, &without, &["--base-url", "https://example.org/e2c/"]);
    let preview = "rapports/2017-10-02-point-d-avancement/preview.png";
    let (a, b) = (
        fs::read(with.join(preview)).unwrap(),
        fs::read(without.join(preview)).unwrap(),
    );
    assert!(a.starts_with(b"\x89PNG"));
    assert_ne!(
        a, b,
        "the preview draws the progress chart, the first of the note"
    );
}
