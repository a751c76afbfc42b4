//! `name-variant`: one person's name spelled two ways across sources.
//!
//! ## What it checks
//! Two full names that differ by a small spelling change — in the given
//! name ("Antony"/"Anthony Blinken") or in the surname
//! ("Kritenbrink"/"Kleitenbrink") — *and* carry the same office (same or
//! compatible titles), so they are very likely one person. Nicknames the
//! vocabulary lists ("Bill"/"William") are the same name, not a variant.
//!
//! ## Why it matters
//! A misspelt name splits one person in two: every other check then misses
//! the disagreements between the two spellings.
//!
//! It also flags a family-name-first person referred to by the given name
//! alone ("met with Yi" where the article has "Wang Yi"), which readers take
//! for a surname. Only Chinese names are asked about (surname and given name
//! both pinyin): a Korean family name such as Kim, Park or Jung with a
//! one-syllable "given name" is a fragment of a longer name ("Wee Kim
//! Wee"), not a person, and the heuristic abstains.
//!
//! And a surname misspelt beside its right spelling in one article
//! ("Zelenksy" where the article names "Volodymyr Zelensky"): a slip
//! inside a word of five letters or more, first and last letters kept,
//! that is not a word of another name in the article nor a word the
//! lexicon knows (`extract::name::surname_slips`). This needs no title.
//!
//! Two romanisations of one name are not a variant: "Zelensky",
//! "Zelenskyy" and "Zelenskiy", "Sergei" and "Sergey", "Rzeszów" and
//! "Rzeszow" (`i`/`y`, `gh`/`g`, `kh`/`h`, diacritics). A dropped or
//! swapped letter ("Volodymr", "Zelenksy") or another consonant
//! ("Permelin") still is.
//!
//! Two surnames that are each a name of their own are not a variant
//! either: "McDonald" and "MacDonald". Nor are two market commentators
//! (analysts, economists, traders …) whose titles name employers with no
//! word in common ("analyst at Phillips and Drew", "an airline analyst at
//! Citicorp"): one job at two firms is two people.
//!
//! ## Limitations
//! Needs a title on both spellings. Employers are compared only for
//! market commentators: an official's employer has other names
//! ("Pentagon", "Defense Department").

use std::collections::{BTreeMap, BTreeSet};

use super::title_compare::{compare, Verdict};
use super::{agree_chain, Comparison, EdgeKind, Flag, Target};
use crate::claim::{Claim, ClaimId, ClaimKind, GivenNameMention, MentionKind};
use crate::rules::CheckKind;
use crate::ruleset::RuleSet;
use crate::text::{word_spelling, Spelling};

/// Flags for bare given names of surname-first people ("met with Yi").
/// One article writing one name the same wrong way twice is one flag
/// that points at both places.
pub fn given_name_flags(rules: &RuleSet, mentions: &[GivenNameMention]) -> Vec<Flag> {
    let mut out = Vec::new();
    let repeats = repeated_mentions(mentions);
    for (i, check) in rules.checks.iter().enumerate() {
        if check.kind != CheckKind::NameVariant {
            continue;
        }
        for (k, m) in mentions.iter().enumerate() {
            let Some(all) = repeats.get(&k) else {
                continue; // a repeat of an earlier mention
            };
            let reason = match m.kind {
                MentionKind::GivenName => {
                    let (surname, given) = m.full.split_once(' ').unwrap_or((&m.full, ""));
                    // Both parts pinyin: "Kim Wee" is no Chinese name.
                    if !crate::text::is_pinyin_name(surname) {
                        continue;
                    }
                    format!(
                        "\"{given}\" is {}'s given name; the family name, written first, is {surname}",
                        m.full
                    )
                }
                MentionKind::NameForm => continue,
                MentionKind::SurnameSlip => format!(
                    "\"{}\" misspells the surname of {}, as the same article writes it",
                    m.at.text, m.full
                ),
            };
            out.push(Flag {
                check: i,
                target: Target::GivenName(all.clone()),
                reason,
            });
        }
    }
    out
}

/// For the first mention of each (article, kind, words written, name
/// meant), every mention of it in text order; repeats have no entry.
fn repeated_mentions(mentions: &[GivenNameMention]) -> BTreeMap<usize, Vec<usize>> {
    let mut first: BTreeMap<(crate::corpus::DocId, bool, &str, &str), usize> = BTreeMap::new();
    let mut out: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    let mut order: Vec<usize> = (0..mentions.len()).collect();
    order.sort_by_key(|&k| (mentions[k].doc, mentions[k].span.start, k));
    for k in order {
        let m = &mentions[k];
        let key = (
            m.doc,
            m.kind == MentionKind::GivenName,
            m.at.text.as_str(),
            m.full.as_str(),
        );
        let head = *first.entry(key).or_insert(k);
        out.entry(head).or_default().push(k);
    }
    out
}

