//! Source positions: byte offsets ↔ 1-based line and column.
//!
//! Every claim keeps a byte span into its document's text; reports need
//! `line:column`. Columns count Unicode scalar values (characters), 1-based,
//! so they match what an editor shows for non-ASCII text.

/// Byte offsets of line starts, built once per text.
#[derive(Debug, Clone, Default)]
pub struct LineIndex {
    line_starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        // Counted first (memchr counts with vector instructions) so the
        // vector is allocated once: lines are short, and growing it step by
        // step cost more than the count.
        let lines = 1 + memchr::memchr_iter(b'\n', bytes).count();
        let mut line_starts = Vec::with_capacity(lines);
        line_starts.push(0);
        line_starts.extend(memchr::memchr_iter(b'\n', bytes).map(|i| i + 1));
        LineIndex { line_starts }
    }

    /// 1-based line and character column of `offset` in `text`.
    /// Offsets past the end clamp to the end; offsets inside a character
    /// count as that character.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(text.len());
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let start = self.line_starts[line];
        let column = text
            .get(start..)
            .unwrap_or("")
            .char_indices()
            .take_while(|(i, _)| start + i < offset)
            .count();
        (line + 1, column + 1)
    }
}

impl LineIndex {
    /// [`LineIndex::line_col`] of many offsets in one sweep over the text,
    /// so locating every claim of a long line stays linear.
    pub fn line_cols(&self, text: &str, offsets: &[usize]) -> Vec<(usize, usize)> {
        let bytes = text.as_bytes();
        let mut order: Vec<usize> = (0..offsets.len()).collect();
        order.sort_by_key(|&i| offsets[i]);
        let mut out = vec![(1, 1); offsets.len()];
        // Characters counted from the start of `line` up to `cursor`.
        let (mut line, mut cursor, mut chars) = (usize::MAX, 0, 0);
        for i in order {
            let offset = offsets[i].min(text.len());
            let l = self.line_starts.partition_point(|&s| s <= offset) - 1;
            if l != line {
                (line, cursor, chars) = (l, self.line_starts[l], 0);
            }
            // A character counts when it starts before the offset.
            chars += bytes[cursor..offset]
                .iter()
                .filter(|&&b| b & 0xC0 != 0x80)
                .count();
            cursor = offset;
            out[i] = (line + 1, chars + 1);
        }
        out
    }
}

/// Where a span is, as reports show it. Computed once at extraction, so a
/// report can be built from stored claims without the document's text
/// (`check --claims`, the claims cache).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Located {
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    /// The span's text on one line (runs of white space folded to one space).
    pub text: crate::text::SharedStr,
}

impl Located {
    /// Locates every span in `text` (whose lines `lines` indexes) in one
    /// sweep.
    pub fn all(text: &str, lines: &LineIndex, spans: &[Span]) -> Vec<Located> {
        let offsets: Vec<usize> = spans.iter().flat_map(|s| [s.start, s.end]).collect();
        let positions = lines.line_cols(text, &offsets);
        spans
            .iter()
            .zip(positions.chunks(2))
            .map(|(span, p)| Located {
                line: p[0].0,
                column: p[0].1,
                end_line: p[1].0,
                end_column: p[1].1,
                text: one_line(text.get(span.start..span.end).unwrap_or("")).into(),
            })
            .collect()
    }
}

/// Text with line breaks and runs of spaces folded to one space.
pub fn one_line(text: &str) -> String {
    // Most spans (a name, a title) are already one line: copied as they are.
    if is_one_line(text) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// ASCII text whose only white space is single spaces between words:
/// what [`one_line`] would give back unchanged. Non-ASCII text is not
/// looked at (Unicode has more white space).
fn is_one_line(text: &str) -> bool {
    let bytes = text.as_bytes();
    if bytes.first() == Some(&b' ') || bytes.last() == Some(&b' ') {
        return false;
    }
    let mut after_space = false;
    for &b in bytes {
        match b {
            b' ' if after_space => return false,
            b' ' => after_space = true,
            b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | 0x80.. => return false,
            _ => after_space = false,
        }
    }
    true
}

/// A byte range into one document's text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_cols_agrees_with_line_col() {
        let text = "ab\u{e9}c\nd\u{1F600}ef\n\nxyz";
        let idx = LineIndex::new(text);
        let offsets: Vec<usize> = (0..=text.len() + 2).rev().collect();
        let many = idx.line_cols(text, &offsets);
        for (o, got) in offsets.iter().zip(many) {
            assert_eq!(got, idx.line_col(text, *o), "offset {o}");
        }
    }

    #[test]
    fn every_line_start_is_indexed() {
        let text = "\nab\r\ncd\n\n\u{e9}f\n";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_starts, [0, 1, 5, 8, 9, 13]);
        assert_eq!(LineIndex::new("").line_starts, [0]);
    }

    #[test]
    fn first_character_is_line_one_column_one() {
        let idx = LineIndex::new("abc\ndef");
        assert_eq!(idx.line_col("abc\ndef", 0), (1, 1));
    }

    #[test]
    fn offset_after_newline_starts_next_line() {
        let text = "abc\ndef";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(text, 4), (2, 1));
        assert_eq!(idx.line_col(text, 6), (2, 3));
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "é ab";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(text, 3), (1, 3));
    }

    #[test]
    fn one_line_folds_white_space_as_split_whitespace_does() {
        for text in [
            "",
            " ",
            "a",
            "Jane Roe",
            " Jane Roe",
            "Jane Roe ",
            "Jane  Roe",
            "Jane\nRoe",
            "Jane\r\n Roe",
            "Jane\tRoe",
            "Jane\u{0B}Roe\u{0C}",
            "Jane\u{a0}Roe",
            "Jos\u{e9} Roe",
            "Jane\u{2003}Roe",
        ] {
            let folded = text.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(one_line(text), folded, "{text:?}");
        }
    }

    #[test]
    fn offset_past_end_clamps() {
        let text = "ab";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(text, 99), (1, 3));
    }
}
