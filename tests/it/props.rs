//! Property tests: whatever a writer's files hold, reading them gives a value or problems
//! located in the file, never a panic.

use std::path::{Path, PathBuf};

use bilan::Problem;
use bilan::read::{DocKind, Settings, SourcePath, load_dataset, parse_document, render};
use proptest::prelude::*;

/// Pieces that writers, and typos, put in YAML and Markdown.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("title: Note\n".to_owned()),
        Just("date: 2017-10-02\n".to_owned()),
        Just("date: 2017-13-45\n".to_owned()),
        Just("---\n".to_owned()),
        Just("```table\n".to_owned()),
        Just("```chart\n".to_owned()),
        Just("```\n".to_owned()),
        Just("data: sites\n".to_owned()),
        Just("type: bar\ny: [n, m]\n".to_owned()),
        Just("columns:\n  - {key: n, type: integer}\n".to_owned()),
        Just("rows:\n  - {n: \"67\"}\n  - {n: 1.5}\n  - {n: ~}\n".to_owned()),
        Just("- {site: Dracénie, n: }\n".to_owned()),
        Just("total: {n: 102}\n".to_owned()),
        Just("a: &x [1, 2]\nb: *x\n".to_owned()),
        Just("[[[{{\n".to_owned()),
        Just("  - \t: :\n".to_owned()),
        Just("[^1]: note\n".to_owned()),
        Just("## Titre {#id}\n".to_owned()),
        Just("<script>x</script>\n".to_owned()),
        "[a-z: \\-\\[\\]{}\"'#&*!|>%@`\n]{0,30}",
        any::<String>(),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(fragment(), 0..12).prop_map(|parts| parts.concat())
}

/// A problem names the file, and a line that is in it.
fn located(problem: &Problem, path: &str, text: &str) -> bool {
    problem.path == Path::new(path) && problem.line <= text.split('\n').count() + 1
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn a_note_is_read_or_its_problems_are_located(text in text()) {
        let source = SourcePath { disk: PathBuf::from("note.md"), shown: PathBuf::from("note.md") };
        if let Err(problems) = parse_document(DocKind::Report, source, "note".to_owned(), text.clone()) {
            prop_assert!(!problems.is_empty());
            for problem in &problems {
                prop_assert!(located(problem, "note.md", &text), "{problem:?}");
            }
        }
    }

    #[test]
    fn a_dataset_is_read_or_its_problems_are_located(text in text()) {
        if let Err(problems) = load_dataset(Path::new("sites.yaml"), Path::new("sites.yaml"), &text) {
            prop_assert!(!problems.is_empty());
            for problem in &problems {
                prop_assert!(located(problem, "sites.yaml", &text), "{problem:?}");
            }
        }
    }

    #[test]
    fn any_markdown_renders(text in text()) {
        let settings = Settings { notes: "Notes", back: "Retour", table_label: "Tableau", raw_html: false, french: true };
        let rendered = render(&text, settings, &|_| None, |i| format!("<p>block {i}</p>"));
        prop_assert!(!rendered.html.contains("<script>"));
    }
}
