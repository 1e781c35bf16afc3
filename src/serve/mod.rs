//! `bilan serve`: builds the site, serves it on the loopback address, watches `content/` and
//! `themes/`, and on every change rebuilds and reloads the open tab.
//!
//! The site is served from memory, as rendered: `output/` is not touched, so drafts and
//! half-finished edits never land in the folder that gets uploaded. A broken edit keeps the
//! last good site served, with the problems shown over the page and in the terminal.
//!
//! It answers only requests that call it by an IP address, `localhost` or a name given
//! with `--allow-host` (`host`), so that no other site can read the drafts through the
//! writer's browser.
//!
//! A rebuild is a whole build in memory, with its checks, but it reads again only the notes
//! whose files changed and draws again only the bodies whose sources changed (`Session`), so
//! that an edit to one note of a thousand is served back in a few tens of milliseconds.

mod host;
mod http;
mod watch;

use std::collections::HashMap;
use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Sender};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::bail;
use notify::{RecursiveMode, Watcher};

use crate::content::{LoadCache, LoadOptions};
use crate::locale::Language;
use crate::message::{Catalogue, Explain, Message};
use crate::problem::Problems;
use crate::render::{self, Content, Counts};

pub use self::host::allowed_host;

/// What `bilan serve` is asked to do.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub root: PathBuf,
    pub bind: IpAddr,
    /// The first port tried; the next free one is taken if it is in use.
    pub port: u16,
    /// The names, besides addresses and `localhost`, that requests may call the server by
    /// (`--allow-host`), as `allowed_host` gives them.
    pub allowed_hosts: Vec<String>,
    pub load: LoadOptions,
    /// The language of the problems shown over the page.
    pub language: Language,
}

/// What happens while serving, for the terminal.
pub trait Reporter {
    fn listening(&mut self, url: &str);
    /// Something the writer must know, said once.
    fn warning(&mut self, message: &Message);
    /// The site was built in `elapsed`, `drawn` of its notes and pages drawn anew.
    fn built(&mut self, counts: Counts, drawn: usize, elapsed: Duration);
    fn failed(&mut self, problems: &Problems);
}

/// The last good site, and the problems of the last build if it failed.
#[derive(Debug, Default)]
struct State {
    files: HashMap<String, Content>,
    problems: Option<String>,
    problems_title: String,
    /// The language of the site's messages, for the few the server writes itself.
    language: Language,
}

/// The open tabs, each waiting for the next rebuild.
type Subscribers = Arc<Mutex<Vec<Sender<u64>>>>;

/// A site built in memory and kept up to date with its files: each build reads again only
/// the notes told changed since the last one, and draws again only the bodies whose sources
/// changed. What it builds is what a build from scratch would.
#[derive(Debug)]
pub struct Session {
    root: PathBuf,
    /// The root as the watcher may name it: made absolute, and with its links resolved.
    root_forms: Vec<PathBuf>,
    options: LoadOptions,
    loaded: LoadCache,
    rendered: render::Cache,
}

/// A site built in memory.
#[derive(Debug)]
pub struct Built {
    /// Every file of the site, by its path in the output.
    pub files: HashMap<String, Content>,
    pub counts: Counts,
    /// How many notes and pages had their body drawn again, rather than kept.
    pub drawn: usize,
}

impl Session {
    pub fn new(root: &Path, options: &LoadOptions) -> Session {
        let named = if root.as_os_str().is_empty() {
            Path::new(".")
        } else {
            root
        };
        let root_forms = [std::path::absolute(named), named.canonicalize()]
            .into_iter()
            .flatten()
            .collect();
        Session {
            root: root.to_path_buf(),
            root_forms,
            options: options.clone(),
            loaded: LoadCache::keeping(),
            rendered: render::Cache::default(),
        }
    }

    /// Tells the session that `path` was written, created, removed or renamed. The path
    /// may be relative to the working folder or absolute, whatever form the root has; one
    /// that cannot be placed in the site makes the session read everything again.
    pub fn changed(&mut self, path: &Path) {
        let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        let inside = self
            .root_forms
            .iter()
            .find_map(|root| absolute.strip_prefix(root).ok());
        match inside {
            Some(inside) => self.loaded.forget(&self.root.join(inside)),
            None => self.changed_everything(),
        }
    }

