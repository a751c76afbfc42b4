//! Rules: YAML vocabulary and checks → a validated [`RuleSet`].
//!
//! Shipped rule files live in `rules/` and are embedded in the binary, so
//! `claimcheck check DIR` works with no flags. Loading goes raw serde
//! structs ([`schema`]) → validated model (this module), and gathers every
//! problem of every file before failing ([`RulesError`]); a broken file is
//! never replaced by the defaults.

pub mod schema;
pub mod yaml;

use std::collections::{BTreeMap, HashMap};

use crate::grammar::Lexicon;
use crate::source::LineIndex;
use schema::{RawCheck, RawFile, RawPattern, RawVocabulary};

/// The rule files that ship inside the binary, by display name.
pub const SHIPPED: &[(&str, &str)] = &[
    (
        "<shipped>/rules/titles.yaml",
        include_str!("../../rules/titles.yaml"),
    ),
    (
        "<shipped>/rules/names.yaml",
        include_str!("../../rules/names.yaml"),
    ),
    (
        "<shipped>/rules/dates.yaml",
        include_str!("../../rules/dates.yaml"),
    ),
    (
        "<shipped>/rules/events.yaml",
        include_str!("../../rules/events.yaml"),
    ),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "error" => Some(Severity::Error),
            "warning" => Some(Severity::Warning),
            "info" => Some(Severity::Info),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// How an `agree` check compares two values of the same subject.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compare {
    /// Rank- and office-aware: see `checks::title_compare`.
    Title,
    /// Equal after case and space folding.
    Exact,
    /// Resolved date intervals must overlap (event claims).
    Date,
    /// Events on overlapping dates must name the same place.
    Place,
    /// Figures must be equal within `tolerance` (a fraction).
    Number,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckKind {
    /// One value per subject for a relation.
    Agree { compare: Compare },
    /// A date expression that contradicts itself (weekday vs date).
    DateConsistency,
    /// One person at a time in a single-holder office.
    SingleHolder,
    /// A claim against the vocabulary's reference holders.
    Reference,
    /// One person's name spelled two ways.
    NameVariant,
}

/// An example run by `claimcheck rules test`.
#[derive(Debug, Clone)]
pub struct RuleTest {
    pub name: String,
    pub docs: BTreeMap<String, String>,
    /// (check id, subject) pairs expected, in any order.
    pub expect: Vec<(String, String)>,
    /// Where each expected check id was written.
    pub expect_pos: Vec<Pos>,
}

#[derive(Debug, Clone)]
pub struct Check {
    pub id: String,
    pub kind: CheckKind,
    /// The claim kind the check reads: `title`.
    pub relation: String,
    pub severity: Severity,
    pub message: String,
    pub description: String,
    /// The rule file it came from.
    pub file: String,
    pub tests: Vec<RuleTest>,
    /// agree: compare only claims published at most this many days apart.
    pub within_days: Option<u32>,
    /// agree with `compare: number`: relative difference still agreeing.
    pub tolerance: f64,
}

/// An office from the vocabulary.
#[derive(Debug, Clone)]
pub struct Office {
    pub id: String,
    pub names: Vec<String>,
    pub descriptions: Vec<String>,
    pub org: Option<String>,
    pub single_holder: bool,
    /// Reference facts: who held the office when.
    pub holders: Vec<Holder>,
    pub file: String,
}

/// A reference holder of an office, with an inclusive term.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holder {
    pub person: String,
    pub from: Option<jiff::civil::Date>,
    pub to: Option<jiff::civil::Date>,
}

impl Holder {
    /// Was the holder in office on `day`?
    pub fn holds_on(&self, day: jiff::civil::Date) -> bool {
        self.from.is_none_or(|f| f <= day) && self.to.is_none_or(|t| day <= t)
    }
}

/// `2021-09-01`, `2021-09` (first or last day of the month) or `2021`.
fn parse_term_date(text: &str, end: bool) -> Option<jiff::civil::Date> {
    let parts: Vec<&str> = text.trim().split('-').collect();
    let year: i16 = parts.first()?.parse().ok()?;
    let month: i8 = match parts.get(1) {
        Some(m) => m.parse().ok()?,
        None => {
            if end {
                12
            } else {
                1
            }
        }
    };
    let first = jiff::civil::Date::new(year, month, 1).ok()?;
    match parts.get(2) {
        Some(d) => jiff::civil::Date::new(year, month, d.parse().ok()?).ok(),
        None if end => Some(first.last_of_month()),
        None => Some(first),
    }
}

