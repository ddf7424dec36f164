//! Times written as numbers since the Unix epoch.

use std::fmt;

use chrono::{DateTime, NaiveDateTime, Utc};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde::de::{Deserialize, Deserializer, Error as _, Unexpected, Visitor};
use serde::ser::{Error as _, Serialize, Serializer};
use serde_json::value::RawValue;
use serde_with::{DeserializeAs, SerializeAs};

use super::time::{ISO, IsoDateTime, parse_iso};

use crate::audit::Drift;

/// Milliseconds since the Unix epoch, as a JSON number (`1728542293678`), read into a
/// `DateTime<Utc>` and written back as the same number. A numeric string is accepted too.
/// A value outside chrono's range (about ±262,000 years) is an error, never a clamp.
#[derive(Debug, Clone, Copy)]
pub struct EpochMillis;

pub(super) fn at_millis<E: serde::de::Error>(
    ms: i64,
    unexpected: Unexpected<'_>,
) -> Result<DateTime<Utc>, E> {
    DateTime::from_timestamp_millis(ms).ok_or_else(|| {
        E::invalid_value(
            unexpected,
            &"milliseconds since the Unix epoch within chrono's range",
        )
    })
}

pub(super) fn millis_in_text<E: serde::de::Error>(
    v: &str,
    expecting: &dyn serde::de::Expected,
) -> Result<i64, E> {
    if !super::is_integer_text(v) {
        return Err(E::invalid_value(
            Unexpected::Str(&super::excerpt(v)),
            expecting,
        ));
    }
    v.parse::<i64>()
        .map_err(|_| E::invalid_value(Unexpected::Str(&super::excerpt(v)), expecting))
}

/// Milliseconds that came as a numeric string: drift for an audit.
fn number_as_string<E: serde::de::Error>(text: &str) -> Result<(), E> {
    crate::audit::note(|| Drift::NumberAsString {
        text: text.to_owned(),
    })
}

struct EpochMillisVisitor;

impl Visitor<'_> for EpochMillisVisitor {
    type Value = DateTime<Utc>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("milliseconds since the Unix epoch as an integer")
    }

    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Self::Value, E> {
        at_millis(v, Unexpected::Signed(v))
    }

    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Self::Value, E> {
        let ms = i64::try_from(v).map_err(|_| E::invalid_value(Unexpected::Unsigned(v), &self))?;
        at_millis(ms, Unexpected::Unsigned(v))
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
        let at = at_millis(
            millis_in_text(v, &self)?,
            Unexpected::Str(&super::excerpt(v)),
        )?;
        number_as_string(v)?;
        Ok(at)
    }
}

impl<'de> DeserializeAs<'de, DateTime<Utc>> for EpochMillis {
    fn deserialize_as<D: Deserializer<'de>>(deserializer: D) -> Result<DateTime<Utc>, D::Error> {
        deserializer.deserialize_any(EpochMillisVisitor)
    }
}

impl SerializeAs<DateTime<Utc>> for EpochMillis {
    fn serialize_as<S: Serializer>(
        source: &DateTime<Utc>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serializer.serialize_i64(source.timestamp_millis())
    }
}

/// Seconds since the Unix epoch, with or without a fraction (`1778659067.694`,
/// `1778659065`), read into a `DateTime<Utc>`. The number's text is read exactly, digit for
/// digit (never through `f64`, whose noise would show in the milliseconds), down to
/// nanoseconds; further digits are dropped. Written back as a JSON number with the fraction
/// the value has (`1778659067.694`, or `1778659065` when there is none). A numeric string is
/// accepted too.
#[derive(Debug, Clone, Copy)]
pub struct EpochSeconds;

impl<'de> DeserializeAs<'de, DateTime<Utc>> for EpochSeconds {
    fn deserialize_as<D: Deserializer<'de>>(deserializer: D) -> Result<DateTime<Utc>, D::Error> {
        let raw = <&'de RawValue>::deserialize(deserializer)?;
        if let Some(at) = plain_seconds(raw.get()) {
            return Ok(at);
        }
        let seconds = super::decimal::parse(raw.get()).map_err(|_| {
            D::Error::custom(format_args!(
                "invalid seconds since the Unix epoch: {}",
                super::excerpt(raw.get())
            ))
        })?;
        from_seconds(seconds).ok_or_else(|| {
            D::Error::custom(format_args!(
                "seconds since the Unix epoch out of range: {seconds}"
            ))
        })
    }
}

/// Reads `digits(.digits)?` (quoted or not) straight into seconds and nanoseconds: nearly every
/// value. `None` for anything else (a sign, an exponent, more digits than are read exactly here,
/// a time out of range), which the `Decimal` path then reads or refuses; what this reads, that
/// path reads to the same time.
fn plain_seconds(raw: &str) -> Option<DateTime<Utc>> {
    let text = super::decimal::quoted(raw).unwrap_or(raw);
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    // At most 18 digits of seconds (an `i64`) and 19 of fraction (so that the `Decimal` path
    // multiplies it by 10^9 without rounding), 28 in all (so that it reads them at all).
    let places = fraction.len();
    if whole.is_empty()
        || whole.len() > 18
        || places > 19
        || whole.len().checked_add(places)? > 28
        || (places == 0 && text.len() != whole.len())
        || !whole
            .bytes()
            .chain(fraction.bytes())
            .all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let seconds: i64 = whole.parse().ok()?;
    let mut nanos: u32 = 0;
    for position in 0..9 {
        let digit = fraction
            .as_bytes()
            .get(position)
            .map_or(0, |b| b.wrapping_sub(b'0'));
        nanos = nanos.checked_mul(10)?.checked_add(u32::from(digit))?;
    }
    DateTime::from_timestamp(seconds, nanos)
}

