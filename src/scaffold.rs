//! `bilan new report`: the next note, started from the latest published one. Its folder
//! gets a front matter filled in (a draft, until the writer says it is ready), the section
//! headings and the `table` and `chart` blocks of the latest published note, and copies of
//! the datasets of the latest published note that has some, so that a quarter starts from
//! the last quarter's figures without publishing them under a new title.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;
use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag};

use crate::content::{Document, LoadOptions, Site};
use crate::locale::{Language, parse_iso_date};
use crate::message::Message;
use crate::problem::{Problem, quoted_list};

/// What `new report` made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewReport {
    /// The note's `index.md`.
    pub note: PathBuf,
    /// The note whose headings and blocks it starts with.
    pub from: Option<String>,
    /// The datasets copied, and the note they come from.
    pub copied: Vec<String>,
    pub data_from: Option<String>,
}

/// Creates `content/reports/DATE-SLUG/` under `root` for a note called `title`, started
/// from the note named `from` (its folder or address), or else from the latest published.
pub fn new_report(
    root: &Path,
    title: &str,
    date: NaiveDate,
    from: Option<&str>,
) -> Result<NewReport, Problem> {
    let slug = slug::slugify(title);
    if slug.is_empty() {
        return Err(Problem::file("TITLE", msg!("new-title-no-address", title))
            .with_hint(msg!("new-title-no-address-hint")));
    }
    // Drafts included, so that a new note never takes the address of one.
    let (site, _) = Site::load(
        root,
        &LoadOptions {
            drafts: true,
            base_url: None,
        },
    )
    .map_err(|problems| {
        problems
            .into_iter()
            .next()
            .unwrap_or_else(|| Problem::file("content", msg!("new-site-unreadable")))
    })?;
    let name = format!("{}-{slug}", date.format("%Y-%m-%d"));
    let reports = root.join("content").join("reports");
    let folder = reports.join(&name);
    let shown = Path::new("content/reports").join(&name);
    let taken = folder.exists() || reports.join(format!("{name}.md")).exists();
    if taken || site.reports.iter().any(|r| r.slug == name) {
        return Err(
            Problem::file(&shown, msg!("new-note-exists")).with_hint(msg!("new-note-exists-hint"))
        );
    }

    // `site.reports` is newest first: the latest published note gives the outline, the latest
    // published note with datasets gives the figures; `--from` gives both.
    let (outline_from, data_from) = match from {
        Some(from) => {
            let note = named(&site, from)?;
            (Some(note), Some(note))
        }
        None => {
            let mut published = site.reports.iter().filter(|r| !r.draft);
            let latest = published.clone().next();
            (latest, published.find(|r| !r.datasets.is_empty()))
        }
    };
    let mut text = front_matter(title, date, site.config.language);
    if let Some(note) = outline_from {
        for part in outline(note.body()) {
            text.push('\n');
            text.push_str(part.trim_end());
            text.push('\n');
        }
    }

    fs::create_dir_all(&folder)
        .map_err(|e| Problem::file(&shown, msg!("new-cannot-create", error = e.to_string())))?;
    let mut copied = Vec::new();
    if let Some(note) = data_from {
        // Each file once, byte for byte: a workbook of several sheets, and the spreadsheet
        // a description reads beside the description.
        let files: std::collections::BTreeMap<_, _> = note
            .datasets
            .values()
            .flat_map(|dataset| {
                let described = dataset.source.as_deref();
                std::iter::once((dataset.path.file_name(), dataset))
                    .chain(described.map(|source| (source.file_name(), dataset)))
            })
            .filter_map(|(name, dataset)| Some((name?.to_owned(), dataset)))
            .collect();
        for (file_name, dataset) in files {
            let file_name = file_name.as_os_str();
            let source = note.source.disk.parent().map(|dir| dir.join(file_name));
            if let Some(source) = source {
                fs::copy(&source, folder.join(file_name)).map_err(|e| {
                    Problem::file(
                        &dataset.path,
                        msg!("new-cannot-copy", error = e.to_string()),
                    )
                })?;
                copied.push(file_name.to_string_lossy().into_owned());
            }
        }
    }
    let note = folder.join("index.md");
    fs::write(&note, text)
        .map_err(|e| Problem::file(&shown, msg!("new-cannot-write-note", error = e.to_string())))?;
    Ok(NewReport {
        note: shown.join("index.md"),
        from: outline_from.map(|r| r.slug.clone()),
        copied,
        data_from: data_from
            .filter(|r| !r.datasets.is_empty())
            .map(|r| r.slug.clone()),
    })
}

