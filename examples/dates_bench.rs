//! Runs the prose date scanner alone over a corpus, for profiling
//! `temporal::find_dates` (`valgrind --tool=callgrind`): `dates_bench
//! FILE… ` prints the number of mentions and a digest of them.

use claimcheck::temporal::{self, Bias};

fn main() {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    let corpus = claimcheck::corpus::load(&paths, &mut std::io::stdin());
    let mut mentions = 0;
    let mut digest: u64 = 0;
    for doc in &corpus.documents {
        let body = &doc.text[doc.body_start..];
        for m in temporal::find_dates(body, doc.published, Bias::Nearest) {
            mentions += 1;
            digest = digest
                .wrapping_mul(31)
                .wrapping_add((m.start * 7 + m.end) as u64);
        }
    }
    println!("{mentions} mentions, digest {digest:x}");
}
