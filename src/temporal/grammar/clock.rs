//! Clock times and parts of the day, and phrases built from them: "3pm",
//! "15h30", "half past three", "noon", "this morning", "last night",
//! "tomorrow at 5pm", "9:30 - 11:00 on Thursday", "until 2pm".
//!
//! These are read only where a whole phrase is known to be a time
//! ([`super::full_phrase`], behind `claimcheck time`), never by the prose
//! scanner: in news text "at 7" or "1030" is far more often a count than
//! a clock time. A phrase is a list of segments — a date ([`super::expr`]),
//! a part of the day, a clock time or a clock range, "now" — joined by
//! small words ("at", "on", ","); [`clock_phrase`] checks that they fit
//! together (one of each at most) and builds one [`Expr`]. A bare number
//! with no cue ("7", "ten thirty") or a bare part of the day ("morning")
//! is *latent*: a time only when the caller asks for latent readings.

use super::{any_kw, expr, fail, gap, kw, opt, sym, word, word_ends, PResult};
use crate::temporal::ast::{Clock, DayPart, Direction, Expr};
use crate::temporal::lexicon::{self, MAX_WORD};
use crate::temporal::Grain;

/// Whether `w` is one of `choices`, ignoring ASCII case.
fn lower_is(w: &str, choices: &[&str]) -> bool {
    choices.iter().any(|c| w.eq_ignore_ascii_case(c))
}

/// `meridiem = "in" "the" ("am" | "pm") | ("a" | "p") ["."] [" "] ["m" ["."]]` → after noon
///
/// A lone "a" or "p" counts only glued to the number ("7a", "3p.").
pub(crate) fn meridiem(i: &str) -> PResult<'_, bool> {
    if let Ok((r, _)) = kw("in")(i) {
        let (r, _) = kw("the")(r)?;
        let (r, w) = any_kw(&["am", "pm"])(r)?;
        return Ok((r, w.eq_ignore_ascii_case("pm")));
    }
    let (s, g) = gap(i)?;
    let b = s.as_bytes();
    let pm = match b.first() {
        Some(b'a' | b'A') => false,
        Some(b'p' | b'P') => true,
        _ => return fail(i),
    };
    let mut n = 1;
    if b.get(n) == Some(&b'.') {
        n += 1;
    }
    let mut m = n;
    if b.get(m) == Some(&b' ') {
        m += 1;
    }
    if matches!(b.get(m), Some(b'm' | b'M')) {
        m += 1;
        if b.get(m) == Some(&b'.') {
            m += 1;
        }
        n = m;
    } else if !g.is_empty() {
        return fail(i);
    }
    if !word_ends(&s[n..]) {
        return fail(i);
    }
    Ok((&s[n..], pm))
}

#[test]
fn meridiem_forms() {
    ok!(meridiem, "pm", true, "");
    ok!(meridiem, " a.m. x", false, " x");
    ok!(meridiem, " p m", true, "");
    ok!(meridiem, "p.", true, "");
    ok!(meridiem, " in the AM", false, "");
    assert!(meridiem(" a week").is_err());
    assert!(meridiem("pmx").is_err());
}

/// Two digits, no blank before.
fn two_digits(i: &str) -> PResult<'_, i8> {
    let b = i.as_bytes();
    match (b.first(), b.get(1)) {
        (Some(x @ b'0'..=b'9'), Some(y @ b'0'..=b'9')) => {
            Ok((&i[2..], ((x - b'0') * 10 + (y - b'0')) as i8))
        }
        _ => fail(i),
    }
}

