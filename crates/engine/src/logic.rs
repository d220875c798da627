//! Three-valued (Kleene) logic that remembers what it is missing.
//!
//! A [`V`] is yes, no or unknown; an unknown value carries the facts (or the
//! unknown findings) that would settle it. `and`, `or` and `not` follow
//! Kleene's strong logic: `no ∧ unknown = no`, `yes ∨ unknown = yes`, so a
//! conclusion is never drawn while a fact that could change it is unknown,
//! and only the unknowns that could still change the result are kept.

use crate::facts::Case;

/// yes, no or unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tri {
    Yes,
    No,
    Unknown,
}

/// A fact of the facts document, by where it sits (entries by index). The
/// facts of the single objects carry their whole path (`risk.afraid`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Fact {
    Applicant(&'static str),
    /// The list of arrivals itself (none given).
    Arrivals,
    Arrival(usize, &'static str),
    Application(&'static str),
    /// The list of exceptions itself (none given).
    Exceptions,
    Exception(usize, &'static str),
    /// The list of harms itself (none given).
    Harms,
    Harm(usize, &'static str),
    /// `harms[h].grounds[g].field`
    Ground(usize, usize, &'static str),
    Group(usize, &'static str),
    Risk(&'static str),
    Torture(&'static str),
    Conduct(&'static str),
    Resettlement(&'static str),
    Family(usize, &'static str),
}

impl Fact {
    /// The path in the facts document (`harms[h1].severe`, `arrivals[0].date`).
    pub fn path(&self, case: &Case) -> String {
        match *self {
            Fact::Applicant(p)
            | Fact::Application(p)
            | Fact::Risk(p)
            | Fact::Torture(p)
            | Fact::Conduct(p)
            | Fact::Resettlement(p) => p.to_string(),
            Fact::Arrivals => "arrivals".into(),
            Fact::Arrival(i, f) => format!("arrivals[{i}].{f}"),
            Fact::Exceptions => "exceptions".into(),
            Fact::Exception(i, f) => format!("exceptions[{i}].{f}"),
            Fact::Harms => "harms".into(),
            Fact::Harm(i, f) => format!("harms[{}].{f}", case.harm_ids[i]),
            Fact::Ground(i, g, f) => format!("harms[{}].grounds[{g}].{f}", case.harm_ids[i]),
            Fact::Group(i, f) => format!("groups[{}].{f}", case.group_ids[i]),
            Fact::Family(i, f) => format!("family[{}].{f}", case.family_ids[i]),
        }
    }
}

/// What an unknown is waiting for: a fact, or another finding (by index).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Need {
    Fact(Fact),
    Finding(usize),
}

/// What an unknown waits for: needs in the order they arose, each once. Most
/// unknowns wait for one thing, which is kept without a heap allocation. (Two
/// kept inline as well cost more than they save: every `V` grows by a need,
/// and values are moved about far more often than merged.)
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Needs {
    #[default]
    None,
    One(Need),
    Many(Vec<Need>),
}

impl Needs {
    pub fn as_slice(&self) -> &[Need] {
        match self {
            Needs::None => &[],
            Needs::One(n) => std::slice::from_ref(n),
            Needs::Many(v) => v,
        }
    }

    pub fn iter(&self) -> std::slice::Iter<'_, Need> {
        self.as_slice().iter()
    }

    pub fn len(&self) -> usize {
        self.as_slice().len()
    }

    pub fn is_empty(&self) -> bool {
        self.as_slice().is_empty()
    }

    /// Appends `need` unless it is already there.
    pub fn add(&mut self, need: Need) {
        match self {
            Needs::None => *self = Needs::One(need),
            Needs::One(n) if *n == need => {}
            Needs::One(n) => {
                let mut v = Vec::with_capacity(6);
                v.extend([*n, need]);
                *self = Needs::Many(v);
            }
            Needs::Many(v) => {
                if !v.contains(&need) {
                    v.push(need);
                }
            }
        }
    }
}

impl FromIterator<Need> for Needs {
    fn from_iter<I: IntoIterator<Item = Need>>(iter: I) -> Needs {
        let mut needs = Needs::None;
        for n in iter {
            needs.add(n);
        }
        needs
    }
}

impl<'a> IntoIterator for &'a Needs {
    type Item = &'a Need;
    type IntoIter = std::slice::Iter<'a, Need>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

/// A three-valued result and, when unknown, what would settle it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct V {
    pub t: Tri,
    pub needs: Needs,
}

impl V {
    pub const YES: V = V {
        t: Tri::Yes,
        needs: Needs::None,
    };
    pub const NO: V = V {
        t: Tri::No,
        needs: Needs::None,
    };

    pub fn known(b: bool) -> V {
        if b { V::YES } else { V::NO }
    }

    pub fn unknown(need: Need) -> V {
        V {
            t: Tri::Unknown,
            needs: Needs::One(need),
        }
    }

    /// An unknown waiting for `needs`.
    pub fn unknown_of(needs: Needs) -> V {
        V {
            t: Tri::Unknown,
            needs,
        }
    }

    /// A boolean fact: unknown (asking `fact`) when absent.
    pub fn fact(value: Option<bool>, fact: Fact) -> V {
        match value {
            Some(b) => V::known(b),
            None => V::unknown(Need::Fact(fact)),
        }
    }

    /// Whether an optional fact satisfies `test`; unknown (asking `fact`) when absent.
    pub fn test<T>(value: Option<T>, fact: Fact, test: impl FnOnce(T) -> bool) -> V {
        match value {
            Some(v) => V::known(test(v)),
            None => V::unknown(Need::Fact(fact)),
        }
    }

    pub fn is_yes(&self) -> bool {
        self.t == Tri::Yes
    }
    pub fn is_no(&self) -> bool {
        self.t == Tri::No
    }
    pub fn is_unknown(&self) -> bool {
        self.t == Tri::Unknown
    }

    pub fn and(self, other: V) -> V {
        match (self.t, other.t) {
            (Tri::No, _) | (_, Tri::No) => V::NO,
            (Tri::Yes, Tri::Yes) => V::YES,
            (Tri::Yes, Tri::Unknown) => other,
            (Tri::Unknown, Tri::Yes) => self,
            (Tri::Unknown, Tri::Unknown) => merge(self, other),
        }
    }

    pub fn or(self, other: V) -> V {
        match (self.t, other.t) {
            (Tri::Yes, _) | (_, Tri::Yes) => V::YES,
            (Tri::No, Tri::No) => V::NO,
            (Tri::No, Tri::Unknown) => other,
            (Tri::Unknown, Tri::No) => self,
            (Tri::Unknown, Tri::Unknown) => merge(self, other),
        }
    }

    pub fn negate(self) -> V {
        match self.t {
            Tri::Yes => V::NO,
            Tri::No => V::YES,
            Tri::Unknown => self,
        }
    }

    /// Kleene conjunction of many (yes when empty).
    pub fn all(items: impl IntoIterator<Item = V>) -> V {
        items.into_iter().fold(V::YES, V::and)
    }

    /// Kleene disjunction of many (no when empty).
    pub fn any(items: impl IntoIterator<Item = V>) -> V {
        items.into_iter().fold(V::NO, V::or)
    }
}

fn merge(mut a: V, b: V) -> V {
    for &n in &b.needs {
        a.needs.add(n);
    }
    a
}

#[cfg(test)]
mod tests {
    use super::*;

    fn u(field: &'static str) -> V {
        V::unknown(Need::Fact(Fact::Risk(field)))
    }

    #[test]
    fn false_and_unknown_is_false_and_asks_nothing() {
        assert_eq!(V::NO.and(u("afraid")), V::NO);
        assert_eq!(u("afraid").and(V::NO), V::NO);
    }

    #[test]
    fn true_or_unknown_is_true_and_asks_nothing() {
        assert_eq!(V::YES.or(u("afraid")), V::YES);
    }

    #[test]
    fn unknown_keeps_every_fact_that_could_settle_it_once() {
        let v = u("a").and(u("b")).and(u("a"));
        assert!(v.is_unknown());
        assert_eq!(v.needs.len(), 2);
        assert!(V::all([]).is_yes());
        assert!(V::any([]).is_no());
    }
}
