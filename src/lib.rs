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

/// The `name-form` checks' flags: each rare written form of a name with
/// the common form it misspells, their places appended to the given-name
/// mentions the flags point into.
fn name_form_flags(
    corpus: &Corpus,
    rules: &RuleSet,
    families: &Families,
    reported: &std::collections::HashSet<(corpus::DocId, String)>,
    mentions: &mut Vec<claim::GivenNameMention>,
) -> Vec<checks::Flag> {
    let ids: Vec<usize> = (rules.checks.iter().enumerate())
        .filter(|(_, c)| c.kind == rules::CheckKind::NameForm)
        .map(|(i, _)| i)
        .collect();
    if ids.is_empty() {
        return Vec::new();
    }
    let slips = checks::name_form::slips(&rules.lexicon, corpus, families);
    let mut out = Vec::new();
    // A slip another check reports (a person's name, a venue's) is not
    // reported twice.
    let fresh = |s: &checks::name_form::Slip| {
        !s.rare_at.is_empty()
            && !s
                .rare_at
                .iter()
                .any(|(d, _)| reported.contains(&(*d, s.rare.to_lowercase())))
    };
    for s in slips.into_iter().filter(fresh) {
        let mut place = |at: &[(corpus::DocId, corpus::names::NameForm)]| -> Vec<usize> {
            at.iter()
                .map(|(doc, f)| {
                    let (line, column) = (f.line as usize, f.column as usize);
                    mentions.push(claim::GivenNameMention {
                        doc: *doc,
                        span: f.span,
                        full: s.common.clone(),
                        kind: claim::MentionKind::NameForm,
                        at: source::Located {
                            line,
                            column,
                            end_line: line,
                            end_column: column + f.text.chars().count(),
                            text: f.text.to_string().into(),
                        },
                    });
                    mentions.len() - 1
                })
                .collect()
        };
        let (rare, common) = (place(&s.rare_at), place(&s.common_at));
        let reason = format!(
            "\"{}\" ({} document{}) where {} other documents of the story write \"{}\"",
            s.rare,
            rare.len(),
            if rare.len() == 1 { "" } else { "s" },
            common.len(),
            s.common
        );
        for &check in &ids {
            out.push(checks::Flag {
                check,
                target: checks::Target::NameForm {
                    rare: rare.clone(),
                    common: common.clone(),
                },
                reason: reason.clone(),
            });
        }
    }
    out
}

/// The words, per document, of the names the name checks already find
/// misspelt: the claims of `name-variant` and `spelling` conflicts (their
/// subjects and compared slots) and the flagged given-name mentions.
fn reported_words(
    rules: &RuleSet,
    claims: &[Claim],
    comparisons: &[checks::Comparison],
    flags: &[checks::Flag],
    mentions: &[claim::GivenNameMention],
) -> std::collections::HashSet<(corpus::DocId, String)> {
    use rules::CheckKind;
    let mut out = std::collections::HashSet::new();
    let mut add = |doc: corpus::DocId, text: &str| {
        for w in text
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
        {
            out.insert((doc, w.to_lowercase()));
        }
    };
    for c in comparisons {
        let check = &rules.checks[c.check];
        if c.kind != checks::EdgeKind::Conflict
            || !matches!(check.kind, CheckKind::NameVariant | CheckKind::Spelling)
        {
            continue;
        }
        for id in [c.a, c.b] {
            let claim = &claims[id];
            add(claim.doc, &claim.subject);
            let slot = check.slot.as_deref().unwrap_or_default();
            for f in claim.facts.iter().flat_map(|f| f.get(slot)) {
                add(claim.doc, &f.text);
            }
        }
    }
    for f in flags {
        if let checks::Target::GivenName(all) = &f.target {
            for &i in all {
                add(mentions[i].doc, &mentions[i].at.text);
            }
        }
    }
    out
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
    } = extracted;
    let published: Vec<Option<jiff::civil::Date>> =
        corpus.documents.iter().map(|d| d.published).collect();
    // Independent readers of the claims: on both cores.
    let ((mut comparisons, variants), mut flags) = rayon::join(
        || {
            rayon::join(
                || checks::run(rules, &claims, &published),
                || checks::name_variant::run_all(rules, &claims),
            )
        },
        || checks::run_single(rules, &claims, &dates, &published),
    );
    comparisons.extend(variants);
    flags.extend(checks::name_variant::given_name_flags(rules, &given_names));
    let reported = reported_words(rules, &claims, &comparisons, &flags, &given_names);
    flags.extend(name_form_flags(
        corpus,
        rules,
        &families,
        &reported,
        &mut given_names,
    ));
    let graph = ConflictGraph::build(&comparisons);
    // Sides are ranked by independent sources: copies of one story vote once.
    let components = graph.components(&|c| families.first[claims[c].doc]);
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
