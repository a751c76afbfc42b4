//! Title normalisation: [`TitleParts`] → [`NormTitle`], and the office
//! vocabulary index that maps normalised wordings to office ids.
//!
//! Wordings are compared as a bag of office words: "Defence Secretary",
//! "Secretary of Defense" and "defense secretary" all become head
//! `secretary`, portfolio {defense}. The `for`/`on`/`to` complement is the
//! office's domain ("for East Asia"), kept apart from the portfolio so that
//! "Under Secretary of State for East Asia" and "assistant secretary of
//! state for East Asian and Pacific affairs" share the family
//! secretary-of-state and differ in rank.

use std::collections::{BTreeSet, HashMap};

use crate::grammar::title::{title, Context};
use crate::grammar::token::tokenize;
use crate::grammar::{parts, Lexicon, TitleParts};
use crate::rules::RuleSet;

/// Words that carry no office meaning.
const STOPWORDS: &[&str] = &["the", "a", "an", "and", "of", "for", "&", "affairs", "-"];

/// When a title held, relative to the text that reports it.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum TitleTime {
    Past,
    Present,
    Future,
}

/// A title reduced to what decides whether two titles conflict.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct NormTitle {
    pub rank: Option<String>,
    pub head: String,
    pub portfolio: BTreeSet<String>,
    pub domain: BTreeSet<String>,
    /// Canonical organisation or country, when the text gives one.
    pub org: Option<String>,
    pub time: TitleTime,
    pub qualifiers: Vec<String>,
    /// Vocabulary office this wording names or describes.
    pub office: Option<String>,
    /// True when the wording is one of the office's `descriptions`.
    pub descriptive: bool,
}

impl NormTitle {
    /// No title (event claims carry one of these).
    pub fn none() -> NormTitle {
        NormTitle {
            rank: None,
            head: String::new(),
            portfolio: BTreeSet::new(),
            domain: BTreeSet::new(),
            org: None,
            time: TitleTime::Present,
            qualifiers: Vec::new(),
            office: None,
            descriptive: false,
        }
    }

    /// Office family: head and portfolio, without rank or domain.
    pub fn family(&self) -> (&str, &BTreeSet<String>) {
        (&self.head, &self.portfolio)
    }
}

/// The vocabulary's office wordings, by normalised key.
#[derive(Debug, Clone, Default)]
pub struct OfficeIndex {
    /// Key → the offices with that wording: (id, descriptive, the
    /// organisation the wording itself names, e.g. "CIA" in "CIA director").
    by_key: HashMap<OfficeKey, Vec<(String, bool, Option<String>)>>,
    /// Canonical form of each office's first name, for comparing families.
    pub canonical: HashMap<String, NormTitle>,
    pub org: HashMap<String, Option<String>>,
    /// First name of each office, for messages.
    pub display: HashMap<String, String>,
    /// Canonical country names (titles in two countries conflict).
    pub countries: std::collections::HashSet<String>,
}

type OfficeKey = (Option<String>, String, BTreeSet<String>, BTreeSet<String>);

fn key_of(t: &NormTitle) -> OfficeKey {
    (
        t.rank.clone(),
        t.head.clone(),
        t.portfolio.clone(),
        t.domain.clone(),
    )
}

