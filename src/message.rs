//! What bilan says, in the user's language: every message is an id and its arguments
//! ([`Message`]), written out at print time from the catalogue of a language
//! (`locales/en/`, `locales/fr/`, in Mozilla's Fluent syntax: `bilan.ftl` for the command's
//! own lines, `problems.ftl` for the problems it finds in a site).
//!
//! A problem found deep in a dataset does not need to know the language: it holds
//! `msg!("data-not-a-whole-number", column, value)`, and the command, which knows the
//! language, renders it with a [`Catalogue`]. The tests of `message/tests.rs` check that
//! both catalogues hold the same messages with the same placeholders, and that every id the
//! code names is in them.

use std::borrow::Cow;
use std::fmt;

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};

use crate::locale::Language;

/// The English catalogue, compiled into the binary.
pub const ENGLISH: &str = concat!(
    include_str!("../locales/en/bilan.ftl"),
    include_str!("../locales/en/problems.ftl")
);
/// The French catalogue, compiled into the binary.
pub const FRENCH: &str = concat!(
    include_str!("../locales/fr/bilan.ftl"),
    include_str!("../locales/fr/problems.ftl")
);

/// A message to show: the id of its entry in the catalogues, and the values of its
/// placeholders. Made with [`msg!`](crate::msg).
///
/// There is no `From<String>`: a text of bilan's own goes through the catalogues, and one that
/// is not (a library's words) says so with [`Message::raw`], so an untranslated message does
/// not compile.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Message {
    id: &'static str,
    args: Box<[(&'static str, Arg)]>,
}

/// The value of a placeholder.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Arg {
    /// Text shown as it is: a name the user typed, a path, a value.
    Text(String),
    /// A count, which chooses the plural (`{ $count -> [one] … *[other] … }`).
    Count(u64),
    /// A message of its own, written in the same language.
    Message(Message),
}

/// `msg!("id", name = value, other)`: the message `id`, with its placeholders `$name` and
/// `$other` (a bare name stands for `other = other`).
#[macro_export]
macro_rules! msg {
    (@value $name:ident) => { $name };
    (@value $name:ident $value:expr) => { $value };
    ($id:literal $(, $name:ident $(= $value:expr)?)* $(,)?) => {
        $crate::Message::new(
            $id,
            [$((stringify!($name), $crate::Arg::from($crate::msg!(@value $name $($value)?)))),*],
        )
    };
}

/// The id of a text that comes from elsewhere (a library's or the system's words), shown as
/// it is in every language.
const RAW: &str = "";

impl Message {
    pub fn new<const N: usize>(id: &'static str, args: [(&'static str, Arg); N]) -> Self {
        Message {
            id,
            args: Box::new(args),
        }
    }

    /// A text that is not in the catalogues (a library's words), shown as it is.
    pub fn raw(text: impl Into<String>) -> Self {
        Message::new(RAW, [("text", Arg::Text(text.into()))])
    }

    pub fn id(&self) -> &'static str {
        self.id
    }

    /// The message in English, for tests and for `Display`.
    pub fn english(&self) -> String {
        Catalogue::new(Language::En).render(self)
    }
}

/// `Display` writes the message in English: what a log or a test reads. What a user reads
/// goes through a [`Catalogue`].
impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.english())
    }
}

impl std::error::Error for Message {}

/// A message equals the text it reads as in English (for tests).
impl PartialEq<str> for Message {
    fn eq(&self, text: &str) -> bool {
        self.english() == text
    }
}

impl PartialEq<&str> for Message {
    fn eq(&self, text: &&str) -> bool {
        self.english() == *text
    }
}

impl From<String> for Arg {
    fn from(text: String) -> Self {
        Arg::Text(text)
    }
}

impl From<&String> for Arg {
    fn from(text: &String) -> Self {
        Arg::Text(text.clone())
    }
}

impl From<&str> for Arg {
    fn from(text: &str) -> Self {
        Arg::Text(text.to_owned())
    }
}

impl From<&&str> for Arg {
    fn from(text: &&str) -> Self {
        Arg::Text((*text).to_owned())
    }
}

impl From<Box<str>> for Arg {
    fn from(text: Box<str>) -> Self {
        Arg::Text(text.into())
    }
}

impl From<Cow<'_, str>> for Arg {
    fn from(text: Cow<'_, str>) -> Self {
        Arg::Text(text.into_owned())
    }
}

impl From<char> for Arg {
    fn from(c: char) -> Self {
        Arg::Text(c.to_string())
    }
}

impl From<std::path::Display<'_>> for Arg {
    fn from(path: std::path::Display<'_>) -> Self {
        Arg::Text(path.to_string())
    }
}

impl From<Message> for Arg {
    fn from(message: Message) -> Self {
        Arg::Message(message)
    }
}

macro_rules! counts {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Self {
                Arg::Count(n as u64)
            }
        }
        impl From<&$t> for Arg {
            fn from(n: &$t) -> Self {
                Arg::Count(*n as u64)
            }
        }
    )*};
}
counts!(usize, u64, u32, u16, u8);

/// The messages of one language, ready to write out.
pub struct Catalogue {
    language: Language,
    bundle: FluentBundle<FluentResource>,
}

