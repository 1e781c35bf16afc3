//! What loading keeps from one load to the next, for `serve`: the notes and pages as they
//! were read, with the size and time of every file they were read from.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::Document;
use crate::problem::Problems;

/// The notes and pages of an earlier load, for the next one to reuse those whose files have
/// not changed (`serve` keeps one between rebuilds). A note is read from the files of its own
/// folder only, so one whose folder was not touched reads the same again. A note is read
/// again when the watcher names a path in it (`forget`), and also when the size or time of
/// any of its files or folders differs from when it was read, so that a change the watcher
/// missed, or made through a symbolic link, is not missed. A note that had problems is
/// always read again.
#[derive(Debug, Default)]
pub struct LoadCache {
    /// By the path of the note's file or folder, as the walk of `content/` finds it.
    pub(super) documents: HashMap<PathBuf, Loaded>,
    /// Whether notes are kept at all: a single build keeps none.
    pub(super) keeping: bool,
}

/// A note or page as it was read, or the problems that kept it from being read.
#[derive(Debug, Clone)]
pub(super) struct Loaded {
    pub(super) document: Option<Arc<Document>>,
    pub(super) problems: Problems,
    /// Every file and folder it was read from, with its size and time then.
    pub(super) stamps: Vec<(PathBuf, Stamp)>,
}

/// A file's size and modification time (through symbolic links), or nothing if it is gone.
pub(super) type Stamp = Option<(u64, Option<std::time::SystemTime>)>;

pub(super) fn stamp(path: &Path) -> Stamp {
    std::fs::metadata(path)
        .ok()
        .map(|metadata| (metadata.len(), metadata.modified().ok()))
}

impl Loaded {
    /// Whether its files are all as they were when it was read.
    pub(super) fn unchanged(&self) -> bool {
        self.stamps.iter().all(|(path, then)| stamp(path) == *then)
    }
}

impl LoadCache {
    /// A cache that keeps the notes of each load for the next one.
    pub fn keeping() -> Self {
        LoadCache {
            documents: HashMap::new(),
            keeping: true,
        }
    }

    /// Forgets the notes that `path` is in (a file changed in a note's folder) or holds (a
    /// folder of notes moved away), so that the next load reads them again.
    pub fn forget(&mut self, path: &Path) {
        self.documents
            .retain(|entry, _| !path.starts_with(entry) && !entry.starts_with(path));
    }

    /// Forgets everything: the next load reads every note again.
    pub fn clear(&mut self) {
        self.documents.clear();
    }
}
