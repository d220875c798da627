//! The exhibit packet: one PDF with an index of exhibits (letter,
//! description, what it proves, the pages it takes in the packet), a tab
//! page before each exhibit, every page of an exhibit stamped "Exhibit C,
//! page 3 of 12" and every page of the packet numbered "Page N of M", images
//! placed as pages, and each translation right after its original with the
//! translator's certificate (the uploaded one, or a certificate to sign).
//! Laid out by `templates/packet.typ`.
//!
//! The files reach typst as virtual files of the document's World
//! (`/files/3.pdf`), never as markup; their pages are placed with typst's
//! `image(..., format: "pdf", page: n)`. [`inspect`] reads an upload's kind
//! from its first bytes (never its name) and counts a PDF's pages with the
//! parser typst itself uses (`hayro-syntax`), which also tells an encrypted
//! or broken PDF apart.

use std::sync::Arc;

use hayro_syntax::{LoadPdfError, Pdf};
use jiff::civil::Date;
use serde::Serialize;
use serde_json::{Value, json};
use typst::foundations::Bytes;

use crate::{DocError, DocOptions, Meta, compile, world};

const SOURCE: (&str, &str) = ("packet.typ", include_str!("../templates/packet.typ"));

const DOCUMENT: &str = "exhibit packet";

/// What the packet's header and title block show.
pub type PacketOptions<'a> = DocOptions<'a>;

/// The kind of an uploaded file, read from its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Media {
    Pdf,
    Jpeg,
    Png,
}

impl Media {
    /// The media type (`application/pdf`, `image/jpeg`, `image/png`).
    pub fn mime(self) -> &'static str {
        match self {
            Media::Pdf => "application/pdf",
            Media::Jpeg => "image/jpeg",
            Media::Png => "image/png",
        }
    }

    /// The kind of a stored media type.
    pub fn from_mime(mime: &str) -> Option<Media> {
        [Media::Pdf, Media::Jpeg, Media::Png]
            .into_iter()
            .find(|m| m.mime() == mime)
    }

    /// The format name typst's `image` takes, and the virtual file's extension.
    fn format(self) -> &'static str {
        match self {
            Media::Pdf => "pdf",
            Media::Jpeg => "jpg",
            Media::Png => "png",
        }
    }
}

/// What [`inspect`] found in a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileInfo {
    pub media: Media,
    /// Its pages (an image is one page).
    pub pages: usize,
}

/// Why a file cannot be an exhibit: said to the user as is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FileProblem {
    #[error("the file is empty")]
    Empty,
    #[error("the file is not a PDF, a JPEG or a PNG image (its content was checked, not its name)")]
    UnknownType,
    #[error(
        "the PDF is encrypted or password-protected; save or print it again without a password and upload that copy"
    )]
    Encrypted,
    #[error("the PDF is damaged and cannot be read; save or scan it again and upload that copy")]
    BrokenPdf,
    #[error("the PDF has no pages")]
    NoPages,
    #[error("the {0} image is damaged or incomplete (its size could not be read)")]
    BrokenImage(&'static str),
}

/// The kind of a file by its first bytes ("magic bytes"), never its name.
pub fn media_of(bytes: &[u8]) -> Option<Media> {
    if bytes.starts_with(b"%PDF-") {
        Some(Media::Pdf)
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(Media::Png)
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(Media::Jpeg)
    } else {
        None
    }
}

/// Checks an upload: its kind by content, a PDF readable without a password
/// and its page count, an image whose size can be read. Never panics.
///
/// # Errors
/// [`FileProblem`], in words for the user.
pub fn inspect(bytes: &[u8]) -> Result<FileInfo, FileProblem> {
    if bytes.is_empty() {
        return Err(FileProblem::Empty);
    }
    let media = media_of(bytes).ok_or(FileProblem::UnknownType)?;
    let pages = match media {
        Media::Pdf => pdf_pages(bytes)?,
        Media::Png => png_size(bytes)
            .map(|_| 1)
            .ok_or(FileProblem::BrokenImage("PNG"))?,
        Media::Jpeg => jpeg_size(bytes)
            .map(|_| 1)
            .ok_or(FileProblem::BrokenImage("JPEG"))?,
    };
    Ok(FileInfo { media, pages })
}

