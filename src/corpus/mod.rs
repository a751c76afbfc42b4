//! Corpus: paths → [`Document`]s.
//!
//! Reads plain text (`.txt`, `.md` and anything else given by name),
//! directories (recursively: `.txt`, `.md`, `.markdown`, `.jsonl`,
//! `.jsonl.gz`, walked as [`walk`] says), JSON Lines archives (`.jsonl`, `.jsonl.gz`, one document a
//! line) and `-` for standard input. Nothing here is fatal: every input
//! that cannot be used becomes an [`InputProblem`] naming the file (and line),
//! and the rest of the corpus is still loaded.
//!
//! Policy for awkward bytes (kept the same for every input kind):
//! - a file with a NUL byte in its first 8 KiB is binary: skipped, error;
//! - text that is not valid UTF-8 is decoded lossily (U+FFFD), warning;
//! - an empty file yields no document, warning.

mod jsonl;
mod markdown;
pub mod names;
pub mod pubdate;
pub mod walk;

use std::fs;
use std::io::Read;
use std::path::Path;

use jiff::civil::Date;

use crate::source::LineIndex;

/// Index of a document in [`Corpus::documents`].
pub type DocId = usize;

/// One article: its text, where it came from and when it was published.
#[derive(Debug, Clone)]
pub struct Document {
    /// Path as given on the command line (or found under a directory).
    pub path: String,
    /// For JSON Lines input: the record's `id` (else its 1-based line number).
    pub record: Option<String>,
    pub title: Option<String>,
    /// The text claims are read from; spans are byte offsets into it.
    pub text: String,
    /// Where prose starts (after Markdown front matter).
    pub body_start: usize,
    pub published: Option<Date>,
    /// Where the article was filed, as written ("DHAKA, March 9 -"), when
    /// the input gives it apart from the text (a JSON Lines `dateline`).
    pub dateline: Option<String>,
    pub lines: LineIndex,
    /// The copy-family signature read from a claims file (documents read
    /// from text have theirs computed from the text when checked).
    pub signature: Option<crate::family::Signature>,
    /// The first document of its copy family over a whole run, as
    /// `claimcheck partition` writes it on document lines: a partition's
    /// documents are grouped by it instead of by signatures.
    pub family: Option<String>,
}

impl Document {
    pub fn new(path: String, record: Option<String>, text: String) -> Self {
        let lines = LineIndex::new(&text);
        Document {
            path,
            record,
            title: None,
            text,
            body_start: 0,
            published: None,
            dateline: None,
            lines,
            signature: None,
            family: None,
        }
    }

    /// A plain-text or Markdown document as if read from a file named
    /// `path`: front matter skipped, publication date found.
    pub fn from_text(path: &str, text: &str) -> Self {
        let mut doc = Document::new(path.to_string(), None, text.to_string());
        let front = markdown::front_matter(&doc.text);
        doc.body_start = front.body_start;
        doc.title = front.title;
        doc.published = front
            .date
            .or_else(|| pubdate::from_text(&doc.text[doc.body_start..]));
        doc
    }

    /// `path` or `path#record`, the name reports show.
    pub fn display_name(&self) -> String {
        match &self.record {
            Some(r) => format!("{}#{}", self.path, r),
            None => self.path.clone(),
        }
    }

    /// Line, column and one-line text of spans, as reports show them.
    pub fn locate(&self, spans: &[crate::source::Span]) -> Vec<crate::source::Located> {
        crate::source::Located::all(&self.text, &self.lines, spans)
    }
}

/// How bad an input problem is: errors mean input was lost.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum ProblemLevel {
    Warning,
    Error,
}

/// Something wrong with one input; the run goes on without it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub struct InputProblem {
    pub path: String,
    pub line: Option<usize>,
    pub level: ProblemLevel,
    pub message: String,
}

impl InputProblem {
    fn error(path: &str, message: impl Into<String>) -> Self {
        InputProblem {
            path: path.to_string(),
            line: None,
            level: ProblemLevel::Error,
            message: message.into(),
        }
    }

    fn warning(path: &str, message: impl Into<String>) -> Self {
        InputProblem {
            level: ProblemLevel::Warning,
            ..InputProblem::error(path, message)
        }
    }
}