/// Qualifier ids that put a title outside the text's present.
#[derive(Debug, Clone, Default)]
pub struct QualifierTimes {
    pub past: Vec<String>,
    pub future: Vec<String>,
}

#[derive(Debug, Clone, Default)]
pub struct RuleSet {
    pub lexicon: Lexicon,
    pub offices: Vec<Office>,
    pub checks: Vec<Check>,
    pub qualifier_times: QualifierTimes,
    /// Extraction patterns from the rule files.
    pub patterns: Vec<crate::patterns::Pattern>,
    /// Office wordings by normalised key (built from `offices`).
    pub office_index: crate::normalize::OfficeIndex,
    /// Display names of the files loaded, in load order.
    pub files: Vec<String>,
    /// Hash of the claimcheck version and every rule file's name and text:
    /// claims extracted under one fingerprint are valid under it only.
    pub fingerprint: String,
}

/// One problem in one rule file, with its position.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct RuleProblem {
    pub file: String,
    pub line: usize,
    pub column: usize,
    /// Byte offset of the problem in the file's text.
    pub offset: usize,
    pub message: String,
    pub help: Option<String>,
}

/// Every problem found while loading rules (never only the first).
#[derive(Debug, Clone)]
pub struct RulesError {
    pub problems: Vec<RuleProblem>,
    /// File texts by display name, for rendering the problems.
    pub sources: BTreeMap<String, String>,
}

const PLACEHOLDERS: &[&str] = &[
    "subject", "relation", "check", "reason", "a", "b", "a.doc", "b.doc", "a.line", "b.line",
];

impl RuleSet {
    /// The embedded rules alone.
    pub fn shipped() -> Result<RuleSet, RulesError> {
        let files: Vec<(String, String)> = SHIPPED
            .iter()
            .map(|(n, t)| (n.to_string(), t.to_string()))
            .collect();
        RuleSet::load(&files)
    }

    /// Loads rule files given as (display name, text), in order.
    pub fn load(files: &[(String, String)]) -> Result<RuleSet, RulesError> {
        let mut loader = Loader::default();
        for (name, text) in files {
            loader.file(name, text);
        }
        let mut set = loader.finish()?;
        set.fingerprint = fingerprint(files);
        Ok(set)
    }

    pub fn check(&self, id: &str) -> Option<&Check> {
        self.checks.iter().find(|c| c.id == id)
    }
}

