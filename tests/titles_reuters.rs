//! Person–title extraction scored against the Reuters gold set
//! (`tests/data/reuters-titles/`), through the library API.
//!
//! Reads the articles from `../shared/corpora/reuters21578/reuters21578.jsonl.gz`
//! (research-only licence: never copied into the repository) and skips when
//! the file is absent. Matching follows `scripts/score_titles.py`: the record
//! is equal, the person matches (full names equal ignoring case, or surnames
//! equal when one side is a single word) and the byte spans overlap; each
//! prediction and each gold row is used once, pairs whose value equals the
//! gold title first. The floors sit a little below the figures reached when
//! the test was written, so a regression fails it; `scripts/score_titles.py`
//! prints the full per-pattern report.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use claimcheck::claim::ClaimKind;
use claimcheck::corpus::{self, Corpus};
use claimcheck::RuleSet;

/// (split, precision floor, recall floor, title-exact floor: the share of
/// matched pairs whose value is the gold title, "at ORG" tails removed)
/// Definition v2 (issue 17) for every split; `fresh`, `fresh2` and `fresh3`
/// were each scored once, blind, before their floors were written
/// (README.md there).
const FLOORS: &[(&str, f64, f64, f64)] = &[
    ("dev", 0.97, 0.95, 0.95),
    ("heldout", 0.95, 0.90, 0.93),
    ("fresh", 0.94, 0.91, 0.93),
    ("fresh2", 0.97, 0.85, 0.92),
    ("fresh3", 0.97, 0.95, 0.95),
];

struct Gold {
    record: String,
    start: usize,
    end: usize,
    person: String,
    title: String,
}

struct Pred {
    start: usize,
    end: usize,
    /// The display name over the whole run and the name as the article
    /// gives it (`document_subject`): the gold person is the article's
    /// fullest form, so either matches (as in the scorer).
    people: [String; 2],
    value: String,
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn corpus_path() -> PathBuf {
    root().join("../shared/corpora/reuters21578/reuters21578.jsonl.gz")
}

fn gold(split: &str) -> Vec<Gold> {
    let path = root().join(format!("tests/data/reuters-titles/{split}.jsonl"));
    let text = std::fs::read_to_string(&path).expect("gold file");
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("gold row is JSON");
            Gold {
                record: v["record"].as_str().expect("record").to_string(),
                start: v["start"].as_u64().expect("start") as usize,
                end: v["end"].as_u64().expect("end") as usize,
                person: v["person"].as_str().expect("person").to_string(),
                title: v["title"].as_str().expect("title").to_string(),
            }
        })
        .collect()
}

/// record → split, from `articles.txt`.
fn articles() -> BTreeMap<String, String> {
    let text = std::fs::read_to_string(root().join("tests/data/reuters-titles/articles.txt"))
        .expect("articles.txt");
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let mut f = l.split('\t');
            Some((f.next()?.trim().to_string(), f.next()?.trim().to_string()))
        })
        .collect()
}

fn words(s: &str) -> Vec<String> {
    s.split_whitespace()
        .map(|t| t.trim_matches(|c| c == '.' || c == ',').to_lowercase())
        .filter(|t| !t.is_empty())
        .collect()
}

fn person_matches(a: &str, b: &str) -> bool {
    let (p, g) = (words(a), words(b));
    if p.is_empty() || g.is_empty() {
        return false;
    }
    if p == g {
        return true;
    }
    if p.len() != 1 && g.len() != 1 {
        return false;
    }
    let (single, full) = if p.len() == 1 { (&p, &g) } else { (&g, &p) };
    let core: Vec<&String> = full
        .iter()
        .filter(|t| !matches!(t.as_str(), "jr" | "sr" | "ii" | "iii" | "iv"))
        .collect();
    let core = if core.is_empty() {
        full.iter().collect()
    } else {
        core
    };
    // Surname: the last word, or the first for surname-first names.
    single[0] == *core[core.len() - 1] || single[0] == *core[0]
}

/// Title comparison of the scorer, roughly: case and spaces ignored, a
/// trailing "of/for/at ..." dropped.
fn same_title(value: &str, gold: &str) -> bool {
    let norm = |s: &str| {
        let w = words(s);
        let cut = w
            .iter()
            .position(|x| matches!(x.as_str(), "of" | "for" | "at"))
            .unwrap_or(w.len());
        w[..cut].join(" ")
    };
    let (v, g) = (norm(value), norm(gold));
    v == g || v.ends_with(&format!(" {g}"))
}