fn from_seconds(seconds: Decimal) -> Option<DateTime<Utc>> {
    let whole = seconds.floor();
    let nanos = seconds
        .checked_sub(whole)?
        .checked_mul(Decimal::from(1_000_000_000))?
        .trunc();
    DateTime::from_timestamp(whole.to_i64()?, nanos.to_u32()?)
}

impl SerializeAs<DateTime<Utc>> for EpochSeconds {
    fn serialize_as<S: Serializer>(
        source: &DateTime<Utc>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let seconds = Decimal::from(source.timestamp())
            .checked_add(Decimal::new(i64::from(source.timestamp_subsec_nanos()), 9))
            .ok_or_else(|| S::Error::custom("time out of range for epoch seconds"))?;
        let raw =
            RawValue::from_string(seconds.normalize().to_string()).map_err(S::Error::custom)?;
        raw.serialize(serializer)
    }
}

/// A time that myKaarma sends as epoch milliseconds in its current payloads and as ISO text
/// without a zone in older ones (MPI `createdOn`: `1778659065996` or
/// `"2026-02-19T10:30:00"`). Both decode; each is written back in the form it came in.
/// Milliseconds sent as a numeric string (`"1778659065996"`) are read too, and written back
/// as a number.
///
/// The two are not the same kind of time: milliseconds are an instant in UTC, the text is the
/// dealer's local time. Neither is converted into the other.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EpochOrLocal {
    /// Milliseconds since the Unix epoch: an instant.
    Epoch(DateTime<Utc>),
    /// ISO 8601 text without a zone: the dealer's local time.
    Local(NaiveDateTime),
}

impl EpochOrLocal {
    /// The instant, when the vendor sent epoch milliseconds.
    pub const fn as_epoch(&self) -> Option<DateTime<Utc>> {
        match self {
            Self::Epoch(at) => Some(*at),
            Self::Local(_) => None,
        }
    }

    /// The local time, when the vendor sent ISO text.
    pub const fn as_local(&self) -> Option<NaiveDateTime> {
        match self {
            Self::Epoch(_) => None,
            Self::Local(at) => Some(*at),
        }
    }
}

struct EpochOrLocalVisitor;

impl Visitor<'_> for EpochOrLocalVisitor {
    type Value = EpochOrLocal;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "milliseconds since the Unix epoch, or a local {ISO}")
    }

    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<EpochOrLocal, E> {
        at_millis(v, Unexpected::Signed(v)).map(EpochOrLocal::Epoch)
    }

    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<EpochOrLocal, E> {
        EpochMillisVisitor.visit_u64(v).map(EpochOrLocal::Epoch)
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<EpochOrLocal, E> {
        // Milliseconds sent as a numeric string, as `EpochMillis` accepts them: digits are
        // never an ISO time, so the two cannot be mistaken for each other.
        if super::is_integer_text(v) {
            let ms = millis_in_text(v, &self)?;
            let at = at_millis(ms, Unexpected::Str(&super::excerpt(v)))?;
            number_as_string(v)?;
            return Ok(EpochOrLocal::Epoch(at));
        }
        let at = parse_iso(v).map_err(|e| {
            E::custom(format_args!(
                "invalid time: {:?}, expected {} ({e})",
                super::excerpt(v),
                Expecting(&self)
            ))
        })?;
        crate::audit::note(|| Drift::LegacyTime {
            format: "local ISO 8601 text, no zone, where current payloads send epoch milliseconds",
            text: v.to_owned(),
        })?;
        Ok(EpochOrLocal::Local(at))
    }
}

struct Expecting<'a, V>(&'a V);

impl<V: Visitor<'static>> fmt::Display for Expecting<'_, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.expecting(f)
    }
}

impl<'de> Deserialize<'de> for EpochOrLocal {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(EpochOrLocalVisitor)
    }
}

impl Serialize for EpochOrLocal {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Epoch(at) => serializer.serialize_i64(at.timestamp_millis()),
            Self::Local(at) => IsoDateTime::serialize_as(at, serializer),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{from_seconds, plain_seconds};

    #[test]
    fn plain_seconds_agree_with_the_decimal_path() {
        let mut texts: Vec<String> = [
            "1778659067.694",
            "1778659065",
            "\"1778659067.694\"",
            "0",
            "0.5",
            "1.",
            ".5",
            "-1.5",
            "1e9",
            "1778659067.1234567891234567891",
            "1778659067.12345678912345678912",
            "999999999999999999",
            "9999999999999999999",
            "8210298412799.999999999",
            "8210298412800",
            "1.0000000000000000000000000",
            "12345678901.23456789012345678",
            "\"\"",
            "\"1 \"",
        ]
        .map(str::to_owned)
        .to_vec();
        for places in 0..=20 {
            let fraction: String = (0..places).map(|d| char::from(b'9' - d % 10)).collect();
            texts.push(format!("1778659067.{fraction}"));
        }
        for text in &texts {
            let slow = super::super::decimal::parse(text)
                .ok()
                .and_then(from_seconds);
            if let Some(at) = plain_seconds(text) {
                assert_eq!(Some(at), slow, "{text}");
            }
        }
        assert!(plain_seconds("1778659067.694").is_some());
        assert!(plain_seconds("\"1778659065\"").is_some());
    }
}
