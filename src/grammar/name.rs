//! Person names: `name := first (middle)* last suffix?`.
//!
//! Tokens: capitalised words that the lexicon does not know as something
//! else (months, title heads, organisations), initials ("J.", "L.F."),
//! particles ("de", "van", "al") between name words, and suffixes
//! ("Jr.", "II"). Names are at most six tokens and always end on a name word
//! (or suffix), so "Daniel Kritenbrink" and "Anthony J. O'Reilly Jr." parse.

use nom::error::{Error, ErrorKind};

use super::lexicon::{bits, Lexicon};
use super::token::{Token, TokenKind};
use super::{PResult, Toks};

const PARTICLES: &[&str] = &[
    "de", "van", "von", "der", "den", "da", "di", "du", "le", "la", "al", "bin", "ben", "del",
    "dos", "das", "ter", "y", "el",
    // Portuguese "and" between two family names ("Correia e Silva").
    "e",
];
const SUFFIXES: &[&str] = &["jr.", "jr", "sr.", "sr", "ii", "iii", "iv"];
const MAX_NAME_TOKENS: usize = 6;
/// Month names that are also given names ("Jan Carlzon", "April"): a month
/// when a number follows ("Jan 5").
const MONTH_NAMES: &[&str] = &["jan", "april", "may", "june", "july", "august"];

fn fail<'t, 'a, O>(input: Toks<'t, 'a>) -> PResult<'t, 'a, O> {
    Err(nom::Err::Error(Error::new(input, ErrorKind::Verify)))
}

/// `name_word`: a capitalised word that can be part of a person's name.
pub fn is_name_word(lx: &Lexicon, t: &Token<'_>) -> bool {
    if !t.is_word() || t.text.ends_with('.') {
        return false;
    }
    let text = t.text;
    if !(t.is_capitalized() || has_arabic_prefix(text)) {
        return false;
    }
    if t.is_all_caps() && !is_roman_suffix(text) {
        return false; // "CIA", "LMFE", upper-case headlines
    }
    // A short word not in capitals is no acronym: "Un" of Kim Jong Un is
    // not the UN.
    let org = if text.chars().count() <= 3 {
        0
    } else {
        bits::ORG
    };
    !lx.has_any(
        t,
        bits::NOT_NAME | bits::HEAD | bits::RANK | bits::QUALIFIER | org | bits::ORG_SUFFIX,
    )
}

/// "al-Assad", "bin-Talal": a lower-case name word.
fn has_arabic_prefix(text: &str) -> bool {
    ["al-", "el-", "bin-"].iter().any(|p| text.starts_with(p)) && text.len() > 4
}

/// Can `t` start a name at all? A word that is capitalised or has an
/// Arabic prefix: what both [`is_name_word`] and [`is_initial`] need
/// before any look-up. Most tokens are lower-case words or punctuation,
/// and `person_name` is tried at nearly every token, so this is checked
/// first.
#[inline]
pub fn may_start_name(t: &Token<'_>) -> bool {
    if !t.is_word() {
        return false;
    }
    match t.text.as_bytes().first() {
        // An ASCII first letter: no decoding, and an Arabic prefix starts
        // with "a", "e" or "b".
        Some(&b) if b.is_ascii() => {
            t.cased
                || b.is_ascii_uppercase()
                || (matches!(b, b'a' | b'e' | b'b') && has_arabic_prefix(t.text))
        }
        _ => t.is_capitalized() || has_arabic_prefix(t.text),
    }
}

fn is_roman_suffix(text: &str) -> bool {
    matches!(text, "II" | "III" | "IV")
}

/// `initial`: "J." or "L.F." (but not a known organisation like "U.S.").
pub fn is_initial(lx: &Lexicon, t: &Token<'_>) -> bool {
    let text = t.text;
    t.is_word()
        && text.ends_with('.')
        && text
            .trim_end_matches('.')
            .split('.')
            .all(|p| p.chars().count() == 1 && p.chars().all(char::is_uppercase))
        && !lx.has(t, bits::ORG)
}

fn is_particle(t: &Token<'_>) -> bool {
    t.is_word() && PARTICLES.contains(&t.text)
}

fn is_suffix(t: &Token<'_>) -> bool {
    t.is_word() && SUFFIXES.contains(&t.lower().as_ref())
}

