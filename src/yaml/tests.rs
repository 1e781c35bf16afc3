//! The YAML reader: located problems, strict scalars, and syntax errors in a writer's words.

use super::*;

#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Settings {
    title: String,
    date: Option<String>,
}

fn origin(text: &str) -> Origin<'_> {
    Origin {
        path: Path::new("x.md"),
        file_text: text,
        line_offset: 1,
        column_offset: 0,
    }
}

#[test]
fn unknown_key_names_the_closest() {
    let file = "---\ntitle: a\ndte: 2017-10-02\n---\n";
    let yaml = "title: a\ndte: 2017-10-02\n";
    let problems = parse::<Settings>(
        yaml,
        origin(file),
        Some(&["title", "date"]),
        Message::raw("settings"),
    )
    .unwrap_err();
    assert_eq!(problems.len(), 1);
    assert_eq!((problems[0].line, problems[0].column), (3, 1));
    assert_eq!(problems[0].message, "unknown key `dte`");
    assert_eq!(
        problems[0].hint_english().as_deref(),
        Some("did you mean `date`?")
    );
}

#[test]
fn syntax_errors_are_located_in_the_file() {
    let file = "---\ntitle: [a\n---\n";
    let problems =
        parse::<Settings>("title: [a\n", origin(file), None, Message::raw("settings")).unwrap_err();
    assert_eq!(problems[0].line, 2);
    assert!(
        !problems[0].message.english().contains("at line"),
        "{}",
        problems[0].message
    );
}

#[test]
fn duplicate_keys_are_refused() {
    let file = "---\ntitle: a\ntitle: b\n---\n";
    let problems = parse::<Settings>(
        "title: a\ntitle: b\n",
        origin(file),
        None,
        Message::raw("settings"),
    )
    .unwrap_err();
    assert_eq!(problems[0].line, 3);
    assert!(
        problems[0].message.english().contains("duplicate"),
        "{}",
        problems[0].message
    );
}

#[test]
fn empty_yaml_says_what_was_expected() {
    let file = "---\n# nothing\n---\n";
    let problems = parse::<Settings>(
        "# nothing\n",
        origin(file),
        None,
        Message::raw("at least `title`"),
    )
    .unwrap_err();
    assert_eq!(
        (problems[0].line, problems[0].message.english().as_str()),
        (2, "this is empty")
    );
    assert_eq!(
        problems[0].hint_english().as_deref(),
        Some("expected at least `title`")
    );
}

#[test]
fn missing_keys_are_called_keys() {
    let problems = parse::<Settings>(
        "date: x\n",
        origin("---\ndate: x\n---\n"),
        None,
        Message::raw("settings"),
    )
    .unwrap_err();
    assert_eq!(problems[0].message, "missing key `title`");
}

#[test]
fn scalars_keep_quoted_numbers_apart_and_no_is_text() {
    let values: Vec<Scalar> =
        serde_saphyr::from_str_with_options("[\"67\", 67, NO, 1.5, ~, true]", options()).unwrap();
    assert_eq!(
        values,
        vec![
            Scalar::Text("67".into()),
            Scalar::Integer(67),
            Scalar::Text("NO".into()),
            Scalar::Number(1.5),
            Scalar::Null,
            Scalar::Bool(true),
        ]
    );
}

