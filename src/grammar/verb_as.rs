//! The verb group of a role predicate with any verb (issue 17): what
//! stands between a person subject and "as ROLE" ("most recently served
//! as", "should take over as", "has been named to succeed Y as", "returns
//! to his former position of").
//!
//! ```text
//! verb_as     := aux* verb ("to" verb)? particle? object? adjunct? ("as" | "to" post_of)
//! aux         := be | have | modal | "to" | adverb                 has been, should, most recently
//! verb        := a lower-case word that is no function word          served, returns, take
//! particle    := over | in | on | back | up | down | aside | out | off | away
//! object      := person_name      (only after a verb of succession: succeed Y as)
//!              | the|its|his|her word{1,2}                           served the company as
//! adjunct     := (in | since | from | until) date                    in November 1984
//! ```
//!
//! The verb is not looked up in a list of office verbs: any verb counts,
//! because the role after "as" (which the caller parses) says it is an
//! office. The verb's class and the group's tense give the qualifier
//! ([`qualifier`]): a verb that starts an office gives `new` (`designate`
//! when still to come), one that ends it `former` (`outgoing` when under
//! way or to come), one that keeps it none, and any other verb (serve,
//! work, act) `former` in the past, `designate` to come, none otherwise.

use super::name::person_name;
use super::token::{Token, TokenKind};
use super::{Lexicon, Toks};

/// Longest run of auxiliaries and adverbs before the verb.
const MAX_AUX: usize = 5;

/// Auxiliaries: forms of "be" and "have", modals, and "to" of an
/// infinitive ("agreed to", "is to").
const AUXILIARIES: &[&str] = &[
    "is", "was", "are", "were", "be", "been", "being", "has", "have", "had", "having", "will",
    "would", "shall", "should", "can", "could", "may", "might", "must", "to",
];
/// Auxiliaries that put the office still to come.
const FUTURE_AUX: &[&str] = &[
    "will", "would", "shall", "should", "can", "could", "may", "might", "must", "to",
];
/// Auxiliaries of the past.
const PAST_AUX: &[&str] = &["was", "were", "had"];
/// Adverbs of the verb group ("-ly" words are adverbs too).
const ADVERBS: &[&str] = &[
    "also", "now", "still", "once", "later", "then", "again", "already", "most", "soon", "not",
    "never", "first", "just", "shortly",
];
/// Adverbs that put the office in the past: "formerly was", "most
/// recently served as".
const PAST_ADVERBS: &[&str] = &["formerly", "previously", "once", "earlier"];
/// Particles after the verb: "take over as", "step in as", "stay on as".
const PARTICLES: &[&str] = &[
    "over", "in", "on", "back", "up", "down", "aside", "out", "off", "away",
];
/// Function words and reporting verbs: never the verb of the group.
/// "Salomon said as lead manager" is a firm's quoted role, and after a
/// preposition or conjunction the name is no subject.
const NOT_VERBS: &[&str] = &[
    "a",
    "an",
    "the",
    "of",
    "in",
    "on",
    "at",
    "for",
    "with",
    "by",
    "from",
    "and",
    "or",
    "but",
    "as",
    "to",
    "that",
    "which",
    "who",
    "whom",
    "whose",
    "it",
    "its",
    "he",
    "she",
    "his",
    "her",
    "they",
    "their",
    "this",
    "these",
    "those",
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "noted",
    "stated",
    "according",
    "such",
    "than",
    "so",
    "if",
    "when",
    "while",
    "because",
    "after",
    "before",
    "since",
    "until",
    "into",
    "about",
    "under",
    "over",
    "between",
    "during",
    "without",
    "against",
    "through",
    "per",
    "pct",
    "mln",
    "billion",
    "dlrs",
];
/// Irregular simple pasts (the "-ed" test finds the rest).
const IRREGULAR_PASTS: &[&str] = &[
    "came", "took", "left", "went", "began", "stood", "ran", "rose", "held", "kept", "sat", "won",
    "got", "made", "gave", "set", "quit", "became", "was", "were", "fought", "led",
];

