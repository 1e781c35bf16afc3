//! A site's folders and files, walked and read safely: the one walker of `content/` and
//! `themes/`. Folders are listed in name order without hidden files; text must be UTF-8
//! without NUL bytes and of a sane size; nothing is read through a link that leads out of
//! the site's folder.

use std::fs;
use std::path::{Path, PathBuf};

use self::names::NameCheck;
use crate::problem::{Problem, Problems};

mod names;

/// The largest text file (note, page, dataset) bilan reads.
pub const MAX_TEXT_BYTES: u64 = 16 * 1024 * 1024;

/// A file's path on disk and as shown to the user (relative to the site's root).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourcePath {
    pub disk: PathBuf,
    pub shown: PathBuf,
}

impl SourcePath {
    /// A file under `root`, shown as the user reaches it from where they ran bilan: the root
    /// as they gave it, then the path inside it (`content/…` when the root is `.`).
    pub fn new(root: &Path, disk: PathBuf) -> Self {
        let shown = match disk.strip_prefix(root) {
            Ok(relative) if root.as_os_str().is_empty() || root == Path::new(".") => {
                relative.to_path_buf()
            }
            Ok(relative) => root.join(relative),
            Err(_) => disk.clone(),
        };
        SourcePath { disk, shown }
    }
}

/// Reads a text file, refusing what is too large, binary or not UTF-8. A byte-order mark at
/// the start is dropped.
pub fn read_text(path: &SourcePath) -> Result<String, Problem> {
    let shown = &path.shown;
    let size = fs::metadata(&path.disk)
        .map_err(|error| Problem::file(shown, msg!("file-unreadable", error = error.to_string())))?
        .len();
    if size > MAX_TEXT_BYTES {
        return Err(Problem::file(
            shown,
            msg!(
                "text-too-large",
                size = (size / 1_000_000).to_string(),
                max = (MAX_TEXT_BYTES / 1_000_000).to_string()
            ),
        ));
    }
    let bytes = fs::read(&path.disk).map_err(|error| {
        Problem::file(shown, msg!("file-unreadable", error = error.to_string()))
    })?;
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        let (line, column) = line_and_column(&bytes[..offset]);
        return Err(Problem {
            line,
            column,
            ..Problem::file(shown, msg!("text-nul"))
        }
        .with_hint(msg!("text-nul-hint")));
    }
    let text = String::from_utf8(bytes).map_err(|error| {
        let valid = &error.as_bytes()[..error.utf8_error().valid_up_to()];
        let (line, column) = line_and_column(valid);
        Problem {
            line,
            column,
            ..Problem::file(shown, msg!("text-not-utf8"))
        }
        .with_hint(msg!("text-not-utf8-hint"))
    })?;
    Ok(match text.strip_prefix('\u{FEFF}') {
        Some(rest) => rest.to_owned(),
        None => text,
    })
}

/// The 1-based line and column just after `before`, the valid start of a file.
fn line_and_column(before: &[u8]) -> (usize, usize) {
    let text = String::from_utf8_lossy(before);
    let line = text.matches('\n').count() + 1;
    let column = text
        .rsplit('\n')
        .next()
        .map_or(0, |last| last.chars().count())
        + 1;
    (line, column)
}

/// Checks that a file or folder of the site, or a link found while walking it, leads to a
/// place inside `root` (a link is followed; anything else is inside by construction).
pub fn check_link(root: &Path, path: &SourcePath) -> Result<(), Problem> {
    let inside = match (fs::canonicalize(root), fs::canonicalize(&path.disk)) {
        (Ok(root), Ok(target)) => target.starts_with(root),
        _ => false,
    };
    if inside {
        Ok(())
    } else {
        Err(Problem::file(&path.shown, msg!("link-outside")).with_hint(msg!("link-outside-hint")))
    }
}

/// A path relative to a folder of the site as the site's addresses write it, with `/`
/// between its parts whatever the system's separator (Windows gives `reports\a\index.md`).
/// A `\` inside a name, which only Unix allows, is already a problem (`names`).
pub fn web_path(relative: &Path) -> String {
    relative.to_string_lossy().replace('\\', "/")
}

/// Whether a file is an editor's or system's by-product that is never published.
pub fn is_hidden(name: &str) -> bool {
    // `~$budget.xlsx` is the lock file Office keeps beside an open workbook.
    name.starts_with('.') || name.ends_with('~') || name.starts_with('#') || name.starts_with("~$")
}

