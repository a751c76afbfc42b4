//! Accepted disagreements: baselines and suppressions.
//!
//! A *baseline* records the fingerprints of the findings a project already
//! knows about; a later run reports only new ones, and lists baseline
//! entries that no longer match anything (stale). Fingerprints come from
//! check, subject, values and documents — not positions — so editing
//! elsewhere in a file does not bring a finding back.
//!
//! A *suppression* accepts one disagreement for a stated reason ("Patel was
//! deputy spokesperson; 'spokesman' is accepted usage"). The reason is
//! required; a suppression that matches nothing is reported.

use serde::{Deserialize, Serialize};

use super::{Finding, Report};

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct BaselineEntry {
    pub fingerprint: String,
    pub check: String,
    pub subject: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Baseline {
    pub version: u32,
    pub findings: Vec<BaselineEntry>,
}

impl Baseline {
    /// The baseline that accepts every finding of `report`.
    pub fn of(report: &Report) -> Baseline {
        let mut findings: Vec<BaselineEntry> = report.findings.iter().map(entry).collect();
        findings.sort();
        findings.dedup();
        Baseline {
            version: 1,
            findings,
        }
    }
}

fn entry(f: &Finding) -> BaselineEntry {
    BaselineEntry {
        fingerprint: f.fingerprint.clone(),
        check: f.check.clone(),
        subject: f.subject.clone(),
    }
}

/// One accepted disagreement.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Suppression {
    pub check: String,
    pub subject: String,
    /// Only when some claim of the finding has this value (case-insensitive).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    pub reason: String,
}

/// The suppression file: `suppressions: [{check, subject, value?, reason}]`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SuppressionFile {
    pub suppressions: Vec<Suppression>,
}

impl SuppressionFile {
    /// Parses the YAML text; every entry needs a non-empty reason.
    pub fn parse(text: &str) -> Result<Vec<Suppression>, String> {
        let file: SuppressionFile =
            crate::rules::yaml::from_str(text).map_err(|e| match e.line {
                Some(l) => format!("line {l}: {}", e.message),
                None => e.message,
            })?;
        let missing: Vec<String> = file
            .suppressions
            .iter()
            .filter(|s| s.reason.trim().is_empty())
            .map(|s| format!("{} on {}", s.check, s.subject))
            .collect();
        if missing.is_empty() {
            Ok(file.suppressions)
        } else {
            Err(format!(
                "every suppression needs a reason; missing for: {}",
                missing.join(", ")
            ))
        }
    }
}

/// A finding left out of the report, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Accepted {
    pub fingerprint: String,
    pub check: String,
    pub subject: String,
    /// The suppression's reason, or "baseline".
    pub reason: String,
}

impl Suppression {
    fn matches(&self, f: &Finding) -> bool {
        self.check == f.check
            && self.subject.eq_ignore_ascii_case(&f.subject)
            && self
                .value
                .as_ref()
                .is_none_or(|v| f.claims.iter().any(|c| c.value.eq_ignore_ascii_case(v)))
    }
}

/// Removes baselined and suppressed findings from `report`, recording
/// them, the stale baseline entries and the unused suppressions.
pub fn apply(report: &mut Report, baseline: Option<&Baseline>, suppressions: &[Suppression]) {
    let mut used = vec![false; suppressions.len()];
    let mut baseline_used = vec![false; baseline.map_or(0, |b| b.findings.len())];
    let mut kept = Vec::new();
    for f in std::mem::take(&mut report.findings) {
        if let Some(i) = suppressions.iter().position(|s| s.matches(&f)) {
            used[i] = true;
            report.accepted.push(accepted(&f, &suppressions[i].reason));
            continue;
        }
        let in_baseline = baseline.and_then(|b| {
            b.findings
                .iter()
                .position(|e| e.fingerprint == f.fingerprint)
        });
        if let Some(i) = in_baseline {
            baseline_used[i] = true;
            report.accepted.push(accepted(&f, "baseline"));
            continue;
        }
        kept.push(f);
    }
    report.findings = kept;
    if let Some(b) = baseline {
        report.stale_baseline = b
            .findings
            .iter()
            .zip(&baseline_used)
            .filter(|(_, u)| !**u)
            .map(|(e, _)| e.clone())
            .collect();
    }
    report.unused_suppressions = suppressions
        .iter()
        .zip(&used)
        .filter(|(_, u)| !**u)
        .map(|(s, _)| s.clone())
        .collect();
    report.summary = super::Summary::of(&report.findings);
}

fn accepted(f: &Finding, reason: &str) -> Accepted {
    Accepted {
        fingerprint: f.fingerprint.clone(),
        check: f.check.clone(),
        subject: f.subject.clone(),
        reason: reason.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suppression_without_reason_is_rejected() {
        let err =
            SuppressionFile::parse("suppressions:\n  - {check: c, subject: s, reason: \"\"}\n")
                .unwrap_err();
        assert!(err.contains("needs a reason"), "{err}");
        assert!(SuppressionFile::parse("suppressions:\n  - {check: c, subject: s}\n").is_err());
    }

    #[test]
    fn suppression_parses() {
        let s = SuppressionFile::parse(
            "suppressions:\n  - {check: c, subject: s, reason: accepted usage}\n",
        )
        .unwrap();
        assert_eq!(s[0].reason, "accepted usage");
    }
}