/// A person's given name, surname and title claims (by person key).
type Person = (String, String, Vec<ClaimId>);

/// Runs every `name-variant` check.
pub fn run_all(rules: &RuleSet, claims: &[Claim]) -> Vec<Comparison> {
    let mut out = Vec::new();
    for (i, check) in rules.checks.iter().enumerate() {
        if check.kind == CheckKind::NameVariant {
            run(rules, i, claims, &mut out);
        }
    }
    out
}

fn run(rules: &RuleSet, check: usize, claims: &[Claim], out: &mut Vec<Comparison>) {
    let mut people: BTreeMap<&str, Person> = BTreeMap::new();
    for (id, c) in claims.iter().enumerate() {
        if c.kind != ClaimKind::Title || !c.subject_resolved {
            continue;
        }
        let Some((given, surname)) = c.subject_key.split_once(' ') else {
            continue;
        };
        people
            .entry(&c.subject_key)
            .or_insert_with(|| (given.to_string(), surname.to_string(), Vec::new()))
            .2
            .push(id);
    }
    // Worked out when a pair first needs it: one much-covered person
    // makes no pair.
    let portfolios = std::cell::OnceCell::new();
    let offices = std::cell::OnceCell::new();
    let offices = || {
        offices.get_or_init(|| {
            let p = portfolios.get_or_init(|| super::offices::Portfolios::of(claims));
            super::offices::government_offices(&rules.office_index, claims, p)
        })
    };
    for (a, b) in candidate_pairs(&people) {
        let (pa, pb) = (&people[a], &people[b]);
        let spelling = match spelling_of(&pa.0, &pa.1, &pb.0, &pb.1) {
            Some(s) => s,
            None if one_office_misspelt(a, b, &pa.2, &pb.2, offices()) => Spelling::Misspelt,
            None => continue,
        };
        if !same_office(rules, claims, &pa.2, &pb.2) {
            continue;
        }
        for ids in [&pa.2, &pb.2] {
            agree_chain(check, ids, "same spelling", out);
        }
        let (first, second) = (&claims[pa.2[0]].subject, &claims[pb.2[0]].subject);
        // Two romanisations are one side of any misspelling of either.
        let (kind, reason) = match spelling {
            Spelling::Misspelt => (
                EdgeKind::Conflict,
                format!("one person spelled two ways: {first} vs {second}"),
            ),
            Spelling::Romanised => (
                EdgeKind::Compatible,
                format!("one name romanised two ways: {first} and {second}"),
            ),
        };
        out.push(Comparison {
            check,
            a: pa.2[0],
            b: pb.2[0],
            kind,
            reason: reason.into(),
        });
    }
}

/// Groups of people that the check may compare, for a distributed
/// check (`claimcheck partition`): people are blocked as
/// `candidate_pairs` blocks them (surname and given name's initial, given
/// name and surname's initial), joined when their names are a
/// misspelling or a romanisation ([`spelling_of`]; names only: the
/// office test comes later) or share surname and initial and a
/// government portfolio ([`office_similar`]: the country comes later), and
/// closed transitively. Returns, for each person key in a group of two or
/// more, the group's first key. Every comparison the check makes is
/// between two people of one group, and a finding (a connected component)
/// never spans two groups.
pub fn variant_groups(claims: &[Claim]) -> BTreeMap<String, String> {
    let mut people: BTreeMap<&str, Person> = BTreeMap::new();
    let mut portfolios: BTreeMap<&str, BTreeSet<(super::offices::Class, String)>> = BTreeMap::new();
    for c in claims {
        if c.kind != ClaimKind::Title || !c.subject_resolved {
            continue;
        }
        if let Some(p) = super::offices::portfolio(&c.title) {
            portfolios.entry(&c.subject_key).or_default().insert(p);
        }
        let Some((given, surname)) = c.subject_key.split_once(' ') else {
            continue;
        };
        people
            .entry(&c.subject_key)
            .or_insert_with(|| (given.to_string(), surname.to_string(), Vec::new()));
    }
    let keys: Vec<&str> = people.keys().copied().collect();
    let index: BTreeMap<&str, usize> = keys.iter().enumerate().map(|(i, k)| (*k, i)).collect();
    // Union-find over people; the root is the lowest index (first key).
    let mut groups = crate::family::Groups::new(keys.len());
    for (a, b) in candidate_pairs(&people) {
        let (pa, pb) = (&people[a], &people[b]);
        let none = BTreeSet::new();
        let (fa, fb) = (
            portfolios.get(a).unwrap_or(&none),
            portfolios.get(b).unwrap_or(&none),
        );
        if spelling_of(&pa.0, &pa.1, &pb.0, &pb.1).is_none() && !office_similar(a, b, fa, fb) {
            continue;
        }
        groups.union(index[a], index[b]);
    }
    let mut size = vec![0usize; keys.len()];
    for i in 0..keys.len() {
        let r = groups.find(i);
        size[r] += 1;
    }
    let mut out = BTreeMap::new();
    for (i, key) in keys.iter().enumerate() {
        let r = groups.find(i);
        if size[r] > 1 {
            out.insert(key.to_string(), keys[r].to_string());
        }
    }
    out
}

