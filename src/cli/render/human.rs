//! `--format human`: miette diagnostics. The outlier's source is the main
//! snippet; every other claim is a related note with its own file, so each
//! span is underlined with its file:line:col.

use std::io::{self, Write};

use claimcheck::corpus::Corpus;
use claimcheck::report::{ClaimRef, Finding, Report, Side};
use claimcheck::rules::Severity as RuleSeverity;
use miette::{LabeledSpan, NamedSource, Severity};

use super::{render_to_string, sanitize, Report as Diag};

pub fn render(
    out: &mut dyn Write,
    report: &Report,
    corpus: &Corpus,
    color: bool,
) -> io::Result<()> {
    for f in &report.findings {
        out.write_all(render_to_string(&diagnostic(f, corpus), color).as_bytes())?;
        writeln!(out)?;
    }
    Ok(())
}

fn severity(s: RuleSeverity) -> Severity {
    match s {
        RuleSeverity::Error => Severity::Error,
        RuleSeverity::Warning => Severity::Warning,
        RuleSeverity::Info => Severity::Advice,
    }
}

fn source_of(corpus: &Corpus, c: &ClaimRef) -> NamedSource<String> {
    let doc = corpus
        .documents
        .iter()
        .find(|d| d.path == c.document && d.record == c.record);
    let name = match &c.record {
        Some(r) => format!("{}#{r}", c.document),
        None => c.document.clone(),
    };
    let text = doc.map(|d| sanitize(&d.text)).unwrap_or_default();
    NamedSource::new(sanitize(&name), text)
}

fn label(c: &ClaimRef, sides: &str) -> LabeledSpan {
    let text = format!("{} \"{}\"", sides, sanitize(&c.value));
    LabeledSpan::new(
        Some(text),
        c.value_start,
        c.value_end.saturating_sub(c.value_start),
    )
}

fn side_word(side: Side) -> &'static str {
    match side {
        Side::Majority => "majority:",
        Side::Minority => "outlier:",
        Side::Tied => "one side:",
    }
}

pub fn diagnostic(f: &Finding, corpus: &Corpus) -> Diag {
    let primary = f
        .claims
        .iter()
        .find(|c| c.side != Side::Majority)
        .unwrap_or(&f.claims[0]);
    let majority_docs = f.claims.iter().filter(|c| c.side == Side::Majority).count();
    let related = f
        .claims
        .iter()
        .filter(|c| !std::ptr::eq(*c, primary))
        .map(|c| Diag {
            message: format!(
                "{} {} \"{}\"",
                sanitize(&f.subject),
                side_word(c.side),
                sanitize(&c.value)
            ),
            code: None,
            severity: Severity::Advice,
            help: None,
            source: Some(source_of(corpus, c)),
            labels: vec![label(c, side_word(c.side))],
            related: vec![],
        })
        .collect();
    let help = format!(
        "{}; {} claim(s) on the majority side. Run `claimcheck explain {}` for what this check means.",
        f.reason, majority_docs, f.check
    );
    Diag {
        message: sanitize(&f.message),
        code: Some(f.check.clone()),
        severity: severity(f.severity),
        help: Some(help),
        source: Some(source_of(corpus, primary)),
        labels: vec![label(primary, side_word(primary.side))],
        related,
    }
}
