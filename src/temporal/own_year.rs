//! The year an article defines for itself (issue 18): a crop, marketing
//! or fiscal year whose end, start or months the text states ("1986/87
//! ending September 30", "the fiscal year ends April 30", "the year
//! beginning April 1", "1986/87 (Sept-Aug)"). Where every such statement
//! of an article agrees on a year that is not the calendar one, the
//! article's split years ("1985/86"), "fiscal 1987", "this year", "last
//! year" and "the current year" are that year (the annotation rules'
//! cases of heldout3–heldout7): a year is named by the calendar year it
//! ends in, a split year by the two it straddles. A bare "1986" stays the
//! calendar year, and so does everything in an article that states no
//! year end, or two that disagree.

use jiff::civil::{Date, Time};

use super::grammar::{self, YearStatement};
use super::{Grain, TimeKind, TimeValue};

/// A year's own calendar: its first month and day, and its length.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct OwnYear {
    start: (i8, i8),
    months: i8,
    /// Whether a statement named a day ("ending September 30"), as a
    /// company's do, not only months ("(Oct-Sept)"), as a crop year's.
    pub(super) dated: bool,
    /// Whether the year's own statement names its start ("fiscal 1987
    /// beginning in April"): then the year named is the one that starts
    /// in it. Only a mention's own statement says so; the article's year
    /// names its years by their end.
    starts: bool,
}

/// Which year a mention names, for [`OwnYear::value`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum YearName {
    /// "fiscal 1987": the year that ends in 1987.
    Ending(i32),
    /// "1986/87": the year that starts in 1986.
    Split(i32),
    /// "this year" (0), "last year" (-1): the year holding the article's
    /// date, moved by whole years.
    Holding(i64),
    /// "so far this year": the year holding the article's date, from its
    /// start through that date.
    SoFar,
}

impl OwnYear {
    fn of(s: &YearStatement) -> OwnYear {
        OwnYear {
            start: s.start,
            months: s.months,
            dated: s.day,
            starts: s.starts,
        }
    }

    fn is_calendar(self) -> bool {
        self.start == (1, 1) && self.months == 12
    }

    /// The year (or season) that starts in calendar year `y`.
    fn starting_in(self, y: i32) -> Option<TimeValue> {
        let first = Date::new(i16::try_from(y).ok()?, self.start.0, self.start.1).ok()?;
        TimeValue::months_from(first, self.months)
    }

    /// The interval `name` means under this calendar (`today`: the
    /// article's date, for [`YearName::Holding`]).
    pub(super) fn value(self, name: YearName, today: Option<Date>) -> Option<TimeValue> {
        match name {
            YearName::Split(a) => self.starting_in(a),
            YearName::Ending(y) if self.starts && self.months == 12 => self.starting_in(y),
            // Only a twelve-month year ends in a named year.
            YearName::Ending(y) if self.months == 12 => self.starting_in(y.checked_sub(1)?),
            YearName::Ending(_) => None,
            YearName::Holding(k) if self.months == 12 => {
                let t = today?;
                let mut y = i32::from(t.year());
                if (t.month(), t.day()) < self.start {
                    y -= 1;
                }
                self.starting_in(y.checked_add(i32::try_from(k).ok()?)?)
            }
            YearName::Holding(_) => None,
            YearName::SoFar => {
                let year = self.value(YearName::Holding(0), today)?;
                let end = today?.tomorrow().ok()?.to_datetime(Time::midnight());
                Some(TimeValue {
                    end: Some(end),
                    grain: Grain::Day,
                    ..year
                })
            }
        }
    }

    /// The last three months of the year holding `today`: the company's
    /// fourth quarter, which places its other quarters.
    pub(super) fn fourth_quarter(self, today: Date) -> Option<TimeValue> {
        let year = self.value(YearName::Holding(0), Some(today))?;
        let end = year.end?;
        let start = end.checked_sub(jiff::Span::new().months(3)).ok()?;
        Some(TimeValue {
            start,
            end: Some(end),
            grain: Grain::Day,
            kind: TimeKind::Interval,
            other: None,
        })
    }
}

