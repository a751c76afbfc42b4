//! claimcheck: checks that articles agree on who holds which title, and
//! what happened when and where.
//!
//! The pipeline, one module per stage, data flowing one way:
//!
//! ```text
//! paths ─► corpus ─► segment ─► grammar (nom) ─► claim ─► normalize ─► temporal
//!                                                                         │
//! report ◄── graph (petgraph) ◄── checks (YAML rules) ◄───────────────────┘
//! ```
//!
//! ```
//! use claimcheck::{analyze, corpus, rules::RuleSet};
//! let rules = RuleSet::shipped()?;
//! let mut corpus = corpus::Corpus::default();
//! corpus.push(corpus::Document::new("a.txt".into(), None,
//!     "Daniel Kritenbrink, assistant secretary of state for East Asian and Pacific affairs, spoke.".into()));
//! corpus.push(corpus::Document::new("b.txt".into(), None,
//!     "US Under Secretary of State for East Asia Daniel Kritenbrink spoke.".into()));
//! let analysis = analyze(&corpus, &rules);
//! assert_eq!(analysis.report.findings[0].subject, "Daniel Kritenbrink");
//! # Ok::<(), claimcheck::rules::RulesError>(())
//! ```
//!
//! The library never prints and never exits; `src/main.rs` and `src/cli/`
//! own the terminal.

pub mod checks;
pub mod claim;
pub mod config;
pub mod corpus;
pub mod grammar;
pub mod graph;
pub mod normalize;
pub mod patterns;
pub mod report;
pub mod rules;
pub mod segment;
pub mod source;
pub mod store;
pub mod temporal;
pub mod text;

use rayon::prelude::*;

use claim::{Claim, DateClaim, GivenNameMention};
use corpus::Corpus;
use graph::ConflictGraph;
use report::Report;
use rules::RuleSet;

/// Everything one run produces.
pub struct Analysis {
    pub claims: Vec<Claim>,
    pub dates: Vec<DateClaim>,
    pub graph: ConflictGraph,
    pub report: Report,
}

/// Title claims and date claims of a corpus, in document order.
pub struct Extracted {
    pub claims: Vec<Claim>,
    pub dates: Vec<DateClaim>,
    pub given_names: Vec<GivenNameMention>,
}

/// One document's claims before corpus-wide unification: the unit that is
/// extracted in parallel, cached by content hash and stored in claims
/// files. Its document ids are set when documents are assembled.
#[derive(Debug, Clone, Default)]
pub struct DocClaims {
    pub claims: Vec<Claim>,
    pub dates: Vec<DateClaim>,
    pub given_names: Vec<GivenNameMention>,
}

impl DocClaims {
    /// Gives every claim of the document the id `id`.
    pub fn set_doc(&mut self, id: corpus::DocId) {
        self.claims.iter_mut().for_each(|c| c.doc = id);
        self.dates.iter_mut().for_each(|d| d.doc = id);
        self.given_names.iter_mut().for_each(|g| g.doc = id);
    }
}

impl Extracted {
    /// Joins per-document claims (the `i`th gets document id `i`) and gives
    /// every person one display name across them.
    pub fn assemble(rules: &RuleSet, docs: Vec<DocClaims>) -> Extracted {
        let mut claims = Vec::new();
        let mut dates = Vec::new();
        let mut given_names = Vec::new();
        for (id, mut d) in docs.into_iter().enumerate() {
            d.set_doc(id);
            claims.extend(d.claims);
            dates.extend(d.dates);
            given_names.extend(d.given_names);
        }
        normalize::unify_subjects(&rules.lexicon, &mut claims);
        Extracted {
            claims,
            dates,
            given_names,
        }
    }
}

/// Extracts the title claims of every document (in parallel).
pub fn extract(corpus: &Corpus, rules: &RuleSet) -> Vec<Claim> {
    extract_all(corpus, rules, &|_| {}).claims
}

/// [`extract`] plus date claims, calling `on_document` with each
/// document's id when it is done (for progress).
pub fn extract_all(
    corpus: &Corpus,
    rules: &RuleSet,
    on_document: &(dyn Fn(corpus::DocId) + Sync),
) -> Extracted {
    let per_doc: Vec<DocClaims> = corpus
        .documents
        .par_iter()
        .enumerate()
        .map(|(id, doc)| {
            let claims = extract_document(rules, id, doc);
            on_document(id);
            claims
        })
        .collect();
    Extracted::assemble(rules, per_doc)
}

