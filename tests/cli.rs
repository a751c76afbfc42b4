//! The command-line contract: exit codes, formats, diagnostics.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

fn claimcheck() -> Command {
    Command::cargo_bin("claimcheck").unwrap()
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `../shared/seeds`, or `None` (tests then skip) when it is absent.
fn seeds() -> Option<PathBuf> {
    let p = repo().join("../shared/seeds");
    if p.is_dir() {
        Some(p)
    } else {
        eprintln!("skipped: ../shared/seeds is absent");
        None
    }
}

fn json_report(args: &[&str]) -> (Value, i32) {
    let out = claimcheck()
        .current_dir(repo())
        .args(args)
        .arg("--format")
        .arg("json")
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)));
    (v, out.status.code().unwrap())
}

fn file_name(v: &Value) -> String {
    Path::new(v["document"].as_str().unwrap())
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned()
}

#[test]
fn seeds_have_exactly_the_kritenbrink_rank_conflict() {
    let Some(seeds) = seeds() else { return };
    let (report, code) = json_report(&["check", seeds.to_str().unwrap()]);
    assert_eq!(code, 1);
    let all = report["findings"].as_array().unwrap();
    let findings: Vec<&Value> = all.iter().filter(|f| f["severity"] == "error").collect();
    assert_eq!(findings.len(), 1, "exactly one error: {all:#?}");
    // The only other finding: "met with Yi" for Wang Yi, a warning.
    let others: Vec<(&str, &str)> = all
        .iter()
        .filter(|f| f["severity"] != "error")
        .map(|f| (f["check"].as_str().unwrap(), f["subject"].as_str().unwrap()))
        .collect();
    assert_eq!(others, [("name-variant", "Wang Yi")]);
    let f = findings[0];
    assert_eq!(f["check"], "title-mismatch");
    assert_eq!(f["severity"], "error");
    assert_eq!(f["subject"], "Daniel Kritenbrink");
    assert!(f["reason"].as_str().unwrap().contains("rank differs"));
    let side_of = |prefix: &str| -> Vec<String> {
        f["claims"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|c| file_name(c).starts_with(prefix))
            .map(|c| c["side"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(side_of("003_"), ["minority"]);
    assert_eq!(side_of("003_").len(), 1);
    for majority in ["000_", "001_", "002_"] {
        assert_eq!(side_of(majority), ["majority"], "{majority}");
    }
    let minority = f["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["side"] == "minority")
        .unwrap();
    assert_eq!(minority["value"], "Under Secretary of State for East Asia");
    assert_eq!(report["summary"]["error"], 1);
}

#[test]
fn fixtures_have_their_known_answer() {
    let (report, code) = json_report(&["check", "fixtures/news"]);
    assert_eq!(code, 1);
    let found: Vec<(String, String, String)> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let outlier = f["claims"]
                .as_array()
                .unwrap()
                .iter()
                .find(|c| c["side"] == "minority")
                .unwrap();
            (
                f["check"].as_str().unwrap().to_string(),
                f["subject"].as_str().unwrap().to_string(),
                file_name(outlier),
            )
        })
        .collect();
    let expected = [
        (
            "title-mismatch",
            "Daniel Kritenbrink",
            "02-evening-digest.txt",
        ),
        ("title-mismatch", "Lloyd Austin", "03-regional-desk.md"),
        ("office-reference", "Lloyd Austin", "03-regional-desk.md"),
        (
            "office-holder-overlap",
            "Secretary of State (us-secretary-of-state)",
            "03-regional-desk.md",
        ),
    ];
    let expected: Vec<(String, String, String)> = expected
        .iter()
        .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
        .collect();
    assert_eq!(found, expected);
    insta::assert_json_snapshot!("fixtures_report", report);
}

#[test]
fn human_report_underlines_every_source_with_its_position() {
    let out = claimcheck()
        .current_dir(repo())
        .args(["check", "fixtures/news"])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(!text.contains('\u{1b}'), "no colour when not a terminal");
    for place in [
        "fixtures/news/02-evening-digest.txt:5:",
        "fixtures/news/01-wire-briefing.txt:5:",
        "fixtures/news/03-regional-desk.md:7:",
    ] {
        assert!(text.contains(place), "{place} missing in\n{text}");
    }
    assert!(text.contains("rank differs: assistant secretary vs under secretary"));
    assert!(text.contains("claimcheck explain title-mismatch"));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("4 documents,"), "{stderr}");
}

#[test]
fn output_is_identical_across_runs_and_input_order() {
    let run = |args: &[&str]| {
        claimcheck()
            .current_dir(repo())
            .args(args)
            .output()
            .unwrap()
            .stdout
    };
    let a = run(&["check", "fixtures/news", "--format", "json"]);
    let b = run(&["check", "fixtures/news", "--format", "json"]);
    assert_eq!(a, b);
    let c = run(&[
        "check",
        "fixtures/news/04-weekly-review.txt",
        "fixtures/news/03-regional-desk.md",
        "fixtures/news/02-evening-digest.txt",
        "fixtures/news/01-wire-briefing.txt",
        "--format",
        "concise",
    ]);
    let d = run(&["check", "fixtures/news", "--format", "concise"]);
    assert_eq!(String::from_utf8(c).unwrap(), String::from_utf8(d).unwrap());
}

#[test]
fn clean_input_exits_zero_and_fail_on_never_exits_zero() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "Secretary of State Antony Blinken spoke.",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b.txt"),
        "US Secretary of State Antony Blinken spoke again.",
    )
    .unwrap();
    claimcheck().arg("check").arg(dir.path()).assert().code(0);
    claimcheck()
        .current_dir(repo())
        .args(["check", "fixtures/news", "--fail-on", "never"])
        .assert()
        .code(0);
}