impl fmt::Debug for Catalogue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Catalogue({:?})", self.language)
    }
}

impl Catalogue {
    pub fn new(language: Language) -> Self {
        let (tag, source) = match language {
            Language::Fr => ("fr", FRENCH),
            Language::En => ("en", ENGLISH),
        };
        let resource = match FluentResource::try_new(source.to_owned()) {
            Ok(resource) => resource,
            // The tests parse both catalogues: this is only reached by a broken build.
            Err((resource, _)) => resource,
        };
        let tag = tag.parse().unwrap_or_default();
        let mut bundle = FluentBundle::new(vec![tag]);
        // No Unicode isolation marks around placeholders: a terminal shows them.
        bundle.set_use_isolating(false);
        // Both catalogues are ours and distinct ids are checked by the tests.
        let _ = bundle.add_resource(resource);
        Catalogue { language, bundle }
    }

    pub fn language(&self) -> Language {
        self.language
    }

    /// The message written out in this catalogue's language.
    pub fn render(&self, message: &Message) -> String {
        if message.id == RAW {
            return match message.args.first() {
                Some((_, Arg::Text(text))) => text.clone(),
                _ => String::new(),
            };
        }
        let Some(pattern) = self.bundle.get_message(message.id).and_then(|m| m.value()) else {
            debug_assert!(false, "no message `{}` in the catalogue", message.id);
            return message.id.to_owned();
        };
        let mut args = FluentArgs::new();
        for (name, value) in &message.args {
            let value = match value {
                Arg::Text(text) => FluentValue::from(text.as_str()),
                Arg::Count(n) => FluentValue::from(*n),
                Arg::Message(inner) => FluentValue::from(self.render(inner)),
            };
            args.set(*name, value);
        }
        let mut errors = Vec::new();
        let text = self
            .bundle
            .format_pattern(pattern, Some(&args), &mut errors)
            .into_owned();
        debug_assert!(errors.is_empty(), "message `{}`: {errors:?}", message.id);
        text
    }

    /// The message `id` (without placeholders), if the catalogue has it: for ids made at run
    /// time, such as the help of each option.
    pub fn find(&self, id: &str) -> Option<String> {
        let pattern = self.bundle.get_message(id)?.value()?;
        let mut errors = Vec::new();
        Some(
            self.bundle
                .format_pattern(pattern, None, &mut errors)
                .into_owned(),
        )
    }

    /// The message `id`, which has no placeholders.
    pub fn say(&self, id: &'static str) -> String {
        self.render(&Message::new(id, []))
    }
}

/// An error told in the catalogue's words, over the error that caused it (the system's, in
/// its own words): what `anyhow`'s `context` does, but in a form that can be written out in
/// the user's language (see [`explain`]).
#[derive(Debug)]
pub struct Said {
    pub message: Message,
    cause: Option<anyhow::Error>,
}

impl Said {
    pub fn new(message: Message) -> Self {
        Said {
            message,
            cause: None,
        }
    }

    /// `error`, told in the catalogue's words: what `anyhow`'s `context` does.
    pub fn over(error: impl Into<anyhow::Error>, message: Message) -> anyhow::Error {
        anyhow::Error::new(Said {
            message,
            cause: Some(error.into()),
        })
    }
}

impl fmt::Display for Said {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.message, f)
    }
}

impl std::error::Error for Said {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        let cause: &(dyn std::error::Error + Send + Sync + 'static) = self.cause.as_ref()?.as_ref();
        Some(cause)
    }
}

/// `.said(|| msg!(…))` on a result: its error, told in the catalogue's words.
pub trait Explain<T> {
    fn said(self, message: impl FnOnce() -> Message) -> anyhow::Result<T>;
}

impl<T, E: Into<anyhow::Error>> Explain<T> for Result<T, E> {
    fn said(self, message: impl FnOnce() -> Message) -> anyhow::Result<T> {
        self.map_err(|error| {
            anyhow::Error::new(Said {
                message: message(),
                cause: Some(error.into()),
            })
        })
    }
}

impl<T> Explain<T> for Option<T> {
    fn said(self, message: impl FnOnce() -> Message) -> anyhow::Result<T> {
        self.ok_or_else(|| anyhow::Error::new(Said::new(message())))
    }
}

/// An error and its causes as one message, `a: b: c`, in the words of the catalogue where
/// they are ours (the system's own words stay as it gives them).
pub fn explain(error: &anyhow::Error) -> Message {
    explain_causes(error.chain())
}

/// Causes of an error, outermost first, as one message (see [`explain`]).
pub fn explain_causes<'a>(
    causes: impl Iterator<Item = &'a (dyn std::error::Error + 'static)>,
) -> Message {
    let mut parts: Vec<Message> = causes
        .map(|cause| match cause.downcast_ref::<Said>() {
            Some(said) => said.message.clone(),
            None => match cause.downcast_ref::<Message>() {
                Some(message) => message.clone(),
                None => Message::raw(cause.to_string()),
            },
        })
        .collect();
    let mut message = parts.pop().unwrap_or_else(|| Message::raw(""));
    while let Some(outer) = parts.pop() {
        message = msg!("error-cause", message = outer, cause = message);
    }
    message
}

#[cfg(test)]
#[path = "message/tests.rs"]
mod tests;
