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
use std::borrow::Cow;
use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

use super::{pubdate, Corpus, Document, InputProblem, ProblemLevel};

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

/// The line as text. The byte policy of plain text holds here too: bytes
/// that are not UTF-8 are replaced (and `warn` told), not a reason to lose
/// the record.
pub(super) fn utf8_line(line: &[u8], warn: impl FnOnce(String)) -> Cow<'_, str> {
    match std::str::from_utf8(line) {
        Ok(text) => Cow::Borrowed(text),
        Err(e) => {
            warn(format!(
                "not valid UTF-8 (first bad byte at column {}): decoded with U+FFFD replacements",
                e.valid_up_to() + 1
            ));
            String::from_utf8_lossy(line)
        }
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
    let line = utf8_line(line, |message| {
        corpus.problems.push(InputProblem {
            level: ProblemLevel::Warning,
            ..problem(message)
        })
    });
    let line = line.as_bytes();
    let record: Record<'_> = match serde_json::from_slice(line) {
        Ok(Line::Object(record)) => record,
        Ok(Line::NotObject) => {
            corpus
                .problems
                .push(problem("JSON line is not an object".to_string()));
            return false;
        }
        Err(e) => {
            corpus
                .problems
                .push(problem(format!("malformed JSON line: {e}")));
            return false;
        }
    };
    // A `body` of another type hides `text`, as a present field would.
    let Some(Field::Str(body)) = record.body.or(record.text) else {
        corpus.problems.push(problem(
            "record has no string `body` or `text` field: skipped".to_string(),
        ));
        return false;
    };
    let id = match record.id {
        Some(Field::Str(s)) => s.into_owned(),
        Some(Field::Number(n)) => n.to_string(),
        _ => line_no.to_string(),
    };
    let Some(text) = super::accept_text(corpus, name, Some(line_no), body) else {
        return false;
    };
    let mut doc = Document::new(name.to_string(), Some(id), text);
    doc.title = record.title.and_then(Field::into_string);
    doc.dateline = record.dateline.and_then(Field::into_string);
    doc.published = record
        .date
        .or(record.published)
        .as_ref()
        .and_then(Field::as_str)
        .and_then(|stamp| pubdate::record_day(stamp, doc.dateline.as_deref()))
        .or_else(|| pubdate::from_text(&doc.text));
    corpus.push(doc);
    true
}

/// One parsed line: an object's fields, or the fact that it was something
/// else. Parsed straight from the line's bytes (strings borrowed where they
/// have no escapes) instead of through a `serde_json::Value`.
enum Line<'a> {
    Object(Record<'a>),
    NotObject,
}

/// The fields the loader reads, each as found. Other fields are parsed
/// (so malformed JSON anywhere is reported as before) and dropped; a
/// repeated field keeps its last value, as a JSON object map does.
#[derive(Default)]
struct Record<'a> {
    id: Option<Field<'a>>,
    date: Option<Field<'a>>,
    published: Option<Field<'a>>,
    title: Option<Field<'a>>,
    dateline: Option<Field<'a>>,
    body: Option<Field<'a>>,
    text: Option<Field<'a>>,
}

/// A field's value, reduced to what the loader distinguishes.
enum Field<'a> {
    Str(Cow<'a, str>),
    /// Kept as `serde_json` reads it, so an `id` prints as it always did.
    Number(serde_json::Number),
    /// `null`, a boolean, an array or an object.
    Other,
}

impl<'a> Field<'a> {
    fn as_str(&self) -> Option<&str> {
        match self {
            Field::Str(s) => Some(s),
            _ => None,
        }
    }

    fn into_string(self) -> Option<String> {
        match self {
            Field::Str(s) => Some(s.into_owned()),
            _ => None,
        }
    }
}

/// Names of the fields [`Record`] keeps.
enum Key {
    Id,
    Date,
    Published,
    Title,
    Dateline,
    Body,
    Text,
    Other,
}

impl<'de> Deserialize<'de> for Line<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(LineVisitor)
    }
}

/// The visits of every JSON scalar (string, boolean, number, null), each
/// giving `$value`: for a visitor to which a scalar's content does not
/// matter, only that it was well-formed.
macro_rules! scalars_are {
    ($value:expr) => {
        fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
            Ok($value)
        }

        fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
            Ok($value)
        }

        fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
            Ok($value)
        }

        fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
            Ok($value)
        }

        fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
            Ok($value)
        }

        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok($value)
        }
    };
}

struct LineVisitor;

