//! Holidays of lunar, lunisolar and sidereal-solar calendars, computed
//! rather than looked up: the Hebrew calendar (exact arithmetic), the
//! Islamic calendar (a month starts the day after the first evening in
//! Mecca after the astronomical new moon), the Chinese New Year (the
//! second new moon after the winter solstice, China time), the Hindu
//! lunisolar calendar (amanta months named by the Sun's sidereal sign at
//! their new moon; a tithi is 12° of the Moon's elongation, observed at
//! sunrise, evening or midnight in New Delhi, as each festival is) and
//! sidereal solar ingresses (sankranti). The astronomy is in
//! [`super::astro`].
//!
//! Known limits: Islamic months are sometimes begun a day earlier or
//! later than this rule where the crescent is sighted (or not); the
//! Chinese rule ignores the rare leap eleventh or twelfth month (next:
//! 2033). The corpus rows these are checked against come from published
//! calendars, and most of them agree with the rules.

use jiff::civil::{Date, Weekday};

use super::astro::{
    crossing, date_at, elongation, jd_of, lunation_after, moon_phase, sidereal_moon, sidereal_sun,
    sun_event, sun_longitude, Jd,
};
use super::calendar::{add_days, ymd};

/// Fixed date (days since 0001-01-01, Gregorian, which is day 1) → date.
fn from_fixed(rd: i64) -> Option<Date> {
    add_days(ymd(1, 1, 1)?, rd - 1)
}

fn to_fixed(d: Date) -> Option<i64> {
    Some(i64::from((d - ymd(1, 1, 1)?).get_days()) + 1)
}

// ---------------------------------------------------------------------
// Hebrew calendar (Dershowitz & Reingold, *Calendrical Calculations*).

/// The fixed date of 1 Tishri AM 1.
const HEBREW_EPOCH: i64 = -1_373_427;

fn hebrew_leap(y: i64) -> bool {
    (7 * y + 1).rem_euclid(19) < 7
}

/// Days from the epoch to the molad of Tishri of year `y`, with the
/// postponement that keeps Rosh Hashanah off Sunday, Wednesday, Friday.
fn hebrew_elapsed(y: i64) -> i64 {
    let months = (235 * y - 234).div_euclid(19);
    let parts = 12_084 + 13_753 * months;
    let day = months * 29 + parts.div_euclid(25_920);
    if (3 * (day + 1)).rem_euclid(7) < 3 {
        day + 1
    } else {
        day
    }
}

fn hebrew_new_year(y: i64) -> i64 {
    let (a, b, c) = (
        hebrew_elapsed(y - 1),
        hebrew_elapsed(y),
        hebrew_elapsed(y + 1),
    );
    let delay = if c - b == 356 {
        2
    } else if b - a == 382 {
        1
    } else {
        0
    };
    HEBREW_EPOCH + b + delay
}

/// Days in Hebrew month `m` (1 = Nisan … 7 = Tishri … 12 = Adar, 13 =
/// Adar II) of year `y`.
fn hebrew_month_days(y: i64, m: i8) -> i64 {
    let len = hebrew_new_year(y + 1) - hebrew_new_year(y);
    match m {
        2 | 4 | 6 | 10 | 13 => 29,
        12 if !hebrew_leap(y) => 29,
        8 if len % 10 != 5 => 29,
        9 if len % 10 == 3 => 29,
        _ => 30,
    }
}

/// The fixed date of day `d` of month `m` of Hebrew year `y`.
fn hebrew_fixed(y: i64, m: i8, d: i8) -> i64 {
    let mut rd = hebrew_new_year(y) + i64::from(d) - 1;
    let last = if hebrew_leap(y) { 13 } else { 12 };
    if m < 7 {
        rd += (7..=last).map(|k| hebrew_month_days(y, k)).sum::<i64>();
        rd += (1..m).map(|k| hebrew_month_days(y, k)).sum::<i64>();
    } else {
        rd += (7..m).map(|k| hebrew_month_days(y, k)).sum::<i64>();
    }
    rd
}

/// How a Hebrew date moves off days it may not fall on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum HebrewMove {
    None,
    /// A fast on the Sabbath moves to Sunday (Tisha B'Av).
    SabbathToSunday,
    /// Yom Ha'atzmaut: Friday or Saturday → the Thursday before, Monday →
    /// Tuesday.
    Independence,
    /// Yom HaShoah: Friday → Thursday, Sunday → Monday.
    Shoah,
}

