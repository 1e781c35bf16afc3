//! Sites that build: the example note, drafts, themes, several reports.

use std::fs;
use std::path::PathBuf;

use super::*;

const REPORT: &str = "rapports/2017-10-02-point-d-avancement/index.html";

/// The text a reader sees, with typographic characters folded to what the source document uses.
fn visible_text(html: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push(' ');
            }
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    let text = text
        .replace("&#39;", "'")
        .replace("&amp;", "&")
        .replace(['’'], "'")
        .replace(['\u{202F}', '\u{A0}', '\n'], " ");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_example_note_is_published_whole_with_its_figures() {
    let out = tempfile::tempdir().unwrap();
    let out = out.path().join("output");
    let result = build(&repo(), &out, &[]);
    assert!(result.status.success(), "{}", stderr(&result));
    let summary = String::from_utf8_lossy(&result.stdout);
    assert!(summary.contains("9 pages, 1 table, 2 charts,"), "{summary}");

    assert!(out.join("index.html").is_file());
    let html = read(out.join(REPORT));
    let text = visible_text(&html);

    // Every sentence of the source document's text is on the page.
    let source = read(fixture("source/2017-10-02-point-d-avancement.txt"));
    let mut checked = 0;
    let body = source
        .find("Cette note présente")
        .expect("the note's first sentence");
    for line in source[body..].lines() {
        let line = line
            .trim()
            .trim_start_matches("- ")
            .replace("2^e", "2 e")
            .replace('¹', "")
            .replace("¹ ", "");
        if line.is_empty()
            || line.contains('\t')
            || line.starts_with("Site ")
            || line.starts_with("Total")
        {
            continue; // the sites table, checked below
        }
        let line = line.trim_start_matches(' ');
        for sentence in line.split(". ").map(|s| s.trim_end_matches('.')) {
            assert!(text.contains(sentence), "the page lacks: {sentence}");
            checked += 1;
        }
    }
    assert!(checked > 40, "only {checked} sentences checked");

    // The sections, the footnote, the list of next steps.
    for heading in [
        "Relation réseau E2C France et gouvernance",
        "Sites E2C",
        "Financements",
        "Partenariats",
        "Approche pédagogique",
        "Prochaines étapes",
    ] {
        assert!(
            html.contains(&format!(">{heading}</h2>")),
            "missing section {heading}"
        );
    }
    assert!(
        html.contains("role=\"doc-noteref\">1</a></sup>"),
        "the footnote is called"
    );
    assert!(html.contains("<li id=\"note-comptes-rendus\"><p>Les compte-rendus sont disponibles. S’adresser à l’équipe E2C Var</p>"));
    let steps = &html[html.find(">Prochaines étapes</h2>").unwrap()..];
    let steps = &steps[..steps.find("</ul>").unwrap()];
    assert_eq!(steps.matches("<li>").count(), 4, "four next steps: {steps}");

    // The figures, in French formats.
    assert!(html.contains("<time datetime=\"2017-10-02\">2 octobre 2017</time>"));
    assert!(html.contains("1\u{202F}221\u{202F}846\u{A0}€"));
    assert!(html.contains("<tr><th scope=\"row\"><a href=\"../../sites/tpm/index.html\">TPM</a></th><td>13/03/2017</td><td class=\"num\">67</td><td class=\"num\">90</td><td class=\"num\">94</td></tr>"));
    assert!(html.contains("<tr><th scope=\"row\"><a href=\"../../sites/dracenie/index.html\">Dracénie</a></th><td>23/10/2017</td><td class=\"missing\"><span aria-hidden=\"true\">–</span><span class=\"visually-hidden\">non renseigné</span></td><td class=\"num\">30</td><td class=\"num\">0</td></tr>"));
    assert!(html.contains("<tr><th scope=\"row\">Total</th><td></td><td class=\"num\">102</td><td class=\"num\">195</td><td class=\"num\">107</td></tr>"));

    // The funders' notice on every page.
    for page in ["index.html", "rapports/index.html", REPORT, "404.html"] {
        assert!(
            read(out.join(page)).contains("Cette formation est cofinancée par l’Union Européenne"),
            "{page}"
        );
    }

    // The data beside the page, ready for a French spreadsheet.
    let csv = read(out.join("rapports/2017-10-02-point-d-avancement/sites.csv"));
    assert_eq!(
        csv,
        "\u{FEFF}Site;Ouverture;Stagiaires entrés;Prévision 2017;Entreprises ayant reçu des stagiaires;Taux de réalisation\r\n\
         TPM;2017-03-13;67;90;94;74%\r\nCAVEM;2017-06-26;25;45;13;56%\r\nProvence Verte;2017-09-25;10;30;0;33%\r\n\
         Dracénie;2017-10-23;;30;0;\r\n"
    );
    assert!(html.contains("<a href=\"sites.csv\" download>"));

    // The bar chart under the progress chart: an image with a title and a description in words.
    let chart = &html[html
        .find("<figure class=\"chart\" id=\"chart-2\"")
        .expect("a chart")..];
    let svg = &chart[chart.find("<svg").unwrap()..chart.find("</svg>").unwrap()];
    assert!(svg.starts_with("<svg viewBox=\"0 0 640 "), "{svg}");
    assert!(svg.contains("role=\"img\""));
    assert!(svg.contains(
        "<title id=\"chart-2-w-title\">Stagiaires entrés et prévision 2017, par site</title>"
    ));
    let desc = &svg[svg.find("<desc").unwrap()..svg.find("</desc>").unwrap()];
    for site in ["TPM", "CAVEM", "Provence Verte", "Dracénie"] {
        assert!(desc.contains(site), "{desc}");
    }
    for figures in [
        "67, prévision 2017 : 90",
        "25, prévision 2017 : 45",
        "10, prévision 2017 : 30",
        "Dracénie — stagiaires entrés : non renseigné, prévision 2017 : 30",
    ] {
        assert!(desc.contains(figures), "{figures} in {desc}");
    }
    assert!(chart.contains("<details class=\"chart-data\">"));
    assert!(chart.contains("<caption>Stagiaires entrés et prévision 2017, par site</caption>"));
    assert!(
        chart.find("</details>").unwrap() > chart.find("href=\"sites.csv\"").unwrap(),
        "the CSV link is under the chart"
    );
}

