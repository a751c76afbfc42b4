//! A distributed check: claims partitioned by the keys that keep together
//! everything a check compares, each partition checked on its own (on any
//! engine: Spark, Dask, xargs), and the partitions' findings merged into
//! the report one `check` of all the documents gives, byte for byte.
//!
//! Three steps, each a function here and a subcommand of the CLI:
//!
//! 1. [`partition`] (`claimcheck partition`): claims read back from files
//!    (`claims --documents`) → keyed lines `KEY \t SEQ \t LINE` and the
//!    *head*: the report of the whole run without its findings (documents,
//!    claims, input problems, copy families). A claim line goes to every
//!    partition whose check needs it:
//!
//!    | key | lines | checks run there |
//!    | --- | --- | --- |
//!    | `subject/RELATION/PERSON-KEY` | the claims of one person and relation (a bare surname that stays unresolved only when `reference` may flag it); `subject/RELATION/*` for a relation whose subject is a set of people (a smaller set is compared with a larger one) | `agree` (titles, values, slots), `reference`, `two-offices` |
//!    | `office/OFFICE` | title claims of one single-holder office | `single-holder` |
//!    | `variant/FIRST-KEY` | title claims of people whose names may be one name spelled two ways ([`crate::checks::name_variant::variant_groups`]) | `name-variant` |
//!    | `name/FULL NAME` | bare given names of one surname-first person | `name-variant` (given names) |
//!    | `date/TEXT` | date expressions whose weekday contradicts them | `date-consistency` |
//!    | `forms/all` | every document line with its capitalised words, and the lines of `variant`, `spelling` and `name` (their checks run there so that `name-form` leaves their slips to them; only `name-form`'s findings are taken) | `name-form` |
//!    | `holders/all` | title claims of government offices, every portfolio and country ([`crate::checks::offices`]: a title's country may come from its holder's other offices) | `holder-return` |
//!
//!    Each partition also gets the document lines of the documents its
//!    claims come from, *with every other document of their copy
//!    families* (families are found over the whole run first; a document
//!    line names its family's first document instead of carrying its
//!    signature), so a partition groups copies, counts votes and names a
//!    family's first document as the whole run does. Claim lines carry the person's name
//!    as chosen over the whole run (as `document_subject` too), so a
//!    partition that sees some of a person's claims names them alike.
//!    `SEQ` is the line's place in the whole run: a partition's lines are
//!    put back in that order, so its claims are numbered in the run's
//!    order.
//!
//! 2. [`check_partitions`] (`claimcheck partition-check`): keyed lines of
//!    any number of partitions, in any order (an engine's shuffle) →
//!    partial findings, one JSON line each. Lines of one kind are checked
//!    together with only that kind's checks; putting partitions of one kind
//!    together never changes a finding, since each check groups by its own
//!    key inside (a person, an office, a spelling group).
//!
//! 3. [`merge`] (`claimcheck merge`): the head and the partial findings →
//!    the report: findings deduplicated (a partition re-run by the engine
//!    gives the same lines twice), sorted as one check sorts them, the
//!    summary counted again.
//!
//! Why this is exact: every comparison a check makes is between claims of
//! one key (agree: one person; single-holder: one office; name-variant:
//! one spelling group, closed under "could be a variant"; spelling: one
//! relation, all its claims — venues are few), so every
//! conflict component, hence every finding, lies inside one partition;
//! single-claim findings (reference, dates, given names) need nothing else.
//! Findings that tie on the report's sort order have the same subject and
//! check, hence the same key: their order comes from one partition, where
//! claims are numbered in the run's order.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::io::{self, BufRead, Write};

use crate::claim::{Claim, ClaimKind};
use crate::corpus::Corpus;
use crate::extract::Extracted;
use crate::family::Families;
use crate::report::{report_order, Finding, Report, Summary};
use crate::rules::CheckKind;
use crate::ruleset::RuleSet;
use crate::store::{self, DocMeta, Line, Loaded};

/// The partition kinds, in the order their lines are checked.
pub const KINDS: [&str; 8] = [
    "subject", "office", "variant", "name", "date", "holders", "spelling", "forms",
];