/// The first (by date) observance in Gregorian year `gy` of Hebrew
/// day `d` of month `m`, moved as `mv` says.
pub(crate) fn hebrew_date(gy: i32, m: i8, d: i8, mv: HebrewMove) -> Option<Date> {
    let mut found = None;
    for hy in [i64::from(gy) + 3760, i64::from(gy) + 3761] {
        // Adar's holidays fall in Adar II in a leap year.
        let m = if m == 12 && hebrew_leap(hy) { 13 } else { m };
        let rd = hebrew_fixed(hy, m, d);
        let date = from_fixed(rd)?;
        let moved = match (mv, date.weekday()) {
            (HebrewMove::SabbathToSunday, Weekday::Saturday) => 1,
            (HebrewMove::Independence, Weekday::Friday) => -1,
            (HebrewMove::Independence, Weekday::Saturday) => -2,
            (HebrewMove::Independence, Weekday::Monday) => 1,
            (HebrewMove::Shoah, Weekday::Friday) => -1,
            (HebrewMove::Shoah, Weekday::Sunday) => 1,
            _ => 0,
        };
        let date = add_days(date, moved)?;
        if i32::from(date.year()) == gy && found.is_none_or(|f| date < f) {
            found = Some(date);
        }
    }
    found
}

// ---------------------------------------------------------------------
// Islamic calendar.

/// The tabular (arithmetic) Islamic calendar's fixed date of `d`/`m`/`y`:
/// a first guess that the astronomical rule then corrects.
fn islamic_tabular(y: i64, m: i8, d: i8) -> Option<i64> {
    let epoch = to_fixed(ymd(622, 7, 19)?)?;
    let m = i64::from(m);
    Some(
        epoch - 1
            + (y - 1) * 354
            + (3 + 11 * y).div_euclid(30)
            + 29 * (m - 1)
            + m / 2
            + i64::from(d),
    )
}

/// Sunset in Mecca, hours UTC (18:30 local, within half an hour all year).
const MECCA_SUNSET_UTC: f64 = 15.5;

/// The first day of Islamic month `m` of year `y`: the day after the
/// first evening in Mecca that follows the new moon.
fn islamic_month_start(y: i64, m: i8) -> Option<Date> {
    let guess = from_fixed(islamic_tabular(y, m, 1)?)?;
    let k = lunation_after(jd_of(guess)? - 16.5);
    let conj = moon_phase(k, 0.0);
    let day = date_at(conj, 0.0)?;
    let hours = (conj - jd_of(day)?) * 24.0;
    let evening = if hours < MECCA_SUNSET_UTC {
        day
    } else {
        add_days(day, 1)?
    };
    add_days(evening, 1)
}

/// The Islamic years whose month `m` may begin in Gregorian year `gy`
/// (by the tabular calendar, give or take three days).
fn islamic_years(gy: i32, m: i8) -> impl Iterator<Item = i64> {
    let est = ((f64::from(gy) - 622.0) * 1.030_7) as i64;
    let bounds = (|| Some((to_fixed(ymd(gy, 1, 1)?)?, to_fixed(ymd(gy, 12, 31)?)?)))();
    (est - 1..=est + 2).filter(move |y| {
        let (Some((lo, hi)), Some(t)) = (bounds, islamic_tabular(*y, m, 1)) else {
            return false;
        };
        t + 33 >= lo && t - 3 <= hi
    })
}

/// The first day `d` of Islamic month `m` in Gregorian year `gy`.
pub(crate) fn islamic_date(gy: i32, m: i8, d: i8) -> Option<Date> {
    islamic_years(gy, m)
        .filter_map(|y| add_days(islamic_month_start(y, m)?, i64::from(d) - 1))
        .filter(|date| i32::from(date.year()) == gy)
        .min()
}

/// Islamic month `m` that begins in Gregorian year `gy`: `[first, next
/// month's first)`.
pub(crate) fn islamic_month(gy: i32, m: i8) -> Option<(Date, Date)> {
    islamic_years(gy, m)
        .filter_map(|y| {
            let start = islamic_month_start(y, m)?;
            let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
            Some((start, islamic_month_start(ny, nm)?))
        })
        .filter(|(s, _)| i32::from(s.year()) == gy)
        .min()
}

// ---------------------------------------------------------------------
// Chinese New Year.

/// The Chinese New Year of Gregorian year `gy`: the second new moon
/// after the winter solstice of `gy - 1`, dated in China (UTC+8).
pub(crate) fn chinese_new_year(gy: i32) -> Option<Date> {
    let from = jd_of(ymd(gy - 1, 12, 10)?)?;
    let solstice = crossing(sun_longitude, 270.0, from, 20.0);
    let k = lunation_after(solstice);
    date_at(moon_phase(k + 1, 0.0), 8.0)
}

// ---------------------------------------------------------------------
// Hindu lunisolar calendar.

