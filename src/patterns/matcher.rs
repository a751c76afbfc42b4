//! Runs compiled patterns over a sentence's tokens.
//!
//! Each item is tried once per position with nom-like (PEG) semantics; a
//! non-terminal calls the grammar's own production (`person_name`,
//! `title`, the date scanner's mentions, organisation aliases), so a
//! pattern reads text exactly as the built-in productions do.

use super::{Matcher, Pattern};
use crate::grammar::lexicon::bits;
use crate::grammar::name::{is_name_word, may_start_name, person_name};
use crate::grammar::title::{known_org_len, title, Context, Role, Title};
use crate::grammar::token::{Token, TokenKind};
use crate::grammar::Lexicon;
use crate::normalize::title::normalize;
use crate::rules::{Item, NonTerminal, PatternRelation, Seq};
use crate::source::Span;

/// What one match captured (absolute byte spans).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PatternMatch {
    pub pattern: usize,
    pub span: Span,
    pub person: Option<Span>,
    pub title: Option<(Span, crate::grammar::TitleParts, usize)>,
    pub place: Option<Span>,
    pub org: Option<Span>,
    /// Index into the sentence's date spans.
    pub date: Option<usize>,
    pub number: Option<Span>,
    pub duration: Option<Span>,
    pub distance: Option<Span>,
    pub venue: Option<Span>,
    pub bearing: Option<Span>,
    /// Captures into named slots (`<person:other>`), in text order; a slot
    /// named twice (`<person:participants>` on both sides of "met") has
    /// one capture each time.
    pub named: Vec<NamedCapture>,
}

/// A capture into a named slot: its span, and for a date its index into
/// the sentence's date spans.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamedCapture {
    pub slot: String,
    pub span: Span,
    pub date: Option<usize>,
    /// The kind of the non-terminal that captured it (`person`, `place`…).
    pub kind: &'static str,
}

/// One capture: slot, span (`None` for an unnamed date: its date
/// claim's), date index, and the capturing non-terminal's kind.
pub type Capture<'m> = (&'m str, Option<Span>, Option<usize>, &'static str);

impl PatternMatch {
    /// Every capture as (slot, span, date index, kind of the capturing
    /// non-terminal): the unnamed non-terminals under their default
    /// slots, then the named ones. An unnamed date has no span here (it is
    /// the date claim's).
    pub fn captures(&self) -> impl Iterator<Item = Capture<'_>> + '_ {
        let unnamed = [
            (NonTerminal::Person, self.person),
            (NonTerminal::Title, self.title.as_ref().map(|t| t.0)),
            (NonTerminal::Place, self.place),
            (NonTerminal::Org, self.org),
            (NonTerminal::Number, self.number),
            (NonTerminal::Duration, self.duration),
            (NonTerminal::Distance, self.distance),
            (NonTerminal::Venue, self.venue),
            (NonTerminal::Bearing, self.bearing),
        ];
        unnamed
            .into_iter()
            .filter_map(|(nt, span)| Some((nt.default_slot(), Some(span?), None, nt.kind())))
            .chain(self.date.map(|d| {
                let nt = NonTerminal::Date;
                (nt.default_slot(), None, Some(d), nt.kind())
            }))
            .chain(
                self.named
                    .iter()
                    .map(|c| (c.slot.as_str(), Some(c.span), c.date, c.kind)),
            )
    }

    /// Whether `slot` was captured, by a named or an unnamed non-terminal.
    pub fn has(&self, slot: &str) -> bool {
        self.captures().any(|(s, ..)| s == slot)
    }

    /// The span captured into `slot` (its first capture).
    pub fn span_of(&self, slot: &str) -> Option<Span> {
        self.captures()
            .find(|(s, ..)| *s == slot)
            .and_then(|(_, span, ..)| span)
    }
}

/// A cached `<person>` parse: the position tried, and where the name
/// ended and its span (`None` when no name starts there).
type PersonAt = (usize, Option<(usize, Span)>);

struct Ctx<'r, 't, 'a> {
    m: Matcher<'r>,
    lx: &'r Lexicon,
    tokens: &'t [Token<'a>],
    dates: &'r [Span],
    /// The pattern being tried is of a declared relation: its `<number>`
    /// reads a hedge with the figure ("more than 40"). The built-in
    /// relations' patterns read the figure alone, as they always have.
    hedged: std::cell::Cell<bool>,
    /// The last `<person>` parse: (position, end of the name). Every
    /// shipped pattern starts with `<person>`, so each position is tried
    /// once per pattern; the parse is the same each time.
    person_at: std::cell::Cell<Option<PersonAt>>,
    /// The tokens that are facility words ([`FACILITY_LAST`]), in text
    /// order, as the start index read them with the sentence's other words
    /// (`None`: not read; scanned for at each `<venue>`).
    facilities: Option<&'r [usize]>,
}

impl Ctx<'_, '_, '_> {
    /// `person_name` at `pos`: the position after the name and its span.
    fn person(&self, pos: usize) -> Option<(usize, Span)> {
        // Most tokens are lower-case words or punctuation: no name, and no
        // parse to cache.
        if !self.tokens.get(pos).is_some_and(may_start_name) {
            return None;
        }
        if let Some((at, found)) = self.person_at.get() {
            if at == pos {
                return found;
            }
        }
        let found = self
            .tokens
            .get(pos..)
            .filter(|r| !r.is_empty())
            .and_then(|rest| person_name(self.lx, rest).ok())
            .map(|(after, name)| (self.tokens.len() - after.len(), span_of(name)));
        self.person_at.set(Some((pos, found)));
        found
    }
}

/// A word of [`FACILITY_LAST`] as written (compared ignoring ASCII case,
/// no lower-casing).
fn is_facility_last(t: &Token<'_>) -> bool {
    FACILITY_LAST
        .iter()
        .any(|w| w.len() == t.text.len() && t.text.eq_ignore_ascii_case(w))
}

/// An alternative made of literals only captures nothing, so it can be
/// tried without a scratch copy of the captures.
fn captures_nothing(s: &Seq) -> bool {
    s.iter().all(|i| matches!(i, Item::Literal(_)))
}

/// All matches of all patterns in one sentence, left to right; a match
/// consumes its tokens, so matches never overlap.
pub fn find(m: Matcher<'_>, tokens: &[Token<'_>], dates: &[Span]) -> Vec<PatternMatch> {
    if m.patterns.is_empty() {
        return Vec::new();
    }
    // The tokens carry their pattern words when the lexicon that
    // annotated them was given this index's words.
    let annotated = m.starts.id != 0 && m.lexicon.pattern_index() == m.starts.id;
    let pruning = Pruning::of_sentence(m.starts, tokens, dates, annotated);
    find_pruned(m, tokens, dates, &pruning)
}

/// Where patterns need not be tried in a sentence, because they could
/// only fail there. A failed pattern consumes nothing and captures
/// nothing, so not trying it changes no match.
///
/// - A usable match needs, at or after its start, a `<date>` for an event
///   and a `<number>` for a figure: those patterns are not tried past the
///   last date or number (in a sentence without dates, event patterns are
///   never tried).
/// - A pattern that starts with `<person>`, `<number>` or one of a few
///   words ("[the] (talks|meeting) lasted") is tried only at the tokens
///   that can start it ([`StartIndex`]).
#[derive(Debug)]
struct Pruning<'p> {
    /// Index of the last token a date span starts at.
    last_date: Option<usize>,
    /// Index of the last token a figure may start at (a digit or a
    /// number word).
    last_number: Option<usize>,
    /// Which patterns may start at a token, and the sentence's words as
    /// it reads them; `None`: every pattern everywhere.
    starts: Option<(&'p StartIndex, SentenceWords)>,
}

