//! Word tables for the temporal grammar: month and weekday names, number
//! words, units, seasons. Input: one ASCII word (any case); output: its
//! meaning. Lookups are `match`es on a lowercased stack copy, so the hot
//! prose scanner never allocates.

use jiff::civil::Weekday;

/// Longest word any table holds ("seventeenth" has 11 letters).
pub(crate) const MAX_WORD: usize = 16;

/// Lowercases `word` into `buf`; `None` when it is not short ASCII. Bytes,
/// not `str`: the tables match on byte strings, with no UTF-8 re-check.
pub(crate) fn lower<'b>(word: &str, buf: &'b mut [u8; MAX_WORD]) -> Option<&'b [u8]> {
    let bytes = word.as_bytes();
    if bytes.is_empty() || bytes.len() > MAX_WORD || !word.is_ascii() {
        return None;
    }
    for (slot, b) in buf.iter_mut().zip(bytes) {
        *slot = b.to_ascii_lowercase();
    }
    Some(&buf[..bytes.len()])
}

/// A month name: (month 1–12, abbreviated?).
pub(crate) fn month(word: &str) -> Option<(i8, bool)> {
    let mut buf = [0; MAX_WORD];
    month_lower(lower(word, &mut buf)?)
}

pub(crate) fn month_lower(w: &[u8]) -> Option<(i8, bool)> {
    Some(match w {
        b"january" => (1, false),
        b"jan" => (1, true),
        b"february" => (2, false),
        b"feb" => (2, true),
        b"march" => (3, false),
        b"mar" => (3, true),
        b"april" => (4, false),
        b"apr" => (4, true),
        b"may" => (5, false),
        b"june" => (6, false),
        b"jun" => (6, true),
        b"july" => (7, false),
        b"jul" => (7, true),
        b"august" => (8, false),
        b"aug" => (8, true),
        b"september" => (9, false),
        b"sep" | b"sept" => (9, true),
        b"october" => (10, false),
        b"oct" => (10, true),
        b"november" => (11, false),
        b"nov" => (11, true),
        b"december" => (12, false),
        b"dec" => (12, true),
        _ => return None,
    })
}

/// A weekday name: (weekday, abbreviated?).
pub(crate) fn weekday(word: &str) -> Option<(Weekday, bool)> {
    let mut buf = [0; MAX_WORD];
    weekday_lower(lower(word, &mut buf)?)
}

pub(crate) fn weekday_lower(w: &[u8]) -> Option<(Weekday, bool)> {
    Some(match w {
        b"monday" => (Weekday::Monday, false),
        b"mon" => (Weekday::Monday, true),
        b"tuesday" => (Weekday::Tuesday, false),
        b"tue" | b"tues" => (Weekday::Tuesday, true),
        b"wednesday" => (Weekday::Wednesday, false),
        b"wed" => (Weekday::Wednesday, true),
        b"thursday" => (Weekday::Thursday, false),
        b"thu" | b"thur" | b"thurs" => (Weekday::Thursday, true),
        b"friday" => (Weekday::Friday, false),
        b"fri" => (Weekday::Friday, true),
        b"saturday" => (Weekday::Saturday, false),
        b"sat" => (Weekday::Saturday, true),
        b"sunday" => (Weekday::Sunday, false),
        b"sun" => (Weekday::Sunday, true),
        _ => return None,
    })
}

/// A cardinal number word ("a" and b"an" count as one).
pub(crate) fn cardinal(word: &str) -> Option<i64> {
    let mut buf = [0; MAX_WORD];
    cardinal_lower(lower(word, &mut buf)?)
}

fn cardinal_lower(w: &[u8]) -> Option<i64> {
    Some(match w {
        b"a" | b"an" | b"one" => 1,
        b"two" => 2,
        b"three" => 3,
        b"four" => 4,
        b"five" => 5,
        b"six" => 6,
        b"seven" => 7,
        b"eight" => 8,
        b"nine" => 9,
        b"ten" => 10,
        b"eleven" => 11,
        b"twelve" => 12,
        b"thirteen" => 13,
        b"fourteen" => 14,
        b"fifteen" => 15,
        b"sixteen" => 16,
        b"seventeen" => 17,
        b"eighteen" => 18,
        b"nineteen" => 19,
        b"twenty" => 20,
        b"thirty" => 30,
        _ => return None,
    })
}

