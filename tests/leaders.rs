//! Leadership roles and holders' names on `fixtures/leaders`: three
//! articles written for these tests about one (invented) meeting of
//! leaders of real countries.
//!
//! - "the head of the Ukrainian government" is Ukraine's prime minister,
//!   not its president: one `title-mismatch` (error) on Petro Hordiienko;
//! - "the Brazilian head of government" is Brazil's president and "Chinese
//!   head of state" China's: both agree with "President";
//! - "Pablo Moreno Ruiz-Castillo" between two articles naming "Pablo
//!   Moreno" as Spain's prime minister is one holder (no
//!   `office-holder-return` or `office-holder-overlap`);
//! - "Lisbon.Li Wenhua said" (a missing space) is no bare given name.

use std::path::PathBuf;

use assert_cmd::Command;
use serde_json::Value;

fn check(dir: &str) -> Value {
    let out = Command::cargo_bin("claimcheck")
        .unwrap()
        .current_dir(PathBuf::from(env!("CARGO_MANIFEST_DIR")))
        .env("NO_COLOR", "1")
        .args(["check", dir, "--format", "json", "--fail-on", "never"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn roles_resolve_per_country_and_long_names_are_one_holder() {
    let report = check("fixtures/leaders");
    let found: Vec<(String, String, String, String)> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let s = |k: &str| f[k].as_str().unwrap_or_default().to_string();
            (s("check"), s("severity"), s("subject"), s("reason"))
        })
        .collect();
    assert_eq!(found.len(), 1, "{found:#?}");
    let (check, severity, subject, reason) = &found[0];
    assert_eq!(
        (check.as_str(), severity.as_str(), subject.as_str()),
        ("title-mismatch", "error", "Petro Hordiienko")
    );
    assert!(
        reason.contains("head of government, there the prime minister vs president"),
        "{reason}"
    );
    // The outlier is the article that calls him head of the government.
    let f = &report["findings"][0];
    let minority: Vec<&str> = f["claims"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["side"] == "minority")
        .filter_map(|c| c["document"].as_str())
        .collect();
    assert_eq!(minority, ["fixtures/leaders/02-daily.md"], "{f:#}");
}
