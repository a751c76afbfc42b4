//! Copy families: documents that are near-copies of one another (a wire
//! story re-sent with a correction, the same story syndicated under another
//! headline or with its last paragraph trimmed) are grouped, so that checks
//! count independent sources rather than copies.
//!
//! Input: each document's title and text. Output: a [`Signature`] per
//! document, then [`Families`]: for each document the first document of
//! its family.
//!
//! **Signature.** The text's words (letters and digits, ASCII lowercased)
//! are cut into overlapping [`SHINGLE`]-word shingles; each shingle is
//! hashed once (FNV-1a per word, mixed; the shingle's words rotated by
//! place, xored and mixed again) and kept as
//! the minimum of one of [`BINS`] bins (one-permutation MinHash), empty
//! bins filled from the next full bin to the right (rotation
//! densification, Shrivastava and Li 2014). Cost: one hash per word, so
//! linear in the corpus. The hash is written here, not taken from a crate:
//! signatures travel in claims files (`claims --documents`) and must mean
//! the same on every machine and in every later version.
//!
//! **Grouping.** The fraction of bins two signatures share estimates the
//! Jaccard similarity of their shingle sets (standard error at most 0.045
//! with 128 bins). Candidate pairs come from locality-sensitive hashing:
//! [`BANDS`] bands of [`ROWS`] bins, documents sharing a band's values are
//! candidates (a pair at Jaccard 0.5 with probability 0.996, at 0.3 with
//! 0.68). A candidate pair is joined when both texts have at least
//! [`MIN_SHINGLES`] shingles, the smaller is at least [`THRESHOLD`] inside
//! the other ([`Signature::containment`]) and they were published at most
//! [`MAX_DAYS_APART`] apart; a family is a connected group. The constants
//! were measured on the Reuters-21578 year: `docs/families.md`. Only
//! signatures and dates are compared, never texts, so checking claims
//! files gives the same families as checking the documents.
//!
//! This module depends on no other part of the crate.

use std::borrow::Borrow;

use jiff::civil::Date;
use rayon::prelude::*;

/// Words per shingle (the shingle hash in [`Signature::of`] is written for 4).
pub const SHINGLE: usize = 4;
/// Bins of a signature.
pub const BINS: usize = 128;
/// Bins per LSH band.
pub const ROWS: usize = 3;
/// LSH bands (`BANDS * ROWS <= BINS`).
pub const BANDS: usize = 42;
/// Estimated containment at or above which two documents are copies (the
/// smaller text's shingles found in the other: a re-sent or trimmed copy
/// is near 1, a templated report of another week with other figures well
/// below). Measured on the Reuters-21578 year: see `docs/families.md`.
pub const THRESHOLD: f64 = 0.7;
/// Copies are published at most this many days apart (when both dates are
/// known): a daily or weekly templated report (reserves, jobless claims,
/// bill auctions) repeats its wording with other figures on other days.
pub const MAX_DAYS_APART: i32 = 1;
/// Shingles a text needs (about 23 words) to be compared at all: shorter
/// texts give coarse estimates, and one-sentence notes that happen to
/// share their wording are not copies of a story.
pub const MIN_SHINGLES: u32 = 20;
/// Estimated Jaccard similarity below which two documents are never
/// copies: below it the containment estimate is too noisy (and LSH finds
/// few such pairs).
pub const MIN_SIMILARITY: f64 = 0.25;

/// A document's MinHash signature.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Signature {
    /// Shingles in the text (with repeats); 0: too short to compare.
    pub shingles: u32,
    /// Each bin's minimum, its low 16 bits; shared by copies of one text
    /// when a run keeps one signature per distinct text (issue 19: memory).
    pub bins: std::sync::Arc<[u16; BINS]>,
}

/// The word hashes of a document's title and text, in order.
fn document_words(title: Option<&str>, text: &str) -> Vec<u64> {
    let mut words = Vec::with_capacity(text.len() / 5);
    if let Some(t) = title {
        word_hashes(t, &mut words);
    }
    word_hashes(text, &mut words);
    words
}

