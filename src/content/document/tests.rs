use std::path::PathBuf;

use super::*;

fn parse(text: &str) -> Result<Document, Problems> {
    let source = SourcePath {
        disk: PathBuf::from("a.md"),
        shown: PathBuf::from("a.md"),
    };
    parse_document(DocKind::Report, source, "a".into(), text.into())
        .map(|note| Document::new(note, Folder::default()))
}

#[test]
fn reads_front_matter_and_body() {
    let doc = parse("---\ntitle: Point d'avancement\ndate: 2017-10-02\n---\nCette note.\n\n```table\ndata: sites\n```\n").unwrap();
    assert_eq!(doc.title, "Point d’avancement");
    assert_eq!(doc.date, NaiveDate::from_ymd_opt(2017, 10, 2));
    assert_eq!(doc.body(), "Cette note.\n\n```table\ndata: sites\n```\n");
    assert_eq!(doc.blocks[0].line, 7);
}

#[test]
fn an_unknown_key_is_refused_with_the_closest() {
    let problems = parse("---\ntitle: x\ndate: 2017-10-02\nsumary: y\n---\n").unwrap_err();
    assert_eq!((problems[0].line, problems[0].column), (4, 1));
    assert_eq!(
        problems[0].hint_english().as_deref(),
        Some("did you mean `summary`?")
    );
}

#[test]
fn an_unknown_key_is_suggested_only_when_it_is_a_typo() {
    let problems = parse("---\ntitle: x\ndate: 2017-10-02\nauteur: Marie\n---\n").unwrap_err();
    assert_eq!(problems[0].message, "unknown key `auteur`");
    assert_eq!(
        problems[0].hint_english().as_deref(),
        Some(
            "the keys that can be used here are `title`, `date`, `summary`, `period`, `author`, `draft`, `weight`, `image`"
        )
    );
}

#[test]
fn one_author_or_a_list() {
    let one = parse("---\ntitle: x\ndate: 2017-10-02\nauthor: Marie d'Arc\n---\n").unwrap();
    assert_eq!(one.authors, ["Marie d’Arc"]);
    let two = parse("---\ntitle: x\ndate: 2017-10-02\nauthor: [Marie Dupont, Paul Martin]\n---\n")
        .unwrap();
    assert_eq!(two.authors, ["Marie Dupont", "Paul Martin"]);
    let none = parse("---\ntitle: x\ndate: 2017-10-02\nauthor:\n---\n").unwrap();
    assert!(none.authors.is_empty());
    let problems =
        parse("---\ntitle: x\ndate: 2017-10-02\nauthor: {name: Marie}\n---\n").unwrap_err();
    assert_eq!(problems[0].line, 4);
}

#[test]
fn a_comment_after_a_title_is_refused() {
    let problems = parse("---\ntitle: Note #3\ndate: 2017-10-02\n---\n").unwrap_err();
    assert_eq!((problems[0].line, problems[0].column), (2, 13));
    assert_eq!(
        problems[0].hint_english().as_deref(),
        Some("put the text in quotes: `title: \"Note #3\"`")
    );
    assert!(parse("---\ntitle: \"Note #3\" # the third\ndate: 2017-10-02\n---\n").is_ok());
}

#[test]
fn a_front_matter_that_never_closes() {
    let problems = parse("---\ntitle: x\n").unwrap_err();
    assert!(
        problems[0].message.english().contains("never ends"),
        "{}",
        problems[0].message
    );
}

#[test]
fn a_date_that_is_not_a_date() {
    let problems = parse("---\ntitle: x\ndate: 2017-13-45\n---\n").unwrap_err();
    assert_eq!((problems[0].line, problems[0].column), (3, 7));
}

#[test]
fn broken_yaml_in_a_table_block_points_into_the_note() {
    let problems =
        parse("---\ntitle: x\ndate: 2017-10-02\n---\nTexte\n\n```table\ndata: [sites\n```\n")
            .unwrap_err();
    assert_eq!(problems[0].line, 8);
}

#[test]
fn the_image_keeps_where_it_is_named() {
    let at = |line: &str| {
        let doc = parse(&format!("---\ntitle: x\ndate: 2017-10-02\n{line}\n---\n")).unwrap();
        let image = doc.image.unwrap();
        (image.name, image.line, image.column)
    };
    assert_eq!(at("image: une.png"), ("une.png".into(), 4, 8));
    assert_eq!(at("image: \"une.png\""), ("une.png".into(), 4, 9));
    assert_eq!(at("image:   une.png # la une"), ("une.png".into(), 4, 10));
}
