//! A report or page: its Markdown with tables and charts, its page, the CSV of every
//! dataset it shows, its attachments and, with `base_url`, its link-preview picture.
//!
//! The costly part, the body (Markdown, tables, charts, CSVs, preview), is made apart from
//! the page around it, so that `serve` can keep it between rebuilds (see `Cache`).

use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::PathBuf;
use std::sync::Arc;

use super::context::{Image, ReportLink};
use super::{Content, Counts, OutputFile, PageLinks, RenderedPage, Renderer, Sink};
use crate::chart;
use crate::config::SiteConfig;
use crate::content::{DocKind, Document, Site};
use crate::data::csv::dataset_to_csv;
use crate::html::Page;
use crate::locale::Strings;
use crate::markdown::{self, LinkRef, Settings};
use crate::preview::{self, Preview};
use crate::problem::Problem;
use crate::resolve::Resolved;
use crate::table::render_table;

/// What a document's page is made around: its content drawn, with what comes with it.
#[derive(Debug)]
pub(super) struct Body {
    html: String,
    links: Vec<LinkRef>,
    counts: Counts,
    /// The CSV of each dataset shown: its name, its bytes and the file it comes from.
    csvs: Vec<(String, Arc<Vec<u8>>, PathBuf)>,
    /// The figures of its first chart, which a report's preview picture shows.
    first_chart: Option<chart::ChartData>,
}

impl<'a> Renderer<'a> {
    /// A report or page, with the CSV of every dataset it shows and its attachments.
    pub(super) fn document(
        &self,
        doc: &'a Document,
        blocks: &[Resolved],
        previous: Option<&ReportLink>,
        next: Option<&ReportLink>,
        sink: &dyn Sink,
    ) -> Result<RenderedPage<'a>, Problem> {
        let site = self.site;
        let dir = document_dir(site, doc);
        let path = format!("{dir}index.html");
        let (body, page_key) = match &self.cache {
            Some(cache) => {
                let body_key = self.body_key(doc, blocks);
                let body = cache.body(body_key, || self.body(doc, blocks));
                (body, Some(cache.page_key(body_key, &path, previous, next)))
            }
            None => (Arc::new(self.body(doc, blocks)), None),
        };

        // The picture a link preview shows: the writer's own, or one drawn for a report.
        // Previews need absolute addresses, so only a site with `base_url` gets them.
        let mut preview_file = None;
        let mut image = None;
        if let Some(base_url) = &site.config.base_url {
            if let Some(own) = &doc.image {
                image = Some(Image {
                    url: format!("{base_url}{dir}{}", own.name),
                    width: None,
                    height: None,
                });
            } else if doc.kind == DocKind::Report {
                let path = format!("{dir}preview.png");
                let content = self.preview(doc, &path, body.first_chart.as_ref(), sink);
                preview_file = Some(OutputFile {
                    path,
                    content,
                    from: doc.source.shown.clone(),
                });
                image = Some(Image {
                    url: format!("{base_url}{dir}preview.png"),
                    width: Some(preview::WIDTH),
                    height: Some(preview::HEIGHT),
                });
            }
        }
        // The PDF first: its link on the page says the size of the file written.
        let pdf = match doc.kind {
            DocKind::Report => self.pdf(doc, blocks, page_key, sink)?,
            DocKind::Page => None,
        };
        let language = site.config.language;
        let typeset = |text: &String| crate::locale::typeset(text, language);
        let summary = doc.summary.as_ref().map(typeset);
        let page = || {
            let description = summary.clone().or_else(|| site.config.description.clone());
            let mut page = self.page_context(
                match doc.kind {
                    DocKind::Report => "report",
                    DocKind::Page => "page",
                },
                typeset(&doc.title),
                description,
                &path,
            );
            page.date = doc.date.map(|d| d.to_string());
            page.summary = summary.clone();
            page.period = doc.period.as_ref().map(typeset);
            page.authors = doc.authors.iter().map(typeset).collect();
            page.content = Some(&body.html);
            page.image = image;
            page.draft = doc.draft;
            page.pdf = pdf.as_ref().map(|(_, link)| link.clone());
            let template = match doc.kind {
                DocKind::Report => "report.html",
                DocKind::Page => "page.html",
            };
            let html = self.render(template, &path, &page, |context| {
                context.insert("previous", &previous);
                context.insert("next", &next);
            })?;
            Ok::<_, Problem>(html)
        };
        let page = match self.cache.as_ref().zip(page_key) {
            Some((cache, key)) => cache.page(key, page)?,
            None => Arc::new(Page::new(page()?)),
        };

