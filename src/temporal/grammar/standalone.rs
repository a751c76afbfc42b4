//! Forms read only when a phrase stands alone (`claimcheck time`), not in
//! prose: hedges ("around next week"), "by …", "ASAP", "upcoming two
//! weeks", the abbreviations "EOM" / "BOY", generic seasons ("last
//! season"), counted weekdays ("3 fridays from now"), fractions of an
//! hour ("in half an hour", "in 2.5 hours") and spans given by a start
//! and a length ("4pm for 30 mins", "from 18th Dec for 10 days").
//!
//! In prose most of these are ambiguous ("by" and "around" have other
//! uses; "season" is a sports season; "EOM" is rarely written), so the
//! scanner does not try them.

use jiff::civil::Weekday;

use super::absolute::weekday_name;
use super::numbers::{count, digits, unit};
use super::{any_kw, fail, kw, opt, sym, the, word, PResult};
use crate::temporal::ast::{Count, Direction, Expr, Part};
use crate::temporal::lexicon::{self, Unit, MAX_WORD};

/// A wrapper around the phrase that follows (read by the caller,
/// [`super::full_phrase`]).
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Standalone<'a> {
    /// "around", "about", "approximately": the rest, unchanged.
    Hedge(&'a str),
    /// "by X": from now to X.
    By(&'a str),
}

/// `hedge = ("around" | "about" | "approximately" | "roughly") REST`
pub(crate) fn hedge(i: &str) -> PResult<'_, Standalone<'_>> {
    let (r, _) = any_kw(&["around", "about", "approximately", "roughly"])(i)?;
    Ok(("", Standalone::Hedge(r)))
}

/// `by = "by" REST`
pub(crate) fn by(i: &str) -> PResult<'_, Standalone<'_>> {
    let (r, _) = kw("by")(i)?;
    Ok(("", Standalone::By(r)))
}

/// `vague_open = ("anytime" | "sometime" | "sometimes") REST` where REST
/// opens with "after" or "before": the open interval REST names.
pub(crate) fn vague_open(i: &str) -> PResult<'_, Standalone<'_>> {
    let (r, _) = any_kw(&["anytime", "sometime", "sometimes"])(i)?;
    any_kw(&["after", "before"])(r)?;
    Ok(("", Standalone::Hedge(r)))
}

#[test]
fn wrappers() {
    assert_eq!(
        hedge("around next week"),
        Ok(("", Standalone::Hedge(" next week")))
    );
    assert_eq!(by("by Monday"), Ok(("", Standalone::By(" Monday"))));
    assert_eq!(
        vague_open("anytime after 2014"),
        Ok(("", Standalone::Hedge(" after 2014")))
    );
}

/// `asap = "asap" | "as" "soon" "as" "possible"` → open from now.
pub(crate) fn asap(i: &str) -> PResult<'_, Expr> {
    let r = match kw("asap")(i) {
        Ok((r, _)) => r,
        Err(_) => {
            let (r, _) = kw("as")(i)?;
            let (r, _) = kw("soon")(r)?;
            let (r, _) = kw("as")(r)?;
            kw("possible")(r)?.0
        }
    };
    Ok((
        r,
        Expr::Open {
            direction: Direction::After,
            bound: Box::new(Expr::Now),
        },
    ))
}

/// `upcoming = "upcoming" [count] unit | count "upcoming" unit` — the
/// unit `count` (default 1) ahead of this one, as Duckling reads it.
pub(crate) fn upcoming(i: &str) -> PResult<'_, Expr> {
    let (r, n) = match kw("upcoming")(i) {
        Ok((r, _)) => {
            let (r, n) = opt(r, count);
            (r, n.unwrap_or(Count::Exact(1)))
        }
        Err(_) => {
            let (r, n) = count(i)?;
            (kw("upcoming")(r)?.0, n)
        }
    };
    let (r, u) = unit(r)?;
    let Count::Exact(offset) = n else {
        return fail(i);
    };
    if !matches!(
        u,
        Unit::Day | Unit::Week | Unit::Month | Unit::Quarter | Unit::Year
    ) {
        return fail(i);
    }
    if u == Unit::Day {
        return Ok((r, Expr::Day(offset)));
    }
    Ok((r, Expr::Cycle { unit: u, offset }))
}

