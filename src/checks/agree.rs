//! `agree`: one value per subject for a relation, compared as a title
//! (`compare: title`) or as written (`compare: exact`); `compare: SLOT`
//! is `checks::relation`.
//!
//! ## What it checks
//! Every claim of the relation about one subject (a person, across all
//! documents) is compared with the others; values that cannot both be true
//! are a conflict. With `compare: title` the comparison is rank- and
//! office-aware (see `title_compare`); with `compare: exact` values must be
//! equal after case and space folding.
//!
//! ## How it scales
//! Claims are grouped by subject, then by normalised value; only distinct
//! values are compared, so a person named a thousand times with three
//! wordings costs three comparisons, not a million. Distinct values are not
//! compared pairwise either: values that must agree or be compatible are
//! tied in chains, and only values that can relate (same head, a vocabulary
//! office) are paired, through representatives (see `Subject`).
//! `examples/agree_bench.rs` measures it.
//!
//! ## Limitations
//! Subjects that are a bare surname the document never spells out in full
//! are skipped: "Wang" could be any of several people.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::title_compare::{compare as compare_titles, Verdict};
use super::{agree_chain, Comparison, EdgeKind, Published};
use crate::claim::{Claim, ClaimId};
use crate::claim::{NormTitle, TitleTime};
use crate::rules::{Check, Compare};
use crate::ruleset::RuleSet;

pub fn run(
    rules: &RuleSet,
    index: usize,
    check: &Check,
    compare: Compare,
    claims: &[Claim],
    published: &Published,
    out: &mut Vec<Comparison>,
) {
    // Claims of one subject that share one title (claims share their
    // titles: `claim::ClaimShare`) and text are one class: found by a
    // hash of the subject and the title's address, so the ordered map
    // below compares whole titles once per distinct title, not once per
    // claim (issue 19).
    type Quick<'c> = (&'c str, *const NormTitle, String);
    let mut quick: HashMap<Quick<'_>, usize, crate::grammar::lexicon::WordBuildHasher> =
        HashMap::default();
    let mut found: Vec<(&str, ValueClass, Vec<ClaimId>)> = Vec::new();
    for (id, c) in claims.iter().enumerate() {
        if c.relation() != check.relation || !c.subject_resolved || !c.subject.contains(' ') {
            continue;
        }
        let class = ValueClass::of(c, compare);
        let key = (
            c.subject_key.as_str(),
            std::sync::Arc::as_ptr(&c.title),
            class.text.clone(),
        );
        match quick.get(&key) {
            Some(&k) => found[k].2.push(id),
            None => {
                quick.insert(key, found.len());
                found.push((&c.subject_key, class, vec![id]));
            }
        }
    }
    drop(quick);
    // subject → value class → claims (in claim order)
    let mut groups: BTreeMap<&str, BTreeMap<ValueClass, Vec<ClaimId>>> = BTreeMap::new();
    let mut merged = false;
    for (subject, class, ids) in found {
        let members = groups.entry(subject).or_default().entry(class).or_default();
        merged |= !members.is_empty();
        members.extend(ids);
    }
    if merged {
        // Equal titles at two addresses (claims read from files): one
        // class, its claims back in order.
        groups
            .values_mut()
            .flat_map(BTreeMap::values_mut)
            .for_each(|ids| ids.sort_unstable());
    }
    for classes in groups.values() {
        let classes: Vec<(&ValueClass, &Vec<ClaimId>)> = classes.iter().collect();
        for (_, members) in &classes {
            agree_chain(index, members, "same value", out);
        }
        // The country the person leads, for bare leadership titles.
        let country = match compare {
            Compare::Title => super::leaders::person_country(
                &rules.leaders,
                classes.iter().map(|(c, _)| &*c.title),
            ),
            _ => None,
        };
        let subject = Subject {
            rules,
            index,
            compare,
            claims,
            published,
            within_days: check.within_days,
            country,
        };
        subject.compare_classes(&classes, out);
    }
}

