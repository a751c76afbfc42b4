//! Our own table for the forms Duckling's corpus lacks (see
//! `../shared/peers/duckling/README.md`), with references from the seed
//! articles' June 2023 and from Reuters' February 1987, plus `find_dates`
//! on whole sentences. Values are written as inclusive days + grain, the
//! shape claims use.

use claimcheck::temporal::{find_dates, resolve_phrase, Bias, Grain, TimeKind};
use jiff::civil::{date, Date, DateTime};

/// Friday 2023-06-09, Sunday 2023-06-18, Thursday 1987-02-26.
fn jun09() -> DateTime {
    date(2023, 6, 9).at(9, 32, 0, 0)
}
fn jun18() -> DateTime {
    date(2023, 6, 18).at(7, 28, 0, 0)
}
fn feb87() -> DateTime {
    date(1987, 2, 26).at(15, 1, 1, 0)
}

fn days(text: &str, reference: DateTime, bias: Bias) -> Option<(Date, Date, Grain)> {
    let v = resolve_phrase(text, reference, bias)?;
    let (a, b) = v.inclusive_days()?;
    Some((a, b, v.grain))
}

/// `row!(text, reference, bias => (y, m, d), (y, m, d), grain)` or `=> None`.
macro_rules! row {
    ($text:expr, $r:expr, $bias:ident => ($y1:expr, $m1:expr, $d1:expr), ($y2:expr, $m2:expr, $d2:expr), $g:ident) => {
        assert_eq!(
            days($text, $r, Bias::$bias),
            Some((date($y1, $m1, $d1), date($y2, $m2, $d2), Grain::$g)),
            "{} ({:?})",
            $text,
            Bias::$bias
        )
    };
    ($text:expr, $r:expr, $bias:ident => None) => {
        assert_eq!(
            resolve_phrase($text, $r, Bias::$bias),
            None,
            "{} should abstain",
            $text
        )
    };
}

#[test]
fn relative_forms_against_june_2023() {
    row!("earlier this month", jun18(), Past => (2023, 6, 1), (2023, 6, 17), Day);
    row!("later this month", jun18(), Past => (2023, 6, 19), (2023, 6, 30), Day);
    row!("earlier this week", jun09(), Past => (2023, 6, 5), (2023, 6, 8), Day);
    row!("a few days ago", jun18(), Past => (2023, 6, 13), (2023, 6, 16), Day);
    row!("two days ago", jun18(), Past => (2023, 6, 16), (2023, 6, 16), Hour);
    row!("three weeks ago", jun18(), Past => (2023, 5, 28), (2023, 5, 28), Day);
    row!("last week", jun18(), Past => (2023, 6, 5), (2023, 6, 11), Week);
    row!("the past 2 weeks", jun18(), Past => (2023, 5, 29), (2023, 6, 11), Week);
    row!("within 30 days", jun09(), Future => (2023, 6, 9), (2023, 7, 8), Day);
    row!("next month", jun18(), Past => (2023, 7, 1), (2023, 7, 31), Month);
    row!("last year", jun18(), Past => (2022, 1, 1), (2022, 12, 31), Year);
    row!("yesterday", jun18(), Past => (2023, 6, 17), (2023, 6, 17), Day);
    row!("tonight", jun09(), Past => (2023, 6, 9), (2023, 6, 9), Hour);
    row!("the end of the month", jun18(), Past => (2023, 6, 21), (2023, 6, 30), Day);
}

#[test]
fn weekdays_follow_the_bias() {
    row!("on Friday", jun18(), Past => (2023, 6, 16), (2023, 6, 16), Day);
    row!("Friday", jun09(), Past => (2023, 6, 9), (2023, 6, 9), Day);
    row!("Friday", jun09(), Future => (2023, 6, 16), (2023, 6, 16), Day);
    row!("Wednesday", jun09(), Nearest => (2023, 6, 7), (2023, 6, 7), Day);
    row!("last sunday", jun18(), Past => (2023, 6, 11), (2023, 6, 11), Day);
    row!("next tuesday", jun18(), Past => (2023, 6, 20), (2023, 6, 20), Day);
    row!("Tuesday the 19th", jun09(), Future => (2023, 9, 19), (2023, 9, 19), Day);
}

#[test]
fn months_without_a_year_follow_the_bias() {
    row!("in November", jun18(), Past => (2022, 11, 1), (2022, 11, 30), Month);
    row!("in November", jun18(), Future => (2023, 11, 1), (2023, 11, 30), Month);
    row!("in November", jun18(), Nearest => (2023, 11, 1), (2023, 11, 30), Month);
    row!("in June", jun18(), Past => (2023, 6, 1), (2023, 6, 30), Month);
    row!("early March", feb87(), Past => (1986, 3, 1), (1986, 3, 10), Day);
    row!("early March", feb87(), Future => (1987, 3, 1), (1987, 3, 10), Day);
    row!("late December", feb87(), Past => (1986, 12, 21), (1986, 12, 31), Day);
}

#[test]
fn absolute_dates_in_news_forms() {
    row!("Jun 09 2023", jun18(), Past => (2023, 6, 9), (2023, 6, 9), Day);
    row!("2023-06-09", jun18(), Past => (2023, 6, 9), (2023, 6, 9), Day);
    row!("26-FEB-1987", feb87(), Past => (1987, 2, 26), (1987, 2, 26), Day);
    row!("31st Oct 1974", feb87(), Past => (1974, 10, 31), (1974, 10, 31), Day);
    row!("march 3rd 2015", jun09(), Past => (2015, 3, 3), (2015, 3, 3), Day);
    row!("14th April 15", jun09(), Past => (2015, 4, 14), (2015, 4, 14), Day);
    row!("October 2014", jun09(), Past => (2014, 10, 1), (2014, 10, 31), Month);
    row!("the 1st of march", jun09(), Future => (2024, 3, 1), (2024, 3, 1), Day);
    row!("the 1st of march", jun09(), Past => (2023, 3, 1), (2023, 3, 1), Day);
    row!("2/15", jun09(), Future => (2024, 2, 15), (2024, 2, 15), Day);
    row!("Monday, Feb 18", date(2019, 2, 10).at(0, 0, 0, 0), Future => (2019, 2, 18), (2019, 2, 18), Day);
    row!("Feb. 26", feb87(), Past => (1987, 2, 26), (1987, 2, 26), Day);
}

#[test]
fn ranges_and_parts() {
    row!("June 18-19", jun18(), Past => (2023, 6, 18), (2023, 6, 19), Day);
    row!("June 18-19, 2023", jun09(), Past => (2023, 6, 18), (2023, 6, 19), Day);
    row!("the week ended February 22", feb87(), Past => (1987, 2, 16), (1987, 2, 22), Day);
    row!("the week ending Feb 20", feb87(), Past => (1987, 2, 14), (1987, 2, 20), Day);
    row!("January 1980 to May 1985", feb87(), Past => (1980, 1, 1), (1985, 5, 31), Month);
    row!("from the 13th to the 15th of July", jun09(), Future => (2023, 7, 13), (2023, 7, 15), Day);
    row!("from Dec 30 to Jan 2", feb87(), Past => (1986, 12, 30), (1987, 1, 2), Day);
    row!("between 1980 and 1985", feb87(), Past => (1980, 1, 1), (1985, 12, 31), Year);
    row!("mid-1982", feb87(), Past => (1982, 5, 1), (1982, 8, 31), Month);
    row!("the second half of 1986", feb87(), Past => (1986, 7, 1), (1986, 12, 31), Month);
    row!("first quarter", feb87(), Past => (1987, 1, 1), (1987, 3, 31), Quarter);
    row!("the fourth quarter", feb87(), Past => (1986, 10, 1), (1986, 12, 31), Quarter);
    row!("the summer of 1986", feb87(), Past => (1986, 6, 21), (1986, 9, 23), Day);
    row!("last summer", feb87(), Past => (1986, 6, 21), (1986, 9, 23), Day);
    row!("the late 1970s", feb87(), Past => (1977, 1, 1), (1979, 12, 31), Year);
    row!("five years ago", feb87(), Past => (1982, 2, 1), (1982, 2, 28), Month);
}

#[test]
fn open_intervals_keep_one_bound() {
    let since = resolve_phrase("since 2018", jun18(), Bias::Past).unwrap();
    assert_eq!(
        (since.kind, since.bounds()),
        (
            TimeKind::OpenAfter,
            (Some(date(2018, 1, 1).at(0, 0, 0, 0)), None)
        )
    );
    assert_eq!(since.inclusive_days(), None);
    let until = resolve_phrase("until 1990", feb87(), Bias::Past).unwrap();
    assert_eq!(
        (until.kind, until.bounds()),
        (
            TimeKind::OpenBefore,
            (None, Some(date(1990, 1, 1).at(0, 0, 0, 0)))
        )
    );
    let before = resolve_phrase("before June", feb87(), Bias::Future).unwrap();
    assert_eq!(
        before.bounds(),
        (None, Some(date(1987, 6, 1).at(0, 0, 0, 0)))
    );
}

#[test]
fn vague_words_durations_and_fiscal_periods_abstain() {
    for text in [
        "recently",
        "soon",
        "for five years",
        "five years",
        "the fiscal year",
        "in the past",
        "25",
        "the first time",
        "May",
    ] {
        row!(text, jun18(), Past => None);
    }
    // "now" is the reference instant at `claimcheck time` (Duckling's
    // reading, issue 18); prose never reads it as a date.
    assert!(resolve_phrase("now", jun18(), Bias::Past).is_some_and(|v| v.grain == Grain::Second));
    assert!(find_dates(
        "Prices are higher now.",
        Some(date(2023, 6, 18)),
        Bias::Past
    )
    .is_empty());
    // "May" alone is a modal verb as often as a month; with a preposition it is a month.
    row!("in May", jun18(), Past => (2023, 5, 1), (2023, 5, 31), Month);
}

