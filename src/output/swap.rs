//! Putting the new site in the place of the output, so that the output is at every moment
//! the whole previous site or the whole new one, never a mix of the two.
//!
//! On Linux the two folders trade places in one step. Elsewhere (Windows, a Mac) the
//! previous folder is moved aside, then the new one moved into its place. Windows refuses
//! to move a folder while a program holds one of its files open (a PDF in a viewer, a page
//! in an editor): then nothing is touched, and the writer is told which file to close. The
//! decisions are plain code over what the system answers (`System`), so that the tests on
//! Linux play Windows' refusals.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::message::{self, Explain, Message, Said};
use rayon::prelude::*;

use super::side_folder;

/// What the swap asks of the system.
pub(super) struct System {
    /// Whether the errors are Windows' (whose numbers mean other things elsewhere).
    pub windows: bool,
    /// Trades the places of two folders in one step, where the system can.
    pub exchange: fn(&Path, &Path) -> io::Result<()>,
    pub rename: fn(&Path, &Path) -> io::Result<()>,
    /// Fails when another program holds the file open so that its folder cannot move.
    pub probe: fn(&Path) -> io::Result<()>,
}

/// The system bilan runs on.
pub(super) const THIS_SYSTEM: System = System {
    windows: cfg!(windows),
    exchange,
    rename: |from, to| fs::rename(from, to),
    probe: probe_for_move,
};

/// The previous site, whole, left beside the output because it could not be put back after
/// the new one failed to take its place.
#[derive(Debug)]
pub struct PreviousAside(pub PathBuf);

impl PreviousAside {
    /// Where the previous site is, in the catalogue's words.
    pub fn message(&self) -> Message {
        msg!("output-previous-aside", path = shown(&self.0))
    }
}

impl std::fmt::Display for PreviousAside {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(&self.message(), f)
    }
}

impl std::error::Error for PreviousAside {}

/// Replaces `out` with `new`; on failure `out` is as it was (or, should the system refuse
/// to put it back, whole beside it: `PreviousAside`) and `new` is removed. Returns what the
/// writer should know though the swap succeeded (a previous site that could not be removed).
pub(super) fn swap_in(new: &Path, out: &Path, system: &System) -> anyhow::Result<Option<Message>> {
    if out.exists() && (system.exchange)(new, out).is_ok() {
        // `new` now holds the previous site.
        return Ok(remove_previous(new));
    }
    let old = if out.exists() {
        match move_aside(out, system) {
            Ok(old) => Some(old),
            Err(error) => {
                let _ = fs::remove_dir_all(new);
                return Err(error);
            }
        }
    } else {
        None
    };
    if let Err(error) = (system.rename)(new, out) {
        let restored = old.as_deref().map(|old| (system.rename)(old, out));
        let _ = fs::remove_dir_all(new);
        let error = if is_held_open(&error, system.windows) {
            Said::over(error, msg!("output-new-held-open"))
        } else {
            anyhow::Error::new(error)
        };
        let error = Said::over(error, msg!("output-moving-new", path = shown(out)));
        return Err(match (old, restored) {
            (Some(old), Some(Err(_))) => error.context(PreviousAside(old)),
            _ => error,
        });
    }
    Ok(old.as_deref().and_then(remove_previous))
}

/// Moves the previous site out of the way, to a new folder beside it.
fn move_aside(out: &Path, system: &System) -> anyhow::Result<PathBuf> {
    let parent = out.parent().unwrap_or(Path::new("."));
    let aside = tempfile::Builder::new()
        .prefix(&side_folder("old", out))
        .tempdir_in(parent)
        .said(|| msg!("output-creating-aside"))?
        .keep();
    fs::remove_dir(&aside).said(|| msg!("output-preparing-aside"))?;
    (system.rename)(out, &aside).map_err(|error| explain(error, out, system))?;
    Ok(aside)
}

/// Whether `error`, met moving a folder, means that a program holds one of its files open:
/// on Windows, ERROR_ACCESS_DENIED (5), ERROR_SHARING_VIOLATION (32) or
/// ERROR_LOCK_VIOLATION (33). Elsewhere, an open file never stops a move.
pub(super) fn is_held_open(error: &io::Error, windows: bool) -> bool {
    windows
        && (matches!(error.raw_os_error(), Some(5 | 32 | 33))
            || error.kind() == io::ErrorKind::PermissionDenied)
}

/// The error of a refused move of the output `out`, saying which file to close when a
/// program holds one open.
fn explain(error: io::Error, out: &Path, system: &System) -> anyhow::Error {
    if !is_held_open(&error, system.windows) {
        return Said::over(error, msg!("output-moving", path = shown(out)));
    }
    let open = walkdir::WalkDir::new(out)
        .min_depth(1)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|entry| entry.file_type().is_file())
        .map(walkdir::DirEntry::into_path)
        .find(|file| (system.probe)(file).is_err_and(|e| is_held_open(&e, system.windows)));
    Said::over(error, held_open_message(out, open.as_deref()))
}

