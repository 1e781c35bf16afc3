//! `bilan new site DIR`: a site that builds at once, for a coordinator who has never written
//! one. Its `site.yaml` says what every key is for, in the site's language; its first note
//! is a draft with a table and a chart of a small dataset, so that `bilan serve` shows them
//! and `bilan build` publishes nothing before the writer says so.

use std::fs;
use std::path::PathBuf;

use chrono::NaiveDate;

use crate::locale::Language;
use crate::problem::Problem;

/// What `new site` is asked to make.
#[derive(Debug, Clone)]
pub struct NewSite {
    /// The folder to make the site in: new, or empty.
    pub dir: PathBuf,
    pub title: Option<String>,
    pub language: Language,
    /// The URL folder of the reports (`rapports` in French, `reports` in English).
    pub reports_path: Option<String>,
    /// The date of the first note.
    pub date: NaiveDate,
}

/// What `new site` made: its files, relative to the new site's folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MadeSite {
    pub files: Vec<PathBuf>,
}

/// The words of a new site, in its language.
struct Words {
    title: &'static str,
    reports: &'static str,
    reports_path: &'static str,
    note_slug: &'static str,
    site_yaml: &'static str,
    note: &'static str,
    dataset: &'static str,
    /// A second dataset, kept as a spreadsheet keeps it.
    budget: &'static str,
    guide_name: &'static str,
    guide: &'static str,
}

const FRENCH: Words = Words {
    title: "Mon école",
    reports: "Rapports",
    reports_path: "rapports",
    note_slug: "premiere-note",
    site_yaml: include_str!("starter/fr/site.yaml"),
    note: include_str!("starter/fr/note.md"),
    dataset: include_str!("starter/fr/sites.yaml"),
    budget: include_str!("starter/fr/budget.csv"),
    guide_name: "LISEZMOI.md",
    guide: include_str!("starter/fr/LISEZMOI.md"),
};

const ENGLISH: Words = Words {
    title: "My school",
    reports: "Reports",
    reports_path: "reports",
    note_slug: "first-note",
    site_yaml: include_str!("starter/en/site.yaml"),
    note: include_str!("starter/en/note.md"),
    dataset: include_str!("starter/en/sites.yaml"),
    budget: include_str!("starter/en/budget.csv"),
    guide_name: "README.md",
    guide: include_str!("starter/en/README.md"),
};

/// Makes a new site in `asked.dir`, which must not exist or be empty. Nothing is written
/// when it holds anything, nor when the options are wrong.
pub fn new_site(asked: &NewSite) -> Result<MadeSite, Problem> {
    let words = match asked.language {
        Language::Fr => &FRENCH,
        Language::En => &ENGLISH,
    };
    let dir = &asked.dir;
    if let Ok(mut entries) = fs::read_dir(dir)
        && entries.next().is_some()
    {
        return Err(Problem::file(dir, msg!("new-site-not-empty"))
            .with_hint(msg!("new-site-not-empty-hint")));
    }
    if dir.exists() && !dir.is_dir() {
        return Err(Problem::file(dir, msg!("new-site-is-a-file")));
    }
    let reports_path = asked
        .reports_path
        .as_deref()
        .map(|path| path.trim_matches('/'))
        .unwrap_or(words.reports_path);
    let valid = !reports_path.is_empty()
        && reports_path.split('/').all(|part| {
            !part.is_empty()
                && part
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        });
    if !valid {
        return Err(Problem::file(
            "--reports-path",
            msg!("new-site-reports-path", reports_path),
        ));
    }
    let title = asked.title.as_deref().unwrap_or(words.title);
    let date = asked.date.format("%Y-%m-%d").to_string();
    let note_dir = PathBuf::from("content/reports").join(format!("{date}-{}", words.note_slug));
    let fill = |text: &str| {
        text.replace("{title}", &yaml_string(title))
            .replace("{reports_path}", reports_path)
            .replace("{reports}", words.reports)
            .replace("{date}", &date)
    };
    let files: Vec<(PathBuf, String)> = vec![
        (PathBuf::from("content/site.yaml"), fill(words.site_yaml)),
        (note_dir.join("index.md"), fill(words.note)),
        (note_dir.join("sites.yaml"), fill(words.dataset)),
        (note_dir.join("budget.csv"), words.budget.to_owned()),
        (PathBuf::from("content/static/.gitkeep"), String::new()),
        (PathBuf::from(".gitignore"), "/output/\n".to_owned()),
        (PathBuf::from(words.guide_name), fill(words.guide)),
    ];
    for (path, text) in &files {
        let target = dir.join(path);
        let written = target
            .parent()
            .map_or(Ok(()), fs::create_dir_all)
            .and_then(|()| fs::write(&target, text));
        if let Err(error) = written {
            return Err(Problem::file(
                &target,
                msg!("new-cannot-write", error = error.to_string()),
            ));
        }
    }
    Ok(MadeSite {
        files: files.into_iter().map(|(path, _)| path).collect(),
    })
}

/// `text` as a YAML string that reads back the same: quoted, since a title with ` : ` or
/// ` #` would not.
fn yaml_string(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_fill_the_same_places() {
        for words in [&FRENCH, &ENGLISH] {
            assert!(words.site_yaml.contains("{title}"));
            assert!(words.site_yaml.contains("{reports_path}"));
            assert!(words.note.contains("{date}"));
            assert!(words.note.contains("draft: true"));
        }
    }

    #[test]
    fn titles_are_quoted_so_that_french_punctuation_reads_back() {
        assert_eq!(yaml_string("E2C : Var"), "\"E2C : Var\"");
        assert_eq!(yaml_string("Note \"#3\""), "\"Note \\\"#3\\\"\"");
    }
}
