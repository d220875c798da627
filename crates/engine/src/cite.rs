//! The forms a citation may take, so that a test can check every citation the
//! engine and its parameters print (citation metadata no test reads goes bad).

/// A recognised form of legal citation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CiteForm {
    /// `INA § 208(a)(2)(B)`
    Statute,
    /// `8 C.F.R. § 208.4(a)(2)(ii)`
    Regulation,
    /// `5 U.S.C. § 6103(a)`
    Code,
    /// `88 Fed. Reg. 18,227 (Mar. 28, 2023)`
    FederalRegister,
    /// `Pub. L. 119-21 (2025)`
    PublicLaw,
    /// `Matter of Acosta, 19 I&N Dec. 211 (BIA 1985)`
    AgencyDecision,
    /// `INS v. Stevic, 467 U.S. 407 (1984)`; `Pacito v. Trump, No. 25-cv-255 (W.D. Wash. 2025)`
    CourtDecision,
    /// `Executive Order 14163, 90 Fed. Reg. 8,459 (Jan. 30, 2025)`; `Proclamation 10888, …`
    PresidentialDocument,
    /// `USCIS Policy Memorandum PM-602-0192 (Dec. 2, 2025)`
    PolicyMemorandum,
}

/// The form of `s`, or `None` when it is not a citation this project writes.
pub fn parse(s: &str) -> Option<CiteForm> {
    if let Some(rest) = s.strip_prefix("INA § ") {
        return section(rest).then_some(CiteForm::Statute);
    }
    if let Some((title, rest)) = s.split_once(" C.F.R. § ") {
        let (part, rest) = rest.split_once('.')?;
        return (digits(title) && digits(part) && section(rest)).then_some(CiteForm::Regulation);
    }
    if let Some((title, rest)) = s.split_once(" U.S.C. § ") {
        return (digits(title) && section(rest)).then_some(CiteForm::Code);
    }
    if let Some(rest) = s.strip_prefix("Pub. L. ") {
        let (congress, rest) = rest.split_once('-')?;
        let number: String = rest.chars().take_while(char::is_ascii_digit).collect();
        return (digits(congress) && !number.is_empty() && ends_with_year_paren(rest))
            .then_some(CiteForm::PublicLaw);
    }
    if s.starts_with("Executive Order ") || s.starts_with("Proclamation ") {
        let (_, after) = s.split_once(|c: char| c.is_ascii_digit())?;
        let rest = after.trim_start_matches(|c: char| c.is_ascii_digit());
        return (rest.is_empty() || rest.strip_prefix(", ").is_some_and(fed_reg))
            .then_some(CiteForm::PresidentialDocument);
    }
    if s.starts_with("USCIS Policy Memorandum PM-") {
        return ends_with_year_paren(s).then_some(CiteForm::PolicyMemorandum);
    }
    if s.starts_with("Matter of ") {
        // The names may hold commas (`Matter of Y-L-, A-G- & R-S-R-, 23 I&N Dec. 270`).
        let (names, rest) = s.split_once(" I&N Dec. ")?;
        let (_, vol) = names.rsplit_once(", ")?;
        let tribunal = rest.contains("(BIA ") || rest.contains("(A.G. ");
        return (digits(vol) && tribunal && ends_with_year_paren(rest))
            .then_some(CiteForm::AgencyDecision);
    }
    if fed_reg(s) {
        return Some(CiteForm::FederalRegister);
    }
    if let Some((parties, rest)) = s.split_once(", ") {
        let reporter = ["U.S. ", "F.3d ", "F.4th ", "F.2d ", "F. Supp. 3d "]
            .iter()
            .any(|r| rest.contains(r));
        let docket = rest.starts_with("No. ");
        if parties.contains(" v. ") && (reporter || docket) && ends_with_year_paren(rest) {
            return Some(CiteForm::CourtDecision);
        }
    }
    None
}

fn digits(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_digit())
}