/// Everything read from the inputs.
#[derive(Debug, Default)]
pub struct Corpus {
    pub documents: Vec<Document>,
    pub problems: Vec<InputProblem>,
    /// Where documents go as they are read when the corpus streams
    /// ([`Corpus::streaming`]) instead of holding them.
    pub(crate) sink: Option<std::sync::mpsc::SyncSender<Document>>,
    /// Documents handed to `sink`.
    pub(crate) sent: usize,
}

impl Corpus {
    /// A corpus whose documents are sent to `sink` as they are read (in
    /// reading order, which need not be report order: see [`load_into`]);
    /// only the problems stay. The reader blocks while `sink` is full, so
    /// a slow consumer bounds the text held (issue 19: memory).
    pub fn streaming(sink: std::sync::mpsc::SyncSender<Document>) -> Corpus {
        Corpus {
            sink: Some(sink),
            ..Corpus::default()
        }
    }

    /// Adds a document and returns its id (in reading order).
    pub fn push(&mut self, doc: Document) -> DocId {
        if let Some(sink) = &self.sink {
            // A consumer that hung up wants no more documents: the rest
            // are read and dropped.
            let _ = sink.send(doc);
            self.sent += 1;
            return self.sent - 1;
        }
        self.documents.push(doc);
        self.documents.len() - 1
    }

    /// Stops streaming: the sink is dropped, which tells its consumer
    /// that every document was read.
    pub fn end_stream(&mut self) {
        self.sink = None;
    }
}

/// Whether documents are in report order: by path, records of one file in
/// file order (what [`load_with`] sorts them into).
pub fn in_report_order(documents: &[Document]) -> bool {
    documents.windows(2).all(|w| w[0].path <= w[1].path)
}

/// The report order of documents read in another order: the `i`th entry
/// is the reading index of the `i`th document in report order.
pub fn report_order(documents: &[Document]) -> Vec<DocId> {
    let mut order: Vec<DocId> = (0..documents.len()).collect();
    // Stable: records of one file keep their order, as in `load_with`.
    order.sort_by(|&a, &b| documents[a].path.cmp(&documents[b].path));
    order
}

pub use walk::Walk;

/// Loads every path, walking directories the default way (ignore files
/// respected, hidden files skipped); `-` reads standard input through
/// `stdin`.
pub fn load(paths: &[String], stdin: &mut dyn Read) -> Corpus {
    load_with(paths, &Walk::default(), stdin)
}

/// Loads every path, walking directories as `walk` says. A file named in
/// `paths` is always read, whatever its name, extension or ignore files
/// say; `-` reads standard input through `stdin`.
pub fn load_with(paths: &[String], walk: &Walk, stdin: &mut dyn Read) -> Corpus {
    let mut corpus = Corpus::default();
    load_into(&mut corpus, paths, walk, stdin);
    corpus
}

/// [`load_with`] into `corpus`, which may be [`Corpus::streaming`]: then
/// its documents went to the sink in reading order, and putting them in
/// report order ([`report_order`]) is the consumer's job.
pub fn load_into(corpus: &mut Corpus, paths: &[String], walk: &Walk, stdin: &mut dyn Read) {
    for path in paths {
        if path == "-" {
            load_stdin(corpus, stdin);
        } else {
            load_path(corpus, Path::new(path), walk);
        }
    }
    // Reports must not depend on the order paths were given in: documents
    // are ordered by path (records of one file keep their file order).
    corpus.documents.sort_by(|a, b| a.path.cmp(&b.path));
    corpus.problems.sort();
}

fn load_stdin(corpus: &mut Corpus, stdin: &mut dyn Read) {
    let mut bytes = Vec::new();
    if let Err(e) = stdin.read_to_end(&mut bytes) {
        corpus.problems.push(InputProblem::error(
            "-",
            format!("cannot read standard input: {e}"),
        ));
        return;
    }
    if looks_like_jsonl(&bytes) {
        jsonl::load_bytes(corpus, "-", &bytes);
    } else {
        add_text(corpus, "-", &bytes);
    }
}

/// Standard input is JSON Lines when its first non-blank byte opens an object.
fn looks_like_jsonl(bytes: &[u8]) -> bool {
    bytes
        .iter()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|&b| b == b'{')
}

fn load_path(corpus: &mut Corpus, path: &Path, walk: &Walk) {
    let name = path.to_string_lossy().into_owned();
    let meta = match fs::metadata(path) {
        Ok(m) => m,
        Err(e) => {
            corpus
                .problems
                .push(InputProblem::error(&name, describe_io_error(&e)));
            return;
        }
    };
    if meta.is_dir() {
        walk::walk_dir(corpus, path, walk);
    } else if meta.is_file() {
        load_file(corpus, path, &name);
    } else {
        corpus.problems.push(InputProblem::error(
            &name,
            "not a regular file (FIFO, socket or device): skipped",
        ));
    }
}

