//! `agree` over a slot: one value of the compared slot per fact, for any
//! relation declared in YAML (`event`, `number`, or a rule file's own).
//!
//! ## What it checks
//! Two claims are about the same fact when they have the same subject and
//! the same values of the relation's `key` slots — for dates, figures and
//! lengths of time, values that can overlap. Their compared slot
//! (`compare:`, default the relation's `value`) must then agree, by the
//! slot's type:
//!
//! | type | same when |
//! | --- | --- |
//! | person, persons | the same people (nicknames folded, a set in any order) |
//! | place, org, entity | the same after aliases ("Beijing" is China) |
//! | text | equal after case and space folding |
//! | date | the resolved intervals overlap, under either reading where conventions differ ("the weekend", "the past two years": see `TimeValue::other`) |
//! | number, duration | the intervals overlap, or the gap between them is at most `tolerance` of the larger figure |
//! | clock | the times of day meet within ten minutes; under a clock key (a GMT time under its local time), their offsets from it do |
//!
//! A check's `scope:` slot names what makes two figures different
//! measurements (the agency that measured a quake): claims with different
//! values of it are not compared, and a claim without it is compared only
//! with the others without it, two of them not at all when each value is
//! one a scoped claim of the fact gives (each is taken as that reading);
//! a value no scoped claim gives is compared with the most common such
//! reading.
//!
//! With `within_article: true`, claims are compared only with claims of
//! their own article: one article that gives one fact two ways (a toll
//! of 820 and, further down, of 632) without telling an update.
//!
//! A hedge widens a figure before comparing ("about half an hour" is 27 to
//! 33 minutes, "more than an hour" everything above 60), so "about half
//! an hour" and "35 minutes" agree (within a 10 % tolerance) while "40 minutes" and "more than an
//! hour" conflict.
//!
//! ## Two events
//! Under `within_days`, a relation's `date` slot that is neither compared
//! nor a key tells two events of one key apart: two claims whose days do
//! not meet — a claim's own resolved date, else its article's publication
//! day widened by `within_days` — are two events (an earlier meeting,
//! "In June, Modi met Zelensky in Italy", beside the August one in Kyiv),
//! and a class comparison looks for another pair of one event. One of
//! the two must carry its own date.
//!
//! ## Places
//! Places are compared grain by grain (`place_verdict`): venues with
//! venues, other places with other places. Two other places whose names
//! differ are still one place told two ways when one may lie in the
//! other: a city of the gazetteer (`vocabulary.cities`) and its country
//! ("Hiroshima", "Japan"), or a name of two words or more the gazetteer
//! does not know beside one it knows ("Oval Office" beside Washington):
//! the names alone cannot tell such a pair apart. Two places the
//! gazetteer knows that neither holds ("Tokyo", "Hiroshima"), an unknown
//! name of one word (a town's as often as not: "Oslo" beside Rome), two
//! names it knows neither of, and two venues are compared as written.
//!
//! Two legs of one trip are no conflict of places: keyed by dates that
//! are ranges of two days or more meeting on one day only ("North Korea
//! on June 18-19", "Vietnam on June 19-20"), the traveller left one place
//! the day they reached the other.
//!
//! ## How it scales
//! Claims are grouped by subject and exact key values, then by value
//! class; only distinct classes are compared. Nested participant sets
//! are found through an index of participants, never pairwise over a
//! much-met person's meetings.
//!
//! ## Limitations
//! Claims whose subject is a bare surname the document never spells out,
//! and dates that cannot be resolved, are not compared.

use std::collections::BTreeMap;

use super::agree::conflicting_pair;
use super::{agree_chain, Comparison, EdgeKind, Published};
use crate::claim::{Claim, ClaimId, Facts, SlotFill, SlotValue};
use crate::rules::{Check, Relation, SlotType};
use crate::ruleset::RuleSet;

