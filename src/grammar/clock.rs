//! Times of day and centuries, for event relations: "at 1:10 p.m.",
//! "13.10 local time", "just after 1.30 pm"; "the 19th century",
//! "18th-century".
//!
//! ```text
//! clock   := hedge? (H:MM | H.MM | H | HHMM) meridiem? ("local" "time")?
//!            H alone needs a meridiem; H.MM needs a meridiem, "local time"
//!            or a zone word after it (else it is a decimal: "1.50 dlrs");
//!            HHMM needs a zone word after it ("0900 GMT", else a year
//!            or a count: "in 1945")
//! hedge   := about | around | approximately | roughly | (just|shortly|soon)? (after|before)
//! century := ordinal "-"? ("century" | "centuries")     19th, nineteenth
//! ```
//!
//! A time of day is an interval of minutes after midnight: exact as
//! written ("1:10 p.m." is [790, 790]); "about" widens it by ten minutes
//! each way, "just after" and "shortly after" reach twenty minutes on,
//! "after" an hour (and "before" the same way back). A zone other than
//! local time ("GMT") is not read here: a pattern reads it, so that times
//! in two zones are never compared as one. A century is the years it
//! spans: "the 19th century" is [1801, 1900].

use super::token::{Token, TokenKind};

/// A time of day at the start of `tokens`: (tokens read, earliest and
/// latest minute after midnight).
pub fn clock(tokens: &[Token<'_>]) -> Option<(usize, (f64, f64))> {
    let (hedge, k) = clock_hedge(tokens);
    let first = tokens.get(k).filter(|t| t.kind == TokenKind::Number)?;
    let (hour, minute, glued, sep) = split_time(first.text).or_else(|| four_digits(first.text))?;
    let mut n = k + 1;
    let meridiem = match glued {
        Some(m) => Some(m),
        None => meridiem_at(tokens, n).map(|(m, used)| {
            n += used;
            m
        }),
    };
    let local = local_time_at(tokens, n);
    let zone_follows = tokens.get(n).is_some_and(|t| {
        ["gmt", "utc", "cet", "hrs", "hours", "h"]
            .iter()
            .any(|z| t.text.eq_ignore_ascii_case(z))
    });
    // "1945" alone is a year, and "1200 hours" may be a length of time:
    // four digits need a zone or "local time" after them.
    let zoned = local > 0
        || tokens.get(n).is_some_and(|t| {
            ["gmt", "utc", "hrs"]
                .iter()
                .any(|z| t.text.eq_ignore_ascii_case(z))
        });
    if sep == Some(FOUR_DIGITS) && !zoned {
        return None;
    }
    // "8" alone is no time; "1.50" alone is a decimal.
    match (sep, minute.is_some()) {
        (_, false) | (Some('.'), true) if meridiem.is_none() && local == 0 && !zone_follows => {
            return None
        }
        _ => {}
    }
    n += local;
    let hour = match meridiem {
        Some(pm) if (1..=12).contains(&hour) => hour % 12 + if pm { 12 } else { 0 },
        Some(_) => return None,
        None if hour <= 23 => hour,
        None => return None,
    };
    let at = f64::from(hour * 60 + minute.unwrap_or(0));
    let (before, after) = hedge;
    Some((n, (at - before, at + after)))
}

/// The hedge before a time: (minutes it reaches before, after) and the
/// tokens it used.
fn clock_hedge(tokens: &[Token<'_>]) -> ((f64, f64), usize) {
    let word = |k: usize, w: &str| {
        tokens
            .get(k)
            .is_some_and(|t| t.text.eq_ignore_ascii_case(w))
    };
    let near = ["just", "shortly", "soon"].iter().any(|w| word(0, w));
    let at = usize::from(near);
    if word(at, "after") {
        return (if near { (0.0, 20.0) } else { (0.0, 60.0) }, at + 1);
    }
    if word(at, "before") {
        return (if near { (20.0, 0.0) } else { (60.0, 0.0) }, at + 1);
    }
    if ["about", "around", "approximately", "roughly"]
        .iter()
        .any(|w| word(0, w))
    {
        return ((10.0, 10.0), 1);
    }
    ((0.0, 0.0), 0)
}

/// A written time: hour, minute, a meridiem glued to it (true: p.m.),
/// and the separator.
type WrittenTime = (u32, Option<u32>, Option<bool>, Option<char>);

/// "1:10", "13.10", "2:00pm", "8am", "8" as a [`WrittenTime`].
fn split_time(text: &str) -> Option<WrittenTime> {
    let lower = text.to_ascii_lowercase();
    let (digits, glued) = match lower.strip_suffix("pm") {
        Some(d) => (d, Some(true)),
        None => match lower.strip_suffix("am") {
            Some(d) => (d, Some(false)),
            None => (lower.as_str(), None),
        },
    };
    let sep = digits.chars().find(|c| *c == ':' || *c == '.');
    let (h, m) = match sep {
        Some(c) => {
            let (h, m) = digits.split_once(c)?;
            (h, Some(m))
        }
        None => (digits, None),
    };
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(h) || h.len() > 2 {
        return None;
    }
    let minute = match m {
        Some(m) if m.len() == 2 && all_digits(m) => Some(m.parse::<u32>().ok()?),
        Some(_) => return None,
        None => None,
    };
    if minute.is_some_and(|m| m > 59) {
        return None;
    }
    Some((h.parse().ok()?, minute, glued, sep))
}

/// The separator [`four_digits`] gives: none is written.
const FOUR_DIGITS: char = '#';

/// "0900", "1945": hour and minute written together, as newswires give
/// times in GMT (the caller asks for the zone word).
fn four_digits(text: &str) -> Option<WrittenTime> {
    if text.len() != 4 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (hour, minute) = (text[..2].parse().ok()?, text[2..].parse().ok()?);
    (hour <= 23 && minute <= 59).then_some((hour, Some(minute), None, Some(FOUR_DIGITS)))
}

/// "a.m.", "p.m.", "am", "pm" (one to four tokens written together) at
/// `k`: (p.m., tokens used).
fn meridiem_at(tokens: &[Token<'_>], k: usize) -> Option<(bool, usize)> {
    tokens.get(k)?;
    let mut written = String::new();
    let mut best = None;
    for (j, t) in tokens[k..].iter().take(4).enumerate() {
        if j > 0 && t.start != tokens[k + j - 1].end {
            break;
        }
        written.push_str(&t.text.to_ascii_lowercase());
        match written.as_str() {
            "am" | "a.m" | "a.m." => best = Some((false, j + 1)),
            "pm" | "p.m" | "p.m." => best = Some((true, j + 1)),
            _ => {}
        }
    }
    best
}

/// "local time" at `k`: the tokens it uses (0 when absent).
fn local_time_at(tokens: &[Token<'_>], k: usize) -> usize {
    let word = |j: usize, w: &str| {
        tokens
            .get(j)
            .is_some_and(|t| t.text.eq_ignore_ascii_case(w))
    };
    if word(k, "local") && word(k + 1, "time") {
        2
    } else {
        0
    }
}

const ORDINAL_WORDS: [&str; 21] = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
    "twenty-first",
];

/// An ordinal: "19th", "21st", "nineteenth".
fn ordinal(word: &str) -> Option<u32> {
    let lower = word.to_ascii_lowercase();
    if let Some(k) = ORDINAL_WORDS.iter().position(|w| *w == lower) {
        return u32::try_from(k + 1).ok();
    }
    let digits = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|s| lower.strip_suffix(s))?;
    (!digits.is_empty() && digits.len() <= 2 && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| digits.parse().ok())
        .flatten()
}

/// A century at the start of `tokens`: (tokens read, first and last
/// year). "19th century", "18th-century", "nineteenth-century".
pub fn century(tokens: &[Token<'_>]) -> Option<(usize, (f64, f64))> {
    let first = tokens.first()?;
    // Most tokens end in no ordinal suffix: rejected without allocating.
    let ends = |suffix: &str| {
        first.text.len() >= suffix.len()
            && first.text.is_char_boundary(first.text.len() - suffix.len())
            && first.text[first.text.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
    };
    if !["th", "st", "nd", "rd", "century"].iter().any(|s| ends(s)) {
        return None;
    }
    let is_century =
        |w: &str| w.eq_ignore_ascii_case("century") || w.eq_ignore_ascii_case("centuries");
    // One hyphenated word: "nineteenth-century".
    if let Some((ord, _)) = first.text.rsplit_once('-').filter(|(_, r)| is_century(r)) {
        return ordinal(ord).filter(|n| *n > 0).map(|n| (1, years(n)));
    }
    let n = ordinal(first.text).filter(|n| *n > 0)?;
    let mut k = 1;
    if tokens.get(k).is_some_and(|t| t.text == "-") {
        k += 1;
    }
    tokens
        .get(k)
        .filter(|t| is_century(t.text))
        .map(|_| (k + 1, years(n)))
}

/// The years of the `n`th century.
fn years(n: u32) -> (f64, f64) {
    let last = f64::from(n) * 100.0;
    (last - 99.0, last)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grammar::token::tokenize;

    fn at(text: &str) -> Option<(f64, f64)> {
        clock(&tokenize(text, 0)).map(|(_, m)| m)
    }

    #[test]
    fn times_of_day_in_their_usual_forms() {
        assert_eq!(at("1:10 p.m., Joe Biden left"), Some((790.0, 790.0)));
        assert_eq!(at("13.10 local time from Kiev"), Some((790.0, 790.0)));
        assert_eq!(at("2:00pm: Biden departs"), Some((840.0, 840.0)));
        assert_eq!(at("13:17"), Some((797.0, 797.0)));
        assert_eq!(at("8 a.m. on Monday"), Some((480.0, 480.0)));
        assert_eq!(at("12:30 a.m."), Some((30.0, 30.0)));
        assert_eq!(at("just after 1.30 pm"), Some((810.0, 830.0)));
        assert_eq!(at("about 9 pm"), Some((1250.0, 1270.0)));
        assert_eq!(at("0900 GMT"), Some((540.0, 540.0)));
        assert_eq!(at("around 1945 GMT"), Some((1175.0, 1195.0)));
    }

    #[test]
    fn numbers_that_are_no_time_of_day() {
        assert_eq!(at("8 people"), None);
        assert_eq!(at("1.50 dlrs"), None);
        assert_eq!(at("25:10"), None);
        assert_eq!(at("10:75"), None);
        assert_eq!(at("13 p.m."), None);
        assert_eq!(at("2/15"), None);
        assert_eq!(at("1945 and 1946"), None);
        assert_eq!(at("2460 GMT"), None);
        assert_eq!(at("1200 hours of work"), None);
    }

    #[test]
    fn a_time_before_a_zone_is_read_without_it() {
        let tokens = tokenize("18.45 GMT", 0);
        assert_eq!(clock(&tokens), Some((1, (1125.0, 1125.0))));
    }

    #[test]
    fn centuries_are_the_years_they_span() {
        let c = |s: &str| century(&tokenize(s, 0));
        assert_eq!(c("19th century Villa"), Some((2, (1801.0, 1900.0))));
        assert_eq!(c("18th-century villa"), Some((3, (1701.0, 1800.0))));
        assert_eq!(c("nineteenth-century villa"), Some((1, (1801.0, 1900.0))));
        assert_eq!(c("21st century"), Some((2, (2001.0, 2100.0))));
        assert_eq!(c("19th floor"), None);
        assert_eq!(c("the century"), None);
    }
}
