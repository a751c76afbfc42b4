//! Remembered [`super::expr`] and holiday results while one phrase is
//! read alone.
//!
//! `full_phrase` tries several readings of the same text (a date phrase,
//! a clock phrase whose segments are dates, a holiday, wrappers around
//! them), and each of them parses an expression at the same positions
//! again: about a fifth of `claimcheck time`'s run. Inside [`within`],
//! results are kept by production and input position (the slice's
//! address and length, unique while the phrase is alive) and handed back
//! on the next call; outside it nothing is kept, so prose scanning over
//! long texts keeps no table. A remembered failure is returned as an `Alt`
//! error at the input: callers only ask whether these productions failed.

use std::cell::{Cell, RefCell};

use nom::error::{Error, ErrorKind};

use super::PResult;
use crate::temporal::ast::Expr;

/// The productions whose results are remembered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Production {
    Expr,
    Holiday,
}

/// One remembered result: the production, the input's address and
/// length, and the length left after the expression with the expression
/// (`None`: no expression).
type Entry = (Production, usize, usize, Option<(usize, Expr)>);

thread_local! {
    static TABLE: RefCell<Option<Vec<Entry>>> = const { RefCell::new(None) };
    /// Whether a scope is open (`TABLE` holds a table): a plain flag with
    /// no destructor, so the prose scanner's many parses outside a scope
    /// ask it with one load rather than reach the table twice.
    static OPEN: Cell<bool> = const { Cell::new(false) };
}

/// Puts the previous table back when a [`within`] scope ends.
struct Scope(Option<Vec<Entry>>);

impl Drop for Scope {
    fn drop(&mut self) {
        let previous = self.0.take();
        OPEN.with(|o| o.set(previous.is_some()));
        TABLE.with(|t| *t.borrow_mut() = previous);
    }
}

/// Runs `read` with a fresh table of `expr` results.
pub(super) fn within<T>(read: impl FnOnce() -> T) -> T {
    let previous = TABLE.with(|t| t.borrow_mut().replace(Vec::new()));
    OPEN.with(|o| o.set(true));
    let _scope = Scope(previous);
    read()
}

fn key(i: &str) -> (usize, usize) {
    (i.as_ptr() as usize, i.len())
}

/// Reads `i` with `parse`, or returns what it gave at `i` before in this
/// scope.
pub(super) fn parse_once<'a>(
    production: Production,
    i: &'a str,
    parse: impl FnOnce(&'a str) -> PResult<'a, Expr>,
) -> PResult<'a, Expr> {
    if !OPEN.with(Cell::get) {
        return parse(i);
    }
    if let Some(known) = recall(production, i) {
        return known;
    }
    let found = parse(i);
    remember(production, i, &found);
    found
}

/// The result remembered for `i`, if a scope is open and has one.
fn recall(production: Production, i: &str) -> Option<PResult<'_, Expr>> {
    let (at, len) = key(i);
    TABLE.with(|t| {
        let table = t.borrow();
        let (_, _, _, found) = table
            .as_ref()?
            .iter()
            .find(|(p, a, l, _)| *p == production && *a == at && *l == len)?;
        Some(match found {
            Some((rest, e)) => Ok((&i[i.len() - rest..], e.clone())),
            None => Err(nom::Err::Error(Error::new(i, ErrorKind::Alt))),
        })
    })
}

/// Keeps `found` for `i` when a scope is open.
fn remember(production: Production, i: &str, found: &PResult<'_, Expr>) {
    let (at, len) = key(i);
    TABLE.with(|t| {
        if let Some(table) = t.borrow_mut().as_mut() {
            let kept = found.as_ref().ok().map(|(r, e)| (r.len(), e.clone()));
            table.push((production, at, len, kept));
        }
    });
}

#[cfg(test)]
mod tests {
    use super::super::expr;
    use super::*;

    const E: Production = Production::Expr;

    #[test]
    fn remembers_only_inside_a_scope() {
        let text = "next tuesday at noon";
        assert!(recall(E, text).is_none());
        let first = expr(text);
        assert!(recall(E, text).is_none(), "nothing kept outside a scope");
        within(|| {
            let parsed = expr(text);
            assert_eq!(parsed, first);
            assert_eq!(recall(E, text), Some(first.clone()));
            // Another production, or another slice of the same text, is
            // another entry.
            assert!(recall(Production::Holiday, text).is_none());
            assert!(recall(E, &text[5..]).is_none());
            let blue = String::from("blue");
            assert!(expr(&blue).is_err());
            assert!(matches!(recall(E, &blue), Some(Err(_))));
        });
        assert!(recall(E, text).is_none(), "the table ends with its scope");
    }
}
