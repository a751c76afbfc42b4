//! One function per subcommand; each returns the exit code.

use std::collections::BTreeSet;
use std::ffi::OsStr;
use std::fmt;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Instant;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};

use claimcheck::corpus::{self, Corpus, DocId, Document, Walk};
use claimcheck::report::accept::{self, Baseline, Suppression, SuppressionFile};
use claimcheck::report::{ExitStatus, FailOn};
use claimcheck::rules::{Check, CheckKind, Compare};
use claimcheck::store::{self, cache::Cache};
use claimcheck::RuleSet;
use claimcheck::{
    analyze, analyze_claims, analyze_claims_in_families, extract_all, extract_cached,
    extract_streaming, families, Extracted,
};

use super::args::{
    AcceptArgs, CheckFormat, ClaimsFormat, FailOnArg, GraphFormat, InputArgs, MergeFormat,
    ReadArgs, RuleArgs,
};
use super::{load_rules, render, rule_files, EXIT_ERROR};

type Code = io::Result<u8>;

/// The directory walk the flags and the config's `exclude` ask for; every
/// bad glob is printed, and then `None`.
fn walk_of(read: &ReadArgs, loaded: &super::Loaded) -> Option<Walk> {
    let flags = &read.walk;
    let cwd = std::env::current_dir().unwrap_or_else(|_| ".".into());
    let walk = Walk::default()
        .respect_ignore_files(!flags.no_ignore)
        .hidden(flags.hidden)
        .globs(&cwd, &flags.globs, &flags.excludes);
    let walk = match (walk, &loaded.exclude) {
        (Ok(walk), Some((dir, globs))) if !globs.is_empty() => walk.excludes(dir, globs),
        (walk, _) => walk,
    };
    match walk {
        Ok(walk) => Some(walk),
        Err(errors) => {
            for e in errors {
                let flag = match flags.excludes.contains(&e.glob) {
                    true => "--exclude",
                    false => "--glob",
                };
                let _ = writeln!(
                    io::stderr(),
                    "claimcheck: error: {flag} `{}`: {}",
                    e.glob,
                    e.message
                );
            }
            None
        }
    }
}

/// Loads the corpus, reporting input problems on stderr; `None` when there
/// is nothing to check (which is an error, not a silent success).
fn load_corpus(paths: &[String], walk: &Walk) -> Option<Corpus> {
    let corpus = corpus::load_with(paths, walk, &mut io::stdin().lock());
    something_to_check(&corpus, paths).then_some(corpus)
}

/// Reports the corpus's input problems on stderr, and whether it has a
/// document to check (none is an error, named here, not a silent success).
fn something_to_check(corpus: &Corpus, paths: &[String]) -> bool {
    render::input_problems(&corpus.problems);
    if corpus.documents.is_empty() {
        let _ = writeln!(
            io::stderr(),
            "claimcheck: error: no documents to check in {}",
            paths.join(", ")
        );
        return false;
    }
    true
}

/// [`load_corpus`] and, at the same time (the two reads are independent,
/// and on a warm cache they are most of the run), the claims cache in
/// `cache_dir`.
fn load_corpus_and_cache(
    paths: &[String],
    walk: &Walk,
    rules: &RuleSet,
    cache_dir: Option<&str>,
) -> Option<(Corpus, Option<Cache>)> {
    let Some(dir) = cache_dir else {
        return load_corpus(paths, walk).map(|corpus| (corpus, None));
    };
    let (corpus, cache) = rayon::join(
        || load_corpus(paths, walk),
        || Cache::open(std::path::Path::new(dir), rules),
    );
    Some((corpus?, Some(cache)))
}

