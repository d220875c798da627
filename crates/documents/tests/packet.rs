//! The exhibit packet, read back as a reader reads it: the index's page
//! ranges are the packet's, every exhibit page carries its stamp, images are
//! pages, translations follow their originals with the certificate.

mod common;

use refuge_documents::{
    Exhibit, ExhibitFile, FileProblem, Media, PacketOptions, Translation, inspect, packet_data,
    packet_pdf, render_source,
};
use serde_json::json;

const PHOTO: &[u8] = include_bytes!("data/photo.jpg");
const SCAN: &[u8] = include_bytes!("data/scan.png");
const ENCRYPTED: &[u8] = include_bytes!("data/encrypted.pdf");

fn today() -> jiff::civil::Date {
    jiff::civil::date(2026, 11, 27)
}

/// A PDF of `pages` pages, each saying "`what` page k".
fn pdf(what: &str, pages: usize) -> Vec<u8> {
    render_source(
        "#let d = json(\"data.json\")\n#for k in range(1, d.pages + 1) { page[#text(d.what + \" page \" + str(k))] }",
        &json!({"what": what, "pages": pages}),
        today(),
    )
    .unwrap()
}

fn file(content: Vec<u8>) -> ExhibitFile {
    ExhibitFile::new(content).unwrap()
}

fn opts<'a>() -> PacketOptions<'a> {
    PacketOptions {
        case_number: Some("2026-0042"),
        client_name: Some("Ana Ruiz"),
        ..PacketOptions::default()
    }
}

/// A: a 3-page PDF; B: a photo; C: a 2-page original with a translation and
/// no certificate (the packet adds one to sign); D: a scan with a
/// translation and its uploaded certificate.
fn exhibits() -> Vec<Exhibit> {
    vec![
        Exhibit {
            description: "Police report of 12 March 2024".into(),
            proves: "The attack was reported; the police did nothing".into(),
            original: file(pdf("Report A", 3)),
            translations: vec![],
        },
        Exhibit {
            description: "Photograph of the scar".into(),
            proves: "Physical harm".into(),
            original: file(PHOTO.to_vec()),
            translations: vec![],
        },
        Exhibit {
            description: "Threatening letter".into(),
            proves: "Threats because of her reporting".into(),
            original: file(pdf("Original C", 2)),
            translations: vec![Translation {
                file: file(pdf("Translation C", 1)),
                certificate: None,
            }],
        },
        Exhibit {
            description: "Medical record".into(),
            proves: "Treatment after the attack".into(),
            original: file(SCAN.to_vec()),
            translations: vec![Translation {
                file: file(pdf("Translation D", 1)),
                certificate: Some(file(pdf("Signed certificate D", 1))),
            }],
        },
    ]
}

/// Where each exhibit's tab page fell (from 1), found by its header.
fn tab_page(read: &common::Read, letter: &str) -> usize {
    (1..=read.count)
        .find(|&n| {
            let h = common::flat(&read.header(n));
            h.ends_with(&format!("Exhibit {letter}"))
        })
        .unwrap_or_else(|| panic!("no tab page for exhibit {letter}"))
}

