//! Holiday names ("Christmas", "Thanksgiving", "Easter Monday", "MLK
//! day") with an optional shift ("last Easter") or year ("Easter 2010",
//! "Thanksgiving of next year", "Thanksgiving 3 months ago"). The rules
//! that date them are in `temporal::holiday`. Read at the phrase level
//! only, like [`super::clock`].

use jiff::civil::Weekday;

use super::numbers::year4;
use super::relative::shift_word;
use super::{fail, gap, kw, opt, phrase, PResult};
use crate::temporal::ast::{Expr, Shift};
use crate::temporal::holiday::HolidayRule;

use HolidayRule::{Easter, EasterSpan, Fixed, Nth, Orthodox, OrthodoxSpan};

const fn nth(month: i8, weekday: Weekday, n: i8, plus: i8) -> HolidayRule {
    Nth {
        month,
        weekday,
        n,
        plus,
    }
}

/// Holiday names, lowercase, apostrophes and periods dropped, one blank
/// between words; longest names are tried first by [`holiday_name`].
const NAMES: &[(&str, HolidayRule)] = &[
    ("christmas", Fixed(12, 25)),
    ("xmas", Fixed(12, 25)),
    ("christmas eve", Fixed(12, 24)),
    ("xmas eve", Fixed(12, 24)),
    ("boxing day", Fixed(12, 26)),
    ("new years eve", Fixed(12, 31)),
    ("new year eve", Fixed(12, 31)),
    ("new years day", Fixed(1, 1)),
    ("new year day", Fixed(1, 1)),
    ("valentines day", Fixed(2, 14)),
    ("valentine day", Fixed(2, 14)),
    ("valentines", Fixed(2, 14)),
    ("halloween", Fixed(10, 31)),
    ("st patricks day", Fixed(3, 17)),
    ("st paddys day", Fixed(3, 17)),
    ("saint patricks day", Fixed(3, 17)),
    ("saint paddys day", Fixed(3, 17)),
    ("world vegan day", Fixed(11, 1)),
    ("independence day", Fixed(7, 4)),
    ("veterans day", Fixed(11, 11)),
    ("bosss day", HolidayRule::NearestWeekday(10, 16)),
    ("bosss", HolidayRule::NearestWeekday(10, 16)),
    ("boss day", HolidayRule::NearestWeekday(10, 16)),
    ("bosses day", HolidayRule::NearestWeekday(10, 16)),
    ("kings day", HolidayRule::SundayBack(4, 27)),
    ("koningsdag", HolidayRule::SundayBack(4, 27)),
    ("thanksgiving", nth(11, Weekday::Thursday, 4, 0)),
    ("thanksgiving day", nth(11, Weekday::Thursday, 4, 0)),
    ("black friday", nth(11, Weekday::Thursday, 4, 1)),
    ("mlk day", nth(1, Weekday::Monday, 3, 0)),
    ("mlk jr day", nth(1, Weekday::Monday, 3, 0)),
    ("martin luther king day", nth(1, Weekday::Monday, 3, 0)),
    ("martin luther kings day", nth(1, Weekday::Monday, 3, 0)),
    ("martin luther king jr day", nth(1, Weekday::Monday, 3, 0)),
    ("civil rights day", nth(1, Weekday::Monday, 3, 0)),
    ("presidents day", nth(2, Weekday::Monday, 3, 0)),
    ("memorial day", nth(5, Weekday::Monday, -1, 0)),
    ("labor day", nth(9, Weekday::Monday, 1, 0)),
    ("mothers day", nth(5, Weekday::Sunday, 2, 0)),
    ("fathers day", nth(6, Weekday::Sunday, 3, 0)),
    ("easter", Easter(0)),
    ("easter sunday", Easter(0)),
    ("easter mon", Easter(1)),
    ("easter monday", Easter(1)),
    ("good friday", Easter(-2)),
    ("maundy thursday", Easter(-3)),
    ("covenant thu", Easter(-3)),
    ("covenant thursday", Easter(-3)),
    ("thu of mysteries", Easter(-3)),
    ("thursday of mysteries", Easter(-3)),
    ("palm sunday", Easter(-7)),
    ("branch sunday", Easter(-7)),
    ("ash wednesday", Easter(-46)),
    ("mardi gras", Easter(-47)),
    ("pancake day", Easter(-47)),
    ("shrove tuesday", Easter(-47)),
    ("ascension day", Easter(39)),
    ("pentecost", Easter(49)),
    ("white sunday", Easter(49)),
    ("whit sunday", Easter(49)),
    ("whitsunday", Easter(49)),
    ("whit monday", Easter(50)),
    ("white monday", Easter(50)),
    ("monday of the holy spirit", Easter(50)),
    ("trinity sunday", Easter(56)),
    ("lent", EasterSpan(-46, 0)),
    ("orthodox easter", Orthodox(0)),
    ("orthodox easter sunday", Orthodox(0)),
    ("orthodox good friday", Orthodox(-2)),
    ("orthodox great friday", Orthodox(-2)),
    ("clean monday", Orthodox(-48)),
    ("orthodox shrove monday", Orthodox(-48)),
    ("lazarus saturday", Orthodox(-8)),
    ("great fast", OrthodoxSpan(-48, -8)),
];

