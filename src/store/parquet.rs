//! Claims files in Apache Parquet: the lines of a JSON Lines claims file
//! as rows of one table, for batch engines and analysts (Spark, DuckDB,
//! Polars, pandas read it natively).
//!
//! `claimcheck claims --format parquet` writes it ([`write`]);
//! `check --claims FILE` recognises it by its magic bytes and reads it back
//! ([`read_file`]) into the same [`Line`]s the JSON Lines reader makes, so
//! both formats give the same findings. The schema is versioned: the file's
//! key-value metadata carries [`SCHEMA_KEY`] = [`SCHEMA_VERSION`], and a
//! reader refuses other versions with a diagnostic. The columns are listed
//! in [`schema`] and documented in the README ("Claims in Parquet").
//!
//! One row per line: `kind` says which (`title`, `event`, `number`,
//! `relation` are claims; `date`, `name` and `document` rows carry what
//! a later check needs besides). Columns a kind does not use are null.

use std::io::Write;
use std::sync::Arc;

use arrow_array::builder::{ListBuilder, StringBuilder};
use arrow_array::{
    Array, ArrayRef, BooleanArray, Date32Array, Float64Array, ListArray, RecordBatch, StringArray,
    StructArray, TimestampMicrosecondArray, UInt64Array,
};
use arrow_buffer::{NullBuffer, OffsetBuffer};
use arrow_schema::{DataType, Field, Fields, Schema, SchemaRef, TimeUnit};
use jiff::civil::{Date, DateTime};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::metadata::KeyValue;
use parquet::file::properties::WriterProperties;
use parquet::file::reader::ChunkReader;

use super::wire::{
    ClaimLine, DateLine, DocumentLine, Event, Line, NameLine, NameWire, Normalized, Reader, Tally,
};
use crate::claim::{Facts, SlotFill, SlotValue, TitleTime};
use crate::temporal::{Grain, TimeKind, TimeValue};

/// The first bytes of every Parquet file.
pub const MAGIC: &[u8] = b"PAR1";
/// The key-value metadata key naming the schema version.
pub const SCHEMA_KEY: &str = "claimcheck.claims.schema";
/// The schema version this build writes and reads. Bump it when a column
/// changes meaning or type; adding a nullable column keeps it. Version 2
/// added the nullable `other_start`/`other_end` fields inside every time
/// struct (the other convention's reading): a struct's type changed, so
/// version 1 files are refused with a request to re-run `claims`.
pub const SCHEMA_VERSION: &str = "2";
/// Rows per record batch (and at most per row group).
const BATCH: usize = 65_536;

/// A resolved time: `{start, end, grain, kind}` (see [`TimeValue`]);
/// instants are microseconds of wall-clock time, without a time zone.
fn time_type() -> DataType {
    DataType::Struct(time_fields())
}

fn time_fields() -> Fields {
    Fields::from(vec![
        Field::new(
            "start",
            DataType::Timestamp(TimeUnit::Microsecond, None),
            false,
        ),
        Field::new(
            "end",
            DataType::Timestamp(TimeUnit::Microsecond, None),
            true,
        ),
        Field::new("grain", DataType::Utf8, false),
        Field::new("kind", DataType::Utf8, false),
        // The other convention's reading (`TimeValue::other`).
        Field::new(
            "other_start",
            DataType::Timestamp(TimeUnit::Microsecond, None),
            true,
        ),
        Field::new(
            "other_end",
            DataType::Timestamp(TimeUnit::Microsecond, None),
            true,
        ),
    ])
}

fn slot_fields() -> Fields {
    Fields::from(vec![
        Field::new("slot", DataType::Utf8, false),
        Field::new("text", DataType::Utf8, false),
        Field::new("type", DataType::Utf8, false),
        Field::new("key", DataType::Utf8, true),
        Field::new("name", DataType::Utf8, true),
        Field::new("folded", DataType::Utf8, true),
        Field::new("date", time_type(), true),
        Field::new("low", DataType::Float64, true),
        Field::new("high", DataType::Float64, true),
        Field::new("low_open", DataType::Boolean, true),
        Field::new("high_open", DataType::Boolean, true),
    ])
}

/// A document's capitalised words (`name-form`; see `wire::NameWire`):
/// the word, its first mid-sentence place (else its first) as a byte
/// offset and a 1-based line and column, whether it is written
/// mid-sentence and whether the document also writes it in lower case.
fn name_fields() -> Fields {
    Fields::from(vec![
        Field::new("text", DataType::Utf8, false),
        Field::new("offset", DataType::UInt64, false),
        Field::new("line", DataType::UInt64, false),
        Field::new("column", DataType::UInt64, false),
        Field::new("mid", DataType::Boolean, false),
        Field::new("lower", DataType::Boolean, false),
    ])
}

fn names_type() -> DataType {
    DataType::List(Arc::new(Field::new_list_field(
        DataType::Struct(name_fields()),
        true,
    )))
}

fn strings() -> DataType {
    DataType::List(Arc::new(Field::new_list_field(DataType::Utf8, true)))
}

