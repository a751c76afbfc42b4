//! Statements of a year's own calendar (issue 18): what follows a year
//! noun ("1986/87", "the fiscal year", "the 1987/88 season") and says
//! when that year ends or starts, or which months it runs: "ending
//! September 30", "ends April 30", "beginning April 1", "(Sept-Aug)".
//! On the whole Reuters corpus about 600 such statements occur (year
//! ends 430, starts 70, bracketed months 34); the scanner reads them as
//! the calendar of the article's years (`temporal::own_year`).

use super::absolute::{month_day, month_name};
use super::{any_kw, gap, kw, opt, sym, PResult};
use crate::temporal::ast::Expr;

/// What a statement says of its year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct YearStatement {
    /// The year's first month and day.
    pub start: (i8, i8),
    /// Its length in months: 12 for a year, fewer for a season
    /// ("(September-April)").
    pub months: i8,
    /// Whether a day was named ("ending September 30"), not only a month
    /// ("ending August", "(Oct-Sept)").
    pub day: bool,
    /// In the present tense ("ends April 30", "begins July 1"): a yearly
    /// day, no one occurrence.
    pub recurring: bool,
    /// Whether it names the year's start ("beginning April 1").
    pub starts: bool,
    /// In the past tense ("started July 1", "ended May 31").
    pub past: bool,
    /// A month after "in" ("beginning in April", "ended in March"): looser
    /// than "ending March 31" or "(Oct-Sept)", it names the article's year
    /// only where no other statement does.
    pub loose: bool,
    /// Bytes of the input before the stated date (its verb and blanks):
    /// where the date's own mention starts.
    pub date_at: usize,
}

/// `year_statement = year_bound | bracket_months`
pub(crate) fn year_statement(i: &str) -> PResult<'_, YearStatement> {
    year_bound(i).or_else(|_| bracket_months(i))
}

/// The words that tie a year to its end or start ("the year ended
/// September 30", "the year beginning April 1").
pub(crate) const YEAR_BOUND_VERBS: &[&str] = &[
    "ended",
    "ending",
    "ends",
    "end",
    "to",
    "beginning",
    "begins",
    "began",
    "starting",
    "starts",
    "started",
];

/// `year_bound = [","] ["which"] (END_VERB | START_VERB) ["on"] (month_day | ["in"] MONTH)`
/// with END_VERB = "ended" | "ending" | "ends" | "end" | "to" and
/// START_VERB = "beginning" | "begins" | "began" | "starting" | "starts" |
/// "started". A year's end on the weekday nearest a month end (52-week
/// years: "ended August 29", "ended April 3") is read as that month end;
/// a day in mid-month is kept.
fn year_bound(i: &str) -> PResult<'_, YearStatement> {
    // An appositive comma ("fiscal 1988, ending January 31") ties the
    // statement to its year as closely as none does.
    let rest = opt(i, sym(",")).0;
    let rest = opt(rest, kw("which")).0;
    let (rest, verb) = any_kw(YEAR_BOUND_VERBS)(rest)?;
    let rest = opt(rest, kw("on")).0;
    let date_at = i.len() - gap(rest)?.0.len();
    let (rest, (month, day), loose) = match month_day(rest) {
        Ok((r, Expr::Date { month, day, .. })) => (r, (month, Some(day)), false),
        _ => {
            // "beginning in April": a month alone may take "in".
            let (after_in, with_in) = opt(rest, kw("in"));
            let (r, m) = month_name(after_in)?;
            (r, (m, None), with_in.is_some())
        }
    };
    let v = verb.to_ascii_lowercase();
    let starts = v.starts_with("beg") || v.starts_with("start");
    let recurring = matches!(v.as_str(), "ends" | "end" | "begins" | "starts");
    let start = if starts {
        match day {
            Some(d) if d >= 24 => (month % 12 + 1, 1),
            Some(d) if d > 7 => (month, d),
            _ => (month, 1),
        }
    } else {
        match day {
            Some(d) if (8..24).contains(&d) => (month, d + 1),
            Some(d) if d <= 7 => (month, 1),
            _ => (month % 12 + 1, 1),
        }
    };
    Ok((
        rest,
        YearStatement {
            start,
            months: 12,
            day: day.is_some(),
            recurring,
            starts,
            past: matches!(v.as_str(), "ended" | "began" | "started"),
            loose,
            date_at,
        },
    ))
}

