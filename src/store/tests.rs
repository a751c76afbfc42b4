use super::*;
use crate::corpus::Corpus;

fn corpus_of(docs: &[(&str, &str)]) -> Corpus {
    let mut corpus = Corpus::default();
    for (path, text) in docs {
        corpus.push(Document::from_text(path, text));
    }
    corpus
}

const A: &str = "Updated: 12 Jun 2023\n\nDaniel Kritenbrink, assistant secretary of state for East Asian and Pacific affairs, spoke on Tuesday.\n";
const B: &str = "Updated: 13 Jun 2023\n\nUS Under Secretary of State for East Asia Daniel Kritenbrink spoke. Chinese Foreign Minister Wang Yi met Blinken; Blinken later met with Yi.\n";
const EMPTY: &str = "Nothing to see here.\n";

fn written(corpus: &Corpus, rules: &RuleSet, documents: bool) -> Vec<u8> {
    let extracted = crate::extract_all(corpus, rules, &|_| {});
    let metas: Vec<DocMeta> = corpus
        .documents
        .iter()
        .map(|d| DocMeta::of(d, rules))
        .collect();
    let mut out = Vec::new();
    write(&mut out, &metas, &extracted, documents).unwrap();
    out
}

#[test]
fn checking_stored_claims_gives_the_findings_of_checking_the_documents() {
    let rules = RuleSet::shipped().unwrap();
    let corpus = corpus_of(&[("a.txt", A), ("b.txt", B), ("c.txt", EMPTY)]);
    let direct = crate::analyze(&corpus, &rules).report;
    let bytes = written(&corpus, &rules, true);
    let loaded = read(&[], &rules, &mut &b""[..]);
    assert!(loaded.documents.is_empty());
    let mut reader = wire::Reader::new(&rules);
    reader.read_stream("claims.jsonl", &bytes[..]);
    let loaded = reader.finish();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let (stored_corpus, extracted) = loaded.into_corpus(&rules);
    let stored = crate::analyze_claims(&stored_corpus, &rules, extracted).report;
    assert!(!direct.findings.is_empty());
    assert_eq!(direct.findings, stored.findings);
    assert_eq!(direct.documents, stored.documents);
    assert_eq!(direct.claims, stored.claims);
}

#[test]
fn without_document_lines_documents_without_claims_are_missing() {
    let rules = RuleSet::shipped().unwrap();
    let corpus = corpus_of(&[("a.txt", A), ("c.txt", EMPTY)]);
    let bytes = written(&corpus, &rules, false);
    let mut reader = wire::Reader::new(&rules);
    reader.read_stream("claims.jsonl", &bytes[..]);
    let loaded = reader.finish();
    assert_eq!(
        loaded.without_document_lines,
        vec!["claims.jsonl".to_string()]
    );
    assert_eq!(loaded.documents.len(), 1);
}

#[test]
fn bad_lines_are_problems_with_line_numbers_and_the_rest_is_read() {
    let rules = RuleSet::shipped().unwrap();
    let corpus = corpus_of(&[("a.txt", A)]);
    let mut bytes = b"{\"kind\": \"title\"}\nnot json\n".to_vec();
    bytes.extend(written(&corpus, &rules, true));
    let mut reader = wire::Reader::new(&rules);
    reader.read_stream("claims.jsonl", &bytes[..]);
    let loaded = reader.finish();
    let lines: Vec<Option<usize>> = loaded.problems.iter().map(|p| p.line).collect();
    assert_eq!(lines, vec![Some(1), Some(2)]);
    assert!(loaded.problems[0].message.contains("missing field"));
    assert_eq!(loaded.documents.len(), 1);
    assert!(!loaded.documents[0].1.claims.is_empty());
}

#[test]
fn a_document_given_by_two_files_is_counted_once() {
    let rules = RuleSet::shipped().unwrap();
    let corpus = corpus_of(&[("a.txt", A)]);
    let bytes = written(&corpus, &rules, true);
    let mut reader = wire::Reader::new(&rules);
    reader.read_stream("one.jsonl", &bytes[..]);
    reader.read_stream("two.jsonl", &bytes[..]);
    let loaded = reader.finish();
    assert_eq!(loaded.documents.len(), 1);
    let once = crate::extract_all(&corpus, &rules, &|_| {}).claims.len();
    assert_eq!(loaded.documents[0].1.claims.len(), once);
    assert!(loaded.problems[0].message.contains("earlier claims file"));
}

#[test]
fn the_cache_key_follows_text_and_publication_date_not_path() {
    let rules = RuleSet::shipped().unwrap();
    let a = Document::from_text("a.txt", A);
    let renamed = Document::from_text("elsewhere/a.txt", A);
    let mut redated = Document::from_text("a.txt", A);
    redated.published = jiff::civil::Date::new(2020, 1, 1).ok();
    let edited = Document::from_text("a.txt", &A.replace("spoke", "said"));
    let mut filed = Document::from_text("a.txt", A);
    filed.dateline = Some("DHAKA".into());
    assert_ne!(cache::key(&rules, &a), cache::key(&rules, &filed));
    assert_eq!(cache::key(&rules, &a), cache::key(&rules, &renamed));
    assert_ne!(cache::key(&rules, &a), cache::key(&rules, &redated));
    assert_ne!(cache::key(&rules, &a), cache::key(&rules, &edited));
}