/// `clock_numeric = H{1,2} (":" MM [":" SS] | "h" [MM]) | H{1,2} | HMM{3,4}`
///
/// "15h", "15h30" and a leading zero ("07:00") are 24-hour forms; "3:30"
/// and "3" could be a.m. or p.m. A bare hour or "1030" needs a cue.
pub(crate) fn clock_numeric(i: &str) -> PResult<'_, Clock> {
    let (s, _) = gap(i)?;
    let len = s.bytes().take(5).take_while(u8::is_ascii_digit).count();
    if len == 0 || len > 4 {
        return fail(i);
    }
    let v: i32 = s[..len].parse().map_err(|_| nom_err(i))?;
    let rest = &s[len..];
    let zero_led = len == 2 && s.starts_with('0');
    let mut c = Clock {
        hour: 0,
        minute: 0,
        second: 0,
        ambiguous: false,
        bare: false,
        grain: Grain::Hour,
        zone: None,
    };
    let rest = if len <= 2 {
        c.hour = i8::try_from(v)
            .ok()
            .filter(|h| *h <= 24)
            .ok_or_else(|| nom_err(i))?;
        if let Some(r) = rest.strip_prefix(':') {
            let (r, m) = two_digits(r)?;
            c.minute = m;
            c.grain = Grain::Minute;
            c.ambiguous = !zero_led;
            match r.strip_prefix(':').map(two_digits) {
                Some(Ok((r, sec))) => {
                    c.second = sec;
                    c.grain = Grain::Second;
                    r
                }
                _ => r,
            }
        } else if let Some(r) = rest.strip_prefix(['h', 'H']) {
            c.grain = Grain::Minute;
            match two_digits(r) {
                Ok((r, m)) => {
                    c.minute = m;
                    r
                }
                Err(_) => r,
            }
        } else {
            c.ambiguous = !zero_led;
            c.bare = true;
            rest
        }
    } else {
        c.hour = i8::try_from(v / 100).map_err(|_| nom_err(i))?;
        c.minute = i8::try_from(v % 100).map_err(|_| nom_err(i))?;
        c.grain = Grain::Minute;
        c.ambiguous = !s.starts_with('0');
        c.bare = true;
        rest
    };
    if c.hour > 23 || c.minute > 59 || c.second > 59 {
        return fail(i);
    }
    if rest.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return fail(i);
    }
    c.ambiguous = c.ambiguous && (1..=12).contains(&c.hour);
    Ok((rest, c))
}

fn nom_err(i: &str) -> nom::Err<nom::error::Error<&str>> {
    nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Verify))
}

#[test]
fn clock_numeric_forms() {
    let c = clock_numeric("15:23:24").unwrap().1;
    assert_eq!(
        (c.hour, c.minute, c.second, c.grain),
        (15, 23, 24, Grain::Second)
    );
    let c = clock_numeric("3:30pm").unwrap();
    assert_eq!(
        (c.0, c.1.hour, c.1.minute, c.1.ambiguous),
        ("pm", 3, 30, true)
    );
    let c = clock_numeric("15h").unwrap().1;
    assert_eq!((c.hour, c.grain, c.ambiguous), (15, Grain::Minute, false));
    let c = clock_numeric("3h18").unwrap().1;
    assert_eq!((c.hour, c.minute, c.ambiguous), (3, 18, false));
    let c = clock_numeric("1030").unwrap().1;
    assert_eq!((c.hour, c.minute, c.bare), (10, 30, true));
    assert!(clock_numeric("1974").is_err());
    assert!(clock_numeric("25:00").is_err());
    assert!(clock_numeric("12345").is_err());
}

/// A number word from one to `max` ("a" and "an" are not clock numbers).
fn number_word(i: &str, max: i64) -> PResult<'_, i8> {
    let (rest, w) = word(i)?;
    if lower_is(w, &["a", "an"]) {
        return fail(i);
    }
    match lexicon::cardinal(w) {
        Some(n) if (1..=max).contains(&n) => Ok((rest, n as i8)),
        _ => fail(i),
    }
}

/// A glued hyphen or a blank between two words of a number.
fn joiner(i: &str) -> &str {
    match i.strip_prefix('-') {
        Some(r) => r,
        None => i,
    }
}

/// `minute_words = ("oh" | "o" | "ou" | "zero") UNIT | TENS ["-"] [UNIT] | TEEN` (1–59)
pub(crate) fn minute_words(i: &str) -> PResult<'_, i8> {
    let (rest, w) = word(joiner(i))?;
    if lower_is(w, &["oh", "o", "ou", "zero"]) {
        return number_word(joiner(rest), 9);
    }
    let tens = match () {
        () if w.eq_ignore_ascii_case("twenty") => 20,
        () if w.eq_ignore_ascii_case("thirty") => 30,
        () if w.eq_ignore_ascii_case("forty") => 40,
        () if w.eq_ignore_ascii_case("fifty") => 50,
        () => {
            return number_word(joiner(i), 19).and_then(|(r, n)| match n {
                10..=19 => Ok((r, n)),
                _ => fail(i),
            })
        }
    };
    match number_word(joiner(rest), 9) {
        Ok((r, u)) => Ok((r, tens + u)),
        Err(_) => Ok((rest, tens)),
    }
}

