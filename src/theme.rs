//! The theme: Tera templates, static assets and the words of each language.
//!
//! The built-in theme (`themes/default/`) is compiled into the binary. A site that says
//! `theme: NAME` and has `themes/NAME/` overrides it file by file: its templates, assets and
//! strings are taken first, and the built-in theme fills in the rest.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use tera::{Kwargs, State, Tera, TeraResult};

use crate::folder::{Attachment, SourcePath, check_link, load_attachments, read_text};
use crate::locale::{Language, Strings};
use crate::message::Message;
use crate::palette::Palette;
use crate::problem::{Problem, Problems, quoted_list};
use crate::yaml::{self, Origin};

include!(concat!(env!("OUT_DIR"), "/default_theme.rs"));

/// Where the bytes of an asset come from.
#[derive(Debug, Clone)]
pub enum AssetSource {
    BuiltIn(&'static [u8]),
    File(SourcePath),
}

/// A template's source and the file it comes from (for its problems).
#[derive(Debug, Clone)]
struct TemplateSource {
    text: String,
    shown: PathBuf,
}

/// The theme a site is rendered with.
#[derive(Debug)]
pub struct Theme {
    templates: BTreeMap<String, TemplateSource>,
    /// The theme's static files, published under `assets/`.
    pub assets: BTreeMap<String, AssetSource>,
    pub strings: Strings,
    /// The colours of chart series, from the theme's `chart.yaml`.
    pub palette: Palette,
}

/// A theme's `chart.yaml`.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ChartSettings {
    palette: Vec<serde_saphyr::Spanned<String>>,
}

impl Theme {
    /// Loads the theme `name` for a site under `root`: the site's own files first, then the
    /// built-in ones.
    pub fn load(root: &Path, name: &str, language: Language) -> Result<Theme, Problems> {
        let mut problems = Problems::default();
        let mut templates = BTreeMap::new();
        let mut assets = BTreeMap::new();
        let mut strings_file = None;
        let mut chart_file = None;
        let strings_name = format!("strings/{}.yaml", language.code());

        let dir = root.join("themes").join(name);
        if dir.is_dir() {
            check_link(root, &SourcePath::new(root, dir.clone())).map_err(Problems::from)?;
            let mut found = crate::problem::Problems::default();
            let files = load_attachments(root, &dir, &mut found);
            problems.extend(found);
            for Attachment { source, name: file } in files {
                if let Some(template) = file.strip_prefix("templates/") {
                    match read_text(&source) {
                        Ok(text) => {
                            templates.insert(
                                template.to_owned(),
                                TemplateSource {
                                    text,
                                    shown: source.shown,
                                },
                            );
                        }
                        Err(problem) => problems.push(problem),
                    }
                } else if let Some(asset) = file.strip_prefix("static/") {
                    assets.insert(asset.to_owned(), AssetSource::File(source));
                } else if file == strings_name {
                    strings_file = Some(source);
                } else if file == "chart.yaml" {
                    chart_file = Some(source);
                }
            }
        } else if name != "default" {
            problems.push(
                Problem::file("content/site.yaml", msg!("theme-no-folder", name = &name))
                    .with_hint(msg!("theme-no-folder-hint")),
            );
        }

        for (file, bytes) in DEFAULT_THEME {
            if let Some(template) = file.strip_prefix("templates/") {
                let text = String::from_utf8_lossy(bytes).into_owned();
                let shown = PathBuf::from("themes/default").join(file);
                templates
                    .entry(template.to_owned())
                    .or_insert(TemplateSource { text, shown });
            } else if let Some(asset) = file.strip_prefix("static/") {
                assets
                    .entry(asset.to_owned())
                    .or_insert(AssetSource::BuiltIn(bytes));
            }
        }

        let mut strings = built_in_strings(&strings_name);
        if let Some(source) = strings_file {
            match read_text(&source).map_err(Problems::from).and_then(|text| {
                yaml::parse::<Strings>(
                    &text,
                    Origin::file(&source.shown, &text),
                    None,
                    msg!("yaml-expected-strings"),
                )
            }) {
                Ok(own) => strings.0.extend(own.0),
                Err(found) => problems.extend(found),
            }
        }

        let palette = match chart_file {
            Some(source) => match read_text(&source).map_err(Problems::from).and_then(|text| {
                let origin = Origin::file(&source.shown, &text);
                let settings: ChartSettings = yaml::parse(
                    &text,
                    origin,
                    Some(&["palette"]),
                    msg!("yaml-expected-palette"),
                )?;
                read_palette(&settings, origin)
            }) {
                Ok(palette) => palette,
                Err(found) => {
                    problems.extend(found);
                    Palette::default()
                }
            },
            None => built_in_palette(),
        };

        if problems.is_empty() {
            Ok(Theme {
                templates,
                assets,
                strings,
                palette,
            })
        } else {
            Err(problems)
        }
    }

