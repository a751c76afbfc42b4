//! The resolver: [`Expr`] + reference date-time + [`Bias`] → a concrete
//! interval with a grain. Conventions follow Duckling where its corpus
//! defines them (weeks start on Monday, "N days ago" has hour grain,
//! closed intervals end exclusively); where an expression leaves the
//! occurrence open (a bare weekday, a month without a year), the caller's
//! bias decides. Anything that cannot be made concrete is `None`.

use jiff::civil::{Date, DateTime, Weekday};

use super::ast::{Count, Direction, Expr, Item, Nth, Part, Shift};
use super::calendar::{
    add_days, days_until, finer, midnight, period, shift, truncate, unit_grain, week_start, ymd,
};
use super::lexicon::{Season, Unit};
use super::{Bias, Grain, TimeKind};

/// A resolved expression: `[start, end)` in wall-clock time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Iv {
    pub start: DateTime,
    pub end: DateTime,
    pub grain: Grain,
    pub kind: TimeKind,
}

impl Iv {
    pub(crate) fn instant(start: DateTime, grain: Grain) -> Option<Iv> {
        Some(Iv {
            start,
            end: shift(start, grain, 1)?,
            grain,
            kind: TimeKind::Instant,
        })
    }

    pub(crate) fn interval(start: DateTime, end: DateTime, grain: Grain) -> Option<Iv> {
        (start < end).then_some(Iv {
            start,
            end,
            grain,
            kind: TimeKind::Interval,
        })
    }

    fn day(d: Date) -> Option<Iv> {
        Iv::instant(midnight(d), Grain::Day)
    }

    /// Whole days `[first, last_exclusive)`.
    pub(crate) fn days_between(first: Date, last_exclusive: Date) -> Option<Iv> {
        Iv::days(first, last_exclusive)
    }

    fn days(first: Date, last_exclusive: Date) -> Option<Iv> {
        Iv::interval(midnight(first), midnight(last_exclusive), Grain::Day)
    }

    fn is_closed(&self) -> bool {
        matches!(self.kind, TimeKind::Instant | TimeKind::Interval)
    }
}

/// The reference point and the direction hint.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Ctx {
    pub now: DateTime,
    pub bias: Bias,
}

impl Ctx {
    pub(crate) fn today(&self) -> Date {
        self.now.date()
    }

    pub(crate) fn year(&self) -> i32 {
        i32::from(self.today().year())
    }

    /// Chooses one occurrence of a yearly period by bias: `of_year(y)` gives
    /// the period in year `y` (or `None` when it does not exist that year).
    pub(crate) fn pick_yearly(&self, of_year: impl Fn(i32) -> Option<Iv>) -> Option<Iv> {
        let today = midnight(self.today());
        let candidates = (self.year() - 4..=self.year() + 4).filter_map(of_year);
        match self.bias {
            Bias::Future => candidates
                .filter(|iv| iv.end > today)
                .min_by_key(|iv| iv.start),
            Bias::Past => candidates
                .filter(|iv| iv.start <= today)
                .max_by_key(|iv| iv.start),
            Bias::Nearest => candidates.min_by_key(|iv| (distance_days(iv, today), iv.start)),
        }
    }

