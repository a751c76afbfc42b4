//! The temporal grammar (nom): text → [`Expr`]. One function per
//! production, the production in its doc comment, its unit tests beside
//! it.
//!
//! The productions are split by area: [`numbers`] (digits, years,
//! ordinals, counts, units), [`absolute`] (month and weekday names and
//! calendar dates), [`relative`] (dates read against the document's date:
//! "yesterday", "next Friday", "three weeks ago"), [`period`] (quarters,
//! seasons, decades, parts and nth days of periods) and [`range`] (ranges
//! and open intervals). This module holds what they share: the word-level
//! helpers every production uses ([`gap`], [`word`], `kw`, …), the
//! production tables, and the entry points [`expr`] and [`phrase`], which
//! pick the productions to try by the first token.
//!
//! Input is a `&str` positioned at the first word of a candidate
//! expression; every production skips leading blanks (at most
//! [`MAX_GAP`]) itself, matches words case-insensitively and with a word
//! boundary after them. Where several productions match, [`expr`] keeps the
//! longest, so the order of alternatives carries no meaning. No production
//! loops over unbounded input: words, numbers and blanks are all capped, so
//! a parse attempt costs O(1) whatever follows it.

use nom::bytes::complete::tag;
use nom::error::{Error, ErrorKind};
use nom::IResult;

use super::ast::Expr;
use super::lexicon::{self, MAX_WORD};

/// `ok!(production, input, expected, rest)`: the assertion of the unit
/// tests of every module of the grammar.
#[cfg(test)]
macro_rules! ok {
    ($p:expr, $input:expr, $expected:expr, $rest:expr) => {
        assert_eq!($p($input), Ok(($rest, $expected)), "{}", $input)
    };
}

mod absolute;
mod clock;
mod compact;
mod holiday;
mod memo;
mod news;
mod numbers;
mod period;
mod range;
mod relative;
mod standalone;
mod year_end;

use absolute::{
    date_dotted, date_iso, date_reuters, date_slash, day_month, day_of_month, month_day,
    month_year, month_year_numeric, weekday_date,
};
pub(crate) use news::preceding;
use numbers::year4;
use period::{day_of, decade, half, nth_of, part_of, quarter, season_expr, week_ended, week_of};
use range::{open, range_sep, range_with};
use relative::{
    ago, cycle, day_word, earlier_later, last_n, later, month_alone, rest_of, weekday_expr,
    weekend, within,
};
pub(crate) use year_end::{year_statement, YearStatement, YEAR_BOUND_VERBS};

/// A production that yields an expression.
pub(crate) type Production = for<'a> fn(&'a str) -> PResult<'a, Expr>;

/// Result of every production.
pub(crate) type PResult<'a, T> = IResult<&'a str, T, Error<&'a str>>;

/// The most blank characters accepted between two words of one expression.
pub(crate) const MAX_GAP: usize = 12;

#[inline]
fn fail<T>(i: &str) -> PResult<'_, T> {
    Err(nom::Err::Error(Error::new(i, ErrorKind::Verify)))
}

/// `gap = BLANK{0,12}`
#[inline]
pub(crate) fn gap(i: &str) -> PResult<'_, &str> {
    let len = gap_len(i);
    Ok((&i[len..], &i[..len]))
}

/// Length of the [`gap`] at the start of `i`. A plain length, not a
/// `PResult`: this and [`word`] are the scanner's innermost loop (a
/// million calls per 3,000 documents), and most gaps are one space.
#[inline]
fn gap_len(i: &str) -> usize {
    let bytes = i.as_bytes();
    let mut len = 0;
    // ASCII first, bytewise ('\x0b' and '\x0c' are Unicode white space
    // too); the first other byte ends the gap unless it starts a non-ASCII
    // character, which `unicode_gap_len` reads.
    while len < bytes.len() && len < MAX_GAP {
        match bytes[len] {
            b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r' => len += 1,
            b if b < 0x80 => return len,
            _ => return unicode_gap_len(i, len),
        }
    }
    len
}

/// [`gap_len`] from `ascii` on, where a non-ASCII character starts.
#[cold]
fn unicode_gap_len(i: &str, ascii: usize) -> usize {
    let mut len = ascii;
    for (n, c) in i[ascii..].char_indices().map(|(n, c)| (n + ascii, c)) {
        if n >= MAX_GAP || !c.is_whitespace() {
            break;
        }
        len = n + c.len_utf8();
    }
    len
}

/// `word = gap LETTER{1,16}` — not followed by a letter or digit.
#[inline]
pub(crate) fn word(i: &str) -> PResult<'_, &str> {
    let i = &i[gap_len(i)..];
    let bytes = i.as_bytes();
    // At most one letter more than a word may have: that one fails it.
    let limit = bytes.len().min(MAX_WORD + 1);
    let mut len = 0;
    while len < limit && bytes[len].is_ascii_alphabetic() {
        len += 1;
    }
    if len == 0 || len > MAX_WORD || !word_ends(&i[len..]) {
        return fail(i);
    }
    Ok((&i[len..], &i[..len]))
}

/// True when no letter or digit (of any script) starts `rest`.
#[inline]
fn word_ends(rest: &str) -> bool {
    match rest.as_bytes().first() {
        Some(b) if b.is_ascii() => !b.is_ascii_alphanumeric(),
        Some(_) => !rest.starts_with(char::is_alphanumeric),
        None => true,
    }
}

