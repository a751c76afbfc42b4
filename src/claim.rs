//! Claims: what a document says, as data with its exact source span.
//!
//! Claims live in one arena (`Vec<Claim>`) and are referred to by
//! [`ClaimId`] everywhere after extraction (checks, graph, report).

use std::collections::{BTreeSet, HashSet};
use std::sync::Arc;

use crate::corpus::DocId;
use crate::source::{Located, Span};
use crate::text::SharedStr;

/// Index of a claim in the claims arena.
pub type ClaimId = usize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ClaimKind {
    /// A person holds an office.
    Title,
    /// A claim of any other relation (`event`, `number`, or one a rule
    /// file declares): its slots in [`Facts`].
    Relation,
}

impl ClaimKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ClaimKind::Title => "title",
            ClaimKind::Relation => "relation",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Claim {
    pub doc: DocId,
    /// The whole mention (title and name).
    pub span: Span,
    pub kind: ClaimKind,
    /// The person as resolved across the corpus ("Antony Blinken").
    pub subject: SharedStr,
    /// The person as resolved within the document, before the corpus-wide
    /// display name replaced it (what a claims file stores: unification is
    /// redone over whatever set of documents is checked).
    pub document_subject: SharedStr,
    /// Corpus-wide identity of the subject (nicknames folded).
    pub subject_key: SharedStr,
    /// False when a bare surname could not be tied to one full name.
    pub subject_resolved: bool,
    /// The title as written, without determiner, qualifiers, leading org.
    pub value: SharedStr,
    pub value_span: Span,
    /// Shared: claims with the same title may hold one copy
    /// ([`ClaimShare`]; most claims of a run repeat a few hundred titles).
    pub title: Arc<NormTitle>,
    /// Grammar production or rule pattern that found it.
    pub pattern: &'static str,
    /// Claims of a declared relation: its id and slots.
    pub facts: Option<Arc<Facts>>,
    /// Where `span` is, for reports.
    pub at: Located,
}

impl Claim {
    /// The relation a check names to read this claim: `title`, or the
    /// id of the relation whose slots it fills.
    pub fn relation(&self) -> &str {
        match &self.facts {
            Some(f) => &f.relation,
            None => self.kind.as_str(),
        }
    }
}

/// What the reader of a relation claim decides; the rest is the same for
/// every relation claim (kind, no title, no document subject, the place
/// filled in later): `Claim::from(RelationClaim { … })`.
pub struct RelationClaim {
    pub doc: DocId,
    pub span: Span,
    pub subject: SharedStr,
    pub subject_key: SharedStr,
    pub subject_resolved: bool,
    pub value: SharedStr,
    pub value_span: Span,
    pub pattern: &'static str,
    pub relation: String,
    pub slots: Vec<SlotFill>,
}

impl From<RelationClaim> for Claim {
    fn from(r: RelationClaim) -> Claim {
        Claim {
            doc: r.doc,
            span: r.span,
            kind: ClaimKind::Relation,
            subject: r.subject,
            document_subject: SharedStr::default(),
            subject_key: r.subject_key,
            subject_resolved: r.subject_resolved,
            value: r.value,
            value_span: r.value_span,
            title: NormTitle::none().into(),
            pattern: r.pattern,
            facts: Some(Arc::new(Facts {
                relation: r.relation,
                slots: r.slots,
            })),
            at: Located::default(),
        }
    }
}

/// The slots of a declared relation's claim. Claims with equal facts hold
/// one shared copy ([`ClaimShare`]).
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Facts {
    pub relation: String,
    /// In text order; a set-valued slot (persons) has one fill per member.
    pub slots: Vec<SlotFill>,
}

impl Facts {
    /// Every fill of `slot`.
    pub fn get<'f>(&'f self, slot: &'f str) -> impl Iterator<Item = &'f SlotFill> + 'f {
        self.slots.iter().filter(move |s| s.slot == slot)
    }
}

/// One slot's value: as written, and as compared.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct SlotFill {
    pub slot: String,
    /// As written (or as set by the pattern), one-spaced.
    pub text: String,
    pub value: SlotValue,
}

