//! Command-line arguments (clap derive; doc comments are the help text).

use clap::{Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "claimcheck",
    version,
    about = "Finds where news articles disagree about who holds which title."
)]
pub struct Args {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, clap::Args)]
pub struct RuleArgs {
    /// Rule file or directory of `.yaml` files to add to the shipped rules (repeatable).
    #[arg(long = "rules", value_name = "PATH")]
    pub rules: Vec<String>,
    /// Use only the `--rules` files, not the shipped ones.
    #[arg(long)]
    pub no_default_rules: bool,
    /// Project configuration file (default: `claimcheck.yaml` found upward
    /// from the working directory).
    #[arg(long, value_name = "FILE")]
    pub config: Option<String>,
    /// Ignore any `claimcheck.yaml`.
    #[arg(long)]
    pub no_config: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check documents and report where they disagree.
    Check {
        /// Files, directories, `.jsonl`/`.jsonl.gz` archives, or `-` for stdin.
        #[arg(required = true)]
        paths: Vec<String>,
        #[command(flatten)]
        rules: RuleArgs,
        #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
        format: CheckFormat,
        /// Lowest severity that makes the exit status 1 [default: error, or
        /// the config's `fail-on`].
        #[arg(long, value_enum)]
        fail_on: Option<FailOnArg>,
        #[command(flatten)]
        accept: AcceptArgs,
        /// Print a per-stage time and memory breakdown on stderr.
        #[arg(long)]
        timings: bool,
        #[command(flatten)]
        input: InputArgs,
    },
    /// Print the claims found in documents.
    Claims {
        #[arg(required = true)]
        paths: Vec<String>,
        #[command(flatten)]
        rules: RuleArgs,
        #[arg(long, value_enum, default_value_t = ClaimsFormat::Jsonl)]
        format: ClaimsFormat,
        /// Also write one `"kind": "document"` line per document (path,
        /// publication date, size, rule fingerprint, given-name mentions):
        /// what `check --claims` needs to give the findings a check of the
        /// documents gives.
        #[arg(long)]
        documents: bool,
        /// Keep per-document claims in DIR, keyed by content: documents
        /// unchanged since an earlier run are not parsed again [default:
        /// the config's `cache`].
        #[arg(long, value_name = "DIR")]
        cache: Option<String>,
        /// Use no claims cache, even when the config names one.
        #[arg(long, conflicts_with = "cache")]
        no_cache: bool,
        #[command(flatten)]
        read: ReadArgs,
    },
    /// Partition claims files for a distributed check: one keyed line
    /// (`KEY<TAB>SEQ<TAB>claims line`) per line a partition needs, on
    /// standard output, grouped by key; the report of the whole run without
    /// findings goes to `--head` (see "A distributed check" in the README).
    Partition {
        /// Claims files written by `claimcheck claims --documents` (JSON
        /// Lines, plain or gzip, or Parquet; `-` for stdin).
        #[arg(required = true)]
        paths: Vec<String>,
        #[command(flatten)]
        rules: RuleArgs,
        /// Where to write the head: the JSON report of the whole run
        /// without findings (documents, claims, input problems, copy
        /// families), which `claimcheck merge` completes.
        #[arg(long, value_name = "FILE")]
        head: String,
        /// No closing summary line on stderr.
        #[arg(long, short = 'q')]
        quiet: bool,
    },
    /// Check keyed lines written by `claimcheck partition` (any partitions,
    /// in any order, e.g. one engine task's share): one JSON line per
    /// finding, for `claimcheck merge`. Lines of `forms` partitions
    /// (`name-form`'s first stage) give keyed `slips/all` lines instead,
    /// after the findings: check those with a second `partition-check`.
    PartitionCheck {
        /// Files of keyed lines; `-` (the default) reads standard input.
        #[arg(default_value = "-")]
        paths: Vec<String>,
        #[command(flatten)]
        rules: RuleArgs,
    },
    /// Merge the findings of `claimcheck partition-check` runs into the
    /// report one `check` of all the documents gives.
    Merge {
        /// Files written by `claimcheck partition-check` (`-`: stdin).
        #[arg(required = true)]
        paths: Vec<String>,
        /// The head `claimcheck partition --head` wrote.
        #[arg(long, value_name = "FILE")]
        head: String,
        #[arg(long, value_enum, default_value_t = MergeFormat::Json)]
        format: MergeFormat,
        /// Lowest severity that makes the exit status 1 [default: error].
        #[arg(long, value_enum)]
        fail_on: Option<FailOnArg>,
    },
    /// Print the conflict graph.
    Graph {
        #[arg(required = true)]
        paths: Vec<String>,
        #[command(flatten)]
        rules: RuleArgs,
        #[arg(long, value_enum, default_value_t = GraphFormat::Dot)]
        format: GraphFormat,
        #[command(flatten)]
        input: InputArgs,
    },
    /// Resolve a time phrase (or JSON lines of {"text", "ref"} on stdin).
    Time {
        /// Reference date-time (RFC 3339); default now.
        #[arg(long = "ref", value_name = "DATETIME")]
        reference: Option<String>,
        /// Read rows `{"text": …, "ref": …}` from stdin, one result per line.
        #[arg(long)]
        jsonl: bool,
        phrase: Option<String>,
    },
    /// Validate or test rule files.
    Rules {
        #[command(subcommand)]
        command: RulesCommand,
    },
    /// Explain a check (what it finds, why, examples, its rule file) or a
    /// pattern (its relation, fixed values and what its examples extract).
    Explain {
        check: String,
        #[command(flatten)]
        rules: RuleArgs,
    },
    /// Start a project: write `claimcheck.yaml` and `rules/local.yaml` (an
    /// example office, pattern and check with its test); never overwrites.
    Init {
        /// Directory to write into.
        #[arg(default_value = ".")]
        dir: String,
    },
    /// Print a shell completion script (e.g. `claimcheck completions bash >
    /// ~/.local/share/bash-completion/completions/claimcheck`).
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page in roff (`claimcheck man | man -l -`); with a
    /// subcommand, that subcommand's page (`claimcheck man check`).
    Man { subcommand: Option<String> },
}

