//! Every finding the engine makes: its id, the question of law it answers,
//! and the law it applies (`spec/rules.md`). `refuge law` prints this table;
//! a test parses every citation in it.
//!
//! Ids with `<hid>`, `<gid>` or `<fid>` are made per harm, group or family member.

/// The fixed part of a finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Def {
    pub id: &'static str,
    pub question: &'static str,
    pub cite: &'static [&'static str],
    /// The section of `spec/rules.md`.
    pub section: &'static str,
}

macro_rules! defs {
    ($($name:ident = $id:literal, $section:literal, $q:literal, [$($c:literal),+ $(,)?];)+) => {
        $(
            pub const $name: Def = Def { id: $id, question: $q, cite: &[$($c),+], section: $section };
            // The JSON writer copies a definition's words without escaping them
            // (`json::plain`): checked here, when the engine is compiled.
            const _: () = assert!(
                crate::json::plain($id) && crate::json::plain($q) $(&& crate::json::plain($c))+,
                concat!("a definition's words need JSON escaping: ", $id)
            );
        )+
        /// Every finding definition, in the order findings are evaluated and listed.
        pub const ALL: &[Def] = &[$($name),+];
    };
}

defs! {
    PRESENCE = "asylum.presence", "1",
        "Is the applicant physically present in, or arriving in, the United States?",
        ["INA § 208(a)(1)"];
    ONE_YEAR = "asylum.one_year", "1",
        "Was the application filed (or, if not yet filed, would it be filed today) within one year after the last arrival?",
        ["INA § 208(a)(2)(B)", "8 C.F.R. § 208.4(a)(2)(ii)"];
    ONE_YEAR_EXCEPTION = "asylum.one_year_exception", "1",
        "Do changed or extraordinary circumstances excuse the late filing, and was the application filed within a reasonable period?",
        ["INA § 208(a)(2)(D)", "8 C.F.R. § 208.4(a)(4)", "8 C.F.R. § 208.4(a)(5)",
         "65 Fed. Reg. 76,121, 76,123-24 (Dec. 6, 2000)", "Matter of T-M-H- & S-W-C-, 25 I&N Dec. 193 (BIA 2010)"];
    SAFE_THIRD_COUNTRY = "asylum.safe_third_country", "1",
        "Does the U.S.-Canada Safe Third Country Agreement bar the application?",
        ["INA § 208(a)(2)(A)", "8 C.F.R. § 208.4(a)(6)", "8 C.F.R. § 208.30(e)(6)", "8 C.F.R. § 1240.11(g)",
         "88 Fed. Reg. 18,227 (Mar. 28, 2023)"];
    PREVIOUS_DENIAL = "asylum.previous_denial", "1",
        "Does an earlier denial bar a new application?",
        ["INA § 208(a)(2)(C)", "INA § 208(a)(2)(D)", "8 C.F.R. § 208.4(a)(3)", "8 C.F.R. § 208.4(a)(4)(ii)"];
    REINSTATED_ORDER = "asylum.bar.reinstated_order", "1",
        "Has DHS reinstated a prior order of removal, which makes asylum unavailable?",
        ["INA § 241(a)(5)", "8 C.F.R. § 208.31", "8 C.F.R. § 241.8(e)"];
    FRIVOLOUS = "asylum.bar.frivolous", "1",
        "Was an earlier asylum application found frivolous, which bars asylum permanently?",
        ["INA § 208(d)(6)", "8 C.F.R. § 208.20"];
    LAWFUL_PATHWAYS = "asylum.lawful_pathways", "1",
        "Does the Circumvention of Lawful Pathways presumption make the applicant ineligible?",
        ["8 C.F.R. § 208.33(a)", "8 C.F.R. § 1208.33(c)", "88 Fed. Reg. 31,314 (May 16, 2023)"];
    EVERY_NATIONALITY = "refugee.every_nationality", "2",
        "Does the applicant with more than one nationality fear persecution in each country of nationality?",
        ["INA § 101(a)(42)(A)", "Matter of B-R-, 26 I&N Dec. 119 (BIA 2013)"];
    GROUP_COGNIZABLE = "group.<gid>.cognizable", "2",
        "Is this proposed particular social group cognizable?",
        ["Matter of Acosta, 19 I&N Dec. 211 (BIA 1985)", "Matter of M-E-V-G-, 26 I&N Dec. 227 (BIA 2014)",
         "Matter of W-G-R-, 26 I&N Dec. 208 (BIA 2014)"];
    HARM_SEVERITY = "harm.<hid>.severity", "2",
        "Does this harm rise to the level of persecution?",
        ["Matter of Acosta, 19 I&N Dec. 211 (BIA 1985)", "Zakirov v. Ashcroft, 384 F.3d 541 (8th Cir. 2004)",
         "Fatin v. INS, 12 F.3d 1233 (3d Cir. 1993)", "INA § 101(a)(42)"];
    HARM_ACTOR = "harm.<hid>.actor", "2",
        "Was (or would) the harm be inflicted by the government, or by someone the government is unable or unwilling to control?",
        ["Matter of Acosta, 19 I&N Dec. 211 (BIA 1985)", "Matter of A-B-, 27 I&N Dec. 316 (A.G. 2018)"];
    HARM_NEXUS = "harm.<hid>.nexus", "2",
        "Is a protected ground at least one central reason for the harm?",
        ["INA § 208(b)(1)(B)(i)", "INA § 101(a)(42)", "Matter of J-B-N- & S-M-, 24 I&N Dec. 208 (BIA 2007)",
         "INS v. Elias-Zacarias, 502 U.S. 478 (1992)", "Matter of J-S-, 24 I&N Dec. 520 (A.G. 2008)"];
    PAST_PERSECUTION = "refugee.past_persecution", "2",
        "Did the applicant suffer past persecution?",
        ["INA § 101(a)(42)(A)", "8 C.F.R. § 208.13(b)(1)", "Matter of O-Z- & I-Z-, 22 I&N Dec. 23 (BIA 1998)"];
    PRESUMPTION = "refugee.presumption", "2",
        "Does the presumption of a well-founded fear, which past persecution raises, still stand?",
        ["8 C.F.R. § 208.13(b)(1)(i)", "8 C.F.R. § 208.13(b)(1)(ii)"];
    FUTURE_PERSECUTION = "refugee.future_persecution", "2",
        "Independent of any presumption, is there a reasonable possibility of future persecution?",
        ["8 C.F.R. § 208.13(b)(2)", "8 C.F.R. § 208.13(b)(3)", "INS v. Cardoza-Fonseca, 480 U.S. 421 (1987)",
         "Matter of Mogharrabi, 19 I&N Dec. 439 (BIA 1987)"];
    WELL_FOUNDED_FEAR = "refugee.well_founded_fear", "2",
        "Does the applicant have a well-founded fear of persecution?",
        ["INA § 101(a)(42)(A)", "8 C.F.R. § 208.13(b)(1)"];
    HUMANITARIAN = "asylum.humanitarian", "2",
        "With the presumption rebutted, do compelling reasons or a reasonable possibility of other serious harm still warrant asylum?",
        ["8 C.F.R. § 208.13(b)(1)(iii)(A)", "8 C.F.R. § 208.13(b)(1)(iii)(B)", "Matter of Chen, 20 I&N Dec. 16 (BIA 1989)",
         "Matter of L-S-, 25 I&N Dec. 705 (BIA 2012)"];
    BAR_PERSECUTOR = "asylum.bar.persecutor", "3",
        "Did the applicant order, incite, assist or otherwise participate in the persecution of others?",
        ["INA § 208(b)(2)(A)(i)", "Matter of Negusie, 28 I&N Dec. 120 (A.G. 2020)"];
    BAR_PSC = "asylum.bar.particularly_serious_crime", "3",
        "Was the applicant convicted of a particularly serious crime (an aggravated felony is one, for asylum)?",
        ["INA § 208(b)(2)(A)(ii)", "INA § 208(b)(2)(B)(i)"];
    BAR_SNPC = "asylum.bar.serious_nonpolitical_crime", "3",
        "Are there serious reasons to believe the applicant committed a serious nonpolitical crime outside the United States?",
        ["INA § 208(b)(2)(A)(iii)", "INS v. Aguirre-Aguirre, 526 U.S. 415 (1999)"];
    BAR_SECURITY = "asylum.bar.security", "3",
        "Are there reasonable grounds to regard the applicant as a danger to the security of the United States?",
        ["INA § 208(b)(2)(A)(iv)"];
    BAR_TERRORISM = "asylum.bar.terrorism", "3",
        "Do the terrorism grounds of INA § 212(a)(3)(B) or § 237(a)(4)(B) apply to the applicant?",
        ["INA § 208(b)(2)(A)(v)"];
    BAR_FIRM_RESETTLEMENT = "asylum.bar.firm_resettlement", "3",
        "Was the applicant firmly resettled in another country before arriving in the United States?",
        ["INA § 208(b)(2)(A)(vi)", "8 C.F.R. § 208.15", "Matter of A-G-G-, 25 I&N Dec. 486 (BIA 2011)"];
    WITHHOLDING_THREAT = "withholding.threat", "4",
        "Is it more likely than not that the applicant's life or freedom would be threatened on account of a protected ground?",
        ["INA § 241(b)(3)(A)", "8 C.F.R. § 208.16(b)", "INS v. Stevic, 467 U.S. 407 (1984)"];
    WH_BAR_PERSECUTOR = "withholding.bar.persecutor", "4",
        "Did the applicant order, incite, assist or otherwise participate in the persecution of others?",
        ["INA § 241(b)(3)(B)(i)", "Matter of Negusie, 28 I&N Dec. 120 (A.G. 2020)"];
    WH_BAR_PSC = "withholding.bar.particularly_serious_crime", "4",
        "Was the applicant convicted of a particularly serious crime (for withholding, an aggravated felony with an aggregate sentence of at least five years is one)?",
        ["INA § 241(b)(3)(B)(ii)", "INA § 241(b)(3)(B) (flush language)",
         "Matter of Y-L-, A-G- & R-S-R-, 23 I&N Dec. 270 (A.G. 2002)", "Matter of N-A-M-, 24 I&N Dec. 336 (BIA 2007)"];
    WH_BAR_SNPC = "withholding.bar.serious_nonpolitical_crime", "4",
        "Are there serious reasons to believe the applicant committed a serious nonpolitical crime outside the United States?",
        ["INA § 241(b)(3)(B)(iii)", "INS v. Aguirre-Aguirre, 526 U.S. 415 (1999)"];
    WH_BAR_SECURITY = "withholding.bar.security", "4",
        "Are there reasonable grounds to regard the applicant as a danger to the security of the United States (terrorist activity included)?",
        ["INA § 241(b)(3)(B)(iv)"];
    TORTURE_LIKELY = "cat.torture_likely", "4",
        "Is it more likely than not that the applicant would be tortured?",
        ["8 C.F.R. § 208.16(c)(2)"];
    OFFICIAL = "cat.official", "4",
        "Would the torture be inflicted by, at the instigation of, or with the consent or acquiescence (including willful blindness) of a public official?",
        ["8 C.F.R. § 208.18(a)(1)", "8 C.F.R. § 208.18(a)(7)"];
    OUTSIDE_NATIONALITY = "refugee_admission.outside_nationality", "5",
        "Is the applicant outside the United States and outside every country of nationality (or, if stateless, of last habitual residence)?",
        ["INA § 101(a)(42)(A)", "INA § 101(a)(42)(B)", "INA § 207(c)(1)"];
    REFUGEE_SECURITY = "refugee_admission.security", "5",
        "Do the security or terrorism grounds of INA § 212(a)(3), which cannot be waived for a refugee, apply to the applicant?",
        ["INA § 212(a)(3)", "INA § 207(c)(3)"];
    FAMILY_DERIVATIVE = "family.<fid>.derivative", "6",
        "Can this family member take derivative status through the applicant?",
        ["INA § 208(b)(3)(A)", "INA § 208(b)(3)(B)", "8 C.F.R. § 208.3(a)", "8 C.F.R. § 208.21"];
    FAMILY_I730 = "family.<fid>.i730", "6",
        "Can the asylee petition on Form I-730 for this family member to follow to join, in time (within two years of the grant, or later for humanitarian reasons)?",
        ["INA § 208(b)(3)(A)", "8 C.F.R. § 208.21(b)", "8 C.F.R. § 208.21(d)", "8 C.F.R. § 1.2"];
    ADJUSTMENT_PRESENCE = "adjustment.physical_presence", "8",
        "Has the asylee been physically present in the United States for at least one year since the grant of asylum?",
        ["INA § 209(b)(2)", "8 C.F.R. § 209.2(a)(1)(ii)"];
    ADJUSTMENT_REFUGEE = "adjustment.refugee", "8",
        "Is the asylee still a refugee, or the spouse or child of one?",
        ["INA § 209(b)(3)", "8 C.F.R. § 209.2(a)(1)(iii)"];
    ADJUSTMENT_RESETTLED = "adjustment.firm_resettlement", "8",
        "Has the asylee been firmly resettled in a foreign country, which bars adjustment?",
        ["INA § 209(b)(4)", "8 C.F.R. § 209.2(a)(1)(iv)"];
    ADJUSTMENT_ADMISSIBLE = "adjustment.admissible", "8",
        "Is the asylee admissible as an immigrant, or can each ground of inadmissibility be waived (Form I-602)?",
        ["INA § 209(b)(5)", "INA § 209(c)", "8 C.F.R. § 209.2(a)(1)(v)", "8 C.F.R. § 209.2(b)"];
    ADJUSTMENT = "adjustment.requirements", "8",
        "Does the asylee meet the requirements to adjust to permanent residence as an asylee?",
        ["INA § 209(b)", "8 C.F.R. § 209.2(a)(1)"];
    STATUS_RETURN = "status.return_to_country", "8",
        "Has the asylee travelled, since the grant, to a country of nationality (the country of claimed persecution)?",
        ["INA § 208(c)(2)(A)", "INA § 208(c)(2)(D)", "8 C.F.R. § 208.24(a)(2)"];
    STATUS_PASSPORT = "status.national_passport", "8",
        "Has the asylee renewed, obtained or travelled on a passport of a country of nationality since the grant?",
        ["INA § 208(c)(2)(A)", "INA § 208(c)(2)(D)", "8 C.F.R. § 208.24(a)(2)"];
    STATUS_REAVAILMENT = "status.reavailment", "8",
        "Has the asylee voluntarily re-availed themself of the protection of a country of nationality by returning there with permanent residence, or a reasonable possibility of it, a ground to terminate asylum?",
        ["INA § 208(c)(2)(D)", "8 C.F.R. § 208.24(a)(2)"];
    STATUS_TRAVEL_DOCUMENT = "status.travel_document", "8",
        "Did the asylee, while an asylee, travel abroad without a refugee travel document (or advance parole) to return on?",
        ["8 C.F.R. § 223.1(b)", "8 C.F.R. § 223.2(b)(2)"];
    NATURALIZATION_PRESENCE = "naturalization.physical_presence", "8",
        "Has the permanent resident been physically present in the United States for at least half of the five years before filing for naturalization (30 months)?",
        ["INA § 316(a)(1)"];
    NATURALIZATION_RESIDENCE = "naturalization.continuous_residence", "8",
        "Has the permanent resident resided continuously in the United States, without an absence that breaks continuous residence, in the five years before filing for naturalization?",
        ["INA § 316(a)(1)", "INA § 316(b)", "8 C.F.R. § 316.5(c)(1)"];
}

/// The definition whose id (or id template) is `id`.
pub fn find(id: &str) -> Option<&'static Def> {
    ALL.iter()
        .find(|d| d.id == id || template_matches(d.id, id))
}

fn template_matches(template: &str, id: &str) -> bool {
    let (Some(open), Some(close)) = (template.find('<'), template.find('>')) else {
        return false;
    };
    let (pre, post) = (&template[..open], &template[close + 1..]);
    id.len() > pre.len() + post.len() && id.starts_with(pre) && id.ends_with(post)
}
