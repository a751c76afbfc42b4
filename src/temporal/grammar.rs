//! The temporal grammar (nom): text → [`Expr`]. One function per
//! production, the production in its doc comment, unit tests at the bottom.
//!
//! Input is a `&str` positioned at the first word of a candidate
//! expression; every production skips leading blanks (at most
//! [`MAX_GAP`]) itself, matches words case-insensitively and with a word
//! boundary after them. Where several productions match, [`expr`] keeps the
//! longest, so the order of alternatives carries no meaning. No production
//! loops over unbounded input: words, numbers and blanks are all capped, so
//! a parse attempt costs O(1) whatever follows it.

use jiff::civil::Weekday;
use nom::bytes::complete::tag;
use nom::error::{Error, ErrorKind};
use nom::IResult;

use super::ast::{Count, Direction, Expr, Item, Nth, Part, Shift};
use super::lexicon::{self, Unit, MAX_WORD};

/// A production that yields an expression.
pub(crate) type Production = for<'a> fn(&'a str) -> PResult<'a, Expr>;

/// Result of every production.
pub(crate) type PResult<'a, T> = IResult<&'a str, T, Error<&'a str>>;

/// The most blank characters accepted between two words of one expression.
pub(crate) const MAX_GAP: usize = 12;

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
fn any_kw<'a>(choices: &'static [&'static str]) -> impl Fn(&'a str) -> PResult<'a, &'a str> {
    move |i| match word(i)? {
        (rest, w) if choices.iter().any(|c| w.eq_ignore_ascii_case(c)) => Ok((rest, w)),
        _ => fail(i),
    }
}

/// Optional: the parser's value and the rest, or `None` and the input.
fn opt<'a, T>(i: &'a str, p: impl Fn(&'a str) -> PResult<'a, T>) -> (&'a str, Option<T>) {
    match p(i) {
        Ok((rest, v)) => (rest, Some(v)),
        Err(_) => (i, None),
    }
}

/// `sym(S) = gap S` for punctuation.
fn sym<'a>(s: &'static str) -> impl Fn(&'a str) -> PResult<'a, &'a str> {
    move |i| {
        let (i, _) = gap(i)?;
        tag(s)(i)
    }
}

/// `dash = gap ("-" | "–" | "—")`
fn dash(i: &str) -> PResult<'_, &str> {
    let (i, _) = gap(i)?;
    for d in ["-", "\u{2013}", "\u{2014}"] {
        if let Some(rest) = i.strip_prefix(d) {
            return Ok((rest, d));
        }
    }
    fail(i)
}

/// True when a number ends here: no letter or digit follows, and no
/// decimal or thousands separator followed by a digit ("1.5", "1,000").
fn number_ends(rest: &str) -> bool {
    let mut chars = rest.chars();
    match chars.next() {
        None => true,
        Some(c) if c.is_alphanumeric() => false,
        Some('.' | ',' | ':') => !chars.next().is_some_and(|c| c.is_ascii_digit()),
        Some(_) => true,
    }
}

/// `digits = gap DIGIT{1,4}` → (value, digit count); no letter or digit after.
fn digits(i: &str) -> PResult<'_, (u32, usize)> {
    let (i, _) = gap(i)?;
    let (rest, d) = raw_digits(i)?;
    if !number_ends(rest) {
        return fail(i);
    }
    Ok((rest, d))
}

/// Up to four digits with no blank before and no boundary check after.
fn raw_digits(i: &str) -> PResult<'_, (u32, usize)> {
    // By hand (no `parse`): this runs at nearly every word the date
    // productions try.
    let len = i.bytes().take(5).take_while(u8::is_ascii_digit).count();
    if len == 0 || len > 4 {
        return fail(i);
    }
    let value = i
        .bytes()
        .take(len)
        .fold(0, |v, b| v * 10 + u32::from(b - b'0'));
    Ok((&i[len..], (value, len)))
}

/// `year4 = DIGIT{4}` in 1000–2999.
pub(crate) fn year4(i: &str) -> PResult<'_, i32> {
    match digits(i)? {
        (rest, (y, 4)) if (1000..3000).contains(&y) => Ok((rest, y as i32)),
        _ => fail(i),
    }
}

/// `year2 = DIGIT{2}` → 1950–2049.
fn year2(i: &str) -> PResult<'_, i32> {
    match digits(i)? {
        (rest, (y, 2)) => Ok((
            rest,
            if y < 50 {
                2000 + y as i32
            } else {
                1900 + y as i32
            },
        )),
        _ => fail(i),
    }
}

/// `ordinal_number = DIGIT{1,2} ("st" | "nd" | "rd" | "th")`
fn ordinal_number(i: &str) -> PResult<'_, u32> {
    let (i, _) = gap(i)?;
    let (rest, (n, len)) = raw_digits(i)?;
    if len > 2 {
        return fail(i);
    }
    if has_ordinal_suffix(rest) && number_ends(&rest[2..]) {
        return Ok((&rest[2..], n));
    }
    fail(i)
}

/// Whether `rest` starts with "st", "nd", "rd" or "th" in any case. By
/// bytes, not nom's `tag_no_case` (which lower-cases `char` by `char`):
/// this runs at every number the date productions try, and no non-ASCII
/// character lower-cases to these letters, so the two agree.
fn has_ordinal_suffix(rest: &str) -> bool {
    match rest.as_bytes() {
        [a, b, ..] => matches!(
            [a.to_ascii_lowercase(), b.to_ascii_lowercase()],
            [b's', b't'] | [b'n', b'd'] | [b'r', b'd'] | [b't', b'h']
        ),
        _ => false,
    }
}

/// `ordinal_word = "first" … "nineteenth" | ("twenty" | "thirty") ["-"] UNIT_ORDINAL | "twentieth" | "thirtieth"`
fn ordinal_word(i: &str) -> PResult<'_, u32> {
    let (rest, w) = word(i)?;
    // Lower-cased once for both tables: `day` tries this at most numbers.
    let mut buf = [0; MAX_WORD];
    let Some(lw) = lexicon::lower(w, &mut buf) else {
        return fail(i);
    };
    if let Some(n) = lexicon::ordinal_unit_lower(lw) {
        return Ok((rest, n));
    }
    match lexicon::ordinal_tens_lower(lw) {
        Some((n, true)) => Ok((rest, n)),
        Some((tens, false)) => {
            let after_dash = rest.strip_prefix('-').unwrap_or(rest);
            let (rest, unit) = ordinal_word(after_dash)?;
            if unit < 10 {
                Ok((rest, tens + unit))
            } else {
                fail(i)
            }
        }
        None => fail(i),
    }
}

/// `ordinal = ordinal_number | ordinal_word`
pub(crate) fn ordinal(i: &str) -> PResult<'_, u32> {
    ordinal_number(i).or_else(|_| ordinal_word(i))
}

/// `day = (ordinal | DIGIT{1,2})` in 1–31 → (day, written as an ordinal?).
pub(crate) fn day(i: &str) -> PResult<'_, (i8, bool)> {
    let (rest, (n, ordinal)) = match ordinal(i) {
        Ok((rest, n)) => (rest, (n, true)),
        Err(_) => match digits(i)? {
            (rest, (n, len)) if len <= 2 => (rest, (n, false)),
            _ => return fail(i),
        },
    };
    if (1..=31).contains(&n) {
        Ok((rest, (n as i8, ordinal)))
    } else {
        fail(i)
    }
}

