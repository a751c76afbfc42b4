//! The capitalised words of a document, read from its tokens when it is
//! extracted and kept, as ids into one word table, after its text is
//! dropped: the `name-form` check compares them across documents
//! (`checks::name_form`).
//!
//! Memory (issue 19): a word is stored once per run ([`Words`]); a
//! document keeps, per capitalised word, 20 bytes (id, offset, line,
//! column, two flags); documents with the same words at the same places
//! (exact copies of one story) share one list.

use std::sync::Arc;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::source::{LineIndex, Span};

/// One capitalised word as one document writes it, before the word is
/// given its id (what extraction of one document returns, on any core).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    pub text: Box<str>,
    /// Byte offset of its first mid-sentence place, else of its first.
    pub start: u32,
    /// 1-based line and column of `start`.
    pub line: u32,
    pub column: u32,
    /// Written mid-sentence at least once.
    pub mid: bool,
    /// The document also writes the word in lower case (a common word).
    pub lower: bool,
    /// Copy families writing the word over a whole run, when a
    /// partition's document line brings it (`claimcheck partition`;
    /// 0: not given, counted over the documents at hand).
    pub spread: u32,
}

#[cfg(test)]
impl Written {
    /// A word written mid-sentence at the start of line 1, with its
    /// run-wide `spread` (tests of the name-form partitions).
    pub fn mid_sentence(text: &str, spread: u32) -> Self {
        Written {
            text: text.into(),
            start: 0,
            line: 1,
            column: 1,
            mid: true,
            lower: false,
            spread,
        }
    }
}

/// A [`Written`] word of a kept document: its text an id into [`Words`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct NameForm {
    pub word: u32,
    pub start: u32,
    pub line: u32,
    pub column: u32,
    pub mid: bool,
    pub lower: bool,
}

impl NameForm {
    /// Its span, given its text.
    pub fn span(&self, text: &str) -> Span {
        let start = self.start as usize;
        Span::new(start, start + text.len())
    }
}

/// Every distinct word of a run, once.
#[derive(Debug, Default, Clone)]
pub struct Words {
    ids: FxHashMap<Arc<str>, u32>,
    texts: Vec<Arc<str>>,
}

impl Words {
    /// The id of `w`, given one when new.
    pub fn intern(&mut self, w: &str) -> u32 {
        if let Some(&id) = self.ids.get(w) {
            return id;
        }
        let id = u32::try_from(self.texts.len()).unwrap_or(u32::MAX);
        let text: Arc<str> = w.into();
        self.texts.push(text.clone());
        self.ids.insert(text, id);
        id
    }

    /// The text of word `id`.
    pub fn text(&self, id: u32) -> &str {
        self.texts.get(id as usize).map_or("", |t| t)
    }

    pub fn len(&self) -> usize {
        self.texts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.texts.is_empty()
    }
}

/// The capitalised words of every document of a run, by document id.
#[derive(Debug, Default, Clone)]
pub struct Forms {
    pub words: Words,
    /// Each document's words, sorted by their text; `None` when not read.
    pub of_doc: Vec<Option<Arc<[NameForm]>>>,
    /// By word id: the copy families writing it over the whole run, when
    /// the words came with that count ([`Written::spread`]; 0 or absent:
    /// not given).
    pub spread: Vec<u32>,
    /// One copy of each distinct list.
    shared: FxHashSet<Arc<[NameForm]>>,
}

impl Forms {
    /// Keeps the words of the next document (`None`: not read).
    pub fn push(&mut self, written: Option<&[Written]>) {
        let Some(written) = written else {
            self.of_doc.push(None);
            return;
        };
        let mut list: Vec<NameForm> = Vec::with_capacity(written.len());
        for w in written {
            let word = self.words.intern(&w.text);
            if w.spread > 0 {
                let at = word as usize;
                if self.spread.len() <= at {
                    self.spread.resize(at + 1, 0);
                }
                self.spread[at] = w.spread;
            }
            list.push(NameForm {
                word,
                start: w.start,
                line: w.line,
                column: w.column,
                mid: w.mid,
                lower: w.lower,
            });
        }
        // Sorted by text (ids are given in reading order): extraction
        // writes them sorted, a claims file read back may not.
        let words = &self.words;
        if !list.is_sorted_by(|a, b| words.text(a.word) <= words.text(b.word)) {
            list.sort_by(|a, b| words.text(a.word).cmp(words.text(b.word)));
        }
        let list: Arc<[NameForm]> = list.into();
        let list = match self.shared.get(&list) {
            Some(same) => same.clone(),
            None => {
                self.shared.insert(list.clone());
                list
            }
        };
        self.of_doc.push(Some(list));
    }