        let mut files = vec![OutputFile {
            path: path.clone(),
            content: Content::Shared(Arc::clone(&page.html)),
            from: doc.source.shown.clone(),
        }];
        files.extend(preview_file);
        files.extend(pdf.map(|(file, _)| file));
        for (name, csv, from) in &body.csvs {
            files.push(OutputFile {
                path: format!("{dir}{name}"),
                content: Content::Shared(Arc::clone(csv)),
                from: from.clone(),
            });
        }
        for attachment in &doc.attachments {
            files.push(OutputFile {
                path: format!("{dir}{}", attachment.name),
                content: Content::Copy(attachment.source.disk.clone()),
                from: attachment.source.shown.clone(),
            });
        }
        // Kept for the feed, which only a site with an address has, and holds only the
        // latest reports.
        let content = (doc.kind == DocKind::Report && self.in_feed.contains(&path))
            .then(|| body.html.clone());
        Ok(RenderedPage {
            files,
            ids: vec![(path.clone(), Arc::clone(&page.ids))],
            links: Some(PageLinks {
                page: path,
                doc,
                links: body.links.clone(),
            }),
            content,
            counts: body.counts,
        })
    }

    /// The document's Markdown with its tables and charts drawn, the CSVs of the datasets it
    /// shows, and the figures of its first chart for a report's preview picture.
    fn body(&self, doc: &Document, blocks: &[Resolved]) -> Body {
        let mut counts = Counts::default();
        let site = self.site;
        let language = site.config.language;
        let strings = &site.theme.strings;
        let mut shown = Vec::new();
        let mut charts_on_page = 0;
        let mut first_chart = None;
        let rewrite = |url: &str| self.rewrite(doc, url);
        let content = markdown::render(
            doc.body(),
            markdown_settings(strings, &site.config),
            &rewrite,
            |index| match blocks.get(index) {
                Some(Resolved::Chart(chart)) => {
                    counts.charts += 1;
                    charts_on_page += 1;
                    let id = format!("chart-{charts_on_page}");
                    let html = chart::render_chart(
                        &chart.data,
                        &chart.table,
                        &id,
                        language,
                        strings,
                        &site.theme.palette,
                    );
                    shown.push(Arc::clone(&chart.table.dataset));
                    if first_chart.is_none() {
                        first_chart = Some(chart.data.clone());
                    }
                    html
                }
                Some(Resolved::Table(table)) => {
                    counts.tables += 1;
                    let csv = table.dataset.csv_name();
                    let html = render_table(table, language, strings, &csv);
                    shown.push(Arc::clone(&table.dataset));
                    html
                }
                // Only a site with problems has an unresolved block, and it is not written.
                Some(Resolved::Unresolved) | None => String::new(),
            },
        );

        // A dataset shown twice (as printed, then with a rate or a change) gives one CSV:
        // the one with the most columns, which has every figure of the page.
        shown.sort_by(|a, b| {
            a.name
                .cmp(&b.name)
                .then(b.columns.len().cmp(&a.columns.len()))
        });
        shown.dedup_by(|a, b| a.name == b.name);
        let csvs = shown
            .into_iter()
            .map(|dataset| {
                let csv = Arc::new(dataset_to_csv(&dataset, language));
                (dataset.csv_name(), csv, dataset.path.clone())
            })
            .collect();
        Body {
            html: content.html,
            links: content.links,
            counts,
            csvs,
            first_chart,
        }
    }

    /// The preview picture of a report, at `path`: the one an earlier build drew from the
    /// same inputs (in the previous output, or in `serve`'s cache), or else drawn now.
    fn preview(
        &self,
        doc: &Document,
        path: &str,
        chart: Option<&chart::ChartData>,
        sink: &dyn Sink,
    ) -> Content {
        let site = self.site;
        let language = site.config.language;
        let (strings, palette) = (&site.theme.strings, &site.theme.palette);
        let typeset = |text: &String| crate::locale::typeset(text, language);
        let date = doc.date.map(|d| language.long_date(d)).unwrap_or_default();
        let subtitle = match doc.period.as_ref().map(typeset) {
            Some(period) => format!("{date} · {period}"),
            None => date,
        };
        let title = typeset(&doc.title);
        let summary = doc.summary.as_ref().map(typeset);
        let picture = Preview {
            site_title: &site.config.title,
            title: &title,
            subtitle: &subtitle,
            chart,
            summary: summary.as_deref(),
        };
        let key = preview::key(self.preview_key, &picture);
        if sink.reuse(path, key).is_some() {
            return Content::Previous;
        }
        let draw = || self.painter.png(&picture, language, strings, palette);
        match &self.cache {
            Some(cache) => Content::Shared(cache.preview(key, draw)),
            None => Content::Bytes(draw()),
        }
    }

    /// A hash of everything a document's body is made from: the site's settings, words
    /// and colours (`site_key`), the document's files, and its blocks as resolved: the
    /// very values the body is drawn from (their tables, figures and the datasets they
    /// read), whose `Hash` is derived, so that a value added to a resolved block is in the
    /// key without a word here.
    fn body_key(&self, doc: &Document, blocks: &[Resolved]) -> u64 {
        let mut hasher = rustc_hash::FxHasher::default();
        self.site_key.hash(&mut hasher);
        doc.fingerprint().hash(&mut hasher);
        // A link to another note's source is written with that note's address.
        if doc.names_markdown() {
            self.sources_key
                .get_or_init(|| {
                    let mut sources: Vec<_> = self.sources.iter().collect();
                    sources.sort();
                    let mut hasher = DefaultHasher::new();
                    sources.hash(&mut hasher);
                    hasher.finish()
                })
                .hash(&mut hasher);
        }
        blocks.hash(&mut hasher);
        hasher.finish()
    }
}

/// A hash of what every body of `site` depends on beside its own document and the datasets
/// its blocks were resolved from.
pub(super) fn site_key(site: &Site) -> u64 {
    let mut hasher = DefaultHasher::new();
    site.config.text.hash(&mut hasher);
    site.config.base_url.hash(&mut hasher);
    site.theme.strings.hash(&mut hasher);
    site.theme.palette.hash(&mut hasher);
    hasher.finish()
}

pub(super) fn markdown_settings<'a>(strings: &'a Strings, config: &SiteConfig) -> Settings<'a> {
    Settings {
        notes: strings.get("notes"),
        back: strings.get("back_to_text"),
        table_label: strings.get("table"),
        raw_html: config.raw_html,
        french: config.language == crate::locale::Language::Fr,
    }
}

/// The folder of a document's page, relative to the root, ending with `/`.
pub(super) fn document_dir(site: &Site, doc: &Document) -> String {
    match doc.kind {
        DocKind::Report => format!("{}/{}/", site.config.reports_path, doc.slug),
        DocKind::Page => format!("{}/", doc.slug),
    }
}