pub fn check(
    paths: &[String],
    rule_args: &RuleArgs,
    format: CheckFormat,
    fail_on: Option<FailOnArg>,
    accept: &AcceptArgs,
    timings: bool,
    input: &InputArgs,
) -> Code {
    let started = Instant::now();
    let mut stages = Stages::new(timings);
    let loaded = match load_rules(rule_args) {
        Ok(r) => r,
        Err(code) => return Ok(code),
    };
    let (rules, rule_files) = (&loaded.rules, loaded.files);
    let (baseline, suppressions) = match load_accepted(accept) {
        Ok(a) => a,
        Err(message) => {
            writeln!(io::stderr(), "claimcheck: error: {message}")?;
            return Ok(EXIT_ERROR);
        }
    };
    stages.lap("rules");
    let Some(walk) = walk_of(&input.read, &loaded) else {
        return Ok(EXIT_ERROR);
    };
    let cache = cache_dir(input.cache.clone(), input.no_cache, &loaded);
    // Only the human and HTML reports quote the documents' text.
    let keep_text = matches!(format, CheckFormat::Human | CheckFormat::Html);
    let Some((corpus, claims, bytes)) =
        gather(paths, input, &walk, cache, rules, keep_text, &mut stages)
    else {
        return Ok(EXIT_ERROR);
    };
    let mut corpus = corpus;
    let copy_families = families(&corpus);
    if !keep_text {
        // Nothing after the families reads a signature (256 bytes a
        // document): the check's own memory can reuse them.
        corpus.documents.iter_mut().for_each(|d| d.signature = None);
    }
    stages.lap("copy families");
    let mut analysis = analyze_claims_in_families(&corpus, rules, claims, copy_families);
    stages.lap("check+graph+report");
    if let Some(file) = &accept.write_baseline {
        let b = Baseline::of(&analysis.report);
        std::fs::write(file, serde_json::to_string_pretty(&b)? + "\n")?;
        writeln!(
            io::stderr(),
            "wrote {} fingerprints to {file}",
            b.findings.len()
        )?;
        return Ok(0);
    }
    accept::apply(&mut analysis.report, baseline.as_ref(), &suppressions);
    let report = &analysis.report;
    let mut out = BufWriter::new(io::stdout().lock());
    match format {
        CheckFormat::Human => render::human::render(&mut out, report, &corpus, color_wanted())?,
        CheckFormat::Concise => render::concise::render(&mut out, report)?,
        CheckFormat::Json => render::json::report(&mut out, report)?,
        CheckFormat::Sarif => render::sarif::render(&mut out, report, rules)?,
        CheckFormat::Github => render::github::render(&mut out, report)?,
        CheckFormat::Html => render::html::render(&mut out, report, &corpus, &analysis, rules)?,
        CheckFormat::Gitlab => render::gitlab::render(&mut out, report)?,
    }
    out.flush()?;
    stages.lap("render");
    stages.print(corpus.documents.len(), bytes);
    report_accepted(report);
    let fail_on = match (fail_on, loaded.fail_on.as_deref()) {
        (Some(FailOnArg::Error), _) | (None, Some("error") | None) => FailOn::Error,
        (Some(FailOnArg::Warning), _) | (None, Some("warning")) => FailOn::Warning,
        (Some(FailOnArg::Info), _) | (None, Some("info")) => FailOn::Info,
        (Some(FailOnArg::Never), _) | (None, Some(_)) => FailOn::Never,
    };
    let status = report.exit_status(fail_on);
    let s = &report.summary;
    if !input.read.quiet {
        let _ = writeln!(
            io::stderr(),
            "{} documents, {} claims, {} rule files: {} {}, {} {}, {} info in {:.2} s",
            report.documents,
            report.claims,
            rule_files,
            s.error,
            plural(s.error, "error", "errors"),
            s.warning,
            plural(s.warning, "warning", "warnings"),
            s.info,
            started.elapsed().as_secs_f64()
        );
    }
    let nothing_checked = report.claims == 0 && status == ExitStatus::Clean;
    // The process ends here: freeing every claim, document and finding one
    // by one would cost a few per cent of the run on large corpora, and
    // the system takes the memory back at once.
    std::mem::forget(analysis);
    std::mem::forget(corpus);
    if nothing_checked {
        let _ = writeln!(
            io::stderr(),
            "claimcheck: error: no claims found: nothing was checked"
        );
        return Ok(EXIT_ERROR);
    }
    Ok(status as u8)
}

/// The documents and their claims: parsed from `paths` (through the cache
/// when asked), or read from claims files with `--claims`. Also returns
/// the size of the text the claims came from. `None` when there is nothing
/// to check (already reported).
fn gather(
    paths: &[String],
    input: &InputArgs,
    walk: &Walk,
    cache: Option<String>,
    rules: &RuleSet,
    keep_text: bool,
    stages: &mut Stages,
) -> Option<(Corpus, Extracted, usize)> {
    if input.claims {
        let loaded = store::read(paths, rules, &mut io::stdin().lock());
        for file in &loaded.without_document_lines {
            let _ = writeln!(
                io::stderr(),
                "claimcheck: warning: {file} has no document lines (written without \
                 `claims --documents`): documents without any claim are not counted and \
                 the rules the claims were extracted with are unknown"
            );
        }
        let bytes = loaded.documents.iter().map(|(m, _)| m.bytes).sum();
        let (corpus, extracted) = loaded.into_corpus(rules);
        render::input_problems(&corpus.problems);
        stages.lap("read claims");
        if corpus.documents.is_empty() {
            let _ = writeln!(
                io::stderr(),
                "claimcheck: error: no claims to check in {}",
                paths.join(", ")
            );
            return None;
        }
        return Some((corpus, extracted, bytes));
    }
    if !keep_text && cache.is_none() {
        return stream_corpus(paths, walk, rules, input.read.quiet, stages);
    }
    let (corpus, cache) = load_corpus_and_cache(paths, walk, rules, cache.as_deref())?;
    stages.lap("read");
    let bytes = corpus.documents.iter().map(|d| d.text.len()).sum();
    let extracted = extract_with_progress(&corpus, rules, cache, input.read.quiet);
    stages.lap("extract");
    Some((corpus, extracted, bytes))
}

/// Reading and extraction in one stream, for a report that quotes no text
/// (issue 19: memory), with a progress bar when one is wanted; like
/// [`load_corpus`], `None` (reported) when there is nothing to check.
fn stream_corpus(
    paths: &[String],
    walk: &Walk,
    rules: &RuleSet,
    quiet: bool,
    stages: &mut Stages,
) -> Option<(Corpus, Extracted, usize)> {
    let progress = StreamProgress::new(quiet);
    let load = |corpus: &mut Corpus| {
        corpus::load_into(corpus, paths, walk, &mut io::stdin().lock());
    };
    let (corpus, extracted) = extract_streaming(
        &load,
        rules,
        claimcheck::checks::date_consistency::reads,
        &|bytes| progress.done(bytes),
    );
    progress.finish();
    stages.lap("extract");
    if !something_to_check(&corpus, paths) {
        return None;
    }
    Some((corpus, extracted, progress.bytes()))
}

