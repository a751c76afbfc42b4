//! Normalisation: raw grammar matches → [`Claim`]s with canonical subjects
//! and titles.
//!
//! - Titles: [`title`] reduces wording to office family, rank, organisation
//!   and time, and looks the wording up in the vocabulary's offices.
//! - People: inside a document a bare surname ("Blinken", "Mr. Baker")
//!   refers to the one full name with that surname; across documents a
//!   full name is one entity, nicknames folded ("Bill" = "William"). The
//!   name shown for an entity is the most frequent full form, preferring
//!   the formal given name.

pub mod title;

use std::collections::{BTreeMap, HashMap};

pub use title::{NormTitle, OfficeIndex, TitleTime};

use crate::claim::{Claim, ClaimKind};
use crate::corpus::DocId;
use crate::grammar::lexicon::lower;
use crate::grammar::{Lexicon, RawTitleClaim};
use crate::rules::RuleSet;

/// A person name reduced for identity: nickname-folded given name and
/// surname, lower case, initials and suffixes dropped.
pub fn person_key(lx: &Lexicon, name: &str) -> String {
    if let Some(canonical) = lx.person_aliases.get(&name.to_lowercase()) {
        return person_key_of(lx, canonical);
    }
    person_key_of(lx, name)
}

fn person_key_of(lx: &Lexicon, name: &str) -> String {
    let is_suffix = |w: &str| matches!(w.trim_end_matches('.'), "II" | "III" | "IV" | "Jr" | "Sr");
    let words: Vec<&str> = name
        .split_whitespace()
        .filter(|w| !w.ends_with('.') && !is_suffix(w) && *w != ",")
        .collect();
    // "Jr." and "Sr." tell father and son apart: they stay in the key.
    let suffix: String = name
        .split_whitespace()
        .filter(|w| is_suffix(w))
        .map(|w| format!(" {}", lower(w.trim_end_matches('.'))))
        .collect();
    match words.as_slice() {
        [] => lower(name).into_owned(),
        [only] => format!("{}{suffix}", lower(only)),
        [first, .., last] => {
            let first = lower(first);
            format!("{} {}{suffix}", lx.canonical_given(&first), lower(last))
        }
    }
}

/// Turns one document's raw matches into claims (subjects resolved within
/// the document; corpus-wide display names come later).
pub fn document_claims(
    rules: &RuleSet,
    doc: DocId,
    raw: &[RawTitleClaim],
    text: &str,
    names: &[String],
) -> Vec<Claim> {
    let lx = &rules.lexicon;
    // Surname → full names seen in this document.
    let mut by_surname: HashMap<String, Vec<String>> = HashMap::new();
    let full_names = raw
        .iter()
        .filter(|r| r.name.split_whitespace().count() >= 2)
        .map(|r| (r.surname.as_str(), r.name.as_str()))
        .chain(
            names
                .iter()
                .filter_map(|n| surname_of(lx, n).map(|s| (s, n.as_str()))),
        );
    for (surname, name) in full_names {
        let list = by_surname.entry(lower(surname).into_owned()).or_default();
        if !list
            .iter()
            .any(|n| person_key(lx, n) == person_key(lx, name))
        {
            list.push(name.to_string());
        }
    }
    raw.iter()
        .map(|r| {
            let (subject, resolved) = resolve_subject(r, &by_surname);
            let mut norm = title::normalize(lx, &r.parts, rules);
            rules.office_index.classify(&mut norm);
            Claim {
                doc,
                span: r.span,
                kind: ClaimKind::Title,
                subject_key: person_key(lx, &subject),
                subject,
                document_subject: String::new(),
                subject_resolved: resolved,
                value: text[r.value_span.start..r.value_span.end]
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" "),
                value_span: r.value_span,
                title: norm,
                pattern: r.pattern.as_str(),
                event: None,
                at: Default::default(),
            }
        })
        .collect()
}

fn surname_of<'n>(lx: &Lexicon, name: &'n str) -> Option<&'n str> {
    let words: Vec<&str> = name.split_whitespace().collect();
    match words.as_slice() {
        [first, _] if lx.surname_first.contains(lower(first).as_ref()) => Some(first),
        [_, .., last] => Some(last),
        _ => None,
    }
}

fn resolve_subject(r: &RawTitleClaim, by_surname: &HashMap<String, Vec<String>>) -> (String, bool) {
    if r.name.split_whitespace().count() >= 2 {
        return (r.name.clone(), true);
    }
    match by_surname
        .get(&lower(&r.name).into_owned())
        .map(Vec::as_slice)
    {
        Some([only]) => (only.clone(), true),
        _ => (r.name.clone(), false),
    }
}

/// Gives every entity one display name across the corpus: the most
/// frequent full form, preferring formal given names, then the smallest.
/// Reads each claim's `document_subject`, so it can be redone over any
/// set of documents.
pub fn unify_subjects(lx: &Lexicon, claims: &mut [Claim]) {
    let mut forms: BTreeMap<&str, BTreeMap<&str, usize>> = BTreeMap::new();
    for c in claims.iter() {
        *forms
            .entry(&c.subject_key)
            .or_default()
            .entry(&c.document_subject)
            .or_default() += 1;
    }
    let chosen: HashMap<String, String> = forms
        .into_iter()
        .map(|(key, names)| {
            let best = names
                .into_iter()
                .max_by(|(a, na), (b, nb)| {
                    formal(lx, a)
                        .cmp(&formal(lx, b))
                        .then(na.cmp(nb))
                        .then(b.cmp(a))
                })
                .map(|(n, _)| n.to_string())
                .unwrap_or_default();
            (key.to_string(), best)
        })
        .collect();
    for c in claims.iter_mut() {
        c.subject = match chosen.get(&c.subject_key) {
            Some(name) => name.clone(),
            None => c.document_subject.clone(),
        };
    }
}

/// A name whose given name is not a nickname.
fn formal(lx: &Lexicon, name: &str) -> bool {
    let first = name.split_whitespace().next().unwrap_or("");
    !lx.nicknames.contains_key(lower(first).as_ref())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nicknames_fold_into_one_key() {
        let rules = RuleSet::shipped().unwrap();
        let lx = &rules.lexicon;
        assert_eq!(
            person_key(lx, "Bill Burns"),
            person_key(lx, "William Burns")
        );
        assert_eq!(
            person_key(lx, "George H.W. Bush"),
            person_key(lx, "George Bush")
        );
        assert_ne!(person_key(lx, "Wang Yi"), person_key(lx, "Wang Wenbin"));
        assert_ne!(
            person_key(lx, "Stewart Bainum Jr."),
            person_key(lx, "Stewart Bainum Sr.")
        );
    }
}