    /// Feeds the templates' names and text to `hasher`.
    pub fn hash_templates(&self, hasher: &mut impl std::hash::Hasher) {
        use std::hash::Hash;
        for (name, source) in &self.templates {
            name.hash(hasher);
            source.text.hash(hasher);
        }
    }

    /// The templates, parsed, with bilan's filters for `language`.
    pub fn tera(&self, language: Language) -> Result<Tera, Problems> {
        let mut tera = Tera::new();
        register_filters(&mut tera, language);
        let sources = self
            .templates
            .iter()
            .map(|(name, source)| (name.as_str(), source.text.as_str()));
        tera.add_raw_templates(sources)
            .map_err(|error| Problems::from(self.template_problem(&error)))?;
        Ok(tera)
    }

    /// A Tera error as a problem in the template's file.
    pub fn template_problem(&self, error: &tera::Error) -> Problem {
        let report = match error.kind() {
            tera::ErrorKind::SyntaxError(report) | tera::ErrorKind::RenderingError(report) => {
                Some(report)
            }
            _ => None,
        };
        if let tera::ErrorKind::MissingParent { current, parent } = error.kind() {
            return self.missing_template(current, parent);
        }
        let Some(report) = report else {
            return self.problem_from_text(&error.to_string());
        };
        match self.templates.get(report.filename()) {
            Some(source) => {
                let span = report.span();
                Problem::at(
                    &source.shown,
                    &source.text,
                    span.start_line,
                    span.start_col + 1,
                    Message::raw(yaml::lowercase_first(report.message())),
                )
            }
            None => Problem::file(
                format!("themes/…/{}", report.filename()),
                Message::raw(yaml::lowercase_first(report.message())),
            ),
        }
    }
}

impl Theme {
    /// `current` extends or includes `wanted`, which no theme has: located at the line that
    /// names it.
    fn missing_template(&self, current: &str, wanted: &str) -> Problem {
        let message = msg!("theme-missing-template", current, wanted);
        let known = || self.templates.keys().map(String::as_str);
        let hint = |problem: Problem| {
            problem.with_closest(wanted, known(), || {
                msg!("theme-templates-are", templates = quoted_list(known()))
            })
        };
        let Some(source) = self.templates.get(current) else {
            return hint(Problem::file("themes", message));
        };
        let place = source
            .text
            .lines()
            .enumerate()
            .find_map(|(i, line)| line.find(wanted).map(|c| (i + 1, c + 1)));
        let (line, column) = place.unwrap_or((1, 1));
        hint(
            Problem::at(&source.shown, &source.text, line, column, message)
                .with_width(wanted.chars().count()),
        )
    }

    /// Tera checks the filters, tests and includes of all templates at once and gives its
    /// findings as text in rustc's layout (`error: …` then ` --> NAME:LINE:COLUMN`); the
    /// first one is turned back into a located problem.
    fn problem_from_text(&self, text: &str) -> Problem {
        let message = text
            .lines()
            .next()
            .unwrap_or(text)
            .trim_start_matches("error: ");
        let place = text
            .lines()
            .find_map(|line| line.trim_start().strip_prefix("--> "))
            .and_then(|place| {
                let mut parts = place.rsplitn(3, ':');
                let column: usize = parts.next()?.trim().parse().ok()?;
                let line: usize = parts.next()?.trim().parse().ok()?;
                Some((parts.next()?, line, column))
            });
        match place.and_then(|(name, line, column)| Some((self.templates.get(name)?, line, column)))
        {
            Some((source, line, column)) => Problem::at(
                &source.shown,
                &source.text,
                line,
                column,
                Message::raw(yaml::lowercase_first(message)),
            ),
            None => Problem::file("themes", Message::raw(yaml::lowercase_first(message))),
        }
    }
}

