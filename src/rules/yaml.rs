//! The one place that parses YAML.
//!
//! We use serde-saphyr rather than the archived serde_yaml: it is
//! maintained, never panics on malformed input, enforces budgets against
//! alias bombs ("billion laughs") and deep nesting, and — what the rule
//! loader needs — gives every value a location through [`Spanned`], so a
//! problem found after parsing (an unknown office, a bad pattern) points at
//! the exact value, not just the first syntax error. Swapping the parser
//! again is a change to this file (and the `Spanned` alias) only.

use serde::de::DeserializeOwned;

/// A value with the 1-based line and column where it was written.
pub type Spanned<T> = serde_saphyr::Spanned<T>;

/// A YAML problem with its 1-based position when the parser knows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
}

/// Deserializes `text` into `T`.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, YamlError> {
    serde_saphyr::from_str(text).map_err(|e| {
        let loc = e.location();
        YamlError {
            line: loc.map(|l| l.line() as usize),
            column: loc.map(|l| l.column() as usize),
            message: strip_location(&e.to_string()),
        }
    })
}

/// Line and column of a spanned value (1-based).
pub fn position<T>(s: &Spanned<T>) -> (usize, usize) {
    (s.referenced.line() as usize, s.referenced.column() as usize)
}

/// The parser's message without its own location suffix and snippet; we
/// render positions ourselves.
fn strip_location(message: &str) -> String {
    let first = message.lines().next().unwrap_or(message);
    // "error: line 7 column 5: unknown field …" → "unknown field …"
    let first = match first.strip_prefix("error: line ") {
        Some(rest) => rest.split_once(": ").map_or(first, |(_, m)| m),
        None => first,
    };
    let cut = [" at line ", " at line:", " (line "]
        .iter()
        .filter_map(|p| first.find(p))
        .min();
    match cut {
        Some(i) => first[..i].to_string(),
        None => first.to_string(),
    }
}

/// A YAML node with the byte range it was written at: the file as a
/// generic tree, for checks serde cannot make (it stops at the first
/// unknown key; [`super::keys`] finds them all).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    /// Byte offset where the node starts (a key: its first character).
    pub start: usize,
    /// Byte offset just past the node.
    pub end: usize,
    pub kind: NodeKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NodeKind {
    Scalar(String),
    Seq(Vec<Node>),
    /// Entries in file order; `flow` for `{a: 1}` rather than block style.
    Map {
        flow: bool,
        entries: Vec<(Node, Node)>,
    },
    /// `*name`: not expanded (its anchor was walked where it was written).
    Alias,
}

/// Deepest nesting [`tree`] builds; a deeper file is left to the
/// deserializer, whose budget reports it.
const MAX_DEPTH: usize = 64;

/// The first document of `text` as a [`Node`] tree; `None` for a syntax
/// error, an empty file or nesting deeper than [`MAX_DEPTH`] (the
/// deserializer reports those).
pub fn tree(text: &str) -> Option<Node> {
    use serde_saphyr::granit_parser::{Event, Parser, StructureStyle};

    // An open collection: its start, style, children so far, and for a
    // mapping the key waiting for its value.
    struct Open {
        start: usize,
        map: bool,
        flow: bool,
        items: Vec<Node>,
    }
    let mut stack: Vec<Open> = Vec::new();
    let mut root = None;
    for event in Parser::new_from_str(text) {
        let (event, span) = event.ok()?;
        let start = span.start.byte_offset()?;
        let end = span.end.byte_offset()?;
        let node = match event {
            Event::Scalar(value, ..) => Node {
                start,
                end,
                kind: NodeKind::Scalar(value.into_owned()),
            },
            Event::Alias(_) => Node {
                start,
                end,
                kind: NodeKind::Alias,
            },
            Event::SequenceStart(..) | Event::MappingStart(..) => {
                if stack.len() >= MAX_DEPTH {
                    return None;
                }
                let (map, style) = match event {
                    Event::MappingStart(style, ..) => (true, style),
                    Event::SequenceStart(style, ..) => (false, style),
                    _ => continue,
                };
                stack.push(Open {
                    start,
                    map,
                    flow: style == StructureStyle::Flow,
                    items: Vec::new(),
                });
                continue;
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let open = stack.pop()?;
                // A block collection ends with its last item (its end
                // event sits at the next token, maybe the next key).
                let last = open.items.last().map_or(open.start, |n| n.end);
                let end = if open.flow { end.max(last) } else { last };
                let flow = open.flow;
                let kind = match open.map {
                    false => NodeKind::Seq(open.items),
                    true => {
                        let mut entries = Vec::new();
                        let mut items = open.items.into_iter();
                        while let (Some(k), Some(v)) = (items.next(), items.next()) {
                            entries.push((k, v));
                        }
                        NodeKind::Map { flow, entries }
                    }
                };
                Node {
                    start: open.start,
                    end,
                    kind,
                }
            }
            Event::DocumentEnd if root.is_some() => break,
            _ => continue,
        };
        match stack.last_mut() {
            Some(open) => open.items.push(node),
            None => root = Some(node),
        }
    }
    root
}

/// `text` with each byte range blanked: every byte but line breaks becomes
/// a space, so everything else keeps its line, column and byte offset.
/// `{}` is written at each of `empty` (a mapping whose every entry went).
pub fn blank(text: &str, ranges: &[std::ops::Range<usize>], empty: &[usize]) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for r in ranges {
        for b in &mut bytes[r.start.min(text.len())..r.end.min(text.len())] {
            if *b != b'\n' && *b != b'\r' {
                *b = b' ';
            }
        }
    }
    for &at in empty {
        if at + 2 <= bytes.len() {
            bytes[at..at + 2].copy_from_slice(b"{}");
        }
    }
    // Whole UTF-8 characters were replaced (ranges start and end on
    // character boundaries), so this never fails.
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}
