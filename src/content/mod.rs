//! Loading a site: the only walk over `content/` and `themes/`.
//!
//! Loading reads and checks each file on its own (YAML syntax, front matter, column types)
//! and gathers every problem it finds; the checks that need the whole site (addresses,
//! references between notes and datasets) are `resolve`'s.

mod cache;
pub mod document;
mod sheets;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

pub use self::cache::LoadCache;
use self::cache::{Loaded, stamp};
use self::document::Folder;
pub use self::document::{DocKind, Document};
use self::sheets::read_spreadsheets;
use crate::config::SiteConfig;
use crate::data::sheet::is_spreadsheet;
use crate::data::{Dataset, load_dataset_in};
pub use crate::folder::{Attachment, SourcePath};
use crate::folder::{Entry, attachments_in, check_link, entries, load_attachments, read_text};
use crate::locale::Language;
use crate::problem::{Problem, Problems};
use crate::theme::Theme;

/// What a build takes from the command line.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// Publish drafts too.
    pub drafts: bool,
    /// Overrides `base_url` of `site.yaml`.
    pub base_url: Option<String>,
}

/// Everything a site is made of, read from disk.
#[derive(Debug)]
pub struct Site {
    pub root: PathBuf,
    pub config: SiteConfig,
    /// Reports, newest first in the order of notes (`Document::order`); drafts among them
    /// only with `--drafts` (see `published`).
    pub reports: Vec<Arc<Document>>,
    pub pages: Vec<Arc<Document>>,
    /// The datasets of `content/data/`.
    pub data: BTreeMap<String, Arc<Dataset>>,
    pub broken_data: BTreeSet<String>,
    /// `content/static/`, copied to the root of the output.
    pub static_files: Vec<Attachment>,
    pub theme: Theme,
    /// For each dataset name, the published reports whose folder has one (indices into
    /// `reports`), oldest first: what a chart that follows the dataset across reports shows.
    histories: HashMap<String, Vec<usize>>,
    /// The drafts that were not loaded (no `--drafts`), as shown to the user.
    pub drafts_left_out: Vec<PathBuf>,
    /// The text of each `content/sites/SLUG.md`, by slug: what a site's page says of it.
    pub site_texts: BTreeMap<String, String>,
}

impl Site {
    /// Reads the site under `root`. Returns the site with the problems found in its files,
    /// or only problems when there is no site to speak of (no readable `site.yaml`).
    pub fn load(root: &Path, options: &LoadOptions) -> Result<(Site, Problems), Problems> {
        Site::load_with(root, options, &mut LoadCache::default())
    }