    /// Tells the session that anything may have changed (the watcher lost track).
    pub fn changed_everything(&mut self) {
        self.loaded.clear();
    }

    /// Builds the site as it is now on disk, with every check of `bilan build`.
    pub fn build(&mut self) -> Result<Built, Problems> {
        let site = crate::load_with(&self.root, &self.options, &mut self.loaded)?;
        let rendered =
            crate::render_checked(&site, &(), Some(&self.rendered), &crate::render::Keep)?;
        let files = rendered
            .files
            .into_iter()
            .map(|file| (file.path, file.content))
            .collect();
        Ok(Built {
            files,
            counts: rendered.counts,
            drawn: self.rendered.drawn(),
        })
    }
}

/// Serves the site until the process is stopped.
pub fn serve(options: &ServeOptions, reporter: &mut dyn Reporter) -> anyhow::Result<()> {
    let state = Arc::new(Mutex::new(State::default()));
    let subscribers: Subscribers = Arc::default();
    let mut version = 0;
    let mut session = Session::new(&options.root, &options.load);
    let say = Catalogue::new(options.language);
    rebuild(
        &mut session,
        &state,
        &subscribers,
        &mut version,
        reporter,
        &say,
    );

    let (server, port) = listen(options.bind, options.port)?;
    let host = match options.bind {
        IpAddr::V6(address) => format!("[{address}]"),
        IpAddr::V4(address) => address.to_string(),
    };
    reporter.listening(&format!("http://{host}:{port}/"));
    if let Some(warning) = host::exposure_warning(options.bind, options.load.drafts) {
        reporter.warning(&warning);
    }
    {
        let state = Arc::clone(&state);
        let subscribers = Arc::clone(&subscribers);
        let allowed: Arc<[String]> = options.allowed_hosts.clone().into();
        std::thread::spawn(move || {
            for request in server.incoming_requests() {
                let state = Arc::clone(&state);
                let subscribers = Arc::clone(&subscribers);
                let allowed = Arc::clone(&allowed);
                std::thread::spawn(move || {
                    http::answer(request, &state, &subscribers, &allowed);
                });
            }
        });
    }

    let (sender, changes) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |event| {
        let _ = sender.send(event);
    })
    .said(|| msg!("serve-watch-start"))?;
    let mut watched = 0;
    for dir in ["content", "themes"] {
        let path = options.root.join(dir);
        if path.is_dir() {
            watcher
                .watch(&path, RecursiveMode::Recursive)
                .said(|| msg!("serve-watching", path = path.display()))?;
            watched += 1;
        }
    }
    if watched == 0 {
        watcher
            .watch(&options.root, RecursiveMode::NonRecursive)
            .said(|| msg!("serve-watching", path = options.root.display()))?;
    }

    while let Some(burst) = watch::wait_for_change(&changes) {
        for event in burst {
            match event {
                // bilan's own reading of the files.
                Ok(event) if event.kind.is_access() => {}
                Ok(event) if !event.need_rescan() => {
                    for path in &event.paths {
                        session.changed(path);
                    }
                }
                _ => session.changed_everything(),
            }
        }
        rebuild(
            &mut session,
            &state,
            &subscribers,
            &mut version,
            reporter,
            &say,
        );
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
    bail!(msg!(
        "serve-no-free-port",
        first = port.to_string(),
        last = port.saturating_add(20).to_string(),
        bind = bind.to_string()
    ))
}

/// Builds the site in memory; on success it replaces the site served, on failure the last
/// good one stays with the problems over it. Either way the open tabs reload.
fn rebuild(
    session: &mut Session,
    state: &Mutex<State>,
    subscribers: &Subscribers,
    version: &mut u64,
    reporter: &mut dyn Reporter,
    say: &Catalogue,
) {
    let started = Instant::now();
    let result = session.build();
    if let Ok(mut state) = state.lock() {
        state.language = say.language();
        match result {
            Ok(built) => {
                state.files = built.files;
                state.problems = None;
                reporter.built(built.counts, built.drawn, started.elapsed());
            }
            Err(problems) => {
                state.problems = Some(problems.render(say));
                state.problems_title =
                    say.render(&msg!("serve-page-title", count = problems.len()));
                reporter.failed(&problems);
            }
        }
    }
    *version += 1;
    if let Ok(mut list) = subscribers.lock() {
        list.retain(|tab| tab.send(*version).is_ok());
    }
}
