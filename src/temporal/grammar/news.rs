//! Forms of business and wire news (issue 18): fiscal and split years
//! ("fiscal 1987", "FY24", "the 1986/87 season", "1985-86"), quarters and
//! halves written as adjectives ("third-quarter 1986", "the 1986 fourth
//! quarter", "1Q 2023"), periods counted inside another ("the first nine
//! months of 1986") or named by their end ("the six months to December
//! 31"), "so far this year", "earlier today", alternatives ("May 3 or 4"),
//! "late on Wednesday", spans after "over"/"for" ("over the next two
//! years"), "within the week", and periods that refer to one named before
//! ("a year earlier", "the same period last year", "the year-ago
//! quarter"), which only prose can resolve.
//!
//! [`news`] is tried after the other productions; it picks the few
//! productions its first word can open, and fails at once on other words.

use super::absolute::{month_day, month_name};
use super::numbers::{count, day, digits, ordinal, raw_digits, unit, year4};
use super::period::period_ordinal;
use super::relative::{cycle, day_word, last_n, weekday_expr};
use super::{any_kw, fail, gap, kw, longest, opt, sym, the, word, PResult, Production};
use crate::temporal::ast::{Count, DayPart, Expr};
use crate::temporal::lexicon::{self, Unit, MAX_WORD};

/// `news = fiscal | split_year | adjective_period | first_n | ended | so_far
/// | earlier_today | antecedent | alternative | month_slash | month_of_year | late_on
/// | over_last_n | within_the`
pub(crate) fn news(i: &str) -> PResult<'_, Expr> {
    let t = &i[i.len() - gap(i).map_or(i.len(), |(r, _)| r.len())..];
    let Some(&b) = t.as_bytes().first() else {
        return fail(i);
    };
    if b.is_ascii_digit() {
        return longest(i, after_digits(t));
    }
    let n = t
        .bytes()
        .take(MAX_WORD + 1)
        .take_while(u8::is_ascii_alphabetic)
        .count();
    let mut buf = [0; MAX_WORD];
    let Some(w) = lexicon::lower(&t[..n], &mut buf) else {
        return fail(i);
    };
    let table: &[Production] = match w {
        b"the"
            if t.as_bytes()
                .get(n)
                .is_none_or(|c| !c.is_ascii_alphanumeric()) =>
        {
            return longest_of(i, &AFTER_THE, after_the(&t[n..]));
        }
        b"the" => &AFTER_THE,
        b"fiscal" | b"fy" => &[fiscal],
        b"so" => &[so_far],
        b"year" => &[so_far, antecedent, ended],
        b"qtr" | b"quarter" => &[ended],
        b"same" | b"similar" | b"comparable" | b"corresponding" => &[antecedent],
        b"a" | b"one" => &[antecedent, preceding],
        b"earlier" => &[earlier_today],
        b"late" => &[late_on],
        b"over" | b"for" => &[over_last_n],
        b"within" => &[within_the],
        b"shortly" | b"just" | b"after" => &[small_hours],
        b"first" | b"last" => &[adjective_period, first_n, ended],
        b"this" | b"next" => &[adjective_period],
        b"second" | b"third" | b"fourth" | b"final" => &[adjective_period, ended],
        _ if lexicon::month_lower(w).is_some() => &[alternative, month_slash, month_of_year],
        _ if lexicon::cardinal(&t[..n]).is_some() => &[ended],
        _ => return fail(i),
    };
    longest(i, table)
}

/// The productions [`news`] tries after "the", in this order.
const AFTER_THE: [Production; 6] = [
    fiscal,
    split_year,
    adjective_period,
    first_n,
    ended,
    antecedent,
];

/// [`longest`] over the productions of `table` whose bit is set in `mask`
/// (bit k: `table[k]`), in the table's order.
fn longest_of<'a>(i: &'a str, table: &[Production; 6], mask: u8) -> PResult<'a, Expr> {
    let mut chosen = [table[0]; 6];
    let mut n = 0;
    for (k, p) in table.iter().enumerate() {
        if mask >> k & 1 != 0 {
            chosen[n] = *p;
            n += 1;
        }
    }
    longest(i, &chosen[..n])
}

/// Which [`AFTER_THE`] productions can match after "the" when `rest`
/// follows it, by what comes next (as a bit set over the table): a number
/// opens `fiscal` ("the 1987 fiscal year"), `split_year`,
/// `adjective_period`, `ended` ("the 12 months to") and `antecedent`
/// ("the 1986 period"); a word opens
/// `fiscal` ("fiscal", "FY"), `adjective_period` (an ordinal),
/// `first_n` ("first", "last"), `ended` ("fiscal", a count, a unit,
/// "half") and `antecedent` ("same", "year"). Anything else that is not a
/// word (as "FY24") keeps them all. Most "the"s of prose open none.
fn after_the(rest: &str) -> u8 {
    const ALL: u8 = 0b11_1111;
    const FISCAL: u8 = 1;
    const SPLIT: u8 = 1 << 1;
    const ADJECTIVE: u8 = 1 << 2;
    const FIRST_N: u8 = 1 << 3;
    const ENDED: u8 = 1 << 4;
    const ANTECEDENT: u8 = 1 << 5;
    let after = &rest[rest.len() - gap(rest).map_or(rest.len(), |(r, _)| r.len())..];
    if after.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return FISCAL | SPLIT | ADJECTIVE | ENDED | ANTECEDENT;
    }
    let Ok((_, w)) = word(after) else {
        return ALL;
    };
    let mut buf = [0; MAX_WORD];
    let Some(lw) = lexicon::lower(w, &mut buf) else {
        return ALL;
    };
    let mut mask = 0;
    if lw == b"fiscal" || lw.starts_with(b"fy") {
        mask |= FISCAL | ENDED;
    }
    if lw == b"financial" {
        mask |= ENDED;
    }
    if lexicon::ordinal_unit(w).is_some() || lexicon::ordinal_tens(w).is_some() || lw == b"final" {
        mask |= ADJECTIVE | ENDED;
    }
    if matches!(lw, b"first" | b"last") {
        mask |= FIRST_N;
    }
    if matches!(lw, b"a" | b"an" | b"few" | b"couple" | b"several" | b"half")
        || lexicon::cardinal(w).is_some()
        || lexicon::unit(w).is_some()
    {
        mask |= ENDED;
    }
    if matches!(
        lw,
        b"same" | b"similar" | b"comparable" | b"corresponding" | b"year"
    ) {
        mask |= ANTECEDENT;
    }
    mask
}

