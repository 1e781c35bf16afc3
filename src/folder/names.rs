//! Names that Windows cannot hold, found on every platform: a site written on Linux or a Mac
//! must also build for a colleague on Windows, where most coordinators work.
//!
//! Windows keeps the names of devices (`CON`, `aux.md`: the part before the first dot, in
//! any case), drops a final dot or space, refuses `< > : " / \ | ? *` and control
//! characters, and holds two names that differ only in case as one file.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::message::Message;
use crate::problem::Problem;

/// The names Windows keeps for devices, whatever the extension and the case.
const DEVICES: &[&str] = &[
    "CON", "PRN", "AUX", "NUL", "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7",
    "COM8", "COM9", "COM¹", "COM²", "COM³", "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6",
    "LPT7", "LPT8", "LPT9", "LPT¹", "LPT²", "LPT³",
];

/// The characters Windows refuses in a name, besides control characters.
const FORBIDDEN: &[char] = &['<', '>', ':', '"', '/', '\\', '|', '?', '*'];

/// Why Windows cannot hold a file or folder named `name` ("it keeps `AUX` for a device…"),
/// or `None` when it can.
pub fn windows_refusal(name: &str) -> Option<Message> {
    let stem = name.split('.').next().unwrap_or(name).trim_end_matches(' ');
    // Every device name has three or four characters, in upper case already: a longer stem
    // (nearly every name) is not folded, since this runs for each file of every rebuild.
    if (3..=4).contains(&stem.chars().count()) {
        let folded = fold_case(stem);
        if let Some(device) = DEVICES.iter().find(|device| **device == folded) {
            return Some(msg!("windows-device", device = *device));
        }
    }
    if let Some(c) = name
        .chars()
        .find(|c| FORBIDDEN.contains(c) || c.is_control())
    {
        return Some(if c.is_control() {
            msg!("windows-control", code = format!("U+{:04X}", u32::from(c)))
        } else {
            msg!("windows-forbidden", c)
        });
    }
    match name.chars().last() {
        Some('.') => Some(msg!("windows-dot")),
        Some(' ') => Some(msg!("windows-space")),
        _ => None,
    }
}

/// A name as Windows compares names: each character in upper case (when that is one
/// character, as in the table of NTFS, which does not turn `ß` into `SS`).
pub fn fold_case(name: &str) -> String {
    name.chars()
        .map(|c| {
            let mut upper = c.to_uppercase();
            match (upper.next(), upper.next()) {
                (Some(one), None) => one,
                _ => c,
            }
        })
        .collect()
}

/// Checks the names of the files and folders of a walk, one after another: each must be
/// one Windows can hold, and differ from the others of its folder by more than case.
#[derive(Debug, Default)]
pub struct NameCheck {
    /// The first name met in each folder, by its name as Windows compares them.
    seen: HashMap<(PathBuf, String), PathBuf>,
}