#[test]
fn minute_word_forms() {
    ok!(minute_words, " thirty", 30, "");
    ok!(minute_words, "-oh-three", 3, "");
    ok!(minute_words, " fifty nine a m", 59, " a m");
    ok!(minute_words, " twenty-three", 23, "");
    ok!(minute_words, " fifteen", 15, "");
    assert!(minute_words(" five").is_err());
}

/// `clock_words = HOUR_WORD [minute_words]` — "three", "ten thirty", "twelve oh three".
pub(crate) fn clock_words(i: &str) -> PResult<'_, Clock> {
    let (rest, hour) = number_word(i, 12)?;
    let (rest, minute) = opt(rest, minute_words);
    Ok((
        rest,
        Clock {
            hour,
            minute: minute.unwrap_or(0),
            second: 0,
            ambiguous: true,
            bare: true,
            grain: if minute.is_some() {
                Grain::Minute
            } else {
                Grain::Hour
            },
            zone: None,
        },
    ))
}

/// Fixes an ambiguous hour to a.m. or p.m.
fn set_meridiem(c: &mut Clock, pm: bool) {
    if c.ambiguous {
        c.hour = c.hour % 12 + if pm { 12 } else { 0 };
        c.ambiguous = false;
        c.bare = false;
    }
}

/// `noon = "noon" | ["the"] ("midday" | "mid" "day") | "midnight"`
pub(crate) fn noon(i: &str) -> PResult<'_, Clock> {
    let (rest, w) = word(opt(i, kw("the")).0)?;
    let hour = if lower_is(w, &["noon", "midday"]) {
        12
    } else if w.eq_ignore_ascii_case("midnight") {
        0
    } else if w.eq_ignore_ascii_case("mid") {
        return kw("day")(rest).map(|(r, _)| (r, fixed(12, 0, Grain::Hour)));
    } else {
        return fail(i);
    };
    Ok((rest, fixed(hour, 0, Grain::Hour)))
}

/// A clock time with its hour fixed.
fn fixed(hour: i8, minute: i8, grain: Grain) -> Clock {
    Clock {
        hour,
        minute,
        second: 0,
        ambiguous: false,
        bare: false,
        grain,
        zone: None,
    }
}

/// `oclock = "o'clock" | "oclock" | "o" "clock"`
fn oclock(i: &str) -> PResult<'_, ()> {
    let (r, w) = word(i)?;
    if w.eq_ignore_ascii_case("oclock") {
        return Ok((r, ()));
    }
    if !w.eq_ignore_ascii_case("o") {
        return fail(i);
    }
    let r = r.strip_prefix(['\'', '\u{2019}']).unwrap_or(r);
    kw("clock")(r).map(|(r, _)| (r, ()))
}

/// `clock = (clock_numeric | clock_words) ["ish"] [oclock] [meridiem] | noon`
pub(crate) fn clock(i: &str) -> PResult<'_, Clock> {
    if let Ok(r) = noon(i) {
        return Ok(r);
    }
    let (rest, mut c) = match clock_numeric(i) {
        Ok(r) => r,
        Err(_) => clock_words(i)?,
    };
    let rest = ish(rest);
    let (rest, o) = opt(rest, oclock);
    let before = rest;
    let (rest, pm) = opt(rest, meridiem);
    // A lone glued letter ("4a", "7p") leaves a bare hour bare: latent.
    let said = &before[..before.len() - rest.len()];
    let lone_letter = !said.contains(['m', 'M']) && c.bare && c.grain == Grain::Hour;
    let rest = ish(rest);
    let (rest, zone) = opt(rest, zone);
    // "3:30 p.m. local time": the reference's own zone.
    let rest = match kw("local")(rest) {
        Ok((r, _)) if zone.is_none() && !c.bare => opt(r, kw("time")).0,
        _ => rest,
    };
    if let Some(z) = zone {
        c.zone = Some(z);
        c.grain = c.grain.min(Grain::Minute);
        c.bare = false;
    }
    // "2014" reads as 20:14 only with a meridiem or a zone ("at 1930 GMT").
    let t = i.trim_start().as_bytes();
    let four_digits = t.len() >= 4 && t[..4].iter().all(u8::is_ascii_digit);
    if four_digits && (19..=20).contains(&c.hour) && pm.is_none() && zone.is_none() {
        return fail(i);
    }
    if o.is_some() {
        c.bare = false;
    }
    if let Some(pm) = pm {
        let valid = (1..=12).contains(&c.hour) || (c.hour == 0 && !pm);
        if !valid {
            return fail(i);
        }
        c.hour = c.hour % 12 + if pm { 12 } else { 0 };
        c.ambiguous = false;
        c.bare = lone_letter;
    }
    if !word_ends(rest) {
        return fail(i);
    }
    Ok((rest, c))
}

