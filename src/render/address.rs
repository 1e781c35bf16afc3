//! How the addresses written in Markdown are written in the pages: a link or image from the
//! site's root (`/plaquette.pdf`) or to another note's source (`../2019-03-29-t1/index.md`)
//! becomes an address relative to the page, so that the site works in a sub-folder and
//! opened from disk. The footer, written once in `site.yaml` with addresses from the site's
//! root, is rendered for each depth of page.

use std::collections::HashMap;
use std::path::Path;

use super::context::MenuContext;
use super::{Renderer, document_dir, markdown_settings};
use crate::content::{Document, Site};
use crate::markdown::{self, LinkRef};
use crate::url::{decode, is_external, resolve};

/// Every note and page by its source, relative to `content/` with `/` separators
/// (`reports/2019-03-29-t1/index.md`), with the folder of its page (`rapports/2019-03-29-t1/`).
pub(super) fn sources(site: &Site) -> HashMap<String, String> {
    let content = site.root.join("content");
    site.reports
        .iter()
        .chain(&site.pages)
        .filter_map(|doc| Some((source_in_content(&content, doc)?, document_dir(site, doc))))
        .collect()
}

fn source_in_content(content: &Path, doc: &Document) -> Option<String> {
    let relative = doc.source.disk.strip_prefix(content).ok()?;
    Some(crate::folder::web_path(relative))
}

/// A folder's address as a page of the site opened from disk needs it: with `index.html`.
fn with_index(path: &str) -> String {
    if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path.to_owned()
    }
}

/// `url` split before its `#fragment` (or `?query`), which is kept as it is.
fn split_fragment(url: &str) -> (&str, &str) {
    match url.find(['#', '?']) {
        Some(at) => url.split_at(at),
        None => (url, ""),
    }
}

impl Renderer<'_> {
    /// The address a link of `doc`'s Markdown gets in its page, when it is not the one
    /// written: from the site's root, or to another note's source.
    pub(super) fn rewrite(&self, doc: &Document, url: &str) -> Option<String> {
        if is_external(url) || url.starts_with('#') {
            return None;
        }
        let (address, fragment) = split_fragment(url);
        let root = "../".repeat(document_dir(self.site, doc).matches('/').count());
        if let Some(from_root) = address.strip_prefix('/') {
            return Some(format!("{root}{}{fragment}", with_index(from_root)));
        }
        if !address.ends_with(".md") {
            return None;
        }
        // A link to a note's source, from the folder of this note's source.
        let content = self.site.root.join("content");
        let own = source_in_content(&content, doc)?;
        let folder = own.rsplit_once('/').map_or("", |(folder, _)| folder);
        let base = if folder.is_empty() {
            "x".to_owned()
        } else {
            format!("{folder}/x")
        };
        let target = resolve(&base, &decode(address))?;
        let page = self.sources.get(&target)?;
        Some(format!("{root}{page}index.html{fragment}"))
    }

    /// The footer's HTML for a page whose way back to the site's root is `root` (`../../`,
    /// or `/e2c/` for the 404 page): its addresses are written from the site's root.
    pub(super) fn footer_for(&self, root: &str) -> Option<String> {
        if let Some((_, html)) = self.footers.iter().find(|(r, _)| r == root) {
            return Some(html.clone());
        }
        self.site
            .config
            .footer
            .as_deref()
            .map(|text| render_footer(self.site, text, root).html)
    }
}

/// The footer rendered for pages whose way back to the root is `root`.
pub(super) fn render_footer(site: &Site, text: &str, root: &str) -> markdown::Rendered {
    let settings = markdown_settings(&site.theme.strings, &site.config);
    let rewrite = |url: &str| {
        if is_external(url) || url.starts_with('#') {
            return None;
        }
        let (address, fragment) = split_fragment(url);
        let from_root = address.strip_prefix('/').unwrap_or(address);
        Some(format!("{root}{}{fragment}", with_index(from_root)))
    };
    markdown::render(text, settings, &rewrite, |_| String::new())
}

/// The footer's links, as written, to be checked from the home page.
pub(super) fn footer_links(site: &Site) -> Vec<LinkRef> {
    site.config
        .footer
        .as_deref()
        .map(|text| render_footer(site, text, "").links)
        .unwrap_or_default()
}

/// A menu link: relative to the site's root (a folder gets its `index.html`, so that links
/// work from disk too), or another site's address as it is.
pub(super) fn menu_entry(title: &str, url: &str) -> MenuContext {
    let external = crate::url::is_external(url);
    // Written from the site's root, with or without the `/` in front.
    let url = if external {
        url
    } else {
        url.trim_start_matches('/')
    };
    let url = if !external && (url.is_empty() || url.ends_with('/')) {
        format!("{url}index.html")
    } else {
        url.to_owned()
    };
    MenuContext {
        title: title.to_owned(),
        url,
        external,
    }
}
