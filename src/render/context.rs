//! What templates see. Every page template gets:
//!
//! - `site`: `title`, `description`, `language` (`fr`), `locale` (`fr_FR`), `base_url`,
//!   `footer` (HTML, print it with `| safe`);
//! - `menu`: a list of `{title, url, external}` (`url` relative to the root unless
//!   `external`);
//! - `t`: the theme's words in the site's language (`t.reports`, `t.download_csv`...);
//! - `root`: the way back to the site's root from this page (`../../`), to put before every
//!   `url` below so that links stay relative; `assets` is `root` + `assets/`;
//! - `page`: `kind` (`home`, `reports`, `report`, `page`, `not_found`), `title`,
//!   `description`, `url`, `canonical` (absolute, when `base_url` is set), and for reports
//!   and pages `date` (YYYY-MM-DD), `summary`, `period`, `authors` (the list of names of the
//!   front matter's `author`, empty when it has none; `t.and` joins the last two, as in
//!   "Marie Dupont et Paul Martin"), `content` (HTML), and `image` (`{url, width, height}`,
//!   absolute) for link previews when `base_url` is set, and for a report of a site with
//!   `pdf: true` `pdf` (`{url, label}`: its PDF, beside the page);
//! - `reports_url`: the archive of reports;
//! - `reports`: every published report, newest first, each `{title, date, summary, period,
//!   authors, url, year}`; `years`: the same grouped as `{year, reports}`; `latest`: the
//!   newest;
//! - on a report page, `previous` (older) and `next` (newer), when there are.
//!
//! Dates are written YYYY-MM-DD; the `long_date` and `short_date` filters write them in the
//! site's language.
//!
//! `report.typ`, the template of a report's PDF, writes Typst, not HTML: it gets values of
//! its own, escaped for Typst, listed at the top of `render/pdf.rs`.

use chrono::Datelike;
use serde::Serialize;

use crate::content::Document;
use crate::locale::{Language, Strings, typeset};

#[derive(Debug, Clone, Serialize)]
pub struct SiteContext {
    pub title: String,
    pub description: Option<String>,
    pub language: &'static str,
    pub locale: &'static str,
    pub base_url: Option<String>,
    pub footer: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct MenuContext {
    pub title: String,
    pub url: String,
    /// Whether the link leads to another site (then it is not prefixed with `root`).
    pub external: bool,
}

/// A report as listed on the home page, the archive and previous/next links.
#[derive(Debug, Clone, Hash, Serialize)]
pub struct ReportLink {
    pub title: String,
    pub date: Option<String>,
    pub year: Option<String>,
    pub summary: Option<String>,
    pub period: Option<String>,
    /// Who wrote it, as the front matter's `author` gives them (none, one or several).
    pub authors: Vec<String>,
    /// Relative to the site's root: `rapports/2017-10-02-point-d-avancement/index.html`.
    pub url: String,
    /// A draft, shown only with `--drafts`: marked in lists, never the latest report.
    pub draft: bool,
}

impl ReportLink {
    pub fn new(doc: &Document, url: String, language: Language) -> Self {
        let typeset = |text: &String| typeset(text, language);
        ReportLink {
            title: typeset(&doc.title),
            date: doc.date.map(|d| d.to_string()),
            year: doc.date.map(|d| d.year().to_string()),
            summary: doc.summary.as_ref().map(typeset),
            period: doc.period.as_ref().map(typeset),
            authors: doc.authors.iter().map(typeset).collect(),
            url,
            draft: doc.draft,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Year {
    pub year: String,
    pub reports: Vec<ReportLink>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct PageContext<'a> {
    pub kind: &'static str,
    pub title: String,
    pub description: Option<String>,
    pub url: String,
    pub canonical: Option<String>,
    pub date: Option<String>,
    pub summary: Option<String>,
    pub period: Option<String>,
    pub authors: Vec<String>,
    /// The page's HTML, borrowed from the body it is made around.
    pub content: Option<&'a str>,
    /// The picture of link previews, with an absolute address.
    pub image: Option<Image>,
    /// A draft, shown with `--drafts`: the page says so and asks not to be indexed.
    pub draft: bool,
    /// The report's PDF beside it, with `pdf: true`: `{url, label}` (the label says its
    /// size: "Télécharger la note (PDF, 45 ko)").
    pub pdf: Option<PdfLink>,
}

/// The link to a report's PDF, as its page shows it.
#[derive(Debug, Clone, Serialize)]
pub struct PdfLink {
    /// Beside the page: `2017-10-02-point-d-avancement.pdf`.
    pub url: String,
    /// "Télécharger la note (PDF, 45 ko)": with the size of the file written.
    pub label: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Image {
    pub url: String,
    pub width: Option<u32>,
    pub height: Option<u32>,
}

/// What is the same on every page.
#[derive(Debug, Clone, Serialize)]
pub struct Common<'a> {
    pub site: &'a SiteContext,
    pub menu: &'a [MenuContext],
    pub t: &'a Strings,
    pub reports: &'a [ReportLink],
    pub years: &'a [Year],
    pub latest: Option<&'a ReportLink>,
    /// The archive of reports, relative to the root: `rapports/index.html`.
    pub reports_url: String,
}

/// Groups reports (newest first) by year.
pub fn by_year(reports: &[ReportLink]) -> Vec<Year> {
    let mut years: Vec<Year> = Vec::new();
    for report in reports {
        let year = report.year.clone().unwrap_or_default();
        match years.last_mut() {
            Some(last) if last.year == year => last.reports.push(report.clone()),
            _ => years.push(Year {
                year,
                reports: vec![report.clone()],
            }),
        }
    }
    years
}