/// What to tell the writer when a program holds `open`, a file of the output `out`, open (or
/// one it could not find).
fn held_open_message(out: &Path, open: Option<&Path>) -> Message {
    let out = shown(out);
    match open {
        Some(file) => msg!("output-held-open-file", out, file = shown(file)),
        None => msg!("output-held-open", out),
    }
}

/// Removes the previous site once the new one is in place; what to tell the writer if it
/// will not go (the next build removes it).
fn remove_previous(dir: &Path) -> Option<Message> {
    remove_tree(dir)
        .err()
        .map(|error| msg!("output-previous-kept", error = message::explain(&error)))
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
    fs::remove_dir_all(dir).said(|| msg!("output-removing-previous", path = shown(dir)))
}

/// A path as the writer types it: the output's path is resolved (`fs::canonicalize`), which
/// on Windows writes it `\\?\C:\Users\…` (or `\\?\UNC\server\share\…`), a form no one types.
fn shown(path: &Path) -> String {
    let text = path.display().to_string();
    if let Some(share) = text.strip_prefix(r"\\?\UNC\") {
        return format!(r"\\{share}");
    }
    match text.strip_prefix(r"\\?\") {
        Some(local) => local.to_owned(),
        None => text,
    }
}

/// On Linux, `renameat2` with `RENAME_EXCHANGE`: the two folders trade places in one
/// atomic step, even if the build is killed.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).map_err(io::Error::from)
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> io::Result<()> {
    Err(io::ErrorKind::Unsupported.into())
}

/// Opens `file` with the right to delete it, which moving its folder needs, and closes it:
/// Windows refuses when another program holds it open without sharing that right.
#[cfg(windows)]
fn probe_for_move(file: &Path) -> io::Result<()> {
    use std::os::windows::fs::OpenOptionsExt;
    /// `DELETE`, of the standard access rights.
    const DELETE: u32 = 0x0001_0000;
    fs::OpenOptions::new()
        .access_mode(DELETE)
        .open(file)
        .map(drop)
}

