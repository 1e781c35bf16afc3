//! bilan turns a folder of Markdown progress notes and YAML figures into a static website.
//!
//! A build is `load → resolve → render → swap`:
//!
//! ```text
//! let (site, problems) = Site::load(root, &options)?;  // the only walk over content/
//! let (resolution, problems) = resolve::site(&site);   // every block given its meaning,
//!                                                      // or its problems, all at once
//! let staging = output::Staging::new(&out_dir)?;       // a new folder beside the output
//! let rendered = render::site(&site, &resolution, &progress, None, &staging)?;
//!                                                      // each page written as it is made
//! links::check(&site, &rendered);                      // every link between pages
//! staging.finish()?;                                   // swapped in for the output
//! ```
//!
//! `load` and `render_checked` below put the first four together for `build`, `check` and
//! `serve`, so that all the problems of a run come together.
//!
//! The modules form layers: each uses only those below it, never one that uses it back
//! (`tests/it/layers.rs` checks this on every `use`).
//!
//! ```text
//! serve                          builds in memory, watches and serves (over this file's `load_with`)
//! links, output, scaffold,       links between pages; the output folder; `bilan new report`
//! starter                        and `bilan new site`
//! render                         pages of resolved blocks: no name left to look up
//! pdf                            a note's Typst markup made a PDF, typst in-process
//! resolve, preview               each block's meaning (a Table, a chart's figures) or problems
//! content                        the site read from disk: notes, pages, datasets, its theme
//! chart                          figures in, drawing out: never a Site nor a Document
//! table, theme                   a resolved table as HTML; templates, words and colours
//! block, data, config            what a block says; datasets; site.yaml
//! markdown, yaml, folder         Markdown to HTML; YAML to values; the one folder walker
//! problem, message               problems, and every sentence bilan says, in the user's language
//! locale, html, url, palette,    the leaves: a language's words, escaping and id scanning,
//! typ                            addresses, chart colours, escaping for Typst
//! ```

#[macro_use]
mod message;

mod block;
mod chart;
mod config;
mod content;
mod data;
mod folder;
mod html;
mod links;
mod locale;
mod markdown;
mod output;
mod palette;
mod pdf;
mod preview;
mod problem;
mod render;
mod resolve;
mod scaffold;
mod serve;
mod starter;
mod table;
mod theme;
mod typ;
mod url;
mod yaml;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

pub use crate::config::normalise_base_url;
pub use crate::content::{LoadCache, LoadOptions, Site};
pub use crate::locale::Language;
pub use crate::message::{Arg, Catalogue, Explain, Message, Said, explain, explain_causes};
pub use crate::output::PreviousAside;
pub use crate::problem::{Problem, Problems};
pub use crate::render::{Content, Counts, Discard, Progress, RenderedSite};
pub use crate::scaffold::{new_report, parse_date, today};
pub use crate::serve::{Reporter, ServeOptions, Session, allowed_host, serve};
pub use crate::starter::{MadeSite, NewSite, new_site};

/// Reading a writer's files one at a time (a note, a dataset, Markdown), for the fuzz
/// target and the property tests: none of them may panic on any text.
pub mod read {
    pub use crate::content::document::{DocKind, parse_document};
    pub use crate::data::load_dataset;
    pub use crate::data::sheet::read_sheet;
    pub use crate::folder::SourcePath;
    pub use crate::locale::Language;
    pub use crate::markdown::{Settings, render};
}

/// Charts and link previews drawn from figures alone, for the `charts` and `previews`
/// benches.
pub mod charts {
    pub use crate::chart::{ChartData, ChartKind, Series, Size, describe, draw_svg};
    pub use crate::data::{Column, ColumnType};
    pub use crate::locale::{Language, Strings};
    pub use crate::palette::Palette;
    pub use crate::preview::{Painter, Preview};
}

/// What `bilan build` is asked to do.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// The folder that holds `content/` (and maybe `themes/`).
    pub root: PathBuf,
    /// Where to write the site; `ROOT/output` by default.
    pub output: Option<PathBuf>,
    pub load: LoadOptions,
}

impl BuildOptions {
    pub fn output_dir(&self) -> PathBuf {
        self.output
            .clone()
            .unwrap_or_else(|| self.root.join("output"))
    }
}

/// What a build made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub counts: Counts,
    pub files: usize,
    pub elapsed: Duration,
    /// What the writer should know, though nothing failed.
    pub notes: Vec<Message>,
}

/// Why a build did not write a site.
#[derive(Debug)]
pub enum Failure {
    /// The content has problems; nothing was written.
    Problems(Problems),
    /// Something outside the content went wrong (a disk error); nothing was replaced.
    Internal(anyhow::Error),
}

impl From<Problems> for Failure {
    fn from(problems: Problems) -> Self {
        Failure::Problems(problems)
    }
}

