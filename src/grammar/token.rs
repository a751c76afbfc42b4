//! Tokens: the alphabet the claim grammar's nom parsers run over.
//!
//! A sentence becomes words, numbers, punctuation and possessive markers,
//! each with its absolute byte span. Words keep inner hyphens and
//! apostrophes ("al-Assad", "O'Reilly"), dotted acronyms and abbreviations
//! keep their periods ("U.S.", "Corp.", "J."), and a possessive "'s" is its
//! own token so "China's" reads as owner + marker.

use crate::segment::is_abbreviation;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    Punct,
    /// `'s` / `’s` after a word.
    Possessive,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
    /// Read as capitalised although written in lower case: a name in an
    /// all-lower-case sentence (see [`super::name::mark_lower_case_names`]).
    pub cased: bool,
    /// The lower-case form of a short ASCII word with upper-case letters,
    /// computed once here so the productions' many lexicon look-ups do not
    /// allocate; see [`Token::lower`].
    low: [u8; LOWER_INLINE],
    /// Length of `low`; [`TEXT_IS_LOWER`] when `text` is its own lower-case
    /// form, [`LOWER_ON_HEAP`] when `lower` must allocate.
    low_len: u8,
    /// The lexicon's [`super::lexicon::bits`] for this token, with
    /// [`LEX_DONE`] set once [`super::Lexicon::annotate`] stored them.
    lex: u16,
    /// A word with a `-` in it ("vice-president"), noted while the word
    /// was read; see [`Token::is_hyphenated_word`].
    hyphenated: bool,
    /// The token's word among the rule patterns' words, stored by
    /// [`super::Lexicon::annotate`] with the lexicon bits (1 + its place
    /// among [`super::Lexicon::set_pattern_words`]; 0: none); see
    /// [`Token::pattern_word`].
    pattern_word: u16,
}

/// Marks [`Token::lex`] as filled in.
const LEX_DONE: u16 = 1 << 15;

const LOWER_INLINE: usize = 22;
const TEXT_IS_LOWER: u8 = u8::MAX;
const LOWER_ON_HEAP: u8 = u8::MAX - 1;

/// `(low, low_len)` of a token's text.
fn lower_form(text: &str) -> ([u8; LOWER_INLINE], u8) {
    if !text.is_ascii() {
        let len = if text.chars().any(char::is_uppercase) {
            LOWER_ON_HEAP
        } else {
            TEXT_IS_LOWER
        };
        return ([0; LOWER_INLINE], len);
    }
    let upper = text.bytes().any(|b| b.is_ascii_uppercase());
    ascii_lower_form(text, upper)
}

/// [`lower_form`] of ASCII `text`, given whether it has capitals.
#[inline]
fn ascii_lower_form(text: &str, upper: bool) -> ([u8; LOWER_INLINE], u8) {
    let mut low = [0u8; LOWER_INLINE];
    if !upper {
        return (low, TEXT_IS_LOWER);
    }
    if text.len() > LOWER_INLINE {
        return (low, LOWER_ON_HEAP);
    }
    let low_text = &mut low[..text.len()];
    low_text.copy_from_slice(text.as_bytes());
    low_text.make_ascii_lowercase();
    (low, text.len() as u8)
}

/// Longest token we build; longer runs are cut so one giant "word" cannot
/// make lexicon look-ups or name checks expensive.
const MAX_TOKEN_BYTES: usize = 256;

impl<'a> Token<'a> {
    /// A token over `text` at absolute offsets `start..end`.
    #[inline]
    pub fn new(text: &'a str, start: usize, end: usize, kind: TokenKind) -> Self {
        let (low, low_len) = lower_form(text);
        Self::with_lower(text, start, end, kind, low, low_len)
    }

    /// A token whose text is its own lower-case form (punctuation, a
    /// possessive `'s`), without looking at it.
    #[inline]
    fn lower_case(text: &'a str, start: usize, end: usize, kind: TokenKind) -> Self {
        Self::with_lower(text, start, end, kind, [0; LOWER_INLINE], TEXT_IS_LOWER)
    }

