//! The word lists the grammar consults, compiled from the rules' vocabulary.
//!
//! Everything language-specific the parsers need — title head nouns, rank
//! words, qualifiers, organisation aliases, given names — lives in YAML under
//! `rules/` and arrives here as hash sets, so extending coverage is a rules
//! change. All keys are lower case.

use std::collections::{HashMap, HashSet};

#[derive(Debug, Default, Clone)]
pub struct Lexicon {
    /// Nouns that end a title: secretary, minister, chairman, ...
    pub heads: HashSet<String>,
    /// Lower-case words allowed before a head: national, security, foreign, ...
    pub modifiers: HashSet<String>,
    /// Rank word → rank id: deputy, under, assistant, vice, ...
    pub ranks: HashMap<String, String>,
    /// Qualifier word → qualifier id: former, acting, new, ...
    pub qualifiers: HashMap<String, String>,
    /// Organisation or country alias (may be several words) → canonical name.
    pub orgs: HashMap<String, String>,
    /// Place alias → canonical place (cities, regions), lower-case keys.
    pub places: HashMap<String, String>,
    /// Full-name alias → the person's canonical full name.
    pub person_aliases: HashMap<String, String>,
    /// Canonical names of the organisations that are countries.
    pub countries: HashSet<String>,
    /// Longest organisation alias, in words.
    pub org_max_words: usize,
    /// Words that close an organisation name: Department, Ministry, Corp, ...
    pub org_suffixes: HashSet<String>,
    /// Capitalised words that are never part of a person's name.
    pub not_names: HashSet<String>,
    pub given_names: HashSet<String>,
    /// Family names written first (Chinese, Korean): Wang, Li, Kim, ...
    pub surname_first: HashSet<String>,
    /// Nickname → canonical given name, both lower case: bill → william.
    pub nicknames: HashMap<String, String>,
    /// Spelling variant → canonical spelling: defence → defense.
    pub spellings: HashMap<String, String>,
}

impl Lexicon {
    pub fn is_head(&self, lower: &str) -> bool {
        self.heads.contains(lower)
    }

    pub fn rank(&self, lower: &str) -> Option<&str> {
        self.ranks.get(lower).map(String::as_str)
    }

    pub fn qualifier(&self, lower: &str) -> Option<&str> {
        self.qualifiers.get(lower).map(String::as_str)
    }

    pub fn is_org_suffix(&self, lower: &str) -> bool {
        self.org_suffixes.contains(lower.trim_end_matches('.'))
    }

    /// Canonical spelling of a lower-case word.
    pub fn spelling<'w>(&'w self, lower: &'w str) -> &'w str {
        self.spellings.get(lower).map_or(lower, String::as_str)
    }

    /// Canonical given name for a nickname (or the name itself).
    pub fn canonical_given<'w>(&'w self, lower: &'w str) -> &'w str {
        self.nicknames.get(lower).map_or(lower, String::as_str)
    }
}

/// Lower-cases a word without allocating when it is already lower case.
pub fn lower(word: &str) -> std::borrow::Cow<'_, str> {
    if word.chars().any(char::is_uppercase) {
        std::borrow::Cow::Owned(word.to_lowercase())
    } else {
        std::borrow::Cow::Borrowed(word)
    }
}
