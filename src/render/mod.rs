//! Rendering: the whole site in memory as a list of files, nothing written to disk.

mod address;
mod cache;
pub mod context;
mod document;
mod feed;
mod files;
mod listing;
mod pdf;
mod sites;

use std::collections::{BTreeSet, HashMap};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::PathBuf;
use std::sync::Arc;

use rayon::prelude::*;
use tera::{Context, Tera};

use self::address::menu_entry;
pub use self::cache::Cache;
use self::cache::Caching;
use self::context::{Common, MenuContext, PageContext, ReportLink, SiteContext, by_year};
use self::document::{document_dir, markdown_settings};
pub use self::files::{Content, Discard, Keep, OutputFile, Sink};
use self::files::{check_clashes, html_file};
use self::listing::Listing;
use crate::content::{Document, Site};
use crate::markdown::LinkRef;
use crate::problem::{Problem, Problems};
use crate::resolve::Resolution;
use crate::theme::AssetSource;

/// Told of each page rendered, to show the progress of a long build.
pub trait Progress {
    /// Rendering starts: `pages` pages are to come.
    fn start(&self, _pages: usize) {}
    fn page_done(&self) {}
}

/// No progress shown.
impl Progress for () {}

/// What a build made, for its summary line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub pages: usize,
    pub tables: usize,
    pub charts: usize,
}

/// The links and images written in a document, and the page they are on.
#[derive(Debug, Clone)]
pub struct PageLinks<'a> {
    /// The page, relative to the output folder: `rapports/x/index.html`.
    pub page: String,
    pub doc: &'a Document,
    pub links: Vec<LinkRef>,
}

/// The site rendered, its files handed to a `Sink`.
#[derive(Debug)]
pub struct RenderedSite<'a> {
    /// What the sink kept of every file, in the order of their paths.
    pub files: Vec<OutputFile>,
    pub counts: Counts,
    pub links: Vec<PageLinks<'a>>,
    /// The `id`s of each HTML page, by its path: what an anchor (`page/#sites`) may name.
    pub ids: HashMap<String, Arc<BTreeSet<String>>>,
    /// What the build wants the writer to know (the feed skipped for want of `base_url`).
    pub notes: Vec<crate::message::Message>,
    /// The links and images of the footer, as on the home page.
    pub footer_links: Vec<LinkRef>,
}

/// A page's files, the links of its document, for a report its HTML for the feed, and
/// the tables and charts it holds.
struct RenderedPage<'a> {
    files: Vec<OutputFile>,
    links: Option<PageLinks<'a>>,
    content: Option<String>,
    counts: Counts,
    /// The ids of its HTML files, by their paths: found when the page was made (and kept
    /// with it), or else when it is passed on.
    ids: Vec<(String, Arc<BTreeSet<String>>)>,
}

impl From<Vec<OutputFile>> for RenderedPage<'_> {
    fn from(files: Vec<OutputFile>) -> Self {
        RenderedPage {
            files,
            links: None,
            content: None,
            counts: Counts::default(),
            ids: Vec::new(),
        }
    }
}

impl RenderedPage<'_> {
    /// Hands the page's files to `sink`, after noting the ids of the HTML whose ids were
    /// not found with it.
    fn pass(mut self, sink: &dyn Sink) -> Self {
        let found = self
            .files
            .iter()
            .filter(|file| file.path.ends_with(".html"))
            .filter(|file| self.ids.iter().all(|(path, _)| *path != file.path))
            .filter_map(|file| {
                let ids = crate::html::ids_in(file.content.in_memory()?);
                Some((file.path.clone(), Arc::new(ids)))
            })
            .collect::<Vec<_>>();
        self.ids.extend(found);
        self.files = sink.put(self.files);
        self
    }
}