/// Builds the site of `options.root` into its output folder.
pub fn build(options: &BuildOptions, progress: &(dyn Progress + Sync)) -> Result<Summary, Failure> {
    let started = Instant::now();
    let out_dir = options.output_dir();
    if let Err(refusal) = output::check_target(&options.root, &out_dir) {
        let problem = Problem::file(&out_dir, refusal.message).with_hint(refusal.hint);
        return Err(Failure::Problems(problem.into()));
    }
    let site = load(&options.root, &options.load)?;
    // Pages are written as they come into a new folder beside the output; it takes the
    // output's place only if the whole site is written without a problem.
    let staging = output::Staging::new(&out_dir).map_err(Failure::Internal)?;
    let rendered = render_checked(&site, progress, None, &staging)?;
    let swapped = staging.finish().map_err(Failure::Internal)?;
    let mut notes = rendered.notes;
    notes.extend(swapped);
    notes.extend(drafts_note(&site));
    let summary = Summary {
        counts: rendered.counts,
        files: rendered.files.len(),
        elapsed: started.elapsed(),
        notes,
    };
    // Freeing every note of a large site takes a while (some 60 ms for 10,000): the
    // caller need not wait for it.
    std::thread::spawn(move || drop(site));
    Ok(summary)
}

/// What a build that left drafts out says of them, so that the writer never loses sight of
/// a note still marked `draft: true`.
fn drafts_note(site: &Site) -> Option<Message> {
    let left_out = &site.drafts_left_out;
    let shown: Vec<String> = left_out
        .iter()
        .take(5)
        .map(|path| format!("`{}`", path.display()))
        .collect();
    let drafts = shown.join(", ");
    match (left_out.len(), left_out.len().saturating_sub(shown.len())) {
        (0, _) => None,
        (count, 0) => Some(msg!("drafts-left-out", count, drafts)),
        (count, more) => Some(msg!("drafts-left-out-more", count, drafts, more)),
    }
}

/// Loads the site. When some of its files have problems, those are returned together with
/// the problems between files that can still be seen.
pub fn load(root: &Path, options: &LoadOptions) -> Result<Site, Problems> {
    load_with(root, options, &mut LoadCache::default())
}

/// Like `load`, reusing the notes of `cache` that have not changed (see `LoadCache`).
pub fn load_with(
    root: &Path,
    options: &LoadOptions,
    cache: &mut LoadCache,
) -> Result<Site, Problems> {
    let (site, mut problems) = Site::load_with(root, options, cache)?;
    if !problems.is_empty() {
        problems.extend(resolve::site(&site).1);
        problems.into_result()?;
    }
    Ok(site)
}

/// Checks a loaded site as a whole, renders it into `sink` and checks every link between
/// its pages. All the problems come together (a table that names an unknown dataset and a
/// broken link alike). With a `cache`, what has not changed since its last build is not
/// drawn again.
pub fn render_checked<'a>(
    site: &'a Site,
    progress: &(dyn Progress + Sync),
    cache: Option<&'a render::Cache>,
    sink: &dyn render::Sink,
) -> Result<render::RenderedSite<'a>, Problems> {
    let (resolution, mut problems) = resolve::site(site);
    // A site with problems is rendered all the same, for the problems only rendering finds,
    // but nothing of it is kept.
    let sink = if problems.is_empty() {
        sink
    } else {
        &render::Discard
    };
    match render::site(site, &resolution, progress, cache, sink) {
        Ok(rendered) => {
            problems.extend(links::check(site, &rendered));
            problems.into_result()?;
            Ok(rendered)
        }
        Err(found) => {
            problems.extend(found);
            Err(problems.into_result().err().unwrap_or_default())
        }
    }
}

/// What `bilan check` found right: the site as it will be published, and how many drafts
/// were checked beside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Checked {
    pub counts: Counts,
    pub drafts: usize,
}

/// Checks the site under `root` as `build` would, writing nothing. The drafts a build
/// leaves out are checked too, with the site as `serve` shows it, since a writer runs
/// `check` on the note they are writing: a problem is found before the draft is published.
/// With `drafts`, the site is checked once, drafts published.
pub fn check(root: &Path, drafts: bool) -> Result<Checked, Problems> {
    let run = |drafts: bool| {
        let options = LoadOptions {
            drafts,
            base_url: None,
        };
        let site = load(root, &options)?;
        let left_out = site.drafts_left_out.len();
        render_checked(&site, &(), None, &Discard).map(|rendered| (rendered.counts, left_out))
    };
    let published = run(drafts);
    let left_out = published.as_ref().map_or(0, |(_, left_out)| *left_out);
    if drafts || (published.is_ok() && left_out == 0) {
        return published.map(|(counts, _)| Checked { counts, drafts: 0 });
    }
    let with_drafts = run(true);
    match (published, with_drafts) {
        (Ok((counts, left_out)), Ok(_)) => Ok(Checked {
            counts,
            drafts: left_out,
        }),
        (published, with_drafts) => {
            let mut problems: Problems = published.err().unwrap_or_default();
            problems.extend(with_drafts.err().unwrap_or_default());
            Err(problems.into_result().err().unwrap_or_default())
        }
    }
}
