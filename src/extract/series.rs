//! Ordinals of a person's series: which term of office, which visit to a
//! country, wherever a sentence tells them.
//!
//! ```text
//! mention   := owner? ordinal modifier{0,3} noun place? by-person? qualifier?
//! ordinal   := first … twelfth | 1st … 20th
//! noun      := term | mandate                      (series "term")
//!            | visit | trip | tour | journey       (series "visit")
//! owner     := a person's possessive ("Xi's third visit")
//!            | his / her (the person named before it in the clause,
//!              else the person the article names most)
//!            | a / an / the, the person then being the one after "by"
//!              ("the third visit to Vietnam by Xi Jinping") or the
//!              nearest named before it in the clause ("Xi Jinping was
//!              re-elected for a third term"), or for a pronoun ("he
//!              obtained a third term") the person the article names most
//! place     := to / of / in (the)? a known place ("visit to Vietnam"), or
//!              "abroad", or a foreign / overseas / international modifier
//! qualifier := since / after / following + taking office, re-election,
//!              the elections, the formation of the government … ("office")
//! ```
//!
//! One person's terms are one series, and one person's visits to one place
//! another: "a third consecutive term" and "for a second term" of one
//! person cannot both be right, nor "Xi's third visit to Vietnam" and "Xi's
//! second visit to Vietnam". What would make two true ordinals differ is
//! kept out of the key or not read:
//!
//! - a series anchored at another time ("his first visit since 2019", "the
//!   first in five years", "his second trip abroad this year") is not read:
//!   a first since a date is a date claim, and "since the war" counts from
//!   an event no key holds. A gap after an ordinal beyond the first ("his
//!   second visit after six years") anchors nothing and is read. The one
//!   anchor read is the person's taking office ("his first trip abroad
//!   since re-election", "the second foreign visit after the formation of
//!   the government"): it is part of the key, and such a trip with no place
//!   written is a trip abroad;
//! - a narrower kind of visit (a state, bilateral, standalone or working
//!   visit) is its own series: "his first state visit" and "his third visit"
//!   are both true;
//! - a term told as background ("in his first term", "during his second
//!   term") is a past term, not the present one, and a first term is read
//!   only so: never compared;
//! - a visit with no place and no anchor is not read ("her second trip").
//!
//! Claims fill the relation `series` (rules/events.yaml), compared by the
//! check `series-number-mismatch` over two months (a term or a visit to a
//! place is told long after), and trips abroad since taking office the
//! relation `trip-series`, compared over a week (the next trip abroad is
//! weeks away).

use crate::claim::{Claim, RelationClaim, SlotFill, SlotValue};
use crate::corpus::{DocId, Document};
use crate::grammar::token::{Token, TokenKind};
use crate::normalize::Surnames;
use crate::ruleset::RuleSet;
use crate::source::{one_line, Span};

use super::document::Sentences;
use super::visit;

/// The relation mentions fill (declared in `rules/events.yaml`): terms
/// and visits to a place.
pub const RELATION: &str = crate::rules::SERIES;

/// The relation trips abroad since taking office fill: another trip comes
/// within weeks, so they are compared over a shorter window.
pub const TRIPS: &str = crate::rules::TRIPS;

/// The pattern name mentions carry.
const PATTERN: &str = "series-mention";

/// The highest ordinal word read ("twelfth").
const LAST_ORDINAL_WORD: u32 = 12;

/// Modifiers that make a narrower kind of visit, a series of its own.
const NARROW: &[&str] = &[
    "state",
    "bilateral",
    "standalone",
    "working",
    "solo",
    "private",
];

/// Modifiers that send a visit abroad.
const ABROAD: &[&str] = &["foreign", "overseas", "international"];

/// Words before an ordinal that tell a past or another series' term
/// ("in his first term", "since his second term").
const BACKGROUND: &[&str] = &[
    "in",
    "during",
    "since",
    "throughout",
    "after",
    "before",
    "of",
    "until",
    "from",
];

/// Words of taking office after since / after / following.
const OFFICE_WORDS: &[&str] = &[
    "re-election",
    "reelection",
    "re-elected",
    "reelected",
    "election",
    "elections",
    "elected",
    "office",
    "sworn",
    "oath",
    "inauguration",
    "inaugurated",
    "formation",
    "government",
    "swearing-in",
    "victory",
];