#[test]
fn links_between_pages_are_relative() {
    let out = tempfile::tempdir().unwrap();
    build_ok(&repo(), out.path(), &[]);
    let report = read(out.path().join(REPORT));
    assert!(report.contains("<link rel=\"stylesheet\" href=\"../../assets/style.css\">"));
    assert!(report.contains("<a class=\"site-title\" href=\"../../index.html\">"));
    assert!(report.contains("<a href=\"../../rapports/index.html\">Rapports</a>"));
    let home = read(out.path().join("index.html"));
    assert!(home.contains(&format!("href=\"{REPORT}\"")));
    assert!(
        !home.contains("href=\"/"),
        "no link starts from the host's root"
    );
}

#[test]
fn drafts_are_left_out_unless_asked_for() {
    let out = tempfile::tempdir().unwrap();
    build_ok(&fixture("drafts"), out.path(), &[]);
    assert!(
        out.path()
            .join("reports/2018-01-15-published/index.html")
            .is_file()
    );
    assert!(
        !out.path()
            .join("reports/2018-04-15-work-in-progress")
            .exists()
    );
    assert!(!read(out.path().join("index.html")).contains("Work in progress"));

    build_ok(&fixture("drafts"), out.path(), &["--drafts"]);
    assert!(
        out.path()
            .join("reports/2018-04-15-work-in-progress/index.html")
            .is_file()
    );
    assert!(read(out.path().join("index.html")).contains("Work in progress"));
}

#[test]
fn a_site_theme_overrides_the_built_in_one_file_by_file() {
    let out = tempfile::tempdir().unwrap();
    build_ok(&fixture("theme-override"), out.path(), &[]);
    let report = read(out.path().join("reports/2018-01-15-note/index.html"));
    assert!(report.contains("<article class=\"custom-report\"><h1>A note</h1><p class=\"custom-date\">15 janvier 2018</p>"), "{report}");
    assert!(
        report.contains("class=\"skip-link\""),
        "base.html still comes from the built-in theme"
    );
    assert!(
        report.contains("Notes d’étape") || report.contains("Notes d&#39;étape"),
        "the site's own words replace the built-in ones"
    );
    assert_eq!(
        read(out.path().join("assets/style.css")),
        "/* custom */ body { color: #000; }\n"
    );
    assert!(out.path().join("assets/extra.css").is_file());
    let home = read(out.path().join("index.html"));
    assert!(
        home.contains("class=\"latest\""),
        "the home page comes from the built-in theme"
    );
}

