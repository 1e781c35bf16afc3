//! Reading YAML (site settings, front matter, datasets, table blocks) with serde-saphyr, and
//! turning what it reports into located [`Problem`]s.

use std::fmt;
use std::path::Path;

use serde::de::{self, DeserializeOwned, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde_saphyr::{MessageFormatter, Options, Spanned, UserMessageFormatter};

use crate::message::Message;
use crate::problem::{Problem, Problems, quoted_list};

mod comment;
mod explain;
mod lines;

pub use comment::comments_after_values;

/// Strict parsing: YAML 1.2 booleans only (`NO` stays the text "NO"), duplicate keys and
/// alias bombs refused by serde-saphyr's defaults.
fn options() -> Options {
    // Room for a dataset as large as bilan reads (16 MB is some 100 000 rows), where the
    // defaults stop at a quarter of a million values; alias bombs stay stopped by the
    // alias limits, deep nesting by the depth limit.
    let mut budget = serde_saphyr::Budget::default();
    budget.max_nodes = 4_000_000;
    budget.max_events = 8_000_000;
    let mut options = serde_saphyr::options! {
        strict_booleans: true,
        with_snippet: false,
    };
    options.budget = Some(budget);
    // Aliases are rare in hand-written data: an expansion past these is a "billion laughs".
    options.alias_limits.max_total_replayed_events = 100_000;
    options.alias_limits.max_alias_expansions_per_anchor = 10_000;
    options
}

/// Where the YAML sits inside its file: a front matter or a fenced block starts below the
/// top, so its lines are shifted to point into the file the writer edits.
#[derive(Debug, Clone, Copy)]
pub struct Origin<'a> {
    pub path: &'a Path,
    /// The whole file's text, used to show the offending line.
    pub file_text: &'a str,
    /// How many lines of the file come before the YAML.
    pub line_offset: usize,
    /// How many characters stand before the YAML on each of its lines (a block indented in
    /// a list item).
    pub column_offset: usize,
}

impl<'a> Origin<'a> {
    /// YAML that is a whole file.
    pub fn file(path: &'a Path, file_text: &'a str) -> Self {
        Origin {
            path,
            file_text,
            line_offset: 0,
            column_offset: 0,
        }
    }

    /// A problem at `line` and `column` of the YAML text (1-based).
    pub fn problem(&self, line: usize, column: usize, message: impl Into<Message>) -> Problem {
        let column = if column > 0 {
            column + self.column_offset
        } else {
            0
        };
        Problem::at(
            self.path,
            self.file_text,
            line + self.line_offset,
            column,
            message,
        )
    }

    /// A problem at a value's place.
    pub fn problem_at<T>(&self, spanned: &Spanned<T>, message: impl Into<Message>) -> Problem {
        let location = spanned.referenced;
        self.problem(
            usize::try_from(location.line()).unwrap_or(0),
            usize::try_from(location.column()).unwrap_or(0),
            message,
        )
        .with_width(usize::try_from(location.span().len()).unwrap_or(1))
    }
}

/// Parses `text` as a `T`, after checking that every top-level key is one of `known` (so that
/// a typo is reported with the closest known key). Empty YAML is a problem that says what
/// `expected` to find there.
pub fn parse<T: DeserializeOwned>(
    text: &str,
    origin: Origin<'_>,
    known: Option<&[&str]>,
    expected: Message,
) -> Result<T, Problems> {
    if text
        .lines()
        .all(|line| line.trim().is_empty() || line.trim_start().starts_with('#'))
    {
        return Err(origin
            .problem(1, 1, msg!("yaml-empty"))
            .with_hint(msg!("yaml-empty-hint", expected))
            .into());
    }
    serde_saphyr::from_str_with_options(text, options()).map_err(|error| {
        // Only a file that fails is read a second time, for its keys: an unknown one is
        // reported with the closest known key, and every one of them at once.
        let unknown = known
            .map(|known| unknown_keys(text, origin, known))
            .unwrap_or_default();
        if unknown.is_empty() {
            to_problem(&error, text, origin).into()
        } else {
            unknown
        }
    })
}

/// Reports the top-level keys of a mapping that are not in `known`. Anything that is not a
/// mapping is left for the real parse to report.
fn unknown_keys(text: &str, origin: Origin<'_>, known: &[&str]) -> Problems {
    let Ok(keys) = serde_saphyr::from_str_with_options::<Keys>(text, options()) else {
        return Problems::default();
    };
    keys.0
        .iter()
        .filter(|key| !known.contains(&key.value.as_str()))
        .map(|key| {
            origin
                .problem_at(key, msg!("yaml-unknown-key", key = &key.value))
                .with_closest(&key.value, known.iter().copied(), || {
                    msg!("yaml-known-keys", keys = quoted_list(known.iter().copied()))
                })
        })
        .collect()
}

/// The keys of a mapping, with their places.
struct Keys(Vec<Spanned<String>>);