fn spans(text: &str, reference: Option<Date>) -> Vec<(&str, Option<(Date, Date)>)> {
    find_dates(text, reference, Bias::Past)
        .into_iter()
        .map(|m| {
            (
                &text[m.start..m.end],
                m.value.and_then(|v| v.inclusive_days()),
            )
        })
        .collect()
}

#[test]
fn find_dates_in_a_news_sentence() {
    let s =
        "The talks on June 18-19 followed a visit earlier this month, officials said on Friday.";
    let d = |m, day| date(2023, m, day);
    assert_eq!(
        spans(s, Some(date(2023, 6, 18))),
        [
            ("June 18-19", Some((d(6, 18), d(6, 19)))),
            ("earlier this month", Some((d(6, 1), d(6, 17)))),
            ("Friday", Some((d(6, 16), d(6, 16)))),
        ]
    );
}

#[test]
fn find_dates_in_reuters_copy() {
    let s = "26-FEB-1987 15:01:01.79\nNEW YORK, Feb 26 - Sales rose in the fourth quarter and in January, the company said, after a loss in 1985.";
    let got = spans(s, Some(date(1987, 2, 26)));
    let texts: Vec<&str> = got.iter().map(|(t, _)| *t).collect();
    assert_eq!(
        texts,
        [
            "26-FEB-1987",
            "Feb 26",
            "the fourth quarter",
            "January",
            "1985"
        ]
    );
    assert_eq!(got[3].1, Some((date(1987, 1, 1), date(1987, 1, 31))));
    assert_eq!(got[2].1, Some((date(1986, 10, 1), date(1986, 12, 31))));
}

#[test]
fn find_dates_keeps_unresolved_mentions() {
    let got = spans("He arrived last week and left on June 9, 2023.", None);
    assert_eq!(
        got,
        [
            ("last week", None),
            ("June 9, 2023", Some((date(2023, 6, 9), date(2023, 6, 9))))
        ]
    );
}

#[test]
fn find_dates_skips_vague_words_and_durations() {
    let s = "He recently said the deal would close soon, and now it has; he served for five years and may march.";
    assert_eq!(spans(s, Some(date(2023, 6, 18))), []);
}

#[test]
fn find_dates_reports_weekday_mismatch() {
    let s = "The summit opened on Thursday, July 7, 2023, and closed on Saturday, July 8, 2023.";
    let found = find_dates(s, Some(date(2023, 7, 10)), Bias::Past);
    assert_eq!(found.len(), 2);
    let reason = found[0].weekday_mismatch.as_deref().unwrap();
    assert!(
        reason.contains("Friday") && reason.contains("Thursday"),
        "{reason}"
    );
    assert_eq!(found[0].value.unwrap().start.date(), date(2023, 7, 7));
    assert_eq!(found[1].weekday_mismatch, None);
}

#[test]
fn find_dates_never_panics_and_keeps_spans_on_boundaries() {
    let mut text = String::new();
    for piece in [
        "Ünïcödé June 5–6 ",
        "\u{feff}",
        "last",
        " 9999-99-99 ",
        "the the the ",
        "Feb 29, 2023 ",
        "3/ ",
        "in 2014\u{0301}",
    ] {
        text.push_str(piece);
    }
    text.push_str(&"9".repeat(10_000));
    text.push_str(&" ".repeat(10_000));
    text.push_str("June 5");
    for m in find_dates(&text, Some(date(2023, 6, 18)), Bias::Nearest) {
        assert!(m.start < m.end && m.end <= text.len());
        assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
    }
}

/// `clock!(text, reference => "start", "exclusive end", grain)` or `=> None`
/// for phrases read only at `claimcheck time` (clock times, parts of the
/// day, holidays, standalone forms).
macro_rules! clock {
    ($text:expr, $r:expr => $start:expr, $end:expr, $g:ident) => {
        let v = resolve_phrase($text, $r, Bias::Future);
        assert_eq!(
            v.map(|v| (
                v.start.to_string(),
                v.exclusive_end().map(|e| e.to_string()),
                v.grain
            )),
            Some(($start.to_string(), Some($end.to_string()), Grain::$g)),
            "{}",
            $text
        )
    };
    ($text:expr, $r:expr => None) => {
        assert_eq!(resolve_phrase($text, $r, Bias::Future), None, "{}", $text)
    };
}

#[test]
fn times_of_day_against_friday_june_9_2023() {
    let r = jun09();
    clock!("3pm", r => "2023-06-09T15:00:00", "2023-06-09T16:00:00", Hour);
    clock!("at 3:30 p.m.", r => "2023-06-09T15:30:00", "2023-06-09T15:31:00", Minute);
    clock!("at 8:15", r => "2023-06-09T20:15:00", "2023-06-09T20:16:00", Minute);
    clock!("at 9:40", r => "2023-06-09T09:40:00", "2023-06-09T09:41:00", Minute);
    clock!("15h30", r => "2023-06-09T15:30:00", "2023-06-09T15:31:00", Minute);
    clock!("noon", r => "2023-06-09T12:00:00", "2023-06-09T13:00:00", Hour);
    clock!("at midnight", r => "2023-06-10T00:00:00", "2023-06-10T01:00:00", Hour);
    clock!("a quarter past 3pm", r => "2023-06-09T15:15:00", "2023-06-09T15:16:00", Minute);
    clock!("half past three pm", r => "2023-06-09T15:30:00", "2023-06-09T15:31:00", Minute);
    clock!("20 minutes to 2pm", r => "2023-06-09T13:40:00", "2023-06-09T13:41:00", Minute);
    clock!("noon Friday", r => "2023-06-16T12:00:00", "2023-06-16T13:00:00", Hour);
    clock!("tomorrow at 5pm", r => "2023-06-10T17:00:00", "2023-06-10T18:00:00", Hour);
    clock!("9 tomorrow morning", r => "2023-06-10T09:00:00", "2023-06-10T10:00:00", Hour);
    clock!("tonight at 11", r => "2023-06-09T23:00:00", "2023-06-10T00:00:00", Hour);
    // Another zone needs the reference offset (`resolve_phrase_with`).
    clock!("4pm CET", r => None);
    clock!("this morning", r => "2023-06-09T00:00:00", "2023-06-09T12:00:00", Hour);
    clock!("this afternoon", r => "2023-06-09T12:00:00", "2023-06-09T19:00:00", Hour);
    clock!("last night", r => "2023-06-08T18:00:00", "2023-06-09T00:00:00", Hour);
    clock!("late last night", r => "2023-06-08T21:00:00", "2023-06-09T00:00:00", Hour);
    clock!("tomorrow evening", r => "2023-06-10T18:00:00", "2023-06-11T00:00:00", Hour);
    clock!("Monday morning", r => "2023-06-12T00:00:00", "2023-06-12T12:00:00", Hour);
    clock!("3-4pm", r => "2023-06-09T15:00:00", "2023-06-09T17:00:00", Hour);
    clock!("9:30 - 11:00 on Thursday", r => "2023-06-15T09:30:00", "2023-06-15T11:01:00", Minute);
    clock!("between 3:30pm and 6 pm", r => "2023-06-09T15:30:00", "2023-06-09T18:01:00", Minute);
    clock!("by 2pm", r => "2023-06-09T09:32:00", "2023-06-09T14:00:00", Second);
    clock!("4pm for 30 mins", r => "2023-06-09T16:00:00", "2023-06-09T16:31:00", Minute);
    clock!("christmas", r => "2023-12-25T00:00:00", "2023-12-26T00:00:00", Day);
    clock!("thanksgiving 2024", r => "2024-11-28T00:00:00", "2024-11-29T00:00:00", Day);
    clock!("last easter", r => "2023-04-09T00:00:00", "2023-04-10T00:00:00", Day);
    clock!("good friday 2024", r => "2024-03-29T00:00:00", "2024-03-30T00:00:00", Day);
    clock!("orthodox easter 2023", r => "2023-04-16T00:00:00", "2023-04-17T00:00:00", Day);
    clock!("new year's eve", r => "2023-12-31T00:00:00", "2024-01-01T00:00:00", Day);
    clock!("MLK day 2024", r => "2024-01-15T00:00:00", "2024-01-16T00:00:00", Day);
    clock!("3 fridays from now", r => "2023-06-30T00:00:00", "2023-07-01T00:00:00", Day);
    clock!("in half an hour", r => "2023-06-09T10:02:00", "2023-06-09T10:02:01", Second);
    // Holidays of lunar and lunisolar calendars, computed (Jewish ones
    // from the evening before, as Duckling).
    clock!("ramadan", r => "2024-03-11T00:00:00", "2024-04-10T00:00:00", Day);
    clock!("eid al-adha", r => "2023-06-28T00:00:00", "2023-06-29T00:00:00", Day);
    clock!("diwali", r => "2023-11-12T00:00:00", "2023-11-13T00:00:00", Day);
    clock!("chinese new year", r => "2024-02-10T00:00:00", "2024-02-11T00:00:00", Day);
    clock!("hanukkah", r => "2023-12-07T00:00:00", "2023-12-15T00:00:00", Day);
    clock!("yom kippur", r => "2023-09-24T00:00:00", "2023-09-25T00:00:00", Day);
    clock!("holi 2024", r => "2024-03-25T00:00:00", "2024-03-26T00:00:00", Day);
    clock!("passover 2024", r => "2024-04-22T00:00:00", "2024-05-01T00:00:00", Day);
    // Not times: bare numbers and parts of the day need a cue (latent),
    // a glued letter is not a meridiem, a year alone is latent.
    clock!("7", r => None);
    clock!("morning", r => None);
    clock!("4a", r => None);
    clock!("2014", r => None);
    clock!("in 15 pct", r => None);
}

