//! Bare given names of a document's surname-first people: "Yi" where the
//! document writes "Wang Yi" (pinyin given names only: "Lee Iacocca" is
//! written given name first). Readers take "Yi" for the surname; the
//! `name-variant` check reports it.

use super::document::Sentences;
use crate::claim::{Claim, GivenNameMention};
use crate::corpus::DocId;
use crate::ruleset::RuleSet;
use crate::source::Span;
use crate::text;

/// Only mid-sentence capitalised tokens count (a sentence's first word is
/// capitalised anyway), and not right after the surname.
pub fn given_name_mentions(
    rules: &RuleSet,
    id: DocId,
    sentences: &Sentences<'_>,
    names: &[String],
    claims: &[Claim],
) -> Vec<GivenNameMention> {
    let lx = &rules.lexicon;
    // Each name once: a document can name one person thousands of times.
    let mut written: Vec<&str> = names
        .iter()
        .map(String::as_str)
        .chain(claims.iter().map(|c| c.subject.as_str()))
        .collect();
    written.sort_unstable();
    written.dedup();
    let mut people: Vec<(&str, &str, &str)> = written
        .into_iter()
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
    for (_, tokens) in sentences.iter() {
        for (k, t) in tokens.iter().enumerate().skip(1) {
            let Some((full, surname, _)) = people.iter().find(|(_, _, g)| *g == t.text) else {
                continue;
            };
            if tokens[k - 1].text == *surname {
                continue;
            }
            out.push(GivenNameMention {
                doc: id,
                span: Span::new(t.start, t.end),
                full: full.to_string(),
                at: Default::default(),
            });
        }
    }
    out
}