/// The article's own year: what every twelve-month statement of a year's
/// calendar in `text` agrees on, unless it is the calendar year. A bare
/// "year" states one only with a day ("the year to March 31"): "rose 18.9
/// pct in the year to January" is a twelve-month rate, no fiscal year.
pub(super) fn article_year(text: &str) -> Option<OwnYear> {
    // Statements of a month after "in" ("the 1987/88 year starting in
    // June") count only where no firmer one ("1986/87 ended March 31")
    // does.
    agreed_year(text, false).or_else(|| agreed_year(text, true))
}

/// What the twelve-month statements of `text` agree on, the loose ones
/// ("beginning in April") only when `loose`, the others only when not.
/// A year numbered after "fiscal" and stated by its start ("fiscal 1987,
/// starting April 1") names the article's years by their start.
fn agreed_year(text: &str, loose: bool) -> Option<OwnYear> {
    let mut found: Option<OwnYear> = None;
    for (noun_end, bare, numbered) in year_nouns(text) {
        let Ok((_, s)) = grammar::year_statement(&text[noun_end..]) else {
            continue;
        };
        if s.months != 12 || (bare && !s.day) || s.loose != loose {
            continue;
        }
        let y = OwnYear {
            starts: s.starts && numbered,
            ..OwnYear::of(&s)
        };
        match found {
            None => found = Some(y),
            Some(f) if (f.start, f.months) == (y.start, y.months) => {
                found = Some(OwnYear {
                    dated: f.dated || y.dated,
                    starts: f.starts || y.starts,
                    ..f
                });
            }
            Some(_) => return None,
        }
    }
    found.filter(|y| !y.is_calendar())
}

/// A statement right after a mention that names a year ("1986/87" then
/// "ending September 30", "(Sept-Aug)", "crushing season (September-April)"):
/// its length in bytes and the calendar it gives that year (a season may
/// be shorter than a year). Up to two words may come between when the
/// last is a year noun.
pub(super) fn own_statement(rest: &str) -> Option<(usize, OwnYear)> {
    let mut at = rest;
    for _ in 0..3 {
        if let Ok((after, s)) = grammar::year_statement(at) {
            return Some((rest.len() - after.len(), OwnYear::of(&s)));
        }
        let (after, w) = grammar::word(at).ok()?;
        if !w.bytes().all(|b| b.is_ascii_lowercase()) {
            return None;
        }
        at = after;
        if is_year_noun(w) {
            let (after, s) = grammar::year_statement(at).ok()?;
            return Some((rest.len() - after.len(), OwnYear::of(&s)));
        }
    }
    None
}

/// Whether `text` names a calendar year alone ("in 1986", "1985 output",
/// "calendar 1987"): a year of four digits that is no fiscal year, split
/// year or part of a date. An article that counts in calendar years
/// means them by "this year" and "last year" too, whatever year end it
/// states for a budget or a company ("the one pct decline in domestic
/// demand last year ... contraction in 1985"); one that does not means
/// its own year ("the coffee year 1986/87 ending September 30 ... this
/// year").
pub(super) fn names_calendar_year(text: &str) -> bool {
    let mut prev: [&str; 2] = ["", ""];
    // Whether the sentence so far has said "fiscal": its bare years are a
    // fiscal series ("in fiscal 1988 ... down from 123 mln dlrs in 1987").
    let mut fiscal = false;
    let mut last_end = 0;
    tokens(text).any(|(start, tok)| {
        let between = &text[last_end..start];
        last_end = start + tok.len();
        if between.contains(". ") || between.contains(".\n") {
            fiscal = false;
        }
        if tok.eq_ignore_ascii_case("fiscal") {
            fiscal = true;
        }
        let before = prev;
        prev = [prev[1], tok];
        let year = tok.len() == 4
            && tok.bytes().all(|b| b.is_ascii_digit())
            && ("1900".."2101").contains(&tok);
        let is_month = |w: &str| {
            let mut buf = [0; crate::temporal::lexicon::MAX_WORD];
            crate::temporal::lexicon::lower(w, &mut buf)
                .is_some_and(|l| crate::temporal::lexicon::month_lower(l).is_some())
        };
        let dated = is_month(before[1])
            || (before[1].len() <= 2
                && before[1].bytes().all(|b| b.is_ascii_digit())
                && is_month(before[0]));
        year && !dated && !fiscal
    })
}

