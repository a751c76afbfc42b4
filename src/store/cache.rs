//! The claims cache: per-document claims keyed by a hash of what decides
//! them, so a run after editing one file re-parses only that file.
//!
//! A document's key hashes its text, where its prose starts, its
//! publication date (relative dates resolve against it), its dateline
//! field (offices without a country abstain abroad) and the rule
//! fingerprint (which covers the claimcheck build). Path and record are
//! not in the key: a renamed or copied file is still a hit.
//!
//! The cache is one claims file, `claims-v1.jsonl` in the cache directory,
//! whose document names are the keys. A run appends the documents it had
//! to parse. Entries of other rules or builds (every rule edit and every
//! upgrade makes a new generation) can never be hits for this run: when
//! they outnumber the entries of this run's rules, or there are more than
//! [`MAX_ENTRIES`], the run rewrites the file with the entries of its
//! rules (its own documents first, then those of other runs: another
//! subset of the archive) and at most as many of the others (so switching
//! back to the previous rules still finds its claims). The file thus
//! stays within about twice what the current rules need, however often
//! they change.
//! A cache that cannot be read or written is a warning, never a failure:
//! the run extracts what it cannot find.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use rayon::prelude::*;

use super::{DocMeta, Loaded};
use crate::corpus::{Corpus, Document};
use crate::extract::{extract_document, DocClaims, Extracted};
use crate::ruleset::RuleSet;

/// [`crate::extract::extract_all`] through a claims cache: documents whose key is in the
/// cache are not parsed again; every document of the run is recorded in
/// it (for [`Cache::save`]).
pub fn extract_cached(
    corpus: &Corpus,
    rules: &RuleSet,
    cache: &mut Cache,
    on_document: &(dyn Fn(crate::corpus::DocId) + Sync),
) -> Extracted {
    let shared: &Cache = cache;
    let per_doc: Vec<(String, DocClaims, bool)> = corpus
        .documents
        .par_iter()
        .enumerate()
        .map(|(id, doc)| {
            let key = key(rules, doc);
            let found = match shared.get(&key) {
                Some(claims) => (key, claims.clone(), true),
                None => (key, extract_document(rules, id, doc), false),
            };
            on_document(id);
            found
        })
        .collect();
    let mut docs = Vec::with_capacity(per_doc.len());
    for ((key, claims, hit), doc) in per_doc.into_iter().zip(&corpus.documents) {
        cache.record(key, doc, &claims, hit);
        docs.push(claims);
    }
    Extracted::assemble(rules, docs)
}

/// Entries kept across runs (a few runs' worth of a large archive).
pub const MAX_ENTRIES: usize = 200_000;

const FILE: &str = "claims-v1.jsonl";

