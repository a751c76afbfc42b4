//! `single-holder`: one person at a time in an office that has one holder.
//!
//! ## What it checks
//! Offices marked `single_holder: true` in the vocabulary. Each person's
//! claims to the office span the publication dates of their articles;
//! two people whose spans overlap are a conflict ("Treasury Secretary" given
//! to two people in the same week). Spans that follow each other are a
//! succession, not a finding.
//!
//! ## Why it matters
//! One of the two texts names the wrong person, or a title outlived its
//! holder's term.
//!
//! ## How it scales
//! Claims are grouped by office and person first. Up to 64 people per
//! office every pair of terms is compared; beyond, only overlapping terms
//! are paired (a sweep in order of first day), and terms that follow each
//! other are chained into the fewest runs (interval partitioning), so the
//! cost is O(P log P) plus the overlaps, not O(P²). `scripts/bench_scale.sh`
//! measures it (`office` shape).
//!
//! ## Limitations
//! Claims without a publication date, and claims marked former, then,
//! designate, new, outgoing or acting (which describe a change of holder),
//! are left out. Articles dated the same day that report a change of holder
//! without those words can still look like an overlap.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap, HashSet};

use jiff::civil::Date;

use super::leaders::person_country;
use super::{agree_chain, Comparison, EdgeKind, Published, Reason};
use crate::claim::{Claim, ClaimId, ClaimKind, NormTitle};
use crate::normalize::leader::Leader;
use crate::ruleset::RuleSet;

/// A person's claims to an office: first day, last day, claims.
type Term = (Date, Date, Vec<ClaimId>);

