//! National leadership offices in the title checks: one person leads one
//! country at a time, under one head word.
//!
//! ## What it decides
//! Two present titles of one person that both name a leadership office
//! (`vocabulary.leaders`, read by `normalize::leader`):
//! - in two different countries ("U.S. President" and "Ukrainian
//!   President"): a conflict, whatever the offices;
//! - two different offices of one country ("Japanese President" and
//!   "Japanese Prime Minister", "German Prime Minister" and "German
//!   Chancellor"): a conflict, unless the table lets one person hold both
//!   there (a king who is his own prime minister). The reason says when the
//!   country has no such office at all ("Japan has no president").
//!
//! A role ("head of state", "head of the Ukrainian government") stands for
//! the offices that fill it in the country (`normalize::leader`): "head of
//! government" and "President" agree in the U.S. and conflict in Ukraine;
//! "head of state" and "head of government" conflict where two people
//! hold them (Australia's king and prime minister).
//!
//! A title with no country of its own ("President Biden") takes the one
//! country the person's other leadership titles give; with none (or two),
//! two different offices are left to the other rules (a company's
//! president is no head of state). Titles marked with a change of holder
//! (new, outgoing, acting, designate, former, then) are left out: an acting
//! president keeps his own post.
//!
//! ## Limitations
//! Only the person's own claims are read: a wrong title on a misspelt name
//! is the single-holder check's to see (two holders of one office).

use std::collections::BTreeSet;

use super::offices::CHANGING;
use super::title_compare::Verdict;
use crate::claim::{NormTitle, TitleTime};
use crate::normalize::leader::Leader;
use crate::normalize::LeaderTable;

/// A present title with no change-of-holder qualifier.
fn settled(t: &NormTitle) -> bool {
    t.time == TitleTime::Present && !t.qualifiers.iter().any(|q| CHANGING.contains(&q.as_str()))
}

/// The one country a person's leadership titles name, if they name one.
pub fn person_country<'t>(
    table: &LeaderTable,
    titles: impl IntoIterator<Item = &'t NormTitle>,
) -> Option<String> {
    let found: BTreeSet<String> = titles
        .into_iter()
        .filter(|t| settled(t))
        .filter_map(|t| table.read(t)?.country)
        .collect();
    match found.len() {
        1 => found.into_iter().next(),
        _ => None,
    }
}

/// Do two titles of one person name one leadership office of one country
/// ("Prime Minister" and "the prime minister of Cabo Verde", whose country
/// the title grammar leaves among the words of the portfolio)? The title
/// rules call such a pair unrelated; it is one office told two ways.
pub fn same_office(
    table: &LeaderTable,
    a: &NormTitle,
    b: &NormTitle,
    person: Option<&str>,
) -> bool {
    let Some((la, lb)) = read_settled(table, a, b) else {
        return false;
    };
    let (ca, cb) = (country(&la, person), country(&lb, person));
    la.office == lb.office && (ca.is_none() || cb.is_none() || ca == cb)
}

/// Both titles as leadership offices, when both are settled and name one.
fn read_settled(table: &LeaderTable, a: &NormTitle, b: &NormTitle) -> Option<(Leader, Leader)> {
    if !settled(a) || !settled(b) {
        return None;
    }
    Some((table.read(a)?, table.read(b)?))
}

/// The title's own country, else the person's.
fn country<'c>(leader: &'c Leader, person: Option<&'c str>) -> Option<&'c str> {
    leader.country.as_deref().or(person)
}

/// The verdict on two titles of one person when both name a leadership
/// office and the offices or countries differ; `None` leaves them to the
/// other rules (`title_compare`).
pub fn compare(
    table: &LeaderTable,
    a: &NormTitle,
    b: &NormTitle,
    person: Option<&str>,
) -> Option<Verdict> {
    let (la, lb) = read_settled(table, a, b)?;
    let (ca, cb) = (country(&la, person), country(&lb, person));
    let (na, nb) = (table.name(la.office), table.name(lb.office));
    if let (Some(x), Some(y)) = (ca, cb) {
        if x != y {
            return Some(Verdict::Conflict(format!(
                "one person leads one country: {na} of {x} vs {nb} of {y}"
            )));
        }
    }
    if la.office == lb.office {
        return None;
    }
    let country = ca.or(cb)?;
    // A role is the offices that fill it there: "Brazilian head of
    // government" and "President" name one office.
    let sa = table.offices_for(la.office, Some(country))?;
    let sb = table.offices_for(lb.office, Some(country))?;
    if !sa.is_disjoint(&sb) {
        return Some(Verdict::Compatible(format!(
            "{country}: the {} is the {}",
            if table.is_role(la.office) { na } else { nb },
            if table.is_role(la.office) { nb } else { na },
        )));
    }
    let together = sa
        .iter()
        .any(|&x| sb.iter().any(|&y| table.together(country, x, y)));
    if together {
        return Some(Verdict::Compatible(format!(
            "{country}: one person may be {na} and {nb} at once"
        )));
    }
    let mut reason = format!(
        "two leadership offices of {country}: {} vs {}",
        described(table, la.office, &sa),
        described(table, lb.office, &sb)
    );
    for (office, name) in [(la.office, na), (lb.office, nb)] {
        if !table.is_role(office) && table.has(country, office) == Some(false) {
            let has = table.offices_of(country).join(", ");
            reason.push_str(&format!(" ({country} has no {name}; its offices: {has})"));
        }
    }
    Some(Verdict::Conflict(reason))
}