/// `month_name = MONTH ["."]` → 1–12 (a "." only after an abbreviation).
pub(crate) fn month_name(i: &str) -> PResult<'_, i8> {
    let (rest, w) = word(i)?;
    let Some((m, abbreviated)) = lexicon::month(w) else {
        return fail(i);
    };
    let rest = if abbreviated {
        rest.strip_prefix('.').unwrap_or(rest)
    } else {
        rest
    };
    Ok((rest, m))
}

/// `weekday_name = WEEKDAY ["."]`
pub(crate) fn weekday_name(i: &str) -> PResult<'_, Weekday> {
    let (rest, w) = word(i)?;
    let Some((wd, abbreviated)) = lexicon::weekday(w) else {
        return fail(i);
    };
    let rest = if abbreviated {
        rest.strip_prefix('.').unwrap_or(rest)
    } else {
        rest
    };
    Ok((rest, wd))
}

/// `comma = gap ","`, optional everywhere it is used.
fn comma(i: &str) -> &str {
    opt(i, sym(",")).0
}

/// `the = "the"`, optional everywhere it is used.
fn the(i: &str) -> &str {
    opt(i, kw("the")).0
}

/// `count = "a few" | "few" | "several" | ["a"] "couple" ["of"] | CARDINAL | DIGIT{1,4}`
pub(crate) fn count(i: &str) -> PResult<'_, Count> {
    // The first word is read once: `ago` and `later` try this at every
    // number and number word.
    let Ok((rest, w)) = word(i) else {
        let (rest, (n, _)) = digits(i)?;
        return Ok((rest, Count::Exact(i64::from(n))));
    };
    let mut buf = [0; MAX_WORD];
    match lexicon::lower(w, &mut buf) {
        Some(b"a" | b"an") => Ok(few_or_couple(rest).unwrap_or((rest, Count::Exact(1)))),
        Some(b"few" | b"couple") => few_or_couple(i),
        Some(b"several") => Ok((rest, Count::Few)),
        _ => match lexicon::cardinal(w) {
            Some(n) => Ok((rest, Count::Exact(n))),
            None => fail(i),
        },
    }
}

/// `"few" | "couple" ["of"]` (after an optional "a" in [`count`]).
fn few_or_couple(i: &str) -> PResult<'_, Count> {
    if let Ok((rest, _)) = kw("few")(i) {
        return Ok((rest, Count::Few));
    }
    let (rest, _) = kw("couple")(i)?;
    Ok((opt(rest, kw("of")).0, Count::Exact(2)))
}

/// `unit = "day(s)" | "week(s)" | "fortnight(s)" | "month(s)" | "quarter(s)" | "year(s)" | "hour(s)" | "minute(s)"`
pub(crate) fn unit(i: &str) -> PResult<'_, Unit> {
    let (rest, w) = word(i)?;
    match lexicon::unit(w) {
        Some(u) => Ok((rest, u)),
        None => fail(i),
    }
}

/// `cycle_shift = "this" | "current" → 0 | "last" | "past" | "previous" → -1 | "next" | "coming" | "following" → 1`
fn cycle_shift(i: &str) -> PResult<'_, i64> {
    let (rest, w) = word(i)?;
    let mut buf = [0; MAX_WORD];
    match lexicon::lower(w, &mut buf) {
        Some(b"this" | b"current") => Ok((rest, 0)),
        Some(b"last" | b"past" | b"previous") => Ok((rest, -1)),
        Some(b"next" | b"coming" | b"following") => Ok((rest, 1)),
        _ => fail(i),
    }
}

/// `date_iso = YEAR4 ("-" | "/") DIGIT{1,2} ("-" | "/") DIGIT{1,2}`
pub(crate) fn date_iso(i: &str) -> PResult<'_, Expr> {
    let (i0, _) = gap(i)?;
    let (rest, (y, 4)) = raw_digits(i0)? else {
        return fail(i);
    };
    let sep = if rest.starts_with('-') { "-" } else { "/" };
    let (rest, _) = tag(sep)(rest)?;
    let (rest, (m, _)) = raw_digits(rest)?;
    let (rest, _) = tag(sep)(rest)?;
    let (rest, (d, _)) = digits(rest)?;
    calendar_date(rest, Some(y as i32), m, d, i)
}

/// Builds a `Date` when month and day are in range.
fn calendar_date<'a>(
    rest: &'a str,
    year: Option<i32>,
    m: u32,
    d: u32,
    at: &'a str,
) -> PResult<'a, Expr> {
    if (1..=12).contains(&m) && (1..=31).contains(&d) {
        Ok((
            rest,
            Expr::Date {
                year,
                month: m as i8,
                day: d as i8,
                weekday: None,
            },
        ))
    } else {
        fail(at)
    }
}

/// `date_slash = DIGIT{1,2} "/" DIGIT{1,2} ["/" (YEAR4 | DIGIT{2})]` — month
/// first (US), day first when the first number cannot be a month.
pub(crate) fn date_slash(i: &str) -> PResult<'_, Expr> {
    let (rest, (a, la)) = digits(i)?;
    let (rest, _) = sym("/")(rest)?;
    let (rest, (b, lb)) = digits(rest)?;
    if la > 2 || lb > 2 {
        return fail(i);
    }
    let (rest, year) = match sym("/")(rest) {
        Ok((r, _)) => match year4(r).or_else(|_| year2(r)) {
            Ok((r, y)) => (r, Some(y)),
            Err(_) => return fail(i),
        },
        Err(_) => (rest, None),
    };
    let (m, d) = if a > 12 { (b, a) } else { (a, b) };
    calendar_date(rest, year, m, d, i)
}

/// `date_dotted = DIGIT{1,2} "." DIGIT{1,2} "." YEAR4` (month first).
pub(crate) fn date_dotted(i: &str) -> PResult<'_, Expr> {
    let (i0, _) = gap(i)?;
    let (rest, (m, _)) = raw_digits(i0)?;
    let (rest, _) = tag(".")(rest)?;
    let (rest, (d, _)) = raw_digits(rest)?;
    let (rest, _) = tag(".")(rest)?;
    let (rest, y) = year4(rest)?;
    calendar_date(rest, Some(y), m, d, i)
}

/// `date_reuters = DIGIT{1,2} "-" MONTH "-" (YEAR4 | DIGIT{2})` ("26-FEB-1987").
pub(crate) fn date_reuters(i: &str) -> PResult<'_, Expr> {
    let (i0, _) = gap(i)?;
    let (rest, (d, _)) = raw_digits(i0)?;
    let (rest, _) = tag("-")(rest)?;
    let (rest, m) = month_name(rest)?;
    let (rest, _) = tag("-")(rest)?;
    let (rest, y) = year4(rest).or_else(|_| year2(rest))?;
    calendar_date(rest, Some(y), m as u32, d, i)
}

/// `month_year_numeric = YEAR4 ("-" | "/") DIGIT{1,2} | DIGIT{1,2} "/" YEAR4`
pub(crate) fn month_year_numeric(i: &str) -> PResult<'_, Expr> {
    let (i0, _) = gap(i)?;
    let (rest, (a, la)) = raw_digits(i0)?;
    let Some(sep) = rest.chars().next().filter(|c| *c == '-' || *c == '/') else {
        return fail(i);
    };
    let rest = &rest[1..];
    let (year, month, rest) = if la == 4 {
        let (rest, (m, _)) = digits(rest)?;
        (a as i32, m, rest)
    } else if sep == '/' && la <= 2 {
        let (rest, y) = year4(rest)?;
        (y, a, rest)
    } else {
        return fail(i);
    };
    if (1..=12).contains(&month) && (1000..3000).contains(&year) {
        Ok((
            rest,
            Expr::MonthYear {
                year,
                month: month as i8,
            },
        ))
    } else {
        fail(i)
    }
}

