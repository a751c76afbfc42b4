//! Title normalisation: [`TitleParts`] → [`NormTitle`] (the office
//! vocabulary index that maps normalised wordings to office ids is in
//! [`super::office`]).
//!
//! Wordings are compared as a bag of office words: "Defence Secretary",
//! "Secretary of Defense" and "defense secretary" all become head
//! `secretary`, portfolio {defense}. The `for`/`on`/`to` complement is the
//! office's domain ("for East Asia"), kept apart from the portfolio so that
//! "Under Secretary of State for East Asia" and "assistant secretary of
//! state for East Asian and Pacific affairs" share the family
//! secretary-of-state and differ in rank.

use std::collections::BTreeSet;

use crate::claim::{NormTitle, TitleTime};
use crate::grammar::title::{title, Context};
use crate::grammar::token::{tokenize, Token};
use crate::grammar::{parts, Lexicon, TitleParts};
use crate::rules::QualifierTimes;

/// Words that carry no office meaning.
const STOPWORDS: &[&str] = &["the", "a", "an", "and", "of", "for", "&", "affairs", "-"];

/// The countries a text names (canonical names: "Bangladesh" for
/// "Bangladeshi" or "Dhaka", "U.S." for "American" or "Washington").
/// Aliases count only when capitalised, so the pronoun "us" is no U.S.
pub fn countries_named(lx: &Lexicon, text: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    add_countries_named(lx, &tokenize(text, 0), &mut found);
    found
}

