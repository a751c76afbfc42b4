//! Titles: the office phrase of a person–title claim.
//!
//! ```text
//! title      := determiner? qualifier* pre_head* heads conjoined? complement*
//! heads      := head+ (modifier-like head, then pre_head* head+)?  chief White House economic adviser
//! conjoined  := "and" rank? modifier* head+           chairman and chief executive officer
//! pre_head   := owner | org | rank | qualifier | modifier
//! owner      := (the)? word{1,4} "'s" | its|his|her|their   China's, Biden's, the unit's
//! org        := known alias | Capitalised+ org_suffix (of Capitalised+)?
//! complement := (of|for|on|to|at) (the)? word+         of State, for East Asia
//! ```
//!
//! Each token of a title gets a [`Role`]; normalisation reads office, rank,
//! organisation and qualifiers from the roles. Where a title's complement
//! ends depends on what follows: in an appositive it runs to the next comma
//! or the sentence end ([`Context::Appositive`]); before a name it stops
//! where the name begins ([`Context::BeforeName`], decided by the caller).

use nom::error::{Error, ErrorKind};

use super::lexicon::{bits, Lexicon};
use super::name::is_initial;
use super::token::{Token, TokenKind};
use super::{PResult, Toks};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Determiner,
    Qualifier,
    /// A possessive owner and its marker: "China's", "Biden's".
    Owner,
    Org,
    Rank,
    Modifier,
    Head,
    Preposition,
    Complement,
    /// "and" joining two offices held by one person: "chairman and chief
    /// executive officer". The grammar's caller splits the title there.
    Conjunction,
}

/// A parsed title: its tokens and the role of each.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Title<'t, 'a> {
    pub tokens: Toks<'t, 'a>,
    pub roles: Vec<Role>,
}

impl<'t, 'a> Title<'t, 'a> {
    pub fn start(&self) -> usize {
        self.tokens[0].start
    }

    pub fn end(&self) -> usize {
        self.tokens[self.tokens.len() - 1].end
    }

    /// How many of the title's last tokens have `role` ("Prime Minister
    /// designate": one trailing qualifier).
    pub fn trailing(&self, role: Role) -> usize {
        self.roles.iter().rev().take_while(|r| **r == role).count()
    }

    /// The title grown by the `n` tokens that follow it in `body` (the
    /// tokens it was parsed from, which it starts), each with `role`.
    pub fn grown(self, body: Toks<'t, 'a>, n: usize, role: Role) -> Title<'t, 'a> {
        let len = self.tokens.len() + n;
        let mut roles = self.roles;
        roles.extend(std::iter::repeat_n(role, n));
        Title {
            tokens: &body[..len],
            roles,
        }
    }

    /// Where the title proper starts, after determiners, qualifiers and
    /// leading owner/organisation words: "US [Under Secretary of State]".
    pub fn value_start(&self) -> usize {
        // Punctuation before the title ("WASHINGTON - Federal Reserve
        // Board Chairman") is not part of its wording either.
        let skip = self
            .roles
            .iter()
            .zip(self.tokens.iter())
            .take_while(|(r, t)| {
                matches!(
                    r,
                    Role::Determiner | Role::Qualifier | Role::Owner | Role::Org
                ) || !t.is_word()
            })
            .count();
        self.tokens.get(skip).map_or(self.end(), |t| {
            // "ex-chairman": the qualifier fused to the head is not part
            // of the title either (the parts read it as a qualifier).
            let fused = HYPHEN_QUALIFIERS.iter().find(|q| {
                t.text.len() > q.len()
                    && t.text.is_char_boundary(q.len())
                    && t.text[..q.len()].eq_ignore_ascii_case(q)
            });
            let head = self.roles.get(skip) == Some(&Role::Head);
            t.start + fused.filter(|_| head).map_or(0, |q| q.len())
        })
    }

    /// Where the title proper ends: before a trailing "of/for/at ORG" that
    /// names the employer ("chief executive officer [of CBS Inc.]",
    /// "chief economist [at Shearson Lehman Brothers Inc.]"), which is the
    /// claim's organisation, not its value. An "at" complement always
    /// names the employer; an "of"/"for" one when it holds an organisation
    /// suffix ("Inc", "Board", "Council"), an organisation the vocabulary
    /// knows that is not a country ("the CIA"), or starts with "its".
    /// Portfolio complements stay: "Secretary [of State]", "Minister [of
    /// Finance]", "vice president of finance [at Texaco Inc]".
    pub fn value_end(&self, lx: &Lexicon) -> usize {
        let mut seen_head = false;
        for (i, role) in self.roles.iter().enumerate() {
            match role {
                Role::Head => seen_head = true,
                // "in charge of finance": a remit's words name no employer.
                Role::Preposition
                    if seen_head && i > 0 && self.roles[i - 1] != Role::Preposition =>
                {
                    let prep = self.tokens[i].lower();
                    let body: Vec<&Token<'_>> = self.tokens[i + 1..]
                        .iter()
                        .zip(&self.roles[i + 1..])
                        .take_while(|(_, r)| **r == Role::Complement)
                        .map(|(t, _)| t)
                        .collect();
                    let org = |t: &&Token<'_>| {
                        let l = t.lower();
                        t.is_word()
                            && (lx.is_org_suffix(&l)
                                || lx
                                    .orgs
                                    .get(l.as_ref())
                                    .is_some_and(|o| !lx.countries.contains(o)))
                    };
                    let employer = match prep.as_ref() {
                        "at" => !body.is_empty(),
                        "with" | "representing" => {
                            body.iter().any(|t| t.is_word() && t.is_capitalized())
                        }
                        "of" | "for" => {
                            body.iter().any(org)
                                || body.first().is_some_and(|t| t.lower() == "its")
                                || the_owner_noun(&body)
                        }
                        _ => false,
                    };
                    // "named vice chairman [on August 31]": when, not what.
                    let when = matches!(prep.as_ref(), "on" | "in" | "since" | "until" | "from")
                        && body.first().is_some_and(|t| is_date_word(t));
                    if employer || when {
                        return self.tokens[i - 1].end;
                    }
                }
                _ => {}
            }
        }
        // "Prime Minister [designate]": a qualifier after the head is no
        // part of the office's wording; nor is an employer after a comma
        // ("general manager[, Acme Oil Ltd]").
        let n = match self.trailing(Role::Qualifier) {
            0 => self.trailing(Role::Org),
            n => n,
        };
        match n {
            0 => self.end(),
            n if n < self.tokens.len() => self.tokens[self.tokens.len() - n - 1].end,
            _ => self.end(),
        }
    }

    /// Tokens with a given role, in order.
    pub fn with_role(&self, role: Role) -> impl Iterator<Item = &Token<'a>> + '_ {
        self.tokens
            .iter()
            .zip(&self.roles)
            .filter(move |(_, r)| **r == role)
            .map(|(t, _)| t)
    }
}

/// "chief executive of [the company]", "ceo [of the company's
/// subsidiary]": "the" and a lower-case owner noun name the employer (the
/// article named it before), not a portfolio.
fn the_owner_noun(body: &[&Token<'_>]) -> bool {
    match body {
        [the, noun, ..] => {
            is_word(the, "the")
                && !noun.is_capitalized()
                && OWNER_NOUNS.iter().any(|w| is_word(noun, w))
        }
        _ => false,
    }
}

/// How far a title's complements may run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// Up to a comma, a closing bracket or the end of the sentence.
    Appositive,
    /// [`Context::Appositive`] for a title set beside a name by a comma
    /// ("Jane Roe, a vice president with Acme Corp,"): there a "with"
    /// complement naming a firm is the employer. Not in predicates:
    /// "replaced X as president with Y" names the successor.
    Apposed,
    /// Complements are capitalised words; the caller splits off the name.
    BeforeName,
}

/// Lower-case nouns that close an organisation's name written before a
/// title: "United Automobile Workers union president".
/// Not "bank": "Wood Gundy Inc bank analyst" covers banks.
const GENERIC_ORGS: &[&str] = &["union", "group", "company", "party", "board"];
/// Qualifiers written fused to a head: "ex-chairman", "then-president".
const HYPHEN_QUALIFIERS: &[&str] = &["ex-", "then-", "former-"];
const MAX_PRE_HEAD: usize = 10;
const MAX_COMPLEMENT: usize = 14;
const PREPOSITIONS: &[&str] = &["of", "for", "on", "to", "at"];
/// Possessive pronouns that own a title: "its president".
pub const POSSESSIVE_PRONOUNS: &[&str] = &["its", "his", "her", "their"];
/// Occupations that are posts only after "chief": "chief economist".
pub(crate) const CHIEF_POSTS: &[&str] = &[
    "economist",
    "strategist",
    "analyst",
    "dealer",
    "trader",
    "negotiator",
    "scientist",
    "accountant",
];
/// Qualifier phrases of two words: "newly elected".
const NEWLY: &[&str] = &["elected", "appointed", "named", "installed", "chosen"];
/// Reporting verbs that end an appositive without a comma.
pub const REPORT_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "noted",
    "stated",
    "predicted",
    "warned",
    "declined",
];
/// How far a title head may look ahead for a second head it modifies.
const MAX_HEAD_LOOKAHEAD: usize = 4;
const OWNER_NOUNS: &[&str] = &[
    "company",
    "unit",
    "group",
    "bank",
    "firm",
    "agency",
    "country",
    "government",
    "party",
    "ministry",
    "department",
    "subsidiary",
    "parent",
    "state",
    "nation",
    "city",
    "board",
];

fn fail<'t, 'a, O>(input: Toks<'t, 'a>) -> PResult<'t, 'a, O> {
    Err(nom::Err::Error(Error::new(input, ErrorKind::Verify)))
}

fn is_word(t: &Token<'_>, w: &str) -> bool {
    t.is_word() && t.text.eq_ignore_ascii_case(w)
}

