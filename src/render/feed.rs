//! The Atom feed and the sitemap, for a site whose address is known (`base_url`): both
//! formats need absolute URLs.

use std::collections::{BTreeSet, HashSet};

use serde::Serialize;
use tera::{Context, Tera};

use super::context::ReportLink;
use super::document::document_dir;
use super::{OutputFile, Renderer, html_file};
use crate::config::SiteConfig;
use crate::content::Site;
use crate::problem::{Problem, Problems};
use crate::theme::Theme;

/// An entry of the feed: a published report with its whole text.
#[derive(Debug, Serialize)]
struct Entry<'a> {
    title: &'a str,
    /// Absolute.
    url: String,
    /// YYYY-MM-DD.
    date: Option<&'a str>,
    summary: Option<&'a str>,
    /// Who wrote it; the feed's own author is the site.
    authors: &'a [String],
    /// The report's HTML, whose relative links resolve against `url`.
    content: &'a str,
}

impl Renderer<'_> {
    /// The feed and the sitemap of the site whose pages are among `files`, the feed with
    /// `contents`, the texts of the latest reports (`in_feed`), newest first. A rebuild
    /// keeps them while the reports, these texts and the pages stay the same.
    pub(super) fn feeds(
        &self,
        files: &[OutputFile],
        contents: &[String],
    ) -> Result<Vec<OutputFile>, Problems> {
        let site = self.site;
        // Drafts are never in the sitemap nor the feed, even with `--drafts`.
        let drafts: BTreeSet<String> = site
            .reports
            .iter()
            .chain(&site.pages)
            .filter(|doc| doc.draft)
            .map(|doc| document_dir(site, doc) + "index.html")
            .collect();
        let pages: Vec<String> = files
            .iter()
            .map(|f| f.path.clone())
            .filter(|p| p.ends_with("index.html") && !drafts.contains(p))
            .collect();
        let published: Vec<ReportLink> = self
            .report_links
            .iter()
            .filter(|r| !r.draft)
            .cloned()
            .collect();
        let make = || feed_and_sitemap(site, &self.tera, &self.base, &published, contents, &pages);
        match &self.cache {
            Some(cache) => cache.feeds(contents, &pages, make),
            None => make(),
        }
        .map_err(Problems::from)
    }
}

/// `feed.xml` and `sitemap.xml`, rendered with the theme's templates of those names.
/// `reports` and `contents` go together, newest first; the feed holds the first
/// `feed_limit` of them (all with 0). `pages` are the addresses of every page, relative to
/// the root.
fn feed_and_sitemap(
    site: &Site,
    tera: &Tera,
    base: &Context,
    reports: &[ReportLink],
    contents: &[String],
    pages: &[String],
) -> Result<Vec<OutputFile>, Problem> {
    let Some(base_url) = site.config.base_url.as_deref() else {
        return Ok(Vec::new());
    };
    let absolute = |path: &str| {
        format!(
            "{base_url}{}",
            path.strip_suffix("index.html").unwrap_or(path)
        )
    };
    let limit = match site.config.feed_limit {
        0 => usize::MAX,
        limit => limit,
    };
    let entries: Vec<Entry> = reports
        .iter()
        .zip(contents)
        .take(limit)
        .map(|(report, content)| Entry {
            title: &report.title,
            url: absolute(&report.url),
            date: report.date.as_deref(),
            summary: report.summary.as_deref(),
            authors: &report.authors,
            content,
        })
        .collect();
    // The feed changes when a report does: its date is the newest report's, never the time
    // of the build, so that the same notes give the same bytes.
    let updated = reports
        .first()
        .and_then(|r| r.date.clone())
        .unwrap_or_else(|| "1970-01-01".to_owned());
    let mut context = base.clone();
    context.insert("entries", &entries);
    context.insert("updated", &updated);
    let urls: Vec<String> = pages.iter().map(|page| absolute(page)).collect();
    context.insert("urls", &urls);
    let theme: &Theme = &site.theme;
    let render = |template: &str| {
        tera.render(template, &context)
            .map(String::into_bytes)
            .map_err(|e| theme.template_problem(&e))
    };
    Ok(vec![
        html_file("feed.xml", render("feed.xml")?, "content/site.yaml"),
        html_file("sitemap.xml", render("sitemap.xml")?, "content/site.yaml"),
    ])
}

/// The pages of the reports that the feed of a site with `config` holds: the latest
/// published ones, `feed_limit` of them (all with 0); none without `base_url`.
pub(super) fn in_feed(config: &SiteConfig, reports: &[ReportLink]) -> HashSet<String> {
    if config.base_url.is_none() {
        return HashSet::new();
    }
    let limit = match config.feed_limit {
        0 => usize::MAX,
        limit => limit,
    };
    reports
        .iter()
        .filter(|r| !r.draft)
        .take(limit)
        .map(|r| r.url.clone())
        .collect()
}
