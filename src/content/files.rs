//! Reading a site's files safely: text must be UTF-8 without NUL bytes and of a sane size,
//! and nothing is read through a link that leads out of the site's folder.

use std::fs;
use std::path::{Path, PathBuf};

use crate::problem::Problem;

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
        .map_err(|error| Problem::file(shown, format!("cannot read this file: {error}")))?
        .len();
    if size > MAX_TEXT_BYTES {
        return Err(Problem::file(
            shown,
            format!(
                "this file is {} MB, more than the {} MB bilan reads",
                size / 1_000_000,
                MAX_TEXT_BYTES / 1_000_000
            ),
        ));
    }
    let bytes = fs::read(&path.disk)
        .map_err(|error| Problem::file(shown, format!("cannot read this file: {error}")))?;
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        let (line, column) = line_and_column(&bytes[..offset]);
        return Err(Problem {
            line,
            column,
            ..Problem::file(shown, "this file holds a NUL byte: it is not a text file")
        }
        .with_hint("save it again as plain UTF-8 text"));
    }
    let text = String::from_utf8(bytes).map_err(|error| {
        let valid = &error.as_bytes()[..error.utf8_error().valid_up_to()];
        let (line, column) = line_and_column(valid);
        Problem {
            line,
            column,
            ..Problem::file(shown, "this file is not UTF-8 text")
        }
        .with_hint("save it again with the UTF-8 encoding")
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
        Err(Problem::file(
            &path.shown,
            "this symbolic link leads outside the site's folder (or nowhere), so it is not read",
        )
        .with_hint("copy the file into the site's folder instead"))
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
    name.starts_with('.') || name.ends_with('~') || name.starts_with('#')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_paths_have_slashes_whatever_the_system() {
        assert_eq!(
            web_path(Path::new("reports\\2019-03-29-t1\\index.md")),
            "reports/2019-03-29-t1/index.md"
        );
        assert_eq!(web_path(Path::new("static/plan.pdf")), "static/plan.pdf");
        assert_eq!(web_path(&Path::new("a").join("b.png")), "a/b.png");
    }
}