pub fn run(
    rules: &RuleSet,
    check: usize,
    claims: &[Claim],
    published: &Published,
    out: &mut Vec<Comparison>,
) {
    let single = single_holder_offices(rules);
    let leaders = LeaderOffices::of(rules, claims);
    let counted = holders_counted(rules, claims);
    // (office, is it a country's leadership office?) → person → (first
    // day, last day, claims). The flag is carried, not read back from the
    // label: a user's office id may hold " of " too.
    let mut offices: BTreeMap<(Cow<'_, str>, bool), BTreeMap<&str, Term>> = BTreeMap::new();
    for (id, c) in claims.iter().enumerate() {
        if c.kind != ClaimKind::Title
            // Former, designate, new, outgoing, acting … (one list with
            // the office checks: `offices::changing`).
            || super::offices::changing(c)
            || !c.subject_resolved
            || !c.subject.contains(' ')
        {
            continue;
        }
        let office = match c.title.office.as_deref() {
            Some(office) if single.contains(office) => {
                if !counted.contains(&(office, c.subject_key.as_str())) {
                    continue;
                }
                (Cow::Borrowed(office), false)
            }
            Some(_) => continue,
            None => match leaders.office(rules, c) {
                Some(label) => (Cow::Owned(label), true),
                None => continue,
            },
        };
        let Some(Some(day)) = published.get(c.doc) else {
            continue;
        };
        let entry = offices
            .entry(office)
            .or_default()
            .entry(&c.subject_key)
            .or_insert((*day, *day, Vec::new()));
        entry.0 = entry.0.min(*day);
        entry.1 = entry.1.max(*day);
        entry.2.push(id);
    }
    for ((office, leader), people) in offices {
        let people: Vec<(&&str, &Term)> = people.iter().collect();
        for (_, (_, _, ids)) in &people {
            agree_chain(check, ids, "same holder", out);
        }
        let pairs = if people.len() <= ALL_PAIRS {
            all_pairs(&people)
        } else {
            succession_pairs(&people)
        };
        for (i, j) in pairs {
            let ((ka, (fa, la, a)), (kb, (fb, lb, b))) = (people[i], people[j]);
            // One person spelled two ways (the name-variant check's
            // finding); named in full once, with a second surname or a
            // patronymic ("Pedro Sánchez Pérez-Castejón"); or, in a
            // leadership office, written two ways: a short form, a dropped
            // initial, the family name first ("Kishida Fumio"), another
            // romanisation. No conflict, and one side: a third person who
            // does conflict is set against all the writings of the holder
            // together, not against the majority's spelling with the other
            // writings beside him in the minority.
            if super::name_variant::keys_are_variants(ka, kb)
                || super::offices::longer_form(&claims[a[0]].subject, &claims[b[0]].subject)
                || (leader && one_person(ka, kb))
            {
                out.push(Comparison {
                    check,
                    a: a[0],
                    b: b[0],
                    kind: EdgeKind::Agree,
                    reason: Reason::Borrowed("one holder written two ways"),
                });
                continue;
            }
            // One event's coverage runs over days: two holders of a
            // leadership office days apart are no succession but for
            // words of a change (new, outgoing, former), left out above.
            let slack = match leader {
                true => jiff::Span::new().days(LEADER_SLACK_DAYS),
                false => jiff::Span::new(),
            };
            let close = |x: &Date, y: &Date| x.checked_sub(slack).map_or(true, |x| x <= *y);
            let (kind, reason) = if close(fa, lb) && close(fb, la) {
                let reason = format!(
                    "{office} has one holder, but {} ({}) and {} ({}) overlap",
                    claims[a[0]].subject,
                    span(*fa, *la),
                    claims[b[0]].subject,
                    span(*fb, *lb)
                );
                (EdgeKind::Conflict, reason)
            } else {
                (
                    EdgeKind::Compatible,
                    "succession: the terms do not overlap".to_string(),
                )
            };
            out.push(Comparison {
                check,
                a: a[0],
                b: b[0],
                kind,
                reason: reason.into(),
            });
        }
    }
}

/// The leadership offices claims name (`vocabulary.leaders`): a
/// single-holder office of one country is one office here, "president of
/// U.S.". A title with no country takes the one country the person's
/// leadership titles name (`leaders::person_country`); an office the
/// country does not have ("Japanese President") is the title-mismatch
/// check's to report, not a holder's.
struct LeaderOffices {
    /// Person key → the one country their leadership titles name.
    country: HashMap<String, Option<String>>,
    /// The leadership office of each distinct title, by its address.
    read: HashMap<*const NormTitle, Option<Leader>>,
}

impl LeaderOffices {
    fn of(rules: &RuleSet, claims: &[Claim]) -> LeaderOffices {
        let mut read: HashMap<*const NormTitle, Option<Leader>> = HashMap::new();
        let mut titles: HashMap<&str, Vec<&NormTitle>> = HashMap::new();
        for c in claims.iter().filter(|c| c.kind == ClaimKind::Title) {
            let leader = read
                .entry(std::sync::Arc::as_ptr(&c.title))
                .or_insert_with(|| rules.leaders.read(&c.title));
            if leader.is_some() {
                titles.entry(&c.subject_key).or_default().push(&c.title);
            }
        }
        let country = titles
            .into_iter()
            .map(|(k, ts)| (k.to_string(), person_country(&rules.leaders, ts)))
            .collect();
        LeaderOffices { country, read }
    }

    /// "president of U.S.": the claim's single-holder leadership office.
    fn office(&self, rules: &RuleSet, c: &Claim) -> Option<String> {
        let leader = self.read.get(&std::sync::Arc::as_ptr(&c.title))?.as_ref()?;
        // "the heads of state" at a summit are many people: a role is the
        // title checks', not a holder here.
        if !rules.leaders.single_holder(leader.office) || rules.leaders.is_role(leader.office) {
            return None;
        }
        let country = match &leader.country {
            Some(country) => country.clone(),
            None => self.country.get(c.subject_key.as_str())?.clone()?,
        };
        if rules.leaders.has(&country, leader.office) == Some(false) {
            return None;
        }
        Some(format!(
            "{}{LEADER}{country}",
            rules.leaders.name(leader.office)
        ))
    }
}

/// Days apart that two holders of one leadership office still overlap:
/// the news of one event spans a few days, and a country's leader rarely
/// changes inside them without a word of it.
const LEADER_SLACK_DAYS: i64 = 3;

/// What joins a leadership office's name and its country in its label.
const LEADER: &str = " of ";

/// Two person keys that may name one person: a short form or a dropped
/// initial (`offices::same_person`), the same words in another order
/// ("Kishida Fumio"), or two romanisations a few letters apart whose words
/// start alike ("Volodymyr Zelenskyy", "Volodímir Zelenski"; not "Kim
/// Jong Il" and "Kim Jong Un"), or one word of five letters or more one
/// letter from the other's ("Kishita Nada", "Fumio Kishida"). A country's
/// leader is one of a handful of
/// people the news names: two near-identical names holding its top office
/// on one day are one person written two ways.
fn one_person(a: &str, b: &str) -> bool {
    fn words(k: &str) -> Vec<&str> {
        let mut w: Vec<&str> = k.split(' ').collect();
        w.sort_unstable();
        w
    }
    if super::offices::same_person(a, b) || words(a) == words(b) {
        return true;
    }
    // "ch" is "kh" in German and Dutch romanisations of the Cyrillic and
    // Mongolian х ("Uchnaagiin Chürelsüch", "Ukhnaagiin Khurelsukh"), and
    // the key already reads "kh" as "h".
    let fold = |k: &str| crate::text::folded_name(k).replace("ch", "h");
    let (ka, kb) = (fold(a), fold(b));
    let initials = |k: &str| -> Vec<char> {
        k.split_whitespace()
            .filter_map(|w| w.chars().next())
            .collect()
    };
    let longest = ka.chars().count().max(kb.chars().count());
    if initials(&ka) == initials(&kb)
        && crate::text::edit_distance(&ka, &kb) <= (longest / 4).max(2)
    {
        return true;
    }
    // A name cut or run into the next word ("Tayyip Erdogan", "Xi
    // Jinpingconvened", "Biden Pledges Military Aid"): one word of four
    // letters or more, or its start, shared.
    let long: Vec<&str> = ka.split_whitespace().filter(|w| w.len() >= 4).collect();
    if kb
        .split_whitespace()
        .filter(|w| w.len() >= 4)
        .any(|w| long.iter().any(|v| v.starts_with(w) || w.starts_with(v)))
    {
        return true;
    }
    word_slip(&ka, &kb)
}

/// Do two person keys share a word of five letters or more but for one
/// letter, with one first letter? The family name misspelt and the rest
/// misread ("Kishita Nada" for "Fumio Kishida" in a machine translation):
/// for a country's leader on the days of one event, one person.
pub(crate) fn word_slip(a: &str, b: &str) -> bool {
    let slip = |v: &str, w: &str| {
        let (v, w): (Vec<char>, Vec<char>) = (v.chars().collect(), w.chars().collect());
        v.len().min(w.len()) >= 5
            && v[0] == w[0]
            && crate::text::osa_distance_capped(&v, &w, 1) <= 1
    };
    b.split_whitespace()
        .any(|w| a.split_whitespace().any(|v| slip(v, w)))
}

/// (office, person) pairs whose claims count: every holder of an office,
/// but for an office whose wording other countries use too
/// (`needs_country: true`, "national security adviser") only the people
/// one of whose claims of it names the office's country ("US National
/// Security Advisor Jake Sullivan"): India's adviser is not a second U.S.
/// holder.
fn holders_counted<'c>(
    rules: &RuleSet,
    claims: &'c [Claim],
) -> HashSet<(&'c str, &'c str), crate::grammar::lexicon::WordBuildHasher> {
    let needs: HashMap<&str, Option<&str>> = rules
        .offices
        .iter()
        .filter(|o| o.single_holder)
        .map(|o| (o.id.as_str(), o.org.as_deref().filter(|_| o.needs_country)))
        .collect();
    let mut counted = HashSet::default();
    for c in claims.iter().filter(|c| c.kind == ClaimKind::Title) {
        let Some(office) = c.title.office.as_deref() else {
            continue;
        };
        let Some(need) = needs.get(office) else {
            continue;
        };
        if need.is_none_or(|country| c.title.org.as_deref() == Some(country)) {
            counted.insert((office, c.subject_key.as_str()));
        }
    }
    counted
}

