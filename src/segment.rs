//! Segmentation: a document's text → sentences with byte spans.
//!
//! Boundaries: `.`, `!` or `?` (plus closing quotes/brackets) followed by
//! whitespace and a capital, digit or opening quote — unless the word before
//! the stop is an abbreviation ("Mr.", "Gen.", "Jan.") or an initial ("J.");
//! after a dotted acronym ("U.S.") only when a usual sentence opener follows.
//! Blank lines always end a sentence, so headlines and bylines are their own
//! segments. Single line breaks end a sentence in soft-wrapped text (one
//! paragraph per line, as in the seeds) but not in hard-wrapped newswire
//! (Reuters), where only an indented line starts a new paragraph.
//!
//! Hostile input stays linear: a run of stops ("?!?!…") is examined once,
//! the look-back for an abbreviation is bounded, and a "sentence" longer
//! than [`MAX_SENTENCE_BYTES`] (no real one is: the longest of the 131,662
//! in the Reuters corpus has 1,315 bytes) is cut at its last whitespace
//! before the limit, so later stages never see a multi-megabyte sentence.

use crate::source::Span;

/// Words that take a period without ending a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cmdr", "adm", "sgt",
    "sen", "sens", "rep", "reps", "gov", "govs", "pres", "rev", "hon", "gov't", "st", "ave",
    "blvd", "mt", "ft", "jr", "sr", "co", "corp", "inc", "ltd", "plc", "bros", "nos", "vs", "etc",
    "approx", "dept", "est", "fig", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat", "sun", "e.g",
    "i.e", "a.m", "p.m", "ala", "ariz", "calif", "colo", "conn", "fla", "ga", "ill", "ind", "kan",
    "ky", "la", "mass", "md", "mich", "minn", "miss", "mo", "neb", "nev", "okla", "ore", "pa",
    "tenn", "tex", "va", "vt", "wash", "wis", "wyo", "messrs",
];

/// Bytes in the longest of [`ABBREVIATIONS`].
const MAX_ABBREVIATION_LEN: usize = {
    let mut max = 0;
    let mut k = 0;
    while k < ABBREVIATIONS.len() {
        if ABBREVIATIONS[k].len() > max {
            max = ABBREVIATIONS[k].len();
        }
        k += 1;
    }
    max
};

/// Words that, after "U.S." and the like, show a new sentence began.
const SENTENCE_OPENERS: &[&str] = &[
    "The",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "But",
    "And",
    "In",
    "On",
    "At",
    "This",
    "That",
    "These",
    "Those",
    "A",
    "An",
    "There",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "However",
    "Meanwhile",
];

/// [`ABBREVIATIONS`] as [`abbreviation_key`]s, sorted for binary search.
const ABBREVIATION_KEYS: [u64; ABBREVIATIONS.len()] = {
    assert!(
        MAX_ABBREVIATION_LEN < 8,
        "a key holds seven bytes and the length"
    );
    let mut keys = [0u64; ABBREVIATIONS.len()];
    let mut k = 0;
    while k < keys.len() {
        keys[k] = abbreviation_key(ABBREVIATIONS[k].as_bytes());
        // Insertion sort: the list is short and this runs at compile time.
        let mut j = k;
        while j > 0 && keys[j - 1] > keys[j] {
            let t = keys[j - 1];
            keys[j - 1] = keys[j];
            keys[j] = t;
            j -= 1;
        }
        k += 1;
    }
    keys
};

/// ASCII `word` of at most seven bytes, lower-cased, and its length in one
/// number: equal keys mean words equal ignoring ASCII case.
const fn abbreviation_key(word: &[u8]) -> u64 {
    let mut key = (word.len() as u64) << 56;
    let mut j = 0;
    while j < word.len() {
        key |= (word[j].to_ascii_lowercase() as u64) << (8 * j);
        j += 1;
    }
    key
}