#[test]
fn claims_jsonl_follows_the_contract() {
    let out = claimcheck()
        .current_dir(repo())
        .args([
            "claims",
            "fixtures/news/02-evening-digest.txt",
            "--format",
            "jsonl",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let first = lines
        .iter()
        .find(|c| c["kind"] == "title")
        .expect("a title claim");
    for key in [
        "document",
        "record",
        "start",
        "end",
        "line",
        "column",
        "text",
        "kind",
        "subject",
        "value",
        "normalized",
        "time",
        "pattern",
    ] {
        assert!(first.get(key).is_some(), "missing {key}");
    }
    let date = lines
        .iter()
        .find(|c| c["kind"] == "date")
        .expect("a date claim");
    assert_eq!(date["text"], "2023-06-13");
    assert_eq!(
        date["value"],
        serde_json::json!({"start": "2023-06-13", "end": "2023-06-13", "grain": "day"})
    );
    assert_eq!(first["kind"], "title");
    assert_eq!(first["subject"], "Daniel Kritenbrink");
    assert_eq!(first["value"], "Under Secretary of State for East Asia");
    assert_eq!(first["normalized"]["rank"], "under");
    assert_eq!(first["pattern"], "premodifier");
    let doc = std::fs::read_to_string(repo().join("fixtures/news/02-evening-digest.txt")).unwrap();
    let (s, e) = (
        first["start"].as_u64().unwrap() as usize,
        first["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&doc[s..e], first["text"].as_str().unwrap());
}

#[test]
fn jsonl_records_and_stdin_are_documents() {
    let dir = tempfile::tempdir().unwrap();
    let jsonl = dir.path().join("wire.jsonl");
    std::fs::write(
        &jsonl,
        "{\"id\": \"a1\", \"date\": \"2023-06-12\", \"body\": \"Daniel Kritenbrink, assistant secretary of state for East Asian and Pacific affairs, spoke.\"}\nnot json\n{\"id\": 2, \"text\": \"US Under Secretary of State for East Asia Daniel Kritenbrink spoke.\"}\n",
    )
    .unwrap();
    let out = claimcheck()
        .arg("check")
        .arg(&jsonl)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "a malformed line is an input error"
    );
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["documents"], 2);
    assert!(report["findings"][0]["claims"][0]["record"]
        .as_str()
        .is_some());
    assert_eq!(report["problems"][0]["line"], 2);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("wire.jsonl:2"), "{stderr}");

    let stdin = "Secretary of State Antony Blinken spoke.";
    claimcheck()
        .args(["claims", "-"])
        .write_stdin(stdin)
        .assert()
        .success()
        .stdout(predicates::str::contains("Antony Blinken"));
}

#[test]
fn bad_inputs_are_named_and_the_rest_is_checked() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("binary.txt"), b"\x00\x01\x02ELF\x00").unwrap();
    std::fs::write(
        dir.path().join("latin1.txt"),
        b"Secretary of State Antony Blinken met Jos\xe9 there.",
    )
    .unwrap();
    std::fs::write(dir.path().join("empty.txt"), b"").unwrap();
    let missing = dir.path().join("missing.txt");
    let out = claimcheck()
        .arg("check")
        .arg(dir.path())
        .arg(&missing)
        .arg(repo().join("fixtures/news"))
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    for name in ["binary.txt", "latin1.txt", "empty.txt", "missing.txt"] {
        assert!(stderr.contains(name), "{name} not named in\n{stderr}");
    }
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        report["findings"].as_array().unwrap().len(),
        4,
        "the good files are still checked"
    );
}

