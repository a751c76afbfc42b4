//! A trip's order: a traveller arrives in a country no later than in any
//! of its cities.
//!
//! Part of `agree` over a date slot with `round_trips: true` (arrivals,
//! keyed by their place). The place keys of one person's arrivals are
//! compared as written, so "arrived in Shanghai" and "arrived in China"
//! are two facts; but the gazetteer (`vocabulary.cities`) says Shanghai
//! lies in China, and a person who landed in Shanghai on Saturday cannot
//! have arrived in China on Monday of the same trip. So an arrival told
//! in a city of the gazetteer is set against the arrivals told in its
//! country (written as the country, not as a city: "arrived in Beijing" is
//! the capital, which the place fold already makes the country's own
//! arrival), and they conflict when every day the city's date can be
//! (either reading across midnight) is before every day the country's can
//! be. The other way round is no conflict: a traveller enters a country
//! and reaches its cities later ("arrived in China on Saturday", "arrived
//! in Beijing on Monday").
//!
//! A round trip is no conflict either: when the person is placed outside
//! the country (an arrival elsewhere, not in one of its cities) after the
//! city's date and by the country's, they left and came back. Claims are
//! taken from different articles published within the check's
//! `within_days`, as for any pair of the check.

use std::collections::BTreeMap;

use super::agree::published_close;
use super::relation::{Classes, Groups};
use super::{Comparison, EdgeKind, Published, Reason};
use crate::claim::{Claim, ClaimId, SlotValue};
use crate::grammar::Lexicon;
use crate::normalize::title::city_country as country_of;
use crate::rules::Check;

/// Most claim pairs compared for one city and country of one person
/// (bounded work on a much-travelled person).
const PAIR_SEARCH: usize = 4096;

/// What the order comparison reads besides the groups.
pub(super) struct Order<'a> {
    pub index: usize,
    pub lexicon: &'a Lexicon,
    pub check: &'a Check,
    pub claims: &'a [Claim],
    pub published: &'a Published,
    /// The compared date slot and the place slot (the key).
    pub slot: &'a str,
    pub place: &'a str,
}

/// Whether a place written in a claim ("Washington DC", "Shanghai") names
/// a city of the gazetteer: its first one to three words, lower case.
fn written_city(lx: &Lexicon, written: &str) -> bool {
    let words: Vec<String> = written
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| c == ',' || c == '.')
                .to_lowercase()
        })
        .collect();
    (1..=words.len().min(3)).any(|n| lx.city_country.contains_key(words[..n].join(" ").as_str()))
}

impl Order<'_> {
    /// The days a claim's date can be (both readings across midnight).
    fn days(&self, c: ClaimId) -> Option<(jiff::civil::Date, jiff::civil::Date)> {
        let facts = self.claims[c].facts.as_deref()?;
        facts.get(self.slot).find_map(|s| match &s.value {
            SlotValue::Date { value: Some(v) } => v.compatible_days(),
            _ => None,
        })
    }

    /// The place as the claim writes it.
    fn written(&self, c: ClaimId) -> String {
        let facts = self.claims[c].facts.as_deref();
        facts
            .and_then(|f| f.get(self.place).next())
            .map(|s| s.text.clone())
            .unwrap_or_default()
    }

    /// Every conflict of one person's arrivals in a city of the gazetteer
    /// with their arrivals in its country: one comparison a pair of value
    /// classes, the first pair of claims that conflicts standing for them.
    pub(super) fn run(&self, groups: &Groups, out: &mut Vec<Comparison>) {
        let mut by_subject: BTreeMap<(&str, &str), Vec<(&str, &Classes)>> = BTreeMap::new();
        for ((subject, key, scope), classes) in groups {
            by_subject
                .entry((subject.as_str(), scope.as_str()))
                .or_default()
                .push((key.as_str(), classes));
        }
        for places in by_subject.values() {
            for &(city, city_classes) in places {
                let Some(country) = country_of(self.lexicon, city) else {
                    continue;
                };
                // A capital folded into its country is compared as that
                // country's own arrival already.
                if country == city {
                    continue;
                }
                let outside: Vec<ClaimId> = places
                    .iter()
                    .filter(|(k, _)| {
                        *k != country && country_of(self.lexicon, k).as_deref() != Some(&country)
                    })
                    .flat_map(|(_, c)| c.values().flatten().copied())
                    .collect();
                for &(_, country_classes) in places.iter().filter(|(k, _)| *k == country) {
                    for cities in city_classes.values() {
                        for countries in country_classes.values() {
                            self.compare(cities, countries, &outside, out);
                        }
                    }
                }
            }
        }
    }

    fn compare(
        &self,
        cities: &[ClaimId],
        countries: &[ClaimId],
        outside: &[ClaimId],
        out: &mut Vec<Comparison>,
    ) {
        let countries: Vec<ClaimId> = countries
            .iter()
            .copied()
            .filter(|&y| !written_city(self.lexicon, &self.written(y)))
            .collect();
        // One value class shares its date: its first claim tells how the
        // two classes stand.
        let (Some(&x0), Some(&y0)) = (cities.first(), countries.first()) else {
            return;
        };
        let (Some(city), Some(country)) = (self.days(x0), self.days(y0)) else {
            return;
        };
        let kind = if city.1 < country.0 {
            EdgeKind::Conflict
        } else if city.0 <= country.1 {
            // The same day: told as one arrival in the city and in its
            // country, the two readings stand on one side.
            EdgeKind::Compatible
        } else {
            return;
        };
        let found = cities
            .iter()
            .flat_map(|&x| countries.iter().map(move |&y| (x, y)))
            .take(PAIR_SEARCH)
            .find(|&(x, y)| {
                published_close(self.claims, self.published, self.check.within_days, x, y)
                    && (kind == EdgeKind::Compatible || !self.away(x, y, outside))
            });
        let Some((x, y)) = found else {
            return;
        };
        let day = |c: ClaimId| self.days(c).map(|d| d.0.to_string()).unwrap_or_default();
        let reason = match kind {
            EdgeKind::Conflict => format!(
                "{} is in {} by {}, the day of the arrival in {}: the arrival in the country \
                 cannot be later",
                self.claims[x].subject,
                self.written(y),
                day(x),
                self.written(x),
            ),
            _ => format!(
                "{} lies in {}: one arrival told by the city and by the country",
                self.written(x),
                self.written(y),
            ),
        };
        out.push(Comparison {
            check: self.index,
            a: y,
            b: x,
            kind,
            reason: Reason::Owned(reason),
        });
    }

    /// Whether the person is placed outside the country after the city's
    /// arrival `x` and by the country's arrival `y`: a round trip.
    fn away(&self, x: ClaimId, y: ClaimId, outside: &[ClaimId]) -> bool {
        let (Some((x0, _)), Some((_, y1))) = (self.days(x), self.days(y)) else {
            return false;
        };
        outside
            .iter()
            .any(|&o| self.days(o).is_some_and(|(o0, o1)| o0 > x0 && o1 <= y1))
    }
}