/// Where claims come from.
#[derive(Debug, clap::Args)]
pub struct InputArgs {
    /// PATHS are claims files written by `claimcheck claims --documents`
    /// (JSON Lines, plain or gzip): check them without parsing documents.
    #[arg(long)]
    pub claims: bool,
    /// Keep per-document claims in DIR, keyed by content: documents
    /// unchanged since an earlier run are not parsed again [default: the
    /// config's `cache`].
    #[arg(long, value_name = "DIR", conflicts_with = "claims")]
    pub cache: Option<String>,
    /// Use no claims cache, even when the config names one.
    #[arg(long, conflicts_with = "cache")]
    pub no_cache: bool,
    #[command(flatten)]
    pub read: ReadArgs,
}

/// How documents are read.
#[derive(Debug, clap::Args)]
pub struct ReadArgs {
    /// No progress bar and no closing summary line on stderr (problems,
    /// warnings and errors are still printed). The progress bar is only
    /// ever drawn on a terminal, never when stderr is a pipe or `CI` is
    /// set.
    #[arg(long, short = 'q')]
    pub quiet: bool,
    #[command(flatten)]
    pub walk: WalkArgs,
}

/// Which files directory walks read. Files named on the command line
/// are always read.
#[derive(Debug, clap::Args)]
#[command(next_help_heading = "Walking directories")]
pub struct WalkArgs {
    /// Also read what `.gitignore`, `.ignore`, `.git/info/exclude` and the
    /// global git excludes name. Without it they are respected, including
    /// those of parent directories (up to a git repository's root), and
    /// `.gitignore` files count outside a git repository too.
    #[arg(long)]
    pub no_ignore: bool,
    /// Also read hidden files and enter hidden directories (names starting
    /// with `.`).
    #[arg(long)]
    pub hidden: bool,
    /// Read only files GLOB matches; `!GLOB` skips files and directories
    /// it matches (repeatable; the last matching glob wins, as in
    /// ripgrep). Globs are `.gitignore` lines relative to the working
    /// directory: `*.md` matches at any depth, `news/*.md` only there.
    /// Globs only narrow a walk: unlike ripgrep's, they never bring back
    /// an ignored or hidden file, nor a file without a corpus extension.
    #[arg(long = "glob", short = 'g', value_name = "GLOB")]
    pub globs: Vec<String>,
    /// Skip files and directories GLOB matches (repeatable; wins over
    /// `--glob`; adds to the config's `exclude`).
    #[arg(long = "exclude", value_name = "GLOB")]
    pub excludes: Vec<String>,
}

/// Accepted disagreements.
#[derive(Debug, clap::Args)]
pub struct AcceptArgs {
    /// Report only findings whose fingerprint is not in this baseline file.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<String>,
    /// Write the fingerprints of this run's findings to FILE (and exit 0).
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<String>,
    /// YAML file of accepted disagreements, each with a reason.
    #[arg(long, value_name = "FILE")]
    pub suppressions: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum RulesCommand {
    /// Load rule files and report every problem (shipped rules when no path).
    Validate { paths: Vec<String> },
    /// Run the tests embedded in rule files.
    Test { paths: Vec<String> },
    /// Print the JSON Schema of rule files (for editors' YAML completion).
    Schema,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum CheckFormat {
    /// miette diagnostics with every source underlined.
    Human,
    /// One line per finding: `path:line:col: severity[check] message`.
    Concise,
    /// The versioned JSON report (see DESIGN.md).
    Json,
    /// SARIF 2.1.0 for code scanning.
    Sarif,
    /// GitHub Actions workflow annotations.
    Github,
    /// One self-contained HTML page with excerpts and graph pictures.
    Html,
    /// GitLab Code Quality report (JSON) for merge-request widgets.
    Gitlab,
}

/// Report formats that need no document text (`claimcheck merge`).
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum MergeFormat {
    /// The versioned JSON report, as `check --format json`.
    Json,
    /// One line per finding, as `check --format concise`.
    Concise,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ClaimsFormat {
    /// One JSON object per line (the default).
    Jsonl,
    /// Apache Parquet, one row per line of the JSONL format, slots as typed
    /// columns (schema in the README, "Claims in Parquet"); written to
    /// standard output, which must not be a terminal.
    Parquet,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum GraphFormat {
    Dot,
    Json,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum FailOnArg {
    Error,
    Warning,
    Info,
    Never,
}
