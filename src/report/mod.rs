//! Report: conflict components → sorted, serialisable findings, and the
//! exit status decided from them (never from rendering).
//!
//! The JSON renderer serialises [`Report`] as is, so field names here are
//! the versioned contract in DESIGN.md (`version: 1`).

pub mod accept;

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use rayon::slice::ParallelSliceMut;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::checks::{Flag, Target};
use crate::claim::{Claim, ClaimId, DateClaim, GivenNameMention};
use crate::corpus::{Corpus, InputProblem, ProblemLevel};
use crate::family::Families;
use crate::graph::Component;
use crate::rules::Severity;
use crate::ruleset::RuleSet;
use crate::source::Located;

/// Which side of a disagreement a claim is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    Majority,
    Minority,
    /// No side has more independent sources (copy families) than the
    /// others.
    Tied,
}

/// One claim as a report shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimRef {
    pub document: String,
    pub record: Option<String>,
    pub line: usize,
    pub column: usize,
    pub start: usize,
    pub end: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub text: String,
    pub value: String,
    pub side: Side,
    /// When the document has copies in this run: the first document of its
    /// copy family (itself for the first). Absent: the document is its own
    /// family.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub family: Option<String>,
    /// The copy family as a document index (for counting sources).
    #[serde(skip)]
    pub source: usize,
    /// A declared relation's claim: each slot's value as written (a set's
    /// members joined with "and").
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub slots: BTreeMap<String, String>,
    #[serde(skip)]
    pub claim: ClaimId,
    /// The document's index in the corpus.
    #[serde(skip)]
    pub doc: usize,
    /// What the human, HTML, SARIF and GitHub reports quote and underline:
    /// the value, or for a finding about the name itself (`name-variant`)
    /// the whole mention, where the spelling is.
    #[serde(skip)]
    pub shown: String,
    #[serde(skip)]
    pub value_start: usize,
    #[serde(skip)]
    pub value_end: usize,
}

impl ClaimRef {
    fn shown_value(&self) -> String {
        format!("\"{}\"", self.value)
    }

    /// Shows the whole mention rather than the value: the finding is
    /// about the name, which the value (a title) does not contain.
    fn show_whole_mention(&mut self) {
        self.shown = self.text.clone();
        self.value_start = self.start;
        self.value_end = self.end;
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    pub check: String,
    pub severity: Severity,
    pub subject: String,
    pub relation: String,
    pub message: String,
    /// Why the values conflict, in words.
    pub reason: String,
    pub fingerprint: String,
    /// Majority side first; within a side by document and position.
    pub claims: Vec<ClaimRef>,
    /// The values differ only between copies of one story: the later copy
    /// corrects the earlier (severity info; the later copy is the
    /// majority side).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub correction: bool,
    /// An article's own surname slip set against the story's other
    /// documents that write the name right (`name-form` gave the flag its
    /// majority): a distributed check takes it from the `slips`
    /// partition, where the story is, instead of the `name` partition's
    /// plain flag ([`crate::distributed::merge`]).
    #[serde(skip)]
    pub story_slip: bool,
}

impl Finding {
    /// Independent sources (copy families) and documents on a side.
    pub fn votes(&self, side: Side) -> (usize, usize) {
        let on_side = || self.claims.iter().filter(move |c| c.side == side);
        let sources: BTreeSet<usize> = on_side().map(|c| c.source).collect();
        let docs: BTreeSet<(&String, &Option<String>)> =
            on_side().map(|c| (&c.document, &c.record)).collect();
        (sources.len(), docs.len())
    }

