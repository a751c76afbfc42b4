//! Sentence-level productions: a person and a title, in the orders news
//! prose uses.
//!
//! ```text
//! premodifier         := title honorific? person_name not_org   Secretary of State Antony Blinken
//! appositive          := person_name ("," | "(") title end      Daniel Kritenbrink, assistant secretary ..., told
//! reverse_appositive  := ("one of")? title ("," | "(") person_name end
//!                                                        the top U.S. diplomat ..., Daniel Kritenbrink, travelled
//! predicate           := person_name "," "who" copula title      Kim, who is also Economic Planning Minister
//!                      | person_name copula? office_verb "as"? title   X was named president, X resigned as chairman
//!                      | office_verb person_name "as"? title     elected Anthony O'Reilly chairman of the board
//!                      | succession_verb person_name "as" title  replaces B as chairman
//! end                 := "," | "." | ";" | ":" | ")" | "(" | dash | end of sentence
//! not_org             := no organisation suffix within the next few capitalised words
//! ```
//!
//! A title before the name is reported as `possessive` when it has an owner
//! ("Indonesia's Mines and Energy Minister Subroto", "its president X"),
//! and a title-comma-name order as `of-phrase` when the title has an
//! "of/for" complement ("chairman of X, Name").
//!
//! A premodified name may also take an appositive ("NATO Secretary
//! General Mark Rutte, a former Dutch prime minister, said"): both are
//! claims. Only a determined title closed by punctuation counts there; a
//! comma after a premodified name as often opens a list of names.

use nom::error::{Error, ErrorKind};

use super::clause::{complement, interpolation_len, origin_len};
use super::lexicon::{bits, Lexicon};
use super::name::{apposed_surname_len, is_initial, person_name};
use super::title::{
    is_adjective, title, title_head, title_with, Context, Opts, Role, Title, TitleHead,
};
use super::token::{Token, TokenKind};
use super::verb_as::verb_as;
use super::{PResult, Toks};

/// Which production found a claim; reported as the claim's `pattern`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Pattern {
    Premodifier,
    Appositive,
    ReverseAppositive,
    Possessive,
    OfPhrase,
    Predicate,
}

impl Pattern {
    pub const ALL: [Pattern; 6] = [
        Pattern::Premodifier,
        Pattern::Appositive,
        Pattern::ReverseAppositive,
        Pattern::Possessive,
        Pattern::OfPhrase,
        Pattern::Predicate,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Pattern::Premodifier => "premodifier",
            Pattern::Appositive => "appositive",
            Pattern::ReverseAppositive => "appositive-reverse",
            Pattern::Possessive => "possessive",
            Pattern::OfPhrase => "of-phrase",
            Pattern::Predicate => "predicate",
        }
    }
}

/// A person–title pair straight from the grammar, borrowing the tokens.
#[derive(Debug, Clone)]
pub struct TitleMatch<'t, 'a> {
    pub title: Title<'t, 'a>,
    pub name: Toks<'t, 'a>,
    pub pattern: Pattern,
    /// A qualifier the construction itself implies ("resigned as" →
    /// former), in addition to the title's own qualifier words.
    pub qualifier: Option<&'static str>,
    /// The construction alone does not show that its one-word subject is
    /// a person ("Simmons is president of Valhi"): extraction keeps the
    /// claim only when the document names that person in full.
    pub loose: bool,
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

/// Adverbs that may stand between an appositive and the reporting verb
/// that closes it: "Robert Ortner, the bank's senior economist, also said".
const REPORT_ADVERBS: &[&str] = &["also", "later", "earlier", "today", "yesterday"];

fn is_report_verb(t: &Token<'_>) -> bool {
    t.is_word() && super::title::REPORT_VERBS.contains(&t.text)
}

/// `end`: punctuation that closes an appositive, or the sentence end, or a
/// reporting verb (an adverb may come before it).
fn at_end(rest: Toks<'_, '_>) -> bool {
    match rest.first() {
        None => true,
        Some(t) if is_report_verb(t) => true,
        Some(t) if is_word_any(t, REPORT_ADVERBS) && rest.get(1).is_some_and(is_report_verb) => {
            true
        }
        Some(t) => {
            t.kind == TokenKind::Punct
                && matches!(
                    t.text,
                    "," | "." | ";" | ":" | ")" | "(" | "—" | "–" | "-" | "!" | "?" | "\"" | "”"
                )
        }
    }
}

/// Honorifics between a title and a name: "Oil Minister Sheikh Ali".
const HONORIFICS: &[&str] = &[
    "mr.", "mr", "mrs.", "mrs", "ms.", "ms", "dr.", "dr", "sheikh", "sir", "dame", "prof.",
];
/// Words before a title that make it a role of a firm in a deal, not a
/// person's post: "lead manager Nomura", "dealer manager Bear Stearns".
const DEAL_ROLES: &[&str] = &[
    "lead",
    "co-lead",
    "joint",
    "dealer",
    "co",
    "book",
    "book-runner",
    "senior",
    "sole",
];
/// How many capitalised words after a name may still close an
/// organisation ("Credit Suisse [First Boston Ltd]").
const ORG_LOOKAHEAD: usize = 4;

fn is_honorific(t: &Token<'_>) -> bool {
    t.is_word() && HONORIFICS.contains(&t.lower().as_ref())
}

/// Does an organisation continue after a "name" (an organisation suffix
/// within a few capitalised words, or "&")? Then the name was a company:
/// "U.S. publisher Harcourt Brace Jovanovich Inc", "Nomura International Ltd".
/// Not when "and" opens a second titled name: "Treasury Secretary James
/// Baker and Federal Reserve Board Chairman Paul Volcker" ([`and_titled_name`]).
fn org_continues(lx: &Lexicon, after: Toks<'_, '_>) -> bool {
    for (k, t) in after.iter().take(ORG_LOOKAHEAD).enumerate() {
        if t.text == "&" || (t.is_word() && lx.has(t, bits::ORG_SUFFIX)) {
            return true;
        }
        if is_word_any(t, &["and"]) && and_titled_name(lx, &after[k + 1..]) {
            return false;
        }
        if !(t.is_capitalized()
            || t.is_all_caps()
            || is_word_any(t, &["a", "de", "di", "et", "and"]))
        {
            return false;
        }
    }
    false
}

/// `and_titled_name := premodifier`, read after the "and" of a
/// coordination of titled names: what follows "and" is a title (its
/// organisation first: "Federal Reserve Board Chairman") and a person, so
/// the capitalised words before "and" end a name, not a company's.
fn and_titled_name(lx: &Lexicon, rest: Toks<'_, '_>) -> bool {
    rest.first().is_some_and(|t| t.is_capitalized()) && premodifier(lx, rest).is_ok()
}

fn is_word_any(t: &Token<'_>, words: &[&str]) -> bool {
    t.is_word() && words.iter().any(|w| t.text.eq_ignore_ascii_case(w))
}

/// A premodifier's pattern: `possessive` when the title has an owner.
fn before_name_pattern(t: &Title<'_, '_>) -> Pattern {
    if t.roles.contains(&Role::Owner) {
        Pattern::Possessive
    } else {
        Pattern::Premodifier
    }
}

/// Occupations a firm may be named by ("dealer Gill and Duffus", "GM's
/// Dealer Equipment service").
const FIRM_OCCUPATIONS: &[&str] = &[
    "dealer",
    "broker",
    "trader",
    "banker",
    "investor",
    "analyst",
    "economist",
    "strategist",
];

/// "London-based dealer Gill and Duffus said": an occupation before a
/// one-word "name" names a firm when a second name joins it with "and"/"&"
/// (one occupation, two people is no reading).
fn firm_after_occupation(t: &Title<'_, '_>, name: Toks<'_, '_>, after: Toks<'_, '_>) -> bool {
    let Some(head) = t.with_role(Role::Head).last() else {
        return false;
    };
    if name.len() != 1 || !is_in(head, FIRM_OCCUPATIONS) {
        return false;
    }
    let joined = after
        .first()
        .is_some_and(|a| a.text == "and" || a.text == "&")
        && after.get(1).is_some_and(Token::is_capitalized);
    joined
}

/// "GM's Dealer Equipment service": an occupation written capitalised
/// inside a sentence, before a one-word "name", is a brand or a unit's
/// name ("Analyst Jane Roe said" opens its sentence).
fn brand_occupation(tokens: Toks<'_, '_>, i: usize, m: &TitleMatch<'_, '_>) -> bool {
    let Some(head) = m.title.with_role(Role::Head).last() else {
        return false;
    };
    // Capitalised inside the sentence, or after other words of the title
    // ("GM Dealer Equipment will ...").
    let inside = i > 0 && !tokens[i - 1].is_punct(".");
    let after_words = head.start > m.title.tokens[0].start;
    m.name.len() == 1
        && matches!(m.pattern, Pattern::Premodifier | Pattern::Possessive)
        && head.is_capitalized()
        && is_in(head, FIRM_OCCUPATIONS)
        && (inside || after_words)
}

/// A bare determiner + head before a single word ("the official Ivorian
/// daily", "the chief White") is not a title on a name.
fn weak_title(t: &Title<'_, '_>, name: Toks<'_, '_>) -> bool {
    name.len() == 1
        && t.roles.first() == Some(&Role::Determiner)
        && t.roles[1..].iter().all(|r| *r == Role::Head)
}

/// `premodifier`: title then name; a name swallowed by the title's last
/// complement ("of State Antony Blinken") is split back off.
pub fn premodifier<'t, 'a>(
    lx: &Lexicon,
    input: Toks<'t, 'a>,
) -> PResult<'t, 'a, TitleMatch<'t, 'a>> {
    let (_, head) = title_head(lx, input, Opts::default())?;
    premodifier_after(lx, input, head)
}

/// [`premodifier`] with the title at `input` parsed up to its complements.
fn premodifier_after<'t, 'a>(
    lx: &Lexicon,
    input: Toks<'t, 'a>,
    head: TitleHead<'t, 'a>,
) -> PResult<'t, 'a, TitleMatch<'t, 'a>> {
    let (rest, t) = head.complete(lx, Context::BeforeName);
    let trailing = t.trailing(Role::Complement);
    if trailing == 0 {
        let rest = if rest.first().is_some_and(is_honorific) {
            &rest[1..]
        } else {
            rest
        };
        let (after, name) = person_name(lx, rest)?;
        if org_continues(lx, after)
            || shouted_abbreviation(&t)
            || weak_title(&t, name)
            || firm_after_occupation(&t, name, after)
        {
            return fail(input);
        }
        let pattern = before_name_pattern(&t);
        return Ok((
            after,
            TitleMatch {
                title: t,
                name,
                pattern,
                qualifier: None,
                loose: false,
            },
        ));
    }
    if let Some(found) = name_after_abbreviation(lx, &t, rest) {
        return Ok(found);
    }
    let mut t = t;
    loop {
        let found = name_in_complement(lx, input, &t);
        // "Secretary of State George Shultz on Monday": the name may end an
        // earlier complement; the last one is then the sentence's.
        let trailing = t.trailing(Role::Complement);
        let prep = t.tokens.len() - trailing - 1;
        let earlier = prep > 0 && t.roles[prep - 1] == Role::Complement;
        // Only a person's name ends the earlier complement: a given name
        // or an initial right before the dropped one ("Director for
        // External Debt Management at the Central Bank" names no one).
        let named = earlier
            && t.tokens[..prep]
                .iter()
                .rev()
                .take(3)
                .any(|w| lx.has(w, bits::GIVEN) || is_initial(lx, w));
        if found.is_ok() || !named {
            return found;
        }
        t = Title {
            tokens: &t.tokens[..prep],
            roles: t.roles[..prep].to_vec(),
        };
    }
}

/// "President of the Japan Chamber of Commerce and Industry (JCCI) Noboru
/// Gotoh called": a title with its employer, the employer's abbreviation
/// in brackets, then the name (issue 17). `rest` follows the title.
fn name_after_abbreviation<'t, 'a>(
    lx: &Lexicon,
    t: &Title<'t, 'a>,
    rest: Toks<'t, 'a>,
) -> Option<(Toks<'t, 'a>, TitleMatch<'t, 'a>)> {
    let [open, abbr, close, more @ ..] = rest else {
        return None;
    };
    if !(open.is_punct("(") && abbr.is_all_caps() && close.is_punct(")")) {
        return None;
    }
    if !names_employer(lx, t) {
        return None;
    }
    let (after, name) = person_name(lx, more).ok()?;
    if name.len() < 2 || org_continues(lx, after) || !at_end(after) && !verb_next(after) {
        return None;
    }
    let pattern = if t.roles.contains(&Role::Owner) {
        Pattern::Possessive
    } else {
        Pattern::OfPhrase
    };
    Some((
        after,
        TitleMatch {
            title: t.clone(),
            name,
            pattern,
            qualifier: None,
            loose: false,
        },
    ))
}

/// Does a lower-case word (a verb) open `rest`?
fn verb_next(rest: Toks<'_, '_>) -> bool {
    rest.first()
        .is_some_and(|t| t.is_word() && !t.is_capitalized())
}

/// [`premodifier_after`] for a title that ends in a capitalised
/// complement: the name is split off the complement's end.
fn name_in_complement<'t, 'a>(
    lx: &Lexicon,
    input: Toks<'t, 'a>,
    t: &Title<'t, 'a>,
) -> PResult<'t, 'a, TitleMatch<'t, 'a>> {
    let trailing = t.trailing(Role::Complement);
    let comp_start = t.tokens.len() - trailing;
    // "a biotech analyst at L.F. Smithson": the words after "at" name the
    // employer, not a person.
    if is_word_any(&t.tokens[comp_start - 1], &["at", "with"]) {
        return fail(input);
    }
    let Some(k) = name_split(lx, &t.tokens[comp_start..]) else {
        return fail(input);
    };
    // "a specialist for the Oklahoma Cooperative Extension": after "the"
    // the run is an organisation's name unless a given name or an initial
    // starts the person's.
    let run = &t.tokens[comp_start..];
    let named = lx.has(&run[k], bits::GIVEN) || is_initial(lx, &run[k]);
    if is_word_any(&run[0], &["the"]) && !named {
        return fail(input);
    }
    // "president of NL Chemicals": one word after an unknown acronym is
    // the rest of a firm's name.
    let acronym = |w: &Token<'_>| w.is_all_caps() && !lx.has(w, bits::ORG) && !is_initial(lx, w);
    if run.len() - k == 1 && k > 0 && acronym(&run[k - 1]) {
        return fail(input);
    }
    if inner_title(lx, &t.tokens[comp_start..comp_start + k]) {
        return fail(input);
    }
    let title_len = comp_start + k;
    let (after, name) = person_name(lx, &input[title_len..])?;
    let covers_run = name.len() >= t.tokens.len() - title_len;
    let list_follows = after
        .first()
        .is_some_and(|t| t.text == "and" || t.text == "&");
    if !covers_run && !list_follows {
        return fail(input); // the name does not cover the rest of the run
    }
    // "a spokeswoman for Teamsters Local 912": a number after the "name"
    // makes it a unit's name.
    if org_continues(lx, after) || after.first().is_some_and(|t| t.kind == TokenKind::Number) {
        return fail(input);
    }
    let title = Title {
        tokens: &input[..title_len],
        roles: t.roles[..title_len].to_vec(),
    };
    let pattern = before_name_pattern(&title);
    Ok((
        after,
        TitleMatch {
            title,
            name,
            pattern,
            qualifier: None,
            loose: false,
        },
    ))
}

/// "Jacques Attali, aide to [President Francois Mitterrand]": an
/// appositive's complement that opens with a title and a name holds a
/// claim of its own.
fn inner_premodifier<'t, 'a>(lx: &Lexicon, m: &TitleMatch<'t, 'a>) -> Option<TitleMatch<'t, 'a>> {
    // "X was chairman of [President Ford]'s Council": a predicate's too.
    if !matches!(m.pattern, Pattern::Appositive | Pattern::Predicate) {
        return None;
    }
    let t = &m.title;
    let at = t.roles.iter().position(|r| *r == Role::Complement)?;
    let skip = inner_title_at(lx, &t.tokens[at..])?;
    let (_, inner) = premodifier(lx, &t.tokens[at + skip..]).ok()?;
    Some(inner)
}

/// "President Roe's national security adviser Tom Poe", "who is
/// President Roe's postmaster general": an owner that is a title and a
/// name holds a claim of its own (issue 17).
fn owner_premodifier<'t, 'a>(lx: &Lexicon, m: &TitleMatch<'t, 'a>) -> Option<TitleMatch<'t, 'a>> {
    owner_premodifier_of(lx, &m.title)
}

/// [`owner_premodifier`] of a title `t`: the premodifier its owner holds.
fn owner_premodifier_of<'t, 'a>(lx: &Lexicon, t: &Title<'t, 'a>) -> Option<TitleMatch<'t, 'a>> {
    let start = t.roles.iter().position(|r| *r == Role::Owner)?;
    let len = t.roles[start..]
        .iter()
        .take_while(|r| **r == Role::Owner)
        .count();
    let owner = &t.tokens[start..start + len];
    let [words @ .., marker] = owner else {
        return None;
    };
    if marker.kind != TokenKind::Possessive || words.len() < 2 {
        return None;
    }
    let (rest, inner) = premodifier(lx, words).ok()?;
    (rest.is_empty() && !firm_holder(lx, &inner)).then_some(inner)
}

/// Longest organisation apposition [`org_apposition_len`] skips, in words.
const MAX_ORG_APPOSITION: usize = 6;

/// "X, who is also chairman of the Federation of Acme Makers [(Fam), a
/// leading business group], will act as chairman": a bracketed
/// abbreviation and an apposition describing the organisation just named,
/// between a clause's office and the subject's verb. Returns the tokens
/// to skip (0 when there is none), leaving the closing comma.
fn org_apposition_len(lx: &Lexicon, rest: Toks<'_, '_>) -> usize {
    let mut n = match rest {
        [open, word, close, ..] if open.is_punct("(") && word.is_word() && close.is_punct(")") => 3,
        // "chairman of the Securities and Exchange Commission, SEC, as":
        // the abbreviation between commas.
        [comma, word, close, ..]
            if comma.is_punct(",")
                && word.is_word()
                && word.text.len() > 1
                && word.is_all_caps()
                && close.is_punct(",") =>
        {
            2
        }
        _ => 0,
    };
    let [comma, det, more @ ..] = &rest[n..] else {
        return n;
    };
    if !(comma.is_punct(",") && is_word_any(det, &["a", "an"])) {
        return n;
    }
    let Some(w) = more
        .iter()
        .take(MAX_ORG_APPOSITION + 1)
        .position(|t| t.is_punct(","))
    else {
        return n;
    };
    // Words that describe an organisation: no verb, clause word or role.
    let plain = more[..w].iter().all(|t| {
        t.is_word()
            && !super::title::is_clause_word(t)
            && !super::title::is_head_token(lx, t)
            && !is_in(t, super::title::REPORT_VERBS)
    });
    if w > 0 && plain {
        n += 2 + w;
    }
    n
}

/// Longest list of names [`listed_roles`] reads.
const MAX_LISTED: usize = 6;

/// `listed_roles` (issue 17): names joined by commas and "and", then ",
/// all" and one role they share, plural: "Ann Lee, Tom Poe and Jo Roe,
/// all well-known promoters of tax shelters" (appositive), "Ann Lee and
/// Tom Poe, all resigned as directors" (predicate, former). One match per
/// name, each from that name to the role's end.
pub fn listed_roles<'t, 'a>(
    lx: &Lexicon,
    input: Toks<'t, 'a>,
) -> Option<(Toks<'t, 'a>, Vec<TitleMatch<'t, 'a>>)> {
    let (mut rest, first) = person_name(lx, input).ok()?;
    let mut names = vec![first];
    let mut joined = false;
    loop {
        let sep = match rest {
            [c, all, more @ ..] if c.is_punct(",") && is_word_any(all, &["all"]) => {
                rest = more;
                break;
            }
            [c, and, ..] if c.is_punct(",") && is_word_any(and, &["and"]) => 2,
            [c, ..] if c.is_punct(",") && !joined => 1,
            [and, ..] if is_word_any(and, &["and"]) && !joined => 1,
            _ => return None,
        };
        joined |= is_word_any(&rest[sep - 1], &["and"]);
        let (after, name) = person_name(lx, &rest[sep..]).ok()?;
        names.push(name);
        rest = after;
        if names.len() > MAX_LISTED {
            return None;
        }
    }
    if !joined {
        return None;
    }
    // "all resigned as directors"
    let (qualifier, pattern, body) = match rest {
        [verb, as_, body @ ..] if is_in(verb, LEAVE_VERBS) && is_word_any(as_, &["as"]) => {
            (Some(leave_qualifier(verb, false)), Pattern::Predicate, body)
        }
        _ => {
            // "all well-known promoters": adjectives describe the people.
            let adjectives = rest
                .iter()
                .take(2)
                .take_while(|t| t.is_word() && is_adjective(&t.lower()))
                .count();
            (None, Pattern::Appositive, &rest[adjectives..])
        }
    };
    let opts = Opts {
        plural: true,
        ..Opts::default()
    };
    let (after, t) = title_with(lx, body, Context::Apposed, opts).ok()?;
    // "all" is said of a role each holds: the head is plural.
    let plural = t
        .with_role(Role::Head)
        .last()
        .is_some_and(|h| !super::title::is_head_token(lx, h));
    if !plural || !at_end(after) {
        return None;
    }
    let matches = names
        .into_iter()
        .map(|name| TitleMatch {
            title: t.clone(),
            name,
            pattern,
            qualifier,
            loose: false,
        })
        .collect();
    Some((after, matches))
}

/// Plural honorifics written as abbreviations ("Sens. A and B"): plural
/// heads the "-s" test of [`Opts::plural`] cannot see.
const PLURAL_ABBREVIATIONS: &[&str] = &["sens.", "reps.", "govs."];

/// "Committee Chairman Sen. William Proxmire", "National Security Adviser
/// Vice Adm. John Poindexter": an abbreviated title (a legislator's or an
/// officer's) right before the name, after a title of its own, is a
/// second title of the name (issue 17). Returns the match split in two:
/// the outer title and the abbreviated one.
fn stacked_titles<'t, 'a>(
    m: &TitleMatch<'t, 'a>,
) -> Option<(TitleMatch<'t, 'a>, TitleMatch<'t, 'a>)> {
    if !matches!(m.pattern, Pattern::Premodifier | Pattern::Possessive) {
        return None;
    }
    let t = &m.title;
    let k = t.roles.len().checked_sub(1)?;
    let head = &t.tokens[k];
    let abbreviated = t.roles[k] == Role::Head
        && head.is_capitalized()
        && (head.text.ends_with('.') || is_in(head, UNDOTTED_ABBREVIATIONS));
    if !abbreviated {
        return None;
    }
    // "Vice Adm.": ranks belong to the abbreviated title.
    let ranks = t.roles[..k]
        .iter()
        .rev()
        .take_while(|r| **r == Role::Rank)
        .count();
    let j = k - ranks;
    // "Lt. Col.", "Maj. Gen.": two abbreviations are one rank.
    if j == 0 || t.roles[j - 1] != Role::Head || t.tokens[j - 1].text.ends_with('.') {
        return None;
    }
    let part = |range: std::ops::Range<usize>, pattern| TitleMatch {
        title: Title {
            tokens: &t.tokens[range.clone()],
            roles: t.roles[range].to_vec(),
        },
        name: m.name,
        pattern,
        qualifier: m.qualifier,
        loose: m.loose,
    };
    Some((part(0..j, m.pattern), part(j..k + 1, Pattern::Premodifier)))
}

/// Legislative abbreviations that wire copy may write without a full stop
/// ("Rep Edward Markey"): read so only when written "Rep", not "REP" or
/// "rep" (a table's label, a sales rep, the Japanese sen).
const UNDOTTED_ABBREVIATIONS: &[&str] = &["sen", "rep", "gov", "sens", "reps", "govs"];

/// Is the title's head an undotted abbreviation not written title-case?
fn shouted_abbreviation(t: &Title<'_, '_>) -> bool {
    t.with_role(Role::Head).last().is_some_and(|h| {
        (!h.is_capitalized() || h.is_all_caps()) && is_in(h, UNDOTTED_ABBREVIATIONS)
    })
}

/// Is the title's head plural: a head word with "-s" or a plural
/// abbreviation?
fn plural_head(lx: &Lexicon, t: &Title<'_, '_>) -> bool {
    t.with_role(Role::Head).last().is_some_and(|h| {
        is_in(h, PLURAL_ABBREVIATIONS)
            || (!super::title::is_head_token(lx, h) && h.text.ends_with(['s', 'S']))
    })
}

/// What may follow a listed name before the next separator: a party label
/// ("(D-Kan.)", ", D-Kan.,") or a home state or town ("of Texas"). Returns
/// its tokens (0 when there is none).
fn listed_name_tail_len(rest: Toks<'_, '_>) -> usize {
    let label = match any_party_label_len(rest) {
        0 => state_label_len(rest),
        n => n,
    };
    if label > 0 {
        return label;
    }
    match rest {
        [of, place, ..] if is_word_any(of, &["of"]) && place.is_capitalized() => {
            let words = rest[1..]
                .iter()
                .take(MAX_PLACE_WORDS)
                .take_while(|t| t.is_word() && t.is_capitalized())
                .count();
            1 + words
        }
        _ => 0,
    }
}

/// `plural_premodifier` (issue 17): one plural title before names joined
/// by commas and "and", each name with its party label or home state:
/// "Republican Sens. Mitch McConnell (Ky.) and Pete Wilson (Calif.)",
/// "Senators Jake Garn of Utah, Richard Shelby of Alabama and ...",
/// "finance ministers Jane Roe and Tom Poe". One premodifier match per
/// name; a single name with a plural title is no reading.
pub fn plural_premodifier<'t, 'a>(
    lx: &Lexicon,
    input: Toks<'t, 'a>,
) -> Option<(Toks<'t, 'a>, Vec<TitleMatch<'t, 'a>>)> {
    let opts = Opts {
        plural: true,
        ..Opts::default()
    };
    let (_, head) = title_head(lx, input, opts).ok()?;
    let (rest, t) = head.complete(lx, Context::BeforeName);
    if t.roles.last() == Some(&Role::Complement) || !plural_head(lx, &t) {
        return None;
    }
    let (mut rest, first) = person_name(lx, rest).ok()?;
    if first.len() < 2 || shouted_abbreviation(&t) {
        return None;
    }
    let mut names = vec![first];
    let mut joined = false;
    while !joined {
        let tail = listed_name_tail_len(rest);
        // A comma party label leaves its closing comma to the separator.
        let after = &rest[tail..];
        let sep = match after {
            [c, and, ..] if c.is_punct(",") && is_word_any(and, &["and"]) => 2,
            [c, ..] if c.is_punct(",") => 1,
            [and, ..] if is_word_any(and, &["and"]) => 1,
            _ => break,
        };
        joined = is_word_any(&after[sep - 1], &["and"]);
        let (next, name) = person_name(lx, &after[sep..]).ok()?;
        // "Sens. Jo Roe and Senate Finance Committee Chairman Tom Poe":
        // a name with a title of its own is read at its own position.
        if name.iter().any(|w| may_be_head(lx, w)) || names.len() >= MAX_LISTED {
            return None;
        }
        // "industry leaders Citibank and Chase Manhattan", "bankers Samuel
        // Montagu and Sons Ltd": one-word names and names an organisation
        // continues are firms.
        if name.len() < 2 || org_continues(lx, next) {
            return None;
        }
        names.push(name);
        rest = next;
    }
    if !joined {
        return None;
    }
    let rest = &rest[listed_name_tail_len(rest)..];
    let matches = names
        .into_iter()
        .map(|name| TitleMatch {
            title: t.clone(),
            name,
            pattern: before_name_pattern(&t),
            qualifier: None,
            loose: false,
        })
        .collect();
    Some((rest, matches))
}

/// "aide to [President Francois Mitterrand]": the name's complement opens
/// with a title of its own, so the name is that title's, not the
/// premodifier's (the inner title is read at its own position).
fn inner_title(lx: &Lexicon, run: &[Token<'_>]) -> bool {
    inner_title_at(lx, run).is_some()
}

/// Where the title inside a complement run starts ("to [Agriculture
/// Secretary] Richard Lyng"): the run holds a head or rank word, and the
/// inner title starts after the preposition and "the".
fn inner_title_at(lx: &Lexicon, run: &[Token<'_>]) -> Option<usize> {
    let has_head = run
        .iter()
        .any(|t| super::title::is_head_token(lx, t) || lx.has(t, bits::RANK));
    let skip = usize::from(run.first().is_some_and(|t| is_word_any(t, &["the"])));
    (has_head && skip < run.len()).then_some(skip)
}

/// Where a capitalised complement run ends and the name begins: at the
/// first known given name or initial; else the last two words (one when
/// the run has only two).
fn name_split(lx: &Lexicon, run: &[Token<'_>]) -> Option<usize> {
    // "of mines and power [Bunu Sheriff Musa]", "of the firm [Gordon Wu]":
    // after lower-case words, every capitalised word is the name's.
    // ("the" alone opens a capitalised run: "the Acme Cooperative Extension".)
    let lower = run.iter().take_while(|t| !t.is_capitalized()).count();
    let the = run.first().is_some_and(|t| is_word_any(t, &["the"]));
    if lower > usize::from(the) {
        return (lower < run.len()).then_some(lower);
    }
    let m = run.len();
    let given = (1..m).find(|&k| {
        let t = &run[k];
        lx.has(t, bits::GIVEN) || is_initial(lx, t)
    });
    match (given, m) {
        (Some(k), _) => Some(k),
        (None, m) if m >= 3 => Some(m - 2),
        (None, 2) => Some(1),
        _ => None,
    }
}

fn opens_apposition(t: Option<&Token<'_>>) -> bool {
    t.is_some_and(|t| t.is_punct(",") || t.is_punct("("))
}

/// `appositive`: name, comma (or bracket), title, end.
pub fn appositive<'t, 'a>(
    lx: &Lexicon,
    input: Toks<'t, 'a>,
) -> PResult<'t, 'a, TitleMatch<'t, 'a>> {
    let (rest, name) = person_name(lx, input)?;
    // "Bill May, chairman of Acme": a month or nationality may close the
    // name before the apposition's comma.
    let tail = apposed_surname_len(lx, name, rest);
    let (rest, name) = (&rest[tail..], &input[..name.len() + tail]);
    // "Rep. Jo Roe, D-Mass, the chairman of ...": the label is no name.
    if is_party_label(name) {
        return fail(input);
    }
    let rest = &rest[age_len(rest)..];
    // "Manaspas Xuto of Thailand, chairman of the conference,": where a
    // full name comes from, before the apposition's comma (issue 17).
    let rest = &rest[apposed_origin_len(name, rest)..];
    // "Rep. Dan Glickman (D-Kan.), chairman of ...": a legislator's party
    // and state before the apposition.
    let rest = &rest[any_party_label_len(rest)..];
    if !opens_apposition(rest.first()) {
        return unpunctuated_appositive(lx, input, name, rest);
    }
    // "X, also managing director of Y", "X, formerly chairman of Y": an
    // adverb opens the title; one of the past makes it former.
    let mut body = &rest[1..];
    // "Acme Marketing, whose chief executive officer, Jo Roe,": the
    // relative owner's office is someone else's.
    if body.first().is_some_and(|t| is_word_any(t, &["whose"])) {
        return fail(input);
    }
    let mut qualifier = None;
    if body.len() > 1 && is_in(&body[0], ADVERBS) && !lx.has(&body[0], bits::QUALIFIER) {
        qualifier = is_in(&body[0], PAST_ADVERBS).then_some("former");
        body = &body[1..];
    }
    // "Jane Roe, livestock analyst for Acme," : a description may open
    // the title without a determiner.
    let opts = Opts {
        opening_description: true,
        ..Opts::default()
    };
    let (rest, t) = title_with(lx, body, Context::Apposed, opts)?;
    let (rest, t) = trailing_field(lx, body, rest, t);
    // "Robert Smith, Senior VP Operations <Syncrude Canada Ltd>": the
    // employer in angle brackets right after the title (issue 17).
    let rest = &rest[bracketed_firm_len(rest)..];
    let (rest, t) = comma_employer(lx, body, rest, t);
    // "Bob Roe, the U.S. attorney in Greensboro, said": where the office
    // is, after it.
    let rest = &rest[place_len(rest)..];
    // "David Peterson, president since 1982, was elected": when the
    // office began, before the closing comma (issue 17).
    let rest = &rest[since_len(rest)..];
    // "Edward Brennan, chairman of Sears Roebuck and Co which reported":
    // a clause after a complement closes the appositive too.
    // "Vo Chi Cong, a technocrat who ranks third", "Regan, the former
    // Treasury secretary who has been ...": a relative pronoun of a person
    // closes any apposed title (issue 17); the clause says more about the
    // same person.
    let relative = rest
        .first()
        .is_some_and(|t| is_word_any(t, &["who", "whose"]));
    let clause = relative
        || t.roles.last() == Some(&Role::Complement)
            && rest.first().is_some_and(super::title::is_clause_word);
    // "X, chairman of Acme, [and Jo Roe, ...]": a list of apposed names.
    let listed = rest.first().is_some_and(|t| is_word_any(t, &["and"]))
        && super::title::apposed_person_follows(lx, &rest[1..]);
    if !(at_end(rest) || clause || listed || second_role_at(lx, rest)) {
        return fail(input);
    }
    // "in Sao Paulo, a union spokesman said": a reporting verb closes an
    // appositive only after a complement that lost its comma.
    // A title that names its organisation without a determiner ("Red
    // Cavaney, American Paper Institute president said") is no place.
    let verb_end = rest.first().is_some_and(Token::is_word);
    let named_org = t.roles.first() != Some(&Role::Determiner) && t.roles.contains(&Role::Org);
    if verb_end
        && !relative
        && !t.roles.contains(&Role::Complement)
        && !named_org
        && !given_subject(lx, name, &t)
    {
        return fail(input);
    }
    Ok((
        rest,
        TitleMatch {
            title: t,
            name,
            pattern: Pattern::Appositive,
            qualifier,
            loose: false,
        },
    ))
}

/// "Paul E. Lego, senior executive vice president told the analysts": a
/// reporting verb also closes a determiner-less appositive that lost its
/// comma when the subject is a full name that opens with a given name or
/// an initial (a place before "a union spokesman said" is no such name,
/// and takes a determiner). A name the lexicon does not know counts when
/// the title joins two offices ("Burnell Roberts, chairman and chief
/// executive officer said", issue 17): no place holds two.
fn given_subject(lx: &Lexicon, name: Toks<'_, '_>, t: &Title<'_, '_>) -> bool {
    let known = lx.has(&name[0], bits::GIVEN) || is_initial(lx, &name[0]);
    let two_offices = t.roles.contains(&Role::Conjunction);
    let full = name.len() > 1 && (known || two_offices);
    full && t.roles.first() != Some(&Role::Determiner) && !t.tokens[0].is_capitalized()
}

/// Longest unit of a firm [`comma_employer`] reads, in words.
const MAX_UNIT_WORDS: usize = 6;
/// Longest firm's name [`comma_employer`] reads, in tokens.
const MAX_FIRM_TOKENS: usize = 6;

/// `employer := "," (unit ",")? firm end` after an apposed office that
/// names none, as company lists write it: "Gordon Roe, VP and general
/// manager, oil sands and coal department, Acme Resources Canada Ltd
/// said" (issue 17). The unit is lower-case words; the firm capitalised
/// words that end in an organisation's suffix. The employer's tokens
/// (commas too) become the title's trailing organisation, which is no
/// part of its value. `t` was parsed from `body`; returns the rest and the
/// title, or both as they were.
fn comma_employer<'t, 'a>(
    lx: &Lexicon,
    body: Toks<'t, 'a>,
    rest: Toks<'t, 'a>,
    t: Title<'t, 'a>,
) -> (Toks<'t, 'a>, Title<'t, 'a>) {
    let named = t
        .roles
        .iter()
        .any(|r| matches!(r, Role::Org | Role::Owner | Role::Complement));
    if named || !rest.first().is_some_and(|c| c.is_punct(",")) {
        return (rest, t);
    }
    let unit_word = |w: &Token<'_>| {
        w.is_word()
            && !w.is_capitalized()
            && !super::title::is_clause_word(w)
            && !is_report_verb(w)
            && !is_in(w, &["a", "an", "the"])
    };
    let unit = rest[1..]
        .iter()
        .take(MAX_UNIT_WORDS + 1)
        .take_while(|w| unit_word(w))
        .count();
    let firm_at = match unit {
        0 => 1,
        n if n <= MAX_UNIT_WORDS && rest.get(1 + n).is_some_and(|c| c.is_punct(",")) => n + 2,
        _ => return (rest, t),
    };
    let firm_word = |w: &Token<'_>| {
        w.is_capitalized() || is_initial(lx, w) || w.text == "&" || is_in(w, &["and"])
    };
    let firm = rest[firm_at..]
        .iter()
        .take(MAX_FIRM_TOKENS + 1)
        .take_while(|w| (w.is_word() && firm_word(w)) || w.text == "&")
        .count();
    let suffixed = firm > 0
        && firm <= MAX_FIRM_TOKENS
        && rest[firm_at + firm - 1].is_word()
        && lx.has(&rest[firm_at + firm - 1], bits::ORG_SUFFIX);
    let end = firm_at + firm;
    if !suffixed || !at_end(&rest[end..]) {
        return (rest, t);
    }
    (&rest[end..], t.grown(body, end, Role::Org))
}

/// Longest firm's name [`bracketed_firm_len`] reads, in tokens.
const MAX_BRACKETED_FIRM: usize = 8;

/// `firm := "<" Capitalised (word | "&" | ".")* ">"`: a firm's name in the
/// angle brackets of wire copy ("<Syncrude Canada Ltd>"). Returns its
/// tokens with the brackets (0 when there is none).
fn bracketed_firm_len(rest: Toks<'_, '_>) -> usize {
    let [open, first, ..] = rest else {
        return 0;
    };
    if !open.is_punct("<") || !first.is_capitalized() {
        return 0;
    }
    let inner = rest[1..]
        .iter()
        .take(MAX_BRACKETED_FIRM + 1)
        .take_while(|t| t.is_word() || matches!(t.text, "&" | "." | "'" | "-" | "'s"))
        .count();
    let closed = rest.get(1 + inner).is_some_and(|t| t.is_punct(">"));
    if (1..=MAX_BRACKETED_FIRM).contains(&inner) && closed {
        inner + 2
    } else {
        0
    }
}

/// Longest field [`trailing_field`] reads after a head, in words.
const MAX_TRAILING_FIELD: usize = 2;

/// `field := modifier{1,2}` after an apposed title's head, closed by
/// punctuation or a bracketed firm: "Robert Smith, Senior VP Operations
/// <Syncrude Canada Ltd>", "Gary Hunt, vice president sales," (issue 17).
/// Company lists write the field after the office; the words are the
/// portfolio's. `t` was parsed from `body`; returns the rest and the title
/// with the field, or both as they were.
fn trailing_field<'t, 'a>(
    lx: &Lexicon,
    body: Toks<'t, 'a>,
    rest: Toks<'t, 'a>,
    t: Title<'t, 'a>,
) -> (Toks<'t, 'a>, Title<'t, 'a>) {
    if t.roles.last() != Some(&Role::Head) {
        return (rest, t);
    }
    // "a Los Angeles investor group": a firm's noun names no field.
    let field = |w: &Token<'_>| {
        w.is_word()
            && lx.has(w, bits::MODIFIER)
            && !lx.has_any(w, bits::HEAD | bits::RANK | bits::ORG | bits::ORG_SUFFIX)
    };
    let n = rest
        .iter()
        .take(MAX_TRAILING_FIELD + 1)
        .take_while(|w| field(w))
        .count();
    // The firm may follow in angle brackets: "<Syncrude Canada Ltd>".
    let closed = rest
        .get(n)
        .is_none_or(|w| w.kind == TokenKind::Punct && (at_end(&rest[n..]) || w.is_punct("<")));
    if n == 0 || n > MAX_TRAILING_FIELD || !closed {
        return (rest, t);
    }
    (&rest[n..], t.grown(body, n, Role::Modifier))
}

/// `origin := "of" Capitalised{1,3}` between a full name and the comma of
/// its apposition ("Manaspas Xuto of Thailand, chairman of ..."): where
/// the person comes from ([`origin_len`]). Returns its tokens when a
/// comma follows, else 0. A one-word "name" is as often a body ("Province
/// of Quebec, ...") and takes none.
fn apposed_origin_len(name: Toks<'_, '_>, rest: Toks<'_, '_>) -> usize {
    if name.len() < 2 {
        return 0;
    }
    let n = origin_len(rest);
    if n > 0 && rest.get(n).is_some_and(|t| t.is_punct(",")) {
        n
    } else {
        0
    }
}

/// `since := "since" month? day? ","? year | "since" month`: when an
/// apposed office began ("president since 1982", "chairman since March
/// 1985"). Returns its tokens when punctuation closes it, else 0.
fn since_len(rest: Toks<'_, '_>) -> usize {
    if !rest.first().is_some_and(|t| is_word_any(t, &["since"])) {
        return 0;
    }
    let mut n = 1;
    if rest.get(n).is_some_and(super::title::is_date_word) {
        n += 1;
    }
    if rest.get(n).is_some_and(is_year) {
        n += 1;
    }
    if n == 1 || !at_end(&rest[n..]) {
        return 0;
    }
    n
}

/// A four-digit year from 1900 to 2099.
fn is_year(t: &Token<'_>) -> bool {
    t.kind == TokenKind::Number
        && t.text.len() == 4
        && (t.text.starts_with("19") || t.text.starts_with("20"))
}

/// Longest party label [`party_label_len`] reads, in tokens between the brackets.
const MAX_PARTY_LABEL: usize = 6;

/// "(D-Kan.)", "(R-N.Y.)", "(D-ND)": a legislator's party letter, a
/// hyphen and a state, in brackets right after the name. Returns its
/// tokens (0 when there is none).
fn party_label_len(rest: Toks<'_, '_>) -> usize {
    if !rest.first().is_some_and(|t| t.is_punct("(")) {
        return 0;
    }
    let Some(close) = rest
        .iter()
        .take(MAX_PARTY_LABEL + 2)
        .position(|t| t.is_punct(")"))
    else {
        return 0;
    };
    let inner = &rest[1..close];
    // Written without spaces: each token starts where the one before ends.
    let tight = inner.windows(2).all(|w| w[0].end == w[1].start);
    if close > 1 && tight && is_party_label(inner) {
        close + 1
    } else {
        0
    }
}

/// Do `inner`'s tokens, joined, spell a party letter, a hyphen and a
/// state ("D-Kan.", "R-N.Y.", "D-ND")?
fn is_party_label(inner: Toks<'_, '_>) -> bool {
    let text: String = inner.iter().map(|t| t.text).collect();
    match text.split_once('-') {
        Some((party, state)) => {
            matches!(party, "D" | "R" | "I")
                && state.len() >= 2
                && state.starts_with(|c: char| c.is_ascii_uppercase())
                && state.chars().all(|c| c.is_ascii_alphabetic() || c == '.')
        }
        None => false,
    }
}

/// "Rep. Edward Markey, D-Mass, the chairman of ...", "John Dingell, D-
/// Mich., chairman of ...": the party label written between commas, as
/// wire copy does (issue 17). Only a tag closed by a second comma; a space
/// may follow the hyphen. Returns the tokens to skip (the comma and the
/// tag), leaving the closing comma, as [`age_len`] does.
fn comma_party_label_len(rest: Toks<'_, '_>) -> usize {
    if !rest.first().is_some_and(|t| t.is_punct(",")) {
        return 0;
    }
    let Some(close) = rest
        .iter()
        .skip(1)
        .take(MAX_PARTY_LABEL + 1)
        .position(|t| t.is_punct(","))
        .map(|k| k + 1)
    else {
        return 0;
    };
    let inner = &rest[1..close];
    // One piece, no gap but after the hyphen: "D-Mass", "D- Mich.".
    let joined = inner
        .windows(2)
        .all(|w| w[0].end == w[1].start || w[0].text == "-");
    if close > 1 && joined && is_party_label(inner) {
        close
    } else {
        0
    }
}

/// A party label in brackets or between commas after a name: tokens to
/// skip ([`party_label_len`], [`comma_party_label_len`]).
fn any_party_label_len(rest: Toks<'_, '_>) -> usize {
    match party_label_len(rest) {
        0 => comma_party_label_len(rest),
        n => n,
    }
}

/// "(Ky.)", "(N.Y.)", "(Calif)": a legislator's state alone in brackets
/// after the name, written without spaces. Returns its tokens (0 when
/// there is none).
fn state_label_len(rest: Toks<'_, '_>) -> usize {
    let [open, first, ..] = rest else {
        return 0;
    };
    if !open.is_punct("(") || !first.is_capitalized() {
        return 0;
    }
    let Some(close) = rest
        .iter()
        .take(MAX_PARTY_LABEL + 2)
        .position(|t| t.is_punct(")"))
    else {
        return 0;
    };
    let inner = &rest[1..close];
    let tight = inner.windows(2).all(|w| w[0].end == w[1].start);
    let text: String = inner.iter().map(|t| t.text).collect();
    let short = (2..=8).contains(&text.len());
    if tight && short && text.chars().all(|c| c.is_ascii_alphabetic() || c == '.') {
        close + 1
    } else {
        0
    }
}

/// Longest place name [`place_len`] reads, in words.
const MAX_PLACE_WORDS: usize = 3;

/// "in Greensboro", "in New York": "in" and capitalised words (not a
/// month or weekday) closed like an appositive. Returns its tokens (0 when
/// there is none).
fn place_len(rest: Toks<'_, '_>) -> usize {
    if !rest.first().is_some_and(|t| is_word_any(t, &["in"])) {
        return 0;
    }
    let words = rest[1..]
        .iter()
        .take(MAX_PLACE_WORDS)
        .take_while(|t| t.is_word() && t.is_capitalized() && !super::title::is_date_word(t))
        .count();
    if words == 0 || !at_end(&rest[1 + words..]) {
        return 0;
    }
    1 + words
}

/// "John Smith, 52, was named president": an age between commas after a
/// name. Returns the tokens to skip (the comma and the age), leaving the
/// closing comma.
fn age_len(rest: Toks<'_, '_>) -> usize {
    match rest {
        [open, age, close, ..]
            if open.is_punct(",")
                && close.is_punct(",")
                && age.text.len() == 2
                && age.text.bytes().all(|b| b.is_ascii_digit()) =>
        {
            2
        }
        _ => 0,
    }
}

/// `appositive` without its comma (issue 17): "Mike Boswell chairman of
/// Sunrise Mining Co told Reuters". Only a full name, then a lower-case
/// head with an employer ("of/at ORG"), closed like an appositive.
fn unpunctuated_appositive<'t, 'a>(
    lx: &Lexicon,
    input: Toks<'t, 'a>,
    name: Toks<'t, 'a>,
    rest: Toks<'t, 'a>,
) -> PResult<'t, 'a, TitleMatch<'t, 'a>> {
    let opens = rest
        .first()
        .is_some_and(|t| !t.is_capitalized() && super::title::is_head_token(lx, t));
    if !opens || name.len() < 2 {
        return fail(input);
    }
    let (after, t) = title(lx, rest, Context::Apposed)?;
    if !(names_employer(lx, &t) && at_end(after)) {
        return fail(input);
    }
    Ok((
        after,
        TitleMatch {
            title: t,
            name,
            pattern: Pattern::Appositive,
            qualifier: None,
            loose: false,
        },
    ))
}

/// `reverse_appositive`: title (with a determiner, owner or qualifier, or
/// after "one of"), comma, name, end or a verb. With an owner the pattern
/// is `possessive`; with an "of/for" complement, `of-phrase`.
pub fn reverse_appositive<'t, 'a>(
    lx: &Lexicon,
    input: Toks<'t, 'a>,
) -> PResult<'t, 'a, TitleMatch<'t, 'a>> {
    reverse_appositive_after(lx, input, Start::Inside, || {
        title_head(lx, input, Opts::default()).ok().map(|(_, h)| h)
    })
}

/// Where a title-first claim starts in its sentence: what may open a
/// reverse appositive with no determiner ([`reverse_appositive_after`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Start {
    /// The sentence's first word.
    Opening,
    /// After a comma, semicolon, colon or "and": a new clause or list item.
    Clause,
    /// Anywhere else.
    Inside,
}

