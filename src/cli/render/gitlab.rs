//! `--format gitlab`: a GitLab Code Quality report
//! (<https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format>),
//! for `artifacts: reports: codequality:` in `.gitlab-ci.yml`.
//!
//! One issue per finding, at the outlier's claim (the first claim not on
//! the majority side, as in SARIF); the message names the other sources.
//! The finding's fingerprint identifies the issue across pipelines (made
//! unique within the report if two findings ever share one). Inputs that
//! could not be read are issues of `claimcheck/input` at their file.

use std::collections::BTreeSet;
use std::io::{self, Write};

use claimcheck::corpus::ProblemLevel;
use claimcheck::report::{Report, Side};
use claimcheck::rules::Severity;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

/// Code Quality severities: info, minor, major, critical, blocker.
fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "major",
        Severity::Warning => "minor",
        Severity::Info => "info",
    }
}

pub fn render(out: &mut dyn Write, report: &Report) -> io::Result<()> {
    let mut seen = BTreeSet::new();
    let mut unique = |base: String| {
        let mut fp = base.clone();
        let mut n = 1;
        while !seen.insert(fp.clone()) {
            n += 1;
            fp = format!("{base}-{n}");
        }
        fp
    };
    let mut issues: Vec<Value> = Vec::new();
    for f in &report.findings {
        let Some(c) = f
            .claims
            .iter()
            .find(|c| c.side != Side::Majority)
            .or(f.claims.first())
        else {
            continue;
        };
        let description = match &c.record {
            // Lines are relative to the record's body: say which record.
            Some(r) => format!("{} (record {r})", f.message_with_reason()),
            None => f.message_with_reason(),
        };
        issues.push(json!({
            "type": "issue",
            "description": description,
            "check_name": f.check,
            "categories": ["Bug Risk"],
            "fingerprint": unique(f.fingerprint.clone()),
            "severity": severity(f.severity),
            "location": {
                "path": c.document,
                "lines": {"begin": c.line, "end": c.end_line},
            },
        }));
    }
    for p in &report.problems {
        let mut h = Sha256::new();
        for part in [p.path.as_str(), p.message.as_str()] {
            h.update(part.as_bytes());
            h.update([0]);
        }
        h.update(p.line.unwrap_or(0).to_le_bytes());
        let digest: String = h.finalize()[..8]
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        issues.push(json!({
            "type": "issue",
            "description": p.message,
            "check_name": "claimcheck/input",
            "categories": ["Bug Risk"],
            "fingerprint": unique(digest),
            "severity": if p.level == ProblemLevel::Error { "major" } else { "minor" },
            "location": {"path": p.path, "lines": {"begin": p.line.unwrap_or(1)}},
        }));
    }
    serde_json::to_writer_pretty(&mut *out, &issues)?;
    writeln!(out)
}
