//! Checks: claims + rules → comparisons (graph edges).
//!
//! One file per check kind. A check never decides the report: it says,
//! for pairs of claims, whether they agree, are compatible or conflict,
//! and why; the conflict graph turns that into findings. A check that
//! cannot decide abstains (no edge).

pub mod agree;
pub mod date_consistency;
pub mod holder_return;
pub mod leaders;
pub mod name_form;
pub mod name_variant;
pub(crate) mod offices;
pub mod reference;
pub mod relation;
pub mod single_holder;
pub mod spelling;
pub mod title_compare;
pub mod two_offices;
mod within;

use crate::claim::{Claim, ClaimId, DateClaim};
use crate::rules::CheckKind;
use crate::ruleset::RuleSet;

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

/// Why a check concluded what it did. Most edges tie claims that say
/// the same thing and share one fixed reason ("same value"): those borrow
/// it, so a much-covered person costs no string per claim (issue 19).
pub type Reason = std::borrow::Cow<'static, str>;

/// One conclusion: claims `a` and `b` under check `check` (index into
/// `RuleSet::checks`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comparison {
    pub check: usize,
    pub a: ClaimId,
    pub b: ClaimId,
    pub kind: EdgeKind,
    pub reason: Reason,
}

/// Agree edges that tie claims saying the same thing into one group (a
/// chain to the first, so a group of n costs n - 1 edges, not n²).
pub(crate) fn agree_chain(
    check: usize,
    ids: &[ClaimId],
    reason: &'static str,
    out: &mut Vec<Comparison>,
) {
    out.extend(ids.iter().skip(1).map(|&m| Comparison {
        check,
        a: ids[0],
        b: m,
        kind: EdgeKind::Agree,
        reason: Reason::Borrowed(reason),
    }));
}

/// What a single-claim finding points at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// Index into the date claims.
    Date(usize),
    Claim(ClaimId),
    /// Indices into the given-name mentions: every place one article
    /// writes one name the same wrong way, in text order (one finding,
    /// not one per occurrence).
    GivenName(Vec<usize>),
    /// Indices into the given-name mentions: a rare written form of a
    /// name (`name-form`), each document's first place, and the common
    /// form it misspells in the other documents of its story.
    NameForm {
        rare: Vec<usize>,
        common: Vec<usize>,
    },
}

/// A problem inside one claim (no second claim involved).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flag {
    pub check: usize,
    pub target: Target,
    pub reason: String,
}

/// Publication date of each document, by document id.
pub type Published = [Option<jiff::civil::Date>];

/// Runs every pairwise check over the claims: the checks in parallel (each
/// reads the claims alone), their comparisons in rule order.
pub fn run(rules: &RuleSet, claims: &[Claim], published: &Published) -> Vec<Comparison> {
    use rayon::prelude::*;
    let each: Vec<Vec<Comparison>> = (0..rules.checks.len())
        .into_par_iter()
        .map(|i| run_one(rules, i, claims, published))
        .collect();
    each.concat()
}

/// The comparisons of the `i`th check of `rules` (none for single-claim
/// checks).
fn run_one(rules: &RuleSet, i: usize, claims: &[Claim], published: &Published) -> Vec<Comparison> {
    let check = &rules.checks[i];
    let mut out = Vec::new();
    match check.kind {
        CheckKind::Agree {
            compare: crate::rules::Compare::Slot,
        } => relation::run(rules, i, check, claims, published, &mut out),
        CheckKind::Agree { compare } => {
            agree::run(rules, i, check, compare, claims, published, &mut out)
        }
        CheckKind::SingleHolder => single_holder::run(rules, i, claims, published, &mut out),
        CheckKind::Spelling => spelling::run(&rules.lexicon, i, check, claims, published, &mut out),
        CheckKind::HolderReturn => holder_return::run(rules, i, claims, published, &mut out),
        CheckKind::TwoOffices => two_offices::run(rules, i, claims, published, &mut out),
        CheckKind::DateConsistency
        | CheckKind::Reference
        | CheckKind::NameVariant
        | CheckKind::NameForm => {}
    }
    out
}

/// Runs every single-claim check.
pub fn run_single(
    rules: &RuleSet,
    claims: &[Claim],
    dates: &[DateClaim],
    published: &Published,
) -> Vec<Flag> {
    let mut out = Vec::new();
    for (i, check) in rules.checks.iter().enumerate() {
        match check.kind {
            CheckKind::DateConsistency => date_consistency::run(i, dates, &mut out),
            CheckKind::Reference => reference::run(rules, i, claims, published, &mut out),
            _ => {}
        }
    }
    out
}
