//! A time whose wire format the vendor does not document: epoch milliseconds, or text with or
//! without a zone, each kept in the form it came in.

use std::fmt;

use chrono::{DateTime, FixedOffset, NaiveDateTime, Timelike, Utc};
use serde::de::{Deserialize, Deserializer, Unexpected, Visitor};
use serde::ser::{Error as _, Serialize, Serializer};

use super::epoch::{at_millis, millis_in_text};
use super::time::{parse_iso, parse_space};

/// A time whose wire format the vendor does not give. myKaarma's messages event types
/// `sentOn`, `receivedOn` and `scheduledOn` as `datetime` (its API schema as `date-time`)
/// with no pattern, zone or example, and its documentation uses both labels for epoch
/// milliseconds and for text. Every form the vendor's documentation shows for a time
/// decodes, and each is written back in the form it came in, digit for digit:
///
/// | wire | variant |
/// | --- | --- |
/// | `1728542293678` (or `"1728542293678"`) | [`Epoch`](Self::Epoch): milliseconds since the Unix epoch |
/// | `"2024-10-10T06:38:13.678Z"`, `"2024-10-10T13:38:13+07:00"`, `"…+0700"` | [`Zoned`](Self::Zoned): text with a zone |
/// | `"2024-10-10T06:38:13"`, `"2024-10-10 06:38:13.678"` | [`Local`](Self::Local): text without a zone |
///
/// Text keeps, in its [`TextForm`], the separator (`T` or a space), the digits of its
/// fraction of a second (none, or one to nine: digits past nanoseconds are dropped) and how
/// its offset was written (`Z`, `+07:00` or `+0700`). Milliseconds sent as a numeric string are written back as a number,
/// as [`EpochMillis`](super::EpochMillis) does. A time without a zone stays naive: it is
/// never taken as UTC. Two values are equal when they are the same time written the same way.
///
/// ```
/// use aftersales_webhooks::wire::EpochOrText;
///
/// for wire in [r#"1728542293678"#, r#""2024-10-10T06:38:13.678Z""#, r#""2024-10-10 06:38:13""#] {
///     let time: EpochOrText = aftersales_webhooks::from_slice(wire.as_bytes())?;
///     assert_eq!(serde_json::to_string(&time).unwrap(), wire);
/// }
/// let zoned: EpochOrText = aftersales_webhooks::from_slice(br#""2024-10-10T13:38:13.678+0700""#)?;
/// assert_eq!(zoned.as_instant().unwrap().to_string(), "2024-10-10 06:38:13.678 UTC");
/// # Ok::<(), aftersales_webhooks::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EpochOrText {
    /// Milliseconds since the Unix epoch: an instant.
    Epoch(DateTime<Utc>),
    /// Text with a zone (`Z` or an offset): an instant, with the offset it was written in.
    Zoned(DateTime<FixedOffset>, TextForm),
    /// Text without a zone: a local time, whose zone the vendor does not say.
    Local(NaiveDateTime, TextForm),
}

impl EpochOrText {
    /// The instant, when the vendor sent one: epoch milliseconds, or text with a zone.
    pub fn as_instant(&self) -> Option<DateTime<Utc>> {
        match self {
            Self::Epoch(at) => Some(*at),
            Self::Zoned(at, _) => Some(at.with_timezone(&Utc)),
            Self::Local(..) => None,
        }
    }

    /// The local time, when the vendor sent text without a zone.
    pub const fn as_local(&self) -> Option<NaiveDateTime> {
        match self {
            Self::Local(at, _) => Some(*at),
            Self::Epoch(_) | Self::Zoned(..) => None,
        }
    }
}

/// How a time written as text was written, so that it is written back the same way: `T` or a
/// space between date and time, the digits of the fraction of a second, and the offset's
/// style. The default is ISO 8601 with a `T`, a fraction only when there is one (3, 6 or 9
/// digits), and an offset as RFC 3339 writes it (`Z` for UTC, else `+07:00`).
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct TextForm {
    /// A space between date and time, rather than `T`.
    space: bool,
    /// Exactly this many fraction digits (0 to 9); `None`: as many as the value needs.
    fraction: Option<u8>,
    /// How the offset came; `None` (text without a zone, or a value built here): as RFC 3339
    /// writes it.
    offset: Option<OffsetForm>,
}

