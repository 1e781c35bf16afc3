//! A report or a page: its front matter, its Markdown and the `table` blocks in it.

use std::collections::{BTreeMap, BTreeSet};
use std::hash::{Hash, Hasher};
use std::sync::{Arc, OnceLock};

use chrono::NaiveDate;
use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::block::{Block, PlacedBlock};
use crate::data::Dataset;
use crate::folder::{Attachment, SourcePath};
use crate::locale::{parse_iso_date, typographic};
use crate::markdown;
use crate::message::Message;
use crate::problem::{Capped, Problem, Problems};
use crate::yaml::{self, Origin};

/// Whether a document is a dated note or another page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocKind {
    Report,
    Page,
}

/// The picture of link previews that `image:` names, and where it is named.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Image {
    pub name: String,
    pub line: usize,
    pub column: usize,
}

/// A report or page as its file says, before its folder is read (`parse_document`).
#[derive(Debug)]
pub struct Note {
    kind: DocKind,
    source: SourcePath,
    slug: String,
    title: String,
    date: Option<NaiveDate>,
    summary: Option<String>,
    period: Option<String>,
    authors: Vec<String>,
    draft: bool,
    weight: i64,
    image: Option<Image>,
    text: String,
    body_start: usize,
    body_line_offset: usize,
    blocks: Vec<PlacedBlock>,
}

impl Note {
    /// The names of the datasets its blocks name, each once.
    pub fn dataset_names(&self) -> Vec<String> {
        let mut names: Vec<String> = self
            .blocks
            .iter()
            .filter_map(|placed| placed.block.data())
            .map(str::to_owned)
            .collect();
        names.sort();
        names.dedup();
        names
    }
}

/// What a note's folder holds beside its text (nothing for a note written as `NAME.md`).
#[derive(Debug, Default)]
pub struct Folder {
    /// The datasets in the folder, which hide global ones of the same name.
    pub datasets: BTreeMap<String, Arc<Dataset>>,
    /// The names of datasets in the folder that could not be read (already reported).
    pub broken_datasets: BTreeSet<String>,
    pub attachments: Vec<Attachment>,
}

/// A report or page, read and checked on its own.
#[derive(Debug)]
pub struct Document {
    pub kind: DocKind,
    pub source: SourcePath,
    /// The last part of its address: `2017-10-02-point-d-avancement`.
    pub slug: String,
    pub title: String,
    pub date: Option<NaiveDate>,
    pub summary: Option<String>,
    pub period: Option<String>,
    /// Who wrote it: `author: Marie Dupont` or `author: [Marie Dupont, Paul Martin]`.
    pub authors: Vec<String>,
    pub draft: bool,
    /// Orders notes of one date: lower first (0 when not given).
    pub weight: i64,
    pub image: Option<Image>,
    /// The whole file, to show the offending line of a problem.
    pub text: String,
    /// Where the Markdown starts in `text`, in bytes and in lines.
    pub body_start: usize,
    pub body_line_offset: usize,
    /// The datasets in the document's folder, which hide global ones of the same name.
    pub datasets: BTreeMap<String, Arc<Dataset>>,
    /// The names of datasets in the folder that could not be read (already reported).
    pub broken_datasets: BTreeSet<String>,
    pub attachments: Vec<Attachment>,
    pub blocks: Vec<PlacedBlock>,
    /// A hash of the files the document was read from, made when first asked for (by the
    /// render cache of `serve` only), then kept with the document.
    fingerprint: OnceLock<u64>,
    /// Whether the text names a `.md` file, found when first asked for, then kept.
    names_markdown: OnceLock<bool>,
}

impl Document {
    /// The document of `note`, with what its folder holds.
    pub fn new(note: Note, folder: Folder) -> Document {
        Document {
            kind: note.kind,
            source: note.source,
            slug: note.slug,
            title: note.title,
            date: note.date,
            summary: note.summary,
            period: note.period,
            authors: note.authors,
            draft: note.draft,
            weight: note.weight,
            image: note.image,
            text: note.text,
            body_start: note.body_start,
            body_line_offset: note.body_line_offset,
            datasets: folder.datasets,
            broken_datasets: folder.broken_datasets,
            attachments: folder.attachments,
            blocks: note.blocks,
            fingerprint: OnceLock::new(),
            names_markdown: OnceLock::new(),
        }
    }