/// Is `t` a title head? Hyphenated heads count by their last part:
/// "Under-Secretary", "Secretary-designate" (first part), "co-founder".
#[inline]
pub fn is_head_token(lx: &Lexicon, t: &Token<'_>) -> bool {
    if let Some(b) = t.lex_bits() {
        return b & bits::HEAD_TOKEN != 0;
    }
    if !t.is_word() {
        return false;
    }
    let l = t.lower();
    if lx.is_head(&l) {
        return true;
    }
    if let Some((a, b)) = l.split_once('-') {
        return (lx.is_head(b)
            && (lx.rank(a).is_some() || lx.modifiers.contains(a) || lx.qualifier(a).is_some()))
            || (lx.is_head(a) && lx.qualifier(b).is_some());
    }
    false
}

/// Options of a title parse.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Opts {
    /// Accept a plural head ("one of the strike leaders").
    pub plural: bool,
    /// Do not read an owner at the very start (the fallback after an
    /// owner swallowed the head: "Prime Minister Thatcher's party").
    pub(crate) no_owner: bool,
    /// Lower-case words may open the title, without a determiner, when
    /// they describe a post right before its head: "Jane Roe, livestock
    /// analyst for Acme," (an appositive after a name's comma).
    pub(crate) opening_description: bool,
}

/// `title`: parses a title at the start of `input`.
pub fn title<'t, 'a>(
    lx: &Lexicon,
    input: Toks<'t, 'a>,
    ctx: Context,
) -> PResult<'t, 'a, Title<'t, 'a>> {
    title_with(lx, input, ctx, Opts::default())
}

/// A head token, or (with `plural`) a plural head: "leaders".
fn head_at(lx: &Lexicon, rest: Toks<'_, '_>, prev: Option<&Token<'_>>, opts: Opts) -> bool {
    let t = &rest[0];
    if is_head_token(lx, t) {
        return true;
    }
    if !t.is_word() {
        return false;
    }
    let l = t.lower();
    if CHIEF_POSTS.contains(&l.as_ref()) && prev.is_some_and(|p| is_word(p, "chief")) {
        return true;
    }
    if l == "general" && prev.is_some_and(|p| is_head_token(lx, p)) {
        return true; // "Secretary General", "Attorney General"
    }
    if rank_as_head(lx, rest, prev)
        || member_of_parliament(rest)
        || member_of_body(rest)
        || body_member(rest, prev)
    {
        return true;
    }
    opts.plural && l.len() > 3 && l.ends_with('s') && lx.is_head(&l[..l.len() - 1])
}

/// "Kampelman's staff assistant,", "an assistant to the president",
/// "senior research associate at Y": the rank words "assistant" and
/// "associate" are the head when no office word follows them ("assistant
/// secretary", "Assistant Treasury Secretary", "associate director" keep
/// them a rank). "associate" only after a lower-case post word (`prev`:
/// "research", "staff") and not before "of": "a close associate of X",
/// "an Israeli associate" name a tie to someone, not a post.
pub(crate) fn rank_as_head(lx: &Lexicon, rest: Toks<'_, '_>, prev: Option<&Token<'_>>) -> bool {
    let Some(t) = rest.first() else {
        return false;
    };
    let office_follows = rest.get(1).is_some_and(|n| {
        n.is_capitalized()
            || is_head_token(lx, n)
            || (n.is_word() && lx.has_any(n, bits::MODIFIER | bits::RANK))
    });
    let associate = is_word(t, "associate")
        && !rest.get(1).is_some_and(|n| is_word(n, "of"))
        && prev.is_some_and(|p| p.is_word() && !p.is_capitalized() && lx.has(p, bits::MODIFIER));
    // "Poehl's deputy, Helmut Schlesinger", "his deputy, Jo Roe" (issue
    // 17): someone's deputy is a post of its own.
    let owned_deputy = is_word(t, "deputy")
        && prev.is_some_and(|p| {
            p.kind == TokenKind::Possessive || POSSESSIVE_PRONOUNS.iter().any(|w| is_word(p, w))
        });
    (is_word(t, "assistant") || associate || owned_deputy) && !office_follows
}

/// "member of parliament": "member" is an office only in this
/// conventional name (a member of a club, a board or a team is not read).
pub(crate) fn member_of_parliament(rest: Toks<'_, '_>) -> bool {
    matches!(rest, [m, of, p, ..] if is_word(m, "member") && is_word(of, "of") && is_word(p, "parliament"))
}

/// Longest "of" complement [`member_of_body`] looks through, in tokens.
const MAX_BODY_TOKENS: usize = 12;

/// Nouns of bodies whose members hold no post: a party or movement is a
/// label (definition v2: "a member of the Social Democratic Party" is no
/// row), a family, club or team a tie.
const NOT_BODIES: &[&str] = &[
    "party",
    "parties",
    "movement",
    "front",
    "family",
    "club",
    "team",
    "household",
];

/// "a member of the Bundesbank board", "a member of the Senate Agriculture
/// Committee", "a member of Opec's quota committee" (issue 17): a seat on a
/// named body is a post (definition v2), so "member" is the head before
/// "of" unless the body, up to the next punctuation, is one of
/// [`NOT_BODIES`] ("a member of the Liberal party").
pub(crate) fn member_of_body(rest: Toks<'_, '_>) -> bool {
    let [m, of, body @ ..] = rest else {
        return false;
    };
    if !(is_word(m, "member") && is_word(of, "of")) {
        return false;
    }
    let words: Vec<&Token<'_>> = body
        .iter()
        .take(MAX_BODY_TOKENS)
        .take_while(|t| t.is_word() || t.text == "'s")
        .collect();
    !words.is_empty()
        && !words
            .iter()
            .any(|t| NOT_BODIES.iter().any(|w| is_word(t, w)))
}

/// Nouns of bodies whose seats are posts, before "member": "board
/// member", "Politburo member", "Central Committee member".
const SEATED_BODIES: &[&str] = &[
    "board",
    "committee",
    "council",
    "politburo",
    "cabinet",
    "commission",
    "presidium",
    "secretariat",
    "directorate",
    "panel",
];

/// "management board member Jo Roe", "politburo member Pham Hung",
/// "X, supervisory board member in charge of finance" (issue 17): a seat
/// on a body named right before "member" is a post (definition v2), as in
/// [`member_of_body`] with the body after it.
pub(crate) fn body_member(rest: Toks<'_, '_>, prev: Option<&Token<'_>>) -> bool {
    rest.first().is_some_and(|t| is_word(t, "member"))
        && prev.is_some_and(|p| p.is_word() && SEATED_BODIES.iter().any(|w| is_word(p, w)))
}

/// After a head that can also modify ("chief", "executive"), is another
/// head near, over known orgs and lexicon modifiers only? "chief White
/// House economic adviser". After a capitalised head the modifiers may be
/// capitalised too: a title in title case ("Deputy Chief Cabinet
/// Secretary", where "Chief" is part of the office, not a second one).
fn head_follows(lx: &Lexicon, rest: Toks<'_, '_>, title_case: bool) -> bool {
    let mut k = 0;
    while k < rest.len() && k < MAX_HEAD_LOOKAHEAD {
        let t = &rest[k];
        if k > 0 && is_head_token(lx, t) {
            return true;
        }
        if let Some(n) = known_org_len(lx, &rest[k..]) {
            k += n;
            continue;
        }
        if t.is_word() && lx.has(t, bits::MODIFIER) && (title_case || !t.is_capitalized()) {
            k += 1;
            continue;
        }
        // "executive [vice] president"
        if t.is_word() && lx.has(t, bits::RANK) && rank_applies(lx, &rest[k..]) {
            k += 1;
            continue;
        }
        return false;
    }
    false
}

/// `title` with options; see [`Opts`].
pub fn title_with<'t, 'a>(
    lx: &Lexicon,
    input: Toks<'t, 'a>,
    ctx: Context,
    opts: Opts,
) -> PResult<'t, 'a, Title<'t, 'a>> {
    Ok(title_head(lx, input, opts)?.1.complete(lx, ctx))
}

/// A title parsed up to its complements: everything but the
/// `complement*`, which alone depends on the [`Context`]. The productions
/// that read a title before and after a name at one position
/// (`reverse_appositive`, `premodifier`) parse this once and complete it
/// for each context.
#[derive(Debug, Clone)]
pub struct TitleHead<'t, 'a> {
    /// The input the title starts at.
    input: Toks<'t, 'a>,
    /// Roles of the tokens parsed so far (`input[..roles.len()]`).
    roles: Vec<Role>,
}

impl<'t, 'a> TitleHead<'t, 'a> {
    /// The whole title: the head's tokens and the complements `ctx` allows.
    pub fn complete(mut self, lx: &Lexicon, ctx: Context) -> (Toks<'t, 'a>, Title<'t, 'a>) {
        let input = self.input;
        let i = self.roles.len();
        let i = i + complements(lx, &input[i..], ctx, &mut self.roles);
        (
            &input[i..],
            Title {
                tokens: &input[..i],
                roles: self.roles,
            },
        )
    }
}

