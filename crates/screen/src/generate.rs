//! Synthetic caseloads for benchmarks and demos (`refuge screen --generate N`).
//!
//! The rows are plausible, not real: proportions loosely follow the shape of
//! an affirmative and defensive asylum docket (mostly Central American
//! arrivals across the southwest land border, some by air, a few from Canada;
//! most applications filed, a few granted; most conduct bars and most of the
//! removal history answered "no", some left unknown, a few "yes"). Every row
//! is valid: no date lies after `as_of`. The same seed always gives the same
//! rows.

use refuge_engine::Facts;
use refuge_engine::calendar::add_days;
use refuge_engine::facts::{
    Applicant, Application, Arrival, Border, Conduct, Country, Exception, ExceptionKind, Forum,
    Location, Manner, Removal, Risk, TransitProtection,
};

/// A small, fast, seedable generator (SplitMix64): enough for test data, and
/// no dependency.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next_u64() % (hi - lo + 1) as u64) as i64
    }

    /// `true` with probability `percent` / 100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }

    /// One of `items`, each with its weight.
    pub fn pick<T: Copy>(&mut self, items: &[(T, u64)]) -> T {
        let total: u64 = items.iter().map(|(_, w)| w).sum();
        let mut r = self.next_u64() % total;
        for &(item, w) in items {
            if r < w {
                return item;
            }
            r -= w;
        }
        items[items.len() - 1].0
    }

    /// `Some(value)` except `unknown_percent` of the time.
    fn known<T>(&mut self, unknown_percent: u64, value: T) -> Option<T> {
        if self.chance(unknown_percent) {
            None
        } else {
            Some(value)
        }
    }
}

fn c(s: &str) -> Country {
    Country::parse(s).expect("a valid country code")
}

fn countries(s: &str) -> Vec<Country> {
    s.split(';').filter(|x| !x.is_empty()).map(c).collect()
}

/// Nationalities, with their usual route to the southwest border.
const NATIONS: [(&str, &str, u64); 16] = [
    ("SV", "GT;MX", 10),
    ("GT", "MX", 12),
    ("HN", "GT;MX", 12),
    ("MX", "", 10),
    ("VE", "CO;PA;CR;NI;HN;GT;MX", 12),
    ("CU", "NI;HN;GT;MX", 7),
    ("NI", "HN;GT;MX", 5),
    ("CO", "PA;CR;NI;HN;GT;MX", 6),
    ("EC", "CO;PA;CR;NI;HN;GT;MX", 6),
    ("HT", "BR;PE;EC;CO;PA;CR;NI;HN;GT;MX", 5),
    ("CN", "EC;CO;PA;CR;NI;HN;GT;MX", 4),
    ("IN", "MX", 4),
    ("RU", "MX", 2),
    ("AF", "BR;PE;EC;CO;PA;CR;NI;HN;GT;MX", 2),
    ("TR", "MX", 2),
    ("CM", "BR;PE;EC;CO;PA;CR;NI;HN;GT;MX", 1),
];

const KINDS: [(ExceptionKind, u64); 10] = [
    (ExceptionKind::ChangedCountryConditions, 20),
    (ExceptionKind::ChangedLaw, 3),
    (ExceptionKind::ChangedPersonalCircumstances, 12),
    (ExceptionKind::LostDerivativeStatus, 4),
    (ExceptionKind::SeriousIllnessOrDisability, 10),
    (ExceptionKind::LegalDisability, 8),
    (ExceptionKind::IneffectiveAssistance, 8),
    (ExceptionKind::LawfulStatus, 25),
    (ExceptionKind::RejectedThenRefiled, 5),
    (ExceptionKind::DeathOrIllnessInFamily, 5),
];