#[test]
fn a_second_run_through_the_cache_parses_only_what_changed() {
    let rules = RuleSet::shipped().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let first = corpus_of(&[("a.txt", A), ("b.txt", B)]);
    let mut cache = cache::Cache::open(dir.path(), &rules);
    let cold = crate::store::cache::extract_cached(&first, &rules, &mut cache, &|_| {});
    assert_eq!((cache.hits(), cache.misses()), (0, 2));
    cache.save(&rules).unwrap();

    let second = corpus_of(&[("a.txt", A), ("b.txt", &B.replace("spoke", "said"))]);
    let mut cache = cache::Cache::open(dir.path(), &rules);
    let warm = crate::store::cache::extract_cached(&second, &rules, &mut cache, &|_| {});
    assert_eq!((cache.hits(), cache.misses()), (1, 1));
    assert!(cache.warnings.is_empty(), "{:?}", cache.warnings);
    let fresh = crate::extract_all(&second, &rules, &|_| {});
    let analyzed = |c: &Corpus, e| crate::analyze_claims(c, &rules, e).report.findings;
    assert_eq!(analyzed(&second, warm), analyzed(&second, fresh));
    assert!(!analyzed(&first, cold).is_empty());
}

#[test]
fn bare_given_names_travel_as_name_lines() {
    let rules = RuleSet::shipped().unwrap();
    let corpus = corpus_of(&[("b.txt", B)]);
    let extracted = crate::extract_all(&corpus, &rules, &|_| {});
    assert!(!extracted.given_names.is_empty(), "B says 'met with Yi'");
    let bytes = written(&corpus, &rules, false);
    let text = String::from_utf8(bytes.clone()).unwrap();
    assert!(text.contains("\"kind\":\"name\""), "{text}");
    let mut reader = wire::Reader::new(&rules);
    reader.read_stream("claims.jsonl", &bytes[..]);
    let loaded = reader.finish();
    assert_eq!(loaded.documents[0].1.given_names, extracted.given_names);
}

/// Document entries in the cache file.
fn cache_entries(dir: &std::path::Path) -> usize {
    let file = std::fs::read_to_string(dir.join("claims-v1.jsonl")).unwrap();
    file.lines()
        .filter(|l| l.contains("\"kind\":\"document\""))
        .count()
}

/// One run through the cache in `dir`; returns (hits, misses).
fn cached_run(dir: &std::path::Path, corpus: &Corpus, rules: &RuleSet) -> (usize, usize) {
    let mut cache = cache::Cache::open(dir, rules);
    crate::store::cache::extract_cached(corpus, rules, &mut cache, &|_| {});
    let counts = (cache.hits(), cache.misses());
    cache.save(rules).unwrap();
    counts
}

#[test]
fn rule_edits_do_not_grow_the_cache_without_bound() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus_of(&[("a.txt", A), ("b.txt", B), ("e.txt", EMPTY)]);
    let shipped = RuleSet::shipped().unwrap();
    // Each edit of the rules is a new fingerprint: a new generation.
    let generation = |n: usize| {
        let mut rules = shipped.clone();
        rules.fingerprint = format!("edit {n}");
        rules
    };
    for n in 0..6 {
        assert_eq!(cached_run(dir.path(), &corpus, &generation(n)), (0, 3));
        assert_eq!(cached_run(dir.path(), &corpus, &generation(n)), (3, 0));
        // This generation and at most as many entries of earlier ones.
        assert!(
            cache_entries(dir.path()) <= 6,
            "{}",
            cache_entries(dir.path())
        );
    }
    // The previous rules' claims are still there to switch back to.
    assert_eq!(cached_run(dir.path(), &corpus, &generation(4)), (3, 0));
}

#[test]
fn a_run_over_a_subset_keeps_the_rest_of_the_archive() {
    let dir = tempfile::tempdir().unwrap();
    let rules = RuleSet::shipped().unwrap();
    let all = corpus_of(&[("a.txt", A), ("b.txt", B), ("e.txt", EMPTY)]);
    let one = corpus_of(&[("a.txt", A)]);
    assert_eq!(cached_run(dir.path(), &all, &rules), (0, 3));
    // Entries this run does not use are other documents under the same
    // rules, not dead weight.
    assert_eq!(cached_run(dir.path(), &one, &rules), (1, 0));
    assert_eq!(cached_run(dir.path(), &all, &rules), (3, 0));
    assert_eq!(cache_entries(dir.path()), 3);
}
