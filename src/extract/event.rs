//! Event claims: a person did something (somewhere) at a time, from
//! `relation: event` patterns. The date is the sentence's date expression
//! the pattern captured, resolved against the publication date; the place
//! is folded through the vocabulary's places and organisations.

use crate::claim::{Claim, ClaimKind, DateClaim, EventInfo, NormTitle};
use crate::corpus::{DocId, Document};
use crate::normalize::title::canonical_place;
use crate::normalize::{person_key, Surnames};
use crate::patterns::PatternMatch;
use crate::rules::PatternRelation;
use crate::ruleset::RuleSet;
use crate::source::{one_line, Span};

/// An event claim from a `relation: event` pattern's captures; a bare
/// surname takes the full name the document gives it.
pub fn claim(
    rules: &RuleSet,
    id: DocId,
    doc: &Document,
    dates: &[DateClaim],
    people: &Surnames,
    m: &PatternMatch,
) -> Option<Claim> {
    let PatternRelation::Event { action } = &rules.patterns[m.pattern].relation else {
        return None;
    };
    let person = m.person?;
    let date = &dates[m.date?];
    let (subject, resolved) = people.resolve(&one_line(&doc.text[person.start..person.end]));
    let place = m.place.map(|p| place_name(rules, &doc.text, p));
    Some(Claim {
        doc: id,
        span: m.span,
        kind: ClaimKind::Event,
        subject_key: person_key(&rules.lexicon, &subject),
        subject,
        document_subject: String::new(),
        subject_resolved: resolved,
        value: one_line(&doc.text[date.span.start..date.span.end]),
        value_span: date.span,
        title: NormTitle::none(),
        pattern: rules.patterns[m.pattern].name,
        event: Some(EventInfo {
            action: action.clone(),
            place,
            date: date.value,
            amount: None,
        }),
        facts: None,
        at: Default::default(),
    })
}

/// The canonical name of a captured place: a vocabulary place, else an
/// organisation or country alias folded, else as written.
pub fn place_name(rules: &RuleSet, text: &str, span: Span) -> String {
    canonical_place(&rules.lexicon, &one_line(&text[span.start..span.end]))
}