/// Verbs that start an office: "take over as", "join as", "succeed Y as".
const START_VERBS: &[&str] = &[
    "take",
    "takes",
    "took",
    "taken",
    "taking",
    "join",
    "joins",
    "joined",
    "joining",
    "rejoin",
    "rejoins",
    "rejoined",
    "come",
    "comes",
    "came",
    "coming",
    "return",
    "returns",
    "returned",
    "returning",
    "move",
    "moves",
    "moved",
    "step",
    "steps",
    "stepped",
    "succeed",
    "succeeds",
    "succeeded",
    "replace",
    "replaces",
    "replaced",
    "named",
    "appointed",
    "elected",
    "hired",
    "chosen",
    "selected",
    "promoted",
    "installed",
    "nominated",
    "assume",
    "assumes",
    "assumed",
    "start",
    "starts",
    "started",
    "begin",
    "begins",
    "began",
    "enter",
    "enters",
    "entered",
];
/// Verbs that end an office: "resigned as", "step down as" (with
/// "down"/"aside" a start verb "step" ends it).
const END_VERBS: &[&str] = &[
    "resign",
    "resigns",
    "resigned",
    "resigning",
    "retire",
    "retires",
    "retired",
    "retiring",
    "quit",
    "quits",
    "leave",
    "leaves",
    "left",
    "leaving",
    "relinquish",
    "relinquishes",
    "relinquished",
    "cede",
    "cedes",
    "ceded",
    "vacate",
    "vacates",
    "vacated",
    "removed",
    "ousted",
    "dismissed",
    "fired",
    "replaced",
    "relieved",
];
/// Particles that make a verb end the office: "step down as".
const END_PARTICLES: &[&str] = &["down", "aside", "out", "off"];
/// Verbs that keep an office: "remains as", "continues as".
const KEEP_VERBS: &[&str] = &[
    "remain",
    "remains",
    "remained",
    "remaining",
    "continue",
    "continues",
    "continued",
    "continuing",
    "stay",
    "stays",
    "stayed",
    "staying",
    "keep",
    "keeps",
    "kept",
    "retain",
    "retains",
    "retained",
];
/// Verbs of succession, the only ones whose object may be a person: "succeed Y as".
pub const SUCCESSION_VERBS: &[&str] = &[
    "succeed",
    "succeeds",
    "succeeded",
    "succeeding",
    "replace",
    "replaces",
    "replacing",
];
/// Determiners of a common-noun object: "served the company as".
const OBJECT_DETERMINERS: &[&str] = &["the", "its", "his", "her", "their"];
/// Longest common-noun object, in words after the determiner.
const MAX_OBJECT_WORDS: usize = 2;

fn is_in(t: &Token<'_>, words: &[&str]) -> bool {
    t.is_word() && words.contains(&t.lower().as_ref())
}

/// Could `t` be the verb: a lower-case word, no function word.
fn verb_like(t: &Token<'_>) -> bool {
    t.is_word()
        && !t.is_capitalized()
        && t.text.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
        && !is_in(t, NOT_VERBS)
}

/// Is `t` an adverb of a verb group?
fn adverb(t: &Token<'_>) -> bool {
    t.is_word()
        && !t.is_capitalized()
        && (is_in(t, ADVERBS)
            || is_in(t, PAST_ADVERBS)
            || (t.text.len() > 4 && t.text.ends_with("ly")))
}

/// A verb group read by [`verb_as`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerbAs {
    /// Tokens from the group's start to the role (after "as" or the post
    /// noun's "of").
    pub len: usize,
    /// Where the verb is: the caller resumes there when the group holds a
    /// predecessor ("succeed Y as"), so that Y's own claim is read too.
    pub verb_at: usize,
    /// The group names the person succeeded.
    pub has_person_object: bool,
    pub qualifier: Option<&'static str>,
}

