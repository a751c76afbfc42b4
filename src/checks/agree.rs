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
use super::{Comparison, EdgeKind};
use crate::claim::{Claim, ClaimId};
use crate::normalize::NormTitle;
use crate::rules::{Check, Compare, RuleSet};

pub fn run(
    rules: &RuleSet,
    index: usize,
    check: &Check,
    compare: Compare,
    claims: &[Claim],
    out: &mut Vec<Comparison>,
) {
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
            for &m in &members[1..] {
                out.push(edge(
                    index,
                    members[0],
                    m,
                    EdgeKind::Agree,
                    "same value".into(),
                ));
            }
        }
        for (i, (ca, ma)) in classes.iter().enumerate() {
            for (cb, mb) in &classes[i + 1..] {
                let verdict = match compare {
                    Compare::Title => compare_titles(&rules.office_index, &ca.title, &cb.title),
                    Compare::Exact => Verdict::Conflict(format!("{} vs {}", ca.text, cb.text)),
                };
                let (kind, reason) = match verdict {
                    Verdict::Agree => (EdgeKind::Agree, "same office".to_string()),
                    Verdict::Compatible(r) => (EdgeKind::Compatible, r),
                    Verdict::Conflict(r) => (EdgeKind::Conflict, r),
                    Verdict::Unrelated => continue,
                };
                out.push(edge(index, ma[0], mb[0], kind, reason));
            }
        }
    }
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
            Compare::Title => String::new(),
        };
        ValueClass {
            title: c.title.clone(),
            text,
        }
    }
}
