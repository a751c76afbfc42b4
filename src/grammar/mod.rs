//! Grammar: sentences → person–title matches, with nom over tokens.
//!
//! Each production is one function over `&[Token]` (see [`token`]): names in
//! [`name`], titles in [`title`], sentence-level orders in [`claim`]. The
//! boundary is [`title_claims`], which returns owned [`RawTitleClaim`]s with
//! the title already split into qualifiers, organisation, rank and office
//! words — the grammar knows which token played which role, so later stages
//! never re-parse text.

pub mod claim;
pub mod clause;
pub mod clock;
pub mod lexicon;
pub mod name;
pub mod quantity;
pub mod title;
pub mod token;
pub mod verb_as;

use nom::IResult;

pub use claim::Pattern;
pub use lexicon::Lexicon;
use title::Role;
use token::Token;

use crate::source::Span;

/// The input of every production: a slice of tokens.
pub type Toks<'t, 'a> = &'t [Token<'a>];
pub type PResult<'t, 'a, O> = IResult<Toks<'t, 'a>, O>;

/// A title split into its parts, all lower case except `org`/`owner`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TitleParts {
    /// Qualifier ids: former, acting, new, ...
    pub qualifiers: Vec<String>,
    /// Organisation or country words as written ("US", "State Department").
    pub org: Vec<String>,
    /// A possessive owner as written ("Biden", "China").
    pub owner: Option<String>,
    pub rank: Option<String>,
    /// Head noun(s): "secretary", "chief executive officer".
    pub head: Vec<String>,
    /// Words before the head that name the portfolio: "treasury", "foreign".
    pub modifiers: Vec<String>,
    /// Prepositional complements: ("of", ["state"]), ("for", ["east", "asia"]).
    pub complements: Vec<(String, Vec<String>)>,
}

/// A person–title claim as found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawTitleClaim {
    /// Title and name together.
    pub span: Span,
    pub name_span: Span,
    /// The title proper (the claim's `value`), without determiner,
    /// qualifiers and leading organisation.
    pub value_span: Span,
    pub name: String,
    pub surname: String,
    pub parts: TitleParts,
    pub pattern: Pattern,
    /// Kept only when the document names the subject in full (a one-word
    /// subject of a construction that alone does not show it is a person;
    /// see `claim::TitleMatch::loose`).
    pub needs_full_name: bool,
}

/// Finds person–title claims in `sentence` (the text of `span` in the
/// document).
pub fn title_claims(lx: &Lexicon, text: &str, span: Span) -> Vec<RawTitleClaim> {
    analyze_sentence(lx, text, span).0
}

/// One pass over a sentence: its person–title claims, and the full names
/// (two words or more, starting with a known given name or a surname-first
/// family name) it mentions, for resolving bare surnames elsewhere.
pub fn analyze_sentence(lx: &Lexicon, text: &str, span: Span) -> (Vec<RawTitleClaim>, Vec<String>) {
    let mut tokens = token::tokenize(&text[span.start..span.end], span.start);
    lx.annotate(&mut tokens);
    analyze_tokens(lx, text, span, &tokens)
}

/// The tokens without newswire stock tickers ("Sears Roebuck and Co
/// <S>", "Acme Corp <ACME.O>"): a ticker is a label, not prose, and would
/// otherwise end a title's organisation before its closing comma.
fn without_tickers<'a>(tokens: &[Token<'a>]) -> Vec<Token<'a>> {
    let mut out = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        // The closing ">" is the first one after the "<", at most 6 tokens
        // on: only those are searched.
        let ticker_len = (tokens[i].text == "<")
            .then(|| tokens[i..].iter().take(7).position(|t| t.text == ">"))
            .flatten()
            .filter(|&close| {
                (2..=6).contains(&close)
                    && tokens[i + 1..i + close].iter().all(|t| {
                        t.text
                            .chars()
                            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '.')
                    })
            });
        match ticker_len {
            Some(close) => i += close + 1,
            None => {
                out.push(tokens[i]);
                i += 1;
            }
        }
    }
    out
}