/// An ordinal word below twenty ("first" … b"nineteenth").
pub(crate) fn ordinal_unit(word: &str) -> Option<u32> {
    let mut buf = [0; MAX_WORD];
    ordinal_unit_lower(lower(word, &mut buf)?)
}

pub(crate) fn ordinal_unit_lower(w: &[u8]) -> Option<u32> {
    Some(match w {
        b"first" => 1,
        b"second" => 2,
        b"third" => 3,
        b"fourth" => 4,
        b"fifth" => 5,
        b"sixth" => 6,
        b"seventh" => 7,
        b"eighth" => 8,
        b"ninth" => 9,
        b"tenth" => 10,
        b"eleventh" => 11,
        b"twelfth" => 12,
        b"thirteenth" => 13,
        b"fourteenth" => 14,
        b"fifteenth" => 15,
        b"sixteenth" => 16,
        b"seventeenth" => 17,
        b"eighteenth" => 18,
        b"nineteenth" => 19,
        _ => return None,
    })
}

/// The tens of an ordinal: b"twentieth", b"thirtieth" alone, or b"twenty"/b"thirty"
/// as the first half of "twenty-first". Returns (value, complete?).
pub(crate) fn ordinal_tens(word: &str) -> Option<(u32, bool)> {
    let mut buf = [0; MAX_WORD];
    ordinal_tens_lower(lower(word, &mut buf)?)
}

pub(crate) fn ordinal_tens_lower(w: &[u8]) -> Option<(u32, bool)> {
    Some(match w {
        b"twentieth" => (20, true),
        b"thirtieth" => (30, true),
        b"twenty" => (20, false),
        b"thirty" => (30, false),
        _ => return None,
    })
}

/// Calendar units a relative expression can count or shift by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    Second,
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
    unit_lower(lower(word, &mut buf)?)
}

fn unit_lower(w: &[u8]) -> Option<Unit> {
    // "second" alone is the ordinal far more often ("after a second half
    // loss") and "SEC" the regulator ("in several SEC filings"): only
    // "seconds" counts time.
    if w == b"second" {
        return None;
    }
    let w = w.strip_suffix(b"s").unwrap_or(w);
    Some(match w {
        b"second" => Unit::Second,
        b"minute" | b"min" => Unit::Minute,
        b"hour" | b"hr" => Unit::Hour,
        b"day" => Unit::Day,
        b"week" | b"wk" => Unit::Week,
        b"fortnight" => Unit::Fortnight,
        b"month" => Unit::Month,
        b"quarter" | b"qtr" => Unit::Quarter,
        b"year" | b"yr" => Unit::Year,
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
        b"spring" => Season::Spring,
        b"summer" => Season::Summer,
        b"fall" | b"autumn" => Season::Fall,
        b"winter" => Season::Winter,
        _ => return None,
    })
}

/// Words that can open a date expression in prose (besides digits, month,
/// weekday, number and ordinal words). The scanner tries the grammar only
/// at these, which is what keeps it fast; it asks [`opener`] and
/// [`continues_date`], which read the same table.
#[cfg(test)]
pub(crate) fn is_opener(word: &str) -> bool {
    let mut buf = [0; MAX_WORD];
    lower(word, &mut buf).is_some_and(is_opener_lower)
}

/// Whether a word can follow an opener in a date (the scanner's test of
/// the word after "in", "the", "last"…): an opener, a unit, "half",
/// "weekend", "of", "s" ("the 1980 s") or "or" ("on or before"). One
/// lowercasing for the three tables.
pub(crate) fn continues_date(word: &str) -> bool {
    // Most words after "the", "in" or "a" are nouns with no such shape.
    if !has_shape(&CONTINUER_SHAPES, word.as_bytes()) {
        return false;
    }
    let mut buf = [0; MAX_WORD];
    lower(word, &mut buf).is_some_and(|w| {
        is_opener_lower(w)
            || unit_lower(w).is_some()
            || matches!(w, b"half" | b"weekend" | b"of" | b"s" | b"or")
    })
}