/// Is `word` (without its final period) an abbreviation or an initial?
pub fn is_abbreviation(word: &str) -> bool {
    let bare = word.trim_end_matches('.');
    // ASCII (nearly always): compare without allocating a lower-case copy,
    // and not at all when longer than every abbreviation.
    if bare.is_ascii() {
        let initial = bare.len() == 1 && bare.as_bytes()[0].is_ascii_alphabetic();
        return initial
            || bare.len() <= MAX_ABBREVIATION_LEN
                && ABBREVIATION_KEYS
                    .binary_search(&abbreviation_key(bare.as_bytes()))
                    .is_ok();
    }
    let mut chars = bare.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        if c.is_alphabetic() {
            return true;
        }
    }
    let lower = bare.to_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
}

/// Is `word` a dotted acronym such as "U.S." or "U.K."?
fn is_dotted_acronym(word: &str) -> bool {
    let bare = word.trim_end_matches('.');
    bare.contains('.') && bare.split('.').all(|p| p.chars().count() == 1)
}

/// Longest sentence handed on; longer runs of text are cut (see the module
/// docs). Real sentences are far shorter.
pub const MAX_SENTENCE_BYTES: usize = 2000;

/// Longest word looked at when deciding whether a period is an
/// abbreviation's: longer "words" are never abbreviations.
const MAX_WORD_BYTES: usize = 64;

/// Splits `text[from..]` into trimmed, non-empty sentence spans, each at
/// most [`MAX_SENTENCE_BYTES`] long.
pub fn sentences(text: &str, from: usize) -> Vec<Span> {
    let from = floor_char_boundary(text, from);
    let hard_wrapped = is_hard_wrapped(&text[from..]);
    let bytes = text.as_bytes();
    let mut spans = Vec::new();
    let mut start = from;
    let mut marks = Marks::new(bytes, from);
    let mut i = from;
    while let Some(k) = marks.next_from(i) {
        let (cut, next) = if bytes[k] == b'\n' {
            let cut = line_break_ends_sentence(text, k, hard_wrapped).then_some(k + 1);
            (cut, k + 1)
        } else {
            stops_end_sentence(text, start, k)
        };
        if let Some(end) = cut {
            push_trimmed(text, start, end, &mut spans);
            start = end;
        }
        // `next` is `end` when the sentence was cut.
        i = next;
    }
    push_trimmed(text, start, bytes.len(), &mut spans);
    spans
}

/// The bytes the segmenter decides at: line breaks and stops (`.`, `!`,
/// `?`). Every other byte only moves it on, so it jumps from one mark to
/// the next with `memchr`, remembering the next line break and the next
/// stop (each searched for again only once passed).
struct Marks<'t> {
    bytes: &'t [u8],
    /// Offset of the next stop at or after the last search, else the end.
    stop: usize,
    /// Offset of the next line break at or after the last search, else the
    /// end.
    newline: usize,
}

impl<'t> Marks<'t> {
    fn new(bytes: &'t [u8], from: usize) -> Self {
        let mut marks = Marks {
            bytes,
            stop: 0,
            newline: 0,
        };
        marks.stop = marks.find_stop(from);
        marks.newline = marks.find_newline(from);
        marks
    }

    /// The first mark at or after `i`.
    fn next_from(&mut self, i: usize) -> Option<usize> {
        if self.stop < i {
            self.stop = self.find_stop(i);
        }
        if self.newline < i {
            self.newline = self.find_newline(i);
        }
        let next = self.stop.min(self.newline);
        (next < self.bytes.len()).then_some(next)
    }

    fn find_stop(&self, i: usize) -> usize {
        memchr::memchr3(b'.', b'!', b'?', &self.bytes[i..]).map_or(self.bytes.len(), |k| i + k)
    }

    fn find_newline(&self, i: usize) -> usize {
        memchr::memchr(b'\n', &self.bytes[i..]).map_or(self.bytes.len(), |k| i + k)
    }
}