/// Does check kind `check` run in partitions of kind `kind`?
fn runs_in(kind: &str, check: &CheckKind) -> bool {
    match check {
        CheckKind::Agree { .. } | CheckKind::Reference | CheckKind::TwoOffices => kind == "subject",
        CheckKind::HolderReturn => kind == "holders",
        CheckKind::SingleHolder => kind == "office",
        // In `forms` too: a slip these report is not reported again by
        // `name-form` there (their findings come from their own kinds).
        CheckKind::NameVariant => matches!(kind, "variant" | "name" | "forms"),
        CheckKind::DateConsistency => kind == "date",
        CheckKind::Spelling => matches!(kind, "spelling" | "forms"),
        CheckKind::NameForm => kind == "forms",
    }
}

/// Are the findings of check kind `check` taken from partitions of kind
/// `kind`? (`forms` runs the other name checks for `name-form` only.)
fn reports_in(kind: &str, check: &CheckKind) -> bool {
    runs_in(kind, check) && (kind != "forms" || *check == CheckKind::NameForm)
}

/// The rules with only the checks that run in partitions of `kind` (the
/// other checks' findings come from other partitions).
pub fn rules_for_kind(rules: &RuleSet, kind: &str) -> RuleSet {
    let mut only = rules.clone();
    only.checks.retain(|c| runs_in(kind, &c.kind));
    only
}

/// A key as it can be written in a keyed line: tabs and line breaks
/// become spaces (joining two partitions of one kind is always safe).
fn clean_key(key: String) -> String {
    if key.contains(['\t', '\n', '\r']) {
        key.replace(['\t', '\n', '\r'], " ")
    } else {
        key
    }
}

/// One line of a partition: its key, its place in the whole run, the
/// claims-file line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyedLine {
    pub key: String,
    pub seq: u64,
    pub line: String,
}

impl KeyedLine {
    /// `KEY \t SEQ \t LINE` and a newline.
    pub fn write(&self, out: &mut dyn Write) -> io::Result<()> {
        writeln!(out, "{}\t{}\t{}", self.key, self.seq, self.line)
    }

    /// Reads [`KeyedLine::write`]'s form (without the newline).
    pub fn parse(text: &str) -> Option<KeyedLine> {
        let (key, rest) = text.split_once('\t')?;
        let (seq, line) = rest.split_once('\t')?;
        Some(KeyedLine {
            key: key.to_string(),
            seq: seq.parse().ok()?,
            line: line.trim_end_matches(['\n', '\r']).to_string(),
        })
    }

    /// The partition kind: the key up to its first `/`.
    pub fn kind(&self) -> &str {
        self.key.split('/').next().unwrap_or("")
    }
}

/// What [`partition`] makes.
pub struct Partitioned {
    /// The report of the whole run without findings.
    pub head: Report,
    /// Every keyed line, by key, then by place in the run.
    pub lines: Vec<KeyedLine>,
}

/// Partitions claims read back from files (see the module's doc).
pub fn partition(loaded: Loaded, rules: &RuleSet) -> Partitioned {
    let metas: Vec<DocMeta> = loaded.documents.iter().map(|(m, _)| m.clone()).collect();
    let (corpus, extracted) = loaded.into_corpus(rules);
    partition_extracted(&corpus, &metas, rules, &extracted)
}