/// An office by its name; a role with the offices that fill it there
/// ("head of government, there the prime minister").
fn described(table: &LeaderTable, office: usize, filled: &BTreeSet<usize>) -> String {
    let name = table.name(office);
    if !table.is_role(office) {
        return name.to_string();
    }
    let by: Vec<&str> = filled.iter().map(|&o| table.name(o)).collect();
    format!("{name}, there the {}", by.join(" or "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ruleset::RuleSet;

    fn title(rules: &RuleSet, s: &str) -> NormTitle {
        rules.classified_title(s)
    }

    fn verdict(a: &str, b: &str, person: Option<&str>) -> Option<Verdict> {
        let rules = RuleSet::shipped().unwrap();
        compare(&rules.leaders, &title(&rules, a), &title(&rules, b), person)
    }

    fn conflict(v: Option<Verdict>) -> bool {
        matches!(v, Some(Verdict::Conflict(_)))
    }

    #[test]
    fn an_office_the_country_does_not_have_conflicts() {
        let v = verdict("Japanese President", "Japanese Prime Minister", None);
        assert!(matches!(&v, Some(Verdict::Conflict(r)) if r.contains("Japan has no president")));
        assert!(conflict(verdict(
            "German Prime Minister",
            "German Chancellor",
            None
        )));
        // A bare title takes the person's country.
        assert!(conflict(verdict(
            "President",
            "Prime Minister",
            Some("Japan")
        )));
    }

    #[test]
    fn one_office_with_and_without_its_country_is_one_office() {
        let rules = RuleSet::shipped().unwrap();
        let t = |s: &str| title(&rules, s);
        let same = |a: &str, b: &str, person| same_office(&rules.leaders, &t(a), &t(b), person);
        assert!(same("Prime Minister", "prime minister of Cabo Verde", None));
        assert!(same(
            "Prime Minister",
            "Cabo Verdean Prime Minister",
            Some("Cabo Verde")
        ));
        assert!(!same("Prime Minister", "President", None));
        assert!(!same(
            "Japanese Prime Minister",
            "prime minister of Cabo Verde",
            None
        ));
        assert!(!same(
            "former Prime Minister",
            "prime minister of Cabo Verde",
            None
        ));
    }

    #[test]
    fn two_countries_conflict() {
        assert!(conflict(verdict(
            "U.S. President",
            "Ukrainian President",
            None
        )));
        assert!(conflict(verdict(
            "U.S. President",
            "President of Ukraine",
            None
        )));
    }

    #[test]
    fn a_role_is_the_office_that_fills_it_in_the_country() {
        // Parliamentary or semi-presidential: the prime minister heads
        // the government, the president or the monarch the state.
        let v = verdict(
            "head of the Ukrainian government",
            "Ukrainian President",
            None,
        );
        assert!(matches!(&v, Some(Verdict::Conflict(r)) if r.contains("there the prime minister")));
        assert!(conflict(verdict(
            "Australian head of state",
            "Prime Minister",
            Some("Australia")
        )));
        assert!(conflict(verdict(
            "head of state",
            "head of government",
            Some("Australia")
        )));
        // Presidential: one office fills both roles.
        assert!(matches!(
            verdict("Brazilian head of government", "President", Some("Brazil")),
            Some(Verdict::Compatible(_))
        ));
        assert!(matches!(
            verdict("head of state", "head of government", Some("U.S.")),
            Some(Verdict::Compatible(_))
        ));
        assert!(matches!(
            verdict("Chinese head of state", "Chinese President", None),
            Some(Verdict::Compatible(_))
        ));
        // A country's own entry: South Korea's president heads its government.
        assert!(matches!(
            verdict("head of government", "President", Some("South Korea")),
            Some(Verdict::Compatible(_))
        ));
        // No country: a role says nothing.
        assert_eq!(verdict("head of state", "Prime Minister", None), None);
    }

    #[test]
    fn compatible_and_unrelated_pairs_stay_silent() {
        assert_eq!(
            verdict("President of Ukraine", "Ukrainian President", None),
            None
        );
        assert_eq!(verdict("Premier", "Chinese Prime Minister", None), None);
        // No country: a firm's president may be anything else too.
        assert_eq!(verdict("President", "Prime Minister", None), None);
        assert_eq!(
            verdict("Jeju Air President", "Prime Minister", Some("South Korea")),
            None
        );
        assert_eq!(
            verdict("acting President", "Prime Minister", Some("South Korea")),
            None
        );
        assert!(matches!(
            verdict("Saudi King", "Saudi Prime Minister", None),
            Some(Verdict::Compatible(_))
        ));
    }

    #[test]
    fn the_persons_country_is_the_one_named() {
        let rules = RuleSet::shipped().unwrap();
        let ts = [
            title(&rules, "Japanese Prime Minister"),
            title(&rules, "Prime Minister"),
            title(&rules, "LDP president"),
        ];
        assert_eq!(person_country(&rules.leaders, &ts), Some("Japan".into()));
        let two = [
            title(&rules, "Japanese Prime Minister"),
            title(&rules, "U.S. President"),
        ];
        assert_eq!(person_country(&rules.leaders, &two), None);
    }
}