/// The statement whose stated day starts at `at` ("the fiscal year ends
/// April 30": `at` on "April"): where its year noun phrase starts, and
/// what it says. A present-tense end is a yearly day, no one date; a
/// start names the year from that day.
pub(super) fn statement_of_day(text: &str, at: usize) -> Option<(usize, YearStatement)> {
    let mut k = word_before(text, at)?;
    if text[k..at].trim_end().eq_ignore_ascii_case("on") {
        k = word_before(text, k)?;
    }
    let verb = text[k..at].split_whitespace().next()?;
    let is_verb = grammar::YEAR_BOUND_VERBS
        .iter()
        .any(|v| verb.eq_ignore_ascii_case(v));
    if !is_verb {
        return None;
    }
    let mut noun_end = text[..k].trim_end().len();
    if text[..noun_end].ends_with("which") || text[..noun_end].ends_with("Which") {
        noun_end = text[..noun_end - 5].trim_end().len();
    }
    let noun_start = word_before(text, noun_end)?;
    if !is_year_noun(&text[noun_start..noun_end]) {
        return None;
    }
    let (_, s) = grammar::year_statement(&text[noun_end..]).ok()?;
    if noun_end + s.date_at != at {
        return None;
    }
    // The noun phrase: "the fiscal year", "its 1987/88 crop year".
    let mut phrase = noun_start;
    while let Some(w) = word_before(text, phrase) {
        let word = text[w..phrase].trim_end();
        let qualifies = QUALIFIERS.iter().any(|q| word.eq_ignore_ascii_case(q))
            || ["the", "its", "this", "current", "coming", "next"]
                .iter()
                .any(|q| word.eq_ignore_ascii_case(q))
            || is_split_year(word)
            || (word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit()));
        if !qualifies {
            break;
        }
        phrase = w;
    }
    Some((phrase, s))
}

/// Words that make "year" a crop, marketing or company year rather than
/// any twelve months.
const QUALIFIERS: &[&str] = &[
    "fiscal",
    "financial",
    "business",
    "crop",
    "marketing",
    "agricultural",
];

/// Whether `w` is a noun a statement can follow.
fn is_year_noun(w: &str) -> bool {
    ["year", "yr", "season", "campaign", "crop"]
        .iter()
        .any(|n| w.eq_ignore_ascii_case(n))
        || is_split_year(w)
        || (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
}

/// Where each year noun of `text` ends, whether it is bare (a "year"
/// no qualifier, split year or "fiscal" makes a crop or company year) and
/// whether it is a year numbered after "fiscal" ("fiscal 1987"): "year",
/// "yr", "season", "campaign", "crop", a split year ("1986/87",
/// "1985-86"), a year after "fiscal".
fn year_nouns(text: &str) -> impl Iterator<Item = (usize, bool, bool)> + '_ {
    let mut prev: [&str; 3] = [""; 3];
    tokens(text).filter_map(move |(start, tok)| {
        let end = start + tok.len();
        let before = prev;
        prev = [prev[1], prev[2], tok];
        // A split year and a year of four digits start with a digit; the
        // words before are read only after a year noun (most tokens are
        // neither, and this runs over every token of an article).
        if tok.as_bytes().first().is_some_and(u8::is_ascii_digit) {
            if is_split_year(tok) {
                return Some((end, false, false));
            }
            return (tok.len() == 4
                && tok.bytes().all(|b| b.is_ascii_digit())
                && before[2].eq_ignore_ascii_case("fiscal"))
            .then_some((end, false, true));
        }
        if ["season", "campaign", "crop"]
            .iter()
            .any(|n| tok.eq_ignore_ascii_case(n))
        {
            return Some((end, false, false));
        }
        if tok.eq_ignore_ascii_case("year") || tok.eq_ignore_ascii_case("yr") {
            let split_before = before.iter().any(|w| is_split_year(w));
            let qualified = QUALIFIERS.iter().any(|q| before[2].eq_ignore_ascii_case(q));
            return Some((end, !(qualified || split_before), false));
        }
        None
    })
}