fn read_palette(settings: &ChartSettings, origin: Origin<'_>) -> Result<Palette, Problems> {
    let colours: Vec<String> = settings.palette.iter().map(|c| c.value.clone()).collect();
    Palette::from_hex(&colours).map_err(|bad| {
        let at = settings.palette.iter().find(|c| c.value == bad);
        let message = msg!("theme-not-a-colour", bad = &bad);
        Problems::from(
            match at {
                Some(at) => origin.problem_at(at, message),
                None => Problem::file(origin.path, message),
            }
            .with_hint(msg!("theme-not-a-colour-hint")),
        )
    })
}

/// The built-in theme's palette.
fn built_in_palette() -> Palette {
    DEFAULT_THEME
        .iter()
        .find(|(file, _)| *file == "chart.yaml")
        .and_then(|(_, bytes)| serde_saphyr::from_slice::<ChartSettings>(bytes).ok())
        .and_then(|settings| {
            Palette::from_hex(
                &settings
                    .palette
                    .into_iter()
                    .map(|c| c.value)
                    .collect::<Vec<_>>(),
            )
            .ok()
        })
        .unwrap_or_default()
}

/// The built-in words for a language (the built-in theme always has them).
fn built_in_strings(name: &str) -> Strings {
    DEFAULT_THEME
        .iter()
        .find(|(file, _)| *file == name)
        .and_then(|(_, bytes)| serde_saphyr::from_slice::<Strings>(bytes).ok())
        .unwrap_or_default()
}

/// Filters offered to templates, in the site's language:
/// `long_date` and `short_date` take a date written YYYY-MM-DD; `number`, `money` (with an
/// optional `currency`, EUR by default) and `percent` (a fraction) take a number.
fn register_filters(tera: &mut Tera, language: Language) {
    fn date(text: &str) -> TeraResult<NaiveDate> {
        crate::locale::parse_iso_date(text).ok_or_else(|| {
            tera::Error::message(format!(
                "expected a date written YYYY-MM-DD, found \"{text}\""
            ))
        })
    }
    tera.register_filter("long_date", move |text: &str, _: Kwargs, _: &State| {
        date(text).map(|d| language.long_date(d))
    });
    tera.register_filter("short_date", move |text: &str, _: Kwargs, _: &State| {
        date(text).map(|d| language.short_date(d))
    });
    tera.register_filter(
        "number",
        move |value: f64, kwargs: Kwargs, _: &State| -> TeraResult<String> {
            let decimals = kwargs.get::<i64>("decimals")?.unwrap_or(3).clamp(0, 9) as usize;
            Ok(language.number(value, decimals))
        },
    );
    tera.register_filter(
        "money",
        move |value: f64, kwargs: Kwargs, _: &State| -> TeraResult<String> {
            let currency = kwargs.get::<&str>("currency")?.unwrap_or("EUR").to_owned();
            Ok(language.money(value, &currency))
        },
    );
    tera.register_filter("percent", move |value: f64, _: Kwargs, _: &State| {
        language.percent(value)
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_theme_has_its_templates_and_words() {
        for name in [
            "templates/base.html",
            "templates/index.html",
            "templates/report.html",
            "templates/reports.html",
            "templates/page.html",
            "templates/404.html",
            "static/style.css",
            "strings/fr.yaml",
            "strings/en.yaml",
        ] {
            assert!(
                DEFAULT_THEME.iter().any(|(file, _)| *file == name),
                "missing {name}"
            );
        }
        let fr = built_in_strings("strings/fr.yaml");
        let en = built_in_strings("strings/en.yaml");
        assert_eq!(
            built_in_palette(),
            Palette::default(),
            "chart.yaml and the code agree"
        );
        assert_eq!(fr.get("reports"), "Rapports");
        assert_eq!(
            fr.0.keys().collect::<Vec<_>>(),
            en.0.keys().collect::<Vec<_>>(),
            "both languages have the same words"
        );
    }

    #[test]
    fn filters_write_in_the_site_language() {
        let theme = Theme::load(Path::new("/nonexistent"), "default", Language::Fr).unwrap();
        let mut tera = theme.tera(Language::Fr).unwrap();
        tera.add_raw_template("t.txt", "{{ \"2017-10-01\" | long_date }} | {{ \"2017-03-13\" | short_date }} | {{ 1221846 | money }} | {{ 0.25 | percent }} | {{ 12.5 | number }}").unwrap();
        let out = tera.render("t.txt", &tera::Context::new()).unwrap();
        assert_eq!(
            out,
            "1er octobre 2017 | 13/03/2017 | 1\u{202F}221\u{202F}846\u{A0}€ | 25\u{202F}% | 12,5"
        );
    }
}