/// `zone = ["("] ZONE [")"]` — a time zone abbreviation → UTC offset in minutes.
pub(crate) fn zone(i: &str) -> PResult<'_, i16> {
    let r = opt(i, sym("(")).0;
    let (r, w) = word(r)?;
    let mut buf = [0; MAX_WORD];
    let minutes = match lexicon::lower(w, &mut buf) {
        Some(b"gmt" | b"utc" | b"wet") => 0,
        Some(b"bst" | b"cet" | b"wat") => 60,
        Some(b"cest" | b"eet" | b"cat" | b"sast") => 120,
        Some(b"eest" | b"msk" | b"eat") => 180,
        Some(b"ist") => 330,
        Some(b"hkt" | b"sgt" | b"awst") => 480,
        Some(b"jst" | b"kst") => 540,
        Some(b"aest") => 600,
        Some(b"edt") => -240,
        Some(b"est" | b"cdt") => -300,
        Some(b"cst" | b"mdt") => -360,
        Some(b"mst" | b"pdt") => -420,
        Some(b"pst") => -480,
        _ => return fail(i),
    };
    let r = opt(r, sym(")")).0;
    Ok((r, minutes))
}

#[test]
fn zones() {
    ok!(zone, " CET", 60, "");
    ok!(zone, " (BST)", 60, "");
    assert!(zone(" cats").is_err());
}

/// A glued "ish" ("3ish", "afternoonish") or "-ish", skipped.
fn ish(i: &str) -> &str {
    let r = i.strip_prefix('-').unwrap_or(i);
    match r.get(..3) {
        Some(s) if s.eq_ignore_ascii_case("ish") && word_ends(&r[3..]) => &r[3..],
        _ => i,
    }
}

#[test]
fn clock_forms() {
    let c = clock(" 3 oclock pm").unwrap().1;
    assert_eq!((c.hour, c.ambiguous, c.bare), (15, false, false));
    let c = clock("12am").unwrap().1;
    assert_eq!(c.hour, 0);
    let c = clock("12pm").unwrap().1;
    assert_eq!(c.hour, 12);
    let c = clock("nine fifty nine a m").unwrap().1;
    assert_eq!((c.hour, c.minute, c.grain), (9, 59, Grain::Minute));
    let c = clock("the midday").unwrap().1;
    assert_eq!((c.hour, c.grain), (12, Grain::Hour));
    let c = clock("3ish pm").unwrap().1;
    assert_eq!(c.hour, 15);
    assert!(clock("3x").is_err());
}

/// `minutes_rel = "half" | ["a"] "quarter" | (DIGIT{1,2} | minute_words) ["minute(s)" | "min(s)"]`
fn minutes_rel(i: &str) -> PResult<'_, i8> {
    if let Ok((r, _)) = kw("half")(i) {
        return Ok((r, 30));
    }
    if let Ok((r, _)) = kw("quarter")(opt(i, kw("a")).0) {
        return Ok((r, 15));
    }
    let (r, n) = match super::numbers::digits(i) {
        Ok((r, (n, len))) if len <= 2 && (1..60).contains(&n) => (r, n as i8),
        Ok(_) => return fail(i),
        Err(_) => match minute_words(i) {
            Ok(x) => x,
            Err(_) => number_word(i, 9)?,
        },
    };
    let r = opt(r, any_kw(&["minute", "minutes", "min", "mins"])).0;
    Ok((r, n))
}

