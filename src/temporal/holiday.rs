//! Holidays whose dates follow from a rule we can compute: fixed dates
//! (Christmas), the nth weekday of a month (Thanksgiving), days counted
//! from Western or Orthodox Easter (computus, no tables), and a few
//! moved-off-the-weekend dates. Holidays of lunar or lunisolar calendars
//! (Ramadan, Diwali, Chinese New Year, Hanukkah) need tables we do not
//! ship, so they are not read at all rather than guessed.

use jiff::civil::{Date, Weekday};

use super::ast::{Expr, Shift};
use super::calendar::{add_days, days_until, midnight, ymd};
use super::resolve::{Ctx, Iv};
use super::{Bias, Grain};

/// How a holiday's date is found in a given year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum HolidayRule {
    /// Month and day.
    Fixed(i8, i8),
    /// The `n`th weekday of a month (`n` < 0 counts from the end), plus
    /// some days ("black friday": the day after Thanksgiving).
    Nth {
        month: i8,
        weekday: Weekday,
        n: i8,
        plus: i8,
    },
    /// Days from Western Easter Sunday.
    Easter(i16),
    /// Days from Orthodox Easter Sunday.
    Orthodox(i16),
    /// `[Easter + a, Easter + b)` ("lent").
    EasterSpan(i16, i16),
    /// `[Orthodox Easter + a, + b)` ("great fast").
    OrthodoxSpan(i16, i16),
    /// A fixed date moved to Friday when on a Saturday and to Monday when
    /// on a Sunday (Boss's Day).
    NearestWeekday(i8, i8),
    /// A fixed date moved back a day when on a Sunday (King's Day).
    SundayBack(i8, i8),
}

/// Western Easter Sunday (anonymous Gregorian algorithm).
pub(crate) fn easter(y: i32) -> Option<Date> {
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    ymd(y, i8::try_from(month).ok()?, i8::try_from(day).ok()?)
}

/// Orthodox Easter Sunday (Meeus' Julian algorithm, as a Gregorian date).
pub(crate) fn orthodox_easter(y: i32) -> Option<Date> {
    let a = y % 4;
    let b = y % 7;
    let c = y % 19;
    let d = (19 * c + 15) % 30;
    let e = (2 * a + 4 * b - d + 34) % 7;
    let month = (d + e + 114) / 31;
    let day = (d + e + 114) % 31 + 1;
    let julian = ymd(y, i8::try_from(month).ok()?, i8::try_from(day).ok()?)?;
    // The Julian calendar's lag: 13 days in 1900–2099, one more per
    // century not divisible by 400 since.
    let lag = y / 100 - y / 400 - 2;
    add_days(julian, i64::from(lag))
}

#[test]
fn easter_dates() {
    assert_eq!(easter(2013), ymd(2013, 3, 31));
    assert_eq!(easter(2010), ymd(2010, 4, 4));
    assert_eq!(orthodox_easter(2018), ymd(2018, 4, 8));
    assert_eq!(orthodox_easter(2020), ymd(2020, 4, 19));
}

/// The `n`th `wd` of a month (`n` < 0: from the end).
fn nth_weekday(y: i32, month: i8, wd: Weekday, n: i8) -> Option<Date> {
    if n > 0 {
        let first = ymd(y, month, 1)?;
        add_days(
            first,
            days_until(first.weekday(), wd) + 7 * i64::from(n - 1),
        )
    } else {
        let last = ymd(y, month, 1)?.last_of_month();
        add_days(last, -days_until(wd, last.weekday()) + 7 * i64::from(n + 1))
    }
}

impl HolidayRule {
    /// The holiday in year `y`.
    pub(crate) fn of_year(self, y: i32) -> Option<Iv> {
        let day = |d: Date| Iv::instant(midnight(d), Grain::Day);
        let span = |d: Date, a: i16, b: i16| {
            Iv::interval(
                midnight(add_days(d, a.into())?),
                midnight(add_days(d, b.into())?),
                Grain::Day,
            )
        };
        match self {
            HolidayRule::Fixed(m, d) => day(ymd(y, m, d)?),
            HolidayRule::Nth {
                month,
                weekday,
                n,
                plus,
            } => day(add_days(nth_weekday(y, month, weekday, n)?, plus.into())?),
            HolidayRule::Easter(k) => day(add_days(easter(y)?, k.into())?),
            HolidayRule::Orthodox(k) => day(add_days(orthodox_easter(y)?, k.into())?),
            HolidayRule::EasterSpan(a, b) => span(easter(y)?, a, b),
            HolidayRule::OrthodoxSpan(a, b) => span(orthodox_easter(y)?, a, b),
            HolidayRule::NearestWeekday(m, d) => {
                let date = ymd(y, m, d)?;
                let moved = match date.weekday() {
                    Weekday::Saturday => -1,
                    Weekday::Sunday => 1,
                    _ => 0,
                };
                day(add_days(date, moved)?)
            }
            HolidayRule::SundayBack(m, d) => {
                let date = ymd(y, m, d)?;
                let moved = if date.weekday() == Weekday::Sunday {
                    -1
                } else {
                    0
                };
                day(add_days(date, moved)?)
            }
        }
    }
}

impl Ctx {
    /// A holiday: in the year an expression names, or shifted, or by bias.
    pub(crate) fn holiday(
        &self,
        rule: HolidayRule,
        shift_by: Shift,
        year: Option<&Expr>,
    ) -> Option<Iv> {
        if let Some(e) = year {
            let y = i32::from(self.resolve(e)?.start.year());
            return rule.of_year(y);
        }
        let today = midnight(self.today());
        let years = || (self.year() - 2..=self.year() + 2).filter_map(|y| rule.of_year(y));
        match shift_by {
            Shift::Bare if self.bias != Bias::Future => self.pick_yearly(|y| rule.of_year(y)),
            Shift::Bare | Shift::This | Shift::Next => years()
                .filter(|iv| iv.end > today)
                .min_by_key(|iv| iv.start),
            Shift::Last => years()
                .filter(|iv| iv.end <= today)
                .max_by_key(|iv| iv.start),
            _ => None,
        }
    }
}
