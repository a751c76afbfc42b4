//! Relative dates, read against the document's date: day words
//! ("yesterday", "the day after tomorrow"), shifted months, weekdays and
//! weekends ("next March", "Wednesday of next week", "this past weekend"),
//! cycles ("last year"), counted spans ("three weeks ago", "in 3 years",
//! "the past 2 weeks", "within 30 days") and "earlier this month", "the
//! rest of the week".

use super::absolute::{month_name, weekday_name};
use super::numbers::{count, unit};
use super::{any_kw, fail, kw, opt, the, word, PResult};
use crate::temporal::ast::{Count, Expr, Shift};
use crate::temporal::lexicon::{self, Unit, MAX_WORD};

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
pub(super) fn shift_word(i: &str) -> PResult<'_, Shift> {
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

/// `last_n = ["the"] ("last" | "past" | "previous" | "next" | "coming" | "following") count [count_upto] unit`
pub(crate) fn last_n(i: &str) -> PResult<'_, Expr> {
    let (rest, offset) = cycle_shift(the(i))?;
    if offset == 0 {
        return fail(i);
    }
    let (rest, count) = count(rest)?;
    let (rest, count) = match count_upto(count, rest) {
        Ok(found) => found,
        Err(_) => (rest, count),
    };
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

/// `count_upto = ("to" | "or" | "-") count` after a first count: "the next
/// two to five years" spans what either count would, the larger one's
/// units (as "May 3 or 4" spans both days).
fn count_upto(first: Count, i: &str) -> PResult<'_, Count> {
    let rest = match any_kw(&["to", "or"])(i) {
        Ok((r, _)) => r,
        Err(_) => match i.strip_prefix('-') {
            Some(r) => r,
            None => return fail(i),
        },
    };
    match (first, count(rest)?) {
        (Count::Exact(a), (r, Count::Exact(b))) if b > a => Ok((r, Count::Exact(b))),
        _ => fail(i),
    }
}

/// `within = "within" (last_n | count unit)`
pub(crate) fn within(i: &str) -> PResult<'_, Expr> {
    let (rest, _) = kw("within")(i)?;
    match last_n(rest) {
        // "within the next 30 days" is "within 30 days".
        Ok((
            r,
            Expr::LastN {
                count,
                unit,
                forward: true,
            },
        )) => return Ok((r, Expr::Ahead(Box::new(Expr::Within { count, unit })))),
        Ok(r) => return Ok(r),
        Err(_) => {}
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

/// `rest_of = ["the"] ("rest" | "balance" | "remainder") "of" ["the" | "this"] unit | "all" unit`
pub(crate) fn rest_of(i: &str) -> PResult<'_, Expr> {
    let (rest, all) = match kw("all")(i) {
        Ok((r, _)) => (r, true),
        Err(_) => {
            let (r, _) = any_kw(&["rest", "balance", "remainder"])(the(i))?;
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
pub(super) fn weekend_word(i: &str) -> PResult<'_, ()> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::Weekday;

    #[test]
    fn month_alone_with_shifts() {
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
            last_n,
            "the next two to five years,",
            Expr::LastN {
                count: Count::Exact(5),
                unit: Unit::Year,
                forward: true
            },
            ","
        );
        ok!(
            last_n,
            "past 3-4 weeks",
            Expr::LastN {
                count: Count::Exact(4),
                unit: Unit::Week,
                forward: false
            },
            ""
        );
        assert!(last_n("the next five to two years").is_err());
        for i in ["the balance of the year", "the remainder of this year"] {
            ok!(
                rest_of,
                i,
                Expr::RestOf {
                    unit: Unit::Year,
                    all: false
                },
                ""
            );
        }
        assert!(rest_of("the balance of payments").is_err());
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
}