impl<'p> Pruning<'p> {
    fn of_sentence(
        starts: &'p StartIndex,
        tokens: &[Token<'_>],
        dates: &[Span],
        annotated: bool,
    ) -> Pruning<'p> {
        // Tokens are in text order: find each date's first token by its start.
        let last_date = dates
            .iter()
            .filter_map(|d| tokens.binary_search_by_key(&d.start, |t| t.start).ok())
            .max();
        let sentence = starts.read_sentence(tokens, annotated);
        // A figure may be written in words ("two reporters", "a few"):
        // the last token a `<number>` may start on, not the last digit;
        // looked for only when a pattern that needs one may match.
        let last_number = if sentence.needs_number {
            tokens.iter().rposition(crate::grammar::quantity::may_start)
        } else {
            None
        };
        Pruning {
            last_date,
            last_number,
            starts: Some((starts, sentence)),
        }
    }

    /// No pruning: every pattern is tried everywhere (the reference the
    /// pruned search must agree with).
    #[cfg(test)]
    fn none() -> Pruning<'static> {
        Pruning {
            last_date: Some(usize::MAX),
            last_number: Some(usize::MAX),
            starts: None,
        }
    }

    /// The last position a usable match of `p` may start at (`None`:
    /// nowhere).
    fn last_start(&self, p: &Pattern) -> Option<usize> {
        self.last_start_of(needs_class(p))
    }

    /// [`Pruning::last_start`] of the patterns of a [`needs_class`].
    fn last_start_of(&self, class: usize) -> Option<usize> {
        match class {
            NEEDS_BOTH => self.last_date.min(self.last_number),
            NEEDS_DATE => self.last_date,
            NEEDS_NUMBER => self.last_number,
            _ => Some(usize::MAX),
        }
    }

    /// The last position any pattern may start at: the latest
    /// [`Pruning::last_start`] of a viable pattern, read per class of
    /// patterns (what a pattern needs decides it) rather than per pattern.
    fn last_of_all(&self, patterns: &[Pattern]) -> Option<usize> {
        match &self.starts {
            Some((starts, sentence)) => (0..4)
                .filter(|&class| {
                    starts.needs[class]
                        .iter()
                        .zip(&sentence.viable)
                        .any(|(p, v)| p & v != 0)
                })
                .filter_map(|class| self.last_start_of(class))
                .max(),
            None => patterns.iter().filter_map(|p| self.last_start(p)).max(),
        }
    }

    /// May a usable match of `p` start at `pos`?
    fn allows(&self, p: &Pattern, pos: usize) -> bool {
        self.last_start(p).is_some_and(|last| pos <= last)
    }

    /// The patterns that may start at token `pos`: of the `count`
    /// patterns, those numbered `64 * word` to `64 * word + 63`, one bit
    /// each (rule order is bit order).
    /// All words of them at once into `out` (one word per element), so
    /// the token is classified once. False when there are none (`out` is
    /// then not written).
    fn candidates(
        &self,
        count: usize,
        tokens: &[Token<'_>],
        dates: &[Span],
        pos: usize,
        out: &mut [u64],
    ) -> bool {
        match &self.starts {
            Some((starts, sentence)) => starts.at(sentence, tokens, dates, pos, out),
            None => {
                for (word, bits) in out.iter_mut().enumerate() {
                    *bits = match count.saturating_sub(64 * word) {
                        0 => 0,
                        n if n >= 64 => u64::MAX,
                        n => (1 << n) - 1,
                    };
                }
                true
            }
        }
    }
}

/// [`needs_class`] of a pattern that needs a date and a figure.
const NEEDS_BOTH: usize = 3;
/// [`needs_class`] of a pattern that needs a date only.
const NEEDS_DATE: usize = 1;
/// [`needs_class`] of a pattern that needs a figure only.
const NEEDS_NUMBER: usize = 2;

/// What a usable match of `p` needs, as a number 0..4 (bit 0: a date,
/// bit 1: a figure): all [`Pruning::last_start`] reads of a pattern.
fn needs_class(p: &Pattern) -> usize {
    usize::from(p.needs_date) | usize::from(p.needs_number) << 1
}

/// A set of pattern (or group) numbers, 64 to a word.
type Bits = Vec<u64>;

/// Words of a [`Bits`] for `n` numbers.
fn bit_words(n: usize) -> usize {
    n.div_ceil(64)
}

/// The numbers in a [`Bits`], in order.
fn bits_of(bits: &[u64]) -> impl Iterator<Item = usize> + '_ {
    bits.iter().enumerate().flat_map(|(w, &word)| {
        let mut left = word;
        std::iter::from_fn(move || {
            (left != 0).then(|| {
                let i = 64 * w + left.trailing_zeros() as usize;
                left &= left - 1;
                i
            })
        })
    })
}

fn set_bit(bits: &mut [u64], i: usize) {
    bits[i / 64] |= 1 << (i % 64);
}

fn has_bit(bits: &[u64], i: usize) -> bool {
    bits.get(i / 64).is_some_and(|w| w >> (i % 64) & 1 != 0)
}

/// Which patterns can match in a sentence and where they may start,
/// from the words they must read. Built once per rule set, so each token
/// of a sentence is looked up once instead of tried against every
/// pattern; the pattern sets are bit sets, so a token's candidates are a
/// few word-wide operations, in rule order, with no list built.
///
/// - A pattern's *groups* are its required items that only literals can
///   start (`of`, `(talks|meetings)`): a sentence without a word of each
///   group cannot hold a match, and the pattern is not tried there.
/// - A pattern *starts* with `<person>`, `<number>`, one of a few words
///   (`[the] (talks|meeting)`), or anything else.
#[derive(Debug, Clone, Default)]
pub struct StartIndex {
    /// The patterns a token may start by its kind alone, indexed by a set
    /// of `KIND_*` bits (what the token may start: a name, a number …):
    /// those that may start at any token, with those that start with a
    /// non-terminal of each kind in the set.
    by_kind: Vec<Bits>,
    /// How each pattern starts: the `KIND_*` bit of its first
    /// non-terminal, 0 for any token, [`STARTS_WITH_WORDS`] for one of its
    /// first words.
    start: Vec<u8>,
    /// Patterns whose match needs a figure ([`Pattern::needs_number`]).
    needs_number: Bits,
    /// Lower-case word → 1 + its index in `words`.
    word_ids: Option<crate::grammar::lexicon::WordBits>,
    /// The words of `words`, in order: what the lexicon is given to
    /// annotate tokens with ([`crate::grammar::Lexicon::set_pattern_words`]).
    word_texts: Vec<String>,
    /// This index (built with a word table), among all built: 0 for none.
    /// A lexicon whose [`crate::grammar::Lexicon::pattern_index`] is this
    /// annotated tokens with its words.
    id: u64,
    /// A bit per [`shape_key`] of the words of `words` (a one-hash Bloom
    /// filter of [`SHAPE_BITS`] bits): most tokens are no pattern word and
    /// skip the look-up.
    shapes: Vec<u64>,
    words: Vec<IndexedWord>,
    /// Each pattern's groups, as a set of group numbers.
    groups: Vec<Bits>,
    /// Groups are numbered by their words: patterns that require the same
    /// words ("of", "the", ",") share one group, so a word sets one bit
    /// per distinct group, not one per pattern that reads it.
    group_count: usize,
    /// The patterns of each [`needs_class`].
    needs: [Bits; 4],
    /// Per group, how likely a sentence holds a word of it, as a sort key
    /// ([`group_rank`]).
    group_rank: Vec<(bool, usize)>,
    /// The patterns without groups (viable in every sentence), and the
    /// others with their group numbers, rarest first: what
    /// [`StartIndex::groups`] says, as a sentence's check reads it (it
    /// stops at the first group without a word, most often the first).
    ungrouped: Bits,
    grouped: Vec<(usize, Vec<usize>)>,
    /// Per group, the entries of `grouped` whose first (rarest) group it
    /// is: a sentence checks a pattern only when that group has a word in
    /// it, so the rare words of most patterns rule them out unread.
    keyed: Vec<Vec<usize>>,
}

