//! The form's data as JSON, converted once at build time from the TOML as
//! written and reviewed (`form/*.toml`): serde_json reads it at start-up in a
//! fraction of the time the toml crate takes, and `refuge check` is a whole
//! process, whose own work reading the TOML was most of. The TOML stays the
//! source: `Form::parse` and the tests read it, and a test holds the two equal.
//!
//! A file that is not valid TOML is written as `null`: start-up then reads the
//! TOML itself, whose error the tests name.

use std::path::Path;

fn main() {
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    for name in ["i589", "checks", "evidence"] {
        let src = format!("form/{name}.toml");
        println!("cargo::rerun-if-changed={src}");
        let text = std::fs::read_to_string(&src).expect("the form's data is in form/");
        let json = match toml::from_str::<toml::Value>(&text) {
            Ok(v) => serde_json::to_string(&v).expect("TOML values are JSON values"),
            Err(_) => "null".to_string(),
        };
        std::fs::write(Path::new(&out).join(format!("{name}.json")), json)
            .expect("OUT_DIR is writable");
    }
}