/// The table's columns, in order (schema version [`SCHEMA_VERSION`]).
pub fn schema() -> Schema {
    let s = |name: &str| Field::new(name, DataType::Utf8, true);
    let u = |name: &str| Field::new(name, DataType::UInt64, true);
    let b = |name: &str| Field::new(name, DataType::Boolean, true);
    let slots = DataType::List(Arc::new(Field::new_list_field(
        DataType::Struct(slot_fields()),
        true,
    )));
    Schema::new(vec![
        Field::new("kind", DataType::Utf8, false),
        Field::new("document", DataType::Utf8, false),
        s("record"),
        Field::new("published", DataType::Date32, true),
        u("start"),
        u("end"),
        u("line"),
        u("column"),
        u("end_line"),
        u("end_column"),
        s("text"),
        s("subject"),
        s("document_subject"),
        s("subject_key"),
        b("subject_resolved"),
        s("value"),
        u("value_start"),
        u("value_end"),
        s("pattern"),
        s("title_office"),
        s("title_rank"),
        s("title_org"),
        s("title_head"),
        Field::new("title_qualifiers", strings(), true),
        Field::new("title_portfolio", strings(), true),
        Field::new("title_domain", strings(), true),
        s("title_time"),
        b("title_descriptive"),
        s("event_action"),
        s("event_place"),
        Field::new("event_amount", DataType::Float64, true),
        Field::new("event_date", time_type(), true),
        s("relation"),
        Field::new("slots", slots, true),
        Field::new("resolved", time_type(), true),
        s("weekday_mismatch"),
        u("bytes"),
        s("rules"),
        s("signature"),
        Field::new("names", names_type(), true),
    ])
}

/// One column's values for a batch, before they become Arrow arrays.
#[derive(Default)]
struct Columns {
    kind: Vec<&'static str>,
    document: Vec<String>,
    record: Vec<Option<String>>,
    published: Vec<Option<i32>>,
    pos: [Vec<Option<u64>>; 6],
    text: Vec<Option<String>>,
    subject: Vec<Option<String>>,
    document_subject: Vec<Option<String>>,
    subject_key: Vec<Option<String>>,
    subject_resolved: Vec<Option<bool>>,
    value: Vec<Option<String>>,
    value_start: Vec<Option<u64>>,
    value_end: Vec<Option<u64>>,
    pattern: Vec<Option<String>>,
    office: Vec<Option<String>>,
    rank: Vec<Option<String>>,
    org: Vec<Option<String>>,
    head: Vec<Option<String>>,
    qualifiers: Vec<Option<Vec<String>>>,
    portfolio: Vec<Option<Vec<String>>>,
    domain: Vec<Option<Vec<String>>>,
    title_time: Vec<Option<&'static str>>,
    descriptive: Vec<Option<bool>>,
    action: Vec<Option<String>>,
    place: Vec<Option<String>>,
    amount: Vec<Option<f64>>,
    event_date: Vec<Option<TimeValue>>,
    relation: Vec<Option<String>>,
    slots: Vec<Option<Vec<SlotFill>>>,
    resolved: Vec<Option<TimeValue>>,
    weekday_mismatch: Vec<Option<String>>,
    bytes: Vec<Option<u64>>,
    rules: Vec<Option<String>>,
    signature: Vec<Option<String>>,
    names: Vec<Option<Vec<NameWire>>>,
}

fn epoch() -> Date {
    jiff::civil::date(1970, 1, 1)
}

fn date_days(d: Date) -> i32 {
    epoch().until(d).map_or(0, |s| s.get_days())
}

fn days_date(n: i32) -> Option<Date> {
    epoch()
        .checked_add(jiff::Span::new().try_days(n).ok()?)
        .ok()
}

fn micros(t: DateTime) -> i64 {
    t.to_zoned(jiff::tz::TimeZone::UTC)
        .map_or(0, |z| z.timestamp().as_microsecond())
}

fn micros_time(us: i64) -> Option<DateTime> {
    let ts = jiff::Timestamp::from_microsecond(us).ok()?;
    Some(ts.to_zoned(jiff::tz::TimeZone::UTC).datetime())
}

fn time_str(t: TitleTime) -> &'static str {
    match t {
        TitleTime::Past => "past",
        TitleTime::Present => "present",
        TitleTime::Future => "future",
    }
}

/// A serde enum's name (as JSON Lines writes it) and back.
fn enum_name<T: serde::Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

fn enum_of<T: serde::de::DeserializeOwned>(s: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(s.to_string())).ok()
}

impl Columns {
    fn len(&self) -> usize {
        self.kind.len()
    }