impl Start {
    /// The start of the claim at `tokens[i]`.
    fn at(tokens: Toks<'_, '_>, i: usize) -> Start {
        match i.checked_sub(1).map(|p| &tokens[p]) {
            None => Start::Opening,
            Some(t) if t.is_punct(",") || t.is_punct(";") || t.is_punct(":") => Start::Clause,
            Some(t) if is_word_any(t, &["and"]) => Start::Clause,
            Some(_) => Start::Inside,
        }
    }
}

/// `org_role := (org | modifier) modifier* head`, its first word
/// capitalised and its heads lower-case: "Innovex president", "Council
/// chairman", "Labour minister", "Wedd financial analyst". A role its
/// organisation or portfolio opens needs no determiner before ", Name":
/// a capitalised head ("Secretary of State George Shultz and ..., Clark")
/// is as often a list of titled names, so it does not count here.
fn org_role(t: &Title<'_, '_>) -> bool {
    matches!(t.roles.first(), Some(Role::Org | Role::Modifier))
        && t.tokens[0].is_capitalized()
        && t.with_role(Role::Head).all(|h| !h.is_capitalized())
}

/// [`reverse_appositive`], taking the title at `input` (up to its
/// complements) from `head_at_input`, called only when the title starts
/// there (not after "one of").
fn reverse_appositive_after<'t, 'a>(
    lx: &Lexicon,
    input: Toks<'t, 'a>,
    start: Start,
    head_at_input: impl FnOnce() -> Option<TitleHead<'t, 'a>>,
) -> PResult<'t, 'a, TitleMatch<'t, 'a>> {
    let one_of =
        input.len() > 2 && is_word_any(&input[0], &["one"]) && is_word_any(&input[1], &["of"]);
    let (rest, t) = if one_of {
        title_with(
            lx,
            &input[2..],
            Context::Apposed,
            Opts {
                plural: true,
                ..Opts::default()
            },
        )?
    } else {
        match head_at_input() {
            Some(head) => head.complete(lx, Context::Apposed),
            None => return fail(input),
        }
    };
    // "Head of the Chamber of Commerce's credit section, Hans Meyer,
    // said": a capitalised head with an employer needs no determiner at
    // the sentence's opening (elsewhere it is as often a list of titled
    // names: "Secretary of State George Shultz and ..., Clark").
    // So does one that opens with its organisation or a modifier ("Federal
    // member of parliament for the region, Jean Roe, said").
    let opening = start == Start::Opening;
    let employer_head = opening
        && matches!(
            t.roles.first(),
            Some(Role::Head | Role::Org | Role::Modifier)
        )
        && t.tokens[0].is_capitalized()
        && names_employer(lx, &t);
    // "Innovex president, Thomas Haley, said", "..., and Wedd financial
    // analyst, Peter Morgan, said" (issue 17): a role its organisation
    // opens, at a clause's start.
    let org_first = start != Start::Inside && !one_of && org_role(&t);
    let anchored = one_of
        || employer_head
        || org_first
        || matches!(
            t.roles.first(),
            Some(Role::Determiner | Role::Owner | Role::Qualifier)
        );
    let rest = &rest[abbreviation_len(rest)..];
    // "An aide to Sen. James Exon (D-Neb.) said": a party label in
    // brackets follows a legislator's name inside the title; it names
    // no one.
    if !anchored || !opens_apposition(rest.first()) || party_label_len(rest) > 0 {
        return fail(input);
    }
    let rest = if rest.get(1).is_some_and(is_honorific) {
        &rest[1..]
    } else {
        rest
    };
    let (after, name) = match person_name(lx, &rest[1..]) {
        Ok(found) => found,
        Err(e) => short_titled_name(lx, &rest[1..]).ok_or(e)?,
    };
    let verb_follows = after
        .first()
        .is_some_and(|t| t.is_word() && !t.is_capitalized());
    if !(at_end(after) || verb_follows) || org_continues(lx, after) {
        return fail(input);
    }
    // "Chemical is the company's lead banker on the loan, Hemminghaus
    // said": a surname a reporting verb follows with no comma is the
    // sentence's source (named in full before), not the title's holder
    // ("their spokesman, Hans Schmahl said" names him in full).
    if name.len() == 1
        && after
            .first()
            .is_some_and(|t| is_in(t, super::title::REPORT_VERBS))
    {
        return fail(input);
    }
    let of_phrase = names_employer(lx, &t);
    let pattern = if t.roles.contains(&Role::Owner) {
        Pattern::Possessive
    } else if of_phrase {
        Pattern::OfPhrase
    } else {
        Pattern::ReverseAppositive
    };
    Ok((
        after,
        TitleMatch {
            title: t,
            name,
            pattern,
            qualifier: None,
            loose: false,
        },
    ))
}

/// "Trade Subcommittee chairman, Rep. Sam Gibbons, said", "its chairman,
/// Sen Lawton Chiles, said": the name after a reverse appositive's comma
/// may carry a short title of its own (one or two capitalised words, no
/// determiner or owner), which [`apposed_premodifier`] reports. Returns
/// the rest after the name and the name.
fn short_titled_name<'t, 'a>(
    lx: &Lexicon,
    input: Toks<'t, 'a>,
) -> Option<(Toks<'t, 'a>, Toks<'t, 'a>)> {
    let (after, p) = premodifier(lx, input).ok()?;
    let t = &p.title;
    let short = p.pattern == Pattern::Premodifier
        && t.tokens.len() <= 2
        && t.tokens.iter().all(|w| w.is_capitalized());
    short.then_some((after, p.name))
}

/// The premodifier of a title-first match's name read by
/// [`short_titled_name`]: "chairman, [Rep. Sam Gibbons]".
fn apposed_premodifier<'t, 'a>(
    lx: &Lexicon,
    tokens: Toks<'t, 'a>,
    m: &TitleMatch<'t, 'a>,
) -> Option<TitleMatch<'t, 'a>> {
    let title_first = matches!(
        m.pattern,
        Pattern::ReverseAppositive | Pattern::Possessive | Pattern::OfPhrase
    );
    let first = m.name.first()?;
    if !title_first {
        return None;
    }
    let name_at = tokens.iter().position(|t| t.start == first.start)?;
    let comma = tokens[..name_at].iter().rposition(|t| t.is_punct(","))?;
    // The comma closes the match's own title ("prices, its president Jo
    // Roe said" has none: the premodifier is the match itself).
    let title_last = m.title.tokens.last()?.start;
    let apposed = tokens[comma..name_at].iter().all(|t| t.start > title_last)
        && tokens[..comma].iter().any(|t| t.start == title_last);
    if !apposed || !(2..=3).contains(&(name_at - comma)) {
        return None;
    }
    let (_, p) = premodifier(lx, &tokens[comma + 1..]).ok()?;
    (p.name.first().map(|t| t.start) == Some(first.start)).then_some(p)
}

/// "the director of the bank's Foreign Trade Department (Cacex), Roberto
/// Fendt": one capitalised word in brackets after a title, then a comma,
/// abbreviates the organisation; the name follows the comma. Returns the
/// bracket's tokens (0 when there is none).
fn abbreviation_len(rest: Toks<'_, '_>) -> usize {
    match rest {
        [open, word, close, comma, ..]
            if open.is_punct("(")
                && word.is_word()
                && word.is_capitalized()
                && close.is_punct(")")
                && comma.is_punct(",") =>
        {
            3
        }
        _ => 0,
    }
}

