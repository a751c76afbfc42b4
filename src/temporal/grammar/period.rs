//! Periods of the calendar and parts of them: quarters and halves ("Q1",
//! "the second half of 1986"), seasons, decades ("the 1980s"), parts
//! ("early March", "the end of the month"), the nth day or weekday of a
//! period ("the first Monday of May", "20th of next month") and weeks
//! named by a date ("the week ended February 22").

use super::absolute::{
    date_iso, date_slash, day_month, month_day, month_year, weekday_date, weekday_name,
};
use super::numbers::{day, digits, ordinal, raw_digits, unit, year4};
use super::relative::{cycle, month_alone, shift_word, weekday_expr, weekend_word};
use super::{any_kw, comma, fail, gap, kw, longest, opt, the, word, PResult, Production};
use crate::temporal::ast::{Expr, Item, Nth, Part, Shift};
use crate::temporal::lexicon::{self, Unit, MAX_WORD};

/// `year_ref = YEAR4 | cycle(year) | "the" "year"` ("the second half of
/// the year": this year's).
fn year_ref(i: &str) -> PResult<'_, Box<Expr>> {
    if let Ok((rest, y)) = year4(i) {
        return Ok((rest, Box::new(Expr::Year(y))));
    }
    if let Ok((rest, _)) = kw("the")(i).and_then(|(r, _)| kw("year")(r)) {
        return Ok((
            rest,
            Box::new(Expr::Cycle {
                unit: Unit::Year,
                offset: 0,
            }),
        ));
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

/// `period_ordinal = ordinal | "final"` → the ordinal, `None` for "final"
/// (the last quarter or half of a year: "the final quarter of 1986").
pub(crate) fn period_ordinal(i: &str) -> PResult<'_, Option<u32>> {
    match ordinal(i) {
        Ok((rest, n)) => Ok((rest, Some(n))),
        Err(_) => kw("final")(i).map(|(rest, _)| (rest, None)),
    }
}

/// `quarter = ["the"] period_ordinal ("quarter" | "qtr") [["of"] year_ref] | "Q" DIGIT [year_ref]`
pub(crate) fn quarter(i: &str) -> PResult<'_, Expr> {
    let (rest, n) = match quarter_q(i) {
        Ok(r) => r,
        Err(_) => {
            let (rest, n) = period_ordinal(the(i))?;
            let n = n.unwrap_or(4);
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

/// `part_of = ["the"] part ("of" | "-" | "in")? ["the"] container` ("of" required after beginning/start/middle, "of" or "-" after end)
pub(crate) fn part_of(i: &str) -> PResult<'_, Expr> {
    let (rest, (part, needs_of)) = part(the(i))?;
    let rest = match kw("of")(rest) {
        Ok((r, _)) => r,
        // "end-February", "end-1987" (wire copy), but not "end February".
        Err(_) if needs_of && part == Part::End => match rest.strip_prefix('-') {
            Some(r) => r,
            None => return fail(i),
        },
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::temporal::grammar::tests::date;

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
        let q4 = Expr::Quarter {
            n: 4,
            year: Some(Box::new(Expr::Year(1986))),
        };
        ok!(quarter, "the final quarter of 1986", q4, "");
        ok!(period_ordinal, "final x", None, " x");
        ok!(period_ordinal, "third x", Some(3), " x");
        assert!(period_ordinal("finally").is_err());
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
}
