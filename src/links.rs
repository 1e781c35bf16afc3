//! Checking the links between pages, once the site is rendered in memory: every link and
//! image written in a note or page, and every menu link, must lead to a file of the site,
//! and an anchor (`#sites-e2c`) to an id on the page it names.

use std::collections::{BTreeSet, HashMap};

use crate::content::Site;
use crate::problem::{MAX_PER_FILE, Problem, Problems, closest, more_problems};
use crate::render::RenderedSite;

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
                    .broken(&page.page, &link.url)
                    .map(|message| (link, message))
            })
            .collect();
        if broken.len() > MAX_PER_FILE {
            problems.push(more_problems(
                &doc.source.shown,
                broken.len() - MAX_PER_FILE,
            ));
        }
        // Lines are counted as the links come, never again from the start.
        let (mut line, mut counted) = (1, 0);
        for (link, message) in broken.into_iter().take(MAX_PER_FILE) {
            let offset = (doc.body_start + link.offset).min(doc.text.len());
            line += doc.text[counted..offset].matches('\n').count();
            counted = offset;
            let before = &doc.text[..offset];
            let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            let problem = Problem::at(&doc.source.shown, &doc.text, line, column, message.text);
            problems.push(match message.hint {
                Some(hint) => problem.with_hint(hint),
                None => problem,
            });
        }
    }
    let config = &site.config;
    for item in &config.menu {
        // Menu links are relative to the site's root: check them from the home page.
        let url = if item.url.is_empty() {
            "./"
        } else {
            item.url.as_str()
        };
        if let Some(message) = index.broken("index.html", url) {
            let problem = Problem::at(
                &config.path,
                &config.text,
                item.line,
                item.column,
                format!("menu: {}", message.text),
            );
            problems.push(match message.hint {
                Some(hint) => problem.with_hint(hint),
                None => problem,
            });
        }
    }
    problems
}

/// What is wrong with a link, and how to fix it.
struct Broken {
    text: String,
    hint: Option<String>,
}

/// The files of the site, and the ids of its pages.
struct Index<'a> {
    files: BTreeSet<&'a str>,
    ids: &'a HashMap<String, BTreeSet<String>>,
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

    /// Why the link `url` on `page` leads nowhere, or `None` when it is fine (or external).
    fn broken(&self, page: &str, url: &str) -> Option<Broken> {
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
                text: format!("the link `{url}` starts from the host's root"),
                hint: Some("write it relative to this page (`../autre-note/`), so the site works in a sub-folder and from disk".to_owned()),
            });
        }
        let target = if address.is_empty() {
            page.to_owned()
        } else {
            let Some(resolved) = resolve(page, &decode(address)) else {
                return Some(Broken {
                    text: format!("the link `{url}` climbs out of the site"),
                    hint: None,
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
                None => return Some(self.nothing_at(url, &resolved)),
            }
        };
        let fragment = fragment.filter(|f| !f.is_empty())?;
        match self.has_id(&target, &decode(fragment))? {
            Ok(()) => None,
            Err(close) => Some(Broken {
                text: format!(
                    "the link `{url}` names the anchor `#{fragment}`, which is not on `{target}`"
                ),
                hint: close.map(|close| format!("did you mean `#{close}`?")),
            }),
        }
    }

    fn nothing_at(&self, url: &str, resolved: &str) -> Broken {
        let wanted = resolved
            .trim_end_matches('/')
            .rsplit('/')
            .next()
            .unwrap_or(resolved);
        let folders = self
            .files
            .iter()
            .filter_map(|f| f.strip_suffix("/index.html"))
            .map(|dir| dir.rsplit('/').next().unwrap_or(dir));
        let names = self.files.iter().map(|f| f.rsplit('/').next().unwrap_or(f));
        let known: Vec<&str> = folders.chain(names).collect();
        Broken {
            text: format!("the link `{url}` leads to nothing in the site"),
            hint: closest(wanted, known.iter().copied())
                .map(|close| format!("did you mean `{close}`?")),
        }
    }
}

fn is_external(url: &str) -> bool {
    let scheme = url.split_once(':').map(|(scheme, _)| scheme);
    url.starts_with("//")
        || scheme.is_some_and(|s| {
            !s.is_empty()
                && s.chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        })
}

/// `address` followed from the folder of `page`; `None` if it climbs above the root.
fn resolve(page: &str, address: &str) -> Option<String> {
    let mut parts: Vec<&str> = page.split('/').collect();
    parts.pop();
    for segment in address.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            other => parts.push(other),
        }
    }
    let mut resolved = parts.join("/");
    if address.ends_with('/') && !resolved.is_empty() {
        resolved.push('/');
    }
    Some(resolved)
}

/// Undoes percent-encoding (`%20` is a space); an address that does not decode to UTF-8
/// stays as it is.
fn decode(text: &str) -> String {
    percent_decode(text).unwrap_or_else(|| text.to_owned())
}

/// Undoes percent-encoding; `None` when the bytes are not UTF-8. A `%` not followed by two
/// hexadecimal digits stays as it is.
pub(crate) fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: Option<&u8>| b.and_then(|b| (*b as char).to_digit(16));
        match (bytes[i], hex(bytes.get(i + 1)), hex(bytes.get(i + 2))) {
            (b'%', Some(high), Some(low)) => {
                out.push((high * 16 + low) as u8);
                i += 3;
            }
            (byte, _, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

/// The values of the `id` attributes of an HTML page. Every page of a site is scanned, so
/// the bytes are searched as they are, without first checking that they are UTF-8.
pub(crate) fn ids_in(html: &[u8]) -> BTreeSet<String> {
    const MARKER: &[u8] = b" id=\"";
    memchr::memmem::find_iter(html, MARKER)
        .filter_map(|at| {
            let rest = &html[at + MARKER.len()..];
            let end = memchr::memchr(b'"', rest)?;
            Some(String::from_utf8_lossy(&rest[..end]).into_owned())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_relative_addresses() {
        assert_eq!(
            resolve("rapports/a/index.html", "../b/").as_deref(),
            Some("rapports/b/")
        );
        assert_eq!(
            resolve("rapports/a/index.html", "sites.csv").as_deref(),
            Some("rapports/a/sites.csv")
        );
        assert_eq!(
            resolve("index.html", "rapports/").as_deref(),
            Some("rapports/")
        );
        assert_eq!(resolve("index.html", "../x"), None);
    }

    #[test]
    fn knows_external_addresses() {
        for url in [
            "https://e2c.fr",
            "mailto:a@b.fr",
            "tel:+33",
            "//cdn.example/x",
        ] {
            assert!(is_external(url), "{url}");
        }
        for url in ["../a/", "sites.csv", "#top", "a:b/c"] {
            assert_eq!(is_external(url), url == "a:b/c", "{url}");
        }
    }

    #[test]
    fn decodes_percent_escapes() {
        assert_eq!(decode("rapport%20final.pdf"), "rapport final.pdf");
        assert_eq!(decode("100%"), "100%");
    }

    #[test]
    fn finds_ids() {
        let ids = ids_in("<h2 id=\"sites-e2c\">x</h2><li id=\"note-1\">".as_bytes());
        assert_eq!(ids.into_iter().collect::<Vec<_>>(), ["note-1", "sites-e2c"]);
    }
}
