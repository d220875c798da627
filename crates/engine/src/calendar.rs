//! Calendar arithmetic of `spec/deadlines.md`: adding years with the
//! 29-February rule, and rolling a deadline past weekends and legal holidays
//! (5 U.S.C. § 6103).

use jiff::civil::{Date, Weekday};

/// Which way a 29 February that does not exist in the target year is rounded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rounding {
    /// The last day to act: 29 February becomes 28 February (the earlier, safe date).
    Deadline,
    /// The first day one may act: 29 February becomes 1 March (the later, safe date).
    Eligibility,
}

/// `date` + `years` years, keeping month and day; `true` when 29 February was rounded.
pub fn add_years(date: Date, years: i16, rounding: Rounding) -> (Date, bool) {
    let year = date.year() + years;
    if date.month() == 2 && date.day() == 29 && !jiff::civil::date(year, 1, 1).in_leap_year() {
        let d = match rounding {
            Rounding::Deadline => jiff::civil::date(year, 2, 28),
            Rounding::Eligibility => jiff::civil::date(year, 3, 1),
        };
        (d, true)
    } else {
        (jiff::civil::date(year, date.month(), date.day()), false)
    }
}

/// `date` + `days` calendar days (negative counts back), never panicking:
/// past the calendar's range it stops at its first or last day (a checked
/// facts document keeps every count far inside it: `Case::check`).
pub fn add_days(date: Date, days: i64) -> Date {
    jiff::Span::new()
        .try_days(days)
        .ok()
        .and_then(|span| date.checked_add(span).ok())
        .unwrap_or(if days < 0 { Date::MIN } else { Date::MAX })
}

/// Whole calendar days from `a` to `b` (negative when `b` is earlier).
pub fn days_between(a: Date, b: Date) -> i64 {
    b.since(a).map(|s| i64::from(s.get_days())).unwrap_or(0)
}

/// Whole years of age on `on` for someone born on `birth`. A 29 February
/// birthday is reached on 28 February in a common year: the same safe rounding
/// as the `family.<fid>.age_21` deadline, so the age and the date agree.
pub fn age_on(birth: Date, on: Date) -> i32 {
    let mut age = i32::from(on.year()) - i32::from(birth.year());
    let (month, day) = match (birth.month(), birth.day()) {
        (2, 29) if !on.in_leap_year() => (2, 28),
        md => md,
    };
    if (on.month(), on.day()) < (month, day) {
        age -= 1;
    }
    age
}

/// The English weekday name.
pub fn weekday_name(d: Date) -> &'static str {
    match d.weekday() {
        Weekday::Monday => "Monday",
        Weekday::Tuesday => "Tuesday",
        Weekday::Wednesday => "Wednesday",
        Weekday::Thursday => "Thursday",
        Weekday::Friday => "Friday",
        Weekday::Saturday => "Saturday",
        Weekday::Sunday => "Sunday",
    }
}

/// How a holiday's date is found in a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayRule {
    /// A fixed month and day.
    Fixed { month: i8, day: i8 },
    /// The nth (1-4) weekday of a month, or the last (`nth` = -1).
    Nth {
        nth: i8,
        weekday: Weekday,
        month: i8,
    },
}

impl DayRule {
    /// Parses `"MM-DD"` or `"<first|second|third|fourth|last> <weekday> of <month>"`.
    pub fn parse(s: &str) -> Option<DayRule> {
        if let Some((m, d)) = s.split_once('-') {
            let (month, day) = (m.parse().ok()?, d.parse().ok()?);
            jiff::civil::Date::new(2000, month, day).ok()?;
            return Some(DayRule::Fixed { month, day });
        }
        let words: Vec<&str> = s.split_whitespace().collect();
        let [nth, weekday, "of", month] = words[..] else {
            return None;
        };
        let nth = match nth {
            "first" => 1,
            "second" => 2,
            "third" => 3,
            "fourth" => 4,
            "last" => -1,
            _ => return None,
        };
        let weekday = match weekday {
            "monday" => Weekday::Monday,
            "tuesday" => Weekday::Tuesday,
            "wednesday" => Weekday::Wednesday,
            "thursday" => Weekday::Thursday,
            "friday" => Weekday::Friday,
            "saturday" => Weekday::Saturday,
            "sunday" => Weekday::Sunday,
            _ => return None,
        };
        const MONTHS: [&str; 12] = [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ];
        let month = MONTHS.iter().position(|m| *m == month)? as i8 + 1;
        Some(DayRule::Nth {
            nth,
            weekday,
            month,
        })
    }

