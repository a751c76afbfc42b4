//! Extraction: a document's text → its claims, one file per claim kind.
//!
//! | file | claims |
//! | --- | --- |
//! | [`document`] | the per-document driver: sentences tokenized once, grammar and patterns over them |
//! | [`title`] | person holds office (grammar matches and `relation: title` patterns) |
//! | [`event`] | event mentions: a once-only event (withdrawal, collapse, crash, resignation, death) with its actor and date, anchored on a closed class of words |
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
pub mod event;
pub mod example;
pub mod name;
pub mod relation;
pub mod series;
pub mod since;
pub mod title;
pub mod visit;

use rayon::prelude::*;

use crate::claim::{Claim, ClaimShare, DateClaim, GivenNameMention};
use crate::corpus::{self, Corpus};
use crate::normalize;
use crate::ruleset::RuleSet;
use crate::text::SharedStr;

pub use document::{extract_document, extract_document_keeping};

/// Title claims and date claims of a corpus, in document order.
#[derive(Default)]
pub struct Extracted {
    pub claims: Vec<Claim>,
    pub dates: Vec<DateClaim>,
    pub given_names: Vec<GivenNameMention>,
    /// Date claims read but not kept in `dates`, because no check reads
    /// them ([`extract_streaming`]): counted as claims, nothing more.
    pub dates_dropped: usize,
    /// Each document's capitalised words, read when a `name-form` check
    /// runs (the texts may be gone when it does).
    pub names: corpus::names::Forms,
}