/// Pairs of people that could be one name spelled two ways: a variant
/// keeps one part exactly ([`spelling_of`]) and, as a cheap filter,
/// the first letter of the other, so only people sharing a surname and a
/// given name's initial (or a given name and a surname's initial) are
/// paired — never every pair of people. In the order of (initials, key,
/// key), so the comparisons come out as they always have.
fn candidate_pairs<'k>(people: &BTreeMap<&'k str, Person>) -> Vec<(&'k str, &'k str)> {
    let initial = |s: &str| s.chars().next().unwrap_or(' ');
    let mut groups: BTreeMap<(bool, &str, char), Vec<&'k str>> = BTreeMap::new();
    for (&key, (given, surname, _)) in people {
        if given.is_empty() || surname.is_empty() {
            continue;
        }
        groups
            .entry((true, surname.as_str(), initial(given)))
            .or_default()
            .push(key);
        groups
            .entry((false, given.as_str(), initial(surname)))
            .or_default()
            .push(key);
    }
    let mut pairs = BTreeSet::new();
    for keys in groups.values() {
        // Keys are in sorted order (they come from a BTreeMap).
        for (i, &a) in keys.iter().enumerate() {
            for &b in &keys[i + 1..] {
                let (given, surname, _) = &people[a];
                pairs.insert(((initial(given), initial(surname)), a, b));
            }
        }
    }
    pairs.into_iter().map(|(_, a, b)| (a, b)).collect()
}

/// Same surname and a slightly different given name, or the reverse
/// (a misspelling or a romanisation: one person either way). Keys are
/// "given surname", lower case.
pub(crate) fn keys_are_variants(a: &str, b: &str) -> bool {
    match (a.split_once(' '), b.split_once(' ')) {
        (Some((ga, sa)), Some((gb, sb))) => spelling_of(ga, sa, gb, sb).is_some(),
        _ => false,
    }
}

/// Same surname and a slightly different given name, or the reverse.
pub(crate) fn spelling_of(ga: &str, sa: &str, gb: &str, sb: &str) -> Option<Spelling> {
    // "Stewart Bainum Jr." and "Stewart Bainum Sr." are son and father.
    fn generation(s: &str) -> Option<&str> {
        s.rsplit(' ')
            .next()
            .filter(|w| matches!(*w, "jr" | "sr" | "ii" | "iii" | "iv"))
    }
    if generation(sa) != generation(sb) {
        return None;
    }
    if sa == sb {
        given_spelling(ga, gb)
    } else if ga == gb && !mc_and_mac(sa, sb) {
        word_spelling(sa, sb)
    } else {
        None
    }
}

