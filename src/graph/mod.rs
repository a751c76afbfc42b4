//! The conflict graph: claims as nodes, agree / compatible / conflict
//! edges carrying the check and the reason.
//!
//! petgraph stays behind [`ConflictGraph`]: checks and reports speak in
//! [`ClaimId`]s and [`Comparison`]s only. Components are found with a
//! union-find; within a component, *sides* are the groups of claims that
//! can all be true together (joined by agree, then compatible edges, never
//! across a conflict). The side with the most documents is the majority.

use std::collections::{BTreeMap, BTreeSet};

use petgraph::graph::{NodeIndex, UnGraph};
use petgraph::unionfind::UnionFind;
use petgraph::visit::EdgeRef;

use crate::checks::{Comparison, EdgeKind, Reason};
use crate::claim::ClaimId;

/// An edge's payload.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edge {
    pub check: usize,
    pub kind: EdgeKind,
    pub reason: Reason,
}

/// FxHash (`rustc-hash`) for the graph's sets, whose keys are small
/// integers it makes: SipHash's resistance to chosen keys buys nothing here
/// and cost a fifth of building a hub's graph (issue 19). No set of this
/// module is iterated, so the hash never shows in output.
type IdSet<K> = rustc_hash::FxHashSet<K>;

/// One graph per check: a check's edges never mix with another's, so
/// two checks over the same claims give two findings, not one.
#[derive(Debug, Default)]
pub struct ConflictGraph {
    by_check: BTreeMap<usize, CheckGraph>,
}

#[derive(Debug, Default)]
struct CheckGraph {
    /// Nodes in claim order (node `i` is the `i`th smallest claim), edges
    /// by (a, b): built from the check's comparisons at once, so a claim's
    /// node and a pair's edge are found by sorting, not by hash maps whose
    /// look-ups missed the cache on every comparison of a much-covered
    /// person (issue 19).
    graph: UnGraph<ClaimId, Edge>,
}
/// A connected group of claims about one subject and relation.
#[derive(Debug, Clone)]
pub struct Component {
    /// Sides, largest first; each a sorted list of claims.
    pub sides: Vec<Vec<ClaimId>>,
    /// Conflict edges in the component: (a, b, check, reason).
    pub conflicts: Vec<(ClaimId, ClaimId, usize, String)>,
    pub edges: Vec<(ClaimId, ClaimId, Edge)>,
}

impl Component {
    pub fn claims(&self) -> impl Iterator<Item = ClaimId> + '_ {
        self.sides.iter().flatten().copied()
    }
}

impl ConflictGraph {
    /// Builds the graph from the checks' comparisons. Two comparisons of
    /// one pair under one check make one edge with the later payload (the
    /// first version updated the edge in place).
    pub fn build(comparisons: &[Comparison]) -> ConflictGraph {
        let mut by_check: BTreeMap<usize, Vec<&Comparison>> = BTreeMap::new();
        for c in comparisons {
            by_check.entry(c.check).or_default().push(c);
        }
        ConflictGraph {
            by_check: by_check
                .into_iter()
                .map(|(check, cs)| (check, CheckGraph::build(cs)))
                .collect(),
        }
    }

    /// Claims that take part in at least one comparison.
    pub fn node_count(&self) -> usize {
        let all: BTreeSet<ClaimId> = self
            .by_check
            .values()
            .flat_map(|g| g.graph.node_weights().copied())
            .collect();
        all.len()
    }

    /// Every edge as (a, b, payload), a < b, sorted by check then claims.
    pub fn edges(&self) -> Vec<(ClaimId, ClaimId, Edge)> {
        self.by_check.values().flat_map(CheckGraph::edges).collect()
    }

    /// Connected components of every check, each split into sides; sorted
    /// by check, then first claim. `docs_of` tells which document a claim
    /// is in (majority counts documents, not mentions).
    pub fn components(&self, docs_of: &dyn Fn(ClaimId) -> usize) -> Vec<Component> {
        self.by_check
            .values()
            .flat_map(|g| g.components(docs_of, false))
            .collect()
    }

    /// [`components`](Self::components) with at least one conflict edge:
    /// the only ones a report shows. Components of claims that all agree
    /// (nearly every one in a large run) are never built: their sides and
    /// copied edges were a fifth of the check's peak memory (issue 19).
    pub fn conflicting_components(&self, docs_of: &dyn Fn(ClaimId) -> usize) -> Vec<Component> {
        self.by_check
            .values()
            .flat_map(|g| g.components(docs_of, true))
            .collect()
    }