#[test]
fn every_exhibit_page_is_stamped_exhibit_x_page_k_of_n_after_its_tab_page() {
    let ex = exhibits();
    let pdf = packet_pdf(&ex, &opts(), today()).unwrap();
    let Some(read) = common::read(&pdf) else {
        return;
    };
    // Counts: A 3, B 1, C 2 + 1 + a certificate to sign, D 1 + 1 + 1.
    let counts = [("A", 3), ("B", 1), ("C", 4), ("D", 3)];
    let index_pages = tab_page(&read, "A") - 1;
    assert_eq!(
        read.count,
        index_pages + counts.iter().map(|(_, n)| n + 1).sum::<usize>(),
        "the index, a tab page per exhibit and every exhibit page"
    );
    for (letter, count) in counts {
        let tab = tab_page(&read, letter);
        assert!(read.page(tab).contains(&format!("Exhibit {letter}")));
        for k in 1..=count {
            let header = common::flat(&read.header(tab + k));
            assert!(
                header.contains(&format!("Exhibit {letter}, page {k} of {count}")),
                "page {} (exhibit {letter}, {k}): {header}",
                tab + k
            );
        }
    }
    // Every page of the packet is numbered through it.
    for n in 1..=read.count {
        assert!(
            read.page(n)
                .contains(&format!("Page {n} of {}", read.count)),
            "page {n}"
        );
    }
    // The PDF's own pages are placed in order.
    let a = tab_page(&read, "A");
    for k in 1..=3 {
        assert!(read.page(a + k).contains(&format!("Report A page {k}")));
    }
}

#[test]
fn the_index_gives_each_exhibits_pages_in_the_packets_numbering() {
    let ex = exhibits();
    let pdf = packet_pdf(&ex, &opts(), today()).unwrap();
    let Some(read) = common::read(&pdf) else {
        return;
    };
    let index_end = tab_page(&read, "A") - 1;
    let index: String = (1..=index_end).map(|n| read.page(n) + " ").collect();
    let mut from = 0;
    for (letter, count) in [("A", 3), ("B", 1), ("C", 4), ("D", 3)] {
        let first = tab_page(&read, letter) + 1;
        let range = match count {
            1 => format!(" {first} "),
            _ => format!("{first}–{}", first + count - 1),
        };
        let at = index[from..].find(&range).unwrap_or_else(|| {
            panic!("exhibit {letter}'s pages {range} not in the index: {index}")
        });
        from += at + range.len();
        // And those pages are the exhibit's.
        assert!(
            read.header(first)
                .contains(&format!("Exhibit {letter}, page 1 of {count}")),
            "{}",
            read.header(first)
        );
    }
    for text in [
        "Index of exhibits",
        "Police report of 12 March 2024",
        "The attack was reported; the police did",
        "With English translation and certificate",
        "not legal advice",
    ] {
        assert!(index.contains(text), "{text}: {index}");
    }
}

#[test]
fn a_translation_follows_its_original_with_the_translators_certificate() {
    let pdf = packet_pdf(&exhibits(), &opts(), today()).unwrap();
    let Some(read) = common::read(&pdf) else {
        return;
    };
    let c = tab_page(&read, "C");
    assert!(read.page(c + 1).contains("Original C page 1"));
    assert!(read.page(c + 2).contains("Original C page 2"));
    assert!(read.page(c + 3).contains("Translation C page 1"));
    assert!(read.header(c + 3).contains("(English translation)"));
    let form = read.page(c + 4);
    assert!(form.contains("Certificate of translation"), "{form}");
    assert!(form.contains("competent to translate"), "{form}");
    assert!(
        form.contains("Exhibit C is complete and accurate"),
        "{form}"
    );
    let d = tab_page(&read, "D");
    assert!(read.page(d + 2).contains("Translation D page 1"));
    assert!(read.page(d + 3).contains("Signed certificate D page 1"));
    assert!(read.header(d + 3).contains("(certificate of translation)"));
}

#[test]
fn images_are_placed_as_whole_pages() {
    let pdf = packet_pdf(&exhibits(), &opts(), today()).unwrap();
    let Some(read) = common::read(&pdf) else {
        return;
    };
    let b = tab_page(&read, "B");
    // The photo is a picture: its page carries the stamp and no other text.
    let page = read.page(b + 1);
    assert!(page.contains("Exhibit B, page 1 of 1"), "{page}");
    assert!(
        !page.contains("Photo of a scar"),
        "an image, not text: {page}"
    );
    // The PDF holds the two images.
    let images = common::images(&pdf);
    if let Some(images) = images {
        assert_eq!(images, 2, "the photo and the scan");
    }
}

