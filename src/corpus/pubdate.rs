//! Publication dates: from metadata values and from in-text headers.
//!
//! Recognised header lines (first 40 and last 15 lines of a document):
//! `date 2023-06-09`, `Published: Jun 09 2023 | 9:32 PM IST`,
//! `Updated: 18 Jun 2023, 07:28 AM IST`, or a line that is only a date.
//! A labelled publication line wins over an `Updated` line, which wins over
//! a bare date line. No date found → `None`; we never guess.

use jiff::civil::Date;
use nom::branch::alt;
use nom::bytes::complete::{tag, take_while_m_n};
use nom::character::complete::{alpha1, char, space0, space1};
use nom::combinator::{map_res, opt};
use nom::sequence::terminated;
use nom::{IResult, Parser};

/// Parses a metadata value: ISO dates (with or without time), Reuters'
/// `26-FEB-1987 15:01:01.79`, `Jun 09 2023`, `18 Jun 2023`, `June 9, 2023`.
pub fn parse_date_value(value: &str) -> Option<Date> {
    let value = value.trim();
    date_prefix(value).ok().map(|(_, d)| d)
}

/// Finds a publication date in a document's header or footer lines.
pub fn from_text(text: &str) -> Option<Date> {
    let lines: Vec<&str> = text.lines().collect();
    let head = lines.iter().take(40);
    let tail = lines.iter().skip(lines.len().saturating_sub(15));
    let mut best: Option<(u8, Date)> = None;
    for line in head.chain(tail) {
        if let Some((rank, date)) = header_line(line) {
            if best.is_none_or(|(r, _)| rank < r) {
                best = Some((rank, date));
            }
        }
    }
    best.map(|(_, d)| d)
}

/// The day a wire dateline names ("ZURICH, March 23 -"), taken as the
/// publication day when it lies within a week of `stamp`, the day the
/// record was stamped. A wire stamps its records in the desk's time zone
/// (New York for Reuters), while the story's "today" is the day where it
/// was filed: a Zurich story stamped 20:01 New York time on March 22 is
/// datelined March 23 and means March 23 by "today". A dateline further
/// off than a week is more likely a typo than a delayed story: the stamp
/// stays.
pub fn dateline_day(dateline: &str, stamp: Date) -> Option<Date> {
    let words: Vec<&str> = dateline
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.windows(2).find_map(|pair| {
        let month = month_number(pair[0])?;
        let day: i8 = pair[1].parse().ok().filter(|d| (1..=31).contains(d))?;
        (stamp.year() - 1..=stamp.year() + 1)
            .filter_map(|y| Date::new(y, month as i8, day).ok())
            .filter_map(|d| Some((stamp.until(d).ok()?.get_days().abs(), d)))
            .filter(|(days_off, _)| *days_off <= 7)
            .min()
            .map(|(_, d)| d)
    })
}

/// A record's publication day: its `date` metadata value, moved to the
/// day its dateline names when that is near ([`dateline_day`]).
pub fn record_day(stamp: &str, dateline: Option<&str>) -> Option<Date> {
    let stamp = parse_date_value(stamp)?;
    Some(
        dateline
            .and_then(|d| dateline_day(d, stamp))
            .unwrap_or(stamp),
    )
}

/// A header line and its priority (lower wins).
fn header_line(line: &str) -> Option<(u8, Date)> {
    let line = line.trim();
    if line.len() > 80 {
        return None;
    }
    let lower = line.to_ascii_lowercase();
    for (label, rank) in [
        ("first published", 0u8),
        ("published", 0),
        ("date", 0),
        ("posted", 0),
        ("updated", 1),
    ] {
        if let Some(pos) = lower.find(label) {
            let rest = line[pos + label.len()..].trim_start_matches([':', ' ', '\t', '-']);
            if let Some(d) = parse_date_value(rest) {
                return Some((rank, d));
            }
        }
    }
    // A line that starts with a date and says little else ("Jun 09 2023 | 9:32 PM IST").
    let (rest, d) = date_prefix(line).ok()?;
    (rest.len() <= 20).then_some((2, d))
}

fn date_prefix(input: &str) -> IResult<&str, Date> {
    alt((iso_date, reuters_date, month_day_year, day_month_year)).parse(input)
}

fn number(min: usize, max: usize) -> impl Fn(&str) -> IResult<&str, i32> {
    move |input| {
        map_res(
            take_while_m_n(min, max, |c: char| c.is_ascii_digit()),
            str::parse,
        )
        .parse(input)
    }
}

fn make_date(y: i32, m: i32, d: i32) -> Result<Date, jiff::Error> {
    let y = i16::try_from(y).map_err(|_| jiff::Error::from_args(format_args!("year")))?;
    Date::new(y, m as i8, d as i8)
}