/// The next synthetic case from `rng`.
pub fn case(rng: &mut Rng) -> Facts {
    let as_of = add_days(jiff::civil::date(2025, 10, 1), rng.range(0, 180));
    let birth = add_days(as_of, -rng.range(14 * 365, 65 * 365));
    let (nation, route) = {
        let weights: Vec<(usize, u64)> =
            NATIONS.iter().enumerate().map(|(i, n)| (i, n.2)).collect();
        let i = rng.pick(&weights);
        (NATIONS[i].0, NATIONS[i].1)
    };
    let latin = !matches!(nation, "CN" | "IN" | "RU" | "AF" | "TR" | "CM");

    let mut f = Facts {
        as_of: Some(as_of),
        ..Facts::default()
    };

    // The last arrival: mostly within the last few years; a few from the 1990s.
    let arrival_date = if rng.chance(2) {
        jiff::civil::date(1995, 1, 1)
            .checked_add(jiff::Span::new().days(rng.range(0, 3650)))
            .unwrap_or(as_of)
    } else {
        add_days(as_of, -rng.range(0, 6 * 365))
    }
    .max(add_days(birth, 365))
    .min(as_of);
    let age_at_arrival = (arrival_date.year() - birth.year()) as i64;

    let nationality = match rng.range(0, 99) {
        0 => Some(vec![]),
        1..=2 => None,
        3..=4 => Some(vec![c(nation), c("ES")]),
        _ => Some(vec![c(nation)]),
    };
    // Asked only of a national of two or more countries.
    if nationality.as_ref().is_some_and(|n| n.len() > 1) {
        f.risk = rng
            .pick(&[(Some(true), 40), (Some(false), 25), (None, 35)])
            .map(|fear| Risk {
                fear_in_every_nationality: Some(fear),
                ..Risk::EMPTY
            });
    }
    let location = rng.pick(&[
        (Some(Location::InUs), 93),
        (Some(Location::PortOfEntry), 3),
        (Some(Location::OutsideUs), 2),
        (None, 2),
    ]);
    let uac = if age_at_arrival < 18 {
        rng.pick(&[(Some(true), 60), (Some(false), 30), (None, 10)])
    } else {
        rng.known(15, false)
    };
    f.applicant = Some(Applicant {
        birth_date: rng.known(3, birth),
        nationality,
        location,
        unaccompanied_child: uac,
        ..Applicant::default()
    });

    if !rng.chance(3) {
        let border = if latin {
            rng.pick(&[
                (Border::SouthwestLand, 75),
                (Border::Air, 22),
                (Border::Sea, 3),
            ])
        } else {
            rng.pick(&[
                (Border::Air, 78),
                (Border::SouthwestLand, 17),
                (Border::NorthernLand, 5),
            ])
        };
        let manner = match border {
            Border::SouthwestLand => rng.pick(&[
                (Manner::WithoutInspection, 55),
                (Manner::PresentedWithoutDocuments, 25),
                (Manner::Paroled, 15),
                (Manner::Admitted, 5),
            ]),
            Border::Air => rng.pick(&[
                (Manner::Admitted, 70),
                (Manner::Paroled, 20),
                (Manner::PresentedWithoutDocuments, 10),
            ]),
            Border::NorthernLand => rng.pick(&[
                (Manner::WithoutInspection, 50),
                (Manner::PresentedWithoutDocuments, 30),
                (Manner::Admitted, 20),
            ]),
            Border::Sea => rng.pick(&[(Manner::WithoutInspection, 60), (Manner::Admitted, 40)]),
        };
        let (from, transit) = match border {
            Border::SouthwestLand => ("MX", route),
            Border::NorthernLand => ("CA", ""),
            Border::Air | Border::Sea => (nation, ""),
        };
        let presented = manner == Manner::PresentedWithoutDocuments;
        let cbp_one_appointment = if presented && border == Border::SouthwestLand {
            let booked = rng.chance(40);
            rng.known(10, booked)
        } else {
            rng.known(10, false)
        };
        // An admission document: held by most of those admitted, by few
        // others; given in half the rows.
        let visa_or_admission_document = if rng.chance(50) {
            match manner {
                Manner::Admitted => rng.pick(&[(Some(true), 90), (None, 10)]),
                Manner::Paroled => rng.pick(&[(Some(false), 60), (Some(true), 10), (None, 30)]),
                _ => rng.pick(&[(Some(false), 90), (None, 10)]),
            }
        } else {
            None
        };
        // The 14 days: for a crossing between ports.
        let encountered_within_14_days = if manner == Manner::WithoutInspection {
            rng.pick(&[(Some(true), 55), (Some(false), 20), (None, 25)])
        } else {
            None
        };
        // The scheduling system: for one who came to a port without an
        // appointment.
        let scheduling_system_unavailable =
            if presented && border == Border::SouthwestLand && cbp_one_appointment != Some(true) {
                rng.pick(&[(Some(false), 60), (Some(true), 15), (None, 25)])
            } else {
                None
            };
        f.arrivals = Some(vec![Arrival {
            date: Some(arrival_date),
            manner: rng.known(4, manner),
            border: rng.known(3, border),
            from_country: rng.known(5, c(from)),
            transit_countries: rng.known(6, countries(transit)),
            cbp_one_appointment,
            protection_sought_in_transit: rng.pick(&[
                (Some(TransitProtection::None), 85),
                (Some(TransitProtection::Denied), 5),
                (Some(TransitProtection::Pending), 3),
                (None, 7),
            ]),
            visa_or_admission_document,
            encountered_within_14_days,
            scheduling_system_unavailable,
            ..Arrival::default()
        }]);
    }

    // The application: filed by most; granted for a few; adjusted for fewer.
    let filed = add_days(arrival_date, rng.range(10, 900));
    if rng.chance(62) && filed <= as_of {
        let mailed = add_days(filed, -rng.range(1, 7));
        let stopped = rng.range(1, 90) as u32;
        let granted = add_days(filed, rng.range(150, 1000));
        let granted = (rng.chance(5) && granted <= as_of).then_some(granted);
        let adjusted = granted
            .map(|g| add_days(g, rng.range(365, 800)))
            .filter(|a| *a <= as_of && rng.chance(40));
        f.application = Some(Application {
            filed_on: Some(filed),
            mailed_on: rng.chance(5).then_some(mailed),
            forum: rng.pick(&[
                (Some(Forum::Affirmative), 65),
                (Some(Forum::Defensive), 30),
                (None, 5),
            ]),
            previously_denied: rng.pick(&[(Some(false), 90), (Some(true), 2), (None, 8)]),
            clock_stopped_days: rng.pick(&[(Some(0), 80), (Some(stopped), 15), (None, 5)]),
            granted_on: granted,
            adjusted_on: adjusted,
        });
    } else if rng.chance(30) {
        f.application = Some(Application {
            forum: Some(Forum::Defensive),
            previously_denied: rng.known(20, false),
            ..Application::default()
        });
    }

    // The removal history: mostly none, some unknown, a few orders (some of
    // them reinstated) and fewer frivolous findings; those before the judge
    // mostly the defensive.
    if !rng.chance(5) {
        let app = f.application();
        let in_proceedings = match app.forum {
            Some(Forum::Defensive) => rng.pick(&[(Some(true), 90), (None, 10)]),
            Some(Forum::Affirmative) => rng.pick(&[(Some(false), 88), (None, 10), (Some(true), 2)]),
            None => rng.pick(&[(Some(false), 55), (Some(true), 25), (None, 20)]),
        };
        let prior_order = rng.pick(&[(Some(false), 85), (None, 10), (Some(true), 5)]);
        let reinstated = match prior_order {
            Some(true) => rng.pick(&[(Some(false), 50), (Some(true), 30), (None, 20)]),
            _ => None,
        };
        let frivolous_finding = match app.previously_denied {
            Some(true) => rng.pick(&[(Some(false), 60), (Some(true), 20), (None, 20)]),
            _ => rng.pick(&[(Some(false), 90), (None, 10)]),
        };
        f.removal = Some(Removal {
            in_proceedings,
            prior_order,
            reinstated,
            frivolous_finding,
        });
        // Of use only with a spouse or child in the case (which the CSV
        // cannot hold), before an immigration judge.
        if in_proceedings == Some(true) && rng.chance(30) {
            f.family_unity = rng.pick(&[(Some(false), 70), (Some(true), 10), (None, 20)]);
        }
    }

    if rng.chance(40) {
        // Asked, and nothing to offer.
        f.exceptions = Some(vec![]);
    } else if rng.chance(20) {
        let began = add_days(arrival_date, rng.range(0, 600)).min(as_of);
        let ended = add_days(began, rng.range(0, 400));
        f.exceptions = Some(vec![Exception {
            kind: Some(rng.pick(&KINDS)),
            began: Some(began),
            ended: (rng.chance(50) && ended <= as_of).then_some(ended),
            reasonable_delay: None,
        }]);
    }

    if !rng.chance(5) {
        let bar = |rng: &mut Rng| rng.pick(&[(Some(false), 85), (None, 13), (Some(true), 2)]);
        let aggravated = bar(rng);
        f.conduct = Some(Conduct {
            persecuted_others: bar(rng),
            aggravated_felony: aggravated,
            particularly_serious_crime: bar(rng),
            sentence_years: match aggravated {
                Some(true) => Some(rng.range(1, 20) as f64 / 2.0),
                _ => rng.chance(50).then_some(0.0),
            },
            serious_nonpolitical_crime: bar(rng),
            danger_to_security: bar(rng),
            terrorist_activity: bar(rng),
            // Which kind of aggravated felony: asked only of one.
            drug_trafficking: match aggravated {
                Some(true) => rng.pick(&[(Some(true), 35), (Some(false), 50), (None, 15)]),
                _ => None,
            },
        });
    }
    f
}

