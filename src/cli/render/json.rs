//! JSON renderers: the `check --format json` report, `claims --format
//! jsonl` lines and `graph --format json`, as in DESIGN.md's contract.

use std::io::{self, Write};

use claimcheck::corpus::Corpus;
use claimcheck::report::{ClaimRef, Finding, Report, Side};
use claimcheck::store::{self, DocMeta};
use claimcheck::RuleSet;
use claimcheck::{Analysis, Extracted};
use rayon::prelude::*;
use serde::Serialize;
use serde_json::json;

/// The report as `serde_json::to_writer_pretty` writes [`Report`], byte
/// for byte, but written by hand: a finding about a much-covered person
/// lists every one of its claims (320,000 for one person in 160,000
/// articles, 58 MB), and serde's pretty printer through the buffered
/// standard output was a quarter of the time after extraction (issue
/// 19). The claims and the copy families are written field by field into
/// a local buffer; the small, rare parts (summary, problems, accepted
/// findings) go through serde_json and are indented to their depth.
pub fn report(out: &mut dyn Write, report: &Report) -> io::Result<()> {
    let mut w = Pretty {
        buf: Vec::with_capacity(FLUSH_AT + 4096),
        out,
    };
    w.raw("{\n");
    w.field(1, "version", |w| w.number(report.version.into()));
    w.raw(",\n");
    w.field(1, "documents", |w| w.number(report.documents as u64));
    w.raw(",\n");
    w.field(1, "claims", |w| w.number(report.claims as u64));
    w.raw(",\n");
    w.key(1, "findings");
    w.array(1, &report.findings, |w, f| w.finding(2, f))?;
    w.raw(",\n");
    w.field(1, "summary", |w| w.serialized(1, &report.summary));
    w.raw(",\n");
    w.field(1, "problems", |w| w.serialized(1, &report.problems));
    if !report.accepted.is_empty() {
        w.raw(",\n");
        w.field(1, "accepted", |w| w.serialized(1, &report.accepted));
    }
    if !report.stale_baseline.is_empty() {
        w.raw(",\n");
        w.field(1, "stale_baseline", |w| {
            w.serialized(1, &report.stale_baseline)
        });
    }
    if !report.unused_suppressions.is_empty() {
        w.raw(",\n");
        w.field(1, "unused_suppressions", |w| {
            w.serialized(1, &report.unused_suppressions)
        });
    }
    if !report.families.is_empty() {
        w.raw(",\n");
        // Every copy of every family by name (300,000 names for an archive
        // copied 16 times): written as they come, not through one
        // pretty-printed string and its copy (issue 19).
        w.key(1, "families");
        w.array(1, &report.families, |w, family| {
            w.array(2, family, |w, name| {
                w.string(name);
                Ok(())
            })
        })?;
    }
    w.raw("\n}\n");
    w.flush()
}

/// Bytes gathered before they are handed to the output.
const FLUSH_AT: usize = 1 << 16;

/// A pretty JSON writer in serde_json's layout (two spaces a level,
/// `"key": value`, empty arrays as `[]`).
struct Pretty<'o> {
    buf: Vec<u8>,
    out: &'o mut dyn Write,
}

