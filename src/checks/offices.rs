//! Government offices over time: what the office-history checks
//! (`holder-return`, `two-offices`) and the name-variant check take for
//! one office of one government.
//!
//! A cabinet office is a portfolio under a minister's or a secretary's head
//! word: "Interior Secretary" and "Interior Minister" of one country are
//! one office, as are "Foreign Minister" and "Foreign Affairs Minister",
//! "farm minister" and "agriculture minister". A military command is a
//! service under a chief's or a commander's head word ("army chief"). Every
//! portfolio word must be one a government office is named by (finance,
//! interior, trade, …): "press secretary", "party secretary", "secretary
//! general" and "minister of state" (a junior rank in most countries) are
//! not single-holder offices and are left out, as are ranked titles
//! ("deputy finance minister") and titles with a domain ("minister of
//! state for finance").
//!
//! The office's country is the title's own ("Brazilian Finance Minister"),
//! else the one country the person's other government titles give ("U.S.
//! Interior Secretary Donald Hodel" makes his "Energy Secretary" a U.S.
//! one); a person given government offices in two countries, or in none,
//! has no country for an untold one, and the office-history checks leave
//! the claim out rather than merge two countries' offices. Only
//! government titles are read, so a partition of all of them (`claimcheck
//! partition`, `holders/all`) decides as the whole run does, and so does
//! one person's (`subject/title/PERSON`).

use std::collections::{BTreeMap, BTreeSet};

use crate::claim::{Claim, ClaimId, ClaimKind, NormTitle, TitleTime};
use crate::normalize::OfficeIndex;

/// Qualifiers that mark a change of holder: `single-holder`, the return
/// and two-offices checks leave such claims out.
pub(crate) const CHANGING: &[&str] = &["new", "outgoing", "acting", "designate", "then", "former"];

/// Portfolio words a cabinet office is named by, each with the word it is
/// folded into ("farm" is "agriculture").
const CABINET: &[(&str, &str)] = &[
    ("agriculture", "agriculture"),
    ("agricultural", "agriculture"),
    ("farm", "agriculture"),
    ("budget", "budget"),
    ("commerce", "commerce"),
    ("communications", "communications"),
    ("telecommunications", "telecommunications"),
    ("corporate", "corporate"),
    ("culture", "culture"),
    ("defense", "defense"),
    ("economy", "economy"),
    ("economic", "economy"),
    ("economics", "economy"),
    ("education", "education"),
    ("energy", "energy"),
    ("environment", "environment"),
    ("environmental", "environment"),
    ("finance", "finance"),
    ("financial", "finance"),
    ("fisheries", "fisheries"),
    ("foreign", "foreign"),
    ("external", "foreign"),
    ("health", "health"),
    ("home", "interior"),
    ("interior", "interior"),
    ("housing", "housing"),
    ("industry", "industry"),
    ("industrial", "industry"),
    ("information", "information"),
    ("justice", "justice"),
    ("labor", "labor"),
    ("mines", "mines"),
    ("mining", "mines"),
    ("oil", "oil"),
    ("petroleum", "oil"),
    ("planning", "planning"),
    ("prime", "prime"),
    ("research", "research"),
    ("resources", "resources"),
    ("social", "social"),
    ("welfare", "welfare"),
    ("tourism", "tourism"),
    ("trade", "trade"),
    ("transport", "transport"),
    ("transportation", "transport"),
    ("treasury", "treasury"),
    ("state", "state"),
];

/// Services a military command is named by.
const MILITARY: &[&str] = &[
    "army", "navy", "air", "force", "forces", "armed", "military",
];

/// Words that name no portfolio of their own ("Foreign Affairs Minister").
const FILLER: &[&str] = &["affairs", "and", "of", "for", "the", "u.s."];

/// Which kind of office a head word makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Class {
    /// A minister or secretary with a portfolio.
    Cabinet,
    /// A chief or commander of a service.
    Military,
}

/// One government's office, without the holder: a country, the kind of
/// office and the folded portfolio words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct GovOffice<'a> {
    pub country: &'a str,
    pub class: Class,
    pub portfolio: &'a str,
}

impl GovOffice<'_> {
    /// "finance minister (Philippines)", as a report names the office.
    pub fn label(&self) -> String {
        let head = match self.class {
            Class::Cabinet if self.portfolio == "prime" => "minister",
            Class::Cabinet => "minister/secretary",
            Class::Military => "chief",
        };
        format!("{} {head} ({})", self.portfolio, self.country)
    }
}

/// The kind and folded portfolio of a title that names a single-holder
/// government office, without its country ("finance", "foreign trade").
pub(crate) fn portfolio(t: &NormTitle) -> Option<(Class, String)> {
    if t.rank.is_some() || !t.domain.is_empty() || t.portfolio.is_empty() {
        return None;
    }
    let class = match t.head.as_str() {
        "minister" | "secretary" => Class::Cabinet,
        "chief" | "commander" => Class::Military,
        _ => return None,
    };
    let mut words = BTreeSet::new();
    for w in &t.portfolio {
        if FILLER.contains(&w.as_str()) {
            continue;
        }
        let folded = match class {
            Class::Cabinet => CABINET.iter().find(|(k, _)| *k == w).map(|(_, v)| *v),
            Class::Military => MILITARY.iter().find(|k| *k == w).copied(),
        };
        words.insert(folded?);
    }
    // "Minister of State" is a junior rank but in the U.S. (checked with
    // the country), and never part of a longer portfolio.
    if words.is_empty() || (words.contains("state") && words.len() > 1) {
        return None;
    }
    Some((class, words.into_iter().collect::<Vec<_>>().join(" ")))
}

