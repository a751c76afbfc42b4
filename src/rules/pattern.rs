//! The pattern syntax, parsed with nom into a [`Seq`].
//!
//! ```text
//! pattern  := seq EOF
//! seq      := item+                        (items separated by spaces)
//! item     := nonterm | group | optional | literal | punct
//! nonterm  := "<" name (":" arg)? ">"      <person> <title> <office:ID> <date> <place> <org> <number> <duration> <distance>
//!                                          <person:other>, <place:where>…: a named slot (arg = slot name)
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
    /// A length of time: "for nearly an hour", "40 minutes".
    Duration,
    /// A distance: "about 200 km", "nearly 150 miles".
    Distance,
    /// A named facility: "Mariinsky Palace", "Vostochny cosmodrome",
    /// "Villa La Grange".
    Venue,
    /// A compass direction: "south-west", "northeast", "north".
    Bearing,
    /// A time of day: "1:10 p.m.", "13.10", "just after 1.30 pm".
    Clock,
    /// A century: "the 19th century", "18th-century" (the years it spans).
    Century,
}

impl NonTerminal {
    /// The kind as written in a pattern: `person`, `office`…
    pub fn kind(&self) -> &'static str {
        match self {
            NonTerminal::Person => "person",
            NonTerminal::Title => "title",
            NonTerminal::Office(_) => "office",
            NonTerminal::Date => "date",
            NonTerminal::Place => "place",
            NonTerminal::Org => "org",
            NonTerminal::Number => "number",
            NonTerminal::Duration => "duration",
            NonTerminal::Distance => "distance",
            NonTerminal::Venue => "venue",
            NonTerminal::Bearing => "bearing",
            NonTerminal::Clock => "clock",
            NonTerminal::Century => "century",
        }
    }

    /// The slot an unnamed non-terminal fills: `<person>` is the subject;
    /// the others are named after their kind (`<title>`, `<office:ID>`:
    /// `title`).
    pub fn default_slot(&self) -> &'static str {
        match self {
            NonTerminal::Person => "subject",
            NonTerminal::Title | NonTerminal::Office(_) => "title",
            other => other.kind(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    /// A non-terminal captured into its kind's default slot (`<person>`
    /// is the subject, `<place>` the place…).
    NonTerminal(NonTerminal),
    /// A non-terminal captured into a named slot: `<person:other>`.
    Slot(NonTerminal, String),
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

const NONTERMINALS: &str =
    "<person>, <title>, <office:ID>, <date>, <place>, <org>, <number>, <duration>, <distance>, <venue>, <bearing>, <clock>, <century> (any but office may take a slot name: <person:other>)";

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
        Some('<') => match bad_slot_name(rest) {
            Some(name) => format!(
                "bad slot name `{name}`: a slot name is a letter, then letters, digits, `_` or `-`"
            ),
            None => format!("bad non-terminal; available: {NONTERMINALS}"),
        },
        Some(c) => format!("unexpected `{c}`"),
    }
}

/// The slot name of `<kind:name>` at the start of `rest` when it is not
/// one (the kind known, not an office).
fn bad_slot_name(rest: &str) -> Option<&str> {
    let inner = &rest[1..rest.find('>')?];
    let (kind, name) = inner.split_once(':')?;
    let known = [
        "person", "title", "date", "place", "org", "number", "duration", "distance", "venue",
        "bearing", "clock", "century",
    ];
    (known.contains(&kind) && !is_slot_name(name)).then_some(name)
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
    let nt = match name {
        "person" => NonTerminal::Person,
        "title" => NonTerminal::Title,
        "office" if arg.is_some() => NonTerminal::Office(arg.unwrap_or_default().to_string()),
        "date" => NonTerminal::Date,
        "place" => NonTerminal::Place,
        "org" => NonTerminal::Org,
        "number" => NonTerminal::Number,
        "duration" => NonTerminal::Duration,
        "distance" => NonTerminal::Distance,
        "venue" => NonTerminal::Venue,
        "bearing" => NonTerminal::Bearing,
        "clock" => NonTerminal::Clock,
        "century" => NonTerminal::Century,
        _ => {
            return Err(nom::Err::Failure(nom::error::Error::new(
                input,
                nom::error::ErrorKind::Tag,
            )))
        }
    };
    let slot = arg.filter(|_| !matches!(nt, NonTerminal::Office(_)));
    match slot {
        // `<person:subject>` is `<person>`: the default slot, named.
        Some(name) if name == nt.default_slot() => Ok((rest, Item::NonTerminal(nt))),
        Some(name) if is_slot_name(name) => Ok((rest, Item::Slot(nt, name.to_string()))),
        Some(_) => Err(nom::Err::Failure(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Verify,
        ))),
        None => Ok((rest, Item::NonTerminal(nt))),
    }
}

/// Slot names are identifiers: a letter, then letters, digits, `_`, `-`.
pub fn is_slot_name(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_alphabetic())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
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
        alt((
            tag(","),
            tag(";"),
            tag(":"),
            tag("\""),
            tag("&"),
            tag("—"),
            tag("$"),
        )),
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
    fn named_slots() {
        let s =
            parse("<person> met <person:other> in <place:where> for <duration:length>").unwrap();
        assert_eq!(s[0], Item::NonTerminal(NonTerminal::Person));
        assert_eq!(s[2], Item::Slot(NonTerminal::Person, "other".into()));
        assert_eq!(s[4], Item::Slot(NonTerminal::Place, "where".into()));
        assert_eq!(s[6], Item::Slot(NonTerminal::Duration, "length".into()));
        assert_eq!(NonTerminal::Person.default_slot(), "subject");
        let e = parse("<place:1st>").unwrap_err();
        assert!(e.message.contains("bad slot name `1st`"), "{}", e.message);
        assert!(parse("<office>").is_err(), "an office needs its id");
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
