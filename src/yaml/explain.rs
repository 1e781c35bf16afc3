//! Syntax errors in the words of a writer. serde-saphyr says "mapping values are not allowed
//! in this context"; a coordinator who typed `title: Note T1 : activité des sites` needs to
//! read that the value holds ` : ` and to put it in quotes. Each explanation is read from the
//! lines of the YAML around the error, and says what to type.

use super::lines::{Shape, quoted, shape};
use crate::message::Message;

/// A syntax error explained: where, what, and what to type. Lines and columns are 1-based,
/// in the YAML text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Explained {
    pub line: usize,
    pub column: usize,
    pub message: Message,
    pub hint: Message,
}

/// Explains serde-saphyr's `message` about `line` and `column` of `text`, when it is one of
/// the mistakes a writer makes; `None` leaves the message as it is.
pub(super) fn explain(message: &str, line: usize, column: usize, text: &str) -> Option<Explained> {
    let lines: Vec<&str> = text.lines().collect();
    let here = *lines.get(line.checked_sub(1)?)?;
    let at = |message: String, hint: String| Explained {
        line,
        column,
        message: message.into(),
        hint: hint.into(),
    };
    if message.contains("tab") {
        return Some(tab(&lines, line, column));
    }
    if message.starts_with("unclosed quote") {
        let quote = here.chars().nth(column.checked_sub(1)?)?;
        return Some(at(
            format!("the quote `{quote}` that opens here is never closed"),
            format!(
                "end the text with a `{quote}` on the same line: `{}{quote}`",
                here.trim()
            ),
        ));
    }
    if let Some(rest) = message.strip_prefix("unclosed bracket '") {
        let open = rest.chars().next()?;
        let close = if open == '[' { ']' } else { '}' };
        return Some(at(
            format!("the `{open}` that opens here is never closed"),
            format!(
                "close it with `{close}` on the same line: `{}{close}`",
                here.trim()
            ),
        ));
    }
    if message.starts_with("mismatched bracket") {
        return Some(at(
            "this bracket does not close the one that was opened".to_owned(),
            "close each `[` with `]` and each `{` with `}`, in the reverse order they were opened"
                .to_owned(),
        ));
    }
    if message.starts_with("misplaced bracket") {
        let bracket = here.chars().nth(column.checked_sub(1)?)?;
        return Some(at(
            format!("this `{bracket}` closes nothing"),
            format!(
                "remove it, or open it before with `{}`",
                if bracket == ']' { '[' } else { '{' }
            ),
        ));
    }
    if message.contains("is only valid inside a block") {
        return Some(at(
            "a list item `- ` cannot stand inside brackets `[ … ]` or braces `{ … }`".to_owned(),
            "remove the `[` or `{` above and keep one `- ` item per line, or write the items between the brackets, separated by commas: `[a, b]`".to_owned(),
        ));
    }
    let shaped = shape(here)?;
    if message.contains("trailing content after") {
        return trailing_after_quote(here, line, column, shaped);
    }
    if let Some(key) = shaped.key
        && column >= shaped.value_column
    {
        // A text that starts with what YAML reads as the start of a list or a mapping.
        let starts = if message.starts_with("block sequence entries are not allowed") {
            Some(("- ", "a list item"))
        } else if message.starts_with("expected string") {
            match shaped.value.chars().next() {
                Some('[') => Some(("[", "a list")),
                Some('{') => Some(("{", "a mapping")),
                _ => None,
            }
        } else {
            None
        };
        if let Some((start, read_as)) = starts {
            return Some(at(
                format!(
                    "the value of `{}` starts with `{start}`, which YAML reads as {read_as}",
                    key.name
                ),
                format!(
                    "put the text in quotes: `{}: {}`",
                    key.name,
                    quoted(shaped.value)
                ),
            ));
        }
    }
    if message.starts_with("simple key expected ':'") {
        return Some(no_colon(line, shaped));
    }
    if message.starts_with("mapping values are not allowed") {
        if let Some(key) = shaped.key
            && column > key.colon
        {
            let dash = if shaped.dash.is_some() { "- " } else { "" };
            let fixed = format!("{dash}{}: {}", key.name, quoted(shaped.value));
            return Some(Explained {
                line,
                column,
                message: holds_colon(key.name, &here_chars(here, column)),
                hint: msg!("yaml-put-in-quotes", fixed),
            });
        }
        return indentation(&lines, line, shaped);
    }
    if message.contains("flow mapping, did not find expected ','") {
        return flow_colon(here, line, column);
    }
    if message.contains("did not find expected") {
        return indentation(&lines, line, shaped);
    }
    None
}

