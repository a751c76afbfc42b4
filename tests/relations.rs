//! Relations defined in YAML, from a user's side: each scenario is a rule
//! file under `tests/rules/relations/` added with `--rules`, asserted to
//! give its finding, and asserted to give none without the file.

mod common;

use assert_cmd::Command;
use common::repo;
use serde_json::Value;

/// The binary with colours off: these tests read its human messages.
fn claimcheck() -> Command {
    let mut c = common::claimcheck();
    c.env("NO_COLOR", "1");
    c
}

/// Runs claimcheck with `args` in `dir`.
fn run_in(dir: impl AsRef<std::path::Path>, args: &[&str]) -> std::process::Output {
    claimcheck().current_dir(dir).args(args).output().unwrap()
}

/// Writes the documents into a fresh folder and runs `check --format json`
/// on them, with the rule file when given.
fn check(docs: &[(&str, &str)], rules: Option<&str>) -> Value {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in docs {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let mut cmd = claimcheck();
    cmd.arg("check").arg(dir.path()).args(["--format", "json"]);
    if let Some(r) = rules {
        cmd.arg("--rules")
            .arg(repo().join("tests/rules/relations").join(r));
    }
    let out = cmd.output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    if out.status.code() == Some(2) && stderr.contains("no claims found") {
        return serde_json::json!({"findings": []});
    }
    assert!(out.status.code().unwrap_or(9) < 2, "{stderr}");
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The findings of one check.
fn findings_of(report: &Value, check: &str) -> Vec<(String, String, String)> {
    let mut all = findings(report);
    all.retain(|f| f.0 == check);
    all
}

fn findings(report: &Value) -> Vec<(String, String, String)> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let s = |k: &str| f[k].as_str().unwrap_or_default().to_string();
            (
                s("check"),
                s("subject"),
                format!("{} ({})", s("message"), s("reason")),
            )
        })
        .collect()
}

fn dated(date: &str, text: &str) -> String {
    format!("---\ndate: {date}\n---\n{text}\n")
}

#[test]
fn an_office_known_only_by_a_relative_clause() {
    let a = "Maria Santos, who heads the Port Authority, said the harbour would reopen.\n";
    let b = "Port Authority Deputy Chair Maria Santos said the harbour would reopen.\n";
    let docs = [("a.txt", a), ("b.txt", b)];
    let with = findings(&check(&docs, Some("heads.yaml")));
    assert_eq!(with.len(), 1, "{with:?}");
    let (check_id, subject, message) = &with[0];
    assert_eq!(
        (check_id.as_str(), subject.as_str()),
        ("title-mismatch", "Maria Santos")
    );
    assert!(message.contains("chair of Port Authority"), "{message}");
    assert!(message.contains("rank differs"), "{message}");
    assert!(findings(&check(&docs, None)).is_empty());
}

#[test]
fn a_past_title_from_who_was_is_former() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("a.txt");
    std::fs::write(
        &doc,
        "Jane Roe, who was foreign minister, spoke on Monday.\n",
    )
    .unwrap();
    let out = claimcheck()
        .args(["claims"])
        .arg(&doc)
        .arg("--rules")
        .arg(repo().join("tests/rules/relations/heads.yaml"))
        .output()
        .unwrap();
    let lines = String::from_utf8(out.stdout).unwrap();
    let title: Value = lines
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .find(|v| v["kind"] == "title")
        .expect("a title claim");
    assert_eq!(title["pattern"], "who-was");
    assert_eq!(title["normalized"]["time"], "past", "{title}");
}

#[test]
fn who_met_whom_where_and_when() {
    let a = dated(
        "2024-05-12",
        "Jane Roe met Wang Yi in Vienna on May 10, officials said.",
    );
    let b = dated(
        "2024-05-12",
        "Wang Yi met with Jane Roe in Geneva on Friday, his ministry said.",
    );
    let c = dated("2024-05-12", "Jane Roe met Wang Yi in Vienna on May 10.");
    let docs = [
        ("a.md", a.as_str()),
        ("b.md", b.as_str()),
        ("c.md", c.as_str()),
    ];
    let report = check(&docs, Some("meeting.yaml"));
    // The shipped `meeting` relation finds this meeting too; the file's
    // own check is the one asserted.
    let with = findings_of(&report, "meeting-place");
    assert_eq!(with.len(), 1, "{with:?}");
    let (check_id, subject, message) = &with[0];
    assert_eq!(check_id, "meeting-place");
    assert_eq!(
        subject, "Jane Roe and Wang Yi",
        "the participants are a set"
    );
    assert!(
        message.contains("\"Vienna\"") && message.contains("\"Geneva\""),
        "{message}"
    );
    // The JSON report carries each claim's slots.
    let claims = report["findings"][0]["claims"].as_array().unwrap();
    assert!(
        claims.iter().any(|c| c["slots"]["where"] == "Geneva"),
        "{claims:?}"
    );
    assert!(findings_of(&check(&docs, None), "meeting-place").is_empty());

    // Another week is another meeting: no finding.
    let d = dated("2024-05-12", "Jane Roe met Wang Yi in Geneva on April 2.");
    let other_week = [("a.md", a.as_str()), ("d.md", d.as_str())];
    assert!(findings_of(&check(&other_week, Some("meeting.yaml")), "meeting-place").is_empty());
}

