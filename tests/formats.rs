//! Every output format on the fixtures, as snapshots; SARIF against the
//! official schema; baselines and suppressions.

use std::path::PathBuf;

use assert_cmd::Command;
use serde_json::Value;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn check(format: &str, extra: &[&str]) -> (String, String, i32) {
    let out = Command::cargo_bin("claimcheck")
        .unwrap()
        .current_dir(repo())
        .args(["check", "fixtures/news", "--format", format])
        .args(extra)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
        out.status.code().unwrap(),
    )
}

#[test]
fn concise_snapshot() {
    let (out, _, code) = check("concise", &[]);
    assert_eq!(code, 1);
    insta::assert_snapshot!("concise", out);
}

#[test]
fn human_snapshot() {
    let (out, _, _) = check("human", &[]);
    insta::assert_snapshot!("human", out);
}

#[test]
fn github_snapshot() {
    let (out, _, _) = check("github", &[]);
    for line in out.lines() {
        assert!(
            line.starts_with("::error ")
                || line.starts_with("::warning ")
                || line.starts_with("::notice "),
            "{line}"
        );
        assert_eq!(
            line.matches("::").count(),
            2,
            "message must not break the command: {line}"
        );
    }
    insta::assert_snapshot!("github", out);
}

#[test]
fn html_snapshot_is_self_contained() {
    let (out, _, _) = check("html", &[]);
    assert!(out.starts_with("<!DOCTYPE html>"));
    // One inline script (filters, search, #selftest), no external one,
    // and a policy that forbids every network request.
    assert_eq!(out.matches("<script").count(), 1);
    assert!(!out.contains("<script src"), "no external scripts");
    assert!(!out.contains("src=\"http"), "no external resources");
    assert!(
        out.contains("content=\"default-src 'none';"),
        "CSP forbids requests"
    );
    assert_eq!(
        out.matches("<svg").count(),
        3,
        "one graph picture per finding of two claims or more (one has one)"
    );
    insta::assert_snapshot!("html", out);
}

#[test]
fn sarif_validates_against_the_schema() {
    let (out, _, code) = check("sarif", &[]);
    assert_eq!(code, 1);
    let sarif: Value = serde_json::from_str(&out).unwrap();
    let schema_path = repo().join("../shared/schemas/sarif-schema-2.1.0.json");
    if let Ok(text) = std::fs::read_to_string(&schema_path) {
        let schema: Value = serde_json::from_str(&text).unwrap();
        let validator = jsonschema::validator_for(&schema).expect("schema compiles");
        let errors: Vec<String> = validator
            .iter_errors(&sarif)
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{errors:#?}");
    } else {
        eprintln!(
            "skipped schema validation: {} absent",
            schema_path.display()
        );
    }
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 4);
    assert_eq!(results[0]["locations"].as_array().unwrap().len(), 1);
    assert_eq!(results[0]["relatedLocations"].as_array().unwrap().len(), 3);
    assert!(results[0]["partialFingerprints"]["claimcheck/v1"].is_string());
    assert!(
        sarif["runs"][0]["tool"]["driver"]["rules"][0]["help"]["text"]
            .as_str()
            .unwrap()
            .contains("explain")
    );
    insta::assert_snapshot!("sarif", out);
}

#[test]
fn baseline_hides_known_findings_and_reports_stale_entries() {
    let dir = tempfile::tempdir().unwrap();
    let baseline = dir.path().join("baseline.json");
    let b = baseline.to_str().unwrap();
    let (_, _, code) = check("concise", &["--write-baseline", b]);
    assert_eq!(code, 0);
    let (out, _, code) = check("concise", &["--baseline", b]);
    assert_eq!((out.as_str(), code), ("", 0));
    // A stale entry is reported.
    let mut v: Value = serde_json::from_str(&std::fs::read_to_string(&baseline).unwrap()).unwrap();
    v["findings"].as_array_mut().unwrap().push(
        serde_json::json!({"fingerprint": "0000", "check": "title-mismatch", "subject": "Nobody"}),
    );
    std::fs::write(&baseline, v.to_string()).unwrap();
    let (_, err, _) = check("concise", &["--baseline", b]);
    assert!(err.contains("stale baseline entry 0000"), "{err}");
}

#[test]
fn baseline_survives_edits_elsewhere_in_a_file() {
    let dir = tempfile::tempdir().unwrap();
    for f in std::fs::read_dir(repo().join("fixtures/news")).unwrap() {
        let f = f.unwrap().path();
        std::fs::copy(&f, dir.path().join(f.file_name().unwrap())).unwrap();
    }
    let baseline = dir.path().join("b.json");
    let run = |extra: &[&str]| {
        Command::cargo_bin("claimcheck")
            .unwrap()
            .current_dir(dir.path())
            .args(["check", ".", "--format", "concise"])
            .args(extra)
            .output()
            .unwrap()
    };
    run(&["--write-baseline", baseline.to_str().unwrap()]);
    let digest = dir.path().join("02-evening-digest.txt");
    let text = std::fs::read_to_string(&digest).unwrap();
    std::fs::write(
        &digest,
        format!("An added first line.\n\nAnd another paragraph.\n\n{text}"),
    )
    .unwrap();
    let out = run(&["--baseline", baseline.to_str().unwrap()]);
    assert_eq!(String::from_utf8_lossy(&out.stdout), "");
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn suppressions_need_reasons_and_unused_ones_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("accepted.yaml");
    std::fs::write(
        &file,
        "suppressions:\n  - check: title-mismatch\n    subject: Lloyd Austin\n    reason: the desk confirmed the slip was corrected in print\n  - check: title-mismatch\n    subject: Nobody Here\n    reason: kept for the test\n",
    )
    .unwrap();
    let (out, err, code) = check("json", &["--suppressions", file.to_str().unwrap()]);
    assert_eq!(code, 1);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["findings"].as_array().unwrap().len(), 3);
    assert_eq!(v["accepted"][0]["subject"], "Lloyd Austin");
    assert_eq!(v["unused_suppressions"][0]["subject"], "Nobody Here");
    assert!(err.contains("unused suppression"), "{err}");
    std::fs::write(
        &file,
        "suppressions:\n  - {check: title-mismatch, subject: Lloyd Austin}\n",
    )
    .unwrap();
    let (_, err, code) = check("json", &["--suppressions", file.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("reason"), "{err}");
}

#[test]
fn output_does_not_depend_on_thread_count() {
    let run = |threads: &str| {
        Command::cargo_bin("claimcheck")
            .unwrap()
            .current_dir(repo())
            .args(["check", "fixtures/news", "--format", "json"])
            .env("RAYON_NUM_THREADS", threads)
            .output()
            .unwrap()
            .stdout
    };
    assert_eq!(run("1"), run("2"));
}