/// `verb_as`: the verb group at the start of `rest` (right after the
/// subject, or after its ", who"), up to the role. `None` when no verb
/// group ending in "as" (or "to" + a post noun + "of") starts there.
pub fn verb_as(lx: &Lexicon, rest: Toks<'_, '_>) -> Option<VerbAs> {
    let aux = rest
        .iter()
        .take(MAX_AUX)
        .take_while(|t| is_in(t, AUXILIARIES) || adverb(t))
        .count();
    let mut j = aux;
    let verb = rest.get(j).filter(|t| verb_like(t))?;
    let verb_at = j;
    let mut last_verb = verb;
    j += 1;
    // "named to succeed Y as", "elected to serve as": one infinitive.
    let mut infinitive = false;
    if let [to, v, ..] = &rest[j..] {
        if is_in(to, &["to"]) && verb_like(v) && !is_in(v, AUXILIARIES) {
            last_verb = v;
            infinitive = true;
            j += 2;
        }
    }
    let particle = rest.get(j).filter(|t| is_in(t, PARTICLES));
    j += usize::from(particle.is_some());
    let mut has_person_object = false;
    if is_in(last_verb, SUCCESSION_VERBS) {
        let (after, _) = person_name(lx, &rest[j..]).ok()?;
        j = rest.len() - after.len();
        has_person_object = true;
    } else {
        // "would not accept a third term as chairman": a span of time in
        // office refused says nothing of the role held (issue 17).
        let negated = rest[..aux].iter().any(|t| is_in(t, &["not", "never"]));
        if negated && term_object_len(&rest[j..]) > 0 {
            return None;
        }
        j += common_object_len(&rest[j..]);
    }
    j += date_adjunct_len(&rest[j..]);
    let role_at = match &rest[j..] {
        [as_, ..] if is_in(as_, &["as"]) => j + 1,
        [to, more @ ..] if is_in(to, &["to"]) => {
            let n = super::claim::post_of_len(more);
            if n == 0 {
                return None;
            }
            j + 1 + n
        }
        _ => return None,
    };
    let words = &rest[..aux];
    let qualifier = qualifier(words, verb, last_verb, particle, infinitive);
    Some(VerbAs {
        len: role_at,
        verb_at,
        has_person_object,
        qualifier,
    })
}

/// "the company", "his present position": a determiner and at most two
/// lower-case words (after a possessive, a post noun); the caller wants
/// "as" after it. Returns its tokens, 0 when there is none.
fn common_object_len(rest: Toks<'_, '_>) -> usize {
    let [det, more @ ..] = rest else {
        return 0;
    };
    let term = term_object_len(rest);
    if term > 0 {
        return term;
    }
    if !is_in(det, OBJECT_DETERMINERS) {
        return 0;
    }
    let words = more
        .iter()
        .take(MAX_OBJECT_WORDS)
        .take_while(|t| verb_like(t))
        .count();
    if words == 0 {
        return 0;
    }
    // "fulfil his duties as", but "retains his stake as an investor": an
    // owned object is the person's post, nothing else they own.
    let owned = !is_in(det, &["the"]);
    if owned && !is_in(&more[words - 1], super::claim::POST_NOUNS) {
        return 0;
    }
    1 + words
}

/// Nouns of a span of time in office: "completed his first year as",
/// "served the maximum two-year term as".
const TERM_NOUNS: &[&str] = &[
    "year", "years", "term", "terms", "tenure", "stint", "spell", "months", "decade",
];
/// Longest run of words before a term noun ([`term_object_len`]).
const MAX_TERM_WORDS: usize = 3;

/// "his first year", "the maximum two-year term", "a good job" (issue 17):
/// a determiner, at most [`MAX_TERM_WORDS`] lower-case words and a noun of
/// time in office or a post noun, right before "as": the span the
/// person held the role after "as". Returns its tokens, 0 when there is
/// none.
fn term_object_len(rest: Toks<'_, '_>) -> usize {
    let [det, more @ ..] = rest else {
        return 0;
    };
    if !(is_in(det, OBJECT_DETERMINERS) || is_in(det, &["a"])) {
        return 0;
    }
    let words = more
        .iter()
        .take(MAX_TERM_WORDS + 1)
        .take_while(|t| verb_like(t) || t.kind == TokenKind::Number)
        .count();
    let noun = (1..=words).rev().find(|&k| {
        let t = &more[k - 1];
        (is_in(t, TERM_NOUNS) || is_in(t, super::claim::POST_NOUNS))
            && more.get(k).is_some_and(|n| is_in(n, &["as"]))
    });
    noun.map_or(0, |k| 1 + k)
}

/// "in November 1984", "since 1983": a date after the verb, before "as".
fn date_adjunct_len(rest: Toks<'_, '_>) -> usize {
    let [prep, more @ ..] = rest else {
        return 0;
    };
    if !is_in(prep, &["in", "since", "from", "until"]) {
        return 0;
    }
    let n = more
        .iter()
        .take(2)
        .take_while(|t| t.kind == TokenKind::Number || super::title::is_date_word(t))
        .count();
    if n > 0 && more.get(n).is_some_and(|t| is_in(t, &["as"])) {
        1 + n
    } else {
        0
    }
}

