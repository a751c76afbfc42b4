//! Quantities as intervals: durations ("for nearly an hour", "45-minute")
//! and counts ("more than 100", "about 1.5 million", "dozens of"), read as
//! the set of values the words allow, so that figures from two sources can
//! be compared with [`Quantity::overlaps`].
//!
//! ```text
//! duration      := "for"? article? hedge? measure postfix?      article only before an adjective
//! measure       := unit "-long" | unitlong                        hour-long, weeklong
//!                | amount unit ("and a half" | amount unit)? "long"?
//! amount        := range | vague | fraction | "a" | "an" | cardinal | digits+unit   90min
//! hedged_number := hedge? (range | vague | fraction scale | cardinal) postfix?
//! range         := "between" cardinal "and" cardinal | cardinal ("to" | "-" | "–") cardinal
//! vague         := ("a few" | "a couple" "of"? | "several") scale?
//!                | "tens of" plural_scale | plural ("of" plural_scale)?   then "of"?
//! fraction      := "a"? ("half" | "quarter") "of"? ("a" | "an")?
//! cardinal      := (digits | words) ("and a half")? ("hundred")? (scale | "dozen")?
//! postfix       := "or so" | "or more" | "or less" | ... | "or" number   an hour or two
//! ```
//!
//! Hyphens join the same words as spaces do ("45-minute", "twenty-five",
//! "seven-and-a-half-hour", "6-9 hours"); the parse must end between
//! tokens ("two-hour-old" is no duration).
//!
//! Numbers: digits with thousands commas and a decimal point ("2,000",
//! "1.5"; not "2/15", "10:30", "1990s"), number words zero..nineteen and
//! twenty..ninety ("twenty-five", "twenty five"), "hundred" ("two hundred
//! and fifty"), "dozen", scales thousand, million/mln, billion/bln/bn,
//! trillion; "a"/"an" is 1 before a unit, "hundred", "dozen" or a scale,
//! and never a number alone.
//!
//! Units (singular, plural, abbreviations; durations in seconds): second
//! (sec), minute (min), hour (hr), day, week (wk), fortnight, month (30.44
//! days), year (yr, 365.25 days), decade. "a second" before a word ("a
//! second term") is an ordinal, not a duration.
//!
//! # Hedges
//!
//! `v` is the number as written (for a vague amount or a range, `[lo, hi]`
//! below are its bounds and `v` its low end).
//!
//! | Hedge | Words | Interval | Why |
//! |---|---|---|---|
//! | exact | "40 minutes", "exactly", "just", "only" | `[v, v]` | news figures are written as measured |
//! | [`Hedge::About`] | about, around, roughly, approximately, some, an estimated, circa, ~, "or so" | `[0.9v, 1.1v]` | ±10%: "about 2.5 hours" is 2 h 15 to 2 h 45; the checks' tolerance (10 % in the shipped rules) adds the rest, so "about half an hour" (27–33 min) still agrees with "35 minutes" while "about 2.5 hours" and "three hours and 21 minutes" do not |
//! | [`Hedge::Nearly`] | nearly, almost, close to, just under, not quite, just short of | `[0.9v, v]` | just below `v`: "nearly four hours" is 3 h 36 to 4 h, so it cannot be "less than three hours"; "nearly an hour" (54–60 min) agrees with "50 minutes" within a 10 % tolerance, not with "more than an hour" |
//! | [`Hedge::MoreThan`] | more than, over, upwards of, just over, well over, in excess of, longer than | `(v, ∞)` | strictly above; no upper bound is implied. ("over three days" may also mean *spanning* three days: it is still read as more than) |
//! | [`Hedge::AtLeast`] | at least, no less than, no fewer than, a minimum of, "or more" | `[v, ∞)` | `v` itself included |
//! | [`Hedge::LessThan`] | less than, fewer than, under, below, shorter than | `[0, v)` | strictly below |
//! | [`Hedge::AtMost`] | at most, no more than, not more than, a maximum of, "or less" | `[0, v]` | `v` included |
//! | [`Hedge::UpTo`] | up to, as many as, as much as, as long as | `[0, v]` | a ceiling, as at most |
//! | [`Hedge::Vague`] | a few `[2, 5]`, a couple (of) `[2, 3]`, several `[3, 7]`, dozens (of) `[24, 100)`, hundreds `[200, 1000)`, thousands/millions/billions `[2x, 10x)`, tens of thousands `[20 000, 100 000)`, hundreds of thousands `[200 000, 1 000 000)`; times a scale ("several hundred" `[300, 700]`) | as listed | a plural means at least two; the next larger word would have been used above the bound |
//! | [`Hedge::Range`] | six to nine, between six and nine, 6-9, an hour or two | `[lo, hi]` | both ends as written ("2 to 3 million" scales both) |
//!
//! A hedge on a vague amount or a range widens its bounds the same way
//! (`about` → `[0.9lo, 1.1hi]`, `more than` → `(lo, ∞)`) and is the one
//! recorded. "six or nine hours" (two alternatives) is not one duration.
//! Not supported: fractions other than half and quarter, ordinals,
//! percentages and currency signs (the caller reads "$" and "percent"),
//! bare plurals ("for hours").

use std::borrow::Cow;

use nom::error::{Error, ErrorKind};

use super::lexicon::{WordBits, WordBuildHasher};
use super::token::{Token, TokenKind};
use super::{PResult, Toks};

/// What a quantity measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    /// A duration, normalised to seconds.
    Seconds,
    /// A plain number (people, dollars, ...).
    Count,
    /// A distance, normalised to metres.
    Metres,
}

/// A hedge word that widened the value (see the module table).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Hedge {
    About,
    Nearly,
    MoreThan,
    AtLeast,
    LessThan,
    AtMost,
    UpTo,
    /// A vague amount: "a few", "several", "dozens of".
    Vague,
    /// Two numbers: "six to nine", "between 10 and 20", "an hour or two".
    Range,
}

/// A quantity as the interval of values its words allow.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Quantity {
    pub low: f64,
    /// May be [`f64::INFINITY`] (then `high_open`).
    pub high: f64,
    pub low_open: bool,
    pub high_open: bool,
    pub unit: Unit,
    pub hedge: Option<Hedge>,
    /// The number as written, in the unit (3600 for "an hour"); the low
    /// end for a vague amount or a range.
    pub value: f64,
}

impl Quantity {
    /// Whether the two intervals share a value, after widening each by
    /// `tolerance` (relative: `[low·(1-t), high·(1+t)]`; 0.0 = none,
    /// negative or NaN counts as 0). Open ends stay open, so "nearly an
    /// hour" `[48, 60]` min and "more than an hour" `(60, ∞)` do not
    /// overlap. Quantities of different units never overlap.
    pub fn overlaps(&self, other: &Quantity, tolerance: f64) -> bool {
        if self.unit != other.unit || self.is_empty() || other.is_empty() {
            return false;
        }
        let t = if tolerance > 0.0 { tolerance } else { 0.0 };
        let widen = |q: &Quantity| ((q.low * (1.0 - t)).max(0.0), q.high * (1.0 + t));
        let (a_lo, a_hi) = widen(self);
        let (b_lo, b_hi) = widen(other);
        // `hi` ends before `lo` starts.
        let before = |hi: f64, hi_open: bool, lo: f64, lo_open: bool| {
            hi < lo || (hi == lo && (hi_open || lo_open))
        };
        !(before(a_hi, self.high_open, b_lo, other.low_open)
            || before(b_hi, other.high_open, a_lo, self.low_open))
    }

    /// No value at all ("less than 0": `[0, 0)`).
    fn is_empty(&self) -> bool {
        self.low.is_nan()
            || self.high.is_nan()
            || self.low > self.high
            || (self.low == self.high && (self.low_open || self.high_open))
    }
}

