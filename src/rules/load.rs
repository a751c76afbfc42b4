//! The loader: raw serde structs ([`super::schema`]) → the validated
//! model ([`Rules`]), every problem of every file gathered.

use std::collections::{BTreeSet, HashMap};

use super::keys::{self, UnknownKey};
use super::pattern::{self, Item, NonTerminal, Seq};
use super::schema::{
    RawCheck, RawExpected, RawFile, RawLeaders, RawOrg, RawPattern, RawRelation, RawVocabulary,
};
use super::{
    placeholders, yaml, Check, CheckKind, City, Compare, FixedValue, Holder, LeaderCountry,
    LeaderOffice, Named, Office, PatternExample, PatternRelation, PatternRule, Pos, Problems,
    Relation, RuleTest, Rules, Severity, SlotDecl, SlotType, Vocabulary,
};

/// What a pattern relation needs: a description and a test.
type Need = (&'static str, fn(&NonTerminal) -> bool);

#[derive(Default)]
struct Loader {
    set: Rules,
    problems: Problems,
    check_ids: HashMap<String, String>,
    /// Patterns of declared relations: (pattern index, relation, where
    /// the relation was written), resolved when every file is read.
    pending_patterns: Vec<(usize, String, Pos)>,
    /// Checks over declared relations: (check index, relation, position
    /// of `relation`, the compared slot and its position).
    pending_checks: Vec<PendingCheck>,
}

/// A check over a relation not built in, resolved in `finish`.
struct PendingCheck {
    check: usize,
    relation: String,
    relation_pos: Pos,
    slot: Option<(String, Pos)>,
    /// `scope:` and where it was written.
    scope: Option<(String, Pos)>,
    /// `{a.x}`/`{b.x}` placeholders naming slots, and the message position.
    slot_placeholders: Vec<String>,
    message_pos: Pos,
}

/// Reads the files into the model, gathering every problem.
pub(super) fn read(files: &[(String, String)]) -> (Rules, Problems) {
    let mut loader = Loader::default();
    // The built-in relations, unless given as a file (`rules test rules/`).
    let (name, text) = super::PRELUDE;
    if !files.iter().any(|(_, t)| t == text) {
        loader.file(name, text);
    }
    for (name, text) in files {
        loader.file(name, text);
    }
    loader.finish()
}

impl Loader {
    fn file(&mut self, name: &str, text: &str) {
        self.problems.source(name, text);
        self.set.files.push(name.to_string());
        // A file that reads as it is (every shipped file, most of the
        // time) needs no key walk; otherwise every unknown key first (serde
        // stops at the first), then the file without them, for the
        // problems after those.
        let raw: RawFile = match yaml::from_str(text) {
            Ok(raw) => raw,
            Err(_) => match self.read_with_unknown_keys(name, text) {
                Some(raw) => raw,
                None => return,
            },
        };
        if raw.version != 1 {
            self.problems.at_text(
                name,
                "version",
                format!("unsupported rules version {}", raw.version),
                Some("this claimcheck reads `version: 1`".into()),
            );
        }
        self.vocabulary(name, raw.vocabulary);
        for relation in raw.relations {
            self.relation(name, relation);
        }
        for pattern in raw.patterns {
            self.pattern(name, pattern);
        }
        for check in raw.checks {
            self.check(name, check);
        }
    }

    /// Reports every unknown key of a file serde could not read, then reads
    /// it without them (`None`: nothing more to read).
    fn read_with_unknown_keys(&mut self, name: &str, text: &str) -> Option<RawFile> {
        let unknown = keys::unknown(text);
        for key in &unknown.keys {
            let message = key.message();
            let help = did_you_mean(&message);
            self.problems.at_offset(name, key.at, message, help);
        }
        let rest = unknown.rest.as_deref().unwrap_or(text);
        if !unknown.keys.is_empty() && yaml::tree(rest).is_none() {
            // Blanking broke the file (an anchor went with its key):
            // the unknown keys are all there is to say.
            return None;
        }
        match yaml::from_str(rest) {
            Ok(raw) => Some(raw),
            Err(e) => {
                if !follows_from(&e.message, &unknown.keys) {
                    let offset = match (e.line, e.column) {
                        (Some(l), Some(c)) => super::offset_of(text, l, c),
                        _ => 0,
                    };
                    let help = did_you_mean(&e.message);
                    self.problems.at_offset(name, offset, e.message, help);
                }
                None
            }
        }
    }

    /// `vocabulary.leaders`: every country office must be one of the
    /// file's `offices`, and `together` a pair of the country's offices.
    fn leaders(&mut self, file: &str, raw: RawLeaders, vocabulary: &mut Vocabulary) {
        let known: BTreeSet<String> = raw.offices.iter().map(|o| o.id.clone()).collect();
        let roles_known: BTreeSet<String> = raw
            .offices
            .iter()
            .filter(|o| !o.role.is_empty())
            .map(|o| o.id.clone())
            .collect();
        for o in &raw.offices {
            for w in o.role.iter().flatten().filter(|w| !known.contains(*w)) {
                self.problems.at_text(
                    file,
                    &o.id,
                    format!("leader role `{}`: unknown leader office `{w}`", o.id),
                    Some("list it under `leaders.offices`".into()),
                );
            }
        }
        vocabulary.leader_offices = raw
            .offices
            .into_iter()
            .map(|o| LeaderOffice {
                id: o.id,
                words: o.words,
                single_holder: o.single_holder,
                role: o.role,
                file: file.to_string(),
            })
            .collect();
        for c in raw.countries {
            let mut together = Vec::new();
            for pair in &c.together {
                match pair.as_slice() {
                    [a, b] if c.offices.contains(a) && c.offices.contains(b) => {
                        together.push((a.clone(), b.clone()))
                    }
                    _ => self.problems.at_text(
                        file,
                        &c.country,
                        format!(
                            "leaders of `{}`: `together` takes pairs of the country's offices",
                            c.country
                        ),
                        None,
                    ),
                }
            }
            for o in c.offices.iter().filter(|o| !known.contains(*o)) {
                self.problems.at_text(
                    file,
                    &c.country,
                    format!("leaders of `{}`: unknown leader office `{o}`", c.country),
                    Some("list it under `leaders.offices` first".into()),
                );
            }
            let mut roles = Vec::new();
            for (role, offices) in c.roles {
                let bad =
                    !roles_known.contains(&role) || offices.iter().any(|o| !c.offices.contains(o));
                if bad {
                    self.problems.at_text(
                        file,
                        &c.country,
                        format!(
                            "leaders of `{}`: `roles` maps a role of `offices` to offices of the country",
                            c.country
                        ),
                        None,
                    );
                    continue;
                }
                roles.push((role, offices));
            }
            vocabulary.leader_countries.push(LeaderCountry {
                country: c.country,
                offices: c.offices,
                together,
                roles,
            });
        }
    }

    fn vocabulary(&mut self, file: &str, v: RawVocabulary) {
        let named = |list: Vec<RawOrg>| -> Vec<Named> {
            list.into_iter()
                .map(|o| Named {
                    id: o.id,
                    words: o.aliases,
                })
                .collect()
        };
        let mut vocabulary = Vocabulary {
            ranks: v
                .ranks
                .into_iter()
                .map(|r| Named {
                    id: r.id,
                    words: r.words,
                })
                .collect(),
            qualifiers: Vec::new(),
            title_heads: v.title_heads,
            title_modifiers: v.title_modifiers,
            org_suffixes: v.org_suffixes,
            countries: named(v.countries),
            places: named(v.places),
            cities: v
                .cities
                .into_iter()
                .map(|c| City {
                    id: c.id,
                    words: c.aliases,
                    country: c.country,
                    capital: c.capital,
                })
                .collect(),
            people: v
                .people
                .into_iter()
                .map(|p| Named {
                    id: p.name,
                    words: p.aliases,
                })
                .collect(),
            orgs: named(v.orgs),
            spellings: v.spellings,
            given_names: v.given_names,
            surname_first: v.surname_first,
            not_names: v.not_names,
            nicknames: v
                .nicknames
                .into_iter()
                .map(|n| Named {
                    id: n.name,
                    words: n.nicknames,
                })
                .collect(),
            leader_offices: Vec::new(),
            leader_countries: Vec::new(),
        };
        if let Some(leaders) = v.leaders {
            self.leaders(file, leaders, &mut vocabulary);
        }
        for q in v.qualifiers {
            match q.time.as_ref().map(|t| t.value.as_str()) {
                Some("past") => self.set.qualifier_times.past.push(q.id.clone()),
                Some("future") => self.set.qualifier_times.future.push(q.id.clone()),
                Some("present") | None => {}
                Some(other) => {
                    let msg = format!("unknown qualifier time `{other}`");
                    let help = Some("use past, present or future".to_string());
                    let pos = q.time.as_ref().map(yaml::position).unwrap_or((1, 1));
                    self.problems.at(file, pos, msg, help);
                }
            }
            vocabulary.qualifiers.push(Named {
                id: q.id,
                words: q.words,
            });
        }
        self.set.vocabularies.push(vocabulary);
        for o in v.offices {
            let mut holders = Vec::new();
            for h in &o.holders {
                let mut term = [None, None];
                for (k, bound) in [&h.from, &h.to].into_iter().enumerate() {
                    let Some(b) = bound else { continue };
                    match parse_term_date(&b.value, k == 1) {
                        Some(d) => term[k] = Some(d),
                        None => {
                            let msg =
                                format!("office `{}`: `{}` is not a date", o.id.value, b.value);
                            let help = Some("write YYYY-MM-DD, YYYY-MM or YYYY".into());
                            self.problems.at(file, yaml::position(b), msg, help);
                        }
                    }
                }
                holders.push(Holder {
                    person: h.person.clone(),
                    from: term[0],
                    to: term[1],
                });
            }
            let wording_pos = o
                .names
                .iter()
                .chain(&o.descriptions)
                .map(yaml::position)
                .collect();
            self.set.offices.push(Office {
                id: o.id.value,
                names: o.names.into_iter().map(|n| n.value).collect(),
                descriptions: o.descriptions.into_iter().map(|d| d.value).collect(),
                org: o.org,
                single_holder: o.single_holder,
                needs_country: o.needs_country,
                holders,
                file: file.to_string(),
                wording_pos,
            });
        }
    }

    fn pattern(&mut self, file: &str, raw: RawPattern) {
        let id = raw.id.value.clone();
        if self.set.patterns.iter().any(|p| p.id == id) {
            let msg = format!("duplicate pattern id `{id}`");
            self.problems.at(file, yaml::position(&raw.id), msg, None);
            return;
        }
        let relation = match raw.relation.value.as_str() {
            "title" => PatternRelation::Title,
            // Resolved when every file is read.
            _ => PatternRelation::Declared(usize::MAX),
        };
        let pos = yaml::position(&raw.pattern);
        let seq = match pattern::parse(&raw.pattern.value) {
            Ok(seq) => Some(seq),
            Err(e) => {
                // Point inside the pattern: its start in the file plus the
                // error's offset (after the opening quote when quoted).
                let start = self.problems.offset(file, pos);
                let quoted = self.problems.text(file)[start..].starts_with(['"', '\'']);
                let quote = usize::from(quoted);
                let msg = format!("pattern `{id}`: {}", e.message);
                self.problems
                    .at_offset(file, start + quote + e.offset, msg, None);
                None
            }
        };
        let Some(seq) = seq else {
            return;
        };
        let name: &'static str = Box::leak(id.clone().into_boxed_str());
        // `action: X` is `set: {action: X}`.
        let action = raw.action.as_ref().map(|a| ("action".to_string(), a));
        let set = action
            .into_iter()
            .chain(raw.set.iter().map(|(slot, v)| (slot.clone(), v)))
            .map(|(slot, v)| FixedValue {
                slot,
                value: v.value.clone(),
                pos: yaml::position(v),
            })
            .collect();
        let examples = raw
            .examples
            .into_iter()
            .map(|e| PatternExample {
                pos: yaml::position(&e.text),
                text: e.text.value,
                expect: e
                    .expect
                    .into_iter()
                    .map(|(slot, v)| match v {
                        RawExpected::One(one) => (slot, vec![one]),
                        RawExpected::Many(many) => (slot, many),
                    })
                    .collect(),
            })
            .collect();
        let inherit = raw
            .inherit
            .iter()
            .map(|s| (s.value.clone(), yaml::position(s)))
            .collect();
        let pattern = PatternRule {
            id,
            name,
            relation,
            source: raw.pattern.value,
            seq,
            set,
            inherit,
            examples,
            file: file.to_string(),
            pos,
        };
        if let PatternRelation::Declared(_) = pattern.relation {
            // Checked against the relation's slots once it is known.
            let at = yaml::position(&raw.relation);
            self.pending_patterns
                .push((self.set.patterns.len(), raw.relation.value, at));
            self.set.patterns.push(pattern);
            return;
        }
        self.check_fixed_values(&pattern);
        if let Some((_, at)) = pattern.inherit.first() {
            let msg = format!(
                "pattern `{}`: a title pattern cannot inherit slots",
                pattern.id
            );
            self.problems.at(file, *at, msg, None);
        }
        let sets_title = pattern.fixed("title").is_some() || pattern.fixed("office").is_some();
        let needs: &[Need] = if sets_title {
            &[("<person>", |n| *n == NonTerminal::Person)]
        } else {
            &[
                ("<person>", |n| *n == NonTerminal::Person),
                ("<title> or <office:ID>", |n| {
                    matches!(n, NonTerminal::Title | NonTerminal::Office(_))
                }),
            ]
        };
        for (what, test) in needs {
            if !pattern.mentions(test) {
                let msg = format!(
                    "pattern `{}` never captures {what}, which its relation needs",
                    pattern.id
                );
                self.problems.at(file, pattern.pos, msg, None);
            }
        }
        self.set.patterns.push(pattern);
    }

    fn check(&mut self, file: &str, raw: RawCheck) {
        let id = raw.id.value.clone();
        if let Some(first) = self.check_ids.get(&id) {
            let msg = format!("duplicate check id `{id}` (first defined in {first})");
            self.problems.at(file, yaml::position(&raw.id), msg, None);
            return;
        }
        self.check_ids.insert(id.clone(), file.to_string());
        // `agree` works over any declared relation, resolved when every
        // file is read; the other kinds over the relation they are about.
        let declared = matches!(raw.kind.value.as_str(), "agree" | "spelling");
        let kind = match raw.kind.value.as_str() {
            "agree" => Some(CheckKind::Agree {
                compare: match raw.compare.as_ref().map(|c| c.value.as_str()) {
                    Some("title") => Compare::Title,
                    Some("exact") => Compare::Exact,
                    // A slot, or the relation's value slot.
                    _ => Compare::Slot,
                },
            }),
            "date-consistency" => Some(CheckKind::DateConsistency),
            "single-holder" => Some(CheckKind::SingleHolder),
            "reference" => Some(CheckKind::Reference),
            "name-variant" => Some(CheckKind::NameVariant),
            "holder-return" => Some(CheckKind::HolderReturn),
            "two-offices" => Some(CheckKind::TwoOffices),
            "spelling" => Some(CheckKind::Spelling),
            "name-form" => Some(CheckKind::NameForm),
            other => {
                let msg = format!("check `{id}`: unknown kind `{other}`");
                let help = Some(format!("available kinds: {}", CheckKind::NAMES.join(", ")));
                self.problems.at(file, yaml::position(&raw.kind), msg, help);
                None
            }
        };
        let relations: &[&str] = match kind {
            Some(CheckKind::DateConsistency) => &["date"],
            Some(
                CheckKind::SingleHolder
                | CheckKind::Reference
                | CheckKind::HolderReturn
                | CheckKind::TwoOffices,
            ) => &["title"],
            Some(CheckKind::NameVariant | CheckKind::NameForm) => &["name"],
            _ => &[],
        };
        if !declared && kind.is_some() && !relations.contains(&raw.relation.value.as_str()) {
            let msg = format!("check `{id}`: unknown relation `{}`", raw.relation.value);
            let help = Some(format!(
                "available relations for this kind: {}",
                relations.join(", ")
            ));
            self.problems
                .at(file, yaml::position(&raw.relation), msg, help);
        }
        let severity = Severity::parse(&raw.severity.value);
        if severity.is_none() {
            let msg = format!("check `{id}`: unknown severity `{}`", raw.severity.value);
            let help = Some("use error, warning or info".into());
            self.problems
                .at(file, yaml::position(&raw.severity), msg, help);
        }
        let mut slot_placeholders = Vec::new();
        for placeholder in placeholders(&raw.message.value) {
            let slot = placeholder
                .strip_prefix("a.")
                .or_else(|| placeholder.strip_prefix("b."));
            match slot {
                Some(slot) if declared && !PLACEHOLDERS.contains(&placeholder) => {
                    slot_placeholders.push(slot.to_string());
                    continue;
                }
                _ => {}
            }
            if !PLACEHOLDERS.contains(&placeholder) {
                let msg =
                    format!("check `{id}`: unknown placeholder `{{{placeholder}}}` in message");
                let help = Some(format!("available: {}", PLACEHOLDERS.join(", ")));
                self.problems
                    .at(file, yaml::position(&raw.message), msg, help);
            }
        }
        let tests = raw
            .tests
            .into_iter()
            .map(|t| RuleTest {
                name: t.name,
                docs: t.docs,
                expect_pos: t.expect.iter().map(|e| yaml::position(&e.check)).collect(),
                expect: t
                    .expect
                    .into_iter()
                    .map(|e| (e.check.value, e.subject))
                    .collect(),
            })
            .collect();
        if let (Some(kind), Some(severity)) = (kind, severity) {
            let compared = match kind {
                CheckKind::Agree {
                    compare: Compare::Slot,
                }
                | CheckKind::Spelling => raw.compare.as_ref(),
                _ => None,
            };
            let slot = if declared {
                self.pending_checks.push(PendingCheck {
                    check: self.set.checks.len(),
                    relation: raw.relation.value.clone(),
                    relation_pos: yaml::position(&raw.relation),
                    slot: compared.map(|c| (c.value.clone(), yaml::position(c))),
                    scope: raw
                        .scope
                        .as_ref()
                        .map(|c| (c.value.clone(), yaml::position(c))),
                    slot_placeholders,
                    message_pos: yaml::position(&raw.message),
                });
                compared.map(|c| c.value.clone())
            } else {
                None
            };
            self.set.checks.push(Check {
                slot,
                id,
                kind,
                relation: raw.relation.value,
                severity,
                message: raw.message.value,
                description: raw.description.unwrap_or_default(),
                file: file.to_string(),
                tests,
                within_days: raw.within_days,
                within_article: raw.within_article,
                bare_surnames: raw.bare_surnames,
                join_surnames: raw.join_surnames,
                round_trips: raw.round_trips,
                tolerance: raw.tolerance.unwrap_or(0.0),
                scope: raw.scope.as_ref().map(|s| s.value.clone()),
            });
        }
    }

    fn finish(mut self) -> (Rules, Problems) {
        for test_file in self.set.checks.clone() {
            for t in &test_file.tests {
                for ((check, _), pos) in t.expect.iter().zip(&t.expect_pos) {
                    if !self.check_ids.contains_key(check) {
                        let msg = format!("test `{}` expects unknown check `{check}`", t.name);
                        self.problems.at(&test_file.file, *pos, msg, None);
                    }
                }
            }
        }
        self.check_office_refs();
        self.resolve_declared();
        (self.set, self.problems)
    }

    /// `relations:` — slots typed, key, subject and value slots declared.
    fn relation(&mut self, file: &str, raw: RawRelation) {
        let id = raw.id.value.clone();
        let at = yaml::position(&raw.id);
        let first = self.set.relations.iter().find(|r| r.id == id);
        if let Some(first) = first {
            let msg = format!("relation `{id}` is already defined (in {})", first.file);
            self.problems.at(file, at, msg, Some(self.relation_help()));
            return;
        }
        if super::STREAMS.contains(&id.as_str()) {
            let msg = format!("relation `{id}` is the claim stream of a check kind");
            let help = Some(format!("reserved: {}", super::STREAMS.join(", ")));
            self.problems.at(file, at, msg, help);
            return;
        }
        let mut slots = Vec::new();
        for (name, slot) in &raw.slots {
            if !pattern::is_slot_name(name) {
                let msg = format!("relation `{id}`: `{name}` is not a slot name");
                let help = Some("a letter, then letters, digits, `_` or `-`".into());
                self.problems.at(file, yaml::position(&slot.ty), msg, help);
            }
            match SlotType::parse(&slot.ty.value) {
                // Titles are read by the title grammar, for `title` only.
                Some(SlotType::Title) if id != "title" => {
                    let msg = format!(
                        "relation `{id}`: slot `{name}` cannot be a title; titles are the `title` relation's"
                    );
                    let help = Some("write patterns with `relation: title`".into());
                    self.problems.at(file, yaml::position(&slot.ty), msg, help);
                }
                Some(ty) => slots.push(SlotDecl {
                    name: name.clone(),
                    ty,
                    unit: slot.unit.clone(),
                    required: slot.required,
                    from: slot.from.clone(),
                }),
                None => {
                    let msg = format!(
                        "relation `{id}`: slot `{name}` has unknown type `{}`",
                        slot.ty.value
                    );
                    let types: Vec<&str> = SlotType::ALL.iter().map(|(n, _)| *n).collect();
                    let help = Some(format!("types: {}", types.join(", ")));
                    self.problems.at(file, yaml::position(&slot.ty), msg, help);
                }
            }
        }
        let declared = |name: &str| raw.slots.contains_key(name);
        let subject = raw
            .subject
            .as_ref()
            .map_or("subject".to_string(), |s| s.value.clone());
        let mut named = raw.key.iter().collect::<Vec<_>>();
        named.extend(raw.subject.iter());
        named.extend(raw.value.iter());
        for s in named {
            if !declared(&s.value) {
                let msg = format!(
                    "relation `{id}` names slot `{}`, which it does not declare",
                    s.value
                );
                self.problems.at(file, yaml::position(s), msg, None);
            }
        }
        for (name, slot) in &raw.slots {
            if let Some(from) = slot.from.as_ref().filter(|f| !declared(f) || *f == name) {
                let msg = format!(
                    "relation `{id}`: slot `{name}` is read from `{from}`, which is not another slot"
                );
                self.problems.at(file, yaml::position(&slot.ty), msg, None);
            }
        }
        if raw.subject.is_none() && !declared("subject") {
            let msg = format!("relation `{id}` needs a `subject` slot (or `subject:` naming one)");
            self.problems.at(file, at, msg, None);
        }
        let key: Vec<String> = raw.key.iter().map(|k| k.value.clone()).collect();
        let value = match &raw.value {
            Some(v) => v.value.clone(),
            None => raw
                .slots
                .keys()
                .find(|s| **s != subject && !key.contains(s))
                .cloned()
                .unwrap_or_else(|| subject.clone()),
        };
        self.set.relations.push(Relation {
            id,
            slots,
            key,
            subject,
            value,
            description: raw.description.unwrap_or_default(),
            file: file.to_string(),
            pos: at,
        });
    }

    /// Patterns and checks of declared relations, now that every file's
    /// relations are known.
    fn resolve_declared(&mut self) {
        for (index, name, at) in std::mem::take(&mut self.pending_patterns) {
            let file = self.set.patterns[index].file.clone();
            let Some(r) = self.set.relations.iter().position(|r| r.id == name) else {
                let id = &self.set.patterns[index].id;
                let msg = format!("pattern `{id}`: unknown relation `{name}`");
                self.problems.at(&file, at, msg, Some(self.relation_help()));
                continue;
            };
            self.set.patterns[index].relation = PatternRelation::Declared(r);
            let relation = &self.set.relations[r];
            bind_to_subject(&mut self.set.patterns[index].seq, relation);
            self.check_declared_pattern(index, r);
        }
        for p in std::mem::take(&mut self.pending_checks) {
            let check = &self.set.checks[p.check];
            let (id, file) = (check.id.clone(), check.file.clone());
            let Some(relation) = self.set.relations.iter().find(|r| r.id == p.relation) else {
                let msg = format!("check `{id}`: unknown relation `{}`", p.relation);
                self.problems
                    .at(&file, p.relation_pos, msg, Some(self.relation_help()));
                continue;
            };
            let relation = relation.clone();
            self.resolve_compared(p.check, &relation, p.slot.as_ref());
            if let Some((scope, at)) = &p.scope {
                if relation.slot(scope).is_none() {
                    let msg = format!(
                        "check `{id}`: relation `{}` has no slot `{scope}` to scope by",
                        relation.id
                    );
                    self.problems
                        .at(&file, *at, msg, Some(slot_help(&relation)));
                }
            }
            let filled = self.filled_slots(&relation.id);
            let mut named = p.slot_placeholders.clone();
            named.sort();
            named.dedup();
            for slot in &named {
                if relation.slot(slot).is_none() || !filled.contains(slot) {
                    let msg = format!(
                        "check `{id}`: message uses slot `{slot}`, which no pattern of relation `{}` captures or sets",
                        relation.id
                    );
                    self.problems
                        .at(&file, p.message_pos, msg, Some(slot_help(&relation)));
                }
            }
        }
    }

    /// The slot an `agree` check compares: `compare: title` the title
    /// slot, `compare: SLOT` that slot, none the relation's value slot; a
    /// title-typed slot is compared as a title.
    fn resolve_compared(
        &mut self,
        index: usize,
        relation: &Relation,
        slot: Option<&(String, Pos)>,
    ) {
        let title_slot = relation.slots.iter().find(|s| s.ty == SlotType::Title);
        let check = &mut self.set.checks[index];
        if check.kind == CheckKind::Spelling {
            return self.resolve_spelled(index, relation, slot);
        }
        let CheckKind::Agree { compare } = &mut check.kind else {
            return;
        };
        let problem = match (*compare, slot) {
            (Compare::Exact, _) => None,
            (Compare::Title, _) => match title_slot {
                Some(t) => {
                    check.slot = Some(t.name.clone());
                    None
                }
                None => Some((
                    format!(
                        "check `{}`: `compare: title` needs a title slot; relation `{}` has none",
                        check.id, relation.id
                    ),
                    None,
                )),
            },
            (_, Some((name, at))) => match relation.slot(name) {
                Some(decl) => {
                    if decl.ty == SlotType::Title {
                        *compare = Compare::Title;
                    }
                    None
                }
                None => Some((
                    format!(
                        "check `{}`: relation `{}` has no slot `{name}` to compare",
                        check.id, relation.id
                    ),
                    Some(*at),
                )),
            },
            (_, None) => {
                check.slot = Some(relation.value.clone());
                if relation.slot(&relation.value).map(|s| s.ty) == Some(SlotType::Title) {
                    *compare = Compare::Title;
                }
                None
            }
        };
        if let Some((msg, at)) = problem {
            let file = check.file.clone();
            let at = at.unwrap_or(relation.pos);
            self.problems.at(&file, at, msg, Some(slot_help(relation)));
        }
    }

    /// The slot a `spelling` check compares: a slot of words (`text`,
    /// `place`, `org`, `entity`), `compare:` or the relation's value.
    fn resolve_spelled(&mut self, index: usize, relation: &Relation, slot: Option<&(String, Pos)>) {
        let check = &mut self.set.checks[index];
        let (name, at) = match slot {
            Some((name, at)) => (name.clone(), *at),
            None => (relation.value.clone(), relation.pos),
        };
        let problem = match relation.slot(&name).map(|s| s.ty) {
            Some(SlotType::Text | SlotType::Place | SlotType::Org | SlotType::Entity) => None,
            Some(ty) => Some(format!(
                "check `{}`: slot `{name}` is a {}; a spelling check compares words (a text, place, org or entity slot)",
                check.id,
                ty.as_str()
            )),
            None => Some(format!(
                "check `{}`: relation `{}` has no slot `{name}` to compare",
                check.id, relation.id
            )),
        };
        check.slot = Some(name);
        if let Some(msg) = problem {
            let file = check.file.clone();
            self.problems.at(&file, at, msg, Some(slot_help(relation)));
        }
    }

    fn relation_help(&self) -> String {
        let names: Vec<&str> = self.set.relations.iter().map(|r| r.id.as_str()).collect();
        format!("relations: {}", names.join(", "))
    }

    /// Slots some pattern of `relation` captures or sets.
    fn filled_slots(&self, relation: &str) -> Vec<String> {
        let Some(r) = self.set.relations.iter().position(|x| x.id == relation) else {
            return Vec::new();
        };
        if super::filled_by_reader(relation) {
            return self.set.relations[r]
                .slots
                .iter()
                .map(|s| s.name.clone())
                .collect();
        }
        self.set
            .patterns
            .iter()
            .filter(|p| p.relation == PatternRelation::Declared(r))
            .flat_map(|p| p.slots().into_iter().map(|(s, _)| s))
            .collect()
    }

    /// A declared relation's pattern fills only declared slots, with
    /// non-terminals of their types, and fills the subject.
    fn check_declared_pattern(&mut self, index: usize, r: usize) {
        let (pattern, relation) = (&self.set.patterns[index], &self.set.relations[r]);
        let mut problems = Vec::new();
        for (slot, nt) in pattern.slots() {
            match (relation.slot(&slot), &nt) {
                (None, _) => problems.push((
                    format!(
                        "pattern `{}` fills slot `{slot}`, which relation `{}` does not declare",
                        pattern.id, relation.id
                    ),
                    pattern
                        .set
                        .iter()
                        .find(|f| f.slot == slot)
                        .map_or(pattern.pos, |f| f.pos),
                )),
                (Some(decl), Some(nt)) if !decl.ty.accepts(nt) => problems.push((
                    format!(
                        "pattern `{}`: slot `{slot}` is a {} but `<{}>` captures it",
                        pattern.id,
                        decl.ty.as_str(),
                        nt.kind()
                    ),
                    pattern.pos,
                )),
                _ => {}
            }
        }
        for (slot, at) in &pattern.inherit {
            if relation.slot(slot).is_none() {
                problems.push((
                    format!(
                        "pattern `{}` inherits slot `{slot}`, which relation `{}` does not declare",
                        pattern.id, relation.id
                    ),
                    *at,
                ));
            }
        }
        let inherits = |name: &str| pattern.inherit.iter().any(|(s, _)| s == name);
        let slots = pattern.slots();
        let writes = |name: &str| slots.iter().any(|(s, _)| s == name);
        // A slot read from another (`from:`) is filled when that one is.
        let fills = |name: &str| {
            writes(name)
                || relation
                    .slot(name)
                    .and_then(|d| d.from.as_deref())
                    .is_some_and(writes)
        };
        let mut missing = Vec::new();
        for required in relation.slots.iter().filter(|s| s.required) {
            if required.name != relation.subject
                && !inherits(&required.name)
                && !fills(&required.name)
            {
                missing.push((
                    format!(
                        "pattern `{}` never fills `{}`, which relation `{}` requires",
                        pattern.id, required.name, relation.id
                    ),
                    format!(
                        "capture it in `match` or give it a fixed value: `set: {{{}: …}}`",
                        required.name
                    ),
                ));
            }
        }
        if !inherits(&relation.subject) && !fills(&relation.subject) {
            problems.push((
                format!(
                    "pattern `{}` never fills `{}`, the subject of relation `{}`",
                    pattern.id, relation.subject, relation.id
                ),
                pattern.pos,
            ));
        }
        let (file, at) = (pattern.file.clone(), pattern.pos);
        let help = slot_help(relation);
        for (msg, at) in problems {
            self.problems.at(&file, at, msg, Some(help.clone()));
        }
        for (msg, help) in missing {
            self.problems.at(&file, at, msg, Some(help));
        }
    }

    /// Fixed values of a title pattern: `title`, `office` (a vocabulary
    /// office), `org` (a slot the pattern captures) and `qualifier`.
    fn check_fixed_values(&mut self, pattern: &PatternRule) {
        let allowed: &[&str] = &["title", "office", "org", "qualifier"];
        let captured: Vec<String> = pattern
            .slots()
            .into_iter()
            .filter(|(_, nt)| nt.is_some())
            .map(|(s, _)| s)
            .collect();
        for f in &pattern.set {
            if !allowed.contains(&f.slot.as_str()) {
                let msg = format!("pattern `{}`: cannot set `{}`", pattern.id, f.slot);
                let help = Some(format!(
                    "this relation's fixed values: {}",
                    allowed.join(", ")
                ));
                self.problems.at(&pattern.file, f.pos, msg, help);
            }
            if f.slot == "org" && !captured.contains(&f.value) {
                let msg = format!(
                    "pattern `{}`: `org: {}` names no slot the pattern captures",
                    pattern.id, f.value
                );
                let help = Some("write e.g. `<org:body>` in `match` and `org: body`".into());
                self.problems.at(&pattern.file, f.pos, msg, help);
            }
        }
    }
}

/// An unnamed non-terminal whose kind the relation has no slot for fills
/// the subject when the subject's type takes it: in `number`, whose
/// subject is an entity, "killed in <place>" names the figure's subject.
fn bind_to_subject(seq: &mut Seq, relation: &Relation) {
    let Some(subject) = relation.slot(&relation.subject) else {
        return;
    };
    for item in seq.iter_mut() {
        match item {
            Item::NonTerminal(nt)
                if relation.slot(nt.default_slot()).is_none() && subject.ty.accepts(nt) =>
            {
                *item = Item::Slot(nt.clone(), subject.name.clone());
            }
            Item::Choice(alts) | Item::Optional(alts) => {
                alts.iter_mut().for_each(|s| bind_to_subject(s, relation))
            }
            _ => {}
        }
    }
}

/// The slots of a relation, for help texts.
fn slot_help(relation: &Relation) -> String {
    let slots: Vec<String> = relation
        .slots
        .iter()
        .map(|s| format!("{} ({})", s.name, s.ty.as_str()))
        .collect();
    format!("relation `{}` declares: {}", relation.id, slots.join(", "))
}

impl Loader {
    /// `<office:ID>` must name an office of the vocabulary.
    fn check_office_refs(&mut self) {
        let known: Vec<String> = self.set.offices.iter().map(|o| o.id.clone()).collect();
        let unknown_office =
            |n: &NonTerminal| matches!(n, NonTerminal::Office(id) if !known.contains(id));
        let bad: Vec<(String, String, Pos)> = self
            .set
            .patterns
            .iter()
            .filter(|p| p.mentions(&unknown_office))
            .map(|p| (p.file.clone(), p.id.clone(), p.pos))
            .collect();
        for (file, id, pos) in bad {
            let msg = format!("pattern `{id}` refers to an office the vocabulary does not define");
            let help = Some(format!("known offices: {}", known.join(", ")));
            self.problems.at(&file, pos, msg, help);
        }
        // `set: {office: ID}`, pointing at the fixed value.
        let bad_fixed: Vec<(String, String, String, Pos)> = self
            .set
            .patterns
            .iter()
            .flat_map(|p| p.set.iter().map(move |f| (p, f)))
            .filter(|(_, f)| f.slot == "office" && !known.contains(&f.value))
            .map(|(p, f)| (p.file.clone(), p.id.clone(), f.value.clone(), f.pos))
            .collect();
        for (file, id, office, pos) in bad_fixed {
            let msg = format!(
                "pattern `{id}` sets office `{office}`, which the vocabulary does not define"
            );
            let help = Some(format!("known offices: {}", known.join(", ")));
            self.problems.at(&file, pos, msg, help);
        }
    }
}

/// `2021-09-01`, `2021-09` (first or last day of the month) or `2021`.
fn parse_term_date(text: &str, end: bool) -> Option<jiff::civil::Date> {
    let parts: Vec<&str> = text.trim().split('-').collect();
    let year: i16 = parts.first()?.parse().ok()?;
    let month: i8 = match parts.get(1) {
        Some(m) => m.parse().ok()?,
        None => {
            if end {
                12
            } else {
                1
            }
        }
    };
    let first = jiff::civil::Date::new(year, month, 1).ok()?;
    match parts.get(2) {
        Some(d) => jiff::civil::Date::new(year, month, d.parse().ok()?).ok(),
        None if end => Some(first.last_of_month()),
        None => Some(first),
    }
}

const PLACEHOLDERS: &[&str] = &[
    "subject", "relation", "check", "reason", "a", "b", "a.doc", "b.doc", "a.line", "b.line",
];

/// Is a deserializer error only the echo of unknown keys already
/// reported: the same key again, or the missing field one of them
/// misspells (`severty` for `severity`)?
fn follows_from(message: &str, unknown: &[UnknownKey]) -> bool {
    let named = message.split('`').nth(1);
    let Some(named) = named else { return false };
    if message.starts_with("unknown field") {
        return unknown.iter().any(|k| k.key == named);
    }
    message.starts_with("missing field")
        && unknown.iter().any(|k| {
            did_you_mean(&k.message()).is_some_and(|h| h == format!("did you mean `{named}`?"))
        })
}

/// For "unknown field `x`, expected one of a, b" (with or without
/// backticks around the names): the closest name, if close enough.
fn did_you_mean(message: &str) -> Option<String> {
    if !message.contains("unknown field") {
        return None;
    }
    let unknown = message.split('`').nth(1)?;
    let expected = message.split("expected").nth(1)?;
    let expected = expected.trim_start().trim_start_matches("one of").trim();
    let best = expected
        .split(',')
        .map(|e| e.trim().trim_matches('`'))
        .filter(|e| !e.is_empty())
        .min_by_key(|e| crate::text::edit_distance(unknown, e))
        .filter(|e| crate::text::edit_distance(unknown, e) <= 3)?;
    Some(format!("did you mean `{best}`?"))
}