/// The word and number tokens of `text` ("1986/87" and "1985-86" one
/// each) with where they start.
fn tokens(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let bytes = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() && !bytes[i].is_ascii_alphanumeric() {
            i += 1;
        }
        if i >= bytes.len() {
            return None;
        }
        let start = i;
        while i < bytes.len()
            && (bytes[i].is_ascii_alphanumeric()
                || (matches!(bytes[i], b'/' | b'-')
                    && bytes[i - 1].is_ascii_digit()
                    && bytes.get(i + 1).is_some_and(|b| b.is_ascii_digit())))
        {
            i += 1;
        }
        Some((start, &text[start..i]))
    })
}

/// "1985/86", "85/86", "1985-86": a split year.
fn is_split_year(w: &str) -> bool {
    let Some((a, b)) = w.split_once(['/', '-']) else {
        return false;
    };
    matches!(a.len(), 2 | 4)
        && b.len() == 2
        && a.bytes().chain(b.bytes()).all(|c| c.is_ascii_digit())
}

/// Where the word or number token ending right before `at` (blanks
/// skipped) starts.
fn word_before(text: &str, at: usize) -> Option<usize> {
    let before = text[..at].trim_end();
    let start = before
        .char_indices()
        .rev()
        .find(|(_, c)| !(c.is_ascii_alphanumeric() || matches!(c, '/' | '-')))
        .map_or(0, |(k, c)| k + c.len_utf8());
    (start < before.len()).then_some(start)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn days(v: Option<TimeValue>) -> Option<(Date, Date)> {
        v?.inclusive_days()
    }

    #[test]
    fn article_year_needs_statements_that_agree() {
        let coffee = "Exports in 1986/87 ending September 30 rose.";
        let y = article_year(coffee).unwrap();
        assert_eq!(
            days(y.value(YearName::Split(1985), None)),
            Some((date(1985, 10, 1), date(1986, 9, 30)))
        );
        assert!(article_year("Net in the year ended December 31 rose.").is_none());
        assert!(article_year("M3 rose 8 pct in the year to January.").is_none());
        assert!(
            article_year("A's fiscal year ends March 31, B's fiscal year ends June 30.").is_none()
        );
        assert!(
            article_year("The fiscal year ends March 31. The year to March 31 was good.").is_some()
        );
        assert!(article_year("Corn sales in 1986/87 (Sept-Aug) rose.").is_some());
        // A season shorter than a year is no article's year.
        assert!(article_year("Cane in 1986/87 (September-April) fell.").is_none());
        assert!(article_year("Sales rose last year.").is_none());
        // A loose statement gives way to a firm one.
        let t = "in 1986/87 ended March, and the 1987/88 year starting in June";
        let y = article_year(t).unwrap();
        assert_eq!(
            days(y.value(YearName::Split(1986), None)),
            Some((date(1986, 4, 1), date(1987, 3, 31)))
        );
        // A numbered fiscal year stated by its start names years so.
        let y = article_year("grow in fiscal 1987, starting April 1, from 1986").unwrap();
        assert_eq!(
            days(y.value(YearName::Ending(1986), None)),
            Some((date(1986, 4, 1), date(1987, 3, 31)))
        );
    }

    #[test]
    fn own_year_names_years_by_their_end() {
        let y = article_year("The fiscal year ends April 30.").unwrap();
        let mar16 = Some(date(1987, 3, 16));
        assert_eq!(
            days(y.value(YearName::Ending(1987), None)),
            Some((date(1986, 5, 1), date(1987, 4, 30)))
        );
        assert_eq!(
            days(y.value(YearName::Holding(0), mar16)),
            Some((date(1986, 5, 1), date(1987, 4, 30)))
        );
        assert_eq!(
            days(y.value(YearName::Holding(-1), mar16)),
            Some((date(1985, 5, 1), date(1986, 4, 30)))
        );
        assert_eq!(
            days(y.fourth_quarter(date(1987, 3, 16))),
            Some((date(1987, 2, 1), date(1987, 4, 30)))
        );
        assert_eq!(y.value(YearName::Holding(0), None), None);
        assert_eq!(
            days(y.value(YearName::SoFar, mar16)),
            Some((date(1986, 5, 1), date(1987, 3, 16)))
        );
    }

    #[test]
    fn own_statement_reads_what_follows_a_split_year() {
        let (len, y) = own_statement(" (Sept-Aug), nearly").unwrap();
        assert_eq!(len, " (Sept-Aug)".len());
        assert_eq!(
            days(y.value(YearName::Split(1986), None)),
            Some((date(1986, 9, 1), date(1987, 8, 31)))
        );
        assert!(own_statement(" against 1985/86").is_none());
        // A year named with its start is the one that starts in it.
        let (_, y) = own_statement(" beginning in April").unwrap();
        assert_eq!(
            days(y.value(YearName::Ending(1987), None)),
            Some((date(1987, 4, 1), date(1988, 3, 31)))
        );
        let (len, y) = own_statement(", ending January 31, to").unwrap();
        assert_eq!(len, ", ending January 31".len());
        assert_eq!(
            days(y.value(YearName::Ending(1988), None)),
            Some((date(1987, 2, 1), date(1988, 1, 31)))
        );
    }

    #[test]
    fn statement_of_day_finds_the_year_noun() {
        let t = "The company's fiscal year ends April 30.";
        let at = t.find("April").unwrap();
        let (start, s) = statement_of_day(t, at).unwrap();
        assert_eq!(&t[start..at], "fiscal year ends ");
        assert!(s.recurring);
        let t = "Spending rises in the fiscal year beginning April 1.";
        let at = t.find("April").unwrap();
        let (start, s) = statement_of_day(t, at).unwrap();
        assert_eq!(&t[start..at], "the fiscal year beginning ");
        assert!(s.starts && !s.recurring);
        let t = "Shares rose 5 pct to April 30 levels.";
        assert!(statement_of_day(t, t.find("April").unwrap()).is_none());
    }

    #[test]
    fn own_statement_may_follow_a_season_noun() {
        let rest = " crushing season (September-April) will";
        let (len, y) = own_statement(rest).unwrap();
        assert_eq!(&rest[..len], " crushing season (September-April)");
        assert_eq!(
            days(y.value(YearName::Split(1986), None)),
            Some((date(1986, 9, 1), date(1987, 4, 30)))
        );
        assert!(own_statement(" output rose").is_none());
        assert!(own_statement(" Output season (Oct-Sept)").is_none());
    }

    #[test]
    fn calendar_years_named_alone() {
        assert!(names_calendar_year("Output fell in 1986."));
        assert!(names_calendar_year("in calendar 1987 exports"));
        assert!(!names_calendar_year("in 1986/87 and fiscal 1987"));
        assert!(!names_calendar_year("in fiscal 1988, down from 1987."));
        assert!(names_calendar_year("in fiscal 1988. Output fell in 1987."));
        assert!(!names_calendar_year("on March 31, 1987 and in March 1986"));
        assert!(!names_calendar_year("sales of 1,987 tonnes, 2500 bags"));
    }

    #[test]
    fn year_nouns_mark_bare_years() {
        let t = "the year to March, fiscal year ended, 1986/87 crop year, fiscal 1987 ended";
        let got: Vec<bool> = year_nouns(t).map(|(_, bare, _)| bare).collect();
        assert_eq!(got, vec![true, false, false, false, false, false]);
    }
}
