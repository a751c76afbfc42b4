//! JSON with every object's keys sorted, byte for byte what writing a
//! `serde_json::Value` gives, without building the `Value`.
//!
//! Claims-file lines are written with sorted keys (`serde_json::Value`
//! keeps its maps in a `BTreeMap`). Going through a `Value` allocates a
//! string per key and per string value and a tree node per field, and
//! frees them all again: on `claimcheck claims` over Reuters that was
//! half the cost of writing. This serializer writes each value straight
//! into one buffer; an object writes its members there as they come,
//! then puts them in key order (a key given twice keeps its last value,
//! as a map insert does). Scalars and strings are written by
//! `serde_json` itself, so numbers and escapes are its own.
//!
//! What a `Value` would write differently (an `f32`, which it widens to
//! `f64`; 128-bit integers and bytes; keys that are neither strings,
//! integers, booleans nor unit variants) is refused with
//! [`Unsupported`], and [`to_writer`] then writes through the `Value`
//! after all: the output is the same either way.

use std::borrow::Cow;
use std::fmt::Display;
use std::io::{self, Write};

use serde::ser::{self, Serialize};

/// Writes `value` as one JSON text with sorted keys, exactly as
/// `serde_json::to_writer(out, &serde_json::to_value(value)?)` does.
pub fn to_writer<T: Serialize + ?Sized>(out: &mut dyn Write, value: &T) -> io::Result<()> {
    let mut buf = Vec::with_capacity(1024);
    match value.serialize(Sorted { buf: &mut buf }) {
        Ok(()) => out.write_all(&buf),
        Err(_) => {
            let value = serde_json::to_value(value)?;
            serde_json::to_writer(&mut *out, &value)?;
            Ok(())
        }
    }
}

/// Why [`Sorted`] did not write a value: a form whose `Value` rendering
/// it does not reproduce, or a `Serialize` implementation's own error.
#[derive(Debug)]
pub struct Unsupported(String);

impl Display for Unsupported {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Unsupported {}

impl ser::Error for Unsupported {
    fn custom<M: Display>(msg: M) -> Self {
        Unsupported(msg.to_string())
    }
}

fn unsupported<T>(what: &str) -> Result<T, Unsupported> {
    Err(Unsupported(what.to_string()))
}

/// A scalar written by `serde_json` into `buf`.
fn plain<T: Serialize + ?Sized>(buf: &mut Vec<u8>, value: &T) -> Result<(), Unsupported> {
    serde_json::to_writer(buf, value).map_err(|e| Unsupported(e.to_string()))
}

/// The serializer: appends to `buf`.
struct Sorted<'b> {
    buf: &'b mut Vec<u8>,
}

impl<'b> ser::Serializer for Sorted<'b> {
    type Ok = ();
    type Error = Unsupported;
    type SerializeSeq = Array<'b>;
    type SerializeTuple = Array<'b>;
    type SerializeTupleStruct = Array<'b>;
    type SerializeTupleVariant = Array<'b>;
    type SerializeMap = Object<'b>;
    type SerializeStruct = Object<'b>;
    type SerializeStructVariant = Object<'b>;