/// `kw(W) = word` equal to `W` ignoring case. Compares `W` in place
/// rather than reading the whole word first: most tries fail on the first
/// letter. (`W` is ASCII letters, so a match followed by no letter or
/// digit is exactly a `word` equal to it.)
#[inline]
fn kw<'a>(expected: &'static str) -> impl Fn(&'a str) -> PResult<'a, &'a str> {
    move |i| {
        let at = &i[gap_len(i)..];
        let n = expected.len();
        match at.as_bytes().get(..n) {
            Some(b) if b.eq_ignore_ascii_case(expected.as_bytes()) && word_ends(&at[n..]) => {
                Ok((&at[n..], &at[..n]))
            }
            _ => fail(i),
        }
    }
}

/// `any_kw(W1 | W2 | …)`
#[inline]
fn any_kw<'a>(choices: &'static [&'static str]) -> impl Fn(&'a str) -> PResult<'a, &'a str> {
    move |i| match word(i)? {
        (rest, w) if choices.iter().any(|c| w.eq_ignore_ascii_case(c)) => Ok((rest, w)),
        _ => fail(i),
    }
}

/// Optional: the parser's value and the rest, or `None` and the input.
#[inline]
fn opt<'a, T>(i: &'a str, p: impl Fn(&'a str) -> PResult<'a, T>) -> (&'a str, Option<T>) {
    match p(i) {
        Ok((rest, v)) => (rest, Some(v)),
        Err(_) => (i, None),
    }
}

/// `sym(S) = gap S` for punctuation.
#[inline]
fn sym<'a>(s: &'static str) -> impl Fn(&'a str) -> PResult<'a, &'a str> {
    move |i| {
        let (i, _) = gap(i)?;
        tag(s)(i)
    }
}

/// `comma = gap ","`, optional everywhere it is used.
#[inline]
fn comma(i: &str) -> &str {
    opt(i, sym(",")).0
}

/// `the = "the"`, optional everywhere it is used.
#[inline]
fn the(i: &str) -> &str {
    opt(i, kw("the")).0
}

/// Keeps `found` when it consumed more input than `best` (so the first
/// one wins ties).
fn keep<'a>(found: PResult<'a, Expr>, best: &mut Option<(&'a str, Expr)>) {
    if let Ok((rest, e)) = found {
        if best.as_ref().is_none_or(|(r, _)| rest.len() < r.len()) {
            *best = Some((rest, e));
        }
    }
}

/// Runs every parser and keeps the result that consumed the most input
/// (the first one on ties).
pub(crate) fn longest<'a>(i: &'a str, parsers: &[Production]) -> PResult<'a, Expr> {
    let mut best: Option<(&str, Expr)> = None;
    for p in parsers {
        if let Ok((rest, e)) = p(i) {
            if best.as_ref().is_none_or(|(r, _)| rest.len() < r.len()) {
                best = Some((rest, e));
            }
        }
    }
    best.ok_or(nom::Err::Error(Error::new(i, ErrorKind::Alt)))
}

/// Productions that can start with a digit. [`expr`] tries only those
/// whose classes admit the number (by its digits), in this order.
const FROM_DIGIT: &[Candidate] = &[
    DATE_ISO,
    DATE_SLASH,
    DATE_DOTTED,
    DATE_REUTERS,
    MONTH_YEAR_NUMERIC,
    DAY_MONTH,
    AGO,
    LATER,
    DAY_OF,
    DECADE,
    QUARTER,
    HALF,
    NTH_OF,
];

/// Productions that can start with a month name.
const FROM_MONTH: &[Production] = &[month_day, month_year, month_alone];

/// Productions that can start with a weekday name.
const FROM_WEEKDAY: &[Production] = &[weekday_date, weekday_expr];

/// Token classes, as bits: what the first token of a production can be
/// (a number by its digits, a word by its class), and what the first token
/// of the input is ([`Opening`]). A class is named after its words or
/// after the production that reads them.
mod lead {
    /// Type of a set of classes.
    pub(super) type Starts = u32;
    /// A number of one or two digits ("5", "13th"; also after "the").
    pub(super) const N12: Starts = 1;
    /// A number of three digits.
    pub(super) const N3: Starts = 1 << 19;
    /// A number of four digits ("1987", "1980s").
    pub(super) const N4: Starts = 1 << 20;
    /// Any number the productions read (they read at most four digits).
    pub(super) const NUMBER: Starts = N12 | N3 | N4;
    /// "first" … "nineteenth", "twentieth", "thirtieth", "twenty", "thirty".
    pub(super) const ORDINAL: Starts = 1 << 1;
    /// A `count`: "a", "an", "one" … "thirty", "few", "couple", "several".
    pub(super) const COUNT: Starts = 1 << 2;
    /// A `shift_word`: "this", "next", "coming", "last", "past", "previous".
    pub(super) const SHIFT: Starts = 1 << 3;
    /// The other `cycle_shift` words: "current", "following".
    pub(super) const CYCLE: Starts = 1 << 4;
    /// "last" (`nth`).
    pub(super) const LAST: Starts = 1 << 5;
    /// "in" (`later`).
    pub(super) const IN: Starts = 1 << 6;
    /// "today", "yesterday", "tomorrow", "tonight", "day".
    pub(super) const DAY: Starts = 1 << 7;
    pub(super) const WITHIN: Starts = 1 << 8;
    /// "earlier", "later".
    pub(super) const EARLIER: Starts = 1 << 9;
    /// "rest", "balance", "remainder", "all".
    pub(super) const REST: Starts = 1 << 10;
    pub(super) const WEEK: Starts = 1 << 11;
    pub(super) const WEEKEND: Starts = 1 << 12;
    /// A season word.
    pub(super) const SEASON: Starts = 1 << 13;
    /// A `part`: "beginning", "start", "early", "mid", "middle", "late", "end".
    pub(super) const PART: Starts = 1 << 14;
    /// The words of `open`: "since", "after", "before", "until", … "prior".
    pub(super) const OPEN: Starts = 1 << 15;
    /// "q" alone ("Q 1"; "Q1" is no word, see [`ANY`]).
    pub(super) const Q: Starts = 1 << 16;
    pub(super) const MONTH: Starts = 1 << 17;
    pub(super) const WEEKDAY: Starts = 1 << 18;
    /// "between", "from" (`range`).
    pub(super) const BETWEEN: Starts = 1 << 21;
    pub(super) const FROM: Starts = 1 << 22;
    /// Not a class: the production reads an optional "the" first, and its
    /// other classes are those of the word after it.
    pub(super) const THE: Starts = 1 << 31;
    /// The input's first word is unknown (it did not read as a word).
    pub(super) const ANY: Starts = !THE;
}