impl Pretty<'_> {
    fn raw(&mut self, s: &str) {
        self.buf.extend_from_slice(s.as_bytes());
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.write_all(&self.buf)?;
        self.buf.clear();
        Ok(())
    }

    fn indent(&mut self, depth: usize) {
        const SPACES: &[u8; 32] = b"                                ";
        let mut n = 2 * depth;
        while n > 0 {
            let k = n.min(SPACES.len());
            self.buf.extend_from_slice(&SPACES[..k]);
            n -= k;
        }
    }

    /// `"key": ` at `depth`; the key is one of the contract's field
    /// names (nothing to escape).
    fn key(&mut self, depth: usize, key: &str) {
        self.indent(depth);
        self.buf.push(b'"');
        self.raw(key);
        self.buf.extend_from_slice(b"\": ");
    }

    fn field(&mut self, depth: usize, key: &str, value: impl FnOnce(&mut Self)) {
        self.key(depth, key);
        value(self);
    }

    fn string(&mut self, s: &str) {
        escape_into(&mut self.buf, s);
    }

    fn number(&mut self, n: u64) {
        let mut digits = [0u8; 20];
        let mut i = digits.len();
        let mut n = n;
        loop {
            i -= 1;
            digits[i] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        self.buf.extend_from_slice(&digits[i..]);
    }

    /// A value through serde_json, indented to `depth` (every newline of
    /// serde_json's pretty output is between tokens: strings escape
    /// theirs).
    fn serialized(&mut self, depth: usize, value: &impl Serialize) {
        let text = serde_json::to_string_pretty(value).unwrap_or_default();
        let mut lines = text.split('\n');
        if let Some(first) = lines.next() {
            self.raw(first);
        }
        for line in lines {
            self.buf.push(b'\n');
            self.indent(depth);
            self.raw(line);
        }
    }

    /// An array whose opening bracket is at `depth` (after its key), its
    /// elements one level deeper.
    fn array<T>(
        &mut self,
        depth: usize,
        items: &[T],
        mut each: impl FnMut(&mut Self, &T) -> io::Result<()>,
    ) -> io::Result<()> {
        if items.is_empty() {
            self.raw("[]");
            return Ok(());
        }
        self.raw("[");
        for (i, item) in items.iter().enumerate() {
            self.raw(if i == 0 { "\n" } else { ",\n" });
            self.indent(depth + 1);
            each(self, item)?;
            if self.buf.len() >= FLUSH_AT {
                self.flush()?;
            }
        }
        self.buf.push(b'\n');
        self.indent(depth);
        self.raw("]");
        Ok(())
    }

    /// A finding whose braces are at `depth`.
    fn finding(&mut self, depth: usize, f: &Finding) -> io::Result<()> {
        let d = depth + 1;
        self.raw("{\n");
        for (key, value) in [
            ("check", f.check.as_str()),
            ("severity", severity(f.severity)),
            ("subject", &f.subject),
            ("relation", &f.relation),
            ("message", &f.message),
            ("reason", &f.reason),
            ("fingerprint", &f.fingerprint),
        ] {
            self.key(d, key);
            self.string(value);
            self.raw(",\n");
        }
        self.key(d, "claims");
        self.claims(d, &f.claims)?;
        if f.correction {
            self.raw(",\n");
            self.key(d, "correction");
            self.raw("true");
        }
        self.buf.push(b'\n');
        self.indent(depth);
        self.raw("}");
        Ok(())
    }

    /// A finding's claims, its array's brackets at `depth`: written in
    /// chunks on all cores, a batch of chunks at a time (the buffers of a
    /// batch are all that is held).
    fn claims(&mut self, depth: usize, claims: &[ClaimRef]) -> io::Result<()> {
        const CHUNK: usize = 1024;
        const BATCH: usize = 16 * CHUNK;
        if claims.len() <= CHUNK {
            return self.array(depth, claims, |w, c| {
                w.claim(depth + 1, c);
                Ok(())
            });
        }
        self.raw("[\n");
        for (b, batch) in claims.chunks(BATCH).enumerate() {
            let parts: Vec<Vec<u8>> = batch
                .par_chunks(CHUNK)
                .enumerate()
                .map(|(k, chunk)| {
                    let mut sink = io::sink();
                    let mut w = Pretty {
                        buf: Vec::with_capacity(chunk.len() * 400),
                        out: &mut sink,
                    };
                    for (i, c) in chunk.iter().enumerate() {
                        if b + k + i > 0 {
                            w.raw(",\n");
                        }
                        w.indent(depth + 1);
                        w.claim(depth + 1, c);
                    }
                    w.buf
                })
                .collect();
            self.flush()?;
            for part in parts {
                self.out.write_all(&part)?;
            }
        }
        self.buf.push(b'\n');
        self.indent(depth);
        self.raw("]");
        Ok(())
    }

    /// A claim whose braces are at `depth`.
    fn claim(&mut self, depth: usize, c: &ClaimRef) {
        let d = depth + 1;
        self.raw("{\n");
        self.key(d, "document");
        self.string(&c.document);
        self.raw(",\n");
        self.key(d, "record");
        match &c.record {
            Some(r) => self.string(r),
            None => self.raw("null"),
        }
        for (key, n) in [
            ("line", c.line),
            ("column", c.column),
            ("start", c.start),
            ("end", c.end),
            ("end_line", c.end_line),
            ("end_column", c.end_column),
        ] {
            self.raw(",\n");
            self.key(d, key);
            self.number(n as u64);
        }
        self.raw(",\n");
        self.key(d, "text");
        self.string(&c.text);
        self.raw(",\n");
        self.key(d, "value");
        self.string(&c.value);
        self.raw(",\n");
        self.key(d, "side");
        self.raw(match c.side {
            Side::Majority => "\"majority\"",
            Side::Minority => "\"minority\"",
            Side::Tied => "\"tied\"",
        });
        if let Some(family) = &c.family {
            self.raw(",\n");
            self.key(d, "family");
            self.string(family);
        }
        if !c.slots.is_empty() {
            self.raw(",\n");
            self.key(d, "slots");
            self.raw("{");
            for (i, (slot, text)) in c.slots.iter().enumerate() {
                self.raw(if i == 0 { "\n" } else { ",\n" });
                self.indent(d + 1);
                self.string(slot);
                self.raw(": ");
                self.string(text);
            }
            self.buf.push(b'\n');
            self.indent(d);
            self.raw("}");
        }
        self.buf.push(b'\n');
        self.indent(depth);
        self.raw("}");
    }
}