/// `person_name`: the longest name at the start of `input`.
pub fn person_name<'t, 'a>(lx: &Lexicon, input: Toks<'t, 'a>) -> PResult<'t, 'a, Toks<'t, 'a>> {
    let Some(first) = input.first() else {
        return fail(input);
    };
    if !may_start_name(first)
        || !(is_name_word(lx, first)
            || is_initial(lx, first)
            || is_family_name_before_pinyin(lx, input))
    {
        return fail(input);
    }
    if is_suffix(first) {
        return fail(input); // "John Pope [Jr]": a suffix names no one alone
    }
    let is_date = MONTH_NAMES.contains(&first.lower().as_ref())
        && input.get(1).is_some_and(|t| t.kind == TokenKind::Number);
    if is_date {
        return fail(input);
    }
    // `last_end`: tokens up to the last place the name may end.
    let mut last_end = usize::from(is_name_word(lx, first));
    let mut i = 1;
    // The quotes around a nickname are no words of the name.
    let mut quotes = 0;
    while i < input.len() && i < MAX_NAME_TOKENS + quotes {
        let t = &input[i];
        if is_name_word(lx, t) || surname_like_head(lx, input, i) {
            last_end = i + 1;
        } else if is_initial(lx, t) || is_particle(t) {
            // must be followed by more name
        } else if is_suffix(t) && last_end == i {
            last_end = i + 1;
            break;
        } else if t.is_punct(",") && input.get(i + 1).is_some_and(is_suffix) && last_end == i {
            last_end = i + 2; // "John Smith, Jr."
            break;
        } else if quoted_nickname(lx, &input[i..]) {
            // "Luiz Inácio "Lula" da Silva": must be followed by more name
            i += 3;
            quotes += 2;
            continue;
        } else {
            break;
        }
        i += 1;
    }
    if last_end == 0 {
        return fail(input);
    }
    // "the United States, Japanese Prime Minister Fumio Kishida": words
    // that are each a name word but together a country's or an
    // organisation's known name name no person.
    if last_end >= 2 && super::title::known_org_len(lx, &input[..last_end]) == Some(last_end) {
        return fail(input);
    }
    Ok((&input[last_end..], &input[..last_end]))
}

/// A nickname in quotes inside a name, before more of it ("Luiz Inácio
/// "Lula" da Silva", "Dwayne "The Rock" Johnson" has two words and is
/// not read): an opening quote, one name word, a closing quote, then a
/// name word or a particle.
fn quoted_nickname(lx: &Lexicon, rest: Toks<'_, '_>) -> bool {
    let [open, word, close, next, ..] = rest else {
        return false;
    };
    let opens = open.is_punct("\"") || open.is_punct("“");
    let closes = close.is_punct("\"") || close.is_punct("”");
    opens && closes && is_name_word(lx, word) && (is_name_word(lx, next) || is_particle(next))
}

/// Capitalised words the lexicon keeps out of names that never end one
/// before an apposition either: function words, and words of when, not
/// who ("said John Today, ...").
const NOT_SURNAMES: &[&str] = &[
    "the",
    "this",
    "that",
    "these",
    "those",
    "for",
    "from",
    "with",
    "and",
    "but",
    "nor",
    "when",
    "while",
    "after",
    "before",
    "since",
    "until",
    "during",
    "under",
    "over",
    "about",
    "she",
    "they",
    "you",
    "his",
    "her",
    "its",
    "their",
    "our",
    "your",
    "there",
    "here",
    "who",
    "what",
    "which",
    "where",
    "why",
    "how",
    "some",
    "many",
    "most",
    "all",
    "both",
    "each",
    "every",
    "not",
    "one",
    "two",
    "three",
    "also",
    "then",
    "now",
    "yet",
    "still",
    "however",
    "meanwhile",
    "moreover",
    "today",
    "yesterday",
    "tomorrow",
    "tonight",
    "last",
    "next",
    "earlier",
    "later",
];

