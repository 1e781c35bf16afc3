//! The `bilan` command: parses the command line, calls the library, reports the outcome.

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::io::{IsTerminal, Write};
use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use clap::{Args, FromArgMatches, Parser, Subcommand};

use bilan::{
    BuildOptions, Catalogue, Counts, Failure, Language, LoadOptions, Message, Problems, Progress,
    Reporter, ServeOptions, msg,
};

#[path = "main/help.rs"]
mod help;

#[derive(Parser)]
#[command(
    name = "bilan",
    version,
    about = "Builds a website of reports, tables and charts from Markdown notes and YAML figures."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// The language of bilan's messages [default: the site's, or else the system's].
    #[arg(long, global = true, value_name = "fr|en", value_parser = language)]
    lang: Option<Language>,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into the output folder.
    Build(BuildArgs),
    /// Check the site as a build would, and every link between its pages, writing nothing.
    Check(CheckArgs),
    /// Serve the site on this computer, rebuilding and reloading the page on every change.
    Serve(ServeArgs),
    /// Start something new.
    #[command(subcommand)]
    New(New),
}

#[derive(Args)]
struct BuildArgs {
    /// The folder that holds `content/` (and, optionally, `themes/`).
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// Where to write the site [default: ROOT/output].
    #[arg(long)]
    output: Option<PathBuf>,
    /// The absolute URL where the site will live, overriding `base_url` in site.yaml.
    #[arg(long, value_name = "URL", value_parser = base_url)]
    base_url: Option<String>,
    /// Publish drafts too.
    #[arg(long)]
    drafts: bool,
}

#[derive(Args)]
struct CheckArgs {
    /// The folder that holds `content/` (and, optionally, `themes/`).
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// Check drafts too.
    #[arg(long)]
    drafts: bool,
}

#[derive(Args)]
struct ServeArgs {
    /// The folder that holds `content/` (and, optionally, `themes/`).
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// The address to listen on.
    #[arg(long, default_value = "127.0.0.1")]
    bind: IpAddr,
    /// The port to listen on (the next free one if it is taken).
    #[arg(long, default_value_t = 8000)]
    port: u16,
    /// A name to answer besides IP addresses and `localhost`, such as `mon-pc.local`
    /// (repeatable). Requests that call the server by any other name get 403: a web page
    /// could otherwise point its own name at this computer and read the site.
    #[arg(long = "allow-host", value_name = "NAME", value_parser = allowed_host)]
    allow_host: Vec<String>,
    /// Leave drafts out, to see the site as it will be published (drafts are shown by
    /// default: serve is the writer's preview).
    #[arg(long)]
    no_drafts: bool,
}

#[derive(Subcommand)]
enum New {
    /// Start the next progress note, as a draft, from the latest published one: its headings,
    /// tables and datasets.
    Report {
        /// The note's title, such as "Point d'avancement".
        title: String,
        /// The note's date, YYYY-MM-DD or DD/MM/YYYY [default: today].
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        date: Option<NaiveDate>,
        /// The note to start from (its folder, such as 2019-03-29-premier-trimestre)
        /// [default: the latest published note].
        #[arg(long, value_name = "NAME")]
        from: Option<String>,
        /// The folder that holds `content/`.
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
    /// Start a new site in a new (or empty) folder: settings explained, a first note as a
    /// draft with a table and a chart, and a short guide.
    Site {
        /// The folder to make, such as `mon-site`.
        dir: PathBuf,
        /// The site's name [default: "Mon école" / "My school"].
        #[arg(long)]
        title: Option<String>,
        /// The site's language: its words, dates and numbers.
        #[arg(long, value_name = "fr|en", default_value = "fr", value_parser = language)]
        language: Language,
        /// The URL folder of the reports [default: rapports / reports].
        #[arg(long, value_name = "FOLDER")]
        reports_path: Option<String>,
    },
}

fn language(text: &str) -> Result<Language, String> {
    help::parse_language(text).ok_or_else(|| {
        let say = |language| Catalogue::new(language).render(&msg!("no-such-language", text));
        format!("{} / {}", say(Language::En), say(Language::Fr))
    })
}

/// `--base-url` is checked with the command line, so that a wrong one exits with 2.
/// Its message is in the language the command line asks for (clap's parsers are plain
/// functions, so the arguments are read again).
fn base_url(text: &str) -> Result<String, String> {
    bilan::normalise_base_url(text).map_err(|message| {
        let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
        Catalogue::new(help::choose_language(&args)).render(&message)
    })
}

/// `--date` of `new report`, its message in the language the command line asks for.
fn parse_date(text: &str) -> Result<NaiveDate, String> {
    bilan::parse_date(text).map_err(|message| said_by_command_line(&message))
}

/// `--allow-host` of `serve`, its message in the language the command line asks for.
fn allowed_host(text: &str) -> Result<String, String> {
    bilan::allowed_host(text).map_err(|message| said_by_command_line(&message))
}

/// A message of a parser of the command line, in the language the command line asks for.
fn said_by_command_line(message: &Message) -> String {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    Catalogue::new(help::choose_language(&args)).render(message)
}

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let say = Catalogue::new(help::choose_language(&args));
    let matches = match help::command(&say).try_get_matches_from(&args) {
        Ok(matches) => matches,
        Err(error) => help::exit(error, &say),
    };
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(error) => help::exit(error, &say),
    };
    match cli.command {
        Command::Build(args) => build(args, &say),
        Command::Check(args) => check(args, &say),
        Command::Serve(args) => serve(args, &say),
        Command::New(New::Report {
            title,
            date,
            from,
            root,
        }) => new_report(&root, &title, date, from.as_deref(), &say),
        Command::New(New::Site {
            dir,
            title,
            language,
            reports_path,
        }) => new_site(
            bilan::NewSite {
                dir,
                title,
                language,
                reports_path,
                date: bilan::today(),
            },
            &say,
        ),
    }
}

