//! Directory walks: a directory → the files under it that are read.
//!
//! The walk is ripgrep's (the `ignore` crate), in parallel: `.gitignore`,
//! `.ignore`, `.git/info/exclude` and the global git excludes are respected,
//! and hidden files and directories (names starting with `.`) are skipped,
//! unless [`Walk`] says otherwise. In a git repository ignore files count
//! up to its root, as in git and ripgrep; outside one (an unpacked archive
//! of a project) `.gitignore` files still count, where ripgrep would want
//! `--no-require-git`, since they say what is not part of the project
//! either way. Globs
//! only narrow what is left: `--glob` selects (`!` skips) with ripgrep's
//! syntax, `--exclude` and the project's `exclude:` skip. Unlike ripgrep's
//! `--glob`, a glob never brings back an ignored or hidden file (that is
//! what `--no-ignore` and `--hidden` are for). Of the files left, those
//! with a corpus extension are read.
//!
//! The walk's results are sorted before anything is read, so the outcome
//! does not depend on thread timing: a directory reached twice through
//! symlinks is read under the path that sorts first and skipped (with a
//! warning) under the others, as a sequential walk in sorted order would.
//! Symlinks are followed; FIFOs and other non-regular files are never
//! opened.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use ignore::gitignore::{Gitignore, GitignoreBuilder};
use ignore::overrides::{Override, OverrideBuilder};
use ignore::{WalkBuilder, WalkState};

use super::{describe_io_error, is_corpus_file, load_file, Corpus, InputProblem};

/// How directories are walked: which files under them are read.
#[derive(Debug, Clone)]
pub struct Walk {
    ignore_files: bool,
    hidden: bool,
    globs: Override,
    excludes: Vec<Gitignore>,
}

impl Default for Walk {
    /// Ignore files respected, hidden files skipped, no globs.
    fn default() -> Self {
        Walk {
            ignore_files: true,
            hidden: false,
            globs: Override::empty(),
            excludes: Vec::new(),
        }
    }
}

/// A glob that does not compile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GlobError {
    pub glob: String,
    pub message: String,
}

impl Walk {
    /// `false`: also read what `.gitignore`, `.ignore`, `.git/info/exclude`
    /// and the global git excludes name (`--no-ignore`).
    pub fn respect_ignore_files(mut self, yes: bool) -> Self {
        self.ignore_files = yes;
        self
    }

    /// `true`: also read hidden files and enter hidden directories
    /// (`--hidden`).
    pub fn hidden(mut self, yes: bool) -> Self {
        self.hidden = yes;
        self
    }