    #[inline]
    fn with_lower(
        text: &'a str,
        start: usize,
        end: usize,
        kind: TokenKind,
        low: [u8; LOWER_INLINE],
        low_len: u8,
    ) -> Self {
        Token {
            text,
            start,
            end,
            kind,
            cased: false,
            low,
            low_len,
            lex: 0,
            hyphenated: false,
            pattern_word: 0,
        }
    }

    /// The lexicon bits stored by [`super::Lexicon::annotate`], if any.
    #[inline]
    pub fn lex_bits(&self) -> Option<u16> {
        (self.lex & LEX_DONE != 0).then_some(self.lex & !LEX_DONE)
    }

    pub(crate) fn set_lex_bits(&mut self, bits: u16) {
        self.lex = bits | LEX_DONE;
    }

    /// 1 + the place of the token's lower-case form among the lexicon's
    /// [`super::Lexicon::set_pattern_words`] (0: not one of them), once
    /// [`super::Lexicon::annotate`] stored it; `None` before, or when the
    /// lower-case form needs the heap (not looked up by its bytes).
    #[inline]
    pub(crate) fn pattern_word(&self) -> Option<u16> {
        (self.lex & LEX_DONE != 0 && self.low_len != LOWER_ON_HEAP).then_some(self.pattern_word)
    }

    pub(crate) fn set_pattern_word(&mut self, id: u16) {
        self.pattern_word = id;
    }

    /// The text in lower case (as [`super::lexicon::lower`]), without
    /// allocating for already lower-case and short ASCII words.
    #[inline]
    pub fn lower(&self) -> std::borrow::Cow<'_, str> {
        match self.low_len {
            TEXT_IS_LOWER => std::borrow::Cow::Borrowed(self.text),
            LOWER_ON_HEAP => super::lexicon::lower(self.text),
            n => std::borrow::Cow::Borrowed(self.low_str(usize::from(n))),
        }
    }

    /// The first `n` bytes of `low` as text. `low` is only ever filled by
    /// [`ascii_lower_form`]: the bytes of a whole `&str`, lower-cased by
    /// `make_ascii_lowercase`, which changes ASCII bytes into ASCII bytes
    /// and leaves the others alone, so they stay valid UTF-8. This runs
    /// for every lexicon look-up and word-list test of the grammar (about
    /// 600,000 times per 10,000 short articles), where validating the
    /// bytes again was 3.5 % of all instructions.
    #[inline]
    fn low_str(&self, n: usize) -> &str {
        let bytes = &self.low[..n];
        debug_assert!(std::str::from_utf8(bytes).is_ok());
        // SAFETY: `low[..n]` is valid UTF-8 (see above).
        unsafe { std::str::from_utf8_unchecked(bytes) }
    }

    /// The bytes of [`Token::lower`] when it need not allocate.
    #[inline]
    pub(crate) fn lower_bytes(&self) -> Option<&[u8]> {
        match self.low_len {
            TEXT_IS_LOWER => Some(self.text.as_bytes()),
            LOWER_ON_HEAP => None,
            n => Some(&self.low[..usize::from(n)]),
        }
    }

    /// Whether [`Token::lower`] allocates: text with upper-case letters
    /// that is not short ASCII. Otherwise the lower-case form is the text
    /// itself or its ASCII lower-casing.
    #[inline]
    pub fn lower_needs_heap(&self) -> bool {
        self.low_len == LOWER_ON_HEAP
    }

    /// A word with a `-` in it: the only words [`super::title::is_head_token`]
    /// splits.
    #[inline]
    pub(crate) fn is_hyphenated_word(&self) -> bool {
        self.hyphenated
    }

    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }

    /// First character upper case ("Baker", "U.S.", "McDonald").
    pub fn is_capitalized(&self) -> bool {
        self.is_word() && (self.cased || self.text.chars().next().is_some_and(char::is_uppercase))
    }

    /// Every letter upper case and at least two letters ("CIA", "LMFE").
    pub fn is_all_caps(&self) -> bool {
        let mut letters = 0;
        for c in self.text.chars() {
            if c.is_lowercase() {
                return false;
            }
            if c.is_alphabetic() {
                letters += 1;
            }
        }
        self.is_word() && letters >= 2
    }

    pub fn is_punct(&self, p: &str) -> bool {
        self.kind == TokenKind::Punct && self.text == p
    }
}