// ---------------------------------------------------------------------
// Issue 18, second part: rows written before the code that reads them.
// Conventions: README "Time phrases". `iv!` checks the value's first
// instant, exclusive end and grain; `open!` an open interval's one bound;
// `prose!` what `find_dates` finds in a sentence (Past bias, as claims).
// ---------------------------------------------------------------------

/// `iv!(text, reference, bias => "start", "exclusive end", grain)`.
macro_rules! iv {
    ($text:expr, $r:expr, $bias:ident => $start:expr, $end:expr, $g:ident) => {
        let v = resolve_phrase($text, $r, Bias::$bias);
        assert_eq!(
            v.map(|v| (
                v.start.to_string(),
                v.exclusive_end().map(|e| e.to_string()),
                v.grain
            )),
            Some(($start.to_string(), Some($end.to_string()), Grain::$g)),
            "{} ({:?})",
            $text,
            Bias::$bias
        )
    };
}

/// `open!(text, reference, bias => After|Before, "bound")`: "since" gives
/// its first instant, "before"/"until" its exclusive end.
macro_rules! open {
    ($text:expr, $r:expr, $bias:ident => After, $b:expr) => {
        let v = resolve_phrase($text, $r, Bias::$bias);
        assert_eq!(
            v.map(|v| (v.kind, v.bounds().0.map(|d| d.to_string()))),
            Some((TimeKind::OpenAfter, Some($b.to_string()))),
            "{}",
            $text
        )
    };
    ($text:expr, $r:expr, $bias:ident => Before, $b:expr) => {
        let v = resolve_phrase($text, $r, Bias::$bias);
        assert_eq!(
            v.map(|v| (v.kind, v.bounds().1.map(|d| d.to_string()))),
            Some((TimeKind::OpenBefore, Some($b.to_string()))),
            "{}",
            $text
        )
    };
}

/// `prose!(sentence, reference day => [("span", Some((first, last day)) | None), …])`.
macro_rules! prose {
    ($text:expr, $r:expr => [$(($span:expr, $v:expr)),* $(,)?]) => {
        let want: Vec<(&str, Option<(Date, Date)>)> = vec![$(($span, $v)),*];
        assert_eq!(spans($text, Some($r)), want, "{}", $text)
    };
}

fn d(y: i16, m: i8, day: i8) -> Date {
    date(y, m, day)
}

#[test]
fn parts_of_day_and_clock_times_in_news() {
    let r = feb87(); // Thursday 1987-02-26 15:01
    iv!("earlier in the day", r, Past => "1987-02-26T00:00:00", "1987-02-26T15:01:01", Second);
    iv!("earlier today", r, Past => "1987-02-26T00:00:00", "1987-02-26T15:01:01", Second);
    iv!("at 3:30 p.m. local time", jun09(), Future => "2023-06-09T15:30:00", "2023-06-09T15:31:00", Minute);
    iv!("shortly after midnight", r, Past => "1987-02-26T00:00:00", "1987-02-26T01:00:00", Hour);
    iv!("late on Wednesday", r, Past => "1987-02-25T18:00:00", "1987-02-26T00:00:00", Hour);
    iv!("Wednesday night", r, Past => "1987-02-25T18:00:00", "1987-02-26T00:00:00", Hour);
    iv!("this morning", r, Past => "1987-02-26T00:00:00", "1987-02-26T12:00:00", Hour);
    iv!("yesterday afternoon", r, Past => "1987-02-25T12:00:00", "1987-02-25T19:00:00", Hour);
    let zoned = jiff::civil::date(1987, 2, 26)
        .at(15, 1, 1, 0)
        .to_zoned(jiff::tz::TimeZone::fixed(jiff::tz::offset(0)))
        .unwrap();
    let v = claimcheck::temporal::resolve_phrase_zoned("1530 GMT", &zoned, Bias::Past).unwrap();
    assert_eq!(v.start.to_string(), "1987-02-26T15:30:00");
    let v = claimcheck::temporal::resolve_phrase_zoned("10 a.m. EST", &zoned, Bias::Past).unwrap();
    assert_eq!(v.start.to_string(), "1987-02-26T15:00:00");
    // In prose the day is what counts: parts of the day name their day.
    prose!("The company said this morning that talks ended last night.", d(1987, 2, 26) => [
        ("this morning", Some((d(1987, 2, 26), d(1987, 2, 26)))),
        ("last night", Some((d(1987, 2, 25), d(1987, 2, 25)))),
    ]);
    prose!("Trading was halted earlier today.", d(1987, 2, 26) => [
        ("earlier today", Some((d(1987, 2, 26), d(1987, 2, 26)))),
    ]);
    prose!("The ministry said on Wednesday night that it would act.", d(1987, 2, 26) => [
        ("Wednesday night", Some((d(1987, 2, 25), d(1987, 2, 25)))),
    ]);
}

#[test]
fn seasons_halves_and_quarters() {
    let r = feb87();
    row!("last fall", r, Past => (1986, 9, 23), (1986, 12, 20), Day);
    row!("this winter", r, Past => (1986, 12, 21), (1987, 3, 20), Day);
    row!("last spring", r, Past => (1986, 3, 20), (1986, 6, 20), Day);
    row!("second-half 2019", r, Past => (2019, 7, 1), (2019, 12, 31), Month);
    row!("the first half", r, Past => (1987, 1, 1), (1987, 6, 30), Month);
    row!("first-half 1986", r, Past => (1986, 1, 1), (1986, 6, 30), Month);
    row!("the second half of the year", r, Past => (1987, 7, 1), (1987, 12, 31), Month);
    row!("Q3", jun18(), Past => (2022, 7, 1), (2022, 9, 30), Quarter);
    row!("the third quarter of last year", jun18(), Past => (2022, 7, 1), (2022, 9, 30), Quarter);
    row!("third-quarter 1986", r, Past => (1986, 7, 1), (1986, 9, 30), Quarter);
    row!("the fourth quarter of 1986", r, Past => (1986, 10, 1), (1986, 12, 31), Quarter);
    row!("the 1986 fourth quarter", r, Past => (1986, 10, 1), (1986, 12, 31), Quarter);
    row!("the current quarter", r, Past => (1987, 1, 1), (1987, 3, 31), Quarter);
    row!("the second quarter", r, Future => (1987, 4, 1), (1987, 6, 30), Quarter);
    row!("1Q 2023", jun18(), Past => (2023, 1, 1), (2023, 3, 31), Quarter);
    prose!("Fourth-quarter 1986 net profit rose, against third-quarter earnings.", d(1987, 2, 26) => [
        ("Fourth-quarter 1986", Some((d(1986, 10, 1), d(1986, 12, 31)))),
        ("third-quarter", Some((d(1986, 7, 1), d(1986, 9, 30)))),
    ]);
}

#[test]
fn fiscal_and_crop_years() {
    // A fiscal year named by its last calendar year, calendar unknown:
    // the twelve months end in that year, so they lie between February 1
    // of the year before and December 31 (README).
    let r = feb87();
    row!("fiscal 1987", r, Past => (1986, 2, 1), (1987, 12, 31), Year);
    row!("fiscal 2024", jun18(), Past => (2023, 2, 1), (2024, 12, 31), Year);
    row!("FY24", jun18(), Past => (2023, 2, 1), (2024, 12, 31), Year);
    row!("fiscal year 1986", r, Past => (1985, 2, 1), (1986, 12, 31), Year);
    row!("the 1987 fiscal year", r, Past => (1986, 2, 1), (1987, 12, 31), Year);
    // Split years (crop years, seasons, fiscal years across two calendar
    // years): the two calendar years they straddle.
    row!("1990/91", r, Past => (1990, 1, 1), (1991, 12, 31), Year);
    row!("the 2019/20 season", jun18(), Past => (2019, 1, 1), (2020, 12, 31), Year);
    row!("the 1986/87 crop year", r, Past => (1986, 1, 1), (1987, 12, 31), Year);
    row!("fiscal 1986/87", r, Past => (1986, 1, 1), (1987, 12, 31), Year);
    row!("1986-87", r, Past => (1986, 1, 1), (1987, 12, 31), Year);
    // A period named by its end.
    row!("the year ended December 31", r, Past => (1986, 1, 1), (1986, 12, 31), Day);
    row!("the six months to December 31", r, Past => (1986, 7, 1), (1986, 12, 31), Day);
    row!("the nine months ended September 30", r, Past => (1986, 1, 1), (1986, 9, 30), Day);
    row!("the year to March 31", r, Future => (1986, 4, 1), (1987, 3, 31), Day);
    row!("the current fiscal year", r, Past => None);
    row!("the fiscal year", r, Past => None);
}

#[test]
fn ranges_and_alternatives() {
    let r = feb87();
    row!("2019-2024", jun18(), Past => (2019, 1, 1), (2024, 12, 31), Year);
    row!("May 3 or 4", jun18(), Past => (2023, 5, 3), (2023, 5, 4), Day);
    row!("March 3 or 4", r, Future => (1987, 3, 3), (1987, 3, 4), Day);
    row!("between March and May", r, Future => (1987, 3, 1), (1987, 5, 31), Month);
    row!("from Monday to Wednesday", jun18(), Past => (2023, 6, 12), (2023, 6, 14), Day);
    row!("from 1983 to 1986", r, Past => (1983, 1, 1), (1986, 12, 31), Year);
    row!("March 2 to 6", r, Future => (1987, 3, 2), (1987, 3, 6), Day);
    row!("January-March", r, Past => (1987, 1, 1), (1987, 3, 31), Month);
    prose!("Output fell in January-March and in 1985-86.", d(1987, 5, 2) => [
        ("January-March", Some((d(1987, 1, 1), d(1987, 3, 31)))),
        ("1985-86", Some((d(1985, 1, 1), d(1986, 12, 31)))),
    ]);
}

