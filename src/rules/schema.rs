//! The rule files as written: serde mirrors of the YAML, nothing checked
//! beyond shape. `load` turns them into the validated [`super::RuleSet`].
//! Unknown keys are errors (`deny_unknown_fields`) so a typo never passes
//! silently.

use std::collections::BTreeMap;

use schemars::JsonSchema;

use super::yaml::Spanned;
use serde::Deserialize;

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawFile {
    pub version: u32,
    #[serde(default)]
    pub vocabulary: RawVocabulary,
    /// Relations this file declares (claim kinds with named, typed slots).
    #[serde(default)]
    pub relations: Vec<RawRelation>,
    #[serde(default)]
    pub patterns: Vec<RawPattern>,
    #[serde(default)]
    pub checks: Vec<RawCheck>,
}

/// `relations:` — a claim kind declared in YAML.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawRelation {
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// Slot name → its value type.
    pub slots: BTreeMap<String, RawSlot>,
    /// The slots that must be the same for two claims to be compared
    /// (date slots: overlapping).
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub key: Vec<Spanned<String>>,
    /// The slot a finding is about (default `subject`).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub subject: Option<Spanned<String>>,
    /// The slot shown as the claim's value (default: the first slot that
    /// is neither the subject nor in the key).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub value: Option<Spanned<String>>,
    #[serde(default)]
    pub description: Option<String>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawSlot {
    /// person | persons | place | org | date | number | duration | distance
    /// | text | entity | title
    #[serde(rename = "type")]
    #[schemars(with = "String")]
    pub ty: Spanned<String>,
    /// number and duration slots: the unit written after the figure, for
    /// messages ("people", "minutes").
    #[serde(default)]
    pub unit: Option<String>,
    /// Every pattern of the relation must capture or set this slot.
    #[serde(default)]
    pub required: bool,
    /// When a match leaves this slot open, it is read from the text of
    /// the named slot as this slot's type ("the capital Rabat": the
    /// country is the one Rabat names).
    #[serde(default)]
    pub from: Option<String>,
}

/// A pattern example: a sentence and the slots its claim must have.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawExample {
    #[schemars(with = "String")]
    pub text: Spanned<String>,
    /// Slot → expected value as shown (a list for a set of persons);
    /// empty: the text must yield no claim of the pattern.
    #[serde(default)]
    pub expect: BTreeMap<String, RawExpected>,
}

/// One expected slot value, or several.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum RawExpected {
    One(String),
    Many(Vec<String>),
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawPattern {
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// title | event
    #[schemars(with = "String")]
    pub relation: Spanned<String>,
    /// Shorthand for `set: {action: …}`: the action's canonical name
    /// ("travel", "death-toll") of a relation with an `action` slot.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub action: Option<Spanned<String>>,
    #[serde(rename = "match")]
    #[schemars(with = "String")]
    pub pattern: Spanned<String>,
    /// Fixed values: slot → value, instead of capturing it (`title: chair`
    /// with `org: body` naming the slot that gives its organisation;
    /// `office: ID`; `qualifier: former`; a text slot's value).
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, String>")]
    pub set: BTreeMap<String, Spanned<String>>,
    /// Slots the match leaves open, taken from the document's nearest
    /// earlier claim of the relation ("the talks lasted two hours" after
    /// "A met B": the talks are A and B's).
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub inherit: Vec<Spanned<String>>,
    /// Sentences and the claim each must yield, run by `rules test`.
    #[serde(default)]
    pub examples: Vec<RawExample>,
}

#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawVocabulary {
    #[serde(default)]
    pub ranks: Vec<RawWordClass>,
    #[serde(default)]
    pub qualifiers: Vec<RawQualifier>,
    #[serde(default)]
    pub title_heads: Vec<String>,
    #[serde(default)]
    pub title_modifiers: Vec<String>,
    #[serde(default)]
    pub org_suffixes: Vec<String>,
    #[serde(default)]
    pub countries: Vec<RawOrg>,
    /// Places (cities, regions) and their aliases, for event places.
    #[serde(default)]
    pub places: Vec<RawOrg>,
    /// Cities and the country each lies in (a gazetteer for the order of
    /// a trip's arrivals: a traveller is in a country by the day of an
    /// arrival in one of its cities); a capital also folds into its
    /// country as an arrival's place.
    #[serde(default)]
    pub cities: Vec<RawCity>,
    /// People and other full names they go by.
    #[serde(default)]
    pub people: Vec<RawPerson>,
    #[serde(default)]
    pub orgs: Vec<RawOrg>,
    #[serde(default)]
    pub spellings: BTreeMap<String, String>,
    #[serde(default)]
    pub offices: Vec<RawOffice>,
    #[serde(default)]
    pub given_names: Vec<String>,
    #[serde(default)]
    pub surname_first: Vec<String>,
    #[serde(default)]
    pub not_names: Vec<String>,
    #[serde(default)]
    pub nicknames: Vec<RawNickname>,
    /// National leadership offices and the countries that have them.
    #[serde(default)]
    pub leaders: Option<RawLeaders>,
}

