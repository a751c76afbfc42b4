//! National leadership offices (`vocabulary.leaders`): which titles name
//! one ("Japanese Prime Minister", "President of Ukraine", a bare
//! "President") and which offices each country has.
//!
//! A person is the head of state or of government of one country at a
//! time, under one head word: the title checks read leadership titles
//! through this table (`checks::leaders`). A title is a leadership title
//! when its head and rank are those of an office's wording, its portfolio
//! is the wording's own words plus at most a country's name ("President of
//! South Korea"), it has no domain, and its organisation, if any, is a
//! country: "LDP president", "European Commission President", "Jeju Air
//! President" and "President of the Bank of Japan" are not leadership
//! titles.
//!
//! A role ("head of state", "the head of the Ukrainian government") is read
//! like an office but names none of its own: in a country it is the
//! offices [`LeaderTable::offices_for`] gives (the role's tiers, or the
//! country's own `roles` entry), so "head of government" is the prime
//! minister in Ukraine and the president in the U.S.

use std::collections::{BTreeSet, HashMap};

use crate::claim::NormTitle;
use crate::grammar::Lexicon;
use crate::normalize::title::{normalize, parse_title_text};
use crate::rules::{LeaderCountry, LeaderOffice, QualifierTimes};

/// Words a portfolio may carry around a country's name ("President of the
/// United States").
const FILLER: &[&str] = &["of", "the", "and"];

/// (rank, head) of a wording.
type HeadKey = (Option<String>, String);
/// A country's offices, the pairs of them one person may hold at once, and
/// the offices that fill a role there where the role's tiers give others.
type CountryOffices = (
    BTreeSet<usize>,
    Vec<(usize, usize)>,
    HashMap<usize, BTreeSet<usize>>,
);

/// The compiled leadership table.
#[derive(Debug, Clone, Default)]
pub struct LeaderTable {
    /// (rank, head) of a wording → its portfolio words and its office.
    by_head: HashMap<HeadKey, Vec<(BTreeSet<String>, usize)>>,
    /// The offices, by index.
    pub offices: Vec<LeaderOffice>,
    /// Country → its offices and the pairs one person may hold at once.
    countries: HashMap<String, CountryOffices>,
    /// Lower-case words of a country's name or alias → the country.
    country_words: HashMap<BTreeSet<String>, String>,
    /// Canonical country names.
    country_names: BTreeSet<String>,
}

/// A leadership title read: the office (index into
/// [`LeaderTable::offices`]) and the country the title itself names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Leader {
    pub office: usize,
    pub country: Option<String>,
}

impl LeaderTable {
    /// Compiles every file's leadership offices and countries (a later
    /// file's country entry replaces an earlier one). Errors: wordings the
    /// title grammar cannot read, as (file, office id, wording).
    pub fn build(
        lx: &Lexicon,
        offices: &[LeaderOffice],
        countries: &[LeaderCountry],
        times: &QualifierTimes,
    ) -> (LeaderTable, Vec<(String, String, String)>) {
        let mut table = LeaderTable::default();
        let mut errors = Vec::new();
        for office in offices {
            let index = match table.offices.iter().position(|o| o.id == office.id) {
                Some(k) => k,
                None => {
                    table.offices.push(office.clone());
                    table.offices.len() - 1
                }
            };
            for wording in &office.words {
                let Some(parts) = parse_title_text(lx, wording) else {
                    errors.push((office.file.clone(), office.id.clone(), wording.clone()));
                    continue;
                };
                let t = normalize(lx, &parts, times);
                let entry = table.by_head.entry((t.rank.clone(), t.head.clone()));
                let list = entry.or_default();
                list.push((t.portfolio.clone(), index));
                // The longest wording first: "prime minister" before any
                // bare "minister".
                list.sort_by_key(|(words, _)| std::cmp::Reverse(words.len()));
            }
        }
        let id_of = |id: &str| table.offices.iter().position(|o| o.id == id);
        let mut compiled = HashMap::new();
        for c in countries {
            let own: BTreeSet<usize> = c.offices.iter().filter_map(|o| id_of(o)).collect();
            let together = c
                .together
                .iter()
                .filter_map(|(a, b)| Some((id_of(a)?, id_of(b)?)))
                .collect();
            let roles = c
                .roles
                .iter()
                .filter_map(|(role, offices)| {
                    Some((
                        id_of(role)?,
                        offices.iter().filter_map(|o| id_of(o)).collect(),
                    ))
                })
                .collect();
            compiled.insert(c.country.clone(), (own, together, roles));
        }
        table.countries = compiled;
        for (alias, id) in &lx.orgs {
            if lx.countries.contains(id) {
                let words = alias.split(' ').map(str::to_string).collect();
                table.country_words.insert(words, id.clone());
                let words = id.to_lowercase().split(' ').map(str::to_string).collect();
                table.country_words.insert(words, id.clone());
            }
        }
        table.country_names = lx.countries.iter().cloned().collect();
        (table, errors)
    }

