//! `title: Note #3` is valid YAML that reads `Note`: the ` #3` is a comment. In the keys
//! that hold free text, a writer means the `#`, so a comment after such a value is refused
//! with the hint to quote it. It is read from the lines as typed, since the parsed value no
//! longer holds the comment.

use super::Origin;
use super::lines::{quoted, shape};
use crate::problem::Problems;

/// The lines of `text` that give one of `keys` (at the top level) a plain value followed by a
/// comment, or a value that starts one, as problems at the `#`.
pub fn comments_after_values(text: &str, origin: Origin<'_>, keys: &[&str]) -> Problems {
    text.lines()
        .enumerate()
        .filter_map(|(index, line)| {
            let shaped = shape(line)?;
            let key = shaped.key?;
            if shaped.start != 1 || shaped.dash.is_some() || !keys.contains(&key.name) {
                return None;
            }
            let value = shaped.value;
            if value.starts_with(['"', '\'', '[', '{', '|', '>']) {
                return None;
            }
            let hash = if value.starts_with('#') {
                0
            } else {
                value.find(" #").or_else(|| value.find("\t#"))? + 1
            };
            let read = value[..hash].trim_end();
            let message = if read.is_empty() {
                msg!("yaml-hash-starts", key = key.name)
            } else {
                msg!("yaml-hash-comment", key = key.name, read)
            };
            let column = shaped.value_column + value[..hash].chars().count();
            Some(origin.problem(index + 1, column, message).with_hint(msg!(
                "yaml-put-in-quotes",
                fixed = format!("{}: {}", key.name, quoted(value))
            )))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    fn problems(text: &str) -> Vec<(usize, usize, String, Option<String>)> {
        comments_after_values(
            text,
            Origin::file(Path::new("a.md"), text),
            &["title", "summary"],
        )
        .into_iter()
        .map(|p| (p.line, p.column, p.message.english(), p.hint_english()))
        .collect()
    }

    #[test]
    fn a_comment_after_free_text_is_refused() {
        assert_eq!(
            problems("date: 2019-03-29\ntitle: Note #3\n"),
            [(
                2,
                13,
                "the `#` in the value of `title` starts a comment: `title` reads only \"Note\""
                    .to_owned(),
                Some("put the text in quotes: `title: \"Note #3\"`".to_owned())
            )]
        );
        assert_eq!(
            problems("summary: #1 des ventes\n")[0].2,
            "the value of `summary` starts with `#`, which YAML reads as a comment: `summary` is empty"
        );
    }

    #[test]
    fn quoted_values_other_keys_and_whole_line_comments_are_left_alone() {
        assert!(problems("title: \"Note #3\"\n").is_empty());
        assert!(problems("title: 'Note #3'\n").is_empty());
        assert!(problems("# title: x #3\ntitle: Note n°3\n").is_empty());
        assert!(problems("data: sites # the dataset\n").is_empty());
        assert!(problems("title: C#\n").is_empty());
        assert!(problems("menu:\n  title: a #b\n").is_empty());
    }
}