/// Up to this many people per office, every pair of them is compared (a
/// compatible edge for each pair of terms that follow each other, the
/// output every release so far has given). Real offices have a handful of
/// holders a year; more people (a badly resolved or synthetic corpus, or
/// decades of archive) are compared by [`succession_pairs`], linear but
/// for the overlaps.
const ALL_PAIRS: usize = 64;

/// Every pair of people (by key order).
fn all_pairs(people: &[(&&str, &Term)]) -> Vec<(usize, usize)> {
    let n = people.len();
    (0..n)
        .flat_map(|i| (i + 1..n).map(move |j| (i, j)))
        .collect()
}

/// The pairs that matter among many people, without all pairs: every pair
/// whose terms overlap (the conflicts), and successions that split the
/// terms into the fewest runs of terms that follow each other (interval
/// partitioning: in order of first day, a term continues the run that
/// ended earliest, if that run ended before it began, else starts a run).
/// Each term is paired with the run's previous term, so the sides are the
/// runs. Pairs are (lower, higher) in key order, sorted; O(P log P) plus
/// the overlapping pairs.
fn succession_pairs(people: &[(&&str, &Term)]) -> Vec<(usize, usize)> {
    use std::cmp::Reverse;
    use std::collections::BinaryHeap;
    let mut order: Vec<usize> = (0..people.len()).collect();
    order.sort_by_key(|&i| (people[i].1 .0, i));
    let last = |i: usize| people[i].1 .1;
    // Terms not yet ended at the current first day.
    let mut active: Vec<usize> = Vec::new();
    // Runs by the last day of their latest term (earliest first), with
    // that term.
    let mut runs: BinaryHeap<Reverse<(Date, usize)>> = BinaryHeap::new();
    let mut pairs = Vec::new();
    for &i in &order {
        let first = people[i].1 .0;
        active.retain(|&k| last(k) >= first);
        for &k in &active {
            pairs.push((k.min(i), k.max(i)));
        }
        active.push(i);
        if let Some(&Reverse((end, k))) = runs.peek() {
            if end < first {
                runs.pop();
                pairs.push((k.min(i), k.max(i)));
            }
        }
        runs.push(Reverse((last(i), i)));
    }
    pairs.sort_unstable();
    pairs
}

