//! Rules, the model: what the YAML says, validated, with positions.
//!
//! This is the bottom layer of rule handling. Loading goes raw serde
//! structs ([`schema`], read by [`yaml`]) → the validated [`Rules`] (this
//! module and [`load`]); pattern strings are parsed by [`pattern`]. Every
//! problem of every file is gathered before failing ([`RulesError`]); a
//! broken file is never replaced by the defaults.
//!
//! The model depends on nothing of the pipeline. What the extractor and
//! the checks use is compiled from it one layer up, in
//! [`crate::ruleset`]: the word lookups (`grammar::Lexicon`), the office
//! index (`normalize::OfficeIndex`) and the pattern matchers
//! (`patterns::Pattern`).
//!
//! Shipped rule files live in `rules/` and are embedded in the binary, so
//! `claimcheck check DIR` works with no flags.

mod keys;
mod load;
pub mod pattern;
pub mod schema;
pub mod yaml;

use std::collections::BTreeMap;

use crate::source::LineIndex;
pub use pattern::{Item, NonTerminal, Seq};

/// The relations every run knows (`title`, `event`, `number`), loaded
/// before every other rule file, also with `--no-default-rules`.
pub const PRELUDE: (&str, &str) = (
    "<built-in>/rules/relations.yaml",
    include_str!("../../rules/relations.yaml"),
);

/// Relations that are claim streams of one check kind, not declarations:
/// `date` (date-consistency) and `name` (name-variant).
pub const STREAMS: [&str; 2] = ["date", "name"];

/// The relation the built-in event-mention reader fills
/// (`extract::event`): declared in YAML like any other, so checks and
/// reports treat it alike, but filled without patterns, so every slot it
/// declares counts as filled when a check's message names it.
pub const EVENT_MENTION: &str = "occurrence";

/// The relation the same reader fills with arrivals (a person arriving
/// in a named place on a day): declared and filled like
/// [`EVENT_MENTION`], checked with a window of its own.
pub const ARRIVAL: &str = "arrival";

/// The relation the built-in series reader fills (`extract::series`):
/// which term or which visit of a person, filled without patterns.
pub const SERIES: &str = "series";

/// The relation the same reader fills with trips abroad counted from
/// taking office ("her first trip abroad since re-election").
pub const TRIPS: &str = "trip-series";

/// The relation the built-in previous-visit reader fills (`extract::since`:
/// "the first visit to Oslo in 24 years"): declared like
/// [`EVENT_MENTION`], filled without patterns.
pub const PREVIOUS_VISIT: &str = "previous-visit";

/// Whether a built-in reader (event mentions, arrivals, series, previous
/// visits) fills `relation` (every slot it declares then counts as filled).
pub fn filled_by_reader(relation: &str) -> bool {
    relation == EVENT_MENTION
        || relation == ARRIVAL
        || relation == SERIES
        || relation == TRIPS
        || relation == PREVIOUS_VISIT
}

/// The rule files that ship inside the binary, by display name.
pub const SHIPPED: &[(&str, &str)] = &[
    (
        "<shipped>/rules/titles.yaml",
        include_str!("../../rules/titles.yaml"),
    ),
    (
        "<shipped>/rules/leaders.yaml",
        include_str!("../../rules/leaders.yaml"),
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
    (
        "<shipped>/rules/incidents.yaml",
        include_str!("../../rules/incidents.yaml"),
    ),
];

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
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
    /// The claims' values as written, equal after case and space folding.
    Exact,
    /// The slot named in [`Check::slot`], compared by its type (see
    /// `checks::relation`).
    Slot,
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
    /// A government office held by A, then B, then A again, with no word
    /// of a change (`checks::holder_return`).
    HolderReturn,
    /// One person given two offices of one government on one day
    /// (`checks::two_offices`).
    TwoOffices,
    /// One name (a slot of any relation: a venue, a place) spelled two
    /// ways: the `compare:` slot's values that differ by a misspelling.
    Spelling,
    /// A proper name written one way by one source and another way by
    /// several others about the same story, in any word of the texts
    /// (`checks::name_form`).
    NameForm,
}

impl CheckKind {
    /// Every `kind:` a rule file may name, as written there.
    pub const NAMES: [&'static str; 9] = [
        "agree",
        "date-consistency",
        "single-holder",
        "reference",
        "name-variant",
        "holder-return",
        "two-offices",
        "spelling",
        "name-form",
    ];