#[test]
fn periods_that_refer_to_others() {
    let r = feb87();
    row!("the first four months of this year", jun18(), Past => (2023, 1, 1), (2023, 4, 30), Month);
    row!("the first nine months of 1986", r, Past => (1986, 1, 1), (1986, 9, 30), Month);
    row!("the first two months of 1987", r, Past => (1987, 1, 1), (1987, 2, 28), Month);
    row!("the last three months of 1986", r, Past => (1986, 10, 1), (1986, 12, 31), Month);
    row!("the first six months", r, Past => (1987, 1, 1), (1987, 6, 30), Month);
    // Alone, the antecedent is unknown: no value, never a guess.
    row!("the same period a year earlier", r, Past => None);
    row!("the year", r, Past => None);
    row!("a year earlier", r, Past => None);
    // In prose, the period named just before is the antecedent; without
    // one the mention stays, unresolved.
    prose!("Sales rose in the fourth quarter from the same period a year earlier.", d(1987, 2, 26) => [
        ("the fourth quarter", Some((d(1986, 10, 1), d(1986, 12, 31)))),
        ("the same period a year earlier", Some((d(1985, 10, 1), d(1985, 12, 31)))),
    ]);
    prose!("Exports in January were up from 1.2 billion a year earlier.", d(1987, 2, 26) => [
        ("January", Some((d(1987, 1, 1), d(1987, 1, 31)))),
        ("a year earlier", Some((d(1986, 1, 1), d(1986, 1, 31)))),
    ]);
    prose!("Profit was up from the same period a year earlier.", d(1987, 2, 26) => [
        ("the same period a year earlier", None),
    ]);
    prose!("Output in the first nine months of 1986 was 5 pct above the year-earlier period.", d(1987, 2, 26) => [
        ("the first nine months of 1986", Some((d(1986, 1, 1), d(1986, 9, 30)))),
        ("the year-earlier period", Some((d(1985, 1, 1), d(1985, 9, 30)))),
    ]);
}

#[test]
fn open_intervals_have_their_known_bound() {
    let r = feb87();
    open!("since 2015", jun18(), Past => After, "2015-01-01T00:00:00");
    open!("since early January", r, Past => After, "1987-01-01T00:00:00");
    open!("since last August", r, Past => After, "1986-08-01T00:00:00");
    open!("until next month", r, Past => Before, "1987-03-01T00:00:00");
    open!("before March 5", r, Future => Before, "1987-03-05T00:00:00");
    open!("after May 1", r, Future => After, "1987-05-01T00:00:00");
    iv!("by end-1987", r, Past => "1987-02-26T15:01:01", "1988-01-01T00:00:00", Second);
    open!("until the end of the year", r, Past => Before, "1988-01-01T00:00:00");
    // "on or" includes the bound.
    open!("on or before March 18", r, Future => Before, "1987-03-19T00:00:00");
    open!("on or after March 18", r, Future => After, "1987-03-18T00:00:00");
    let found = find_dates(
        "Holders may tender on or before March 18.",
        Some(d(1987, 2, 26)),
        Bias::Future,
    );
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].value.unwrap().kind, TimeKind::OpenBefore);
    assert_eq!(found[0].end - found[0].start, "on or before March 18".len());
    // "by" a date is a deadline: open before the date's end.
    let found = find_dates(
        "Talks must end by April 7 and the deal by the end of June; prices rose by 5 pct, spurred by today's poll.",
        Some(d(1987, 2, 26)),
        Bias::Future,
    );
    let got: Vec<_> = found
        .iter()
        .map(|m| (m.value.unwrap().kind, m.value.unwrap().start.date()))
        .collect();
    assert_eq!(
        got,
        [
            (TimeKind::OpenBefore, d(1987, 4, 8)),
            (TimeKind::OpenBefore, d(1987, 7, 1)),
            (TimeKind::Instant, d(1987, 2, 26)),
        ]
    );
    // The claims keep the open interval's bound (`value` null, `resolved` set).
    let found = find_dates(
        "Prices have fallen since January.",
        Some(d(1987, 2, 26)),
        Bias::Past,
    );
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].value.unwrap().kind, TimeKind::OpenAfter);
}

#[test]
fn durations_and_vague_spans_anchored_at_publication() {
    let r = feb87();
    row!("in the past 10 years", r, Past => (1977, 1, 1), (1986, 12, 31), Year);
    row!("over the past three months", r, Past => (1986, 11, 1), (1987, 1, 31), Month);
    row!("for the past two years", r, Past => (1985, 1, 1), (1986, 12, 31), Year);
    row!("over the next two years", r, Past => (1988, 1, 1), (1989, 12, 31), Year);
    row!("in the next two weeks", jun18(), Past => (2023, 6, 19), (2023, 7, 2), Week);
    row!("within the week", jun09(), Past => (2023, 6, 9), (2023, 6, 11), Day);
    row!("within the next 30 days", jun09(), Past => (2023, 6, 9), (2023, 7, 8), Day);
    row!("later this year", r, Past => (1987, 2, 27), (1987, 12, 31), Day);
    row!("earlier this year", r, Past => (1987, 1, 1), (1987, 2, 25), Day);
    row!("by the end of the year", r, Past => (1987, 2, 26), (1987, 12, 31), Second);
    // A length alone ("for nearly three years", "five years") is not a
    // date: it names no time, only how long (README).
    row!("for nearly three years", r, Past => None);
    row!("more than two years", r, Past => None);
}

#[test]
fn holidays_in_news() {
    let r = feb87();
    row!("New Year's Day", r, Past => (1987, 1, 1), (1987, 1, 1), Day);
    row!("Christmas", r, Past => (1986, 12, 25), (1986, 12, 25), Day);
    row!("Easter", r, Future => (1987, 4, 19), (1987, 4, 19), Day);
    row!("Thanksgiving", r, Past => (1986, 11, 27), (1986, 11, 27), Day);
    row!("Ramadan", r, Future => (1987, 4, 29), (1987, 5, 27), Day);
    row!("Christmas Eve", jun18(), Past => (2022, 12, 24), (2022, 12, 24), Day);
    prose!("Shipments were delayed over Christmas and will resume after Easter.", d(1987, 2, 26) => [
        ("Christmas", Some((d(1986, 12, 25), d(1986, 12, 25)))),
        ("after Easter", None),
    ]);
    prose!("Talks resume after the Easter holiday.", d(1987, 3, 30) => [
        ("Easter", Some((d(1987, 4, 19), d(1987, 4, 19)))),
    ]);
    prose!("The ship sailed to Christmas Island and Easter Island.", d(1987, 2, 26) => []);
}

#[test]
fn no_false_dates() {
    let r = feb87();
    row!("mid 2200", r, Past => None);
    row!("the first", r, Past => None);
    row!("3000", r, Past => None);
    prose!("Sales rose in the first half.", d(1987, 2, 26) => [
        ("the first half", Some((d(1987, 1, 1), d(1987, 6, 30)))),
    ]);
    prose!("The tariff is 12 pct at mid 2200 and 15 pct above 2500.", d(1987, 2, 26) => []);
    prose!("He was the first to say so, for the second time in the year.", d(1987, 2, 26) => []);
    prose!("It bought 1,987 tonnes in 2400 lots for 1990 dlrs a tonne.", d(1987, 2, 26) => []);
    prose!("The Boeing 747 and Airbus A310 fleets, Article 1986 of the code.", d(1987, 2, 26) => []);
}

/// Wire copy spells days below ten after a month name; a spelled number
/// that counts the next word is not a day.
#[test]
fn spelled_days_after_a_month() {
    prose!("The dividend was paid April One to holders of record March 20.", d(1987, 5, 26) => [
        ("April One", Some((d(1987, 4, 1), d(1987, 4, 1)))),
        ("March 20", Some((d(1987, 3, 20), d(1987, 3, 20)))),
    ]);
    prose!("Qtly div 10 cts\n    Pay May One\n    Record April eight", d(1987, 5, 26) => [
        ("May One", Some((d(1987, 5, 1), d(1987, 5, 1)))),
        ("April eight", Some((d(1987, 4, 8), d(1987, 4, 8)))),
    ]);
    prose!("The warrants were extended until September one 1989.", d(1987, 2, 26) => [
        // An open interval ending September 1, 1989: no inclusive days.
        ("until September one 1989", None),
    ]);
    prose!("In May one analyst and in June two banks said so.", d(1987, 2, 26) => [
        ("May", Some((d(1986, 5, 1), d(1986, 5, 31)))),
        ("June", Some((d(1986, 6, 1), d(1986, 6, 30)))),
    ]);
}

/// `claims!(sentence, reference day => [...])`: as `prose!`, under the
/// claims pipeline's bias (`Bias::Nearest`).
macro_rules! claims {
    ($text:expr, $r:expr => [$(($span:expr, $v:expr)),* $(,)?]) => {
        let want: Vec<(&str, Option<(Date, Date)>)> = vec![$(($span, $v)),*];
        let got: Vec<_> = find_dates($text, Some($r), Bias::Nearest)
            .iter()
            .map(|m| (&$text[m.start..m.end], m.value.and_then(|v| v.inclusive_days())))
            .collect();
        assert_eq!(got, want, "{}", $text)
    };
}

