//! What teams wire into their pipelines: `--format gitlab` against GitLab's
//! documented Code Quality shape, `claimcheck init`, shell completions and
//! the man page. (pre-commit and the GitHub Action run from scripts:
//! scripts/check_precommit.sh, scripts/check_action.sh; the HTML report in
//! a browser: tests/browser.rs.)

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn run(dir: &Path, args: &[&str]) -> (String, String, i32) {
    let out = Command::cargo_bin("claimcheck")
        .unwrap()
        .current_dir(dir)
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
        out.status.code().unwrap(),
    )
}

fn gitlab_schema() -> jsonschema::Validator {
    let text =
        fs::read_to_string(repo().join("tests/data/gitlab-codequality.schema.json")).unwrap();
    jsonschema::validator_for(&serde_json::from_str(&text).unwrap()).expect("schema compiles")
}

fn assert_gitlab(out: &str) -> Vec<Value> {
    let report: Value = serde_json::from_str(out).expect("gitlab output is JSON");
    let errors: Vec<String> = gitlab_schema()
        .iter_errors(&report)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let issues = report.as_array().unwrap().clone();
    let fingerprints: BTreeSet<&str> = issues
        .iter()
        .map(|i| i["fingerprint"].as_str().unwrap())
        .collect();
    assert_eq!(fingerprints.len(), issues.len(), "fingerprints are unique");
    issues
}

#[test]
fn gitlab_code_quality_matches_the_documented_shape() {
    let (out, _, code) = run(
        &repo(),
        &[
            "check",
            "fixtures/news",
            "--format",
            "gitlab",
            "--no-config",
        ],
    );
    assert_eq!(code, 1);
    let issues = assert_gitlab(&out);
    assert_eq!(issues.len(), 4, "one issue per finding");
    assert_eq!(issues[0]["check_name"], "title-mismatch");
    assert_eq!(issues[0]["severity"], "major");
    assert_eq!(
        issues[0]["location"]["path"],
        "fixtures/news/02-evening-digest.txt"
    );
    assert_eq!(issues[0]["location"]["lines"]["begin"], 5);
    assert!(
        issues.iter().any(|i| i["severity"] == "minor"),
        "warnings are minor"
    );
    // The fingerprint is the finding's, as in JSON and SARIF.
    let (json, _, _) = run(
        &repo(),
        &["check", "fixtures/news", "--format", "json", "--no-config"],
    );
    let json: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(issues[0]["fingerprint"], json["findings"][0]["fingerprint"]);
}

#[test]
fn gitlab_lists_unreadable_inputs_and_survives_hostile_text() {
    let hostile = repo().join("fixtures/hostile/inputs");
    let (out, _, code) = run(
        &repo(),
        &[
            "check",
            "fixtures/news",
            hostile.to_str().unwrap(),
            "--format",
            "gitlab",
            "--no-config",
        ],
    );
    assert_eq!(code, 2, "skipped input is exit 2");
    let issues = assert_gitlab(&out);
    assert!(issues.iter().any(|i| i["check_name"] == "claimcheck/input"));
}

#[test]
fn gitlab_on_the_seeds() {
    let seeds = repo().join("../shared/seeds");
    if !seeds.is_dir() {
        eprintln!("skipped: {} absent", seeds.display());
        return;
    }
    let (out, _, _) = run(
        &repo(),
        &[
            "check",
            seeds.to_str().unwrap(),
            "--format",
            "gitlab",
            "--no-config",
        ],
    );
    let issues = assert_gitlab(&out);
    assert_eq!(issues.len(), 2);
}

