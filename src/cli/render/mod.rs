//! Renderers: one per output format, all fed the same data.

pub mod concise;
pub mod github;
pub mod gitlab;
pub mod html;
pub mod human;
pub mod json;
pub mod sarif;

use std::collections::HashMap;
use std::io::{self, IsTerminal, Write};

use claimcheck::corpus::{Corpus, Document, InputProblem, ProblemLevel};
use claimcheck::report::ClaimRef;
use claimcheck::rules::RulesError;
use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, Severity,
};

/// The corpus's documents by path and record, built once per report: a
/// report quotes a few claims of each finding, and a scan of the whole
/// corpus per claim costs findings × documents (most of a large run's
/// rendering). The first document of a path and record is kept, as a
/// scan in corpus order finds it.
pub struct DocIndex<'a>(HashMap<(&'a str, Option<&'a str>), &'a Document>);

impl<'a> DocIndex<'a> {
    pub fn of(corpus: &'a Corpus) -> DocIndex<'a> {
        let mut by_name = HashMap::with_capacity(corpus.documents.len());
        for d in &corpus.documents {
            by_name
                .entry((d.path.as_str(), d.record.as_deref()))
                .or_insert(d);
        }
        DocIndex(by_name)
    }

    /// The document a claim was read in, if the corpus holds it.
    pub fn get(&self, c: &ClaimRef) -> Option<&'a Document> {
        self.0
            .get(&(c.document.as_str(), c.record.as_deref()))
            .copied()
    }
}

/// A miette diagnostic built from plain data.
#[derive(Debug)]
pub struct Report {
    pub message: String,
    pub code: Option<String>,
    pub severity: Severity,
    pub help: Option<String>,
    pub source: Option<Source>,
    pub labels: Vec<LabeledSpan>,
    pub related: Vec<Report>,
}

impl std::fmt::Display for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Report {}

impl Diagnostic for Report {
    fn code<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        self.code
            .as_ref()
            .map(|c| Box::new(c) as Box<dyn std::fmt::Display>)
    }
    fn severity(&self) -> Option<Severity> {
        Some(self.severity)
    }
    fn help<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn std::fmt::Display>)
    }
    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.source.as_ref().map(|s| match s {
            Source::Text(t) => t as &dyn miette::SourceCode,
            Source::Quote(q) => q as &dyn miette::SourceCode,
        })
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        if self.labels.is_empty() {
            None
        } else {
            Some(Box::new(self.labels.iter().cloned()))
        }
    }
    fn related<'a>(&'a self) -> Option<Box<dyn Iterator<Item = &'a dyn Diagnostic> + 'a>> {
        if self.related.is_empty() {
            None
        } else {
            Some(Box::new(self.related.iter().map(|r| r as &dyn Diagnostic)))
        }
    }
}

/// What a diagnostic underlines: the document's text, or, when only its
/// claims were read (`check --claims`), the quoted span itself.
#[derive(Debug)]
pub enum Source {
    Text(NamedSource<String>),
    Quote(Quote),
}

/// One quoted span standing in for its document: shown at its real line
/// and column, with byte offsets as in the document (`start` is where the
/// quote begins).
#[derive(Debug)]
pub struct Quote {
    pub name: String,
    pub text: String,
    pub start: usize,
    pub line: usize,
    pub column: usize,
}

impl miette::SourceCode for Quote {
    fn read_span<'a>(
        &'a self,
        _span: &miette::SourceSpan,
        _before: usize,
        _after: usize,
    ) -> Result<Box<dyn miette::SpanContents<'a> + 'a>, miette::MietteError> {
        Ok(Box::new(miette::MietteSpanContents::new_named(
            self.name.clone(),
            self.text.as_bytes(),
            miette::SourceSpan::new(self.start.into(), self.text.len()),
            self.line.saturating_sub(1),
            self.column.saturating_sub(1),
            1,
        )))
    }
}

/// A graphical handler: colour when asked, fixed width so output is stable.
pub fn handler(color: bool) -> GraphicalReportHandler {
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    GraphicalReportHandler::new_themed(theme)
        .with_width(100)
        .with_links(false)
}

pub fn render_to_string(report: &Report, color: bool) -> String {
    let mut s = String::new();
    let _ = handler(color).render_report(&mut s, report);
    s
}

fn stderr_color() -> bool {
    io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// Every rule problem, each pointing into its file.
pub fn rules_error(e: &RulesError) {
    let mut err = io::stderr().lock();
    for p in &e.problems {
        let source = e
            .sources
            .get(&p.file)
            .map(|text| Source::Text(NamedSource::new(&p.file, text.clone())));
        let labels = if source.is_some() {
            vec![LabeledSpan::new(Some("here".into()), p.offset, 1)]
        } else {
            vec![]
        };
        let where_ = if p.line > 0 {
            format!("{}:{}:{}: ", p.file, p.line, p.column)
        } else {
            format!("{}: ", p.file)
        };
        let report = Report {
            message: format!("{where_}{}", p.message),
            code: Some("claimcheck::rules".into()),
            severity: Severity::Error,
            help: p.help.clone(),
            source,
            labels,
            related: vec![],
        };
        let _ = write!(err, "{}", render_to_string(&report, stderr_color()));
    }
    let _ = writeln!(
        err,
        "claimcheck: {} problem(s) in rule files; nothing was checked",
        e.problems.len()
    );
}

/// Input problems, one line each: `path[:line]: level: message`.
pub fn input_problems(problems: &[InputProblem]) {
    let mut err = io::stderr().lock();
    for p in problems {
        let level = match p.level {
            ProblemLevel::Error => "error",
            ProblemLevel::Warning => "warning",
        };
        let at = p.line.map(|l| format!(":{l}")).unwrap_or_default();
        let _ = writeln!(
            err,
            "claimcheck: {level}: {}{at}: {}",
            sanitize(&p.path),
            p.message
        );
    }
}

/// Control characters (terminal escapes) from documents never reach the
/// terminal raw.
pub fn sanitize(s: &str) -> String {
    s.chars()
        .map(|c| {
            let control = c.is_control() && c != '\n' && c != '\t';
            // Bidirectional overrides and isolates could reorder what the
            // terminal shows.
            let bidi = matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
            if control || bidi {
                '\u{FFFD}'
            } else {
                c
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::sanitize;

    #[test]
    fn escapes_and_bidi_overrides_are_replaced() {
        assert_eq!(
            sanitize("a\u{1b}[31mb\u{202E}c\nd"),
            "a\u{FFFD}[31mb\u{FFFD}c\nd"
        );
    }
}