/// Issue 18, the misses of the spent heldout3 split grouped by cause
/// (rows written before the code was run on them): a month named alone
/// as the modifier of a noun or after "for"/"from"/"than"/"and", spans of
/// months or years written with a slash, a day range with the month
/// elided, "after" and "no later than" a date, "a similar period", the
/// balance of a period, alternatives of counts, and "of the year".
#[test]
fn months_named_as_modifiers_in_news() {
    let apr24 = d(1987, 4, 24);
    let mar87 = (d(1987, 3, 1), d(1987, 3, 31));
    claims!("He blamed strikes for the weak March trade balance.", apr24 => [("March", Some(mar87))]);
    claims!("March exports totalled 1.43 billion dlrs.", apr24 => [("March", Some(mar87))]);
    claims!("They were 28 pct higher than March's figure.", apr24 => [("March", Some(mar87))]);
    claims!("That is up from the March rate of 6-1/4 pct.", apr24 => [("March", Some(mar87))]);
    claims!("Sales rose 5 pct in February and March.", apr24 => [
        ("February", Some((d(1987, 2, 1), d(1987, 2, 28)))),
        ("March", Some(mar87)),
    ]);
    // The nearest one (a shipment ahead, a figure behind, a contract).
    claims!("Ministers are unlikely to act before its September meeting.", d(1987, 4, 2) => [
        ("September", Some((d(1987, 9, 1), d(1987, 9, 30)))),
    ]);
    claims!("News of a weaker-than-expected March employment report weighed.", d(1987, 4, 3) => [
        ("March", Some((d(1987, 3, 1), d(1987, 3, 31)))),
    ]);
    claims!("Brazil opened registrations for May shipment.", d(1987, 3, 6) => [
        ("May", Some((d(1987, 5, 1), d(1987, 5, 31)))),
    ]);
    claims!("Retail sales for February rose 2 pct.", d(1987, 3, 6) => [
        ("February", Some((d(1987, 2, 1), d(1987, 2, 28)))),
    ]);
    // Not a month of its own: the quarter or year ending then, a verb
    // after "May", a futures contract quoted as the subject, a month
    // placed by another event.
    claims!("Profits rose in the December quarter.", apr24 => []);
    claims!("May be the best time, he said.", apr24 => []);
    claims!("May settled at 5.04 dlrs.", apr24 => []);
    claims!("Rates for the February preceding each payment apply.", apr24 => []);
    claims!("The May Department Stores Co said.", apr24 => []);
    // An antecedent named as a modifier is one: "the same month last year".
    claims!("He said the March results were lower than the same month last year.", apr24 => [
        ("March", Some(mar87)),
        ("the same month last year", Some((d(1986, 3, 1), d(1986, 3, 31)))),
    ]);
}

#[test]
fn spans_written_with_a_slash_or_an_elided_month() {
    let oct20 = d(1987, 10, 20);
    prose!("Registrations were 2.12 mln during January/September 1986.", oct20 => [
        ("January/September 1986", Some((d(1986, 1, 1), d(1986, 9, 30)))),
    ]);
    prose!("It rose from 2.35 mln in January/September last year.", oct20 => [
        ("January/September last year", Some((d(1986, 1, 1), d(1986, 9, 30)))),
    ]);
    // Without a year, the nearest months (the claims pipeline's bias).
    let found = find_dates(
        "Exporters offered corn for Sept/Dec shipments.",
        Some(d(1987, 3, 24)),
        Bias::Nearest,
    );
    assert_eq!(
        found
            .iter()
            .map(|m| m.value.unwrap().inclusive_days())
            .collect::<Vec<_>>(),
        [Some((d(1987, 9, 1), d(1987, 12, 31)))]
    );
    prose!("The bank will issue capital bonds due 1988/2007.", d(1987, 4, 9) => [
        ("1988/2007", Some((d(1988, 1, 1), d(2007, 12, 31)))),
    ]);
    prose!("It bought shares between October 1 and 19 at 8.34 dlrs.", oct20 => [
        ("between October 1 and 19", Some((d(1987, 10, 1), d(1987, 10, 19)))),
    ]);
    iv!("January/September 1986", feb87(), Past => "1986-01-01T00:00:00", "1986-10-01T00:00:00", Month);
    iv!("between October 1 and 19", feb87(), Future => "1987-10-01T00:00:00", "1987-10-20T00:00:00", Day);
}

#[test]
fn after_and_no_later_than_in_prose() {
    fn after(s: &str, r: Date) -> Vec<(&str, TimeKind, Date)> {
        find_dates(s, Some(r), Bias::Nearest)
            .iter()
            .map(|m| {
                let v = m.value.unwrap();
                (&s[m.start..m.end], v.kind, v.start.date())
            })
            .collect()
    }
    // "after X": open after X has ended (symmetric to "before X").
    assert_eq!(
        after("Money growth slowed after mid-January.", d(1987, 4, 8)),
        [("after mid-January", TimeKind::OpenAfter, d(1987, 1, 21))]
    );
    assert_eq!(
        after("Bonds are callable after March 15, 1997.", d(1987, 4, 8)),
        [("after March 15, 1997", TimeKind::OpenAfter, d(1997, 3, 16))]
    );
    // `claimcheck time` keeps Duckling's reading, from the bound's start.
    open!("after May 1", feb87(), Future => After, "1987-05-01T00:00:00");
    // "after" a length: counted from an event the text does not date.
    assert_eq!(
        after("It has a put option after seven years.", d(1987, 4, 8)),
        []
    );
    assert_eq!(after("Talks resumed after five months.", d(1987, 4, 8)), []);
    // "no later than X": open before X's end, the words in the span.
    assert_eq!(
        after(
            "The price will be announced no later than Wednesday, April 15.",
            d(1987, 4, 9)
        ),
        [(
            "no later than Wednesday, April 15",
            TimeKind::OpenBefore,
            d(1987, 4, 16)
        )]
    );
    assert_eq!(
        after("Payment is due not later than June 30.", d(1987, 4, 9)),
        [(
            "not later than June 30",
            TimeKind::OpenBefore,
            d(1987, 7, 1)
        )]
    );
}

#[test]
fn periods_counted_in_the_year_or_against_another() {
    let apr24 = d(1987, 4, 24);
    prose!("The January-March surplus was well below a similar period last year.", apr24 => [
        ("January-March", Some((d(1987, 1, 1), d(1987, 3, 31)))),
        ("a similar period last year", Some((d(1986, 1, 1), d(1986, 3, 31)))),
    ]);
    prose!("It expects a surplus in each of the last six months of the year.", apr24 => [
        ("the last six months of the year", Some((d(1987, 7, 1), d(1987, 12, 31)))),
    ]);
    prose!("Aggregates may grow slowly during the balance of the year.", d(1987, 4, 8) => [
        ("the balance of the year", Some((d(1987, 4, 8), d(1987, 12, 31)))),
    ]);
    iv!("the remainder of the year", feb87(), Past => "1987-02-26T00:00:00", "1988-01-01T00:00:00", Day);
    // Alternatives of counts span the larger ("May 3 or 4" spans both days).
    prose!("In the next two to five years, imports will rise.", d(1987, 4, 29) => [
        ("the next two to five years", Some((d(1988, 1, 1), d(1992, 12, 31)))),
    ]);
}

