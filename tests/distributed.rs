//! The distributed check without an engine: `claims --documents`, then
//! `partition`, `partition-check` on the partitions (all at once, or each
//! key alone, in any order, one of them twice), then `merge`, gives the
//! report one `check` of the documents gives, byte for byte.
//! `scripts/distributed_check.py` runs the same recipe on Apache Spark.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

mod common;
use common::{path_str as path, repo};

/// Runs claimcheck in the repository; returns stdout, stderr, exit code.
fn run(args: &[&str]) -> (Vec<u8>, String, i32) {
    common::run_in(&repo(), args)
}

/// Documents that give the kinds the fixtures do not: a weekday that
/// contradicts its date (twice, at one offset in two records of one
/// file: the findings tie on the report's order), a Chinese given name
/// used alone, one name in three spellings (two joined only through
/// the third), a meeting told with two and with three participants at
/// two venues (the smaller set compared with the larger), one
/// person's two ages, and an agency's name written one letter off by one
/// of four reports of a story (`name-form`: its documents meet under the
/// story names "Erdogan" and "Sochi"), and a surname one article misspells
/// beside its right spelling, which two other reports of the story write
/// right (the `name` partition's flag gets the story's majority in the
/// `slips` partition), and a venue spelled two ways (`spelling`: its
/// partition is the group of the two spellings).
fn extra_documents(dir: &Path) -> PathBuf {
    let extra = dir.join("extra");
    std::fs::create_dir_all(&extra).unwrap();
    let records = [
        ("r1", "The talks opened on Thursday, July 7, 2023, in Geneva."),
        ("r2", "The talks opened on Thursday, July 7, 2023, in Vienna."),
        (
            "r3",
            "China's top diplomat, Wang Yi, spoke first. Later Jake Sullivan met with Yi in Vienna.",
        ),
        (
            "r4",
            "Jane Roe met with John Doe and Mary Poe at the Grand Hotel on Friday. Jane Roe, 53, said so.",
        ),
        (
            "r5",
            "Jane Roe held talks with John Doe at the Royal Palace on Friday. Jane Roe, 63, said so.",
        ),
        (
            "r6",
            "Erdogan flew to Sochi, the state agency Anadolu reported on Monday.",
        ),
        (
            "r7",
            "In Sochi, Erdogan met Putin, Turkish agency Anadolu said.",
        ),
        (
            "r8",
            "The talks in Sochi ended, according to Anadolu, after Erdogan spoke.",
        ),
        (
            "r9",
            "Erdogan arrived in Sochi, the news agency Andolu reported.",
        ),
        (
            "r10",
            "Japanese Prime Minister Fumio Kishida met Erdogan in Sochi on Monday. \
             Kishida spoke first. In the evening, Kishisa thanked the hosts.",
        ),
        (
            "r11",
            "In Sochi, Prime Minister Fumio Kishida met Erdogan, officials said.",
        ),
        (
            "r12",
            "Erdogan and Kishida held talks in Sochi, Kishida's office said.",
        ),
        (
            "r13",
            "Putin hosted the guests at the Mariinsky Palace in St Petersburg on Friday.",
        ),
        (
            "r14",
            "The guests were received at the Mariinsky Palace, officials said.",
        ),
        (
            "r15",
            "Putin received them at the Mariinksy Palace on Friday.",
        ),
    ];
    let mut jsonl = String::new();
    for (id, body) in records {
        let rec = serde_json::json!({"id": id, "date": "2023-07-08", "body": body});
        jsonl.push_str(&format!("{rec}\n"));
    }
    std::fs::write(extra.join("wire.jsonl"), jsonl).unwrap();
    let title = "assistant secretary of state for East Asian and Pacific affairs";
    for (file, name) in [
        ("a.txt", "Daniel Kritenbrink"),
        ("b.txt", "Daniel Kleitenbrink"),
        ("c.txt", "Danial Kritenbrink"),
    ] {
        std::fs::write(extra.join(file), format!("{name}, {title}, spoke.\n")).unwrap();
    }
    extra
}

/// The fixtures' documents and the extra ones.
fn inputs(dir: &Path) -> Vec<String> {
    let mut paths: Vec<String> = [
        "news",
        "syndicated",
        "events",
        "corrected",
        "romanised",
        // Leadership roles read per country, and a holder's longer name.
        "leaders",
        // A bare surname joined to another article's full name: its
        // partition must hold the relation's other claims.
        "arrival",
    ]
    .iter()
    .map(|f| format!("fixtures/{f}"))
    .collect();
    paths.push(path(&extra_documents(dir)).to_string());
    paths
}