/// The title's own country, when its organisation is one.
fn own_country<'t>(index: &OfficeIndex, t: &'t NormTitle) -> Option<&'t str> {
    t.org.as_deref().filter(|o| index.countries.contains(*o))
}

/// Is the claim one the office-history checks read: a title claim of a
/// resolved full name?
fn readable(c: &Claim) -> bool {
    c.kind == ClaimKind::Title && c.subject_resolved && c.subject.contains(' ')
}

/// [`portfolio`] of every claim's title, worked out once per distinct
/// title: claims share their titles (`claim::ClaimShare`), and a
/// much-covered person's 160,000 claims have a handful (issue 19: the
/// office-history and name-variant checks each asked for every claim).
pub(crate) struct Portfolios {
    distinct: Vec<Option<(Class, String)>>,
    /// For each claim, its title's index in `distinct`.
    of_claim: Vec<u32>,
}

impl Portfolios {
    pub fn of(claims: &[Claim]) -> Portfolios {
        use std::collections::HashMap;
        let mut seen: HashMap<*const NormTitle, u32, crate::grammar::lexicon::WordBuildHasher> =
            HashMap::default();
        let mut distinct = Vec::new();
        let of_claim = claims
            .iter()
            .map(|c| {
                *seen
                    .entry(std::sync::Arc::as_ptr(&c.title))
                    .or_insert_with(|| {
                        distinct.push(portfolio(&c.title));
                        (distinct.len() - 1) as u32
                    })
            })
            .collect();
        Portfolios { distinct, of_claim }
    }

    /// The portfolio of claim `id`'s title.
    pub fn get(&self, id: ClaimId) -> Option<(Class, &str)> {
        self.distinct[self.of_claim[id] as usize]
            .as_ref()
            .map(|(class, words)| (*class, words.as_str()))
    }
}

/// The government office of every claim that names one (by claim id;
/// `None` for the others): the portfolio, and the country as the module
/// doc says.
pub(crate) fn government_offices<'a>(
    index: &'a OfficeIndex,
    claims: &'a [Claim],
    portfolios: &'a Portfolios,
) -> Vec<Option<GovOffice<'a>>> {
    let of = |id: ClaimId| readable(&claims[id]).then(|| portfolios.get(id)).flatten();
    // person → the countries the person's government titles name.
    let mut countries: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for (id, c) in claims.iter().enumerate() {
        if let (Some(_), Some(country)) = (of(id), own_country(index, &c.title)) {
            countries.entry(&c.subject_key).or_default().insert(country);
        }
    }
    claims
        .iter()
        .enumerate()
        .map(|(id, c)| {
            let (class, words) = of(id)?;
            let country = match own_country(index, &c.title) {
                Some(country) => country,
                None => {
                    let known = countries.get(c.subject_key.as_str())?;
                    match known.len() {
                        1 => known.iter().next().copied()?,
                        _ => return None,
                    }
                }
            };
            // Only the U.S. Secretary of State is a single holder of "state".
            if words == "state" && country != "U.S." {
                return None;
            }
            Some(GovOffice {
                country,
                class,
                portfolio: words,
            })
        })
        .collect()
}

/// Does the claim describe a change of holder (new, outgoing, acting,
/// designate) or a past holder (former, then)?
pub(crate) fn changing(c: &Claim) -> bool {
    c.title.time != TitleTime::Present
        || c.title
            .qualifiers
            .iter()
            .any(|q| CHANGING.contains(&q.as_str()))
}

/// Two titles that name one government office under two head words
/// ("Interior Secretary" / "Interior Minister"): same kind and portfolio,
/// and not two different countries.
pub(crate) fn same_government_office(index: &OfficeIndex, a: &NormTitle, b: &NormTitle) -> bool {
    if a.time != TitleTime::Present || b.time != TitleTime::Present {
        return false;
    }
    match (portfolio(a), portfolio(b)) {
        (Some(x), Some(y)) if x == y => match (own_country(index, a), own_country(index, b)) {
            (Some(ca), Some(cb)) => ca == cb,
            _ => true,
        },
        _ => false,
    }
}