/// One subject's value classes, compared without a step quadratic in the
/// number of distinct values.
///
/// 1. Classes that differ only in qualifiers ("new", "acting") get the same
///    verdict against every other class: one *group*, tied by agree edges.
/// 2. Groups that can only be compatible with each other — present titles
///    with no vocabulary office and the same head, portfolio, rank and
///    country — form a *cell*, tied by a chain of compatible edges.
/// 3. Cells are compared through their first group, and only cells that
///    can relate are paired: the same head with the same portfolio or a
///    bare one ("Secretary"), and vocabulary offices with each other and
///    with their head. Cells per head and portfolio are bounded by the
///    vocabulary's ranks and countries, not by the data. A conflict between
///    two cells is checked over all their claims (`conflicting_pair`).
///
/// With one class per group and one group per cell — every real subject
/// seen so far — this is the all-pairs comparison, minus the pairs that
/// are unrelated by construction.
struct Subject<'r> {
    rules: &'r RuleSet,
    index: usize,
    compare: Compare,
    claims: &'r [Claim],
    published: &'r Published,
    within_days: Option<u32>,
    /// The one country the person's leadership titles name
    /// (`leaders::person_country`).
    country: Option<String>,
}

/// A cell: its first group's title, and its claims in class order.
struct Cell<'c> {
    rep: &'c ValueClass<'c>,
    first: ClaimId,
    members: Vec<ClaimId>,
}

/// One side of a comparison: its claims, its first claim and its title.
type Side<'s> = (&'s [ClaimId], ClaimId, &'s NormTitle);

/// What puts a group in a cell (see [`Subject`]); `None`: a cell of its own.
type CellKey<'c> = (
    &'c str,
    &'c BTreeSet<String>,
    Option<&'c str>,
    Option<&'c str>,
);

