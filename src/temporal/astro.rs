//! Just enough astronomy to date the holidays of lunar and lunisolar
//! calendars without tables: the instants of new and full moons, the
//! Sun's and the Moon's ecliptic longitudes, the sidereal (Lahiri)
//! zodiac and sunrise / sunset at New Delhi.
//!
//! The series are the truncated ones of J. Meeus, *Astronomical
//! Algorithms* (2nd ed.): moon phases (ch. 49, error under a minute over
//! 1950–2100), the Sun's apparent longitude (ch. 25, low accuracy:
//! 0.01°) and the Moon's longitude (ch. 47, the 50 largest periodic
//! terms: about 0.01°, so a tithi or a nakshatra ends within a few
//! minutes of the published times). Time is days since J2000.0
//! (2000-01-01 12:00 UT) as an `f64`; the difference between TT and UT
//! (about a minute) is below the precision that matters here.

use jiff::civil::Date;

use super::calendar::{add_days, ymd};

/// Days since J2000.0 (2000-01-01 12:00 UT).
pub(crate) type Jd = f64;

fn sin_deg(x: f64) -> f64 {
    x.to_radians().sin()
}

fn cos_deg(x: f64) -> f64 {
    x.to_radians().cos()
}

/// The civil date `jd` falls on, at a UTC offset of `offset_hours`.
pub(crate) fn date_at(jd: Jd, offset_hours: f64) -> Option<Date> {
    let days = (jd + 0.5 + offset_hours / 24.0).floor();
    if !days.is_finite() || days.abs() > 1e6 {
        return None;
    }
    add_days(ymd(2000, 1, 1)?, days as i64)
}

/// 00:00 UTC of `d`, as a [`Jd`].
pub(crate) fn jd_of(d: Date) -> Option<Jd> {
    let days = (d - ymd(2000, 1, 1)?).get_days();
    Some(f64::from(days) - 0.5)
}

/// The mean synodic month, in days.
const SYNODIC: f64 = 29.530_588_861;

/// The new moon (`phase` 0.0) or full moon (0.5) of lunation `k`
/// (lunation 0 began on 2000-01-06), Meeus ch. 49.
pub(crate) fn moon_phase(k: i64, phase: f64) -> Jd {
    let k = k as f64 + phase;
    let t = k / 1236.85;
    let t2 = t * t;
    let jde = 5.097_66 + SYNODIC * k + 0.000_154_37 * t2 - 0.000_000_150 * t2 * t;
    let e = 1.0 - 0.002_516 * t - 0.000_007_4 * t2;
    let m = 2.5534 + 29.105_356_70 * k - 0.000_001_4 * t2;
    let mp = 201.5643 + 385.816_935_28 * k + 0.010_758_2 * t2;
    let f = 160.7108 + 390.670_502_84 * k - 0.001_611_8 * t2;
    let om = 124.7746 - 1.563_755_88 * k + 0.002_067_2 * t2;
    let full = phase != 0.0;
    let (a, b, c, d, g, h, i) = if full {
        (
            -0.40614, 0.17302, 0.01614, 0.01043, 0.00734, -0.00515, 0.00209,
        )
    } else {
        (
            -0.40720, 0.17241, 0.01608, 0.01039, 0.00739, -0.00514, 0.00208,
        )
    };
    let mut corr = a * sin_deg(mp)
        + b * e * sin_deg(m)
        + c * sin_deg(2.0 * mp)
        + d * sin_deg(2.0 * f)
        + g * e * sin_deg(mp - m)
        + h * e * sin_deg(mp + m)
        + i * e * e * sin_deg(2.0 * m);
    corr += -0.00111 * sin_deg(mp - 2.0 * f) - 0.00057 * sin_deg(mp + 2.0 * f)
        + 0.00056 * e * sin_deg(2.0 * mp + m)
        - 0.00042 * sin_deg(3.0 * mp)
        + 0.00042 * e * sin_deg(m + 2.0 * f)
        + 0.00038 * e * sin_deg(m - 2.0 * f)
        - 0.00024 * e * sin_deg(2.0 * mp - m)
        - 0.00017 * sin_deg(om)
        - 0.00007 * sin_deg(mp + 2.0 * m)
        + 0.00004 * sin_deg(2.0 * mp - 2.0 * f)
        + 0.00004 * sin_deg(3.0 * m)
        + 0.00003 * sin_deg(mp + m - 2.0 * f)
        + 0.00003 * sin_deg(2.0 * mp + 2.0 * f)
        - 0.00003 * sin_deg(mp + m + 2.0 * f)
        + 0.00003 * sin_deg(mp - m + 2.0 * f)
        - 0.00002 * sin_deg(mp - m - 2.0 * f)
        - 0.00002 * sin_deg(3.0 * mp + m)
        + 0.00002 * sin_deg(4.0 * mp);
    // The planetary arguments (A1–A14).
    const PLANETS: [(f64, f64, f64); 14] = [
        (299.77, 0.107_408, 0.000_325),
        (251.88, 0.016_321, 0.000_165),
        (251.83, 26.651_886, 0.000_164),
        (349.42, 36.412_478, 0.000_126),
        (84.66, 18.206_239, 0.000_110),
        (141.74, 53.303_771, 0.000_062),
        (207.14, 2.453_732, 0.000_060),
        (154.84, 7.306_860, 0.000_056),
        (34.52, 27.261_239, 0.000_047),
        (207.19, 0.121_824, 0.000_042),
        (291.34, 1.844_379, 0.000_040),
        (161.72, 24.198_154, 0.000_037),
        (239.56, 25.513_099, 0.000_035),
        (331.55, 3.592_518, 0.000_023),
    ];
    for (base, step, amp) in PLANETS {
        corr += amp * sin_deg(base + step * k);
    }
    jde + corr
}