/// A content hash identifying a document's claims under `rules`.
pub fn key(rules: &RuleSet, doc: &Document) -> String {
    let mut h = Sha256::new();
    h.update(rules.fingerprint.as_bytes());
    h.update([0]);
    h.update(doc.published.map(|d| d.to_string()).unwrap_or_default());
    h.update([0]);
    h.update(doc.dateline.as_deref().unwrap_or(""));
    h.update([0]);
    h.update(doc.body_start.to_le_bytes());
    h.update(doc.text.as_bytes());
    h.finalize()[..16]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The cache of one run: what was loaded, and what this run used.
#[derive(Debug, Default)]
pub struct Cache {
    dir: PathBuf,
    stored: HashMap<String, (DocMeta, DocClaims)>,
    /// This run's documents, in corpus order, with the claims of those
    /// that were parsed (the others are in `stored`).
    used: Vec<(String, DocMeta, Option<DocClaims>)>,
    /// The file had unreadable lines: the next save rewrites it.
    damaged: bool,
    /// Why the cache file could not be read, if it could not.
    pub warnings: Vec<String>,
}

impl Cache {
    /// Opens (or starts) the cache in `dir`; a missing file is an empty cache.
    pub fn open(dir: &Path, rules: &RuleSet) -> Cache {
        let mut cache = Cache {
            dir: dir.to_path_buf(),
            ..Cache::default()
        };
        let file = dir.join(FILE);
        if !file.exists() {
            return cache;
        }
        let name = file.display().to_string();
        let loaded: Loaded = super::read(std::slice::from_ref(&name), rules, &mut std::io::empty());
        // Entries of other rules or builds are never hits (their keys
        // differ); they are only kept while there is room.
        let errors: Vec<_> = loaded
            .problems
            .iter()
            .filter(|p| p.level == crate::corpus::ProblemLevel::Error)
            .collect();
        cache.damaged = !errors.is_empty();
        if let Some(first) = errors.first() {
            cache.warnings.push(format!(
                "{name}: {} unreadable line(s) ignored (first, line {}: {})",
                errors.len(),
                first.line.unwrap_or(0),
                first.message
            ));
        }
        // The first entry of a key wins (see `save`).
        for (meta, claims) in loaded.documents {
            cache
                .stored
                .entry(meta.path.clone())
                .or_insert((meta, claims));
        }
        cache
    }

    /// The directory the cache lives in.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The stored claims of a document with this key.
    pub fn get(&self, key: &str) -> Option<&DocClaims> {
        self.stored.get(key).map(|(_, c)| c)
    }

    /// Documents of this run found in the cache.
    pub fn hits(&self) -> usize {
        self.used.len() - self.misses()
    }

    /// Documents of this run that had to be parsed.
    pub fn misses(&self) -> usize {
        self.used
            .iter()
            .filter(|(_, _, parsed)| parsed.is_some())
            .count()
    }

    /// Records one document of this run (found in the cache or extracted).
    pub fn record(&mut self, key: String, doc: &Document, claims: &DocClaims, hit: bool) {
        let meta = DocMeta {
            path: key.clone(),
            record: None,
            published: doc.published,
            bytes: doc.text.len(),
            rules: None,
            signature: None,
            family: None,
        };
        self.used.push((key, meta, (!hit).then(|| claims.clone())));
    }

    /// Writes what this run added. New entries are appended; the file is
    /// rewritten (see the module docs) only when entries of other rules or
    /// builds outnumber those of this run's, or it is full, or damaged. A
    /// rewrite goes to a temporary file that is then renamed, so a reader
    /// never sees half a cache.
    pub fn save(mut self, rules: &RuleSet) -> std::io::Result<()> {
        // A parsed document is one the cache did not have.
        let new: Vec<usize> = (0..self.used.len())
            .filter(|&i| self.used[i].2.is_some())
            .collect();
        let foreign = self
            .stored
            .values()
            .filter(|(meta, _)| !of_rules(meta, rules))
            .count();
        let current = self.stored.len() - foreign + new.len();
        let full = self.stored.len() + new.len() > MAX_ENTRIES;
        if foreign > current || full || self.damaged {
            return self.rewrite(rules);
        }
        if new.is_empty() {
            return Ok(());
        }
        create_dir(&self.dir)?;
        let mut out = BufWriter::new(
            fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(self.dir.join(FILE))?,
        );
        // One batch a run: two runs appending the same document at once
        // store it twice under different records, and the first is used.
        let batch = batch_record();
        let mut seen = HashSet::new();
        for i in new {
            let (key, meta, claims) = &mut self.used[i];
            if let (true, Some(claims)) = (seen.insert(key.clone()), claims) {
                meta.rules = Some(rules.fingerprint.clone());
                meta.record = Some(batch.clone());
                write_entry(&mut out, meta, claims)?;
            }
        }
        out.flush()
    }

    fn rewrite(mut self, rules: &RuleSet) -> std::io::Result<()> {
        create_dir(&self.dir)?;
        let tmp = self.dir.join(format!("{FILE}.{}.tmp", std::process::id()));
        let mut out = BufWriter::new(fs::File::create(&tmp)?);
        let mut seen = HashSet::new();
        let batch = batch_record();
        for (key, mut meta, parsed) in std::mem::take(&mut self.used) {
            let claims = match parsed {
                Some(claims) => Some(claims),
                None => self.stored.remove(&key).map(|(_, c)| c),
            };
            if let (true, Some(claims)) = (seen.insert(key), claims) {
                meta.rules = Some(rules.fingerprint.clone());
                meta.record = Some(batch.clone());
                write_entry(&mut out, &meta, &claims)?;
            }
        }
        // Then other runs' documents under these rules, then at most as
        // many entries of other rules, the most recently used first (the
        // rules a user may switch back to).
        let (mut current, mut foreign): (Vec<_>, Vec<_>) = self
            .stored
            .into_iter()
            .filter(|(k, _)| !seen.contains(k))
            .partition(|(_, (meta, _))| of_rules(meta, rules));
        current.sort_by(|a, b| a.0.cmp(&b.0));
        foreign.sort_by_cached_key(|(key, (meta, _))| {
            (std::cmp::Reverse(written_at(meta)), key.clone())
        });
        let room = MAX_ENTRIES.saturating_sub(seen.len());
        let current_kept = current.len().min(room);
        let foreign_kept = (seen.len() + current_kept).min(room - current_kept);
        let kept = current
            .into_iter()
            .take(current_kept)
            .chain(foreign.into_iter().take(foreign_kept));
        for (_, (meta, claims)) in kept {
            write_entry(&mut out, &meta, &claims)?;
        }
        out.flush()?;
        drop(out);
        fs::rename(&tmp, self.dir.join(FILE))
    }
}

/// The record of the entries a run writes: `PID-NANOSECONDS`, unique to
/// the run and telling when it wrote them.
fn batch_record() -> String {
    format!(
        "{}-{}",
        std::process::id(),
        jiff::Timestamp::now().as_nanosecond()
    )
}

/// When an entry was written (its [`batch_record`]), 0 when unknown.
fn written_at(meta: &DocMeta) -> i128 {
    meta.record
        .as_deref()
        .and_then(|r| r.rsplit_once('-'))
        .and_then(|(_, ms)| ms.parse().ok())
        .unwrap_or(0)
}

/// Whether a stored entry was extracted with `rules` (and this build).
fn of_rules(meta: &DocMeta, rules: &RuleSet) -> bool {
    meta.rules.as_deref() == Some(rules.fingerprint.as_str())
}

/// The cache directory, with a `.gitignore` so it is not committed by
/// accident.
fn create_dir(dir: &Path) -> std::io::Result<()> {
    fs::create_dir_all(dir)?;
    let ignore = dir.join(".gitignore");
    if !ignore.exists() {
        fs::write(ignore, "*\n")?;
    }
    Ok(())
}

/// One document's entry: its document line, then its claims and dates.
fn write_entry(out: &mut dyn Write, meta: &DocMeta, claims: &DocClaims) -> std::io::Result<()> {
    let names = (claims.names.as_ref()).map(|n| n.iter().map(super::NameWire::of).collect());
    super::document_line(meta, names).write_unsorted(out)?;
    for c in &claims.claims {
        super::claim_line(meta, c).write_unsorted(out)?;
    }
    for d in &claims.dates {
        super::date_line(meta, d).write_unsorted(out)?;
    }
    for g in &claims.given_names {
        super::name_line(meta, g).write_unsorted(out)?;
    }
    Ok(())
}
