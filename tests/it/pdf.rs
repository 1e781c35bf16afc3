//! `pdf: true`: every report's PDF beside its page, read back with poppler's tools
//! (`pdftotext`, `pdffonts`, `pdfinfo -struct`), as a reader, a screen reader and an
//! archive would see it.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::Command;

use super::*;

const EXAMPLE_PDF: &str =
    "rapports/2017-10-02-point-d-avancement/2017-10-02-point-d-avancement.pdf";

fn tool(name: &str, args: &[&str], pdf: &Path) -> String {
    let output = Command::new(name)
        .args(args)
        .arg(pdf)
        .args(if name == "pdftotext" {
            &["-"][..]
        } else {
            &[][..]
        })
        .output()
        .unwrap_or_else(|e| panic!("running {name} (poppler-utils): {e}"));
    assert!(
        output.status.success(),
        "{name} failed: {}",
        stderr(&output)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// `words` are all in `text`, in this order.
fn assert_in_order(text: &str, words: &[&str]) {
    let mut from = 0;
    for word in words {
        match text[from..].find(word) {
            Some(at) => from += at + word.len(),
            None => panic!("`{word}` missing (or out of order) in:\n{text}"),
        }
    }
}

/// The alternative texts of a PDF's structure, decoded from their UTF-16 hex strings.
fn alt_texts(pdf: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(pdf);
    text.split("/Alt<FEFF")
        .skip(1)
        .map(|rest| {
            let hex: String = rest.chars().take_while(|c| c.is_ascii_hexdigit()).collect();
            let units: Vec<u16> = (0..hex.len() / 4)
                .map(|i| u16::from_str_radix(&hex[i * 4..i * 4 + 4], 16).unwrap())
                .collect();
            String::from_utf16_lossy(&units)
        })
        .collect()
}

/// A copy of `fixture`'s content with `pdf: true` in its settings.
fn with_pdf(fixture_root: &Path) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&fixture_root.join("content"), &dir.path().join("content"));
    let settings = dir.path().join("content/site.yaml");
    let text = read(&settings);
    if !text.contains("pdf: true") {
        fs::write(&settings, format!("{text}\npdf: true\n")).unwrap();
    }
    dir
}

#[test]
fn the_example_note_becomes_a_tagged_pdf_with_its_text_table_chart_and_notice() {
    let out = tempfile::tempdir().unwrap();
    build_ok(&repo(), out.path(), &[]);
    let pdf = out.path().join(EXAMPLE_PDF);
    let bytes = fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));

    // The page links to it, with the size of the file written.
    let page = read(
        out.path()
            .join("rapports/2017-10-02-point-d-avancement/index.html"),
    );
    let kilobytes = bytes.len().div_ceil(1024);
    assert!(
        page.contains(&format!(
            "href=\"2017-10-02-point-d-avancement.pdf\" download type=\"application/pdf\">Télécharger la note (PDF, {kilobytes} ko)</a>"
        )),
        "{page}"
    );

    // The note's text in reading order: header, body, the table with its total, the
    // chart, the funders' notice at the end, the page numbers.
    // With `-layout`, each row of the table is a line of text.
    let text = tool("pdftotext", &["-layout"], &pdf);
    assert_in_order(
        &text,
        &[
            "École de la 2e Chance du Var",
            "Point d’avancement",
            "2 octobre 2017",
            "3e trimestre 2017",
            "Lancement officiel",
            "Relation réseau E2C France et gouvernance",
            "Sites E2C",
            "Dates d’ouvertures et nombre de stagiaires accueillis en 2017",
            "TPM",
            "13/03/2017",
            "Dracénie",
            "Total",
            "102",
            "195",
            "107",
            "Les compte-rendus sont disponibles",
            "Stagiaires entrés et prévision 2017, par site",
            "Financements",
            "1 221 846 €",
            "Fonds Social Européen",
        ],
    );
    // "1 / 3" on the page; pdftotext may close up the spaces around the slash.
    let numbers = text.replace(" / ", "/");
    assert!(numbers.contains("1/3") && numbers.contains("3/3"), "{text}");
    // French spacing as on the page: a no-break space inside « ».
    assert!(text.contains("« membre associé »"), "{text}");
    // The footnote's mark sits against the word it follows, the full stop right after it.
    assert!(text.contains("Mars 20171. Les premières"), "{text}");

    // Every font embedded.
    let fonts = tool("pdffonts", &[], &pdf);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(
        rows.iter().any(|row| row.contains("DejaVuSans ")),
        "{fonts}"
    );
    assert!(
        rows.iter().any(|row| row.contains("DejaVuSans-Bold")),
        "{fonts}"
    );
    for row in rows {
        let columns: Vec<&str> = row.split_whitespace().collect();
        assert_eq!(columns[columns.len() - 5], "yes", "not embedded: {row}");
    }

    // Tagged: headings, a table with header cells, a figure with its description.
    let info = tool("pdfinfo", &[], &pdf);
    assert!(info.contains("Tagged:          yes"), "{info}");
    assert!(
        info.contains("Title:           Point d’avancement"),
        "{info}"
    );
    assert!(
        info.contains("CreationDate:    Mon Oct  2 00:00:00 2017"),
        "{info}"
    );
    let structure = tool("pdfinfo", &["-struct"], &pdf);
    for element in [
        "H1 ",
        "H2 \"Sites E2C\"",
        "Table",
        "THead",
        "TH ",
        "/Scope /Column",
        "TD",
        "Figure",
        "Note",
    ] {
        assert!(structure.contains(element), "no {element} in:\n{structure}");
    }
    let alts = alt_texts(&bytes);
    assert!(
        alts.iter()
            .any(|alt| alt.starts_with("Graphique en barres") && alt.contains("TPM")),
        "{alts:?}"
    );
    // The language and the standards in the metadata.
    let text = String::from_utf8_lossy(&bytes);
    assert!(text.contains("/Lang(fr)"), "no /Lang");
    assert!(
        text.contains("pdfuaid:part") && text.contains("pdfaid:part"),
        "no PDF/UA and PDF/A ids"
    );
}