    /// A hash of everything the document is read from: its file's place and text, its
    /// datasets' and the names of its attachments. A rendering that depends on the document
    /// alone can be kept as long as the fingerprint stays the same.
    pub fn fingerprint(&self) -> u64 {
        *self.fingerprint.get_or_init(|| {
            let mut hasher = std::hash::DefaultHasher::new();
            (self.kind == DocKind::Report).hash(&mut hasher);
            self.source.shown.hash(&mut hasher);
            self.slug.hash(&mut hasher);
            self.text.hash(&mut hasher);
            for (name, dataset) in &self.datasets {
                name.hash(&mut hasher);
                dataset.fingerprint().hash(&mut hasher);
            }
            self.broken_datasets.hash(&mut hasher);
            for attachment in &self.attachments {
                attachment.name.hash(&mut hasher);
            }
            hasher.finish()
        })
    }

    /// Whether the text names a `.md` file anywhere: a link to another note's source, which
    /// is written with that note's address, may be among them.
    pub fn names_markdown(&self) -> bool {
        *self
            .names_markdown
            .get_or_init(|| self.text.contains(".md"))
    }

    /// Where the document stands in the one order of notes: by date, then `weight` (lower
    /// first), then title, then address. The latest note is the last in this order.
    pub fn order(&self, other: &Document) -> std::cmp::Ordering {
        self.date
            .cmp(&other.date)
            .then(self.weight.cmp(&other.weight))
            .then_with(|| self.title.to_lowercase().cmp(&other.title.to_lowercase()))
            .then_with(|| self.slug.cmp(&other.slug))
    }

    /// The Markdown of the document.
    pub fn body(&self) -> &str {
        &self.text[self.body_start..]
    }

    /// Where a block's YAML sits in the file, for its problems.
    pub fn block_origin(&self, block: &PlacedBlock) -> Origin<'_> {
        Origin {
            path: &self.source.shown,
            file_text: &self.text,
            line_offset: block.line,
            column_offset: block.indent,
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    title: String,
    date: Option<Spanned<String>>,
    summary: Option<String>,
    period: Option<String>,
    #[serde(default)]
    author: Authors,
    #[serde(default)]
    draft: bool,
    #[serde(default)]
    weight: i64,
    image: Option<Spanned<String>>,
}

const KEYS: [&str; 8] = [
    "title", "date", "summary", "period", "author", "draft", "weight", "image",
];

/// `author`: one name, or a list of them.
#[derive(Default)]
struct Authors(Vec<String>);

impl<'de> Deserialize<'de> for Authors {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct AuthorsVisitor;
        impl<'de> serde::de::Visitor<'de> for AuthorsVisitor {
            type Value = Authors;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a name, or a list of names such as `[Marie Dupont, Paul Martin]`")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Authors, E> {
                Ok(Authors(vec![v.to_owned()]))
            }
            fn visit_unit<E: serde::de::Error>(self) -> Result<Authors, E> {
                Ok(Authors(Vec::new()))
            }
            fn visit_none<E: serde::de::Error>(self) -> Result<Authors, E> {
                Ok(Authors(Vec::new()))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Authors, A::Error> {
                let mut names = Vec::new();
                while let Some(name) = seq.next_element::<String>()? {
                    names.push(name);
                }
                Ok(Authors(names))
            }
        }
        deserializer.deserialize_any(AuthorsVisitor)
    }
}

/// The keys that hold free text, where a ` #` is meant as part of the text.
const FREE_TEXT: [&str; 4] = ["title", "summary", "period", "author"];

