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

mod common;

use common::{check_report, finding_tuples};

#[test]
fn roles_resolve_per_country_and_long_names_are_one_holder() {
    let report = check_report(&["fixtures/leaders"]);
    let found = finding_tuples(&report);
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

/// `fixtures/office-country`: an invented prime minister of Cabo Verde
/// ("Tomas Brito e Lopes", a Portuguese "e" between family names) is
/// "Prime Minister" in three articles, "the prime minister of Cabo Verde"
/// in a fourth, and "President" once in the first: one `title-mismatch`
/// whose only minority claim is the president, since the office with and
/// without its country is one office.
#[test]
fn one_office_with_and_without_its_country_stands_on_one_side() {
    let report = check_report(&["fixtures/office-country"]);
    let found = finding_tuples(&report);
    assert_eq!(found.len(), 1, "{found:#?}");
    let (check, severity, subject, reason) = &found[0];
    assert_eq!(
        (check.as_str(), severity.as_str(), subject.as_str()),
        ("title-mismatch", "error", "Tomas Brito e Lopes")
    );
    assert!(reason.contains("prime minister vs president"), "{reason}");
    let sides = |side: &str| -> Vec<String> {
        report["findings"][0]["claims"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|c| c["side"] == side)
            .map(|c| c["text"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(sides("minority"), ["President Tomas Brito e Lopes"]);
    assert_eq!(sides("majority").len(), 4);
}