    /// Resolves `e`.
    pub(crate) fn resolve(&self, e: &Expr) -> Option<Iv> {
        match e {
            Expr::Day(n) => Iv::day(add_days(self.today(), *n)?),
            Expr::Tonight => {
                let start = self.today().to_datetime(jiff::civil::time(18, 0, 0, 0));
                Iv::interval(start, midnight(add_days(self.today(), 1)?), Grain::Hour)
            }
            Expr::Date {
                year,
                month,
                day,
                weekday,
            } => self.date(*year, *month, *day, *weekday),
            Expr::DayOfMonth { day, weekday } => self.day_of_month(*day, *weekday),
            Expr::MonthYear { year, month } => {
                Iv::instant(midnight(ymd(*year, *month, 1)?), Grain::Month)
            }
            Expr::Month { month, shift } => self.month(*month, *shift),
            Expr::MonthOf { month, year } => {
                Iv::instant(midnight(ymd(self.year_of(year)?, *month, 1)?), Grain::Month)
            }
            Expr::Year(y) => Iv::instant(midnight(ymd(*y, 1, 1)?), Grain::Year),
            Expr::Decade(y) => {
                let start = midnight(ymd(*y, 1, 1)?);
                Iv::interval(start, shift(start, Grain::Year, 10)?, Grain::Year)
            }
            Expr::Weekday { weekday, shift } => Iv::day(self.weekday(*weekday, *shift)?),
            Expr::Cycle { unit, offset } => {
                let (grain, _) = unit_grain(*unit);
                Iv::instant(shift(truncate(self.now, grain)?, grain, *offset)?, grain)
            }
            Expr::Quarter { n, year } => self.quarter(*n, year.as_deref()),
            Expr::Half { n, year } => self.half(*n, year.as_deref()),
            Expr::Ago { count, unit } => self.ago(*count, *unit),
            Expr::Later {
                count,
                unit,
                from_today,
            } => self.later(*count, *unit, *from_today),
            Expr::LastN {
                count,
                unit,
                forward,
            } => self.last_n(count.value(), *unit, *forward),
            Expr::Within { count, unit } => self.within(count.value(), *unit),
            Expr::EarlierLater { unit, later } => self.earlier_later(*unit, *later),
            Expr::RestOf { unit, all } => self.rest_of(*unit, *all),
            Expr::Weekend { offset } => self.weekend(*offset),
            Expr::Season {
                season,
                year,
                shift,
            } => self.season(*season, *year, *shift),
            Expr::PartOf { part, of } => part_of(*part, &self.resolve(of)?),
            Expr::NthOf { nth, item, of } => nth_of(*nth, *item, &self.resolve(of)?),
            Expr::WeekOf(d) => self.week_of(d),
            Expr::WeekEnded(d) => {
                let last = self.single_day(d)?;
                Iv::days(add_days(last, -6)?, add_days(last, 1)?)
            }
            Expr::Range(a, b) => self.range(a, b),
            Expr::Now => self.now_instant(),
            Expr::TimeOfDay { day, part, clock } => self.time_of_day(day.as_deref(), *part, *clock),
            Expr::ClockRange {
                day,
                part,
                from,
                to,
            } => self.clock_range(day.as_deref(), *part, *from, *to),
            Expr::DayPartOf { day, part } => self.day_part_of(day.as_deref(), *part),
            Expr::By(bound) => self.by(bound),
            Expr::SeasonCycle(k) => self.season_cycle(*k),
            Expr::Lasting { start, count, unit } => {
                let s = self.resolve(start)?;
                if !matches!(s.kind, TimeKind::Instant | TimeKind::OpenAfter) {
                    return None;
                }
                let (grain, per) = unit_grain(*unit);
                let end = shift(s.start, grain, count.checked_mul(per)?.checked_add(1)?)?;
                Iv::interval(s.start, end, grain)
            }
            Expr::WeekdayCount { weekday, n } => self.weekday_count(*weekday, *n),
            Expr::Holiday { rule, shift, year } => self.holiday(*rule, *shift, year.as_deref()),
            Expr::Fiscal(y) => Iv::interval(
                midnight(ymd(y.checked_sub(1)?, 2, 1)?),
                midnight(ymd(y.checked_add(1)?, 1, 1)?),
                Grain::Year,
            ),
            Expr::FirstN {
                n,
                unit,
                from_end,
                of,
            } => {
                let of = match of {
                    Some(e) => self.resolve(e)?,
                    None => self.resolve(&Expr::Cycle {
                        unit: Unit::Year,
                        offset: 0,
                    })?,
                };
                let (grain, per) = unit_grain(*unit);
                let k = n.checked_mul(per)?;
                let (start, end) = if *from_end {
                    (shift(of.end, grain, -k)?, of.end)
                } else {
                    (of.start, shift(of.start, grain, k)?)
                };
                (start >= of.start && end <= of.end).then_some(())?;
                Iv::interval(start, end, grain)
            }
            Expr::Ended {
                count,
                unit,
                end,
                starts,
                ..
            } => {
                let e = self.resolve(end)?;
                e.is_closed().then_some(())?;
                let (grain, per) = unit_grain(*unit);
                let n = count.checked_mul(per)?;
                if *starts {
                    return Iv::interval(e.start, shift(e.start, grain, n)?, Grain::Day);
                }
                let start = shift(e.end, grain, -n)?;
                Iv::interval(start, e.end, Grain::Day)
            }
            Expr::SoFar(unit) => {
                let (grain, _) = unit_grain(*unit);
                Iv::interval(
                    truncate(self.now, grain)?,
                    midnight(add_days(self.today(), 1)?),
                    Grain::Day,
                )
            }
            Expr::WithinThe(unit) => {
                let (grain, _) = unit_grain(*unit);
                Iv::interval(
                    midnight(self.today()),
                    shift(truncate(self.now, grain)?, grain, 1)?,
                    Grain::Day,
                )
            }
            Expr::Ahead(e) => Ctx {
                bias: Bias::Future,
                ..*self
            }
            .resolve(e),
            Expr::SmallHours => {
                // After midnight: today's when reading the past, else the next.
                let day = if self.bias == Bias::Future && self.now > midnight(self.today()) {
                    add_days(self.today(), 1)?
                } else {
                    self.today()
                };
                let start = midnight(day);
                Iv::interval(start, shift(start, Grain::Hour, 1)?, Grain::Hour)
            }
            Expr::EarlierToday => {
                let start = midnight(self.today());
                if self.now == start {
                    Iv::day(self.today())
                } else {
                    Iv::interval(start, self.now, Grain::Second)
                }
            }
            Expr::Antecedent(..) | Expr::AntecedentIn(..) => None,
            Expr::YearPeriod(year, _) => self.resolve(&Expr::Year(*year)),
            Expr::Preceding { unit, own: true } => self.resolve(&Expr::Cycle {
                unit: *unit,
                offset: -1,
            }),
            Expr::Preceding { own: false, .. } => None,
            Expr::PrecedingN { count, unit } => self.resolve(&Expr::LastN {
                count: Count::Exact(*count),
                unit: *unit,
                forward: false,
            }),
            Expr::Open { direction, bound } => {
                let b = self.resolve(bound)?;
                let kind = match direction {
                    Direction::After => TimeKind::OpenAfter,
                    Direction::Before | Direction::Through => TimeKind::OpenBefore,
                };
                // "until the end of the year": up to its end.
                let to_end = *direction == Direction::Through
                    || *direction == Direction::Before
                        && matches!(
                            **bound,
                            Expr::PartOf {
                                part: Part::End,
                                ..
                            }
                        );
                let start = if to_end { b.end } else { b.start };
                b.is_closed().then_some(Iv { kind, start, ..b })
            }
        }
    }