/// `title` without its complements; see [`TitleHead`].
pub fn title_head<'t, 'a>(
    lx: &Lexicon,
    input: Toks<'t, 'a>,
    opts: Opts,
) -> PResult<'t, 'a, TitleHead<'t, 'a>> {
    let mut roles = Vec::new();
    let mut i = 0;
    let the_owner = if opts.no_owner || !input.first().is_some_and(|t| is_word(t, "the")) {
        None
    } else {
        owner_len(lx, input)
    };
    if let Some(n) = the_owner {
        // "the unit's president"
        roles.extend(std::iter::repeat_n(Role::Owner, n));
        i = n;
    } else if input
        .first()
        .is_some_and(|t| ["the", "a", "an"].iter().any(|w| is_word(t, w)))
    {
        roles.push(Role::Determiner);
        i = 1;
    } else if input
        .first()
        .is_some_and(|t| POSSESSIVE_PRONOUNS.iter().any(|w| is_word(t, w)) || is_word(t, "whose"))
    {
        // "the company whose chairman, Park Ken-sek, fell": the relative
        // owner is read like "its" (issue 17).
        roles.push(Role::Owner);
        i = 1;
    }
    while let Some(t) = input.get(i) {
        if newly_at(&input[i..]) {
            roles.extend([Role::Qualifier, Role::Qualifier]);
            i += 2;
        } else if t.is_word() && (lx.has(t, bits::QUALIFIER) || is_place_based(t)) {
            // "a Houston-based land manager": where the person works
            // describes the person, not the post; it is read like a
            // qualifier (it names none) and stays out of the title's value.
            roles.push(Role::Qualifier);
            i += 1;
        } else {
            break;
        }
    }
    let pre_start = i;
    let mut seen_head = false;
    let mut owner_at_start = the_owner.is_some();
    while i < input.len() && i - pre_start < MAX_PRE_HEAD {
        let rest = &input[i..];
        let t = &rest[0];
        // An owner may start with a head word only at the title's start
        // ("President Biden's adviser"); later, "Minister Thatcher's" is
        // the head and a name.
        let at_start = i == pre_start;
        let owner_ok =
            !(seen_head || opts.no_owner && at_start) && (at_start || !is_head_token(lx, t));
        if owner_ok {
            if let Some(n) = owner_len(lx, rest) {
                owner_at_start |= i == pre_start;
                roles.extend(std::iter::repeat_n(Role::Owner, n));
                i += n;
                continue;
            }
        }
        if head_at(lx, rest, i.checked_sub(1).map(|p| &input[p]), opts) {
            roles.push(Role::Head);
            seen_head = true;
            i += 1;
            continue;
        }
        if seen_head && POST_HEAD_QUALIFIERS.iter().any(|w| is_word(t, w)) && !t.is_capitalized() {
            // "Prime Minister designate Giulio Andreotti": the qualifier
            // after the head closes the title (issue 17).
            roles.push(Role::Qualifier);
            i += 1;
            break;
        }
        if seen_head {
            let title_case = input[i - 1].is_capitalized();
            if lx.has(&input[i - 1], bits::MODIFIER) && head_follows(lx, rest, title_case) {
                // The heads so far modify a later head.
                for r in roles.iter_mut().rev().take_while(|r| **r == Role::Head) {
                    *r = Role::Modifier;
                }
                seen_head = false;
            } else {
                break; // the head run ended
            }
        }
        if let Some(n) = ticker_len(rest).or_else(|| short_name_len(lx, rest, i == pre_start)) {
            // "H.J. Heinz <HNZ.N> chairman", "SAS President": the words
            // before a ticker name the company too.
            for r in roles[pre_start..]
                .iter_mut()
                .filter(|r| **r == Role::Modifier)
            {
                *r = Role::Org;
            }
            roles.extend(std::iter::repeat_n(Role::Org, n));
            i += n;
        } else if let Some(n) = org_len(lx, rest) {
            roles.extend(std::iter::repeat_n(Role::Org, n));
            i += n;
        } else if let Some(n) = initials_of_firm(lx, rest)
            .filter(|_| roles[pre_start..].iter().all(|r| *r == Role::Org))
        {
            roles.extend(std::iter::repeat_n(Role::Org, n));
            i += n;
        } else if is_word(t, "and")
            && i > 0
            && roles.last() == Some(&Role::Modifier)
            && lx.has(&input[i - 1], bits::MODIFIER)
            && rest
                .get(1)
                .is_some_and(|n| n.is_capitalized() && lx.has(n, bits::MODIFIER))
        {
            // "Mines and Energy Minister"
            roles.push(Role::Modifier);
            i += 1;
        } else if t.is_word() && lx.has(t, bits::RANK) && rank_applies(lx, rest) {
            roles.push(Role::Rank);
            i += 1;
        } else if newly_at(&input[i..]) {
            // "Heinz's newly elected chairman" (issue 17): see the
            // qualifier loop.
            roles.extend([Role::Qualifier, Role::Qualifier]);
            i += 2;
        } else if t.is_word() && (lx.has(t, bits::QUALIFIER) || is_place_based(t)) {
            // "Acme Inc's Houston-based analyst": see the qualifier loop.
            roles.push(Role::Qualifier);
            i += 1;
        } else if party_office_follows(rest) {
            // "House [Republican] whip", "Senate [Democratic] Leader"
            roles.push(Role::Modifier);
            i += 1;
        } else if let Some(n) = lower_run_before_head(
            lx,
            rest,
            // "Jane Roe, (a) Acme Corp cosmetics analyst": after a name's
            // comma, the firm's name may open the description too (issue
            // 17); elsewhere capitalised words alone are as often a name
            // and a verb follows.
            if opts.opening_description && (i == pre_start || roles.last() == Some(&Role::Org)) {
                Some(&Role::Determiner)
            } else {
                roles.last()
            },
            i > 0 && is_word(&input[i - 1], "foreign"),
        ) {
            // "Noranda's risk management and insurance director", "Allied
            // Irish Banks foreign exchange dealer": lower-case words the
            // lexicon does not know, after the title's start and right
            // before a lower-case head, describe the post (issue 17).
            roles.extend(std::iter::repeat_n(Role::Modifier, n));
            i += n;
        } else if roles.first() == Some(&Role::Determiner)
            && i == pre_start
            && t.is_word()
            && t.text.bytes().all(|b| b.is_ascii_lowercase())
            && rest
                .get(1)
                .is_some_and(|n| !n.is_capitalized() && is_head_token(lx, n))
        {
            // "a biotech analyst": one word the lexicon does not know,
            // between a determiner and the head, is the title's (issue 17).
            roles.push(Role::Modifier);
            i += 1;
        } else if spaced_dash(&input[i.saturating_sub(1)..], usize::from(i > 0)) {
            // "HANOI, Vietnam -- President Joe Biden": a dash with spaces
            // around it ends a dateline; the place is not the title's.
            break;
        } else if (t.is_word() || roles.len() != pre_start) && is_modifier(lx, t) {
            // Capitalised words the lexicon does not know, before any
            // office word, name the organisation: "Borg-Warner
            // ex-chairman", "American Express Chairman".
            let leading = roles[pre_start..].iter().all(|r| *r == Role::Org);
            let known = !t.is_word() || lx.has(t, bits::MODIFIER);
            // "United Automobile Workers union president": a generic noun
            // right after the organisation's name closes it.
            let closes_org = leading
                && roles.len() > pre_start
                && !t.is_capitalized()
                && GENERIC_ORGS.iter().any(|w| is_word(t, w))
                && rest.get(1).is_some_and(|n| is_head_token(lx, n));
            // "Fundamental Management Chairman": capitalised after a
            // firm's words, "Management" ends the firm's name.
            let firm_word = leading
                && roles.len() > pre_start
                && t.is_capitalized()
                && FIRM_NAME_MODIFIERS.iter().any(|w| is_word(t, w));
            roles.push(if (leading && !known) || closes_org || firm_word {
                Role::Org
            } else {
                Role::Modifier
            });
            i += 1;
        } else {
            break;
        }
    }
    if !seen_head {
        if owner_at_start && !opts.no_owner {
            return title_head(
                lx,
                input,
                Opts {
                    no_owner: true,
                    ..opts
                },
            );
        }
        return fail(input);
    }
    let prev_end = i.checked_sub(1).map(|p| input[p].end);
    i += conjoined(lx, &input[i..], prev_end, &mut roles);
    debug_assert_eq!(i, roles.len(), "one role per token");
    Ok((&input[i..], TitleHead { input, roles }))
}

/// Does "newly" and a participle of appointment ("elected", "named")
/// start `rest`: two words of one qualifier?
fn newly_at(rest: Toks<'_, '_>) -> bool {
    matches!(rest, [newly, verb, ..] if is_word(newly, "newly") && NEWLY.iter().any(|w| is_word(verb, w)))
}

/// A firm's name that opens with initials: "E.F. Hutton cosmetics
/// analyst", "J.P. Morgan chairman" (issue 17). The initials must stand
/// before a capitalised word that is no office word. Returns the initials'
/// tokens.
fn initials_of_firm(lx: &Lexicon, rest: Toks<'_, '_>) -> Option<usize> {
    let n = rest.iter().take_while(|t| is_initial(lx, t)).count();
    let word = rest.get(n)?;
    let named = word.is_word()
        && word.is_capitalized()
        && !word.text.ends_with('.')
        && !is_head_token(lx, word)
        && !lx.has_any(word, bits::RANK | bits::QUALIFIER);
    (n > 0 && named).then_some(n)
}

/// Qualifiers written after the head, apart from it: "Prime Minister
/// designate", "President elect".
const POST_HEAD_QUALIFIERS: &[&str] = &["designate", "elect"];

/// Post words that, capitalised after a firm's words, end the firm's name
/// ("Fundamental Management Chairman X"); lower case they describe the
/// post ("management board chairman").
const FIRM_NAME_MODIFIERS: &[&str] = &["management"];

/// "Houston-based", "London-based": a capitalised place fused to "-based".
fn is_place_based(t: &Token<'_>) -> bool {
    const BASED: &str = "-based";
    let x = t.text;
    x.len() > BASED.len() + 1
        && t.is_capitalized()
        && x.is_char_boundary(x.len() - BASED.len())
        && x[x.len() - BASED.len()..].eq_ignore_ascii_case(BASED)
}