/// The lunation whose new moon is the first at or after `jd`.
pub(crate) fn lunation_after(jd: Jd) -> i64 {
    let mut k = ((jd - 5.097_66) / SYNODIC).floor() as i64 - 1;
    while moon_phase(k, 0.0) < jd {
        k += 1;
    }
    k
}

/// The Sun's apparent ecliptic longitude in degrees (Meeus ch. 25).
pub(crate) fn sun_longitude(jd: Jd) -> f64 {
    let t = jd / 36525.0;
    let l0 = 280.46646 + 36000.76983 * t + 0.000_303_2 * t * t;
    let m = 357.52911 + 35999.05029 * t - 0.000_153_7 * t * t;
    let c = (1.914_602 - 0.004_817 * t) * sin_deg(m)
        + (0.019_993 - 0.000_101 * t) * sin_deg(2.0 * m)
        + 0.000_289 * sin_deg(3.0 * m);
    let om = 125.04 - 1934.136 * t;
    (l0 + c - 0.00569 - 0.00478 * sin_deg(om)).rem_euclid(360.0)
}

/// The 50 largest periodic terms of the Moon's longitude (Meeus table
/// 47.A): multiples of D, M, M', F and the amplitude in 1e-6 degrees.
const MOON_TERMS: [(i8, i8, i8, i8, i32); 50] = [
    (0, 0, 1, 0, 6_288_774),
    (2, 0, -1, 0, 1_274_027),
    (2, 0, 0, 0, 658_314),
    (0, 0, 2, 0, 213_618),
    (0, 1, 0, 0, -185_116),
    (0, 0, 0, 2, -114_332),
    (2, 0, -2, 0, 58_793),
    (2, -1, -1, 0, 57_066),
    (2, 0, 1, 0, 53_322),
    (2, -1, 0, 0, 45_758),
    (0, 1, -1, 0, -40_923),
    (1, 0, 0, 0, -34_720),
    (0, 1, 1, 0, -30_383),
    (2, 0, 0, -2, 15_327),
    (0, 0, 1, 2, -12_528),
    (0, 0, 1, -2, 10_980),
    (4, 0, -1, 0, 10_675),
    (0, 0, 3, 0, 10_034),
    (4, 0, -2, 0, 8_548),
    (2, 1, -1, 0, -7_888),
    (2, 1, 0, 0, -6_766),
    (1, 0, -1, 0, -5_163),
    (1, 1, 0, 0, 4_987),
    (2, -1, 1, 0, 4_036),
    (2, 0, 2, 0, 3_994),
    (4, 0, 0, 0, 3_861),
    (2, 0, -3, 0, 3_665),
    (0, 1, -2, 0, -2_689),
    (2, 0, -1, 2, -2_602),
    (2, -1, -2, 0, 2_390),
    (1, 0, 1, 0, -2_348),
    (2, -2, 0, 0, 2_236),
    (0, 1, 2, 0, -2_120),
    (0, 2, 0, 0, -2_069),
    (2, -2, -1, 0, 2_048),
    (2, 0, 1, -2, -1_773),
    (2, 0, 0, 2, -1_595),
    (4, -1, -1, 0, 1_215),
    (0, 0, 2, 2, -1_110),
    (3, 0, -1, 0, -892),
    (2, 1, 1, 0, -810),
    (4, -1, -2, 0, 759),
    (0, 2, -1, 0, -713),
    (2, 2, -1, 0, -700),
    (2, 1, -2, 0, 691),
    (2, -1, 0, -2, 596),
    (4, 0, 1, 0, 549),
    (0, 0, 4, 0, 537),
    (4, -1, 0, 0, 520),
    (1, 0, -2, 0, -487),
];