    /// Puts the documents in a new order: `order[new] = old`.
    pub fn reorder(&mut self, order: &[usize]) {
        if self.of_doc.is_empty() {
            return;
        }
        let mut old: Vec<Option<Arc<[NameForm]>>> = std::mem::take(&mut self.of_doc);
        self.of_doc = order
            .iter()
            .map(|&o| old.get_mut(o).and_then(Option::take))
            .collect();
    }

    /// A document's words (none when not read).
    pub fn of(&self, doc: usize) -> &[NameForm] {
        self.of_doc
            .get(doc)
            .and_then(Option::as_deref)
            .unwrap_or(&[])
    }

    /// The copy families writing word `w` over the whole run, when given.
    pub fn given_spread(&self, w: u32) -> Option<usize> {
        (self.spread.get(w as usize).copied())
            .filter(|&n| n > 0)
            .map(|n| n as usize)
    }

    /// Drops the table of distinct lists (once every document is kept).
    pub fn done(&mut self) {
        self.shared = FxHashSet::default();
    }
}

/// A word written capitalised (a capital letter then a lower-case one:
/// "NHK", "IAEA" are not read) of five letters or more, or written in
/// lower case, among the letter runs of one word token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    Capitalised,
    Lower,
}

/// Shortest word read, in letters (and so in bytes).
pub const MIN_LETTERS: usize = 5;

/// The case of a run of letters, when it is one this module reads.
pub fn case_of(word: &str) -> Option<Case> {
    if word.len() < MIN_LETTERS {
        return None;
    }
    // Most runs are ASCII letters: their case is in their first two bytes
    // and they are as many letters as bytes.
    if let [a, b, ..] = *word.as_bytes() {
        if a.is_ascii() && b.is_ascii() {
            if a.is_ascii_lowercase() {
                return Some(Case::Lower);
            }
            let capital = a.is_ascii_uppercase() && b.is_ascii_lowercase();
            return (capital && (word.is_ascii() || word.chars().count() >= MIN_LETTERS))
                .then_some(Case::Capitalised);
        }
    }
    if word.chars().next()?.is_lowercase() {
        return Some(Case::Lower);
    }
    (capitalised(word) && word.chars().count() >= MIN_LETTERS).then_some(Case::Capitalised)
}

/// Shortest word of a [pair](Gather::token), in letters: "Luis", "Chen"
/// and "Kwon" are read beside a neighbour that anchors them.
pub const MIN_PAIR_LETTERS: usize = 3;

/// Gathers a document's words, run by run, then sorts and places them.
#[derive(Default)]
pub struct Gather<'t> {
    found: Vec<(&'t str, usize, bool)>,
    lower_words: Vec<&'t str>,
    /// The last token, when it is a capitalised word of
    /// [`MIN_PAIR_LETTERS`] or more: its start and end.
    previous: Option<(usize, usize)>,
}

impl<'t> Gather<'t> {
    /// A gatherer for a document of `tokens` tokens: room for a lower-case
    /// word per two tokens and a capitalised form per four, so that a short
    /// document's lists are not grown one doubling at a time (a long one's
    /// grow past 4,096 tokens' worth as before).
    pub fn with_capacity(tokens: usize) -> Self {
        let tokens = tokens.min(1 << 12);
        Gather {
            found: Vec::with_capacity(tokens / 4),
            lower_words: Vec::with_capacity(tokens / 2),
            previous: None,
        }
    }

    /// One token at byte `at` of `text`: its runs of letters (ASCII words,
    /// most of them, are one run), and, with the token before it when one
    /// space apart and both are capitalised words of letters only, the
    /// *pair* of the two ("Luiz Inácio", "Camp David"), read as one form
    /// with a space inside. Call [`Gather::gap`] for punctuation.
    pub fn token(&mut self, text: &'t str, at: usize, token: &'t str) {
        self.pair(text, at, token);
        if token.len() < MIN_LETTERS {
            return;
        }
        if token.bytes().all(|b| b.is_ascii_alphabetic()) {
            self.run(text, at, token);
            return;
        }
        for (i, run) in letter_runs(token) {
            self.run(text, at + i, run);
        }
    }

