use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use super::*;

/// The messages of a catalogue, each with the names of its placeholders.
fn placeholders(source: &str) -> BTreeMap<String, BTreeSet<String>> {
    let mut messages: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in source.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let body = if line.starts_with(' ') {
            line
        } else {
            let (id, body) = line.split_once(" =").expect("a message starts `id =`");
            assert!(
                messages.insert(id.to_owned(), BTreeSet::new()).is_none(),
                "`{id}` is in the catalogue twice"
            );
            current = Some(id.to_owned());
            body
        };
        let id = current.as_ref().expect("a line continues a message");
        let names = messages.get_mut(id).unwrap();
        for (at, _) in body.match_indices('$') {
            let name: String = body[at + 1..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                .collect();
            names.insert(name);
        }
    }
    messages
}

#[test]
fn both_catalogues_parse() {
    for (name, source) in [("en", ENGLISH), ("fr", FRENCH)] {
        if let Err((_, errors)) = FluentResource::try_new(source.to_owned()) {
            panic!("locales/{name}/: {errors:?}");
        }
    }
}

#[test]
fn both_catalogues_hold_the_same_messages_with_the_same_placeholders() {
    let english = placeholders(ENGLISH);
    let french = placeholders(FRENCH);
    let only_english: Vec<_> = english
        .keys()
        .filter(|k| !french.contains_key(*k))
        .collect();
    let only_french: Vec<_> = french
        .keys()
        .filter(|k| !english.contains_key(*k))
        .collect();
    assert!(
        only_english.is_empty() && only_french.is_empty(),
        "only in English: {only_english:?}; only in French: {only_french:?}"
    );
    for (id, names) in &english {
        assert_eq!(names, &french[id], "the placeholders of `{id}` differ");
    }
}

/// The ids a text names in `msg!("id"` and `.say("id"`.
fn ids_in(text: &str) -> Vec<String> {
    let mut ids = Vec::new();
    for opener in ["msg!(", ".say("] {
        for (at, _) in text.match_indices(opener) {
            let rest = text[at + opener.len()..].trim_start();
            if let Some(rest) = rest.strip_prefix('"') {
                ids.push(rest[..rest.find('"').unwrap()].to_owned());
            }
        }
    }
    ids
}

/// The code of every file of `src/` but this one and `skip`, by path, without its comments.
fn code_of_src(skip: &[&str]) -> Vec<(std::path::PathBuf, String)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(&src) {
        let entry = entry.unwrap();
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "rs")
            || path.ends_with("message/tests.rs")
            || skip.iter().any(|skipped| path.ends_with(skipped))
        {
            continue;
        }
        let text = std::fs::read_to_string(path).unwrap();
        let code: String = text
            .lines()
            .filter(|line| !line.trim_start().starts_with("//"))
            .map(|line| format!("{line}\n"))
            .collect();
        files.push((path.to_path_buf(), code));
    }
    files
}

#[test]
fn every_message_the_code_names_is_in_the_catalogues() {
    let english = placeholders(ENGLISH);
    let mut missing = Vec::new();
    let mut named = 0;
    for (path, code) in code_of_src(&[]) {
        for id in ids_in(&code) {
            named += 1;
            if id != "id" && !english.contains_key(&id) {
                missing.push(format!("{}: {id}", path.display()));
            }
        }
    }
    assert!(named > 10, "the messages of the code are found");
    assert!(missing.is_empty(), "not in the catalogues: {missing:#?}");
}

#[test]
fn every_message_renders_with_its_placeholders_in_both_languages() {
    for language in [Language::En, Language::Fr] {
        let catalogue = Catalogue::new(language);
        let source = match language {
            Language::En => ENGLISH,
            Language::Fr => FRENCH,
        };
        for (id, names) in placeholders(source) {
            let pattern = catalogue.bundle.get_message(&id).and_then(|m| m.value());
            let pattern = pattern.unwrap_or_else(|| panic!("`{id}` has a value"));
            let mut args = FluentArgs::new();
            for name in &names {
                args.set(name.as_str(), FluentValue::from(2));
            }
            let mut errors = Vec::new();
            let _ = catalogue
                .bundle
                .format_pattern(pattern, Some(&args), &mut errors);
            assert!(errors.is_empty(), "{language:?} `{id}`: {errors:?}");
        }
    }
}

#[test]
fn a_message_is_written_in_the_language_asked() {
    let message = msg!("problems-found", count = 2usize);
    assert_eq!(
        Catalogue::new(Language::En).render(&message),
        "2 problems found"
    );
    assert_eq!(
        Catalogue::new(Language::Fr).render(&msg!("problems-found", count = 1usize)),
        "1 problème trouvé"
    );
    assert_eq!(Message::raw("as it is").english(), "as it is");
}

