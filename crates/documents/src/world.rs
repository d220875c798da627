//! The typst World every document is compiled in: its sources in memory (the
//! crate's `templates/*.typ`), the fonts typst bundles and nothing else,
//! `today()` the document's own date (never the clock), and the data as the
//! virtual file `data.json`, read by the source with `json("data.json")`, so
//! that no value is ever pasted into markup.

use std::collections::HashMap;
use std::sync::LazyLock;

use jiff::civil::Date;
use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

/// The shared part of every document's source: the page (header with the
/// case number, footer with "Page N of M"), the title block and the notice.
pub(crate) const COMMON: (&str, &str) = ("refuge.typ", include_str!("../templates/refuge.typ"));

/// The fonts bundled with typst (Libertinus Serif, New Computer Modern,
/// DejaVu Sans Mono), parsed once for the life of the process.
static FONTS: LazyLock<(LazyHash<FontBook>, Vec<Font>)> = LazyLock::new(|| {
    let fonts: Vec<Font> = typst_assets::fonts()
        .flat_map(|data| Font::iter(Bytes::new(data)))
        .collect();
    (LazyHash::new(FontBook::from_fonts(&fonts)), fonts)
});

static LIBRARY: LazyLock<LazyHash<Library>> = LazyLock::new(|| LazyHash::new(Library::default()));

/// A path of the document's virtual project (`/data.json`).
pub(crate) fn file_id(path: &str) -> FileId {
    let vpath = VirtualPath::new(path).expect("the crate's own file names are valid paths");
    RootedPath::new(VirtualRoot::Project, vpath).intern()
}

/// One document to compile.
pub(crate) struct DocWorld {
    main: FileId,
    sources: HashMap<FileId, Source>,
    files: HashMap<FileId, Bytes>,
    today: Option<Datetime>,
}

impl DocWorld {
    /// A document whose main source is `main` (name and text), with the
    /// common source beside it, `data` as `data.json`, and `today` as the date
    /// typst's `datetime.today()` gives.
    pub(crate) fn new(main: (&str, &str), data: Vec<u8>, today: Date) -> DocWorld {
        let mut sources = HashMap::new();
        for (name, text) in [main, COMMON] {
            let id = file_id(&format!("/{name}"));
            sources.insert(id, Source::new(id, text.to_string()));
        }
        let mut files = HashMap::new();
        files.insert(file_id("/data.json"), Bytes::new(data));
        DocWorld {
            main: file_id(&format!("/{}", main.0)),
            sources,
            files,
            today: Datetime::from_ymd(
                i32::from(today.year()),
                today.month() as u8,
                today.day() as u8,
            ),
        }
    }

    /// Adds a file the source may read (`image("/exhibits/3.pdf")`).
    pub(crate) fn with_file(mut self, path: &str, data: Bytes) -> DocWorld {
        self.files.insert(file_id(path), data);
        self
    }
}

impl World for DocWorld {
    fn library(&self) -> &LazyHash<Library> {
        &LIBRARY
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &FONTS.0
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        self.sources.get(&id).cloned().ok_or_else(|| not_found(id))
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if let Some(source) = self.sources.get(&id) {
            return Ok(Bytes::from_string(source.text().to_string()));
        }
        self.files.get(&id).cloned().ok_or_else(|| not_found(id))
    }

    fn font(&self, index: usize) -> Option<Font> {
        FONTS.1.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        self.today
    }
}

fn not_found(id: FileId) -> FileError {
    FileError::NotFound(id.get().vpath().get_with_slash().into())
}