/// See [`RuleSet::fingerprint`].
fn fingerprint(files: &[(String, String)]) -> String {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    h.update(env!("CARGO_PKG_VERSION").as_bytes());
    h.update(env!("CLAIMCHECK_SOURCE_HASH").as_bytes());
    for (name, text) in files {
        h.update([0]);
        h.update(name.as_bytes());
        h.update([0]);
        h.update(text.as_bytes());
    }
    h.finalize()[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[derive(Default)]
struct Loader {
    set: RuleSet,
    problems: Vec<RuleProblem>,
    sources: BTreeMap<String, String>,
    check_ids: HashMap<String, String>,
    /// Where each office wording was written: (file, wording) → position.
    wording_pos: HashMap<(String, String), Pos>,
}

/// A 1-based line and column in a rule file.
pub type Pos = (usize, usize);

impl Loader {
    fn problem(&mut self, file: &str, offset: usize, message: String, help: Option<String>) {
        let text = self.sources.get(file).map(String::as_str).unwrap_or("");
        let (line, column) = LineIndex::new(text).line_col(text, offset);
        self.problems.push(RuleProblem {
            file: file.to_string(),
            line,
            column,
            offset,
            message,
            help,
        });
    }

    /// Reports a problem at a value's position.
    fn problem_pos(&mut self, file: &str, pos: Pos, message: String, help: Option<String>) {
        let text = self.sources.get(file).map(String::as_str).unwrap_or("");
        let offset = offset_of(text, pos.0, pos.1);
        self.problem(file, offset, message, help);
    }

    /// Reports a problem at the first place `needle` occurs in the file
    /// (for values without a recorded position).
    fn problem_at(&mut self, file: &str, needle: &str, message: String, help: Option<String>) {
        let offset = self
            .sources
            .get(file)
            .and_then(|t| t.find(needle))
            .unwrap_or(0);
        self.problem(file, offset, message, help);
    }

    fn file(&mut self, name: &str, text: &str) {
        self.sources.insert(name.to_string(), text.to_string());
        self.set.files.push(name.to_string());
        let raw: RawFile = match yaml::from_str(text) {
            Ok(raw) => raw,
            Err(e) => {
                let offset = match (e.line, e.column) {
                    (Some(l), Some(c)) => offset_of(text, l, c),
                    _ => 0,
                };
                let help = did_you_mean(&e.message);
                self.problem(name, offset, e.message, help);
                return;
            }
        };
        if raw.version != 1 {
            self.problem_at(
                name,
                "version",
                format!("unsupported rules version {}", raw.version),
                Some("this claimcheck reads `version: 1`".into()),
            );
        }
        self.vocabulary(name, raw.vocabulary);
        for pattern in raw.patterns {
            self.pattern(name, pattern);
        }
        for check in raw.checks {
            self.check(name, check);
        }
    }

    fn vocabulary(&mut self, file: &str, v: RawVocabulary) {
        let lx = &mut self.set.lexicon;
        for r in v.ranks {
            for w in r.words {
                lx.ranks.insert(w.to_lowercase(), r.id.clone());
            }
        }
        for q in v.qualifiers {
            match q.time.as_ref().map(|t| t.value.as_str()) {
                Some("past") => self.set.qualifier_times.past.push(q.id.clone()),
                Some("future") => self.set.qualifier_times.future.push(q.id.clone()),
                Some("present") | None => {}
                Some(other) => {
                    let msg = format!("unknown qualifier time `{other}`");
                    let help = Some("use past, present or future".to_string());
                    let pos = q.time.as_ref().map(yaml::position).unwrap_or((1, 1));
                    self.problem_pos(file, pos, msg, help);
                }
            }
            let lx = &mut self.set.lexicon;
            for w in q.words {
                lx.qualifiers.insert(w.to_lowercase(), q.id.clone());
            }
        }
        let lx = &mut self.set.lexicon;
        lx.heads
            .extend(v.title_heads.iter().map(|w| w.to_lowercase()));
        lx.modifiers
            .extend(v.title_modifiers.iter().map(|w| w.to_lowercase()));
        lx.org_suffixes
            .extend(v.org_suffixes.iter().map(|w| w.to_lowercase()));
        lx.countries
            .extend(v.countries.iter().map(|c| c.id.clone()));
        for place in &v.places {
            for alias in place.aliases.iter().chain(std::iter::once(&place.id)) {
                lx.places.insert(alias.to_lowercase(), place.id.clone());
            }
        }
        for person in &v.people {
            for alias in &person.aliases {
                lx.person_aliases
                    .insert(alias.to_lowercase(), person.name.clone());
            }
        }
        for org in v.countries.into_iter().chain(v.orgs) {
            for alias in org.aliases.iter().chain(std::iter::once(&org.id)) {
                let key = alias.to_lowercase();
                lx.org_max_words = lx.org_max_words.max(key.split(' ').count());
                lx.orgs.insert(key, org.id.clone());
            }
        }
        for (from, to) in v.spellings {
            lx.spellings.insert(from.to_lowercase(), to.to_lowercase());
        }
        lx.given_names
            .extend(v.given_names.iter().map(|w| w.to_lowercase()));
        lx.surname_first
            .extend(v.surname_first.iter().map(|w| w.to_lowercase()));
        lx.not_names
            .extend(v.not_names.iter().map(|w| w.to_lowercase()));
        for n in v.nicknames {
            let canonical = n.name.to_lowercase();
            lx.given_names.insert(canonical.clone());
            for nick in n.nicknames {
                let nick = nick.to_lowercase();
                lx.given_names.insert(nick.clone());
                // A nickname of two given names ("Pat": Patrick, Patricia)
                // stands for neither: it is not folded.
                let other = lx.nicknames.get(&nick).is_some_and(|c| *c != canonical);
                if other || lx.shared_nicknames.contains(&nick) {
                    lx.nicknames.remove(&nick);
                    lx.shared_nicknames.insert(nick);
                } else {
                    lx.nicknames.insert(nick, canonical.clone());
                }
            }
        }
        for o in v.offices {
            let mut holders = Vec::new();
            for h in &o.holders {
                let mut term = [None, None];
                for (k, bound) in [&h.from, &h.to].into_iter().enumerate() {
                    let Some(b) = bound else { continue };
                    match parse_term_date(&b.value, k == 1) {
                        Some(d) => term[k] = Some(d),
                        None => {
                            let msg =
                                format!("office `{}`: `{}` is not a date", o.id.value, b.value);
                            let help = Some("write YYYY-MM-DD, YYYY-MM or YYYY".into());
                            self.problem_pos(file, yaml::position(b), msg, help);
                        }
                    }
                }
                holders.push(Holder {
                    person: h.person.clone(),
                    from: term[0],
                    to: term[1],
                });
            }
            for w in o.names.iter().chain(&o.descriptions) {
                self.wording_pos
                    .insert((file.to_string(), w.value.clone()), yaml::position(w));
            }
            self.set.offices.push(crate::rules::Office {
                id: o.id.value,
                names: o.names.into_iter().map(|n| n.value).collect(),
                descriptions: o.descriptions.into_iter().map(|d| d.value).collect(),
                org: o.org,
                single_holder: o.single_holder,
                holders,
                file: file.to_string(),
            });
        }
    }

    fn pattern(&mut self, file: &str, raw: RawPattern) {
        use crate::patterns::{NonTerminal, Pattern, PatternRelation};
        let id = raw.id.value.clone();
        if self.set.patterns.iter().any(|p| p.id == id) {
            let msg = format!("duplicate pattern id `{id}`");
            self.problem_pos(file, yaml::position(&raw.id), msg, None);
            return;
        }
        let relation = match (raw.relation.value.as_str(), &raw.action) {
            ("title", _) => Some(PatternRelation::Title),
            ("event", Some(action)) => Some(PatternRelation::Event {
                action: action.value.clone(),
            }),
            ("number", Some(quantity)) => Some(PatternRelation::Number {
                quantity: quantity.value.clone(),
            }),
            ("number", None) => {
                let msg = format!(
                    "pattern `{id}`: a number pattern needs `action` (the quantity's name)"
                );
                let help = Some("e.g. `action: death-toll`".into());
                self.problem_pos(file, yaml::position(&raw.relation), msg, help);
                None
            }
            ("event", None) => {
                let msg = format!("pattern `{id}`: an event pattern needs `action`");
                let help = Some("e.g. `action: travel`".into());
                self.problem_pos(file, yaml::position(&raw.relation), msg, help);
                None
            }
            (other, _) => {
                let msg = format!("pattern `{id}`: unknown relation `{other}`");
                let help = Some("pattern relations: title, event, number".into());
                self.problem_pos(file, yaml::position(&raw.relation), msg, help);
                None
            }
        };
        let pos = yaml::position(&raw.pattern);
        let seq = match crate::patterns::syntax::parse(&raw.pattern.value) {
            Ok(seq) => Some(seq),
            Err(e) => {
                // Point inside the pattern: its start in the file plus the
                // error's offset (after the opening quote when quoted).
                let text = self.sources.get(file).map(String::as_str).unwrap_or("");
                let start = offset_of(text, pos.0, pos.1);
                let quote = usize::from(text[start..].starts_with(['"', '\'']));
                let msg = format!("pattern `{id}`: {}", e.message);
                self.problem(file, start + quote + e.offset, msg, None);
                None
            }
        };
        let (Some(relation), Some(seq)) = (relation, seq) else {
            return;
        };
        let name: &'static str = Box::leak(id.clone().into_boxed_str());
        let pattern = Pattern {
            id,
            name,
            relation,
            source: raw.pattern.value,
            follow: crate::patterns::matcher::first_literals(seq.get(1..).unwrap_or_default()),
            seq,
            file: file.to_string(),
            pos,
        };
        let needs: &[Need] = match pattern.relation {
            PatternRelation::Title => &[
                ("<person>", |n| *n == NonTerminal::Person),
                ("<title> or <office:ID>", |n| {
                    matches!(n, NonTerminal::Title | NonTerminal::Office(_))
                }),
            ],
            PatternRelation::Event { .. } => &[
                ("<person>", |n| *n == NonTerminal::Person),
                ("<date>", |n| *n == NonTerminal::Date),
            ],
            PatternRelation::Number { .. } => &[
                ("<number>", |n| *n == NonTerminal::Number),
                ("<place> or <person>", |n| {
                    matches!(n, NonTerminal::Place | NonTerminal::Person)
                }),
            ],
        };
        for (what, test) in needs {
            if !pattern.mentions(test) {
                let msg = format!(
                    "pattern `{}` never captures {what}, which its relation needs",
                    pattern.id
                );
                self.problem_pos(file, pattern.pos, msg, None);
            }
        }
        self.set.patterns.push(pattern);
    }

    fn check(&mut self, file: &str, raw: RawCheck) {
        let id = raw.id.value.clone();
        if let Some(first) = self.check_ids.get(&id) {
            let msg = format!("duplicate check id `{id}` (first defined in {first})");
            self.problem_pos(file, yaml::position(&raw.id), msg, None);
            return;
        }
        self.check_ids.insert(id.clone(), file.to_string());
        let kind = match raw.kind.value.as_str() {
            "agree" => {
                let compare = match raw.compare.as_ref().map(|c| c.value.as_str()) {
                    Some("title") | None => Some(Compare::Title),
                    Some("exact") => Some(Compare::Exact),
                    Some("date") => Some(Compare::Date),
                    Some("place") => Some(Compare::Place),
                    Some("number") => Some(Compare::Number),
                    Some(other) => {
                        let msg = format!("check `{id}`: unknown compare `{other}`");
                        let pos = raw.compare.as_ref().map(yaml::position).unwrap_or((1, 1));
                        self.problem_pos(
                            file,
                            pos,
                            msg,
                            Some("use title, exact, date, place or number".into()),
                        );
                        None
                    }
                };
                compare.map(|compare| CheckKind::Agree { compare })
            }
            "date-consistency" => Some(CheckKind::DateConsistency),
            "single-holder" => Some(CheckKind::SingleHolder),
            "reference" => Some(CheckKind::Reference),
            "name-variant" => Some(CheckKind::NameVariant),
            other => {
                let msg = format!("check `{id}`: unknown kind `{other}`");
                let help = Some("available kinds: agree, date-consistency, single-holder, reference, name-variant".into());
                self.problem_pos(file, yaml::position(&raw.kind), msg, help);
                None
            }
        };
        let relations: &[&str] = match kind {
            Some(CheckKind::DateConsistency) => &["date"],
            Some(CheckKind::SingleHolder | CheckKind::Reference) => &["title"],
            Some(CheckKind::NameVariant) => &["name"],
            Some(CheckKind::Agree {
                compare: Compare::Date | Compare::Place,
            }) => &["event"],
            Some(CheckKind::Agree {
                compare: Compare::Number,
            }) => &["number"],
            _ => &["title", "event"],
        };
        if !relations.contains(&raw.relation.value.as_str()) {
            let msg = format!("check `{id}`: unknown relation `{}`", raw.relation.value);
            let help = Some(format!(
                "available relations for this kind: {}",
                relations.join(", ")
            ));
            self.problem_pos(file, yaml::position(&raw.relation), msg, help);
        }
        let severity = Severity::parse(&raw.severity.value);
        if severity.is_none() {
            let msg = format!("check `{id}`: unknown severity `{}`", raw.severity.value);
            let help = Some("use error, warning or info".into());
            self.problem_pos(file, yaml::position(&raw.severity), msg, help);
        }
        for placeholder in placeholders(&raw.message.value) {
            if !PLACEHOLDERS.contains(&placeholder) {
                let msg =
                    format!("check `{id}`: unknown placeholder `{{{placeholder}}}` in message");
                let help = Some(format!("available: {}", PLACEHOLDERS.join(", ")));
                self.problem_pos(file, yaml::position(&raw.message), msg, help);
            }
        }
        let tests = raw
            .tests
            .into_iter()
            .map(|t| RuleTest {
                name: t.name,
                docs: t.docs,
                expect_pos: t.expect.iter().map(|e| yaml::position(&e.check)).collect(),
                expect: t
                    .expect
                    .into_iter()
                    .map(|e| (e.check.value, e.subject))
                    .collect(),
            })
            .collect();
        if let (Some(kind), Some(severity)) = (kind, severity) {
            self.set.checks.push(Check {
                id,
                kind,
                relation: raw.relation.value,
                severity,
                message: raw.message.value,
                description: raw.description.unwrap_or_default(),
                file: file.to_string(),
                tests,
                within_days: raw.within_days,
                tolerance: raw.tolerance.unwrap_or(0.0),
            });
        }
    }

    fn finish(mut self) -> Result<RuleSet, RulesError> {
        for test_file in self.set.checks.clone() {
            for t in &test_file.tests {
                for ((check, _), pos) in t.expect.iter().zip(&t.expect_pos) {
                    if !self.check_ids.contains_key(check) {
                        let msg = format!("test `{}` expects unknown check `{check}`", t.name);
                        self.problem_pos(&test_file.file, *pos, msg, None);
                    }
                }
            }
        }
        self.check_office_refs();
        match crate::normalize::OfficeIndex::build(&self.set) {
            Ok(index) => self.set.office_index = index,
            Err(errors) => {
                for (file, wording, msg) in errors {
                    match self
                        .wording_pos
                        .get(&(file.clone(), wording.clone()))
                        .copied()
                    {
                        Some(pos) => self.problem_pos(&file, pos, msg, None),
                        None => self.problem_at(&file, &wording, msg, None),
                    }
                }
            }
        }
        if self.problems.is_empty() {
            Ok(self.set)
        } else {
            self.problems.sort();
            Err(RulesError {
                problems: self.problems,
                sources: self.sources,
            })
        }
    }
}

impl Loader {
    /// `<office:ID>` must name an office of the vocabulary.
    fn check_office_refs(&mut self) {
        use crate::patterns::NonTerminal;
        let known: Vec<String> = self.set.offices.iter().map(|o| o.id.clone()).collect();
        let unknown_office =
            |n: &NonTerminal| matches!(n, NonTerminal::Office(id) if !known.contains(id));
        let bad: Vec<(String, String, Pos)> = self
            .set
            .patterns
            .iter()
            .filter(|p| p.mentions(&unknown_office))
            .map(|p| (p.file.clone(), p.id.clone(), p.pos))
            .collect();
        for (file, id, pos) in bad {
            let msg = format!("pattern `{id}` refers to an office the vocabulary does not define");
            let help = Some(format!("known offices: {}", known.join(", ")));
            self.problem_pos(&file, pos, msg, help);
        }
    }
}

/// What a pattern relation needs: a description and a test.
type Need = (&'static str, fn(&crate::patterns::NonTerminal) -> bool);

/// `{name}` placeholders of a message template.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                out.push(&after[..close]);
                rest = &after[close + 1..];
            }
            None => break,
        }
    }
    out
}