/// (matched, predicted, gold, matched with the gold title)
fn score(
    preds: &BTreeMap<String, Vec<Pred>>,
    gold: &[Gold],
    records: &BTreeSet<String>,
) -> (usize, usize, usize, usize) {
    let mut matched = 0;
    let mut exact = 0;
    let mut predicted = 0;
    for record in records {
        let ps = preds.get(record).map(Vec::as_slice).unwrap_or(&[]);
        predicted += ps.len();
        let gs: Vec<&Gold> = gold.iter().filter(|g| &g.record == record).collect();
        let mut used_p = vec![false; ps.len()];
        let mut used_g = vec![false; gs.len()];
        for strict in [true, false] {
            for (gi, g) in gs.iter().enumerate() {
                if used_g[gi] {
                    continue;
                }
                let hit = ps.iter().enumerate().find(|(pi, p)| {
                    !used_p[*pi]
                        && p.start < g.end
                        && g.start < p.end
                        && p.people.iter().any(|n| person_matches(n, &g.person))
                        && (!strict || same_title(&p.value, &g.title))
                });
                if let Some((pi, _)) = hit {
                    used_p[pi] = true;
                    used_g[gi] = true;
                    matched += 1;
                    exact += usize::from(strict);
                }
            }
        }
    }
    (matched, predicted, gold.len(), exact)
}

#[test]
fn reuters_title_extraction_holds_its_floors() {
    let path = corpus_path();
    if !Path::new(&path).exists() {
        eprintln!("skipped: {} not found", path.display());
        return;
    }
    let selected = articles();
    let full = corpus::load(
        &[path.to_string_lossy().into_owned()],
        &mut std::io::empty(),
    );
    let mut corpus = Corpus::default();
    for doc in full.documents {
        if doc
            .record
            .as_ref()
            .is_some_and(|r| selected.contains_key(r))
        {
            corpus.push(doc);
        }
    }
    assert_eq!(
        corpus.documents.len(),
        selected.len(),
        "every selected article is in the corpus"
    );
    let rules = RuleSet::shipped().expect("shipped rules");
    let claims = claimcheck::extract(&corpus, &rules);
    let mut preds: BTreeMap<String, Vec<Pred>> = BTreeMap::new();
    for c in claims.iter().filter(|c| c.kind == ClaimKind::Title) {
        let record = corpus.documents[c.doc].record.clone().unwrap_or_default();
        preds.entry(record).or_default().push(Pred {
            start: c.span.start,
            end: c.span.end,
            people: [c.subject.to_string(), c.document_subject.to_string()],
            value: c.value.to_string(),
        });
    }
    for &(split, min_p, min_r, min_exact) in FLOORS {
        let records: BTreeSet<String> = selected
            .iter()
            .filter(|(_, s)| *s == split)
            .map(|(r, _)| r.clone())
            .collect();
        let (m, p, g, e) = score(&preds, &gold(split), &records);
        let precision = if p == 0 { 1.0 } else { m as f64 / p as f64 };
        let recall = if g == 0 { 1.0 } else { m as f64 / g as f64 };
        let exact = if m == 0 { 1.0 } else { e as f64 / m as f64 };
        eprintln!("{split}: {m} matched, {p} predicted, {g} gold: precision {precision:.3} recall {recall:.3} title exact {exact:.3}");
        assert!(
            exact >= min_exact,
            "{split} title exact {exact:.3} < {min_exact}"
        );
        assert!(
            precision >= min_p,
            "{split} precision {precision:.3} < {min_p}"
        );
        assert!(recall >= min_r, "{split} recall {recall:.3} < {min_r}");
    }
}

#[test]
fn person_matching_follows_the_scorer() {
    assert!(person_matches("James Baker", "james baker"));
    assert!(person_matches("Baker", "James Baker"));
    assert!(!person_matches("James Baker", "Howard Baker Jr."));
    assert!(same_title("chairman of the board", "chairman"));
    assert!(same_title("West German Chancellor", "Chancellor"));
}