pub fn run(
    rules: &RuleSet,
    index: usize,
    check: &Check,
    claims: &[Claim],
    published: &Published,
    out: &mut Vec<Comparison>,
) {
    let Some(relation) = rules.relations.iter().find(|r| r.id == check.relation) else {
        return;
    };
    let Some(slot) = check.slot.as_deref().and_then(|s| relation.slot(s)) else {
        return;
    };
    let scope = check.scope.as_deref();
    let (exact_keys, interval_keys) = key_slots(relation, &slot.name);
    let mut groups = Groups::new();
    let joined = match check.join_surnames {
        true => full_names_by_surname(claims, &relation.id),
        false => BTreeMap::new(),
    };
    let mut stays = Stays::default();
    for (id, c) in claims.iter().enumerate() {
        let Some(facts) = c.facts.as_deref() else {
            continue;
        };
        if facts.relation != relation.id {
            continue;
        }
        let subject_key = match joined_key(check, &joined, c) {
            Some(key) => key,
            None if c.subject_resolved || bare_compared(check, c) => c.subject_key.as_str(),
            None => continue,
        };
        let Some(class) = class_of(facts, &slot.name) else {
            continue;
        };
        let key: Vec<String> = exact_keys
            .iter()
            .map(|k| class_of(facts, k).unwrap_or_default())
            .collect();
        // Interval keys go in the class: claims of one class then share
        // them. A claim without one (an unresolved date) cannot be placed.
        let Some(intervals) = interval_keys
            .iter()
            .map(|k| class_of(facts, k))
            .collect::<Option<Vec<String>>>()
        else {
            continue;
        };
        let scoped = scope.and_then(|k| class_of(facts, k)).unwrap_or_default();
        let mut key = key.join("\u{1f}");
        if check.round_trips {
            stays.add(id, subject_key, &key, facts, &slot.name);
        }
        if check.within_article {
            key.push_str(&format!("\u{1f}{}", c.doc));
        }
        groups
            .entry((subject_key.to_string(), key, scoped))
            .or_default()
            .entry(format!("{class}\u{1f}{}", intervals.join("\u{1f}")))
            .or_default()
            .push(id);
    }
    let readings = scoped_readings(&groups);
    // A time of day compared under a time-of-day key (a GMT time under
    // its local time) is compared as its offset from the key.
    let clock_key = interval_keys
        .iter()
        .copied()
        .find(|k| relation.slot(k).is_some_and(|s| s.ty == SlotType::Clock));
    let pair = PairCheck {
        index,
        lexicon: &rules.lexicon,
        check,
        claims,
        published,
        interval_keys: &interval_keys,
        clock_key,
        slot: &slot.name,
        ty: slot.ty,
        stays: &stays,
        event_date: event_date_slot(relation, check, &slot.name),
    };
    for ((subject, key, scope), classes) in &groups {
        // An unscoped value one scoped claim gives is that reading.
        let explained = |class: &String| {
            scope.is_empty() && readings.contains(&(subject.clone(), key.clone(), class.clone()))
        };
        let classes: Vec<(&String, &Vec<ClaimId>)> = classes.iter().collect();
        // The reading most unscoped claims give: the one a value no scope
        // gives is compared with (not every agency's, which would set the
        // agencies' readings against each other in one finding).
        let common = classes
            .iter()
            .filter(|(c, _)| explained(c))
            .min_by_key(|(c, m)| (std::cmp::Reverse(m.len()), *c))
            .map(|(c, _)| *c);
        let compared = |x: &String, y: &String| match (explained(x), explained(y)) {
            (true, true) => false,
            (true, false) => Some(x) == common,
            (false, true) => Some(y) == common,
            (false, false) => true,
        };
        for (_, members) in &classes {
            agree_chain(index, members, same_value(slot.ty), out);
        }
        for (i, (ca, a)) in classes.iter().enumerate() {
            for (cb, b) in &classes[i + 1..] {
                if compared(ca, cb) {
                    pair.compare(a, b, out);
                }
            }
        }
    }
    // A trip's order: an arrival in a city of the gazetteer is no later
    // than the arrival in its country (see `within`).
    if check.round_trips && slot.ty == SlotType::Date {
        if let [place] = exact_keys.as_slice() {
            let order = super::within::Order {
                index,
                lexicon: &rules.lexicon,
                check,
                claims,
                published,
                slot: &slot.name,
                place,
            };
            order.run(&groups, out);
        }
    }
    // Participants are a set: a meeting told with fewer of them ("Roe met
    // Doe") is the meeting told with more ("Roe met Doe and Poe"), so
    // their claims are compared too. Two smaller sets are not compared
    // with each other through a larger one (Roe–Doe and Roe–Poe may be
    // two meetings).
    let persons = relation
        .slot(&relation.subject)
        .is_some_and(|s| s.ty == SlotType::Persons);
    if persons {
        for (inner, outer) in nested_groups(&groups) {
            for a in inner.values() {
                for b in outer.values() {
                    pair.compare(a, b, out);
                }
            }
        }
    }
}

/// A group of claims: (subject, exact key values, scope value).
type GroupKey = (String, String, String);

/// The groups of a relation check: (subject, exact key values, scope
/// value) → value class → claims.
pub(super) type Groups = BTreeMap<GroupKey, Classes>;

/// Value classes of one group: value → claims.
pub(super) type Classes = BTreeMap<String, Vec<ClaimId>>;

/// Pairs of groups of one key and scope whose participants nest: the
/// smaller set (two people or more) strictly inside the larger.
///
/// Linear in the groups for a much-met person: every group is indexed
/// under each (key, scope, participant), and a set's candidate supersets
/// are only the groups indexed under its rarest participant (a head of
/// state meets thousands of partner sets, but each partner few). Pairs
/// come out in the groups' order, smaller set first.
fn nested_groups<V>(groups: &BTreeMap<GroupKey, V>) -> Vec<(&V, &V)> {
    use std::collections::{BTreeSet, HashMap};
    type Nest<'g, V> = (&'g GroupKey, BTreeSet<&'g str>, &'g V);
    let sets: Vec<Nest<'_, V>> = groups
        .iter()
        .map(|(k, v)| (k, k.0.split(" & ").collect(), v))
        .collect();
    // (key, scope, participant) → the groups naming them, in order.
    let mut index: HashMap<(&str, &str, &str), Vec<usize>> = HashMap::new();
    for (i, (k, set, _)) in sets.iter().enumerate() {
        for p in set {
            index.entry((&k.1, &k.2, p)).or_default().push(i);
        }
    }
    let mut nested = Vec::new();
    for (ka, sa, va) in &sets {
        if sa.len() < 2 {
            continue;
        }
        let candidates = sa
            .iter()
            .filter_map(|p| index.get(&(ka.1.as_str(), ka.2.as_str(), *p)))
            .min_by_key(|groups| groups.len());
        for &b in candidates.into_iter().flatten() {
            let (_, sb, vb) = &sets[b];
            if sa.len() < sb.len() && sa.is_subset(sb) {
                nested.push((*va, *vb));
            }
        }
    }
    nested
}

/// What comparing two value classes of one fact needs.
struct PairCheck<'a> {
    index: usize,
    lexicon: &'a crate::grammar::lexicon::Lexicon,
    check: &'a Check,
    claims: &'a [Claim],
    published: &'a Published,
    interval_keys: &'a [&'a str],
    clock_key: Option<&'a str>,
    slot: &'a str,
    ty: SlotType,
    stays: &'a Stays,
    /// The relation's own date slot when the check keys one event by a
    /// window of publication days (`within_days`): two claims whose
    /// dates are apart are two events (module docs, "Two events").
    event_date: Option<&'a str>,
}

/// The date slot that tells two events of one key apart: a `date` slot
/// of the relation, neither compared nor a key, under a check that keys
/// one event by publication days (`within_days`).
fn event_date_slot<'r>(relation: &'r Relation, check: &Check, compared: &str) -> Option<&'r str> {
    check.within_days?;
    relation
        .slots
        .iter()
        .find(|s| s.ty == SlotType::Date && s.name != compared && !relation.key.contains(&s.name))
        .map(|s| s.name.as_str())
}

/// Most claim pairs a class comparison searches for two claims of one
/// event, when its first pair is two events: beyond it the classes are
/// not compared (bounded work on a much-met pair's many meetings).
const EVENT_PAIR_SEARCH: usize = 4096;