impl SlotFill {
    /// The value as a reader names it: a person's resolved name, a place's
    /// canonical name, else the words as written.
    pub fn shown(&self) -> &str {
        match &self.value {
            SlotValue::Person { name, .. } | SlotValue::Place { name } => name,
            _ => &self.text,
        }
    }
}

impl SlotValue {
    /// What makes two people, places or words the same (`None` for dates
    /// and figures, which are compared as intervals).
    pub fn identity(&self) -> Option<String> {
        match self {
            SlotValue::Person { key, .. } => Some(key.clone()),
            SlotValue::Place { name } => Some(name.to_lowercase()),
            SlotValue::Text { folded } => Some(folded.clone()),
            SlotValue::Date { .. } | SlotValue::Quantity { .. } => None,
        }
    }
}

/// A slot value reduced for comparison (see `checks::relation`).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum SlotValue {
    /// A person's identity key (nicknames folded) and display name.
    Person { key: String, name: String },
    /// A place, organisation or country, aliases folded.
    Place { name: String },
    /// Words, case and space folded.
    Text { folded: String },
    /// A date resolved against the publication date (`None`: unresolved).
    Date {
        value: Option<crate::temporal::TimeValue>,
    },
    /// A figure or a length of time as an interval (hedges widen it);
    /// `high` is `None` when open-ended ("more than an hour").
    Quantity {
        low: f64,
        high: Option<f64>,
        low_open: bool,
        high_open: bool,
    },
}

/// Equal figures are equal bit for bit: the extractor makes no NaN, and a
/// NaN read from a claims file only fails to share its copy.
impl Eq for SlotValue {}

impl std::hash::Hash for SlotValue {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        std::mem::discriminant(self).hash(state);
        match self {
            SlotValue::Person { key, name } => (key, name).hash(state),
            SlotValue::Place { name } => name.hash(state),
            SlotValue::Text { folded } => folded.hash(state),
            SlotValue::Date { value } => value.hash(state),
            SlotValue::Quantity {
                low,
                high,
                low_open,
                high_open,
            } => (low.to_bits(), high.map(f64::to_bits), low_open, high_open).hash(state),
        }
    }
}

/// A date expression: where it is and what it resolves to.
#[derive(Debug, Clone)]
pub struct DateClaim {
    pub doc: DocId,
    pub span: Span,
    /// Inclusive day interval and grain; `None` when unresolved.
    pub value: Option<crate::temporal::TimeValue>,
    /// Weekday written with a date it does not fall on.
    pub weekday_mismatch: Option<String>,
    pub at: Located,
}

/// A name written in a way the document itself contradicts: a
/// family-name-first person referred to by the given name alone ("met
/// with Yi" where the article has "Wang Yi"), which readers take for the
/// surname, or a surname misspelt beside its right spelling ("Zelenksy"
/// where the article has "Volodymyr Zelensky").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GivenNameMention {
    pub doc: DocId,
    /// The bare given name, or the misspelt surname.
    pub span: Span,
    /// The full name the document gives elsewhere.
    pub full: String,
    pub kind: MentionKind,
    pub at: Located,
}

/// What is wrong with a [`GivenNameMention`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MentionKind {
    /// A surname-first person's given name alone.
    #[default]
    GivenName,
    /// A slip in the surname of a person the document names in full.
    SurnameSlip,
    /// A name's rare written form, or the common form it is set against
    /// (`name-form`; made when checking, never extracted).
    NameForm,
}

impl MentionKind {
    /// As claims files write it (their `pattern`).
    pub fn as_str(self) -> &'static str {
        match self {
            MentionKind::GivenName => "given-name",
            MentionKind::SurnameSlip => "surname-slip",
            MentionKind::NameForm => "name-form",
        }
    }

    pub fn parse(pattern: &str) -> MentionKind {
        match pattern {
            "surname-slip" => MentionKind::SurnameSlip,
            "name-form" => MentionKind::NameForm,
            _ => MentionKind::GivenName,
        }
    }
}

/// When a title held, relative to the text that reports it.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum TitleTime {
    Past,
    Present,
    Future,
}

