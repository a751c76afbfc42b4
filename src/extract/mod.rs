//! Extraction: a document's text → its claims, one file per claim kind.
//!
//! | file | claims |
//! | --- | --- |
//! | [`document`] | the per-document driver: sentences tokenized once, grammar and patterns over them |
//! | [`title`] | person holds office (grammar matches and `relation: title` patterns) |
//! | [`event`] | person did something at a time (`relation: event` patterns) |
//! | [`number`] | a figure about a place or person (`relation: number` patterns) |
//! | [`relation`] | claims of relations declared in YAML: typed slots from captures and fixed values |
//! | [`example`] | what a pattern extracts from an example sentence, slot by slot |
//! | [`name`] | bare given names of surname-first people ("met with Yi") |
//! | [`date`] | date expressions resolved against the publication date |
//!
//! Every claim kind resolves its subject through one resolver
//! ([`crate::normalize::Surnames`], built once per document), so a bare
//! surname means the same person whatever the claim. This module runs
//! documents in parallel and joins them ([`Extracted::assemble`]); the
//! claims cache runs them through `store::cache::extract_cached`.

pub mod date;
pub mod document;
pub mod example;
pub mod name;
pub mod relation;
pub mod title;

use rayon::prelude::*;

use crate::claim::{Claim, DateClaim, GivenNameMention};
use crate::corpus::{self, Corpus};
use crate::normalize;
use crate::ruleset::RuleSet;

pub use document::extract_document;

/// Title claims and date claims of a corpus, in document order.
pub struct Extracted {
    pub claims: Vec<Claim>,
    pub dates: Vec<DateClaim>,
    pub given_names: Vec<GivenNameMention>,
}

/// One document's claims before corpus-wide unification: the unit that is
/// extracted in parallel, cached by content hash and stored in claims
/// files. Its document ids are set when documents are assembled.
#[derive(Debug, Clone, Default)]
pub struct DocClaims {
    pub claims: Vec<Claim>,
    pub dates: Vec<DateClaim>,
    pub given_names: Vec<GivenNameMention>,
}

impl DocClaims {
    /// Gives every claim of the document the id `id`.
    pub fn set_doc(&mut self, id: corpus::DocId) {
        self.claims.iter_mut().for_each(|c| c.doc = id);
        self.dates.iter_mut().for_each(|d| d.doc = id);
        self.given_names.iter_mut().for_each(|g| g.doc = id);
    }
}

impl Extracted {
    /// Joins per-document claims (the `i`th gets document id `i`) and gives
    /// every person one display name across them.
    pub fn assemble(rules: &RuleSet, docs: Vec<DocClaims>) -> Extracted {
        // Sized once: a claims vector grown by doubling holds up to twice
        // its claims and copies them on every step (issue 19: memory).
        let mut claims = Vec::with_capacity(docs.iter().map(|d| d.claims.len()).sum());
        let mut dates = Vec::with_capacity(docs.iter().map(|d| d.dates.len()).sum());
        let mut given_names = Vec::with_capacity(docs.iter().map(|d| d.given_names.len()).sum());
        for (id, mut d) in docs.into_iter().enumerate() {
            d.set_doc(id);
            claims.extend(d.claims);
            dates.extend(d.dates);
            given_names.extend(d.given_names);
        }
        normalize::unify_subjects(&rules.lexicon, &mut claims);
        Extracted {
            claims,
            dates,
            given_names,
        }
    }
}

/// Extracts the title claims of every document (in parallel).
pub fn extract(corpus: &Corpus, rules: &RuleSet) -> Vec<Claim> {
    extract_all(corpus, rules, &|_| {}).claims
}

/// [`extract`] plus date claims, calling `on_document` with each
/// document's id when it is done (for progress).
pub fn extract_all(
    corpus: &Corpus,
    rules: &RuleSet,
    on_document: &(dyn Fn(corpus::DocId) + Sync),
) -> Extracted {
    let per_doc: Vec<DocClaims> = corpus
        .documents
        .par_iter()
        .enumerate()
        .map(|(id, doc)| {
            let claims = extract_document(rules, id, doc);
            on_document(id);
            claims
        })
        .collect();
    Extracted::assemble(rules, per_doc)
}

/// [`extract_all`] for a run whose report quotes no document text (every
/// format but the human and HTML ones): as soon as a document's claims
/// are read, its copy-family signature is taken (what [`crate::families`]
/// would compute from the text) and its text and line index are dropped.
/// The claims keep their located spans and excerpts, so the report is
/// the same; the corpus's text is never held beside all its claims
/// (issue 19: memory).
pub fn extract_all_dropping_text(
    corpus: &mut Corpus,
    rules: &RuleSet,
    on_document: &(dyn Fn(corpus::DocId) + Sync),
) -> Extracted {
    // Documents in chunks, each chunk's claims appended as it is done: the
    // per-document claims of the whole corpus are never held beside the
    // joined ones ([`Extracted::assemble`] would hold both at its end).
    const CHUNK: usize = 4096;
    let mut claims = Vec::new();
    let mut dates = Vec::new();
    let mut given_names = Vec::new();
    for (k, chunk) in corpus.documents.chunks_mut(CHUNK).enumerate() {
        let per_doc: Vec<DocClaims> = chunk
            .par_iter_mut()
            .enumerate()
            .map(|(i, doc)| {
                let id = k * CHUNK + i;
                let mut found = extract_document(rules, id, doc);
                found.set_doc(id);
                if doc.signature.is_none() {
                    let signature = crate::family::Signature::of(doc.title.as_deref(), &doc.text);
                    doc.signature = Some(signature);
                }
                doc.text = String::new();
                doc.lines = Default::default();
                on_document(id);
                found
            })
            .collect();
        for d in per_doc {
            claims.extend(d.claims);
            dates.extend(d.dates);
            given_names.extend(d.given_names);
        }
    }
    normalize::unify_subjects(&rules.lexicon, &mut claims);
    Extracted {
        claims,
        dates,
        given_names,
    }
}
