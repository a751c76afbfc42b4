//! Historical anchors of a visit: when the last one like it was, as a
//! report tells it beside today's ("the first visit to Norway in 24
//! years", "the first state visit since 2000", "his last visit to Oslo
//! was in 2015").
//!
//! ```text
//! first   := "first" words{0,5} kind … (to place)? … span
//! last    := (last | previous | prior) kind (to place)? … "in" year
//!          | "last visited" place "in" year
//! kind    := (state | bilateral | official)? (visit | trip | journey)
//!          | "to visit" place
//! span    := (in | for) (the (last | past))? hedge? amount (years | decade …)
//!          | since month? year
//! hedge   := more than | over | nearly | almost | about | around | some …
//! place   := a place the vocabulary knows after "to" in the phrase
//!          | else the nearest known place before the phrase in its
//!            sentence ("arrived in Oslo, his first visit in 24 years")
//! ```
//!
//! Every outlet counts the years from its own publication date, so the
//! value is the year of the previous visit: "in 24 years" in an article
//! of 2024 is 2000, and agrees with "since 2000" (journalists count
//! calendar years: "since 2019" is "in five years" in 2024). A hedge
//! widens it ("more than five years" is 2018 or before, "nearly five"
//! 2019 or 2020, "about five" 2018 to 2020; "a decade" and "a quarter
//! century" are round, read as about). One previous visit is one kind of
//! visit to one place ("a bilateral visit" is not any visit: a leader may
//! have come to a summit in between), whoever the outlet says made it, in
//! articles published within days of each other (the check's
//! `within_days`). A place written in the phrase keeps its grain ("to
//! Moscow" is not "to Russia": the last visit to the country may have
//! been to another city); "to the country" takes the place the sentence
//! put the visitor in before, a capital read as its country. "For the
//! first time in 12 years" names no kind of event and is not read.

use crate::claim::{Claim, RelationClaim, SlotFill, SlotValue};
use crate::corpus::{DocId, Document};
use crate::grammar::token::{Token, TokenKind};
use crate::normalize::title::canonical_place;
use crate::ruleset::RuleSet;
use crate::source::{one_line, Span};
use crate::temporal::{Grain, TimeKind, TimeValue};

use super::document::Sentences;

/// The relation anchors fill (declared in `rules/events.yaml`).
pub const RELATION: &str = crate::rules::PREVIOUS_VISIT;

/// The pattern name anchors carry.
const PATTERN: &str = "previous-visit-mention";

/// Nouns (and the verb "visit") of one journey to one place.
const NOUNS: &[&str] = &["visit", "trip", "journey"];

/// Words before the noun that make a kind of visit of their own.
const QUALIFIERS: &[&str] = &["state", "bilateral", "official"];

/// How many words may stand between "first" and the noun ("the first
/// Japanese prime minister to visit").
const LEAD_REACH: usize = 6;

/// How far after the noun the span may be ("first visit by a French
/// president to Germany in 24 years").
const SPAN_REACH: usize = 12;

/// Words that start another clause: a span after them tells of
/// something else.
const CLAUSE_WORDS: &[&str] = &[
    "that", "which", "who", "when", "where", "while", "because", "but", "after", "before", "as",
    "and", "said", "says",
];

/// A hedge before an amount of years, and how it widens it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Hedge {
    /// As written (a calendar count).
    Exact,
    /// "more than", "over": that long or longer.
    More,
    /// "nearly", "almost": a little less.
    Nearly,
    /// "about", "around", or a round amount ("a decade").
    About,
}

/// Every previous-visit anchor of a document, as claims of [`RELATION`].
pub fn mentions(
    rules: &RuleSet,
    id: DocId,
    doc: &Document,
    sentences: &Sentences<'_>,
) -> Vec<Claim> {
    if !rules.relations.iter().any(|r| r.id == RELATION) {
        return Vec::new();
    }
    let Some(published) = doc.published else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (_, tokens) in sentences.iter() {
        for i in 0..tokens.len() {
            let low = tokens[i].lower();
            let found = match low.as_ref() {
                "first" => first_anchor(tokens, i, published.year()),
                "last" | "previous" | "prior" => last_anchor(tokens, i),
                _ => None,
            };
            let Some(found) = found else {
                continue;
            };
            if let Some(c) = claim(rules, id, doc, tokens, &found) {
                out.push(c);
            }
        }
    }
    out
}

