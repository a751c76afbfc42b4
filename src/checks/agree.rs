//! `agree`: one value per subject for a relation.
//!
//! ## What it checks
//! Every claim of the relation about one subject (a person, across all
//! documents) is compared with the others; values that cannot both be true
//! are a conflict. With `compare: title` the comparison is rank- and
//! office-aware (see `title_compare`); with `compare: exact` values must be
//! equal after case and space folding.
//!
//! ## How it scales
//! Claims are grouped by subject, then by normalised value; only distinct
//! values are compared, so a person named a thousand times with three
//! wordings costs three comparisons, not a million.
//!
//! ## Limitations
//! Subjects that are a bare surname the document never spells out in full
//! are skipped: "Wang" could be any of several people.

use std::collections::BTreeMap;

use super::title_compare::{compare as compare_titles, Verdict};
use super::{agree_chain, Comparison, EdgeKind, Published};
use crate::claim::{Claim, ClaimId};
use crate::normalize::NormTitle;
use crate::rules::{Check, Compare, RuleSet};

pub fn run(
    rules: &RuleSet,
    index: usize,
    check: &Check,
    compare: Compare,
    claims: &[Claim],
    published: &Published,
    out: &mut Vec<Comparison>,
) {
    if compare == Compare::Date {
        return run_dates(index, check, claims, out);
    }
    if compare == Compare::Place {
        return run_places(index, check, claims, out);
    }
    if compare == Compare::Number {
        return run_numbers(index, check, claims, out);
    }
    // subject → value class → claims
    let mut groups: BTreeMap<&str, BTreeMap<ValueClass, Vec<ClaimId>>> = BTreeMap::new();
    for (id, c) in claims.iter().enumerate() {
        if c.kind.as_str() != check.relation || !c.subject_resolved || !c.subject.contains(' ') {
            continue;
        }
        let class = ValueClass::of(c, compare);
        groups
            .entry(&c.subject_key)
            .or_default()
            .entry(class)
            .or_default()
            .push(id);
    }
    for classes in groups.values() {
        let classes: Vec<(&ValueClass, &Vec<ClaimId>)> = classes.iter().collect();
        for (_, members) in &classes {
            agree_chain(index, members, "same value", out);
        }
        for (i, (ca, ma)) in classes.iter().enumerate() {
            for (cb, mb) in &classes[i + 1..] {
                let verdict = match compare {
                    Compare::Title => compare_titles(&rules.office_index, &ca.title, &cb.title),
                    Compare::Exact | Compare::Date | Compare::Place | Compare::Number => {
                        Verdict::Conflict(format!("{} vs {}", ca.text, cb.text))
                    }
                };
                let (kind, reason) = match verdict {
                    Verdict::Agree => (EdgeKind::Agree, "same office".to_string()),
                    Verdict::Compatible(r) => (EdgeKind::Compatible, r),
                    Verdict::Conflict(r) => (EdgeKind::Conflict, r),
                    Verdict::Unrelated => continue,
                };
                if kind == EdgeKind::Conflict {
                    // A conflict needs two sources close enough in time.
                    if let Some((x, y)) =
                        conflicting_pair(claims, published, ma, mb, check.within_days)
                    {
                        out.push(edge(index, x, y, kind, reason));
                    }
                    continue;
                }
                out.push(edge(index, ma[0], mb[0], kind, reason));
            }
        }
    }
}

/// Two claims, one from each side, in different documents and (with
/// `within_days`) published at most that many days apart — or undated.
/// One article naming two roles of a person is not a disagreement between
/// sources, and titles months apart may be a promotion or a new post.
fn conflicting_pair(
    claims: &[Claim],
    published: &Published,
    a: &[ClaimId],
    b: &[ClaimId],
    within_days: Option<u32>,
) -> Option<(ClaimId, ClaimId)> {
    let close = |x: ClaimId, y: ClaimId| {
        let (dx, dy) = (claims[x].doc, claims[y].doc);
        if dx == dy {
            return false;
        }
        match (
            within_days,
            published.get(dx).copied().flatten(),
            published.get(dy).copied().flatten(),
        ) {
            (Some(days), Some(px), Some(py)) => (px - py).get_days().unsigned_abs() <= days,
            _ => true,
        }
    };
    a.iter()
        .find_map(|&x| b.iter().find(|&&y| close(x, y)).map(|&y| (x, y)))
}

fn edge(check: usize, a: ClaimId, b: ClaimId, kind: EdgeKind, reason: String) -> Comparison {
    Comparison {
        check,
        a,
        b,
        kind,
        reason,
    }
}

/// Claims with equal classes say the same thing.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct ValueClass {
    title: NormTitle,
    text: String,
}

impl ValueClass {
    fn of(c: &Claim, compare: Compare) -> ValueClass {
        let text = match compare {
            Compare::Exact => c.value.to_lowercase(),
            Compare::Title | Compare::Date | Compare::Place | Compare::Number => String::new(),
        };
        ValueClass {
            title: c.title.clone(),
            text,
        }
    }
}

/// `compare: date` — event claims about one subject, action and place
/// must have overlapping dates. "June 18" and "June 18-19" overlap
/// (compatible); "June 18" and "June 25" cannot both be the day of one
/// event (conflict). Unresolved dates are not compared.
/// Subject, action, place.
type EventKey<'c> = (&'c str, &'c str, Option<&'c str>);

