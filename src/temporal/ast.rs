//! The parsed form of a temporal expression: what the grammar produces and
//! the resolver consumes. Nothing here knows the reference date.

use jiff::civil::Weekday;

use super::holiday::HolidayRule;
use super::lexicon::{Season, Unit};
use super::Grain;

/// How a count was written: a number, or "a few" / "several" / "a couple".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Count {
    Exact(i64),
    /// "a few", "several": a small, vague number (Duckling reads "few" as 3).
    Few,
}

impl Count {
    /// The number used where one is needed (Duckling: "next few days" = 3).
    pub(crate) fn value(self) -> i64 {
        match self {
            Count::Exact(n) => n,
            Count::Few => 3,
        }
    }
}

/// Which occurrence of a named month, weekday or season is meant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shift {
    /// No modifier: chosen by the caller's `Bias`.
    Bare,
    /// "this": the current one (or, for weekdays under future bias, the next).
    This,
    /// "next", "coming".
    Next,
    /// "last", "past", "previous".
    Last,
    /// "X after next".
    AfterNext,
    /// "March in 2 years".
    InYears(i64),
    /// "wednesday of next week" / "sunday from last week": week offset.
    OfWeek(i64),
}

/// Early / mid / late part of a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    Beginning,
    Early,
    Mid,
    Late,
    End,
}

/// Which element of a container "the Nth … of" picks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Nth {
    /// 1-based from the start.
    First(u32),
    /// 1-based from the end ("last" = 1, "second last" = 2).
    Last(u32),
}

/// What "the Nth … of" counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Item {
    Weekday(Weekday),
    Day,
    Week,
    Weekend,
}

/// Open-interval direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Direction {
    After,
    Before,
    /// Before the bound's end ("on or before March 18").
    Through,
}

/// A part of the day, with the hours Duckling gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DayPart {
    /// 00:00–12:00.
    Morning,
    /// "early morning": 00:00–09:00.
    EarlyMorning,
    /// 12:00–19:00.
    Afternoon,
    /// "lunch": 12:00–14:00.
    Lunch,
    /// "evening", "night", "tonight": 18:00–24:00.
    Evening,
    /// "late tonight", "late last night": 21:00–24:00.
    LateNight,
}

impl DayPart {
    /// `[first hour, end hour)` of the part.
    pub(crate) fn hours(self) -> (i8, i8) {
        match self {
            DayPart::Morning => (0, 12),
            DayPart::EarlyMorning => (0, 9),
            DayPart::Afternoon => (12, 19),
            DayPart::Lunch => (12, 14),
            DayPart::Evening => (18, 24),
            DayPart::LateNight => (21, 24),
        }
    }

    /// Whether a clock hour said in this part is after noon.
    pub(crate) fn is_pm(self) -> bool {
        !matches!(self, DayPart::Morning | DayPart::EarlyMorning)
    }
}

/// A clock time as written: "3pm", "15:30", "half past three".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Clock {
    /// 0–23; for an ambiguous time the hour as written (1–12).
    pub hour: i8,
    pub minute: i8,
    pub second: i8,
    /// `hour` could be a.m. or p.m. (no "am"/"pm", no 24-hour form).
    pub ambiguous: bool,
    /// A bare number ("at 7"): a clock time only with a cue around it.
    pub bare: bool,
    /// Hour, minute or second.
    pub grain: Grain,
    /// A time zone written after it ("4pm CET"): its UTC offset in minutes.
    pub zone: Option<i16>,
}