/// [`partition`] over a corpus and its claims; `metas[d]` describes
/// `corpus.documents[d]`.
pub fn partition_extracted(
    corpus: &Corpus,
    metas: &[DocMeta],
    rules: &RuleSet,
    extracted: &Extracted,
) -> Partitioned {
    let families = crate::families(corpus);
    let head = crate::report::build(
        corpus,
        rules,
        &extracted.claims,
        &extracted.dates,
        &extracted.given_names,
        &[],
        &[],
        &families,
    );
    let wanted = |kind: &str| rules.checks.iter().any(|c| runs_in(kind, &c.kind));
    let single = crate::checks::single_holder::single_holder_offices(rules);
    // A spelling check compares every claim of its relation with every
    // other (blocked by words, whatever the subject): one partition per
    // relation.
    let spelled: BTreeSet<&str> = rules
        .checks
        .iter()
        .filter(|c| c.kind == CheckKind::Spelling)
        .map(|c| c.relation.as_str())
        .collect();
    let set_subjects: BTreeSet<&str> = rules
        .relations
        .iter()
        .filter(|r| {
            r.slot(&r.subject)
                .is_some_and(|s| s.ty == crate::rules::SlotType::Persons)
        })
        .map(|r| r.id.as_str())
        .collect();
    let variants = match wanted("variant") {
        true => crate::checks::name_variant::variant_groups(&extracted.claims),
        false => BTreeMap::new(),
    };

    // Every line of the run in the order a claims file has it (by
    // document, its document line first), with its keys.
    let n = corpus.documents.len();
    let mut per_doc: Vec<Vec<(usize, Line, Vec<String>)>> = (0..n).map(|_| Vec::new()).collect();
    for c in &extracted.claims {
        let mut keys = Vec::new();
        if wanted("subject")
            && (c.subject_resolved
                || reference_may_flag(rules, c)
                || crate::checks::relation::compares_bare_surname(rules, c))
        {
            // Participants are compared as sets, a smaller set with a
            // larger one ("Roe met Doe" with "Roe met Doe and Poe"): all
            // of such a relation's claims in one partition.
            let whole = set_subjects.contains(c.relation())
                || crate::checks::relation::joins_surnames(rules, c.relation());
            let key = match whole {
                true => "*",
                false => c.subject_key.as_str(),
            };
            keys.push(format!("subject/{}/{key}", c.relation()));
        }
        if spelled.contains(c.relation()) {
            keys.push(format!("spelling/{}", c.relation()));
            if wanted("forms") {
                keys.push(FORMS.to_string());
            }
        }
        if c.kind == ClaimKind::Title {
            if let Some(office) = c.title.office.as_deref() {
                if single.contains(office) && wanted("office") {
                    keys.push(format!("office/{office}"));
                }
            }
            // Leadership titles in one partition: a bare title's country
            // is read from all of its holder's leadership titles.
            if wanted("office")
                && c.title.office.is_none()
                && rules.leaders.read(&c.title).is_some()
            {
                keys.push("office/leaders".to_string());
            }
            if wanted("holders")
                && c.subject_resolved
                && c.subject.contains(' ')
                && crate::checks::offices::portfolio(&c.title).is_some()
            {
                keys.push("holders/all".to_string());
            }
            if let Some(group) = variants.get(c.subject_key.as_str()) {
                if c.subject_resolved {
                    keys.push(format!("variant/{group}"));
                    if wanted("forms") {
                        keys.push(FORMS.to_string());
                    }
                }
            }
        }
        if keys.is_empty() {
            continue;
        }
        keys.sort();
        keys.dedup();
        per_doc[c.doc].push((c.span.start, with_run_subject(&metas[c.doc], c), keys));
    }
    if wanted("date") {
        for d in extracted
            .dates
            .iter()
            .filter(|d| d.weekday_mismatch.is_some())
        {
            let line = store::date_line(&metas[d.doc], d);
            per_doc[d.doc].push((d.span.start, line, vec![format!("date/{}", d.at.text)]));
        }
    }
    if wanted("name") || wanted("forms") {
        for g in &extracted.given_names {
            let line = store::name_line(&metas[g.doc], g);
            let mut keys = Vec::new();
            if wanted("name") {
                keys.push(format!("name/{}", g.full));
            }
            if wanted("forms") {
                keys.push(FORMS.to_string());
            }
            per_doc[g.doc].push((g.span.start, line, keys));
        }
    }

    // Which documents each key needs: those of its lines, with their
    // whole copy families.
    let members = family_members(&families);
    let mut lines = Vec::new();
    let mut docs_of_key: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
    let mut doc_seq = vec![0u64; n];
    let mut seq = 0u64;
    for (doc, entries) in per_doc.iter_mut().enumerate() {
        doc_seq[doc] = seq;
        seq += 1;
        // Stable: claims before dates before names at one offset, as
        // claims files have them.
        entries.sort_by_key(|e| e.0);
        for (_, line, keys) in entries.iter() {
            let text = line_text(line);
            for key in keys {
                let key = clean_key(key.clone());
                let docs = docs_of_key.entry(key.clone()).or_default();
                docs.extend(members[families.first[doc]].iter().copied());
                lines.push(KeyedLine {
                    key,
                    seq,
                    line: text.clone(),
                });
            }
            seq += 1;
        }
    }
    // `name-form` compares every document's words with every other's
    // (see FORMS): all documents that have words.
    if wanted("forms") {
        let docs = docs_of_key.entry(FORMS.to_string()).or_default();
        for d in (0..n).filter(|&d| !extracted.names.of(d).is_empty()) {
            docs.extend(members[families.first[d]].iter().copied());
        }
    }
    // Document lines name their family's first document instead of
    // carrying the signature (150 bytes instead of 670): a partition holds
    // whole families, in the run's order, so grouping by that name gives
    // the run's families.
    let doc_lines: Vec<String> = metas
        .iter()
        .enumerate()
        .map(|(d, m)| {
            let meta = DocMeta {
                signature: None,
                family: Some(corpus.documents[families.first[d]].display_name()),
                ..m.clone()
            };
            line_text(&store::document_line(&meta, None))
        })
        .collect();
    for (key, docs) in docs_of_key {
        for d in docs {
            // Only `forms` reads the words: other partitions' document
            // lines stay small.
            let line = match key == FORMS {
                true => line_text(&store::document_line(
                    &DocMeta {
                        signature: None,
                        family: Some(corpus.documents[families.first[d]].display_name()),
                        ..metas[d].clone()
                    },
                    store::names_wire(&extracted.names, d),
                )),
                false => doc_lines[d].clone(),
            };
            lines.push(KeyedLine {
                key: key.clone(),
                seq: doc_seq[d],
                line,
            });
        }
    }
    lines.sort_by(|a, b| (&a.key, a.seq).cmp(&(&b.key, b.seq)));
    Partitioned { head, lines }
}

