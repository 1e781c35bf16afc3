//! Writing the site: the only module that writes to disk.
//!
//! The site is written into a new folder beside the output, then swapped in with renames,
//! so that a build that fails half-way leaves the previous site as it was. A folder is only
//! replaced when it is empty or was made by bilan (it holds bilan's marker file).

use std::collections::HashMap;
use std::fs;
use std::io::{self, Write};
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use anyhow::bail;

pub use self::swap::PreviousAside;
use crate::message::{Explain, Message, Said};
use crate::render::{Content, OutputFile, Sink};

mod keys;
mod swap;

/// The file that marks a folder as made by bilan.
pub const MARKER: &str = ".bilan-output";
const MARKER_TEXT: &str =
    "This folder was made by bilan and is replaced at every build: do not edit it by hand.\n";

/// The file beside the marker that tells what each costly file of the output (a link
/// preview, a PDF) was made from: one line per file, the hash of its sources and its path. The next
/// build keeps the files whose sources hash the same, rather than making them again.
pub const KEYS: &str = ".bilan-keys";

/// Why bilan will not write to a folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub message: Message,
    pub hint: Message,
}

/// Checks, before anything is built, that `out_dir` may be replaced by the site of `root`.
pub fn check_target(root: &Path, out_dir: &Path) -> Result<(), Refusal> {
    let root = absolute(root);
    let out = absolute(out_dir);
    let shown = out_dir.display().to_string();
    let shown = shown.as_str();
    let refuse = |message: Message, hint: Message| Err(Refusal { message, hint });
    if root.starts_with(&out) {
        return refuse(
            msg!("output-holds-site", shown),
            msg!("output-holds-site-hint"),
        );
    }
    for kept in ["content", "themes"] {
        if out.starts_with(root.join(kept)) {
            return refuse(
                msg!("output-inside-sources", shown, kept),
                msg!("output-inside-sources-hint"),
            );
        }
    }
    match fs::read_dir(&out) {
        Ok(mut entries) => {
            let made_by_bilan = out.join(MARKER).is_file();
            if !made_by_bilan && entries.next().is_some() {
                return refuse(msg!("output-not-ours", shown), msg!("output-not-ours-hint"));
            }
            Ok(())
        }
        Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(_) if out.exists() && !out.is_dir() => refuse(
            msg!("output-is-a-file", shown),
            msg!("output-is-a-file-hint"),
        ),
        Err(error) => refuse(
            msg!("output-unreadable", shown, error = error.to_string()),
            msg!("output-unreadable-hint"),
        ),
    }
}

/// The new site in the making: a folder beside the output, where each file is written as
/// soon as it is rendered, from any thread. `finish` swaps it in for the output; dropped
/// unfinished (the build found problems), it is removed and the output stays as it was.
pub struct Staging {
    out: PathBuf,
    /// Whether there is a previous output to take unchanged files from.
    previous: bool,
    dir: tempfile::TempDir,
    /// Set when a file could not be written: nothing more is written after it.
    failing: AtomicBool,
    /// Why the first file that failed could not be written.
    failed: Mutex<Option<anyhow::Error>>,
    /// What the costly files of the previous output were made from (`KEYS`), by path.
    previous_keys: HashMap<String, u64>,
    /// What those of the new site are made from.
    keys: Mutex<Vec<(String, u64)>>,
}

impl Staging {
    /// Makes the folder of the new site beside `out_dir`, after removing what an earlier
    /// build of it, killed half-way, left there.
    pub fn new(out_dir: &Path) -> anyhow::Result<Staging> {
        let out = absolute(out_dir);
        let parent = out.parent().said(|| msg!("output-no-parent"))?;
        fs::create_dir_all(parent).said(|| msg!("output-creating", path = parent.display()))?;
        remove_leftovers(&out);
        let dir = tempfile::Builder::new()
            .prefix(&side_folder("new", &out))
            .tempdir_in(parent)
            .said(|| msg!("output-creating-in", path = parent.display()))?;
        // The marker first: a build killed half-way leaves a folder the next one knows as
        // its own.
        fs::write(dir.path().join(MARKER), MARKER_TEXT).said(|| msg!("output-writing-marker"))?;
        let previous = out.is_dir();
        let previous_keys = if previous {
            keys::read(&out.join(KEYS))
        } else {
            HashMap::new()
        };
        Ok(Staging {
            previous,
            out,
            dir,
            failing: AtomicBool::new(false),
            failed: Mutex::new(None),
            previous_keys,
            keys: Mutex::new(Vec::new()),
        })
    }

    /// Puts the new site in the place of the output, unless a file could not be written.
    /// Returns what the writer should know though it succeeded.
    pub fn finish(self) -> anyhow::Result<Option<Message>> {
        if self.failing.load(Ordering::Relaxed) {
            let failed = self.failed.into_inner().ok().flatten();
            return Err(
                failed.unwrap_or_else(|| anyhow::Error::new(msg!("output-file-not-written")))
            );
        }
        // The marker is written first and never again: without it, the folder is not the
        // one this build made (another build of the same output removed it).
        if !self.dir.path().join(MARKER).is_file() {
            bail!(self.removed());
        }
        keys::write(
            &self.keys.into_inner().unwrap_or_else(|e| e.into_inner()),
            &self.dir.path().join(KEYS),
            self.previous.then(|| self.out.join(KEYS)).as_deref(),
            hard_link,
        )
        .said(|| msg!("output-writing-keys"))?;
        swap::swap_in(&self.dir.keep(), &self.out, &swap::THIS_SYSTEM)
    }

