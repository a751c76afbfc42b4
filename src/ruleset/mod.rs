//! The rule set the pipeline runs: the rule model ([`crate::rules`])
//! compiled into what extraction and checks read.
//!
//! | compiled form | from | module |
//! | --- | --- | --- |
//! | word lookups ([`Lexicon`]) | each file's vocabulary | [`lexicon`] |
//! | office index ([`OfficeIndex`]) | offices, parsed by the title grammar | `normalize::office` |
//! | pattern matchers ([`Pattern`]) | parsed `match` strings | `patterns` |
//!
//! This layer depends on the model and on the grammar; the model depends
//! on neither, so a change to a compiled form never touches `rules/`.
//! Problems found while compiling (an office wording the title grammar
//! cannot read) join the model's, so every problem is still reported at
//! once.

pub mod lexicon;

use crate::grammar::Lexicon;
use crate::normalize::{LeaderTable, OfficeIndex};
use crate::patterns::{Matcher, Pattern, StartIndex};
use crate::rules::{Check, Office, Problems, QualifierTimes, Relation, Rules, RulesError, SHIPPED};

#[derive(Debug, Clone, Default)]
pub struct RuleSet {
    pub lexicon: Lexicon,
    pub offices: Vec<Office>,
    pub checks: Vec<Check>,
    pub qualifier_times: QualifierTimes,
    /// Relations declared in the rule files.
    pub relations: Vec<Relation>,
    /// Extraction patterns from the rule files.
    pub patterns: Vec<Pattern>,
    /// Which patterns may start at a token (built from `patterns`).
    pub pattern_starts: StartIndex,
    /// Office wordings by normalised key (built from `offices`).
    pub office_index: OfficeIndex,
    /// National leadership offices by country (`vocabulary.leaders`).
    pub leaders: LeaderTable,
    /// Display names of the files loaded, in load order.
    pub files: Vec<String>,
    /// See [`Rules::fingerprint`].
    pub fingerprint: String,
}

impl RuleSet {
    /// The embedded rules alone.
    pub fn shipped() -> Result<RuleSet, RulesError> {
        let files: Vec<(String, String)> = SHIPPED
            .iter()
            .map(|(n, t)| (n.to_string(), t.to_string()))
            .collect();
        RuleSet::load(&files)
    }

    /// Loads rule files given as (display name, text), in order, and
    /// compiles them; every problem of the model and the compilation at
    /// once.
    pub fn load(files: &[(String, String)]) -> Result<RuleSet, RulesError> {
        let (rules, mut problems) = Rules::read(files);
        let set = compile(rules, &mut problems);
        problems.into_result(set)
    }

    pub fn check(&self, id: &str) -> Option<&Check> {
        self.checks.iter().find(|c| c.id == id)
    }

    /// The pattern matchers with the lookups they read.
    pub fn matcher(&self) -> Matcher<'_> {
        Matcher {
            patterns: &self.patterns,
            starts: &self.pattern_starts,
            lexicon: &self.lexicon,
            offices: &self.office_index,
            times: &self.qualifier_times,
        }
    }

    /// A title wording read and normalised as a claim's title is, with its
    /// vocabulary office (tests of the title checks).
    #[cfg(test)]
    pub fn classified_title(&self, s: &str) -> crate::claim::NormTitle {
        use crate::normalize::title::{normalize, parse_title_text};
        let parts = parse_title_text(&self.lexicon, s).expect("a title wording");
        let mut t = normalize(&self.lexicon, &parts, &self.qualifier_times);
        self.office_index.classify(&mut t);
        t
    }
}

fn compile(rules: Rules, problems: &mut Problems) -> RuleSet {
    let patterns: Vec<Pattern> = rules
        .patterns
        .into_iter()
        .map(|p| Pattern::compile(p, &rules.relations))
        .collect();
    let pattern_starts = StartIndex::build(&patterns);
    let mut lexicon = lexicon::build(&rules.vocabularies);
    // Tokens are annotated with the patterns' words too (one look-up).
    let (words, index) = pattern_starts.words();
    lexicon.set_pattern_words(words, index);
    let office_index = match OfficeIndex::build(&lexicon, &rules.offices, &rules.qualifier_times) {
        Ok(index) => index,
        Err(errors) => {
            for (file, wording, msg) in errors {
                let written = rules
                    .offices
                    .iter()
                    .rev()
                    .filter(|o| o.file == file)
                    .find_map(|o| o.position_of(&wording));
                match written {
                    Some(pos) => problems.at(&file, pos, msg, None),
                    None => problems.at_text(&file, &wording, msg, None),
                }
            }
            OfficeIndex::default()
        }
    };
    let leader_offices: Vec<_> = rules
        .vocabularies
        .iter()
        .flat_map(|v| v.leader_offices.iter().cloned())
        .collect();
    let leader_countries: Vec<_> = rules
        .vocabularies
        .iter()
        .flat_map(|v| v.leader_countries.iter().cloned())
        .collect();
    let (leaders, errors) = LeaderTable::build(
        &lexicon,
        &leader_offices,
        &leader_countries,
        &rules.qualifier_times,
    );
    for (file, id, wording) in errors {
        let msg = format!("leader office `{id}`: `{wording}` does not read as a title");
        problems.at_text(&file, &wording, msg, None);
    }
    RuleSet {
        leaders,
        lexicon,
        office_index,
        pattern_starts,
        patterns,
        relations: rules.relations,
        offices: rules.offices,
        checks: rules.checks,
        qualifier_times: rules.qualifier_times,
        files: rules.files,
        fingerprint: rules.fingerprint,
    }
}
