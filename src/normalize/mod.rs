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

pub mod leader;
pub mod office;
pub mod title;

use std::collections::{BTreeMap, BTreeSet, HashMap};

pub use leader::LeaderTable;
pub use office::OfficeIndex;

use crate::claim::{Claim, NormTitle};
use crate::grammar::lexicon::{lower, with_lower, WordBuildHasher};
use crate::grammar::Lexicon;

/// A person name reduced for identity: nickname-folded given name and
/// surname, lower case, initials and suffixes dropped.
pub fn person_key(lx: &Lexicon, name: &str) -> String {
    // ASCII (nearly every name) lower-cased without Unicode tables, and
    // without a copy when it is lower case already.
    let alias = |lowered: &str| lx.person_aliases.get(lowered).cloned();
    let canonical = match name.is_ascii() {
        true => with_lower(name, alias),
        false => alias(&name.to_lowercase()),
    };
    match canonical {
        Some(canonical) => person_key_of(lx, &canonical),
        None => person_key_of(lx, name),
    }
}

fn person_key_of(lx: &Lexicon, name: &str) -> String {
    let is_suffix = |w: &str| matches!(w.trim_end_matches('.'), "II" | "III" | "IV" | "Jr" | "Sr");
    let is_kept = |w: &&str| !w.ends_with('.') && !is_suffix(w) && !w.is_empty();
    // "Joseph R. Biden, Jr.": the comma before a suffix is no part of the
    // surname.
    fn bare(w: &str) -> &str {
        w.trim_end_matches(',')
    }
    // The first and last kept word and how many there are: no list of
    // them (this runs for every name of every document).
    let mut words = name.split_whitespace().map(bare).filter(is_kept);
    let first = words.next();
    let (count, last) = match first {
        Some(first) => words.fold((1, first), |(n, _), w| (n + 1, w)),
        None => (0, ""),
    };
    // A family name written first keeps every part of the given name, a
    // hyphen read as a space: "Kim Jong-un" is "Kim Jong Un", while "Wang
    // Chang-ming" and "Wang Chao-ming" stay two people.
    if let (Some(first), 2..) = (first, count) {
        if with_lower(first, |l| lx.surname_first.contains(l)) {
            let mut key = String::with_capacity(name.len());
            let parts = name
                .split_whitespace()
                .map(bare)
                .filter(is_kept)
                .flat_map(|w| w.split('-'))
                .filter(|p| !p.is_empty());
            for p in parts {
                if !key.is_empty() {
                    key.push(' ');
                }
                with_lower(p, |l| key.push_str(l));
            }
            return key;
        }
    }
    let mut key = String::with_capacity(name.len());
    match (first, count) {
        (None, _) => return lower(name).into_owned(),
        (Some(only), 1) => with_lower(only, |l| key.push_str(l)),
        (Some(first), _) => {
            with_lower(first, |l| key.push_str(lx.canonical_given(l)));
            key.push(' ');
            with_lower(last, |l| key.push_str(l));
        }
    }
    // "Jr." and "Sr." tell father and son apart: they stay in the key.
    for w in name.split_whitespace().filter(|w| is_suffix(w)) {
        key.push(' ');
        with_lower(w.trim_end_matches('.'), |l| key.push_str(l));
    }
    key
}

/// The country a document was filed from, and the countries it names,
/// when its dateline ("DHAKA, March 9 -", or "TOKYO (Reuters) -" opening
/// the text) is a place the vocabulary knows; `None` when there is no
/// dateline or its place is unknown ("NEW YORK").
pub fn filed_abroad(
    lx: &Lexicon,
    text: &str,
    dateline: Option<&str>,
    named: impl FnOnce() -> BTreeSet<String>,
) -> Option<BTreeSet<String>> {
    const ENDS_PLACE: [char; 5] = [',', '(', '-', '\u{2013}', '\u{2014}'];
    // Without a dateline, a lower-case letter before the punctuation (or
    // the line's end) means the text opens with no upper-case place: told
    // without reading the whole first line (a one-line text is all of it).
    if dateline.is_none()
        && text
            .trim_start()
            .chars()
            .take_while(|c| *c != '\n' && !ENDS_PLACE.contains(c))
            .any(char::is_lowercase)
    {
        return None;
    }
    let line = dateline.unwrap_or_else(|| text.trim_start().lines().next().unwrap_or(""));
    let place = line.split(ENDS_PLACE).next().unwrap_or("").trim();
    // An in-text dateline is an upper-case place before the punctuation.
    let upper = place.chars().any(char::is_alphabetic)
        && !place.chars().any(char::is_lowercase)
        && place.len() < line.len();
    if place.is_empty() || (dateline.is_none() && !upper) {
        return None;
    }
    let country = lx.orgs.get(&place.to_lowercase())?;
    if !lx.countries.contains(country) {
        return None;
    }
    let mut named = named();
    named.insert(country.clone());
    Some(named)
}

/// An org-less wording ("Commerce Secretary A.B.M. Ghulam Mostafa") of an
/// office the vocabulary ties to one country is that office only when the
/// document could be about that country. An article filed from Dhaka that
/// never names the U.S. is about Bangladesh's commerce secretary, whatever
/// the wording: the claim keeps its title but names no vocabulary office.
/// `filed`: the dateline country and the countries the text names.
pub fn abstain_abroad(index: &OfficeIndex, t: &mut NormTitle, filed: Option<&BTreeSet<String>>) {
    let Some(country) = t.office.as_deref().and_then(|id| index.office_country(id)) else {
        return;
    };
    if filed.is_some_and(|named| !named.contains(country)) {
        t.office = None;
        t.descriptive = false;
    }
}