    /// Appends one line; every column gets one value.
    fn push(&mut self, line: &Line) {
        let kind = match line {
            Line::Title(_) => "title",
            Line::Event(_) => "event",
            Line::Number(_) => "number",
            Line::Relation(_) => "relation",
            Line::Date(_) => "date",
            Line::Name(_) => "name",
            Line::Document(_) => "document",
        };
        self.kind.push(kind);
        let n = self.len();
        match line {
            Line::Title(l) | Line::Event(l) | Line::Number(l) | Line::Relation(l) => {
                self.head_of(&l.document, &l.record, l.published);
                self.position(
                    [l.start, l.end, l.line, l.column, l.end_line, l.end_column],
                    &l.text,
                );
                self.claim(l);
            }
            Line::Date(l) => {
                self.head_of(&l.document, &l.record, l.published);
                self.position(
                    [l.start, l.end, l.line, l.column, l.end_line, l.end_column],
                    &l.text,
                );
                self.pattern.push(Some(l.pattern.clone()));
                self.resolved.push(l.resolved);
                self.weekday_mismatch.push(l.weekday_mismatch.clone());
            }
            Line::Name(l) => {
                self.head_of(&l.document, &l.record, l.published);
                self.position(
                    [l.start, l.end, l.line, l.column, l.end_line, l.end_column],
                    &l.text,
                );
                self.subject.push(Some(l.subject.clone()));
                self.value.push(Some(l.value.clone()));
                self.pattern.push(Some(l.pattern.clone()));
            }
            Line::Document(l) => {
                self.head_of(&l.document, &l.record, l.published);
                self.bytes.push(Some(l.bytes as u64));
                self.rules.push(l.rules.clone());
                self.signature.push(l.signature.clone());
                self.names.push(l.names.clone());
            }
        }
        self.fill(n);
    }

    fn head_of(&mut self, document: &str, record: &Option<String>, published: Option<Date>) {
        self.document.push(document.to_string());
        self.record.push(record.clone());
        self.published.push(published.map(date_days));
    }

    fn position(&mut self, at: [usize; 6], text: &str) {
        for (column, v) in self.pos.iter_mut().zip(at) {
            column.push(Some(v as u64));
        }
        self.text.push(Some(text.to_string()));
    }

    fn claim(&mut self, l: &ClaimLine) {
        let n = &l.normalized;
        self.subject.push(Some(l.subject.clone()));
        self.document_subject.push(Some(l.document_subject.clone()));
        self.subject_key.push(Some(l.subject_key.clone()));
        self.subject_resolved.push(Some(l.subject_resolved));
        self.value.push(Some(l.value.clone()));
        self.value_start.push(Some(l.value_start as u64));
        self.value_end.push(Some(l.value_end as u64));
        self.pattern.push(Some(l.pattern.clone()));
        self.office.push(n.office.clone());
        self.rank.push(n.rank.clone());
        self.org.push(n.org.clone());
        self.head.push(Some(n.head.clone()));
        self.qualifiers.push(Some(n.qualifiers.clone()));
        self.portfolio
            .push(Some(n.portfolio.iter().cloned().collect()));
        self.domain.push(Some(n.domain.iter().cloned().collect()));
        self.title_time.push(Some(time_str(n.time)));
        self.descriptive.push(Some(n.descriptive));
        if let Some(e) = &l.event {
            self.action.push(Some(e.action.clone()));
            self.place.push(e.place.clone());
            self.amount.push(e.amount);
            self.event_date.push(e.date);
        }
        if let Some(f) = &l.facts {
            self.relation.push(Some(f.relation.clone()));
            self.slots.push(Some(f.slots.clone()));
        }
    }

    /// Nulls in every column a line did not set, so all have `n` values.
    fn fill(&mut self, n: usize) {
        macro_rules! pad {
            ($($c:expr),*) => { $( $c.resize_with(n, Default::default); )* };
        }
        for c in &mut self.pos {
            c.resize_with(n, Default::default);
        }
        pad!(
            self.text,
            self.subject,
            self.document_subject,
            self.subject_key,
            self.subject_resolved,
            self.value,
            self.value_start,
            self.value_end,
            self.pattern,
            self.office,
            self.rank,
            self.org,
            self.head,
            self.qualifiers,
            self.portfolio,
            self.domain,
            self.title_time,
            self.descriptive,
            self.action,
            self.place,
            self.amount,
            self.event_date,
            self.relation,
            self.slots,
            self.resolved,
            self.weekday_mismatch,
            self.bytes,
            self.rules,
            self.signature,
            self.names
        );
    }

    fn batch(self, schema: &SchemaRef) -> Result<RecordBatch, arrow_schema::ArrowError> {
        let str_ = |v: Vec<Option<String>>| Arc::new(StringArray::from(v)) as ArrayRef;
        let u64_ = |v: Vec<Option<u64>>| Arc::new(UInt64Array::from(v)) as ArrayRef;
        let bool_ = |v: Vec<Option<bool>>| Arc::new(BooleanArray::from(v)) as ArrayRef;
        let [start, end, line, column, end_line, end_column] = self.pos;
        let columns: Vec<ArrayRef> = vec![
            Arc::new(StringArray::from(self.kind)),
            Arc::new(StringArray::from(self.document)),
            str_(self.record),
            Arc::new(Date32Array::from(self.published)),
            u64_(start),
            u64_(end),
            u64_(line),
            u64_(column),
            u64_(end_line),
            u64_(end_column),
            str_(self.text),
            str_(self.subject),
            str_(self.document_subject),
            str_(self.subject_key),
            bool_(self.subject_resolved),
            str_(self.value),
            u64_(self.value_start),
            u64_(self.value_end),
            str_(self.pattern),
            str_(self.office),
            str_(self.rank),
            str_(self.org),
            str_(self.head),
            string_lists(&self.qualifiers),
            string_lists(&self.portfolio),
            string_lists(&self.domain),
            Arc::new(StringArray::from(self.title_time)),
            bool_(self.descriptive),
            str_(self.action),
            str_(self.place),
            Arc::new(Float64Array::from(self.amount)),
            Arc::new(times(&self.event_date)),
            str_(self.relation),
            slot_lists(&self.slots)?,
            Arc::new(times(&self.resolved)),
            str_(self.weekday_mismatch),
            u64_(self.bytes),
            str_(self.rules),
            str_(self.signature),
            name_lists(&self.names)?,
        ];
        RecordBatch::try_new(schema.clone(), columns)
    }
}

