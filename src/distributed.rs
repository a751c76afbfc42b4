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
//!    | `spelling/RELATION/CHECK/FIRST-SPELLING` | claims of one relation whose compared slot is spelt one of a group of spellings the check may compare, closed transitively ([`crate::checks::spelling::groups`]); a spelling that meets no other has none | `spelling` |
//!    | `forms/STORY-NAME` | `name-form`'s first stage: document lines (whole copy families) that write one story name and a word the check can use, with those words and their run-wide counts ([`crate::checks::name_form::Vocabulary`]) | none: the documents of its candidate slips become `slips/all` lines |
//!    | `slips/all` | `name-form`'s second stage: the documents `forms` partitions pass on, and the lines of `variant`, `spelling` and `name` (their checks run there so that `name-form` leaves their slips to them; only `name-form`'s findings are taken) | `name-form` |
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
//!    partial findings, one JSON line each, and for `forms` lines the
//!    `slips/all` lines of the second stage (checked by another
//!    `partition-check` with `partition`'s own `slips/all` lines; see
//!    `FORMS_PREFIX`). Lines of one kind are checked
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
pub const KINDS: [&str; 9] = [
    "subject", "office", "variant", "name", "date", "holders", "spelling", "forms", "slips",
];

/// Does check kind `check` run in partitions of kind `kind`?
fn runs_in(kind: &str, check: &CheckKind) -> bool {
    match check {
        CheckKind::Agree { .. } | CheckKind::Reference | CheckKind::TwoOffices => kind == "subject",
        CheckKind::HolderReturn => kind == "holders",
        CheckKind::SingleHolder => kind == "office",
        // In `slips` too: a slip these report is not reported again by
        // `name-form` there (their findings come from their own kinds).
        CheckKind::NameVariant => matches!(kind, "variant" | "name" | "slips"),
        CheckKind::DateConsistency => kind == "date",
        CheckKind::Spelling => matches!(kind, "spelling" | "slips"),
        // `forms` partitions run no check: they pass the documents of
        // their candidate slips on to `slips` ([`story_lines`]).
        CheckKind::NameForm => matches!(kind, "forms" | "slips"),
    }
}