/// `2023-06-09`, optionally followed by a time.
fn iso_date(input: &str) -> IResult<&str, Date> {
    map_res(
        (
            number(4, 4),
            char('-'),
            number(2, 2),
            char('-'),
            number(2, 2),
        ),
        |(y, _, m, _, d)| make_date(y, m, d),
    )
    .parse(input)
}

/// Reuters: `26-FEB-1987`.
fn reuters_date(input: &str) -> IResult<&str, Date> {
    map_res(
        (number(1, 2), char('-'), month_name, char('-'), number(4, 4)),
        |(d, _, m, _, y)| make_date(y, m, d),
    )
    .parse(input)
}

/// `Jun 09 2023`, `June 9, 2023`.
fn month_day_year(input: &str) -> IResult<&str, Date> {
    map_res(
        (
            month_name,
            opt(char('.')),
            space1,
            number(1, 2),
            opt(alt((tag("st"), tag("nd"), tag("rd"), tag("th")))),
            opt(char(',')),
            space1,
            number(4, 4),
        ),
        |(m, _, _, d, _, _, _, y)| make_date(y, m, d),
    )
    .parse(input)
}

/// `18 Jun 2023`, `18 June, 2023`.
fn day_month_year(input: &str) -> IResult<&str, Date> {
    map_res(
        (
            number(1, 2),
            space1,
            terminated(month_name, opt(char('.'))),
            opt(char(',')),
            space0,
            number(4, 4),
        ),
        |(d, _, m, _, _, y)| make_date(y, m, d),
    )
    .parse(input)
}

/// A month name or its three-letter abbreviation, any case → 1..=12.
fn month_name(input: &str) -> IResult<&str, i32> {
    map_res(alpha1, |word: &str| month_number(word).ok_or(())).parse(input)
}

/// `jan`/`january` … → month number; shared with other date readers.
pub fn month_number(word: &str) -> Option<i32> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let w = word.to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    let pos = MONTHS.iter().position(|m| {
        *m == w || (w.len() == 3 && m.starts_with(&w)) || (w == "sept" && *m == "september")
    })?;
    Some(pos as i32 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn value_forms_parse() {
        assert_eq!(parse_date_value("2023-06-09"), Some(date(2023, 6, 9)));
        assert_eq!(
            parse_date_value("2023-06-09T10:00:00Z"),
            Some(date(2023, 6, 9))
        );
        assert_eq!(
            parse_date_value("26-FEB-1987 15:01:01.79"),
            Some(date(1987, 2, 26))
        );
        assert_eq!(
            parse_date_value("Jun 09 2023 | 9:32 PM IST"),
            Some(date(2023, 6, 9))
        );
        assert_eq!(
            parse_date_value("18 Jun 2023, 07:28 AM IST"),
            Some(date(2023, 6, 18))
        );
        assert_eq!(parse_date_value("June 9, 2023"), Some(date(2023, 6, 9)));
        assert_eq!(parse_date_value("2023-02-30"), None);
        assert_eq!(parse_date_value("soon"), None);
    }

    #[test]
    fn labelled_header_wins_over_updated_line() {
        let text = "Title\nUpdated: 18 Jun 2023\n date 2023-06-09 close\nBody.";
        assert_eq!(from_text(text), Some(date(2023, 6, 9)));
    }

    #[test]
    fn updated_footer_is_used_when_alone() {
        let text = "Title\n\nBody text here.\n\nUpdated: 18 Jun 2023, 07:28 AM IST\n";
        assert_eq!(from_text(text), Some(date(2023, 6, 18)));
    }

    #[test]
    fn dateline_day_is_the_local_day_near_the_stamp() {
        let stamp = date(1987, 3, 22);
        assert_eq!(
            dateline_day("ZURICH, March 23 -", stamp),
            Some(date(1987, 3, 23))
        );
        assert_eq!(
            dateline_day("NEW YORK, Mar 21 -", stamp),
            Some(date(1987, 3, 21))
        );
        assert_eq!(
            dateline_day("TOKYO, Jan 1 -", date(1986, 12, 31)),
            Some(date(1987, 1, 1))
        );
        assert_eq!(dateline_day("LONDON, June 3 -", stamp), None);
        assert_eq!(dateline_day("LONDON -", stamp), None);
        assert_eq!(dateline_day("MAY 45 -", stamp), None);
        assert_eq!(dateline_day("", stamp), None);
    }

    #[test]
    fn no_date_is_none() {
        assert_eq!(from_text("Nothing here.\nOr here."), None);
    }
}
