//! The parts of a change-of-office clause around its subject and object
//! (issue 17): what may stand between a person and the verb of office,
//! and what may follow the person a verb of office puts in an office.
//!
//! ```text
//! interpolation  := "," (apposition | "who" clause) ","        X, a Belgian national, was named ...
//! origin         := "of" Place ("," Region)?                   X of Maricopa, Ariz was elected ...
//! complement     := "as" title | "to be" title                 named X as president, nominated X to be director
//!                 | "to" post_of? title                         promoted X to chief executive officer
//! ```
//!
//! These are not productions of a claim on their own: `claim::predicate`
//! and `claim::predicate_verb_first` (and the driver, for a premodified or
//! apposed object) read the subject or object, skip an interpolation or
//! an origin, and read the complement.

use super::claim::{post_of_len, predicate_title};
use super::title::{is_clause_word, title, Context, Title};
use super::token::{Token, TokenKind};
use super::Lexicon;
use super::{PResult, Toks};
use nom::error::{Error, ErrorKind};

/// Longest interpolation skipped between a subject and its verb, in tokens.
const MAX_INTERPOLATION: usize = 14;

/// Words that end an interpolation search: a reporting verb makes the
/// commas a quotation's ("X, the company said, ..."), a conjunction a list.
const NOT_INTERPOLATED: &[&str] = &["said", "says", "told", "and", "or", "but"];

fn is_in(t: &Token<'_>, words: &[&str]) -> bool {
    t.is_word() && words.contains(&t.lower().as_ref())
}

/// `interpolation`: a comma, at most [`MAX_INTERPOLATION`] tokens with no
/// stop, quotation or list word, and a closing comma. Returns the tokens to
/// skip, both commas included; 0 when there is none. What follows must be
/// the verb, which the caller checks by parsing it.
pub fn interpolation_len(rest: Toks<'_, '_>) -> usize {
    let [open, inner @ ..] = rest else {
        return 0;
    };
    if !open.is_punct(",") {
        return 0;
    }
    for (k, t) in inner.iter().take(MAX_INTERPOLATION + 1).enumerate() {
        if t.is_punct(",") {
            return if k == 0 { 0 } else { k + 2 };
        }
        let stop = t.kind == TokenKind::Punct && !t.is_punct("(") && !t.is_punct(")");
        if stop || is_in(t, NOT_INTERPOLATED) {
            return 0;
        }
    }
    0
}

/// Longest place name of an [`origin_len`], in words.
const MAX_PLACE_WORDS: usize = 3;

/// `origin`: "of Maricopa, Ariz", "of Australia": "of", one to three
/// capitalised words (no clause word), and optionally a comma and one
/// capitalised word (a state or region, with or without its period).
/// Returns its tokens; 0 when there is none. Callers accept it only
/// before "as" or a verb of office, where an "of" phrase after a name is
/// where the person comes from.
pub fn origin_len(rest: Toks<'_, '_>) -> usize {
    let [of, more @ ..] = rest else {
        return 0;
    };
    if !is_in(of, &["of"]) {
        return 0;
    }
    let place = |t: &Token<'_>| t.is_word() && t.is_capitalized() && !is_clause_word(t);
    let words = more
        .iter()
        .take(MAX_PLACE_WORDS)
        .take_while(|t| place(t))
        .count();
    if words == 0 {
        return 0;
    }
    let mut n = 1 + words;
    if let [comma, region, tail @ ..] = &rest[n..] {
        if comma.is_punct(",") && place(region) {
            n += 2 + usize::from(tail.first().is_some_and(|t| t.is_punct(".")));
        }
    }
    n
}

fn fail<'t, 'a, O>(input: Toks<'t, 'a>) -> PResult<'t, 'a, O> {
    Err(nom::Err::Error(Error::new(input, ErrorKind::Verify)))
}

