//! The JSON shape of claims-file lines, and conversion to and from claims.
//!
//! Lines are written with their keys sorted, as `serde_json::Value` writes
//! them (the order `claims --format jsonl` has always had), by
//! [`super::sorted`].

use std::collections::{BTreeSet, HashMap, HashSet};
use std::io::{self, BufRead, Read, Write};

use rayon::prelude::*;
use std::sync::{Arc, Mutex, OnceLock};

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::{problem, DocMeta, Loaded};
use crate::claim::{Claim, ClaimKind, DateClaim, Facts, GivenNameMention, SlotFill, SlotValue};
use crate::claim::{NormTitle, TitleTime};
use crate::corpus::names::{Forms, Written};
use crate::corpus::{InputProblem, ProblemLevel};
use crate::extract::DocClaims;
use crate::ruleset::RuleSet;
use crate::source::{Located, Span};
use crate::temporal::TimeValue;

/// What one claims file held so far: anything, claims, lines that are
/// not claims, document lines.
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct Tally {
    pub any: bool,
    pub good: usize,
    pub bad: usize,
    pub document_lines: usize,
}

/// One line of a claims file.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Line {
    Title(ClaimLine),
    Event(ClaimLine),
    Number(ClaimLine),
    /// A claim of a relation declared in YAML (its slots in `facts`).
    Relation(ClaimLine),
    Date(DateLine),
    /// A bare given name standing for a surname-first full name ("met
    /// with Yi" for Wang Yi).
    Name(NameLine),
    Document(DocumentLine),
}

