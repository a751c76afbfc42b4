//! `--format sarif`: SARIF 2.1.0 for code-scanning uploads
//! (<https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html>).
//!
//! One result per finding: the outlier's claim is `locations`, every other
//! claim a `relatedLocations` entry; rule metadata (with the check's
//! description as help) sits in `tool.driver.rules`; the finding's
//! fingerprint is the stable `partialFingerprints` value. Inputs that could
//! not be read are `toolExecutionNotifications` of the invocation.

use std::io::{self, Write};

use claimcheck::corpus::ProblemLevel;
use claimcheck::report::{ClaimRef, Report, Side};
use claimcheck::rules::Severity;
use claimcheck::RuleSet;
use serde_json::{json, Value};

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn location(c: &ClaimRef, id: Option<usize>) -> Value {
    let mut loc = json!({
        "physicalLocation": {
            "artifactLocation": {"uri": uri(&c.document)},
            "region": {
                "startLine": c.line,
                "startColumn": c.column,
                "endLine": c.end_line,
                "endColumn": c.end_column,
                "snippet": {"text": c.text},
            }
        },
        "message": {"text": format!("{}: \"{}\"", side_word(c.side), c.shown)},
    });
    if let Some(record) = &c.record {
        // Lines and columns are relative to the record's body.
        loc["logicalLocations"] = json!([{"name": record, "kind": "record"}]);
    }
    if let Some(id) = id {
        loc["id"] = json!(id);
    }
    loc
}

fn side_word(side: Side) -> &'static str {
    match side {
        Side::Majority => "majority",
        Side::Minority => "outlier",
        Side::Tied => "one side",
    }
}

/// Relative paths as URIs: forward slashes, spaces and `%` escaped.
fn uri(path: &str) -> String {
    path.replace('\\', "/")
        .replace('%', "%25")
        .replace(' ', "%20")
        .replace('#', "%23")
}

pub fn render(out: &mut dyn Write, report: &Report, rules: &RuleSet) -> io::Result<()> {
    let rule_list: Vec<Value> = rules
        .checks
        .iter()
        .map(|c| {
            let short = c.description.split("\n\n").next().unwrap_or("").replace('\n', " ");
            json!({
                "id": c.id,
                "name": c.id,
                "shortDescription": {"text": first_sentence(&short)},
                "fullDescription": {"text": c.description.trim()},
                "help": {"text": format!("{}\n\nRun `claimcheck explain {}` for examples. Defined in {}.", c.description.trim(), c.id, c.file)},
                "defaultConfiguration": {"level": level(c.severity)},
            })
        })
        .collect();
    let results: Vec<Value> = report
        .findings
        .iter()
        .map(|f| {
            let primary = f
                .claims
                .iter()
                .position(|c| c.side != Side::Majority)
                .unwrap_or(0);
            let related: Vec<Value> = f
                .claims
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != primary)
                .map(|(i, c)| location(c, Some(i)))
                .collect();
            json!({
                "ruleId": f.check,
                "ruleIndex": rules.checks.iter().position(|c| c.id == f.check).unwrap_or(0),
                "level": level(f.severity),
                "message": {"text": f.message_with_reason()},
                "locations": [location(&f.claims[primary], None)],
                "relatedLocations": related,
                "partialFingerprints": {"claimcheck/v1": f.fingerprint},
                "properties": {"subject": f.subject, "relation": f.relation},
            })
        })
        .collect();
    let notifications: Vec<Value> = report
        .problems
        .iter()
        .map(|p| {
            json!({
                "level": if p.level == ProblemLevel::Error { "error" } else { "warning" },
                "message": {"text": format!("{}{}: {}", p.path, p.line.map(|l| format!(":{l}")).unwrap_or_default(), p.message)},
            })
        })
        .collect();
    let sarif = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "claimcheck",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://github.com/claimcheck/claimcheck",
                "rules": rule_list,
            }},
            "invocations": [{
                "executionSuccessful": !report.problems.iter().any(|p| p.level == ProblemLevel::Error),
                "toolExecutionNotifications": notifications,
            }],
            "results": results,
        }],
    });
    serde_json::to_writer_pretty(&mut *out, &sarif)?;
    writeln!(out)
}

fn first_sentence(text: &str) -> String {
    match text.find(". ") {
        Some(i) => text[..=i].to_string(),
        None => text.trim().to_string(),
    }
}