/// With `round_trips`, every claim's (subject, key, first day, last day)
/// by claim id, to tell a round trip from a conflict.
#[derive(Default)]
struct Stays {
    by_claim: BTreeMap<ClaimId, (String, String, jiff::civil::Date, jiff::civil::Date)>,
    /// Subject → its claims' (key, first day, last day): a conflict reads
    /// only its subject's.
    by_subject: BTreeMap<String, Vec<(String, jiff::civil::Date, jiff::civil::Date)>>,
}

impl Stays {
    fn add(&mut self, id: ClaimId, subject: &str, key: &str, facts: &Facts, slot: &str) {
        let days = facts.get(slot).find_map(|s| match &s.value {
            SlotValue::Date { value: Some(v) } => v.inclusive_days(),
            _ => None,
        });
        if let Some((first, last)) = days {
            let entry = (subject.to_string(), key.to_string(), first, last);
            self.by_claim.insert(id, entry);
            let stay = (key.to_string(), first, last);
            self.by_subject
                .entry(subject.to_string())
                .or_default()
                .push(stay);
        }
    }

    /// Whether the subject of `x` and `y` is placed elsewhere after the
    /// earlier of their days and by the last of them: they went away
    /// between the two dates, and may have come back. The same day as
    /// the earlier date is not enough: that is most often the same
    /// arrival told with a finer place ("landed at the airport").
    fn away_between(&self, x: ClaimId, y: ClaimId) -> bool {
        let (Some(a), Some(b)) = (self.by_claim.get(&x), self.by_claim.get(&y)) else {
            return false;
        };
        let (from, to) = (a.2.min(b.2), a.3.max(b.3));
        let stays = self
            .by_subject
            .get(&a.0)
            .map(Vec::as_slice)
            .unwrap_or_default();
        stays
            .iter()
            .any(|(key, first, last)| *key != a.1 && *first > from && *last <= to)
    }
}

impl PairCheck<'_> {
    /// The resolved dates a claim gives its event in the event date slot.
    fn own_dates(&self, c: ClaimId) -> impl Iterator<Item = &crate::temporal::TimeValue> {
        let fills = self.event_date.map(|slot| facts(self.claims, c).get(slot));
        fills.into_iter().flatten().filter_map(|s| match &s.value {
            SlotValue::Date { value: Some(v) } => Some(v),
            _ => None,
        })
    }

    /// The days a claim's event falls on: its own resolved date, else
    /// its article's publication day widened by the check's
    /// `within_days` (an undated meeting in the news is a recent one).
    fn event_days(&self, c: ClaimId) -> Option<(jiff::civil::Date, jiff::civil::Date)> {
        self.event_date?;
        let own = self.own_dates(c).find_map(|v| v.compatible_days());
        own.or_else(|| {
            let day = self.published.get(self.claims[c].doc).copied().flatten()?;
            let span = jiff::Span::new().days(i64::from(self.check.within_days?));
            Some((day.checked_sub(span).ok()?, day.checked_add(span).ok()?))
        })
    }

    /// Two claims whose events' days do not meet: two events with one
    /// key ("In June, Modi met Zelensky in Italy" beside their August
    /// meeting in Kyiv), not one event told two ways. One of them must
    /// carry its own resolved date: two undated claims keep the
    /// publication window `conflicting_pair` already applied.
    fn dated_apart(&self, x: ClaimId, y: ClaimId) -> bool {
        let dated = |c: ClaimId| self.own_dates(c).next().is_some();
        if !(dated(x) || dated(y)) {
            return false;
        }
        match (self.event_days(x), self.event_days(y)) {
            (Some((a0, a1)), Some((b0, b1))) => a1 < b0 || b1 < a0,
            _ => false,
        }
    }

    /// Two claims of one event, one from each class, from different
    /// articles published within the check's window, when the classes'
    /// first such pair was two events.
    fn same_event_pair(&self, a: &[ClaimId], b: &[ClaimId]) -> Option<(ClaimId, ClaimId)> {
        let close = |x: ClaimId, y: ClaimId| {
            super::agree::published_close(self.claims, self.published, self.check.within_days, x, y)
        };
        a.iter()
            .flat_map(|&x| b.iter().map(move |&y| (x, y)))
            .take(EVENT_PAIR_SEARCH)
            .find(|&(x, y)| close(x, y) && !self.dated_apart(x, y))
    }
}

impl PairCheck<'_> {
    /// Compare two value classes (their first claims stand for them)
    /// when their interval keys overlap.
    fn compare(&self, a: &[ClaimId], b: &[ClaimId], out: &mut Vec<Comparison>) {
        let (fa, fb) = (facts(self.claims, a[0]), facts(self.claims, b[0]));
        if !self
            .interval_keys
            .iter()
            .all(|k| same_fact(fa, fb, k, self.check.tolerance))
        {
            return;
        }
        // With `within_days`, two claims from different articles
        // published close enough in time stand for the classes.
        if matches!(self.ty, SlotType::Place | SlotType::Org | SlotType::Entity)
            && self.interval_keys.iter().any(|k| trip_legs(fa, fb, k))
        {
            return; // module docs, "Places"
        }
        let pair = match self.check.within_days {
            Some(days) => conflicting_pair(self.claims, self.published, a, b, Some(days)),
            None => Some((a[0], b[0])),
        };
        let Some((mut x, mut y)) = pair else {
            return;
        };
        if self.dated_apart(x, y) {
            match self.same_event_pair(a, b) {
                Some(p) => (x, y) = p,
                None => return,
            }
        }
        let (kind, reason) = match self.clock_key {
            Some(k) if self.ty == SlotType::Clock => offset_verdict(fa, fb, k, self.slot),
            _ => compare_slot(fa, fb, self.slot, self.ty, self.check.tolerance),
        };
        let (kind, reason) = match (kind, self.ty) {
            (EdgeKind::Conflict, SlotType::Text) if self.one_name(fa, fb) => (
                EdgeKind::Compatible,
                format!("{} is one name in two spellings", self.slot),
            ),
            (EdgeKind::Conflict, _) if self.check.round_trips && self.stays.away_between(x, y) => (
                EdgeKind::Compatible,
                "a round trip: placed elsewhere between the two dates".to_string(),
            ),
            (EdgeKind::Conflict, SlotType::Place | SlotType::Org | SlotType::Entity) => {
                match may_nest(self.lexicon, fa, fb, self.slot) {
                    Some(why) => (EdgeKind::Compatible, why),
                    None => (kind, reason),
                }
            }
            _ => (kind, reason),
        };
        out.push(Comparison {
            check: self.index,
            a: x,
            b: y,
            kind,
            reason: reason.into(),
        });
    }
}