/// Splits `text` (whose first byte is at absolute offset `base`) into tokens.
pub fn tokenize(text: &str, base: usize) -> Vec<Token<'_>> {
    let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
    tokenize_into(text, base, &mut tokens);
    tokens
}

/// [`tokenize`] into `tokens` (cleared first), so one buffer can serve a
/// document's sentences.
pub fn tokenize_into<'a>(text: &'a str, base: usize, tokens: &mut Vec<Token<'a>>) {
    tokens.clear();
    tokenize_append(text, base, tokens);
}

/// [`tokenize`] appending to `tokens`: a sentence's tokens never depend on
/// those before them, so a document's sentences can share one vector.
pub fn tokenize_append<'a>(text: &'a str, base: usize, tokens: &mut Vec<Token<'a>>) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // ASCII (nearly all text) is classified by its byte, without
        // decoding or Unicode tables.
        i = match bytes[i] {
            b'a'..=b'z' | b'A'..=b'Z' => {
                let next = push(tokens, word_token(text, i, base), base);
                // "then-U.S.": the hyphen after a fused qualifier is
                // skipped like a space (see `fused_qualifier_at`).
                if bytes.get(next) == Some(&b'-') && fused_qualifier_at(text, i, next) {
                    next + 1
                } else {
                    next
                }
            }
            b'0'..=b'9' => {
                let end = number_end(text, i);
                let number = Token::new(&text[i..end], base + i, base + end, TokenKind::Number);
                push(tokens, number, base)
            }
            // White space and control characters.
            b if b <= b' ' || b == 0x7f => i + 1,
            b if b.is_ascii() => push(tokens, punct_token(text, i, 1, base), base),
            _ => match other_token(text, i, base) {
                Some(t) => push(tokens, t, base),
                None => i + char_at(text, i).map_or(1, char::len_utf8),
            },
        };
    }
}

/// Pushes `t` and returns the offset in the sentence where the next token
/// may start: its end, always a character boundary past its start.
#[inline]
fn push<'a>(tokens: &mut Vec<Token<'a>>, t: Token<'a>, base: usize) -> usize {
    let next = t.end - base;
    tokens.push(t);
    next
}

/// The word starting at `i`.
#[inline(always)]
fn word_token(text: &str, i: usize, base: usize) -> Token<'_> {
    let (end, shape) = word_end(text, i);
    let word = &text[i..end];
    let (low, low_len) = match shape.letters {
        Letters::Ascii { upper } => ascii_lower_form(word, upper),
        Letters::Other => lower_form(word),
    };
    Token {
        hyphenated: shape.hyphenated,
        ..Token::with_lower(word, base + i, base + end, TokenKind::Word, low, low_len)
    }
}

/// What [`word_end`] learnt of a word on the way, so the token needs no
/// second look at it in the usual case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct WordShape {
    letters: Letters,
    /// A `-` joins two parts of the word.
    hyphenated: bool,
}

/// A word's characters, as far as its lower-case form is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Letters {
    /// Only ASCII; `upper` when there are capitals.
    Ascii { upper: bool },
    /// Has non-ASCII characters.
    Other,
}

/// [`ASCII_CLASS`] bit of ASCII letters and digits.
const ALNUM: u8 = 1;
/// [`ASCII_CLASS`] bit of ASCII capitals.
const UPPER: u8 = 2;

/// Per byte: [`ALNUM`] and [`UPPER`] bits (none for non-ASCII bytes).
const ASCII_CLASS: [u8; 256] = {
    let mut class = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() {
            class[b] |= ALNUM;
        }
        if c.is_ascii_uppercase() {
            class[b] |= UPPER;
        }
        b += 1;
    }
    class
};

/// The punctuation character of `len` bytes at `i`, or a possessive `'s`
/// starting there.
fn punct_token(text: &str, i: usize, len: usize, base: usize) -> Token<'_> {
    if matches!(&text[i..i + len], "'" | "’") && is_possessive_at(text, i) {
        let end = i + len + 1;
        return Token::lower_case(&text[i..end], base + i, base + end, TokenKind::Possessive);
    }
    let end = i + len;
    if len == 1 {
        // ASCII that is not a letter.
        Token::lower_case(&text[i..end], base + i, base + end, TokenKind::Punct)
    } else {
        // Not ASCII: some symbols that are no letters still count as
        // upper case, so look.
        Token::new(&text[i..end], base + i, base + end, TokenKind::Punct)
    }
}

