//! The resolve step: what the site's blocks *mean*. Each `table` and `chart` block of a
//! note, as parsed (`block`), is turned here into what a renderer draws (a `Table` with its
//! dataset and columns, a chart's figures with the history it follows across reports), or
//! into the problems that say why it cannot be. So are the checks that need the whole site:
//! addresses that clash, declared totals the rows do not add up to, a preview image that
//! is not beside its note. A renderer takes only what was resolved: it has no name to look
//! up, so it can neither fail on one nor leave a block out.

mod chart;
mod derive;
mod network;
mod progress;
mod table;

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::NaiveDate;
use rayon::prelude::*;
use serde_saphyr::Spanned;

use crate::block::{Block, TableSpec};
use crate::chart::ChartData;
use crate::content::{Document, Site};
use crate::data::Dataset;
use crate::problem::{Problem, Problems};
use crate::table::Table;
use crate::yaml::Origin;

pub use self::network::{NetworkPages, SitePage};
#[cfg(test)]
pub use self::table::table;

/// A block of a note as a renderer takes it. Its hash is that of everything its drawing
/// reads: the render cache keys a body by its resolved blocks.
#[derive(Debug, Hash)]
pub enum Resolved {
    Table(Box<Table>),
    Chart(Box<ResolvedChart>),
    /// A block whose problems were reported: a site that has one is never written.
    Unresolved,
}

/// A chart's figures, the table of them drawn under it, and what they were taken from.
#[derive(Debug, Hash)]
pub struct ResolvedChart {
    pub data: ChartData,
    pub table: Table,
    /// The dataset of each note the chart follows across reports, with its date, oldest
    /// first (empty for a chart of one dataset).
    pub history: Vec<(Option<NaiveDate>, Arc<Dataset>)>,
}

/// The blocks of every note and page, resolved, in the order of the site's lists.
#[derive(Debug, Default)]
pub struct Resolution {
    pub reports: Vec<Vec<Resolved>>,
    pub pages: Vec<Vec<Resolved>>,
    /// The pages of the network's declared sites, if it declares them.
    pub network: Option<NetworkPages>,
}

/// Resolves every block of the site, with every problem of the site as a whole.
pub fn site(site: &Site) -> (Resolution, Problems) {
    let mut problems = Problems::default();
    check_addresses(&site.reports, &mut problems);
    check_addresses(&site.pages, &mut problems);
    let language = site.config.language;
    for dataset in site.data.values() {
        problems.extend(dataset.check_totals(language));
    }
    // Each note is resolved on its own, in parallel; its problems keep the site's order.
    let mut resolve = |docs: &[Arc<Document>]| -> Vec<Vec<Resolved>> {
        let resolved: Vec<(Vec<Resolved>, Problems)> = docs
            .par_iter()
            .map(|doc| {
                let mut found = Problems::default();
                for dataset in doc.datasets.values() {
                    found.extend(dataset.check_totals(language));
                }
                let blocks = resolve_blocks(site, doc, &mut found);
                check_image(doc, &mut found);
                (blocks, found)
            })
            .collect();
        resolved
            .into_iter()
            .map(|(blocks, found)| {
                problems.extend(found);
                blocks
            })
            .collect()
    };
    let reports = resolve(&site.reports);
    let pages = resolve(&site.pages);
    let network = network::network(site, &mut problems);
    (
        Resolution {
            reports,
            pages,
            network,
        },
        problems,
    )
}

/// The picture of link previews named in the front matter must be beside the note.
fn check_image(doc: &Document, problems: &mut Problems) {
    let Some(image) = &doc.image else { return };
    if doc.attachments.iter().any(|a| a.name == image.name) {
        return;
    }
    let name = &image.name;
    problems.push(
        Problem::at(
            &doc.source.shown,
            &doc.text,
            image.line,
            image.column,
            msg!("note-image-missing", name),
        )
        .with_width(name.chars().count())
        .with_hint(msg!("note-image-missing-hint")),
    );
}

/// Two notes (or two pages) whose names give the same address.
fn check_addresses(docs: &[Arc<Document>], problems: &mut Problems) {
    let mut seen: BTreeMap<&str, &Document> = BTreeMap::new();
    for doc in docs {
        if let Some(first) = seen.insert(&doc.slug, doc) {
            problems.push(
                Problem::file(
                    &doc.source.shown,
                    msg!(
                        "note-same-address",
                        address = &doc.slug,
                        other = first.source.shown.display()
                    ),
                )
                .with_hint(msg!("note-same-address-hint")),
            );
        }
    }
}

