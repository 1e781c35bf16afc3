//! The `bilan` command: parses the command line, calls the library, reports the outcome.

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::io::{IsTerminal, Write};
use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};

use bilan::{
    BuildOptions, Counts, Failure, LoadOptions, Problems, Progress, Reporter, ServeOptions,
};

#[derive(Parser)]
#[command(
    name = "bilan",
    version,
    about = "Builds a website of reports, tables and charts from Markdown notes and YAML figures."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
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
    #[arg(long = "allow-host", value_name = "NAME", value_parser = bilan::allowed_host)]
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
        #[arg(long, value_name = "DATE", value_parser = bilan::parse_date)]
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
        language: bilan::Language,
        /// The URL folder of the reports [default: rapports / reports].
        #[arg(long, value_name = "FOLDER")]
        reports_path: Option<String>,
    },
}

fn language(text: &str) -> Result<bilan::Language, String> {
    match text {
        "fr" => Ok(bilan::Language::Fr),
        "en" => Ok(bilan::Language::En),
        other => Err(format!(
            "`{other}` is not a language of bilan: give fr or en"
        )),
    }
}

/// `--base-url` is checked with the command line, so that a wrong one exits with 2.
fn base_url(text: &str) -> Result<String, String> {
    bilan::normalise_base_url(text)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build(args) => build(args),
        Command::Check(args) => check(args),
        Command::Serve(args) => serve(args),
        Command::New(New::Report {
            title,
            date,
            from,
            root,
        }) => new_report(&root, &title, date, from.as_deref()),
        Command::New(New::Site {
            dir,
            title,
            language,
            reports_path,
        }) => new_site(bilan::NewSite {
            dir,
            title,
            language,
            reports_path,
            date: bilan::today(),
        }),
    }
}

fn new_site(asked: bilan::NewSite) -> ExitCode {
    match bilan::new_site(&asked) {
        Ok(_) => {
            let dir = asked.dir.display();
            match asked.language {
                bilan::Language::Fr => {
                    println!(
                        "site créé dans {dir}\u{A0}: ses réglages (content/site.yaml), une première note en brouillon et ses chiffres, et un guide (LISEZMOI.md)"
                    );
                    println!("pour le voir\u{A0}: cd {dir}, puis bilan serve");
                }
                bilan::Language::En => {
                    println!(
                        "site made in {dir}: its settings (content/site.yaml), a first note as a draft with its figures, and a guide (README.md)"
                    );
                    println!("to see it: cd {dir}, then bilan serve");
                }
            }
            ExitCode::SUCCESS
        }
        Err(problem) => {
            print_problems(&problem.into());
            ExitCode::from(1)
        }
    }
}

fn build(args: BuildArgs) -> ExitCode {
    let options = BuildOptions {
        root: args.root,
        output: args.output,
        load: LoadOptions {
            drafts: args.drafts,
            base_url: args.base_url,
        },
    };
    let out_dir = options.output_dir();
    let progress = Bar::default();
    let result = bilan::build(&options, &progress);
    progress.0.finish_and_clear();
    match result {
        Ok(summary) => {
            for note in &summary.notes {
                println!("note: {note}");
            }
            println!(
                "built in {} ms: {}, {} → {}",
                summary.elapsed.as_millis(),
                describe(summary.counts),
                plural(summary.files, "file"),
                out_dir.display()
            );
            ExitCode::SUCCESS
        }
        Err(Failure::Problems(problems)) => {
            print_problems(&problems);
            eprintln!(
                "error: {} found; nothing was written, `{}` is as it was",
                plural(problems.len(), "problem"),
                out_dir.display()
            );
            ExitCode::from(1)
        }
        Err(Failure::Internal(error)) => {
            eprintln!("error: {error:#}");
            match error.downcast_ref::<bilan::PreviousAside>() {
                Some(aside) => eprintln!(
                    "`{}` is missing: rename `{}` to `{}`, or build again",
                    out_dir.display(),
                    aside.0.display(),
                    out_dir.display()
                ),
                None => eprintln!("nothing was replaced: `{}` is as it was", out_dir.display()),
            }
            ExitCode::from(1)
        }
    }
}