    /// The single day an expression names, if it names one.
    fn single_day(&self, e: &Expr) -> Option<Date> {
        let iv = self.resolve(e)?;
        (iv.grain == Grain::Day && iv.kind == TimeKind::Instant).then(|| iv.start.date())
    }

    /// A month and day, with the year given or chosen by bias; a weekday
    /// written next to a yearless date picks the nearest year it fits.
    fn date(&self, year: Option<i32>, month: i8, day: i8, weekday: Option<Weekday>) -> Option<Iv> {
        if let Some(y) = year {
            return Iv::day(ymd(y, month, day)?);
        }
        let of_year = |y| Iv::day(ymd(y, month, day)?);
        let picked = self.pick_yearly(of_year)?;
        let Some(wd) = weekday else {
            return Some(picked);
        };
        if picked.start.date().weekday() == wd {
            return Some(picked);
        }
        let today = midnight(self.today());
        (self.year() - 1..=self.year() + 1)
            .filter_map(of_year)
            .filter(|iv| iv.start.date().weekday() == wd)
            .min_by_key(|iv| (distance_days(iv, today), iv.start))
            .or(Some(picked))
    }

    /// "the 19th" (of the month chosen by bias), "Tuesday the 19th" (of a
    /// month where the 19th is a Tuesday).
    fn day_of_month(&self, day: i8, weekday: Option<Weekday>) -> Option<Iv> {
        let first = self.today().first_of_month();
        let today = self.today();
        let candidates = (-14..=14i64).filter_map(|k| {
            let m = first
                .checked_add(jiff::Span::new().try_months(k).ok()?)
                .ok()?;
            let d = ymd(i32::from(m.year()), m.month(), day)?;
            weekday.is_none_or(|wd| d.weekday() == wd).then_some(d)
        });
        let d = match self.bias {
            Bias::Future => candidates.filter(|d| *d >= today).min(),
            Bias::Past => candidates.filter(|d| *d <= today).max(),
            Bias::Nearest => candidates.min_by_key(|d| ((*d - today).get_days().abs(), *d)),
        }?;
        Iv::day(d)
    }

    /// A month without a year.
    fn month(&self, month: i8, shift_by: Shift) -> Option<Iv> {
        let of_year = |y| Iv::instant(midnight(ymd(y, month, 1)?), Grain::Month);
        let this_month = truncate(self.now, Grain::Month)?;
        let later = |n: i64| {
            let start = (self.year()..=self.year() + 1)
                .filter_map(of_year)
                .find(|iv| iv.start > this_month)?
                .start;
            Iv::instant(shift(start, Grain::Year, n)?, Grain::Month)
        };
        match shift_by {
            Shift::Bare => self.pick_yearly(of_year),
            Shift::This => of_year(self.year()),
            Shift::Next => later(0),
            Shift::AfterNext => later(1),
            Shift::Last => (self.year() - 1..=self.year())
                .rev()
                .filter_map(of_year)
                .find(|iv| iv.start < this_month),
            Shift::InYears(n) => {
                let iv = Ctx {
                    bias: Bias::Future,
                    ..*self
                }
                .pick_yearly(of_year)?;
                Iv::instant(shift(iv.start, Grain::Year, n)?, Grain::Month)
            }
            Shift::OfWeek(_) => None,
        }
    }

    /// A weekday, by shift and bias.
    fn weekday(&self, wd: Weekday, shift_by: Shift) -> Option<Date> {
        let today = self.today();
        let ahead = days_until(today.weekday(), wd);
        let in_week = |weeks: i64| {
            add_days(
                week_start(today)?,
                7 * weeks + days_until(Weekday::Monday, wd),
            )
        };
        let future = || add_days(today, if ahead == 0 { 7 } else { ahead });
        match shift_by {
            Shift::Bare => match self.bias {
                Bias::Future => future(),
                Bias::Past => add_days(today, -days_until(wd, today.weekday())),
                Bias::Nearest => add_days(today, if ahead <= 3 { ahead } else { ahead - 7 }),
            },
            Shift::This if self.bias == Bias::Future => future(),
            Shift::This => in_week(0),
            Shift::Next => in_week(1),
            Shift::Last => {
                let back = days_until(wd, today.weekday());
                add_days(today, -(if back == 0 { 7 } else { back }))
            }
            Shift::AfterNext => add_days(future()?, 7),
            Shift::OfWeek(k) => in_week(k),
            Shift::InYears(_) => None,
        }
    }

