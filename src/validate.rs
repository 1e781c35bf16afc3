//! Checks that need the whole site: addresses that clash, `table` blocks that name a
//! dataset or column that does not exist, declared totals that the rows do not add up to.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::chart;
use crate::content::{Block, Document, Site};
use serde_saphyr::Spanned;

use crate::problem::{Problem, Problems};
use crate::yaml::Origin;

/// Every problem of the site as a whole.
pub fn site(site: &Site) -> Problems {
    let mut problems = Problems::default();
    check_addresses(&site.reports, &mut problems);
    check_addresses(&site.pages, &mut problems);
    let language = site.config.language;
    for dataset in site.data.values() {
        problems.extend(dataset.check_totals(language));
    }
    for doc in site.reports.iter().chain(&site.pages) {
        for dataset in doc.datasets.values() {
            problems.extend(dataset.check_totals(language));
        }
        check_blocks(site, doc, &mut problems);
        check_image(doc, &mut problems);
    }
    problems
}

/// The picture of link previews named in the front matter must be beside the note.
fn check_image(doc: &Document, problems: &mut Problems) {
    let Some(image) = &doc.image else { return };
    if doc.attachments.iter().any(|a| &a.name == image) {
        return;
    }
    let line = doc
        .text
        .lines()
        .position(|l| l.starts_with("image:"))
        .map_or(1, |i| i + 1);
    let column = doc
        .text
        .lines()
        .nth(line - 1)
        .and_then(|l| l.find(image.as_str()))
        .map_or(1, |c| c + 1);
    problems.push(
        Problem::at(&doc.source.shown, &doc.text, line, column, format!("the image `{image}` is not beside this note"))
            .with_width(image.chars().count())
            .with_hint("put the picture in the note's folder (a note written as `NAME.md` cannot have one: make it `NAME/index.md`)"),
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
                    format!(
                        "this gets the address `{}`, like `{}`",
                        doc.slug,
                        first.source.shown.display()
                    ),
                )
                .with_hint(
                    "rename one of them: accents, capitals and spaces do not make names different",
                ),
            );
        }
    }
}

fn check_blocks(site: &Site, doc: &Document, problems: &mut Problems) {
    for placed in &doc.blocks {
        let origin = doc.block_origin(placed);
        let spec = match &placed.block {
            Block::Table(spec) => spec,
            Block::Chart(spec) => {
                problems.extend(chart::check(spec, site, doc, origin));
                continue;
            }
            Block::Broken => continue,
        };
        let name = spec.data.value.as_str();
        match site.dataset(doc, name) {
            Some(dataset) => problems.extend(spec.check(dataset, origin)),
            None if site.is_broken_dataset(doc, name) => {}
            None => problems.push(no_such_dataset(site, doc, &spec.data, origin)),
        }
    }
}

/// A block names a dataset that neither the note's folder nor `content/data/` has.
pub(crate) fn no_such_dataset(
    site: &Site,
    doc: &Document,
    data: &Spanned<String>,
    origin: Origin<'_>,
) -> Problem {
    let name = data.value.as_str();
    let known = doc
        .datasets
        .keys()
        .chain(site.data.keys())
        .map(String::as_str);
    origin
        .problem_at(data, format!("there is no dataset named `{name}`"))
        .with_closest(name, known, || {
            format!("put `{name}.yaml` beside the note (in its folder) or in `content/data/`")
        })
}
