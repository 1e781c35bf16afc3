//! The network's sites, declared once in `site.yaml` under `sites:`: each site's name as
//! it is shown and its aliases (former names, other spellings), the dataset and column
//! that name sites, and where their pages go.

use serde::Deserialize;

/// `sites:` in `site.yaml`, as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SitesFile {
    /// The dataset whose rows are sites (`sites`).
    pub data: String,
    /// The column of that dataset that names the site (`site`).
    pub column: String,
    /// The URL folder of the site pages, `sites` by default.
    pub path: Option<String>,
    /// The column of figures reached, shown against `target` on each page.
    pub value: Option<String>,
    pub target: Option<String>,
    pub list: Vec<SiteDecl>,
}

/// One declared site.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct SiteDecl {
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// The declared sites, ready to match names.
#[derive(Debug, Clone, Default)]
pub struct Network {
    pub data: String,
    pub column: String,
    pub path: String,
    pub value: Option<String>,
    pub target: Option<String>,
    pub sites: Vec<SiteDecl>,
}

/// The key a name is matched by: case, accents, spaces and `'`/`’` make no difference.
pub fn fold(name: &str) -> String {
    slug::slugify(name)
}

impl Network {
    pub fn from_file(file: SitesFile) -> Network {
        Network {
            data: file.data,
            column: file.column,
            path: file
                .path
                .map(|p| p.trim_matches('/').to_owned())
                .unwrap_or_else(|| "sites".to_owned()),
            value: file.value,
            target: file.target,
            sites: file.list,
        }
    }

    /// The declared site `name` stands for, through its aliases.
    pub fn find(&self, name: &str) -> Option<&SiteDecl> {
        let key = fold(name);
        if key.is_empty() {
            return None;
        }
        self.sites.iter().find(|site| {
            fold(&site.name) == key || site.aliases.iter().any(|alias| fold(alias) == key)
        })
    }

    /// The key a row is matched by: the declared site's, or the name folded.
    pub fn name_key(&self, name: &str) -> String {
        self.find(name)
            .map_or_else(|| fold(name), |site| fold(&site.name))
    }

    /// The address folder of a site's page (`tpm`, `provence-verte`).
    pub fn slug(site: &SiteDecl) -> String {
        fold(&site.name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_through_accents_case_apostrophes_and_aliases() {
        let network = Network {
            sites: vec![SiteDecl {
                name: "Dracénie".into(),
                aliases: vec!["Pays d’Esterel".into()],
            }],
            ..Network::default()
        };
        assert_eq!(network.name_key("DRACENIE"), "dracenie");
        assert_eq!(network.name_key("pays d'esterel"), "dracenie");
        assert!(network.find("Draguignan").is_none());
    }
}