impl PairCheck<'_> {
    /// Two text values that are one name: word by word the same after
    /// the vocabulary's `spellings` (exonyms: "Kiev", "Kyiv") and
    /// romanisation ([`crate::text::transliteration_key`]).
    fn one_name(&self, a: &Facts, b: &Facts) -> bool {
        let words = |f: &Facts| -> Vec<String> {
            f.get(self.slot)
                .flat_map(|s| {
                    s.text
                        .split_whitespace()
                        .map(|w| {
                            let lower = w.to_lowercase();
                            crate::text::transliteration_key(self.lexicon.spelling(&lower))
                        })
                        .collect::<Vec<_>>()
                })
                .collect()
        };
        let (x, y) = (words(a), words(b));
        !x.is_empty() && x == y
    }
}

/// With a `scope:` slot, claims that do not give it are compared only
/// with each other, and two of them are not compared when each value is
/// one a scoped claim of the fact gives: an unattributed "magnitude 7"
/// and an unattributed 6.8 are the Moroccan network's and the USGS's
/// readings, while an unattributed 7.2 that no agency gives conflicts
/// with the reading most unattributed claims give. The readings: (subject, key, value class) of every scoped
/// claim.
fn scoped_readings<K>(
    groups: &BTreeMap<(String, String, String), BTreeMap<String, K>>,
) -> std::collections::BTreeSet<(String, String, String)> {
    groups
        .iter()
        .filter(|((.., scope), _)| !scope.is_empty())
        .flat_map(|((subject, key, _), classes)| {
            classes
                .keys()
                .map(|class| (subject.clone(), key.clone(), class.clone()))
        })
        .collect()
}

/// A claim whose subject is a bare surname its article never spells out,
/// compared by the surname alone because the check says so
/// (`bare_surnames: true`).
fn bare_compared(check: &Check, c: &Claim) -> bool {
    check.bare_surnames && !c.subject_resolved && is_bare_surname(&c.subject)
}

/// Whether some check compares this unresolved claim by its bare surname:
/// the claims/check split keeps it for that check's partition.
pub fn compares_bare_surname(rules: &RuleSet, c: &Claim) -> bool {
    rules.checks.iter().any(|k| {
        k.relation == c.relation()
            && (bare_compared(k, c)
                || (k.join_surnames && !c.subject_resolved && is_bare_surname(&c.subject)))
    })
}

/// Whether some check of the relation joins bare surnames to full names
/// (`join_surnames: true`): the claims/check split then keeps all of the
/// relation's claims in one partition, as a bare surname's person is
/// known only from the other claims.
pub fn joins_surnames(rules: &RuleSet, relation: &str) -> bool {
    rules
        .checks
        .iter()
        .any(|k| k.relation == relation && (k.join_surnames || k.round_trips))
}

/// The full names of a relation's claims by their surname (the last
/// word, folded to lower case), `None` when two people share it. Only
/// the relation's own claims are read, so the answer does not depend on
/// which other claims a partition holds.
fn full_names_by_surname<'c>(
    claims: &'c [Claim],
    relation: &str,
) -> BTreeMap<String, Option<&'c str>> {
    let mut out: BTreeMap<String, Option<&'c str>> = BTreeMap::new();
    for c in claims {
        let ours = c.facts.as_deref().is_some_and(|f| f.relation == relation);
        if !ours || !c.subject_resolved || !c.subject.contains(' ') {
            continue;
        }
        let Some(last) = c.subject.split_whitespace().last() else {
            continue;
        };
        out.entry(last.to_lowercase())
            .and_modify(|k| {
                if *k != Some(c.subject_key.as_str()) {
                    *k = None;
                }
            })
            .or_insert(Some(c.subject_key.as_str()));
    }
    out
}

/// The full name's key a bare surname joins (`join_surnames`), if it
/// names one person.
fn joined_key<'c>(
    check: &Check,
    joined: &BTreeMap<String, Option<&'c str>>,
    c: &Claim,
) -> Option<&'c str> {
    if !check.join_surnames || c.subject_resolved || !is_bare_surname(&c.subject) {
        return None;
    }
    joined.get(&c.subject.to_lowercase()).copied().flatten()
}

/// One capitalised word of letters (an apostrophe allowed: "O'Neill"): a
/// surname, not a month range ("Jan-Dec") or a figure.
fn is_bare_surname(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(char::is_uppercase)
        && s.chars().count() > 1
        && chars.all(|ch| ch.is_alphabetic() || ch == '\'' || ch == '’')
}

fn facts(claims: &[Claim], id: ClaimId) -> &Facts {
    claims[id]
        .facts
        .as_deref()
        .expect("grouped claims have facts")
}

/// The relation's key slots other than the compared one and the subject:
/// those compared for equality, and those (dates, figures) compared by
/// overlap.
fn key_slots<'r>(relation: &'r Relation, compared: &str) -> (Vec<&'r str>, Vec<&'r str>) {
    let mut exact = Vec::new();
    let mut interval = Vec::new();
    for k in &relation.key {
        if k == compared || *k == relation.subject {
            continue;
        }
        match relation.slot(k).map(|s| s.ty) {
            Some(
                SlotType::Date
                | SlotType::Number
                | SlotType::Duration
                | SlotType::Distance
                | SlotType::Clock,
            ) => interval.push(k.as_str()),
            Some(_) => exact.push(k.as_str()),
            None => {}
        }
    }
    (exact, interval)
}

