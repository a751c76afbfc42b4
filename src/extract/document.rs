//! The per-document driver: segments the body, tokenizes each sentence
//! once, runs the claim grammar and the rule patterns over the tokens, and
//! hands the matches to the claim kinds with one subject resolver.

use super::{date, event, name, relation, series, since, title, visit, DocClaims};
use crate::claim::{Claim, DateClaim, GivenNameMention};
use crate::corpus::{DocId, Document};
use crate::grammar::token::{tokenize_append, Token};
use crate::grammar::{self, RawTitleClaim};
use crate::normalize::Surnames;
use crate::patterns::{self, PatternMatch};
use crate::rules::PatternRelation;
use crate::ruleset::RuleSet;
use crate::segment;
use crate::source::Span;

/// Everything one document says, located for reports.
pub fn extract_document(rules: &RuleSet, id: DocId, doc: &Document) -> DocClaims {
    extract_document_keeping(rules, id, doc, |_| true).0
}

/// [`extract_document`] keeping only the date claims `keep_date` takes
/// (every date is still read, and patterns still see them all); the
/// others are counted, not located: a run that keeps only the dates its
/// checks read spends nothing on quoting the rest.
pub fn extract_document_keeping(
    rules: &RuleSet,
    id: DocId,
    doc: &Document,
    keep_date: impl Fn(&DateClaim) -> bool,
) -> (DocClaims, usize) {
    let mut dates = date::document_dates(id, doc);
    let (mut claims, mut given_names, names) = document_claims(rules, id, doc, &dates);
    let read = dates.len();
    dates.retain(|d| keep_date(d));
    let dropped = read - dates.len();
    let spans: Vec<Span> = claims
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
    let found = DocClaims {
        claims,
        dates,
        given_names,
        names,
    };
    (found, dropped)
}

/// A document's sentences, each tokenized once (and annotated with the
/// vocabulary's word facts) for every reader: the grammar, the patterns,
/// the countries a document names and the given-name scan.
pub struct Sentences<'a> {
    spans: Vec<Span>,
    tokens: Vec<Token<'a>>,
    /// Where each sentence's tokens end in `tokens`.
    ends: Vec<usize>,
    /// The document's prose (from where it starts).
    body: &'a str,
    /// What [`Sentences::written_inside`] reads, found at its first call.
    inside: std::cell::OnceCell<rustc_hash::FxHashSet<&'a str>>,
}

