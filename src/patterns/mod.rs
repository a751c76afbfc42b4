//! Extraction patterns written in YAML, compiled by a nom parser
//! ([`syntax`]) into matchers over the grammar's tokens ([`matcher`]).
//!
//! ```yaml
//! patterns:
//!   - id: travel
//!     relation: event        # title | event
//!     action: travel         # event patterns: the action's canonical name
//!     match: "<person> (travelled|traveled|flew) to <place> [on|in] <date>"
//! ```
//!
//! A `title` pattern needs `<person>` and `<title>` (or `<office:ID>`); an
//! `event` pattern needs `<person>` and `<date>` (and usually `<place>`).

pub mod matcher;
pub mod syntax;

pub use matcher::{find, PatternMatch};
pub use syntax::{Item, NonTerminal, Seq};

/// What a pattern's match becomes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PatternRelation {
    Title,
    Event {
        action: String,
    },
    /// A figure about a place or person: "12 people were killed in X".
    Number {
        quantity: String,
    },
}

/// A compiled pattern.
#[derive(Debug, Clone)]
pub struct Pattern {
    pub id: String,
    /// The id as reported in a claim's `pattern` (leaked once per loaded
    /// pattern: claims keep `&'static str` pattern names).
    pub name: &'static str,
    pub relation: PatternRelation,
    pub source: String,
    pub seq: Seq,
    /// The words one of which must follow the first item for the pattern
    /// to match ([`matcher::first_literals`] of the rest), when only
    /// literals can: lets the matcher give up right after a `<person>`.
    pub follow: Option<Vec<String>>,
    pub file: String,
    /// Where the `match` string starts in its file (line, column).
    pub pos: (usize, usize),
}

impl Pattern {
    /// Non-terminals the pattern can capture (anywhere, even optional).
    pub fn mentions(&self, nt: &dyn Fn(&NonTerminal) -> bool) -> bool {
        fn walk(seq: &Seq, nt: &dyn Fn(&NonTerminal) -> bool) -> bool {
            seq.iter().any(|i| match i {
                Item::NonTerminal(n) => nt(n),
                Item::Choice(a) | Item::Optional(a) => a.iter().any(|s| walk(s, nt)),
                Item::Literal(_) => false,
            })
        }
        walk(&self.seq, nt)
    }
}