/// How alike `--generate`'s rows may be (`--diversity`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Diversity {
    /// As a docket comes: many rows share what the engine's screening memo
    /// keys on (`refuge_engine::memo`), so most are answered from it.
    #[default]
    Low,
    /// No two rows share the memo's key: every row's conduct is answered and
    /// its sentence length is its own, so the engine decides each row afresh
    /// (the cost of a caseload more varied than any docket).
    High,
}

/// Makes the `n`th (0-based) row of a [`Diversity::High`] caseload unlike
/// every other: its conduct answered (the drawn answers kept) and its
/// sentence, which the memo's key holds, longer than the drawn one by
/// `n + 1` hundred-millionths of a year (under 0.1 year for 10,000,000 rows,
/// so a sentence drawn under five years stays under five: INA § 241(b)(3)(B)'s
/// line, the only one the rules draw on it, is crossed by no row).
pub fn diversify(f: &mut Facts, n: u64) {
    let conduct = f.conduct.get_or_insert_with(Conduct::default);
    let drawn = conduct.sentence_years.unwrap_or(0.0);
    conduct.sentence_years = Some(drawn + (n + 1) as f64 / 1e8);
}

/// The id of the `n`th (0-based) generated row.
pub fn id(n: u64) -> String {
    format!("P{:07}", n + 1)
}

