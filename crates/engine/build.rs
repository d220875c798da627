//! The law's files (`law/*.toml`) as JSON, converted once at build time:
//! serde_json reads it at start-up in a fraction of the time the toml crate
//! takes, and a program such as `refuge check` loads the law at every start.
//! The TOML stays the source: `RawLaw::parse` reads it (as does `refuge law`'s
//! report of the files), and a test holds the two equal.
//!
//! A file that is not valid TOML is written as `null`: loading then reads
//! the TOML itself, and reports its error naming the file.

use std::path::Path;

fn main() {
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    for name in [
        "law",
        "parameters",
        "holidays",
        "closings",
        "warnings",
        "countries",
    ] {
        let src = format!("law/{name}.toml");
        println!("cargo::rerun-if-changed={src}");
        let text = std::fs::read_to_string(&src).expect("the law's files are in law/");
        let json = match toml::from_str::<toml::Value>(&text) {
            Ok(v) => serde_json::to_string(&v).expect("TOML values are JSON values"),
            Err(_) => "null".to_string(),
        };
        std::fs::write(Path::new(&out).join(format!("{name}.json")), json)
            .expect("OUT_DIR is writable");
    }
}
