//! Compact and spoken forms Duckling reads in a phrase given alone, read
//! here only there too ([`super::full_phrase`], never the prose scanner,
//! where "2-15" is a score and "in 15" a count): "in 1h", "in 15'", "in
//! a sec", "in 2 more minutes", "the 24", "18q4", "2018Q4", "in 14
//! a.d.", "1960 - 1961", "2-15", "10-31-74", "31/Oct/1974",
//! "14april 2015", "Wed, Feb13", "Jul 18, Fri", "the week", "at the
//! moment".

use jiff::civil::Weekday;

use super::absolute::{month_name, weekday_name};
use super::numbers::{count, day, raw_digits, year4};
use super::{any_kw, comma, fail, gap, kw, opt, sym, word_ends, PResult};
use crate::temporal::ast::{Count, Expr};
use crate::temporal::lexicon::{self, Unit};

/// `short_unit = unit | "sec" | "secs" | "second" | "'" | "\"" | "h"`
/// (the last three glued to the number).
fn short_unit(i: &str) -> PResult<'_, Unit> {
    if let Some(r) = i.strip_prefix('\'') {
        return Ok((r, Unit::Minute));
    }
    if let Some(r) = i.strip_prefix('"') {
        return Ok((r, Unit::Second));
    }
    if let Some(r) = i.strip_prefix(['h', 'H']).filter(|r| word_ends(r)) {
        return Ok((r, Unit::Hour));
    }
    if let Ok((r, _)) = any_kw(&["sec", "secs", "second"])(i) {
        return Ok((r, Unit::Second));
    }
    super::numbers::unit(i)
}

/// `amount = "a" "pair" "of" | DIGIT{1,4} | count` → a number.
fn amount(i: &str) -> PResult<'_, i64> {
    if let Ok((r, _)) = kw("a")(i) {
        if let Ok((r, _)) = kw("pair")(r) {
            return Ok((kw("of")(r)?.0, 2));
        }
    }
    let (s, _) = gap(i)?;
    if let Ok((r, (n, _))) = raw_digits(s) {
        if !r.starts_with(|c: char| c.is_ascii_digit() || c == '.' || c == ',') {
            return Ok((r, i64::from(n)));
        }
    }
    match count(i)? {
        (r, Count::Exact(n)) => Ok((r, n)),
        _ => fail(i),
    }
}

/// `in_short = ["today"] "in" amount ["more"] (short_unit | END)` — "in
/// 15" alone is minutes.
pub(crate) fn in_short(i: &str) -> PResult<'_, Expr> {
    let r = opt(i, kw("today")).0;
    let (r, _) = kw("in")(r)?;
    let (r, n) = amount(r)?;
    let r = opt(r, kw("more")).0;
    let (r, unit) = match short_unit(r) {
        Ok(x) => x,
        Err(_) if r.trim().is_empty() => (r, Unit::Minute),
        Err(e) => return Err(e),
    };
    Ok((
        r,
        Expr::Later {
            count: Count::Exact(n),
            unit,
            from_today: false,
        },
    ))
}

#[test]
fn in_short_forms() {
    let later = |n, unit| Expr::Later {
        count: Count::Exact(n),
        unit,
        from_today: false,
    };
    ok!(in_short, "in 1h", later(1, Unit::Hour), "");
    ok!(in_short, "in 15'", later(15, Unit::Minute), "");
    ok!(in_short, "in 1\"", later(1, Unit::Second), "");
    ok!(in_short, "in a sec", later(1, Unit::Second), "");
    ok!(in_short, "in 2 more minutes", later(2, Unit::Minute), "");
    ok!(in_short, "in a pair of minutes", later(2, Unit::Minute), "");
    ok!(in_short, "today in one hour", later(1, Unit::Hour), "");
    ok!(in_short, "in 15", later(15, Unit::Minute), "");
    assert!(in_short("in 15 pct").is_err());
}

/// `second_from_now = amount ("second" | "sec") ("from" "now" | "hence")`
pub(crate) fn second_from_now(i: &str) -> PResult<'_, Expr> {
    let (r, n) = amount(i)?;
    let (r, _) = any_kw(&["second", "sec"])(r)?;
    let r = match kw("from")(r) {
        Ok((r, _)) => kw("now")(r)?.0,
        Err(_) => kw("hence")(r)?.0,
    };
    Ok((
        r,
        Expr::Later {
            count: Count::Exact(n),
            unit: Unit::Second,
            from_today: false,
        },
    ))
}

#[test]
fn second_from_now_forms() {
    assert!(second_from_now("one second from now").is_ok());
    assert!(second_from_now("one second").is_err());
}