    /// The kind as a rule file names it (`agree`, `single-holder`, …).
    pub fn name(self) -> &'static str {
        match self {
            CheckKind::Agree { .. } => "agree",
            CheckKind::DateConsistency => "date-consistency",
            CheckKind::SingleHolder => "single-holder",
            CheckKind::Reference => "reference",
            CheckKind::NameVariant => "name-variant",
            CheckKind::HolderReturn => "holder-return",
            CheckKind::TwoOffices => "two-offices",
            CheckKind::Spelling => "spelling",
            CheckKind::NameForm => "name-form",
        }
    }
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
    /// agree over a slot: compare claims only inside one article.
    pub within_article: bool,
    /// agree over a slot: also compare bare surnames the article never
    /// spells out, by the surname alone.
    pub bare_surnames: bool,
    /// agree over a slot: a bare surname the article never spells out is
    /// compared as the relation's one full name of that surname.
    pub join_surnames: bool,
    /// agree over a date keyed by a place: a claim of the subject in
    /// another place dated between two dates makes them a round trip,
    /// not a conflict.
    pub round_trips: bool,
    /// agree over figures and lengths of time: the gap between two values,
    /// as a fraction of the larger, still taken as the same value.
    pub tolerance: f64,
    /// agree with `compare: SLOT`: the slot compared.
    pub slot: Option<String>,
    /// agree over a slot: claims with different values of this slot are
    /// different measurements, never compared; see `checks::relation`.
    pub scope: Option<String>,
}

/// An office from the vocabulary.
#[derive(Debug, Clone)]
pub struct Office {
    pub id: String,
    pub names: Vec<String>,
    pub descriptions: Vec<String>,
    pub org: Option<String>,
    pub single_holder: bool,
    /// The wording is other countries' too ("national security adviser"):
    /// a holder counts only when one of their claims names `org`.
    pub needs_country: bool,
    /// Reference facts: who held the office when.
    pub holders: Vec<Holder>,
    pub file: String,
    /// Where each of `names` and `descriptions` was written, in that order.
    pub wording_pos: Vec<Pos>,
}

impl Office {
    /// Where `wording` (one of its names or descriptions) was written.
    pub fn position_of(&self, wording: &str) -> Option<Pos> {
        let all = self.names.iter().chain(&self.descriptions);
        all.zip(&self.wording_pos)
            .filter(|(w, _)| *w == wording)
            .map(|(_, p)| *p)
            .last()
    }
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

/// Qualifier ids that put a title outside the text's present.
#[derive(Debug, Clone, Default)]
pub struct QualifierTimes {
    pub past: Vec<String>,
    pub future: Vec<String>,
}

/// The validated rule files: vocabulary, offices, patterns and checks, in
/// load order.
#[derive(Debug, Clone, Default)]
pub struct Rules {
    /// Each file's vocabulary, in load order (a later alias wins).
    pub vocabularies: Vec<Vocabulary>,
    pub offices: Vec<Office>,
    pub checks: Vec<Check>,
    pub qualifier_times: QualifierTimes,
    /// Relations declared in YAML, in load order.
    pub relations: Vec<Relation>,
    /// Extraction patterns, parsed.
    pub patterns: Vec<PatternRule>,
    /// Display names of the files loaded, in load order.
    pub files: Vec<String>,
    /// Hash of the claimcheck version and every rule file's name and text:
    /// claims extracted under one fingerprint are valid under it only.
    pub fingerprint: String,
}

/// A word class of the vocabulary: an id and the words that say it
/// (ranks, qualifiers), or a canonical name and its aliases (countries,
/// places, organisations, people, nicknames).
#[derive(Debug, Clone, Default)]
pub struct Named {
    pub id: String,
    pub words: Vec<String>,
}

/// One file's vocabulary (offices apart, in [`Rules::offices`]).
#[derive(Debug, Clone, Default)]
pub struct Vocabulary {
    pub ranks: Vec<Named>,
    pub qualifiers: Vec<Named>,
    pub title_heads: Vec<String>,
    pub title_modifiers: Vec<String>,
    pub org_suffixes: Vec<String>,
    /// Countries by canonical name, with aliases.
    pub countries: Vec<Named>,
    pub places: Vec<Named>,
    /// Cities with the country they lie in (`vocabulary.cities`).
    pub cities: Vec<City>,
    /// People by canonical full name, with aliases.
    pub people: Vec<Named>,
    pub orgs: Vec<Named>,
    pub spellings: BTreeMap<String, String>,
    pub given_names: Vec<String>,
    pub surname_first: Vec<String>,
    pub not_names: Vec<String>,
    /// Given names with their nicknames.
    pub nicknames: Vec<Named>,
    /// National leadership offices (`vocabulary.leaders.offices`).
    pub leader_offices: Vec<LeaderOffice>,
    /// Countries with their leadership offices (`vocabulary.leaders.countries`).
    pub leader_countries: Vec<LeaderCountry>,
}

/// A city of the gazetteer: its names, the country it lies in and
/// whether it is that country's capital.
#[derive(Debug, Clone, Default)]
pub struct City {
    pub id: String,
    pub words: Vec<String>,
    pub country: String,
    pub capital: bool,
}

/// A national leadership office ("president", "prime minister"): the
/// wordings that name it and whether one person at a time holds it in a
/// country.
#[derive(Debug, Clone, Default)]
pub struct LeaderOffice {
    pub id: String,
    pub words: Vec<String>,
    pub single_holder: bool,
    /// Tiers of offices when this is a role ("head of state"): in a
    /// country, the offices of the first tier it has. Empty for an office.
    pub role: Vec<Vec<String>>,
    /// The rule file that declares it.
    pub file: String,
}

/// The leadership offices one country has, and the pairs one person may
/// hold at once (a king who is also prime minister).
#[derive(Debug, Clone, Default)]
pub struct LeaderCountry {
    pub country: String,
    pub offices: Vec<String>,
    pub together: Vec<(String, String)>,
    /// Role id → the country's offices that fill it, where the role's
    /// tiers would give others.
    pub roles: Vec<(String, Vec<String>)>,
}

/// What a pattern's match becomes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PatternRelation {
    /// The `title` relation: read with the title grammar.
    Title,
    /// Any other relation declared under `relations:` (index into
    /// [`Rules::relations`]).
    Declared(usize),
}

