//! The calendar: the one-year deadline over every arrival date, and the holiday
//! table against the published federal holiday calendars.

use jiff::ToSpan;
use jiff::civil::{Date, Weekday, date};
use refuge_engine::calendar::{Rounding, add_years};
use refuge_engine::{Case, Facts, Law, assess};

fn one_year_deadline(arrival: Date) -> Date {
    let facts: Facts = serde_json::from_value(serde_json::json!({
        "as_of": "2042-01-01", "arrivals": [{ "date": arrival.to_string() }]
    }))
    .unwrap();
    let case = Case::new(facts, date(2042, 1, 1)).unwrap();
    assess(&case, Law::embedded())
        .deadline("asylum.one_year")
        .unwrap()
        .date
}

#[test]
fn every_one_year_deadline_from_1996_to_2040_is_the_first_business_day_on_or_after_the_anniversary()
{
    let cal = Law::embedded().calendar();
    let mut arrival = date(1996, 1, 1);
    while arrival <= date(2040, 12, 31) {
        let deadline = one_year_deadline(arrival);
        let start = arrival.max(date(1997, 4, 1));
        let (anniversary, _) = add_years(start, 1, Rounding::Deadline);
        assert!(
            cal.is_business_day(deadline),
            "{arrival}: {deadline} is not a business day"
        );
        assert!(
            deadline >= anniversary,
            "{arrival}: {deadline} is before the anniversary {anniversary}"
        );
        let mut d = anniversary;
        while d < deadline {
            assert!(
                !cal.is_business_day(d),
                "{arrival}: business day {d} lies between {anniversary} and {deadline}"
            );
            d = d.checked_add(1.day()).unwrap();
        }
        assert!(
            (deadline - anniversary).get_days() <= 4,
            "{arrival}: rolled more than four days"
        );
        arrival = arrival.checked_add(1.day()).unwrap();
    }
}

/// The days off federal employees had, as published by OPM
/// (<https://www.opm.gov/policy-data-oversight/pay-leave/federal-holidays/>).
const OPM: &[(i16, [&str; 11])] = &[
    (
        2019,
        [
            "01-01", "01-21", "02-18", "05-27", "07-04", "09-02", "10-14", "11-11", "11-28",
            "12-25", "",
        ],
    ),
    (
        2020,
        [
            "01-01", "01-20", "02-17", "05-25", "07-03", "09-07", "10-12", "11-11", "11-26",
            "12-25", "",
        ],
    ),
    (
        2021,
        [
            "01-01", "01-18", "02-15", "05-31", "06-18", "07-05", "09-06", "10-11", "11-11",
            "11-25", "12-24",
        ],
    ),
    (
        2022,
        [
            "01-17", "02-21", "05-30", "06-20", "07-04", "09-05", "10-10", "11-11", "11-24",
            "12-26", "",
        ],
    ),
    (
        2023,
        [
            "01-02", "01-16", "02-20", "05-29", "06-19", "07-04", "09-04", "10-09", "11-10",
            "11-23", "12-25",
        ],
    ),
    (
        2024,
        [
            "01-01", "01-15", "02-19", "05-27", "06-19", "07-04", "09-02", "10-14", "11-11",
            "11-28", "12-25",
        ],
    ),
    (
        2025,
        [
            "01-01", "01-20", "02-17", "05-26", "06-19", "07-04", "09-01", "10-13", "11-11",
            "11-27", "12-25",
        ],
    ),
    (
        2026,
        [
            "01-01", "01-19", "02-16", "05-25", "06-19", "07-03", "09-07", "10-12", "11-11",
            "11-26", "12-25",
        ],
    ),
    (
        2027,
        [
            "01-01", "01-18", "02-15", "05-31", "06-18", "07-05", "09-06", "10-11", "11-11",
            "11-25", "12-24",
        ],
    ),
];

#[test]
fn the_holiday_table_gives_the_days_off_published_by_opm_2019_to_2027() {
    let cal = Law::embedded().calendar();
    for (year, days) in OPM {
        let published: Vec<Date> = days
            .iter()
            .filter(|d| !d.is_empty())
            .map(|d| format!("{year}-{d}").parse().unwrap())
            .chain(matches!(year, 2021 | 2027).then(|| date(*year, 12, 31))) // New Year's Day on a Saturday, observed
            .collect();
        let mut ours: Vec<Date> = cal
            .days_off_in(*year)
            .map(|d| d.date)
            .filter(|d| !matches!(d.weekday(), Weekday::Saturday | Weekday::Sunday))
            .collect();
        ours.dedup();
        let mut published = published;
        published.sort();
        assert_eq!(ours, published, "{year}");
    }
}

#[test]
fn juneteenth_is_a_holiday_only_from_2021() {
    let cal = Law::embedded().calendar();
    assert!(
        cal.is_business_day(date(2020, 6, 19)),
        "Friday 19 June 2020 was a business day"
    );
    assert!(
        !cal.is_business_day(date(2021, 6, 18)),
        "Friday 18 June 2021 was Juneteenth observed"
    );
}

#[test]
fn twenty_ninth_of_february_rounds_to_the_safe_date() {
    assert_eq!(
        add_years(date(2024, 2, 29), 1, Rounding::Deadline),
        (date(2025, 2, 28), true)
    );
    assert_eq!(
        add_years(date(2024, 2, 29), 1, Rounding::Eligibility),
        (date(2025, 3, 1), true)
    );
    assert_eq!(
        add_years(date(2024, 2, 29), 4, Rounding::Deadline),
        (date(2028, 2, 29), false)
    );
    assert_eq!(
        add_years(date(2025, 3, 1), -1, Rounding::Eligibility),
        (date(2024, 3, 1), false)
    );
}

#[test]
fn the_because_text_shows_the_arithmetic_of_a_rolled_deadline() {
    let facts: Facts = serde_json::from_value(
        serde_json::json!({ "as_of": "2026-06-30", "arrivals": [{ "date": "2025-07-05" }] }),
    )
    .unwrap();
    let a = assess(
        &Case::new(facts, date(2026, 6, 30)).unwrap(),
        Law::embedded(),
    );
    let because = &a.deadline("asylum.one_year").unwrap().because;
    assert!(because.contains("Last arrival 2025-07-05"), "{because}");
    assert!(because.contains("2026-07-05 is a Sunday"), "{because}");
    assert!(
        because.contains("next business day 2026-07-06"),
        "{because}"
    );
}

#[test]
fn a_deadline_on_an_executive_order_closing_says_so() {
    let facts: Facts = serde_json::from_value(
        serde_json::json!({ "as_of": "2026-01-10", "arrivals": [{ "date": "2024-12-26" }] }),
    )
    .unwrap();
    let a = assess(
        &Case::new(facts, date(2026, 1, 10)).unwrap(),
        Law::embedded(),
    );
    let d = a.deadline("asylum.one_year").unwrap();
    assert_eq!(d.date, date(2025, 12, 26));
    assert!(
        d.because.contains("executive order") && d.because.contains("not a legal holiday"),
        "{}",
        d.because
    );
}