    /// A token that is no word (punctuation) ends a pair.
    pub fn gap(&mut self) {
        self.previous = None;
    }

    fn pair(&mut self, text: &'t str, at: usize, token: &'t str) {
        let end = at + token.len();
        // Most tokens are lower-case words: the first byte decides them.
        let first = token.as_bytes().first().copied().unwrap_or(b'a');
        let word = !(first.is_ascii_lowercase() || first.is_ascii_digit())
            && token.len() >= MIN_PAIR_LETTERS
            && capitalised_letters(token);
        let previous = std::mem::replace(&mut self.previous, word.then_some((at, end)));
        if let (true, Some((start, before_end))) = (word, previous) {
            if text.get(before_end..at) == Some(" ") && !cut_at_end(text, end) {
                let mid = mid_sentence(&text[..start]);
                self.found.push((&text[start..end], start, mid));
            }
        }
    }

    fn run(&mut self, text: &'t str, at: usize, word: &'t str) {
        match case_of(word) {
            Some(Case::Lower) => self.lower_words.push(word),
            Some(Case::Capitalised) if !cut_at_end(text, at + word.len()) => {
                let mid = mid_sentence(&text[..at]);
                self.found.push((word, at, mid));
            }
            Some(Case::Capitalised) | None => {}
        }
    }

    /// Each word once, sorted, with its first mid-sentence place (else
    /// its first), its line and column, and whether the document also
    /// writes it in lower case.
    pub fn finish(mut self, text: &str, lines: &LineIndex) -> Vec<Written> {
        let found = &mut self.found;
        // No two entries have the same word and place (a pair has a space
        // inside, a run none; one pair starts at each word), so the order
        // is total and an unstable sort gives the stable one's result
        // without its merge buffer (this sort was 4 % of a Reuters run).
        found.sort_unstable_by(|a, b| a.0.cmp(b.0).then(b.2.cmp(&a.2)).then(a.1.cmp(&b.1)));
        found.dedup_by(|later, first| later.0 == first.0);
        // Lower-case words against the capitalised ones, by a binary search
        // over them with the first letter lowered (the words are sorted, and
        // lowering the capital keeps their order).
        let mut lower_seen = vec![false; found.len()];
        if !found.is_empty() {
            // A document writes many lower-case words and few capitalised
            // ones: most lower-case words are told apart from all of them
            // by their length and first letter, one bit look-up, before
            // the search (which was 3 % of a Reuters run).
            let may_match = LengthAndFirst::of(found.iter().map(|f| f.0));
            for w in &self.lower_words {
                if !may_match.may_hold(w) {
                    continue;
                }
                if let Ok(k) = found.binary_search_by(|f| cmp_lowered(f.0, w)) {
                    lower_seen[k] = true;
                }
            }
        }
        let offsets: Vec<usize> = found.iter().map(|f| f.1).collect();
        let places = lines.line_cols(text, &offsets);
        let u = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        found
            .iter()
            .zip(places)
            .zip(lower_seen)
            .map(|((&(w, at, mid), (line, column)), lower)| Written {
                text: w.into(),
                start: u(at),
                line: u(line),
                column: u(column),
                mid,
                lower,
                spread: 0,
            })
            .collect()
    }
}

/// The byte lengths and first bytes, lowered, of a few capitalised words,
/// as bits: a lower-case word whose bit is not set is none of them with
/// its capital lowered. Every word is let through when one of them starts
/// with a character outside ASCII (its lower case may be longer or
/// shorter in bytes).
struct LengthAndFirst(Option<u128>);

impl LengthAndFirst {
    fn of<'w>(capitalised: impl Iterator<Item = &'w str>) -> Self {
        let mut bits = 0u128;
        for w in capitalised {
            match w.as_bytes().first() {
                Some(&b) if b.is_ascii() => bits |= Self::bit(w.len(), b.to_ascii_lowercase()),
                _ => return LengthAndFirst(None),
            }
        }
        LengthAndFirst(Some(bits))
    }

    fn bit(len: usize, first: u8) -> u128 {
        1 << ((len.wrapping_mul(37) + usize::from(first)) % 128)
    }

    /// May `lower` be one of the words, its capital lowered?
    fn may_hold(&self, lower: &str) -> bool {
        match (self.0, lower.as_bytes().first()) {
            (None, _) => true,
            (Some(bits), Some(&b)) => bits & Self::bit(lower.len(), b) != 0,
            (Some(_), None) => false,
        }
    }
}