    fn serialize_bool(self, v: bool) -> Result<(), Unsupported> {
        plain(self.buf, &v)
    }
    fn serialize_i8(self, v: i8) -> Result<(), Unsupported> {
        plain(self.buf, &v)
    }
    fn serialize_i16(self, v: i16) -> Result<(), Unsupported> {
        plain(self.buf, &v)
    }
    fn serialize_i32(self, v: i32) -> Result<(), Unsupported> {
        plain(self.buf, &v)
    }
    fn serialize_i64(self, v: i64) -> Result<(), Unsupported> {
        plain(self.buf, &v)
    }
    fn serialize_u8(self, v: u8) -> Result<(), Unsupported> {
        plain(self.buf, &v)
    }
    fn serialize_u16(self, v: u16) -> Result<(), Unsupported> {
        plain(self.buf, &v)
    }
    fn serialize_u32(self, v: u32) -> Result<(), Unsupported> {
        plain(self.buf, &v)
    }
    fn serialize_u64(self, v: u64) -> Result<(), Unsupported> {
        plain(self.buf, &v)
    }
    fn serialize_i128(self, _: i128) -> Result<(), Unsupported> {
        unsupported("i128")
    }
    fn serialize_u128(self, _: u128) -> Result<(), Unsupported> {
        unsupported("u128")
    }
    fn serialize_f32(self, _: f32) -> Result<(), Unsupported> {
        // A `Value` holds it as an `f64` and writes more digits.
        unsupported("f32")
    }
    fn serialize_f64(self, v: f64) -> Result<(), Unsupported> {
        // Not finite: `null`, as a `Value` (which holds no such number).
        plain(self.buf, &v)
    }
    fn serialize_char(self, v: char) -> Result<(), Unsupported> {
        plain(self.buf, &v)
    }
    fn serialize_str(self, v: &str) -> Result<(), Unsupported> {
        plain(self.buf, v)
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), Unsupported> {
        unsupported("bytes")
    }
    fn serialize_none(self) -> Result<(), Unsupported> {
        self.serialize_unit()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Unsupported> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Unsupported> {
        self.buf.extend_from_slice(b"null");
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Unsupported> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), Unsupported> {
        plain(self.buf, variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Unsupported> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Unsupported> {
        // `{"variant": value}`: one key, nothing to sort.
        self.buf.push(b'{');
        plain(self.buf, variant)?;
        self.buf.push(b':');
        value.serialize(Sorted { buf: self.buf })?;
        self.buf.push(b'}');
        Ok(())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Array<'b>, Unsupported> {
        Ok(Array::open(self.buf, None))
    }
    fn serialize_tuple(self, len: usize) -> Result<Array<'b>, Unsupported> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<Array<'b>, Unsupported> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Array<'b>, Unsupported> {
        self.buf.push(b'{');
        plain(self.buf, variant)?;
        self.buf.push(b':');
        Ok(Array::open(self.buf, Some(())))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Object<'b>, Unsupported> {
        Ok(Object::open(self.buf, false))
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Object<'b>, Unsupported> {
        Ok(Object::open(self.buf, false))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Object<'b>, Unsupported> {
        self.buf.push(b'{');
        plain(self.buf, variant)?;
        self.buf.push(b':');
        Ok(Object::open(self.buf, true))
    }
}

/// An array being written; `variant` closes the `{"variant": …}` around
/// a tuple variant's.
struct Array<'b> {
    buf: &'b mut Vec<u8>,
    first: bool,
    variant: Option<()>,
}

impl<'b> Array<'b> {
    fn open(buf: &'b mut Vec<u8>, variant: Option<()>) -> Array<'b> {
        buf.push(b'[');
        Array {
            buf,
            first: true,
            variant,
        }
    }

    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsupported> {
        if !std::mem::take(&mut self.first) {
            self.buf.push(b',');
        }
        value.serialize(Sorted { buf: self.buf })
    }

    fn close(self) -> Result<(), Unsupported> {
        self.buf.push(b']');
        if self.variant.is_some() {
            self.buf.push(b'}');
        }
        Ok(())
    }
}

impl ser::SerializeSeq for Array<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsupported> {
        self.element(value)
    }
    fn end(self) -> Result<(), Unsupported> {
        self.close()
    }
}

impl ser::SerializeTuple for Array<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsupported> {
        self.element(value)
    }
    fn end(self) -> Result<(), Unsupported> {
        self.close()
    }
}

impl ser::SerializeTupleStruct for Array<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsupported> {
        self.element(value)
    }
    fn end(self) -> Result<(), Unsupported> {
        self.close()
    }
}

impl ser::SerializeTupleVariant for Array<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsupported> {
        self.element(value)
    }
    fn end(self) -> Result<(), Unsupported> {
        self.close()
    }
}

/// An object being written: its members go into `buf` from `start` as
/// they come (values only), and are put in key order when it ends.
struct Object<'b> {
    buf: &'b mut Vec<u8>,
    start: usize,
    /// Each member: its key, and where its value is in `buf`.
    members: Vec<(Cow<'static, str>, usize, usize)>,
    /// The key [`ser::SerializeMap::serialize_key`] gave, until its value
    /// comes.
    key: Option<String>,
    /// Closes the `{"variant": …}` around a struct variant's object.
    variant: bool,
}

