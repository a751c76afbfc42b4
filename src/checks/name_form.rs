//! `name-form`: a proper name written one way by one source and another
//! way by several others about the same story ("Andolu" for "Anadolu",
//! "Przemysel" for "Przemysl", "Ukriane" for "Ukraine").
//!
//! ## What it checks
//! Every capitalised word of five letters or more written mid-sentence,
//! not only the names the relations read. A *rare* form — one copy
//! family writes it — is set against a *common* form that two other
//! families or more write, in documents about the same story, when the
//! two written forms (lower case, before any folding) differ by one
//! letter dropped, added, changed or two neighbours swapped, their first
//! letters are the same, and the difference is none of the known
//! variants:
//!
//! - a romanisation ([`crate::text::transliteration_key`]: diacritics,
//!   `i`/`y`, `kh`/`h`, `gh`/`g`), and a form equal to a common one under
//!   that key is never compared at all ("Zelenskiy" beside "Zelensky" is
//!   not a slip of "Zelenska");
//! - a double consonant written single ("Odessa"/"Odesa",
//!   "Belarussian"/"Belarusian"), a romanisation too;
//! - the last letter changed ("Lukashenka"/"Lukashenko": the
//!   Belarusian and Russian forms; an ending, not the name);
//! - `j` for `y` or `i` ("Zelenskyj": Czech, German, Polish styles);
//! - letters added at the end ("Russia"/"Russian", "Grain"/"Grains",
//!   "Zelensky"/"Zelenskys"): another word form;
//! - British and American spellings (`our`/`or`, `ise`/`ize`, `re`/`er`);
//! - an exonym the vocabulary's `spellings` folds ("Kiev": "Kyiv");
//! - two words the vocabulary knows (places, organisations, given names,
//!   words that are never names: "Monday"/"Sunday", "Austria"), and a
//!   word written lower case in the documents compared (a common word:
//!   "Minster"/"Minister").
//!
//! ## The same story
//! Two documents are about one story when they share at least
//! [`SHARED_NAMES`] other proper names each written by at most
//! [`STORY_SIZE`] copy families: names a story's coverage shares, not
//! "Japan" or "Reuters". The common form counts only in such documents.
//! In a folder of one event's coverage every document shares the event's
//! names; in an archive of unrelated stories (Reuters, 19k articles) a
//! rare form meets only the few articles of its own story.
//!
//! ## Why
//! A misspelt name is a fact one outlet got wrong, and it splits one
//! place or person in two for every other check.
//!
//! ## Limitations
//! Needs the documents' texts: checking claims files (`check --claims`,
//! a distributed check's partitions) skips it. Words of four letters or
//! fewer ("Buka" for "Bucha") and slips of two letters or more are not
//! compared: among short words, one letter makes another name ("Iran",
//! "Iraq"). A rare form that is another real name one letter away from a
//! common one ("Hutson" beside "Hutton") is reported: read the finding.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::corpus::names::{forms_of, NameForm};
use crate::corpus::{Corpus, DocId};
use crate::family::Families;
use crate::grammar::lexicon::Lexicon;
use crate::text::transliteration_key;

/// Other proper names two documents must share to be about one story.
pub const SHARED_NAMES: usize = 2;
/// A name written by more copy families than this is too widely used to
/// tie two documents to one story.
pub const STORY_SIZE: usize = 60;
/// Copy families, other than the rare form's, that must write the common
/// form.
pub const MIN_COMMON: usize = 2;
/// Shortest word compared, in letters.
const MIN_LETTERS: usize = 5;

/// One rare form set against the common form it misspells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slip {
    pub rare: String,
    pub common: String,
    /// Each document writing the rare form, with its first place.
    pub rare_at: Vec<(DocId, NameForm)>,
    /// Each document of the story writing the common form, with its first
    /// place.
    pub common_at: Vec<(DocId, NameForm)>,
}