/// The productions [`news`] tries at a number `t` (after its blanks): all
/// three at four digits (a year), at one or two digits followed by a
/// letter only `adjective_period` ("3rd-quarter", "1Q 2023"), else none
/// (each reads a year or such a number first).
fn after_digits(t: &str) -> &'static [Production] {
    let b = t.as_bytes();
    let n = b.iter().take(5).take_while(|c| c.is_ascii_digit()).count();
    match n {
        4 => &[split_year, adjective_period, fiscal],
        1 | 2 if b.get(n).is_some_and(u8::is_ascii_alphabetic) => &[adjective_period],
        // "12 months to December 31".
        1 | 2 => &[ended],
        _ => &[],
    }
}

/// [`news`] with its full tables after "the" and at a number (what
/// `after_the` and `after_digits` narrow): the tests' reference.
#[cfg(test)]
pub(super) fn news_full(i: &str) -> PResult<'_, Expr> {
    let t = &i[i.len() - gap(i).map_or(i.len(), |(r, _)| r.len())..];
    let Some(&b) = t.as_bytes().first() else {
        return fail(i);
    };
    if b.is_ascii_digit() {
        return longest(
            i,
            &[split_year as Production, adjective_period, fiscal, ended],
        );
    }
    let n = t
        .bytes()
        .take(MAX_WORD + 1)
        .take_while(u8::is_ascii_alphabetic)
        .count();
    let mut buf = [0; MAX_WORD];
    match lexicon::lower(&t[..n], &mut buf) {
        Some(b"the") => longest(i, &AFTER_THE),
        _ => news(i),
    }
}

/// A year of two or four digits after "fiscal" / "FY" (two digits: 1950–2049).
fn fiscal_year_number(i: &str) -> PResult<'_, i32> {
    let (rest, (y, len)) = digits(i)?;
    match len {
        4 if (1000..=2100).contains(&y) => Ok((rest, y as i32)),
        2 => Ok((rest, if y < 50 { 2000 + y } else { 1900 + y } as i32)),
        _ => fail(i),
    }
}

/// `fiscal = ["the"] ("fiscal" ["year"] | "FY" ["-"]) (split | YEAR) | ["the"] YEAR4 "fiscal" "year" | "fiscal" "year" YEAR4`
fn fiscal(i: &str) -> PResult<'_, Expr> {
    let i1 = the(i);
    if let Ok((rest, y)) = year4(i1) {
        let (rest, _) = kw("fiscal")(rest)?;
        let (rest, _) = any_kw(&["year", "yr"])(rest)?;
        return Ok((rest, Expr::Fiscal(y)));
    }
    let after = match kw("fiscal")(i1) {
        Ok((r, _)) => opt(r, any_kw(&["year", "yr"])).0,
        Err(_) => {
            let (r, _) = gap(i1)?;
            let r = r
                .strip_prefix("FY")
                .or_else(|| r.strip_prefix("fy"))
                .or_else(|| r.strip_prefix("Fy"))
                .ok_or(nom::Err::Error(nom::error::Error::new(
                    i,
                    nom::error::ErrorKind::Tag,
                )))?;
            r.strip_prefix('-').unwrap_or(r)
        }
    };
    if let Ok((rest, e)) = split_years(after) {
        return Ok((rest, e));
    }
    let (rest, y) = fiscal_year_number(after)?;
    Ok((rest, Expr::Fiscal(y)))
}

/// `split_years = YEAR4 ("/" | "-") (DIGIT{2} | YEAR4)`: a crop year, season
/// or fiscal year across two calendar years ("1986/87", "1985-86").
fn split_years(i: &str) -> PResult<'_, Expr> {
    let (i0, _) = gap(i)?;
    let (rest, (a, 4)) = raw_digits(i0)? else {
        return fail(i);
    };
    let Some(rest) = rest.strip_prefix(['/', '-']) else {
        return fail(i);
    };
    let (rest, (b, len)) = raw_digits(rest)?;
    if rest.starts_with(|c: char| c.is_ascii_alphanumeric())
        || rest.starts_with(['/', '-'])
        || !(1000..=2100).contains(&a)
    {
        return fail(i);
    }
    let b = match len {
        2 => a / 100 * 100 + b,
        4 => b,
        _ => return fail(i),
    };
    // "1988/2007" (serial bonds due each year between): a range of years
    // as the two of a split year are; two digits and a dash stay a split
    // year only ("1986-88" is as often a number range).
    let years_range = len == 4 && i0[4..].starts_with('/') && b > a + 1 && b <= a + 50;
    if b != a + 1 && !years_range {
        return fail(i);
    }
    Ok((
        rest,
        Expr::Range(
            Box::new(Expr::Year(a as i32)),
            Box::new(Expr::Year(b as i32)),
        ),
    ))
}

/// `split_year = ["the"] split_years ["season" | "crop" ["year"] | "marketing" "year" | "fiscal" "year" | "campaign" | "year"]`
fn split_year(i: &str) -> PResult<'_, Expr> {
    let (rest, e) = split_years(the(i))?;
    let rest = match any_kw(&["season", "campaign", "year", "crop", "marketing", "fiscal"])(rest) {
        Ok((r, w))
            if ["crop", "marketing", "fiscal"]
                .iter()
                .any(|x| w.eq_ignore_ascii_case(x)) =>
        {
            opt(r, any_kw(&["year", "yr"])).0
        }
        Ok((r, _)) => r,
        Err(_) => rest,
    };
    Ok((rest, e))
}

/// `period_word = "quarter" | "qtr" | "half"` → (quarter?)
fn period_word(i: &str) -> PResult<'_, bool> {
    let (rest, w) = any_kw(&["quarter", "qtr", "half"])(i)?;
    Ok((rest, !w.eq_ignore_ascii_case("half")))
}

