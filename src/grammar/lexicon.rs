//! The word lists the grammar consults, compiled from the rules' vocabulary.
//!
//! Everything language-specific the parsers need — title head nouns, rank
//! words, qualifiers, organisation aliases, given names — lives in YAML under
//! `rules/` and arrives here as hash sets, so extending coverage is a rules
//! change. All keys are lower case.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

use super::token::Token;

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

/// Lexicon facts about one lower-case word, one bit each: what the
/// grammar asks of every token, answered by one hash look-up per token
/// ([`Lexicon::annotate`]) instead of one per question per production.
pub mod bits {
    /// In `heads`.
    pub const HEAD: u16 = 1 << 0;
    /// In `modifiers`.
    pub const MODIFIER: u16 = 1 << 1;
    /// A key of `ranks`.
    pub const RANK: u16 = 1 << 2;
    /// A key of `qualifiers`.
    pub const QUALIFIER: u16 = 1 << 3;
    /// In `not_names`.
    pub const NOT_NAME: u16 = 1 << 4;
    /// A key of `orgs`.
    pub const ORG: u16 = 1 << 5;
    /// [`super::Lexicon::is_org_suffix`] (trailing periods trimmed).
    pub const ORG_SUFFIX: u16 = 1 << 6;
    /// In `given_names`.
    pub const GIVEN: u16 = 1 << 7;
    /// In `surname_first`.
    pub const SURNAME_FIRST: u16 = 1 << 8;
    /// [`crate::grammar::title::is_head_token`] (a token-level fact:
    /// hyphenated heads count).
    pub const HEAD_TOKEN: u16 = 1 << 9;
}

/// The table behind [`Lexicon::bits_of`].
#[derive(Debug, Clone)]
struct WordBits {
    map: HashMap<String, u16, WordBuildHasher>,
    /// First bytes of the keys: a word starting otherwise has no bits.
    first_bytes: [bool; 256],
}

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
    /// Word → its [`bits`], built from the sets above on first use (the
    /// sets must not change after a token was annotated).
    word_bits: std::sync::OnceLock<WordBits>,
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

    /// Whether lower-case `word` has fact `bit` (one of [`bits`]), straight
    /// from the sets: the reference the annotation must agree with.
    fn lookup(&self, lower: &str, bit: u16) -> bool {
        match bit {
            bits::HEAD => self.is_head(lower),
            bits::MODIFIER => self.modifiers.contains(lower),
            bits::RANK => self.ranks.contains_key(lower),
            bits::QUALIFIER => self.qualifiers.contains_key(lower),
            bits::NOT_NAME => self.not_names.contains(lower),
            bits::ORG => self.orgs.contains_key(lower),
            bits::ORG_SUFFIX => self.is_org_suffix(lower),
            bits::GIVEN => self.given_names.contains(lower),
            bits::SURNAME_FIRST => self.surname_first.contains(lower),
            _ => false,
        }
    }

    /// The word → bits table (all but `ORG_SUFFIX` and `HEAD_TOKEN`, which
    /// depend on more than the word itself).
    fn word_bits(&self) -> &WordBits {
        self.word_bits.get_or_init(|| {
            let mut map: HashMap<String, u16, WordBuildHasher> = HashMap::default();
            let mut add = |words: &mut dyn Iterator<Item = &String>, bit: u16| {
                for w in words {
                    *map.entry(w.clone()).or_default() |= bit;
                }
            };
            add(&mut self.heads.iter(), bits::HEAD);
            add(&mut self.modifiers.iter(), bits::MODIFIER);
            add(&mut self.ranks.keys(), bits::RANK);
            add(&mut self.qualifiers.keys(), bits::QUALIFIER);
            add(&mut self.not_names.iter(), bits::NOT_NAME);
            add(&mut self.orgs.keys(), bits::ORG);
            add(&mut self.given_names.iter(), bits::GIVEN);
            add(&mut self.surname_first.iter(), bits::SURNAME_FIRST);
            add(&mut self.org_suffixes.iter(), bits::ORG_SUFFIX);
            let mut first_bytes = [false; 256];
            for w in map.keys() {
                if let Some(&b) = w.as_bytes().first() {
                    first_bytes[usize::from(b)] = true;
                }
            }
            WordBits { map, first_bytes }
        })
    }

    /// All [`bits`] of a lower-case word but `HEAD_TOKEN`.
    pub fn bits_of(&self, lower: &str) -> u16 {
        let WordBits {
            map: table,
            first_bytes,
        } = self.word_bits();
        // Numbers and punctuation: no key starts that way (the trimmed
        // word starts with the same byte unless it is empty).
        match lower.as_bytes().first() {
            Some(&b) if !first_bytes[usize::from(b)] && !lower.starts_with('.') => return 0,
            _ => {}
        }
        let own = table.get(lower).copied().unwrap_or(0);
        let trimmed = lower.trim_end_matches('.');
        // `is_org_suffix` looks at the word without its trailing periods.
        let suffix = if trimmed.len() == lower.len() {
            own
        } else {
            table.get(trimmed).copied().unwrap_or(0)
        };
        (own & !bits::ORG_SUFFIX) | (suffix & bits::ORG_SUFFIX)
    }

    /// Stores every token's [`bits`] on it, so the productions test bits
    /// instead of hashing the same words again and again.
    pub fn annotate(&self, tokens: &mut [Token<'_>]) {
        for t in tokens.iter_mut() {
            let l = t.lower();
            let mut b = self.bits_of(&l);
            // `is_head_token`, reusing the HEAD bit: only hyphenated words
            // need more look-ups.
            let head = t.is_word()
                && (b & bits::HEAD != 0 || l.contains('-') && super::title::is_head_token(self, t));
            if head {
                b |= bits::HEAD_TOKEN;
            }
            t.set_lex_bits(b);
        }
    }

    /// Whether token `t` has fact `bit` (one of [`bits`] but `HEAD_TOKEN`):
    /// its annotation when it has one, else a look-up.
    #[inline]
    pub fn has(&self, t: &Token<'_>, bit: u16) -> bool {
        match t.lex_bits() {
            Some(b) => b & bit != 0,
            None => self.lookup(&t.lower(), bit),
        }
    }

    /// Whether token `t` has any of the facts in `mask` (several [`bits`]).
    #[inline]
    pub fn has_any(&self, t: &Token<'_>, mask: u16) -> bool {
        match t.lex_bits() {
            Some(b) => b & mask != 0,
            None => {
                let l = t.lower();
                (0..9).any(|k| mask & (1 << k) != 0 && self.lookup(&l, 1 << k))
            }
        }
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
