//! HTML as text: escaping what is written into it, and scanning the `id`s a page holds.

use std::collections::BTreeSet;
use std::sync::Arc;

/// Escapes text for HTML content and attribute values.
pub fn push_escaped(out: &mut String, text: &str) {
    // Writing into a String cannot fail.
    let _ = pulldown_cmark_escape::escape_html(out, text);
}

/// `text` escaped for HTML.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_escaped(&mut out, text);
    out
}

/// The values of the `id` attributes of an HTML page. Every page of a site is scanned, so
/// the bytes are searched as they are, without first checking that they are UTF-8.
pub fn ids_in(html: &[u8]) -> BTreeSet<String> {
    const MARKER: &[u8] = b" id=\"";
    memchr::memmem::find_iter(html, MARKER)
        .filter_map(|at| {
            let rest = &html[at + MARKER.len()..];
            let end = memchr::memchr(b'"', rest)?;
            Some(String::from_utf8_lossy(&rest[..end]).into_owned())
        })
        .collect()
}

/// A page's HTML, and the ids it holds (what links to `page/#id` are checked against),
/// found once with the page: `serve` keeps both for the rebuilds that keep the page.
#[derive(Debug)]
pub struct Page {
    pub html: Arc<Vec<u8>>,
    pub ids: Arc<BTreeSet<String>>,
}

impl Page {
    pub fn new(html: Vec<u8>) -> Page {
        Page {
            ids: Arc::new(ids_in(&html)),
            html: Arc::new(html),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_ids() {
        let ids = ids_in("<h2 id=\"sites-e2c\">x</h2><li id=\"note-1\">".as_bytes());
        assert_eq!(ids.into_iter().collect::<Vec<_>>(), ["note-1", "sites-e2c"]);
    }
}