/// The rest after a possessive "'s" (or "\u{2019}s") written right after a word.
fn possessive(i: &str) -> Option<&str> {
    let rest = i
        .strip_prefix("'s")
        .or_else(|| i.strip_prefix("\u{2019}s"))?;
    (!rest.starts_with(|c: char| c.is_ascii_alphanumeric())).then_some(rest)
}

/// `period_ordinal period_word` of the year `year`: "fourth quarter",
/// "final quarter" (the last of the year's).
fn period_of(i: &str, year: Box<Expr>) -> PResult<'_, Expr> {
    let (rest, n) = period_ordinal(i)?;
    let (rest, q) = period_word(rest)?;
    let n = n.unwrap_or(if q { 4 } else { 2 });
    period_expr(q, n, Some(year), rest)
}

fn period_expr(quarter: bool, n: u32, year: Option<Box<Expr>>, i: &str) -> PResult<'_, Expr> {
    let max = if quarter { 4 } else { 2 };
    if !(1..=max).contains(&n) {
        return fail(i);
    }
    let n = n as i8;
    Ok((
        i,
        if quarter {
            Expr::Quarter { n, year }
        } else {
            Expr::Half { n, year }
        },
    ))
}

/// `adjective_period = ordinal "-" period_word [YEAR4 | "of" year] | ["the"] YEAR4 ["'s"] period_ordinal period_word | cycle(year) "'s" period_ordinal period_word | DIGIT "Q" [YEAR4]`
fn adjective_period(i: &str) -> PResult<'_, Expr> {
    let i1 = the(i);
    // "the 1986 fourth quarter", "the 1985 final quarter", "1986's first half"
    if let Ok((rest, y)) = year4(i1) {
        let rest = possessive(rest).unwrap_or(rest);
        return period_of(rest, Box::new(Expr::Year(y)));
    }
    // "last year's third quarter"
    if let Ok((
        rest,
        e @ Expr::Cycle {
            unit: Unit::Year, ..
        },
    )) = cycle(i1)
    {
        let Some(rest) = possessive(rest) else {
            return fail(i);
        };
        return period_of(rest, Box::new(e));
    }
    // "1Q 2023", "4Q86"
    if let Ok((i0, _)) = gap(i1) {
        if let Ok((rest, (n, 1))) = raw_digits(i0) {
            let Some(rest) = rest.strip_prefix(['Q', 'q']) else {
                return fail(i);
            };
            if rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
                return fail(i);
            }
            let (rest, year) = opt(rest, year4);
            return period_expr(true, n, year.map(|y| Box::new(Expr::Year(y))), rest);
        }
    }
    let (rest, n) = ordinal(i1)?;
    let Some(rest) = rest.strip_prefix('-') else {
        return fail(i);
    };
    let (rest, q) = period_word(rest)?;
    let (rest, year) = match year4(rest) {
        Ok((r, y)) => (r, Some(Box::new(Expr::Year(y)))),
        Err(_) => match kw("of")(rest).and_then(|(r, _)| cycle(r)) {
            Ok((
                r,
                e @ Expr::Cycle {
                    unit: Unit::Year, ..
                },
            )) => (r, Some(Box::new(e))),
            _ => (rest, None),
        },
    };
    period_expr(q, n, year, rest)
}

/// `first_n = ["the"] ("first" | "last") count ("months" | "quarters" | "weeks") ["of" (YEAR4 | cycle | the_year)]`
/// ("the last three months" alone is `last_n`).
fn first_n(i: &str) -> PResult<'_, Expr> {
    let (rest, w) = any_kw(&["first", "last"])(the(i))?;
    let from_end = w.eq_ignore_ascii_case("last");
    let (rest, n) = count(rest)?;
    let (rest, u @ (Unit::Month | Unit::Quarter | Unit::Week)) = unit(rest)? else {
        return fail(i);
    };
    let of = match kw("of")(rest) {
        Ok((r, _)) => match year4(r) {
            Ok((r, y)) => Some((r, Expr::Year(y))),
            Err(_) => match cycle(r) {
                Ok((r, e @ Expr::Cycle { .. })) => Some((r, e)),
                _ => the_year(r).ok(),
            },
        },
        Err(_) => None,
    };
    let (rest, of) = match of {
        Some((r, e)) => (r, Some(Box::new(e))),
        None if from_end => return fail(i),
        None => (rest, None),
    };
    Ok((
        rest,
        Expr::FirstN {
            n: n.value(),
            unit: u,
            from_end,
            of,
        },
    ))
}

/// `the_year = "the" "year"`: after "the last six months of", the year
/// holding the article's date (as "this year"; a year named before is
/// not tracked).
fn the_year(i: &str) -> PResult<'_, Expr> {
    let (rest, _) = kw("the")(i)?;
    let (rest, _) = kw("year")(rest)?;
    Ok((
        rest,
        Expr::Cycle {
            unit: Unit::Year,
            offset: 0,
        },
    ))
}

/// `ended = ["the"] ["fiscal" | "financial"] ([count] ("year" | "quarter" | "half" | "months" | "weeks") | nth_period) (("ended" | "ending" | "to" | "through") end_date | ("starting" | "beginning") start_date)`
fn ended(i: &str) -> PResult<'_, Expr> {
    let rest = the(i);
    let rest = opt(rest, any_kw(&["fiscal", "financial"])).0;
    let (rest, u, n, nth) = match nth_period(rest) {
        Ok((r, (nth, months))) => (r, Unit::Month, months, Some(nth)),
        Err(_) => {
            let (rest, n) = match count(rest) {
                Ok((r, c)) => (r, Some(c.value())),
                Err(_) => (rest, None),
            };
            let (rest, w) = word(rest)?;
            let (u, n) = match (lexicon::unit(w), n) {
                (Some(u @ (Unit::Year | Unit::Quarter | Unit::Month | Unit::Week)), n) => {
                    (u, n.unwrap_or(1))
                }
                _ if w.eq_ignore_ascii_case("half") && n.is_none() => (Unit::Month, 6),
                _ => return fail(i),
            };
            (rest, u, n, None)
        }
    };
    // "the week ended" is `week_ended`.
    if u == Unit::Week && n == 1 {
        return fail(i);
    }
    let (rest, verb) = any_kw(&[
        "ended",
        "ending",
        "to",
        "through",
        "thru",
        "starting",
        "beginning",
    ])(rest)?;
    let starts = matches!(verb.as_bytes()[0] | 0x20, b's' | b'b');
    // A period named by its start has a length of its own, no ordinal
    // ("the first quarter beginning" is no company quarter).
    if starts && nth.is_some() {
        return fail(i);
    }
    let (rest, end) = if starts {
        start_date(rest)?
    } else {
        end_date(rest)?
    };
    Ok((
        rest,
        Expr::Ended {
            count: n,
            unit: u,
            end: Box::new(end),
            nth: nth.filter(|_| n == 3),
            starts,
        },
    ))
}