    fn write(&self, file: &OutputFile, made: &mut Option<PathBuf>) -> anyhow::Result<()> {
        let Some(relative) = safe_relative(&file.path) else {
            return Err(anyhow::Error::new(Said::new(msg!(
                "output-outside",
                path = &file.path
            ))));
        };
        let target = self.dir.path().join(&relative);
        // The files of a page share its folder: it is made once.
        if let Some(folder) = relative.parent()
            && made.as_deref() != Some(folder)
        {
            self.make_folder(folder)
                .said(|| msg!("output-creating", path = folder.display()))?;
            *made = Some(folder.to_path_buf());
        }
        let previous = self.previous.then(|| self.out.join(relative));
        let previous = previous.as_deref();
        let written = match (&file.content, file.content.in_memory()) {
            (Content::Deferred(pdf), None) => match pdf.bytes() {
                Ok(bytes) => write_unless_unchanged(&bytes, &target, previous, hard_link),
                Err(message) => {
                    return Err(message).said(|| msg!("output-writing", path = &file.path));
                }
            },
            (_, Some(bytes)) => write_unless_unchanged(bytes, &target, previous, hard_link),
            (Content::Copy(source), None) => {
                copy_unless_unchanged(source, &target, previous, hard_link)
            }
            (Content::Previous, None) => match previous {
                // The previous output is removed once the new one is in place: the link is
                // then the file's only name.
                Some(previous) => hard_link(previous, &target)
                    .or_else(|_| fs::copy(previous, &target).map(|_| ())),
                None => Err(io::ErrorKind::NotFound.into()),
            },
            (_, None) => Ok(()),
        };
        written.said(|| msg!("output-writing", path = &file.path))
    }
}

impl Staging {
    /// What to say when the new site's folder was removed under this build.
    fn removed(&self) -> Message {
        msg!("output-removed", path = self.dir.path().display())
    }

    /// Makes `folder` (relative) and the folders above it inside the new site. Another
    /// thread making one of them at the same time is no error; the new site's own folder
    /// is never made again: if it is gone, something removed it (see `put`).
    fn make_folder(&self, folder: &Path) -> io::Result<()> {
        // Most often only the last folder is missing.
        match fs::create_dir(self.dir.path().join(folder)) {
            Err(error) if error.kind() == io::ErrorKind::NotFound => {}
            Err(error) if error.kind() != io::ErrorKind::AlreadyExists => return Err(error),
            _ => return Ok(()),
        }
        let mut path = self.dir.path().to_path_buf();
        for part in folder.components() {
            path.push(part);
            match fs::create_dir(&path) {
                Err(error) if error.kind() != io::ErrorKind::AlreadyExists => return Err(error),
                _ => {}
            }
        }
        Ok(())
    }
}

impl Sink for Staging {
    /// A file is kept from the previous output when that output says it was made from what
    /// hashes to `key` too, and still holds it.
    fn reuse(&self, path: &str, key: u64) -> Option<u64> {
        if let Ok(mut keys) = self.keys.lock() {
            keys.push((path.to_owned(), key));
        }
        if self.previous_keys.get(path) != Some(&key) {
            return None;
        }
        let metadata = fs::metadata(self.out.join(safe_relative(path)?)).ok()?;
        metadata.is_file().then_some(metadata.len())
    }

    fn put(&self, files: Vec<OutputFile>) -> Vec<OutputFile> {
        let mut made = None;
        for file in &files {
            if self.failing.load(Ordering::Relaxed) {
                break;
            }
            if let Err(mut error) = self.write(file, &mut made) {
                if !self.dir.path().join(MARKER).is_file() {
                    error = Said::over(error, self.removed());
                }
                self.failing.store(true, Ordering::Relaxed);
                if let Ok(mut first) = self.failed.lock() {
                    first.get_or_insert(error);
                }
                break;
            }
        }
        files.into_iter().map(OutputFile::without_bytes).collect()
    }
}

/// Copies `source` to `target`, giving the copy the source's modification time; or, when the
/// previous output holds it unchanged (`previous`, of the same size and modification time),
/// links that file instead: a site's PDFs and pictures are not copied again at every build.
/// The previous output is removed once the new one is in place, so the link is then the
/// file's only name. A file system that makes no links (FAT, exFAT, network shares, synced
/// folders) gets a copy.
fn copy_unless_unchanged(
    source: &Path,
    target: &Path,
    previous: Option<&Path>,
    link: Link,
) -> io::Result<()> {
    let metadata = fs::metadata(source)?;
    let modified = metadata.modified().ok();
    if let (Some(modified), Some(previous)) = (modified, previous)
        && let Ok(old) = fs::symlink_metadata(previous)
        && old.is_file()
        && old.len() == metadata.len()
        && old.modified().ok() == Some(modified)
        && link(previous, target).is_ok()
    {
        return Ok(());
    }
    let Some(mut copy) = create_new(target)? else {
        return Ok(());
    };
    io::copy(&mut fs::File::open(source)?, &mut copy)?;
    if let Some(modified) = modified {
        // Without it the next build copies the file again; nothing worse.
        let _ = copy.set_modified(modified);
    }
    Ok(())
}