/// A slot's values as one comparable string (a set sorted); `None` when
/// the claim does not fill it.
fn class_of(facts: &Facts, slot: &str) -> Option<String> {
    let mut parts: Vec<String> = facts
        .get(slot)
        .map(|f| canonical(&f.value))
        .collect::<Option<_>>()?;
    if parts.is_empty() {
        return None;
    }
    parts.sort();
    parts.dedup();
    Some(parts.join(" & "))
}

/// A value as a comparable string (`None`: an unresolved date, which
/// cannot be compared).
fn canonical(v: &SlotValue) -> Option<String> {
    Some(match v {
        SlotValue::Date { value } => {
            let (a, b) = value.as_ref()?.inclusive_days()?;
            format!("{a}/{b}")
        }
        SlotValue::Quantity {
            low,
            high,
            low_open,
            high_open,
        } => format!("{low}/{high:?}/{low_open}/{high_open}"),
        other => other.identity().unwrap_or_default(),
    })
}

/// Do two claims' interval key slot values overlap (one fact)? A claim
/// without the slot, or with an unresolved date, cannot be placed: no.
fn same_fact(a: &Facts, b: &Facts, slot: &str, tolerance: f64) -> bool {
    let (Some(x), Some(y)) = (a.get(slot).next(), b.get(slot).next()) else {
        return false;
    };
    !matches!(
        verdict_of(&x.value, &y.value, tolerance),
        None | Some(Interval::Apart)
    )
}

/// Two date ranges of two days or more that share one day only, the last
/// of one and the first of the other: two legs of a trip (module docs,
/// "Places").
fn trip_legs(a: &Facts, b: &Facts, slot: &str) -> bool {
    let days = |f: &Facts| match f.get(slot).next().map(|s| &s.value) {
        Some(SlotValue::Date { value: Some(v) }) => v.compatible_days(),
        _ => None,
    };
    let (Some((a0, a1)), Some((b0, b1))) = (days(a), days(b)) else {
        return false;
    };
    a0 < a1 && b0 < b1 && (a1 == b0 || b1 == a0)
}

/// How two interval values relate.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Interval {
    Overlap,
    /// Apart by no more than the tolerance.
    Near,
    Apart,
}

/// How two dates or two quantities relate (`None`: not intervals, or an
/// unresolved date).
fn verdict_of(a: &SlotValue, b: &SlotValue, tolerance: f64) -> Option<Interval> {
    match (a, b) {
        (SlotValue::Date { value: Some(x) }, SlotValue::Date { value: Some(y) }) => {
            // Either convention's reading ("the weekend", "the past two
            // years"): a claim under one does not conflict with another
            // outlet's under the other.
            let ((a0, a1), (b0, b1)) = (x.compatible_days()?, y.compatible_days()?);
            Some(if a0 <= b1 && b0 <= a1 {
                Interval::Overlap
            } else {
                Interval::Apart
            })
        }
        (SlotValue::Quantity { .. }, SlotValue::Quantity { .. }) => {
            let (x, y) = (bounds(a)?, bounds(b)?);
            if meets(x, y) && meets(y, x) {
                return Some(Interval::Overlap);
            }
            // The gap between the two, against the larger figure at it.
            let (below, above) = if x.2 < y.0 { (x, y) } else { (y, x) };
            let gap = above.0 - below.2;
            let scale = above.0.abs().max(below.2.abs());
            Some(if gap <= tolerance * scale {
                Interval::Near
            } else {
                Interval::Apart
            })
        }
        _ => None,
    }
}

/// (low, low open, high, high open).
type Bounds = (f64, bool, f64, bool);

fn bounds(v: &SlotValue) -> Option<Bounds> {
    let SlotValue::Quantity {
        low,
        high,
        low_open,
        high_open,
    } = v
    else {
        return None;
    };
    Some((*low, *low_open, high.unwrap_or(f64::INFINITY), *high_open))
}

/// `x` starts no later than `y` ends.
fn meets(x: Bounds, y: Bounds) -> bool {
    if x.1 || y.3 {
        x.0 < y.2
    } else {
        x.0 <= y.2
    }
}

/// Why claims of one value class are tied, by the slot's type.
fn same_value(ty: SlotType) -> &'static str {
    match ty {
        SlotType::Date => "same dates",
        SlotType::Number | SlotType::Duration | SlotType::Distance => "same figure",
        SlotType::Clock => "same time",
        SlotType::Place | SlotType::Org | SlotType::Entity => "same place",
        _ => "same value",
    }
}

/// The verdict on the compared slot of two claims of one fact, with the
/// reason a report shows.
fn compare_slot(
    a: &Facts,
    b: &Facts,
    slot: &str,
    ty: SlotType,
    tolerance: f64,
) -> (EdgeKind, String) {
    let (Some(x), Some(y)) = (a.get(slot).next(), b.get(slot).next()) else {
        return (EdgeKind::Compatible, format!("{slot} not comparable"));
    };
    match ty {
        SlotType::Date => match verdict_of(&x.value, &y.value, 0.0) {
            Some(Interval::Apart) => (
                EdgeKind::Conflict,
                format!(
                    "dates cannot overlap: {} vs {}",
                    shown_days(&x.value),
                    shown_days(&y.value)
                ),
            ),
            _ => (EdgeKind::Compatible, "dates overlap".into()),
        },
        SlotType::Bearing => bearing_verdict(x, y),
        SlotType::Clock => clock_verdict(x, y),
        SlotType::Number | SlotType::Duration | SlotType::Distance => {
            let what = match ty {
                SlotType::Number => "figures",
                SlotType::Distance => "distances",
                _ => "lengths of time",
            };
            let spans = match ty {
                SlotType::Duration => calendar_spans(x, y),
                _ => None,
            };
            if let Some((xs, ys)) = &spans {
                if verdict_of(xs, ys, 0.0) == Some(Interval::Overlap) {
                    return (
                        EdgeKind::Compatible,
                        format!(
                            "{what} can be the same: {} is a calendar span, {} fits in it",
                            x.text, y.text
                        ),
                    );
                }
            }
            let (xv, yv) = spans.unwrap_or_else(|| (x.value.clone(), y.value.clone()));
            match verdict_of(&xv, &yv, tolerance) {
                Some(Interval::Apart) => (
                    EdgeKind::Conflict,
                    format!("{what} differ: {} vs {}", figure(x, ty), figure(y, ty)),
                ),
                Some(Interval::Near) => (
                    EdgeKind::Compatible,
                    format!("{what} within {:.0} %", tolerance * 100.0),
                ),
                _ => (EdgeKind::Compatible, format!("{what} can be the same")),
            }
        }
        _ if class_of(a, slot) == class_of(b, slot) => {
            (EdgeKind::Agree, same_value(ty).to_string())
        }
        SlotType::Place | SlotType::Org | SlotType::Entity => place_verdict(a, b, slot),
        _ => {
            let written = |f: &Facts| {
                f.get(slot)
                    .map(|s| s.text.clone())
                    .collect::<Vec<_>>()
                    .join(" and ")
            };
            (
                EdgeKind::Conflict,
                format!("{slot} differs: {} vs {}", written(a), written(b)),
            )
        }
    }
}