fn severity(s: claimcheck::rules::Severity) -> &'static str {
    match s {
        claimcheck::rules::Severity::Error => "error",
        claimcheck::rules::Severity::Warning => "warning",
        claimcheck::rules::Severity::Info => "info",
    }
}

/// `s` as a JSON string, escaped as serde_json escapes: `"`, `\\`, and
/// control characters (`\b \t \n \f \r` by name, the others as
/// `\u00xx`); everything else, non-ASCII included, as is.
fn escape_into(buf: &mut Vec<u8>, s: &str) {
    buf.push(b'"');
    let bytes = s.as_bytes();
    let mut start = 0;
    while let Some(k) = bytes[start..]
        .iter()
        .position(|&b| b < 0x20 || b == b'"' || b == b'\\')
    {
        let i = start + k;
        buf.extend_from_slice(&bytes[start..i]);
        start = i + 1;
        let b = bytes[i];
        let named: &[u8] = match b {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            0x08 => b"\\b",
            0x09 => b"\\t",
            0x0a => b"\\n",
            0x0c => b"\\f",
            0x0d => b"\\r",
            _ => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                buf.extend_from_slice(b"\\u00");
                buf.push(HEX[usize::from(b >> 4)]);
                buf.push(HEX[usize::from(b & 0xf)]);
                continue;
            }
        };
        buf.extend_from_slice(named);
    }
    buf.extend_from_slice(&bytes[start..]);
    buf.push(b'"');
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

#[cfg(test)]
mod tests {
    use super::escape_into;
    use claimcheck::report::Report;

    #[test]
    fn the_report_is_written_as_serde_json_writes_it() {
        let claim = |record: &str, side: &str, extra: &str| {
            format!(
                r#"{{"document": "a \"b\".jsonl", "record": {record}, "line": 1, "column": 2,
                "start": 0, "end": 10, "end_line": 1, "end_column": 12, "text": "x\ty",
                "value": "Secretary", "side": "{side}", "source": 0, "claim": 0, "doc": 0,
                "shown": "", "value_start": 0, "value_end": 0{extra}}}"#
            )
        };
        let finding = |claims: Vec<String>, correction: bool| {
            format!(
                r#"{{"check": "title-mismatch", "severity": "warning", "subject": "Jane Roe",
                "relation": "title", "message": "m \u00e9", "reason": "r", "fingerprint": "f",
                "claims": [{}], "correction": {correction}}}"#,
                claims.join(",")
            )
        };
        let findings = [
            finding(
                vec![
                    claim("\"7\"", "majority", r#", "family": "a.jsonl#1""#),
                    claim(
                        "null",
                        "tied",
                        r#", "slots": {"where": "Paris", "count": "two"}"#,
                    ),
                ],
                true,
            ),
            finding(vec![claim("null", "minority", "")], false),
        ];
        // More claims than one chunk of the parallel writer.
        let many = finding(
            (0..40_000)
                .map(|i| claim(&format!("\"{i}\""), "majority", ""))
                .collect(),
            false,
        );
        for (findings, tail) in [
            (String::new(), ""),
            (
                findings.join(","),
                r#", "families": [["a#1", "a#2"], ["b"]]"#,
            ),
            (many, ""),
        ] {
            let text = format!(
                r#"{{"version": 1, "documents": 3, "claims": 12, "findings": [{findings}],
                "summary": {{"error": 0, "warning": 2, "info": 0}},
                "problems": [{{"path": "p", "line": 3, "level": "warning", "message": "bad"}}]{tail}}}"#
            );
            let report: Report = serde_json::from_str(&text).unwrap();
            let mut ours = Vec::new();
            super::report(&mut ours, &report).unwrap();
            let mut theirs = serde_json::to_vec_pretty(&report).unwrap();
            theirs.push(b'\n');
            assert_eq!(
                String::from_utf8(ours).unwrap(),
                String::from_utf8(theirs).unwrap()
            );
        }
    }

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let mut all: String = (0u8..0x80).map(char::from).collect();
        all.push_str("é – \u{2028} \u{7f} end");
        for s in [all.as_str(), "", "plain", "\"", "a\\b", "\u{1}x"] {
            let mut buf = Vec::new();
            escape_into(&mut buf, s);
            assert_eq!(
                String::from_utf8(buf).unwrap(),
                serde_json::to_string(s).unwrap()
            );
        }
    }
}
