//! Property tests (issue 9): the segmenter, tokenizer, title and time
//! grammars, publication-date reader, pattern compiler and rule loader on
//! arbitrary text never panic, keep spans inside the input on character
//! boundaries, and give the same output for the same input.
//!
//! CI runs a bounded number of cases with a fixed seed (deterministic);
//! a longer run: `PROPTEST_CASES=100000 cargo test --release --test fuzz`.

use std::sync::OnceLock;

use claimcheck::source::Span;
use claimcheck::temporal::{self, Bias};
use claimcheck::RuleSet;
use jiff::civil::date;
use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};

fn rules() -> &'static RuleSet {
    static RULES: OnceLock<RuleSet> = OnceLock::new();
    RULES.get_or_init(|| RuleSet::shipped().unwrap())
}

/// Cases per property: `PROPTEST_CASES` or 256.
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(256)
}

/// A runner with a fixed seed, so CI failures reproduce.
fn runner() -> TestRunner {
    let config = Config {
        cases: cases(),
        failure_persistence: None,
        ..Config::default()
    };
    TestRunner::new_with_rng(config, TestRng::deterministic_rng(RngAlgorithm::ChaCha))
}

fn check<S: Strategy>(strategy: S, test: impl Fn(S::Value) -> Result<(), TestCaseError>)
where
    S::Value: std::fmt::Debug,
{
    if let Err(e) = runner().run(&strategy, test) {
        panic!("{e}");
    }
}

/// Words that matter to the grammars, mixed with hostile characters.
const PIECES: &[&str] = &[
    "Secretary",
    "of",
    "State",
    "Antony",
    "Blinken",
    "Daniel",
    "Kritenbrink",
    "Under",
    "assistant",
    "Deputy",
    "former",
    "Foreign",
    "Minister",
    "Wang",
    "Yi",
    "U.S.",
    "China's",
    "Mr.",
    "Dr.",
    "J.",
    "said",
    "met",
    "the",
    "President",
    "Joe",
    "Biden",
    "on",
    "Monday",
    "June",
    "18",
    "18-19",
    "2023",
    "last",
    "week",
    "ago",
    "a",
    "few",
    "days",
    "earlier",
    "this",
    "month",
    "Jan.",
    "26-FEB-1987",
    "15:01:01.79",
    "Updated:",
    "date",
    "|",
    "9:32",
    "PM",
    "IST",
    ",",
    ".",
    ". ",
    "!",
    "?",
    "\"",
    "“",
    "”",
    "'s",
    "’s",
    "(",
    ")",
    "-",
    "–",
    "\n",
    "\n\n",
    "  ",
    "\t",
    "\r",
    "\u{1b}[31m",
    "\u{7}",
    "\u{0}",
    "\u{200b}",
    "\u{200f}",
    "\u{202e}",
    "\u{feff}",
    "é",
    "Ü",
    "王毅",
    "عربي",
    "🙂",
    "\u{301}",
    "...",
    "—",
    "%",
    "<",
    ">",
    "&",
    ":",
    "/",
    "1987",
    "31st",
    "1980s",
    "9",
    "99999999999999999999",
];

/// Sentence-like text from `PIECES` joined by spaces or nothing.
fn prose() -> impl Strategy<Value = String> {
    prop::collection::vec((prop::sample::select(PIECES), prop::bool::ANY), 0..60).prop_map(
        |parts| {
            let mut s = String::new();
            for (p, space) in parts {
                s.push_str(p);
                if space {
                    s.push(' ');
                }
            }
            s
        },
    )
}

/// Any text: arbitrary unicode, prose-like text, long runs of one char.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prose(),
        2 => any::<String>(),
        1 => "\\PC{0,300}",
        1 => (prop::sample::select(&[".", "!", "?", "a", " ", "\n", "A.", "é", "'"][..]), 0..3000usize)
            .prop_map(|(c, n)| c.repeat(n)),
    ]
}

fn assert_span(text: &str, start: usize, end: usize) -> Result<(), TestCaseError> {
    prop_assert!(
        start <= end && end <= text.len(),
        "span {start}..{end} of {}",
        text.len()
    );
    prop_assert!(
        text.is_char_boundary(start) && text.is_char_boundary(end),
        "span {start}..{end} not on char boundaries"
    );
    Ok(())
}