/// Does the word ending at byte `end` end the text, with no punctuation
/// after it? An excerpt cut in mid-word ("… near Thurmont, Maryland,
/// Thursda"): not a form anyone wrote.
fn cut_at_end(text: &str, end: usize) -> bool {
    text.get(end..)
        .is_some_and(|rest| rest.trim_end().is_empty())
}

/// A capitalised word of letters only, [`MIN_PAIR_LETTERS`] or more: a
/// word that may make a [pair](Gather::token).
fn capitalised_letters(token: &str) -> bool {
    if token.is_ascii() {
        // One byte a letter.
        let b = token.as_bytes();
        return b.len() >= MIN_PAIR_LETTERS
            && b[0].is_ascii_uppercase()
            && b[1].is_ascii_lowercase()
            && b.iter().all(u8::is_ascii_alphabetic);
    }
    capitalised(token)
        && token.chars().all(char::is_alphabetic)
        && token.chars().count() >= MIN_PAIR_LETTERS
}

/// A capital letter, then a lower-case one.
fn capitalised(word: &str) -> bool {
    let mut chars = word.chars();
    matches!((chars.next(), chars.next()), (Some(a), Some(b)) if a.is_uppercase() && b.is_lowercase())
}

/// `capitalised` with its first letter lowered, compared with `lower`.
fn cmp_lowered(capitalised: &str, lower: &str) -> std::cmp::Ordering {
    // Most words start with an ASCII capital: its lower case is one byte,
    // and strings compare by bytes as they compare by characters (UTF-8
    // keeps code point order). This runs for every lower-case word of a
    // document, several times (a binary search).
    if let (Some((&first, rest)), Some((&l, l_rest))) = (
        capitalised.as_bytes().split_first(),
        lower.as_bytes().split_first(),
    ) {
        if first.is_ascii() {
            return first
                .to_ascii_lowercase()
                .cmp(&l)
                .then_with(|| rest.cmp(l_rest));
        }
    }
    let mut chars = capitalised.chars();
    let first = chars.next().map(|c| c.to_lowercase());
    first.into_iter().flatten().chain(chars).cmp(lower.chars())
}

/// Runs of letters of a token, with their byte offsets in it.
fn letter_runs(token: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut runs = Vec::new();
    let mut begin = None;
    for (i, c) in token.char_indices() {
        match (c.is_alphabetic(), begin) {
            (true, None) => begin = Some(i),
            (false, Some(b)) => {
                runs.push((b, &token[b..i]));
                begin = None;
            }
            _ => {}
        }
    }
    if let Some(b) = begin {
        runs.push((b, &token[b..]));
    }
    runs.into_iter()
}

