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
use crate::temporal::lunar::{HebrewMove, Observance};

use HolidayRule::{
    ChineseNewYear, Easter, EasterSpan, Fixed, Islamic, IslamicMonth, LastFridayBefore, Navaratri,
    Nth, Onam, Orthodox, OrthodoxSpan, ParsiNewYear, RabindraJayanti, Sankranti,
};
use Observance::{Evening, Midnight, Sunrise};

const fn hebrew(month: i8, day: i8, len: i8) -> HolidayRule {
    HolidayRule::Hebrew {
        month,
        day,
        len,
        moves: HebrewMove::None,
    }
}

const fn hebrew_moved(month: i8, day: i8, moves: HebrewMove) -> HolidayRule {
    HolidayRule::Hebrew {
        month,
        day,
        len: 1,
        moves,
    }
}

/// Tithi `tithi` of amanta month `month` (0 = Chaitra … 6 = Ashvin …
/// 11 = Phalguna), observed at `at`.
const fn tithi(month: i8, tithi: i8, at: Observance) -> HolidayRule {
    HolidayRule::Tithi {
        month,
        tithi,
        at,
        plus: 0,
    }
}

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
    ("ides of march", Fixed(3, 15)),
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
    ("chinese new year", ChineseNewYear),
    ("chinese new years", ChineseNewYear),
    ("chinese new years day", ChineseNewYear),
    ("chinese lunar new year", ChineseNewYear),
    ("chinese lunar new years", ChineseNewYear),
    ("chinese lunar new years day", ChineseNewYear),
    ("lunar new year", ChineseNewYear),
    ("lunar new years day", ChineseNewYear),
    ("spring festival", ChineseNewYear),
    ("yom kippur", hebrew(7, 10, 1)),
    ("shemini atzeret", hebrew(7, 22, 1)),
    ("simchat torah", hebrew(7, 23, 1)),
    ("simhat torah", hebrew(7, 23, 1)),
    (
        "tisha b'av",
        hebrew_moved(5, 9, HebrewMove::SabbathToSunday),
    ),
    ("tisha bav", hebrew_moved(5, 9, HebrewMove::SabbathToSunday)),
    (
        "tisha beav",
        hebrew_moved(5, 9, HebrewMove::SabbathToSunday),
    ),
    (
        "yom haatzmaut",
        hebrew_moved(2, 5, HebrewMove::Independence),
    ),
    (
        "yom ha'atzmaut",
        hebrew_moved(2, 5, HebrewMove::Independence),
    ),
    ("lag b'omer", hebrew(2, 18, 1)),
    ("lag baomer", hebrew(2, 18, 1)),
    ("lag bomer", hebrew(2, 18, 1)),
    ("yom hashoah", hebrew_moved(1, 27, HebrewMove::Shoah)),
    ("holocaust day", hebrew_moved(1, 27, HebrewMove::Shoah)),
    (
        "holocaust remembrance day",
        hebrew_moved(1, 27, HebrewMove::Shoah),
    ),
    ("rosh hashanah", hebrew(7, 1, 3)),
    ("rosh hashana", hebrew(7, 1, 3)),
    ("rosh hashanna", hebrew(7, 1, 3)),
    ("rosh hashannah", hebrew(7, 1, 3)),
    ("chanukah", hebrew(9, 25, 8)),
    ("chanukkah", hebrew(9, 25, 8)),
    ("hanukah", hebrew(9, 25, 8)),
    ("hanukkah", hebrew(9, 25, 8)),
    ("hannukah", hebrew(9, 25, 8)),
    ("hannukkah", hebrew(9, 25, 8)),
    ("passover", hebrew(1, 15, 9)),
    ("pesach", hebrew(1, 15, 9)),
    ("sukkot", hebrew(7, 15, 9)),
    ("sukkos", hebrew(7, 15, 9)),
    ("succot", hebrew(7, 15, 9)),
    ("succos", hebrew(7, 15, 9)),
    ("feast of the ingathering", hebrew(7, 15, 9)),
    ("feast of tabernacles", hebrew(7, 15, 9)),
    ("feast of booths", hebrew(7, 15, 9)),
    ("shavuot", hebrew(3, 6, 3)),
    ("shavuos", hebrew(3, 6, 3)),
    ("tu bishvat", hebrew(11, 15, 1)),
    ("tu bshvat", hebrew(11, 15, 1)),
    ("tu b'shvat", hebrew(11, 15, 1)),
    ("purim", hebrew(12, 14, 1)),
    ("shushan purim", hebrew(12, 15, 1)),
    ("mawlid", Islamic(3, 12)),
    ("mawlid al nabawi", Islamic(3, 12)),
    ("mawlid an nabi", Islamic(3, 12)),
    ("milad un nabi", Islamic(3, 12)),
    ("eid al fitr", Islamic(10, 1)),
    ("eid ul fitr", Islamic(10, 1)),
    ("id ul fitr", Islamic(10, 1)),
    ("eid al adha", Islamic(12, 10)),
    ("eid ul adha", Islamic(12, 10)),
    ("id ul adha", Islamic(12, 10)),
    ("sacrifice feast", Islamic(12, 10)),
    ("feast of the sacrifice", Islamic(12, 10)),
    ("bakr id", Islamic(12, 10)),
    ("bakrid", Islamic(12, 10)),
    ("laylat al kadr", Islamic(9, 27)),
    ("laylat al qadr", Islamic(9, 27)),
    ("lailat al qadr", Islamic(9, 27)),
    ("night of measures", Islamic(9, 27)),
    ("night of power", Islamic(9, 27)),
    ("islamic new year", Islamic(1, 1)),
    ("hijri new year", Islamic(1, 1)),
    ("amun jadid", Islamic(1, 1)),
    ("ashura", Islamic(1, 10)),
    ("day of ashura", Islamic(1, 10)),
    ("jamat ul vida", LastFridayBefore(10)),
    ("jumu'atul wida", LastFridayBefore(10)),
    ("jumuatul wida", LastFridayBefore(10)),
    ("isra and mi'raj", Islamic(7, 27)),
    ("isra and miraj", Islamic(7, 27)),
    ("prophets ascension", Islamic(7, 27)),
    ("night journey", Islamic(7, 27)),
    ("ascension to heaven", Islamic(7, 27)),
    ("ramadan", IslamicMonth(9)),
    ("ramazan", IslamicMonth(9)),
    ("dhanteras", tithi(6, 28, Midnight)),
    ("dhanatrayodashi", tithi(6, 28, Midnight)),
    ("kali chaudas", tithi(6, 29, Evening)),
    ("choti diwali", tithi(6, 29, Evening)),
    ("chhoti diwali", tithi(6, 29, Evening)),
    ("naraka chaturdashi", tithi(6, 29, Evening)),
    ("narak chaturdashi", tithi(6, 29, Evening)),
    ("diwali", tithi(6, 30, Evening)),
    ("divali", tithi(6, 30, Evening)),
    ("deepavali", tithi(6, 30, Evening)),
    ("lakshmi puja", tithi(6, 30, Evening)),
    ("bhai dooj", tithi(7, 2, Sunrise)),
    ("bhaiya dooj", tithi(7, 2, Sunrise)),
    ("bhai tika", tithi(7, 2, Sunrise)),
    ("chhath", tithi(7, 6, Sunrise)),
    ("chhath puja", tithi(7, 6, Sunrise)),
    ("dala puja", tithi(7, 6, Sunrise)),
    ("surya shashthi", tithi(7, 6, Sunrise)),
    ("maha saptami", tithi(6, 7, Sunrise)),
    ("dussehra", tithi(6, 10, Evening)),
    ("dasara", tithi(6, 10, Evening)),
    ("vijayadashami", tithi(6, 10, Evening)),
    ("navaratri", Navaratri),
    ("navratri", Navaratri),
    ("durga puja", Navaratri),
    ("karva chauth", tithi(6, 19, Evening)),
    ("karwa chauth", tithi(6, 19, Evening)),
    ("ratha yatra", tithi(3, 2, Sunrise)),
    ("rath yatra", tithi(3, 2, Sunrise)),
    ("rakhi", tithi(4, 15, Sunrise)),
    ("raksha bandhan", tithi(4, 15, Sunrise)),
    ("mahavir jayanti", tithi(0, 13, Sunrise)),
    ("mahaveer jayanti", tithi(0, 13, Sunrise)),
    ("mahavir janma kalyanak", tithi(0, 13, Sunrise)),
    ("mahaveer janma kalyanak", tithi(0, 13, Sunrise)),
    ("maha shivaratri", tithi(10, 29, Midnight)),
    ("maha shivratri", tithi(10, 29, Midnight)),
    ("saraswati jayanti", tithi(10, 25, Sunrise)),
    ("dayananda saraswati jayanti", tithi(10, 25, Sunrise)),
    ("pongal", Sankranti(9, 0)),
    ("thai pongal", Sankranti(9, 0)),
    ("makara sankranthi", Sankranti(9, 0)),
    ("makara sankranti", Sankranti(9, 0)),
    ("makar sankranti", Sankranti(9, 0)),
    ("maghi", Sankranti(9, 0)),
    ("bogi pandigai", Sankranti(9, -1)),
    ("bhogi", Sankranti(9, -1)),
    ("boghi", Sankranti(9, -1)),
    ("maattu pongal", Sankranti(9, 1)),
    ("mattu pongal", Sankranti(9, 1)),
    ("kaanum pongal", Sankranti(9, 2)),
    ("kanni pongal", Sankranti(9, 2)),
    ("vaisakhi", Sankranti(0, 0)),
    ("baisakhi", Sankranti(0, 0)),
    ("vasakhi", Sankranti(0, 0)),
    ("vaishakhi", Sankranti(0, 0)),
    ("onam", Onam),
    ("thiru onam", Onam),
    ("thiruvonam", Onam),
    ("vasant panchami", tithi(10, 5, Sunrise)),
    ("basant panchami", tithi(10, 5, Sunrise)),
    ("chhoti holi", tithi(11, 15, Evening)),
    ("holika dahan", tithi(11, 15, Evening)),
    ("kamudu pyre", tithi(11, 15, Evening)),
    (
        "holi",
        HolidayRule::Tithi {
            month: 11,
            tithi: 15,
            at: Evening,
            plus: 1,
        },
    ),
    (
        "dhulandi",
        HolidayRule::Tithi {
            month: 11,
            tithi: 15,
            at: Evening,
            plus: 1,
        },
    ),
    (
        "phagwah",
        HolidayRule::Tithi {
            month: 11,
            tithi: 15,
            at: Evening,
            plus: 1,
        },
    ),
    ("krishna janmashtami", tithi(4, 23, Midnight)),
    ("janmashtami", tithi(4, 23, Midnight)),
    ("gokulashtami", tithi(4, 23, Midnight)),
    ("ganesh chaturthi", tithi(5, 4, Sunrise)),
    ("vinayaka chaturthi", tithi(5, 4, Sunrise)),
    ("rama navami", tithi(0, 9, Sunrise)),
    ("ram navami", tithi(0, 9, Sunrise)),
    ("ugadi", tithi(0, 1, Sunrise)),
    ("yugadi", tithi(0, 1, Sunrise)),
    ("samvatsaradi", tithi(0, 1, Sunrise)),
    ("chaitra sukladi", tithi(0, 1, Sunrise)),
    ("chaitra sukhladi", tithi(0, 1, Sunrise)),
    ("gudi padwa", tithi(0, 1, Sunrise)),
    ("vesak", tithi(1, 15, Evening)),
    ("vaisakha", tithi(1, 15, Evening)),
    ("buddha day", tithi(1, 15, Evening)),
    ("buddha purnima", tithi(1, 15, Evening)),
    ("buddha jayanti", tithi(1, 15, Evening)),
    ("guru gobind singh birthday", tithi(9, 7, Sunrise)),
    ("guru gobind singh jayanti", tithi(9, 7, Sunrise)),
    ("guru govind singh jayanti", tithi(9, 7, Sunrise)),
    ("guru ravidas jayanti", tithi(10, 15, Sunrise)),
    ("guru ravidass jayanti", tithi(10, 15, Sunrise)),
    ("guru ravidas birthday", tithi(10, 15, Sunrise)),
    ("guru ravidass birthday", tithi(10, 15, Sunrise)),
    ("valmiki jayanti", tithi(6, 15, Sunrise)),
    ("maharishi valmiki jayanti", tithi(6, 15, Sunrise)),
    ("pargat diwas", tithi(6, 15, Sunrise)),
    ("rabindra jayanti", RabindraJayanti),
    ("rabindranath jayanti", RabindraJayanti),
    ("parsi new year", ParsiNewYear),
    ("jamshedi navroz", ParsiNewYear),
];

