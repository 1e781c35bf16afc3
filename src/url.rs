//! Addresses between the pages of a site: which are external, how a relative one is
//! followed from a page, and percent-decoding. Used where links are written (`render`),
//! checked (`links`) and served (`serve`).

/// Whether `url` leads out of the site: it has a scheme (`https:`, `mailto:`) or starts
/// with `//`.
pub fn is_external(url: &str) -> bool {
    let scheme = url.split_once(':').map(|(scheme, _)| scheme);
    url.starts_with("//")
        || scheme.is_some_and(|s| {
            !s.is_empty()
                && s.chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        })
}

/// `address` followed from the folder of `page`; `None` if it climbs above the root.
pub fn resolve(page: &str, address: &str) -> Option<String> {
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
pub fn decode(text: &str) -> String {
    percent_decode(text).unwrap_or_else(|| text.to_owned())
}

/// Undoes percent-encoding; `None` when the bytes are not UTF-8. A `%` not followed by two
/// hexadecimal digits stays as it is.
pub fn percent_decode(text: &str) -> Option<String> {
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
}
