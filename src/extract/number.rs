//! Number claims: a figure about a place or a person ("12 people were
//! killed in Manila"), from `relation: number` patterns. The subject is
//! the place when one is captured, else the person.

use super::event::place_name;
use crate::claim::{Claim, ClaimKind, EventInfo, NormTitle};
use crate::corpus::{DocId, Document};
use crate::normalize::{person_key, Surnames};
use crate::patterns::PatternMatch;
use crate::rules::PatternRelation;
use crate::ruleset::RuleSet;
use crate::source::one_line;

/// A number claim from a `relation: number` pattern: the figure, about the
/// captured place (or person).
pub fn claim(
    rules: &RuleSet,
    id: DocId,
    doc: &Document,
    people: &Surnames,
    m: &PatternMatch,
) -> Option<Claim> {
    let PatternRelation::Number { quantity } = &rules.patterns[m.pattern].relation else {
        return None;
    };
    let number = m.number?;
    let figure = one_line(&doc.text[number.start..number.end]);
    let amount: f64 = figure.replace(',', "").parse().ok()?;
    let place = m.place.map(|p| place_name(rules, &doc.text, p));
    let (subject, resolved, key) = match (&place, m.person) {
        (Some(p), _) => (p.clone(), true, p.to_lowercase()),
        (None, Some(person)) => {
            let (s, r) = people.resolve(&one_line(&doc.text[person.start..person.end]));
            let key = person_key(&rules.lexicon, &s);
            (s, r, key)
        }
        (None, None) => return None,
    };
    Some(Claim {
        doc: id,
        span: m.span,
        kind: ClaimKind::Number,
        subject_key: key,
        subject,
        document_subject: String::new(),
        subject_resolved: resolved,
        value: figure,
        value_span: number,
        title: NormTitle::none(),
        pattern: rules.patterns[m.pattern].name,
        event: Some(EventInfo {
            action: quantity.clone(),
            place,
            date: None,
            amount: Some(amount),
        }),
        facts: None,
        at: Default::default(),
    })
}
