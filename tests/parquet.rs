//! `claims --format parquet`: read back by `check --claims` with the
//! findings of JSON Lines claims (and of checking the documents), read by
//! pyarrow when it is installed, and bad Parquet files named without
//! stopping the run.

use std::path::Path;
use std::sync::Arc;

use serde_json::Value;

mod common;
use common::{claimcheck, path_str as s, repo, report_in, run_in};

/// `claimcheck claims --documents --format FORMAT ARGS` written to `file`.
fn write_claims(dir: &Path, file: &Path, format: &str, args: &[&str]) {
    let mut all = vec!["--format", format];
    all.extend(args);
    common::write_claims(dir, file, &all);
}

#[test]
fn parquet_shards_give_the_findings_of_checking_the_documents() {
    let dir = tempfile::tempdir().unwrap();
    let repo = repo();
    let (direct, code) = report_in(&repo, &["check", "fixtures/news"]);
    assert_eq!(code, 1);
    let one = dir.path().join("one.parquet");
    let two = dir.path().join("two.parquet");
    let news = |f: &str| format!("fixtures/news/{f}");
    let (a, b) = (news("01-wire-briefing.txt"), news("02-evening-digest.txt"));
    write_claims(&repo, &one, "parquet", &[&a, &b]);
    let (c, d) = (news("03-regional-desk.md"), news("04-weekly-review.txt"));
    write_claims(&repo, &two, "parquet", &[&c, &d]);
    assert!(std::fs::read(&one).unwrap().starts_with(b"PAR1"));
    let (stored, code) = report_in(&repo, &["check", "--claims", s(&two), s(&one)]);
    assert_eq!(code, 1);
    assert_eq!(direct, stored);
    // Mixed with JSON Lines, and from standard input.
    let jsonl = dir.path().join("two.jsonl");
    write_claims(&repo, &jsonl, "jsonl", &[&c, &d]);
    let out = claimcheck()
        .current_dir(&repo)
        .args(["check", "--claims", "-", s(&jsonl), "--format", "json"])
        .write_stdin(std::fs::read(&one).unwrap())
        .output()
        .unwrap();
    let mixed: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(direct["findings"], mixed["findings"]);
}

/// `name-form` reads each document's capitalised words: the `names`
/// column carries them, so claims in Parquet find the misspelt agency as
/// the texts do, in two shards.
#[test]
fn capitalised_words_survive_parquet() {
    let dir = tempfile::tempdir().unwrap();
    common::write_anadolu_story(dir.path());
    let (direct, _) = report_in(dir.path(), &["check", "0.md", "1.md", "2.md", "3.md"]);
    let checks = |r: &Value| r["findings"].as_array().unwrap().len();
    assert_eq!(checks(&direct), 1, "{direct}");
    assert_eq!(direct["findings"][0]["check"], "name-form-spelling");
    let (one, two) = (
        dir.path().join("one.parquet"),
        dir.path().join("two.parquet"),
    );
    write_claims(dir.path(), &one, "parquet", &["0.md", "3.md"]);
    write_claims(dir.path(), &two, "parquet", &["1.md", "2.md"]);
    let (stored, _) = report_in(dir.path(), &["check", "--claims", s(&one), s(&two)]);
    assert_eq!(direct, stored);
}

#[test]
fn declared_relations_and_their_slots_survive_parquet() {
    let dir = tempfile::tempdir().unwrap();
    let dated = |date: &str, text: &str| format!("---\ndate: {date}\n---\n\n{text}\n");
    let docs = [
        (
            "a.md",
            "Jane Roe met Wang Yi in Vienna on May 10, officials said.",
        ),
        (
            "b.md",
            "Wang Yi met with Jane Roe in Geneva on Friday, his ministry said.",
        ),
        (
            "c.md",
            "Jane Roe and Wang Yi talked for 40 minutes, aides said.",
        ),
        (
            "d.md",
            "Jane Roe and Wang Yi talked for more than an hour, aides said.",
        ),
    ];
    for (name, text) in docs {
        std::fs::write(dir.path().join(name), dated("2024-05-12", text)).unwrap();
    }
    for rules in ["meeting.yaml", "talks.yaml"] {
        let rules = repo().join("tests/rules/relations").join(rules);
        let rules = s(&rules);
        let args = ["a.md", "b.md", "c.md", "d.md", "--rules", rules];
        let mut check = vec!["check"];
        check.extend(args);
        let (direct, _) = report_in(dir.path(), &check);
        assert!(
            !direct["findings"].as_array().unwrap().is_empty(),
            "{rules}"
        );
        let file = dir.path().join("claims.parquet");
        write_claims(dir.path(), &file, "parquet", &args);
        let (stored, _) = report_in(
            dir.path(),
            &["check", "--claims", s(&file), "--rules", rules],
        );
        assert_eq!(direct["findings"], stored["findings"], "{rules}");
    }
}

