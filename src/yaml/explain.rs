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
    let at = |message: Message, hint: Message| Explained {
        line,
        column,
        message,
        hint,
    };
    if message.contains("tab") {
        return Some(tab(&lines, line, column));
    }
    if message.starts_with("unclosed quote") {
        let quote = here.chars().nth(column.checked_sub(1)?)?;
        let fixed = format!("{}{quote}", here.trim());
        return Some(at(
            msg!("yaml-unclosed-quote", quote),
            msg!("yaml-unclosed-quote-hint", quote, fixed),
        ));
    }
    if let Some(rest) = message.strip_prefix("unclosed bracket '") {
        let open = rest.chars().next()?;
        let close = if open == '[' { ']' } else { '}' };
        let fixed = format!("{}{close}", here.trim());
        return Some(at(
            msg!("yaml-unclosed-bracket", open),
            msg!("yaml-unclosed-bracket-hint", close, fixed),
        ));
    }
    if message.starts_with("mismatched bracket") {
        return Some(at(
            msg!("yaml-mismatched-bracket"),
            msg!("yaml-mismatched-bracket-hint"),
        ));
    }
    if message.starts_with("misplaced bracket") {
        let bracket = here.chars().nth(column.checked_sub(1)?)?;
        let open = if bracket == ']' { '[' } else { '{' };
        return Some(at(
            msg!("yaml-misplaced-bracket", bracket),
            msg!("yaml-misplaced-bracket-hint", open),
        ));
    }
    if message.contains("is only valid inside a block") {
        return Some(at(
            msg!("yaml-item-in-brackets"),
            msg!("yaml-item-in-brackets-hint"),
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
            Some(("- ", msg!("yaml-read-as-item")))
        } else if message.starts_with("expected string") {
            match shaped.value.chars().next() {
                Some('[') => Some(("[", msg!("yaml-read-as-list"))),
                Some('{') => Some(("{", msg!("yaml-read-as-mapping"))),
                _ => None,
            }
        } else {
            None
        };
        if let Some((start, read_as)) = starts {
            let fixed = format!("{}: {}", key.name, quoted(shaped.value));
            return Some(at(
                msg!("yaml-starts-with", key = key.name, start, read_as),
                msg!("yaml-put-in-quotes", fixed),
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
            message: msg!("yaml-tab-indent"),
            hint: msg!("yaml-tab-indent-hint"),
        },
        None => Explained {
            line,
            column,
            message: msg!("yaml-tab"),
            hint: msg!("yaml-tab-hint"),
        },
    }
}

/// `date 2019` or `date:2019`: a key without its `: `.
fn no_colon(line: usize, shaped: Shape<'_>) -> Explained {
    let text = shaped.value;
    let (message, fixed) = match text.split_once(':') {
        Some((key, value)) if !key.contains(' ') => (
            msg!("yaml-space-after-colon", key),
            format!("{key}: {}", value.trim_start()),
        ),
        _ => {
            let (key, value) = text.split_once(' ').unwrap_or((text, "…"));
            (
                msg!("yaml-colon-after-key", key),
                format!("{key}: {}", value.trim_start()),
            )
        }
    };
    Explained {
        line,
        column: shaped.value_column,
        message,
        hint: msg!("yaml-no-colon-hint", fixed),
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
    let fixed = format!("{key}: {}", quoted(value.trim()));
    let mut hint = msg!("yaml-put-in-quotes", fixed = &fixed);
    // `{site: TPM entered: 3}`: as likely a comma left out before a key.
    if colon_with == ": "
        && let Some((before, next_key)) = value
            .split_once(": ")
            .and_then(|(head, _)| head.trim().rsplit_once(' '))
    {
        let comma = format!("{key}: {before}, {next_key}: …");
        hint = msg!("yaml-put-in-quotes-or-comma", fixed, next_key, comma);
    }
    Some(Explained {
        line,
        column,
        message: holds_colon(key, &colon_with),
        hint,
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
    let (message, fixed) = match shaped.key.filter(|_| !in_flow) {
        Some(key) => (
            msg!("yaml-quotes-close-early", key = key.name),
            format!("{}: {text}", key.name),
        ),
        None => (msg!("yaml-quotes-close-early-text"), text),
    };
    Some(Explained {
        line,
        column,
        message,
        hint: msg!("yaml-quotes-close-early-hint", fixed),
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
    let explained = |column: usize, message: Message, hint: Message| Explained {
        line,
        column,
        message,
        hint,
    };
    if let Some(key) = here.key
        && let Some(rest) = key.name.strip_prefix('-')
    {
        let fixed = format!("- {rest}: {}", here.value);
        return Some(explained(
            key.column,
            msg!("yaml-space-after-dash"),
            msg!("yaml-write", fixed),
        ));
    }
    let above_key = previous.key;
    match (here.dash, here.key) {
        (Some(dash), _) => match previous.dash {
            Some(above_dash) if above_dash != dash => Some(explained(
                dash,
                if dash > above_dash {
                    msg!("yaml-item-indented-more")
                } else {
                    msg!("yaml-item-indented-less")
                },
                msg!("yaml-item-column-hint", column = above_dash.to_string()),
            )),
            Some(_) => None,
            None => {
                let key = above_key?.name;
                Some(explained(
                    dash,
                    msg!("yaml-item-among-keys"),
                    msg!("yaml-item-among-keys-hint", key),
                ))
            }
        },
        (None, Some(key)) => match (above_key, previous.dash) {
            (Some(above), _) if above.column != key.column => {
                let (name, column) = (key.name, above.column.to_string());
                let mut hint = msg!(
                    "yaml-key-column-hint",
                    name,
                    above = above.name,
                    column = &column
                );
                if key.column < above.column
                    && previous.dash.is_none()
                    && let Some(outer) = earlier
                        .iter()
                        .filter_map(|shape| shape.key)
                        .find(|outer| outer.column < above.column && outer.column < key.column)
                {
                    hint = msg!(
                        "yaml-key-column-or-hint",
                        name,
                        above = above.name,
                        column,
                        outer = outer.name,
                        outer_column = outer.column.to_string()
                    );
                }
                let message = if key.column > above.column {
                    msg!("yaml-key-indented-more", name, above = above.name)
                } else {
                    msg!("yaml-key-indented-less", name, above = above.name)
                };
                Some(explained(key.column, message, hint))
            }
            (None, Some(dash)) if key.column >= dash => {
                let parent = earlier
                    .iter()
                    .find(|shape| shape.start < dash)
                    .and_then(|shape| shape.key);
                let name = key.name;
                let hint = match parent {
                    Some(parent) => msg!(
                        "yaml-key-among-items-hint",
                        name,
                        parent = parent.name,
                        column = parent.column.to_string()
                    ),
                    None => msg!("yaml-key-among-items-start-hint", name),
                };
                Some(explained(
                    key.column,
                    msg!("yaml-key-among-items", name),
                    hint,
                ))
            }
            _ => None,
        },
        (None, None) => None,
    }
}