/// The characters around a colon at `column`: ` : ` when a space comes before it.
fn here_chars(line: &str, column: usize) -> String {
    let before = column
        .checked_sub(2)
        .and_then(|index| line.chars().nth(index));
    if before == Some(' ') {
        " : ".to_owned()
    } else {
        ": ".to_owned()
    }
}

fn holds_colon(key: &str, colon: &str) -> Message {
    msg!("yaml-holds-colon", key, colon)
}

/// A value written in quotes, without them.
fn unquote(value: &str) -> &str {
    value
        .strip_prefix(['"', '\''])
        .and_then(|v| v.strip_suffix(['"', '\'']))
        .unwrap_or(value)
}

/// A tab where YAML wants spaces: serde-saphyr may point at the line before it.
fn tab(lines: &[&str], line: usize, column: usize) -> Explained {
    let indented = (line..=line + 1).find_map(|number| {
        let text = lines.get(number - 1)?;
        let indent = &text[..text.len() - text.trim_start().len()];
        let tab = indent.chars().position(|c| c == '\t')?;
        Some((number, tab + 1))
    });
    match indented {
        Some((line, column)) => Explained {
            line,
            column,
            message: "this line is indented with a tab".into(),
            hint: "indent with spaces: YAML does not accept tabs at the start of a line".into(),
        },
        None => Explained {
            line,
            column,
            message: "this line holds a tab where YAML does not accept one".into(),
            hint: "type spaces instead of the tab".into(),
        },
    }
}

/// `date 2019` or `date:2019`: a key without its `: `.
fn no_colon(line: usize, shaped: Shape<'_>) -> Explained {
    let text = shaped.value;
    let (message, fixed) = match text.split_once(':') {
        Some((key, value)) if !key.contains(' ') => (
            format!("`{key}` needs a space after its `:`"),
            format!("{key}: {}", value.trim_start()),
        ),
        _ => {
            let (key, value) = text.split_once(' ').unwrap_or((text, "…"));
            (
                format!("`{key}` needs a `:` after it"),
                format!("{key}: {}", value.trim_start()),
            )
        }
    };
    Explained {
        line,
        column: shaped.value_column,
        message: message.into(),
        hint: format!("write a key, a colon, a space, then the value: `{fixed}`").into(),
    }
}

/// `- {title: Rapports : x, url: r}`: a colon in a value between braces.
fn flow_colon(here: &str, line: usize, column: usize) -> Option<Explained> {
    let chars: Vec<char> = here.chars().collect();
    let colon = column.checked_sub(1)?;
    if chars.get(colon) != Some(&':') {
        return None;
    }
    let start = chars[..colon]
        .iter()
        .rposition(|c| *c == '{' || *c == ',')?
        + 1;
    let end = chars[colon..]
        .iter()
        .position(|c| *c == ',' || *c == '}')
        .map_or(chars.len(), |offset| colon + offset);
    let pair: String = chars[start..end].iter().collect();
    let (key, value) = pair.split_once(": ")?;
    let key = key.trim();
    let colon_with = here_chars(here, column);
    let mut hint = format!("put the text in quotes: `{key}: {}`", quoted(value.trim()));
    // `{site: TPM entered: 3}`: as likely a comma left out before a key.
    if colon_with == ": "
        && let Some((before, next_key)) = value
            .split_once(": ")
            .and_then(|(head, _)| head.trim().rsplit_once(' '))
    {
        hint.push_str(&format!(
            ", or if `{next_key}` is a key, put a comma before it: `{key}: {before}, {next_key}: …`"
        ));
    }
    Some(Explained {
        line,
        column,
        message: holds_colon(key, &colon_with),
        hint: hint.into(),
    })
}

