//! JSON renderers: the `check --format json` report, `claims --format
//! jsonl` lines and `graph --format json`, as in DESIGN.md's contract.

use std::io::{self, Write};

use claimcheck::corpus::Corpus;
use claimcheck::report::Report;
use claimcheck::store::{self, DocMeta};
use claimcheck::RuleSet;
use claimcheck::{Analysis, Extracted};
use rayon::prelude::*;
use serde_json::json;

pub fn report(out: &mut dyn Write, report: &Report) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, report)?;
    writeln!(out)
}

/// Title and date claims, one JSON object a line, by document and offset
/// (with `documents`, each document's line first).
pub fn claims(
    out: &mut dyn Write,
    corpus: &Corpus,
    rules: &RuleSet,
    extracted: &Extracted,
    documents: bool,
) -> io::Result<()> {
    let metas: Vec<DocMeta> = corpus
        .documents
        .par_iter()
        .map(|d| {
            let meta = DocMeta::of(d, rules);
            if documents {
                meta.signed(d)
            } else {
                meta
            }
        })
        .collect();
    store::write(out, &metas, extracted, documents)
}

pub fn graph(
    out: &mut dyn Write,
    corpus: &Corpus,
    rules: &RuleSet,
    a: &Analysis,
) -> io::Result<()> {
    let edges = a.graph.edges();
    let mut nodes: Vec<usize> = edges.iter().flat_map(|e| [e.0, e.1]).collect();
    nodes.sort_unstable();
    nodes.dedup();
    let nodes: Vec<_> = nodes
        .iter()
        .map(|&n| {
            let c = &a.claims[n];
            let meta = DocMeta::of(&corpus.documents[c.doc], rules);
            let mut v = serde_json::to_value(store::claim_line(&meta, c)).unwrap_or_default();
            v["id"] = json!(n);
            // The first document of its copy family (itself when alone).
            let first = a.families.first.get(c.doc).copied().unwrap_or(c.doc);
            v["family"] = json!(corpus.documents[first].display_name());
            v
        })
        .collect();
    let edges: Vec<_> = edges
        .iter()
        .map(|(x, y, e)| {
            json!({"a": x, "b": y, "kind": e.kind.as_str(), "check": rules.checks[e.check].id, "reason": e.reason})
        })
        .collect();
    serde_json::to_writer_pretty(
        &mut *out,
        &json!({"version": 1, "nodes": nodes, "edges": edges}),
    )?;
    writeln!(out)
}