/// `nth_period = (ordinal | "final") ["fiscal"] ("quarter" | "qtr" | "half")`
/// → (its ordinal, its length in months): "the first quarter ended January
/// 31", "the third qtr ending March 31", "the second half ended June 30".
fn nth_period(i: &str) -> PResult<'_, (i8, i64)> {
    let (rest, n) = period_ordinal(i)?;
    let rest = opt(rest, kw("fiscal")).0;
    let (rest, quarter) = period_word(rest)?;
    let (max, months) = if quarter { (4, 3) } else { (2, 6) };
    // "final" is the last of either.
    let n = n.unwrap_or(max);
    if !(1..=max).contains(&n) {
        return fail(i);
    }
    Ok((rest, (n as i8, months)))
}

/// The date a period ends on: "December 31", "Dec 31, 1986", "June 1986",
/// "in February", "this month".
fn end_date(i: &str) -> PResult<'_, Expr> {
    use super::absolute::month_year;
    longest(i, &[month_day as Production, month_year, named_month]).or_else(|_| month_cycle(i))
}

/// The date a period starts on: as [`end_date`] ("April 1", "next
/// month", "in April").
fn start_date(i: &str) -> PResult<'_, Expr> {
    end_date(i)
}

/// `named_month = "in" MONTH`: a month alone, which a period's end or
/// start places as any bare month is ("the 12 months ending in February").
/// Without "in" ("five years to July") the month is as often an amount's
/// or a contract's and is left to the scanner's own reading.
fn named_month(i: &str) -> PResult<'_, Expr> {
    let (rest, _) = kw("in")(i)?;
    let (rest, month) = month_name(rest)?;
    // "ending Jan 31" is `month_day`'s; a month followed by a number that
    // is no day of it is no period's end.
    if gap(rest).is_ok_and(|(r, _)| r.starts_with(|c: char| c.is_ascii_digit())) {
        return fail(i);
    }
    Ok((
        rest,
        Expr::Month {
            month,
            shift: crate::temporal::ast::Shift::Bare,
        },
    ))
}

/// `month_cycle = ("this" | "next" | "last") "month"`: the month a period
/// ends or starts in, counted from the article's ("the year ending this
/// month").
fn month_cycle(i: &str) -> PResult<'_, Expr> {
    match cycle(i) {
        Ok((
            rest,
            e @ Expr::Cycle {
                unit: Unit::Month, ..
            },
        )) => Ok((rest, e)),
        _ => fail(i),
    }
}

/// `so_far = "so" "far" ("this" | "in" "the") ("year" | "month" | "week") | "year" ["-"] "to" ["-"] "date"`
fn so_far(i: &str) -> PResult<'_, Expr> {
    if let Ok((rest, _)) = kw("year")(i) {
        let rest = rest.strip_prefix('-').unwrap_or(rest);
        let (rest, _) = kw("to")(rest)?;
        let rest = rest.strip_prefix('-').unwrap_or(rest);
        let (rest, _) = kw("date")(rest)?;
        return Ok((rest, Expr::SoFar(Unit::Year)));
    }
    let (rest, _) = kw("so")(i)?;
    let (rest, _) = kw("far")(rest)?;
    let rest = match kw("this")(rest) {
        Ok((r, _)) => r,
        Err(_) => kw("the")(kw("in")(rest)?.0)?.0,
    };
    let (rest, u @ (Unit::Year | Unit::Month | Unit::Week)) = unit(rest)? else {
        return fail(i);
    };
    Ok((rest, Expr::SoFar(u)))
}

/// `earlier_today = "earlier" ("today" | "in" "the" "day")`
fn earlier_today(i: &str) -> PResult<'_, Expr> {
    let (rest, _) = kw("earlier")(i)?;
    if let Ok((rest, _)) = kw("today")(rest) {
        return Ok((rest, Expr::EarlierToday));
    }
    let (rest, _) = kw("in")(rest)?;
    let (rest, _) = kw("the")(rest)?;
    let (rest, _) = kw("day")(rest)?;
    Ok((rest, Expr::EarlierToday))
}

/// `year_before = ("a" | "one") "year" ("earlier" | "before" | "ago") | "last" "year" | "of" "last" "year" | "the" "previous" "year"`
fn year_before(i: &str, ago: bool) -> PResult<'_, ()> {
    if let Ok((rest, _)) = any_kw(&["a", "one"])(i) {
        let (rest, _) = kw("year")(rest)?;
        let words: &[&str] = if ago {
            &["earlier", "before", "ago"]
        } else {
            &["earlier", "before"]
        };
        let (rest, w) = word(rest)?;
        if !words.iter().any(|x| w.eq_ignore_ascii_case(x)) {
            return fail(i);
        }
        return Ok((rest, ()));
    }
    let rest = opt(i, kw("of")).0;
    let rest = match kw("the")(rest) {
        Ok((r, _)) => kw("previous")(r)?.0,
        Err(_) => kw("last")(rest)?.0,
    };
    let (rest, _) = kw("year")(rest)?;
    Ok((rest, ()))
}