#[test]
fn nothing_to_check_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    claimcheck()
        .arg("check")
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicates::str::contains("no documents"));
}

#[test]
fn shipped_rule_tests_pass() {
    claimcheck()
        .current_dir(repo())
        .args(["rules", "test", "rules/"])
        .assert()
        .code(0)
        .stdout(predicates::str::contains(" 0 failed"));
}

#[test]
fn unknown_rule_key_names_its_line_and_suggests() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bad.yaml");
    std::fs::write(&file, "version: 1\nchecks:\n  - id: x\n    kind: agree\n    relation: title\n    severty: error\n    message: hi\n").unwrap();
    claimcheck()
        .args(["rules", "validate"])
        .arg(&file)
        .env("NO_COLOR", "1")
        .assert()
        .code(2)
        .stderr(
            predicates::str::contains("bad.yaml:6:")
                .and(predicates::str::contains("did you mean `severity`")),
        );
    // A broken rule file never falls back to the defaults.
    claimcheck()
        .current_dir(repo())
        .args(["check", "fixtures/news", "--rules"])
        .arg(&file)
        .assert()
        .code(2);
}

#[test]
fn explain_prints_description_and_examples() {
    claimcheck()
        .args(["explain", "title-mismatch"])
        .assert()
        .success()
        .stdout(
            predicates::str::contains("rules/titles.yaml")
                .and(predicates::str::contains("rank differs"))
                // The kind as a rule file writes it, not the Rust enum.
                .and(predicates::str::contains(
                    "title-mismatch (kind agree, compare title, severity error",
                )),
        );
}

#[test]
fn graph_dot_has_conflict_edges() {
    claimcheck()
        .current_dir(repo())
        .args(["graph", "fixtures/news", "--format", "dot"])
        .assert()
        .success()
        .stdout(predicates::str::contains("conflict: rank differs"));
}

use predicates::prelude::*;

/// A `name-variant` finding is about the spelling: the human and SARIF
/// reports quote and underline the whole mention (where the name is), not
/// the title the claim's `value` holds; the JSON `value` stays the title.
#[test]
fn name_variant_reports_show_the_spelling() {
    let dir = tempfile::tempdir().unwrap();
    for (file, text) in [
        (
            "a.txt",
            "Trade Minister Joana Castellani said on Monday that exports rose.",
        ),
        (
            "b.txt",
            "Trade Minister Joana Castellani met farmers on Tuesday.",
        ),
        (
            "c.txt",
            "Trade Minister Joana Castelani opened the fair on Wednesday.",
        ),
    ] {
        std::fs::write(dir.path().join(file), text).unwrap();
    }
    let report = |format: &str| {
        let out = claimcheck()
            .env("NO_COLOR", "1")
            .args(["check", dir.path().to_str().unwrap(), "--format", format])
            .output()
            .unwrap();
        // A warning alone does not fail the run (`--fail-on error`).
        assert_eq!(out.status.code(), Some(0));
        String::from_utf8(out.stdout).unwrap()
    };
    let human = report("human");
    assert!(
        human.contains("outlier: \"Trade Minister Joana Castelani\""),
        "{human}"
    );
    assert!(
        human.contains("majority: \"Trade Minister Joana Castellani\""),
        "{human}"
    );
    let sarif = report("sarif");
    assert!(
        sarif.contains("Trade Minister Joana Castelani\\\""),
        "{sarif}"
    );
    let json: Value = serde_json::from_str(&report("json")).unwrap();
    let finding = &json["findings"][0];
    assert_eq!(finding["check"], "name-variant");
    for claim in finding["claims"].as_array().unwrap() {
        assert_eq!(claim["value"], "Trade Minister");
    }
}