/// `duration`: "for nearly an hour", "45-minute", "a few hours", ...
pub fn duration<'t, 'a>(i: Toks<'t, 'a>) -> PResult<'t, 'a, Quantity> {
    parse(i, duration_at)
}

/// `distance`: a hedged number and a unit of length, in metres: "about
/// 200 km", "nearly 150 miles", "a 240-kilometre", "1,500 metres". A
/// [`Unit::Metres`].
pub fn distance<'t, 'a>(i: Toks<'t, 'a>) -> PResult<'t, 'a, Quantity> {
    parse(i, distance_at)
}

/// `hedged_number`: "more than 100", "nearly 2,000", "about 1.5 million",
/// "a dozen", "dozens of" (the "of" is consumed), "twelve". A [`Unit::Count`].
pub fn hedged_number<'t, 'a>(i: Toks<'t, 'a>) -> PResult<'t, 'a, Quantity> {
    parse(i, count_at)
}

fn fail<'t, 'a, O>(input: Toks<'t, 'a>) -> PResult<'t, 'a, O> {
    Err(nom::Err::Error(Error::new(input, ErrorKind::Verify)))
}

/// Longest run of tokens a quantity is looked for in.
const WINDOW: usize = 16;

/// Runs `production` over the atoms of the first tokens of `i`.
fn parse<'t, 'a>(
    i: Toks<'t, 'a>,
    production: fn(&[Atom<'_>]) -> Option<(Quantity, usize)>,
) -> PResult<'t, 'a, Quantity> {
    // Most tokens start no quantity: decided without building atoms.
    if !i.first().is_some_and(may_start) {
        return fail(i);
    }
    let window = i.len().min(WINDOW);
    let a = atoms(&i[..window]);
    let Some((q, end)) = production(&a) else {
        return fail(i);
    };
    // The parse must end between tokens.
    let used = match a.get(end) {
        None => window,
        Some(x) if x.first => x.tok,
        Some(_) => return fail(i),
    };
    if used == 0 {
        return fail(i);
    }
    Ok((&i[used..], q))
}

/// A word, a number or a piece of a hyphenated word, lower case.
#[derive(Debug, Clone, Copy)]
struct Atom<'t> {
    text: &'t str,
    /// The token it starts at (a "-" token before it, if any).
    tok: usize,
    /// First piece of its token: a parse may end before it.
    first: bool,
    /// A hyphen joins it to what comes before ("45-minute", "hour-long").
    hy: bool,
    /// A number token.
    num: bool,
}

/// The atoms of `toks`: hyphenated words split at their hyphens, a "-"
/// token before a word or number folded into that atom's `hy`.
fn atoms<'t>(toks: &'t [Token<'_>]) -> Vec<Atom<'t>> {
    let mut out = Vec::with_capacity(toks.len() + 4);
    let mut hyphen = None;
    for (k, t) in toks.iter().enumerate() {
        let joins = toks
            .get(k + 1)
            .is_some_and(|n| matches!(n.kind, TokenKind::Word | TokenKind::Number));
        if t.is_punct("-") && joins && hyphen.is_none() {
            hyphen = Some(k);
            continue;
        }
        // Lower case without allocating; the rare heap case (non-ASCII
        // capitals) is no quantity word.
        let text = match t.lower() {
            Cow::Borrowed(s) => s,
            Cow::Owned(_) => "",
        };
        let (tok, hy) = match hyphen.take() {
            Some(h) => (h, true),
            None => (k, false),
        };
        // "72km", "18.5km": a figure and its unit in one token.
        let glued = text
            .find(|c: char| c.is_ascii_alphabetic())
            .filter(|&at| at > 0 && text[..at].bytes().all(|b| b.is_ascii_digit() || b == b'.'))
            .filter(|&at| text[at..].bytes().all(|b| b.is_ascii_alphabetic()));
        if let Some(at) = glued {
            out.push(Atom {
                text: &text[..at],
                tok,
                first: true,
                hy,
                num: true,
            });
            out.push(Atom {
                text: &text[at..],
                tok: k,
                first: false,
                hy: false,
                num: false,
            });
        } else if t.is_word() && text.contains('-') {
            for (j, piece) in text.split('-').enumerate() {
                out.push(Atom {
                    text: piece,
                    tok: if j == 0 { tok } else { k },
                    first: j == 0,
                    hy: hy || j > 0,
                    num: false,
                });
            }
        } else {
            out.push(Atom {
                text,
                tok,
                first: true,
                hy,
                num: t.kind == TokenKind::Number,
            });
        }
    }
    out
}

/// Can a quantity start at `t`? A digit, a number word ("two",
/// "twelve"), a hedge ("about", "only") or a vague amount ("a few",
/// "several"): what a pattern's `<number>` may start on.
pub fn may_start(t: &Token<'_>) -> bool {
    match t.kind {
        TokenKind::Number => true,
        TokenKind::Punct => t.text == "~",
        TokenKind::Word if t.text.starts_with(|c: char| c.is_ascii_digit()) => true,
        // The word up to its first hyphen ("twenty-five"), looked up as
        // bytes where the token has its lower case at hand.
        TokenKind::Word => match t.lower_bytes() {
            Some(low) => {
                let head = low.split(|&b| b == b'-').next().unwrap_or_default();
                start_words().get(head).is_some()
            }
            None => {
                let low = t.lower();
                let head = low.split('-').next().unwrap_or("");
                start_words().get(head.as_bytes()).is_some()
            }
        },
        TokenKind::Possessive => false,
    }
}

/// The words a quantity may start with, as [`may_start_word`] reads
/// them, in one set: a token is looked up once instead of compared with
/// each list in turn (this runs at nearly every word of every sentence).
fn start_words() -> &'static WordBits {
    static WORDS: std::sync::OnceLock<WordBits> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        let words: std::collections::HashMap<String, u16, WordBuildHasher> =
            start_word_list().into_iter().map(|w| (w, 1)).collect();
        WordBits::new(&words)
    })
}

/// The words of [`start_words`].
fn start_word_list() -> Vec<String> {
    let fixed = [
        "for", "a", "an", "half", "quarter", "between", "several", "tens",
    ];
    let plurals = ["dozens", "hundreds", "thousands", "millions", "billions"];
    let mut words: Vec<String> = fixed
        .iter()
        .chain(&plurals)
        .chain(&SMALL)
        .chain(&TENS)
        .chain(PREFIX_HEDGES.iter().map(|(ws, _)| &ws[0]))
        .map(|w| w.to_string())
        .collect();
    // A unit with or without its period, and its "-long" adjective
    // ([`unit`], [`long_unit`]).
    for u in UNITS {
        for w in [u.to_string(), format!("{u}.")] {
            words.push(format!("{w}long"));
            words.push(w);
        }
    }
    words
}

/// The unit words [`unit`] knows (without a period).
const UNITS: [&str; 28] = [
    "second",
    "seconds",
    "sec",
    "secs",
    "minute",
    "minutes",
    "min",
    "mins",
    "hour",
    "hours",
    "hr",
    "hrs",
    "day",
    "days",
    "week",
    "weeks",
    "wk",
    "wks",
    "fortnight",
    "fortnights",
    "month",
    "months",
    "year",
    "years",
    "yr",
    "yrs",
    "decade",
    "decades",
];

/// The text of atom `p` ("" past the end).
fn text<'t>(a: &[Atom<'t>], p: usize) -> &'t str {
    a.get(p).map_or("", |x| x.text)
}