/// The most words a holiday name has.
const MAX_NAME_WORDS: usize = 5;

/// `holiday_name = NAME` — the longest name of [`NAMES`] at the start,
/// words compared without case, apostrophes or periods.
pub(crate) fn holiday_name(i: &str) -> PResult<'_, HolidayRule> {
    // Most words start no name: look at the first letters before building
    // keys (this runs at every segment of a clock phrase).
    let t = i.trim_start().as_bytes();
    let first = t.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    let k = first.min(3);
    let opens_a_name = k >= 2
        && NAMES.iter().any(|(name, _)| {
            name.as_bytes()
                .get(..k)
                .is_some_and(|n| n.eq_ignore_ascii_case(&t[..k]))
        });
    if !opens_a_name {
        return fail(i);
    }
    let mut key = String::new();
    let mut ends = Vec::new();
    let mut rest = i;
    for _ in 0..MAX_NAME_WORDS {
        let (r, _) = gap(rest)?;
        let len = r
            .char_indices()
            .take_while(|(_, c)| c.is_ascii_alphabetic() || matches!(c, '\'' | '\u{2019}' | '.'))
            .map(|(n, c)| n + c.len_utf8())
            .last()
            .unwrap_or(0);
        if len == 0 || len > 24 {
            break;
        }
        if !key.is_empty() {
            key.push(' ');
        }
        // Apostrophes drop only before an "s" ("year's"); a stray one
        // ("King' day") keeps the word from matching.
        let mut chars = r[..len].chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '.' => {}
                '\'' | '\u{2019}' if chars.peek().is_some_and(|n| n.eq_ignore_ascii_case(&'s')) => {
                }
                c => key.push(c.to_ascii_lowercase()),
            }
        }
        rest = &r[len..];
        ends.push((key.clone(), rest));
    }
    ends.iter()
        .rev()
        .find_map(|(k, r)| {
            NAMES
                .iter()
                .find(|(name, _)| name == k)
                .map(|(_, rule)| (*r, *rule))
        })
        .ok_or_else(|| nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Tag)))
}

#[test]
fn holiday_names() {
    assert_eq!(holiday_name("New Year's Eve party").unwrap().0, " party");
    assert_eq!(holiday_name("xmas").unwrap().1, Fixed(12, 25));
    assert_eq!(holiday_name("St. Patrick's day").unwrap().1, Fixed(3, 17));
    assert!(holiday_name("new").is_err());
    assert!(holiday_name("Martin Luther King' day").is_err());
}

/// `holiday = [shift_word] holiday_name ["day"] [YEAR4 | ["of"] phrase]`
pub(crate) fn holiday(i: &str) -> PResult<'_, Expr> {
    let (r, sh) = opt(i, shift_word);
    let (r, rule) = holiday_name(r)?;
    let r = opt(r, kw("day")).0;
    let (r, year) = match year4(r) {
        Ok((r, y)) => (r, Some(Expr::Year(y))),
        Err(_) => match phrase(opt(r, kw("of")).0) {
            Ok((r, p)) => (r, Some(p.expr)),
            Err(_) => (r, None),
        },
    };
    if sh.is_some() && year.is_some() {
        return fail(i);
    }
    Ok((
        r,
        Expr::Holiday {
            rule,
            shift: sh.unwrap_or(Shift::Bare),
            year: year.map(Box::new),
        },
    ))
}

#[test]
fn holiday_forms() {
    let (r, e) = holiday("thanksgiving of next year").unwrap();
    assert_eq!(r, "");
    assert!(matches!(e, Expr::Holiday { year: Some(_), .. }));
    let (r, e) = holiday("last easter").unwrap();
    assert_eq!(r, "");
    assert!(matches!(
        e,
        Expr::Holiday {
            shift: Shift::Last,
            ..
        }
    ));
}
