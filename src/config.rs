//! Project configuration: `claimcheck.yaml`, found upward from the working
//! directory.
//!
//! ```yaml
//! rules: [rules/local.yaml]      # rule files or directories, relative to this file
//! disable: [event-date-mismatch] # checks to turn off
//! enable: [title-mismatch]       # if given, only these checks run
//! severity: {title-mismatch: warning}
//! fail-on: warning               # default for --fail-on
//! cache: .claimcheck-cache       # claims cache directory (as --cache), relative to this file
//! exclude: [drafts/, "*.tmp.md"] # skipped when walking directories (.gitignore syntax), relative to this file
//! ```
//!
//! Command-line flags win: `--rules` adds files, `--fail-on` replaces;
//! `--exclude` adds to `exclude`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::rules::yaml::{position, Spanned};
use crate::rules::Severity;
use crate::ruleset::RuleSet;

pub const FILE_NAME: &str = "claimcheck.yaml";

#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Config {
    #[serde(default)]
    pub rules: Vec<String>,
    #[serde(default)]
    pub enable: Vec<String>,
    #[serde(default)]
    pub disable: Vec<String>,
    #[serde(default)]
    pub severity: BTreeMap<String, String>,
    #[serde(default)]
    pub fail_on: Option<String>,
    /// Claims cache directory (as `--cache`), relative to the config file.
    #[serde(default)]
    pub cache: Option<String>,
    /// Files and directories a directory walk skips: `.gitignore` lines,
    /// relative to the config file's directory.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub exclude: Vec<Spanned<String>>,
}

/// A config file and where it was found.
#[derive(Debug, Clone)]
pub struct Found {
    pub path: PathBuf,
    pub config: Config,
}

/// Looks for `claimcheck.yaml` in `start` and its ancestors.
pub fn find(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .map(|d| d.join(FILE_NAME))
        .find(|p| p.is_file())
}

/// Reads and parses a config file; errors say file:line.
pub fn load(path: &Path) -> Result<Found, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
    let config: Config = crate::rules::yaml::from_str(&text).map_err(|e| {
        let at = e.line.map(|l| format!(":{l}")).unwrap_or_default();
        format!("{}{at}: {}", path.display(), e.message)
    })?;
    Ok(Found {
        path: path.to_path_buf(),
        config,
    })
}

impl Found {
    /// Rule paths, resolved against the config file's directory.
    pub fn rule_paths(&self) -> Vec<String> {
        let dir = self.path.parent().unwrap_or(Path::new("."));
        self.config
            .rules
            .iter()
            .map(|r| dir.join(r).to_string_lossy().into_owned())
            .collect()
    }

    /// The cache directory, resolved against the config file's directory.
    pub fn cache_dir(&self) -> Option<String> {
        let dir = self.path.parent().unwrap_or(Path::new("."));
        let cache = self.config.cache.as_ref()?;
        Some(dir.join(cache).to_string_lossy().into_owned())
    }

    /// The directory `exclude` globs are relative to, and the globs; every
    /// glob that does not compile is an error at its line and column.
    pub fn excludes(&self) -> Result<(PathBuf, Vec<String>), Vec<String>> {
        let mut errors = Vec::new();
        for glob in &self.config.exclude {
            if let Some(why) = crate::corpus::walk::glob_problem(&glob.value) {
                let (line, column) = position(glob);
                errors.push(format!(
                    "{}:{line}:{column}: exclude `{}`: {why}",
                    self.path.display(),
                    glob.value
                ));
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let dir = match self.path.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir,
            _ => Path::new("."),
        };
        let globs = self
            .config
            .exclude
            .iter()
            .map(|g| g.value.clone())
            .collect();
        Ok((dir.to_path_buf(), globs))
    }

    /// Turns checks on and off and overrides severities; every id must
    /// name a loaded check.
    pub fn apply(&self, rules: &mut RuleSet) -> Result<(), Vec<String>> {
        let c = &self.config;
        let known: Vec<String> = rules.checks.iter().map(|k| k.id.clone()).collect();
        let mut errors = Vec::new();
        let ids = c.enable.iter().chain(&c.disable).chain(c.severity.keys());
        for id in ids {
            if !known.contains(id) {
                errors.push(format!(
                    "{}: unknown check `{id}` (known: {})",
                    self.path.display(),
                    known.join(", ")
                ));
            }
        }
        for (id, level) in &c.severity {
            match Severity::parse(level) {
                Some(sev) => rules
                    .checks
                    .iter_mut()
                    .filter(|k| &k.id == id)
                    .for_each(|k| k.severity = sev),
                None => errors.push(format!(
                    "{}: severity `{level}` for `{id}`: use error, warning or info",
                    self.path.display()
                )),
            }
        }
        if let Some(f) = &c.fail_on {
            if !["error", "warning", "info", "never"].contains(&f.as_str()) {
                errors.push(format!(
                    "{}: fail-on `{f}`: use error, warning, info or never",
                    self.path.display()
                ));
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        rules.checks.retain(|k| {
            (c.enable.is_empty() || c.enable.contains(&k.id)) && !c.disable.contains(&k.id)
        });
        Ok(())
    }
}
