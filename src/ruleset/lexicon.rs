//! The vocabulary compiled into the grammar's word lookups ([`Lexicon`]).
//! Files apply in load order: a later file's alias or spelling wins.

use crate::grammar::Lexicon;
use crate::rules::Vocabulary;

/// The lookups of every file's vocabulary.
pub fn build(vocabularies: &[Vocabulary]) -> Lexicon {
    let mut lx = Lexicon::default();
    for v in vocabularies {
        add(&mut lx, v);
    }
    lx
}

fn add(lx: &mut Lexicon, v: &Vocabulary) {
    for r in &v.ranks {
        for w in &r.words {
            lx.ranks.insert(w.to_lowercase(), r.id.clone());
        }
    }
    for q in &v.qualifiers {
        for w in &q.words {
            lx.qualifiers.insert(w.to_lowercase(), q.id.clone());
        }
    }
    lx.heads
        .extend(v.title_heads.iter().map(|w| w.to_lowercase()));
    lx.modifiers
        .extend(v.title_modifiers.iter().map(|w| w.to_lowercase()));
    lx.org_suffixes
        .extend(v.org_suffixes.iter().map(|w| w.to_lowercase()));
    lx.countries
        .extend(v.countries.iter().map(|c| c.id.clone()));
    for place in &v.places {
        for alias in place.words.iter().chain(std::iter::once(&place.id)) {
            lx.places.insert(alias.to_lowercase(), place.id.clone());
        }
    }
    for city in &v.cities {
        for alias in city.words.iter().chain(std::iter::once(&city.id)) {
            let key = alias.to_lowercase();
            if city.capital {
                lx.capital_cities.insert(key.clone());
            }
            lx.city_country.insert(key, city.country.clone());
        }
    }
    for person in &v.people {
        for alias in &person.words {
            lx.person_aliases
                .insert(alias.to_lowercase(), person.id.clone());
        }
    }
    for org in v.countries.iter().chain(&v.orgs) {
        for alias in org.words.iter().chain(std::iter::once(&org.id)) {
            let key = alias.to_lowercase();
            lx.org_max_words = lx.org_max_words.max(key.split(' ').count());
            lx.orgs.insert(key, org.id.clone());
        }
    }
    for (from, to) in &v.spellings {
        lx.spellings.insert(from.to_lowercase(), to.to_lowercase());
    }
    lx.given_names
        .extend(v.given_names.iter().map(|w| w.to_lowercase()));
    lx.surname_first
        .extend(v.surname_first.iter().map(|w| w.to_lowercase()));
    lx.not_names
        .extend(v.not_names.iter().map(|w| w.to_lowercase()));
    for n in &v.nicknames {
        let canonical = n.id.to_lowercase();
        lx.given_names.insert(canonical.clone());
        for nick in &n.words {
            let nick = nick.to_lowercase();
            lx.given_names.insert(nick.clone());
            // A nickname of two given names ("Pat": Patrick, Patricia)
            // stands for neither: it is not folded.
            let other = lx.nicknames.get(&nick).is_some_and(|c| *c != canonical);
            if other || lx.shared_nicknames.contains(&nick) {
                lx.nicknames.remove(&nick);
                lx.shared_nicknames.insert(nick);
            } else {
                lx.nicknames.insert(nick, canonical.clone());
            }
        }
    }
}