    /// "third quarter", "4th quarter 2018".
    fn quarter(&self, n: i8, year: Option<&Expr>) -> Option<Iv> {
        let of_year = |y| Iv::instant(midnight(ymd(y, (n - 1) * 3 + 1, 1)?), Grain::Quarter);
        match year {
            Some(e) => of_year(self.year_of(e)?),
            None if self.bias == Bias::Future => of_year(self.year()),
            None => self.pick_yearly(of_year),
        }
    }

    /// "the second half of 1986".
    fn half(&self, n: i8, year: Option<&Expr>) -> Option<Iv> {
        let of_year = |y| {
            let start = midnight(ymd(y, (n - 1) * 6 + 1, 1)?);
            Iv::interval(start, shift(start, Grain::Month, 6)?, Grain::Month)
        };
        match year {
            Some(e) => of_year(self.year_of(e)?),
            None if self.bias == Bias::Future => of_year(self.year()),
            None => self.pick_yearly(of_year),
        }
    }

    /// The year a year expression ("1986", "next year") names.
    fn year_of(&self, e: &Expr) -> Option<i32> {
        let iv = self.resolve(e)?;
        (iv.grain == Grain::Year).then(|| i32::from(iv.start.year()))
    }

    /// "three weeks ago" (one instant, one grain finer than the unit);
    /// "a few days ago" (two to five units back, as days).
    fn ago(&self, count: Count, unit: Unit) -> Option<Iv> {
        let (grain, per) = unit_grain(unit);
        match count {
            Count::Exact(n) => {
                let t = shift(self.now, grain, -n.checked_mul(per)?)?;
                let fine = finer(grain);
                Iv::instant(truncate(t, fine)?, fine)
            }
            Count::Few => {
                let first = shift(self.now, grain, -5 * per)?.date();
                let last = shift(self.now, grain, -2 * per)?.date();
                Iv::days(first, add_days(last, 1)?)
            }
        }
    }

    /// "in 7 days" (one grain finer), "3 years from today" (day grain).
    fn later(&self, count: Count, unit: Unit, from_today: bool) -> Option<Iv> {
        let (grain, per) = unit_grain(unit);
        let n = count.value().checked_mul(per)?;
        if from_today {
            return Iv::instant(shift(midnight(self.today()), grain, n)?, Grain::Day);
        }
        let fine = finer(grain);
        Iv::instant(truncate(shift(self.now, grain, n)?, fine)?, fine)
    }

    /// "last 2 weeks" (the two whole weeks before this one), "next 3 days".
    fn last_n(&self, n: i64, unit: Unit, forward: bool) -> Option<Iv> {
        let (grain, per) = unit_grain(unit);
        let n = n.checked_mul(per)?;
        let base = truncate(self.now, grain)?;
        if n < 1 {
            return None;
        }
        if forward {
            Iv::interval(shift(base, grain, 1)?, shift(base, grain, n + 1)?, grain)
        } else {
            Iv::interval(shift(base, grain, -n)?, base, grain)
        }
    }

    /// "the past two years" read as a span rolling back from today (the 24
    /// months to today, today included), "over the next two years" as one
    /// rolling forward from today: the reading other than [`Ctx::last_n`]'s
    /// whole calendar units, as `(start, exclusive end)`.
    pub(crate) fn rolling(&self, e: &Expr) -> Option<(DateTime, DateTime)> {
        let Expr::LastN {
            count,
            unit,
            forward,
        } = e
        else {
            return None;
        };
        let (grain, per) = unit_grain(*unit);
        let n = count.value().checked_mul(per)?;
        let today = midnight(self.today());
        let tomorrow = shift(today, Grain::Day, 1)?;
        if n < 1 {
            None
        } else if *forward {
            Some((today, shift(tomorrow, grain, n)?))
        } else {
            Some((shift(today, grain, -n)?, tomorrow))
        }
    }

    /// "within 30 days": from today on (back from today under past bias).
    fn within(&self, n: i64, unit: Unit) -> Option<Iv> {
        let (grain, per) = unit_grain(unit);
        let today = midnight(self.today());
        let n = n.checked_mul(per)?;
        match self.bias {
            Bias::Past => Iv::interval(
                shift(today, grain, -n)?,
                shift(today, Grain::Day, 1)?,
                Grain::Day,
            ),
            _ => Iv::interval(today, shift(today, grain, n)?, Grain::Day),
        }
    }

