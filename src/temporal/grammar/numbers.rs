//! Numbers and the words that count: digits with their boundary checks,
//! years ("1987", "87"), ordinals ("31st", "twenty-first"), the day of a
//! month, counts ("a few", "several", "three") and time units ("weeks").
//! The date productions of the other modules are built from these.

use super::{fail, gap, kw, opt, word, PResult};
use crate::temporal::ast::Count;
use crate::temporal::lexicon::{self, Unit, MAX_WORD};

/// True when a number ends here: no letter or digit follows, and no
/// decimal or thousands separator followed by a digit ("1.5", "1,000").
fn number_ends(rest: &str) -> bool {
    let mut chars = rest.chars();
    match chars.next() {
        None => true,
        Some(c) if c.is_alphanumeric() => false,
        Some('.' | ',' | ':') => !chars.next().is_some_and(|c| c.is_ascii_digit()),
        Some(_) => true,
    }
}

/// `digits = gap DIGIT{1,4}` → (value, digit count); no letter or digit after.
pub(super) fn digits(i: &str) -> PResult<'_, (u32, usize)> {
    let (i, _) = gap(i)?;
    let (rest, d) = raw_digits(i)?;
    if !number_ends(rest) {
        return fail(i);
    }
    Ok((rest, d))
}

/// Up to four digits with no blank before and no boundary check after.
pub(super) fn raw_digits(i: &str) -> PResult<'_, (u32, usize)> {
    // By hand (no `parse`): this runs at nearly every word the date
    // productions try.
    let len = i.bytes().take(5).take_while(u8::is_ascii_digit).count();
    if len == 0 || len > 4 {
        return fail(i);
    }
    let value = i
        .bytes()
        .take(len)
        .fold(0, |v, b| v * 10 + u32::from(b - b'0'));
    Ok((&i[len..], (value, len)))
}

/// `year4 = DIGIT{4}` in 1000–2100: a larger number is a quantity
/// ("mid 2200" in a tariff table), not a year news would name.
pub(crate) fn year4(i: &str) -> PResult<'_, i32> {
    match digits(i)? {
        (rest, (y, 4)) if (1000..=2100).contains(&y) => Ok((rest, y as i32)),
        _ => fail(i),
    }
}

/// `year2 = DIGIT{2}` → 1950–2049.
pub(super) fn year2(i: &str) -> PResult<'_, i32> {
    match digits(i)? {
        (rest, (y, 2)) => Ok((
            rest,
            if y < 50 {
                2000 + y as i32
            } else {
                1900 + y as i32
            },
        )),
        _ => fail(i),
    }
}

/// `ordinal_number = DIGIT{1,2} ("st" | "nd" | "rd" | "th")`
fn ordinal_number(i: &str) -> PResult<'_, u32> {
    let (i, _) = gap(i)?;
    let (rest, (n, len)) = raw_digits(i)?;
    if len > 2 {
        return fail(i);
    }
    if has_ordinal_suffix(rest) && number_ends(&rest[2..]) {
        return Ok((&rest[2..], n));
    }
    fail(i)
}

/// Whether `rest` starts with "st", "nd", "rd" or "th" in any case. By
/// bytes, not nom's `tag_no_case` (which lower-cases `char` by `char`):
/// this runs at every number the date productions try, and no non-ASCII
/// character lower-cases to these letters, so the two agree.
fn has_ordinal_suffix(rest: &str) -> bool {
    match rest.as_bytes() {
        [a, b, ..] => matches!(
            [a.to_ascii_lowercase(), b.to_ascii_lowercase()],
            [b's', b't'] | [b'n', b'd'] | [b'r', b'd'] | [b't', b'h']
        ),
        _ => false,
    }
}

/// `ordinal_word = "first" … "nineteenth" | ("twenty" | "thirty") ["-"] UNIT_ORDINAL | "twentieth" | "thirtieth"`
fn ordinal_word(i: &str) -> PResult<'_, u32> {
    let (rest, w) = word(i)?;
    // Lower-cased once for both tables: `day` tries this at most numbers.
    let mut buf = [0; MAX_WORD];
    let Some(lw) = lexicon::lower(w, &mut buf) else {
        return fail(i);
    };
    if let Some(n) = lexicon::ordinal_unit_lower(lw) {
        return Ok((rest, n));
    }
    match lexicon::ordinal_tens_lower(lw) {
        Some((n, true)) => Ok((rest, n)),
        Some((tens, false)) => {
            let after_dash = rest.strip_prefix('-').unwrap_or(rest);
            let (rest, unit) = ordinal_word(after_dash)?;
            if unit < 10 {
                Ok((rest, tens + unit))
            } else {
                fail(i)
            }
        }
        None => fail(i),
    }
}