    /// The leadership office a title names, and its country when the
    /// title names one (module doc).
    pub fn read(&self, t: &NormTitle) -> Option<Leader> {
        if t.head.is_empty() || !t.domain.is_empty() {
            return None;
        }
        let org = match &t.org {
            None => None,
            Some(o) if self.country_names.contains(o) => Some(o.clone()),
            Some(_) => return None,
        };
        let candidates = self.by_head.get(&(t.rank.clone(), t.head.clone()))?;
        for (words, office) in candidates {
            if !words.is_subset(&t.portfolio) {
                continue;
            }
            let rest: BTreeSet<String> = t
                .portfolio
                .iter()
                .filter(|w| !words.contains(*w) && !FILLER.contains(&w.as_str()))
                .cloned()
                .collect();
            if rest.is_empty() {
                return Some(Leader {
                    office: *office,
                    country: org,
                });
            }
            let named = self.country_words.get(&rest)?;
            if org.as_ref().is_none_or(|o| o == named) {
                return Some(Leader {
                    office: *office,
                    country: Some(named.clone()),
                });
            }
            return None;
        }
        None
    }

    /// Does `country` have `office`? `None` when the table does not list
    /// the country.
    pub fn has(&self, country: &str, office: usize) -> Option<bool> {
        self.countries
            .get(country)
            .map(|(own, _, _)| own.contains(&office))
    }

    /// Is the office a role ("head of state") rather than an office?
    pub fn is_role(&self, office: usize) -> bool {
        self.offices.get(office).is_some_and(|o| !o.role.is_empty())
    }

    /// The offices a title's office stands for in `country`: itself, or for
    /// a role the country's `roles` entry, else the offices of the role's
    /// first tier the country has. `None` for a role with no country, or
    /// a country the table does not list or that has none of its offices.
    pub fn offices_for(&self, office: usize, country: Option<&str>) -> Option<BTreeSet<usize>> {
        let Some(o) = self.offices.get(office).filter(|o| !o.role.is_empty()) else {
            return Some(BTreeSet::from([office]));
        };
        let (own, _, roles) = self.countries.get(country?)?;
        if let Some(set) = roles.get(&office) {
            return Some(set.clone());
        }
        o.role.iter().find_map(|tier| {
            let set: BTreeSet<usize> = tier
                .iter()
                .filter_map(|id| self.offices.iter().position(|x| &x.id == id))
                .filter(|k| own.contains(k))
                .collect();
            (!set.is_empty()).then_some(set)
        })
    }

    /// May one person of `country` hold offices `a` and `b` at once?
    pub fn together(&self, country: &str, a: usize, b: usize) -> bool {
        self.countries
            .get(country)
            .is_some_and(|(_, pairs, _)| pairs.contains(&(a, b)) || pairs.contains(&(b, a)))
    }

    /// Does a country have one holder of the office at a time?
    pub fn single_holder(&self, office: usize) -> bool {
        self.offices.get(office).is_some_and(|o| o.single_holder)
    }

    /// The office's first wording ("prime minister"), for messages.
    pub fn name(&self, office: usize) -> &str {
        self.offices
            .get(office)
            .and_then(|o| o.words.first())
            .map_or("", String::as_str)
    }