impl<'b> Object<'b> {
    fn open(buf: &'b mut Vec<u8>, variant: bool) -> Object<'b> {
        let start = buf.len();
        Object {
            buf,
            start,
            members: Vec::with_capacity(32),
            key: None,
            variant,
        }
    }

    fn member<T: Serialize + ?Sized>(
        &mut self,
        key: Cow<'static, str>,
        value: &T,
    ) -> Result<(), Unsupported> {
        let at = self.buf.len();
        value.serialize(Sorted { buf: self.buf })?;
        self.members.push((key, at, self.buf.len()));
        Ok(())
    }

    /// Writes the members in key order after their values as written,
    /// then moves the object down in place of those.
    fn close(mut self) -> Result<(), Unsupported> {
        let end = self.buf.len();
        // Stable: of one key given twice, the last comes last, and wins.
        self.members.sort_by(|a, b| a.0.cmp(&b.0));
        self.buf.push(b'{');
        let mut first = true;
        for (k, (key, from, to)) in self.members.iter().enumerate() {
            if self.members.get(k + 1).is_some_and(|next| next.0 == *key) {
                continue;
            }
            if !std::mem::take(&mut first) {
                self.buf.push(b',');
            }
            plain(self.buf, key.as_ref())?;
            self.buf.push(b':');
            self.buf.extend_from_within(*from..*to);
        }
        self.buf.push(b'}');
        if self.variant {
            self.buf.push(b'}');
        }
        let written = self.buf.len() - end;
        self.buf.copy_within(end.., self.start);
        self.buf.truncate(self.start + written);
        Ok(())
    }
}

impl ser::SerializeStruct for Object<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Unsupported> {
        self.member(Cow::Borrowed(key), value)
    }
    fn end(self) -> Result<(), Unsupported> {
        self.close()
    }
}

impl ser::SerializeStructVariant for Object<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Unsupported> {
        self.member(Cow::Borrowed(key), value)
    }
    fn end(self) -> Result<(), Unsupported> {
        self.close()
    }
}

impl ser::SerializeMap for Object<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Unsupported> {
        self.key = Some(key.serialize(KeyString)?);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsupported> {
        let key = self
            .key
            .take()
            .ok_or_else(|| Unsupported("a value without a key".into()))?;
        self.member(Cow::Owned(key), value)
    }
    fn end(self) -> Result<(), Unsupported> {
        self.close()
    }
}

/// A map key as the string a `Value`'s map holds for it.
struct KeyString;

impl ser::Serializer for KeyString {
    type Ok = String;
    type Error = Unsupported;
    type SerializeSeq = ser::Impossible<String, Unsupported>;
    type SerializeTuple = ser::Impossible<String, Unsupported>;
    type SerializeTupleStruct = ser::Impossible<String, Unsupported>;
    type SerializeTupleVariant = ser::Impossible<String, Unsupported>;
    type SerializeMap = ser::Impossible<String, Unsupported>;
    type SerializeStruct = ser::Impossible<String, Unsupported>;
    type SerializeStructVariant = ser::Impossible<String, Unsupported>;

