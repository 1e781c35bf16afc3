//! The network's sites, declared in `site.yaml`, resolved against every published note:
//! each site's figures note after note, its latest figures against its target, the notes
//! that show it; the names in the notes that match no declared site; the folder of the
//! site pages that would clash with another page.

use std::sync::Arc;

use chrono::NaiveDate;

use super::ResolvedChart;
use super::derive::{Formula, add_columns};
use crate::chart::{ChartData, ChartKind, Series};
use crate::config::Network;
use crate::content::{DocKind, Document, Site};
use crate::data::{Column, ColumnType, Dataset, Value};
use crate::locale::typeset;
use crate::problem::{Problem, Problems};
use crate::table::Table;

/// The site pages to render.
#[derive(Debug)]
pub struct NetworkPages {
    /// The URL folder of the site pages (`sites`).
    pub path: String,
    pub sites: Vec<SitePage>,
    /// Every site with its latest figures, for the index page.
    pub index: Table,
}

/// One site's page.
#[derive(Debug)]
pub struct SitePage {
    pub name: String,
    pub slug: String,
    /// One row per note: its date, then the site's figures.
    pub table: Table,
    /// A line per column of figures.
    pub charts: Vec<ResolvedChart>,
    /// The latest figures against the target, where the network names a target column.
    pub progress: Option<ResolvedChart>,
    /// The notes that show the site: title, date, address from the root.
    pub notes: Vec<(String, Option<NaiveDate>, String)>,
    /// The Markdown of `content/sites/SLUG.md`.
    pub text: Option<String>,
}

/// The address of a site's page from a page at `depth` folders below the root.
pub fn site_href(network: &Network, slug: &str, depth: usize) -> String {
    format!("{}{}/{slug}/index.html", "../".repeat(depth), network.path)
}

/// How deep a document's page lies below the root.
pub fn depth(site: &Site, doc: &Document) -> usize {
    match doc.kind {
        DocKind::Report => site.config.reports_path.matches('/').count() + 2,
        DocKind::Page => 1,
    }
}