/// An anchor found in a sentence: where it is, its kind of visit, where
/// a written place starts, and the years the previous visit may fall in.
#[derive(Debug, PartialEq)]
struct Found {
    start: usize,
    end: usize,
    kind: String,
    /// The token after "to" (or after the verb "visit"), when the phrase
    /// writes a destination.
    place_at: Option<usize>,
    /// First and last year, or only the last ("more than five years").
    years: (Option<i16>, i16),
}

/// "the first (…) visit (…) in N years" / "since YEAR".
fn first_anchor(tokens: &[Token<'_>], i: usize, year: i16) -> Option<Found> {
    let next = tokens.get(i + 1)?.lower();
    if matches!(next.as_ref(), "time" | "times" | "ever") {
        return None;
    }
    let noun = (i + 1..tokens.len().min(i + 1 + LEAD_REACH))
        .take_while(|&k| tokens[k].is_word() && !is_stop(&tokens[k]))
        .find(|&k| NOUNS.contains(&tokens[k].lower().as_ref()))?;
    // "the first visit abroad", "the first foreign trip": no one place.
    let abroad = |k: usize| {
        tokens
            .get(k)
            .is_some_and(|t| matches!(t.lower().as_ref(), "abroad" | "overseas" | "foreign"))
    };
    if abroad(noun + 1) || abroad(noun - 1) {
        return None;
    }
    let kind = kind_of(tokens, noun);
    // "to visit Norway": the verb's object is the place; "the first
    // Norway visit", "the first official Oslo visit": the name before it.
    let verb = tokens[noun - 1].lower() == "to";
    let before = name_before(tokens, noun).filter(|&k| k > i);
    let mut place_at = if verb { Some(noun + 1) } else { before };
    let end = tokens.len().min(noun + 1 + SPAN_REACH);
    for k in noun + 1..end {
        let t = &tokens[k];
        if is_stop(t) {
            return None;
        }
        let low = t.lower();
        if low == "to" && place_at.is_none() {
            place_at = Some(k + 1);
            continue;
        }
        if let Some((years, n)) = span(tokens, k, year) {
            return Some(Found {
                start: i,
                end: k + n,
                kind,
                place_at,
                years,
            });
        }
    }
    None
}

/// "his last visit to Oslo was in 2015", "the previous trip took place
/// in 2019", "last visited Oslo in 2015".
fn last_anchor(tokens: &[Token<'_>], i: usize) -> Option<Found> {
    let mut k = i + 1;
    if tokens
        .get(k)
        .is_some_and(|t| QUALIFIERS.contains(&t.lower().as_ref()))
    {
        k += 1;
    }
    let word = tokens.get(k)?.lower();
    let visited = matches!(word.as_ref(), "visited");
    if !visited && !matches!(word.as_ref(), "visit" | "trip" | "journey") {
        return None;
    }
    // "the last visit by a Japanese prime minister" counts visits; "his
    // last trip" one person's: both one previous visit of the place.
    let kind = if visited {
        "visit".to_string()
    } else {
        kind_of(tokens, k)
    };
    let mut place_at = visited.then_some(k + 1);
    let end = tokens.len().min(k + 1 + SPAN_REACH);
    for j in k + 1..end {
        let t = &tokens[j];
        if is_stop(t) && t.lower() != "was" {
            return None;
        }
        let low = t.lower();
        if low == "to" && place_at.is_none() {
            place_at = Some(j + 1);
            continue;
        }
        if low == "in" {
            let y = tokens.get(j + 1).and_then(year_of)?;
            return Some(Found {
                start: i,
                end: j + 2,
                kind,
                place_at,
                years: (Some(y), y),
            });
        }
    }
    None
}

/// A word or mark that ends the phrase.
fn is_stop(t: &Token<'_>) -> bool {
    (t.kind == TokenKind::Punct && !matches!(t.text, "-" | "'" | "’"))
        || CLAUSE_WORDS.contains(&t.lower().as_ref())
}

/// Where a run of capitalised words ends right before `noun` starts
/// ("the first Norway visit"), over a qualifier ("official Oslo visit"
/// has "Oslo"); none when the word before is not capitalised.
fn name_before(tokens: &[Token<'_>], noun: usize) -> Option<usize> {
    let mut k = noun.checked_sub(1)?;
    if QUALIFIERS.contains(&tokens[k].lower().as_ref()) {
        k = k.checked_sub(1)?;
    }
    if !tokens[k].is_capitalized() {
        return None;
    }
    while k > 0 && tokens[k - 1].is_capitalized() {
        k -= 1;
    }
    Some(k)
}

/// The kind of visit a noun names: its qualifier and "visit" (a trip and
/// a journey are visits). The qualifier may stand before a place's name
/// ("the first official Oslo visit").
fn kind_of(tokens: &[Token<'_>], noun: usize) -> String {
    let mut at = noun;
    while at > 0
        && tokens[at - 1].is_capitalized()
        && !QUALIFIERS.contains(&tokens[at - 1].lower().as_ref())
    {
        at -= 1;
    }
    let q = at
        .checked_sub(1)
        .map(|k| tokens[k].lower())
        .filter(|w| QUALIFIERS.contains(&w.as_ref()));
    match q {
        Some(q) => format!("{q} visit"),
        None => "visit".to_string(),
    }
}

/// A span at `k`: "in 24 years", "for more than a decade", "in the past
/// five years", "since 2000", "since February 2018"; the years the
/// previous visit falls in and how many tokens the span takes.
fn span(tokens: &[Token<'_>], k: usize, year: i16) -> Option<((Option<i16>, i16), usize)> {
    let low = tokens[k].lower();
    if low == "since" {
        let mut j = k + 1;
        if tokens.get(j).is_some_and(is_month) {
            j += 1;
        }
        let y = tokens.get(j).and_then(year_of)?;
        return (y <= year).then_some(((Some(y), y), j + 1 - k));
    }
    if !matches!(low.as_ref(), "in" | "for") {
        return None;
    }
    let mut j = k + 1;
    let word = |j: usize| tokens.get(j).map(|t| t.lower().into_owned());
    if word(j).as_deref() == Some("the") && matches!(word(j + 1).as_deref(), Some("last" | "past"))
    {
        j += 2;
    }
    let (hedge, n) = hedge_at(tokens, j);
    j += n;
    let (amount, n, round) = amount_at(tokens, j)?;
    j += n;
    let hedge = if hedge == Hedge::Exact && round {
        Hedge::About
    } else {
        hedge
    };
    let last = year - amount;
    let years = match hedge {
        Hedge::Exact => (Some(last), last),
        Hedge::More => (None, last),
        Hedge::Nearly => (Some(last), last + 1),
        Hedge::About => (Some(last - 1), last + 1),
    };
    Some((years, j - k))
}

/// A hedge at `j` and how many words it takes.
fn hedge_at(tokens: &[Token<'_>], j: usize) -> (Hedge, usize) {
    let word = |j: usize| tokens.get(j).map(|t| t.lower().into_owned());
    match (word(j).as_deref(), word(j + 1).as_deref()) {
        (Some("more" | "longer"), Some("than")) => (Hedge::More, 2),
        (Some("well"), Some("over")) => (Hedge::More, 2),
        (Some("over"), _) => (Hedge::More, 1),
        (Some("close"), Some("to")) => (Hedge::Nearly, 2),
        (Some("nearly" | "almost"), _) => (Hedge::Nearly, 1),
        (Some("about" | "around" | "some" | "roughly" | "approximately"), _) => (Hedge::About, 1),
        _ => (Hedge::Exact, 0),
    }
}

/// An amount of years at `j`: the years, how many tokens it takes, and
/// whether it is a round amount told as a word ("a decade", "a quarter
/// century"). None unless a year unit ends it.
fn amount_at(tokens: &[Token<'_>], j: usize) -> Option<(i16, usize, bool)> {
    let word = |j: usize| tokens.get(j).map(|t| t.lower().into_owned());
    let w = word(j)?;
    // "a decade", "two decades", "a quarter century", "a quarter of a
    // century", "half a century".
    let unit_years = |u: &str| match u {
        "decade" | "decades" => Some(10),
        "century" | "centuries" => Some(100),
        _ => None,
    };
    if w == "a" || w == "half" {
        let (mut k, share) = match (w.as_str(), word(j + 1).as_deref()) {
            ("a", Some("quarter")) => (j + 2, 4),
            ("half", Some("a")) => (j + 2, 2),
            ("a", _) => (j + 1, 1),
            _ => return None,
        };
        if share == 4 && word(k).as_deref() == Some("of") && word(k + 1).as_deref() == Some("a") {
            k += 2;
        }
        let unit = unit_years(word(k)?.as_str())?;
        return Some((unit / share, k + 1 - j, true));
    }
    let n = number_of(&tokens[j])?;
    let unit = word(j + 1)?;
    match unit.as_str() {
        "years" | "year" => Some((n, 2, false)),
        u => unit_years(u).map(|y| (n * y, 2, true)),
    }
}

/// A count written in digits or as a word, up to 99.
fn number_of(t: &Token<'_>) -> Option<i16> {
    if t.kind == TokenKind::Number {
        return t.text.parse::<i16>().ok().filter(|n| (1..100).contains(n));
    }
    let n = crate::grammar::quantity::number_word(&t.lower())?;
    // One word gives 0 to 90; a count starts at 1.
    (n >= 1.0).then_some(n as i16)
}

/// A year written in four digits (1900 to 2099).
fn year_of(t: &Token<'_>) -> Option<i16> {
    (t.kind == TokenKind::Number && t.text.len() == 4)
        .then(|| t.text.parse::<i16>().ok())
        .flatten()
        .filter(|y| (1900..2100).contains(y))
}

/// A month's name, written in full (the time grammar's month table).
fn is_month(t: &Token<'_>) -> bool {
    t.is_capitalized() && matches!(crate::temporal::lexicon::month(t.text), Some((_, false)))
}

/// The claim of an anchor whose place is known.
fn claim(
    rules: &RuleSet,
    id: DocId,
    doc: &Document,
    tokens: &[Token<'_>],
    found: &Found,
) -> Option<Claim> {
    let (place, key) = match found.place_at {
        Some(k) => written_place(rules, tokens, k)?,
        None => context_place(rules, tokens, found.start)?,
    };
    let first = jiff::civil::date(found.years.0.unwrap_or(found.years.1), 1, 1);
    let end = jiff::civil::date(found.years.1.checked_add(1)?, 1, 1);
    let value = TimeValue {
        start: if found.years.0.is_some() { first } else { end }
            .to_datetime(jiff::civil::Time::midnight()),
        end: found
            .years
            .0
            .is_some()
            .then(|| end.to_datetime(jiff::civil::Time::midnight())),
        grain: Grain::Year,
        kind: if found.years.0.is_some() {
            TimeKind::Interval
        } else {
            TimeKind::OpenBefore
        },
        other: None,
    };
    let span = Span {
        start: tokens[found.start].start,
        end: tokens[found.end - 1].end,
    };
    let written = one_line(&doc.text[span.start..span.end]);
    let shown = match found.years {
        (Some(a), b) if a == b => format!("{a}"),
        (Some(a), b) => format!("{a} to {b}"),
        (None, b) => format!("{b} or before"),
    };
    let text = |slot: &str, text: String, folded: String| SlotFill {
        slot: slot.into(),
        text,
        value: SlotValue::Text { folded },
    };
    let slots = vec![
        text("place", place.clone(), key.clone()),
        text("kind", found.kind.clone(), found.kind.clone()),
        SlotFill {
            slot: "date".into(),
            text: written.clone(),
            value: SlotValue::Date { value: Some(value) },
        },
        text("year", shown.clone(), shown),
    ];
    Some(Claim::from(RelationClaim {
        doc: id,
        span,
        subject: place.into(),
        subject_key: key.into(),
        subject_resolved: true,
        value: written.into(),
        value_span: span,
        pattern: PATTERN,
        relation: RELATION.into(),
        slots,
    }))
}

/// The place written at `k` ("to the Norway" passes "the"): its name and
/// key, a city kept at its grain. None when no known place starts there
/// ("to the country": the place is not written, and the sentence's place
/// is taken instead by the caller only when nothing is written).
fn written_place(rules: &RuleSet, tokens: &[Token<'_>], k: usize) -> Option<(String, String)> {
    let mut k = k + usize::from(tokens.get(k).is_some_and(|t| t.lower() == "the"));
    // "mainland China" is China.
    k += usize::from(tokens.get(k).is_some_and(|t| t.lower() == "mainland"));
    match place_words(rules, tokens, k) {
        Some((written, n)) if !describes_as(tokens, k + n, DESCRIBED) => {
            let owner = tokens
                .get(k + n)
                .is_some_and(|t| t.kind == TokenKind::Possessive);
            (!owner).then(|| (written.clone(), place_key(rules, &written, false)))
        }
        // "to the North Korean capital": a description, the place the
        // sentence named before.
        Some(_) => context_place(rules, tokens, k),
        // "to the country", "to the North Korean capital": the place the
        // sentence named before.
        None if tokens.get(k).is_some_and(|t| !t.is_capitalized()) => {
            context_place(rules, tokens, k)
        }
        None => None,
    }
}

/// The nearest known place before `k` in the sentence, a capital read
/// as its country ("arrived in Oslo, the first visit to the country").
fn context_place(rules: &RuleSet, tokens: &[Token<'_>], k: usize) -> Option<(String, String)> {
    (0..k.min(tokens.len())).rev().find_map(|j| {
        let (written, n) = place_words(rules, tokens, j)?;
        if describes(tokens, j + n) {
            return None;
        }
        let owner = tokens
            .get(j + n)
            .is_some_and(|t| t.kind == TokenKind::Possessive);
        if owner {
            return None;
        }
        let key = place_key(rules, &written, true);
        // A city read as its country is shown as the country.
        let shown = match rules
            .lexicon
            .city_country
            .get(written.to_lowercase().as_str())
        {
            Some(country) => country.clone(),
            None => written,
        };
        Some((shown, key))
    })
}

/// Words after a place's name that no description begins with: the
/// name then stands alone, not as an adjective ("Japanese leader", "the
/// North Korean capital").
const AFTER_NAME: &[&str] = &[
    "the",
    "a",
    "an",
    "to",
    "of",
    "in",
    "on",
    "for",
    "and",
    "or",
    "but",
    "with",
    "by",
    "at",
    "from",
    "since",
    "was",
    "is",
    "will",
    "his",
    "her",
    "their",
    "its",
    "that",
    "which",
    "who",
    "as",
    "after",
    "before",
    "last",
    "this",
    "earlier",
    "later",
    "early",
    "late",
    "when",
    "today",
    "yesterday",
    "during",
    "amid",
    "ahead",
    "just",
    "shortly",
    "where",
    "until",
];

/// Nouns a place's adjective describes in a visit's phrase ("to the
/// North Korean capital"): the name written there is then no place.
const DESCRIBED: &[&str] = &[
    "capital",
    "city",
    "leader",
    "leaders",
    "president",
    "prime",
    "premier",
    "government",
    "people",
    "soil",
    "territory",
    "side",
    "nation",
    "state",
    "mainland",
    "port",
    "region",
];

/// Whether the word at `k`, after a place's name, makes the name an
/// adjective of a noun: a lower-case word that is no function word.
/// Before a phrase the name is looked for over other words, so any such
/// word does ("the first Japanese leader to visit the country").
fn describes(tokens: &[Token<'_>], k: usize) -> bool {
    tokens.get(k).is_some_and(|t| {
        t.is_word() && !t.is_capitalized() && !AFTER_NAME.contains(&t.lower().as_ref())
    })
}

/// Whether the word at `k` is one of the `nouns` a place's adjective
/// describes.
fn describes_as(tokens: &[Token<'_>], k: usize, nouns: &[&str]) -> bool {
    tokens
        .get(k)
        .is_some_and(|t| t.is_word() && nouns.contains(&t.lower().as_ref()))
}

/// A place the vocabulary knows starting at `k` (a country, or a place
/// of the vocabulary, as a visit's place is read), as written, and how
/// many tokens it takes.
fn place_words(rules: &RuleSet, tokens: &[Token<'_>], k: usize) -> Option<(String, usize)> {
    let rest = tokens.get(k..)?;
    if !rest.first().is_some_and(Token::is_capitalized) {
        return None;
    }
    let (_, n) = super::visit::place_len_at(rules, tokens, k)?;
    let words: Vec<&str> = rest[..n].iter().map(|t| t.text).collect();
    Some((words.join(" "), n))
}

/// A place's key: a city of the gazetteer keeps its name (a visit to
/// Moscow is not every visit to Russia) unless `country` asks for its
/// country; any other place is folded through the vocabulary.
fn place_key(rules: &RuleSet, written: &str, country: bool) -> String {
    let lx = &rules.lexicon;
    let low = written.to_lowercase();
    if lx.city_country.contains_key(low.as_str()) {
        if country {
            if let Some(c) = crate::normalize::title::city_country(lx, &low) {
                return c;
            }
        }
        return low;
    }
    canonical_place(lx, written).to_lowercase()
}

#[cfg(test)]
mod tests {
    /// (place, kind, years) of the previous-visit anchors of `text`,
    /// published on `published`.
    fn anchors(published: &str, text: &str) -> Vec<(String, String, String)> {
        let slot = |f: &crate::claim::Facts, s: &str| {
            f.get(s)
                .next()
                .map(|x| x.value.identity().unwrap_or_else(|| x.text.clone()))
                .unwrap_or_default()
        };
        crate::extract::reader_tests::facts_of(text, Some(published), super::PATTERN)
            .iter()
            .map(|f| (slot(f, "place"), slot(f, "kind"), slot(f, "year")))
            .collect()
    }

    fn one(place: &str, kind: &str, years: &str) -> Vec<(String, String, String)> {
        vec![(place.into(), kind.into(), years.into())]
    }

    #[test]
    fn a_count_of_years_is_the_year_it_names() {
        let got = anchors("2024-06-19", "It is the first visit to Norway in 24 years.");
        assert_eq!(got, one("norway", "visit", "2000"));
    }

    #[test]
    fn since_a_year_and_a_month() {
        let got = anchors(
            "2023-05-07",
            "It is the first trip to Norway since February 2018.",
        );
        assert_eq!(got, one("norway", "visit", "2018"));
    }

    #[test]
    fn hedges_widen_the_year() {
        let more = anchors(
            "2023-05-07",
            "The first leader to visit Norway in more than five years.",
        );
        assert_eq!(more, one("norway", "visit", "2018 or before"));
        let nearly = anchors(
            "2024-07-08",
            "His first visit to Norway in nearly five years.",
        );
        assert_eq!(nearly, one("norway", "visit", "2019 to 2020"));
        let round = anchors(
            "2024-05-26",
            "The first state visit to Germany in a quarter century.",
        );
        assert_eq!(round, one("germany", "state visit", "1998 to 2000"));
        let decade = anchors(
            "2024-04-08",
            "The first state visit to Germany in nearly a decade.",
        );
        assert_eq!(decade, one("germany", "state visit", "2014 to 2015"));
    }

    #[test]
    fn a_qualifier_makes_a_kind() {
        let got = anchors(
            "2023-05-07",
            "The first bilateral visit by a Swedish leader to Norway in 12 years.",
        );
        assert_eq!(got, one("norway", "bilateral visit", "2011"));
    }

    #[test]
    fn a_city_keeps_its_grain_and_the_last_visit_is_read() {
        let got = anchors("2024-07-08", "His last visit to Berlin was in 2015.");
        assert_eq!(got, one("berlin", "visit", "2015"));
        let visited = anchors("2024-07-08", "Jane Roe last visited Norway in 2019.");
        assert_eq!(visited, one("norway", "visit", "2019"));
    }

    #[test]
    fn the_country_is_the_place_named_before() {
        let got = anchors(
            "2024-06-19",
            "John Doe arrived in Berlin, the first Swedish leader to visit the country in 24 years.",
        );
        assert_eq!(got, one("germany", "visit", "2000"));
    }

    #[test]
    fn a_name_before_the_noun_is_the_place() {
        let got = anchors(
            "2023-12-07",
            "It was his first official Berlin visit since 2017.",
        );
        assert_eq!(got, one("berlin", "official visit", "2017"));
    }

    #[test]
    fn no_kind_no_place_no_anchor() {
        assert!(anchors(
            "2023-05-07",
            "For the first time in 12 years, they met in Norway."
        )
        .is_empty());
        assert!(anchors(
            "2023-05-07",
            "Norway hosted his first visit abroad in five years."
        )
        .is_empty());
        assert!(anchors("2023-05-07", "It was the first visit in 12 years.").is_empty());
        assert!(anchors(
            "2023-05-07",
            "The first visit to Norway since the war began."
        )
        .is_empty());
    }
}