    /// "earlier this month": from the start of the unit to yesterday;
    /// "later this week": from tomorrow to the end of the unit. When that
    /// is empty (earlier on the unit's first day), today is included.
    fn earlier_later(&self, unit: Unit, later: bool) -> Option<Iv> {
        let (grain, _) = unit_grain(unit);
        let (start, end) = period(self.now, grain)?;
        let today = midnight(self.today());
        let tomorrow = shift(today, Grain::Day, 1)?;
        if later {
            Iv::interval(tomorrow, end, Grain::Day).or_else(|| Iv::interval(today, end, Grain::Day))
        } else {
            Iv::interval(start, today, Grain::Day)
                .or_else(|| Iv::interval(start, tomorrow, Grain::Day))
        }
    }

    /// "rest of the week", "all week". Duckling ends a week here at Sunday
    /// 00:00 (Monday–Saturday); months and years end at their real end.
    fn rest_of(&self, unit: Unit, all: bool) -> Option<Iv> {
        let (grain, _) = unit_grain(unit);
        let (start, mut end) = period(self.now, grain)?;
        if grain == Grain::Week {
            end = shift(end, Grain::Day, -1)?;
        }
        let start = if all { start } else { midnight(self.today()) };
        Iv::interval(start, end, Grain::Day)
    }

    /// A weekend: Friday 18:00 to Monday 00:00 of the week `offset` weeks
    /// from this one; a bare "the weekend" by bias.
    fn weekend(&self, offset: Option<i64>) -> Option<Iv> {
        let dow = self.today().weekday().to_monday_zero_offset();
        let k = offset.unwrap_or(match self.bias {
            Bias::Future => 0,
            Bias::Past => -i64::from(dow < 5),
            Bias::Nearest => -i64::from(dow < 3),
        });
        let monday = add_days(week_start(self.today())?, 7 * k)?;
        weekend_from_saturday(add_days(monday, 5)?)
    }

    /// A season in a year, or shifted from today.
    fn season(&self, season: Season, year: Option<i32>, shift_by: Shift) -> Option<Iv> {
        if let Some(y) = year {
            return season_of_year(season, y);
        }
        let today = midnight(self.today());
        let all = || (self.year() - 2..=self.year() + 2).filter_map(|y| season_of_year(season, y));
        match shift_by {
            Shift::Next => all()
                .filter(|iv| iv.start > today)
                .min_by_key(|iv| iv.start),
            Shift::Last => all().filter(|iv| iv.end <= today).max_by_key(|iv| iv.start),
            Shift::This => all()
                .find(|iv| iv.start <= today && today < iv.end)
                .or_else(|| self.pick_yearly(|y| season_of_year(season, y))),
            _ => self.pick_yearly(|y| season_of_year(season, y)),
        }
    }

    /// "the week of October 6th": the week holding that day, or the next
    /// one when the day is a Sunday (US weeks start on Sunday; Duckling
    /// gives the following Monday's week).
    fn week_of(&self, e: &Expr) -> Option<Iv> {
        let mut d = self.single_day(e)?;
        if d.weekday() == Weekday::Sunday {
            d = add_days(d, 1)?;
        }
        Iv::instant(midnight(week_start(d)?), Grain::Week)
    }

    /// "July 13-15", "January 1980 to May 1985": from the first start to the
    /// second end; a yearless end takes the year of the start (the next
    /// year when it would fall before it), and the reverse.
    fn range(&self, a: &Expr, b: &Expr) -> Option<Iv> {
        let (a, b) = match (explicit_year(a), explicit_year(b)) {
            (None, Some(y)) => {
                let a1 = with_year(a, y)?;
                let a_iv = self.resolve(&a1)?;
                let b_iv = self.resolve(b)?;
                let a1 = if a_iv.start > b_iv.start {
                    with_year(a, y - 1)?
                } else {
                    a1
                };
                (self.resolve(&a1)?, b_iv)
            }
            _ => {
                let a_iv = self.resolve(a)?;
                let b_iv = self.range_end(&a_iv, b)?;
                (a_iv, b_iv)
            }
        };
        if !(a.is_closed() && b.is_closed()) {
            return None;
        }
        Iv::interval(a.start, b.end, a.grain.min(b.grain))
    }

    /// The end of a range whose start is resolved.
    fn range_end(&self, a: &Iv, b: &Expr) -> Option<Iv> {
        if let Expr::Weekday {
            weekday,
            shift: Shift::Bare,
        } = b
        {
            let start = a.start.date();
            return Iv::day(add_days(start, days_until(start.weekday(), *weekday))?);
        }
        if explicit_year(b).is_some() || !needs_year(b) {
            return self.resolve(b);
        }
        let y = i32::from(a.start.year());
        let b_iv = self.resolve(&with_year(b, y)?)?;
        // Only a later month can wrap into the next year ("December 30 to
        // January 2"); "July 15-13" is simply not a range.
        if b_iv.start < a.start && b_iv.start.month() < a.start.month() {
            self.resolve(&with_year(b, y + 1)?)
        } else {
            Some(b_iv)
        }
    }
}

