//! The capitalised words of a document, read when it is extracted and
//! kept after its text is dropped: the `name-form` check compares them
//! across documents (`checks::name_form`).

use crate::source::{LineIndex, Span};

/// One capitalised word as one document writes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameForm {
    pub text: Box<str>,
    /// Its first mid-sentence place, else its first place.
    pub span: Span,
    /// 1-based line and column of `span`'s start.
    pub line: u32,
    pub column: u32,
    /// Written mid-sentence at least once.
    pub mid: bool,
    /// The document also writes the word in lower case (a common word).
    pub lower: bool,
}

/// Capitalised words of a text (from `start`), each once, sorted: a
/// capital letter then a lower-case one ("NHK", "IAEA" are not read), five
/// letters or more. A word is mid-sentence when the character before it
/// (spaces skipped, line breaks not) is none of `. ! ? : ; " “ ” ' ‘ ’ ( [`
/// and no Markdown mark: "Mr. Putin" counts as a sentence start,
/// "Russia-Ukriane" does not.
pub fn forms_of(text: &str, start: usize, lines: &LineIndex) -> Vec<NameForm> {
    let start = start.min(text.len());
    // (word, place, mid): sorted and deduplicated below, a document's
    // few dozen names cost no map.
    let mut found: Vec<(&str, Span, bool)> = Vec::new();
    let mut lower_words: Vec<&str> = Vec::new();
    for (at, word) in words(text, start) {
        if word.len() < MIN_BYTES {
            continue;
        }
        let mut chars = word.chars();
        let (Some(a), Some(b)) = (chars.next(), chars.next()) else {
            continue;
        };
        if a.is_lowercase() {
            lower_words.push(word);
            continue;
        }
        if !a.is_uppercase() || !b.is_lowercase() || word.chars().count() < MIN_LETTERS {
            continue;
        }
        let mid = mid_sentence(&text[..at]);
        found.push((word, Span::new(at, at + word.len()), mid));
    }
    // Each word once: its first mid-sentence place, else its first.
    found.sort_by(|a, b| a.0.cmp(b.0).then(b.2.cmp(&a.2)));
    found.dedup_by(|later, first| later.0 == first.0);
    // Lower-case words against the capitalised ones, by a binary search
    // over them with the first letter lowered (the words are sorted, and
    // lowering the capital keeps their order).
    let mut lower_seen = vec![false; found.len()];
    if !found.is_empty() {
        for w in lower_words {
            if let Ok(k) = found.binary_search_by(|f| cmp_lowered(f.0, w)) {
                lower_seen[k] = true;
            }
        }
    }
    let offsets: Vec<usize> = found.iter().map(|f| f.1.start).collect();
    let places = lines.line_cols(text, &offsets);
    found
        .into_iter()
        .zip(places)
        .zip(lower_seen)
        .map(|(((w, span, mid), (line, column)), lower)| NameForm {
            text: w.into(),
            span,
            line: u32::try_from(line).unwrap_or(u32::MAX),
            column: u32::try_from(column).unwrap_or(u32::MAX),
            mid,
            lower,
        })
        .collect()
}

/// `capitalised` with its first letter lowered, compared with `lower`.
fn cmp_lowered(capitalised: &str, lower: &str) -> std::cmp::Ordering {
    let mut chars = capitalised.chars();
    let first = chars.next().map(|c| c.to_lowercase());
    first.into_iter().flatten().chain(chars).cmp(lower.chars())
}

/// Shortest word read, in letters (and so in bytes).
pub const MIN_LETTERS: usize = 5;
const MIN_BYTES: usize = MIN_LETTERS;

/// Runs of letters from `start`, with their byte offsets. ASCII bytes
/// are read as bytes (most text is ASCII); others as characters.
fn words(text: &str, start: usize) -> impl Iterator<Item = (usize, &str)> {
    let bytes = text.as_bytes();
    let mut i = start;
    // The letter (if any) at byte `i`, and its length.
    let letter_at = move |i: usize| -> Option<usize> {
        let b = bytes[i];
        if b.is_ascii() {
            return b.is_ascii_alphabetic().then_some(1);
        }
        let c = text.get(i..)?.chars().next()?;
        c.is_alphabetic().then_some(c.len_utf8())
    };
    std::iter::from_fn(move || {
        while i < bytes.len() {
            match letter_at(i) {
                Some(n) => {
                    let begin = i;
                    i += n;
                    while i < bytes.len() {
                        match letter_at(i) {
                            Some(n) => i += n,
                            None => break,
                        }
                    }
                    return Some((begin, &text[begin..i]));
                }
                None => {
                    // Skip to the next character boundary.
                    i += 1;
                    while i < bytes.len() && !text.is_char_boundary(i) {
                        i += 1;
                    }
                }
            }
        }
        None
    })
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

    #[test]
    fn forms_are_capitalised_words_with_their_sentence_place() {
        let text =
            "Officials in Kyiv said. Ukraine and the Russia-Ukriane war, NHK said.\nsaid officials";
        let forms = forms_of(text, 0, &LineIndex::new(text));
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
}