/// `the_day = ("the" | "on" ["the"]) day` — "the 24", "on 24th".
pub(crate) fn the_day(i: &str) -> PResult<'_, Expr> {
    let r = match kw("the")(i) {
        // "the first" alone is not a day ("the first to say so").
        Ok((r, _)) if gap(r)?.0.starts_with(|c: char| c.is_ascii_digit()) => r,
        Ok(_) => return fail(i),
        Err(_) => opt(kw("on")(i)?.0, kw("the")).0,
    };
    let (r, (d, _)) = day(r)?;
    Ok((
        r,
        Expr::DayOfMonth {
            day: d,
            weekday: None,
        },
    ))
}

#[test]
fn the_day_forms() {
    let dom = |day| Expr::DayOfMonth { day, weekday: None };
    ok!(the_day, "the 24", dom(24), "");
    ok!(the_day, "On 24th", dom(24), "");
    ok!(the_day, "the 1st", dom(1), "");
    assert!(the_day("the 32").is_err());
}

/// `era_year = ["in"] DIGIT{1,4} ("ad" | "a.d." | "ce" | "c.e.")`
pub(crate) fn era_year(i: &str) -> PResult<'_, Expr> {
    let r = opt(i, kw("in")).0;
    let (r, _) = gap(r)?;
    let (r, (y, _)) = raw_digits(r)?;
    let (r, _) = gap(r)?;
    let lower = r.get(..4).unwrap_or(r).to_ascii_lowercase();
    let len = ["a.d.", "c.e.", "a.d", "c.e", "ad", "ce"]
        .iter()
        .find(|e| lower.starts_with(*e))
        .map(|e| e.len())
        .ok_or_else(|| nom_err(i))?;
    if !word_ends(&r[len..]) || y == 0 {
        return fail(i);
    }
    Ok((&r[len..], Expr::Year(y as i32)))
}

fn nom_err(i: &str) -> nom::Err<nom::error::Error<&str>> {
    nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Verify))
}

#[test]
fn era_forms() {
    ok!(era_year, "in 2014 A.D.", Expr::Year(2014), "");
    ok!(era_year, "in 14 a.d.", Expr::Year(14), "");
    ok!(era_year, "2014 AD", Expr::Year(2014), "");
    assert!(era_year("2014 ads").is_err());
}

/// `year_quarter = (DIGIT{2} | DIGIT{4}) ("q" | "Q") DIGIT` — "18q4",
/// "2018Q4".
pub(crate) fn year_quarter(i: &str) -> PResult<'_, Expr> {
    let (r, _) = gap(i)?;
    let (r, (y, len)) = raw_digits(r)?;
    let year = match len {
        2 => 2000 + y as i32,
        4 => y as i32,
        _ => return fail(i),
    };
    let r = r.strip_prefix(['q', 'Q']).ok_or_else(|| nom_err(i))?;
    let (r, (n, 1)) = raw_digits(r)? else {
        return fail(i);
    };
    if !(1..=4).contains(&n) || !word_ends(r) {
        return fail(i);
    }
    Ok((
        r,
        Expr::Quarter {
            n: n as i8,
            year: Some(Box::new(Expr::Year(year))),
        },
    ))
}

#[test]
fn year_quarter_forms() {
    let q = |n, y| Expr::Quarter {
        n,
        year: Some(Box::new(Expr::Year(y))),
    };
    ok!(year_quarter, "18q4", q(4, 2018), "");
    ok!(year_quarter, "2018Q4", q(4, 2018), "");
    assert!(year_quarter("2018Q5").is_err());
}

/// `year_range = YEAR4 "-" YEAR4` (blanks around the dash allowed).
pub(crate) fn year_range(i: &str) -> PResult<'_, Expr> {
    let (r, a) = year4(i)?;
    let (r, _) = sym("-")(r)?;
    let (r, b) = year4(r)?;
    if b <= a {
        return fail(i);
    }
    Ok((
        r,
        Expr::Range(Box::new(Expr::Year(a)), Box::new(Expr::Year(b))),
    ))
}

#[test]
fn year_range_forms() {
    let e = Expr::Range(Box::new(Expr::Year(1960)), Box::new(Expr::Year(1961)));
    ok!(year_range, "1960 - 1961", e, "");
}

/// Two digits at most, no blank before, in `lo..=hi`.
fn small(i: &str, lo: u32, hi: u32) -> PResult<'_, i8> {
    match raw_digits(i)? {
        (r, (n, len)) if len <= 2 && (lo..=hi).contains(&n) => Ok((r, n as i8)),
        _ => fail(i),
    }
}

/// `month_dash_day = M{1,2} "-" D{1,2} ["-" (YY | YYYY)]` — US order.
pub(crate) fn month_dash_day(i: &str) -> PResult<'_, Expr> {
    let (r, _) = gap(i)?;
    let (r, month) = small(r, 1, 12)?;
    let (r, _) = sym("-")(r)?;
    let (r, _) = gap(r)?;
    let (r, d) = small(r, 1, 31)?;
    let (r, year) = match r.strip_prefix('-').map(raw_digits) {
        Some(Ok((r, (y, 2)))) => (r, Some(if y < 50 { 2000 } else { 1900 } + y as i32)),
        Some(Ok((r, (y, 4)))) => (r, Some(y as i32)),
        Some(_) => return fail(i),
        None => (r, None),
    };
    if r.starts_with(|c: char| c.is_ascii_alphanumeric()) {
        return fail(i);
    }
    Ok((
        r,
        Expr::Date {
            year,
            month,
            day: d,
            weekday: None,
        },
    ))
}

