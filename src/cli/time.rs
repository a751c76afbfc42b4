//! `claimcheck time`: resolve phrases the way the claims pipeline does and
//! print one JSON line per input, end exclusive as in Duckling, so a rule
//! author can ask what a phrase means and a test can compare with
//! Duckling's corpus row by row.
//!
//! Input: `PHRASE` (with `--ref`), or `--jsonl` rows `{"text", "ref"?,
//! "bias"?, "latent"?}` on stdin (`"latent": true` also reads bare
//! numbers, parts of the day and "May" as times, as Duckling's
//! `withLatent`). Output, per input:
//! `{"text": "last week", "ref": "2023-06-18T00:00:00Z", "value": {"start":
//! "2023-06-05T00:00:00Z", "end": "2023-06-12T00:00:00Z", "grain": "week",
//! "kind": "instant"}}` — `value` is `null` when the phrase is not a time;
//! open intervals carry `"direction": "after"|"before"` and `null` for the
//! missing bound. Times keep the reference's UTC offset. A bad row prints
//! `{"error": …}` in its place, the rest still run, and the exit code is 2.

use std::io::{BufRead, Write};

use claimcheck::temporal::{resolve_phrase_with, Bias, PhraseOptions, TimeKind, TimeValue};
use jiff::civil::{Date, DateTime};
use jiff::tz::Offset;
use serde::Serialize;

/// Runs the command; returns the exit code (0 ok, 2 usage or input error).
pub fn run(
    reference: Option<&str>,
    jsonl: bool,
    phrase: Option<&str>,
    stdin: &mut dyn BufRead,
    stdout: &mut dyn Write,
) -> u8 {
    let default_ref = match reference.map(parse_reference).transpose() {
        Ok(r) => r,
        Err(e) => return error_line(stdout, &e),
    };
    match (jsonl, phrase) {
        (false, Some(text)) => {
            let reference = default_ref.unwrap_or_else(now);
            let reading = Reading {
                bias: Bias::Future,
                latent: false,
            };
            match write_line(stdout, text, reference, reading) {
                Ok(()) => 0,
                Err(_) => 2,
            }
        }
        (true, None) => run_jsonl(default_ref, stdin, stdout),
        (true, Some(_)) => error_line(stdout, "give either PHRASE or --jsonl, not both"),
        (false, None) => error_line(stdout, "give a PHRASE, or --jsonl to read rows from stdin"),
    }
}

/// How a phrase is read: its bias, and whether latent readings count.
#[derive(Debug, Clone, Copy)]
struct Reading {
    bias: Bias,
    latent: bool,
}

/// One input row of `--jsonl`.
#[derive(serde::Deserialize)]
struct Row {
    text: String,
    #[serde(rename = "ref")]
    reference: Option<String>,
    bias: Option<String>,
    #[serde(default)]
    latent: bool,
}

fn run_jsonl(
    default_ref: Option<(DateTime, Offset)>,
    stdin: &mut dyn BufRead,
    stdout: &mut dyn Write,
) -> u8 {
    let mut status = 0;
    let fallback = default_ref.unwrap_or_else(now);
    let mut last_reference = None;
    for (n, line) in stdin.lines().enumerate() {
        let line = match line {
            Ok(l) => l,
            Err(e) => return error_line(stdout, &format!("line {}: {e}", n + 1)).max(status),
        };
        if line.trim().is_empty() {
            continue;
        }
        let written = match parse_row(&line, fallback, &mut last_reference) {
            Ok((text, reference, how)) => write_line(stdout, &text, reference, how),
            Err(e) => {
                status = 2;
                write_json(
                    stdout,
                    &ErrorLine {
                        error: format!("line {}: {e}", n + 1),
                    },
                )
            }
        };
        if written.is_err() {
            return 2;
        }
    }
    status
}

/// The last reference read, as written and parsed: rows of one corpus
/// mostly share it.
type LastReference = Option<(String, (DateTime, Offset))>;

fn parse_row(
    line: &str,
    fallback: (DateTime, Offset),
    last: &mut LastReference,
) -> Result<(String, (DateTime, Offset), Reading), String> {
    let row: Row = serde_json::from_str(line).map_err(|e| e.to_string())?;
    let reference = match row.reference {
        Some(r) => match last {
            Some((seen, parsed)) if *seen == r => *parsed,
            _ => {
                let parsed = parse_reference(&r)?;
                *last = Some((r, parsed));
                parsed
            }
        },
        None => fallback,
    };
    let bias = match row.bias.as_deref() {
        None | Some("future") => Bias::Future,
        Some("past") => Bias::Past,
        Some("nearest") => Bias::Nearest,
        Some(other) => return Err(format!("unknown bias {other:?} (future, past, nearest)")),
    };
    let reading = Reading {
        bias,
        latent: row.latent,
    };
    Ok((row.text, reference, reading))
}