/// The one partition of `name-form`: every document line with its
/// capitalised words, with the claims and given names the other name
/// checks compare (so that a slip they report is left to them, as in one
/// check). Its key is no blocking key: a rare word is compared with the
/// words of every document of its story, and which words are rare and
/// which documents make one story are counted over the whole run.
const FORMS: &str = "forms/all";

/// Whether the `reference` check may flag a claim whose subject is not
/// resolved (`agree` compares resolved subjects only): a present title
/// of an office with listed holders.
fn reference_may_flag(rules: &RuleSet, c: &Claim) -> bool {
    c.kind == ClaimKind::Title
        && c.title.time == crate::claim::TitleTime::Present
        && c.title.office.as_deref().is_some_and(|office| {
            rules
                .offices
                .iter()
                .any(|o| o.id == office && !o.holders.is_empty())
        })
}

/// For each family's first document, the documents of the family.
fn family_members(families: &Families) -> Vec<Vec<usize>> {
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); families.first.len()];
    for (doc, &first) in families.first.iter().enumerate() {
        members[first].push(doc);
    }
    members
}

/// A claim's line with the person named as across the whole run, in
/// `document_subject` too: a partition that holds only some of a person's
/// claims then names the person as the whole run does.
fn with_run_subject(meta: &DocMeta, c: &Claim) -> Line {
    let mut c = c.clone();
    c.document_subject = c.subject.clone();
    store::claim_line(meta, &c)
}

fn line_text(line: &Line) -> String {
    let mut buf = Vec::new();
    line.write(&mut buf).expect("writing to memory");
    let mut text = String::from_utf8(buf).expect("JSON is UTF-8");
    text.truncate(text.trim_end().len());
    text
}

/// One finding of a partition, as `partition-check` writes it.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Partial {
    /// The partition kind that found it.
    pub kind: String,
    pub finding: Finding,
}

/// Checks keyed lines (see the module's doc): the lines of each kind
/// together, each line once (by `SEQ`, in that order), with that kind's
/// checks. Returns the findings, by kind, each kind's in report order,
/// and the problems of lines that could not be read.
pub fn check_partitions(
    lines: Vec<KeyedLine>,
    rules: &RuleSet,
) -> (Vec<Partial>, Vec<crate::corpus::InputProblem>) {
    let mut by_kind: BTreeMap<usize, BTreeMap<u64, String>> = BTreeMap::new();
    for l in lines {
        let Some(kind) = KINDS.iter().position(|k| *k == l.kind()) else {
            continue;
        };
        by_kind.entry(kind).or_default().insert(l.seq, l.line);
    }
    let (mut out, mut problems) = (Vec::new(), Vec::new());
    for (kind, lines) in by_kind {
        let kind = KINDS[kind];
        let rules = rules_for_kind(rules, kind);
        let mut text = Vec::new();
        for line in lines.values() {
            text.extend_from_slice(line.as_bytes());
            text.push(b'\n');
        }
        let name = format!("<partition {kind}>");
        let loaded = store::read_stream(&name, io::Cursor::new(text), &rules);
        let (corpus, extracted) = loaded.into_corpus(&rules);
        problems.extend(corpus.problems.iter().cloned());
        let analysis = crate::analyze_claims(&corpus, &rules, extracted);
        let reported = |f: &Finding| {
            (rules.checks.iter())
                .find(|c| c.id == f.check)
                .is_some_and(|c| reports_in(kind, &c.kind))
        };
        out.extend(
            (analysis.report.findings.into_iter())
                .filter(reported)
                .map(|finding| Partial {
                    kind: kind.to_string(),
                    finding,
                }),
        );
    }
    (out, problems)
}