/// The value type of a relation's slot; each has its own comparison (see
/// `checks::relation`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SlotType {
    /// One person, by identity (nicknames folded, bare surnames resolved).
    Person,
    /// A set of persons: "A met B" and "B met A" are one meeting.
    Persons,
    /// A place or country, aliases folded ("Beijing" is China).
    Place,
    /// An organisation, aliases folded.
    Org,
    /// A date interval resolved against the publication date; two agree
    /// when they overlap.
    Date,
    /// A figure with its hedge as an interval ("more than 100").
    Number,
    /// A length of time as an interval ("nearly an hour").
    Duration,
    /// A distance as an interval in metres ("about 200 km" is "125 miles").
    Distance,
    /// A compass direction as degrees ("south-west" is 225); two agree
    /// when at most one point of eight apart.
    Bearing,
    /// A time of day as an interval of minutes after midnight ("at 1:10
    /// p.m." is 790, "just after 1.30 pm" 810 to 830); two agree when at
    /// most a few minutes apart.
    Clock,
    /// Words compared after case and space folding.
    Text,
    /// A place, organisation or person, read as what captured it: a
    /// figure's subject ("the toll in Manila", "Smith's salary").
    Entity,
    /// A title, compared rank- and office-aware: the `title` relation's.
    Title,
}

impl SlotType {
    pub const ALL: [(&'static str, SlotType); 13] = [
        ("person", SlotType::Person),
        ("persons", SlotType::Persons),
        ("place", SlotType::Place),
        ("org", SlotType::Org),
        ("date", SlotType::Date),
        ("number", SlotType::Number),
        ("duration", SlotType::Duration),
        ("distance", SlotType::Distance),
        ("bearing", SlotType::Bearing),
        ("clock", SlotType::Clock),
        ("text", SlotType::Text),
        ("entity", SlotType::Entity),
        ("title", SlotType::Title),
    ];

    pub fn parse(s: &str) -> Option<SlotType> {
        SlotType::ALL.iter().find(|(n, _)| *n == s).map(|(_, t)| *t)
    }

    pub fn as_str(self) -> &'static str {
        SlotType::ALL
            .iter()
            .find(|(_, t)| *t == self)
            .map_or("text", |(n, _)| n)
    }