/// Longest run of lower-case words [`lower_run_before_head`] reads.
const MAX_LOWER_RUN: usize = 4;
/// At most this many of them may be words the lexicon does not know.
const MAX_UNKNOWN_IN_RUN: usize = 2;
/// Lower-case words that are never part of a post's description.
const NOT_DESCRIPTIVE: &[&str] = &[
    "and",
    "or",
    "of",
    "in",
    "on",
    "at",
    "by",
    "for",
    "with",
    "to",
    "from",
    "that",
    "than",
    "says",
    "say",
    "tells",
    "its",
    "his",
    "her",
    "their",
    "the",
    "a",
    "an",
    "this",
    "other",
    "against",
    "over",
    "about",
    "under",
    "into",
    "during",
    "between",
    "among",
    "through",
    "via",
    "per",
    "like",
    "as",
    "yesterday",
    "today",
    "tomorrow",
    "tonight",
    "then",
    "who",
    "whose",
    // Verbs that follow a name's comma as often as a description does:
    // "Joe Roe, became chairman" (an opening description, issue 17).
    "became",
    "become",
    "becomes",
    "remain",
    "remains",
    "may",
    "might",
    "can",
    "could",
    "should",
    "must",
    "did",
    "does",
    "do",
    "got",
    "took",
    "made",
    "led",
    "won",
    "met",
    "told",
    "saw",
];

/// Plural nouns of the markets an analyst or economist covers, which
/// describe a post like a singular noun ("a financial markets economist",
/// "a futures analyst"); lower case only (capitalised they end a firm's
/// name: "Acme Futures analyst").
const MARKET_NOUNS: &[&str] = &[
    "markets",
    "futures",
    "commodities",
    "metals",
    "equities",
    "currencies",
    "securities",
    "options",
    "grains",
    "oilseeds",
];

/// Adjectives news puts before a person's role ("veteran leader",
/// "legendary manager"), and the endings of most others.
const ADJECTIVES: &[&str] = &[
    "veteran",
    "latest",
    "longtime",
    "long-time",
    "legendary",
    "well-known",
    "popular",
    "young",
    "old",
    "embattled",
    "ailing",
    "outspoken",
    "influential",
    "respected",
    "controversial",
    "flamboyant",
    "charismatic",
    "beleaguered",
    "prominent",
    "eminent",
    "likely",
    "possible",
    "independent",
    "indepedent",
    "private",
    "personal",
    "able",
    "great",
    "good",
    "best",
    "big",
    "key",
    "main",
    "first",
    "second",
    "third",
    "last",
    "only",
    "other",
    "same",
    "certain",
];
const ADJECTIVE_ENDINGS: &[&str] = &["ive", "ful", "ous", "ary", "ible", "able"];

/// Is `x` (lower case) an adjective [`lower_run_before_head`] stops at?
pub(crate) fn is_adjective(x: &str) -> bool {
    ADJECTIVES.contains(&x)
        || ADJECTIVE_ENDINGS
            .iter()
            .any(|e| x.len() > e.len() + 2 && x.ends_with(e))
}

/// After a determiner, owner, organisation or modifier of a title, a run
/// of at most [`MAX_LOWER_RUN`] lower-case words (one "and" may join two
/// of them) that ends right before a lower-case head: how many tokens it
/// has, or `None`. Verbs ("-ed", "-ing"), adverbs ("-ly"), clause words
/// and reporting verbs end it: "the bank said chairman" is no title.
fn lower_run_before_head(
    lx: &Lexicon,
    rest: Toks<'_, '_>,
    prev: Option<&Role>,
    prev_is_foreign: bool,
) -> Option<usize> {
    // Not after a run of capitalised words alone: "Teixeira [replaces]
    // economist" is a name and a verb.
    if !matches!(prev, Some(Role::Determiner | Role::Owner | Role::Modifier)) {
        return None;
    }
    let descriptive = |t: &Token<'_>| {
        let x = t.text;
        t.is_word()
            && x.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
            && !(x.ends_with("ed") || x.ends_with("ing") || x.ends_with("ly"))
            && !NOT_DESCRIPTIVE.contains(&x)
            && !REPORT_VERBS.contains(&x)
            && !is_clause_word(t)
            && !is_head_token(lx, t)
            // "the relationship [former] chairman": a qualifier or rank
            // starts the title proper; an organisation's noun ("police",
            // "agency") names it, and "-s" words are plural nouns or verbs.
            && !lx.has_any(t, bits::QUALIFIER | bits::RANK)
            && (!lx.has(t, bits::ORG_SUFFIX) || x == "exchange")
            && !(x.ends_with('s')
                && !x.ends_with("ss")
                && !x.ends_with("ics")
                && !lx.has(t, bits::MODIFIER)
                && !MARKET_NOUNS.contains(&x))
            // "its [veteran] leader", "Acme's [aggressive] chairman": an
            // adjective of praise or age describes the person, not the post.
            && (lx.has(t, bits::MODIFIER) || !is_adjective(x))
    };
    let mut n = 0;
    let mut joined = false;
    while n < MAX_LOWER_RUN && n < rest.len() {
        let t = &rest[n];
        // "foreign exchange dealer", but "stock exchange president": the
        // exchange is an organisation unless it is the currency market.
        let market = n > 0 && is_word(&rest[n - 1], "foreign");
        if is_word(t, "exchange") && !market && !(n == 0 && prev_is_foreign) {
            break;
        }
        if n > 0 && !joined && is_word(t, "and") && rest.get(n + 1).is_some_and(descriptive) {
            joined = true;
            n += 1;
            continue;
        }
        let prev = n.checked_sub(1).map(|p| &rest[p]);
        if !descriptive(t) || rank_as_head(lx, &rest[n..], prev) {
            break;
        }
        n += 1;
    }
    let head = rest.get(n).is_some_and(|h| {
        let prev = n.checked_sub(1).map(|p| &rest[p]);
        !h.is_capitalized()
            && (is_head_token(lx, h)
                || rank_as_head(lx, &rest[n..], prev)
                || body_member(&rest[n..], prev))
    });
    // Known modifiers alone need no run ("foreign trade minister"); more
    // than two unknown words are a clause ("a television interview
    // yesterday prime minister").
    let unknown = rest[..n]
        .iter()
        .filter(|t| !is_word(t, "and") && !lx.has(t, bits::MODIFIER))
        .count();
    (n > 0 && head && (1..=MAX_UNKNOWN_IN_RUN).contains(&unknown)).then_some(n)
}

/// `conjoined := ("," conjunct)* "and" ("a" | "an")? conjunct`: further
/// offices of the same person, rank and lower-case modifiers allowed:
/// "chairman and chief executive officer", "President and Chief Operating
/// Officer", "president, chief executive officer and a director"
/// (issue 17). A comma joins offices only in a list that "and" closes;
/// each comma and "and" gets [`Role::Conjunction`] and the caller splits
/// the title at each. Returns tokens used.
fn conjoined(
    lx: &Lexicon,
    rest: Toks<'_, '_>,
    prev_end: Option<usize>,
    roles: &mut Vec<Role>,
) -> usize {
    let mut list = Vec::new();
    let mut j = 0;
    while rest.get(j).is_some_and(|t| t.is_punct(",")) {
        let Some(run) = conjunct(lx, &rest[j + 1..]) else {
            break;
        };
        j += 1 + run.len();
        list.push(run);
    }
    if !rest.get(j).is_some_and(|t| is_word(t, "and")) {
        // "World Bank vice-president/treasurer": offices joined by a slash
        // alone.
        return match (j, prev_end) {
            (0, Some(e)) if tight_slash(rest, e) => slashed_after(lx, rest, roles),
            _ => 0,
        };
    }
    let after_and = &rest[j + 1..];
    // "chief executive officer and as director": the office's "as"
    // repeated, read like a determiner.
    let as_ = usize::from(after_and.first().is_some_and(|t| is_word(t, "as")));
    let article = usize::from(
        after_and
            .get(as_)
            .is_some_and(|t| is_word(t, "a") || is_word(t, "an")),
    );
    let determined = as_ + article;
    let Some(last) = conjunct(lx, &after_and[determined..]) else {
        return 0;
    };
    let mut end = j + 1 + determined + last.len();
    // "named chairman and a spokesman said": a determined conjunct is a
    // second office only where an office ends, not before a verb.
    if determined > 0 && !ends_determined_conjunct(rest.get(end)) {
        return 0;
    }
    for run in list {
        roles.push(Role::Conjunction);
        roles.extend(run);
    }
    roles.push(Role::Conjunction);
    roles.extend(std::iter::repeat_n(Role::Determiner, determined));
    roles.extend(last);
    // "chief executive officer and as director and president": a list
    // may go on with "and" after a determined conjunct.
    while determined > 0 && rest.get(end).is_some_and(|t| is_word(t, "and")) {
        let Some(more) = conjunct(lx, &rest[end + 1..]) else {
            break;
        };
        end += 1 + more.len();
        roles.push(Role::Conjunction);
        roles.extend(more);
    }
    // "co-founder and chairman/chief executive officer": a slash may join
    // the last conjunct to more.
    end + slashed(lx, rest, end, roles)
}

/// Does a slash written without spaces ("vice-president/treasurer") start
/// `rest`, right after a word ending at `prev_end`?
fn tight_slash(rest: Toks<'_, '_>, prev_end: usize) -> bool {
    match rest {
        [slash, next, ..] => {
            slash.is_punct("/") && prev_end == slash.start && slash.end == next.start
        }
        _ => false,
    }
}

/// [`slashed`] when `rest` starts at its first slash (the caller checked
/// it is tight).
fn slashed_after(lx: &Lexicon, rest: Toks<'_, '_>, roles: &mut Vec<Role>) -> usize {
    let Some(first) = conjunct(lx, &rest[1..]) else {
        return 0;
    };
    let end = 1 + first.len();
    roles.push(Role::Conjunction);
    roles.extend(first);
    end + slashed(lx, rest, end, roles)
}

