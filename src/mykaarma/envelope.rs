//! The envelope every myKaarma event arrives in.

use std::collections::BTreeMap;
use std::fmt;

use chrono::{DateTime, Utc};
use serde::de::{self, Deserialize, Deserializer, MapAccess, Visitor};
use serde::ser::{Error as _, Serialize, SerializeMap, Serializer};
use serde_with::de::DeserializeAsWrap;
use serde_with::ser::SerializeAsWrap;

use super::capture::{Captured, PayloadSeed};
use super::payload::{DataType, DataTypeKind, ENVELOPE, Payload};
use crate::wire::{EpochMillis, RawJson, open_enum};

open_enum! {
    /// The event type (wire `eventType`); the older docs send `pointintime` and call it
    /// `pointInTime`. The newer docs leave it out.
    pub struct EventType => EventTypeKind {
        /// A point-in-time event: the payload is the entity's state when the event fired.
        PointInTime = ["pointintime"],
    }
}

/// How the payload arrived, and so how encoding writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PayloadForm {
    /// A JSON string holding the payload's JSON, as myKaarma delivers it.
    Stringified,
    /// A JSON object, as the docs print it.
    Object,
}

/// Which keys carried the kind of data: the current docs use `type`, the older ones `dataType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KindKeys {
    /// Only `type`.
    Type,
    /// Only `dataType`.
    DataType,
    /// Both, with the same meaning.
    Both,
}

/// A myKaarma webhook event: the envelope and its payload, typed by kind.
///
/// The kind and the payload always agree: decoding types the payload by the kind, wherever
/// the kind appears among the keys, and [`Envelope::new`] refuses a payload of another kind.
/// Encoding writes the envelope's keys as the vendor does, the kind under the keys it
/// arrived under, and the payload in the [`PayloadForm`] it arrived in.
///
/// `id`, `timestamp`, the kind and `payload` are required: without them an event cannot be
/// typed, deduplicated or ordered, so their absence is an error, not a default.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Envelope {
    /// The unique event id (wire `id`); with [`event_type`](Self::event_type) the
    /// deduplication key, see [`dedup_key`](Self::dedup_key).
    pub id: String,
    /// When the event occurred, in UTC (wire `timestamp`, milliseconds since the epoch); it
    /// orders out-of-order deliveries, see [`is_newer_than`](Self::is_newer_than).
    pub timestamp: DateTime<Utc>,
    /// The dealer's 64-character identifier (wire `dealeruuid`).
    pub dealer_uuid: Option<String>,
    /// The dealer department's 64-character identifier (wire `departmentuuid`).
    pub department_uuid: Option<String>,
    /// The event type (wire `eventType`), `pointintime` in the older docs, absent in newer.
    pub event_type: Option<EventType>,
    /// Top-level keys this crate does not model, kept verbatim and written back after the
    /// others, so that a forwarded event loses nothing. The older docs list a `Source`
    /// attribute without saying how it is sent: see [`source`](Self::source).
    pub other: BTreeMap<String, RawJson>,
    kind: KindFields,
    payload: Payload,
    payload_form: PayloadForm,
}

/// The kind as sent, under the keys it was sent under (never neither).
#[derive(Debug, Clone, PartialEq, Eq)]
enum KindFields {
    Type(DataType),
    DataType(DataType),
    Both {
        type_key: DataType,
        data_type_key: DataType,
    },
}

impl KindFields {
    const fn kind(&self) -> &DataType {
        match self {
            Self::Type(kind) | Self::DataType(kind) | Self::Both { type_key: kind, .. } => kind,
        }
    }
}

/// The kind given to [`Envelope::new`] does not match the payload.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the payload is of kind {payload:?} but the envelope's kind is `{kind}`")]
pub struct KindMismatch {
    kind: String,
    payload: Option<DataTypeKind>,
}

impl Envelope {
    /// An event of kind `kind` carrying `payload`, written with the current docs' `type` key
    /// and the payload stringified, as myKaarma delivers it. Change either with
    /// [`with_kind_keys`](Self::with_kind_keys) and [`with_payload_form`](Self::with_payload_form).
    ///
    /// # Errors
    /// When `payload` is a typed payload of another kind than `kind`.
    pub fn new(
        id: impl Into<String>,
        timestamp: DateTime<Utc>,
        kind: DataType,
        payload: Payload,
    ) -> Result<Self, KindMismatch> {
        if let Some(payload_kind) = payload.kind()
            && payload_kind != kind.kind()
        {
            return Err(KindMismatch {
                kind: kind.as_str().to_owned(),
                payload: Some(payload_kind),
            });
        }
        Ok(Self {
            id: id.into(),
            timestamp,
            dealer_uuid: None,
            department_uuid: None,
            event_type: None,
            other: BTreeMap::new(),
            kind: KindFields::Type(kind),
            payload,
            payload_form: PayloadForm::Stringified,
        })
    }

