//! Event mentions: a once-only event told with its date, anchored on a
//! word of a closed class, whatever the sentence around it.
//!
//! ```text
//! mention := actor? anchor object? … date        "Moscow withdrew from the deal in June"
//!          | date … actor anchor object?          "On July 17, Russia pulled out of the deal"
//!          | actor 's anchor object? … date       "Russia's withdrawal from the deal on July 17"
//!          | the anchor of actor … date           "the collapse of the Key Bridge on March 26"
//! anchor  := exit | collapse | crash | resignation | death   (see CLASSES)
//!          | arrival                          "Jane Roe landed in Oslo on Tuesday"
//! actor   := capitalised words (a person, place or organisation) | a noun
//! object  := (from | of | out of) (the|a|its|their)? words → its last word
//!          | "from which": the noun before the comma
//! ```
//!
//! The classes are events that happen to one actor once: a country
//! leaves an agreement once, a bridge collapses once, a person resigns or
//! dies once. So two outlets that date one actor's event of one class
//! differently cannot both be right ("the deal, from which Moscow
//! withdrew in June" against "Russia pulled out of the deal on July 17").
//! Repeatable events (meetings, visits, calls, suspensions, signings) are
//! not read here: one actor has many of them, and no key tells two apart.
//!
//! Arrivals are the exception a key makes once-only: a person arrives in
//! one named place once on one trip, so "Roe arrived in Oslo on
//! Tuesday" against "Roe landed in Oslo on Wednesday" cannot both be
//! right. They fill their own relation ([`ARRIVAL`]), checked within
//! days rather than weeks (a trip is days long), keyed by the person
//! (a surname resolved to the article's full name, a title before it
//! dropped) and the place after in / at, folded as the event patterns
//! fold it (a capital is its country; another city is another place).
//!
//! Mentions of two outlets meet by the event class, the actor (a name
//! folded through the vocabulary: "Moscow" is Russia) and the object's
//! head noun (agreement nouns folded into one: deal, accord, pact …), not
//! by the wording. The date is the clause's date resolved against the
//! article's date ("last month", "on Tuesday"). Plans are not events:
//! a modal or "to" before the anchor ("will withdraw", "threatened to
//! quit") makes no mention, nor a date introduced by since, until,
//! before, after or by (it dates something else).

use crate::claim::{Claim, DateClaim, RelationClaim, SlotFill, SlotValue};
use crate::corpus::{DocId, Document};
use crate::grammar::token::Token;
use crate::normalize::Surnames;
use crate::ruleset::RuleSet;
use crate::source::{one_line, Span};

use super::document::Sentences;
use super::relation::place_name;

/// The relation event mentions fill (declared in `rules/events.yaml`);
/// without its declaration (`--no-default-rules`) none are made.
pub const RELATION: &str = crate::rules::EVENT_MENTION;

/// The relation arrivals fill (declared in `rules/events.yaml`).
pub const ARRIVAL: &str = crate::rules::ARRIVAL;

/// The pattern name mentions carry.
const PATTERN: &str = "event-mention";

/// The anchor words: (word, class, is a noun). Verbs in every form a
/// report uses; a passive participle ("was withdrawn") is not listed, its
/// subject is what was withdrawn.
const CLASSES: &[(&str, &str, bool)] = &[
    ("withdraw", "exit", false),
    ("withdrew", "exit", false),
    ("withdraws", "exit", false),
    ("withdrawing", "exit", false),
    ("withdrawal", "exit", true),
    ("quit", "exit", false),
    ("quits", "exit", false),
    ("exited", "exit", false),
    ("collapse", "collapse", true),
    ("collapsed", "collapse", false),
    ("collapses", "collapse", false),
    ("collapsing", "collapse", false),
    ("crash", "crash", true),
    ("crashed", "crash", false),
    ("crashes", "crash", false),
    ("collided", "crash", false),
    ("collision", "crash", true),
    ("resign", "resignation", false),
    ("resigned", "resignation", false),
    ("resigns", "resignation", false),
    ("resignation", "resignation", true),
    ("died", "death", false),
    ("dies", "death", false),
    // A bare "arrive" or "land" follows a modal or "to" (a plan) or is
    // a noun ("land"); the progressive is most often a schedule.
    ("arrived", "arrival", false),
    ("arrives", "arrival", false),
    ("landed", "arrival", false),
    ("lands", "arrival", false),
    ("arrival", "arrival", true),
    // An invasion is an invader's once-only event: "Russia's February
    // 2022 invasion", "Russia launched its full-scale invasion in
    // February 2022", "Russia invaded Ukraine on February 24, 2022".
    ("invasion", "invasion", true),
    ("invaded", "invasion", false),
    ("invades", "invasion", false),
    // An arrest warrant is issued once for one person: "the ICC issued a
    // warrant for his arrest in March 2023". Only with "arrest" beside
    // it (a share warrant is no event): see `wanted`.
    ("warrant", "warrant", true),
];

/// "touched down", "touches down": the two-word arrival.
const TOUCH: &[&str] = &["touched", "touches"];

/// "pull out", "pulled out": the two-word exit.
const PULL: &[&str] = &["pull", "pulled", "pulls", "pulling"];

/// Nouns that name one agreement, whichever an outlet uses.
const AGREEMENT_NOUNS: &[&str] = &[
    "deal",
    "agreement",
    "accord",
    "pact",
    "treaty",
    "initiative",
    "arrangement",
];

/// Words before an anchor that make it a plan, not an event.
const PLAN_WORDS: &[&str] = &[
    "will", "would", "could", "may", "might", "to", "should", "shall", "must", "can", "cannot",
    "not", "never",
];

/// Words between an actor and its verb ("Russia had withdrawn").
const AUXILIARIES: &[&str] = &[
    "had",
    "has",
    "have",
    "was",
    "were",
    "is",
    "did",
    "already",
    "later",
    "then",
    "also",
    "finally",
    "formally",
    "officially",
    "abruptly",
    "eventually",
    "effectively",
    "partially",
    "itself",
    "subsequently",
];

/// Words before a date that make it date something else.
const OTHER_DATE_WORDS: &[&str] = &[
    "since", "until", "till", "before", "after", "by", "from", "through", "ahead", "prior",
];

/// How far (in tokens) a date may be from its anchor in one clause.
const DATE_REACH: usize = 10;

/// How far after "of" a name may end ("the resignation of Communist
/// Party chief Hu Yaobang").
const NAME_REACH: usize = 8;

/// Words that start another clause between an anchor and a date: the
/// date then tells of something else ("withdrew from the package agreed
/// last night", "the demand for his resignation came last night").
const CLAUSE_WORDS: &[&str] = &[
    "that",
    "which",
    "who",
    "whose",
    "when",
    "where",
    "while",
    "because",
    "and",
    "but",
    "unless",
    "if",
    "said",
    "says",
    "say",
    "came",
    "comes",
    "is",
    "was",
    "were",
    "are",
    "has",
    "had",
    "have",
    "be",
    "been",
    "will",
    "would",
    "seen",
    "made",
    "following",
];

/// How far back the actor may be.
const ACTOR_REACH: usize = 6;

/// How many sentences back a pronoun's person may be named.
const ANAPHOR_REACH: usize = 3;

/// Pronouns that stand for one person as the subject of an arrival ("as
/// he arrived") or the owner of one ("upon her arrival").
const PERSON_PRONOUNS: &[&str] = &["he", "she", "his", "her"];

/// Adverbs and particles between a subject and its verb that are no
/// part of either ("Roe secretly arrived", "Roe first landed"): besides
/// these, any lower-case word of five letters or more ending in -ly.
const VERB_ADVERBS: &[&str] = &["first", "just", "earlier", "now", "again", "finally"];

/// Nouns that describe a place before its name ("the capital Kyiv", "the
/// Japanese city of Hiroshima", "the Black Sea resort of Sochi"): the
/// place is the name after them, not the words before.
const PLACE_NOUNS: &[&str] = &[
    "capital",
    "city",
    "town",
    "port",
    "resort",
    "village",
    "region",
    "province",
    "state",
    "county",
    "island",
    "district",
    "prefecture",
];

