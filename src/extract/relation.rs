//! Claims of relations declared in YAML (`relations:`): a pattern's
//! captures and fixed values become typed slots. Persons resolve through
//! the document's one subject resolver, places fold through the
//! vocabulary, dates resolve against the publication date, figures and
//! lengths of time become intervals with their hedges ("more than an
//! hour" is (1 h, ∞)).

use crate::claim::{Claim, DateClaim, RelationClaim, SlotFill, SlotValue};
use crate::corpus::{DocId, Document};
use crate::grammar::quantity::{self, Quantity};
use crate::grammar::token::tokenize;
use crate::normalize::title::canonical_place;
use crate::normalize::{person_key, Surnames};
use crate::patterns::{Pattern, PatternMatch};
use crate::rules::{NonTerminal, PatternRelation, Relation, SlotType};
use crate::ruleset::RuleSet;
use crate::source::{one_line, Span};

/// A declared relation's claim from a pattern match, or `None` for other
/// patterns and for matches whose subject cannot be read.
pub fn claim(
    rules: &RuleSet,
    id: DocId,
    doc: &Document,
    dates: &[DateClaim],
    people: &Surnames,
    m: &PatternMatch,
    others: &[Claim],
) -> Option<Claim> {
    let pattern = &rules.patterns[m.pattern];
    let PatternRelation::Declared(r) = pattern.relation else {
        return None;
    };
    let relation = &rules.relations[r];
    let reader = Reader {
        rules,
        doc,
        dates,
        people,
        match_end: m.span.end,
    };
    let captured = captures(m, dates);
    let mut slots = Vec::new();
    for (slot, span, date, kind) in &captured {
        let Some(decl) = relation.slot(slot) else {
            continue;
        };
        if let Some(value) = reader.value(decl.ty, kind, *span, *date) {
            slots.push(SlotFill {
                slot: slot.to_string(),
                text: one_line(&doc.text[span.start..span.end]),
                value,
            });
        }
    }
    if let Some(fill) = fronted_date(relation, &slots, doc, dates, m.span.start) {
        slots.push(fill);
    }
    slots.extend(fixed_values(rules, pattern, relation));
    inherit(pattern, &relation.id, others, m.span.start, &mut slots);
    read_from(rules, relation, &mut slots);
    // A required slot the text does not give (an unresolvable figure) is
    // no claim: it could be compared with nothing.
    let filled = |name: &str| slots.iter().any(|s| s.slot == name);
    if !relation
        .slots
        .iter()
        .all(|s| !s.required || filled(&s.name))
    {
        return None;
    }
    let subject = subject_of(relation, &slots)?;
    let (value, value_span) = value_of(relation, &slots, &captured, m.span);
    Some(Claim::from(RelationClaim {
        doc: id,
        span: m.span,
        subject_key: subject.key.into(),
        subject: subject.name.into(),
        subject_resolved: subject.resolved,
        value: value.into(),
        value_span,
        pattern: pattern.name,
        relation: relation.id.clone(),
        slots,
    }))
}

/// The date a sentence opens with, before a comma, for a relation whose
/// `date` slot the match left open: "In June, Modi met with Zelensky in
/// Italy" is a meeting in June, as "Modi met Zelensky in Italy in June"
/// is. The date must end just before the match (a comma between) and
/// open its sentence, bare or after one preposition ("In", "On").
fn fronted_date(
    relation: &Relation,
    slots: &[SlotFill],
    doc: &Document,
    dates: &[DateClaim],
    match_start: usize,
) -> Option<SlotFill> {
    let decl = relation.slot("date").filter(|d| d.ty == SlotType::Date)?;
    if slots.iter().any(|s| s.slot == decl.name) {
        return None;
    }
    let text = &doc.text;
    let date = dates
        .iter()
        .filter(|d| d.span.end <= match_start)
        .max_by_key(|d| d.span.end)?;
    let value = date.value?;
    if text.get(date.span.end..match_start)?.trim() != "," {
        return None;
    }
    let before = text.get(..date.span.start)?.trim_end_matches([' ', '\t']);
    let before = ["In", "On"]
        .iter()
        .find_map(|p| {
            before
                .strip_suffix(p)
                .filter(|b| b.is_empty() || b.ends_with(char::is_whitespace))
        })
        .unwrap_or(before)
        .trim_end_matches([' ', '\t']);
    // A line's start opens a sentence too (a paragraph, or the text
    // after a front matter).
    let opens = before.is_empty() || before.ends_with(['.', '!', '?', '\n', '"', '”']);
    opens.then(|| SlotFill {
        slot: decl.name.clone(),
        text: one_line(&text[date.span.start..date.span.end]),
        value: SlotValue::Date { value: Some(value) },
    })
}