/// One document's claims before corpus-wide unification: the unit that is
/// extracted in parallel, cached by content hash and stored in claims
/// files. Its document ids are set when documents are assembled.
#[derive(Debug, Clone, Default)]
pub struct DocClaims {
    pub claims: Vec<Claim>,
    pub dates: Vec<DateClaim>,
    pub given_names: Vec<GivenNameMention>,
    /// Its capitalised words, when a `name-form` check runs.
    pub names: Option<Vec<corpus::names::Written>>,
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
        let mut names = corpus::names::Forms::default();
        for (id, mut d) in docs.into_iter().enumerate() {
            d.set_doc(id);
            claims.extend(d.claims);
            dates.extend(d.dates);
            given_names.extend(d.given_names);
            names.push(d.names.as_deref());
        }
        names.done();
        normalize::unify_subjects(&rules.lexicon, &mut claims);
        ClaimShare::default().share(&mut claims);
        Extracted {
            claims,
            dates,
            given_names,
            dates_dropped: 0,
            names,
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

/// Extraction for a run whose report quotes no document text (every
/// format but the human and HTML ones), reading and extracting in one
/// stream: `load` reads the inputs (on a thread of its own) into a
/// [`Corpus::streaming`], and documents are extracted in chunks of
/// [`CHUNK_DOCUMENTS`] as they arrive, so the text of the whole corpus is
/// never resident (issue 19: memory). Of each document only what checks
/// and reports read is kept: its path, record, publication date and the
/// copy-family signature (what [`crate::families`] reads of the one it
/// would compute from the text: [`crate::family::Signature::for_grouping`]);
/// its text, line index, title and dateline are dropped. The claims
/// keep their located spans and excerpts, so the report is the same. Date
/// claims that no check reads are counted, not kept ([`Extracted::dates_dropped`]).
///
/// `keep_date` says which date claims a check of the run reads (the checks
/// sit above extraction, so the caller passes it). `on_document` is called
/// with each document's text length as it is done (for progress). Returns the corpus (documents in report order, and the
/// problems `load` found) and its claims.
pub fn extract_streaming(
    load: &(dyn Fn(&mut Corpus) + Sync),
    rules: &RuleSet,
    keep_date: fn(&DateClaim) -> bool,
    on_document: &(dyn Fn(usize) + Sync),
) -> (Corpus, Extracted) {
    let (sink, documents) = std::sync::mpsc::sync_channel(CHUNK_DOCUMENTS);
    let mut stream = Stream::default();
    let mut corpus = std::thread::scope(|scope| {
        let reader = scope.spawn(move || {
            let mut corpus = Corpus::streaming(sink);
            load(&mut corpus);
            corpus.end_stream();
            corpus
        });
        let mut chunk = Vec::new();
        let mut bytes = 0;
        // The chunk extracted last, kept while the next one is extracted.
        let mut done = Done::default();
        for doc in documents.iter() {
            bytes += doc.text.len();
            chunk.push(doc);
            let size = if stream.started == 0 {
                FIRST_CHUNK_DOCUMENTS
            } else {
                CHUNK_DOCUMENTS
            };
            if chunk.len() >= size || bytes >= CHUNK_BYTES {
                done = stream.extract(rules, &mut chunk, done, keep_date, on_document);
                bytes = 0;
            }
        }
        done = stream.extract(rules, &mut chunk, done, keep_date, on_document);
        stream.keep(done, keep_date);
        match reader.join() {
            Ok(corpus) => corpus,
            Err(panic) => std::panic::resume_unwind(panic),
        }
    });
    corpus.documents = stream.documents;
    let mut extracted = stream.extracted;
    extracted.names.done();
    if !corpus::in_report_order(&corpus.documents) {
        into_report_order(&mut corpus, &mut extracted);
    }
    normalize::unify_subjects(&rules.lexicon, &mut extracted.claims);
    // Read only to unify subjects (and by claims files, which this run
    // does not write).
    let none = SharedStr::default();
    for c in &mut extracted.claims {
        c.document_subject = none.clone();
    }
    (corpus, extracted)
}

/// Documents extracted together: enough to keep both cores busy, few
/// enough that their text is a few megabytes.
pub const CHUNK_DOCUMENTS: usize = 4096;

/// The first chunk is smaller: both cores wait for it to be read (the
/// reader keeps a chunk ahead after that), and reading 4,096 documents
/// takes tens of milliseconds.
const FIRST_CHUNK_DOCUMENTS: usize = 256;

/// A chunk also ends at this much text (long documents).
const CHUNK_BYTES: usize = 32 << 20;

/// What [`extract_streaming`] has kept so far.
#[derive(Default)]
struct Stream {
    documents: Vec<corpus::Document>,
    /// Documents handed to extraction so far (kept or in flight): the id
    /// of the next one.
    started: usize,
    extracted: Extracted,
    titles: ClaimShare,
    /// One copy of each distinct copy-family signature (exact copies of a
    /// story share theirs).
    signatures: std::collections::HashSet<SignatureKey, crate::grammar::lexicon::WordBuildHasher>,
}

/// A chunk extracted but not yet kept: its documents (without their
/// text) and their claims, each document's signature with its set key.
#[derive(Default)]
struct Done {
    documents: Vec<corpus::Document>,
    /// Each document's claims and how many of its date claims were
    /// dropped (not kept by the run's date filter).
    claims: Vec<(DocClaims, usize)>,
    keys: Vec<Option<SignatureKey>>,
}

/// A signature as a set key, with its hash: the bins folded into one word
/// (FxHash's step, four bins at a time), computed where the chunk is
/// extracted, on both cores, so that the serial part of a run only looks
/// it up (hashing all 128 bins byte by byte cost more than the rest of
/// the chunk's bookkeeping). Every bin counts: near-copies differ in a
/// few bins only. The set's hasher is the lexicon's word hasher: the
/// folded word is all it reads, and SipHash over it showed in the profile.
struct SignatureKey {
    folded: u64,
    signature: crate::family::Signature,
}

impl SignatureKey {
    fn of(signature: &crate::family::Signature) -> SignatureKey {
        let mut folded = u64::from(signature.shingles);
        for four in signature.bins.chunks_exact(4) {
            let word = four.iter().fold(0u64, |w, &bin| (w << 16) | u64::from(bin));
            folded = (folded.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
        }
        SignatureKey {
            folded,
            signature: signature.clone(),
        }
    }
}

impl std::hash::Hash for SignatureKey {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        state.write_u64(self.folded);
    }
}

impl PartialEq for SignatureKey {
    fn eq(&self, other: &Self) -> bool {
        self.folded == other.folded && self.signature == other.signature
    }
}

impl Eq for SignatureKey {}

impl Stream {
    /// Extracts `chunk` (in parallel) while the chunk extracted before it,
    /// `before`, is kept ([`Stream::keep`]): the bookkeeping of one chunk
    /// runs beside the extraction of the next instead of leaving a core
    /// idle. Empties `chunk` and returns what it found, to be kept with
    /// the next call (or by the caller, after the last).
    fn extract(
        &mut self,
        rules: &RuleSet,
        chunk: &mut Vec<corpus::Document>,
        before: Done,
        keep_date: fn(&DateClaim) -> bool,
        on_document: &(dyn Fn(usize) + Sync),
    ) -> Done {
        let first = self.started;
        self.started += chunk.len();
        let (found, ()) = rayon::join(
            || extract_chunk(rules, chunk, first, keep_date, on_document),
            || self.keep(before, keep_date),
        );
        Done {
            documents: std::mem::take(chunk),
            claims: found.0,
            keys: found.1,
        }
    }

    /// Keeps an extracted chunk's claims and its documents (text already
    /// dropped), sharing equal titles and signatures with earlier chunks.
    fn keep(&mut self, done: Done, keep_date: fn(&DateClaim) -> bool) {
        let Done {
            mut documents,
            claims,
            keys,
        } = done;
        let kept = &mut self.extracted;
        let claims_before = kept.claims.len();
        for (d, dropped) in claims {
            kept.claims.extend(d.claims);
            let (read, before) = (d.dates.len(), kept.dates.len());
            kept.dates.extend(d.dates.into_iter().filter(&keep_date));
            kept.dates_dropped += dropped + read - (kept.dates.len() - before);
            kept.given_names.extend(d.given_names);
            kept.names.push(d.names.as_deref());
        }
        self.titles.share(&mut kept.claims[claims_before..]);
        for (doc, key) in documents.iter_mut().zip(keys) {
            let (Some(signature), Some(key)) = (&mut doc.signature, key) else {
                continue;
            };
            match self.signatures.get(&key) {
                Some(shared) => *signature = shared.signature.clone(),
                None => {
                    self.signatures.insert(key);
                }
            }
        }
        self.documents.append(&mut documents);
    }
}

/// Extracts the documents of `chunk` (ids from `first`, in parallel,
/// keeping the date claims `keep_date` takes) and drops their text;
/// returns their claims with the count of dates dropped, and their
/// signatures' set keys.
fn extract_chunk(
    rules: &RuleSet,
    chunk: &mut [corpus::Document],
    first: corpus::DocId,
    keep_date: fn(&DateClaim) -> bool,
    on_document: &(dyn Fn(usize) + Sync),
) -> (Vec<(DocClaims, usize)>, Vec<Option<SignatureKey>>) {
    chunk
        .par_iter_mut()
        .enumerate()
        .map(|(i, doc)| {
            let id = first + i;
            let (mut found, dropped) = extract_document_keeping(rules, id, doc, keep_date);
            found.set_doc(id);
            if doc.signature.is_none() {
                // Only the copy families read it in this run.
                let signature =
                    crate::family::Signature::for_grouping(doc.title.as_deref(), &doc.text);
                doc.signature = Some(signature);
            }
            let key = doc.signature.as_ref().map(SignatureKey::of);
            on_document(doc.text.len());
            doc.text = String::new();
            doc.lines = Default::default();
            doc.title = None;
            doc.dateline = None;
            ((found, dropped), key)
        })
        .unzip()
}

/// Puts documents read in another order (paths given out of order) in
/// report order, and their claims with them: claims stay in document
/// order, and in text order within a document.
fn into_report_order(corpus: &mut Corpus, extracted: &mut Extracted) {
    let order = corpus::report_order(&corpus.documents);
    let mut new_id = vec![0; order.len()];
    for (new, &old) in order.iter().enumerate() {
        new_id[old] = new;
    }
    let mut documents: Vec<Option<corpus::Document>> = std::mem::take(&mut corpus.documents)
        .into_iter()
        .map(Some)
        .collect();
    corpus.documents = order
        .iter()
        .filter_map(|&old| documents[old].take())
        .collect();
    extracted
        .claims
        .iter_mut()
        .for_each(|c| c.doc = new_id[c.doc]);
    extracted
        .dates
        .iter_mut()
        .for_each(|d| d.doc = new_id[d.doc]);
    extracted
        .given_names
        .iter_mut()
        .for_each(|g| g.doc = new_id[g.doc]);
    extracted.names.reorder(&order);
    // Stable: a document's claims keep their order.
    extracted.claims.sort_by_key(|c| c.doc);
    extracted.dates.sort_by_key(|d| d.doc);
    extracted.given_names.sort_by_key(|g| g.doc);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Document;

    const A: &str = "Updated: 12 Jun 2023\n\nSecretary of State Jane Roe spoke on Tuesday, June 13, 2023. Roe met Defense Secretary John Doe.\n";
    const B: &str = "Updated: 13 Jun 2023\n\nState Secretary Jane Roe spoke on Wednesday.\n";
    const C: &str = "Updated: 14 Jun 2023\n\nDefense Secretary Jane Roe said on Monday, June 14, 2023 that talks go on.\n";

    /// The documents of `names` in reading order.
    fn read<'a>(names: &'a [(&'a str, &'a str)]) -> impl Fn(&mut Corpus) + Sync + 'a {
        move |corpus: &mut Corpus| {
            for (path, text) in names {
                corpus.push(Document::from_text(path, text));
            }
        }
    }