/// Is the verb a simple past?
fn simple_past(verb: &Token<'_>) -> bool {
    is_in(verb, IRREGULAR_PASTS) || (verb.is_word() && verb.text.ends_with("ed"))
}

/// The qualifier of a verb group: from the last verb's class (start,
/// end, keep, other) and the group's tense. `words` are the auxiliaries
/// and adverbs before the first verb.
fn qualifier(
    words: Toks<'_, '_>,
    verb: &Token<'_>,
    last_verb: &Token<'_>,
    particle: Option<&Token<'_>>,
    infinitive: bool,
) -> Option<&'static str> {
    let future = infinitive || words.iter().any(|t| is_in(t, FUTURE_AUX));
    let perfect = words.iter().any(|t| is_in(t, &["has", "have"]));
    let progressive = last_verb.text.ends_with("ing");
    // "most recently served": adverbs alone leave the verb's own tense.
    let finite = !words.iter().any(|t| is_in(t, AUXILIARIES));
    let past = !future
        && !perfect
        && (words
            .iter()
            .any(|t| is_in(t, PAST_AUX) || is_in(t, PAST_ADVERBS))
            || (finite && simple_past(verb)));
    let ends = is_in(last_verb, END_VERBS) || particle.is_some_and(|p| is_in(p, END_PARTICLES));
    if ends {
        return Some(
            if future || progressive || !(past || perfect || simple_past(last_verb)) {
                "outgoing"
            } else {
                "former"
            },
        );
    }
    // "will continue to serve as": the first verb keeps the office.
    if is_in(last_verb, KEEP_VERBS) || is_in(verb, KEEP_VERBS) {
        return None;
    }
    if is_in(last_verb, START_VERBS) {
        return Some(if future { "designate" } else { "new" });
    }
    if future {
        Some("designate")
    } else if past {
        Some("former")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_lexicon;
    use super::super::token::tokenize;
    use super::*;

    fn read(text: &str) -> Option<(String, Option<&'static str>)> {
        let lx = test_lexicon();
        let mut toks = tokenize(text, 0);
        lx.annotate(&mut toks);
        let v = verb_as(&lx, &toks)?;
        let rest: Vec<_> = toks[v.len..].iter().map(|t| t.text).collect();
        Some((rest.join(" "), v.qualifier))
    }

    #[test]
    fn any_verb_before_as_opens_the_role() {
        for (text, q) in [
            ("most recently served as chairman", Some("former")),
            ("should take over as chairman", Some("designate")),
            ("takes over as chairman", Some("new")),
            ("will act as chairman", Some("designate")),
            ("remains as chairman", None),
            ("will continue as chairman", None),
            ("serves as chairman", None),
            ("has served as chairman", None),
            ("had served the company as chairman", Some("former")),
            ("would fulfil his duties as chairman", Some("designate")),
            ("worked as chairman", Some("former")),
            (
                "has been named to succeed Robert Cane as chairman",
                Some("designate"),
            ),
            ("replaces Robert Cane as chairman", Some("new")),
            ("returns to his former position of chairman", Some("new")),
            ("will step down as chairman", Some("outgoing")),
            ("stepped down as chairman", Some("former")),
            ("is stepping down as chairman", Some("outgoing")),
            ("would step in as chairman", Some("designate")),
            (
                "joined the company in November 1984 as chairman",
                Some("new"),
            ),
            ("will continue to serve as chairman", None),
            // A span of time in office as the object (issue 17).
            ("has just completed his first year as chairman", None),
            (
                "served the maximum two-year term as chairman",
                Some("former"),
            ),
            ("was doing a good job as chairman", Some("former")),
        ] {
            let got = read(text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(got, ("chairman".to_string(), q), "{text}");
        }
    }

    #[test]
    fn no_verb_group_no_role() {
        for text in [
            "said as lead manager",
            "as chairman",
            "and as chairman",
            "named Tom Poe as chairman",
            "of the board as chairman",
            "Chairman as",
            "will join the firm",
            "returns to his home",
            "retains his stake as chairman",
            "spent a busy week as chairman",
            "completed his first year",
            "would not accept a third term as chairman",
        ] {
            assert!(read(text).is_none(), "{text}");
        }
    }
}
