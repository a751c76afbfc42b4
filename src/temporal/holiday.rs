//! Holidays whose dates follow from a rule we can compute: fixed dates
//! (Christmas), the nth weekday of a month (Thanksgiving), days counted
//! from Western or Orthodox Easter (computus, no tables), and a few
//! moved-off-the-weekend dates, and the holidays of lunar, lunisolar
//! and sidereal calendars (Ramadan, Diwali, Chinese New Year, Hanukkah,
//! Pongal), computed by [`super::lunar`] from the positions of the Sun
//! and the Moon.

use std::cell::RefCell;
use std::collections::HashMap;

use jiff::civil::{Date, Weekday};

use super::ast::{Expr, Shift};
use super::calendar::{add_days, days_until, midnight, ymd};
use super::lunar::{self, HebrewMove, Observance};
use super::resolve::{Ctx, Iv};
use super::{Bias, Grain};

/// How a holiday's date is found in a given year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
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
    /// Hebrew month and day, moved as the holiday's rule says; observed
    /// from the evening before, so (as Duckling) dated from the day before,
    /// `len` days long (1: one day).
    Hebrew {
        month: i8,
        day: i8,
        len: i8,
        moves: HebrewMove,
    },
    /// Islamic month and day.
    Islamic(i8, i8),
    /// A whole Islamic month (Ramadan).
    IslamicMonth(i8),
    /// The last Friday before the first of Islamic month `0` (Jumu'atul-Wida:
    /// the last Friday of Ramadan).
    LastFridayBefore(i8),
    ChineseNewYear,
    /// Tithi `tithi` of amanta month `month` (0 = Chaitra), observed at
    /// `at`, plus some days (Holi: the day after Holika Dahan).
    Tithi {
        month: i8,
        tithi: i8,
        at: Observance,
        plus: i8,
    },
    /// Navaratri: from Ashvin's first tithi to Vijayadashami, inclusive.
    Navaratri,
    /// The day the Sun enters a sidereal sign (0 = Aries), plus some days.
    Sankranti(i8, i8),
    Onam,
    RabindraJayanti,
    ParsiNewYear,
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

thread_local! {
    /// Dates of the holidays found from the Sun and the Moon, by rule and
    /// year: each takes dozens of series evaluations, and one phrase asks
    /// for the same holiday in five neighbouring years.
    static COMPUTED: RefCell<HashMap<(HolidayRule, i32), Option<Iv>>> =
        RefCell::new(HashMap::new());
}

impl HolidayRule {
    /// The holiday in year `y`.
    pub(crate) fn of_year(self, y: i32) -> Option<Iv> {
        if !self.is_astronomical() {
            return self.compute(y);
        }
        if let Some(hit) = COMPUTED.with(|c| c.borrow().get(&(self, y)).copied()) {
            return hit;
        }
        let found = self.compute(y);
        COMPUTED.with(|c| c.borrow_mut().insert((self, y), found));
        found
    }

    /// Whether the rule needs the lunar and solar series (slow enough to
    /// be worth remembering); the rest is plain calendar arithmetic.
    fn is_astronomical(self) -> bool {
        matches!(
            self,
            HolidayRule::Hebrew { .. }
                | HolidayRule::Islamic(..)
                | HolidayRule::IslamicMonth(_)
                | HolidayRule::LastFridayBefore(_)
                | HolidayRule::ChineseNewYear
                | HolidayRule::Tithi { .. }
                | HolidayRule::Navaratri
                | HolidayRule::Sankranti(..)
                | HolidayRule::Onam
                | HolidayRule::RabindraJayanti
                | HolidayRule::ParsiNewYear
        )
    }

    /// The holiday in year `y`, computed.
    fn compute(self, y: i32) -> Option<Iv> {
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
            HolidayRule::Hebrew {
                month,
                day: d,
                len,
                moves,
            } => {
                let first = add_days(lunar::hebrew_date(y, month, d, moves)?, -1)?;
                if len <= 1 {
                    day(first)
                } else {
                    span(first, 0, len.into())
                }
            }
            HolidayRule::Islamic(m, d) => day(lunar::islamic_date(y, m, d)?),
            HolidayRule::IslamicMonth(m) => {
                let (a, b) = lunar::islamic_month(y, m)?;
                Iv::interval(midnight(a), midnight(b), Grain::Day)
            }
            HolidayRule::LastFridayBefore(m) => {
                let next = lunar::islamic_date(y, m, 1)?;
                let back = days_until(Weekday::Friday, next.weekday());
                day(add_days(next, -(if back == 0 { 7 } else { back }))?)
            }
            HolidayRule::ChineseNewYear => day(lunar::chinese_new_year(y)?),
            HolidayRule::Tithi {
                month,
                tithi,
                at,
                plus,
            } => day(add_days(
                lunar::tithi_date(y, month, tithi, at)?,
                plus.into(),
            )?),
            HolidayRule::Navaratri => {
                let first = lunar::tithi_date(y, 6, 1, Observance::Evening)?;
                let last = lunar::tithi_date(y, 6, 10, Observance::Evening)?;
                Iv::days_between(first, add_days(last, 1)?)
            }
            HolidayRule::Sankranti(sign, plus) => {
                day(add_days(lunar::sankranti(y, sign)?, plus.into())?)
            }
            HolidayRule::Onam => day(lunar::onam(y)?),
            HolidayRule::RabindraJayanti => day(lunar::rabindra_jayanti(y)?),
            HolidayRule::ParsiNewYear => day(lunar::parsi_new_year(y)?),
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
        // Occurrences come in the order of their years: the first year
        // that has one after (before) today has the next (last) one.
        let years = self.year() - 2..=self.year() + 2;
        match shift_by {
            Shift::Bare if self.bias != Bias::Future => self.pick_yearly(|y| rule.of_year(y)),
            Shift::Bare | Shift::This | Shift::Next => years
                .filter_map(|y| rule.of_year(y))
                .find(|iv| iv.end > today),
            Shift::Last => years
                .rev()
                .filter_map(|y| rule.of_year(y))
                .find(|iv| iv.end <= today),
            _ => None,
        }
    }
}