use lead::Starts;

/// A production, the classes its first token can be in, and whether it is
/// also a range [`endpoint`](range::endpoint). On other first tokens it
/// fails, so [`expr`] and `endpoint` skip it. The test
/// `productions_start_only_with_their_classes` keeps the classes true.
#[derive(Clone, Copy)]
struct Candidate {
    parse: Production,
    starts: Starts,
    endpoint: bool,
}

/// A [`Candidate`] that is not a range endpoint.
const fn wp(parse: Production, starts: Starts) -> Candidate {
    Candidate {
        parse,
        starts,
        endpoint: false,
    }
}

/// [`wp`] for a production that is also a range endpoint.
const fn ep(parse: Production, starts: Starts) -> Candidate {
    Candidate {
        parse,
        starts,
        endpoint: true,
    }
}

const DATE_ISO: Candidate = ep(date_iso, lead::N4);
const DATE_SLASH: Candidate = ep(date_slash, lead::N12);
const DATE_DOTTED: Candidate = wp(date_dotted, lead::NUMBER);
const DATE_REUTERS: Candidate = ep(date_reuters, lead::NUMBER);
const MONTH_YEAR_NUMERIC: Candidate = wp(month_year_numeric, lead::N12 | lead::N4);
const DAY_MONTH: Candidate = ep(day_month, lead::THE | lead::N12 | lead::ORDINAL);
const MONTH_DAY: Candidate = ep(month_day, lead::MONTH);
const MONTH_YEAR: Candidate = ep(month_year, lead::MONTH);
const MONTH_ALONE: Candidate = ep(month_alone, lead::SHIFT | lead::MONTH);
const WEEKDAY_DATE: Candidate = ep(weekday_date, lead::WEEKDAY);
const WEEKDAY_EXPR: Candidate = ep(weekday_expr, lead::SHIFT | lead::WEEKDAY);
const DAY_WORD: Candidate = ep(day_word, lead::THE | lead::DAY);
const CYCLE: Candidate = ep(cycle, lead::THE | lead::SHIFT | lead::CYCLE);
const QUARTER: Candidate = ep(quarter, lead::THE | lead::N12 | lead::ORDINAL | lead::Q);
const HALF: Candidate = wp(half, lead::THE | lead::N12 | lead::ORDINAL);
const AGO: Candidate = wp(ago, lead::NUMBER | lead::COUNT);
const LATER: Candidate = wp(later, lead::NUMBER | lead::COUNT | lead::IN);
const LAST_N: Candidate = wp(last_n, lead::THE | lead::SHIFT | lead::CYCLE);
const WITHIN: Candidate = wp(within, lead::WITHIN);
const EARLIER_LATER: Candidate = wp(earlier_later, lead::EARLIER);
const REST_OF: Candidate = wp(rest_of, lead::THE | lead::REST);
const WEEKEND: Candidate = wp(
    weekend,
    lead::THE | lead::SHIFT | lead::WEEK | lead::WEEKEND,
);
const SEASON_EXPR: Candidate = ep(season_expr, lead::THE | lead::SHIFT | lead::SEASON);
const PART_OF: Candidate = wp(part_of, lead::THE | lead::PART);
const NTH_OF: Candidate = wp(nth_of, lead::THE | lead::N12 | lead::ORDINAL | lead::LAST);
const DAY_OF: Candidate = wp(day_of, lead::THE | lead::N12 | lead::ORDINAL);
const WEEK_OF: Candidate = wp(week_of, lead::THE | lead::WEEK);
const WEEK_ENDED: Candidate = wp(week_ended, lead::THE | lead::WEEK);
const DECADE: Candidate = ep(decade, lead::THE | lead::N4);
const OPEN: Candidate = wp(open, lead::OPEN);

/// Productions that can start with any other word. [`expr`] tries only
/// those whose classes admit the first word, in this order.
const FROM_WORD: &[Candidate] = &[
    DAY_MONTH,
    MONTH_DAY,
    MONTH_YEAR,
    MONTH_ALONE,
    WEEKDAY_DATE,
    WEEKDAY_EXPR,
    DAY_WORD,
    CYCLE,
    QUARTER,
    HALF,
    AGO,
    LATER,
    LAST_N,
    WITHIN,
    EARLIER_LATER,
    REST_OF,
    WEEKEND,
    SEASON_EXPR,
    PART_OF,
    NTH_OF,
    DAY_OF,
    WEEK_OF,
    WEEK_ENDED,
    DECADE,
];