/// Slots the match left open and that are read from another slot's text
/// (`from:`): "the capital Rabat" names its country by its city.
fn read_from(rules: &RuleSet, relation: &Relation, slots: &mut Vec<SlotFill>) {
    for decl in &relation.slots {
        let Some(source) = decl.from.as_deref() else {
            continue;
        };
        if slots.iter().any(|s| s.slot == decl.name) {
            continue;
        }
        let read: Vec<SlotFill> = slots
            .iter()
            .filter(|s| s.slot == source)
            .filter_map(|s| {
                Some(SlotFill {
                    slot: decl.name.clone(),
                    text: s.text.clone(),
                    value: written_value(rules, decl.ty, &s.text)?,
                })
            })
            .collect();
        slots.extend(read);
    }
}

/// How far back (in bytes of text) an earlier claim may be for its slots
/// to be inherited: a few sentences, as a reader keeps "the talks" tied
/// to the meeting just told, not to one three paragraphs up.
const INHERIT_REACH: usize = 600;

/// The slots the pattern inherits and the match left open, from the
/// nearest earlier claim of the relation that fills them, within reach;
/// failing that (when `others` holds later claims too: the second pass of
/// `extract::document`), from the nearest later one within reach, as a
/// reader ties "after 2.5 hours of meetings" to the summit the next
/// sentence names.
fn inherit(
    pattern: &Pattern,
    relation: &str,
    others: &[Claim],
    at: usize,
    slots: &mut Vec<SlotFill>,
) {
    for slot in &pattern.inherit {
        if slots.iter().any(|s| s.slot == *slot) {
            continue;
        }
        let fills = |c: &Claim| {
            let facts = c.facts.as_deref().filter(|f| f.relation == relation)?;
            let fills: Vec<SlotFill> = facts.get(slot).cloned().collect();
            (!fills.is_empty()).then_some(fills)
        };
        let earlier = others
            .iter()
            .rev()
            .filter(|c| c.span.start < at)
            .take_while(|c| c.span.end + INHERIT_REACH >= at)
            .find_map(fills);
        let nearest = earlier.or_else(|| {
            others
                .iter()
                .filter(|c| c.span.start > at && c.span.start <= at + INHERIT_REACH)
                .find_map(fills)
        });
        slots.extend(nearest.into_iter().flatten());
    }
}

/// One capture: slot, span, date index, and the kind of the
/// non-terminal that captured it.
type Capture<'m> = (&'m str, Span, Option<usize>, &'static str);

/// Every capture of a match, a date's span being its date claim's.
fn captures<'m>(m: &'m PatternMatch, dates: &[DateClaim]) -> Vec<Capture<'m>> {
    m.captures()
        .filter_map(|(slot, span, date, nt)| {
            let span = match date {
                Some(d) => dates.get(d).map_or(m.span, |c| c.span),
                None => span?,
            };
            Some((slot, span, date, nt))
        })
        .collect()
}

/// The pattern's fixed values as slot fills of their declared types.
fn fixed_values(rules: &RuleSet, pattern: &Pattern, relation: &Relation) -> Vec<SlotFill> {
    pattern
        .set
        .iter()
        .filter_map(|fixed| {
            let (slot, text) = (&fixed.slot, &fixed.value);
            let decl = relation.slot(slot)?;
            Some(SlotFill {
                slot: slot.clone(),
                text: text.clone(),
                value: written_value(rules, decl.ty, text)?,
            })
        })
        .collect()
}

/// Words written in a rule (a fixed value) or taken from another slot,
/// read as a value of type `ty`.
fn written_value(rules: &RuleSet, ty: SlotType, text: &str) -> Option<SlotValue> {
    let lx = &rules.lexicon;
    Some(match ty {
        SlotType::Person | SlotType::Persons => SlotValue::Person {
            key: person_key(lx, text),
            name: text.to_string(),
        },
        SlotType::Place | SlotType::Org | SlotType::Entity => SlotValue::Place {
            name: canonical_place(lx, text),
        },
        SlotType::Number | SlotType::Duration | SlotType::Distance => quantity_value(ty, text, 0)?,
        SlotType::Clock => clock_value(text)?,
        SlotType::Bearing => bearing_value(text)?,
        SlotType::Date | SlotType::Text | SlotType::Title => SlotValue::Text { folded: fold(text) },
    })
}

struct Reader<'r> {
    rules: &'r RuleSet,
    doc: &'r Document,
    dates: &'r [DateClaim],
    people: &'r Surnames,
    /// Where the match ends in the document.
    match_end: usize,
}