/// A PDF's pages, read as typst will read them. An encrypted PDF is refused
/// even when it opens without a password (a permissions-only password):
/// a wrong password must not open it either.
fn pdf_pages(bytes: &[u8]) -> Result<usize, FileProblem> {
    let parsed = std::panic::catch_unwind(|| {
        let pdf = Pdf::new(bytes.to_vec())?;
        let pages = pdf.pages().len();
        Pdf::new_with_password(bytes.to_vec(), "refuge: not the password")?;
        Ok::<usize, LoadPdfError>(pages)
    });
    match parsed {
        Ok(Ok(0)) => Err(FileProblem::NoPages),
        Ok(Ok(n)) => Ok(n),
        Ok(Err(LoadPdfError::Decryption(_))) => Err(FileProblem::Encrypted),
        Ok(Err(LoadPdfError::Invalid)) | Err(_) => Err(FileProblem::BrokenPdf),
    }
}

/// A PNG's width and height (its IHDR chunk), when both are above zero.
fn png_size(b: &[u8]) -> Option<(u32, u32)> {
    if b.get(12..16)? != b"IHDR" {
        return None;
    }
    let w = u32::from_be_bytes(b.get(16..20)?.try_into().ok()?);
    let h = u32::from_be_bytes(b.get(20..24)?.try_into().ok()?);
    (w > 0 && h > 0).then_some((w, h))
}

/// A JPEG's width and height (its start-of-frame marker), when both are above zero.
fn jpeg_size(b: &[u8]) -> Option<(u32, u32)> {
    let mut i = 2;
    loop {
        // Markers may be padded with 0xFF bytes.
        while *b.get(i)? == 0xFF && *b.get(i + 1)? == 0xFF {
            i += 1;
        }
        if *b.get(i)? != 0xFF {
            return None;
        }
        let marker = *b.get(i + 1)?;
        let len = usize::from(u16::from_be_bytes([*b.get(i + 2)?, *b.get(i + 3)?]));
        // SOF0..SOF15 but DHT (C4), JPG (C8) and DAC (CC).
        if (0xC0..=0xCF).contains(&marker) && !matches!(marker, 0xC4 | 0xC8 | 0xCC) {
            let h = u16::from_be_bytes([*b.get(i + 5)?, *b.get(i + 6)?]);
            let w = u16::from_be_bytes([*b.get(i + 7)?, *b.get(i + 8)?]);
            return (w > 0 && h > 0).then_some((u32::from(w), u32::from(h)));
        }
        if len < 2 {
            return None;
        }
        i += 2 + len;
    }
}

/// One file of an exhibit: its kind, its pages and its content (shared,
/// not copied, with the World the packet is compiled in).
#[derive(Debug, Clone)]
pub struct ExhibitFile {
    pub media: Media,
    pub pages: usize,
    pub content: Arc<Vec<u8>>,
}

/// A file's content as typst holds it, without a copy.
struct Shared(Arc<Vec<u8>>);

