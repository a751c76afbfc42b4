//! Title claims: a person holds an office. The claim grammar's matches
//! and `relation: title` patterns' captures become claims with the title
//! normalised and looked up in the vocabulary's offices.

use std::collections::BTreeSet;

use super::document::Sentences;
use crate::claim::{Claim, ClaimKind};
use crate::corpus::{DocId, Document};
use crate::grammar::{self, RawTitleClaim, TitleParts};
use crate::normalize::title::{add_countries_named, countries_named, normalize, parse_title_text};
use crate::normalize::{abstain_abroad, filed_abroad, Surnames};
use crate::patterns::PatternMatch;
use crate::ruleset::RuleSet;
use crate::source::one_line;

/// Turns one document's raw matches into claims (subjects resolved within
/// the document; corpus-wide display names come later).
pub fn claims(
    rules: &RuleSet,
    id: DocId,
    doc: &Document,
    raw: &[RawTitleClaim],
    people: &Surnames,
    sentences: &Sentences<'_>,
) -> Vec<Claim> {
    let lx = &rules.lexicon;
    let text = &doc.text;
    // Where the document was filed and the countries it names, read only
    // when a claim needs them.
    let mut abroad: Option<Option<BTreeSet<String>>> = None;
    let named = || {
        // The text before the body (a headline) was not segmented; the
        // sentences' tokens are read as they are.
        let mut found = countries_named(lx, &text[..doc.body_start]);
        for (_, tokens) in sentences.iter() {
            add_countries_named(lx, tokens, &mut found);
        }
        found
    };
    raw.iter()
        .map(|r| {
            let (subject, resolved) = people.resolve(&r.name);
            let mut norm = normalize(lx, &r.parts, &rules.qualifier_times);
            rules.office_index.classify(&mut norm);
            let index = &rules.office_index;
            let tied = norm
                .office
                .as_deref()
                .and_then(|id| index.office_country(id));
            if norm.org.is_none() && tied.is_some() {
                let filed = abroad
                    .get_or_insert_with(|| filed_abroad(lx, text, doc.dateline.as_deref(), named));
                abstain_abroad(index, &mut norm, filed.as_ref());
            }
            Claim {
                doc: id,
                span: r.span,
                kind: ClaimKind::Title,
                subject_key: people.key(lx, &subject).into(),
                subject: subject.into(),
                document_subject: String::new().into(),
                subject_resolved: resolved,
                value: one_line(&text[r.value_span.start..r.value_span.end]).into(),
                value_span: r.value_span,
                title: norm.into(),
                pattern: r.pattern.as_str(),
                facts: None,
                at: Default::default(),
            }
        })
        .collect()
}

/// A title claim from a `relation: title` pattern's captures, and the
/// title as the claim shows it when the pattern sets it (`set: {title:
/// chair, org: body}` or `set: {office: ID}`) instead of capturing it.
pub fn from_pattern(
    rules: &RuleSet,
    text: &str,
    m: &PatternMatch,
) -> Option<(RawTitleClaim, Option<String>)> {
    let person = m.person?;
    let pattern = &rules.patterns[m.pattern];
    let lx = &rules.lexicon;
    let (value_span, mut parts, written) = if let Some(id) = pattern.fixed("office") {
        let name = rules.office_index.display.get(id)?;
        (m.span, parse_title_text(lx, name)?, Some(name.clone()))
    } else if let Some(title) = pattern.fixed("title") {
        let mut parts = parse_title_text(lx, title).unwrap_or_else(|| TitleParts {
            head: vec![title.to_lowercase()],
            ..TitleParts::default()
        });
        let org = pattern.fixed("org").and_then(|slot| m.span_of(slot));
        let written = match org {
            Some(span) => {
                let org = one_line(&text[span.start..span.end]);
                parts.org = org.split(' ').map(String::from).collect();
                format!("{title} of {org}")
            }
            None => title.to_string(),
        };
        (org.unwrap_or(m.span), parts, Some(written))
    } else {
        let (value_span, parts, _) = m.title.clone()?;
        (value_span, parts, None)
    };
    if let Some(q) = pattern.fixed("qualifier") {
        parts.qualifiers.push(q.to_lowercase());
    }
    let name = one_line(&text[person.start..person.end]);
    let surname = name.split_whitespace().last().unwrap_or("").to_string();
    let raw = RawTitleClaim {
        span: m.span,
        name_span: person,
        value_span,
        name,
        surname,
        parts,
        pattern: grammar::Pattern::Appositive,
        needs_full_name: false,
    };
    Some((raw, written))
}

#[cfg(test)]
mod tests {
    use crate::corpus::Document;
    use crate::ruleset::RuleSet;

    fn office_of(text: &str, dateline: Option<&str>) -> Option<String> {
        let rules = RuleSet::shipped().unwrap();
        let mut doc = Document::new("a.txt".into(), None, text.to_string());
        doc.body_start = 0;
        doc.dateline = dateline.map(String::from);
        let claims = super::super::extract_document(&rules, 0, &doc).claims;
        claims[0].title.office.clone()
    }

    #[test]
    fn an_unqualified_wording_abroad_is_not_the_vocabulary_office() {
        let bangladesh = "Commerce Secretary Rahim Uddin said exports grew.";
        assert_eq!(office_of(bangladesh, Some("DHAKA, March 9 -")), None);
        assert_eq!(
            office_of(&format!("DHAKA (Reuters) - {bangladesh}"), None),
            None
        );
        // Filed from Washington, from an unknown place, or naming the U.S.
        let us = "Commerce Secretary Malcolm Baldrige said Iran and Japan must listen.";
        let us = |dateline| office_of(us, dateline);
        assert_eq!(
            us(Some("WASHINGTON, March 9 -")).as_deref(),
            Some("us-commerce-secretary")
        );
        assert_eq!(
            us(Some("NEW YORK, March 9 -")).as_deref(),
            Some("us-commerce-secretary")
        );
        assert_eq!(us(None).as_deref(), Some("us-commerce-secretary"));
        assert_eq!(
            office_of(
                "Commerce Secretary Malcolm Baldrige said U.S. patience was running out.",
                Some("TOKYO, March 9 -")
            )
            .as_deref(),
            Some("us-commerce-secretary")
        );
    }
}
