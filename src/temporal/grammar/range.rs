//! Ranges and open intervals: day ranges ("July 13-15", "the 13th to the
//! 15th of July"), two endpoints joined by a dash or "to" ("January 1980 to
//! May 1985", "between 1980 and 1985"), and intervals open on one side
//! ("since 2018", "before June", "after two weeks").

use super::absolute::{month_name, year_after_comma};
use super::numbers::{count, day, unit, year4};
use super::period::{nth_of, part_of};
use super::{
    any_kw, fail, first_token, gap, kw, longest, longest_opening, opt, the, word, First, PResult,
    Production, ENDPOINT_DIGIT, ENDPOINT_WORD, FROM_MONTH, FROM_WEEKDAY,
};
use crate::temporal::ast::{Direction, Expr};
use crate::temporal::lexicon::{self, MAX_WORD};

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

/// `range_sep = dash | "to" | "through" | "thru" | "till" | "until"`
pub(super) fn range_sep(i: &str) -> PResult<'_, ()> {
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
///
/// The productions tried are those marked as endpoints in the tables of
/// [`expr`](super::expr) (all of them after a month or weekday name).
pub(super) fn endpoint(i: &str, years: bool) -> PResult<'_, Expr> {
    let found = match first_token(i) {
        First::Digit(o) => longest_opening(i, &ENDPOINT_DIGIT, o),
        First::Month => longest(i, FROM_MONTH),
        First::Weekday => longest(i, FROM_WEEKDAY),
        First::Word(o) => longest_opening(i, &ENDPOINT_WORD, o),
        First::End => longest(i, &[]),
    };
    match (found, years) {
        (Ok(r), _) => Ok(r),
        (Err(_), true) => year4(i).map(|(rest, y)| (rest, Expr::Year(y))),
        (Err(e), false) => Err(e),
    }
}

/// `range = "between" endpoint "and" endpoint | ["from"] (month_day_range | day_range_month | endpoint range_sep endpoint)`
///
/// Bare years are endpoints only after "from" or "between" ("from 1980 to
/// 1985"): "1980-85" alone is as often a number range. (The scanner
/// reaches it through [`expr`](super::expr), which calls [`range_with`].)
#[cfg(test)]
pub(crate) fn range(i: &str) -> PResult<'_, Expr> {
    range_with(i, true)
}

/// `range`, told whether an endpoint followed by a range separator may
/// start right at `i` (`endpoint_here`); when not, only a range after
/// "from" or "between" and the two day-range forms are tried.
/// [`expr`](super::expr) knows: every endpoint production for `i` ran
/// before `range`, and it saw whether any match was followed by a
/// separator.
#[inline]
pub(super) fn range_with(i: &str, endpoint_here: bool) -> PResult<'_, Expr> {
    if let Ok((rest, _)) = kw("between")(i) {
        let (rest, a) = endpoint(rest, true)?;
        let (rest, _) = kw("and")(rest)?;
        let (rest, b) = match endpoint(rest, true) {
            Ok(found) => found,
            Err(e) => same_month_day(&a, rest).ok_or(e)?,
        };
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

/// `same_month_day = day` after a date: "between October 1 and 19" — the
/// second endpoint a day of the first's month (and year).
fn same_month_day<'a>(first: &Expr, i: &'a str) -> Option<(&'a str, Expr)> {
    let Expr::Date {
        year,
        month,
        day: d1,
        weekday: None,
    } = *first
    else {
        return None;
    };
    let (rest, (d2, _)) = day(i).ok()?;
    (d2 > d1).then_some((
        rest,
        Expr::Date {
            year,
            month,
            day: d2,
            weekday: None,
        },
    ))
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

/// `on_or = "on" "or"` — before "before" or "after", which then include
/// their bound ("on or before March 18": to the end of March 18).
fn on_or(i: &str) -> PResult<'_, &str> {
    let (rest, _) = kw("on")(i)?;
    kw("or")(rest)
}

/// `open = [on_or] ("since" | "after") bound | [on_or] ("before" | "until" | "till" | "through" | "thru" | "prior" "to") bound`
///   `bound = endpoint | part_of | decade | count unit (after "after" only)`
pub(crate) fn open(i: &str) -> PResult<'_, Expr> {
    let (on_or, i) = match on_or(i) {
        Ok((rest, _)) => (true, rest),
        Err(_) => (false, i),
    };
    let (rest, w) = if on_or {
        any_kw(&["before", "after"])(i)?
    } else {
        any_kw(&[
            "since", "after", "before", "until", "till", "through", "thru", "prior",
        ])(i)?
    };
    let mut buf = [0; MAX_WORD];
    let lw = lexicon::lower(w, &mut buf).unwrap_or(b"");
    let direction = match lw {
        b"since" | b"after" => Direction::After,
        _ if on_or => Direction::Through,
        _ => Direction::Before,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::temporal::ast::Shift;

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
        ok!(
            range,
            "between October 1 and 19 at",
            day_pair(None, 10, 1, 19),
            " at"
        );
        ok!(
            range,
            "between Oct 1, 1987 and 19",
            day_pair(Some(1987), 10, 1, 19),
            ""
        );
        assert!(range("between October 19 and 1").is_err());
        assert!(range("between October and 19").is_err());
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
        ok!(open, "before June", o(Direction::Before, m.clone()), "");
        ok!(
            open,
            "on or before June",
            o(Direction::Through, m.clone()),
            ""
        );
        ok!(open, "On or after June", o(Direction::After, m), "");
        assert!(open("on or until June").is_err());
        assert!(open("on Monday").is_err());
    }
}