    /// The message, with the reason appended unless it already says it.
    pub fn message_with_reason(&self) -> String {
        if self.message.contains(&self.reason) {
            self.message.clone()
        } else {
            format!("{} ({})", self.message, self.reason)
        }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    pub error: usize,
    pub warning: usize,
    pub info: usize,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Report {
    pub version: u32,
    pub documents: usize,
    pub claims: usize,
    pub findings: Vec<Finding>,
    pub summary: Summary,
    /// Inputs that could not be (fully) read.
    pub problems: Vec<InputProblem>,
    /// Findings left out by a suppression or the baseline.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub accepted: Vec<accept::Accepted>,
    /// Baseline entries that matched no finding.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stale_baseline: Vec<accept::BaselineEntry>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unused_suppressions: Vec<accept::Suppression>,
    /// Copy families of two or more documents (near-copies of one story),
    /// each as its documents in corpus order; every other document is its
    /// own family.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub families: Vec<Vec<String>>,
}

impl Summary {
    pub fn of(findings: &[Finding]) -> Summary {
        let mut summary = Summary::default();
        for f in findings {
            match f.severity {
                Severity::Error => summary.error += 1,
                Severity::Warning => summary.warning += 1,
                Severity::Info => summary.info += 1,
            }
        }
        summary
    }
}

/// The `--fail-on` threshold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

/// Process outcome: 0 clean, 1 findings at or above the threshold, 2 an
/// input could not be read (even when there are findings too: CI must not
/// pass on a run that silently lost input).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitStatus {
    Clean = 0,
    Findings = 1,
    Error = 2,
}

impl Report {
    pub fn exit_status(&self, fail_on: FailOn) -> ExitStatus {
        if self.problems.iter().any(|p| p.level == ProblemLevel::Error) {
            return ExitStatus::Error;
        }
        let threshold = match fail_on {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Info => Some(Severity::Info),
            FailOn::Never => None,
        };
        match threshold {
            Some(t) if self.findings.iter().any(|f| f.severity >= t) => ExitStatus::Findings,
            _ => ExitStatus::Clean,
        }
    }
}

/// Builds the report from the graph's components.
#[allow(clippy::too_many_arguments)]
pub fn build(
    corpus: &Corpus,
    rules: &RuleSet,
    claims: &[Claim],
    dates: &[DateClaim],
    given_names: &[GivenNameMention],
    components: &[Component],
    flags: &[Flag],
    families: &Families,
) -> Report {
    let split: Vec<Cow<Component>> = components
        .iter()
        .filter(|c| !c.conflicts.is_empty())
        .flat_map(|c| per_outlier(rules, claims, c))
        .collect();
    let mut findings: Vec<Finding> = split
        .iter()
        .map(|c| finding(corpus, rules, claims, c, families))
        .chain(
            flags
                .iter()
                .map(|f| flag_finding(corpus, rules, claims, dates, given_names, f)),
        )
        .collect();
    for f in &mut findings {
        for r in &mut f.claims {
            let doc = r.doc;
            r.source = families.first.get(doc).copied().unwrap_or(doc);
            if families.size.get(doc).is_some_and(|&n| n > 1) {
                r.family = Some(corpus.documents[r.source].display_name());
            }
        }
    }
    findings.sort_by(report_order);
    let summary = Summary::of(&findings);
    Report {
        version: 1,
        documents: corpus.documents.len(),
        claims: claims.len() + dates.len(),
        findings,
        summary,
        problems: corpus.problems.clone(),
        accepted: Vec::new(),
        stale_baseline: Vec::new(),
        unused_suppressions: Vec::new(),
        families: families
            .copies()
            .iter()
            .map(|f| {
                f.iter()
                    .map(|&d| corpus.documents[d].display_name())
                    .collect()
            })
            .collect(),
    }
}

/// Claims a component split per outlier may copy in all (its majority
/// once per outlier side).
const MAX_SPLIT_COPIES: usize = 100_000;

/// A slot comparison's, a name check's or a single-holder office's
/// component whose outliers give several values (spellings, holders),
/// each in conflict with a majority that more documents give, as one
/// component per outlier value: "Tuesday" in one article and "Saturday"
/// in another are two errors against the majority's "Sunday", each with
/// its own explanation, not one finding that mixes them; "Emmanual" and
/// "Emanuel" are two slips of "Emmanuel"; Donald Trump and Vladimir
/// Zelensky each called "U.S. President" beside Joe Biden are two wrong
/// holders of one office. Other components (title mismatches, a
/// majority no larger than an outlier side, more parts than
/// [`MAX_SPLIT_COPIES`] allows,
/// an outlier side that conflicts only with another outlier) stay whole,
/// borrowed: a much-covered person's component is not copied.
fn per_outlier<'a>(
    rules: &RuleSet,
    claims: &[Claim],
    comp: &'a Component,
) -> Vec<Cow<'a, Component>> {
    let split_kind = comp.conflicts.first().is_some_and(|c| {
        matches!(
            rules.checks[c.2].kind,
            crate::rules::CheckKind::Agree {
                compare: crate::rules::Compare::Slot
            } | crate::rules::CheckKind::NameVariant
                | crate::rules::CheckKind::Spelling
                | crate::rules::CheckKind::SingleHolder
        )
    });
    // Each part copies the majority side: a bounded number of copies (a
    // name spelt a thousand ways stays one finding).
    let copies = comp.sides[0].len().saturating_mul(comp.sides.len());
    if !split_kind || comp.sides.len() < 3 || copies > MAX_SPLIT_COPIES {
        return vec![Cow::Borrowed(comp)];
    }
    let docs = |side: &[ClaimId]| {
        let d: BTreeSet<usize> = side.iter().map(|&c| claims[c].doc).collect();
        d.len()
    };
    let majority: BTreeSet<ClaimId> = comp.sides[0].iter().copied().collect();
    let against = |side: &[ClaimId]| {
        let s: BTreeSet<ClaimId> = side.iter().copied().collect();
        comp.conflicts.iter().any(|(a, b, _, _)| {
            (majority.contains(a) && s.contains(b)) || (majority.contains(b) && s.contains(a))
        })
    };
    let larger = comp.sides[1..]
        .iter()
        .all(|s| docs(s) < docs(&comp.sides[0]));
    if !larger || !comp.sides[1..].iter().all(|s| against(s)) {
        return vec![Cow::Borrowed(comp)];
    }
    comp.sides[1..]
        .iter()
        .map(|side| {
            let outlier: BTreeSet<ClaimId> = side.iter().copied().collect();
            let inside = |c: &ClaimId| majority.contains(c) || outlier.contains(c);
            Cow::Owned(Component {
                sides: vec![comp.sides[0].clone(), side.clone()],
                conflicts: comp
                    .conflicts
                    .iter()
                    .filter(|(a, b, _, _)| inside(a) && inside(b))
                    .cloned()
                    .collect(),
                edges: comp
                    .edges
                    .iter()
                    .filter(|(a, b, _)| inside(a) && inside(b))
                    .cloned()
                    .collect(),
            })
        })
        .collect()
}

