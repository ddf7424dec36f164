//! Wire adapters: the one place where the vendors' JSON formats meet Rust types.
//!
//! Every model in this crate is built from these pieces, and they are public so that code
//! built on the crate can model a field the same way. Each adapter does one thing and is
//! named for it:
//!
//! | adapter | Rust | wire |
//! | --- | --- | --- |
//! | [`ExactDecimal`] | `Decimal` | a JSON number (or numeric string) read digit for digit, scale kept: `20.00` stays `20.00` |
//! | [`DecimalString`] | `Decimal` | a numeric string such as `"82.00"`, written back as a string with its scale |
//! | [`BlankOr`] | [`Blankable`] | `""` meaning none, kept apart from `null`; anything else read by another adapter |
//! | [`LenientNumber`] | integers | a JSON number; a numeric string such as `"60"` is accepted too |
//! | [`NumericString`] | `Option<integer>` | a numeric string such as `"2011"`; a number is accepted too, `""` means none |
//! | [`Numeric`] | a type | a number sent either as `60` or as `"60"`, remembering which |
//! | [`EpochMillis`] | `DateTime<Utc>` | milliseconds since the Unix epoch: `1728542293678` |
//! | [`EpochSeconds`] | `DateTime<Utc>` | seconds since the Unix epoch, fraction read exactly: `1778659067.694` |
//! | [`EpochOrLocal`] | a type | epoch milliseconds (current payloads) or local ISO text (older ones), kept as it came |
//! | [`EpochOrText`] | a type | a time whose format the vendor does not give: epoch milliseconds, or text with or without a zone (`T` or a space), kept digit for digit as it came |
//! | [`IsoDateTime`] | `NaiveDateTime` | `2026-02-19T09:15:00`, no zone |
//! | [`Rfc3339`] | `DateTime<Utc>` | `2019-01-22T11:29:38.258Z`, written back with milliseconds |
//! | [`DateTimeText`] | a type | RFC 3339, `2019-03-28 00:00:00.000` or a date, kept in the form it came |
//! | [`Patch`] | a type | a patch field: absent (unchanged), `null` (removed) or a value; `Patch<U>` adapts its value with `U`, as `Option<U>` does |
//! | `open_struct!` models | a type | an object with typed known keys that keeps every other key verbatim; a field names its adapter as a derived model's does (`id: Option<i64> as Option<LenientNumber>`) |
//! | [`TimeOfDay`] | `NaiveTime` | `08:30:00` |
//! | [`BoolString`], [`YesNo`], [`OneZero`] | `bool` | `"true"`/`"false"`, `"Y"`/`"N"`, `"1"`/`"0"` |
//! | [`SpaceDateTime`] | `NaiveDateTime` | `2025-09-26 12:29:17`, a fraction written only when there is one |
//! | [`SpaceDateTimeMillis`] | `NaiveDateTime` | `2025-09-27 02:19:21.796`, always written with milliseconds |
//! | [`IsoDate`] | `NaiveDate` | `2025-09-27` |
//! | [`RawJson`] | a type | JSON whose shape the vendor does not document, kept verbatim |
//! | open enums, such as [`PayType`](crate::mykaarma::PayType) | a type | a string from a list that grows: unknown values keep their text, and `kind()` tells what it means |
//!
//! Decoding rules the adapters share: `null` and a missing key mean the same (wrap the field
//! in `Option`); a value that cannot be read is an error naming the value, never a default.
//! Encoding writes the vendor's format back, so decode → encode → decode gives an equal value.
//!
//! The decimal adapters read the number's text through [`serde_json::value::RawValue`], so they
//! need a deserializer that can lend its input: decode with [`crate::from_slice`] or
//! `serde_json::from_str`/`from_slice`, not `from_reader` or `from_value`.
//!
//! ```
//! use aftersales_webhooks::wire::{ExactDecimal, LenientNumber, Numeric, SpaceDateTime};
//! use chrono::NaiveDateTime;
//! use rust_decimal::Decimal;
//! use serde_with::serde_as;
//!
//! /// A model of your own, built from the crate's adapters.
//! #[serde_as]
//! #[derive(serde::Deserialize, serde::Serialize)]
//! struct Line {
//!     #[serde_as(as = "Option<ExactDecimal>")]
//!     price: Option<Decimal>,
//!     #[serde_as(as = "Option<LenientNumber>")]
//!     count: Option<u32>,
//!     #[serde_as(as = "Option<SpaceDateTime>")]
//!     at: Option<NaiveDateTime>,
//!     duration: Option<Numeric<u32>>,
//! }
//!
//! let body = br#"{"price":20.00,"count":"3","at":"2025-09-27 15:00:00","duration":"60"}"#;
//! let line: Line = aftersales_webhooks::from_slice(body)?;
//! assert_eq!(line.price.unwrap().to_string(), "20.00");
//! assert_eq!(line.count, Some(3));
//! assert_eq!(
//!     serde_json::to_string(&line).unwrap(),
//!     r#"{"price":20.00,"count":3,"at":"2025-09-27 15:00:00","duration":"60"}"#
//! );
//! # Ok::<(), aftersales_webhooks::Error>(())
//! ```

