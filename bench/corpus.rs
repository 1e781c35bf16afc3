//! Writes a benchmark corpus: N progress notes of about 600 words of French-like prose with
//! headings, a list, a footnote, one dataset of 6 rows × 5 typed columns, one `table` block
//! and one `chart` block, deterministic from a seed; and the same notes as a Hugo site (the
//! table as a Markdown table, no chart, a minimal theme).
//!
//! cargo run --release --example corpus -- N SEED OUT_DIR

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

/// A small deterministic generator (SplitMix64), so that a seed always gives one corpus.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn pick<'a>(&mut self, words: &[&'a str]) -> &'a str {
        words[self.below(words.len() as u64) as usize]
    }
}

const WORDS: &[&str] = &[
    "stagiaires",
    "formation",
    "entreprises",
    "partenaires",
    "accompagnement",
    "parcours",
    "compétences",
    "insertion",
    "réseau",
    "pédagogique",
    "conseil",
    "financement",
    "région",
    "site",
    "ateliers",
    "développement",
    "individualisation",
    "mobilité",
    "jeunes",
    "équipe",
    "labellisation",
    "commission",
    "suivi",
    "prescripteurs",
    "emploi",
    "alternance",
    "projet",
    "les",
    "des",
    "une",
    "pour",
    "avec",
    "dans",
    "sur",
    "et",
    "de",
    "la",
    "le",
    "à",
    "au",
];
const SITES: &[&str] = &[
    "TPM",
    "CAVEM",
    "Provence Verte",
    "Dracénie",
    "Cœur du Var",
    "Golfe de Saint-Tropez",
];

fn sentence(random: &mut Random) -> String {
    let count = 8 + random.below(12);
    let mut words: Vec<&str> = (0..count).map(|_| random.pick(WORDS)).collect();
    let first = words[0];
    let capital: String = first
        .chars()
        .next()
        .map(|c| c.to_uppercase().collect::<String>() + &first[c.len_utf8()..])
        .unwrap_or_default();
    words[0] = Box::leak(capital.into_boxed_str());
    format!("{}.", words.join(" "))
}

fn paragraph(random: &mut Random, sentences: u64) -> String {
    (0..sentences)
        .map(|_| sentence(random))
        .collect::<Vec<_>>()
        .join(" ")
}

struct Note {
    slug: String,
    date: String,
    title: String,
    sections: Vec<(String, String)>,
    list: Vec<String>,
    footnote: String,
    rows: Vec<(String, String, u64, u64, f64)>,
}

fn note(random: &mut Random, index: usize) -> Note {
    // One note a day from 1990 on, so that 10,000 notes end in 2017: none is in the future
    // (which Hugo would leave out).
    let day = chrono::NaiveDate::from_ymd_opt(1990, 1, 1)
        .and_then(|start| start.checked_add_days(chrono::Days::new(index as u64)))
        .unwrap_or_default();
    let (year, month) = (day.format("%Y").to_string(), day.format("%m").to_string());
    let date = day.format("%Y-%m-%d").to_string();
    let sections = [
        "Gouvernance",
        "Sites",
        "Financements",
        "Partenariats",
        "Approche pédagogique",
    ]
    .iter()
    .map(|h| (h.to_string(), paragraph(random, 8)))
    .collect();
    let list = (0..4).map(|_| sentence(random)).collect();
    let rows = SITES
        .iter()
        .map(|site| {
            let entered = random.below(120);
            (
                site.to_string(),
                format!("{year}-{month}-{:02}", 1 + random.below(28)),
                entered,
                entered + random.below(60),
                random.below(1000) as f64 / 1000.0,
            )
        })
        .collect();
    Note {
        slug: format!("{date}-point-d-avancement-{index:05}"),
        date,
        title: format!("Point d'avancement n° {}", index + 1),
        sections,
        list,
        footnote: sentence(random),
        rows,
    }
}

/// A note's Markdown, with `sites` (its figures, as the tool writes them) after the
/// section "Sites".
fn markdown(note: &Note, sites: &str) -> String {
    let mut md = format!(
        "---\ntitle: \"{}\"\ndate: {}\nsummary: Note de synthèse du trimestre.\n---\n",
        note.title, note.date
    );
    for (i, (heading, text)) in note.sections.iter().enumerate() {
        let _ = write!(md, "\n## {heading}\n\n{text}");
        if i == 0 {
            md.push_str("[^1]");
        }
        md.push('\n');
        if heading == "Sites" {
            md.push_str(sites);
        }
    }
    md.push_str("\n## Prochaines étapes\n\n");
    for item in &note.list {
        let _ = writeln!(md, "- {item}");
    }
    let _ = write!(md, "\n[^1]: {}\n", note.footnote);
    md
}

