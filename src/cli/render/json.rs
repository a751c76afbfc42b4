//! JSON renderers: the `check --format json` report, `claims --format
//! jsonl` lines and `graph --format json`, as in DESIGN.md's contract.

use std::io::{self, Write};

use claimcheck::claim::{Claim, DateClaim};
use claimcheck::corpus::Corpus;
use claimcheck::report::{one_line, Report};
use claimcheck::rules::RuleSet;
use claimcheck::{Analysis, Extracted};
use serde_json::json;

pub fn report(out: &mut dyn Write, report: &Report) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, report)?;
    writeln!(out)
}

/// Title and date claims, one JSON object a line, by document and offset.
pub fn claims(out: &mut dyn Write, corpus: &Corpus, extracted: &Extracted) -> io::Result<()> {
    let mut lines: Vec<(usize, usize, serde_json::Value)> = extracted
        .claims
        .iter()
        .map(|c| (c.doc, c.span.start, claim_json(corpus, c)))
        .chain(
            extracted
                .dates
                .iter()
                .map(|d| (d.doc, d.span.start, date_json(corpus, d))),
        )
        .collect();
    lines.sort_by_key(|(doc, start, _)| (*doc, *start));
    for (_, _, v) in lines {
        serde_json::to_writer(&mut *out, &v)?;
        writeln!(out)?;
    }
    Ok(())
}

/// An event's resolved date as an inclusive day interval.
fn event_time(c: &Claim) -> serde_json::Value {
    let Some(v) = c.event.as_ref().and_then(|e| e.date.as_ref()) else {
        return serde_json::Value::Null;
    };
    match v.inclusive_days() {
        Some((start, end)) => {
            json!({"start": start.to_string(), "end": end.to_string(), "grain": v.grain.as_str()})
        }
        None => serde_json::Value::Null,
    }
}

fn date_json(corpus: &Corpus, d: &DateClaim) -> serde_json::Value {
    let doc = &corpus.documents[d.doc];
    let (line, column) = doc.line_col(d.span.start);
    let value = d.value.as_ref().and_then(|v| {
        v.inclusive_days().map(|(start, end)| json!({"start": start.to_string(), "end": end.to_string(), "grain": v.grain.as_str()}))
    });
    json!({
        "document": doc.path,
        "record": doc.record,
        "start": d.span.start,
        "end": d.span.end,
        "line": line,
        "column": column,
        "text": one_line(&doc.text[d.span.start..d.span.end]),
        "kind": "date",
        "subject": null,
        "value": value,
        "normalized": null,
        "time": null,
        "pattern": "date",
        "weekday_mismatch": d.weekday_mismatch,
    })
}

fn claim_json(corpus: &Corpus, c: &Claim) -> serde_json::Value {
    let doc = &corpus.documents[c.doc];
    let (line, column) = doc.line_col(c.span.start);
    json!({
        "document": doc.path,
        "record": doc.record,
        "start": c.span.start,
        "end": c.span.end,
        "line": line,
        "column": column,
        "text": one_line(&doc.text[c.span.start..c.span.end]),
        "kind": c.kind.as_str(),
        "subject": c.subject,
        "value": c.value,
        "normalized": {
            "office": c.title.office,
            "rank": c.title.rank,
            "org": c.title.org,
            "head": c.title.head,
            "qualifiers": c.title.qualifiers,
        },
        "time": event_time(c),
        "pattern": c.pattern,
        "qualifiers": c.title.qualifiers,
        "event": c.event.as_ref().map(|e| json!({"action": e.action, "place": e.place, "amount": e.amount})),
    })
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
            let mut v = claim_json(corpus, &a.claims[n]);
            v["id"] = json!(n);
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
