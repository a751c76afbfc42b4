//! Word tables for the temporal grammar: month and weekday names, number
//! words, units, seasons. Input: one ASCII word (any case); output: its
//! meaning. Lookups are `match`es on a lowercased stack copy, so the hot
//! prose scanner never allocates.

use jiff::civil::Weekday;

/// Longest word any table holds ("seventeenth" has 11 letters).
pub(crate) const MAX_WORD: usize = 16;

/// Lowercases `word` into `buf`; `None` when it is not short ASCII.
pub(crate) fn lower<'b>(word: &str, buf: &'b mut [u8; MAX_WORD]) -> Option<&'b str> {
    let bytes = word.as_bytes();
    if bytes.is_empty() || bytes.len() > MAX_WORD || !word.is_ascii() {
        return None;
    }
    for (slot, b) in buf.iter_mut().zip(bytes) {
        *slot = b.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..bytes.len()]).ok()
}

/// A month name: (month 1–12, abbreviated?).
pub(crate) fn month(word: &str) -> Option<(i8, bool)> {
    let mut buf = [0; MAX_WORD];
    let w = lower(word, &mut buf)?;
    Some(match w {
        "january" => (1, false),
        "jan" => (1, true),
        "february" => (2, false),
        "feb" => (2, true),
        "march" => (3, false),
        "mar" => (3, true),
        "april" => (4, false),
        "apr" => (4, true),
        "may" => (5, false),
        "june" => (6, false),
        "jun" => (6, true),
        "july" => (7, false),
        "jul" => (7, true),
        "august" => (8, false),
        "aug" => (8, true),
        "september" => (9, false),
        "sep" | "sept" => (9, true),
        "october" => (10, false),
        "oct" => (10, true),
        "november" => (11, false),
        "nov" => (11, true),
        "december" => (12, false),
        "dec" => (12, true),
        _ => return None,
    })
}

/// A weekday name: (weekday, abbreviated?).
pub(crate) fn weekday(word: &str) -> Option<(Weekday, bool)> {
    let mut buf = [0; MAX_WORD];
    let w = lower(word, &mut buf)?;
    Some(match w {
        "monday" => (Weekday::Monday, false),
        "mon" => (Weekday::Monday, true),
        "tuesday" => (Weekday::Tuesday, false),
        "tue" | "tues" => (Weekday::Tuesday, true),
        "wednesday" => (Weekday::Wednesday, false),
        "wed" => (Weekday::Wednesday, true),
        "thursday" => (Weekday::Thursday, false),
        "thu" | "thur" | "thurs" => (Weekday::Thursday, true),
        "friday" => (Weekday::Friday, false),
        "fri" => (Weekday::Friday, true),
        "saturday" => (Weekday::Saturday, false),
        "sat" => (Weekday::Saturday, true),
        "sunday" => (Weekday::Sunday, false),
        "sun" => (Weekday::Sunday, true),
        _ => return None,
    })
}

/// A cardinal number word ("a" and "an" count as one).
pub(crate) fn cardinal(word: &str) -> Option<i64> {
    let mut buf = [0; MAX_WORD];
    let w = lower(word, &mut buf)?;
    Some(match w {
        "a" | "an" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        _ => return None,
    })
}

/// An ordinal word below twenty ("first" … "nineteenth").
pub(crate) fn ordinal_unit(word: &str) -> Option<u32> {
    let mut buf = [0; MAX_WORD];
    let w = lower(word, &mut buf)?;
    Some(match w {
        "first" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" => 4,
        "fifth" => 5,
        "sixth" => 6,
        "seventh" => 7,
        "eighth" => 8,
        "ninth" => 9,
        "tenth" => 10,
        "eleventh" => 11,
        "twelfth" => 12,
        "thirteenth" => 13,
        "fourteenth" => 14,
        "fifteenth" => 15,
        "sixteenth" => 16,
        "seventeenth" => 17,
        "eighteenth" => 18,
        "nineteenth" => 19,
        _ => return None,
    })
}