fn finding(
    corpus: &Corpus,
    rules: &RuleSet,
    claims: &[Claim],
    comp: &Component,
    families: &Families,
) -> Finding {
    let family = |c: ClaimId| families.first.get(claims[c].doc).copied();
    // Values that differ only between copies of one story: a correction.
    let correction = comp.conflicts.iter().all(|(x, y, _, _)| {
        claims[*x].doc != claims[*y].doc && family(*x).is_some() && family(*x) == family(*y)
    });
    let (mut a_id, mut b_id, check_idx, reason) = primary_conflict(claims, comp);
    let check = &rules.checks[check_idx];
    let sources = |side: &[ClaimId]| {
        let mut f: Vec<Option<usize>> = side.iter().map(|&c| family(c)).collect();
        f.sort_unstable();
        f.dedup();
        f.len()
    };
    let tied = comp.sides.len() > 1 && sources(&comp.sides[0]) == sources(&comp.sides[1]);
    // The later copy (by publication date, then corpus order) corrects.
    let latest = comp
        .claims()
        .map(|c| (corpus.documents[claims[c].doc].published, claims[c].doc))
        .max()
        .map(|(_, doc)| doc);
    let mut refs = Vec::with_capacity(comp.sides.iter().map(Vec::len).sum());
    for (i, side) in comp.sides.iter().enumerate() {
        // In report order before the references are made (each is a few
        // hundred bytes to move; a much-covered person has 160,000).
        let mut side = side.clone();
        side.par_sort_by(|&x, &y| place_order(corpus, &claims[x], &claims[y]));
        let side_refs = side.iter().map(|&c| {
            let s = match (i, tied) {
                _ if correction && Some(claims[c].doc) == latest => Side::Majority,
                _ if correction => Side::Minority,
                (_, true) => Side::Tied,
                (0, false) => Side::Majority,
                _ => Side::Minority,
            };
            claim_ref(corpus, claims, c, s, check.slot.as_deref())
        });
        refs.extend(side_refs);
    }
    if correction {
        refs.sort_by_key(|r| r.side);
        let in_latest = |c: ClaimId| Some(claims[c].doc) == latest;
        if in_latest(b_id) && !in_latest(a_id) {
            std::mem::swap(&mut a_id, &mut b_id);
        }
    }
    if check.kind == crate::rules::CheckKind::NameVariant {
        refs.iter_mut().for_each(ClaimRef::show_whole_mention);
    }
    let subject = match check.kind {
        // A leadership office has no vocabulary id: its label ("president
        // of U.S.") opens the reason (`single_holder`).
        crate::rules::CheckKind::SingleHolder if claims[a_id].title.office.is_none() => reason
            .split_once(" has one holder")
            .map_or_else(String::new, |(label, _)| label.to_string()),
        crate::rules::CheckKind::SingleHolder => {
            let office = claims[a_id].title.office.clone().unwrap_or_default();
            rules
                .office_index
                .display
                .get(&office)
                .cloned()
                .map_or(office.clone(), |n| format!("{n} ({office})"))
        }
        crate::rules::CheckKind::HolderReturn => {
            crate::checks::holder_return::subject(rules, claims, a_id)
                .unwrap_or_else(|| claims[a_id].subject.to_string())
        }
        _ => full_name(&claims[a_id].subject, &claims[b_id].subject),
    };
    let side_of = |id: ClaimId| {
        refs.iter()
            .find(|r| r.claim == id)
            .unwrap_or(&refs[0])
            .clone()
    };
    let (a, b) = (side_of(a_id), side_of(b_id));
    let mut f = assemble(check, subject, reason, refs, &a, &b);
    if correction {
        f.severity = Severity::Info;
        f.correction = true;
        f.message = format!(
            "Correction between copies of one story: {} has {} where the earlier copy {} had {}; \
             the later copy is taken as the correction ({})",
            doc_name(&a),
            a.shown_value(),
            doc_name(&b),
            b.shown_value(),
            f.reason
        );
    }
    f
}

