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
//! ## Names of two words
//! Two neighbouring capitalised words of three letters or more are also
//! read as one *pair* ("Luiz Inácio", "Camp David"). A rare pair is set
//! against a common pair of the same story that keeps one of its words
//! in place and changes the other by one letter, or by two in words of
//! five letters or more ("Luis Inácio" for "Luiz Inácio", "Cheng Jining"
//! for "Chen Jining", "Masayuki Tsutsumi" for "Tadayuki Tsutsumi"), or
//! that holds its two words the other way round ("David Camp"). The
//! neighbour anchors the comparison, so short words and first letters
//! count here; a changed word both forms of which the vocabulary knows as
//! other words than given names ("West Asia", "East Asia"), a romanisation,
//! a double consonant, `j` for `y`, letters added at the end (another
//! form of the word: "Asian", "Koreans"; a final `s` added or dropped is a
//! plural, even in "Well Fargo"; but "Cheng" for "Chen", a short name the
//! vocabulary does not know, is a slip) and the last two letters
//! of words of six letters or more ("Cooperative", "Lukashenka") stay
//! variants, and a title word anchors nothing ("President Volodimir" is
//! no slip of "President Vladimir"). A person's name the other way round
//! is the surname-first order, not a slip ("Abe Shinzo" beside "Shinzo
//! Abe"): a pair is a person's name when its documents or the common
//! form's write a title word before one of its words. A slip the one-word comparison
//! already reports is not reported again.
//!
//! ## Beside itself
//! A rare form whose own documents also write the common form is a slip
//! the writer made against their own spelling ("Vladimit Putin will visit
//! Vietnam" in a text that writes "Vladimir Putin" in its photo line). There
//! a changed ending ("Scholtz" beside "Scholz"), a last letter dropped
//! ("Pyongyan" beside "Pyongyang") and a first word of a sentence count
//! too: one writer does not change a name's ending or its language within
//! a text. A vowel for a vowel at the end, a plural, a word extended
//! ("Korea", "Korean"), a double consonant, `j` for `y` and a
//! romanisation stay variants even there: texts quote other styles.
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
//! Words of four letters or
//! fewer ("Buka" for "Bucha") and slips of two letters or more are not
//! compared: among short words, one letter makes another name ("Iran",
//! "Iraq"). A rare form that is another real name one letter away from a
//! common one ("Hutson" beside "Hutton") is reported: read the finding.

use std::collections::HashSet as StdHashSet;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::checks::{Comparison, EdgeKind, Flag, Target};
use crate::claim::{Claim, GivenNameMention, MentionKind};
use crate::corpus::names::{Forms, NameForm};
use crate::corpus::DocId;
use crate::family::Families;
use crate::grammar::lexicon::Lexicon;
use crate::rules::CheckKind;
use crate::ruleset::RuleSet;
use crate::source::Located;
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
const MIN_LETTERS: usize = crate::corpus::names::MIN_LETTERS;

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

/// The slips the `name-form` checks read ([`slips`]), none when no such
/// check is on. They read only the written forms and the copy families,
/// not the other checks' conclusions: they are worked out alongside those
/// checks, on the other core.
pub fn candidates(rules: &RuleSet, forms: &Forms, families: &Families) -> Vec<Slip> {
    if check_ids(rules).is_empty() {
        return Vec::new();
    }
    slips(&rules.lexicon, forms, families)
}

/// The `name-form` checks among the rules' checks.
fn check_ids(rules: &RuleSet) -> Vec<usize> {
    (rules.checks.iter().enumerate())
        .filter(|(_, c)| c.kind == CheckKind::NameForm)
        .map(|(i, _)| i)
        .collect()
}