/// `month_day = month_name [","] ["the"] day [[","] YEAR4]`
pub(crate) fn month_day(i: &str) -> PResult<'_, Expr> {
    let (rest, month) = month_name(i)?;
    let rest = the(comma(rest));
    let (rest, (day, _)) = day(rest)?;
    let (rest, year) = year_after_comma(rest, year4);
    Ok((
        rest,
        Expr::Date {
            year,
            month,
            day,
            weekday: None,
        },
    ))
}

/// `[","] YEAR` — the comma is left in place when no year follows it.
fn year_after_comma<'a>(
    i: &'a str,
    p: impl Fn(&'a str) -> PResult<'a, i32>,
) -> (&'a str, Option<i32>) {
    match p(comma(i)) {
        Ok((rest, y)) => (rest, Some(y)),
        Err(_) => (i, None),
    }
}

/// `day_month = ["the"] day ["of"] month_name [[","] (YEAR4 | DIGIT{2})]`
pub(crate) fn day_month(i: &str) -> PResult<'_, Expr> {
    let (rest, (day, _)) = day(the(i))?;
    let rest = opt(rest, kw("of")).0;
    let (rest, month) = month_name(rest)?;
    let (rest, year) = year_after_comma(rest, |r| year4(r).or_else(|_| year2(r)));
    Ok((
        rest,
        Expr::Date {
            year,
            month,
            day,
            weekday: None,
        },
    ))
}

/// `weekday_date = weekday_name [","] (month_day | day_month | ["the"] ordinal)`
pub(crate) fn weekday_date(i: &str) -> PResult<'_, Expr> {
    let (rest, wd) = weekday_name(i)?;
    let rest = comma(rest);
    if let Ok((
        r,
        Expr::Date {
            year, month, day, ..
        },
    )) = longest(rest, &[month_day as Production, day_month])
    {
        return Ok((
            r,
            Expr::Date {
                year,
                month,
                day,
                weekday: Some(wd),
            },
        ));
    }
    let (r, (day, is_ordinal)) = day(the(rest))?;
    if !is_ordinal {
        return fail(i);
    }
    Ok((
        r,
        Expr::DayOfMonth {
            day,
            weekday: Some(wd),
        },
    ))
}

/// `day_of_month = "the" ordinal` (only after "on": "on the 19th").
pub(crate) fn day_of_month(i: &str) -> PResult<'_, Expr> {
    let (rest, _) = kw("the")(i)?;
    let (rest, (day, true)) = day(rest)? else {
        return fail(i);
    };
    Ok((rest, Expr::DayOfMonth { day, weekday: None }))
}

/// `month_year = month_name [","] ["of"] YEAR4`
pub(crate) fn month_year(i: &str) -> PResult<'_, Expr> {
    let (rest, month) = month_name(i)?;
    let rest = opt(comma(rest), kw("of")).0;
    let (rest, year) = year4(rest)?;
    Ok((rest, Expr::MonthYear { year, month }))
}

/// `month_alone = [shift_word] month_name ["after" "next" | "in" count "year(s)"]`
pub(crate) fn month_alone(i: &str) -> PResult<'_, Expr> {
    let (rest, prefix) = opt(i, shift_word);
    let (rest, month) = month_name(rest)?;
    let (rest, suffix) = opt(rest, shift_suffix_years);
    let shift = match (prefix, suffix) {
        (Some(_), Some(_)) => return fail(i),
        (p, s) => p.or(s).unwrap_or(Shift::Bare),
    };
    Ok((rest, Expr::Month { month, shift }))
}

/// `shift_word = "this" | "next" | "coming" | "last" | "past" | "previous"`
fn shift_word(i: &str) -> PResult<'_, Shift> {
    let (rest, w) = word(i)?;
    let mut buf = [0; MAX_WORD];
    match lexicon::lower(w, &mut buf) {
        Some(b"this") => Ok((rest, Shift::This)),
        Some(b"next" | b"coming") => Ok((rest, Shift::Next)),
        Some(b"last" | b"past" | b"previous") => Ok((rest, Shift::Last)),
        _ => fail(i),
    }
}

/// `after_next = "after" "next"`
fn after_next(i: &str) -> PResult<'_, Shift> {
    let (rest, _) = kw("after")(i)?;
    let (rest, _) = kw("next")(rest)?;
    Ok((rest, Shift::AfterNext))
}

/// `shift_suffix_years = after_next | "in" count "year(s)"`
fn shift_suffix_years(i: &str) -> PResult<'_, Shift> {
    if let Ok(r) = after_next(i) {
        return Ok(r);
    }
    let (rest, _) = kw("in")(i)?;
    let (rest, n) = count(rest)?;
    match unit(rest)? {
        (rest, Unit::Year) => Ok((rest, Shift::InYears(n.value()))),
        _ => fail(i),
    }
}

/// `week_suffix = after_next | ["of" | "from"] cycle_shift "week"`
fn week_suffix(i: &str) -> PResult<'_, Shift> {
    if let Ok(r) = after_next(i) {
        return Ok(r);
    }
    let rest = opt(i, any_kw(&["of", "from"])).0;
    let (rest, offset) = cycle_shift(the(rest))?;
    let (rest, Unit::Week) = unit(rest)? else {
        return fail(i);
    };
    Ok((rest, Shift::OfWeek(offset)))
}

/// `weekday_expr = [shift_word] weekday_name [week_suffix]`
pub(crate) fn weekday_expr(i: &str) -> PResult<'_, Expr> {
    let (rest, prefix) = opt(i, shift_word);
    let (rest, weekday) = weekday_name(rest)?;
    let (rest, suffix) = opt(rest, week_suffix);
    let shift = match (prefix, suffix) {
        (Some(_), Some(_)) => return fail(i),
        (p, s) => p.or(s).unwrap_or(Shift::Bare),
    };
    Ok((rest, Expr::Weekday { weekday, shift }))
}

/// `day_word = "today" | "yesterday" | "tomorrow" | "tonight" | ["the"] "day" ("after" "tomorrow" | "before" "yesterday")`
pub(crate) fn day_word(i: &str) -> PResult<'_, Expr> {
    let (rest, w) = word(i)?;
    let mut buf = [0; MAX_WORD];
    match lexicon::lower(w, &mut buf) {
        Some(b"today") => return Ok((rest, Expr::Day(0))),
        Some(b"yesterday") => return Ok((rest, Expr::Day(-1))),
        Some(b"tomorrow") => return Ok((rest, Expr::Day(1))),
        Some(b"tonight") => return Ok((rest, Expr::Tonight)),
        _ => {}
    }
    let (rest, _) = kw("day")(the(i))?;
    if let Ok((rest, _)) = kw("after")(rest) {
        let (rest, _) = kw("tomorrow")(rest)?;
        return Ok((rest, Expr::Day(2)));
    }
    let (rest, _) = kw("before")(rest)?;
    let (rest, _) = kw("yesterday")(rest)?;
    Ok((rest, Expr::Day(-2)))
}

/// `cycle = ["the"] cycle_shift ("week" | "month" | "quarter" | "year")`
pub(crate) fn cycle(i: &str) -> PResult<'_, Expr> {
    let (rest, offset) = cycle_shift(the(i))?;
    let (rest, w) = word(rest)?;
    let unit = match lexicon::unit(w) {
        Some(u @ (Unit::Week | Unit::Month | Unit::Quarter | Unit::Year))
            if !w.ends_with(['s', 'S']) =>
        {
            u
        }
        _ => return fail(i),
    };
    Ok((rest, Expr::Cycle { unit, offset }))
}