impl Subject<'_> {
    fn compare_classes(&self, classes: &[(&ValueClass, &Vec<ClaimId>)], out: &mut Vec<Comparison>) {
        if self.compare != Compare::Title {
            return self.compare_exact(classes, out);
        }
        // 1. Groups: classes equal but for their qualifiers.
        let mut groups: Vec<(ValueClass, Vec<usize>)> = Vec::new();
        let mut group_of: HashMap<ValueClass, usize> = HashMap::new();
        for (k, (class, _)) in classes.iter().enumerate() {
            let mut key = (*class).clone();
            if !key.title.qualifiers.is_empty() {
                key.title.to_mut().qualifiers.clear();
            }
            match group_of.get(&key) {
                Some(&g) => groups[g].1.push(k),
                None => {
                    group_of.insert(key.clone(), groups.len());
                    groups.push((key, vec![k]));
                }
            }
        }
        for (_, members) in &groups {
            for w in members.windows(2) {
                let (a, b) = (classes[w[0]].1[0], classes[w[1]].1[0]);
                out.push(edge(
                    self.index,
                    a,
                    b,
                    EdgeKind::Agree,
                    "same office".into(),
                ));
            }
        }
        // 2. Cells of present titles; a title of another time relates to
        // nothing but its own wording.
        let mut cells: Vec<Cell<'_>> = Vec::new();
        let mut cell_of: HashMap<CellKey<'_>, usize> = HashMap::new();
        for (_, members) in &groups {
            let rep = classes[members[0]].0;
            let t: &NormTitle = &rep.title;
            if t.time != TitleTime::Present {
                continue;
            }
            let first = classes[members[0]].1[0];
            let claims: Vec<ClaimId> = members
                .iter()
                .flat_map(|&k| classes[k].1.iter().copied())
                .collect();
            let key = self.cell_key(t);
            if let Some(&c) = key.as_ref().and_then(|k| cell_of.get(k)) {
                // Compatible with the cell's first group, as with all of it.
                let cell = &cells[c];
                self.push_verdict(
                    (&cell.members, cell.first, &*cell.rep.title),
                    (&claims, first, t),
                    out,
                );
                cells[c].members.extend(claims);
                continue;
            }
            if let Some(k) = key {
                cell_of.insert(k, cells.len());
            }
            cells.push(Cell {
                rep,
                first,
                members: claims,
            });
        }
        // 3. Pairs of cells that can relate.
        for (a, b) in self.related_cells(&cells) {
            let (ca, cb) = (&cells[a], &cells[b]);
            self.push_verdict(
                (&ca.members, ca.first, &*ca.rep.title),
                (&cb.members, cb.first, &*cb.rep.title),
                out,
            );
        }
    }

    /// Cell key of a present title: none for vocabulary offices (compared
    /// with everything of their head) and for organisations that are not
    /// countries.
    fn cell_key<'c>(&self, t: &'c NormTitle) -> Option<CellKey<'c>> {
        if t.office.is_some() {
            return None;
        }
        let countries = &self.rules.office_index.countries;
        let country = t.org.as_deref().filter(|o| countries.contains(*o));
        Some((t.head.as_str(), &t.portfolio, t.rank.as_deref(), country))
    }

    /// The cell pairs whose verdict may not be `Unrelated`, in order.
    fn related_cells<'c>(&'c self, cells: &'c [Cell<'c>]) -> Vec<(usize, usize)> {
        let index = &self.rules.office_index;
        // The head each cell is compared under: an office's canonical head.
        let head_of = |c: &'c Cell<'c>| -> Option<&'c str> {
            match &c.rep.title.office {
                Some(id) => index.canonical.get(id).map(|t| t.head.as_str()),
                None => Some(c.rep.title.head.as_str()),
            }
        };
        let mut by_head: HashMap<&str, Vec<usize>> = HashMap::new();
        let mut by_portfolio: HashMap<(&str, &BTreeSet<String>), Vec<usize>> = HashMap::new();
        let mut offices = Vec::new();
        for (i, c) in cells.iter().enumerate() {
            if c.rep.title.office.is_some() {
                offices.push(i);
            }
            if let Some(h) = head_of(c) {
                by_head.entry(h).or_default().push(i);
            }
            by_portfolio
                .entry((c.rep.title.head.as_str(), &c.rep.title.portfolio))
                .or_default()
                .push(i);
        }
        let mut pairs = BTreeSet::new();
        let mut add = |x: usize, y: usize| {
            if x != y {
                pairs.insert((x.min(y), x.max(y)));
            }
        };
        for &o in &offices {
            for &p in &offices {
                add(o, p);
            }
            for &p in head_of(&cells[o])
                .and_then(|h| by_head.get(h))
                .into_iter()
                .flatten()
            {
                add(o, p);
            }
        }
        for same in by_portfolio.values() {
            for (k, &x) in same.iter().enumerate() {
                for &y in &same[k + 1..] {
                    add(x, y);
                }
            }
        }
        // Leadership titles against each other: one person leads one
        // country under one head word (`leaders`).
        let leaders: Vec<usize> = (0..cells.len())
            .filter(|&i| self.rules.leaders.read(&cells[i].rep.title).is_some())
            .collect();
        for (k, &x) in leaders.iter().enumerate() {
            for &y in &leaders[k + 1..] {
                add(x, y);
            }
        }
        // A bare head ("Secretary") against every portfolio of the head.
        for (i, c) in cells.iter().enumerate() {
            if c.rep.title.portfolio.is_empty() && c.rep.title.office.is_none() {
                for &p in by_head.get(c.rep.title.head.as_str()).into_iter().flatten() {
                    add(i, p);
                }
            }
        }
        pairs.into_iter().collect()
    }

    /// Compares two titles and pushes the edge: a conflict between two of
    /// the sides' claims close enough in time, else an edge between the
    /// sides' first claims.
    fn push_verdict(&self, a: Side<'_>, b: Side<'_>, out: &mut Vec<Comparison>) {
        let ((ma, first_a, ta), (mb, first_b, tb)) = (a, b);
        let leader = super::leaders::compare(&self.rules.leaders, ta, tb, self.country.as_deref());
        let verdict =
            match leader.unwrap_or_else(|| compare_titles(&self.rules.office_index, ta, tb)) {
                Verdict::Unrelated
                    if super::leaders::same_office(
                        &self.rules.leaders,
                        ta,
                        tb,
                        self.country.as_deref(),
                    ) =>
                {
                    Verdict::Compatible("one leadership office".into())
                }
                v => v,
            };
        let (kind, reason) = match verdict {
            Verdict::Agree => (EdgeKind::Agree, "same office".to_string()),
            Verdict::Compatible(r) => (EdgeKind::Compatible, r),
            Verdict::Conflict(r) => (EdgeKind::Conflict, r),
            Verdict::Unrelated => return,
        };
        if kind == EdgeKind::Conflict {
            // A conflict needs two sources close enough in time.
            if let Some((x, y)) =
                conflicting_pair(self.claims, self.published, ma, mb, self.within_days)
            {
                out.push(edge(self.index, x, y, kind, reason));
            }
            return;
        }
        out.push(edge(self.index, first_a, first_b, kind, reason));
    }

    /// `compare: exact`: distinct values conflict. Each value is compared
    /// with the one most documents give (a star, not all pairs: the sides
    /// are the values either way).
    fn compare_exact(&self, classes: &[(&ValueClass, &Vec<ClaimId>)], out: &mut Vec<Comparison>) {
        let docs = |ids: &[ClaimId]| {
            ids.iter()
                .map(|&c| self.claims[c].doc)
                .collect::<BTreeSet<_>>()
                .len()
        };
        let Some(top) =
            (0..classes.len()).max_by_key(|&k| (docs(classes[k].1), std::cmp::Reverse(k)))
        else {
            return;
        };
        for (k, &(c, m)) in classes.iter().enumerate() {
            if k == top {
                continue;
            }
            let (first, second) = if k < top {
                ((c, m), classes[top])
            } else {
                (classes[top], (c, m))
            };
            let reason = format!("{} vs {}", first.0.text, second.0.text);
            if let Some((x, y)) = conflicting_pair(
                self.claims,
                self.published,
                first.1,
                second.1,
                self.within_days,
            ) {
                out.push(edge(self.index, x, y, EdgeKind::Conflict, reason));
            }
        }
    }
}