/// Words of a term sought, offered or declined, not held ("seeking a
/// third term", "would reappoint him to a third term", "will not serve a
/// third term"): the term before it is the one held, so none is read.
const PLANS: &[&str] = &[
    "seek",
    "seeks",
    "seeking",
    "sought",
    "bid",
    "run",
    "runs",
    "running",
    "would",
    "will",
    "could",
    "may",
    "might",
    "not",
    "expected",
    "whether",
    "standing",
    "stand",
    "offer",
    "offered",
    "accept",
    "serve",
    "hopes",
    "hoping",
    "wants",
    "eyes",
    "eyeing",
    "plans",
    "likely",
    "odds",
    "chance",
    "campaign",
    "campaigning",
    "pursue",
    "possible",
    "potential",
    "eligible",
    "consider",
    "considering",
    "reappoint",
    "decision",
    "go",
    "win",
    "aims",
];

/// Words of a term obtained ("won a third term", "was re-elected for a
/// third term", "took oath for the third consecutive term"): a term told
/// with an article ("a", "the") is read only beside one of them.
const OBTAINED: &[&str] = &[
    "won",
    "wins",
    "secured",
    "secures",
    "obtained",
    "obtains",
    "began",
    "begins",
    "begun",
    "started",
    "starts",
    "sworn",
    "elected",
    "re-elected",
    "reelected",
    "re-election",
    "reelection",
    "took",
    "takes",
    "oath",
    "clinched",
    "entered",
    "enters",
    "embarked",
    "returned",
    "becoming",
    "became",
];

/// How many modifiers may stand between the ordinal and the noun.
const MODIFIERS: usize = 3;

/// How many words after since / after an office word may stand at.
const ANCHOR_REACH: usize = 8;