/// Progress of a streamed extraction, whose size is not known in advance:
/// documents and bytes done and the rate, drawn once
/// [`PROGRESS_MIN_DOCUMENTS`] are done when [`progress_wanted`].
struct StreamProgress {
    bar: Option<ProgressBar>,
    documents: AtomicUsize,
    bytes: AtomicUsize,
}

impl StreamProgress {
    fn new(quiet: bool) -> StreamProgress {
        // Asked as for a corpus large enough; shown only once it is.
        let wanted = progress_wanted(
            PROGRESS_MIN_DOCUMENTS,
            quiet,
            io::stderr().is_terminal(),
            std::env::var_os("CI").as_deref(),
        );
        let bar = wanted.then(|| {
            let style =
                ProgressStyle::with_template("  reading: {pos} documents, {msg} [{elapsed}]")
                    .unwrap_or_else(|_| ProgressStyle::default_spinner());
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
            bar.set_style(style);
            bar
        });
        StreamProgress {
            bar,
            documents: AtomicUsize::new(0),
            bytes: AtomicUsize::new(0),
        }
    }

    fn done(&self, bytes: usize) {
        let documents = self.documents.fetch_add(1, Ordering::Relaxed) + 1;
        let total = self.bytes.fetch_add(bytes, Ordering::Relaxed) + bytes;
        let Some(bar) = &self.bar else { return };
        if documents == PROGRESS_MIN_DOCUMENTS {
            bar.set_draw_target(ProgressDrawTarget::stderr());
        }
        bar.inc(1);
        if documents.is_multiple_of(256) {
            bar.set_message(format!("{:.1} MB", total as f64 / 1e6));
        }
    }

