//! `--format human`: miette diagnostics. The outlier's source is the main
//! snippet; every other claim is a related note with its own file, so each
//! span is underlined with its file:line:col.

use std::io::{self, Write};

use claimcheck::corpus::Corpus;
use claimcheck::report::{ClaimRef, Finding, Report, Side};
use claimcheck::rules::Severity as RuleSeverity;
use miette::{LabeledSpan, NamedSource, Severity};

use super::{render_to_string, sanitize, DocIndex, Quote, Report as Diag, Source};

pub fn render(
    out: &mut dyn Write,
    report: &Report,
    corpus: &Corpus,
    color: bool,
) -> io::Result<()> {
    let documents = DocIndex::of(corpus);
    for f in &report.findings {
        out.write_all(render_to_string(&diagnostic(f, &documents), color).as_bytes())?;
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

/// The claim's document, or its quote when the document's text was not
/// read (`check --claims`).
fn source_of(documents: &DocIndex<'_>, c: &ClaimRef) -> Source {
    let doc = documents.get(c);
    let name = sanitize(&match &c.record {
        Some(r) => format!("{}#{r}", c.document),
        None => c.document.clone(),
    });
    match doc {
        Some(d) if d.text.len() >= c.end => Source::Text(NamedSource::new(name, sanitize(&d.text))),
        _ => Source::Quote(Quote {
            name,
            text: sanitize(&c.text),
            start: c.start,
            line: c.line,
            column: c.column,
        }),
    }
}

/// The value underlined, inside what `source` holds (a quote is folded
/// to one line, so the value's offsets are kept inside it).
fn label(c: &ClaimRef, sides: &str, source: &Source) -> LabeledSpan {
    let text = format!("{} \"{}\"", sides, sanitize(&c.shown));
    let (start, end) = match source {
        Source::Text(_) => (c.value_start, c.value_end),
        Source::Quote(q) => {
            let last = q.start + q.text.len();
            (
                c.value_start.clamp(q.start, last),
                c.value_end.clamp(q.start, last),
            )
        }
    };
    LabeledSpan::new(Some(text), start, end.saturating_sub(start))
}

/// A claim's source (read once: it is the whole sanitised document) and
/// its value underlined in it.
fn underlined(documents: &DocIndex<'_>, c: &ClaimRef) -> (Source, LabeledSpan) {
    let source = source_of(documents, c);
    let label = label(c, side_word(c.side), &source);
    (source, label)
}

fn side_word(side: Side) -> &'static str {
    match side {
        Side::Majority => "majority:",
        Side::Minority => "outlier:",
        Side::Tied => "one side:",
    }
}

/// "3 independent sources (5 documents)": copies of one story count once.
pub fn votes(sources: usize, documents: usize) -> String {
    let s = if sources == 1 { "source" } else { "sources" };
    if sources == documents {
        format!("{sources} independent {s}")
    } else {
        format!("{sources} independent {s} ({documents} documents)")
    }
}

/// " (a copy of X)" for a claim whose document copies an earlier one.
fn copy_note(c: &claimcheck::report::ClaimRef) -> String {
    let name = match &c.record {
        Some(r) => format!("{}#{r}", c.document),
        None => c.document.clone(),
    };
    match &c.family {
        Some(first) if *first != name => format!(" (a copy of {})", sanitize(first)),
        _ => String::new(),
    }
}

pub fn diagnostic(f: &Finding, index: &DocIndex<'_>) -> Diag {
    let primary = f
        .claims
        .iter()
        .find(|c| c.side != Side::Majority)
        .unwrap_or(&f.claims[0]);
    let (sources, documents) = f.votes(Side::Majority);
    let related = f
        .claims
        .iter()
        .filter(|c| !std::ptr::eq(*c, primary))
        .map(|c| {
            let (source, label) = underlined(index, c);
            Diag {
                message: format!(
                    "{} {} \"{}\"{}",
                    sanitize(&f.subject),
                    side_word(c.side),
                    sanitize(&c.shown),
                    copy_note(c)
                ),
                code: None,
                severity: Severity::Advice,
                help: None,
                source: Some(source),
                labels: vec![label],
                related: vec![],
            }
        })
        .collect();
    // A finding of one claim (against the vocabulary, a date against
    // itself) has no sides to count; a tie has no majority.
    let standing = if f.claims.iter().any(|c| c.side == Side::Majority) {
        format!("; {} on the majority side", votes(sources, documents))
    } else if f.claims.len() > 1 {
        "; no side has more independent sources".to_string()
    } else {
        String::new()
    };
    let help = format!(
        "{}{standing}. Run `claimcheck explain {}` for what this check means.",
        f.reason, f.check
    );
    let (source, label) = underlined(index, primary);
    Diag {
        message: sanitize(&f.message),
        code: Some(f.check.clone()),
        severity: severity(f.severity),
        help: Some(help),
        source: Some(source),
        labels: vec![label],
        related,
    }
}
