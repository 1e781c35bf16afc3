//! A report or page: its Markdown with tables and charts, its page, the CSV of every
//! dataset it shows, its attachments and, with `base_url`, its link-preview picture.

use super::context::{Image, ReportLink};
use super::{
    Content, Counts, OutputFile, PageLinks, RenderedPage, Renderer, document_dir, html_file,
    markdown_settings,
};
use crate::chart;
use crate::content::{Block, DocKind, Document};
use crate::data::csv::dataset_to_csv;
use crate::markdown;
use crate::preview::{self, Preview, preview_png};
use crate::problem::Problem;
use crate::table::render_table;

impl<'a> Renderer<'a> {
    /// A report or page, with the CSV of every dataset it shows and its attachments.
    pub(super) fn document(
        &self,
        doc: &'a Document,
        previous: Option<&ReportLink>,
        next: Option<&ReportLink>,
    ) -> Result<RenderedPage<'a>, Problem> {
        let mut counts = Counts::default();
        let site = self.site;
        let dir = document_dir(site, doc);
        let language = site.config.language;
        let strings = &site.theme.strings;
        let mut shown = Vec::new();
        let mut charts_on_page = 0;
        let mut first_chart = None;
        let content = markdown::render(
            doc.body(),
            markdown_settings(strings, &site.config),
            |index| match doc.blocks.get(index).map(|placed| &placed.block) {
                Some(Block::Chart(spec)) => {
                    match chart::chart_data(spec, site, doc, strings, language) {
                        Some((data, dataset, table)) => {
                            counts.charts += 1;
                            charts_on_page += 1;
                            let id = format!("chart-{charts_on_page}");
                            let html = chart::render_chart(
                                &data,
                                &dataset,
                                &table,
                                &id,
                                language,
                                strings,
                                &site.theme.palette,
                            );
                            shown.push(dataset);
                            if first_chart.is_none() {
                                first_chart = Some(data);
                            }
                            html
                        }
                        None => String::new(),
                    }
                }
                Some(Block::Table(spec)) => match site.dataset(doc, &spec.data.value) {
                    Some(dataset) => {
                        counts.tables += 1;
                        let csv = format!("{}.csv", dataset.name);
                        let html = render_table(spec, dataset, language, strings, &csv);
                        shown.push(dataset.clone());
                        html
                    }
                    None => String::new(),
                },
                _ => String::new(),
            },
        );

        let path = format!("{dir}index.html");
        let description = doc
            .summary
            .clone()
            .or_else(|| site.config.description.clone());
        let mut page = self.page_context(
            match doc.kind {
                DocKind::Report => "report",
                DocKind::Page => "page",
            },
            doc.title.clone(),
            description,
            &path,
        );
        page.date = doc.date.map(|d| d.format("%Y-%m-%d").to_string());
        page.summary = doc.summary.clone();
        page.period = doc.period.clone();
        let html_content = content.html;
        page.content = Some(html_content.clone());

        // The picture a link preview shows: the writer's own, or one drawn for a report.
        // Previews need absolute addresses, so only a site with `base_url` gets them.
        let mut preview_file = None;
        if let Some(base_url) = &site.config.base_url {
            if let Some(image) = &doc.image {
                page.image = Some(Image {
                    url: format!("{base_url}{dir}{image}"),
                    width: None,
                    height: None,
                });
            } else if doc.kind == DocKind::Report {
                let date = doc.date.map(|d| language.long_date(d)).unwrap_or_default();
                let subtitle = match &doc.period {
                    Some(period) => format!("{date} · {period}"),
                    None => date,
                };
                let picture = Preview {
                    site_title: &site.config.title,
                    title: &doc.title,
                    subtitle: &subtitle,
                    chart: first_chart.as_ref(),
                    summary: doc.summary.as_deref(),
                };
                let png = preview_png(&picture, language, strings, &site.theme.palette);
                preview_file = Some(OutputFile {
                    path: format!("{dir}preview.png"),
                    content: Content::Bytes(png),
                    from: doc.source.shown.clone(),
                });
                page.image = Some(Image {
                    url: format!("{base_url}{dir}preview.png"),
                    width: Some(preview::WIDTH),
                    height: Some(preview::HEIGHT),
                });
            }
        }
        let template = match doc.kind {
            DocKind::Report => "report.html",
            DocKind::Page => "page.html",
        };
        let html = self.render(template, &path, &page, |context| {
            context.insert("previous", &previous);
            context.insert("next", &next);
        })?;

        let mut files = vec![html_file(&path, html, &doc.source.shown.to_string_lossy())];
        files.extend(preview_file);
        shown.sort_by(|a, b| a.name.cmp(&b.name));
        shown.dedup_by(|a, b| a.name == b.name);
        for dataset in shown {
            files.push(OutputFile {
                path: format!("{dir}{}.csv", dataset.name),
                content: Content::Bytes(dataset_to_csv(&dataset, language)),
                from: dataset.path.clone(),
            });
        }
        for attachment in &doc.attachments {
            files.push(OutputFile {
                path: format!("{dir}{}", attachment.name),
                content: Content::Copy(attachment.source.disk.clone()),
                from: attachment.source.shown.clone(),
            });
        }
        Ok(RenderedPage {
            files,
            links: Some(PageLinks {
                page: path,
                doc,
                links: content.links,
            }),
            // Kept for the feed, which only a site with an address has.
            content: (doc.kind == DocKind::Report && site.config.base_url.is_some())
                .then_some(html_content),
            counts,
        })
    }
}