/// The `name-form` checks' flags: each rare written form of a name with
/// the common form it misspells (the [`candidates`]; a slip another name
/// check already reports is left to it), their places appended to the
/// given-name mentions the flags point into. `comparisons` and `flags` are
/// the other checks' conclusions.
pub fn flags(
    rules: &RuleSet,
    candidates: Vec<Slip>,
    claims: &[Claim],
    (comparisons, flags): (&[Comparison], &[Flag]),
    mentions: &mut Vec<GivenNameMention>,
) -> Vec<Flag> {
    let ids = check_ids(rules);
    if ids.is_empty() {
        return Vec::new();
    }
    let reported = reported_words(rules, claims, comparisons, flags, mentions);
    // A slip another check reports (a person's name, a venue's) is not
    // reported twice.
    let fresh = |s: &Slip| {
        let changed = changed_words(&s.rare, &s.common);
        !s.rare_at.is_empty()
            && !s.rare_at.iter().any(|(d, _)| {
                changed
                    .iter()
                    .any(|w| reported.contains(&(*d, w.to_lowercase())))
            })
    };
    let mut out = Vec::new();
    for s in candidates.into_iter().filter(fresh) {
        let mut place = |at: &[(DocId, NameForm)], text: &str| -> Vec<usize> {
            at.iter()
                .map(|(doc, f)| {
                    let (line, column) = (f.line as usize, f.column as usize);
                    mentions.push(GivenNameMention {
                        doc: *doc,
                        span: f.span(text),
                        full: s.common.clone(),
                        kind: MentionKind::NameForm,
                        at: Located {
                            line,
                            column,
                            end_line: line,
                            end_column: column + text.chars().count(),
                            text: text.into(),
                        },
                    });
                    mentions.len() - 1
                })
                .collect()
        };
        let rare = place(&s.rare_at, &s.rare);
        let common = place(&s.common_at, &s.common);
        let reason = format!(
            "\"{}\" ({} document{}) where {} other documents of the story write \"{}\"",
            s.rare,
            rare.len(),
            if rare.len() == 1 { "" } else { "s" },
            common.len(),
            s.common
        );
        for &check in &ids {
            out.push(Flag {
                check,
                target: Target::NameForm {
                    rare: rare.clone(),
                    common: common.clone(),
                },
                reason: reason.clone(),
            });
        }
    }
    out
}

/// The words of a rare form its common form writes otherwise (all of them
/// when the two hold the same words in another order): [`differing_words`]
/// of the two forms' words.
fn changed_words<'r>(rare: &'r str, common: &str) -> Vec<&'r str> {
    let theirs: Vec<&str> = common.split(' ').collect();
    let mine: Vec<&'r str> = rare.split(' ').collect();
    differing_words(&mine, &theirs)
        .into_iter()
        .copied()
        .collect()
}

/// The words, per document, of the names the name checks already find
/// misspelt: of each `name-variant` and `spelling` conflict, the words one
/// claim writes and the other does not (of their subjects and compared
/// slots; all of them when the two write the same words), and the flagged
/// given-name mentions. Only the words that differ: an article that writes
/// "Francis Scott Key Bridge" right, set against another's "Frances", has
/// reported nothing about its own "Key Scott".
fn reported_words(
    rules: &RuleSet,
    claims: &[Claim],
    comparisons: &[Comparison],
    flags: &[Flag],
    mentions: &[GivenNameMention],
) -> StdHashSet<(DocId, String)> {
    let words = |text: &str| -> Vec<String> {
        text.split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let mut out = StdHashSet::new();
    for c in comparisons {
        let check = &rules.checks[c.check];
        if c.kind != EdgeKind::Conflict
            || !matches!(check.kind, CheckKind::NameVariant | CheckKind::Spelling)
        {
            continue;
        }
        let slot = check.slot.as_deref().unwrap_or_default();
        let written = |id: usize| -> Vec<String> {
            let claim = &claims[id];
            let mut all = words(&claim.subject);
            for f in claim.facts.iter().flat_map(|f| f.get(slot)) {
                all.extend(words(&f.text));
            }
            all
        };
        let (wa, wb) = (written(c.a), written(c.b));
        for (id, mine, theirs) in [(c.a, &wa, &wb), (c.b, &wb, &wa)] {
            let doc = claims[id].doc;
            out.extend(
                differing_words(mine, theirs)
                    .into_iter()
                    .map(|w| (doc, w.clone())),
            );
        }
    }
    for f in flags {
        if let Target::GivenName(all) = &f.target {
            for &i in all {
                let doc = mentions[i].doc;
                out.extend(words(&mentions[i].at.text).into_iter().map(|w| (doc, w)));
            }
        }
    }
    out
}

/// The words of `mine` that `theirs` writes otherwise: those one or two
/// letters from one of `theirs` ("Francis" against "Frances"; not "Scott",
/// which "Frances Key Bridge" leaves out); else every word `theirs` does not
/// write; else all of `mine`.
fn differing_words<'m, W: AsRef<str>, T: AsRef<str>>(mine: &'m [W], theirs: &[T]) -> Vec<&'m W> {
    let changed: Vec<&W> = mine
        .iter()
        .filter(|w| !theirs.iter().any(|t| t.as_ref() == w.as_ref()))
        .collect();
    let near = |w: &W| {
        let w: Vec<char> = w.as_ref().chars().collect();
        theirs.iter().any(|t| {
            let t: Vec<char> = t.as_ref().chars().collect();
            crate::text::osa_distance_capped(&w, &t, 2) <= 2
        })
    };
    let misspelt: Vec<&W> = changed.iter().copied().filter(|w| near(w)).collect();
    match (misspelt.is_empty(), changed.is_empty()) {
        (false, _) => misspelt,
        (true, false) => changed,
        (true, true) => mine.iter().collect(),
    }
}

