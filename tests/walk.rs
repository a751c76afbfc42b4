//! Directory walks (issue: walk inputs like ripgrep): ignore files, hidden
//! files, `--glob`/`--exclude` and the config's `exclude:` decide which
//! documents a walk reads; `--no-ignore` and `--hidden` bring the others
//! back; files named on the command line are always read. And the
//! progress bar never reaches a pipe.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

/// A scratch repository, laid out so every walk rule has a file to skip.
struct Scratch {
    _tmp: tempfile::TempDir,
    /// The repository (the working directory of every run).
    root: PathBuf,
    /// `HOME` and `XDG_CONFIG_HOME` of every run, holding global git excludes.
    home: PathBuf,
}

const TEXT: &str = "Secretary of State Antony Blinken met Wang Yi in Beijing.\n";

/// Read with no flags.
const DEFAULT: &[&str] = &["drafts/g.txt", "news/a.txt", "news/b.md"];
/// What ignore files name.
const IGNORED: &[&str] = &[
    "build/c.txt",
    "notes.log.txt",
    "scratch/d.txt",
    "x.global.txt",
];
/// Hidden files and what hidden directories hold.
const HIDDEN: &[&str] = &[".private/e.txt", "news/.f.txt"];

fn scratch() -> Scratch {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("repo");
    let home = tmp.path().join("home");
    let files = DEFAULT
        .iter()
        .chain(IGNORED)
        .chain(HIDDEN)
        .chain(&["other.html"]);
    for file in files {
        let path = root.join(file);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, TEXT).unwrap();
    }
    // A git-ignored folder and file (no `.git`: still respected), an
    // `.ignore`d folder and a global git exclude.
    fs::write(root.join(".gitignore"), "build/\n*.log.txt\n").unwrap();
    fs::write(root.join(".ignore"), "scratch/\n").unwrap();
    fs::create_dir_all(home.join("git")).unwrap();
    fs::write(home.join("git/ignore"), "*.global.txt\n").unwrap();
    Scratch {
        _tmp: tmp,
        root,
        home,
    }
}

impl Scratch {
    fn claimcheck(&self, dir: &Path) -> Command {
        let mut cmd = Command::cargo_bin("claimcheck").unwrap();
        cmd.current_dir(dir)
            .env("HOME", &self.home)
            .env("XDG_CONFIG_HOME", &self.home)
            .env_remove("CI");
        cmd
    }

    /// The documents `claims --documents ARGS…` reads from the root, as
    /// paths relative to it, sorted.
    fn documents(&self, args: &[&str]) -> Vec<String> {
        self.documents_in(&self.root, args)
    }

    fn documents_in(&self, dir: &Path, args: &[&str]) -> Vec<String> {
        let out = self
            .claimcheck(dir)
            .args(["claims", "--documents"])
            .args(args)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "claims {args:?} failed:\n{stderr}");
        let mut docs: Vec<String> = String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str::<Value>(l).unwrap())
            .filter(|v| v["kind"] == "document")
            .map(|v| {
                let path = v["document"].as_str().unwrap();
                path.strip_prefix("./").unwrap_or(path).to_string()
            })
            .collect();
        docs.sort();
        docs
    }
}

fn sorted(groups: &[&[&str]]) -> Vec<String> {
    let mut all: Vec<String> = groups.concat().iter().map(|s| s.to_string()).collect();
    all.sort();
    all
}

#[test]
fn ignored_and_hidden_files_are_not_read_by_default() {
    let s = scratch();
    assert_eq!(s.documents(&[".", "--no-config"]), sorted(&[DEFAULT]));
    // The same from inside the folder, named by its absolute path.
    let abs = s.root.to_string_lossy().into_owned();
    let docs = s.documents(&[&abs, "--no-config"]);
    assert_eq!(docs.len(), DEFAULT.len(), "{docs:?}");
}