fn string_lists(v: &[Option<Vec<String>>]) -> ArrayRef {
    let mut b = ListBuilder::new(StringBuilder::new());
    for row in v {
        match row {
            Some(items) => {
                for s in items {
                    b.values().append_value(s);
                }
                b.append(true);
            }
            None => b.append(false),
        }
    }
    Arc::new(b.finish())
}

fn times(v: &[Option<TimeValue>]) -> StructArray {
    let start: Vec<i64> = v.iter().map(|t| t.map_or(0, |t| micros(t.start))).collect();
    let end: Vec<Option<i64>> = v
        .iter()
        .map(|t| t.and_then(|t| t.end).map(micros))
        .collect();
    let grain: Vec<String> = v
        .iter()
        .map(|t| t.map(|t| enum_name(&t.grain)).unwrap_or_default())
        .collect();
    let kind: Vec<String> = v
        .iter()
        .map(|t| t.map(|t| enum_name(&t.kind)).unwrap_or_default())
        .collect();
    let other = |part: fn((DateTime, DateTime)) -> DateTime| {
        v.iter()
            .map(|t| t.and_then(|t| t.other).map(|o| micros(part(o))))
            .collect::<Vec<Option<i64>>>()
    };
    let nulls = NullBuffer::from(v.iter().map(Option::is_some).collect::<Vec<bool>>());
    StructArray::new(
        time_fields(),
        vec![
            Arc::new(TimestampMicrosecondArray::from(start)),
            Arc::new(TimestampMicrosecondArray::from(end)),
            Arc::new(StringArray::from(grain)),
            Arc::new(StringArray::from(kind)),
            Arc::new(TimestampMicrosecondArray::from(other(|o| o.0))),
            Arc::new(TimestampMicrosecondArray::from(other(|o| o.1))),
        ],
        Some(nulls),
    )
}

fn slot_lists(v: &[Option<Vec<SlotFill>>]) -> Result<ArrayRef, arrow_schema::ArrowError> {
    let fills: Vec<&SlotFill> = v.iter().flatten().flatten().collect();
    let text = |f: fn(&SlotFill) -> Option<&str>| {
        Arc::new(StringArray::from(
            fills.iter().map(|s| f(s)).collect::<Vec<_>>(),
        )) as ArrayRef
    };
    let quantity = |s: &SlotFill| match &s.value {
        SlotValue::Quantity {
            low,
            high,
            low_open,
            high_open,
        } => Some((*low, *high, *low_open, *high_open)),
        _ => None,
    };
    let dates: Vec<Option<TimeValue>> = fills
        .iter()
        .map(|s| match &s.value {
            SlotValue::Date { value } => *value,
            _ => None,
        })
        .collect();
    let values = StructArray::try_new(
        slot_fields(),
        vec![
            text(|s| Some(&s.slot)),
            text(|s| Some(&s.text)),
            text(|s| {
                Some(match s.value {
                    SlotValue::Person { .. } => "person",
                    SlotValue::Place { .. } => "place",
                    SlotValue::Text { .. } => "text",
                    SlotValue::Date { .. } => "date",
                    SlotValue::Quantity { .. } => "quantity",
                })
            }),
            text(|s| match &s.value {
                SlotValue::Person { key, .. } => Some(key),
                _ => None,
            }),
            text(|s| match &s.value {
                SlotValue::Person { name, .. } | SlotValue::Place { name } => Some(name),
                _ => None,
            }),
            text(|s| match &s.value {
                SlotValue::Text { folded } => Some(folded),
                _ => None,
            }),
            Arc::new(times(&dates)),
            Arc::new(Float64Array::from(
                fills
                    .iter()
                    .map(|s| quantity(s).map(|q| q.0))
                    .collect::<Vec<_>>(),
            )),
            Arc::new(Float64Array::from(
                fills
                    .iter()
                    .map(|s| quantity(s).and_then(|q| q.1))
                    .collect::<Vec<_>>(),
            )),
            Arc::new(BooleanArray::from(
                fills
                    .iter()
                    .map(|s| quantity(s).map(|q| q.2))
                    .collect::<Vec<_>>(),
            )),
            Arc::new(BooleanArray::from(
                fills
                    .iter()
                    .map(|s| quantity(s).map(|q| q.3))
                    .collect::<Vec<_>>(),
            )),
        ],
        None,
    )?;
    list_of(v, values, slot_fields())
}

