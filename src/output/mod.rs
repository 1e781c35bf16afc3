//! Writing the site: the only module that writes to disk.
//!
//! The site is written into a new folder beside the output, then swapped in with renames,
//! so that a build that fails half-way leaves the previous site as it was. A folder is only
//! replaced when it is empty or was made by bilan (it holds bilan's marker file).

mod made;

use std::fs;
use std::io::{self, Write};
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use anyhow::{Context as _, bail};
use rayon::prelude::*;

use crate::render::{Content, OutputFile, Sink};

/// The file that marks a folder as made by bilan.
pub const MARKER: &str = ".bilan-output";
const MARKER_TEXT: &str =
    "This folder was made by bilan and is replaced at every build: do not edit it by hand.\n";

/// Why bilan will not write to a folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub message: String,
    pub hint: String,
}

/// Checks, before anything is built, that `out_dir` may be replaced by the site of `root`.
pub fn check_target(root: &Path, out_dir: &Path) -> Result<(), Refusal> {
    let root = absolute(root);
    let out = absolute(out_dir);
    let shown = out_dir.display();
    let refuse = |message: String, hint: &str| {
        Err(Refusal {
            message,
            hint: hint.to_owned(),
        })
    };
    if root.starts_with(&out) {
        return refuse(
            format!("the output folder `{shown}` holds the site itself"),
            "choose a folder of its own, such as `output`",
        );
    }
    for kept in ["content", "themes"] {
        if out.starts_with(root.join(kept)) {
            return refuse(
                format!("the output folder `{shown}` is inside `{kept}/`"),
                "choose a folder outside the site's sources, such as `output`",
            );
        }
    }
    match fs::read_dir(&out) {
        Ok(mut entries) => {
            let made_by_bilan = out.join(MARKER).is_file();
            if !made_by_bilan && entries.next().is_some() {
                return refuse(
                    format!(
                        "`{shown}` already holds files that bilan did not make, so it will not replace them"
                    ),
                    "choose another folder with `--output`, or move those files away",
                );
            }
            Ok(())
        }
        Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(_) if out.exists() && !out.is_dir() => refuse(
            format!("`{shown}` is a file, not a folder"),
            "choose a folder with `--output`",
        ),
        Err(error) => refuse(
            format!("cannot read `{shown}`: {error}"),
            "check the folder's permissions",
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
    /// What the PDFs of the previous output and of this one are made from.
    made: made::Made,
}

impl Staging {
    /// Makes the folder of the new site beside `out_dir`, after removing what an earlier
    /// build of it, killed half-way, left there.
    pub fn new(out_dir: &Path) -> anyhow::Result<Staging> {
        let out = absolute(out_dir);
        let parent = out
            .parent()
            .context("the output folder has no parent folder")?;
        fs::create_dir_all(parent).with_context(|| format!("creating `{}`", parent.display()))?;
        remove_leftovers(&out);
        let dir = tempfile::Builder::new()
            .prefix(&side_folder("new", &out))
            .tempdir_in(parent)
            .with_context(|| format!("creating a folder in `{}`", parent.display()))?;
        // The marker first: a build killed half-way leaves a folder the next one knows as
        // its own.
        fs::write(dir.path().join(MARKER), MARKER_TEXT).context("writing the output marker")?;
        Ok(Staging {
            made: made::Made::read(&out),
            previous: out.is_dir(),
            out,
            dir,
            failing: AtomicBool::new(false),
            failed: Mutex::new(None),
        })
    }

    /// Puts the new site in the place of the output, unless a file could not be written.
    pub fn finish(self) -> anyhow::Result<()> {
        if self.failing.load(Ordering::Relaxed) {
            let failed = self.failed.into_inner().ok().flatten();
            return Err(failed.unwrap_or_else(|| anyhow::anyhow!("a file could not be written")));
        }
        // The marker is written first and never again: without it, the folder is not the
        // one this build made (another build of the same output removed it).
        if !self.dir.path().join(MARKER).is_file() {
            bail!(self.removed());
        }
        let made = self.made.text();
        if !made.is_empty() {
            let previous = self.previous.then(|| self.out.join(made::FILE));
            write_unless_unchanged(
                made.as_bytes(),
                &self.dir.path().join(made::FILE),
                previous.as_deref(),
            )
            .context("writing the record of what the PDFs are made from")?;
        }
        swap_in(self.dir.keep(), &self.out)
    }

    fn write(&self, file: &OutputFile, made: &mut Option<PathBuf>) -> anyhow::Result<()> {
        let Some(relative) = safe_relative(&file.path) else {
            bail!(
                "refusing to write `{}` outside the output folder",
                file.path
            );
        };
        let target = self.dir.path().join(&relative);
        // The files of a page share its folder: it is made once.
        if let Some(folder) = relative.parent()
            && made.as_deref() != Some(folder)
        {
            self.make_folder(folder)
                .with_context(|| format!("creating `{}`", folder.display()))?;
            *made = Some(folder.to_path_buf());
        }
        let previous = self.previous.then(|| self.out.join(relative));
        let previous = previous.as_deref();
        match (&file.content, file.content.in_memory()) {
            (_, Some(bytes)) => write_unless_unchanged(bytes, &target, previous),
            (Content::Copy(source), None) => copy_unless_unchanged(source, &target, previous),
            (Content::Deferred(pdf), None) => match pdf.bytes() {
                Ok(bytes) => write_unless_unchanged(&bytes, &target, previous),
                Err(message) => Err(io::Error::other(message)),
            },
            (_, None) => Ok(()),
        }
        .with_context(|| format!("writing `{}`", file.path))
    }
}

impl Staging {
    /// What to say when the new site's folder was removed under this build.
    fn removed(&self) -> String {
        format!(
            "the new site's folder `{}` was removed while it was being written: was another build of this output running at the same time? Run the build again",
            self.dir.path().display()
        )
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
    /// A PDF of the previous output made from the same sources is linked, not made again.
    fn made_before(&self, path: &str, key: u64) -> Option<(Content, u64)> {
        let same = self.made.note(path, key);
        let previous = self.out.join(safe_relative(path)?);
        let size = fs::metadata(&previous).ok().filter(|m| m.is_file())?.len();
        (same && self.previous).then_some((Content::Copy(previous), size))
    }

    fn put(&self, files: Vec<OutputFile>) -> Vec<OutputFile> {
        let mut made = None;
        for file in &files {
            if self.failing.load(Ordering::Relaxed) {
                break;
            }
            if let Err(mut error) = self.write(file, &mut made) {
                if !self.dir.path().join(MARKER).is_file() {
                    error = error.context(self.removed());
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
/// file's only name.
fn copy_unless_unchanged(source: &Path, target: &Path, previous: Option<&Path>) -> io::Result<()> {
    let metadata = fs::metadata(source)?;
    let modified = metadata.modified().ok();
    if let (Some(modified), Some(previous)) = (modified, previous)
        && let Ok(old) = fs::symlink_metadata(previous)
        && old.is_file()
        && old.len() == metadata.len()
        && old.modified().ok() == Some(modified)
        && fs::hard_link(previous, target).is_ok()
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
fn write_unless_unchanged(bytes: &[u8], target: &Path, previous: Option<&Path>) -> io::Result<()> {
    if let Some(previous) = previous
        && fs::symlink_metadata(previous)
            .is_ok_and(|old| old.is_file() && old.len() == bytes.len() as u64)
        && fs::read(previous).is_ok_and(|old| old == bytes)
        && fs::hard_link(previous, target).is_ok()
    {
        return Ok(());
    }
    match create_new(target)? {
        Some(mut file) => file.write_all(bytes),
        None => Ok(()),
    }
}

/// Replaces `out` with `new`. On Linux the two folders trade places in one atomic step
/// (`renameat2` with `RENAME_EXCHANGE`), so that `out` is at every moment either the whole
/// old site or the whole new one, even if the build is killed; then the old one is removed.
/// Elsewhere, or on a file system without that call, the old folder is moved aside and the
/// new one renamed into place, which leaves a moment without `out`.
fn swap_in(new: PathBuf, out: &Path) -> anyhow::Result<()> {
    if out.exists() && exchange(&new, out).is_ok() {
        // `new` now holds the previous site.
        return remove_tree(&new);
    }
    let old = if out.exists() {
        let parent = out.parent().unwrap_or(Path::new("."));
        let aside = tempfile::Builder::new()
            .prefix(&side_folder("old", out))
            .tempdir_in(parent)
            .context("creating a folder for the previous output")?
            .keep();
        fs::remove_dir(&aside).context("preparing to move the previous output aside")?;
        if let Err(error) = fs::rename(out, &aside) {
            let _ = fs::remove_dir_all(&new);
            return Err(error)
                .with_context(|| format!("moving the previous `{}` aside", out.display()));
        }
        Some(aside)
    } else {
        None
    };
    if let Err(error) = fs::rename(&new, out) {
        if let Some(old) = &old {
            let _ = fs::rename(old, out);
        }
        let _ = fs::remove_dir_all(&new);
        return Err(error).with_context(|| format!("moving the new site into `{}`", out.display()));
    }
    match old {
        Some(old) => remove_tree(&old),
        None => Ok(()),
    }
}

/// Removes a previous output: its files in parallel (a large site has tens of thousands),
/// then its folders.
fn remove_tree(dir: &Path) -> anyhow::Result<()> {
    let files: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|entry| !entry.file_type().is_dir())
        .map(walkdir::DirEntry::into_path)
        .collect();
    files.par_iter().for_each(|file| {
        // A file that will not go is removed with its folder just below, or reported there.
        let _ = fs::remove_file(file);
    });
    fs::remove_dir_all(dir)
        .with_context(|| format!("removing the previous output at `{}`", dir.display()))
}

#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).map_err(std::io::Error::from)
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> std::io::Result<()> {
    Err(std::io::ErrorKind::Unsupported.into())
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

/// `path` as a relative path that stays inside the folder it is joined to.
fn safe_relative(path: &str) -> Option<PathBuf> {
    let relative = Path::new(path);
    relative
        .components()
        .all(|c| matches!(c, Component::Normal(_)))
        .then(|| relative.to_path_buf())
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
mod tests {
    use super::*;

    #[test]
    fn only_plain_relative_paths_are_written() {
        assert!(safe_relative("rapports/a/index.html").is_some());
        assert!(safe_relative("../x").is_none());
        assert!(safe_relative("/etc/passwd").is_none());
    }

    #[test]
    fn a_new_site_removed_under_its_build_is_never_swapped_in() {
        // Another build of the same output removes this one's folder as a leftover: the
        // files that follow must not make it again, and nothing may replace the output.
        let parent = tempfile::tempdir().unwrap();
        let out = parent.path().join("output");
        let staging = Staging::new(&out).unwrap();
        fs::remove_dir_all(staging.dir.path()).unwrap();
        let page = OutputFile {
            path: "rapports/a/index.html".to_owned(),
            content: Content::Bytes(b"<p>a</p>".to_vec()),
            from: PathBuf::from("content/reports/a.md"),
        };
        staging.put(vec![page]);
        let error = staging.finish().unwrap_err();
        assert!(
            format!("{error:#}").contains("another build of this output"),
            "{error:#}"
        );
        assert!(!out.exists());
        assert_eq!(fs::read_dir(parent.path()).unwrap().count(), 0);
    }

    #[test]
    fn refuses_folders_it_must_not_replace() {
        let root = tempfile::tempdir().unwrap();
        let root = root.path();
        fs::create_dir_all(root.join("content")).unwrap();
        assert!(check_target(root, &root.join("output")).is_ok());
        assert!(check_target(root, root).is_err());
        assert!(check_target(root, &root.join("..")).is_err());
        assert!(check_target(root, &root.join("content/out")).is_err());
        fs::create_dir_all(root.join("mine")).unwrap();
        fs::write(root.join("mine/notes.txt"), "mine").unwrap();
        assert!(check_target(root, &root.join("mine")).is_err());
        fs::write(root.join("mine").join(MARKER), "").unwrap();
        assert!(check_target(root, &root.join("mine")).is_ok());
    }
}