/// [`analyze_sentence`] over tokens the caller already has (it tokenizes
/// the sentence once for the grammar and the rule patterns). Names in a
/// lower-case sentence are marked on a copy: the caller's tokens stay as
/// written.
pub fn analyze_tokens(
    lx: &Lexicon,
    text: &str,
    span: Span,
    tokens: &[Token<'_>],
) -> (Vec<RawTitleClaim>, Vec<String>) {
    let sentence = &text[span.start..span.end];
    let lower_case = name::is_lower_case_text(sentence);
    let ticker = tokens.iter().any(|t| t.text == "<");
    let copied;
    let tokens = if lower_case || ticker {
        let mut copy = without_tickers(tokens);
        if lower_case {
            name::mark_lower_case_names(lx, &mut copy);
        }
        copied = copy;
        &copied[..]
    } else {
        tokens
    };
    let claims = claim::title_matches(lx, tokens)
        .into_iter()
        .flat_map(|m| to_raw(lx, text, &m))
        .collect();
    let mut names = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        let known = lx.has_any(t, lexicon::bits::GIVEN | lexicon::bits::SURNAME_FIRST);
        if t.is_capitalized() && known {
            // "President Wee Kim Wee": a known word inside a longer name
            // starts no name of its own ("Kim Wee" is no one).
            // (The sentence's first word is capitalised anyway.)
            let inside = i > 1 && name::is_name_word(lx, &tokens[i - 1]);
            if let Ok((rest, n)) = name::person_name(lx, &tokens[i..]) {
                if n.len() >= 2 && !inside {
                    names.push(clean_name(&text[n[0].start..n[n.len() - 1].end]));
                }
                i = tokens.len() - rest.len();
                continue;
            }
        }
        i += 1;
    }
    (claims, names)
}

/// One raw claim per office of a match: a title joined by "and"
/// ("chairman and chief executive officer") gives two.
fn to_raw(lx: &Lexicon, text: &str, m: &claim::TitleMatch<'_, '_>) -> Vec<RawTitleClaim> {
    let name_span = Span::new(m.name[0].start, m.name[m.name.len() - 1].end);
    let base = |value_span: Span, mut parts: TitleParts| {
        if let Some(q) = m.qualifier {
            if !parts.qualifiers.iter().any(|x| x == q) {
                parts.qualifiers.push(q.to_string());
            }
        }
        RawTitleClaim {
            span: Span::new(m.start(), m.end()),
            name_span,
            value_span,
            name: clean_name(&text[name_span.start..name_span.end]),
            surname: name::surname(lx, m.name).to_string(),
            parts,
            pattern: m.pattern,
            needs_full_name: m.loose && m.name.len() == 1,
        }
    };
    let t = &m.title;
    let Some(c) = t.roles.iter().position(|r| *r == Role::Conjunction) else {
        let value_span = Span::new(t.value_start(), t.value_end(lx));
        if value_span.is_empty() {
            return Vec::new();
        }
        return vec![base(value_span, parts(lx, t))];
    };
    // Split at each "and" or list comma: the first office keeps the
    // prefix (org, owner, qualifiers) and gives it to the others; all
    // share the trailing complements.
    let conj: Vec<usize> = (c..t.roles.len())
        .filter(|&k| t.roles[k] == Role::Conjunction)
        .collect();
    let last_c = conj[conj.len() - 1];
    let tail_at = (last_c + 1..t.roles.len())
        .find(|&k| matches!(t.roles[k], Role::Preposition | Role::Complement))
        .unwrap_or(t.roles.len());
    let tail = title::Title {
        tokens: &t.tokens[tail_at..],
        roles: t.roles[tail_at..].to_vec(),
    };
    let tail_complements = parts(lx, &tail).complements;
    let first = title::Title {
        tokens: &t.tokens[..c],
        roles: t.roles[..c].to_vec(),
    };
    let mut p1 = parts(lx, &first);
    p1.complements.extend(tail_complements.iter().cloned());
    // "VP and general manager, Acme Oil Ltd": an employer after the last
    // office is every office's.
    let trailing_org = t.trailing(Role::Org);
    if p1.org.is_empty() && trailing_org > 0 && trailing_org < t.tokens.len() {
        let at = t.tokens.len() - trailing_org;
        let employer = title::Title {
            tokens: &t.tokens[at..],
            roles: t.roles[at..].to_vec(),
        };
        p1.org = parts(lx, &employer).org;
    }
    let mut out = vec![(Span::new(first.value_start(), first.end()), p1.clone())];
    for (n, &k) in conj.iter().enumerate() {
        // The last office runs to the title's end (its complements); the
        // others end before the next conjunction.
        let stop = conj.get(n + 1).copied().unwrap_or(t.roles.len());
        let other = title::Title {
            tokens: &t.tokens[k + 1..stop],
            roles: t.roles[k + 1..stop].to_vec(),
        };
        let mut p = parts(lx, &other);
        if stop != t.roles.len() {
            p.complements.extend(tail_complements.iter().cloned());
        }
        p.qualifiers.extend(p1.qualifiers.iter().cloned());
        if p.org.is_empty() {
            p.org.clone_from(&p1.org);
        }
        if p.owner.is_none() {
            p.owner.clone_from(&p1.owner);
        }
        let end = if stop == t.roles.len() {
            other.value_end(lx)
        } else {
            other.end()
        };
        out.push((Span::new(other.value_start(), end), p));
    }
    out.into_iter()
        .filter(|(v, _)| !v.is_empty())
        .map(|(v, p)| base(v, p))
        .collect()
}

