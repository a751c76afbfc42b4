//! Throughput of the time resolver, for `scripts/bench_time.sh`.
//!
//! `time_bench phrases ROWS.jsonl [--locale en|all] [--repeat N]` resolves
//! every row's `text` against its `ref` (as `claimcheck time --jsonl` does)
//! and reports phrases per second of time spent inside `resolve_phrase`,
//! single thread, like `peer_dates.py` does for its peers.
//!
//! `time_bench scan CORPUS.jsonl[.gz] [--repeat N]` runs `find_dates` over
//! every record's `body`/`text` with its `date` as reference and reports
//! MB/s and mentions found.

use std::io::Read;
use std::time::{Duration, Instant};

use claimcheck::temporal::{find_dates, resolve_phrase, Bias};
use jiff::civil::DateTime;
use serde_json::Value;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let flag = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let repeat: usize = flag("--repeat").and_then(|r| r.parse().ok()).unwrap_or(1);
    match (args.first().map(String::as_str), args.get(1)) {
        (Some("phrases"), Some(path)) => phrases(path, flag("--locale").as_deref().unwrap_or("en"), repeat),
        (Some("scan"), Some(path)) => scan(path, repeat),
        _ => eprintln!("usage: time_bench phrases ROWS.jsonl [--locale en|all] [--repeat N] | scan CORPUS.jsonl[.gz] [--repeat N]"),
    }
}

fn read(path: &str) -> String {
    let raw = std::fs::read(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    if path.ends_with(".gz") {
        let mut s = String::new();
        flate2::read::GzDecoder::new(&raw[..])
            .read_to_string(&mut s)
            .expect("gzip text");
        s
    } else {
        String::from_utf8(raw).expect("UTF-8")
    }
}

/// Wall-clock part of an ISO time with offset.
fn wall(iso: &str) -> Option<DateTime> {
    let cut = iso.rfind(['+', '-', 'Z']).filter(|&i| i > 10)?;
    iso[..cut].parse().ok()
}

fn phrases(path: &str, locale: &str, repeat: usize) {
    let rows: Vec<(String, DateTime)> = read(path)
        .lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .filter(|r| locale == "all" || r["locale"].as_str() == Some(locale))
        .filter_map(|r| Some((r["text"].as_str()?.to_string(), wall(r["ref"].as_str()?)?)))
        .collect();
    let mut resolved = 0;
    let mut spent = Duration::ZERO;
    for _ in 0..repeat {
        for (text, reference) in &rows {
            let t = Instant::now();
            let v = resolve_phrase(text, *reference, Bias::Future);
            spent += t.elapsed();
            resolved += usize::from(v.is_some());
        }
    }
    let n = rows.len() * repeat;
    println!(
        "{{\"rows\": {}, \"repeat\": {repeat}, \"resolved\": {}, \"seconds\": {:.6}, \"phrases_per_s\": {:.0}}}",
        rows.len(),
        resolved / repeat.max(1),
        spent.as_secs_f64(),
        n as f64 / spent.as_secs_f64()
    );
}

fn scan(path: &str, repeat: usize) {
    let docs: Vec<(String, Option<jiff::civil::Date>)> = read(path)
        .lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .filter_map(|r| {
            let body = r
                .get("body")
                .or_else(|| r.get("text"))?
                .as_str()?
                .to_string();
            let date = r
                .get("date")
                .and_then(Value::as_str)
                .and_then(claimcheck::corpus::pubdate::parse_date_value);
            Some((body, date))
        })
        .collect();
    let bytes: usize = docs.iter().map(|(b, _)| b.len()).sum();
    let (mut mentions, mut resolved) = (0, 0);
    let t = Instant::now();
    for _ in 0..repeat {
        for (body, date) in &docs {
            for m in find_dates(body, *date, Bias::Past) {
                mentions += 1;
                resolved += usize::from(m.value.is_some());
            }
        }
    }
    let secs = t.elapsed().as_secs_f64();
    println!(
        "{{\"documents\": {}, \"mb\": {:.1}, \"repeat\": {repeat}, \"mentions\": {}, \"resolved\": {}, \"seconds\": {secs:.3}, \"mb_per_s\": {:.1}}}",
        docs.len(),
        bytes as f64 / 1e6,
        mentions / repeat.max(1),
        resolved / repeat.max(1),
        (bytes * repeat) as f64 / 1e6 / secs
    );
}