/// [`extract_all`] through a claims cache: documents whose key is in the
/// cache are not parsed again; every document of the run is recorded in
/// it (for [`store::cache::Cache::save`]).
pub fn extract_cached(
    corpus: &Corpus,
    rules: &RuleSet,
    cache: &mut store::cache::Cache,
    on_document: &(dyn Fn(corpus::DocId) + Sync),
) -> Extracted {
    let shared: &store::cache::Cache = cache;
    let per_doc: Vec<(String, DocClaims, bool)> = corpus
        .documents
        .par_iter()
        .enumerate()
        .map(|(id, doc)| {
            let key = store::cache::key(rules, doc);
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

/// Everything one document says, located for reports.
pub fn extract_document(rules: &RuleSet, id: corpus::DocId, doc: &corpus::Document) -> DocClaims {
    let mut dates = document_dates(id, doc);
    let (mut claims, mut given_names) = document_claims(rules, id, doc, &dates);
    let spans: Vec<source::Span> = claims
        .iter()
        .map(|c| c.span)
        .chain(dates.iter().map(|d| d.span))
        .chain(given_names.iter().map(|g| g.span))
        .collect();
    let mut located = doc.locate(&spans).into_iter();
    for c in &mut claims {
        c.at = located.next().unwrap_or_default();
        c.document_subject = c.subject.clone();
    }
    for d in &mut dates {
        d.at = located.next().unwrap_or_default();
    }
    for g in &mut given_names {
        g.at = located.next().unwrap_or_default();
    }
    DocClaims {
        claims,
        dates,
        given_names,
    }
}

/// Date expressions resolved against the publication date, nearest
/// occurrence first (news reports both what happened and what will).
fn document_dates(id: corpus::DocId, doc: &corpus::Document) -> Vec<DateClaim> {
    let body = &doc.text[doc.body_start..];
    temporal::find_dates(body, doc.published, temporal::Bias::Nearest)
        .into_iter()
        .map(|m| DateClaim {
            doc: id,
            span: source::Span::new(doc.body_start + m.start, doc.body_start + m.end),
            value: m.value,
            weekday_mismatch: m.weekday_mismatch,
            at: Default::default(),
        })
        .collect()
}

fn document_claims(
    rules: &RuleSet,
    id: corpus::DocId,
    doc: &corpus::Document,
    dates: &[DateClaim],
) -> (Vec<Claim>, Vec<GivenNameMention>) {
    let mut raw = Vec::new();
    let mut names = Vec::new();
    let mut matches = Vec::new();
    let sentences = segment::sentences(&doc.text, doc.body_start);
    let mut tokens = Vec::new();
    for &span in &sentences {
        grammar::token::tokenize_into(&doc.text[span.start..span.end], span.start, &mut tokens);
        rules.lexicon.annotate(&mut tokens);
        // The grammar may mark lower-case names on its copy; patterns read
        // the tokens as written.
        let (claims, found) = grammar::analyze_tokens(&rules.lexicon, &doc.text, span, &tokens);
        raw.extend(claims);
        names.extend(found);
        if !rules.patterns.is_empty() {
            // `dates` are in text order: look only at this sentence's (a
            // scan of all of them per sentence is quadratic in the text).
            let first = dates.partition_point(|d| d.span.start < span.start);
            let in_sentence: Vec<(usize, source::Span)> = dates
                .iter()
                .enumerate()
                .skip(first)
                .take_while(|(_, d)| d.span.start <= span.end)
                .filter(|(_, d)| d.span.start >= span.start && d.span.end <= span.end)
                .map(|(i, d)| (i, d.span))
                .collect();
            let spans: Vec<source::Span> = in_sentence.iter().map(|(_, s)| *s).collect();
            for mut m in patterns::find(rules, &tokens, &spans) {
                m.date = m.date.map(|k| in_sentence[k].0);
                matches.push(m);
            }
        }
    }
    let pattern_titles = matches.iter().filter(|m| {
        matches!(
            rules.patterns[m.pattern].relation,
            patterns::PatternRelation::Title
        )
    });
    let mut pattern_names = Vec::new();
    for m in pattern_titles {
        if let Some(r) = pattern_title_claim(&doc.text, m) {
            raw.push(r);
            pattern_names.push(rules.patterns[m.pattern].name);
        }
    }
    let first_pattern = raw.len() - pattern_names.len();
    let mut claims =
        normalize::document_claims(rules, id, &raw, &doc.text, doc.dateline.as_deref(), &names);
    for (c, name) in claims[first_pattern..].iter_mut().zip(pattern_names) {
        c.pattern = name;
    }
    // Event and number subjects resolve against the people the document
    // names in full: its title claims' subjects and the grammar's names.
    let mut surnames = normalize::Surnames::default();
    if !matches.is_empty() {
        let full = claims
            .iter()
            .map(|c| c.subject.as_str())
            .chain(names.iter().map(String::as_str));
        surnames.add_names(&rules.lexicon, full);
    }
    let events: Vec<Claim> = matches
        .iter()
        .filter_map(|m| {
            event_claim(rules, id, doc, dates, &surnames, m)
                .or_else(|| number_claim(rules, id, doc, &surnames, m))
        })
        .collect();
    claims.extend(events);
    claims.sort_by_key(|c| (c.span.start, c.span.end));
    let given = given_name_mentions(rules, id, doc, &sentences, &names, &claims);
    (claims, given)
}

/// Bare given names of the document's surname-first people: "Yi" where the
/// document writes "Wang Yi" (pinyin given names only: "Lee Iacocca" is
/// written given name first). Only mid-sentence capitalised tokens count
/// (a sentence's first word is capitalised anyway), and not right after
/// the surname.
fn given_name_mentions(
    rules: &RuleSet,
    id: corpus::DocId,
    doc: &corpus::Document,
    sentences: &[source::Span],
    names: &[String],
    claims: &[Claim],
) -> Vec<GivenNameMention> {
    let lx = &rules.lexicon;
    let mut people: Vec<(&str, &str, &str)> = names
        .iter()
        .map(String::as_str)
        .chain(claims.iter().map(|c| c.subject.as_str()))
        .filter_map(|full| {
            let (surname, given) = full.split_once(' ')?;
            let surname_first = lx.surname_first.contains(&surname.to_lowercase());
            let chinese = text::is_pinyin_name(given);
            (surname_first && chinese && !given.contains(' ')).then_some((full, surname, given))
        })
        .collect();
    if people.is_empty() {
        return Vec::new();
    }
    people.sort_unstable();
    people.dedup();
    let mut out = Vec::new();
    let mut tokens = Vec::new();
    for span in sentences {
        let sentence = &doc.text[span.start..span.end];
        // A token equal to a given name needs the name in the sentence.
        if !people.iter().any(|(_, _, g)| sentence.contains(g)) {
            continue;
        }
        grammar::token::tokenize_into(sentence, span.start, &mut tokens);
        for (k, t) in tokens.iter().enumerate().skip(1) {
            let Some((full, surname, _)) = people.iter().find(|(_, _, g)| *g == t.text) else {
                continue;
            };
            if tokens[k - 1].text == *surname {
                continue;
            }
            out.push(GivenNameMention {
                doc: id,
                span: source::Span::new(t.start, t.end),
                full: full.to_string(),
                at: Default::default(),
            });
        }
    }
    out
}

/// A title claim from a `relation: title` pattern's captures.
fn pattern_title_claim(text: &str, m: &patterns::PatternMatch) -> Option<grammar::RawTitleClaim> {
    let person = m.person?;
    let (value_span, parts, _) = m.title.clone()?;
    let name = text[person.start..person.end]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let surname = name.split_whitespace().last().unwrap_or("").to_string();
    Some(grammar::RawTitleClaim {
        span: m.span,
        name_span: person,
        value_span,
        name,
        surname,
        parts,
        pattern: grammar::Pattern::Appositive,
    })
}

/// An event claim from a `relation: event` pattern's captures; a bare
/// surname takes the full name the document gives it.
fn event_claim(
    rules: &RuleSet,
    id: corpus::DocId,
    doc: &corpus::Document,
    dates: &[DateClaim],
    surnames: &normalize::Surnames,
    m: &patterns::PatternMatch,
) -> Option<Claim> {
    let patterns::PatternRelation::Event { action } = &rules.patterns[m.pattern].relation else {
        return None;
    };
    let person = m.person?;
    let date = &dates[m.date?];
    let written = doc.text[person.start..person.end]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let (subject, resolved) = surnames.resolve(&written);
    let place = m.place.map(|p| {
        let text = doc.text[p.start..p.end]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let lower = text.to_lowercase();
        match rules.lexicon.places.get(&lower) {
            Some(place) => place.clone(),
            None => normalize::title::canonical_org(&rules.lexicon, &text),
        }
    });
    Some(Claim {
        doc: id,
        span: m.span,
        kind: claim::ClaimKind::Event,
        subject_key: normalize::person_key(&rules.lexicon, &subject),
        subject,
        document_subject: String::new(),
        subject_resolved: resolved,
        value: doc.text[date.span.start..date.span.end]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
        value_span: date.span,
        title: normalize::NormTitle::none(),
        pattern: rules.patterns[m.pattern].name,
        event: Some(claim::EventInfo {
            action: action.clone(),
            place,
            date: date.value,
            amount: None,
        }),
        at: Default::default(),
    })
}

/// A number claim from a `relation: number` pattern: the figure, about the
/// captured place (or person).
fn number_claim(
    rules: &RuleSet,
    id: corpus::DocId,
    doc: &corpus::Document,
    surnames: &normalize::Surnames,
    m: &patterns::PatternMatch,
) -> Option<Claim> {
    let patterns::PatternRelation::Number { quantity } = &rules.patterns[m.pattern].relation else {
        return None;
    };
    let number = m.number?;
    let text_of = |s: source::Span| {
        doc.text[s.start..s.end]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let figure = text_of(number);
    let amount: f64 = figure.replace(',', "").parse().ok()?;
    let place = m.place.map(|p| {
        let text = text_of(p);
        match rules.lexicon.places.get(&text.to_lowercase()) {
            Some(place) => place.clone(),
            None => normalize::title::canonical_org(&rules.lexicon, &text),
        }
    });
    let (subject, resolved, key) = match (&place, m.person) {
        (Some(p), _) => (p.clone(), true, p.to_lowercase()),
        (None, Some(person)) => {
            let (s, r) = surnames.resolve(&text_of(person));
            let key = normalize::person_key(&rules.lexicon, &s);
            (s, r, key)
        }
        (None, None) => return None,
    };
    Some(Claim {
        doc: id,
        span: m.span,
        kind: claim::ClaimKind::Number,
        subject_key: key,
        subject,
        document_subject: String::new(),
        subject_resolved: resolved,
        value: figure,
        value_span: number,
        title: normalize::NormTitle::none(),
        pattern: rules.patterns[m.pattern].name,
        event: Some(claim::EventInfo {
            action: quantity.clone(),
            place,
            date: None,
            amount: Some(amount),
        }),
        at: Default::default(),
    })
}

/// The whole pipeline: claims, checks, conflict graph, report.
pub fn analyze(corpus: &Corpus, rules: &RuleSet) -> Analysis {
    analyze_claims(corpus, rules, extract_all(corpus, rules, &|_| {}))
}

/// Checks already-extracted claims.
pub fn analyze_claims(corpus: &Corpus, rules: &RuleSet, extracted: Extracted) -> Analysis {
    let Extracted {
        claims,
        dates,
        given_names,
    } = extracted;
    let published: Vec<Option<jiff::civil::Date>> =
        corpus.documents.iter().map(|d| d.published).collect();
    let mut comparisons = checks::run(rules, &claims, &published);
    comparisons.extend(checks::name_variant::run_all(rules, &claims));
    let mut flags = checks::run_single(rules, &claims, &dates, &published);
    flags.extend(checks::name_variant::given_name_flags(rules, &given_names));
    let graph = ConflictGraph::build(&comparisons);
    let components = graph.components(&|c| claims[c].doc);
    let report = report::build(
        corpus,
        rules,
        &claims,
        &dates,
        &given_names,
        &components,
        &flags,
    );
    Analysis {
        claims,
        dates,
        graph,
        report,
    }
}