/// Does the title have an "of/at ORG" complement, or a "for" complement
/// naming an organisation ("a spokesman for the National Federation of
/// Banks"), rather than a domain ("for the Asia-Pacific region")?
fn names_employer(lx: &Lexicon, t: &Title<'_, '_>) -> bool {
    let mut i = 0;
    while i < t.roles.len() {
        // "in charge of finance": a remit names no employer.
        let remit = t.roles[i..].starts_with(&[Role::Preposition, Role::Preposition]);
        if remit {
            i += t.roles[i..]
                .iter()
                .take_while(|r| **r == Role::Preposition)
                .count();
            continue;
        }
        if t.roles[i] == Role::Preposition {
            let prep = &t.tokens[i];
            let body = t.tokens[i + 1..]
                .iter()
                .zip(&t.roles[i + 1..])
                .take_while(|(_, r)| **r == Role::Complement);
            let has_org = body
                .clone()
                .any(|(w, _)| w.is_word() && lx.has_any(w, bits::ORG_SUFFIX | bits::ORG));
            if is_word_any(prep, &["of", "at"]) || (is_word_any(prep, &["for", "with"]) && has_org)
            {
                return true;
            }
        }
        i += 1;
    }
    false
}

/// Copulas of `predicate` (with an optional "also", "now"...).
const COPULAS: &[&str] = &[
    "is", "was", "becomes", "became", "become", "remains", "remained", "remain", "stays", "stayed",
    "stay", "be", "been", "has", "had", "will", "would", "to",
];
const PASSIVE: &[&str] = &["is", "was", "be", "been", "were", "being"];
const ADVERBS: &[&str] = &[
    "also",
    "now",
    "currently",
    "still",
    "formerly",
    "previously",
    "already",
    "once",
    "recently",
    "subsequently",
    "later",
    "formally",
];
/// Verbs that take "to" and the verb of office after them: "X has agreed
/// to remain as chief executive", "X is expected to be named president"
/// (issue 17). Skipped like an adverb; the verb after "to" decides.
const TO_VERBS: &[&str] = &[
    "agreed", "agrees", "agree", "expected", "decided", "decides", "plans", "planned", "intends",
    "intended",
];

/// Adverbs that put the office in the past: "X, who was once foreign
/// minister," (issue 17).
const PAST_ADVERBS: &[&str] = &["formerly", "previously", "once"];
/// Copula-like verbs that state an office right after a name, without a
/// relative clause: "X remains chief executive", "X became finance
/// minister in 2019".
const STATE_VERBS: &[&str] = &[
    "remains", "remained", "remain", "stays", "stayed", "became", "becomes", "become",
];
/// Verbs + "over as" that put a person in an office: "X takes over as
/// chief financial officer" (new).
const TAKE_VERBS: &[&str] = &["takes", "took", "take", "taking", "taken"];
/// Verbs + "as" that keep a person in an office: "X will continue as
/// chairman", "X serves as treasurer" ("served" alone is past).
const SERVE_VERBS: &[&str] = &[
    "continue",
    "continues",
    "continued",
    "continuing",
    "serve",
    "serves",
    "served",
    "serving",
];
/// Nouns of a change of office after a possessive or before "of NAME",
/// with the qualifier each gives the office: "X's nomination as
/// ambassador" (designate), "the appointment of X as chairman" (new).
const CHANGE_NOUNS: &[(&str, &str)] = &[
    ("nomination", "designate"),
    ("appointment", "new"),
    ("election", "new"),
    ("promotion", "new"),
    ("selection", "new"),
    ("resignation", "former"),
    ("retirement", "outgoing"),
];
/// Nouns of a post: "named to the added post of chief executive".
pub(super) const POST_NOUNS: &[&str] = &[
    "post",
    "position",
    "job",
    "office",
    "role",
    "posts",
    "positions",
    "title",
    "titles",
    "duties",
    "responsibilities",
];

/// "to the (newly created) post of T": the words before the office, to
/// skip. At most two lower-case words between "the" and the post noun.
pub(super) fn post_of_len(body: Toks<'_, '_>) -> usize {
    // "to the new post of", "to its newly-created post of"; "assume
    // Koza's former position as": a one-word owner before the post, and
    // "as" after it (issue 17).
    let owner = match body {
        [w, s, ..] if w.is_capitalized() && s.kind == TokenKind::Possessive => 1,
        _ => 0,
    };
    if owner == 0
        && !body.first().is_some_and(|t| {
            is_word_any(t, &["the", "a", "an"]) || is_in(t, super::title::POSSESSIVE_PRONOUNS)
        })
    {
        return 0;
    }
    for n in 1 + owner..=3 + owner {
        let Some(t) = body.get(n) else {
            return 0;
        };
        if is_in(t, POST_NOUNS) {
            let of = body
                .get(n + 1)
                .is_some_and(|t| is_word_any(t, &["of"]) || (owner > 0 && is_word_any(t, &["as"])));
            return if of { n + 2 } else { 0 };
        }
        if !t.is_word() || t.is_capitalized() {
            return 0;
        }
    }
    0
}

/// Verbs + "as" of a temporary office: "X will act as chairman" (acting).
const ACT_VERBS: &[&str] = &["act", "acts", "acting", "acted"];
/// Verbs that put a person in an office: "named president", "elected X chairman".
const OFFICE_VERBS: &[&str] = &[
    "named",
    "elected",
    "appointed",
    "nominated",
    "chosen",
    "made",
    "promoted",
    "re-elected",
    "reelected",
    "installed",
    "confirmed",
];
/// Present and base forms of [`OFFICE_VERBS`], read only before their
/// object: "Reagan will nominate X as ambassador", "Acme names X president".
const ACTIVE_OFFICE_VERBS: &[&str] = &[
    "name",
    "names",
    "elect",
    "elects",
    "appoint",
    "appoints",
    "nominate",
    "nominates",
    "promote",
    "promotes",
];

/// Does `t` put its object in an office ([`OFFICE_VERBS`],
/// [`ACTIVE_OFFICE_VERBS`])?
fn is_active_office_verb(t: &Token<'_>) -> bool {
    is_in(t, OFFICE_VERBS) || is_in(t, ACTIVE_OFFICE_VERBS)
}
/// Verbs + "as" that take a person out of an office: "resigned as".
const LEAVE_VERBS: &[&str] = &[
    "resigned",
    "resigns",
    "resign",
    "retired",
    "retires",
    "retire",
    "stepped",
    "steps",
    "step",
    "quit",
    "quits",
    "leaving",
    "leaves",
    "stepping",
    "resigning",
    "retiring",
    "ousted",
    "removed",
    "replaced",
    "dismissed",
    "fired",
    "sacked",
];
/// "replaces B as chairman": B held the office.
const SUCCESSION_VERBS: &[&str] = &[
    "replaces",
    "replace",
    "replaced",
    "replacing",
    "succeeds",
    "succeed",
    "succeeded",
    "succeeding",
];
/// Bounded: at most this many copula/adverb words before the office verb.
const MAX_VERB_WORDS: usize = 4;

fn is_in(t: &Token<'_>, words: &[&str]) -> bool {
    t.is_word() && words.contains(&t.lower().as_ref())
}

