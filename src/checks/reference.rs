//! `reference`: a claim contradicts the vocabulary's reference facts.
//!
//! ## What it checks
//! An office with `holders` (`{person, from, to}`) in the vocabulary: a
//! claim, dated by its article's publication date, that gives the office
//! to someone else while a listed holder was in office, or to a listed
//! holder outside their term ("Secretary of State George Shultz" in an
//! article of 1990).
//!
//! ## Why it matters
//! Reference facts are what an editor knows for sure; a text that
//! disagrees with them is wrong, however many sources repeat it.
//!
//! ## Limitations
//! Needs the article's date; claims marked former/then/designate are about
//! another time and are not checked.

use std::collections::HashMap;

use super::{Flag, Published, Target};
use crate::claim::TitleTime;
use crate::claim::{Claim, ClaimKind};
use crate::normalize::person_key;
use crate::rules::Office;
use crate::ruleset::RuleSet;

pub fn run(
    rules: &RuleSet,
    check: usize,
    claims: &[Claim],
    published: &Published,
    out: &mut Vec<Flag>,
) {
    // Each office once, with its holders' person keys: not a search of the
    // vocabulary and a key per holder for every claim (issue 19).
    let mut offices: HashMap<
        &str,
        Option<(&Office, Vec<String>)>,
        crate::grammar::lexicon::WordBuildHasher,
    > = HashMap::default();
    for (id, c) in claims.iter().enumerate() {
        if c.kind != ClaimKind::Title || c.title.time != TitleTime::Present {
            continue;
        }
        let (Some(office_id), Some(Some(day))) = (&c.title.office, published.get(c.doc)) else {
            continue;
        };
        let entry = offices.entry(office_id.as_str()).or_insert_with(|| {
            let office = rules.offices.iter().find(|o| &o.id == office_id)?;
            let keys = office
                .holders
                .iter()
                .map(|h| person_key(&rules.lexicon, &h.person))
                .collect();
            Some((office, keys))
        });
        let Some((office, keys)) = entry else {
            continue;
        };
        if office.holders.is_empty() {
            continue;
        }
        let own = office
            .holders
            .iter()
            .zip(keys.iter())
            .find(|(_, key)| same_holder(key, &c.subject_key))
            .map(|(h, _)| h);
        if own.is_some_and(|h| h.holds_on(*day)) {
            continue;
        }
        let name = rules
            .office_index
            .display
            .get(office_id)
            .unwrap_or(office_id);
        let reason = match own {
            Some(h) if h.holds_on(*day) => continue,
            Some(h) => format!("{} held {name} {}, not on {day}", h.person, term(h)),
            None => match office.holders.iter().find(|h| h.holds_on(*day)) {
                Some(h) => format!(
                    "the vocabulary lists {} as {name} on {day} ({})",
                    h.person,
                    term(h)
                ),
                None => continue,
            },
        };
        out.push(Flag {
            check,
            target: Target::Claim(id),
            reason,
        });
    }
}

/// Is a claim's person key (`claimed`) the listed holder's (`listed`)?
/// The same key, or the holder's with a generational suffix the list does
/// not write ("Lloyd J. Austin III" for "Lloyd Austin"): a suffix tells a
/// father from his son, but a list names one holder of the office.
fn same_holder(listed: &str, claimed: &str) -> bool {
    if listed == claimed {
        return true;
    }
    let (rest, last) = claimed.rsplit_once(' ').unwrap_or(("", claimed));
    matches!(last, "jr" | "sr" | "ii" | "iii" | "iv") && rest == listed
}

fn term(h: &crate::rules::Holder) -> String {
    match (h.from, h.to) {
        (Some(f), Some(t)) => format!("from {f} to {t}"),
        (Some(f), None) => format!("from {f}"),
        (None, Some(t)) => format!("until {t}"),
        (None, None) => "at some time".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::same_holder;

    #[test]
    fn a_suffix_the_list_does_not_write_is_the_same_holder() {
        assert!(same_holder("lloyd austin", "lloyd austin"));
        assert!(same_holder("lloyd austin", "lloyd austin iii"));
        assert!(!same_holder("lloyd austin", "lloyd austen"));
        assert!(!same_holder("george bush jr", "george bush"));
    }
}