/// `relative_clock = minutes_rel ("past" | "after" | "to" | "till" | "before" | "of") clock | "half" clock`
///
/// "a quarter past 3pm", "20 minutes to 2pm", "half three" (3:30).
pub(crate) fn relative_clock(i: &str) -> PResult<'_, Clock> {
    if let Ok((r, _)) = kw("half")(i) {
        if let Ok((r, base)) = clock(r) {
            if base.minute == 0 && base.grain == Grain::Hour {
                return Ok((r, with_minutes(base, 30)));
            }
        }
    }
    let (after_m, m) = minutes_rel(i)?;
    let (r, w) = any_kw(&["past", "after", "to", "till", "before", "of"])(after_m)?;
    let (r, base) = clock(r)?;
    if base.minute != 0 || base.second != 0 {
        return fail(i);
    }
    // "3 to 4" is a range: a plain number of minutes needs "minutes" or
    // a base that is clearly a clock time ("15 to noon", "20 past 3pm"),
    // and at least five of them ("from 3 to 4 in the PM" is a range).
    let plain = !i[..i.len() - after_m.len()]
        .to_ascii_lowercase()
        .contains(['h', 'q', 'm']);
    if plain && (base.bare || base.ambiguous || m < 5) {
        return fail(i);
    }
    let c = if lower_is(w, &["past", "after"]) {
        with_minutes(base, m)
    } else {
        let mut c = with_minutes(base, 60 - m);
        c.hour = if c.hour == 0 { 23 } else { c.hour - 1 };
        if c.ambiguous && c.hour == 0 {
            c.hour = 12;
        }
        c
    };
    Ok((r, c))
}

fn with_minutes(base: Clock, m: i8) -> Clock {
    Clock {
        minute: m,
        grain: Grain::Minute,
        bare: false,
        ..base
    }
}

#[test]
fn relative_clock_forms() {
    let c = relative_clock("a quarter past 3pm").unwrap().1;
    assert_eq!((c.hour, c.minute), (15, 15));
    let c = relative_clock("15 to noon").unwrap().1;
    assert_eq!((c.hour, c.minute), (11, 45));
    let c = relative_clock("half three").unwrap().1;
    assert_eq!((c.hour, c.minute, c.ambiguous), (3, 30, true));
    let c = relative_clock("20 minutes to 2pm").unwrap().1;
    assert_eq!((c.hour, c.minute), (13, 40));
}

/// `any_clock = relative_clock | clock` — the longest.
fn any_clock(i: &str) -> PResult<'_, Clock> {
    match (relative_clock(i), clock(i)) {
        (Ok(a), Ok(b)) => Ok(if a.0.len() <= b.0.len() { a } else { b }),
        (Ok(a), Err(_)) => Ok(a),
        (Err(_), b) => b,
    }
}

/// `clock_range = ["from" | ["in"] "between"] any_clock ("-" | "to" | "till" | "until" | "untill" | "through" | "and") any_clock`
///
/// A meridiem on the second clock only ("3-4pm") is resolved later.
///
/// `at_start` is what [`any_clock`] reads at `i`: a segment reads it
/// anyway, and parsing it once saves a tenth of a phrase's time.
fn clock_range<'a>(i: &'a str, at_start: PResult<'a, Clock>) -> PResult<'a, (Clock, Clock)> {
    let i2 = opt(i, kw("in")).0;
    let (r, a) = match any_kw(&["from", "between"])(i2) {
        Ok((r, _)) => any_clock(r)?,
        Err(_) => at_start?,
    };
    let r = match sym("-")(r) {
        Ok((r, _)) => r,
        Err(_) => any_kw(&["to", "till", "until", "untill", "through", "and"])(r)?.0,
    };
    let (r, mut b) = any_clock(r)?;
    let mut a = a;
    match (a.zone, b.zone) {
        (Some(z), None) => b.zone = Some(z),
        (None, Some(z)) => a.zone = Some(z),
        _ => {}
    }
    if a.zone.is_some() {
        a.grain = a.grain.min(Grain::Minute);
        b.grain = b.grain.min(Grain::Minute);
    }
    Ok((r, (a, b)))
}