#[test]
fn gitignore_counts_up_to_the_repository_root() {
    let s = scratch();
    // Outside a repository, a parent's `.gitignore` counts…
    fs::write(s.root.parent().unwrap().join(".gitignore"), "*.md\n").unwrap();
    assert_eq!(
        s.documents(&[".", "--no-config"]),
        ["drafts/g.txt", "news/a.txt"]
    );
    // …in one, only those up to its root, as in git.
    fs::create_dir(s.root.join(".git")).unwrap();
    assert_eq!(s.documents(&[".", "--no-config"]), sorted(&[DEFAULT]));
    assert_eq!(
        s.documents(&[".", "--no-config", "--exclude", "*.md"]),
        ["drafts/g.txt", "news/a.txt"]
    );
}

#[test]
fn exclude_glob_skips_a_folder() {
    let s = scratch();
    assert_eq!(
        s.documents(&[".", "--no-config", "--exclude", "drafts"]),
        ["news/a.txt", "news/b.md"]
    );
    assert_eq!(
        s.documents(&[
            ".",
            "--no-config",
            "--exclude",
            "drafts",
            "--exclude",
            "*.md"
        ]),
        ["news/a.txt"]
    );
}

#[test]
fn no_ignore_and_hidden_bring_the_others_back() {
    let s = scratch();
    assert_eq!(
        s.documents(&[".", "--no-config", "--no-ignore"]),
        sorted(&[DEFAULT, IGNORED])
    );
    assert_eq!(
        s.documents(&[".", "--no-config", "--hidden"]),
        sorted(&[DEFAULT, HIDDEN])
    );
    assert_eq!(
        s.documents(&[".", "--no-config", "--no-ignore", "--hidden"]),
        sorted(&[DEFAULT, IGNORED, HIDDEN])
    );
    // `--exclude` still applies to what they bring back.
    assert_eq!(
        s.documents(&[
            ".",
            "--no-config",
            "--no-ignore",
            "--hidden",
            "--exclude",
            "build",
            "--exclude",
            ".private"
        ]),
        sorted(&[
            DEFAULT,
            &[
                "notes.log.txt",
                "scratch/d.txt",
                "x.global.txt",
                "news/.f.txt"
            ]
        ])
    );
}

#[test]
fn glob_narrows_what_a_walk_reads() {
    let s = scratch();
    // Only what a glob selects…
    assert_eq!(
        s.documents(&[".", "--no-config", "--glob", "*.md"]),
        ["news/b.md"]
    );
    // …of the files a walk reads (other files: name them)…
    let out = s
        .claimcheck(&s.root)
        .args(["claims", ".", "--no-config", "-g", "*.html"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "no documents");
    // …`!` skips, anchored globs match relative to the working directory…
    assert_eq!(
        s.documents(&[".", "--no-config", "--glob", "!news/*.txt"]),
        ["drafts/g.txt", "news/b.md"]
    );
    // …`--exclude` wins over `--glob`, and neither brings back what ignore
    // files or hidden names skip.
    assert_eq!(
        s.documents(&[".", "--no-config", "-g", "*.txt", "--exclude", "drafts/"]),
        ["news/a.txt"],
        "a --glob never brings back an ignored or hidden file"
    );
}

#[test]
fn files_named_on_the_command_line_are_always_read() {
    let s = scratch();
    let args = [
        "build/c.txt",
        ".private/e.txt",
        "other.html",
        "--no-config",
        "--exclude",
        "*.txt",
    ];
    assert_eq!(
        s.documents(&args),
        [".private/e.txt", "build/c.txt", "other.html"]
    );
    // A hidden or ignored directory named on the command line is walked.
    assert_eq!(
        s.documents(&[".private", "--no-config"]),
        [".private/e.txt"]
    );
    assert_eq!(s.documents(&["build", "--no-config"]), ["build/c.txt"]);
}

#[test]
fn config_exclude_is_relative_to_the_config_file() {
    let s = scratch();
    fs::write(
        s.root.join("claimcheck.yaml"),
        "exclude:\n  - drafts/\n  - news/*.md\n",
    )
    .unwrap();
    assert_eq!(s.documents(&["."]), ["news/a.txt"]);
    // From a subfolder, the globs still mean the same files.
    assert_eq!(s.documents_in(&s.root.join("news"), &["."]), ["a.txt"]);
    // `--exclude` adds to it; `--no-config` drops it.
    assert_eq!(
        s.documents(&[".", "--exclude", "a.txt", "--hidden"]),
        [".private/e.txt", "news/.f.txt"]
    );
    assert_eq!(s.documents(&[".", "--no-config"]), sorted(&[DEFAULT]));
}

#[test]
fn bad_globs_are_errors_with_their_position() {
    let s = scratch();
    fs::write(
        s.root.join("claimcheck.yaml"),
        "exclude:\n  - drafts/\n  - \"news/[a\"\n  - \"{x\"\n",
    )
    .unwrap();
    let out = s.claimcheck(&s.root).args(["check", "."]).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("claimcheck.yaml:3:5: exclude `news/[a`"),
        "{err}"
    );
    assert!(err.contains("claimcheck.yaml:4:5: exclude `{x`"), "{err}");
    let out = s
        .claimcheck(&s.root)
        .args([
            "claims",
            ".",
            "--no-config",
            "--glob",
            "a[",
            "--exclude",
            "{b",
        ])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("--glob `a[`"), "{err}");
    assert!(err.contains("--exclude `{b`"), "{err}");
}