/// A series noun's class.
fn series_of(t: &Token<'_>) -> Option<&'static str> {
    if !t.is_word() {
        return None;
    }
    match t.lower().as_ref() {
        "term" | "mandate" => Some("term"),
        "visit" | "trip" | "tour" | "journey" => Some("visit"),
        _ => None,
    }
}

/// The ordinal a token writes ("third", "3rd"), with how many tokens it
/// spans ("3" "rd" is two when the tokenizer splits them).
fn ordinal_at(tokens: &[Token<'_>], k: usize) -> Option<(u32, usize)> {
    let t = tokens.get(k)?;
    let low = t.lower();
    // Ordinal words from the time grammar's table, first to twelfth.
    if let Some(n) =
        crate::temporal::lexicon::ordinal_unit(t.text).filter(|n| *n <= LAST_ORDINAL_WORD)
    {
        return Some((n, 1));
    }
    let digits_of = |s: &str| s.parse::<u32>().ok().filter(|n| (1..=20).contains(n));
    for suffix in ["st", "nd", "rd", "th"] {
        if let Some(n) = low.strip_suffix(suffix).and_then(digits_of) {
            return Some((n, 1));
        }
    }
    if t.kind == TokenKind::Number {
        let next = tokens.get(k + 1).map(|t| t.lower());
        if next.is_some_and(|s| matches!(s.as_ref(), "st" | "nd" | "rd" | "th")) {
            return digits_of(&low).map(|n| (n, 2));
        }
    }
    None
}

/// Every series ordinal of a document, as claims of [`RELATION`].
pub fn mentions(
    rules: &RuleSet,
    id: DocId,
    doc: &Document,
    people: &Surnames,
    sentences: &Sentences<'_>,
) -> Vec<Claim> {
    if !rules
        .relations
        .iter()
        .any(|r| r.id == RELATION || r.id == TRIPS)
    {
        return Vec::new();
    }
    let all: Vec<(Span, &[Token<'_>])> = sentences.iter().collect();
    let mut out = Vec::new();
    for (_, tokens) in &all {
        for i in 0..tokens.len() {
            let Some((ordinal, width)) = ordinal_at(tokens, i) else {
                continue;
            };
            let Some(m) = mention(rules, people, &all, tokens, i, ordinal, width) else {
                continue;
            };
            let relation = if m.office { TRIPS } else { RELATION };
            if rules.relations.iter().any(|r| r.id == relation) {
                out.push(claim(id, doc, tokens, &m, relation));
            }
        }
    }
    out
}

/// One read mention: its slots and where it stands.
struct Mention {
    person: (String, String),
    series: &'static str,
    place: Option<String>,
    narrow: Option<String>,
    office: bool,
    ordinal: u32,
    /// Token positions: the first (owner or ordinal) and the noun.
    first: usize,
    last: usize,
    ord_at: usize,
    ord_end: usize,
}

fn mention(
    rules: &RuleSet,
    people: &Surnames,
    all: &[(Span, &[Token<'_>])],
    tokens: &[Token<'_>],
    i: usize,
    ordinal: u32,
    width: usize,
) -> Option<Mention> {
    // The noun after up to three lower-case modifiers.
    let mut k = i + width;
    let mut modifiers = Vec::new();
    while series_of(tokens.get(k)?).is_none() {
        let t = &tokens[k];
        // A function word ends the phrase: "the first day of a visit" is
        // a day, not a visit.
        let function = visit::NOT_MODIFIERS.contains(&t.lower().as_ref());
        if modifiers.len() == MODIFIERS || !t.is_word() || t.is_capitalized() || function {
            return None;
        }
        modifiers.push(t.lower().into_owned());
        k += 1;
    }
    let noun = k;
    let series = series_of(&tokens[noun])?;
    let narrow: Vec<&str> = modifiers
        .iter()
        .map(String::as_str)
        .filter(|m| NARROW.contains(m))
        .collect();
    let narrow = (!narrow.is_empty()).then(|| narrow.join(" "));
    let abroad_modifier = modifiers.iter().any(|m| ABROAD.contains(&m.as_str()));
    // Before the ordinal, over up to two adjectives ("an unprecedented
    // third term"): an owner, a pronoun or an article.
    let mut d = i;
    while d > 0 && i - d < 2 && {
        let t = &tokens[d - 1];
        t.is_word()
            && !t.is_capitalized()
            && !visit::NOT_MODIFIERS.contains(&t.lower().as_ref())
            && !matches!(
                t.lower().as_ref(),
                "a" | "an" | "the" | "his" | "her" | "its"
            )
    } {
        d -= 1;
    }
    let before = d.checked_sub(1).map(|p| tokens[p].lower());
    let before2 = d.checked_sub(2).map(|p| tokens[p].lower());
    let background =
        |w: Option<&std::borrow::Cow<'_, str>>| w.is_some_and(|w| BACKGROUND.contains(&w.as_ref()));
    if series == "term" && (ordinal == 1 || background(before2.as_ref())) {
        return None;
    }
    if series == "term" && !held_term(tokens, d, before.as_deref()) {
        return None;
    }
    // After the noun: place, "by" person, qualifier.
    let mut after = noun + 1;
    let mut place = None;
    let mut written_place = false;
    if tokens.get(after).is_some_and(|t| t.lower() == "abroad") {
        place = Some("abroad".to_string());
        after += 1;
    }
    if series == "visit" && place.is_none() {
        if let Some((p, next)) = place_after(rules, tokens, after) {
            written_place = true;
            place = p;
            after = next;
        }
    }
    let by_person = by_person(rules, people, tokens, after);
    // "the first visit by a French president": a series of everyone who
    // held an office, not one person's.
    if by_person.is_none() && tokens.get(after).is_some_and(|t| t.lower() == "by") {
        return None;
    }
    if let Some((_, next)) = &by_person {
        after = *next;
        if series == "visit" && place.is_none() && !written_place {
            if let Some((p, next)) = place_after(rules, tokens, after) {
                written_place = true;
                place = p;
                after = next;
            }
        }
    }
    // A place written but unknown: whose series it is cannot be told.
    if written_place && place.is_none() {
        return None;
    }
    let office = match anchor(tokens, after, ordinal) {
        Anchor::None => false,
        Anchor::Office => true,
        Anchor::Other => return None,
    };
    if series == "visit" && place.is_none() && (abroad_modifier || office) {
        place = Some("abroad".to_string());
    }
    // A leader's trips abroad are counted from taking office ("his first
    // foreign trip" is his first as leader), written or not.
    let office = office || place.as_deref() == Some("abroad");
    if series == "visit" && place.is_none() {
        return None;
    }
    // Who: the owner, "by" someone, the clause's person, or a pronoun's.
    let owned = d
        .checked_sub(1)
        .is_some_and(|p| tokens[p].kind == TokenKind::Possessive);
    let (person, first) = if owned {
        let k = d.checked_sub(2)?;
        (visit::person_at(rules, people, tokens, k, &tokens[k])?, k)
    } else if let Some((p, _)) = by_person {
        (p, d.saturating_sub(1))
    } else if matches!(before.as_deref(), Some("his" | "her")) {
        let p = clause_person(rules, people, all, tokens, d - 1, true)
            .or_else(|| person_after(rules, people, tokens, d - 1, after))?;
        (p, d - 1)
    } else if matches!(before.as_deref(), Some("a" | "an" | "the")) {
        (
            clause_person(rules, people, all, tokens, d - 1, false)?,
            d - 1,
        )
    } else {
        return None;
    };
    Some(Mention {
        person,
        series,
        place,
        narrow,
        office,
        ordinal,
        first,
        last: after.saturating_sub(1).max(noun),
        ord_at: i,
        ord_end: i + width - 1,
    })
}

/// Whether a term before `i` is told as held: no word of a plan in its
/// clause, and, told with an article, a word of having obtained it.
fn held_term(tokens: &[Token<'_>], i: usize, before: Option<&str>) -> bool {
    let clause = tokens[..i]
        .iter()
        .rposition(|t| matches!(t.text, ";" | ":" | "|" | "."))
        .map_or(0, |k| k + 1);
    let words: Vec<String> = tokens[clause..i]
        .iter()
        .map(|t| t.lower().into_owned())
        .collect();
    if words.iter().any(|w| PLANS.contains(&w.as_str())) {
        return false;
    }
    let owned = matches!(before, Some("his" | "her"))
        || i.checked_sub(1)
            .is_some_and(|p| tokens[p].kind == TokenKind::Possessive);
    owned || words.iter().any(|w| OBTAINED.contains(&w.as_str()))
}

/// "to Vietnam", "of Russia", "in the United States" at `k`: the place
/// (`None` when a capitalised word follows that no vocabulary knows) and
/// the position after it; `None` when no place is written there.
fn place_after(rules: &RuleSet, tokens: &[Token<'_>], k: usize) -> Option<(Option<String>, usize)> {
    let prep = tokens.get(k)?.lower();
    if !matches!(prep.as_ref(), "to" | "of" | "in") {
        return None;
    }
    let mut at = k + 1;
    if tokens.get(at).is_some_and(|t| t.lower() == "the") {
        at += 1;
    }
    if !tokens.get(at).is_some_and(Token::is_capitalized) {
        return None;
    }
    match visit::place_len_at(rules, tokens, at) {
        Some((p, n)) => {
            let owned = tokens
                .get(at + n)
                .is_some_and(|t| t.kind == TokenKind::Possessive);
            Some(((!owned).then_some(p), at + n))
        }
        None => Some((None, at + 1)),
    }
}

/// "by Xi Jinping", "by PM Modi", "by the Chinese leader Xi Jinping":
/// the person after "by" (titles and lower-case words of a title passed),
/// and the position after the name.
fn by_person(
    rules: &RuleSet,
    people: &Surnames,
    tokens: &[Token<'_>],
    k: usize,
) -> Option<((String, String), usize)> {
    if tokens.get(k)?.lower() != "by" {
        return None;
    }
    for j in k + 1..(k + 7).min(tokens.len()) {
        let t = &tokens[j];
        if let Some(p) = visit::person_at(rules, people, tokens, j, t) {
            let mut end = j + 1;
            while tokens.get(end).is_some_and(|t| {
                t.is_capitalized()
                    && visit::person_at(rules, people, tokens, end, t) == Some(p.clone())
            }) {
                end += 1;
            }
            return Some((p, end));
        }
        if !(t.is_word() || t.text == ".") || matches!(t.lower().as_ref(), "and" | "or" | "to") {
            return None;
        }
    }
    None
}

/// What the series counts from, read after the noun phrase.
enum Anchor {
    /// Nothing: the person's whole series (or a gap: "second visit after
    /// six years").
    None,
    /// The person's taking office ("since re-election").
    Office,
    /// Another time or event: not read.
    Other,
}

fn anchor(tokens: &[Token<'_>], k: usize, ordinal: u32) -> Anchor {
    let Some(t) = tokens.get(k) else {
        return Anchor::None;
    };
    let low = t.lower();
    // "this year", "this month": a series of the year.
    if low == "this" || low == "so" {
        return Anchor::Other;
    }
    if !matches!(low.as_ref(), "since" | "after" | "following" | "in") {
        return Anchor::None;
    }
    let reach = &tokens[k + 1..(k + 1 + ANCHOR_REACH).min(tokens.len())];
    let clause_end = reach
        .iter()
        .position(|t| matches!(t.text, "," | ";" | "." | ":"))
        .unwrap_or(reach.len());
    let reach = &reach[..clause_end];
    if low != "in"
        && reach.iter().any(|t| {
            let w = t.lower();
            OFFICE_WORDS.contains(&w.as_ref())
                || w.starts_with("re-elect")
                || w.starts_with("reelect")
        })
    {
        return Anchor::Office;
    }
    // "after six years", "in nearly a quarter century": a gap, unless the
    // ordinal is a first (then it is "the first in nine years", a date
    // claim).
    let gap = reach.len() >= 2
        && (reach[0].kind == TokenKind::Number || crate::grammar::quantity::may_start(&reach[0]))
        && reach.iter().take(5).any(|t| {
            matches!(
                t.lower().as_ref(),
                "years" | "year" | "decades" | "decade" | "century" | "centuries" | "months"
            )
        });
    if gap && ordinal > 1 {
        return Anchor::None;
    }
    // "in" of another kind ("his second term in office", "his third visit
    // in June") tells no anchor; since / after do.
    if low == "in" && !gap {
        return Anchor::None;
    }
    Anchor::Other
}

/// The person of a clause before `at`: the nearest named before it (the
/// first one when a pronoun stands after them: "A met B as he began his
/// second term"), else, for a pronoun or an owner's his / her, the person
/// the article names most.
fn clause_person(
    rules: &RuleSet,
    people: &Surnames,
    all: &[(Span, &[Token<'_>])],
    tokens: &[Token<'_>],
    at: usize,
    owner_pronoun: bool,
) -> Option<(String, String)> {
    let clause = tokens[..at]
        .iter()
        .rposition(|t| matches!(t.text, ";" | ":" | "|"))
        .map_or(0, |k| k + 1);
    let named: Vec<(usize, (String, String))> = (clause..at)
        .filter_map(|k| Some((k, visit::person_at(rules, people, tokens, k, &tokens[k])?)))
        .collect();
    // "A congratulated his counterpart on a second term": the series is
    // the other person's, whom the clause does not name.
    let other = |from: usize| {
        tokens[from..at].iter().any(|t| {
            matches!(
                t.lower().as_ref(),
                "counterpart"
                    | "counterparts"
                    | "host"
                    | "guest"
                    | "successor"
                    | "predecessor"
                    | "rival"
            )
        })
    };
    if named.last().is_some_and(|(k, _)| other(*k)) {
        return None;
    }
    // "Roe praised Doe's visit as his first …": another owner between
    // them; "As he met Doe on his first trip, Roe …": the pronoun is
    // another's, named later.
    let between = |from: usize, f: &dyn Fn(&Token<'_>) -> bool| tokens[from..at].iter().any(f);
    if let Some((k, _)) = named.last() {
        if between(k + 1, &|t| t.kind == TokenKind::Possessive) {
            return None;
        }
    }
    if let Some((k, _)) = named.first() {
        let pronoun = |t: &Token<'_>| matches!(t.lower().as_ref(), "he" | "she" | "his" | "her");
        if tokens[clause..*k].iter().any(pronoun) {
            return None;
        }
    }
    let named: Vec<(String, String)> = named.into_iter().map(|(_, p)| p).collect();
    let mut distinct: Vec<&(String, String)> = Vec::new();
    for p in &named {
        if !distinct.contains(&p) {
            distinct.push(p);
        }
    }
    let pronoun = owner_pronoun
        || tokens[clause..at]
            .iter()
            .any(|t| matches!(t.lower().as_ref(), "he" | "she"));
    match distinct.as_slice() {
        [one] => Some((*one).clone()),
        // "his" with no one named before: the person named after it in
        // the sentence, else the article's.
        [] if owner_pronoun => None,
        [] if pronoun => visit::main_person(rules, people, all),
        // Two people: whose series is not told.
        _ => None,
    }
}

/// For "his" / "her" with no one named before it in the clause: the
/// first person named after the mention in its sentence ("During his
/// second visit to Norland, President Jane Roe …"). `None` when the
/// clause before names someone (then [`clause_person`] has said no) or
/// no one follows.
fn person_after(
    rules: &RuleSet,
    people: &Surnames,
    tokens: &[Token<'_>],
    at: usize,
    after: usize,
) -> Option<(String, String)> {
    let clause = tokens[..at]
        .iter()
        .rposition(|t| matches!(t.text, ";" | ":" | "|"))
        .map_or(0, |k| k + 1);
    if (clause..at).any(|k| visit::person_at(rules, people, tokens, k, &tokens[k]).is_some()) {
        return None;
    }
    // Only an opening phrase ("During his …,") speaks of the subject to
    // come; "the president will end his first visit with a meeting with
    // Jane Roe" names someone else after it.
    if at > clause + 2 {
        return None;
    }
    (after..tokens.len()).find_map(|k| visit::person_at(rules, people, tokens, k, &tokens[k]))
}

fn claim(id: DocId, doc: &Document, tokens: &[Token<'_>], m: &Mention, relation: &str) -> Claim {
    let span = Span {
        start: tokens[m.first].start,
        end: tokens[m.last].end,
    };
    let ord_span = Span {
        start: tokens[m.ord_at].start,
        end: tokens[m.ord_end].end,
    };
    let text = |s: Span| one_line(&doc.text[s.start..s.end]);
    let (name, key) = m.person.clone();
    let value = f64::from(m.ordinal);
    let mut slots = vec![
        SlotFill {
            slot: "person".into(),
            text: name.clone(),
            value: SlotValue::Person {
                key: key.clone(),
                name: name.clone(),
            },
        },
        SlotFill {
            slot: "series".into(),
            text: m.series.into(),
            value: SlotValue::Text {
                folded: m.series.into(),
            },
        },
        SlotFill {
            slot: "ordinal".into(),
            text: text(ord_span),
            value: SlotValue::Quantity {
                low: value,
                high: Some(value),
                low_open: false,
                high_open: false,
            },
        },
    ];
    if let Some(place) = &m.place {
        slots.push(SlotFill {
            slot: "place".into(),
            text: place.clone(),
            value: SlotValue::Text {
                folded: place.to_lowercase(),
            },
        });
    }
    if let Some(kind) = &m.narrow {
        slots.push(SlotFill {
            slot: "kind".into(),
            text: kind.clone(),
            value: SlotValue::Text {
                folded: kind.clone(),
            },
        });
    }
    if m.office {
        slots.push(SlotFill {
            slot: "since".into(),
            text: "office".into(),
            value: SlotValue::Text {
                folded: "office".into(),
            },
        });
    }
    Claim::from(RelationClaim {
        doc: id,
        span,
        subject: name.into(),
        subject_key: key.into(),
        subject_resolved: true,
        value: text(ord_span).into(),
        value_span: ord_span,
        pattern: PATTERN,
        relation: relation.into(),
        slots,
    })
}

#[cfg(test)]
mod tests {
    /// (person, series, place, since, ordinal) of the series mentions.
    fn series(text: &str) -> Vec<(String, String, String, String, String)> {
        use crate::extract::reader_tests::{facts_of, text as slot};
        facts_of(text, None, super::PATTERN)
            .iter()
            .map(|f| {
                (
                    slot(f, "person"),
                    slot(f, "series"),
                    slot(f, "place"),
                    slot(f, "since"),
                    slot(f, "ordinal"),
                )
            })
            .collect()
    }

    fn one(
        p: &str,
        s: &str,
        place: &str,
        since: &str,
        o: &str,
    ) -> (String, String, String, String, String) {
        (p.into(), s.into(), place.into(), since.into(), o.into())
    }

    #[test]
    fn owner_ordinal_visit_to_a_place() {
        assert_eq!(
            series("President Jane Roe landed. It is Roe's third visit to Norway."),
            [one("Jane Roe", "visit", "Norway", "", "third")]
        );
        // A gap after a second is no anchor.
        assert_eq!(
            series(
                "President Jane Roe landed. This was Roe's second visit to Norway after six years."
            ),
            [one("Jane Roe", "visit", "Norway", "", "second")]
        );
    }

    #[test]
    fn by_a_person() {
        assert_eq!(
            series("It is the third visit to Norway by President Jane Roe as head of state."),
            [one("Jane Roe", "visit", "Norway", "", "third")]
        );
    }

    #[test]
    fn terms_of_the_clause_person() {
        assert_eq!(
            series("Jane Roe was re-elected for a third consecutive term as president."),
            [one("Jane Roe", "term", "", "", "third")]
        );
        assert_eq!(
            series("President Jane Roe spoke. Roe smiled. He obtained an unprecedented third term last month."),
            [one("Jane Roe", "term", "", "", "third")]
        );
        // A term sought, offered or declined is not the one held.
        assert!(series("Jane Roe is seeking re-election for a third term.").is_empty());
        assert!(series(
            "It is unclear whether the president would reappoint Jane Roe to a third term."
        )
        .is_empty());
        assert!(series("Jane Roe, 60, will not serve a third term as chairman.").is_empty());
        // A past term is background; a first term is not read.
        assert!(series("Jane Roe, who in her second term cut taxes, spoke.").is_empty());
        assert!(series("Jane Roe began her first term.").is_empty());
    }

    #[test]
    fn trips_since_taking_office() {
        assert_eq!(
            series("It is Jane Roe's first trip abroad after being reelected in June."),
            [one("Jane Roe", "visit", "abroad", "office", "first")]
        );
        assert_eq!(
            series("This is the second foreign visit by Prime Minister Jane Roe after the formation of the new government."),
            [one("Jane Roe", "visit", "abroad", "office", "second")]
        );
    }

    #[test]
    fn anchored_elsewhere_or_unplaced_is_not_read() {
        // A first since a date is a date claim.
        assert!(series("It is Jane Roe's first visit to Norway since 2019.").is_empty());
        assert!(series("It is Jane Roe's first visit to Norway in five years.").is_empty());
        assert!(series("It is Jane Roe's second trip abroad this year.").is_empty());
        // No place, no anchor: which series is not told.
        assert!(series("It is Jane Roe's second trip.").is_empty());
        // Two people in the clause: whose is not told.
        assert!(series("Jane Roe met John Doe on a third visit to Norway.").is_empty());
    }

    #[test]
    fn whose_series_is_read_with_care() {
        // "his" before the name: the person named after it.
        assert_eq!(
            series("During his second visit to Norway, President Jane Roe met the king."),
            [one("Jane Roe", "visit", "Norway", "", "second")]
        );
        // "his" inside a clause: the person named after is another.
        assert!(series(
            "The visiting president will end his first official visit to Norway with a meeting with the king, Jane Roe."
        )
        .is_empty());
        // Another owner between the person and "his".
        assert!(series(
            "John Doe praised Prime Minister Roe's visit, as it will mark his first visit to Norway since assuming office."
        )
        .is_empty());
        // A pronoun before the one named is someone else's.
        assert!(series(
            "As he meets President John Doe on his first international trip since taking office, Prime Minister Jane Roe smiled."
        )
        .is_empty());
        // A category's series ("by a French president"), a day of a
        // visit, a first in a span of time.
        assert!(series(
            "Jane Roe began the first state visit to Norway by a French president in 24 years."
        )
        .is_empty());
        assert!(series("Jane Roe spoke on the second day of her trip to Norway.").is_empty());
        assert!(series(
            "During his first visit to Norway in nearly a quarter century, President Jane Roe met the king."
        )
        .is_empty());
    }

    #[test]
    fn a_state_visit_is_its_own_kind() {
        let got = series("It is Jane Roe's first state visit to Norway.");
        assert_eq!(got.len(), 1);
        let facts = crate::extract::reader_tests::facts_of(
            "It is Jane Roe's first state visit to Norway.",
            None,
            super::PATTERN,
        );
        assert_eq!(
            crate::extract::reader_tests::text(&facts[0], "kind"),
            "state"
        );
    }
}