/// The endpoints of `table`, in its order; `N` is their number (a
/// compile-time check).
const fn endpoints<const N: usize>(table: &[Candidate]) -> [Candidate; N] {
    let mut found = [table[0]; N];
    let (mut i, mut n) = (0, 0);
    while i < table.len() {
        if table[i].endpoint {
            found[n] = table[i];
            n += 1;
        }
        i += 1;
    }
    assert!(n == N, "N is not the number of endpoints in the table");
    found
}

/// The endpoint productions that can start with a digit, in [`FROM_DIGIT`]
/// and in its order: [`endpoint`](range::endpoint) tries those that the
/// number's classes admit.
const ENDPOINT_DIGIT: [Candidate; 6] = endpoints(FROM_DIGIT);

/// The endpoint productions that can start with any other word, in
/// [`FROM_WORD`] and in its order.
const ENDPOINT_WORD: [Candidate; 11] = endpoints(FROM_WORD);

/// The classes of the input's first word, and whether that word was "the"
/// (then they are the classes of the word after it, and only productions
/// that read an optional "the" can match).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Opening {
    starts: Starts,
    after_the: bool,
}

impl Opening {
    /// Whether `p` can match: it starts with a class of the word, and
    /// after "the" it reads one.
    fn admits(self, p: &Candidate) -> bool {
        p.starts & self.starts != 0 && (!self.after_the || p.starts & lead::THE != 0)
    }
}

/// The classes of a lower-cased word that is neither "the" nor a month or
/// weekday name. One `match`: it runs at every parse attempt.
fn word_starts(w: &[u8]) -> Starts {
    use lead::*;
    match w {
        b"this" | b"next" | b"coming" | b"past" | b"previous" => SHIFT,
        b"last" => SHIFT | LAST,
        b"current" | b"following" => CYCLE,
        b"in" => IN,
        b"today" | b"yesterday" | b"tomorrow" | b"tonight" | b"day" => DAY,
        b"within" => WITHIN,
        b"earlier" | b"later" => EARLIER,
        b"rest" | b"balance" | b"remainder" | b"all" => REST,
        b"week" => WEEK,
        b"weekend" => WEEKEND,
        b"spring" | b"summer" | b"fall" | b"autumn" | b"winter" => SEASON,
        b"beginning" | b"start" | b"early" | b"mid" | b"middle" | b"late" | b"end" => PART,
        b"since" | b"after" | b"before" | b"until" | b"till" | b"through" | b"thru" | b"prior"
        | b"on" => OPEN,
        b"q" => Q,
        b"between" => BETWEEN,
        b"from" => FROM,
        b"a" | b"an" | b"one" | b"two" | b"three" | b"four" | b"five" | b"six" | b"seven"
        | b"eight" | b"nine" | b"ten" | b"eleven" | b"twelve" | b"thirteen" | b"fourteen"
        | b"fifteen" | b"sixteen" | b"seventeen" | b"eighteen" | b"nineteen" | b"few"
        | b"couple" | b"several" => COUNT,
        b"twenty" | b"thirty" => COUNT | ORDINAL,
        b"first" | b"second" | b"third" | b"fourth" | b"fifth" | b"sixth" | b"seventh"
        | b"eighth" | b"ninth" | b"tenth" | b"eleventh" | b"twelfth" | b"thirteenth"
        | b"fourteenth" | b"fifteenth" | b"sixteenth" | b"seventeenth" | b"eighteenth"
        | b"nineteenth" | b"twentieth" | b"thirtieth" => ORDINAL,
        _ => 0,
    }
}

/// [`longest`] over the productions of `table` that `o` admits.
fn longest_opening<'a>(i: &'a str, table: &[Candidate], o: Opening) -> PResult<'a, Expr> {
    let mut best: Option<(&str, Expr)> = None;
    for p in table.iter().filter(|p| o.admits(p)) {
        keep((p.parse)(i), &mut best);
    }
    best.ok_or(nom::Err::Error(Error::new(i, ErrorKind::Alt)))
}

/// What the first token of the input is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum First {
    Digit(Opening),
    Month,
    Weekday,
    Word(Opening),
    End,
}

fn first_token(i: &str) -> First {
    // ASCII blanks bytewise; `trim_start` only where a non-ASCII
    // character follows them (it may be a blank too).
    let n = i
        .bytes()
        .take_while(|b| matches!(b, b' ' | b'\t'..=b'\r'))
        .count();
    let t = match i.as_bytes().get(n) {
        Some(b) if *b >= 0x80 => i.trim_start(),
        _ => &i[n..],
    };
    match t.as_bytes().first() {
        None => First::End,
        Some(b) if b.is_ascii_digit() => First::Digit(Opening {
            starts: number_starts(t),
            after_the: false,
        }),
        Some(_) => match word(t) {
            Ok((rest, w)) => first_word(w, rest),
            Err(_) => First::Word(Opening {
                starts: lead::ANY,
                after_the: false,
            }),
        },
    }
}

/// [`first_token`] for a word `w` followed by `rest`.
fn first_word(w: &str, rest: &str) -> First {
    let mut buf = [0; MAX_WORD];
    let Some(lw) = lexicon::lower(w, &mut buf) else {
        return First::Word(Opening {
            starts: lead::ANY,
            after_the: false,
        });
    };
    if lexicon::month_lower(lw).is_some() {
        return First::Month;
    }
    if lexicon::weekday_lower(lw).is_some() {
        return First::Weekday;
    }
    if lw == b"the" {
        return First::Word(Opening {
            starts: after_the_starts(rest),
            after_the: true,
        });
    }
    First::Word(Opening {
        starts: word_starts(lw),
        after_the: false,
    })
}