impl OfficeIndex {
    /// Parses every office name and description with the title grammar.
    /// Errors: (file, text to point at, message).
    pub fn build(rules: &RuleSet) -> Result<OfficeIndex, Vec<(String, String, String)>> {
        let mut index = OfficeIndex {
            countries: rules.lexicon.countries.clone(),
            ..OfficeIndex::default()
        };
        let mut errors = Vec::new();
        for office in &rules.offices {
            let wordings = office
                .names
                .iter()
                .map(|n| (n, false))
                .chain(office.descriptions.iter().map(|d| (d, true)));
            for (wording, descriptive) in wordings {
                let Some(parts) = parse_title_text(&rules.lexicon, wording) else {
                    errors.push((
                        office.file.clone(),
                        wording.clone(),
                        format!("office `{}`: `{wording}` does not read as a title (no head word such as secretary or minister)", office.id),
                    ));
                    continue;
                };
                let norm = normalize(&rules.lexicon, &parts, rules);
                let key = key_of(&norm);
                let entries = index.by_key.get(&key).map(Vec::as_slice).unwrap_or(&[]);
                if let Some((other, _, _)) = entries.iter().find(|e| e.2 == norm.org) {
                    if other != &office.id {
                        errors.push((
                            office.file.clone(),
                            wording.clone(),
                            format!(
                                "office `{}`: `{wording}` is already a wording of office `{other}`",
                                office.id
                            ),
                        ));
                    }
                    continue;
                }
                if !descriptive {
                    index
                        .canonical
                        .entry(office.id.clone())
                        .or_insert_with(|| norm.clone());
                }
                index.by_key.entry(key).or_default().push((
                    office.id.clone(),
                    descriptive,
                    norm.org.clone(),
                ));
            }
            if let Some(first) = office.names.first() {
                index.display.insert(office.id.clone(), first.clone());
            }
            index.org.insert(
                office.id.clone(),
                office
                    .org
                    .as_deref()
                    .map(|o| canonical_org(&rules.lexicon, o)),
            );
        }
        if errors.is_empty() {
            Ok(index)
        } else {
            Err(errors)
        }
    }

    /// Fills `office`/`descriptive` when the wording is in the vocabulary
    /// and the claim names no other organisation.
    pub fn classify(&self, t: &mut NormTitle) {
        let Some(entries) = self.by_key.get(&key_of(t)) else {
            return;
        };
        // A wording that names its organisation ("CIA director") needs the
        // claim to name it too; a bare "director" is no CIA director. Other
        // wordings match when the claim names no organisation or the
        // office's own ("Chinese Foreign Minister" is not the U.S. one).
        let found = entries
            .iter()
            .find(|(id, _, wording_org)| match wording_org {
                Some(o) => t.org.as_ref() == Some(o),
                None => {
                    let office_org = self.org.get(id).cloned().flatten();
                    t.org.is_none() || office_org.is_none() || t.org == office_org
                }
            });
        // The office's organisation is not copied onto an org-less claim:
        // "Foreign Minister Park Jin" names no country.
        if let Some((id, descriptive, _)) = found {
            t.office = Some(id.clone());
            t.descriptive = *descriptive;
        }
    }
}

impl OfficeIndex {
    /// The country of an office the vocabulary ties to one ("U.S." for the
    /// U.S. Secretary of Commerce); `None` for offices of an organisation
    /// or of no country.
    pub fn office_country(&self, id: &str) -> Option<&str> {
        self.org
            .get(id)?
            .as_deref()
            .filter(|o| self.countries.contains(*o))
    }
}

/// The countries a text names (canonical names: "Bangladesh" for
/// "Bangladeshi" or "Dhaka", "U.S." for "American" or "Washington").
/// Aliases count only when capitalised, so the pronoun "us" is no U.S.
pub fn countries_named(lx: &Lexicon, text: &str) -> BTreeSet<String> {
    let tokens = tokenize(text, 0);
    let mut found = BTreeSet::new();
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
    found
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

/// Reduces parsed title parts to a [`NormTitle`] (office not yet set).
pub fn normalize(lx: &Lexicon, p: &TitleParts, rules: &RuleSet) -> NormTitle {
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
    let time = if p
        .qualifiers
        .iter()
        .any(|q| rules.qualifier_times.past.contains(q))
    {
        TitleTime::Past
    } else if p
        .qualifiers
        .iter()
        .any(|q| rules.qualifier_times.future.contains(q))
    {
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
    // Minister" is Japan's.
    words
        .iter()
        .rev()
        .find_map(|w| lx.orgs.get(&w.to_lowercase()).cloned())
        .unwrap_or(whole)
}

fn is_stop(w: &str) -> bool {
    STOPWORDS.contains(&w)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(text: &str) -> NormTitle {
        let rules = RuleSet::shipped().unwrap();
        let p = parse_title_text(&rules.lexicon, text).expect("parses");
        let mut t = normalize(&rules.lexicon, &p, &rules);
        OfficeIndex::build(&rules).unwrap().classify(&mut t);
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
