//! The facts form's table: every fact of the engine's facts document, by
//! section, with its kind of control, label and help (issue 4's form and
//! interview, the facts' schema and the messages of `web-facts-fields.ftl`
//! are all made from it). Its code is in [`super::form`]; a test there holds
//! the table equal to the engine's facts.

use refuge_engine::facts;

use super::form::{Field, Kind, Section, Shape};

const fn f(name: &'static str, kind: Kind, label: &'static str) -> Field {
    Field {
        name,
        kind,
        label,
        help: "",
    }
}

/// A field with a sentence of help under it.
const fn fh(name: &'static str, kind: Kind, label: &'static str, help: &'static str) -> Field {
    Field {
        name,
        kind,
        label,
        help,
    }
}

use Kind::*;

/// The help under a field of several countries.
const COUNTRIES_HELP: &str =
    "Countries by name (El Salvador, Mexico) or two-letter code (SV, MX), separated by commas.";

const YES_NO: Kind = Bool;

pub static SECTIONS: &[Section] = &[
    Section {
        key: "applicant",
        title: "Applicant",
        shape: Shape::Object,
        nested: None,
        fields: &[
            f("birth_date", Date, "Date of birth"),
            fh(
                "nationality",
                Countries,
                "Nationalities (none = stateless)",
                COUNTRIES_HELP,
            ),
            f(
                "habitual_residence",
                Country,
                "Country of last habitual residence (stateless persons)",
            ),
            f(
                "location",
                Choice(facts::Location::NAMES),
                "Where the applicant is",
            ),
            f(
                "current_country",
                Country,
                "Country where the applicant is now (when outside the US)",
            ),
            f(
                "unaccompanied_child",
                YES_NO,
                "Designated an unaccompanied alien child",
            ),
        ],
    },
    Section {
        key: "removal",
        title: "Removal history",
        shape: Shape::Object,
        nested: None,
        fields: &[
            fh(
                "in_proceedings",
                YES_NO,
                "Now in removal proceedings before an immigration judge",
                "A Notice to Appear has been filed with the immigration court.",
            ),
            fh(
                "prior_order",
                YES_NO,
                "Ever ordered removed, deported or excluded from the United States",
                "By an immigration judge or by DHS, at any time, whether or not the applicant then left.",
            ),
            fh(
                "reinstated",
                YES_NO,
                "DHS reinstated that earlier order (INA § 241(a)(5))",
                "Usually after a return without permission. Asylum is then unavailable: withholding and CAT protection only, in withholding-only proceedings.",
            ),
            fh(
                "frivolous_finding",
                YES_NO,
                "An earlier asylum application was found knowingly frivolous (INA § 208(d)(6))",
                "A finding by an immigration judge or the Board of Immigration Appeals; it bars asylum for good.",
            ),
        ],
    },
    Section {
        key: "arrivals",
        title: "Arrivals in the United States",
        shape: Shape::List,
        nested: None,
        fields: &[
            f("date", Date, "Date of arrival"),
            f("manner", Choice(facts::Manner::NAMES), "Manner of arrival"),
            f("border", Choice(facts::Border::NAMES), "Border"),
            f("from_country", Country, "Arrived from (country)"),
            fh(
                "transit_countries",
                Countries,
                "Countries passed through, in order",
                COUNTRIES_HELP,
            ),
            f(
                "cbp_one_appointment",
                YES_NO,
                "Presented at a pre-scheduled appointment (CBP One)",
            ),
            f(
                "protection_sought_in_transit",
                Choice(facts::TransitProtection::NAMES),
                "Asylum sought in a transit country",
            ),
            f(
                "stca_exception",
                YES_NO,
                "An exception of the U.S.-Canada Safe Third Country Agreement applies",
            ),
            f(
                "compelling_circumstances",
                YES_NO,
                "Compelling circumstances at entry (medical emergency, imminent threat, trafficking)",
            ),
            fh(
                "scheduling_system_unavailable",
                YES_NO,
                "Could not access or use the DHS scheduling system (CBP One)",
                "For a presentation at a port of entry without an appointment: a language barrier, illiteracy, a significant technical failure or another ongoing and serious obstacle (8 C.F.R. § 208.33(a)(2)(ii)(B)).",
            ),
            fh(
                "visa_or_admission_document",
                YES_NO,
                "Held a valid visa or other admission document",
                "An exception of the U.S.-Canada Safe Third Country Agreement (8 C.F.R. § 208.30(e)(6)(iii)).",
            ),
            fh(
                "encountered_within_14_days",
                YES_NO,
                "Crossed between ports of entry and was encountered within 14 days",
                "The reach of the Safe Third Country Agreement's Additional Protocol (88 Fed. Reg. 18,227).",
            ),
        ],
    },
    Section {
        key: "pathways",
        title: "Lawful pathways rule (the whole case)",
        shape: Shape::Top,
        nested: None,
        fields: &[fh(
            "family_unity",
            YES_NO,
            "The family-unity provision applies (8 C.F.R. § 1208.33(c))",
            "In removal proceedings: asylum would be granted but for the lawful-pathways rule, withholding of removal is granted, and a spouse or child would otherwise be separated. Matters only when the family lists a spouse or child.",
        )],
    },
    Section {
        key: "application",
        title: "Application (Form I-589)",
        shape: Shape::Object,
        nested: None,
        fields: &[
            f("filed_on", Date, "Receipt date"),
            f(
                "mailed_on",
                Date,
                "Mailing date (with clear and convincing proof)",
            ),
            f("forum", Choice(facts::Forum::NAMES), "Forum"),
            f(
                "previously_denied",
                YES_NO,
                "An earlier asylum application was denied",
            ),
            f(
                "clock_stopped_days",
                Int,
                "Days of applicant-caused delay (EAD clock)",
            ),
            f("granted_on", Date, "Date asylum was granted"),
            f("adjusted_on", Date, "Date the I-485 was approved"),
        ],
    },
    Section {
        key: "exceptions",
        title: "Exceptions to the one-year deadline",
        shape: Shape::List,
        nested: None,
        fields: &[
            f("kind", Choice(facts::ExceptionKind::NAMES), "Kind"),
            f("began", Date, "Began"),
            f("ended", Date, "Ended (empty: still continuing)"),
            f(
                "reasonable_delay",
                YES_NO,
                "The delay after it was reasonable (your judgment)",
            ),
        ],
    },
    Section {
        key: "harms",
        title: "Harms suffered or feared",
        shape: Shape::Keyed,
        nested: Some((
            "grounds",
            &[
                f("ground", Choice(facts::Ground::NAMES), "Ground"),
                f("central", YES_NO, "At least one central reason"),
                f("imputed", YES_NO, "Opinion imputed by the persecutor"),
                f(
                    "group",
                    Text,
                    "Social group: the id of a group defined under Groups, or a definition of a new one",
                ),
            ],
        )),
        fields: &[
            f("id", Text, "Short id (e.g. h1)"),
            f("when", Choice(facts::When::NAMES), "Past or feared"),
            f("date", Date, "Date"),
            f("kind", Choice(facts::HarmKind::NAMES), "Kind of harm"),
            f("target", Choice(facts::Target::NAMES), "Harmed"),
            fh(
                "narrative",
                Prose,
                "What happened, or what is feared, in the client's words",
                "For you and the declaration; it changes no finding.",
            ),
            f("detention_days", Int, "Days detained (a past detention)"),
            f("injured", YES_NO, "Injured, needing medical care"),
            f("severe", YES_NO, "Rises to persecution (your judgment)"),
            f("actor", Choice(facts::Actor::NAMES), "Who harmed"),
            f(
                "authorities",
                Choice(facts::Authorities::NAMES),
                "The government's protection (non-state actors)",
            ),
        ],
    },
    Section {
        key: "groups",
        title: "Proposed particular social groups",
        shape: Shape::Keyed,
        nested: None,
        fields: &[
            f("id", Text, "Short id (e.g. g1)"),
            f("definition", Text, "Definition"),
            f(
                "immutable",
                YES_NO,
                "Immutable (or fundamental) characteristic (your judgment)",
            ),
            f(
                "particular",
                YES_NO,
                "Particular: clear boundaries (your judgment)",
            ),
            f(
                "socially_distinct",
                YES_NO,
                "Socially distinct in the society (your judgment)",
            ),
        ],
    },
    Section {
        key: "risk",
        title: "Risk on return",
        shape: Shape::Object,
        nested: None,
        fields: &[
            f("afraid", YES_NO, "Genuinely fears return"),
            fh(
                "fear_in_every_nationality",
                YES_NO,
                "Fears persecution in each country of nationality",
                "Only for a national of two or more countries: the fear must be shown as to each (Matter of B-R-, 26 I&N Dec. 119 (BIA 2013)).",
            ),
            f(
                "persecution_likelihood",
                Choice(facts::Likelihood::NAMES),
                "Likelihood of persecution",
            ),
            f(
                "persecutor_aware",
                YES_NO,
                "The persecutor knows or could learn of the characteristic",
            ),
            f("persecutor_capable", YES_NO, "The persecutor can punish"),
            f(
                "persecutor_inclined",
                YES_NO,
                "The persecutor is inclined to punish",
            ),
            f(
                "pattern_or_practice",
                YES_NO,
                "A pattern or practice of persecution of people like the applicant",
            ),
            f(
                "conditions_changed",
                YES_NO,
                "Fundamental change in circumstances since the past persecution",
            ),
            f(
                "relocation_possible",
                YES_NO,
                "Could avoid persecution by moving within the country",
            ),
            f(
                "relocation_reasonable",
                YES_NO,
                "And that would be reasonable (your judgment)",
            ),
            f(
                "severe_past_persecution",
                YES_NO,
                "Compelling reasons from the severity of past persecution",
            ),
            f(
                "other_serious_harm",
                YES_NO,
                "Reasonable possibility of other serious harm on return",
            ),
            f(
                "cumulative_past_harm_severe",
                YES_NO,
                "The past harms together rise to persecution (your judgment)",
            ),
        ],
    },
    Section {
        key: "torture",
        title: "Torture (CAT)",
        shape: Shape::Object,
        nested: None,
        fields: &[
            f(
                "likelihood",
                Choice(facts::TortureLikelihood::NAMES),
                "Likelihood of torture",
            ),
            f(
                "official_role",
                Choice(facts::OfficialRole::NAMES),
                "Role of public officials",
            ),
        ],
    },
    Section {
        key: "conduct",
        title: "Conduct (the mandatory bars)",
        shape: Shape::Object,
        nested: None,
        fields: &[
            f(
                "persecuted_others",
                YES_NO,
                "Took part in persecuting others",
            ),
            f(
                "aggravated_felony",
                YES_NO,
                "Convicted of an aggravated felony",
            ),
            f(
                "particularly_serious_crime",
                YES_NO,
                "Convicted of another crime that is particularly serious (your judgment)",
            ),
            f(
                "sentence_years",
                Number,
                "Aggregate prison term for aggravated felonies (years)",
            ),
            fh(
                "drug_trafficking",
                YES_NO,
                "The aggravated felony was illicit drug trafficking",
                "Presumed particularly serious for withholding, whatever the sentence (Matter of Y-L-, A-G- & R-S-R-, 23 I&N Dec. 270 (A.G. 2002)).",
            ),
            f(
                "serious_nonpolitical_crime",
                YES_NO,
                "Serious reasons to believe a serious nonpolitical crime was committed abroad",
            ),
            f(
                "danger_to_security",
                YES_NO,
                "A danger to the security of the United States",
            ),
            f("terrorist_activity", YES_NO, "Terrorism-related grounds"),
        ],
    },
    Section {
        key: "resettlement",
        title: "Firm resettlement",
        shape: Shape::Object,
        nested: None,
        fields: &[
            f(
                "offered_permanent_status",
                YES_NO,
                "Another country offered permanent status",
            ),
            f("country", Country, "That country"),
            f(
                "stay_necessary_for_flight",
                YES_NO,
                "Present there only as a consequence of flight",
            ),
            f(
                "restrictive_conditions",
                YES_NO,
                "Conditions there were so restricted as not to be resettlement",
            ),
        ],
    },
    Section {
        key: "family",
        title: "Family members",
        shape: Shape::Keyed,
        nested: None,
        fields: &[
            f("id", Text, "Short id (e.g. c1)"),
            f("relation", Choice(facts::Relation::NAMES), "Relation"),
            f("birth_date", Date, "Date of birth"),
            f("married", YES_NO, "Married"),
            f(
                "relationship_began",
                Date,
                "Relationship began (marriage, birth or adoption)",
            ),
            f(
                "conceived_before_grant",
                YES_NO,
                "In utero on the day asylum was granted",
            ),
            f("in_us", YES_NO, "In the United States"),
            f("on_application", YES_NO, "Named on the I-589"),
            f(
                "i730_filed_on",
                Date,
                "Form I-730 for this member filed (received) on",
            ),
            fh(
                "humanitarian_reasons",
                YES_NO,
                "Humanitarian reasons excuse a Form I-730 filed after two years",
                "The attorney's judgment (8 C.F.R. § 208.21(d)).",
            ),
            fh(
                "asylee_since",
                Date,
                "Asylee through the applicant since",
                "Admitted on an approved Form I-730, or its approval for a member already here: their own year before adjustment runs from it.",
            ),
            f(
                "adjusted_on",
                Date,
                "This member's own Form I-485 approved on",
            ),
        ],
    },
    Section {
        key: "trips",
        title: "Trips outside the United States",
        shape: Shape::List,
        nested: None,
        fields: &[
            f("departed", Date, "Left the United States on"),
            fh(
                "returned",
                Date,
                "Came back on",
                "Leave empty while the person is still abroad.",
            ),
            fh("countries", Countries, "Countries visited", COUNTRIES_HELP),
            f(
                "document",
                Choice(facts::TravelDocument::NAMES),
                "Travelled on",
            ),
            fh(
                "residence_kept",
                YES_NO,
                "Continuous residence kept despite an absence of more than six months",
                "The attorney's judgment on the evidence that rebuts the presumption (8 C.F.R. § 316.5(c)(1)(i)).",
            ),
        ],
    },
    Section {
        key: "after_grant",
        title: "After the grant of asylum",
        shape: Shape::Object,
        nested: None,
        fields: &[
            f(
                "still_refugee",
                YES_NO,
                "Still a refugee, or the spouse or child of one (INA § 209(b)(3))",
            ),
            f(
                "firmly_resettled",
                YES_NO,
                "Firmly resettled in another country since the grant (INA § 209(b)(4))",
            ),
            f(
                "inadmissible",
                YES_NO,
                "A ground of inadmissibility of INA § 212(a) applies",
            ),
            fh(
                "ground_waivable",
                YES_NO,
                "Each such ground can be waived (Form I-602)",
                "INA § 209(c); some grounds cannot be waived.",
            ),
            f(
                "passport_renewed",
                YES_NO,
                "Renewed, obtained or used a passport of a country of nationality since the grant",
            ),
            fh(
                "protection_availed",
                YES_NO,
                "Returned to a country of nationality with permanent residence there, or a reasonable possibility of it",
                "Voluntary re-availment of its protection, a ground to terminate asylum (INA § 208(c)(2)(D)): the attorney's judgment.",
            ),
        ],
    },
];