/// The token starting with the non-ASCII character at `i`, if it is not
/// skipped like a space.
fn other_token(text: &str, i: usize, base: usize) -> Option<Token<'_>> {
    let c = char_at(text, i)?;
    if c.is_whitespace() || c.is_control() || is_invisible(c) {
        None
    } else if c.is_alphabetic() {
        Some(word_token(text, i, base))
    } else {
        Some(punct_token(text, i, c.len_utf8(), base))
    }
}

/// Zero-width and direction marks are skipped like spaces.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}')
}

/// An apostrophe at `i` followed by `s` and then a non-letter.
fn is_possessive_at(text: &str, i: usize) -> bool {
    let rest = &text[i..];
    let mut it = rest.chars();
    it.next();
    matches!(it.next(), Some('s')) && !it.next().is_some_and(char::is_alphanumeric)
}

/// End of a word starting at `i`: letters, digits and marks, with inner
/// `-`, `'`, `’`, `&`, `.` kept when a letter follows — except a possessive
/// `'s`, which is left for its own token. A trailing period is kept for
/// abbreviations, initials and dotted acronyms. Also returns what was seen
/// of the word on the way.
#[inline(always)]
fn word_end(text: &str, i: usize) -> (usize, WordShape) {
    let bytes_limit = (i + MAX_TOKEN_BYTES).min(text.len());
    let bytes = text.as_bytes();
    let mut pos = i;
    // Every class bit seen, whether a non-ASCII character was, and a `-`.
    let (mut seen, mut ascii, mut hyphenated) = (0u8, true, false);
    while pos < bytes_limit {
        // Runs of ASCII letters and digits, the bulk of a word, a byte at
        // a time.
        let class = ASCII_CLASS[usize::from(bytes[pos])];
        if class & ALNUM != 0 {
            seen |= class;
            pos += 1;
            continue;
        }
        // Other ASCII ends the word unless it may join two parts of it.
        if bytes[pos].is_ascii() && !matches!(bytes[pos], b'-' | b'\'' | b'&' | b'.') {
            break;
        }
        let Some(c) = char_at(text, pos) else { break };
        let after = pos + c.len_utf8();
        if c.is_alphanumeric() || is_mark(c) {
            ascii = false;
            pos = after;
            continue;
        }
        let next = char_at(text, after);
        let joins =
            matches!(c, '-' | '\'' | '’' | '&' | '.') && next.is_some_and(char::is_alphabetic);
        if !joins
            || ((c == '\'' || c == '’') && is_possessive_at(text, pos))
            || (c == '.' && glued_at(text, i, pos))
            || (c == '-' && fused_qualifier_at(text, i, pos))
        {
            break;
        }
        ascii &= c.is_ascii();
        hyphenated |= c == '-';
        pos = after;
    }
    let mut end = pos;
    // A period right after the word: keep it for "U.S.", "Corp.", "J.".
    if bytes.get(end) == Some(&b'.') {
        let word = &text[i..end];
        if word.contains('.') || is_abbreviation(word) {
            end += 1;
        }
    }
    let letters = if ascii {
        Letters::Ascii {
            upper: seen & UPPER != 0,
        }
    } else {
        Letters::Other
    };
    (
        end,
        WordShape {
            letters,
            hyphenated,
        },
    )
}

/// Does the period at `pos`, inside the word starting at `i`, join two
/// sentences whose space was lost ("Putin.Indian")? A lower-case letter
/// before it, a capital and a lower-case letter after it, and no
/// abbreviation before it ("St.Gobain"): the segmenter ends a sentence
/// there too (`segment::glued_sentences`).
fn glued_at(text: &str, i: usize, pos: usize) -> bool {
    let bytes = text.as_bytes();
    if !(pos > i && bytes[pos - 1].is_ascii_lowercase()) {
        return false;
    }
    let mut after = text[pos + 1..].chars();
    let capitalised = after.next().is_some_and(char::is_uppercase)
        && after.next().is_some_and(char::is_lowercase);
    let word = &text[i..pos];
    capitalised && !word.contains('.') && !crate::segment::is_abbreviation(word)
}