fn name_lists(v: &[Option<Vec<NameWire>>]) -> Result<ArrayRef, arrow_schema::ArrowError> {
    let words: Vec<&NameWire> = v.iter().flatten().flatten().collect();
    let u64_ = |f: fn(&NameWire) -> u32| {
        Arc::new(UInt64Array::from(
            words.iter().map(|w| u64::from(f(w))).collect::<Vec<_>>(),
        )) as ArrayRef
    };
    let flag = |bit: u8| {
        Arc::new(BooleanArray::from(
            words.iter().map(|w| w.4 & bit != 0).collect::<Vec<_>>(),
        )) as ArrayRef
    };
    let values = StructArray::try_new(
        name_fields(),
        vec![
            Arc::new(StringArray::from(
                words.iter().map(|w| w.0.as_str()).collect::<Vec<_>>(),
            )),
            u64_(|w| w.1),
            u64_(|w| w.2),
            u64_(|w| w.3),
            flag(1),
            flag(2),
        ],
        None,
    )?;
    list_of(v, values, name_fields())
}

/// One list per row of `v` (null where the row has none) over `values`,
/// the rows' items in order, of the struct type `fields`.
fn list_of<T>(
    v: &[Option<Vec<T>>],
    values: StructArray,
    fields: Fields,
) -> Result<ArrayRef, arrow_schema::ArrowError> {
    let lengths = v.iter().map(|r| r.as_ref().map_or(0, Vec::len));
    let nulls = NullBuffer::from(v.iter().map(Option::is_some).collect::<Vec<bool>>());
    let field = Arc::new(Field::new_list_field(DataType::Struct(fields), true));
    Ok(Arc::new(ListArray::try_new(
        field,
        OffsetBuffer::from_lengths(lengths),
        Arc::new(values),
        Some(nulls),
    )?))
}

/// Writes `lines` as one Parquet file (snappy-compressed, a row group per
/// [`BATCH`] rows).
pub fn write<W: Write + Send>(out: W, lines: &[Line]) -> parquet::errors::Result<W> {
    let schema: SchemaRef = Arc::new(schema());
    let props = WriterProperties::builder()
        .set_compression(Compression::SNAPPY)
        .set_max_row_group_row_count(Some(BATCH))
        .set_key_value_metadata(Some(vec![KeyValue::new(
            SCHEMA_KEY.to_string(),
            SCHEMA_VERSION.to_string(),
        )]))
        .build();
    let mut writer = ArrowWriter::try_new(out, schema.clone(), Some(props))?;
    for chunk in lines.chunks(BATCH) {
        let mut columns = Columns::default();
        for line in chunk {
            columns.push(line);
        }
        writer.write(&columns.batch(&schema)?)?;
    }
    writer.into_inner()
}

/// Reads one Parquet claims file into `reader`. Nothing is fatal: a file
/// that is not a claims table, of another schema version or corrupt
/// becomes a problem (an error), and bad rows are named like bad lines.
pub(crate) fn read_file<T: ChunkReader + 'static>(reader: &mut Reader<'_>, path: &str, file: T) {
    // The decoder meets hostile bytes: a panic in it costs this file, not
    // the run (rows already added stay, as with a cut JSON Lines file).
    let read = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        read_rows(reader, path, file)
    }));
    match read {
        Ok(Ok(())) => {}
        Ok(Err(message)) => reader.problem(path, None, message),
        Err(_) => reader.problem(
            path,
            None,
            "corrupt Parquet file (the decoder failed): the rest is lost".to_string(),
        ),
    }
}

fn read_rows<T: ChunkReader + 'static>(
    reader: &mut Reader<'_>,
    path: &str,
    file: T,
) -> Result<(), String> {
    let builder = ParquetRecordBatchReaderBuilder::try_new(file)
        .map_err(|e| format!("not a readable Parquet file ({e})"))?;
    let version = builder
        .metadata()
        .file_metadata()
        .key_value_metadata()
        .and_then(|kv| kv.iter().find(|k| k.key == SCHEMA_KEY))
        .and_then(|k| k.value.clone());
    match version.as_deref() {
        Some(SCHEMA_VERSION) => {}
        Some(other) => {
            return Err(format!(
                "claims schema version {other}; this claimcheck reads version \
                 {SCHEMA_VERSION}: re-run `claimcheck claims --format parquet`"
            ))
        }
        None => {
            return Err(format!(
                "a Parquet file without `{SCHEMA_KEY}` metadata: not written by \
                 `claimcheck claims --format parquet`"
            ))
        }
    }
    let batches = builder
        .with_batch_size(8192)
        .build()
        .map_err(|e| format!("cannot read the Parquet file ({e})"))?;
    let mut tally = Tally::default();
    let mut row = 0;
    for batch in batches {
        let batch = match batch {
            Ok(b) => b,
            Err(e) => {
                reader.problem(
                    path,
                    Some(row + 1),
                    format!("cannot read after row {row} ({e}): the rest is lost"),
                );
                break;
            }
        };
        let view = View::of(&batch)?;
        for i in 0..batch.num_rows() {
            row += 1;
            let line = view.line(i).map_err(|e| format!("not a claims row ({e})"));
            if !reader.take(path, &mut tally, row, "rows", line) {
                reader.end_file(path, &tally);
                return Ok(());
            }
        }
    }
    reader.end_file(path, &tally);
    Ok(())
}

