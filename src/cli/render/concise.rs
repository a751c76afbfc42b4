//! `--format concise`: one line per finding,
//! `path:line:col: severity[check] message`, for grep and editors. The
//! location is the first outlier's (the claim the finding is about).

use std::io::{self, Write};

use claimcheck::report::{Report, Side};

use super::sanitize;

pub fn render(out: &mut dyn Write, report: &Report) -> io::Result<()> {
    for f in &report.findings {
        let at = f
            .claims
            .iter()
            .find(|c| c.side != Side::Majority)
            .unwrap_or(&f.claims[0]);
        let doc = match &at.record {
            Some(r) => format!("{}#{r}", at.document),
            None => at.document.clone(),
        };
        writeln!(
            out,
            "{}:{}:{}: {}[{}] {}",
            sanitize(&doc),
            at.line,
            at.column,
            f.severity.as_str(),
            f.check,
            sanitize(&f.message_with_reason()).replace('\n', " ")
        )?;
    }
    Ok(())
}