/// How a word may open a date expression in prose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Opener {
    /// Not at all.
    No,
    /// On its own: a month or weekday name, "today", "yesterday"…
    Alone,
    /// Only when the next word can continue a date ("the", "in", "last"…).
    WithNext,
}

/// Classifies a prose token with one lowercasing and one `match`: it runs
/// at every word of the text, so the month, weekday, number and opener
/// tables are merged here rather than tried one after another (the test
/// `opener_agrees_with_the_tables` keeps it in step with them).
pub(crate) fn opener(word: &str) -> Opener {
    // Nine words in ten have no opener's shape and skip the copy.
    if !has_shape(&OPENER_SHAPES, word.as_bytes()) {
        return Opener::No;
    }
    let mut buf = [0; MAX_WORD];
    match lower(word, &mut buf) {
        Some(w) => opener_lower(w),
        None => Opener::No,
    }
}

/// Length of the longest opener word ("seventeenth").
#[cfg(test)]
const LONGEST_OPENER: usize = 11;

/// Every word [`opener_lower`] knows (the test
/// `opener_agrees_with_the_tables` checks that none is missing).
const OPENER_WORDS: &[&[u8]] = &[
    b"january",
    b"jan",
    b"february",
    b"feb",
    b"march",
    b"mar",
    b"april",
    b"apr",
    b"may",
    b"june",
    b"jun",
    b"july",
    b"jul",
    b"august",
    b"aug",
    b"september",
    b"sep",
    b"sept",
    b"october",
    b"oct",
    b"november",
    b"nov",
    b"december",
    b"dec",
    b"monday",
    b"mon",
    b"tuesday",
    b"tue",
    b"tues",
    b"wednesday",
    b"wed",
    b"thursday",
    b"thu",
    b"thur",
    b"thurs",
    b"friday",
    b"fri",
    b"saturday",
    b"sat",
    b"sunday",
    b"sun",
    b"today",
    b"yesterday",
    b"tomorrow",
    b"tonight",
    b"last",
    b"next",
    b"this",
    b"past",
    b"previous",
    b"coming",
    b"following",
    b"current",
    b"earlier",
    b"later",
    b"early",
    b"mid",
    b"late",
    b"end",
    b"beginning",
    b"start",
    b"middle",
    b"since",
    b"before",
    b"after",
    b"until",
    b"till",
    b"through",
    b"from",
    b"between",
    b"within",
    b"the",
    b"in",
    b"on",
    b"during",
    b"few",
    b"couple",
    b"several",
    b"all",
    b"rest",
    b"spring",
    b"summer",
    b"autumn",
    b"winter",
    b"a",
    b"an",
    b"one",
    b"two",
    b"three",
    b"four",
    b"five",
    b"six",
    b"seven",
    b"eight",
    b"nine",
    b"ten",
    b"eleven",
    b"twelve",
    b"thirteen",
    b"fourteen",
    b"fifteen",
    b"sixteen",
    b"seventeen",
    b"eighteen",
    b"nineteen",
    b"twenty",
    b"thirty",
    b"first",
    b"second",
    b"third",
    b"fourth",
    b"fifth",
    b"sixth",
    b"seventh",
    b"eighth",
    b"ninth",
    b"tenth",
    b"eleventh",
    b"twelfth",
    b"thirteenth",
    b"fourteenth",
    b"fifteenth",
    b"sixteenth",
    b"seventeenth",
    b"eighteenth",
    b"nineteenth",
    b"twentieth",
    b"thirtieth",
];