    /// Command-line globs, matched like `.gitignore` lines relative to
    /// `root` (the working directory): each of `globs` selects the files it
    /// matches (`!` first: skips files and directories), and once any
    /// selects, only files one selects are read; then each of `excludes`
    /// skips what it matches. A later glob wins over an earlier one. Every
    /// bad glob is returned.
    pub fn globs(
        mut self,
        root: &Path,
        globs: &[String],
        excludes: &[String],
    ) -> Result<Self, Vec<GlobError>> {
        let mut builder = OverrideBuilder::new(root);
        let mut errors = Vec::new();
        let lines = globs
            .iter()
            .map(|g| (g, g.clone()))
            .chain(excludes.iter().map(|g| (g, format!("!{g}"))));
        for (glob, line) in lines {
            if let Err(e) = builder.add(&line) {
                errors.push(GlobError {
                    glob: glob.clone(),
                    message: glob_message(&e),
                });
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        self.globs = builder.build().map_err(|e| {
            vec![GlobError {
                glob: String::new(),
                message: glob_message(&e),
            }]
        })?;
        Ok(self)
    }

    /// Project excludes (`exclude:` in `claimcheck.yaml`), matched like
    /// `.gitignore` lines relative to `root` (the config file's
    /// directory); they apply to files under `root` only.
    pub fn excludes(mut self, root: &Path, globs: &[String]) -> Result<Self, Vec<GlobError>> {
        let root = absolute(root);
        let mut builder = GitignoreBuilder::new(&root);
        builder.allow_unclosed_class(false);
        let mut errors = Vec::new();
        for glob in globs {
            if let Err(e) = builder.add_line(None, glob) {
                errors.push(GlobError {
                    glob: glob.clone(),
                    message: glob_message(&e),
                });
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let matcher = builder.build().map_err(|e| {
            vec![GlobError {
                glob: String::new(),
                message: glob_message(&e),
            }]
        })?;
        self.excludes.push(matcher);
        Ok(self)
    }

    /// Whether `path` is skipped for its hidden name.
    fn hides(&self, path: &Path) -> bool {
        !self.hidden
            && path
                .file_name()
                .is_some_and(|n| n.as_encoded_bytes().starts_with(b"."))
    }

    /// Whether the globs skip `path` (met in a walk, so its parent was
    /// not skipped).
    fn skips(&self, path: &Path, is_dir: bool) -> bool {
        if self.globs.matched(path, is_dir).is_ignore() {
            return true;
        }
        if self.excludes.is_empty() {
            return false;
        }
        let path = absolute(path);
        self.excludes
            .iter()
            .any(|g| path.starts_with(g.path()) && g.matched(&path, is_dir).is_ignore())
    }
}

/// Why `glob` cannot be used, or `None` when it compiles (for validating
/// configuration before any walk).
pub fn glob_problem(glob: &str) -> Option<String> {
    let mut builder = GitignoreBuilder::new("/");
    builder.allow_unclosed_class(false);
    builder.add_line(None, glob).err().map(|e| glob_message(&e))
}

/// The glob compiler's reason, without the glob it already names.
fn glob_message(e: &ignore::Error) -> String {
    match e {
        ignore::Error::Glob { err, .. } => err.clone(),
        ignore::Error::WithLineNumber { err, .. }
        | ignore::Error::WithPath { err, .. }
        | ignore::Error::WithDepth { err, .. } => glob_message(err),
        other => other.to_string(),
    }
}

/// `path` made absolute against the working directory, with `.`
/// components dropped (symlinks are not resolved).
fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path)
        .unwrap_or_else(|_| path.to_path_buf())
        .components()
        .collect()
}

/// What the parallel walk found, before sorting.
enum Found {
    Dir,
    /// A file the walk selects; `regular` is false for FIFOs, sockets and
    /// devices, which are never opened.
    File {
        regular: bool,
    },
    Problem(InputProblem),
}

/// Reads the files under `root` that `walk` selects into `corpus`.
pub(super) fn walk_dir(corpus: &mut Corpus, root: &Path, walk: &Walk) {
    let mut found = collect(root, walk);
    found.sort_by(|a, b| a.0.cmp(&b.0));
    // Canonical paths break symlink loops: a directory is entered once.
    let mut visited = BTreeSet::new();
    let mut skipped: Option<PathBuf> = None;
    for (path, what) in found {
        // Sorted, everything under a skipped directory (and any problem
        // of the directory itself) follows it.
        if let Some(dir) = &skipped {
            if path.starts_with(dir) {
                continue;
            }
            skipped = None;
        }
        let name = path.to_string_lossy().into_owned();
        match what {
            Found::Dir => match fs::canonicalize(&path) {
                Ok(real) => {
                    if !visited.insert(real) {
                        corpus.problems.push(reached_twice(&name));
                        skipped = Some(path);
                    }
                }
                Err(e) => {
                    corpus
                        .problems
                        .push(InputProblem::error(&name, describe_io_error(&e)));
                    skipped = Some(path);
                }
            },
            Found::File { regular: true } => load_file(corpus, &path, &name),
            // Never opened: reading a FIFO would block the walk.
            Found::File { regular: false } => corpus.problems.push(InputProblem::warning(
                &name,
                "not a regular file (FIFO, socket or device): not read",
            )),
            Found::Problem(problem) => corpus.problems.push(problem),
        }
    }
}

fn reached_twice(name: &str) -> InputProblem {
    InputProblem::warning(
        name,
        "directory reached twice (symlink loop?): skipped the second time",
    )
}

/// Walks `root` on every core; the entries come back in no fixed order.
fn collect(root: &Path, walk: &Walk) -> Vec<(PathBuf, Found)> {
    let mut builder = WalkBuilder::new(root);
    builder
        .standard_filters(walk.ignore_files)
        .hidden(!walk.hidden)
        .require_git(in_repository(root))
        .follow_links(true);
    // Not `overrides`: there a `--glob` match would beat ignore files.
    if !walk.globs.is_empty() || !walk.excludes.is_empty() {
        let globs = walk.clone();
        builder.filter_entry(move |entry| {
            let is_dir = entry.file_type().is_some_and(|t| t.is_dir());
            !globs.skips(entry.path(), is_dir)
        });
    }
    let found = Mutex::new(Vec::new());
    builder.build_parallel().run(|| {
        let found = &found;
        Box::new(move |entry| {
            let item = match entry {
                Ok(entry) => {
                    let path = entry.path();
                    match entry.file_type() {
                        Some(t) if t.is_dir() => Some((path.to_path_buf(), Found::Dir)),
                        Some(t) if is_corpus_file(path) => Some((
                            path.to_path_buf(),
                            Found::File {
                                regular: t.is_file(),
                            },
                        )),
                        _ => None,
                    }
                }
                Err(e) => {
                    let mut problems = Problems {
                        walk,
                        root,
                        found: Vec::new(),
                    };
                    problems.add(&e, None, None);
                    let mut found = found.lock().unwrap_or_else(|e| e.into_inner());
                    found.extend(problems.found);
                    None
                }
            };
            if let Some(item) = item {
                found.lock().unwrap_or_else(|e| e.into_inner()).push(item);
            }
            WalkState::Continue
        })
    });
    found.into_inner().unwrap_or_else(|e| e.into_inner())
}

/// Whether `dir` is in a git (or Jujutsu) repository: then ignore files
/// above the repository's root do not count.
fn in_repository(dir: &Path) -> bool {
    let dir = fs::canonicalize(dir).unwrap_or_else(|_| absolute(dir));
    dir.ancestors()
        .any(|d| d.join(".git").exists() || d.join(".jj").exists())
}

/// Turns an error of the walk into input problems, each at the path it
/// concerns (`at`, the innermost path given, else the walk's root).
struct Problems<'w> {
    walk: &'w Walk,
    root: &'w Path,
    found: Vec<(PathBuf, Found)>,
}

impl Problems<'_> {
    fn add(&mut self, e: &ignore::Error, at: Option<&Path>, line: Option<u64>) {
        use ignore::Error;
        let walk = self.walk;
        match e {
            Error::WithPath { path, err } => self.add(err, Some(path), line),
            Error::WithDepth { err, .. } => self.add(err, at, line),
            Error::WithLineNumber { line, err } => self.add(err, at, Some(*line)),
            Error::Partial(errs) => errs.iter().for_each(|e| self.add(e, at, line)),
            // Loops are found before hidden names and globs are looked at.
            Error::Loop { child, .. } if walk.skips(child, true) || walk.hides(child) => {}
            Error::Loop { child, .. } => {
                let problem = reached_twice(&child.to_string_lossy());
                self.push(child, problem);
            }
            Error::Io(io) => {
                let path = at.unwrap_or(self.root);
                let name = path.to_string_lossy();
                let is_ignore_file = path
                    .file_name()
                    .is_some_and(|n| n == ".gitignore" || n == ".ignore");
                let is_link = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
                let problem = if is_ignore_file {
                    InputProblem::warning(&name, format!("ignore file not used: {io}"))
                } else if is_link && walk.skips(path, false) {
                    return;
                } else if is_link {
                    // A dangling or looping symlink: lost input if it names
                    // a document, else (it may have been a directory) a
                    // warning.
                    let message = format!("cannot follow (broken or looping symlink?): {io}");
                    if is_corpus_file(path) {
                        InputProblem::error(&name, message)
                    } else {
                        InputProblem::warning(&name, message)
                    }
                } else {
                    InputProblem::error(&name, describe_io_error(io))
                };
                self.push(path, problem);
            }
            // A bad line in an ignore file: the rest of the file still
            // applies.
            other => {
                let path = at.unwrap_or(self.root);
                let mut problem = InputProblem::warning(
                    &path.to_string_lossy(),
                    format!("ignore file line not used: {}", glob_message(other)),
                );
                problem.line = line.and_then(|l| usize::try_from(l).ok());
                self.push(path, problem);
            }
        }
    }