/// `complement` of a verb of office's object: "as" + a title (even a bare
/// role: "named X as a director"), "to be" + a title, or "to" + a title
/// ("promoted X to chief executive officer", "appointed X to the new
/// position of deputy chairman"). After "to" the title must be specific
/// (not "a director"), as after a bare copula.
pub fn complement<'t, 'a>(lx: &Lexicon, input: Toks<'t, 'a>) -> PResult<'t, 'a, Title<'t, 'a>> {
    match input {
        [as_, body @ ..] if is_in(as_, &["as"]) => {
            title(lx, &body[post_of_len(body)..], Context::Appositive)
        }
        [to, be, body @ ..] if is_in(to, &["to"]) && is_in(be, &["be"]) => {
            predicate_title(lx, body)
        }
        [to, body @ ..] if is_in(to, &["to"]) => {
            let (after, t) = predicate_title(lx, &body[post_of_len(body)..])?;
            if infinitive(&t, after) {
                return fail(input);
            }
            Ok((after, t))
        }
        _ => fail(input),
    }
}

/// "to head the Federal Reserve", "to chair its board": after "to", a lone
/// lower-case head with an object (a determiner or possessive follows) is
/// a verb, not an office.
fn infinitive(t: &Title<'_, '_>, after: Toks<'_, '_>) -> bool {
    let lone = matches!(t.tokens, [h] if !h.is_capitalized());
    let object = after.first().is_some_and(|w| {
        is_in(w, &["the", "a", "an"]) || is_in(w, super::title::POSSESSIVE_PRONOUNS)
    });
    lone && object
}

#[cfg(test)]
mod tests {
    use super::super::test_lexicon;
    use super::super::token::tokenize;
    use super::*;

    fn interpolation(text: &str) -> usize {
        interpolation_len(&tokenize(text, 0))
    }

    #[test]
    fn an_interpolation_is_closed_by_a_comma() {
        assert_eq!(interpolation(", a national of West Germany, has been"), 7);
        assert_eq!(interpolation(", who is recovering from a stroke, has"), 8);
        assert_eq!(interpolation(", 52, was"), 3);
        // A quotation, a list, an unclosed or empty one is none.
        assert_eq!(interpolation(", the company said, was"), 0);
        assert_eq!(interpolation(", Tom Poe and Jo Roe were"), 0);
        assert_eq!(interpolation(", a director. He was"), 0);
        assert_eq!(interpolation(",, was"), 0);
        assert_eq!(interpolation("a director, was"), 0);
    }

    fn origin(text: &str) -> usize {
        origin_len(&tokenize(text, 0))
    }

    #[test]
    fn an_origin_is_a_place_and_its_region() {
        assert_eq!(origin("of Maricopa, Ariz as"), 4);
        assert_eq!(origin("of Springfield, Mass as"), 4);
        assert_eq!(origin("of Australia as"), 2);
        assert_eq!(origin("of New South Wales was"), 4);
        assert_eq!(origin("of the board as"), 0);
        assert_eq!(origin("as president"), 0);
    }

    #[test]
    fn a_complement_follows_as_or_to() {
        let lx = test_lexicon();
        for (text, value) in [
            ("as chief executive officer.", "chief executive officer"),
            ("as a director.", "a director"),
            ("as its top official.", "its top official"),
            ("to be director of the agency.", "director of the agency"),
            ("to senior vice president.", "senior vice president"),
            ("to the new position of deputy chairman.", "deputy chairman"),
        ] {
            let toks = tokenize(text, 0);
            let (_, t) = complement(&lx, &toks).expect(text);
            let words: Vec<_> = t.tokens.iter().map(|t| t.text).collect();
            assert_eq!(words.join(" "), value, "{text}");
        }
        for text in [
            "for the company.",
            "to a director.",
            "to head the unit.",
            "to chair its board.",
        ] {
            let toks = tokenize(text, 0);
            assert!(complement(&lx, &toks).is_err(), "{text}");
        }
    }
}