#[test]
fn init_writes_a_project_whose_rule_tests_pass() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let (out, err, code) = run(dir, &["init"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("claimcheck.yaml") && out.contains("rules/local.yaml"));
    let local = fs::read_to_string(dir.join("rules/local.yaml")).unwrap();
    for part in ["offices:", "patterns:", "checks:", "tests:", "# "] {
        assert!(local.contains(part), "local.yaml has {part}");
    }
    let (out, err, code) = run(dir, &["rules", "test", "rules/local.yaml"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("2 passed, 0 failed"), "{out}");
    let (_, err, code) = run(dir, &["rules", "validate", "rules/local.yaml"]);
    assert_eq!(code, 0, "{err}");
    // claimcheck.yaml is found and names the local rules: the example
    // pattern and check run on articles.
    fs::write(
        dir.join("a.txt"),
        "Jane Roe took office as mayor of Examplia on Monday.\n",
    )
    .unwrap();
    fs::write(
        dir.join("b.txt"),
        "The head of the Examplia city government, Jane Roe, spoke on Tuesday.\n",
    )
    .unwrap();
    let (out, err, code) = run(dir, &["check", "a.txt", "b.txt", "--format", "concise"]);
    assert_eq!(
        code, 0,
        "an info finding does not fail (fail-on: error): {err}"
    );
    assert!(out.contains("info[local-title-wording]"), "{out}");
}

#[test]
fn init_refuses_to_overwrite() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    fs::write(dir.join("claimcheck.yaml"), "rules: []\n").unwrap();
    let (_, err, code) = run(dir, &["init"]);
    assert_eq!(code, 2);
    assert!(err.contains("already exist"), "{err}");
    assert_eq!(
        fs::read_to_string(dir.join("claimcheck.yaml")).unwrap(),
        "rules: []\n"
    );
    assert!(!dir.join("rules").exists(), "nothing written");
    // Into another directory, then again: the second run refuses.
    let (_, _, code) = run(dir, &["init", "project"]);
    assert_eq!(code, 0);
    let before = fs::read_to_string(dir.join("project/rules/local.yaml")).unwrap();
    let (_, err, code) = run(dir, &["init", "project"]);
    assert_eq!(code, 2);
    assert!(err.contains("local.yaml"), "{err}");
    assert_eq!(
        fs::read_to_string(dir.join("project/rules/local.yaml")).unwrap(),
        before
    );
}

#[test]
fn completions_cover_every_subcommand_and_format() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let (out, err, code) = run(&repo(), &["completions", shell]);
        assert_eq!(code, 0, "{shell}: {err}");
        for word in ["check", "rules", "init", "completions", "format"] {
            assert!(out.contains(word), "{shell} completion lacks {word}");
        }
        if ["bash", "zsh", "fish"].contains(&shell) {
            assert!(
                out.contains("gitlab") && out.contains("sarif"),
                "{shell}: format values"
            );
        }
    }
    // bash loads the script and completes the format values.
    let bin = assert_cmd::cargo::cargo_bin("claimcheck");
    let script = format!(
        "source <(\"{}\" completions bash) && COMP_WORDS=(claimcheck check x --format g) COMP_CWORD=4 && _claimcheck claimcheck g --format && echo \"${{COMPREPLY[@]}}\"",
        bin.display()
    );
    if let Ok(out) = std::process::Command::new("bash")
        .args(["-c", &script])
        .output()
    {
        assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "github gitlab");
    }
    let (_, _, code) = run(&repo(), &["completions", "tcsh"]);
    assert_eq!(code, 2);
}

#[test]
fn man_pages_are_roff_from_the_cli_definition() {
    let (out, _, code) = run(&repo(), &["man"]);
    assert_eq!(code, 0);
    assert!(out.contains(".TH claimcheck 1"), "{out}");
    for word in ["check", "init", "completions", "man"] {
        assert!(out.contains(word), "main page lists {word}");
    }
    let (out, _, code) = run(&repo(), &["man", "check"]);
    assert_eq!(code, 0);
    assert!(
        out.contains(".TH claimcheck\\-check 1") || out.contains(".TH claimcheck-check 1"),
        "{out}"
    );
    assert!(out.contains("gitlab") && out.contains("fail\\-on"), "{out}");
    let (_, err, code) = run(&repo(), &["man", "nope"]);
    assert_eq!(code, 2, "{err}");
}