#[derive(Debug, Clone, Default)]
struct IndexedWord {
    /// Patterns a match of which may start with the word (`None`: none).
    starts: Option<Bits>,
    /// Groups the word satisfies, while the index is built.
    groups: Vec<usize>,
    /// The same as a set of group numbers (empty: none), what a sentence
    /// read ORs in.
    group_set: Bits,
    /// A facility word ([`FACILITY_LAST`]): a `<venue>` may end at it.
    facility: bool,
    /// A word of [`FACILITY_FIRST`]: a `<venue>` may start with it.
    facility_first: bool,
}

/// What the index found in one sentence.
#[derive(Debug, Default)]
struct SentenceWords {
    /// Per token, up to two indices into [`StartIndex::words`] (+1; 0: none),
    /// of words a pattern or a `<venue>` may start with.
    ids: Vec<[u16; 2]>,
    /// The patterns every group of which has a word in the sentence.
    viable: Bits,
    /// A viable pattern may start at any token (by its kind alone).
    anywhere: bool,
    /// The `KIND_*` bits of the non-terminals viable patterns start with:
    /// a token's class is looked at only for these.
    kinds: usize,
    /// A pattern that needs a figure is viable.
    needs_number: bool,
    /// The tokens that are facility words, in text order (`None`: no word
    /// table to read them with).
    facilities: Option<Vec<usize>>,
}

impl StartIndex {
    pub fn build(patterns: &[Pattern]) -> StartIndex {
        use std::collections::BTreeMap;
        let n = bit_words(patterns.len());
        let mut index = StartIndex {
            by_kind: vec![vec![0; n]; 1 << KINDS],
            start: vec![0; patterns.len()],
            needs_number: vec![0; n],
            shapes: vec![0; SHAPE_BITS / 64],
            needs: std::array::from_fn(|_| vec![0; n]),
            ..StartIndex::default()
        };
        for (i, p) in patterns.iter().enumerate() {
            set_bit(&mut index.needs[needs_class(p)], i);
        }
        let mut words: BTreeMap<&str, IndexedWord> = BTreeMap::new();
        let mut kind_of = Vec::new();
        let mut groups = Vec::new();
        let mut group_ids: BTreeMap<Vec<&str>, usize> = BTreeMap::new();
        for (i, p) in patterns.iter().enumerate() {
            if p.needs_number {
                set_bit(&mut index.needs_number, i);
            }
            match (&p.first_words, p.seq.first()) {
                (Some(first), _) => {
                    for w in first {
                        let entry = words.entry(w.as_str()).or_default();
                        set_bit(entry.starts.get_or_insert_with(|| vec![0; n]), i);
                    }
                    index.start[i] = STARTS_WITH_WORDS;
                }
                (None, Some(Item::NonTerminal(nt) | Item::Slot(nt, _))) => {
                    let kind = start_kind(nt);
                    index.start[i] = kind as u8;
                    kind_of.push((i, kind));
                }
                _ => kind_of.push((i, 0)),
            }
            let mut own = Vec::new();
            for mut group in required_groups(&p.seq) {
                group.sort_unstable();
                group.dedup();
                let next = group_ids.len();
                let g = *group_ids.entry(group.clone()).or_insert(next);
                if g == next {
                    index.group_rank.push(group_rank(&group));
                    for w in group {
                        words.entry(w).or_default().groups.push(g);
                    }
                }
                own.push(g);
            }
            groups.push(own);
        }
        index.group_count = group_ids.len();
        index.groups = groups
            .iter()
            .map(|own| {
                let mut set = vec![0; bit_words(index.group_count)];
                own.iter().for_each(|&g| set_bit(&mut set, g));
                set
            })
            .collect();
        // Facility words are looked up with the rest, so a `<venue>` knows
        // where one follows without comparing every token to the list.
        for w in FACILITY_LAST {
            words.entry(w).or_default().facility = true;
        }
        for w in FACILITY_FIRST {
            words.entry(w).or_default().facility_first = true;
        }
        // Ids are u16: past that many words, no index (every pattern is
        // tried everywhere, as without one).
        if words.len() >= usize::from(u16::MAX) {
            index.by_kind = vec![vec![u64::MAX; n]; 1 << KINDS];
            index.start = vec![0; patterns.len()];
            index.groups = vec![Vec::new(); patterns.len()];
            index.group_count = 0;
            index.list_groups();
            return index;
        }
        for (i, kind) in kind_of {
            for (class, bits) in index.by_kind.iter_mut().enumerate() {
                if class & kind == kind {
                    set_bit(bits, i);
                }
            }
        }
        let mut ids: std::collections::HashMap<
            String,
            u16,
            crate::grammar::lexicon::WordBuildHasher,
        > = Default::default();
        for (k, (w, mut entry)) in words.into_iter().enumerate() {
            if let Some(key) = shape_key(w.as_bytes()) {
                set_bit(&mut index.shapes, key);
            }
            ids.insert(w.to_string(), (k + 1) as u16);
            index.word_texts.push(w.to_string());
            if !entry.groups.is_empty() {
                entry.group_set = vec![0; bit_words(index.group_count)];
                entry
                    .groups
                    .iter()
                    .for_each(|&g| set_bit(&mut entry.group_set, g));
            }
            index.words.push(entry);
        }
        index.word_ids = Some(crate::grammar::lexicon::WordBits::new(&ids));
        static BUILT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        index.id = BUILT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        index.list_groups();
        index
    }

    /// The words a token's [`Token::pattern_word`] numbers (from 1), and
    /// this index's [`StartIndex::id`]: what a lexicon needs to annotate
    /// tokens for it.
    pub fn words(&self) -> (&[String], u64) {
        (&self.word_texts, self.id)
    }

    /// Fills [`StartIndex::ungrouped`] and [`StartIndex::grouped`] from
    /// [`StartIndex::groups`].
    fn list_groups(&mut self) {
        self.ungrouped = vec![0; bit_words(self.groups.len())];
        self.grouped.clear();
        self.keyed = vec![Vec::new(); self.group_count];
        for (i, own) in self.groups.iter().enumerate() {
            let mut numbers: Vec<usize> =
                (0..own.len() * 64).filter(|&g| has_bit(own, g)).collect();
            numbers.sort_by_key(|&g| self.group_rank.get(g).copied().unwrap_or_default());
            match numbers.first() {
                None => set_bit(&mut self.ungrouped, i),
                Some(&key) => {
                    if let Some(keyed) = self.keyed.get_mut(key) {
                        keyed.push(self.grouped.len());
                    }
                    self.grouped.push((i, numbers));
                }
            }
        }
    }

