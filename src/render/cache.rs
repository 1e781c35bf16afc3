//! What rendering keeps from one build to the next, for `serve`: the pieces of a site by a
//! hash of everything each is made from, so that a rebuild makes again only those whose
//! sources changed.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use tera::Context;

use super::context::ReportLink;
use super::document::Body;
use super::{Content, OutputFile};
use crate::html::Page;
use crate::pdf::{Deferred, Maker};
use crate::problem::Problem;

/// What rendering keeps from one build to the next (`serve` holds one), by a hash of
/// everything each piece is made from:
/// - the body of each document: its Markdown with tables and charts drawn, its CSVs, its
///   preview picture. A rebuild draws again only the bodies whose sources changed: the note
///   edited, and the notes whose charts follow its datasets across reports;
/// - the page around each body, which also depends on the templates, the note's neighbours
///   and the list of every report (which any template may show);
/// - the PDF of each report, made only when it is asked for, by the same key as its page;
/// - the preview picture of each report, by what it shows (`preview::key`): an edit of a
///   note's text that leaves its title, date, summary and first chart alone keeps it;
/// - the context of every page, by what every page is made from;
/// - the feed and the sitemap, by what every page is made from, the texts of the reports in
///   the feed and the list of pages: an edit of an older note keeps them.
#[derive(Debug, Default)]
pub struct Cache {
    bodies: Store<Body>,
    pages: Store<Page>,
    pdfs: Store<Deferred>,
    previews: Store<Vec<u8>>,
    feeds: Store<Vec<OutputFile>>,
    bases: Store<Context>,
    drawn: AtomicUsize,
    /// What PDFs are made with, kept from build to build with what typst computed.
    pub(super) maker: Arc<Maker>,
}

impl Cache {
    /// How many bodies the last build drew, rather than took from the cache.
    pub fn drawn(&self) -> usize {
        self.drawn.load(Ordering::Relaxed)
    }
}

/// Pieces of a build, by the hash of their sources.
#[derive(Debug)]
struct Store<T>(Mutex<HashMap<u64, Arc<T>>>);

impl<T> Default for Store<T> {
    fn default() -> Self {
        Store(Mutex::default())
    }
}

/// The pieces of one kind in one build: those of the last build, to take from, and those of
/// this one, which the store keeps when the build is over.
#[derive(Debug)]
struct Kept<'c, T> {
    store: &'c Store<T>,
    previous: HashMap<u64, Arc<T>>,
    kept: Mutex<HashMap<u64, Arc<T>>>,
}

impl<'c, T> Kept<'c, T> {
    fn new(store: &'c Store<T>) -> Self {
        let previous = std::mem::take(&mut *store.0.lock().unwrap_or_else(|e| e.into_inner()));
        Kept {
            store,
            previous,
            kept: Mutex::default(),
        }
    }

    /// The piece whose sources hash to `key`: the last build's, or else the one `make`
    /// makes.
    fn get_or_make<E>(&self, key: u64, make: impl FnOnce() -> Result<T, E>) -> Result<Arc<T>, E> {
        let piece = match self.previous.get(&key) {
            Some(piece) => Arc::clone(piece),
            None => Arc::new(make()?),
        };
        let mut kept = self.kept.lock().unwrap_or_else(|e| e.into_inner());
        kept.insert(key, Arc::clone(&piece));
        Ok(piece)
    }
}

impl<T> Drop for Kept<'_, T> {
    /// Whatever way the build ends, the store keeps the pieces it used, and only those.
    fn drop(&mut self) {
        let kept = std::mem::take(self.kept.get_mut().unwrap_or_else(|e| e.into_inner()));
        *self.store.0.lock().unwrap_or_else(|e| e.into_inner()) = kept;
    }
}

/// A build's use of a `Cache`.
#[derive(Debug)]
pub(super) struct Caching<'c> {
    bodies: Kept<'c, Body>,
    pages: Kept<'c, Page>,
    pdfs: Kept<'c, Deferred>,
    previews: Kept<'c, Vec<u8>>,
    feeds: Kept<'c, Vec<OutputFile>>,
    bases: Kept<'c, Context>,
    drawn: &'c AtomicUsize,
    /// What pages are made from beside their own document (`Renderer::new`).
    pages_key: u64,
}