#[test]
fn upcoming_forms() {
    let cycle = |unit, offset| Expr::Cycle { unit, offset };
    ok!(upcoming, "upcoming two weeks", cycle(Unit::Week, 2), "");
    ok!(upcoming, "2 upcoming quarter", cycle(Unit::Quarter, 2), "");
    ok!(upcoming, "upcoming week", cycle(Unit::Week, 1), "");
    ok!(upcoming, "two upcoming days", Expr::Day(2), "");
}

/// `abbreviation = ["at"] ["the"] ("EOM" | "BOM" | "EOY" | "BOY")` — the
/// end or beginning of this month or year.
pub(crate) fn abbreviation(i: &str) -> PResult<'_, Expr> {
    let r = opt(i, kw("at")).0;
    let (r, w) = word(the(r))?;
    let mut buf = [0; MAX_WORD];
    let (part, unit) = match lexicon::lower(w, &mut buf) {
        Some(b"eom") => (Part::End, Unit::Month),
        Some(b"bom") => (Part::Beginning, Unit::Month),
        Some(b"eoy") => (Part::End, Unit::Year),
        Some(b"boy") => (Part::Beginning, Unit::Year),
        _ => return fail(i),
    };
    Ok((
        r,
        Expr::PartOf {
            part,
            of: Box::new(Expr::Cycle { unit, offset: 0 }),
        },
    ))
}

/// `season_cycle = ("this" | "current" | "last" | "past" | "previous" | "next") "season(s)"`
pub(crate) fn season_cycle(i: &str) -> PResult<'_, Expr> {
    let (r, w) = word(i)?;
    let mut buf = [0; MAX_WORD];
    let offset = match lexicon::lower(w, &mut buf) {
        Some(b"this" | b"current") => 0,
        Some(b"last" | b"past" | b"previous") => -1,
        Some(b"next" | b"coming") => 1,
        _ => return fail(i),
    };
    let (r, _) = any_kw(&["season", "seasons"])(r)?;
    Ok((r, Expr::SeasonCycle(offset)))
}

/// `current_season = "current" SEASON` ("this summer" is `season_expr`'s).
pub(crate) fn current_season(i: &str) -> PResult<'_, Expr> {
    let (r, _) = kw("current")(i)?;
    let (r, w) = word(r)?;
    let season = lexicon::season(w).ok_or_else(|| nom_err(i))?;
    Ok((
        r,
        Expr::Season {
            season,
            year: None,
            shift: crate::temporal::ast::Shift::This,
        },
    ))
}

fn nom_err(i: &str) -> nom::Err<nom::error::Error<&str>> {
    nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Verify))
}

/// A weekday name in the plural ("fridays").
fn weekdays(i: &str) -> PResult<'_, Weekday> {
    let (r, w) = word(i)?;
    let Some(single) = w.strip_suffix(['s', 'S']) else {
        return fail(i);
    };
    match weekday_name(single) {
        Ok(("", wd)) => Ok((r, wd)),
        _ => fail(i),
    }
}

/// `weekday_count = count WEEKDAYS ("from" ("now" | "today") | "ago" | "back")`
pub(crate) fn weekday_count(i: &str) -> PResult<'_, Expr> {
    let (r, n) = count(i)?;
    let Count::Exact(n) = n else {
        return fail(i);
    };
    let (r, weekday) = weekdays(r)?;
    let (r, back) = match kw("from")(r) {
        Ok((r, _)) => (any_kw(&["now", "today"])(r)?.0, false),
        Err(_) => (any_kw(&["ago", "back"])(r)?.0, true),
    };
    Ok((
        r,
        Expr::WeekdayCount {
            weekday,
            n: if back { -n } else { n },
        },
    ))
}

#[test]
fn weekday_count_forms() {
    let e = |weekday, n| Expr::WeekdayCount { weekday, n };
    ok!(
        weekday_count,
        "3 fridays from now",
        e(Weekday::Friday, 3),
        ""
    );
    ok!(
        weekday_count,
        "two thursdays ago",
        e(Weekday::Thursday, -2),
        ""
    );
}

