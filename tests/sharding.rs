//! Extraction split from checking: `claims --documents` per shard, then
//! `check --claims` over all shards gives the findings of one `check` of
//! every document; and the claims cache reuses unchanged documents.

use std::io::Write;
use std::path::Path;

use serde_json::Value;

mod common;
use common::{claimcheck, repo, reuters_sample};

/// Runs claimcheck in the repository; returns stdout, stderr, exit code.
fn run(args: &[&str]) -> (Vec<u8>, String, i32) {
    common::run_in(&repo(), args)
}

fn report(args: &[&str]) -> (Value, i32) {
    common::report_in(&repo(), args)
}

/// `claimcheck claims --documents PATHS` written to `file`.
fn write_claims(file: &Path, paths: &[&str]) {
    common::write_claims(&repo(), file, paths)
}

#[test]
fn sharded_claims_give_the_findings_of_checking_the_documents() {
    let dir = tempfile::tempdir().unwrap();
    let news = "fixtures/news";
    let (direct, code) = report(&["check", news]);
    assert_eq!(code, 1);
    assert!(!direct["findings"].as_array().unwrap().is_empty());

    // Two shards, given in the opposite order to check.
    let one = dir.path().join("one.jsonl");
    let two = dir.path().join("two.jsonl");
    write_claims(
        &one,
        &[
            "fixtures/news/01-wire-briefing.txt",
            "fixtures/news/02-evening-digest.txt",
        ],
    );
    write_claims(
        &two,
        &[
            "fixtures/news/03-regional-desk.md",
            "fixtures/news/04-weekly-review.txt",
        ],
    );
    let (stored, code) = report(&[
        "check",
        "--claims",
        two.to_str().unwrap(),
        one.to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    assert_eq!(direct, stored);
}

#[test]
fn human_output_from_claims_underlines_the_quote_at_its_position() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("news.jsonl");
    write_claims(&file, &["fixtures/news"]);
    let (out, err, code) = run(&["check", "--claims", file.to_str().unwrap()]);
    assert_eq!(code, 1, "{err}");
    let text = String::from_utf8_lossy(&out);
    assert!(
        text.contains("[fixtures/news/02-evening-digest.txt:5:61]"),
        "{text}"
    );
    assert!(text.contains("outlier: \"Under Secretary of State for East Asia\""));
    assert!(!text.contains("Failed to read"), "{text}");
}

#[test]
fn gzip_claims_and_bad_lines_are_read_and_named() {
    let dir = tempfile::tempdir().unwrap();
    let plain = dir.path().join("news.jsonl");
    write_claims(&plain, &["fixtures/news"]);
    let gz = dir.path().join("news.jsonl.gz");
    let mut enc = flate2::write::GzEncoder::new(
        std::fs::File::create(&gz).unwrap(),
        flate2::Compression::fast(),
    );
    enc.write_all(b"{\"kind\": \"title\", \"broken\": true}\n")
        .unwrap();
    enc.write_all(&std::fs::read(&plain).unwrap()).unwrap();
    enc.finish().unwrap();
    let (direct, _) = report(&["check", "fixtures/news"]);
    let (stored, code) = report(&["check", "--claims", gz.to_str().unwrap()]);
    // A lost line is an input error (exit 2); the rest is still checked.
    assert_eq!(code, 2);
    assert_eq!(direct["findings"], stored["findings"]);
    let problems = stored["problems"].as_array().unwrap();
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert_eq!(problems[0]["line"], 1);
    assert!(problems[0]["message"]
        .as_str()
        .unwrap()
        .contains("missing field"));
}

#[test]
fn plain_claims_output_gives_the_same_findings_with_a_warning() {
    // What a user who never heard of --documents does.
    let dir = tempfile::tempdir().unwrap();
    let mut checked = vec![("fixtures/news".to_string(), "news")];
    let seeds = repo().join("../shared/seeds");
    if seeds.is_dir() {
        checked.push((seeds.to_string_lossy().into_owned(), "seeds"));
    }
    for (path, name) in checked {
        let (out, _, code) = run(&["claims", &path]);
        assert_eq!(code, 0);
        let file = dir.path().join(format!("{name}.jsonl"));
        std::fs::write(&file, out).unwrap();
        let (direct, _) = report(&["check", &path]);
        let (stored, code) = report(&["check", "--claims", file.to_str().unwrap()]);
        assert_eq!(code, 1);
        assert_eq!(direct["findings"], stored["findings"], "{name}");
        assert_eq!(direct["summary"], stored["summary"], "{name}");
        let (_, err, _) = run(&["check", "--claims", file.to_str().unwrap()]);
        assert!(err.contains("has no document lines"), "{err}");
    }
}

#[test]
fn the_cache_reuses_unchanged_documents_and_keeps_findings() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    for entry in std::fs::read_dir(repo().join("fixtures/news")).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, docs.join(path.file_name().unwrap())).unwrap();
    }
    let cache = dir.path().join("cache");
    let args = |cache: &Path| {
        vec![
            "check".to_string(),
            docs.to_str().unwrap().to_string(),
            "--cache".to_string(),
            cache.to_str().unwrap().to_string(),
            "--format".to_string(),
            "json".to_string(),
        ]
    };
    let runs = |expect: &str| {
        let out = claimcheck().args(args(&cache)).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr).into_owned();
        assert!(err.contains(expect), "{expect}: {err}");
        serde_json::from_slice::<Value>(&out.stdout).unwrap()
    };
    let cold = runs("0 document(s) reused, 4 parsed");
    let warm = runs("4 document(s) reused, 0 parsed");
    assert_eq!(cold, warm);
    assert!(cache.join(".gitignore").exists());

    // Edit one file: only it is parsed again, and its edit shows.
    let edited = docs.join("02-evening-digest.txt");
    let text = std::fs::read_to_string(&edited).unwrap();
    std::fs::write(
        &edited,
        text.replace(
            "Under Secretary of State for East Asia",
            "Assistant Secretary of State for East Asian and Pacific Affairs",
        ),
    )
    .unwrap();
    let after = runs("3 document(s) reused, 1 parsed");
    let fresh = {
        let mut a = args(&cache);
        a.truncate(2);
        a.extend(["--format".to_string(), "json".to_string()]);
        serde_json::from_slice::<Value>(&claimcheck().args(a).output().unwrap().stdout).unwrap()
    };
    assert_eq!(after, fresh);
    assert_ne!(after["findings"], cold["findings"]);
}