/// A noun for a period after "same" or "year-ago", with the length in
/// months it names when it names one ("quarter": 3, "nine mths": 9,
/// "first half": 6; "period", "week" and "time" fix none).
fn period_noun(i: &str) -> PResult<'_, Option<u32>> {
    let (i, count) = match any_kw(&["three", "six", "nine"])(i) {
        Ok((r, w)) => (r, Some(w)),
        Err(_) => (
            opt(i, any_kw(&["first", "second", "third", "fourth"])).0,
            None,
        ),
    };
    let (rest, noun) = any_kw(&[
        "period", "quarter", "qtr", "month", "months", "mths", "week", "half", "year", "time",
    ])(i)?;
    let is = |w: &str, x: &str| w.eq_ignore_ascii_case(x);
    let months = if is(noun, "quarter") || is(noun, "qtr") {
        Some(3)
    } else if is(noun, "half") {
        Some(6)
    } else if is(noun, "year") {
        Some(12)
    } else if is(noun, "month") {
        Some(1)
    } else if is(noun, "months") || is(noun, "mths") {
        count.map(|c| {
            if is(c, "three") {
                3
            } else if is(c, "six") {
                6
            } else {
                9
            }
        })
    } else {
        None
    };
    Ok((rest, months))
}

/// `in_year = ("of" | "in") YEAR4`: the year a same-period phrase moves
/// its antecedent to ("the same period of 1985").
fn in_year(i: &str) -> PResult<'_, i32> {
    let (rest, _) = any_kw(&["of", "in"])(i)?;
    year4(rest)
}

/// `year_period_noun = period_noun` without an ordinal and other than
/// "year" or "time" after "the" YEAR4: "the 1986 period", "the 1986
/// quarter", "the 1985 nine months" name a period by another already
/// named; "the 1986 first quarter" (an ordinal) is `adjective_period`'s,
/// "the 1986 year" no comparison.
fn year_period_noun(i: &str) -> PResult<'_, Option<u32>> {
    let (after, _) = gap(i)?;
    let ordinal = any_kw(&["first", "second", "third", "fourth"])(after).is_ok();
    let general = any_kw(&["year", "time"])(after).is_ok();
    if ordinal || general {
        return fail(i);
    }
    period_noun(i)
}

/// `antecedent = ("a" | "one") "year" ("earlier" | "before")
/// | ["the" | "a"] ("same" | "similar") period_noun (in_year | year_before)
/// | "the" YEAR4 year_period_noun
/// | ["the"] "year" ("-" | " ") ("earlier" | "ago") [period_noun]`
fn antecedent(i: &str) -> PResult<'_, Expr> {
    if let Ok((rest, ())) = year_before(i, false) {
        if kw("a")(i).is_ok() || kw("one")(i).is_ok() {
            return Ok((rest, Expr::Antecedent(-1, None)));
        }
    }
    let i1 = the(i);
    if let Ok((rest, _)) =
        any_kw(&["same", "similar", "comparable", "corresponding"])(opt(i1, kw("a")).0)
    {
        // "the comparable 1986 period".
        if let Ok((rest, y)) = year4(rest) {
            let (rest, months) = period_noun(rest)?;
            return Ok((rest, Expr::AntecedentIn(y, months)));
        }
        let (rest, months) = period_noun(rest)?;
        // "the same period of 1985", "the same quarter in 1986".
        if let Ok((rest, y)) = in_year(rest) {
            return Ok((rest, Expr::AntecedentIn(y, months)));
        }
        let (rest, ()) = year_before(rest, true)?;
        return Ok((rest, Expr::Antecedent(-1, months)));
    }
    // "the 1986 period", "the 1985 nine months": a period named before,
    // moved to the year (after "the" only: "1986 period" alone is a label).
    if i1.len() < i.len() {
        if let Ok((rest, y)) = year4(i1) {
            let (rest, months) = year_period_noun(rest)?;
            return Ok((rest, Expr::YearPeriod(y, months)));
        }
    }
    let (rest, _) = kw("year")(i1)?;
    let rest = rest.strip_prefix('-').unwrap_or(rest);
    let (rest, _) = any_kw(&["earlier", "ago"])(rest)?;
    let (rest, months) = match period_noun(rest) {
        Ok((r, m)) => (r, m),
        Err(_) => (rest, None),
    };
    Ok((rest, Expr::Antecedent(-1, months)))
}

/// `preceding = "the" ("previous" | "preceding" | "prior") (UNIT | units_back)
/// | "the" UNIT ("before" | "earlier") no_object
/// | ("a" | "one") UNIT ("earlier" | "before") no_object`, UNIT one of
/// "day", "week", "month", "quarter", "year": the period the text has just
/// named, one unit back ("the previous month" after "in January":
/// December). "a year earlier" and "the year earlier" are `antecedent`'s
/// (a year back, of the period's own length). Only the first form has a
/// reading alone (last X, as Duckling reads "the previous month"); with a
/// count ("the previous three months" after "the July/September quarter":
/// April to June) it reaches that many units back.
pub(crate) fn preceding(i: &str) -> PResult<'_, Expr> {
    if let Ok((rest, _)) = kw("the")(i) {
        if let Ok((rest, _)) = any_kw(&["previous", "preceding", "prior"])(rest) {
            if let Ok((rest, unit)) = one_unit(rest) {
                return Ok((rest, Expr::Preceding { unit, own: true }));
            }
            let (rest, (count, unit)) = units_back(rest)?;
            return Ok((rest, Expr::PrecedingN { count, unit }));
        }
        let (rest, unit) = one_unit(rest)?;
        let (rest, w) = any_kw(&["before", "earlier"])(rest)?;
        if unit == Unit::Year && w.eq_ignore_ascii_case("earlier") {
            return fail(i);
        }
        let (rest, ()) = no_object(rest)?;
        return Ok((rest, Expr::Preceding { unit, own: false }));
    }
    let (rest, _) = any_kw(&["a", "one"])(i)?;
    let (rest, unit) = one_unit(rest)?;
    if unit == Unit::Year {
        return fail(i);
    }
    let (rest, _) = any_kw(&["earlier", "before"])(rest)?;
    let (rest, ()) = no_object(rest)?;
    Ok((rest, Expr::Preceding { unit, own: false }))
}