/// Finds the slips of a corpus (documents without text have no forms).
pub fn slips(lexicon: &Lexicon, corpus: &Corpus, families: &Families) -> Vec<Slip> {
    use rayon::prelude::*;
    // Read at extraction (the text may be gone since), else now.
    let read: Vec<Option<Vec<NameForm>>> = corpus
        .documents
        .par_iter()
        .map(|d| {
            (d.name_forms.is_none() && !d.text.is_empty())
                .then(|| forms_of(&d.text, d.body_start, &d.lines))
        })
        .collect();
    let forms: Vec<&[NameForm]> = corpus
        .documents
        .iter()
        .zip(&read)
        .map(|(d, r)| r.as_deref().or(d.name_forms.as_deref()).unwrap_or(&[]))
        .collect();
    let family = |d: DocId| families.first.get(d).copied().unwrap_or(d);
    // Documents writing each form, then the copy families among them.
    let mut writers: HashMap<&str, Vec<DocId>> = HashMap::default();
    for (d, fs) in forms.iter().enumerate() {
        for f in fs.iter() {
            writers.entry(&f.text).or_default().push(d);
        }
    }
    let spread: HashMap<&str, usize> = writers
        .iter()
        .map(|(w, docs)| {
            let n = match docs.as_slice() {
                [_] => 1,
                _ => {
                    let mut fam: Vec<DocId> = docs.iter().map(|&d| family(d)).collect();
                    fam.sort_unstable();
                    fam.dedup();
                    fam.len()
                }
            };
            (*w, n)
        })
        .collect();
    // Common candidates by a hash of every one-letter deletion of their
    // lower case (and of themselves): two words one edit apart share one.
    let mut by_deletion: Vec<(u64, &str)> = Vec::new();
    for (w, &n) in &spread {
        if n >= MIN_COMMON {
            by_deletion.extend(deletion_hashes(w).into_iter().map(|h| (h, *w)));
        }
    }
    by_deletion.sort_unstable();
    let mut out = Vec::new();
    let mut rare: Vec<(&str, &Vec<DocId>)> = writers
        .iter()
        .filter(|(w, _)| spread[*w] == 1)
        .map(|(w, d)| (*w, d))
        .collect();
    rare.sort_unstable();
    let story = Story {
        forms: &forms,
        writers: &writers,
        spread: &spread,
        family: &family,
    };
    for (r, docs) in rare {
        if !docs
            .iter()
            .any(|&d| form(forms[d], r).is_some_and(|f| f.mid))
        {
            continue;
        }
        let mut candidates: Vec<&str> = deletion_hashes(r)
            .into_iter()
            .flat_map(|h| {
                let from = by_deletion.partition_point(|(k, _)| *k < h);
                by_deletion[from..]
                    .iter()
                    .take_while(move |(k, _)| *k == h)
                    .map(|(_, w)| *w)
            })
            .collect();
        if candidates.is_empty() {
            continue;
        }
        candidates.sort_unstable();
        candidates.dedup();
        let lower = r.to_lowercase();
        let key = transliteration_key(&lower);
        // A romanisation of a common form is no slip of a third.
        let lowered: Vec<String> = candidates.iter().map(|c| c.to_lowercase()).collect();
        if known_word(lexicon, &lower) || lowered.iter().any(|c| transliteration_key(c) == key) {
            continue;
        }
        for (c, c_lower) in candidates.into_iter().zip(&lowered) {
            if !one_slip(lexicon, &lower, c_lower) {
                continue;
            }
            if let Some(slip) = story.slip(r, c, docs) {
                out.push(slip);
            }
        }
    }
    // Report order: by the rare form's first document and place.
    let key = |s: &Slip| {
        let first = s.rare_at.first().map(|(d, f)| (*d, f.span.start));
        (first, s.rare.clone(), s.common.clone())
    };
    out.sort_by_cached_key(key);
    out
}

/// What [`Story::slip`] reads: the corpus, each document's forms, the
/// documents writing each form and the families among them.
struct Story<'a, 't, F: Fn(DocId) -> DocId> {
    forms: &'a [&'t [NameForm]],
    writers: &'a HashMap<&'t str, Vec<DocId>>,
    spread: &'a HashMap<&'t str, usize>,
    family: &'a F,
}