/// How an offset came.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum OffsetForm {
    /// `Z`: UTC (another offset is written `+07:00`).
    Z,
    /// `+07:00`, also `+00:00` for UTC.
    Colon,
    /// `+0700`.
    Compact,
}

impl fmt::Debug for TextForm {
    /// The pattern, such as `TextForm("YYYY-MM-DD hh:mm:ss.fff")` or
    /// `TextForm("YYYY-MM-DDThh:mm:ss±hh:mm")`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let separator = if self.space { ' ' } else { 'T' };
        let fraction = match self.fraction {
            None => "[.fff]".to_owned(),
            Some(0) => String::new(),
            Some(digits) => format!(".{}", "f".repeat(usize::from(digits))),
        };
        let offset = match self.offset {
            None => "",
            Some(OffsetForm::Z) => "Z",
            Some(OffsetForm::Colon) => "±hh:mm",
            Some(OffsetForm::Compact) => "±hhmm",
        };
        write!(
            f,
            "TextForm(\"YYYY-MM-DD{separator}hh:mm:ss{fraction}{offset}\")"
        )
    }
}

const EXPECTING: &str = "milliseconds since the Unix epoch, or a date and time as \
                         \"YYYY-MM-DDThh:mm:ss[.fff][Z|±hh:mm]\" (or with a space)";

/// Why a text is not a time.
enum Fault {
    /// Not `YYYY-MM-DD?hh:mm:ss` with `T` or a space, then an optional fraction.
    Shape,
    /// The date or time itself (chrono's reason).
    Chrono(chrono::ParseError),
    /// Something after the time that is not `Z`, `±hh:mm` or `±hhmm`.
    Zone,
    /// The time with its offset is outside chrono's range.
    Range,
}

impl fmt::Display for Fault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Shape => f.write_str("not a date, `T` or a space, and a time of day"),
            Self::Chrono(e) => e.fmt(f),
            Self::Zone => f.write_str("the zone is not `Z`, `±hh:mm` or `±hhmm`"),
            Self::Range => f.write_str("out of range"),
        }
    }
}

/// The length of `YYYY-MM-DDThh:mm:ss`.
const HEAD: usize = 19;

fn parse_text(text: &str) -> Result<EpochOrText, Fault> {
    let space = match text.as_bytes().get(10) {
        Some(b'T') => false,
        Some(b' ') => true,
        _ => return Err(Fault::Shape),
    };
    let rest = text.get(HEAD..).ok_or(Fault::Shape)?;
    let digits = rest
        .strip_prefix('.')
        .map(|fraction| fraction.bytes().take_while(u8::is_ascii_digit).count());
    let clock_len = match digits {
        None => HEAD,
        Some(0) => return Err(Fault::Shape),
        // The dot and the digits.
        Some(n) => HEAD.saturating_add(n).saturating_add(1),
    };
    let (clock, zone) = text.split_at_checked(clock_len).ok_or(Fault::Shape)?;
    let naive = if space {
        parse_space(clock)
    } else {
        parse_iso(clock)
    }
    .map_err(Fault::Chrono)?;
    let fraction = Some(u8::try_from(digits.unwrap_or(0).min(9)).unwrap_or(9));
    let (offset, form) = match zone.as_bytes() {
        [] => {
            let form = TextForm {
                space,
                fraction,
                offset: None,
            };
            return Ok(EpochOrText::Local(naive, form));
        }
        [b'Z'] => (0, OffsetForm::Z),
        [sign, _, _, b':', _, _] => (offset_seconds(*sign, zone, 4)?, OffsetForm::Colon),
        [sign, _, _, _, _] => (offset_seconds(*sign, zone, 3)?, OffsetForm::Compact),
        _ => return Err(Fault::Zone),
    };
    let offset = FixedOffset::east_opt(offset).ok_or(Fault::Zone)?;
    let at = naive
        .and_local_timezone(offset)
        .single()
        .ok_or(Fault::Range)?;
    Ok(EpochOrText::Zoned(
        at,
        TextForm {
            space,
            fraction,
            offset: Some(form),
        },
    ))
}