fn run_dates(index: usize, check: &Check, claims: &[Claim], out: &mut Vec<Comparison>) {
    type Days = (jiff::civil::Date, jiff::civil::Date);
    // (subject, action, place) → distinct day intervals → claims
    let mut groups: BTreeMap<EventKey<'_>, BTreeMap<Days, Vec<ClaimId>>> = BTreeMap::new();
    for (id, c) in claims.iter().enumerate() {
        let Some(ev) = &c.event else { continue };
        if c.kind.as_str() != check.relation || !c.subject_resolved || !c.subject.contains(' ') {
            continue;
        }
        let Some(days) = ev.date.as_ref().and_then(|d| d.inclusive_days()) else {
            continue;
        };
        let key = (
            c.subject_key.as_str(),
            ev.action.as_str(),
            ev.place.as_deref(),
        );
        groups
            .entry(key)
            .or_default()
            .entry(days)
            .or_default()
            .push(id);
    }
    for intervals in groups.values() {
        let classes: Vec<(&Days, &Vec<ClaimId>)> = intervals.iter().collect();
        for (_, members) in &classes {
            agree_chain(index, members, "same dates", out);
        }
        for (i, (da, ma)) in classes.iter().enumerate() {
            for (db, mb) in &classes[i + 1..] {
                let overlap = da.0 <= db.1 && db.0 <= da.1;
                let (kind, reason) = if overlap {
                    (EdgeKind::Compatible, "dates overlap".to_string())
                } else {
                    (
                        EdgeKind::Conflict,
                        format!("dates cannot overlap: {} vs {}", show(da), show(db)),
                    )
                };
                out.push(edge(index, ma[0], mb[0], kind, reason));
            }
        }
    }
}

fn show(d: &(jiff::civil::Date, jiff::civil::Date)) -> String {
    if d.0 == d.1 {
        d.0.to_string()
    } else {
        format!("{} to {}", d.0, d.1)
    }
}

/// `compare: place` — event claims about one subject and action on
/// overlapping dates must name the same place (after aliases: "Beijing" and
/// "China" are the same country). Events without a place or a resolved
/// date are not compared.
fn run_places(index: usize, check: &Check, claims: &[Claim], out: &mut Vec<Comparison>) {
    // (subject, action) → claims with a place and dates
    let mut groups: BTreeMap<(&str, &str), Vec<ClaimId>> = BTreeMap::new();
    for (id, c) in claims.iter().enumerate() {
        let Some(ev) = &c.event else { continue };
        if c.kind.as_str() != check.relation || !c.subject_resolved || ev.place.is_none() {
            continue;
        }
        if ev.date.as_ref().and_then(|d| d.inclusive_days()).is_none() {
            continue;
        }
        groups
            .entry((c.subject_key.as_str(), ev.action.as_str()))
            .or_default()
            .push(id);
    }
    for ids in groups.values() {
        for (i, &a) in ids.iter().enumerate() {
            for &b in &ids[i + 1..] {
                let (ea, eb) = (claims[a].event.as_ref(), claims[b].event.as_ref());
                let (Some(ea), Some(eb)) = (ea, eb) else {
                    continue;
                };
                let days =
                    |e: &crate::claim::EventInfo| e.date.as_ref().and_then(|d| d.inclusive_days());
                let (Some(da), Some(db)) = (days(ea), days(eb)) else {
                    continue;
                };
                if !(da.0 <= db.1 && db.0 <= da.1) {
                    continue; // different dates: maybe different trips
                }
                let (pa, pb) = (ea.place.as_deref(), eb.place.as_deref());
                let (kind, reason) = if pa == pb {
                    (EdgeKind::Agree, "same place".to_string())
                } else {
                    (
                        EdgeKind::Conflict,
                        format!(
                            "places differ: {} vs {}",
                            pa.unwrap_or("?"),
                            pb.unwrap_or("?")
                        ),
                    )
                };
                out.push(edge(index, a, b, kind, reason));
            }
        }
    }
}

/// A distinct figure and the claims that give it.
type Figure = (f64, Vec<ClaimId>);

/// `compare: number` — one figure per subject and quantity ("death toll in
/// X"): figures further apart than `tolerance` (relative) conflict.
fn run_numbers(index: usize, check: &Check, claims: &[Claim], out: &mut Vec<Comparison>) {
    // (subject, quantity) → distinct figures → claims
    let mut groups: BTreeMap<(&str, &str), Vec<Figure>> = BTreeMap::new();
    for (id, c) in claims.iter().enumerate() {
        let Some(ev) = &c.event else { continue };
        let Some(amount) = ev.amount else { continue };
        if c.kind.as_str() != check.relation {
            continue;
        }
        let figures = groups
            .entry((c.subject_key.as_str(), ev.action.as_str()))
            .or_default();
        match figures.iter_mut().find(|(a, _)| *a == amount) {
            Some((_, ids)) => ids.push(id),
            None => figures.push((amount, vec![id])),
        }
    }
    for figures in groups.values() {
        for (_, ids) in figures {
            agree_chain(index, ids, "same figure", out);
        }
        for (i, (a, ia)) in figures.iter().enumerate() {
            for (b, ib) in &figures[i + 1..] {
                let spread = (a - b).abs() / a.abs().max(b.abs()).max(f64::MIN_POSITIVE);
                let (kind, reason) = if spread <= check.tolerance {
                    (
                        EdgeKind::Compatible,
                        format!("figures within {:.0} %", check.tolerance * 100.0),
                    )
                } else {
                    (EdgeKind::Conflict, format!("figures differ: {a} vs {b}"))
                };
                out.push(edge(index, ia[0], ib[0], kind, reason));
            }
        }
    }
}
