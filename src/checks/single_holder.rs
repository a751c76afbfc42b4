//! `single-holder`: one person at a time in an office that has one holder.
//!
//! ## What it checks
//! Offices marked `single_holder: true` in the vocabulary. Each person's
//! claims to the office span the publication dates of their articles;
//! two people whose spans overlap are a conflict ("Treasury Secretary" given
//! to two people in the same week). Spans that follow each other are a
//! succession, not a finding.
//!
//! ## Why it matters
//! One of the two texts names the wrong person, or a title outlived its
//! holder's term.
//!
//! ## Limitations
//! Claims without a publication date, and claims marked former, then,
//! designate, new, outgoing or acting (which describe a change of holder),
//! are left out. Articles dated the same day that report a change of holder
//! without those words can still look like an overlap.

use std::collections::{BTreeMap, HashSet};

use jiff::civil::Date;

use super::{agree_chain, Comparison, EdgeKind, Published};
use crate::claim::TitleTime;
use crate::claim::{Claim, ClaimId, ClaimKind};
use crate::ruleset::RuleSet;

/// Qualifiers that mark a change of holder.
const TRANSITION: &[&str] = &["new", "outgoing", "acting", "designate", "then", "former"];

/// A person's claims to an office: first day, last day, claims.
type Term = (Date, Date, Vec<ClaimId>);

pub fn run(
    rules: &RuleSet,
    check: usize,
    claims: &[Claim],
    published: &Published,
    out: &mut Vec<Comparison>,
) {
    let single: HashSet<&str> = rules
        .offices
        .iter()
        .filter(|o| o.single_holder)
        .map(|o| o.id.as_str())
        .collect();
    // office → person → (first day, last day, claims)
    let mut offices: BTreeMap<&str, BTreeMap<&str, Term>> = BTreeMap::new();
    for (id, c) in claims.iter().enumerate() {
        if c.kind != ClaimKind::Title
            || c.title.time != TitleTime::Present
            || !c.subject_resolved
            || !c.subject.contains(' ')
        {
            continue;
        }
        if c.title
            .qualifiers
            .iter()
            .any(|q| TRANSITION.contains(&q.as_str()))
        {
            continue;
        }
        let Some(office) = c.title.office.as_deref() else {
            continue;
        };
        if !single.contains(office) {
            continue;
        }
        let Some(Some(day)) = published.get(c.doc) else {
            continue;
        };
        let entry = offices
            .entry(office)
            .or_default()
            .entry(&c.subject_key)
            .or_insert((*day, *day, Vec::new()));
        entry.0 = entry.0.min(*day);
        entry.1 = entry.1.max(*day);
        entry.2.push(id);
    }
    for (office, people) in offices {
        let people: Vec<(&&str, &Term)> = people.iter().collect();
        for (_, (_, _, ids)) in &people {
            agree_chain(check, ids, "same holder", out);
        }
        for (i, (ka, (fa, la, a))) in people.iter().enumerate() {
            for (kb, (fb, lb, b)) in &people[i + 1..] {
                if super::name_variant::keys_are_variants(ka, kb) {
                    continue; // one person spelled two ways: the name-variant check's finding
                }
                let (kind, reason) = if fa <= lb && fb <= la {
                    let reason = format!(
                        "{office} has one holder, but {} ({}) and {} ({}) overlap",
                        claims[a[0]].subject,
                        span(*fa, *la),
                        claims[b[0]].subject,
                        span(*fb, *lb)
                    );
                    (EdgeKind::Conflict, reason)
                } else {
                    (
                        EdgeKind::Compatible,
                        "succession: the terms do not overlap".to_string(),
                    )
                };
                out.push(Comparison {
                    check,
                    a: a[0],
                    b: b[0],
                    kind,
                    reason,
                });
            }
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