impl<'de> Visitor<'de> for LineVisitor {
    type Value = Line<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut record = Record::default();
        while let Some(key) = map.next_key::<Key>()? {
            let slot = match key {
                Key::Id => &mut record.id,
                Key::Date => &mut record.date,
                Key::Published => &mut record.published,
                Key::Title => &mut record.title,
                Key::Dateline => &mut record.dateline,
                Key::Body => &mut record.body,
                Key::Text => &mut record.text,
                Key::Other => {
                    map.next_value::<Ignored>()?;
                    continue;
                }
            };
            *slot = Some(map.next_value()?);
        }
        Ok(Line::Object(record))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        IgnoredVisitor.visit_seq(seq)?;
        Ok(Line::NotObject)
    }

    scalars_are!(Line::NotObject);
}

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(KeyVisitor)
    }
}

struct KeyVisitor;

impl<'de> Visitor<'de> for KeyVisitor {
    type Value = Key;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a field name")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<Key, E> {
        Ok(match key {
            "id" => Key::Id,
            "date" => Key::Date,
            "published" => Key::Published,
            "title" => Key::Title,
            "dateline" => Key::Dateline,
            "body" => Key::Body,
            "text" => Key::Text,
            _ => Key::Other,
        })
    }
}

impl<'de> Deserialize<'de> for Field<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(FieldVisitor)
    }
}

struct FieldVisitor;

impl<'de> Visitor<'de> for FieldVisitor {
    type Value = Field<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_borrowed_str<E: de::Error>(self, s: &'de str) -> Result<Self::Value, E> {
        Ok(Field::Str(Cow::Borrowed(s)))
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<Self::Value, E> {
        Ok(Field::Str(Cow::Owned(s.to_string())))
    }

    fn visit_string<E: de::Error>(self, s: String) -> Result<Self::Value, E> {
        Ok(Field::Str(Cow::Owned(s)))
    }

    // Numbers become what a `serde_json::Value` would hold.
    fn visit_i64<E: de::Error>(self, n: i64) -> Result<Self::Value, E> {
        Ok(Field::Number(n.into()))
    }

    fn visit_u64<E: de::Error>(self, n: u64) -> Result<Self::Value, E> {
        Ok(Field::Number(n.into()))
    }

    fn visit_f64<E: de::Error>(self, n: f64) -> Result<Self::Value, E> {
        Ok(serde_json::Number::from_f64(n).map_or(Field::Other, Field::Number))
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
        Ok(Field::Other)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Field::Other)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        IgnoredVisitor.visit_seq(seq)?;
        Ok(Field::Other)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        IgnoredVisitor.visit_map(map)?;
        Ok(Field::Other)
    }
}

/// Any JSON value, parsed in full and dropped. Unlike
/// `serde::de::IgnoredAny` it reads numbers as values (through
/// `deserialize_any`), so a number out of range is still an error.
struct Ignored;

impl<'de> Deserialize<'de> for Ignored {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(IgnoredVisitor)
    }
}

struct IgnoredVisitor;

impl<'de> Visitor<'de> for IgnoredVisitor {
    type Value = Ignored;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    scalars_are!(Ignored);

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Ignored, A::Error> {
        while seq.next_element::<Ignored>()?.is_some() {}
        Ok(Ignored)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Ignored, A::Error> {
        // Keys as strings, the way a `Value` map reads them.
        while map.next_key::<Key>()?.is_some() {
            map.next_value::<Ignored>()?;
        }
        Ok(Ignored)
    }
}

/// The loader as it was, reading each line into a `serde_json::Value`: the
/// reference the borrowed [`Record`] must agree with, problem for problem.
#[cfg(test)]
mod reference {
    use serde_json::Value;

    use super::super::{decode_text, pubdate, Corpus, Document, InputProblem, ProblemLevel};
    use super::utf8_line;

    pub(super) fn load_record(
        corpus: &mut Corpus,
        name: &str,
        line_no: usize,
        line: &[u8],
    ) -> bool {
        let problem = |message: String| InputProblem {
            path: name.to_string(),
            line: Some(line_no),
            level: ProblemLevel::Error,
            message,
        };
        let line = utf8_line(line, |message| {
            corpus.problems.push(InputProblem {
                level: ProblemLevel::Warning,
                ..problem(message)
            })
        });
        let line = line.as_bytes();
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
            .and_then(|stamp| pubdate::record_day(stamp, doc.dateline.as_deref()))
            .or_else(|| pubdate::from_text(&doc.text));
        corpus.push(doc);
        true
    }
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
    fn a_dateline_a_day_after_the_stamp_gives_the_publication_day() {
        let mut corpus = Corpus::default();
        let data = br#"{"date": "22-MAR-1987 20:01:10.69", "dateline": "ZURICH, March 23 -", "body": "Today."}
{"date": "22-MAR-1987 20:01:10.69", "dateline": "ZURICH, June 23 -", "body": "Today."}"#;
        load_bytes(&mut corpus, "a.jsonl", data);
        let days: Vec<_> = corpus.documents.iter().map(|d| d.published).collect();
        let day = |m, d| Some(jiff::civil::date(1987, m, d));
        assert_eq!(days, [day(3, 23), day(3, 22)]);
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

    /// What a load left: the documents' fields and the problems.
    fn outcome(corpus: &Corpus) -> impl PartialEq + std::fmt::Debug + '_ {
        let docs: Vec<_> = corpus
            .documents
            .iter()
            .map(|d| {
                (
                    &d.path,
                    &d.record,
                    &d.title,
                    &d.text,
                    d.body_start,
                    d.published,
                    &d.dateline,
                )
            })
            .collect();
        (docs, &corpus.problems)
    }

