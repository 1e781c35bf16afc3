//! The smallest `World` typst needs to make one note's PDF: the note's markup as its main
//! file, the chart drawings and pictures as virtual files, and the DejaVu fonts embedded in
//! the binary. Nothing is read from disk or the network; the date is the note's.
//!
//! Learnt from typst's own CLI (`crates/typst-cli/src/world.rs`), without its file
//! watching, packages and system fonts.

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

/// What every note's PDF is made with: the standard library and the fonts, made once per
/// build and shared by all the notes.
pub struct Tools {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

impl Tools {
    pub fn new() -> Tools {
        // Regular, bold, italic and bold italic of DejaVu Sans for the text, DejaVu Sans
        // Mono for code: the `dejavu` crate has them all.
        let faces: [&'static [u8]; 6] = [
            dejavu::sans::regular(),
            dejavu::sans::bold(),
            dejavu::sans::oblique(),
            dejavu::sans::bold_oblique(),
            dejavu::sans_mono::regular(),
            dejavu::sans_mono::bold(),
        ];
        let fonts: Vec<Font> = faces
            .into_iter()
            .flat_map(|bytes| Font::iter(Bytes::new(bytes)))
            .collect();
        Tools {
            library: LazyHash::new(Library::builder().build()),
            book: LazyHash::new(FontBook::from_fonts(&fonts)),
            fonts,
        }
    }
}

/// One note to typeset: its markup, its files, its date.
pub struct NoteWorld<'a> {
    tools: &'a Tools,
    main: Source,
    /// The virtual files: a chart's drawing (`/chart-1.svg`) or a picture (`/image-1.png`).
    files: Vec<(FileId, Bytes)>,
    date: Option<Datetime>,
}

/// The id of a virtual file. Ids are kept by typst for the whole run (at most 65,535), so
/// every note uses the same few names (`/main.typ`, `/chart-1.svg`…), never its own.
pub fn file_id(path: &str) -> Option<FileId> {
    let vpath = VirtualPath::new(path).ok()?;
    Some(RootedPath::new(VirtualRoot::Project, vpath).intern())
}

impl<'a> NoteWorld<'a> {
    pub fn new(
        tools: &'a Tools,
        markup: String,
        files: &[(String, Vec<u8>)],
        date: Option<chrono::NaiveDate>,
    ) -> Option<NoteWorld<'a>> {
        let main = Source::new(file_id("/main.typ")?, markup);
        let files = files
            .iter()
            .map(|(name, bytes)| Some((file_id(name)?, Bytes::new(bytes.clone()))))
            .collect::<Option<Vec<_>>>()?;
        let date = date.and_then(|date| {
            use chrono::Datelike;
            let month = u8::try_from(date.month()).ok()?;
            let day = u8::try_from(date.day()).ok()?;
            Datetime::from_ymd(date.year(), month, day)
        });
        Some(NoteWorld {
            tools,
            main,
            files,
            date,
        })
    }
}

impl World for NoteWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.tools.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.tools.book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::NotSource)
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.main.id() {
            return Ok(Bytes::from_string(self.main.clone()));
        }
        self.files
            .iter()
            .find(|(file, _)| *file == id)
            .map(|(_, bytes)| bytes.clone())
            .ok_or_else(|| FileError::NotFound(id.get().vpath().get_without_slash().into()))
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.tools.fonts.get(index).cloned()
    }

    /// The note's date: a PDF made today or next year is the same file.
    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        self.date
    }
}
