//! Embeds every `locales/<language>/<file>.ftl`: a language is a folder, so
//! adding one adds files and no code.

use std::fmt::Write;
use std::path::Path;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
    println!("cargo::rerun-if-changed={}", root.display());
    let mut langs: Vec<_> = std::fs::read_dir(&root)
        .expect("crates/i18n/locales/ exists")
        .map(|e| e.expect("a readable entry of locales/").path())
        .filter(|p| p.is_dir())
        .collect();
    langs.sort();
    let mut out = String::from("&[\n");
    for lang in &langs {
        println!("cargo::rerun-if-changed={}", lang.display());
        let code = lang
            .file_name()
            .unwrap()
            .to_str()
            .expect("a language folder's name is UTF-8");
        let mut files: Vec<_> = std::fs::read_dir(lang)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
            .collect();
        files.sort();
        writeln!(out, "    ({code:?}, &[").unwrap();
        for f in &files {
            println!("cargo::rerun-if-changed={}", f.display());
            let name = f.file_name().unwrap().to_str().unwrap();
            writeln!(
                out,
                "        ({name:?}, include_str!({:?})),",
                f.display().to_string()
            )
            .unwrap();
        }
        out.push_str("    ]),\n");
    }
    out.push(']');
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("locales.rs");
    std::fs::write(dest, out).unwrap();
}