/// The class of the number `t` starts with, by its digits (none for five
/// or more: no production reads them).
fn number_starts(t: &str) -> Starts {
    match t.bytes().take(5).take_while(u8::is_ascii_digit).count() {
        1 | 2 => lead::N12,
        3 => lead::N3,
        4 => lead::N4,
        _ => 0,
    }
}

/// The classes of what follows "the", read as the productions read it
/// (`gap` then a number, or `word`).
fn after_the_starts(rest: &str) -> Starts {
    let (after, _) = gap(rest).unwrap_or((rest, ""));
    if after.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return number_starts(after);
    }
    let Ok((_, w)) = word(after) else {
        return lead::ANY;
    };
    let mut buf = [0; MAX_WORD];
    lexicon::lower(w, &mut buf).map_or(lead::ANY, word_starts)
}

/// Whether `range` can match at a first token when no match there is
/// followed by a separator (see [`range_with`]): only after "between" or
/// "from", or as one of the two day-range forms, which open with a month
/// name, an ordinal, or a number of one or two digits (after an optional
/// "the").
fn may_open_day_range_or_from(first: First) -> bool {
    match first {
        First::End => false,
        First::Month | First::Weekday => true,
        First::Digit(o) | First::Word(o) => {
            o.starts & (lead::BETWEEN | lead::FROM | lead::ORDINAL | lead::N12) != 0
        }
    }
}

/// `expr = date_iso | date_slash | … | range | open` — the longest match.
///
/// Only productions that can start with the first token are tried (by its
/// kind and, for a number or a word, its [`Opening`]); then `range`, and
/// after it `open`: the order is the tie-break of [`longest`]. An
/// `endpoint` at `i` is one of the matches before `range`, so unless one
/// of them is followed by a range separator, `range` need not parse an
/// endpoint at `i` again, and is tried only where its other forms can
/// start.
pub(crate) fn expr(i: &str) -> PResult<'_, Expr> {
    memo::parse_once(memo::Production::Expr, i, expr_uncached)
}

/// [`expr`], parsed.
fn expr_uncached(i: &str) -> PResult<'_, Expr> {
    let first = first_token(i);
    let mut best: Option<(&str, Expr)> = None;
    let mut sep_follows = false;
    let mut try_one = |p: Production| {
        if let Ok((rest, e)) = p(i) {
            sep_follows = sep_follows || range_sep(rest).is_ok();
            keep(Ok((rest, e)), &mut best);
        }
    };
    match first {
        First::Digit(o) => FROM_DIGIT
            .iter()
            .filter(|p| o.admits(p))
            .for_each(|p| try_one(p.parse)),
        First::Month => FROM_MONTH.iter().for_each(|p| try_one(*p)),
        First::Weekday => FROM_WEEKDAY.iter().for_each(|p| try_one(*p)),
        First::Word(o) => FROM_WORD
            .iter()
            .filter(|p| o.admits(p))
            .for_each(|p| try_one(p.parse)),
        First::End => {}
    }
    if sep_follows || may_open_day_range_or_from(first) {
        keep(range_with(i, sep_follows), &mut best);
    }
    if let First::Word(o) = first {
        if o.admits(&OPEN) {
            keep(open(i), &mut best);
        }
    }
    if !matches!(first, First::End | First::Weekday) {
        keep(news::news(i), &mut best);
    }
    best.ok_or(nom::Err::Error(Error::new(i, ErrorKind::Alt)))
}

/// A holiday named in prose ("Christmas", "Easter 1987").
pub(crate) fn prose_holiday(i: &str) -> PResult<'_, Expr> {
    holiday::holiday(i)
}

/// A part of a named day in prose ("this morning", "Wednesday night",
/// "last night"); clock times are not read there.
pub(crate) fn prose_day_part(i: &str) -> PResult<'_, Expr> {
    let (rest, c) = clock::clock_phrase(i)?;
    match c.expr {
        e @ Expr::DayPartOf { .. } if !c.latent => Ok((rest, e)),
        _ => fail(i),
    }
}

/// A parsed phrase: the expression, and whether a neutral preposition
/// ("on", "in", "during") came first and how long it was.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Phrase {
    pub expr: Expr,
    /// Bytes of the leading preposition (and its blanks), 0 when none.
    pub prep_len: usize,
}

/// `phrase = expr | ("on" | "in" | "during" | "at" | "for"?) (expr | YEAR4 | day_of_month)`
///
/// A bare year or "the 19th" needs the preposition: alone they are latent
/// (Duckling) or, in prose, usually not dates.
pub(crate) fn phrase(i: &str) -> PResult<'_, Phrase> {
    let direct = expr(i).map(|(rest, expr)| (rest, Phrase { expr, prep_len: 0 }));
    let with_prep = prep_phrase(i);
    match (direct, with_prep) {
        (Ok(a), Ok(b)) => Ok(if b.0.len() < a.0.len() { b } else { a }),
        (Ok(a), Err(_)) => Ok(a),
        (Err(_), b) => b,
    }
}

/// `full_phrase = phrase | clock_phrase` — the longest (`phrase` on
/// ties): what a phrase given alone (`claimcheck time`) is read as. The
/// flag says the reading is latent (see [`clock`]).
pub(crate) fn full_phrase(i: &str) -> PResult<'_, (Phrase, bool)> {
    memo::within(|| full_phrase_within(i, 2))
}

