//! Sentence-level productions: a person and a title, in the orders news
//! prose uses.
//!
//! ```text
//! premodifier         := title person_name                 Secretary of State Antony Blinken
//! appositive          := person_name "," title end         Daniel Kritenbrink, assistant secretary ..., told
//! reverse_appositive  := title "," person_name end         the top U.S. diplomat ..., Daniel Kritenbrink, travelled
//! end                 := "," | "." | ";" | ":" | ")" | "(" | dash | end of sentence
//! ```

use nom::error::{Error, ErrorKind};

use super::lexicon::{lower, Lexicon};
use super::name::{is_initial, person_name};
use super::title::{title, Context, Role, Title};
use super::token::{Token, TokenKind};
use super::{PResult, Toks};

/// Which production found a claim; reported as the claim's `pattern`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Pattern {
    Premodifier,
    Appositive,
    ReverseAppositive,
}

impl Pattern {
    pub fn as_str(self) -> &'static str {
        match self {
            Pattern::Premodifier => "premodifier",
            Pattern::Appositive => "appositive",
            Pattern::ReverseAppositive => "appositive-reverse",
        }
    }
}

/// A person–title pair straight from the grammar, borrowing the tokens.
#[derive(Debug, Clone)]
pub struct TitleMatch<'t, 'a> {
    pub title: Title<'t, 'a>,
    pub name: Toks<'t, 'a>,
    pub pattern: Pattern,
}

impl TitleMatch<'_, '_> {
    pub fn start(&self) -> usize {
        self.title.start().min(self.name[0].start)
    }

    pub fn end(&self) -> usize {
        self.title.end().max(self.name[self.name.len() - 1].end)
    }
}

fn fail<'t, 'a, O>(input: Toks<'t, 'a>) -> PResult<'t, 'a, O> {
    Err(nom::Err::Error(Error::new(input, ErrorKind::Verify)))
}

/// `end`: punctuation that closes an appositive, or the sentence end.
fn at_end(rest: Toks<'_, '_>) -> bool {
    match rest.first() {
        None => true,
        Some(t) => {
            t.kind == TokenKind::Punct
                && matches!(
                    t.text,
                    "," | "." | ";" | ":" | ")" | "(" | "—" | "–" | "-" | "!" | "?"
                )
        }
    }
}

/// `premodifier`: title then name; a name swallowed by the title's last
/// complement ("of State Antony Blinken") is split back off.
pub fn premodifier<'t, 'a>(
    lx: &Lexicon,
    input: Toks<'t, 'a>,
) -> PResult<'t, 'a, TitleMatch<'t, 'a>> {
    let (rest, t) = title(lx, input, Context::BeforeName)?;
    let trailing = t
        .roles
        .iter()
        .rev()
        .take_while(|r| **r == Role::Complement)
        .count();
    if trailing == 0 {
        let (rest, name) = person_name(lx, rest)?;
        return Ok((
            rest,
            TitleMatch {
                title: t,
                name,
                pattern: Pattern::Premodifier,
            },
        ));
    }
    let comp_start = t.tokens.len() - trailing;
    let Some(k) = name_split(lx, &t.tokens[comp_start..]) else {
        return fail(input);
    };
    let title_len = comp_start + k;
    let (after, name) = person_name(lx, &input[title_len..])?;
    let covers_run = name.len() >= t.tokens.len() - title_len;
    let list_follows = after
        .first()
        .is_some_and(|t| t.text == "and" || t.text == "&");
    if !covers_run && !list_follows {
        return fail(input); // the name does not cover the rest of the run
    }
    let title = Title {
        tokens: &input[..title_len],
        roles: t.roles[..title_len].to_vec(),
    };
    let _ = rest;
    Ok((
        after,
        TitleMatch {
            title,
            name,
            pattern: Pattern::Premodifier,
        },
    ))
}

/// Where a capitalised complement run ends and the name begins: at the
/// first known given name or initial; else the last two words (one when
/// the run has only two).
fn name_split(lx: &Lexicon, run: &[Token<'_>]) -> Option<usize> {
    let m = run.len();
    let given = (1..m).find(|&k| {
        let t = &run[k];
        lx.given_names.contains(lower(t.text).as_ref()) || is_initial(lx, t)
    });
    match (given, m) {
        (Some(k), _) => Some(k),
        (None, m) if m >= 3 => Some(m - 2),
        (None, 2) => Some(1),
        _ => None,
    }
}

/// `appositive`: name, comma, title, end.
pub fn appositive<'t, 'a>(
    lx: &Lexicon,
    input: Toks<'t, 'a>,
) -> PResult<'t, 'a, TitleMatch<'t, 'a>> {
    let (rest, name) = person_name(lx, input)?;
    if !rest.first().is_some_and(|t| t.is_punct(",")) {
        return fail(input);
    }
    let (rest, t) = title(lx, &rest[1..], Context::Appositive)?;
    if !at_end(rest) {
        return fail(input);
    }
    Ok((
        rest,
        TitleMatch {
            title: t,
            name,
            pattern: Pattern::Appositive,
        },
    ))
}

/// `reverse_appositive`: title (with a determiner or owner), comma, name, end
/// or a verb.
pub fn reverse_appositive<'t, 'a>(
    lx: &Lexicon,
    input: Toks<'t, 'a>,
) -> PResult<'t, 'a, TitleMatch<'t, 'a>> {
    let (rest, t) = title(lx, input, Context::Appositive)?;
    let anchored = matches!(
        t.roles.first(),
        Some(Role::Determiner | Role::Owner | Role::Qualifier)
    );
    if !anchored || !rest.first().is_some_and(|t| t.is_punct(",")) {
        return fail(input);
    }
    let (after, name) = person_name(lx, &rest[1..])?;
    let verb_follows = after
        .first()
        .is_some_and(|t| t.is_word() && !t.is_capitalized());
    if !(at_end(after) || verb_follows) {
        return fail(input);
    }
    Ok((
        after,
        TitleMatch {
            title: t,
            name,
            pattern: Pattern::ReverseAppositive,
        },
    ))
}

/// All person–title matches in a sentence's tokens, left to right, without
/// overlaps.
pub fn title_matches<'t, 'a>(lx: &Lexicon, tokens: Toks<'t, 'a>) -> Vec<TitleMatch<'t, 'a>> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let input = &tokens[i..];
        if !may_start_claim(lx, &input[0]) {
            i += 1;
            continue;
        }
        let m = reverse_appositive(lx, input)
            .or_else(|_| premodifier(lx, input))
            .or_else(|_| appositive(lx, input));
        match m {
            Ok((rest, m)) => {
                i = tokens.len() - rest.len();
                found.push(m);
            }
            Err(_) => i += 1,
        }
    }
    found
}