    /// The same event, with its kind written under `keys`.
    #[must_use]
    pub fn with_kind_keys(mut self, keys: KindKeys) -> Self {
        let kind = self.kind().clone();
        self.kind = match keys {
            KindKeys::Type => KindFields::Type(kind),
            KindKeys::DataType => KindFields::DataType(kind),
            KindKeys::Both => KindFields::Both {
                type_key: kind.clone(),
                data_type_key: kind,
            },
        };
        self
    }

    /// The same event, with its payload written in `form`.
    #[must_use]
    pub const fn with_payload_form(mut self, form: PayloadForm) -> Self {
        self.payload_form = form;
        self
    }

    /// The kind of data the event carries, as sent under `type` (or `dataType`).
    pub fn kind(&self) -> &DataType {
        self.kind.kind()
    }

    /// Which keys carried the kind.
    pub const fn kind_keys(&self) -> KindKeys {
        match &self.kind {
            KindFields::Type(_) => KindKeys::Type,
            KindFields::DataType(_) => KindKeys::DataType,
            KindFields::Both { .. } => KindKeys::Both,
        }
    }

    /// The payload, typed by kind.
    pub const fn payload(&self) -> &Payload {
        &self.payload
    }

    /// The payload, typed by kind, by value.
    pub fn into_payload(self) -> Payload {
        self.payload
    }

    /// How the payload arrived, and so how it is written back.
    pub const fn payload_form(&self) -> PayloadForm {
        self.payload_form
    }

    /// Where the event was generated, such as `mykaarma.scheduler`, `mykaarma.customer` or
    /// `mykaarma.orders`: a top-level `Source` or `source` string, if the event carries one.
    ///
    /// The older docs list `Source` among an event's attributes ("the source where this
    /// event generated") but no documented example carries it, and they do not say whether
    /// it is a body key, how it is spelled on the wire, or what MPI and message events send.
    /// This reads the two likely spellings from [`other`](Self::other); `None` when neither
    /// is there or its value is not a string.
    pub fn source(&self) -> Option<String> {
        ["Source", "source"]
            .into_iter()
            .find_map(|key| self.other.get(key))
            .and_then(|raw| serde_json::from_str::<String>(raw.get()).ok())
    }

    /// The key to drop duplicate deliveries by: the event `id` with its `eventType`, as the
    /// docs advise. myKaarma retries a delivery that did not get a 2xx answer within 5 s, so
    /// the same event can arrive more than once.
    ///
    /// Two things look like duplicates and are not: an appointment change made in myKaarma
    /// arrives twice, first from myKaarma (for example `SCHEDULED`) and then from the DMS
    /// acknowledging it (`UPDATED`), as two events with their own ids; and customer events are
    /// coalesced, so several updates within one second arrive as one event with the final
    /// state. Both are full snapshots: apply the newest, see [`is_newer_than`](Self::is_newer_than).
    pub fn dedup_key(&self) -> DedupKey {
        DedupKey::new(&*self.id, self.event_type.as_ref().map(EventType::as_str))
    }

    /// Whether this event occurred after `other`, by `timestamp`: the docs' way to handle
    /// out-of-order delivery. Compare events about the same entity (see
    /// [`Payload::subject`]); an event that is not newer than the last one applied for its
    /// entity is stale. Timestamps have millisecond resolution, so two events can tie, and
    /// then neither is newer.
    pub fn is_newer_than(&self, other: &Self) -> bool {
        self.timestamp > other.timestamp
    }
}

/// The key to drop duplicate deliveries by: an event's `id` and `eventType`, owned, so that
/// it can be kept in a set or a store across requests.
///
/// The event type is kept in lower case, as it compares without regard to ASCII case
/// (`pointintime` is `pointInTime`). `Display` writes `id` or `id/eventtype`, for logs and as
/// a key in a key-value store; `Serialize` writes `{"id": …, "eventType": …}`, which
/// `Deserialize` reads back, for stores that keep JSON.
///
/// ```
/// use std::collections::HashSet;
/// use aftersales_webhooks::mykaarma::{DedupKey, Envelope};
///
/// let body = std::fs::read("fixtures/mykaarma/customer-legacy.wire.json").unwrap();
/// let mut seen: HashSet<DedupKey> = HashSet::new();
/// let first: Envelope = aftersales_webhooks::from_slice(&body)?;
/// assert!(seen.insert(first.dedup_key()), "a new event");
/// let again: Envelope = aftersales_webhooks::from_slice(&body)?;
/// assert!(!seen.insert(again.dedup_key()), "a redelivery");
/// assert_eq!(first.dedup_key().to_string(), format!("{}/pointintime", first.id));
/// # Ok::<(), aftersales_webhooks::Error>(())
/// ```
#[derive(
    Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct DedupKey {
    id: String,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lower_case"
    )]
    event_type: Option<String>,
}

