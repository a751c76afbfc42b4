//! Name spellings across outlets, on `fixtures/romanised` (four articles
//! written for this test): one minister romanised three ways by three
//! outlets ("Oleksiy", "Oleksii"; "Dudnyk", "Dudnik") and misspelt by a
//! fourth ("Olekiy"). The romanisations are one side; the misspelling is
//! the one finding.

use std::path::PathBuf;

use assert_cmd::Command;
use serde_json::Value;

fn check_json(dir: &str) -> Value {
    let out = Command::cargo_bin("claimcheck")
        .unwrap()
        .current_dir(PathBuf::from(env!("CARGO_MANIFEST_DIR")))
        .args(["check", dir, "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "warnings only: exit 0 {out:?}");
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn a_misspelling_is_found_and_romanisations_are_its_majority() {
    let report = check_json("fixtures/romanised");
    let findings = report["findings"].as_array().unwrap();
    let reasons: Vec<&str> = findings
        .iter()
        .map(|f| f["reason"].as_str().unwrap())
        .collect();
    assert_eq!(
        reasons,
        ["one person spelled two ways: Olekiy Dudnyk vs Oleksiy Dudnyk"],
        "only the misspelling, not the romanisations"
    );
    let side_of = |doc: &str| -> Vec<&str> {
        findings[0]["claims"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|c| c["document"].as_str().unwrap().ends_with(doc))
            .map(|c| c["side"].as_str().unwrap())
            .collect()
    };
    assert_eq!(side_of("04-blog.md"), ["minority"]);
    for doc in ["01-wire.txt", "02-daily.txt", "03-agency.md"] {
        let sides = side_of(doc);
        assert!(
            !sides.is_empty() && sides.iter().all(|s| *s == "majority"),
            "{doc}: {sides:?}"
        );
    }
}
