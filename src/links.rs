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
                    .broken(&page.page, &link.href, &link.url)
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
                format!("menu: {}", message.text),
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
            format!("footer: {}", message.text),
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
    text: String,
    hint: Option<String>,
}

/// The files of the site, and the ids of its pages. Paths are compared as written, case
/// included, on every platform: web hosts tell `Logo.png` from `logo.png`, even where the
/// writer's disk (Windows, a Mac) does not.
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
                text: format!("the link `{written}` starts from the host's root"),
                hint: Some("write it relative to this page (`../autre-note/`), so the site works in a sub-folder and from disk".to_owned()),
            });
        }
        let target = if address.is_empty() {
            page.to_owned()
        } else {
            let Some(resolved) = resolve(page, &decode(address)) else {
                return Some(Broken {
                    text: format!("the link `{written}` climbs out of the site"),
                    hint: Some(
                        "write it from the site's root, starting with `/` (`/plaquette.pdf`)"
                            .to_owned(),
                    ),
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
                text: format!(
                    "the link `{written}` names the anchor `#{fragment}`, which is not on `{target}`"
                ),
                hint: close.map(|close| format!("did you mean `#{close}`?")),
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
            Some(format!(
                "did you mean `{address}`? (an address that starts with `/` is taken from the site's root)"
            ))
        });
        Broken {
            text: format!("the link `{url}` leads to nothing in the site"),
            hint,
        }
    }
}

pub(crate) fn is_external(url: &str) -> bool {
    let scheme = url.split_once(':').map(|(scheme, _)| scheme);
    url.starts_with("//")
        || scheme.is_some_and(|s| {
            !s.is_empty()
                && s.chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        })
}

/// `address` followed from the folder of `page`; `None` if it climbs above the root.
pub(crate) fn resolve(page: &str, address: &str) -> Option<String> {
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
pub(crate) fn decode(text: &str) -> String {
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