impl<'de> de::Deserialize<'de> for Keys {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeysVisitor;
        impl<'de> Visitor<'de> for KeysVisitor {
            type Value = Keys;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a mapping")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Keys, A::Error> {
                let mut keys = Vec::new();
                while let Some(key) = map.next_key::<Spanned<String>>()? {
                    map.next_value::<IgnoredAny>()?;
                    keys.push(key);
                }
                Ok(Keys(keys))
            }
        }
        deserializer.deserialize_map(KeysVisitor)
    }
}

/// A serde-saphyr error about `text` as a located problem, in the words of a writer when it
/// is a syntax error they make (see `explain`).
pub fn to_problem(error: &serde_saphyr::Error, text: &str, origin: Origin<'_>) -> Problem {
    let error = error.without_snippet();
    let message: String = UserMessageFormatter
        .format_message(error)
        .chars()
        .filter(|c| !c.is_control())
        .collect();
    let too_large = message.contains("limits breached") || message.contains("budget");
    let message = lowercase_first(&message)
        .replace("missing field", "missing key")
        .replace("unknown field", "unknown key");
    let said = if too_large {
        msg!("yaml-too-large")
    } else {
        library_words(&message)
    };
    let (line, column) = match error.location() {
        Some(location) if location.line() > 0 => (
            usize::try_from(location.line()).unwrap_or(0),
            usize::try_from(location.column()).unwrap_or(0),
        ),
        _ => return Problem::file(origin.path, said),
    };
    match explain::explain(&message, line, column, text) {
        Some(explained) => origin
            .problem(explained.line, explained.column, explained.message)
            .with_hint(explained.hint),
        None => origin.problem(line, column, said),
    }
}

/// serde-saphyr's words for the mistakes bilan can name, in the catalogue's; the others as
/// the library writes them.
fn library_words(message: &str) -> Message {
    let quoted = |prefix: &str| {
        let rest = message.strip_prefix(prefix)?.strip_prefix('`')?;
        let (name, rest) = rest.split_once('`')?;
        Some((name.to_owned(), rest))
    };
    if let Some((key, " is not allowed here")) = quoted("duplicate mapping key ") {
        return msg!("yaml-duplicate-key", key);
    }
    if let Some((key, "")) = quoted("missing key ") {
        return msg!("yaml-missing-key", key);
    }
    if message == "recursion limit exceeded" {
        return msg!("yaml-too-deep");
    }
    // Said by `Scalar`'s visitor below, through serde.
    if let Some(number) = message.strip_suffix(" is too large a number")
        && number.bytes().all(|b| b.is_ascii_digit() || b == b'-')
    {
        return msg!("yaml-too-large-number", number);
    }
    Message::raw(message)
}

/// A message as bilan writes them: starting lowercase (unless it starts with an acronym).
pub(crate) fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) if !chars.clone().next().is_some_and(char::is_uppercase) => {
            first.to_lowercase().chain(chars).collect()
        }
        _ => text.to_owned(),
    }
}

/// One scalar of a dataset as YAML wrote it, before it is checked against its column's type.
/// Quoted and plain scalars stay apart: `"67"` is text, `67` a whole number.
#[derive(Debug, Clone, PartialEq)]
pub enum Scalar {
    Text(String),
    Integer(i64),
    Number(f64),
    Bool(bool),
    Null,
}

impl<'de> de::Deserialize<'de> for Scalar {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ScalarVisitor;
        impl<'de> Visitor<'de> for ScalarVisitor {
            type Value = Scalar;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a single value (text, number or date), not a list or a mapping")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Scalar, E> {
                Ok(Scalar::Text(v.to_owned()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Scalar, E> {
                Ok(Scalar::Text(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Scalar, E> {
                Ok(Scalar::Integer(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Scalar, E> {
                i64::try_from(v)
                    .map(Scalar::Integer)
                    .map_err(|_| E::custom(format!("{v} is too large a number")))
            }
            fn visit_i128<E: de::Error>(self, v: i128) -> Result<Scalar, E> {
                i64::try_from(v)
                    .map(Scalar::Integer)
                    .map_err(|_| E::custom(format!("{v} is too large a number")))
            }
            fn visit_u128<E: de::Error>(self, v: u128) -> Result<Scalar, E> {
                i64::try_from(v)
                    .map(Scalar::Integer)
                    .map_err(|_| E::custom(format!("{v} is too large a number")))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Scalar, E> {
                Ok(Scalar::Number(v))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Scalar, E> {
                Ok(Scalar::Bool(v))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Scalar, E> {
                Ok(Scalar::Null)
            }
            fn visit_none<E: de::Error>(self) -> Result<Scalar, E> {
                Ok(Scalar::Null)
            }
        }
        deserializer.deserialize_any(ScalarVisitor)
    }
}

#[cfg(test)]
mod tests;