/// Days between an interval and a day (0 when it contains it).
fn distance_days(iv: &Iv, today: DateTime) -> i64 {
    if iv.start > today {
        (iv.start.date() - today.date()).get_days().into()
    } else if iv.end <= today {
        (today.date() - iv.end.date()).get_days() as i64 + 1
    } else {
        0
    }
}

/// The year written in a date-like expression.
fn explicit_year(e: &Expr) -> Option<i32> {
    match e {
        Expr::Date { year: Some(y), .. } | Expr::MonthYear { year: y, .. } | Expr::Year(y) => {
            Some(*y)
        }
        _ => None,
    }
}

/// Whether `e` is a date or month that a range may give a year.
fn needs_year(e: &Expr) -> bool {
    matches!(
        e,
        Expr::Date { year: None, .. }
            | Expr::Month {
                shift: Shift::Bare,
                ..
            }
    )
}

/// `e` with its missing year filled in.
fn with_year(e: &Expr, year: i32) -> Option<Expr> {
    match e {
        Expr::Date {
            year: None,
            month,
            day,
            weekday,
        } => Some(Expr::Date {
            year: Some(year),
            month: *month,
            day: *day,
            weekday: *weekday,
        }),
        Expr::Month {
            month,
            shift: Shift::Bare,
        } => Some(Expr::MonthYear {
            year,
            month: *month,
        }),
        other => Some(other.clone()),
    }
}

/// Friday 18:00 before `saturday` to the Monday after it, hour grain.
fn weekend_from_saturday(saturday: Date) -> Option<Iv> {
    let start = add_days(saturday, -1)?.to_datetime(jiff::civil::time(18, 0, 0, 0));
    Iv::interval(start, midnight(add_days(saturday, 2)?), Grain::Hour)
}

/// Astronomical seasons as Duckling dates them (winter runs into `year + 1`).
/// The first days of spring, summer, fall and winter (as [`season_of_year`]).
const SEASON_STARTS: [(i8, i8); 4] = [(3, 20), (6, 21), (9, 23), (12, 21)];

impl Ctx {
    /// "this season", "last season": the season holding today, shifted by
    /// `k`, ending the day before the next one starts (Duckling's cycle).
    fn season_cycle(&self, k: i64) -> Option<Iv> {
        let starts: Vec<Date> = (self.year() - 2..=self.year() + 2)
            .flat_map(|y| {
                SEASON_STARTS
                    .iter()
                    .filter_map(move |(m, d)| ymd(y, *m, *d))
            })
            .collect();
        let today = self.today();
        let here = starts.iter().rposition(|d| *d <= today)?;
        let j = usize::try_from(i64::try_from(here).ok()? + k).ok()?;
        let next = *starts.get(j + 1)?;
        Iv::days(*starts.get(j)?, add_days(next, -1)?)
    }

    /// "3 fridays from now", "2 thursdays ago".
    fn weekday_count(&self, wd: Weekday, n: i64) -> Option<Iv> {
        let today = self.today();
        let d = if n > 0 {
            let ahead = days_until(today.weekday(), wd);
            let first = if ahead == 0 { 7 } else { ahead };
            add_days(today, first + 7 * (n - 1))?
        } else if n < 0 {
            let back = days_until(wd, today.weekday());
            let first = if back == 0 { 7 } else { back };
            add_days(today, -(first + 7 * (-n - 1)))?
        } else {
            return None;
        };
        Iv::day(d)
    }
}

fn season_of_year(season: Season, year: i32) -> Option<Iv> {
    let (start, end) = match season {
        Season::Spring => (ymd(year, 3, 20)?, ymd(year, 6, 21)?),
        Season::Summer => (ymd(year, 6, 21)?, ymd(year, 9, 24)?),
        Season::Fall => (ymd(year, 9, 23)?, ymd(year, 12, 21)?),
        Season::Winter => (ymd(year, 12, 21)?, ymd(year + 1, 3, 21)?),
    };
    Iv::days(start, end)
}