/// `slashed := ("/" conjunct)*`: offices joined by slashes written without
/// spaces after the one ending before `rest[at]`: "vice-president/treasurer",
/// "chairman/chief executive officer" (issue 17); each slash gets
/// [`Role::Conjunction`]. Returns tokens used from `at`.
fn slashed(lx: &Lexicon, rest: Toks<'_, '_>, at: usize, roles: &mut Vec<Role>) -> usize {
    let mut end = at;
    while end > 0 && tight_slash(&rest[end..], rest[end - 1].end) {
        let Some(more) = conjunct(lx, &rest[end + 1..]) else {
            break;
        };
        end += 1 + more.len();
        roles.push(Role::Conjunction);
        roles.extend(more);
    }
    end - at
}

/// Words that may follow a determined conjunct ("and a director of the
/// company", "and a director, effective ..."): a complement or an adjunct
/// of the office, not a verb.
const AFTER_DETERMINED_CONJUNCT: &[&str] = &[
    "of",
    "at",
    "for",
    "in",
    "on",
    "since",
    "until",
    "from",
    "effective",
    "succeeding",
    "replacing",
    "and",
];

/// Does the token after a determined conjunct end an office there?
fn ends_determined_conjunct(next: Option<&Token<'_>>) -> bool {
    next.is_none_or(|t| !t.is_word() || AFTER_DETERMINED_CONJUNCT.iter().any(|w| is_word(t, w)))
}

/// `conjunct := (rank | modifier | head)* head`: the words of one office
/// in a list, up to its last head ("chief operating officer": "chief" is a
/// head that modifies "officer"). `None` when no head comes.
fn conjunct(lx: &Lexicon, rest: Toks<'_, '_>) -> Option<Vec<Role>> {
    let mut run = Vec::new();
    for (k, t) in rest.iter().take(MAX_PRE_HEAD).enumerate() {
        if is_head_token(lx, t) {
            run.push(Role::Head);
        } else if k > 0 && is_word(&rest[k - 1], "chief") && chief_post_at(&rest[k..]) {
            // "managing director and chief actuary of X": in a list of
            // offices, "chief" and any lower-case noun closing the
            // conjunct is a post, not only the occupations of CHIEF_POSTS.
            run.push(Role::Head);
            break;
        } else if t.is_word() && lx.has(t, bits::RANK) {
            run.push(Role::Rank);
        } else if t.is_word() && lx.has(t, bits::MODIFIER) {
            run.push(Role::Modifier);
        } else {
            break;
        }
    }
    let last = run.iter().rposition(|r| *r == Role::Head)?;
    run.truncate(last + 1);
    // Heads before a later modifier modify the final heads.
    let final_heads = run
        .iter()
        .rposition(|r| *r != Role::Head)
        .map_or(0, |p| p + 1);
    for r in &mut run[..final_heads] {
        if *r == Role::Head {
            *r = Role::Modifier;
        }
    }
    Some(run)
}

/// Words that may close a "chief" post in a list ([`chief_post_at`]).
const AFTER_CHIEF_POST: &[&str] = &["of", "at", "for", "and", "in", "with"];

/// Is `rest[0]`, after "chief" in a conjunct, a post's noun: a lower-case
/// word (no clause word, adverb or verb form; "actuary" ends like an
/// adjective, so no adjective test) closed by punctuation, the
/// sentence end or a complement's preposition?
fn chief_post_at(rest: Toks<'_, '_>) -> bool {
    let Some(t) = rest.first() else {
        return false;
    };
    let x = t.text;
    let noun = t.is_word()
        && x.len() > 3
        && x.bytes().all(|b| b.is_ascii_lowercase())
        && !(x.ends_with("ly") || x.ends_with("ed") || x.ends_with("ing"))
        && !is_clause_word(t);
    let closed = rest
        .get(1)
        .is_none_or(|n| !n.is_word() || AFTER_CHIEF_POST.iter().any(|w| is_word(n, w)));
    noun && closed
}

/// Party labels that belong to a legislative party office: "House
/// Republican whip", "Senate Democratic Leader" (issue 17). Before other
/// offices a party label is not part of the title ("Democratic Senator").
const PARTY_LABELS: &[&str] = &["republican", "democratic", "democrat"];
/// Offices of a party in a legislature.
const PARTY_HEADS: &[&str] = &["whip", "leader"];

/// `party_office`: a party label, then (after "majority"/"minority"/
/// "floor", at most two words) a party head.
fn party_office_follows(rest: Toks<'_, '_>) -> bool {
    let is_any = |t: &Token<'_>, ws: &[&str]| ws.iter().any(|w| is_word(t, w));
    rest.first().is_some_and(|t| is_any(t, PARTY_LABELS))
        && rest[1..]
            .iter()
            .take(3)
            .find(|t| !is_any(t, &["majority", "minority", "floor"]))
            .is_some_and(|t| is_any(t, PARTY_HEADS))
}

/// A ticker in angle brackets: "<HNZ.N>".
fn ticker_len(rest: Toks<'_, '_>) -> Option<usize> {
    if !rest.first().is_some_and(|t| t.is_punct("<")) {
        return None;
    }
    (2..5)
        .find(|&k| rest.get(k).is_some_and(|t| t.is_punct(">")))
        .filter(|&k| {
            rest[1..k]
                .iter()
                .all(|t| t.kind != TokenKind::Punct || t.text == ".")
        })
        .map(|k| k + 1)
}

/// A company's short name at the title's start: an all-caps word that is
/// not a known alias ("SAS President", "LMFE chairman"), when a title word
/// follows.
fn short_name_len(lx: &Lexicon, rest: Toks<'_, '_>, at_start: bool) -> Option<usize> {
    let t = &rest[0];
    let next_is_title = rest
        .get(1)
        .is_some_and(|n| is_head_token(lx, n) || lx.has(n, bits::MODIFIER));
    (at_start && t.is_all_caps() && !lx.has(t, bits::ORG) && next_is_title).then_some(1)
}

/// A rank word counts when a head or a modifier follows ("Under
/// Secretary", "Deputy Treasury Secretary"), not as a preposition ("under
/// Kremlin leader").
fn rank_applies(lx: &Lexicon, rest: Toks<'_, '_>) -> bool {
    let word = rest[0].lower();
    if word != "under" {
        return true;
    }
    // "Under Secretary", but "under President Garcia" is a preposition.
    let _ = lx;
    rest.get(1)
        .is_some_and(|t| t.lower().starts_with("secretar") || t.text == "-")
}

/// Is the token at `at` of `toks` a dash set apart by spaces: one or
/// more "-" tokens touching each other, a space between them and the
/// token before (`toks[at - 1]`, when `at` is 1) and the token after ("Vietnam --
/// President", "HANOI - China's President")? A hyphen that joins words
/// ("Vice-President", "U.S.-Japan") touches one of them.
fn spaced_dash(toks: Toks<'_, '_>, at: usize) -> bool {
    let Some(first) = toks.get(at).filter(|t| t.text == "-") else {
        return false;
    };
    let run = toks[at..]
        .windows(2)
        .take_while(|w| w[1].text == "-" && w[0].end == w[1].start)
        .count()
        + 1;
    let last = &toks[at + run - 1];
    let before = at.checked_sub(1).is_none_or(|p| toks[p].end < first.start);
    let after = toks.get(at + run).is_some_and(|n| n.start > last.end);
    before && after
}

/// `modifier`: a lexicon modifier, or a capitalised word that is not a
/// name-breaker ("Treasury", "Foreign", "Trade").
fn is_modifier(lx: &Lexicon, t: &Token<'_>) -> bool {
    if !t.is_word() {
        return t.text == "-" || t.text == "&";
    }
    lx.has(t, bits::MODIFIER)
        || (t.is_capitalized() && !lx.has(t, bits::NOT_NAME) && !t.text.ends_with('.'))
}

/// `owner`: "China's", "President Joe Biden's", "the unit's" → tokens used.
fn owner_len(lx: &Lexicon, rest: Toks<'_, '_>) -> Option<usize> {
    let det = usize::from(rest.first().is_some_and(|t| is_word(t, "the")));
    let mut n = det;
    while n < rest.len() && n - det < 4 {
        let t = &rest[n];
        let ok = t.is_capitalized()
            || (n == det && OWNER_NOUNS.contains(&t.lower().as_ref()) && det == 1);
        if !ok || is_head_token(lx, t) && n > det {
            break;
        }
        n += 1;
        if rest.get(n).is_some_and(|t| t.kind == TokenKind::Possessive) {
            return Some(n + 1);
        }
    }
    None
}

/// `org`: a known alias (longest match) or capitalised words closed by an
/// organisation suffix, with an optional "of X" tail: "State Department",
/// "Ministry of Foreign Affairs", "Bank of England", "Microsoft Corp.".
fn org_len(lx: &Lexicon, rest: Toks<'_, '_>) -> Option<usize> {
    if let Some(n) = known_org_len(lx, rest) {
        return Some(n);
    }
    let mut n = 0;
    let mut closed_at = None;
    while n < rest.len() && n < 8 {
        let t = &rest[n];
        if !(t.is_capitalized() || t.is_all_caps()) || is_head_token(lx, t) {
            break;
        }
        n += 1;
        if lx.has(t, bits::ORG_SUFFIX) {
            closed_at = Some(n);
        }
    }
    let mut end = closed_at?;
    // "Ministry of Foreign Affairs": the "of" tail, while capitalised.
    if rest.get(end).is_some_and(|t| is_word(t, "of")) {
        // A rank word before the head is the title's, not the org's:
        // "Department of Agriculture [Deputy Administrator]".
        let is_rank = |t: &Token<'_>| t.is_word() && lx.has(t, bits::RANK);
        let mut k = end + 1;
        while rest
            .get(k)
            .is_some_and(|t| t.is_capitalized() && !is_head_token(lx, t) && !is_rank(t))
        {
            k += 1;
        }
        let title_follows = rest.get(k).is_some_and(|t| {
            is_head_token(lx, t)
                || is_rank(t) && rest.get(k + 1).is_some_and(|n| is_head_token(lx, n))
        });
        if k > end + 1 && title_follows {
            end = k;
        }
    }
    if end == 1 && lx.has(&rest[0], bits::MODIFIER) {
        return None; // "Cabinet Affairs Minister", "Party chairman"
    }
    Some(end)
}