/// A record batch's columns, typed.
struct View<'b> {
    kind: &'b StringArray,
    document: &'b StringArray,
    record: &'b StringArray,
    published: &'b Date32Array,
    pos: [&'b UInt64Array; 6],
    text: &'b StringArray,
    subject: &'b StringArray,
    document_subject: &'b StringArray,
    subject_key: &'b StringArray,
    subject_resolved: &'b BooleanArray,
    value: &'b StringArray,
    value_start: &'b UInt64Array,
    value_end: &'b UInt64Array,
    pattern: &'b StringArray,
    office: &'b StringArray,
    rank: &'b StringArray,
    org: &'b StringArray,
    head: &'b StringArray,
    qualifiers: &'b ListArray,
    portfolio: &'b ListArray,
    domain: &'b ListArray,
    title_time: &'b StringArray,
    descriptive: &'b BooleanArray,
    action: &'b StringArray,
    place: &'b StringArray,
    amount: &'b Float64Array,
    event_date: Times<'b>,
    relation: &'b StringArray,
    slots: &'b ListArray,
    resolved: Times<'b>,
    weekday_mismatch: &'b StringArray,
    bytes: &'b UInt64Array,
    rules: &'b StringArray,
    /// Copy-family signatures (`None`: a file written before they were).
    signature: Option<&'b StringArray>,
    /// Documents' capitalised words (`None`: a file written without them).
    names: Option<&'b ListArray>,
}

/// A time struct column's parts.
struct Times<'b> {
    all: &'b StructArray,
    start: &'b TimestampMicrosecondArray,
    end: &'b TimestampMicrosecondArray,
    grain: &'b StringArray,
    kind: &'b StringArray,
    other_start: &'b TimestampMicrosecondArray,
    other_end: &'b TimestampMicrosecondArray,
}