#[test]
fn sentences_are_ordered_spans_inside_the_text() {
    check((text(), 0usize..400), |(text, from)| {
        let spans = claimcheck::segment::sentences(&text, from);
        let mut last = 0;
        for s in &spans {
            assert_span(&text, s.start, s.end)?;
            prop_assert!(s.start >= last, "overlapping sentences");
            prop_assert!(s.end > s.start, "empty sentence");
            prop_assert!(s.len() <= claimcheck::segment::MAX_SENTENCE_BYTES);
            last = s.end;
        }
        prop_assert_eq!(spans, claimcheck::segment::sentences(&text, from));
        Ok(())
    });
}

#[test]
fn tokens_are_spans_inside_the_text() {
    check((text(), 0usize..1000), |(text, base)| {
        let tokens = claimcheck::grammar::token::tokenize(&text, base);
        for t in &tokens {
            assert_span(&text, t.start - base, t.end - base)?;
            prop_assert_eq!(t.text, &text[t.start - base..t.end - base]);
        }
        prop_assert_eq!(tokens, claimcheck::grammar::token::tokenize(&text, base));
        Ok(())
    });
}

#[test]
fn title_claims_stay_inside_their_sentence() {
    let lx = &rules().lexicon;
    check(text(), |text| {
        for sentence in claimcheck::segment::sentences(&text, 0) {
            let claims = claimcheck::grammar::title_claims(lx, &text, sentence);
            for c in &claims {
                for s in [c.span, c.name_span, c.value_span] {
                    assert_span(&text, s.start, s.end)?;
                    prop_assert!(s.start >= sentence.start && s.end <= sentence.end);
                }
            }
            prop_assert_eq!(
                &claims,
                &claimcheck::grammar::title_claims(lx, &text, sentence)
            );
        }
        // The grammar is also safe on a span that is not a segmenter's.
        let whole = Span::new(0, text.len());
        let claims = claimcheck::grammar::title_claims(lx, &text, whole);
        for c in &claims {
            assert_span(&text, c.span.start, c.span.end)?;
        }
        Ok(())
    });
}

#[test]
fn find_dates_spans_are_inside_and_ordered() {
    check((text(), prop::option::of(1i16..3000)), |(text, year)| {
        let reference = year.map(|y| date(y, 6, 18));
        for bias in [Bias::Nearest, Bias::Past, Bias::Future] {
            let found = temporal::find_dates(&text, reference, bias);
            let mut last = 0;
            for m in &found {
                assert_span(&text, m.start, m.end)?;
                prop_assert!(m.start >= last && m.end > m.start);
                last = m.end;
            }
            prop_assert_eq!(found, temporal::find_dates(&text, reference, bias));
        }
        Ok(())
    });
}

#[test]
fn resolve_phrase_never_panics_and_is_deterministic() {
    check(
        (text(), -9999i16..=9999, 1i8..=12, 1i8..=28),
        |(text, y, m, d)| {
            let now = date(y, m, d).at(12, 0, 0, 0);
            for bias in [Bias::Future, Bias::Past, Bias::Nearest] {
                let v = temporal::resolve_phrase(&text, now, bias);
                prop_assert_eq!(v, temporal::resolve_phrase(&text, now, bias));
                if let Some(v) = v {
                    let _ = (v.inclusive_days(), v.exclusive_end(), v.bounds());
                }
            }
            Ok(())
        },
    );
}

#[test]
fn publication_dates_never_panic() {
    check(text(), |text| {
        let d = claimcheck::corpus::pubdate::from_text(&text);
        prop_assert_eq!(d, claimcheck::corpus::pubdate::from_text(&text));
        let v = claimcheck::corpus::pubdate::parse_date_value(&text);
        prop_assert_eq!(v, claimcheck::corpus::pubdate::parse_date_value(&text));
        Ok(())
    });
}

/// Pattern-language text: its tokens in any order, with noise.
fn pattern_text() -> impl Strategy<Value = String> {
    const P: &[&str] = &[
        "<person>",
        "<title>",
        "<office:us-secretary-of-state>",
        "<office:",
        "<date>",
        "<place>",
        "<org>",
        "<number>",
        "<",
        ">",
        "(",
        ")",
        "|",
        "*",
        "+",
        "?",
        ",",
        "said",
        "met",
        "\"",
        "'",
        "[",
        "]",
        "{",
        "}",
        "\\",
        " ",
        "é",
        "\u{0}",
        "<nope>",
        "x:",
        "...",
    ];
    prop_oneof![
        4 => prop::collection::vec(prop::sample::select(P), 0..25).prop_map(|v| v.concat()),
        1 => any::<String>(),
    ]
}