/// The qualifier a leave verb implies: a change under way or to come
/// ("steps down as", "is leaving as", "will retire as") leaves an outgoing
/// holder; a past one ("resigned as") a former holder.
fn leave_qualifier(verb: &Token<'_>, future: bool) -> &'static str {
    let under_way = is_in(
        verb,
        &[
            "leaving",
            "leaves",
            "steps",
            "step",
            "stepping",
            "resigns",
            "resign",
            "resigning",
            "retires",
            "retire",
            "retiring",
            "quits",
        ],
    );
    if under_way || future {
        "outgoing"
    } else {
        "former"
    }
}

/// Does a [`TO_VERBS`] verb and "to" start `rest`?
fn to_verb_at(rest: Toks<'_, '_>) -> bool {
    matches!(rest, [v, to, ..] if is_in(v, TO_VERBS) && is_word_any(to, &["to"]))
}

/// Verbs of holding a post: "who also holds the titles of president and
/// chief executive officer" (issue 17); the post noun must follow
/// ([`post_of_len`]).
const HOLD_VERBS: &[&str] = &["holds", "hold", "held", "holding"];

/// The title of a predicate: a determiner-less or determined title, not a
/// name.
pub(super) fn predicate_title<'t, 'a>(
    lx: &Lexicon,
    input: Toks<'t, 'a>,
) -> PResult<'t, 'a, Title<'t, 'a>> {
    let (rest, t) = title(lx, input, Context::Appositive)?;
    // "is a director" is an unspecific role; "has been a director since
    // 1978" states when the office began (issue 17).
    let since = rest.first().is_some_and(|t| is_word_any(t, &["since"]));
    if t.roles.first() == Some(&Role::Determiner)
        && is_word_any(&t.tokens[0], &["a", "an"])
        && t.roles.len() == 2
        && !since
    {
        return fail(input);
    }
    Ok((rest, t))
}

/// `predicate`, name first: "Kim, who is also Economic Planning Minister",
/// "X was named president", "X resigned as chairman".
pub fn predicate<'t, 'a>(lx: &Lexicon, input: Toks<'t, 'a>) -> PResult<'t, 'a, TitleMatch<'t, 'a>> {
    let (rest, name) = person_name(lx, input)?;
    predicate_of(lx, input, name, rest).or_else(|e| {
        match separated_predicate(lx, input, name, rest) {
            Some(m) => Ok(m),
            None => Err(e),
        }
    })
}

/// `predicate` with words between the subject and its verb (issue 17):
/// an origin ("Ray Hankes of Fairbury, Ill. was elected vice president")
/// or an interpolation that holds no claim of its own ("Gerhard Laske, a
/// national of West Germany, has been appointed treasurer", "X, who is
/// recovering from a stroke, has been named chairman emeritus"). An
/// apposed title is left to [`appositive`], which the driver follows with
/// the predicate. Only a verb of office counts here, not a bare "is"/"was".
fn separated_predicate<'t, 'a>(
    lx: &Lexicon,
    input: Toks<'t, 'a>,
    name: Toks<'t, 'a>,
    rest: Toks<'t, 'a>,
) -> Option<(Toks<'t, 'a>, TitleMatch<'t, 'a>)> {
    // "Orimedia of Paris to become ...": after an origin only a finite
    // verb group, not an infinitive (a firm's as often as a person's).
    let origin = origin_len(rest);
    let skip = if origin > 0 {
        if rest.get(origin).is_some_and(|t| is_word_any(t, &["to"])) {
            return None;
        }
        origin
    } else {
        let n = interpolation_len(rest);
        if n == 0 || appositive(lx, input).is_ok() {
            return None;
        }
        n
    };
    let (after, m) = predicate_of(lx, input, name, &rest[skip..]).ok()?;
    // "Waters, who will work out of Detroit, is vice president of Acme": a
    // "who" clause makes the subject a person, so a bare copula after it
    // states an office too (a one-word subject still needs its full name
    // in the article). After any other interpolation only a verb of office
    // does ("Acme, a unit of Bolt, is financial adviser").
    let who = origin == 0 && rest.get(1).is_some_and(|t| is_word_any(t, &["who"]));
    (!m.loose || who).then_some((after, m))
}

/// [`predicate`] with its subject read: `rest` follows the name. The
/// verbs of office this module lists come first; any other verb before
/// "as" and a role is read by [`any_verb_predicate`].
fn predicate_of<'t, 'a>(
    lx: &Lexicon,
    input: Toks<'t, 'a>,
    name: Toks<'t, 'a>,
    rest: Toks<'t, 'a>,
) -> PResult<'t, 'a, TitleMatch<'t, 'a>> {
    listed_verb_predicate(lx, input, name, rest)
        .or_else(|e| any_verb_predicate(lx, name, rest).ok_or(e))
}

/// `any_verb_predicate := person_name ("," "who")? verb_as title` (issue
/// 17): a person subject, any verb group ending in "as" (or "to" a post
/// "of"), and a role: "Burgoon most recently served as executive vice
/// president" (former), "Gunn should take over as chairman" (designate),
/// "X, who returns to his former position of vice chairman" (new). The
/// group's verb class and tense give the qualifier ([`verb_as`]). With a
/// predecessor in the group ("was named to succeed Y as"), the match ends
/// at the verb so that the verb-first production reads Y too.
fn any_verb_predicate<'t, 'a>(
    lx: &Lexicon,
    name: Toks<'t, 'a>,
    rest: Toks<'t, 'a>,
) -> Option<(Toks<'t, 'a>, TitleMatch<'t, 'a>)> {
    let rest = match rest {
        [c, who, more @ ..] if c.is_punct(",") && is_word_any(who, &["who"]) => more,
        _ => rest,
    };
    let group = verb_as(lx, rest)?;
    let body = &rest[group.len..];
    // "opposed the sales as Secretary of State George Shultz had": a
    // title before a name is that name's.
    if premodifier(lx, body).is_ok() {
        return None;
    }
    let (after, t) = title(lx, body, Context::Appositive).ok()?;
    let (after, t) = without_next_subject(lx, body, after, t);
    // "relations as Japanese Prime Minister Yasuhiro Nakasone": a title
    // right before a name is that name's premodifier.
    // "A and B would step in as chairman and president, respectively":
    // the offices are shared out, not each held.
    let respectively = after
        .iter()
        .take(2)
        .any(|t| is_word_any(t, &["respectively"]));
    if respectively || !closes_stated_office(after) || person_name(lx, after).is_ok() {
        return None;
    }
    // "Merrill acts as dealer": a firm's role as often as a person's. A
    // one-word subject ("Jpanese relations as") must be named in full in
    // the article, since the "verb" may be a noun.
    let one_word = name.len() == 1 && !is_in(&name[0], SUBJECT_PRONOUNS);
    let loose = one_word || t.with_role(Role::Head).any(|h| is_in(h, FIRM_ROLE_HEADS));
    let after = if group.has_person_object {
        &rest[group.verb_at..]
    } else {
        after
    };
    Some((
        after,
        TitleMatch {
            title: t,
            name,
            pattern: Pattern::Predicate,
            qualifier: group.qualifier,
            loose,
        },
    ))
}

/// [`predicate_of`] with the verbs of office listed here.
fn listed_verb_predicate<'t, 'a>(
    lx: &Lexicon,
    input: Toks<'t, 'a>,
    name: Toks<'t, 'a>,
    rest: Toks<'t, 'a>,
) -> PResult<'t, 'a, TitleMatch<'t, 'a>> {
    // "John Smith, 52, was named president"
    let age = age_len(rest);
    let mut rest = &rest[age..];
    let relative = rest.len() > 2 && rest[0].is_punct(",") && is_word_any(&rest[1], &["who"]);
    if relative {
        rest = &rest[2..];
    } else if age > 0 {
        rest = &rest[1..];
    } else {
        // "Victor DeRose, his son, has been named chairman"
        rest = &rest[kin_apposition_len(rest)..];
    }
    let mut k = 0;
    let mut copula = false;
    // The last auxiliary before the verb: "was named" is passive, "has
    // named Baker chairman" is not about the subject.
    let mut passive = false;
    let mut past = false;
    let mut future = false;
    let mut state = false;
    while k < rest.len()
        && k < MAX_VERB_WORDS
        && (is_in(&rest[k], COPULAS) || is_in(&rest[k], ADVERBS) || to_verb_at(&rest[k..]))
    {
        if is_in(&rest[k], COPULAS) {
            copula = true;
            passive = is_in(&rest[k], PASSIVE);
            future |= is_in(&rest[k], &["will", "to"]);
            state = is_in(&rest[k], STATE_VERBS);
        }
        past |= is_in(&rest[k], PAST_ADVERBS);
        k += 1;
    }
    let verb = rest.get(k);
    let has_aux = rest[..k].iter().any(|t| is_in(t, &["has", "have"]));
    let to_come = future && rest[..k].iter().any(|t| is_in(t, &["become"]));
    // "X will be vice chairman", "X is to be president": an office to come.
    let will_be = future && rest[..k].last().is_some_and(|t| is_in(t, &["be"]));
    let as_follows = rest.get(k + 1).is_some_and(|t| is_word_any(t, &["as"]));
    let mut bare_ok = false;
    let mut loose = false;
    let (qualifier, after_verb) = match verb {
        // "was named president", "was promoted to senior vice president"
        Some(v) if passive && is_in(v, OFFICE_VERBS) => {
            bare_ok = true; // "was named a director"
            (Some("new"), k + 1)
        }
        // "X will continue as chairman", "X has served as president since
        // 1983"; "X served as finance minister" is past.
        Some(v) if as_follows && is_in(v, SERVE_VERBS) => {
            let past = is_in(v, &["served"]) && !has_aux;
            (past.then_some("former"), k + 1)
        }
        // "Newitt is succeeded as president by Ann Lee": the passive of a
        // succession verb takes the subject out of the office, like
        // "was replaced as".
        Some(v) if passive && as_follows && is_in(v, &["succeeded"]) => {
            (Some(leave_qualifier(v, future)), k + 1)
        }
        Some(v) if is_in(v, LEAVE_VERBS) => {
            let mut j = k + 1;
            if rest
                .get(j)
                .is_some_and(|t| is_word_any(t, &["down", "aside"]))
            {
                j += 1;
            }
            // "resigned his posts as chairman", "quit from his post as"
            j += held_post_len(&rest[j..]);
            if !rest.get(j).is_some_and(|t| is_word_any(t, &["as"])) {
                return fail(input);
            }
            (Some(leave_qualifier(v, future)), j)
        }
        // "X, who also holds the titles of president and chief executive
        // officer"; "X held the post of ..." (no "has") is past.
        Some(v) if is_in(v, HOLD_VERBS) && post_of_len(&rest[k + 1..]) > 0 => {
            let held = is_in(v, &["held"]) && !has_aux;
            (held.then_some("former"), k + 1)
        }
        // "X remains chief executive", "X became finance minister"; "X
        // will become chairman" is still to come.
        Some(_) if state && !relative => (to_come.then_some("designate"), k),
        // "X will be in Tokyo" states no office: the title parse decides.
        // A one-word subject must be named in full in the article.
        Some(_) if will_be && !relative => {
            let (after, t) = predicate_title(lx, &rest[k..])?;
            if !stated_office(name, &t, after) {
                return fail(input);
            }
            loose = true;
            (Some("designate"), k)
        }
        Some(_) if !relative => {
            let change = predicate_change(lx, input, name, &rest[k..], future);
            // "Simmons is president of Valhi", "Rogers was the company
            // chief executive officer since 1983": a bare "is"/"was" right
            // after the name (issue 17). "was" states a past office.
            // "Poehl has been Bundesbank chief since 1980", "Durham had
            // been chief executive": a perfect copula too (issue 17);
            // "had been" states a past office.
            let bare = copula && bare_copula(&rest[..k]);
            if change.is_ok() || !bare {
                return change;
            }
            let (after, t) = predicate_title(lx, &rest[k..])?;
            if !stated_office(name, &t, after) {
                return fail(input);
            }
            loose = true;
            let was = rest[..k].iter().any(|t| is_in(t, &["was", "had"]));
            ((was || past).then_some("former"), k)
        }
        // "Lukman, who is Nigerian oil minister": a bare copula only in a
        // relative clause or right after the name ("Baker is chairman").
        _ if copula && relative && to_come => (Some("designate"), k),
        _ if copula && relative && !linking_verb_last(&rest[..k]) => return fail(input),
        _ if copula && relative => (past.then_some("former"), k),
        _ => return fail(input),
    };
    let mut body = &rest[after_verb..];
    // "will remain as a consultant": after "as" even a bare role is one.
    if body.first().is_some_and(|t| is_word_any(t, &["as"])) {
        bare_ok = true;
        body = &body[1..];
    } else if body.first().is_some_and(|t| is_word_any(t, &["to"])) {
        body = &body[1..];
    }
    let body = &body[post_of_len(body)..];
    let (after, t) = if bare_ok {
        title(lx, body, Context::Appositive)?
    } else {
        predicate_title(lx, body)?
    };
    let (after, t) = without_next_subject(lx, body, after, t);
    // "Rogers is the president's brother": the office is someone else's.
    if loose
        && after
            .first()
            .is_some_and(|t| t.kind == TokenKind::Possessive)
    {
        return fail(input);
    }
    // "Andreotti, who has been prime minister five times previously": an
    // adverb of the past right after the office puts it in the past.
    let qualifier = match qualifier {
        None if copula && past_after(after) => Some("former"),
        q => q,
    };
    Ok((
        after,
        TitleMatch {
            title: t,
            name,
            pattern: Pattern::Predicate,
            qualifier,
            loose,
        },
    ))
}

/// `relative_copula := "who" adverb* aux* linking_verb adverb*`: in a
/// relative clause the auxiliaries before an office end in a linking verb
/// ("who is", "who will be", "who has been", "who remains"); a modal or
/// "has" alone makes the role word a verb ("Kuroda, who will head a team",
/// "who would chair the talks", issue 17).
fn linking_verb_last(aux: Toks<'_, '_>) -> bool {
    aux.iter()
        .rev()
        .find(|t| !is_in(t, ADVERBS))
        .is_some_and(|t| !is_in(t, &["will", "would", "to", "has", "had"]))
}

/// `bare_copula := adverb* ("is" | "was" | ("has" | "had") adverb* "been") adverb*`:
/// the auxiliaries of a predicate that states an office with no verb of
/// office ("X is president", "X has been chief since 1980", "X had been
/// chairman"). Not "has" alone ("X has chief executive ...") nor "will be"
/// (read as an office to come).
fn bare_copula(aux: Toks<'_, '_>) -> bool {
    let words: Vec<&Token<'_>> = aux.iter().filter(|t| !is_in(t, ADVERBS)).collect();
    match words.as_slice() {
        [one] => is_in(one, &["is", "was"]),
        [have, been] => is_in(have, &["has", "had"]) && is_in(been, &["been"]),
        _ => false,
    }
}

/// Words that may follow the office of a bare "is"/"was" predicate: a
/// lower-case word there makes the "head" an adjective ("the principal
/// supplier", "the chief architect"), and "to" a description ("the first
/// official to be charged").
const AFTER_STATED_OFFICE: &[&str] = &[
    "and", "since", "in", "at", "for", "from", "until", "of", "with", "on", "between", "during",
    "who", "which", "but", "when", "after", "before", "by", "until", "through",
];

/// Words after "the" that put a person in a series, not an office ("the
/// first secretary of state to visit").
const SERIES_WORDS: &[&str] = &[
    "first", "second", "third", "last", "only", "latest", "youngest", "oldest",
];

/// Is the title `t` after a bare copula ("is", "was", "will be") an office
/// of the subject `name`? Not a firm's role of a multi-word subject
/// ("Morgan Stanley is financial adviser": a one-word subject is checked
/// against the article's people instead), not a rank in a series ("the
/// first secretary of state to visit"), and closed like an office
/// ([`closes_stated_office`]).
fn stated_office(name: Toks<'_, '_>, t: &Title<'_, '_>, after: Toks<'_, '_>) -> bool {
    let firm = name.len() > 1 && t.with_role(Role::Head).any(|h| is_in(h, FIRM_ROLE_HEADS));
    let series = t.roles.first() == Some(&Role::Determiner)
        && t.tokens.get(1).is_some_and(|w| is_in(w, SERIES_WORDS));
    !(firm || series) && closes_stated_office(after)
}

/// Does `after` (what follows the office of a bare "is"/"was" predicate)
/// close it? See [`AFTER_STATED_OFFICE`].
fn closes_stated_office(after: Toks<'_, '_>) -> bool {
    match after.first() {
        Some(t) if t.is_word() && !t.is_capitalized() => {
            is_in(t, AFTER_STATED_OFFICE) || super::title::is_clause_word(t)
        }
        _ => true,
    }
}

/// Heads a firm holds as often as a person ("Acme Securities is financial
/// adviser to the bidder"): no bare "is"/"was" predicate reads them.
const FIRM_ROLE_HEADS: &[&str] = &[
    "adviser",
    "advisor",
    "advisers",
    "manager",
    "agent",
    "trustee",
    "underwriter",
    "dealer",
    "broker",
    "consultant",
    "partner",
    "investor",
    "counsel",
    "auditor",
    "lender",
    "owner",
    "shareholder",
    "banker",
    "principal",
];

/// Kin words of an apposition between a subject and its verb ([`kin_apposition_len`]).
const KIN_WORDS: &[&str] = &[
    "son",
    "daughter",
    "brother",
    "sister",
    "father",
    "mother",
    "wife",
    "husband",
    "nephew",
    "niece",
    "cousin",
    "uncle",
    "aunt",
    "son-in-law",
    "brother-in-law",
    "widow",
];
/// Longest apposition [`kin_apposition_len`] skips, in words.
const MAX_KIN_WORDS: usize = 3;

/// "Victor DeRose, his son, has been named chairman": an apposition
/// naming a relative ("his son", "her younger brother") between a subject
/// and its verb. Returns the tokens to skip (both commas and the words),
/// 0 when there is none.
fn kin_apposition_len(rest: Toks<'_, '_>) -> usize {
    let [open, owner, more @ ..] = rest else {
        return 0;
    };
    if !(open.is_punct(",") && is_in(owner, super::title::POSSESSIVE_PRONOUNS)) {
        return 0;
    }
    let Some(close) = more
        .iter()
        .take(MAX_KIN_WORDS + 1)
        .position(|t| t.is_punct(","))
    else {
        return 0;
    };
    let words = &more[..close];
    let lower = words.iter().all(|t| t.is_word() && !t.is_capitalized());
    if close == 0 || !lower || !words.last().is_some_and(|t| is_in(t, KIN_WORDS)) {
        return 0;
    }
    close + 3
}

/// "resigned [his posts] as chairman", "quit [from his post] as": a
/// possessive pronoun and a post noun between a leave verb and "as".
/// Returns the tokens to skip.
fn held_post_len(rest: Toks<'_, '_>) -> usize {
    let from = usize::from(rest.first().is_some_and(|t| is_word_any(t, &["from"])));
    match &rest[from..] {
        [owner, post, ..]
            if is_in(owner, super::title::POSSESSIVE_PRONOUNS) && is_in(post, POST_NOUNS) =>
        {
            from + 2
        }
        _ => 0,
    }
}

/// "X was named acting chief executive [and director Irving Hellman] was
/// named acting chairman": a conjoined office right before a name is that
/// name's premodifier, not a second office of the subject. Cuts the title
/// at the conjunction; `body` is the input the title `t` starts.
fn without_next_subject<'t, 'a>(
    lx: &Lexicon,
    body: Toks<'t, 'a>,
    after: Toks<'t, 'a>,
    t: Title<'t, 'a>,
) -> (Toks<'t, 'a>, Title<'t, 'a>) {
    // The last office of a list is the one a following name may own.
    let Some(c) = t.roles.iter().rposition(|r| *r == Role::Conjunction) else {
        return (after, t);
    };
    let ends_in_head = t.roles.last() == Some(&Role::Head);
    if c == 0 || !ends_in_head || person_name(lx, after).is_err() {
        return (after, t);
    }
    let cut = Title {
        tokens: &t.tokens[..c],
        roles: t.roles[..c].to_vec(),
    };
    (&body[c..], cut)
}

/// How far after a predicate's title [`past_after`] looks.
const PAST_LOOKAHEAD: usize = 3;

/// Does an adverb of the past follow within a few words, before any
/// punctuation ("five times previously")?
fn past_after(after: Toks<'_, '_>) -> bool {
    after
        .iter()
        .take(PAST_LOOKAHEAD)
        .take_while(|t| t.is_word())
        .any(|t| is_in(t, &["previously", "formerly", "before", "earlier"]))
}

/// `change_of_office`, name first with a verb of its own (issue 17): "X
/// takes over as chief financial officer" (new), "X remains chief
/// executive", "X became finance minister" (no qualifier), "X will act as
/// chairman" (acting), "X replaces Y as chairman" (X new; the verb-first
/// production then reads Y, former). `rest` starts at the verb, after the
/// name and any auxiliaries ("will act as").
fn predicate_change<'t, 'a>(
    lx: &Lexicon,
    input: Toks<'t, 'a>,
    name: Toks<'t, 'a>,
    rest: Toks<'t, 'a>,
    future: bool,
) -> PResult<'t, 'a, TitleMatch<'t, 'a>> {
    let verb = &rest[0];
    let word = |j: usize, w: &[&str]| rest.get(j).is_some_and(|t| is_word_any(t, w));
    let (qualifier, body, keep_verb) =
        if is_in(verb, TAKE_VERBS) && word(1, &["over"]) && word(2, &["as"]) {
            (Some("new"), &rest[3..], false)
        } else if is_in(verb, TAKE_VERBS) && word(1, &["over"]) && word(2, &["for"]) {
            // "X will take over for Y as president": the office follows
            // the predecessor, whom [`predecessor_first`] reads.
            let (after, _) = person_name(lx, &rest[3..])?;
            if !after.first().is_some_and(|t| is_word_any(t, &["as"])) {
                return fail(input);
            }
            (Some("new"), &after[1..], true)
        } else if is_in(verb, ACT_VERBS) && word(1, &["as"]) {
            (Some("acting"), &rest[2..], false)
        } else if let Some(n) = retained_post_len(rest) {
            // "X retains his position as president": an office kept.
            (None, &rest[n..], false)
        } else if let Some(n) = assumed_post_len(rest) {
            // "X will assume the additional post of president" (issue 17)
            (
                Some(if future { "designate" } else { "new" }),
                &rest[n..],
                false,
            )
        } else if is_in(verb, JOIN_VERBS) {
            // "Gottlieb joined Lorimar as senior vice president in 1985"
            let n = joined_org_len(&rest[1..]);
            if n == 0 {
                return fail(input);
            }
            (None, &rest[n + 2..], false)
        } else if is_in(verb, SUCCESSION_VERBS) && !is_in(verb, &["replaced", "succeeded"]) {
            // "X replaces Y as chairman": the office follows the predecessor.
            let (after, _) = person_name(lx, &rest[1..])?;
            if !after.first().is_some_and(|t| is_word_any(t, &["as"])) {
                return fail(input);
            }
            (Some("new"), &after[1..], true)
        } else {
            return fail(input);
        };
    let (after, t) = predicate_title(lx, body)?;
    // "replaces Y as": resume at the verb so that Y is read too.
    let after = if keep_verb { rest } else { after };
    // "Merrill acts as dealer": a firm acts in a firm's role as often as a
    // person does.
    let loose = t.with_role(Role::Head).any(|h| is_in(h, FIRM_ROLE_HEADS));
    Ok((
        after,
        TitleMatch {
            title: t,
            name,
            pattern: Pattern::Predicate,
            qualifier,
            loose,
        },
    ))
}

/// Verbs that take on a post: "assume the additional post of president",
/// "took on the added duties of chief executive officer".
const ASSUME_VERBS: &[&str] = &["assume", "assumes", "assumed", "assuming"];
/// Verbs that take on a post with "on" after them: "take on the role of".
const TAKE_ON_VERBS: &[&str] = &["take", "takes", "took", "taking", "taken"];

/// `assumed_post := (assume | take "on") post_of`: a verb of taking on a
/// post and the words before the office ("assume the additional post
/// of"). Returns the tokens before the office; `None` without a post noun
/// ("assume about 19.9 mln dlrs in deposits" is no office).
fn assumed_post_len(rest: Toks<'_, '_>) -> Option<usize> {
    let verb = rest.first()?;
    let n = if is_in(verb, ASSUME_VERBS) {
        1
    } else if is_in(verb, TAKE_ON_VERBS) && rest.get(1).is_some_and(|t| is_word_any(t, &["on"])) {
        2
    } else {
        return None;
    };
    let post = post_of_len(&rest[n..]);
    (post > 0).then_some(n + post)
}

/// Verbs of keeping a post: "retains his position as president".
const RETAIN_VERBS: &[&str] = &["retain", "retains", "retained", "keeps", "keep", "kept"];

/// `retained_post := retain possessive post ("as" | "of")`: a verb of
/// keeping a post and the words before the office. Returns the tokens
/// before the office; `None` without a held post ("retains a stake").
fn retained_post_len(rest: Toks<'_, '_>) -> Option<usize> {
    let [verb, owner, post, as_, ..] = rest else {
        return None;
    };
    let held = is_in(verb, RETAIN_VERBS)
        && is_in(owner, super::title::POSSESSIVE_PRONOUNS)
        && is_in(post, POST_NOUNS)
        && is_word_any(as_, &["as", "of"]);
    held.then_some(4)
}

/// Verbs of joining an employer: "X joined Acme as treasurer".
const JOIN_VERBS: &[&str] = &["joined", "joins", "join", "rejoined", "rejoins"];
/// Longest employer [`joined_org_len`] reads, in words.
const MAX_JOINED_ORG: usize = 5;

/// "Lorimar [in 1985] as": the employer after a join verb (capitalised
/// words and "&"), and an optional year, right before "as". Returns the
/// tokens before "as"; 0 when "as" does not follow.
fn joined_org_len(rest: Toks<'_, '_>) -> usize {
    let org = rest
        .iter()
        .take(MAX_JOINED_ORG)
        .take_while(|t| (t.is_word() && t.is_capitalized()) || t.is_punct("&"))
        .count();
    if org == 0 {
        return 0;
    }
    let year = match &rest[org..] {
        [in_, y, ..] if is_word_any(in_, &["in"]) && y.kind == TokenKind::Number => 2,
        _ => 0,
    };
    let n = org + year;
    if rest.get(n).is_some_and(|t| is_word_any(t, &["as"])) {
        n
    } else {
        0
    }
}

/// Most names [`coordinated_predicate`] reads.
const MAX_SUBJECTS: usize = 6;

/// `coordinated_predicate` (issue 17): names joined by commas and "and",
/// an optional interpolation, then "were" / "have been" and a verb of
/// office: "Philip Sims and Bruce Johnson were named executive vice
/// presidents", "A, B and C were elected directors of Acme". One match per
/// name, each new. "..., respectively" pairs names and offices one to one,
/// which this does not read; a firm's role ("were named underwriters") and
/// a list with a one-word name are left alone.
pub fn coordinated_predicate<'t, 'a>(
    lx: &Lexicon,
    input: Toks<'t, 'a>,
) -> Option<(Toks<'t, 'a>, Vec<TitleMatch<'t, 'a>>)> {
    let (mut rest, first) = person_name(lx, input).ok()?;
    let mut names = vec![first];
    loop {
        let (last, more) = match rest {
            [c, more @ ..] if c.is_punct(",") => (false, more),
            [and, more @ ..] if is_word_any(and, &["and"]) => (true, more),
            _ => return None,
        };
        let (r, n) = person_name(lx, more).ok()?;
        names.push(n);
        rest = r;
        if last {
            break;
        }
        if names.len() >= MAX_SUBJECTS {
            return None;
        }
    }
    // "Additionally, Tom Poe and ...": a one-word "name" in a list is as
    // often a sentence adverb or a firm; only full names are read.
    if names.iter().any(|n| n.len() < 2) {
        return None;
    }
    // "X and Y, both attorneys, were named directors"
    let rest = &rest[interpolation_len(rest)..];
    let verb_at = match rest {
        [were, ..] if is_in(were, &["were"]) => 1,
        [have, been, ..] if is_in(have, &["have", "had"]) && is_in(been, &["been"]) => 2,
        _ => return None,
    };
    if !rest.get(verb_at).is_some_and(|v| is_in(v, OFFICE_VERBS)) {
        return None;
    }
    let body = &rest[verb_at + 1..];
    let body = match body {
        [as_, more @ ..] if is_word_any(as_, &["as"]) => more,
        _ => body,
    };
    // "were named directors": each holds the role the plural names.
    let opts = Opts {
        plural: true,
        ..Opts::default()
    };
    let (after, t) = title_with(lx, body, Context::Appositive, opts).ok()?;
    let respectively = after
        .iter()
        .take(2)
        .any(|t| is_word_any(t, &["respectively"]));
    let firm_role = t.with_role(Role::Head).any(|h| {
        let l = h.lower();
        FIRM_ROLE_HEADS.contains(&l.trim_end_matches('s'))
    });
    // "were named executive [vice presidents]": a plural head the
    // lexicon does not know leaves a shorter title; it must be closed.
    if respectively || firm_role || !closes_stated_office(after) {
        return None;
    }
    let matches = names
        .into_iter()
        .map(|name| TitleMatch {
            title: t.clone(),
            name,
            pattern: Pattern::Predicate,
            qualifier: Some("new"),
            loose: false,
        })
        .filter(|m| !firm_holder(lx, m))
        .collect();
    Some((after, matches))
}

/// `predicate`, verb first: "elected Anthony O'Reilly chairman of the
/// board", "replaces B as chairman".
pub fn predicate_verb_first<'t, 'a>(
    lx: &Lexicon,
    input: Toks<'t, 'a>,
) -> PResult<'t, 'a, TitleMatch<'t, 'a>> {
    let Some(verb) = input.first() else {
        return fail(input);
    };
    let succession = is_in(verb, SUCCESSION_VERBS);
    if !(succession || is_active_office_verb(verb)) {
        return fail(input);
    }
    let (rest, name) = person_name(lx, &input[1..])?;
    if org_continues(lx, rest) {
        return fail(input); // "named Salomon Inc financial advisor"
    }
    // "elected Tom Miller of Maricopa, Ariz. as president": where the
    // person comes from, before "as".
    let origin = origin_len(rest);
    let rest = match rest.get(origin) {
        Some(as_) if origin > 0 && is_word_any(as_, &["as"]) => &rest[origin..],
        _ => rest,
    };
    let has_as = rest.first().is_some_and(|t| is_word_any(t, &["as"]));
    if succession && !has_as {
        return fail(input);
    }
    let body = if has_as { &rest[1..] } else { rest };
    let to = rest.first().is_some_and(|t| is_word_any(t, &["to"]));
    // "elected X a director": an office verb gives even a bare role;
    // "promoted X to senior vice president", "named X to the new post of
    // T", "nominated X to be director of T": see [`complement`].
    let (after, t) = if succession {
        predicate_title(lx, body)?
    } else if to {
        complement(lx, rest)?
    } else {
        title(lx, body, Context::Appositive)?
    };
    // "nominated X to be director": an office to come.
    let to_be = to && rest.get(1).is_some_and(|t| is_word_any(t, &["be"]));
    let qualifier = Some(if succession {
        "former"
    } else if to_be {
        "designate"
    } else {
        "new"
    });
    Ok((
        after,
        TitleMatch {
            title: t,
            name,
            pattern: Pattern::Predicate,
            qualifier,
            loose: false,
        },
    ))
}

/// `predecessor_first` (issue 17): the holder a successor takes over from,
/// read at "over": "X will take over for Y as president of Z", "X, taking
/// over the title of president from Y, ..." (Y outgoing: the change is
/// stated, the handover may still be to come). The second form ends
/// before Y, so that Y's own clause ("Y, who will remain chairman") is
/// read too.
pub fn predecessor_first<'t, 'a>(
    lx: &Lexicon,
    input: Toks<'t, 'a>,
) -> PResult<'t, 'a, TitleMatch<'t, 'a>> {
    let [over, from, ..] = input else {
        return fail(input);
    };
    if !is_word_any(over, &["over"]) {
        return fail(input);
    }
    let (after, name, t) = if is_word_any(from, &["for"]) {
        let (rest, name) = person_name(lx, &input[2..])?;
        let body = match rest {
            [as_, body @ ..] if is_word_any(as_, &["as"]) => body,
            _ => return fail(input),
        };
        let (after, t) = predicate_title(lx, body)?;
        (after, name, t)
    } else {
        let skip = post_of_len(&input[1..]);
        if skip == 0 {
            return fail(input);
        }
        let (rest, t) = predicate_title(lx, &input[1 + skip..])?;
        let body = match rest {
            [from, body @ ..] if is_word_any(from, &["from"]) => body,
            _ => return fail(input),
        };
        let (after, name) = person_name(lx, body)?;
        if org_continues(lx, after) {
            return fail(input);
        }
        (body, name, t)
    };
    Ok((
        after,
        TitleMatch {
            title: t,
            name,
            pattern: Pattern::Predicate,
            qualifier: Some("outgoing"),
            loose: false,
        },
    ))
}

/// The qualifier a change noun gives ([`CHANGE_NOUNS`]).
fn change_noun(t: &Token<'_>) -> Option<&'static str> {
    let l = t.lower();
    CHANGE_NOUNS
        .iter()
        .find(|(n, _)| t.is_word() && *n == l.as_ref())
        .map(|(_, q)| *q)
}

/// `change_noun`, name first (issue 17): "X's nomination as ambassador"
/// (designate), "X's resignation as chairman" (former), and "X's
/// nomination to succeed Y as deputy secretary": X designate; the match
/// ends before "succeed", so the verb-first production reads Y too.
pub fn change_noun_after_name<'t, 'a>(
    lx: &Lexicon,
    input: Toks<'t, 'a>,
) -> PResult<'t, 'a, TitleMatch<'t, 'a>> {
    let (rest, name) = person_name(lx, input)?;
    let (qualifier, rest) = match rest {
        [s, noun, rest @ ..] if s.kind == TokenKind::Possessive => match change_noun(noun) {
            Some(q) => (q, rest),
            None => return fail(input),
        },
        _ => return fail(input),
    };
    let (resume, body) = match rest {
        [as_, body @ ..] if is_word_any(as_, &["as"]) => (None, body),
        [to, verb, more @ ..]
            if is_word_any(to, &["to"]) && is_in(verb, &["succeed", "replace"]) =>
        {
            let (after, _) = person_name(lx, more)?;
            match after {
                [as_, body @ ..] if is_word_any(as_, &["as"]) => (Some(&rest[1..]), body),
                _ => return fail(input),
            }
        }
        _ => return fail(input),
    };
    let (after, t) = predicate_title(lx, body)?;
    Ok((
        resume.unwrap_or(after),
        TitleMatch {
            title: t,
            name,
            pattern: Pattern::Predicate,
            qualifier: Some(qualifier),
            loose: false,
        },
    ))
}

/// `change_noun`, noun first: "the appointment of X as chairman" (new).
pub fn change_noun_first<'t, 'a>(
    lx: &Lexicon,
    input: Toks<'t, 'a>,
) -> PResult<'t, 'a, TitleMatch<'t, 'a>> {
    let qualifier = match input {
        [noun, of, ..] if is_word_any(of, &["of"]) => change_noun(noun),
        _ => None,
    };
    let Some(qualifier) = qualifier else {
        return fail(input);
    };
    let (rest, name) = person_name(lx, &input[2..])?;
    let body = match rest {
        [as_, body @ ..] if is_word_any(as_, &["as"]) => body,
        _ => return fail(input),
    };
    let (after, t) = predicate_title(lx, body)?;
    Ok((
        after,
        TitleMatch {
            title: t,
            name,
            pattern: Pattern::Predicate,
            qualifier: Some(qualifier),
            loose: false,
        },
    ))
}

/// ", succeeding Y" / ", replacing Y" after a change of office (issue 17):
/// "X was appointed chairman of the board, replacing Y, who resigned". Y
/// held the office: outgoing when a clause says Y is still to leave ("who
/// plans to retire", "who will retire"), else former. `rest` follows the
/// match `m`.
fn predecessor_after<'t, 'a>(
    lx: &Lexicon,
    rest: Toks<'t, 'a>,
    m: &TitleMatch<'t, 'a>,
) -> Option<(Toks<'t, 'a>, TitleMatch<'t, 'a>)> {
    if m.qualifier != Some("new") {
        return None;
    }
    let (more, planned) = match rest {
        [comma, verb, more @ ..]
            if comma.is_punct(",") && is_in(verb, &["succeeding", "replacing"]) =>
        {
            (more, false)
        }
        // "appointed Ann Lee chief executive replacing Tom Poe": wire copy
        // may leave the comma out.
        [verb, more @ ..] if is_in(verb, &["succeeding", "replacing"]) => (more, false),
        // "X was nominated as president, to replace Y": Y is still to
        // leave.
        [comma, to, verb, more @ ..]
            if comma.is_punct(",")
                && is_word_any(to, &["to"])
                && is_in(verb, &["succeed", "replace"]) =>
        {
            (more, true)
        }
        _ => return None,
    };
    let (after, name) = person_name(lx, more).ok()?;
    if org_continues(lx, after) {
        return None;
    }
    let to_leave = match after {
        [c, who, clause @ ..] if c.is_punct(",") && is_word_any(who, &["who"]) => clause
            .iter()
            .take(3)
            .any(|t| is_in(t, &["will", "plans", "is", "intends", "expects"])),
        _ => false,
    };
    let qualifier = Some(if to_leave || planned {
        "outgoing"
    } else {
        "former"
    });
    Some((
        after,
        TitleMatch {
            title: m.title.clone(),
            name,
            pattern: Pattern::Predicate,
            qualifier,
            loose: false,
        },
    ))
}

/// Passive participles of a succession ("replaced as", "succeeded as")
/// whose agent after "by" takes the office ([`successor_by`]).
const SUCCESSION_PARTICIPLES: &[&str] = &["replaced", "succeeded"];

/// Passive participles of leading whose agent after "by" holds the role
/// after "as" ([`passive_agent`]): "will be headed by X as president".
const LEAD_PARTICIPLES: &[&str] = &["headed", "led", "chaired", "run", "replaced", "succeeded"];

/// Is there a future auxiliary ("will", "to", "would") in `words`?
fn future_in(words: Toks<'_, '_>) -> bool {
    words
        .iter()
        .any(|t| is_in(t, &["will", "would", "to", "shall"]))
}

/// `successor_by := <passive succession predicate> "by" person_name`
/// (issue 17): "Vaughn will be replaced as managing director by Robert
/// Stone", "Newitt is succeeded as president by Ann Lee". The match `m`
/// (over `matched`, the outgoing or former holder) is followed by `rest`;
/// the agent takes the office, new (designate when the change is to
/// come). Returns the agent's match and the rest from the agent's name on,
/// so that an apposition after the name is read too.
fn successor_by<'t, 'a>(
    lx: &Lexicon,
    matched: Toks<'t, 'a>,
    rest: Toks<'t, 'a>,
    m: &TitleMatch<'t, 'a>,
) -> Option<(Toks<'t, 'a>, TitleMatch<'t, 'a>)> {
    if m.pattern != Pattern::Predicate || !matches!(m.qualifier, Some("former" | "outgoing")) {
        return None;
    }
    let passive = matched.windows(3).any(|w| {
        is_in(&w[0], PASSIVE) && is_in(&w[1], SUCCESSION_PARTICIPLES) && is_word_any(&w[2], &["as"])
    });
    let [by, more @ ..] = rest else {
        return None;
    };
    if !passive || !is_word_any(by, &["by"]) {
        return None;
    }
    let (after, name) = person_name(lx, more).ok()?;
    if org_continues(lx, after) || is_in(&name[0], SUBJECT_PRONOUNS) {
        return None;
    }
    let qualifier = if future_in(matched) {
        "designate"
    } else {
        "new"
    };
    Some((
        more,
        TitleMatch {
            title: m.title.clone(),
            name,
            pattern: Pattern::Predicate,
            qualifier: Some(qualifier),
            loose: false,
        },
    ))
}

/// `passive_agent := passive lead_participle "by" person_name "as" title`
/// (issue 17): "the group will be headed by Jim Curry as executive general
/// manager", "Acme is to be run by Ann Lee as chief executive". `input`
/// starts at "by"; `before` holds the words before it. The agent takes
/// the role: new, or designate when the change is to come.
pub fn passive_agent<'t, 'a>(
    lx: &Lexicon,
    input: Toks<'t, 'a>,
    before: Toks<'t, 'a>,
) -> PResult<'t, 'a, TitleMatch<'t, 'a>> {
    let [.., aux, participle] = before else {
        return fail(input);
    };
    let passive = is_in(aux, PASSIVE) && is_in(participle, LEAD_PARTICIPLES);
    if !passive || !input.first().is_some_and(|t| is_word_any(t, &["by"])) {
        return fail(input);
    }
    let (rest, name) = person_name(lx, &input[1..])?;
    if org_continues(lx, rest) || is_in(&name[0], SUBJECT_PRONOUNS) {
        return fail(input);
    }
    if !rest.first().is_some_and(|t| is_word_any(t, &["as"])) {
        return fail(input);
    }
    let (after, t) = title(lx, &rest[1..], Context::Appositive)?;
    let (after, t) = without_next_subject(lx, &rest[1..], after, t);
    if !closes_stated_office(after) {
        return fail(input);
    }
    let clause = &before[before.len().saturating_sub(MAX_VERB_WORDS + 1)..];
    let qualifier = if future_in(clause) {
        "designate"
    } else {
        "new"
    };
    Ok((
        after,
        TitleMatch {
            title: t,
            name,
            pattern: Pattern::Predicate,
            qualifier: Some(qualifier),
            loose: false,
        },
    ))
}

/// "..., succeeding Jeffrey Lamm, who continues as chairman": a relative
/// clause right after a match's name (ending at token `end`) that is a
/// predicate of that name (issue 17). The match `m` was read without it.
fn relative_predicate<'t, 'a>(
    lx: &Lexicon,
    tokens: Toks<'t, 'a>,
    end: usize,
    m: &TitleMatch<'t, 'a>,
) -> Option<(Toks<'t, 'a>, TitleMatch<'t, 'a>)> {
    let rest = &tokens[end..];
    if !(rest.len() > 2 && rest[0].is_punct(",") && is_word_any(&rest[1], &["who"])) {
        return None;
    }
    let name_at = tokens.iter().position(|t| t.start == m.name[0].start)?;
    let (after, kept) = predicate_of(lx, &tokens[name_at..], m.name, rest).ok()?;
    (!kept.loose).then_some((after, kept))
}

/// "Ecuador, a member of the Organisation of Petroleum Exporting
/// Countries": a "member of" title is read only after its holder (an
/// apposition or a predicate); before a name its complement swallowed
/// part of the body's name (issue 17). "member of parliament" keeps its
/// premodifier reading.
fn member_before_name(m: &TitleMatch<'_, '_>) -> bool {
    let before = matches!(m.pattern, Pattern::Premodifier | Pattern::Possessive);
    let t = m.title.tokens;
    let member_of = (0..t.len()).any(|k| {
        super::title::member_of_body(&t[k..]) && !super::title::member_of_parliament(&t[k..])
    });
    before && member_of
}

/// "Dean Witter Reynolds", "Dean Acheson": a bare capitalised head that is
/// also a given name, before a "name" that opens with neither a given name
/// nor an initial, starts the name itself (issue 17); "Dean John Roe"
/// stays a title.
fn given_name_head(lx: &Lexicon, m: &TitleMatch<'_, '_>) -> bool {
    let [head] = m.title.tokens else {
        return false;
    };
    let named = lx.has(&m.name[0], bits::GIVEN) || is_initial(lx, &m.name[0]);
    m.pattern == Pattern::Premodifier
        && m.title.roles == [Role::Head]
        && head.is_capitalized()
        && lx.has(head, bits::GIVEN)
        && !named
}

/// "Keystone Realty Advisers", "Acme Partners": a "name" that ends in a
/// plural role or a firm's suffix is a firm, not a person.
fn firm_holder(lx: &Lexicon, m: &TitleMatch<'_, '_>) -> bool {
    m.name.last().is_some_and(|t| {
        let l = t.lower();
        let l = l.trim_end_matches('.');
        FIRM_WORDS.contains(&l)
            || (l.len() > 4 && l.ends_with('s') && lx.is_head(&l[..l.len() - 1]))
    })
}

/// "Chancellor of the [Exchequer] (Finance Minister)": a one-word "name"
/// that opens the match right after "the" or "a" is a thing, not a person.
fn determined_name(tokens: Toks<'_, '_>, i: usize, m: &TitleMatch<'_, '_>) -> bool {
    let name_first = m.name.len() == 1 && m.name[0].start == tokens[i].start;
    name_first
        && i.checked_sub(1)
            .is_some_and(|p| is_word_any(&tokens[p], &["the", "a", "an"]))
}

/// "Caisse de depot et placement du [Quebec], the provincial pension fund
/// manager": a one-word name right after a lower-case particle ends a
/// longer (organisation's) name.
/// "a spokesman for Suiker Unie", "general partner of May Energy",
/// "Director of Market Regulation": a premodifier whose title ends in
/// "of"/"for" and one capitalised word, before a one-word "name", cut an
/// organisation's name in two (issue 17: 29 of the 31 such claims on
/// the Reuters corpus; "Minister of Mines and Energy Subroto" and "of the
/// Exchequer" keep more words in their complement).
fn org_tail(m: &TitleMatch<'_, '_>) -> bool {
    let premodifier = matches!(m.pattern, Pattern::Premodifier | Pattern::Possessive);
    premodifier
        && m.name.len() == 1
        && matches!(m.title.tokens, [.., of, w] if is_word_any(of, &["of", "for"]) && w.is_capitalized())
}

fn name_tail(tokens: Toks<'_, '_>, m: &TitleMatch<'_, '_>) -> bool {
    let Some(at) = tokens.iter().position(|t| t.start == m.name[0].start) else {
        return false;
    };
    m.name.len() == 1
        && at.checked_sub(1).is_some_and(|p| {
            is_in(
                &tokens[p],
                &["de", "du", "des", "del", "della", "et", "von", "van", "der"],
            )
        })
}

/// Last words of a firm's name ([`firm_holder`]).
const FIRM_WORDS: &[&str] = &[
    "inc",
    "corp",
    "co",
    "ltd",
    "plc",
    "associates",
    "partners",
    "securities",
    "holdings",
    "industries",
    "bancorp",
    "advisers",
    "advisors",
    "brothers",
];

/// Personal pronouns that may be a predicate's subject ([`pronoun_predicate`]).
pub const SUBJECT_PRONOUNS: &[&str] = &["he", "she"];

/// `predicate` with a pronoun subject opening the sentence (issue 17):
/// "He became finance minister in 1984". The match's name is the pronoun;
/// extraction resolves it to the person the article named just before,
/// or drops the claim.
pub fn pronoun_predicate<'t, 'a>(
    lx: &Lexicon,
    input: Toks<'t, 'a>,
) -> PResult<'t, 'a, TitleMatch<'t, 'a>> {
    if !input.first().is_some_and(|t| is_in(t, SUBJECT_PRONOUNS)) {
        return fail(input);
    }
    predicate_of(lx, input, &input[..1], &input[1..])
}

/// Possessive pronouns whose person [`capacity_as`] reads as a subject;
/// the document resolves them like [`SUBJECT_PRONOUNS`].
pub const OWNER_PRONOUNS: &[&str] = &["his", "her"];

/// `capacity_as := ("his" | "her") "capacity" "as" title` (issue 17):
/// "information acquired in his capacity as a CalMat director". The
/// pronoun is the subject, resolved by the document to the person named
/// just before, as for [`pronoun_predicate`].
pub fn capacity_as<'t, 'a>(
    lx: &Lexicon,
    input: Toks<'t, 'a>,
) -> PResult<'t, 'a, TitleMatch<'t, 'a>> {
    let [owner, capacity, as_, body @ ..] = input else {
        return fail(input);
    };
    if !(is_in(owner, OWNER_PRONOUNS) && is_in(capacity, &["capacity"]) && is_in(as_, &["as"])) {
        return fail(input);
    }
    let (after, t) = predicate_title(lx, body)?;
    if !closes_stated_office(after) || person_name(lx, after).is_ok() {
        return fail(input);
    }
    Ok((
        after,
        TitleMatch {
            title: t,
            name: &input[..1],
            pattern: Pattern::Predicate,
            qualifier: None,
            loose: false,
        },
    ))
}

/// All person–title matches in a sentence's tokens, left to right, without
/// overlaps.
pub fn title_matches<'t, 'a>(lx: &Lexicon, tokens: Toks<'t, 'a>) -> Vec<TitleMatch<'t, 'a>> {
    let mut found = Vec::new();
    // Every production parses a title, and a title needs a head: past the
    // last token that could be one, no claim can start.
    let Some(last_head) = tokens.iter().rposition(|t| may_be_head(lx, t)) else {
        return found;
    };
    // "Ann Lee, Tom Poe and Jo Roe, all promoters of ...": only a sentence
    // with ", all" can hold a listed role.
    let all_listed = tokens
        .windows(2)
        .any(|w| w[0].is_punct(",") && is_word_any(&w[1], &["all"]));
    // "A and B were named ...": only a plural verb group has coordinated
    // subjects.
    let plural_verb = tokens.iter().any(|t| is_in(t, &["were", "have"]));
    // "Sens. A and B": only a sentence with a plural head and "and" can
    // hold a plural premodifier.
    let plural_title = tokens.iter().any(|t| is_word_any(t, &["and"]))
        && tokens.iter().any(|t| {
            is_in(t, PLURAL_ABBREVIATIONS)
                || (t.text.len() > 3
                    && t.text.ends_with(['s', 'S'])
                    && may_be_head(lx, t)
                    && !super::title::is_head_token(lx, t))
        });
    let mut i = 0;
    while i <= last_head {
        let input = &tokens[i..];
        if !may_start_claim(lx, &input[0]) {
            i += 1;
            continue;
        }
        if all_listed {
            if let Some((rest, listed)) = listed_roles(lx, input) {
                found.extend(listed);
                i = tokens.len() - rest.len();
                continue;
            }
        }
        if plural_verb {
            if let Some((rest, named)) = coordinated_predicate(lx, input) {
                found.extend(named);
                i = tokens.len() - rest.len();
                continue;
            }
        }
        if plural_title {
            if let Some((rest, named)) = plural_premodifier(lx, input) {
                found.extend(named);
                i = tokens.len() - rest.len();
                continue;
            }
        }
        let m = passive_agent(lx, input, &tokens[..i])
            .or_else(|_| predicate_verb_first(lx, input))
            .or_else(|_| predecessor_first(lx, input))
            .or_else(|_| change_noun_first(lx, input))
            .or_else(|_| title_first_at(lx, input, Start::at(tokens, i)))
            .or_else(|_| predicate(lx, input))
            .or_else(|_| change_noun_after_name(lx, input))
            .or_else(|_| appositive(lx, input))
            .or_else(|_| capacity_as(lx, input))
            .or_else(|e| match i {
                0 => pronoun_predicate(lx, input),
                _ => Err(e),
            });
        match m {
            Ok((_, m))
                if firm_holder(lx, &m)
                    || determined_name(tokens, i, &m)
                    || name_tail(tokens, &m)
                    || org_tail(&m)
                    || brand_occupation(tokens, i, &m)
                    || deal_role(lx, tokens, i, &m)
                    || adjective_head(tokens, i, &m)
                    || surname_head(lx, tokens, i, &m)
                    || place_before_name(lx, tokens, i, &m)
                    || object_before_clause(tokens, i, &m)
                    || given_name_head(lx, &m)
                    || member_before_name(&m) =>
            {
                i += 1
            }
            // A pronoun subject may be dropped later (no one to resolve
            // it to): its words stay open to the other productions.
            Ok((_, m))
                if is_in(&m.name[0], SUBJECT_PRONOUNS) || is_in(&m.name[0], OWNER_PRONOUNS) =>
            {
                found.push(m);
                i += 1;
            }
            Ok((rest, mut m)) => {
                if m.qualifier.is_none() {
                    m.qualifier = succession_qualifier(&tokens[..i]);
                }
                if m.qualifier.is_none() && m.pattern == Pattern::Predicate {
                    m.qualifier = future_clause_qualifier(&tokens[..i], &tokens[i..], &m);
                }
                if m.qualifier.is_none() && m.pattern != Pattern::Predicate {
                    m.qualifier = office_left(rest);
                }
                let start = i;
                i = tokens.len() - rest.len();
                let apposed = appositive_after_premodifier(lx, tokens, i, &m);
                let stated = match apposed {
                    None => predicate_after_premodifier(lx, tokens, i, &m)
                        .or_else(|| office_of_object(lx, tokens, start, i, &m)),
                    Some(_) => None,
                };
                let mut name = m.name;
                let mut last = (m.pattern, m.qualifier, m.loose);
                let inner =
                    inner_premodifier(lx, &m).or_else(|| apposed_premodifier(lx, tokens, &m));
                let owner = owner_premodifier(lx, &m);
                match stacked_titles(&m) {
                    Some((outer, abbreviated)) => found.extend([outer, abbreviated]),
                    None => found.push(m),
                }
                found.extend(inner);
                found.extend(owner);
                if let Some((rest, apposed)) = apposed {
                    i = tokens.len() - rest.len();
                    last = (apposed.pattern, apposed.qualifier, apposed.loose);
                    found.push(apposed);
                }
                if let Some((rest, stated)) = stated {
                    i = tokens.len() - rest.len();
                    last = (stated.pattern, stated.qualifier, stated.loose);
                    // "to name X as President Roe's communications
                    // director": the owner's title and name hold a claim.
                    let owner = owner_premodifier(lx, &stated);
                    found.push(stated);
                    found.extend(owner);
                }
                let last_match = found.last().cloned();
                if let Some((rest, before)) = last_match
                    .as_ref()
                    .and_then(|l| predecessor_after(lx, &tokens[i..], l))
                {
                    i = tokens.len() - rest.len();
                    // "succeeding Jeffrey Lamm, who continues as chairman":
                    // the predecessor's relative clause states the office
                    // kept; its roles are read like the subject's.
                    if let Some((rest, kept)) = relative_predicate(lx, tokens, i, &before) {
                        i = tokens.len() - rest.len();
                        name = kept.name;
                        last = (kept.pattern, kept.qualifier, kept.loose);
                        found.push(before);
                        found.push(kept);
                    } else {
                        found.push(before);
                    }
                }
                if let Some((rest, agent)) = last_match
                    .as_ref()
                    .and_then(|l| successor_by(lx, &tokens[start..i], &tokens[i..], l))
                {
                    i = tokens.len() - rest.len();
                    found.push(agent);
                    continue;
                }
                if matches!(last.0, Pattern::Appositive | Pattern::Predicate) {
                    if let Ok((rest, mut second)) = second_appositive(lx, &tokens[i..], name) {
                        // "X was elected president of A and executive vice
                        // president of B": the second role is stated the
                        // same way.
                        // "formerly staff director at the Fed and [now]
                        // vice-chairman of Acme": its own qualifier word wins.
                        let own = second.title.roles.contains(&Role::Qualifier);
                        (second.pattern, second.loose) = (last.0, last.2);
                        if !own {
                            second.qualifier = last.1;
                        }
                        i = tokens.len() - rest.len();
                        found.push(second);
                    }
                }
                // "X will become vice chairman of A and Jo Roe chairman": a
                // second subject with the verb left out states its office
                // the same way.
                if matches!(last.0, Pattern::Appositive | Pattern::Predicate) {
                    if let Some((rest, mut gapped)) = gapped_role(lx, &tokens[i..]) {
                        (gapped.pattern, gapped.qualifier, gapped.loose) = last;
                        i = tokens.len() - rest.len();
                        found.push(gapped);
                    }
                }
                // "Tom Poe, who is also president of Acme, has been named
                // chairman": the clause between the name and its verb held
                // a role of its own; the verb states another.
                // "..., who is also chairman of the Federation of Acme
                // Makers (Fam), a business group, will act as": the clause's
                // organisation may be described before the verb.
                let at = i + org_apposition_len(lx, &tokens[i..]);
                let clause_closed = tokens.get(at).is_some_and(|t| t.is_punct(","));
                if clause_closed && matches!(last.0, Pattern::Appositive | Pattern::Predicate) {
                    let later = predicate_of(lx, &tokens[at..], name, &tokens[at + 1..])
                        .ok()
                        .or_else(|| apposed_object_office(lx, tokens, start, at + 1, name, last.0));
                    if let Some((rest, later)) = later {
                        i = tokens.len() - rest.len();
                        let owner = owner_premodifier(lx, &later);
                        found.push(later);
                        found.extend(owner);
                    }
                }
            }
            Err(_) => i += 1,
        }
    }
    found
}

/// "NATO Secretary General Mark Rutte, a former Dutch prime minister,
/// said": a name read with a title before it may have a second title after
/// it. The premodifier match `m` ended at token `end`, right after its
/// name; the appositive is read from the name on. Stricter than a plain
/// appositive, because a comma after a premodified name as often opens a
/// list ("Vice President George Bush, Secretary of State George Shultz
/// and …") or a new clause: the title must open with a determiner ("a",
/// "the") and be closed by punctuation or the sentence end, not by a verb
/// ("…, a spokesman for the bank said").
fn appositive_after_premodifier<'t, 'a>(
    lx: &Lexicon,
    tokens: Toks<'t, 'a>,
    end: usize,
    m: &TitleMatch<'t, 'a>,
) -> Option<(Toks<'t, 'a>, TitleMatch<'t, 'a>)> {
    if m.pattern != Pattern::Premodifier || !opens_apposition(tokens.get(end)) {
        return None;
    }
    let name_at = end.checked_sub(m.name.len())?;
    let (rest, apposed) = appositive(lx, &tokens[name_at..]).ok()?;
    let determined = apposed.title.roles.first() == Some(&Role::Determiner);
    // "Capt. Henry Dale, president of the Air Line Pilots Association,":
    // a lower-case office with its employer is no name in a list either.
    // After a legislator's party label ("Rep. Dan Glickman (D-Kan.),
    // Chairman of the House Agriculture Subcommittee") even a capitalised
    // office with its employer is no name in a list.
    let labelled = any_party_label_len(&tokens[end..]) > 0;
    let employer = (!apposed.title.tokens[0].is_capitalized() || labelled)
        && names_employer(lx, &apposed.title);
    // After a party label the name opens no list: a reporting verb closes
    // the apposition too ("Rep. Jo Roe, D-Mass, the chairman of the
    // Acme Committee said").
    let closed =
        rest.first().is_none_or(|t| t.kind == TokenKind::Punct) || (labelled && at_end(rest));
    ((determined || employer) && closed).then_some((rest, apposed))
}

/// "West German agricultural scientist Klaus Lampe will take over as its
/// director-general": a premodified name may be the subject of a
/// predicate too; both are claims. The premodifier match `m` ended at
/// token `end`, right after its name; the predicate is read from the name
/// on.
fn predicate_after_premodifier<'t, 'a>(
    lx: &Lexicon,
    tokens: Toks<'t, 'a>,
    end: usize,
    m: &TitleMatch<'t, 'a>,
) -> Option<(Toks<'t, 'a>, TitleMatch<'t, 'a>)> {
    if !matches!(m.pattern, Pattern::Premodifier | Pattern::Possessive) {
        return None;
    }
    let name_at = end.checked_sub(m.name.len())?;
    predicate(lx, &tokens[name_at..]).ok()
}

/// Is `tokens[start]` the object of an active verb of office ("named",
/// "elected", "nominated" right before it)? One lower-case word the
/// title left out may stand between: "nominate [career] diplomat Sol Roe".
fn object_of_office_verb(tokens: Toks<'_, '_>, start: usize) -> bool {
    let verb_at = |k: Option<usize>| {
        k.and_then(|k| tokens.get(k))
            .is_some_and(is_active_office_verb)
    };
    let describes = start
        .checked_sub(1)
        .and_then(|k| tokens.get(k))
        .is_some_and(|w| {
            w.is_word()
                && !w.is_capitalized()
                && !super::title::is_clause_word(w)
                && !is_in(w, &["and", "or", "as", "to", "the", "a", "an"])
        });
    verb_at(start.checked_sub(1)) || (describes && verb_at(start.checked_sub(2)))
}

/// Does "as" or "to be" start `rest`: the complement of an object that
/// carries words of its own (a premodifier, an apposition) before it?
fn as_or_to_be(rest: Toks<'_, '_>) -> bool {
    match rest {
        [as_, ..] if is_word_any(as_, &["as"]) => true,
        [to, be, ..] => is_word_any(to, &["to"]) && is_word_any(be, &["be"]),
        _ => false,
    }
}

/// "President Reagan nominated FBI Director William Webster to be director
/// of central intelligence", "named Sunni Education Minister Selim Hoss as
/// acting prime minister": a premodified object of a verb of office takes
/// the office of its complement (issue 17). The premodifier match `m`
/// spans `tokens[start..end]`.
fn office_of_object<'t, 'a>(
    lx: &Lexicon,
    tokens: Toks<'t, 'a>,
    start: usize,
    end: usize,
    m: &TitleMatch<'t, 'a>,
) -> Option<(Toks<'t, 'a>, TitleMatch<'t, 'a>)> {
    let title_first = matches!(
        m.pattern,
        Pattern::Premodifier | Pattern::Possessive | Pattern::ReverseAppositive | Pattern::OfPhrase
    );
    if !title_first || !object_of_office_verb(tokens, start) {
        return None;
    }
    let rest = &tokens[end..];
    let rest = &rest[object_gap_len(rest)..];
    if !office_complement_at(rest) {
        return None;
    }
    let (after, t) = complement(lx, rest).ok()?;
    if person_name(lx, after).is_ok() {
        return None; // "to the title of president and CFO [Jo Roe]": Roe's
    }
    Some((after, office_change(t, m.name, rest)))
}

/// "nominate career diplomat Sol Roe[, 60,] as ambassador", "appointed
/// its spokesman, Hugo Roe[,] as its top official": what may stand
/// between a title-first object and the complement of its verb of office,
/// an age between commas or the comma that closed a reverse appositive.
/// Returns the tokens to skip (0 when the complement does not follow).
fn object_gap_len(rest: Toks<'_, '_>) -> usize {
    let age = age_len(rest);
    match rest.get(age) {
        Some(comma) if comma.is_punct(",") && office_complement_at(&rest[age + 1..]) => age + 1,
        _ => 0,
    }
}

/// Does the complement of a verb of office start `rest`: "as T", "to be
/// T", "to the post of T"?
fn office_complement_at(rest: Toks<'_, '_>) -> bool {
    as_or_to_be(rest)
        || matches!(rest, [to, body @ ..] if is_word_any(to, &["to"]) && post_of_len(body) > 0)
}

/// "elected Howard Dean, the company's president, as chief executive": an
/// apposed object of a verb of office takes the office of its complement
/// after the apposition's closing comma (issue 17). The appositive match
/// started at `start`; `at` follows the comma.
fn apposed_object_office<'t, 'a>(
    lx: &Lexicon,
    tokens: Toks<'t, 'a>,
    start: usize,
    at: usize,
    name: Toks<'t, 'a>,
    pattern: Pattern,
) -> Option<(Toks<'t, 'a>, TitleMatch<'t, 'a>)> {
    let rest = tokens.get(at..)?;
    if pattern != Pattern::Appositive
        || !object_of_office_verb(tokens, start)
        || !office_complement_at(rest)
    {
        return None;
    }
    let (after, t) = complement(lx, rest).ok()?;
    if person_name(lx, after).is_ok() {
        return None;
    }
    Some((after, office_change(t, name, rest)))
}

/// A new office given by a verb of office, as a predicate match; "to be"
/// (`rest` starts the complement) makes it an office to come.
fn office_change<'t, 'a>(
    title: Title<'t, 'a>,
    name: Toks<'t, 'a>,
    rest: Toks<'t, 'a>,
) -> TitleMatch<'t, 'a> {
    // "to be director" is to come; "to the post of director" is given now.
    let to_come =
        matches!(rest, [to, be, ..] if is_word_any(to, &["to"]) && is_word_any(be, &["be"]));
    TitleMatch {
        title,
        name,
        pattern: Pattern::Predicate,
        qualifier: Some(if to_come { "designate" } else { "new" }),
        loose: false,
    }
}

/// `second_appositive`: "and" then a second role of an appositive's (or
/// a predicate's) person, closed like an appositive: "Lyle Gramley, chief economist of
/// the Mortgage Bankers Association [and a former Federal Reserve Board
/// official]". `input` starts at the "and"; `name` is the first role's
/// person.
pub fn second_appositive<'t, 'a>(
    lx: &Lexicon,
    input: Toks<'t, 'a>,
    name: Toks<'t, 'a>,
) -> PResult<'t, 'a, TitleMatch<'t, 'a>> {
    // "was chief executive officer [since 1983] and its chairman [since
    // 1984]": each office may carry its own time.
    let input = &input[time_adjunct_len(input)..];
    if !second_role_at(lx, input) {
        return fail(input);
    }
    let (rest, t) = predicate_title(lx, &input[1..])?;
    let rest = &rest[time_adjunct_len(rest)..];
    if !at_end(rest) {
        return fail(input);
    }
    Ok((
        rest,
        TitleMatch {
            title: t,
            name,
            pattern: Pattern::Appositive,
            qualifier: None,
            loose: false,
        },
    ))
}

/// `gapped_role`: "and" + a name + an office with the verb left out, after
/// a predicate or appositive ("will become vice chairman of Roberts [and
/// J. Thomas Clark chairman]"); see [`super::title::gapped_role_len`].
/// The caller gives the match the first role's pattern and qualifier.
fn gapped_role<'t, 'a>(
    lx: &Lexicon,
    input: Toks<'t, 'a>,
) -> Option<(Toks<'t, 'a>, TitleMatch<'t, 'a>)> {
    let [and, rest @ ..] = input else {
        return None;
    };
    if !is_word_any(and, &["and"]) {
        return None;
    }
    let (n, w) = super::title::gapped_role_len(lx, rest)?;
    let (after, t) = title(lx, &rest[n..n + w], Context::Appositive).ok()?;
    if !after.is_empty() {
        return None;
    }
    Some((
        &rest[n + w..],
        TitleMatch {
            title: t,
            name: &rest[..n],
            pattern: Pattern::Predicate,
            qualifier: None,
            loose: false,
        },
    ))
}

/// "since 1983", "from March", "until May 1987": the time of an office
/// stated after it. Returns its tokens (0 when there is none).
fn time_adjunct_len(rest: Toks<'_, '_>) -> usize {
    let [prep, when, more @ ..] = rest else {
        return 0;
    };
    if !is_in(prep, &["since", "from", "until", "in", "through"]) {
        return 0;
    }
    let year = |t: &Token<'_>| {
        t.kind == TokenKind::Number
            && t.text.len() == 4
            && t.text.bytes().all(|b| b.is_ascii_digit())
    };
    if year(when) {
        return 2;
    }
    if super::title::is_date_word(when) {
        let number = more.first().is_some_and(|t| t.kind == TokenKind::Number);
        return 2 + usize::from(number);
    }
    0
}

/// "Chairman Tom Poe resigned this morning": a leave verb right after a
/// premodified name, with no office of its own ("resigned as ..." is a
/// predicate), puts the premodifier's office in the past. `rest` follows
/// the name.
fn office_left(rest: Toks<'_, '_>) -> Option<&'static str> {
    let aux = usize::from(rest.first().is_some_and(|t| is_in(t, &["has", "had"])));
    let verb = rest.get(aux)?;
    let down = rest.get(aux + 1).is_some_and(|t| is_word_any(t, &["down"]));
    let left = is_in(
        verb,
        &["resigned", "retired", "quit", "resigns", "retires", "quits"],
    ) || (down && is_in(verb, &["stepped", "steps"]));
    let next = rest.get(aux + 1 + usize::from(down));
    let own_office = next.is_some_and(|t| is_word_any(t, &["as", "from"]));
    (left && !own_office).then(|| leave_qualifier(verb, false))
}

