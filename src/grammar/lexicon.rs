//! The word lists the grammar consults, compiled from the rules' vocabulary.
//!
//! Everything language-specific the parsers need — title head nouns, rank
//! words, qualifiers, organisation aliases, given names — lives in YAML under
//! `rules/` and arrives here as hash sets, so extending coverage is a rules
//! change. All keys are lower case.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// A fast, non-cryptographic hasher for the lexicon's short word keys (the
/// FxHash mixing step, over 8-byte chunks). Look-ups run several times per
/// token, and SipHash dominated the extraction profile; the keys come from
/// the project's own rule files, so flooding resistance is not needed.
#[derive(Debug, Default, Clone, Copy)]
pub struct WordHasher(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl WordHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for WordHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().expect("8 bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut buf = [0u8; 8];
            buf[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(buf));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

pub type WordBuildHasher = BuildHasherDefault<WordHasher>;
/// A set of lower-case words.
pub type WordSet = HashSet<String, WordBuildHasher>;
/// A map from lower-case words.
pub type WordMap = HashMap<String, String, WordBuildHasher>;

#[derive(Debug, Default, Clone)]
pub struct Lexicon {
    /// Nouns that end a title: secretary, minister, chairman, ...
    pub heads: WordSet,
    /// Lower-case words allowed before a head: national, security, foreign, ...
    pub modifiers: WordSet,
    /// Rank word → rank id: deputy, under, assistant, vice, ...
    pub ranks: WordMap,
    /// Qualifier word → qualifier id: former, acting, new, ...
    pub qualifiers: WordMap,
    /// Organisation or country alias (may be several words) → canonical name.
    pub orgs: WordMap,
    /// Place alias → canonical place (cities, regions), lower-case keys.
    pub places: HashMap<String, String>,
    /// Full-name alias → the person's canonical full name.
    pub person_aliases: HashMap<String, String>,
    /// Canonical names of the organisations that are countries.
    pub countries: HashSet<String>,
    /// Longest organisation alias, in words.
    pub org_max_words: usize,
    /// Words that close an organisation name: Department, Ministry, Corp, ...
    pub org_suffixes: WordSet,
    /// Capitalised words that are never part of a person's name.
    pub not_names: WordSet,
    pub given_names: WordSet,
    /// Family names written first (Chinese, Korean): Wang, Li, Kim, ...
    pub surname_first: WordSet,
    /// Nickname → canonical given name, both lower case: bill → william.
    pub nicknames: WordMap,
    /// Nicknames of more than one given name ("pat": patrick, patricia):
    /// not folded, since they could be either.
    pub shared_nicknames: WordSet,
    /// Spelling variant → canonical spelling: defence → defense.
    pub spellings: WordMap,
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
    if word.is_ascii() {
        // The common case: no Unicode tables, one byte scan.
        if word.bytes().any(|b| b.is_ascii_uppercase()) {
            std::borrow::Cow::Owned(word.to_ascii_lowercase())
        } else {
            std::borrow::Cow::Borrowed(word)
        }
    } else if word.chars().any(char::is_uppercase) {
        std::borrow::Cow::Owned(word.to_lowercase())
    } else {
        std::borrow::Cow::Borrowed(word)
    }
}