/// Two claims, one from each side, in different documents and (with
/// `within_days`) published at most that many days apart — or undated:
/// the first claim of `a` that has such a partner, with its first partner
/// in `b`. One article naming two roles of a person is not a disagreement
/// between sources, and titles months apart may be a promotion or a new
/// post. Near-linear: `b` is indexed by date once (see [`Partners`]).
/// Are claims `x` and `y` from two documents published within
/// `within_days` of each other (any two when the window or a date is
/// unknown)? The pairs a check with a window compares.
pub(super) fn published_close(
    claims: &[Claim],
    published: &Published,
    within_days: Option<u32>,
    x: ClaimId,
    y: ClaimId,
) -> bool {
    let day = |c: ClaimId| published.get(claims[c].doc).copied().flatten();
    claims[x].doc != claims[y].doc
        && match (within_days, day(x), day(y)) {
            (Some(n), Some(a), Some(b)) => (a - b).get_days().unsigned_abs() <= n,
            _ => true,
        }
}

pub(super) fn conflicting_pair(
    claims: &[Claim],
    published: &Published,
    a: &[ClaimId],
    b: &[ClaimId],
    within_days: Option<u32>,
) -> Option<(ClaimId, ClaimId)> {
    let date = |c: ClaimId| published.get(claims[c].doc).copied().flatten();
    let dated: Option<&dyn Fn(ClaimId) -> Option<jiff::civil::Date>> =
        within_days.map(|_| &date as &dyn Fn(ClaimId) -> Option<jiff::civil::Date>);
    let partners = Partners::new(claims, b, dated);
    a.iter().find_map(|&x| {
        let window = within_days.zip(date(x));
        partners.first(claims[x].doc, window).map(|k| (x, b[k]))
    })
}