/// Longest known organisation alias at the start of `rest`.
pub fn known_org_len(lx: &Lexicon, rest: Toks<'_, '_>) -> Option<usize> {
    // A capitalised alias only: "us" the pronoun is not "US".
    if !rest.first().is_some_and(Token::is_capitalized) {
        return None;
    }
    let max = lx.org_max_words.min(rest.len());
    // An alias is a run of words.
    let words = rest[..max].iter().take_while(|t| t.is_word()).count();
    // A one-word alias is the token's `ORG` bit: no key to build.
    let mut best = (words >= 1 && lx.has(&rest[0], bits::ORG)).then_some(1);
    if words < 2 {
        return best;
    }
    // Room for most multi-word keys, so the key is allocated once.
    let mut key = String::with_capacity(ORG_KEY_CAPACITY);
    key.push_str(&rest[0].lower());
    for (n, t) in rest[..words].iter().enumerate().skip(1) {
        key.push(' ');
        key.push_str(&t.lower());
        if lx.orgs.contains_key(&key) {
            best = Some(n + 1);
        }
    }
    best
}

/// Initial capacity of [`known_org_len`]'s multi-word key.
const ORG_KEY_CAPACITY: usize = 64;

/// `complement*`; returns how many tokens it used.
fn complements(lx: &Lexicon, rest: Toks<'_, '_>, ctx: Context, roles: &mut Vec<Role>) -> usize {
    let mut i = 0;
    // "X, a specialist in nutrition,": a field after an apposed title.
    if ctx == Context::Apposed {
        let n = field_len(rest);
        if n > 0 {
            roles.push(Role::Preposition);
            roles.extend(std::iter::repeat_n(Role::Complement, n - 1));
            return n;
        }
    }
    loop {
        // "general director [in charge of] economic affairs": a remit,
        // read like one preposition (issue 17).
        let remit = ctx != Context::BeforeName && in_charge_of(&rest[i..]);
        let Some(prep) = rest.get(i).filter(|t| {
            remit
                || PREPOSITIONS.iter().any(|p| is_word(t, p))
                || (ctx == Context::Apposed && is_word_any(t, APPOSED_EMPLOYERS))
        }) else {
            break;
        };
        let words = if remit { IN_CHARGE_OF.len() } else { 1 };
        let body = &rest[i + words..];
        let n = match ctx {
            Context::Appositive | Context::Apposed => appositive_complement_len(lx, body),
            Context::BeforeName => capitalised_complement_len(lx, body),
        };
        let clause = is_word(prep, "to")
            && body
                .first()
                .is_some_and(|t| TO_VERBS.iter().any(|v| is_word(t, v)));
        let firm_needed = is_word_any(prep, APPOSED_EMPLOYERS);
        if n == 0 || clause || (firm_needed && !names_a_firm(&body[..n])) {
            break;
        }
        roles.extend(std::iter::repeat_n(Role::Preposition, words));
        roles.extend(std::iter::repeat_n(Role::Complement, n));
        i += words + n;
    }
    i
}

/// The words of a remit after a title: "in charge of finance".
const IN_CHARGE_OF: [&str; 3] = ["in", "charge", "of"];

/// Does "in charge of" start `rest`?
fn in_charge_of(rest: Toks<'_, '_>) -> bool {
    rest.len() > IN_CHARGE_OF.len() && rest.iter().zip(IN_CHARGE_OF).all(|(t, w)| is_word(t, w))
}

/// Longest field [`field_len`] reads, in words.
const MAX_FIELD_WORDS: usize = 3;

/// "in nutrition", "in tax law": "in" and a few plain lower-case words
/// (no verb form, clause word or preposition), closed by punctuation: the
/// field of an apposed occupation ("X, a specialist in nutrition,").
/// Returns its tokens with "in" (0 when there is none). A capitalised
/// word is a place ("an analyst in London"), which the caller reads.
fn field_len(rest: Toks<'_, '_>) -> usize {
    if !rest.first().is_some_and(|t| is_word(t, "in")) {
        return 0;
    }
    let plain = |t: &Token<'_>| {
        let x = t.text;
        t.is_word()
            && x.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
            && !(x.ends_with("ed") || x.ends_with("ing") || x.ends_with("ly"))
            && !is_clause_word(t)
            && !PREPOSITIONS.contains(&x)
            && !NOT_DESCRIPTIVE.contains(&x)
            && !REPORT_VERBS.contains(&x)
    };
    let words = rest[1..]
        .iter()
        .take(MAX_FIELD_WORDS + 1)
        .take_while(|t| plain(t))
        .count();
    let closed = rest
        .get(1 + words)
        .is_some_and(|t| t.kind == TokenKind::Punct && matches!(t.text, "," | "." | ";" | ")"));
    if (1..=MAX_FIELD_WORDS).contains(&words) && closed {
        1 + words
    } else {
        0
    }
}

/// Words that join an apposed title to its employer besides the
/// prepositions: "a vice president with Acme Corp", "a land manager
/// representing Acme Oil Corp" (only when a capitalised firm follows).
const APPOSED_EMPLOYERS: &[&str] = &["with", "representing"];

fn is_word_any(t: &Token<'_>, words: &[&str]) -> bool {
    words.iter().any(|w| is_word(t, w))
}

/// "a vice president with Morgan Stanley and Co Inc": a "with" complement
/// names the employer when it holds a capitalised word ("the minister
/// with responsibility for trade" is read no further).
fn names_a_firm(body: Toks<'_, '_>) -> bool {
    body.iter().any(|t| t.is_word() && t.is_capitalized())
}

/// Words no organisation or portfolio name holds, which end a complement
/// that has no comma after it: auxiliaries, adverbs of time, "as" ("named
/// chairman of Data Access [as well] and ...").
const CLAUSE_WORDS: &[&str] = &[
    "is",
    "was",
    "are",
    "were",
    "has",
    "have",
    "had",
    "been",
    "will",
    "would",
    "who",
    "whose",
    "which",
    "as",
    "also",
    "previously",
    "formerly",
    "currently",
    "now",
    "still",
    "already",
    "once",
    // Conjunctions and prepositions that open a clause or an adjunct, not
    // part of a name: "chairman of the agency [when] chairman John Shad
    // left", "a consultant to the company [after] a new chief executive".
    "when",
    "while",
    "after",
    "before",
    "because",
    "until",
    "since",
    "but",
    "if",
    "where",
    "by",
    "following",
    // Participles that open an adjunct: "general manager of the new
    // operation [reporting] to Jane Roe", "named chairman [effective] May 1".
    "reporting",
    "effective",
    "replacing",
    "succeeding",
    "including",
    "pending",
];
/// Does `t` open a clause after a title ([`CLAUSE_WORDS`])?
pub fn is_clause_word(t: &Token<'_>) -> bool {
    t.is_word() && CLAUSE_WORDS.iter().any(|w| is_word(t, w))
}

/// Verbs after "to" that open a clause, not a complement: "elected
/// president and chief executive [to succeed Marcheschi]".
const TO_VERBS: &[&str] = &[
    "succeed", "replace", "become", "take", "serve", "head", "lead", "help", "be", "fill",
];

/// In an appositive, a complement runs to a comma, bracket or sentence end,
/// or to an "and" that opens a second role ([`second_role_follows`]).
fn appositive_complement_len(lx: &Lexicon, body: Toks<'_, '_>) -> usize {
    let mut n = 0;
    while n < body.len() && n < MAX_COMPLEMENT {
        let t = &body[n];
        // "<Genossenschaftliche Zentralbank AG>": a firm's name in angle
        // brackets (tickers are removed before the grammar runs).
        let bracket = match t.text {
            "<" => body[n..]
                .iter()
                .take_while(|t| !t.is_punct(","))
                .any(|t| t.is_punct(">")),
            ">" => true,
            _ => false,
        };
        if t.kind == TokenKind::Punct && !matches!(t.text, "-" | "&" | "'") && !bracket {
            break;
        }
        if n > 0 && is_word(t, "and") && second_role_follows(lx, &body[n + 1..]) {
            break; // "chief economist of X [and a former Fed official]"
        }
        if n > 0 && is_word(t, "and") && apposed_person_follows(lx, &body[n + 1..]) {
            break; // "will be chairman of the new company [and Jo Roe, its ...]"
        }
        if n > 0 && is_word(t, "and") && gapped_role_len(lx, &body[n + 1..]).is_some() {
            break; // "will become vice chairman of Roberts [and J. Thomas Clark chairman]"
        }
        if PREPOSITIONS.iter().any(|p| is_word(t, p)) && n > 0 {
            break; // the next complement
        }
        if n > 0 && REPORT_VERBS.iter().any(|v| is_word(t, v)) {
            break; // "director of research for Staley Co. said"
        }
        if is_clause_word(t) {
            break; // "head of California Operations [previously]"
        }
        n += 1;
    }
    // "resigned as chairman of DHL [and] now owns": a clause word ended
    // the complement right after a conjunction, which is not the org's.
    while n > 0 && n < MAX_COMPLEMENT && (is_word(&body[n - 1], "and") || body[n - 1].text == "&") {
        n -= 1;
    }
    if n == MAX_COMPLEMENT {
        0
    } else {
        n
    }
}

