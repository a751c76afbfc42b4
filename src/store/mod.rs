//! Claims files: what extraction found, as JSON Lines that can be checked
//! later without the documents.
//!
//! `claimcheck claims` writes one line per claim (the contract in
//! DESIGN.md, extended with what a later check needs: the document-level
//! subject, its identity key, the full normalised title, exact resolved
//! times and end positions), and one `"kind": "name"` line per bare given
//! name standing for a surname-first full name ("met with Yi": subject
//! Wang Yi), which the name-variant check reads. With `--documents` it
//! also writes one `"kind": "document"` line per document: path, record,
//! publication date, size and the rule fingerprint the claims were
//! extracted under. `claimcheck check
//! --claims FILE…` reads such files back ([`read`]) and checks them as if
//! the documents had been parsed in this run, so extraction can be sharded
//! across machines and the findings computed once over all shards.
//!
//! The same lines can be written as an Apache Parquet table
//! ([`parquet`], `claims --format parquet`); [`read`] tells the two apart
//! by their first bytes.
//!
//! The claims cache ([`cache`]) stores the same lines, keyed by content.

pub mod cache;
pub mod parquet;
mod sorted;
mod wire;

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read, Write};

use jiff::civil::Date;

use crate::corpus::{Corpus, Document, InputProblem, ProblemLevel};
use crate::extract::{DocClaims, Extracted};
use crate::family::Signature;
use crate::ruleset::RuleSet;

pub use wire::{claim_line, date_line, document_line, name_line, names_wire, Line, NameWire};

/// What a claims file says about one document besides its claims.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocMeta {
    pub path: String,
    pub record: Option<String>,
    pub published: Option<Date>,
    /// Size of the document's text in bytes.
    pub bytes: usize,
    /// [`RuleSet::fingerprint`] of the rules the claims were extracted with.
    pub rules: Option<String>,
    /// The document's copy-family signature ([`Signature::to_hex`]), so a
    /// check over claims files groups copies as a check over the texts.
    pub signature: Option<String>,
    /// The first document of its copy family over a whole run
    /// (`claimcheck partition`; see [`crate::corpus::Document::family`]).
    pub family: Option<String>,
}

impl DocMeta {
    pub fn of(doc: &Document, rules: &RuleSet) -> DocMeta {
        DocMeta {
            path: doc.path.clone(),
            record: doc.record.clone(),
            published: doc.published,
            bytes: doc.text.len(),
            rules: Some(rules.fingerprint.clone()),
            signature: None,
            family: None,
        }
    }

    /// With the document's copy-family signature (for document lines).
    pub fn signed(mut self, doc: &Document) -> DocMeta {
        let signature = Signature::of(doc.title.as_deref(), &doc.text);
        self.signature = Some(signature.to_hex());
        self
    }
}

/// Writes a corpus's claims: for each document (in corpus order) its
/// document line when `documents` is set, then its claims, dates and bare
/// given names by position.
pub fn write(
    out: &mut dyn Write,
    metas: &[DocMeta],
    extracted: &Extracted,
    documents: bool,
) -> io::Result<()> {
    // Each line is made as it is written: the whole file's lines at once
    // (copies of every path, excerpt and value) were most of the memory
    // of `claims` and its page faults.
    for &(_, _, _, source) in &order(metas, extracted, documents) {
        line_of(metas, extracted, source).write(out)?;
    }
    Ok(())
}

/// The lines [`write`] writes, in its order (the Parquet writer's rows).
pub fn lines(metas: &[DocMeta], extracted: &Extracted, documents: bool) -> Vec<Line> {
    order(metas, extracted, documents)
        .into_iter()
        .map(|(_, _, _, source)| line_of(metas, extracted, source))
        .collect()
}

/// Where a line's content is: the `n`th claim, date, given name or
/// document.
#[derive(Debug, Clone, Copy)]
enum Source {
    Claim(usize),
    Date(usize),
    Name(usize),
    Document(usize),
}

/// The order of the lines: by document, its document line first, then by
/// position (claims before dates and names at one offset), as
/// (document, order, start, source).
fn order(
    metas: &[DocMeta],
    extracted: &Extracted,
    documents: bool,
) -> Vec<(usize, u8, usize, Source)> {
    let mut order = Vec::with_capacity(
        extracted.claims.len()
            + extracted.dates.len()
            + extracted.given_names.len()
            + if documents { metas.len() } else { 0 },
    );
    let claims = extracted.claims.iter().enumerate();
    order.extend(claims.map(|(k, c)| (c.doc, 1, c.span.start, Source::Claim(k))));
    let dates = extracted.dates.iter().enumerate();
    order.extend(dates.map(|(k, d)| (d.doc, 1, d.span.start, Source::Date(k))));
    let names = extracted.given_names.iter().enumerate();
    order.extend(names.map(|(k, g)| (g.doc, 1, g.span.start, Source::Name(k))));
    if documents {
        order.extend((0..metas.len()).map(|id| (id, 0, 0, Source::Document(id))));
    }
    // Stable: a claim and a date at one offset keep claims first.
    order.sort_by_key(|&(doc, order, start, _)| (doc, order, start));
    order
}

