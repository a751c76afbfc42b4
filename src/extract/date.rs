//! Date claims: every date expression of a document's body, resolved
//! against its publication date, nearest occurrence first (news reports
//! both what happened and what will).

use crate::claim::DateClaim;
use crate::corpus::{DocId, Document};
use crate::source::Span;
use crate::temporal;

/// The document's date expressions in text order.
pub fn document_dates(id: DocId, doc: &Document) -> Vec<DateClaim> {
    let body = &doc.text[doc.body_start..];
    temporal::find_dates(body, doc.published, temporal::Bias::Nearest)
        .into_iter()
        .map(|m| DateClaim {
            doc: id,
            span: Span::new(doc.body_start + m.start, doc.body_start + m.end),
            value: m.value,
            weekday_mismatch: m.weekday_mismatch,
            at: Default::default(),
        })
        .collect()
}