/// Claims of a side in report order: by document, record and offset
/// (two claims of one document compare by offset alone).
fn place_order(corpus: &Corpus, x: &Claim, y: &Claim) -> std::cmp::Ordering {
    if x.doc == y.doc {
        return x.span.start.cmp(&y.span.start);
    }
    let (dx, dy) = (&corpus.documents[x.doc], &corpus.documents[y.doc]);
    (&dx.path, &dx.record, x.span.start).cmp(&(&dy.path, &dy.record, y.span.start))
}

/// Fills the message, computes the fingerprint and builds the finding.
fn assemble(
    check: &crate::rules::Check,
    subject: String,
    reason: String,
    claims: Vec<ClaimRef>,
    a: &ClaimRef,
    b: &ClaimRef,
) -> Finding {
    let message = render_template(
        &check.message,
        &subject,
        &check.relation,
        &check.id,
        &reason,
        a,
        b,
    );
    let fingerprint = fingerprint(&check.id, &subject, &claims);
    Finding {
        check: check.id.clone(),
        severity: check.severity,
        subject,
        relation: check.relation.clone(),
        message,
        reason,
        fingerprint,
        claims,
        correction: false,
        story_slip: false,
    }
}

/// A finding's subject: the first claim's, unless it is the bare surname
/// of the other's full name (a check that joins surnames, `join_surnames`,
/// set "Roe" against "Jane Roe"): the full name says whom it is about.
fn full_name(a: &str, b: &str) -> String {
    let joined = !a.is_empty() && b.strip_suffix(a).is_some_and(|rest| rest.ends_with(' '));
    match joined {
        true => b.to_string(),
        false => a.to_string(),
    }
}

/// The order of a report's findings: most severe first, then by subject,
/// check, and where the first claim is: its document, record and offset
/// (one check and a merge of partitions sort alike; the record tells
/// apart two copies of a story in one JSON Lines file, whose findings of
/// one subject may come from two partitions: an own surname slip's from
/// `slips`, another copy's from `name`).
pub fn report_order(a: &Finding, b: &Finding) -> std::cmp::Ordering {
    (
        b.severity,
        &a.subject,
        &a.check,
        &a.claims[0].document,
        &a.claims[0].record,
        a.claims[0].start,
    )
        .cmp(&(
            a.severity,
            &b.subject,
            &b.check,
            &b.claims[0].document,
            &b.claims[0].record,
            b.claims[0].start,
        ))
}