#[test]
fn several_reports_in_english_with_global_data_pages_and_static_files() {
    let out = tempfile::tempdir().unwrap();
    build_ok(&fixture("several"), out.path(), &[]);
    let o = out.path();

    // Newest first on the home page, grouped by year in the archive.
    let home = read(o.join("index.html"));
    assert!(home.contains("<h2 id=\"latest-title\"><a href=\"reports/2018-04-09-q1-2018/index.html\">Progress note</a></h2>"));
    let archive = read(o.join("reports/index.html"));
    let y2018 = archive.find("id=\"year-2018\"").unwrap();
    let y2017 = archive.find("id=\"year-2017\"").unwrap();
    assert!(y2018 < y2017);
    assert!(
        archive.find("2018-04-09-q1-2018").unwrap() < archive.find("2018-01-08-q4-2017").unwrap()
    );

    // Previous and next, with dates to tell notes of the same title apart.
    let middle = read(o.join("reports/2018-01-08-q4-2017/index.html"));
    assert!(middle.contains("rel=\"prev\" href=\"../../reports/2017-10-02-q3-2017/index.html\""));
    assert!(middle.contains("rel=\"next\" href=\"../../reports/2018-04-09-q1-2018/index.html\""));
    assert!(middle.contains("2 October 2017"));
    let oldest = read(o.join("reports/2017-10-02-q3-2017/index.html"));
    assert!(!oldest.contains("rel=\"prev\""));

    // A single-file note sees the global datasets; its CSV is written beside it.
    // One amount has cents, so every line and the total show them (issue 12).
    assert!(
        oldest.contains("<td class=\"num\">€610,923.00</td>"),
        "{oldest}"
    );
    assert!(
        oldest.contains("<td class=\"num\">€366,553.80</td>"),
        "{oldest}"
    );
    assert!(oldest.contains("<td class=\"num\">50%</td>"));
    assert!(oldest.contains(
        "<tr><th scope=\"row\">Total</th><td class=\"num\">€1,221,846.00</td><td></td></tr>"
    ));
    assert!(
        oldest.find("Europe").unwrap() < oldest.find("Region").unwrap(),
        "sorted by amount, descending"
    );
    assert_eq!(
        read(o.join("reports/2017-10-02-q3-2017/budget.csv")),
        "\u{FEFF}Line,Amount,Share\r\nEurope,610923.00,50%\r\nState,366553.80,30%\r\nRegion,244369.20,20%\r\n"
    );

    // A note's own dataset, columns chosen, a caption; its image copied beside it.
    assert!(middle.contains("<caption>Trainees entered</caption>"));
    assert!(middle.contains("<tr><th scope=\"row\">TPM</th><td class=\"num\">80</td></tr>"));
    assert!(o.join("reports/2018-01-08-q4-2017/sites.csv").is_file());
    assert!(o.join("reports/2018-01-08-q4-2017/map.svg").is_file());
    assert!(!o.join("reports/2018-01-08-q4-2017/sites.yaml").exists());

    // Pages, static files, the menu, the canonical address, the language.
    let about = read(o.join("about/index.html"));
    assert!(about.contains("The E2C Var team writes a note every quarter."));
    assert!(about.contains("<a href=\"../about/index.html\">About</a>"));
    assert!(about.contains("<link rel=\"canonical\" href=\"https://example.org/e2c/about/\">"));
    assert!(about.contains("<html lang=\"en\">"));
    assert!(about.contains("Funded by <em>the European Social Fund</em>."));
    assert_eq!(
        fs::read(o.join("charter.pdf")).unwrap(),
        b"%PDF-1.4 not really\n"
    );
}

#[test]
fn two_builds_give_the_same_bytes() {
    let first = tempfile::tempdir().unwrap();
    let second = tempfile::tempdir().unwrap();
    for site in [repo(), fixture("several")] {
        build_ok(&site, first.path(), &[]);
        build_ok(&site, second.path(), &[]);
        assert_eq!(
            tree(first.path()),
            tree(second.path()),
            "{}",
            site.display()
        );
    }
}

