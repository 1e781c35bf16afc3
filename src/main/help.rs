//! The command line in the user's language: which language that is, `--help` from the
//! catalogue, and clap's own complaints about what was typed.

use std::ffi::OsString;
use std::path::Path;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, CommandFactory};

use bilan::{Catalogue, Language, msg};

use super::Cli;

pub fn parse_language(text: &str) -> Option<Language> {
    match text {
        "fr" => Some(Language::Fr),
        "en" => Some(Language::En),
        _ => None,
    }
}

/// The language of what bilan prints: `--lang` first; then, for `new site`, the new site's;
/// then the site's `language` (from `ROOT/content/site.yaml`, read leniently, so that a
/// broken file is still explained in its language); then the system's (`LC_ALL`,
/// `LC_MESSAGES`, `LANG`); English when nothing says.
pub fn choose_language(args: &[OsString]) -> Language {
    let args: Vec<String> = args
        .iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let value = |flag: &str| {
        args.iter().enumerate().find_map(|(i, arg)| {
            if arg == flag {
                args.get(i + 1).map(String::as_str)
            } else {
                arg.strip_prefix(flag)?.strip_prefix('=')
            }
        })
    };
    if let Some(language) = value("--lang").and_then(parse_language) {
        return language;
    }
    let words: Vec<&str> = args
        .iter()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .map(String::as_str)
        .collect();
    if words.starts_with(&["new", "site"]) {
        return value("--language")
            .and_then(parse_language)
            .unwrap_or(Language::Fr);
    }
    let root = Path::new(value("--root").unwrap_or("."));
    site_language(root).unwrap_or_else(|| {
        let system = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .filter_map(|name| std::env::var(name).ok())
            .find(|value| !value.is_empty());
        match system {
            Some(value) if value.starts_with("fr") => Language::Fr,
            _ => Language::En,
        }
    })
}

/// The `language` of the site at `root`: French when its site.yaml does not say (as the
/// build reads it), nothing when there is no site.yaml or its language is not one of ours.
fn site_language(root: &Path) -> Option<Language> {
    let text = std::fs::read(root.join("content").join("site.yaml")).ok()?;
    let text = String::from_utf8_lossy(&text);
    let Some(line) = text.lines().find_map(|line| line.strip_prefix("language:")) else {
        return Some(Language::Fr);
    };
    let value = line.split('#').next().unwrap_or("").trim();
    parse_language(value.trim_matches(['"', '\'']))
}

/// The command line, its help in the catalogue's language.
pub fn command(say: &Catalogue) -> clap::Command {
    let french = say.language() == Language::Fr;
    let mut command = Cli::command();
    if french {
        command = command
            .disable_help_flag(true)
            .disable_version_flag(true)
            .arg(
                Arg::new("help")
                    .short('h')
                    .long("help")
                    .global(true)
                    .action(ArgAction::Help)
                    .help(say.say("help-flag")),
            )
            .arg(
                Arg::new("version")
                    .short('V')
                    .long("version")
                    .action(ArgAction::Version)
                    .help(say.say("version-flag")),
            );
    }
    translate(command, "", say, french)
}

/// `command` and its subcommands with the help of the catalogue: `help-build` for the
/// command `build`, `help-build-root` for its `--root`, `value-root` for what `--root` takes.
fn translate(
    mut command: clap::Command,
    path: &str,
    say: &Catalogue,
    french: bool,
) -> clap::Command {
    let id = match path {
        "" => "help".to_owned(),
        path => format!("help-{path}"),
    };
    if let Some(about) = say.find(&id) {
        command = command.about(about).long_about(None);
    }
    let args: Vec<String> = command
        .get_arguments()
        .map(|arg| arg.get_id().to_string())
        .filter(|id| id != "help" && id != "version")
        .collect();
    for arg in args {
        let help = say.find(&format!("{id}-{arg}"));
        let value = say.find(&format!("value-{arg}"));
        command = command.mut_arg(&arg, |mut a| {
            if let Some(help) = help {
                a = a.help(help).long_help(None);
            }
            if let Some(value) = value {
                a = a.value_name(value);
            }
            if french && a.get_action().takes_values() {
                a = a.hide_default_value(true);
            }
            a
        });
    }
    let subcommands: Vec<String> = command
        .get_subcommands()
        .map(|sub| sub.get_name().to_owned())
        .collect();
    let has_positionals = command.get_positionals().next().is_some();
    if french {
        let mut template = String::from("{about-with-newline}\n");
        template.push_str(&say.say("help-usage"));
        template.push_str(" {usage}\n\n");
        if !subcommands.is_empty() {
            template.push_str(&say.say("help-commands"));
            template.push_str("\n{subcommands}\n\n");
        }
        if has_positionals {
            template.push_str(&say.say("help-arguments"));
            template.push_str("\n{positionals}\n\n");
        }
        template.push_str(&say.say("help-options"));
        template.push_str("\n{options}{after-help}");
        command = command
            .help_template(template)
            .disable_help_flag(true)
            .disable_help_subcommand(true)
            .subcommand_value_name(say.say("value-command"))
            .subcommand_help_heading(say.say("help-commands"));
        if let Some(usage) = say.find(&format!(
            "usage-{}",
            if path.is_empty() { "bilan" } else { path }
        )) {
            command = command.override_usage(usage);
        }
    }
    for name in subcommands {
        let inner = match path {
            "" => name.clone(),
            path => format!("{path}-{name}"),
        };
        command = command.mut_subcommand(&name, |sub| translate(sub, &inner, say, french));
    }
    command
}