/// A title reduced to what decides whether two titles conflict.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct NormTitle {
    pub rank: Option<String>,
    pub head: String,
    pub portfolio: BTreeSet<String>,
    pub domain: BTreeSet<String>,
    /// Canonical organisation or country, when the text gives one.
    pub org: Option<String>,
    pub time: TitleTime,
    pub qualifiers: Vec<String>,
    /// Vocabulary office this wording names or describes.
    pub office: Option<String>,
    /// True when the wording is one of the office's `descriptions`.
    pub descriptive: bool,
}

impl NormTitle {
    /// No title (event claims carry one of these).
    pub fn none() -> NormTitle {
        NormTitle {
            rank: None,
            head: String::new(),
            portfolio: BTreeSet::new(),
            domain: BTreeSet::new(),
            org: None,
            time: TitleTime::Present,
            qualifiers: Vec::new(),
            office: None,
            descriptive: false,
        }
    }

    /// Office family: head and portfolio, without rank or domain.
    pub fn family(&self) -> (&str, &BTreeSet<String>) {
        (&self.head, &self.portfolio)
    }
}

/// One copy of each distinct title and of each distinct relation's facts
/// among the claims it has seen: a title claim's normalised title is about
/// 500 bytes with its sets and strings, and a run repeats a few hundred
/// titles over hundreds of thousands of claims; a relation claim's facts
/// (about 250 bytes with their strings) repeat with every mention of one
/// name in another article (issue 19: memory; `proper-name` claims are a
/// quarter of a newswire run's non-date claims).
#[derive(Default)]
pub struct ClaimShare {
    /// The lexicon's word hasher: SipHash over every claim's title showed
    /// in the profile of the serial part of a streamed run.
    seen: HashSet<Arc<NormTitle>, crate::grammar::lexicon::WordBuildHasher>,
    facts: HashSet<Arc<Facts>, crate::grammar::lexicon::WordBuildHasher>,
    /// Subjects, keys, values and excerpts: a name's mentions repeat them.
    strings: HashSet<SharedStr, crate::grammar::lexicon::WordBuildHasher>,
}

impl ClaimShare {
    /// Points every claim's title, facts and strings at the shared copy of
    /// equal ones.
    pub fn share(&mut self, claims: &mut [Claim]) {
        for c in claims {
            share_one(&mut self.seen, &mut c.title);
            if let Some(facts) = &mut c.facts {
                share_one(&mut self.facts, facts);
            }
            for text in [
                &mut c.subject,
                &mut c.document_subject,
                &mut c.subject_key,
                &mut c.value,
                &mut c.at.text,
            ] {
                self.share_str(text);
            }
        }
    }

    /// Points `text` at the copy of an equal string seen before.
    fn share_str(&mut self, text: &mut SharedStr) {
        match self.strings.get(text.as_str()) {
            Some(shared) => *text = shared.clone(),
            None => {
                self.strings.insert(text.clone());
            }
        }
    }
}

/// Points `value` at the copy in `seen` equal to it, or keeps it there.
fn share_one<T: Eq + std::hash::Hash, S: std::hash::BuildHasher>(
    seen: &mut HashSet<Arc<T>, S>,
    value: &mut Arc<T>,
) {
    match seen.get(value) {
        Some(shared) => *value = Arc::clone(shared),
        None => {
            seen.insert(Arc::clone(value));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What a run holds per claim and per document (issue 19: memory,
    /// docs/scale.md); a field that grows these shows up here.
    #[test]
    fn claim_and_document_records_stay_small() {
        let sizes = [
            ("Claim", std::mem::size_of::<Claim>()),
            ("DateClaim", std::mem::size_of::<DateClaim>()),
            ("Document", std::mem::size_of::<crate::corpus::Document>()),
            ("NormTitle", std::mem::size_of::<NormTitle>()),
        ];
        eprintln!("{sizes:?}");
        assert!(sizes[0].1 <= 256, "{sizes:?}");
        // 168 since a date keeps its other convention's reading (`TimeValue::other`);
        // only the dates a check reads are kept (`date_consistency::reads`), a few %.
        assert!(sizes[1].1 <= 168, "{sizes:?}");
        // A document's capitalised words for `name-form` are not in it but in
        // `Extracted::names` (a shared list per distinct document).
        assert!(sizes[2].1 <= 200, "{sizes:?}");
    }
}
