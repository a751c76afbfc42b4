//! Every unknown key of a rule file, in one run.
//!
//! serde stops at the first unknown key (`deny_unknown_fields`), so a file
//! with two typos would need two runs. Before deserializing, the file is
//! read once more as a generic tree ([`yaml::tree`]) and walked together
//! with the JSON Schema of the serde structs ([`schema::json_schema`]):
//! the schema is the one list of the keys each mapping may have, so a new
//! field of a raw struct is known here with no other change.

use std::ops::Range;
use std::sync::OnceLock;

use serde_json::Value;

use super::schema;
use super::yaml::{self, Node, NodeKind};

/// A key the schema does not allow where it was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct UnknownKey {
    pub key: String,
    /// Byte offset of the key.
    pub at: usize,
    /// The keys allowed there, sorted.
    pub expected: Vec<String>,
}

impl UnknownKey {
    /// The deserializer's words for it.
    pub fn message(&self) -> String {
        format!(
            "unknown field `{}`, expected one of {}",
            self.key,
            self.expected.join(", ")
        )
    }
}

/// The unknown keys of a file, and the file without them.
#[derive(Debug, Default)]
pub(super) struct Unknown {
    pub keys: Vec<UnknownKey>,
    /// The text with each unknown entry blanked (same positions), to
    /// deserialize what is left; `None` when there was nothing to blank.
    pub rest: Option<String>,
}

/// The unknown keys of `text`, in file order. A file that does not parse
/// has none here (the deserializer reports its syntax error).
pub(super) fn unknown(text: &str) -> Unknown {
    let Some(root) = yaml::tree(text) else {
        return Unknown::default();
    };
    let mut walk = Walk {
        root: schema_value(),
        text,
        keys: Vec::new(),
        blank: Vec::new(),
        empty: Vec::new(),
    };
    walk.node(&root, walk.root, 0);
    if walk.keys.is_empty() {
        return Unknown::default();
    }
    let rest = yaml::blank(text, &walk.blank, &walk.empty);
    Unknown {
        keys: walk.keys,
        rest: Some(rest),
    }
}

fn schema_value() -> &'static Value {
    static SCHEMA: OnceLock<Value> = OnceLock::new();
    SCHEMA.get_or_init(schema::json_schema)
}

/// How deep `$ref`s and combinators are followed (the schema's own nesting
/// is far less; this only stops a cycle).
const MAX_SCHEMA_DEPTH: usize = 32;

struct Walk<'a> {
    root: &'a Value,
    text: &'a str,
    keys: Vec<UnknownKey>,
    blank: Vec<Range<usize>>,
    empty: Vec<usize>,
}