/// Every unit word [`unit`] knows, singular and plural.
const UNIT_WORDS: &[&[u8]] = &[
    b"seconds",
    b"minute",
    b"minutes",
    b"min",
    b"mins",
    b"hour",
    b"hours",
    b"hr",
    b"hrs",
    b"day",
    b"days",
    b"week",
    b"weeks",
    b"wk",
    b"wks",
    b"fortnight",
    b"fortnights",
    b"month",
    b"months",
    b"quarter",
    b"quarters",
    b"qtr",
    b"qtrs",
    b"year",
    b"years",
    b"yr",
    b"yrs",
];

/// The words [`continues_date`] accepts besides openers and units.
const OTHER_CONTINUERS: &[&[u8]] = &[b"half", b"weekend", b"of", b"s", b"or"];

/// The words besides openers that may open a date in prose: those the
/// scanner's extra forms start with (parts of a named day, holidays, the
/// open-interval words before one, news forms; see `scan::may_be_extra`).
pub(crate) const EXTRA_OPENERS: &[&[u8]] = &[
    b"so",
    b"qtr",
    b"the",
    b"that",
    b"this",
    b"last",
    b"late",
    b"year",
    b"same",
    b"just",
    b"till",
    b"today",
    b"after",
    b"since",
    b"until",
    b"monday",
    b"friday",
    b"sunday",
    b"easter",
    b"before",
    b"fiscal",
    b"quarter",
    b"tuesday",
    b"ramadan",
    b"shortly",
    b"thursday",
    b"saturday",
    b"tomorrow",
    b"passover",
    b"hanukkah",
    b"yesterday",
    b"wednesday",
    b"christmas",
    b"thanksgiving",
];

static PROSE_SHAPES: Shapes = shapes(&[OPENER_WORDS, EXTRA_OPENERS]);

static EXTRA_SHAPES: Shapes = shapes(&[EXTRA_OPENERS]);

/// Whether `tok` is one of [`EXTRA_OPENERS`] (any case): its shape first,
/// then the list.
pub(crate) fn is_extra_opener(tok: &[u8]) -> bool {
    has_shape(&EXTRA_SHAPES, tok)
        && EXTRA_OPENERS
            .iter()
            .any(|w| w.len() == tok.len() && tok.eq_ignore_ascii_case(w))
}

/// Whether a token of ASCII letters and digits that starts with a letter
/// may open a date in prose: it has the shape of an [`opener`] or of an
/// [`EXTRA_OPENERS`] word, or it is "FY" and digits. A necessary
/// condition, one table look-up: the scanner asks it first at every word,
/// and nine words in ten stop here.
pub(crate) fn may_open_in_prose(tok: &[u8]) -> bool {
    has_shape(&PROSE_SHAPES, tok)
        || (tok.len() >= 4
            && tok[0] | 0x20 == b'f'
            && tok[1] | 0x20 == b'y'
            && tok[2].is_ascii_digit())
}

/// Word shapes: for each length and first letter, the set of last letters
/// (bit 0 = 'a'). A word whose shape is not in a table's set is none of
/// its words: one look-up rejects most words before any lowercasing.
type Shapes = [[u32; 26]; SHAPE_LEN + 1];

/// The longest word a shape table holds ("thanksgiving").
const SHAPE_LEN: usize = 12;

static OPENER_SHAPES: Shapes = shapes(&[OPENER_WORDS]);

static CONTINUER_SHAPES: Shapes = shapes(&[OPENER_WORDS, UNIT_WORDS, OTHER_CONTINUERS]);

/// Builds a shape table from lists of lower-case words, at compile time.
const fn shapes(lists: &[&[&[u8]]]) -> Shapes {
    let mut shapes = [[0; 26]; SHAPE_LEN + 1];
    let mut l = 0;
    while l < lists.len() {
        let mut k = 0;
        while k < lists[l].len() {
            let w = lists[l][k];
            shapes[w.len()][(w[0] - b'a') as usize] |= 1 << (w[w.len() - 1] - b'a');
            k += 1;
        }
        l += 1;
    }
    shapes
}