impl Reader<'_> {
    /// A captured span read as a value of type `ty` (an entity as what
    /// captured it: a person, or a place).
    fn value(
        &self,
        ty: SlotType,
        kind: &str,
        span: Span,
        date: Option<usize>,
    ) -> Option<SlotValue> {
        let text = &self.doc.text;
        let person = matches!(ty, SlotType::Person | SlotType::Persons)
            || (ty == SlotType::Entity && kind == NonTerminal::Person.kind());
        Some(match ty {
            _ if person => {
                let (name, _) = self.people.resolve(&one_line(&text[span.start..span.end]));
                SlotValue::Person {
                    key: self.people.key(&self.rules.lexicon, &name),
                    name,
                }
            }
            SlotType::Place | SlotType::Org | SlotType::Entity => SlotValue::Place {
                name: place_name(self.rules, text, span),
            },
            SlotType::Date => SlotValue::Date {
                value: self.dates.get(date?)?.value,
            },
            SlotType::Number if kind == NonTerminal::Century.kind() => {
                century_value(&text[span.start..span.end])?
            }
            SlotType::Number | SlotType::Duration | SlotType::Distance => {
                quantity_value(ty, &text[span.start..span.end], span.start)?
            }
            // Read on to the match's end: the zone the pattern reads after a
            // time ("0900 GMT", "18.45 GMT") is what makes it a time and not
            // a year or a decimal; a zone the pattern leaves unread is not.
            SlotType::Clock => clock_value(&text[span.start..self.match_end.max(span.end)])?,
            SlotType::Bearing => bearing_value(&text[span.start..span.end])?,
            SlotType::Text | SlotType::Title | SlotType::Person | SlotType::Persons => {
                SlotValue::Text {
                    folded: fold(&text[span.start..span.end]),
                }
            }
        })
    }
}

/// A length of time or a figure, hedge included ("more than 100"), as an
/// interval; `base` is where `text` starts in its document.
fn quantity_value(ty: SlotType, text: &str, base: usize) -> Option<SlotValue> {
    let tokens = tokenize(text, base);
    let (_, q) = match ty {
        SlotType::Duration => quantity::duration(&tokens).ok()?,
        SlotType::Distance => quantity::distance(&tokens).ok()?,
        _ => quantity::hedged_number(&tokens).ok()?,
    };
    Some(interval(&q))
}

/// A time of day as its minutes after midnight (an interval: "just after
/// 1.30 pm" is 810 to 830).
fn clock_value(text: &str) -> Option<SlotValue> {
    let (_, (low, high)) = crate::grammar::clock::clock(&tokenize(text, 0))?;
    Some(closed(low, high))
}

/// A century as the years it spans ("the 19th century" is 1801 to 1900).
fn century_value(text: &str) -> Option<SlotValue> {
    let (_, (low, high)) = crate::grammar::clock::century(&tokenize(text, 0))?;
    Some(closed(low, high))
}

fn closed(low: f64, high: f64) -> SlotValue {
    SlotValue::Quantity {
        low,
        high: Some(high),
        low_open: false,
        high_open: false,
    }
}

/// A compass direction as its degrees (an exact "quantity").
fn bearing_value(text: &str) -> Option<SlotValue> {
    let deg = quantity::bearing_of(text)?;
    Some(SlotValue::Quantity {
        low: deg,
        high: Some(deg),
        low_open: false,
        high_open: false,
    })
}

fn interval(q: &Quantity) -> SlotValue {
    SlotValue::Quantity {
        low: q.low,
        high: q.high.is_finite().then_some(q.high),
        low_open: q.low_open,
        high_open: q.high_open,
    }
}

/// A place as its canonical name (aliases folded: "Beijing" is China).
pub(super) fn place_name(rules: &RuleSet, text: &str, span: Span) -> String {
    canonical_place(&rules.lexicon, &one_line(&text[span.start..span.end]))
}

fn fold(text: &str) -> String {
    one_line(text).to_lowercase()
}

struct Subject {
    name: String,
    key: String,
    resolved: bool,
}

/// The claim's subject: the relation's subject slot (a set of persons is
/// one subject, "A and B", whatever the order they were named in).
fn subject_of(relation: &Relation, slots: &[SlotFill]) -> Option<Subject> {
    let mut fills: Vec<&SlotFill> = slots
        .iter()
        .filter(|s| s.slot == relation.subject)
        .collect();
    if fills.is_empty() {
        return None;
    }
    let key_of = |f: &SlotFill| f.value.identity().unwrap_or_else(|| f.text.to_lowercase());
    fills.sort_by_key(|f| key_of(f));
    fills.dedup_by_key(|f| key_of(f));
    let resolved = fills.iter().all(|f| match &f.value {
        SlotValue::Person { name, .. } => name.contains(' '),
        _ => true,
    });
    Some(Subject {
        name: fills
            .iter()
            .map(|f| f.shown())
            .collect::<Vec<_>>()
            .join(" and "),
        key: fills
            .iter()
            .map(|f| key_of(f))
            .collect::<Vec<_>>()
            .join(" & "),
        resolved,
    })
}

/// The claim's value: the text of the relation's value slot, and where it
/// was written (the match when it was set, not captured).
fn value_of(
    relation: &Relation,
    slots: &[SlotFill],
    captured: &[Capture<'_>],
    whole: Span,
) -> (String, Span) {
    let text = slots
        .iter()
        .filter(|s| s.slot == relation.value)
        .map(|s| s.text.clone())
        .collect::<Vec<_>>()
        .join(", ");
    let span = captured
        .iter()
        .find(|(slot, ..)| *slot == relation.value)
        .map_or(whole, |(_, span, ..)| *span);
    (text, span)
}