/// `units_back = COUNT UNIT` with an exact count of two or more and a
/// unit of a day or longer ("three months" of "the previous three
/// months"): how far back `preceding` reaches from the period named.
fn units_back(i: &str) -> PResult<'_, (i64, Unit)> {
    let (rest, n) = match count(i)? {
        (r, Count::Exact(n)) if n >= 2 => (r, n),
        _ => return fail(i),
    };
    match unit(rest)? {
        (r, u @ (Unit::Day | Unit::Week | Unit::Month | Unit::Quarter | Unit::Year)) => {
            Ok((r, (n, u)))
        }
        _ => fail(i),
    }
}

/// `one_unit = "day" | "week" | "month" | "quarter" | "year"` (singular).
fn one_unit(i: &str) -> PResult<'_, Unit> {
    let (rest, w) = word(i)?;
    match lexicon::unit(w) {
        Some(u @ (Unit::Day | Unit::Week | Unit::Month | Unit::Quarter | Unit::Year))
            if !w.ends_with(['s', 'S']) =>
        {
            Ok((rest, u))
        }
        _ => fail(i),
    }
}

/// `no_object`: nothing that "before" could take as its object follows —
/// a number, a capitalised word, a determiner, a pronoun or a day word
/// ("the day before the vote", "a week before Christmas", "the day before
/// yesterday", "the year before last" place the unit by something else) —
/// nor "than" ("a day earlier than scheduled" compares).
/// Consumes nothing.
fn no_object(i: &str) -> PResult<'_, ()> {
    let (after, _) = gap(i)?;
    let Some(&b) = after.as_bytes().first() else {
        return Ok((i, ()));
    };
    if b.is_ascii_digit() || b.is_ascii_uppercase() {
        return fail(i);
    }
    let object = word(after).is_ok_and(|(_, w)| {
        [
            "the",
            "a",
            "an",
            "this",
            "that",
            "these",
            "those",
            "his",
            "her",
            "its",
            "their",
            "our",
            "my",
            "your",
            "it",
            "he",
            "she",
            "they",
            "we",
            "you",
            "last",
            "next",
            "yesterday",
            "today",
            "tomorrow",
            "than",
        ]
        .iter()
        .any(|x| w.eq_ignore_ascii_case(x))
    });
    if object {
        return fail(i);
    }
    Ok((i, ()))
}

/// `alternative = month_day "or" DAY`: "May 3 or 4" (the days between).
fn alternative(i: &str) -> PResult<'_, Expr> {
    let (rest, first) = month_day(i)?;
    let Expr::Date {
        year,
        month,
        day: d1,
        weekday: None,
    } = first
    else {
        return fail(i);
    };
    let (rest, _) = kw("or")(rest)?;
    let (rest, (d2, _)) = day(rest)?;
    let (rest, year2) = match year4(opt(rest, sym(",")).0) {
        Ok((r, y)) => (r, Some(y)),
        Err(_) => (rest, None),
    };
    if d2 <= d1 || (year.is_some() && year2.is_some()) {
        return fail(i);
    }
    let year = year.or(year2);
    let date = |day| Expr::Date {
        year,
        month,
        day,
        weekday: None,
    };
    Ok((rest, Expr::Range(Box::new(date(d1)), Box::new(date(d2)))))
}

/// `month_slash = month_name "/" month_name [YEAR4 | ["of"] cycle(year)]`:
/// "January/September 1986", "Sept/Dec", "January/September last year" —
/// the months from the first to the second (a slash between two months is
/// a span in news tables, as "Jun/Jul shipment"). A year written after
/// them holds both; the first is in the year before when it comes later
/// in the calendar ("Nov/Jan 1987").
fn month_slash(i: &str) -> PResult<'_, Expr> {
    let (rest, a) = month_name(i)?;
    let Some(rest) = rest.strip_prefix('/') else {
        return fail(i);
    };
    let (rest, b) = month_name(rest)?;
    let range = |x: Expr, y: Expr| Expr::Range(Box::new(x), Box::new(y));
    if let Ok((r, y)) = year4(rest) {
        let ya = if a > b { y - 1 } else { y };
        let e = range(
            Expr::MonthYear { year: ya, month: a },
            Expr::MonthYear { year: y, month: b },
        );
        return Ok((r, e));
    }
    if let Ok((
        r,
        year @ Expr::Cycle {
            unit: Unit::Year, ..
        },
    )) = cycle(opt(rest, kw("of")).0)
    {
        if a <= b {
            let of = |month| Expr::MonthOf {
                month,
                year: Box::new(year.clone()),
            };
            return Ok((r, range(of(a), of(b))));
        }
    }
    let bare = |month| Expr::Month {
        month,
        shift: crate::temporal::ast::Shift::Bare,
    };
    Ok((rest, range(bare(a), bare(b))))
}

/// `month_of_year = month_name ["of"] cycle(year)`: "July last year", "May
/// of last year", "February this year", "January next year" — the month of
/// the year named relatively (177 such phrases on the Reuters corpus, which
/// prose otherwise read as a bare month and a separate year).
fn month_of_year(i: &str) -> PResult<'_, Expr> {
    let (rest, month) = month_name(i)?;
    match cycle(opt(rest, kw("of")).0)? {
        (
            r,
            year @ Expr::Cycle {
                unit: Unit::Year, ..
            },
        ) => Ok((
            r,
            Expr::MonthOf {
                month,
                year: Box::new(year),
            },
        )),
        _ => fail(i),
    }
}

/// `late_on = "late" ["on"] (weekday_expr | day_word)`: its evening.
fn late_on(i: &str) -> PResult<'_, Expr> {
    let (rest, _) = kw("late")(i)?;
    let rest = opt(rest, kw("on")).0;
    let (rest, day) = longest(rest, &[weekday_expr as Production, day_word])?;
    if matches!(day, Expr::Tonight) {
        return fail(i);
    }
    Ok((
        rest,
        Expr::DayPartOf {
            day: Some(Box::new(day)),
            part: DayPart::Evening,
        },
    ))
}