fn new_site(asked: bilan::NewSite, say: &Catalogue) -> ExitCode {
    match bilan::new_site(&asked) {
        Ok(_) => {
            let dir = asked.dir.display().to_string();
            let guide = match asked.language {
                Language::Fr => "LISEZMOI.md",
                Language::En => "README.md",
            };
            println!("{}", say.render(&msg!("site-made", dir = &dir, guide)));
            println!("{}", say.render(&msg!("site-made-next", dir)));
            ExitCode::SUCCESS
        }
        Err(problem) => {
            print_problems(&problem.into(), say);
            ExitCode::from(1)
        }
    }
}

fn build(args: BuildArgs, say: &Catalogue) -> ExitCode {
    let options = BuildOptions {
        root: args.root,
        output: args.output,
        load: LoadOptions {
            drafts: args.drafts,
            base_url: args.base_url,
        },
    };
    let out_dir = options.output_dir();
    let output = out_dir.display().to_string();
    let progress = Bar::new(say);
    let result = bilan::build(&options, &progress);
    progress.0.finish_and_clear();
    match result {
        Ok(summary) => {
            for note in &summary.notes {
                println!("{}", say.render(&msg!("note", note = note.clone())));
            }
            println!(
                "{}",
                say.render(&msg!(
                    "built",
                    ms = summary.elapsed.as_millis() as u64,
                    counts = describe(summary.counts),
                    files = summary.files,
                    output,
                ))
            );
            ExitCode::SUCCESS
        }
        Err(Failure::Problems(problems)) => {
            print_problems(&problems, say);
            let failed = msg!("build-failed", count = problems.len(), output);
            eprintln!("{}", say.render(&msg!("error", message = failed)));
            ExitCode::from(1)
        }
        Err(Failure::Internal(error)) => {
            // Where the previous site is, then why.
            let message = match error.downcast_ref::<bilan::PreviousAside>() {
                Some(aside) => msg!(
                    "error-cause",
                    message = aside.message(),
                    cause = bilan::explain_causes(
                        error
                            .chain()
                            .filter(|cause| !cause.is::<bilan::PreviousAside>())
                    )
                ),
                None => bilan::explain(&error),
            };
            eprintln!("{}", say.render(&msg!("error", message)));
            let then = match error.downcast_ref::<bilan::PreviousAside>() {
                Some(aside) => msg!("build-missing", output, aside = aside.0.display()),
                None => msg!("build-nothing-replaced", output),
            };
            eprintln!("{}", say.render(&then));
            ExitCode::from(1)
        }
    }
}