/// A single-claim finding: a date that contradicts itself, or a claim
/// against the vocabulary's reference facts.
fn flag_finding(
    corpus: &Corpus,
    rules: &RuleSet,
    claims: &[Claim],
    dates: &[DateClaim],
    given_names: &[GivenNameMention],
    flag: &Flag,
) -> Finding {
    let check = &rules.checks[flag.check];
    let (refs, subject) = match &flag.target {
        &Target::Claim(id) => (
            vec![claim_ref(corpus, claims, id, Side::Minority, None)],
            claims[id].subject.to_string(),
        ),
        &Target::Date(i) => {
            let d = &dates[i];
            let r = span_ref(corpus, d.doc, d.span, &d.at, i);
            let text = r.text.to_string();
            (vec![r], text)
        }
        Target::GivenName(all) => {
            let refs = all
                .iter()
                .map(|&i| {
                    let m = &given_names[i];
                    span_ref(corpus, m.doc, m.span, &m.at, i)
                })
                .collect();
            (refs, given_names[all[0]].full.clone())
        }
        Target::NameForm { rare, common } => {
            let side = |ids: &[usize], side: Side| -> Vec<ClaimRef> {
                ids.iter()
                    .map(|&i| {
                        let m = &given_names[i];
                        let value = m.at.text.to_string();
                        located_ref(corpus, m.doc, m.span, &m.at, value, m.span, i, side)
                    })
                    .collect()
            };
            let mut refs = side(rare, Side::Minority);
            refs.extend(side(common, Side::Majority));
            let subject = rare
                .first()
                .map_or_else(String::new, |&i| given_names[i].full.clone());
            let b = refs.get(rare.len()).cloned();
            let r = refs[0].clone();
            let b = b.unwrap_or_else(|| r.clone());
            let mut finding = assemble(check, subject, flag.reason.clone(), refs, &r, &b);
            finding.story_slip = check.kind == crate::rules::CheckKind::NameVariant;
            return finding;
        }
    };
    let r = refs[0].clone();
    assemble(check, subject, flag.reason.clone(), refs, &r, &r)
}

/// A report reference to a bare span (its text is its value).
fn span_ref(
    corpus: &Corpus,
    doc: crate::corpus::DocId,
    span: crate::source::Span,
    at: &Located,
    id: usize,
) -> ClaimRef {
    located_ref(
        corpus,
        doc,
        span,
        at,
        at.text.to_string(),
        span,
        id,
        Side::Minority,
    )
}

/// A report reference built from what extraction located, so a report
/// needs no document text.
#[allow(clippy::too_many_arguments)]
fn located_ref(
    corpus: &Corpus,
    doc: crate::corpus::DocId,
    span: crate::source::Span,
    at: &Located,
    value: String,
    value_span: crate::source::Span,
    id: usize,
    side: Side,
) -> ClaimRef {
    let d = &corpus.documents[doc];
    ClaimRef {
        document: d.path.clone(),
        record: d.record.clone(),
        line: at.line,
        column: at.column,
        start: span.start,
        end: span.end,
        end_line: at.end_line,
        end_column: at.end_column,
        text: at.text.to_string(),
        shown: value.clone(),
        value,
        side,
        slots: BTreeMap::new(),
        claim: id,
        doc,
        family: None,
        source: doc,
        value_start: value_span.start,
        value_end: value_span.end,
    }
}

/// The conflict the message describes: a = the majority's value, b = the
/// outlier's; among several, prefer a majority claim that names the office
/// over one that only describes it.
fn primary_conflict(claims: &[Claim], comp: &Component) -> (ClaimId, ClaimId, usize, String) {
    // A side is a sorted list of claims: membership by binary search.
    let majority = |c: &ClaimId| comp.sides[0].binary_search(c).is_ok();
    let oriented = comp.conflicts.iter().map(|(x, y, check, reason)| {
        if majority(y) && !majority(x) {
            (*y, *x, *check, reason)
        } else {
            (*x, *y, *check, reason)
        }
    });
    let (a, b, check, reason) = oriented
        .min_by_key(|(a, b, _, _)| (!majority(a), claims[*a].title.descriptive, *a, *b))
        .expect("a finding's component has a conflict");
    (a, b, check, reason.clone())
}