/// "Bill May, chairman of Acme", "Michael German, an economist with Y",
/// "Rein van der Does, director of research" (issue 17): a capitalised
/// word the lexicon keeps out of names (a month, a nationality, a verb of
/// headlines) is the surname when it closes a name before an apposition's
/// comma: after a lone known given name, or after particles ("van der"),
/// with initials between. `name` is what [`person_name`] read, `rest`
/// what follows it. Returns the tokens of `rest` that belong to the name
/// (0 when none do); the caller still needs a title after the comma.
pub fn apposed_surname_len(lx: &Lexicon, name: Toks<'_, '_>, rest: Toks<'_, '_>) -> usize {
    let between = rest
        .iter()
        .take(MAX_NAME_TOKENS)
        .take_while(|t| is_initial(lx, t) || is_particle(t))
        .count();
    let particle = rest[..between].iter().any(is_particle);
    let given = name.len() == 1 && lx.has(&name[0], bits::GIVEN);
    let [word, comma, ..] = &rest[between..] else {
        return 0;
    };
    let surname = word.is_word()
        && word.is_capitalized()
        && !word.is_all_caps()
        && word.text.len() >= 3
        && word
            .text
            .chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
        && lx.has_any(word, bits::NOT_NAME | bits::ORG)
        && !lx.has_any(
            word,
            bits::HEAD | bits::RANK | bits::QUALIFIER | bits::ORG_SUFFIX,
        )
        && crate::temporal::lexicon::weekday(word.text).is_none()
        && !NOT_SURNAMES.contains(&word.lower().as_ref());
    if (given || particle)
        && surname
        && comma.is_punct(",")
        && name.len() + between < MAX_NAME_TOKENS
    {
        between + 1
    } else {
        0
    }
}

/// "John Pope", "Tom King": a capitalised title head right after a known
/// given name that opens the name is a surname.
fn surname_like_head(lx: &Lexicon, input: Toks<'_, '_>, i: usize) -> bool {
    let t = &input[i];
    i == 1
        && t.is_word()
        && t.is_capitalized()
        && !t.is_all_caps()
        && !t.text.ends_with('.')
        && lx.has(t, bits::HEAD)
        && input[0].is_capitalized()
        && lx.has(&input[0], bits::GIVEN)
}

/// "He Lifeng", "He Yafei": a family name written first that is also a
/// function word (so never a name word by itself: "He said") opens a name
/// when a capitalised pinyin given name follows it, which a pronoun never
/// has after it in prose.
fn is_family_name_before_pinyin(lx: &Lexicon, input: Toks<'_, '_>) -> bool {
    let (Some(family), Some(given)) = (input.first(), input.get(1)) else {
        return false;
    };
    family.is_word()
        && family.is_capitalized()
        && !family.is_all_caps()
        && lx.has(family, bits::SURNAME_FIRST)
        && is_name_word(lx, given)
        && crate::text::is_pinyin_name(given.text)
}

/// Given names that are also common lower-case words; not read as names
/// in lower-case text ("the bill", "will", "frank talks").
const COMMON_WORD_NAMES: &[&str] = &[
    "will", "bill", "mark", "grant", "dean", "rose", "frank", "earl", "rich", "guy", "max", "jay",
    "lee", "kay", "pat", "don", "sue", "ken", "rob", "art", "jan", "ray", "joy", "hope", "ruth",
    "major", "cash", "price", "long", "young", "victor", "chase", "carter", "grace", "sterling",
    "said", "nelson", "rex", "glenn", "wallace", "warren", "marshall", "preston", "leslie", "ross",
    "kent", "tyler", "austin", "lewis", "norman", "oliver", "julian", "franklin",
];
/// At most this many words follow a given name in a lower-case name.
const MAX_LOWER_NAME_WORDS: usize = 3;

/// Does the sentence have no upper-case letter after its first (a
/// lower-case article), with a few words?
pub fn is_lower_case_text(text: &str) -> bool {
    // The sentence's first letter may be upper case.
    let rest = text.trim_start();
    let upper_after_first = if rest.is_ascii() {
        // Bytes are characters: no decoding (this runs for every sentence).
        rest.as_bytes().get(1..).is_some_and(has_ascii_uppercase)
    } else {
        rest.chars().skip(1).any(char::is_uppercase)
    };
    // Three words are enough: no need to count the rest.
    !upper_after_first
        && text
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphabetic))
            .nth(2)
            .is_some()
}

/// Any ASCII upper-case letter in `bytes`? Looked at a block at a time
/// (a block without a branch per byte is vectorised): a lower-case
/// sentence is read to its end.
fn has_ascii_uppercase(bytes: &[u8]) -> bool {
    const BLOCK: usize = 32;
    let any_upper = |block: &[u8]| {
        block
            .iter()
            .fold(false, |up, b| up | b.is_ascii_uppercase())
    };
    let mut blocks = bytes.chunks_exact(BLOCK);
    blocks.any(any_upper) || any_upper(blocks.remainder())
}