impl<'a> Walk<'a> {
    /// The schemas `schema` stands for: `$ref`s followed, `anyOf`, `oneOf`
    /// and `allOf` branches expanded.
    fn branches(&self, schema: &'a Value, depth: usize, out: &mut Vec<&'a Value>) {
        if depth > MAX_SCHEMA_DEPTH || !schema.is_object() {
            return;
        }
        out.push(schema);
        if let Some(target) = schema.get("$ref").and_then(Value::as_str) {
            if let Some(s) = target.strip_prefix('#').and_then(|p| self.root.pointer(p)) {
                self.branches(s, depth + 1, out);
            }
        }
        for combinator in ["anyOf", "oneOf", "allOf"] {
            for s in schema
                .get(combinator)
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                self.branches(s, depth + 1, out);
            }
        }
    }

    fn node(&mut self, node: &Node, schema: &'a Value, depth: usize) {
        // The walk only goes where the schema has structure, so it is as
        // deep as the schema at most; this guards a self-referring one.
        if depth > MAX_SCHEMA_DEPTH {
            return;
        }
        let mut branches = Vec::new();
        self.branches(schema, 0, &mut branches);
        match &node.kind {
            NodeKind::Seq(items) => {
                let item_schemas: Vec<&Value> =
                    branches.iter().filter_map(|b| b.get("items")).collect();
                for item in items {
                    for s in &item_schemas {
                        self.node(item, s, depth + 1);
                    }
                }
            }
            NodeKind::Map { flow, entries } => self.map(*flow, entries, &branches, depth),
            NodeKind::Scalar(_) | NodeKind::Alias => {}
        }
    }

    fn map(&mut self, flow: bool, entries: &[(Node, Node)], branches: &[&'a Value], depth: usize) {
        let properties: Vec<&'a serde_json::Map<String, Value>> = branches
            .iter()
            .filter_map(|b| b.get("properties").and_then(Value::as_object))
            .collect();
        let additional: Vec<&'a Value> = branches
            .iter()
            .filter_map(|b| b.get("additionalProperties"))
            .collect();
        // Only a mapping whose schema lists its keys and allows no other
        // has unknown keys; free names (`docs`, `spellings`) never do.
        let closed = !properties.is_empty()
            && additional.iter().all(|a| *a == &Value::Bool(false))
            && !additional.is_empty();
        let mut removed = 0;
        for (key, value) in entries {
            let NodeKind::Scalar(name) = &key.kind else {
                continue;
            };
            let known: Vec<&'a Value> = properties.iter().filter_map(|p| p.get(name)).collect();
            if !known.is_empty() {
                for s in known {
                    self.node(value, s, depth + 1);
                }
            } else if closed && name != "<<" {
                let mut expected: Vec<String> =
                    properties.iter().flat_map(|p| p.keys().cloned()).collect();
                expected.sort();
                expected.dedup();
                self.keys.push(UnknownKey {
                    key: name.clone(),
                    at: key.start,
                    expected,
                });
                self.blank.push(key.start..self.entry_end(value.end, flow));
                removed += 1;
            } else {
                for s in additional.iter().filter(|a| a.is_object()) {
                    self.node(value, s, depth + 1);
                }
            }
        }
        if removed > 0 && removed == entries.len() && !flow {
            // A block mapping left with no entry would read as null.
            self.empty.push(entries[0].0.start);
        }
    }

    /// Where an entry ending at `end` ends with its separator: in a flow
    /// mapping the `,` that follows it.
    fn entry_end(&self, end: usize, flow: bool) -> usize {
        if !flow {
            return end;
        }
        let rest = &self.text[end.min(self.text.len())..];
        let gap = rest.len() - rest.trim_start().len();
        match rest[gap..].starts_with(',') {
            true => end + gap + 1,
            false => end,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::{Rules, SHIPPED};

    /// (line, column, message, help) of every problem of one file.
    fn problems(text: &str) -> Vec<(usize, usize, String, Option<String>)> {
        let (_, problems) = Rules::read(&[("r.yaml".into(), text.into())]);
        match problems.into_result(()) {
            Ok(()) => Vec::new(),
            Err(e) => e
                .problems
                .into_iter()
                .map(|p| (p.line, p.column, p.message, p.help))
                .collect(),
        }
    }

    fn positions(text: &str) -> Vec<(usize, usize)> {
        problems(text).into_iter().map(|p| (p.0, p.1)).collect()
    }

    #[test]
    fn two_unknown_top_level_keys_are_both_reported() {
        let text = "version: 1\nvocabulery:\n  ranks: []\nchekcs: []\n";
        let found = problems(text);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!((found[0].0, found[0].1), (2, 1));
        assert!(found[0]
            .2
            .starts_with("unknown field `vocabulery`, expected one of "));
        assert!(found[0]
            .2
            .contains("checks, patterns, relations, version, vocabulary"));
        assert_eq!(found[0].3.as_deref(), Some("did you mean `vocabulary`?"));
        assert_eq!((found[1].0, found[1].1), (4, 1));
        assert_eq!(found[1].3.as_deref(), Some("did you mean `checks`?"));
    }

    #[test]
    fn unknown_keys_at_every_nesting_level() {
        let text = "\
version: 1
extra: 1
vocabulary:
  offices:
    - id: x
      names: [x]
      holders: [{person: A B, form: 2020}]
  rankz: []
checks:
  - id: c
    kind: agree
    relation: title
    severity: error
    message: \"{subject}\"
    tests:
      - name: t
        docs: {a.txt: \"x\"}
        expekt: []
";
        let found = problems(text);
        let at: Vec<(usize, usize, &str)> = found
            .iter()
            .map(|p| (p.0, p.1, p.2.split('`').nth(1).unwrap()))
            .collect();
        assert_eq!(
            at,
            [
                (2, 1, "extra"),
                (7, 31, "form"),
                (8, 3, "rankz"),
                (18, 9, "expekt"),
            ],
            "{found:?}"
        );
        assert_eq!(found[1].3.as_deref(), Some("did you mean `from`?"));
        assert_eq!(found[3].3.as_deref(), Some("did you mean `expect`?"));
    }

    #[test]
    fn known_keys_are_never_reported() {
        for (name, text) in SHIPPED {
            assert!(super::unknown(text).keys.is_empty(), "{name}");
        }
        let text = "version: 1\nvocabulary:\n  ranks: [{id: deputy, words: [deputy]}]\n  qualifiers:\n    - id: former\n      words: [former]\n      time: past\n";
        assert_eq!(problems(text), []);
    }

    #[test]
    fn free_names_of_maps_are_not_keys() {
        // `docs` names documents and `spellings` words: any name goes.
        let text = "\
version: 1
vocabulary:
  spellings: {severty: severity, colour: color}
checks:
  - id: c
    kind: agree
    relation: title
    severity: error
    message: \"{subject}\"
    tests:
      - name: t
        docs:
          vocabulery: \"x\"
          expekt: \"y\"
";
        assert_eq!(problems(text), []);
    }

    #[test]
    fn problems_after_unknown_keys_are_still_found() {
        // Two unknown keys (one in a flow mapping) and a semantic problem.
        let text = "\
version: 1
vocabulery: {}
checks:
  - {id: c, kind: agree, relation: title, colour: red, severity: fatal, message: \"{subject}\"}
";
        let found = problems(text);
        assert_eq!(positions(text), [(2, 1), (4, 43), (4, 66)], "{found:?}");
        assert!(found[2].2.contains("unknown severity `fatal`"), "{found:?}");
    }

    #[test]
    fn a_misspelt_required_key_is_one_problem() {
        // Not also "missing field `severity`".
        let text = "version: 1\nchecks:\n  - id: x\n    kind: agree\n    relation: title\n    severty: error\n    message: m\n";
        let found = problems(text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!((found[0].0, found[0].1), (6, 5));
    }

    #[test]
    fn a_mapping_of_unknown_keys_only_and_an_anchor_on_one() {
        let text = "version: 1\nvocabulary:\n  rankz: []\n";
        assert_eq!(positions(text), [(3, 3)]);
        // The anchor goes with its unknown key: only that key is reported.
        let text = "version: 1\nx: &a [{id: a, words: [a]}]\nvocabulary:\n  ranks: *a\n";
        assert_eq!(positions(text), [(2, 1)]);
    }
}
