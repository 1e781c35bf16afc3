//! Integration tests: the real `bilan` command on fixture sites under `tests/fixtures/`.

mod build;
mod check;
mod drafts;
mod errors;
mod escape;
mod figures;
mod french;
mod incremental;
mod invalid;
mod layers;
mod new_site;
mod output;
#[cfg(feature = "pdf")]
mod pdf;
mod progress;
mod props;
mod publish;
mod serve;
mod sheets;
mod sheets_make;
mod snapshots_invalid;
mod writing;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository's root, which is also the example site.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn fixture(name: &str) -> PathBuf {
    repo().join("tests/fixtures").join(name)
}

/// Runs `bilan` with `args`, speaking English unless `args` hold a `--lang` (most fixtures
/// are French sites, whose messages are French: the tests of the French words say so).
pub fn bilan(args: &[&dyn AsRef<std::ffi::OsStr>]) -> Output {
    let chosen = args.iter().any(|a| a.as_ref() == "--lang");
    Command::new(env!("CARGO_BIN_EXE_bilan"))
        .args(args.iter().map(|a| a.as_ref()))
        .args(if chosen {
            &[][..]
        } else {
            &["--lang", "en"][..]
        })
        .env("NO_COLOR", "1")
        .output()
        .expect("running bilan")
}

/// Builds the site at `root` into `output` and returns the command's result.
pub fn build(root: &Path, output: &Path, extra: &[&str]) -> Output {
    let mut args: Vec<&dyn AsRef<std::ffi::OsStr>> =
        vec![&"build", &"--root", &root, &"--output", &output];
    for arg in extra {
        args.push(arg);
    }
    bilan(&args)
}

/// Builds and insists on success.
pub fn build_ok(root: &Path, output: &Path, extra: &[&str]) {
    let result = build(root, output, extra);
    assert!(
        result.status.success(),
        "build of {} failed:\n{}",
        root.display(),
        String::from_utf8_lossy(&result.stderr)
    );
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

pub fn read(path: impl AsRef<Path>) -> String {
    let path = path.as_ref();
    fs::read_to_string(path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()))
}

/// Every file under `dir` with its bytes.
pub fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .map(|entry| entry.expect("walking the output"))
        .filter(|entry| entry.file_type().is_file())
        .map(|entry| {
            let name = entry
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (name, fs::read(entry.path()).unwrap())
        })
        .collect()
}

/// Copies a folder, to edit a site without touching the fixtures.
pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).unwrap();
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A copy of the example site (its `content/` only) in a temporary folder.
pub fn example_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&repo().join("content"), &dir.path().join("content"));
    dir
}

/// Makes `link` a symbolic link to `target` (relative to the link's folder, or absolute).
/// Windows makes a link for a file or for a folder, as `target` is one.
pub fn symlink(target: impl AsRef<Path>, link: impl AsRef<Path>) {
    let (target, link) = (target.as_ref(), link.as_ref());
    #[cfg(unix)]
    let made = std::os::unix::fs::symlink(target, link);
    #[cfg(windows)]
    let made = if link.parent().unwrap_or(link).join(target).is_dir() {
        std::os::windows::fs::symlink_dir(target, link)
    } else {
        std::os::windows::fs::symlink_file(target, link)
    };
    made.unwrap_or_else(|e| panic!("linking {} to {}: {e}", link.display(), target.display()));
}