/// [`countries_named`] over tokens already made (a sentence's), added to
/// `found`.
pub fn add_countries_named(lx: &Lexicon, tokens: &[Token<'_>], found: &mut BTreeSet<String>) {
    let max = lx.org_max_words.max(1);
    for (i, t) in tokens.iter().enumerate() {
        if !t.is_word() || !t.text.starts_with(|c: char| c.is_uppercase()) {
            continue;
        }
        let mut key = String::new();
        for next in tokens[i..].iter().take(max) {
            if !next.is_word() {
                break;
            }
            if !key.is_empty() {
                key.push(' ');
            }
            key.push_str(&next.lower());
            if let Some(c) = lx.orgs.get(&key) {
                if lx.countries.contains(c) {
                    found.insert(c.clone());
                }
            }
        }
    }
}

/// Parses a whole string as a title (vocabulary wordings, tests).
pub fn parse_title_text(lx: &Lexicon, text: &str) -> Option<TitleParts> {
    let tokens = tokenize(text, 0);
    let (rest, t) = title(lx, &tokens, Context::Appositive).ok()?;
    rest.is_empty().then(|| parts(lx, &t))
}

/// Canonical name of an organisation alias (or the text itself).
pub fn canonical_org(lx: &Lexicon, text: &str) -> String {
    lx.orgs
        .get(&text.to_lowercase())
        .cloned()
        .unwrap_or_else(|| text.to_string())
}

/// Canonical name of a place: a vocabulary place, else an organisation or
/// country alias folded, else as written.
pub fn canonical_place(lx: &Lexicon, written: &str) -> String {
    match lx.places.get(&written.to_lowercase()) {
        Some(place) => place.clone(),
        None => canonical_org(lx, written),
    }
}

/// The country a city of the gazetteer (`vocabulary.cities`) lies in,
/// canonical and in lower case as place keys are: `city` in lower case.
/// `None` for a place the gazetteer does not list.
pub fn city_country(lx: &Lexicon, city: &str) -> Option<String> {
    let country = lx.city_country.get(city)?;
    Some(canonical_place(lx, country).to_lowercase())
}

/// Reduces parsed title parts to a [`NormTitle`] (office not yet set).
pub fn normalize(lx: &Lexicon, p: &TitleParts, times: &QualifierTimes) -> NormTitle {
    let org_text = p.org.join(" ");
    let org = if !org_text.is_empty() {
        Some(org_from_words(lx, &p.org))
    } else {
        p.owner
            .as_ref()
            .and_then(|o| lx.orgs.get(&o.to_lowercase()).cloned())
    };
    let mut portfolio: BTreeSet<String> = p
        .modifiers
        .iter()
        .filter(|w| !is_stop(w))
        .cloned()
        .collect();
    let mut domain = BTreeSet::new();
    for (prep, words) in &p.complements {
        let target = if prep == "of" {
            &mut portfolio
        } else {
            &mut domain
        };
        target.extend(words.iter().filter(|w| !is_stop(w)).cloned());
    }
    // Head words before the last are portfolio ("chief executive officer"
    // keeps head "officer" with portfolio {chief, executive}).
    let mut head_words = p.head.clone();
    let head = head_words.pop().unwrap_or_default();
    portfolio.extend(head_words);
    let time = if p.qualifiers.iter().any(|q| times.past.contains(q)) {
        TitleTime::Past
    } else if p.qualifiers.iter().any(|q| times.future.contains(q)) {
        TitleTime::Future
    } else {
        TitleTime::Present
    };
    NormTitle {
        rank: p.rank.clone(),
        head,
        portfolio,
        domain,
        org,
        time,
        qualifiers: p.qualifiers.clone(),
        office: None,
        descriptive: false,
    }
}

/// "US" → "U.S."; "Chinese Ministry of Foreign Affairs" → "China" (the
/// country named inside, the one nearest the title when several are);
/// an unknown organisation stays as written.
fn org_from_words(lx: &Lexicon, words: &[String]) -> String {
    let whole = words.join(" ");
    if let Some(c) = lx.orgs.get(&whole.to_lowercase()) {
        return c.clone();
    }
    // The alias nearest the title wins: "WASHINGTON - Japanese Finance
    // Minister" is Japan's. A country's name inside a longer name
    // ("American Motors", "Brazilian Coffee Institute") is not the
    // country: the organisation is the whole name.
    words
        .iter()
        .rev()
        .enumerate()
        .find_map(|(k, w)| {
            let org = lx.orgs.get(&w.to_lowercase())?;
            let after = &words[words.len() - k..];
            let inside = lx.countries.contains(org)
                && !after
                    .iter()
                    .all(|a| GOVERNMENT.contains(&a.to_lowercase().as_str()));
            (!inside).then(|| org.clone())
        })
        .unwrap_or(whole)
}

/// Words after a country's name that keep the organisation the country's
/// government ("Japanese Finance Ministry", "U.S. State Department").
const GOVERNMENT: &[&str] = &[
    "ministry",
    "department",
    "government",
    "cabinet",
    "administration",
    "embassy",
    "parliament",
    "delegation",
    "foreign",
    "finance",
    "trade",
    "interior",
    "defence",
    "defense",
    "state",
    "economy",
    "economic",
    "agriculture",
    "treasury",
    "commerce",
    "industry",
    "energy",
    "oil",
    "justice",
    "labor",
    "labour",
    "health",
    "education",
    "transport",
    "information",
    "affairs",
    "of",
    "the",
    "and",
    "senate",
    "house",
    "congress",
    "-",
    "'s",
];

fn is_stop(w: &str) -> bool {
    STOPWORDS.contains(&w)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ruleset::RuleSet;

    fn norm(text: &str) -> NormTitle {
        let rules = RuleSet::shipped().unwrap();
        let p = parse_title_text(&rules.lexicon, text).expect("parses");
        let mut t = normalize(&rules.lexicon, &p, &rules.qualifier_times);
        rules.office_index.classify(&mut t);
        t
    }

    #[test]
    fn word_order_and_spelling_do_not_matter() {
        let a = norm("Defence Secretary");
        let b = norm("Secretary of Defense");
        assert_eq!(a.family(), b.family());
        assert_eq!(a.office.as_deref(), Some("us-secretary-of-defense"));
    }

    #[test]
    fn rank_is_apart_from_family() {
        let a = norm("Under Secretary of State for East Asia");
        let b = norm("assistant secretary of state for East Asian and Pacific affairs");
        assert_eq!(a.family(), b.family());
        assert_eq!(a.rank.as_deref(), Some("under"));
        assert_eq!(b.rank.as_deref(), Some("assistant"));
        assert_eq!(b.office.as_deref(), Some("us-state-eap"));
        assert_eq!(a.office, None);
    }

    #[test]
    fn descriptions_are_marked() {
        let t = norm("top U.S. diplomat for the Asia-Pacific region");
        assert_eq!(t.office.as_deref(), Some("us-state-eap"));
        assert!(t.descriptive);
        assert_eq!(t.org.as_deref(), Some("U.S."));
        assert_eq!(norm("Foreign Minister").org, None);
        assert_eq!(
            norm("director").office,
            None,
            "a bare director is no CIA director"
        );
        assert_eq!(
            norm("CIA director").office.as_deref(),
            Some("us-cia-director")
        );
    }

    #[test]
    fn another_country_is_not_the_vocabulary_office() {
        let t = norm("Argentine Secretary of State");
        assert_eq!(t.office, None);
        assert_eq!(t.org.as_deref(), Some("Argentina"));
    }

    #[test]
    fn countries_named_by_alias_capital_and_demonym() {
        let rules = RuleSet::shipped().unwrap();
        let named = countries_named(
            &rules.lexicon,
            "Officials in Dhaka met a Saudi Arabian envoy; the United States sent us no one.",
        );
        let named: Vec<&str> = named.iter().map(String::as_str).collect();
        assert_eq!(named, ["Bangladesh", "Saudi Arabia", "U.S."]);
        let none = countries_named(&rules.lexicon, "He told us about it.");
        assert!(none.is_empty(), "{none:?}");
    }

    #[test]
    fn former_is_past() {
        assert_eq!(norm("former Treasury Secretary").time, TitleTime::Past);
    }
}