impl NameCheck {
    /// The problems of the file or folder at `shown` (as shown to the user).
    pub fn check(&mut self, shown: &Path, is_dir: bool) -> Vec<Problem> {
        let Some(name) = shown.file_name().map(|n| n.to_string_lossy()) else {
            return Vec::new();
        };
        let what = if is_dir { "folder" } else { "file" };
        let mut problems = Vec::new();
        if let Some(why) = windows_refusal(&name) {
            problems.push(
                Problem::file(shown, msg!("windows-refuses", what, name = &*name, why))
                    .with_hint(msg!("windows-refuses-hint")),
            );
        }
        let parent = shown.parent().unwrap_or(Path::new("")).to_path_buf();
        let key = (parent, fold_case(&name));
        match self.seen.get(&key) {
            Some(first) => {
                let first = first.file_name().unwrap_or_default().to_string_lossy();
                problems.push(
                    Problem::file(shown, msg!("windows-case", first = &*first, name = &*name))
                        .with_hint(msg!("windows-case-hint", what)),
                );
            }
            None => {
                self.seen.insert(key, shown.to_path_buf());
            }
        }
        problems
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn device_names_are_folded_already_and_three_or_four_characters_long() {
        // What `windows_refusal` counts on to fold only the stems that may be a device.
        for device in DEVICES {
            assert_eq!(fold_case(device), *device);
            assert!((3..=4).contains(&device.chars().count()), "{device}");
        }
    }

    #[test]
    fn device_names_are_refused_with_any_extension_and_case() {
        for name in [
            "aux.md",
            "Con.yaml",
            "CON",
            "nul",
            "prn.tar.gz",
            "com1.csv",
            "LPT9",
            "lpt¹.txt",
            "con .md",
        ] {
            assert!(windows_refusal(name).is_some(), "{name}");
        }
        assert_eq!(
            windows_refusal("Aux.md").map(|m| m.english()).as_deref(),
            Some("it keeps `AUX` for a device, whatever the extension")
        );
        for name in [
            "auxiliaire.md",
            "console.yaml",
            "com10",
            "lpt",
            "nul-ou-presque.md",
            "sites.yaml",
            "index.md",
            "2017-10-02-point-d-avancement",
        ] {
            assert_eq!(windows_refusal(name), None, "{name}");
        }
    }

    #[test]
    fn forbidden_characters_and_final_dots_and_spaces_are_refused() {
        for c in ['<', '>', ':', '"', '\\', '|', '?', '*', '\t', '\u{1}'] {
            let name = format!("note{c}1.md");
            assert!(windows_refusal(&name).is_some(), "{name:?}");
        }
        assert_eq!(
            windows_refusal("T1 : bilan.md")
                .map(|m| m.english())
                .as_deref(),
            Some("it allows no `:` in a name")
        );
        assert_eq!(
            windows_refusal("a\u{7}b").map(|m| m.english()).as_deref(),
            Some("it allows no control character (U+0007) in a name")
        );
        assert_eq!(
            windows_refusal("notes.").map(|m| m.english()).as_deref(),
            Some("it drops a dot at the end of a name")
        );
        assert_eq!(
            windows_refusal("notes ").map(|m| m.english()).as_deref(),
            Some("it drops a space at the end of a name")
        );
        for name in [
            "Note T1 (brouillon).md",
            "L’Isle-sur-la-Sorgue",
            "été 2017",
            "a.b.c",
        ] {
            assert_eq!(windows_refusal(name), None, "{name}");
        }
    }

    #[test]
    fn names_that_differ_only_in_case_in_one_folder_are_refused() {
        let mut check = NameCheck::default();
        let data = Path::new("content/data");
        assert!(check.check(&data.join("Sites.yaml"), false).is_empty());
        let twin = check.check(&data.join("sites.yaml"), false);
        assert_eq!(twin.len(), 1);
        assert_eq!(twin[0].path, data.join("sites.yaml"));
        assert_eq!(
            twin[0].message,
            "Windows cannot hold both `Sites.yaml` and `sites.yaml` in one folder: it does not tell names apart by case"
        );
        assert!(check.check(&data.join("ÉTÉ.yaml"), false).is_empty());
        assert_eq!(check.check(&data.join("été.yaml"), false).len(), 1);
        // The same name in another folder is no twin.
        assert!(
            check
                .check(Path::new("content/reports/a/sites.yaml"), false)
                .is_empty()
        );
        assert!(check.check(Path::new("content/Reports"), true).is_empty());
        assert_eq!(fold_case("straße"), "STRAßE");
    }

    #[test]
    fn a_name_windows_cannot_hold_is_a_problem_at_its_path() {
        let mut check = NameCheck::default();
        let found = check.check(Path::new("content/pages/aux.md"), false);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].path, Path::new("content/pages/aux.md"));
        assert_eq!(
            found[0].message,
            "Windows cannot hold a file named `aux.md`: it keeps `AUX` for a device, whatever the extension"
        );
        assert_eq!(
            found[0].hint_english().as_deref(),
            Some("rename it: Windows cannot make it, so the site would not build there")
        );
        let folder = check.check(Path::new("content/reports/bilan."), true);
        assert_eq!(
            folder[0].message,
            "Windows cannot hold a folder named `bilan.`: it drops a dot at the end of a name"
        );
    }
}