#[test]
fn a_directory_reached_twice_is_read_once() {
    let s = scratch();
    #[cfg(unix)]
    {
        // `alias` sorts before `news`: read there, `news` skipped.
        std::os::unix::fs::symlink("news", s.root.join("alias")).unwrap();
        let out = s
            .claimcheck(&s.root)
            .args(["claims", "--documents", ".", "--no-config"])
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.lines()
                .any(|l| l.contains("news") && l.contains("reached twice")),
            "{err}"
        );
        assert_eq!(
            s.documents(&[".", "--no-config"]),
            ["alias/a.txt", "alias/b.md", "drafts/g.txt"]
        );
    }
}

/// Enough documents for a progress bar on a terminal.
fn many_documents() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("many");
    fs::create_dir(&dir).unwrap();
    for i in 0..2100 {
        fs::write(dir.join(format!("{i:04}.txt")), TEXT).unwrap();
    }
    (tmp, dir)
}

#[test]
fn progress_bar_never_reaches_a_pipe() {
    let (_tmp, dir) = many_documents();
    let out = Command::cargo_bin("claimcheck")
        .unwrap()
        .args(["claims", "--no-config"])
        .arg(&dir)
        .env_remove("CI")
        .output()
        .unwrap();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("2100 documents, ") && err.lines().count() == 1,
        "stderr holds only the summary line: {err:?}"
    );
    assert!(!err.contains('\r') && !err.contains('\x1b'), "{err:?}");
    // `--quiet` drops the summary line too.
    let out = Command::cargo_bin("claimcheck")
        .unwrap()
        .args(["claims", "--no-config", "--quiet"])
        .arg(&dir)
        .env_remove("CI")
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

/// The other side of the pipe test: on a terminal (a pseudo-terminal from
/// util-linux `script`, skipped where there is none) the bar is drawn.
#[cfg(target_os = "linux")]
#[test]
fn progress_bar_is_drawn_on_a_terminal() {
    let script = std::process::Command::new("script")
        .arg("--version")
        .output();
    if !script.is_ok_and(|o| o.status.success()) {
        eprintln!("skipped: no util-linux `script` for a pseudo-terminal");
        return;
    }
    let (_tmp, dir) = many_documents();
    let bin = assert_cmd::cargo::cargo_bin("claimcheck");
    let run = |quiet: &str| {
        let command = format!(
            "'{}' claims --no-config {quiet} '{}' > /dev/null",
            bin.display(),
            dir.display()
        );
        let out = std::process::Command::new("script")
            .args(["-qec", &command, "/dev/null"])
            .env_remove("CI")
            .env("TERM", "xterm")
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let shown = run("");
    assert!(shown.contains("/2100 documents ["), "{shown:?}");
    let quiet = run("--quiet");
    assert!(!quiet.contains("documents"), "{quiet:?}");
}