    /// Whether a pattern non-terminal can fill a slot of this type.
    pub fn accepts(self, nt: &NonTerminal) -> bool {
        matches!(
            (self, nt),
            (SlotType::Person | SlotType::Persons, NonTerminal::Person)
                | (
                    SlotType::Place,
                    NonTerminal::Place | NonTerminal::Org | NonTerminal::Venue
                )
                | (SlotType::Org, NonTerminal::Org | NonTerminal::Place)
                | (SlotType::Date, NonTerminal::Date)
                | (SlotType::Number, NonTerminal::Number | NonTerminal::Century)
                | (SlotType::Clock, NonTerminal::Clock)
                | (SlotType::Duration, NonTerminal::Duration)
                | (SlotType::Distance, NonTerminal::Distance)
                | (SlotType::Bearing, NonTerminal::Bearing)
                | (
                    SlotType::Entity,
                    NonTerminal::Person | NonTerminal::Place | NonTerminal::Org
                )
                | (SlotType::Title, NonTerminal::Title | NonTerminal::Office(_))
                | (SlotType::Text, _)
        )
    }
}

/// A slot of a declared relation.
#[derive(Debug, Clone)]
pub struct SlotDecl {
    pub name: String,
    pub ty: SlotType,
    pub unit: Option<String>,
    /// Every pattern of the relation must capture or set it.
    pub required: bool,
    /// Read from this other slot's text when a match leaves it open.
    pub from: Option<String>,
}

/// A relation declared in YAML: named, typed slots, the slots that
/// identify one fact (`key`), the slot findings are about (`subject`) and
/// the slot shown as a claim's value.
#[derive(Debug, Clone)]
pub struct Relation {
    pub id: String,
    pub slots: Vec<SlotDecl>,
    pub key: Vec<String>,
    pub subject: String,
    pub value: String,
    pub description: String,
    pub file: String,
    pub pos: Pos,
}

impl Relation {
    pub fn slot(&self, name: &str) -> Option<&SlotDecl> {
        self.slots.iter().find(|s| s.name == name)
    }
}

/// A fixed value a pattern sets instead of capturing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FixedValue {
    pub slot: String,
    pub value: String,
    pub pos: Pos,
}

/// The value `set` gives `slot`.
pub fn fixed_value<'s>(set: &'s [FixedValue], slot: &str) -> Option<&'s str> {
    set.iter()
        .find(|f| f.slot == slot)
        .map(|f| f.value.as_str())
}

/// A pattern example: a sentence and the slot values its claim must have
/// (none: the sentence must yield no claim of the pattern).
#[derive(Debug, Clone)]
pub struct PatternExample {
    pub text: String,
    pub expect: Vec<(String, Vec<String>)>,
    pub pos: Pos,
}

/// An extraction pattern as written, its `match` string parsed.
#[derive(Debug, Clone)]
pub struct PatternRule {
    pub id: String,
    /// The id as reported in a claim's `pattern` (leaked once per loaded
    /// pattern: claims keep `&'static str` pattern names).
    pub name: &'static str,
    pub relation: PatternRelation,
    pub source: String,
    pub seq: Seq,
    /// Fixed values (`set:`).
    pub set: Vec<FixedValue>,
    /// Slots taken from the document's nearest earlier claim of the
    /// relation when the match leaves them open, with their positions.
    pub inherit: Vec<(String, Pos)>,
    pub examples: Vec<PatternExample>,
    pub file: String,
    /// Where the `match` string starts in its file (line, column).
    pub pos: Pos,
}

impl PatternRule {
    /// The slots the pattern captures (named or by default) and sets.
    pub fn slots(&self) -> Vec<(String, Option<NonTerminal>)> {
        fn walk(seq: &Seq, out: &mut Vec<(String, Option<NonTerminal>)>) {
            for item in seq {
                match item {
                    Item::NonTerminal(n) => {
                        out.push((n.default_slot().to_string(), Some(n.clone())))
                    }
                    Item::Slot(n, name) => out.push((name.clone(), Some(n.clone()))),
                    Item::Choice(a) | Item::Optional(a) => a.iter().for_each(|s| walk(s, out)),
                    Item::Literal(_) => {}
                }
            }
        }
        let mut out = Vec::new();
        walk(&self.seq, &mut out);
        out.extend(self.set.iter().map(|f| (f.slot.clone(), None)));
        out
    }

    /// The fixed value of `slot`, if the pattern sets one.
    pub fn fixed(&self, slot: &str) -> Option<&str> {
        fixed_value(&self.set, slot)
    }