/// Best two entries (position in `b`, document) with different documents,
/// lowest position first.
type Best2 = [Option<(usize, usize)>; 2];

fn merge(x: Best2, y: Best2) -> Best2 {
    let mut best: Best2 = [None, None];
    for e in x.into_iter().chain(y).flatten() {
        match best {
            [None, _] => best[0] = Some(e),
            [Some(f), _] if e.0 < f.0 => {
                // The old first stays as second when its document differs.
                let second = if f.1 != e.1 { Some(f) } else { best[1] };
                best = [Some(e), second.filter(|s| s.1 != e.1)];
            }
            [Some(f), None] if e.1 != f.1 => best[1] = Some(e),
            [Some(f), Some(s)] if e.1 != f.1 && e.0 < s.0 => best[1] = Some(e),
            _ => {}
        }
    }
    best
}

/// The claims of one side, indexed to answer "the first claim (in side
/// order) from another document, published within a window" in O(log n):
/// undated claims are close to everything; dated ones sit in a segment
/// tree over their dates holding each range's best two.
struct Partners {
    undated: Best2,
    dates: Vec<jiff::civil::Date>,
    tree: Vec<Best2>,
    size: usize,
}

impl Partners {
    fn new(
        claims: &[Claim],
        side: &[ClaimId],
        date: Option<&dyn Fn(ClaimId) -> Option<jiff::civil::Date>>,
    ) -> Partners {
        let mut undated: Best2 = [None, None];
        let mut dated: Vec<(jiff::civil::Date, usize, usize)> = Vec::new();
        for (k, &c) in side.iter().enumerate() {
            let doc = claims[c].doc;
            match date.and_then(|d| d(c)) {
                Some(day) => dated.push((day, k, doc)),
                None => undated = merge(undated, [Some((k, doc)), None]),
            }
        }
        dated.sort_unstable();
        // One leaf per day, holding the day's best two: a window takes
        // whole days, and `merge` of best twos is the best two of the
        // union. A much-covered person's 150,000 claims made a tree of
        // 2^18 leaves; a year of days makes 512.
        let mut days: Vec<(jiff::civil::Date, Best2)> = Vec::new();
        for &(day, k, doc) in &dated {
            match days.last_mut() {
                Some((d, best)) if *d == day => *best = merge(*best, [Some((k, doc)), None]),
                _ => days.push((day, [Some((k, doc)), None])),
            }
        }
        let size = days.len().next_power_of_two();
        let mut tree = vec![[None, None]; 2 * size];
        for (i, &(_, best)) in days.iter().enumerate() {
            tree[size + i] = best;
        }
        for i in (1..size).rev() {
            tree[i] = merge(tree[2 * i], tree[2 * i + 1]);
        }
        Partners {
            undated,
            dates: days.iter().map(|d| d.0).collect(),
            tree,
            size,
        }
    }

    /// Position of the first claim not in `doc` and, with a window (days,
    /// date), published within it.
    fn first(&self, doc: usize, window: Option<(u32, jiff::civil::Date)>) -> Option<usize> {
        let (lo, hi) = match window {
            Some((days, day)) => {
                let span = jiff::Span::new().days(i64::from(days));
                let from = day.checked_sub(span).unwrap_or(jiff::civil::Date::MIN);
                let to = day.checked_add(span).unwrap_or(jiff::civil::Date::MAX);
                (
                    self.dates.partition_point(|d| *d < from),
                    self.dates.partition_point(|d| *d <= to),
                )
            }
            None => (0, self.dates.len()),
        };
        let best = merge(self.undated, self.range(lo, hi));
        best.into_iter().flatten().find(|e| e.1 != doc).map(|e| e.0)
    }