#[test]
fn clock_range_forms() {
    let (r, (a, b)) = clock_range("3-4pm", any_clock("3-4pm")).unwrap();
    assert_eq!((r, a.hour, a.ambiguous, b.hour), ("", 3, true, 16));
    let between = "between 9:30 and 11:00";
    let (_, (a, b)) = clock_range(between, any_clock(between)).unwrap();
    assert_eq!((a.hour, a.minute, b.hour), (9, 30, 11));
}

/// `part_word = "morning" | "afternoon" | "evening" | "night" | "lunch" | "lunchtime"` (with a glued "ish")
fn part_word(i: &str) -> PResult<'_, DayPart> {
    let (rest, w) = word(i)?;
    let w = match w.len().checked_sub(3) {
        Some(n) if w.is_char_boundary(n) && w[n..].eq_ignore_ascii_case("ish") => &w[..n],
        _ => w,
    };
    let mut buf = [0; MAX_WORD];
    let part = match lexicon::lower(w, &mut buf) {
        Some(b"morning") => DayPart::Morning,
        Some(b"afternoon") => DayPart::Afternoon,
        Some(b"evening" | b"night" | b"nite") => DayPart::Evening,
        Some(b"lunch" | b"lunchtime") => DayPart::Lunch,
        _ => return fail(i),
    };
    Ok((rest, part))
}

/// A part of the day as [`day_part`] reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct PartSeg {
    pub part: DayPart,
    /// Days from today when the words name the day ("last night": -1).
    pub day: Option<i64>,
    /// Said with a cue ("this morning", "in the evening"), not bare.
    pub cued: bool,
}

/// `day_part = ["late"] ("tonight" | "tonite") | ["late"] "last" "night"
///   | ["this" | "in" "the" | "at"] ["early"] part_word
///   | ["early"] "in" "the" ["early" "hours" "of" "the"] "morning"`
pub(crate) fn day_part(i: &str) -> PResult<'_, PartSeg> {
    let (r, late) = opt(i, kw("late"));
    let late_or = |p| {
        if late.is_some() {
            DayPart::LateNight
        } else {
            p
        }
    };
    if let Ok((r2, _)) = any_kw(&["tonight", "tonite"])(r) {
        let part = late_or(DayPart::Evening);
        return Ok((
            r2,
            PartSeg {
                part,
                day: None,
                cued: true,
            },
        ));
    }
    if let Ok((r2, _)) = kw("last")(r) {
        let (r2, _) = any_kw(&["night", "nite"])(r2)?;
        let part = late_or(DayPart::Evening);
        return Ok((
            r2,
            PartSeg {
                part,
                day: Some(-1),
                cued: true,
            },
        ));
    }
    if late.is_some() {
        return fail(i);
    }
    let (r, early) = opt(i, kw("early"));
    let (r, cue) = match any_kw(&["this", "at"])(r) {
        Ok((r, _)) => (r, true),
        Err(_) => match kw("in")(r).map(|(r, _)| (opt(r, kw("the")).0, ())) {
            Ok((r, _)) => (r, true),
            Err(_) => (r, false),
        },
    };
    let (r, early2) = opt(r, kw("early"));
    let (r, hours) = opt(r, |x| {
        let (x, _) = kw("hours")(x)?;
        let (x, _) = kw("of")(x)?;
        kw("the")(x)
    });
    if hours.is_some() && early2.is_none() {
        return fail(i);
    }
    let (r, mut part) = part_word(r)?;
    if early.is_some() || early2.is_some() {
        if part != DayPart::Morning {
            return fail(i);
        }
        part = DayPart::EarlyMorning;
    }
    Ok((
        r,
        PartSeg {
            part,
            day: None,
            cued: cue,
        },
    ))
}

#[test]
fn day_part_forms() {
    let p = day_part("late last night").unwrap().1;
    assert_eq!((p.part, p.day), (DayPart::LateNight, Some(-1)));
    let p = day_part(" in the early hours of the morning").unwrap().1;
    assert_eq!(p.part, DayPart::EarlyMorning);
    let p = day_part("afternoonish").unwrap().1;
    assert_eq!((p.part, p.cued), (DayPart::Afternoon, false));
    assert!(day_part("early evening").is_err());
}

