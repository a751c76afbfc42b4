//! Checks: claims + rules → comparisons (graph edges).
//!
//! One file per check kind. A check never decides the report: it says,
//! for pairs of claims, whether they agree, are compatible or conflict,
//! and why; the conflict graph turns that into findings. A check that
//! cannot decide abstains (no edge).

pub mod agree;
pub mod date_consistency;
pub mod title_compare;

use crate::claim::{Claim, ClaimId, DateClaim};
use crate::rules::{CheckKind, RuleSet};

/// What a check concluded about two claims.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EdgeKind {
    Agree,
    Compatible,
    Conflict,
}

impl EdgeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EdgeKind::Agree => "agree",
            EdgeKind::Compatible => "compatible",
            EdgeKind::Conflict => "conflict",
        }
    }
}

/// One conclusion: claims `a` and `b` under check `check` (index into
/// `RuleSet::checks`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comparison {
    pub check: usize,
    pub a: ClaimId,
    pub b: ClaimId,
    pub kind: EdgeKind,
    pub reason: String,
}

/// A problem inside one claim (no second claim involved).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flag {
    pub check: usize,
    /// Index into the date claims.
    pub date: usize,
    pub reason: String,
}

/// Runs every pairwise check over the claims.
pub fn run(rules: &RuleSet, claims: &[Claim]) -> Vec<Comparison> {
    let mut out = Vec::new();
    for (i, check) in rules.checks.iter().enumerate() {
        if let CheckKind::Agree { compare } = check.kind {
            agree::run(rules, i, check, compare, claims, &mut out);
        }
    }
    out
}

/// Runs every single-claim check over the date claims.
pub fn run_single(rules: &RuleSet, dates: &[DateClaim]) -> Vec<Flag> {
    let mut out = Vec::new();
    for (i, check) in rules.checks.iter().enumerate() {
        if check.kind == CheckKind::DateConsistency {
            date_consistency::run(i, dates, &mut out);
        }
    }
    out
}
