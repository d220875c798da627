fn main() {
    let path = std::env::args().last().unwrap();
    let text = std::fs::read_to_string(path).unwrap();
    let today = jiff::civil::date(2026, 11, 27);
    match refuge_engine::assess_json(&text, today, refuge_engine::Law::embedded()) {
        Ok(a) => println!("{}", serde_json::to_string_pretty(&a).unwrap()),
        Err(e) => { eprintln!("{e}"); std::process::exit(2) }
    }
}
