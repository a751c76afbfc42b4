//! `--format github`: GitHub Actions workflow commands
//! (<https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions>).
//!
//! One `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`
//! per finding at the outlier, plus a `::notice` for each other side's
//! claim. Data is escaped as GitHub requires: `%`, CR and LF everywhere,
//! and `:` and `,` inside property values.

use std::io::{self, Write};

use claimcheck::corpus::ProblemLevel;
use claimcheck::report::{Report, Side};
use claimcheck::rules::Severity;

/// Escapes a message body; other control characters (terminal escapes
/// from documents: the Actions log renders ANSI colours) become U+FFFD.
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
        .chars()
        .map(|c| {
            if c.is_control() && c != '\t' {
                '\u{FFFD}'
            } else {
                c
            }
        })
        .collect()
}

/// Escapes a property value (`file=`, `title=`).
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

pub fn render(out: &mut dyn Write, report: &Report) -> io::Result<()> {
    for f in &report.findings {
        let kind = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        for c in &f.claims {
            let (cmd, msg) = if c.side == Side::Majority {
                (
                    "notice",
                    format!("{} — majority side: \"{}\"", f.subject, c.shown),
                )
            } else {
                (kind, f.message_with_reason())
            };
            writeln!(
                out,
                "::{cmd} file={},line={},col={},endLine={},endColumn={},title={}::{}",
                escape_property(&c.document),
                c.line,
                c.column,
                c.end_line,
                c.end_column,
                escape_property(&format!("claimcheck {}", f.check)),
                escape_data(&msg)
            )?;
        }
    }
    for p in &report.problems {
        let cmd = if p.level == ProblemLevel::Error {
            "error"
        } else {
            "warning"
        };
        let line = p.line.map(|l| format!(",line={l}")).unwrap_or_default();
        writeln!(
            out,
            "::{cmd} file={}{line},title=claimcheck input::{}",
            escape_property(&p.path),
            escape_data(&p.message)
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newlines_and_separators_are_escaped() {
        assert_eq!(escape_data("a%b\nc\r"), "a%25b%0Ac%0D");
        assert_eq!(escape_property("x:y,z"), "x%3Ay%2Cz");
    }
}
