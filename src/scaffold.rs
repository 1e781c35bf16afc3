//! `bilan new report`: the next note, started from the latest one. Its folder gets a front
//! matter filled in, the section headings and the `table` and `chart` blocks of the latest
//! note, and copies of its datasets, so that a quarter starts from the last quarter's figures.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag};

use crate::content::{DocKind, LoadOptions, Site};
use crate::problem::Problem;

/// What `new report` made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewReport {
    /// The note's `index.md`.
    pub note: PathBuf,
    /// The datasets copied from the latest report, and the folder they come from.
    pub copied: Vec<String>,
    pub from: Option<String>,
}

/// Creates `content/reports/DATE-SLUG/` under `root` for a note called `title`.
pub fn new_report(root: &Path, title: &str, date: NaiveDate) -> Result<NewReport, Problem> {
    let slug = slug::slugify(title);
    if slug.is_empty() {
        return Err(
            Problem::file("TITLE", format!("the title \"{title}\" gives no address"))
                .with_hint("give a title with letters or digits, such as \"Point d'avancement\""),
        );
    }
    // The latest note, drafts included: the one the next quarter follows.
    let (site, _) = Site::load(
        root,
        &LoadOptions {
            drafts: true,
            base_url: None,
        },
    )
    .map_err(|problems| {
        problems
            .0
            .into_iter()
            .next()
            .unwrap_or_else(|| Problem::file("content", "cannot read the site"))
    })?;
    let name = format!("{}-{slug}", date.format("%Y-%m-%d"));
    let reports = root.join("content").join("reports");
    let folder = reports.join(&name);
    let shown = Path::new("content/reports").join(&name);
    let taken = folder.exists() || reports.join(format!("{name}.md")).exists();
    if taken || site.reports.iter().any(|r| r.slug == name) {
        return Err(Problem::file(
            &shown,
            "a note with this address already exists; nothing was changed",
        )
        .with_hint("choose another title or date, or edit that note"));
    }

    let latest = site
        .reports
        .iter()
        .filter(|r| r.kind == DocKind::Report)
        .max_by_key(|r| r.date);
    let mut text = format!(
        "---\ntitle: {}\ndate: {}\nperiod:\nsummary:\n# Add `draft: true` to keep this note out of the site until it is ready.\n---\n",
        yaml_string(title),
        date.format("%Y-%m-%d")
    );
    if let Some(latest) = latest {
        for part in outline(latest.body()) {
            text.push('\n');
            text.push_str(part.trim_end());
            text.push('\n');
        }
    }

    fs::create_dir_all(&folder)
        .map_err(|e| Problem::file(&shown, format!("cannot create this folder: {e}")))?;
    let mut copied = Vec::new();
    if let Some(latest) = latest {
        for dataset in latest.datasets.values() {
            let Some(file_name) = dataset.path.file_name() else {
                continue;
            };
            let source = latest.source.disk.parent().map(|dir| dir.join(file_name));
            if let Some(source) = source {
                fs::copy(&source, folder.join(file_name)).map_err(|e| {
                    Problem::file(&dataset.path, format!("cannot copy this dataset: {e}"))
                })?;
                copied.push(file_name.to_string_lossy().into_owned());
            }
        }
    }
    let note = folder.join("index.md");
    fs::write(&note, text)
        .map_err(|e| Problem::file(&shown, format!("cannot write the note: {e}")))?;
    Ok(NewReport {
        note: shown.join("index.md"),
        copied,
        from: latest.map(|r| r.slug.clone()),
    })
}

/// The headings and the `table` and `chart` blocks of a note, as written, in order.
fn outline(markdown: &str) -> Vec<&str> {
    Parser::new(markdown)
        .into_offset_iter()
        .filter(|(event, _)| match event {
            Event::Start(Tag::Heading { .. }) => true,
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => {
                matches!(info.split_whitespace().next(), Some("table" | "chart"))
            }
            _ => false,
        })
        .map(|(_, range)| &markdown[range])
        .collect()
}

/// `text` as a YAML string that reads back the same (quoted when it needs to be).
fn yaml_string(text: &str) -> String {
    let plain = !text.is_empty()
        && !text.starts_with(|c: char| "-?:,[]{}#&*!|>'\"%@`".contains(c) || c.is_whitespace())
        && !text.contains(": ")
        && !text.contains(" #")
        && !text.ends_with(char::is_whitespace);
    if plain {
        text.to_owned()
    } else {
        format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
    }
}

/// Today's date, from the system clock (UTC).
pub fn today() -> NaiveDate {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() / 86_400);
    NaiveDate::from_ymd_opt(1970, 1, 1)
        .and_then(|epoch| epoch.checked_add_days(chrono::Days::new(days)))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_outline_keeps_headings_and_blocks() {
        let body = "Intro.\n\n## Sites E2C\n\nTexte.\n\n```table\ndata: sites\ntotal: Total\n```\n\n```rust\nx\n```\n\n## Financements\n";
        assert_eq!(
            outline(body),
            [
                "## Sites E2C\n",
                "```table\ndata: sites\ntotal: Total\n```",
                "## Financements\n"
            ]
        );
    }

    #[test]
    fn titles_are_quoted_only_when_needed() {
        assert_eq!(yaml_string("Point d'avancement"), "Point d'avancement");
        assert_eq!(yaml_string("Bilan: 2018"), "\"Bilan: 2018\"");
        assert_eq!(yaml_string("\"Cité\""), "\"\\\"Cité\\\"\"");
        assert_eq!(yaml_string("#1"), "\"#1\"");
    }
}
