//! The output's keys (`KEYS`): what each costly file of an output (a link preview) was made
//! from, so that the next build keeps those whose sources hash the same.

use std::collections::HashMap;
use std::fs;
use std::io;
use std::path::Path;

use super::{Link, write_unless_unchanged};

/// The keys of an output's costly files, by path; none when the file is missing or not as
/// bilan writes it (then every such file is made again).
pub(super) fn read(path: &Path) -> HashMap<String, u64> {
    let Ok(text) = fs::read_to_string(path) else {
        return HashMap::new();
    };
    text.lines()
        .filter_map(|line| {
            let (key, path) = line.split_once(' ')?;
            Some((path.to_owned(), u64::from_str_radix(key, 16).ok()?))
        })
        .collect()
}

/// Writes the keys of the new site's costly files to `target`, one line each, sorted; or
/// links the previous output's file when it says the same. Nothing when there are none.
pub(super) fn write(
    keys: &[(String, u64)],
    target: &Path,
    previous: Option<&Path>,
    link: Link,
) -> io::Result<()> {
    if keys.is_empty() {
        return Ok(());
    }
    let mut keys: Vec<_> = keys.iter().collect();
    keys.sort();
    let mut text = String::with_capacity(keys.len() * 64);
    for (path, key) in keys {
        text.push_str(&format!("{key:016x} {path}\n"));
    }
    write_unless_unchanged(text.as_bytes(), target, previous, link)
}
