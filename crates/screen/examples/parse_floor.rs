//! The parse floor of `bench/screen.sh`: a CSV caseload read with the `csv`
//! crate on one thread, every field of every row touched, nothing assessed
//! and nothing written. No screening can take less CPU than reading its
//! input; issue 21 holds `refuge screen`'s CPU within 2.5 times this.
//!
//! Usage: `cargo run --release -p refuge-screen --example parse_floor -- FILE.csv`
//! (prints the rows and fields read).

use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args_os().nth(1) else {
        eprintln!("usage: parse_floor FILE.csv");
        return ExitCode::from(2);
    };
    let mut reader = match csv::ReaderBuilder::new().from_path(&path) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("parse_floor: {e}");
            return ExitCode::from(2);
        }
    };
    let (mut rows, mut fields, mut bytes) = (0u64, 0u64, 0u64);
    let mut record = csv::ByteRecord::new();
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                rows += 1;
                for field in &record {
                    fields += 1;
                    bytes += field.len() as u64;
                }
            }
            Err(e) => {
                eprintln!("parse_floor: {e}");
                return ExitCode::from(1);
            }
        }
    }
    println!("{rows} rows, {fields} fields, {bytes} bytes of fields");
    ExitCode::SUCCESS
}