    /// Graphviz DOT; `label` names a claim.
    pub fn to_dot(&self, label: &dyn Fn(ClaimId) -> String) -> String {
        let mut out = String::from("graph claims {\n  node [shape=box, fontname=\"Helvetica\"];\n");
        let nodes: BTreeSet<ClaimId> = self
            .by_check
            .values()
            .flat_map(|g| g.graph.node_weights().copied())
            .collect();
        for n in nodes {
            out.push_str(&format!("  c{n} [label=\"{}\"];\n", dot_escape(&label(n))));
        }
        for (a, b, e) in self.edges() {
            let style = match e.kind {
                EdgeKind::Agree => "color=darkgreen",
                EdgeKind::Compatible => "color=darkgreen, style=dashed",
                EdgeKind::Conflict => "color=red, penwidth=2",
            };
            out.push_str(&format!(
                "  c{a} -- c{b} [label=\"{}: {}\", {style}];\n",
                e.kind.as_str(),
                dot_escape(&e.reason)
            ));
        }
        out.push_str("}\n");
        out
    }
}

impl CheckGraph {
    /// One check's graph from its comparisons, in order.
    fn build(comparisons: Vec<&Comparison>) -> CheckGraph {
        // Each pair (lower claim first) once: the last comparison of it.
        let mut pairs: Vec<(ClaimId, ClaimId, usize)> = comparisons
            .iter()
            .enumerate()
            .map(|(i, c)| (c.a.min(c.b), c.a.max(c.b), i))
            .collect();
        pairs.sort_unstable();
        pairs.dedup_by(|later, earlier| {
            let same = (later.0, later.1) == (earlier.0, earlier.1);
            if same {
                earlier.2 = later.2;
            }
            same
        });
        let mut claims: Vec<ClaimId> = pairs.iter().flat_map(|p| [p.0, p.1]).collect();
        claims.sort_unstable();
        claims.dedup();
        let index = Positions::of(&claims);
        let mut graph = UnGraph::with_capacity(claims.len(), pairs.len());
        for &c in &claims {
            graph.add_node(c);
        }
        for (a, b, i) in pairs {
            let c = comparisons[i];
            graph.add_edge(
                NodeIndex::new(index.of_claim(a)),
                NodeIndex::new(index.of_claim(b)),
                Edge {
                    check: c.check,
                    kind: c.kind,
                    reason: c.reason.clone(),
                },
            );
        }
        CheckGraph { graph }
    }

    /// Edges as (a, b, payload), a < b, by (a, b): the order they were
    /// added in.
    fn edges(&self) -> Vec<(ClaimId, ClaimId, Edge)> {
        self.graph
            .edge_references()
            .map(|e| {
                let (a, b) = (self.graph[e.source()], self.graph[e.target()]);
                (a.min(b), a.max(b), e.weight().clone())
            })
            .collect()
    }

    /// Connected components, each split into sides; with
    /// `only_conflicting`, those without a conflict edge are skipped.
    fn components(
        &self,
        docs_of: &dyn Fn(ClaimId) -> usize,
        only_conflicting: bool,
    ) -> Vec<Component> {
        let n = self.graph.node_count();
        let mut uf = UnionFind::<usize>::new(n);
        for e in self.graph.edge_references() {
            uf.union(e.source().index(), e.target().index());
        }
        let roots: Vec<usize> = (0..n).map(|i| uf.find(i)).collect();
        let mut wanted = vec![!only_conflicting; n];
        for e in self.graph.edge_references() {
            if e.weight().kind == EdgeKind::Conflict {
                wanted[roots[e.source().index()]] = true;
            }
        }
        // Components numbered by their smallest claim (nodes are in claim
        // order), each with its claims and edges in order.
        const SKIPPED: usize = usize::MAX;
        let mut number: Vec<usize> = vec![SKIPPED; n];
        let mut members: Vec<Vec<ClaimId>> = Vec::new();
        let mut at: Vec<usize> = Vec::with_capacity(n);
        for idx in self.graph.node_indices() {
            let root = roots[idx.index()];
            if wanted[root] && number[root] == SKIPPED {
                number[root] = members.len();
                members.push(Vec::new());
            }
            let k = number[root];
            at.push(k);
            if k != SKIPPED {
                members[k].push(self.graph[idx]);
            }
        }
        // Sized first: a hub's component holds every edge of the check.
        let mut counts = vec![0usize; members.len()];
        for e in self.graph.edge_references() {
            if let Some(count) = counts.get_mut(at[e.source().index()]) {
                *count += 1;
            }
        }
        let mut edges: Vec<Vec<(ClaimId, ClaimId, Edge)>> =
            counts.into_iter().map(Vec::with_capacity).collect();
        for e in self.graph.edge_references() {
            if let Some(component) = edges.get_mut(at[e.source().index()]) {
                let (a, b) = (self.graph[e.source()], self.graph[e.target()]);
                component.push((a.min(b), a.max(b), e.weight().clone()));
            }
        }
        members
            .into_iter()
            .zip(edges)
            .map(|(claims, edges)| sides_of(claims, edges, docs_of))
            .collect()
    }
}

