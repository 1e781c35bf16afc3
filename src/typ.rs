//! Escaping for Typst: a writer's text can never become Typst code, whatever it holds
//! (`#`, `[`, `$`, `<`, `//`, `=`…), in the PDF's markup as in its strings.

use std::fmt::Write as _;

/// `text` as Typst markup that shows it as it is: every ASCII sign escaped with `\`
/// (Typst takes `\` before any character as the character itself), line ends as spaces
/// and other control characters left out.
pub fn text(text: &str) -> String {
    let mut markup = String::with_capacity(text.len() + text.len() / 8);
    push_text(&mut markup, text);
    markup
}

/// Appends `text`, escaped as by `text`, to `markup`.
pub fn push_text(markup: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '\n' | '\r' | '\t' => markup.push(' '),
            c if c.is_control() => {}
            c if c.is_ascii_punctuation() => {
                markup.push('\\');
                markup.push(c);
            }
            c => markup.push(c),
        }
    }
}

/// `text` as a Typst string literal, quotes included.
pub fn string(text: &str) -> String {
    let mut literal = String::with_capacity(text.len() + 2);
    literal.push('"');
    for c in text.chars() {
        match c {
            '\\' => literal.push_str("\\\\"),
            '"' => literal.push_str("\\\""),
            '\n' => literal.push_str("\\n"),
            '\r' => literal.push_str("\\r"),
            '\t' => literal.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(literal, "\\u{{{:x}}}", c as u32);
            }
            c => literal.push(c),
        }
    }
    literal.push('"');
    literal
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_never_becomes_code() {
        assert_eq!(text("#let x = 1"), "\\#let x \\= 1");
        assert_eq!(
            text("a_b *c* $d$ [e] <f> @g // h"),
            "a\\_b \\*c\\* \\$d\\$ \\[e\\] \\<f\\> \\@g \\/\\/ h"
        );
        assert_eq!(text("https://x.fr"), "https\\:\\/\\/x\\.fr");
        assert_eq!(text("1. un\n- deux\u{7}"), "1\\. un \\- deux");
        assert_eq!(text("à l’école : 12 %"), "à l’école \\: 12 \\%");
    }

    #[test]
    fn strings_are_quoted_and_escaped() {
        assert_eq!(string("a \"b\" \\ c\nd"), "\"a \\\"b\\\" \\\\ c\\nd\"");
        assert_eq!(string("\u{1}"), "\"\\u{1}\"");
    }
}