/// `claims --documents` then `partition`; returns the keyed lines' file
/// and the head.
fn partition(dir: &Path, paths: &[String]) -> (PathBuf, PathBuf) {
    let mut args = vec!["claims", "--documents"];
    args.extend(paths.iter().map(String::as_str));
    let (out, err, code) = run(&args);
    assert_eq!(code, 0, "{err}");
    let claims = dir.join("claims.jsonl");
    std::fs::write(&claims, out).unwrap();
    let head = dir.join("head.json");
    let (keyed, err, code) = run(&["partition", path(&claims), "--head", path(&head)]);
    assert_eq!(code, 0, "{err}");
    let file = dir.join("keyed.tsv");
    std::fs::write(&file, keyed).unwrap();
    (file, head)
}

/// `partition-check` on each task's keyed lines in two rounds, as an
/// engine runs it: every kind but `slips` first, each task alone; then the
/// `slips` lines — those `partition` wrote and those the first round's
/// `forms` partitions passed on — in one more task. Returns the files of
/// findings.
fn check_in_two_rounds(dir: &Path, tasks: &[String]) -> Vec<PathBuf> {
    let mut partials = Vec::new();
    let mut slips = String::new();
    let mut passed_on = 0;
    for (i, text) in tasks.iter().enumerate() {
        let mut first = String::new();
        for line in text.lines() {
            let to = match line.starts_with("slips/") {
                true => &mut slips,
                false => &mut first,
            };
            to.push_str(line);
            to.push('\n');
        }
        let file = dir.join(format!("task-{i}.tsv"));
        std::fs::write(&file, first).unwrap();
        let (out, err, code) = run(&["partition-check", path(&file)]);
        assert_eq!(code, 0, "{err}");
        let (mut found, mut next) = (String::new(), String::new());
        for line in String::from_utf8(out).unwrap().lines() {
            let to = match line.starts_with('{') {
                true => &mut found,
                false => &mut next,
            };
            to.push_str(line);
            to.push('\n');
        }
        assert!(next.lines().all(|l| l.starts_with("slips/all\t")), "{next}");
        passed_on += next.lines().count();
        slips.push_str(&next);
        let partial = dir.join(format!("task-{i}.jsonl"));
        std::fs::write(&partial, found).unwrap();
        partials.push(partial);
    }
    let file = dir.join("slips.tsv");
    std::fs::write(&file, &slips).unwrap();
    let (out, err, code) = run(&["partition-check", path(&file)]);
    assert_eq!(code, 0, "{err}");
    assert!(out.is_empty() || passed_on > 0 || !slips.is_empty());
    let partial = dir.join("slips.jsonl");
    std::fs::write(&partial, out).unwrap();
    partials.push(partial);
    partials
}

fn merge(head: &Path, partials: &[PathBuf], format: &str) -> Vec<u8> {
    let mut args = vec!["merge", "--head", path(head), "--format", format];
    args.extend(partials.iter().map(|p| path(p)));
    let (out, err, code) = run(&args);
    assert!(code == 0 || code == 1, "{err}");
    out
}

fn check(paths: &[String], format: &str) -> Vec<u8> {
    let mut args = vec!["check", "--format", format];
    args.extend(paths.iter().map(String::as_str));
    run(&args).0
}

#[test]
fn partitions_checked_together_give_the_report_of_one_check() {
    let dir = tempfile::tempdir().unwrap();
    let paths = inputs(dir.path());
    let (keyed, head) = partition(dir.path(), &paths);
    let text = std::fs::read_to_string(&keyed).unwrap();
    for kind in [
        "subject/", "office/", "variant/", "name/", "date/", "forms/", "slips/",
    ] {
        assert!(text.lines().any(|l| l.starts_with(kind)), "no {kind} lines");
    }
    // The name-form slip of the extra documents comes through a `forms`
    // partition keyed by a story name, not through one of every document.
    assert!(!text.lines().any(|l| l.starts_with("forms/all\t")));
    let partials = check_in_two_rounds(dir.path(), std::slice::from_ref(&text));
    for format in ["json", "concise"] {
        let one = check(&paths, format);
        assert!(!one.is_empty());
        let merged = merge(&head, &partials, format);
        assert_eq!(
            String::from_utf8_lossy(&merged),
            String::from_utf8_lossy(&one),
            "{format}"
        );
    }
    // Findings of every kind came through.
    let report: serde_json::Value = serde_json::from_slice(&check(&paths, "json")).unwrap();
    let checks: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["check"].as_str().unwrap())
        .collect();
    for c in [
        "title-mismatch",
        "office-holder-overlap",
        "office-reference",
        "name-variant",
        "date-consistency",
        "meeting-place-mismatch",
        "event-date-mismatch",
        "name-form-spelling",
    ] {
        assert!(checks.contains(&c), "{c} missing from {checks:?}");
    }
}