/// Checks the names of every note and the folder of the site pages, and gathers each
/// site's figures.
pub fn network(site: &Site, problems: &mut Problems) -> Option<NetworkPages> {
    let network = site.config.network.as_ref()?;
    check_folder(site, network, problems);
    let language = site.config.language;
    let strings = &site.theme.strings;
    let history: Vec<(&Document, &Arc<Dataset>)> = site.all_history(&network.data).collect();
    // Every name in the column of sites must be a declared site.
    for doc in site.reports.iter() {
        let Some(dataset) = doc.datasets.get(&network.data) else {
            continue;
        };
        let Some(column) = dataset.column_index(&network.column) else {
            problems.push(
                Problem::file(
                    &dataset.path,
                    msg!(
                        "network-no-column",
                        dataset = &network.data,
                        column = &network.column
                    ),
                )
                .with_hint(msg!("network-no-column-hint")),
            );
            continue;
        };
        for row in &dataset.rows {
            let name = row[column].display(&dataset.columns[column], language);
            if name.is_empty() || network.find(&name).is_some() {
                continue;
            }
            let names = network.sites.iter().map(|s| s.name.as_str());
            let hint = match crate::problem::nearest(&name, names) {
                Some(close) => msg!("network-closest-site", close, name = &name),
                None => msg!("network-declare-site"),
            };
            problems.push(
                dataset
                    .problem_at_text(
                        match &row[column] {
                            Value::Text(raw) => raw,
                            _ => &name,
                        },
                        msg!("network-unknown-site", name = &name),
                    )
                    .with_hint(hint),
            );
        }
    }
    let latest = history.last().map(|(_, d)| Arc::clone(d));
    let figures: Vec<Column> = latest
        .as_ref()
        .map(|d| {
            d.columns
                .iter()
                .filter(|c| c.kind.is_numeric())
                .cloned()
                .collect()
        })
        .unwrap_or_default();
    let mut sites = Vec::new();
    let mut index_rows = Vec::new();
    for declared in &network.sites {
        let slug = Network::slug(declared);
        let name = typeset(&declared.name, language);
        let mut rows = Vec::new();
        let mut notes = Vec::new();
        for (doc, dataset) in &history {
            let Some(column) = dataset.column_index(&network.column) else {
                continue;
            };
            let found = dataset.rows.iter().find(|row| {
                let written = row[column].display(&dataset.columns[column], language);
                network.find(&written).is_some_and(|s| s == declared)
            });
            let Some(found) = found else { continue };
            let mut row = vec![doc.date.map_or(Value::Missing, Value::Date)];
            row.extend(figures.iter().map(|f| {
                dataset
                    .column_index(&f.key)
                    .map_or(Value::Missing, |i| found[i].clone())
            }));
            rows.push(row);
            let href = format!("{}/{}/index.html", site.config.reports_path, doc.slug);
            notes.push((typeset(&doc.title, language), doc.date, href));
        }
        let mut columns = vec![Column {
            key: "date".to_owned(),
            label: strings.get("report_date").to_owned(),
            kind: ColumnType::Date,
            ..Column::default()
        }];
        columns.extend(figures.iter().cloned());
        if let Some(last) = rows.last() {
            let mut index_row = vec![Value::Text(declared.name.clone())];
            index_row.extend(last.iter().cloned());
            index_rows.push(index_row);
        }
        let dataset = Arc::new(Dataset::derived(
            slug.clone(),
            Some(name.clone()),
            columns,
            rows,
        ));
        let position = |key: &Option<String>| key.as_ref().and_then(|k| dataset.column_index(k));
        let rate = match (position(&network.value), position(&network.target)) {
            (Some(v), Some(t)) => vec![(
                strings.get("progress_rate").to_owned(),
                Formula::Ratio(v, t),
            )],
            _ => Vec::new(),
        };
        let fold = |n: &str| crate::config::fold(n);
        let additions = add_columns(&dataset, &rate, None, &[], &fold, language, strings);
        let mut table = Table::for_chart(Arc::clone(&additions.dataset), None, &name);
        table.added = additions.added;
        table.sources = history
            .iter()
            .map(|(d, ds)| (d.date, Arc::clone(ds)))
            .collect();
        let dates: Vec<String> = dataset
            .rows
            .iter()
            .map(|r| r[0].display(&dataset.columns[0], language))
            .collect();
        let charts = (1..dataset.columns.len())
            .map(|i| {
                let column = &dataset.columns[i];
                let title = typeset(&column.label, language);
                let data = ChartData {
                    kind: ChartKind::Line,
                    title: title.clone(),
                    category_label: strings.get("report_date").to_owned(),
                    categories: dates.clone(),
                    series: vec![Series {
                        name: name.clone(),
                        values: dataset.rows.iter().map(|r| r[i].as_f64()).collect(),
                    }],
                    value_column: column.clone(),
                };
                let mut chart_table =
                    Table::for_chart(Arc::clone(&dataset), Some(vec![0, i]), &title);
                chart_table.sources = Vec::new();
                ResolvedChart {
                    data,
                    table: chart_table,
                    history: Vec::new(),
                }
            })
            .collect();
        let progress = match (
            position(&network.value),
            position(&network.target),
            dataset.rows.last(),
        ) {
            (Some(v), Some(t), Some(last)) => {
                let title = format!(
                    "{} / {}",
                    typeset(&dataset.columns[v].label, language),
                    typeset(&dataset.columns[t].label, language)
                );
                let data = ChartData {
                    kind: ChartKind::Progress,
                    title: title.clone(),
                    category_label: strings.get("report_date").to_owned(),
                    categories: vec![last[0].display(&dataset.columns[0], language)],
                    series: vec![
                        Series {
                            name: typeset(&dataset.columns[v].label, language),
                            values: vec![last[v].as_f64()],
                        },
                        Series {
                            name: typeset(&dataset.columns[t].label, language),
                            values: vec![last[t].as_f64()],
                        },
                    ],
                    value_column: dataset.columns[v].clone(),
                };
                let mut shown = vec![0, v, t];
                shown.extend(additions.derived.iter().copied());
                let mut chart_table =
                    Table::for_chart(Arc::clone(&additions.dataset), Some(shown), &title);
                chart_table.added = table.added.clone();
                chart_table.sources = Vec::new();
                Some(ResolvedChart {
                    data,
                    table: chart_table,
                    history: Vec::new(),
                })
            }
            _ => None,
        };
        sites.push(SitePage {
            name,
            text: site.site_texts.get(&slug).cloned(),
            slug,
            table,
            charts,
            progress,
            notes,
        });
    }
    let mut columns = vec![
        Column {
            key: "site".to_owned(),
            label: latest
                .as_ref()
                .and_then(|d| d.columns.get(d.column_index(&network.column)?))
                .map_or_else(|| network.column.clone(), |c| c.label.clone()),
            ..Column::default()
        },
        Column {
            key: "date".to_owned(),
            label: strings.get("report_date").to_owned(),
            kind: ColumnType::Date,
            ..Column::default()
        },
    ];
    columns.extend(figures.iter().cloned());
    let index_data = Arc::new(Dataset::derived(
        network.data.clone(),
        None,
        columns,
        index_rows,
    ));
    let caption = strings.get("sites").to_owned();
    let mut index = Table::for_chart(index_data, None, &caption);
    index.row_links = index
        .dataset
        .rows
        .iter()
        .map(|row| match &row[0] {
            Value::Text(name) => network
                .find(name)
                .map(|s| site_href(network, &Network::slug(s), 1)),
            _ => None,
        })
        .collect();
    Some(NetworkPages {
        path: network.path.clone(),
        sites,
        index,
    })
}

/// The folder of the site pages must not be a page's nor the reports'.
fn check_folder(site: &Site, network: &Network, problems: &mut Problems) {
    let config = &site.config;
    let folder = network.path.as_str();
    let valid = !folder.is_empty()
        && folder
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !valid {
        problems.push(
            Problem::file(&config.path, msg!("network-folder", folder))
                .with_hint(msg!("network-folder-hint")),
        );
    }
    if config.reports_path == folder || config.reports_path.starts_with(&format!("{folder}/")) {
        problems.push(
            Problem::file(&config.path, msg!("network-folder-reports", folder))
                .with_hint(msg!("network-folder-reports-hint")),
        );
    }
    for page in &site.pages {
        if page.slug == folder {
            problems.push(
                Problem::file(
                    &config.path,
                    msg!(
                        "network-folder-page",
                        folder,
                        page = page.source.shown.display()
                    ),
                )
                .with_hint(msg!("network-folder-page-hint")),
            );
        }
    }
}
