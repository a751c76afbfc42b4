//! Copy families: copies of one story vote once (issue 22). A misspelling
//! carried by three syndicated copies loses to two independent sources; a
//! disagreement only between copies is a correction; claims files carry
//! the families to a sharded check.

use std::path::PathBuf;

use assert_cmd::Command;
use serde_json::Value;

fn run(args: &[&str]) -> (Vec<u8>, String, i32) {
    let out = Command::cargo_bin("claimcheck")
        .unwrap()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    (out.stdout, err, out.status.code().unwrap())
}

fn json(args: &[&str]) -> Value {
    let (out, err, _) = run(args);
    serde_json::from_slice(&out).unwrap_or_else(|e| panic!("{e}: {err}"))
}

/// (document file name, side) of a finding's claims.
fn sides(finding: &Value) -> Vec<(String, String)> {
    finding["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let doc = c["document"].as_str().unwrap();
            let name = doc.rsplit('/').next().unwrap().to_string();
            (name, c["side"].as_str().unwrap().to_string())
        })
        .collect()
}

#[test]
fn three_copies_of_a_misspelling_lose_to_two_independent_sources() {
    let report = json(&["check", "fixtures/syndicated", "--format", "json"]);
    let families = report["families"].as_array().unwrap();
    assert_eq!(families.len(), 1, "{families:#?}");
    let names: Vec<&str> = families[0]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d.as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "fixtures/syndicated/01-wire.txt",
            "fixtures/syndicated/02-portal.txt",
            "fixtures/syndicated/03-regional.txt"
        ]
    );
    let findings = report["findings"].as_array().unwrap();
    let variant = findings
        .iter()
        .find(|f| f["check"] == "name-variant")
        .expect("a name-variant finding");
    assert_eq!(variant["subject"], "Daniel Kritenbrink");
    let sides = sides(variant);
    let majority: Vec<&str> = sides
        .iter()
        .filter(|s| s.1 == "majority")
        .map(|s| s.0.as_str())
        .collect();
    assert_eq!(majority, ["04-own-report.txt", "05-newsletter.md"]);
    let outliers = sides.iter().filter(|s| s.1 == "minority").count();
    assert_eq!(outliers, 3, "{sides:?}");
    // Every copy names the first document of its family.
    for c in variant["claims"].as_array().unwrap() {
        assert_eq!(c["family"].is_string(), c["side"] == "minority", "{c}");
    }
    let (out, _, code) = run(&["check", "fixtures/syndicated"]);
    assert_eq!(code, 0, "warnings only");
    // miette wraps lines: compare with the wrapping taken out.
    let human = String::from_utf8_lossy(&out).replace('│', " ");
    let human = human.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        human.contains("2 independent sources on the majority side"),
        "{human}"
    );
    assert!(
        human.contains("(a copy of fixtures/syndicated/01-wire.txt)"),
        "{human}"
    );
}

#[test]
fn a_disagreement_between_copies_is_a_correction_by_the_later_copy() {
    let report = json(&["check", "fixtures/corrected", "--format", "json"]);
    let findings = report["findings"].as_array().unwrap();
    let f = findings
        .iter()
        .find(|f| f["check"] == "title-mismatch")
        .expect("a title-mismatch finding");
    assert_eq!(f["severity"], "info");
    assert_eq!(f["correction"], true);
    assert_eq!(
        sides(f),
        [
            ("02-resent.txt".to_string(), "majority".to_string()),
            ("01-first.txt".to_string(), "minority".to_string())
        ]
    );
    let message = f["message"].as_str().unwrap();
    assert!(
        message.starts_with(
            "Correction between copies of one story: fixtures/corrected/02-resent.txt"
        ),
        "{message}"
    );
    // Info does not fail the run by default.
    assert_eq!(run(&["check", "fixtures/corrected"]).2, 0);
}

#[test]
fn sharded_claims_carry_the_families() {
    let dir = tempfile::tempdir().unwrap();
    let shard = |name: &str, paths: &[&str]| -> PathBuf {
        let mut args = vec!["claims", "--documents"];
        args.extend(paths);
        let (out, err, code) = run(&args);
        assert_eq!(code, 0, "{err}");
        let file = dir.path().join(name);
        std::fs::write(&file, out).unwrap();
        file
    };
    // The copies split across shards.
    let one = shard(
        "one.jsonl",
        &[
            "fixtures/syndicated/01-wire.txt",
            "fixtures/syndicated/04-own-report.txt",
            "fixtures/corrected/02-resent.txt",
        ],
    );
    let two = shard(
        "two.jsonl",
        &[
            "fixtures/syndicated/02-portal.txt",
            "fixtures/syndicated/03-regional.txt",
            "fixtures/syndicated/05-newsletter.md",
            "fixtures/corrected/01-first.txt",
        ],
    );
    let direct = json(&[
        "check",
        "fixtures/syndicated",
        "fixtures/corrected",
        "--format",
        "json",
    ]);
    let stored = json(&[
        "check",
        "--claims",
        two.to_str().unwrap(),
        one.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(direct["families"].as_array().unwrap().len(), 2);
    assert_eq!(direct, stored);
}

#[test]
fn graph_nodes_carry_their_family() {
    let graph = json(&["graph", "fixtures/syndicated", "--format", "json"]);
    let nodes = graph["nodes"].as_array().unwrap();
    assert!(!nodes.is_empty());
    for n in nodes {
        let doc = n["document"].as_str().unwrap();
        let copy = ["02-portal", "03-regional"].iter().any(|c| doc.contains(c));
        let expected = if copy || doc.contains("01-wire") {
            "fixtures/syndicated/01-wire.txt"
        } else {
            doc
        };
        assert_eq!(n["family"], expected, "{n}");
    }
}