    /// Like `load`, reusing the notes of `cache` that have not changed since, and leaving in
    /// it the notes of this load.
    pub fn load_with(
        root: &Path,
        options: &LoadOptions,
        cache: &mut LoadCache,
    ) -> Result<(Site, Problems), Problems> {
        let content = root.join("content");
        let mut problems = Problems::default();
        let config_path = SourcePath::new(root, content.join("site.yaml"));
        if !config_path.disk.is_file() {
            let problem = Problem::file(&config_path.shown, msg!("site-no-site-yaml")).with_hint(
                if content.is_dir() {
                    msg!("site-no-site-yaml-hint")
                } else {
                    msg!("site-no-site-yaml-no-content-hint")
                },
            );
            return Err(problem.into());
        }
        check_link(root, &config_path).map_err(Problems::from)?;
        let mut config = read_text(&config_path)
            .map_err(Problems::from)
            .and_then(|text| SiteConfig::parse(&text, &config_path.shown))?;
        if let Some(base_url) = &options.base_url {
            let override_text = format!("title: x\nbase_url: {base_url:?}\n");
            match SiteConfig::parse(&override_text, Path::new("--base-url")) {
                Ok(parsed) => config.base_url = parsed.base_url,
                Err(found) => {
                    return Err(found
                        .into_iter()
                        .map(|p| Problem::file("--base-url", p.message))
                        .collect());
                }
            }
        }

        // A theme with problems leaves no site to speak of, but the content is read all the
        // same, so that all the problems of a run come together.
        let theme = Theme::load(root, &config.theme, config.language);

        let (data, broken_data) =
            load_datasets(root, &content.join("data"), config.language, &mut problems);
        let previous = std::mem::take(&mut cache.documents);
        // A single build keeps nothing, and so stamps nothing.
        let mut kept = cache.keeping.then_some(&mut cache.documents);
        let language = config.language;
        let mut documents = |folder: &str, kind: DocKind, problems: &mut Problems| {
            let dir = content.join(folder);
            load_documents(
                root,
                &dir,
                kind,
                &previous,
                kept.as_deref_mut(),
                language,
                problems,
            )
        };
        let mut reports = documents("reports", DocKind::Report, &mut problems);
        let mut pages = documents("pages", DocKind::Page, &mut problems);
        let (mut data, mut broken_data) = (data, broken_data);
        let global = sheets::read_global(
            root,
            &content,
            (&reports, &pages),
            (&data, &broken_data),
            language,
            &mut problems,
        );
        data.extend(global.datasets);
        broken_data.extend(global.broken);
        let mut drafts_left_out = Vec::new();
        if !options.drafts {
            let drafts = reports.iter().chain(&pages).filter(|doc| doc.draft);
            drafts_left_out.extend(drafts.map(|doc| doc.source.shown.clone()));
            drafts_left_out.sort();
            reports.retain(|doc| !doc.draft);
            pages.retain(|doc| !doc.draft);
        }
        // Newest first: the reverse of the one order of notes.
        reports.sort_by(|a, b| b.order(a));
        let static_files = load_attachments(root, &content.join("static"), &mut problems);
        // Oldest first, each published report with the datasets of its folder, once for
        // every chart: a draft is never a point of a chart across reports.
        let mut histories: HashMap<String, Vec<usize>> = HashMap::new();
        for (index, report) in reports.iter().enumerate().rev() {
            if report.draft {
                continue;
            }
            for name in report.datasets.keys() {
                histories.entry(name.clone()).or_default().push(index);
            }
        }

        let site_texts = load_site_texts(root, &content.join("sites"), &mut problems);
        let theme = match theme {
            Ok(theme) => theme,
            Err(found) => {
                problems.extend(found);
                // Sorted by place, as every list of problems is shown.
                return Err(problems.into_result().err().unwrap_or_default());
            }
        };
        let site = Site {
            site_texts,
            root: root.to_path_buf(),
            config,
            reports,
            pages,
            data,
            broken_data,
            static_files,
            theme,
            histories,
            drafts_left_out,
        };
        Ok((site, problems))
    }

    /// The published reports that have a dataset `name` in their folder, oldest first.
    pub fn all_history<'a>(
        &'a self,
        name: &'a str,
    ) -> impl Iterator<Item = (&'a Document, &'a Arc<Dataset>)> {
        let reports = self.histories.get(name).map_or(&[][..], Vec::as_slice);
        reports.iter().filter_map(move |&index| {
            let report = &*self.reports[index];
            Some((report, report.datasets.get(name)?))
        })
    }

    /// The dataset `name` as `doc` sees it: its own, or else the global one.
    pub fn dataset<'a>(&'a self, doc: &'a Document, name: &str) -> Option<&'a Arc<Dataset>> {
        doc.datasets.get(name).or_else(|| self.data.get(name))
    }

    /// The published reports that have a dataset `name` in their folder, oldest first, up
    /// to `doc` (included) in the order of notes, with that dataset. A draft shown with
    /// `--drafts` follows them with its own figures, as it would once published.
    pub fn history<'a>(
        &'a self,
        doc: &'a Document,
        name: &str,
    ) -> impl Iterator<Item = (&'a Document, &'a Arc<Dataset>)> {
        let reports = self.histories.get(name).map_or(&[][..], Vec::as_slice);
        let end = reports.partition_point(|&index| self.reports[index].order(doc).is_le());
        let own = doc
            .draft
            .then(|| doc.datasets.get(name).map(|dataset| (doc, dataset)))
            .flatten();
        reports[..end]
            .iter()
            .filter_map(move |&index| {
                let report = &*self.reports[index];
                Some((report, report.datasets.get(name)?))
            })
            .chain(own)
    }

    /// The published reports, newest first.
    pub fn published(&self) -> impl Iterator<Item = &Arc<Document>> {
        self.reports.iter().filter(|doc| !doc.draft)
    }

    /// Whether `name` is a dataset that exists but could not be read.
    pub fn is_broken_dataset(&self, doc: &Document, name: &str) -> bool {
        doc.broken_datasets.contains(name)
            || (!doc.datasets.contains_key(name) && self.broken_data.contains(name))
    }
}