/// Are the findings of check kind `check` taken from partitions of kind
/// `kind`? (`slips` runs the other name checks for `name-form` only.)
fn reports_in(kind: &str, check: &CheckKind) -> bool {
    runs_in(kind, check) && kind != "forms" && (kind != "slips" || *check == CheckKind::NameForm)
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
    // other (blocked by words, whatever the subject): its partitions are
    // the groups of spellings it may compare, closed transitively
    // ([`crate::checks::spelling::groups`]); a claim whose spelling meets
    // no other needs none.
    let spelled: BTreeSet<&str> = rules
        .checks
        .iter()
        .filter(|c| c.kind == CheckKind::Spelling)
        .map(|c| c.relation.as_str())
        .collect();
    let spelling_groups: Vec<(&str, BTreeMap<usize, String>)> = match wanted("spelling") {
        true => (rules.checks.iter())
            .filter(|c| c.kind == CheckKind::Spelling)
            .map(|c| {
                let groups = crate::checks::spelling::groups(&rules.lexicon, c, &extracted.claims);
                (c.id.as_str(), groups)
            })
            .collect(),
        false => Vec::new(),
    };
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
    for (id, c) in extracted.claims.iter().enumerate() {
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
            for (check, groups) in &spelling_groups {
                if let Some(group) = groups.get(&id) {
                    keys.push(format!("spelling/{}/{check}/{group}", c.relation()));
                }
            }
            if wanted("slips") {
                keys.push(SLIPS.to_string());
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
                    if wanted("slips") {
                        keys.push(SLIPS.to_string());
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
    if wanted("name") || wanted("slips") {
        for g in &extracted.given_names {
            let line = store::name_line(&metas[g.doc], g);
            let mut keys = Vec::new();
            if wanted("name") {
                keys.push(format!("name/{}", g.full));
            }
            if wanted("slips") {
                keys.push(SLIPS.to_string());
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
    // `name-form`'s keyed partitions: documents by the story names they
    // write (see FORMS_PREFIX), their words counted over the whole run.
    let vocabulary = match wanted("forms") {
        true => crate::checks::name_form::vocabulary(&rules.lexicon, &extracted.names, &families),
        false => Default::default(),
    };
    if wanted("forms") {
        for (key, docs) in story_keys(&extracted.names, &vocabulary) {
            let all = docs_of_key
                .entry(format!("{FORMS_PREFIX}{key}"))
                .or_default();
            for d in docs {
                all.extend(members[families.first[d]].iter().copied());
            }
        }
    }
    // Document lines name their family's first document instead of
    // carrying the signature (150 bytes instead of 670): a partition holds
    // whole families, in the run's order, so grouping by that name gives
    // the run's families.
    let meta_of = |d: usize| DocMeta {
        signature: None,
        family: Some(corpus.documents[families.first[d]].display_name()),
        ..metas[d].clone()
    };
    let doc_lines: Vec<String> = (0..n)
        .map(|d| line_text(&store::document_line(&meta_of(d), None)))
        .collect();
    // Only `forms` and `slips` read the words (those the check can use,
    // with their run-wide counts): other partitions' document lines stay
    // small. One text per document, so that a document passed on from
    // `forms` to `slips` twice is one line there.
    let mut word_lines: Vec<Option<String>> = vec![None; n];
    for (key, docs) in docs_of_key {
        let words = key == SLIPS || key.starts_with(FORMS_PREFIX);
        for d in docs {
            let line = match words {
                true => word_lines[d]
                    .get_or_insert_with(|| {
                        line_text(&words_line(&meta_of(d), &extracted.names, d, &vocabulary))
                    })
                    .clone(),
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

/// `name-form` in two stages. First `forms/STORY-NAME`: the documents
/// that write one story name (a word 2 to
/// [`crate::checks::name_form::STORY_SIZE`] copy families write), when
/// one of them writes a rare form that a common form is one slip from by
/// its letters ([`crate::checks::name_form::Vocabulary`]), with their
/// whole copy families; each document line carries only the words the
/// check can use, with the number of copy families writing each over the
/// whole run. Two documents the check compares share two story names, so
/// they meet under at least one key, and a key's partition holds at most
/// `STORY_SIZE` families. A `forms` partition checks nothing: it passes
/// the documents of its candidate slips on to [`SLIPS`] ([`story_lines`]).
const FORMS_PREFIX: &str = "forms/";

/// The second stage of `name-form`: the documents of every candidate slip
/// (from the `forms` partitions), with the claims and given names the
/// other name checks compare (so that a slip they report is left to them,
/// as in one check) and their documents. The counts a finding needs (the
/// copy families writing the common form in the rare form's story, the
/// best of a pair's candidates, the slips one word already reports) are
/// made here, over every document that can take part in them.
const SLIPS: &str = "slips/all";

/// The story keys of `name-form` (see [`FORMS_PREFIX`]): each story
/// name's text, with the documents that write it and a word the check
/// can use, for the story names one of whose documents writes a live rare
/// form.
fn story_keys(
    forms: &crate::corpus::names::Forms,
    vocabulary: &crate::checks::name_form::Vocabulary,
) -> BTreeMap<String, Vec<usize>> {
    let mut writers: BTreeMap<u32, (bool, Vec<usize>)> = BTreeMap::new();
    for d in 0..forms.of_doc.len() {
        let words = forms.of(d);
        if !words.iter().any(|f| vocabulary.live[f.word as usize]) {
            continue;
        }
        let rare = words.iter().any(|f| vocabulary.live_rare(f.word));
        for f in words.iter().filter(|f| vocabulary.story[f.word as usize]) {
            let entry = writers.entry(f.word).or_default();
            entry.0 |= rare;
            entry.1.push(d);
        }
    }
    writers
        .into_iter()
        .filter(|(_, (rare, _))| *rare)
        .map(|(w, (_, docs))| (forms.words.text(w).to_string(), docs))
        .collect()
}

/// A document's line for `forms` and `slips`: the words the check can use
/// ([`crate::checks::name_form::Vocabulary::kept`]), each with the copy
/// families writing it over the whole run.
fn words_line(
    meta: &DocMeta,
    forms: &crate::corpus::names::Forms,
    d: usize,
    vocabulary: &crate::checks::name_form::Vocabulary,
) -> Line {
    let kept: Option<Vec<&crate::corpus::names::NameForm>> = (forms.of_doc.get(d))
        .and_then(Option::as_deref)
        .map(|list| list.iter().filter(|f| vocabulary.kept(f.word)).collect());
    let names = kept.as_ref().map(|list| {
        list.iter()
            .map(|f| {
                let flags = u8::from(f.mid) | (u8::from(f.lower) << 1);
                store::NameWire(
                    forms.words.text(f.word).to_string(),
                    f.start,
                    f.line,
                    f.column,
                    flags,
                )
            })
            .collect()
    });
    let mut line = store::document_line(meta, names);
    if let (Line::Document(doc), Some(list)) = (&mut line, &kept) {
        let spread = list.iter().map(|f| vocabulary.spread[f.word as usize]);
        doc.spread = Some(
            spread
                .map(|n| u32::try_from(n).unwrap_or(u32::MAX))
                .collect(),
        );
    }
    line
}

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

/// What [`check_partitions`] gives.
#[derive(Debug, Default)]
pub struct Checked {
    /// The findings, by kind, each kind's in report order.
    pub partials: Vec<Partial>,
    /// Keyed lines for the next stage: the `slips` lines that `forms`
    /// partitions pass on (checked by another `partition-check`).
    pub next: Vec<KeyedLine>,
    /// The problems of lines that could not be read.
    pub problems: Vec<crate::corpus::InputProblem>,
}

/// Checks keyed lines (see the module's doc): the lines of each kind
/// together, each line once (by `SEQ`, in that order), with that kind's
/// checks; `forms` lines give the next stage's `slips` lines instead of
/// findings.
pub fn check_partitions(lines: Vec<KeyedLine>, rules: &RuleSet) -> Checked {
    let mut by_kind: BTreeMap<usize, BTreeMap<u64, String>> = BTreeMap::new();
    for l in lines {
        let Some(kind) = KINDS.iter().position(|k| *k == l.kind()) else {
            continue;
        };
        by_kind.entry(kind).or_default().insert(l.seq, l.line);
    }
    let mut out = Checked::default();
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
        out.problems.extend(corpus.problems.iter().cloned());
        if kind == "forms" {
            out.next
                .extend(story_lines(&corpus, &extracted, &lines, &rules));
            continue;
        }
        let analysis = crate::analyze_claims(&corpus, &rules, extracted);
        let reported = |f: &Finding| {
            (rules.checks.iter())
                .find(|c| c.id == f.check)
                .is_some_and(|c| reports_in(kind, &c.kind))
                || (kind == "slips" && f.story_slip)
        };
        out.partials
            .extend(
                (analysis.report.findings.into_iter())
                    .filter(reported)
                    .map(|finding| Partial {
                        kind: kind.to_string(),
                        finding,
                    }),
            );
    }
    out
}

/// The `slips` lines of `forms` partitions (read into `corpus` and
/// `extracted` from `lines`): the document lines of every candidate slip
/// ([`crate::checks::name_form::story_documents`]) with their whole copy
/// families, as they came.
fn story_lines(
    corpus: &Corpus,
    extracted: &Extracted,
    lines: &BTreeMap<u64, String>,
    rules: &RuleSet,
) -> Vec<KeyedLine> {
    if !rules.checks.iter().any(|c| c.kind == CheckKind::NameForm) {
        return Vec::new();
    }
    let families = crate::families(corpus);
    let docs =
        crate::checks::name_form::story_documents(&rules.lexicon, &extracted.names, &families);
    let wanted: BTreeSet<usize> = docs.iter().map(|&d| families.first[d]).collect();
    let chosen: HashSet<(&str, Option<&str>)> = (0..corpus.documents.len())
        .filter(|&d| wanted.contains(&families.first[d]))
        .map(|d| {
            let doc = &corpus.documents[d];
            (doc.path.as_str(), doc.record.as_deref())
        })
        .collect();
    #[derive(serde::Deserialize)]
    struct Which {
        kind: String,
        document: String,
        record: Option<String>,
    }
    let mut out = Vec::new();
    for (&seq, line) in lines {
        let Ok(which) = serde_json::from_str::<Which>(line) else {
            continue;
        };
        if which.kind == "document"
            && chosen.contains(&(which.document.as_str(), which.record.as_deref()))
        {
            out.push(KeyedLine {
                key: SLIPS.to_string(),
                seq,
                line: line.clone(),
            });
        }
    }
    out
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
    let story_slips = story_slip_places(&inputs);
    let mut seen: HashSet<String> = HashSet::new();
    let mut all: Vec<(usize, usize, Finding)> = Vec::new();
    for (i, partials) in inputs.into_iter().enumerate() {
        for (j, p) in partials.into_iter().enumerate() {
            if p.kind == "name" && superseded(&p.finding, &story_slips) {
                continue;
            }
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

/// Where a claim of a finding is: (check, subject, document, record,
/// start).
type Place = (String, String, String, Option<String>, usize);

/// The places of the claims of every `name-variant` finding a `slips`
/// partition reports: an article's own surname slips that `name-form`
/// set against the story ([`Finding::story_slip`]).
fn story_slip_places(inputs: &[Vec<Partial>]) -> HashSet<Place> {
    (inputs.iter().flatten())
        .filter(|p| p.kind == "slips")
        .flat_map(|p| {
            let f = &p.finding;
            f.claims.iter().map(move |c| {
                let at = (c.document.clone(), c.record.clone(), c.start);
                (f.check.clone(), f.subject.clone(), at.0, at.1, at.2)
            })
        })
        .collect()
}

/// A `name` partition's plain surname-slip flag whose every claim a
/// `slips` partition's finding of the same check and subject holds: one
/// check gives only the latter (the flag with the story's majority).
fn superseded(f: &Finding, story_slips: &HashSet<Place>) -> bool {
    !f.claims.is_empty()
        && f.claims.iter().all(|c| {
            let place = (f.check.clone(), f.subject.clone());
            story_slips.contains(&(
                place.0,
                place.1,
                c.document.clone(),
                c.record.clone(),
                c.start,
            ))
        })
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

    /// One story in four reports (three write "Anadolu", one "Andolu", all
    /// "Erdogan" and "Sochi"), a report of that story with no word the
    /// check can use, and a report of another story.
    fn story_forms() -> crate::corpus::names::Forms {
        use crate::corpus::names::{Forms, Written};
        let w = |t: &str| Written::mid_sentence(t, 0);
        let mut forms = Forms::default();
        for agency in ["Anadolu", "Anadolu", "Anadolu", "Andolu"] {
            forms.push(Some(&[w(agency), w("Erdogan"), w("Sochi")]));
        }
        forms.push(Some(&[w("Erdogan"), w("Sochi")]));
        forms.push(Some(&[w("Geneva"), w("Reuters")]));
        forms
    }

    #[test]
    fn story_keys_hold_the_documents_a_slip_compares_and_no_others() {
        use crate::checks::name_form::vocabulary;
        let forms = story_forms();
        let lexicon = crate::grammar::lexicon::Lexicon::default();
        let v = vocabulary(&lexicon, &forms, &Families::singletons(6));
        let id = |t: &str| (0..forms.words.len() as u32).find(|&w| forms.words.text(w) == t);
        let (rare, common, story, lone) = (id("Andolu"), id("Anadolu"), id("Sochi"), id("Geneva"));
        assert!(v.live_rare(rare.unwrap()) && v.live[common.unwrap() as usize]);
        assert!(!v.live_rare(common.unwrap()) && v.story[story.unwrap() as usize]);
        // A rare word with no common word one slip away is not sent.
        assert!(!v.kept(lone.unwrap()) && v.spread[lone.unwrap() as usize] == 1);
        // Both story names key the four reports; the report that writes
        // only story names, and the other story, are in no key.
        let keys = story_keys(&forms, &v);
        let expected: BTreeMap<String, Vec<usize>> = [
            ("Erdogan".to_string(), vec![0, 1, 2, 3]),
            ("Sochi".to_string(), vec![0, 1, 2, 3]),
        ]
        .into();
        assert_eq!(keys, expected);
        // Document lines carry the kept words with their run-wide counts.
        let meta = DocMeta {
            path: "a.txt".into(),
            record: None,
            published: None,
            bytes: 0,
            rules: None,
            signature: None,
            family: None,
        };
        let Line::Document(line) = words_line(&meta, &forms, 3, &v) else {
            panic!("a document line");
        };
        let names: Vec<&str> = line.names.iter().flatten().map(|n| n.0.as_str()).collect();
        assert_eq!(names, ["Andolu", "Erdogan", "Sochi"]);
        assert_eq!(line.spread, Some(vec![1, 5, 5]));
        let Line::Document(line) = words_line(&meta, &forms, 5, &v) else {
            panic!("a document line");
        };
        assert_eq!((line.names, line.spread), (Some(vec![]), Some(vec![])));
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