    /// One look-up per token of the sentence: its word ids and the
    /// patterns whose groups all have a word in it.
    fn read_sentence(&self, tokens: &[Token<'_>], annotated: bool) -> SentenceWords {
        let mut present = vec![0u64; bit_words(self.group_count)];
        let mut ids = Vec::with_capacity(tokens.len());
        let mut facilities = Vec::new();
        // Notes word `id` (non-zero) of a token in `present`; the id
        // itself only when a pattern (or a venue) may start with the word:
        // most words of the index are read for their groups only.
        let mut note = |id: u16| {
            let word = &self.words[usize::from(id - 1)];
            for (p, g) in present.iter_mut().zip(&word.group_set) {
                *p |= g;
            }
            if word.starts.is_some() || word.facility_first {
                id
            } else {
                0
            }
        };
        for (k, t) in tokens.iter().enumerate() {
            let [first, second] = self.ids_of(t, annotated);
            if first == 0 && second == 0 {
                ids.push([0, 0]);
                continue;
            }
            // The first id is the word compared ignoring ASCII case, as
            // [`is_facility_last`] compares it.
            if first != 0 && self.words[usize::from(first - 1)].facility {
                facilities.push(k);
            }
            let kept_first = if first != 0 { note(first) } else { 0 };
            let kept_second = if second != 0 { note(second) } else { 0 };
            ids.push([kept_first, kept_second]);
        }
        // A pattern is viable when each of its groups has a word here:
        // looked at from the groups present, by each pattern's rarest.
        let mut viable = self.ungrouped.clone();
        for g in bits_of(&present) {
            for &k in self.keyed.get(g).map_or(&[][..], Vec::as_slice) {
                let (i, own) = &self.grouped[k];
                if own[1..].iter().all(|&g| has_bit(&present, g)) {
                    set_bit(&mut viable, *i);
                }
            }
        }
        // What the viable patterns (a few) start with.
        let (mut kinds, mut anywhere, mut needs_number) = (0, false, false);
        for i in bits_of(&viable) {
            match self.start.get(i).copied().unwrap_or(0) {
                STARTS_WITH_WORDS => {}
                0 => anywhere = true,
                kind => kinds |= usize::from(kind),
            }
            needs_number |= has_bit(&self.needs_number, i);
        }
        SentenceWords {
            ids,
            anywhere,
            kinds,
            needs_number,
            viable,
            facilities: self.word_ids.is_some().then_some(facilities),
        }
    }

    /// The words of `t` for the index: a literal matches a token equal to
    /// it ignoring ASCII case, or the token's Unicode lower case
    /// ([`literal_matches`]); literals are lower case.
    /// With `annotated` tokens, the first is the one the lexicon stored
    /// ([`Token::pattern_word`], the same word looked up by the same
    /// bytes).
    #[inline]
    fn ids_of(&self, t: &Token<'_>, annotated: bool) -> [u16; 2] {
        if annotated {
            if let Some(id) = t.pattern_word() {
                return [id, 0];
            }
        }
        let Some(table) = &self.word_ids else {
            return [0, 0];
        };
        let id = |bytes: &[u8]| table.get(bytes).unwrap_or(0);
        match t.lower_bytes() {
            // No word of the index has this length with this first and
            // last byte.
            Some(lower) if !self.may_be_word(lower) => [0, 0],
            Some(lower) => [id(lower), 0],
            None => [
                id(t.text.to_ascii_lowercase().as_bytes()),
                id(t.lower().as_bytes()),
            ],
        }
    }

    /// Whether some word of the index may be `lower` (a lower-case word):
    /// one has its [`shape_key`].
    #[inline]
    fn may_be_word(&self, lower: &[u8]) -> bool {
        shape_key(lower).is_some_and(|key| has_bit(&self.shapes, key))
    }

    /// The viable patterns that may start at token `pos`, among those
    /// numbered `64 * word` to `64 * word + 63`: those its kind may start
    /// and those its words start.
    /// The `KIND_*` bits of token `pos` of a sentence, of the kinds its
    /// viable patterns start with ([`SentenceWords::kinds`]).
    #[inline]
    fn token_class(
        &self,
        sentence: &SentenceWords,
        tokens: &[Token<'_>],
        dates: &[Span],
        pos: usize,
    ) -> usize {
        let t = &tokens[pos];
        let kinds = sentence.kinds;
        let mut class = 0;
        if kinds & KIND_NAME != 0 && may_start_name(t) {
            class |= KIND_NAME;
        }
        // A figure may be written in words ("two reporters").
        if kinds & KIND_NUMBER != 0 && crate::grammar::quantity::may_start(t) {
            class |= KIND_NUMBER;
        }
        if kinds & (KIND_CAPITAL | KIND_VENUE) != 0 && t.is_capitalized() {
            class |= KIND_CAPITAL;
            if kinds & KIND_VENUE != 0 && self.venue_may_start(sentence, tokens, pos) {
                class |= KIND_VENUE;
            }
        }
        if kinds & KIND_DATE != 0 && dates.iter().any(|d| d.start == t.start) {
            class |= KIND_DATE;
        }
        if kinds & KIND_MOMENT != 0 && moment_may_start(t) {
            class |= KIND_MOMENT;
        }
        class
    }

    /// [`venue_may_start`] with the words the sentence's read found.
    fn venue_may_start(&self, sentence: &SentenceWords, tokens: &[Token<'_>], pos: usize) -> bool {
        let Some(facilities) = sentence.facilities.as_deref() else {
            return venue_may_start(tokens, None, pos);
        };
        // The first id is the word compared ignoring ASCII case, as
        // [`is_facility_first`] compares it.
        let id = usize::from(sentence.ids[pos][0]);
        facility_within(tokens, Some(facilities), pos)
            || (id != 0 && self.words[id - 1].facility_first)
    }

    /// False when there are none (most tokens: no pattern starts with
    /// their word or their kind).
    fn at(
        &self,
        sentence: &SentenceWords,
        tokens: &[Token<'_>],
        dates: &[Span],
        pos: usize,
        out: &mut [u64],
    ) -> bool {
        let class = self.token_class(sentence, tokens, dates, pos);
        let ids = sentence.ids[pos];
        if class == 0 && ids == [0, 0] && !sentence.anywhere {
            return false;
        }
        let viable = &sentence.viable;
        out.fill(0);
        let by_kind = self.by_kind.get(class).map_or(&[][..], Vec::as_slice);
        for ((out, kind), v) in out.iter_mut().zip(by_kind).zip(viable) {
            *out = kind & v;
        }
        for id in ids.into_iter().filter(|&id| id != 0) {
            if let Some(starts) = &self.words[usize::from(id - 1)].starts {
                for ((out, start), v) in out.iter_mut().zip(starts).zip(viable) {
                    *out |= start & v;
                }
            }
        }
        out.iter().any(|&w| w != 0)
    }
}

/// [`StartIndex::by_kind`] bit: the token may start a name.
const KIND_NAME: usize = 1;
/// [`StartIndex::by_kind`] bit: the token may start a figure.
const KIND_NUMBER: usize = 2;
/// [`StartIndex::by_kind`] bit: the token is a capitalised word (a
/// `<place>` or an `<org>` starts with one).
const KIND_CAPITAL: usize = 4;
/// [`StartIndex::by_kind`] bit: the token may start a `<venue>`
/// ([`venue_may_start`]).
const KIND_VENUE: usize = 8;
/// [`StartIndex::by_kind`] bit: a date span of the sentence starts at the
/// token.
const KIND_DATE: usize = 16;
/// [`StartIndex::by_kind`] bit: the token may start a `<clock>` or a
/// `<century>` ([`moment_may_start`]).
const KIND_MOMENT: usize = 32;
/// How many `KIND_*` bits there are.
const KINDS: usize = 6;
/// [`StartIndex::start`] of a pattern that starts with one of its first
/// words (no `KIND_*` bit).
const STARTS_WITH_WORDS: u8 = 1 << 7;

/// The `KIND_*` bit of a pattern that starts with `nt`: the tokens it can
/// start at (0: any). Each is a necessary condition of the
/// non-terminal's parse, so a pattern is not tried where it would fail
/// on its first item.
fn start_kind(nt: &NonTerminal) -> usize {
    match nt {
        NonTerminal::Person => KIND_NAME,
        NonTerminal::Number => KIND_NUMBER,
        // `known_org_len`, `known_place_len` and `capitalised_run` all
        // read a capitalised word first.
        NonTerminal::Place | NonTerminal::Org => KIND_CAPITAL,
        NonTerminal::Venue => KIND_VENUE,
        NonTerminal::Date => KIND_DATE,
        NonTerminal::Clock | NonTerminal::Century => KIND_MOMENT,
        _ => 0,
    }
}

/// Whether a `<clock>` or a `<century>` may start at `t`: a clock starts
/// with a number or one of its hedge words ("shortly after"), a century
/// with a word that ends as an ordinal or in "century" (see
/// `grammar::clock`).
fn moment_may_start(t: &Token<'_>) -> bool {
    if t.kind == TokenKind::Number {
        return true;
    }
    let ends = |suffix: &str| {
        let n = t.text.len();
        n >= suffix.len()
            && t.text.is_char_boundary(n - suffix.len())
            && t.text[n - suffix.len()..].eq_ignore_ascii_case(suffix)
    };
    CLOCK_HEDGES.iter().any(|w| t.text.eq_ignore_ascii_case(w))
        || ["th", "st", "nd", "rd", "century"].iter().any(|s| ends(s))
}

/// The words a clock time may open with (`grammar::clock`'s hedges).
const CLOCK_HEDGES: &[&str] = &[
    "just",
    "shortly",
    "soon",
    "after",
    "before",
    "about",
    "around",
    "approximately",
    "roughly",
];

/// Whether a `<venue>` may start at token `pos` (capitalised): a facility
/// word ends it within its longest length, or it starts with one
/// ([`facility_len`]). `facilities` are the sentence's facility words
/// (`None`: not indexed, each token is looked at).
fn venue_may_start(tokens: &[Token<'_>], facilities: Option<&[usize]>, pos: usize) -> bool {
    facility_within(tokens, facilities, pos) || is_facility_first(&tokens[pos])
}

/// Whether a facility word ends a `<venue>` that starts at `pos`, within
/// its longest length.
fn facility_within(tokens: &[Token<'_>], facilities: Option<&[usize]>, pos: usize) -> bool {
    let n = VENUE_MAX_TOKENS - 1;
    match facilities {
        Some(at) => at
            .get(at.partition_point(|&k| k <= pos))
            .is_some_and(|&k| k <= pos + n),
        None => tokens.iter().skip(pos + 1).take(n).any(is_facility_last),
    }
}

/// A word of [`FACILITY_FIRST`] as written (compared ignoring ASCII case).
fn is_facility_first(t: &Token<'_>) -> bool {
    FACILITY_FIRST
        .iter()
        .any(|w| t.text.eq_ignore_ascii_case(w))
}

/// Bits of [`StartIndex::shapes`]: with a few hundred pattern words, a
/// word that is none passes for one about once in a hundred.
const SHAPE_BITS: usize = 1 << 16;

/// A word's bit in [`StartIndex::shapes`]: its first two bytes, last byte
/// and length, mixed (`None` for the empty word).
#[inline]
fn shape_key(w: &[u8]) -> Option<usize> {
    let (&first, &last) = (w.first()?, w.last()?);
    let second = w.get(1).copied().unwrap_or(0);
    let x = u32::from(first)
        | u32::from(second) << 8
        | u32::from(last) << 16
        | (w.len().min(255) as u32) << 24;
    Some((x.wrapping_mul(0x9E37_79B1) >> 16) as usize % SHAPE_BITS)
}

/// How likely a sentence of news holds a word of `group`, as a sort key
/// (smaller: rarer): whether it has one of the commonest words, then how
/// many words it has. Only the order in which a sentence's check tries
/// groups depends on it, not what the check finds.
fn group_rank(group: &[&str]) -> (bool, usize) {
    const COMMON: &[&str] = &[
        ",", ".", "a", "an", "and", "at", "by", "for", "from", "had", "has", "have", "in", "is",
        "it", "of", "on", "said", "that", "the", "to", "was", "were", "which", "with",
    ];
    let common = group.iter().any(|w| COMMON.contains(w));
    (common, group.len())
}

/// The required items of `s` that only literals can start, each as the
/// words one of which a match must contain; and a `<venue>`, whose name
/// has a facility word in it ([`facility_len`]).
fn required_groups(s: &Seq) -> Vec<Vec<&str>> {
    s.iter()
        .filter_map(|item| match item {
            Item::Literal(w) => Some(vec![w.as_str()]),
            Item::Choice(alts) => {
                let mut group = Vec::new();
                for a in alts {
                    group.extend(first_literal_refs(a)?);
                }
                Some(group)
            }
            Item::NonTerminal(NonTerminal::Venue) | Item::Slot(NonTerminal::Venue, _) => Some(
                FACILITY_LAST
                    .iter()
                    .chain(FACILITY_FIRST)
                    .copied()
                    .collect(),
            ),
            _ => None,
        })
        .collect()
}

/// [`first_literals`] without copies.
fn first_literal_refs(s: &[Item]) -> Option<Vec<&str>> {
    let mut out = Vec::new();
    for item in s {
        match item {
            Item::Literal(w) => {
                out.push(w.as_str());
                return Some(out);
            }
            Item::NonTerminal(_) | Item::Slot(..) => return None,
            Item::Choice(alts) => {
                for a in alts {
                    out.extend(first_literal_refs(a)?);
                }
                return Some(out);
            }
            Item::Optional(alts) => {
                for a in alts {
                    out.extend(first_literal_refs(a)?);
                }
            }
        }
    }
    None
}

/// [`find`], not trying patterns where `pruning` says they fail.
fn find_pruned(
    m: Matcher<'_>,
    tokens: &[Token<'_>],
    dates: &[Span],
    pruning: &Pruning,
) -> Vec<PatternMatch> {
    let ctx = Ctx {
        m,
        lx: m.lexicon,
        tokens,
        dates,
        hedged: std::cell::Cell::new(false),
        person_at: std::cell::Cell::new(None),
        facilities: pruning
            .starts
            .as_ref()
            .and_then(|(_, sentence)| sentence.facilities.as_deref()),
    };
    let mut out = Vec::new();
    // Past the last position any pattern may start at, nothing can match.
    let Some(last) = pruning.last_of_all(m.patterns) else {
        return out;
    };
    // Matches of one relation never overlap (a match consumes its
    // tokens); matches of different relations may: a rule file's own
    // relation reads a sentence the shipped ones read too.
    let mut free_from: Vec<(&PatternRelation, usize)> = Vec::new();
    let count = m.patterns.len();
    let mut at_pos = vec![0u64; bit_words(count)];
    for pos in 0..tokens.len().min(last.saturating_add(1)) {
        if !pruning.candidates(count, tokens, dates, pos, &mut at_pos) {
            continue;
        }
        for (word, &candidates) in at_pos.iter().enumerate() {
            let mut candidates = candidates;
            while candidates != 0 {
                let i = 64 * word + candidates.trailing_zeros() as usize;
                candidates &= candidates - 1;
                try_at(&ctx, pruning, i, pos, &mut free_from, &mut out);
            }
        }
    }
    out
}

/// Tries pattern `i` at `pos`, where its relation's last match left
/// tokens free; a usable match is kept and consumes its tokens.
fn try_at<'r>(
    ctx: &Ctx<'r, '_, '_>,
    pruning: &Pruning,
    i: usize,
    pos: usize,
    free_from: &mut Vec<(&'r PatternRelation, usize)>,
    out: &mut Vec<PatternMatch>,
) {
    let p = &ctx.m.patterns[i];
    let cursor = free_from.iter().position(|(r, _)| **r == p.relation);
    if cursor.is_some_and(|k| free_from[k].1 > pos)
        || !pruning.allows(p, pos)
        || !first_may_match(ctx, p, pos)
    {
        return;
    }
    let mut caps = PatternMatch {
        pattern: i,
        ..Default::default()
    };
    ctx.hedged
        .set(matches!(p.relation, PatternRelation::Declared(_)));
    let Some(end) = seq(ctx, &p.seq, pos, &mut caps) else {
        return;
    };
    if end > pos && complete(p, &caps) {
        caps.span = Span::new(ctx.tokens[pos].start, ctx.tokens[end - 1].end);
        out.push(caps);
        match cursor {
            Some(k) => free_from[k].1 = end,
            None => free_from.push((&p.relation, end)),
        }
    }
}

/// Cheap pre-check of a pattern's first item at `pos`: a `<person>` (the
/// parse is cached for the next patterns and the match itself) or a
/// `<number>` that is not there fails the whole pattern. Anything else
/// may match.
fn first_may_match(ctx: &Ctx<'_, '_, '_>, p: &Pattern, pos: usize) -> bool {
    match p.seq.first() {
        Some(Item::NonTerminal(NonTerminal::Person) | Item::Slot(NonTerminal::Person, _)) => {
            match ctx.person(pos) {
                None => false,
                Some((end, _)) => p.follow.as_ref().is_none_or(|words| {
                    ctx.tokens.get(end).is_some_and(|t| {
                        // Only a word of the token's length can match it as
                        // written (the Unicode lower case may differ in length).
                        let any_length = t.lower_needs_heap();
                        words.iter().any(|w| {
                            (any_length || w.len() == t.text.len()) && literal_matches(t, w)
                        })
                    })
                }),
            }
        }
        Some(Item::NonTerminal(NonTerminal::Number) | Item::Slot(NonTerminal::Number, _)) => ctx
            .tokens
            .get(pos)
            .is_some_and(crate::grammar::quantity::may_start),
        // A venue starts with a capitalised word ([`facility_len`]; tested
        // first: this runs at nearly every token) and ends with a facility
        // word within its longest length, or starts with one: most
        // capitalised words start none.
        Some(Item::NonTerminal(NonTerminal::Venue) | Item::Slot(NonTerminal::Venue, _)) => {
            ctx.tokens.get(pos).is_some_and(|t| {
                t.is_capitalized() && venue_may_start(ctx.tokens, ctx.facilities, pos)
            })
        }
        _ => true,
    }
}

/// The literals one of which a match of `s` must start with, or `None`
/// when it may start otherwise (a non-terminal) or match nothing. Items
/// before the first required one are optional and add theirs: in
/// "[will|is] (travel|flew)" the first word is one of the four.
pub fn first_literals(s: &[Item]) -> Option<Vec<String>> {
    first_literal_refs(s).map(|ws| ws.into_iter().map(String::from).collect())
}

/// A match is usable when it captured what its relation needs.
fn complete(p: &Pattern, m: &PatternMatch) -> bool {
    match p.relation {
        PatternRelation::Title => m.person.is_some() && (m.title.is_some() || p.sets_title()),
        PatternRelation::Declared(_) => p.required.iter().all(|slot| m.has(slot)),
    }
}

fn seq(ctx: &Ctx<'_, '_, '_>, s: &Seq, mut pos: usize, caps: &mut PatternMatch) -> Option<usize> {
    for item in s {
        pos = one(ctx, item, pos, caps)?;
    }
    Some(pos)
}

fn first_alternative(
    ctx: &Ctx<'_, '_, '_>,
    alts: &[Seq],
    pos: usize,
    caps: &mut PatternMatch,
) -> Option<usize> {
    for a in alts {
        // Most alternatives are one literal that is not there: skip them
        // before any copying (the sequence would fail on its first item).
        if let Some(Item::Literal(w)) = a.first() {
            if !ctx.tokens.get(pos).is_some_and(|t| literal_matches(t, w)) {
                continue;
            }
        }
        if captures_nothing(a) {
            if let Some(end) = seq(ctx, a, pos, caps) {
                return Some(end);
            }
            continue;
        }
        let mut trial = caps.clone();
        if let Some(end) = seq(ctx, a, pos, &mut trial) {
            *caps = trial;
            return Some(end);
        }
    }
    None
}

fn one(ctx: &Ctx<'_, '_, '_>, item: &Item, pos: usize, caps: &mut PatternMatch) -> Option<usize> {
    match item {
        Item::Choice(alts) => first_alternative(ctx, alts, pos, caps),
        Item::Optional(alts) => first_alternative(ctx, alts, pos, caps).or(Some(pos)),
        Item::Literal(w) => {
            let t = ctx.tokens.get(pos)?;
            literal_matches(t, w).then_some(pos + 1)
        }
        Item::NonTerminal(nt) => nonterminal(ctx, nt, pos, caps),
        Item::Slot(nt, name) => {
            // Captured into a scratch match, then moved to the named slot.
            let mut scratch = PatternMatch::default();
            let end = nonterminal(ctx, nt, pos, &mut scratch)?;
            let first = ctx.tokens.get(pos)?;
            let last = ctx.tokens.get(end.checked_sub(1)?).filter(|_| end > pos)?;
            let span = Span::new(first.start, last.end);
            caps.named.push(NamedCapture {
                slot: name.clone(),
                span: scratch.title.map_or(span, |(value, _, _)| value),
                date: scratch.date,
                kind: nt.kind(),
            });
            Some(end)
        }
    }
}

/// A literal matches a token equal to it ignoring case. The Unicode
/// lower-casing can only add a match when it is not the ASCII one or the
/// text itself ("K" for "k"), so it is skipped otherwise (literals run at
/// every token after every name).
#[inline]
fn literal_matches(t: &Token<'_>, w: &str) -> bool {
    t.text.eq_ignore_ascii_case(w) || (t.lower_needs_heap() && t.lower() == w)
}

fn span_of(tokens: &[Token<'_>]) -> Span {
    Span::new(tokens[0].start, tokens[tokens.len() - 1].end)
}

fn nonterminal(
    ctx: &Ctx<'_, '_, '_>,
    nt: &NonTerminal,
    pos: usize,
    caps: &mut PatternMatch,
) -> Option<usize> {
    let rest = ctx.tokens.get(pos..).filter(|r| !r.is_empty())?;
    match nt {
        NonTerminal::Person => {
            let (end, span) = ctx.person(pos)?;
            caps.person = Some(span);
            Some(end)
        }
        NonTerminal::Title | NonTerminal::Office(_) => {
            let (_, t) = title(ctx.lx, rest, Context::Appositive).ok()?;
            let t = stop_before_date(ctx, t)?;
            let parts = crate::grammar::parts(ctx.lx, &t);
            if let NonTerminal::Office(id) = nt {
                let mut norm = normalize(ctx.lx, &parts, ctx.m.times);
                ctx.m.offices.classify(&mut norm);
                if norm.office.as_deref() != Some(id.as_str()) {
                    return None;
                }
            }
            caps.title = Some((Span::new(t.value_start(), t.end()), parts, t.tokens.len()));
            Some(pos + t.tokens.len())
        }
        NonTerminal::Date => {
            let start = rest[0].start;
            let idx = ctx.dates.iter().position(|d| d.start == start)?;
            let end = ctx.dates[idx].end;
            let n = rest.iter().take_while(|t| t.end <= end).count().max(1);
            caps.date = Some(idx);
            Some(pos + n)
        }
        NonTerminal::Place | NonTerminal::Org => {
            let org = matches!(nt, NonTerminal::Org);
            let known_org = known_org_len(ctx.lx, rest);
            let n = known_org
                .or_else(|| (!org).then(|| known_place_len(ctx.lx, rest)).flatten())
                .or_else(|| capitalised_run(ctx.lx, rest, org))?;
            // "the Black Sea resort of Sochi": the town the description
            // names is the place (`settlement_of`). After a country ("the
            // Polish city of Rzeszow") patterns read the two places apart.
            let describes = !org && known_org.is_none();
            let (skip, n) = match describes.then(|| settlement_of(ctx.lx, rest, n)).flatten() {
                Some((at, m)) => (at, at + m),
                None => (0, n),
            };
            let span = span_of(&rest[skip..n]);
            if matches!(nt, NonTerminal::Place) {
                caps.place = Some(span);
            } else {
                caps.org = Some(span);
            }
            Some(pos + n)
        }
        NonTerminal::Number if ctx.hedged.get() => {
            let (after, _) = crate::grammar::quantity::hedged_number(rest).ok()?;
            let n = rest.len() - after.len();
            caps.number = Some(span_of(&rest[..n]));
            Some(pos + n)
        }
        NonTerminal::Number => (rest[0].kind == TokenKind::Number).then(|| {
            caps.number = Some(span_of(&rest[..1]));
            pos + 1
        }),
        NonTerminal::Duration => {
            let (after, _) = crate::grammar::quantity::duration(rest).ok()?;
            let n = rest.len() - after.len();
            caps.duration = Some(span_of(&rest[..n]));
            Some(pos + n)
        }
        NonTerminal::Distance => {
            let (after, _) = crate::grammar::quantity::distance(rest).ok()?;
            let n = rest.len() - after.len();
            caps.distance = Some(span_of(&rest[..n]));
            Some(pos + n)
        }
        NonTerminal::Venue => {
            let n = facility_len(ctx.lx, rest)?;
            caps.venue = Some(span_of(&rest[..n]));
            Some(pos + n)
        }
        NonTerminal::Bearing => {
            let (n, _) = crate::grammar::quantity::bearing(rest)?;
            caps.bearing = Some(span_of(&rest[..n]));
            Some(pos + n)
        }
        NonTerminal::Clock | NonTerminal::Century => moment(nt, pos, rest, caps),
    }
}

/// `<clock>` and `<century>`: unnamed, they fill their default slot as a
/// named capture (no field of their own in [`PatternMatch`]).
fn moment(
    nt: &NonTerminal,
    pos: usize,
    rest: &[Token<'_>],
    caps: &mut PatternMatch,
) -> Option<usize> {
    let n = match nt {
        NonTerminal::Clock => crate::grammar::clock::clock(rest)?.0,
        _ => crate::grammar::clock::century(rest)?.0,
    };
    caps.named.push(NamedCapture {
        slot: nt.default_slot().to_string(),
        span: span_of(&rest[..n]),
        date: None,
        kind: nt.kind(),
    });
    Some(pos + n)
}

/// Words that end a facility's name ("Mariinsky Palace", "Vostochny
/// cosmodrome": capitalised or not) or begin it ("Villa La Grange").
const FACILITY_LAST: &[&str] = &[
    "abbey",
    "airbase",
    "airfield",
    "airport",
    "arena",
    "basilica",
    "castle",
    "cathedral",
    "chapel",
    "church",
    "cosmodrome",
    "embassy",
    "fortress",
    "guesthouse",
    "hall",
    "hospital",
    "hotel",
    "house",
    "mosque",
    "monastery",
    "palace",
    "prison",
    "residence",
    "spaceport",
    "square",
    "stadium",
    "station",
    "synagogue",
    "temple",
    "villa",
];
/// Is `word` (lower case) a facility word that ends a venue's name
/// ("airport", "palace")? The spelling check compares "Rzeszow-Jasionka
/// Airport" with the town "Rzeszow-Jasenko" without it.
pub fn is_facility_word(word: &str) -> bool {
    // A set, not a scan of the list: the proper-name scan asks this of
    // every capitalised word of a long run.
    static SET: std::sync::OnceLock<rustc_hash::FxHashSet<&'static str>> =
        std::sync::OnceLock::new();
    SET.get_or_init(|| FACILITY_LAST.iter().copied().collect())
        .contains(word)
}

/// The most tokens [`facility_len`] reads: five words, a joiner between
/// each two, a lower-case facility word after them.
const VENUE_MAX_TOKENS: usize = 5 + 4 + 1;
const FACILITY_FIRST: &[&str] = &["castle", "fort", "hotel", "palazzo", "schloss", "villa"];

/// A named facility: two to five capitalised words (with "of", "de",
/// "la"… inside) whose last is a facility word, capitalised or not
/// ("Mariinsky Palace", "Vostochny cosmodrome"), or whose first is one
/// ("Villa La Grange", "Hotel Metropol"). Not from a determiner ("The
/// Mariinsky Palace" is matched at "Mariinsky").
fn facility_len(lx: &Lexicon, rest: &[Token<'_>]) -> Option<usize> {
    let first = rest.first()?;
    if !first.is_capitalized() || !first.is_word() || lx.has(first, bits::NOT_NAME) {
        return None;
    }
    let capital = |t: &Token<'_>| {
        t.is_capitalized()
            && t.is_word()
            && crate::temporal::lexicon::month(t.text).is_none()
            && crate::temporal::lexicon::weekday(t.text).is_none()
    };
    let joiner = |t: &Token<'_>| matches!(t.text, "of" | "de" | "la" | "le" | "del" | "di" | "-");
    // The capitalised run, joiners only between two capitalised words.
    let mut n = 0;
    let mut words = Vec::new();
    while words.len() < 5 {
        match rest.get(n) {
            Some(t) if capital(t) => {
                words.push(n);
                n += 1;
            }
            Some(t) if n > 0 && joiner(t) && rest.get(n + 1).is_some_and(capital) => n += 1,
            _ => break,
        }
    }
    // No lower-casing (it allocates for every capitalised word).
    let is_in = |t: &Token<'_>, list: &[&str]| list.iter().any(|w| t.text.eq_ignore_ascii_case(w));
    // "Vostochny cosmodrome": a lower-case facility word after the run.
    if let Some(t) = rest.get(n).filter(|t| t.is_word() && !t.is_capitalized()) {
        if is_in(t, FACILITY_LAST) {
            return Some(n + 1);
        }
    }
    // The last facility word of the run ends it.
    if words.is_empty() {
        return None;
    }
    if let Some(&k) = words[1..]
        .iter()
        .rev()
        .find(|&&k| is_in(&rest[k], FACILITY_LAST))
    {
        return Some(k + 1);
    }
    (words.len() >= 2 && is_in(first, FACILITY_FIRST)).then_some(n)
}

/// A title's complements end where a date begins: "deputy foreign
/// secretary [on Monday]".
fn stop_before_date<'t, 'a>(ctx: &Ctx<'_, 't, 'a>, t: Title<'t, 'a>) -> Option<Title<'t, 'a>> {
    let cut = t.tokens.iter().position(|tok| {
        ctx.dates
            .iter()
            .any(|d| d.start <= tok.start && tok.start < d.end)
    });
    let Some(mut n) = cut else { return Some(t) };
    while n > 0 && matches!(t.roles[n - 1], Role::Preposition) {
        n -= 1;
    }
    if !t.roles[..n].contains(&Role::Head) {
        return None;
    }
    Some(Title {
        tokens: &t.tokens[..n],
        roles: t.roles[..n].to_vec(),
    })
}

/// A place of the vocabulary (`places:`), one to three capitalised words:
/// "Vienna" is no name word (the vocabulary says so), yet a place.
pub(crate) fn known_place_len(lx: &Lexicon, rest: &[Token<'_>]) -> Option<usize> {
    if lx.places.is_empty() || !rest.first().is_some_and(Token::is_capitalized) {
        return None;
    }
    let mut key = String::new();
    let mut best = None;
    for (n, t) in rest.iter().take(3).enumerate() {
        if !t.is_word() {
            break;
        }
        if n > 0 {
            key.push(' ');
        }
        key.push_str(&t.lower());
        if lx.places.contains_key(&key) {
            best = Some(n + 1);
        }
    }
    best
}

/// Nouns of a settlement that a description of a town ends in: "the Black
/// Sea resort of Sochi", "the Russian port city of Vladivostok".
const SETTLEMENT_NOUNS: &[&str] = &[
    "resort", "city", "town", "port", "village", "capital", "island", "enclave",
];

/// After a place of `n` tokens at the start of `rest` (and the
/// capitalised words that go on its name: "Black [Sea]"), one or two
/// settlement nouns (`SETTLEMENT_NOUNS`), "of" and a place: where that
/// place starts in `rest` and its length. The description's first words
/// are a region around the town, not the place of the event.
fn settlement_of(lx: &Lexicon, rest: &[Token<'_>], n: usize) -> Option<(usize, usize)> {
    let mut k = n;
    while k < n + 2
        && rest
            .get(k)
            .is_some_and(|t| t.is_word() && t.is_capitalized())
    {
        k += 1;
    }
    let nouns = rest[k..]
        .iter()
        .take(2)
        .take_while(|t| {
            t.is_word() && !t.is_capitalized() && SETTLEMENT_NOUNS.contains(&t.lower().as_ref())
        })
        .count();
    let at = k + nouns + 1;
    if nouns == 0 || rest.get(k + nouns).is_none_or(|t| t.text != "of") {
        return None;
    }
    let after = rest.get(at..)?;
    let m = known_place_len(lx, after).or_else(|| capitalised_run(lx, after, false))?;
    Some((at, m))
}

/// One to three capitalised words; for an organisation the last must be an
/// organisation suffix. A place may also be a venue of up to five
/// capitalised words with "of (the)" inside ("Diaoyutai State Guesthouse",
/// "the Great Hall of the People").
fn capitalised_run(lx: &Lexicon, rest: &[Token<'_>], org: bool) -> Option<usize> {
    let n = rest
        .iter()
        .take(3)
        .take_while(|t| t.is_capitalized() && (is_name_word(lx, t) || lx.has(t, bits::ORG_SUFFIX)))
        .count();
    if n == 0 {
        return None;
    }
    if org {
        (1..=n)
            .rev()
            .find(|&k| lx.has(&rest[k - 1], bits::ORG_SUFFIX))
    } else {
        Some(venue_len(lx, rest).max(n))
    }
}

/// A venue's words: capitalised words (any, not only name words), with
/// "of" or "of the" between two of them, at most five words.
fn venue_len(lx: &Lexicon, rest: &[Token<'_>]) -> usize {
    // Not a date ("in Geneva Wednesday"), a title ("in Kyiv President
    // Zelensky") or a given name ("in Kyiv Joe Biden").
    let capital = |k: usize| {
        rest.get(k).is_some_and(|t| {
            t.is_capitalized()
                && t.is_word()
                && !lx.has_any(t, bits::HEAD | bits::RANK | bits::GIVEN | bits::NOT_NAME)
                && crate::temporal::lexicon::month(t.text).is_none()
                && crate::temporal::lexicon::weekday(t.text).is_none()
        })
    };
    let word = |k: usize, w: &str| rest.get(k).is_some_and(|t| t.text == w);
    let (mut n, mut words) = (0, 0);
    while words < 5 {
        if capital(n) {
            n += 1;
            words += 1;
        } else if n > 0 && word(n, "of") && capital(n + 1) {
            n += 1;
        } else if n > 0 && word(n, "of") && word(n + 1, "the") && capital(n + 2) {
            n += 2;
        } else {
            break;
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::pattern::parse;
    use crate::ruleset::RuleSet;

    fn follow(pattern: &str) -> Option<Vec<String>> {
        let seq = parse(pattern).expect("pattern parses");
        first_literals(&seq[1..])
    }

    #[test]
    fn first_literals_collect_optional_words_up_to_a_required_one() {
        assert_eq!(
            follow("<person> [will|is] [be] (travel|flew) to <place>"),
            Some(
                ["will", "is", "be", "travel", "flew"]
                    .map(String::from)
                    .to_vec()
            )
        );
        assert_eq!(follow("<person> said"), Some(vec!["said".to_string()]));
    }

    /// Sentences with pattern matches (events, figures), near misses, and
    /// the fixture articles.
    fn sentences() -> Vec<String> {
        let mut texts: Vec<String> = [
            "Antony Blinken will travel to China on June 18, officials said.",
            "Antony Blinken is traveling to China on Friday, and Wang Yi will fly to Vienna on June 20.",
            "Officials said 12 people were killed in Manila on Monday.",
            "Police said 15 civilians have been killed in Hong Kong, and 3 soldiers were killed in Bali.",
            "Daniel Kritenbrink, who was expected to arrive in Beijing on Sunday, met Wang Yi.",
            "Jane Roe is due to be in Geneva on June 5 before she travels to Munich in July.",
            "Blinken said 40 people were hurt and that he would travel to Japan.",
            "on june 18 antony blinken will travel to china, officials said.",
            "Secretary of State Antony Blinken flew to Beijing on June 18 and 7 persons was killed in NYC.",
            "Mr. Smith, 62, will head to Tokyo on March 3, 1987.",
            "Jane Roe met John Doe at the Mariinsky Palace and later at Villa La Grange in Geneva.",
            "The talks at the Vostochny cosmodrome lasted five hours, the HOTEL Metropol said.",
        ]
        .map(String::from)
        .to_vec();
        for article in [
            include_str!("../../fixtures/news/01-wire-briefing.txt"),
            include_str!("../../fixtures/news/02-evening-digest.txt"),
            include_str!("../../fixtures/news/03-regional-desk.md"),
            include_str!("../../fixtures/news/04-weekly-review.txt"),
        ] {
            for span in crate::segment::sentences(article, 0) {
                texts.push(article[span.start..span.end].to_string());
            }
        }
        texts
    }

    #[test]
    fn pruning_never_changes_a_match() {
        let rules = RuleSet::shipped().expect("shipped rules load");
        let mut matched = 0;
        for text in sentences() {
            let mut tokens = crate::grammar::token::tokenize(&text, 0);
            rules.lexicon.annotate(&mut tokens);
            let dates: Vec<Span> =
                crate::temporal::find_dates(&text, None, crate::temporal::Bias::Nearest)
                    .iter()
                    .map(|m| Span::new(m.start, m.end))
                    .collect();
            let pruned = find(rules.matcher(), &tokens, &dates);
            let everywhere = find_pruned(rules.matcher(), &tokens, &dates, &Pruning::none());
            assert_eq!(pruned, everywhere, "{text}");
            matched += pruned.len();
        }
        assert!(
            matched >= 5,
            "the sentences exercise the patterns: {matched}"
        );
    }

    #[test]
    fn event_patterns_are_not_tried_past_the_last_date() {
        let rules = RuleSet::shipped().expect("shipped rules load");
        let text = "Antony Blinken will travel to China on June 18.";
        let tokens = crate::grammar::token::tokenize(text, 0);
        let travel = rules
            .patterns
            .iter()
            .find(|p| p.id == "travel-to")
            .expect("shipped travel pattern");
        let starts = StartIndex::build(&rules.patterns);
        let no_dates = Pruning::of_sentence(&starts, &tokens, &[], false);
        assert!(!no_dates.allows(travel, 0));
        let june = text.find("June").unwrap();
        let dated =
            Pruning::of_sentence(&starts, &tokens, &[Span::new(june, text.len() - 1)], false);
        assert!(dated.allows(travel, 0));
        let june_token = tokens.iter().position(|t| t.start == june).unwrap();
        assert!(dated.allows(travel, june_token));
        assert!(!dated.allows(travel, june_token + 1));
    }

    #[test]
    fn first_literals_give_up_on_non_terminals_and_empty_matches() {
        assert_eq!(follow("<person> [is] <title>"), None);
        assert_eq!(follow("<person> [is]"), None);
        assert_eq!(follow("<person>"), None);
    }
}