impl DedupKey {
    /// The key of an event with this `id` and event type (wire `eventType`), if one was sent.
    pub fn new(id: impl Into<String>, event_type: Option<&str>) -> Self {
        Self {
            id: id.into(),
            event_type: event_type.map(str::to_ascii_lowercase),
        }
    }

    /// The event id (wire `id`).
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The event type (wire `eventType`) in lower case, when one was sent.
    pub fn event_type(&self) -> Option<&str> {
        self.event_type.as_deref()
    }
}

/// Reads a stored event type in lower case, as [`DedupKey::new`] keeps it.
fn lower_case<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
    Ok(Option::<String>::deserialize(deserializer)?.map(|text| text.to_ascii_lowercase()))
}

impl fmt::Display for DedupKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.event_type {
            Some(event_type) => write!(f, "{}/{event_type}", self.id),
            None => f.write_str(&self.id),
        }
    }
}

const FIELDS: &[&str] = &[
    "id",
    "timestamp",
    "dealeruuid",
    "departmentuuid",
    "type",
    "dataType",
    "eventType",
    "payload",
];

enum Field {
    Id,
    Timestamp,
    DealerUuid,
    DepartmentUuid,
    Type,
    DataType,
    EventType,
    Payload,
    Other(String),
}

impl<'de> Deserialize<'de> for Field {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct FieldVisitor;

        impl Visitor<'_> for FieldVisitor {
            type Value = Field;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an envelope key")
            }

            fn visit_str<E: de::Error>(self, key: &str) -> Result<Field, E> {
                Ok(match key {
                    "id" => Field::Id,
                    "timestamp" => Field::Timestamp,
                    "dealeruuid" => Field::DealerUuid,
                    "departmentuuid" => Field::DepartmentUuid,
                    "type" => Field::Type,
                    "dataType" => Field::DataType,
                    "eventType" => Field::EventType,
                    "payload" => Field::Payload,
                    other => Field::Other(other.to_owned()),
                })
            }
        }

        deserializer.deserialize_identifier(FieldVisitor)
    }
}

/// One envelope key's value: a key may occur once (as serde's derive requires): with duplicate
/// keys the event would be ambiguous, so neither copy wins. `null` and absence are alike.
struct Once<T> {
    seen: bool,
    value: Option<T>,
}

impl<T> Once<T> {
    const fn new() -> Self {
        Self {
            seen: false,
            value: None,
        }
    }

    fn set<E: de::Error>(&mut self, value: Option<T>, key: &'static str) -> Result<(), E> {
        if std::mem::replace(&mut self.seen, true) {
            return Err(E::duplicate_field(key));
        }
        self.value = value;
        Ok(())
    }

    fn required<E: de::Error>(self, key: &'static str) -> Result<T, E> {
        self.value.ok_or_else(|| E::missing_field(key))
    }
}

struct EnvelopeVisitor;