/// The documents' distinct word lists (copies share one), each with the
/// documents writing it, and the lists writing each word.
struct Lists<'f> {
    forms: &'f Forms,
    lists: Vec<&'f [NameForm]>,
    /// The documents of each list, in document order.
    docs: Vec<Vec<DocId>>,
    /// The list of each document (`u32::MAX`: none).
    list_of: Vec<u32>,
    /// By word id: the lists writing it.
    writers: Vec<Vec<u32>>,
}

impl<'f> Lists<'f> {
    fn of(forms: &'f Forms) -> Self {
        let mut index: HashMap<*const NameForm, u32> = HashMap::default();
        let (mut lists, mut docs, mut list_of) = (Vec::new(), Vec::<Vec<DocId>>::new(), Vec::new());
        for d in 0..forms.of_doc.len() {
            let fs = forms.of(d);
            if fs.is_empty() {
                list_of.push(u32::MAX);
                continue;
            }
            let k = *index.entry(fs.as_ptr()).or_insert_with(|| {
                lists.push(fs);
                docs.push(Vec::new());
                u32::try_from(lists.len() - 1).unwrap_or(u32::MAX)
            });
            docs[k as usize].push(d);
            list_of.push(k);
        }
        let mut writers = vec![Vec::new(); forms.words.len()];
        for (k, fs) in lists.iter().enumerate() {
            for f in fs.iter() {
                writers[f.word as usize].push(u32::try_from(k).unwrap_or(u32::MAX));
            }
        }
        Lists {
            forms,
            lists,
            docs,
            list_of,
            writers,
        }
    }

    /// A document's words.
    fn of_doc(&self, d: DocId) -> &'f [NameForm] {
        match self.list_of.get(d) {
            Some(&k) if k != u32::MAX => self.lists[k as usize],
            _ => &[],
        }
    }

    /// The documents writing word `w`, in document order.
    fn writers_of(&self, w: u32) -> Vec<DocId> {
        let mut out: Vec<DocId> = self.writers[w as usize]
            .iter()
            .flat_map(|&k| self.docs[k as usize].iter().copied())
            .collect();
        out.sort_unstable();
        out
    }

    fn text(&self, w: u32) -> &'f str {
        self.forms.words.text(w)
    }
}

