//! Visit lengths wherever a sentence tells them: every length written
//! before a visit noun, whatever the words around it.
//!
//! ```text
//! mention  := length modifier{0,3} noun (to|of|in (the)? place)?
//! length   := a duration adjective: "three-day", "3-day", "week-long",
//!             "two-week" (the quantity grammar's `duration`)
//! modifier := a lower-case word that is no function word ("official",
//!             "state", "working", "whirlwind" …: any, not a list)
//! noun     := visit | trip | tour | stay | journey
//! visitor  := the owner before the length ("Lula's three-day tour")
//!           | else the nearest person named before it in the sentence
//!           | else, when a pronoun stands for the visitor ("as he
//!             arrived after a two-day visit"), the nearest person named
//!             in the sentences before
//! place    := the place after to / of / in, when the vocabulary knows it
//!           | else the nearest known place after in / to / visit in the
//!             sentence or the sentences before ("arrived in China on
//!             Wednesday for a three-day official visit to the Asian
//!             giant", "a three-day tour of the country")
//! ```
//!
//! The rule patterns of `visit-length` read a few fixed sentence shapes
//! with the visitor and the place written next to the length; a report
//! often writes neither there. One visit is one visitor and one place
//! however the outlet words it, so the key is resolved across the
//! article, not read from the wording. A mention whose visitor or place
//! cannot be resolved makes no claim, nor one a pattern already read.

use crate::claim::{Claim, RelationClaim, SlotFill, SlotValue};
use crate::corpus::{DocId, Document};
use crate::grammar::quantity;
use crate::grammar::token::{Token, TokenKind};
use crate::normalize::title::canonical_place;
use crate::normalize::Surnames;
use crate::ruleset::RuleSet;
use crate::source::{one_line, Span};

use super::document::Sentences;

/// The relation mentions fill (declared in `rules/events.yaml`).
pub const RELATION: &str = "visit-length";

/// The pattern name mentions carry.
const PATTERN: &str = "visit-length-mention";

/// Nouns of a visit: one journey of one visitor to one place.
const NOUNS: &[&str] = &["visit", "trip", "tour", "stay", "journey"];

/// Units a visit's length is written in (the last word of the length).
/// Hours too: "a five-hour visit" is a visit's length, compared with a
/// day count as a calendar span (`checks::relation`).
const UNITS: &[&str] = &[
    "hour", "hours", "day", "days", "week", "weeks", "month", "months", "long",
];

/// Words that are no modifier between the length and the noun: they end
/// the noun phrase or begin another.
pub(super) const NOT_MODIFIERS: &[&str] = &[
    "the", "a", "an", "to", "of", "in", "on", "for", "and", "or", "but", "with", "by", "at",
    "from", "his", "her", "their", "its", "that", "which", "who", "was", "is", "will",
];

/// Pronouns that stand for a visitor named before.
const PRONOUNS: &[&str] = &["he", "she", "his", "her", "they", "their"];

/// How many modifiers may stand between the length and the noun.
const MODIFIERS: usize = 3;

/// How many sentences back a pronoun's person or an unwritten place is
/// looked for.
const SENTENCES_BACK: usize = 4;