/// The seconds east of UTC of `±hh:mm` or `±hhmm` (`sign`, then hours at 1..3 and minutes at
/// `minutes`..+2 of `zone`).
fn offset_seconds(sign: u8, zone: &str, minutes: usize) -> Result<i32, Fault> {
    let number = |at: usize| {
        zone.get(at..at.saturating_add(2))
            .filter(|digits| digits.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|digits| digits.parse::<i32>().ok())
    };
    let (Some(hours), Some(minutes)) = (number(1), number(minutes)) else {
        return Err(Fault::Zone);
    };
    if hours > 23 || minutes > 59 {
        return Err(Fault::Zone);
    }
    // At most 23 * 3600 + 59 * 60: no overflow.
    let seconds = hours
        .checked_mul(3600)
        .and_then(|h| h.checked_add(minutes.checked_mul(60)?))
        .ok_or(Fault::Zone)?;
    match sign {
        b'+' => Ok(seconds),
        b'-' => Ok(seconds.checked_neg().ok_or(Fault::Zone)?),
        _ => Err(Fault::Zone),
    }
}

struct EpochOrTextVisitor;

impl Visitor<'_> for EpochOrTextVisitor {
    type Value = EpochOrText;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(EXPECTING)
    }

    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<EpochOrText, E> {
        at_millis(v, Unexpected::Signed(v)).map(EpochOrText::Epoch)
    }

    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<EpochOrText, E> {
        let ms = i64::try_from(v).map_err(|_| E::invalid_value(Unexpected::Unsigned(v), &self))?;
        at_millis(ms, Unexpected::Unsigned(v)).map(EpochOrText::Epoch)
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<EpochOrText, E> {
        // Digits are never a date and time, so the two cannot be mistaken for each other.
        if super::is_integer_text(v) {
            let ms = millis_in_text(v, &self)?;
            return at_millis(ms, Unexpected::Str(&super::excerpt(v))).map(EpochOrText::Epoch);
        }
        parse_text(v).map_err(|fault| {
            E::custom(format_args!(
                "invalid time: {:?}, expected {EXPECTING} ({fault})",
                super::excerpt(v)
            ))
        })
    }
}

impl<'de> Deserialize<'de> for EpochOrText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(EpochOrTextVisitor)
    }
}

/// A time written as text in a form: the local date and time, then the offset if any.
struct Written {
    at: NaiveDateTime,
    form: TextForm,
    /// Seconds east of UTC, a whole number of minutes; `None` without a zone.
    offset: Option<i32>,
}

impl fmt::Display for Written {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let separator = if self.form.space { " " } else { "T" };
        write!(
            f,
            "{}{separator}{}",
            self.at.format("%Y-%m-%d"),
            self.at.format("%H:%M:%S")
        )?;
        // A leap second's nanoseconds run past one second: `%S` shows it as `60`.
        let nanos = self.at.nanosecond() % 1_000_000_000;
        let digits = self.form.fraction.map_or_else(
            || match nanos {
                0 => 0,
                _ if nanos.is_multiple_of(1_000_000) => 3,
                _ if nanos.is_multiple_of(1_000) => 6,
                _ => 9,
            },
            usize::from,
        );
        if digits > 0 {
            let all = format!("{nanos:09}");
            write!(f, ".{}", all.get(..digits).unwrap_or(&all))?;
        }
        let Some(seconds) = self.offset else {
            return Ok(());
        };
        let form = self.form.offset;
        if seconds == 0 && matches!(form, None | Some(OffsetForm::Z)) {
            return f.write_str("Z");
        }
        let sign = if seconds < 0 { '-' } else { '+' };
        let minutes = seconds.unsigned_abs() / 60;
        let (hours, minutes) = (minutes / 60, minutes % 60);
        if form == Some(OffsetForm::Compact) {
            write!(f, "{sign}{hours:02}{minutes:02}")
        } else {
            write!(f, "{sign}{hours:02}:{minutes:02}")
        }
    }
}

impl Serialize for EpochOrText {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Epoch(at) => serializer.serialize_i64(at.timestamp_millis()),
            Self::Zoned(at, form) => {
                let offset = at.offset().local_minus_utc();
                if offset % 60 != 0 {
                    return Err(S::Error::custom(format_args!(
                        "an offset of {offset} s is not a whole number of minutes: it cannot be \
                         written as ±hh:mm"
                    )));
                }
                serializer.collect_str(&Written {
                    at: at.naive_local(),
                    form: *form,
                    offset: Some(offset),
                })
            }
            Self::Local(at, form) => serializer.collect_str(&Written {
                at: *at,
                form: *form,
                offset: None,
            }),
        }
    }
}