/// Renders the site, handing each page's files to `sink` as soon as they are made; returns
/// what the sink kept, or the problems that kept the site from rendering. Notes and pages
/// are rendered in parallel; what is kept of their files is gathered in the order of the
/// site, so that it is the same whatever the order the threads finish in. With a `cache`,
/// the bodies of documents whose sources have not changed since its last build are taken
/// from it.
pub fn site<'a>(
    site: &'a Site,
    resolution: &Resolution,
    progress: &(dyn Progress + Sync),
    cache: Option<&'a Cache>,
    sink: &dyn Sink,
) -> Result<RenderedSite<'a>, Problems> {
    let tera = site.theme.tera(site.config.language)?;
    let renderer = Renderer::new(site, tera, cache)?;
    // The home page, the archive, the 404 page, and one page per note or page.
    progress.start(3 + site.reports.len() + site.pages.len());
    let rendered_page = |result: Result<RenderedPage<'a>, Problem>| {
        progress.page_done();
        result.map(|page| page.pass(sink))
    };
    // Two notes with one address are reported by `resolve`; only the first is rendered.
    let first = |docs: &'a [Arc<Document>]| {
        let mut seen = std::collections::HashSet::new();
        docs.iter()
            .map(|doc| seen.insert(doc.slug.as_str()))
            .collect::<Vec<bool>>()
    };
    let (first_report, first_page) = (first(&site.reports), first(&site.pages));
    let reports = || -> Vec<_> {
        site.reports
            .par_iter()
            .enumerate()
            .filter(|(index, _)| first_report[*index])
            .map(|(index, doc)| {
                // Previous and next link published reports only, and a draft to none.
                let links = &renderer.report_links;
                let (previous, next) = if doc.draft {
                    (None, None)
                } else {
                    (
                        links[index + 1..].iter().find(|r| !r.draft),
                        links[..index].iter().rev().find(|r| !r.draft),
                    )
                };
                rendered_page(renderer.document(
                    doc,
                    &resolution.reports[index],
                    previous,
                    next,
                    sink,
                ))
            })
            .collect()
    };
    let pages = || -> Vec<_> {
        site.pages
            .par_iter()
            .enumerate()
            .filter(|(index, _)| first_page[*index])
            .map(|(index, doc)| {
                rendered_page(renderer.document(doc, &resolution.pages[index], None, None, sink))
            })
            .collect()
    };
    // The home page and the archive list every report: on a large site each is a long
    // page, so they are made alongside the notes rather than after them.
    let archive = format!("{}/index.html", site.config.reports_path);
    let listing = |which: Listing| {
        let made = match which {
            Listing::Home => renderer.listing(
                "index.html",
                "home",
                site.config.title.clone(),
                "index.html",
            ),
            Listing::Archive => renderer.listing(
                &archive,
                "reports",
                site.theme.strings.get("reports").to_owned(),
                "reports.html",
            ),
            Listing::NotFound => renderer.not_found(),
        };
        rendered_page(made.map(RenderedPage::from))
    };
    let (mut listings, (reports, pages)) = rayon::join(
        || {
            [Listing::Home, Listing::Archive, Listing::NotFound]
                .into_par_iter()
                .map(listing)
                .collect::<Vec<_>>()
        },
        || rayon::join(reports, pages),
    );
    if let Some(network) = &resolution.network {
        let made = renderer.site_pages(network);
        listings.extend(
            made.into_iter()
                .map(|page| page.map(RenderedPage::from).map(|page| page.pass(sink))),
        );
    }

    let mut files = Vec::new();
    let mut links = Vec::new();
    let mut contents = Vec::new();
    let mut ids = HashMap::new();
    let mut counts = Counts::default();
    let mut problems = Problems::default();
    for result in listings.into_iter().chain(reports).chain(pages) {
        match result {
            Ok(rendered) => {
                counts.pages += 1;
                counts.tables += rendered.counts.tables;
                counts.charts += rendered.counts.charts;
                files.extend(rendered.files);
                links.extend(rendered.links);
                contents.extend(rendered.content);
                ids.extend(rendered.ids);
            }
            Err(problem) => problems.push(problem),
        }
    }
    problems.into_result()?;

    let mut notes = Vec::new();
    if site.config.base_url.is_none() {
        notes.push(msg!("no-feed-without-base-url"));
    }
    let feeds = renderer.feeds(&files, &contents)?;
    files.extend(sink.put(feeds));

    let mut copied = Vec::new();
    for file in &site.static_files {
        copied.push(OutputFile {
            path: file.name.clone(),
            content: Content::Copy(file.source.disk.clone()),
            from: file.source.shown.clone(),
        });
    }
    for (name, source) in &site.theme.assets {
        let (content, from) = match source {
            AssetSource::BuiltIn(bytes) => (
                Content::BuiltIn(bytes),
                PathBuf::from("themes/default/static").join(name),
            ),
            AssetSource::File(path) => (Content::Copy(path.disk.clone()), path.shown.clone()),
        };
        copied.push(OutputFile {
            path: format!("assets/{name}"),
            content,
            from,
        });
    }
    // A site's static files may be many PDFs and pictures: they are copied in parallel.
    let copied: Vec<Vec<OutputFile>> = copied
        .par_chunks(8)
        .map(|chunk| sink.put(chunk.to_vec()))
        .collect();
    files.extend(copied.into_iter().flatten());
    check_clashes(&files)?;
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(RenderedSite {
        files,
        counts,
        links,
        ids,
        notes,
        footer_links: address::footer_links(site),
    })
}

struct Renderer<'a> {
    site: &'a Site,
    tera: Tera,
    cache: Option<Caching<'a>>,
    /// A hash of what every body depends on beside its document (`document::site_key`).
    site_key: u64,
    /// The context every page shares.
    base: Context,
    report_links: Vec<ReportLink>,
    /// The site's settings as pages see them, but for the footer (`footer_for`).
    site_context: SiteContext,
    /// The footer rendered for the usual depths of page, by the way back to the root.
    footers: Vec<(String, String)>,
    /// Every note and page by its source (`address::sources`).
    sources: HashMap<String, String>,
    /// A hash of `sources`, made for the first body that links to a note's source.
    sources_key: std::sync::OnceLock<u64>,
    /// What makes the PDFs of a site with `pdf: true` (`serve` keeps one in its cache).
    pdf_maker: Option<Arc<crate::pdf::Maker>>,
    /// What draws the reports' preview pictures, its glyphs kept from one to the next.
    painter: crate::preview::Painter,
    /// The pages of the reports that the feed holds: the latest published ones.
    in_feed: std::collections::HashSet<String>,
    /// What every preview is drawn from beside its report (`preview::site_key`).
    preview_key: u64,
}