#[test]
fn month_dash_day_forms() {
    let d = |year, month, day| Expr::Date {
        year,
        month,
        day,
        weekday: None,
    };
    ok!(month_dash_day, "2-15", d(None, 2, 15), "");
    ok!(month_dash_day, "2 - 15", d(None, 2, 15), "");
    ok!(month_dash_day, "10-31-74", d(Some(1974), 10, 31), "");
    assert!(month_dash_day("13-15").is_err());
}

/// A month name glued to what follows ("april" of "14april", "Feb" of
/// "Feb13").
fn month_prefix(i: &str) -> PResult<'_, i8> {
    let len = i.bytes().take_while(u8::is_ascii_alphabetic).count();
    let (m, abbreviated) = lexicon::month(&i[..len]).ok_or_else(|| nom_err(i))?;
    let r = &i[len..];
    Ok((
        if abbreviated {
            r.strip_prefix('.').unwrap_or(r)
        } else {
            r
        },
        m,
    ))
}

/// `glued_date = D MONTH [YEAR4]` ("14april 2015") | `D "/" MONTH "/"
/// YEAR4` ("31/Oct/1974") | `WEEKDAY "," MONTH D` ("Wed, Feb13", the day
/// glued) | `MONTH D "," WEEKDAY` ("Jul 18, Fri").
pub(crate) fn glued_date(i: &str) -> PResult<'_, Expr> {
    let date = |year, month, day, weekday| Expr::Date {
        year,
        month,
        day,
        weekday,
    };
    let (s, _) = gap(i)?;
    if let Ok((r, d)) = small(s, 1, 31) {
        if let Some(r) = r.strip_prefix('/') {
            let (r, m) = month_prefix(r)?;
            let r = r.strip_prefix('/').ok_or_else(|| nom_err(i))?;
            let (r, y) = year4(r)?;
            return Ok((r, date(Some(y), m, d, None)));
        }
        let (r, m) = month_prefix(r)?;
        let (r, y) = opt(r, year4);
        return Ok((r, date(y, m, d, None)));
    }
    if let Ok((r, wd)) = weekday_name(s) {
        let r = comma(r);
        let (r, _) = gap(r)?;
        let (r, m) = month_prefix(r)?;
        let (r, d) = small(r, 1, 31)?;
        if !word_ends(r) {
            return fail(i);
        }
        return Ok((r, date(None, m, d, Some(wd))));
    }
    let (r, m) = month_name(s)?;
    let (r, (d, _)) = day(r)?;
    let (r, _) = sym(",")(r)?;
    let (r, wd): (&str, Weekday) = weekday_name(r)?;
    Ok((r, date(None, m, d, Some(wd))))
}

#[test]
fn glued_date_forms() {
    let date = |year, month, day, weekday| Expr::Date {
        year,
        month,
        day,
        weekday,
    };
    ok!(
        glued_date,
        "14april 2015",
        date(Some(2015), 4, 14, None),
        ""
    );
    ok!(
        glued_date,
        "31/Oct/1974",
        date(Some(1974), 10, 31, None),
        ""
    );
    ok!(
        glued_date,
        "Wed, Feb13",
        date(None, 2, 13, Some(Weekday::Wednesday)),
        ""
    );
    ok!(
        glued_date,
        "Jul 18, Fri",
        date(None, 7, 18, Some(Weekday::Friday)),
        ""
    );
    assert!(glued_date("14 pct").is_err());
}

/// `fixed_words = "the" "week" | "at" "the" "moment" | "at" "this" "time"`
/// — the rest of this week, now, today.
pub(crate) fn fixed_words(i: &str) -> PResult<'_, Expr> {
    if let Ok((r, _)) = kw("the")(i) {
        let (r, _) = kw("week")(r)?;
        return Ok((
            r,
            Expr::RestOf {
                unit: Unit::Week,
                all: false,
            },
        ));
    }
    let (r, _) = kw("at")(i)?;
    if let Ok((r, _)) = kw("the")(r) {
        return Ok((kw("moment")(r)?.0, Expr::Now));
    }
    let (r, _) = kw("this")(r)?;
    Ok((kw("time")(r)?.0, Expr::Day(0)))
}

#[test]
fn fixed_word_forms() {
    ok!(fixed_words, "at the moment", Expr::Now, "");
    ok!(fixed_words, "at this time", Expr::Day(0), "");
    assert!(fixed_words("the weekend").is_err());
}
