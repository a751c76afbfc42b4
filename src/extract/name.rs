//! Bare given names of a document's surname-first people: "Yi" where the
//! document writes "Wang Yi" (pinyin given names only: "Lee Iacocca" is
//! written given name first). Readers take "Yi" for the surname; the
//! `name-variant` check reports it.
//!
//! Also surnames misspelt beside their right spelling: "Zelenksy" in an
//! article that names "Volodymyr Zelensky" (a slip inside the word, as
//! [`crate::text::word_spelling`] defines one).

use super::document::Sentences;
use crate::claim::{Claim, GivenNameMention, MentionKind};
use crate::corpus::DocId;
use crate::grammar::token::Token;
use crate::ruleset::RuleSet;
use crate::source::Span;
use crate::text;

/// Only mid-sentence capitalised tokens count (a sentence's first word is
/// capitalised anyway), and not right after the surname.
pub fn given_name_mentions(
    rules: &RuleSet,
    id: DocId,
    sentences: &Sentences<'_>,
    names: &[String],
    claims: &[Claim],
) -> Vec<GivenNameMention> {
    let lx = &rules.lexicon;
    // Each name once: a document can name one person thousands of times.
    let mut written: Vec<&str> = names
        .iter()
        .map(String::as_str)
        .chain(claims.iter().map(|c| c.subject.as_str()))
        .collect();
    written.sort_unstable();
    written.dedup();
    let mut people: Vec<(&str, &str, &str)> = written
        .into_iter()
        .filter_map(|full| {
            let (surname, given) = full.split_once(' ')?;
            // The pinyin test last: it is the costly one, and most names
            // are not written surname first.
            let surname_first = lx.surname_first.contains(&surname.to_lowercase());
            (surname_first && !given.contains(' ') && text::is_pinyin_name(given))
                .then_some((full, surname, given))
        })
        .collect();
    if people.is_empty() {
        return Vec::new();
    }
    people.sort_unstable();
    people.dedup();
    let mut out = Vec::new();
    for (_, tokens) in sentences.iter() {
        for (k, t) in tokens.iter().enumerate().skip(1) {
            let Some((full, surname, _)) = people.iter().find(|(_, _, g)| *g == t.text) else {
                continue;
            };
            if ends_with_word(tokens[k - 1].text, surname) {
                continue;
            }
            // "President Xi Jinping Jinping": the given name written twice
            // after the surname, a doubled word, not a name of its own.
            if tokens[k - 1].text == t.text && k >= 2 && ends_with_word(tokens[k - 2].text, surname)
            {
                continue;
            }
            out.push(GivenNameMention {
                doc: id,
                span: Span::new(t.start, t.end),
                full: full.to_string(),
                kind: MentionKind::GivenName,
                at: Default::default(),
            });
        }
    }
    out
}

/// Does a token end with `word` as a whole word: the word itself, or run
/// onto what precedes it by a missing space ("Australia.Li Qiang",
/// "premier-Li Qiang")? The given name after it then follows its surname.
fn ends_with_word(token: &str, word: &str) -> bool {
    token
        .strip_suffix(word)
        .is_some_and(|head| !head.chars().next_back().is_some_and(char::is_alphanumeric))
}

