//! Copy-family measurements for `docs/families.md`: loads the documents
//! named on the command line, prints the distribution of candidate pairs'
//! estimated similarity, the families at the shipped threshold and at a
//! few others, and writes every candidate pair at or above 0.2 as
//! `similarity <TAB> document <TAB> document` lines to stdout with
//! `--pairs`.
//!
//!     cargo run --release --example family_pairs -- CORPUS [--pairs]

use std::time::Instant;

use claimcheck::family::{near_in_time, scored_pairs, Families, Signature, THRESHOLD};
use rayon::prelude::*;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let pairs_wanted = args.iter().any(|a| a == "--pairs");
    let paths: Vec<String> = args.into_iter().filter(|a| a != "--pairs").collect();
    let corpus = claimcheck::corpus::load(&paths, &mut std::io::empty());
    let t = Instant::now();
    let sigs: Vec<Signature> = corpus
        .documents
        .par_iter()
        .map(|d| Signature::of(d.title.as_deref(), &d.text))
        .collect();
    let signed = t.elapsed();
    let scored = scored_pairs(&sigs);
    let published: Vec<_> = corpus.documents.iter().map(|d| d.published).collect();
    let families = Families::group(&sigs, &published);
    // From here on, pairs published too far apart are left out.
    let scored: Vec<_> = scored
        .into_iter()
        .filter(|&(a, b, _)| near_in_time(published[a], published[b]))
        .collect();
    eprintln!(
        "{} documents; signatures {:.1} ms; candidates {}; all {:.1} ms",
        sigs.len(),
        signed.as_secs_f64() * 1e3,
        scored.len(),
        t.elapsed().as_secs_f64() * 1e3
    );
    let mut hist = [0usize; 10];
    for &(_, _, s) in &scored {
        hist[((s * 10.0) as usize).min(9)] += 1;
    }
    for (i, n) in hist.iter().enumerate() {
        eprintln!(
            "  similarity {:.1}-{:.1}: {n} pairs",
            i as f64 / 10.0,
            (i + 1) as f64 / 10.0
        );
    }
    let mut chist = [0usize; 10];
    for &(a, b, s) in &scored {
        if s >= claimcheck::family::MIN_SIMILARITY {
            chist[((sigs[a].containment(&sigs[b]) * 10.0) as usize).min(9)] += 1;
        }
    }
    for (i, n) in chist.iter().enumerate() {
        eprintln!(
            "  containment {:.1}-{:.1}: {n} pairs",
            i as f64 / 10.0,
            (i + 1) as f64 / 10.0
        );
    }
    for t in [0.5, 0.6, 0.65, 0.7, 0.75, 0.8, 0.9] {
        let mut g = claimcheck::family::Families::singletons(sigs.len());
        let mut parent: Vec<usize> = (0..sigs.len()).collect();
        fn find(p: &mut [usize], mut x: usize) -> usize {
            while p[x] != x {
                p[x] = p[p[x]];
                x = p[x];
            }
            x
        }
        for &(a, b, s) in &scored {
            if s >= claimcheck::family::MIN_SIMILARITY && sigs[a].containment(&sigs[b]) >= t {
                let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
                parent[ra.max(rb)] = ra.min(rb);
            }
        }
        g.first = (0..sigs.len()).map(|i| find(&mut parent, i)).collect();
        let mut counts = vec![0usize; sigs.len()];
        g.first.iter().for_each(|&f| counts[f] += 1);
        let fams = counts.iter().filter(|&&c| c > 1).count();
        let docs: usize = counts.iter().filter(|&&c| c > 1).sum();
        let largest = counts.iter().max().unwrap_or(&0);
        eprintln!(
            "  threshold {t:.2}{}: {fams} families of 2+, {docs} documents in them, largest {largest}",
            if (t - THRESHOLD).abs() < 1e-9 { " (shipped)" } else { "" }
        );
    }
    let copies = families.copies();
    eprintln!("shipped: {} families of 2+", copies.len());
    if pairs_wanted {
        for (a, b, s) in scored.iter().filter(|p| p.2 >= 0.2) {
            println!(
                "{:.3}\t{}\t{}\t{s:.3}",
                sigs[*a].containment(&sigs[*b]),
                corpus.documents[*a].display_name(),
                corpus.documents[*b].display_name()
            );
        }
    }
}