/// Issue 18, classes of the spent heldout4 split, each counted over the
/// whole Reuters corpus before it was built (rows written before the
/// code; sentences are our own): "record" as a superlative is no future
/// cue (51 records resolved a month after "a record" to next year),
/// "through" a date in prose is that date (the annotation rules; 74
/// records with "through" a day), "a year ago" after a period named in its
/// sentence is that period a year back (318 mentions in 237 records),
/// quarters and halves named by their last day ("the first quarter ended
/// January 31", 175 records; "Six months to Dec 31"), a company's
/// quarters carried through the article once one is named by its end,
/// "the comparable 1986 period" (67 records: the period named before,
/// moved to that year) and "final quarter" (25 records).
#[test]
fn heldout4_classes_counted_on_the_corpus() {
    let mar02 = d(1987, 3, 2);
    // A record volume or price is past news; "of record" stays a cue.
    claims!("Volume reached a record 25,000 contracts in February.", mar02 => [
        ("February", Some((d(1987, 2, 1), d(1987, 2, 28)))),
    ]);
    claims!("The price was a record 127,100 dlrs, above the previous record set in December.", mar02 => [
        ("December", Some((d(1986, 12, 1), d(1986, 12, 31)))),
    ]);
    claims!("Unemployment rose to a new record 3.0 pct in January.", mar02 => [
        ("January", Some((d(1987, 1, 1), d(1987, 1, 31)))),
    ]);
    claims!("The dividend is payable April 15 to holders of record March 31.", mar02 => [
        ("April 15", Some((d(1987, 4, 15), d(1987, 4, 15)))),
        ("March 31", Some((d(1987, 3, 31), d(1987, 3, 31)))),
    ]);
    // "through" a date in prose names the date (Duckling's open reading
    // stays for `claimcheck time`).
    claims!("Prices are guaranteed through December 31, 1988.", mar02 => [
        ("December 31, 1988", Some((d(1988, 12, 31), d(1988, 12, 31)))),
    ]);
    claims!("Output will be cut through the end of 1986, he said.", mar02 => [
        ("the end of 1986", Some((d(1986, 9, 1), d(1986, 12, 31)))),
    ]);
    open!("through March 31", feb87(), Future => Before, "1987-03-31T00:00:00");
    // "a year ago" compares with the period its sentence named first; alone
    // it stays anchored at the article's date.
    claims!("Profit in the fourth quarter fell to five mln dlrs from seven mln dlrs a year ago.", mar02 => [
        ("the fourth quarter", Some((d(1986, 10, 1), d(1986, 12, 31)))),
        ("a year ago", Some((d(1985, 10, 1), d(1985, 12, 31)))),
    ]);
    claims!("He joined the company a year ago.", mar02 => [
        ("a year ago", Some((d(1986, 3, 1), d(1986, 3, 31)))),
    ]);
    claims!("Sales rose in January. A year ago they fell.", mar02 => [
        ("January", Some((d(1987, 1, 1), d(1987, 1, 31)))),
        ("A year ago", Some((d(1986, 3, 1), d(1986, 3, 31)))),
    ]);
    // Quarters and halves named by their last day.
    claims!("Profit for the first quarter ended January 31 fell.", d(1987, 3, 3) => [
        ("the first quarter ended January 31", Some((d(1986, 11, 1), d(1987, 1, 31)))),
    ]);
    claims!("Net in the third qtr ending March 31 rose.", d(1987, 4, 8) => [
        ("the third qtr ending March 31", Some((d(1987, 1, 1), d(1987, 3, 31)))),
    ]);
    claims!("Net for the second half ended June 30 rose.", d(1987, 8, 3) => [
        ("the second half ended June 30", Some((d(1987, 1, 1), d(1987, 6, 30)))),
    ]);
    claims!("Six months to Dec 31.", d(1987, 3, 3) => [
        ("Six months to Dec 31", Some((d(1986, 7, 1), d(1986, 12, 31)))),
    ]);
    // Not yet: "Nine mths ended Sept 30" ("mths" is no unit word of the
    // grammar); the words spelled out are read.
    claims!("Nine months ended Sept 30 rose.", d(1987, 3, 3) => [
        ("Nine months ended Sept 30", Some((d(1986, 1, 1), d(1986, 9, 30)))),
    ]);
    // Once a quarter is named by its end, the article's other quarters are
    // the company's: the same quarter before that sentence, the next one
    // three months on, and "a year ago" a year back.
    claims!(
        "First quarter profit fell. Profit for the first quarter ended January 31 was 114 mln dlrs, down from 140 mln dlrs a year ago. The second quarter will be better.",
        d(1987, 3, 3) => [
            ("First quarter", Some((d(1986, 11, 1), d(1987, 1, 31)))),
            ("the first quarter ended January 31", Some((d(1986, 11, 1), d(1987, 1, 31)))),
            ("a year ago", Some((d(1985, 11, 1), d(1986, 1, 31)))),
            ("The second quarter", Some((d(1987, 2, 1), d(1987, 4, 30)))),
        ]
    );
    // Without a future cue another quarter is the latest one started, as
    // a calendar quarter (the current one counts; added after the corpus
    // sample: "charges to the company's third quarter earnings" beside
    // "second quarter ended Dec. 31"), and one not yet started a year back.
    claims!(
        "Net for the second quarter ended Dec. 31 fell. Charges cut third quarter earnings; fourth quarter sales rose.",
        d(1987, 3, 24) => [
            ("the second quarter ended Dec. 31", Some((d(1986, 10, 1), d(1986, 12, 31)))),
            ("third quarter", Some((d(1987, 1, 1), d(1987, 3, 31)))),
            ("fourth quarter", Some((d(1986, 4, 1), d(1986, 6, 30)))),
        ]
    );
    // A span counted back from today is no antecedent of "a year ago"
    // ("a week ago" is that calendar week in prose, README).
    claims!("Exports were 18 mln bushels, down from 19 mln a week ago and 20 mln a year ago.", d(1987, 3, 16) => [
        ("a week ago", Some((d(1987, 3, 9), d(1987, 3, 15)))),
        ("a year ago", Some((d(1986, 3, 1), d(1986, 3, 31)))),
    ]);
    claims!(
        "It will take a charge against the third quarter ended March 31. It earned 1.7 mln dlrs in last year's third quarter.",
        d(1987, 4, 8) => [
            ("the third quarter ended March 31", Some((d(1987, 1, 1), d(1987, 3, 31)))),
            ("last year's third quarter", Some((d(1986, 1, 1), d(1986, 3, 31)))),
        ]
    );
    // Without one, quarters are calendar quarters.
    claims!("Profit in the fourth quarter rose.", mar02 => [
        ("the fourth quarter", Some((d(1986, 10, 1), d(1986, 12, 31)))),
    ]);
    // NOT YET (found at the merge, 2026-12-07): "the comparable 1986 period"
    // parses (`claimcheck time`, grammar unit tests) but prose extraction
    // still reads only "1986" (the whole year) in these two rows:
    //   "Sales for March rose five pct from the comparable 1986 period."
    //     => March 1987; the comparable 1986 period = March 1986
    //   "Sales rose from the comparable 1986 period." => no value
    claims!("Net in the first quarter rose from the same 1986 quarter.", d(1987, 4, 8) => [
        ("the first quarter", Some((d(1987, 1, 1), d(1987, 3, 31)))),
        ("the same 1986 quarter", Some((d(1986, 1, 1), d(1986, 3, 31)))),
    ]);
    // "final quarter" is the fourth.
    claims!("Net fell in the 1985 final quarter.", mar02 => [
        ("the 1985 final quarter", Some((d(1985, 10, 1), d(1985, 12, 31)))),
    ]);
    // NOT YET (found at the merge): "the final quarter of 1986" in prose
    // reads only "1986"; it should be 1986-10-01 to 1986-12-31.
}

/// Issue 18, classes of the spent heldout5 split counted on the whole
/// Reuters corpus before the code (rows written first): the direction of
/// a yearless date or month under a future cue (~300 corpus mentions read
/// almost a year ahead, 24 of a 25-sample wrong), "the <ordinal>" before a
/// noun read as a day (255 mentions), a period's "a year before" taken as
/// the antecedent of the next one, and back-references to the named
/// period ("the period", "the full month", "that date", "the month of").
#[test]
fn heldout5_classes_counted_on_the_corpus() {
    // A future cue reads a yearless date ahead only within eight months:
    // a price "effective March 6" in a March 9 story, a record date three
    // days back, are this year's, not next year's.
    claims!("Marathon said it raised crude prices, effective March 6.", d(1987, 3, 9) => [
        ("March 6", Some((d(1987, 3, 6), d(1987, 3, 6)))),
    ]);
    claims!("The dividend is payable March 16 to holders of record March 13.", d(1987, 3, 16) => [
        ("March 16", Some((d(1987, 3, 16), d(1987, 3, 16)))),
        ("March 13", Some((d(1987, 3, 13), d(1987, 3, 13)))),
    ]);
    claims!("It has planned the sale since the bid was made in January.", d(1987, 3, 20) => [
        ("January", Some((d(1987, 1, 1), d(1987, 1, 31)))),
    ]);
    // Within eight months the cue still reads ahead.
    claims!("The contracts will expire on September 14.", d(1987, 4, 13) => [
        ("September 14", Some((d(1987, 9, 14), d(1987, 9, 14)))),
    ]);
    claims!("Production is expected to begin in October.", d(1987, 3, 2) => [
        ("October", Some((d(1987, 10, 1), d(1987, 10, 31)))),
    ]);
    // "than expected", "as expected" compare with a forecast: no cue.
    claims!("Sales rose more than expected after weak orders in January.", d(1987, 3, 12) => [
        ("January", Some((d(1987, 1, 1), d(1987, 1, 31)))),
    ]);
    claims!("Output fell as expected in December.", d(1987, 3, 12) => [
        ("December", Some((d(1986, 12, 1), d(1986, 12, 31)))),
    ]);
    // "the <ordinal>" before a word is no day of the month.
    claims!("In the first case, the board said it found no fault.", d(1987, 4, 1) => []);
    claims!("It was the second round of talks and the third phase.", d(1987, 4, 1) => []);
    claims!("It rose in the first three months and in the first and second weeks.", d(1987, 4, 1) => [
        ("the first three months", Some((d(1987, 1, 1), d(1987, 3, 31)))),
    ]);
    // Each "a year before" refers to its own sentence's period, or to the
    // last period named, never to another "a year before".
    claims!(
        "Car sales for February 21 through 28 fell to 98,036 from 107,207 a year before. Truck sales rose to 42,593 from 38,402 a year before.",
        d(1987, 3, 4) => [
            ("February 21 through 28", Some((d(1987, 2, 21), d(1987, 2, 28)))),
            ("a year before", Some((d(1986, 2, 21), d(1986, 2, 28)))),
            ("a year before", Some((d(1986, 2, 21), d(1986, 2, 28)))),
        ]
    );
    claims!(
        "Exports in January rose to 1.2 billion from 1.1 billion a year earlier and imports to 1.0 billion from 0.9 billion a year earlier.",
        d(1987, 3, 4) => [
            ("January", Some((d(1987, 1, 1), d(1987, 1, 31)))),
            ("a year earlier", Some((d(1986, 1, 1), d(1986, 1, 31)))),
            ("a year earlier", Some((d(1986, 1, 1), d(1986, 1, 31)))),
        ]
    );
    // Back-references: "the month of February" is the month; "that date"
    // the day named before.
    claims!("Sales increased 15 pct for the month of February.", d(1987, 3, 11) => [
        ("the month of February", Some((d(1987, 2, 1), d(1987, 2, 28)))),
    ]);
    claims!("The distribution will be made March 30 to holders of record on that date.", d(1987, 3, 20) => [
        ("March 30", Some((d(1987, 3, 30), d(1987, 3, 30)))),
        ("that date", Some((d(1987, 3, 30), d(1987, 3, 30)))),
    ]);
    // "for the period" is the topic period of the sentence it follows;
    // "the full month" the month holding it.
    claims!(
        "Car sales for February 21 through 28 fell. Truck sales for the period rose. For the full month, car sales fell.",
        d(1987, 3, 4) => [
            ("February 21 through 28", Some((d(1987, 2, 21), d(1987, 2, 28)))),
            ("the period", Some((d(1987, 2, 21), d(1987, 2, 28)))),
            ("the full month", Some((d(1987, 2, 1), d(1987, 2, 28)))),
        ]
    );
    claims!("Truck sales for the period rose.", d(1987, 3, 4) => [("the period", None)]);
    // A fiscal year named by its end fixes the company's quarters.
    claims!(
        "Net for the year ended May 31 rose. Third quarter profit fell from a year earlier, and the fourth quarter will be better.",
        d(1987, 4, 1) => [
            ("the year ended May 31", Some((d(1986, 6, 1), d(1987, 5, 31)))),
            ("Third quarter", Some((d(1986, 12, 1), d(1987, 2, 28)))),
            ("a year earlier", Some((d(1985, 12, 1), d(1986, 2, 28)))),
            ("the fourth quarter", Some((d(1987, 3, 1), d(1987, 5, 31)))),
        ]
    );
    // "that date" with no day before it has no antecedent the text gives.
    claims!("Holders of record on that date will be paid.", d(1987, 3, 20) => [
        ("that date", None),
    ]);
}