/// Could two person keys ("given surname", lower case) be one person
/// written two ways: the same surname, and one given name a short form of
/// the other ("pat"/"patricia") or its initials dropped ("h.onno"/"onno")?
/// Misspellings are [`super::name_variant::keys_are_variants`].
pub(crate) fn same_person(a: &str, b: &str) -> bool {
    if super::name_variant::keys_are_variants(a, b) {
        return true;
    }
    let (Some((ga, sa)), Some((gb, sb))) = (a.rsplit_once(' '), b.rsplit_once(' ')) else {
        return false;
    };
    if sa != sb {
        return false;
    }
    let words = |g: &str| -> Vec<String> {
        g.split([' ', '.'])
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    };
    let (wa, wb) = (words(ga), words(gb));
    let within = |x: &[String], y: &[String]| x.iter().all(|w| y.contains(w));
    let short = |x: &str, y: &str| x.len() >= 3 && y.starts_with(x);
    within(&wa, &wb) || within(&wb, &wa) || short(ga, gb) || short(gb, ga)
}

/// Is one full name the other with words added, accents aside: a second
/// surname, a patronymic or a middle name ("Pedro Sanchez" and "Pedro
/// Sánchez Pérez-Castejón", "Vladimir Putin" and "Vladimir Vladimirovich
/// Putin", "Lula da Silva" and "Luiz Inácio Lula da Silva")? The shorter
/// name's words (two or more) appear in order in the longer, which begins
/// or ends as it does. Person keys keep only a first and a last word, so
/// this reads the names as written.
pub(crate) fn longer_form(a: &str, b: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        crate::text::folded_name(s)
            .split(|c: char| c.is_whitespace() || c == '.')
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    };
    let (wa, wb) = (words(a), words(b));
    let (short, long) = if wa.len() <= wb.len() {
        (wa, wb)
    } else {
        (wb, wa)
    };
    if short.len() < 2 || short.len() == long.len() {
        return false;
    }
    // The shorter's words in order; the words it skips must be words, not
    // initials ("George W. Bush" is not "George H. W. Bush").
    let mut k = 0;
    for v in &long {
        if short.get(k) == Some(v) {
            k += 1;
        } else if v.chars().count() < 2 {
            return false;
        }
    }
    k == short.len() && (short.first() == long.first() || short.last() == long.last())
}

/// Same surname and the same first initial, but no short form of one
/// another: "Jaime"/"James Ongpin" (a misspelling the name-variant check's
/// threshold leaves out, or two relatives).
pub(crate) fn similar_names(a: &str, b: &str) -> bool {
    match (a.rsplit_once(' '), b.rsplit_once(' ')) {
        (Some((ga, sa)), Some((gb, sb))) => sa == sb && ga.chars().next() == gb.chars().next(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ruleset::RuleSet;

    fn title(rules: &RuleSet, s: &str) -> NormTitle {
        rules.classified_title(s)
    }

    #[test]
    fn two_head_words_name_one_cabinet_office() {
        let rules = RuleSet::shipped().unwrap();
        let p = |s: &str| portfolio(&title(&rules, s));
        assert_eq!(p("Interior Secretary"), p("Interior Minister"));
        assert_eq!(p("farm minister"), p("Agriculture Minister"));
        assert_eq!(p("Foreign Affairs Minister"), p("Foreign Minister"));
        assert_eq!(p("army chief"), Some((Class::Military, "army".into())));
        assert_ne!(p("Finance Minister"), p("Treasury Minister"));
    }

    #[test]
    fn a_longer_form_of_a_name_is_one_person() {
        assert!(longer_form("Pedro Sanchez", "Pedro Sánchez Pérez-Castejón"));
        assert!(longer_form(
            "Vladimir Vladimirovich Putin",
            "Vladimir Putin"
        ));
        assert!(longer_form("Lula da Silva", "Luiz Inácio Lula da Silva"));
        // Two people: other words, or the same length.
        assert!(!longer_form("George W. Bush", "George H. W. Bush"));
        assert!(!longer_form("Kim Jong Il", "Kim Jong Un"));
        assert!(!longer_form("Pedro Sanchez", "Pedro Sanchez"));
        assert!(!longer_form("Sanchez", "Pedro Sanchez"));
        assert!(!longer_form("Pedro Sanchez", "Juan Pedro Sanchez Lopez"));
    }

    #[test]
    fn many_holder_titles_are_no_office() {
        let rules = RuleSet::shipped().unwrap();
        let p = |s: &str| portfolio(&title(&rules, s));
        assert_eq!(p("press secretary"), None);
        assert_eq!(p("deputy finance minister"), None);
        assert_eq!(p("minister"), None);
        assert_eq!(p("chairman"), None);
    }

    #[test]
    fn other_countries_are_other_offices() {
        let rules = RuleSet::shipped().unwrap();
        let (a, b) = (
            title(&rules, "Brazilian Finance Minister"),
            title(&rules, "Japanese Finance Minister"),
        );
        assert!(!same_government_office(&rules.office_index, &a, &b));
        let c = title(&rules, "Brazilian Finance Secretary");
        assert!(same_government_office(&rules.office_index, &a, &c));
    }

    #[test]
    fn short_forms_are_one_person() {
        assert!(same_person("pat carney", "patricia carney"));
        assert!(same_person("h.onno ruding", "onno ruding"));
        assert!(!same_person("jaime ongpin", "james ongpin"));
        assert!(similar_names("jaime ongpin", "james ongpin"));
        assert!(!same_person("ann lee", "tom lee"));
    }
}