impl AsRef<[u8]> for Shared {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

impl ExhibitFile {
    /// A file checked by [`inspect`].
    ///
    /// # Errors
    /// [`FileProblem`] when it cannot be an exhibit.
    pub fn new(content: Vec<u8>) -> Result<ExhibitFile, FileProblem> {
        let info = inspect(&content)?;
        Ok(ExhibitFile {
            media: info.media,
            pages: info.pages,
            content: Arc::new(content),
        })
    }
}

/// A translation of an exhibit's original, and the translator's certificate
/// (an uploaded one; without it the packet has a certificate to sign).
#[derive(Debug, Clone)]
pub struct Translation {
    pub file: ExhibitFile,
    pub certificate: Option<ExhibitFile>,
}

/// One exhibit: what it is, what it proves, the original and its translations.
#[derive(Debug, Clone)]
pub struct Exhibit {
    pub description: String,
    pub proves: String,
    pub original: ExhibitFile,
    pub translations: Vec<Translation>,
}

/// An exhibit's letter: A to Z, then AA, AB…
pub fn exhibit_letter(index: usize) -> String {
    let mut n = index + 1;
    let mut letters = Vec::new();
    while n > 0 {
        n -= 1;
        letters.push(char::from(b'A' + (n % 26) as u8));
        n /= 26;
    }
    letters.iter().rev().collect()
}

/// What one page of an exhibit shows.
#[derive(Debug, Serialize)]
struct PageData {
    /// The page's number within its exhibit (from 1).
    n: usize,
    /// `original`, `translation`, `certificate`, or `certificate_form`
    /// (the certificate to sign, made by the packet).
    part: &'static str,
    /// The virtual file (`/files/3.pdf`), none for a certificate to sign.
    path: Option<String>,
    /// `pdf`, `jpg` or `png`.
    format: Option<&'static str>,
    /// The page of the PDF (from 1).
    page: Option<usize>,
}

/// One exhibit's data.
#[derive(Debug, Serialize)]
struct ExhibitData {
    letter: String,
    /// The tab page's mark, which the index looks up for the page range.
    key: String,
    description: String,
    proves: String,
    /// Its pages, the tab page not counted.
    count: usize,
    /// How many translations it has.
    translations: usize,
    pages: Vec<PageData>,
}

/// Adds a file's pages to an exhibit's, and the file to the World's.
fn add_pages<'a>(
    pages: &mut Vec<PageData>,
    files: &mut Vec<(String, &'a ExhibitFile)>,
    part: &'static str,
    file: &'a ExhibitFile,
) {
    let path = format!("/files/{}.{}", files.len(), file.media.format());
    files.push((path.clone(), file));
    for page in 1..=file.pages {
        pages.push(PageData {
            n: pages.len() + 1,
            part,
            path: Some(path.clone()),
            format: Some(file.media.format()),
            page: (file.media == Media::Pdf).then_some(page),
        });
    }
}

/// The packet's exhibits as data, and the files in the order of their paths.
fn exhibits_data(exhibits: &[Exhibit]) -> (Vec<ExhibitData>, Vec<(String, &ExhibitFile)>) {
    let mut files = Vec::new();
    let mut data = Vec::new();
    for (i, ex) in exhibits.iter().enumerate() {
        let mut pages = Vec::new();
        add_pages(&mut pages, &mut files, "original", &ex.original);
        for t in &ex.translations {
            add_pages(&mut pages, &mut files, "translation", &t.file);
            match &t.certificate {
                Some(c) => add_pages(&mut pages, &mut files, "certificate", c),
                None => pages.push(PageData {
                    n: pages.len() + 1,
                    part: "certificate_form",
                    path: None,
                    format: None,
                    page: None,
                }),
            }
        }
        let letter = exhibit_letter(i);
        data.push(ExhibitData {
            key: format!("refuge-exhibit-tab-{letter}"),
            letter,
            description: ex.description.clone(),
            proves: ex.proves.clone(),
            count: pages.len(),
            translations: ex.translations.len(),
            pages,
        });
    }
    (data, files)
}

/// The data `templates/packet.typ` reads as `data.json`: `meta` and
/// `exhibits` (letter, description, what it proves, the pages with the
/// virtual file each comes from). The files' content is not in it.
pub fn packet_data(exhibits: &[Exhibit], opts: &PacketOptions<'_>, today: Date) -> Value {
    let (data, _) = exhibits_data(exhibits);
    let pages: usize = data.iter().map(|e| e.count).sum();
    let t = refuge_i18n::words(opts.lang, "doc-packet-");
    let rows = vec![
        (t["exhibits"].clone(), data.len().to_string()),
        (t["pages_of_exhibits"].clone(), pages.to_string()),
    ];
    let meta = Meta::new(&t["title"], opts, rows, today);
    json!({"meta": meta, "exhibits": data, "t": t})
}

/// The exhibit packet as a PDF (US Letter), dated `today`.
///
/// # Errors
/// [`DocError`] naming the cause when typst cannot place a file or lay the
/// packet out (a file whose pages are not what they were counted at upload).
pub fn packet_pdf(
    exhibits: &[Exhibit],
    opts: &PacketOptions<'_>,
    today: Date,
) -> Result<Vec<u8>, DocError> {
    let data =
        serde_json::to_vec(&packet_data(exhibits, opts, today)).map_err(|e| DocError::Data {
            document: DOCUMENT,
            message: e.to_string(),
        })?;
    let (_, files) = exhibits_data(exhibits);
    let mut w = world::DocWorld::new(SOURCE, data, today);
    for (path, file) in files {
        w = w.with_file(&path, Bytes::new(Shared(Arc::clone(&file.content))));
    }
    compile(DOCUMENT, &w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_run_a_to_z_then_aa() {
        let l: Vec<String> = [0, 1, 25, 26, 27, 51, 52, 701, 702]
            .into_iter()
            .map(exhibit_letter)
            .collect();
        assert_eq!(l, ["A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"]);
    }

    #[test]
    fn a_file_is_known_by_its_content_never_its_name() {
        assert_eq!(inspect(b""), Err(FileProblem::Empty));
        assert_eq!(inspect(b"GIF89a...."), Err(FileProblem::UnknownType));
        assert_eq!(inspect(b"%PDF-1.7 garbage"), Err(FileProblem::BrokenPdf));
        assert_eq!(
            inspect(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            Err(FileProblem::BrokenImage("PNG"))
        );
        assert_eq!(
            inspect(&[0xFF, 0xD8, 0xFF, 0xE0, 0, 1]),
            Err(FileProblem::BrokenImage("JPEG"))
        );
    }
}