/// Makes a second name for a file of the previous output in the new one: `hard_link`, or in
/// the tests a file system that refuses it.
type Link = fn(&Path, &Path) -> io::Result<()>;

fn hard_link(from: &Path, to: &Path) -> io::Result<()> {
    fs::hard_link(from, to)
}

/// Creates `target` for writing, or `None` when a file of the new site is there already:
/// two sources published at one place, which the build reports (`check_clashes`) before it
/// could use the new site. An existing file is never opened for writing: it may be a link
/// to a file of the previous output, which must stay as it is.
fn create_new(target: &Path) -> io::Result<Option<fs::File>> {
    match fs::File::options()
        .write(true)
        .create_new(true)
        .open(target)
    {
        Ok(file) => Ok(Some(file)),
        Err(error) if error.kind() == io::ErrorKind::AlreadyExists => Ok(None),
        Err(error) => Err(error),
    }
}

/// Writes `bytes` to `target`; or, when the previous output holds them already at the
/// same place (`previous`), links that file instead. A rebuild then makes new files only for
/// the pages that changed: the others keep their modification time (an upload by `rsync`
/// skips them), and removing the previous output frees no file that the new one still has.
/// (On ext4, a file freed in the last minutes makes the creation of every new file slower.)
/// Where links are refused, the bytes are written.
fn write_unless_unchanged(
    bytes: &[u8],
    target: &Path,
    previous: Option<&Path>,
    link: Link,
) -> io::Result<()> {
    if let Some(previous) = previous
        && fs::symlink_metadata(previous)
            .is_ok_and(|old| old.is_file() && old.len() == bytes.len() as u64)
        && fs::read(previous).is_ok_and(|old| old == bytes)
        && link(previous, target).is_ok()
    {
        return Ok(());
    }
    match create_new(target)? {
        Some(mut file) => file.write_all(bytes),
        None => Ok(()),
    }
}

/// The beginning of the name of a folder that a build of `out` makes beside it: the new
/// site (`.bilan-new-output-…`) or the previous one being removed (`.bilan-old-output-…`).
/// The output's name is part of it, so that builds of two outputs in one folder, at the
/// same time, leave each other's folders alone.
fn side_folder(kind: &str, out: &Path) -> String {
    let name = out.file_name().unwrap_or_default().to_string_lossy();
    format!(".bilan-{kind}-{name}-")
}

/// Removes what an interrupted build of `out` may have left beside it: its unfinished new
/// site, or the previous one it was removing. Only bilan's own folders are touched: those
/// named as `side_folder` names them, followed by six random characters.
fn remove_leftovers(out: &Path) {
    let Some(parent) = out.parent() else {
        return;
    };
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    let prefixes = [side_folder("new", out), side_folder("old", out)];
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let ours = prefixes.iter().any(|prefix| {
            name.strip_prefix(prefix.as_str()).is_some_and(|suffix| {
                suffix.len() == 6 && suffix.chars().all(|c| c.is_ascii_alphanumeric())
            })
        });
        if ours && entry.file_type().is_ok_and(|t| t.is_dir()) {
            let _ = fs::remove_dir_all(entry.path());
        }
    }
}

/// `path`, an address of the site (`rapports/a/index.html`), as a relative path that stays
/// inside the folder it is joined to, on every system: plain names between `/`, none of
/// them `..`, with no `\\` nor `:`, which Windows reads as a separator or a drive.
fn safe_relative(path: &str) -> Option<PathBuf> {
    let plain = |part: &str| !matches!(part, "" | "." | "..") && !part.contains(['\\', ':']);
    path.split('/')
        .all(plain)
        .then(|| path.split('/').collect())
}

/// An absolute, normalised path (without touching the disk for parts that do not exist).
fn absolute(path: &Path) -> PathBuf {
    let joined = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut normal = PathBuf::new();
    for component in joined.components() {
        match component {
            Component::ParentDir => {
                normal.pop();
            }
            Component::CurDir => {}
            other => normal.push(other),
        }
    }
    // Resolve links in the part that exists, so that two names of one folder compare equal.
    let mut existing = normal.as_path();
    let mut rest = Vec::new();
    while !existing.exists() {
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_owned());
                existing = parent;
            }
            _ => return normal,
        }
    }
    let mut resolved = fs::canonicalize(existing).unwrap_or_else(|_| existing.to_path_buf());
    resolved.extend(rest.iter().rev());
    resolved
}

#[cfg(test)]
mod tests;