/// `hour_fraction = "half" "an" | "a" "half" | ["a"] "quarter" "of" "an" |
///   "three" "-"? "quarters" "of" "an" | "1/4" | "1/2" | "3/4" | DIGITS "." DIGIT |
///   count "and" ("a" | "an") "half"` → minutes, then `"hour(s)" | "h"`.
pub(crate) fn hour_fraction(i: &str) -> PResult<'_, i64> {
    let (r, m) = fraction_minutes(i)?;
    let (r, _) = match any_kw(&["hour", "hours", "h"])(r) {
        Ok(x) => x,
        Err(_) => sym("h")(r)?,
    };
    Ok((r, m))
}

/// The amount of an [`hour_fraction`], in minutes.
fn fraction_minutes(r: &str) -> PResult<'_, i64> {
    {
        if let Ok((r, _)) = kw("half")(r) {
            return Ok((kw("an")(r)?.0, 30));
        }
        if let Ok((r, _)) = kw("quarter")(opt(r, kw("a")).0) {
            let (r, _) = kw("of")(r)?;
            return Ok((kw("an")(r)?.0, 15));
        }
        if let Ok((r, _)) = kw("three")(r) {
            let r = r.strip_prefix('-').unwrap_or(r);
            let (r, _) = kw("quarters")(r)?;
            let (r, _) = kw("of")(r)?;
            return Ok((kw("an")(r)?.0, 45));
        }
        if let Ok((r, (a, _))) = digits(r) {
            if let Some(x) = r.strip_prefix('/') {
                let (x, (b, _)) = super::numbers::raw_digits(x)?;
                return match (a, b) {
                    (1, 4) => Ok((x, 15)),
                    (1, 2) => Ok((x, 30)),
                    (3, 4) => Ok((x, 45)),
                    _ => fail(r),
                };
            }
            let (r, _) = kw("and")(r)?;
            let (r, _) = any_kw(&["a", "an"])(r)?;
            let (r, _) = kw("half")(r)?;
            return Ok((r, i64::from(a) * 60 + 30));
        }
        // "2.5": digits() refuses a decimal, so read it by hand.
        let t = r.trim_start();
        let int = t.bytes().take(3).take_while(u8::is_ascii_digit).count();
        if int > 0 && t[int..].starts_with('.') {
            let frac = &t[int + 1..];
            if let Some(d) = frac.bytes().next().filter(u8::is_ascii_digit) {
                let whole: i64 = t[..int].parse().map_err(|_| nom_err(r))?;
                return Ok((&frac[1..], whole * 60 + i64::from(d - b'0') * 6));
            }
        }
        fail(r)
    }
}

/// `in_fraction = "in" ["about"] hour_fraction`
pub(crate) fn in_fraction(i: &str) -> PResult<'_, Expr> {
    let (r, _) = kw("in")(i)?;
    let r = opt(r, any_kw(&["about", "around"])).0;
    let (r, m) = hour_fraction(r)?;
    Ok((
        r,
        Expr::Later {
            count: Count::Exact(m),
            unit: Unit::Minute,
            from_today: false,
        },
    ))
}

#[test]
fn fraction_forms() {
    ok!(hour_fraction, "half an hour", 30, "");
    ok!(hour_fraction, " 3/4h", 45, "");
    ok!(hour_fraction, " three-quarters of an hour", 45, "");
    ok!(hour_fraction, " 2.5 hours", 150, "");
    ok!(hour_fraction, " 2 and an half hours", 150, "");
}

/// `lasting = "for" count unit` — how long a span lasts, after its start.
pub(crate) fn lasting(i: &str) -> PResult<'_, (i64, Unit)> {
    let (r, _) = kw("for")(i)?;
    let (r, n) = count(r)?;
    let (r, u) = unit(r)?;
    let Count::Exact(n) = n else {
        return fail(i);
    };
    Ok((r, (n, u)))
}

/// `lasting_first = lasting "from" REST` — "for 10 days from 18th Dec".
pub(crate) fn lasting_first(i: &str) -> PResult<'_, ((i64, Unit), &str)> {
    let (r, l) = lasting(i)?;
    let (r, _) = kw("from")(r)?;
    Ok(("", (l, r)))
}

#[test]
fn lasting_forms() {
    ok!(lasting, " for 30 mins", (30, Unit::Minute), "");
    ok!(
        lasting_first,
        "for 10 days from 18th Dec",
        ((10, Unit::Day), " 18th Dec"),
        ""
    );
}