impl<'a> Sentences<'a> {
    pub fn of(rules: &RuleSet, doc: &'a Document) -> Sentences<'a> {
        let spans = segment::sentences(&doc.text, doc.body_start);
        let mut tokens = Vec::with_capacity(doc.text.len() / 5 + 1);
        let mut ends = Vec::with_capacity(spans.len());
        for span in &spans {
            let start = tokens.len();
            tokenize_append(&doc.text[span.start..span.end], span.start, &mut tokens);
            rules.lexicon.annotate(&mut tokens[start..]);
            ends.push(tokens.len());
        }
        Sentences {
            spans,
            tokens,
            ends,
            body: &doc.text[doc.body_start.min(doc.text.len())..],
            inside: Default::default(),
        }
    }

    /// Does the document write `word` inside a sentence: after a word
    /// or a comma and one space or more, not followed by a letter or a
    /// digit ("boats from Norland", "Norland's")? The places are found
    /// in one pass over the text at the first call, not once per word
    /// asked about.
    pub fn written_inside(&self, word: &str) -> bool {
        self.inside
            .get_or_init(|| inside_places(self.body))
            .contains(word)
    }

    /// The document's capitalised words, from its tokens
    /// ([`crate::corpus::names`]).
    pub fn name_forms(&self, doc: &Document) -> Vec<crate::corpus::names::Written> {
        let mut gather = crate::corpus::names::Gather::with_capacity(self.tokens.len());
        for t in &self.tokens {
            if t.kind == crate::grammar::token::TokenKind::Punct {
                gather.gap();
            } else {
                gather.token(&doc.text, t.start, t.text);
            }
        }
        gather.finish(&doc.text, &doc.lines)
    }

    /// Each sentence's span and tokens, in text order.
    pub fn iter(&self) -> impl Iterator<Item = (Span, &[Token<'a>])> + '_ {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        self.spans
            .iter()
            .zip(starts.zip(&self.ends))
            .map(|(span, (start, &end))| (*span, &self.tokens[start..end]))
    }
}

/// Every text that follows, in `body`, one space or more after a letter,
/// a digit or a comma, up to a character that is neither a letter nor a
/// digit (each such end of the run of non-space characters there): what
/// [`Sentences::written_inside`] looks words up in.
fn inside_places(body: &str) -> rustc_hash::FxHashSet<&str> {
    let mut out = rustc_hash::FxHashSet::default();
    let bytes = body.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b' ' || i == 0 {
            i += 1;
            continue;
        }
        let mut p = i;
        while p < bytes.len() && bytes[p] == b' ' {
            p += 1;
        }
        let before = body[..i].chars().next_back();
        if p < bytes.len() && before.is_some_and(|c| c.is_alphanumeric() || c == ',') {
            let rest = &body[p..];
            let mut to_end = true;
            for (k, c) in rest.char_indices().skip(1) {
                if !c.is_alphanumeric() {
                    out.insert(&rest[..k]);
                }
                if c.is_whitespace() {
                    to_end = false;
                    break;
                }
            }
            if to_end {
                out.insert(rest);
            }
        }
        i = p;
    }
    out
}

/// The claims of one document, its bare given names and (when a
/// `name-form` check runs) its capitalised words.
fn document_claims(
    rules: &RuleSet,
    id: DocId,
    doc: &Document,
    dates: &[DateClaim],
) -> (
    Vec<Claim>,
    Vec<GivenNameMention>,
    Option<Vec<crate::corpus::names::Written>>,
) {
    let sentences = Sentences::of(rules, doc);
    let mut raw = Vec::new();
    let mut names = Vec::new();
    let mut matches = Vec::new();
    for (span, tokens) in sentences.iter() {
        // The grammar may mark lower-case names on its copy; patterns read
        // the tokens as written.
        let (claims, found) = grammar::analyze_tokens(&rules.lexicon, &doc.text, span, tokens);
        raw.extend(claims);
        names.extend(found);
        matches.extend(sentence_matches(rules, tokens, span, dates));
    }
    let pattern_titles: Vec<(RawTitleClaim, Option<String>, &'static str)> = matches
        .iter()
        .filter(|m| rules.patterns[m.pattern].relation == PatternRelation::Title)
        .filter_map(|m| {
            let (raw, written) = title::from_pattern(rules, &doc.text, m)?;
            Some((raw, written, rules.patterns[m.pattern].name))
        })
        .collect();
    // A rule pattern's reading of a mention replaces the grammar's: the
    // author wrote it for that wording ("who was" makes a title past).
    raw.retain(|g| {
        !pattern_titles
            .iter()
            .any(|(p, _, _)| p.name_span == g.name_span && p.value_span == g.value_span)
    });
    let first_pattern = raw.len();
    raw.extend(pattern_titles.iter().map(|(r, _, _)| r.clone()));
    // Full names the rule patterns read name people too ("Fumio Kishida,
    // accompanied by a delegation, met …"): a bare "Kishida" further on
    // is that person, as a reader takes it.
    names.extend(pattern_people(&doc.text, &matches));
    let people = document_people(rules, &raw, &names);
    // Only the grammar reads pronoun subjects: resolve (or drop) them in
    // its part of `raw`, which moves the patterns' part along.
    let mut from_grammar: Vec<RawTitleClaim> = raw.drain(..first_pattern).collect();
    resolve_pronouns(&mut from_grammar, &sentences, &people);
    // "Simmons is president of Valhi": a one-word subject the construction
    // alone does not show to be a person is kept only when the document
    // names that person in full (Harold Simmons).
    from_grammar.retain(|r| !r.needs_full_name || people.resolve(&r.name).1);
    let first_pattern = from_grammar.len();
    from_grammar.append(&mut raw);
    let raw = from_grammar;
    let mut claims = title::claims(rules, id, doc, &raw, &people, &sentences);
    for (c, (_, written, name)) in claims[first_pattern..].iter_mut().zip(&pattern_titles) {
        c.pattern = name;
        if let Some(written) = written {
            c.value = written.as_str().into();
        }
    }
    // In text order, so a pattern that inherits slots finds the nearest
    // earlier claim of its relation.
    let first_relation = claims.len();
    let mut unresolved = Vec::new();
    for m in &matches {
        let earlier = &claims[first_relation..];
        match relation::claim(rules, id, doc, dates, &people, m, earlier) {
            Some(c) => claims.push(c),
            None if !rules.patterns[m.pattern].inherit.is_empty() => unresolved.push(m),
            None => {}
        }
    }
    // A match that inherits from no earlier claim may inherit from the
    // next one ("after 2.5 hours of meetings" before the sentence that
    // says who met): a second pass over all of them.
    let found: Vec<Claim> = unresolved
        .into_iter()
        .filter_map(|m| {
            let all = &claims[first_relation..];
            relation::claim(rules, id, doc, dates, &people, m, all)
        })
        .collect();
    claims.extend(found);
    let mentions = event::mentions(rules, id, doc, dates, &people, &sentences);
    drop_read_twice(&mut claims, &mentions);
    claims.extend(mentions);
    let visits = visit::mentions(rules, id, doc, &people, &sentences, &claims);
    claims.extend(visits);
    claims.extend(series::mentions(rules, id, doc, &people, &sentences));
    claims.extend(since::mentions(rules, id, doc, &sentences));
    claims.extend(name::proper_names(rules, id, &sentences));
    claims.sort_by_key(|c| (c.span.start, c.span.end));
    let mut given = name::given_name_mentions(rules, id, &sentences, &names, &claims);
    given.extend(name::surname_slips(rules, id, &sentences, &names, &claims));
    given.sort_by_key(|g| g.span.start);
    let names = (rules.checks.iter())
        .any(|c| c.kind == crate::rules::CheckKind::NameForm)
        .then(|| sentences.name_forms(doc));
    (claims, given, names)
}

/// Drops a pattern's arrival (`event`, action `arrive`) that the
/// event-mention reader read too (their spans overlap): one arrival is one
/// claim, compared by the arrival check. A pattern's arrival the reader
/// could not read (a person it could not name) stays.
fn drop_read_twice(claims: &mut Vec<Claim>, mentions: &[Claim]) {
    let arrivals: Vec<Span> = mentions
        .iter()
        .filter(|c| {
            c.facts
                .as_ref()
                .is_some_and(|f| f.relation == event::ARRIVAL)
        })
        .map(|c| c.span)
        .collect();
    if arrivals.is_empty() {
        return;
    }
    let is_arrive = |c: &Claim| {
        c.facts.as_ref().is_some_and(|f| {
            f.relation == "event"
                && f.slots
                    .iter()
                    .any(|s| s.slot == "action" && s.text == "arrive")
        })
    };
    claims.retain(|c| {
        !(is_arrive(c)
            && arrivals
                .iter()
                .any(|a| a.start < c.span.end && c.span.start < a.end))
    });
}

/// The rule patterns' matches in one sentence, their dates indexed into
/// the document's `dates`.
fn sentence_matches(
    rules: &RuleSet,
    tokens: &[Token<'_>],
    span: Span,
    dates: &[DateClaim],
) -> Vec<PatternMatch> {
    if rules.patterns.is_empty() {
        return Vec::new();
    }
    // `dates` are in text order: look only at this sentence's (a scan of
    // all of them per sentence is quadratic in the text).
    let first = dates.partition_point(|d| d.span.start < span.start);
    let in_sentence: Vec<(usize, Span)> = dates
        .iter()
        .enumerate()
        .skip(first)
        .take_while(|(_, d)| d.span.start <= span.end)
        .filter(|(_, d)| d.span.start >= span.start && d.span.end <= span.end)
        .map(|(i, d)| (i, d.span))
        .collect();
    let spans: Vec<Span> = in_sentence.iter().map(|(_, s)| *s).collect();
    let mut matches = patterns::find(rules.matcher(), tokens, &spans);
    // The matcher indexes this sentence's dates; claims index the
    // document's. Named captures (`<date:when>`) too, or a named date
    // would read the document's first dates instead of its own.
    let to_document = |k: usize| in_sentence.get(k).map(|(i, _)| *i);
    for m in &mut matches {
        m.date = m.date.and_then(to_document);
        for c in &mut m.named {
            c.date = c.date.and_then(to_document);
        }
    }
    matches
}

/// Pronoun subjects ("He became finance minister"): the person named just
/// before, when there is one only (a person the document names in full,
/// by a word of the sentence before or of this one up to the pronoun);
/// otherwise the claim is dropped.
fn resolve_pronouns(raw: &mut Vec<RawTitleClaim>, sentences: &Sentences<'_>, people: &Surnames) {
    let is_pronoun = |r: &RawTitleClaim| {
        let l = r.name.to_lowercase();
        grammar::claim::SUBJECT_PRONOUNS.contains(&l.as_str())
            || grammar::claim::OWNER_PRONOUNS.contains(&l.as_str())
    };
    if !raw.iter().any(is_pronoun) {
        return;
    }
    let spans: Vec<Span> = sentences.iter().map(|(s, _)| s).collect();
    raw.retain_mut(|r| {
        if !is_pronoun(r) {
            return true;
        }
        let at = r.name_span.start;
        let k = spans.partition_point(|s| s.end <= at);
        let from = spans.get(k.saturating_sub(1)).map_or(0, |s| s.start);
        // Each capitalised word that is the surname of one person named
        // in full: "Cox said ..." names Charles Cox.
        let candidates: std::collections::BTreeSet<String> = sentences
            .iter()
            .skip(k.saturating_sub(1))
            .take(2)
            .flat_map(|(_, tokens)| tokens.iter())
            .filter(|t| t.start >= from && t.end <= at && t.is_capitalized() && t.is_word())
            .filter_map(|t| {
                let (full, resolved) = people.resolve(t.text);
                (resolved && full.contains(' ')).then_some(full)
            })
            .collect();
        let mut candidates = candidates.into_iter();
        let (Some(full), None) = (candidates.next(), candidates.next()) else {
            return false;
        };
        r.surname = full.rsplit(' ').next().unwrap_or_default().to_string();
        r.name = full;
        true
    });
}

/// The names of two words or more that rule patterns captured as persons
/// (`<person>`, `<person:slot>`), as written on one line.
fn pattern_people(text: &str, matches: &[PatternMatch]) -> Vec<String> {
    let persons = |m: &PatternMatch| {
        let named = m
            .named
            .iter()
            .filter(|c| c.kind == "person")
            .map(|c| c.span);
        m.person.into_iter().chain(named).collect::<Vec<Span>>()
    };
    matches
        .iter()
        .flat_map(persons)
        .filter_map(|s| text.get(s.start..s.end))
        .map(crate::source::one_line)
        .filter(|n| n.split_whitespace().count() >= 2)
        .collect()
}

/// The one subject resolver of a document: the full names it gives (the
/// grammar's title claims of two words or more, by the surname the grammar
/// found, and the other full names it mentions), by surname.
fn document_people(rules: &RuleSet, raw: &[RawTitleClaim], names: &[String]) -> Surnames {
    let lx = &rules.lexicon;
    let mut people = Surnames::default();
    for r in raw
        .iter()
        .filter(|r| r.name.split_whitespace().count() >= 2)
    {
        people.add(lx, &r.surname, &r.name);
    }
    people.add_names(lx, names.iter().map(String::as_str));
    people
}

#[cfg(test)]
mod tests {
    use crate::corpus::Document;
    use crate::ruleset::RuleSet;

    /// (subject, value) of the title claims of `text`.
    fn titles(text: &str) -> Vec<(String, String)> {
        let rules = RuleSet::shipped().unwrap();
        let mut doc = Document::new("a.txt".into(), None, text.to_string());
        doc.body_start = 0;
        super::extract_document(&rules, 0, &doc)
            .claims
            .into_iter()
            .filter(|c| c.kind == crate::claim::ClaimKind::Title)
            .map(|c| (c.subject.into(), c.value.into()))
            .collect()
    }

    #[test]
    fn a_pronoun_subject_is_the_one_person_named_before() {
        let found = titles(
            "Ann Lee was named finance minister in 1984. She became prime minister in 1986.",
        );
        assert_eq!(
            found,
            [
                ("Ann Lee".to_string(), "finance minister".to_string()),
                ("Ann Lee".to_string(), "prime minister".to_string())
            ]
        );
        // "Lee" names her too.
        let found =
            titles("Ann Lee spoke. Lee said prices rose. She became prime minister in 1986.");
        assert_eq!(
            found,
            [("Ann Lee".to_string(), "prime minister".to_string())]
        );
        // Two people before: no one to resolve it to.
        assert!(titles("Ann Lee met Tom Poe. She became prime minister in 1986.").is_empty());
        assert!(titles("She became prime minister in 1986.").is_empty());
    }

    #[test]
    fn a_bare_copulas_one_word_subject_needs_the_full_name() {
        let found = titles("Acme named Harold Poe chairman. Poe is president of Beta Corp.");
        assert_eq!(
            found,
            [
                ("Harold Poe".to_string(), "chairman".to_string()),
                ("Harold Poe".to_string(), "president".to_string())
            ]
        );
        // Nobody named Poe in full: "Poe" may be anything.
        assert!(titles("Poe is president of Beta Corp.").is_empty());
    }

    #[test]
    fn a_full_name_a_pattern_reads_resolves_the_bare_surname_after_it() {
        let rules = RuleSet::shipped().unwrap();
        // Only the meeting pattern reads "Fumio Kishida": the grammar finds
        // no title beside it.
        let text = "Fumio Kishida met Volodymyr Zelensky in Kyiv on Tuesday. \
                    Kishida began a two-day visit to Ukraine on Tuesday.";
        let mut doc = Document::new("a.txt".into(), None, text.to_string());
        doc.body_start = 0;
        let claims = super::extract_document(&rules, 0, &doc).claims;
        let visit = claims.iter().find(|c| c.pattern == "began-length-visit-to");
        let visit = visit.expect("the visit is read");
        assert_eq!(visit.subject, "Fumio Kishida");
        assert!(visit.subject_resolved);
    }

    #[test]
    fn a_dropped_pronoun_claim_leaves_its_words_to_the_others() {
        let found = titles("He became acting chairman of the agency when chairman Tom Poe left.");
        assert_eq!(found, [("Tom Poe".to_string(), "chairman".to_string())]);
    }
}