/// The text of each message of a catalogue, lines joined, without what is between
/// backticks (names the user types) nor placeholders.
fn prose(source: &str) -> BTreeMap<String, String> {
    let mut messages: BTreeMap<String, String> = BTreeMap::new();
    let mut current = String::new();
    for line in source.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let body = match line.split_once(" =") {
            Some((id, body)) if !line.starts_with(' ') => {
                current = id.to_owned();
                body
            }
            _ => line,
        };
        let text = messages.entry(current.clone()).or_default();
        let (mut in_code, mut depth) = (false, 0);
        for c in body.chars() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                '`' if depth == 0 => in_code = !in_code,
                _ if depth == 0 && !in_code => text.push(c),
                _ => {}
            }
        }
        text.push(' ');
    }
    messages
}

#[test]
fn french_messages_keep_the_typography_of_the_pages() {
    for (id, text) in prose(FRENCH) {
        let chars: Vec<char> = text.chars().collect();
        for (at, &c) in chars.iter().enumerate() {
            let before = at.checked_sub(1).map(|b| chars[b]);
            let after = chars.get(at + 1).copied();
            let wrong = match c {
                ':' => before != Some('\u{A0}') && after.is_some_and(char::is_whitespace),
                ';' | '?' | '!' => before != Some('\u{202F}'),
                '«' => after != Some('\u{202F}'),
                '»' => before != Some('\u{202F}'),
                '\'' => true,
                _ => false,
            };
            assert!(
                !wrong,
                "`{id}`: French puts a no-break space before `:`, a narrow one before `; ? !` \
                 and inside « », and a curly apostrophe (’): {text}"
            );
        }
    }
}

/// The `msg!` calls of a text: each id with the names of the placeholders it passes.
fn calls_in(text: &str) -> Vec<(String, BTreeSet<String>)> {
    let mut calls = Vec::new();
    for (at, _) in text.match_indices("msg!(") {
        let rest = &text[at + "msg!(".len()..];
        let Some(rest) = rest.trim_start().strip_prefix('"') else {
            continue;
        };
        let close = rest.find('"').unwrap();
        let id = rest[..close].to_owned();
        let rest = &rest[close + 1..];
        // The arguments up to the closing parenthesis, split on the commas at depth 0.
        let (mut depth, mut quoted, mut end) = (0i32, false, rest.len());
        for (i, c) in rest.char_indices() {
            match c {
                '"' => quoted = !quoted,
                '(' | '[' | '{' if !quoted => depth += 1,
                ')' | ']' | '}' if !quoted && depth == 0 => {
                    end = i;
                    break;
                }
                ')' | ']' | '}' if !quoted => depth -= 1,
                _ => {}
            }
        }
        let (mut names, mut depth, mut quoted, mut start) = (BTreeSet::new(), 0i32, false, 0);
        let args = &rest[..end];
        let mut pieces = Vec::new();
        for (i, c) in args.char_indices() {
            match c {
                '"' => quoted = !quoted,
                '(' | '[' | '{' if !quoted => depth += 1,
                ')' | ']' | '}' if !quoted => depth -= 1,
                ',' if !quoted && depth == 0 => {
                    pieces.push(&args[start..i]);
                    start = i + 1;
                }
                _ => {}
            }
        }
        pieces.push(&args[start..]);
        for piece in pieces {
            let name: String = piece
                .trim()
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() {
                names.insert(name);
            }
        }
        calls.push((id, names));
    }
    calls
}

/// A call that passes `$name` where the catalogue says `$other` writes the message with
/// a hole: each `msg!` passes exactly the placeholders of its message.
#[test]
fn every_call_passes_the_placeholders_of_its_message() {
    let english = placeholders(ENGLISH);
    let mut wrong = Vec::new();
    let mut checked = 0;
    for (path, code) in code_of_src(&["message.rs"]) {
        for (id, names) in calls_in(&code) {
            let Some(expected) = english.get(&id) else {
                continue;
            };
            checked += 1;
            if &names != expected {
                wrong.push(format!(
                    "{}: `{id}` passes {names:?}, the catalogue has {expected:?}",
                    path.display()
                ));
            }
        }
    }
    assert!(checked > 100, "the calls of the code are found ({checked})");
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn the_scan_reads_the_names_a_call_passes() {
    let calls = calls_in(r#"msg!("a", b = f(x, y), c, d = "e, f")"#);
    let names: BTreeSet<String> = ["b", "c", "d"].map(String::from).into();
    assert_eq!(calls, vec![("a".to_owned(), names)]);
}
