//! The PDF of a note: its Typst markup (made by `render` from the theme's `report.typ`),
//! its virtual files, and the typst compiler run over them in-process.
//!
//! Built only with the `pdf` feature (on by default). Without it, `pdf: true` in
//! `site.yaml` is refused when the settings are read (`config`), so `make` is never asked.

pub mod markup;
#[cfg(feature = "pdf")]
mod world;

use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::{Arc, OnceLock};

use crate::message::Message;

/// What one note's PDF is made from.
#[derive(Debug, Clone, Hash)]
pub struct Source {
    /// The whole Typst document, template and body.
    pub markup: String,
    /// Virtual files the markup names: `/chart-1.svg`, `/image-1.png`.
    pub files: Vec<(String, Vec<u8>)>,
    /// The note's date: the document's date, never the build's.
    pub date: Option<chrono::NaiveDate>,
    /// A name that stays the note's from build to build (its address), for the PDF's id.
    pub ident: String,
}

/// The fingerprint of the code that makes PDFs (`build.rs`).
const CODE: u64 = include!(concat!(env!("OUT_DIR"), "/pdf_code.rs"));

impl Source {
    /// A hash of everything the PDF is made from, with a fingerprint of the code that makes
    /// it (`build.rs`: `src/pdf/` and the versions of typst and the fonts): the same key,
    /// the same bytes.
    pub fn key(&self) -> u64 {
        let mut hasher = DefaultHasher::new();
        CODE.hash(&mut hasher);
        self.hash(&mut hasher);
        hasher.finish()
    }
}

/// The stack of the threads typst runs on (the 2 MiB of a rayon thread is too little).
#[cfg(feature = "pdf")]
const STACK: usize = 64 * 1024 * 1024;

/// Makes PDFs: the typst library and the fonts, prepared once and shared by every note, and
/// the threads typst runs on.
pub struct Maker {
    #[cfg(feature = "pdf")]
    tools: Arc<world::Tools>,
    /// typst recurses deeply (a note of the bench corpus overflows the 2 MiB stack of a
    /// rayon thread in a release build), so it runs on threads with a large stack: a rayon
    /// pool of its own, since typst itself works in parallel with rayon, and its parallel
    /// work must find threads that are not all waiting for a PDF. None when the pool could
    /// not be started: `make` says so.
    #[cfg(feature = "pdf")]
    pool: Option<rayon::ThreadPool>,
}

impl std::fmt::Debug for Maker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("pdf::Maker")
    }
}

impl Maker {
    pub fn new() -> Maker {
        Maker {
            #[cfg(feature = "pdf")]
            tools: Arc::new(world::Tools::new()),
            #[cfg(feature = "pdf")]
            pool: rayon::ThreadPoolBuilder::new()
                .thread_name(|index| format!("bilan-pdf-{index}"))
                .stack_size(STACK)
                .build()
                .ok(),
        }
    }

    /// The PDF of `source`, or what typst found wrong with it.
    ///
    /// The calling thread (a rendering thread) blocks until the PDF is made. It must not wait
    /// the rayon way (`install`, `scope`), which has it take up more of its own pool's work
    /// meanwhile: it would start the next note, wait for that one's PDF, start another, and
    /// hold every note of the site in memory at once, one inside the other on its stack.
    #[cfg(feature = "pdf")]
    pub fn make(&self, source: &Source) -> Result<Vec<u8>, Message> {
        let pool = self.pool.as_ref().ok_or_else(|| msg!("pdf-no-threads"))?;
        let (sender, made) = std::sync::mpsc::sync_channel(1);
        let tools = Arc::clone(&self.tools);
        let source = source.clone();
        pool.spawn(move || {
            // A panic of typst on this note is this note's problem, not the end of the build.
            let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                make_here(&tools, &source)
            }))
            .unwrap_or_else(|_| Err(msg!("pdf-typst-stopped")));
            let _ = sender.send(result);
        });
        made.recv()
            .unwrap_or_else(|_| Err(msg!("pdf-typst-stopped")))
    }

    #[cfg(not(feature = "pdf"))]
    pub fn make(&self, _source: &Source) -> Result<Vec<u8>, Message> {
        Err(msg!("pdf-not-built-in"))
    }
}

/// The PDF of `source`, made on the thread that calls it.
#[cfg(feature = "pdf")]
fn make_here(tools: &world::Tools, source: &Source) -> Result<Vec<u8>, Message> {
    use typst::foundations::Smart;
    use typst_pdf::{PdfOptions, PdfStandard, PdfStandards};

    let world = world::NoteWorld::new(tools, source.markup.clone(), &source.files, source.date)
        .ok_or_else(|| msg!("pdf-invalid-name"))?;
    let made = typst::compile::<typst_layout::PagedDocument>(&world);
    let result = made
        .output
        .map_err(|errors| diagnostics(&errors[..]))
        .and_then(|document| {
            // PDF/UA-1 (tagged, accessible) with PDF/A-2a (archivable): typst checks both
            // as it writes, and refuses a document that breaks either.
            let standards = PdfStandards::new(&[PdfStandard::Ua_1, PdfStandard::A_2a])
                .map_err(|error| Message::raw(error.message().to_string()))?;
            let options = PdfOptions {
                ident: Smart::Custom(source.ident.clone()),
                creator: Smart::Custom(Some(format!("bilan {}", env!("CARGO_PKG_VERSION")))),
                standards,
                ..PdfOptions::default()
            };
            typst_pdf::pdf(&document, &options).map_err(|errors| diagnostics(&errors))
        });
    // typst keeps what it computed for reuse by the next note; what the last few notes
    // did not use is dropped, so that a build of thousands of notes keeps its memory.
    typst::comemo::evict(4);
    result
}

impl Default for Maker {
    fn default() -> Self {
        Maker::new()
    }
}

#[cfg(feature = "pdf")]
fn diagnostics(errors: &[typst::diag::SourceDiagnostic]) -> Message {
    let text = errors
        .iter()
        .map(|error| {
            let hints: String = error
                .hints
                .iter()
                .map(|hint| format!(" ({})", hint.v))
                .collect();
            format!("{}{hints}", error.message)
        })
        .collect::<Vec<_>>()
        .join("; ");
    // typst's own words, as it gives them.
    Message::raw(text)
}

/// A PDF made when it is first asked for (`serve` makes a note's PDF when its link is
/// followed, not at every save), then kept.
#[derive(Debug)]
pub struct Deferred {
    source: Source,
    maker: Arc<Maker>,
    made: OnceLock<Result<Arc<Vec<u8>>, Message>>,
}

impl Deferred {
    pub fn new(source: Source, maker: Arc<Maker>) -> Deferred {
        Deferred {
            source,
            maker,
            made: OnceLock::new(),
        }
    }

    /// The PDF's bytes, made now if they were not yet.
    pub fn bytes(&self) -> Result<Arc<Vec<u8>>, Message> {
        self.made
            .get_or_init(|| self.maker.make(&self.source).map(Arc::new))
            .clone()
    }

    /// The size of the PDF, once it is made.
    pub fn size(&self) -> Option<u64> {
        match self.made.get() {
            Some(Ok(bytes)) => Some(bytes.len() as u64),
            _ => None,
        }
    }
}