/// `(cos kx, sin kx)` for k = 0…4 (`x` in degrees).
fn powers(x: f64) -> [(f64, f64); 5] {
    let (s, c) = x.to_radians().sin_cos();
    let mut p = [(1.0, 0.0); 5];
    for k in 1..5 {
        let (a, b) = p[k - 1];
        p[k] = (a * c - b * s, a * s + b * c);
    }
    p
}

/// `(cos kx, sin kx)` for k = -4…4 from [`powers`].
fn power(p: &[(f64, f64); 5], k: i8) -> (f64, f64) {
    let (c, s) = p[usize::from(k.unsigned_abs())];
    if k < 0 {
        (c, -s)
    } else {
        (c, s)
    }
}

/// The Moon's apparent ecliptic longitude in degrees (Meeus ch. 47).
pub(crate) fn moon_longitude(jd: Jd) -> f64 {
    let t = jd / 36525.0;
    let t2 = t * t;
    let lp = 218.316_447_7 + 481_267.881_234_21 * t - 0.001_578_6 * t2;
    let d = 297.850_192_1 + 445_267.111_403_4 * t - 0.001_881_9 * t2;
    let m = 357.529_109_2 + 35_999.050_290_9 * t - 0.000_153_6 * t2;
    let mp = 134.963_396_4 + 477_198.867_505_5 * t + 0.008_741_4 * t2;
    let f = 93.272_095_0 + 483_202.017_523_3 * t - 0.003_653_9 * t2;
    let e = 1.0 - 0.002_516 * t - 0.000_007_4 * t2;
    // Each term is the sine of a small integer combination of D, M, M'
    // and F: built from their multiples' (cos, sin), four sines in all.
    let (pd, pm, pmp, pf) = (powers(d), powers(m), powers(mp), powers(f));
    let mut sum = 0.0;
    for (cd, cm, cmp, cf, amp) in MOON_TERMS {
        let z = [
            power(&pd, cd),
            power(&pm, cm),
            power(&pmp, cmp),
            power(&pf, cf),
        ]
        .into_iter()
        .fold((1.0, 0.0), |(a, b), (c, s)| (a * c - b * s, a * s + b * c));
        let ecc = match cm.abs() {
            0 => 1.0,
            1 => e,
            _ => e * e,
        };
        sum += f64::from(amp) * ecc * z.1;
    }
    let a1 = 119.75 + 131.849 * t;
    let a2 = 53.09 + 479_264.290 * t;
    sum += 3958.0 * sin_deg(a1) + 1962.0 * sin_deg(lp - f) + 318.0 * sin_deg(a2);
    let om = 125.04 - 1934.136 * t;
    (lp + sum / 1e6 - 0.00478 * sin_deg(om)).rem_euclid(360.0)
}

/// The Moon's elongation from the Sun (0–360°): a tithi is 12° of it.
pub(crate) fn elongation(jd: Jd) -> f64 {
    (moon_longitude(jd) - sun_longitude(jd)).rem_euclid(360.0)
}

/// The Lahiri ayanamsa: the sidereal zodiac's lag behind the tropical.
fn ayanamsa(jd: Jd) -> f64 {
    23.853 + jd / 365.25 * 50.29 / 3600.0
}

/// The Sun's sidereal (Lahiri) longitude.
pub(crate) fn sidereal_sun(jd: Jd) -> f64 {
    (sun_longitude(jd) - ayanamsa(jd)).rem_euclid(360.0)
}

/// The Moon's sidereal (Lahiri) longitude.
pub(crate) fn sidereal_moon(jd: Jd) -> f64 {
    (moon_longitude(jd) - ayanamsa(jd)).rem_euclid(360.0)
}

/// New Delhi, where Indian almanacs are usually computed.
const DELHI: (f64, f64) = (28.61, 77.21);

