//! Everything about the process: flags, files, output, exit codes.

mod args;
mod commands;
mod render;
mod time;

use std::io::{self, Write};
use std::path::Path;

use clap::Parser;

use args::{Args, Command, RuleArgs, RulesCommand};
use claimcheck::rules::{RuleProblem, RuleSet, RulesError, SHIPPED};

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
        } => commands::check(&paths, &rules, format, fail_on, &accept),
        Command::Claims {
            paths,
            rules,
            format,
        } => commands::claims(&paths, &rules, format),
        Command::Graph {
            paths,
            rules,
            format,
        } => commands::graph(&paths, &rules, format),
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
        Command::Explain { check, rules } => commands::explain(&check, &rules),
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

/// Loads rules for a command, printing every problem on failure.
pub fn load_rules(args: &RuleArgs) -> Result<(RuleSet, usize), u8> {
    let (files, problems) = rule_files(&args.rules, !args.no_default_rules);
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
    match RuleSet::load(&files) {
        Ok(set) => Ok((set, count)),
        Err(e) => {
            render::rules_error(&e);
            Err(EXIT_ERROR)
        }
    }
}