/// The most words a holiday name has.
const MAX_NAME_WORDS: usize = 6;

/// [`NAMES`] by name, and the first two and three letters of every name.
struct NameIndex {
    rules: std::collections::HashMap<&'static str, HolidayRule>,
    /// Sorted [`prefix_key`]s.
    prefixes: Vec<u32>,
}

/// Up to three letters, lowercase, packed into a number (no allocation:
/// this runs at every word a clock phrase starts with).
fn prefix_key(letters: &[u8]) -> u32 {
    letters
        .iter()
        .take(3)
        .fold(0, |key, b| key << 8 | u32::from(b.to_ascii_lowercase()))
}

fn name_index() -> &'static NameIndex {
    static INDEX: std::sync::OnceLock<NameIndex> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| {
        let mut rules = std::collections::HashMap::new();
        let mut prefixes = Vec::new();
        for (name, rule) in NAMES {
            rules.entry(*name).or_insert(*rule);
            for k in [2, 3] {
                if let Some(p) = name.as_bytes().get(..k) {
                    prefixes.push(prefix_key(p));
                }
            }
        }
        prefixes.sort_unstable();
        prefixes.dedup();
        NameIndex { rules, prefixes }
    })
}

/// `holiday_name = NAME` — the longest name of [`NAMES`] at the start,
/// words compared without case, apostrophes or periods.
pub(crate) fn holiday_name(i: &str) -> PResult<'_, HolidayRule> {
    // Most words start no name: look at the first letters before building
    // keys (this runs at every segment of a clock phrase).
    let t = i.trim_start().as_bytes();
    let first = t.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    let k = first.min(3);
    let index = name_index();
    if k < 2 || index.prefixes.binary_search(&prefix_key(&t[..k])).is_err() {
        return fail(i);
    }
    let mut key = String::new();
    let mut ends = Vec::new();
    let mut rest = i;
    for _ in 0..MAX_NAME_WORDS {
        // A hyphen between two words of a name is a blank ("al-Fitr").
        let r = match rest.strip_prefix('-') {
            Some(r) if !key.is_empty() && r.starts_with(|c: char| c.is_ascii_alphabetic()) => r,
            _ => rest,
        };
        let (r, _) = gap(r)?;
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
                '\u{2019}' => key.push('\''),
                c => key.push(c.to_ascii_lowercase()),
            }
        }
        rest = &r[len..];
        ends.push((key.clone(), rest));
    }
    ends.iter()
        .rev()
        .find_map(|(k, r)| index.rules.get(k.as_str()).map(|rule| (*r, *rule)))
        .ok_or_else(|| nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Tag)))
}