/// Whether `word` has the length, first and last letter (any case) of a
/// word of `shapes`: a necessary condition, one table look-up.
fn has_shape(shapes: &Shapes, word: &[u8]) -> bool {
    let (Some(&first), Some(&last)) = (word.first(), word.last()) else {
        return false;
    };
    // `| 0x20` lower-cases a letter; anything else stays out of a..=z
    // (digits, punctuation, non-ASCII bytes).
    let (first, last) = (first | 0x20, last | 0x20);
    word.len() <= SHAPE_LEN
        && first.is_ascii_lowercase()
        && last.is_ascii_lowercase()
        && shapes[word.len()][usize::from(first - b'a')] >> (last - b'a') & 1 != 0
}

fn opener_lower(w: &[u8]) -> Opener {
    match w {
        // Month and weekday names, day words.
        b"january" | b"jan" | b"february" | b"feb" | b"march" | b"mar" | b"april" | b"apr"
        | b"may" | b"june" | b"jun" | b"july" | b"jul" | b"august" | b"aug" | b"september"
        | b"sep" | b"sept" | b"october" | b"oct" | b"november" | b"nov" | b"december"
        | b"dec" | b"monday" | b"mon" | b"tuesday" | b"tue" | b"tues" | b"wednesday"
        | b"wed" | b"thursday" | b"thu" | b"thur" | b"thurs" | b"friday" | b"fri"
        | b"saturday" | b"sat" | b"sunday" | b"sun" | b"today" | b"yesterday" | b"tomorrow"
        | b"tonight" => Opener::Alone,
        // Relative and function words.
        b"last" | b"next" | b"this" | b"past" | b"previous" | b"coming" | b"following"
        | b"current" | b"earlier" | b"later" | b"early" | b"mid" | b"late" | b"end"
        | b"beginning" | b"start" | b"middle" | b"since" | b"before" | b"after" | b"until"
        | b"till" | b"through" | b"from" | b"between" | b"within" | b"the" | b"in" | b"on"
        | b"during" | b"few" | b"couple" | b"several" | b"all" | b"rest" | b"spring"
        | b"summer" | b"autumn" | b"winter"
        // Cardinals.
        | b"a" | b"an" | b"one" | b"two" | b"three" | b"four" | b"five" | b"six" | b"seven"
        | b"eight" | b"nine" | b"ten" | b"eleven" | b"twelve" | b"thirteen" | b"fourteen"
        | b"fifteen" | b"sixteen" | b"seventeen" | b"eighteen" | b"nineteen" | b"twenty"
        | b"thirty"
        // Ordinals.
        | b"first" | b"second" | b"third" | b"fourth" | b"fifth" | b"sixth" | b"seventh"
        | b"eighth" | b"ninth" | b"tenth" | b"eleventh" | b"twelfth" | b"thirteenth"
        | b"fourteenth" | b"fifteenth" | b"sixteenth" | b"seventeenth" | b"eighteenth"
        | b"nineteenth" | b"twentieth" | b"thirtieth" => Opener::WithNext,
        _ => Opener::No,
    }
}

/// The opener tables one by one: what [`opener_lower`] merges.
#[cfg(test)]
fn opener_by_tables(w: &[u8]) -> Opener {
    if month_lower(w).is_some()
        || weekday_lower(w).is_some()
        || matches!(w, b"today" | b"yesterday" | b"tomorrow" | b"tonight")
    {
        Opener::Alone
    } else if is_opener_word_lower(w) {
        Opener::WithNext
    } else {
        Opener::No
    }
}

fn is_opener_lower(w: &[u8]) -> bool {
    opener_lower(w) != Opener::No
}