/// In a lower-case sentence, marks names as capitalised: a known given
/// name (not a common word) and up to three following words that are
/// not function words, title words or verb-like ("-ed", "-ing").
/// "president alan garcia", "then president jose lopez portillo
/// nationalised".
pub fn mark_lower_case_names(lx: &Lexicon, tokens: &mut [Token<'_>]) {
    let mut i = 0;
    while i < tokens.len() {
        let t = tokens[i];
        let l = t.text;
        let given =
            is_given_name_as_written(lx, &t) && !COMMON_WORD_NAMES.contains(&l) && l.len() >= 3;
        if !given || lx.not_names.contains(l) {
            i += 1;
            continue;
        }
        tokens[i].cased = true;
        let mut k = i + 1;
        while k < tokens.len() && k - i <= MAX_LOWER_NAME_WORDS {
            if is_particle(&tokens[k])
                && tokens
                    .get(k + 1)
                    .is_some_and(|n| lower_name_continues(lx, n))
            {
                k += 1; // "jose lopez de portillo": the particle stays lower case
                continue;
            }
            if !lower_name_continues(lx, &tokens[k]) {
                break;
            }
            tokens[k].cased = true;
            k += 1;
        }
        i = k;
    }
}

/// A word written as a known given name (the set's keys are lower case,
/// so "Jose" is not one here). A word that is its own lower case has the
/// answer in its lexicon bit; only others need the set itself.
fn is_given_name_as_written(lx: &Lexicon, t: &Token<'_>) -> bool {
    if !t.is_word() {
        return false;
    }
    if t.lower() == t.text {
        lx.has(t, bits::GIVEN)
    } else {
        lx.given_names.contains(t.text)
    }
}

fn lower_name_continues(lx: &Lexicon, t: &Token<'_>) -> bool {
    let l = t.text;
    if !t.is_word() || l.len() < 2 || l.ends_with('.') {
        return false;
    }
    let verb_like = ["ed", "ing", "ly"]
        .iter()
        .any(|s| l.ends_with(s) && l.len() > s.len() + 3);
    !(verb_like
        || is_particle(t)
        || lx.not_names.contains(l)
        || lx.is_head(l)
        || lx.modifiers.contains(l)
        || lx.rank(l).is_some()
        || lx.qualifier(l).is_some()
        || lx.orgs.contains_key(l)
        || LOWER_STOPWORDS.contains(&l))
}

/// Lower-case words that never continue a name (besides `not_names`).
const LOWER_STOPWORDS: &[&str] = &[
    "told",
    "says",
    "said",
    "called",
    "asked",
    "added",
    "announced",
    "urged",
    "who",
    "whose",
    "was",
    "were",
    "is",
    "are",
    "has",
    "had",
    "have",
    "will",
    "would",
    "could",
    "should",
    "may",
    "also",
    "and",
    "or",
    "but",
    "the",
    "a",
    "an",
    "to",
    "of",
    "in",
    "on",
    "at",
    "for",
    "with",
    "by",
    "from",
    "as",
    "that",
    "this",
    "which",
    "not",
    "did",
    "does",
    "do",
    "be",
    "been",
    "met",
    "made",
    "took",
    "gave",
    "saw",
    "sees",
    "expects",
    "plans",
    "wants",
    "set",
];

/// Surname of a name's tokens: the first word for surname-first names
/// ("Wang Yi" → "Wang"), else the last word before any suffix.
pub fn surname<'a>(lx: &Lexicon, name: &[Token<'a>]) -> &'a str {
    let words: Vec<&Token<'a>> = name
        .iter()
        .filter(|t| !is_suffix(t) && !t.is_punct(","))
        .collect();
    match words.as_slice() {
        [] => "",
        [only] => only.text,
        [first, .., last] => {
            if words.len() == 2 && lx.surname_first.contains(first.lower().as_ref()) {
                first.text
            } else {
                last.text
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::token::tokenize;
    use super::*;

    fn lx() -> Lexicon {
        let mut lx = Lexicon::default();
        lx.heads.insert("secretary".into());
        lx.not_names.insert("the".into());
        lx.orgs.insert("u.s.".into(), "U.S.".into());
        lx.orgs.insert("united states".into(), "U.S.".into());
        lx.org_max_words = 2;
        lx.surname_first.insert("wang".into());
        lx
    }

    fn name(text: &str) -> Option<String> {
        let toks = tokenize(text, 0);
        let lx = lx();
        person_name(&lx, &toks)
            .ok()
            .map(|(_, n)| text[n[0].start..n[n.len() - 1].end].to_string())
    }

    #[test]
    fn a_short_word_in_mixed_case_is_no_acronym() {
        // "Un" is not the UN.
        assert_eq!(
            name("Kim Jong Un arrived by train").as_deref(),
            Some("Kim Jong Un")
        );
    }

    #[test]
    fn a_quoted_nickname_inside_a_name_is_part_of_it() {
        assert_eq!(
            name("Luis Inácio \"Lula\" Da Silva arrived in China").as_deref(),
            Some("Luis Inácio \"Lula\" Da Silva")
        );
        assert_eq!(
            name("Luiz Inácio “Lula” da Silva arrived").as_deref(),
            Some("Luiz Inácio “Lula” da Silva")
        );
        // A quote after the name opens no nickname.
        assert_eq!(name("Jane Roe \"Hello\" said").as_deref(), Some("Jane Roe"));
    }

    #[test]
    fn two_word_name_stops_before_verb() {
        assert_eq!(
            name("Daniel Kritenbrink told reporters").as_deref(),
            Some("Daniel Kritenbrink")
        );
    }

    #[test]
    fn initials_particles_and_suffixes() {
        assert_eq!(
            name("Anthony J. O'Reilly Jr. said").as_deref(),
            Some("Anthony J. O'Reilly Jr.")
        );
        assert_eq!(
            name("Ludwig van Beethoven wrote").as_deref(),
            Some("Ludwig van Beethoven")
        );
        assert_eq!(
            name("L.F. Rothschild said").as_deref(),
            Some("L.F. Rothschild")
        );
        assert_eq!(
            name("Bashar al-Assad said").as_deref(),
            Some("Bashar al-Assad")
        );
        // Portuguese joins two family names with "e".
        assert_eq!(
            name("Ulisses Correia e Silva said").as_deref(),
            Some("Ulisses Correia e Silva")
        );
        assert_eq!(name("Paulo Correia e").as_deref(), Some("Paulo Correia"));
    }

    #[test]
    fn name_cannot_end_on_initial_or_particle() {
        assert_eq!(name("John van").as_deref(), Some("John"));
        assert_eq!(name("J. said"), None);
    }

    #[test]
    fn title_heads_acronyms_and_known_orgs_are_not_names() {
        assert_eq!(name("Secretary Blinken"), None);
        assert_eq!(name("CIA director"), None);
        assert_eq!(name("U.S. officials"), None);
        assert_eq!(name("The minister"), None);
        // Two name words that together are a country's known name.
        assert_eq!(name("United States, Japanese Prime Minister"), None);
    }

    /// Tokens of every kind: capitalised, lower case, initials, Arabic
    /// prefixes, non-ASCII, numbers and punctuation, annotated or not,
    /// marked as names in a lower-case sentence or not.
    fn assorted_tokens<'a>(lx: &Lexicon, text: &'a str) -> Vec<Token<'a>> {
        let plain = tokenize(text, 0);
        let mut annotated = plain.clone();
        lx.annotate(&mut annotated);
        let mut cased = annotated.clone();
        mark_lower_case_names(lx, &mut cased);
        plain.into_iter().chain(annotated).chain(cased).collect()
    }

    const ASSORTED: &str =
        "Daniel Kritenbrink, J. L.F. O'Reilly Jr. al-Assad bin-Talal el-Baradei \
        al- el-x Élysée étienne Ökonom ßtraße İstanbul 'Abd 12 1,000 . , ( & CIA II U.S. \
        secretary Secretary the The jose lopez portillo said hector neyra told bill";

    #[test]
    fn a_token_that_may_not_start_a_name_is_no_name_word_or_initial() {
        for lx in [lx(), crate::grammar::test_lexicon()] {
            for t in assorted_tokens(&lx, ASSORTED) {
                if !may_start_name(&t) {
                    assert!(!is_name_word(&lx, &t), "{t:?}");
                    assert!(!is_initial(&lx, &t), "{t:?}");
                    assert!(person_name(&lx, std::slice::from_ref(&t)).is_err(), "{t:?}");
                }
            }
        }
    }

    #[test]
    fn given_name_as_written_is_the_sets_answer() {
        let lx = crate::grammar::test_lexicon();
        let text = "jose Jose JOSE bill hector Hector neyra alan garcia josé the , 12";
        for t in assorted_tokens(&lx, text) {
            let reference = t.is_word() && lx.given_names.contains(t.text);
            assert_eq!(is_given_name_as_written(&lx, &t), reference, "{t:?}");
        }
    }

    #[test]
    fn block_upper_case_scan_agrees_with_a_byte_scan() {
        for len in 0..100 {
            let lower = "ab c.d-e".repeat(20)[..len].to_string();
            assert!(!has_ascii_uppercase(lower.as_bytes()));
            for at in 0..len {
                let mut bytes = lower.clone().into_bytes();
                bytes[at] = b'Q';
                assert!(has_ascii_uppercase(&bytes), "{len} {at}");
            }
        }
        assert!(
            !has_ascii_uppercase(b"@[`{"),
            "neighbours of A-Z are not letters"
        );
    }

    #[test]
    fn lower_case_text_needs_three_words_and_no_capital_after_the_first() {
        assert!(is_lower_case_text(
            "then president jose lopez portillo spoke."
        ));
        assert!(is_lower_case_text("  Then president spoke."));
        assert!(!is_lower_case_text("then President spoke."));
        assert!(!is_lower_case_text("two words"));
        assert!(!is_lower_case_text("one 2 3 ,"));
        assert!(is_lower_case_text("naïve café owner"));
        assert!(!is_lower_case_text("naïve Café owner"));
    }

    #[test]
    fn a_pronoun_family_name_opens_a_name_only_before_a_pinyin_given_name() {
        let mut lx = lx();
        lx.not_names.insert("he".into());
        lx.surname_first.insert("he".into());
        let name = |text: &str| {
            let toks = tokenize(text, 0);
            person_name(&lx, &toks)
                .ok()
                .map(|(_, n)| text[n[0].start..n[n.len() - 1].end].to_string())
        };
        assert_eq!(name("He Lifeng said").as_deref(), Some("He Lifeng"));
        assert_eq!(name("He Yafei, the envoy").as_deref(), Some("He Yafei"));
        for pronoun in [
            "He said",
            "He Said",
            "He Will go",
            "He Kritenbrink",
            "HE LIFENG",
            "He",
        ] {
            assert_eq!(name(pronoun), None, "{pronoun}");
        }
    }

    #[test]
    fn a_month_or_nationality_closes_a_name_before_an_apposition() {
        let lx = crate::grammar::test_lexicon();
        let tail = |text: &str| {
            let toks = tokenize(text, 0);
            let (rest, name) = person_name(&lx, &toks).ok()?;
            let n = apposed_surname_len(&lx, name, rest);
            let last = &toks[name.len() + n - 1];
            Some(text[toks[0].start..last.end].to_string())
        };
        assert_eq!(
            tail("Bill May, chairman of Acme").as_deref(),
            Some("Bill May")
        );
        assert_eq!(
            tail("Michael German, an economist").as_deref(),
            Some("Michael German")
        );
        assert_eq!(
            tail("Rein van der Does, director").as_deref(),
            Some("Rein van der Does")
        );
        // No comma, a weekday, an unknown first word, a second name word:
        // the name stays as read.
        for text in [
            "Bill May said",
            "said Peter Monday, the chairman",
            "Smith May, chairman",
            "Bill Smith May, chairman",
            "Jane The, chairman",
        ] {
            let toks = tokenize(text, 0);
            let Ok((rest, name)) = person_name(&lx, &toks) else {
                continue;
            };
            assert_eq!(apposed_surname_len(&lx, name, rest), 0, "{text}");
        }
    }

    #[test]
    fn surname_of_surname_first_name_is_first_word() {
        let lx = lx();
        let toks = tokenize("Wang Yi", 0);
        assert_eq!(surname(&lx, &toks), "Wang");
        let toks = tokenize("Antony Blinken", 0);
        assert_eq!(surname(&lx, &toks), "Blinken");
    }
}
