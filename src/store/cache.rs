//! The claims cache: per-document claims keyed by a hash of what decides
//! them, so a run after editing one file re-parses only that file.
//!
//! A document's key hashes its text, where its prose starts, its
//! publication date (relative dates resolve against it) and the rule
//! fingerprint (which covers the claimcheck build). Path and record are
//! not in the key: a renamed or copied file is still a hit.
//!
//! The cache is one claims file, `claims-v1.jsonl` in the cache directory,
//! whose document names are the keys. It is rewritten after each run with
//! that run's documents first, then earlier entries up to [`MAX_ENTRIES`].
//! A cache that cannot be read or written is a warning, never a failure:
//! the run extracts what it cannot find.

use std::collections::HashMap;
use std::fs;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::{DocMeta, Loaded};
use crate::corpus::Document;
use crate::rules::RuleSet;
use crate::DocClaims;

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
    /// This run's documents, in corpus order.
    used: Vec<(String, DocMeta, DocClaims)>,
    pub hits: usize,
    pub misses: usize,
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
        let loaded: Loaded = super::read(&[name.clone()], rules, &mut std::io::empty());
        // Entries of other rules or builds are never hits (their keys
        // differ); they are only kept while there is room.
        let errors: Vec<_> = loaded
            .problems
            .iter()
            .filter(|p| p.level == crate::corpus::ProblemLevel::Error)
            .collect();
        if let Some(first) = errors.first() {
            cache.warnings.push(format!(
                "{name}: {} unreadable line(s) ignored (first, line {}: {})",
                errors.len(),
                first.line.unwrap_or(0),
                first.message
            ));
        }
        cache.stored = loaded
            .documents
            .into_iter()
            .map(|(meta, claims)| (meta.path.clone(), (meta, claims)))
            .collect();
        cache
    }

    /// The stored claims of a document with this key.
    pub fn get(&self, key: &str) -> Option<&DocClaims> {
        self.stored.get(key).map(|(_, c)| c)
    }

    /// Records one document of this run (found in the cache or extracted).
    pub fn record(&mut self, key: String, doc: &Document, claims: &DocClaims, hit: bool) {
        if hit {
            self.hits += 1;
        } else {
            self.misses += 1;
        }
        let meta = DocMeta {
            path: key.clone(),
            record: None,
            published: doc.published,
            bytes: doc.text.len(),
            rules: None,
        };
        self.used.push((key, meta, claims.clone()));
    }

    /// Writes the cache: this run's documents, then earlier entries while
    /// there is room. Written to a temporary file and renamed, so a reader
    /// never sees half a cache.
    pub fn save(mut self, rules: &RuleSet) -> std::io::Result<()> {
        fs::create_dir_all(&self.dir)?;
        let mut metas = Vec::new();
        let mut docs = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for (key, mut meta, claims) in std::mem::take(&mut self.used) {
            if seen.insert(key) {
                meta.rules = Some(rules.fingerprint.clone());
                // Stored before unification: the subject as the document resolved it.
                metas.push(meta);
                docs.push(claims);
            }
        }
        let mut older: Vec<(String, (DocMeta, DocClaims))> = self
            .stored
            .into_iter()
            .filter(|(k, _)| !seen.contains(k))
            .collect();
        older.sort_by(|a, b| a.0.cmp(&b.0));
        for (_, (meta, claims)) in older
            .into_iter()
            .take(MAX_ENTRIES.saturating_sub(metas.len()))
        {
            metas.push(meta);
            docs.push(claims);
        }
        let extracted = crate::Extracted::concat(docs);
        let tmp = self.dir.join(format!("{FILE}.{}.tmp", std::process::id()));
        let mut out = BufWriter::new(fs::File::create(&tmp)?);
        super::write(&mut out, &metas, &extracted, true)?;
        out.flush()?;
        drop(out);
        fs::rename(&tmp, self.dir.join(FILE))?;
        // A cache directory should not be committed by accident.
        let ignore = self.dir.join(".gitignore");
        if !ignore.exists() {
            let _ = fs::write(ignore, "*\n");
        }
        Ok(())
    }
}