/// "and Jane Roe, president of Acme,": after "and", a person's name (a
/// known given name first) closed by a comma starts a new phrase, not the
/// rest of an organisation's name ("Smith and Wesson", "Procter and
/// Gamble Co" have no given name).
pub(crate) fn apposed_person_follows(lx: &Lexicon, rest: Toks<'_, '_>) -> bool {
    let given = rest
        .first()
        .is_some_and(|t| t.is_capitalized() && lx.has(t, bits::GIVEN));
    given
        && super::name::person_name(lx, rest).is_ok_and(|(after, name)| {
            name.len() >= 2 && after.first().is_some_and(|t| t.is_punct(","))
        })
}

/// Longest office [`gapped_role_len`] reads after the name, in words.
const MAX_GAPPED_ROLE: usize = 3;

/// "X will become vice chairman of Roberts and [J. Thomas Clark chairman]":
/// after "and", a second subject whose verb is left out (gapping): a full
/// name that opens with a given name or an initial, then a few lower-case
/// title words ending in a head, then punctuation or the sentence end.
/// Returns (name tokens, office tokens).
pub(crate) fn gapped_role_len(lx: &Lexicon, rest: Toks<'_, '_>) -> Option<(usize, usize)> {
    let first = rest.first()?;
    if !(first.is_capitalized() && (lx.has(first, bits::GIVEN) || is_initial(lx, first))) {
        return None;
    }
    let (after, name) = super::name::person_name(lx, rest).ok()?;
    if name.len() < 2 {
        return None;
    }
    let words = after
        .iter()
        .take(MAX_GAPPED_ROLE + 1)
        .take_while(|t| {
            t.is_word()
                && !t.is_capitalized()
                && (is_head_token(lx, t) || lx.has_any(t, bits::MODIFIER | bits::RANK))
        })
        .count();
    let ends = after
        .get(words)
        .is_none_or(|t| t.kind == TokenKind::Punct && matches!(t.text, "." | "," | ";"));
    let head_last = words > 0 && is_head_token(lx, &after[words - 1]);
    (words <= MAX_GAPPED_ROLE && head_last && ends).then_some((name.len(), words))
}

/// Longest run between "and" and a second role's head: "and a former
/// Federal Reserve Board official".
const MAX_SECOND_ROLE: usize = 7;

/// `second_role`: after an appositive's "and", does a second role of the
/// same person start (a determiner, qualifier or rank word, or a head),
/// with a head before any punctuation? "chief economist of the Mortgage
/// Bankers Association [and a former Federal Reserve Board official]";
/// not "of research and development", "for East Asian and Pacific
/// affairs".
pub fn second_role_follows(lx: &Lexicon, rest: Toks<'_, '_>) -> bool {
    let Some(first) = rest.first() else {
        return false;
    };
    // "and its chairman since 1984": a possessive pronoun opens one too.
    // "and general manager of the Acme Centre": so do lower-case words of
    // the post, when they run straight into its head (a [`conjunct`]).
    let described = first.is_word()
        && !first.is_capitalized()
        && lx.has(first, bits::MODIFIER)
        && conjunct(lx, rest).is_some();
    let opens = ["a", "an", "the"].iter().any(|w| is_word(first, w))
        || POSSESSIVE_PRONOUNS.iter().any(|w| is_word(first, w))
        || (first.is_word() && lx.has_any(first, bits::QUALIFIER | bits::RANK))
        || is_head_token(lx, first)
        || described;
    opens
        && rest
            .iter()
            .take(MAX_SECOND_ROLE)
            .take_while(|t| t.is_word() || matches!(t.text, "." | "-" | "&"))
            .any(|t| is_head_token(lx, t))
}

/// Before a name: "the"? then capitalised words joined by "and"/"&", plus
/// the lower-case "affairs"; the caller trims the name off the end.
fn capitalised_complement_len(lx: &Lexicon, body: Toks<'_, '_>) -> usize {
    let mut n = usize::from(body.first().is_some_and(|t| is_word(t, "the")));
    let start = n;
    let lower = lower_complement_len(lx, body, start == 1);
    if lower > 0 {
        n += lower;
        match body.get(n) {
            // "chief of staff Howard Baker": the name follows.
            Some(t) if t.is_capitalized() => {}
            // "vice-minister of finance [for international affairs] Toyoo
            // Gyohten": the next complement follows.
            Some(t) if start == 0 && PREPOSITIONS.iter().any(|p| is_word(t, p)) => return n,
            _ => return 0,
        }
    }
    while n < body.len() && n < MAX_COMPLEMENT {
        let t = &body[n];
        // "Secretary of State George Shultz [China's] recent troubles": a
        // possessive opens a new phrase, which the name does not reach.
        if body
            .get(n + 1)
            .is_some_and(|p| p.kind == TokenKind::Possessive)
        {
            break;
        }
        let joins = (is_word(t, "and") || t.text == "&")
            && body.get(n + 1).is_some_and(Token::is_capitalized);
        if t.is_capitalized()
            || is_initial(lx, t)
            || joins
            || is_word(t, "affairs")
            || t.text == "-"
        {
            n += 1;
        } else {
            break;
        }
    }
    if n == start {
        0
    } else {
        n
    }
}

/// Longest run of lower-case portfolio words before a name
/// ([`lower_complement_len`]).
const MAX_LOWER_COMPLEMENT: usize = 4;

/// The lower-case start of a complement before a name (issue 17): after
/// "the", one owner noun ("chairman of [the firm] Gordon Wu"); else
/// portfolio words the lexicon knows, one "and" between them ("director
/// general for [agriculture] Jean Roe", "chief of [staff] Howard Baker").
/// Returns its tokens (0 when there is none).
fn lower_complement_len(lx: &Lexicon, body: Toks<'_, '_>, after_the: bool) -> usize {
    let lower_word = |t: &Token<'_>| t.is_word() && !t.is_capitalized();
    if after_the {
        let owner_noun = body
            .get(1)
            .is_some_and(|t| lower_word(t) && OWNER_NOUNS.iter().any(|w| is_word(t, w)));
        return usize::from(owner_noun);
    }
    let portfolio = |t: &Token<'_>| lower_word(t) && lx.has(t, bits::MODIFIER);
    let mut n = 0;
    while n < MAX_LOWER_COMPLEMENT && body.get(n).is_some_and(portfolio) {
        n += 1;
        let joined = body.get(n).is_some_and(|t| is_word(t, "and"))
            && body.get(n + 1).is_some_and(portfolio);
        n += usize::from(joined);
    }
    n
}

/// A capitalised month or weekday name written out ("August", "Monday"):
/// a complement it opens dates the title rather than naming it.
pub(crate) fn is_date_word(t: &Token<'_>) -> bool {
    let capital = t.text.starts_with(|c: char| c.is_ascii_uppercase());
    let month =
        crate::temporal::lexicon::month(t.text).is_some_and(|(_, abbreviated)| !abbreviated);
    let weekday =
        crate::temporal::lexicon::weekday(t.text).is_some_and(|(_, abbreviated)| !abbreviated);
    capital && (month || weekday)
}

#[cfg(test)]
mod tests {
    use super::super::test_lexicon;
    use super::super::token::tokenize;
    use super::*;

    fn roles(text: &str, ctx: Context) -> Option<(String, Vec<Role>)> {
        let toks = tokenize(text, 0);
        let lx = test_lexicon();
        let (_, t) = title(&lx, &toks, ctx).ok()?;
        Some((text[t.start()..t.end()].to_string(), t.roles))
    }

    #[test]
    fn a_firm_may_open_with_initials_and_newly_elected_may_follow_an_owner() {
        use Role::*;
        assert_eq!(
            roles("E.F. Acme analyst", Context::BeforeName),
            Some(("E.F. Acme analyst".into(), vec![Org, Org, Head]))
        );
        // Initials before an office word are no firm.
        assert_eq!(roles("J. Chairman", Context::BeforeName), None);
        assert_eq!(
            roles("Acme's newly elected chairman", Context::Appositive),
            Some((
                "Acme's newly elected chairman".into(),
                vec![Owner, Owner, Qualifier, Qualifier, Head]
            ))
        );
    }

    #[test]
    fn chief_in_a_title_case_office_modifies_the_later_head() {
        use Role::*;
        assert_eq!(
            roles("Deputy Chief Cabinet Secretary", Context::BeforeName),
            Some((
                "Deputy Chief Cabinet Secretary".into(),
                vec![Rank, Modifier, Modifier, Head]
            ))
        );
        // In lower case a capitalised word after "chief" is no modifier.
        assert_eq!(
            roles("chief Cabinet Secretary", Context::BeforeName).map(|(t, _)| t),
            Some("chief".into())
        );
    }

    #[test]
    fn an_owned_deputy_is_a_post() {
        use Role::*;
        assert_eq!(
            roles("Poehl's deputy", Context::Appositive),
            Some(("Poehl's deputy".into(), vec![Owner, Owner, Head]))
        );
        assert_eq!(
            roles("his deputy", Context::Appositive),
            Some(("his deputy".into(), vec![Owner, Head]))
        );
        // Before an office word it stays a rank; alone it is none.
        assert_eq!(
            roles("his deputy minister", Context::Appositive),
            Some(("his deputy minister".into(), vec![Owner, Rank, Head]))
        );
        assert_eq!(roles("the deputy", Context::Appositive), None);
    }

