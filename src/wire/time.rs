//! Time formats written as text, one adapter each. A zone-less value stays naive: it is never
//! taken as UTC. (Epoch numbers are in `epoch.rs`.)

use std::fmt;

use chrono::format::{DelayedFormat, StrftimeItems};
use chrono::{NaiveDate, NaiveDateTime, NaiveTime, Timelike};
use serde::de::{Deserializer, Visitor};
use serde::ser::Serializer;
use serde_with::{DeserializeAs, SerializeAs};

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

fn read<'de, D: Deserializer<'de>, T>(
    deserializer: D,
    expecting: &'static str,
    parse: fn(&str) -> chrono::ParseResult<T>,
) -> Result<T, D::Error> {
    deserializer.deserialize_str(FormatVisitor { expecting, parse })
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

/// Writes `base` (a chrono format without fraction), adding the fraction of a second when
/// `nanos` is not zero, or always when `always` is set.
fn write<'a, S: Serializer>(
    serializer: S,
    nanos: u32,
    always: bool,
    base: &str,
    format: impl Fn(&str) -> DelayedFormat<StrftimeItems<'_>> + 'a,
) -> Result<S::Ok, S::Error> {
    if nanos == 0 && !always {
        serializer.collect_str(&format(base))
    } else {
        serializer.collect_str(&format(&format!("{base}{}", fraction(nanos))))
    }
}

const SPACE: &str = "date and time as \"YYYY-MM-DD hh:mm:ss[.fff]\"";

fn parse_space(text: &str) -> chrono::ParseResult<NaiveDateTime> {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S%.f")
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
        read(deserializer, SPACE, parse_space)
    }
}

impl SerializeAs<NaiveDateTime> for SpaceDateTime {
    fn serialize_as<S: Serializer>(
        source: &NaiveDateTime,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        write(
            serializer,
            source.nanosecond(),
            false,
            "%Y-%m-%d %H:%M:%S",
            |f| source.format(f),
        )
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
        read(deserializer, SPACE, parse_space)
    }
}

impl SerializeAs<NaiveDateTime> for SpaceDateTimeMillis {
    fn serialize_as<S: Serializer>(
        source: &NaiveDateTime,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        write(
            serializer,
            source.nanosecond(),
            true,
            "%Y-%m-%d %H:%M:%S",
            |f| source.format(f),
        )
    }
}

pub(crate) const ISO: &str = "date and time as \"YYYY-MM-DDThh:mm:ss[.fff]\"";

pub(crate) fn parse_iso(text: &str) -> chrono::ParseResult<NaiveDateTime> {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%.f")
}

/// A local date and time in ISO 8601 without a zone, `2026-02-19T09:15:00`, read into a
/// [`NaiveDateTime`]; a fraction of a second is read when present and written back only when
/// non-zero. A value with a zone (`Z`, `+01:00`) is an error, not silently shifted.
#[derive(Debug, Clone, Copy)]
pub struct IsoDateTime;

impl<'de> DeserializeAs<'de, NaiveDateTime> for IsoDateTime {
    fn deserialize_as<D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDateTime, D::Error> {
        read(deserializer, ISO, parse_iso)
    }
}

impl SerializeAs<NaiveDateTime> for IsoDateTime {
    fn serialize_as<S: Serializer>(
        source: &NaiveDateTime,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        write_iso(source, serializer)
    }
}

pub(crate) fn write_iso<S: Serializer>(
    source: &NaiveDateTime,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    write(
        serializer,
        source.nanosecond(),
        false,
        "%Y-%m-%dT%H:%M:%S",
        |f| source.format(f),
    )
}

/// A calendar date, `2025-09-27`, read into a [`NaiveDate`] and written back the same way.
#[derive(Debug, Clone, Copy)]
pub struct IsoDate;

impl<'de> DeserializeAs<'de, NaiveDate> for IsoDate {
    fn deserialize_as<D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDate, D::Error> {
        read(deserializer, "date as \"YYYY-MM-DD\"", |text| {
            NaiveDate::parse_from_str(text, "%Y-%m-%d")
        })
    }
}

impl SerializeAs<NaiveDate> for IsoDate {
    fn serialize_as<S: Serializer>(source: &NaiveDate, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&source.format("%Y-%m-%d"))
    }
}

/// A local time of day, `08:30:00`, read into a [`NaiveTime`]; a fraction of a second is read
/// when present and written back only when non-zero.
#[derive(Debug, Clone, Copy)]
pub struct TimeOfDay;

impl<'de> DeserializeAs<'de, NaiveTime> for TimeOfDay {
    fn deserialize_as<D: Deserializer<'de>>(deserializer: D) -> Result<NaiveTime, D::Error> {
        read(deserializer, "time of day as \"hh:mm:ss\"", |text| {
            NaiveTime::parse_from_str(text, "%H:%M:%S%.f")
        })
    }
}

impl SerializeAs<NaiveTime> for TimeOfDay {
    fn serialize_as<S: Serializer>(source: &NaiveTime, serializer: S) -> Result<S::Ok, S::Error> {
        write(serializer, source.nanosecond(), false, "%H:%M:%S", |f| {
            source.format(f)
        })
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
