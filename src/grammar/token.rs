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
}

/// Marks [`Token::lex`] as filled in.
const LEX_DONE: u16 = 1 << 15;

const LOWER_INLINE: usize = 22;
const TEXT_IS_LOWER: u8 = u8::MAX;
const LOWER_ON_HEAP: u8 = u8::MAX - 1;

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

/// Longest token we build; longer runs are cut so one giant "word" cannot
/// make lexicon look-ups or name checks expensive.
const MAX_TOKEN_BYTES: usize = 256;

impl<'a> Token<'a> {
    /// A token over `text` at absolute offsets `start..end`.
    pub fn new(text: &'a str, start: usize, end: usize, kind: TokenKind) -> Self {
        let (low, low_len) = lower_form(text);
        Token {
            text,
            start,
            end,
            kind,
            cased: false,
            low,
            low_len,
            lex: 0,
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

    /// The text in lower case (as [`super::lexicon::lower`]), without
    /// allocating for already lower-case and short ASCII words.
    #[inline]
    pub fn lower(&self) -> std::borrow::Cow<'_, str> {
        match self.low_len {
            TEXT_IS_LOWER => std::borrow::Cow::Borrowed(self.text),
            LOWER_ON_HEAP => super::lexicon::lower(self.text),
            n => {
                let bytes = &self.low[..usize::from(n)];
                // Lower-cased ASCII is ASCII.
                std::borrow::Cow::Borrowed(std::str::from_utf8(bytes).unwrap_or(self.text))
            }
        }
    }

    /// Whether [`Token::lower`] allocates: text with upper-case letters
    /// that is not short ASCII. Otherwise the lower-case form is the text
    /// itself or its ASCII lower-casing.
    #[inline]
    pub fn lower_needs_heap(&self) -> bool {
        self.low_len == LOWER_ON_HEAP
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
    let mut i = 0;
    while i < text.len() {
        // One character at a time; ASCII without decoding.
        let c = char_at(text, i).unwrap_or(' ');
        if c.is_whitespace() || c.is_control() || is_invisible(c) {
            i += c.len_utf8();
            continue;
        }
        let (kind, end) = if c.is_alphabetic() {
            (TokenKind::Word, word_end(text, i))
        } else if c.is_ascii_digit() {
            (TokenKind::Number, number_end(text, i))
        } else if (c == '\'' || c == '’') && is_possessive_at(text, i) {
            (TokenKind::Possessive, i + c.len_utf8() + 1)
        } else {
            (TokenKind::Punct, i + c.len_utf8())
        };
        tokens.push(Token::new(&text[i..end], base + i, base + end, kind));
        // Every token ends on a character boundary past its start.
        i = end;
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
        if !joins || ((c == '\'' || c == '’') && is_possessive_at(text, pos)) {
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

    #[test]
    fn zero_width_characters_are_skipped() {
        assert_eq!(words("Wang\u{200B} Yi"), ["Wang", "Yi"]);
    }
}