    #[test]
    fn streaming_gives_the_report_of_reading_everything_first() {
        let rules = RuleSet::shipped().unwrap();
        let names = [("c.txt", C), ("a.txt", A), ("b.txt", B), ("a.txt", B)];
        let mut whole = Corpus::default();
        read(&names)(&mut whole);
        // What `corpus::load_with` does once everything is read.
        whole.documents.sort_by(|a, b| a.path.cmp(&b.path));
        let expected = crate::analyze(&whole, &rules).report;
        let (corpus, extracted) = extract_streaming(
            &read(&names),
            &rules,
            |d| d.weekday_mismatch.is_some(),
            &|_| {},
        );
        let paths: Vec<&str> = corpus.documents.iter().map(|d| d.path.as_str()).collect();
        assert_eq!(paths, ["a.txt", "a.txt", "b.txt", "c.txt"]);
        assert!(corpus.documents.iter().all(|d| d.text.is_empty()));
        assert!(extracted.dates_dropped > 0);
        let streamed = crate::analyze_claims(&corpus, &rules, extracted).report;
        assert_eq!(
            serde_json::to_string(&streamed).unwrap(),
            serde_json::to_string(&expected).unwrap()
        );
    }

    #[test]
    fn equal_titles_are_shared() {
        let rules = RuleSet::shipped().unwrap();
        let names = [("a.txt", B), ("b.txt", B)];
        let (_, extracted) = extract_streaming(
            &read(&names),
            &rules,
            |d| d.weekday_mismatch.is_some(),
            &|_| {},
        );
        let titles: Vec<_> = extracted.claims.iter().map(|c| &c.title).collect();
        assert_eq!(titles.len(), 2);
        assert!(std::sync::Arc::ptr_eq(titles[0], titles[1]));
    }
}

/// What the tests of the built-in readers (series, since, visit) share.
#[cfg(test)]
pub(crate) mod reader_tests {
    use crate::claim::Facts;
    use crate::corpus::Document;
    use crate::ruleset::RuleSet;

    /// The slots of the claims `pattern` gives on `text` (published on
    /// `published`, when given) with the shipped rules, in text order.
    pub fn facts_of(text: &str, published: Option<&str>, pattern: &str) -> Vec<Facts> {
        let rules = RuleSet::shipped().unwrap();
        let mut doc = Document::new("a.txt".into(), None, text.to_string());
        doc.body_start = 0;
        doc.published = published.map(|p| p.parse().unwrap());
        super::extract_document(&rules, 0, &doc)
            .claims
            .into_iter()
            .filter(|c| c.pattern == pattern)
            .map(|c| c.facts.as_deref().unwrap().clone())
            .collect()
    }

    /// A slot's text as written ("" when the claim has none).
    pub fn text(f: &Facts, slot: &str) -> String {
        f.get(slot)
            .next()
            .map(|x| x.text.clone())
            .unwrap_or_default()
    }
}
