//! Checking the links between pages, once the site is rendered in memory: every link and
//! image written in a note or page, and every menu link, must lead to a file of the site,
//! and an anchor (`#sites-e2c`) to an id on the page it names.

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use crate::content::Site;
use crate::message::Message;
use crate::problem::{Capped, Problem, Problems, closest};
use crate::render::RenderedSite;
use crate::url::{decode, is_external, resolve};

/// Every broken internal link of the site.
pub fn check(site: &Site, rendered: &RenderedSite<'_>) -> Problems {
    let index = Index::new(rendered);
    let mut problems = Problems::default();
    for page in &rendered.links {
        let doc = page.doc;
        let broken: Vec<_> = page
            .links
            .iter()
            .filter_map(|link| {
                index
                    .broken(&page.page, &link.href, &link.url)
                    .map(|message| (link, message))
            })
            .collect();
        // Lines are counted as the links come, never again from the start.
        let (mut line, mut counted) = (1, 0);
        let mut capped = Capped::new(&doc.source.shown);
        for (link, message) in broken {
            if capped.is_full() {
                capped.count();
                continue;
            }
            let offset = (doc.body_start + link.offset).min(doc.text.len());
            line += doc.text[counted..offset].matches('\n').count();
            counted = offset;
            let before = &doc.text[..offset];
            let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            let problem = Problem::at(&doc.source.shown, &doc.text, line, column, message.text);
            capped.push(match message.hint {
                Some(hint) => problem.with_hint(hint),
                None => problem,
            });
        }
        problems.extend(capped.finish());
    }
    let config = &site.config;
    for item in &config.menu {
        // Menu links are relative to the site's root: check them from the home page.
        let url = item.url.as_str();
        let href = match url.trim_start_matches('/') {
            _ if url.starts_with("//") => url,
            "" => "./",
            from_root => from_root,
        };
        if let Some(message) = index.broken("index.html", href, url) {
            let problem = Problem::at(
                &config.path,
                &config.text,
                item.line,
                item.column,
                msg!("links-menu", message = message.text),
            );
            problems.push(match message.hint {
                Some(hint) => problem.with_hint(hint),
                None => problem,
            });
        }
    }
    // The footer's links are written from the site's root, as on the home page.
    for link in &rendered.footer_links {
        let Some(message) = index.broken("index.html", &link.href, &link.url) else {
            continue;
        };
        let (line, column) = place_in(&config.text, &link.url, "footer:");
        let problem = Problem::at(
            &config.path,
            &config.text,
            line,
            column,
            msg!("links-footer", message = message.text),
        )
        .with_width(link.url.chars().count());
        problems.push(match message.hint {
            Some(hint) => problem.with_hint(hint),
            None => problem,
        });
    }
    problems
}

/// The 1-based line and column of `wanted` in `text` (after the line that starts with
/// `after`, when there is one), or of that line.
fn place_in(text: &str, wanted: &str, after: &str) -> (usize, usize) {
    let start = text
        .lines()
        .position(|line| line.starts_with(after))
        .unwrap_or(0);
    text.lines()
        .enumerate()
        .skip(start)
        .find_map(|(i, line)| {
            line.find(wanted)
                .map(|at| (i + 1, line[..at].chars().count() + 1))
        })
        .unwrap_or((start + 1, 1))
}

/// What is wrong with a link, and how to fix it.
struct Broken {
    text: Message,
    hint: Option<Message>,
}

/// The files of the site, and the ids of its pages. Paths are compared as written, case
/// included, on every platform: web hosts tell `Logo.png` from `logo.png`, even where the
/// writer's disk (Windows, a Mac) does not.
struct Index<'a> {
    files: BTreeSet<&'a str>,
    ids: &'a HashMap<String, Arc<BTreeSet<String>>>,
}

impl<'a> Index<'a> {
    fn new(rendered: &'a RenderedSite<'_>) -> Self {
        Index {
            files: rendered.files.iter().map(|f| f.path.as_str()).collect(),
            ids: &rendered.ids,
        }
    }

    /// Whether the page `target` has the id `id`; if not, the closest one it has.
    fn has_id(&self, target: &str, id: &str) -> Option<Result<(), Option<String>>> {
        let ids = self.ids.get(target)?;
        if ids.contains(id) {
            Some(Ok(()))
        } else {
            Some(Err(
                closest(id, ids.iter().map(String::as_str)).map(str::to_owned)
            ))
        }
    }

    /// Why the link `written`, whose address on `page` is `url`, leads nowhere, or `None`
    /// when it is fine (or external).
    fn broken(&self, page: &str, url: &str, written: &str) -> Option<Broken> {
        if is_external(url) {
            return None;
        }
        let (address, fragment) = match url.split_once('#') {
            Some((address, fragment)) => (address, Some(fragment)),
            None => (url, None),
        };
        let address = address.split('?').next().unwrap_or_default();
        if address.starts_with('/') {
            return Some(Broken {
                text: msg!("links-from-host-root", link = written),
                hint: Some(msg!("links-from-host-root-hint")),
            });
        }
        let target = if address.is_empty() {
            page.to_owned()
        } else {
            let Some(resolved) = resolve(page, &decode(address)) else {
                return Some(Broken {
                    text: msg!("links-climbs-out", link = written),
                    hint: Some(msg!("links-climbs-out-hint")),
                });
            };
            let candidates = if resolved.is_empty() || resolved.ends_with('/') {
                vec![format!("{resolved}index.html")]
            } else {
                vec![resolved.clone(), format!("{resolved}/index.html")]
            };
            match candidates
                .into_iter()
                .find(|c| self.files.contains(c.as_str()))
            {
                Some(found) => found,
                None => return Some(self.nothing_at(written, &resolved)),
            }
        };
        let fragment = fragment.filter(|f| !f.is_empty())?;
        match self.has_id(&target, &decode(fragment))? {
            Ok(()) => None,
            Err(close) => Some(Broken {
                text: msg!(
                    "links-no-anchor",
                    link = written,
                    anchor = format!("#{fragment}"),
                    page = target
                ),
                hint: close.map(|close| msg!("did-you-mean", name = format!("#{close}"))),
            }),
        }
    }

    /// A link to nothing: the hint names the file or page closest to what it names, in the
    /// form that works from any page, from the site's root (`/plaquette.pdf`).
    fn nothing_at(&self, url: &str, resolved: &str) -> Broken {
        let wanted = resolved
            .trim_end_matches('/')
            .rsplit('/')
            .next()
            .unwrap_or(resolved);
        // Each file and page folder by its last name, with its address from the root.
        let mut known: Vec<(&str, String)> = Vec::new();
        for file in &self.files {
            if let Some(dir) = file.strip_suffix("/index.html") {
                known.push((dir.rsplit('/').next().unwrap_or(dir), format!("/{dir}/")));
            }
            known.push((file.rsplit('/').next().unwrap_or(file), format!("/{file}")));
        }
        let close = closest(wanted, known.iter().map(|(name, _)| *name));
        let hint = close.and_then(|close| {
            let (_, address) = known.iter().find(|(name, _)| *name == close)?;
            Some(msg!("links-did-you-mean", address))
        });
        Broken {
            text: msg!("links-to-nothing", link = url),
            hint,
        }
    }
}
