//! The rule files as written: serde mirrors of the YAML, nothing checked
//! beyond shape. `load` turns them into the validated [`super::RuleSet`].
//! Unknown keys are errors (`deny_unknown_fields`) so a typo never passes
//! silently.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Deserialize;

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawFile {
    pub version: u32,
    #[serde(default)]
    pub vocabulary: RawVocabulary,
    #[serde(default)]
    pub patterns: Vec<RawPattern>,
    #[serde(default)]
    pub checks: Vec<RawCheck>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawPattern {
    pub id: String,
    /// title | event
    pub relation: String,
    /// Event patterns: the action's canonical name ("travel").
    #[serde(default)]
    pub action: Option<String>,
    #[serde(rename = "match")]
    pub pattern: String,
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
    pub time: Option<String>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawOrg {
    pub id: String,
    #[serde(default)]
    pub aliases: Vec<String>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawOffice {
    pub id: String,
    pub names: Vec<String>,
    #[serde(default)]
    pub descriptions: Vec<String>,
    #[serde(default)]
    pub org: Option<String>,
    #[serde(default)]
    pub single_holder: bool,
    #[serde(default)]
    pub holders: Vec<RawHolder>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawHolder {
    pub person: String,
    #[serde(default)]
    pub from: Option<String>,
    #[serde(default)]
    pub to: Option<String>,
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
    pub id: String,
    pub kind: String,
    pub relation: String,
    #[serde(default)]
    pub compare: Option<String>,
    pub severity: String,
    pub message: String,
    #[serde(default)]
    pub description: Option<String>,
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
    pub check: String,
    pub subject: String,
}

/// The JSON Schema of a rule file, for editors' YAML completion.
pub fn json_schema() -> serde_json::Value {
    let mut schema =
        serde_json::to_value(schemars::schema_for!(RawFile)).expect("schema serializes");
    schema["title"] = "claimcheck rule file".into();
    schema
}
