//! The office index: the vocabulary's office wordings parsed with the
//! title grammar and keyed by their normalised form, so that a claim's
//! title can be looked up whatever its word order ("Defence Secretary",
//! "Secretary of Defense"). Compiled from the rule model's offices.

use std::collections::{BTreeSet, HashMap};

use super::title::{canonical_org, normalize, parse_title_text};
use crate::claim::NormTitle;
use crate::grammar::lexicon::WordBuildHasher;
use crate::grammar::Lexicon;
use crate::rules::{Office, QualifierTimes};

/// The vocabulary's office wordings, by normalised key.
#[derive(Debug, Clone, Default)]
pub struct OfficeIndex {
    /// Key → the offices with that wording: (id, descriptive, the
    /// organisation the wording itself names, e.g. "CIA" in "CIA director").
    by_key: HashMap<OfficeKey, Vec<OfficeEntry>, WordBuildHasher>,
    /// Canonical form of each office's first name, for comparing families.
    pub canonical: HashMap<String, NormTitle, WordBuildHasher>,
    pub org: HashMap<String, Option<String>, WordBuildHasher>,
    /// First name of each office, for messages.
    pub display: HashMap<String, String, WordBuildHasher>,
    /// Canonical country names (titles in two countries conflict).
    pub countries: crate::grammar::lexicon::WordSet,
}

type OfficeKey = (Option<String>, String, BTreeSet<String>, BTreeSet<String>);

/// An office a wording names: (id, descriptive, the organisation the
/// wording itself names).
type OfficeEntry = (String, bool, Option<String>);

/// An [`OfficeKey`] read off a title without copying it: every claim's
/// title is looked up, and the copy of its strings and sets cost more than
/// the look-up. Hashes and compares as the key it borrows.
type KeyRef<'t> = (
    Option<&'t str>,
    &'t str,
    &'t BTreeSet<String>,
    &'t BTreeSet<String>,
);

/// What [`OfficeKey`] and [`KeyRef`] have in common, so the index can be
/// read with a [`KeyRef`] ([`std::borrow::Borrow`] into one trait object).
trait OfficeKeyView {
    fn view(&self) -> KeyRef<'_>;
}

impl OfficeKeyView for OfficeKey {
    fn view(&self) -> KeyRef<'_> {
        (self.0.as_deref(), &self.1, &self.2, &self.3)
    }
}

impl OfficeKeyView for KeyRef<'_> {
    fn view(&self) -> KeyRef<'_> {
        *self
    }
}

impl<'a> std::borrow::Borrow<dyn OfficeKeyView + 'a> for OfficeKey {
    fn borrow(&self) -> &(dyn OfficeKeyView + 'a) {
        self
    }
}

/// `Option<&str>`, `&str` and `&BTreeSet` hash as `Option<String>`,
/// `String` and `BTreeSet`: the same hash as the owned key.
impl std::hash::Hash for dyn OfficeKeyView + '_ {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.view().hash(state);
    }
}

impl PartialEq for dyn OfficeKeyView + '_ {
    fn eq(&self, other: &Self) -> bool {
        self.view() == other.view()
    }
}

impl Eq for dyn OfficeKeyView + '_ {}

fn key_of(t: &NormTitle) -> OfficeKey {
    (
        t.rank.clone(),
        t.head.clone(),
        t.portfolio.clone(),
        t.domain.clone(),
    )
}

impl OfficeIndex {
    /// Parses every office name and description with the title grammar.
    /// Errors: (file, text to point at, message).
    pub fn build(
        lx: &Lexicon,
        offices: &[Office],
        times: &QualifierTimes,
    ) -> Result<OfficeIndex, Vec<(String, String, String)>> {
        let mut index = OfficeIndex {
            countries: lx.countries.clone(),
            ..OfficeIndex::default()
        };
        let mut errors = Vec::new();
        for office in offices {
            let wordings = office
                .names
                .iter()
                .map(|n| (n, false))
                .chain(office.descriptions.iter().map(|d| (d, true)));
            for (wording, descriptive) in wordings {
                let Some(parts) = parse_title_text(lx, wording) else {
                    errors.push((
                        office.file.clone(),
                        wording.clone(),
                        format!("office `{}`: `{wording}` does not read as a title (no head word such as secretary or minister)", office.id),
                    ));
                    continue;
                };
                let norm = normalize(lx, &parts, times);
                let key = key_of(&norm);
                let entries = index.by_key.get(&key).map(Vec::as_slice).unwrap_or(&[]);
                if let Some((other, _, _)) = entries.iter().find(|e| e.2 == norm.org) {
                    if other != &office.id {
                        errors.push((
                            office.file.clone(),
                            wording.clone(),
                            format!(
                                "office `{}`: `{wording}` is already a wording of office `{other}`",
                                office.id
                            ),
                        ));
                    }
                    continue;
                }
                if !descriptive {
                    index
                        .canonical
                        .entry(office.id.clone())
                        .or_insert_with(|| norm.clone());
                }
                index.by_key.entry(key).or_default().push((
                    office.id.clone(),
                    descriptive,
                    norm.org.clone(),
                ));
            }
            if let Some(first) = office.names.first() {
                index.display.insert(office.id.clone(), first.clone());
            }
            index.org.insert(
                office.id.clone(),
                office.org.as_deref().map(|o| canonical_org(lx, o)),
            );
        }
        if errors.is_empty() {
            Ok(index)
        } else {
            Err(errors)
        }
    }

    /// Fills `office`/`descriptive` when the wording is in the vocabulary
    /// and the claim names no other organisation.
    pub fn classify(&self, t: &mut NormTitle) {
        let key: KeyRef<'_> = (t.rank.as_deref(), &t.head, &t.portfolio, &t.domain);
        let Some(entries) = self.by_key.get(&key as &dyn OfficeKeyView) else {
            return;
        };
        // A wording that names its organisation ("CIA director") needs the
        // claim to name it too; a bare "director" is no CIA director. Other
        // wordings match when the claim names no organisation or the
        // office's own ("Chinese Foreign Minister" is not the U.S. one).
        let found = entries
            .iter()
            .find(|(id, _, wording_org)| match wording_org {
                Some(o) => t.org.as_ref() == Some(o),
                None => {
                    let office_org = self.org.get(id).and_then(Option::as_ref);
                    t.org.is_none() || office_org.is_none() || t.org.as_ref() == office_org
                }
            });
        // The office's organisation is not copied onto an org-less claim:
        // "Foreign Minister Park Jin" names no country.
        if let Some((id, descriptive, _)) = found {
            t.office = Some(id.clone());
            t.descriptive = *descriptive;
        }
    }
}

impl OfficeIndex {
    /// The country of an office the vocabulary ties to one ("U.S." for the
    /// U.S. Secretary of Commerce); `None` for offices of an organisation
    /// or of no country.
    pub fn office_country(&self, id: &str) -> Option<&str> {
        self.org
            .get(id)?
            .as_deref()
            .filter(|o| self.countries.contains(*o))
    }
}