/// early / mid / late part of a resolved period.
fn part_of(part: Part, of: &Iv) -> Option<Iv> {
    if !of.is_closed() {
        return None;
    }
    let (start, end) = (of.start, of.end);
    let years = i64::from(end.year()) - i64::from(start.year());
    let at = |grain, n| shift(start, grain, n);
    match (of.grain, part) {
        // A decade: "the early 1980s" = its first years.
        (Grain::Year, _) if years == 10 => match part {
            Part::Beginning | Part::Early => Iv::interval(start, at(Grain::Year, 4)?, Grain::Year),
            Part::Mid => Iv::interval(at(Grain::Year, 4)?, at(Grain::Year, 7)?, Grain::Year),
            Part::Late | Part::End => Iv::interval(at(Grain::Year, 7)?, end, Grain::Year),
        },
        // Duckling: the beginning of a year is January–March, its end
        // September–December.
        (Grain::Year, Part::Beginning | Part::Early) => {
            Iv::interval(start, at(Grain::Month, 3)?, Grain::Month)
        }
        (Grain::Year, Part::Mid) => {
            Iv::interval(at(Grain::Month, 4)?, at(Grain::Month, 8)?, Grain::Month)
        }
        (Grain::Year, Part::Late | Part::End) => {
            Iv::interval(at(Grain::Month, 8)?, end, Grain::Month)
        }
        (Grain::Quarter, _) => {
            let k = match part {
                Part::Beginning | Part::Early => 0,
                Part::Mid => 1,
                Part::Late | Part::End => 2,
            };
            Iv::instant(at(Grain::Month, k)?, Grain::Month)
        }
        // Months in thirds: days 1–10, 11–20, 21–end.
        (Grain::Month, Part::Beginning | Part::Early) => {
            Iv::interval(start, at(Grain::Day, 10)?, Grain::Day)
        }
        (Grain::Month, Part::Mid) => {
            Iv::interval(at(Grain::Day, 10)?, at(Grain::Day, 20)?, Grain::Day)
        }
        (Grain::Month, Part::Late | Part::End) => {
            Iv::interval(at(Grain::Day, 20)?, end, Grain::Day)
        }
        // Weeks: Monday–Wednesday, Wednesday, Friday–Sunday.
        (Grain::Week, Part::Beginning | Part::Early) => {
            Iv::interval(start, at(Grain::Day, 3)?, Grain::Day)
        }
        (Grain::Week, Part::Mid) => {
            Iv::interval(at(Grain::Day, 2)?, at(Grain::Day, 3)?, Grain::Day)
        }
        (Grain::Week, Part::Late | Part::End) => Iv::interval(at(Grain::Day, 4)?, end, Grain::Day),
        _ => None,
    }
}

