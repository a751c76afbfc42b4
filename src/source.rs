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
        let mut line_starts = vec![0];
        line_starts.extend(memchr_newlines(text).map(|i| i + 1));
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

fn memchr_newlines(text: &str) -> impl Iterator<Item = usize> + '_ {
    text.bytes()
        .enumerate()
        .filter(|&(_, b)| b == b'\n')
        .map(|(i, _)| i)
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
    pub text: String,
}

impl Located {
    /// Locates `span` in `text` (whose lines `lines` indexes).
    pub fn of(text: &str, lines: &LineIndex, span: Span) -> Located {
        let (line, column) = lines.line_col(text, span.start);
        let (end_line, end_column) = lines.line_col(text, span.end);
        let quote = text.get(span.start..span.end).unwrap_or("");
        Located {
            line,
            column,
            end_line,
            end_column,
            text: one_line(quote),
        }
    }
}

/// Text with line breaks and runs of spaces folded to one space.
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
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
    fn offset_past_end_clamps() {
        let text = "ab";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(text, 99), (1, 3));
    }
}