/// Issue 18, eleventh session: a bare month name (no year, no "last" or
/// "next") in prose is read by how far ahead of the article's month it
/// lies, the way a news reader does: up to five months ahead it is this
/// year's, still to come (on 45 such months sampled from Reuters records
/// in no split, 44 were); six to eight ahead only when the sentence
/// speaks of the future; otherwise the latest one, the article's month
/// included. Rows written before the code.
#[test]
fn bare_months_read_by_their_distance_ahead() {
    let month = |y, m, last| Some((d(y, m, 1), d(y, m, last)));
    // One to five months ahead, no cue word: this year's.
    claims!("The harvesting season begins in April.", d(1987, 3, 20) => [
        ("April", month(1987, 4, 30)),
    ]);
    claims!("Officials want a snap poll in June.", d(1987, 4, 7) => [
        ("June", month(1987, 6, 30)),
    ]);
    claims!("The old agreement lapses in October.", d(1987, 6, 19) => [
        ("October", month(1987, 10, 31)),
    ]);
    claims!("He said the first drawings are made in May.", d(1987, 4, 13) => [
        ("May", month(1987, 5, 31)),
    ]);
    // The article's own month, and months behind it: the latest one.
    claims!("Sales fell in March.", d(1987, 3, 20) => [("March", month(1987, 3, 31))]);
    claims!("The index was 104.5 in December.", d(1987, 4, 2) => [
        ("December", month(1986, 12, 31)),
    ]);
    claims!("Permits rose from 2.16 billion dlrs in October.", d(1987, 3, 9) => [
        ("October", month(1986, 10, 31)),
    ]);
    // Six to eight months ahead: ahead only with a future cue.
    claims!("It will reopen the terminal in September.", d(1987, 3, 4) => [
        ("September", month(1987, 9, 30)),
    ]);
    claims!("The estimate was made in September.", d(1987, 3, 4) => [
        ("September", month(1986, 9, 30)),
    ]);
    // A past tense governing the month directly ("made in April", "had
    // rejected in July") names the latest one; a passive after "be" or a
    // future word ("was expected in April") does not.
    claims!("Shares were adjusted for the bonus issue made in April.", d(1987, 3, 25) => [
        ("April", month(1986, 4, 30)),
    ]);
    claims!("The ICC had rejected in July the merger.", d(1987, 3, 5) => [
        ("July", month(1986, 7, 31)),
    ]);
    claims!("The partnership was created in March.", d(1987, 10, 20) => [
        ("March", month(1987, 3, 31)),
    ]);
    claims!("The package was expected in April.", d(1987, 3, 24) => [
        ("April", month(1987, 4, 30)),
    ]);
    claims!("The shares are to be listed in May.", d(1987, 3, 13) => [
        ("May", month(1987, 5, 31)),
    ]);
    // A year named after the month holds it: one expression.
    claims!("Ward awarded the order in July last year.", d(1987, 6, 2) => [
        ("July last year", month(1986, 7, 31)),
    ]);
    claims!("The divisor fell below one in May of last year.", d(1987, 3, 11) => [
        ("May of last year", month(1986, 5, 31)),
    ]);
    claims!("Imports rose in February this year.", d(1987, 4, 7) => [
        ("February this year", month(1987, 2, 28)),
    ]);
    claims!("Talks resume in January next year.", d(1987, 4, 7) => [
        ("January next year", month(1988, 1, 31)),
    ]);
    // Modifiers: the nearest one, which is the same window but six
    // months ahead.
    claims!("The dividend rises with the June payment.", d(1987, 3, 4) => [
        ("June", month(1987, 6, 30)),
    ]);
    claims!("Rates were quoted for August shipment.", d(1987, 4, 9) => [
        ("August", month(1987, 8, 31)),
    ]);
}

/// Issue 18, eleventh session: in prose "early" a year and "the beginning
/// of" a year are its first four months, as its end is its last four
/// (README "Time phrases"; the annotation rules' "early 1984"); Duckling's
/// January–March stays for `claimcheck time`. Rows written before the code.
#[test]
fn the_beginning_of_a_year_is_its_first_four_months_in_prose() {
    let jan_apr = Some((d(1987, 1, 1), d(1987, 4, 30)));
    claims!("Output was cut in early 1987.", d(1987, 3, 20) => [("early 1987", jan_apr)]);
    claims!("The plant opened at the beginning of 1987.", d(1987, 3, 20) => [
        ("the beginning of 1987", jan_apr),
    ]);
    claims!("Exports rose in early 1985.", d(1987, 3, 20) => [
        ("early 1985", Some((d(1985, 1, 1), d(1985, 4, 30)))),
    ]);
    // The end of a year, and early in a month, are as before.
    claims!("Stocks were high at the end of 1986.", d(1987, 3, 20) => [
        ("the end of 1986", Some((d(1986, 9, 1), d(1986, 12, 31)))),
    ]);
    claims!("Talks resume in early April.", d(1987, 3, 20) => [
        ("early April", Some((d(1987, 4, 1), d(1987, 4, 10)))),
    ]);
    // `claimcheck time` keeps Duckling's reading.
    assert_eq!(
        days("the beginning of 1987", feb87(), Bias::Past),
        Some((d(1987, 1, 1), d(1987, 3, 31), Grain::Month))
    );
}

/// Issue 18, twelfth session: the article defines its own year. A year
/// end stated once ("1986/87 ending September 30", "the fiscal year ends
/// April 30", "fiscal 1987/88 ending March 31", "the year beginning April
/// 1", a split year's months in brackets, "1986/87 (Sept-Aug)") makes the
/// article's split years, "fiscal 1987", "this year", "last year" and "the
/// current year" that year, named by the calendar year it ends in (the
/// annotation rules' heldout3–heldout7 cases). A December end, a year
/// "to" a month (a twelve-month rate), a year end that two statements
/// disagree on, or none, leave the calendar year; a bare "1986" stays the
/// calendar year. Rows written before the code.
#[test]
fn an_article_defines_its_own_year() {
    let iv = |a: (i16, i8, i8), b: (i16, i8, i8)| Some((d(a.0, a.1, a.2), d(b.0, b.1, b.2)));
    // A split year with its end: one expression, and the calendar of the
    // article's other split years and relative years.
    claims!(
        "Coffee exports in 1986/87 ending September 30 are put at 5.2 mln bags, against 4.1 mln in 1985/86. Output this year is seen above last year's.",
        d(1987, 3, 13) => [
            ("1986/87 ending September 30", iv((1986, 10, 1), (1987, 9, 30))),
            ("1985/86", iv((1985, 10, 1), (1986, 9, 30))),
            ("this year", iv((1986, 10, 1), (1987, 9, 30))),
            ("last year", iv((1985, 10, 1), (1986, 9, 30))),
        ]
    );
    // The months of a crop year in brackets.
    claims!(
        "Japan will buy 7.7 mln tonnes of corn in 1986/87 (Sept-Aug), against 6.1 mln in 1985/86.",
        d(1987, 3, 11) => [
            ("1986/87 (Sept-Aug)", iv((1986, 9, 1), (1987, 8, 31))),
            ("1985/86", iv((1985, 9, 1), (1986, 8, 31))),
        ]
    );
    claims!(
        "The 1987/88 season (October/September) crop is put at 1.8 mln bags.",
        d(1987, 4, 2) => [
            ("The 1987/88 season (October/September)", iv((1987, 10, 1), (1988, 9, 30))),
        ]
    );
    // A season of fewer than twelve months places its own split year only.
    claims!(
        "Cane output in 1986/87 (September-April) will fall, the ministry said last year.",
        d(1987, 3, 11) => [
            ("1986/87 (September-April)", iv((1986, 9, 1), (1987, 4, 30))),
            ("last year", iv((1986, 1, 1), (1986, 12, 31))),
        ]
    );
    // A fiscal year named by its end, with its own "fiscal 1987/88".
    claims!(
        "Output in fiscal 1987/88 ending March 31 is put at 190,000 tonnes, against 150,000 in 1986/87.",
        d(1987, 3, 23) => [
            ("fiscal 1987/88 ending March 31", iv((1987, 4, 1), (1988, 3, 31))),
            ("1986/87", iv((1986, 4, 1), (1987, 3, 31))),
        ]
    );
    // "fiscal 1987" and "the current year" of a company whose year ends
    // April 30; the recurring "ends April 30" is no one day.
    claims!(
        "The company's fiscal year ends April 30. It expects fiscal 1987 sales to rise, and profit in the current year to double from last year.",
        d(1987, 3, 16) => [
            ("April 30", None),
            ("fiscal 1987", iv((1986, 5, 1), (1987, 4, 30))),
            ("the current year", iv((1986, 5, 1), (1987, 4, 30))),
            ("last year", iv((1985, 5, 1), (1986, 4, 30))),
        ]
    );
    claims!(
        "Net profit in the year ended June 30, 1986 rose. Earnings this year will be lower.",
        d(1987, 3, 16) => [
            ("the year ended June 30, 1986", iv((1985, 7, 1), (1986, 6, 30))),
            ("this year", iv((1986, 7, 1), (1987, 6, 30))),
        ]
    );
    // A year named by its start.
    claims!(
        "Spending will rise 3.8 pct in the fiscal year beginning April 1, after 2.1 pct this year.",
        d(1987, 3, 10) => [
            ("the fiscal year beginning April 1", iv((1987, 4, 1), (1988, 3, 31))),
            ("this year", iv((1986, 4, 1), (1987, 3, 31))),
        ]
    );
    // A clause dates the start itself, in the past tense the latest one.
    claims!(
        "Exports have risen since the season started on July 1.",
        d(1987, 4, 2) => [("July 1", iv((1986, 7, 1), (1986, 7, 1)))]
    );
    // Calendar years stay: a December end, a twelve-month rate, two
    // statements that disagree, none, and a bare year.
    claims!(
        "Net for the year ended December 31 rose. Sales last year were five mln dlrs.",
        d(1987, 3, 16) => [
            ("the year ended December 31", iv((1986, 1, 1), (1986, 12, 31))),
            ("last year", iv((1986, 1, 1), (1986, 12, 31))),
        ]
    );
    claims!(
        "Money supply rose eight pct in the year to January 1987. Last year it rose nine pct.",
        d(1987, 3, 10) => [
            ("the year to January 1987", iv((1986, 2, 1), (1987, 1, 31))),
            ("Last year", iv((1986, 1, 1), (1986, 12, 31))),
        ]
    );
    claims!(
        "Alpha's fiscal year ends March 31 and Beta's fiscal year ends June 30. Both did well last year.",
        d(1987, 3, 16) => [
            ("March 31", None),
            ("June 30", None),
            ("last year", iv((1986, 1, 1), (1986, 12, 31))),
        ]
    );
    claims!(
        "Wheat sales in 1986/87 rose, and this year they will rise again.",
        d(1987, 3, 16) => [
            ("1986/87", iv((1986, 1, 1), (1987, 12, 31))),
            ("this year", iv((1987, 1, 1), (1987, 12, 31))),
        ]
    );
    claims!(
        "The fiscal year ends September 30. Sales rose in 1986 and will rise in fiscal 1988.",
        d(1987, 3, 16) => [
            ("September 30", None),
            ("1986", iv((1986, 1, 1), (1986, 12, 31))),
            ("fiscal 1988", iv((1987, 10, 1), (1988, 9, 30))),
        ]
    );
}