/// The line of `source`.
fn line_of(metas: &[DocMeta], extracted: &Extracted, source: Source) -> Line {
    match source {
        Source::Claim(k) => {
            let c = &extracted.claims[k];
            wire::claim_line(&metas[c.doc], c)
        }
        Source::Date(k) => {
            let d = &extracted.dates[k];
            wire::date_line(&metas[d.doc], d)
        }
        Source::Name(k) => {
            let g = &extracted.given_names[k];
            wire::name_line(&metas[g.doc], g)
        }
        Source::Document(id) => wire::document_line(&metas[id], names_wire(&extracted.names, id)),
    }
}

/// Claims read back from files, with what went wrong reading them.
#[derive(Debug, Default)]
pub struct Loaded {
    /// Documents in the order a corpus would have (by path, records of one
    /// path in the order read), each with its claims.
    pub documents: Vec<(DocMeta, DocClaims)>,
    pub problems: Vec<InputProblem>,
    /// Files without document lines: documents without claims are missing
    /// and the rule fingerprint is unknown.
    pub without_document_lines: Vec<String>,
}

impl Loaded {
    /// A corpus without text (reports are built from the stored locations)
    /// and the claims, ready for [`crate::analyze_claims`].
    pub fn into_corpus(self, rules: &RuleSet) -> (Corpus, Extracted) {
        let mut corpus = Corpus {
            problems: self.problems,
            ..Corpus::default()
        };
        let mut per_doc = Vec::new();
        for (meta, claims) in self.documents {
            let mut doc = Document::new(meta.path, meta.record, String::new());
            doc.published = meta.published;
            doc.signature = meta.signature.as_deref().and_then(Signature::from_hex);
            doc.family = meta.family;
            corpus.push(doc);
            per_doc.push(claims);
        }
        corpus.problems.sort();
        (corpus, Extracted::assemble(rules, per_doc))
    }
}

/// Reads claims files (plain or gzip-compressed JSON Lines, or Parquet;
/// `-` is standard input). Nothing is fatal: a bad line or file becomes a
/// problem and the rest is read.
pub fn read(paths: &[String], rules: &RuleSet, stdin: &mut dyn Read) -> Loaded {
    let mut reader = wire::Reader::new(rules);
    for path in paths {
        if path == "-" {
            let mut stdin = BufReader::with_capacity(1 << 16, &mut *stdin);
            match stdin.fill_buf().map(|b| b.starts_with(parquet::MAGIC)) {
                // Parquet is read from its footer: standard input is read whole.
                Ok(true) => {
                    let mut all = Vec::new();
                    match stdin.read_to_end(&mut all) {
                        Ok(_) => parquet::read_file(&mut reader, path, bytes::Bytes::from(all)),
                        Err(e) => reader.problem(path, None, format!("cannot read: {e}")),
                    }
                }
                _ => reader.read_stream(path, stdin),
            }
            continue;
        }
        match File::open(path) {
            Ok(file) => {
                let mut buffered = BufReader::with_capacity(1 << 16, file);
                let head = buffered
                    .fill_buf()
                    .map(|b| (b.starts_with(&[0x1f, 0x8b]), b.starts_with(parquet::MAGIC)));
                match head {
                    Ok((_, true)) => parquet::read_file(&mut reader, path, buffered.into_inner()),
                    Ok((true, _)) => reader.read_stream(
                        path,
                        BufReader::new(flate2::read::MultiGzDecoder::new(buffered)),
                    ),
                    Ok(_) => reader.read_stream(path, buffered),
                    Err(e) => reader.problem(path, None, format!("cannot read: {e}")),
                }
            }
            Err(e) => reader.problem(path, None, format!("cannot read: {e}")),
        }
    }
    reader.finish()
}

/// Reads JSON Lines claims from a stream (a partition's share of a
/// distributed check, `name` naming it in problems), as [`read`] reads a
/// file.
pub fn read_stream(name: &str, input: impl BufRead, rules: &RuleSet) -> Loaded {
    let mut reader = wire::Reader::new(rules);
    reader.read_stream(name, input);
    reader.finish()
}

/// A problem of a claims file (an error: claims were lost).
fn problem(path: &str, line: Option<usize>, message: String) -> InputProblem {
    InputProblem {
        path: path.to_string(),
        line,
        level: ProblemLevel::Error,
        message,
    }
}

#[cfg(test)]
mod tests;
