//! The exhibit packet's speed (issue 17: a 100-page packet in at most 3 s)
//! and the memory it takes: `cargo bench -p refuge-documents --bench packet`.
//! After the timings it prints the process's peak resident memory (VmHWM),
//! which rendering the packet many times over does not push past 150 MB.

use refuge_documents::{
    Exhibit, ExhibitFile, PacketOptions, Translation, packet_pdf, render_source,
};

const PHOTO: &[u8] = include_bytes!("../tests/data/photo.jpg");
const SCAN: &[u8] = include_bytes!("../tests/data/scan.png");

fn main() {
    divan::main();
    if let Ok(status) = std::fs::read_to_string("/proc/self/status") {
        for line in status
            .lines()
            .filter(|l| l.starts_with("VmHWM") || l.starts_with("VmRSS"))
        {
            println!("packet bench, {line}");
        }
    }
}

fn today() -> jiff::civil::Date {
    jiff::civil::date(2026, 11, 27)
}

fn pdf(what: &str, pages: usize) -> ExhibitFile {
    let bytes = render_source(
        "#let d = json(\"data.json\")\n#for k in range(1, d.pages + 1) { page[#lorem(300) #text(d.what + \" page \" + str(k))] }",
        &serde_json::json!({"what": what, "pages": pages}),
        today(),
    )
    .unwrap();
    ExhibitFile::new(bytes).unwrap()
}

/// Ten exhibits of ten pages: an 8-page PDF, a 1-page translation and its
/// certificate, a photo (JPEG) or a scan (PNG): 100 exhibit pages, 10 tab
/// pages and the index.
fn hundred_pages() -> Vec<Exhibit> {
    (0..10)
        .map(|i| Exhibit {
            description: format!("Document {i}: a record of what happened, in full"),
            proves: "Past persecution on account of political opinion".into(),
            original: pdf(&format!("Original {i}"), 8),
            translations: vec![Translation {
                file: pdf(&format!("Translation {i}"), 1),
                certificate: Some(
                    ExhibitFile::new(if i % 2 == 0 { PHOTO } else { SCAN }.to_vec()).unwrap(),
                ),
            }],
        })
        .collect()
}

#[divan::bench(sample_count = 10)]
fn packet_of_100_exhibit_pages(b: divan::Bencher) {
    let ex = hundred_pages();
    let opts = PacketOptions {
        case_number: Some("2026-0042"),
        ..PacketOptions::default()
    };
    // The first compilation parses the fonts (once per process).
    packet_pdf(&ex, &opts, today()).unwrap();
    // typst's caches are emptied before each render: a server seldom renders
    // the same packet twice, and a cached layout would take a few ms.
    b.with_inputs(|| comemo::evict(0))
        .bench_values(|()| packet_pdf(&ex, &opts, today()).unwrap());
}