/// Finds the slips of a run's documents (documents whose words were not
/// read have none).
pub fn slips(lexicon: &Lexicon, forms: &Forms, families: &Families) -> Vec<Slip> {
    let lists = Lists::of(forms);
    let family = |d: DocId| families.first.get(d).copied().unwrap_or(d);
    // The copy families writing each word.
    let spread: Vec<usize> = (0..forms.words.len())
        .map(|w| {
            let ks = &lists.writers[w];
            if let [k] = ks.as_slice() {
                if let [_] = lists.docs[*k as usize].as_slice() {
                    return 1;
                }
            }
            let mut fam: Vec<DocId> = ks
                .iter()
                .flat_map(|&k| lists.docs[k as usize].iter().map(|&d| family(d)))
                .collect();
            fam.sort_unstable();
            fam.dedup();
            fam.len()
        })
        .collect();
    // Two-word forms (module docs) are compared apart, and tie no story.
    let pair: Vec<bool> = (0..forms.words.len())
        .map(|w| {
            lists
                .text(u32::try_from(w).unwrap_or(u32::MAX))
                .contains(' ')
        })
        .collect();
    // Common candidates by a hash of every one-letter deletion of their
    // lower case (and of themselves): two words one edit apart share one.
    let mut by_deletion: Vec<(u64, &str, u32)> = Vec::new();
    for (w, &n) in spread.iter().enumerate() {
        let id = u32::try_from(w).unwrap_or(u32::MAX);
        if n >= MIN_COMMON && !pair[w] {
            let text = lists.text(id);
            by_deletion.extend(deletion_hashes(text).into_iter().map(|h| (h, text, id)));
        }
    }
    by_deletion.sort_unstable();
    let mut rare: Vec<(&str, u32)> = (0..forms.words.len())
        .filter(|&w| spread[w] == 1 && !pair[w])
        .map(|w| {
            let id = u32::try_from(w).unwrap_or(u32::MAX);
            (lists.text(id), id)
        })
        .collect();
    rare.sort_unstable();
    let story = Story {
        lists: &lists,
        spread: &spread,
        pair: &pair,
        family: &family,
    };
    let mut out = Vec::new();
    for (r, r_id) in rare {
        let docs = lists.writers_of(r_id);
        let mid = docs
            .iter()
            .any(|&d| form(lists.of_doc(d), r_id).is_some_and(|f| f.mid));
        let mut candidates: Vec<(&str, u32)> = deletion_hashes(r)
            .into_iter()
            .flat_map(|h| {
                let from = by_deletion.partition_point(|(k, _, _)| *k < h);
                by_deletion[from..]
                    .iter()
                    .take_while(move |(k, _, _)| *k == h)
                    .map(|(_, w, id)| (*w, *id))
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
        let lowered: Vec<String> = candidates.iter().map(|c| c.0.to_lowercase()).collect();
        if known_word(lexicon, &lower) || lowered.iter().any(|c| transliteration_key(c) == key) {
            continue;
        }
        for ((c, c_id), c_lower) in candidates.into_iter().zip(&lowered) {
            // The rare form's own documents also write the common one: the
            // writer meant one word and typed two (module docs, "Beside
            // itself").
            let beside = || docs.iter().all(|&d| form(lists.of_doc(d), c_id).is_some());
            let slip = mid && one_slip(lexicon, &lower, c_lower)
                || slip_beside_itself(lexicon, &lower, c_lower) && beside();
            if !slip {
                continue;
            }
            if let Some(slip) = story.slip((r, r_id), (c, c_id), &docs) {
                out.push(slip);
            }
        }
    }
    let pairs = pair_slips(lexicon, &story, &out);
    out.extend(pairs);
    // Report order: by the rare form's first document and place.
    let key = |s: &Slip| {
        let first = s.rare_at.first().map(|(d, f)| (*d, f.start));
        (first, s.rare.clone(), s.common.clone())
    };
    out.sort_by_cached_key(key);
    out
}

/// What [`Story::slip`] reads: each document's words, the copy families
/// writing each word, and each document's family.
struct Story<'a, 'f, F: Fn(DocId) -> DocId> {
    lists: &'a Lists<'f>,
    spread: &'a [usize],
    /// By word id: a two-word form.
    pair: &'a [bool],
    family: &'a F,
}

impl<F: Fn(DocId) -> DocId> Story<'_, '_, F> {
    /// The slip of `rare` for `common`, when [`MIN_COMMON`] other copy
    /// families of the rare form's story write the common form.
    fn slip(&self, rare: (&str, u32), common: (&str, u32), rare_docs: &[DocId]) -> Option<Slip> {
        let (r, c) = (rare.1, common.1);
        let story_names = |d: DocId| -> HashSet<u32> {
            self.lists
                .of_doc(d)
                .iter()
                .map(|f| f.word)
                .filter(|&t| {
                    t != r
                        && t != c
                        && !self.pair[t as usize]
                        && (2..=STORY_SIZE).contains(&self.spread[t as usize])
                })
                .collect()
        };
        let rare_families: Vec<DocId> = rare_docs.iter().map(|&d| (self.family)(d)).collect();
        let common_writers = self.lists.writers_of(c);
        let mut common_docs: Vec<DocId> = Vec::new();
        for &d in rare_docs {
            let mine = story_names(d);
            for &e in &common_writers {
                if rare_families.contains(&(self.family)(e)) || common_docs.contains(&e) {
                    continue;
                }
                let shared = (self.lists.of_doc(e).iter())
                    .filter(|f| mine.contains(&f.word))
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
        let lower = |docs: &[DocId], w: u32| {
            docs.iter()
                .any(|&d| form(self.lists.of_doc(d), w).is_some_and(|f| f.lower))
        };
        if lower(rare_docs, r) || lower(&common_docs, c) {
            return None;
        }
        let at = |docs: &[DocId], w: u32| -> Vec<(DocId, NameForm)> {
            docs.iter()
                .filter_map(|&d| form(self.lists.of_doc(d), w).map(|f| (d, *f)))
                .collect()
        };
        Some(Slip {
            rare: rare.0.to_string(),
            common: common.0.to_string(),
            rare_at: at(rare_docs, r),
            common_at: at(&common_docs, c),
        })
    }
}

/// The slips of two-word forms (module docs, "Names of two words"), but
/// those whose changed word a one-word slip in `singles` already reports.
fn pair_slips<F: Fn(DocId) -> DocId>(
    lexicon: &Lexicon,
    story: &Story<'_, '_, F>,
    singles: &[Slip],
) -> Vec<Slip> {
    let lists = story.lists;
    let ids = (0..story.pair.len()).map(|w| u32::try_from(w).unwrap_or(u32::MAX));
    // Common pairs by each of their words in its place (0 first, 1 second)
    // with the length of the other word in letters (a slip changes it by
    // two at most), and by their two words.
    let mut by_word: HashMap<(u8, &str, usize), Vec<u32>> = HashMap::default();
    let mut by_words: HashMap<(&str, &str), u32> = HashMap::default();
    let mut rare: Vec<(&str, u32)> = Vec::new();
    for id in ids {
        let (w, text) = (id as usize, lists.text(id));
        if !story.pair[w] {
            continue;
        }
        let Some((a, b)) = text.split_once(' ') else {
            continue;
        };
        if story.spread[w] >= MIN_COMMON {
            let letters = |w: &str| w.chars().count();
            by_word.entry((0, a, letters(b))).or_default().push(id);
            by_word.entry((1, b, letters(a))).or_default().push(id);
            by_words.insert((a, b), id);
        } else if story.spread[w] == 1 {
            rare.push((text, id));
        }
    }
    rare.sort_unstable();
    let reported: HashSet<String> = singles.iter().map(|s| s.rare.to_lowercase()).collect();
    let mut out = Vec::new();
    for (r, r_id) in rare {
        let Some((a, b)) = r.split_once(' ') else {
            continue;
        };
        let (len_a, len_b) = (a.chars().count(), b.chars().count());
        let near = |len: usize| len.saturating_sub(2)..=len + 2;
        // A candidate found by its first word keeps that word (`a`), one
        // found by its second keeps `b`: a word that anchors no slip
        // ("The", "President") rules out its whole side at once, instead
        // of once per common pair that shares it (Reuters: 480,000 of
        // 540,000 candidates).
        let (by_a, by_b) = (anchors(lexicon, a), anchors(lexicon, b));
        let keys = (near(len_b).filter(|_| by_a).map(|n| (0, a, n)))
            .chain(near(len_a).filter(|_| by_b).map(|n| (1, b, n)));
        let mut candidates: Vec<u32> = keys
            .flat_map(|k| by_word.get(&k).into_iter().flatten().copied())
            .chain(by_words.get(&(b, a)).copied())
            .filter(|&c| {
                let c = lists.text(c).split_once(' ').unwrap_or_default();
                anchored_slip(lexicon, (a, b), c)
            })
            .collect();
        if candidates.is_empty() {
            continue;
        }
        candidates.sort_unstable();
        candidates.dedup();
        let docs = lists.writers_of(r_id);
        if !docs
            .iter()
            .any(|&d| form(lists.of_doc(d), r_id).is_some_and(|f| f.mid))
        {
            continue;
        }
        // One slip, one finding: against the common form the most
        // documents write ("Sri Lanaka" for "Sri Lanka", not also for "Sri
        // Lankan").
        let mut best: Option<Slip> = None;
        for c_id in candidates {
            let c = lists.text(c_id);
            if c.split_once(' ') == Some((b, a))
                && titled_person(lexicon, lists, (a, b), &docs, c_id)
            {
                continue; // surname first: one name, another order
            }
            if changed_words(r, c)
                .iter()
                .any(|w| reported.contains(&w.to_lowercase()))
            {
                continue;
            }
            if let Some(slip) = story.slip((r, r_id), (c, c_id), &docs) {
                if best
                    .as_ref()
                    .is_none_or(|b| slip.common_at.len() > b.common_at.len())
                {
                    best = Some(slip);
                }
            }
        }
        out.extend(best);
    }
    out
}

/// Do two two-word forms differ by one anchored slip: one word kept in
/// place and the other changed by one letter (two in words of
/// [`MIN_LETTERS`] or more), or the two words the other way round — and by
/// none of the known variants (module docs)?
pub fn anchored_slip(lx: &Lexicon, rare: (&str, &str), common: (&str, &str)) -> bool {
    if rare == (common.1, common.0) {
        return rare.0 != rare.1;
    }
    let (kept, r, c) = match (rare.0 == common.0, rare.1 == common.1) {
        (true, false) => (rare.0, rare.1, common.1),
        (false, true) => (rare.1, rare.0, common.0),
        _ => return false,
    };
    // Two letters apart at most (checked first: most candidates are not).
    if r.chars().count().abs_diff(c.chars().count()) > 2 {
        return false;
    }
    if !anchors(lx, kept) {
        return false;
    }
    let (r, c) = (r.to_lowercase(), c.to_lowercase());
    let (a, b): (Vec<char>, Vec<char>) = (r.chars().collect(), c.chars().collect());
    let shorter = a.len().min(b.len());
    let distance = crate::text::osa_distance_capped(&a, &b, 2);
    if !(distance == 1 || distance == 2 && shorter >= MIN_LETTERS) {
        return false;
    }
    if transliteration_key(&r) == transliteration_key(&c) || folded_alike(lx, &r, &c) {
        return false;
    }
    let other_word = |w: &str| known_word(lx, w) && !lx.given_names.contains(w);
    // Letters added at the end make another form of a word ("Asia",
    // "Asian"; "Korea", "Koreans"), but of a short unknown name another
    // name ("Chen", "Cheng"); the last two letters of a long word are
    // its ending ("Cooperation", "Cooperative"; "Lukashenka").
    let extended = a.starts_with(&b) || b.starts_with(&a);
    let common_prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let ending = extended && (shorter >= MIN_LETTERS || known_word(lx, &r) || known_word(lx, &c))
        || shorter >= 6 && common_prefix + 2 >= a.len().max(b.len());
    !(other_word(&r) && other_word(&c)
        || plural_pair(&a, &b)
        || ending
        || double_consonant(&a, &b)
        || j_for_y(&a, &b)
        || british_american(&r, &c))
}

/// Is the pair `words` a person's name: do the documents writing it
/// (`rare_docs`) or the reversed form `common` write a title word before
/// either of its words ("Prime Minister Shinzo Abe", "President Yoon")?
/// Then the two orders are the Western and the surname-first order of one
/// name (Japanese, Korean, Chinese, Hungarian: "Abe Shinzo"), not a slip;
/// a place or an agency ("Camp David", "Industrie Riunite") has no title
/// before it and its words turned round stay a slip ("David Camp").
fn titled_person(
    lx: &Lexicon,
    lists: &Lists<'_>,
    words: (&str, &str),
    rare_docs: &[DocId],
    common: u32,
) -> bool {
    let after_title = |text: &str| {
        text.split_once(' ')
            .is_some_and(|(t, w)| (w == words.0 || w == words.1) && lx.is_head(&t.to_lowercase()))
    };
    let common_docs = lists.writers_of(common);
    rare_docs.iter().chain(&common_docs).any(|&d| {
        lists
            .of_doc(d)
            .iter()
            .any(|f| after_title(lists.text(f.word)))
    })
}

/// Can `kept`, the word two two-word forms share, anchor a slip of the
/// other? A title word anchors no name: "President Volodimir" is no slip
/// of "President Vladimir" (two presidents).
fn anchors(lx: &Lexicon, kept: &str) -> bool {
    let kept = kept.to_lowercase();
    !(lx.is_head(&kept) || lx.modifiers.contains(&kept) || lx.not_names.contains(&kept))
}

/// A document's form of word `w`, if it writes it.
fn form(forms: &[NameForm], w: u32) -> Option<&NameForm> {
    forms.iter().find(|f| f.word == w)
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

/// An exonym or a spelling the vocabulary folds: two lower-case forms
/// its `spellings` make one, or one the other's folded form.
fn folded_alike(lx: &Lexicon, a: &str, b: &str) -> bool {
    let (fa, fb) = (lx.spelling(a), lx.spelling(b));
    fa == fb && fa != a || fa == b || fb == a
}

/// Do two lower-case written forms differ by one typist's slip (and by
/// none of the known variants)?
pub fn one_slip(lx: &Lexicon, rare: &str, common: &str) -> bool {
    let Some((a, b)) = one_edit_apart(lx, rare, common) else {
        return false;
    };
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

/// Do two lower-case written forms, both written by one document, differ
/// by one typist's slip? As [`one_slip`], but an ending changed ("Vladimit"
/// beside "Vladimir", "Scholtz" beside "Scholz") or a last letter dropped
/// ("Pyongyan" beside "Pyongyang") is a slip here: one writer does not
/// change a name's ending or its language within one text. A vowel for a
/// vowel at the end ("Lukashenka", "Lukashenko"), a plural, a word
/// extended ("Korea", "Korean"), a double consonant, `j` for `y` and a
/// romanisation stay variants: one text quotes another's style.
pub fn slip_beside_itself(lx: &Lexicon, rare: &str, common: &str) -> bool {
    let Some((a, b)) = one_edit_apart(lx, rare, common) else {
        return false;
    };
    if known_word(lx, rare) {
        return false;
    }
    let vowel_ending = last_letter(&a, &b)
        && a.last().copied().is_some_and(is_vowel)
        && b.last().copied().is_some_and(is_vowel);
    !(a.starts_with(&b)
        || plural_pair(&a, &b)
        || vowel_ending
        || double_consonant(&a, &b)
        || j_for_y(&a, &b)
        || british_american(rare, common))
}

/// The letters of two lower-case written forms one letter apart (dropped,
/// added, changed, or two neighbours swapped), each of [`MIN_LETTERS`] or
/// more, with one first letter, and neither a romanisation nor a folded
/// exonym of the other: what [`one_slip`] and [`slip_beside_itself`] both
/// ask first.
fn one_edit_apart(lx: &Lexicon, rare: &str, common: &str) -> Option<(Vec<char>, Vec<char>)> {
    let (a, b): (Vec<char>, Vec<char>) = (rare.chars().collect(), common.chars().collect());
    let apart = a.len().min(b.len()) >= MIN_LETTERS
        && a[0] == b[0]
        && crate::text::osa_distance_capped(&a, &b, 1) == 1
        && transliteration_key(rare) != transliteration_key(common)
        && !folded_alike(lx, rare, common);
    apart.then_some((a, b))
}

/// One form is the other with a final `s`: a plural ("Lakes Erie", "Verde
/// Units", "Cocoa Producer Alliance"), grammar, not a typist's slip.
fn plural_pair(a: &[char], b: &[char]) -> bool {
    let plural = |x: &[char], y: &[char]| {
        x.len() == y.len() + 1 && x.starts_with(y) && x.last() == Some(&'s')
    };
    plural(a, b) || plural(b, a)
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
    // Inside a word ("realise", "organisation"): a final "is" is no
    // suffix ("Luis", "Luiz" are two names).
    let swap = |x: &str, y: &str| {
        x.match_indices("is")
            .any(|(at, _)| at + 2 < x.len() && format!("{}iz{}", &x[..at], &x[at + 2..]) == y)
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
    fn a_conflict_reports_the_words_it_writes_otherwise() {
        let words = |s: &str| -> Vec<String> { s.split(' ').map(String::from).collect() };
        let differing = |a: &str, b: &str| -> Vec<String> {
            differing_words(&words(a), &words(b))
                .into_iter()
                .cloned()
                .collect()
        };
        assert_eq!(
            differing("francis scott key bridge", "frances key bridge"),
            ["francis"]
        );
        assert_eq!(differing("key bridge", "francis scott key"), ["bridge"]);
        assert_eq!(differing("key bridge", "key bridge"), ["key", "bridge"]);
    }

    #[test]
    fn beside_its_own_right_form_an_ending_or_a_dropped_last_letter_is_a_slip() {
        let lx = Lexicon::default();
        let beside = |a: &str, b: &str| slip_beside_itself(&lx, a, b);
        // Where one_slip sees an ending or a word form:
        assert!(!slip("vladimit", "vladimir") && beside("vladimit", "vladimir"));
        assert!(beside("scholtz", "scholz"));
        assert!(!slip("pyongyan", "pyongyang") && beside("pyongyan", "pyongyang"));
        // Still variants in one text: a vowel ending, a plural, a longer
        // form of the word, a double consonant, j for y, a romanisation.
        assert!(!beside("lukashenka", "lukashenko"));
        assert!(!beside("ukraines", "ukraine") && !beside("koreas", "korea"));
        assert!(!beside("koreans", "korean") && !beside("russian", "russia"));
        assert!(!beside("odessa", "odesa"));
        assert!(!beside("zelenskyj", "zelenskyy"));
        assert!(!beside("beijiing", "beijing"));
        // Short words and other first letters are never compared.
        assert!(!beside("kwoon", "kwon") && !beside("echolz", "scholz"));
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

    fn anchored(a: &str, b: &str) -> bool {
        let split = |x: &'static str| x.split_once(' ').unwrap();
        let (a, b): (&'static str, &'static str) = (
            Box::leak(a.to_string().into_boxed_str()),
            Box::leak(b.to_string().into_boxed_str()),
        );
        anchored_slip(&Lexicon::default(), split(a), split(b))
    }

    #[test]
    fn a_neighbour_anchors_short_words_and_first_letters() {
        for (a, b) in [
            ("Luis Inácio", "Luiz Inácio"),
            ("Cheng Jining", "Chen Jining"),
            ("Masayuki Tsutsumi", "Tadayuki Tsutsumi"),
            ("Torlian Castillo", "Dorlian Castillo"),
            ("Csaba Kosoi", "Csaba Korosi"),
            ("David Camp", "Camp David"),
        ] {
            assert!(anchored(a, b), "{a} / {b}");
        }
    }

    #[test]
    fn anchored_variants_and_other_words_are_no_slip() {
        let mut lx = Lexicon::default();
        lx.not_names.insert("west".into());
        lx.not_names.insert("east".into());
        assert!(!anchored_slip(&lx, ("West", "Asia"), ("East", "Asia")));
        lx.modifiers.insert("president".into());
        assert!(!anchored_slip(
            &lx,
            ("President", "Volodimir"),
            ("President", "Vladimir")
        ));
        for (a, b) in [
            ("Mohamed Zayed", "Mohammed Zayed"), // double consonant
            ("Zelenskiy Said", "Zelensky Said"), // romanisation
            ("Alexander Lukashenka", "Alexander Lukashenko"), // an ending
            ("Grains Corp", "Grain Corp"),       // a word form
            ("Verde Units", "Verde Unit"),
            ("Cocoa Producer", "Cocoa Producers"),
            ("Southeast Koreans", "Southeast Korea"),
            ("Economic Cooperative", "Economic Cooperation"), // an ending
            ("Norimasa Aoki", "Noriyuki Aoki"),               // four letters
            ("Luis Inácio", "Luiz Silva"),                    // no word kept
            ("Kishita Kishita", "Kishita Kishita"),
        ] {
            assert!(!anchored(a, b), "{a} / {b}");
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
