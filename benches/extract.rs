//! Per-core extraction throughput, stage by stage.
//!
//! `cargo bench --bench extract` loads the Reuters-21578 file from
//! `../shared` (or, when it is absent, the shipped `fixtures/`), then times
//! on ONE thread: sentence splitting, the date scanner, and the whole
//! per-document extraction (`extract_document`: sentences, title grammar,
//! rule patterns, dates, normalisation, locating). Each stage is run
//! `--runs N` times (default 3) and the fastest run is reported, as MB/s of
//! document text: the per-core figure the issue targets (15 MB/s), free of
//! thread start-up and of the reading stage. `scripts/bench_check.sh` times
//! the whole command on all cores instead.
//!
//! No benchmark framework: one wall clock per stage is what this measures,
//! and it keeps the dev-dependencies (and CI's `clippy --all-targets`)
//! small.

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use claimcheck::corpus::{self, Corpus};
use claimcheck::RuleSet;
use claimcheck::{extract_document, segment, temporal};

const REUTERS: &str = "../shared/corpora/reuters21578/reuters21578.jsonl.gz";

fn main() {
    let runs = runs_from_args();
    let input = if Path::new(REUTERS).exists() {
        REUTERS
    } else {
        "fixtures"
    };
    let corpus = corpus::load(&[input.to_string()], &mut std::io::empty());
    let rules = RuleSet::shipped().expect("the shipped rules load");
    let bytes: usize = corpus.documents.iter().map(|d| d.text.len()).sum();
    println!(
        "extract bench: {input}: {} documents, {:.1} MB, 1 thread, best of {runs}",
        corpus.documents.len(),
        bytes as f64 / 1e6
    );
    report("sentences", bytes, best_of(runs, || split_all(&corpus)));
    report("dates", bytes, best_of(runs, || dates_all(&corpus)));
    report(
        "extract_document",
        bytes,
        best_of(runs, || extract_all(&corpus, &rules)),
    );
}

/// `--runs N` from the command line (cargo passes `--bench` too).
fn runs_from_args() -> usize {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == "--runs")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse().ok())
        .filter(|&n| n > 0)
        .unwrap_or(3)
}

fn best_of(runs: usize, mut stage: impl FnMut() -> usize) -> Duration {
    (0..runs)
        .map(|_| {
            let start = Instant::now();
            black_box(stage());
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn report(stage: &str, bytes: usize, took: Duration) {
    let secs = took.as_secs_f64();
    println!(
        "  {stage:<18} {:>8.3} s  {:>6.1} MB/s per core",
        secs,
        bytes as f64 / 1e6 / secs.max(1e-9)
    );
}

fn split_all(corpus: &Corpus) -> usize {
    corpus
        .documents
        .iter()
        .map(|d| segment::sentences(&d.text, d.body_start).len())
        .sum()
}

fn dates_all(corpus: &Corpus) -> usize {
    corpus
        .documents
        .iter()
        .map(|d| {
            temporal::find_dates(
                &d.text[d.body_start..],
                d.published,
                temporal::Bias::Nearest,
            )
            .len()
        })
        .sum()
}

fn extract_all(corpus: &Corpus, rules: &RuleSet) -> usize {
    corpus
        .documents
        .iter()
        .enumerate()
        .map(|(id, d)| extract_document(rules, id, d).claims.len())
        .sum()
}