/// The shingles of a text of `words` words, as [`Signature::of`] counts
/// them.
fn shingle_count(words: usize) -> u32 {
    u32::try_from(words.saturating_sub(SHINGLE - 1)).unwrap_or(u32::MAX)
}

/// SplitMix64's finaliser: a well-mixed 64-bit value.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Hashes of the words of `text`, in order: FNV-1a over each word's
/// UTF-8 bytes, ASCII lowercased. A word is a run of alphanumeric
/// characters; ASCII is classified by table, other characters once at
/// their first byte.
fn word_hashes(text: &str, out: &mut Vec<u64>) {
    let bytes = text.as_bytes();
    let (mut h, mut in_word, mut wide_word) = (FNV_OFFSET, false, false);
    for (i, &b) in bytes.iter().enumerate() {
        let byte = if b < 0x80 {
            ASCII_WORD[b as usize]
        } else {
            if b >= 0xc0 {
                // The first byte of a character: classify the character.
                wide_word = text[i..].chars().next().is_some_and(char::is_alphanumeric);
            }
            if wide_word {
                b
            } else {
                0
            }
        };
        if byte != 0 {
            h = (h ^ u64::from(byte)).wrapping_mul(FNV_PRIME);
            in_word = true;
        } else if in_word {
            out.push(h);
            h = FNV_OFFSET;
            in_word = false;
        }
    }
    if in_word {
        out.push(h);
    }
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// For each ASCII byte: its lowercase form when it is a letter or digit,
/// else 0.
const ASCII_WORD: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() {
            t[b] = c.to_ascii_lowercase();
        }
        b += 1;
    }
    t
};

impl Signature {
    /// The signature of a document's title and text.
    pub fn of(title: Option<&str>, text: &str) -> Signature {
        Signature::of_words(document_words(title, text))
    }

    /// [`Signature::of`] for a run that only groups documents into
    /// families ([`Families::group`], which compares no text with fewer
    /// than [`MIN_SHINGLES`] shingles): such a text keeps its shingle
    /// count, and its bins, which nothing reads, are left 0 rather than
    /// worked out (most of a short note's signature cost). Claims files
    /// keep whole signatures ([`Signature::of`]).
    pub fn for_grouping(title: Option<&str>, text: &str) -> Signature {
        let words = document_words(title, text);
        let shingles = shingle_count(words.len());
        if shingles >= MIN_SHINGLES {
            return Signature::of_words(words);
        }
        static EMPTY: std::sync::OnceLock<std::sync::Arc<[u16; BINS]>> = std::sync::OnceLock::new();
        Signature {
            shingles,
            bins: EMPTY.get_or_init(|| std::sync::Arc::new([0; BINS])).clone(),
        }
    }

    /// The signature of a text's word hashes ([`document_words`]).
    fn of_words(mut words: Vec<u64>) -> Signature {
        let mut mins = [u64::MAX; BINS];
        let mut shingles = 0u32;
        for w in words.iter_mut() {
            *w = mix(*w);
        }
        for w in words.windows(SHINGLE) {
            // Each word rotated by its place in the shingle, then mixed.
            let h = mix(w[0] ^ w[1].rotate_left(16) ^ w[2].rotate_left(32) ^ w[3].rotate_left(48));
            // Top 7 bits choose the bin; the rest is the value.
            let bin = (h >> 57) as usize;
            let value = h & ((1 << 57) - 1);
            if value < mins[bin] {
                mins[bin] = value;
            }
            shingles = shingles.saturating_add(1);
        }
        let mut bins = Box::new([0u16; BINS]);
        // Rotation densification: an empty bin takes the next full bin's
        // value (to the right, wrapping), offset by the distance. Walked
        // right to left once, carrying the last full bin seen; past the
        // right edge, the next full bin is the leftmost one, one lap on.
        // (Not a second lap of the walk: this runs for every document,
        // and most bins of a short one are empty.)
        if let Some(first) = mins.iter().position(|&m| m != u64::MAX) {
            let (mut v, mut at) = (mins[first], first + BINS);
            for bin in (0..BINS).rev() {
                if mins[bin] != u64::MAX {
                    (v, at) = (mins[bin], bin);
                }
                let d = (at - bin) as u64;
                bins[bin] = mix(v.wrapping_add(d.wrapping_mul(0x9e37_79b9_7f4a_7c15))) as u16;
            }
        }
        Signature {
            shingles,
            bins: bins.into(),
        }
    }

