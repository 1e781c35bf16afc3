//! `content/site.yaml`: the site-wide settings.

mod sites;

use std::path::Path;

use serde::Deserialize;
use serde_saphyr::Spanned;

use self::sites::SitesFile;
pub use self::sites::{Network, fold};
use crate::locale::{Language, typeset};
use crate::message::Message;
use crate::problem::Problems;
use crate::yaml::{self, Origin};

/// The settings of a site, checked.
#[derive(Debug, Clone)]
pub struct SiteConfig {
    pub title: String,
    pub description: Option<String>,
    pub language: Language,
    /// Always ends with `/`.
    pub base_url: Option<String>,
    /// The URL folder of the reports, without slashes at either end (`rapports`).
    pub reports_path: String,
    pub theme: String,
    /// Markdown shown at the foot of every page.
    pub footer: Option<String>,
    pub menu: Vec<MenuItem>,
    /// Whether raw HTML in notes is kept (the default) or shown as text.
    pub raw_html: bool,
    /// Whether every published report gets a PDF beside its page (`pdf: true`).
    pub pdf: bool,
    /// How many of the latest published reports `feed.xml` holds; 0 for all of them.
    pub feed_limit: usize,
    /// The text of `site.yaml` and how it is shown, for problems found later (a menu link
    /// that leads nowhere).
    pub text: String,
    pub path: std::path::PathBuf,
    /// The network's declared sites, if any (`sites:`).
    pub network: Option<Network>,
}

#[derive(Debug, Clone, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct MenuItem {
    pub title: String,
    /// Relative to the site's root: `rapports/`, `a-propos/`, or an absolute `https://` URL.
    pub url: String,
    /// Where the item is written in `site.yaml`.
    #[serde(skip)]
    pub line: usize,
    #[serde(skip)]
    pub column: usize,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SiteFile {
    title: String,
    description: Option<String>,
    #[serde(default)]
    language: Language,
    base_url: Option<Spanned<String>>,
    reports_path: Option<Spanned<String>>,
    theme: Option<Spanned<String>>,
    footer: Option<String>,
    #[serde(default)]
    menu: Vec<Spanned<MenuItem>>,
    raw_html: Option<bool>,
    pdf: Option<Spanned<bool>>,
    sites: Option<SitesFile>,
    feed_limit: Option<usize>,
}

/// How many reports the feed holds when `site.yaml` does not say: the latest few are what a
/// reader's feed program shows, and every reader downloads the feed again and again.
pub const FEED_LIMIT: usize = 20;

const KEYS: [&str; 12] = [
    "sites",
    "raw_html",
    "pdf",
    "title",
    "description",
    "language",
    "base_url",
    "reports_path",
    "theme",
    "footer",
    "menu",
    "feed_limit",
];

/// `url` as a base address: absolute http(s), ending with `/`, with nothing that would need
/// escaping in a feed or a page (spaces, quotes, `<`, `>`), nor a query or fragment.
pub fn normalise_base_url(url: &str) -> Result<String, Message> {
    let value = url.trim();
    let has_host = ["http://", "https://"].iter().any(|scheme| {
        value
            .strip_prefix(scheme)
            .is_some_and(|rest| !rest.is_empty() && !rest.starts_with('/'))
    });
    let clean = !value
        .contains(|c: char| c.is_whitespace() || c.is_control() || "\"'<>?#\\`{}|^".contains(c));
    if has_host && clean {
        Ok(format!("{}/", value.trim_end_matches('/')))
    } else {
        Err(msg!("config-base-url", found = value))
    }
}