/// Qualifiers written fused to the next word by a hyphen ("then-U.S.
/// Defense Secretary", "ex-British Prime Minister"): before a capitalised
/// word the hyphen is no part of a word, so the qualifier is read as its
/// own word, as if written with a space. Fused to a lower-case head
/// ("ex-chairman") the word stays whole: the title grammar reads it.
const FUSED_QUALIFIERS: &[&str] = &["then", "ex", "former"];

/// Is the hyphen at `pos`, inside the word starting at `i`, the end of a
/// fused qualifier ([`FUSED_QUALIFIERS`]) before a capital?
fn fused_qualifier_at(text: &str, i: usize, pos: usize) -> bool {
    let word = &text[i..pos];
    FUSED_QUALIFIERS
        .iter()
        .any(|q| word.eq_ignore_ascii_case(q))
        && char_at(text, pos + 1).is_some_and(char::is_uppercase)
}

/// The character starting at byte `pos` (a character boundary), decoding
/// only non-ASCII text.
fn char_at(text: &str, pos: usize) -> Option<char> {
    match *text.as_bytes().get(pos)? {
        b if b.is_ascii() => Some(char::from(b)),
        _ => text.get(pos..)?.chars().next(),
    }
}

fn is_mark(c: char) -> bool {
    // Combining marks (accents written as separate code points).
    matches!(c, '\u{0300}'..='\u{036F}')
}

/// Digits with inner `,` `.` `/` `:` `-` between digits ("5.93", "1,000", "2/15").
fn number_end(text: &str, i: usize) -> usize {
    let bytes = text.as_bytes();
    let limit = (i + MAX_TOKEN_BYTES).min(bytes.len());
    let mut end = i;
    while end < limit {
        let b = bytes[end];
        let inner = matches!(b, b',' | b'.' | b'/' | b':')
            && bytes.get(end + 1).is_some_and(u8::is_ascii_digit)
            && end > i;
        if b.is_ascii_alphanumeric() || inner {
            end += 1;
        } else {
            break;
        }
    }
    end.max(i + 1)
}

/// The tokenizer as it was before its ASCII fast paths: the reference the
/// fast one must agree with, token for token (lower-case forms included).
#[cfg(test)]
mod reference {
    use super::{
        char_at, fused_qualifier_at, glued_at, is_invisible, is_mark, is_possessive_at, number_end,
        Token, TokenKind, LOWER_INLINE, LOWER_ON_HEAP, MAX_TOKEN_BYTES, TEXT_IS_LOWER,
    };
    use crate::segment::is_abbreviation;

