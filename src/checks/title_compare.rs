//! `compare: title` — can two titles of one person both be true?
//!
//! Order of questions:
//! 1. A title marked former, then or designate describes another time:
//!    not compared (unless the wording is identical).
//! 2. Both name vocabulary offices: same office → agree (or compatible
//!    when one is a description); different offices → conflict.
//! 3. One names a vocabulary office: the other is compared with the
//!    office's canonical wording (so a description of the office conflicts
//!    with a different rank of it).
//! 4. Same family (head + portfolio): different rank → conflict; different
//!    organisation, both known → conflict; else agree or compatible.
//! 5. A bare head ("Secretary Blinken") is compatible with any office of
//!    that head and rank.
//! 6. Anything else: unrelated (people hold several posts) — no edge.

use crate::claim::{NormTitle, TitleTime};
use crate::normalize::OfficeIndex;

/// The verdict on two titles of one person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Agree,
    Compatible(String),
    Conflict(String),
    Unrelated,
}

pub fn compare(index: &OfficeIndex, a: &NormTitle, b: &NormTitle) -> Verdict {
    if same_wording(a, b) && a.time == b.time {
        return Verdict::Agree;
    }
    if a.time != TitleTime::Present || b.time != TitleTime::Present {
        return Verdict::Unrelated;
    }
    match (&a.office, &b.office) {
        (Some(x), Some(y)) if x == y => {
            if a.descriptive || b.descriptive {
                Verdict::Compatible(format!("both describe the office {x}"))
            } else {
                Verdict::Agree
            }
        }
        (Some(x), Some(y)) => Verdict::Conflict(format!(
            "different offices: {} vs {}",
            office_words(index, x),
            office_words(index, y)
        )),
        (Some(x), None) => against_office(index, x, a, b),
        (None, Some(y)) => against_office(index, y, b, a),
        (None, None) => structural(index, a, b),
    }
}

/// Compares `other` with the canonical wording of office `id` (which `t`
/// names or describes).
fn against_office(index: &OfficeIndex, id: &str, t: &NormTitle, other: &NormTitle) -> Verdict {
    let Some(canonical) = index.canonical.get(id) else {
        return Verdict::Unrelated;
    };
    let mut canonical = canonical.clone();
    canonical.org = t.org.clone();
    match structural(index, &canonical, other) {
        Verdict::Agree if t.descriptive => {
            Verdict::Compatible(format!("description of the office {id}"))
        }
        Verdict::Agree => Verdict::Compatible("same office, worded differently".into()),
        v => v,
    }
}

fn structural(index: &OfficeIndex, a: &NormTitle, b: &NormTitle) -> Verdict {
    if a.head.is_empty() || a.head != b.head {
        return Verdict::Unrelated;
    }
    let bare = a.portfolio.is_empty() || b.portfolio.is_empty();
    if a.portfolio != b.portfolio && !bare {
        return Verdict::Unrelated;
    }
    if a.rank != b.rank {
        if bare && a.portfolio != b.portfolio {
            return Verdict::Unrelated;
        }
        // "vice chairman X" and "X has been named chairman": a promotion.
        if a.qualifiers.iter().chain(&b.qualifiers).any(|q| q == "new") {
            return Verdict::Compatible("a new rank of the same office".into());
        }
        // "Adm. X" is how news names a vice or rear admiral too.
        let military = matches!(a.head.as_str(), "admiral" | "general");
        if military && (a.rank.is_none() || b.rank.is_none()) {
            return Verdict::Compatible("short form of a military rank".into());
        }
        return Verdict::Conflict(format!("rank differs: {} vs {}", ranked(a), ranked(b)));
    }
    // Only two different *countries* make the same title two offices for one
    // person; "Lloyds" vs "Lloyds Bank", a party or a ministry vs its
    // country are wordings of one employer.
    if let (Some(x), Some(y)) = (&a.org, &b.org) {
        let countries = index.countries.contains(x) && index.countries.contains(y);
        if x != y && !bare && countries {
            return Verdict::Conflict(format!("organisation differs: {x} vs {y}"));
        }
    }
    if bare && a.portfolio != b.portfolio {
        return Verdict::Compatible("short form of the same title".into());
    }
    if a.domain == b.domain || a.domain.is_empty() || b.domain.is_empty() {
        if a.domain == b.domain && a.org == b.org {
            Verdict::Agree
        } else {
            Verdict::Compatible("same office, worded differently".into())
        }
    } else {
        Verdict::Compatible("same office, domain worded differently".into())
    }
}

fn same_wording(a: &NormTitle, b: &NormTitle) -> bool {
    a.rank == b.rank
        && a.head == b.head
        && a.portfolio == b.portfolio
        && a.domain == b.domain
        && a.org == b.org
}

/// "under secretary" / "secretary" — the rank and head, for reasons.
fn ranked(t: &NormTitle) -> String {
    match &t.rank {
        Some(r) => format!("{r} {}", t.head),
        None => t.head.clone(),
    }
}

/// "Defense Secretary (us-secretary-of-defense)".
fn office_words(index: &OfficeIndex, id: &str) -> String {
    match index.display.get(id) {
        Some(name) => format!("{name} ({id})"),
        None => id.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::title::{normalize, parse_title_text};
    use crate::ruleset::RuleSet;

    fn verdict(a: &str, b: &str) -> Verdict {
        let rules = RuleSet::shipped().unwrap();
        let n = |s: &str| {
            let mut t = normalize(
                &rules.lexicon,
                &parse_title_text(&rules.lexicon, s).unwrap(),
                &rules.qualifier_times,
            );
            rules.office_index.classify(&mut t);
            t
        };
        compare(&rules.office_index, &n(a), &n(b))
    }

    #[test]
    fn rank_conflict_is_named() {
        assert_eq!(
            verdict(
                "Under Secretary of State for East Asia",
                "assistant secretary of state for East Asian and Pacific affairs"
            ),
            Verdict::Conflict("rank differs: assistant secretary vs under secretary".into())
        );
    }

    #[test]
    fn description_is_compatible_with_office_but_conflicts_with_other_rank() {
        assert!(matches!(
            verdict(
                "top U.S. diplomat for the Asia-Pacific region",
                "assistant secretary of state for East Asian and Pacific affairs"
            ),
            Verdict::Compatible(_)
        ));
        assert!(matches!(
            verdict(
                "top U.S. diplomat for the Asia-Pacific region",
                "Under Secretary of State for East Asia"
            ),
            Verdict::Conflict(_)
        ));
    }

    #[test]
    fn different_known_offices_conflict() {
        assert!(matches!(
            verdict("Defense Secretary", "Secretary of State"),
            Verdict::Conflict(_)
        ));
    }

    #[test]
    fn wordings_and_bare_heads_are_compatible() {
        assert_eq!(
            verdict("Defence Secretary", "Secretary of Defense"),
            Verdict::Agree
        );
        assert!(matches!(
            verdict("Secretary", "Secretary of State"),
            Verdict::Compatible(_)
        ));
        assert_eq!(verdict("President", "President"), Verdict::Agree);
    }

    #[test]
    fn different_heads_are_unrelated() {
        assert_eq!(
            verdict("chairman", "chief executive officer"),
            Verdict::Unrelated
        );
        assert_eq!(
            verdict("top diplomat", "top foreign policy official"),
            Verdict::Unrelated
        );
    }

    #[test]
    fn past_titles_are_not_compared() {
        assert_eq!(
            verdict("former Treasury Secretary", "Deputy Treasury Secretary"),
            Verdict::Unrelated
        );
    }
}