impl<'de> Visitor<'de> for EnvelopeVisitor {
    type Value = Envelope;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a myKaarma event envelope (a JSON object)")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Envelope, A::Error> {
        let mut id = Once::new();
        let mut timestamp = Once::new();
        let mut dealer_uuid = Once::new();
        let mut department_uuid = Once::new();
        let mut type_key: Once<DataType> = Once::new();
        let mut data_type_key: Once<DataType> = Once::new();
        let mut event_type = Once::new();
        let mut payload: Once<Captured> = Once::new();
        let mut other = BTreeMap::new();
        while let Some(key) = map.next_key::<Field>()? {
            match key {
                Field::Id => id.set(map.next_value()?, "id")?,
                Field::Timestamp => {
                    let value: Option<DeserializeAsWrap<DateTime<Utc>, EpochMillis>> =
                        map.next_value()?;
                    timestamp.set(value.map(DeserializeAsWrap::into_inner), "timestamp")?;
                }
                Field::DealerUuid => dealer_uuid.set(map.next_value()?, "dealeruuid")?,
                Field::DepartmentUuid => {
                    department_uuid.set(map.next_value()?, "departmentuuid")?;
                }
                Field::Type => type_key.set(map.next_value()?, "type")?,
                Field::DataType => data_type_key.set(map.next_value()?, "dataType")?,
                Field::EventType => event_type.set(map.next_value()?, "eventType")?,
                Field::Payload => {
                    let kind = type_key.value.as_ref().or(data_type_key.value.as_ref());
                    payload.set(Some(map.next_value_seed(PayloadSeed { kind })?), "payload")?;
                }
                Field::Other(key) => {
                    let value: RawJson = map.next_value()?;
                    crate::audit::note_key(&key)?;
                    if other.contains_key(&key) {
                        return Err(de::Error::custom(format_args!(
                            "duplicate field `{}`",
                            crate::wire::excerpt(&key)
                        )));
                    }
                    other.insert(key, value);
                }
            }
        }
        // The keys an event is known by, with a value: else this is no myKaarma event.
        let known = timestamp.value.is_some()
            || data_type_key.value.is_some()
            || payload.value.is_some()
            || dealer_uuid.value.is_some()
            || department_uuid.value.is_some()
            || event_type.value.is_some();
        if !known {
            let keys = ["id", "type"]
                .into_iter()
                .filter(|key| match *key {
                    "id" => id.value.is_some(),
                    _ => type_key.value.is_some(),
                })
                .chain(other.keys().map(String::as_str))
                .collect::<Vec<_>>();
            return Err(de::Error::custom(crate::kind::refusal(&ENVELOPE, &keys)));
        }
        let id = id.required("id")?;
        let timestamp = timestamp.required("timestamp")?;
        let kind = match (type_key.value, data_type_key.value) {
            (Some(type_key), Some(data_type_key)) => {
                let same = if type_key.is_known() {
                    type_key.kind() == data_type_key.kind()
                } else {
                    type_key.as_str() == data_type_key.as_str()
                };
                if !same {
                    return Err(de::Error::custom(format_args!(
                        "`type` ({}) and `dataType` ({}) name different kinds",
                        type_key.as_str(),
                        data_type_key.as_str()
                    )));
                }
                KindFields::Both {
                    type_key,
                    data_type_key,
                }
            }
            (Some(kind), None) => KindFields::Type(kind),
            (None, Some(kind)) => KindFields::DataType(kind),
            (None, None) => return Err(de::Error::missing_field("type")),
        };
        let (payload, payload_form) = payload
            .required("payload")?
            .into_payload(kind.kind())
            .map_err(|e| de::Error::custom(e.into_payload_message()))?;
        Ok(Envelope {
            id,
            timestamp,
            dealer_uuid: dealer_uuid.value,
            department_uuid: department_uuid.value,
            event_type: event_type.value,
            other,
            kind,
            payload,
            payload_form,
        })
    }
}

impl<'de> Deserialize<'de> for Envelope {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_struct("Envelope", FIELDS, EnvelopeVisitor)
    }
}

impl Serialize for Envelope {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        fn optional<S: SerializeMap, T: Serialize>(
            out: &mut S,
            key: &str,
            value: Option<&T>,
        ) -> Result<(), S::Error> {
            value.map_or(Ok(()), |value| out.serialize_entry(key, value))
        }

        let mut out = serializer.serialize_map(None)?;
        out.serialize_entry("id", &self.id)?;
        out.serialize_entry(
            "timestamp",
            &SerializeAsWrap::<_, EpochMillis>::new(&self.timestamp),
        )?;
        optional(&mut out, "dealeruuid", self.dealer_uuid.as_ref())?;
        optional(&mut out, "departmentuuid", self.department_uuid.as_ref())?;
        let (type_key, data_type_key) = match &self.kind {
            KindFields::Type(kind) => (Some(kind), None),
            KindFields::DataType(kind) => (None, Some(kind)),
            KindFields::Both {
                type_key,
                data_type_key,
            } => (Some(type_key), Some(data_type_key)),
        };
        optional(&mut out, "type", type_key)?;
        optional(&mut out, "dataType", data_type_key)?;
        optional(&mut out, "eventType", self.event_type.as_ref())?;
        match self.payload_form {
            PayloadForm::Stringified => {
                let json = serde_json::to_string(&self.payload).map_err(S::Error::custom)?;
                out.serialize_entry("payload", &json)?;
            }
            PayloadForm::Object => out.serialize_entry("payload", &self.payload)?,
        }
        for (key, value) in &self.other {
            out.serialize_entry(key, value)?;
        }
        out.end()
    }
}