fn check(args: CheckArgs) -> ExitCode {
    let started = Instant::now();
    match bilan::check(&args.root, args.drafts) {
        Ok(checked) => {
            let drafts = match checked.drafts {
                0 => String::new(),
                n => format!(" (and {} that the build leaves out)", plural(n, "draft")),
            };
            println!(
                "no problems: {}{drafts}, every link and figure checked in {} ms",
                describe(checked.counts),
                started.elapsed().as_millis()
            );
            ExitCode::SUCCESS
        }
        Err(problems) => {
            print_problems(&problems);
            eprintln!("error: {} found", plural(problems.len(), "problem"));
            ExitCode::from(1)
        }
    }
}

/// A progress bar on the terminal for a long build; nothing for a short one, nor when the
/// output is not a terminal.
struct Bar(indicatif::ProgressBar);

impl Default for Bar {
    fn default() -> Self {
        Bar(indicatif::ProgressBar::hidden())
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
        if let Ok(style) =
            indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} pages  {elapsed}")
        {
            self.0.set_style(style);
        }
    }

    fn page_done(&self) {
        self.0.inc(1);
    }
}

/// Prints what happens while serving.
struct Terminal;

impl Reporter for Terminal {
    fn listening(&mut self, url: &str) {
        println!("serving the site at {url} — it reloads on every change; Ctrl+C stops");
    }

    fn warning(&mut self, message: &str) {
        eprintln!("warning: {message}");
    }

    fn built(&mut self, counts: Counts, drawn: usize, elapsed: Duration) {
        // After the first build, say how little had to be drawn again.
        let kept = if drawn < counts.pages.saturating_sub(3) {
            format!(" ({} drawn again, the rest kept)", plural(drawn, "note"))
        } else {
            String::new()
        };
        println!(
            "built in {} ms: {}{kept}",
            elapsed.as_millis(),
            describe(counts)
        );
    }

    fn failed(&mut self, problems: &Problems) {
        print_problems(problems);
        eprintln!(
            "error: {} found; the last good version stays served",
            plural(problems.len(), "problem")
        );
    }
}

fn serve(args: ServeArgs) -> ExitCode {
    let options = ServeOptions {
        root: args.root,
        bind: args.bind,
        port: args.port,
        allowed_hosts: args.allow_host,
        load: LoadOptions {
            drafts: !args.no_drafts,
            base_url: None,
        },
    };
    match bilan::serve(&options, &mut Terminal) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::from(1)
        }
    }
}

fn new_report(root: &Path, title: &str, date: Option<NaiveDate>, from: Option<&str>) -> ExitCode {
    let date = date.unwrap_or_else(bilan::today);
    match bilan::new_report(root, title, date, from) {
        Ok(made) => {
            println!("created {} as a draft", made.note.display());
            if let Some(from) = &made.from {
                println!("with the headings, tables and charts of {from}");
            }
            if let Some(data_from) = &made.data_from {
                println!(
                    "with copies of the figures of {data_from}: {}",
                    made.copied.join(", ")
                );
            }
            println!(
                "it stays out of the site until you remove the line `draft: true` from its front matter"
            );
            ExitCode::SUCCESS
        }
        Err(problem) => {
            print_problems(&problem.into());
            ExitCode::from(1)
        }
    }
}

fn print_problems(problems: &Problems) {
    let mut stderr = std::io::stderr().lock();
    let styled = stderr.is_terminal() && std::env::var_os("NO_COLOR").is_none();
    for problem in problems.iter() {
        let _ = writeln!(stderr, "{}", problem.render(styled));
    }
}

fn describe(counts: Counts) -> String {
    format!(
        "{}, {}, {}",
        plural(counts.pages, "page"),
        plural(counts.tables, "table"),
        plural(counts.charts, "chart")
    )
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}
