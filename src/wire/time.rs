//! Time formats written as text, one adapter each. A zone-less value stays naive: it is never
//! taken as UTC. (Epoch numbers are in `epoch.rs`.)

use std::fmt;
use std::sync::OnceLock;

use chrono::format::{DelayedFormat, Item, Parsed, StrftimeItems};
use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, Timelike, Utc};
use serde::de::Deserialize;
use serde::de::{Deserializer, Visitor};
use serde::ser::Serialize;
use serde::ser::Serializer;
use serde_with::{DeserializeAs, SerializeAs};

use super::layout;

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
        (self.parse)(v).map_err(|e| {
            E::custom(format_args!(
                "invalid {}: {:?} ({e})",
                self.expecting,
                super::excerpt(v)
            ))
        })
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
    if nanos.is_multiple_of(1_000_000) {
        "%.3f"
    } else if nanos.is_multiple_of(1_000) {
        "%.6f"
    } else {
        "%.9f"
    }
}

/// When a written time carries a fraction of a second.
#[derive(Clone, Copy)]
enum Fraction {
    /// Never (a date).
    Never,
    /// Only when it is not zero, so `12:29:17` stays `12:29:17`.
    IfAny,
    /// Always, at least milliseconds, so `.000` stays `.000`.
    Always,
}

/// The fraction of a second of a value, for [`Fraction`].
trait SubSecond {
    fn nanos(&self) -> u32;
}

impl SubSecond for NaiveDate {
    fn nanos(&self) -> u32 {
        0
    }
}

impl SubSecond for NaiveDateTime {
    fn nanos(&self) -> u32 {
        self.nanosecond()
    }
}

impl SubSecond for DateTime<Utc> {
    fn nanos(&self) -> u32 {
        self.nanosecond()
    }
}

impl SubSecond for NaiveTime {
    fn nanos(&self) -> u32 {
        self.nanosecond()
    }
}

/// Writes `base` (a chrono format without fraction), adding the fraction as `policy` says,
/// then `suffix`.
fn write<'a, S: Serializer>(
    serializer: S,
    nanos: u32,
    policy: Fraction,
    (base, suffix): (&str, &str),
    format: impl Fn(&str) -> DelayedFormat<StrftimeItems<'_>> + 'a,
) -> Result<S::Ok, S::Error> {
    let with_fraction = match policy {
        Fraction::Never => false,
        Fraction::IfAny => nanos != 0,
        Fraction::Always => true,
    };
    let fraction = if with_fraction { fraction(nanos) } else { "" };
    serializer.collect_str(&format(&format!("{base}{fraction}{suffix}")))
}

/// Defines a text time adapter: how it reads (`parse`, named by `expecting` in errors) and
/// how it writes (`base` chrono format, with the fraction as `policy` says).
macro_rules! text_time {
    (
        $(#[$meta:meta])*
        $name:ident: $ty:ty, expecting $expecting:expr, parse $parse:expr,
        write $base:literal $(then $suffix:literal)?, fraction $policy:ident
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy)]
        pub struct $name;

        impl<'de> DeserializeAs<'de, $ty> for $name {
            fn deserialize_as<D: Deserializer<'de>>(deserializer: D) -> Result<$ty, D::Error> {
                read(deserializer, $expecting, $parse)
            }
        }

        impl SerializeAs<$ty> for $name {
            fn serialize_as<S: Serializer>(source: &$ty, serializer: S) -> Result<S::Ok, S::Error> {
                let format = ($base, concat!("" $(, $suffix)?));
                write(serializer, source.nanos(), Fraction::$policy, format, |f| source.format(f))
            }
        }
    };
}

/// A chrono format for reading, parsed into items once rather than at every value (chrono's
/// `parse_from_str` parses the format string each time, a tenth of decoding an appointment).
struct ReadFormat {
    text: &'static str,
    items: OnceLock<Vec<Item<'static>>>,
}

impl ReadFormat {
    const fn new(text: &'static str) -> Self {
        Self {
            text,
            items: OnceLock::new(),
        }
    }

    /// Reads `value` with the format, as chrono's `parse_from_str` does.
    fn parse(&self, value: &str) -> chrono::ParseResult<Parsed> {
        // The formats are constants that chrono accepts; were one refused, every value would be
        // refused with a parse error, never a panic.
        let items = self.items.get_or_init(|| {
            StrftimeItems::new(self.text)
                .parse_to_owned()
                .unwrap_or_default()
        });
        let mut parsed = Parsed::new();
        chrono::format::parse(&mut parsed, value, items.iter())?;
        Ok(parsed)
    }
}

static SPACE_FORMAT: ReadFormat = ReadFormat::new("%Y-%m-%d %H:%M:%S%.f");
static ISO_FORMAT: ReadFormat = ReadFormat::new("%Y-%m-%dT%H:%M:%S%.f");
static DATE_FORMAT: ReadFormat = ReadFormat::new("%Y-%m-%d");
static TIME_FORMAT: ReadFormat = ReadFormat::new("%H:%M:%S%.f");