/// `year_ref = YEAR4 | cycle(year)`
fn year_ref(i: &str) -> PResult<'_, Box<Expr>> {
    if let Ok((rest, y)) = year4(i) {
        return Ok((rest, Box::new(Expr::Year(y))));
    }
    match cycle(i)? {
        (
            rest,
            e @ Expr::Cycle {
                unit: Unit::Year, ..
            },
        ) => Ok((rest, Box::new(e))),
        _ => fail(i),
    }
}

/// `quarter = ["the"] ordinal ("quarter" | "qtr") [["of"] year_ref] | "Q" DIGIT [year_ref]`
pub(crate) fn quarter(i: &str) -> PResult<'_, Expr> {
    let (rest, n) = match quarter_q(i) {
        Ok(r) => r,
        Err(_) => {
            let (rest, n) = ordinal(the(i))?;
            let (rest, Unit::Quarter) = unit(rest)? else {
                return fail(i);
            };
            (rest, n)
        }
    };
    if !(1..=4).contains(&n) {
        return fail(i);
    }
    let (rest, year) = opt(opt(rest, kw("of")).0, year_ref);
    Ok((rest, Expr::Quarter { n: n as i8, year }))
}

/// `quarter_q = "Q" DIGIT`
fn quarter_q(i: &str) -> PResult<'_, u32> {
    let (i0, _) = gap(i)?;
    let Some(rest) = i0.strip_prefix(['q', 'Q']) else {
        return fail(i);
    };
    let (rest, (n, 1)) = digits(rest)? else {
        return fail(i);
    };
    Ok((rest, n))
}

/// `half = ["the"] ("first" | "second" | "1st" | "2nd") "half" [["of"] year_ref]`
pub(crate) fn half(i: &str) -> PResult<'_, Expr> {
    let (rest, n) = ordinal(the(i))?;
    let (rest, _) = kw("half")(rest)?;
    if !(1..=2).contains(&n) {
        return fail(i);
    }
    let (rest, year) = opt(opt(rest, kw("of")).0, year_ref);
    Ok((rest, Expr::Half { n: n as i8, year }))
}

/// `ago = count unit "ago"`
pub(crate) fn ago(i: &str) -> PResult<'_, Expr> {
    let (rest, count) = count(i)?;
    let (rest, unit) = unit(rest)?;
    let (rest, _) = kw("ago")(rest)?;
    Ok((rest, Expr::Ago { count, unit }))
}

/// `later = "in" count unit | count unit ("from" ("now" | "today") | "hence")`
pub(crate) fn later(i: &str) -> PResult<'_, Expr> {
    if let Ok((rest, _)) = kw("in")(i) {
        let (rest, count) = count(rest)?;
        let (rest, unit) = unit(rest)?;
        return Ok((
            rest,
            Expr::Later {
                count,
                unit,
                from_today: false,
            },
        ));
    }
    let (rest, count) = count(i)?;
    let (rest, unit) = unit(rest)?;
    if let Ok((rest, _)) = kw("hence")(rest) {
        return Ok((
            rest,
            Expr::Later {
                count,
                unit,
                from_today: false,
            },
        ));
    }
    let (rest, _) = kw("from")(rest)?;
    let (rest, anchor) = any_kw(&["now", "today"])(rest)?;
    let from_today = anchor.eq_ignore_ascii_case("today");
    Ok((
        rest,
        Expr::Later {
            count,
            unit,
            from_today,
        },
    ))
}

/// `last_n = ["the"] ("last" | "past" | "previous" | "next" | "coming" | "following") count unit`
pub(crate) fn last_n(i: &str) -> PResult<'_, Expr> {
    let (rest, offset) = cycle_shift(the(i))?;
    if offset == 0 {
        return fail(i);
    }
    let (rest, count) = count(rest)?;
    let (rest, unit) = unit(rest)?;
    Ok((
        rest,
        Expr::LastN {
            count,
            unit,
            forward: offset > 0,
        },
    ))
}

/// `within = "within" (last_n | count unit)`
pub(crate) fn within(i: &str) -> PResult<'_, Expr> {
    let (rest, _) = kw("within")(i)?;
    if let Ok(r) = last_n(rest) {
        return Ok(r);
    }
    let (rest, count) = count(rest)?;
    let (rest, unit) = unit(rest)?;
    Ok((rest, Expr::Within { count, unit }))
}

/// `earlier_later = ("earlier" | "later") ("this" | "in" "the") ("week" | "month" | "year")`
pub(crate) fn earlier_later(i: &str) -> PResult<'_, Expr> {
    let (rest, w) = any_kw(&["earlier", "later"])(i)?;
    let rest = match kw("this")(rest) {
        Ok((r, _)) => r,
        Err(_) => kw("the")(kw("in")(rest)?.0)?.0,
    };
    let (rest, unit @ (Unit::Week | Unit::Month | Unit::Year)) = unit(rest)? else {
        return fail(i);
    };
    Ok((
        rest,
        Expr::EarlierLater {
            unit,
            later: w.eq_ignore_ascii_case("later"),
        },
    ))
}

/// `rest_of = ["the"] "rest" "of" ["the" | "this"] unit | "all" unit`
pub(crate) fn rest_of(i: &str) -> PResult<'_, Expr> {
    let (rest, all) = match kw("all")(i) {
        Ok((r, _)) => (r, true),
        Err(_) => {
            let (r, _) = kw("rest")(the(i))?;
            let (r, _) = kw("of")(r)?;
            (opt(r, any_kw(&["the", "this"])).0, false)
        }
    };
    let (rest, w) = word(rest)?;
    match lexicon::unit(w) {
        Some(unit @ (Unit::Week | Unit::Month | Unit::Year)) if !w.ends_with(['s', 'S']) => {
            Ok((rest, Expr::RestOf { unit, all }))
        }
        _ => fail(i),
    }
}

/// `weekend_word = "weekend" | "week-end" | "week" "end"`
fn weekend_word(i: &str) -> PResult<'_, ()> {
    if let Ok((rest, _)) = kw("weekend")(i) {
        return Ok((rest, ()));
    }
    let (rest, _) = kw("week")(i)?;
    let rest = rest.strip_prefix('-').unwrap_or(rest);
    let (rest, _) = kw("end")(rest)?;
    Ok((rest, ()))
}

/// `weekend = ["this" "past" | shift_word | "the"] weekend_word`
pub(crate) fn weekend(i: &str) -> PResult<'_, Expr> {
    let (rest, offset) = if let Ok((r, _)) = kw("past")(kw("this")(i).map(|(r, _)| r).unwrap_or(""))
    {
        (r, Some(-1))
    } else if let Ok((r, s)) = shift_word(i) {
        (
            r,
            Some(match s {
                Shift::Next => 1,
                Shift::Last => -1,
                _ => 0,
            }),
        )
    } else {
        (the(i), None)
    };
    let (rest, ()) = weekend_word(rest)?;
    Ok((rest, Expr::Weekend { offset }))
}

/// `season_expr = [shift_word | "the"] SEASON [["of"] YEAR4]`
pub(crate) fn season_expr(i: &str) -> PResult<'_, Expr> {
    let (rest, shift) = match shift_word(i) {
        Ok((r, s)) => (r, s),
        Err(_) => (the(i), Shift::Bare),
    };
    let (rest, w) = word(rest)?;
    let Some(season) = lexicon::season(w) else {
        return fail(i);
    };
    let (rest, year) = opt(opt(rest, kw("of")).0, year4);
    if year.is_some() && shift != Shift::Bare {
        return fail(i);
    }
    Ok((
        rest,
        Expr::Season {
            season,
            year,
            shift,
        },
    ))
}