    #[test]
    fn after_a_names_comma_a_firm_may_open_a_description() {
        use Role::*;
        let apposed = |text: &str| {
            let toks = tokenize(text, 0);
            let lx = test_lexicon();
            let opts = Opts {
                opening_description: true,
                ..Opts::default()
            };
            let (_, t) = title_with(&lx, &toks, Context::Apposed, opts).ok()?;
            Some(t.roles)
        };
        assert_eq!(
            apposed("Acme Corp cosmetics analyst"),
            Some(vec![Org, Org, Modifier, Head])
        );
        assert_eq!(
            apposed("a Quist Lee federal budget policy analyst"),
            Some(vec![
                Determiner, Org, Org, Modifier, Modifier, Modifier, Head
            ])
        );
        // Elsewhere capitalised words and a lower-case word are a name and
        // a verb.
        assert_eq!(
            roles("Teixeira cosmetics analyst", Context::BeforeName),
            None
        );
    }

    #[test]
    fn org_rank_head_and_complements() {
        use Role::*;
        let (text, r) = roles(
            "US Under Secretary of State for East Asia",
            Context::Appositive,
        )
        .unwrap();
        assert_eq!(text, "US Under Secretary of State for East Asia");
        assert_eq!(
            r,
            [
                Org,
                Rank,
                Head,
                Preposition,
                Complement,
                Preposition,
                Complement,
                Complement
            ]
        );
    }

    #[test]
    fn a_list_of_offices_is_conjoined() {
        use Role::*;
        let (text, r) = roles(
            "president, chief executive officer and a director, said",
            Context::Appositive,
        )
        .unwrap();
        assert_eq!(text, "president, chief executive officer and a director");
        assert_eq!(
            r,
            [
                Head,
                Conjunction,
                Head,
                Head,
                Head,
                Conjunction,
                Determiner,
                Head
            ]
        );
        // A comma without a closing "and" lists nothing.
        let (text, _) = roles(
            "president, chief executive officer, said",
            Context::Appositive,
        )
        .unwrap();
        assert_eq!(text, "president");
        // "and a spokesman said": a verb after a determined conjunct.
        let (text, _) = roles("chairman and a spokesman said", Context::Appositive).unwrap();
        assert_eq!(text, "chairman");
        let (text, _) = roles("chairman, Jane Roe and a director", Context::Appositive).unwrap();
        assert_eq!(text, "chairman");
    }

    #[test]
    fn offices_joined_by_a_tight_slash_are_conjoined() {
        use Role::*;
        let (text, r) = roles("vice-president/treasurer, said", Context::Appositive).unwrap();
        assert_eq!(text, "vice-president/treasurer");
        assert_eq!(r, [Head, Conjunction, Head]);
        let (text, r) = roles(
            "founder and chairman/chief executive officer of Acme Games,",
            Context::Appositive,
        )
        .unwrap();
        assert_eq!(
            text,
            "founder and chairman/chief executive officer of Acme Games"
        );
        assert_eq!(
            r[..7],
            [Head, Conjunction, Head, Conjunction, Head, Head, Head]
        );
        // Spaced slashes separate other things ("sales / marketing").
        let (text, _) = roles("treasurer / chief executive,", Context::Appositive).unwrap();
        assert_eq!(text, "treasurer");
        // A slash before no office joins nothing.
        let (text, _) = roles("treasurer/Acme, said", Context::Appositive).unwrap();
        assert_eq!(text, "treasurer");
    }

    #[test]
    fn member_of_a_body_is_a_post_member_of_a_party_is_not() {
        let head = |text: &str| member_of_body(&tokenize(text, 0));
        assert!(head("member of the Bundesbank board, said"));
        assert!(head("member of Opec's quota committee, said"));
        assert!(head("member of parliament for the region"));
        assert!(!head("member of the Liberal party, said"));
        assert!(!head("member of the royal family."));
        assert!(!head("member countries of the EC"));
        assert!(!head("member of, said"));
        let (text, _) = roles("member of the Bundesbank board, said", Context::Appositive).unwrap();
        assert_eq!(text, "member of the Bundesbank board");
        assert!(roles("member of the Liberal party, said", Context::Appositive).is_none());
    }

    #[test]
    fn appositive_complement_stops_at_comma() {
        let (text, _) = roles(
            "assistant secretary of state for East Asian and Pacific affairs, told",
            Context::Appositive,
        )
        .unwrap();
        assert_eq!(
            text,
            "assistant secretary of state for East Asian and Pacific affairs"
        );
    }

    #[test]
    fn owner_and_modifiers() {
        use Role::*;
        let (text, r) = roles(
            "Biden's national security adviser Jake",
            Context::BeforeName,
        )
        .unwrap();
        assert_eq!(text, "Biden's national security adviser");
        assert_eq!(r, [Owner, Owner, Modifier, Modifier, Head]);
    }

    #[test]
    fn org_with_suffix_and_of_tail() {
        use Role::*;
        let (_, r) = roles(
            "Chinese Ministry of Foreign Affairs spokesperson Wang",
            Context::BeforeName,
        )
        .unwrap();
        assert_eq!(r, [Org, Org, Org, Org, Org, Head]);
        let (_, r) = roles("State Department spokesman Vedant", Context::BeforeName).unwrap();
        assert_eq!(r, [Org, Org, Head]);
    }

    #[test]
    fn no_head_is_no_title() {
        assert!(roles("U.S. officials say", Context::Appositive).is_none());
        assert!(roles("analysts said", Context::Appositive).is_none());
    }

    #[test]
    fn value_ends_before_the_employer() {
        let lx = test_lexicon();
        let value = |text: &str| {
            let toks = tokenize(text, 0);
            let (_, t) = title(&lx, &toks, Context::Appositive).unwrap();
            text[t.value_start()..t.value_end(&lx)].to_string()
        };
        assert_eq!(
            value("chief executive officer of CBS Inc."),
            "chief executive officer"
        );
        assert_eq!(
            value("chief economist at Shearson Lehman Brothers Inc."),
            "chief economist"
        );
        assert_eq!(value("chairman of the Federal Reserve Board"), "chairman");
        assert_eq!(value("director of the CIA"), "director");
        assert_eq!(
            value("vice president of finance at Texaco Inc"),
            "vice president of finance"
        );
        assert_eq!(value("Secretary of State"), "Secretary of State");
        assert_eq!(value("vice chairman on August 31"), "vice chairman");
        assert_eq!(
            value("assistant secretary of state for East Asian and Pacific affairs"),
            "assistant secretary of state for East Asian and Pacific affairs"
        );
        assert_eq!(value("Minister of Finance"), "Minister of Finance");
    }

    /// `known_org_len` as first written: a key of one to
    /// `org_max_words` words, each looked up.
    fn known_org_len_reference(lx: &Lexicon, rest: Toks<'_, '_>) -> Option<usize> {
        if !rest.first().is_some_and(Token::is_capitalized) {
            return None;
        }
        let max = lx.org_max_words.min(rest.len());
        let mut key = String::new();
        let mut best = None;
        for n in 1..=max {
            let t = &rest[n - 1];
            if !t.is_word() {
                break;
            }
            if n > 1 {
                key.push(' ');
            }
            key.push_str(&t.lower());
            if lx.orgs.contains_key(&key) {
                best = Some(n);
            }
        }
        best
    }

    #[test]
    fn known_org_len_agrees_with_looking_up_every_prefix() {
        let lx = test_lexicon();
        let text = "The U.S. State Department and the Federal Reserve Board, US officials, \
            New York City, Hong Kong, the Bank of England and China's Ministry of Foreign \
            Affairs said; us, CIA, Chrysler Corp. and the European Community met Japan.";
        let plain = tokenize(text, 0);
        let mut annotated = plain.clone();
        lx.annotate(&mut annotated);
        let mut found = 0;
        for tokens in [&plain, &annotated] {
            for i in 0..tokens.len() {
                let expected = known_org_len_reference(&lx, &tokens[i..]);
                assert_eq!(known_org_len(&lx, &tokens[i..]), expected, "at {i}");
                found += usize::from(expected.is_some_and(|n| n > 1));
            }
        }
        assert!(found > 0, "multi-word aliases are exercised");
    }

    #[test]
    fn appositive_complement_stops_before_a_second_role() {
        let (text, _) = roles(
            "chief economist of the Mortgage Bankers Association and a former Federal Reserve Board official.",
            Context::Appositive,
        )
        .unwrap();
        assert_eq!(text, "chief economist of the Mortgage Bankers Association");
        let (text, _) = roles(
            "director of research and development at Acme Corp.",
            Context::Appositive,
        )
        .unwrap();
        assert_eq!(text, "director of research and development at Acme Corp.");
        let lx = test_lexicon();
        let toks = tokenize("and Pacific affairs", 0);
        assert!(!second_role_follows(&lx, &toks[1..]));
        let toks = tokenize("and chief executive of Acme", 0);
        assert!(second_role_follows(&lx, &toks[1..]));
        // Lower-case words of a post that run into its head open one too.
        let toks = tokenize("and general manager of the Acme Centre", 0);
        assert!(second_role_follows(&lx, &toks[1..]));
        let toks = tokenize("and trade policy at Acme", 0);
        assert!(!second_role_follows(&lx, &toks[1..]));
        let (text, _) = roles(
            "senior vice president of its Acme Trust Co subsidiary and general manager of the Acme Centre,",
            Context::Appositive,
        )
        .unwrap();
        assert_eq!(
            text,
            "senior vice president of its Acme Trust Co subsidiary"
        );
    }

    #[test]
    fn a_party_label_belongs_to_a_party_office_only() {
        let toks = tokenize("Republican whip Trent", 0);
        assert!(party_office_follows(&toks));
        let toks = tokenize("Democratic majority leader", 0);
        assert!(party_office_follows(&toks));
        let toks = tokenize("Democratic Senator", 0);
        assert!(!party_office_follows(&toks));
    }

    #[test]
    fn value_starts_after_org_and_determiner() {
        let toks = tokenize("the top U.S. diplomat for the Asia-Pacific region", 0);
        let lx = test_lexicon();
        let (_, t) = title(&lx, &toks, Context::Appositive).unwrap();
        assert_eq!(t.value_start(), 4);
    }
}
