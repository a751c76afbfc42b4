//! Extraction patterns, compiled: the rule model's parsed `match` strings
//! ([`crate::rules::pattern`]) made into matchers over the grammar's
//! tokens ([`matcher`]).
//!
//! ```yaml
//! patterns:
//!   - id: travel
//!     relation: event        # title, or any declared relation
//!     action: travel         # = set: {action: travel}
//!     match: "<person> (travelled|traveled|flew) to <place> [on|in] <date>"
//! ```
//!
//! A `title` pattern needs `<person>` and `<title>` (or `<office:ID>`); a
//! pattern of a declared relation fills the slots the relation requires
//! (`event`: subject, action and date).

pub mod matcher;

pub use matcher::{find, NamedCapture, PatternMatch, StartIndex};

use crate::grammar::Lexicon;
use crate::normalize::OfficeIndex;
use crate::rules::{
    fixed_value, FixedValue, NonTerminal, PatternExample, PatternRelation, PatternRule,
    QualifierTimes, Relation, Seq, SlotType,
};

/// A compiled pattern: the rule as written plus what the matcher
/// precomputes from it.
#[derive(Debug, Clone)]
pub struct Pattern {
    pub id: String,
    /// The id as reported in a claim's `pattern`.
    pub name: &'static str,
    pub relation: PatternRelation,
    pub source: String,
    pub seq: Seq,
    /// The words one of which must follow the first item for the pattern
    /// to match ([`matcher::first_literals`] of the rest), when only
    /// literals can: lets the matcher give up right after a `<person>`.
    pub follow: Option<Vec<String>>,
    /// The words one of which a match must start with, when only literals
    /// can start it ([`matcher::first_literals`] of the whole pattern).
    pub first_words: Option<Vec<String>>,
    pub file: String,
    /// Where the `match` string starts in its file (line, column).
    pub pos: (usize, usize),
    /// Fixed values (`set:`).
    pub set: Vec<FixedValue>,
    /// Slots taken from the document's nearest earlier claim of the
    /// relation when the match leaves them open.
    pub inherit: Vec<String>,
    /// The slot a match must fill: the relation's subject.
    pub subject: String,
    /// Slots a match must capture: the relation's required slots the
    /// pattern does not set, and its subject.
    pub required: Vec<String>,
    /// Sentences and the claims they must yield (`rules test`).
    pub examples: Vec<PatternExample>,
    /// A match yields a claim only with a date (a required date slot the
    /// pattern does not set): not tried past a sentence's last date.
    pub needs_date: bool,
    /// Likewise with a figure.
    pub needs_number: bool,
}

impl Pattern {
    /// The fixed value of `slot`.
    pub fn fixed(&self, slot: &str) -> Option<&str> {
        fixed_value(&self.set, slot)
    }

    /// A title pattern that sets its title (`title:` or `office:`) needs
    /// no `<title>`.
    pub fn sets_title(&self) -> bool {
        self.fixed("title").is_some() || self.fixed("office").is_some()
    }

    pub fn compile(rule: PatternRule, relations: &[Relation]) -> Pattern {
        let subject = match rule.relation {
            PatternRelation::Declared(r) => relations[r].subject.clone(),
            _ => NonTerminal::Person.default_slot().to_string(),
        };
        let needs = |ty: SlotType| match rule.relation {
            PatternRelation::Declared(r) => relations[r]
                .slots
                .iter()
                .any(|s| s.required && s.ty == ty && rule.fixed(&s.name).is_none()),
            PatternRelation::Title => false,
        };
        // What the match itself must capture: not what the pattern sets
        // nor what is read from another slot (`from:`).
        let captured = |name: &str| match rule.relation {
            PatternRelation::Declared(r) => {
                rule.fixed(name).is_none()
                    && relations[r].slot(name).is_none_or(|s| s.from.is_none())
            }
            PatternRelation::Title => true,
        };
        let mut required: Vec<String> = match rule.relation {
            PatternRelation::Declared(r) => relations[r]
                .slots
                .iter()
                .filter(|s| s.required && captured(&s.name))
                .map(|s| s.name.clone())
                .collect(),
            PatternRelation::Title => Vec::new(),
        };
        if !required.contains(&subject) && captured(&subject) {
            required.push(subject.clone());
        }
        // Inherited slots come from an earlier claim, not the match.
        required.retain(|slot| !rule.inherit.iter().any(|(s, _)| s == slot));
        Pattern {
            inherit: rule.inherit.iter().map(|(s, _)| s.clone()).collect(),
            required,
            needs_date: needs(SlotType::Date),
            needs_number: needs(SlotType::Number),
            set: rule.set,
            subject,
            examples: rule.examples,
            follow: matcher::first_literals(rule.seq.get(1..).unwrap_or_default()),
            first_words: matcher::first_literals(&rule.seq),
            id: rule.id,
            name: rule.name,
            relation: rule.relation,
            source: rule.source,
            seq: rule.seq,
            file: rule.file,
            pos: rule.pos,
        }
    }
}

/// What the matcher reads: the compiled patterns and the vocabulary
/// lookups their non-terminals use.
#[derive(Debug, Clone, Copy)]
pub struct Matcher<'r> {
    pub patterns: &'r [Pattern],
    /// Which of `patterns` may start at a token.
    pub starts: &'r StartIndex,
    pub lexicon: &'r Lexicon,
    pub offices: &'r OfficeIndex,
    pub times: &'r QualifierTimes,
}
