//! The pages that are not a note's: the home page and the archive, which list every report,
//! and the 404 page.

use super::{OutputFile, Renderer, html_file};
use crate::problem::Problem;
use crate::theme::AssetSource;

/// The pages that are not a note's.
#[derive(Debug, Clone, Copy)]
pub(super) enum Listing {
    Home,
    Archive,
    NotFound,
}

impl Renderer<'_> {
    /// The home page or the archive: lists of reports.
    pub(super) fn listing(
        &self,
        path: &str,
        kind: &'static str,
        title: String,
        template: &str,
    ) -> Result<Vec<OutputFile>, Problem> {
        let page = self.page_context(kind, title, self.site.config.description.clone(), path);
        let html = self.render(template, path, &page, |_| {})?;
        Ok(vec![html_file(path, html, "content/site.yaml")])
    }

    pub(super) fn not_found(&self) -> Result<Vec<OutputFile>, Problem> {
        let title = self.site.theme.strings.get("not_found").to_owned();
        let description = self.site.config.description.clone();
        let page = self.page_context("not_found", title, description, "404.html");
        // A 404 page is served at any address, so its links start from the site's root
        // (known from `base_url`, else taken to be the host's root), and it carries its
        // stylesheet within, so that it looks right wherever it is served.
        let root = self
            .site
            .config
            .base_url
            .as_deref()
            .and_then(|url| url.splitn(4, '/').nth(3))
            .map_or_else(|| "/".to_owned(), |path| format!("/{path}"));
        let mut context = self.base.clone();
        self.insert_site(&mut context, &root);
        context.insert("root", &root);
        context.insert("assets", &format!("{root}assets/"));
        context.insert("page", &page);
        let style = match self.site.theme.assets.get("style.css") {
            Some(AssetSource::BuiltIn(bytes)) => Some(String::from_utf8_lossy(bytes).into_owned()),
            Some(AssetSource::File(path)) => std::fs::read_to_string(&path.disk).ok(),
            None => None,
        };
        context.insert("inline_style", &style);
        let html = self
            .tera
            .render("404.html", &context)
            .map_err(|e| self.site.theme.template_problem(&e))?;
        Ok(vec![html_file(
            "404.html",
            html.into_bytes(),
            "content/site.yaml",
        )])
    }
}
