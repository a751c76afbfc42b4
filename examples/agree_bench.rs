//! Scaling of the `agree` check (`compare: title`) with the number of
//! distinct wordings for one subject, for `scripts/bench_agree.sh`.
//!
//! `agree_bench [N...]` builds N synthetic title claims about one person
//! (about a third of them distinct wordings: heads, ranks, portfolios,
//! organisations and domains mixed), runs the shipped `title-mismatch`
//! check over them and prints the time, the comparisons emitted and the
//! time ratio to the previous N. A near-linear check doubles its time when
//! N doubles; a quadratic one quadruples it.

use std::collections::BTreeSet;
use std::time::Instant;

use claimcheck::checks::agree;
use claimcheck::claim::{Claim, ClaimKind};
use claimcheck::claim::{NormTitle, TitleTime};
use claimcheck::rules::CheckKind;
use claimcheck::source::Span;
use claimcheck::RuleSet;

/// A small deterministic generator (no dependency, same claims each run).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n
    }
}

fn claims(n: usize) -> Vec<Claim> {
    let heads = ["director", "chairman", "secretary", "minister", "governor"];
    let ranks = [None, Some("deputy"), Some("assistant"), Some("under")];
    let portfolios: [&[&str]; 4] = [&[], &["finance"], &["trade"], &["foreign", "policy"]];
    let orgs = [
        None,
        Some("U.S."),
        Some("Japan"),
        Some("Canada"),
        Some("Lloyds"),
    ];
    let quals: [&[&str]; 3] = [&[], &["new"], &["acting"]];
    let mut rng = Lcg(42);
    let docs = (n / 4).max(1);
    (0..n)
        .map(|i| {
            let title = NormTitle {
                rank: ranks[rng.next(ranks.len())].map(str::to_string),
                head: heads[rng.next(heads.len())].to_string(),
                portfolio: portfolios[rng.next(portfolios.len())]
                    .iter()
                    .map(|w| w.to_string())
                    .collect(),
                domain: BTreeSet::from([format!("region{}", rng.next(n / 20 + 1))]),
                org: orgs[rng.next(orgs.len())].map(str::to_string),
                time: if rng.next(20) == 0 {
                    TitleTime::Past
                } else {
                    TitleTime::Present
                },
                qualifiers: quals[rng.next(quals.len())]
                    .iter()
                    .map(|w| w.to_string())
                    .collect(),
                office: None,
                descriptive: false,
            };
            Claim {
                doc: i % docs,
                span: Span::new(0, 1),
                kind: ClaimKind::Title,
                subject: "Jane Roe".into(),
                document_subject: "Jane Roe".into(),
                subject_key: "jane roe".into(),
                subject_resolved: true,
                value: Default::default(),
                value_span: Span::new(0, 1),
                title: title.into(),
                pattern: "premodifier",
                facts: None,
                at: Default::default(),
            }
        })
        .collect()
}

fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let sizes = if sizes.is_empty() {
        vec![2_000, 4_000, 8_000, 16_000, 32_000]
    } else {
        sizes
    };
    let rules = RuleSet::shipped().expect("shipped rules load");
    let (index, check) = rules
        .checks
        .iter()
        .enumerate()
        .find(|(_, c)| matches!(c.kind, CheckKind::Agree { .. }) && c.relation == "title")
        .expect("a title agree check");
    let CheckKind::Agree { compare } = check.kind else {
        unreachable!()
    };
    let mut previous: Option<f64> = None;
    for n in sizes {
        let claims = claims(n);
        let published: Vec<Option<jiff::civil::Date>> = (0..n)
            .map(|d| Some(jiff::civil::date(1987, 3, 1) + jiff::Span::new().days((d % 60) as i64)))
            .collect();
        let mut best = f64::MAX;
        let mut edges = 0;
        for _ in 0..3 {
            let mut out = Vec::new();
            let start = Instant::now();
            agree::run(&rules, index, check, compare, &claims, &published, &mut out);
            best = best.min(start.elapsed().as_secs_f64());
            edges = out.len();
        }
        let ratio = previous.map_or(String::new(), |p| format!("  x{:.2}", best / p));
        println!(
            "{n:>7} claims  {edges:>7} comparisons  {:>9.4} s{ratio}",
            best
        );
        previous = Some(best);
    }
}