impl<F: Fn(DocId) -> DocId> Story<'_, '_, F> {
    /// The slip of `rare` for `common`, when [`MIN_COMMON`] other copy
    /// families of the rare form's story write the common form.
    fn slip(&self, rare: &str, common: &str, rare_docs: &[DocId]) -> Option<Slip> {
        let story_names = |d: DocId| -> HashSet<&str> {
            self.forms[d]
                .iter()
                .map(|f| &*f.text)
                .filter(|t| {
                    *t != rare && *t != common && (2..=STORY_SIZE).contains(&self.spread[t])
                })
                .collect()
        };
        let rare_families: Vec<DocId> = rare_docs.iter().map(|&d| (self.family)(d)).collect();
        let mut common_docs: Vec<DocId> = Vec::new();
        for &d in rare_docs {
            let mine = story_names(d);
            for &e in self.writers.get(common)? {
                if rare_families.contains(&(self.family)(e)) || common_docs.contains(&e) {
                    continue;
                }
                let shared = self.forms[e]
                    .iter()
                    .filter(|f| mine.contains(&*f.text))
                    .take(SHARED_NAMES)
                    .count();
                if shared >= SHARED_NAMES {
                    common_docs.push(e);
                }
            }
        }
        common_docs.sort_unstable();
        let mut fam: Vec<DocId> = common_docs.iter().map(|&d| (self.family)(d)).collect();
        fam.sort_unstable();
        fam.dedup();
        if fam.len() < MIN_COMMON {
            return None;
        }
        // A word its writers also write lower case is a common word.
        let lower = |docs: &[DocId], w: &str| {
            docs.iter()
                .any(|&d| form(self.forms[d], w).is_some_and(|f| f.lower))
        };
        if lower(rare_docs, rare) || lower(&common_docs, common) {
            return None;
        }
        let at = |docs: &[DocId], w: &str| -> Vec<(DocId, NameForm)> {
            docs.iter()
                .filter_map(|&d| form(self.forms[d], w).map(|f| (d, f.clone())))
                .collect()
        };
        Some(Slip {
            rare: rare.to_string(),
            common: common.to_string(),
            rare_at: at(rare_docs, rare),
            common_at: at(&common_docs, common),
        })
    }
}

/// A document's form `w`, if it writes it.
fn form<'a>(forms: &'a [NameForm], w: &str) -> Option<&'a NameForm> {
    forms
        .binary_search_by(|f| (*f.text).cmp(w))
        .ok()
        .map(|i| &forms[i])
}

/// Hashes of a word's lower case with each one of its letters left out,
/// and of the whole word: two words one letter dropped, added, changed
/// or swapped apart share one. A hash over the letters kept, whatever
/// their positions, so "anadolu" less its second "a" and "andolu" agree.
fn deletion_hashes(w: &str) -> Vec<u64> {
    let letters: Vec<char> = w.chars().flat_map(char::to_lowercase).collect();
    (0..=letters.len())
        .map(|skip| {
            letters
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != skip)
                .fold(0xcbf2_9ce4_8422_2325_u64, |h, (_, &c)| {
                    (h ^ u64::from(c)).wrapping_mul(0x0100_0000_01b3)
                })
        })
        .collect()
}

/// A word the vocabulary knows as never a name, a place, an
/// organisation, a given name, a title word or a month: another word,
/// not a slip.
fn known_word(lx: &Lexicon, lower: &str) -> bool {
    lx.not_names.contains(lower)
        || lx.places.contains_key(lower)
        || lx.orgs.contains_key(lower)
        || lx.given_names.contains(lower)
        || lx.is_head(lower)
        || lx.modifiers.contains(lower)
        || lx.is_org_suffix(lower)
}

/// Do two lower-case written forms differ by one typist's slip (and by
/// none of the known variants)?
pub fn one_slip(lx: &Lexicon, rare: &str, common: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (rare.chars().collect(), common.chars().collect());
    if a.len().min(b.len()) < MIN_LETTERS || a[0] != b[0] || crate::text::osa_distance(&a, &b) != 1
    {
        return false;
    }
    if transliteration_key(rare) == transliteration_key(common) {
        return false;
    }
    if lx.spelling(rare) == lx.spelling(common) && lx.spelling(rare) != rare
        || lx.spelling(rare) == common
        || lx.spelling(common) == rare
    {
        return false; // an exonym or a spelling the vocabulary folds
    }
    if known_word(lx, common) && known_word(lx, rare) {
        return false;
    }
    !(a.starts_with(&b)
        || b.starts_with(&a)
        || double_consonant(&a, &b)
        || last_letter(&a, &b)
        || j_for_y(&a, &b)
        || british_american(rare, common))
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
}

