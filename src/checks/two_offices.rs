//! `two-offices`: one person given two offices of one government on one
//! day.
//!
//! ## What it checks
//! Present claims of one person published the same day that name two
//! different government offices ([`super::offices`]: cabinet portfolios
//! and military commands) of one country. A list that drops a name ("the
//! defence minister and army chief Tom Poe", where the defence minister is
//! someone else) gives one person both offices; so does a wrong portfolio
//! ("Treasury Secretary" in one article, "Finance Minister" in another).
//!
//! ## Why it is information, not a warning
//! People do hold two portfolios at once ("Commerce and Planning
//! Minister", a prime minister who keeps defence), so the finding asks a
//! reader to look rather than says one side is wrong. One portfolio that
//! contains the other ("Commerce and Planning Minister" and "Planning
//! Minister") is one office and not flagged.
//!
//! ## Limitations
//! Both titles need the same country: the title's own, or the one the
//! person is given in other government titles; titles with no country
//! are compared only inside one article. Claims marked new, outgoing,
//! acting, designate, former or then describe a change and are left out.

use std::collections::BTreeMap;

use jiff::civil::Date;

use super::offices::{changing, government_offices, Class, Portfolios};
use super::{agree_chain, Comparison, EdgeKind, Published};
use crate::claim::{Claim, ClaimId};
use crate::ruleset::RuleSet;

/// One claim's office: kind, portfolio words, country if known.
type Held<'c> = (Class, &'c str, Option<&'c str>);

pub fn run(
    rules: &RuleSet,
    check: usize,
    claims: &[Claim],
    published: &Published,
    out: &mut Vec<Comparison>,
) {
    let portfolios = Portfolios::of(claims);
    let offices = government_offices(&rules.office_index, claims, &portfolios);
    // (person, day) → office → claims
    let mut days: BTreeMap<(&str, Date), BTreeMap<Held, Vec<ClaimId>>> = BTreeMap::new();
    for (id, c) in claims.iter().enumerate() {
        if changing(c) || !c.subject_resolved || !c.subject.contains(' ') {
            continue;
        }
        let Some(Some(day)) = published.get(c.doc) else {
            continue;
        };
        let Some((class, words)) = portfolios.get(id) else {
            continue;
        };
        let country = offices[id].map(|o| o.country);
        // "Minister of State" is a rank outside the U.S.; "who is also
        // Planning Minister" says the second office is held too.
        if (words == "state" && country.is_none()) || says_also(&c.at.text) {
            continue;
        }
        days.entry((&c.subject_key, *day))
            .or_default()
            .entry((class, words, country))
            .or_default()
            .push(id);
    }
    for ((_, day), held) in days {
        if held.len() < 2 {
            continue;
        }
        let held: Vec<(&Held, &Vec<ClaimId>)> = held.iter().collect();
        let mut flagged = vec![false; held.len()];
        for i in 0..held.len() {
            for j in i + 1..held.len() {
                let ((ci, wi, ki), ids_i) = held[i];
                let ((cj, wj, kj), ids_j) = held[j];
                if ci == cj && (contains(wi, wj) || contains(wj, wi)) {
                    continue; // one office, or one within a joint portfolio
                }
                let (a, b) = match (ki, kj) {
                    (Some(x), Some(y)) if x != y => continue,
                    (Some(_), Some(_)) => (ids_i[0], ids_j[0]),
                    // No country on one side: only within one article.
                    _ => match same_doc(claims, ids_i, ids_j) {
                        Some(pair) => pair,
                        None => continue,
                    },
                };
                let country = ki.or(*kj).map(|k| format!(" ({k})")).unwrap_or_default();
                out.push(Comparison {
                    check,
                    a,
                    b,
                    kind: EdgeKind::Conflict,
                    reason: format!(
                        "{} is given two offices of one government{country} on {day}: \
                         {} and {}; a list may have dropped a name, or one title is wrong",
                        claims[a].subject, claims[a].value, claims[b].value
                    )
                    .into(),
                });
                flagged[i] = true;
                flagged[j] = true;
            }
        }
        for (k, (_, ids)) in held.iter().enumerate() {
            if flagged[k] {
                agree_chain(check, ids, "same office", out);
            }
        }
    }
}

/// Does the mention say the office is held besides another ("who is also
/// planning minister")?
fn says_also(text: &str) -> bool {
    text.split(|ch: char| !ch.is_alphanumeric())
        .any(|w| w.eq_ignore_ascii_case("also"))
}

/// Are all of `inner`'s portfolio words among `outer`'s?
fn contains(outer: &str, inner: &str) -> bool {
    inner.split(' ').all(|w| outer.split(' ').any(|o| o == w))
}

/// The first pair of claims, one from each side, in one document.
fn same_doc(claims: &[Claim], a: &[ClaimId], b: &[ClaimId]) -> Option<(ClaimId, ClaimId)> {
    a.iter().find_map(|&x| {
        b.iter()
            .find(|&&y| claims[x].doc == claims[y].doc)
            .map(|&y| (x, y))
    })
}
