//! The pages of the network's sites: one per declared site (its figures note after note,
//! a line per column of figures, its latest figures against its target, the notes that
//! show it, and the text of `content/sites/SLUG.md`), and an index of every site.

use super::{OutputFile, Renderer, html_file, markdown_settings};
use crate::chart::render_chart;
use crate::data::csv::dataset_to_csv;
use crate::html::push_escaped;
use crate::markdown;
use crate::problem::Problem;
use crate::resolve::{NetworkPages, SitePage};
use crate::table::render_table;

impl Renderer<'_> {
    /// The index of the sites and a page for each.
    pub(super) fn site_pages(
        &self,
        network: &NetworkPages,
    ) -> Vec<Result<Vec<OutputFile>, Problem>> {
        let mut pages = vec![self.sites_index(network)];
        pages.extend(
            network
                .sites
                .iter()
                .map(|page| self.site_page(network, page)),
        );
        pages
    }

    fn sites_index(&self, network: &NetworkPages) -> Result<Vec<OutputFile>, Problem> {
        let site = self.site;
        let language = site.config.language;
        let strings = &site.theme.strings;
        let path = format!("{}/index.html", network.path);
        let csv = format!("{}.csv", network.index.dataset.name);
        let mut html = String::new();
        html.push_str(&render_table(&network.index, language, strings, &csv));
        html.push_str("<ul class=\"site-list\">\n");
        for page in &network.sites {
            html.push_str(&format!("<li><a href=\"{}/index.html\">", page.slug));
            push_escaped(&mut html, &page.name);
            html.push_str("</a></li>\n");
        }
        html.push_str("</ul>\n");
        let title = strings.get("sites").to_owned();
        let mut context = self.page_context("page", title, None, &path);
        context.content = Some(&html);
        let rendered = self.render("page.html", &path, &context, |_| {})?;
        Ok(vec![
            html_file(&path, rendered, "content/site.yaml"),
            OutputFile {
                path: format!("{}/{csv}", network.path),
                content: super::Content::Bytes(dataset_to_csv(&network.index.dataset, language)),
                from: "content/site.yaml".into(),
            },
        ])
    }

    fn site_page(
        &self,
        network: &NetworkPages,
        page: &SitePage,
    ) -> Result<Vec<OutputFile>, Problem> {
        let site = self.site;
        let language = site.config.language;
        let strings = &site.theme.strings;
        let palette = &site.theme.palette;
        let dir = format!("{}/{}/", network.path, page.slug);
        let path = format!("{dir}index.html");
        let root = "../../";
        let mut html = String::new();
        if let Some(text) = &page.text {
            let rewrite = |_: &str| None;
            let rendered = markdown::render(
                text,
                markdown_settings(strings, &site.config),
                &rewrite,
                |_| String::new(),
            );
            html.push_str(&rendered.html);
        }
        let csv = format!("{}.csv", page.table.dataset.name);
        let mut charts = 0;
        let mut chart = |html: &mut String, resolved: &crate::resolve::ResolvedChart| {
            charts += 1;
            html.push_str(&render_chart(
                &resolved.data,
                &resolved.table,
                &format!("chart-{charts}"),
                language,
                strings,
                palette,
            ));
        };
        if let Some(progress) = &page.progress {
            html.push_str(&format!("<h2>{}</h2>\n", strings.get("site_latest")));
            chart(&mut html, progress);
        }
        html.push_str(&format!("<h2>{}</h2>\n", strings.get("site_history")));
        html.push_str(&render_table(&page.table, language, strings, &csv));
        for resolved in &page.charts {
            chart(&mut html, resolved);
        }
        html.push_str(&format!(
            "<h2>{}</h2>\n<ul class=\"site-notes\">\n",
            strings.get("site_notes")
        ));
        for (title, date, href) in &page.notes {
            html.push_str(&format!("<li><a href=\"{root}"));
            push_escaped(&mut html, href);
            html.push_str("\">");
            push_escaped(&mut html, title);
            if let Some(date) = date {
                html.push_str(", ");
                push_escaped(&mut html, &language.long_date(*date));
            }
            html.push_str("</a></li>\n");
        }
        html.push_str("</ul>\n");
        let mut context = self.page_context("page", page.name.clone(), None, &path);
        context.content = Some(&html);
        let rendered = self.render("page.html", &path, &context, |_| {})?;
        Ok(vec![
            html_file(&path, rendered, "content/site.yaml"),
            OutputFile {
                path: format!("{dir}{csv}"),
                content: super::Content::Bytes(dataset_to_csv(&page.table.dataset, language)),
                from: "content/site.yaml".into(),
            },
        ])
    }
}