/// `ordinal = ordinal_number | ordinal_word`
pub(crate) fn ordinal(i: &str) -> PResult<'_, u32> {
    ordinal_number(i).or_else(|_| ordinal_word(i))
}

/// `day = (ordinal | DIGIT{1,2})` in 1–31 → (day, written as an ordinal?).
pub(crate) fn day(i: &str) -> PResult<'_, (i8, bool)> {
    let (rest, (n, ordinal)) = match ordinal(i) {
        Ok((rest, n)) => (rest, (n, true)),
        Err(_) => match digits(i)? {
            (rest, (n, len)) if len <= 2 => (rest, (n, false)),
            _ => return fail(i),
        },
    };
    if (1..=31).contains(&n) {
        Ok((rest, (n as i8, ordinal)))
    } else {
        fail(i)
    }
}

/// `count = "a few" | "few" | "several" | ["a"] "couple" ["of"] | CARDINAL | DIGIT{1,4}`
pub(crate) fn count(i: &str) -> PResult<'_, Count> {
    // The first word is read once: `ago` and `later` try this at every
    // number and number word.
    let Ok((rest, w)) = word(i) else {
        let (rest, (n, _)) = digits(i)?;
        return Ok((rest, Count::Exact(i64::from(n))));
    };
    let mut buf = [0; MAX_WORD];
    match lexicon::lower(w, &mut buf) {
        Some(b"a" | b"an") => Ok(few_or_couple(rest).unwrap_or((rest, Count::Exact(1)))),
        Some(b"few" | b"couple") => few_or_couple(i),
        Some(b"several") => Ok((rest, Count::Few)),
        _ => match lexicon::cardinal(w) {
            Some(n) => Ok((rest, Count::Exact(n))),
            None => fail(i),
        },
    }
}

/// `"few" | "couple" ["of"]` (after an optional "a" in [`count`]).
fn few_or_couple(i: &str) -> PResult<'_, Count> {
    if let Ok((rest, _)) = kw("few")(i) {
        return Ok((rest, Count::Few));
    }
    let (rest, _) = kw("couple")(i)?;
    Ok((opt(rest, kw("of")).0, Count::Exact(2)))
}

/// `unit = "day(s)" | "week(s)" | "fortnight(s)" | "month(s)" | "quarter(s)" | "year(s)" | "hour(s)" | "minute(s)"`
pub(crate) fn unit(i: &str) -> PResult<'_, Unit> {
    let (rest, w) = word(i)?;
    match lexicon::unit(w) {
        Some(u) => Ok((rest, u)),
        None => fail(i),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_stop_at_decimals_and_letters() {
        assert!(digits("1.5").is_err());
        assert!(digits("12abc").is_err());
        assert!(digits("12345").is_err());
        assert_eq!(digits("12."), Ok((".", (12, 2))));
    }

    #[test]
    fn ordinals_in_digits_and_words() {
        ok!(ordinal, "31st Oct", 31, " Oct");
        ok!(ordinal, "twenty-first", 21, "");
        ok!(ordinal, "third", 3, "");
        assert!(ordinal("21xy").is_err());
        ok!(ordinal, "5TH", 5, "");
        ok!(ordinal, "3Rd, 1987", 3, ", 1987");
        assert!(ordinal("22nda").is_err());
        assert!(ordinal("1s").is_err());
    }

    #[test]
    fn count_reads_numbers_and_vague_counts() {
        ok!(count, "a few days", Count::Few, " days");
        ok!(count, "two days", Count::Exact(2), " days");
        ok!(count, "a couple of weeks", Count::Exact(2), " weeks");
        ok!(count, "30 days", Count::Exact(30), " days");
        ok!(count, "an hour", Count::Exact(1), " hour");
        ok!(count, "A Couple days", Count::Exact(2), " days");
        ok!(count, "couple of days", Count::Exact(2), " days");
        ok!(count, "few days", Count::Few, " days");
        ok!(count, "several weeks", Count::Few, " weeks");
        assert!(count("the days").is_err());
    }
}