/// A file copied beside a document's page (an image, a PDF).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    pub source: SourcePath,
    /// The path relative to the document's folder, with `/` separators.
    pub name: String,
}

/// A file or folder found in a folder of the site.
#[derive(Debug, Clone)]
pub struct Entry {
    pub path: SourcePath,
    /// What it is, or what it links to.
    pub is_dir: bool,
    pub is_file: bool,
}

/// The entries of a folder in name order (so that every build sees them in the same order),
/// leaving out hidden files and reporting links that climb out of the site, and names that
/// Windows cannot hold (`names`).
pub fn entries(root: &Path, dir: &Path, max_depth: usize, problems: &mut Problems) -> Vec<Entry> {
    let Ok(metadata) = std::fs::symlink_metadata(dir) else {
        return Vec::new();
    };
    // The folder itself may be a link (`content/reports` → elsewhere). The folders inside
    // it were checked when it was listed.
    if metadata.is_symlink()
        && let Err(problem) = check_link(root, &SourcePath::new(root, dir.to_path_buf()))
    {
        problems.push(problem);
        return Vec::new();
    }
    if !dir.is_dir() {
        return Vec::new();
    }
    let mut listed = Vec::new();
    list(dir, max_depth, &mut listed);
    let mut found = Vec::new();
    let mut names = NameCheck::default();
    for entry in listed {
        match entry {
            Ok((disk, file_type)) => {
                let path = SourcePath::new(root, disk);
                let (is_dir, is_file) = if file_type.is_symlink() {
                    if let Err(problem) = check_link(root, &path) {
                        problems.push(problem);
                        continue;
                    }
                    (path.disk.is_dir(), path.disk.is_file())
                } else {
                    (file_type.is_dir(), file_type.is_file())
                };
                problems.extend(names.check(&path.shown, is_dir));
                found.push(Entry {
                    path,
                    is_dir,
                    is_file,
                });
            }
            Err((path, error)) => {
                problems.push(Problem::file(
                    path.strip_prefix(root).unwrap_or(&path),
                    msg!("folder-unreadable", error = error.to_string()),
                ));
            }
        }
    }
    found
}

/// What `list` finds: a path with its type, or a folder that could not be read and why.
type Listed = Result<(PathBuf, std::fs::FileType), (PathBuf, String)>;

/// Adds the entries of `dir` to `listed`, in the order of their names, each folder followed
/// by its own entries down to `depth` levels; hidden ones are left out, and links are not
/// followed. (Walkdir does the same, but opens every folder it meets, even at its last
/// depth, and stats each folder it starts from: for a site of thousands of notes, each in
/// its folder, the note folders were read twice.)
fn list(dir: &Path, depth: usize, listed: &mut Vec<Listed>) {
    let read = match std::fs::read_dir(dir) {
        Ok(read) => read,
        Err(error) => return listed.push(Err((dir.to_path_buf(), error.to_string()))),
    };
    let mut here = Vec::new();
    let mut failed = Vec::new();
    for entry in read {
        match entry.and_then(|e| Ok((e.path(), e.file_type()?))) {
            Ok((path, _)) if path_is_hidden(&path) => {}
            Ok(found) => here.push(found),
            Err(error) => failed.push(Err((dir.to_path_buf(), error.to_string()))),
        }
    }
    here.sort_by(|(a, _), (b, _)| a.file_name().cmp(&b.file_name()));
    for (path, file_type) in here {
        let inside = (depth > 1 && file_type.is_dir()).then(|| path.clone());
        listed.push(Ok((path, file_type)));
        if let Some(inside) = inside {
            list(&inside, depth - 1, listed);
        }
    }
    listed.extend(failed);
}

fn path_is_hidden(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|name| is_hidden(&name.to_string_lossy()))
}

/// Every file under `dir`, to be copied as it is.
pub fn load_attachments(root: &Path, dir: &Path, problems: &mut Problems) -> Vec<Attachment> {
    attachments_in(dir, entries(root, dir, usize::MAX, problems))
}

/// The files among `listed`, found under `dir`, named from there.
pub fn attachments_in(dir: &Path, listed: Vec<Entry>) -> Vec<Attachment> {
    listed
        .into_iter()
        .filter(|entry| entry.is_file)
        .filter_map(|Entry { path: source, .. }| {
            let name = web_path(source.disk.strip_prefix(dir).ok()?);
            Some(Attachment { source, name })
        })
        .collect()
}
