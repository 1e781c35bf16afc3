//! Tests of problems: the cap per file, the rendering, the typo hints.
use super::*;

#[test]
fn a_file_lists_fifty_problems_and_counts_the_rest() {
    let mut capped = Capped::new("a.yaml");
    capped.extend((1..=53).map(|line| Problem::at("a.yaml", "", line, 1, Message::raw("wrong"))));
    let problems = capped.finish();
    assert_eq!(problems.len(), MAX_PER_FILE + 1);
    assert_eq!(
        problems.last().map(|p| p.message.english()),
        Some("3 more problems in this file are not listed".to_owned())
    );
    assert!(Capped::new("b.yaml").finish().is_empty());
}

#[test]
fn renders_location_message_and_line() {
    let problem = Problem::at(
        "content/reports/a.md",
        "---\ntitle: x\ndte: 2017-10-02\n---\n",
        3,
        1,
        Message::raw("unknown key `dte`"),
    )
    .with_hint(Message::raw("did you mean `date`?"));
    let text = problem.render(&crate::Catalogue::new(crate::Language::En), false);
    assert!(
        text.starts_with("content/reports/a.md:3:1: unknown key `dte`\n"),
        "{text}"
    );
    assert!(text.contains("3 | dte: 2017-10-02"), "{text}");
    assert!(text.contains("  | ^\n"), "one character underlined: {text}");
    let wide = problem
        .clone()
        .with_width(3)
        .render(&crate::Catalogue::new(crate::Language::En), false);
    assert!(wide.contains("  | ^^^\n"), "{wide}");
    assert!(text.contains("did you mean `date`?"), "{text}");
}

#[test]
fn columns_count_characters_not_bytes() {
    assert_eq!(byte_offset_of_column("é: x", 3), 3);
    assert_eq!(byte_offset_of_column("ab", 9), 2);
}

const FRONT_MATTER: [&str; 7] = [
    "title", "date", "summary", "period", "draft", "image", "author",
];

#[test]
fn suggests_typos() {
    for (typo, meant, known) in [
        ("dte", "date", &FRONT_MATTER[..]),
        ("sumary", "summary", &FRONT_MATTER),
        ("summmary", "summary", &FRONT_MATTER),
        ("tilte", "title", &FRONT_MATTER),
        ("Title", "title", &FRONT_MATTER),
        ("perod", "period", &FRONT_MATTER),
        ("autor", "author", &FRONT_MATTER),
        ("drafts", "draft", &FRONT_MATTER),
        ("entred", "entered", &["site", "entered", "forecast"]),
        ("forcast", "forecast", &["site", "entered", "forecast"]),
        ("stes", "sites", &["sites", "budget"]),
        (
            "integr",
            "integer",
            &["text", "integer", "number", "percent"],
        ),
        (
            "stacked_bar",
            "stacked-bar",
            &["bar", "stacked-bar", "line", "pie"],
        ),
        ("sites-e2k", "sites-e2c", &["sites-e2c", "budget"]),
    ] {
        assert_eq!(closest(typo, known.iter().copied()), Some(meant), "{typo}");
    }
}

#[test]
fn suggests_nothing_for_other_words() {
    for (word, known) in [
        ("auteur", &FRONT_MATTER[..]),
        ("titre", &FRONT_MATTER),
        ("resume", &FRONT_MATTER),
        ("zzzzzz", &FRONT_MATTER),
        ("de", &FRONT_MATTER),
        ("brouillon", &FRONT_MATTER),
        ("periode", &["title", "date"]),
        ("prevision", &["site", "entered", "forecast"]),
        ("camembert", &["bar", "stacked-bar", "line", "pie"]),
    ] {
        assert_eq!(closest(word, known.iter().copied()), None, "{word}");
    }
}
