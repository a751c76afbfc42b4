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
//! | module | what it is |
//! | --- | --- |
//! | [`corpus`] | paths, archives and stdin → documents with publication dates |
//! | [`segment`] | text → sentences with byte spans |
//! | [`grammar`] | sentence tokens → person–title matches (nom), names |
//! | [`temporal`] | date expressions → intervals against the publication date |
//! | [`rules`] | the rule model: YAML read and validated, with positions |
//! | [`ruleset`] | the model compiled: word lookups, office index, pattern matchers |
//! | [`patterns`] | rule patterns compiled and matched over tokens |
//! | [`normalize`] | titles to canonical form, the office index, name identity |
//! | [`claim`] | claims as plain data |
//! | [`extract`] | a document → its claims, one file per claim kind |
//! | [`family`] | documents → copy families (near-duplicates by MinHash) |
//! | [`checks`] | claims + rules → comparisons and flags |
//! | [`graph`] | the conflict graph (petgraph behind a small type) |
//! | [`report`] | findings as data, for the CLI's renderers |
//! | [`store`] | claims files and the claims cache |
//!
//! Layers, each depending only on those above it: `source`/`text`/`family`;
//! `rules` (the model); `segment`, `temporal`, `grammar`; `claim`;
//! `normalize`; `patterns`; `ruleset`; `extract`; `checks`, `graph`,
//! `report`, `store`. `tests/layers.rs` checks this order over the `crate::`
//! references of each module.
//!
//! ```
//! use claimcheck::{analyze, corpus, RuleSet};
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
pub mod config;
pub mod corpus;
pub mod distributed;
pub mod extract;
pub mod family;
pub mod grammar;
pub mod graph;
pub mod normalize;
pub mod patterns;
pub mod report;
pub mod rules;
pub mod ruleset;
pub mod segment;
pub mod source;
pub mod store;
pub mod temporal;
pub mod text;

use claim::{Claim, DateClaim};
use corpus::Corpus;
use family::{Families, Signature};
use graph::ConflictGraph;
use report::Report;

pub use extract::{
    extract, extract_all, extract_document, extract_streaming, DocClaims, Extracted,
};
pub use ruleset::RuleSet;
pub use store::cache::extract_cached;

/// Everything one run produces.
pub struct Analysis {
    /// Which documents are copies of which.
    pub families: Families,
    pub claims: Vec<Claim>,
    pub dates: Vec<DateClaim>,
    pub graph: ConflictGraph,
    pub report: Report,
}

/// The whole pipeline: claims, checks, conflict graph, report.
pub fn analyze(corpus: &Corpus, rules: &RuleSet) -> Analysis {
    analyze_claims(corpus, rules, extract_all(corpus, rules, &|_| {}))
}

/// The copy families of a corpus's documents: signatures read from claims
/// files, else computed from the texts (in parallel). When every document
/// names its family (a partition of a distributed check: families were
/// found over the whole run), documents naming one family are one family.
pub fn families(corpus: &Corpus) -> Families {
    use rayon::prelude::*;
    let named = !corpus.documents.is_empty() && corpus.documents.iter().all(|d| d.family.is_some());
    if named {
        let mut first: std::collections::HashMap<&str, usize> = Default::default();
        let firsts: Vec<usize> = corpus
            .documents
            .iter()
            .enumerate()
            .map(|(i, d)| *first.entry(d.family.as_deref().unwrap_or("")).or_insert(i))
            .collect();
        let mut counts = vec![0usize; firsts.len()];
        for &f in &firsts {
            counts[f] += 1;
        }
        let size = firsts.iter().map(|&f| counts[f]).collect();
        return Families {
            first: firsts,
            size,
        };
    }
    // Signatures already read or taken are borrowed, not copied (256
    // bytes a document).
    let signatures: Vec<std::borrow::Cow<'_, Signature>> = corpus
        .documents
        .par_iter()
        .map(|d| match &d.signature {
            Some(s) => std::borrow::Cow::Borrowed(s),
            None => std::borrow::Cow::Owned(Signature::of(d.title.as_deref(), &d.text)),
        })
        .collect();
    let published: Vec<_> = corpus.documents.iter().map(|d| d.published).collect();
    Families::group(&signatures, &published)
}

/// Checks already-extracted claims.
pub fn analyze_claims(corpus: &Corpus, rules: &RuleSet, extracted: Extracted) -> Analysis {
    analyze_claims_in_families(corpus, rules, extracted, families(corpus))
}

/// [`analyze_claims`] with the corpus's copy families already computed
/// ([`families`]), so a caller can time the two apart.
pub fn analyze_claims_in_families(
    corpus: &Corpus,
    rules: &RuleSet,
    extracted: Extracted,
    families: Families,
) -> Analysis {
    let Extracted {
        claims,
        dates,
        mut given_names,
        dates_dropped,
        names,
    } = extracted;
    let published: Vec<Option<jiff::civil::Date>> =
        corpus.documents.iter().map(|d| d.published).collect();
    // Independent readers of the claims and written forms: on both cores.
    let (((mut comparisons, variants), mut flags), slips) = rayon::join(
        || {
            rayon::join(
                || {
                    rayon::join(
                        || checks::run(rules, &claims, &published),
                        || checks::name_variant::run_all(rules, &claims),
                    )
                },
                || checks::run_single(rules, &claims, &dates, &published),
            )
        },
        || checks::name_form::candidates(rules, &names, &families),
    );
    // The written forms are read: freed before the report is built.
    drop(names);
    comparisons.extend(variants);
    flags.extend(checks::name_variant::given_name_flags(rules, &given_names));
    let slip_flags = checks::name_form::flags(
        rules,
        slips,
        &claims,
        (&comparisons, &mut flags),
        &mut given_names,
    );
    flags.extend(slip_flags);
    let graph = ConflictGraph::build(&comparisons);
    // The graph holds every edge: the comparisons' memory goes to the
    // components and the report (issue 19).
    drop(comparisons);
    // Sides are ranked by independent sources: copies of one story vote
    // once. Only components with a conflict reach a report.
    let components = graph.conflicting_components(&|c| families.first[claims[c].doc]);
    let mut report = report::build(
        corpus,
        rules,
        &claims,
        &dates,
        &given_names,
        &components,
        &flags,
        &families,
    );
    report.claims += dates_dropped;
    Analysis {
        families,
        claims,
        dates,
        graph,
        report,
    }
}