/// Issue 18, twelfth session: open ends and year ranges in prose. "by" a
/// month named alone is a deadline ahead, open before the month's end (as
/// "by April 7"); two years joined by "to" or "through" are one range
/// ("1982 to 1986"), not two years. Rows written before the code.
#[test]
fn deadlines_by_a_month_and_ranges_of_years() {
    claims!("The plant should be completed by June.", d(1987, 3, 16) => [
        ("by June", None),
    ]);
    let found = find_dates(
        "The plant should be completed by June.",
        Some(d(1987, 3, 16)),
        Bias::Nearest,
    );
    assert_eq!(
        found
            .first()
            .and_then(|m| m.value)
            .map(|v| (v.kind, v.bounds().1.map(|e| e.date()))),
        Some((TimeKind::OpenBefore, Some(d(1987, 7, 1))))
    );
    let found = find_dates(
        "The controller will be ready by October, it said.",
        Some(d(1987, 3, 16)),
        Bias::Nearest,
    );
    assert_eq!(
        found
            .first()
            .and_then(|m| m.value)
            .map(|v| (v.kind, v.bounds().1.map(|e| e.date()))),
        Some((TimeKind::OpenBefore, Some(d(1987, 11, 1))))
    );
    // Not a deadline: the agent of a passive before a noun stays a month.
    claims!("Output was hit by March storms.", d(1987, 4, 16) => [
        ("March", Some((d(1987, 3, 1), d(1987, 3, 31)))),
    ]);
    claims!("Figures for 1982 to 1986 were revised.", d(1987, 3, 24) => [
        ("1982 to 1986", Some((d(1982, 1, 1), d(1986, 12, 31)))),
    ]);
    claims!("Maturities run 2004 through 2017.", d(1987, 3, 24) => [
        ("2004 through 2017", Some((d(2004, 1, 1), d(2017, 12, 31)))),
    ]);
    // Not a range: an amount after "to".
    claims!("Output rose in 1986 to 1990 tonnes.", d(1987, 3, 24) => [
        ("1986", Some((d(1986, 1, 1), d(1986, 12, 31)))),
    ]);
}

/// Issue 18, conventions of financial newswire (session 17, rows written
/// from the annotation rules before the code): futures contract months,
/// "from" a date ahead, the notes of an interim results table, vague
/// counts, the trading day of a market report, and the period a
/// comparison's "a year earlier" reports on.
#[test]
fn financial_newswire_conventions() {
    let feb27 = d(1987, 2, 27);
    let apr7 = d(1987, 4, 7);
    // A contract month is the next such month, the article's own
    // included; a distant one in the article's month a year on.
    claims!("Spot April soybeans rise, except new distant February.", feb27 => [
        ("April", Some((d(1987, 4, 1), d(1987, 4, 30)))),
        ("February", Some((d(1988, 2, 1), d(1988, 2, 29)))),
    ]);
    claims!("Coffee futures were firmer.\n    May was up 0.16 cent. March futures fell.", apr7 => [
        ("May", Some((d(1987, 5, 1), d(1987, 5, 31)))),
        ("March", Some((d(1988, 3, 1), d(1988, 3, 31)))),
    ]);
    claims!("WHEAT OPEN P SETT\n  MAY7 291 290\n  MAR8 301 299\n", apr7 => [
        ("MAY7", Some((d(1987, 5, 1), d(1987, 5, 31)))),
        ("MAR8", Some((d(1988, 3, 1), d(1988, 3, 31)))),
    ]);
    // Not in a story without futures, and not the modal.
    claims!("Sales rose.\n    May was a record month. Prices May be higher.", apr7 => []);
    // "from" a date ahead: open after its start, "from" in the span.
    let open = |s: &str, on| {
        find_dates(s, Some(on), Bias::Nearest)
            .into_iter()
            .map(|m| {
                let v = m.value.map(|v| (v.kind, v.start.date()));
                (s[m.start..m.end].to_string(), v)
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(
        open("It will be set at 70,000 from March 2.", feb27),
        [(
            "from March 2".to_string(),
            Some((TimeKind::OpenAfter, d(1987, 3, 2)))
        )]
    );
    assert_eq!(
        open("Tougher standards apply from April 1988.", feb27),
        [(
            "from April 1988".to_string(),
            Some((TimeKind::OpenAfter, d(1988, 4, 1)))
        )]
    );
    // A comparison "from" a period past, a date moved from, a range: none.
    claims!("Output rose 0.7 pct from January.", feb27 => [
        ("January", Some((d(1987, 1, 1), d(1987, 1, 31)))),
    ]);
    claims!("It delayed Unit Two to June 1989 from September 1988.", feb27 => [
        ("June 1989", Some((d(1989, 6, 1), d(1989, 6, 30)))),
        ("September 1988", Some((d(1988, 9, 1), d(1988, 9, 30)))),
    ]);
    // The note under a non-calendar interim table names fiscal years.
    claims!("Shr 13 cts vs 7 cts\n    Nine mths\n    Shr 66 cts vs 55 cts\n    NOTE: 1987 quarter includes a gain.", d(1987, 3, 16) => [
        ("1987", Some((d(1986, 2, 1), d(1987, 12, 31)))),
    ]);
    // Nine months reported in October may be calendar ones: the year.
    claims!("Shr 13 cts vs 7 cts\n    Nine mths\n    Shr 66 cts vs 55 cts\n    NOTE: 1987 quarter includes a gain.", d(1987, 10, 20) => [
        ("1987", Some((d(1987, 1, 1), d(1987, 12, 31)))),
    ]);
    // A vague count fixes no span: found, no value.
    claims!("Prices may rise over the next few months.", apr7 => [
        ("the next few months", None),
    ]);
    claims!("It was sold several weeks ago.", apr7 => [("several weeks ago", None)]);
    // The trading day of a market report.
    claims!("P and O stood at 616, 27p lower on the day.", d(1987, 3, 9) => [
        ("the day", Some((d(1987, 3, 9), d(1987, 3, 9)))),
    ]);
    // Two dates the grammar reads apart joined by "from ... to": one
    // range; a date moved from one to the other: two.
    claims!("Warrants may be exercised from June 1, 1987, to March 30, 1990.", feb27 => [
        ("from June 1, 1987, to March 30, 1990", Some((d(1987, 6, 1), d(1990, 3, 30)))),
    ]);
    claims!("Rates fell from early February to early March.", d(1987, 4, 3) => [
        ("from early February to early March", Some((d(1987, 2, 1), d(1987, 3, 10)))),
    ]);
    claims!("It extended the period from September 30, 1987, to December 31, 1987.", feb27 => [
        ("September 30, 1987", Some((d(1987, 9, 30), d(1987, 9, 30)))),
        ("December 31, 1987", Some((d(1987, 12, 31), d(1987, 12, 31)))),
    ]);
    // "a year earlier" after periods that are all a comparison's: the
    // period the article reports on.
    claims!("Volume was a record in January. Deals were 27 billion against 19 billion in December and 9 billion a year earlier.", d(1987, 3, 17) => [
        ("January", Some((d(1987, 1, 1), d(1987, 1, 31)))),
        ("December", Some((d(1986, 12, 1), d(1986, 12, 31)))),
        ("a year earlier", Some((d(1986, 1, 1), d(1986, 1, 31)))),
    ]);
}