    /// Estimated Jaccard similarity of the two shingle sets (0 when either
    /// text is too short).
    pub fn similarity(&self, other: &Signature) -> f64 {
        if self.shingles == 0 || other.shingles == 0 {
            return 0.0;
        }
        let same = self
            .bins
            .iter()
            .zip(other.bins.iter())
            .filter(|(a, b)| a == b)
            .count();
        same as f64 / BINS as f64
    }

    /// Estimated containment: the share of the smaller text's shingles
    /// that the other text has too, from the Jaccard estimate and the two
    /// sizes (|A ∩ B| = J (|A| + |B|) / (1 + J)); at most 1.
    pub fn containment(&self, other: &Signature) -> f64 {
        let j = self.similarity(other);
        let (a, b) = (f64::from(self.shingles), f64::from(other.shingles));
        if j == 0.0 {
            return 0.0;
        }
        (j * (a + b) / (1.0 + j) / a.min(b)).min(1.0)
    }

    /// Whether two documents are copies: see [`THRESHOLD`].
    pub fn is_copy(&self, other: &Signature) -> bool {
        self.shingles.min(other.shingles) >= MIN_SHINGLES
            && self.similarity(other) >= MIN_SIMILARITY
            && self.containment(other) >= THRESHOLD
    }

    /// As written in claims files: shingle count, `:`, the bins in hex.
    pub fn to_hex(&self) -> String {
        let mut out = format!("{}:", self.shingles);
        for b in self.bins.iter() {
            out.push_str(&format!("{b:04x}"));
        }
        out
    }

    /// Reads [`Signature::to_hex`]'s form.
    pub fn from_hex(s: &str) -> Option<Signature> {
        let (count, hex) = s.split_once(':')?;
        let shingles = count.parse().ok()?;
        if hex.len() != BINS * 4 || !hex.is_ascii() {
            return None;
        }
        let mut bins = Box::new([0u16; BINS]);
        for (i, bin) in bins.iter_mut().enumerate() {
            *bin = u16::from_str_radix(&hex[i * 4..i * 4 + 4], 16).ok()?;
        }
        Some(Signature {
            shingles,
            bins: bins.into(),
        })
    }
}

/// Which documents are copies of which.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Families {
    /// For each document, the first document (lowest index) of its family.
    pub first: Vec<usize>,
    /// For each document, how many documents its family has.
    pub size: Vec<usize>,
}

/// FxHash (`rustc-hash`) for the map of distinct signatures: SipHash over
/// every document's 256 bytes of bins was most of grouping a corpus without
/// copies (issue 19). The map is never iterated, so the hash never shows in
/// output.
type BinsHash = rustc_hash::FxBuildHasher;

/// Union-find with path halving; the root is the lowest index. (Also the
/// name checks' groups of spellings: one implementation.)
pub(crate) struct Groups(Vec<usize>);

impl Groups {
    /// `n` singletons.
    pub(crate) fn new(n: usize) -> Groups {
        Groups((0..n).collect())
    }

    pub(crate) fn find(&mut self, mut x: usize) -> usize {
        while self.0[x] != x {
            self.0[x] = self.0[self.0[x]];
            x = self.0[x];
        }
        x
    }

    pub(crate) fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        let (lo, hi) = (ra.min(rb), ra.max(rb));
        self.0[hi] = lo;
    }
}

/// A band's bins packed into one key.
fn band_key(s: &Signature, band: usize) -> u64 {
    s.bins[band * ROWS..(band + 1) * ROWS]
        .iter()
        .fold(0u64, |k, &b| (k << 16) | u64::from(b))
}