#[test]
fn two_builds_give_the_same_pdf() {
    let site = example_copy();
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    build_ok(site.path(), a.path(), &[]);
    build_ok(site.path(), b.path(), &[]);
    let first = fs::read(a.path().join(EXAMPLE_PDF)).unwrap();
    assert_eq!(first, fs::read(b.path().join(EXAMPLE_PDF)).unwrap());
}

/// Told by the file's inode: a rebuild into the same output links the PDF already there.
#[cfg(unix)]
#[test]
fn an_unchanged_note_is_not_made_again() {
    use std::os::unix::fs::MetadataExt;
    let site = example_copy();
    let a = tempfile::tempdir().unwrap();
    build_ok(site.path(), a.path(), &[]);
    let inode = |out: &Path| fs::metadata(out.join(EXAMPLE_PDF)).unwrap().ino();
    let before = inode(a.path());
    build_ok(site.path(), a.path(), &[]);
    assert_eq!(inode(a.path()), before, "an unchanged PDF is made again");

    // An edit of the note makes it again.
    let note = site
        .path()
        .join("content/reports/2017-10-02-point-d-avancement/index.md");
    let text = read(&note).replace("Lancement officiel", "Lancement tout officiel");
    fs::write(&note, text).unwrap();
    build_ok(site.path(), a.path(), &[]);
    assert_ne!(inode(a.path()), before);
    let again = tool("pdftotext", &[], &a.path().join(EXAMPLE_PDF));
    assert!(again.contains("Lancement tout officiel"), "{again}");
}

#[test]
fn hostile_text_is_shown_as_text_never_run_as_typst() {
    let site = with_pdf(&fixture("hostile"));
    let note = site.path().join("content/reports/2017-10-02-note/index.md");
    let typst = "\n\nTypst #set text(size: 90pt) #panic(\"x\") $x^2$ [a] <lbl> @lbl *b* _c_ `d` \\ e // f /* g */ = h ~ i https://x.fr/#\"j\" ';\n";
    fs::write(&note, read(&note) + typst).unwrap();
    let out = tempfile::tempdir().unwrap();
    build_ok(site.path(), out.path(), &[]);
    let pdf = out
        .path()
        .join("rapports/2017-10-02-note/2017-10-02-note.pdf");
    let text = tool("pdftotext", &[], &pdf)
        .replace('\n', " ")
        .replace(['‘', '’'], "'")
        .replace(['“', '”'], "\"");
    for shown in [
        "E2C <script>alert('site')</script>",
        "Note <script>alert('title')</script> & \"x\" ]]>",
        "Résumé <script>alert(1)</script>",
        "Texte avec <script>alert('raw')</script> et <b>gras</b>",
        "Légende <script>x</script> & ]]>",
        "Total <script>x</script>",
        "Graphique <script>x</script>",
        "Financé par <script>alert('footer')</script> l'Europe & co.",
        "#set text(size: 90pt) #panic(\"x\") $x^2$ [a] <lbl> @lbl",
        "// f /* g */ = h ~ i",
    ] {
        assert!(text.contains(shown), "`{shown}` not shown in:\n{text}");
    }
}