#[test]
fn a_newsroom_relation_with_a_relative_tolerance() {
    let a = "Hurricane Otis killed 27 people, officials said.\n";
    let b = "Hurricane Otis killed 29 people, the governor said.\n";
    let c = "Hurricane Otis killed 45 people, a local paper said.\n";
    let close = [("a.txt", a), ("b.txt", b)];
    assert!(
        findings(&check(&close, Some("storm.yaml"))).is_empty(),
        "27 and 29 are within 10 %"
    );
    let far = [("a.txt", a), ("b.txt", b), ("c.txt", c)];
    let with = findings(&check(&far, Some("storm.yaml")));
    assert_eq!(with.len(), 1, "{with:?}");
    assert_eq!(with[0].0, "storm-toll-mismatch");
    assert!(with[0].2.contains("\"45\""), "{}", with[0].2);
    assert!(findings(&check(&far, None)).is_empty());
}

#[test]
fn pattern_examples_run_with_rules_test() {
    let dir = repo().join("tests/rules/relations");
    let out = run_in(
        &dir,
        &["rules", "test", "meeting.yaml", "heads.yaml", "storm.yaml"],
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains("PASS pattern met-in"), "{stdout}");
    assert!(stdout.contains("PASS pattern who-heads"), "{stdout}");

    // A wrong expectation fails and shows what was extracted.
    let broken = std::fs::read_to_string(dir.join("meeting.yaml"))
        .unwrap()
        .replace("where: Oslo", "where: Bergen");
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("m.yaml"), broken).unwrap();
    let out = run_in(tmp.path(), &["rules", "test", "m.yaml"]);
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("FAIL pattern met-in"), "{stdout}");
    assert!(
        stdout.contains("extracted:  participants: Jane Roe | John Doe"),
        "{stdout}"
    );
}