#[test]
fn each_partition_alone_in_any_order_gives_the_same_report() {
    let dir = tempfile::tempdir().unwrap();
    let paths = inputs(dir.path());
    let (keyed, head) = partition(dir.path(), &paths);
    let mut by_key: BTreeMap<String, String> = BTreeMap::new();
    for line in std::fs::read_to_string(&keyed).unwrap().lines() {
        let key = line.split('\t').next().unwrap().to_string();
        let text = by_key.entry(key).or_default();
        text.push_str(line);
        text.push('\n');
    }
    assert!(by_key.len() >= 8, "{:?}", by_key.keys());
    // In reverse key order, as an engine's tasks may finish.
    let tasks: Vec<String> = by_key.values().rev().cloned().collect();
    let mut partials = check_in_two_rounds(dir.path(), &tasks);
    // A partition given twice (an engine's retried task) counts once.
    partials.push(partials[0].clone());
    assert_eq!(merge(&head, &partials, "json"), check(&paths, "json"));
}

#[test]
fn bad_inputs_are_clear_errors() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.tsv");
    std::fs::write(&bad, "no tabs here\n").unwrap();
    let (_, err, code) = run(&["partition-check", path(&bad)]);
    assert_eq!(code, 2);
    assert!(err.contains("bad.tsv:1: not a keyed line"), "{err}");

    let unknown = dir.path().join("unknown.tsv");
    std::fs::write(&unknown, "people/x\t1\t{}\n").unwrap();
    let (_, err, code) = run(&["partition-check", path(&unknown)]);
    assert_eq!(code, 2);
    assert!(
        err.contains("unknown.tsv:1: unknown partition kind `people`"),
        "{err}"
    );

    let (_, err, code) = run(&["merge", "--head", path(&bad), path(&bad)]);
    assert_eq!(code, 2);
    assert!(err.contains("not a head written by"), "{err}");

    let head = dir.path().join("head.json");
    std::fs::write(&head, r#"{"version": 1, "documents": 1, "claims": 0, "findings": [], "summary": {"error": 0, "warning": 0, "info": 0}, "problems": []}"#).unwrap();
    let (_, err, code) = run(&["merge", "--head", path(&head), path(&bad)]);
    assert_eq!(code, 2);
    assert!(
        err.contains("bad.tsv:1: not a finding written by `claimcheck partition-check`"),
        "{err}"
    );
}

/// The first `n` Reuters records and a copy of each with a new id (so
/// every story has a copy family across partitions), or `None` (the test
/// skips) when ../shared is absent.
fn reuters_twice(dir: &Path, n: usize) -> Option<PathBuf> {
    use std::io::Write;
    let lines = common::reuters_records(0, n)?;
    let path = dir.join("reuters-twice.jsonl");
    let mut out = std::fs::File::create(&path).unwrap();
    for copy in 0..2 {
        for line in &lines {
            let mut rec: serde_json::Value = serde_json::from_str(line).unwrap();
            if copy == 1 {
                let id = match &rec["id"] {
                    serde_json::Value::String(s) => s.clone(),
                    other => other.to_string(),
                };
                rec["id"] = format!("{id}-1").into();
            }
            writeln!(out, "{rec}").unwrap();
        }
    }
    Some(path)
}

#[test]
fn reuters_partitions_in_five_tasks_give_the_report_of_one_check() {
    let dir = tempfile::tempdir().unwrap();
    let Some(corpus) = reuters_twice(dir.path(), 5000) else {
        return;
    };
    let paths = vec![path(&corpus).to_string()];
    let (keyed, head) = partition(dir.path(), &paths);
    // Five tasks, keys spread by a hash as an engine spreads them.
    let mut tasks = vec![String::new(); 5];
    for line in std::fs::read_to_string(&keyed).unwrap().lines() {
        let key = line.split('\t').next().unwrap();
        let h = key
            .bytes()
            .fold(0u32, |h, b| h.wrapping_mul(31).wrapping_add(b.into()));
        tasks[h as usize % 5].push_str(line);
        tasks[h as usize % 5].push('\n');
    }
    let partials = check_in_two_rounds(dir.path(), &tasks);
    let one = check(&paths, "json");
    let report: serde_json::Value = serde_json::from_slice(&one).unwrap();
    assert_eq!(report["documents"], 10000);
    assert!(report["findings"].as_array().unwrap().len() > 5);
    assert!(!report["families"].as_array().unwrap().is_empty());
    // Not assert_eq: the report is long; name the first difference.
    let merged = merge(&head, &partials, "json");
    let at = merged.iter().zip(&one).position(|(a, b)| a != b);
    assert!(
        merged == one,
        "merged report differs from one check's at byte {at:?} (lengths {} and {})",
        merged.len(),
        one.len()
    );
}