/// Keeps `found` (with a length after it: "4pm for 30 mins") when it
/// consumed more input than `best`.
fn keep_phrase<'a>(
    best: &mut Option<(&'a str, (Phrase, bool))>,
    r: &'a str,
    found: (Phrase, bool),
) {
    let (r, found) = match standalone::lasting(r) {
        Ok((rest, (count, unit))) => (
            rest,
            (
                Phrase {
                    expr: Expr::Lasting {
                        start: Box::new(found.0.expr),
                        count,
                        unit,
                    },
                    prep_len: 0,
                },
                found.1,
            ),
        ),
        Err(_) => (r, found),
    };
    // Longer wins; on a tie a plain reading beats a latent one ("2-15" is
    // a date before it is a latent clock range).
    let better = best.as_ref().is_none_or(|(b, (_, latent))| {
        r.len() < b.len() || (r.len() == b.len() && *latent && !found.1)
    });
    if better {
        *best = Some((r, found));
    }
}

/// [`full_phrase`], with at most `depth` wrappers ("around", "by",
/// "anytime after") around the phrase.
fn full_phrase_within(i: &str, depth: u8) -> PResult<'_, (Phrase, bool)> {
    let whole = |expr, latent| (Phrase { expr, prep_len: 0 }, latent);
    let mut best = None;
    if let Ok((r, p)) = phrase(i) {
        keep_phrase(&mut best, r, (p, false));
    }
    if let Ok((r, c)) = clock::clock_phrase(i) {
        // A clock time cued by "at" beats a year on a tie ("at 1030").
        let at = kw("at")(i).is_ok() || sym("@")(i).is_ok();
        let wins_tie = at && !c.latent && best.as_ref().is_some_and(|(b, _)| b.len() == r.len());
        if wins_tie {
            best = None;
        }
        keep_phrase(&mut best, r, whole(c.expr, c.latent));
    }
    let mut keep = |r, found| keep_phrase(&mut best, r, found);
    let standalone: [Production; 17] = [
        holiday::holiday,
        compact::in_short,
        compact::second_from_now,
        compact::the_day,
        compact::era_year,
        compact::year_quarter,
        compact::year_range,
        compact::month_dash_day,
        compact::glued_date,
        compact::fixed_words,
        standalone::asap,
        standalone::upcoming,
        standalone::abbreviation,
        standalone::season_cycle,
        standalone::current_season,
        standalone::weekday_count,
        standalone::in_fraction,
    ];
    for p in standalone {
        if let Ok((r, e)) = p(i) {
            keep(r, whole(e, false));
        }
    }
    // A year alone ("1974") is a latent reading.
    if let Ok((r, y)) = year4(i) {
        keep(r, whole(Expr::Year(y), true));
    }
    if depth > 0 {
        let wrappers = [standalone::hedge, standalone::by, standalone::vague_open];
        for w in wrappers {
            let Ok((_, wrapped)) = w(i) else { continue };
            let inner = match wrapped {
                standalone::Standalone::Hedge(r) | standalone::Standalone::By(r) => r,
            };
            let Ok((r, (p, latent))) = full_phrase_within(inner, depth - 1) else {
                continue;
            };
            let e = match wrapped {
                standalone::Standalone::By(_) => Expr::By(Box::new(p.expr)),
                standalone::Standalone::Hedge(_) => p.expr,
            };
            keep(r, whole(e, latent));
        }
        if let Ok((_, ((count, unit), r))) = standalone::lasting_first(i) {
            if let Ok((r, (p, latent))) = full_phrase_within(r, depth - 1) {
                let e = Expr::Lasting {
                    start: Box::new(p.expr),
                    count,
                    unit,
                };
                keep(r, whole(e, latent));
            }
        }
    }
    best.ok_or(nom::Err::Error(Error::new(i, ErrorKind::Alt)))
}

/// `prep_phrase = ("on" | "in" | "during" | "at") (expr | YEAR4 | day_of_month)`
fn prep_phrase(i: &str) -> PResult<'_, Phrase> {
    let (rest, _) = any_kw(&["on", "in", "during", "at"])(i)?;
    let (core, _) = gap(rest)?;
    let prep_len = i.len() - core.len();
    let (rest, expr) = match expr(core) {
        Ok(r) => r,
        Err(_) => match year4(core) {
            Ok((r, y)) => (r, Expr::Year(y)),
            Err(_) => day_of_month(core)?,
        },
    };
    Ok((rest, Phrase { expr, prep_len }))
}

#[cfg(test)]
mod tests {
    use super::range::{endpoint, range};
    use super::*;

    pub(super) fn date(year: Option<i32>, month: i8, day: i8) -> Expr {
        Expr::Date {
            year,
            month,
            day,
            weekday: None,
        }
    }