#[test]
fn holiday_names() {
    assert_eq!(holiday_name("New Year's Eve party").unwrap().0, " party");
    assert_eq!(holiday_name("xmas").unwrap().1, Fixed(12, 25));
    assert_eq!(holiday_name("St. Patrick's day").unwrap().1, Fixed(3, 17));
    assert!(holiday_name("new").is_err());
    assert_eq!(
        holiday_name("Eid al-Fitr 2018").unwrap(),
        (" 2018", Islamic(10, 1))
    );
    assert_eq!(holiday("the ides of march").unwrap().0, "");
    assert!(holiday_name("Martin Luther King' day").is_err());
}

/// `year_words = "two" "thousand" ["and"] [TENS ["-"] [UNIT] | TEEN | UNIT]`
/// → 2000–2099 ("two thousand nineteen"), after a holiday name only.
pub(crate) fn year_words(i: &str) -> PResult<'_, i32> {
    let (r, _) = kw("two")(i)?;
    let (r, _) = kw("thousand")(r)?;
    let r = opt(r, kw("and")).0;
    let small = |w: &str| crate::temporal::lexicon::cardinal(w).filter(|n| (1..=19).contains(n));
    let tens = |w: &str| {
        [
            "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
        ]
        .iter()
        .position(|t| w.eq_ignore_ascii_case(t))
        .map(|k| 20 + 10 * k as i64)
    };
    let Ok((r1, w)) = super::word(r) else {
        return Ok((r, 2000));
    };
    if w.eq_ignore_ascii_case("a") || w.eq_ignore_ascii_case("an") {
        return Ok((r, 2000));
    }
    if let Some(n) = small(w) {
        return Ok((r1, 2000 + n as i32));
    }
    let Some(t) = tens(w) else {
        return Ok((r, 2000));
    };
    let r2 = r1.strip_prefix('-').unwrap_or(r1);
    match super::word(r2) {
        Ok((r3, u)) => match small(u).filter(|n| *n <= 9) {
            Some(n) if !u.eq_ignore_ascii_case("a") && !u.eq_ignore_ascii_case("an") => {
                Ok((r3, 2000 + (t + n) as i32))
            }
            _ => Ok((r1, 2000 + t as i32)),
        },
        Err(_) => Ok((r1, 2000 + t as i32)),
    }
}

#[test]
fn years_in_words() {
    ok!(year_words, "two thousand ten", 2010, "");
    ok!(year_words, " two thousand and eighteen x", 2018, " x");
    ok!(year_words, "two thousand twenty-one", 2021, "");
    ok!(year_words, "two thousand", 2000, "");
    assert!(year_words("two hundred").is_err());
}

/// `holiday = [shift_word] ["the"] holiday_name ["day"] [YEAR4 | year_words | ["of"] phrase]`
pub(crate) fn holiday(i: &str) -> PResult<'_, Expr> {
    super::memo::parse_once(super::memo::Production::Holiday, i, holiday_uncached)
}

/// [`holiday`], parsed.
fn holiday_uncached(i: &str) -> PResult<'_, Expr> {
    let (r, sh) = opt(i, shift_word);
    let (r, rule) = holiday_name(opt(r, kw("the")).0)?;
    let r = opt(r, kw("day")).0;
    let (r, year) = match year4(r).or_else(|_| year_words(r)) {
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