/// When in the day a festival's tithi must hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Observance {
    Sunrise,
    /// Pradosh: 72 minutes after sunset.
    Evening,
    /// Nishita: midway between sunset and the next sunrise.
    Midnight,
}

/// The mean synodic month, days.
const SYNODIC_DAYS: f64 = 29.530_588;

/// Offset of Indian Standard Time from UTC, hours.
const IST: f64 = 5.5;

fn observance_time(d: Date, at: Observance) -> Option<Jd> {
    Some(match at {
        Observance::Sunrise => sun_event(d, true)?,
        Observance::Evening => sun_event(d, false)? + 1.2 / 24.0,
        Observance::Midnight => {
            let set = sun_event(d, false)?;
            (set + sun_event(add_days(d, 1)?, true)?) / 2.0
        }
    })
}

/// The tithi (1–30) at `jd`: 1–15 waxing, 16–30 waning.
fn tithi(jd: Jd) -> i8 {
    (elongation(jd) / 12.0).floor() as i8 + 1
}

/// The sidereal sign (0 = Aries … 11 = Pisces) of the Sun at `jd`.
fn sun_sign(jd: Jd) -> i64 {
    (sidereal_sun(jd) / 30.0).floor() as i64
}

/// The day in Gregorian year `gy` on which tithi `t` of amanta month
/// `month` (0 = Chaitra … 11 = Phalguna; never an intercalary month)
/// holds at the observance time; a tithi that holds at no such time (it
/// begins and ends between two) gives the day of the next tithi.
pub(crate) fn tithi_date(gy: i32, month: i8, t: i8, at: Observance) -> Option<Date> {
    // The month begins at the first new moon after the Sun enters the
    // sign before its own: look only at the two lunations after each such
    // entry near `gy`, in order.
    // (A festival falls within 95 days of that entry.)
    let entered = (i64::from(month) + 11).rem_euclid(12) as i8;
    let (jan1, dec31) = (ymd(gy, 1, 1)?, ymd(gy, 12, 31)?);
    let lunations = (gy - 1..=gy + 1).filter_map(|cy| {
        let entry = approx_ingress(cy, entered)?;
        if entry > dec31 || add_days(entry, 95)? < jan1 {
            return None;
        }
        let k = lunation_after(jd_of(entry)? - 5.0);
        Some(k..k + 2)
    });
    let mut known: Option<(i64, Jd)> = None;
    for k in lunations.flatten() {
        let nm = match known {
            Some((at, jd)) if at == k => jd,
            _ => moon_phase(k, 0.0),
        };
        let next_nm = moon_phase(k + 1, 0.0);
        known = Some((k + 1, next_nm));
        let sign = sun_sign(nm);
        if (sign + 1).rem_euclid(12) != i64::from(month) || sign == sun_sign(next_nm) {
            continue;
        }
        // A tithi lasts 0.98 days on average, never under 0.8 nor over
        // 1.1: tithi `t` holds on one of the days around its mean start.
        let mean = (f64::from(t) - 1.0) * SYNODIC_DAYS / 30.0;
        let first = add_days(date_at(nm + mean, IST)?, -2)?;
        let mut fallback = None;
        for n in 0..6 {
            let d = add_days(first, n)?;
            let jd = observance_time(d, at)?;
            if jd < nm || jd >= next_nm {
                continue;
            }
            let here = tithi(jd);
            if here == t {
                fallback = Some(d);
                break;
            }
            if here == t + 1 && fallback.is_none() {
                fallback = Some(d);
            }
        }
        if let Some(d) = fallback.filter(|d| i32::from(d.year()) == gy) {
            return Some(d);
        }
    }
    None
}

/// About when the Sun enters sidereal sign `sign` (0 = Aries) in year
/// `gy`, within a few days: Aries on April 14, then a sign every 30.44
/// days (signs from Sagittarius on fall in `gy`'s first months or the
/// December before).
fn approx_ingress(gy: i32, sign: i8) -> Option<Date> {
    add_days(
        ymd(gy, 4, 14)?,
        ((f64::from(sign) * 30.44) as i64 + 180).rem_euclid(366) - 180,
    )
}

/// The day the Sun enters sidereal sign `sign` (0 = Aries) in year `gy`,
/// in India: an ingress after sunset counts for the next day.
pub(crate) fn sankranti(gy: i32, sign: i8) -> Option<Date> {
    let approx = approx_ingress(gy, sign)?;
    let jd = crossing(
        sidereal_sun,
        f64::from(sign) * 30.0,
        jd_of(approx)? - 12.0,
        24.0,
    );
    let day = date_at(jd, IST)?;
    if jd > sun_event(day, false)? {
        add_days(day, 1)
    } else {
        Some(day)
    }
}