/// Does "and" + a second role start `rest`?
fn second_role_at(lx: &Lexicon, rest: Toks<'_, '_>) -> bool {
    rest.first().is_some_and(|t| is_word_any(t, &["and"]))
        && super::title::second_role_follows(lx, &rest[1..])
}

/// [`reverse_appositive`], else [`premodifier`]: both read a title at
/// `input`, which is parsed once up to its complements (the only part
/// that differs between them).
#[cfg(test)]
fn title_first<'t, 'a>(lx: &Lexicon, input: Toks<'t, 'a>) -> PResult<'t, 'a, TitleMatch<'t, 'a>> {
    title_first_at(lx, input, Start::Inside)
}

/// [`title_first`]; `start` says where `input` starts in its sentence.
fn title_first_at<'t, 'a>(
    lx: &Lexicon,
    input: Toks<'t, 'a>,
    start: Start,
) -> PResult<'t, 'a, TitleMatch<'t, 'a>> {
    let parse = || title_head(lx, input, Opts::default()).ok().map(|(_, h)| h);
    let mut parsed = None;
    let reverse = reverse_appositive_after(lx, input, start, || parsed.insert(parse()).clone());
    if reverse.is_ok() {
        return reverse;
    }
    match parsed.unwrap_or_else(parse) {
        Some(head) => premodifier_after(lx, input, head.clone()).or_else(|e| {
            let (rest, t) = head.complete(lx, Context::BeforeName);
            owned_title_premodifier(lx, input, &t)
                .or_else(|| role_first_copula(lx, rest, t))
                .ok_or(e)
        }),
        None => fail(input),
    }
}

/// `role_first := (owner | "the") title ("is" | "was") person_name end`:
/// "Brazil's new planning minister is Anibal Teixeira de Souza,", "The
/// committee's chairman is Jo Roe." (issue 17). The office is stated of
/// the name; "was" puts it in the past. `rest` follows the title `t`.
fn role_first_copula<'t, 'a>(
    lx: &Lexicon,
    rest: Toks<'t, 'a>,
    t: Title<'t, 'a>,
) -> Option<(Toks<'t, 'a>, TitleMatch<'t, 'a>)> {
    let anchored = match t.roles.first() {
        Some(Role::Owner) => true,
        Some(Role::Determiner) => is_word_any(&t.tokens[0], &["the"]),
        _ => false,
    };
    let [verb, more @ ..] = rest else {
        return None;
    };
    if !anchored || !is_in(verb, &["is", "was"]) || plural_head(lx, &t) {
        return None;
    }
    let (after, name) = person_name(lx, more).ok()?;
    if name.len() < 2 || org_continues(lx, after) || !at_end(after) {
        return None;
    }
    let qualifier = is_in(verb, &["was"]).then_some("former");
    // Resume at the name: an apposition after it is a claim of its own
    // ("..., the former head of a national welfare program").
    let _ = after;
    Some((
        more,
        TitleMatch {
            title: t,
            name,
            pattern: Pattern::Predicate,
            qualifier,
            loose: false,
        },
    ))
}

/// "President Reagan's legal adviser said": a title whose owner is a
/// title and a one-word name, with no name after the title, still holds
/// the owner's claim (issue 17; [`owner_premodifier`] reads it when the
/// outer title has a holder too). The match ends at the possessive marker.
fn owned_title_premodifier<'t, 'a>(
    lx: &Lexicon,
    input: Toks<'t, 'a>,
    t: &Title<'t, 'a>,
) -> Option<(Toks<'t, 'a>, TitleMatch<'t, 'a>)> {
    if t.roles.first() != Some(&Role::Owner) {
        return None;
    }
    let len = t.roles.iter().take_while(|r| **r == Role::Owner).count();
    let inner = owner_premodifier_of(lx, t)?;
    Some((&input[len - 1..], inner))
}

/// The qualifier a succession verb right before a match implies. The
/// object of "replaced deputy governor X" (or "succeeds", "to replace") is
/// the predecessor: former. The agent of "was replaced by deputy governor
/// X" is the successor, and the title the sentence gives is the one held
/// before the change ("then"): the deputy became governor. Either way the
/// title is not the person's title at publication, and the checks that
/// compare present titles leave it out.
fn succession_qualifier(before: Toks<'_, '_>) -> Option<&'static str> {
    match before {
        [.., verb, by] if is_word_any(by, &["by"]) && is_in(verb, SUCCESSION_VERBS) => Some("then"),
        [.., verb] if is_in(verb, SUCCESSION_VERBS) => Some("former"),
        _ => None,
    }
}

/// Conjunctions that open a clause of time or condition.
const TIME_CONJUNCTIONS: &[&str] = &[
    "after", "once", "until", "till", "before", "when", "if", "unless",
];

/// Present-tense verbs that open a predicate of office ("is sworn in as",
/// "becomes", "takes office as").
const PRESENT_OFFICE_VERBS: &[&str] =
    &["is", "are", "becomes", "become", "takes", "take", "assumes"];

/// "After Jane Roe is sworn in as president in January": a predicate in
/// the present tense, in a clause opened by a conjunction of time or
/// condition, tells what is to come, not what is (English uses the present
/// there for the future). The title is the person's designate one, left
/// out of the checks that compare present titles.
fn future_clause_qualifier(
    before: Toks<'_, '_>,
    from: Toks<'_, '_>,
    m: &TitleMatch<'_, '_>,
) -> Option<&'static str> {
    let opened = before.last().is_some_and(|t| is_in(t, TIME_CONJUNCTIONS));
    let name_end = m.name.last()?.end;
    let verb = from.iter().find(|t| t.start >= name_end)?;
    (opened && is_in(verb, PRESENT_OFFICE_VERBS)).then_some("designate")
}

/// Could `t` be a title's head (a superset of what `title::head_at`
/// accepts: a head token, a "chief" post or a plural head)?
fn may_be_head(lx: &Lexicon, t: &Token<'_>) -> bool {
    if !t.is_word() {
        return false;
    }
    if super::title::is_head_token(lx, t) {
        return true;
    }
    let text = t.text;
    // Words that are heads only in some places ("staff assistant",
    // "member of parliament", "his deputy"): `title::head_at` decides.
    if text.eq_ignore_ascii_case("assistant")
        || text.eq_ignore_ascii_case("associate")
        || text.eq_ignore_ascii_case("deputy")
        || text.eq_ignore_ascii_case("member")
    {
        return true;
    }
    if text.is_ascii() {
        // ASCII lower-casing keeps the length and maps only A-Z: test the
        // text as written, and lower-case it only for a plural's look-up
        // (this runs at nearly every token).
        let plural = text.len() > 3
            && text.ends_with(['s', 'S'])
            && lx.is_head(&t.lower()[..text.len() - 1]);
        return plural
            || super::title::CHIEF_POSTS
                .iter()
                .any(|p| text.eq_ignore_ascii_case(p));
    }
    let l = t.lower();
    let plural = l.len() > 3 && l.ends_with('s') && lx.is_head(&l[..l.len() - 1]);
    plural || super::title::CHIEF_POSTS.contains(&l.as_ref())
}

/// "the official Banco do Brasil": a bare head right after a determiner
/// that the match left out, before a one-word "name", is an adjective
/// ([`weak_title`] for the determiner's own position).
fn adjective_head(tokens: Toks<'_, '_>, i: usize, m: &TitleMatch<'_, '_>) -> bool {
    let determiner_before = i
        .checked_sub(1)
        .is_some_and(|p| is_word_any(&tokens[p], &["the", "a", "an"]));
    m.pattern == Pattern::Premodifier
        && m.name.len() == 1
        && determiner_before
        && m.title.roles.iter().all(|r| *r == Role::Head)
}

/// "John Pope Jr", "Tom King": a capitalised head right after a given
/// name is a surname, not a title.
fn surname_head(lx: &Lexicon, tokens: Toks<'_, '_>, i: usize, m: &TitleMatch<'_, '_>) -> bool {
    let given_before = i
        .checked_sub(1)
        .is_some_and(|p| tokens[p].is_capitalized() && lx.has(&tokens[p], bits::GIVEN));
    given_before && m.title.roles.first() == Some(&Role::Head) && m.title.tokens[0].is_capitalized()
}

