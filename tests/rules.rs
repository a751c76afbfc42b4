//! The rule language from a user's side: new rules with no Rust change,
//! broken rule files and their diagnostics, the project configuration.

use std::path::PathBuf;

use assert_cmd::Command;
use serde_json::Value;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn claimcheck() -> Command {
    let mut c = Command::cargo_bin("claimcheck").unwrap();
    c.env("NO_COLOR", "1");
    c
}

#[test]
fn broken_rule_files_have_their_diagnostics() {
    let mut files: Vec<PathBuf> = std::fs::read_dir(repo().join("tests/rules/broken"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(files.len() >= 4);
    for f in files {
        let rel = f
            .strip_prefix(repo())
            .unwrap()
            .to_string_lossy()
            .into_owned();
        let out = claimcheck()
            .current_dir(repo())
            .args(["rules", "validate", &rel])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{rel}");
        let stderr = String::from_utf8(out.stderr).unwrap();
        let name = f.file_stem().unwrap().to_string_lossy().into_owned();
        insta::assert_snapshot!(format!("broken_{name}"), stderr);
    }
}

#[test]
fn every_problem_of_a_broken_file_is_reported_at_once() {
    let out = claimcheck()
        .current_dir(repo())
        .args(["rules", "validate", "tests/rules/broken/many-errors.yaml"])
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    for expected in [
        "many-errors.yaml:5:15: office `us-press-secretary`",
        "many-errors.yaml:10:32: pattern `named-as`: bad non-terminal",
        "many-errors.yaml:13:12: pattern `moved` never fills `action`, which\n  │ relation `event` requires",
        "many-errors.yaml:16:12: pattern `unknown-office` refers to an office",
        "duplicate check id `press-title`",
        "unknown kind `agreee`",
        "unknown severity `fatal`",
        "unknown placeholder `{subjct}`",
        "expects unknown check `no-such-check`",
    ] {
        assert!(
            stderr.contains(expected),
            "missing {expected:?} in\n{stderr}"
        );
    }
    assert!(stderr.contains("9 problem(s)"), "{stderr}");
}

#[test]
fn every_unknown_key_of_a_file_is_reported_with_the_other_problems() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("typos.yaml");
    std::fs::write(
        &file,
        "version: 1\nvocabulery:\n  ranks: []\nchecks:\n  - id: c\n    kind: agree\n    relation: title\n    severity: fatal\n    mesage: x\n    message: \"{subject}\"\n",
    )
    .unwrap();
    let out = claimcheck()
        .args(["rules", "validate"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    for expected in [
        "typos.yaml:2:1: unknown field `vocabulery`",
        "did you mean `vocabulary`?",
        "typos.yaml:8:15: check `c`: unknown severity `fatal`",
        "typos.yaml:9:5: unknown field `mesage`",
        "did you mean `message`?",
        "3 problem(s)",
    ] {
        assert!(
            stderr.contains(expected),
            "missing {expected:?} in\n{stderr}"
        );
    }
}

const NEW_RULES: &str = r#"
version: 1
vocabulary:
  offices:
    - id: uk-foreign-secretary
      names: [Foreign Secretary, Secretary of State for Foreign Affairs]
      org: U.K.
patterns:
  - id: named-to
    relation: title
    match: "<person> (was|has been|is) (named|appointed) <title>"
checks:
  - id: appointment-conflict
    kind: agree
    relation: title
    compare: title
    severity: warning
    message: "{subject} was appointed {a} per {a.doc}, but {b} per {b.doc}"
    description: Appointments reported with different ranks.
    tests:
      - name: rank differs
        docs:
          a.txt: "Jane Roe was named deputy foreign secretary on Monday."
          b.txt: "Jane Roe was appointed foreign secretary on Monday."
        expect: [{check: appointment-conflict, subject: Jane Roe}, {check: title-mismatch, subject: Jane Roe}]
"#;

#[test]
fn a_new_office_pattern_and_check_need_no_rust() {
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("appointments.yaml");
    std::fs::write(&rules, NEW_RULES).unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "Jane Roe was named deputy foreign secretary on Monday, officials said.",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b.txt"),
        "Jane Roe was appointed foreign secretary on Monday.",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("c.txt"),
        "Jane Roe has been named deputy foreign secretary.",
    )
    .unwrap();
    let out = claimcheck()
        .current_dir(dir.path())
        .args([
            "check", "a.txt", "b.txt", "c.txt", "--format", "json", "--rules",
        ])
        .arg(&rules)
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let ours: Vec<&Value> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["check"] == "appointment-conflict")
        .collect();
    assert_eq!(ours.len(), 1, "{report:#}");
    assert_eq!(ours[0]["subject"], "Jane Roe");
    assert_eq!(ours[0]["severity"], "warning");
    let outlier = ours[0]["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["side"] == "minority")
        .unwrap();
    assert_eq!(outlier["document"], "b.txt");
    // Its embedded tests pass too.
    claimcheck()
        .args(["rules", "test"])
        .arg(&rules)
        .assert()
        .code(0)
        .stdout(predicates::str::contains("1 passed, 0 failed"));
    // And `explain` knows where it came from.
    claimcheck()
        .args(["explain", "appointment-conflict", "--rules"])
        .arg(&rules)
        .assert()
        .success()
        .stdout(predicates::str::contains("appointments.yaml"));
}

#[test]
fn project_config_is_found_upward_and_applied() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("claimcheck.yaml"),
        "severity: {title-mismatch: warning}\nfail-on: never\ndisable: [event-date-mismatch]\n",
    )
    .unwrap();
    let sub = dir.path().join("news");
    std::fs::create_dir(&sub).unwrap();
    for f in std::fs::read_dir(repo().join("fixtures/news")).unwrap() {
        let f = f.unwrap().path();
        std::fs::copy(&f, sub.join(f.file_name().unwrap())).unwrap();
    }
    let out = claimcheck()
        .current_dir(&sub)
        .args(["check", ".", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "fail-on: never from the config");
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        report["summary"]["warning"], 4,
        "2 errors demoted to warnings, 2 warnings"
    );
    // The flag wins over the config.
    claimcheck()
        .current_dir(&sub)
        .args(["check", ".", "--fail-on", "warning"])
        .assert()
        .code(1);
    // An unknown check id in the config is an error, not ignored.
    std::fs::write(
        dir.path().join("claimcheck.yaml"),
        "disable: [no-such-check]\n",
    )
    .unwrap();
    claimcheck()
        .current_dir(&sub)
        .args(["check", "."])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("unknown check `no-such-check`"));
    claimcheck()
        .current_dir(&sub)
        .args(["check", ".", "--no-config"])
        .assert()
        .code(1);
}

#[test]
fn schema_describes_rule_files() {
    let out = claimcheck().args(["rules", "schema"]).output().unwrap();
    assert!(out.status.success());
    let schema: Value = serde_json::from_slice(&out.stdout).unwrap();
    let text = schema.to_string();
    for key in [
        "vocabulary",
        "patterns",
        "checks",
        "offices",
        "descriptions",
        "single_holder",
        "nicknames",
    ] {
        assert!(text.contains(&format!("\"{key}\"")), "schema lacks {key}");
    }
}
