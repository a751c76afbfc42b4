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

use claim::Claim;
use corpus::Corpus;
use graph::ConflictGraph;
use report::Report;
use rules::RuleSet;

/// Everything one run produces.
pub struct Analysis {
    pub claims: Vec<Claim>,
    pub graph: ConflictGraph,
    pub report: Report,
}

/// Extracts the claims of every document (in parallel), in document order.
pub fn extract(corpus: &Corpus, rules: &RuleSet) -> Vec<Claim> {
    extract_observed(corpus, rules, &|| {})
}

/// [`extract`], calling `on_document` after each document (for progress).
pub fn extract_observed(
    corpus: &Corpus,
    rules: &RuleSet,
    on_document: &(dyn Fn() + Sync),
) -> Vec<Claim> {
    let per_doc: Vec<Vec<Claim>> = corpus
        .documents
        .par_iter()
        .enumerate()
        .map(|(id, doc)| {
            let claims = document_claims(rules, id, doc);
            on_document();
            claims
        })
        .collect();
    let mut claims: Vec<Claim> = per_doc.into_iter().flatten().collect();
    normalize::unify_subjects(&rules.lexicon, &mut claims);
    claims
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
    let claims = extract(corpus, rules);
    analyze_claims(corpus, rules, claims)
}

/// Checks already-extracted claims.
pub fn analyze_claims(corpus: &Corpus, rules: &RuleSet, claims: Vec<Claim>) -> Analysis {
    let comparisons = checks::run(rules, &claims);
    let graph = ConflictGraph::build(&comparisons);
    let components = graph.components(&|c| claims[c].doc);
    let report = report::build(corpus, rules, &claims, &components);
    Analysis {
        claims,
        graph,
        report,
    }
}
