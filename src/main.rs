//! The `bilan` command: parses the command line, calls the library, reports the outcome.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use bilan::content::LoadOptions;
use bilan::{BuildOptions, Failure};

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
    #[arg(long, value_name = "URL")]
    base_url: Option<String>,
    /// Publish drafts too.
    #[arg(long)]
    drafts: bool,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build(args) => build(args),
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
    match bilan::build(&options) {
        Ok(summary) => {
            let counts = summary.counts;
            println!(
                "built in {} ms: {}, {}, {}, {} → {}",
                summary.elapsed.as_millis(),
                plural(counts.pages, "page"),
                plural(counts.tables, "table"),
                plural(counts.charts, "chart"),
                plural(summary.files, "file"),
                out_dir.display()
            );
            ExitCode::SUCCESS
        }
        Err(Failure::Problems(problems)) => {
            let mut stderr = std::io::stderr().lock();
            let styled = stderr.is_terminal();
            for problem in problems.iter() {
                let _ = writeln!(stderr, "{}", problem.render(styled));
            }
            let _ = writeln!(
                stderr,
                "error: {} found; nothing was written, `{}` is as it was",
                plural(problems.len(), "problem"),
                out_dir.display()
            );
            ExitCode::from(1)
        }
        Err(Failure::Internal(error)) => {
            eprintln!("error: {error:#}");
            eprintln!("nothing was replaced: `{}` is as it was", out_dir.display());
            ExitCode::from(1)
        }
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}
