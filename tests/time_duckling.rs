//! Conformance with Duckling's English time corpus
//! (`../shared/peers/duckling/time-en.jsonl`, see its README): every row is
//! resolved with `Bias::Future` against its own reference (its offset
//! included, for clock times in other zones; latent readings enabled for
//! the rows the corpus flags latent, as Duckling's tests do) and compared
//! with the expected value as wall-clock time in the row's offset — same
//! kind, grain, start and exclusive end. Skips (with a note) when the
//! corpus is absent.

use std::path::PathBuf;

use claimcheck::temporal::{
    resolve_phrase, resolve_phrase_with, Bias, PhraseOptions, TimeKind, TimeValue,
};
use jiff::civil::DateTime;
use serde_json::Value;

fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/peers/duckling")
}

fn rows(file: &str) -> Option<Vec<Value>> {
    let path = corpus_dir().join(file);
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!(
            "note: {} not found; Duckling conformance skipped",
            path.display()
        );
        return None;
    };
    Some(
        text.lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| serde_json::from_str(l).expect("corpus row is JSON"))
            .collect(),
    )
}

/// The wall-clock part of an ISO 8601 time with offset; `None` for years
/// jiff cannot hold as written (the BC rows).
fn wall(iso: &str) -> Option<DateTime> {
    let cut = iso.rfind(['+', '-', 'Z']).filter(|&i| i > 10)?;
    iso[..cut].parse().ok()
}

fn field<'a>(row: &'a Value, name: &str) -> Option<&'a str> {
    row.get(name).and_then(Value::as_str)
}

/// Whether our value equals the row's expected value.
fn exact(row: &Value, got: &TimeValue) -> bool {
    let kind = match got.kind {
        TimeKind::Instant => ("instant", None),
        TimeKind::Interval => ("interval", None),
        TimeKind::OpenAfter => ("open-interval", Some("after")),
        TimeKind::OpenBefore => ("open-interval", Some("before")),
    };
    let (start, end) = got.bounds();
    field(row, "kind") == Some(kind.0)
        && field(row, "direction") == kind.1
        && field(row, "grain") == Some(got.grain.as_str())
        && field(row, "start").map(wall) == start.map(Some)
        && field(row, "end").map(wall) == end.map(Some)
}

/// The UTC offset at the end of an ISO 8601 time.
fn offset(iso: &str) -> Option<jiff::tz::Offset> {
    let cut = iso.rfind(['+', '-']).filter(|&i| i > 10)?;
    let sign = if iso[cut..].starts_with('-') { -1 } else { 1 };
    let (h, m) = iso[cut + 1..].split_once(':')?;
    let seconds = sign * (h.parse::<i32>().ok()? * 3600 + m.parse::<i32>().ok()? * 60);
    jiff::tz::Offset::from_seconds(seconds).ok()
}

fn resolve_row(row: &Value) -> Option<TimeValue> {
    let reference = wall(field(row, "ref")?)?;
    let options = PhraseOptions {
        bias: Bias::Future,
        latent: is_true(row, "latent"),
        offset: offset(field(row, "ref")?),
    };
    resolve_phrase_with(field(row, "text")?, reference, &options)
}

/// (exact, total, misses) over the rows `keep` selects.
fn score(rows: &[Value], keep: impl Fn(&Value) -> bool) -> (usize, usize, Vec<String>) {
    let mut hits = 0;
    let mut misses = Vec::new();
    let selected: Vec<&Value> = rows.iter().filter(|r| keep(r)).collect();
    for row in &selected {
        let got = resolve_row(row);
        if got.as_ref().is_some_and(|v| exact(row, v)) {
            hits += 1;
        } else {
            let want = (
                field(row, "kind"),
                field(row, "start"),
                field(row, "end"),
                field(row, "grain"),
            );
            misses.push(format!(
                "{:?}: got {:?}, want {:?}",
                field(row, "text").unwrap_or(""),
                got.map(|v| (v.kind, v.bounds(), v.grain)),
                want
            ));
        }
    }
    (hits, selected.len(), misses)
}

fn is_en(row: &Value) -> bool {
    field(row, "locale") == Some("en")
}

fn is_true(row: &Value, name: &str) -> bool {
    row.get(name).and_then(Value::as_bool).unwrap_or(false)
}

#[test]
fn news_rows_are_resolved_exactly() {
    let Some(rows) = rows("time-en.jsonl") else {
        return;
    };
    let (hits, n, misses) = score(&rows, |r| {
        is_en(r) && is_true(r, "news") && !is_true(r, "latent")
    });
    let rate = hits as f64 / n as f64;
    eprintln!("duckling news rows: {hits}/{n} exact ({rate:.3})");
    for m in &misses {
        eprintln!("  miss {m}");
    }
    assert_eq!(
        n, 223,
        "the corpus should hold 223 news, non-latent en rows"
    );
    assert!(rate >= 0.97, "news rows exact {rate:.3} < 0.97");
}

#[test]
fn all_en_rows_are_scored() {
    let Some(rows) = rows("time-en.jsonl") else {
        return;
    };
    let (hits, n, misses) = score(&rows, is_en);
    let rate = hits as f64 / n as f64;
    eprintln!("duckling all en rows: {hits}/{n} exact ({rate:.3})");
    if std::env::var_os("TIME_MISSES").is_some() {
        for m in &misses {
            eprintln!("  miss {m}");
        }
    }
    assert!(
        rate >= FLOOR_ALL_EN,
        "all en rows exact {rate:.3} fell below {FLOOR_ALL_EN}"
    );
}

/// What the resolver reaches on every `en` row (0.955), as a regression
/// guard. What is left: clock arithmetic ("15 minutes from 1pm", "at 7 in
/// 3 years"), "the closest X to Y", holiday arithmetic ("three days after
/// Easter"), six Islamic dates where the crescent was sighted a day off the
/// astronomical rule, Earth Hour and Global Youth Service Day (set each
/// year by their organisers), and the two BC years (beyond jiff's range as
/// the corpus writes them).
const FLOOR_ALL_EN: f64 = 0.95;

#[test]
fn negative_rows_are_not_times() {
    let Some(rows) = rows("time-en-negative.jsonl") else {
        return;
    };
    assert_eq!(rows.len(), 28);
    let hits: Vec<&str> = rows
        .iter()
        .filter(|r| {
            let reference = field(r, "ref")
                .and_then(wall)
                .expect("negative row has a ref");
            resolve_phrase(field(r, "text").unwrap_or(""), reference, Bias::Future).is_some()
        })
        .filter_map(|r| field(r, "text"))
        .collect();
    assert!(hits.is_empty(), "read as a time: {hits:?}");
}