#[test]
fn reuters_claims_in_parquet_check_like_jsonl_and_pyarrow_reads_them() {
    let dir = tempfile::tempdir().unwrap();
    let Some(sample) = common::reuters_sample(dir.path(), "reuters.jsonl", 0, 3000) else {
        return;
    };
    let (jsonl, parquet) = (dir.path().join("c.jsonl"), dir.path().join("c.parquet"));
    write_claims(dir.path(), &jsonl, "jsonl", &[s(&sample)]);
    write_claims(dir.path(), &parquet, "parquet", &[s(&sample)]);
    let (from_jsonl, _) = report_in(dir.path(), &["check", "--claims", s(&jsonl)]);
    let (from_parquet, _) = report_in(dir.path(), &["check", "--claims", s(&parquet)]);
    assert!(!from_jsonl["findings"].as_array().unwrap().is_empty());
    assert_eq!(from_jsonl, from_parquet);
    let lines = std::fs::read_to_string(&jsonl).unwrap().lines().count();
    // An analyst's reader: the same rows, kinds and schema version.
    let script = "import sys, collections, json, pyarrow.parquet as pq\n\
                  t = pq.read_table(sys.argv[1])\n\
                  meta = pq.read_metadata(sys.argv[1]).metadata\n\
                  print(json.dumps({'rows': t.num_rows,\n\
                  'version': meta[b'claimcheck.claims.schema'].decode(),\n\
                  'kinds': collections.Counter(t.column('kind').to_pylist())}))";
    let py = std::process::Command::new("python3")
        .args(["-c", script, s(&parquet)])
        .output();
    match py {
        Ok(out) if out.status.success() => {
            let v: Value = serde_json::from_slice(&out.stdout).unwrap();
            assert_eq!(v["rows"], lines);
            assert_eq!(v["version"], "2");
            assert_eq!(v["kinds"]["document"], 3000);
        }
        _ => eprintln!("skipped the pyarrow read: python3 with pyarrow is not installed"),
    }
}

/// A Parquet file of `columns` with `metadata`, written with the crates
/// claimcheck uses.
fn other_parquet(path: &Path, metadata: Option<(&str, &str)>) {
    use arrow_array::{ArrayRef, RecordBatch, StringArray};
    let column: ArrayRef = Arc::new(StringArray::from(vec!["title", "event"]));
    let batch = RecordBatch::try_from_iter([("kind", column)]).unwrap();
    let props = parquet::file::properties::WriterProperties::builder()
        .set_key_value_metadata(metadata.map(|(k, v)| {
            vec![parquet::file::metadata::KeyValue::new(
                k.to_string(),
                v.to_string(),
            )]
        }))
        .build();
    let file = std::fs::File::create(path).unwrap();
    let mut w = parquet::arrow::ArrowWriter::try_new(file, batch.schema(), Some(props)).unwrap();
    w.write(&batch).unwrap();
    w.close().unwrap();
}

#[test]
fn bad_parquet_files_are_named_and_the_rest_is_checked() {
    let dir = tempfile::tempdir().unwrap();
    let repo = repo();
    let news = |f: &str| format!("fixtures/news/{f}");
    let good_docs = [news("01-wire-briefing.txt"), news("02-evening-digest.txt")];
    let good_docs: Vec<&str> = good_docs.iter().map(String::as_str).collect();
    let good = dir.path().join("good.parquet");
    write_claims(&repo, &good, "parquet", &good_docs);
    let whole = dir.path().join("whole.parquet");
    write_claims(&repo, &whole, "parquet", &["fixtures/news"]);
    let bytes = std::fs::read(&whole).unwrap();
    // Cut in the middle, and with a damaged footer.
    let cut = dir.path().join("cut.parquet");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    let mut damaged = bytes;
    let n = damaged.len();
    for b in &mut damaged[n - 200..n - 8] {
        *b = 0xff;
    }
    let damaged_file = dir.path().join("damaged.parquet");
    std::fs::write(&damaged_file, &damaged).unwrap();
    let foreign = dir.path().join("foreign.parquet");
    other_parquet(&foreign, None);
    let newer = dir.path().join("newer.parquet");
    other_parquet(&newer, Some(("claimcheck.claims.schema", "3")));
    let unlabelled = dir.path().join("unlabelled.parquet");
    other_parquet(&unlabelled, Some(("claimcheck.claims.schema", "2")));

    let mut direct_args = vec!["check"];
    direct_args.extend(&good_docs);
    let (direct, _) = report_in(&repo, &direct_args);
    let bad = [&cut, &damaged_file, &foreign, &newer, &unlabelled];
    let mut args = vec!["check", "--claims"];
    args.extend(bad.iter().map(|p| s(p)));
    args.push(s(&good));
    let (stored, code) = report_in(&repo, &args);
    assert_eq!(code, 2, "a lost file is an input error");
    assert_eq!(direct["findings"], stored["findings"]);
    let problems = stored["problems"].as_array().unwrap();
    let message = |p: &Path| -> String {
        problems
            .iter()
            .find(|m| m["path"] == s(p))
            .unwrap_or_else(|| panic!("{} not named: {problems:#?}", p.display()))["message"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert!(message(&cut).contains("Parquet"), "{}", message(&cut));
    assert!(message(&damaged_file).contains("Parquet"));
    assert!(message(&foreign).contains("claimcheck.claims.schema"));
    assert!(message(&newer).contains("version 2"));
    assert!(message(&unlabelled).contains("no column"));
}

#[test]
fn parquet_is_not_written_to_a_terminal_or_mistaken_for_text() {
    // Written to a pipe it is binary Parquet, never JSON.
    let (out, _, code) = run_in(&repo(), &["claims", "--format", "parquet", "fixtures/news"]);
    assert_eq!(code, 0);
    assert!(out.starts_with(b"PAR1") && out.ends_with(b"PAR1"));
}
