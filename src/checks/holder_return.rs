//! `holder-return`: an office held by A before and after, and by B in
//! between, with no word of a change of holder.
//!
//! ## What it checks
//! Government offices as [`super::offices`] defines them: a cabinet
//! portfolio of one country under either head word ("Interior Minister"
//! and "Interior Secretary" are one office), or a military command. Each
//! person's present claims to the office span the publication dates of
//! their articles. When A is given the office in articles before B's first
//! and after B's last, and nothing in between marks a change (a claim of
//! the office called new, outgoing, acting, designate, former or then),
//! one of the three articles likely names the wrong person: a warning.
//!
//! ## What it does not flag
//! A real succession: A, then B from a date on, with A "former" from then
//! (A's later claims are past, not present). Offices of two countries are
//! never one office, even under the same head word: a title with no
//! country of its own takes the one country its holder is given in
//! other government titles, or is left out. One person written two ways ("Pat"
//! and "Patricia Carney", "H. Onno" and "Onno Ruding") is not a second
//! holder, and neither is a name of the same surname and initial
//! ("Jaime"/"Jamie Ongpin"), nor a longer form of the name ("Pedro
//! Sánchez Pérez-Castejón", `offices::longer_form`), nor a name that
//! shares a word of five letters or more but for one letter ("Kishita
//! Nada" for "Fumio Kishida", `single_holder::word_slip`): on one
//! government office the name checks report it as one holder misspelt.
//!
//! Offices the vocabulary marks `single_holder: true` ("Secretary of
//! State") are left to the `single-holder` check, where A's term around
//! B's is an overlap: one finding, not two.
//!
//! ## Limitations
//! Reads claims only, so a change of holder told in words the title
//! grammar does not mark ("was appointed", "replaces") is not seen; a
//! three-way rotation within a week can be a true reshuffle. People per
//! office are compared pairwise (a country's office has a handful of
//! holders a year).

use std::collections::BTreeMap;

use jiff::civil::Date;

use super::offices::{
    changing, government_offices, longer_form, same_person, similar_names, GovOffice, Portfolios,
};
use super::{agree_chain, Comparison, EdgeKind, Published};
use crate::claim::{Claim, ClaimId};
use crate::ruleset::RuleSet;

/// A person's present claims to an office, by day.
type Days = BTreeMap<Date, Vec<ClaimId>>;

pub fn run(
    rules: &RuleSet,
    check: usize,
    claims: &[Claim],
    published: &Published,
    out: &mut Vec<Comparison>,
) {
    let portfolios = Portfolios::of(claims);
    let offices = government_offices(&rules.office_index, claims, &portfolios);
    let single = super::single_holder::single_holder_offices(rules);
    // office → (person → days of present claims, days of changes)
    let mut by_office: BTreeMap<&GovOffice, (BTreeMap<&str, Days>, Vec<Date>)> = BTreeMap::new();
    for (id, (c, office)) in claims.iter().zip(&offices).enumerate() {
        let (Some(office), Some(Some(day))) = (office, published.get(c.doc)) else {
            continue;
        };
        // A vocabulary single-holder office is `single-holder`'s: a
        // return there is an overlap of terms, reported once.
        if c.title
            .office
            .as_deref()
            .is_some_and(|o| single.contains(o))
        {
            continue;
        }
        let entry = by_office.entry(office).or_default();
        if changing(c) {
            entry.1.push(*day);
        } else {
            entry
                .0
                .entry(&c.subject_key)
                .or_default()
                .entry(*day)
                .or_default()
                .push(id);
        }
    }
    for (office, (people, changes)) in by_office {
        if people.len() < 2 {
            continue;
        }
        let mut chained = Vec::new();
        for (a, a_days) in &people {
            for (b, b_days) in &people {
                // One holder spelled two ways is the name-variant check's
                // (a family name one letter off: the name checks').
                if a == b
                    || same_person(a, b)
                    || similar_names(a, b)
                    || super::single_holder::word_slip(a, b)
                {
                    continue;
                }
                let (Some((&b_first, _)), Some((&b_last, b_ids))) =
                    (b_days.first_key_value(), b_days.last_key_value())
                else {
                    continue;
                };
                // A's last day before B and first day after B.
                let before = a_days.range(..b_first).next_back();
                let after = a_days.range(b_last..).find(|(d, _)| **d > b_last);
                let (Some((&d0, _)), Some((&d1, a_ids))) = (before, after) else {
                    continue;
                };
                if changes.iter().any(|d| d0 <= *d && *d <= d1) {
                    continue; // succession wording between A's articles
                }
                let (a_name, b_name) = (&claims[a_ids[0]].subject, &claims[b_ids[0]].subject);
                // One person named in full once ("Pedro Sánchez
                // Pérez-Castejón"): the keys differ, the names do not.
                if longer_form(a_name, b_name) {
                    continue;
                }
                let reason = format!(
                    "{} is given to {a_name} on {d0} and {d1} but to {b_name} on {} \
                     in between, with no word of a change of holder",
                    office.label(),
                    span(b_first, b_last)
                );
                out.push(Comparison {
                    check,
                    a: a_ids[0],
                    b: b_ids[0],
                    kind: EdgeKind::Conflict,
                    reason: reason.into(),
                });
                chained.push(*a);
                chained.push(*b);
            }
        }
        chained.sort_unstable();
        chained.dedup();
        for person in chained {
            let ids: Vec<ClaimId> = people[&person].values().flatten().copied().collect();
            agree_chain(check, &ids, "same holder", out);
        }
    }
}

fn span(a: Date, b: Date) -> String {
    if a == b {
        a.to_string()
    } else {
        format!("{a} to {b}")
    }
}

/// The office a `holder-return` finding is about, as its subject: the
/// government office of claim `id`.
pub fn subject(rules: &RuleSet, claims: &[Claim], id: ClaimId) -> Option<String> {
    let portfolios = Portfolios::of(claims);
    government_offices(&rules.office_index, claims, &portfolios)
        .swap_remove(id)
        .map(|o| o.label())
}