/// `decade = ["the"] YEAR4 ["'"] "s"` — a year ending in 0.
pub(crate) fn decade(i: &str) -> PResult<'_, Expr> {
    let (i0, _) = gap(the(i))?;
    let (rest, (y, 4)) = raw_digits(i0)? else {
        return fail(i);
    };
    let rest = rest.strip_prefix('\'').unwrap_or(rest);
    let Some(rest) = rest.strip_prefix('s') else {
        return fail(i);
    };
    if y % 10 != 0 || !(1000..3000).contains(&y) || rest.starts_with(char::is_alphanumeric) {
        return fail(i);
    }
    Ok((rest, Expr::Decade(y as i32)))
}

/// `part = "beginning" | "start" | "early" | "mid" | "middle" | "late" | "end"` → (part, needs "of"?)
fn part(i: &str) -> PResult<'_, (Part, bool)> {
    let (rest, w) = word(i)?;
    let mut buf = [0; MAX_WORD];
    let p = match lexicon::lower(w, &mut buf) {
        Some(b"beginning" | b"start") => (Part::Beginning, true),
        Some(b"early") => (Part::Early, false),
        Some(b"mid") => (Part::Mid, false),
        Some(b"middle") => (Part::Mid, true),
        Some(b"late") => (Part::Late, false),
        Some(b"end") => (Part::End, true),
        _ => return fail(i),
    };
    Ok((rest, p))
}

/// `container = month_year | month_alone | YEAR4 | decade | quarter | cycle | ["the" | "this"] ("week" | "month" | "year")`
fn container(i: &str) -> PResult<'_, Expr> {
    if let Ok(r) = longest(
        i,
        &[
            month_year as Production,
            month_alone,
            decade,
            quarter,
            cycle,
        ],
    ) {
        return Ok(r);
    }
    if let Ok((rest, y)) = year4(i) {
        return Ok((rest, Expr::Year(y)));
    }
    let rest = opt(i, any_kw(&["the", "this"])).0;
    let (rest, w) = word(rest)?;
    match lexicon::unit(w) {
        Some(unit @ (Unit::Week | Unit::Month | Unit::Year)) if !w.ends_with(['s', 'S']) => {
            Ok((rest, Expr::Cycle { unit, offset: 0 }))
        }
        _ => fail(i),
    }
}

/// `part_of = ["the"] part ("of" | "-" | "in")? ["the"] container` ("of" required after beginning/start/middle/end)
pub(crate) fn part_of(i: &str) -> PResult<'_, Expr> {
    let (rest, (part, needs_of)) = part(the(i))?;
    let rest = match kw("of")(rest) {
        Ok((r, _)) => r,
        Err(_) if needs_of => return fail(i),
        Err(_) => rest
            .strip_prefix('-')
            .unwrap_or_else(|| opt(rest, kw("in")).0),
    };
    let (rest, of) = container(rest)?;
    Ok((
        rest,
        Expr::PartOf {
            part,
            of: Box::new(of),
        },
    ))
}

/// `nth = ordinal ["last"] | "last"`
fn nth(i: &str) -> PResult<'_, Nth> {
    if let Ok((rest, _)) = kw("last")(i) {
        return Ok((rest, Nth::Last(1)));
    }
    let (rest, n) = ordinal(i)?;
    match kw("last")(rest) {
        Ok((rest, _)) => Ok((rest, Nth::Last(n))),
        Err(_) => Ok((rest, Nth::First(n))),
    }
}

/// `item = weekday_name | "day" | "week" | weekend_word`
fn item(i: &str) -> PResult<'_, Item> {
    if let Ok((rest, wd)) = weekday_name(i) {
        return Ok((rest, Item::Weekday(wd)));
    }
    if let Ok((rest, ())) = weekend_word(i) {
        return Ok((rest, Item::Weekend));
    }
    match word(i)? {
        (rest, w) if w.eq_ignore_ascii_case("day") => Ok((rest, Item::Day)),
        (rest, w) if w.eq_ignore_ascii_case("week") => Ok((rest, Item::Week)),
        _ => fail(i),
    }
}

/// `nth_of = ["the"] nth item ("of" | "in") container`
pub(crate) fn nth_of(i: &str) -> PResult<'_, Expr> {
    let (rest, nth) = nth(the(i))?;
    let (rest, item) = item(rest)?;
    let (rest, _) = any_kw(&["of", "in"])(rest)?;
    let (rest, of) = container(rest)?;
    Ok((
        rest,
        Expr::NthOf {
            nth,
            item,
            of: Box::new(of),
        },
    ))
}

/// `day_of = ["the"] day ["day"] "of" cycle` ("20th of next month")
pub(crate) fn day_of(i: &str) -> PResult<'_, Expr> {
    let (rest, (day, _)) = day(the(i))?;
    let rest = opt(rest, kw("day")).0;
    let (rest, _) = kw("of")(rest)?;
    let (
        rest,
        of @ Expr::Cycle {
            unit: Unit::Month, ..
        },
    ) = cycle(rest)?
    else {
        return fail(i);
    };
    Ok((
        rest,
        Expr::NthOf {
            nth: Nth::First(day as u32),
            item: Item::Day,
            of: Box::new(of),
        },
    ))
}

/// `date_like = month_day | day_month | weekday_date | weekday_expr | date_iso | date_slash`
fn date_like(i: &str) -> PResult<'_, Expr> {
    longest(
        i,
        &[
            month_day as Production,
            day_month,
            weekday_date,
            weekday_expr,
            date_iso,
            date_slash,
        ],
    )
}

/// `week_of = ["the"] "week" "of" date_like`
pub(crate) fn week_of(i: &str) -> PResult<'_, Expr> {
    let (rest, _) = kw("week")(the(i))?;
    let (rest, _) = kw("of")(rest)?;
    let (rest, d) = date_like(rest)?;
    Ok((rest, Expr::WeekOf(Box::new(d))))
}

/// `week_ended = ["the"] "week" ("ended" | "ending") [","] date_like`
pub(crate) fn week_ended(i: &str) -> PResult<'_, Expr> {
    let (rest, _) = kw("week")(the(i))?;
    let (rest, _) = any_kw(&["ended", "ending"])(rest)?;
    let (rest, d) = date_like(comma(rest))?;
    Ok((rest, Expr::WeekEnded(Box::new(d))))
}

/// `range_sep = dash | "to" | "through" | "thru" | "till" | "until"`
fn range_sep(i: &str) -> PResult<'_, ()> {
    if let Ok((rest, _)) = dash(i) {
        return Ok((rest, ()));
    }
    let (rest, _) = any_kw(&["to", "through", "thru", "till", "until"])(i)?;
    Ok((rest, ()))
}

/// `month_day_range = month_name day range_sep day [[","] YEAR4]` ("July 13-15")
pub(crate) fn month_day_range(i: &str) -> PResult<'_, Expr> {
    let (rest, month) = month_name(i)?;
    let (rest, (d1, _)) = day(the(rest))?;
    let (rest, ()) = range_sep(rest)?;
    let (rest, (d2, _)) = day(the(rest))?;
    let (rest, year) = year_after_comma(rest, year4);
    Ok((rest, day_pair(year, month, d1, d2)))
}

fn day_pair(year: Option<i32>, month: i8, d1: i8, d2: i8) -> Expr {
    let date = |day| Expr::Date {
        year,
        month,
        day,
        weekday: None,
    };
    Expr::Range(Box::new(date(d1)), Box::new(date(d2)))
}