/// Names written across a line break read as one line.
fn clean_name(name: &str) -> String {
    crate::source::one_line(name)
}

/// Reads a title's parts off its token roles.
pub fn parts(lx: &Lexicon, t: &title::Title<'_, '_>) -> TitleParts {
    let mut p = TitleParts::default();
    let mut owner = Vec::new();
    let mut i = 0;
    while i < t.tokens.len() {
        let tok = &t.tokens[i];
        let l = tok.lower();
        match t.roles[i] {
            Role::Determiner | Role::Preposition | Role::Conjunction => {}
            Role::Qualifier => p.qualifiers.extend(lx.qualifier(&l).map(str::to_string)),
            Role::Owner
                if tok.kind != token::TokenKind::Possessive
                    && !l.eq("the")
                    && !l.eq("whose")
                    && !title::POSSESSIVE_PRONOUNS.contains(&l.as_ref()) =>
            {
                owner.push(tok.text)
            }
            Role::Owner => {}
            // The commas of an employer after the office ("general
            // manager, oil sands department, Acme Oil Ltd") join no words.
            Role::Org if tok.is_punct(",") => {}
            Role::Org => p.org.push(tok.text.to_string()),
            Role::Rank => p.rank = lx.rank(&l).map(str::to_string),
            Role::Modifier => p.modifiers.push(lx.spelling(&l).to_string()),
            Role::Head => head_parts(lx, &l, &mut p),
            Role::Complement => {
                let prep = t.tokens[i - 1].lower().into_owned();
                let mut words = Vec::new();
                while i < t.tokens.len() && t.roles[i] == Role::Complement {
                    let w = t.tokens[i].lower();
                    if t.tokens[i].is_word() {
                        words.push(lx.spelling(&w).to_string());
                    }
                    i += 1;
                }
                p.complements.push((prep, words));
                continue;
            }
        }
        i += 1;
    }
    if !owner.is_empty() {
        p.owner = Some(owner.join(" "));
    }
    p
}