/// Candidate pairs (a < b) of texts with at least [`MIN_SHINGLES`]
/// shingles from LSH banding with their estimated similarity, each pair once (in the first band the two share), sorted.
pub fn scored_pairs(signatures: &[Signature]) -> Vec<(usize, usize, f64)> {
    let mut pairs: Vec<(usize, usize, f64)> = (0..BANDS)
        .into_par_iter()
        .flat_map_iter(|band| {
            let mut keyed: Vec<(u64, usize)> = signatures
                .iter()
                .enumerate()
                .filter(|(_, s)| s.shingles >= MIN_SHINGLES)
                .map(|(i, s)| (band_key(s, band), i))
                .collect();
            keyed.sort_unstable_by_key(|x| x.0);
            let mut out = Vec::new();
            for run in keyed.chunk_by(|x, y| x.0 == y.0) {
                for (k, &(_, x)) in run.iter().enumerate() {
                    for &(_, y) in &run[k + 1..] {
                        let (a, b) = (x.min(y), x.max(y));
                        let (sa, sb) = (&signatures[a], &signatures[b]);
                        if (0..band).any(|e| band_key(sa, e) == band_key(sb, e)) {
                            continue;
                        }
                        out.push((a, b, sa.similarity(sb)));
                    }
                }
            }
            out
        })
        .collect();
    pairs.par_sort_unstable_by_key(|p| (p.0, p.1));
    pairs
}

/// Whether two publication dates are at most [`MAX_DAYS_APART`] days
/// apart (true when either is unknown).
pub fn near_in_time(a: Option<Date>, b: Option<Date>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a
            .since(b)
            .is_ok_and(|span| span.get_days().abs() <= MAX_DAYS_APART),
        _ => true,
    }
}

impl Families {
    /// Every document its own family.
    pub fn singletons(n: usize) -> Families {
        Families {
            first: (0..n).collect(),
            size: vec![1; n],
        }
    }

    /// Groups documents that are copies: signatures at or above
    /// [`THRESHOLD`], publication dates (`published`, one per signature)
    /// at most [`MAX_DAYS_APART`] apart.
    ///
    /// Documents with one signature and one date answer every comparison
    /// alike, so one of them (the first) stands for all in the banding:
    /// a story sent k times costs k, not k² candidate pairs (an archive
    /// read twice, or sixteen times, would otherwise grow quadratically in
    /// time and memory). The others join it when it is a copy of itself
    /// (it has [`MIN_SHINGLES`]); the families are those of all pairs.
    pub fn group<S: std::borrow::Borrow<Signature>>(
        signatures: &[S],
        published: &[Option<Date>],
    ) -> Families {
        let mut groups = Groups::new(signatures.len());
        let mut class: std::collections::HashMap<(&Signature, Option<Date>), usize, BinsHash> =
            std::collections::HashMap::with_capacity_and_hasher(
                signatures.len(),
                BinsHash::default(),
            );
        // The representative documents, and each one's signature.
        let mut reps: Vec<usize> = Vec::new();
        for (i, s) in signatures.iter().map(Borrow::borrow).enumerate() {
            let r = *class.entry((s, published[i])).or_insert_with(|| {
                reps.push(i);
                i
            });
            if r != i && s.is_copy(s) {
                groups.union(r, i);
            }
        }
        drop(class);
        let distinct: Vec<Signature> = reps
            .iter()
            .map(|&i| signatures[i].borrow().clone())
            .collect();
        for (a, b, _) in scored_pairs(&distinct) {
            let (da, db) = (reps[a], reps[b]);
            if distinct[a].is_copy(&distinct[b]) && near_in_time(published[da], published[db]) {
                groups.union(da, db);
            }
        }
        let first: Vec<usize> = (0..signatures.len()).map(|i| groups.find(i)).collect();
        let mut counts = vec![0usize; first.len()];
        for &f in &first {
            counts[f] += 1;
        }
        let size = first.iter().map(|&f| counts[f]).collect();
        Families { first, size }
    }

