//! claimcheck: checks that articles agree on who holds which title, and
//! what happened when and where.
//!
//! The pipeline, one module per stage, data flowing one way:
//!
//! ```text
//! paths ─► corpus ─► segment ─► grammar (nom) ─► claim ─► normalize ─► temporal
//!                                                                         │
//! report ◄── graph (petgraph) ◄── checks (YAML rules) ◄───────────────────┘
//! ```
//!
//! ```
//! use claimcheck::{analyze, corpus, rules::RuleSet};
//! let rules = RuleSet::shipped()?;
//! let mut corpus = corpus::Corpus::default();
//! corpus.push(corpus::Document::new("a.txt".into(), None,
//!     "Daniel Kritenbrink, assistant secretary of state for East Asian and Pacific affairs, spoke.".into()));
//! corpus.push(corpus::Document::new("b.txt".into(), None,
//!     "US Under Secretary of State for East Asia Daniel Kritenbrink spoke.".into()));
//! let analysis = analyze(&corpus, &rules);
//! assert_eq!(analysis.report.findings[0].subject, "Daniel Kritenbrink");
//! # Ok::<(), claimcheck::rules::RulesError>(())
//! ```
//!
//! The library never prints and never exits; `src/main.rs` and `src/cli/`
//! own the terminal.

pub mod checks;
pub mod claim;
pub mod corpus;
pub mod grammar;
pub mod graph;
pub mod normalize;
pub mod report;
pub mod rules;
pub mod segment;
pub mod source;
pub mod temporal;

use rayon::prelude::*;

use claim::{Claim, DateClaim};
use corpus::Corpus;
use graph::ConflictGraph;
use report::Report;
use rules::RuleSet;

/// Everything one run produces.
pub struct Analysis {
    pub claims: Vec<Claim>,
    pub dates: Vec<DateClaim>,
    pub graph: ConflictGraph,
    pub report: Report,
}

/// Title claims and date claims of a corpus, in document order.
pub struct Extracted {
    pub claims: Vec<Claim>,
    pub dates: Vec<DateClaim>,
}

/// Extracts the title claims of every document (in parallel).
pub fn extract(corpus: &Corpus, rules: &RuleSet) -> Vec<Claim> {
    extract_all(corpus, rules, &|| {}).claims
}

/// [`extract`] plus date claims, calling `on_document` after each document
/// (for progress).
pub fn extract_all(corpus: &Corpus, rules: &RuleSet, on_document: &(dyn Fn() + Sync)) -> Extracted {
    let per_doc: Vec<(Vec<Claim>, Vec<DateClaim>)> = corpus
        .documents
        .par_iter()
        .enumerate()
        .map(|(id, doc)| {
            let claims = document_claims(rules, id, doc);
            let dates = document_dates(id, doc);
            on_document();
            (claims, dates)
        })
        .collect();
    let mut claims = Vec::new();
    let mut dates = Vec::new();
    for (c, d) in per_doc {
        claims.extend(c);
        dates.extend(d);
    }
    normalize::unify_subjects(&rules.lexicon, &mut claims);
    Extracted { claims, dates }
}

/// Date expressions resolved against the publication date, nearest
/// occurrence first (news reports both what happened and what will).
fn document_dates(id: corpus::DocId, doc: &corpus::Document) -> Vec<DateClaim> {
    let body = &doc.text[doc.body_start..];
    temporal::find_dates(body, doc.published, temporal::Bias::Nearest)
        .into_iter()
        .map(|m| DateClaim {
            doc: id,
            span: source::Span::new(doc.body_start + m.start, doc.body_start + m.end),
            value: m.value,
            weekday_mismatch: m.weekday_mismatch,
        })
        .collect()
}

fn document_claims(rules: &RuleSet, id: corpus::DocId, doc: &corpus::Document) -> Vec<Claim> {
    let mut raw = Vec::new();
    let mut names = Vec::new();
    for span in segment::sentences(&doc.text, doc.body_start) {
        let (claims, found) = grammar::analyze_sentence(&rules.lexicon, &doc.text, span);
        raw.extend(claims);
        names.extend(found);
    }
    normalize::document_claims(rules, id, &raw, &doc.text, &names)
}

/// The whole pipeline: claims, checks, conflict graph, report.
pub fn analyze(corpus: &Corpus, rules: &RuleSet) -> Analysis {
    analyze_claims(corpus, rules, extract_all(corpus, rules, &|| {}))
}

/// Checks already-extracted claims.
pub fn analyze_claims(corpus: &Corpus, rules: &RuleSet, extracted: Extracted) -> Analysis {
    let Extracted { claims, dates } = extracted;
    let comparisons = checks::run(rules, &claims);
    let flags = checks::run_single(rules, &dates);
    let graph = ConflictGraph::build(&comparisons);
    let components = graph.components(&|c| claims[c].doc);
    let report = report::build(corpus, rules, &claims, &dates, &components, &flags);
    Analysis {
        claims,
        dates,
        graph,
        report,
    }
}