/// Seconds in a day.
const DAY: f64 = 86_400.0;

/// Two lengths of time as compared: a count of whole days ("a one-day
/// visit", "three days") set against a length told in hours or minutes
/// ("a 7-hour visit") is a calendar span, the days it touches, not that
/// many times 24 hours: a visit that touches `n` calendar days lasts more
/// than `n − 2` days and at most `n` (a "two-day" visit may be 20 hours
/// across midnight). Two day counts, or two hour counts, are compared as
/// written ("two-day" against "three-day" still differs): `None`.
fn calendar_spans(x: &SlotFill, y: &SlotFill) -> Option<(SlotValue, SlotValue)> {
    let span = |days: f64| SlotValue::Quantity {
        low: ((days - 2.0) * DAY).max(0.0),
        high: Some(days * DAY),
        low_open: true,
        high_open: false,
    };
    match (whole_days(x), whole_days(y)) {
        (Some(n), None) if within_day(y) => Some((span(n), y.value.clone())),
        (None, Some(n)) if within_day(x) => Some((x.value.clone(), span(n))),
        _ => None,
    }
}

/// The number of days of a length written as a count of days, exactly
/// ("one-day", "three days", "a day"; not "about three days" nor "36
/// hours").
fn whole_days(f: &SlotFill) -> Option<f64> {
    let SlotValue::Quantity {
        low,
        high: Some(high),
        ..
    } = f.value
    else {
        return None;
    };
    let text = f.text.to_lowercase();
    let days = low / DAY;
    (low == high && low > 0.0 && days.fract() == 0.0 && text.contains("day")).then_some(days)
}

/// A length told in hours or minutes (a clock's units, not a calendar's).
fn within_day(f: &SlotFill) -> bool {
    let text = f.text.to_lowercase();
    matches!(f.value, SlotValue::Quantity { .. })
        && !text.contains("day")
        && (text.contains("hour") || text.contains("minute"))
}

/// Two compass directions: the same, neighbours on the eight-point rose
/// ("south" and "south-west": one direction rounded), or apart.
fn bearing_verdict(x: &SlotFill, y: &SlotFill) -> (EdgeKind, String) {
    let degrees = |f: &SlotFill| match f.value {
        SlotValue::Quantity { low, .. } => low,
        _ => f64::NAN,
    };
    let diff = (degrees(x) - degrees(y)).rem_euclid(360.0);
    let apart = diff.min(360.0 - diff);
    if apart == 0.0 {
        (EdgeKind::Agree, "same direction".into())
    } else if apart <= 45.0 {
        (
            EdgeKind::Compatible,
            format!("neighbouring directions: {} and {}", x.text, y.text),
        )
    } else {
        (
            EdgeKind::Conflict,
            format!("directions differ: {} vs {}", x.text, y.text),
        )
    }
}

/// How far apart two times of day may be and still be one moment told
/// twice ("8:00" and "8:05"), in minutes. A fraction of the time (the
/// check's `tolerance`) would make times after noon looser than morning
/// ones.
const CLOCK_SLACK_MINUTES: f64 = 10.0;

/// Two times of day: the same moment (their intervals meet within
/// [`CLOCK_SLACK_MINUTES`]) or two.
fn clock_verdict(x: &SlotFill, y: &SlotFill) -> (EdgeKind, String) {
    let (Some(a), Some(b)) = (bounds(&x.value), bounds(&y.value)) else {
        return (EdgeKind::Compatible, "times not comparable".into());
    };
    let gap = (b.0 - a.2).max(a.0 - b.2);
    if gap <= 0.0 {
        (EdgeKind::Agree, "same time".into())
    } else if gap <= CLOCK_SLACK_MINUTES {
        (EdgeKind::Compatible, "times within minutes".into())
    } else {
        (
            EdgeKind::Conflict,
            format!("times differ: {} vs {}", x.text, y.text),
        )
    }
}

/// A time of day under a time-of-day key ("shortly before 6 p.m. (0900
/// GMT)": the GMT time under the local one), compared as its offset from
/// the key, so that the key's hedge carries over: "after 11pm (22:00
/// GMT)" and "11:11 pm (10:11 pm UTC)" are one offset of an hour, while
/// 0900 and 2100 GMT for one local time are nine hours ahead and three
/// behind. Offsets are minutes on a day's circle, within the clock slack.
fn offset_verdict(a: &Facts, b: &Facts, key: &str, slot: &str) -> (EdgeKind, String) {
    let offset = |f: &Facts| {
        let k = bounds(&f.get(key).next()?.value)?;
        let v = f.get(slot).next()?;
        let t = bounds(&v.value)?;
        let low = (k.0 - t.2).rem_euclid(MINUTES_A_DAY);
        Some(((low, low + (k.2 - k.0) + (t.2 - t.0)), v.text.clone()))
    };
    let (Some((x, xt)), Some((y, yt))) = (offset(a), offset(b)) else {
        return (EdgeKind::Compatible, "times not comparable".into());
    };
    let gap = [-MINUTES_A_DAY, 0.0, MINUTES_A_DAY]
        .iter()
        .map(|shift| (y.0 + shift - x.1).max(x.0 - (y.1 + shift)))
        .fold(f64::INFINITY, f64::min);
    if gap <= 0.0 {
        (EdgeKind::Agree, "same offset".into())
    } else if gap <= CLOCK_SLACK_MINUTES {
        (EdgeKind::Compatible, "offsets within minutes".into())
    } else {
        (EdgeKind::Conflict, format!("times differ: {xt} vs {yt}"))
    }
}