/// `208(a)(2)(B)`, optionally followed by a remark in parentheses after a space.
fn section(s: &str) -> bool {
    let (head, remark) = match s.split_once(" (") {
        Some((h, r)) => (h, Some(r)),
        None => (s, None),
    };
    let number_len = head.chars().take_while(char::is_ascii_digit).count();
    if number_len == 0 {
        return false;
    }
    let mut rest = &head[number_len..];
    while let Some(r) = rest.strip_prefix('(') {
        let Some((inner, after)) = r.split_once(')') else {
            return false;
        };
        if inner.is_empty() || !inner.chars().all(|c| c.is_ascii_alphanumeric()) {
            return false;
        }
        rest = after;
    }
    rest.is_empty() && remark.is_none_or(|r| r.ends_with(')'))
}

/// `88 Fed. Reg. 18,227 (Mar. 28, 2023)`, optionally with a pin cite.
fn fed_reg(s: &str) -> bool {
    let Some((vol, rest)) = s.split_once(" Fed. Reg. ") else {
        return false;
    };
    let page_ok = rest.chars().next().is_some_and(|c| c.is_ascii_digit());
    digits(vol) && page_ok && ends_with_year_paren(rest)
}

/// Ends with a parenthetical whose last four characters before `)` are a year.
fn ends_with_year_paren(s: &str) -> bool {
    let Some(body) = s.strip_suffix(')') else {
        return false;
    };
    let Some(open) = body.rfind('(') else {
        return false;
    };
    let inner = &body[open + 1..];
    inner.len() >= 4 && digits(&inner[inner.len() - 4..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_forms_practitioners_write_are_recognised() {
        for (s, form) in [
            ("INA § 208(a)(2)(B)", CiteForm::Statute),
            ("INA § 241(b)(3)(B) (flush language)", CiteForm::Statute),
            ("8 C.F.R. § 208.4(a)(2)(ii)", CiteForm::Regulation),
            ("8 C.F.R. § 208.15", CiteForm::Regulation),
            ("5 U.S.C. § 6103(a)", CiteForm::Code),
            (
                "88 Fed. Reg. 18,227 (Mar. 28, 2023)",
                CiteForm::FederalRegister,
            ),
            (
                "65 Fed. Reg. 76,121, 76,123-24 (Dec. 6, 2000)",
                CiteForm::FederalRegister,
            ),
            ("Pub. L. 119-21 (2025)", CiteForm::PublicLaw),
            (
                "Matter of Mogharrabi, 19 I&N Dec. 439 (BIA 1987)",
                CiteForm::AgencyDecision,
            ),
            (
                "Matter of A-B-, 28 I&N Dec. 307 (A.G. 2021)",
                CiteForm::AgencyDecision,
            ),
            (
                "INS v. Cardoza-Fonseca, 480 U.S. 421 (1987)",
                CiteForm::CourtDecision,
            ),
            (
                "Zakirov v. Ashcroft, 384 F.3d 541 (8th Cir. 2004)",
                CiteForm::CourtDecision,
            ),
            (
                "Pacito v. Trump, No. 25-cv-255 (W.D. Wash. 2025)",
                CiteForm::CourtDecision,
            ),
            (
                "Executive Order 14163, 90 Fed. Reg. 8,459 (Jan. 30, 2025)",
                CiteForm::PresidentialDocument,
            ),
            (
                "USCIS Policy Memorandum PM-602-0192 (Dec. 2, 2025)",
                CiteForm::PolicyMemorandum,
            ),
        ] {
            assert_eq!(parse(s), Some(form), "{s}");
        }
    }

    #[test]
    fn malformed_citations_are_rejected() {
        for s in [
            "INA 208(a)",
            "8 CFR 208.4",
            "Matter of Acosta",
            "Fed. Reg. 18,227",
            "INA § 208(a",
            "see the statute",
        ] {
            assert_eq!(parse(s), None, "{s}");
        }
    }
}