impl<'c> Caching<'c> {
    /// The use of `cache` by one build, whose pages are all made from what hashes to
    /// `pages_key` beside their own document.
    pub(super) fn new(cache: &'c Cache, pages_key: u64) -> Self {
        cache.drawn.store(0, Ordering::Relaxed);
        Caching {
            bodies: Kept::new(&cache.bodies),
            pages: Kept::new(&cache.pages),
            pdfs: Kept::new(&cache.pdfs),
            previews: Kept::new(&cache.previews),
            feeds: Kept::new(&cache.feeds),
            bases: Kept::new(&cache.bases),
            drawn: &cache.drawn,
            pages_key,
        }
    }

    /// The body whose sources hash to `key`: the last build's, or else drawn by `draw`.
    pub(super) fn body(&self, key: u64, draw: impl FnOnce() -> Body) -> Arc<Body> {
        let Ok(body) = self.bodies.get_or_make(key, || {
            self.drawn.fetch_add(1, Ordering::Relaxed);
            Ok::<_, std::convert::Infallible>(draw())
        });
        body
    }

    /// The preview picture whose inputs hash to `key`: the last build's, or else drawn by
    /// `draw`.
    pub(super) fn preview(&self, key: u64, draw: impl FnOnce() -> Vec<u8>) -> Arc<Vec<u8>> {
        let Ok(picture) = self
            .previews
            .get_or_make(key, || Ok::<_, std::convert::Infallible>(draw()));
        picture
    }

    /// The hash of what a page is made from: its body, its place, its neighbours, and what
    /// every page is made from (`pages_key`).
    pub(super) fn page_key(
        &self,
        body_key: u64,
        path: &str,
        previous: Option<&ReportLink>,
        next: Option<&ReportLink>,
    ) -> u64 {
        let mut hasher = DefaultHasher::new();
        (self.pages_key, body_key, path, previous, next).hash(&mut hasher);
        hasher.finish()
    }

    /// The page whose sources hash to `key`: the last build's, or else the one `make` makes.
    pub(super) fn page(
        &self,
        key: u64,
        make: impl FnOnce() -> Result<Vec<u8>, Problem>,
    ) -> Result<Arc<Page>, Problem> {
        self.pages.get_or_make(key, || make().map(Page::new))
    }

    /// The context every page starts from, made by `make` from nothing but what every
    /// page is made from.
    pub(super) fn base(
        &self,
        make: impl FnOnce() -> Result<Context, Problem>,
    ) -> Result<Context, Problem> {
        let base = self.bases.get_or_make(self.pages_key, make)?;
        Ok(Context::clone(&base))
    }

    /// The feed and the sitemap, made again only when what every page is made from, the
    /// texts of the reports in the feed or the list of pages changed: `make` makes them,
    /// and their bytes are kept shared.
    pub(super) fn feeds(
        &self,
        contents: &[String],
        pages: &[String],
        make: impl FnOnce() -> Result<Vec<OutputFile>, Problem>,
    ) -> Result<Vec<OutputFile>, Problem> {
        let mut hasher = DefaultHasher::new();
        (self.pages_key, contents, pages).hash(&mut hasher);
        let files = self.feeds.get_or_make(hasher.finish(), || {
            let mut files = make()?;
            for file in &mut files {
                if let Content::Bytes(bytes) = &mut file.content {
                    file.content = Content::Shared(Arc::new(std::mem::take(bytes)));
                }
            }
            Ok(files)
        })?;
        Ok(files.to_vec())
    }

    /// The PDF of the page whose sources hash to `key`: the last build's (made already if
    /// its link was followed), or else the one `make` prepares.
    pub(super) fn pdf(
        &self,
        key: u64,
        make: impl FnOnce() -> Result<Deferred, Problem>,
    ) -> Result<Arc<Deferred>, Problem> {
        self.pdfs.get_or_make(key, make)
    }
}