/// `over_last_n = ("over" | "for") last_n`
fn over_last_n(i: &str) -> PResult<'_, Expr> {
    let (rest, _) = any_kw(&["over", "for"])(i)?;
    last_n(rest)
}

/// `within_the = "within" ["the"] ("week" | "month" | "year")`: the rest of it.
fn within_the(i: &str) -> PResult<'_, Expr> {
    let (rest, _) = kw("within")(i)?;
    let (rest, _) = kw("the")(rest)?;
    let (rest, w) = word(rest)?;
    match lexicon::unit(w) {
        Some(unit @ (Unit::Week | Unit::Month | Unit::Year)) if !w.ends_with(['s', 'S']) => {
            Ok((rest, Expr::WithinThe(unit)))
        }
        _ => fail(i),
    }
}

/// `small_hours = ["shortly" | "just"] "after" "midnight"`
fn small_hours(i: &str) -> PResult<'_, Expr> {
    let rest = opt(i, any_kw(&["shortly", "just"])).0;
    let (rest, _) = kw("after")(rest)?;
    let (rest, _) = kw("midnight")(rest)?;
    Ok((rest, Expr::SmallHours))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parses(s: &str) -> bool {
        news(s).is_ok_and(|(r, _)| r.trim().is_empty())
    }

    #[test]
    fn news_forms_parse_whole() {
        for s in [
            "fiscal 1987",
            "FY24",
            "fiscal year 1986",
            "the 1987 fiscal year",
            "1990/91",
            "the 2019/20 season",
            "the 1986/87 crop year",
            "fiscal 1986/87",
            "1986-87",
            "third-quarter 1986",
            "second-half 2019",
            "the 1986 fourth quarter",
            "1Q 2023",
            "the first nine months of 1986",
            "the first four months of this year",
            "the year ended December 31",
            "the six months to December 31",
            "so far this year",
            "earlier today",
            "earlier in the day",
            "a year earlier",
            "the same period a year earlier",
            "the same period last year",
            "the year-ago quarter",
            "year-earlier",
            "May 3 or 4",
            "a similar period last year",
            "the last six months of the year",
            "the first nine months of the year",
            "late on Wednesday",
            "over the next two years",
            "within the week",
            "January/September 1986",
            "Sept/Dec",
            "January/September last year",
            "1988/2007",
        ] {
            assert!(parses(s), "{s}");
        }
        for s in [
            "1986-88",
            "fiscal",
            "the year",
            "the first",
            "the same",
            "2200/01",
            "1988/2100",
            "1990/1988",
            "January/",
        ] {
            assert!(!parses(s), "{s}");
        }
    }

    #[test]
    fn quarters_and_halves_named_by_their_end() {
        let jan31 = Box::new(Expr::Date {
            year: None,
            month: 1,
            day: 31,
            weekday: None,
        });
        let q1 = Expr::Ended {
            count: 3,
            unit: Unit::Month,
            end: jan31.clone(),
            nth: Some(1),
            starts: false,
        };
        ok!(ended, "the first quarter ended January 31, x", q1, ", x");
        ok!(nth_period, "third qtr ending", (3, 3), " ending");
        ok!(nth_period, "final fiscal quarter", (4, 3), "");
        ok!(nth_period, "second half", (2, 6), "");
        assert!(nth_period("third half").is_err());
        // A half names no company quarter; a count keeps none either.
        let h2 = Expr::Ended {
            count: 6,
            unit: Unit::Month,
            end: jan31.clone(),
            nth: None,
            starts: false,
        };
        ok!(ended, "the second half ended January 31", h2.clone(), "");
        ok!(ended, "Six months to January 31", h2, "");
        for s in [
            "Six months to Dec 31",
            "Nine months ended Sept 30",
            "12 months to December 31",
            "the third qtr ending March 31",
        ] {
            assert!(parses(s), "{s}");
        }
    }

    #[test]
    fn periods_named_by_a_month_or_their_start() {
        let bare = |month| {
            Box::new(Expr::Month {
                month,
                shift: crate::temporal::ast::Shift::Bare,
            })
        };
        let twelve = Expr::Ended {
            count: 12,
            unit: Unit::Month,
            end: bare(2),
            nth: None,
            starts: false,
        };
        ok!(ended, "the 12 months ending in February, x", twelve, ", x");
        let this_month = Box::new(Expr::Cycle {
            unit: Unit::Month,
            offset: 0,
        });
        let year = Expr::Ended {
            count: 1,
            unit: Unit::Year,
            end: this_month,
            nth: None,
            starts: false,
        };
        ok!(ended, "the year ending this month", year, "");
        let next_month = Box::new(Expr::Cycle {
            unit: Unit::Month,
            offset: 1,
        });
        let starting = Expr::Ended {
            count: 1,
            unit: Unit::Year,
            end: next_month,
            nth: None,
            starts: true,
        };
        ok!(
            ended,
            "the financial year starting next month",
            starting,
            ""
        );
        assert!(ended("the first quarter beginning April 1").is_err());
        assert!(named_month("in May 5").is_err());
        assert!(named_month("July.").is_err());
    }

    #[test]
    fn periods_of_a_year_in_the_possessive_or_final() {
        let q = |n, year| Expr::Quarter {
            n,
            year: Some(Box::new(year)),
        };
        let last_year = Expr::Cycle {
            unit: Unit::Year,
            offset: -1,
        };
        ok!(
            adjective_period,
            "last year's third quarter",
            q(3, last_year),
            ""
        );
        ok!(
            adjective_period,
            "1986's first quarter",
            q(1, Expr::Year(1986)),
            ""
        );
        ok!(
            adjective_period,
            "the 1985 final quarter",
            q(4, Expr::Year(1985)),
            ""
        );
        // "last year" alone and "last year's results" are no quarter.
        assert!(adjective_period("last year x").is_err());
        assert!(adjective_period("last year's results").is_err());
    }

    #[test]
    fn a_period_one_unit_before_the_one_named() {
        let p = |unit, own| Expr::Preceding { unit, own };
        ok!(
            preceding,
            "the previous month x",
            p(Unit::Month, true),
            " x"
        );
        ok!(preceding, "the preceding week", p(Unit::Week, true), "");
        ok!(preceding, "the prior quarter,", p(Unit::Quarter, true), ",");
        ok!(preceding, "the prior year's", p(Unit::Year, true), "'s");
        ok!(preceding, "the year before.", p(Unit::Year, false), ".");
        ok!(
            preceding,
            "the week before and",
            p(Unit::Week, false),
            " and"
        );
        ok!(
            preceding,
            "the month earlier level",
            p(Unit::Month, false),
            " level"
        );
        ok!(preceding, "a month earlier", p(Unit::Month, false), "");
        ok!(preceding, "one week before,", p(Unit::Week, false), ",");
        ok!(preceding, "a day earlier", p(Unit::Day, false), "");
        // `antecedent` reads these (a year back, of the period's length).
        assert!(preceding("a year earlier").is_err());
        assert!(preceding("the year earlier").is_err());
        // Placed by something else, or counted.
        assert!(preceding("the day before the vote").is_err());
        assert!(preceding("a week before Christmas").is_err());
        assert!(preceding("the day before yesterday").is_err());
        assert!(preceding("the year before last").is_err());
        assert!(preceding("a week before 1990").is_err());
        // A comparison ("a day earlier than scheduled").
        assert!(preceding("a day earlier than planned").is_err());
        assert!(preceding("the previous months").is_err());
        ok!(
            preceding,
            "the previous three months x",
            Expr::PrecedingN {
                count: 3,
                unit: Unit::Month
            },
            " x"
        );
        assert!(preceding("the previous three records").is_err());
        assert!(preceding("the previous few months").is_err());
        assert!(preceding("the previous record").is_err());
        assert!(preceding("the week ended").is_err());
    }

    #[test]
    fn a_comparable_period_in_a_named_year() {
        ok!(
            antecedent,
            "the comparable 1986 period x",
            Expr::AntecedentIn(1986, None),
            " x"
        );
        ok!(
            antecedent,
            "the same 1986 quarter",
            Expr::AntecedentIn(1986, Some(3)),
            ""
        );
        ok!(
            antecedent,
            "the corresponding 1985 month",
            Expr::AntecedentIn(1985, Some(1)),
            ""
        );
        assert!(antecedent("the comparable 1986").is_err());
        // A year after the period noun.
        ok!(
            antecedent,
            "the same period of 1985 x",
            Expr::AntecedentIn(1985, None),
            " x"
        );
        ok!(
            antecedent,
            "the same quarter in 1986",
            Expr::AntecedentIn(1986, Some(3)),
            ""
        );
        ok!(
            antecedent,
            "the same period last year",
            Expr::Antecedent(-1, None),
            ""
        );
    }

    #[test]
    fn a_year_before_a_period_noun() {
        ok!(
            antecedent,
            "the 1986 period x",
            Expr::YearPeriod(1986, None),
            " x"
        );
        ok!(
            antecedent,
            "the 1985 nine months",
            Expr::YearPeriod(1985, Some(9)),
            ""
        );
        ok!(
            antecedent,
            "the 1985 quarter",
            Expr::YearPeriod(1985, Some(3)),
            ""
        );
        // An ordinal is `adjective_period`'s; "year", "time" compare nothing.
        assert!(antecedent("the 1986 first quarter").is_err());
        assert!(antecedent("the 1986 year").is_err());
        assert!(antecedent("the 1986 time").is_err());
        // Without "the" a year before a noun is a label ("1986 period results").
        assert!(antecedent("1986 period").is_err());
        assert!(antecedent("the 1986-87 period").is_err());
    }

    #[test]
    fn units_back_counts_two_or_more() {
        ok!(units_back, "three months x", (3, Unit::Month), " x");
        ok!(units_back, "2 weeks", (2, Unit::Week), "");
        assert!(units_back("one month").is_err());
        assert!(units_back("few months").is_err());
        assert!(units_back("three hours").is_err());
        assert!(units_back("three records").is_err());
    }

    #[test]
    fn month_slash_is_a_span_of_months() {
        let my = |year, month| Box::new(Expr::MonthYear { year, month });
        ok!(
            month_slash,
            "January/September 1986 x",
            Expr::Range(my(1986, 1), my(1986, 9)),
            " x"
        );
        ok!(
            month_slash,
            "Nov/Jan 1987",
            Expr::Range(my(1986, 11), my(1987, 1)),
            ""
        );
        let last_year = Expr::Cycle {
            unit: Unit::Year,
            offset: -1,
        };
        let of = |month| {
            Box::new(Expr::MonthOf {
                month,
                year: Box::new(last_year.clone()),
            })
        };
        ok!(
            month_slash,
            "January/September last year.",
            Expr::Range(of(1), of(9)),
            "."
        );
        assert!(month_slash("January / September").is_err());
        assert!(month_slash("April 20/May 10").is_err());
    }

    #[test]
    fn month_of_year_is_the_month_of_a_relative_year() {
        let year = |offset| Expr::Cycle {
            unit: Unit::Year,
            offset,
        };
        let of = |month, offset| Expr::MonthOf {
            month,
            year: Box::new(year(offset)),
        };
        ok!(month_of_year, "July last year.", of(7, -1), ".");
        ok!(month_of_year, "May of last year", of(5, -1), "");
        ok!(month_of_year, "February this year x", of(2, 0), " x");
        ok!(month_of_year, "Jan next year", of(1, 1), "");
        assert!(month_of_year("July last week").is_err());
        assert!(month_of_year("July 1986").is_err());
        assert!(month_of_year("July and last year").is_err());
    }

    #[test]
    fn split_years_with_four_digits_may_span_more_years() {
        let y = |y| Box::new(Expr::Year(y));
        ok!(split_years, "1988/2007", Expr::Range(y(1988), y(2007)), "");
        ok!(split_years, "1986/87", Expr::Range(y(1986), y(1987)), "");
        assert!(split_years("1988-2007").is_err());
        assert!(split_years("1988/1990x").is_err());
    }
}
