//! bilan turns a folder of Markdown progress notes and YAML figures into a static website.
//!
//! A build is `load → validate → render → swap`:
//!
//! ```text
//! let (site, problems) = Site::load(root, &options)?;  // the only walk over content/
//! validate::site(&site);                               // every problem at once, or none
//! let staging = output::Staging::new(&out_dir)?;       // a new folder beside the output
//! let rendered = render::site(&site, &progress, None, &staging)?;
//!                                                      // each page written as it is made
//! links::check(&site, &rendered);                      // every link between pages
//! staging.finish()?;                                   // swapped in for the output
//! ```
//!
//! `load` and `render_checked` below put the first four together for `build`, `check` and
//! `serve`, so that all the problems of a run come together.

pub mod chart;
pub mod config;
pub mod content;
pub mod data;
pub mod links;
pub mod locale;
pub mod markdown;
pub mod output;
pub mod preview;
pub mod problem;
pub mod render;
pub mod scaffold;
pub mod serve;
pub mod table;
pub mod theme;
pub mod validate;
pub mod yaml;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::content::{LoadCache, LoadOptions, Site};
use crate::problem::{Problem, Problems};
use crate::render::{Counts, Progress};

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
    pub notes: Vec<String>,
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
        return Err(Failure::Problems(Problems(vec![problem])));
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
fn drafts_note(site: &Site) -> Option<String> {
    let left_out = &site.drafts_left_out;
    let shown: Vec<String> = left_out
        .iter()
        .take(5)
        .map(|path| format!("`{}`", path.display()))
        .collect();
    let more = match left_out.len().saturating_sub(shown.len()) {
        0 => String::new(),
        n => format!(" and {n} more"),
    };
    match left_out.len() {
        0 => None,
        1 => Some(format!(
            "1 draft left out: {}; add --drafts to preview it",
            shown.join(", ")
        )),
        n => Some(format!(
            "{n} drafts left out: {}{more}; add --drafts to preview them",
            shown.join(", ")
        )),
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
        problems.extend(validate::site(&site).0);
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
    let mut problems = validate::site(site);
    // A site with problems is rendered all the same, for the problems only rendering finds,
    // but nothing of it is kept.
    let sink = if problems.is_empty() {
        sink
    } else {
        &render::Discard
    };
    match render::site(site, progress, cache, sink) {
        Ok(rendered) => {
            problems.extend(links::check(site, &rendered).0);
            problems.into_result()?;
            Ok(rendered)
        }
        Err(found) => {
            problems.extend(found.0);
            Err(problems.into_result().err().unwrap_or_default())
        }
    }
}
