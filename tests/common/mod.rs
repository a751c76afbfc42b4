//! Helpers shared by the integration tests that run the binary over
//! claims files and Reuters samples (`parquet`, `sharding`,
//! `distributed`, `names`, `offices`, `leaders`, `relations`). Each test file uses only part of it.
#![allow(dead_code)]

use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

pub fn claimcheck() -> Command {
    Command::cargo_bin("claimcheck").unwrap()
}

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn path_str(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// Runs claimcheck in `dir`; returns stdout, stderr, exit code.
pub fn run_in(dir: &Path, args: &[&str]) -> (Vec<u8>, String, i32) {
    let out = claimcheck().current_dir(dir).args(args).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    (out.stdout, err, out.status.code().unwrap())
}

/// `run_in` with `--format json`, the report parsed.
pub fn report_in(dir: &Path, args: &[&str]) -> (Value, i32) {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    let (out, err, code) = run_in(dir, &all);
    let v = serde_json::from_slice(&out).unwrap_or_else(|e| panic!("{e}: {err}"));
    (v, code)
}

/// `claimcheck check ARGS --fail-on never --format json` in the repository:
/// the report (the run must exit 0).
pub fn check_report(args: &[&str]) -> Value {
    let mut all = vec!["check"];
    all.extend_from_slice(args);
    all.extend(["--fail-on", "never"]);
    let (report, code) = report_in(&repo(), &all);
    assert_eq!(code, 0, "{args:?}");
    report
}

/// (check, severity, subject, reason) of every finding, in report order.
pub fn finding_tuples(report: &Value) -> Vec<(String, String, String, String)> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let s = |k: &str| f[k].as_str().unwrap_or_default().to_string();
            (s("check"), s("severity"), s("subject"), s("reason"))
        })
        .collect()
}

/// `claimcheck claims --documents ARGS`, run in `dir`, written to `file`.
pub fn write_claims(dir: &Path, file: &Path, args: &[&str]) {
    let mut all = vec!["claims", "--documents"];
    all.extend(args);
    let (out, err, code) = run_in(dir, &all);
    assert_eq!(code, 0, "{err}");
    std::fs::write(file, out).unwrap();
}

/// Records `skip..skip + n` of the Reuters archive as JSON Lines, or
/// `None` (the test skips) when ../shared is absent.
pub fn reuters_records(skip: usize, n: usize) -> Option<Vec<String>> {
    let src = repo().join("../shared/corpora/reuters21578/reuters21578.jsonl.gz");
    if !src.exists() {
        eprintln!("skipped: {} is absent", src.display());
        return None;
    }
    let reader = std::io::BufReader::new(flate2::read::GzDecoder::new(
        std::fs::File::open(src).unwrap(),
    ));
    Some(
        reader
            .lines()
            .skip(skip)
            .take(n)
            .map(Result::unwrap)
            .collect(),
    )
}

/// Records `skip..skip + n` of the Reuters archive written to `dir/name`.
pub fn reuters_sample(dir: &Path, name: &str, skip: usize, n: usize) -> Option<PathBuf> {
    let lines = reuters_records(skip, n)?;
    let path = dir.join(name);
    let mut out = std::fs::File::create(&path).unwrap();
    for line in lines {
        writeln!(out, "{line}").unwrap();
    }
    Some(path)
}

/// Four reports of one story, `0.md`–`3.md` in `dir`: three write the
/// agency "Anadolu", the last "Andolu" (the `name-form` check's case).
pub fn write_anadolu_story(dir: &Path) {
    let texts = [
        "Erdogan flew to Sochi, the state agency Anadolu reported on Monday.",
        "In Sochi, Erdogan met Putin, Turkish agency Anadolu said.",
        "The talks in Sochi ended, according to Anadolu, after Erdogan spoke.",
        "Erdogan arrived in Sochi, the news agency Andolu reported.",
    ];
    for (i, text) in texts.iter().enumerate() {
        let body = format!("---\ndate: 2023-09-04\n---\n{text}\n");
        std::fs::write(dir.join(format!("{i}.md")), body).unwrap();
    }
}