/// A claim as a finding shows it; with `compared` (the slot an `agree`
/// check compares), that slot's text is the value shown ("about half an
/// hour", not the meeting's place).
fn claim_ref(
    corpus: &Corpus,
    claims: &[Claim],
    id: ClaimId,
    side: Side,
    compared: Option<&str>,
) -> ClaimRef {
    let c = &claims[id];
    let value = compared
        .zip(c.facts.as_deref())
        .map(|(slot, f)| f.get(slot).map(|s| s.text.as_str()).collect::<Vec<_>>())
        .filter(|texts| !texts.is_empty())
        .map_or_else(|| c.value.to_string(), |texts| texts.join(" and "));
    let mut r = located_ref(corpus, c.doc, c.span, &c.at, value, c.value_span, id, side);
    if let Some(facts) = &c.facts {
        for fill in &facts.slots {
            r.slots
                .entry(fill.slot.clone())
                .and_modify(|t| {
                    t.push_str(" and ");
                    t.push_str(&fill.text);
                })
                .or_insert_with(|| fill.text.clone());
        }
    }
    r
}

pub use crate::source::one_line;

fn doc_name(r: &ClaimRef) -> String {
    match &r.record {
        Some(rec) => format!("{}#{rec}", r.document),
        None => r.document.clone(),
    }
}

/// Fills a message template; placeholders were checked when rules loaded.
pub fn render_template(
    template: &str,
    subject: &str,
    relation: &str,
    check: &str,
    reason: &str,
    a: &ClaimRef,
    b: &ClaimRef,
) -> String {
    let (a_shown, b_shown) = distinct_values(a, b);
    let values: [(&str, String); 10] = [
        ("{subject}", subject.to_string()),
        ("{relation}", relation.to_string()),
        ("{check}", check.to_string()),
        ("{reason}", reason.to_string()),
        ("{a.doc}", doc_name(a)),
        ("{b.doc}", doc_name(b)),
        ("{a.line}", a.line.to_string()),
        ("{b.line}", b.line.to_string()),
        ("{a}", format!("\"{}\"", a_shown)),
        ("{b}", format!("\"{}\"", b_shown)),
    ];
    let mut out = template.to_string();
    for (k, v) in values {
        out = out.replace(k, &v);
    }
    // Slots of a declared relation: `{a.where}`, `{b.count}`.
    for (side, r) in [("a", a), ("b", b)] {
        for (slot, text) in &r.slots {
            out = out.replace(&format!("{{{side}.{slot}}}"), &format!("\"{text}\""));
        }
    }
    out
}

/// The two values a message quotes: the values, unless they are written
/// alike ("Prime Minister" twice, where the titles' countries differ:
/// "Indian Prime Minister" and "Ukraine Prime Minister"); then the words of
/// each claim up to its value, or the whole claims, so that the message
/// shows what differs.
fn distinct_values<'r>(a: &'r ClaimRef, b: &'r ClaimRef) -> (&'r str, &'r str) {
    if !a.value.eq_ignore_ascii_case(&b.value) {
        return (&a.value, &b.value);
    }
    // The claim's text up to the end of its value, when the value is in
    // it after some words ("Indian [Prime Minister]").
    let through_value = |r: &'r ClaimRef| -> &'r str {
        match r.text.find(r.value.as_str()) {
            Some(at) if at > 0 && !r.value.is_empty() => &r.text[..at + r.value.len()],
            _ => &r.value,
        }
    };
    let (x, y) = (through_value(a), through_value(b));
    if !x.eq_ignore_ascii_case(y) {
        return (x, y);
    }
    if !a.text.eq_ignore_ascii_case(&b.text) {
        return (&a.text, &b.text);
    }
    (&a.value, &b.value)
}