/// The tens of an ordinal: "twentieth", "thirtieth" alone, or "twenty"/"thirty"
/// as the first half of "twenty-first". Returns (value, complete?).
pub(crate) fn ordinal_tens(word: &str) -> Option<(u32, bool)> {
    let mut buf = [0; MAX_WORD];
    let w = lower(word, &mut buf)?;
    Some(match w {
        "twentieth" => (20, true),
        "thirtieth" => (30, true),
        "twenty" => (20, false),
        "thirty" => (30, false),
        _ => return None,
    })
}

/// Calendar units a relative expression can count or shift by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    Minute,
    Hour,
    Day,
    Week,
    Fortnight,
    Month,
    Quarter,
    Year,
}

/// A unit word, singular or plural.
pub(crate) fn unit(word: &str) -> Option<Unit> {
    let mut buf = [0; MAX_WORD];
    let w = lower(word, &mut buf)?;
    let w = w.strip_suffix('s').unwrap_or(w);
    Some(match w {
        "minute" | "min" => Unit::Minute,
        "hour" | "hr" => Unit::Hour,
        "day" => Unit::Day,
        "week" | "wk" => Unit::Week,
        "fortnight" => Unit::Fortnight,
        "month" => Unit::Month,
        "quarter" | "qtr" => Unit::Quarter,
        "year" | "yr" => Unit::Year,
        _ => return None,
    })
}

/// Astronomical seasons (northern hemisphere, as Duckling).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Season {
    Spring,
    Summer,
    Fall,
    Winter,
}

/// A season word.
pub(crate) fn season(word: &str) -> Option<Season> {
    let mut buf = [0; MAX_WORD];
    Some(match lower(word, &mut buf)? {
        "spring" => Season::Spring,
        "summer" => Season::Summer,
        "fall" | "autumn" => Season::Fall,
        "winter" => Season::Winter,
        _ => return None,
    })
}

/// Words that can open a date expression in prose (besides digits, month,
/// weekday, number and ordinal words). The scanner tries the grammar only
/// at these, which is what keeps it fast.
pub(crate) fn is_opener(word: &str) -> bool {
    let mut buf = [0; MAX_WORD];
    let Some(w) = lower(word, &mut buf) else {
        return false;
    };
    matches!(
        w,
        "today"
            | "yesterday"
            | "tomorrow"
            | "tonight"
            | "last"
            | "next"
            | "this"
            | "past"
            | "previous"
            | "coming"
            | "following"
            | "current"
            | "earlier"
            | "later"
            | "early"
            | "mid"
            | "late"
            | "end"
            | "beginning"
            | "start"
            | "middle"
            | "since"
            | "before"
            | "after"
            | "until"
            | "till"
            | "through"
            | "from"
            | "between"
            | "within"
            | "the"
            | "in"
            | "on"
            | "during"
            | "few"
            | "couple"
            | "several"
            | "all"
            | "rest"
            | "spring"
            | "summer"
            | "autumn"
            | "winter"
    ) || month(w).is_some()
        || weekday(w).is_some()
        || cardinal(w).is_some()
        || ordinal_unit(w).is_some()
        || ordinal_tens(w).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_names_and_abbreviations() {
        assert_eq!(month("SEPT"), Some((9, true)));
        assert_eq!(month("June"), Some((6, false)));
        assert_eq!(month("Junes"), None);
    }

    #[test]
    fn weekday_names() {
        assert_eq!(weekday("friday"), Some((Weekday::Friday, false)));
        assert_eq!(weekday("Thurs"), Some((Weekday::Thursday, true)));
    }

    #[test]
    fn units_accept_plurals() {
        assert_eq!(unit("Weeks"), Some(Unit::Week));
        assert_eq!(unit("s"), None);
    }

    #[test]
    fn long_or_non_ascii_words_never_match() {
        assert_eq!(month("januaryjanuaryjanuary"), None);
        assert_eq!(month("mär"), None);
        assert!(!is_opener(""));
    }

    #[test]
    fn openers_cover_relative_words_and_names() {
        for w in ["Last", "since", "June", "Friday", "two", "third"] {
            assert!(is_opener(w), "{w}");
        }
        assert!(!is_opener("said"));
    }
}
