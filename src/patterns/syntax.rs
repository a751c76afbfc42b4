//! The pattern syntax, parsed with nom into a [`Seq`].
//!
//! ```text
//! pattern  := seq EOF
//! seq      := item+                        (items separated by spaces)
//! item     := nonterm | group | optional | literal | punct
//! nonterm  := "<" name (":" arg)? ">"      <person> <title> <office:ID> <date> <place> <org> <number>
//! group    := "(" seq ("|" seq)* ")"       one of the alternatives
//! optional := "[" seq ("|" seq)* "]"       zero or one of them
//! literal  := word characters              matched case-insensitively
//! punct    := , ; : . ' " - & ( )  (write "(" and ")" as literals with a backslash)
//! ```
//!
//! Matching has PEG semantics (like nom's `alt`/`opt`): the first
//! alternative that matches is taken and never revisited, so matching a
//! pattern at one position costs at most its length times the cost of its
//! non-terminals, and a run stays linear in the input whatever the pattern.

use nom::branch::alt;
use nom::bytes::complete::{tag, take_while1};
use nom::character::complete::{char, multispace0, one_of};
use nom::combinator::{all_consuming, cut, map, opt};
use nom::multi::{many1, separated_list1};
use nom::sequence::{delimited, preceded, terminated};
use nom::{IResult, Parser};

/// A non-terminal: what it matches is a grammar production.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NonTerminal {
    Person,
    Title,
    Office(String),
    Date,
    Place,
    Org,
    Number,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    NonTerminal(NonTerminal),
    Literal(String),
    /// One of several sequences.
    Choice(Vec<Seq>),
    /// Zero or one of several sequences.
    Optional(Vec<Seq>),
}

pub type Seq = Vec<Item>;

/// A syntax error: byte offset inside the pattern and what was expected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub offset: usize,
    pub message: String,
}

const NONTERMINALS: &str = "<person>, <title>, <office:ID>, <date>, <place>, <org>, <number>";

/// Parses a whole pattern.
pub fn parse(pattern: &str) -> Result<Seq, SyntaxError> {
    match all_consuming(delimited(multispace0, seq, multispace0)).parse(pattern) {
        Ok((_, s)) => Ok(s),
        Err(nom::Err::Error(e) | nom::Err::Failure(e)) => Err(SyntaxError {
            offset: pattern.len() - e.input.len(),
            message: explain(e.input),
        }),
        Err(nom::Err::Incomplete(_)) => Err(SyntaxError {
            offset: pattern.len(),
            message: "unexpected end of pattern".into(),
        }),
    }
}

fn explain(rest: &str) -> String {
    match rest.chars().next() {
        None => "unexpected end of pattern: a group or non-terminal is not closed".into(),
        Some(c @ (')' | ']' | '|')) => {
            format!("unexpected `{c}` (empty alternative, or nothing to close)")
        }
        Some('<') => format!("bad non-terminal; available: {NONTERMINALS}"),
        Some(c) => format!("unexpected `{c}`"),
    }
}

/// `seq := item+`
fn seq(input: &str) -> IResult<&str, Seq> {
    many1(terminated(item, multispace0)).parse(input)
}

/// `item`
fn item(input: &str) -> IResult<&str, Item> {
    alt((nonterminal, group, optional, escaped, literal, punct)).parse(input)
}

/// `nonterm := "<" name (":" arg)? ">"`
fn nonterminal(input: &str) -> IResult<&str, Item> {
    let (rest, name) = preceded(
        char('<'),
        cut(take_while1(|c: char| c.is_ascii_alphabetic())),
    )
    .parse(input)?;
    let (rest, arg) = opt(preceded(
        char(':'),
        take_while1(|c: char| c.is_alphanumeric() || "-_.".contains(c)),
    ))
    .parse(rest)?;
    let (rest, _) = cut(char('>')).parse(rest)?;
    let nt = match (name, arg) {
        ("person", None) => NonTerminal::Person,
        ("title", None) => NonTerminal::Title,
        ("office", Some(id)) => NonTerminal::Office(id.to_string()),
        ("date", None) => NonTerminal::Date,
        ("place", None) => NonTerminal::Place,
        ("org", None) => NonTerminal::Org,
        ("number", None) => NonTerminal::Number,
        _ => {
            return Err(nom::Err::Failure(nom::error::Error::new(
                input,
                nom::error::ErrorKind::Tag,
            )))
        }
    };
    Ok((rest, Item::NonTerminal(nt)))
}

fn alternatives(input: &str) -> IResult<&str, Vec<Seq>> {
    separated_list1(
        terminated(char('|'), multispace0),
        preceded(multispace0, seq),
    )
    .parse(input)
}

/// `group := "(" seq ("|" seq)* ")"`
fn group(input: &str) -> IResult<&str, Item> {
    map(
        delimited(char('('), cut(alternatives), cut(char(')'))),
        Item::Choice,
    )
    .parse(input)
}

/// `optional := "[" seq ("|" seq)* "]"`
fn optional(input: &str) -> IResult<&str, Item> {
    map(
        delimited(char('['), cut(alternatives), cut(char(']'))),
        Item::Optional,
    )
    .parse(input)
}

/// `\(` and `\)`: literal brackets.
fn escaped(input: &str) -> IResult<&str, Item> {
    map(preceded(char('\\'), one_of("()[]<>|\\")), |c| {
        Item::Literal(c.to_string())
    })
    .parse(input)
}

/// `literal`: a word, matched case-insensitively.
fn literal(input: &str) -> IResult<&str, Item> {
    map(
        take_while1(|c: char| c.is_alphanumeric() || "'’.-".contains(c)),
        |w: &str| Item::Literal(w.to_lowercase()),
    )
    .parse(input)
}

/// `punct`
fn punct(input: &str) -> IResult<&str, Item> {
    map(
        alt((tag(","), tag(";"), tag(":"), tag("\""), tag("&"), tag("—"))),
        |p: &str| Item::Literal(p.to_string()),
    )
    .parse(input)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nonterminals_literals_groups_and_options() {
        let s = parse("<person> (travelled|flew) to <place> [on] <date>").unwrap();
        assert_eq!(s.len(), 6);
        assert_eq!(s[0], Item::NonTerminal(NonTerminal::Person));
        assert!(matches!(&s[1], Item::Choice(a) if a.len() == 2));
        assert_eq!(s[2], Item::Literal("to".into()));
        assert!(matches!(&s[4], Item::Optional(_)));
    }

    #[test]
    fn office_takes_an_id() {
        let s = parse("<office:us-secretary-of-state> <person>").unwrap();
        assert_eq!(
            s[0],
            Item::NonTerminal(NonTerminal::Office("us-secretary-of-state".into()))
        );
    }

    #[test]
    fn errors_point_inside_the_pattern() {
        let e = parse("<person> , <titel> ,").unwrap_err();
        assert_eq!(e.offset, 11);
        assert!(e.message.contains("<person>"), "{}", e.message);
        let e = parse("<person> (said|told").unwrap_err();
        assert_eq!(e.offset, 19);
        let e = parse("<person> )").unwrap_err();
        assert_eq!(e.offset, 9);
    }

    #[test]
    fn punctuation_is_literal() {
        assert_eq!(
            parse("<person> , <title> ,").unwrap()[1],
            Item::Literal(",".into())
        );
    }
}