    #[test]
    fn records_read_as_the_value_based_loader_read_them() {
        let deep = format!(
            "{{\"x\": {}1{}, \"text\": \"a\"}}",
            "[".repeat(200),
            "]".repeat(200)
        );
        let lines: Vec<Vec<u8>> = [
            r#"{"id": 1, "date": "26-FEB-1987 15:01:01.79", "title": "T", "dateline": "D -", "body": "Hello.\nNext"}"#,
            r#"{"id": "r-7", "text": "a"}"#,
            r#"{"id": 1.5, "text": "a"}"#,
            r#"{"id": -0, "text": "a"}"#,
            r#"{"id": -5, "text": "a"}"#,
            r#"{"id": 2.0e3, "text": "a"}"#,
            r#"{"id": 12345678901234567890123, "text": "a"}"#,
            r#"{"id": 1e400, "text": "a"}"#,
            r#"{"id": true, "text": "a"}"#,
            r#"{"id": null, "text": "a"}"#,
            r#"{"id": [1, "x"], "text": "a"}"#,
            r#"{"id": {"a": 1}, "text": "a"}"#,
            r#"{"id": 3, "id": "last", "text": "a"}"#,
            r#"{"body": null, "text": "a"}"#,
            r#"{"body": "a", "text": 5}"#,
            r#"{"text": "b", "body": "a"}"#,
            r#"{"body": 5, "body": "b"}"#,
            r#"{"body": "a", "body": 5, "text": "t"}"#,
            r#"{"b\u006fdy": "escaped key"}"#,
            r#"{"body": "a\nb\u00e9\ud83d\ude00 \"q\" \\ \/"}"#,
            r#"{"body": "\ud800"}"#,
            r#"{"body": "\u0000abc"}"#,
            r#"{"body": "   \n "}"#,
            r#"{"body": "a\qb"}"#,
            "{\"body\": \"a\tb\"}",
            r#"[1, 2]"#,
            r#"[1, {"a": [}"#,
            r#""just a string""#,
            r#"5"#,
            r#"-1.5e3"#,
            r#"null"#,
            r#"true"#,
            r#"{"text": "a"} x"#,
            r#"{"text": "a",}"#,
            r#"{"text": "a" "b": 1}"#,
            r#"{"text": "a", "x": [1, {"y": 1e999}]}"#,
            r#"{"text": "a", "x": [1, {"y": [true, false, null, "s", -2, 0.5]}]}"#,
            r#"{"text": "a", "x": {"1": 2, "text": 3}}"#,
            r#"{"date": 5, "published": "1987-02-26", "text": "Mar 3, 1987 - a"}"#,
            r#"{"published": "26-FEB-1987 15:01:01.79", "text": "a"}"#,
            r#"{"date": "not a date", "text": "a"}"#,
            r#"{"title": 5, "dateline": null, "text": "a"}"#,
            r#"{}"#,
            r#"{"#,
            r#"  {"text": "padded"}  "#,
            deep.as_str(),
        ]
        .iter()
        .map(|l| l.as_bytes().to_vec())
        .chain([
            b"{\"text\": \"caf\xe9\"}".to_vec(),
            b"{\"t\xffext\": \"a\", \"text\": \"b\"}".to_vec(),
            b"{\"text\": \"a\"}\xff".to_vec(),
        ])
        .collect();
        for line in &lines {
            let (mut new, mut old) = (Corpus::default(), Corpus::default());
            let added = load_record(&mut new, "a.jsonl", 4, line);
            let added_before = reference::load_record(&mut old, "a.jsonl", 4, line);
            let shown = String::from_utf8_lossy(line);
            assert_eq!(added, added_before, "{shown}");
            assert_eq!(outcome(&new), outcome(&old), "{shown}");
        }
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