/// Prints what clap found wrong in the command line (or the help it was asked for) and
/// exits, as clap does, in the catalogue's language.
pub fn exit(error: clap::Error, say: &Catalogue) -> ! {
    let quoted = |kind| match error.get(kind) {
        Some(ContextValue::String(text)) => Some(text.clone()),
        Some(ContextValue::Strings(texts)) => texts.first().cloned(),
        _ => None,
    };
    let said = match error.kind() {
        _ if say.language() == Language::En => None,
        ErrorKind::UnknownArgument => quoted(ContextKind::InvalidArg).map(|arg| {
            let suggested = quoted(ContextKind::SuggestedArg);
            (msg!("cli-unknown-argument", arg), suggested)
        }),
        ErrorKind::InvalidSubcommand => quoted(ContextKind::InvalidSubcommand).map(|command| {
            let suggested = quoted(ContextKind::SuggestedSubcommand);
            (msg!("cli-unknown-command", command), suggested)
        }),
        ErrorKind::MissingRequiredArgument => {
            quoted(ContextKind::InvalidArg).map(|arg| (msg!("cli-missing-argument", arg), None))
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            match (
                quoted(ContextKind::InvalidValue),
                quoted(ContextKind::InvalidArg),
            ) {
                // The parser's own reason, already in the user's language.
                (Some(value), Some(arg)) => match std::error::Error::source(&error) {
                    Some(reason) => Some((
                        msg!(
                            "cli-invalid-value-because",
                            value,
                            arg,
                            reason = reason.to_string()
                        ),
                        None,
                    )),
                    None => Some((msg!("cli-invalid-value", value, arg), None)),
                },
                _ => None,
            }
        }
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            Some((msg!("cli-missing-command"), None))
        }
        _ => None,
    };
    let Some((message, suggested)) = said else {
        error.exit()
    };
    eprintln!("{}", say.render(&msg!("error", message)));
    if let Some(suggested) = suggested {
        eprintln!("{}", say.render(&msg!("cli-did-you-mean", suggested)));
    }
    eprintln!("{}", say.say("cli-more"));
    std::process::exit(2)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every command and option has its help in both catalogues.
    #[test]
    fn every_help_is_in_both_catalogues() {
        fn walk(command: &clap::Command, path: &str, ids: &mut Vec<String>) {
            let id = if path.is_empty() {
                "help".to_owned()
            } else {
                format!("help-{path}")
            };
            ids.push(id.clone());
            for arg in command.get_arguments() {
                let arg = arg.get_id().as_str();
                if arg != "help" && arg != "version" {
                    ids.push(format!("{id}-{arg}"));
                }
            }
            for sub in command.get_subcommands() {
                let inner = if path.is_empty() {
                    sub.get_name().to_owned()
                } else {
                    format!("{path}-{}", sub.get_name())
                };
                walk(sub, &inner, ids);
            }
        }
        let mut ids = Vec::new();
        walk(&Cli::command(), "", &mut ids);
        for language in [Language::En, Language::Fr] {
            let say = Catalogue::new(language);
            for id in &ids {
                assert!(say.find(id).is_some(), "{language:?}: no `{id}`");
            }
        }
    }

    #[test]
    fn the_help_in_english_is_as_the_code_documents_it() {
        let say = Catalogue::new(Language::En);
        let mut documented = Cli::command();
        let mut translated = command(&say);
        assert_eq!(
            documented.render_long_help().to_string(),
            translated.render_long_help().to_string()
        );
        for name in ["build", "check", "serve"] {
            let documented = documented
                .find_subcommand_mut(name)
                .unwrap()
                .render_long_help()
                .to_string();
            let translated = translated
                .find_subcommand_mut(name)
                .unwrap()
                .render_long_help()
                .to_string();
            assert_eq!(documented, translated, "{name}");
        }
    }
}
