//! Absolute dates: month and weekday names, and the calendar dates they
//! and numbers write — ISO ("2023-06-09"), slashed ("2/15/87"), dotted,
//! Reuters' "26-FEB-1987", numeric month and year ("2014-10"), "March 3rd,
//! 2015", "the 1st of March", "Monday, Feb 18", "on the 19th" and
//! "October 2014".

use jiff::civil::Weekday;
use nom::bytes::complete::tag;

use super::numbers::{day, digits, raw_digits, year2, year4};
use super::{comma, fail, gap, kw, longest, opt, sym, the, word, PResult, Production};
use crate::temporal::ast::Expr;
use crate::temporal::lexicon;

/// `month_name = MONTH ["."]` → 1–12 (a "." only after an abbreviation).
#[inline]
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
#[inline]
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

/// `month_day = month_name ([","] ["the"] day | spelled_day) [[","] YEAR4]`
pub(crate) fn month_day(i: &str) -> PResult<'_, Expr> {
    let (after_month, month) = month_name(i)?;
    let (rest, day) = match day(the(comma(after_month))) {
        Ok((rest, (day, _))) => (rest, day),
        Err(_) => spelled_day(after_month)?,
    };
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

/// `spelled_day = ("one" | … | "nine")` right after a month name, where
/// what follows cannot make the word a count. Wire copy spells days below
/// ten ("payable April One", "until September one 1989"), but "in May one
/// analyst said" counts an analyst: the word is a day only before the end
/// of the text, punctuation, a year, a word that cannot be a counted noun
/// ("April One to holders", "March nine that"), or a capitalised word on
/// the next line (a table's next row: "May One\n Record April 15").
fn spelled_day(i: &str) -> PResult<'_, i8> {
    let (rest, w) = word(i)?;
    let day = match lexicon::cardinal(w) {
        Some(n @ 1..=9) if !w.eq_ignore_ascii_case("a") && !w.eq_ignore_ascii_case("an") => n,
        _ => return fail(i),
    };
    if !ends_spelled_day(rest) {
        return fail(i);
    }
    Ok((rest, day as i8))
}

/// Words after which a spelled number is not counting them (see
/// [`spelled_day`]): particles, conjunctions, pronouns, determiners and
/// auxiliaries, none of which a number can count.
const NOT_COUNTED: &[&str] = &[
    "a", "after", "an", "and", "are", "as", "at", "because", "before", "but", "by", "for", "from",
    "had", "has", "he", "her", "his", "if", "in", "instead", "is", "it", "its", "on", "or", "she",
    "that", "the", "their", "they", "through", "to", "under", "unless", "until", "was", "we",
    "were", "when", "will", "with", "would",
];

/// Whether the text after a spelled day lets it be one (see [`spelled_day`]).
fn ends_spelled_day(rest: &str) -> bool {
    let after = gap(rest).map_or(rest, |(after, _)| after);
    let Some(first) = after.chars().next() else {
        return true;
    };
    if first.is_ascii_digit() {
        return year4(comma(rest)).is_ok();
    }
    if !first.is_alphabetic() {
        return first != '-';
    }
    let Ok((_, next)) = word(rest) else {
        return false;
    };
    if next.starts_with(char::is_uppercase) {
        let on_next_line = rest[..rest.len() - after.len()].contains('\n');
        return on_next_line;
    }
    NOT_COUNTED.contains(&next)
}

/// `[","] YEAR` — the comma is left in place when no year follows it.
pub(super) fn year_after_comma<'a>(
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

/// `weekday_date = weekday_name [","] (month_day | day_month | ["the"] ordinal)`,
/// where a spelled ordinal is no day of the month before a noun: "on
/// Tuesday, the first day of the visit" is that Tuesday, not the 1st.
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
    let ordinal = the(rest);
    let (r, (day, is_ordinal)) = day(ordinal)?;
    if !is_ordinal {
        return fail(i);
    }
    let spelled = ordinal
        .trim_start()
        .starts_with(|c: char| c.is_ascii_alphabetic());
    if spelled && counts_a_noun(r) {
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

/// Whether a word follows that an ordinal counts or ranks ("the first
/// visit", "the second day", "the first by a president", "the first in
/// 24 years"): any word but those a date goes on with ("the first of
/// March", "the first at noon", "the first and the second").
fn counts_a_noun(rest: &str) -> bool {
    const GOES_ON: &[&str] = &[
        "of",
        "at",
        "and",
        "or",
        "until",
        "till",
        "through",
        "morning",
        "afternoon",
        "evening",
        "night",
        "noon",
        "midnight",
    ];
    word(rest).is_ok_and(|(_, w)| !GOES_ON.iter().any(|g| g.eq_ignore_ascii_case(w)))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::temporal::grammar::tests::date;

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
    fn month_day_reads_spelled_days_where_they_cannot_count() {
        ok!(
            month_day,
            "April One to holders",
            date(None, 4, 1),
            " to holders"
        );
        ok!(month_day, "May eight.", date(None, 5, 8), ".");
        ok!(month_day, "March Two", date(None, 3, 2), "");
        ok!(month_day, "September one 1989", date(Some(1989), 9, 1), "");
        ok!(month_day, "March nine\nthat", date(None, 3, 9), "\nthat");
        ok!(
            month_day,
            "May One\n    Record",
            date(None, 5, 1),
            "\n    Record"
        );
        assert!(month_day("May one analyst said").is_err());
        assert!(month_day("March two Japanese banks").is_err());
        assert!(month_day("April ten days").is_err());
        assert!(month_day("May a").is_err());
        assert!(month_day("June one-third").is_err());
        assert!(month_day("June one 200").is_err());
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
    fn a_spelled_ordinal_before_a_noun_is_no_day_of_the_month() {
        assert!(weekday_date("Tuesday, the first day of the visit").is_err());
        assert!(weekday_date("Monday, the first visit").is_err());
        assert!(weekday_date("Tuesday, the first by a president").is_err());
        let e = Expr::DayOfMonth {
            day: 1,
            weekday: Some(Weekday::Tuesday),
        };
        ok!(weekday_date, "Tuesday the first", e.clone(), "");
        ok!(
            weekday_date,
            "Tuesday, the first at noon",
            e.clone(),
            " at noon"
        );
        ok!(weekday_date, "Tuesday the 1st day", e, " day");
    }

    #[test]
    fn month_year_reads_a_year() {
        ok!(
            month_year,
            "October 2014",
            Expr::MonthYear {
                year: 2014,
                month: 10
            },
            ""
        );
    }
}