/// `day_range_month = ["the"] day range_sep ["the"] day ["of"] month_name [[","] YEAR4]` ("13th to 15th of July")
pub(crate) fn day_range_month(i: &str) -> PResult<'_, Expr> {
    let (rest, (d1, _)) = day(the(i))?;
    let (rest, ()) = range_sep(rest)?;
    let (rest, (d2, _)) = day(the(rest))?;
    let rest = opt(rest, kw("of")).0;
    let (rest, month) = month_name(rest)?;
    let (rest, year) = year_after_comma(rest, year4);
    Ok((rest, day_pair(year, month, d1, d2)))
}

/// `endpoint = date forms | month_year | month_alone | weekday_expr | day_word | cycle | quarter | season_expr | YEAR4 (only when `years`)`
fn endpoint(i: &str, years: bool) -> PResult<'_, Expr> {
    let found = match first_token(i) {
        First::Digit(o) => longest_opening(i, ENDPOINT_DIGIT, o),
        First::Month => longest(i, FROM_MONTH),
        First::Weekday => longest(i, FROM_WEEKDAY),
        First::Word(o) => longest_opening(i, ENDPOINT_WORD, o),
        First::End => longest(i, &[]),
    };
    match (found, years) {
        (Ok(r), _) => Ok(r),
        (Err(_), true) => year4(i).map(|(rest, y)| (rest, Expr::Year(y))),
        (Err(e), false) => Err(e),
    }
}

/// The [`endpoint`] productions for a digit, in [`FROM_DIGIT`].
const ENDPOINT_DIGIT: &[Candidate] = &[
    DATE_ISO,
    DATE_SLASH,
    DATE_REUTERS,
    DAY_MONTH,
    QUARTER,
    DECADE,
];

/// The [`endpoint`] productions for a word, in [`FROM_WORD`] and in its
/// order.
const ENDPOINT_WORD: &[Candidate] = &[
    DAY_MONTH,
    MONTH_ALONE,
    WEEKDAY_DATE,
    WEEKDAY_EXPR,
    DAY_WORD,
    CYCLE,
    QUARTER,
    SEASON_EXPR,
    DECADE,
];

/// `range = "between" endpoint "and" endpoint | ["from"] (month_day_range | day_range_month | endpoint range_sep endpoint)`
///
/// Bare years are endpoints only after "from" or "between" ("from 1980 to
/// 1985"): "1980-85" alone is as often a number range.
/// (The scanner reaches it through [`expr`], which calls [`range_with`].)
#[cfg(test)]
pub(crate) fn range(i: &str) -> PResult<'_, Expr> {
    range_with(i, true)
}

/// `range`, told whether an endpoint followed by a range separator may
/// start right at `i` (`endpoint_here`); when not, only a range after
/// "from" or "between" and the two day-range forms are tried. [`expr`]
/// knows: every endpoint production for `i` ran before `range`, and it
/// saw whether any match was followed by a separator.
fn range_with(i: &str, endpoint_here: bool) -> PResult<'_, Expr> {
    if let Ok((rest, _)) = kw("between")(i) {
        let (rest, a) = endpoint(rest, true)?;
        let (rest, _) = kw("and")(rest)?;
        let (rest, b) = endpoint(rest, true)?;
        return Ok((rest, Expr::Range(Box::new(a), Box::new(b))));
    }
    let (rest, from) = opt(i, kw("from"));
    let years = from.is_some();
    let general = move |r| -> PResult<'_, Expr> {
        // Without "from", `r` is `i`.
        if !years && !endpoint_here {
            return fail(r);
        }
        let (r, a) = endpoint(r, years)?;
        let (r, ()) = range_sep(r)?;
        let (r, b) = endpoint(r, years)?;
        Ok((r, Expr::Range(Box::new(a), Box::new(b))))
    };
    let special = if may_open_day_range(rest) {
        longest(rest, &[month_day_range as Production, day_range_month])
    } else {
        fail(rest)
    };
    match special {
        Ok(special) => match general(rest) {
            Ok(g) if g.0.len() < special.0.len() => Ok(g),
            _ => Ok(special),
        },
        Err(_) => general(rest),
    }
}

/// Whether `month_day_range` or `day_range_month` can match at `i`: the
/// first needs a month name first, the second (after an optional "the")
/// a number or an ordinal word. Most attempts have neither, and `range`
/// runs at every attempt.
fn may_open_day_range(i: &str) -> bool {
    if month_name(i).is_ok() {
        return true;
    }
    let (after_the, _) = gap(the(i)).unwrap_or((i, ""));
    match after_the.as_bytes().first() {
        Some(b) if b.is_ascii_digit() => true,
        Some(_) => word(after_the).is_ok_and(|(_, w)| {
            lexicon::ordinal_unit(w).is_some() || lexicon::ordinal_tens(w).is_some()
        }),
        None => false,
    }
}

/// `open = ("since" | "after") bound | ("before" | "until" | "till" | "through" | "thru" | "prior" "to") bound`
///   `bound = endpoint | part_of | decade | count unit (after "after" only)`
pub(crate) fn open(i: &str) -> PResult<'_, Expr> {
    let (rest, w) = any_kw(&[
        "since", "after", "before", "until", "till", "through", "thru", "prior",
    ])(i)?;
    let mut buf = [0; MAX_WORD];
    let lw = lexicon::lower(w, &mut buf).unwrap_or(b"");
    let direction = if matches!(lw, b"since" | b"after") {
        Direction::After
    } else {
        Direction::Before
    };
    let rest = if lw == b"prior" {
        kw("to")(rest)?.0
    } else {
        rest
    };
    let bound = |r| -> PResult<'_, Expr> {
        let whole = longest(r, &[part_of as Production, nth_of]);
        match (whole, endpoint(r, true)) {
            (Ok(a), Ok(b)) => Ok(if a.0.len() <= b.0.len() { a } else { b }),
            (Ok(a), Err(_)) => Ok(a),
            (Err(_), b) => b,
        }
    };
    let (rest, bound) = match bound(rest) {
        Ok(r) => r,
        Err(_) if lw == b"after" => {
            let (r, count) = count(rest)?;
            let (r, unit) = unit(r)?;
            (
                r,
                Expr::Later {
                    count,
                    unit,
                    from_today: false,
                },
            )
        }
        Err(e) => return Err(e),
    };
    Ok((
        rest,
        Expr::Open {
            direction,
            bound: Box::new(bound),
        },
    ))
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
    /// "rest", "all".
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

/// A production, and the classes its first token can be in: on other
/// tokens it fails, so [`expr`] and [`endpoint`] skip it. The test
/// `productions_start_only_with_their_classes` keeps the classes true.
#[derive(Clone, Copy)]
struct Candidate {
    parse: Production,
    starts: Starts,
}

const fn wp(parse: Production, starts: Starts) -> Candidate {
    Candidate { parse, starts }
}