fn write_bilan(root: &Path, notes: &[Note]) {
    let content = root.join("content");
    fs::create_dir_all(content.join("reports")).unwrap();
    // With `BASE_URL=https://example.org/`, the site as it is published, with its feed,
    // sitemap and link previews. `bench/run` and `bench/serve` make their corpus without it
    // and give the address to the build themselves, to measure it with and without.
    let base_url = std::env::var("BASE_URL")
        .map(|url| format!("base_url: {url}\n"))
        .unwrap_or_default();
    fs::write(content.join("site.yaml"), format!("title: Corpus\nlanguage: fr\nreports_path: rapports\nfooter: Cofinancé par le Fonds social européen.\n{base_url}")).unwrap();
    for note in notes {
        let dir = content.join("reports").join(&note.slug);
        fs::create_dir_all(&dir).unwrap();
        let blocks = "\n```table\ndata: sites\ntotal: Total\nsort: -entered\n```\n\n```chart\ntype: bar\ndata: sites\nx: site\ny: [entered, forecast]\ntitle: Stagiaires entrés et prévision, par site\n```\n";
        let md = markdown(note, blocks);
        fs::write(dir.join("index.md"), md).unwrap();
        let mut data = String::from(
            "title: Stagiaires par site\ncolumns:\n  - {key: site, label: Site}\n  - {key: opened, label: Ouverture, type: date}\n  - {key: entered, label: Stagiaires entrés, type: integer}\n  - {key: forecast, label: Prévision, type: integer}\n  - {key: rate, label: Taux de sortie positive, type: percent}\nrows:\n",
        );
        for (site, opened, entered, forecast, rate) in &note.rows {
            let _ = writeln!(
                data,
                "  - {{site: {site}, opened: {opened}, entered: {entered}, forecast: {forecast}, rate: {rate}}}"
            );
        }
        fs::write(dir.join("sites.yaml"), data).unwrap();
    }
}

fn write_hugo(root: &Path, notes: &[Note]) {
    fs::create_dir_all(root.join("content/rapports")).unwrap();
    fs::create_dir_all(root.join("layouts/_default")).unwrap();
    fs::write(root.join("hugo.toml"), "baseURL = 'https://example.org/'\nlanguageCode = 'fr'\ntitle = 'Corpus'\nbuildFuture = true\ndisableKinds = ['taxonomy', 'term', 'RSS', 'sitemap', 'robotsTXT']\n[markup.goldmark.extensions]\ntypographer = true\n").unwrap();
    fs::write(root.join("layouts/_default/baseof.html"), "<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>{{ .Title }}</title></head><body><main>{{ block \"main\" . }}{{ end }}</main><footer>Cofinancé par le Fonds social européen.</footer></body></html>\n").unwrap();
    fs::write(root.join("layouts/_default/list.html"), "{{ define \"main\" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a> {{ .Date.Format \"2006-01-02\" }}</li>{{ end }}</ul>{{ end }}\n").unwrap();
    fs::write(root.join("layouts/_default/single.html"), "{{ define \"main\" }}<article><h1>{{ .Title }}</h1><p>{{ .Date.Format \"2006-01-02\" }}</p>{{ .Content }}</article>{{ with .PrevInSection }}<a href=\"{{ .RelPermalink }}\">{{ .Title }}</a>{{ end }}{{ with .NextInSection }}<a href=\"{{ .RelPermalink }}\">{{ .Title }}</a>{{ end }}{{ end }}\n").unwrap();
    for note in notes {
        let mut table = String::from(
            "\n| Site | Ouverture | Stagiaires entrés | Prévision | Taux de sortie positive |\n|---|---|--:|--:|--:|\n",
        );
        for (site, opened, entered, forecast, rate) in &note.rows {
            let _ = writeln!(
                table,
                "| {site} | {opened} | {entered} | {forecast} | {:.1} % |",
                rate * 100.0
            );
        }
        let md = markdown(note, &table);
        fs::write(
            root.join("content/rapports")
                .join(format!("{}.md", note.slug)),
            md,
        )
        .unwrap();
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let count: usize = args.get(1).and_then(|n| n.parse().ok()).unwrap_or(1000);
    let seed: u64 = args.get(2).and_then(|n| n.parse().ok()).unwrap_or(2017);
    let out = Path::new(args.get(3).map_or("bench/corpus", String::as_str)).to_path_buf();
    let mut random = Random(seed);
    let notes: Vec<Note> = (0..count).map(|i| note(&mut random, i)).collect();
    let _ = fs::remove_dir_all(&out);
    write_bilan(&out.join("bilan"), &notes);
    write_hugo(&out.join("hugo"), &notes);
    let words: usize = notes[0]
        .sections
        .iter()
        .map(|(_, t)| t.split_whitespace().count())
        .sum();
    println!(
        "{count} notes (about {words} words each) in {}",
        out.display()
    );
}