const MINUTES_A_DAY: f64 = 1440.0;

/// Two claims' places, each one or more ("at the Royal Palace in Oslo":
/// a venue and its city), compared grain by grain: venues with venues,
/// other places (cities, regions, countries) with other places. A venue
/// and a city are one place told two ways (the venue may be in the
/// city); two venues, or two cities, that are not one name with more
/// words conflict.
fn place_verdict(a: &Facts, b: &Facts, slot: &str) -> (EdgeKind, String) {
    let split = |f: &Facts| -> (Vec<String>, Vec<String>) {
        f.get(slot)
            .map(|s| s.shown().to_string())
            .partition(|p| is_venue(p))
    };
    let ((va, pa), (vb, pb)) = (split(a), split(b));
    // `None`: one side names no place of this grain.
    let grain = |x: &[String], y: &[String]| {
        (!x.is_empty() && !y.is_empty()).then(|| {
            x.iter()
                .any(|p| y.iter().any(|q| p == q || one_inside(p, q)))
        })
    };
    match (grain(&va, &vb), grain(&pa, &pb)) {
        (Some(false), _) | (_, Some(false)) => (
            EdgeKind::Conflict,
            format!(
                "places differ: {} vs {}",
                shown_places(a, slot),
                shown_places(b, slot)
            ),
        ),
        (None, None) => (
            EdgeKind::Compatible,
            "a venue and the place it is in".into(),
        ),
        _ => (
            EdgeKind::Compatible,
            "one place, told with more detail".into(),
        ),
    }
}

/// What the gazetteer tells of a place that is not a venue: a country,
/// a city it lists (with its country), another place it knows, or
/// nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Known {
    Country(String),
    City(String),
    Place,
    Unknown,
}

fn known_place(lx: &crate::grammar::lexicon::Lexicon, shown: &str) -> Known {
    let lower = shown.to_lowercase();
    if lx.countries.contains(shown) || lx.countries.contains(&lower) {
        return Known::Country(lower);
    }
    if let Some(country) = crate::normalize::title::city_country(lx, &lower) {
        return Known::City(country);
    }
    if lx.places.contains_key(&lower) || lx.orgs.contains_key(&lower) {
        return Known::Place;
    }
    Known::Unknown
}

/// Two claims' places that [`place_verdict`] set apart by their names, but
/// one of which may lie in the other (module docs, "Places"): a city of
/// the gazetteer and its country ("Hiroshima", "Japan"), or a name of two
/// words or more the gazetteer does not know beside a place it knows
/// ("Oval Office" beside Washington, "Catoctin Mountains" beside
/// Maryland) — whether the unknown one lies inside the known one, or is a
/// region around it, the names do not tell, so they are not set against
/// each other. Two known places that neither holds ("Tokyo",
/// "Hiroshima"), an unknown name of one word (a town's, as often as not:
/// "Oslo" beside Rome), two names the gazetteer knows neither of, and two
/// venues stay apart. The reason, or `None` when the places stay apart.
fn may_nest(
    lx: &crate::grammar::lexicon::Lexicon,
    a: &Facts,
    b: &Facts,
    slot: &str,
) -> Option<String> {
    let split = |f: &Facts| -> (Vec<String>, Vec<String>) {
        f.get(slot)
            .map(|s| s.shown().to_string())
            .partition(|p| is_venue(p))
    };
    let ((va, pa), (vb, pb)) = (split(a), split(b));
    let venues_apart = !va.is_empty()
        && !vb.is_empty()
        && !va
            .iter()
            .any(|p| vb.iter().any(|q| p == q || one_inside(p, q)));
    if venues_apart || pa.is_empty() || pb.is_empty() {
        return None;
    }
    let nest = |p: &str, q: &str| -> Option<String> {
        match (known_place(lx, p), known_place(lx, q)) {
            (Known::City(c), Known::Country(k)) | (Known::Country(k), Known::City(c)) if c == k => {
                Some(format!(
                    "one place told two ways: a city and its country, {p} and {q}"
                ))
            }
            (Known::Unknown, Known::Unknown) => None,
            // A name of one word is a town's as often as not ("Oslo"
            // beside Rome): compared as written. A longer one names a
            // site, a district or a region ("Oval Office").
            (Known::Unknown, _) if p.split_whitespace().nth(1).is_some() => Some(format!(
                "{p} and {q}: the gazetteer cannot tell whether one lies in the other"
            )),
            (_, Known::Unknown) if q.split_whitespace().nth(1).is_some() => Some(format!(
                "{p} and {q}: the gazetteer cannot tell whether one lies in the other"
            )),
            _ => None,
        }
    };
    pa.iter()
        .flat_map(|p| pb.iter().map(move |q| (p, q)))
        .find_map(|(p, q)| nest(p, q))
}

/// Names that place a meeting in a building rather than a town: a name
/// with a facility word ("Great Hall of the People", "Diaoyutai State
/// Guesthouse", "Villa La Grange"), or a seat of government known by one
/// word.
fn is_venue(place: &str) -> bool {
    const SEATS: &[&str] = &["kremlin", "zhongnanhai", "elysee", "élysée", "quirinale"];
    place.split_whitespace().any(|w| {
        let w = w.to_lowercase();
        crate::patterns::matcher::is_facility_word(&w) || SEATS.contains(&w.as_str())
    })
}