/// A head token, splitting hyphenated forms: "under-secretary" gives rank
/// and head, "secretary-designate" head and qualifier.
fn head_parts(lx: &Lexicon, l: &str, p: &mut TitleParts) {
    // "VP", "CFO": an abbreviation the vocabulary spells out in words
    // joined by hyphens ("vp: vice-president") reads as those words: ranks,
    // qualifiers and modifiers, then the head (issue 17).
    let spelled = lx.spelling(l);
    if spelled != l && spelled.contains('-') {
        let mut words: Vec<&str> = spelled.split('-').collect();
        let head = words.pop().unwrap_or_default();
        for w in words {
            if let Some(rank) = lx.rank(w) {
                p.rank = Some(rank.to_string());
            } else if let Some(q) = lx.qualifier(w) {
                p.qualifiers.push(q.to_string());
            } else {
                p.modifiers.push(w.to_string());
            }
        }
        p.head.push(lx.spelling(head).to_string());
        return;
    }
    if let Some((a, b)) = l.split_once('-') {
        if let Some(rank) = lx.rank(a) {
            p.rank = Some(rank.to_string());
            p.head.push(lx.spelling(b).to_string());
            return;
        }
        if let Some(q) = lx.qualifier(a).filter(|_| lx.is_head(b)) {
            // "ex-chairman"
            p.qualifiers.push(q.to_string());
            p.head.push(lx.spelling(b).to_string());
            return;
        }
        if let Some(q) = lx.qualifier(b) {
            p.qualifiers.push(q.to_string());
            p.head.push(lx.spelling(a).to_string());
            return;
        }
        if !lx.is_head(l) {
            p.modifiers.push(a.to_string());
            p.head.push(lx.spelling(b).to_string());
            return;
        }
    }
    // "undersecretary": a rank word fused to a head.
    for (word, rank) in &lx.ranks {
        if let Some(rest) = l.strip_prefix(word.as_str()) {
            if lx.is_head(rest) {
                p.rank = Some(rank.clone());
                p.head.push(lx.spelling(rest).to_string());
                return;
            }
        }
    }
    // A head word before another head is part of a compound head ("chief
    // executive officer"), kept in order.
    p.head.push(lx.spelling(l).to_string());
}

