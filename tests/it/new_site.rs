//! `bilan new site`: a site that builds and passes `check` at once, in the language asked
//! for, and never made in a folder that holds something.

use super::*;

#[test]
fn a_new_french_site_builds_checks_and_shows_its_draft_note() {
    let parent = tempfile::tempdir().unwrap();
    let site = parent.path().join("mon-site");
    let made = bilan(&[
        &"new",
        &"site",
        &site,
        &"--title",
        &"E2C : Var",
        &"--lang",
        &"fr",
    ]);
    let out = String::from_utf8_lossy(&made.stdout);
    assert!(made.status.success(), "{}", stderr(&made));
    assert!(out.contains("pour le voir\u{A0}: cd "), "{out}");
    assert!(out.contains(", puis bilan serve"), "{out}");
    let settings = read(site.join("content/site.yaml"));
    assert!(settings.contains("title: \"E2C : Var\""), "{settings}");
    assert!(
        settings.contains("# La langue du site"),
        "every key is explained: {settings}"
    );
    assert_eq!(read(site.join(".gitignore")), "/output/\n");
    assert!(site.join("LISEZMOI.md").is_file());
    assert!(site.join("content/static").is_dir());

    let check = bilan(&[&"check", &"--root", &site]);
    assert!(check.status.success(), "{}", stderr(&check));
    let output = parent.path().join("out");
    build_ok(&site, &output, &["--drafts"]);
    let home = read(output.join("index.html"));
    assert!(home.contains("<h1>E2C\u{A0}: Var</h1>"), "{home}");
    let note = fs::read_dir(output.join("rapports"))
        .unwrap()
        .flatten()
        .find(|entry| entry.path().is_dir())
        .expect("the first note's folder")
        .path();
    let page = read(note.join("index.html"));
    assert!(
        page.contains("<caption>Stagiaires accueillis</caption>"),
        "{page}"
    );
    assert!(page.contains("class=\"chart\""), "{page}");
    assert!(page.contains("class=\"draft-notice\""), "{page}");
    // The budget comes from the spreadsheet beside the note, read as Excel writes it.
    assert!(
        page.contains("<caption>Le budget de l’année, par financeur</caption>"),
        "{page}"
    );
    assert!(
        page.contains("<td class=\"num\">300\u{202F}000\u{A0}€</td>"),
        "{page}"
    );
}

#[test]
fn a_new_english_site_speaks_english() {
    let parent = tempfile::tempdir().unwrap();
    let site = parent.path().join("my-site");
    let made = bilan(&[
        &"new",
        &"site",
        &site,
        &"--language",
        &"en",
        &"--reports-path",
        &"notes",
    ]);
    assert!(made.status.success(), "{}", stderr(&made));
    assert!(String::from_utf8_lossy(&made.stdout).contains("to see it: cd "));
    let settings = read(site.join("content/site.yaml"));
    assert!(
        settings.contains("language: en") && settings.contains("reports_path: notes"),
        "{settings}"
    );
    assert!(site.join("README.md").is_file());
    let output = parent.path().join("out");
    build_ok(&site, &output, &["--drafts"]);
    assert!(read(output.join("index.html")).contains("href=\"notes/index.html\""));
}

#[test]
fn a_folder_that_holds_something_is_refused_and_left_alone() {
    let parent = tempfile::tempdir().unwrap();
    let site = parent.path().join("full");
    fs::create_dir_all(&site).unwrap();
    fs::write(site.join("notes.txt"), "à garder").unwrap();
    // A French site's command speaks French (without `--lang`, the new site's language).
    let made = bilan(&[&"new", &"site", &site, &"--lang", &"fr"]);
    assert_eq!(made.status.code(), Some(1));
    assert!(
        stderr(&made).contains("ce dossier n’est pas vide"),
        "{}",
        stderr(&made)
    );
    let left: Vec<_> = fs::read_dir(&site).unwrap().flatten().collect();
    assert_eq!(left.len(), 1, "nothing written beside the file");
    assert_eq!(read(site.join("notes.txt")), "à garder");
}