/// "In Frankfurt F. Wilhelm Roe, chief executive of Acme,": after "in" or
/// "from", a first word that is no given name, before an initial or a
/// given name, is a place; the name starts after it (the next position
/// reads it).
fn place_before_name(lx: &Lexicon, tokens: Toks<'_, '_>, i: usize, m: &TitleMatch<'_, '_>) -> bool {
    let name_first = m.name[0].start == tokens[i].start;
    let after_in = i
        .checked_sub(1)
        .is_some_and(|p| is_word_any(&tokens[p], &["in", "from"]));
    let [first, second, _, ..] = m.name else {
        return false;
    };
    name_first
        && after_in
        && !lx.has(first, bits::GIVEN)
        && (is_initial(lx, second) || lx.has(second, bits::GIVEN))
}

/// "after his talks with the French head of state, Xi Jinping said",
/// "Welcoming the chancellor, Xi immediately …": a title that is the
/// object of a fronted phrase (after a preposition or an "-ing" verb),
/// then a comma and the name of the main clause's subject, who is not
/// the title's holder. The comma opens no apposition when no comma closes
/// it and a verb follows the name ("with the Chinese President, Xi
/// Jinping, on Friday" and "with the Chinese President, Xi Jinping on
/// Friday" still hold Xi's claim).
fn object_before_clause(tokens: Toks<'_, '_>, i: usize, m: &TitleMatch<'_, '_>) -> bool {
    const FRONTING: &[&str] = &[
        "with", "after", "to", "from", "by", "for", "of", "about", "against", "toward", "towards",
        "before",
    ];
    const NOT_VERBS: &[&str] = &[
        "on", "in", "at", "for", "to", "and", "or", "of", "from", "with", "during", "after",
        "before", "who", "which", "that", "as", "by", "last", "this", "next", "earlier", "when",
        "while", "whose", "whom",
    ];
    let title_first = m
        .title
        .tokens
        .first()
        .is_some_and(|t| t.start == tokens[i].start)
        && m.name[0].start > tokens[i].start;
    if !title_first
        || !matches!(
            m.pattern,
            Pattern::ReverseAppositive | Pattern::OfPhrase | Pattern::Possessive
        )
    {
        return false;
    }
    let Some(before) = i.checked_sub(1).map(|p| &tokens[p]) else {
        return false;
    };
    let fronted = is_word_any(before, FRONTING)
        || before.is_word() && before.text.len() > 4 && before.text.ends_with("ing");
    let Some(last) = m.name.last() else {
        return false;
    };
    let after = tokens
        .iter()
        .position(|t| t.start >= last.end)
        .map(|k| &tokens[k]);
    let comma_before_name = tokens
        .iter()
        .position(|t| t.start == m.name[0].start)
        .and_then(|k| k.checked_sub(1))
        .is_some_and(|k| tokens[k].is_punct(","));
    let verb_after =
        after.is_some_and(|t| t.is_word() && !t.is_capitalized() && !is_word_any(t, NOT_VERBS));
    fronted && comma_before_name && verb_after
}