/// The order of two documents' names, `document#record` (or `document`
/// alone), compared as those strings.
fn name_order(a: (&str, Option<&str>), b: (&str, Option<&str>)) -> std::cmp::Ordering {
    if a.0 == b.0 {
        // One document: without a record its name is a prefix of the other.
        return a.1.cmp(&b.1);
    }
    let name = |(document, record): (&'_ str, Option<&'_ str>)| {
        let rec = record.map_or(&[][..], str::as_bytes);
        let hash: &[u8] = if record.is_some() { b"#" } else { b"" };
        document
            .as_bytes()
            .iter()
            .chain(hash)
            .chain(rec)
            .copied()
            .collect::<Vec<u8>>()
    };
    name(a).cmp(&name(b))
}

/// Stable across runs and edits elsewhere in a file: check, subject, the
/// distinct values and the documents — never line numbers or offsets.
fn fingerprint(check: &str, subject: &str, refs: &[ClaimRef]) -> String {
    // Distinct values and documents first: a finding about a much-covered
    // person lists the same few values and each document many times.
    let mut written: BTreeSet<&str> = BTreeSet::new();
    let mut last = None;
    for r in refs {
        // Neighbours mostly repeat a value: one set look-up per run.
        if last != Some(r.value.as_str()) {
            written.insert(&r.value);
            last = Some(r.value.as_str());
        }
    }
    let values: BTreeSet<String> = written.into_iter().map(str::to_lowercase).collect();
    let mut sources: Vec<(&str, Option<&str>)> = refs
        .iter()
        .map(|r| (r.document.as_str(), r.record.as_deref()))
        .collect();
    // Sorted and deduplicated as the names `document#record` are, without
    // writing each name out: what a set of the names would iterate.
    // Stable: each side is already in (document, record) order, and a
    // merge of sorted runs is linear.
    sources.par_sort_by(|a, b| name_order(*a, *b));
    sources.dedup_by(|a, b| name_order(*a, *b) == std::cmp::Ordering::Equal);
    let mut h = Sha256::new();
    for part in [check, subject] {
        h.update(part.as_bytes());
        h.update([0]);
    }
    for v in &values {
        h.update(v.as_bytes());
        h.update([0]);
    }
    for (document, record) in sources {
        h.update(document.as_bytes());
        if let Some(rec) = record {
            h.update(b"#");
            h.update(rec.as_bytes());
        }
        h.update([0]);
    }
    let digest = h.finalize();
    digest[..8].iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim_ref(text: &str, value: &str) -> ClaimRef {
        ClaimRef {
            document: "a.md".into(),
            record: None,
            line: 1,
            column: 1,
            start: 0,
            end: text.len(),
            end_line: 1,
            end_column: text.len() + 1,
            text: text.into(),
            value: value.into(),
            side: Side::Majority,
            family: None,
            source: 0,
            slots: BTreeMap::new(),
            claim: 0,
            doc: 0,
            shown: value.into(),
            value_start: 0,
            value_end: 0,
        }
    }

    #[test]
    fn a_message_shows_what_differs_between_values_written_alike() {
        let a = claim_ref("Indian Prime Minister Jane Roe", "Prime Minister");
        let b = claim_ref("Ruritanian Prime Minister Jane Roe", "Prime Minister");
        let m = render_template(
            "{subject}: {a} or {b}",
            "Jane Roe",
            "title",
            "x",
            "",
            &a,
            &b,
        );
        assert_eq!(
            m,
            "Jane Roe: \"Indian Prime Minister\" or \"Ruritanian Prime Minister\""
        );
        // The value after the name: the whole claims.
        let a = claim_ref("Prime Minister Jane Roe of India", "Prime Minister");
        let b = claim_ref("Prime Minister Jane Roe of Ruritania", "Prime Minister");
        let m = render_template("{a} or {b}", "Jane Roe", "title", "x", "", &a, &b);
        assert_eq!(
            m,
            "\"Prime Minister Jane Roe of India\" or \"Prime Minister Jane Roe of Ruritania\""
        );
        // Values that differ are quoted as they are.
        let b = claim_ref("Chancellor Jane Roe", "Chancellor");
        let m = render_template("{a} or {b}", "Jane Roe", "title", "x", "", &a, &b);
        assert_eq!(m, "\"Prime Minister\" or \"Chancellor\"");
    }
}