#[cfg(test)]
pub(crate) fn test_lexicon() -> Lexicon {
    crate::ruleset::RuleSet::shipped()
        .expect("shipped rules load")
        .lexicon
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(text: &str) -> RawTitleClaim {
        let lx = test_lexicon();
        title_claims(&lx, text, Span::new(0, text.len())).remove(0)
    }

    #[test]
    fn parts_keep_rank_and_org_apart_from_office() {
        let c = first("US Under Secretary of State for East Asia Daniel Kritenbrink met them.");
        assert_eq!(c.parts.rank.as_deref(), Some("under"));
        assert_eq!(c.parts.org, ["US"]);
        assert_eq!(c.parts.head, ["secretary"]);
        assert_eq!(
            c.parts.complements[0],
            ("of".to_string(), vec!["state".to_string()])
        );
        assert_eq!(c.name, "Daniel Kritenbrink");
    }

    #[test]
    fn a_dateline_dash_is_not_part_of_the_title() {
        let text = "WASHINGTON - Federal Reserve Board Chairman Paul Volcker said so.";
        let c = first(text);
        assert_eq!(&text[c.value_span.start..c.value_span.end], "Chairman");
        assert_eq!(c.name, "Paul Volcker");
    }

    #[test]
    fn a_stock_ticker_does_not_end_the_appositive() {
        let text = "Edward Brennan, chairman of Sears Roebuck and Co <S>, said so.";
        let c = first(text);
        assert_eq!(c.name, "Edward Brennan");
        assert_eq!(&text[c.value_span.start..c.value_span.end], "chairman");
        let text = "John Smith, president of Acme Corp <ACME.O>, said sales rose.";
        assert_eq!(first(text).name, "John Smith");
    }

    #[test]
    fn qualifiers_are_recorded() {
        let c = first("Former Treasury Secretary James Baker said so.");
        assert_eq!(c.parts.qualifiers, ["former"]);
        assert_eq!(c.parts.modifiers, ["treasury"]);
    }

    #[test]
    fn conjoined_title_gives_two_claims() {
        let lx = test_lexicon();
        let text = "Lee Iacocca, chairman and chief executive officer of Chrysler, said.";
        let c = title_claims(&lx, text, Span::new(0, text.len()));
        let values: Vec<&str> = c
            .iter()
            .map(|c| &text[c.value_span.start..c.value_span.end])
            .collect();
        assert_eq!(values, ["chairman", "chief executive officer of Chrysler"]);
        assert_eq!(c[0].parts.complements, c[1].parts.complements);
        assert_eq!(c[1].parts.head, ["chief", "executive", "officer"]);
    }

    #[test]
    fn a_list_of_offices_gives_one_claim_each() {
        let lx = test_lexicon();
        let text =
            "Jane Roe was named president, chief executive officer and a director of Acme Corp.";
        let c = title_claims(&lx, text, Span::new(0, text.len()));
        let values: Vec<&str> = c
            .iter()
            .map(|c| &text[c.value_span.start..c.value_span.end])
            .collect();
        assert_eq!(values, ["president", "chief executive officer", "director"]);
        assert!(c.iter().all(|c| c.parts.qualifiers == ["new"]));
        assert!(c
            .iter()
            .all(|x| x.parts.complements == c[0].parts.complements));
    }

    #[test]
    fn a_generic_noun_after_an_org_name_is_the_orgs() {
        let text = "United Mine Workers union president Ann Roe spoke.";
        let c = first(text);
        assert_eq!(&text[c.value_span.start..c.value_span.end], "president");
        assert_eq!(c.parts.org, ["United", "Mine", "Workers", "union"]);
        // Not after a lower-case modifier: "central bank governor".
        let text = "Italian central bank governor Carlo Rossi spoke.";
        let c = first(text);
        assert_eq!(
            &text[c.value_span.start..c.value_span.end],
            "central bank governor"
        );
    }

    #[test]
    fn an_employer_after_with_is_not_the_value() {
        let text = "Kate Dunn, a senior analyst with Delta Data Corp, said so.";
        let c = first(text);
        assert_eq!(
            &text[c.value_span.start..c.value_span.end],
            "senior analyst"
        );
        assert_eq!(c.name, "Kate Dunn");
    }

    #[test]
    fn a_qualifier_fused_by_a_hyphen_is_read() {
        for text in [
            "In 2023, then-U.S. Defense Secretary Lloyd Austin spoke.",
            "He met then-Prime Minister Shinzo Abe in Tokyo.",
            "He met ex-British Prime Minister Boris Johnson.",
        ] {
            let c = first(text);
            assert!(
                c.parts
                    .qualifiers
                    .iter()
                    .any(|q| q == "then" || q == "former"),
                "{text}: {:?}",
                c.parts
            );
        }
    }

    #[test]
    fn construction_qualifiers_are_recorded() {
        let c = first("Paul Volcker resigned as chairman.");
        assert_eq!(c.parts.qualifiers, ["former"]);
        let text = "Borg-Warner ex-chairman J.F. Bere is on the board.";
        let c = first(text);
        assert_eq!(c.parts.qualifiers, ["former"]);
        assert_eq!(c.parts.head, ["chairman"]);
        assert_eq!(&text[c.value_span.start..c.value_span.end], "chairman");
        let c = first("Then President Jose Lopez Portillo nationalised the banks.");
        assert_eq!(c.parts.qualifiers, ["then"]);
        let c = first("The newly elected head of the council, Agustin Legorreta, spoke.");
        assert_eq!(c.parts.qualifiers, ["new"]);
        let c = first("Finance Minister-designate Jane Doe spoke.");
        assert_eq!(c.parts.qualifiers, ["designate"]);
    }

    #[test]
    fn org_of_the_office_is_kept_apart() {
        let c = first("Argentine Treasury Secretary Mario Brodersohn said.");
        assert_eq!(c.parts.org, ["Argentine"]);
        assert_eq!(c.parts.modifiers, ["treasury"]);
        let c = first("Its president Rilwanu Lukman spoke.");
        assert_eq!(c.parts.owner, None);
    }

    #[test]
    fn lower_case_article_names() {
        let lx = test_lexicon();
        let text = "then president jose lopez portillo nationalised the banks in 1982.";
        let c = title_claims(&lx, text, Span::new(0, text.len()));
        assert_eq!(c[0].name, "jose lopez portillo");
        let text = "central bank general manager hector neyra told reporters.";
        let c = title_claims(&lx, text, Span::new(0, text.len()));
        assert_eq!(c[0].name, "hector neyra");
        let text = "the bill was passed by the president will say.";
        assert!(title_claims(&lx, text, Span::new(0, text.len())).is_empty());
    }

    #[test]
    fn a_known_word_inside_a_longer_name_starts_no_name() {
        let lx = test_lexicon();
        let names = |text: &str| analyze_sentence(&lx, text, Span::new(0, text.len())).1;
        let text = "Trading starts after President Wee Kim Wee signs the bill.";
        assert!(
            !names(text).contains(&"Kim Wee".to_string()),
            "{:?}",
            names(text)
        );
        assert_eq!(names("Sullivan met Wang Yi in Vienna."), ["Wang Yi"]);
        assert_eq!(names("Yesterday Wang Yi flew home."), ["Wang Yi"]);
    }

    #[test]
    fn no_panic_on_odd_input() {
        let lx = test_lexicon();
        for text in [
            "",
            ",",
            "'s",
            "One of",
            "named",
            "replaces X as",
            "Mr.",
            "the chief",
            "and and and",
            "President \u{200B}é\u{301}'s 's ,, (",
            "chairman and",
            "who is also",
        ] {
            let _ = title_claims(&lx, text, Span::new(0, text.len()));
        }
    }

    #[test]
    fn rank_after_an_of_tail_org_is_the_titles() {
        let c = first("U.S. Department of Agriculture Deputy Administrator William Bailey said.");
        assert_eq!(c.parts.rank.as_deref(), Some("deputy"));
        assert_eq!(c.parts.head, ["administrator"]);
        assert_eq!(c.parts.org.last().map(String::as_str), Some("Agriculture"));
    }

    #[test]
    fn hyphenated_rank_is_split() {
        let c = first("Under-Secretary Jane Doe said so.");
        assert_eq!(c.parts.rank.as_deref(), Some("under"));
        assert_eq!(c.parts.head, ["secretary"]);
    }

    #[test]
    fn an_abbreviated_office_reads_as_its_words() {
        let text = "Costs rose, Ann Lee, Senior VP Operations, said.";
        let c = first(text);
        assert_eq!(
            &text[c.value_span.start..c.value_span.end],
            "Senior VP Operations"
        );
        assert_eq!(c.parts.rank.as_deref(), Some("deputy"));
        assert_eq!(c.parts.head, ["president"]);
        assert_eq!(c.parts.modifiers, ["senior", "operations"]);
        // An employer after a comma chain is each office's, not its value.
        let text =
            "Costs rose, Ann Lee, VP and general manager, oil sands unit, Acme Oil Ltd said.";
        let lx = test_lexicon();
        let claims = title_claims(&lx, text, Span::new(0, text.len()));
        let values: Vec<&str> = claims
            .iter()
            .map(|c| &text[c.value_span.start..c.value_span.end])
            .collect();
        assert_eq!(values, ["VP", "general manager"]);
        for c in &claims {
            assert_eq!(c.parts.org, ["oil", "sands", "unit", "Acme", "Oil", "Ltd"]);
        }
        let c = first("CFO Tom Poe said so.");
        assert_eq!(c.parts.rank, None);
        assert_eq!(c.parts.head, ["officer"]);
        assert_eq!(c.parts.modifiers, ["chief", "financial"]);
    }
}