fn is_yaml(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("yaml" | "yml")
    )
}

fn is_markdown(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()) == Some("md")
}

type Datasets = (BTreeMap<String, Arc<Dataset>>, BTreeSet<String>);

/// Reads the datasets directly in `dir`.
fn load_datasets(root: &Path, dir: &Path, language: Language, problems: &mut Problems) -> Datasets {
    let files = entries(root, dir, 1, problems)
        .into_iter()
        .filter(|entry| entry.is_file && is_yaml(&entry.path.disk))
        .map(|entry| entry.path);
    read_datasets(files, language, problems)
}

/// Reads the datasets `files`.
fn read_datasets(
    files: impl Iterator<Item = SourcePath>,
    language: Language,
    problems: &mut Problems,
) -> Datasets {
    let mut datasets = BTreeMap::new();
    let mut broken = BTreeSet::new();
    for path in files {
        let name = path
            .disk
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        if datasets.contains_key(&name) || broken.contains(&name) {
            problems.push(
                Problem::file(&path.shown, msg!("data-second-dataset", name = &name))
                    .with_hint(msg!("data-second-dataset-hint")),
            );
            continue;
        }
        match read_text(&path)
            .map_err(Problems::from)
            .and_then(|text| load_dataset_in(&path.disk, &path.shown, &text, language))
        {
            Ok(dataset) => {
                datasets.insert(name, Arc::new(dataset));
            }
            Err(found) => {
                problems.extend(found);
                broken.insert(name);
            }
        }
    }
    (datasets, broken)
}

/// Reads the reports (or pages) in `dir`: `NAME.md`, or `NAME/index.md` with its datasets
/// and attachments beside it. Those in `previous` are taken from there; all are put in
/// `loaded`.
fn load_documents(
    root: &Path,
    dir: &Path,
    kind: DocKind,
    previous: &HashMap<PathBuf, Loaded>,
    mut loaded: Option<&mut HashMap<PathBuf, Loaded>>,
    language: Language,
    problems: &mut Problems,
) -> Vec<Arc<Document>> {
    let keeping = loaded.is_some();
    // Each note is read on its own, in parallel; the results keep the folder's order.
    let found: Vec<(PathBuf, Loaded)> = entries(root, dir, 1, problems)
        .into_par_iter()
        .map(|entry| {
            if let Some(known) = previous.get(&entry.path.disk)
                && known.unchanged()
            {
                return (entry.path.disk, known.clone());
            }
            let mut found = Problems::default();
            let mut read = vec![entry.path.disk.clone()];
            let document =
                load_document(root, &entry, kind, language, &mut found, &mut read).map(Arc::new);
            let stamps = if keeping {
                read.into_iter()
                    .map(|path| {
                        let then = stamp(&path);
                        (path, then)
                    })
                    .collect()
            } else {
                Vec::new()
            };
            let problems = found;
            let loaded = Loaded {
                document,
                problems,
                stamps,
            };
            (entry.path.disk, loaded)
        })
        .collect();
    let mut documents = Vec::new();
    for (path, entry) in found {
        problems.extend(entry.problems.iter().cloned());
        documents.extend(entry.document.clone());
        // A note with problems is read again next time: what it points to may have changed
        // (a link's target created, say) without the note changing.
        if let Some(loaded) = loaded.as_deref_mut()
            && entry.problems.is_empty()
        {
            loaded.insert(path, entry);
        }
    }
    documents
}