const DATE_ISO: Candidate = wp(date_iso, lead::N4);
const DATE_SLASH: Candidate = wp(date_slash, lead::N12);
const DATE_DOTTED: Candidate = wp(date_dotted, lead::NUMBER);
const DATE_REUTERS: Candidate = wp(date_reuters, lead::NUMBER);
const MONTH_YEAR_NUMERIC: Candidate = wp(month_year_numeric, lead::N12 | lead::N4);
const DAY_MONTH: Candidate = wp(day_month, lead::THE | lead::N12 | lead::ORDINAL);
const MONTH_DAY: Candidate = wp(month_day, lead::MONTH);
const MONTH_YEAR: Candidate = wp(month_year, lead::MONTH);
const MONTH_ALONE: Candidate = wp(month_alone, lead::SHIFT | lead::MONTH);
const WEEKDAY_DATE: Candidate = wp(weekday_date, lead::WEEKDAY);
const WEEKDAY_EXPR: Candidate = wp(weekday_expr, lead::SHIFT | lead::WEEKDAY);
const DAY_WORD: Candidate = wp(day_word, lead::THE | lead::DAY);
const CYCLE: Candidate = wp(cycle, lead::THE | lead::SHIFT | lead::CYCLE);
const QUARTER: Candidate = wp(quarter, lead::THE | lead::N12 | lead::ORDINAL | lead::Q);
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
const SEASON_EXPR: Candidate = wp(season_expr, lead::THE | lead::SHIFT | lead::SEASON);
const PART_OF: Candidate = wp(part_of, lead::THE | lead::PART);
const NTH_OF: Candidate = wp(nth_of, lead::THE | lead::N12 | lead::ORDINAL | lead::LAST);
const DAY_OF: Candidate = wp(day_of, lead::THE | lead::N12 | lead::ORDINAL);
const WEEK_OF: Candidate = wp(week_of, lead::THE | lead::WEEK);
const WEEK_ENDED: Candidate = wp(week_ended, lead::THE | lead::WEEK);
const DECADE: Candidate = wp(decade, lead::THE | lead::N4);
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
        b"rest" | b"all" => REST,
        b"week" => WEEK,
        b"weekend" => WEEKEND,
        b"spring" | b"summer" | b"fall" | b"autumn" | b"winter" => SEASON,
        b"beginning" | b"start" | b"early" | b"mid" | b"middle" | b"late" | b"end" => PART,
        b"since" | b"after" | b"before" | b"until" | b"till" | b"through" | b"thru" | b"prior" => {
            OPEN
        }
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
    let t = i.trim_start();
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
    best.ok_or(nom::Err::Error(Error::new(i, ErrorKind::Alt)))
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
    use super::*;

    fn date(year: Option<i32>, month: i8, day: i8) -> Expr {
        Expr::Date {
            year,
            month,
            day,
            weekday: None,
        }
    }

    /// `ok!(production, input, expected, rest)`
    macro_rules! ok {
        ($p:expr, $input:expr, $expected:expr, $rest:expr) => {
            assert_eq!($p($input), Ok(($rest, $expected)), "{}", $input)
        };
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
        let tables = [FROM_WORD, ENDPOINT_WORD, &[OPEN]];
        let digit_tables = [FROM_DIGIT, ENDPOINT_DIGIT];
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
        longest(i, &all)
    }

    /// `endpoint` with every production of its old tables.
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

    /// `expr` with the short candidate lists agrees with trying every word
    /// production, `range` and `open` (what it did before the lists), after
    /// each function word, on dates and on the prose that usually follows.
    #[test]
    fn function_word_candidates_agree_with_all_productions() {
        let all: Vec<Production> = FROM_WORD
            .iter()
            .map(|p| p.parse)
            .chain([range as Production, open])
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
    fn numbers_stop_at_decimals_and_letters() {
        assert!(digits("1.5").is_err());
        assert!(digits("12abc").is_err());
        assert!(digits("12345").is_err());
        assert_eq!(digits("12."), Ok((".", (12, 2))));
    }

    #[test]
    fn ordinals_in_digits_and_words() {
        ok!(ordinal, "31st Oct", 31, " Oct");
        ok!(ordinal, "twenty-first", 21, "");
        ok!(ordinal, "third", 3, "");
        assert!(ordinal("21xy").is_err());
        ok!(ordinal, "5TH", 5, "");
        ok!(ordinal, "3Rd, 1987", 3, ", 1987");
        assert!(ordinal("22nda").is_err());
        assert!(ordinal("1s").is_err());
    }

    #[test]
    fn count_reads_numbers_and_vague_counts() {
        ok!(count, "a few days", Count::Few, " days");
        ok!(count, "two days", Count::Exact(2), " days");
        ok!(count, "a couple of weeks", Count::Exact(2), " weeks");
        ok!(count, "30 days", Count::Exact(30), " days");
        ok!(count, "an hour", Count::Exact(1), " hour");
        ok!(count, "A Couple days", Count::Exact(2), " days");
        ok!(count, "couple of days", Count::Exact(2), " days");
        ok!(count, "few days", Count::Few, " days");
        ok!(count, "several weeks", Count::Few, " weeks");
        assert!(count("the days").is_err());
    }

    #[test]
    fn date_iso_reads_dashes_and_slashes() {
        ok!(date_iso, "2023-06-09", date(Some(2023), 6, 9), "");
        ok!(date_iso, "2014/10/31 x", date(Some(2014), 10, 31), " x");
        assert!(date_iso("2023-13-09").is_err());
    }

    #[test]
    fn date_slash_is_month_first_unless_impossible() {
        ok!(date_slash, "2/15", date(None, 2, 15), "");
        ok!(date_slash, "31/10/1974", date(Some(1974), 10, 31), "");
        ok!(date_slash, "2 / 15", date(None, 2, 15), "");
    }

    #[test]
    fn date_dotted_reads_us_order() {
        ok!(date_dotted, "10.31.1974", date(Some(1974), 10, 31), "");
    }

    #[test]
    fn date_reuters_reads_upper_case_months() {
        ok!(
            date_reuters,
            "26-FEB-1987 15:01",
            date(Some(1987), 2, 26),
            " 15:01"
        );
    }

    #[test]
    fn month_year_numeric_reads_both_orders() {
        ok!(
            month_year_numeric,
            "2014-10",
            Expr::MonthYear {
                year: 2014,
                month: 10
            },
            ""
        );
        ok!(
            month_year_numeric,
            "2/2013",
            Expr::MonthYear {
                year: 2013,
                month: 2
            },
            ""
        );
    }

    #[test]
    fn month_day_with_and_without_year() {
        ok!(month_day, "march 3rd 2015", date(Some(2015), 3, 3), "");
        ok!(month_day, "Jun 09 2023", date(Some(2023), 6, 9), "");
        ok!(month_day, "April 14, 2015", date(Some(2015), 4, 14), "");
        ok!(month_day, "february the 15th", date(None, 2, 15), "");
        ok!(month_day, "Feb. 18, said", date(None, 2, 18), ", said");
        assert!(month_day("May 1985").is_err());
    }

    #[test]
    fn day_month_with_of_and_short_year() {
        ok!(day_month, "31st Oct 1974", date(Some(1974), 10, 31), "");
        ok!(day_month, "the 1st of march", date(None, 3, 1), "");
        ok!(day_month, "14th April 15", date(Some(2015), 4, 14), "");
        ok!(day_month, "first of march", date(None, 3, 1), "");
    }

    #[test]
    fn weekday_date_keeps_the_weekday() {
        let e = Expr::Date {
            year: None,
            month: 2,
            day: 18,
            weekday: Some(Weekday::Monday),
        };
        ok!(weekday_date, "Monday, Feb 18", e, "");
        let e = Expr::DayOfMonth {
            day: 19,
            weekday: Some(Weekday::Tuesday),
        };
        ok!(weekday_date, "Tuesday the 19th", e, "");
        assert!(weekday_date("Tuesday 19").is_err());
    }

    #[test]
    fn month_year_and_month_alone() {
        ok!(
            month_year,
            "October 2014",
            Expr::MonthYear {
                year: 2014,
                month: 10
            },
            ""
        );
        ok!(
            month_alone,
            "next March",
            Expr::Month {
                month: 3,
                shift: Shift::Next
            },
            ""
        );
        ok!(
            month_alone,
            "March in 1 year",
            Expr::Month {
                month: 3,
                shift: Shift::InYears(1)
            },
            ""
        );
        ok!(
            month_alone,
            "March after next",
            Expr::Month {
                month: 3,
                shift: Shift::AfterNext
            },
            ""
        );
    }

    #[test]
    fn weekday_expr_with_shifts() {
        let wd = |shift| Expr::Weekday {
            weekday: Weekday::Wednesday,
            shift,
        };
        ok!(weekday_expr, "next wednesday", wd(Shift::Next), "");
        ok!(
            weekday_expr,
            "wednesday of next week",
            wd(Shift::OfWeek(1)),
            ""
        );
        ok!(
            weekday_expr,
            "wednesday after next",
            wd(Shift::AfterNext),
            ""
        );
        ok!(weekday_expr, "Wednesday said", wd(Shift::Bare), " said");
    }

    #[test]
    fn day_words() {
        ok!(day_word, "Yesterday", Expr::Day(-1), "");
        ok!(day_word, "the day before yesterday", Expr::Day(-2), "");
        ok!(day_word, "tonight", Expr::Tonight, "");
    }

    #[test]
    fn cycles_are_singular() {
        ok!(
            cycle,
            "the following week",
            Expr::Cycle {
                unit: Unit::Week,
                offset: 1
            },
            ""
        );
        ok!(
            cycle,
            "last year",
            Expr::Cycle {
                unit: Unit::Year,
                offset: -1
            },
            ""
        );
        assert!(cycle("last years").is_err());
    }

    #[test]
    fn quarters_and_halves() {
        let q = Expr::Quarter {
            n: 4,
            year: Some(Box::new(Expr::Year(2018))),
        };
        ok!(quarter, "4th quarter 2018", q, "");
        ok!(quarter, "Q1", Expr::Quarter { n: 1, year: None }, "");
        let h = Expr::Half {
            n: 2,
            year: Some(Box::new(Expr::Year(1986))),
        };
        ok!(half, "the second half of 1986", h, "");
        assert!(quarter("fifth quarter").is_err());
    }

    #[test]
    fn ago_later_last_n_within() {
        ok!(
            ago,
            "a few days ago",
            Expr::Ago {
                count: Count::Few,
                unit: Unit::Day
            },
            ""
        );
        ok!(
            ago,
            "three weeks ago",
            Expr::Ago {
                count: Count::Exact(3),
                unit: Unit::Week
            },
            ""
        );
        let l = Expr::Later {
            count: Count::Exact(3),
            unit: Unit::Year,
            from_today: true,
        };
        ok!(later, "3 years from today", l, "");
        let n = Expr::LastN {
            count: Count::Exact(2),
            unit: Unit::Week,
            forward: false,
        };
        ok!(last_n, "the past 2 weeks", n, "");
        ok!(
            within,
            "within 30 days",
            Expr::Within {
                count: Count::Exact(30),
                unit: Unit::Day
            },
            ""
        );
    }

    #[test]
    fn earlier_later_rest_weekend() {
        ok!(
            earlier_later,
            "earlier this month",
            Expr::EarlierLater {
                unit: Unit::Month,
                later: false
            },
            ""
        );
        ok!(
            earlier_later,
            "later in the year",
            Expr::EarlierLater {
                unit: Unit::Year,
                later: true
            },
            ""
        );
        ok!(
            rest_of,
            "rest of the week",
            Expr::RestOf {
                unit: Unit::Week,
                all: false
            },
            ""
        );
        ok!(
            weekend,
            "this past weekend",
            Expr::Weekend { offset: Some(-1) },
            ""
        );
        ok!(
            weekend,
            "this week-end",
            Expr::Weekend { offset: Some(0) },
            ""
        );
        ok!(weekend, "the weekend", Expr::Weekend { offset: None }, "");
    }

    #[test]
    fn seasons_and_decades() {
        let s = Expr::Season {
            season: lexicon::Season::Summer,
            year: Some(1986),
            shift: Shift::Bare,
        };
        ok!(season_expr, "the summer of 1986", s, "");
        ok!(decade, "the 1980s", Expr::Decade(1980), "");
        assert!(decade("1985s").is_err());
    }

    #[test]
    fn part_of_needs_of_after_end() {
        let p = |part, of| Expr::PartOf {
            part,
            of: Box::new(of),
        };
        ok!(part_of, "mid-1982", p(Part::Mid, Expr::Year(1982)), "");
        ok!(
            part_of,
            "early March",
            p(
                Part::Early,
                Expr::Month {
                    month: 3,
                    shift: Shift::Bare
                }
            ),
            ""
        );
        ok!(
            part_of,
            "the end of the month",
            p(
                Part::End,
                Expr::Cycle {
                    unit: Unit::Month,
                    offset: 0
                }
            ),
            ""
        );
        assert!(part_of("end March").is_err());
    }

    #[test]
    fn nth_of_and_day_of() {
        let e = Expr::NthOf {
            nth: Nth::Last(5),
            item: Item::Day,
            of: Box::new(Expr::Month {
                month: 5,
                shift: Shift::Bare,
            }),
        };
        ok!(nth_of, "the 5th last day of May", e, "");
        let e = Expr::NthOf {
            nth: Nth::First(20),
            item: Item::Day,
            of: Box::new(Expr::Cycle {
                unit: Unit::Month,
                offset: 1,
            }),
        };
        ok!(day_of, "20th day of next month", e, "");
    }

    #[test]
    fn week_of_and_week_ended() {
        let d = Box::new(date(None, 2, 22));
        ok!(
            week_ended,
            "the week ended February 22",
            Expr::WeekEnded(d.clone()),
            ""
        );
        ok!(week_of, "the week of February 22", Expr::WeekOf(d), "");
    }

    #[test]
    fn ranges_of_days_months_years() {
        ok!(range, "July 13-15", day_pair(None, 7, 13, 15), "");
        ok!(
            range,
            "June 18-19, 2023",
            day_pair(Some(2023), 6, 18, 19),
            ""
        );
        ok!(
            range,
            "from the 13th to the 15th of July",
            day_pair(None, 7, 13, 15),
            ""
        );
        let my = |y, m| Box::new(Expr::MonthYear { year: y, month: m });
        ok!(
            range,
            "January 1980 to May 1985",
            Expr::Range(my(1980, 1), my(1985, 5)),
            ""
        );
        let y = |y| Box::new(Expr::Year(y));
        ok!(
            range,
            "between 1980 and 1985",
            Expr::Range(y(1980), y(1985)),
            ""
        );
        assert!(range("1980 to 1985").is_err());
    }

    #[test]
    fn day_ranges_open_with_months_numbers_and_ordinals() {
        for i in [
            "July 13-15",
            "13 to 15 July",
            "the 13th to the 15th of July",
            "first - third of May",
        ] {
            assert!(may_open_day_range(i), "{i}");
        }
        for i in ["last week", "the year", "", "said"] {
            assert!(!may_open_day_range(i), "{i}");
        }
    }

    #[test]
    fn open_intervals() {
        let o = |direction, b| Expr::Open {
            direction,
            bound: Box::new(b),
        };
        ok!(
            open,
            "since 2018",
            o(Direction::After, Expr::Year(2018)),
            ""
        );
        ok!(
            open,
            "until 1990",
            o(Direction::Before, Expr::Year(1990)),
            ""
        );
        let m = Expr::Month {
            month: 6,
            shift: Shift::Bare,
        };
        ok!(open, "before June", o(Direction::Before, m), "");
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