    fn bytes(&self) -> usize {
        self.bytes.load(Ordering::Relaxed)
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// `--cache`, else the config's `cache`, unless `--no-cache`.
fn cache_dir(flag: Option<String>, no_cache: bool, loaded: &super::Loaded) -> Option<String> {
    if no_cache {
        return None;
    }
    flag.or_else(|| loaded.cache.clone())
}

fn load_accepted(accept: &AcceptArgs) -> Result<(Option<Baseline>, Vec<Suppression>), String> {
    let baseline = match &accept.baseline {
        Some(file) => {
            let text = std::fs::read_to_string(file)
                .map_err(|e| format!("{file}: cannot read baseline: {e}"))?;
            Some(
                serde_json::from_str(&text)
                    .map_err(|e| format!("{file}: not a claimcheck baseline: {e}"))?,
            )
        }
        None => None,
    };
    let suppressions = match &accept.suppressions {
        Some(file) => {
            let text = std::fs::read_to_string(file)
                .map_err(|e| format!("{file}: cannot read suppressions: {e}"))?;
            SuppressionFile::parse(&text).map_err(|e| format!("{file}: {e}"))?
        }
        None => Vec::new(),
    };
    Ok((baseline, suppressions))
}

/// Stale baseline entries and unused suppressions go to stderr in every
/// format (JSON also carries them).
fn report_accepted(report: &claimcheck::report::Report) {
    let mut err = io::stderr().lock();
    if !report.accepted.is_empty() {
        let _ = writeln!(
            err,
            "claimcheck: {} accepted finding(s) not shown (baseline or suppressions)",
            report.accepted.len()
        );
    }
    for e in &report.stale_baseline {
        let _ = writeln!(
            err,
            "claimcheck: warning: stale baseline entry {} ({} on {}): no longer found",
            e.fingerprint, e.check, e.subject
        );
    }
    for s in &report.unused_suppressions {
        let _ = writeln!(
            err,
            "claimcheck: warning: unused suppression ({} on {}): matched no finding",
            s.check, s.subject
        );
    }
}

/// Extraction (through the claims cache in `cache`, when given) with a
/// progress bar when [`progress_wanted`]; `quiet` also hides the cache's
/// summary line.
fn extract_with_progress(
    corpus: &Corpus,
    rules: &RuleSet,
    cache: Option<Cache>,
    quiet: bool,
) -> Extracted {
    let sizes = document_sizes(corpus);
    let Some(mut cache) = cache else {
        return extract_reporting(&sizes, quiet, &mut |on_document| {
            extract_all(corpus, rules, on_document)
        });
    };
    let dir = cache.dir().display().to_string();
    let extracted = extract_reporting(&sizes, quiet, &mut |on_document| {
        extract_cached(corpus, rules, &mut cache, on_document)
    });
    if !quiet {
        let _ = writeln!(
            io::stderr(),
            "claimcheck: cache {dir}: {} document(s) reused, {} parsed",
            cache.hits(),
            cache.misses()
        );
    }
    for w in &cache.warnings {
        let _ = writeln!(io::stderr(), "claimcheck: warning: cache: {w}");
    }
    if let Err(e) = cache.save(rules) {
        let _ = writeln!(
            io::stderr(),
            "claimcheck: warning: cannot write cache {dir}: {e}"
        );
    }
    extracted
}

/// Fewer documents than this are done before a progress bar is worth
/// drawing.
const PROGRESS_MIN_DOCUMENTS: usize = 2000;

/// A progress bar only on a terminal — never in a pipe, a file or a CI log
/// (`CI` set, as every CI service does) — only for a corpus large enough
/// to wait for, and not with `--quiet`.
fn progress_wanted(documents: usize, quiet: bool, terminal: bool, ci: Option<&OsStr>) -> bool {
    let in_ci = ci.is_some_and(|v| !v.is_empty() && v != "0" && v != "false");
    !quiet && terminal && !in_ci && documents >= PROGRESS_MIN_DOCUMENTS
}

/// What extraction calls as each document is done.
type OnDocument<'a> = dyn Fn(DocId) + Sync + 'a;

/// Each document's text length in bytes, for the progress bar (taken
/// before extraction, which may drop the texts).
fn document_sizes(corpus: &Corpus) -> Vec<u64> {
    corpus
        .documents
        .iter()
        .map(|d| d.text.len() as u64)
        .collect()
}

/// Runs `extract` over documents of `sizes` bytes, with a progress bar on
/// stderr (documents done, MB/s, time left) when one is wanted; the bar is
/// cleared at the end.
fn extract_reporting(
    sizes: &[u64],
    quiet: bool,
    extract: &mut dyn FnMut(&OnDocument<'_>) -> Extracted,
) -> Extracted {
    let wanted = progress_wanted(
        sizes.len(),
        quiet,
        io::stderr().is_terminal(),
        std::env::var_os("CI").as_deref(),
    );
    if !wanted {
        return extract(&|_| {});
    }
    let (bar, done) = progress_bar(sizes);
    let extracted = extract(&|id| {
        done.fetch_add(1, Ordering::Relaxed);
        bar.inc(sizes[id]);
    });
    bar.finish_and_clear();
    extracted
}

/// A bar over the corpus's bytes (for the rate and the time left) that
/// also counts documents.
fn progress_bar(sizes: &[u64]) -> (ProgressBar, Arc<AtomicUsize>) {
    let total = sizes.len();
    let bytes = sizes.iter().sum();
    let done = Arc::new(AtomicUsize::new(0));
    let counted = Arc::clone(&done);
    let style = ProgressStyle::with_template(
        "  reading {documents} documents [{bar:20}] {decimal_bytes_per_sec}, {eta} left",
    )
    .unwrap_or_else(|_| ProgressStyle::default_bar())
    .with_key(
        "documents",
        move |_: &ProgressState, w: &mut dyn fmt::Write| {
            let _ = write!(w, "{}/{total}", counted.load(Ordering::Relaxed));
        },
    )
    .progress_chars("=> ");
    let bar = ProgressBar::with_draw_target(Some(bytes), ProgressDrawTarget::stderr());
    bar.set_style(style);
    (bar, done)
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 {
        one
    } else {
        many
    }
}

/// Colour only on a terminal, and never when `NO_COLOR` is set.
fn color_wanted() -> bool {
    io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

pub fn claims(
    paths: &[String],
    rule_args: &RuleArgs,
    format: ClaimsFormat,
    documents: bool,
    cache: Option<String>,
    no_cache: bool,
    read: &ReadArgs,
) -> Code {
    let loaded = match load_rules(rule_args) {
        Ok(r) => r,
        Err(code) => return Ok(code),
    };
    let Some(walk) = walk_of(read, &loaded) else {
        return Ok(EXIT_ERROR);
    };
    let cache = cache_dir(cache, no_cache, &loaded);
    let rules = loaded.rules;
    let Some((corpus, cache)) = load_corpus_and_cache(paths, &walk, &rules, cache.as_deref())
    else {
        return Ok(EXIT_ERROR);
    };
    if matches!(format, ClaimsFormat::Parquet) && io::stdout().is_terminal() {
        writeln!(
            io::stderr(),
            "claimcheck: error: Parquet is binary: redirect standard output to a file"
        )?;
        return Ok(EXIT_ERROR);
    }
    let extracted = extract_with_progress(&corpus, &rules, cache, read.quiet);
    match format {
        ClaimsFormat::Jsonl => {
            let mut out = BufWriter::new(io::stdout().lock());
            render::json::claims(&mut out, &corpus, &rules, &extracted, documents)?;
            out.flush()?;
        }
        ClaimsFormat::Parquet => {
            let metas: Vec<store::DocMeta> = corpus
                .documents
                .iter()
                .map(|d| {
                    let meta = store::DocMeta::of(d, &rules);
                    // Document lines carry the copy-family signature.
                    if documents {
                        meta.signed(d)
                    } else {
                        meta
                    }
                })
                .collect();
            let lines = store::lines(&metas, &extracted, documents);
            let out = BufWriter::new(io::stdout());
            store::parquet::write(out, &lines)
                .and_then(|mut out| Ok(out.flush()?))
                .map_err(io::Error::other)?;
        }
    }
    if !read.quiet {
        let _ = writeln!(
            io::stderr(),
            "{} documents, {} claims ({} titles, events and numbers, {} dates), {} bare given names",
            corpus.documents.len(),
            extracted.claims.len() + extracted.dates.len(),
            extracted.claims.len(),
            extracted.dates.len(),
            extracted.given_names.len()
        );
    }
    Ok(
        if corpus
            .problems
            .iter()
            .any(|p| p.level == corpus::ProblemLevel::Error)
        {
            EXIT_ERROR
        } else {
            0
        },
    )
}

/// `claimcheck partition`: keyed lines on stdout, the head to `head`.
pub fn partition(paths: &[String], rule_args: &RuleArgs, head: &str, quiet: bool) -> Code {
    use claimcheck::distributed;
    let loaded = match load_rules(rule_args) {
        Ok(r) => r,
        Err(code) => return Ok(code),
    };
    let rules = loaded.rules;
    let claims = store::read(paths, &rules, &mut io::stdin().lock());
    for file in &claims.without_document_lines {
        let _ = writeln!(
            io::stderr(),
            "claimcheck: warning: {file} has no document lines (written without \
             `claims --documents`): copy families and the document count will differ \
             from one check of the documents"
        );
    }
    if claims.documents.is_empty() {
        render::input_problems(&claims.problems);
        writeln!(
            io::stderr(),
            "claimcheck: error: no claims to partition in {}",
            paths.join(", ")
        )?;
        return Ok(EXIT_ERROR);
    }
    let parts = distributed::partition(claims, &rules);
    render::input_problems(&parts.head.problems);
    let mut file = BufWriter::new(
        std::fs::File::create(head)
            .map_err(|e| io::Error::new(e.kind(), format!("{head}: cannot write: {e}")))?,
    );
    render::json::report(&mut file, &parts.head)?;
    file.flush()?;
    let mut out = BufWriter::new(io::stdout().lock());
    for line in &parts.lines {
        line.write(&mut out)?;
    }
    out.flush()?;
    if !quiet {
        // Partitions and the largest one (in lines), for sizing a cluster.
        let mut sizes: Vec<(&str, usize)> = Vec::new();
        for l in &parts.lines {
            match sizes.last_mut() {
                Some((k, n)) if *k == l.key => *n += 1,
                _ => sizes.push((&l.key, 1)),
            }
        }
        let largest = sizes
            .iter()
            .max_by_key(|(k, n)| (*n, std::cmp::Reverse(*k)));
        let _ = writeln!(
            io::stderr(),
            "{} documents, {} claims: {} keyed lines in {} partitions; largest {} ({} lines)",
            parts.head.documents,
            parts.head.claims,
            parts.lines.len(),
            sizes.len(),
            largest.map_or("-", |l| l.0),
            largest.map_or(0, |l| l.1)
        );
    }
    Ok(
        match parts
            .head
            .problems
            .iter()
            .any(|p| p.level == corpus::ProblemLevel::Error)
        {
            true => EXIT_ERROR,
            false => 0,
        },
    )
}

/// Opens `path` for reading, `-` being standard input.
fn open_input(path: &str) -> io::Result<Box<dyn io::BufRead>> {
    Ok(match path {
        "-" => Box::new(io::BufReader::new(io::stdin())),
        _ => Box::new(io::BufReader::new(std::fs::File::open(path).map_err(
            |e| io::Error::new(e.kind(), format!("{path}: cannot read: {e}")),
        )?)),
    })
}

/// `claimcheck partition-check`: partial findings, one JSON line each.
pub fn partition_check(paths: &[String], rule_args: &RuleArgs) -> Code {
    use claimcheck::distributed;
    let loaded = match load_rules(rule_args) {
        Ok(r) => r,
        Err(code) => return Ok(code),
    };
    let mut lines = Vec::new();
    for path in paths {
        let read = open_input(path)
            .map_err(|e| e.to_string())
            .and_then(|input| distributed::read_keyed(input, path));
        match read {
            Ok(more) => lines.extend(more),
            Err(message) => {
                writeln!(io::stderr(), "claimcheck: error: {message}")?;
                return Ok(EXIT_ERROR);
            }
        }
    }
    let checked = distributed::check_partitions(lines, &loaded.rules);
    render::input_problems(&checked.problems);
    let mut out = BufWriter::new(io::stdout().lock());
    for p in &checked.partials {
        serde_json::to_writer(&mut out, p)?;
        writeln!(out)?;
    }
    // The next stage's keyed lines (`forms` → `slips`), after the
    // findings: a line that starts with `{` is a finding.
    for l in &checked.next {
        l.write(&mut out)?;
    }
    out.flush()?;
    let failed = checked
        .problems
        .iter()
        .any(|p| p.level == corpus::ProblemLevel::Error);
    Ok(if failed { EXIT_ERROR } else { 0 })
}

/// `claimcheck merge`: the report of the whole run from its head and the
/// partitions' findings.
pub fn merge(
    paths: &[String],
    head: &str,
    format: MergeFormat,
    fail_on: Option<FailOnArg>,
) -> Code {
    use claimcheck::distributed::{self, Partial};
    let report: claimcheck::report::Report = match std::fs::read_to_string(head)
        .map_err(|e| format!("{head}: cannot read: {e}"))
        .and_then(|t| {
            serde_json::from_str(&t).map_err(|e| {
                format!("{head}: not a head written by `claimcheck partition --head` ({e})")
            })
        }) {
        Ok(r) => r,
        Err(message) => {
            writeln!(io::stderr(), "claimcheck: error: {message}")?;
            return Ok(EXIT_ERROR);
        }
    };
    let mut inputs = Vec::new();
    for path in paths {
        let mut partials = Vec::new();
        let input = match open_input(path) {
            Ok(i) => i,
            Err(e) => {
                writeln!(io::stderr(), "claimcheck: error: {e}")?;
                return Ok(EXIT_ERROR);
            }
        };
        for (n, line) in io::BufRead::lines(input).enumerate() {
            let line = line?;
            if line.trim().is_empty() {
                continue;
            }
            match serde_json::from_str::<Partial>(&line) {
                Ok(p) => partials.push(p),
                Err(_) if distributed::KeyedLine::parse(&line).is_some() => {
                    writeln!(
                        io::stderr(),
                        "claimcheck: error: {path}:{}: a keyed line for another \
                         `claimcheck partition-check` (name-form's `slips` stage), \
                         not a finding",
                        n + 1
                    )?;
                    return Ok(EXIT_ERROR);
                }
                Err(e) => {
                    writeln!(
                        io::stderr(),
                        "claimcheck: error: {path}:{}: not a finding written by \
                         `claimcheck partition-check` ({e})",
                        n + 1
                    )?;
                    return Ok(EXIT_ERROR);
                }
            }
        }
        inputs.push(partials);
    }
    let (report, notes) = distributed::merge(report, inputs);
    if notes.duplicates > 0 {
        let _ = writeln!(
            io::stderr(),
            "claimcheck: {} finding(s) given twice (a partition checked again) counted once",
            notes.duplicates
        );
    }
    if notes.ties > 0 {
        let _ = writeln!(
            io::stderr(),
            "claimcheck: warning: {} finding(s) from different inputs tie on the report's \
             order; their order follows the inputs and may differ from one check's",
            notes.ties
        );
    }
    let mut out = BufWriter::new(io::stdout().lock());
    match format {
        MergeFormat::Json => render::json::report(&mut out, &report)?,
        MergeFormat::Concise => render::concise::render(&mut out, &report)?,
    }
    out.flush()?;
    let fail_on = match fail_on {
        None | Some(FailOnArg::Error) => FailOn::Error,
        Some(FailOnArg::Warning) => FailOn::Warning,
        Some(FailOnArg::Info) => FailOn::Info,
        Some(FailOnArg::Never) => FailOn::Never,
    };
    Ok(report.exit_status(fail_on) as u8)
}

pub fn graph(
    paths: &[String],
    rule_args: &RuleArgs,
    format: GraphFormat,
    input: &InputArgs,
) -> Code {
    let loaded = match load_rules(rule_args) {
        Ok(r) => r,
        Err(code) => return Ok(code),
    };
    let Some(walk) = walk_of(&input.read, &loaded) else {
        return Ok(EXIT_ERROR);
    };
    let cache = cache_dir(input.cache.clone(), input.no_cache, &loaded);
    let rules = loaded.rules;
    let mut stages = Stages::new(false);
    let Some((corpus, claims, _)) = gather(paths, input, &walk, cache, &rules, true, &mut stages)
    else {
        return Ok(EXIT_ERROR);
    };
    let analysis = analyze_claims(&corpus, &rules, claims);
    let mut out = BufWriter::new(io::stdout().lock());
    match format {
        GraphFormat::Dot => {
            let label = |c: usize| {
                let claim = &analysis.claims[c];
                let doc = &corpus.documents[claim.doc];
                let (line, col) = (claim.at.line, claim.at.column);
                format!(
                    "{}\n\"{}\"\n{}:{line}:{col}",
                    claim.subject,
                    claim.value,
                    doc.display_name()
                )
            };
            out.write_all(analysis.graph.to_dot(&label).as_bytes())?;
        }
        GraphFormat::Json => render::json::graph(&mut out, &corpus, &rules, &analysis)?,
    }
    out.flush()?;
    Ok(0)
}

pub fn time(reference: Option<&str>, jsonl: bool, phrase: Option<&str>) -> Code {
    let stdin = io::stdin();
    let mut out = BufWriter::new(io::stdout().lock());
    let code = super::time::run(reference, jsonl, phrase, &mut stdin.lock(), &mut out);
    out.flush()?;
    Ok(code)
}

/// Loads `paths` with the shipped rules, or prints every problem.
fn load_for_rules_command(paths: &[String]) -> Result<(Vec<(String, String)>, RuleSet), u8> {
    let (files, problems) = rule_files(paths, true);
    if !problems.is_empty() {
        render::rules_error(&claimcheck::rules::RulesError {
            problems,
            sources: Default::default(),
        });
        return Err(EXIT_ERROR);
    }
    match RuleSet::load(&files) {
        Ok(set) => Ok((files, set)),
        Err(e) => {
            render::rules_error(&e);
            Err(EXIT_ERROR)
        }
    }
}

pub fn rules_validate(paths: &[String]) -> Code {
    let (files, set) = match load_for_rules_command(paths) {
        Ok(loaded) => loaded,
        Err(code) => return Ok(code),
    };
    let mut out = io::stdout().lock();
    writeln!(
        out,
        "ok: {} rule files, {} checks, {} patterns, {} offices",
        files.len(),
        set.checks.len(),
        set.patterns.len(),
        set.offices.len()
    )?;
    Ok(0)
}

/// Runs every embedded test of the checks defined in `paths` (or in the
/// shipped rules); each test's documents are checked with all loaded rules.
pub fn rules_test(paths: &[String]) -> Code {
    let (files, set) = match load_for_rules_command(paths) {
        Ok(loaded) => loaded,
        Err(code) => return Ok(code),
    };
    let tested_files: BTreeSet<&str> = if paths.is_empty() {
        set.files.iter().map(String::as_str).collect()
    } else {
        files
            .iter()
            .map(|(n, _)| n.as_str())
            .filter(|n| !n.starts_with("<shipped>"))
            .collect()
    };
    let mut out = io::stdout().lock();
    let (mut passed, mut failed) = (0, 0);
    for check in set
        .checks
        .iter()
        .filter(|c| tested_files.contains(c.file.as_str()))
    {
        for test in &check.tests {
            let mut corpus = Corpus::default();
            for (name, text) in &test.docs {
                corpus.push(Document::from_text(name, text));
            }
            let report = analyze(&corpus, &set).report;
            let got: BTreeSet<(String, String)> = report
                .findings
                .iter()
                .map(|f| (f.check.clone(), f.subject.clone()))
                .collect();
            let want: BTreeSet<(String, String)> = test.expect.iter().cloned().collect();
            if got == want {
                passed += 1;
                writeln!(out, "PASS {} / {}", check.id, test.name)?;
            } else {
                failed += 1;
                writeln!(out, "FAIL {} / {} ({})", check.id, test.name, check.file)?;
                for (c, s) in want.difference(&got) {
                    writeln!(out, "    missed:     {c} on {s}")?;
                }
                for (c, s) in got.difference(&want) {
                    writeln!(out, "    unexpected: {c} on {s}")?;
                }
            }
        }
    }
    for (index, pattern) in set.patterns.iter().enumerate() {
        if !tested_files.contains(pattern.file.as_str()) {
            continue;
        }
        for example in &pattern.examples {
            let found = claimcheck::extract::example::pattern_claims(&set, index, &example.text);
            let ok = if example.expect.is_empty() {
                found.is_empty()
            } else {
                found
                    .iter()
                    .any(|got| claimcheck::extract::example::satisfies(got, &example.expect))
            };
            let what = one_line_preview(&example.text);
            if ok {
                passed += 1;
                writeln!(out, "PASS pattern {} / {what}", pattern.id)?;
            } else {
                failed += 1;
                let (line, _) = example.pos;
                writeln!(
                    out,
                    "FAIL pattern {} / {what} ({}:{line})",
                    pattern.id, pattern.file
                )?;
                let want: Vec<String> = example
                    .expect
                    .iter()
                    .map(|(s, v)| format!("{s}: {}", v.join(" | ")))
                    .collect();
                writeln!(
                    out,
                    "    expected:   {}",
                    if want.is_empty() {
                        "no claim".into()
                    } else {
                        want.join(", ")
                    }
                )?;
                if found.is_empty() {
                    writeln!(out, "    extracted:  no claim")?;
                }
                for got in &found {
                    let got: Vec<String> = got
                        .iter()
                        .map(|(s, v)| format!("{s}: {}", v.join(" | ")))
                        .collect();
                    writeln!(out, "    extracted:  {}", got.join(", "))?;
                }
            }
        }
    }
    writeln!(out, "{passed} passed, {failed} failed")?;
    Ok(u8::from(failed > 0))
}

/// `explain PATTERN-ID`: the pattern, its relation and fixed values, and
/// what each of its examples extracts.
fn explain_pattern(rules: &RuleSet, index: usize) -> Code {
    use claimcheck::rules::PatternRelation;
    let p = &rules.patterns[index];
    let mut out = io::stdout().lock();
    let relation = match &p.relation {
        PatternRelation::Title => "title".to_string(),
        PatternRelation::Declared(r) => {
            let r = &rules.relations[*r];
            let slots: Vec<String> = r
                .slots
                .iter()
                .map(|s| format!("{} ({})", s.name, s.ty.as_str()))
                .collect();
            format!("{} [{}]", r.id, slots.join(", "))
        }
    };
    writeln!(out, "pattern {} (relation {relation})", p.id)?;
    writeln!(
        out,
        "defined in {}:{}
",
        p.file, p.pos.0
    )?;
    writeln!(out, "match: {}", p.source)?;
    for f in &p.set {
        writeln!(out, "set:   {} = {}", f.slot, f.value)?;
    }
    if !p.examples.is_empty() {
        writeln!(out, "\nExamples:")?;
    }
    for example in &p.examples {
        writeln!(out, "  {}", claimcheck::source::one_line(&example.text))?;
        let found = claimcheck::extract::example::pattern_claims(rules, index, &example.text);
        if found.is_empty() {
            writeln!(out, "    → no claim")?;
        }
        for got in found {
            let got: Vec<String> = got
                .iter()
                .map(|(s, v)| format!("{s}: {}", v.join(" | ")))
                .collect();
            writeln!(out, "    → {}", got.join(", "))?;
        }
    }
    Ok(0)
}

/// The start of an example's text, on one line, for test output.
fn one_line_preview(text: &str) -> String {
    let line = claimcheck::source::one_line(text);
    match line.char_indices().nth(60) {
        Some((i, _)) => format!("{}…", &line[..i]),
        None => line,
    }
}

pub fn explain(id: &str, rule_args: &RuleArgs) -> Code {
    let rules = match load_rules(rule_args) {
        Ok(r) => r.rules,
        Err(code) => return Ok(code),
    };
    if let Some(index) = rules.patterns.iter().position(|p| p.id == id) {
        return explain_pattern(&rules, index);
    }
    let Some(check) = rules.check(id) else {
        let known: Vec<&str> = rules.checks.iter().map(|c| c.id.as_str()).collect();
        let patterns: Vec<&str> = rules.patterns.iter().map(|p| p.id.as_str()).collect();
        writeln!(
            io::stderr(),
            "claimcheck: error: no check or pattern `{id}`; known checks: {}; patterns: {}",
            known.join(", "),
            patterns.join(", ")
        )?;
        return Ok(EXIT_ERROR);
    };
    let mut out = io::stdout().lock();
    writeln!(
        out,
        "{} (kind {}{}, severity {}, relation {})",
        check.id,
        check.kind.name(),
        compared(check),
        check.severity.as_str(),
        check.relation
    )?;
    writeln!(out, "defined in {}\n", check.file)?;
    writeln!(out, "{}", check.description.trim_end())?;
    if !check.tests.is_empty() {
        writeln!(out, "\nExamples:")?;
    }
    for t in &check.tests {
        let verdict = if t.expect.is_empty() {
            "no finding"
        } else {
            "finding"
        };
        writeln!(out, "\n  {} → {verdict}", t.name)?;
        for (name, text) in &t.docs {
            writeln!(out, "    {name}: {}", hanging_indent(text, name.len() + 6))?;
        }
    }
    Ok(0)
}

/// What an `agree` check compares, as its rule file says it
/// (`, compare title`); nothing for the other kinds.
fn compared(check: &Check) -> String {
    match check.kind {
        CheckKind::Agree { compare } => {
            let what = match compare {
                Compare::Title => "title",
                Compare::Exact => "exact",
                Compare::Slot => check.slot.as_deref().unwrap_or("value"),
            };
            format!(", compare {what}")
        }
        _ => String::new(),
    }
}

/// A multi-line example document under its `name: ` label: the lines after
/// the first start at the first one's column, so the example reads as one
/// block.
fn hanging_indent(text: &str, width: usize) -> String {
    let pad = format!("\n{}", " ".repeat(width));
    text.trim_end().replace('\n', &pad)
}

pub fn rules_schema() -> Code {
    let mut out = io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, &claimcheck::rules::schema::json_schema())?;
    writeln!(out)?;
    Ok(0)
}

/// `--timings`: wall time per stage, throughput and peak memory.
struct Stages {
    on: bool,
    last: Instant,
    laps: Vec<(&'static str, f64)>,
}

impl Stages {
    fn new(on: bool) -> Stages {
        Stages {
            on,
            last: Instant::now(),
            laps: Vec::new(),
        }
    }

    fn lap(&mut self, name: &'static str) {
        if self.on {
            let now = Instant::now();
            self.laps.push((name, (now - self.last).as_secs_f64()));
            self.last = now;
        }
    }

    fn print(&self, documents: usize, bytes: usize) {
        if !self.on {
            return;
        }
        let mut err = io::stderr().lock();
        let total: f64 = self.laps.iter().map(|(_, t)| t).sum();
        for (name, t) in &self.laps {
            let _ = writeln!(err, "timing: {name:<20} {:>8.3} s", t);
        }
        let extract = self
            .laps
            .iter()
            .find(|(n, _)| *n == "extract")
            .map_or(0.0, |(_, t)| *t);
        // With `--claims` nothing is extracted in this run.
        let extraction = match self.laps.iter().any(|(n, _)| *n == "extract") {
            true => format!(
                ", {:.1} MB/s extraction",
                bytes as f64 / 1e6 / extract.max(1e-9)
            ),
            false => String::new(),
        };
        let _ = writeln!(
            err,
            "timing: total {total:.3} s; {} documents, {:.1} MB: {:.0} documents/s, {:.1} MB/s overall{extraction}; peak memory {}",
            documents,
            bytes as f64 / 1e6,
            documents as f64 / total.max(1e-9),
            bytes as f64 / 1e6 / total.max(1e-9),
            peak_memory().unwrap_or_else(|| "unknown".into())
        );
    }
}

/// Peak resident memory from /proc (Linux), e.g. "45.3 MB".
fn peak_memory() -> Option<String> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(format!("{:.1} MB", kb / 1024.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_bar_only_on_a_terminal_outside_ci() {
        let many = PROGRESS_MIN_DOCUMENTS;
        assert!(progress_wanted(many, false, true, None));
        assert!(!progress_wanted(many, false, false, None), "a pipe");
        assert!(!progress_wanted(many, true, true, None), "--quiet");
        assert!(!progress_wanted(many - 1, false, true, None), "quick");
        let ci = |v: &str| progress_wanted(many, false, true, Some(OsStr::new(v)));
        assert!(!ci("true") && !ci("1"), "CI");
        assert!(ci("") && ci("false") && ci("0"), "CI turned off");
    }
}