#[test]
fn the_packets_header_carries_the_case_number_never_the_clients_name() {
    let pdf = packet_pdf(&exhibits(), &opts(), today()).unwrap();
    let Some(read) = common::read(&pdf) else {
        return;
    };
    for n in 1..=read.count {
        let header = read.header(n);
        assert!(header.contains("Case 2026-0042"), "page {n}: {header}");
        assert!(!header.contains("Ruiz"), "page {n}: {header}");
    }
}

#[test]
fn descriptions_with_typst_markup_characters_print_as_written() {
    let description = r#"#set page(fill: red) [*Letter*] $x^2$ _from_ @him <l> \ ` // x"#;
    let proves = "#panic() = *threat*";
    let ex = vec![Exhibit {
        description: description.into(),
        proves: proves.into(),
        original: file(pdf("Letter", 1)),
        translations: vec![],
    }];
    let number = "#1 [a] *b* $c$";
    let o = PacketOptions {
        case_number: Some(number),
        ..opts()
    };
    let pdf = packet_pdf(&ex, &o, today()).unwrap();
    let Some(read) = common::read(&pdf) else {
        return;
    };
    let all = read.flat();
    assert!(all.contains(description), "{all}");
    assert!(all.contains(proves), "{all}");
    assert!(read.header(2).contains(&format!("Case {number}")));
}

#[test]
fn a_packet_without_exhibits_is_an_index_saying_none() {
    let pdf = packet_pdf(&[], &opts(), today()).unwrap();
    let Some(read) = common::read(&pdf) else {
        return;
    };
    assert_eq!(read.count, 1);
    assert!(read.page(1).contains("Index of exhibits None."));
}

#[test]
fn a_file_whose_pages_are_not_as_counted_is_an_error_naming_the_cause() {
    let mut wrong = file(pdf("Two", 2));
    wrong.pages = 5;
    let ex = vec![Exhibit {
        description: "x".into(),
        proves: "y".into(),
        original: wrong,
        translations: vec![],
    }];
    let e = packet_pdf(&ex, &opts(), today()).unwrap_err();
    let message = e.to_string();
    assert!(
        message.starts_with("the exhibit packet could not be laid out"),
        "{message}"
    );
    assert!(message.contains("page 3 does not exist"), "{message}");
}

#[test]
fn uploads_are_known_by_content_and_an_encrypted_or_broken_pdf_is_refused() {
    let three = pdf("Three", 3);
    let info = inspect(&three).unwrap();
    assert_eq!((info.media, info.pages), (Media::Pdf, 3));
    assert_eq!(inspect(PHOTO).unwrap().media, Media::Jpeg);
    assert_eq!(inspect(SCAN).unwrap().media, Media::Png);
    assert_eq!(inspect(ENCRYPTED), Err(FileProblem::Encrypted));
    assert!(FileProblem::Encrypted.to_string().contains("password"));
    // Cut in half: the pages cannot be found.
    assert_eq!(
        inspect(&three[..three.len() / 2]),
        Err(FileProblem::BrokenPdf)
    );
    assert_eq!(inspect(&PHOTO[..20]), Err(FileProblem::BrokenImage("JPEG")));
    // A text file named .pdf is what it is.
    assert_eq!(
        inspect(b"Hello, this is not a PDF"),
        Err(FileProblem::UnknownType)
    );
}

#[test]
fn the_packets_data_snapshot() {
    let data = packet_data(&exhibits(), &opts(), jiff::civil::date(2026, 11, 27));
    common::snapshot(
        "packet_four_exhibits.json",
        &(serde_json::to_string_pretty(&data).unwrap() + "\n"),
    );
}

#[test]
fn the_packets_text_snapshot() {
    let pdf = packet_pdf(&exhibits(), &opts(), today()).unwrap();
    let Some(read) = common::read(&pdf) else {
        return;
    };
    common::snapshot("packet_four_exhibits.txt", &common::pages_text(&read));
}
