//! JSON Lines archives: one document per line, optionally gzip-compressed.
//!
//! Fields: `id` (string or number; else the 1-based line number), `date` or
//! `published`, `title`, `dateline` (where the article was filed), `body` or
//! `text`. A malformed line is reported with
//! its line number and skipped; a truncated gzip stream keeps what was read.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use flate2::read::MultiGzDecoder;
use serde_json::Value;

use super::{decode_text, pubdate, Corpus, Document, InputProblem, ProblemLevel};

pub(crate) fn load_gz_file(corpus: &mut Corpus, path: &Path, name: &str) {
    match File::open(path) {
        Ok(file) => load_reader(corpus, name, MultiGzDecoder::new(BufReader::new(file))),
        Err(e) => corpus
            .problems
            .push(InputProblem::error(name, format!("cannot read: {e}"))),
    }
}

pub(crate) fn load_bytes(corpus: &mut Corpus, name: &str, bytes: &[u8]) {
    load_reader(corpus, name, bytes);
}

/// Longest line read (a gzip bomb must not fill memory with one line).
const MAX_LINE_BYTES: u64 = 256 << 20;

fn load_reader(corpus: &mut Corpus, name: &str, reader: impl Read) {
    let mut reader = BufReader::with_capacity(1 << 16, reader);
    match reader.fill_buf() {
        Ok(head) => {
            if let Some(why) = super::not_text(head) {
                corpus.problems.push(InputProblem::error(name, why));
                return;
            }
        }
        Err(e) => {
            corpus.problems.push(InputProblem::error(
                name,
                format!("cannot read ({e}): no records read"),
            ));
            return;
        }
    }
    let mut line = Vec::new();
    let mut line_no = 0usize;
    let mut records = 0usize;
    let mut blank = true;
    loop {
        line.clear();
        match (&mut reader)
            .take(MAX_LINE_BYTES)
            .read_until(b'\n', &mut line)
        {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                corpus.problems.push(InputProblem {
                    path: name.to_string(),
                    line: Some(line_no + 1),
                    level: ProblemLevel::Error,
                    message: format!(
                        "stream ends early ({e}); kept the {records} records read before"
                    ),
                });
                break;
            }
        }
        line_no += 1;
        if line.len() as u64 == MAX_LINE_BYTES && line.last() != Some(&b'\n') {
            corpus.problems.push(InputProblem {
                path: name.to_string(),
                line: Some(line_no),
                level: ProblemLevel::Error,
                message: format!("line longer than {MAX_LINE_BYTES} bytes: skipped"),
            });
            if let Err(e) = skip_line(&mut reader) {
                corpus.problems.push(InputProblem {
                    path: name.to_string(),
                    line: Some(line_no),
                    level: ProblemLevel::Error,
                    message: format!(
                        "stream ends early ({e}); kept the {records} records read before"
                    ),
                });
                break;
            }
            blank = false;
            continue;
        }
        if line.iter().all(|b| b.is_ascii_whitespace()) {
            continue;
        }
        blank = false;
        if load_record(corpus, name, line_no, &line) {
            records += 1;
        }
    }
    if blank {
        corpus
            .problems
            .push(InputProblem::warning(name, "empty: no records"));
    }
}

/// Reads up to and including the next newline, keeping nothing.
fn skip_line(reader: &mut impl BufRead) -> std::io::Result<()> {
    loop {
        let buf = reader.fill_buf()?;
        if buf.is_empty() {
            return Ok(());
        }
        if let Some(p) = buf.iter().position(|&b| b == b'\n') {
            reader.consume(p + 1);
            return Ok(());
        }
        let n = buf.len();
        reader.consume(n);
    }
}

