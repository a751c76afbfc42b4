//! Calendar arithmetic on civil (wall-clock) date-times: truncating to a
//! grain, shifting by grains, week starts (Monday). Every function returns
//! `None` instead of panicking when a value leaves jiff's range.

use jiff::civil::{Date, DateTime, Time, Weekday};
use jiff::Span;

use super::lexicon::Unit;
use super::Grain;

/// Midnight at the start of `d`.
pub(crate) fn midnight(d: Date) -> DateTime {
    d.to_datetime(Time::midnight())
}

/// A checked calendar date.
pub(crate) fn ymd(year: i32, month: i8, day: i8) -> Option<Date> {
    Date::new(i16::try_from(year).ok()?, month, day).ok()
}

/// `d` plus `n` days.
pub(crate) fn add_days(d: Date, n: i64) -> Option<Date> {
    d.checked_add(Span::new().try_days(n).ok()?).ok()
}

/// The Monday starting the week of `d`.
pub(crate) fn week_start(d: Date) -> Option<Date> {
    add_days(d, -i64::from(d.weekday().to_monday_zero_offset()))
}

/// Days from weekday `from` forward to weekday `to` (0–6).
pub(crate) fn days_until(from: Weekday, to: Weekday) -> i64 {
    i64::from((to.to_monday_zero_offset() - from.to_monday_zero_offset()).rem_euclid(7))
}

/// `t` moved by `n` grains (calendar-aware for months and years).
pub(crate) fn shift(t: DateTime, grain: Grain, n: i64) -> Option<DateTime> {
    t.checked_add(grain_span(grain, n)?).ok()
}

/// `n` whole `grain`s as a span (a quarter as three months).
pub(crate) fn grain_span(grain: Grain, n: i64) -> Option<Span> {
    match grain {
        Grain::Second => Span::new().try_seconds(n),
        Grain::Minute => Span::new().try_minutes(n),
        Grain::Hour => Span::new().try_hours(n),
        Grain::Day => Span::new().try_days(n),
        Grain::Week => Span::new().try_weeks(n),
        Grain::Month => Span::new().try_months(n),
        Grain::Quarter => Span::new().try_months(n.checked_mul(3)?),
        Grain::Year => Span::new().try_years(n),
    }
    .ok()
}

/// The start of the `grain` containing `t`.
pub(crate) fn truncate(t: DateTime, grain: Grain) -> Option<DateTime> {
    let d = t.date();
    Some(match grain {
        Grain::Second => d.to_datetime(Time::new(t.hour(), t.minute(), t.second(), 0).ok()?),
        Grain::Minute => d.to_datetime(Time::new(t.hour(), t.minute(), 0, 0).ok()?),
        Grain::Hour => d.to_datetime(Time::new(t.hour(), 0, 0, 0).ok()?),
        Grain::Day => midnight(d),
        Grain::Week => midnight(week_start(d)?),
        Grain::Month => midnight(d.first_of_month()),
        Grain::Quarter => midnight(ymd(i32::from(d.year()), (d.month() - 1) / 3 * 3 + 1, 1)?),
        Grain::Year => midnight(ymd(i32::from(d.year()), 1, 1)?),
    })
}

/// `[start, end)` of the `grain` containing `t`.
pub(crate) fn period(t: DateTime, grain: Grain) -> Option<(DateTime, DateTime)> {
    let start = truncate(t, grain)?;
    Some((start, shift(start, grain, 1)?))
}

/// The grain a unit counts in, and how many of them one unit is.
pub(crate) fn unit_grain(unit: Unit) -> (Grain, i64) {
    match unit {
        Unit::Second => (Grain::Second, 1),
        Unit::Minute => (Grain::Minute, 1),
        Unit::Hour => (Grain::Hour, 1),
        Unit::Day => (Grain::Day, 1),
        Unit::Week => (Grain::Week, 1),
        Unit::Fortnight => (Grain::Day, 14),
        Unit::Month => (Grain::Month, 1),
        Unit::Quarter => (Grain::Quarter, 1),
        Unit::Year => (Grain::Year, 1),
    }
}

/// The next finer grain, Duckling's precision for "N units ago / in N
/// units" (years → month, months and weeks → day, days → hour).
pub(crate) fn finer(grain: Grain) -> Grain {
    match grain {
        Grain::Year | Grain::Quarter => Grain::Month,
        Grain::Month | Grain::Week => Grain::Day,
        Grain::Day => Grain::Hour,
        Grain::Hour => Grain::Minute,
        Grain::Minute | Grain::Second => Grain::Second,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn weeks_start_on_monday() {
        assert_eq!(week_start(date(2013, 2, 17)), Some(date(2013, 2, 11)));
        assert_eq!(week_start(date(2013, 2, 11)), Some(date(2013, 2, 11)));
    }

    #[test]
    fn truncate_to_quarter_and_year() {
        let t = date(2013, 8, 12).at(4, 30, 0, 0);
        assert_eq!(
            truncate(t, Grain::Quarter),
            Some(midnight(date(2013, 7, 1)))
        );
        assert_eq!(
            truncate(t, Grain::Hour),
            Some(date(2013, 8, 12).at(4, 0, 0, 0))
        );
    }

    #[test]
    fn shifting_out_of_range_is_none() {
        let t = midnight(date(9999, 12, 1));
        assert_eq!(shift(t, Grain::Year, 1), None);
        assert_eq!(shift(t, Grain::Quarter, i64::MAX), None);
    }

    #[test]
    fn days_until_wraps() {
        assert_eq!(days_until(Weekday::Friday, Weekday::Monday), 3);
        assert_eq!(days_until(Weekday::Monday, Weekday::Monday), 0);
    }

    #[test]
    fn invalid_dates_are_none() {
        assert_eq!(ymd(2013, 2, 29), None);
        assert_eq!(ymd(100_000, 1, 1), None);
    }
}
