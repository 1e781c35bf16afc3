//! A report's PDF: its body as Typst markup (the same resolved blocks and Markdown events
//! as its page), put into the theme's `report.typ`, then made by `pdf::Maker`: at once for
//! `build` and `check` (reusing the previous output's file when nothing it is made from
//! changed), when its link is first followed for `serve`.
//!
//! `report.typ` is a Tera template that writes Typst. It gets (every value escaped for
//! Typst, never for HTML, and ready to print as it is):
//! - `site.title` (markup), `site.language` (`fr`);
//! - `page.title`, `page.date` (long, in the site's language), `page.period`,
//!   `page.summary`, `page.authors` (joined as on the page): markup, or empty;
//! - `page.title_string`, `page.authors_strings` (an array), `page.date_value` (a
//!   `datetime(…)` or `none`): Typst values for the document's metadata;
//! - `page.draft_mark`: "BROUILLON" on a draft, empty otherwise;
//! - `body`, `footer`: the note and the funders' notice as markup.

use std::sync::Arc;

use serde::Serialize;
use tera::Context;

use super::Renderer;
use super::context::PdfLink;
use super::files::{Content, OutputFile, Sink};
use crate::chart::{self, Size};
use crate::content::Document;
use crate::markdown::{self, Resources};
use crate::message::Message;
use crate::pdf::{self, Deferred};
use crate::problem::Problem;
use crate::resolve::Resolved;
use crate::table::grid;
use crate::typ;

/// What `report.typ` gets as `site`.
#[derive(Serialize)]
struct PdfSite {
    title: String,
    language: &'static str,
}

/// What `report.typ` gets as `page`.
#[derive(Serialize)]
struct PdfPage {
    title: String,
    title_string: String,
    date: String,
    date_value: String,
    period: String,
    summary: String,
    authors: String,
    authors_strings: String,
    draft_mark: String,
}