/// Where to cut an overlong sentence `text[start..limit]`: after its last
/// whitespace in the second half, else at the last character boundary.
fn overlong_cut(text: &str, start: usize, limit: usize) -> usize {
    let limit = floor_char_boundary(text, limit);
    let half = floor_char_boundary(text, start + (limit - start) / 2);
    text[half..limit]
        .rfind(char::is_whitespace)
        .map(|p| half + p + text[half + p..].chars().next().map_or(1, char::len_utf8))
        .filter(|&cut| cut > start)
        .unwrap_or(limit)
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Pushes `text[start..end]`, trimmed, in pieces of at most
/// [`MAX_SENTENCE_BYTES`].
fn push_trimmed(text: &str, mut start: usize, end: usize, spans: &mut Vec<Span>) {
    while end - start > MAX_SENTENCE_BYTES {
        let cut = overlong_cut(text, start, start + MAX_SENTENCE_BYTES);
        push_piece(text, start, cut, spans);
        start = cut;
    }
    push_piece(text, start, end, spans);
}

fn push_piece(text: &str, start: usize, end: usize, spans: &mut Vec<Span>) {
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail < piece.len() {
        spans.push(Span::new(start + lead, end - trail));
    }
}

/// Hard-wrapped text breaks lines inside sentences: many lines continue in
/// lower case on the next line.
fn is_hard_wrapped(text: &str) -> bool {
    let mut breaks = 0usize;
    let mut continued = 0usize;
    let mut previous: Option<LineShape> = None;
    // A trailing empty piece (text ending in a line break) is blank, so it
    // counts no break: splitting at `\n` reads as `str::lines` here.
    for line in split_lines(text) {
        let shape = LineShape::of(line);
        if let Some(before) = previous.filter(|b| !b.blank && !shape.blank) {
            breaks += 1;
            if before.ends_open && shape.starts_lower {
                continued += 1;
            }
        }
        previous = Some(shape);
    }
    breaks >= 3 && continued * 5 >= breaks
}

/// What [`is_hard_wrapped`] asks of a line, worked out once per line.
#[derive(Clone, Copy)]
struct LineShape {
    /// Only white space.
    blank: bool,
    /// Ends without a stop, colon or closing quote: the sentence may go on.
    ends_open: bool,
    /// Starts (after white space) with a lower-case letter.
    starts_lower: bool,
}

impl LineShape {
    fn of(line: &str) -> Self {
        let from_text = line.trim_start();
        LineShape {
            blank: from_text.is_empty(),
            ends_open: !line.trim_end().ends_with(['.', '!', '?', ':', '"', '”']),
            starts_lower: from_text.starts_with(|c: char| c.is_lowercase()),
        }
    }
}

/// `text` split at every `\n` (a `\r` before it stays on the line).
fn split_lines(text: &str) -> impl Iterator<Item = &str> {
    let mut start = 0;
    memchr::memchr_iter(b'\n', text.as_bytes())
        .chain(std::iter::once(text.len()))
        .map(move |end| {
            let line = &text[start..end];
            start = end + 1;
            line
        })
}

fn line_break_ends_sentence(text: &str, i: usize, hard_wrapped: bool) -> bool {
    let rest = &text[i + 1..];
    // A blank line ends a sentence in any text; in newswire an indented
    // line opens a paragraph.
    (!hard_wrapped && !name_wraps(text, i) && !line_continues(text, i))
        || line_is_blank(rest)
        || rest.starts_with("  ")
        || rest.starts_with('\t')
}

/// Does the line at `i` run on into the next ("it named John Roach\nsenior
/// vice president")? Short wire copy has too few line breaks for
/// [`is_hard_wrapped`] to recognise it, yet a sentence never opens in
/// lower case: a next line that starts with a lower-case letter, after a
/// line that ends without a stop, continues the sentence (issue 17; 1,186
/// such breaks in 827 Reuters records that are not read as hard-wrapped).
/// A line that ends in a comma continues too, whatever the next line opens
/// with ("..., Melvin Sims,\nUSDA general sales manager said"): no sentence
/// ends in a comma (issue 17).
fn line_continues(text: &str, i: usize) -> bool {
    let line_start = memchr::memrchr(b'\n', &text.as_bytes()[..i]).map_or(0, |k| k + 1);
    let line = text[line_start..i].trim_end();
    let open = !line.is_empty() && !line.ends_with(['.', '!', '?', ':', '"', '\u{201d}']);
    let next = text[i + 1..].chars().next();
    let comma_then_word = line.ends_with(',') && next.is_some_and(char::is_alphanumeric);
    open && (comma_then_word || next.is_some_and(char::is_lowercase))
}

/// Does the line break at `i` fall inside a capitalised run ("President
/// Tomas\nFerreira arrived", "a subsidiary of Newmont\nMining Corp")?
/// Wrapped copy too short for [`is_hard_wrapped`] to recognise breaks
/// lines there, and a line break inside a name must not end it: the line
/// is prose (a word on it starts in lower case, which a Title Case
/// headline's last words would not make it, nor a byline), it ends in a
/// capitalised word with no stop, and the next line goes on at once with
/// a capitalised word.
fn name_wraps(text: &str, i: usize) -> bool {
    let line_start = memchr::memrchr(b'\n', &text.as_bytes()[..i]).map_or(0, |k| k + 1);
    let line = text[line_start..i].trim_end_matches('\r');
    // A wrapped line is never longer than the width it was wrapped at: a
    // line beside one that is holds a paragraph of its own, and its break
    // ends a headline ("…, angering Ukraine\nPrime Minister Narendra Modi
    // of India strolled …"), not a name.
    let next_line = text[i + 1..].split('\n').next().unwrap_or("");
    if wider_than_wrap(line) || wider_than_wrap(next_line) {
        return false;
    }
    let mut words = line.rsplit(' ');
    let last = words.next().unwrap_or("");
    let capitalised = |w: &str| {
        let mut chars = w.chars();
        chars.next().is_some_and(char::is_uppercase) && chars.next().is_some_and(char::is_lowercase)
    };
    // A middle initial on either side: "Alan L\nHimber", "John\nE. Langdon".
    let initial = |w: &str| match w.as_bytes() {
        [c] | [c, b'.'] => c.is_ascii_uppercase(),
        _ => false,
    };
    let name_word = initial(last)
        || capitalised(last)
            && last
                .chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '\'');
    let next = &text[i + 1..];
    let next_word = next.split([' ', '\n']).next().unwrap_or("");
    let next_name = capitalised(next) || initial(next_word);
    name_word && next_name && words.any(|w| w.starts_with(char::is_lowercase))
}