fn column<'b, A: Array + 'static>(batch: &'b RecordBatch, name: &str) -> Result<&'b A, String> {
    let expected = schema();
    let want = expected
        .field_with_name(name)
        .map(|f| f.data_type().clone())
        .map_err(|e| e.to_string())?;
    let col = batch
        .column_by_name(name)
        .ok_or_else(|| format!("not a claims table: no column `{name}`"))?;
    if col.data_type() != &want {
        return Err(format!(
            "not a claims table: column `{name}` is {}, expected {want}",
            col.data_type()
        ));
    }
    col.as_any()
        .downcast_ref::<A>()
        .ok_or_else(|| format!("not a claims table: column `{name}` has an unexpected type"))
}

fn child<'b, A: Array + 'static>(s: &'b StructArray, name: &str) -> Result<&'b A, String> {
    s.column_by_name(name)
        .and_then(|c| c.as_any().downcast_ref::<A>())
        .ok_or_else(|| format!("not a claims table: no field `{name}` of the expected type"))
}

impl<'b> Times<'b> {
    fn of(all: &'b StructArray) -> Result<Times<'b>, String> {
        Ok(Times {
            all,
            start: child(all, "start")?,
            end: child(all, "end")?,
            grain: child(all, "grain")?,
            kind: child(all, "kind")?,
            other_start: child(all, "other_start")?,
            other_end: child(all, "other_end")?,
        })
    }

    fn get(&self, i: usize) -> Result<Option<TimeValue>, String> {
        if self.all.is_null(i) {
            return Ok(None);
        }
        let start = micros_time(self.start.value(i)).ok_or("a time out of range")?;
        let end = match self.end.is_null(i) {
            true => None,
            false => Some(micros_time(self.end.value(i)).ok_or("a time out of range")?),
        };
        let grain: Grain = enum_of(self.grain.value(i)).ok_or("an unknown time grain")?;
        let kind: TimeKind = enum_of(self.kind.value(i)).ok_or("an unknown time kind")?;
        let other = match self.other_start.is_null(i) || self.other_end.is_null(i) {
            true => None,
            false => Some((
                micros_time(self.other_start.value(i)).ok_or("a time out of range")?,
                micros_time(self.other_end.value(i)).ok_or("a time out of range")?,
            )),
        };
        Ok(Some(TimeValue {
            start,
            end,
            grain,
            kind,
            other,
        }))
    }
}

fn opt_str(a: &StringArray, i: usize) -> Option<String> {
    (!a.is_null(i)).then(|| a.value(i).to_string())
}

fn need_str(a: &StringArray, i: usize, name: &str) -> Result<String, String> {
    opt_str(a, i).ok_or_else(|| format!("`{name}` is null"))
}

fn need_u64(a: &UInt64Array, i: usize, name: &str) -> Result<usize, String> {
    if a.is_null(i) {
        return Err(format!("`{name}` is null"));
    }
    usize::try_from(a.value(i)).map_err(|_| format!("`{name}` is out of range"))
}

fn need_bool(a: &BooleanArray, i: usize, name: &str) -> Result<bool, String> {
    (!a.is_null(i))
        .then(|| a.value(i))
        .ok_or_else(|| format!("`{name}` is null"))
}

fn list_strs(a: &ListArray, i: usize, name: &str) -> Result<Vec<String>, String> {
    if a.is_null(i) {
        return Err(format!("`{name}` is null"));
    }
    let items = a.value(i);
    let items = items
        .as_any()
        .downcast_ref::<StringArray>()
        .ok_or_else(|| format!("`{name}` is not a list of strings"))?;
    Ok(items.iter().map(|s| s.unwrap_or("").to_string()).collect())
}

impl<'b> View<'b> {
    fn of(b: &'b RecordBatch) -> Result<View<'b>, String> {
        let times = |name: &str| column::<StructArray>(b, name).and_then(Times::of);
        Ok(View {
            kind: column(b, "kind")?,
            document: column(b, "document")?,
            record: column(b, "record")?,
            published: column(b, "published")?,
            pos: [
                column(b, "start")?,
                column(b, "end")?,
                column(b, "line")?,
                column(b, "column")?,
                column(b, "end_line")?,
                column(b, "end_column")?,
            ],
            text: column(b, "text")?,
            subject: column(b, "subject")?,
            document_subject: column(b, "document_subject")?,
            subject_key: column(b, "subject_key")?,
            subject_resolved: column(b, "subject_resolved")?,
            value: column(b, "value")?,
            value_start: column(b, "value_start")?,
            value_end: column(b, "value_end")?,
            pattern: column(b, "pattern")?,
            office: column(b, "title_office")?,
            rank: column(b, "title_rank")?,
            org: column(b, "title_org")?,
            head: column(b, "title_head")?,
            qualifiers: column(b, "title_qualifiers")?,
            portfolio: column(b, "title_portfolio")?,
            domain: column(b, "title_domain")?,
            title_time: column(b, "title_time")?,
            descriptive: column(b, "title_descriptive")?,
            action: column(b, "event_action")?,
            place: column(b, "event_place")?,
            amount: column(b, "event_amount")?,
            event_date: times("event_date")?,
            relation: column(b, "relation")?,
            slots: column(b, "slots")?,
            resolved: times("resolved")?,
            weekday_mismatch: column(b, "weekday_mismatch")?,
            bytes: column(b, "bytes")?,
            rules: column(b, "rules")?,
            signature: match b.column_by_name("signature") {
                Some(_) => Some(column(b, "signature")?),
                None => None,
            },
            names: match b.column_by_name("names") {
                Some(_) => Some(column(b, "names")?),
                None => None,
            },
        })
    }

    fn published(&self, i: usize) -> Result<Option<Date>, String> {
        if self.published.is_null(i) {
            return Ok(None);
        }
        days_date(self.published.value(i))
            .map(Some)
            .ok_or_else(|| "`published` is out of range".to_string())
    }

    /// The row as the claims-file line it stands for.
    fn line(&self, i: usize) -> Result<Line, String> {
        if self.kind.is_null(i) || self.document.is_null(i) {
            return Err("`kind` or `document` is null".to_string());
        }
        let document = self.document.value(i).to_string();
        let record = opt_str(self.record, i);
        let published = self.published(i)?;
        let kind = self.kind.value(i);
        if kind == "document" {
            return Ok(Line::Document(DocumentLine {
                document,
                record,
                published,
                bytes: need_u64(self.bytes, i, "bytes")?,
                rules: opt_str(self.rules, i),
                signature: self.signature.and_then(|a| opt_str(a, i)),
                family: None,
                names: self.names(i)?,
                spread: None,
            }));
        }
        let names = ["start", "end", "line", "column", "end_line", "end_column"];
        let mut p = [0usize; 6];
        for (k, (a, name)) in self.pos.iter().zip(names).enumerate() {
            p[k] = need_u64(a, i, name)?;
        }
        let text = need_str(self.text, i, "text")?;
        let pattern = need_str(self.pattern, i, "pattern")?;
        macro_rules! positioned {
            ($name:ident { $($field:ident: $value:expr,)* }) => {
                $name {
                    document,
                    record,
                    start: p[0],
                    end: p[1],
                    line: p[2],
                    column: p[3],
                    end_line: p[4],
                    end_column: p[5],
                    text,
                    published,
                    $($field: $value,)*
                }
            };
        }
        match kind {
            "date" => Ok(Line::Date(positioned!(DateLine {
                subject: None,
                value: None,
                normalized: None,
                time: None,
                pattern: pattern,
                weekday_mismatch: opt_str(self.weekday_mismatch, i),
                resolved: self.resolved.get(i)?,
            }))),
            "name" => Ok(Line::Name(positioned!(NameLine {
                subject: need_str(self.subject, i, "subject")?,
                value: need_str(self.value, i, "value")?,
                normalized: None,
                time: None,
                pattern: pattern,
            }))),
            "title" | "event" | "number" | "relation" => {
                let qualifiers = list_strs(self.qualifiers, i, "title_qualifiers")?;
                let time: TitleTime = enum_of(&need_str(self.title_time, i, "title_time")?)
                    .ok_or("an unknown `title_time`")?;
                let normalized = Normalized {
                    office: opt_str(self.office, i),
                    rank: opt_str(self.rank, i),
                    org: opt_str(self.org, i),
                    head: need_str(self.head, i, "title_head")?,
                    qualifiers: qualifiers.clone(),
                    portfolio: list_strs(self.portfolio, i, "title_portfolio")?
                        .into_iter()
                        .collect(),
                    domain: list_strs(self.domain, i, "title_domain")?
                        .into_iter()
                        .collect(),
                    time,
                    descriptive: need_bool(self.descriptive, i, "title_descriptive")?,
                };
                let event = match opt_str(self.action, i) {
                    Some(action) => Some(Event {
                        action,
                        place: opt_str(self.place, i),
                        amount: (!self.amount.is_null(i)).then(|| self.amount.value(i)),
                        date: self.event_date.get(i)?,
                    }),
                    None => None,
                };
                let facts = match opt_str(self.relation, i) {
                    Some(relation) => Some(Facts {
                        relation,
                        slots: self.slots(i)?,
                    }),
                    None => None,
                };
                let line = positioned!(ClaimLine {
                    subject: need_str(self.subject, i, "subject")?,
                    document_subject: need_str(self.document_subject, i, "document_subject")?,
                    subject_key: need_str(self.subject_key, i, "subject_key")?,
                    subject_resolved: need_bool(self.subject_resolved, i, "subject_resolved")?,
                    value: need_str(self.value, i, "value")?,
                    value_start: need_u64(self.value_start, i, "value_start")?,
                    value_end: need_u64(self.value_end, i, "value_end")?,
                    normalized: normalized,
                    time: None,
                    pattern: pattern,
                    qualifiers: qualifiers,
                    event: event,
                    facts: facts,
                });
                Ok(match kind {
                    "title" => Line::Title(line),
                    "event" => Line::Event(line),
                    "number" => Line::Number(line),
                    _ => Line::Relation(line),
                })
            }
            other => Err(format!("unknown kind `{other}`")),
        }
    }

    /// A document row's capitalised words (none in files written without
    /// the `names` column or without a `name-form` check).
    fn names(&self, i: usize) -> Result<Option<Vec<NameWire>>, String> {
        let Some(names) = self.names.filter(|a| !a.is_null(i)) else {
            return Ok(None);
        };
        let words = names.value(i);
        let s = words
            .as_any()
            .downcast_ref::<StructArray>()
            .ok_or("`names` is not a list of structs")?;
        let text: &StringArray = child(s, "text")?;
        let [offset, line, column]: [&UInt64Array; 3] =
            [child(s, "offset")?, child(s, "line")?, child(s, "column")?];
        let mid: &BooleanArray = child(s, "mid")?;
        let lower: &BooleanArray = child(s, "lower")?;
        let u32_ = |a: &UInt64Array, k: usize, name: &str| {
            need_u64(a, k, name).map(|v| u32::try_from(v).unwrap_or(u32::MAX))
        };
        (0..s.len())
            .map(|k| {
                let flags = u8::from(need_bool(mid, k, "names.mid")?)
                    | (u8::from(need_bool(lower, k, "names.lower")?) << 1);
                Ok(NameWire(
                    need_str(text, k, "names.text")?,
                    u32_(offset, k, "names.offset")?,
                    u32_(line, k, "names.line")?,
                    u32_(column, k, "names.column")?,
                    flags,
                ))
            })
            .collect::<Result<Vec<_>, String>>()
            .map(Some)
    }

    fn slots(&self, i: usize) -> Result<Vec<SlotFill>, String> {
        if self.slots.is_null(i) {
            return Ok(Vec::new());
        }
        let fills = self.slots.value(i);
        let s = fills
            .as_any()
            .downcast_ref::<StructArray>()
            .ok_or("`slots` is not a list of structs")?;
        let slot: &StringArray = child(s, "slot")?;
        let text: &StringArray = child(s, "text")?;
        let ty: &StringArray = child(s, "type")?;
        let key: &StringArray = child(s, "key")?;
        let name: &StringArray = child(s, "name")?;
        let folded: &StringArray = child(s, "folded")?;
        let date = Times::of(child(s, "date")?)?;
        let low: &Float64Array = child(s, "low")?;
        let high: &Float64Array = child(s, "high")?;
        let low_open: &BooleanArray = child(s, "low_open")?;
        let high_open: &BooleanArray = child(s, "high_open")?;
        let mut out = Vec::with_capacity(s.len());
        for k in 0..s.len() {
            let value = match ty.value(k) {
                "person" => SlotValue::Person {
                    key: need_str(key, k, "slots.key")?,
                    name: need_str(name, k, "slots.name")?,
                },
                "place" => SlotValue::Place {
                    name: need_str(name, k, "slots.name")?,
                },
                "text" => SlotValue::Text {
                    folded: need_str(folded, k, "slots.folded")?,
                },
                "date" => SlotValue::Date {
                    value: date.get(k)?,
                },
                "quantity" => SlotValue::Quantity {
                    low: (!low.is_null(k))
                        .then(|| low.value(k))
                        .ok_or("`slots.low` is null")?,
                    high: (!high.is_null(k)).then(|| high.value(k)),
                    low_open: need_bool(low_open, k, "slots.low_open")?,
                    high_open: need_bool(high_open, k, "slots.high_open")?,
                },
                other => return Err(format!("unknown slot type `{other}`")),
            };
            out.push(SlotFill {
                slot: need_str(slot, k, "slots.slot")?,
                text: need_str(text, k, "slots.text")?,
                value,
            });
        }
        Ok(out)
    }
}