#[test]
fn pattern_compiler_never_panics() {
    check(pattern_text(), |pattern| {
        let parsed = claimcheck::rules::pattern::parse(&pattern);
        if let Err(e) = &parsed {
            prop_assert!(e.offset <= pattern.len(), "error offset past the end");
        }
        prop_assert_eq!(parsed, claimcheck::rules::pattern::parse(&pattern));
        Ok(())
    });
}

/// YAML-ish rule files: fragments of real rule syntax, shuffled.
fn rule_text() -> impl Strategy<Value = String> {
    const L: &[&str] = &[
        "version: 1\n",
        "version: 2\n",
        "vocabulary:\n",
        "  ranks:\n",
        "    - {id: under, words: [under]}\n",
        "  offices:\n",
        "    - id: x\n",
        "      names: [a b]\n",
        "      holders: [{person: A B, from: 2021-09}]\n",
        "patterns:\n",
        "  - {id: p, relation: title, match: \"<title> <person>\"}\n",
        "  - {id: q, relation: title, match: \"(<person>\"}\n",
        "checks:\n",
        "  - id: c\n",
        "    kind: agree\n",
        "    relation: title\n",
        "    compare: title\n",
        "    severity: error\n",
        "    message: \"{subject} {nope}\"\n",
        "    tests:\n",
        "      - name: t\n",
        "        docs: {a.txt: \"x\"}\n",
        "        expect: []\n",
        "&a [x]\n",
        "*a\n",
        "<<: *a\n",
        "!!binary AAAA\n",
        "? [a]\n",
        ": b\n",
        "- - -\n",
        "\t\n",
        "'\n",
        "\"\n",
        "{\n",
        "[\n",
        "1e999\n",
        "99999999999999999999999\n",
        "~\n",
        "\u{feff}",
        "\u{0}\n",
        "  given_names: [Aa, Bb]\n",
        "---\n",
        "...\n",
    ];
    prop_oneof![
        4 => prop::collection::vec(prop::sample::select(L), 0..20).prop_map(|v| v.concat()),
        1 => any::<String>(),
    ]
}

#[test]
fn rule_loader_never_panics() {
    // Fewer cases: a load builds a whole rule set.
    let config = Config {
        cases: (cases() / 4).max(16),
        failure_persistence: None,
        ..Config::default()
    };
    let mut runner =
        TestRunner::new_with_rng(config, TestRng::deterministic_rng(RngAlgorithm::ChaCha));
    let result = runner.run(&rule_text(), |yaml| {
        let files = vec![("fuzz.yaml".to_string(), yaml.clone())];
        let first = RuleSet::load(&files);
        let second = RuleSet::load(&files);
        match (&first, &second) {
            (Ok(_), Ok(_)) => {}
            (Err(a), Err(b)) => {
                prop_assert_eq!(&a.problems, &b.problems);
                for p in &a.problems {
                    prop_assert!(p.offset <= yaml.len(), "problem offset past the end");
                    prop_assert!(p.line >= 1 && p.column >= 1);
                }
            }
            _ => prop_assert!(false, "load is not deterministic"),
        }
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
}

/// Whole documents through the library pipeline: no panic, claim spans
/// inside the document, same result twice.
#[test]
fn pipeline_never_panics() {
    let config = Config {
        cases: (cases() / 4).max(16),
        failure_persistence: None,
        ..Config::default()
    };
    let mut runner =
        TestRunner::new_with_rng(config, TestRng::deterministic_rng(RngAlgorithm::ChaCha));
    let result = runner.run(&(text(), text()), |(a, b)| {
        let mut corpus = claimcheck::corpus::Corpus::default();
        corpus.push(claimcheck::corpus::Document::from_text("a.txt", &a));
        corpus.push(claimcheck::corpus::Document::from_text("b.md", &b));
        let first = claimcheck::analyze(&corpus, rules());
        for c in &first.claims {
            let doc = &corpus.documents[c.doc];
            assert_span(&doc.text, c.span.start, c.span.end)?;
        }
        let second = claimcheck::analyze(&corpus, rules());
        prop_assert_eq!(first.claims.len(), second.claims.len());
        prop_assert_eq!(first.report.findings.len(), second.report.findings.len());
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
}
