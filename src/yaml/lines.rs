//! The shape of a line of YAML as a writer sees it (its indentation, a `- ` item, a
//! `key: value`), read from the text itself, to explain a syntax error in those terms.

/// One line of YAML, cut into the parts a writer types. Columns are 1-based, in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Shape<'a> {
    /// The column of the first character that is not a space.
    pub start: usize,
    /// The column of the `-` of a list item.
    pub dash: Option<usize>,
    /// A `key:` on the line (after the `- ` of an item), with its column and its colon's.
    pub key: Option<Key<'a>>,
    /// What follows the `- ` (an item without a key) or the `key: `, trimmed; may be empty.
    pub value: &'a str,
    /// The column where `value` starts.
    pub value_column: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Key<'a> {
    pub name: &'a str,
    pub column: usize,
    pub colon: usize,
}

/// The number of characters of `text` before byte `offset`, plus one: a 1-based column.
fn column_at(text: &str, offset: usize) -> usize {
    text[..offset].chars().count() + 1
}

/// Cuts a line into its shape; `None` for a blank line or a line that is only a comment.
pub(super) fn shape(line: &str) -> Option<Shape<'_>> {
    let rest = line.trim_start_matches([' ', '\t']);
    if rest.trim().is_empty() || rest.starts_with('#') {
        return None;
    }
    let start_offset = line.len() - rest.len();
    let (dash, inner_offset) = match rest.strip_prefix('-') {
        Some(after) if after.is_empty() || after.starts_with([' ', '\t']) => {
            let inner = after.trim_start_matches([' ', '\t']);
            (
                Some(column_at(line, start_offset)),
                line.len() - inner.len(),
            )
        }
        _ => (None, start_offset),
    };
    let inner = &line[inner_offset..];
    let key = key_of(inner).map(|(name, colon)| Key {
        name,
        column: column_at(line, inner_offset),
        colon: column_at(line, inner_offset + colon),
    });
    let value_offset = match key {
        Some(key) => {
            let after = &inner[key.name.len() + 1..];
            inner_offset + key.name.len() + 1 + (after.len() - after.trim_start().len())
        }
        None => inner_offset,
    };
    Some(Shape {
        start: column_at(line, start_offset),
        dash,
        key,
        value: line[value_offset..].trim_end(),
        value_column: column_at(line, value_offset),
    })
}

/// The plain key at the start of `text` (`title` in `title: x`) and its colon's byte offset.
fn key_of(text: &str) -> Option<(&str, usize)> {
    if text.starts_with(['"', '\'', '[', '{', '#', '|', '>', '&', '*', '!']) {
        return None;
    }
    let colon = text
        .char_indices()
        .find(|&(i, c)| c == ':' && text[i + 1..].chars().next().is_none_or(char::is_whitespace))
        .map(|(i, _)| i)?;
    let name = &text[..colon];
    let plain = !name.trim().is_empty() && name.trim_end() == name && !name.contains(" #");
    plain.then_some((name, colon))
}

/// `text` as a YAML string in quotes, the way a writer would type it: double quotes,
/// unless the text holds some and no apostrophe.
pub(super) fn quoted(text: &str) -> String {
    if !text.contains('"') {
        format!("\"{text}\"")
    } else if !text.contains('\'') {
        format!("'{text}'")
    } else {
        format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_keys_items_and_values() {
        let title = shape("title: Note T1 : activité").unwrap();
        assert_eq!(
            title.key,
            Some(Key {
                name: "title",
                column: 1,
                colon: 6
            })
        );
        assert_eq!((title.value, title.value_column), ("Note T1 : activité", 8));
        let item = shape("  - {site: TPM}").unwrap();
        assert_eq!((item.start, item.dash, item.key), (3, Some(3), None));
        assert_eq!((item.value, item.value_column), ("{site: TPM}", 5));
        let inner = shape("  - a: 1").unwrap();
        assert_eq!(inner.key.map(|k| (k.name, k.column)), Some(("a", 5)));
        assert_eq!(shape("   # note"), None);
        assert_eq!(shape("é: x").map(|s| s.value_column), Some(4));
        assert_eq!(shape("url: https://x").map(|s| s.value), Some("https://x"));
    }

    #[test]
    fn quotes_as_a_writer_would() {
        assert_eq!(quoted("Note T1 : activité"), "\"Note T1 : activité\"");
        assert_eq!(quoted("Note \"T1\""), "'Note \"T1\"'");
        assert_eq!(quoted("l'\"E2C\""), "\"l'\\\"E2C\\\"\"");
    }
}
