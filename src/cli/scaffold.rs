//! Project scaffolding and what is generated from the CLI definition:
//! `claimcheck init`, `claimcheck completions SHELL`, `claimcheck man`.

use std::io::{self, Write};
use std::path::Path;

use clap::CommandFactory;

use super::args::Args;
use super::EXIT_ERROR;

/// What `init` writes: path relative to the directory, and contents.
pub const FILES: [(&str, &str); 2] = [
    ("claimcheck.yaml", include_str!("scaffold/claimcheck.yaml")),
    ("rules/local.yaml", include_str!("scaffold/local.yaml")),
];

/// Writes the project files into `dir`; refuses (exit 2, nothing written)
/// when any of them exists.
pub fn init(dir: &Path) -> io::Result<u8> {
    let existing: Vec<String> = FILES
        .iter()
        .map(|(name, _)| dir.join(name))
        .filter(|p| p.exists())
        .map(|p| p.display().to_string())
        .collect();
    if !existing.is_empty() {
        writeln!(
            io::stderr(),
            "claimcheck: error: {} already exist{}; nothing written (move {} away to start again)",
            existing.join(", "),
            if existing.len() == 1 { "s" } else { "" },
            if existing.len() == 1 { "it" } else { "them" },
        )?;
        return Ok(EXIT_ERROR);
    }
    let mut out = io::stdout().lock();
    for (name, text) in FILES {
        let path = dir.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        // `create_new`: a file that appeared since the check is not replaced.
        std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)?
            .write_all(text.as_bytes())?;
        writeln!(out, "wrote {}", path.display())?;
    }
    writeln!(
        out,
        "next: `claimcheck rules test {}` and `claimcheck check ARTICLES`",
        dir.join("rules/local.yaml").display()
    )?;
    Ok(0)
}

pub fn completions(shell: clap_complete::Shell) -> io::Result<u8> {
    let mut cmd = Args::command();
    // Into memory first: clap_complete panics on a failed write (`| head`).
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut cmd, "claimcheck", &mut script);
    io::stdout().lock().write_all(&script)?;
    Ok(0)
}

/// The manual page of claimcheck, or of one subcommand
/// (`claimcheck-check(1)`…), in roff.
pub fn man(subcommand: Option<&str>) -> io::Result<u8> {
    let cmd = Args::command();
    let page = match subcommand {
        None => cmd,
        Some(name) => match cmd.find_subcommand(name) {
            Some(sub) => {
                let full = format!("claimcheck-{name}");
                sub.clone()
                    .name(full.clone())
                    .bin_name(full)
                    .version(env!("CARGO_PKG_VERSION"))
            }
            None => {
                writeln!(io::stderr(), "claimcheck: error: no subcommand {name:?}")?;
                return Ok(EXIT_ERROR);
            }
        },
    };
    clap_mangen::Man::new(page).render(&mut io::stdout().lock())?;
    Ok(0)
}
