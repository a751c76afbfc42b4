//! Offices over time (issue 17): `fixtures/offices`, articles about invented
//! people of invented countries (`fixtures/offices/countries.yaml` adds the
//! countries), one directory per situation:
//!
//! - `return/`: an office held by A, then B, then A again with no word of a
//!   change (a warning), beside another country's office of the same head
//!   word whose dates interleave (never merged);
//! - `succession/`: A, then B from a date on, A "former": no finding;
//! - `dropped/`: a list that dropped a name gives one person two offices of
//!   one government on one day (info); a joint portfolio is one office;
//! - `variant/`: "Interior Secretary" and "Interior Minister" of one
//!   country are one office, so a spelling change on it is a name variant;
//! - `impostors/`: two articles each give the president's office to a
//!   different wrong person: two findings, one per wrong holder.
//!
//! The Reuters year (`../shared`, read in place and skipped when absent)
//! must show the cases found there and no other-country merge.

mod common;

use common::{check_report as check, finding_tuples, repo};
use serde_json::Value;

/// (check, severity, subject, reason) of every finding, in report order.
fn findings(dir: &str) -> Vec<(String, String, String, String)> {
    finding_tuples(&check(&[
        "--rules",
        "fixtures/offices/countries.yaml",
        &format!("fixtures/offices/{dir}"),
    ]))
}

fn owned(f: (&str, &str, &str, &str)) -> (String, String, String, String) {
    (f.0.into(), f.1.into(), f.2.into(), f.3.into())
}

#[test]
fn a_holder_in_between_is_a_warning_and_another_country_is_not_merged() {
    assert_eq!(
        findings("return"),
        [owned((
            "office-holder-return",
            "warning",
            "interior minister/secretary (Ruritania)",
            "interior minister/secretary (Ruritania) is given to Anna Vellacott on 1987-03-02 \
             and 1987-03-16 but to Boris Quillan on 1987-03-09 in between, with no word of a \
             change of holder"
        ))]
    );
}

#[test]
fn a_succession_with_the_former_holder_named_former_is_not_flagged() {
    assert_eq!(findings("succession"), []);
}

#[test]
fn a_list_that_dropped_a_name_gives_two_offices_on_one_day() {
    assert_eq!(
        findings("dropped"),
        [owned((
            "two-offices-one-day",
            "info",
            "Tomas Pradel",
            "Tomas Pradel is given two offices of one government (Borduria) on 1987-03-02: \
             defence minister and army chief; a list may have dropped a name, or one title is wrong"
        ))]
    );
}

#[test]
fn two_wrong_holders_of_one_office_are_two_findings() {
    let overlap = |other: &str, day: &str| {
        owned((
            "office-holder-overlap",
            "warning",
            "president of Ruritania",
            &format!(
                "president of Ruritania has one holder, but Anna Vellacott (1987-04-06 to \
                 1987-04-07) and {other} ({day}) overlap"
            ),
        ))
    };
    assert_eq!(
        findings("impostors"),
        [
            overlap("Boris Quillan", "1987-04-07"),
            overlap("Carl Ostrander", "1987-04-07")
        ]
    );
}

#[test]
fn a_spelling_change_on_one_office_under_two_head_words_is_a_name_variant() {
    assert_eq!(
        findings("variant"),
        [owned((
            "name-variant",
            "warning",
            "Anna Vellacott",
            "one person spelled two ways: Anna Vellacot vs Anna Vellacott"
        ))]
    );
}

/// Checks that read claims report each situation where the Reuters year
/// has it, and no office of two countries.
#[test]
fn reuters_office_histories() {
    let corpus = repo().join("../shared/corpora/reuters21578/reuters21578.jsonl.gz");
    if !corpus.exists() {
        eprintln!("skipped: {} not found", corpus.display());
        return;
    }
    let report = check(&[corpus.to_str().unwrap()]);
    let all = report["findings"].as_array().unwrap();
    let of = |check: &str| -> Vec<&Value> { all.iter().filter(|f| f["check"] == check).collect() };
    let subjects = |fs: &[&Value]| -> Vec<String> {
        fs.iter()
            .map(|f| f["subject"].as_str().unwrap().to_string())
            .collect()
    };
    // A-B-A: Energy Secretary Herrington, "Energy Secretary Donald Hodel"
    // on June 2 (Interior Secretary then), Herrington again.
    let returns = of("office-holder-return");
    assert_eq!(subjects(&returns), ["energy minister/secretary (U.S.)"]);
    let records = |f: &Value| -> Vec<String> {
        f["claims"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|c| c["side"] == "minority")
            .map(|c| c["record"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(records(returns[0]), ["18066", "18108"]);
    // Two offices of one government on one day: Treasury Secretary and
    // Finance Minister of Argentina for Mario Brodersohn.
    assert_eq!(subjects(&of("two-offices-one-day")), ["Mario Brodersohn"]);
    // One office under two head words: Finance Secretary / Finance
    // Minister Jaime Ongpin, and "Jamie Ongpin" on it.
    assert!(of("name-variant")
        .iter()
        .any(|f| f["reason"] == "one person spelled two ways: Jaime Ongpin vs Jamie Ongpin"));
    // Never two countries in one office finding.
    for f in of("office-holder-return") {
        let subject = f["subject"].as_str().unwrap();
        assert!(subject.ends_with("(U.S.)"), "{subject}");
    }
}
