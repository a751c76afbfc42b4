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