/// A temporal expression.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Expr {
    /// today (0), yesterday (-1), tomorrow (1), the day after tomorrow (2)…
    Day(i64),
    /// tonight: 18:00 until midnight.
    Tonight,
    /// A calendar date, possibly without its year; an optional weekday
    /// written next to it ("Monday, Feb 18").
    Date {
        year: Option<i32>,
        month: i8,
        day: i8,
        weekday: Option<Weekday>,
    },
    /// "the 19th", "Tuesday the 19th": a day of an unnamed month.
    DayOfMonth { day: i8, weekday: Option<Weekday> },
    /// A month with its year: "October 2014".
    MonthYear { year: i32, month: i8 },
    /// A month of a year named relatively: "September last year".
    MonthOf { month: i8, year: Box<Expr> },
    /// A month without its year: "March", "next March".
    Month { month: i8, shift: Shift },
    /// "in 2014".
    Year(i32),
    /// "the 1980s".
    Decade(i32),
    /// A weekday: "friday", "last sunday", "wednesday of next week".
    Weekday { weekday: Weekday, shift: Shift },
    /// this / last / next week, month, quarter, year.
    Cycle { unit: Unit, offset: i64 },
    /// "third quarter", "4th quarter 2018".
    Quarter { n: i8, year: Option<Box<Expr>> },
    /// "the second half of 1986".
    Half { n: i8, year: Option<Box<Expr>> },
    /// "three weeks ago", "a few days ago".
    Ago { count: Count, unit: Unit },
    /// "in 7 days", "3 years from today" (`from_today`: anchored on the day).
    Later {
        count: Count,
        unit: Unit,
        from_today: bool,
    },
    /// "last 2 weeks" (negative) / "next 3 days" (positive), whole units.
    LastN {
        count: Count,
        unit: Unit,
        forward: bool,
    },
    /// "within 30 days".
    Within { count: Count, unit: Unit },
    /// "earlier this month" (`later` false) / "later this week" (true).
    EarlierLater { unit: Unit, later: bool },
    /// "rest of the week" / "all week".
    RestOf { unit: Unit, all: bool },
    /// A weekend; `offset` in weeks from this week's, `None` = bare "the weekend".
    Weekend { offset: Option<i64> },
    /// A season, in a given year or shifted.
    Season {
        season: Season,
        year: Option<i32>,
        shift: Shift,
    },
    /// "early March", "the end of the month", "mid-1982".
    PartOf { part: Part, of: Box<Expr> },
    /// "the first Monday of March", "20th of next month", "last week of 2018".
    NthOf { nth: Nth, item: Item, of: Box<Expr> },
    /// "the week of October 6th".
    WeekOf(Box<Expr>),
    /// "the week ended February 22".
    WeekEnded(Box<Expr>),
    /// "July 13-15", "from 1980 to 1985".
    Range(Box<Expr>, Box<Expr>),
    /// The reference instant ("now", "right now").
    Now,
    /// A clock time, on a given day or the next time it comes, within a
    /// part of the day or not: "3pm", "tomorrow at 5", "tonight at 11".
    TimeOfDay {
        day: Option<Box<Expr>>,
        part: Option<DayPart>,
        clock: Clock,
    },
    /// "9:30 - 11:00", "3-4pm", "Thursday from 9a to 11a".
    ClockRange {
        day: Option<Box<Expr>>,
        part: Option<DayPart>,
        from: Clock,
        to: Clock,
    },
    /// A part of a day: "this morning", "tomorrow evening", "last night".
    DayPartOf {
        day: Option<Box<Expr>>,
        part: DayPart,
    },
    /// A holiday: "Christmas", "last Easter", "Thanksgiving 2014".
    Holiday {
        rule: HolidayRule,
        shift: Shift,
        year: Option<Box<Expr>>,
    },
    /// "this season" (0), "last season" (-1): the astronomical season
    /// holding today, shifted, up to the day before the next one starts.
    SeasonCycle(i64),
    /// "3 fridays from now" (3), "2 thursdays ago" (-2); today not counted.
    WeekdayCount { weekday: Weekday, n: i64 },
    /// "4pm for 30 mins", "from 18th Dec for 10 days": a start and a length
    /// (the end, as Duckling's, one grain past start + length).
    Lasting {
        start: Box<Expr>,
        count: i64,
        unit: Unit,
    },
    /// "by 2pm", "by Monday": from now to the start of the bound.
    By(Box<Expr>),
    /// "fiscal 1987": the fiscal year that ends in that calendar year, its
    /// calendar unknown: February 1 of the year before to December 31.
    Fiscal(i32),
    /// "the first nine months of 1986" (`of` this year when absent),
    /// "the last three months of 1986" (`from_end`).
    FirstN {
        n: i64,
        unit: Unit,
        from_end: bool,
        of: Option<Box<Expr>>,
    },
    /// "the six months to December 31", "the year ended June 30": `count`
    /// units up to the end of `end`. `nth` is the ordinal of a quarter
    /// named this way ("the first quarter ended January 31": 1), which
    /// fixes the company's other quarters in prose.
    Ended {
        count: i64,
        unit: Unit,
        end: Box<Expr>,
        nth: Option<i8>,
        /// Named by its start instead ("the financial year starting next
        /// month"): the units from the start of `end` on.
        starts: bool,
    },
    /// "so far this year", "year to date": from the start of the unit
    /// through today.
    SoFar(Unit),
    /// "within the week": from today to the end of the week.
    WithinThe(Unit),
    /// Read looking ahead whatever the bias: "within the next 30 days".
    Ahead(Box<Expr>),
    /// "shortly after midnight": the first hour of the day.
    SmallHours,
    /// "earlier today", "earlier in the day": from midnight to now.
    EarlierToday,
    /// "a year earlier", "the same period last year", "the year-ago
    /// quarter": the period named before, shifted by this many years.
    /// Alone it has no value; prose resolves it against the period before.
    /// The second field is the length in months of the period the phrase
    /// names, when it names one ("the year-ago quarter": 3, "year-ago nine
    /// mths": 9): only a period of that length can be its antecedent.
    Antecedent(i64, Option<u32>),
    /// "the comparable 1986 period", "the same 1986 quarter": the period
    /// named before, moved to the year given (of the length in months the
    /// phrase names, as [`Expr::Antecedent`]). Alone it has no value.
    AntecedentIn(i32, Option<u32>),
    /// "the 1986 period", "the 1985 quarter": as [`Expr::AntecedentIn`],
    /// but with no period named before it is the year itself (the year is
    /// all the phrase places).
    YearPeriod(i32, Option<u32>),
    /// "the previous month", "the preceding week", "the prior quarter",
    /// "the year before", "a month earlier": the period the text has just
    /// named, one `unit` back. Alone, "the previous/preceding/prior X"
    /// (`own`) is last X, as Duckling reads "the previous month"; the
    /// others have no value.
    Preceding { unit: Unit, own: bool },
    /// "the previous three months", "the preceding two weeks": the
    /// `count` units before the period the text has just named. Alone, the
    /// last `count` units (as "the past three months").
    PrecedingN { count: i64, unit: Unit },
    /// "since 2018", "before June", "after 5 days".
    Open {
        direction: Direction,
        bound: Box<Expr>,
    },
}