#[test]
fn explain_shows_a_pattern_and_what_its_examples_extract() {
    let out = run_in(
        repo().join("tests/rules/relations"),
        &["explain", "met-in", "--rules", "meeting.yaml"],
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(
        stdout.contains("relation encounter [participants (persons)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("→ participants: Jane Roe | John Doe"),
        "{stdout}"
    );
}

#[test]
fn unknown_keys_bad_slots_and_unknown_offices_are_all_reported() {
    let out = run_in(
        repo().join("tests/rules/relations"),
        &["rules", "validate", "broken.yaml"],
    );
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    for expected in [
        "broken.yaml:2:1: unknown field `vocabulery`",
        "broken.yaml:24:5: unknown field `descripton`",
        "broken.yaml:12:13: pattern `toll-of`: bad slot name `1count`",
        "broken.yaml:16:19: pattern `heads` sets office `no-such-office`",
    ] {
        assert!(
            stderr.contains(expected),
            "missing {expected:?} in\n{stderr}"
        );
    }
}

#[test]
fn a_message_slot_no_pattern_fills_is_an_error_at_the_message() {
    let tmp = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(repo().join("tests/rules/relations/meeting.yaml"))
        .unwrap()
        .replace("{b.where} according", "{b.length} according");
    std::fs::write(tmp.path().join("m.yaml"), &text).unwrap();
    let out = run_in(tmp.path(), &["rules", "validate", "m.yaml"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    let line = text.lines().position(|l| l.contains("{b.length}")).unwrap() + 1;
    assert!(
        stderr.contains(&format!("m.yaml:{line}:")) && stderr.contains("slot `length`"),
        "{stderr}"
    );
}

/// The walk-through in rules/README.md, loaded and run as written.
#[test]
fn the_readme_walkthrough_runs_as_written() {
    let readme = std::fs::read_to_string(repo().join("rules/README.md")).unwrap();
    let blocks = fenced(&readme, "yaml walkthrough");
    assert!(blocks.len() >= 2, "the walk-through has its rule files");
    let tmp = tempfile::tempdir().unwrap();
    let mut names = Vec::new();
    for (k, block) in blocks.iter().enumerate() {
        let name = format!("step{k}.yaml");
        std::fs::write(tmp.path().join(&name), block).unwrap();
        names.push(name);
    }
    let out = claimcheck()
        .current_dir(tmp.path())
        .args(["rules", "test"])
        .args(&names)
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!stdout.contains("0 passed"), "{stdout}");
}

/// The contents of the fenced blocks whose info string is `info`.
fn fenced(text: &str, info: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Option<String> = None;
    for line in text.lines() {
        match &mut current {
            None if line.trim() == format!("```{info}") => current = Some(String::new()),
            Some(block) if line.trim() == "```" => {
                out.push(std::mem::take(block));
                current = None;
            }
            Some(block) => {
                block.push_str(line);
                block.push('\n');
            }
            None => {}
        }
    }
    out
}

#[test]
fn how_long_with_hedges() {
    let talk = |len: &str| format!("Jane Roe and Wang Yi talked for {len}, aides said.\n");
    let pair = |a: &str, b: &str| {
        let (a, b) = (talk(a), talk(b));
        findings_of(
            &check(&[("a.txt", &a), ("b.txt", &b)], Some("talks.yaml")),
            "talks-length",
        )
    };
    assert!(pair("about half an hour", "35 minutes").is_empty());
    assert!(pair("nearly an hour", "50 minutes").is_empty());
    let conflict = pair("40 minutes", "more than an hour");
    assert_eq!(conflict.len(), 1, "{conflict:?}");
    assert!(
        conflict[0].2.contains("lengths of time differ"),
        "{}",
        conflict[0].2
    );
    assert_eq!(pair("six hours", "nine hours").len(), 1);
}

#[test]
fn declared_relations_survive_the_claims_file_split() {
    let dir = tempfile::tempdir().unwrap();
    let a = dated(
        "2024-05-12",
        "Jane Roe met Wang Yi in Vienna on May 10, officials said.",
    );
    let b = dated(
        "2024-05-12",
        "Wang Yi met with Jane Roe in Geneva on Friday, his ministry said.",
    );
    std::fs::write(dir.path().join("a.md"), a).unwrap();
    std::fs::write(dir.path().join("b.md"), b).unwrap();
    let rules = repo().join("tests/rules/relations/meeting.yaml");
    let direct = claimcheck()
        .current_dir(dir.path())
        .args(["check", "a.md", "b.md", "--format", "json", "--rules"])
        .arg(&rules)
        .output()
        .unwrap();
    let claims = claimcheck()
        .current_dir(dir.path())
        .args(["claims", "--documents", "a.md", "b.md", "--rules"])
        .arg(&rules)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&claims.stdout).contains("\"kind\":\"relation\""));
    std::fs::write(dir.path().join("claims.jsonl"), &claims.stdout).unwrap();
    let split = claimcheck()
        .current_dir(dir.path())
        .args([
            "check",
            "--claims",
            "claims.jsonl",
            "--format",
            "json",
            "--rules",
        ])
        .arg(&rules)
        .output()
        .unwrap();
    let findings = |o: &std::process::Output| -> Value {
        serde_json::from_slice::<Value>(&o.stdout).unwrap()["findings"].clone()
    };
    assert_eq!(findings(&direct), findings(&split));
    let checks: Vec<&str> = findings(&direct)
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["check"].as_str())
        .map(|c| c.to_string().leak() as &str)
        .collect();
    assert!(checks.contains(&"meeting-place"), "{checks:?}");
}

#[test]
fn polarity_is_a_fixed_value_a_check_compares() {
    let went = "Jane Roe attended the Paris summit on Monday, her office said.\n";
    let stayed = "Jane Roe did not attend the Paris summit, a diplomat said.\n";
    let docs = [("a.txt", went), ("b.txt", stayed)];
    let found = findings_of(
        &check(&docs, Some("attendance.yaml")),
        "attendance-polarity",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].2.contains("attended") && found[0].2.contains("stayed away"),
        "{found:?}"
    );
    assert!(findings_of(&check(&docs, None), "attendance-polarity").is_empty());
    let both = [("a.txt", went), ("c.txt", went)];
    assert!(findings_of(
        &check(&both, Some("attendance.yaml")),
        "attendance-polarity"
    )
    .is_empty());
}
