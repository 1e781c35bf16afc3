//! `bilan serve`: builds the site, serves it on the loopback address, watches `content/` and
//! `themes/`, and on every change rebuilds and reloads the open tab.
//!
//! The site is served from memory, as rendered: `output/` is not touched, so drafts and
//! half-finished edits never land in the folder that gets uploaded. A broken edit keeps the
//! last good site served, with the problems shown over the page and in the terminal.

mod http;

use std::collections::HashMap;
use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::{Context as _, bail};
use notify::{RecursiveMode, Watcher};

use crate::content::LoadOptions;
use crate::content::files::is_hidden;
use crate::problem::Problems;
use crate::render::{Content, Counts};

/// What `bilan serve` is asked to do.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub root: PathBuf,
    pub bind: IpAddr,
    /// The first port tried; the next free one is taken if it is in use.
    pub port: u16,
    pub load: LoadOptions,
}

/// What happens while serving, for the terminal.
pub trait Reporter {
    fn listening(&mut self, url: &str);
    fn built(&mut self, counts: Counts, elapsed: Duration);
    fn failed(&mut self, problems: &Problems);
}

/// The last good site, and the problems of the last build if it failed.
#[derive(Debug, Default)]
struct State {
    files: HashMap<String, Content>,
    problems: Option<String>,
    problems_title: String,
}

/// The open tabs, each waiting for the next rebuild.
type Subscribers = Arc<Mutex<Vec<Sender<u64>>>>;

/// How long a burst of saves may last before the site is rebuilt once for all of them.
const QUIET: Duration = Duration::from_millis(80);

/// Serves the site until the process is stopped.
pub fn serve(options: &ServeOptions, reporter: &mut dyn Reporter) -> anyhow::Result<()> {
    let state = Arc::new(Mutex::new(State::default()));
    let subscribers: Subscribers = Arc::default();
    let mut version = 0;
    rebuild(options, &state, &subscribers, &mut version, reporter);

    let (server, port) = listen(options.bind, options.port)?;
    let host = match options.bind {
        IpAddr::V6(address) => format!("[{address}]"),
        IpAddr::V4(address) => address.to_string(),
    };
    reporter.listening(&format!("http://{host}:{port}/"));
    {
        let state = Arc::clone(&state);
        let subscribers = Arc::clone(&subscribers);
        std::thread::spawn(move || {
            for request in server.incoming_requests() {
                let state = Arc::clone(&state);
                let subscribers = Arc::clone(&subscribers);
                std::thread::spawn(move || http::answer(request, &state, &subscribers));
            }
        });
    }

    let (sender, changes) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |event| {
        let _ = sender.send(event);
    })
    .context("starting to watch the site's files")?;
    let mut watched = 0;
    for dir in ["content", "themes"] {
        let path = options.root.join(dir);
        if path.is_dir() {
            watcher
                .watch(&path, RecursiveMode::Recursive)
                .with_context(|| format!("watching `{}`", path.display()))?;
            watched += 1;
        }
    }
    if watched == 0 {
        watcher
            .watch(&options.root, RecursiveMode::NonRecursive)
            .with_context(|| format!("watching `{}`", options.root.display()))?;
    }

    while wait_for_change(&changes) {
        rebuild(options, &state, &subscribers, &mut version, reporter);
    }
    Ok(())
}

/// Binds the first free port from `port` on.
fn listen(bind: IpAddr, port: u16) -> anyhow::Result<(tiny_http::Server, u16)> {
    for candidate in port..=port.saturating_add(20) {
        if let Ok(server) = tiny_http::Server::http((bind, candidate)) {
            let port = server
                .server_addr()
                .to_ip()
                .map_or(candidate, |address| address.port());
            return Ok((server, port));
        }
    }
    bail!(
        "no free port between {port} and {} on {bind}",
        port.saturating_add(20)
    )
}

/// Waits for a change that matters, then for the burst of changes to end. Returns `false`
/// when the watcher is gone.
fn wait_for_change(changes: &Receiver<notify::Result<notify::Event>>) -> bool {
    loop {
        let Ok(event) = changes.recv() else {
            return false;
        };
        if !matters(&event) {
            continue;
        }
        while changes.recv_timeout(QUIET).is_ok() {}
        return true;
    }
}

/// A change to a file of the site, not an editor's swap or backup file, nor a mere read.
fn matters(event: &notify::Result<notify::Event>) -> bool {
    let Ok(event) = event else { return true };
    if event.kind.is_access() {
        return false;
    }
    event.paths.iter().any(|path: &PathBuf| {
        path.file_name()
            .map(|name| name.to_string_lossy())
            .is_some_and(|name| {
                !is_hidden(&name) && !name.ends_with(".swp") && !name.ends_with(".tmp")
            })
    })
}

/// Builds the site in memory; on success it replaces the site served, on failure the last
/// good one stays with the problems over it. Either way the open tabs reload.
fn rebuild(
    options: &ServeOptions,
    state: &Mutex<State>,
    subscribers: &Subscribers,
    version: &mut u64,
    reporter: &mut dyn Reporter,
) {
    let started = Instant::now();
    let result = build_in_memory(&options.root, &options.load);
    if let Ok(mut state) = state.lock() {
        match result {
            Ok((files, counts)) => {
                state.files = files;
                state.problems = None;
                reporter.built(counts, started.elapsed());
            }
            Err(problems) => {
                state.problems = Some(problems.to_string());
                state.problems_title = format!(
                    "bilan: {} — the page shows the last good version",
                    if problems.len() == 1 {
                        "1 problem".to_owned()
                    } else {
                        format!("{} problems", problems.len())
                    }
                );
                reporter.failed(&problems);
            }
        }
    }
    *version += 1;
    if let Ok(mut list) = subscribers.lock() {
        list.retain(|tab| tab.send(*version).is_ok());
    }
}

fn build_in_memory(
    root: &Path,
    options: &LoadOptions,
) -> Result<(HashMap<String, Content>, Counts), Problems> {
    let site = crate::load(root, options)?;
    let rendered = crate::render_checked(&site, &())?;
    let counts = rendered.counts;
    let files = rendered
        .files
        .into_iter()
        .map(|file| (file.path, file.content))
        .collect();
    Ok((files, counts))
}