impl Renderer<'_> {
    /// The PDF of `doc` and its link; `None` when the site makes none (or `doc` is a page).
    pub(super) fn pdf(
        &self,
        doc: &Document,
        blocks: &[Resolved],
        page_key: Option<u64>,
        sink: &dyn Sink,
    ) -> Result<Option<(OutputFile, PdfLink)>, Problem> {
        let Some(maker) = &self.pdf_maker else {
            return Ok(None);
        };
        let name = format!("{}.pdf", doc.slug);
        let path = format!("{}{name}", super::document_dir(self.site, doc));
        let problem = |message: Message| {
            Problem::file(&doc.source.shown, msg!("pdf-failed", message))
                .with_hint(msg!("pdf-failed-hint"))
        };
        let (content, size) = match self.cache.as_ref().zip(page_key) {
            // `serve`: made when its link is first followed, kept while nothing changes.
            Some((cache, key)) => {
                let deferred = cache.pdf(key, || {
                    Ok::<_, Problem>(Deferred::new(
                        self.pdf_source(doc, blocks)?,
                        Arc::clone(maker),
                    ))
                })?;
                let size = deferred.size();
                (Content::Deferred(deferred), size)
            }
            None => {
                let source = self.pdf_source(doc, blocks)?;
                let key = source.key();
                match sink.reuse(&path, key) {
                    Some(size) => (Content::Previous, Some(size)),
                    None => {
                        let bytes = maker.make(&source).map_err(problem)?;
                        let size = bytes.len() as u64;
                        (Content::Bytes(bytes), Some(size))
                    }
                }
            }
        };
        let strings = &self.site.theme.strings;
        let language = self.site.config.language;
        let label = match size {
            Some(bytes) => format!(
                "{} (PDF, {} {})",
                strings.get("download_pdf"),
                language.integer(bytes.div_ceil(1024) as i64),
                strings.get("kilobytes")
            ),
            None => format!("{} (PDF)", strings.get("download_pdf")),
        };
        let file = OutputFile {
            path,
            content,
            from: doc.source.shown.clone(),
        };
        Ok(Some((file, PdfLink { url: name, label })))
    }

    /// The Typst document of `doc`: its body, its charts' drawings and its pictures, in the
    /// theme's `report.typ`.
    fn pdf_source(&self, doc: &Document, blocks: &[Resolved]) -> Result<pdf::Source, Problem> {
        let site = self.site;
        let language = site.config.language;
        let strings = &site.theme.strings;
        let mut files: Vec<(String, Vec<u8>)> = Vec::new();
        let mut charts = 0;
        let dir = super::document_dir(site, doc);
        let link = |written: &str| self.pdf_address(doc, &dir, written);
        let mut pictures = Vec::new();
        let mut image = |written: &str| {
            let wanted = crate::url::decode(written.trim_start_matches("./"));
            let attachment = doc.attachments.iter().find(|a| a.name == wanted)?;
            let extension = wanted.rsplit_once('.')?.1.to_ascii_lowercase();
            if !["png", "jpg", "jpeg", "gif", "svg", "webp"].contains(&extension.as_str()) {
                return None;
            }
            let bytes = std::fs::read(&attachment.source.disk).ok()?;
            let file = format!("/image-{}.{extension}", pictures.len() + 1);
            pictures.push((file.clone(), bytes));
            Some(file)
        };
        let body = markdown::to_typst(
            doc.body(),
            super::markdown_settings(strings, &site.config),
            Resources {
                link: &link,
                image: &mut image,
            },
            |index| match blocks.get(index) {
                Some(Resolved::Table(table)) => pdf::markup::table(&grid(table, language)),
                Some(Resolved::Chart(resolved)) => {
                    charts += 1;
                    let description = chart::describe(&resolved.data, language, strings);
                    let svg = chart::draw_svg(
                        &resolved.data,
                        Size::Wide,
                        &format!("chart-{charts}"),
                        &description,
                        language,
                        strings,
                        &site.theme.palette,
                    );
                    let file = format!("/chart-{charts}.svg");
                    let markup = pdf::markup::chart(&resolved.data.title, &description, &file);
                    files.push((file, svg.into_bytes()));
                    markup
                }
                Some(Resolved::Unresolved) | None => String::new(),
            },
        );
        files.extend(pictures);
        let footer = site.config.footer.as_deref().map(|text| {
            let none = |_: &str| None;
            markdown::to_typst(
                text,
                super::markdown_settings(strings, &site.config),
                Resources {
                    link: &|written: &str| self.pdf_address(doc, &dir, written),
                    image: &mut { none },
                },
                |_| String::new(),
            )
        });
        let typeset = |text: &str| crate::locale::typeset(text, language);
        let authors: Vec<String> = doc.authors.iter().map(|name| typeset(name)).collect();
        let authors_joined = match authors.as_slice() {
            [] => String::new(),
            [one] => one.clone(),
            [first @ .., last] => format!("{} {} {last}", first.join(", "), strings.get("and")),
        };
        let page = PdfPage {
            title: typ::text(&typeset(&doc.title)),
            title_string: typ::string(&typeset(&doc.title)),
            date: doc
                .date
                .map(|d| typ::text(&language.long_date(d)))
                .unwrap_or_default(),
            date_value: doc.date.map_or("none".to_owned(), |date| {
                use chrono::Datelike;
                format!(
                    "datetime(year: {}, month: {}, day: {})",
                    date.year(),
                    date.month(),
                    date.day()
                )
            }),
            period: doc
                .period
                .as_deref()
                .map(|p| typ::text(&typeset(p)))
                .unwrap_or_default(),
            summary: doc
                .summary
                .as_deref()
                .map(|s| typ::text(&typeset(s)))
                .unwrap_or_default(),
            authors: typ::text(&authors_joined),
            authors_strings: format!(
                "({})",
                authors
                    .iter()
                    .map(|a| typ::string(a) + ",")
                    .collect::<String>()
            ),
            draft_mark: if doc.draft {
                typ::text(&strings.get("draft").to_uppercase())
            } else {
                String::new()
            },
        };
        let mut context = Context::new();
        context.insert(
            "site",
            &PdfSite {
                title: typ::text(&site.config.title),
                language: language.code(),
            },
        );
        context.insert("page", &page);
        context.insert("body", &body);
        context.insert("footer", &footer.unwrap_or_default());
        let mut markup = Vec::with_capacity(body.len() + 4096);
        self.tera
            .render_to("report.typ", &context, &mut markup)
            .map_err(|e| site.theme.template_problem(&e))?;
        Ok(pdf::Source {
            markup: String::from_utf8_lossy(&markup).into_owned(),
            files,
            date: doc.date,
            ident: format!("{}/{}", site.config.reports_path, doc.slug),
        })
    }

    /// Where a link of the note leads from its PDF: an outside address as it is; a page of
    /// the site by its address (absolute with `base_url`, else from the PDF's folder, which
    /// is the page's); nowhere for an anchor of the page itself.
    fn pdf_address(&self, doc: &Document, dir: &str, written: &str) -> Option<String> {
        if written.starts_with('#') {
            return None;
        }
        if crate::url::is_external(written) {
            return Some(written.to_owned());
        }
        let relative = self
            .rewrite(doc, written)
            .unwrap_or_else(|| written.to_owned());
        Some(match &self.site.config.base_url {
            Some(base) => crate::url::resolve(&format!("{dir}index.html"), &relative).map_or_else(
                || format!("{base}{dir}{relative}"),
                |path| format!("{base}{path}"),
            ),
            None => relative,
        })
    }
}