    /// The date this rule gives in `year`.
    pub fn in_year(self, year: i16) -> Date {
        match self {
            DayRule::Fixed { month, day } => jiff::civil::date(year, month, day),
            DayRule::Nth {
                nth,
                weekday,
                month,
            } => {
                let first = jiff::civil::date(year, month, 1);
                if nth > 0 {
                    first.nth_weekday_of_month(nth, weekday).unwrap_or(first)
                } else {
                    first.nth_weekday_of_month(-1, weekday).unwrap_or(first)
                }
            }
        }
    }
}

/// A holiday's date rule and the first and last dates it gives (inclusive).
pub type DatedRule = (DayRule, Date, Option<Date>);

/// One day off: a legal holiday, or the Friday or Monday on which it is observed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayOff {
    pub date: Date,
    /// Index into the holiday list of the law.
    pub holiday: usize,
    /// `true` when this is the observed day of a holiday on a weekend (5 U.S.C. § 6103(b)).
    pub observed: bool,
}

// NOT MODELLED: executive-order closings as holidays (they do not move a
// deadline: the earlier date is the safe one), and holidays before 1971.
/// The legal holidays, precomputed for the years the law covers.
#[derive(Debug, Clone, Default)]
pub struct Calendar {
    /// Sorted by date.
    days_off: Vec<DayOff>,
    names: Vec<String>,
    /// Whether each day of the table's years is a business day, one bit a
    /// day: `days` days from day number `first` (a quick lookup for the
    /// deadlines of a caseload; other days are worked out).
    business: Vec<u64>,
    first: i32,
    days: usize,
}