/// "lead manager Nomura": a firm's role in a deal, when a deal word stands
/// right before the title's "manager"/"agent" head. Only words before the
/// head count: the "Co" of an employer after it ("general manager of Acme
/// Co Ltd") is the firm's name (issue 17).
fn deal_role(lx: &Lexicon, tokens: Toks<'_, '_>, i: usize, m: &TitleMatch<'_, '_>) -> bool {
    let _ = lx;
    let deal_head = m.title.with_role(Role::Head).any(|t| {
        is_word_any(
            t,
            &["manager", "managers", "co-manager", "agent", "underwriter"],
        )
    });
    let before = i.checked_sub(1).map(|p| &tokens[p]);
    let pre_head = m.title.roles.iter().position(|r| *r == Role::Head);
    let words_before_head = &m.title.tokens[..pre_head.unwrap_or(0)];
    deal_head
        && (before.is_some_and(|b| is_in(b, DEAL_ROLES))
            || words_before_head.iter().any(|t| is_in(t, DEAL_ROLES)))
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
    if lx.has_any(
        t,
        bits::HEAD | bits::MODIFIER | bits::RANK | bits::QUALIFIER,
    ) {
        return true;
    }
    let l = t.lower();
    matches!(
        l.as_ref(),
        "the" | "a" | "an" | "one" | "its" | "his" | "her" | "their" | "whose" | "over" | "by"
    ) || OFFICE_VERBS.contains(&l.as_ref())
        || ACTIVE_OFFICE_VERBS.contains(&l.as_ref())
        || SUCCESSION_VERBS.contains(&l.as_ref())
        || CHANGE_NOUNS.iter().any(|(n, _)| *n == l.as_ref())
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

    /// What a production found, comparable: (rest, title tokens, roles,
    /// name tokens, pattern).
    type Found = (usize, usize, Vec<Role>, usize, Pattern);

    fn found(r: PResult<'_, '_, TitleMatch<'_, '_>>) -> Option<Found> {
        r.ok().map(|(rest, m)| {
            (
                rest.len(),
                m.title.tokens.len(),
                m.title.roles.clone(),
                m.name.len(),
                m.pattern,
            )
        })
    }

    #[test]
    fn relative_modal_alone_makes_the_role_a_verb() {
        assert!(matches("Jo Roe, who will head a team going to Washington, said it.").is_empty());
        assert!(matches("Jo Roe, who would chair the talks, said it.").is_empty());
        let kept = matches("Jo Roe, who will be head of the delegation, said it.");
        assert_eq!(kept.len(), 1, "{kept:?}");
        let kept = matches("Jo Roe, who has been chairman of the company, said it.");
        assert_eq!(kept.len(), 1, "{kept:?}");
    }

    #[test]
    fn may_be_head_reads_ascii_words_as_written() {
        let lx = test_lexicon();
        let reference = |t: &Token<'_>| {
            if !t.is_word() {
                return false;
            }
            if super::super::title::is_head_token(&lx, t) {
                return true;
            }
            let l = t.lower();
            let plural = l.len() > 3 && l.ends_with('s') && lx.is_head(&l[..l.len() - 1]);
            plural || super::super::title::CHIEF_POSTS.contains(&l.as_ref())
        };
        let text = "Ministers MINISTERS ministers chairmen Economist ECONOMIST economists \
            dealer Traders leaders Leaders bus gas as is 's , 12 Élysée MINISTÈRES ministres";
        let plain = tokenize(text, 0);
        let mut annotated = plain.clone();
        lx.annotate(&mut annotated);
        for t in plain.iter().chain(&annotated) {
            assert_eq!(may_be_head(&lx, t), reference(t), "{t:?}");
        }
    }

    #[test]
    fn title_first_is_reverse_appositive_else_premodifier() {
        let lx = test_lexicon();
        let texts = [
            "US Under Secretary of State for East Asia Daniel Kritenbrink and others met.",
            "More recently, the top U.S. diplomat for the Asia-Pacific region, Daniel Kritenbrink, travelled.",
            "Sullivan met with China's top diplomat, Wang Yi, in Vienna.",
            "One of the strike leaders, Elmano Barbosa, said talks failed.",
            "Members of Prime Minister Thatcher's Conservative party urged her.",
            "The chairman of Credit Suisse, Rainer Gut, said.",
            "Oil Minister Sheikh Ali al-Khalifa al-Sabah said.",
            "SAS President Jan Carlzon announced it, and the unit's president, Nicolas Tagaris, agreed.",
            "It was reported by the official Ivorian daily Fraternite Matin.",
        ];
        let mut matched = 0;
        for text in texts {
            let toks = tokenize(text, 0);
            for i in 0..toks.len() {
                let input = &toks[i..];
                let expected =
                    found(reverse_appositive(&lx, input).or_else(|_| premodifier(&lx, input)));
                matched += usize::from(expected.is_some());
                assert_eq!(found(title_first(&lx, input)), expected, "{text} at {i}");
            }
        }
        assert!(matched >= texts.len(), "{matched}");
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
    fn a_premodified_name_may_have_an_appositive_too() {
        assert_eq!(
            matches("Treasury Secretary Jane Roe, a former bank president, said on Monday."),
            [
                (
                    "premodifier",
                    "Treasury Secretary".into(),
                    "Jane Roe".into()
                ),
                ("appositive", "bank president".into(), "Jane Roe".into())
            ]
        );
        // A list of premodified names is no appositive; nor is a title
        // without a determiner, or one a verb closes.
        assert_eq!(
            matches("Vice President Tom Poe, Treasury Secretary Jane Roe and Commerce Secretary Ann Lee met."),
            [
                ("premodifier", "Vice President".into(), "Tom Poe".into()),
                ("premodifier", "Treasury Secretary".into(), "Jane Roe".into()),
                ("premodifier", "Commerce Secretary".into(), "Ann Lee".into())
            ]
        );
        assert_eq!(
            matches("Treasury Secretary Jane Roe, a spokesman for the bank said.").len(),
            1
        );
        // A lower-case office with its employer is a second role (issue
        // 17): "Capt. Tom Poe, president of the pilots' union,".
        assert_eq!(
            matches("Treasury Secretary Jane Roe, chairman of the board, said on Monday."),
            [
                (
                    "premodifier",
                    "Treasury Secretary".into(),
                    "Jane Roe".into()
                ),
                (
                    "appositive",
                    "chairman of the board".into(),
                    "Jane Roe".into()
                )
            ]
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
    fn a_fronted_object_title_is_not_the_next_subjects() {
        // The name starts the main clause: no claim of the fronted title.
        for s in [
            "After his talks with the French head of state, Xi Jinping said he was ready.",
            "Welcoming the chancellor, Xi immediately praised the visit.",
        ] {
            let found = matches(s);
            assert!(
                !found.iter().any(|(_, _, who)| who.starts_with("Xi")),
                "{s}: {found:?}"
            );
        }
        // An apposition, closed or followed by a preposition, stays.
        for s in [
            "He met with the Chinese President, Xi Jinping, on Friday.",
            "He met with the Chinese President, Xi Jinping on Friday.",
            "The head of the Ukrainian government, Volodymyr Zelensky said so.",
        ] {
            assert_eq!(matches(s).len(), 1, "{s}: {:?}", matches(s));
        }
    }

    #[test]
    fn reverse_appositive_needs_determiner_or_owner() {
        assert_eq!(
            matches("More recently, the top U.S. diplomat for the Asia-Pacific region, Daniel Kritenbrink, travelled to China."),
            [("appositive-reverse", "top U.S. diplomat for the Asia-Pacific region".into(), "Daniel Kritenbrink".into())]
        );
        assert_eq!(
            matches("Sullivan met with China's top diplomat, Wang Yi, in Vienna."),
            [("possessive", "top diplomat".into(), "Wang Yi".into())]
        );
    }

    #[test]
    fn reverse_appositive_of_a_role_its_organisation_opens() {
        // At the sentence's opening, after a comma and after "and".
        assert_eq!(
            matches("Zenlo Corp president, Ada Quint, said sales rose."),
            [("appositive-reverse", "president".into(), "Ada Quint".into())]
        );
        assert_eq!(
            matches("Talks failed, and Port Authority chairman, Rolf Ekberg, said so."),
            [(
                "appositive-reverse",
                "chairman".into(),
                "Rolf Ekberg".into()
            )]
        );
        assert_eq!(
            matches("Talks failed, and Marl financial analyst, Jo Pike, said so."),
            [(
                "appositive-reverse",
                "financial analyst".into(),
                "Jo Pike".into()
            )]
        );
        assert_eq!(
            matches("Ortho chairman and president, Lee Vance, said the bid was fair."),
            [(
                "appositive-reverse",
                "chairman and president".into(),
                "Lee Vance".into()
            )]
        );
        // Inside a clause a capitalised word before the role may close a
        // list or a name; and a lower-case role there is no claim's start.
        assert!(matches("He asked Zenlo analysts, Ada Quint and others.").is_empty());
        assert!(matches("Wire brokers, lead manager, Hollis Brothers, agreed.").is_empty());
    }

    #[test]
    fn start_of_a_title_first_claim() {
        let toks = tokenize("Zenlo president, and Ada, said: Bo", 0);
        assert_eq!(Start::at(&toks, 0), Start::Opening);
        assert_eq!(Start::at(&toks, 1), Start::Inside);
        assert_eq!(Start::at(&toks, 3), Start::Clause); // after ","
        assert_eq!(Start::at(&toks, 4), Start::Clause); // after "and"
        assert_eq!(Start::at(&toks, 8), Start::Clause); // after ":"
    }

    #[test]
    fn and_before_a_titled_name_ends_the_first_name() {
        assert_eq!(
            matches("Talks between Treasury Secretary Ann Holt and Federal Reserve Board Chairman Tom Reyes ended."),
            [
                ("premodifier", "Treasury Secretary".into(), "Ann Holt".into()),
                ("premodifier", "Chairman".into(), "Tom Reyes".into()),
            ]
        );
        assert_eq!(
            matches("Finance Minister Ivo Marak and National Bank President Eva Dorn agreed."),
            [
                ("premodifier", "Finance Minister".into(), "Ivo Marak".into()),
                ("premodifier", "President".into(), "Eva Dorn".into()),
            ]
        );
        // A company's "and" still joins its name: no person here.
        assert!(matches("Analyst Procter and Gamble Co said so.").is_empty());
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
                "possessive",
                "national security adviser".into(),
                "Jake Sullivan".into()
            )]
        );
    }

    #[test]
    fn possessive_with_country_or_generic_owner() {
        assert_eq!(
            matches("Indonesia's Mines and Energy Minister Subroto said output would rise."),
            [(
                "possessive",
                "Mines and Energy Minister".into(),
                "Subroto".into()
            )]
        );
        assert_eq!(
            matches("The sale was announced by the unit's president, Nicolas Tagaris, on Monday."),
            [("possessive", "president".into(), "Nicolas Tagaris".into())]
        );
        assert_eq!(
            matches("Its president Rilwanu Lukman spoke."),
            [("possessive", "president".into(), "Rilwanu Lukman".into())]
        );
    }

    #[test]
    fn possessive_after_the_name_does_not_swallow_the_head() {
        assert_eq!(
            matches("Members of Prime Minister Thatcher's Conservative party urged her."),
            [("premodifier", "Prime Minister".into(), "Thatcher".into())]
        );
        assert_eq!(
            matches("During French Prime Minister Jacques Chirac's visit."),
            [(
                "premodifier",
                "Prime Minister".into(),
                "Jacques Chirac".into()
            )]
        );
    }

    #[test]
    fn premodifier_with_company_short_name_ticker_and_honorific() {
        assert_eq!(
            matches("SAS President Jan Carlzon announced it."),
            [("premodifier", "President".into(), "Jan Carlzon".into())]
        );
        assert_eq!(
            matches("LMFE chairman Pat Elmer said."),
            [("premodifier", "chairman".into(), "Pat Elmer".into())]
        );
        assert_eq!(
            matches("Oil Minister Sheikh Ali al-Khalifa al-Sabah said."),
            [(
                "premodifier",
                "Oil Minister".into(),
                "Ali al-Khalifa al-Sabah".into()
            )]
        );
        let m = matches("Borg-Warner ex-chairman J.F. Bere is on the board.");
        assert_eq!(m[0].2, "J.F. Bere");
    }

    #[test]
    fn of_phrase_before_the_name() {
        assert_eq!(
            matches("A spokesman for the National Federation of Banks, Adilson Lorente, said."),
            [(
                "of-phrase",
                "spokesman for the National Federation of Banks".into(),
                "Adilson Lorente".into()
            )]
        );
        assert_eq!(
            matches("The chairman of Credit Suisse, Rainer Gut, said."),
            [(
                "of-phrase",
                "chairman of Credit Suisse".into(),
                "Rainer Gut".into()
            )]
        );
    }

    #[test]
    fn reverse_appositive_after_one_of_and_in_brackets() {
        assert_eq!(
            matches("One of the strike leaders, Elmano Barbosa, said talks failed."),
            [(
                "appositive-reverse",
                "strike leaders".into(),
                "Elmano Barbosa".into()
            )]
        );
        assert_eq!(
            matches("Carl Lindner (chairman of American Financial Corp) said."),
            [(
                "appositive",
                "chairman of American Financial Corp".into(),
                "Carl Lindner".into()
            )]
        );
    }

    #[test]
    fn predicates() {
        assert_eq!(
            matches("Kim, who is also Economic Planning Minister, said."),
            [(
                "predicate",
                "Economic Planning Minister".into(),
                "Kim".into()
            )]
        );
        assert_eq!(
            matches("The board elected Anthony O'Reilly chairman of the board."),
            [(
                "predicate",
                "chairman of the board".into(),
                "Anthony O'Reilly".into()
            )]
        );
        assert_eq!(
            matches("John Smith was named president."),
            [("predicate", "president".into(), "John Smith".into())]
        );
        assert_eq!(
            matches("Paul Volcker resigned as chairman."),
            [("predicate", "chairman".into(), "Paul Volcker".into())]
        );
        // The pronoun is read too; extraction resolves it or drops it.
        assert_eq!(
            matches("He replaces John Smith as chief financial officer."),
            [
                ("predicate", "chief financial officer".into(), "He".into()),
                (
                    "predicate",
                    "chief financial officer".into(),
                    "John Smith".into()
                )
            ]
        );
    }

    #[test]
    fn assumed_post_is_a_change_of_office() {
        let q = stated;
        assert_eq!(
            q("Jane Roe will assume the additional post of president."),
            one("Jane Roe", "president", Some("designate"))
        );
        assert_eq!(
            q("Jane Roe assumed the position of chairman."),
            one("Jane Roe", "chairman", Some("new"))
        );
        assert_eq!(
            q("Jane Roe will take on the role of treasurer."),
            one("Jane Roe", "treasurer", Some("designate"))
        );
        // No post noun: an amount, not an office.
        assert!(q("Jane Roe will assume about 19 mln dlrs in deposits.").is_empty());
        assert!(assumed_post_len(&tokenize("assume the debt of Acme", 0)).is_none());
    }

    #[test]
    fn since_closes_an_apposed_office() {
        assert_eq!(
            matches("David Peterson, president since 1982, was elected chief executive."),
            [
                ("appositive", "president".into(), "David Peterson".into()),
                (
                    "predicate",
                    "chief executive".into(),
                    "David Peterson".into()
                ),
            ]
        );
        let len = |text: &str| since_len(&tokenize(text, 0));
        assert_eq!(len("since March 1985, said"), 3);
        assert_eq!(len("since 1982."), 2);
        assert_eq!(len("since the merger, said"), 0);
        assert_eq!(len("since 1982 when he"), 0);
    }

    #[test]
    fn has_been_a_role_since_states_the_office() {
        assert_eq!(
            matches("James Gorter has been a director since 1978."),
            [("predicate", "director".into(), "James Gorter".into())]
        );
        assert!(matches("James Gorter is a director.").is_empty());
    }

    #[test]
    fn a_list_of_offices_after_a_leave_verb() {
        assert_eq!(
            matches("Tom Swift has resigned as president and a director of Acme Corp."),
            [(
                "predicate",
                "president and a director of Acme Corp.".into(),
                "Tom Swift".into()
            )]
        );
    }

    #[test]
    fn changes_of_office_carry_their_qualifier() {
        let q = stated;
        assert_eq!(
            q("The board appointed Jane Roe treasurer."),
            one("Jane Roe", "treasurer", Some("new"))
        );
        assert_eq!(
            q("Jane Roe takes over as chief financial officer."),
            one("Jane Roe", "chief financial officer", Some("new"))
        );
        assert_eq!(
            q("Jane Roe will take over as chief financial officer."),
            one("Jane Roe", "chief financial officer", Some("new"))
        );
        assert_eq!(
            q("Jane Roe steps down as chairman."),
            one("Jane Roe", "chairman", Some("outgoing"))
        );
        assert_eq!(
            q("Jane Roe stepped down as chairman."),
            one("Jane Roe", "chairman", Some("former"))
        );
        assert_eq!(
            q("Jane Roe was promoted to senior vice president."),
            one("Jane Roe", "senior vice president", Some("new"))
        );
        assert_eq!(
            q("Jane Roe remains chief executive."),
            one("Jane Roe", "chief executive", None)
        );
        assert_eq!(
            q("Jane Roe became finance minister in 2019."),
            one("Jane Roe", "finance minister", None)
        );
        assert_eq!(
            q("Jane Roe will act as chairman until June."),
            one("Jane Roe", "chairman", Some("acting"))
        );
        assert_eq!(
            q("Jane Roe, who was once foreign minister, said."),
            one("Jane Roe", "foreign minister", Some("former"))
        );
        assert_eq!(
            q("Jane Roe replaces John Doe as chairman."),
            [
                ("Jane Roe".to_string(), "chairman".to_string(), Some("new")),
                (
                    "John Doe".to_string(),
                    "chairman".to_string(),
                    Some("former")
                ),
            ]
        );
        // No office noun, no claim.
        assert!(q("Jane Roe will succeed Amoroso.").is_empty());
        assert!(q("Jane Roe remains optimistic about the chairman.").is_empty());
        assert!(q("Jane Roe took office in March.").is_empty());
    }

    #[test]
    fn a_title_inside_a_complement_owns_the_name() {
        // A list after the name is not an inner title.
        assert_eq!(
            matches(
                "met Secretary of State George Shultz and Commerce Secretary Malcolm Baldrige."
            )[0],
            (
                "premodifier",
                "Secretary of State".into(),
                "George Shultz".into()
            )
        );
        assert_eq!(
            matches("said Jacques Attali, aide to President Francois Mitterrand."),
            [
                (
                    "appositive",
                    "aide to President Francois Mitterrand".into(),
                    "Jacques Attali".into()
                ),
                (
                    "premodifier",
                    "President".into(),
                    "Francois Mitterrand".into()
                )
            ]
        );
        assert_eq!(
            matches("said an aide to Agriculture Secretary Richard Lyng."),
            [(
                "premodifier",
                "Agriculture Secretary".into(),
                "Richard Lyng".into()
            )]
        );
        // Before a name, the inner title keeps the name.
        assert_eq!(
            matches("Presidential aide to President Francois Mitterrand said."),
            [(
                "premodifier",
                "President".into(),
                "Francois Mitterrand".into()
            )]
        );
    }

    #[test]
    fn the_whole_title_keeps_its_modifiers() {
        let title = |text: &str| matches(text).first().map(|m| (m.1.clone(), m.2.clone()));
        assert_eq!(
            title("House Republican whip Trent Lott said."),
            Some(("House Republican whip".into(), "Trent Lott".into()))
        );
        assert_eq!(
            title("Senate Democratic Leader Robert Byrd said."),
            Some(("Democratic Leader".into(), "Robert Byrd".into()))
        );
        assert_eq!(
            title("said Democratic Senator Lloyd Bentsen."),
            Some(("Senator".into(), "Lloyd Bentsen".into()))
        );
        assert_eq!(
            title("Supervisory board chairman Hans Roe said."),
            Some(("Supervisory board chairman".into(), "Hans Roe".into()))
        );
        assert_eq!(
            title("White House budget director James Miller said."),
            Some(("budget director".into(), "James Miller".into()))
        );
        assert_eq!(
            title("Acme Securities analyst Jane Roe said."),
            Some(("analyst".into(), "Jane Roe".into()))
        );
        assert_eq!(
            title("said energy analyst Jane Roe of Acme."),
            Some(("energy analyst".into(), "Jane Roe".into()))
        );
        assert_eq!(
            title("said Jane Roe, president and chief executive officer of Acme Corp."),
            Some((
                "president and chief executive officer of Acme Corp.".into(),
                "Jane Roe".into()
            ))
        );
    }

    /// The qualifier of each match in `text`.
    fn qualifiers(text: &str) -> Vec<(String, Option<&'static str>)> {
        let toks = tokenize(text, 0);
        let lx = test_lexicon();
        title_matches(&lx, &toks)
            .iter()
            .map(|m| {
                let n = m.name;
                (
                    text[n[0].start..n[n.len() - 1].end].to_string(),
                    m.qualifier,
                )
            })
            .collect()
    }

    #[test]
    fn a_present_predicate_in_a_clause_of_time_is_to_come() {
        assert_eq!(
            qualifiers("After Jane Roe is sworn in as president in January, ties may change."),
            [("Jane Roe".to_string(), Some("designate"))]
        );
        // Without the conjunction, the present is the present.
        let plain = qualifiers("Jane Roe is sworn in as president on Monday.");
        assert!(!plain.is_empty());
        assert!(
            plain.iter().all(|(_, q)| *q != Some("designate")),
            "{plain:?}"
        );
    }

    #[test]
    fn succession_marks_the_title_as_not_current() {
        // The successor's title is the one held before the change.
        assert_eq!(
            qualifiers("Smith, who was replaced by deputy governor Jane Roe last month, spoke."),
            [("Jane Roe".to_string(), Some("then"))]
        );
        assert_eq!(
            qualifiers("He was succeeded by Vice Chairman Jane Roe."),
            [("Jane Roe".to_string(), Some("then"))]
        );
        // The object of an active succession verb is the predecessor.
        assert_eq!(
            qualifiers("Jane Roe replaced governor Tom Poe in February."),
            [("Tom Poe".to_string(), Some("former"))]
        );
        assert_eq!(
            qualifiers("Deputy governor Jane Roe spoke."),
            [("Jane Roe".to_string(), None)]
        );
    }

    #[test]
    fn active_office_verb_is_not_about_the_subject() {
        assert_eq!(
            matches("Reagan named Baker chairman."),
            [("predicate", "chairman".into(), "Baker".into())]
        );
    }

    #[test]
    fn conjoined_offices_stay_one_match() {
        let m = matches("Lee Iacocca, chairman and chief executive officer of Chrysler, said.");
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].1, "chairman and chief executive officer of Chrysler");
    }

    #[test]
    fn deal_roles_and_companies_are_not_people() {
        assert!(matches(
            "The issue was priced at par, lead manager Credit Suisse First Boston Ltd said."
        )
        .is_empty());
        assert!(matches("The issue was priced at par, lead manager Nomura said.").is_empty());
        assert!(
            matches("An official at joint lead manager Copenhagen Handelsbank A/S said.")
                .is_empty()
        );
        assert!(
            matches("It sought to buy U.S. publisher Harcourt Brace Jovanovich Inc.").is_empty()
        );
        assert!(matches("It is interested in Dutch publisher Kluwer NV.").is_empty());
        assert!(
            matches("It was reported by the official Ivorian daily Fraternite Matin.").is_empty()
        );
        assert!(matches("Sole manager Baring Brothers said the notes were sold.").is_empty());
    }

    #[test]
    fn a_head_after_a_given_name_is_a_surname() {
        assert_eq!(
            matches("Acme said John Pope Jr has been elected president."),
            [(
                "predicate",
                "president".to_string(),
                "John Pope Jr".to_string()
            )]
        );
    }

    #[test]
    fn a_clause_closes_an_appositive_and_its_complement() {
        assert_eq!(
            matches("Ed Bren, chairman of Sears and Co which reported a gain, said so."),
            [(
                "appositive",
                "chairman of Sears and Co".to_string(),
                "Ed Bren".to_string()
            )]
        );
        assert_eq!(
            matches("Acme said Jim Dole has resigned as chairman of Acme and now owns shares."),
            [(
                "predicate",
                "chairman of Acme".to_string(),
                "Jim Dole".to_string()
            )]
        );
        assert_eq!(
            matches("Tom Lee was elected president to succeed Jim Dole."),
            [("predicate", "president".to_string(), "Tom Lee".to_string())]
        );
        // A firm named to a role is not a person.
        assert!(matches("Acme said it has named Salomon Inc financial adviser.").is_empty());
    }

    #[test]
    fn an_adverb_of_the_past_after_the_office_makes_it_former() {
        let lx = test_lexicon();
        let text =
            "Foreign Minister Gino Ardi, who has been prime minister five times previously, spoke.";
        let toks = tokenize(text, 0);
        let found: Vec<(Pattern, Option<&str>)> = title_matches(&lx, &toks)
            .iter()
            .map(|m| (m.pattern, m.qualifier))
            .collect();
        assert_eq!(
            found,
            [
                (Pattern::Premodifier, None),
                (Pattern::Predicate, Some("former"))
            ]
        );
    }

    #[test]
    fn a_predicate_may_state_a_second_role() {
        let lx = test_lexicon();
        let text = "Acme said Jim Dole was elected president of the unit and executive vice president of the parent.";
        let toks = tokenize(text, 0);
        let found: Vec<(Pattern, Option<&str>, &str)> = title_matches(&lx, &toks)
            .iter()
            .map(|m| {
                (
                    m.pattern,
                    m.qualifier,
                    &text[m.title.value_start()..m.title.end()],
                )
            })
            .collect();
        assert_eq!(
            found,
            [
                (Pattern::Predicate, Some("new"), "president of the unit"),
                (
                    Pattern::Predicate,
                    Some("new"),
                    "executive vice president of the parent"
                )
            ]
        );
    }

    #[test]
    fn a_premodified_name_may_be_a_predicates_subject() {
        assert_eq!(
            matches("Dutch agricultural scientist Jan Berg will take over as its director in May."),
            [
                (
                    "premodifier",
                    "agricultural scientist".to_string(),
                    "Jan Berg".to_string()
                ),
                ("predicate", "director".to_string(), "Jan Berg".to_string())
            ]
        );
        assert_eq!(
            matches("Treasury Secretary Tom Hale, who was once budget director, spoke."),
            [
                (
                    "premodifier",
                    "Treasury Secretary".to_string(),
                    "Tom Hale".to_string()
                ),
                (
                    "predicate",
                    "budget director".to_string(),
                    "Tom Hale".to_string()
                )
            ]
        );
    }

    #[test]
    fn with_names_the_employer_only_beside_a_name() {
        // In a predicate, "with" + a name is the successor, not the firm.
        assert_eq!(
            matches("The company replaced Jim Dole as president with Ann Fisher."),
            [("predicate", "president".to_string(), "Jim Dole".to_string())]
        );
    }

    #[test]
    fn an_abbreviation_in_brackets_is_not_the_name() {
        assert_eq!(
            matches(
                "Later, the director of the bank's Export Department (Cadex), Rui Lima, spoke."
            ),
            [(
                "of-phrase",
                "director of the bank's Export Department".to_string(),
                "Rui Lima".to_string()
            )]
        );
    }

    #[test]
    fn an_employer_after_with() {
        assert_eq!(
            matches("Kate Dunn, a vice president with Delta Bank and Co Inc, said rates fell."),
            [(
                "appositive",
                "vice president with Delta Bank and Co Inc".to_string(),
                "Kate Dunn".to_string()
            )]
        );
        // No firm after "with": the appositive is not read past it.
        assert!(matches("Kate Dunn, the minister with responsibility for trade, said.").is_empty());
    }

    #[test]
    fn a_head_after_a_left_out_determiner_is_an_adjective() {
        // "official" read at its own position, after "the": no title.
        assert!(matches("Exports rose, the official Banco do Norte said.").is_empty());
        // A name of two words after a determined occupation stays a claim.
        assert_eq!(
            matches("A theory by the late seismologist Kenji Sato holds."),
            [(
                "premodifier",
                "seismologist".to_string(),
                "Kenji Sato".to_string()
            )]
        );
    }

    #[test]
    fn names_with_only_an_employer_are_not_claims() {
        assert!(matches("Frederick Tsang of Mansion House Securities said.").is_empty());
        assert!(matches("L.F. Rothschild's Ilacqua said prices fell.").is_empty());
        assert!(matches("Analysts said a Treasury spokesman declined comment.").is_empty());
        // Issue 17: an occupation with an employer is a role (definition v2).
        assert_eq!(
            matches("Steven Eisenberg, an analyst at Bear Stearns, said.")[0].1,
            "analyst at Bear Stearns"
        );
    }

    #[test]
    fn appositive_ends_at_a_reporting_verb() {
        assert_eq!(
            matches(
                "Vernon McMinimy, director of commodity research for Staley Co. said prices fell."
            ),
            [(
                "appositive",
                "director of commodity research for Staley Co.".into(),
                "Vernon McMinimy".into()
            )]
        );
    }

    #[test]
    fn place_before_an_unnamed_role_is_not_a_name() {
        assert!(matches("Workers struck in Sao Paulo, a union spokesman said.").is_empty());
    }

    #[test]
    fn secretary_general_keeps_general_in_the_title() {
        assert_eq!(
            matches("Secretary General Javier Perez de Cuellar spoke."),
            [(
                "premodifier",
                "Secretary General".into(),
                "Javier Perez de Cuellar".into()
            )]
        );
        assert!(matches("It bought Cardinal Technologies Inc.").is_empty());
    }

    #[test]
    fn date_is_not_a_given_name() {
        assert!(matches("The chairman on Jan 5 said.").is_empty());
    }

    #[test]
    fn second_appositive_gives_the_person_a_second_role() {
        let m = matches("said Lyle Gramley, chief economist of the Mortgage Bankers Association and a former Federal Reserve Board official.");
        assert_eq!(m.len(), 2, "{m:?}");
        assert_eq!(
            m[0].1,
            "chief economist of the Mortgage Bankers Association"
        );
        assert_eq!(
            m[1],
            ("appositive", "official".into(), "Lyle Gramley".into())
        );
        // No second role: a list of names goes on.
        let m = matches("Rainer Gut, chairman of Credit Suisse and John Doe met.");
        assert!(m.iter().all(|x| x.2 != "Rainer Gut" || x.1 != "official"));
    }

    #[test]
    fn occupations_are_roles_only_with_a_name() {
        assert_eq!(
            matches("said James Crandell, analyst at Salomon Brothers Inc.")[0],
            (
                "appositive",
                "analyst at Salomon Brothers Inc.".into(),
                "James Crandell".into()
            )
        );
        assert_eq!(
            matches("Bear Stearns analyst Monroe Greenstein said.")[0],
            ("premodifier", "analyst".into(), "Monroe Greenstein".into())
        );
        assert_eq!(
            matches("There was speculation that Harold Simmons, the Dallas investor, might buy.")
                [0]
            .1,
            "investor"
        );
        assert!(matches("Analysts said the packaging division could be sold.").is_empty());
        assert!(matches("Most economists predict slower growth.").is_empty());
        assert!(matches("One analyst said another factor was Borg-Warner Corp.").is_empty());
    }

    /// What [`stated`] gives for a text holding one match.
    fn one(
        name: &str,
        title: &str,
        qual: Option<&'static str>,
    ) -> Vec<(String, String, Option<&'static str>)> {
        vec![(name.to_string(), title.to_string(), qual)]
    }

    /// (name, title, qualifier) of every match in `text`.
    fn stated(text: &str) -> Vec<(String, String, Option<&'static str>)> {
        let toks = tokenize(text, 0);
        let lx = test_lexicon();
        title_matches(&lx, &toks)
            .iter()
            .map(|m| {
                let n = m.name;
                (
                    text[n[0].start..n[n.len() - 1].end].to_string(),
                    text[m.title.value_start()..m.title.end()].to_string(),
                    m.qualifier,
                )
            })
            .collect()
    }

    fn row(
        name: &str,
        title: &str,
        q: Option<&'static str>,
    ) -> (String, String, Option<&'static str>) {
        (name.to_string(), title.to_string(), q)
    }

    #[test]
    fn a_subject_may_be_separated_from_its_verb_of_office() {
        assert_eq!(
            stated("Ann Lee, a national of Ruritania, has been appointed treasurer of the fund."),
            [row("Ann Lee", "treasurer of the fund", Some("new"))]
        );
        assert_eq!(
            stated("Tom Poe, who is recovering from an illness, has been named chairman."),
            [row("Tom Poe", "chairman", Some("new"))]
        );
        assert_eq!(
            stated("Tom Poe of Springfield, Ill. was elected vice president."),
            [row("Tom Poe", "vice president", Some("new"))]
        );
        // An apposed title is a claim of its own, and the verb states another.
        assert_eq!(
            stated("Tom Poe, a vice president, was named treasurer."),
            [
                row("Tom Poe", "vice president", None),
                row("Tom Poe", "treasurer", Some("new"))
            ]
        );
        // A quotation's commas, an infinitive after an origin, a bare "is".
        for text in [
            "Tom Poe, the company said, was president.",
            "Acme named Orimedia of Paris to become its sales agent.",
            "Tom Poe, a friend of the family, is the best chairman.",
        ] {
            assert_eq!(stated(text), [], "{text}");
        }
    }

    #[test]
    fn a_verb_of_office_may_take_its_office_after_to() {
        assert_eq!(
            stated("Acme promoted Ann Lee to chief operating officer."),
            [row("Ann Lee", "chief operating officer", Some("new"))]
        );
        assert_eq!(
            stated("Acme named Ann Lee to its newly-created post of treasurer."),
            [row("Ann Lee", "treasurer", Some("new"))]
        );
        assert_eq!(
            stated("The president nominated Ann Lee to be director of the agency."),
            [row("Ann Lee", "director of the agency", Some("designate"))]
        );
        assert_eq!(
            stated("The board elected Tom Poe of Springfield as its new president."),
            [row("Tom Poe", "president", Some("new"))]
        );
        assert_eq!(
            stated("The president nominated Ann Lee to head the agency."),
            []
        );
    }

    #[test]
    fn a_premodified_or_apposed_object_takes_the_office() {
        assert_eq!(
            stated("Acme named Tom Poe, formerly a vice president of Bolt Inc, as president."),
            [
                row("Tom Poe", "vice president of Bolt Inc", Some("former")),
                row("Tom Poe", "president", Some("new"))
            ]
        );
        assert_eq!(
            stated("Reagan named former senator Howard Baker as his new chief of staff."),
            [
                row("Howard Baker", "senator", None),
                row("Howard Baker", "chief of staff", Some("new"))
            ]
        );
        // An age, an abbreviation or a reverse appositive's closing comma
        // before the complement.
        assert_eq!(
            stated("Reagan will nominate career diplomat Sol Poe, 60, as ambassador to Peru."),
            [
                row("Sol Poe", "diplomat", None),
                row("Sol Poe", "ambassador to Peru", Some("new"))
            ]
        );
        assert_eq!(
            stated("The board appointed its chief spokesman, Hugo Lee, as its top official."),
            [
                row("Hugo Lee", "chief spokesman", None),
                row("Hugo Lee", "top official", Some("new"))
            ]
        );
        assert_eq!(
            stated("Reagan is to nominate Jo Roe, chairman of the Trade Commission, TC, as envoy."),
            [
                row("Jo Roe", "chairman of the Trade Commission", None),
                row("Jo Roe", "envoy", Some("new"))
            ]
        );
        // A post given now; a title that a name follows is that name's.
        assert_eq!(
            stated("The board elected chairman Jo Roe to the additional post of president."),
            [
                row("Jo Roe", "chairman", None),
                row("Jo Roe", "president", Some("new"))
            ]
        );
        let other = stated(
            "Directors elected Chairman Jo Roe to the added title of president and \
             Chief Financial Officer Tom Poe was elected treasurer.",
        );
        assert!(
            !other
                .iter()
                .any(|(n, t, _)| n == "Jo Roe" && t.contains("Officer")),
            "{other:?}"
        );
        assert_eq!(
            stated("Acme will name Jo Roe, an aide, as President Ann Lee's press secretary."),
            [
                row("Jo Roe", "aide", None),
                row("Jo Roe", "press secretary", Some("new")),
                row("Ann Lee", "President", None)
            ]
        );
        // Not a list of people after an object.
        assert_eq!(
            stated("Acme named Jo Roe, 52, and Tom Poe, 60, to the board."),
            Vec::<(String, String, Option<&str>)>::new()
        );
    }

    #[test]
    fn the_agent_of_a_passive_change_of_office_takes_the_office() {
        assert_eq!(
            stated(
                "Tom Poe will be replaced as managing director of Acme by Ann Lee, its treasurer."
            ),
            [
                row("Tom Poe", "managing director of Acme", Some("outgoing")),
                row("Ann Lee", "managing director of Acme", Some("designate")),
                row("Ann Lee", "treasurer", None),
            ]
        );
        assert_eq!(
            stated("Tom Poe is succeeded as president by Ann Lee."),
            [
                row("Tom Poe", "president", Some("former")),
                row("Ann Lee", "president", Some("new")),
            ]
        );
        assert_eq!(
            stated("The unit will be headed by Ann Lee as general manager."),
            [row("Ann Lee", "general manager", Some("designate"))]
        );
        // No office after the agent, or a firm as the agent: no claim.
        assert!(stated("The unit will be headed by Ann Lee in Tokyo.").is_empty());
        assert!(stated("The bid was led by Acme Securities Corp as manager.").is_empty());
        assert_eq!(
            stated("Tom Poe was replaced as chairman by the board."),
            [row("Tom Poe", "chairman", Some("former"))]
        );
    }

    #[test]
    fn a_reverse_appositive_name_may_carry_a_short_title() {
        assert_eq!(
            stated("Trade Subcommittee chairman, Rep. Sam Poe, said the analyses were weak."),
            [
                row("Sam Poe", "chairman", None),
                row("Sam Poe", "Rep.", None),
            ]
        );
        assert_eq!(
            stated("The panel will draft a budget which its chairman, Sen Jo Roe, said he hopes."),
            [row("Jo Roe", "chairman", None), row("Jo Roe", "Sen", None)]
        );
        // A comma before the title: the match is the premodifier, once.
        assert_eq!(
            stated("It will defend prices, its president Jo Roe said."),
            [row("Jo Roe", "president", None)]
        );
        // A longer title after the comma opens a list of titled names.
        let listed = stated("The chairman, Foreign Trade Minister Jo Roe, said so.");
        assert!(
            !listed.contains(&row("Jo Roe", "chairman", None)),
            "{listed:?}"
        );
    }

    #[test]
    fn a_who_clause_before_a_bare_copula_keeps_the_office() {
        assert_eq!(
            stated("Tom Poe, who will work out of Paris, is vice president of Acme."),
            [row("Tom Poe", "vice president of Acme", None)]
        );
        // Any other interpolation needs a verb of office.
        assert!(stated("Acme Corp, a unit of Bolt, is financial adviser.").is_empty());
    }

    #[test]
    fn a_predecessor_may_follow_without_a_comma() {
        assert_eq!(
            stated("Acme appointed Ann Lee chief executive replacing Tom Poe, who retires."),
            [
                row("Ann Lee", "chief executive", Some("new")),
                row("Tom Poe", "chief executive", Some("former")),
            ]
        );
    }

    #[test]
    fn a_one_word_name_after_an_of_complement_is_the_orgs_tail() {
        for text in [
            "A spokesman for Suiker Unie said prices fell.",
            "The general partner of May Energy said so.",
        ] {
            assert_eq!(stated(text), [], "{text}");
        }
        assert_eq!(
            stated("Minister of Mines and Energy Subroto said so."),
            [row("Subroto", "Minister of Mines and Energy", None)]
        );
    }

    #[test]
    fn a_joined_employer_gives_the_office() {
        assert_eq!(
            stated("Poe joined Acme in 1985 as senior vice president."),
            [row("Poe", "senior vice president", None)]
        );
        assert_eq!(stated("Poe joined Acme in 1985."), []);
    }

    #[test]
    fn coordinated_subjects_each_take_the_office() {
        assert_eq!(
            stated("Acme said Ann Lee and Tom Poe were named directors."),
            [
                row("Ann Lee", "directors", Some("new")),
                row("Tom Poe", "directors", Some("new"))
            ]
        );
        assert_eq!(
            stated("Ann Lee, Jo Roe and Tom Poe, both lawyers, were elected directors of Acme."),
            [
                row("Ann Lee", "directors of Acme", Some("new")),
                row("Jo Roe", "directors of Acme", Some("new")),
                row("Tom Poe", "directors of Acme", Some("new"))
            ]
        );
        for text in [
            "Ann Lee and Tom Poe were elected chairman and vice chairman, respectively.",
            "Acme said Bolt Securities and Merrill Lynch were named underwriters.",
        ] {
            assert_eq!(stated(text), [], "{text}");
        }
    }

    #[test]
    fn the_predecessor_after_a_change_of_office_is_a_row() {
        assert_eq!(
            stated(
                "Acme said Ann Lee has been appointed treasurer, replacing Tom Poe, who resigned."
            ),
            [
                row("Ann Lee", "treasurer", Some("new")),
                row("Tom Poe", "treasurer", Some("former"))
            ]
        );
        assert_eq!(
            stated("Ann Lee was named president, succeeding Tom Poe, who plans to retire."),
            [
                row("Ann Lee", "president", Some("new")),
                row("Tom Poe", "president", Some("outgoing"))
            ]
        );
        // Only after a change of office.
        assert_eq!(
            stated("Ann Lee, the treasurer, replacing Tom Poe, spoke."),
            [row("Ann Lee", "treasurer", None)]
        );
    }

    #[test]
    fn change_nouns_state_an_office() {
        assert_eq!(
            stated(
                "They expect Ann Lee's nomination to succeed Tom Poe as deputy finance secretary."
            ),
            [
                row("Ann Lee", "deputy finance secretary", Some("designate")),
                row("Tom Poe", "deputy finance secretary", Some("former"))
            ]
        );
        assert_eq!(
            stated("Ann Lee's resignation as chairman surprised nobody."),
            [row("Ann Lee", "chairman", Some("former"))]
        );
        assert_eq!(
            stated("The board confirmed the appointment of Ann Lee as treasurer."),
            [row("Ann Lee", "treasurer", Some("new"))]
        );
        assert!(stated("Ann Lee's appointment surprised nobody.").is_empty());
    }

    #[test]
    fn serving_and_posts_of_an_office() {
        assert_eq!(
            stated("Ann Lee will continue as chairman."),
            [row("Ann Lee", "chairman", None)]
        );
        assert_eq!(
            stated("Ann Lee, who has served as treasurer since 1983, will retire."),
            [row("Ann Lee", "treasurer", None)]
        );
        assert_eq!(
            stated("Ann Lee served as finance minister from 1980."),
            [row("Ann Lee", "finance minister", Some("former"))]
        );
        assert_eq!(
            stated("Ann Lee has been named to the added post of chief executive."),
            [row("Ann Lee", "chief executive", Some("new"))]
        );
        assert_eq!(
            stated("Ann Lee was named a director."),
            [row("Ann Lee", "director", Some("new"))]
        );
    }

    #[test]
    fn an_age_or_an_adverb_after_the_name() {
        assert_eq!(
            stated("Ann Lee, 52, was named president."),
            [row("Ann Lee", "president", Some("new"))]
        );
        assert_eq!(
            stated("Ann Lee, 52, treasurer of Acme Corp, said."),
            [row("Ann Lee", "treasurer of Acme Corp", None)]
        );
        assert_eq!(
            stated("Ann Lee, formerly treasurer of Acme Corp, said."),
            [row("Ann Lee", "treasurer of Acme Corp", Some("former"))]
        );
        assert_eq!(
            stated("Ann Lee, also managing director of <Acme Bank AG>, said."),
            [row("Ann Lee", "managing director of <Acme Bank AG>", None)]
        );
    }

    #[test]
    fn appositives_without_their_comma_or_article() {
        assert_eq!(
            stated("Prices will rise, Ann Lee, Acme Paper Institute president said."),
            [row("Ann Lee", "president", None)]
        );
        assert_eq!(
            stated("Ann Lee chairman of Acme Mining Co told Reuters prices rose."),
            [row("Ann Lee", "chairman of Acme Mining Co", None)]
        );
        // A lower-case head without an employer is no title there.
        assert!(stated("Ann Lee chairman said.").is_empty());
        assert_eq!(
            stated("Head of the chamber's credit section, Ann Lee, said."),
            [row("Ann Lee", "Head of the chamber's credit section", None)]
        );
    }

    #[test]
    fn apposed_offices_of_company_people() {
        // An abbreviated office and a second one, no employer named.
        assert_eq!(
            stated("Costs will fall, Ann Lee, VP and general manager, said."),
            [row("Ann Lee", "VP and general manager", None)]
        );
        // A name the lexicon does not know holds two offices before the
        // verb; one office alone there is as often a place's.
        assert_eq!(
            stated("Profits rose, Burnell Quist, chairman and chief executive officer said."),
            [row(
                "Burnell Quist",
                "chairman and chief executive officer",
                None
            )]
        );
        assert!(stated("In Sao Paulo, union spokesman said.").is_empty());
        // The employer after a comma chain.
        assert_eq!(
            stated("Costs rose 30 pct, Gordon Quist, VP and general manager, oil sands and coal department, Acme Resources Canada Ltd said."),
            [row(
                "Gordon Quist",
                "VP and general manager, oil sands and coal department, Acme Resources Canada Ltd",
                None
            )]
        );
        assert_eq!(
            stated("Jo Roe, president, Acme Corp, said."),
            [row("Jo Roe", "president, Acme Corp", None)]
        );
        // The field after the office; the firm in angle brackets.
        assert_eq!(
            stated("Costs rose, according to Tom Poe, Senior VP Operations <Acme Oil Ltd>."),
            [row("Tom Poe", "Senior VP Operations", None)]
        );
        assert!(
            stated("Acme dealt with Fidelity, a Los Angeles investor group, and others.")
                .is_empty()
        );
        // A month or a nationality closes a name before its comma.
        assert_eq!(
            stated("Also, Bill May, chairman of Acme Systems, granted options."),
            [row("Bill May", "chairman of Acme Systems", None)]
        );
        // The "Co" of an employer is no role in a deal.
        assert_eq!(
            stated("Jo Roe, general manager of Acme Trust Co Ltd, said."),
            [row("Jo Roe", "general manager of Acme Trust Co Ltd", None)]
        );
        // Where the person comes from, before the comma.
        assert_eq!(
            stated("Ann Lee of Ruritania, chairman of the tin conference, held talks."),
            [row("Ann Lee", "chairman of the tin conference", None)]
        );
        // An adverb before the reporting verb.
        assert_eq!(
            stated("Prices will fall, Robert Quist, the bank's senior economist also said."),
            [row("Robert Quist", "senior economist", None)]
        );
        // A firm that opens with initials, a field before the head.
        assert_eq!(
            stated("\"It sells,\" said Ann Lee, J.Q. Acme cosmetics analyst."),
            [row("Ann Lee", "cosmetics analyst", None)]
        );
        assert_eq!(
            stated("\"Records,\" said Tom Poe, Acme's newly elected chairman."),
            [row("Tom Poe", "chairman", None)]
        );
        // Someone's deputy, named after the comma.
        assert_eq!(
            stated("The post may go to Quist's deputy, Helmut Roe, a monetarist."),
            [row("Helmut Roe", "deputy", None)]
        );
    }

    #[test]
    fn apposed_descriptions_without_a_determiner() {
        assert_eq!(
            stated("Prices may rise, Jane Roe, livestock analyst for Acme Grain, said."),
            [row("Jane Roe", "livestock analyst for Acme Grain", None)]
        );
        assert_eq!(
            stated("Tom Poe, joint secretary of the Acme Growers Association said prices rose."),
            [row(
                "Tom Poe",
                "joint secretary of the Acme Growers Association",
                None
            )]
        );
        assert_eq!(
            stated("Ann Lee, a financial markets economist with Acme Bank Inc, said."),
            [row(
                "Ann Lee",
                "financial markets economist with Acme Bank Inc",
                None
            )]
        );
        // A place "-based" describes the person; "representing" names the
        // employer.
        assert_eq!(
            stated("Rob Doe, a Dallas-based land manager representing Acme Oil Corp, said."),
            [row(
                "Rob Doe",
                "land manager representing Acme Oil Corp",
                None
            )]
        );
        // A verb after the comma is no description.
        assert!(stated("Joe Roe, became chairman, the company said.").is_empty());
        // A capitalised market noun ends a firm's name, out of the value.
        assert_eq!(matches("Acme Futures analyst Jo Roe said.")[0].1, "analyst");
    }

    #[test]
    fn listed_names_sharing_a_role_give_one_row_each() {
        assert_eq!(
            stated("They were Ann Lee, Tom Poe and Jo Roe, all well-known promoters of art."),
            [
                row("Ann Lee", "promoters of art", None),
                row("Tom Poe", "promoters of art", None),
                row("Jo Roe", "promoters of art", None),
            ]
        );
        assert_eq!(
            stated("His partners, Ann Lee and Tom Poe, all resigned as directors."),
            [
                row("Ann Lee", "directors", Some("former")),
                row("Tom Poe", "directors", Some("former")),
            ]
        );
        // No plural role, no list: "all" says something else.
        assert!(stated("Ann Lee and Tom Poe, all smiles, left.").is_empty());
        assert!(stated("Ann Lee, Tom Poe, all directors, left.").is_empty());
    }

    #[test]
    fn a_second_role_keeps_its_own_qualifier() {
        assert_eq!(
            stated("said Ann Lee, formerly staff director at the Fed and now vice-chairman of Acme Corp, on Monday."),
            [
                row("Ann Lee", "staff director at the Fed", Some("former")),
                row("Ann Lee", "vice-chairman of Acme Corp", None),
            ]
        );
    }

    #[test]
    fn an_owner_that_is_a_title_and_a_name_holds_a_claim() {
        assert_eq!(
            stated("President Roe's national security adviser Tom Poe said."),
            [
                row("Tom Poe", "national security adviser", None),
                row("Roe", "President", None),
            ]
        );
        // A country or a firm as owner holds none.
        assert_eq!(stated("Acme Corp's chairman Tom Poe said.").len(), 1);
    }

    #[test]
    fn lower_case_complements_before_a_name() {
        assert_eq!(
            stated("Acme vice-minister of finance for international affairs Ken Sato said."),
            [row(
                "Ken Sato",
                "vice-minister of finance for international affairs",
                None
            )]
        );
        assert_eq!(
            stated("White House chief of staff Tom Poe said."),
            [row("Tom Poe", "chief of staff", None)]
        );
        assert_eq!(
            stated("Chairman of the firm Ann Lee said."),
            [row("Ann Lee", "Chairman of the firm", None)]
        );
        // After lower-case words every capitalised word is the name's.
        assert_eq!(
            stated("He met minister of mines and power Ade Bello Musa."),
            [row("Ade Bello Musa", "minister of mines and power", None)]
        );
        // Not a name: no claim.
        assert!(stated("The minister of finance said.").is_empty());
    }

    #[test]
    fn offices_to_come_and_their_predecessors() {
        assert_eq!(
            stated("Ann Lee will be vice chairman, they said."),
            [row("Ann Lee", "vice chairman", Some("designate"))]
        );
        // A firm's role, or a lower-case word after the office, is none.
        assert!(stated("Acme Securities will be the dealer.").is_empty());
        assert!(stated("Ann Lee will be the executive committee's guest.").is_empty());
        assert_eq!(
            stated("Acme nominated Ann Lee as president, to replace Tom Poe, on Monday."),
            [
                row("Ann Lee", "president", Some("new")),
                row("Tom Poe", "president", Some("outgoing")),
            ]
        );
        // The organisation of a clause's office may be described before
        // the verb.
        let found = stated(
            "Chairman Ann Lee, who is also chairman of the Federation of Acme Makers (Fam), \
             a leading business group, will act as honorary chairman, they added.",
        );
        assert_eq!(
            found.last(),
            Some(&row("Ann Lee", "honorary chairman", Some("acting")))
        );
    }

    #[test]
    fn names_after_a_place() {
        assert_eq!(
            stated("In Frankfurt F. Wilhelm Roe, joint chief executive of Acme Bank, said."),
            [row(
                "F. Wilhelm Roe",
                "joint chief executive of Acme Bank",
                None
            )]
        );
        assert_eq!(
            stated("He met his Alberta counterpart, Neil Webb, on Monday."),
            [row("Neil Webb", "counterpart", None)]
        );
    }

    #[test]
    fn coordinated_premodifiers_give_both_offices() {
        let found = matches("Acme said president and chief operating officer Tom Poe resigned.");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].1, "president and chief operating officer");
    }

    #[test]
    fn ranks_and_occupations() {
        assert_eq!(
            matches("Capt. Tom Poe said the pilots would strike."),
            [("premodifier", "Capt.".to_string(), "Tom Poe".to_string())]
        );
        assert_eq!(
            stated("Ann Lee, a biotech analyst at Acme Securities, said."),
            [row("Ann Lee", "biotech analyst at Acme Securities", None)]
        );
        assert_eq!(
            stated("Poe, the consummate politician, agreed."),
            [row("Poe", "consummate politician", None)]
        );
    }

    #[test]
    fn firms_and_things_hold_no_title() {
        assert!(
            stated("Acme said its investment adviser, Keystone Realty Advisers, would lend.")
                .is_empty()
        );
        assert!(stated("Ann Lee, a biotech analyst at L.F. Smithson, said.")
            .iter()
            .all(|(name, _, _)| name == "Ann Lee"));
        assert!(stated("A specialist for the Oklahoma Farm Extension said.").is_empty());
        assert!(
            stated("Chancellor of the Exchequer (Finance Minister) Tom Poe said.")
                .iter()
                .all(|(name, _, _)| name != "Exchequer")
        );
    }

    #[test]
    fn a_pronoun_subject_opens_the_sentence() {
        assert_eq!(
            stated("He became finance minister in 1984."),
            [row("He", "finance minister", None)]
        );
        assert!(stated("Then he became finance minister in 1984.").is_empty());
    }

    #[test]
    fn in_his_capacity_as_states_the_owner_s_office() {
        assert_eq!(
            stated("Poe used facts learned in his capacity as an Acme director."),
            [row("his", "director", None)]
        );
        // No office after "as", or a name that owns the title: no claim.
        assert!(stated("Poe used facts learned in his capacity as a lawyer said.").is_empty());
        assert!(stated("Poe acted in his capacity as owner of the dog.").is_empty());
        // "Chairman Jo Roe" is Jo Roe's premodifier, not "her" office.
        assert_eq!(
            stated("She spoke in her capacity as Chairman Jo Roe asked."),
            [row("Jo Roe", "Chairman", None)]
        );
    }

    #[test]
    fn a_bare_copula_after_the_name_states_an_office() {
        assert_eq!(
            stated("Poe is president and chief executive officer of <Acme Holdings Inc>."),
            [row(
                "Poe",
                "president and chief executive officer of <Acme Holdings Inc>",
                None
            )]
        );
        // "was": a past office; a second one after "and its", each with its time.
        assert_eq!(
            stated("Poe was the company chief executive officer since 1980 and its chairman since 1982, it said."),
            [
                row("Poe", "company chief executive officer", Some("former")),
                row("Poe", "chairman", Some("former"))
            ]
        );
        let loose = |text: &str| {
            let toks = tokenize(text, 0);
            title_matches(&test_lexicon(), &toks)
                .iter()
                .map(|m| m.loose)
                .collect::<Vec<_>>()
        };
        // Extraction keeps it only when the article names Poe in full.
        assert_eq!(loose("Poe is chairman of Acme Corp."), [true]);
        assert_eq!(loose("Poe was named chairman of Acme Corp."), [false]);
        // Someone else's office, a firm's role, an unspecific role.
        assert!(stated("Poe is the president's brother.").is_empty());
        assert!(stated("Acme Securities is financial adviser to the bidder.").is_empty());
        assert!(stated("Poe is a director.").is_empty());
    }

    #[test]
    fn remain_become_and_a_role_after_as() {
        assert_eq!(
            stated("Ann Lee will remain executive vice president of Acme Foods and president of Acme Dairy, it said."),
            [
                row("Ann Lee", "executive vice president of Acme Foods", None),
                row("Ann Lee", "president of Acme Dairy", None)
            ]
        );
        assert_eq!(
            stated("Ann Lee will remain as a consultant to the firm."),
            [row("Ann Lee", "consultant to the firm", None)]
        );
        assert_eq!(
            stated("Ann Lee will become chairman in May."),
            [row("Ann Lee", "chairman", Some("designate"))]
        );
        assert!(stated("Ann Lee will remain on the board.").is_empty());
    }

    #[test]
    fn a_kin_apposition_or_a_clause_before_the_verb() {
        assert_eq!(
            stated("It said vice president Tom Poe, her nephew, has been named chairman and CEO."),
            [
                row("Tom Poe", "vice president", None),
                row("Tom Poe", "chairman and CEO", Some("new"))
            ]
        );
        assert_eq!(
            stated("Director Ann Lee, who is also president of Acme Ranch Inc, has been named treasurer."),
            [
                row("Ann Lee", "Director", None),
                row("Ann Lee", "president of Acme Ranch Inc", None),
                row("Ann Lee", "treasurer", Some("new"))
            ]
        );
        assert_eq!(
            stated("Ann Lee, president of Acme Corp, was elected chairman."),
            [
                row("Ann Lee", "president of Acme Corp", None),
                row("Ann Lee", "chairman", Some("new"))
            ]
        );
        // Any interpolation without a claim of its own is read past
        // (issue 17; it was kin only before).
        assert_eq!(
            stated("Tom Poe, his friend, was named chairman."),
            [row("Tom Poe", "chairman", Some("new"))]
        );
    }

    #[test]
    fn posts_left_and_a_premodified_name_that_left() {
        assert_eq!(
            stated("Poe, who also resigned his posts as chairman of the company's unit, left."),
            [row("Poe", "chairman of the company's unit", Some("former"))]
        );
        assert_eq!(
            stated("Acme said its chairman Tom Poe resigned this morning."),
            [row("Tom Poe", "chairman", Some("former"))]
        );
        assert_eq!(
            stated("Acme said chairman Tom Poe resigned as president."),
            [
                row("Tom Poe", "chairman", None),
                row("Tom Poe", "president", Some("former"))
            ]
        );
    }

    #[test]
    fn descriptive_words_before_a_head() {
        assert_eq!(
            stated("Ann Lee, Acme's risk management and insurance director, said."),
            [row(
                "Ann Lee",
                "risk management and insurance director",
                None
            )]
        );
        assert_eq!(
            stated("Acme Irish Bank foreign exchange dealer Tom Poe commented."),
            [row("Tom Poe", "foreign exchange dealer", None)]
        );
        assert_eq!(
            stated("Ann Lee, Poe's staff assistant, told Reuters."),
            [row("Ann Lee", "staff assistant", None)]
        );
        // An adjective describes the person: "its veteran leader".
        assert_eq!(
            stated("Party members criticised its veteran leader Tom Poe."),
            [row("Tom Poe", "leader", None)]
        );
        // A verb is no description: "the bank said".
        assert!(stated("Then the bank said chairman was absent.").is_empty());
        // "assistant" before an office is its rank.
        assert_eq!(
            stated("Assistant Treasury Secretary Ann Lee spoke."),
            [row("Ann Lee", "Assistant Treasury Secretary", None)]
        );
    }

    #[test]
    fn a_premodified_name_before_a_possessive_or_a_date() {
        assert_eq!(
            stated("Deng told visiting Foreign Secretary Ann Lee China's troubles were over."),
            [row("Ann Lee", "Foreign Secretary", None)]
        );
        assert_eq!(
            stated("He met Secretary of State Ann Lee on Monday."),
            [row("Ann Lee", "Secretary of State", None)]
        );
        // A unit's number; the rest of a firm's name after its acronym.
        assert!(stated("A spokeswoman for Teamsters Local 912 said.").is_empty());
        assert!(
            stated("Tom Poe will stay and president of QX Chemicals, it said.")
                .iter()
                .all(|(name, _, _)| name != "Chemicals")
        );
    }

    #[test]
    fn a_place_after_an_appositive_and_an_office_opening_the_sentence() {
        assert_eq!(
            stated("It is under way, said Tom Poe, the U.S. attorney in Greensboro, N.C."),
            [row("Tom Poe", "attorney", None)]
        );
        assert_eq!(
            stated("A member of parliament for the region, Ann Lee, said help came."),
            [row("Ann Lee", "member of parliament for the region", None)]
        );
        assert!(stated("Ann Lee, a member of the club, said.").is_empty());
    }

    #[test]
    fn what_a_bare_copula_or_a_description_does_not_state() {
        // An adjective, a description, a firm's role.
        assert!(stated("United States is the principal supplier.").is_empty());
        assert!(stated("Tom Poe is the first official to be charged.").is_empty());
        assert!(stated("Tom Poe is the first secretary of state to visit Beijing.").is_empty());
        assert!(
            stated("Acme is the company's lead banker on the loan, Poe said.")
                .iter()
                .all(|(name, _, _)| name != "Poe")
        );
        assert!(stated("London-based dealer Gill and Duffus said prices rose.").is_empty());
        assert!(stated("It sells the GM Dealer Equipment service.").is_empty());
        assert!(stated("GM Dealer Equipment will grow.").is_empty());
        assert!(stated("It will market GM's Dealer Equipment service.").is_empty());
        assert_eq!(
            stated("Analyst Tom Poe said prices rose."),
            [row("Tom Poe", "Analyst", None)]
        );
        assert!(stated("It named a joint director on the board, Poe said.").is_empty());
        assert_eq!(
            stated("Acme's spokesman, Tom Poe said prices rose."),
            [row("Tom Poe", "spokesman", None)]
        );
        assert!(stated(
            "It sold it to Caisse de depot du Quebec, the provincial pension fund manager."
        )
        .is_empty());
        // A premodifier over a clause or a qualifier.
        assert_eq!(
            stated("Troops made a coup attempt against leader Tom Poe."),
            [row("Tom Poe", "leader", None)]
        );
        assert_eq!(
            stated("It hurt the relationship former chairman Tom Poe built."),
            [row("Tom Poe", "chairman", None)]
        );
        // Only a person's name ends an earlier complement.
        assert!(
            stated("He quit as Director for External Debt Management at the Central Bank.")
                .iter()
                .all(|(name, _, _)| name != "Debt Management")
        );
        let loose = |text: &str| {
            let toks = tokenize(text, 0);
            title_matches(&test_lexicon(), &toks)
                .iter()
                .map(|m| m.loose)
                .collect::<Vec<_>>()
        };
        assert_eq!(loose("Merrill acts as dealer."), [true]);
        // A second office keeps the first one's check.
        assert_eq!(
            loose("Poe is president of Acme Corp and chairman of Beta Corp."),
            [true, true]
        );
    }

    #[test]
    fn a_conjunct_before_a_name_opens_the_next_clause() {
        assert_eq!(
            stated("Tom Poe was named acting chief executive and director Ann Lee was named acting chairman."),
            [
                row("Tom Poe", "chief executive", Some("new")),
                row("Ann Lee", "director", None),
                row("Ann Lee", "chairman", Some("new"))
            ]
        );
        assert_eq!(
            stated("Tom Poe was named manager of the new unit reporting to Ann Lee, president of its parent."),
            [
                row("Tom Poe", "manager of the new unit", Some("new")),
                row("Ann Lee", "president of its parent", None)
            ]
        );
    }

    #[test]
    fn changes_of_office_after_an_infinitive_or_a_held_post() {
        assert_eq!(
            stated("Acme said Jo Roe has agreed to remain as chief executive officer until May."),
            [row("Jo Roe", "chief executive officer", None)]
        );
        assert_eq!(
            stated("Roe, who also holds the title of treasurer, said so. Jo Roe left."),
            [row("Roe", "treasurer", None)]
        );
        assert_eq!(
            stated("Tom Poe held the post of treasurer."),
            [row("Tom Poe", "treasurer", Some("former"))]
        );
        // "holds" with no post noun states no office.
        assert!(stated("Tom Poe holds the treasurer responsible.").is_empty());
    }

    #[test]
    fn the_holder_a_successor_takes_over_from_is_a_row() {
        assert_eq!(
            stated("Jo Roe will take over for Tom Poe as president of Acme Services."),
            [
                row("Jo Roe", "president of Acme Services", Some("new")),
                row("Tom Poe", "president of Acme Services", Some("outgoing"))
            ]
        );
        assert_eq!(
            stated("Acme said Jo Roe, taking over the title of president from Tom Poe, who will remain chairman, starts in May."),
            [
                row("Tom Poe", "president", Some("outgoing")),
                row("Tom Poe", "chairman", None)
            ]
        );
        assert!(stated("Acme took over the title of the magazine from Time Inc.").is_empty());
    }

    #[test]
    fn appositives_after_a_party_label_a_field_or_without_a_comma() {
        assert_eq!(
            stated("The plan was offered by Jo Roe (D-Kan.), chairman of the Acme Committee."),
            [row("Jo Roe", "chairman of the Acme Committee", None)]
        );
        assert_eq!(
            stated("Jo Roe, a specialist in nutrition, said it was so."),
            [row("Jo Roe", "specialist in nutrition", None)]
        );
        assert_eq!(
            stated("Paul E. Lego, senior vice president told the analysts it was so."),
            [row("Paul E. Lego", "senior vice president", None)]
        );
        // Wire copy writes the label between commas (issue 17).
        assert_eq!(
            stated("Rep. Jo Roe, D-Mass, the chairman of the Acme Committee, said so."),
            [
                row("Jo Roe", "Rep.", None),
                row("Jo Roe", "chairman of the Acme Committee", None)
            ]
        );
        assert_eq!(
            stated("Jo Roe, D- Mich., chairman of the committee, said so."),
            [row("Jo Roe", "chairman of the committee", None)]
        );
        // The label is no name, and holds no office itself.
        assert!(stated("Jo Roe, D-Conn, said the plan was dead.").is_empty());
        assert_eq!(
            stated("Rep. Jo Roe, D-Mass, the chairman of the Acme Committee said so."),
            [
                row("Jo Roe", "Rep.", None),
                row("Jo Roe", "chairman of the Acme Committee", None)
            ]
        );
        // A place is no given name: no office of "Sao Paulo".
        assert!(stated("In Sao Paulo, union spokesman said it was so.").is_empty());
        // A bracket that is no party label closes nothing.
        assert!(stated("Jo Roe (the plan's author), chairman of it, said.")
            .iter()
            .all(|r| r.0 != "Jo Roe"));
    }

    #[test]
    fn a_member_of_title_takes_no_name_after_it() {
        // The body's name is no person's.
        assert!(stated("Ecuador, a member of the Organisation of Petroleum Exporting Countries (OPEC), was pumping oil.")
            .iter()
            .all(|r| r.1 != "member of the Organisation of Petroleum"));
        assert_eq!(
            stated("Max Baumann, a member of the Contraves board, told Reuters."),
            [row("Max Baumann", "member of the Contraves board", None)]
        );
        assert!(stated("Tom Poe, a member of the Liberal party, said so.").is_empty());
    }

    #[test]
    fn bare_copula_is_one_copula_or_a_perfect_one() {
        let bare = |text: &str| bare_copula(&tokenize(text, 0));
        assert!(bare("is"));
        assert!(bare("was also"));
        assert!(bare("has been"));
        assert!(bare("had previously been"));
        assert!(!bare("has"));
        assert!(!bare("will be"));
        assert!(!bare("is been"));
    }

    #[test]
    fn a_perfect_copula_states_an_office() {
        assert_eq!(
            stated("Karl Roe has been Bundesbank chief since January 1, 1980, while others left."),
            [row("Karl Roe", "chief", None)]
        );
        assert_eq!(
            stated("Tom Poe had been chairman of Acme Corp until May."),
            [row("Tom Poe", "chairman of Acme Corp", Some("former"))]
        );
        // The office of someone else, or no office: no row.
        assert!(stated("Tom Poe has been the president's closest friend.").is_empty());
        assert!(stated("Tom Poe has been chief architect of the plan.").is_empty());
    }

    #[test]
    fn a_relative_pronoun_closes_an_apposed_title() {
        assert_eq!(
            stated("Tom Poe, a California businessman who ran for governor, said so."),
            [row("Tom Poe", "businessman", None)]
        );
        assert_eq!(
            stated("Poe, the former Treasury secretary who has been the president's aide, left."),
            // "former" is the title's own word, read when it is normalised.
            [row("Poe", "Treasury secretary", None)]
        );
        // A verb after a title without a complement still closes nothing.
        assert!(stated("In Sao Paulo, a union spokesman denied it.").is_empty());
    }

    #[test]
    fn comma_party_label_len_reads_a_tag_between_commas() {
        let len = |text: &str| comma_party_label_len(&tokenize(text, 0));
        // Skipped up to the closing comma, which opens the apposition.
        for text in [
            ", D-Mass, the chairman",
            ", D- Mich., chairman",
            ", R-N.Y., chairman",
        ] {
            let toks = tokenize(text, 0);
            let n = comma_party_label_len(&toks);
            assert!(n > 1 && toks[n].is_punct(","), "{text}");
        }
        // Not a party letter, no closing comma, or a word after the state.
        assert_eq!(len(", E-Mass, the chairman"), 0);
        assert_eq!(len(", D-Mass said"), 0);
        assert_eq!(len(", D-Mass Fund, said"), 0);
        assert_eq!(len("D-Mass, said"), 0);
    }

    #[test]
    fn a_relative_owner_gives_a_possessive_not_an_appositive() {
        assert_eq!(
            matches("The company, whose chairman, Tom Poe, died, was sold."),
            [("possessive", "chairman".into(), "Tom Poe".into())]
        );
        assert_eq!(
            matches(
                "Acme Marketing, whose chief executive officer, Jo Roe, once ran a shop, said."
            ),
            [(
                "possessive",
                "chief executive officer".into(),
                "Jo Roe".into()
            )]
        );
    }

    #[test]
    fn a_head_that_is_a_given_name_before_a_surname_is_a_name() {
        assert!(stated("It isn't, said Tom Poe of Dean Witter Reynolds.")
            .iter()
            .all(|r| r.1 != "Dean"));
        assert!(stated("Dean Acheson said it was so.").is_empty());
        assert_eq!(
            stated("Dean John Roe of the law school said it was so."),
            [row("John Roe", "Dean", None)]
        );
    }

    #[test]
    fn a_second_subject_with_its_verb_left_out_has_an_office_too() {
        assert_eq!(
            stated("Acme said Jo Roe will become vice chairman of Beta and J. Tom Poe chairman."),
            [
                row("Jo Roe", "vice chairman of Beta", Some("designate")),
                row("J. Tom Poe", "chairman", Some("designate"))
            ]
        );
        // "Smith and Wesson chairman": no given name opens a second subject.
        assert_eq!(
            stated("Jo Roe will become president of Smith and Wesson."),
            [row(
                "Jo Roe",
                "president of Smith and Wesson",
                Some("designate")
            )]
        );
    }

    #[test]
    fn associate_is_a_post_only_after_a_post_word() {
        assert_eq!(
            stated("Jo Roe, senior research associate at the Acme League, said it."),
            [row(
                "Jo Roe",
                "senior research associate at the Acme League",
                None
            )]
        );
        assert!(
            stated("Jo Roe, a close associate of President Tom Poe, said it.")
                .iter()
                .all(|r| r.0 != "Jo Roe")
        );
        assert!(stated("They said an Israeli associate, Jo Roe, was there.").is_empty());
    }

    fn has(
        found: &[(&'static str, String, String)],
        pattern: &str,
        title: &str,
        name: &str,
    ) -> bool {
        found
            .iter()
            .any(|(p, t, n)| *p == pattern && t == title && n == name)
    }

    #[test]
    fn plural_premodifier_gives_each_listed_name_the_title() {
        let found = matches(
            "Aides to Republican Sens. Jane Roe (Ky.) and Tom Poe (Calif.), whose seats went, agreed.",
        );
        assert!(has(&found, "premodifier", "Sens.", "Jane Roe"), "{found:?}");
        assert!(has(&found, "premodifier", "Sens.", "Tom Poe"), "{found:?}");
        let found =
            matches("Senators Ann Lee of Utah, Tom Poe of Ohio and Jo Roe of Iowa backed it.");
        for name in ["Ann Lee", "Tom Poe", "Jo Roe"] {
            assert!(has(&found, "premodifier", "Senators", name), "{found:?}");
        }
        let found =
            matches("The plan, offered by Reps. Ann Lee (D-Minn.) and Tom Poe (R-N.D.), won.");
        assert!(has(&found, "premodifier", "Reps.", "Tom Poe"), "{found:?}");
    }

    #[test]
    fn plural_premodifier_needs_a_list_of_plain_names() {
        // One name: a plural title names no one in particular.
        assert!(matches("Senators Ann Lee said it.").is_empty());
        // A listed name with a title of its own keeps that title.
        let found = matches("Sens. Jo Roe and Finance Committee Chairman Tom Poe met.");
        assert!(
            !found.iter().any(|(_, t, n)| t == "Sens." && n == "Tom Poe"),
            "{found:?}"
        );
    }

    #[test]
    fn an_unpunctuated_legislative_abbreviation_is_a_title() {
        let found = matches("\"Can you?\" Rep Tom Poe (D-Mass) told a meeting.");
        assert!(has(&found, "premodifier", "Rep", "Tom Poe"), "{found:?}");
        let found = matches("He said Sen Ann Lee (R-Ore) agreed.");
        assert!(has(&found, "premodifier", "Sen", "Ann Lee"), "{found:?}");
    }

    #[test]
    fn a_party_label_is_no_name_of_a_reverse_appositive() {
        let found = matches("An aide to Sen. Tom Poe (D-Neb.) said the senator agreed.");
        assert!(
            !found.iter().any(|(_, _, n)| n.starts_with("D-")),
            "{found:?}"
        );
        assert!(has(&found, "premodifier", "Sen.", "Tom Poe"), "{found:?}");
    }

    #[test]
    fn a_predecessors_relative_clause_states_the_office_kept() {
        let found = matches(
            "Acme named Jo Roe president, succeeding Tom Poe, who continues as chairman and \
             chief executive officer.",
        );
        let both = "chairman and chief executive officer";
        assert!(has(&found, "predicate", both, "Tom Poe"), "{found:?}");
        let found =
            matches("Acme named Jo Roe president, succeeding Tom Poe, who remains chairman.");
        assert!(has(&found, "predicate", "chairman", "Tom Poe"), "{found:?}");
        // A clause that states no office adds nothing.
        let found = matches("Acme named Jo Roe president, succeeding Tom Poe, who resigned.");
        assert!(
            !found
                .iter()
                .any(|(_, t, n)| n == "Tom Poe" && t != "president"),
            "{found:?}"
        );
    }

    #[test]
    fn an_owner_with_a_title_holds_it_without_a_name_after() {
        let found = matches("President Poe's legal adviser said the President could act.");
        assert!(has(&found, "premodifier", "President", "Poe"), "{found:?}");
        let found = matches("He met President Poe's top economic adviser on Monday.");
        assert!(has(&found, "premodifier", "President", "Poe"), "{found:?}");
    }

    #[test]
    fn an_abbreviated_employer_may_stand_between_title_and_name() {
        let found = matches(
            "President of the Acme Chamber of Commerce and Industry (ACCI) Tom Poe called for cuts.",
        );
        assert!(
            has(
                &found,
                "of-phrase",
                "President of the Acme Chamber of Commerce and Industry",
                "Tom Poe"
            ),
            "{found:?}"
        );
        // An organisation's name after the bracket is no person.
        let found = matches("President of the Acme Chamber (AC) Tom Poe Inc agreed.");
        assert!(!found.iter().any(|(_, _, n)| n == "Tom Poe"), "{found:?}");
    }

    #[test]
    fn a_possessed_or_retained_post_states_the_office() {
        let found = matches("Acme said Jo Roe will assume Poe's former position as chairman.");
        assert!(has(&found, "predicate", "chairman", "Jo Roe"), "{found:?}");
        let found =
            matches("Jo Roe retains her position as president and chief executive officer.");
        let both = "president and chief executive officer";
        assert!(has(&found, "predicate", both, "Jo Roe"), "{found:?}");
        // A stake or a debt is no post.
        assert!(matches("Jo Roe retains his stake as an investor.").is_empty());
    }

    #[test]
    fn a_role_first_copula_names_the_holder() {
        let found = matches("Brazil's new planning minister is Jo Roe de Souza, a former banker.");
        assert!(
            has(&found, "predicate", "planning minister", "Jo Roe de Souza"),
            "{found:?}"
        );
        // Not yet: "The committee's chairman is Tom Poe" (a determined
        // owner) is not read; see the branch report.
        // A one-word complement or an indefinite title is no statement of office.
        assert!(!matches("A spokesman is Tom Poe.")
            .iter()
            .any(|f| f.2 == "Tom Poe"));
        assert!(matches("The chairman is Acme.").is_empty());
    }

    #[test]
    fn a_shouted_abbreviation_is_a_label() {
        assert!(matches("REP Bulk A 93.9 and REP Bulk B 256.5").is_empty());
    }

    #[test]
    fn a_stacked_abbreviated_title_is_a_second_title() {
        let found = matches("Volcker told Banking Committee Chairman Sen. Tom Poe (D-Wisc).");
        assert!(
            has(&found, "premodifier", "Chairman", "Tom Poe"),
            "{found:?}"
        );
        assert!(has(&found, "premodifier", "Sen.", "Tom Poe"), "{found:?}");
        let found = matches("He met National Security Adviser Vice Adm. Jo Roe on Monday.");
        assert!(
            has(&found, "premodifier", "Vice Adm.", "Jo Roe"),
            "{found:?}"
        );
        // One title, or one compound rank: nothing to split.
        assert_eq!(matches("Sen. Tom Poe agreed.").len(), 1);
        let found = matches("Marine Lt. Col. Tom Poe refused.");
        assert!(!found.iter().any(|f| f.1 == "Col."), "{found:?}");
    }
    #[test]
    fn any_verb_before_as_states_the_role() {
        assert_eq!(
            stated(
                "Acme said Tom Poe most recently served as executive vice president of Beta Bank."
            ),
            one(
                "Tom Poe",
                "executive vice president of Beta Bank",
                Some("former")
            )
        );
        assert_eq!(
            stated("Acme said Tom Poe should take over as chairman."),
            one("Tom Poe", "chairman", Some("designate"))
        );
        assert_eq!(
            stated("Acme said Tom Poe had served the company as treasurer."),
            one("Tom Poe", "treasurer", Some("former"))
        );
        assert_eq!(
            stated("Acme said Ann Lee has been named to succeed Tom Poe as president."),
            [
                row("Ann Lee", "president", Some("designate")),
                row("Tom Poe", "president", Some("former"))
            ]
        );
        for text in [
            "Tom Poe had opposed the sales as Secretary of State Ann Lee had done.",
            "Ann Lee and Tom Poe would step in as chairman and president, respectively.",
            "Salomon Brothers said as lead manager.",
            "Tom Poe sees the dollar as likely to fall.",
        ] {
            let found = stated(text);
            assert!(
                found
                    .iter()
                    .all(|(n, _, _)| n != "Tom Poe" && n != "Salomon Brothers"),
                "{text}: {found:?}"
            );
        }
    }

    #[test]
    fn a_returning_holder_takes_the_post_of_the_role() {
        assert_eq!(
            stated(
                "Acme said Tom Poe, who returns to his former position of vice chairman, agreed."
            ),
            one("Tom Poe", "vice chairman", Some("new"))
        );
    }

    #[test]
    fn a_repeated_as_continues_a_list_of_offices() {
        assert_eq!(
            stated("Acme elected Tom Poe to the new position of chief executive officer and as director and president."),
            one(
                "Tom Poe",
                "chief executive officer and as director and president",
                Some("new")
            )
        );
    }
}
