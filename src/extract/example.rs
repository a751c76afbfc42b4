//! Pattern examples (`examples:` under a pattern): what a pattern
//! extracts from a sentence, slot by slot, so `claimcheck rules test` can
//! compare it with what the author expects and `explain` can show it.

use std::collections::BTreeMap;

use crate::claim::Claim;
use crate::corpus::Document;
use crate::ruleset::RuleSet;

/// Each claim pattern `pattern` finds in `text` (a document of its own),
/// as slot → values shown.
pub fn pattern_claims(
    rules: &RuleSet,
    pattern: usize,
    text: &str,
) -> Vec<BTreeMap<String, Vec<String>>> {
    let name = rules.patterns[pattern].name;
    let doc = Document::from_text("example.txt", text);
    super::extract_document(rules, 0, &doc)
        .claims
        .iter()
        .filter(|c| c.pattern == name)
        .map(slots_shown)
        .collect()
}

/// A claim's slots as an example states them.
pub fn slots_shown(c: &Claim) -> BTreeMap<String, Vec<String>> {
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut put = |slot: &str, value: String| out.entry(slot.to_string()).or_default().push(value);
    match &c.facts {
        Some(facts) => {
            for fill in &facts.slots {
                put(&fill.slot, fill.shown().to_string());
            }
        }
        None => {
            put("subject", c.subject.to_string());
            put("title", c.value.to_string());
            if let Some(org) = &c.title.org {
                put("org", org.clone());
            }
            if let Some(office) = &c.title.office {
                put("office", office.clone());
            }
            for q in &c.title.qualifiers {
                put("qualifier", q.clone());
            }
        }
    }
    for values in out.values_mut() {
        values.sort();
    }
    out
}

/// Does a claim's slots satisfy an example's expectations (each expected
/// slot with exactly these values, in any order)?
pub fn satisfies(got: &BTreeMap<String, Vec<String>>, want: &[(String, Vec<String>)]) -> bool {
    want.iter().all(|(slot, values)| {
        let mut values = values.clone();
        values.sort();
        got.get(slot).is_some_and(|g| *g == values)
    })
}