/// `now_words = ["right" | "just"] "now" | "at" "the" "moment" | "atm"`
pub(crate) fn now_words(i: &str) -> PResult<'_, ()> {
    let r = opt(i, any_kw(&["right", "just"])).0;
    if let Ok((r, _)) = kw("now")(r) {
        return Ok((r, ()));
    }
    if let Ok((r, _)) = kw("atm")(i) {
        return Ok((r, ()));
    }
    let (r, _) = kw("at")(i)?;
    let (r, _) = kw("the")(r)?;
    kw("moment")(r).map(|(r, _)| (r, ()))
}

/// One segment of a [`clock_phrase`].
#[derive(Debug, Clone, PartialEq)]
enum Seg {
    Day(Expr),
    Part(PartSeg),
    Clock(Clock),
    Range(Clock, Clock),
    /// "in the PM" after a clock range or time.
    Meridiem(bool),
    Now,
}

/// `segment = clock_range | any_clock | day_part | now_words | expr` — the longest.
fn segment(i: &str) -> PResult<'_, Seg> {
    let mut best: Option<(&str, Seg)> = None;
    let mut keep = |r| keep_seg(r, &mut best);
    keep(now_words(i).map(|(r, ())| (r, Seg::Now)));
    keep(meridiem(i).map(|(r, pm)| (r, Seg::Meridiem(pm))));
    keep(day_part(i).map(|(r, p)| (r, Seg::Part(p))));
    let clock_at_start = any_clock(i);
    keep(clock_range(i, clock_at_start.clone()).map(|(r, (a, b))| (r, Seg::Range(a, b))));
    keep(clock_at_start.map(|(r, c)| (r, Seg::Clock(c))));
    keep(super::holiday::holiday(i).map(|(r, e)| (r, Seg::Day(e))));
    keep(expr(i).map(|(r, e)| {
        let seg = match e {
            Expr::Tonight => Seg::Part(PartSeg {
                part: DayPart::Evening,
                day: None,
                cued: true,
            }),
            e => Seg::Day(e),
        };
        (r, seg)
    }));
    best.ok_or_else(|| nom_err(i))
}

/// Keeps `found` when it consumed more input than `best`.
fn keep_seg<'a>(found: PResult<'a, Seg>, best: &mut Option<(&'a str, Seg)>) {
    if let Ok((rest, s)) = found {
        if best.as_ref().is_none_or(|(b, _)| rest.len() < b.len()) {
            *best = Some((rest, s));
        }
    }
}

/// `link = [","] ["at" | "@" | "on" | "for" | "of"]` between segments.
fn link(i: &str) -> &str {
    let i = opt(i, sym(",")).0;
    if let Ok((r, _)) = sym("@")(i) {
        return r;
    }
    match any_kw(&["at", "on", "for", "of"])(i) {
        Ok((r, _)) => r,
        Err(_) => i,
    }
}

/// What opened a [`clock_phrase`]: a cue word, and an open-interval word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct Opener {
    cued: bool,
    direction: Option<Direction>,
    by: bool,
}

/// `opener = ["around" | "about" | "approximately" | "anytime" | "sometime(s)"]
///   ["at" | "@" | "for" | "on" | "after" | "since" | "from" | "before" | "until" | "till" | "untill" | "through" | "by"]`
fn opener(i: &str) -> (&str, Opener) {
    let mut o = Opener::default();
    let i = match any_kw(&[
        "around",
        "about",
        "approximately",
        "anytime",
        "sometime",
        "sometimes",
    ])(i)
    {
        Ok((r, _)) => {
            o.cued = true;
            r
        }
        Err(_) => i,
    };
    if let Ok((r, _)) = sym("@")(i) {
        o.cued = true;
        return (r, o);
    }
    // "at about 3pm"
    if let Ok((r, _)) = kw("at")(i).and_then(|(r, _)| any_kw(&["about", "around"])(r)) {
        o.cued = true;
        return (r, o);
    }
    let Ok((r, w)) = word(i) else {
        return (i, o);
    };
    let mut buf = [0; MAX_WORD];
    match lexicon::lower(w, &mut buf) {
        Some(b"at" | b"for" | b"on") => o.cued = true,
        Some(b"after" | b"since" | b"from") => o.direction = Some(Direction::After),
        Some(b"before" | b"until" | b"till" | b"untill" | b"through") => {
            o.direction = Some(Direction::Before);
        }
        Some(b"by") => o.by = true,
        _ => return (i, o),
    }
    o.cued = true;
    (r, o)
}

