//! The loader: raw serde structs ([`super::schema`]) → the validated
//! model ([`Rules`]), every problem of every file gathered.

use std::collections::HashMap;

use super::keys::{self, UnknownKey};
use super::pattern::{self, NonTerminal};
use super::schema::{RawCheck, RawFile, RawOrg, RawPattern, RawVocabulary};
use super::{
    placeholders, yaml, Check, CheckKind, Compare, Holder, Named, Office, PatternRelation,
    PatternRule, Pos, Problems, RuleTest, Rules, Severity, Vocabulary,
};

/// What a pattern relation needs: a description and a test.
type Need = (&'static str, fn(&NonTerminal) -> bool);

#[derive(Default)]
struct Loader {
    set: Rules,
    problems: Problems,
    check_ids: HashMap<String, String>,
}

/// Reads the files into the model, gathering every problem.
pub(super) fn read(files: &[(String, String)]) -> (Rules, Problems) {
    let mut loader = Loader::default();
    for (name, text) in files {
        loader.file(name, text);
    }
    loader.finish()
}

impl Loader {
    fn file(&mut self, name: &str, text: &str) {
        self.problems.source(name, text);
        self.set.files.push(name.to_string());
        // Every unknown key first (serde stops at the first), then the
        // file without them, for the problems after those.
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
            return;
        }
        let raw: RawFile = match yaml::from_str(rest) {
            Ok(raw) => raw,
            Err(e) => {
                if !follows_from(&e.message, &unknown.keys) {
                    let offset = match (e.line, e.column) {
                        (Some(l), Some(c)) => super::offset_of(text, l, c),
                        _ => 0,
                    };
                    let help = did_you_mean(&e.message);
                    self.problems.at_offset(name, offset, e.message, help);
                }
                return;
            }
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
        for pattern in raw.patterns {
            self.pattern(name, pattern);
        }
        for check in raw.checks {
            self.check(name, check);
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
        };
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
        let relation = match (raw.relation.value.as_str(), &raw.action) {
            ("title", _) => Some(PatternRelation::Title),
            ("event", Some(action)) => Some(PatternRelation::Event {
                action: action.value.clone(),
            }),
            ("number", Some(quantity)) => Some(PatternRelation::Number {
                quantity: quantity.value.clone(),
            }),
            ("number", None) => {
                let msg = format!(
                    "pattern `{id}`: a number pattern needs `action` (the quantity's name)"
                );
                let help = Some("e.g. `action: death-toll`".into());
                self.problems
                    .at(file, yaml::position(&raw.relation), msg, help);
                None
            }
            ("event", None) => {
                let msg = format!("pattern `{id}`: an event pattern needs `action`");
                let help = Some("e.g. `action: travel`".into());
                self.problems
                    .at(file, yaml::position(&raw.relation), msg, help);
                None
            }
            (other, _) => {
                let msg = format!("pattern `{id}`: unknown relation `{other}`");
                let help = Some("pattern relations: title, event, number".into());
                self.problems
                    .at(file, yaml::position(&raw.relation), msg, help);
                None
            }
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
        let (Some(relation), Some(seq)) = (relation, seq) else {
            return;
        };
        let name: &'static str = Box::leak(id.clone().into_boxed_str());
        let pattern = PatternRule {
            id,
            name,
            relation,
            source: raw.pattern.value,
            seq,
            file: file.to_string(),
            pos,
        };
        let needs: &[Need] = match pattern.relation {
            PatternRelation::Title => &[
                ("<person>", |n| *n == NonTerminal::Person),
                ("<title> or <office:ID>", |n| {
                    matches!(n, NonTerminal::Title | NonTerminal::Office(_))
                }),
            ],
            PatternRelation::Event { .. } => &[
                ("<person>", |n| *n == NonTerminal::Person),
                ("<date>", |n| *n == NonTerminal::Date),
            ],
            PatternRelation::Number { .. } => &[
                ("<number>", |n| *n == NonTerminal::Number),
                ("<place> or <person>", |n| {
                    matches!(n, NonTerminal::Place | NonTerminal::Person)
                }),
            ],
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
        let kind = match raw.kind.value.as_str() {
            "agree" => {
                let compare = match raw.compare.as_ref().map(|c| c.value.as_str()) {
                    Some("title") | None => Some(Compare::Title),
                    Some("exact") => Some(Compare::Exact),
                    Some("date") => Some(Compare::Date),
                    Some("place") => Some(Compare::Place),
                    Some("number") => Some(Compare::Number),
                    Some(other) => {
                        let msg = format!("check `{id}`: unknown compare `{other}`");
                        let pos = raw.compare.as_ref().map(yaml::position).unwrap_or((1, 1));
                        self.problems.at(
                            file,
                            pos,
                            msg,
                            Some("use title, exact, date, place or number".into()),
                        );
                        None
                    }
                };
                compare.map(|compare| CheckKind::Agree { compare })
            }
            "date-consistency" => Some(CheckKind::DateConsistency),
            "single-holder" => Some(CheckKind::SingleHolder),
            "reference" => Some(CheckKind::Reference),
            "name-variant" => Some(CheckKind::NameVariant),
            other => {
                let msg = format!("check `{id}`: unknown kind `{other}`");
                let help = Some("available kinds: agree, date-consistency, single-holder, reference, name-variant".into());
                self.problems.at(file, yaml::position(&raw.kind), msg, help);
                None
            }
        };
        let relations: &[&str] = match kind {
            Some(CheckKind::DateConsistency) => &["date"],
            Some(CheckKind::SingleHolder | CheckKind::Reference) => &["title"],
            Some(CheckKind::NameVariant) => &["name"],
            Some(CheckKind::Agree {
                compare: Compare::Date | Compare::Place,
            }) => &["event"],
            Some(CheckKind::Agree {
                compare: Compare::Number,
            }) => &["number"],
            _ => &["title", "event"],
        };
        if !relations.contains(&raw.relation.value.as_str()) {
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
        for placeholder in placeholders(&raw.message.value) {
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
            self.set.checks.push(Check {
                id,
                kind,
                relation: raw.relation.value,
                severity,
                message: raw.message.value,
                description: raw.description.unwrap_or_default(),
                file: file.to_string(),
                tests,
                within_days: raw.within_days,
                tolerance: raw.tolerance.unwrap_or(0.0),
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
        (self.set, self.problems)
    }
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