/// Onam (Thiruvonam): the day of the month of Chingam (the Sun in
/// sidereal Leo) at whose sunset the Moon is in the Shravana nakshatra
/// (the 22nd of 27).
pub(crate) fn onam(gy: i32) -> Option<Date> {
    let from = sankranti(gy, 4)?;
    // The Moon gains 12–15° a day: skip the days it needs to reach
    // Shravana (280°) from where it is on the first evening, less one.
    let lon = sidereal_moon(sun_event(from, false)?);
    let skip = (((280.0 - lon).rem_euclid(360.0) / 15.5).floor() as i64 - 1).max(0);
    (skip..33).find_map(|n| {
        let d = add_days(from, n)?;
        let jd = sun_event(d, false)?;
        let nakshatra = (sidereal_moon(jd) / (360.0 / 27.0)).floor() as i64;
        (nakshatra == 21).then_some(d)
    })
}

/// Rabindra Jayanti: 25 Boishakh of the Bengali solar calendar, whose
/// year starts the day after the Sun enters sidereal Aries.
pub(crate) fn rabindra_jayanti(gy: i32) -> Option<Date> {
    let from = jd_of(ymd(gy, 4, 2)?)?;
    let jd = crossing(sidereal_sun, 0.0, from, 24.0);
    add_days(date_at(jd, IST)?, 25)
}

/// The Parsi (Shahenshahi) New Year: a 365-day year, so one day earlier
/// in the Gregorian calendar every leap year (August 16 in 2022).
pub(crate) fn parsi_new_year(gy: i32) -> Option<Date> {
    add_days(ymd(2022, 8, 16)?, 365 * (i64::from(gy) - 2022))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn hebrew_dates() {
        // 1 Tishri 5779 = 2018-09-10; 15 Nisan 5778 = 2018-03-31.
        assert_eq!(
            hebrew_date(2018, 7, 1, HebrewMove::None),
            Some(date(2018, 9, 10))
        );
        assert_eq!(
            hebrew_date(2018, 1, 15, HebrewMove::None),
            Some(date(2018, 3, 31))
        );
        assert_eq!(
            hebrew_date(2013, 12, 14, HebrewMove::None),
            Some(date(2013, 2, 24))
        );
        // 9 Av 5778 was a Saturday: the fast is on Sunday.
        assert_eq!(
            hebrew_date(2018, 5, 9, HebrewMove::SabbathToSunday),
            Some(date(2018, 7, 22))
        );
        assert_eq!(
            hebrew_date(2018, 2, 5, HebrewMove::Independence),
            Some(date(2018, 4, 19))
        );
    }

    #[test]
    fn islamic_dates() {
        assert_eq!(islamic_date(2018, 10, 1), Some(date(2018, 6, 15)));
        assert_eq!(islamic_date(2018, 12, 10), Some(date(2018, 8, 21)));
        assert_eq!(
            islamic_month(2018, 9),
            Some((date(2018, 5, 16), date(2018, 6, 15)))
        );
        // Two Eids al-Adha in 1974: the first one.
        assert_eq!(islamic_date(1974, 12, 10), Some(date(1974, 1, 3)));
    }

    #[test]
    fn chinese_new_years() {
        assert_eq!(chinese_new_year(2013), Some(date(2013, 2, 10)));
        assert_eq!(chinese_new_year(2014), Some(date(2014, 1, 31)));
        assert_eq!(chinese_new_year(2018), Some(date(2018, 2, 16)));
    }

    #[test]
    fn hindu_dates() {
        // Ugadi 2018 (Chaitra, tithi 1 at sunrise); Diwali 2019 (Ashvin
        // amavasya in the evening); Maha Shivaratri 2020 (midnight).
        assert_eq!(
            tithi_date(2018, 0, 1, Observance::Sunrise),
            Some(date(2018, 3, 18))
        );
        assert_eq!(
            tithi_date(2019, 6, 30, Observance::Evening),
            Some(date(2019, 10, 27))
        );
        assert_eq!(
            tithi_date(2020, 10, 29, Observance::Midnight),
            Some(date(2020, 2, 21))
        );
    }

    #[test]
    fn solar_dates() {
        assert_eq!(sankranti(2018, 9), Some(date(2018, 1, 14)));
        assert_eq!(sankranti(2019, 9), Some(date(2019, 1, 15)));
        assert_eq!(sankranti(2018, 0), Some(date(2018, 4, 14)));
        assert_eq!(onam(2018), Some(date(2018, 8, 24)));
        assert_eq!(rabindra_jayanti(2019), Some(date(2019, 5, 9)));
        assert_eq!(parsi_new_year(2018), Some(date(2018, 8, 17)));
    }
}