/// Two given names of one surname. Written (before folding) two letters
/// or more apart with the same consonants after romanisation, they are
/// two romanisations of one name — the Russian and the Ukrainian
/// "Vladimir", "Volodimir" (`Volodymyr`); a typist's slip changes one
/// letter ("Volodymr", "Funio") or a consonant ("Alexsandr").
fn given_spelling(a: &str, b: &str) -> Option<Spelling> {
    let consonants = |w: &str| {
        crate::text::transliteration_key(w)
            .chars()
            .filter(|c| !matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y'))
            .collect::<String>()
    };
    let long = a.chars().count().min(b.chars().count()) >= 6;
    if long && crate::text::edit_distance(a, b) >= 2 && consonants(a) == consonants(b) {
        return Some(Spelling::Romanised);
    }
    word_spelling(a, b)
}

/// "McDonald" and "MacDonald": two surnames of their own, each spelled
/// right, not one misspelt (the prefixes are one name's two spellings
/// only in a reader's ear).
fn mc_and_mac(a: &str, b: &str) -> bool {
    fn rest(s: &str) -> Option<&str> {
        s.strip_prefix("mac").or_else(|| s.strip_prefix("mc"))
    }
    a != b && rest(a).is_some() && rest(a) == rest(b)
}

/// Two names of one surname and initial ("Jaime"/"Jamie Ongpin", too far
/// apart for [`spelling_of`]) given the same single-holder government
/// office ([`super::offices`]): one holder spelled two ways, not two
/// holders.
fn one_office_misspelt(
    a: &str,
    b: &str,
    ids_a: &[ClaimId],
    ids_b: &[ClaimId],
    offices: &[Option<super::offices::GovOffice<'_>>],
) -> bool {
    use super::offices::{same_person, similar_names};
    if !similar_names(a, b) || same_person(a, b) {
        return false;
    }
    ids_a
        .iter()
        .any(|&x| offices[x].is_some() && ids_b.iter().any(|&y| offices[y] == offices[x]))
}

/// People who may be one holder of a government office spelled two ways
/// ([`one_office_misspelt`], by names and portfolio only: the country
/// comes later), for [`variant_groups`].
fn office_similar(
    a: &str,
    b: &str,
    pa: &BTreeSet<(super::offices::Class, String)>,
    pb: &BTreeSet<(super::offices::Class, String)>,
) -> bool {
    use super::offices::{same_person, similar_names};
    similar_names(a, b) && !same_person(a, b) && pa.intersection(pb).next().is_some()
}

/// Do some title of one and some title of the other agree? Distinct
/// titles only: a person named in many articles has few titles.
fn same_office(rules: &RuleSet, claims: &[Claim], a: &[ClaimId], b: &[ClaimId]) -> bool {
    let titles = |ids: &[ClaimId]| -> BTreeSet<&crate::claim::NormTitle> {
        ids.iter().map(|&c| &*claims[c].title).collect()
    };
    let (ta, tb) = (titles(a), titles(b));
    ta.iter().any(|x| {
        tb.iter().any(|y| {
            (matches!(
                compare(&rules.office_index, x, y),
                Verdict::Agree | Verdict::Compatible(_)
            ) && !other_employers(x, y))
                || super::offices::same_government_office(&rules.office_index, x, y)
        })
    })
}

/// Two market commentators' titles that name employers with no word in
/// common ("analyst at Phillips and Drew", "an airline analyst at
/// Citicorp"): one job at two firms, so two people, however alike their
/// names. A title that names no employer says nothing either way.
///
/// Only the jobs news quotes by the hundred from as many firms (analyst,
/// economist, strategist, trader, dealer, broker): there a shared title
/// is weak evidence of one person and the firm is the strong one. An
/// official's employer has other names ("Pentagon spokesman", "Defense
/// Department spokesman") and is left to the title comparison.
fn other_employers(x: &crate::claim::NormTitle, y: &crate::claim::NormTitle) -> bool {
    const COMMENTATORS: [&str; 6] = [
        "analyst",
        "economist",
        "strategist",
        "trader",
        "dealer",
        "broker",
    ];
    let commentator =
        |t: &crate::claim::NormTitle| t.office.is_none() && COMMENTATORS.contains(&t.head.as_str());
    if !commentator(x) || !commentator(y) {
        return false;
    }
    let (ex, ey) = (employer_words(x), employer_words(y));
    !ex.is_empty() && !ey.is_empty() && ex.is_disjoint(&ey)
}

/// The words of a title's organisation and of its "at …" domain, lower
/// case, without the words that name a kind of firm rather than one.
fn employer_words(t: &crate::claim::NormTitle) -> BTreeSet<String> {
    const KINDS: [&str; 14] = [
        "and",
        "of",
        "the",
        "house",
        "brokerage",
        "brokers",
        "stockbrokers",
        "bank",
        "firm",
        "company",
        "co",
        "corp",
        "inc",
        "group",
    ];
    let org = t.org.iter().flat_map(|o| o.split_whitespace());
    org.chain(t.domain.iter().map(String::as_str))
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty() && !KINDS.contains(&w.as_str()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flagged(full: &str) -> bool {
        let rules = RuleSet::shipped().unwrap();
        let m = GivenNameMention {
            doc: 0,
            span: crate::source::Span::new(0, 3),
            full: full.to_string(),
            kind: crate::claim::MentionKind::GivenName,
            at: Default::default(),
        };
        !given_name_flags(&rules, &[m]).is_empty()
    }

    #[test]
    fn variant_groups_close_over_both_blocks() {
        let rules = RuleSet::shipped().unwrap();
        let mut claims = Vec::new();
        for name in [
            "Daniel Kritenbrink",
            "Daniel Kleitenbrink",
            "Danial Kritenbrink",
            "Jane Roe",
        ] {
            claims.push(Claim {
                doc: 0,
                span: crate::source::Span::new(0, 1),
                kind: ClaimKind::Title,
                subject: name.into(),
                document_subject: name.into(),
                subject_key: crate::normalize::person_key(&rules.lexicon, name).into(),
                subject_resolved: true,
                value: Default::default(),
                value_span: crate::source::Span::new(0, 1),
                title: crate::claim::NormTitle::none().into(),
                pattern: "premodifier",
                facts: None,
                at: Default::default(),
            });
        }
        let groups = variant_groups(&claims);
        // Kleitenbrink meets Danial only through Daniel Kritenbrink.
        assert_eq!(groups.len(), 3, "{groups:?}");
        assert!(groups.values().all(|g| g == "danial kritenbrink"));
        assert!(!groups.contains_key("jane roe"));
    }

    #[test]
    fn given_name_flag_needs_a_chinese_name() {
        assert!(flagged("Wang Yi"));
        assert!(flagged("Li Peng"));
        assert!(!flagged("Kim Wee"), "Korean family name");
        assert!(!flagged("Park Tae"), "Korean family name");
    }

    #[test]
    fn small_spelling_changes_are_variants() {
        let misspelt = Some(Spelling::Misspelt);
        assert_eq!(
            spelling_of("antony", "blinken", "anthony", "blinken"),
            misspelt
        );
        assert_eq!(
            spelling_of("daniel", "kritenbrink", "daniel", "kleitenbrink"),
            misspelt
        );
        assert_eq!(
            spelling_of("volodymyr", "zelensky", "volodymr", "zelensky"),
            misspelt
        );
    }

    #[test]
    fn mc_and_mac_are_two_surnames() {
        assert_eq!(spelling_of("james", "mcdonald", "james", "macdonald"), None);
        assert_eq!(spelling_of("james", "macdonald", "james", "mcdonald"), None);
        // A slip after the prefix is still one.
        assert_eq!(
            spelling_of("james", "mcdonald", "james", "mcdonnald"),
            Some(Spelling::Misspelt)
        );
    }

    fn employed(head: &str, org: Option<&str>, domain: &[&str]) -> crate::claim::NormTitle {
        let mut t = crate::claim::NormTitle::none();
        t.head = head.into();
        t.org = org.map(str::to_string);
        t.domain = domain.iter().map(|w| w.to_string()).collect();
        t
    }

    #[test]
    fn one_job_at_two_firms_is_two_people() {
        let drew = employed("analyst", Some("Drew"), &[]);
        let phillips = employed("analyst", None, &["brokerage", "house", "phillips", "drew"]);
        let citicorp = employed("analyst", None, &["citicorp"]);
        let unknown = employed("analyst", None, &[]);
        assert!(other_employers(&drew, &citicorp));
        assert!(!other_employers(&drew, &phillips), "a shared word");
        assert!(
            !other_employers(&drew, &unknown),
            "no employer: no evidence"
        );
        // Kinds of firm are not names of one.
        let bank_a = employed("economist", None, &["bank", "acme"]);
        let bank_b = employed("economist", None, &["bank", "zenith"]);
        assert!(other_employers(&bank_a, &bank_b));
        // An official's employer has other names: left to the titles.
        let pentagon = employed("spokesman", Some("Pentagon"), &[]);
        let defense = employed("spokesman", None, &["defense", "department"]);
        assert!(!other_employers(&pentagon, &defense));
    }

    #[test]
    fn romanisations_are_one_name() {
        let romanised = Some(Spelling::Romanised);
        assert_eq!(
            spelling_of("volodymyr", "zelensky", "volodymyr", "zelenskyy"),
            romanised
        );
        assert_eq!(
            spelling_of("sergei", "lavrov", "sergey", "lavrov"),
            romanised
        );
        assert!(keys_are_variants("sergei lavrov", "sergey lavrov"));
    }

    #[test]
    fn different_names_are_not() {
        assert!(
            spelling_of("john", "smith", "joan", "smith").is_none(),
            "too short to tell"
        );
        assert!(spelling_of("daniel", "kritenbrink", "daniel", "kritenbrink").is_none());
        assert!(spelling_of("michael", "brown", "michelle", "green").is_none());
    }
}