#[test]
fn a_drafts_pdf_says_so_on_every_page() {
    let site = with_pdf(&fixture("drafts"));
    let out = tempfile::tempdir().unwrap();
    build_ok(site.path(), out.path(), &["--drafts"]);
    let draft = fs::read_dir(out.path().join("reports/2018-04-15-work-in-progress")).unwrap();
    let pdfs: Vec<PathBuf> = draft
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .collect();
    assert_eq!(pdfs.len(), 1, "{pdfs:?}");
    let text = tool("pdftotext", &[], &pdfs[0]);
    let pages: Vec<&str> = text
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .collect();
    assert!(!pages.is_empty());
    for page in pages {
        assert!(
            page.contains("BROUILLON"),
            "a page without the mark:\n{page}"
        );
    }
    let published = tool(
        "pdftotext",
        &[],
        &out.path()
            .join("reports/2018-01-15-published/2018-01-15-published.pdf"),
    );
    assert!(!published.contains("BROUILLON"), "{published}");
}

#[test]
fn check_makes_every_pdf_and_reports_a_note_that_cannot_become_one() {
    let site = with_pdf(&fixture("drafts"));
    let ok = bilan(&[&"check", &"--root", &site.path()]);
    assert!(ok.status.success(), "{}", stderr(&ok));
    // A picture the page can link to, but that is no picture: typst cannot read it.
    let folder = site.path().join("content/reports/2018-01-15-published");
    let note = fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "md"))
        .unwrap();
    fs::write(folder.join("broken.png"), b"not a picture").unwrap();
    fs::write(&note, read(&note) + "\n\n![A broken picture](broken.png)\n").unwrap();
    let failed = bilan(&[&"check", &"--root", &site.path()]);
    assert!(!failed.status.success());
    let said = stderr(&failed);
    assert!(said.contains("this note cannot become a PDF"), "{said}");
    assert!(said.contains("2018-01-15-published"), "{said}");
}

/// A raw GET that keeps the body's bytes.
fn get_bytes(port: u16, path: &str) -> (String, Vec<u8>) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(stream, "GET {path} HTTP/1.0\r\nHost: localhost\r\n\r\n").unwrap();
    let mut response = Vec::new();
    stream.read_to_end(&mut response).unwrap();
    let split = response
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or(response.len());
    let head = String::from_utf8_lossy(&response[..split]).into_owned();
    (head, response.get(split + 4..).unwrap_or_default().to_vec())
}

#[test]
fn serve_makes_a_pdf_when_its_link_is_followed() {
    let site = example_copy();
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let mut child = Command::new(env!("CARGO_BIN_EXE_bilan"))
        .args(["serve", "--port", &port.to_string(), "--root"])
        .arg(site.path())
        .env("NO_COLOR", "1")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    let page = loop {
        if let Ok(stream) = TcpStream::connect(("127.0.0.1", port)) {
            drop(stream);
            let (head, body) = get_bytes(port, "/rapports/2017-10-02-point-d-avancement/");
            if head.contains(" 200 ") {
                break String::from_utf8_lossy(&body).into_owned();
            }
        }
        assert!(started.elapsed().as_secs() < 20, "serve did not start");
        std::thread::sleep(std::time::Duration::from_millis(100));
    };
    // Not made yet: the link cannot tell its size.
    assert!(page.contains(">Télécharger la note (PDF)</a>"), "{page}");
    let (head, pdf) = get_bytes(port, &format!("/{EXAMPLE_PDF}"));
    let _ = child.kill();
    let _ = child.wait();
    assert!(
        head.contains("application/pdf"),
        "{head}\n{}",
        String::from_utf8_lossy(&pdf)
    );
    assert!(pdf.starts_with(b"%PDF-"));
}
