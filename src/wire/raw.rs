//! JSON kept verbatim.

use std::fmt;

use serde::de::{Deserialize, Deserializer};
use serde::ser::{Serialize, Serializer};
use serde_json::value::RawValue;

/// JSON whose shape the vendor does not document (it is only ever shown empty or `null`), or
/// whose kind the crate does not know yet, kept byte for byte as it arrived.
///
/// It is written back unchanged, and [`parse`](Self::parse) reads it into a type of your own
/// once you know its shape. Two values are equal when their JSON text is, apart from white
/// space between tokens (`{}` equals `{ }`); numbers and escapes compare as written.
#[derive(Clone)]
pub struct RawJson(Box<RawValue>);

impl RawJson {
    /// Checks that `json` is one JSON value and keeps it.
    ///
    /// # Errors
    /// When `json` is not exactly one JSON value.
    pub fn from_string(json: String) -> Result<Self, serde_json::Error> {
        RawValue::from_string(json).map(Self)
    }

    /// The JSON text, as it arrived.
    pub fn get(&self) -> &str {
        self.0.get()
    }

    /// Reads the JSON into `T`.
    ///
    /// # Errors
    /// When the JSON does not fit `T`; the error names the path inside this value.
    pub fn parse<'a, T: Deserialize<'a>>(&'a self) -> Result<T, crate::Error> {
        crate::from_slice(self.get().as_bytes())
    }

    /// The underlying [`RawValue`].
    pub fn into_inner(self) -> Box<RawValue> {
        self.0
    }
}

impl From<Box<RawValue>> for RawJson {
    fn from(raw: Box<RawValue>) -> Self {
        Self(raw)
    }
}

impl PartialEq for RawJson {
    fn eq(&self, other: &Self) -> bool {
        significant(self.get()).eq(significant(other.get()))
    }
}

/// The bytes of JSON text without the white space between tokens.
fn significant(json: &str) -> impl Iterator<Item = u8> + '_ {
    let (mut in_string, mut escaped) = (false, false);
    json.bytes().filter(move |&byte| {
        if in_string {
            match (escaped, byte) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            true
        } else {
            in_string = byte == b'"';
            !matches!(byte, b' ' | b'\t' | b'\n' | b'\r')
        }
    })
}

impl Eq for RawJson {}

impl fmt::Debug for RawJson {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "RawJson({})", self.get())
    }
}

impl<'de> Deserialize<'de> for RawJson {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Box::<RawValue>::deserialize(deserializer).map(Self)
    }
}

impl Serialize for RawJson {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

#[cfg(test)]
mod tests {
    use super::RawJson;

    fn raw(json: &str) -> RawJson {
        RawJson::from_string(json.to_owned()).unwrap()
    }

    #[test]
    fn equality_ignores_white_space_between_tokens_only() {
        assert_eq!(raw("{\n\n}"), raw("{}"));
        assert_eq!(raw(r#"{ "a" : [1, 2] }"#), raw(r#"{"a":[1,2]}"#));
        assert_ne!(raw(r#""a b""#), raw(r#""ab""#));
        assert_ne!(raw(r#""a\" b""#), raw(r#""a\"b""#));
        assert_ne!(raw("20.00"), raw("20"));
    }
}