/// Parses one line; returns whether a document was added.
fn load_record(corpus: &mut Corpus, name: &str, line_no: usize, line: &[u8]) -> bool {
    let problem = |message: String| InputProblem {
        path: name.to_string(),
        line: Some(line_no),
        level: ProblemLevel::Error,
        message,
    };
    // The byte policy of plain text holds here too: bytes that are not
    // UTF-8 are replaced (with a warning), not a reason to lose the record.
    let decoded;
    let line = match std::str::from_utf8(line) {
        Ok(_) => line,
        Err(e) => {
            corpus.problems.push(InputProblem {
                level: ProblemLevel::Warning,
                ..problem(format!(
                    "not valid UTF-8 (first bad byte at column {}): decoded with U+FFFD replacements",
                    e.valid_up_to() + 1
                ))
            });
            decoded = String::from_utf8_lossy(line).into_owned();
            decoded.as_bytes()
        }
    };
    let value: Value = match serde_json::from_slice(line) {
        Ok(v) => v,
        Err(e) => {
            corpus
                .problems
                .push(problem(format!("malformed JSON line: {e}")));
            return false;
        }
    };
    let Some(obj) = value.as_object() else {
        corpus
            .problems
            .push(problem("JSON line is not an object".to_string()));
        return false;
    };
    let Some(body) = obj
        .get("body")
        .or_else(|| obj.get("text"))
        .and_then(Value::as_str)
    else {
        corpus.problems.push(problem(
            "record has no string `body` or `text` field: skipped".to_string(),
        ));
        return false;
    };
    let record = match obj.get("id") {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => line_no.to_string(),
    };
    let Some(text) = decode_text(corpus, name, Some(line_no), body.as_bytes()) else {
        return false;
    };
    let mut doc = Document::new(name.to_string(), Some(record), text);
    doc.title = obj.get("title").and_then(Value::as_str).map(str::to_string);
    doc.dateline = obj
        .get("dateline")
        .and_then(Value::as_str)
        .map(str::to_string);
    doc.published = obj
        .get("date")
        .or_else(|| obj.get("published"))
        .and_then(Value::as_str)
        .and_then(pubdate::parse_date_value)
        .or_else(|| pubdate::from_text(&doc.text));
    corpus.push(doc);
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_get_id_title_date_and_body() {
        let mut corpus = Corpus::default();
        let data =
            br#"{"id": 7, "date": "26-FEB-1987 15:01:01.79", "title": "T", "body": "Hello."}"#;
        load_bytes(&mut corpus, "a.jsonl", data);
        let doc = &corpus.documents[0];
        assert_eq!(doc.record.as_deref(), Some("7"));
        assert_eq!(doc.text, "Hello.");
        assert_eq!(doc.published, Some(jiff::civil::date(1987, 2, 26)));
        assert_eq!(doc.dateline, None);
    }

    #[test]
    fn dateline_is_kept_apart_from_the_text() {
        let mut corpus = Corpus::default();
        let data = br#"{"id": 8, "dateline": "DHAKA, March 9 -", "body": "Hello."}"#;
        load_bytes(&mut corpus, "a.jsonl", data);
        let doc = &corpus.documents[0];
        assert_eq!(doc.dateline.as_deref(), Some("DHAKA, March 9 -"));
        assert_eq!(doc.text, "Hello.");
    }

    #[test]
    fn malformed_line_is_reported_and_others_kept() {
        let mut corpus = Corpus::default();
        let data = b"{\"text\": \"a\"}\n{oops\n{\"text\": \"b\"}\n";
        load_bytes(&mut corpus, "a.jsonl", data);
        assert_eq!(corpus.documents.len(), 2);
        assert_eq!(corpus.problems.len(), 1);
        assert_eq!(corpus.problems[0].line, Some(2));
        assert_eq!(corpus.documents[1].record.as_deref(), Some("3"));
    }

    #[test]
    fn blank_lines_only_is_empty() {
        let mut corpus = Corpus::default();
        load_bytes(&mut corpus, "a.jsonl", b"\n  \n\n");
        assert_eq!(corpus.problems.len(), 1);
        assert_eq!(corpus.problems[0].level, ProblemLevel::Warning);
        assert!(corpus.problems[0].message.contains("empty"));
    }

    #[test]
    fn binary_jsonl_is_one_error_not_one_per_line() {
        let mut corpus = Corpus::default();
        let mut data = b"\x7fELF\0\0\n".repeat(100);
        data.extend(b"{\"text\": \"a\"}\n");
        load_bytes(&mut corpus, "a.jsonl", &data);
        assert_eq!(corpus.problems.len(), 1);
        assert!(corpus.problems[0].message.contains("binary"));
        assert!(corpus.documents.is_empty());
    }

    #[test]
    fn non_utf8_line_is_decoded_with_a_warning() {
        let mut corpus = Corpus::default();
        load_bytes(&mut corpus, "a.jsonl", b"{\"text\": \"caf\xe9 ok\"}\n");
        assert_eq!(corpus.documents.len(), 1);
        assert_eq!(corpus.documents[0].text, "caf\u{FFFD} ok");
        assert_eq!(corpus.problems.len(), 1);
        assert_eq!(corpus.problems[0].level, ProblemLevel::Warning);
        assert_eq!(corpus.problems[0].line, Some(1));
    }

    #[test]
    fn skip_line_consumes_through_newline() {
        let mut r = std::io::BufReader::with_capacity(4, &b"abcdefghij\nnext"[..]);
        skip_line(&mut r).unwrap();
        let mut rest = String::new();
        r.read_to_string(&mut rest).unwrap();
        assert_eq!(rest, "next");
    }
}