/// A phrase read by [`clock_phrase`]: the expression and whether it is
/// latent (a bare number or part of the day with nothing around it).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ClockPhrase {
    pub expr: Expr,
    pub latent: bool,
}

/// `clock_phrase = opener segment (link segment){0,3}` with at least one
/// clock, clock range, part of the day or "now" among the segments.
pub(crate) fn clock_phrase(i: &str) -> PResult<'_, ClockPhrase> {
    let (mut r, o) = opener(i);
    let mut day: Option<Expr> = None;
    let mut part: Option<PartSeg> = None;
    let mut clocks: Option<Seg> = None;
    let mut now = false;
    for n in 0..4 {
        let at = if n == 0 { r } else { link(r) };
        let Ok((rest, seg)) = segment(at) else {
            break;
        };
        match seg {
            Seg::Day(e) if day.is_none() => day = Some(e),
            Seg::Part(p) if part.is_none() => part = Some(p),
            s @ (Seg::Clock(_) | Seg::Range(..)) if clocks.is_none() => clocks = Some(s),
            Seg::Now if !now => now = true,
            Seg::Meridiem(pm) => match clocks.as_mut() {
                Some(Seg::Clock(c)) => set_meridiem(c, pm),
                Some(Seg::Range(a, b)) => {
                    set_meridiem(a, pm);
                    set_meridiem(b, pm);
                }
                _ => break,
            },
            _ => break,
        }
        r = rest;
    }
    // "3pm approximately", "1-2:30 ish"
    r = opt(r, any_kw(&["approximately", "roughly", "ish", "sharp"])).0;
    if let Some(PartSeg { day: Some(k), .. }) = part {
        if day.is_some() {
            return fail(i);
        }
        day = Some(Expr::Day(k));
    }
    let day_given = day.is_some();
    let boxed = day.map(Box::new);
    let (expr, latent) = match (clocks, part, now) {
        (None, None, true) if !day_given => (Expr::Now, false),
        (Some(Seg::Clock(clock)), _, false) => {
            let latent = clock.bare && !o.cued && !day_given && part.is_none();
            let e = Expr::TimeOfDay {
                day: boxed,
                part: part.map(|p| p.part),
                clock,
            };
            (e, latent)
        }
        (Some(Seg::Range(from, to)), _, false) => {
            let latent = from.bare && to.bare && !o.cued && !day_given && part.is_none();
            let e = Expr::ClockRange {
                day: boxed,
                part: part.map(|p| p.part),
                from,
                to,
            };
            return Ok((r, ClockPhrase { expr: e, latent }));
        }
        (None, Some(p), false) => {
            let latent = !p.cued && !day_given && !o.cued;
            let e = Expr::DayPartOf {
                day: boxed,
                part: p.part,
            };
            (e, latent)
        }
        _ => return fail(i),
    };
    let expr = match (o.by, o.direction, &expr) {
        (true, _, _) => Expr::By(Box::new(expr)),
        (false, Some(direction), Expr::TimeOfDay { .. }) => Expr::Open {
            direction,
            bound: Box::new(expr),
        },
        (false, Some(_), _) => return fail(i),
        _ => expr,
    };
    Ok((r, ClockPhrase { expr, latent }))
}

#[test]
fn clock_phrase_forms() {
    let p = clock_phrase("tomorrow at 5pm").unwrap();
    assert_eq!(p.0, "");
    assert!(matches!(p.1.expr, Expr::TimeOfDay { day: Some(_), .. }));
    let p = clock_phrase("7").unwrap().1;
    assert!(p.latent);
    let p = clock_phrase("at 7").unwrap().1;
    assert!(!p.latent);
    let p = clock_phrase("last night").unwrap().1;
    assert!(matches!(p.expr, Expr::DayPartOf { day: Some(_), .. }));
    let p = clock_phrase("until 2:00pm").unwrap().1;
    assert!(matches!(p.expr, Expr::Open { .. }));
    assert!(clock_phrase("tomorrow").is_err());
}
