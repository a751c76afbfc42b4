//! The word lists the grammar consults, compiled from the rules' vocabulary.
//!
//! Everything language-specific the parsers need — title head nouns, rank
//! words, qualifiers, organisation aliases, given names — lives in YAML under
//! `rules/` and arrives here as hash sets, so extending coverage is a rules
//! change. All keys are lower case.

use std::collections::{HashMap, HashSet};

use super::token::Token;

/// The hash of the lexicon's short word keys: FxHash (`rustc-hash`).
/// Look-ups run several times per token, and SipHash dominated the
/// extraction profile; the keys come from the project's own rule files, so
/// flooding resistance is not needed.
pub type WordBuildHasher = rustc_hash::FxBuildHasher;
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

/// The table behind [`Lexicon::bits_of`]: one look-up per token, so it is
/// an open-addressing table over words packed into two machine words
/// instead of a `HashMap<String, _>` (no string hashing, no `memcmp`).
#[derive(Debug, Clone)]
pub(crate) struct WordBits {
    /// Linear probing; a power of two, at most a quarter full.
    slots: Vec<Slot>,
    /// Words that do not fit a slot (longer than [`SLOT_WORD_BYTES`], or
    /// empty).
    long: HashMap<Box<[u8]>, (u16, u16), WordBuildHasher>,
    /// First bytes of the keys: a word starting otherwise has no bits.
    first_bytes: [bool; 256],
}

/// Longest word a [`Slot`] holds.
const SLOT_WORD_BYTES: usize = 16;

/// One word of [`WordBits`]; `len == 0` marks a free slot.
#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    word: [u64; 2],
    len: u8,
    bits: u16,
    /// A second value of the word ([`WordBits::with_extra`]).
    extra: u16,
}

impl WordBits {
    pub(crate) fn new(words: &HashMap<String, u16, WordBuildHasher>) -> Self {
        let pairs = words.iter().map(|(w, &bits)| (w.as_str(), (bits, 0)));
        Self::with_extra(pairs.collect())
    }

    /// A table with two values per word: the value [`WordBits::get`]
    /// gives, and an extra one ([`WordBits::get_both`]).
    fn with_extra(words: HashMap<&str, (u16, u16), WordBuildHasher>) -> Self {
        let short = words.keys().filter(|w| Self::fits(w.as_bytes())).count();
        // At most a quarter full: most look-ups miss (most words have no
        // bits), and a miss probes until a free slot.
        let size = (4 * short).next_power_of_two().max(16);
        let mut table = WordBits {
            slots: vec![Slot::default(); size],
            long: HashMap::default(),
            first_bytes: [false; 256],
        };
        for (w, (bits, extra)) in words {
            if let Some(&b) = w.as_bytes().first() {
                table.first_bytes[usize::from(b)] = true;
            }
            if !Self::fits(w.as_bytes()) {
                table.long.insert(w.as_bytes().into(), (bits, extra));
                continue;
            }
            let word = pack(w.as_bytes());
            let mut at = table.home(word);
            while table.slots[at].len != 0 {
                at = (at + 1) & (size - 1);
            }
            table.slots[at] = Slot {
                word,
                len: w.len() as u8,
                bits,
                extra,
            };
        }
        table
    }

    /// [`Lexicon::bits_of`] of the bytes of a lower-case word.
    #[inline]
    fn bits_of(&self, lower: &[u8]) -> u16 {
        self.bits_and_extra_of(lower).0
    }

    /// [`WordBits::bits_of`], and the word's own extra value.
    #[inline]
    fn bits_and_extra_of(&self, lower: &[u8]) -> (u16, u16) {
        // Numbers and punctuation: no key starts that way (the trimmed
        // word starts with the same byte unless it is empty).
        match lower.first() {
            Some(&b) if !self.first_bytes[usize::from(b)] && b != b'.' => return (0, 0),
            _ => {}
        }
        let (own, extra) = self.get_both(lower).unwrap_or((0, 0));
        if lower.last() != Some(&b'.') {
            return (own, extra);
        }
        // `is_org_suffix` looks at the word without its trailing periods.
        let suffix = self.get(trim_end_periods(lower)).unwrap_or(0);
        (
            (own & !bits::ORG_SUFFIX) | (suffix & bits::ORG_SUFFIX),
            extra,
        )
    }

