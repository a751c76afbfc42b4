//! Precision on the shapes unseen news takes (issue 16), on
//! `fixtures/precision` (four articles written for this test): each
//! article holds a shape that was once read as a disagreement and is
//! none, so the folder gives no finding.
//!
//! - a headline without a stop above a paragraph on one line ("…,
//!   angering Ukraine" / "Prime Minister Tomas Varga of Hungary …"): the
//!   line break ends the headline, so no "Ukraine Prime Minister";
//! - a venue the gazetteer does not know beside the city it may be in
//!   ("in the Oval Office", "in Washington"), and a gazetteer city beside
//!   its country ("Hiroshima", "Japan");
//! - two legs of one trip that meet on one day ("Japan on June 18-19",
//!   "Vietnam on June 19-20");
//! - a town described by its region ("the Black Sea resort of Sochi");
//! - a present tense after "after" ("After Jana Kraus is sworn in as
//!   Czech president in January"): a holder to come, beside the one in
//!   office;
//! - a qualifier fused by a hyphen to a country ("then-U.S. Defense
//!   Secretary"), and a holder's generational suffix the vocabulary does
//!   not write ("Lloyd J. Austin III").
//!
//! The recall side of each shape: the same folder with one article
//! changed to a real disagreement gives that finding.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn report_of(dir: &Path) -> Value {
    let out = Command::cargo_bin("claimcheck")
        .unwrap()
        .current_dir(repo())
        .env("NO_COLOR", "1")
        .args([
            "check",
            dir.to_str().unwrap(),
            "--format",
            "json",
            "--fail-on",
            "never",
        ])
        .output()
        .unwrap();
    serde_json::from_slice(&out.stdout).unwrap()
}

/// (check, subject) of every finding.
fn findings(report: &Value) -> Vec<(String, String)> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["check"].as_str().unwrap_or_default().to_string(),
                f["subject"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

/// A copy of the fixture folder with `file` replaced by `text`.
fn variant(name: &str, file: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "claimcheck-precision-{name}-{}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for entry in std::fs::read_dir(repo().join("fixtures/precision")).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.join(path.file_name().unwrap())).unwrap();
    }
    std::fs::write(dir.join(file), text).unwrap();
    dir
}

#[test]
fn the_shapes_of_unseen_news_give_no_finding() {
    let report = report_of(&repo().join("fixtures/precision"));
    assert_eq!(findings(&report), Vec::<(String, String)>::new());
}

#[test]
fn a_second_country_for_one_leader_is_still_found() {
    let dir = variant(
        "leader",
        "01-wire.md",
        "---\ndate: 2024-07-09\n---\nUkrainian Prime Minister Tomas Varga met reporters on Monday.\n",
    );
    let found = findings(&report_of(&dir));
    assert!(
        found.contains(&("title-mismatch".into(), "Tomas Varga".into())),
        "{found:?}"
    );
}

#[test]
fn two_cities_for_one_meeting_are_still_found() {
    let dir = variant(
        "cities",
        "01-wire.md",
        "---\ndate: 2024-07-09\n---\nHungarian Prime Minister Tomas Varga met Czech Prime Minister Petra Novakova in Berlin on Monday.\n",
    );
    let found = findings(&report_of(&dir));
    assert!(
        found
            .iter()
            .any(|(check, _)| check == "meeting-place-mismatch"),
        "{found:?}"
    );
}

#[test]
fn two_places_on_one_day_are_still_found() {
    let dir = variant(
        "trip",
        "02-daily.md",
        "---\ndate: 2024-07-09\n---\nTomas Varga will visit Japan on June 18-19, officials said, and Tomas Varga will visit Vietnam on June 18-19.\n",
    );
    let found = findings(&report_of(&dir));
    assert!(
        found
            .iter()
            .any(|(check, _)| check == "event-place-mismatch"),
        "{found:?}"
    );
}