/// Is the word after `before` inside a sentence?
fn mid_sentence(before: &str) -> bool {
    match before.trim_end_matches([' ', '\t']).chars().next_back() {
        None => false,
        Some(c) => !matches!(
            c,
            '\n' | '\r'
                | '.'
                | '!'
                | '?'
                | ':'
                | ';'
                | '"'
                | '\u{201c}'
                | '\u{201d}'
                | '\''
                | '\u{2018}'
                | '\u{2019}'
                | '('
                | '['
                | '*'
                | '#'
                | '>'
                | '|'
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The words of `text` split at spaces and commas, as tokens.
    fn written(text: &str) -> Vec<Written> {
        let mut g = Gather::default();
        let mut at = 0;
        for piece in text.split_inclusive([' ', ',', '\n']) {
            let token = piece.trim_end_matches([' ', ',', '\n', '.']);
            g.token(text, at, token);
            at += piece.len();
        }
        g.finish(text, &LineIndex::new(text))
    }

    /// The byte comparison of an ASCII capital orders as the comparison
    /// of characters with the first lowered, on ASCII, accented and empty
    /// words.
    #[test]
    fn lowered_comparison_orders_as_characters() {
        let by_chars = |c: &str, l: &str| {
            let mut chars = c.chars();
            let first = chars.next().map(|c| c.to_lowercase());
            first.into_iter().flatten().chain(chars).cmp(l.chars())
        };
        let words = [
            "", "a", "kyiv", "kyivan", "ky", "über", "éclair", "zed", "Kyiv", "Éclair", "Über",
        ];
        for c in ["Kyiv", "Ky", "K", "Zed", "Éclair", "Über", "A", "Ab", ""] {
            for l in words {
                assert_eq!(cmp_lowered(c, l), by_chars(c, l), "{c} {l}");
            }
        }
    }

    /// The bit filter lets through every lower-case word that equals a
    /// capitalised one with its capital lowered (and so never changes
    /// what the search finds), and stops most others.
    #[test]
    fn length_and_first_lets_every_lowered_match_through() {
        let capitalised = ["Kyiv", "Officials", "Ukraine", "Zed"];
        let filter = LengthAndFirst::of(capitalised.iter().copied());
        for c in capitalised {
            let lowered = c.to_lowercase();
            assert!(filter.may_hold(&lowered), "{c}");
        }
        let others = [
            "kyivan", "official", "ukrain", "zeds", "crane", "said", "war",
        ];
        assert!(others.iter().all(|w| !filter.may_hold(w)));
        // A capital outside ASCII: every word is let through.
        let wide = LengthAndFirst::of(["Éclair", "Kyiv"].into_iter());
        assert!(wide.may_hold("éclair") && wide.may_hold("crane"));
        // The document's forms are the search's.
        let text = "Officials in Kiev said. Ukraine officials met. Later, ukraine said.";
        let forms = written(text);
        let got: Vec<(&str, bool)> = forms.iter().map(|f| (&*f.text, f.lower)).collect();
        assert_eq!(
            got,
            [("Later", false), ("Officials", true), ("Ukraine", true)]
        );
    }

    #[test]
    fn forms_are_capitalised_words_with_their_sentence_place() {
        let text =
            "Officials in Kyiv said. Ukraine and the Russia-Ukriane war, NHK said.\nsaid officials";
        let forms = written(text);
        let names: Vec<(&str, bool, bool)> =
            forms.iter().map(|f| (&*f.text, f.mid, f.lower)).collect();
        assert_eq!(
            names,
            vec![
                ("Officials", false, true),
                ("Russia", true, false),
                ("Ukraine", false, false),
                ("Ukriane", true, false)
            ]
        );
        assert_eq!((forms[2].line, forms[2].column), (1, 25));
    }

    #[test]
    fn neighbouring_capitalised_words_are_read_as_pairs_too() {
        let text = "Luiz Inácio Lula met Xi Jinping at Camp David. Kim, Yoon Suk-yeol said.";
        let pairs: Vec<String> = written(text)
            .into_iter()
            .filter(|f| f.text.contains(' '))
            .map(|f| f.text.into())
            .collect();
        // Sorted; "Xi" is too short, "Kim, Yoon" has a comma between and
        // "Suk-yeol" is no word of letters only.
        assert_eq!(pairs, ["Camp David", "Inácio Lula", "Luiz Inácio"]);
    }

    #[test]
    fn a_word_cut_by_the_end_of_the_text_is_no_form() {
        let text = "Biden met Yoon at Camp David near Thurmont, Maryland, Thursda";
        let forms: Vec<String> = written(text).into_iter().map(|f| f.text.into()).collect();
        assert!(forms.contains(&"Maryland".to_string()));
        assert!(!forms.iter().any(|f| f.starts_with("Thursda")));
        // A name that ends a sentence, and the text, is whole.
        let whole: Vec<String> = written("They met in Pyongyang.\n")
            .into_iter()
            .map(|f| f.text.into())
            .collect();
        assert_eq!(whole, ["Pyongyang"]);
    }

    #[test]
    fn copies_share_one_list_and_words_are_stored_once() {
        let text = "He met Putin in Moscow.";
        let mut forms = Forms::default();
        forms.push(Some(&written(text)));
        forms.push(Some(&written(text)));
        forms.push(None);
        assert_eq!(forms.words.len(), 2);
        let (a, b) = (
            forms.of_doc[0].clone().unwrap(),
            forms.of_doc[1].clone().unwrap(),
        );
        assert!(Arc::ptr_eq(&a, &b));
        assert_eq!(forms.words.text(a[0].word), "Moscow");
        assert!(forms.of(2).is_empty());
        forms.reorder(&[2, 0, 1]);
        assert!(forms.of(0).is_empty() && forms.of(1).len() == 2);
    }
}