/// The blocks of `doc`, resolved in their order; the problems of those that cannot be go
/// to `problems`.
fn resolve_blocks(site: &Site, doc: &Document, problems: &mut Problems) -> Vec<Resolved> {
    doc.blocks
        .iter()
        .map(|placed| {
            let origin = doc.block_origin(placed);
            let resolved = match &placed.block {
                Block::Table(spec) => match lookup(site, doc, &spec.data, origin) {
                    Lookup::Found(dataset) => resolve_table(site, doc, spec, dataset, origin)
                        .map(|table| Resolved::Table(Box::new(table))),
                    Lookup::Broken => Ok(Resolved::Unresolved),
                    Lookup::Missing(problem) => Err(Problems::from(problem)),
                },
                Block::Chart(spec) => chart::resolve(spec, site, doc, origin).map(|mut chart| {
                    link_sites(site, doc, &mut chart.table);
                    Resolved::Chart(Box::new(chart))
                }),
                Block::Broken => Ok(Resolved::Unresolved),
            };
            resolved.unwrap_or_else(|found| {
                problems.extend(found);
                Resolved::Unresolved
            })
        })
        .collect()
}

/// A `table` block of `doc`, compared with the previous note if it asks to be.
fn resolve_table(
    site: &Site,
    doc: &Document,
    spec: &TableSpec,
    dataset: &Arc<Dataset>,
    origin: Origin<'_>,
) -> Result<Table, Problems> {
    let name = spec.data.value.as_str();
    let mut previous = None;
    if let Some(compare) = &spec.compare {
        if compare.value != "previous" {
            return Err(origin
                .problem_at(
                    compare,
                    msg!("table-compare-previous", found = &compare.value),
                )
                .with_hint(msg!("table-compare-previous-hint"))
                .into());
        }
        if !doc.datasets.contains_key(name) {
            return Err(origin
                .problem_at(compare, msg!("table-compare-shared", name))
                .with_hint(msg!("table-compare-shared-hint", name))
                .into());
        }
        previous = site
            .history(doc, name)
            .filter(|(report, _)| !std::ptr::eq(*report, doc))
            .last()
            .map(|(report, dataset)| (report.date, dataset));
    }
    let key = |text: &str| site.config.name_key(text);
    let context = table::Context {
        previous,
        name_key: &key,
        language: site.config.language,
        strings: &site.theme.strings,
    };
    let mut table = table::table_in(spec, dataset, &context, origin)?;
    link_sites(site, doc, &mut table);
    Ok(table)
}

/// In a table of the network's dataset, each site's name leads to its page, and a name
/// written with other accents, capitals or apostrophes is shown as it is declared.
pub(super) fn link_sites(site: &Site, doc: &Document, table: &mut Table) {
    let Some(network) = &site.config.network else {
        return;
    };
    if table.dataset.name != network.data {
        return;
    }
    let Some(column) = table.dataset.column_index(&network.column) else {
        return;
    };
    let depth = network::depth(site, doc);
    let language = site.config.language;
    let dataset = Arc::make_mut(&mut table.dataset);
    let mut links = Vec::new();
    for row in &mut dataset.rows {
        let written = row[column].display(&dataset.columns[column], language);
        let found = network.find(&written);
        if let Some(declared) = found
            && crate::config::fold(&declared.name) == crate::config::fold(&written)
        {
            row[column] = crate::data::Value::Text(declared.name.clone());
        }
        links.push(
            found.map(|s| network::site_href(network, &crate::config::Network::slug(s), depth)),
        );
    }
    if table.columns.first() == Some(&column) {
        table.row_links = links;
    }
}

/// What a block's `data` names.
enum Lookup<'a> {
    Found(&'a Arc<Dataset>),
    /// A dataset that could not be read: its problems are already reported.
    Broken,
    /// No dataset of that name: the problem that says so.
    Missing(Problem),
}

impl<'a> Lookup<'a> {
    /// The dataset found; when it is missing, the problem that says so is added to
    /// `problems` (a broken dataset's own problems are already reported).
    fn found(self, problems: &mut Problems) -> Option<&'a Arc<Dataset>> {
        match self {
            Lookup::Found(dataset) => Some(dataset),
            Lookup::Broken => None,
            Lookup::Missing(problem) => {
                problems.push(problem);
                None
            }
        }
    }
}

/// The dataset named `data`: the note's own, or else the site's.
fn lookup<'a>(
    site: &'a Site,
    doc: &'a Document,
    data: &Spanned<String>,
    origin: Origin<'_>,
) -> Lookup<'a> {
    let name = data.value.as_str();
    match site.dataset(doc, name) {
        Some(dataset) => Lookup::Found(dataset),
        None if site.is_broken_dataset(doc, name) => Lookup::Broken,
        None => {
            let known = doc
                .datasets
                .keys()
                .chain(site.data.keys())
                .map(String::as_str);
            Lookup::Missing(
                origin
                    .problem_at(data, msg!("data-no-such-dataset", name))
                    .with_closest(name, known, || msg!("data-no-such-dataset-hint", name)),
            )
        }
    }
}