/// Days from 1970-01-01 to `d` (negative before), by the civil calendar's
/// arithmetic (Howard Hinnant's `days_from_civil`).
fn day_number(d: Date) -> i32 {
    let (m, day) = (i32::from(d.month()), i32::from(d.day()));
    let y = i32::from(d.year()) - i32::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

impl Calendar {
    /// Builds the table from `(name, rule, from, to)` entries for `years`.
    pub fn new(
        holidays: &[(String, Vec<DatedRule>)],
        years: std::ops::RangeInclusive<i16>,
    ) -> Self {
        let mut days_off = Vec::new();
        for (h, (_, rules)) in holidays.iter().enumerate() {
            for year in years.clone() {
                for &(rule, from, to) in rules {
                    let date = rule.in_year(year);
                    if date < from || to.is_some_and(|to| date > to) {
                        continue;
                    }
                    days_off.push(DayOff {
                        date,
                        holiday: h,
                        observed: false,
                    });
                    // > (b)(1) ... if a legal public holiday falls on a Saturday, the Friday
                    // > immediately before is a legal public holiday ...; (b)(2) on a Sunday,
                    // > the Monday immediately after.
                    let observed = match date.weekday() {
                        Weekday::Saturday => Some(add_days(date, -1)),
                        Weekday::Sunday => Some(add_days(date, 1)),
                        _ => None,
                    };
                    if let Some(o) = observed {
                        days_off.push(DayOff {
                            date: o,
                            holiday: h,
                            observed: true,
                        });
                    }
                }
            }
        }
        days_off.sort_by_key(|d| (d.date, d.observed));
        let names = holidays.iter().map(|(n, _)| n.clone()).collect();
        let first = day_number(Date::new(*years.start(), 1, 1).expect("1 January"));
        let last = day_number(Date::new(*years.end(), 12, 31).expect("31 December"));
        let days = (last - first + 1) as usize;
        // 1970-01-01 (day 0) was a Thursday: day n is a Saturday or a Sunday
        // when (n + 3) mod 7 is 5 or 6. The weekdays of a word's 64 days
        // depend only on its first day's, so the seven possible words are
        // made once, and each word of the table is one of them (a day at a
        // time, this loop was most of the time a process took to load the law).
        let week: [u64; 7] = std::array::from_fn(|k| {
            (0..64)
                .filter(|i| !matches!((k + i) % 7, 5 | 6))
                .fold(0u64, |w, i| w | 1 << i)
        });
        let mut business: Vec<u64> = (0..days.div_ceil(64))
            .map(|w| week[(first + 3 + 64 * w as i32).rem_euclid(7) as usize])
            .collect();
        // The bits past the last day are no days.
        if !days.is_multiple_of(64)
            && let Some(w) = business.last_mut()
        {
            *w &= (1u64 << (days % 64)) - 1;
        }
        for d in &days_off {
            let i = day_number(d.date) - first;
            if (0..=last - first).contains(&i) {
                let i = i as usize;
                business[i / 64] &= !(1 << (i % 64));
            }
        }
        Calendar {
            days_off,
            names,
            business,
            first,
            days,
        }
    }

    /// The legal holiday on `date` that gives a day off, if any (weekend
    /// holidays themselves are reported as their observed day).
    pub fn holiday(&self, date: Date) -> Option<&DayOff> {
        let i = self.days_off.partition_point(|d| d.date < date);
        self.days_off[i..]
            .iter()
            .take_while(|d| d.date == date)
            .next()
    }

    /// Every day off in a year, in order (for `refuge law` and tests).
    pub fn days_off_in(&self, year: i16) -> impl Iterator<Item = &DayOff> {
        self.days_off.iter().filter(move |d| d.date.year() == year)
    }

    pub fn holiday_name(&self, d: &DayOff) -> &str {
        &self.names[d.holiday]
    }

    /// Neither a Saturday, a Sunday, nor a legal holiday (or its observed day).
    pub fn is_business_day(&self, date: Date) -> bool {
        match usize::try_from(day_number(date) - self.first) {
            Ok(i) if i < self.days => self.business[i / 64] & (1 << (i % 64)) != 0,
            _ => {
                !matches!(date.weekday(), Weekday::Saturday | Weekday::Sunday)
                    && self.holiday(date).is_none()
            }
        }
    }

    /// The first business day on or after `date`.
    /// (The days passed over are those from `date` up to it; see
    /// [`Calendar::why_closed`].)
    pub fn roll_forward(&self, date: Date) -> Date {
        let mut d = date;
        while !self.is_business_day(d) {
            d = add_days(d, 1);
        }
        d
    }

    /// Why `date` is not a business day, in words ("a Sunday", "a legal holiday
    /// (Independence Day observed)"); empty for a business day.
    pub fn why_closed(&self, date: Date) -> String {
        match (date.weekday(), self.holiday(date)) {
            (Weekday::Saturday | Weekday::Sunday, _) => text!("a {}", weekday_name(date)),
            (_, Some(h)) if h.observed => {
                text!("a legal holiday ({} observed)", self.holiday_name(h))
            }
            (_, Some(h)) => text!("a legal holiday ({})", self.holiday_name(h)),
            _ => String::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Law;

    #[test]
    fn day_numbers_count_days_from_1970() {
        for (d, n) in [
            (jiff::civil::date(1970, 1, 1), 0),
            (jiff::civil::date(1969, 12, 31), -1),
            (jiff::civil::date(2000, 3, 1), 11_017),
            (jiff::civil::date(2026, 11, 27), 20_784),
        ] {
            assert_eq!(day_number(d), n, "{d}");
        }
        let mut d = jiff::civil::date(1900, 1, 1);
        let mut n = day_number(d);
        while d.year() < 2300 {
            d = add_days(d, 1);
            n += 1;
            assert_eq!(day_number(d), n, "{d}");
        }
    }

    #[test]
    fn the_business_day_table_agrees_with_the_weekdays_and_holidays() {
        let calendar = &Law::embedded().calendar;
        let mut d = jiff::civil::date(1969, 6, 1);
        while d.year() < 2202 {
            let worked_out = !matches!(d.weekday(), Weekday::Saturday | Weekday::Sunday)
                && calendar.holiday(d).is_none();
            assert_eq!(calendar.is_business_day(d), worked_out, "{d}");
            d = add_days(d, 1);
        }
    }
}