/// Every visit-length mention of a document the rule patterns did not
/// read, as claims of [`RELATION`].
pub fn mentions(
    rules: &RuleSet,
    id: DocId,
    doc: &Document,
    people: &Surnames,
    sentences: &Sentences<'_>,
    earlier: &[Claim],
) -> Vec<Claim> {
    if !rules.relations.iter().any(|r| r.id == RELATION) {
        return Vec::new();
    }
    let read: Vec<Span> = earlier
        .iter()
        .filter(|c| c.relation() == RELATION)
        .map(|c| c.span)
        .collect();
    let all: Vec<(Span, &[Token<'_>])> = sentences.iter().collect();
    let mut out = Vec::new();
    for (n, (_, tokens)) in all.iter().enumerate() {
        for i in 0..tokens.len() {
            if !is_noun(&tokens[i]) {
                continue;
            }
            let Some(length) = length_before(tokens, i) else {
                continue;
            };
            if !hours_fit(tokens, &length, i) {
                continue;
            }
            let whole = Span {
                start: tokens[length.start].start,
                end: tokens[i].end,
            };
            if read
                .iter()
                .any(|r| r.start < whole.end && whole.start < r.end)
            {
                continue;
            }
            let at = Mention {
                tokens,
                sentence: n,
                length,
                noun: i,
            };
            if let Some(c) = claim(rules, id, doc, people, &all, &at, whole) {
                out.push(c);
            }
        }
    }
    out
}

/// One length before one visit noun, as token positions in its sentence.
struct Mention<'m, 'a> {
    tokens: &'m [Token<'a>],
    sentence: usize,
    length: Length,
    noun: usize,
}

/// Where a length is in its sentence, and its value.
struct Length {
    start: usize,
    /// The unit word, the length's last token.
    unit: usize,
    value: quantity::Quantity,
}

/// A unit word, alone or ending a hyphenated word ("day", "three-day",
/// "3-day", "week-long").
fn is_unit(t: &Token<'_>) -> bool {
    if !t.is_word() && t.kind != TokenKind::Number {
        return false;
    }
    UNITS.contains(&unit_word(&t.lower()))
}

/// The unit of a length word: the word itself or its last hyphenated part
/// ("three-day" → "day").
fn unit_word(low: &str) -> &str {
    low.rsplit('-').next().unwrap_or(low)
}

/// Nouns a length in hours is a visit's length with: "a five-hour
/// visit", not "a 10-hour train journey" (the ride there).
const HOUR_NOUNS: &[&str] = &["visit", "stay"];

/// Whether a length fits its noun: a length in hours only a visit or a
/// stay ("trip", "journey" and "tour" in hours are mostly the travel).
fn hours_fit(tokens: &[Token<'_>], length: &Length, noun: usize) -> bool {
    let unit = tokens[length.unit].lower();
    !matches!(unit_word(&unit), "hour" | "hours")
        || HOUR_NOUNS.contains(&tokens[noun].lower().as_ref())
}

fn is_noun(t: &Token<'_>) -> bool {
    t.is_word() && NOUNS.contains(&t.lower().as_ref())
}

/// The length right before the noun, over up to [`MODIFIERS`] modifiers:
/// a unit word ("day", "long") ends it, and the quantity grammar reads it
/// from a number or number word a few tokens back to exactly that word.
fn length_before(tokens: &[Token<'_>], noun: usize) -> Option<Length> {
    let mut unit = noun;
    for _ in 0..=MODIFIERS {
        let t = tokens.get(unit.checked_sub(1)?)?;
        if is_unit(t) {
            break;
        }
        let modifier =
            t.is_word() && !t.is_capitalized() && !NOT_MODIFIERS.contains(&t.lower().as_ref());
        if !modifier {
            return None;
        }
        unit -= 1;
    }
    let unit = unit.checked_sub(1)?;
    if !is_unit(&tokens[unit]) {
        return None;
    }
    // "three-day" is one token, "three days-long" two, "about a week" three.
    (unit.saturating_sub(4)..=unit).find_map(|start| {
        let slice = &tokens[start..=unit];
        let (rest, q) = quantity::duration(slice).ok()?;
        (rest.is_empty() && q.low > 0.0).then_some(Length {
            start,
            unit,
            value: q,
        })
    })
}

fn claim(
    rules: &RuleSet,
    id: DocId,
    doc: &Document,
    people: &Surnames,
    all: &[(Span, &[Token<'_>])],
    at: &Mention<'_, '_>,
    whole: Span,
) -> Option<Claim> {
    let (visitor, key) = visitor(rules, people, all, at)?;
    let place = match written_place(rules, at) {
        Some(written) => written?,
        None => match the_country(at) {
            true => named_country_before(rules, at).or_else(|| context_place(rules, all, at))?,
            false => context_place(rules, all, at)?,
        },
    };
    let text = |s: Span| one_line(&doc.text[s.start..s.end]);
    // Shown from the hedge or number: "a 3-day", "for a week" read as
    // "3-day", "week".
    let shown = (at.length.start..at.length.unit)
        .find(|&k| !matches!(at.tokens[k].lower().as_ref(), "for" | "a" | "an"))
        .unwrap_or(at.length.unit);
    let length_span = Span {
        start: at.tokens[shown].start,
        end: at.tokens[at.length.unit].end,
    };
    let length_text = text(length_span);
    let q = &at.length.value;
    let slots = vec![
        SlotFill {
            slot: "visitor".into(),
            text: visitor.clone(),
            value: SlotValue::Person {
                key: key.clone(),
                name: visitor.clone(),
            },
        },
        SlotFill {
            slot: "place".into(),
            text: place.clone(),
            value: SlotValue::Place { name: place },
        },
        SlotFill {
            slot: "length".into(),
            text: length_text.clone(),
            value: SlotValue::Quantity {
                low: q.low,
                high: q.high.is_finite().then_some(q.high),
                low_open: q.low_open,
                high_open: q.high_open,
            },
        },
    ];
    Some(Claim::from(RelationClaim {
        doc: id,
        span: whole,
        subject: visitor.into(),
        subject_key: key.into(),
        subject_resolved: true,
        value: length_text.into(),
        value_span: length_span,
        pattern: PATTERN,
        relation: RELATION.into(),
        slots,
    }))
}

/// The visitor as (name, person key): the length's owner, the nearest
/// person before it in the sentence, or a pronoun's person.
fn visitor(
    rules: &RuleSet,
    people: &Surnames,
    all: &[(Span, &[Token<'_>])],
    at: &Mention<'_, '_>,
) -> Option<(String, String)> {
    let tokens = at.tokens;
    let start = at.length.start;
    // "Lula's three-day tour": the owner is the visitor, or (a place or
    // an unknown name: "China's three-day visit") nobody we can name.
    if start > 0 && tokens[start - 1].kind == TokenKind::Possessive {
        let k = start.checked_sub(2)?;
        return person_at(rules, people, tokens, k, &tokens[k]);
    }
    // The nearest person before the length, unless a pronoun stands
    // between them: "A met his counterpart B as he arrived for a
    // three-day visit" — the pronoun is the sentence's subject, its
    // first person.
    // A semicolon or colon ends a clause (a headline run into a dateline:
    // "… Reagan Center; Washington, June 24: Modi ended his 4-day visit").
    let clause = tokens[..start]
        .iter()
        .rposition(|t| matches!(t.text, ";" | ":" | "|"))
        .map_or(0, |k| k + 1);
    // A person met "with" is the host or the partner, not the visitor
    // ("in meetings with Prime Minister A and President B during a
    // five-hour visit").
    let named: Vec<(usize, (String, String))> = tokens[clause..start]
        .iter()
        .enumerate()
        .filter(|&(k, _)| !met_with(tokens, clause, clause + k))
        .filter_map(|(k, t)| Some((clause + k, person_at(rules, people, tokens, clause + k, t)?)))
        .collect();
    let pronoun_after = |from: usize| {
        tokens[from..start]
            .iter()
            .any(|t| PRONOUNS.contains(&t.lower().as_ref()))
    };
    if let Some((last, p)) = named.last() {
        if pronoun_after(*last) {
            return named.first().map(|(_, p)| p.clone());
        }
        return Some(p.clone());
    }
    // Only a pronoun, or the article's own visit told without its
    // visitor: the person the article is about, the one it names most
    // (none when two tie).
    (pronoun_after(clause) || the_visit(rules, tokens, clause, start))
        .then(|| main_person(rules, people, all))
        .flatten()
}

/// Whether the mention is the article's visit told without naming the
/// visitor before it in its clause: it opens the clause as "the visit"
/// ("The five-hour visit occurred …", "The two-day trip to Angola, many
/// analysts say, …"), the clause names only the people met ("In
/// meetings with A and B during a five-hour visit, the Turkish leader
/// …"), or its subject is a title alone ("The Chief Executive arrived …
/// after a 3-day trip to China"). A reader takes the visit for the one
/// the article is about; a clause with another subject ("The king began
/// a three-day visit") is not read.
fn the_visit(rules: &RuleSet, tokens: &[Token<'_>], clause: usize, start: usize) -> bool {
    let words = &tokens[clause..start];
    let definite = |k: usize| words.get(k).is_some_and(|t| t.lower() == "the");
    // "The three-day visit": only the article before the length.
    if words.len() == 1 && definite(0) {
        return true;
    }
    // Only people met "with" before the length: some capitalised word
    // stood there, and each was in the object of a "with".
    let met = words.iter().any(|t| t.lower() == "with")
        && (clause..start)
            .filter(|&k| tokens[k].is_capitalized() && k > clause)
            .all(|k| met_with(tokens, clause, k));
    if met {
        return true;
    }
    // "The Chief Executive arrived …": a definite title opens the clause
    // and no capitalised word after it names anyone else.
    definite(0)
        && words
            .get(1..)
            .is_some_and(|rest| title_subject(rules, rest))
}

/// Capitalised title words ("Chief Executive", "Turkish President")
/// ending in a title head, then lower-case words and places only.
fn title_subject(rules: &RuleSet, rest: &[Token<'_>]) -> bool {
    let lx = &rules.lexicon;
    let caps = rest.iter().take_while(|t| t.is_capitalized()).count();
    if caps == 0 || !crate::grammar::title::is_head_token(lx, &rest[caps - 1]) {
        return false;
    }
    (caps..rest.len()).all(|k| {
        let t = &rest[k];
        !t.is_capitalized() || place_len_at(rules, rest, k).is_some() || {
            // A place of two words ("Abu Dhabi") is passed word by word.
            k > 0 && place_len_at(rules, rest, k - 1).is_some_and(|(_, n)| n > 1)
        }
    })
}

/// A nationality adjective the vocabulary folds into its country
/// ("Japanese", "Brazilian", "Korean", "Turkish"): a person's or a
/// thing's country, not a place named.
fn is_demonym(t: &Token<'_>) -> bool {
    let low = t.lower();
    ["ese", "ian", "ean", "ish"]
        .iter()
        .any(|end| low.ends_with(end) && low.len() > end.len() + 2)
}

/// "to the country", "of the nation" right after the noun: the place is
/// the country the sentence has just named.
fn the_country(at: &Mention<'_, '_>) -> bool {
    let t = |k: usize| at.tokens.get(at.noun + k).map(|t| t.lower());
    t(1).is_some_and(|p| matches!(p.as_ref(), "to" | "of" | "in"))
        && t(2).is_some_and(|d| d == "the")
        && t(3).is_some_and(|n| matches!(n.as_ref(), "country" | "nation"))
}

/// The nearest known place named before the length in its sentence, as
/// its country when the gazetteer lists the city ("Shanghai was the first
/// stop on Lula's three-day tour of the country": China). An owner
/// ("Brazil's") is not the place.
fn named_country_before(rules: &RuleSet, at: &Mention<'_, '_>) -> Option<String> {
    let tokens = &at.tokens[..at.length.start];
    let lx = &rules.lexicon;
    (0..tokens.len()).rev().find_map(|k| {
        if !tokens[k].is_capitalized() || is_demonym(&tokens[k]) {
            return None;
        }
        // A city of the gazetteer the vocabulary does not fold ("Shanghai"
        // is in China).
        let city = lx.city_country.get(&tokens[k].lower().into_owned());
        if let Some(country) = city.filter(|_| place_len_at(rules, tokens, k).is_none()) {
            let next = tokens.get(k + 1);
            let owner = next.is_some_and(|t| t.kind == TokenKind::Possessive);
            return (!owner && !next.is_some_and(Token::is_capitalized))
                .then(|| canonical_place(lx, country));
        }
        let (_, n) = place_len_at(rules, tokens, k)?;
        // A place before a name or title describes it ("Chinese President
        // Xi"): a person's country, not where the sentence is.
        if tokens.get(k + n).is_some_and(Token::is_capitalized) {
            return None;
        }
        let place = owned_place(rules, tokens, k)?;
        let country = lx
            .city_country
            .get(&place.to_lowercase())
            .map(|c| canonical_place(lx, c));
        Some(country.unwrap_or(place))
    })
}

/// Words that may stand between "with" and the people met: their titles
/// (capitalised), a list's joints, an owner's pronoun and "counterpart".
const WITH_LIST: &[&str] = &[
    "and",
    ",",
    "the",
    "his",
    "her",
    "their",
    "counterpart",
    "counterparts",
    "'s",
    "’s",
];

/// Whether the word at `k` is in the object of a "with" (after `from`):
/// only capitalised words and [`WITH_LIST`] words stand between them.
fn met_with(tokens: &[Token<'_>], from: usize, k: usize) -> bool {
    for t in tokens[from..k].iter().rev() {
        let low = t.lower();
        if low == "with" {
            return true;
        }
        if !(t.is_capitalized() || WITH_LIST.contains(&low.as_ref())) {
            return false;
        }
    }
    false
}

/// The person a document names most often; none on a tie.
pub(super) fn main_person(
    rules: &RuleSet,
    people: &Surnames,
    all: &[(Span, &[Token<'_>])],
) -> Option<(String, String)> {
    let mut counts: std::collections::BTreeMap<(String, String), usize> = Default::default();
    for (_, tokens) in all {
        // "Xi Jinping" is one mention of one person, not two.
        let mut previous: Option<(String, String)> = None;
        for (k, t) in tokens.iter().enumerate() {
            let p = person_at(rules, people, tokens, k, t);
            if let Some(p) = p.as_ref().filter(|p| previous.as_ref() != Some(*p)) {
                *counts.entry(p.clone()).or_default() += 1;
            }
            previous = p;
        }
    }
    let mut ranked: Vec<_> = counts.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    match ranked.as_slice() {
        [(p, n), (_, m), ..] if n > m => Some(p.clone()),
        [(p, _)] => Some(p.clone()),
        _ => None,
    }
}

/// A capitalised word that names one person the document names in full:
/// a bare surname the document ties to one full name, or else a word of
/// exactly one person's full name ("Lula"). A place or organisation the
/// vocabulary knows is no person.
pub(super) fn person_at(
    rules: &RuleSet,
    people: &Surnames,
    tokens: &[Token<'_>],
    k: usize,
    t: &Token<'_>,
) -> Option<(String, String)> {
    if !t.is_capitalized() || t.text.len() < 2 || !t.is_word() {
        return None;
    }
    if place_at(rules, tokens, k).is_some()
        || crate::grammar::title::known_org_len(&rules.lexicon, &tokens[k..]).is_some()
    {
        return None;
    }
    let (name, certain) = people.resolve(t.text);
    if certain && name.contains(' ') {
        return Some((name.clone(), people.key(&rules.lexicon, &name)));
    }
    people.person_with_word(t.text)
}

/// "to China", "of Russia", "in the United States" right after the noun:
/// `None` when no capitalised word follows the preposition, `Some(None)`
/// when one does that is no place the vocabulary knows or is an owner
/// ("to Ukraine's rival Russia"): the visit's place is then written but
/// unknown, and no older place stands in for it.
fn written_place(rules: &RuleSet, at: &Mention<'_, '_>) -> Option<Option<String>> {
    let tokens = at.tokens;
    let prep = tokens.get(at.noun + 1)?;
    if !matches!(prep.lower().as_ref(), "to" | "of" | "in") {
        return None;
    }
    let mut k = at.noun + 2;
    if tokens.get(k).is_some_and(|t| t.lower() == "the") {
        k += 1;
    }
    if !tokens.get(k).is_some_and(Token::is_capitalized) || is_modifier(rules, tokens, k) {
        return None;
    }
    Some(owned_place(rules, tokens, k))
}

/// A capitalised word that describes a noun after it ("the Asian giant",
/// "the Nordic nation"): no name of a place, so the place is not written.
fn is_modifier(rules: &RuleSet, tokens: &[Token<'_>], k: usize) -> bool {
    let next = tokens.get(k + 1);
    place_len_at(rules, tokens, k).is_none()
        && next.is_some_and(|t| {
            t.is_word() && !t.is_capitalized() && !NOT_MODIFIERS.contains(&t.lower().as_ref())
        })
}

/// The place at `k`, unless an owner's 's follows it.
fn owned_place(rules: &RuleSet, tokens: &[Token<'_>], k: usize) -> Option<String> {
    let (place, n) = place_len_at(rules, tokens, k)?;
    let owner = tokens
        .get(k + n)
        .is_some_and(|t| t.kind == TokenKind::Possessive);
    (!owner).then_some(place)
}

/// A place the vocabulary knows starting at `k`, as its canonical name:
/// a country (or a name folded into one: "Beijing" is China) or a
/// vocabulary place; another organisation is no place of a visit.
fn place_at(rules: &RuleSet, tokens: &[Token<'_>], k: usize) -> Option<String> {
    place_len_at(rules, tokens, k).map(|(p, _)| p)
}

/// [`place_at`] and how many tokens the place spans.
pub(super) fn place_len_at(
    rules: &RuleSet,
    tokens: &[Token<'_>],
    k: usize,
) -> Option<(String, usize)> {
    let lx = &rules.lexicon;
    let rest = tokens.get(k..)?;
    let joined = |n: usize| {
        let words: Vec<&str> = rest[..n].iter().map(|t| t.text).collect();
        canonical_place(lx, &words.join(" "))
    };
    if let Some(n) = crate::grammar::title::known_org_len(lx, rest) {
        let place = joined(n);
        if lx.countries.contains(&place) {
            return Some((place, n));
        }
    }
    let n = crate::patterns::matcher::known_place_len(lx, rest)?;
    Some((joined(n), n))
}

/// The nearest known place after in / to / visit… before the length, in
/// its sentence or the few before: where the article has put the visitor.
fn context_place(
    rules: &RuleSet,
    all: &[(Span, &[Token<'_>])],
    at: &Mention<'_, '_>,
) -> Option<String> {
    let here = std::iter::once(&at.tokens[..at.length.start]);
    let first = at.sentence.saturating_sub(SENTENCES_BACK);
    let before = all[first..at.sentence].iter().rev().map(|(_, ts)| *ts);
    // In each sentence, the nearest place word after in / to / visit…
    // decides: a place the vocabulary does not know ("to the United Arab
    // Emirates" when it is not listed) or an owner ("to Ukraine's rival
    // Russia") leaves the place unknown rather than taking an older one.
    for tokens in here.chain(before) {
        for k in (1..tokens.len()).rev() {
            let lead = tokens[k - 1].lower();
            let leads = matches!(lead.as_ref(), "in" | "to" | "visit" | "visiting" | "visits")
                || lead.starts_with("visited")
                || (lead == "for" && k >= 2 && departs(&tokens[k - 2]));
            let at = k + usize::from(tokens[k].lower() == "the");
            let capitalised = tokens.get(at).is_some_and(Token::is_capitalized);
            if leads && capitalised && !is_modifier(rules, tokens, at) {
                return owned_place(rules, tokens, at);
            }
        }
    }
    None
}

/// Verbs (or their last word) after which "for" names where one goes:
/// "departed for the United States", "left for Norway", "set off for".
const DEPARTURES: &[&str] = &[
    "left",
    "leaves",
    "leave",
    "leaving",
    "departed",
    "departs",
    "depart",
    "departing",
    "headed",
    "heads",
    "head",
    "heading",
    "bound",
    "off",
];

fn departs(t: &Token<'_>) -> bool {
    t.is_word() && DEPARTURES.contains(&t.lower().as_ref())
}

#[cfg(test)]
mod tests {
    /// (visitor, place, length) of the built-in visit-length mentions.
    fn visits(text: &str) -> Vec<(String, String, String)> {
        use crate::extract::reader_tests::{facts_of, text as slot};
        facts_of(text, None, super::PATTERN)
            .iter()
            .map(|f| (slot(f, "visitor"), slot(f, "place"), slot(f, "length")))
            .collect()
    }

    #[test]
    fn pronoun_visitor_and_written_place() {
        let got = visits(
            "President Jane Roe met the king of Norland on Saturday as she arrived after a two-day visit to Norway.",
        );
        assert_eq!(
            got,
            [("Jane Roe".into(), "Norway".into(), "two-day".into())]
        );
    }

    #[test]
    fn owner_and_place_from_context() {
        let got = visits(
            "President Jane Roe arrived in Norway on Monday. Oslo was the first stop on Roe's three-day tour of the country.",
        );
        assert_eq!(
            got,
            [("Jane Roe".into(), "Norway".into(), "three-day".into())]
        );
    }

    #[test]
    fn any_modifiers_and_place_earlier_in_sentence() {
        let got = visits(
            "President Jane Roe arrived in Norway on Wednesday for a 3-day official working visit to the Nordic nation.",
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "Jane Roe");
        assert_eq!(got[0].1, "Norway");
    }

    #[test]
    fn a_visit_in_hours() {
        // No rule pattern reads this sentence: the built-in reader does.
        let got = visits("President Jane Roe met the king during a five-hour visit to Norway.");
        assert_eq!(
            got,
            [("Jane Roe".into(), "Norway".into(), "five-hour".into())]
        );
        // Hours of a journey are the ride, not the visit.
        assert!(visits("President Jane Roe took a 10-hour train journey to Norway.").is_empty());
    }

    #[test]
    fn departed_for_a_place() {
        let got = visits(
            "President Jane Roe on Monday departed for Norway for a five-day state visit at the invitation of the king.",
        );
        assert_eq!(
            got,
            [("Jane Roe".into(), "Norway".into(), "five-day".into())]
        );
        // "for" alone names no destination.
        assert!(
            visits("President Jane Roe prepared for Norway's talks during a five-day visit.")
                .is_empty()
        );
    }

    #[test]
    fn people_met_with_are_no_visitors() {
        // The host met "with" is not the visitor; the pronoun's person is.
        let got = visits(
            "President Jane Roe flew in. In talks with Prime Minister John Doe and his counterpart Tom Coe during a five-hour visit to Norway, she spoke of trade.",
        );
        assert!(
            got.iter().all(|g| g.0 != "John Doe" && g.0 != "Tom Coe"),
            "{got:?}"
        );
        let got = visits(
            "President Jane Roe held talks with John Doe during a three-day visit to Norway.",
        );
        assert_eq!(
            got,
            [("Jane Roe".into(), "Norway".into(), "three-day".into())]
        );
    }

    #[test]
    fn the_country_is_the_country_just_named() {
        let got = visits(
            "President Jane Roe spoke. Shanghai was the first stop on Roe's three-day tour of the country that is Norland's main partner.",
        );
        assert_eq!(
            got,
            [("Jane Roe".into(), "China".into(), "three-day".into())]
        );
        // A nationality before a title is the person's, not the place.
        let got = visits(
            "Roe spoke of the 250th anniversary of China in 2026 to welcome Japanese Prime Minister Jane Roe, who is on a five-day official visit to the country.",
        );
        assert_eq!(
            got,
            [("Jane Roe".into(), "China".into(), "five-day".into())]
        );
    }

    #[test]
    fn the_visit_is_the_article_s_visit() {
        // "The visit" opening its clause: the person the article is about.
        let got = visits(
            "President Jane Roe flew to Norway. Roe met the king. The five-hour visit occurred on the sidelines of a summit.",
        );
        assert_eq!(
            got,
            [("Jane Roe".into(), "Norway".into(), "five-hour".into())]
        );
        // Only the people met are named before it.
        let got = visits(
            "President Jane Roe flew to Norway. Roe met the press. In meetings with Prime Minister John Doe during a five-hour visit, the visiting leader spoke of trade.",
        );
        assert_eq!(
            got,
            [("Jane Roe".into(), "Norway".into(), "five-hour".into())]
        );
        // A title alone is the clause's subject.
        let got = visits(
            "President Jane Roe spoke on Saturday. Roe smiled. The Chief Executive arrived in the capital after a 3-day trip to China.",
        );
        assert_eq!(got, [("Jane Roe".into(), "China".into(), "3-day".into())]);
        // Another subject is another visitor: not read.
        assert!(visits(
            "President Jane Roe spoke. Roe smiled. The king began a three-day visit to Norway."
        )
        .is_empty());
    }

    #[test]
    fn no_visitor_no_claim() {
        // No person and no pronoun: whose visit is not told.
        assert!(visits("A three-day visit to Norway was planned.").is_empty());
        // A place owns the visit: not a person.
        assert!(visits("Norway's three-day visit to Sweden began.").is_empty());
        // No length before the noun.
        assert!(visits("President Jane Roe began a visit to Norway.").is_empty());
    }
}