/// The current time, in UTC.
fn now() -> (DateTime, Offset) {
    (
        jiff::Timestamp::now()
            .to_zoned(jiff::tz::TimeZone::UTC)
            .datetime(),
        Offset::UTC,
    )
}

/// Reads `2013-02-12T04:30:00-02:00`, `2023-06-18T00:00:00Z`,
/// `2023-06-18T00:00:00` (UTC) or `2023-06-18` (midnight UTC).
fn parse_reference(s: &str) -> Result<(DateTime, Offset), String> {
    let s = s.trim();
    let bad = || format!("cannot read reference time {s:?} (e.g. 2023-06-18T00:00:00Z)");
    if let Some(body) = s.strip_suffix(['Z', 'z']) {
        return Ok((body.parse().map_err(|_| bad())?, Offset::UTC));
    }
    if let Some((body, offset)) = split_offset(s) {
        return Ok((body.parse().map_err(|_| bad())?, offset));
    }
    if s.contains('T') {
        return Ok((s.parse().map_err(|_| bad())?, Offset::UTC));
    }
    let d: Date = s.parse().map_err(|_| bad())?;
    Ok((d.to_datetime(jiff::civil::Time::midnight()), Offset::UTC))
}

/// Splits a trailing `±HH:MM` (or `±HHMM`) offset off a date-time.
fn split_offset(s: &str) -> Option<(&str, Offset)> {
    let t = s.find('T')?;
    let sign_at = s[t..].rfind(['+', '-'])? + t;
    let (body, off) = s.split_at(sign_at);
    let digits: String = off[1..].chars().filter(|c| *c != ':').collect();
    if digits.len() != 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let hours: i32 = digits[..2].parse().ok()?;
    let minutes: i32 = digits[2..].parse().ok()?;
    let sign = if off.starts_with('-') { -1 } else { 1 };
    Some((
        body,
        Offset::from_seconds(sign * (hours * 3600 + minutes * 60)).ok()?,
    ))
}

/// A date-time with the reference's offset (`Z` for UTC).
fn stamp(t: DateTime, offset: Offset) -> String {
    let mut out = String::with_capacity(25);
    push_date_time(&mut out, t);
    if offset == Offset::UTC {
        out.push('Z');
    } else {
        let secs = offset.seconds();
        out.push(if secs < 0 { '-' } else { '+' });
        let secs = secs.abs();
        push_two(&mut out, secs / 3600);
        out.push(':');
        push_two(&mut out, secs % 3600 / 60);
    }
    out
}

/// `t` as jiff prints it (`2013-02-12T04:30:00`), written by hand for the
/// common whole-second, four-digit-year case: the formatter machinery was
/// a tenth of `time --jsonl`'s run.
fn push_date_time(out: &mut String, t: DateTime) {
    use std::fmt::Write as _;
    if t.subsec_nanosecond() != 0 || !(0..=9999).contains(&t.year()) {
        let _ = write!(out, "{t}");
        return;
    }
    let year = i32::from(t.year());
    push_two(out, year / 100);
    push_two(out, year % 100);
    for (sep, n) in [('-', t.month()), ('-', t.day())] {
        out.push(sep);
        push_two(out, i32::from(n));
    }
    for (sep, n) in [('T', t.hour()), (':', t.minute()), (':', t.second())] {
        out.push(sep);
        push_two(out, i32::from(n));
    }
}

/// `n` (0..=99) as two digits.
fn push_two(out: &mut String, n: i32) {
    let n = n.rem_euclid(100) as u8;
    out.push(char::from(b'0' + n / 10));
    out.push(char::from(b'0' + n % 10));
}

#[derive(Serialize)]
struct Line<'a> {
    text: &'a str,
    #[serde(rename = "ref")]
    reference: String,
    value: Option<ValueOut>,
}

#[derive(Serialize)]
struct ValueOut {
    start: Option<String>,
    end: Option<String>,
    grain: &'static str,
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    direction: Option<&'static str>,
}

#[derive(Serialize)]
struct ErrorLine {
    error: String,
}

fn value_out(v: &TimeValue, offset: Offset) -> ValueOut {
    let (start, end, kind, direction) = match v.kind {
        TimeKind::Instant => (Some(v.start), v.exclusive_end(), "instant", None),
        TimeKind::Interval => (Some(v.start), v.end, "interval", None),
        TimeKind::OpenAfter => (Some(v.start), None, "open-interval", Some("after")),
        TimeKind::OpenBefore => (None, Some(v.start), "open-interval", Some("before")),
    };
    ValueOut {
        start: start.map(|t| stamp(t, offset)),
        end: end.map(|t| stamp(t, offset)),
        grain: v.grain.as_str(),
        kind,
        direction,
    }
}