/// `bracket_months = "(" MONTH ("-" | "/") MONTH ")"`: the months a crop
/// or marketing year runs, first to last ("(Sept-Aug)", "(Oct/Sept)",
/// "(September-April)").
fn bracket_months(i: &str) -> PResult<'_, YearStatement> {
    let (rest, _) = sym("(")(i)?;
    let (rest, first) = month_name(gap(rest)?.0)?;
    let (rest, _) = sym("-")(rest).or_else(|_| sym("/")(rest))?;
    let (rest, last) = month_name(gap(rest)?.0)?;
    let (rest, _) = sym(")")(rest)?;
    Ok((
        rest,
        YearStatement {
            start: (first, 1),
            months: (last - first).rem_euclid(12) + 1,
            day: false,
            recurring: false,
            starts: false,
            past: false,
            loose: false,
            date_at: i.len(),
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(s: &str) -> Option<(i8, i8, i8, bool, bool)> {
        let (_, y) = year_statement(s).ok()?;
        Some((y.start.0, y.start.1, y.months, y.day, y.recurring))
    }

    #[test]
    fn year_bound_reads_ends_and_starts() {
        assert_eq!(read(" ending September 30"), Some((10, 1, 12, true, false)));
        assert_eq!(read(" ended May 31, 1986"), Some((6, 1, 12, true, false)));
        assert_eq!(read(" ends April 30"), Some((5, 1, 12, true, true)));
        assert_eq!(
            read(" which ends on March 31"),
            Some((4, 1, 12, true, true))
        );
        assert_eq!(read(" ending August"), Some((9, 1, 12, false, false)));
        assert_eq!(read(" to December 31"), Some((1, 1, 12, true, false)));
        assert_eq!(read(" beginning April 1"), Some((4, 1, 12, true, false)));
        assert_eq!(read(" starts July 1"), Some((7, 1, 12, true, true)));
        // 52-week years end near a month end.
        assert_eq!(read(" ended August 29"), Some((9, 1, 12, true, false)));
        assert_eq!(read(" ended April 3, 1987"), Some((4, 1, 12, true, false)));
        assert_eq!(read(" ended June 15"), Some((6, 16, 12, true, false)));
        assert_eq!(read(", ending January 31"), Some((2, 1, 12, true, false)));
        assert_eq!(read(" beginning in April"), Some((4, 1, 12, false, false)));
        assert_eq!(read(" ending in February"), Some((3, 1, 12, false, false)));
        assert_eq!(read(", rose in March"), None);
        assert_eq!(read(" rose in March"), None);
        assert_eq!(read(" ending soon"), None);
    }

    #[test]
    fn year_bound_says_where_its_date_starts() {
        let s = " ends on April 30";
        let (_, y) = year_statement(s).unwrap();
        assert_eq!(&s[y.date_at..], "April 30");
    }

    #[test]
    fn bracket_months_read_a_crop_year() {
        assert_eq!(read(" (Sept-Aug)"), Some((9, 1, 12, false, false)));
        assert_eq!(read(" (Oct/Sept)"), Some((10, 1, 12, false, false)));
        assert_eq!(read("(September-April)"), Some((9, 1, 8, false, false)));
        assert_eq!(read(" (January-December)"), Some((1, 1, 12, false, false)));
        assert_eq!(read(" (Sept-Aug"), None);
        assert_eq!(read(" (see below)"), None);
    }
}
