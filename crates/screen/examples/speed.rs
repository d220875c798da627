use refuge_engine::{assess, Case, Law};
fn main() {
    let law = Law::embedded();
    let today = jiff::civil::date(2026, 11, 27);
    let docs = [
        r#"{"as_of":"2026-01-10","applicant":{"birth_date":"1990-01-01","nationality":["SV"],"location":"in_us","unaccompanied_child":false},"arrivals":[{"date":"2024-03-01","manner":"without_inspection","border":"southwest_land","from_country":"MX","transit_countries":["GT","MX"],"cbp_one_appointment":false,"protection_sought_in_transit":"none"}],"application":{"filed_on":"2024-11-01","forum":"affirmative","previously_denied":false,"clock_stopped_days":0},"conduct":{"persecuted_others":false,"aggravated_felony":false,"particularly_serious_crime":false,"sentence_years":0,"serious_nonpolitical_crime":false,"danger_to_security":false,"terrorist_activity":false}}"#,
        r#"{"arrivals":[{"date":"2025-03-01"}]}"#,
    ];
    for d in docs {
        let case = Case::from_json(d, today).unwrap();
        let n = 200_000;
        let t = std::time::Instant::now();
        let mut k = 0;
        for _ in 0..n { let a = assess(&case, law); k += a.findings.len(); }
        let el = t.elapsed();
        println!("assess: {:.2} us/case ({k})", el.as_secs_f64() * 1e6 / n as f64);
        let t = std::time::Instant::now();
        for _ in 0..n { let c = Case::from_json(d, today).unwrap(); k += c.harm_ids.len(); }
        println!("from_json: {:.2} us/case", t.elapsed().as_secs_f64() * 1e6 / n as f64);
        let a = assess(&case, law);
        let t = std::time::Instant::now();
        for _ in 0..n { let s = serde_json::to_string(&a).unwrap(); k += s.len(); }
        println!("to_json: {:.2} us/case {}", t.elapsed().as_secs_f64() * 1e6 / n as f64, serde_json::to_string(&a).unwrap().len());
    }
}