/// `vocabulary.leaders`: the head words of national leadership offices
/// and, per country, which of them it has.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawLeaders {
    #[serde(default)]
    pub offices: Vec<RawLeaderOffice>,
    #[serde(default)]
    pub countries: Vec<RawLeaderCountry>,
}

/// One leadership office: its wordings (read with the title grammar) and
/// whether a country has one holder of it at a time.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawLeaderOffice {
    pub id: String,
    pub words: Vec<String>,
    #[serde(default)]
    pub single_holder: bool,
    /// A role ("head of state") names no office of its own: per country it
    /// is the offices of the first tier here that the country has.
    #[serde(default)]
    pub role: Vec<Vec<String>>,
}

/// A country's leadership offices, and the pairs of them one person may
/// hold at once.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawLeaderCountry {
    pub country: String,
    pub offices: Vec<String>,
    #[serde(default)]
    pub together: Vec<Vec<String>>,
    /// A role's offices in this country when the role's tiers give others
    /// (a president who heads the government beside a prime minister).
    #[serde(default)]
    pub roles: std::collections::BTreeMap<String, Vec<String>>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawWordClass {
    pub id: String,
    pub words: Vec<String>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawQualifier {
    pub id: String,
    pub words: Vec<String>,
    /// past | present | future: when the title held, relative to the text.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub time: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawOrg {
    pub id: String,
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// `vocabulary.cities`: a city, the country it lies in, and whether it is
/// that country's capital.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawCity {
    pub id: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub country: String,
    #[serde(default)]
    pub capital: bool,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawOffice {
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    #[schemars(with = "Vec<String>")]
    pub names: Vec<Spanned<String>>,
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub descriptions: Vec<Spanned<String>>,
    #[serde(default)]
    pub org: Option<String>,
    #[serde(default)]
    pub single_holder: bool,
    /// Other countries name an office so too: a claim counts for the
    /// single-holder check only when its holder's claims name the country.
    #[serde(default)]
    pub needs_country: bool,
    #[serde(default)]
    pub holders: Vec<RawHolder>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawHolder {
    pub person: String,
    /// First day in office: YYYY-MM-DD, YYYY-MM or YYYY.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub from: Option<Spanned<String>>,
    /// Last day in office (same forms); absent while in office.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub to: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawPerson {
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawNickname {
    pub name: String,
    pub nicknames: Vec<String>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawCheck {
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    #[schemars(with = "String")]
    pub kind: Spanned<String>,
    #[schemars(with = "String")]
    pub relation: Spanned<String>,
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub compare: Option<Spanned<String>>,
    #[schemars(with = "String")]
    pub severity: Spanned<String>,
    #[schemars(with = "String")]
    pub message: Spanned<String>,
    #[serde(default)]
    pub description: Option<String>,
    /// agree: only compare claims whose articles are at most this many days apart.
    #[serde(default)]
    pub within_days: Option<u32>,
    /// agree over a slot: compare claims only with claims of the same
    /// article (one article giving one fact two ways).
    #[serde(default)]
    pub within_article: bool,
    /// agree over a slot: also compare claims whose subject is a bare
    /// surname the article never spells out ("Lee, 32,"), by the surname
    /// alone. For facts that single a person out among few (the two
    /// survivors of one crash) in articles close in time.
    #[serde(default)]
    pub bare_surnames: bool,
    /// agree over a slot: a bare surname the article never spells out is
    /// compared as the one full name of that surname the relation's other
    /// claims give ("Macron arrived on Thursday" with "Emmanuel Macron
    /// arrived on Wednesday"); when two full names share the surname, it
    /// is not compared at all.
    #[serde(default)]
    pub join_surnames: bool,
    /// agree over a date keyed by a place: two dates of one subject in one
    /// place are not set against each other when the subject's claim in
    /// another place is dated between them (the subject went there and
    /// came back: "arrived in Poland on Sunday", "in Kyiv on Monday",
    /// "arrived in Poland on Monday").
    #[serde(default)]
    pub round_trips: bool,
    /// agree, compare number: largest relative difference that still agrees (0.05 = 5 %).
    #[serde(default)]
    pub tolerance: Option<f64>,
    /// agree over a slot: a slot whose values are different measurements
    /// (the agency that measured a figure); claims with different values
    /// of it are not compared.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub scope: Option<Spanned<String>>,
    #[serde(default)]
    pub tests: Vec<RawTest>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawTest {
    pub name: String,
    pub docs: BTreeMap<String, String>,
    #[serde(default)]
    pub expect: Vec<RawExpect>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawExpect {
    #[schemars(with = "String")]
    pub check: Spanned<String>,
    pub subject: String,
}

/// The JSON Schema of a rule file, for editors' YAML completion.
pub fn json_schema() -> serde_json::Value {
    let mut schema =
        serde_json::to_value(schemars::schema_for!(RawFile)).expect("schema serializes");
    schema["title"] = "claimcheck rule file".into();
    schema
}