fn shown_places(f: &Facts, slot: &str) -> String {
    f.get(slot)
        .map(|s| s.shown())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Is one place name the other with more words ("Vostochny" and the
/// "Vostochny Cosmodrome")?
fn one_inside(a: &str, b: &str) -> bool {
    let words = |s: &str| -> Vec<String> { s.split_whitespace().map(str::to_lowercase).collect() };
    let (a, b) = (words(a), words(b));
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    !short.is_empty() && short.iter().all(|w| long.contains(w))
}

/// A resolved date as its days ("2023-06-18", "2023-06-18 to 2023-06-19").
fn shown_days(v: &SlotValue) -> String {
    let SlotValue::Date { value: Some(d) } = v else {
        return "?".into();
    };
    match d.inclusive_days() {
        Some((a, b)) if a == b => a.to_string(),
        Some((a, b)) => format!("{a} to {b}"),
        None => "?".into(),
    }
}

/// A figure as a reader compares it: an exact figure as a number ("12"),
/// a hedged one and any length of time as written ("more than an hour").
fn figure(f: &SlotFill, ty: SlotType) -> String {
    if matches!(ty, SlotType::Duration | SlotType::Distance) {
        return f.text.clone();
    }
    match f.value {
        SlotValue::Quantity {
            low,
            high: Some(high),
            low_open: false,
            high_open: false,
        } if low == high => low.to_string(),
        _ => f.text.clone(),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::{compare_slot, EdgeKind, Facts, SlotFill, SlotType, SlotValue};
    use super::{is_bare_surname, is_venue, nested_groups, one_inside, GroupKey};

    fn length(text: &str, low: f64, high: f64) -> Facts {
        Facts {
            relation: "visit-length".into(),
            slots: vec![SlotFill {
                slot: "length".into(),
                text: text.into(),
                value: SlotValue::Quantity {
                    low,
                    high: Some(high),
                    low_open: false,
                    high_open: false,
                },
            }],
        }
    }

    fn verdict(a: &Facts, b: &Facts) -> EdgeKind {
        compare_slot(a, b, "length", SlotType::Duration, 0.0).0
    }

    #[test]
    fn a_day_count_is_a_calendar_span_against_hours() {
        const H: f64 = 3600.0;
        let one_day = length("one-day", 24.0 * H, 24.0 * H);
        let two_day = length("two-day", 48.0 * H, 48.0 * H);
        let three_day = length("three-day", 72.0 * H, 72.0 * H);
        let seven_hours = length("7-hour", 7.0 * H, 7.0 * H);
        let five_hours = length("five-hour", 5.0 * H, 5.0 * H);
        let thirty_hours = length("30-hour", 30.0 * H, 30.0 * H);
        // A visit of some hours is a one-day visit, either way round.
        assert_eq!(verdict(&one_day, &seven_hours), EdgeKind::Compatible);
        assert_eq!(verdict(&seven_hours, &one_day), EdgeKind::Compatible);
        // Twenty hours across midnight touch two calendar days.
        let twenty = length("20-hour", 20.0 * H, 20.0 * H);
        assert_eq!(verdict(&two_day, &twenty), EdgeKind::Compatible);
        // Longer than the span, or too short to touch three days.
        assert_eq!(verdict(&one_day, &thirty_hours), EdgeKind::Conflict);
        assert_eq!(verdict(&three_day, &seven_hours), EdgeKind::Conflict);
        // Two hour counts, and two day counts, are compared as written.
        assert_eq!(verdict(&five_hours, &seven_hours), EdgeKind::Conflict);
        assert_eq!(verdict(&two_day, &three_day), EdgeKind::Conflict);
    }

    /// The pairwise definition the index must reproduce, order included.
    fn nested_pairwise(groups: &BTreeMap<GroupKey, usize>) -> Vec<(usize, usize)> {
        fn set(k: &GroupKey) -> std::collections::BTreeSet<&str> {
            k.0.split(" & ").collect()
        }
        let mut out = Vec::new();
        for (ka, va) in groups {
            for (kb, vb) in groups {
                let (sa, sb) = (set(ka), set(kb));
                if sa.len() >= 2
                    && (&ka.1, &ka.2) == (&kb.1, &kb.2)
                    && sa.len() < sb.len()
                    && sa.is_subset(&sb)
                {
                    out.push((*va, *vb));
                }
            }
        }
        out
    }

    #[test]
    fn nested_participant_sets_are_found_through_the_rarest_member() {
        // One person meets many partner sets, some nested, under two keys.
        let names = ["Ann Roe", "Bo Doe", "Cy Poe", "Di Loe", "Ed Moe"];
        let mut groups = BTreeMap::new();
        let mut n = 0;
        for mask in 1..32u32 {
            let mut set: Vec<&str> = vec!["Zed Hub"];
            set.extend((0..5).filter(|i| mask & (1 << i) != 0).map(|i| names[i]));
            set.sort();
            for key in ["", "k"] {
                groups.insert((set.join(" & "), key.to_string(), String::new()), n);
                n += 1;
            }
        }
        groups.insert(("Zed Hub".into(), String::new(), String::new()), n);
        let pairs: Vec<(usize, usize)> = nested_groups(&groups)
            .into_iter()
            .map(|(a, b)| (*a, *b))
            .collect();
        assert!(!pairs.is_empty());
        assert_eq!(pairs, nested_pairwise(&groups));
    }

    #[test]
    fn a_place_with_more_words_is_the_same_place() {
        assert!(one_inside("Vostochny", "Vostochny Cosmodrome"));
        assert!(one_inside("Great Hall of the People", "Great Hall"));
        assert!(!one_inside("Vienna", "Geneva"));
        assert!(!one_inside("", "Geneva"));
    }

    #[test]
    fn a_building_is_a_venue_a_town_is_not() {
        assert!(is_venue("Great Hall of the People"));
        assert!(is_venue("Diaoyutai State Guesthouse"));
        assert!(is_venue("Kremlin"));
        assert!(!is_venue("Beijing"));
        assert!(!is_venue("Geneva"));
    }

    #[test]
    fn a_bare_surname_is_one_capitalised_word_of_letters() {
        assert!(is_bare_surname("Lee"));
        assert!(is_bare_surname("O'Neill"));
        assert!(!is_bare_surname("Jan-Dec"));
        assert!(!is_bare_surname("lee"));
        assert!(!is_bare_surname("Jane Lee"));
        assert!(!is_bare_surname("K"));
        assert!(!is_bare_surname(""));
    }
}