    fn fits(word: &[u8]) -> bool {
        (1..=SLOT_WORD_BYTES).contains(&word.len())
    }

    /// The slot probing for `word` starts at (FxHash's multiplier over the
    /// word's two packed halves).
    #[inline]
    fn home(&self, word: [u64; 2]) -> usize {
        const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let h = (word[0] ^ word[1].rotate_left(31)).wrapping_mul(SEED);
        (h >> 32) as usize & (self.slots.len() - 1)
    }

    /// The value stored for `word`, by exact bytes.
    #[inline]
    pub(crate) fn get(&self, word: &[u8]) -> Option<u16> {
        self.get_both(word).map(|(bits, _)| bits)
    }

    /// Both values stored for `word`, by exact bytes.
    #[inline]
    fn get_both(&self, word: &[u8]) -> Option<(u16, u16)> {
        if !Self::fits(word) {
            return self.long.get(word).copied();
        }
        let packed = pack(word);
        let mut at = self.home(packed);
        loop {
            let slot = &self.slots[at];
            if slot.len == 0 {
                return None;
            }
            if slot.word == packed && usize::from(slot.len) == word.len() {
                return Some((slot.bits, slot.extra));
            }
            at = (at + 1) & (self.slots.len() - 1);
        }
    }
}

/// A word of at most [`SLOT_WORD_BYTES`] as two machine words: every byte
/// is in them, so words of one length pack equal only if they are equal.
/// Loads that may overlap instead of a copy into a zeroed buffer, which
/// costs a `memcpy` call per look-up.
#[inline]
fn pack(word: &[u8]) -> [u64; 2] {
    let n = word.len();
    let u32_at = |k: usize| u64::from(u32::from_le_bytes(word[k..k + 4].try_into().expect("4")));
    let u64_at = |k: usize| u64::from_le_bytes(word[k..k + 8].try_into().expect("8"));
    match n {
        0 => [0, 0],
        1..=3 => {
            let bytes = [word[0], word[n / 2], word[n - 1]];
            [bytes.iter().rev().fold(0, |v, &b| v << 8 | u64::from(b)), 0]
        }
        4..=7 => [u32_at(0) | u32_at(n - 4) << 32, 0],
        _ => [u64_at(0), u64_at(n - 8)],
    }
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
    pub places: WordMap,
    /// City name (lower case) → the country it lies in, as written in
    /// `vocabulary.cities` (a gazetteer for arrivals).
    pub city_country: WordMap,
    /// The cities of `city_country` that are their country's capital.
    pub capital_cities: WordSet,
    /// Full-name alias → the person's canonical full name.
    pub person_aliases: WordMap,
    /// Canonical names of the organisations that are countries.
    pub countries: WordSet,
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
    /// The words the rule patterns' start index looks up, in its order
    /// (`patterns::StartIndex::words`): [`Lexicon::annotate`] stores each
    /// token's place among them with its bits, so the matcher need not
    /// look its words up again ([`Lexicon::set_pattern_words`]).
    pattern_words: Vec<String>,
    /// The start index those words are of (0: none), so the matcher reads
    /// the stored places only when they are its own.
    pattern_index: u64,
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

    /// Gives the lexicon the words of a rule patterns' start index
    /// (`patterns::StartIndex::words`), for [`Lexicon::annotate`] to store
    /// each token's place among them. The word table is built again.
    pub fn set_pattern_words(&mut self, words: &[String], index: u64) {
        self.pattern_words = words.to_vec();
        self.pattern_index = index;
        self.word_bits = std::sync::OnceLock::new();
    }

    /// The start index whose words annotated tokens carry (0: none).
    pub fn pattern_index(&self) -> u64 {
        self.pattern_index
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
            let mut pairs: HashMap<&str, (u16, u16), WordBuildHasher> =
                map.iter().map(|(w, &b)| (w.as_str(), (b, 0))).collect();
            // Places past u16 are not stored (the matcher looks those up).
            for (k, w) in self
                .pattern_words
                .iter()
                .enumerate()
                .take(usize::from(u16::MAX) - 1)
            {
                pairs.entry(w.as_str()).or_default().1 = k as u16 + 1;
            }
            WordBits::with_extra(pairs)
        })
    }

    /// All [`bits`] of a lower-case word but `HEAD_TOKEN`.
    pub fn bits_of(&self, lower: &str) -> u16 {
        self.word_bits().bits_of(lower.as_bytes())
    }

    /// Stores every token's [`bits`] on it, so the productions test bits
    /// instead of hashing the same words again and again.
    pub fn annotate(&self, tokens: &mut [Token<'_>]) {
        let table = self.word_bits();
        for t in tokens.iter_mut() {
            let (mut b, pattern_word) = match t.lower_bytes() {
                Some(l) => table.bits_and_extra_of(l),
                None => (table.bits_of(t.lower().as_bytes()), 0),
            };
            t.set_pattern_word(pattern_word);
            // `is_head_token`, reusing the HEAD bit: only hyphenated words
            // need more look-ups.
            let head = t.is_word()
                && (b & bits::HEAD != 0
                    || t.is_hyphenated_word() && super::title::is_head_token(self, t));
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

/// `word` without its trailing periods.
fn trim_end_periods(word: &[u8]) -> &[u8] {
    let kept = word.iter().rposition(|&b| b != b'.').map_or(0, |k| k + 1);
    &word[..kept]
}

/// Calls `f` with [`lower`] of `word`: a short ASCII word is lower-cased
/// on the stack, so that a look-up by it allocates nothing (person keys
/// look up every name's words).
pub fn with_lower<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    const MAX: usize = 32;
    if word.len() <= MAX && word.is_ascii() {
        let mut buf = [0u8; MAX];
        let low = &mut buf[..word.len()];
        low.copy_from_slice(word.as_bytes());
        low.make_ascii_lowercase();
        if let Ok(l) = std::str::from_utf8(low) {
            return f(l);
        }
    }
    f(&lower(word))
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

#[cfg(test)]
mod tests {
    use super::*;

    /// [`Lexicon::bits_of`] as the sets answer it, one question at a time.
    fn bits_from_the_sets(lx: &Lexicon, lower: &str) -> u16 {
        (0..9)
            .map(|k| 1u16 << k)
            .filter(|&bit| lx.lookup(lower, bit))
            .fold(0, |all, bit| all | bit)
    }

    #[test]
    fn bits_agree_with_the_sets() {
        let rules = crate::ruleset::RuleSet::shipped().unwrap();
        let lx = &rules.lexicon;
        let keys = lx
            .heads
            .iter()
            .chain(&lx.modifiers)
            .chain(lx.ranks.keys())
            .chain(lx.qualifiers.keys())
            .chain(&lx.not_names)
            .chain(lx.orgs.keys())
            .chain(&lx.given_names)
            .chain(&lx.surname_first)
            .chain(&lx.org_suffixes);
        let mut words = vec![
            String::new(),
            ".".into(),
            "...".into(),
            "said".into(),
            "x".repeat(40),
        ];
        for k in keys {
            let cut = k.char_indices().last().map_or(0, |(i, _)| i);
            words.extend([
                k.clone(),
                format!("{k}."),
                format!("{k}.."),
                format!("{k}x"),
                format!("x{k}"),
                k[..cut].to_string(),
                format!("{}z", &k[..cut]),
            ]);
        }
        for w in &words {
            assert_eq!(lx.bits_of(w), bits_from_the_sets(lx, w), "{w:?}");
        }
    }

    #[test]
    fn packed_words_of_one_length_differ() {
        // Every word of up to nine bytes over a small alphabet.
        let mut words: Vec<Vec<u8>> = vec![Vec::new()];
        let mut seen = HashSet::new();
        for _ in 0..9 {
            words = words
                .iter()
                .flat_map(|w| {
                    [b'a', b'b', 0].map(|b| {
                        let mut w = w.clone();
                        w.push(b);
                        w
                    })
                })
                .collect();
            for w in &words {
                assert!(seen.insert((w.len(), pack(w))), "{w:?}");
            }
        }
        // Longer words: every byte counts, from either end.
        let long = b"abcdefghijklmnop";
        for n in 9..=long.len() {
            for k in 0..n {
                let mut w = long[..n].to_vec();
                w[k] = b'X';
                assert_ne!(pack(&w), pack(&long[..n]), "{n} {k}");
            }
        }
    }
}