    /// Words and tokens that matter to the productions: every word with a
    /// class, month and weekday names, numbers in each date shape, and
    /// words that end or continue a date.
    const VOCABULARY: &[&str] = &[
        "the",
        "The",
        "THE",
        "this",
        "next",
        "coming",
        "past",
        "previous",
        "last",
        "Last",
        "current",
        "following",
        "in",
        "In",
        "today",
        "yesterday",
        "tomorrow",
        "tonight",
        "day",
        "days",
        "within",
        "earlier",
        "later",
        "rest",
        "all",
        "week",
        "weeks",
        "weekend",
        "week-end",
        "spring",
        "summer",
        "fall",
        "autumn",
        "winter",
        "beginning",
        "start",
        "early",
        "mid",
        "mid-1982",
        "middle",
        "late",
        "end",
        "since",
        "after",
        "before",
        "until",
        "till",
        "through",
        "thru",
        "prior",
        "to",
        "q",
        "Q",
        "Q1",
        "q4",
        "a",
        "an",
        "A",
        "one",
        "two",
        "twelve",
        "nineteen",
        "few",
        "couple",
        "several",
        "twenty",
        "thirty",
        "twenty-first",
        "first",
        "second",
        "third",
        "nineteenth",
        "twentieth",
        "thirtieth",
        "March",
        "march",
        "Jan",
        "Jan.",
        "May",
        "June",
        "Sept",
        "Monday",
        "Sat",
        "Sat.",
        "Thurs",
        "of",
        "and",
        "on",
        "at",
        "during",
        "from",
        "between",
        "ago",
        "hence",
        "now",
        "half",
        "quarter",
        "qtr",
        "month",
        "months",
        "year",
        "years",
        "ended",
        "ending",
        "said",
        "company",
        "pct",
        "s",
        "5",
        "13",
        "15",
        "20",
        "155",
        "1987",
        "1980s",
        "1980's",
        "5th",
        "31st",
        "2/15",
        "31/10/1974",
        "1/2",
        "26-FEB-1987",
        "2014-10",
        "2023-06-09",
        "10.31.1974",
        "1.5",
        "12345",
        "123",
        "07",
        "1st",
        "2/2013",
        "1987-88",
        "5-1/2",
        "\u{e9}t\u{e9}",
        "-",
        ",",
        "\u{2013}",
        "'s",
    ];

    /// What often follows two words of a date.
    const TAILS: &[&str] = &[
        "",
        "15, 1987",
        "of May",
        "of next month",
        "in 2018",
        "of the year",
        "ago",
        "from now",
        "to 15 July",
        "after next",
        "week",
    ];

    /// A deterministic stream of phrases built from [`VOCABULARY`] and
    /// [`TAILS`].
    fn phrases(n: usize) -> impl Iterator<Item = String> {
        let mut next = crate::text::seeded_picks(0x9e37_79b9_7f4a_7c15);
        (0..n).map(move |_| {
            let len = 1 + next(6);
            let mut s = String::new();
            for k in 0..len {
                if k > 0 {
                    s.push_str([" ", " ", " ", "  ", "\n", "", ", "][next(7)]);
                }
                s.push_str(VOCABULARY[next(VOCABULARY.len())]);
            }
            if next(2) == 0 {
                s.push(' ');
                s.push_str(TAILS[next(TAILS.len())]);
            }
            s.push_str([".", " said.", ", he", ""][next(4)]);
            s
        })
    }

    /// Every production matches only on first tokens its classes admit,
    /// so skipping the others never loses a match.
    #[test]
    fn productions_start_only_with_their_classes() {
        let tables = [FROM_WORD, &[OPEN]];
        let digit_tables = [FROM_DIGIT];
        let firsts = VOCABULARY
            .iter()
            .flat_map(|f| [f.to_string(), format!("the {f}")]);
        let mut inputs: Vec<String> = firsts
            .flat_map(|f| VOCABULARY.iter().map(move |r| format!("{f} {r}")))
            .flat_map(|fr| TAILS.iter().map(move |t| format!("{fr} {t}")))
            .collect();
        inputs.extend(phrases(20_000));
        for i in &inputs {
            let (o, tables) = match first_token(i) {
                First::Word(o) => (o, &tables[..]),
                First::Digit(o) => (o, &digit_tables[..]),
                _ => continue,
            };
            for p in tables.iter().copied().flatten() {
                if (p.parse)(i).is_ok() {
                    assert!(o.admits(p), "{i:?}: {o:?} {:#x}", p.starts);
                }
            }
        }
    }

