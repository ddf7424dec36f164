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

use serde::Deserialize;
use serde::de::value::MapAccessDeserializer;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;

use super::envelope::{DataType, DataTypeKind, PayloadForm};
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
}

impl Captured {
    /// The payload, typed by `kind` (the envelope's, once all its keys are read). Faults are
    /// returned with `payload` in front of their path.
    pub(super) fn into_payload(
        self,
        kind: &DataType,
    ) -> Result<(Payload, PayloadForm), crate::Error> {
        let within_payload = |e: crate::Error| e.within("payload");
        match self {
            Self::Decoded(payload, form) => Ok((payload, form)),
            Self::Text(text) => Ok((
                Payload::decode(kind, &text).map_err(within_payload)?,
                PayloadForm::Stringified,
            )),
            Self::Json(json) if Payload::is_modelled(kind.kind()) => Ok((
                Payload::decode(kind, json.get()).map_err(within_payload)?,
                PayloadForm::Object,
            )),
            Self::Json(json) => Ok((Payload::Other(json), PayloadForm::Object)),
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

    /// Types a stringified payload's text now that its kind is known. A fault's path starts
    /// inside the payload; serde puts `payload` in front, as the value being read.
    fn decode_text<E: de::Error>(kind: &DataType, text: &str) -> Result<Captured, E> {
        Payload::decode(kind, text)
            .map(|payload| Captured::Decoded(payload, PayloadForm::Stringified))
            .map_err(|e| E::custom(e.to_payload_message()))
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
        f.write_str("the event payload: a JSON object, or a string holding one")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Captured, E> {
        match self.kind {
            Some(kind) => Self::decode_text(kind, v),
            None => Ok(Captured::Text(v.to_owned())),
        }
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Captured, E> {
        match self.kind {
            Some(kind) => Self::decode_text(kind, &v),
            None => Ok(Captured::Text(v)),
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Captured, A::Error> {
        if let Some(kind) = self.modelled() {
            let payload = Payload::from_map(kind.kind(), MapAccessDeserializer::new(map))?;
            return Ok(Captured::Decoded(payload, PayloadForm::Object));
        }
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
        RawJson::from_string(json)
            .map(Captured::Json)
            .map_err(de::Error::custom)
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

impl Payload {
    /// Whether this crate models payloads of `kind`.
    pub(crate) const fn is_modelled(kind: DataTypeKind) -> bool {
        matches!(
            kind,
            DataTypeKind::Customers
                | DataTypeKind::Appointments
                | DataTypeKind::Mpis
                | DataTypeKind::ServiceOrders
        )
    }

    /// Decodes a modelled kind's payload from a map being read.
    fn from_map<'de, A: MapAccess<'de>>(
        kind: DataTypeKind,
        map: MapAccessDeserializer<A>,
    ) -> Result<Self, A::Error> {
        Ok(match kind {
            DataTypeKind::Customers => Self::Customer(Deserialize::deserialize(map)?),
            DataTypeKind::Appointments => Self::Appointment(Deserialize::deserialize(map)?),
            DataTypeKind::Mpis => Self::Mpi(Deserialize::deserialize(map)?),
            DataTypeKind::ServiceOrders => Self::ServiceOrder(Deserialize::deserialize(map)?),
            _ => return Err(de::Error::custom("payloads of this kind are not modelled")),
        })
    }
}