/// Cheap pre-filter: a claim starts with a capitalised word or a word the
/// title lexicon knows.
fn may_start_claim(lx: &Lexicon, t: &Token<'_>) -> bool {
    if !t.is_word() {
        return false;
    }
    if t.is_capitalized() {
        return true;
    }
    let l = lower(t.text);
    matches!(l.as_ref(), "the" | "a" | "an")
        || lx.is_head(&l)
        || lx.modifiers.contains(l.as_ref())
        || lx.rank(&l).is_some()
        || lx.qualifier(&l).is_some()
}

#[cfg(test)]
mod tests {
    use super::super::test_lexicon;
    use super::super::token::tokenize;
    use super::*;

    /// (pattern, title text, name text) of every match in `text`.
    fn matches(text: &str) -> Vec<(&'static str, String, String)> {
        let toks = tokenize(text, 0);
        let lx = test_lexicon();
        title_matches(&lx, &toks)
            .iter()
            .map(|m| {
                let n = m.name;
                (
                    m.pattern.as_str(),
                    text[m.title.value_start()..m.title.end()].to_string(),
                    text[n[0].start..n[n.len() - 1].end].to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn premodifier_splits_name_from_complement() {
        assert_eq!(
            matches("US Under Secretary of State for East Asia Daniel Kritenbrink and others met."),
            [(
                "premodifier",
                "Under Secretary of State for East Asia".into(),
                "Daniel Kritenbrink".into()
            )]
        );
        assert_eq!(
            matches("Secretary of State Antony Blinken is planning a trip."),
            [(
                "premodifier",
                "Secretary of State".into(),
                "Antony Blinken".into()
            )]
        );
    }

    #[test]
    fn premodifier_with_single_word_name() {
        assert_eq!(
            matches("Secretary Blinken will meet them."),
            [("premodifier", "Secretary".into(), "Blinken".into())]
        );
    }

    #[test]
    fn appositive_until_comma() {
        assert_eq!(
            matches("On Wednesday, Daniel Kritenbrink, assistant secretary of state for East Asian and Pacific affairs, told reporters."),
            [(
                "appositive",
                "assistant secretary of state for East Asian and Pacific affairs".into(),
                "Daniel Kritenbrink".into()
            )]
        );
    }

    #[test]
    fn appositive_at_sentence_end() {
        assert_eq!(
            matches("Antony Blinken, US Secretary of State"),
            [(
                "appositive",
                "Secretary of State".into(),
                "Antony Blinken".into()
            )]
        );
    }

    #[test]
    fn reverse_appositive_needs_determiner_or_owner() {
        assert_eq!(
            matches("More recently, the top U.S. diplomat for the Asia-Pacific region, Daniel Kritenbrink, travelled to China."),
            [("appositive-reverse", "top U.S. diplomat for the Asia-Pacific region".into(), "Daniel Kritenbrink".into())]
        );
        assert_eq!(
            matches("Sullivan met with China's top diplomat, Wang Yi, in Vienna."),
            [(
                "appositive-reverse",
                "top diplomat".into(),
                "Wang Yi".into()
            )]
        );
    }

    #[test]
    fn two_appositives_in_a_list() {
        let m = matches("Daniel Kritenbrink, the top state department official for east Asian affairs, and Sarah Beran, the top National Security Council official for China and Taiwan, met.");
        assert_eq!(m.len(), 2);
        assert_eq!(m[1].2, "Sarah Beran");
    }

    #[test]
    fn unnamed_and_plural_roles_are_not_claims() {
        assert!(matches("A Treasury spokesman said analysts expect more.").is_empty());
        assert!(matches("U.S. officials say Blinken expects to go.").is_empty());
    }

    #[test]
    fn owner_person_is_kept_apart() {
        assert_eq!(
            matches("Biden's national security adviser Jake Sullivan met him."),
            [(
                "premodifier",
                "national security adviser".into(),
                "Jake Sullivan".into()
            )]
        );
    }
}