impl<'a> Renderer<'a> {
    fn new(site: &'a Site, tera: Tera, cache: Option<&'a Cache>) -> Result<Self, Problems> {
        let config = &site.config;
        let strings = &site.theme.strings;
        // Pages lie at most as deep as a report (`rapports/NAME/index.html`).
        let deepest = config.reports_path.matches('/').count() + 2;
        let footers: Vec<(String, String)> = match config.footer.as_deref() {
            Some(text) => (0..=deepest)
                .map(|depth| {
                    let root = "../".repeat(depth);
                    let html = address::render_footer(site, text, &root).html;
                    (root, html)
                })
                .collect(),
            None => Vec::new(),
        };
        let footer = footers.first().map(|(_, html)| html.clone());
        let site_context = SiteContext {
            title: config.title.clone(),
            description: config.description.clone(),
            language: config.language.code(),
            locale: config.language.locale(),
            base_url: config.base_url.clone(),
            footer,
        };
        let menu: Vec<MenuContext> = if config.menu.is_empty() {
            vec![MenuContext {
                title: strings.get("reports").to_owned(),
                url: format!("{}/index.html", config.reports_path),
                external: false,
            }]
        } else {
            config
                .menu
                .iter()
                .map(|item| menu_entry(&item.title, &item.url))
                .collect()
        };
        let report_links: Vec<ReportLink> = site
            .reports
            .iter()
            .map(|doc| {
                ReportLink::new(doc, document_dir(site, doc) + "index.html", config.language)
            })
            .collect();
        let years = by_year(&report_links);
        let in_feed = feed::in_feed(config, &report_links);
        let common = Common {
            site: &site_context,
            menu: &menu,
            t: strings,
            reports: &report_links,
            years: &years,
            latest: report_links.iter().find(|r| !r.draft),
            reports_url: format!("{}/index.html", config.reports_path),
        };
        let pdf_maker = config.pdf.then(|| match cache {
            Some(cache) => Arc::clone(&cache.maker),
            None => Arc::new(crate::pdf::Maker::new()),
        });
        let site_key = cache.map_or(0, |_| document::site_key(site));
        let cache = cache.map(|cache| {
            // What every page is made from beside its own document.
            let mut hasher = DefaultHasher::new();
            site_key.hash(&mut hasher);
            site.theme.hash_templates(&mut hasher);
            report_links.hash(&mut hasher);
            Caching::new(cache, hasher.finish())
        });
        // The context of every page, made from what every page is made from (and so kept
        // by a rebuild while that stays the same): a thousand reports take milliseconds.
        let base = || {
            Context::from_serialize(&common).map_err(|error| {
                Problem::file("themes", msg!("render-context", error = error.to_string()))
            })
        };
        let base = match &cache {
            Some(cache) => cache.base(base)?,
            None => base()?,
        };
        Ok(Renderer {
            site,
            tera,
            cache,
            site_key,
            base,
            report_links,
            site_context,
            footers,
            sources: address::sources(site),
            sources_key: std::sync::OnceLock::new(),
            pdf_maker,
            painter: crate::preview::Painter::default(),
            in_feed,
            preview_key: crate::preview::site_key(
                &config.title,
                config.language,
                strings,
                &site.theme.palette,
            ),
        })
    }

    fn page_context(
        &self,
        kind: &'static str,
        title: String,
        description: Option<String>,
        path: &str,
    ) -> PageContext<'static> {
        let url = path.strip_suffix("index.html").unwrap_or(path).to_owned();
        PageContext {
            kind,
            title,
            description,
            canonical: self
                .site
                .config
                .base_url
                .as_ref()
                .map(|base| format!("{base}{url}")),
            url,
            ..PageContext::default()
        }
    }

    fn render(
        &self,
        template: &str,
        path: &str,
        page: &PageContext<'_>,
        extra: impl FnOnce(&mut Context),
    ) -> Result<Vec<u8>, Problem> {
        let root = "../".repeat(path.matches('/').count());
        let mut context = self.base.clone();
        self.insert_site(&mut context, &root);
        context.insert("assets", &format!("{root}assets/"));
        context.insert("root", &root);
        context.insert("page", page);
        extra(&mut context);
        // Rendered as bytes: a `String` would check every page for UTF-8 once more.
        let mut html = Vec::with_capacity(32 * 1024);
        self.tera
            .render_to(template, &context, &mut html)
            .map_err(|e| self.site.theme.template_problem(&e))?;
        Ok(html)
    }
}

impl Renderer<'_> {
    /// Gives a page the site's settings with the footer whose addresses start from `root`.
    fn insert_site(&self, context: &mut Context, root: &str) {
        if self.site.config.footer.is_some() {
            let site = SiteContext {
                footer: self.footer_for(root),
                ..self.site_context.clone()
            };
            context.insert("site", &site);
        }
    }
}