mod blank;
mod decimal;
mod epoch;
mod epoch_or_text;
mod fill;
mod flag;
mod int;
mod layout;
mod numeric;
mod open_enum;
mod open_struct;
mod patch;
pub(crate) use open_enum::{kinds_apart, open_enum};
pub(crate) use open_struct::open_struct;
pub(crate) use open_struct::{Key, duplicate_key};
pub use patch::{Patch, WireField};
mod raw;
mod time;

pub use blank::{BlankOr, Blankable, Present};
pub use decimal::{DecimalString, ExactDecimal};
pub(crate) use decimal::{exact_mul, exact_sum};
pub use epoch::{EpochMillis, EpochOrLocal, EpochSeconds};
pub use epoch_or_text::{EpochOrText, TextForm};
pub(crate) use fill::{Fill, InPlace, boxed, fill_new};
pub use flag::{BoolString, OneZero, YesNo};
pub use int::{LenientNumber, NumericString};
pub use numeric::Numeric;
pub use raw::RawJson;
pub use time::{
    DateTimeText, IsoDate, IsoDateTime, Rfc3339, SpaceDateTime, SpaceDateTimeMillis, TimeOfDay,
};

/// The offending value for an error message: the text itself when short, else its start and
/// its length, so that a 50 MB value does not end up whole in a log.
/// An excerpt is left as it is (`excerpt(excerpt(x)) == excerpt(x)`), so that a message that
/// quotes one keeps the length of the whole value.
pub(crate) fn excerpt(text: &str) -> std::borrow::Cow<'_, str> {
    const MAX: usize = 64;
    if text.len() <= MAX || is_excerpt(text, MAX) {
        return std::borrow::Cow::Borrowed(text);
    }
    let end = (0..=MAX)
        .rev()
        .find(|&at| text.is_char_boundary(at))
        .unwrap_or(0);
    let start = text.get(..end).unwrap_or_default();
    std::borrow::Cow::Owned(format!("{start}… ({} bytes)", text.len()))
}

/// Whether `text` is what [`excerpt`] makes of a longer value: at most `max` bytes, then
/// `… (N bytes)`.
fn is_excerpt(text: &str, max: usize) -> bool {
    let Some((start, length)) = text
        .strip_suffix(" bytes)")
        .and_then(|rest| rest.rsplit_once("… ("))
    else {
        return false;
    };
    start.len() <= max && is_integer_text(length) && !length.starts_with('-')
}

/// Whether `text` is an integer written out: an optional `-`, then one or more ASCII digits.
pub(crate) fn is_integer_text(text: &str) -> bool {
    let digits = text.strip_prefix('-').unwrap_or(text);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}

/// Whether `text` is a number as JSON writes it: `-?digits(.digits)?([eE][+-]?digits)?`,
/// except that leading zeros are allowed (numeric strings such as `"007"` occur).
pub(crate) fn is_number_literal(text: &str) -> bool {
    /// The text after a run of ASCII digits, if there was at least one.
    fn digits(text: &str) -> Option<&str> {
        let rest = text.trim_start_matches(|c: char| c.is_ascii_digit());
        (rest.len() != text.len()).then_some(rest)
    }
    let Some(mut rest) = digits(text.strip_prefix('-').unwrap_or(text)) else {
        return false;
    };
    if let Some(fraction) = rest.strip_prefix('.') {
        let Some(after) = digits(fraction) else {
            return false;
        };
        rest = after;
    }
    if let Some(exponent) = rest.strip_prefix(['e', 'E']) {
        let Some(after) = digits(exponent.strip_prefix(['+', '-']).unwrap_or(exponent)) else {
            return false;
        };
        rest = after;
    }
    rest.is_empty()
}

#[cfg(test)]
mod tests {
    use super::is_number_literal;

    #[test]
    fn excerpts_cut_long_values_at_a_char_boundary() {
        assert_eq!(super::excerpt("short"), "short");
        let long = "é".repeat(100);
        let cut = super::excerpt(&long);
        assert!(
            cut.starts_with(&"é".repeat(32)) && cut.ends_with("… (200 bytes)"),
            "{cut}"
        );
        assert_eq!(super::excerpt(&cut), cut, "an excerpt is kept as it is");
        let not_one = format!("{}… (200 bytes)", "x".repeat(65));
        assert!(super::excerpt(&not_one).ends_with("… (80 bytes)"));
    }

    #[test]
    fn number_literals_follow_json_grammar() {
        for ok in [
            "0",
            "20.00",
            "-1.5",
            "1e3",
            "2.5E-2",
            "007",
            "0.0000000000000000000000000001",
        ] {
            assert!(is_number_literal(ok), "{ok}");
        }
        for bad in [
            "", "-", "1_000", "1.", ".5", "+1", "1e", "1e+", " 1", "1 ", "0x10", "NaN", "1,5",
        ] {
            assert!(!is_number_literal(bad), "{bad}");
        }
    }
}