    /// Non-terminals the pattern can capture (anywhere, even optional).
    pub fn mentions(&self, nt: &dyn Fn(&NonTerminal) -> bool) -> bool {
        fn walk(seq: &Seq, nt: &dyn Fn(&NonTerminal) -> bool) -> bool {
            seq.iter().any(|i| match i {
                Item::NonTerminal(n) | Item::Slot(n, _) => nt(n),
                Item::Choice(a) | Item::Optional(a) => a.iter().any(|s| walk(s, nt)),
                Item::Literal(_) => false,
            })
        }
        walk(&self.seq, nt)
    }
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

impl Rules {
    /// Reads rule files given as (display name, text), in order: the model
    /// of what validated, and every problem found. A caller that compiles
    /// the model adds its own problems to the same list.
    pub fn read(files: &[(String, String)]) -> (Rules, Problems) {
        let (mut rules, problems) = load::read(files);
        rules.fingerprint = fingerprint(files);
        (rules, problems)
    }

    pub fn check(&self, id: &str) -> Option<&Check> {
        self.checks.iter().find(|c| c.id == id)
    }
}

/// A 1-based line and column in a rule file.
pub type Pos = (usize, usize);

/// Problems gathered while loading, with the file texts to locate them.
#[derive(Debug, Default)]
pub struct Problems {
    problems: Vec<RuleProblem>,
    sources: BTreeMap<String, String>,
}

impl Problems {
    fn source(&mut self, file: &str, text: &str) {
        self.sources.insert(file.to_string(), text.to_string());
    }

    /// A problem at a byte offset of `file`.
    pub fn at_offset(&mut self, file: &str, offset: usize, message: String, help: Option<String>) {
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

    /// The text of a file being loaded.
    pub fn text(&self, file: &str) -> &str {
        self.sources.get(file).map(String::as_str).unwrap_or("")
    }

    /// The byte offset of a position in `file`.
    pub fn offset(&self, file: &str, pos: Pos) -> usize {
        let text = self.sources.get(file).map(String::as_str).unwrap_or("");
        offset_of(text, pos.0, pos.1)
    }

    /// A problem at a value's position.
    pub fn at(&mut self, file: &str, pos: Pos, message: String, help: Option<String>) {
        let offset = self.offset(file, pos);
        self.at_offset(file, offset, message, help);
    }

    /// A problem at the first place `needle` occurs in the file (for
    /// values without a recorded position).
    pub fn at_text(&mut self, file: &str, needle: &str, message: String, help: Option<String>) {
        let offset = self
            .sources
            .get(file)
            .and_then(|t| t.find(needle))
            .unwrap_or(0);
        self.at_offset(file, offset, message, help);
    }

    /// `value` when nothing was found, else every problem, sorted.
    pub fn into_result<T>(mut self, value: T) -> Result<T, RulesError> {
        if self.problems.is_empty() {
            Ok(value)
        } else {
            self.problems.sort();
            Err(RulesError {
                problems: self.problems,
                sources: self.sources,
            })
        }
    }
}

/// See [`Rules::fingerprint`].
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
pub(crate) fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let mut offset = 0;
    for (i, l) in text.split_inclusive('\n').enumerate() {
        if i + 1 == line {
            return (offset + column.saturating_sub(1)).min(text.len());
        }
        offset += l.len();
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_rules_load() {
        let set = crate::ruleset::RuleSet::shipped().unwrap();
        assert!(set.check("title-mismatch").is_some());
        assert!(set.check("date-consistency").is_some());
        assert!(set.lexicon.is_head("secretary"));
    }

    #[test]
    fn unknown_key_is_reported_with_line_and_suggestion() {
        let text = "version: 1\nchecks:\n  - id: x\n    kind: agree\n    relation: title\n    severty: error\n    message: m\n";
        let err = crate::ruleset::RuleSet::load(&[("r.yaml".into(), text.into())]).unwrap_err();
        let p = &err.problems[0];
        assert_eq!(p.line, 6);
        assert!(p.message.contains("severty"), "{}", p.message);
        assert_eq!(p.help.as_deref(), Some("did you mean `severity`?"));
    }

    #[test]
    fn all_semantic_problems_are_reported_at_once() {
        let text = "version: 1\nchecks:\n  - id: x\n    kind: agreee\n    relation: title\n    severity: fatal\n    message: \"{subjet}\"\n";
        let err = crate::ruleset::RuleSet::load(&[("r.yaml".into(), text.into())]).unwrap_err();
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