/// Reads the note (or page) at `path`: `NAME.md`, or `NAME/index.md` with its datasets and
/// attachments beside it. The files and folders in its folder are added to `read`.
fn load_document(
    root: &Path,
    entry: &Entry,
    kind: DocKind,
    language: Language,
    problems: &mut Problems,
    read: &mut Vec<PathBuf>,
) -> Option<Document> {
    let path = &entry.path;
    let file_name = path
        .disk
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let (index, folder) = if entry.is_dir {
        let index = SourcePath::new(root, path.disk.join("index.md"));
        if !index.disk.is_file() {
            problems.push(
                Problem::file(&path.shown, msg!("note-folder-no-index"))
                    .with_hint(msg!("note-folder-no-index-hint")),
            );
            return None;
        }
        (index, Some(path.disk.clone()))
    } else if is_markdown(&path.disk) {
        (path.clone(), None)
    } else {
        let problem = if is_yaml(&path.disk) {
            Problem::file(&path.shown, msg!("note-stray-dataset"))
                .with_hint(msg!("note-stray-dataset-hint"))
        } else {
            Problem::file(&path.shown, msg!("note-stray-file"))
                .with_hint(msg!("note-stray-file-hint"))
        };
        problems.push(problem);
        return None;
    };
    let name = file_name.strip_suffix(".md").unwrap_or(&file_name);
    let slug = slug::slugify(name);
    if slug.is_empty() {
        problems.push(
            Problem::file(&path.shown, msg!("note-no-address", name))
                .with_hint(msg!("note-no-address-hint")),
        );
        return None;
    }
    let text = read_text(&index)
        .map_err(|problem| problems.push(problem))
        .ok()?;
    let note = document::parse_document(kind, index, slug, text)
        .map_err(|found| problems.extend(found))
        .ok()?;
    let mut contents = Folder::default();
    if let Some(folder) = folder {
        // The note and the datasets beside it are read; everything else is copied.
        let listed = entries(root, &folder, usize::MAX, problems);
        read.extend(listed.iter().map(|entry| entry.path.disk.clone()));
        let beside = |file: &Attachment, test: fn(&Path) -> bool| {
            !file.name.contains('/') && test(Path::new(&file.name))
        };
        let (datasets, attachments): (Vec<_>, Vec<_>) = attachments_in(&folder, listed)
            .into_iter()
            .filter(|file| file.name != "index.md")
            .partition(|file| beside(file, is_yaml));
        let (mut datasets, mut broken) =
            read_datasets(datasets.into_iter().map(|a| a.source), language, problems);
        // A spreadsheet that a description reads is read only through it.
        let described: BTreeSet<PathBuf> =
            datasets.values().filter_map(|d| d.source.clone()).collect();
        // A spreadsheet is a dataset only when a block names it; then it is not published as
        // it is (its CSV is), and any other stays an attachment.
        let sheets: Vec<SourcePath> = attachments
            .iter()
            .filter(|file| beside(file, is_spreadsheet) && !described.contains(&file.source.disk))
            .map(|file| file.source.clone())
            .collect();
        let names: BTreeSet<String> = note.dataset_names().into_iter().collect();
        let sheets = read_spreadsheets(&sheets, &names, (&datasets, &broken), language, problems);
        datasets.extend(sheets.datasets);
        broken.extend(sheets.broken);
        let attachments = attachments
            .into_iter()
            .filter(|file| {
                !sheets.used.contains(&file.source.disk) && !described.contains(&file.source.disk)
            })
            .collect();
        contents = Folder {
            datasets,
            broken_datasets: broken,
            attachments,
        };
    }
    Some(Document::new(note, contents))
}

/// The Markdown of `content/sites/SLUG.md`, by slug.
fn load_site_texts(root: &Path, dir: &Path, problems: &mut Problems) -> BTreeMap<String, String> {
    let mut texts = BTreeMap::new();
    let Ok(listing) = std::fs::read_dir(dir) else {
        return texts;
    };
    let mut paths: Vec<PathBuf> = listing.filter_map(|e| Some(e.ok()?.path())).collect();
    paths.sort();
    for path in paths {
        if path.extension().and_then(|e| e.to_str()) != Some("md") {
            continue;
        }
        let Some(slug) = path.file_stem().and_then(|s| s.to_str()).map(str::to_owned) else {
            continue;
        };
        match read_text(&SourcePath::new(root, path)) {
            Ok(text) => {
                texts.insert(slug, text);
            }
            Err(problem) => problems.push(problem),
        }
    }
    texts
}