fn surname_of<'n>(lx: &Lexicon, name: &'n str) -> Option<&'n str> {
    // The first and last word and how many there are (no list of them).
    let mut words = name.split_whitespace();
    let first = words.next()?;
    let (count, last) = words.fold((1, first), |(n, _), w| (n + 1, w));
    match count {
        1 => None,
        2 if with_lower(first, |l| lx.surname_first.contains(l)) => Some(first),
        _ => Some(last),
    }
}

/// The full names one document gives, by surname, for bare-surname
/// references: "Blinken" (or "Mr. Blinken") is "Antony Blinken" when the
/// document names exactly one person with that surname.
#[derive(Debug, Default)]
pub struct Surnames {
    by_surname: HashMap<String, Vec<String>, WordBuildHasher>,
    /// The [`person_key`] of every full name added, as written: computed
    /// once per name and document, read again by each claim about it
    /// ([`Surnames::key`]).
    keys: HashMap<String, String, WordBuildHasher>,
}

impl Surnames {
    /// Adds a full name under `surname` (one entry per person: nickname
    /// variants of one name are one person).
    pub fn add(&mut self, lx: &Lexicon, surname: &str, name: &str) {
        let list = self
            .by_surname
            .entry(lower(surname).into_owned())
            .or_default();
        // A name already listed as written is the common case (a person
        // named again and again): no key to compute.
        if list.iter().any(|n| n == name) {
            return;
        }
        let keys = &mut self.keys;
        let key = match keys.get(name) {
            Some(key) => key.clone(),
            None => {
                let key = person_key(lx, name);
                keys.insert(name.to_string(), key.clone());
                key
            }
        };
        let known = list.iter().any(|n| match keys.get(n.as_str()) {
            Some(k) => *k == key,
            None => person_key(lx, n) == key,
        });
        if !known {
            list.push(name.to_string());
        }
    }

    /// [`person_key`] of `name`, computed once per document for the
    /// names added.
    pub fn key(&self, lx: &Lexicon, name: &str) -> String {
        match self.keys.get(name) {
            Some(key) => key.clone(),
            None => person_key(lx, name),
        }
    }

    /// The key of a full name the document gives exactly as `written`.
    pub fn known(&self, written: &str) -> Option<String> {
        self.keys.get(written).cloned()
    }

    /// Whether the document gives any full name with this surname.
    pub fn has_surname(&self, word: &str) -> bool {
        self.by_surname.contains_key(lower(word).as_ref())
    }

    /// Adds full names, each under its surname ("Wang" for "Wang Yi").
    pub fn add_names<'n>(&mut self, lx: &Lexicon, names: impl Iterator<Item = &'n str>) {
        for name in names {
            if let Some(surname) = surname_of(lx, name) {
                self.add(lx, surname, name);
            }
        }
    }

    /// The one person whose full name, as the document writes it, has
    /// `word` as a word ("Lula" or "Silva" in "Luiz Inácio Lula da
    /// Silva"), as (name, key); none when no person or several do. The
    /// smallest name of that person is given, so the answer does not
    /// depend on the order names were added.
    pub fn person_with_word(&self, word: &str) -> Option<(String, String)> {
        let mut found: Option<(&String, &String)> = None;
        for (name, key) in &self.keys {
            if !name.split_whitespace().any(|w| w == word) {
                continue;
            }
            match found {
                Some((_, k)) if k != key => return None,
                Some((n, _)) if n <= name => {}
                _ => found = Some((name, key)),
            }
        }
        found.map(|(n, k)| (n.clone(), k.clone()))
    }

    /// The person a written name stands for, and whether that is certain:
    /// a full name stands for itself; a bare surname for the one full name
    /// with it.
    pub fn resolve(&self, written: &str) -> (String, bool) {
        if written.split_whitespace().count() >= 2 {
            return (written.to_string(), true);
        }
        match self
            .by_surname
            .get(lower(written).as_ref())
            .map(Vec::as_slice)
        {
            Some([only]) => (only.clone(), true),
            _ => (written.to_string(), false),
        }
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
    let chosen: HashMap<String, crate::text::SharedStr> = forms
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
                .map(|(n, _)| crate::text::SharedStr::from(n))
                .unwrap_or_default();
            (key.to_string(), best)
        })
        .collect();
    for c in claims.iter_mut() {
        c.subject = match chosen.get(c.subject_key.as_str()) {
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
    fn a_family_name_first_keeps_the_whole_given_name() {
        let rules = crate::ruleset::RuleSet::shipped().unwrap();
        let lx = &rules.lexicon;
        assert_eq!(person_key(lx, "Kim Jong-un"), "kim jong un");
        assert_eq!(person_key(lx, "Kim Jong Un"), "kim jong un");
        assert_ne!(
            person_key(lx, "Wang Chang-ming"),
            person_key(lx, "Wang Chao-ming")
        );
    }

    #[test]
    fn a_comma_before_a_suffix_is_no_part_of_the_key() {
        let rules = crate::ruleset::RuleSet::shipped().unwrap();
        let lx = &rules.lexicon;
        assert_eq!(
            person_key(lx, "Joseph R. Biden, Jr."),
            person_key(lx, "Joseph R. Biden Jr.")
        );
        assert_eq!(person_key(lx, "Joseph R. Biden, Jr."), "joseph biden jr");
    }

    #[test]
    fn nicknames_fold_into_one_key() {
        let rules = crate::ruleset::RuleSet::shipped().unwrap();
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
