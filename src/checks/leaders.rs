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

/// The verdict on two titles of one person when both name a leadership
/// office and the offices or countries differ; `None` leaves them to the
/// other rules (`title_compare`).
pub fn compare(
    table: &LeaderTable,
    a: &NormTitle,
    b: &NormTitle,
    person: Option<&str>,
) -> Option<Verdict> {
    if !settled(a) || !settled(b) {
        return None;
    }
    let (la, lb) = (table.read(a)?, table.read(b)?);
    let ca = la.country.as_deref().or(person);
    let cb = lb.country.as_deref().or(person);
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
    if table.together(country, la.office, lb.office) {
        return Some(Verdict::Compatible(format!(
            "{country}: one person may be {na} and {nb} at once"
        )));
    }
    let mut reason = format!("two leadership offices of {country}: {na} vs {nb}");
    for (office, name) in [(la.office, na), (lb.office, nb)] {
        if table.has(country, office) == Some(false) {
            let has = table.offices_of(country).join(", ");
            reason.push_str(&format!(" ({country} has no {name}; its offices: {has})"));
        }
    }
    Some(Verdict::Conflict(reason))
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