/// One word is the other with one consonant doubled.
fn double_consonant(a: &[char], b: &[char]) -> bool {
    let (long, short) = if a.len() > b.len() { (a, b) } else { (b, a) };
    if long.len() != short.len() + 1 {
        return false;
    }
    (1..long.len()).any(|i| {
        long[i] == long[i - 1]
            && !is_vowel(long[i])
            && long[..i] == short[..i]
            && long[i + 1..] == short[i..]
    })
}

/// The same word but its last letter: an ending ("Lukashenka",
/// "Lukashenko"; "Updates", "Updated").
fn last_letter(a: &[char], b: &[char]) -> bool {
    a.len() == b.len() && a[..a.len() - 1] == b[..b.len() - 1]
}

/// `j` written for `y` or `i` (Czech, German and Polish romanisations:
/// "Zelenskyj", "Jurij").
fn j_for_y(a: &[char], b: &[char]) -> bool {
    a.len() == b.len()
        && a.iter()
            .zip(b)
            .all(|(x, y)| x == y || matches!((x, y), ('j', 'y' | 'i') | ('y' | 'i', 'j')))
}

/// British and American spellings of one word: `our`/`or` and `re`/`er`
/// at the end, `is`/`iz`.
fn british_american(a: &str, b: &str) -> bool {
    let end = |x: &str, y: &str, from: &str, to: &str| {
        x.strip_suffix(from)
            .zip(y.strip_suffix(to))
            .is_some_and(|(p, q)| p == q)
    };
    let swap = |x: &str, y: &str| {
        x.match_indices("is")
            .any(|(at, _)| format!("{}iz{}", &x[..at], &x[at + 2..]) == y)
    };
    [(a, b), (b, a)].iter().any(|&(x, y)| {
        end(x, y, "our", "or") || end(x, y, "re", "er") || end(x, y, "er", "or") || swap(x, y)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slip(a: &str, b: &str) -> bool {
        one_slip(&Lexicon::default(), a, b)
    }

    #[test]
    fn one_letter_in_a_name_is_a_slip() {
        for (a, b) in [
            ("andolu", "anadolu"),
            ("przemysel", "przemysl"),
            ("ukriane", "ukraine"),
            ("funio", "fumio"),
            ("kwoon", "kwon_"),
        ] {
            if b.ends_with('_') {
                continue; // four letters: not compared
            }
            assert!(slip(a, b), "{a} / {b}");
        }
        assert!(!slip("kwoon", "kwon"), "four letters are too few");
    }

    #[test]
    fn known_variants_are_no_slip() {
        for (a, b) in [
            ("zelenskiy", "zelensky"), // romanisation
            ("odessa", "odesa"),       // double consonant
            ("belarussian", "belarusian"),
            ("lukashenka", "lukashenko"), // an ending
            ("updates", "updated"),
            ("zelenskyj", "zelenskyy"), // j for y
            ("russian", "russia"),      // word form
            ("grains", "grain"),
            ("harbour", "harbor"),    // British/American
            ("ishida", "kishida"),    // another first letter
            ("nobuyuki", "noriyuki"), // two letters
            ("adviser", "advisor"),
        ] {
            assert!(!slip(a, b), "{a} / {b}");
        }
    }

    #[test]
    fn an_exonym_the_vocabulary_folds_is_no_slip() {
        let mut lx = Lexicon::default();
        lx.spellings.insert("odessa".into(), "odesa".into());
        assert!(!one_slip(&lx, "odessa", "odesa"));
    }

    #[test]
    fn deletions_cover_one_edit() {
        let keys = |w: &str| deletion_hashes(w).into_iter().collect::<HashSet<_>>();
        // Substitution, insertion and a swap share a key.
        assert!(keys("funio").intersection(&keys("fumio")).next().is_some());
        assert!(keys("andolu")
            .intersection(&keys("anadolu"))
            .next()
            .is_some());
        assert!(keys("ukriane")
            .intersection(&keys("ukraine"))
            .next()
            .is_some());
    }
}