/// Sunrise (`rise`) or sunset on civil date `d` at New Delhi, as a
/// [`Jd`] (the low-precision solar position of the Astronomical
/// Almanac: a minute or two).
pub(crate) fn sun_event(d: Date, rise: bool) -> Option<Jd> {
    let jd0 = jd_of(d)?;
    let n = jd0 + 0.5;
    let l = (280.460 + 0.985_647_4 * n).rem_euclid(360.0);
    let g = (357.528 + 0.985_600_3 * n).rem_euclid(360.0);
    let lam = l + 1.915 * sin_deg(g) + 0.020 * sin_deg(2.0 * g);
    let eps = 23.439 - 0.000_000_4 * n;
    let dec = (sin_deg(eps) * sin_deg(lam)).asin().to_degrees();
    let ra = (cos_deg(eps) * sin_deg(lam))
        .atan2(cos_deg(lam))
        .to_degrees()
        .rem_euclid(360.0);
    let eot = (l - ra + 180.0).rem_euclid(360.0) - 180.0;
    let (lat, lon) = DELHI;
    let cos_h = (sin_deg(-0.833) - sin_deg(lat) * sin_deg(dec)) / (cos_deg(lat) * cos_deg(dec));
    let h = cos_h.clamp(-1.0, 1.0).acos().to_degrees();
    let noon = 12.0 - lon / 15.0 - eot / 15.0;
    let t = if rise {
        noon - h / 15.0
    } else {
        noon + h / 15.0
    };
    Some(jd0 + t / 24.0)
}

/// The instant after `from` (within `span` days) when `f` (an angle that
/// grows steadily) reaches `target` degrees, by bisection.
pub(crate) fn crossing(f: impl Fn(Jd) -> f64, target: f64, from: Jd, span: f64) -> Jd {
    let behind = |jd: Jd| (f(jd) - target + 180.0).rem_euclid(360.0) - 180.0 < 0.0;
    let (mut a, mut b) = (from, from + span);
    // 24 halvings of at most 30 days: a tenth of a second.
    for _ in 0..24 {
        let mid = (a + b) / 2.0;
        if behind(mid) {
            a = mid;
        } else {
            b = mid;
        }
    }
    a
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    /// Minutes between a computed instant and a UTC time.
    fn off_minutes(jd: Jd, d: Date, h: i8, m: i8) -> f64 {
        let want = jd_of(d).unwrap() + (f64::from(h) + f64::from(m) / 60.0) / 24.0;
        (jd - want) * 1440.0
    }

    #[test]
    fn new_and_full_moons() {
        // Published: new moon 2018-03-17 13:12 UTC, 2019-10-28 03:38 UTC;
        // full moon 2013-05-25 04:25 UTC.
        let k = lunation_after(jd_of(date(2018, 3, 16)).unwrap());
        assert!(off_minutes(moon_phase(k, 0.0), date(2018, 3, 17), 13, 12).abs() < 3.0);
        let k = lunation_after(jd_of(date(2019, 10, 27)).unwrap());
        assert!(off_minutes(moon_phase(k, 0.0), date(2019, 10, 28), 3, 38).abs() < 3.0);
        let k = lunation_after(jd_of(date(2013, 5, 1)).unwrap());
        assert!(off_minutes(moon_phase(k, 0.5), date(2013, 5, 25), 4, 25).abs() < 3.0);
    }

    #[test]
    fn elongation_is_zero_at_new_moon() {
        let k = lunation_after(jd_of(date(2019, 10, 27)).unwrap());
        let e = elongation(moon_phase(k, 0.0));
        assert!(!(0.05..=359.95).contains(&e), "{e}");
    }

    #[test]
    fn moon_longitude_matches_the_direct_series() {
        // Meeus example 47.a: 1992-04-12 00:00 TT, λ = 133.162655°
        // (apparent, with nutation +0.004610°, which is left out here).
        let jd = jd_of(date(1992, 4, 12)).unwrap();
        let l = moon_longitude(jd);
        assert!((l - 133.158).abs() < 0.02, "{l}");
    }

    #[test]
    fn sunrise_in_delhi() {
        // 2019-06-21: sunrise 05:23 IST (23:53 UTC the day before).
        let jd = sun_event(date(2019, 6, 21), true).unwrap();
        assert!(off_minutes(jd, date(2019, 6, 20), 23, 53).abs() < 4.0);
    }

    #[test]
    fn dates_of_instants() {
        let jd = jd_of(date(2018, 1, 14)).unwrap() + 20.0 / 24.0;
        assert_eq!(date_at(jd, 0.0), Some(date(2018, 1, 14)));
        assert_eq!(date_at(jd, 5.5), Some(date(2018, 1, 15)));
    }
}