    fn push(&mut self, path: &Path, problem: InputProblem) {
        self.found
            .push((path.to_path_buf(), Found::Problem(problem)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_globs_are_all_reported() {
        let globs = ["*.md".to_string(), "a[".to_string()];
        let excludes = ["{x".to_string(), "drafts".to_string()];
        let errors = Walk::default()
            .globs(Path::new("."), &globs, &excludes)
            .unwrap_err();
        let bad: Vec<&str> = errors.iter().map(|e| e.glob.as_str()).collect();
        assert_eq!(bad, ["a[", "{x"]);
        assert!(glob_problem("drafts/**").is_none());
        assert!(glob_problem("[z-a]").is_some());
    }

    #[test]
    fn excludes_apply_under_their_root_only() {
        let excludes = ["drafts/".to_string(), "*.tmp.md".to_string()];
        let walk = Walk::default()
            .excludes(Path::new("/project"), &excludes)
            .unwrap();
        assert!(walk.skips(Path::new("/project/drafts"), true));
        assert!(!walk.skips(Path::new("/project/drafts"), false));
        assert!(walk.skips(Path::new("/project/news/a.tmp.md"), false));
        assert!(walk.skips(Path::new("/project/./news/a.tmp.md"), false));
        assert!(!walk.skips(Path::new("/elsewhere/a.tmp.md"), false));
    }

    #[test]
    fn globs_select_files_and_skip_what_is_excluded() {
        let globs = ["*.md".to_string(), "!old-*".to_string()];
        let walk = Walk::default()
            .globs(Path::new("/project"), &globs, &["drafts".to_string()])
            .unwrap();
        assert!(!walk.skips(Path::new("./news/a.md"), false));
        assert!(walk.skips(Path::new("./news/a.txt"), false));
        assert!(
            !walk.skips(Path::new("./news"), true),
            "folders are entered"
        );
        assert!(walk.skips(Path::new("./news/old-a.md"), false));
        assert!(walk.skips(Path::new("/project/news/drafts"), true));
    }
}