/// Reads keyed lines; a line that is not one, or of a kind this version
/// does not know, is an error naming it.
pub fn read_keyed(input: impl BufRead, name: &str) -> Result<Vec<KeyedLine>, String> {
    let mut out = Vec::new();
    for (n, line) in input.lines().enumerate() {
        let line = line.map_err(|e| format!("{name}: cannot read: {e}"))?;
        if line.trim().is_empty() {
            continue;
        }
        let keyed = KeyedLine::parse(&line).ok_or_else(|| {
            format!(
                "{name}:{}: not a keyed line (KEY, tab, SEQ, tab, claims line) as \
                 `claimcheck partition` writes",
                n + 1
            )
        })?;
        if !KINDS.contains(&keyed.kind()) {
            return Err(format!(
                "{name}:{}: unknown partition kind `{}` (known: {})",
                n + 1,
                keyed.kind(),
                KINDS.join(", ")
            ));
        }
        out.push(keyed);
    }
    Ok(out)
}

/// What [`merge`] gives besides the report.
#[derive(Debug, Default)]
pub struct MergeNotes {
    /// Findings given more than once (a re-run partition), dropped.
    pub duplicates: usize,
    /// Pairs of findings from different inputs that tie on the report's
    /// order: their order is the inputs' and may differ from one check's.
    pub ties: usize,
}

/// Merges partial findings (each input's in the order it was written)
/// into the head: duplicates dropped, sorted as one check sorts, the
/// summary counted again.
pub fn merge(mut head: Report, inputs: Vec<Vec<Partial>>) -> (Report, MergeNotes) {
    let mut notes = MergeNotes::default();
    let mut seen: HashSet<String> = HashSet::new();
    let mut all: Vec<(usize, usize, Finding)> = Vec::new();
    for (i, partials) in inputs.into_iter().enumerate() {
        for (j, p) in partials.into_iter().enumerate() {
            let text = serde_json::to_string(&p.finding).unwrap_or_default();
            if !seen.insert(text) {
                notes.duplicates += 1;
                continue;
            }
            all.push((i, j, p.finding));
        }
    }
    all.sort_by(|a, b| report_order(&a.2, &b.2).then((a.0, a.1).cmp(&(b.0, b.1))));
    notes.ties = all
        .windows(2)
        .filter(|w| w[0].0 != w[1].0 && report_order(&w[0].2, &w[1].2).is_eq())
        .count();
    head.findings = all.into_iter().map(|(_, _, f)| f).collect();
    head.summary = Summary::of(&head.findings);
    (head, notes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keyed_lines_round_trip_and_keys_stay_on_one_line() {
        let l = KeyedLine {
            key: clean_key("date/Thursday,\tJuly\n7".to_string()),
            seq: 42,
            line: r#"{"kind":"date","text":"a\tb"}"#.to_string(),
        };
        assert_eq!(l.key, "date/Thursday, July 7");
        assert_eq!(l.kind(), "date");
        let mut out = Vec::new();
        l.write(&mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(KeyedLine::parse(&text), Some(l));
        assert_eq!(KeyedLine::parse("no tabs"), None);
        assert_eq!(KeyedLine::parse("k\tnot a number\t{}"), None);
    }

    #[test]
    fn each_check_runs_in_one_kind_of_partition() {
        let rules = RuleSet::shipped().unwrap();
        for check in &rules.checks {
            let kinds: Vec<&str> = KINDS
                .iter()
                .copied()
                .filter(|k| reports_in(k, &check.kind))
                .collect();
            let expected = match check.kind {
                CheckKind::NameVariant => 2, // title pairs and given names
                _ => 1,
            };
            assert_eq!(kinds.len(), expected, "{}: {kinds:?}", check.id);
        }
    }
}