/// Declares a line struct that starts with where its span is: document,
/// record, offsets, line and column of both ends, the span's text and the
/// document's publication date. Written out field by field: serde's
/// `flatten` would buffer every line before parsing it (half the time of
/// reading a claims file).
macro_rules! positioned_line {
    ($(#[$meta:meta])* pub struct $name:ident { $($(#[$fmeta:meta])* pub $field:ident: $ty:ty,)* }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Serialize, Deserialize)]
        pub struct $name {
            pub document: String,
            pub record: Option<String>,
            pub start: usize,
            pub end: usize,
            pub line: usize,
            pub column: usize,
            pub end_line: usize,
            pub end_column: usize,
            pub text: String,
            /// The document's publication date.
            pub published: Option<Date>,
            $($(#[$fmeta])* pub $field: $ty,)*
        }

        impl $name {
            fn span(&self) -> Span {
                Span::new(self.start, self.end)
            }

            fn located(&self) -> Located {
                Located {
                    line: self.line,
                    column: self.column,
                    end_line: self.end_line,
                    end_column: self.end_column,
                    text: self.text.clone().into(),
                }
            }
        }
    };
}

/// A positioned line's struct literal: the position from a document's
/// metadata and a located span, then the given fields.
macro_rules! positioned {
    ($name:ident, $meta:expr, $span:expr, $at:expr, { $($field:ident: $value:expr,)* }) => {
        $name {
            document: $meta.path.clone(),
            record: $meta.record.clone(),
            start: $span.start,
            end: $span.end,
            line: $at.line,
            column: $at.column,
            end_line: $at.end_line,
            end_column: $at.end_column,
            text: $at.text.clone().into(),
            published: $meta.published,
            $($field: $value,)*
        }
    };
}

positioned_line! {
pub struct ClaimLine {
    /// The person as named across the documents of the run.
    pub subject: String,
    /// The person as resolved within the document.
    pub document_subject: String,
    pub subject_key: String,
    pub subject_resolved: bool,
    pub value: String,
    pub value_start: usize,
    pub value_end: usize,
    pub normalized: Normalized,
    /// An event's date as inclusive days (for reading; `event.date` is exact).
    pub time: Option<Days>,
    pub pattern: String,
    pub qualifiers: Vec<String>,
    pub event: Option<Event>,
    /// A declared relation's claim: its relation and slots.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub facts: Option<Facts>,
}
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Normalized {
    pub office: Option<String>,
    pub rank: Option<String>,
    pub org: Option<String>,
    pub head: String,
    pub qualifiers: Vec<String>,
    pub portfolio: BTreeSet<String>,
    pub domain: BTreeSet<String>,
    pub time: TitleTime,
    pub descriptive: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Event {
    pub action: String,
    pub place: Option<String>,
    pub amount: Option<f64>,
    pub date: Option<TimeValue>,
}

/// Inclusive day interval, as DESIGN.md shows dates.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Days {
    pub start: String,
    pub end: String,
    pub grain: String,
}

positioned_line! {
pub struct DateLine {
    /// Always null (kept for readers of the original contract).
    pub subject: Option<String>,
    pub value: Option<Days>,
    pub normalized: Option<()>,
    pub time: Option<()>,
    pub pattern: String,
    pub weekday_mismatch: Option<String>,
    /// The exact resolved value (`value` rounds it to days).
    pub resolved: Option<TimeValue>,
}
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DocumentLine {
    pub document: String,
    pub record: Option<String>,
    pub published: Option<Date>,
    pub bytes: usize,
    pub rules: Option<String>,
    /// The copy-family signature (absent in files of older versions).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature: Option<String>,
    /// The first document of its copy family over the whole run, written
    /// by `claimcheck partition` in place of the signature.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub family: Option<String>,
    /// Its capitalised words, when the claims were extracted with a
    /// `name-form` check (what that check compares; the text is not in
    /// the file).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub names: Option<Vec<NameWire>>,
    /// Beside `names`, in `claimcheck partition`'s `forms` and `slips`
    /// lines: the copy families writing each word over the whole run
    /// (`name-form`'s counts, which a partition cannot make).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spread: Option<Vec<u32>>,
}

/// One capitalised word of a document line, as a JSON array:
/// `[text, offset, line, column, flags]` — its first mid-sentence place
/// (else its first) as a byte offset and a 1-based line and column;
/// flags: 1 written mid-sentence, 2 also written in lower case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NameWire(pub String, pub u32, pub u32, pub u32, pub u8);

impl NameWire {
    pub fn of(w: &Written) -> NameWire {
        let flags = u8::from(w.mid) | (u8::from(w.lower) << 1);
        NameWire(w.text.to_string(), w.start, w.line, w.column, flags)
    }

    pub fn written(&self) -> Written {
        Written {
            text: self.0.as_str().into(),
            start: self.1,
            line: self.2,
            column: self.3,
            mid: self.4 & 1 != 0,
            lower: self.4 & 2 != 0,
            spread: 0,
        }
    }
}

/// The words of document `doc` of `forms`, as a document line has them.
pub fn names_wire(forms: &Forms, doc: usize) -> Option<Vec<NameWire>> {
    let list = forms.of_doc.get(doc)?.as_deref()?;
    Some(
        list.iter()
            .map(|f| {
                let flags = u8::from(f.mid) | (u8::from(f.lower) << 1);
                NameWire(
                    forms.words.text(f.word).to_string(),
                    f.start,
                    f.line,
                    f.column,
                    flags,
                )
            })
            .collect(),
    )
}

positioned_line! {
/// A bare given name and the full name it stands for, shaped like a
/// claim line: `subject` the full name, `value` the name as written.
pub struct NameLine {
    pub subject: String,
    pub value: String,
    pub normalized: Option<()>,
    pub time: Option<()>,
    pub pattern: String,
}
}

impl Line {
    /// One line, keys sorted (as a `serde_json::Value` writes them; see
    /// [`super::sorted`]).
    pub fn write(&self, out: &mut dyn Write) -> io::Result<()> {
        super::sorted::to_writer(out, self)?;
        writeln!(out)
    }

    /// One line, keys in declaration order (faster; for the cache).
    pub fn write_unsorted(&self, out: &mut dyn Write) -> io::Result<()> {
        serde_json::to_writer(&mut *out, self)?;
        writeln!(out)
    }
}

/// Parses a line. Serde's tagged enums buffer the whole object to find
/// `kind`; when `kind` can be read straight off the text, the line is
/// parsed into its struct directly (about twice as fast).
fn parse_line(bytes: &[u8]) -> Result<Line, serde_json::Error> {
    let direct = match kind_of(bytes) {
        Some(b"title") => serde_json::from_slice(bytes).map(Line::Title).ok(),
        Some(b"event") => serde_json::from_slice(bytes).map(Line::Event).ok(),
        Some(b"number") => serde_json::from_slice(bytes).map(Line::Number).ok(),
        Some(b"relation") => serde_json::from_slice(bytes).map(Line::Relation).ok(),
        Some(b"date") => serde_json::from_slice(bytes).map(Line::Date).ok(),
        Some(b"name") => serde_json::from_slice(bytes).map(Line::Name).ok(),
        Some(b"document") => serde_json::from_slice(bytes).map(Line::Document).ok(),
        _ => None,
    };
    match direct {
        Some(line) => Ok(line),
        // The slow path also gives the better error message.
        None => serde_json::from_slice(bytes),
    }
}

/// The value of the object's `"kind"` key, found by scanning: inside JSON
/// strings a quote is escaped, so `"kind"` followed by `:` is the key.
fn kind_of(bytes: &[u8]) -> Option<&[u8]> {
    let key = b"\"kind\"";
    let at = bytes.windows(key.len()).position(|w| w == key)?;
    let rest = &bytes[at + key.len()..];
    let rest = rest
        .trim_ascii_start()
        .strip_prefix(b":")?
        .trim_ascii_start();
    let rest = rest.strip_prefix(b"\"")?;
    let end = rest.iter().position(|&b| b == b'"')?;
    Some(&rest[..end])
}

fn days(v: &TimeValue) -> Option<Days> {
    let (start, end) = v.inclusive_days()?;
    Some(Days {
        start: start.to_string(),
        end: end.to_string(),
        grain: v.grain.as_str().to_string(),
    })
}

pub fn claim_line(meta: &DocMeta, c: &Claim) -> Line {
    let t = &c.title;
    let line = positioned!(ClaimLine, meta, c.span, c.at, {
        subject: c.subject.clone().into(),
        document_subject: c.document_subject.clone().into(),
        subject_key: c.subject_key.clone().into(),
        subject_resolved: c.subject_resolved,
        value: c.value.clone().into(),
        value_start: c.value_span.start,
        value_end: c.value_span.end,
        normalized: Normalized {
            office: t.office.clone(),
            rank: t.rank.clone(),
            org: t.org.clone(),
            head: t.head.clone(),
            qualifiers: t.qualifiers.clone(),
            portfolio: t.portfolio.clone(),
            domain: t.domain.clone(),
            time: t.time,
            descriptive: t.descriptive,
        },
        time: c.facts.as_deref().and_then(first_date).and_then(days),
        pattern: c.pattern.to_string(),
        qualifiers: t.qualifiers.clone(),
        event: c.facts.as_deref().and_then(legacy_event),
        facts: c.facts.as_deref().cloned(),
    });
    match (c.kind, c.facts.as_deref().map(|f| f.relation.as_str())) {
        (ClaimKind::Title, _) => Line::Title(line),
        (_, Some("event")) => Line::Event(line),
        (_, Some("number")) => Line::Number(line),
        _ => Line::Relation(line),
    }
}

/// The first resolved date among a claim's slots.
fn first_date(f: &Facts) -> Option<&TimeValue> {
    f.slots.iter().find_map(|s| match &s.value {
        SlotValue::Date { value } => value.as_ref(),
        _ => None,
    })
}

/// `event` and `number` claims keep their line kinds and the `event`
/// object they had before these relations were declared in YAML
/// (`rules/relations.yaml`); their slots are in `facts`, as any
/// relation's.
fn legacy_event(f: &Facts) -> Option<Event> {
    let number = match f.relation.as_str() {
        "event" => false,
        "number" => true,
        _ => return None,
    };
    let place_slot = if number { "subject" } else { "place" };
    let place = f.get(place_slot).find_map(|s| match &s.value {
        SlotValue::Place { name } => Some(name.clone()),
        _ => None,
    });
    let amount = f.get("number").find_map(|s| match s.value {
        SlotValue::Quantity {
            low,
            high: Some(high),
            low_open: false,
            high_open: false,
        } if low == high => Some(low),
        _ => None,
    });
    Some(Event {
        action: f
            .get("action")
            .next()
            .map(|s| s.text.clone())
            .unwrap_or_default(),
        place,
        amount,
        date: first_date(f).copied(),
    })
}

/// The slots of an `event` or `number` line written without `facts` (by
/// a claimcheck before the relations were declared in YAML).
fn facts_from_legacy(relation: &str, l: &ClaimLine) -> Option<Facts> {
    let e = l.event.as_ref()?;
    let fill = |slot: &str, text: &str, value: SlotValue| SlotFill {
        slot: slot.to_string(),
        text: text.to_string(),
        value,
    };
    let place = |p: &str| SlotValue::Place {
        name: p.to_string(),
    };
    let mut slots = Vec::new();
    let subject = &l.document_subject;
    match (relation, &e.place) {
        ("number", Some(p)) => slots.push(fill("subject", p, place(p))),
        _ => slots.push(fill(
            "subject",
            subject,
            SlotValue::Person {
                key: l.subject_key.clone(),
                name: subject.clone(),
            },
        )),
    }
    let action = SlotValue::Text {
        folded: e.action.to_lowercase(),
    };
    slots.push(fill("action", &e.action, action));
    if relation == "event" {
        if let Some(p) = &e.place {
            slots.push(fill("place", p, place(p)));
        }
        slots.push(fill("date", &l.value, SlotValue::Date { value: e.date }));
    }
    if let Some(amount) = e.amount {
        let point = SlotValue::Quantity {
            low: amount,
            high: Some(amount),
            low_open: false,
            high_open: false,
        };
        slots.push(fill("number", &l.value, point));
    }
    Some(Facts {
        relation: relation.to_string(),
        slots,
    })
}

pub fn date_line(meta: &DocMeta, d: &DateClaim) -> Line {
    Line::Date(positioned!(DateLine, meta, d.span, d.at, {
        subject: None,
        value: d.value.as_ref().and_then(days),
        normalized: None,
        time: None,
        pattern: "date".to_string(),
        weekday_mismatch: d.weekday_mismatch.clone(),
        resolved: d.value,
    }))
}

/// A document's line, with its capitalised words when they were read.
pub fn document_line(meta: &DocMeta, names: Option<Vec<NameWire>>) -> Line {
    Line::Document(DocumentLine {
        document: meta.path.clone(),
        record: meta.record.clone(),
        published: meta.published,
        bytes: meta.bytes,
        rules: meta.rules.clone(),
        signature: meta.signature.clone(),
        family: meta.family.clone(),
        names,
        spread: None,
    })
}

pub fn name_line(meta: &DocMeta, g: &GivenNameMention) -> Line {
    Line::Name(positioned!(NameLine, meta, g.span, g.at, {
        subject: g.full.clone(),
        value: g.at.text.clone().into(),
        normalized: None,
        time: None,
        pattern: g.kind.as_str().to_string(),
    }))
}

fn claim_of(kind: ClaimKind, l: ClaimLine, rules: &RuleSet) -> Claim {
    let (span, at) = (l.span(), l.located());
    let n = l.normalized;
    Claim {
        doc: 0,
        span,
        kind,
        subject: l.document_subject.clone().into(),
        document_subject: l.document_subject.into(),
        subject_key: l.subject_key.into(),
        subject_resolved: l.subject_resolved,
        value: l.value.into(),
        value_span: Span::new(l.value_start, l.value_end),
        title: NormTitle {
            rank: n.rank,
            head: n.head,
            portfolio: n.portfolio,
            domain: n.domain,
            org: n.org,
            time: n.time,
            qualifiers: n.qualifiers,
            office: n.office,
            descriptive: n.descriptive,
        }
        .into(),
        pattern: intern_pattern(&l.pattern, rules),
        facts: l.facts.map(Arc::new),
        at,
    }
}

/// A pattern name as the `&'static str` claims carry: the grammar's and
/// the loaded rules' names are static already; any other name (claims
/// extracted with rules not loaded now) is leaked once.
fn intern_pattern(name: &str, rules: &RuleSet) -> &'static str {
    let known = crate::grammar::claim::Pattern::ALL
        .iter()
        .map(|p| p.as_str())
        .chain(rules.patterns.iter().map(|p| p.name))
        .find(|n| *n == name);
    if let Some(n) = known {
        return n;
    }
    static OTHERS: OnceLock<Mutex<HashSet<&'static str>>> = OnceLock::new();
    let mut others = OTHERS
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    if let Some(n) = others.get(name) {
        return n;
    }
    let leaked: &'static str = Box::leak(name.to_string().into_boxed_str());
    others.insert(leaked);
    leaked
}

/// Reads lines into documents; see [`super::read`].
pub struct Reader<'r> {
    rules: &'r RuleSet,
    loaded: Loaded,
    /// (path, record) → index in `loaded.documents`, with the file that
    /// first gave it (a document's claims come from one file only).
    index: HashMap<(String, Option<String>), (usize, String)>,
    /// Documents already given by an earlier file, reported once each.
    duplicates: HashSet<(String, Option<String>)>,
    other_rules: Vec<(String, String)>,
}

impl<'r> Reader<'r> {
    pub fn new(rules: &'r RuleSet) -> Self {
        Reader {
            rules,
            loaded: Loaded::default(),
            index: HashMap::new(),
            duplicates: HashSet::new(),
            other_rules: Vec::new(),
        }
    }

    pub fn problem(&mut self, path: &str, line: Option<usize>, message: String) {
        self.loaded.problems.push(problem(path, line, message));
    }

    fn warning(&mut self, path: &str, line: Option<usize>, message: String) {
        self.loaded.problems.push(InputProblem {
            level: ProblemLevel::Warning,
            ..problem(path, line, message)
        });
    }

    /// Reads one file's lines: parsed in parallel a batch at a time, then
    /// added in order.
    pub fn read_stream(&mut self, path: &str, mut input: impl BufRead) {
        const BATCH: usize = 8192;
        let mut tally = Tally::default();
        let mut line_no = 0;
        let mut ended = false;
        while !ended {
            let mut batch: Vec<(usize, Vec<u8>)> = Vec::with_capacity(BATCH);
            while batch.len() < BATCH {
                let mut buf = Vec::new();
                // Bounded like the corpus reader: one line never fills memory.
                match (&mut input).take(256 << 20).read_until(b'\n', &mut buf) {
                    Ok(0) => {
                        ended = true;
                        break;
                    }
                    Ok(_) => {}
                    Err(e) => {
                        let msg =
                            format!("cannot read after line {line_no} ({e}): the rest is lost");
                        self.problem(path, Some(line_no + 1), msg);
                        ended = true;
                        break;
                    }
                }
                line_no += 1;
                if !buf.iter().all(u8::is_ascii_whitespace) {
                    batch.push((line_no, buf));
                }
            }
            tally.any |= !batch.is_empty();
            let parsed: Vec<(usize, Result<Line, serde_json::Error>)> = batch
                .par_iter()
                .map(|(n, bytes)| (*n, parse_line(bytes)))
                .collect();
            for (n, parsed) in parsed {
                let parsed = parsed.map_err(|e| {
                    format!(
                        "not a claims line ({e}); claims files are written by \
                         `claimcheck claims --documents` of this version"
                    )
                });
                if !self.take(path, &mut tally, n, "lines", parsed) {
                    ended = true;
                    break;
                }
            }
        }
        self.end_file(path, &tally);
    }

    /// Adds one line (row) of a claims file, or reports why it is none;
    /// `false` once too many are not claims: the rest of the file is
    /// skipped (a binary file, or a document given by mistake, is named a
    /// few times, not once per line).
    pub(super) fn take(
        &mut self,
        path: &str,
        tally: &mut Tally,
        at: usize,
        unit: &str,
        line: Result<Line, String>,
    ) -> bool {
        const MAX_BAD: usize = 10;
        tally.any = true;
        match line {
            Ok(line) => {
                tally.good += 1;
                tally.document_lines += usize::from(matches!(line, Line::Document(_)));
                self.add(path, line);
                true
            }
            Err(_) if tally.bad >= MAX_BAD => {
                let msg = format!(
                    "more than {MAX_BAD} {unit} are not claims: the rest of the file is skipped"
                );
                self.problem(path, Some(at), msg);
                false
            }
            Err(e) => {
                tally.bad += 1;
                self.problem(path, Some(at), e);
                true
            }
        }
    }

    /// What a file's line counts say about it: empty, not claims at all, or
    /// claims without document lines.
    pub(super) fn end_file(&mut self, path: &str, tally: &Tally) {
        let Tally {
            any,
            good,
            document_lines,
            ..
        } = *tally;
        if !any {
            self.warning(path, None, "no claims in this file".to_string());
        } else if good == 0 {
            let msg = "no claims lines at all: is this a document? `--claims` reads \
                       what `claimcheck claims --documents` writes"
                .to_string();
            self.problem(path, None, msg);
        } else if document_lines == 0 {
            self.loaded.without_document_lines.push(path.to_string());
        }
    }

    /// The index of a line's document, or `None` when an earlier file
    /// already gave that document.
    fn document(
        &mut self,
        path: &str,
        document: &str,
        record: &Option<String>,
        published: Option<Date>,
    ) -> Option<usize> {
        let key = (document.to_string(), record.clone());
        match self.index.get(&key) {
            Some((i, file)) if file == path => Some(*i),
            Some(_) => {
                if self.duplicates.insert(key) {
                    let name = match record {
                        Some(r) => format!("{document}#{r}"),
                        None => document.to_string(),
                    };
                    let msg =
                        format!("{name} is in an earlier claims file too; this copy is ignored");
                    self.warning(path, None, msg);
                }
                None
            }
            None => {
                let i = self.loaded.documents.len();
                let meta = DocMeta {
                    path: document.to_string(),
                    record: record.clone(),
                    published,
                    bytes: 0,
                    rules: None,
                    signature: None,
                    family: None,
                };
                self.loaded.documents.push((meta, DocClaims::default()));
                self.index.insert(key, (i, path.to_string()));
                Some(i)
            }
        }
    }

    pub(super) fn add(&mut self, path: &str, line: Line) {
        match line {
            Line::Title(l) => self.add_claim(path, ClaimKind::Title, l),
            Line::Event(mut l) => {
                l.facts = l.facts.take().or_else(|| facts_from_legacy("event", &l));
                self.add_claim(path, ClaimKind::Relation, l)
            }
            Line::Number(mut l) => {
                l.facts = l.facts.take().or_else(|| facts_from_legacy("number", &l));
                self.add_claim(path, ClaimKind::Relation, l)
            }
            Line::Relation(l) => self.add_claim(path, ClaimKind::Relation, l),
            Line::Date(l) => {
                let Some(i) = self.document(path, &l.document, &l.record, l.published) else {
                    return;
                };
                let d = DateClaim {
                    doc: 0,
                    span: l.span(),
                    at: l.located(),
                    value: l.resolved,
                    weekday_mismatch: l.weekday_mismatch,
                };
                self.loaded.documents[i].1.dates.push(d);
            }
            Line::Name(l) => self.add_name(path, l),
            Line::Document(l) => self.add_document(path, l),
        }
    }

    fn add_claim(&mut self, path: &str, kind: ClaimKind, l: ClaimLine) {
        let Some(i) = self.document(path, &l.document, &l.record, l.published) else {
            return;
        };
        let claim = claim_of(kind, l, self.rules);
        self.loaded.documents[i].1.claims.push(claim);
    }

    fn add_document(&mut self, path: &str, l: DocumentLine) {
        let Some(i) = self.document(path, &l.document, &l.record, l.published) else {
            return;
        };
        if let Some(r) = &l.rules {
            if *r != self.rules.fingerprint && !self.other_rules.iter().any(|(p, _)| p == path) {
                self.other_rules.push((path.to_string(), r.clone()));
            }
        }
        let doc = &mut self.loaded.documents[i];
        doc.0.bytes = l.bytes;
        doc.0.rules = l.rules;
        doc.0.published = l.published;
        doc.0.signature = l.signature;
        doc.0.family = l.family;
        if let Some(names) = l.names {
            let mut written: Vec<_> = names.iter().map(NameWire::written).collect();
            for (w, &n) in written.iter_mut().zip(l.spread.iter().flatten()) {
                w.spread = n;
            }
            doc.1.names = Some(written);
        }
    }

    fn add_name(&mut self, path: &str, l: NameLine) {
        let Some(i) = self.document(path, &l.document, &l.record, l.published) else {
            return;
        };
        let mention = GivenNameMention {
            doc: 0,
            span: l.span(),
            at: l.located(),
            kind: crate::claim::MentionKind::parse(&l.pattern),
            full: l.subject,
        };
        self.loaded.documents[i].1.given_names.push(mention);
    }

    pub fn finish(mut self) -> Loaded {
        for (path, theirs) in std::mem::take(&mut self.other_rules) {
            let msg = format!(
                "claims were extracted by another claimcheck build or other rules \
                 (fingerprint {theirs}, this run {}): findings may differ from checking \
                 the documents; re-run `claimcheck claims` to refresh",
                self.rules.fingerprint
            );
            self.warning(&path, None, msg);
        }
        for (_, doc) in &mut self.loaded.documents {
            // Extraction order: by position (claims files may be edited or
            // concatenated by other tools).
            doc.claims.sort_by_key(|c| (c.span.start, c.span.end));
            doc.dates.sort_by_key(|d| (d.span.start, d.span.end));
            doc.given_names.sort_by_key(|g| (g.span.start, g.span.end));
        }
        // As a corpus orders documents: by path, records in reading order.
        self.loaded
            .documents
            .sort_by(|a, b| a.0.path.cmp(&b.0.path));
        self.loaded
    }
}