/// The front matter of a new note: a draft, with the reminder in the site's language.
fn front_matter(title: &str, date: NaiveDate, language: Language) -> String {
    let reminder = match language {
        Language::Fr => {
            "# Brouillon : enlevez la ligne « draft: true » quand la note est prête à publier."
        }
        Language::En => {
            "# Draft: remove the line \"draft: true\" when the note is ready to publish."
        }
    };
    format!(
        "---\ntitle: {}\ndate: {}\nperiod:\nsummary:\n{reminder}\ndraft: true\n---\n",
        yaml_string(title),
        date.format("%Y-%m-%d")
    )
}

/// The report named `name` on the command line: its folder (or file) name, or its address.
fn named<'a>(site: &'a Site, name: &str) -> Result<&'a Arc<Document>, Problem> {
    let wanted = name.trim_end_matches('/');
    let folder = |doc: &Document| -> Option<String> {
        let disk = &doc.source.disk;
        let file = if disk.file_name().is_some_and(|f| f == "index.md") {
            disk.parent()?.file_name()?
        } else {
            disk.file_stem()?
        };
        Some(file.to_string_lossy().into_owned())
    };
    if let Some(note) = site
        .reports
        .iter()
        .find(|r| r.slug == wanted || folder(r).as_deref() == Some(wanted))
    {
        return Ok(note);
    }
    let slugs: Vec<&str> = site.reports.iter().map(|r| r.slug.as_str()).collect();
    Err(
        Problem::file("--from", msg!("new-no-such-note", wanted)).with_closest(
            wanted,
            slugs.iter().copied(),
            || {
                if slugs.is_empty() {
                    msg!("new-no-notes-yet")
                } else {
                    msg!(
                        "new-latest-notes",
                        notes = quoted_list(slugs.iter().take(5).copied())
                    )
                }
            },
        ),
    )
}

/// A date as the command line takes it: `2020-03-13`, or `13/03/2020` as the site writes it.
pub fn parse_date(text: &str) -> Result<NaiveDate, Message> {
    let text = text.trim();
    let short = || {
        let mut parts = text.split('/');
        let (day, month, year) = (parts.next()?, parts.next()?, parts.next()?);
        let digits = |part: &str, len: usize| -> Option<u32> {
            if part.len() == len && part.bytes().all(|b| b.is_ascii_digit()) {
                part.parse().ok()
            } else {
                None
            }
        };
        if parts.next().is_some() {
            return None;
        }
        NaiveDate::from_ymd_opt(
            i32::try_from(digits(year, 4)?).ok()?,
            digits(month, 2)?,
            digits(day, 2)?,
        )
    };
    parse_iso_date(text)
        .or_else(short)
        .ok_or_else(|| msg!("new-not-a-date", text))
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
    fn dates_are_typed_either_way() {
        let day = NaiveDate::from_ymd_opt(2020, 3, 13);
        assert_eq!(parse_date("2020-03-13").ok(), day);
        assert_eq!(parse_date("13/03/2020").ok(), day);
        for wrong in [
            "2020/13/03",
            "13/3/2020",
            "31/02/2020",
            "13-03-2020",
            "demain",
            "",
        ] {
            let message = parse_date(wrong).unwrap_err().english();
            assert!(
                message.contains("YYYY-MM-DD") && message.contains("DD/MM/YYYY"),
                "{message}"
            );
        }
    }

    #[test]
    fn the_reminder_is_in_the_site_language() {
        let day = NaiveDate::from_ymd_opt(2020, 3, 13).unwrap_or_default();
        let fr = front_matter("Note T1", day, Language::Fr);
        assert!(fr.contains("\n# Brouillon : enlevez la ligne « draft: true » quand la note est prête à publier.\ndraft: true\n---\n"), "{fr}");
        let en = front_matter("Note T1", day, Language::En);
        assert!(en.contains("\n# Draft: remove the line \"draft: true\" when the note is ready to publish.\ndraft: true\n"), "{en}");
    }

    #[test]
    fn titles_are_quoted_only_when_needed() {
        assert_eq!(yaml_string("Point d'avancement"), "Point d'avancement");
        assert_eq!(yaml_string("Bilan: 2018"), "\"Bilan: 2018\"");
        assert_eq!(yaml_string("\"Cité\""), "\"\\\"Cité\\\"\"");
        assert_eq!(yaml_string("#1"), "\"#1\"");
    }
}