fn check(args: CheckArgs, say: &Catalogue) -> ExitCode {
    let started = Instant::now();
    match bilan::check(&args.root, args.drafts) {
        Ok(checked) => {
            let counts = describe(checked.counts);
            let ms = started.elapsed().as_millis() as u64;
            let ok = match checked.drafts {
                0 => msg!("checked", counts, ms),
                drafts => msg!("checked-drafts", counts, drafts, ms),
            };
            println!("{}", say.render(&ok));
            ExitCode::SUCCESS
        }
        Err(problems) => {
            print_problems(&problems, say);
            let found = msg!("problems-found", count = problems.len());
            eprintln!("{}", say.render(&msg!("error", message = found)));
            ExitCode::from(1)
        }
    }
}

/// A progress bar on the terminal for a long build; nothing for a short one, nor when the
/// output is not a terminal.
struct Bar(indicatif::ProgressBar, String);

impl Bar {
    fn new(say: &Catalogue) -> Self {
        Bar(indicatif::ProgressBar::hidden(), say.say("progress"))
    }
}

impl Progress for Bar {
    fn start(&self, pages: usize) {
        if pages < 200 || !std::io::stderr().is_terminal() {
            self.0
                .set_draw_target(indicatif::ProgressDrawTarget::hidden());
            return;
        }
        self.0
            .set_draw_target(indicatif::ProgressDrawTarget::stderr());
        self.0.set_length(pages as u64);
        if let Ok(style) = indicatif::ProgressStyle::with_template(&self.1) {
            self.0.set_style(style);
        }
    }

    fn page_done(&self) {
        self.0.inc(1);
    }
}

/// Prints what happens while serving.
struct Terminal<'a>(&'a Catalogue);

impl Reporter for Terminal<'_> {
    fn listening(&mut self, url: &str) {
        println!("{}", self.0.render(&msg!("serving", url)));
    }

    fn warning(&mut self, message: &Message) {
        eprintln!(
            "{}",
            self.0.render(&msg!("warning", message = message.clone()))
        );
    }

    fn built(&mut self, counts: Counts, drawn: usize, elapsed: Duration) {
        let pages = counts.pages;
        let counts = describe(counts);
        let ms = elapsed.as_millis() as u64;
        // After the first build, say how little had to be drawn again.
        let built = if drawn < pages.saturating_sub(3) {
            msg!("served-built-kept", ms, counts, drawn)
        } else {
            msg!("served-built", ms, counts)
        };
        println!("{}", self.0.render(&built));
    }

    fn failed(&mut self, problems: &Problems) {
        print_problems(problems, self.0);
        let failed = msg!("serve-failed", count = problems.len());
        eprintln!("{}", self.0.render(&msg!("error", message = failed)));
    }
}

fn serve(args: ServeArgs, say: &Catalogue) -> ExitCode {
    let options = ServeOptions {
        root: args.root,
        bind: args.bind,
        port: args.port,
        allowed_hosts: args.allow_host,
        load: LoadOptions {
            drafts: !args.no_drafts,
            base_url: None,
        },
        language: say.language(),
    };
    match bilan::serve(&options, &mut Terminal(say)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!(
                "{}",
                say.render(&msg!("error", message = bilan::explain(&error)))
            );
            ExitCode::from(1)
        }
    }
}

fn new_report(
    root: &Path,
    title: &str,
    date: Option<NaiveDate>,
    from: Option<&str>,
    say: &Catalogue,
) -> ExitCode {
    let date = date.unwrap_or_else(bilan::today);
    match bilan::new_report(root, title, date, from) {
        Ok(made) => {
            let note = made.note.display();
            println!("{}", say.render(&msg!("report-made", note)));
            if let Some(from) = &made.from {
                println!("{}", say.render(&msg!("report-made-from", from)));
            }
            if let Some(data_from) = &made.data_from {
                let copied = made.copied.join(", ");
                println!(
                    "{}",
                    say.render(&msg!("report-made-data", data_from, copied))
                );
            }
            println!("{}", say.say("report-made-draft"));
            ExitCode::SUCCESS
        }
        Err(problem) => {
            print_problems(&problem.into(), say);
            ExitCode::from(1)
        }
    }
}

fn print_problems(problems: &Problems, say: &Catalogue) {
    let mut stderr = std::io::stderr().lock();
    let styled = stderr.is_terminal() && std::env::var_os("NO_COLOR").is_none();
    for problem in problems.iter() {
        let _ = writeln!(stderr, "{}", problem.render(say, styled));
    }
}

/// "3 pages, 1 table, 2 charts".
fn describe(counts: Counts) -> Message {
    msg!(
        "counts",
        pages = counts.pages,
        tables = counts.tables,
        charts = counts.charts
    )
}