/// Byte offset of a 1-based line and column.
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let mut offset = 0;
    for (i, l) in text.split_inclusive('\n').enumerate() {
        if i + 1 == line {
            return (offset + column.saturating_sub(1)).min(text.len());
        }
        offset += l.len();
    }
    text.len()
}

/// For "unknown field `x`, expected one of a, b" (with or without
/// backticks around the names): the closest name, if close enough.
fn did_you_mean(message: &str) -> Option<String> {
    if !message.contains("unknown field") {
        return None;
    }
    let unknown = message.split('`').nth(1)?;
    let expected = message.split("expected").nth(1)?;
    let expected = expected.trim_start().trim_start_matches("one of").trim();
    let best = expected
        .split(',')
        .map(|e| e.trim().trim_matches('`'))
        .filter(|e| !e.is_empty())
        .min_by_key(|e| crate::text::edit_distance(unknown, e))
        .filter(|e| crate::text::edit_distance(unknown, e) <= 3)?;
    Some(format!("did you mean `{best}`?"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_rules_load() {
        let set = RuleSet::shipped().unwrap();
        assert!(set.check("title-mismatch").is_some());
        assert!(set.check("date-consistency").is_some());
        assert!(set.lexicon.is_head("secretary"));
    }

    #[test]
    fn unknown_key_is_reported_with_line_and_suggestion() {
        let text = "version: 1\nchecks:\n  - id: x\n    kind: agree\n    relation: title\n    severty: error\n    message: m\n";
        let err = RuleSet::load(&[("r.yaml".into(), text.into())]).unwrap_err();
        let p = &err.problems[0];
        assert_eq!(p.line, 6);
        assert!(p.message.contains("severty"), "{}", p.message);
        assert_eq!(p.help.as_deref(), Some("did you mean `severity`?"));
    }

    #[test]
    fn all_semantic_problems_are_reported_at_once() {
        let text = "version: 1\nchecks:\n  - id: x\n    kind: agreee\n    relation: title\n    severity: fatal\n    message: \"{subjet}\"\n";
        let err = RuleSet::load(&[("r.yaml".into(), text.into())]).unwrap_err();
        assert_eq!(err.problems.len(), 3, "{:?}", err.problems);
    }

    #[test]
    fn placeholders_are_found() {
        assert_eq!(
            placeholders("{subject} is {a} in {a.doc}"),
            ["subject", "a", "a.doc"]
        );
    }
}