/// Mid-sentence capitalised words that misspell the surname of a person
/// the document names in full: a slip inside the word (first and last
/// letters kept: "Zelenksy" for "Zelensky", not "Russian" for "Russia").
/// Another person, place or firm is not a slip, so the word must be
/// rarer in the article than the surname and written at most twice; not
/// a word of another name in the article, nor of a longer capitalised
/// name ("Goldman Sachs", "Ronald Reagan"); not after a title ("President
/// Reagan" is someone else than Donald Regan); and not a word the lexicon
/// knows (a given name, a title word, a country or organisation).
pub fn surname_slips(
    rules: &RuleSet,
    id: DocId,
    sentences: &Sentences<'_>,
    names: &[String],
    claims: &[Claim],
) -> Vec<GivenNameMention> {
    use crate::grammar::lexicon::{bits, WordBuildHasher};
    use crate::text::{word_spelling, Spelling};
    use std::collections::{HashMap, HashSet};
    let lx = &rules.lexicon;
    // Full names: the grammar's, title holders', and the people in
    // relations' slots ("Biden and Putin" is two people, not a name).
    let in_slots = claims
        .iter()
        .filter_map(|c| c.facts.as_deref())
        .flat_map(|f| f.slots.iter())
        .filter_map(|s| match &s.value {
            crate::claim::SlotValue::Person { name, .. } => Some(name.as_str()),
            _ => None,
        });
    let titled = claims
        .iter()
        .filter(|c| c.subject_resolved && c.kind == crate::claim::ClaimKind::Title)
        .map(|c| c.subject.as_str());
    // (full name, surname); the surname is lower-cased below, once a word
    // may be a slip of it.
    let mut named: Vec<(&str, &str)> = names
        .iter()
        .map(String::as_str)
        .chain(titled)
        .chain(in_slots)
        .filter_map(|full| {
            let (_, surname) = full.rsplit_once(' ')?;
            (surname.chars().count() >= 5).then_some((full, surname))
        })
        .collect();
    if named.is_empty() {
        return Vec::new();
    }
    named.sort_unstable();
    named.dedup();
    // The lexicon's word hasher: these maps are filled from every
    // capitalised word of every article (SipHash showed in the profile).
    // The words of the names are needed only for a word that may be a
    // slip: most articles have none, so they are lower-cased on demand.
    let mut name_words: Option<HashSet<String, WordBuildHasher>> = None;
    let edges = |w: &str| (w.chars().next(), w.chars().last());
    // A slip has the first and last letter of a surname: only words that
    // may have them are counted and tried (most capitalised words of an
    // article have not). A sorted list: a document names few people.
    // The edges of a surname's lower case: of ASCII, byte by byte.
    let lower_edges = |s: &str| match s.as_bytes() {
        b if s.is_ascii() => (
            b.first().map(|c| char::from(c.to_ascii_lowercase())),
            b.last().map(|c| char::from(c.to_ascii_lowercase())),
        ),
        _ => edges(&s.to_lowercase()),
    };
    let mut surname_edges: Vec<_> = named.iter().map(|(_, s)| lower_edges(s)).collect();
    surname_edges.sort_unstable();
    surname_edges.dedup();
    let may_slip = |t: &crate::grammar::token::Token<'_>| match t.text.as_bytes() {
        // The lower case of ASCII is byte by byte.
        [first, .., last] if t.text.is_ascii() => surname_edges
            .binary_search(&(
                Some(char::from(first.to_ascii_lowercase())),
                Some(char::from(last.to_ascii_lowercase())),
            ))
            .is_ok(),
        _ => true,
    };
    let capital_word = |t: Option<&crate::grammar::token::Token<'_>>| {
        t.is_some_and(|t| t.is_capitalized() && t.is_word())
    };
    // A word that may be a slip, by what it and its neighbours are (not
    // yet by how often it is written).
    let candidate = |tokens: &[crate::grammar::token::Token<'_>], k: usize| {
        let t = &tokens[k];
        t.is_capitalized()
            && t.is_word()
            && t.text.len() >= 5
            && may_slip(t)
            && !capital_word(tokens.get(k + 1))
            && !(k > 1 && capital_word(tokens.get(k - 1)))
            && !lx.has_any(&tokens[k - 1], bits::HEAD | bits::RANK)
    };
    // Most articles have no such word: no counting then.
    let maybe_slips: Vec<(&[crate::grammar::token::Token<'_>], usize)> = sentences
        .iter()
        .flat_map(|(_, tokens)| {
            (1..tokens.len())
                .filter(move |&k| candidate(tokens, k))
                .map(move |k| (tokens, k))
        })
        .collect();
    if maybe_slips.is_empty() {
        return Vec::new();
    }
    let people: Vec<(&str, &str, String)> = named
        .into_iter()
        .map(|(full, surname)| (full, surname, surname.to_lowercase()))
        .collect();
    // How often each capitalised word that may be a surname or its slip
    // is written in the article, as written (no lower-casing: this runs
    // over every article).
    let mut written: HashMap<&str, usize, WordBuildHasher> = HashMap::default();
    for (_, tokens) in sentences.iter() {
        for t in tokens.iter().filter(|t| t.is_capitalized() && may_slip(t)) {
            *written.entry(t.text).or_default() += 1;
        }
    }
    let mut out = Vec::new();
    for (tokens, k) in maybe_slips {
        let t = &tokens[k];
        let count = written.get(t.text).copied().unwrap_or(0);
        if count > 2 {
            continue;
        }
        let lower = t.lower();
        let candidates = people.iter().filter(|(_, written_as, surname)| {
            edges(surname) == edges(&lower) && written.get(written_as).copied().unwrap_or(0) > count
        });
        let mut candidates = candidates.peekable();
        if candidates.peek().is_none()
            || name_words
                .get_or_insert_with(|| {
                    people
                        .iter()
                        .flat_map(|(full, _, _)| full.split(' ').map(str::to_lowercase))
                        .collect()
                })
                .contains(lower.as_ref())
            || lx.has_any(t, bits::GIVEN | bits::HEAD | bits::RANK | bits::NOT_NAME)
            || lx.places.contains_key(lower.as_ref())
            || crate::grammar::title::known_org_len(lx, &tokens[k..k + 1]).is_some()
        {
            continue;
        }
        let slip = candidates
            .find(|(_, _, surname)| word_spelling(&lower, surname) == Some(Spelling::Misspelt));
        if let Some((full, _, _)) = slip {
            out.push(GivenNameMention {
                doc: id,
                span: Span::new(t.start, t.end),
                full: full.to_string(),
                kind: MentionKind::SurnameSlip,
                at: Default::default(),
            });
        }
    }
    out
}

/// The relation a rule file declares for [`proper_names`]' claims: when no
/// loaded rule file declares it, no such claim is made (nothing would
/// read them).
pub const PROPER_NAME: &str = "proper-name";

/// Words that end the name of a structure a road, a ship or a plane runs
/// into ("Francis Scott Key Bridge"), besides the venues' facility words
/// ([`crate::patterns::matcher::is_facility_word`]) and the organisation
/// suffixes of the vocabulary ("Synergy Marine Group").
const STRUCTURE_LAST: &[&str] = &[
    "bridge",
    "tunnel",
    "dam",
    "canal",
    "terminal",
    "harbour",
    "harbor",
    "estate",
    "tower",
    "building",
    "museum",
    "expressway",
    "highway",
    "motorway",
    "railway",
];

/// Capitalised words that open a sentence or a clause, not a name ("The
/// Synergy Marine Group said"): dropped from a run's start.
const LEADING: &[&str] = &[
    "the", "a", "an", "this", "that", "in", "on", "at", "for", "from", "with", "by", "to", "and",
    "but", "as", "after", "when", "while", "both", "its", "his", "her", "their",
];

/// The fewest capitalised words a proper name has (two share only their
/// kind word with another name).
const MIN_NAME_WORDS: usize = 3;

/// The most words a proper name has: longer runs are headlines.
const MAX_NAME_WORDS: usize = 7;

/// Names of organisations and structures, one claim of the
/// [`PROPER_NAME`] relation per distinct name per document: runs of
/// three capitalised words or more ("of", "of the", "and", "&" may join
/// two of them) whose last word is an organisation suffix ("Group",
/// "Police", "Authority") or names a structure or facility ("Bridge",
/// "Airport", "Palace"); the run is cut after its last such word. People
/// are the title and name checks' business; a name of two words has only
/// its kind word in common with another ("Synergy Group", "Energy
/// Group") and is left alone. Runs in capitals (headlines) are skipped.
pub fn proper_names(rules: &RuleSet, id: DocId, sentences: &Sentences<'_>) -> Vec<Claim> {
    let Some(relation) = rules.relations.iter().find(|r| r.id == PROPER_NAME) else {
        return Vec::new();
    };
    let slot = relation.value.clone();
    let mut seen = std::collections::BTreeSet::new();
    let mut out = Vec::new();
    for (_, tokens) in sentences.iter() {
        let mut k = 0;
        while k < tokens.len() {
            let Some((start, end)) = name_run(rules, tokens, k) else {
                k += 1;
                continue;
            };
            k = end.max(k + 1);
            let span = Span::new(tokens[start].start, tokens[end - 1].end);
            let written: Vec<&str> = tokens[start..end].iter().map(|t| t.text).collect();
            let text = written.join(" ");
            let folded = text.to_lowercase();
            if !seen.insert(folded.clone()) {
                continue;
            }
            out.push(proper_name_claim(
                id,
                span,
                &relation.id,
                &slot,
                text,
                folded,
            ));
        }
    }
    out
}

/// The claim of one proper name: its subject and its one slot are the
/// name as written.
fn proper_name_claim(
    id: DocId,
    span: Span,
    relation: &str,
    slot: &str,
    text: String,
    folded: String,
) -> Claim {
    use crate::claim::{RelationClaim, SlotFill, SlotValue};
    Claim::from(RelationClaim {
        doc: id,
        span,
        subject: text.clone().into(),
        subject_key: folded.clone().into(),
        subject_resolved: true,
        value: text.clone().into(),
        value_span: span,
        pattern: PROPER_NAME,
        relation: relation.to_string(),
        slots: vec![SlotFill {
            slot: slot.to_string(),
            text,
            value: SlotValue::Text { folded },
        }],
    })
}

/// The proper name that starts at token `k` (token range), if one does:
/// only at the start of a run of capitalised words, so each run is read
/// once.
fn name_run(rules: &RuleSet, tokens: &[Token<'_>], k: usize) -> Option<(usize, usize)> {
    let capital = |t: &Token<'_>| t.is_capitalized() && t.is_word();
    if !capital(&tokens[k]) || (k > 0 && capital(&tokens[k - 1])) {
        return None;
    }
    // Most runs are one or two words: cut those before the kind-word
    // look-ups below.
    if !may_hold_name_words(tokens, k, capital) {
        return None;
    }
    // The run: capital words, joiners between two of them.
    let mut end = k;
    let mut words = 0;
    let mut last_head = None;
    let mut all_caps = true;
    while end < tokens.len() {
        let t = &tokens[end];
        if capital(t) {
            words += 1;
            all_caps &= t.is_all_caps();
            end += 1;
            if is_kind_word(rules, &t.lower()) {
                last_head = Some((end, words));
            }
            continue;
        }
        let joiner = |w: &str| t.text == w && tokens.get(end + 1).is_some_and(capital);
        // "and" joins the words of one name ("Evans and Sutherland
        // Computer Corp"), not two names ("Texaco Inc and Pennzoil Co").
        let and = last_head.is_none() && (joiner("and") || joiner("&"));
        if words > 0 && (joiner("of") || and) {
            end += 1;
        } else if words > 0
            && t.text == "of"
            && tokens.get(end + 1).is_some_and(|n| n.text == "the")
            && tokens.get(end + 2).is_some_and(capital)
        {
            end += 2;
        } else {
            break;
        }
    }
    let (head_end, _) = last_head?;
    // Opening words ("The", "In") are not the name's.
    let mut start = k;
    while start < head_end && LEADING.contains(&tokens[start].lower().as_ref()) {
        start += 1;
    }
    let kept = tokens[start..head_end]
        .iter()
        .filter(|t| capital(t))
        .count();
    let joined_first = tokens.get(start).is_some_and(|t| !capital(t));
    if all_caps || joined_first || !(MIN_NAME_WORDS..=MAX_NAME_WORDS).contains(&kept) {
        return None;
    }
    Some((start, head_end))
}

/// Whether the longest run [`name_run`] could read from `k` (every
/// joiner taken, as if no kind word came before an "and") has
/// [`MIN_NAME_WORDS`] capitalised words: the run it reads is a prefix of
/// that one, so with fewer it keeps fewer. Counted without a look-up.
fn may_hold_name_words(
    tokens: &[Token<'_>],
    k: usize,
    capital: impl Fn(&Token<'_>) -> bool,
) -> bool {
    let mut end = k;
    let mut words = 0;
    while end < tokens.len() && words < MIN_NAME_WORDS {
        let t = &tokens[end];
        if capital(t) {
            words += 1;
            end += 1;
            continue;
        }
        let joiner = |w: &str| t.text == w && tokens.get(end + 1).is_some_and(&capital);
        if words > 0 && (joiner("of") || joiner("and") || joiner("&")) {
            end += 1;
        } else if words > 0
            && t.text == "of"
            && tokens.get(end + 1).is_some_and(|n| n.text == "the")
            && tokens.get(end + 2).is_some_and(&capital)
        {
            end += 2;
        } else {
            break;
        }
    }
    words >= MIN_NAME_WORDS
}

/// Does `lower` end the name of an organisation, a structure or a
/// facility?
fn is_kind_word(rules: &RuleSet, lower: &str) -> bool {
    // A set, not a scan of the list: asked of every word of a long run.
    static STRUCTURES: std::sync::OnceLock<rustc_hash::FxHashSet<&'static str>> =
        std::sync::OnceLock::new();
    STRUCTURES
        .get_or_init(|| STRUCTURE_LAST.iter().copied().collect())
        .contains(lower)
        || crate::patterns::matcher::is_facility_word(lower)
        || rules.lexicon.is_org_suffix(lower)
}

#[cfg(test)]
mod tests {
    use crate::corpus::Document;
    use crate::ruleset::RuleSet;

    /// The proper names [`super::proper_names`] reads in `text`.
    fn names(text: &str) -> Vec<String> {
        let rules = RuleSet::shipped().unwrap();
        let mut doc = Document::new("a.txt".into(), None, text.to_string());
        doc.body_start = 0;
        let sentences = super::Sentences::of(&rules, &doc);
        super::proper_names(&rules, 0, &sentences)
            .into_iter()
            .map(|c| c.subject.into())
            .collect()
    }

    #[test]
    fn a_name_ends_in_its_kind_word_and_loses_its_opening_word() {
        assert_eq!(
            names("The Synergy Marine Group said the Francis Scott Key Bridge fell."),
            ["Synergy Marine Group", "Francis Scott Key Bridge"]
        );
        // Cut after the last kind word; "of the" may join.
        assert_eq!(
            names("He spoke to the House of Commons Finance Committee Chairman Roe."),
            ["House of Commons Finance Committee"]
        );
    }

    #[test]
    fn short_names_headlines_and_repeats_are_not_read() {
        assert!(names("The Key Bridge and Synergy Group were named.").is_empty());
        assert!(names("SYNERGY MARINE GROUP SAYS CREW SAFE").is_empty());
        assert_eq!(
            names("Grace Ocean Holdings said so. Grace Ocean Holdings agreed."),
            ["Grace Ocean Holdings"]
        );
    }

    #[test]
    fn a_sentence_of_capitalised_words_without_a_kind_word_is_no_name() {
        assert!(names("Transport Secretary Pete Buttigieg Visited Baltimore Today.").is_empty());
    }

    #[test]
    fn a_surname_run_onto_the_word_before_still_precedes_its_given_name() {
        use super::ends_with_word;
        assert!(ends_with_word("Li", "Li"));
        assert!(ends_with_word("Australia.Li", "Li"));
        assert!(ends_with_word("premier-Li", "Li"));
        // Another word that ends in the same letters is not the surname.
        assert!(!ends_with_word("Eli", "Li"));
        assert!(!ends_with_word("Chi", "Xi"));
    }
}