/// Every event mention of a document, as claims of [`RELATION`].
pub fn mentions(
    rules: &RuleSet,
    id: DocId,
    doc: &Document,
    dates: &[DateClaim],
    people: &Surnames,
    sentences: &Sentences<'_>,
) -> Vec<Claim> {
    if !rules.relations.iter().any(|r| r.id == RELATION) {
        return Vec::new();
    }
    let declared = |name: &str| rules.relations.iter().any(|r| r.id == name);
    let (events, arrivals) = (declared(RELATION), declared(ARRIVAL));
    let mut out = Vec::new();
    // The sentences before each one: where a pronoun's person is named.
    let told: Vec<(Span, &[Token<'_>])> = sentences.iter().collect();
    for (n, &(span, tokens)) in told.iter().enumerate() {
        let before = &told[n.saturating_sub(ANAPHOR_REACH)..n];
        for i in 0..tokens.len() {
            let Some(anchor) = anchor_at(tokens, i) else {
                continue;
            };
            let at = (span, tokens, &anchor);
            let claim = if anchor.class == "arrival" {
                arrivals
                    .then(|| arrival(rules, id, doc, dates, people, before, at))
                    .flatten()
            } else {
                let context = (dates, people, sentences, before);
                events
                    .then(|| mention(rules, id, doc, context, at))
                    .flatten()
            };
            out.extend(claim);
        }
    }
    out
}

/// An anchor word at a token: its class, whether it is a noun, and the
/// tokens it spans.
struct Anchor {
    class: &'static str,
    noun: bool,
    at: usize,
    end: usize,
}

/// Every anchor word ([`CLASSES`], [`PULL`], [`TOUCH`]) with its class:
/// one lookup a token, most of which are no anchor.
static ANCHOR_WORDS: std::sync::LazyLock<
    rustc_hash::FxHashMap<&'static str, (&'static str, bool)>,
> = std::sync::LazyLock::new(|| {
    let mut words: rustc_hash::FxHashMap<&str, (&str, bool)> = CLASSES
        .iter()
        .map(|&(w, class, noun)| (w, (class, noun)))
        .collect();
    for &w in PULL {
        words.insert(w, ("exit", false));
    }
    for &w in TOUCH {
        words.insert(w, ("arrival", false));
    }
    words
});

fn anchor_at(tokens: &[Token<'_>], i: usize) -> Option<Anchor> {
    let t = tokens.get(i).filter(|t| t.is_word())?;
    // No anchor is shorter than four letters or longer than eleven.
    if !(4..=11).contains(&t.text.len()) {
        return None;
    }
    let low = t.lower();
    let &(class, noun) = ANCHOR_WORDS.get(low.as_ref())?;
    if PULL.contains(&low.as_ref()) || TOUCH.contains(&low.as_ref()) {
        let (class, particle) = if PULL.contains(&low.as_ref()) {
            ("exit", "out")
        } else {
            ("arrival", "down")
        };
        let two = tokens.get(i + 1).is_some_and(|n| n.lower() == particle);
        return two.then_some(Anchor {
            class,
            noun: false,
            at: i,
            end: i + 2,
        });
    }
    Some(Anchor {
        class,
        noun,
        at: i,
        end: i + 1,
    })
}

fn is_anchor(tokens: &[Token<'_>], i: usize) -> bool {
    anchor_at(tokens, i).is_some()
}

/// A clause boundary: punctuation other than a possessive, a hyphen or
/// a comma (commas set off dates: "On July 17, Russia withdrew").
fn is_boundary(t: &Token<'_>) -> bool {
    t.kind == crate::grammar::token::TokenKind::Punct
        && !matches!(t.text, "," | "-" | "'" | "’" | "\"" | "“" | "”")
}

#[allow(clippy::too_many_arguments)]
fn mention(
    rules: &RuleSet,
    id: DocId,
    doc: &Document,
    (dates, people, sentences, before): Context<'_, '_>,
    (sentence, tokens, anchor): (Span, &[Token<'_>], &Anchor),
) -> Option<Claim> {
    if is_plan(tokens, anchor.at) {
        return None;
    }
    // "the anniversary of the invasion on February 24" dates the
    // anniversary, not the event.
    let told_back = &tokens[anchor.at.saturating_sub(4)..anchor.at];
    if is_anchored(anchor)
        && told_back
            .iter()
            .any(|t| t.lower().starts_with("anniversar"))
    {
        return None;
    }
    let (actor, actor_key) = match anchor.class {
        "invasion" => invader(rules, doc, dates, people, sentences, tokens, anchor)?,
        "warrant" => wanted(rules, people, before, tokens, anchor)?,
        _ => actor(rules, doc, people, sentences, tokens, anchor)?,
    };
    // People and organisations resign, die and leave agreements; a
    // lower-case actor ("the bill dies", "the public withdrew cash") is a
    // thing, which only collapses or crashes.
    let thing = actor.chars().next().is_some_and(char::is_lowercase);
    if thing && !matches!(anchor.class, "collapse" | "crash") {
        return None;
    }
    // Only leaving has an object that tells two events apart (one
    // country leaves several agreements); "the collapse of the bridge"
    // names the actor.
    let object = (anchor.class == "exit")
        .then(|| object(tokens, anchor))
        .flatten();
    // Leaving is leaving something: "withdrew cash", "withdrew its
    // proposal" are no exit.
    if anchor.class == "exit" && object.is_none() {
        return None;
    }
    let date = clause_date(dates, sentence, tokens, anchor)?;
    let value = past_reading(doc, date, tokens, anchor)?;
    let anchor_span = anchor_span(tokens, anchor);
    let anchor_text = one_line(&doc.text[anchor_span.start..anchor_span.end]);
    let mut slots = vec![
        text_fill("actor", actor.clone(), actor_key.clone()),
        text_fill("class", anchor.class.into(), anchor.class.into()),
        text_fill("anchor", anchor_text.clone(), anchor_text.to_lowercase()),
    ];
    if let Some(o) = object {
        slots.push(text_fill("object", o.clone(), o));
    }
    let dated = Dated {
        anchor_span,
        date,
        value,
    };
    Some(dated.claim(doc, id, (actor, actor_key, true), RELATION, slots))
}

/// What a mention reads besides its sentence: the document's dates, its
/// people, its sentences and the few sentences before the mention's.
type Context<'a, 't> = (
    &'a [DateClaim],
    &'a Surnames,
    &'a Sentences<'t>,
    &'a [(Span, &'a [Token<'t>])],
);

/// Words between an invader's possessive (or "its") and the noun
/// "invasion": "Russia's full-scale invasion", "its all-out invasion".
const INVASION_MODIFIERS: &[&str] = &[
    "full",
    "scale",
    "full-scale",
    "all",
    "out",
    "all-out",
    "large",
    "military",
    "unprovoked",
    "illegal",
    "brutal",
    "ongoing",
    "initial",
];

/// Verbs that start an invasion told as a noun: "Russia launched its
/// invasion".
const INVASION_VERBS: &[&str] = &["launched", "began", "started", "unleashed", "mounted"];

/// The invader of an invasion: for the verb, the name before it ("Russia
/// invaded"); for the noun, its owner, a date and modifiers passed
/// ("Russia's March 2022 invasion", "the Russian invasion"), or the
/// subject of the verb that launched it ("Russia launched its full-scale
/// invasion"). "The invasion of Ukraine" names the invaded, not the
/// invader: no mention (the invaded is no key another outlet's "Russia's
/// invasion" meets).
fn invader(
    rules: &RuleSet,
    doc: &Document,
    dates: &[DateClaim],
    people: &Surnames,
    sentences: &Sentences<'_>,
    tokens: &[Token<'_>],
    anchor: &Anchor,
) -> Option<(String, String)> {
    if !anchor.noun {
        return actor(rules, doc, people, sentences, tokens, anchor);
    }
    let modifier =
        |t: &Token<'_>| t.is_punct("-") || INVASION_MODIFIERS.contains(&t.lower().as_ref());
    let mut k = skip_back(tokens, anchor.at, modifier);
    k = skip_date_back(dates, tokens, k);
    k = skip_back(tokens, k, modifier);
    let before = tokens.get(k.checked_sub(1)?)?;
    if before.kind == crate::grammar::token::TokenKind::Possessive {
        return name_before(rules, doc, people, sentences, tokens, k - 1);
    }
    if matches!(before.lower().as_ref(), "its" | "their") {
        let verb = tokens.get(k.checked_sub(2)?)?;
        if !INVASION_VERBS.contains(&verb.lower().as_ref()) {
            return None;
        }
        let k = skip_back(tokens, k - 2, |t| AUXILIARIES.contains(&t.lower().as_ref()));
        return name_before(rules, doc, people, sentences, tokens, k);
    }
    // "the Russian invasion": a capitalised word before the noun.
    if before.is_capitalized() {
        return name_before(rules, doc, people, sentences, tokens, k)
            .filter(|(name, _)| name.chars().next().is_some_and(char::is_uppercase));
    }
    None
}

/// How far after "warrant" its "arrest" and the person may be ("a
/// warrant for the arrest of Jane Roe").
const WARRANT_REACH: usize = 6;

/// The person an arrest warrant is for: named after for / against / on
/// ("an arrest warrant for Jane Roe", "a warrant for the arrest of Jane
/// Roe", "against President Roe"), or a pronoun ("a warrant for his
/// arrest", "against him") standing for the one person named in full
/// before it in the sentence, else in the nearest sentence before that
/// names one. No warrant without "arrest" right before it or within a
/// few words after: a share warrant is no event.
fn wanted(
    rules: &RuleSet,
    people: &Surnames,
    before: &[(Span, &[Token<'_>])],
    tokens: &[Token<'_>],
    anchor: &Anchor,
) -> Option<(String, String)> {
    let after = &tokens[anchor.end..tokens.len().min(anchor.end + WARRANT_REACH)];
    let arrest = |t: &Token<'_>| t.lower() == "arrest";
    let cue =
        anchor.at.checked_sub(1).is_some_and(|p| arrest(&tokens[p])) || after.iter().any(arrest);
    if !cue {
        return None;
    }
    let prep = after
        .iter()
        .position(|t| matches!(t.lower().as_ref(), "for" | "against" | "on"))?;
    let rest = &after[prep + 1..];
    if rest
        .first()
        .is_some_and(|t| matches!(t.lower().as_ref(), "his" | "him" | "her"))
    {
        // The one person named before the warrant in its sentence, else
        // in the nearest sentence before that names one ("It was her
        // first trip since ... a warrant for her arrest").
        let only = |mut named: Vec<(String, String)>| (named.len() == 1).then(|| named.remove(0));
        let here = persons_named(rules, people, &tokens[..anchor.at]);
        if !here.is_empty() {
            return only(here);
        }
        return before
            .iter()
            .rev()
            .map(|&(_, tokens)| persons_named(rules, people, tokens))
            .find(|named| !named.is_empty())
            .and_then(only);
    }
    // The name ends the first run of capitalised words (a title before
    // it passed): "against President Jane Roe".
    let end = tokens.len().min(anchor.end + prep + 1 + NAME_REACH);
    let named = persons_named(rules, people, &tokens[anchor.end + prep + 1..end]);
    named.into_iter().next()
}

/// A slot of words: as written, and folded for comparison.
fn text_fill(slot: &str, text: String, folded: String) -> SlotFill {
    SlotFill {
        slot: slot.into(),
        text,
        value: SlotValue::Text { folded },
    }
}

/// The tokens of an anchor, as a span of the text.
fn anchor_span(tokens: &[Token<'_>], anchor: &Anchor) -> Span {
    Span {
        start: tokens[anchor.at].start,
        end: tokens[anchor.end - 1].end,
    }
}

/// An anchor's place and the date of its clause, resolved to `value`.
struct Dated<'d> {
    anchor_span: Span,
    date: &'d DateClaim,
    value: crate::temporal::TimeValue,
}

impl Dated<'_> {
    /// The claim of a mention or an arrival: its `slots`, then the date
    /// and, for messages, the days it resolves to (two outlets' "Tuesday"
    /// may be two days); its span runs from the anchor to the date.
    fn claim(
        &self,
        doc: &Document,
        id: DocId,
        (subject, subject_key, subject_resolved): (String, String, bool),
        relation: &str,
        mut slots: Vec<SlotFill>,
    ) -> Claim {
        let written = one_line(&doc.text[self.date.span.start..self.date.span.end]);
        slots.push(SlotFill {
            slot: "date".into(),
            text: written.clone(),
            value: SlotValue::Date {
                value: Some(self.value),
            },
        });
        if let Some(days) = self.value.inclusive_days() {
            let shown = resolved_days(days);
            slots.push(text_fill("day", shown.clone(), shown));
        }
        let span = Span {
            start: self.anchor_span.start.min(self.date.span.start),
            end: self.anchor_span.end.max(self.date.span.end),
        };
        Claim::from(RelationClaim {
            doc: id,
            span,
            subject: subject.into(),
            subject_key: subject_key.into(),
            subject_resolved,
            value: written.into(),
            value_span: self.date.span,
            pattern: PATTERN,
            relation: relation.into(),
            slots,
        })
    }
}

/// An arrival: a person (named before the verb, or owning the noun:
/// "Roe's arrival in Oslo") arriving in or at a named place, dated by the
/// clause. No claim without all three.
#[allow(clippy::too_many_arguments)]
fn arrival(
    rules: &RuleSet,
    id: DocId,
    doc: &Document,
    dates: &[DateClaim],
    people: &Surnames,
    before: &[(Span, &[Token<'_>])],
    (sentence, tokens, anchor): (Span, &[Token<'_>], &Anchor),
) -> Option<Claim> {
    if is_plan(tokens, anchor.at) {
        return None;
    }
    let (person, key) = arriving_person(rules, dates, people, before, tokens, anchor)?;
    let key = order_free(&key);
    let (place, place_key) = arrival_place(rules, doc, tokens, anchor)?;
    let time = arrival_clock(doc, tokens, anchor);
    // An arrival falls on a day: a date longer than a month beside it
    // dates something else ("lands in Shanghai, the first Australian PM
    // to visit China in seven years").
    let date = clause_date(dates, sentence, tokens, anchor).filter(|d| {
        d.value
            .and_then(|v| v.inclusive_days())
            .is_none_or(|(first, last)| (last - first).get_days() <= 31)
    });
    if date.is_none() && time.is_none() {
        return None;
    }
    let anchor_span = anchor_span(tokens, anchor);
    let anchor_text = one_line(&doc.text[anchor_span.start..anchor_span.end]);
    let mut slots = vec![
        SlotFill {
            slot: "person".into(),
            text: person.clone(),
            value: SlotValue::Person {
                key: key.clone(),
                name: person.clone(),
            },
        },
        text_fill("place", place, place_key),
        text_fill("anchor", anchor_text.clone(), anchor_text.to_lowercase()),
    ];
    let resolved = person.contains(' ');
    let subject = (person, key, resolved);
    if let Some(t) = &time {
        slots.push(t.fill());
    }
    let Some(date) = date else {
        // Told by the clock alone ("Roe landed in Oslo at 1:30 p.m."):
        // compared by the time, with the day of no one's reading.
        let t = time?;
        return Some(t.claim(id, anchor_span, subject, slots));
    };
    let value = past_reading(doc, date, tokens, anchor)?;
    let value = across_midnight(doc, tokens, date.span, value);
    let dated = Dated {
        anchor_span,
        date,
        value,
    };
    Some(dated.claim(doc, id, subject, ARRIVAL, slots))
}

/// A person's key with its words in one order: outlets write an East
/// Asian name in either order ("Fumio Kishida", "Kishida Fumio"), and an
/// arrival is one person's whichever they chose. Two people whose names
/// are the same words in another order are rare beside that.
fn order_free(key: &str) -> String {
    let mut words: Vec<&str> = key.split_whitespace().collect();
    words.sort_unstable();
    words.join(" ")
}

/// A time of day an arrival is told with, as written and as minutes after
/// midnight (an interval, hedges widening it: see `grammar::clock`).
struct Clocked {
    span: Span,
    written: String,
    minutes: (f64, f64),
}

impl Clocked {
    fn fill(&self) -> SlotFill {
        SlotFill {
            slot: "time".into(),
            text: self.written.clone(),
            value: SlotValue::Quantity {
                low: self.minutes.0,
                high: Some(self.minutes.1),
                low_open: false,
                high_open: false,
            },
        }
    }

    /// The claim of an arrival told by the clock alone: its span runs
    /// from the anchor to the time, its value the time.
    fn claim(
        self,
        id: DocId,
        anchor_span: Span,
        (subject, subject_key, subject_resolved): (String, String, bool),
        slots: Vec<SlotFill>,
    ) -> Claim {
        Claim::from(RelationClaim {
            doc: id,
            span: Span {
                start: anchor_span.start.min(self.span.start),
                end: anchor_span.end.max(self.span.end),
            },
            subject: subject.into(),
            subject_key: subject_key.into(),
            subject_resolved,
            value: self.written.into(),
            value_span: self.span,
            pattern: PATTERN,
            relation: ARRIVAL.into(),
            slots,
        })
    }
}

/// Time zones other than the local clock: a time written with one is
/// another clock's ("1945 GMT"), not compared with local times.
const ZONES: &[&str] = &[
    "gmt", "utc", "est", "edt", "et", "cet", "cest", "bst", "jst", "kst", "pst", "pdt", "cst",
    "cdt", "msk", "eet", "eest", "ist", "z",
];

/// The arrival's time of day: the first clock time after the anchor in
/// its clause, within [`DATE_REACH`] tokens ("landed in Oslo at 5:46
/// p.m.", "arrived in Kyiv around 8 a.m. local time", "touched down
/// shortly after 2 a.m. on Wednesday"), as `grammar::clock` reads it. A
/// time in another zone ("at 1945 GMT") is another clock: none; so is a
/// count of hours ("arrived 2 hours late").
fn arrival_clock(doc: &Document, tokens: &[Token<'_>], anchor: &Anchor) -> Option<Clocked> {
    let end = tokens.len().min(anchor.end + DATE_REACH);
    for j in anchor.end..end {
        let t = &tokens[j];
        let low = t.lower();
        if is_boundary(t) || (CLAUSE_WORDS.contains(&low.as_ref()) && low != "and") {
            return None;
        }
        let hedge = matches!(
            low.as_ref(),
            "around" | "about" | "approximately" | "roughly" | "just" | "shortly" | "after"
        );
        if t.kind != crate::grammar::token::TokenKind::Number && !hedge {
            continue;
        }
        let Some((n, minutes)) = crate::grammar::clock::clock(&tokens[j..]) else {
            continue;
        };
        let next = tokens.get(j + n).map(|t| t.lower());
        let other_clock = next.as_deref().is_some_and(|w| {
            ZONES.contains(&w) || matches!(w, "hours" | "hour" | "hrs" | "h" | "minutes")
        });
        if other_clock {
            return None;
        }
        let span = Span {
            start: tokens[j].start,
            end: tokens[j + n - 1].end,
        };
        let written = one_line(&doc.text[span.start..span.end]);
        return Some(Clocked {
            span,
            written,
            minutes,
        });
    }
    None
}

/// A day told with a night or the early hours ("late Tuesday", "Tuesday
/// night", "early Wednesday", "before dawn on Wednesday"), read also as
/// the next or the previous day: a traveller lands at one instant, which
/// is a day later or earlier in another time zone, and outlets date it by
/// their own clock without saying so ("Tuesday night" in Europe is "early
/// Wednesday" in Pyongyang). The other day is the value's `other`
/// reading, which a check takes as compatible too. An evening alone
/// ("Tuesday evening") is not widened: it ends before midnight where it
/// is told, and outlets date an arrival by the clock of the place
/// arrived in, so "on Tuesday evening" against "on Wednesday" is a
/// conflict.
fn across_midnight(
    doc: &Document,
    tokens: &[Token<'_>],
    span: Span,
    value: crate::temporal::TimeValue,
) -> crate::temporal::TimeValue {
    let Some((first, last)) = value.inclusive_days().filter(|(f, l)| f == l) else {
        return value;
    };
    // The date's words and the two before it ("in the early hours of").
    let at = tokens.partition_point(|t| t.start < span.start);
    let before = tokens[at.saturating_sub(2)..at].iter().map(|t| t.lower());
    let written = doc.text[span.start..span.end].to_lowercase();
    let words: Vec<String> = written
        .split(|c: char| !c.is_alphabetic())
        .map(str::to_string)
        .chain(before.map(|w| w.into_owned()))
        .collect();
    let has = |list: &[&str]| words.iter().any(|w| list.contains(&w.as_str()));
    let (from, to) = if has(&["night", "late", "midnight"]) {
        (first, last.tomorrow().ok())
    } else if has(&["early", "dawn", "overnight", "hours"]) {
        (first.yesterday().ok().unwrap_or(first), Some(last))
    } else {
        return value;
    };
    let Some(to) = to.and_then(|d| d.tomorrow().ok()) else {
        return value;
    };
    let midnight = |d: jiff::civil::Date| d.to_datetime(jiff::civil::time(0, 0, 0, 0));
    crate::temporal::TimeValue {
        other: Some((midnight(from), midnight(to))),
        ..value
    }
}

/// The person who arrives, as (full name, key), in whatever clause the
/// arrival is told:
///
/// ```text
/// person := name aux* date? aux* verb        "Roe, on Tuesday, secretly landed"
///         | name , who aux* date? verb       "Roe, who arrived on Tuesday,"
///         | name 's arrival                  "Roe's arrival in Oslo"
///         | (he | she) aux* verb             "as he arrived in Oslo"
///         | (his | her) arrival              "upon her arrival in Oslo"
///         | the words* title-head aux* verb  "the prime minister landed in Oslo"
/// ```
///
/// A name's last word is resolved to the one full name with that surname
/// the article gives, the words before it a title ("Prime Minister Roe")
/// or the rest of that name; or it is a bare surname the article never
/// spells out ([`bare_surname`]). A pronoun or a definite title stands
/// for the person the passage is about ([`passage_person`]).
fn arriving_person(
    rules: &RuleSet,
    dates: &[DateClaim],
    people: &Surnames,
    before: &[(Span, &[Token<'_>])],
    tokens: &[Token<'_>],
    anchor: &Anchor,
) -> Option<(String, String)> {
    let mut k = anchor.at;
    let between = |t: &Token<'_>| {
        let low = t.lower();
        AUXILIARIES.contains(&low.as_ref())
            || VERB_ADVERBS.contains(&low.as_ref())
            || (low.len() >= 5 && low.ends_with("ly") && !t.is_capitalized())
    };
    if anchor.noun {
        let owner = k.checked_sub(1).map(|p| &tokens[p]);
        if owner.is_some_and(|t| matches!(t.lower().as_ref(), "his" | "her")) {
            return passage_person(rules, people, before, &tokens[..k - 1]);
        }
        if !owner.is_some_and(|t| t.kind == crate::grammar::token::TokenKind::Possessive) {
            return None;
        }
        k -= 1;
    } else {
        k = skip_back(tokens, k, between);
        k = skip_date_back(dates, tokens, k);
        k = skip_back(tokens, k, between);
        // "Roe, who arrived on Tuesday,": the person is before the comma.
        if k >= 2 && tokens[k - 1].lower() == "who" && tokens[k - 2].is_punct(",") {
            k -= 2;
        }
        k = past_vehicle(tokens, k);
        k = past_companions(tokens, k);
        if k > 0 && PERSON_PRONOUNS[..2].contains(&tokens[k - 1].lower().as_ref()) {
            return passage_person(rules, people, before, &tokens[..k - 1]);
        }
        if let Some(the) = definite_title(rules, tokens, k) {
            return passage_person(rules, people, before, &tokens[..the]);
        }
    }
    k = past_country_of(rules, tokens, k);
    let mut start = k;
    while start > 0
        && k - start < 5
        && tokens[start - 1].is_capitalized()
        && !is_calendar_word(&tokens[start - 1])
    {
        start -= 1;
    }
    let run = tokens.get(start..k).filter(|r| !r.is_empty())?;
    let lx = &rules.lexicon;
    let title = |t: &Token<'_>| is_title_word(rules, t);
    if let Some(named) = named_in_full(people, run) {
        return Some(named);
    }
    let last = run[run.len() - 1].text;
    let (full, resolved) = people.resolve(last);
    if !resolved || !full.contains(' ') {
        // "the Republic arrived": a noun phrase, not a person.
        let determined = start
            .checked_sub(1)
            .is_some_and(|p| matches!(tokens[p].lower().as_ref(), "the" | "a" | "an" | "of"));
        return (!determined)
            .then(|| bare_surname(rules, people, run, &title))
            .flatten();
    }
    // The run's words from the end that are the full name's own; any
    // before them must be title words ("President", "Prime Minister").
    let own: Vec<&str> = full.split_whitespace().collect();
    let shared = run
        .iter()
        .rev()
        .zip(own.iter().rev())
        .take_while(|(t, w)| t.text == **w)
        .count();
    let titled = run[..run.len() - shared].iter().all(title);
    titled.then(|| (full.clone(), people.key(lx, &full)))
}

/// How far back a companion phrase may start ("and his wife, Kishida
/// Yuko,": eight tokens).
const COMPANION_REACH: usize = 9;

/// The position of "and" before a companion phrase ending at `k` — "Roe
/// and his wife Yuko arrived", "Roe and a delegation of business leaders
/// landed", "Roe and his spouse arrived": the person is the name before
/// "and" (the companions arrive with them); `k` when none ends there.
/// The phrase opens with a possessive or an article and holds words,
/// names and commas, no clause word.
fn past_companions(tokens: &[Token<'_>], k: usize) -> usize {
    let from = k.saturating_sub(COMPANION_REACH);
    let Some(and) = (from..k).rev().find(|&j| tokens[j].lower() == "and") else {
        return k;
    };
    let phrase = &tokens[and + 1..k];
    let opens = phrase.first().is_some_and(|t| {
        matches!(
            t.lower().as_ref(),
            "his" | "her" | "their" | "its" | "a" | "an" | "the"
        )
    });
    let plain = phrase
        .iter()
        .all(|t| (t.is_word() && !CLAUSE_WORDS.contains(&t.lower().as_ref())) || t.is_punct(","));
    if opens && plain && and > 0 {
        and
    } else {
        k
    }
}

/// The position before "of" and a country or place ending at `k` ("Prime
/// Minister Roe of Norway arrived"): the person's name ends there; `k`
/// when no known place ends at `k` after "of".
fn past_country_of(rules: &RuleSet, tokens: &[Token<'_>], k: usize) -> usize {
    let lx = &rules.lexicon;
    let Some(last) = k.checked_sub(1) else {
        return k;
    };
    // A place of one or two words ("Norway", "South Korea").
    (1..=2)
        .filter_map(|n| {
            let start = k.checked_sub(n)?;
            let of = start.checked_sub(1)?;
            let words = &tokens[start..=last];
            let written = words.iter().map(|t| t.text).collect::<Vec<_>>().join(" ");
            let low = written.to_lowercase();
            let known = words.iter().all(Token::is_capitalized)
                && (lx.countries.contains(written.as_str())
                    || lx
                        .orgs
                        .get(low.as_str())
                        .is_some_and(|o| lx.countries.contains(o.as_str()))
                    || lx.places.contains_key(low.as_str()));
            (known && tokens[of].lower() == "of").then_some(of)
        })
        .next()
        .unwrap_or(k)
}

/// What carries a person: "Roe's plane landed", "Roe's motorcade
/// arrived" tell Roe's arrival.
const VEHICLES: &[&str] = &[
    "plane",
    "airplane",
    "aircraft",
    "jet",
    "motorcade",
    "train",
    "convoy",
    "helicopter",
    "cortege",
];

/// The position of the possessive before a vehicle ending at `k` ("Roe's
/// plane", "Roe's official jet"): the owner's name ends there; `k` when
/// no owned vehicle ends at `k`.
fn past_vehicle(tokens: &[Token<'_>], k: usize) -> usize {
    let possessive = |p: usize| tokens[p].kind == crate::grammar::token::TokenKind::Possessive;
    let Some(v) = k.checked_sub(1) else {
        return k;
    };
    if !VEHICLES.contains(&tokens[v].lower().as_ref()) {
        return k;
    }
    // One plain word may describe the vehicle ("official", "private").
    match v.checked_sub(1) {
        Some(p) if possessive(p) => p,
        Some(p) if p > 0 && possessive(p - 1) && !tokens[p].is_capitalized() => p - 1,
        _ => k,
    }
}

/// Titles abbreviated before a name: "PM Modi", "PM Albanese" (the
/// abbreviation the South Asian and Australian press use) and the
/// honorifics "Mr Albanese", "Mr Kishida" (a period after them ends the
/// capitalised run, so "Mr. Kishida" reads "Kishida" alone).
const TITLE_ABBREVIATIONS: &[&str] = &["PM", "Mr", "Mrs", "Ms", "Dr"];

/// A title word, or the country or organisation a title is of
/// ("French President", "U.N. Secretary-General").
fn is_title_word(rules: &RuleSet, t: &Token<'_>) -> bool {
    let lx = &rules.lexicon;
    let low = t.lower();
    TITLE_ABBREVIATIONS.contains(&t.text)
        || lx.is_head(&low)
        || lx.modifiers.contains(low.as_ref())
        || lx.rank(&low).is_some()
        || lx.orgs.contains_key(low.as_ref())
}

/// A run ending in a full name the article gives as written, the words
/// before it title words or a country's ("Chinese President Xi Jinping",
/// where "Jinping" is no surname): the name and its key.
fn named_in_full(people: &Surnames, run: &[Token<'_>]) -> Option<(String, String)> {
    (2..=run.len().min(4)).rev().find_map(|n| {
        let tail = &run[run.len() - n..];
        let written = tail.iter().map(|t| t.text).collect::<Vec<_>>().join(" ");
        people.known(&written).map(|key| (written, key))
    })
}

/// "the prime minister", "The Chinese leader" ending right before `k`:
/// "the", up to two words, and a title head; the position of "the".
fn definite_title(rules: &RuleSet, tokens: &[Token<'_>], k: usize) -> Option<usize> {
    let head = tokens.get(k.checked_sub(1)?)?;
    if !rules.lexicon.is_head(&head.lower()) {
        return None;
    }
    (2..=4).find_map(|n| {
        let the = k.checked_sub(n)?;
        let words = &tokens[the + 1..k - 1];
        let plain = words
            .iter()
            .all(|t| t.is_word() && !is_calendar_word(t) && t.lower() != "of");
        (tokens[the].lower() == "the" && plain).then_some(the)
    })
}

/// The person a pronoun or a definite title stands for: the one person
/// named in full in the clause before it, else in the nearest of the
/// [`ANAPHOR_REACH`] sentences before that names anyone ("Roe spoke on
/// Tuesday. She arrived in Oslo"). Where that clause or sentence names
/// two people or more, the pronoun may be either ("Poe welcomed Roe as
/// he arrived"): none. A surname counts when the article resolves it to
/// one full name. A clause that names no one but speaks of people by
/// their titles ("The U.S. president greeted the South Korean president
/// … upon his arrival") leaves the pronoun to one of them: none; so
/// does one with an object pronoun ("Poe, who welcomed her as she
/// landed": the one named is not the one arriving).
fn passage_person(
    rules: &RuleSet,
    people: &Surnames,
    before: &[(Span, &[Token<'_>])],
    clause: &[Token<'_>],
) -> Option<(String, String)> {
    let only = |mut named: Vec<(String, String)>| (named.len() == 1).then(|| named.remove(0));
    if clause
        .iter()
        .any(|t| matches!(t.lower().as_ref(), "him" | "her" | "them"))
    {
        return None;
    }
    let here = persons_named(rules, people, clause);
    if !here.is_empty() {
        return only(here);
    }
    if clause.iter().any(|t| rules.lexicon.is_head(&t.lower())) {
        return None;
    }
    before
        .iter()
        .rev()
        .map(|&(_, tokens)| persons_named(rules, people, tokens))
        .find(|named| !named.is_empty())
        .and_then(only)
}

/// The people `tokens` name in full (a run of capitalised words ending in
/// a full name the article gives, or a surname it resolves to one), each
/// once, by key.
fn persons_named(
    rules: &RuleSet,
    people: &Surnames,
    tokens: &[Token<'_>],
) -> Vec<(String, String)> {
    let mut named: Vec<(String, String)> = Vec::new();
    let mut k = 0;
    while k < tokens.len() {
        if !tokens[k].is_capitalized() || is_calendar_word(&tokens[k]) {
            k += 1;
            continue;
        }
        let start = k;
        while k < tokens.len() && tokens[k].is_capitalized() && !is_calendar_word(&tokens[k]) {
            k += 1;
        }
        let run = &tokens[start..k];
        let person = named_in_full(people, run).or_else(|| {
            let (full, resolved) = people.resolve(run[run.len() - 1].text);
            (resolved && full.contains(' ')).then(|| {
                let key = people.key(&rules.lexicon, &full);
                (full, key)
            })
        });
        if let Some(p) = person.filter(|p| named.iter().all(|n| n.1 != p.1)) {
            named.push(p);
        }
    }
    named
}

/// A surname the article never spells out ("Roe arrived", "President
/// Roe landed"), as (surname, key): kept unresolved, for the check to
/// join with the one full name other articles give it
/// (`join_surnames`). Not when the article names someone of that surname
/// in full (then it is theirs, or ambiguous) nor for a known place or
/// organisation.
fn bare_surname(
    rules: &RuleSet,
    people: &Surnames,
    run: &[Token<'_>],
    title: &dyn Fn(&Token<'_>) -> bool,
) -> Option<(String, String)> {
    let (last, before) = run.split_last()?;
    let lx = &rules.lexicon;
    let low = last.lower();
    let known = lx.places.contains_key(low.as_ref())
        || lx.orgs.contains_key(low.as_ref())
        || lx.not_names.contains(low.as_ref())
        || lx.is_head(&low);
    if known || people.has_surname(last.text) || !before.iter().all(title) {
        return None;
    }
    Some((last.text.to_string(), low.into_owned()))
}

/// The position before the words ending at `k` that `skip` accepts.
fn skip_back(tokens: &[Token<'_>], mut k: usize, skip: impl Fn(&Token<'_>) -> bool) -> usize {
    while k > 0 && skip(&tokens[k - 1]) {
        k -= 1;
    }
    k
}

/// The position before a date that ends at `k` with its "on" and the
/// commas around it ("Roe, on Tuesday, arrived"); `k` when none does.
fn skip_date_back(dates: &[DateClaim], tokens: &[Token<'_>], k: usize) -> usize {
    let mut j = skip_back(tokens, k, |t| t.is_punct(","));
    let Some(end) = j.checked_sub(1).map(|p| tokens[p].end) else {
        return k;
    };
    // Dates are in text order: only the few starting before `end` can
    // end there (no scan of the document's dates per anchor).
    let before = dates.partition_point(|d| d.span.start < end);
    let Some(date) = dates[..before]
        .iter()
        .rev()
        .take(4)
        .find(|d| d.span.end == end)
    else {
        return k;
    };
    j = tokens.partition_point(|t| t.start < date.span.start);
    j = skip_back(tokens, j, |t| {
        matches!(t.lower().as_ref(), "on" | "early" | "late")
    });
    skip_back(tokens, j, |t| t.is_punct(","))
}

/// The place arrived in, as (written, key): the capitalised words after
/// in / at (a "the" skipped) — "arrived in New York", "landed at Sunan
/// Airport" — up to a weekday or month; a trailing abbreviation of up to
/// three capitals ("Washington DC") dropped from the key. The key is
/// the place folded as the event patterns fold it (aliases, and a
/// capital is its country: "arrived in Beijing" and "arrived in China"
/// are one arrival); another city is another place.
fn arrival_place(
    rules: &RuleSet,
    doc: &Document,
    tokens: &[Token<'_>],
    anchor: &Anchor,
) -> Option<(String, String)> {
    let mut k = anchor.end;
    if !tokens
        .get(k)
        .is_some_and(|t| matches!(t.lower().as_ref(), "in" | "at"))
    {
        return None;
    }
    k += 1;
    if tokens.get(k).is_some_and(|t| t.lower() == "the") {
        k += 1;
    }
    k = past_place_noun(tokens, k)?;
    let start = k;
    while tokens
        .get(k)
        .is_some_and(|t| t.is_capitalized() && !is_calendar_word(t) && k - start < 4)
    {
        k += 1;
    }
    let mut end = k;
    while end > start + 1 && is_abbreviation(&tokens[end - 1]) {
        end -= 1;
    }
    if end == start {
        return None;
    }
    let written = one_line(&doc.text[tokens[start].start..tokens[k - 1].end]);
    let keyed = Span {
        start: tokens[start].start,
        end: tokens[end - 1].end,
    };
    Some((written, arrival_key(rules, &doc.text, keyed)))
}

/// The key of an arrival's place: the place folded as the event
/// patterns fold it, a capital of the gazetteer (`vocabulary.cities`,
/// `capital: true`) folded into its country ("arrived in Belgrade" is
/// the arrival in Serbia, whatever older names the titles' vocabulary
/// gives the city).
fn arrival_key(rules: &RuleSet, text: &str, keyed: Span) -> String {
    let lx = &rules.lexicon;
    let written = one_line(&text[keyed.start..keyed.end]).to_lowercase();
    let country = lx
        .capital_cities
        .contains(written.as_str())
        .then(|| crate::normalize::title::city_country(lx, &written))
        .flatten();
    country.unwrap_or_else(|| place_name(rules, text, keyed).to_lowercase())
}

/// Past the words that describe a place before its name: "the capital
/// Kyiv", "the Serbian capital Belgrade", "the Japanese city of
/// Hiroshima" — up to three words (an adjective, a country's) then a
/// place noun and "of" — to the name's first word; `k` itself when no
/// place noun follows; none when one follows with no name after it
/// ("in the Hungarian capital on Wednesday": no place is named).
fn past_place_noun(tokens: &[Token<'_>], k: usize) -> Option<usize> {
    let noun = (k..tokens.len().min(k + 4)).find(|&j| {
        PLACE_NOUNS.contains(&tokens[j].lower().as_ref()) && !tokens[j].is_capitalized()
    });
    let Some(noun) = noun else {
        return Some(k);
    };
    // Only a description before the noun ("Serbian", "Black Sea",
    // "southern"): no preposition, article, verb or comma ("in Beijing
    // for a state visit" names Beijing).
    let describes = |t: &Token<'_>| {
        t.is_word() && !is_opening_function_word(t) && !CLAUSE_WORDS.contains(&t.lower().as_ref())
    };
    if !tokens[k..noun].iter().all(describes) {
        return Some(k);
    }
    // "the port city of Porto": a noun may describe the next.
    let mut name = noun + 1;
    while tokens
        .get(name)
        .is_some_and(|t| PLACE_NOUNS.contains(&t.lower().as_ref()))
    {
        name += 1;
    }
    if tokens.get(name).is_some_and(|t| t.lower() == "of") {
        name += 1;
    }
    tokens
        .get(name)
        .is_some_and(|t| t.is_capitalized() && !is_calendar_word(t))
        .then_some(name)
}

/// One to three capital letters ("DC", "NY", the "D" of "D.C."): a
/// region's abbreviation after a place's name.
fn is_abbreviation(t: &Token<'_>) -> bool {
    (1..=3).contains(&t.text.len()) && t.text.chars().all(|c| c.is_ascii_uppercase())
}

/// The date of a mention: as the document's date scan resolved it, but
/// read again into the past when a past-tense verb tells the event and
/// the scan put it after the article's date (a "will" earlier in the
/// sentence makes the scan read a bare "July" forward: "It will be the
/// first meeting since Russia withdrew, in July, from the pact").
fn past_reading(
    doc: &Document,
    date: &DateClaim,
    tokens: &[Token<'_>],
    anchor: &Anchor,
) -> Option<crate::temporal::TimeValue> {
    let value = date.value?;
    let (Some(published), false) = (doc.published, anchor.noun) else {
        return Some(value);
    };
    let word = tokens[anchor.at].lower();
    let past = word.ends_with("ed") || matches!(word.as_ref(), "withdrew" | "quit");
    if !past || value.start.date() <= published {
        return Some(value);
    }
    let written = one_line(&doc.text[date.span.start..date.span.end]);
    crate::temporal::resolve_phrase(
        &written,
        published.to_datetime(jiff::civil::time(0, 0, 0, 0)),
        crate::temporal::Bias::Past,
    )
    .filter(|v| v.start.date() <= published)
}

/// Resolved days as a reader writes them: "2023-07-17", or
/// "2023-06-01 to 2023-06-30".
fn resolved_days((first, last): (jiff::civil::Date, jiff::civil::Date)) -> String {
    if first == last {
        first.to_string()
    } else {
        format!("{first} to {last}")
    }
}

/// A modal, "to" or a negation in the three words before the anchor (an
/// auxiliary between them allowed): "will withdraw", "threatened to
/// quit", "did not resign".
fn is_plan(tokens: &[Token<'_>], at: usize) -> bool {
    tokens[at.saturating_sub(3)..at]
        .iter()
        .any(|t| PLAN_WORDS.contains(&t.lower().as_ref()))
}

/// The actor, as written and as compared: for a verb, the name (or the
/// noun) right before it, auxiliaries skipped; for a noun, its possessive
/// owner ("Russia's withdrawal"), the name or noun before it ("the bridge
/// collapse") or "of" and a name after it ("the collapse of the Key
/// Bridge").
fn actor(
    rules: &RuleSet,
    doc: &Document,
    people: &Surnames,
    sentences: &Sentences<'_>,
    tokens: &[Token<'_>],
    anchor: &Anchor,
) -> Option<(String, String)> {
    let mut k = anchor.at;
    if anchor.noun {
        if tokens.get(anchor.end).is_some_and(|t| t.lower() == "of") {
            if let Some(a) = name_after(rules, doc, people, tokens, anchor.end + 1) {
                return Some(a);
            }
        }
        if k > 0 && tokens[k - 1].kind == crate::grammar::token::TokenKind::Possessive {
            k -= 1;
        }
    } else {
        while k > 0
            && anchor.at - k < ACTOR_REACH
            && AUXILIARIES.contains(&tokens[k - 1].lower().as_ref())
        {
            k -= 1;
        }
        // "the ship which crashed": the subject is before the pronoun.
        if k > 0 && matches!(tokens[k - 1].lower().as_ref(), "which" | "that" | "who") {
            k -= 1;
        }
    }
    name_before(rules, doc, people, sentences, tokens, k)
}

/// Weekdays and months, written in full: capitalised, but a date, not an
/// actor (the time grammar's own word tables).
fn is_calendar_word(t: &Token<'_>) -> bool {
    use crate::temporal::lexicon::{month, weekday};
    matches!(month(t.text), Some((_, false))) || matches!(weekday(t.text), Some((_, false)))
}

/// The capitalised words ending right before `end`, or else one
/// lower-case noun after a determiner ("the bridge").
fn name_before(
    rules: &RuleSet,
    doc: &Document,
    people: &Surnames,
    sentences: &Sentences<'_>,
    tokens: &[Token<'_>],
    end: usize,
) -> Option<(String, String)> {
    let mut start = end;
    while start > 0
        && end - start < 5
        && tokens[start - 1].is_capitalized()
        && !is_calendar_word(&tokens[start - 1])
    {
        start -= 1;
    }
    // "the Key Bridge in Baltimore collapsed", "a flight from Bangkok
    // crashed": the place names where the actor is; the actor is the
    // name before it.
    if start < end
        && start >= 2
        && matches!(
            tokens[start - 1].lower().as_ref(),
            "in" | "at" | "from" | "near"
        )
        && tokens[start - 2].is_capitalized()
    {
        return name_before(rules, doc, people, sentences, tokens, start - 1);
    }
    // "The Key Bridge", "Since Russia('s …)": a capitalised article or
    // preposition opening the sentence is no part of the name.
    while start < end && is_opening_function_word(&tokens[start]) {
        start += 1;
    }
    // The first word of a sentence is capitalised whatever it is: a name
    // there needs a second word or the vocabulary's knowledge.
    if start < end && !(start == 0 && end - start == 1 && !known_name(rules, sentences, &tokens[0]))
    {
        return Some(named(rules, doc, people, &tokens[start..end]));
    }
    let noun = tokens.get(end.checked_sub(1)?)?;
    let det = tokens.get(end.checked_sub(2)?)?;
    let determiner = matches!(det.lower().as_ref(), "the" | "its" | "their");
    (noun.is_word() && determiner && !is_anchor(tokens, end - 1)).then(|| {
        let low = noun.lower().into_owned();
        (low.clone(), low)
    })
}

/// Articles, prepositions and conjunctions that open a sentence
/// capitalised ("The", "Since", "After") but never begin an actor's name.
fn is_opening_function_word(t: &Token<'_>) -> bool {
    matches!(
        t.lower().as_ref(),
        "the"
            | "a"
            | "an"
            | "this"
            | "that"
            | "these"
            | "those"
            | "in"
            | "on"
            | "at"
            | "for"
            | "from"
            | "with"
            | "by"
            | "of"
            | "to"
            | "and"
            | "but"
            | "or"
            | "as"
            | "if"
            | "when"
            | "while"
            | "after"
            | "before"
            | "since"
            | "until"
            | "during"
            | "under"
            | "over"
            | "about"
            | "following"
            | "amid"
            | "despite"
    )
}

/// A name after "of" (a determiner skipped): "of the Francis Scott Key
/// Bridge".
fn name_after(
    rules: &RuleSet,
    doc: &Document,
    people: &Surnames,
    tokens: &[Token<'_>],
    from: usize,
) -> Option<(String, String)> {
    // The last run of capitalised words before a lower-case word other
    // than "of" or a title head: "of Communist Party chief Hu Yaobang",
    // "of Minister of Planning Joao Sayad" name the person at the end.
    let lx = &rules.lexicon;
    let mut run: Option<(usize, usize)> = None;
    let mut k = from;
    while k < tokens.len() && k < from + NAME_REACH {
        let t = &tokens[k];
        if t.is_capitalized() {
            let start = match run {
                Some((s, e)) if e == k => s,
                _ => k,
            };
            run = Some((start, k + 1));
        } else {
            let low = t.lower().into_owned();
            // Before the name, a word or two may describe the person
            // ("of reformist party chief Hu Yaobang").
            let inside = matches!(low.as_str(), "of" | "the" | "and")
                || lx.heads.contains(&low)
                || (run.is_none() && k < from + 2);
            if !inside {
                break;
            }
        }
        k += 1;
    }
    let (start, end) = run?;
    let start = start + usize::from(tokens[start].lower() == "the");
    (end > start).then(|| named(rules, doc, people, &tokens[start..end]))
}

/// A sentence's capitalised first word is a name when the vocabulary
/// knows it or the document writes it capitalised inside a sentence too
/// ("Norland withdrew …" where the text also has "boats from Norland").
fn known_name(rules: &RuleSet, sentences: &Sentences<'_>, t: &Token<'_>) -> bool {
    let lx = &rules.lexicon;
    let low = t.lower();
    if lx.places.contains_key(low.as_ref()) || lx.orgs.contains_key(low.as_ref()) {
        return true;
    }
    sentences.written_inside(t.text)
}

/// A run of capitalised words as (display, key): a person the document
/// names in full by that name, else a place or organisation folded
/// through the vocabulary ("Moscow" is Russia).
fn named(
    rules: &RuleSet,
    doc: &Document,
    people: &Surnames,
    run: &[Token<'_>],
) -> (String, String) {
    let span = Span {
        start: run[0].start,
        end: run[run.len() - 1].end,
    };
    let written = one_line(&doc.text[span.start..span.end]);
    let (name, resolved) = people.resolve(&written);
    if resolved && name.contains(' ') && name != written {
        let key = people.key(&rules.lexicon, &name);
        return (name, key);
    }
    let place = place_name(rules, &doc.text, span);
    (place.clone(), place.to_lowercase())
}

/// The head noun of what the event is about, after from / of / out of:
/// the last word before a preposition, a date or punctuation ("from the
/// Black Sea grain deal in July" → deal); agreement nouns folded into
/// one. "from which" takes the noun before the comma ("the deal, from
/// which Moscow withdrew").
fn object(tokens: &[Token<'_>], anchor: &Anchor) -> Option<String> {
    let mut k = anchor.end;
    if tokens.get(k).is_some_and(|t| t.lower() == "out") {
        k += 1;
    }
    let prep = tokens.get(k)?.lower();
    let direct = matches!(prep.as_ref(), "the" | "its" | "their");
    if !direct && !matches!(prep.as_ref(), "from" | "of") {
        return relative_object(tokens, anchor);
    }
    if !direct {
        k += 1;
    }
    if tokens
        .get(k)
        .is_some_and(|t| matches!(t.lower().as_ref(), "the" | "a" | "an" | "its" | "their"))
    {
        k += 1;
    }
    let mut head = None;
    let stop = k + 5;
    while let Some(t) = tokens.get(k).filter(|t| t.is_word() && k < stop) {
        let low = t.lower();
        if AGREEMENT_NOUNS.contains(&low.as_ref()) {
            return Some(fold_object(&low));
        }
        if CLAUSE_WORDS.contains(&low.as_ref()) || low.ends_with("ed") {
            break;
        }
        if matches!(
            low.as_ref(),
            "in" | "on"
                | "at"
                | "last"
                | "this"
                | "after"
                | "before"
                | "and"
                | "with"
                | "that"
                | "which"
                | "when"
                | "since"
                | "earlier"
                | "as"
                | "over"
                | "for"
                | "amid"
        ) {
            break;
        }
        head = Some(low.into_owned());
        k += 1;
    }
    head.map(|h| fold_object(&h))
}

/// "the deal, from which Moscow withdrew": the noun before ", from which".
fn relative_object(tokens: &[Token<'_>], anchor: &Anchor) -> Option<String> {
    let mut k = anchor.at;
    while k > 0 && anchor.at - k < ACTOR_REACH + 2 {
        k -= 1;
        let t = &tokens[k];
        if t.lower() == "which" {
            let prep = k.checked_sub(1).map(|p| tokens[p].lower());
            if !matches!(prep.as_deref(), Some("from" | "of")) {
                return None;
            }
            let mut n = k - 1;
            if n > 0 && tokens[n - 1].is_punct(",") {
                n -= 1;
            }
            let noun = tokens.get(n.checked_sub(1)?)?;
            return noun.is_word().then(|| fold_object(&noun.lower()));
        }
        if is_boundary(t) {
            return None;
        }
    }
    None
}

fn fold_object(head: &str) -> String {
    if AGREEMENT_NOUNS.contains(&head) || AGREEMENT_NOUNS.iter().any(|n| head == format!("{n}s")) {
        "agreement".into()
    } else {
        head.to_string()
    }
}

/// A verb that tells a noun anchor's own event, not another clause's:
/// "the ICC issued an arrest warrant in March 2023", "Russia launched its
/// invasion in February 2022".
fn is_own_verb(anchor: &Anchor, word: &str) -> bool {
    match anchor.class {
        "warrant" => word == "issued",
        "invasion" => INVASION_VERBS.contains(&word),
        _ => false,
    }
}

/// Classes of past events told in passing, as background ("since
/// Russia's invasion", "the warrant issued for his arrest"): their date is
/// read only when attached to the phrase (see [`is_attached`]), since the
/// sentence around them dates something else ("visited Kyiv on March 21
/// to show support against the Russian invasion").
fn is_anchored(anchor: &Anchor) -> bool {
    matches!(anchor.class, "invasion" | "warrant")
}

/// Words that may stand between a background event and its date: the
/// event's own phrase ("Russia's full-scale invasion of Ukraine in
/// February 2022", "Last March, the ICC issued an arrest warrant for his
/// arrest"). A hedge ("more than a year ago") or another clause's word
/// ("the anniversary of the invasion on February 24" reads "on" after
/// "anniversary", see `mention`) is not one of them.
fn is_attached(anchor: &Anchor, t: &Token<'_>) -> bool {
    let low = t.lower();
    t.is_capitalized()
        || ISSUERS.contains(&low.as_ref())
        || t.kind == crate::grammar::token::TokenKind::Possessive
        || matches!(t.text, "," | "-")
        || is_own_verb(anchor, &low)
        || INVASION_MODIFIERS.contains(&low.as_ref())
        || matches!(
            low.as_ref(),
            "the"
                | "a"
                | "an"
                | "its"
                | "their"
                | "his"
                | "her"
                | "him"
                | "of"
                | "for"
                | "against"
                | "by"
                | "in"
                | "on"
                | "arrest"
                | "was"
                | "were"
                | "had"
                | "has"
        )
}

/// Who issues a warrant, in lower case: "the court issued a warrant".
const ISSUERS: &[&str] = &[
    "court",
    "tribunal",
    "judge",
    "judges",
    "prosecutor",
    "prosecutors",
];

/// The date of the anchor's clause: the nearest date of the sentence
/// within [`DATE_REACH`] tokens, no other anchor and no clause boundary
/// between them, not introduced by a word that makes it date something
/// else ("since July").
fn clause_date<'d>(
    dates: &'d [DateClaim],
    sentence: Span,
    tokens: &[Token<'_>],
    anchor: &Anchor,
) -> Option<&'d DateClaim> {
    let first = dates.partition_point(|d| d.span.start < sentence.start);
    let token_at = |pos: usize| tokens.partition_point(|t| t.start < pos);
    dates
        .iter()
        .enumerate()
        .skip(first)
        .take_while(|(_, d)| d.span.end <= sentence.end)
        .filter_map(|(i, d)| {
            let (ds, de) = (token_at(d.span.start), token_at(d.span.end));
            let (lo, hi) = if ds >= anchor.end {
                (anchor.end, ds)
            } else if de <= anchor.at {
                (de, anchor.at)
            } else {
                return None;
            };
            if hi - lo > DATE_REACH {
                return None;
            }
            let between = &tokens[lo..hi];
            let other_date = |t: &Token<'_>| OTHER_DATE_WORDS.contains(&t.lower().as_ref());
            let clause = |t: &Token<'_>| {
                let low = t.lower();
                // A capitalised word is a name, not a verb: "arrived in
                // the United States on Monday".
                let verb = low.len() > 4
                    && low.ends_with("ed")
                    && !t.is_capitalized()
                    && !is_own_verb(anchor, &low);
                CLAUSE_WORDS.contains(&low.as_ref()) || verb
            };
            // A date in the possessive names what follows it: before a
            // noun anchor it dates the event ("Monday's collapse"),
            // after the anchor something else ("since last month's talks").
            let possessive = tokens
                .get(de)
                .is_some_and(|t| t.kind == crate::grammar::token::TokenKind::Possessive);
            // After the phrase, a comma ends it ("Russia's invasion of
            // Ukraine, I'm in Kyiv today").
            let after_comma = ds >= anchor.end && between.iter().any(|t| t.is_punct(","));
            let loose = is_anchored(anchor)
                && (after_comma || !between.iter().all(|t| is_attached(anchor, t)));
            // Before a noun arrival, a date dates it only beside it
            // ("Tuesday's arrival"): one before its owner's name dates the
            // sentence ("2024-04-10 Japanese Prime Minister Kishida's
            // arrival in the United States marks ...").
            let owner_between =
                anchor.noun && anchor.class == "arrival" && de <= anchor.at && hi - lo > 2;
            // The period of an abbreviation ("Washington, D.C., on
            // Tuesday") ends no clause.
            let boundary = between.iter().enumerate().any(|(j, t)| {
                is_boundary(t) && !(t.is_punct(".") && j > 0 && is_abbreviation(&between[j - 1]))
            });
            let blocked = loose
                || owner_between
                || boundary
                || between.iter().any(clause)
                || (lo..hi).any(|k| is_anchor(tokens, k))
                || (possessive && ds >= anchor.end)
                || tokens.get(ds).is_some_and(other_date)
                || ds
                    .checked_sub(1)
                    .and_then(|p| tokens.get(p))
                    .is_some_and(other_date);
            (!blocked).then_some((hi - lo, i, d))
        })
        .min_by_key(|(dist, i, _)| (*dist, *i))
        .map(|(_, _, d)| d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Document;
    use crate::extract::extract_document;

    fn mentions_of(text: &str) -> Vec<Vec<(String, String)>> {
        let rules = RuleSet::shipped().unwrap();
        let mut doc = Document::new("a.txt".into(), None, text.to_string());
        doc.published = Some(jiff::civil::date(2023, 9, 4));
        extract_document(&rules, 0, &doc)
            .claims
            .iter()
            .filter_map(|c| c.facts.as_deref())
            .filter(|f| f.relation == RELATION)
            .map(|f| {
                f.slots
                    .iter()
                    .filter(|s| s.slot != "anchor")
                    .map(|s| (s.slot.clone(), s.text.clone()))
                    .collect()
            })
            .collect()
    }

    fn slot<'a>(m: &'a [(String, String)], name: &str) -> Option<&'a str> {
        m.iter().find(|(s, _)| s == name).map(|(_, t)| t.as_str())
    }

    #[test]
    fn an_invasion_is_its_invaders_past_a_date_and_modifiers() {
        let m = mentions_of("They talked since Norland's March 2022 invasion of Sudland.");
        assert_eq!(m.len(), 1);
        assert_eq!(slot(&m[0], "actor"), Some("Norland"));
        assert_eq!(slot(&m[0], "class"), Some("invasion"));
        assert_eq!(slot(&m[0], "date"), Some("March 2022"));
        // A one-word name opening a sentence is a name only when known
        // (see `name_before`): these open with other words.
        let m = mentions_of(
            "Trade fell after Norland launched its full-scale invasion in February 2022.",
        );
        assert_eq!(slot(&m[0], "actor"), Some("Norland"));
        assert_eq!(slot(&m[0], "date"), Some("February 2022"));
        let m = mentions_of("Trade fell after Norland invaded Sudland on February 24, 2022.");
        assert_eq!(slot(&m[0], "actor"), Some("Norland"));
    }

    #[test]
    fn an_invasion_takes_no_date_of_another_clause() {
        // The visit's date, a hedge, an anniversary, the invaded alone.
        let other = [
            "Jane Roe visited Sudland on March 21 to show support against Norland's invasion.",
            "Norland's invasion began more than a year ago.",
            "They marked the anniversary of Norland's invasion on February 24.",
            "Norland's invasion of Sudland, I am here today.",
            "The invasion of Sudland in February 2022 shocked many.",
            "Norland will launch its invasion in May.",
        ];
        for text in other {
            assert!(mentions_of(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn an_arrest_warrant_is_the_wanted_persons() {
        let m = mentions_of(
            "Last March, the court issued an arrest warrant against President Jane Roe.",
        );
        assert_eq!(m.len(), 1);
        assert_eq!(slot(&m[0], "actor"), Some("Jane Roe"));
        assert_eq!(slot(&m[0], "class"), Some("warrant"));
        assert_eq!(slot(&m[0], "day"), Some("2023-03-01 to 2023-03-31"));
        let m = mentions_of(
            "It is Jane Roe's first trip since the court issued a warrant for her arrest in May 2021.",
        );
        assert_eq!(slot(&m[0], "actor"), Some("Jane Roe"));
        assert_eq!(slot(&m[0], "date"), Some("May 2021"));
        // A share warrant is no event.
        assert!(mentions_of("Jane Roe issued a warrant for shares in May 2021.").is_empty());
    }

    #[test]
    fn a_verb_takes_the_name_before_it_and_the_date_of_its_clause() {
        let m = mentions_of("Russia pulled out of the Black Sea grain deal on July 17.");
        assert_eq!(m.len(), 1);
        assert_eq!(slot(&m[0], "actor"), Some("Russia"));
        assert_eq!(slot(&m[0], "class"), Some("exit"));
        assert_eq!(slot(&m[0], "object"), Some("agreement"));
        assert_eq!(slot(&m[0], "date"), Some("July 17"));
    }

    #[test]
    fn from_which_takes_the_noun_before_the_comma() {
        let m =
            mentions_of("He spoke of the grain export deal, from which Moscow withdrew in June.");
        assert_eq!(m.len(), 1);
        assert_eq!(slot(&m[0], "object"), Some("agreement"));
        assert_eq!(slot(&m[0], "date"), Some("June"));
    }

    #[test]
    fn a_noun_takes_its_owner_or_what_follows_of() {
        let m = mentions_of("Since Russia's withdrawal from the pact on July 17, ships wait.");
        assert_eq!(slot(&m[0], "actor"), Some("Russia"));
        let m = mentions_of("Divers searched after the collapse of the Key Bridge on Tuesday.");
        assert_eq!(slot(&m[0], "actor"), Some("Key Bridge"));
        assert_eq!(slot(&m[0], "class"), Some("collapse"));
    }

    /// An arrival as (subject, resolved, slots as (name, text)).
    type Arrival = (String, bool, Vec<(String, String)>);

    fn arrivals_of(text: &str) -> Vec<Arrival> {
        let rules = RuleSet::shipped().unwrap();
        let mut doc = Document::new("a.txt".into(), None, text.to_string());
        doc.published = Some(jiff::civil::date(2023, 6, 23));
        extract_document(&rules, 0, &doc)
            .claims
            .iter()
            .filter(|c| c.facts.as_deref().is_some_and(|f| f.relation == ARRIVAL))
            .map(|c| {
                let f = c.facts.as_deref().unwrap();
                let slots = f.slots.iter().map(|s| (s.slot.clone(), s.text.clone()));
                (c.subject.to_string(), c.subject_resolved, slots.collect())
            })
            .collect()
    }

    #[test]
    fn an_arrival_names_the_person_past_a_title_and_a_date() {
        let a = arrivals_of("Prime Minister Jane Roe on Thursday arrived in Washington DC.");
        assert_eq!(a.len(), 1);
        assert_eq!((a[0].0.as_str(), a[0].1), ("Jane Roe", true));
        assert_eq!(slot(&a[0].2, "place"), Some("Washington DC"));
        assert_eq!(slot(&a[0].2, "date"), Some("Thursday"));
        assert_eq!(slot(&a[0].2, "day"), Some("2023-06-22"));
        let a = arrivals_of("Jane Roe met the press. Roe, on Tuesday, landed at Sunan Airport.");
        assert_eq!(a[0].0, "Jane Roe");
        assert_eq!(slot(&a[0].2, "place"), Some("Sunan Airport"));
    }

    #[test]
    fn a_surname_never_spelt_out_stays_unresolved() {
        let a = arrivals_of("Later, Roe touched down in Oslo on Wednesday.");
        assert_eq!(a.len(), 1);
        assert_eq!((a[0].0.as_str(), a[0].1), ("Roe", false));
        assert_eq!(slot(&a[0].2, "anchor"), Some("touched down"));
    }

    #[test]
    fn plans_things_and_noun_phrases_make_no_arrival() {
        assert!(arrivals_of("Jane Roe will arrive in Oslo on Thursday.").is_empty());
        assert!(arrivals_of("Jane Roe is expected to land in Oslo on Thursday.").is_empty());
        assert!(arrivals_of("The plane landed in Oslo on Thursday.").is_empty());
        assert!(
            arrivals_of("The President of the Republic arrived in Oslo on Thursday.").is_empty()
        );
        assert!(arrivals_of("Jane Roe arrived in Oslo, officials said.").is_empty());
    }

    #[test]
    fn a_pronoun_or_a_definite_title_is_the_person_the_passage_names() {
        // The one person named in the clause before the pronoun.
        let a = arrivals_of("President Jane Roe was cheered on Thursday as she arrived in Oslo.");
        assert_eq!(a.len(), 1);
        assert_eq!((a[0].0.as_str(), a[0].1), ("Jane Roe", true));
        assert_eq!(slot(&a[0].2, "date"), Some("Thursday"));
        // Two people named there: the pronoun may be either.
        let two =
            "President Jane Roe met Prime Minister Tom Poe on Thursday as he arrived in Oslo.";
        assert!(arrivals_of(two).is_empty());
        // Else the nearest sentence before that names someone.
        let a =
            arrivals_of("Mayor Jane Roe left the hall. He spoke. He arrived in Oslo on Friday.");
        assert_eq!(a[0].0, "Jane Roe");
        let a =
            arrivals_of("Minister Tom Poe spoke. Upon his arrival in Oslo on Friday, he rested.");
        assert_eq!(a[0].0, "Tom Poe");
        let a = arrivals_of("Minister Tom Poe spoke. The minister arrived in Oslo on Friday.");
        assert_eq!(a[0].0, "Tom Poe");
        // No one named before: no arrival.
        assert!(arrivals_of("He arrived in Oslo on Friday.").is_empty());
    }

    #[test]
    fn a_relative_clause_an_adverb_or_a_vehicle_keeps_the_person() {
        let a = arrivals_of("Senator Jane Roe, who arrived in Oslo on Friday, spoke.");
        assert_eq!(a[0].0, "Jane Roe");
        let a = arrivals_of("Senator Jane Roe quietly arrived in Oslo on Friday.");
        assert_eq!(a[0].0, "Jane Roe");
        let a = arrivals_of("Senator Jane Roe's official jet landed in Oslo at 5:46 p.m.");
        assert_eq!(a[0].0, "Jane Roe");
        assert_eq!(slot(&a[0].2, "time"), Some("5:46 p.m."));
        // A plane with no owner is no person's arrival.
        assert!(arrivals_of("The plane landed in Oslo at 5:46 p.m.").is_empty());
    }

    #[test]
    fn an_arrival_keeps_its_local_clock_time_and_no_other_zones() {
        let time = |text: &str| {
            let a = arrivals_of(text);
            a.first()
                .and_then(|a| slot(&a.2, "time").map(str::to_string))
        };
        let t = time("Senator Jane Roe landed in Oslo around 8 a.m. local time Monday.");
        assert_eq!(t.as_deref(), Some("around 8 a.m. local time"));
        assert_eq!(
            time("Senator Jane Roe arrived in Oslo at 1945 GMT on Monday."),
            None
        );
        assert_eq!(
            time("Senator Jane Roe arrived in Oslo 2 hours late on Monday."),
            None
        );
    }

    #[test]
    fn a_capitalised_word_in_ed_is_a_name_not_a_verb() {
        // "United" ends in -ed but is no clause's verb: the date is the
        // arrival's.
        let a = arrivals_of("Prime Minister Jane Roe arrived in the United States on Thursday.");
        assert_eq!(a.len(), 1);
        assert_eq!(slot(&a[0].2, "day"), Some("2023-06-22"));
        // A lower-case verb in -ed still ends the clause.
        let a = arrivals_of("Jane Roe arrived in Oslo and visited Bergen on Thursday.");
        assert!(a.iter().all(|a| slot(&a.2, "date").is_none()));
    }

    #[test]
    fn an_abbreviated_title_keeps_the_full_name() {
        let a = arrivals_of(
            "Prime Minister Jane Roe spoke. PM Roe had earlier arrived in Oslo on 21 June.",
        );
        assert_eq!(a.len(), 1);
        assert_eq!((a[0].0.as_str(), a[0].1), ("Jane Roe", true));
    }

    #[test]
    fn companions_an_honorific_and_a_country_after_of_keep_the_person() {
        let person = |text: &str| arrivals_of(text).first().map(|a| a.0.clone());
        let said = person("Prime Minister Jane Roe and his wife Ann arrived in Oslo on Monday.");
        assert_eq!(said.as_deref(), Some("Jane Roe"));
        let said =
            person("Jane Roe and a delegation of business leaders landed in Oslo on Friday.");
        assert_eq!(said.as_deref(), Some("Jane Roe"));
        let said = person("President Jane Roe of Norway arrived in Sweden on Tuesday.");
        assert_eq!(said.as_deref(), Some("Jane Roe"));
        let said = person("Prime Minister Jane Roe spoke. Mr Roe arrived in Oslo on Tuesday.");
        assert_eq!(said.as_deref(), Some("Jane Roe"));
        // A clause after "and" is no companion: "Poe" arrives.
        let said = person("Jane Roe spoke and then Tom Poe arrived in Oslo on Tuesday.");
        assert_eq!(said.as_deref(), Some("Tom Poe"));
    }

    #[test]
    fn a_name_in_either_order_is_one_key() {
        assert_eq!(order_free("kishida fumio"), order_free("fumio kishida"));
        assert_ne!(order_free("jane roe"), order_free("john roe"));
    }

    #[test]
    fn the_period_of_an_abbreviation_ends_no_clause() {
        let a = arrivals_of("Jane Roe arrived in Washington, D.C., on Tuesday for a visit.");
        assert_eq!(a.len(), 1);
        assert_eq!(slot(&a[0].2, "day"), Some("2023-06-20"));
    }

    #[test]
    fn an_arrival_takes_no_span_of_years_nor_a_date_before_its_owner() {
        // "in seven years" dates the first visit, not the landing.
        let a = arrivals_of("Jane Roe lands in Oslo, the first premier to visit in seven years.");
        assert!(a.iter().all(|a| slot(&a.2, "date").is_none()));
        // A date before the owner's name dates the sentence.
        let a =
            arrivals_of("2023-06-20 Prime Minister Jane Roe's arrival in Oslo marks a milestone.");
        assert!(a.iter().all(|a| slot(&a.2, "date").is_none()));
        let a = arrivals_of("Jane Roe's arrival in Oslo on Tuesday marks a milestone.");
        assert_eq!(slot(&a[0].2, "day"), Some("2023-06-20"));
    }

    #[test]
    fn a_capital_of_the_gazetteer_is_its_countrys_arrival() {
        let rules = RuleSet::shipped().unwrap();
        let text = "Jane Roe arrived in Belgrade on Tuesday.";
        let doc = Document::new("a.txt".into(), None, text.to_string());
        let keyed = Span { start: 20, end: 28 };
        assert_eq!(&text[keyed.start..keyed.end], "Belgrade");
        assert_eq!(arrival_key(&rules, &doc.text, keyed), "serbia");
        let keyed = Span { start: 20, end: 28 };
        let other = "Jane Roe arrived in Shanghai on Tuesday.";
        assert_eq!(arrival_key(&rules, other, keyed), "shanghai");
    }

    #[test]
    fn a_place_described_before_its_name_is_the_name() {
        let place = |text: &str| {
            let a = arrivals_of(text);
            a.first()
                .and_then(|a| slot(&a.2, "place").map(str::to_string))
        };
        let said = place("Senator Jane Roe arrived in the Norwegian capital Oslo on Friday.");
        assert_eq!(said.as_deref(), Some("Oslo"));
        let said = place("Senator Jane Roe arrived in the port city of Bergen on Friday.");
        assert_eq!(said.as_deref(), Some("Bergen"));
        let said = place("Senator Jane Roe arrived in Oslo for a state visit on Friday.");
        assert_eq!(said.as_deref(), Some("Oslo"));
        // A described place with no name after it is no place.
        assert_eq!(
            place("Senator Jane Roe arrived in the Norwegian capital on Friday."),
            None
        );
    }

    #[test]
    fn plans_and_dates_of_something_else_make_no_mention() {
        assert!(mentions_of("Russia will withdraw from the deal on July 17.").is_empty());
        assert!(mentions_of("Russia threatened to quit the deal in July.").is_empty());
        assert!(
            mentions_of("Ships have waited since Russia withdrew from the deal since July.")
                .is_empty()
        );
        assert!(mentions_of("The meeting took place in July.").is_empty());
    }
}
