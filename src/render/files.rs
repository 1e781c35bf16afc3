//! The files of the output as rendering makes them, where they go (`Sink`), and the check
//! that no two of them claim one place.

use std::collections::BTreeMap;
use std::ops::Bound;
use std::path::PathBuf;
use std::sync::Arc;

use crate::problem::{Problem, Problems};

/// A file of the output, relative to the output folder.
#[derive(Debug, Clone)]
pub struct OutputFile {
    /// With `/` separators: `rapports/2017-10-02-point-d-avancement/index.html`.
    pub path: String,
    pub content: Content,
    /// The file it comes from, to explain a clash between two files of the same name.
    pub from: PathBuf,
}

#[derive(Debug, Clone)]
pub enum Content {
    Bytes(Vec<u8>),
    /// Bytes kept by the render cache too (a CSV, a preview picture).
    Shared(Arc<Vec<u8>>),
    BuiltIn(&'static [u8]),
    /// A file copied as it is.
    Copy(PathBuf),
    /// A PDF made when it is first asked for (`serve`).
    Deferred(Arc<crate::pdf::Deferred>),
    /// The file that the sink holds at this place already, made from the same sources by an
    /// earlier build (`Sink::reuse`).
    Previous,
    /// Bytes handed on to a `Sink` that did not keep them: written to the output folder, or
    /// dropped after a check.
    Elsewhere,
}

impl Content {
    /// The bytes, when they are in memory.
    pub fn in_memory(&self) -> Option<&[u8]> {
        match self {
            Content::Bytes(bytes) => Some(bytes),
            Content::Shared(bytes) => Some(bytes),
            Content::BuiltIn(bytes) => Some(bytes),
            Content::Copy(_) | Content::Deferred(_) | Content::Previous | Content::Elsewhere => {
                None
            }
        }
    }
}

impl OutputFile {
    /// The file with its bytes left out: only where it goes and where it comes from.
    pub fn without_bytes(self) -> OutputFile {
        OutputFile {
            content: Content::Elsewhere,
            ..self
        }
    }
}

/// Where the files of a site go as soon as they are rendered, page by page and from any
/// thread: written into the new output folder (`output::Staging`), kept in memory for
/// `serve` (`Keep`), or dropped once checked (`Discard`). What `put` returns is what
/// `RenderedSite::files` keeps of them, so that a large site is never whole in memory.
pub trait Sink: Sync {
    fn put(&self, files: Vec<OutputFile>) -> Vec<OutputFile>;

    /// Notes that the file at `path` is made from what hashes to `key`, and gives the size
    /// of the file the sink holds there already, made by an earlier build from what hashed
    /// the same: then it is handed `Content::Previous` rather than made again. Only files
    /// that cost much to make are asked about (link previews, PDFs); a PDF's link says its
    /// size.
    fn reuse(&self, _path: &str, _key: u64) -> Option<u64> {
        None
    }
}

/// Keeps every file with its bytes.
pub struct Keep;

impl Sink for Keep {
    fn put(&self, files: Vec<OutputFile>) -> Vec<OutputFile> {
        files
    }
}

/// Keeps where each file would go, not its bytes.
pub struct Discard;

impl Sink for Discard {
    fn put(&self, files: Vec<OutputFile>) -> Vec<OutputFile> {
        files.into_iter().map(OutputFile::without_bytes).collect()
    }
}

/// Two sources that would be written to the same place are a problem, not a silent overwrite.
pub(super) fn check_clashes(files: &[OutputFile]) -> Result<(), Problems> {
    let mut seen: BTreeMap<&str, &OutputFile> = BTreeMap::new();
    let mut problems = Problems::default();
    for file in files {
        if let Some(first) = seen.insert(&file.path, file) {
            problems.push(
                Problem::file(
                    &file.from,
                    msg!(
                        "publish-clash",
                        path = &file.path,
                        other = first.from.display()
                    ),
                )
                .with_hint(msg!("publish-clash-hint")),
            );
        }
    }
    // A file and a folder cannot have one name: `about` as a file, and `about/index.html`.
    for (path, file) in &seen {
        let folder = format!("{path}/");
        let inside = seen
            .range::<str, _>((Bound::Included(folder.as_str()), Bound::Unbounded))
            .next()
            .filter(|(other, _)| other.starts_with(&folder));
        if let Some((other, other_file)) = inside {
            problems.push(
                Problem::file(
                    &file.from,
                    msg!(
                        "publish-clash-folder",
                        path = *path,
                        other = *other,
                        from = other_file.from.display()
                    ),
                )
                .with_hint(msg!("publish-clash-hint")),
            );
        }
    }
    problems.into_result()
}

/// A page or file made in memory, from the source file `from`.
pub(super) fn html_file(path: &str, html: Vec<u8>, from: &str) -> OutputFile {
    OutputFile {
        path: path.to_owned(),
        content: Content::Bytes(html),
        from: PathBuf::from(from),
    }
}
