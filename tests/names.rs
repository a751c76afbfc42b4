//! Name spellings across outlets, on `fixtures/romanised` (four articles
//! written for this test): one minister romanised three ways by three
//! outlets ("Oleksiy", "Oleksii"; "Dudnyk", "Dudnik") and misspelt by a
//! fourth ("Olekiy"). The romanisations are one side; the misspelling is
//! the one finding.

mod common;

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

/// `fixtures/proper-names` (four articles written for this test): a
/// bridge's name with a slip in one word ("Ellery Vence Hart Bridge", in
/// 03) and an owner's name with two words swapped ("Brandt Tessaly
/// Holdings", in 04) are the two findings; British and American
/// spellings ("Harbour"/"Harbor", "Organisation"/"Organization") and a
/// longer form of a company's name ("Corvane Marine Group Ltd") stay
/// silent.
#[test]
fn organisations_and_structures_misspelt_across_outlets() {
    let report = check_json("fixtures/proper-names");
    let findings = report["findings"].as_array().unwrap();
    let found: Vec<(&str, &str)> = findings
        .iter()
        .map(|f| (f["check"].as_str().unwrap(), f["reason"].as_str().unwrap()))
        .collect();
    assert_eq!(
        found,
        [
            (
                "proper-name-spelling",
                "one name spelled two ways: Ellery Vance Hart Bridge vs Ellery Vence Hart Bridge"
            ),
            (
                "proper-name-spelling",
                "one name spelled two ways: Brandt Tessaly Holdings vs Tessaly Brandt Holdings"
            ),
        ]
    );
    let outliers = |f: &Value| -> Vec<String> {
        f["claims"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|c| c["side"] == "minority")
            .map(|c| {
                c["document"]
                    .as_str()
                    .unwrap()
                    .rsplit('/')
                    .next()
                    .unwrap()
                    .to_string()
            })
            .collect()
    };
    assert_eq!(outliers(&findings[0]), ["03-evening.md"]);
    assert_eq!(outliers(&findings[1]), ["04-blog.md"]);
}

/// Each name is one claim of the `proper-name` relation per article, its
/// slot in the claims file's JSON.
#[test]
fn proper_names_are_claims_with_a_name_slot() {
    let out = Command::cargo_bin("claimcheck")
        .unwrap()
        .current_dir(PathBuf::from(env!("CARGO_MANIFEST_DIR")))
        .args(["claims", "fixtures/proper-names/01-wire.md"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let names: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .filter(|c| c["facts"]["relation"] == "proper-name")
        .map(|c| c["facts"]["slots"][0]["text"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        names,
        [
            "Ellery Vance Hart Bridge",
            "Lindell Harbour Authority",
            "Tessaly Brandt Holdings",
            "Corvane Marine Group",
            "Maritime Safety Organisation",
        ]
    );
}

/// `name-form-spelling` is on by default, and a claims file carries what
/// it compares: `claims --documents` then `check --claims` finds the
/// misspelt agency as `check` of the texts does, byte for byte.
#[test]
fn the_name_form_check_finds_a_misspelt_agency_in_texts_and_claims_files() {
    let dir = tempfile::tempdir().unwrap();
    common::write_anadolu_story(dir.path());
    let run = |args: &[&str]| -> Vec<u8> {
        let out = Command::cargo_bin("claimcheck")
            .unwrap()
            .current_dir(dir.path())
            .args(args)
            .output()
            .unwrap();
        out.stdout
    };
    let names = ["0.md", "1.md", "2.md", "3.md"];
    let with = |first: &[&'static str]| -> Vec<&'static str> {
        first.iter().chain(&names).copied().collect()
    };
    let direct = run(&with(&["check", "--format", "json"]));
    let report: Value = serde_json::from_slice(&direct).unwrap();
    let checks: Vec<&str> = (report["findings"].as_array().unwrap().iter())
        .map(|f| f["check"].as_str().unwrap())
        .collect();
    assert_eq!(checks, ["name-form-spelling"]);
    assert!(report.to_string().contains("Andolu"));

    let claims = run(&with(&["claims", "--documents"]));
    assert!(String::from_utf8_lossy(&claims).contains(r#""names":[["Andolu","#));
    std::fs::write(dir.path().join("claims.jsonl"), claims).unwrap();
    let stored = run(&["check", "--format", "json", "--claims", "claims.jsonl"]);
    assert_eq!(
        String::from_utf8_lossy(&stored),
        String::from_utf8_lossy(&direct)
    );
}