/// `title: "Note" T1` or `{site: 'L'Isle'}`: a quote inside the text closes it.
fn trailing_after_quote(
    here: &str,
    line: usize,
    column: usize,
    shaped: Shape<'_>,
) -> Option<Explained> {
    let chars: Vec<char> = here.chars().collect();
    // The closing quote stands just before `column`; the opening one is the same character
    // further left.
    let closing = column.checked_sub(2)?;
    let quote = *chars.get(closing)?;
    let opening = chars[..closing].iter().rposition(|c| *c == quote)?;
    let in_flow = chars[..opening].iter().any(|c| *c == '{' || *c == '[');
    let end = if in_flow {
        chars[closing..]
            .iter()
            .position(|c| *c == ',' || *c == '}' || *c == ']')
            .map_or(chars.len(), |offset| closing + offset)
    } else {
        chars.len()
    };
    let written: String = chars[opening..end].iter().collect();
    let text = quoted(unquote(written.trim()));
    let (message, hint) = match shaped.key.filter(|_| !in_flow) {
        Some(key) => (
            format!(
                "the quotes of `{}` close before the end of its value",
                key.name
            ),
            format!("{}: {text}", key.name),
        ),
        None => (
            "the quotes close before the end of the text".to_owned(),
            text,
        ),
    };
    Some(Explained {
        line,
        column,
        message: message.into(),
        hint: format!(
            "a quote inside the text ends it: put the whole text between other quotes: `{hint}`"
        )
        .into(),
    })
}

/// A key or a `- ` item that is not lined up with its neighbours.
fn indentation(lines: &[&str], line: usize, here: Shape<'_>) -> Option<Explained> {
    let earlier: Vec<Shape<'_>> = lines[..line - 1]
        .iter()
        .rev()
        .filter_map(|text| shape(text))
        .collect();
    let previous = *earlier.first()?;
    let explained = |column: usize, message: String, hint: String| Explained {
        line,
        column,
        message: message.into(),
        hint: hint.into(),
    };
    if let Some(key) = here.key
        && let Some(rest) = key.name.strip_prefix('-')
    {
        return Some(explained(
            key.column,
            "a list item needs a space after its `-`".to_owned(),
            format!("write `- {rest}: {}`", here.value),
        ));
    }
    let above_key = previous.key;
    match (here.dash, here.key) {
        (Some(dash), _) => match previous.dash {
            Some(above_dash) if above_dash != dash => Some(explained(
                dash,
                format!(
                    "this item is indented {} than the item above",
                    if dash > above_dash { "more" } else { "less" }
                ),
                format!("start every `- ` of a list in the same column: here column {above_dash}"),
            )),
            Some(_) => None,
            None => {
                let key = above_key?.name;
                Some(explained(
                    dash,
                    "a list item `- ` stands among keys".to_owned(),
                    format!(
                        "to make a list of `{key}`, write `{key}:` alone on its line and each item below it as `  - …`; otherwise remove the `- `"
                    ),
                ))
            }
        },
        (None, Some(key)) => match (above_key, previous.dash) {
            (Some(above), _) if above.column != key.column => {
                let mut hint = format!(
                    "start `{}` in the same column as `{}` (column {})",
                    key.name, above.name, above.column
                );
                if key.column < above.column
                    && previous.dash.is_none()
                    && let Some(outer) = earlier
                        .iter()
                        .filter_map(|shape| shape.key)
                        .find(|outer| outer.column < above.column && outer.column < key.column)
                {
                    hint.push_str(&format!(
                        ", or as `{}` (column {})",
                        outer.name, outer.column
                    ));
                }
                Some(explained(
                    key.column,
                    format!(
                        "`{}` is indented {} than `{}` on the line above",
                        key.name,
                        if key.column > above.column {
                            "more"
                        } else {
                            "less"
                        },
                        above.name
                    ),
                    hint,
                ))
            }
            (None, Some(dash)) if key.column >= dash => {
                let parent = earlier
                    .iter()
                    .find(|shape| shape.start < dash)
                    .and_then(|shape| shape.key);
                let end = match parent {
                    Some(parent) => format!(
                        "start `{}` in the same column as `{}` (column {}) to end the list",
                        key.name, parent.name, parent.column
                    ),
                    None => format!("start `{}` at the beginning of the line", key.name),
                };
                Some(explained(
                    key.column,
                    format!("the key `{}` stands among the items of a list", key.name),
                    format!("{end}, or make it an item of its own: `- {}: …`", key.name),
                ))
            }
            _ => None,
        },
        (None, None) => None,
    }
}