impl SiteConfig {
    /// Reads and checks `site.yaml`, whose text is `text`, shown to the user as `shown`.
    pub fn parse(text: &str, shown: &Path) -> Result<SiteConfig, Problems> {
        let origin = Origin::file(shown, text);
        let file: SiteFile = yaml::parse(text, origin, Some(&KEYS), msg!("yaml-expected-site"))?;
        let mut problems = Problems::default();

        let base_url =
            file.base_url
                .as_ref()
                .and_then(|url| match normalise_base_url(&url.value) {
                    Ok(url) => Some(url),
                    Err(message) => {
                        problems.push(
                            origin
                                .problem_at(url, message)
                                .with_hint(msg!("config-base-url-hint")),
                        );
                        None
                    }
                });

        let reports_path = match &file.reports_path {
            None => "reports".to_owned(),
            Some(path) => {
                let value = path.value.trim_matches('/');
                let valid = !value.is_empty()
                    && value.split('/').all(|segment| {
                        !segment.is_empty()
                            && segment
                                .chars()
                                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                    });
                if !valid {
                    problems.push(
                        origin
                            .problem_at(path, msg!("config-reports-path", found = &path.value))
                            .with_hint(msg!("config-reports-path-hint")),
                    );
                }
                value.to_owned()
            }
        };

        let theme = match &file.theme {
            None => "default".to_owned(),
            Some(theme) => {
                let value = theme.value.as_str();
                let valid = !value.is_empty()
                    && !value.starts_with('.')
                    && value
                        .chars()
                        .all(|c| c.is_alphanumeric() || c == '-' || c == '_' || c == '.');
                if !valid {
                    problems.push(
                        origin
                            .problem_at(theme, msg!("config-theme", found = value))
                            .with_hint(msg!("config-theme-hint")),
                    );
                }
                value.to_owned()
            }
        };

        for item in &file.menu {
            let url = item.value.url.as_str();
            let scheme = url
                .split_once(':')
                .map(|(scheme, _)| scheme.to_ascii_lowercase());
            let safe_scheme = match scheme.as_deref() {
                Some(scheme)
                    if scheme
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c)) =>
                {
                    ["http", "https", "mailto", "tel"].contains(&scheme)
                }
                _ => true,
            };
            if !safe_scheme {
                problems.push(
                    origin
                        .problem_at(item, msg!("config-menu-scheme", url))
                        .with_hint(msg!("config-menu-scheme-hint")),
                );
            } else if url.contains("..") {
                problems.push(
                    origin
                        .problem_at(item, msg!("config-menu-climbs", url))
                        .with_hint(msg!("config-menu-climbs-hint")),
                );
            }
        }

        // A funder expects the file: a binary that cannot make it says so, never skips it.
        if let Some(pdf) = &file.pdf
            && pdf.value
            && !cfg!(feature = "pdf")
        {
            problems.push(
                origin
                    .problem_at(pdf, msg!("config-pdf-feature"))
                    .with_hint(msg!("config-pdf-feature-hint")),
            );
        }

        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(SiteConfig {
            title: typeset(&file.title, file.language),
            description: file
                .description
                .as_deref()
                .map(|text| typeset(text, file.language)),
            language: file.language,
            base_url,
            reports_path,
            theme,
            footer: file.footer,
            menu: file
                .menu
                .into_iter()
                .map(|item| MenuItem {
                    title: typeset(&item.value.title, file.language),
                    line: usize::try_from(item.referenced.line()).unwrap_or(0),
                    column: usize::try_from(item.referenced.column()).unwrap_or(0),
                    ..item.value
                })
                .collect(),
            raw_html: file.raw_html.unwrap_or(true),
            pdf: file.pdf.is_some_and(|pdf| pdf.value),
            feed_limit: file.feed_limit.unwrap_or(FEED_LIMIT),
            text: text.to_owned(),
            path: shown.to_path_buf(),
            network: file.sites.map(Network::from_file),
        })
    }

    /// The key a name is matched by between notes: case, accents and apostrophes make no
    /// difference, and a declared alias is its site.
    pub fn name_key(&self, name: &str) -> String {
        match &self.network {
            Some(network) => network.name_key(name),
            None => fold(name),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_example_settings() {
        let text = "title: E2C Var\nlanguage: fr\nbase_url: https://example.org/e2c\nreports_path: rapports\nmenu:\n  - {title: Rapports, url: rapports/}\n";
        let config = SiteConfig::parse(text, Path::new("site.yaml")).unwrap();
        assert_eq!(config.base_url.as_deref(), Some("https://example.org/e2c/"));
        assert_eq!(config.reports_path, "rapports");
        assert_eq!(config.theme, "default");
        assert_eq!(config.menu[0].url, "rapports/");
    }

    #[test]
    fn refuses_bad_values_with_their_place() {
        let text = "title: x\nbase_url: example.org\ntheme: ../../etc\nreports_path: Rapports 2017\nmenu:\n  - {title: x, url: \"javascript:alert(1)\"}\n";
        let problems = SiteConfig::parse(text, Path::new("site.yaml")).unwrap_err();
        let lines: Vec<usize> = problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, [2, 4, 3, 6]);
        assert!(normalise_base_url("https://e2c.fr/a?b").is_err());
        assert!(normalise_base_url("https://e2c.fr/\"><script>").is_err());
        assert_eq!(
            normalise_base_url("https://e2c.fr/var").as_deref(),
            Ok("https://e2c.fr/var/")
        );
    }

    #[test]
    fn an_unknown_language_is_refused() {
        let problems =
            SiteConfig::parse("title: x\nlanguage: de\n", Path::new("site.yaml")).unwrap_err();
        assert_eq!(problems[0].line, 2);
    }

    #[test]
    fn pdfs_are_off_unless_asked_for() {
        let config = SiteConfig::parse("title: x\n", Path::new("site.yaml")).unwrap();
        assert!(!config.pdf);
        let config = SiteConfig::parse("title: x\npdf: false\n", Path::new("site.yaml")).unwrap();
        assert!(!config.pdf);
    }

    /// A funder expects the file: a bilan that cannot make it refuses, and says how to get
    /// one that can.
    #[test]
    fn pdf_true_needs_a_bilan_built_with_pdfs() {
        let parsed = SiteConfig::parse("title: x\npdf: true\n", Path::new("site.yaml"));
        if cfg!(feature = "pdf") {
            assert!(parsed.is_ok_and(|config| config.pdf));
        } else {
            let problems = parsed.unwrap_err();
            assert_eq!((problems[0].line, problems[0].column), (2, 6));
            let message = problems[0].message.english();
            assert!(message.contains("built without PDF support"), "{message}");
            let hint = problems[0].hint_english().unwrap_or_default();
            assert!(hint.contains("--no-default-features"), "{hint}");
        }
    }
}