    fn reference_token<'a>(text: &'a str, start: usize, end: usize, kind: TokenKind) -> Token<'a> {
        let (low, low_len) = lower_form(text);
        Token {
            // What the annotation asked of every word before.
            hyphenated: kind == TokenKind::Word && text.contains('-'),
            ..Token::with_lower(text, start, end, kind, low, low_len)
        }
    }

    /// [`tokenize`] into `tokens` (cleared first), so one buffer can serve a
    /// document's sentences.
    pub(super) fn tokenize_into<'a>(text: &'a str, base: usize, tokens: &mut Vec<Token<'a>>) {
        tokens.clear();
        let mut i = 0;
        while i < text.len() {
            // One character at a time; ASCII without decoding.
            let c = char_at(text, i).unwrap_or(' ');
            if c.is_whitespace() || c.is_control() || is_invisible(c) {
                i += c.len_utf8();
                continue;
            }
            let (kind, end) = if c.is_alphabetic() {
                let end = word_end(text, i);
                if text[end..].starts_with('-') && fused_qualifier_at(text, i, end) {
                    tokens.push(reference_token(
                        &text[i..end],
                        base + i,
                        base + end,
                        TokenKind::Word,
                    ));
                    i = end + 1;
                    continue;
                }
                (TokenKind::Word, end)
            } else if c.is_ascii_digit() {
                (TokenKind::Number, number_end(text, i))
            } else if (c == '\'' || c == '’') && is_possessive_at(text, i) {
                (TokenKind::Possessive, i + c.len_utf8() + 1)
            } else {
                (TokenKind::Punct, i + c.len_utf8())
            };
            tokens.push(reference_token(&text[i..end], base + i, base + end, kind));
            // Every token ends on a character boundary past its start.
            i = end;
        }
    }

    /// End of a word starting at `i`: letters, digits and marks, with inner
    /// `-`, `'`, `’`, `&`, `.` kept when a letter follows — except a possessive
    /// `'s`, which is left for its own token. A trailing period is kept for
    /// abbreviations, initials and dotted acronyms.
    fn word_end(text: &str, i: usize) -> usize {
        let bytes_limit = (i + MAX_TOKEN_BYTES).min(text.len());
        let mut end = i;
        let mut pos = i;
        let bytes = text.as_bytes();
        while let Some(c) = char_at(text, pos) {
            if pos >= bytes_limit {
                break;
            }
            if bytes[pos].is_ascii_alphanumeric() {
                pos += 1;
                end = pos;
                continue;
            }
            let after = pos + c.len_utf8();
            if c.is_alphanumeric() || is_mark(c) {
                end = after;
                pos = after;
                continue;
            }
            let next = char_at(text, after);
            let joins =
                matches!(c, '-' | '\'' | '’' | '&' | '.') && next.is_some_and(char::is_alphabetic);
            if !joins
                || ((c == '\'' || c == '’') && is_possessive_at(text, pos))
                || (c == '.' && glued_at(text, i, pos))
                || (c == '-' && fused_qualifier_at(text, i, pos))
            {
                break;
            }
            end = after;
            pos = after;
        }
        // A period right after the word: keep it for "U.S.", "Corp.", "J.".
        if text[end..].starts_with('.') {
            let word = &text[i..end];
            if word.contains('.') || is_abbreviation(word) {
                end += 1;
            }
        }
        end
    }

    /// `(low, low_len)` of a token's text.
    fn lower_form(text: &str) -> ([u8; LOWER_INLINE], u8) {
        let mut low = [0u8; LOWER_INLINE];
        if !text.is_ascii() {
            let len = if text.chars().any(char::is_uppercase) {
                LOWER_ON_HEAP
            } else {
                TEXT_IS_LOWER
            };
            return (low, len);
        }
        if !text.bytes().any(|b| b.is_ascii_uppercase()) {
            return (low, TEXT_IS_LOWER);
        }
        if text.len() > LOWER_INLINE {
            return (low, LOWER_ON_HEAP);
        }
        for (d, b) in low.iter_mut().zip(text.bytes()) {
            *d = b.to_ascii_lowercase();
        }
        (low, text.len() as u8)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text, 0).iter().map(|t| t.text).collect()
    }

    #[test]
    fn acronyms_and_abbreviations_keep_their_periods() {
        assert_eq!(
            words("U.S. Corp. J. Smith."),
            ["U.S.", "Corp.", "J.", "Smith", "."]
        );
    }

    #[test]
    fn possessive_is_its_own_token() {
        let toks = tokenize("China's top diplomat", 0);
        assert_eq!(toks[0].text, "China");
        assert_eq!(toks[1].kind, TokenKind::Possessive);
        assert_eq!(toks[1].text, "'s");
        let curly = tokenize("Biden’s adviser", 0);
        assert_eq!(curly[1].text, "’s");
    }

    #[test]
    fn inner_apostrophes_and_hyphens_stay_in_words() {
        assert_eq!(
            words("O'Reilly al-Assad co-founder"),
            ["O'Reilly", "al-Assad", "co-founder"]
        );
    }

    #[test]
    fn numbers_keep_inner_separators() {
        assert_eq!(
            words("5.93 mln, 1,000."),
            ["5.93", "mln", ",", "1,000", "."]
        );
    }

    #[test]
    fn spans_are_absolute() {
        let toks = tokenize("ab cd", 10);
        assert_eq!((toks[1].start, toks[1].end), (13, 15));
    }

    #[test]
    fn capitalization_checks() {
        let toks = tokenize("Baker CIA said", 0);
        assert!(toks[0].is_capitalized() && !toks[0].is_all_caps());
        assert!(toks[1].is_all_caps());
        assert!(!toks[2].is_capitalized());
    }

    #[test]
    fn lower_matches_the_lexicon_lower() {
        let long = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        let text = format!("Baker said CIA é Élysée {long} o'Reilly ß İstanbul");
        for t in tokenize(&text, 0) {
            assert_eq!(
                t.lower(),
                crate::grammar::lexicon::lower(t.text),
                "{}",
                t.text
            );
        }
    }

    /// Pieces of text that exercise every rule of the tokenizer.
    const PIECES: &[&str] = &[
        "then-U.S.",
        "Putin.Indian",
        "ex-Chairman",
        "then-",
        "St.Gobain",
        "Baker",
        "said",
        "CIA",
        "U.S.",
        "Corp.",
        "J.",
        "Mr",
        ".",
        "..",
        ",",
        "China's",
        "Biden’s",
        "'s",
        "’s",
        "'",
        "’",
        "O'Reilly",
        "al-Assad",
        "AT&T",
        "-",
        "&",
        "5.93",
        "1,000",
        "2/15",
        "10:30",
        "1990s",
        "10AM",
        "3-",
        "é",
        "Élysée",
        "ß",
        "İstanbul",
        "e\u{301}",
        "Ⅻ",
        "🄰",
        "٣",
        "\u{200B}",
        "\u{FEFF}",
        "\u{7f}",
        "\0",
        "\t",
        "\n",
        " ",
        "\u{a0}",
        "\u{2003}",
        "\"",
        "(",
        "”",
        "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
        "abcdefghijklmnopqrstuvwxyz",
        "Washington-based",
        "gov't",
        "e.g.",
        "x",
    ];

    #[test]
    fn agrees_with_the_reference_tokenizer() {
        let mut next = crate::text::seeded_picks(0x2545_F491_4F6C_DD1Du64);
        let mut texts: Vec<String> = (0..20_000)
            .map(|_| {
                let mut text = String::new();
                for _ in 0..next(30) + 1 {
                    text.push_str(PIECES[next(PIECES.len())]);
                    if next(3) > 0 {
                        text.push(' ');
                    }
                }
                text
            })
            .collect();
        // Words longer than a token may be, ending in every kind of byte.
        for tail in ["", "é", ".", "-x", "'s"] {
            texts.push(format!("{}{tail} end", "a".repeat(MAX_TOKEN_BYTES - 1)));
            texts.push(format!("{}{tail} end", "Ab".repeat(MAX_TOKEN_BYTES / 2)));
            texts.push(format!("{}{tail}", "é".repeat(MAX_TOKEN_BYTES / 2 + 1)));
            texts.push(format!("{}{tail}", "9".repeat(MAX_TOKEN_BYTES + 3)));
        }
        let (mut fast, mut slow) = (Vec::new(), Vec::new());
        for text in &texts {
            tokenize_into(text, 7, &mut fast);
            reference::tokenize_into(text, 7, &mut slow);
            assert_eq!(fast, slow, "{text:?}");
        }
    }

    #[test]
    fn a_qualifier_fused_to_a_capitalised_word_is_a_word_of_its_own() {
        assert_eq!(
            words("then-U.S. Defense Secretary"),
            ["then", "U.S.", "Defense", "Secretary"]
        );
        assert_eq!(words("ex-British envoy"), ["ex", "British", "envoy"]);
        // Fused to a lower-case word, or another word before the hyphen:
        // one word.
        assert_eq!(words("ex-chairman"), ["ex-chairman"]);
        assert_eq!(words("Houston-based"), ["Houston-based"]);
    }

    #[test]
    fn a_stop_between_two_sentences_run_together_is_its_own_token() {
        assert_eq!(words("Putin.Indian"), ["Putin", ".", "Indian"]);
        // After an abbreviation the word stays whole, as before.
        assert_eq!(words("St.Gobain"), ["St.Gobain"]);
        assert_eq!(words("e.g.The"), ["e.g.The"]);
    }

    #[test]
    fn zero_width_characters_are_skipped() {
        assert_eq!(words("Wang\u{200B} Yi"), ["Wang", "Yi"]);
    }
}
