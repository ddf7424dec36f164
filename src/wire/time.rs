//! Time formats, one adapter each. A zone-less value stays naive: it is never taken as UTC.

use std::fmt;

use chrono::{DateTime, NaiveDate, NaiveDateTime, Timelike, Utc};
use serde::de::{Deserializer, Unexpected, Visitor};
use serde::ser::Serializer;
use serde_with::{DeserializeAs, SerializeAs};

/// Milliseconds since the Unix epoch, as a JSON number (`1728542293678`), read into a
/// `DateTime<Utc>` and written back as the same number. A numeric string is accepted too.
/// A value outside chrono's range (about ±262,000 years) is an error, never a clamp.
#[derive(Debug, Clone, Copy)]
pub struct EpochMillis;

struct EpochMillisVisitor;

impl EpochMillisVisitor {
    fn at<E: serde::de::Error>(ms: i64, unexpected: Unexpected<'_>) -> Result<DateTime<Utc>, E> {
        DateTime::from_timestamp_millis(ms).ok_or_else(|| {
            E::invalid_value(
                unexpected,
                &"milliseconds since the Unix epoch within chrono's range",
            )
        })
    }
}

impl Visitor<'_> for EpochMillisVisitor {
    type Value = DateTime<Utc>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("milliseconds since the Unix epoch as an integer")
    }

    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Self::at(v, Unexpected::Signed(v))
    }

    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Self::Value, E> {
        let ms = i64::try_from(v).map_err(|_| E::invalid_value(Unexpected::Unsigned(v), &self))?;
        Self::at(ms, Unexpected::Unsigned(v))
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
        let digits = v.strip_prefix('-').unwrap_or(v);
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(E::invalid_value(Unexpected::Str(v), &self));
        }
        let ms = v
            .parse::<i64>()
            .map_err(|_| E::invalid_value(Unexpected::Str(v), &self))?;
        Self::at(ms, Unexpected::Str(v))
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

/// Reads a string with a chrono format; every text adapter goes through it.
struct FormatVisitor<T> {
    expecting: &'static str,
    parse: fn(&str) -> chrono::ParseResult<T>,
}

impl<T> Visitor<'_> for FormatVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.expecting)
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<T, E> {
        (self.parse)(v)
            .map_err(|e| E::custom(format_args!("invalid {}: {v:?} ({e})", self.expecting)))
    }
}

const SPACE_FORMAT: &str = "%Y-%m-%d %H:%M:%S%.f";

fn parse_space(text: &str) -> chrono::ParseResult<NaiveDateTime> {
    NaiveDateTime::parse_from_str(text, SPACE_FORMAT)
}

fn deserialize_space<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<NaiveDateTime, D::Error> {
    deserializer.deserialize_str(FormatVisitor {
        expecting: "date and time as \"YYYY-MM-DD hh:mm:ss[.fff]\"",
        parse: parse_space,
    })
}

/// The shortest chrono fraction that shows every digit of `nanos` (milliseconds at least).
fn fraction(nanos: u32) -> &'static str {
    if nanos % 1_000_000 == 0 {
        "%.3f"
    } else if nanos % 1_000 == 0 {
        "%.6f"
    } else {
        "%.9f"
    }
}

/// A local date and time with a space separator, `2025-09-26 12:29:17`, read into a
/// [`NaiveDateTime`] (the vendor gives no zone: it is the dealer's local time, not UTC).
/// A fraction of a second is read when present (`12:29:17.5`) and written back only when
/// non-zero, so `2025-09-26 12:29:17` round-trips unchanged. For fields that always carry
/// milliseconds use [`SpaceDateTimeMillis`].
#[derive(Debug, Clone, Copy)]
pub struct SpaceDateTime;

impl<'de> DeserializeAs<'de, NaiveDateTime> for SpaceDateTime {
    fn deserialize_as<D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDateTime, D::Error> {
        deserialize_space(deserializer)
    }
}

impl SerializeAs<NaiveDateTime> for SpaceDateTime {
    fn serialize_as<S: Serializer>(
        source: &NaiveDateTime,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match source.nanosecond() {
            0 => serializer.collect_str(&source.format("%Y-%m-%d %H:%M:%S")),
            nanos => serializer
                .collect_str(&source.format(&format!("%Y-%m-%d %H:%M:%S{}", fraction(nanos)))),
        }
    }
}

/// A local date and time with a space separator and milliseconds, `2025-09-27 02:19:21.796`,
/// as myKaarma writes event-creation times. Reads the same text as [`SpaceDateTime`] (the
/// fraction may be missing) and always writes at least three fractional digits, so `.000`
/// round-trips unchanged.
#[derive(Debug, Clone, Copy)]
pub struct SpaceDateTimeMillis;

impl<'de> DeserializeAs<'de, NaiveDateTime> for SpaceDateTimeMillis {
    fn deserialize_as<D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDateTime, D::Error> {
        deserialize_space(deserializer)
    }
}

impl SerializeAs<NaiveDateTime> for SpaceDateTimeMillis {
    fn serialize_as<S: Serializer>(
        source: &NaiveDateTime,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let format = format!("%Y-%m-%d %H:%M:%S{}", fraction(source.nanosecond()));
        serializer.collect_str(&source.format(&format))
    }
}

/// A calendar date, `2025-09-27`, read into a [`NaiveDate`] and written back the same way.
#[derive(Debug, Clone, Copy)]
pub struct IsoDate;

impl<'de> DeserializeAs<'de, NaiveDate> for IsoDate {
    fn deserialize_as<D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDate, D::Error> {
        deserializer.deserialize_str(FormatVisitor {
            expecting: "date as \"YYYY-MM-DD\"",
            parse: |text| NaiveDate::parse_from_str(text, "%Y-%m-%d"),
        })
    }
}

impl SerializeAs<NaiveDate> for IsoDate {
    fn serialize_as<S: Serializer>(source: &NaiveDate, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&source.format("%Y-%m-%d"))
    }
}

#[cfg(test)]
mod tests {
    use super::fraction;

    #[test]
    fn fraction_shows_every_digit() {
        assert_eq!(fraction(0), "%.3f");
        assert_eq!(fraction(796_000_000), "%.3f");
        assert_eq!(fraction(796_100_000), "%.6f");
        assert_eq!(fraction(796_100_001), "%.9f");
    }
}