#[test]
fn base_url_on_the_command_line_overrides_site_yaml() {
    let out = tempfile::tempdir().unwrap();
    build_ok(
        &fixture("several"),
        out.path(),
        &["--base-url", "https://e2c-var.example/notes"],
    );
    let about = read(out.path().join("about/index.html"));
    assert!(
        about.contains("<link rel=\"canonical\" href=\"https://e2c-var.example/notes/about/\">")
    );

    let result = build(
        &fixture("several"),
        out.path(),
        &["--base-url", "not a url"],
    );
    assert_eq!(result.status.code(), Some(2), "a wrong command line");
    assert!(
        stderr(&result).contains("`base_url` must be an absolute http(s) address"),
        "{}",
        stderr(&result)
    );
}

#[test]
fn a_chart_follows_a_dataset_across_reports_up_to_the_current_one() {
    let out = tempfile::tempdir().unwrap();
    build_ok(&fixture("across"), out.path(), &[]);
    let desc = |report: &str| {
        let html = read(out.path().join(format!("rapports/{report}/index.html")));
        let start = html.find("<desc id=\"chart-1-w-desc\">").expect("a chart");
        html[start..start + html[start..].find("</desc>").unwrap()].to_owned()
    };
    let last = desc("2018-04-09-q1");
    assert!(
        last.contains("TPM — 02/10/2017 : 67, 08/01/2018 : 80, 09/04/2018 : 95"),
        "{last}"
    );
    assert!(
        last.contains("Dracénie — 02/10/2017 : non renseigné, 08/01/2018 : 12, 09/04/2018 : 20"),
        "{last}"
    );
    let middle = desc("2018-01-08-q4");
    assert!(
        middle.contains("TPM — 02/10/2017 : 67, 08/01/2018 : 80 ;"),
        "only up to the current note: {middle}"
    );
    assert!(!middle.contains("09/04/2018"), "{middle}");
    assert_eq!(
        read(
            out.path()
                .join("rapports/2018-04-09-q1/sites-entered-notes.csv")
        ),
        "\u{FEFF}Date de la note;TPM;CAVEM;Dracénie\r\n2017-10-02;67;25;\r\n2018-01-08;80;31;12\r\n2018-04-09;95;40;20\r\n"
    );
}

#[test]
fn the_order_files_come_from_the_disk_does_not_change_a_byte() {
    // The same site written file by file in two opposite orders: folders list their
    // entries differently, the output must not differ.
    let mut files: Vec<(PathBuf, Vec<u8>)> = walkdir::WalkDir::new(fixture("several"))
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path()
                    .strip_prefix(fixture("several"))
                    .unwrap()
                    .to_path_buf(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    let mut trees = Vec::new();
    for _ in 0..2 {
        let site = tempfile::tempdir().unwrap();
        for (path, bytes) in &files {
            let target = site.path().join(path);
            std::fs::create_dir_all(target.parent().unwrap()).unwrap();
            std::fs::write(target, bytes).unwrap();
        }
        let out = tempfile::tempdir().unwrap();
        build_ok(site.path(), out.path(), &[]);
        trees.push(tree(out.path()));
        files.reverse();
    }
    assert_eq!(trees[0], trees[1]);
}

#[test]
fn files_in_a_notes_sub_folders_are_published_and_hidden_ones_are_not() {
    let site = example_copy();
    // The pictures here are not pictures: a PDF could not show them (see tests/it/pdf.rs).
    let settings = site.path().join("content/site.yaml");
    fs::write(
        &settings,
        read(&settings).replace("pdf: true", "pdf: false"),
    )
    .unwrap();
    let note = site
        .path()
        .join("content/reports/2017-10-02-point-d-avancement");
    for (path, bytes) in [
        ("photos/atelier/cuisine.jpg", "jpeg"),
        ("photos/plan.pdf", "pdf"),
        (".brouillon.md", "hidden"),
        ("photos/.DS_Store", "hidden"),
        (".git/config", "hidden"),
    ] {
        fs::create_dir_all(note.join(path).parent().unwrap()).unwrap();
        fs::write(note.join(path), bytes).unwrap();
    }
    let index = note.join("index.md");
    fs::write(
        &index,
        read(&index) + "\n![Atelier cuisine](photos/atelier/cuisine.jpg)\n",
    )
    .unwrap();
    let out = site.path().join("output");
    build_ok(site.path(), &out, &[]);
    let published: Vec<String> = tree(&out.join("rapports/2017-10-02-point-d-avancement"))
        .into_keys()
        .collect();
    assert_eq!(
        published,
        [
            "index.html",
            "photos/atelier/cuisine.jpg",
            "photos/plan.pdf",
            "sites.csv",
        ]
    );
}