    fn serialize_bool(self, v: bool) -> Result<String, Unsupported> {
        Ok(v.to_string())
    }
    fn serialize_i8(self, v: i8) -> Result<String, Unsupported> {
        Ok(v.to_string())
    }
    fn serialize_i16(self, v: i16) -> Result<String, Unsupported> {
        Ok(v.to_string())
    }
    fn serialize_i32(self, v: i32) -> Result<String, Unsupported> {
        Ok(v.to_string())
    }
    fn serialize_i64(self, v: i64) -> Result<String, Unsupported> {
        Ok(v.to_string())
    }
    fn serialize_u8(self, v: u8) -> Result<String, Unsupported> {
        Ok(v.to_string())
    }
    fn serialize_u16(self, v: u16) -> Result<String, Unsupported> {
        Ok(v.to_string())
    }
    fn serialize_u32(self, v: u32) -> Result<String, Unsupported> {
        Ok(v.to_string())
    }
    fn serialize_u64(self, v: u64) -> Result<String, Unsupported> {
        Ok(v.to_string())
    }
    fn serialize_f32(self, _: f32) -> Result<String, Unsupported> {
        unsupported("a float key")
    }
    fn serialize_f64(self, _: f64) -> Result<String, Unsupported> {
        unsupported("a float key")
    }
    fn serialize_char(self, v: char) -> Result<String, Unsupported> {
        Ok(v.to_string())
    }
    fn serialize_str(self, v: &str) -> Result<String, Unsupported> {
        Ok(v.to_string())
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<String, Unsupported> {
        unsupported("a bytes key")
    }
    fn serialize_none(self) -> Result<String, Unsupported> {
        unsupported("a null key")
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<String, Unsupported> {
        unsupported("an optional key")
    }
    fn serialize_unit(self) -> Result<String, Unsupported> {
        unsupported("a null key")
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<String, Unsupported> {
        unsupported("a null key")
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<String, Unsupported> {
        Ok(variant.to_string())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<String, Unsupported> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<String, Unsupported> {
        unsupported("a variant key")
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Unsupported> {
        unsupported("a sequence key")
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Unsupported> {
        unsupported("a tuple key")
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, Unsupported> {
        unsupported("a tuple key")
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Unsupported> {
        unsupported("a variant key")
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Unsupported> {
        unsupported("a map key")
    }
    fn serialize_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStruct, Unsupported> {
        unsupported("a struct key")
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Unsupported> {
        unsupported("a variant key")
    }
}

#[cfg(test)]
mod tests {
    use super::to_writer;
    use serde::Serialize;
    use std::collections::{BTreeMap, HashMap};

    /// What a `Value` writes.
    fn reference<T: Serialize>(value: &T) -> String {
        serde_json::to_string(&serde_json::to_value(value).unwrap()).unwrap()
    }

    fn sorted<T: Serialize>(value: &T) -> String {
        let mut out = Vec::new();
        to_writer(&mut out, value).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[derive(Serialize)]
    #[serde(tag = "kind", rename_all = "lowercase")]
    enum Tagged {
        Line {
            zeta: Option<f64>,
            alpha: String,
            nested: Inner,
            #[serde(skip_serializing_if = "Option::is_none")]
            skipped: Option<u8>,
            list: Vec<Inner>,
            unit: Option<()>,
        },
        Other(Inner),
    }

    #[derive(Serialize)]
    struct Inner {
        b: i64,
        a: (u32, &'static str),
        c: Plain,
        d: Newtype,
        e: Shape,
    }

    #[derive(Serialize)]
    #[serde(rename_all = "kebab-case")]
    enum Plain {
        OpenAfter,
    }

    #[derive(Serialize)]
    struct Newtype(f64);

    #[derive(Serialize)]
    enum Shape {
        Point { y: f64, x: f64 },
    }

    fn inner(b: i64) -> Inner {
        Inner {
            b,
            a: (7, "quote \" and \\ and \u{1} and é"),
            c: Plain::OpenAfter,
            d: Newtype(f64::NAN),
            e: Shape::Point { y: 0.1, x: -2e300 },
        }
    }

    #[test]
    fn writes_what_a_value_writes() {
        let line = Tagged::Line {
            zeta: Some(1.5),
            alpha: "a\nb".into(),
            nested: inner(-3),
            skipped: None,
            list: vec![inner(1), inner(2)],
            unit: None,
        };
        assert_eq!(sorted(&line), reference(&line));
        let other = Tagged::Other(inner(0));
        assert_eq!(sorted(&other), reference(&other));
        let mut map = HashMap::new();
        for k in ["b", "a", "c", "aa", "B", "é"] {
            map.insert(k, vec![k.len()]);
        }
        assert_eq!(sorted(&map), reference(&map));
        let numbers: BTreeMap<u32, bool> = [(10, true), (9, false), (100, true)].into();
        assert_eq!(sorted(&numbers), reference(&numbers));
    }

    #[test]
    fn falls_back_where_a_value_writes_otherwise() {
        // An f32 widened to f64 by the `Value` writes more digits.
        let v = vec![0.1f32];
        assert_eq!(sorted(&v), reference(&v));
        let b: BTreeMap<String, u128> = [("x".to_string(), 5)].into();
        assert_eq!(sorted(&b), reference(&b));
    }
}
