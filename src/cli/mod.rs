//! Everything about the process: flags, files, output, exit codes.

mod args;
mod commands;
mod render;
mod scaffold;
mod time;

use std::io::{self, Write};
use std::path::Path;

use clap::Parser;

use args::{Args, Command, RuleArgs, RulesCommand};
use claimcheck::rules::{RuleProblem, RulesError, SHIPPED};
use claimcheck::RuleSet;

/// Exit codes: 0 clean, 1 findings (or failed rule tests), 2 errors.
pub const EXIT_ERROR: u8 = 2;

pub fn run() -> u8 {
    let args = match Args::try_parse() {
        Ok(a) => a,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { EXIT_ERROR } else { 0 };
        }
    };
    let code = match args.command {
        Command::Check {
            paths,
            rules,
            format,
            fail_on,
            accept,
            timings,
            input,
        } => commands::check(&paths, &rules, format, fail_on, &accept, timings, &input),
        Command::Claims {
            paths,
            rules,
            format,
            documents,
            cache,
            no_cache,
            read,
        } => commands::claims(&paths, &rules, format, documents, cache, no_cache, &read),
        Command::Partition {
            paths,
            rules,
            head,
            quiet,
        } => commands::partition(&paths, &rules, &head, quiet),
        Command::PartitionCheck { paths, rules } => commands::partition_check(&paths, &rules),
        Command::Merge {
            paths,
            head,
            format,
            fail_on,
        } => commands::merge(&paths, &head, format, fail_on),
        Command::Graph {
            paths,
            rules,
            format,
            input,
        } => commands::graph(&paths, &rules, format, &input),
        Command::Time {
            reference,
            jsonl,
            phrase,
        } => commands::time(reference.as_deref(), jsonl, phrase.as_deref()),
        Command::Rules {
            command: RulesCommand::Validate { paths },
        } => commands::rules_validate(&paths),
        Command::Rules {
            command: RulesCommand::Test { paths },
        } => commands::rules_test(&paths),
        Command::Rules {
            command: RulesCommand::Schema,
        } => commands::rules_schema(),
        Command::Explain { check, rules } => commands::explain(&check, &rules),
        Command::Init { dir } => scaffold::init(Path::new(&dir)),
        Command::Completions { shell } => scaffold::completions(shell),
        Command::Man { subcommand } => scaffold::man(subcommand.as_deref()),
    };
    match code {
        Ok(code) => code,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => 0, // `| head` is fine
        Err(e) => {
            let _ = writeln!(io::stderr(), "claimcheck: error: {e}");
            EXIT_ERROR
        }
    }
}

/// Rule files to load for `args`: the shipped ones (unless replaced) plus
/// every `--rules` file; a directory contributes its `.yaml`/`.yml` files.
/// A file identical to a shipped one replaces it (so `--rules rules/`
/// works). Unreadable paths are problems, reported with the others.
pub fn rule_files(
    paths: &[String],
    include_shipped: bool,
) -> (Vec<(String, String)>, Vec<RuleProblem>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        let p = Path::new(path);
        let mut found = Vec::new();
        if p.is_dir() {
            match std::fs::read_dir(p) {
                Ok(entries) => {
                    let mut list: Vec<_> = entries
                        .filter_map(|e| e.ok().map(|e| e.path()))
                        .filter(|f| f.extension().is_some_and(|x| x == "yaml" || x == "yml"))
                        .collect();
                    list.sort();
                    found.extend(list);
                }
                Err(e) => problems.push(path_problem(path, &e.to_string())),
            }
        } else {
            found.push(p.to_path_buf());
        }
        for f in found {
            let name = f.to_string_lossy().into_owned();
            match std::fs::read(&f) {
                Ok(bytes) => match String::from_utf8(bytes) {
                    Ok(text) => files.push((name, text)),
                    Err(_) => problems.push(path_problem(&name, "not valid UTF-8")),
                },
                Err(e) => problems.push(path_problem(&name, &format!("cannot read: {e}"))),
            }
        }
    }
    if include_shipped {
        let mut all: Vec<(String, String)> = SHIPPED
            .iter()
            .filter(|(_, text)| !files.iter().any(|(_, t)| t == text))
            .map(|(n, t)| (n.to_string(), t.to_string()))
            .collect();
        all.extend(files);
        files = all;
    }
    (files, problems)
}

fn path_problem(path: &str, message: &str) -> RuleProblem {
    RuleProblem {
        file: path.to_string(),
        line: 0,
        column: 0,
        offset: 0,
        message: message.to_string(),
        help: None,
    }
}

/// Rules for a command, with what the project configuration says.
pub struct Loaded {
    pub rules: RuleSet,
    pub files: usize,
    /// The config's `fail-on`, if any.
    pub fail_on: Option<String>,
    /// The config's `cache` directory, if any.
    pub cache: Option<String>,
    /// The config's `exclude` globs and the directory they are relative to.
    pub exclude: Option<(std::path::PathBuf, Vec<String>)>,
}

/// Loads rules for a command (shipped, config, `--rules`), printing every
/// problem on failure.
pub fn load_rules(args: &RuleArgs) -> Result<Loaded, u8> {
    let config = match find_config(args) {
        Ok(c) => c,
        Err(message) => {
            let _ = writeln!(io::stderr(), "claimcheck: error: {message}");
            return Err(EXIT_ERROR);
        }
    };
    let mut paths = config.as_ref().map(|c| c.rule_paths()).unwrap_or_default();
    paths.extend(args.rules.iter().cloned());
    let (files, problems) = rule_files(&paths, !args.no_default_rules);
    let count = files.len();
    if !problems.is_empty() {
        render::rules_error(&RulesError {
            problems,
            sources: Default::default(),
        });
        return Err(EXIT_ERROR);
    }
    if count == 0 {
        let _ = writeln!(
            io::stderr(),
            "claimcheck: error: no rule files (--no-default-rules without --rules)"
        );
        return Err(EXIT_ERROR);
    }
    let mut rules = match RuleSet::load(&files) {
        Ok(set) => set,
        Err(e) => {
            render::rules_error(&e);
            return Err(EXIT_ERROR);
        }
    };
    let mut exclude = None;
    if let Some(c) = &config {
        let mut errors = c.apply(&mut rules).err().unwrap_or_default();
        match c.excludes() {
            Ok(found) => exclude = Some(found),
            Err(bad) => errors.extend(bad),
        }
        if !errors.is_empty() {
            for e in errors {
                let _ = writeln!(io::stderr(), "claimcheck: error: {e}");
            }
            return Err(EXIT_ERROR);
        }
    }
    Ok(Loaded {
        rules,
        files: count,
        exclude,
        cache: config.as_ref().and_then(|c| c.cache_dir()),
        fail_on: config.and_then(|c| c.config.fail_on),
    })
}

fn find_config(args: &RuleArgs) -> Result<Option<claimcheck::config::Found>, String> {
    if args.no_config {
        return Ok(None);
    }
    let path = match &args.config {
        Some(p) => Some(std::path::PathBuf::from(p)),
        None => std::env::current_dir()
            .ok()
            .and_then(|d| claimcheck::config::find(&d)),
    };
    path.map(|p| claimcheck::config::load(&p)).transpose()
}