    /// `expr` as it was before the word classes: every production for the
    /// kind of the first token, then `range` and, for a word, `open`.
    fn expr_by_all_productions(i: &str) -> PResult<'_, Expr> {
        let mut all: Vec<Production> = match first_token(i) {
            First::Digit(_) => FROM_DIGIT.iter().map(|p| p.parse).collect(),
            First::Month => FROM_MONTH.to_vec(),
            First::Weekday => FROM_WEEKDAY.to_vec(),
            First::Word(_) => FROM_WORD.iter().map(|p| p.parse).collect(),
            First::End => return longest(i, &[]),
        };
        all.push(range);
        if matches!(first_token(i), First::Word(_)) {
            all.push(open);
        }
        if !matches!(first_token(i), First::Weekday) {
            all.push(news::news);
        }
        longest(i, &all)
    }

    /// `endpoint` with every endpoint production for the kind of the first
    /// token.
    fn endpoint_by_all_productions(i: &str, years: bool) -> PResult<'_, Expr> {
        let table: Vec<Production> = match first_token(i) {
            First::Digit(_) => ENDPOINT_DIGIT.iter().map(|p| p.parse).collect(),
            First::Month => FROM_MONTH.to_vec(),
            First::Weekday => FROM_WEEKDAY.to_vec(),
            First::Word(_) => ENDPOINT_WORD.iter().map(|p| p.parse).collect(),
            First::End => vec![],
        };
        match (longest(i, &table), years) {
            (Ok(r), _) => Ok(r),
            (Err(_), true) => year4(i).map(|(rest, y)| (rest, Expr::Year(y))),
            (Err(e), false) => Err(e),
        }
    }

    /// Differential: `expr` and `endpoint`, which skip productions by the
    /// first word and `range` when no match is followed by a separator,
    /// find exactly what trying everything finds.
    #[test]
    fn expr_agrees_with_all_productions_on_random_phrases() {
        let mut matched = 0;
        for i in phrases(60_000) {
            let e = expr(&i);
            matched += usize::from(e.is_ok());
            assert_eq!(e, expr_by_all_productions(&i), "{i:?}");
            for years in [false, true] {
                assert_eq!(
                    endpoint(&i, years),
                    endpoint_by_all_productions(&i, years),
                    "{i:?}"
                );
            }
        }
        // The phrases are not all prose: enough of them are dates.
        assert!(matched > 5_000, "{matched}");
    }

    /// Differential: `news`, which narrows its tables after "the" and at a
    /// number by what comes next, finds what its full tables find.
    #[test]
    fn news_agrees_with_its_full_tables() {
        const NEWS_WORDS: &[&str] = &[
            "the",
            "The",
            "fiscal",
            "Fiscal",
            "FY",
            "FY24",
            "fy1987",
            "FY-87",
            "Fyodor",
            "1986/87",
            "1986-87",
            "1Q",
            "4q86",
            "3rd-quarter",
            "1st",
            "12",
            "5",
            "1987",
            "same",
            "Same",
            "year-ago",
            "year",
            "earlier",
            "ago",
            "period",
            "quarter",
            "half",
            "months",
            "mths",
            "weeks",
            "nine",
            "six",
            "a",
            "an",
            "few",
            "couple",
            "several",
            "first",
            "last",
            "second",
            "twenty",
            "twenty-first",
            "previous",
            "ended",
            "ending",
            "to",
            "through",
            "December",
            "31",
            "of",
            "this",
            "crop",
            "season",
            "theé",
            "-",
            ",",
            "",
        ];
        let mut next = crate::text::seeded_picks(0x2545_f491_4f6c_dd1d);
        let mut matched = 0;
        for _ in 0..60_000 {
            let len = 2 + next(5);
            let mut s = String::new();
            for k in 0..len {
                if k > 0 {
                    s.push_str([" ", " ", "  ", "\n", "", "-"][next(6)]);
                }
                let words = if next(3) == 0 { VOCABULARY } else { NEWS_WORDS };
                s.push_str(words[next(words.len())]);
            }
            for i in [s.as_str(), &format!("the {s}"), &format!(" The  {s}")] {
                let found = news::news(i);
                matched += usize::from(found.is_ok());
                assert_eq!(found, news::news_full(i), "{i:?}");
            }
        }
        assert!(matched > 2_000, "{matched}");
    }

    /// `expr` with the short candidate lists agrees with trying every word
    /// production, `range` and `open` (what it did before the lists), after
    /// each function word, on dates and on the prose that usually follows.
    #[test]
    fn function_word_candidates_agree_with_all_productions() {
        let all: Vec<Production> = FROM_WORD
            .iter()
            .map(|p| p.parse)
            .chain([range as Production, open, news::news])
            .collect();
        let openers = [
            "in", "In", "IN", "on", "On", "at", "during", "a", "A", "an", "from", "From", "the",
            "The", "THE",
        ];
        let rests = [
            "",
            "two weeks",
            "a week ago",
            "a few days",
            "year ago",
            "week from now",
            "couple of days ago",
            "the past week",
            "past week",
            "first quarter",
            "first half of 1987",
            "third quarter of next year",
            "end of March",
            "end of the year",
            "week of June 18",
            "week ended March 13",
            "last two weeks",
            "rest of the year",
            "weekend",
            "spring",
            "1980s",
            "1987",
            "March 13 to 15",
            "13th to 15th of July",
            "June 18 - June 20",
            "1980 to 1985",
            "first Monday of May",
            "19th",
            "day after tomorrow",
            "year to 2.5 pct",
            "two countries",
            "United States",
            "near future",
            "49 pct stake",
            "-year rise",
            "5-1/2 pct",
            "1/2",
            "Q1 1987",
            "middle of next month",
            "early 1990s",
            "same month",
            "today",
        ];
        for o in openers {
            for r in rests {
                for sep in [" ", "  ", "\n", ""] {
                    let i = format!("{o}{sep}{r}, he said.");
                    assert_eq!(expr(&i), longest(&i, &all), "{i:?}");
                }
            }
        }
    }

    #[test]
    fn gaps_are_capped_and_read_unicode_blanks() {
        assert_eq!(
            gap(&" ".repeat(20)),
            Ok((&" ".repeat(8)[..], &" ".repeat(12)[..]))
        );
        assert_eq!(gap("\u{a0}\u{a0}x"), Ok(("x", "\u{a0}\u{a0}")));
        assert_eq!(gap(" \u{a0}\u{e9}"), Ok(("\u{e9}", " \u{a0}")));
        assert_eq!(gap("x "), Ok(("x ", "")));
        assert_eq!(word(" \u{a0}June"), Ok(("", "June")));
    }

    #[test]
    fn words_need_a_boundary() {
        assert!(word("marchx1").is_err());
        assert_eq!(word("  June, 18"), Ok((", 18", "June")));
        assert!(word(&"a".repeat(100)).is_err());
    }

    #[test]
    fn phrase_takes_a_preposition() {
        let p = phrase("in 2014").unwrap().1;
        assert_eq!(
            p,
            Phrase {
                expr: Expr::Year(2014),
                prep_len: 3
            }
        );
        let p = phrase("on the 19th").unwrap().1;
        assert_eq!(
            p.expr,
            Expr::DayOfMonth {
                day: 19,
                weekday: None
            }
        );
        let p = phrase("in 7 days").unwrap().1;
        assert_eq!(p.prep_len, 0);
        assert!(phrase("2014").is_err());
    }
}