/// `ws` at `p`: the position after them.
fn words(a: &[Atom<'_>], p: usize, ws: &[&str]) -> Option<usize> {
    ws.iter()
        .enumerate()
        .all(|(k, w)| text(a, p + k) == *w)
        .then_some(p + ws.len())
}

/// Hedges before the number, longest first where one starts another.
/// `None`: an exact marker ("exactly 40 minutes").
const PREFIX_HEDGES: &[(&[&str], Option<Hedge>)] = &[
    (&["a", "little", "under"], Some(Hedge::Nearly)),
    (&["a", "little", "less", "than"], Some(Hedge::Nearly)),
    (&["slightly", "less", "than"], Some(Hedge::Nearly)),
    (&["just", "less", "than"], Some(Hedge::Nearly)),
    (&["just", "under"], Some(Hedge::Nearly)),
    (&["just", "short", "of"], Some(Hedge::Nearly)),
    (&["just", "shy", "of"], Some(Hedge::Nearly)),
    (&["not", "quite"], Some(Hedge::Nearly)),
    (&["close", "to"], Some(Hedge::Nearly)),
    (&["nearly"], Some(Hedge::Nearly)),
    (&["almost"], Some(Hedge::Nearly)),
    (&["just", "over"], Some(Hedge::MoreThan)),
    (&["well", "over"], Some(Hedge::MoreThan)),
    (&["slightly", "more", "than"], Some(Hedge::MoreThan)),
    (&["more", "than"], Some(Hedge::MoreThan)),
    (&["longer", "than"], Some(Hedge::MoreThan)),
    (&["greater", "than"], Some(Hedge::MoreThan)),
    (&["in", "excess", "of"], Some(Hedge::MoreThan)),
    (&["upwards", "of"], Some(Hedge::MoreThan)),
    (&["upward", "of"], Some(Hedge::MoreThan)),
    (&["over"], Some(Hedge::MoreThan)),
    (&["at", "least"], Some(Hedge::AtLeast)),
    (&["no", "less", "than"], Some(Hedge::AtLeast)),
    (&["no", "fewer", "than"], Some(Hedge::AtLeast)),
    (&["not", "less", "than"], Some(Hedge::AtLeast)),
    (&["a", "minimum", "of"], Some(Hedge::AtLeast)),
    (&["at", "most"], Some(Hedge::AtMost)),
    (&["no", "more", "than"], Some(Hedge::AtMost)),
    (&["not", "more", "than"], Some(Hedge::AtMost)),
    (&["no", "longer", "than"], Some(Hedge::AtMost)),
    (&["a", "maximum", "of"], Some(Hedge::AtMost)),
    (&["less", "than"], Some(Hedge::LessThan)),
    (&["fewer", "than"], Some(Hedge::LessThan)),
    (&["shorter", "than"], Some(Hedge::LessThan)),
    (&["under"], Some(Hedge::LessThan)),
    (&["below"], Some(Hedge::LessThan)),
    (&["up", "to"], Some(Hedge::UpTo)),
    (&["as", "many", "as"], Some(Hedge::UpTo)),
    (&["as", "much", "as"], Some(Hedge::UpTo)),
    (&["as", "long", "as"], Some(Hedge::UpTo)),
    (&["an", "estimated"], Some(Hedge::About)),
    (&["about"], Some(Hedge::About)),
    (&["around"], Some(Hedge::About)),
    (&["roughly"], Some(Hedge::About)),
    (&["approximately"], Some(Hedge::About)),
    (&["approx"], Some(Hedge::About)),
    (&["approx."], Some(Hedge::About)),
    (&["some"], Some(Hedge::About)),
    (&["circa"], Some(Hedge::About)),
    (&["~"], Some(Hedge::About)),
    (&["exactly"], None),
    (&["precisely"], None),
    (&["just"], None),
    (&["only"], None),
];

/// Hedges after the quantity ("40 minutes or more").
const POSTFIX_HEDGES: &[(&[&str], Hedge)] = &[
    (&["or", "so"], Hedge::About),
    (&["or", "thereabouts"], Hedge::About),
    (&["or", "more"], Hedge::AtLeast),
    (&["or", "longer"], Hedge::AtLeast),
    (&["or", "over"], Hedge::AtLeast),
    (&["or", "above"], Hedge::AtLeast),
    (&["or", "less"], Hedge::AtMost),
    (&["or", "fewer"], Hedge::AtMost),
    (&["or", "under"], Hedge::AtMost),
    (&["or", "shorter"], Hedge::AtMost),
];

/// The hedge at `p`, if any, and where the number starts.
fn prefix_hedge(a: &[Atom<'_>], p: usize) -> (Option<Hedge>, usize) {
    PREFIX_HEDGES
        .iter()
        .find_map(|(ws, h)| words(a, p, ws).map(|q| (*h, q)))
        .unwrap_or((None, p))
}

fn postfix_hedge(a: &[Atom<'_>], p: usize) -> Option<(Hedge, usize)> {
    POSTFIX_HEDGES
        .iter()
        .find_map(|(ws, h)| words(a, p, ws).map(|q| (*h, q)))
}

const SMALL: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// A number written as one word ("seven", "twenty", "ninety"), lower case.
pub(crate) fn number_word(w: &str) -> Option<f64> {
    small(w).or_else(|| tens(w))
}

fn small(w: &str) -> Option<f64> {
    SMALL.iter().position(|s| *s == w).map(|v| v as f64)
}

fn tens(w: &str) -> Option<f64> {
    TENS.iter()
        .position(|s| *s == w)
        .map(|k| 20.0 + 10.0 * k as f64)
}

/// A scale word after a number: "1.5 million", "5.93 mln".
fn scale(w: &str) -> Option<f64> {
    Some(match w {
        "thousand" => 1e3,
        "million" | "mln" | "mn" => 1e6,
        "billion" | "bln" | "bn" => 1e9,
        "trillion" => 1e12,
        _ => return None,
    })
}

/// A plural scale after "tens of", "hundreds of".
fn plural_scale(w: &str) -> Option<f64> {
    Some(match w {
        "thousands" => 1e3,
        "millions" => 1e6,
        "billions" => 1e9,
        _ => return None,
    })
}

/// A vague plural: its bounds `[lo, hi)`.
fn plural(w: &str) -> Option<(f64, f64)> {
    match w {
        "dozens" => Some((24.0, 100.0)),
        "hundreds" => Some((200.0, 1000.0)),
        _ => plural_scale(w).map(|x| (2.0 * x, 10.0 * x)),
    }
}

/// A unit word: its length in seconds.
fn unit(w: &str) -> Option<f64> {
    const DAY: f64 = 86_400.0;
    Some(match w.strip_suffix('.').unwrap_or(w) {
        "second" | "seconds" | "sec" | "secs" => 1.0,
        "minute" | "minutes" | "min" | "mins" => 60.0,
        "hour" | "hours" | "hr" | "hrs" => 3600.0,
        "day" | "days" => DAY,
        "week" | "weeks" | "wk" | "wks" => 7.0 * DAY,
        "fortnight" | "fortnights" => 14.0 * DAY,
        "month" | "months" => 30.44 * DAY,
        "year" | "years" | "yr" | "yrs" => 365.25 * DAY,
        "decade" | "decades" => 3652.5 * DAY,
        _ => return None,
    })
}

/// "hourlong", "weeklong": one unit, as an adjective.
fn long_unit(w: &str) -> Option<f64> {
    unit(w.strip_suffix("long")?).filter(|_| w.len() > 4)
}

/// Digits with thousands commas and a decimal point: "2,000", "1.5".
fn digits(s: &str) -> Option<f64> {
    let all_digits = |x: &str| !x.is_empty() && x.bytes().all(|b| b.is_ascii_digit());
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (s, None),
    };
    if frac.is_some_and(|f| !all_digits(f)) {
        return None;
    }
    let mut groups = int.split(',');
    let head = groups.next()?;
    if !all_digits(head) {
        return None;
    }
    let mut grouped = false;
    for g in groups {
        if g.len() != 3 || !all_digits(g) {
            return None;
        }
        grouped = true;
    }
    if grouped && head.len() > 3 {
        return None;
    }
    s.chars()
        .filter(|&c| c != ',')
        .collect::<String>()
        .parse()
        .ok()
}

/// A number fused with a unit: "90min", "2hrs".
fn fused(s: &str) -> Option<(f64, f64)> {
    let at = s.find(|c: char| c.is_ascii_alphabetic())?;
    Some((digits(&s[..at])?, unit(&s[at..])?))
}

/// One to ninety-nine in words: "seven", "twenty-five", "twenty five".
fn below_hundred(a: &[Atom<'_>], p: usize) -> Option<(f64, usize)> {
    if let Some(t) = tens(text(a, p)) {
        return match small(text(a, p + 1)).filter(|u| (1.0..10.0).contains(u)) {
            Some(u) => Some((t + u, p + 2)),
            None => Some((t, p + 1)),
        };
    }
    small(text(a, p)).map(|v| (v, p + 1))
}

/// A number in words below a thousand; "a" before "hundred", "dozen" or
/// a scale is one.
fn word_number(a: &[Atom<'_>], p: usize) -> Option<(f64, usize)> {
    let (mut v, mut p) = match below_hundred(a, p) {
        Some(r) => r,
        None => {
            let next = text(a, p + 1);
            let counts = matches!(next, "hundred" | "dozen") || scale(next).is_some();
            if !(matches!(text(a, p), "a" | "an") && counts) {
                return None;
            }
            (1.0, p + 1)
        }
    };
    if text(a, p) == "hundred" {
        v *= 100.0;
        p += 1;
        let q = if text(a, p) == "and" { p + 1 } else { p };
        if let Some((r, q)) = below_hundred(a, q) {
            v += r;
            p = q;
        }
    }
    Some((v, p))
}

/// A number: `(value, scale applied, end)`.
fn cardinal(a: &[Atom<'_>], p: usize) -> Option<(f64, f64, usize)> {
    let at = a.get(p)?;
    let (mut v, mut p) = if at.num {
        (digits(at.text)?, p + 1)
    } else {
        word_number(a, p)?
    };
    if let Some(q) = words(a, p, &["and", "a", "half"]) {
        v += 0.5;
        p = q;
    }
    let mut k = 1.0;
    if at.num && text(a, p) == "hundred" {
        k = 100.0;
        p += 1;
    }
    if let Some(s) = scale(text(a, p)) {
        k *= s;
        p += 1;
    } else if text(a, p) == "dozen" {
        k *= 12.0;
        p += 1;
    }
    Some((v * k, k, p))
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Exact,
    Vague,
    Range,
}

/// An amount before its unit: `[lo, hi]` (`hi` open for vague plurals).
#[derive(Debug, Clone, Copy)]
struct Amount {
    lo: f64,
    hi: f64,
    hi_open: bool,
    value: f64,
    kind: Kind,
}

impl Amount {
    fn exact(v: f64) -> Self {
        Amount {
            lo: v,
            hi: v,
            hi_open: false,
            value: v,
            kind: Kind::Exact,
        }
    }

    fn vague(lo: f64, hi: f64, hi_open: bool) -> Self {
        Amount {
            lo,
            hi,
            hi_open,
            value: lo,
            kind: Kind::Vague,
        }
    }

    fn times(self, k: f64) -> Self {
        Amount {
            lo: self.lo * k,
            hi: self.hi * k,
            value: self.value * k,
            ..self
        }
    }
}

/// "six to nine", "between 10 and 20", "6-9", "2 to 3 million".
fn range(a: &[Atom<'_>], p: usize) -> Option<(Amount, usize)> {
    let between = text(a, p) == "between";
    let q = if between { p + 1 } else { p };
    let (lo, lo_scale, q) = cardinal(a, q)?;
    let q = if between {
        words(a, q, &["and"])?
    } else {
        match text(a, q) {
            "to" | "–" | "—" => q + 1,
            _ if a.get(q).is_some_and(|x| x.hy) => q,
            _ => return None,
        }
    };
    let (hi, hi_scale, q) = cardinal(a, q)?;
    let lo = if lo_scale == 1.0 { lo * hi_scale } else { lo };
    (lo < hi).then_some((
        Amount {
            kind: Kind::Range,
            ..Amount::vague(lo, hi, false)
        },
        q,
    ))
}

/// "a few", "several hundred", "dozens of", "tens of thousands of".
fn vague(a: &[Atom<'_>], p: usize) -> Option<(Amount, usize)> {
    let few = if let Some(q) = words(a, p, &["a", "few"]) {
        Some((2.0, 5.0, q))
    } else if let Some(q) = words(a, p, &["a", "couple"]) {
        Some((2.0, 3.0, if text(a, q) == "of" { q + 1 } else { q }))
    } else if text(a, p) == "several" {
        Some((3.0, 7.0, p + 1))
    } else {
        None
    };
    if let Some((lo, hi, mut q)) = few {
        let mut k = 1.0;
        if text(a, q) == "hundred" {
            k = 100.0;
            q += 1;
        }
        if let Some(s) = scale(text(a, q)) {
            k *= s;
            q += 1;
        } else if text(a, q) == "dozen" {
            k *= 12.0;
            q += 1;
        }
        return Some((Amount::vague(lo * k, hi * k, false), q));
    }
    let (mut lo, mut hi, mut q) = if words(a, p, &["tens", "of"]).is_some() {
        let x = plural_scale(text(a, p + 2))?;
        (20.0 * x, 100.0 * x, p + 3)
    } else {
        let (lo, hi) = plural(text(a, p))?;
        (lo, hi, p + 1)
    };
    if text(a, q) == "of" {
        if let Some(x) = plural_scale(text(a, q + 1)).filter(|_| hi <= 1000.0) {
            // "hundreds of thousands"
            lo *= x;
            hi *= x;
            q += 2;
        }
    }
    if text(a, q) == "of" {
        q += 1;
    }
    Some((Amount::vague(lo, hi, true), q))
}

/// "half", "a half", "half a", "a quarter of an": the fraction and where
/// its unit or scale starts.
fn fraction(a: &[Atom<'_>], p: usize) -> Option<(f64, usize)> {
    let p = match text(a, p) {
        "a" | "an" if matches!(text(a, p + 1), "half" | "quarter") => p + 1,
        _ => p,
    };
    let f = match text(a, p) {
        "half" => 0.5,
        "quarter" => 0.25,
        _ => return None,
    };
    let mut q = p + 1;
    if text(a, q) == "of" {
        q += 1;
    }
    if matches!(text(a, q), "a" | "an") {
        q += 1;
    }
    Some((f, q))
}

/// The interval of `amt` under `hedge` (the module table).
fn quantity(hedge: Option<Hedge>, amt: Amount, unit: Unit) -> Quantity {
    let hedge = hedge.or(match amt.kind {
        Kind::Exact => None,
        Kind::Vague => Some(Hedge::Vague),
        Kind::Range => Some(Hedge::Range),
    });
    let (lo, hi, ho) = (amt.lo, amt.hi, amt.hi_open);
    let inf = f64::INFINITY;
    let (low, high, low_open, high_open) = match hedge {
        None | Some(Hedge::Vague | Hedge::Range) => (lo, hi, false, ho),
        // ±10 %, not ±20 %: a check's tolerance widens every comparison
        // again, and "nearly four hours" must not meet "less than three".
        Some(Hedge::About) => (0.9 * lo, 1.1 * hi, false, ho),
        Some(Hedge::Nearly) => (0.9 * lo, hi, false, ho),
        Some(Hedge::MoreThan) => (lo, inf, true, true),
        Some(Hedge::AtLeast) => (lo, inf, false, true),
        Some(Hedge::LessThan) => (0.0, hi, false, true),
        Some(Hedge::AtMost | Hedge::UpTo) => (0.0, hi, false, ho),
    };
    Quantity {
        low,
        high,
        low_open,
        high_open,
        unit,
        hedge,
        value: amt.value,
    }
}

/// A duration before its hedges, in seconds.
struct Measure {
    amt: Amount,
    /// The (first) unit, in seconds.
    unit: f64,
    /// Written as an adjective: "45-minute", "hour-long".
    adjectival: bool,
    /// One exact number and one unit: may take "or two".
    simple: bool,
}

/// `measure`: an amount and its unit.
fn measure(a: &[Atom<'_>], p: usize) -> Option<(Measure, usize)> {
    let one = |u: f64, adjectival| Measure {
        amt: Amount::exact(u),
        unit: u,
        adjectival,
        simple: false,
    };
    // "weeklong", "hour-long"
    if let Some(u) = long_unit(text(a, p)) {
        return Some((one(u, true), p + 1));
    }
    if let Some(u) = unit(text(a, p)).filter(|_| text(a, p + 1) == "long") {
        return Some((one(u, true), p + 2));
    }
    // "90min"
    if let Some((v, u)) = a.get(p).filter(|x| x.num).and_then(|x| fused(x.text)) {
        return Some((
            Measure {
                amt: Amount::exact(v * u),
                unit: u,
                adjectival: false,
                simple: true,
            },
            p + 1,
        ));
    }
    let mut article = false;
    let mut simple = false;
    let (amt, q) = if let Some(r) = range(a, p) {
        r
    } else if let Some(r) = vague(a, p) {
        r
    } else if let Some((f, q)) = fraction(a, p) {
        (Amount::exact(f), q)
    } else if matches!(text(a, p), "a" | "an") {
        article = true;
        simple = true;
        (Amount::exact(1.0), p + 1)
    } else {
        let (v, _, q) = cardinal(a, p)?;
        simple = true;
        (Amount::exact(v), q)
    };
    let u = unit(text(a, q))?;
    let mut adjectival = a[q].hy;
    // "a second term": an ordinal.
    let next_is_word = text(a, q + 1).starts_with(|c: char| c.is_alphabetic());
    if article && text(a, q) == "second" && next_is_word {
        return None;
    }
    let mut q = q + 1;
    let mut amt = amt.times(u);
    if amt.kind == Kind::Exact {
        if let Some(r) = words(a, q, &["and", "a", "half"]) {
            // "an hour and a half"
            amt = Amount::exact(amt.value + 0.5 * u);
            q = r;
            simple = false;
        } else {
            // "two hours and 15 minutes", "1 hour 20 minutes"
            let r = if text(a, q) == "and" { q + 1 } else { q };
            if let Some((v, _, r)) = cardinal(a, r) {
                if let Some(u2) = unit(text(a, r)).filter(|&u2| u2 < u) {
                    amt = Amount::exact(amt.value + v * u2);
                    q = r + 1;
                    simple = false;
                }
            }
        }
    }
    if text(a, q) == "long" {
        adjectival = true;
        q += 1;
    }
    Some((
        Measure {
            amt,
            unit: u,
            adjectival,
            simple,
        },
        q,
    ))
}

/// `hedge? measure postfix?`, and whether it was written as an adjective.
fn hedged_duration(a: &[Atom<'_>], p: usize) -> Option<(Quantity, usize, bool)> {
    let (hedge, p) = prefix_hedge(a, p);
    let (m, mut q) = measure(a, p)?;
    let mut amt = m.amt;
    let mut hedge = hedge;
    if hedge.is_none() {
        if let Some((h, r)) = postfix_hedge(a, q) {
            hedge = Some(h);
            q = r;
        } else if m.simple && text(a, q) == "or" {
            // "an hour or two", "a day or three" (not "six hours or
            // nine hours": a second unit is a second duration).
            let base = m.amt.value / m.unit;
            if let Some((n, r)) = below_hundred(a, q + 1) {
                if n > base && n <= 2.0 * base + 1.0 && unit(text(a, r)).is_none() {
                    amt = Amount {
                        kind: Kind::Range,
                        ..Amount::vague(m.amt.value, n * m.unit, false)
                    };
                    q = r;
                }
            }
        }
    }
    Some((quantity(hedge, amt, Unit::Seconds), q, m.adjectival))
}

/// `duration` over atoms: the quantity and the atoms it used.
fn duration_at(a: &[Atom<'_>]) -> Option<(Quantity, usize)> {
    let p = usize::from(text(a, 0) == "for");
    if let Some((q, end, _)) = hedged_duration(a, p) {
        return Some((q, end));
    }
    // "a 45-minute meeting", "a nearly 40-minute meeting"
    if matches!(text(a, p), "a" | "an") {
        if let Some((q, end, true)) = hedged_duration(a, p + 1) {
            return Some((q, end));
        }
    }
    None
}

/// `distance` over atoms: a count, then a unit of length.
fn distance_at(a: &[Atom<'_>]) -> Option<(Quantity, usize)> {
    let p = usize::from(matches!(text(a, 0), "a" | "an"));
    let (q, end) = count_at(&a[p..])?;
    let metres = length_unit(text(a, p + end))?;
    let scaled = |v: f64| v * metres;
    Some((
        Quantity {
            low: scaled(q.low),
            high: scaled(q.high),
            value: scaled(q.value),
            unit: Unit::Metres,
            ..q
        },
        p + end + 1,
    ))
}

/// A unit of length: its length in metres ("m" alone is left out: it is
/// also "million").
fn length_unit(w: &str) -> Option<f64> {
    Some(match w.strip_suffix('.').unwrap_or(w) {
        "km" | "kms" | "kilometre" | "kilometres" | "kilometer" | "kilometers" => 1000.0,
        "mile" | "miles" | "mi" => 1609.344,
        "metre" | "metres" | "meter" | "meters" => 1.0,
        _ => return None,
    })
}

/// `hedged_number` over atoms.
fn count_at(a: &[Atom<'_>]) -> Option<(Quantity, usize)> {
    let (hedge, p) = prefix_hedge(a, 0);
    let (amt, mut q) = if let Some(r) = range(a, p) {
        r
    } else if let Some(r) = vague(a, p) {
        r
    } else if let Some((f, q)) = fraction(a, p) {
        // "half a million", "half a dozen"
        let k = match text(a, q) {
            "dozen" => 12.0,
            w => scale(w)?,
        };
        (Amount::exact(f * k), q + 1)
    } else {
        let (v, _, q) = cardinal(a, p)?;
        (Amount::exact(v), q)
    };
    let mut hedge = hedge;
    if hedge.is_none() {
        if let Some((h, r)) = postfix_hedge(a, q) {
            hedge = Some(h);
            q = r;
        }
    }
    Some((quantity(hedge, amt, Unit::Count), q))
}

/// A compass direction at the start of `tokens` — "north", "south-west",
/// "south west", "southwest", "SW" — as (tokens read, degrees clockwise
/// from north). Eight points; "north-northeast" reads as its first part.
pub fn bearing(tokens: &[Token<'_>]) -> Option<(usize, f64)> {
    let point = |w: &str| -> Option<f64> {
        Some(match w {
            "north" | "n" => 0.0,
            "northeast" | "north-east" | "ne" => 45.0,
            "east" | "e" => 90.0,
            "southeast" | "south-east" | "se" => 135.0,
            "south" | "s" => 180.0,
            "southwest" | "south-west" | "sw" => 225.0,
            "west" | "w" => 270.0,
            "northwest" | "north-west" | "nw" => 315.0,
            _ => return None,
        })
    };
    let first = tokens.first()?;
    let lower = first.text.to_lowercase();
    // One letter alone ("N", "e") is too often something else.
    let abbreviation = first.text.len() <= 2;
    if abbreviation && (first.text.len() < 2 || first.text != first.text.to_uppercase()) {
        return None;
    }
    let deg = point(&lower)?;
    // "south" then "-"? then "west"/"east": one point.
    if deg == 0.0 || deg == 180.0 {
        let mut k = 1;
        if tokens.get(k).is_some_and(|t| t.text == "-") {
            k += 1;
        }
        if let Some(second) = tokens.get(k).map(|t| t.text.to_lowercase()) {
            let east = match second.as_str() {
                "east" => Some(true),
                "west" => Some(false),
                _ => None,
            };
            if let Some(east) = east {
                let d = match (deg == 0.0, east) {
                    (true, true) => 45.0,
                    (false, true) => 135.0,
                    (false, false) => 225.0,
                    (true, false) => 315.0,
                };
                return Some((k + 1, d));
            }
        }
    }
    Some((1, deg))
}

/// The degrees of a written compass direction ([`bearing`] over its
/// words).
pub fn bearing_of(text: &str) -> Option<f64> {
    let tokens = super::token::tokenize(text, 0);
    bearing(&tokens).map(|(_, d)| d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grammar::token::tokenize;

    const MIN: f64 = 60.0;
    const HOUR: f64 = 3600.0;

    /// [`may_start`]'s word test as it was written before the set: the
    /// reference [`start_words`] must agree with.
    fn may_start_word(head: &str) -> bool {
        matches!(
            head,
            "for" | "a" | "an" | "half" | "quarter" | "between" | "several" | "tens"
        ) || small(head).is_some()
            || tens(head).is_some()
            || plural(head).is_some()
            || unit(head).is_some()
            || long_unit(head).is_some()
            || PREFIX_HEDGES.iter().any(|(ws, _)| ws[0] == head)
    }

    #[test]
    fn start_words_are_the_words_a_quantity_may_start_with() {
        let mut words: Vec<String> = start_word_list();
        let variants: Vec<String> = words
            .iter()
            .flat_map(|w| {
                [
                    format!("{w}s"),
                    format!("{w}."),
                    format!("{w}long"),
                    format!("{w}.long"),
                    w[..w.len() - 1].to_string(),
                    w[1..].to_string(),
                    w.to_uppercase(),
                ]
            })
            .collect();
        words.extend(variants);
        words.extend(
            [
                "", ".", "long", ".long", "the", "minister", "seconded", "yearlong", "yr.long",
            ]
            .map(String::from),
        );
        for w in &words {
            let set = start_words().get(w.as_bytes()).is_some();
            assert_eq!(set, may_start_word(w), "{w:?}");
        }
    }

    const DAY: f64 = 86_400.0;

    /// The production's quantity and how many tokens it used.
    fn run(
        production: for<'t, 'a> fn(Toks<'t, 'a>) -> PResult<'t, 'a, Quantity>,
        text: &str,
    ) -> Option<(Quantity, usize)> {
        let toks = tokenize(text, 0);
        production(&toks)
            .ok()
            .map(|(rest, q)| (q, toks.len() - rest.len()))
    }

    fn close(a: f64, b: f64) -> bool {
        a == b || (a - b).abs() <= 1e-9 * a.abs().max(b.abs())
    }

    /// Asserts `text` reads as `[low, high]` using `used` tokens.
    #[track_caller]
    fn check(
        production: for<'t, 'a> fn(Toks<'t, 'a>) -> PResult<'t, 'a, Quantity>,
        text: &str,
        low: f64,
        high: f64,
        used: usize,
    ) -> Quantity {
        let (q, n) = run(production, text).unwrap_or_else(|| panic!("no quantity in {text:?}"));
        assert!(
            close(q.low, low) && close(q.high, high),
            "{text:?}: [{}, {}], want [{low}, {high}]",
            q.low,
            q.high
        );
        assert_eq!(n, used, "{text:?}: tokens used");
        q
    }

    #[track_caller]
    fn dur(text: &str, low: f64, high: f64, used: usize) -> Quantity {
        let q = check(duration, text, low, high, used);
        assert_eq!(q.unit, Unit::Seconds);
        q
    }

    #[track_caller]
    fn num(text: &str, low: f64, high: f64, used: usize) -> Quantity {
        let q = check(hedged_number, text, low, high, used);
        assert_eq!(q.unit, Unit::Count);
        q
    }

    fn d(text: &str) -> Quantity {
        run(duration, text).unwrap().0
    }

    #[track_caller]
    fn dist(text: &str, low: f64, high: f64, used: usize) -> Quantity {
        let q = check(distance, text, low, high, used);
        assert_eq!(q.unit, Unit::Metres);
        q
    }

    #[test]
    fn distances_in_metres_whatever_the_unit() {
        const MILE: f64 = 1609.344;
        dist("200 km", 200_000.0, 200_000.0, 2);
        dist("200 kilometres of Moscow", 200_000.0, 200_000.0, 2);
        dist("125 miles", 125.0 * MILE, 125.0 * MILE, 2);
        dist("a 240-km drive", 240_000.0, 240_000.0, 4);
        dist("1,500 metres", 1500.0, 1500.0, 2);
        let q = dist("just short of 200 km", 180_000.0, 200_000.0, 5);
        assert_eq!(q.hedge, Some(Hedge::Nearly));
        // 125 miles is 201 km: the same distance as 200 km.
        let (a, b) = (d_of("125 miles"), d_of("200 km"));
        assert!(a.overlaps(&b, 0.1));
        assert!(!d_of("150 miles").overlaps(&b, 0.0));
        // No unit of length, no distance; "m" is also "million".
        for text in ["200 people", "5 m", "walking distance", "two hours"] {
            assert!(run(distance, text).is_none(), "{text}");
        }
        // A distance never overlaps a count or a length of time.
        assert!(!b.overlaps(&run(hedged_number, "200").unwrap().0, 0.0));
    }

    fn d_of(text: &str) -> Quantity {
        run(distance, text).unwrap().0
    }

    #[test]
    fn forty_minutes() {
        let q = dur("40 minutes", 40.0 * MIN, 40.0 * MIN, 2);
        assert_eq!((q.hedge, q.value), (None, 2400.0));
        assert!(!q.low_open && !q.high_open);
    }

    #[test]
    fn an_hour() {
        let q = dur("an hour", HOUR, HOUR, 2);
        assert_eq!(q.value, HOUR);
    }

    #[test]
    fn for_nearly_an_hour() {
        let q = dur("for nearly an hour", 0.9 * HOUR, HOUR, 4);
        assert_eq!((q.hedge, q.value), (Some(Hedge::Nearly), HOUR));
        assert!(run(duration, "for the").is_none());
    }

    #[test]
    fn about_half_an_hour() {
        let q = dur("about half an hour", 27.0 * MIN, 33.0 * MIN, 4);
        assert_eq!((q.hedge, q.value), (Some(Hedge::About), 30.0 * MIN));
    }

    #[test]
    fn more_than_an_hour() {
        let q = dur("more than an hour", HOUR, f64::INFINITY, 4);
        assert_eq!(q.hedge, Some(Hedge::MoreThan));
        assert!(q.low_open && q.high_open);
    }

    #[test]
    fn seven_and_a_half_hours() {
        dur("seven and a half hours", 7.5 * HOUR, 7.5 * HOUR, 5);
        dur("a seven-and-a-half-hour session", 7.5 * HOUR, 7.5 * HOUR, 2);
    }

    #[test]
    fn almost_six_months() {
        let m = 30.44 * DAY;
        let q = dur("almost six months", 0.9 * 6.0 * m, 6.0 * m, 3);
        assert_eq!(q.hedge, Some(Hedge::Nearly));
    }

    #[test]
    fn three_days() {
        dur("three days", 3.0 * DAY, 3.0 * DAY, 2);
    }

    #[test]
    fn two_and_a_half_years() {
        let y = 365.25 * DAY;
        dur("two and a half years", 2.5 * y, 2.5 * y, 5);
    }

    #[test]
    fn ninety_minutes() {
        dur("90 minutes", 5400.0, 5400.0, 2);
        dur("90 min", 5400.0, 5400.0, 2);
        dur("90min", 5400.0, 5400.0, 1);
    }

    #[test]
    fn one_and_a_half_hours_in_digits() {
        let q = dur("1.5 hours", 5400.0, 5400.0, 2);
        assert_eq!(q.value, 5400.0);
    }

    #[test]
    fn a_few_hours() {
        let q = dur("a few hours", 2.0 * HOUR, 5.0 * HOUR, 3);
        assert_eq!((q.hedge, q.value), (Some(Hedge::Vague), 2.0 * HOUR));
        dur("a couple of hours", 2.0 * HOUR, 3.0 * HOUR, 4);
    }

    #[test]
    fn several_days() {
        let q = dur("several days", 3.0 * DAY, 7.0 * DAY, 2);
        assert_eq!(q.hedge, Some(Hedge::Vague));
    }

    #[test]
    fn more_than_eight_hours() {
        dur("more than eight hours", 8.0 * HOUR, f64::INFINITY, 4);
    }

    #[test]
    fn alternatives_are_not_one_duration() {
        assert!(run(duration, "six or nine hours").is_none());
        // A second unit starts a second duration.
        dur("six hours or nine hours", 6.0 * HOUR, 6.0 * HOUR, 2);
    }

    #[test]
    fn ranges() {
        let q = dur("six to nine hours", 6.0 * HOUR, 9.0 * HOUR, 4);
        assert_eq!((q.hedge, q.value), (Some(Hedge::Range), 6.0 * HOUR));
        dur("between six and nine hours", 6.0 * HOUR, 9.0 * HOUR, 5);
        dur("6-9 hours", 6.0 * HOUR, 9.0 * HOUR, 4);
        dur("6–9 hours", 6.0 * HOUR, 9.0 * HOUR, 4);
        dur("an hour or two", HOUR, 2.0 * HOUR, 4);
        dur("a day or two later", DAY, 2.0 * DAY, 4);
    }

    #[test]
    fn hour_long() {
        dur("hour-long", HOUR, HOUR, 1);
        dur("an hour-long meeting", HOUR, HOUR, 2);
        dur("a weeklong strike", 7.0 * DAY, 7.0 * DAY, 2);
        dur("two hours long", 2.0 * HOUR, 2.0 * HOUR, 3);
    }

    #[test]
    fn forty_five_minute() {
        dur("45-minute", 45.0 * MIN, 45.0 * MIN, 3);
        dur("a 45-minute meeting", 45.0 * MIN, 45.0 * MIN, 4);
        dur("a 45-minute-long meeting", 45.0 * MIN, 45.0 * MIN, 4);
        dur("a two-hour meeting", 2.0 * HOUR, 2.0 * HOUR, 2);
        dur("a half-hour speech", 30.0 * MIN, 30.0 * MIN, 2);
        // Ends inside a token: no duration.
        assert!(run(duration, "a two-hour-old ceasefire").is_none());
    }

    #[test]
    fn nearly_forty_minute_meeting() {
        dur("nearly 40-minute meeting", 36.0 * MIN, 40.0 * MIN, 4);
        dur("a nearly 40-minute meeting", 36.0 * MIN, 40.0 * MIN, 5);
    }

    #[test]
    fn halves_and_compounds() {
        dur("half an hour", 30.0 * MIN, 30.0 * MIN, 3);
        dur("a half hour", 30.0 * MIN, 30.0 * MIN, 3);
        dur("an hour and a half", 90.0 * MIN, 90.0 * MIN, 5);
        dur("a quarter of an hour", 15.0 * MIN, 15.0 * MIN, 5);
        dur("two hours and 15 minutes", 135.0 * MIN, 135.0 * MIN, 5);
        dur("1 hour 20 minutes", 80.0 * MIN, 80.0 * MIN, 4);
        dur("twenty-five minutes", 25.0 * MIN, 25.0 * MIN, 2);
        dur("twenty five minutes", 25.0 * MIN, 25.0 * MIN, 3);
    }

    #[test]
    fn units_singular_plural_and_short() {
        for (text, secs) in [
            ("30 seconds", 30.0),
            ("a second.", 1.0),
            ("10 mins", 600.0),
            ("2 hrs", 7200.0),
            ("1 day", DAY),
            ("two weeks", 14.0 * DAY),
            ("a month", 30.44 * DAY),
            ("3 months", 3.0 * 30.44 * DAY),
            ("a year", 365.25 * DAY),
            ("12 years", 12.0 * 365.25 * DAY),
            ("a decade", 3652.5 * DAY),
            ("Four Hours", 4.0 * HOUR),
        ] {
            let q = d(text);
            assert!(close(q.value, secs) && close(q.low, secs), "{text}: {q:?}");
        }
    }

    #[test]
    fn other_hedges_and_postfixes() {
        dur("40 minutes or so", 36.0 * MIN, 44.0 * MIN, 4);
        let q = dur("40 minutes or more", 40.0 * MIN, f64::INFINITY, 4);
        assert!(!q.low_open);
        let q = dur("less than two hours", 0.0, 2.0 * HOUR, 4);
        assert!(q.high_open);
        dur("up to 48 hours", 0.0, 48.0 * HOUR, 4);
        dur("at least three days", 3.0 * DAY, f64::INFINITY, 4);
        dur("just over an hour", HOUR, f64::INFINITY, 4);
        dur("just under an hour", 0.9 * HOUR, HOUR, 4);
        dur("exactly 40 minutes", 40.0 * MIN, 40.0 * MIN, 3);
        dur("About an hour later", 0.9 * HOUR, 1.1 * HOUR, 3);
    }

    #[test]
    fn not_durations() {
        for text in [
            "",
            "for",
            "a",
            "hours",
            "a second term",
            "over the weekend",
            "six people",
            "10:30 hours",
            "1990s",
            "more than",
            "- 40 minutes",
        ] {
            assert!(run(duration, text).is_none(), "{text:?}");
        }
    }

    #[test]
    fn trailing_words_are_left() {
        dur("40 minutes later", 40.0 * MIN, 40.0 * MIN, 2);
        dur("three days, he said", 3.0 * DAY, 3.0 * DAY, 2);
        dur("40 minutes - more than", 40.0 * MIN, 40.0 * MIN, 2);
    }

    #[test]
    fn overlaps_forty_minutes_and_more_than_an_hour_do_not() {
        assert!(!d("40 minutes").overlaps(&d("more than an hour"), 0.0));
        assert!(!d("more than an hour").overlaps(&d("40 minutes"), 0.0));
    }

    #[test]
    fn about_half_an_hour_meets_35_minutes_within_the_tolerance() {
        // 27–33 minutes: 2 minutes short of 35 is 6 % of it.
        assert!(!d("about half an hour").overlaps(&d("35 minutes"), 0.0));
        assert!(d("about half an hour").overlaps(&d("35 minutes"), 0.1));
        assert!(d("35 minutes").overlaps(&d("about half an hour"), 0.1));
    }

    #[test]
    fn nearly_an_hour_meets_50_minutes_within_the_tolerance() {
        assert!(d("nearly an hour").overlaps(&d("50 minutes"), 0.1));
    }

    #[test]
    fn overlaps_nearly_an_hour_and_more_than_an_hour_do_not() {
        assert!(!d("nearly an hour").overlaps(&d("more than an hour"), 0.0));
        assert!(!d("more than an hour").overlaps(&d("nearly an hour"), 0.0));
    }

    #[test]
    fn overlaps_tolerance_units_and_closed_ends() {
        // 40 vs 45 minutes: apart exactly, together with 10% each.
        assert!(!d("40 minutes").overlaps(&d("45 minutes"), 0.0));
        assert!(d("40 minutes").overlaps(&d("45 minutes"), 0.1));
        assert!(d("an hour").overlaps(&d("60 minutes"), 0.0));
        // Closed ends that touch overlap; an open one does not.
        assert!(d("at least an hour").overlaps(&d("an hour"), 0.0));
        assert!(!d("less than an hour").overlaps(&d("an hour"), 0.0));
        assert!(d("up to an hour").overlaps(&d("an hour"), 0.0));
        let hundred = run(hedged_number, "100").unwrap().0;
        assert!(!hundred.overlaps(&d("100 seconds"), 0.0));
        // A NaN tolerance is none.
        assert!(!d("40 minutes").overlaps(&d("45 minutes"), f64::NAN));
        assert!(d("more than an hour").overlaps(&d("more than eight hours"), 0.0));
    }

    #[test]
    fn a_unit_glued_to_its_figure() {
        let toks = tokenize("72km (45 miles)", 0);
        let (_, q) = distance(&toks).expect("72km");
        assert_eq!((q.low, q.high), (72_000.0, 72_000.0));
    }

    #[test]
    fn bearings() {
        for (text, deg) in [
            ("south-west of Marrakech", 225.0),
            ("southwest of", 225.0),
            ("South West", 225.0),
            ("north-east", 45.0),
            ("northeast", 45.0),
            ("north", 0.0),
            ("NW of", 315.0),
            ("east", 90.0),
        ] {
            assert_eq!(bearing_of(text), Some(deg), "{text}");
        }
        for text in ["N of", "northern", "the south", "e"] {
            assert_eq!(bearing_of(text), None, "{text}");
        }
    }

    #[test]
    fn hedged_numbers() {
        let q = num("more than 100 people", 100.0, f64::INFINITY, 3);
        assert!(q.low_open);
        assert_eq!((q.hedge, q.value), (Some(Hedge::MoreThan), 100.0));
        let q = num("nearly 2,000", 1800.0, 2000.0, 2);
        assert_eq!(q.value, 2000.0);
        let q = num("about 1.5 million", 1.35e6, 1.65e6, 3);
        assert_eq!(q.value, 1.5e6);
        num("at least 12", 12.0, f64::INFINITY, 3);
        let q = num("12", 12.0, 12.0, 1);
        assert_eq!(q.hedge, None);
        num("twelve", 12.0, 12.0, 1);
        num("Twelve people", 12.0, 12.0, 1);
        num("an estimated 5,000", 4500.0, 5500.0, 3);
        num("up to 20", 0.0, 20.0, 3);
        let q = num("fewer than 10", 0.0, 10.0, 3);
        assert!(q.high_open);
        num("5.93 mln", 5.93e6, 5.93e6, 2);
        num("two billion", 2e9, 2e9, 2);
        num("two hundred and fifty", 250.0, 250.0, 4);
        num("a hundred", 100.0, 100.0, 2);
        num("one and a half million", 1.5e6, 1.5e6, 5);
        num("1,000,000", 1e6, 1e6, 1);
        num("100 or more", 100.0, f64::INFINITY, 3);
    }

    #[test]
    fn dozens_and_vague_counts() {
        num("a dozen", 12.0, 12.0, 2);
        num("two dozen", 24.0, 24.0, 2);
        num("half a dozen", 6.0, 6.0, 3);
        num("half a million", 5e5, 5e5, 3);
        let q = num("dozens of people", 24.0, 100.0, 2);
        assert_eq!(q.hedge, Some(Hedge::Vague));
        assert!(q.high_open);
        num("hundreds of", 200.0, 1000.0, 2);
        num("thousands", 2000.0, 10_000.0, 1);
        num("tens of thousands of people", 2e4, 1e5, 4);
        num("hundreds of thousands of", 2e5, 1e6, 4);
        num("several hundred", 300.0, 700.0, 2);
        num("a few thousand", 2000.0, 5000.0, 3);
        num("more than a dozen", 12.0, f64::INFINITY, 4);
    }

    #[test]
    fn number_ranges() {
        num("10 to 20", 10.0, 20.0, 3);
        num("between 10 and 20", 10.0, 20.0, 4);
        num("10-20", 10.0, 20.0, 3);
        num("2 to 3 million", 2e6, 3e6, 4);
        // Not a range downwards: just the first number.
        num("20-10", 20.0, 20.0, 1);
    }

    #[test]
    fn not_numbers() {
        for text in [
            "",
            "a",
            "an",
            "people",
            "1990s",
            "2/15",
            "10:30",
            "10AM",
            "2,5",
            "12,3456",
            "1.5.3",
            "half",
            "more than",
            "-",
        ] {
            assert!(run(hedged_number, text).is_none(), "{text:?}");
        }
    }

    /// Pieces of quantity phrases and other text.
    const PIECES: &[&str] = &[
        "for",
        "a",
        "an",
        "nearly",
        "about",
        "more",
        "than",
        "at",
        "least",
        "less",
        "up",
        "to",
        "half",
        "quarter",
        "of",
        "and",
        "or",
        "so",
        "two",
        "twenty",
        "twenty-five",
        "hundred",
        "dozen",
        "dozens",
        "tens",
        "thousands",
        "million",
        "several",
        "few",
        "couple",
        "between",
        "hour",
        "hours",
        "minute",
        "second",
        "day-long",
        "hour-long",
        "weeklong",
        "long",
        "-",
        "–",
        "45-minute",
        "1.5",
        "2,000",
        "90min",
        "10:30",
        "1990s",
        "0",
        "0.0",
        ",",
        ".",
        "people",
        "Élysée",
        "ÉTÉ",
        "'s",
        "~",
        "seven-and-a-half-hour",
        "2-",
        "-long",
        "1e308",
        "99999999999999999999999999999999",
    ];

    #[test]
    fn arbitrary_token_slices_never_panic() {
        let mut next = crate::text::seeded_picks(0x5DEE_CE66_D1CE_4E5Bu64);
        for _ in 0..20_000 {
            let mut text = String::new();
            for _ in 0..next(12) + 1 {
                text.push_str(PIECES[next(PIECES.len())]);
                if next(4) > 0 {
                    text.push(' ');
                }
            }
            let toks = tokenize(&text, 0);
            for k in 0..=toks.len() {
                for production in [duration, hedged_number] {
                    if let Ok((rest, q)) = production(&toks[k..]) {
                        assert!(rest.len() < toks.len() - k, "{text:?}: nothing used");
                        assert!(!q.low.is_nan() && !q.high.is_nan(), "{text:?}");
                        assert!(q.low <= q.high, "{text:?}: {q:?}");
                        let _ = q.overlaps(&q, 0.1);
                    }
                }
            }
        }
    }
}