/// What a writer types, and the place, message and hint they must get back (the YAML is
/// shown as a front matter, from line 2 of its file).
const WRITERS_MISTAKES: &[(&str, (usize, usize), &str, &str)] = &[
    (
        "title: Note T1 : activité des sites\n",
        (2, 16),
        "the value of `title` holds ` : `, which YAML reads as a new key",
        "put the text in quotes: `title: \"Note T1 : activité des sites\"`",
    ),
    (
        "title: x\nsummary: Le bilan: bon\n",
        (3, 18),
        "the value of `summary` holds `: `, which YAML reads as a new key",
        "put the text in quotes: `summary: \"Le bilan: bon\"`",
    ),
    (
        "menu:\n  - title: Rapports : 2019\n",
        (3, 21),
        "the value of `title` holds ` : `, which YAML reads as a new key",
        "put the text in quotes: `- title: \"Rapports : 2019\"`",
    ),
    (
        "menu:\n  - {title: Rapports : 2019, url: r/}\n",
        (3, 22),
        "the value of `title` holds ` : `, which YAML reads as a new key",
        "put the text in quotes: `title: \"Rapports : 2019\"`",
    ),
    (
        "title: a\nmenu:\n\t- {title: x, url: x/}\n",
        (4, 1),
        "this line is indented with a tab",
        "indent with spaces: YAML does not accept tabs at the start of a line",
    ),
    (
        "title: a\n\tdate: 2019-03-29\n",
        (3, 1),
        "this line is indented with a tab",
        "indent with spaces: YAML does not accept tabs at the start of a line",
    ),
    (
        "title: \"Note T1\ndate: 2019-03-29\n",
        (2, 8),
        "the quote `\"` that opens here is never closed",
        "end the text with a `\"` on the same line: `title: \"Note T1\"`",
    ),
    (
        "title: 'Note T1\n",
        (2, 8),
        "the quote `'` that opens here is never closed",
        "end the text with a `'` on the same line: `title: 'Note T1'`",
    ),
    (
        "title: \"Note \"T1\" x\"\n",
        (2, 15),
        "the quotes of `title` close before the end of its value",
        "a quote inside the text ends it: put the whole text between other quotes: `title: 'Note \"T1\" x'`",
    ),
    (
        "rows:\n  - {a: 1, b: 2\n  - {a: 2}\n",
        (3, 5),
        "the `{` that opens here is never closed",
        "close it with `}` on the same line: `- {a: 1, b: 2}`",
    ),
    (
        "title: x\n  date: 2019-03-29\n",
        (3, 3),
        "`date` is indented more than `title` on the line above",
        "start `date` in the same column as `title` (column 1)",
    ),
    (
        " title: x\ndate: 2019-03-29\n",
        (3, 1),
        "`date` is indented less than `title` on the line above",
        "start `date` in the same column as `title` (column 2)",
    ),
    (
        "a:\n  b: 1\n c: 2\n",
        (4, 2),
        "`c` is indented less than `b` on the line above",
        "start `c` in the same column as `b` (column 3), or as `a` (column 1)",
    ),
    (
        "rows:\n  - a: 1\n     b: 2\n",
        (4, 6),
        "`b` is indented more than `a` on the line above",
        "start `b` in the same column as `a` (column 5)",
    ),
    (
        "rows:\n  - a: 1\n   b: 2\n",
        (4, 4),
        "`b` is indented less than `a` on the line above",
        "start `b` in the same column as `a` (column 5)",
    ),
    (
        "menu:\n    - {a: b}\n  - {a: c}\n",
        (4, 3),
        "this item is indented less than the item above",
        "start every `- ` of a list in the same column: here column 5",
    ),
    (
        "menu:\n  - {a: b}\n    - {a: c}\n",
        (4, 5),
        "this item is indented more than the item above",
        "start every `- ` of a list in the same column: here column 3",
    ),
    (
        "author: Marie Dupont\n- Paul Martin\n",
        (3, 1),
        "a list item `- ` stands among keys",
        "to make a list of `author`, write `author:` alone on its line and each item below it as `  - …`; otherwise remove the `- `",
    ),
    (
        "menu:\n  - {a: b}\n  title: x\n",
        (4, 3),
        "the key `title` stands among the items of a list",
        "start `title` in the same column as `menu` (column 1) to end the list, or make it an item of its own: `- title: …`",
    ),
    (
        "title: x\ndate 2019-03-29\n",
        (3, 1),
        "`date` needs a `:` after it",
        "write a key, a colon, a space, then the value: `date: 2019-03-29`",
    ),
    (
        "title: x\ndate:2019-03-29\n",
        (3, 1),
        "`date` needs a space after its `:`",
        "write a key, a colon, a space, then the value: `date: 2019-03-29`",
    ),
    (
        "title: [Brouillon] Note T1\n",
        (2, 8),
        "the value of `title` starts with `[`, which YAML reads as a list",
        "put the text in quotes: `title: \"[Brouillon] Note T1\"`",
    ),
    (
        "title: x\nsummary: - 3 % de stagiaires\n",
        (3, 10),
        "the value of `summary` starts with `- `, which YAML reads as a list item",
        "put the text in quotes: `summary: \"- 3 % de stagiaires\"`",
    ),
    (
        "rows:\n  - site: Rouen\n    entered: 3\n  -site: Caen\n",
        (5, 3),
        "a list item needs a space after its `-`",
        "write `- site: Caen`",
    ),
    (
        "rows:\n  - {site: TPM entered: 3}\n",
        (3, 23),
        "the value of `site` holds `: `, which YAML reads as a new key",
        "put the text in quotes: `site: \"TPM entered: 3\"`, or if `entered` is a key, put a comma before it: `site: TPM, entered: …`",
    ),
    (
        "rows:\n  - {site: 'L'Isle', entered: 3}\n",
        (3, 15),
        "the quotes close before the end of the text",
        "a quote inside the text ends it: put the whole text between other quotes: `\"L'Isle\"`",
    ),
    (
        "rows:\n  - {site: TPM}}\n",
        (3, 16),
        "this `}` closes nothing",
        "remove it, or open it before with `{`",
    ),
    (
        "rows: [\n  - {site: TPM}\n",
        (3, 3),
        "a list item `- ` cannot stand inside brackets `[ … ]` or braces `{ … }`",
        "remove the `[` or `{` above and keep one `- ` item per line, or write the items between the brackets, separated by commas: `[a, b]`",
    ),
];

#[derive(Debug, serde::Deserialize)]
#[allow(dead_code)]
struct Anything {
    title: Option<String>,
    date: Option<String>,
    summary: Option<String>,
    author: Option<String>,
    menu: Option<Vec<std::collections::BTreeMap<String, String>>>,
    rows: Option<Vec<std::collections::BTreeMap<String, String>>>,
    a: Option<std::collections::BTreeMap<String, i64>>,
    c: Option<i64>,
}

#[test]
fn writers_mistakes_are_explained_with_what_to_type() {
    let mut wrong = Vec::new();
    for (yaml, place, message, hint) in WRITERS_MISTAKES {
        let file = format!("---\n{yaml}---\n");
        let problems =
            parse::<Anything>(yaml, origin(&file), None, Message::raw("settings")).unwrap_err();
        let (got_message, got_hint) = (
            problems[0].message.english(),
            problems[0].hint_english().unwrap_or_default(),
        );
        let got = (
            (problems[0].line, problems[0].column),
            got_message.as_str(),
            got_hint.as_str(),
        );
        if got != (*place, *message, *hint) {
            wrong.push(format!(
                "{yaml:?}\n  got      {got:?}\n  expected {:?}",
                (place, message, hint)
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
