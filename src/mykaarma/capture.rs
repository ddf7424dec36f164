//! Reading an envelope's payload in the same pass as the envelope.
//!
//! The wire sends the payload as a JSON string holding JSON; the docs print it as an object;
//! and the kind that says how to type it may come before or after it. The kind comes first in
//! every documented example, so that is the fast path: a string payload is unescaped once and
//! parsed straight from `serde_json`'s buffer, an object payload is decoded in place from the
//! envelope's own parse (its errors then carry the body's own path and position). A payload
//! that comes before its kind is kept (the string's text, or the object's JSON) and typed
//! once the kind is known.

use std::fmt;

use serde::de::value::MapAccessDeserializer;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;

use super::envelope::PayloadForm;
use super::payload::DataType;
use super::payload::Payload;
use crate::wire::RawJson;

/// The payload as read from the envelope.
pub(super) enum Captured {
    /// Typed while reading: the kind came first.
    Decoded(Payload, PayloadForm),
    /// A stringified payload read before its kind: the unescaped text.
    Text(String),
    /// Any other payload read before its kind, or of a kind this crate does not model: its
    /// JSON (an object's members keep their text; white space between them is not kept).
    Json(RawJson),
    /// A stringified payload that did not decode: the fault, its path from the envelope. The
    /// envelope returns it once all its keys are read, so that every serde user sees it
    /// whole (see [`crate::Error::into_payload_message`]).
    Failed(crate::Error),
}

impl Captured {
    /// The payload, typed by `kind` (the envelope's, once all its keys are read). Faults are
    /// returned with `payload` in front of their path.
    pub(super) fn into_payload(
        self,
        kind: &DataType,
    ) -> Result<(Payload, PayloadForm), crate::Error> {
        match self {
            Self::Decoded(payload, form) => Ok((payload, form)),
            Self::Text(text) => PayloadSeed::decode_text(kind, &text).into_payload(kind),
            Self::Json(json) if Payload::is_modelled(kind.kind()) => {
                Payload::decode(kind, json.get())
                    .map(|payload| (payload, PayloadForm::Object))
                    .map_err(|e| e.within("payload"))
            }
            Self::Json(json) => Ok((Payload::Other(json), PayloadForm::Object)),
            Self::Failed(error) => Err(error),
        }
    }
}

/// Reads the `payload` value; `kind` is the envelope's kind if a kind key came before it.
pub(super) struct PayloadSeed<'k> {
    pub(super) kind: Option<&'k DataType>,
}

impl<'de> DeserializeSeed<'de> for PayloadSeed<'_> {
    type Value = Captured;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Captured, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl PayloadSeed<'_> {
    /// The kind, when it is known and modelled: the payload can be typed now.
    fn modelled(&self) -> Option<&DataType> {
        self.kind.filter(|kind| Payload::is_modelled(kind.kind()))
    }

    /// Types a stringified payload's text now that its kind is known; a fault is kept for
    /// the envelope to return.
    fn decode_text(kind: &DataType, text: &str) -> Captured {
        match Payload::decode(kind, text) {
            Ok(payload) => Captured::Decoded(payload, PayloadForm::Stringified),
            Err(error) => Captured::Failed(error.within("payload")),
        }
    }

    /// A payload that is neither a string nor an object: an error for a modelled kind, kept
    /// as JSON otherwise.
    fn scalar<E: de::Error>(
        self,
        unexpected: de::Unexpected<'_>,
        json: String,
    ) -> Result<Captured, E> {
        if self.modelled().is_some() {
            return Err(E::invalid_type(unexpected, &self));
        }
        RawJson::from_string(json)
            .map(Captured::Json)
            .map_err(E::custom)
    }
}

impl<'de> Visitor<'de> for PayloadSeed<'_> {
    type Value = Captured;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind.and_then(|kind| kind.kind().model()) {
            Some(model) => write!(f, "{} (a JSON object), or a string holding one", model.name),
            None => f.write_str("the event payload: a JSON object, or a string holding one"),
        }
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Captured, E> {
        match self.kind {
            Some(kind) => Ok(Self::decode_text(kind, v)),
            None => Ok(Captured::Text(v.to_owned())),
        }
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Captured, E> {
        match self.kind {
            Some(kind) => Ok(Self::decode_text(kind, &v)),
            None => Ok(Captured::Text(v)),
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Captured, A::Error> {
        match self.kind {
            Some(kind) => {
                let payload = Payload::typed(kind.kind(), MapAccessDeserializer::new(map), |d| {
                    d.deserialize_map(ObjectJson)
                })?;
                Ok(Captured::Decoded(payload, PayloadForm::Object))
            }
            None => ObjectJson.visit_map(map).map(Captured::Json),
        }
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Captured, A::Error> {
        if self.modelled().is_some() {
            return Err(de::Error::invalid_type(de::Unexpected::Seq, &self));
        }
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<Box<RawValue>>()? {
            items.push(item);
        }
        serde_json::to_string(&items)
            .and_then(RawJson::from_string)
            .map(Captured::Json)
            .map_err(de::Error::custom)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Captured, E> {
        self.scalar(de::Unexpected::Unit, "null".to_owned())
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Captured, E> {
        self.scalar(de::Unexpected::Bool(v), v.to_string())
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Captured, E> {
        self.scalar(de::Unexpected::Signed(v), v.to_string())
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Captured, E> {
        self.scalar(de::Unexpected::Unsigned(v), v.to_string())
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Captured, E> {
        let json =
            serde_json::Number::from_f64(v).map_or_else(|| "null".to_owned(), |n| n.to_string());
        self.scalar(de::Unexpected::Float(v), json)
    }
}

/// Keeps an object as JSON: each member's value as its raw text (white space between
/// members is not kept).
struct ObjectJson;

impl<'de> Visitor<'de> for ObjectJson {
    type Value = RawJson;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawJson, A::Error> {
        let mut json = String::from("{");
        while let Some(key) = map.next_key::<String>()? {
            let value = map.next_value::<Box<RawValue>>()?;
            if json.len() > 1 {
                json.push(',');
            }
            json.push_str(&serde_json::to_string(&key).map_err(de::Error::custom)?);
            json.push(':');
            json.push_str(value.get());
        }
        json.push('}');
        RawJson::from_string(json).map_err(de::Error::custom)
    }
}