#[cfg(not(windows))]
fn probe_for_move(_: &Path) -> io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An output holding the previous site and a new site beside it, in a temporary folder.
    fn sites() -> (tempfile::TempDir, PathBuf, PathBuf) {
        let parent = tempfile::tempdir().unwrap();
        let out = parent.path().join("output");
        let new = parent.path().join(".bilan-new-output-abcdef");
        for (dir, text) in [(&out, "old"), (&new, "new")] {
            fs::create_dir_all(dir.join("rapports")).unwrap();
            fs::write(dir.join("index.html"), text).unwrap();
            fs::write(dir.join("rapports/plan.pdf"), text).unwrap();
        }
        (parent, out, new)
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    fn read(path: &Path) -> String {
        fs::read_to_string(path).unwrap()
    }

    fn unsupported(_: &Path, _: &Path) -> io::Result<()> {
        Err(io::ErrorKind::Unsupported.into())
    }

    fn is_output(path: &Path) -> bool {
        path.file_name().is_some_and(|n| n == "output")
    }

    fn is_ours(path: &Path, kind: &str) -> bool {
        path.file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with(&format!(".bilan-{kind}-")))
    }

    /// Windows as it answers when a PDF of the output is open in a viewer: the output's
    /// folder will not move (ERROR_SHARING_VIOLATION), and that PDF will not open for it.
    const PDF_OPEN: System = System {
        windows: true,
        exchange: unsupported,
        rename: |from, to| {
            if is_output(from) {
                Err(io::Error::from_raw_os_error(32))
            } else {
                fs::rename(from, to)
            }
        },
        probe: |file| {
            if file.ends_with("rapports/plan.pdf") {
                Err(io::Error::from_raw_os_error(32))
            } else {
                Ok(())
            }
        },
    };

    #[test]
    fn an_output_with_a_file_open_is_left_whole_and_the_file_is_named() {
        let (parent, out, new) = sites();
        let error = swap_in(&new, &out, &PDF_OPEN).unwrap_err();
        let message = format!("{error:#}");
        let pdf = out.join("rapports/plan.pdf");
        assert!(
            message.starts_with(&format!(
                "Windows will not replace `{}` while a program has one of its files open: close `{}` and build again: ",
                out.display(),
                pdf.display()
            )),
            "{message}"
        );
        assert_eq!(read(&out.join("index.html")), "old");
        assert_eq!(read(&pdf), "old");
        assert_eq!(names(parent.path()), ["output"], "nothing left beside");
    }

    #[test]
    fn a_refusal_without_a_file_to_name_still_says_to_close_it() {
        let (_parent, out, new) = sites();
        let explorer = System {
            probe: |_| Ok(()),
            rename: |from, to| {
                if is_output(from) {
                    // ERROR_ACCESS_DENIED, as for a folder open in Explorer.
                    Err(io::Error::from_raw_os_error(5))
                } else {
                    fs::rename(from, to)
                }
            },
            ..PDF_OPEN
        };
        let message = format!("{:#}", swap_in(&new, &out, &explorer).unwrap_err());
        assert!(
            message.starts_with(&format!("Windows will not replace `{}` while a program (a PDF viewer, an editor, Explorer) has one of its files or folders open: close it and build again", out.display())),
            "{message}"
        );
        assert_eq!(read(&out.join("index.html")), "old");
    }

    #[test]
    fn a_new_site_that_will_not_move_in_puts_the_previous_one_back() {
        let (parent, out, new) = sites();
        let system = System {
            rename: |from, to| {
                if is_ours(from, "new") {
                    Err(io::Error::from_raw_os_error(5))
                } else {
                    fs::rename(from, to)
                }
            },
            ..PDF_OPEN
        };
        let error = swap_in(&new, &out, &system).unwrap_err();
        assert!(error.downcast_ref::<PreviousAside>().is_none());
        let message = format!("{error:#}");
        assert!(
            message.starts_with(&format!("moving the new site into `{}`: a program (an antivirus, a search indexer) holds a file of the new site open", out.display())),
            "{message}"
        );
        assert_eq!(read(&out.join("index.html")), "old");
        assert_eq!(names(parent.path()), ["output"], "nothing left beside");
    }

    #[test]
    fn a_previous_site_that_cannot_be_put_back_is_said_to_be_whole_beside() {
        let (parent, out, new) = sites();
        let system = System {
            rename: |from, to| {
                if is_ours(from, "new") || is_ours(from, "old") {
                    Err(io::Error::from_raw_os_error(32))
                } else {
                    fs::rename(from, to)
                }
            },
            ..PDF_OPEN
        };
        let error = swap_in(&new, &out, &system).unwrap_err();
        let PreviousAside(aside) = error.downcast_ref::<PreviousAside>().unwrap();
        assert!(is_ours(aside, "old"), "{}", aside.display());
        assert_eq!(read(&aside.join("index.html")), "old", "whole");
        assert_eq!(read(&aside.join("rapports/plan.pdf")), "old");
        assert!(!out.exists() && !new.exists());
        assert_eq!(names(parent.path()).len(), 1);
    }

    #[test]
    fn without_the_exchange_the_new_site_takes_the_place_of_the_previous_one() {
        let (parent, out, new) = sites();
        let system = System {
            rename: |from, to| fs::rename(from, to),
            ..PDF_OPEN
        };
        assert_eq!(swap_in(&new, &out, &system).unwrap(), None);
        assert_eq!(read(&out.join("index.html")), "new");
        assert_eq!(read(&out.join("rapports/plan.pdf")), "new");
        assert_eq!(names(parent.path()), ["output"]);
    }

    #[test]
    fn paths_are_shown_as_typed() {
        assert_eq!(
            shown(Path::new(r"\\?\C:\Users\marie\Bilans E2C\output")),
            r"C:\Users\marie\Bilans E2C\output"
        );
        assert_eq!(
            shown(Path::new(r"\\?\UNC\serveur\partage\output")),
            r"\\serveur\partage\output"
        );
        assert_eq!(
            shown(Path::new("/home/marie/site/output")),
            "/home/marie/site/output"
        );
    }

    #[test]
    fn only_windows_refusals_mean_an_open_file() {
        let denied = io::Error::from(io::ErrorKind::PermissionDenied);
        for (error, windows, held) in [
            (io::Error::from_raw_os_error(5), true, true),
            (io::Error::from_raw_os_error(32), true, true),
            (io::Error::from_raw_os_error(33), true, true),
            (denied, true, true),
            // On Linux 5 is EIO and 32 EPIPE; a rename never fails for an open file.
            (io::Error::from_raw_os_error(5), false, false),
            (io::Error::from_raw_os_error(32), false, false),
            (io::Error::from_raw_os_error(2), true, false),
        ] {
            assert_eq!(
                is_held_open(&error, windows),
                held,
                "{error} on windows: {windows}"
            );
        }
        // Linux's own refusal says what the system said, nothing about closing a file.
        let (_parent, out, new) = sites();
        let linux = System {
            windows: false,
            rename: |from, to| {
                if is_output(from) {
                    Err(io::Error::from_raw_os_error(13))
                } else {
                    fs::rename(from, to)
                }
            },
            ..PDF_OPEN
        };
        let message = format!("{:#}", swap_in(&new, &out, &linux).unwrap_err());
        assert!(
            message.starts_with(&format!("moving `{}`: ", out.display())),
            "{message}"
        );
        assert!(!message.contains("close"), "{message}");
    }
}
