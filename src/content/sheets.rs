//! Spreadsheets as datasets: of the CSV, XLSX, ODS and XLS files beside a note or in
//! `content/data/`, those that a block names are read; the others stay attachments.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::document::Document;
use crate::data::Dataset;
use crate::data::sheet::{is_spreadsheet, load_sheet};
use crate::folder::{SourcePath, entries};
use crate::locale::Language;
use crate::message::Message;
use crate::problem::{Problem, Problems};

/// The spreadsheets read as datasets, and which files they were read from.
#[derive(Default)]
pub(super) struct ReadSheets {
    pub(super) datasets: BTreeMap<String, Arc<Dataset>>,
    pub(super) broken: BTreeSet<String>,
    pub(super) used: BTreeSet<PathBuf>,
}

/// Reads, of the spreadsheet `files`, those that the datasets `names` name (`budget`, or
/// `budget/Financeurs` for a sheet) and that are not already among `known`.
pub(super) fn read_spreadsheets(
    files: &[SourcePath],
    names: &BTreeSet<String>,
    known: (&BTreeMap<String, Arc<Dataset>>, &BTreeSet<String>),
    language: Language,
    problems: &mut Problems,
) -> ReadSheets {
    let mut read = ReadSheets::default();
    for name in names {
        let (stem, sheet) = match name.split_once('/') {
            Some((stem, sheet)) => (stem, Some(sheet)),
            None => (name.as_str(), None),
        };
        let candidates: Vec<&SourcePath> = files
            .iter()
            .filter(|file| {
                file.disk
                    .file_stem()
                    .is_some_and(|s| s.to_string_lossy() == stem)
            })
            .collect();
        if let Some(dataset) = known.0.get(name) {
            // A YAML dataset and a spreadsheet that would both be `name`.
            if let Some(file) = candidates.first() {
                problems.push(
                    Problem::file(
                        &file.shown,
                        msg!(
                            "data-both-dataset",
                            yaml = dataset.path.display(),
                            sheet = file.shown.display(),
                            name
                        ),
                    )
                    .with_hint(msg!(
                        "data-both-dataset-hint",
                        file = file
                            .shown
                            .file_name()
                            .map(|n| n.to_string_lossy())
                            .unwrap_or_default()
                    )),
                );
            }
            continue;
        }
        if known.1.contains(name) {
            continue;
        }
        match candidates[..] {
            [] => {}
            [file] => {
                read.used.insert(file.disk.clone());
                match load_sheet(&file.disk, &file.shown, name, sheet, language) {
                    Ok(dataset) => {
                        read.datasets.insert(name.clone(), Arc::new(dataset));
                    }
                    Err(found) => {
                        problems.extend(found);
                        read.broken.insert(name.clone());
                    }
                }
            }
            [first, ..] => {
                let files = candidates
                    .iter()
                    .map(|file| Message::raw(format!("`{}`", file.shown.display())))
                    .reduce(|first, second| msg!("and", first, second))
                    .unwrap_or_else(|| Message::raw(""));
                problems.push(
                    Problem::file(&first.shown, msg!("data-all-dataset", files, stem))
                        .with_hint(msg!("data-all-dataset-hint")),
                );
                read.broken.insert(name.clone());
            }
        }
    }
    read
}

/// The spreadsheets of `content/data/` that a block of `docs` names and that no note's
/// folder (nor a YAML dataset of `known`) holds.
pub(super) fn read_global(
    root: &Path,
    content: &Path,
    docs: (&[Arc<Document>], &[Arc<Document>]),
    known: (&BTreeMap<String, Arc<Dataset>>, &BTreeSet<String>),
    language: Language,
    problems: &mut Problems,
) -> ReadSheets {
    let named: BTreeSet<String> = docs
        .0
        .iter()
        .chain(docs.1)
        .flat_map(|doc| {
            doc.blocks
                .iter()
                .filter_map(|placed| placed.block.data())
                .filter(|name| {
                    !doc.datasets.contains_key(*name) && !doc.broken_datasets.contains(*name)
                })
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .collect();
    if named.is_empty() {
        return ReadSheets::default();
    }
    let described: BTreeSet<&PathBuf> =
        known.0.values().filter_map(|d| d.source.as_ref()).collect();
    let sheets: Vec<SourcePath> = entries(root, &content.join("data"), 1, problems)
        .into_iter()
        .filter(|entry| {
            entry.is_file
                && is_spreadsheet(&entry.path.disk)
                && !described.contains(&entry.path.disk)
        })
        .map(|entry| entry.path)
        .collect();
    read_spreadsheets(&sheets, &named, known, language, problems)
}