/// Where each of a sorted list of distinct claims is: a table over the
/// claims' range when they are dense in it, else a binary search.
enum Positions<'c> {
    Table { first: ClaimId, at: Vec<u32> },
    Search(&'c [ClaimId]),
}

impl<'c> Positions<'c> {
    fn of(sorted: &'c [ClaimId]) -> Positions<'c> {
        match (sorted.first(), sorted.last()) {
            (Some(&first), Some(&last))
                if last - first < 8 * sorted.len() && sorted.len() < u32::MAX as usize =>
            {
                let mut at = vec![u32::MAX; last - first + 1];
                for (i, &c) in sorted.iter().enumerate() {
                    at[c - first] = i as u32;
                }
                Positions::Table { first, at }
            }
            _ => Positions::Search(sorted),
        }
    }

    /// The position of a claim of the list.
    fn of_claim(&self, c: ClaimId) -> usize {
        match self {
            Positions::Table { first, at } => at[c - first] as usize,
            Positions::Search(sorted) => sorted.binary_search(&c).unwrap_or(0),
        }
    }
}

fn dot_escape(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

/// Splits a component into sides: union along agree edges, then along
/// compatible edges, refusing any union that would put a conflicting pair
/// on one side.
fn sides_of(
    claims: Vec<ClaimId>,
    edges: Vec<(ClaimId, ClaimId, Edge)>,
    docs_of: &dyn Fn(ClaimId) -> usize,
) -> Component {
    let pos = Positions::of(&claims);
    let pos = |c: ClaimId| pos.of_claim(c);
    let mut uf = UnionFind::<usize>::new(claims.len());
    // For each set's root, the roots of the sets it has a conflict with:
    // a union is refused in O(1), and merging moves the smaller list.
    let mut clashes: Vec<IdSet<usize>> = vec![IdSet::default(); claims.len()];
    for e in edges.iter().filter(|e| e.2.kind == EdgeKind::Conflict) {
        let (x, y) = (pos(e.0), pos(e.1));
        clashes[x].insert(y);
        clashes[y].insert(x);
    }
    for kind in [EdgeKind::Agree, EdgeKind::Compatible] {
        for e in edges.iter().filter(|e| e.2.kind == kind) {
            let (a, b) = (pos(e.0), pos(e.1));
            let (ra, rb) = (uf.find(a), uf.find(b));
            if ra == rb || clashes[ra].contains(&rb) {
                continue;
            }
            uf.union(a, b);
            let root = uf.find(a);
            let gone = if root == ra { rb } else { ra };
            for other in std::mem::take(&mut clashes[gone]) {
                clashes[other].remove(&gone);
                clashes[other].insert(root);
                clashes[root].insert(other);
            }
        }
    }
    let mut sides: BTreeMap<usize, Vec<ClaimId>> = BTreeMap::new();
    for (i, &c) in claims.iter().enumerate() {
        sides.entry(uf.find(i)).or_default().push(c);
    }
    let mut sides: Vec<Vec<ClaimId>> = sides.into_values().collect();
    // Most documents first, then most claims, then earliest claim.
    // Keyed once per side (the key counts the side's documents).
    sides.sort_by_cached_key(|s| {
        let mut docs: Vec<usize> = s.iter().map(|&c| docs_of(c)).collect();
        docs.sort_unstable();
        docs.dedup();
        (
            std::cmp::Reverse(docs.len()),
            std::cmp::Reverse(s.len()),
            s[0],
        )
    });
    let conflicts = edges
        .iter()
        .filter(|e| e.2.kind == EdgeKind::Conflict)
        .map(|e| (e.0, e.1, e.2.check, e.2.reason.to_string()))
        .collect();
    Component {
        sides,
        conflicts,
        edges,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cmp(a: ClaimId, b: ClaimId, kind: EdgeKind) -> Comparison {
        Comparison {
            check: 0,
            a,
            b,
            kind,
            reason: Reason::Borrowed(""),
        }
    }

    #[test]
    fn descriptions_join_the_majority_and_the_outlier_stands_alone() {
        // 0, 1 describe the office 2 names; 3 has another rank.
        let g = ConflictGraph::build(&[
            cmp(0, 2, EdgeKind::Compatible),
            cmp(1, 2, EdgeKind::Compatible),
            cmp(0, 1, EdgeKind::Compatible),
            cmp(2, 3, EdgeKind::Conflict),
            cmp(0, 3, EdgeKind::Conflict),
        ]);
        let comps = g.components(&|c| c);
        assert_eq!(comps.len(), 1);
        assert_eq!(comps[0].sides, vec![vec![0, 1, 2], vec![3]]);
        assert_eq!(comps[0].conflicts.len(), 2);
    }

    #[test]
    fn a_bridge_compatible_with_both_sides_does_not_merge_them() {
        // 0 is compatible with 1 and 2, which conflict.
        let g = ConflictGraph::build(&[
            cmp(1, 2, EdgeKind::Conflict),
            cmp(0, 1, EdgeKind::Compatible),
            cmp(0, 2, EdgeKind::Compatible),
        ]);
        let comps = g.components(&|c| c);
        assert_eq!(comps[0].sides.len(), 2);
    }

    #[test]
    fn separate_subjects_are_separate_components() {
        let g = ConflictGraph::build(&[cmp(0, 1, EdgeKind::Agree), cmp(2, 3, EdgeKind::Conflict)]);
        assert_eq!(g.components(&|c| c).len(), 2);
    }

    #[test]
    fn conflicting_components_are_the_components_with_a_conflict() {
        let g = ConflictGraph::build(&[
            cmp(0, 1, EdgeKind::Agree),
            cmp(2, 3, EdgeKind::Agree),
            cmp(3, 4, EdgeKind::Conflict),
            cmp(5, 6, EdgeKind::Compatible),
            cmp(7, 8, EdgeKind::Conflict),
        ]);
        let conflicting = g.conflicting_components(&|c| c);
        let with_conflict: Vec<Component> = g
            .components(&|c| c)
            .into_iter()
            .filter(|c| !c.conflicts.is_empty())
            .collect();
        assert_eq!(conflicting.len(), 2);
        for (x, y) in conflicting.iter().zip(&with_conflict) {
            assert_eq!(x.sides, y.sides);
            assert_eq!(x.conflicts, y.conflicts);
            assert_eq!(x.edges.len(), y.edges.len());
        }
        assert_eq!(conflicting[0].sides, vec![vec![2, 3], vec![4]]);
    }

    /// The sides the first version found: every union checks every
    /// conflict (quadratic, obviously right).
    use std::collections::HashMap;

    fn naive_sides(
        claims: &[ClaimId],
        edges: &[(ClaimId, ClaimId, Edge)],
    ) -> Vec<BTreeSet<ClaimId>> {
        let pos: HashMap<ClaimId, usize> =
            claims.iter().enumerate().map(|(i, &c)| (c, i)).collect();
        let mut uf = UnionFind::<usize>::new(claims.len());
        let conflicts: Vec<(usize, usize)> = edges
            .iter()
            .filter(|e| e.2.kind == EdgeKind::Conflict)
            .map(|e| (pos[&e.0], pos[&e.1]))
            .collect();
        for kind in [EdgeKind::Agree, EdgeKind::Compatible] {
            for e in edges.iter().filter(|e| e.2.kind == kind) {
                let (a, b) = (pos[&e.0], pos[&e.1]);
                let (ra, rb) = (uf.find(a), uf.find(b));
                let clash = conflicts.iter().any(|&(x, y)| {
                    let (fx, fy) = (uf.find(x), uf.find(y));
                    (fx == ra && fy == rb) || (fx == rb && fy == ra)
                });
                if ra != rb && !clash {
                    uf.union(a, b);
                }
            }
        }
        let mut sides: BTreeMap<usize, BTreeSet<ClaimId>> = BTreeMap::new();
        for (i, &c) in claims.iter().enumerate() {
            sides.entry(uf.find(i)).or_default().insert(c);
        }
        sides.into_values().collect()
    }

    #[test]
    fn sides_match_the_all_conflicts_search_on_random_graphs() {
        // A fixed linear congruential sequence: reproducible, no dependency.
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = |n: u64| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1);
            (state >> 33) % n
        };
        for _ in 0..300 {
            let n = 2 + next(12) as usize;
            let claims: Vec<ClaimId> = (0..n).collect();
            let mut edges = Vec::new();
            for a in 0..n {
                for b in a + 1..n {
                    let kind = match next(5) {
                        0 => EdgeKind::Conflict,
                        1 => EdgeKind::Agree,
                        2 => EdgeKind::Compatible,
                        _ => continue,
                    };
                    let edge = Edge {
                        check: 0,
                        kind,
                        reason: Reason::Borrowed(""),
                    };
                    edges.push((a, b, edge));
                }
            }
            let mut fast: Vec<BTreeSet<ClaimId>> = sides_of(claims.clone(), edges.clone(), &|c| c)
                .sides
                .into_iter()
                .map(|s| s.into_iter().collect())
                .collect();
            let mut slow = naive_sides(&claims, &edges);
            fast.sort();
            slow.sort();
            assert_eq!(fast, slow, "{edges:?}");
        }
    }
}