fn write_line(
    out: &mut dyn Write,
    text: &str,
    (reference, offset): (DateTime, Offset),
    Reading { bias, latent }: Reading,
) -> std::io::Result<()> {
    let options = PhraseOptions {
        bias,
        latent,
        offset: Some(offset),
    };
    let value = resolve_phrase_with(text, reference, &options).map(|v| value_out(&v, offset));
    write_json(
        out,
        &Line {
            text,
            reference: stamp(reference, offset),
            value,
        },
    )
}

fn write_json(out: &mut dyn Write, value: &impl Serialize) -> std::io::Result<()> {
    serde_json::to_writer(&mut *out, value)?;
    out.write_all(b"\n")
}

fn error_line(out: &mut dyn Write, message: &str) -> u8 {
    let _ = write_json(
        out,
        &ErrorLine {
            error: message.to_string(),
        },
    );
    2
}

#[cfg(test)]
mod tests {
    use super::*;

    fn call(
        reference: Option<&str>,
        jsonl: bool,
        phrase: Option<&str>,
        input: &str,
    ) -> (u8, String) {
        let mut out = Vec::new();
        let code = run(reference, jsonl, phrase, &mut input.as_bytes(), &mut out);
        (code, String::from_utf8(out).unwrap())
    }

    #[test]
    fn phrase_prints_the_design_example() {
        let (code, out) = call(Some("2023-06-18T00:00:00Z"), false, Some("last week"), "");
        assert_eq!(code, 0);
        assert_eq!(
            out,
            "{\"text\":\"last week\",\"ref\":\"2023-06-18T00:00:00Z\",\"value\":{\"start\":\"2023-06-05T00:00:00Z\",\"end\":\"2023-06-12T00:00:00Z\",\"grain\":\"week\",\"kind\":\"instant\"}}\n"
        );
    }

    #[test]
    fn jsonl_keeps_each_rows_offset() {
        let input = "{\"text\": \"since 2014\", \"ref\": \"2013-02-12T04:30:00-02:00\"}\n\n{\"text\": \"soon\"}\n";
        let (code, out) = call(Some("2023-06-18"), true, None, input);
        assert_eq!(code, 0);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(
            lines[0],
            "{\"text\":\"since 2014\",\"ref\":\"2013-02-12T04:30:00-02:00\",\"value\":{\"start\":\"2014-01-01T00:00:00-02:00\",\"end\":null,\"grain\":\"year\",\"kind\":\"open-interval\",\"direction\":\"after\"}}"
        );
        assert_eq!(
            lines[1],
            "{\"text\":\"soon\",\"ref\":\"2023-06-18T00:00:00Z\",\"value\":null}"
        );
    }

    #[test]
    fn bad_rows_are_reported_and_exit_2() {
        let (code, out) = call(
            None,
            true,
            None,
            "not json\n{\"text\": \"today\", \"ref\": \"2023-06-18\"}\n",
        );
        assert_eq!(code, 2);
        assert!(out
            .lines()
            .next()
            .unwrap()
            .starts_with("{\"error\":\"line 1:"));
        assert!(out.lines().nth(1).unwrap().contains("2023-06-18T00:00:00Z"));
    }

    #[test]
    fn usage_errors_exit_2() {
        assert_eq!(call(None, false, None, "").0, 2);
        assert_eq!(call(None, true, Some("today"), "").0, 2);
        assert_eq!(call(Some("yesterday-ish"), false, Some("today"), "").0, 2);
    }

    #[test]
    fn reference_forms() {
        let (t, o) = parse_reference("2016-12-06T13:21:42+01:00").unwrap();
        assert_eq!((t.hour(), o.seconds()), (13, 3600));
        assert_eq!(stamp(t, o), "2016-12-06T13:21:42+01:00");
        // jiff's own printing where the fast path does not apply.
        let fraction = jiff::civil::date(2016, 12, 6).at(13, 21, 42, 500_000_000);
        assert_eq!(stamp(fraction, Offset::UTC), format!("{fraction}Z"));
        let early = jiff::civil::date(-5, 1, 2).at(0, 0, 0, 0);
        assert_eq!(stamp(early, Offset::UTC), format!("{early}Z"));
        let west = Offset::from_seconds(-(9 * 3600 + 30 * 60)).unwrap();
        let t = jiff::civil::date(987, 3, 4).at(5, 6, 7, 0);
        assert_eq!(stamp(t, west), "0987-03-04T05:06:07-09:30");
        assert!(parse_reference("2023-02-30").is_err());
    }
}