/// The dates of a case that must not lie after its `as_of`.
#[cfg(test)]
fn dates(f: &Facts) -> Vec<Option<jiff::civil::Date>> {
    let a = f.applicant();
    let app = f.application();
    let mut v = vec![
        a.birth_date,
        app.filed_on,
        app.mailed_on,
        app.granted_on,
        app.adjusted_on,
    ];
    v.extend(f.arrivals().iter().map(|x| x.date));
    v.extend(f.exceptions().iter().flat_map(|e| [e.began, e.ended]));
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use refuge_engine::Case;

    #[test]
    fn the_same_seed_gives_the_same_cases() {
        let (mut a, mut b) = (Rng::new(7), Rng::new(7));
        for _ in 0..100 {
            assert_eq!(case(&mut a), case(&mut b));
        }
    }

    #[test]
    fn generated_cases_answer_the_new_facts_mostly_no_some_unknown_and_a_few_yes() {
        // For each new fact: how many cases say no, leave it unknown, say yes.
        let mut tally = std::collections::BTreeMap::<&str, [u32; 3]>::new();
        let mut count = |name, v: Option<bool>| {
            let i = match v {
                Some(false) => 0,
                None => 1,
                Some(true) => 2,
            };
            tally.entry(name).or_default()[i] += 1;
        };
        let mut rng = Rng::new(3);
        for _ in 0..20_000 {
            let f = case(&mut rng);
            let (r, c) = (f.removal(), f.conduct());
            count("in_proceedings", r.in_proceedings);
            count("prior_order", r.prior_order);
            count("reinstated", r.reinstated);
            count("frivolous_finding", r.frivolous_finding);
            count("drug_trafficking", c.drug_trafficking);
            count(
                "fear_in_every_nationality",
                f.risk().fear_in_every_nationality,
            );
            count("family_unity", f.family_unity);
            for a in f.arrivals() {
                count("visa_or_admission_document", a.visa_or_admission_document);
                count("encountered_within_14_days", a.encountered_within_14_days);
                count(
                    "scheduling_system_unavailable",
                    a.scheduling_system_unavailable,
                );
            }
            // Asked only after the fact they depend on.
            if r.reinstated.is_some() {
                assert_eq!(r.prior_order, Some(true), "{f:?}");
            }
            if c.drug_trafficking.is_some() {
                assert_eq!(c.aggravated_felony, Some(true), "{f:?}");
            }
            if f.risk.is_some() {
                assert!(f.applicant().nationality.as_ref().unwrap().len() > 1);
            }
        }
        assert_eq!(tally.len(), 10, "{tally:?}");
        for (name, [no, unknown, yes]) in &tally {
            assert!(
                *no > 0 && *unknown > 0 && *yes > 0,
                "{name}: {no} {unknown} {yes}"
            );
        }
        // prior_order: no 85%, unknown 10% (and 5% without a removal history), yes 5%.
        let [no, unknown, yes] = tally["prior_order"];
        assert!(
            no > 14_000 && unknown > 2_000 && (500..1_500).contains(&yes),
            "{no} {unknown} {yes}"
        );
    }

    /// The entries a screening memo keeps for `n` generated rows: one for
    /// each row whose key no earlier row had.
    fn memo_entries(n: u64, diversity: Diversity) -> (usize, usize) {
        let mut rng = Rng::new(5);
        let cases: Vec<Case> = (0..n)
            .map(|i| {
                let mut f = case(&mut rng);
                if diversity == Diversity::High {
                    diversify(&mut f, i);
                }
                let as_of = f.as_of.unwrap();
                Case::new(f, as_of).unwrap()
            })
            .collect();
        // A granted case is never kept (refuge_engine::memo).
        let kept = cases
            .iter()
            .filter(|c| c.facts().application().granted_on.is_none())
            .count();
        let law = refuge_engine::Law::embedded();
        let mut memo = refuge_engine::Memo::with_capacity(law, n as usize);
        let refs: Vec<&Case> = cases.iter().collect();
        refuge_engine::screen_all_with(&refs, &mut memo);
        (memo.len(), kept)
    }

    #[test]
    fn a_high_diversity_caseload_shares_no_memo_key_between_two_rows() {
        let (entries, rows) = memo_entries(3000, Diversity::High);
        assert_eq!(
            entries, rows,
            "every row that may be kept is a key of its own"
        );
        // As a docket comes, many rows share a key with an earlier one (the
        // more rows, the more: 85% of 1,000,000).
        let (entries, rows) = memo_entries(3000, Diversity::Low);
        assert!(entries * 4 < rows * 3, "{entries} keys for {rows} rows");
    }

    #[test]
    fn a_high_diversity_row_keeps_its_legal_answers_but_the_sentence() {
        let (mut a, mut b) = (Rng::new(9), Rng::new(9));
        for n in 0..2000 {
            let (plain, mut diverse) = (case(&mut a), case(&mut b));
            diversify(&mut diverse, n);
            let (p, d) = (plain.conduct(), diverse.conduct());
            assert_eq!(p.aggravated_felony, d.aggravated_felony);
            assert_eq!(p.particularly_serious_crime, d.particularly_serious_crime);
            // The five-year line of INA § 241(b)(3)(B) is where it was.
            let five = |y: Option<f64>| y.is_some_and(|y| y >= 5.0);
            assert_eq!(five(p.sentence_years), five(d.sentence_years), "{n}");
            assert_eq!(plain.arrivals, diverse.arrivals);
        }
    }

    #[test]
    fn every_generated_case_is_valid() {
        let mut rng = Rng::new(1);
        for n in 0..5000 {
            let f = case(&mut rng);
            let as_of = f.as_of.unwrap();
            for d in dates(&f).into_iter().flatten() {
                assert!(d <= as_of, "case {n}: {d} after {as_of}");
            }
            assert!(
                crate::columns::facts_to_cells(&f).is_some(),
                "case {n} does not fit a CSV row"
            );
            Case::new(f, as_of).unwrap_or_else(|e| panic!("case {n}: {e}"));
        }
    }
}