const SPACE: &str = "date and time as \"YYYY-MM-DD hh:mm:ss[.fff]\"";

pub(super) fn parse_space(text: &str) -> chrono::ParseResult<NaiveDateTime> {
    if let Some(at) = layout::date_time(text, b' ') {
        return Ok(at);
    }
    SPACE_FORMAT.parse(text)?.to_naive_datetime_with_offset(0)
}

fn parse_date(text: &str) -> chrono::ParseResult<NaiveDate> {
    if let Some(day) = layout::date(text.as_bytes()) {
        return Ok(day);
    }
    DATE_FORMAT.parse(text)?.to_naive_date()
}

pub(crate) const ISO: &str = "date and time as \"YYYY-MM-DDThh:mm:ss[.fff]\"";

pub(crate) fn parse_iso(text: &str) -> chrono::ParseResult<NaiveDateTime> {
    if let Some(at) = layout::date_time(text, b'T') {
        return Ok(at);
    }
    ISO_FORMAT.parse(text)?.to_naive_datetime_with_offset(0)
}

text_time!(
    /// A local date and time with a space separator, `2025-09-26 12:29:17`, read into a
    /// [`NaiveDateTime`] (the vendor gives no zone: it is the dealer's local time, not UTC).
    /// A fraction of a second is read when present (`12:29:17.5`) and written back only when
    /// non-zero, so `2025-09-26 12:29:17` round-trips unchanged. For fields that always carry
    /// milliseconds use [`SpaceDateTimeMillis`].
    SpaceDateTime: NaiveDateTime, expecting SPACE, parse parse_space, write "%Y-%m-%d %H:%M:%S", fraction IfAny
);

text_time!(
    /// A local date and time with a space separator and milliseconds, `2025-09-27 02:19:21.796`,
    /// as myKaarma writes event-creation times. Reads the same text as [`SpaceDateTime`] (the
    /// fraction may be missing) and always writes at least three fractional digits, so `.000`
    /// round-trips unchanged.
    SpaceDateTimeMillis: NaiveDateTime, expecting SPACE, parse parse_space, write "%Y-%m-%d %H:%M:%S", fraction Always
);

text_time!(
    /// A local date and time in ISO 8601 without a zone, `2026-02-19T09:15:00`, read into a
    /// [`NaiveDateTime`]; a fraction of a second is read when present and written back only when
    /// non-zero. A value with a zone (`Z`, `+01:00`) is an error, not silently shifted.
    IsoDateTime: NaiveDateTime, expecting ISO, parse parse_iso, write "%Y-%m-%dT%H:%M:%S", fraction IfAny
);

text_time!(
    /// A calendar date, `2025-09-27`, read into a [`NaiveDate`] and written back the same way.
    IsoDate: NaiveDate,
    expecting "date as \"YYYY-MM-DD\"",
    parse parse_date,
    write "%Y-%m-%d", fraction Never
);

text_time!(
    /// A local time of day, `08:30:00`, read into a [`NaiveTime`]; a fraction of a second is read
    /// when present and written back only when non-zero.
    TimeOfDay: NaiveTime,
    expecting "time of day as \"hh:mm:ss\"",
    parse parse_time,
    write "%H:%M:%S", fraction IfAny
);

fn parse_time(text: &str) -> chrono::ParseResult<NaiveTime> {
    if let Some(at) = layout::time(text.as_bytes()) {
        return Ok(at);
    }
    TIME_FORMAT.parse(text)?.to_naive_time()
}

fn parse_rfc3339(text: &str) -> chrono::ParseResult<DateTime<Utc>> {
    if let Some(at) = layout::utc(text) {
        return Ok(at);
    }
    DateTime::parse_from_rfc3339(text).map(|at| at.with_timezone(&Utc))
}

const RFC3339: &str = "date and time as RFC 3339, \"YYYY-MM-DDThh:mm:ss.fffZ\"";

text_time!(
    /// An instant in RFC 3339 with a zone, `2019-01-22T11:29:38.258Z` (Service Order Hub's
    /// `Date`), read into a `DateTime<Utc>` (another offset is converted to UTC) and written back
    /// in UTC with milliseconds, as the vendor writes it. Text without a zone is an error.
    Rfc3339: DateTime<Utc>, expecting RFC3339, parse parse_rfc3339,
    write "%Y-%m-%dT%H:%M:%S" then "Z", fraction Always
);

/// A time that one vendor field sends in several text formats (Service Order Hub's cost
/// proposal `reactionDate`: `2019-03-28T10:14:13.037Z` and `2019-03-28 00:00:00.000`). Each
/// form decodes to its own variant and is written back in that form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateTimeText {
    /// RFC 3339 with a zone: an instant, written back in UTC with milliseconds.
    Instant(DateTime<Utc>),
    /// Date and time without a zone, `2019-03-28 00:00:00.000`: local time, written back with
    /// a space and milliseconds.
    Local(NaiveDateTime),
    /// A date alone, `2019-01-01`.
    Date(NaiveDate),
}