    /// The offices a listed country has, by their first wording.
    pub fn offices_of(&self, country: &str) -> Vec<&str> {
        let Some((own, _, _)) = self.countries.get(country) else {
            return Vec::new();
        };
        own.iter().map(|&o| self.name(o)).collect()
    }
}

#[cfg(test)]
mod tests {
    use crate::normalize::title::{normalize, parse_title_text};
    use crate::ruleset::RuleSet;

    fn read(rules: &RuleSet, s: &str) -> Option<(String, Option<String>)> {
        let t = normalize(
            &rules.lexicon,
            &parse_title_text(&rules.lexicon, s).unwrap(),
            &rules.qualifier_times,
        );
        rules
            .leaders
            .read(&t)
            .map(|l| (rules.leaders.offices[l.office].id.clone(), l.country))
    }

    fn some(office: &str, country: Option<&str>) -> Option<(String, Option<String>)> {
        Some((office.to_string(), country.map(str::to_string)))
    }

    #[test]
    fn leadership_titles_with_and_without_a_country() {
        let rules = RuleSet::shipped().unwrap();
        assert_eq!(
            read(&rules, "Japanese Prime Minister"),
            some("prime-minister", Some("Japan"))
        );
        assert_eq!(read(&rules, "Premier"), some("prime-minister", None));
        assert_eq!(
            read(&rules, "President of South Korea"),
            some("president", Some("South Korea"))
        );
        assert_eq!(
            read(&rules, "U.S. Vice President"),
            some("vice-president", Some("U.S."))
        );
        assert_eq!(
            read(&rules, "German Chancellor"),
            some("chancellor", Some("Germany"))
        );
    }

    #[test]
    fn other_organisations_and_portfolios_are_not_leaders() {
        let rules = RuleSet::shipped().unwrap();
        assert_eq!(read(&rules, "European Commission President"), None);
        assert_eq!(read(&rules, "Jeju Air President"), None);
        assert_eq!(read(&rules, "Chancellor of the Exchequer"), None);
        assert_eq!(read(&rules, "Foreign Minister"), None);
        assert_eq!(read(&rules, "chairman"), None);
    }

    #[test]
    fn roles_read_with_their_country_and_resolve_per_country() {
        let rules = RuleSet::shipped().unwrap();
        assert_eq!(
            read(&rules, "head of the Ukrainian government"),
            some("head-of-government", Some("Ukraine"))
        );
        assert_eq!(read(&rules, "head of state"), some("head-of-state", None));
        let t = &rules.leaders;
        let id = |s: &str| t.offices.iter().position(|o| o.id == s).unwrap();
        let names = |role: &str, country: Option<&str>| {
            t.offices_for(id(role), country).map(|set| {
                set.into_iter()
                    .map(|o| t.offices[o].id.clone())
                    .collect::<Vec<_>>()
            })
        };
        assert_eq!(
            names("head-of-government", Some("Ukraine")),
            Some(vec!["prime-minister".into()])
        );
        assert_eq!(
            names("head-of-government", Some("U.S.")),
            Some(vec!["president".into()])
        );
        assert_eq!(
            names("head-of-government", Some("Germany")),
            Some(vec!["chancellor".into()])
        );
        assert_eq!(
            names("head-of-state", Some("Japan")),
            Some(vec!["emperor".into()])
        );
        assert_eq!(
            names("head-of-state", Some("United Arab Emirates")),
            Some(vec!["president".into()])
        );
        assert_eq!(
            names("head-of-government", Some("South Korea")),
            Some(vec!["president".into()])
        );
        assert_eq!(names("head-of-state", None), None);
        // An office stands for itself.
        assert_eq!(names("president", None), Some(vec!["president".into()]));
    }

    #[test]
    fn every_wording_reads() {
        let rules = RuleSet::shipped().unwrap();
        for o in &rules.leaders.offices {
            for w in &o.words {
                assert_eq!(read(&rules, w).map(|r| r.0), Some(o.id.clone()), "{w}");
            }
        }
    }
}