#[test]
fn a_corrupt_cache_is_a_warning_and_the_run_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache");
    std::fs::create_dir(&cache).unwrap();
    std::fs::write(cache.join("claims-v1.jsonl"), b"\x00\xffgarbage\n{\n").unwrap();
    let out = claimcheck()
        .current_dir(repo())
        .args(["check", "fixtures/news", "--cache"])
        .arg(&cache)
        .args(["--format", "json"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("warning: cache"), "{err}");
    assert!(err.contains("0 document(s) reused, 4 parsed"), "{err}");
    // The damaged file was replaced: the next run reads it cleanly.
    let out = claimcheck()
        .current_dir(repo())
        .args(["check", "fixtures/news", "--cache"])
        .arg(&cache)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("warning: cache"), "{err}");
    assert!(err.contains("4 document(s) reused, 0 parsed"), "{err}");
}

#[test]
fn reuters_shards_give_the_findings_of_one_run() {
    let dir = tempfile::tempdir().unwrap();
    let Some(a) = reuters_sample(dir.path(), "a.jsonl", 0, 1500) else {
        return;
    };
    let Some(b) = reuters_sample(dir.path(), "b.jsonl", 1500, 1500) else {
        return;
    };
    let (a, b) = (a.to_str().unwrap(), b.to_str().unwrap());
    let (direct, _) = report(&["check", a, b]);
    let claims_a = dir.path().join("a.claims.jsonl");
    let claims_b = dir.path().join("b.claims.jsonl");
    write_claims(&claims_a, &[a]);
    write_claims(&claims_b, &[b]);
    let (stored, _) = report(&[
        "check",
        "--claims",
        claims_a.to_str().unwrap(),
        claims_b.to_str().unwrap(),
    ]);
    assert_eq!(direct["documents"], 3000);
    assert!(!direct["findings"].as_array().unwrap().is_empty());
    assert_eq!(direct, stored);
}

#[test]
fn the_config_names_the_cache_and_no_cache_turns_it_off() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("claimcheck.yaml"), "cache: cc\n").unwrap();
    let news = repo().join("fixtures/news");
    let run_in = |extra: &[&str]| {
        let out = claimcheck()
            .current_dir(dir.path())
            .arg("check")
            .arg(&news)
            .args(extra)
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    assert!(run_in(&[]).contains("0 document(s) reused, 4 parsed"));
    assert!(dir.path().join("cc/claims-v1.jsonl").exists());
    assert!(run_in(&[]).contains("4 document(s) reused, 0 parsed"));
    assert!(!run_in(&["--no-cache"]).contains("reused"));
}

#[test]
fn the_graph_of_stored_claims_is_the_graph_of_the_documents() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("news.jsonl");
    write_claims(&file, &["fixtures/news"]);
    for format in ["dot", "json"] {
        let (direct, _, _) = run(&["graph", "fixtures/news", "--format", format]);
        let (stored, err, code) = run(&[
            "graph",
            "--claims",
            file.to_str().unwrap(),
            "--format",
            format,
        ]);
        assert_eq!(code, 0, "{err}");
        assert_eq!(direct, stored, "{format}");
    }
}

#[test]
fn hostile_files_given_as_claims_are_named_and_never_crash() {
    let dir = repo().join("fixtures/hostile/inputs");
    let mut args = vec!["check".to_string(), "--claims".to_string()];
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() {
            args.push(path.to_string_lossy().into_owned());
        }
    }
    let out = claimcheck()
        .current_dir(repo())
        .args(&args)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("no claims to check"), "{err}");
}