    /// Families with two or more documents, each as its documents in
    /// order, ordered by first document.
    pub fn copies(&self) -> Vec<Vec<usize>> {
        let mut by_first: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
        for (doc, &f) in self.first.iter().enumerate() {
            if self.size[doc] > 1 {
                by_first.entry(f).or_default().push(doc);
            }
        }
        by_first.into_values().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "Daniel Kritenbrink, assistant secretary of state for East Asian and \
        Pacific affairs, met Chinese officials in Beijing on Monday to prepare a visit by the \
        secretary of state later this month, the State Department said in a statement. The \
        talks covered trade, Taiwan and the fentanyl trade, officials said, and were candid \
        and constructive. A second round is planned for next month in Washington.";

    #[test]
    fn a_signature_for_grouping_groups_alike() {
        // A story long enough to compare: the whole signature.
        let long = Signature::for_grouping(Some("US envoy in Beijing"), STORY);
        assert_eq!(long, Signature::of(Some("US envoy in Beijing"), STORY));
        // A note too short to compare keeps its shingle count only.
        let note = "Shultz told reporters he would travel to Geneva on Monday.";
        let short = Signature::for_grouping(Some("T1"), note);
        let whole = Signature::of(Some("T1"), note);
        assert_eq!(short.shingles, whole.shingles);
        assert!(short.shingles > 0 && short.shingles < MIN_SHINGLES);
        assert!(short.bins.iter().all(|&b| b == 0));
        // Families of copies and short notes: the same either way.
        let texts = [
            (Some("a"), STORY),
            (Some("b"), STORY),
            (Some("c"), note),
            (Some("c"), note),
            (None, "Talks went on."),
        ];
        let dates = vec![None; texts.len()];
        let of: Vec<Signature> = texts.iter().map(|(t, x)| Signature::of(*t, x)).collect();
        let grouping: Vec<Signature> = texts
            .iter()
            .map(|(t, x)| Signature::for_grouping(*t, x))
            .collect();
        let (a, b) = (
            Families::group(&of, &dates),
            Families::group(&grouping, &dates),
        );
        assert_eq!((&a.first, &a.size), (&b.first, &b.size));
        assert_eq!(a.first, [0, 0, 2, 3, 4]);
    }

    #[test]
    fn a_copy_is_similar_and_another_story_is_not() {
        let a = Signature::of(Some("US envoy in Beijing"), STORY);
        let b = Signature::of(Some("Kritenbrink visits China"), STORY);
        let trimmed = STORY.rsplit_once(" A second").unwrap().0;
        let c = Signature::of(None, trimmed);
        let other = Signature::of(
            None,
            "Wheat prices rose sharply in Chicago on Tuesday as dry weather in the plains \
             cut the outlook for the winter crop, traders said, and exports held firm.",
        );
        assert!(a.similarity(&b) >= THRESHOLD, "{}", a.similarity(&b));
        assert!(a.similarity(&c) >= THRESHOLD, "{}", a.similarity(&c));
        assert!(a.similarity(&other) < 0.1);
        let f = Families::group(&[a, other, b, c], &[None; 4]);
        assert_eq!(f.first, [0, 1, 0, 0]);
        assert_eq!(f.size, [3, 1, 3, 3]);
        assert_eq!(f.copies(), [vec![0, 2, 3]]);
    }

    #[test]
    fn case_and_punctuation_do_not_matter() {
        let a = Signature::of(
            None,
            "The minister, Jane Roe, said on Friday it would rain.",
        );
        let b = Signature::of(
            None,
            "the MINISTER Jane Roe said on Friday -- it would rain",
        );
        assert_eq!(a, b);
    }

    #[test]
    fn short_texts_are_never_copies() {
        let a = Signature::of(None, "Hello there.");
        assert_eq!(a.shingles, 0);
        assert_eq!(a.similarity(&a), 0.0);
        assert_eq!(Families::group(&[a.clone(), a], &[None; 2]).first, [0, 1]);
        let one = "Daniel Kritenbrink, assistant secretary of state for East Asian and Pacific affairs, spoke.";
        let b = Signature::of(None, one);
        assert!(!b.is_copy(&b));
    }

    #[test]
    fn copies_are_published_close_together() {
        let a = Signature::of(None, STORY);
        let day = |d| Some(jiff::civil::date(2023, 6, d));
        let f = Families::group(&[a.clone(), a.clone(), a], &[day(1), day(2), day(9)]);
        assert_eq!(f.first, [0, 0, 2]);
    }

    #[test]
    fn signatures_round_trip_through_hex() {
        let a = Signature::of(None, STORY);
        assert_eq!(Signature::from_hex(&a.to_hex()), Some(a));
        assert_eq!(Signature::from_hex("3:12"), None);
    }
}