/// Reads a note from its text; `Document::new` gives it what its folder holds.
pub fn parse_document(
    kind: DocKind,
    source: SourcePath,
    slug: String,
    text: String,
) -> Result<Note, Problems> {
    let shown = &source.shown;
    let Some((yaml_text, body_start)) = split_front_matter(&text) else {
        let problem = if text.trim_start().starts_with("---") {
            Problem::at(shown, &text, 1, 1, msg!("note-front-matter-never-ends"))
                .with_hint(msg!("note-front-matter-never-ends-hint"))
        } else {
            Problem::at(shown, &text, 1, 1, msg!("note-no-front-matter"))
                .with_hint(msg!("note-no-front-matter-hint"))
        };
        return Err(problem.into());
    };
    let origin = Origin {
        path: shown,
        file_text: &text,
        line_offset: 1,
        column_offset: 0,
    };
    // `title: Note #3` reads `Note`: a comment after free text is refused, with the other
    // problems of the front matter that are not on its lines.
    let commented = yaml::comments_after_values(yaml_text, origin, &FREE_TEXT);
    let parsed = yaml::parse::<FrontMatter>(
        yaml_text,
        origin,
        Some(&KEYS),
        msg!("yaml-expected-front-matter"),
    );
    let front = match parsed {
        Ok(front) if commented.is_empty() => front,
        Ok(_) => return Err(commented),
        Err(problems) => {
            let others = problems
                .into_iter()
                .filter(|p| !commented.iter().any(|c| c.line == p.line));
            return Err(commented.iter().cloned().chain(others).collect());
        }
    };

    let mut problems = Capped::new(shown);
    let date = match &front.date {
        Some(date) => match parse_iso_date(&date.value) {
            Some(parsed) => Some(parsed),
            None => {
                problems.push(
                    origin
                        .problem_at(date, msg!("note-date-format", found = &date.value))
                        .with_hint(msg!("note-date-format-hint")),
                );
                None
            }
        },
        None if kind == DocKind::Report => {
            problems.push(
                Problem::at(shown, &text, 1, 1, msg!("note-report-needs-date"))
                    .with_hint(msg!("note-report-needs-date-hint")),
            );
            None
        }
        None => None,
    };
    if let Some(image) = &front.image
        && (image.value.contains("..")
            || image.value.starts_with('/')
            || image.value.contains('\\'))
    {
        problems.push(
            origin
                .problem_at(image, msg!("note-image-beside", found = &image.value))
                .with_hint(msg!("note-image-beside-hint")),
        );
    }

    let body_line_offset = text[..body_start].matches('\n').count();
    let mut blocks = Vec::new();
    for fenced in markdown::find_blocks(&text[body_start..]) {
        // The YAML starts on the line after the opening fence.
        let line = body_line_offset + fenced.line;
        let origin = Origin {
            path: shown,
            file_text: &text,
            line_offset: line,
            column_offset: fenced.indent,
        };
        let block = match Block::parse(&fenced, origin) {
            Ok(block) => block,
            Err(found) => {
                problems.extend(found);
                Block::Broken
            }
        };
        blocks.push(PlacedBlock {
            line,
            indent: fenced.indent,
            block,
        });
    }

    if !problems.is_empty() {
        return Err(problems.finish());
    }
    // Where `image:` names the picture: at its first letter, inside the quotes if any.
    let image = front.image.map(|image| {
        let at = origin.problem_at(&image, Message::raw(""));
        let quoted = text
            .lines()
            .nth(at.line.saturating_sub(1))
            .and_then(|line| line.chars().nth(at.column.saturating_sub(1)))
            .is_some_and(|c| c == '"' || c == '\'');
        Image {
            name: image.value,
            line: at.line,
            column: at.column + usize::from(quoted),
        }
    });
    Ok(Note {
        kind,
        source,
        slug,
        title: typographic(&front.title),
        date,
        summary: front.summary.as_deref().map(typographic),
        period: front.period.as_deref().map(typographic),
        authors: front
            .author
            .0
            .iter()
            .map(|name| name.trim())
            .filter(|name| !name.is_empty())
            .map(typographic)
            .collect(),
        draft: front.draft,
        weight: front.weight,
        image,
        text,
        body_start,
        body_line_offset,
        blocks,
    })
}

/// Splits `---\nYAML\n---\nbody` into the YAML and the byte offset of the body.
fn split_front_matter(text: &str) -> Option<(&str, usize)> {
    let first_end = text.find('\n')?;
    if text[..first_end].trim_end() != "---" {
        return None;
    }
    let yaml_start = first_end + 1;
    let mut offset = yaml_start;
    for line in text[yaml_start..].split_inclusive('\n') {
        if line.trim_end() == "---" {
            return Some((&text[yaml_start..offset], offset + line.len()));
        }
        offset += line.len();
    }
    None
}

#[cfg(test)]
mod tests;