/// Most characters a line of wrapped copy holds (Reuters wraps near 70;
/// of its 330,000 lines 9 are longer than 70).
const WRAP_WIDTH: usize = 100;

/// Is `line` longer than any line of wrapped copy ([`WRAP_WIDTH`])?
fn wider_than_wrap(line: &str) -> bool {
    line.len() > WRAP_WIDTH && line.chars().count() > WRAP_WIDTH
}

/// Whether the first line of `text` (up to a line break or the end) is
/// only white space.
fn line_is_blank(text: &str) -> bool {
    for c in text.chars() {
        if c == '\n' {
            return true;
        }
        if !c.is_whitespace() {
            return false;
        }
    }
    true
}

/// The stop at `i` starts a run of stops and closing quotes/brackets
/// ("?!", ".\"", "...)"): returns where the sentence ends if one of the
/// run's stops ends it, and where to look next otherwise (past the run,
/// which is examined once however long it is).
fn stops_end_sentence(text: &str, start: usize, i: usize) -> (Option<usize>, usize) {
    let bytes = text.as_bytes();
    let mut end = i + 1;
    // Repeated stops and closing quotes/brackets belong to this sentence.
    while let Some(c) = text[end..].chars().next() {
        if matches!(c, '.' | '!' | '?' | '"' | '\'' | ')' | ']' | '”' | '’') {
            end += c.len_utf8();
        } else {
            break;
        }
    }
    let rest = &text[end..];
    let after_space = rest.trim_start_matches([' ', '\t', '\r', '\n']);
    if after_space.len() == rest.len() && !rest.is_empty() {
        // "3.5", "U.S.-China": no space after the stop. But a stop between
        // a lower-case letter and a capitalised word ("…told Russian
        // President Putin.Indian Prime Minister …") joins two sentences
        // whose space was lost when the page's paragraphs were run together.
        let glued = i == end - 1 && glued_sentences(text, start, i);
        return (glued.then_some(end), end);
    }
    if after_space.is_empty() {
        return (Some(end), end);
    }
    let Some(next) = after_space.chars().next() else {
        return (None, end);
    };
    let opens = next.is_uppercase() || next.is_ascii_digit() || "\"'“‘(".contains(next);
    if !opens {
        return (None, end);
    }
    // Each stop of the run in turn, as if the sentence ended there: "!"
    // and "?" always end it, a period unless it closes an abbreviation.
    let stops = text[i..end]
        .char_indices()
        .filter(|&(_, c)| matches!(c, '.' | '!' | '?'))
        .map(|(k, _)| i + k);
    for j in stops {
        if bytes[j] != b'.' {
            return (Some(end), end);
        }
        let Some(word) = word_before(text, start, j) else {
            return (Some(end), end); // a long word is no abbreviation
        };
        // "then-U.S.", "pro-U.S.", "ex-Gov.": the part after a hyphen is
        // the acronym or abbreviation the stop belongs to.
        let word = word.rsplit('-').next().unwrap_or(word);
        if is_dotted_acronym(word) {
            let next_word = after_space
                .split(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("");
            if SENTENCE_OPENERS.contains(&next_word) {
                return (Some(end), end);
            }
        } else if !is_abbreviation(word) {
            return (Some(end), end);
        }
    }
    (None, end)
}

/// Does the period at `i`, with no space after it, end one sentence and
/// open the next: a lower-case letter before it, a capitalised word (a
/// capital, then a lower-case letter) right after it, and the word before
/// it no abbreviation ("St.Gobain")? Dotted acronyms ("U.S.") and decimals
/// have no lower-case letter before the stop.
fn glued_sentences(text: &str, start: usize, i: usize) -> bool {
    let bytes = text.as_bytes();
    let lower_before = i > start && bytes[i - 1].is_ascii_lowercase();
    let mut after = text[i + 1..].chars();
    let capitalised = after.next().is_some_and(char::is_uppercase)
        && after.next().is_some_and(char::is_lowercase);
    lower_before
        && capitalised
        && word_before(text, start, i).is_some_and(|w| !w.contains('.') && !is_abbreviation(w))
}

/// The word that ends at byte `i` (exclusive), including inner periods;
/// `None` when it is longer than [`MAX_WORD_BYTES`].
fn word_before(text: &str, start: usize, i: usize) -> Option<&str> {
    let from = floor_char_boundary(text, i.saturating_sub(MAX_WORD_BYTES + 1)).max(start);
    let head = &text[from..i];
    match head.rfind(|c: char| c.is_whitespace() || "\"'“‘(".contains(c)) {
        Some(p) => Some(&head[p + head[p..].chars().next().map_or(1, char::len_utf8)..]),
        None if from == start => Some(head),
        None => None,
    }
}

/// The segmenter as it was before it jumped between marks with `memchr`
/// and looked abbreviations up by key: the reference the fast one must
/// agree with, span for span.
#[cfg(test)]
mod reference {
    // `stops_end_sentence` is shared: it did not change, and the
    // abbreviation look-up it makes has its own differential test.
    use super::{
        floor_char_boundary, push_trimmed, stops_end_sentence, ABBREVIATIONS, MAX_ABBREVIATION_LEN,
    };
    use crate::source::Span;

    /// Is `word` (without its final period) an abbreviation or an initial?
    pub(super) fn is_abbreviation(word: &str) -> bool {
        let bare = word.trim_end_matches('.');
        if bare.chars().count() == 1 && bare.chars().all(char::is_alphabetic) {
            return true;
        }
        // ASCII (nearly always): compare without allocating a lower-case copy,
        // and not at all when longer than every abbreviation.
        if bare.is_ascii() {
            return bare.len() <= MAX_ABBREVIATION_LEN
                && ABBREVIATIONS.iter().any(|a| bare.eq_ignore_ascii_case(a));
        }
        let lower = bare.to_lowercase();
        ABBREVIATIONS.contains(&lower.as_str())
    }

    /// Splits `text[from..]` into trimmed, non-empty sentence spans, each at
    /// most [`MAX_SENTENCE_BYTES`] long.
    pub(super) fn sentences(text: &str, from: usize) -> Vec<Span> {
        let from = floor_char_boundary(text, from);
        let hard_wrapped = is_hard_wrapped(&text[from..]);
        let bytes = text.as_bytes();
        let mut spans = Vec::new();
        let mut start = from;
        let mut i = from;
        while i < bytes.len() {
            let b = bytes[i];
            let (cut, next) = match b {
                b'\n' => (
                    line_break_ends_sentence(text, i, hard_wrapped).then_some(i + 1),
                    i + 1,
                ),
                b'.' | b'!' | b'?' => stops_end_sentence(text, start, i),
                _ => (None, i + 1),
            };
            if let Some(end) = cut {
                push_trimmed(text, start, end, &mut spans);
                start = end;
                i = end;
            } else {
                i = next;
            }
        }
        push_trimmed(text, start, bytes.len(), &mut spans);
        spans
    }

    /// Hard-wrapped text breaks lines inside sentences: many lines continue in
    /// lower case on the next line.
    fn is_hard_wrapped(text: &str) -> bool {
        let mut breaks = 0usize;
        let mut continued = 0usize;
        let mut lines = text.lines().peekable();
        while let Some(line) = lines.next() {
            let Some(next) = lines.peek() else { break };
            if line.trim().is_empty() || next.trim().is_empty() {
                continue;
            }
            breaks += 1;
            let line_ends_open = !line.trim_end().ends_with(['.', '!', '?', ':', '"', '”']);
            let next_lower = next.trim_start().starts_with(|c: char| c.is_lowercase());
            if line_ends_open && next_lower {
                continued += 1;
            }
        }
        breaks >= 3 && continued * 5 >= breaks
    }

    fn line_break_ends_sentence(text: &str, i: usize, hard_wrapped: bool) -> bool {
        let rest = &text[i + 1..];
        let next_line = rest.split('\n').next().unwrap_or("");
        if next_line.trim().is_empty() {
            return true; // blank line
        }
        if !hard_wrapped {
            return !super::name_wraps(text, i) && !super::line_continues(text, i);
        }
        // Newswire: an indented line opens a paragraph.
        next_line.starts_with("  ") || next_line.starts_with('\t')
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        sentences(text, 0)
            .into_iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn a_middle_initial_across_a_line_break_does_not_end_the_sentence() {
        for text in [
            "Acme said Ann L\nLee has been named treasurer.",
            "Acme said the board named John\nE. Poe treasurer.",
        ] {
            assert_eq!(sentences(text, 0).len(), 1, "{text}");
        }
    }

    #[test]
    fn a_lower_case_line_continues_the_sentence() {
        assert_eq!(
            texts("Acme said it named John Roach\nsenior vice president.\nThe post is new."),
            [
                "Acme said it named John Roach\nsenior vice president.",
                "The post is new."
            ]
        );
        // So does a line that ends in a comma, before a capital too.
        assert_eq!(
            texts("The wheat ships in April, Jo Roe,\nUSDA sales manager said."),
            ["The wheat ships in April, Jo Roe,\nUSDA sales manager said."]
        );
        // A line that ends in a stop, or an indented one, still ends it.
        assert_eq!(texts("One line.\nand more").len(), 2);
        assert_eq!(texts("One line,\n  Indented here").len(), 2);
        assert_eq!(texts("Headline\n  then body here").len(), 2);
    }

    #[test]
    fn splits_on_full_stop_before_capital() {
        assert_eq!(texts("One two. Three four."), ["One two.", "Three four."]);
    }

    #[test]
    fn abbreviations_and_initials_do_not_split() {
        assert_eq!(
            texts("Mr. Baker met Gen. J. Smith today. Then left."),
            ["Mr. Baker met Gen. J. Smith today.", "Then left."]
        );
    }

    #[test]
    fn acronym_splits_only_before_sentence_opener() {
        assert_eq!(
            texts("He flew to the U.S. Secretary Blinken met him."),
            ["He flew to the U.S. Secretary Blinken met him."]
        );
        assert_eq!(
            texts("He flew to the U.S. The trip was short."),
            ["He flew to the U.S.", "The trip was short."]
        );
    }

    #[test]
    fn closing_quote_stays_with_sentence() {
        assert_eq!(
            texts("He said \"go.\" Then she left."),
            ["He said \"go.\"", "Then she left."]
        );
    }

    #[test]
    fn blank_lines_separate_headlines() {
        assert_eq!(
            texts("Headline here\n\nBody starts."),
            ["Headline here", "Body starts."]
        );
    }

    #[test]
    fn hard_wrapped_lines_join_until_indent() {
        let text = "The minister said on\nthursday that prices\nwould rise and\nfall again.\n    New paragraph\nhere.";
        assert_eq!(
            texts(text),
            [
                "The minister said on\nthursday that prices\nwould rise and\nfall again.",
                "New paragraph\nhere."
            ]
        );
    }

    #[test]
    fn a_line_break_inside_a_name_does_not_end_the_sentence() {
        // Too short to be recognised as hard-wrapped.
        assert_eq!(
            texts("Talks resume\n\nAs expected, the President Tomas\nFerreira arrived in Lisbon."),
            [
                "Talks resume",
                "As expected, the President Tomas\nFerreira arrived in Lisbon."
            ]
        );
        // Soft-wrapped lines: a headline in capitals, a line ending in a
        // stop, a next line that is indented or lower-case.
        assert_eq!(
            texts("Reagan Names Baker\nBaker said no.\nThen Ann Lee\n  Bob Roe came."),
            [
                "Reagan Names Baker",
                "Baker said no.",
                "Then Ann Lee",
                "Bob Roe came."
            ]
        );
    }

    #[test]
    fn a_headline_line_break_before_a_paragraph_ends_the_sentence() {
        let body =
            "President Jane Roe of Freedonia strolled along the river with the prime minister \
                    before their talks on trade and security.";
        let text = format!("Roe's visit shows a less isolated leader, angering Ruritania\n{body}");
        assert_eq!(
            texts(&text),
            [
                "Roe's visit shows a less isolated leader, angering Ruritania",
                body
            ]
        );
    }

    #[test]
    fn a_stop_glued_to_a_capitalised_word_ends_the_sentence() {
        assert_eq!(
            texts("He told Russian President Putin.Indian officials said no."),
            [
                "He told Russian President Putin.",
                "Indian officials said no."
            ]
        );
        // Acronyms, abbreviations and decimals keep their stops.
        for text in [
            "The U.S.Senate met.",
            "Shares of St.Gobain rose.",
            "It rose 3.5 pct.",
        ] {
            assert_eq!(texts(text), [text]);
        }
        // So does an acronym after a hyphen.
        for text in [
            "He met then-U.S. Defense Secretary Jo Roe.",
            "The pro-U.S. Government fell.",
        ] {
            assert_eq!(texts(text), [text]);
        }
    }

    #[test]
    fn decimal_numbers_do_not_split() {
        assert_eq!(
            texts("It rose 3.5 pct. Next."),
            ["It rose 3.5 pct.", "Next."]
        );
    }

    #[test]
    fn long_runs_of_stops_are_linear_and_keep_their_meaning() {
        assert_eq!(texts("Wow?!?! Then."), ["Wow?!?!", "Then."]);
        assert_eq!(texts("Mr.!! Then."), ["Mr.!!", "Then."]);
        assert_eq!(texts("Mr.. Smith"), ["Mr.. Smith"]);
        // 2 MB of "!" between an abbreviation and a word: examined once.
        for text in [
            format!("Mr.{}x Then.", "!".repeat(2 << 20)),
            "?".repeat(2 << 20),
        ] {
            let started = std::time::Instant::now();
            let spans = sentences(&text, 0);
            assert!(started.elapsed().as_secs() < 5, "{:?}", started.elapsed());
            assert!(spans.iter().all(|s| s.len() <= MAX_SENTENCE_BYTES));
        }
    }

    #[test]
    fn overlong_sentences_are_cut_at_whitespace() {
        let text = "word ".repeat(2000);
        let spans = sentences(&text, 0);
        assert!(spans.len() >= 5);
        for s in &spans {
            assert!(s.len() <= MAX_SENTENCE_BYTES);
            assert!(text[s.start..s.end].starts_with("word"));
            assert!(text[s.start..s.end].ends_with("word"));
        }
        // A giant token is cut on character boundaries.
        let text = "é".repeat(5000);
        let spans = sentences(&text, 0);
        assert_eq!(spans.iter().map(|s| s.len()).sum::<usize>(), text.len());
        for s in spans {
            assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        }
    }

    /// Pieces of text that exercise every rule of the segmenter.
    const PIECES: &[&str] = &[
        "The",
        "minister",
        "said",
        "he",
        "U.S.",
        "Mr.",
        "Gen.",
        "J.",
        "e.g.",
        "Corp",
        "Inc.",
        "gov't",
        "3.5",
        "1,000",
        ".",
        "..",
        "!",
        "?",
        "?!",
        "...",
        "\"",
        "'",
        "(",
        ")",
        "]",
        "”",
        "’",
        "“",
        "‘",
        "é",
        "Élysée",
        "İ",
        "\u{212A}Y.",
        "\u{a0}",
        "\u{2003}",
        " ",
        "  ",
        "\t",
        "\r",
        "\n",
        "\n\n",
        "\n  ",
        "\n\t",
        "Then",
        "but",
        "It",
        "x\0",
        "MESSRS.",
        "approx.",
    ];

    /// Texts of `PIECES` with or without spaces between them, from a
    /// seeded generator so failures reproduce.
    fn piece_texts(count: usize, max_pieces: usize) -> Vec<String> {
        let mut next = crate::text::seeded_picks(0x9E37_79B9_7F4A_7C15u64);
        (0..count)
            .map(|_| {
                let mut text = String::new();
                for _ in 0..next(max_pieces) + 1 {
                    text.push_str(PIECES[next(PIECES.len())]);
                    if next(3) > 0 {
                        text.push(' ');
                    }
                }
                text
            })
            .collect()
    }

    #[test]
    fn agrees_with_the_reference_segmenter() {
        let mut texts = piece_texts(20_000, 40);
        // Hard-wrapped newswire: lines that go on in lower case.
        let wire = "The minister said on\nthursday that prices\nwould rise. Mr. Smith\nand Gen. J. Doe\nagreed.\n  The U.S. Treasury\nsaid so!\n\nNext.";
        texts.push(wire.to_string());
        texts.extend(
            piece_texts(2_000, 30)
                .into_iter()
                .map(|t| format!("{wire}\n{}", t.replace(' ', "\nx "))),
        );
        for text in &texts {
            for from in [0, 1, 7] {
                assert_eq!(
                    sentences(text, from),
                    reference::sentences(text, from),
                    "{text:?} from {from}"
                );
            }
        }
    }

    #[test]
    fn abbreviations_agree_with_the_reference() {
        let mut words: Vec<String> = ABBREVIATIONS
            .iter()
            .flat_map(|a| {
                [
                    a.to_string(),
                    a.to_uppercase(),
                    format!("{a}."),
                    format!("{a}x"),
                ]
            })
            .collect();
        words.extend(PIECES.iter().map(|p| p.to_string()));
        words.extend(
            [
                "", ".", "a", "Z.", "1", "-", "é", "É.", "mr\0", "MR", "Mrs..", "appro", "messrsx",
            ]
            .map(String::from),
        );
        for w in &words {
            assert_eq!(is_abbreviation(w), reference::is_abbreviation(w), "{w:?}");
        }
    }

    #[test]
    fn spans_stay_on_char_boundaries() {
        let text = "Café. Ünïcode… “Quote.” Ok";
        for s in sentences(text, 0) {
            assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        }
    }
}