    /// Best two over dated entries `lo..hi`.
    fn range(&self, lo: usize, hi: usize) -> Best2 {
        let mut acc: Best2 = [None, None];
        let (mut l, mut r) = (lo + self.size, hi + self.size);
        while l < r {
            if l & 1 == 1 {
                acc = merge(acc, self.tree[l]);
                l += 1;
            }
            if r & 1 == 1 {
                r -= 1;
                acc = merge(acc, self.tree[r]);
            }
            l /= 2;
            r /= 2;
        }
        acc
    }
}

fn edge(check: usize, a: ClaimId, b: ClaimId, kind: EdgeKind, reason: String) -> Comparison {
    Comparison {
        check,
        a,
        b,
        kind,
        reason: reason.into(),
    }
}

/// Claims with equal classes say the same thing. The title is the
/// claim's own (borrowed: no copy per claim); only a group's key, whose
/// qualifiers are dropped, owns one.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
struct ValueClass<'c> {
    title: Cow<'c, NormTitle>,
    text: String,
}

impl<'c> ValueClass<'c> {
    fn of(c: &'c Claim, compare: Compare) -> ValueClass<'c> {
        let text = match compare {
            Compare::Exact | Compare::Slot => c.value.to_lowercase(),
            Compare::Title => String::new(),
        };
        ValueClass {
            title: Cow::Borrowed(&c.title),
            text,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claim::ClaimKind;
    use crate::source::Span;

    fn claim(doc: usize) -> Claim {
        Claim {
            doc,
            span: Span::new(0, 1),
            kind: ClaimKind::Title,
            subject: "Jane Roe".into(),
            document_subject: "Jane Roe".into(),
            subject_key: "jane roe".into(),
            subject_resolved: true,
            value: Default::default(),
            value_span: Span::new(0, 1),
            title: NormTitle::none().into(),
            pattern: "premodifier",
            facts: None,
            at: Default::default(),
        }
    }

    /// The all-pairs search `conflicting_pair` replaces.
    fn naive(
        claims: &[Claim],
        published: &Published,
        a: &[ClaimId],
        b: &[ClaimId],
        within_days: Option<u32>,
    ) -> Option<(ClaimId, ClaimId)> {
        let close = |x: ClaimId, y: ClaimId| {
            let (dx, dy) = (claims[x].doc, claims[y].doc);
            dx != dy
                && match (within_days, published[dx], published[dy]) {
                    (Some(days), Some(px), Some(py)) => (px - py).get_days().unsigned_abs() <= days,
                    _ => true,
                }
        };
        a.iter()
            .find_map(|&x| b.iter().find(|&&y| close(x, y)).map(|&y| (x, y)))
    }

    #[test]
    fn conflicting_pair_is_the_all_pairs_answer() {
        let mut seed = 7u64;
        let mut next = |n: u64| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
            ((seed >> 33) % n) as usize
        };
        for round in 0..300 {
            let docs = 1 + next(6);
            let published: Vec<Option<jiff::civil::Date>> = (0..docs)
                .map(|_| {
                    (next(4) > 0).then(|| {
                        jiff::civil::date(1987, 3, 1) + jiff::Span::new().days(next(30) as i64)
                    })
                })
                .collect();
            let claims: Vec<Claim> = (0..2 + next(12))
                .map(|_| claim(next(docs as u64)))
                .collect();
            let split = 1 + next(claims.len() as u64 - 1);
            let mut ids: Vec<ClaimId> = (0..claims.len()).collect();
            ids.rotate_left(next(claims.len() as u64));
            let (a, b) = ids.split_at(split);
            let within = [None, Some(0), Some(3), Some(7)][round % 4];
            assert_eq!(
                conflicting_pair(&claims, &published, a, b, within),
                naive(&claims, &published, a, b, within),
                "round {round}"
            );
        }
    }
}