fn span(a: Date, b: Date) -> String {
    if a == b {
        a.to_string()
    } else {
        format!("{a} to {b}")
    }
}

/// The ids of the offices one person holds at a time (`single_holder`).
/// (A fast hash: every title claim asks; never iterated.)
pub(crate) fn single_holder_offices(
    rules: &RuleSet,
) -> HashSet<&str, crate::grammar::lexicon::WordBuildHasher> {
    rules
        .offices
        .iter()
        .filter(|o| o.single_holder)
        .map(|o| o.id.as_str())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(n: i64) -> Date {
        jiff::civil::date(1987, 1, 1) + jiff::Span::new().days(n)
    }

    #[test]
    fn succession_pairs_keep_every_overlap_and_chain_the_runs() {
        let mut seed = 11u64;
        let mut next = |n: u64| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
            (seed >> 33) % n
        };
        for _ in 0..200 {
            let n = 1 + next(40) as usize;
            let terms: Vec<Term> = (0..n)
                .map(|_| {
                    let a = next(60) as i64;
                    (day(a), day(a + next(10) as i64), vec![0])
                })
                .collect();
            let keys: Vec<&str> = vec![""; n];
            let people: Vec<(&&str, &Term)> = keys.iter().zip(&terms).collect();
            let overlap = |i: usize, j: usize| terms[i].0 <= terms[j].1 && terms[j].0 <= terms[i].1;
            let pairs = succession_pairs(&people);
            let want: Vec<(usize, usize)> = all_pairs(&people)
                .into_iter()
                .filter(|&(i, j)| overlap(i, j))
                .collect();
            let got: Vec<(usize, usize)> = pairs
                .iter()
                .copied()
                .filter(|&(i, j)| overlap(i, j))
                .collect();
            assert_eq!(got, want);
            // Each term follows at most one earlier term of its run.
            let chained = pairs.len() - got.len();
            assert!(chained < n.max(1));
        }
    }

    #[test]
    fn one_person_reads_romanisations_of_one_leader_but_not_another_leader() {
        // German romanisation (ch for kh), umlauts, a doubled letter.
        assert!(one_person(
            "ukhnaagiin khurelsukh",
            "uchnaagiin chürelsuüch"
        ));
        assert!(one_person("ukhnaagiin khurelsukh", "ukhnaagiin khürelsükh"));
        assert!(one_person("ukhnaagiin khurelsukh", "ukhnaagin khurelsukh"));
        assert!(one_person("ukhnaagiin khurelsukh", "ukhnaa khurelsukh"));
        // Another president of the same country is another person.
        assert!(!one_person(
            "ukhnaagiin khurelsukh",
            "khaltmaagiin battulga"
        ));
        assert!(!one_person("xi jinping", "li qiang"));
        // A misspelt family name beside a misread given name.
        assert!(one_person("fumio kishida", "kishita nada"));
        assert!(!one_person("fumio kishida", "yoon suk yeol"));
    }
}