/// The Nth weekday / day / week / weekend inside a resolved period. Weeks
/// count only when wholly inside it (Duckling: "last week of September
/// 2014" is the week of the 22nd, not the 29th).
fn nth_of(nth: Nth, item: Item, of: &Iv) -> Option<Iv> {
    if !of.is_closed()
        || !matches!(
            of.grain,
            Grain::Week | Grain::Month | Grain::Quarter | Grain::Year
        )
    {
        return None;
    }
    let first = of.start.date();
    let end = of.end.date();
    let (k, from_end) = match nth {
        Nth::First(k) => (i64::from(k), false),
        Nth::Last(k) => (i64::from(k), true),
    };
    if k < 1 {
        return None;
    }
    // The first and last day an item may start on, and its step.
    let (lo, hi, step, last_len) = match item {
        Item::Day => (first, add_days(end, -1)?, 1, 1),
        Item::Weekday(wd) => {
            let lo = add_days(first, days_until(first.weekday(), wd))?;
            let last = add_days(end, -1)?;
            (lo, add_days(last, -days_until(wd, last.weekday()))?, 7, 1)
        }
        Item::Week => {
            let lo = add_days(first, days_until(first.weekday(), Weekday::Monday))?;
            let last_monday = week_start(add_days(end, -1)?)?;
            let hi = if add_days(last_monday, 7)? <= end {
                last_monday
            } else {
                add_days(last_monday, -7)?
            };
            (lo, hi, 7, 7)
        }
        Item::Weekend => {
            let lo = add_days(first, days_until(first.weekday(), Weekday::Saturday))?;
            let last = add_days(end, -1)?;
            (
                lo,
                add_days(last, -days_until(Weekday::Saturday, last.weekday()))?,
                7,
                0,
            )
        }
    };
    let d = if from_end {
        add_days(hi, -(k - 1) * step)?
    } else {
        add_days(lo, (k - 1) * step)?
    };
    if d < lo || d > hi {
        return None;
    }
    match (item, last_len) {
        (Item::Weekend, _) => weekend_from_saturday(d),
        (Item::Week, _) => Iv::instant(midnight(d), Grain::Week),
        _ => Iv::day(d),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::temporal::grammar::phrase;
    use jiff::civil::date;

    fn at(bias: Bias, now: DateTime, text: &str) -> Option<(Date, Date, Grain)> {
        let (rest, p) = phrase(text).ok()?;
        assert!(rest.trim().is_empty(), "{text}: left {rest:?}");
        let iv = Ctx { now, bias }.resolve(&p.expr)?;
        Some((
            iv.start.date(),
            add_days(
                iv.end.date(),
                if iv.end.time() == jiff::civil::Time::midnight() {
                    -1
                } else {
                    0
                },
            )?,
            iv.grain,
        ))
    }

    /// Duckling's reference: Tuesday 2013-02-12 04:30.
    fn duck(text: &str) -> Option<(Date, Date, Grain)> {
        at(Bias::Future, date(2013, 2, 12).at(4, 30, 0, 0), text)
    }

    fn news(text: &str) -> Option<(Date, Date, Grain)> {
        at(Bias::Past, date(2023, 6, 18).at(0, 0, 0, 0), text)
    }

    #[test]
    fn bare_weekday_follows_bias() {
        assert_eq!(duck("tuesday").unwrap().0, date(2013, 2, 19));
        assert_eq!(news("Friday").unwrap().0, date(2023, 6, 16));
        assert_eq!(news("Sunday").unwrap().0, date(2023, 6, 18));
    }

    #[test]
    fn shifted_weekdays() {
        assert_eq!(duck("next wednesday").unwrap().0, date(2013, 2, 20));
        assert_eq!(duck("last tuesday").unwrap().0, date(2013, 2, 5));
        assert_eq!(duck("last sunday").unwrap().0, date(2013, 2, 10));
        assert_eq!(duck("friday after next").unwrap().0, date(2013, 2, 22));
    }

    #[test]
    fn yearless_dates_follow_bias() {
        assert_eq!(duck("february 10").unwrap().0, date(2014, 2, 10));
        assert_eq!(duck("Sunday, Feb 10").unwrap().0, date(2013, 2, 10));
        assert_eq!(news("in November").unwrap().0, date(2022, 11, 1));
    }

    #[test]
    fn months_next_and_after_next() {
        assert_eq!(duck("next March").unwrap().0, date(2013, 3, 1));
        assert_eq!(duck("March after next").unwrap().0, date(2014, 3, 1));
        assert_eq!(duck("last March").unwrap().0, date(2012, 3, 1));
    }

    #[test]
    fn ago_has_finer_grain() {
        let (d, _, g) = duck("7 days ago").unwrap();
        assert_eq!((d, g), (date(2013, 2, 5), Grain::Hour));
        assert_eq!(duck("two years ago").unwrap().2, Grain::Month);
        assert_eq!(
            news("a few days ago"),
            Some((date(2023, 6, 13), date(2023, 6, 16), Grain::Day))
        );
    }

    #[test]
    fn parts_of_months_years_weeks() {
        assert_eq!(
            duck("late March"),
            Some((date(2013, 3, 21), date(2013, 3, 31), Grain::Day))
        );
        assert_eq!(
            duck("end of 2012"),
            Some((date(2012, 9, 1), date(2012, 12, 31), Grain::Month))
        );
        assert_eq!(
            duck("end of this week"),
            Some((date(2013, 2, 15), date(2013, 2, 17), Grain::Day))
        );
        assert_eq!(
            news("the late 1980s"),
            Some((date(1987, 1, 1), date(1989, 12, 31), Grain::Year))
        );
    }

    #[test]
    fn nth_items_of_periods() {
        assert_eq!(
            duck("last week of september 2014").unwrap().0,
            date(2014, 9, 22)
        );
        assert_eq!(
            duck("first week of october 2014").unwrap().0,
            date(2014, 10, 6)
        );
        assert_eq!(duck("fifth last day of May").unwrap().0, date(2013, 5, 27));
        assert_eq!(
            duck("first tuesday of last month").unwrap().0,
            date(2013, 1, 1)
        );
        assert_eq!(
            duck("last weekend of October").unwrap().0,
            date(2013, 10, 25)
        );
        assert_eq!(duck("sixth monday of october"), None);
    }

    #[test]
    fn ranges_fill_years() {
        assert_eq!(
            news("June 18-19"),
            Some((date(2023, 6, 18), date(2023, 6, 19), Grain::Day))
        );
        assert_eq!(
            news("December 30 to January 2, 2023").unwrap().0,
            date(2022, 12, 30)
        );
        assert_eq!(
            news("from Monday to Friday"),
            Some((date(2023, 6, 12), date(2023, 6, 16), Grain::Day))
        );
        assert_eq!(news("July 15-13"), None);
    }

    #[test]
    fn open_intervals_keep_the_bound() {
        let iv = Ctx {
            now: date(2023, 6, 18).at(0, 0, 0, 0),
            bias: Bias::Past,
        }
        .resolve(&phrase("since 2018").unwrap().1.expr)
        .unwrap();
        assert_eq!(
            (iv.kind, iv.start.date()),
            (TimeKind::OpenAfter, date(2018, 1, 1))
        );
    }

    #[test]
    fn earlier_and_later_this_unit() {
        assert_eq!(
            news("earlier this month"),
            Some((date(2023, 6, 1), date(2023, 6, 17), Grain::Day))
        );
        assert_eq!(
            news("later this month"),
            Some((date(2023, 6, 19), date(2023, 6, 30), Grain::Day))
        );
    }

    #[test]
    fn quarters_by_bias() {
        let feb87 = date(1987, 2, 26).at(0, 0, 0, 0);
        assert_eq!(
            at(Bias::Past, feb87, "the fourth quarter").unwrap().0,
            date(1986, 10, 1)
        );
        assert_eq!(
            at(Bias::Future, feb87, "the fourth quarter").unwrap().0,
            date(1987, 10, 1)
        );
        assert_eq!(
            at(Bias::Nearest, feb87, "the fourth quarter").unwrap().0,
            date(1986, 10, 1)
        );
    }
}