/// Extensions picked up when walking a directory.
fn is_corpus_file(path: &Path) -> bool {
    let name = path.file_name().map(|n| n.to_string_lossy().to_lowercase());
    let Some(name) = name else { return false };
    [".txt", ".md", ".markdown", ".jsonl", ".jsonl.gz"]
        .iter()
        .any(|ext| name.ends_with(ext))
}

fn load_file(corpus: &mut Corpus, path: &Path, name: &str) {
    let lower = name.to_lowercase();
    if lower.ends_with(".jsonl.gz") || lower.ends_with(".json.gz") {
        jsonl::load_gz_file(corpus, path, name);
        return;
    }
    let bytes = match fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            corpus
                .problems
                .push(InputProblem::error(name, describe_io_error(&e)));
            return;
        }
    };
    if lower.ends_with(".jsonl") || lower.ends_with(".ndjson") {
        jsonl::load_bytes(corpus, name, &bytes);
    } else {
        add_text(corpus, name, &bytes);
    }
}

/// Adds a plain-text or Markdown document after the byte checks.
fn add_text(corpus: &mut Corpus, name: &str, bytes: &[u8]) {
    let Some(text) = decode_text(corpus, name, None, bytes) else {
        return;
    };
    let mut doc = Document::new(name.to_string(), None, text);
    // A UTF-8 byte order mark stays in the text (offsets match the file)
    // but is not prose, and must not hide front matter.
    let bom = if doc.text.starts_with('\u{FEFF}') {
        3
    } else {
        0
    };
    let front = markdown::front_matter(&doc.text[bom..]);
    doc.body_start = bom + front.body_start;
    doc.title = front.title;
    doc.published = front
        .date
        .or_else(|| pubdate::from_text(&doc.text[doc.body_start..]));
    corpus.push(doc);
}

/// Applies the byte policy; `None` when the input must be skipped.
pub(crate) fn decode_text(
    corpus: &mut Corpus,
    name: &str,
    line: Option<usize>,
    bytes: &[u8],
) -> Option<String> {
    if !passes_byte_checks(corpus, name, line, bytes) {
        return None;
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Some(s.to_string()),
        Err(e) => {
            let msg = format!(
                "not valid UTF-8 (first bad byte at offset {}): decoded with U+FFFD replacements",
                e.valid_up_to()
            );
            corpus
                .problems
                .push(text_problem(name, line, ProblemLevel::Warning, &msg));
            Some(String::from_utf8_lossy(bytes).into_owned())
        }
    }
}

/// [`decode_text`] of text already known to be UTF-8 (a JSON string):
/// the same checks, and an owned string is kept rather than copied.
pub(crate) fn accept_text(
    corpus: &mut Corpus,
    name: &str,
    line: Option<usize>,
    text: std::borrow::Cow<'_, str>,
) -> Option<String> {
    passes_byte_checks(corpus, name, line, text.as_bytes()).then(|| text.into_owned())
}

/// The byte policy short of decoding: blank text is a warning and binary
/// data an error, both skipping the input.
fn passes_byte_checks(corpus: &mut Corpus, name: &str, line: Option<usize>, bytes: &[u8]) -> bool {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        corpus.problems.push(text_problem(
            name,
            line,
            ProblemLevel::Warning,
            "empty: no text to check",
        ));
        return false;
    }
    if let Some(why) = not_text(bytes) {
        corpus
            .problems
            .push(text_problem(name, line, ProblemLevel::Error, why));
        return false;
    }
    true
}

fn text_problem(
    name: &str,
    line: Option<usize>,
    level: ProblemLevel,
    message: &str,
) -> InputProblem {
    InputProblem {
        path: name.to_string(),
        line,
        level,
        message: message.to_string(),
    }
}

/// Why `bytes` cannot be read as text at all (checked on the first 8 KiB).
pub(crate) fn not_text(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Some("UTF-16 text (byte order mark), not UTF-8: skipped; convert it to UTF-8");
    }
    bytes[..bytes.len().min(8192)]
        .contains(&0)
        .then_some("binary data (NUL bytes), not text: skipped")
}

fn describe_io_error(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied: cannot read".to_string(),
        _ => format!("cannot read: {e}"),
    }
}