/// [`is_opener_lower`] but for month and weekday names.
#[cfg(test)]
fn is_opener_word_lower(w: &[u8]) -> bool {
    matches!(
        w,
        b"today"
            | b"yesterday"
            | b"tomorrow"
            | b"tonight"
            | b"last"
            | b"next"
            | b"this"
            | b"past"
            | b"previous"
            | b"coming"
            | b"following"
            | b"current"
            | b"earlier"
            | b"later"
            | b"early"
            | b"mid"
            | b"late"
            | b"end"
            | b"beginning"
            | b"start"
            | b"middle"
            | b"since"
            | b"before"
            | b"after"
            | b"until"
            | b"till"
            | b"through"
            | b"from"
            | b"between"
            | b"within"
            | b"the"
            | b"in"
            | b"on"
            | b"during"
            | b"few"
            | b"couple"
            | b"several"
            | b"all"
            | b"rest"
            | b"spring"
            | b"summer"
            | b"autumn"
            | b"winter"
    ) || cardinal_lower(w).is_some()
        || ordinal_unit_lower(w).is_some()
        || ordinal_tens_lower(w).is_some()
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

    /// The shape filter of `continues_date` never rejects a word the
    /// tables accept: every opener, unit form and other continuer, in any
    /// case, and words that are none of them.
    #[test]
    fn continues_date_agrees_with_the_tables() {
        let slow = |w: &str| {
            is_opener(w)
                || unit(w).is_some()
                || ["half", "weekend", "of", "s", "or"]
                    .iter()
                    .any(|x| w.eq_ignore_ascii_case(x))
        };
        let words = [OPENER_WORDS, UNIT_WORDS, OTHER_CONTINUERS].concat();
        for w in &words {
            assert!(unit(std::str::from_utf8(w).unwrap()).is_some() || !UNIT_WORDS.contains(w));
        }
        let others = [
            "said", "company", "dayss", "yrss", "weekends", "o", "", "x1", "fall",
        ];
        let words = words
            .iter()
            .map(|w| std::str::from_utf8(w).unwrap())
            .chain(others);
        for w in words {
            for v in [w.to_string(), w.to_uppercase(), format!("{w}s")] {
                assert_eq!(continues_date(&v), slow(&v), "{v}");
            }
        }
        for u in [
            "minute",
            "min",
            "hour",
            "hr",
            "day",
            "week",
            "wk",
            "fortnight",
        ] {
            assert!(UNIT_WORDS.contains(&u.as_bytes()));
        }
        for u in ["month", "quarter", "qtr", "year", "yr"] {
            assert!(UNIT_WORDS.contains(&format!("{u}s").as_bytes()));
        }
    }

    #[test]
    fn opener_agrees_with_the_tables() {
        let words = [
            "january",
            "jan",
            "february",
            "feb",
            "march",
            "mar",
            "april",
            "apr",
            "may",
            "june",
            "jun",
            "july",
            "jul",
            "august",
            "aug",
            "september",
            "sep",
            "sept",
            "october",
            "oct",
            "november",
            "nov",
            "december",
            "dec",
            "monday",
            "mon",
            "tuesday",
            "tue",
            "tues",
            "wednesday",
            "wed",
            "thursday",
            "thu",
            "thur",
            "thurs",
            "friday",
            "fri",
            "saturday",
            "sat",
            "sunday",
            "sun",
            "today",
            "yesterday",
            "tomorrow",
            "tonight",
            "last",
            "next",
            "this",
            "past",
            "previous",
            "coming",
            "following",
            "current",
            "earlier",
            "later",
            "early",
            "mid",
            "late",
            "end",
            "beginning",
            "start",
            "middle",
            "since",
            "before",
            "after",
            "until",
            "till",
            "through",
            "from",
            "between",
            "within",
            "the",
            "in",
            "on",
            "during",
            "few",
            "couple",
            "several",
            "all",
            "rest",
            "spring",
            "summer",
            "autumn",
            "winter",
            "a",
            "an",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
            "thirty",
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
            "thirtieth",
            "fall",
            "said",
            "week",
            "x",
            "thirtyone",
            "seventeenths",
            "of",
            "and",
            "to",
            "day",
            "",
        ];
        for w in words {
            for v in [w.to_string(), w.to_uppercase()] {
                let mut buf = [0; MAX_WORD];
                let by_tables = lower(&v, &mut buf).map_or(Opener::No, opener_by_tables);
                assert_eq!(opener(&v), by_tables, "{v}");
                let listed = OPENER_WORDS.contains(&w.as_bytes());
                assert_eq!(by_tables != Opener::No, listed, "{v}");
                assert!(w.len() <= LONGEST_OPENER || by_tables == Opener::No);
            }
        }
    }
}