impl DateTimeText {
    /// The instant, when the text had a zone.
    pub const fn as_instant(&self) -> Option<DateTime<Utc>> {
        match self {
            Self::Instant(at) => Some(*at),
            Self::Local(_) | Self::Date(_) => None,
        }
    }
}

impl<'de> Deserialize<'de> for DateTimeText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(DateTimeTextVisitor)
    }
}

struct DateTimeTextVisitor;

impl Visitor<'_> for DateTimeTextVisitor {
    type Value = DateTimeText;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(DATE_TIME_TEXT)
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<DateTimeText, E> {
        let value = FormatVisitor {
            expecting: DATE_TIME_TEXT,
            parse: |text| {
                parse_rfc3339(text)
                    .map(DateTimeText::Instant)
                    .or_else(|_| parse_space(text).map(DateTimeText::Local))
                    .or_else(|_| parse_date(text).map(DateTimeText::Date))
            },
        }
        .visit_str(v)?;
        if let DateTimeText::Local(_) = value {
            // Service Order Hub's older shapes (`reactionDate: "2019-03-28 00:00:00.000"`).
            crate::audit::note(|| crate::audit::Drift::LegacyTime {
                format: "local date and time with a space, no zone (older Service Order Hub shapes)",
                text: v.to_owned(),
            })?;
        }
        Ok(value)
    }
}

const DATE_TIME_TEXT: &str =
    "date and time as RFC 3339, \"YYYY-MM-DD hh:mm:ss[.fff]\" or \"YYYY-MM-DD\"";

impl Serialize for DateTimeText {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde_with::SerializeAs as _;
        match self {
            Self::Instant(at) => Rfc3339::serialize_as(at, serializer),
            Self::Local(at) => SpaceDateTimeMillis::serialize_as(at, serializer),
            Self::Date(day) => IsoDate::serialize_as(day, serializer),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::fraction;

    #[test]
    fn fixed_layouts_agree_with_chrono() {
        let mut texts: Vec<String> = Vec::new();
        for day in [
            "2025-09-27",
            "0000-01-01",
            "9999-12-31",
            "2024-02-29",
            "2025-02-29",
            "2025-13-01",
            "2025-00-10",
            "2025-01-00",
            "2025-1-01",
            "+2025-01-01",
            "2025/01/01",
            "20250101",
        ] {
            texts.push(day.to_owned());
            for clock in [
                "12:29:17",
                "00:00:00",
                "23:59:59",
                "23:59:60",
                "24:00:00",
                "12:60:00",
                "1:02:03",
                "12:29",
                "12:29:17.",
                "12:29:17.5",
                "12:29:17.796",
                "12:29:17.123456789",
                "12:29:17.1234567891",
                "12:29:17,5",
                "12:29:17.+5",
                "12:29:17 ",
            ] {
                texts.push(clock.to_owned());
                for separator in [" ", "T", "t", "  ", ""] {
                    for zone in ["", "Z", "z", "+01:00"] {
                        texts.push(format!("{day}{separator}{clock}{zone}"));
                    }
                }
            }
        }
        for text in &texts {
            if let Some(at) = super::layout::date_time(text, b' ') {
                assert_eq!(
                    super::SPACE_FORMAT
                        .parse(text)
                        .and_then(|p| p.to_naive_datetime_with_offset(0)),
                    Ok(at),
                    "{text}"
                );
            }
            if let Some(at) = super::layout::date_time(text, b'T') {
                assert_eq!(
                    super::ISO_FORMAT
                        .parse(text)
                        .and_then(|p| p.to_naive_datetime_with_offset(0)),
                    Ok(at),
                    "{text}"
                );
            }
            if let Some(day) = super::layout::date(text.as_bytes()) {
                assert_eq!(
                    super::DATE_FORMAT
                        .parse(text)
                        .and_then(|p| p.to_naive_date()),
                    Ok(day),
                    "{text}"
                );
            }
            if let Some(at) = super::layout::time(text.as_bytes()) {
                assert_eq!(
                    super::TIME_FORMAT
                        .parse(text)
                        .and_then(|p| p.to_naive_time()),
                    Ok(at),
                    "{text}"
                );
            }
            if let Some(at) = super::layout::utc(text) {
                let general = chrono::DateTime::parse_from_rfc3339(text)
                    .map(|at| at.with_timezone(&chrono::Utc));
                assert_eq!(general, Ok(at), "{text}");
            }
        }
        assert!(super::layout::utc("2019-01-22T11:29:38.258Z").is_some());
        assert!(super::layout::date_time("2025-09-27 02:19:21.796", b' ').is_some());
    }

    #[test]
    fn fraction_shows_every_digit() {
        assert_eq!(fraction(0), "%.3f");
        assert_eq!(fraction(796_000_000), "%.3f");
        assert_eq!(fraction(796_100_000), "%.6f");
        assert_eq!(fraction(796_100_001), "%.9f");
    }
}
