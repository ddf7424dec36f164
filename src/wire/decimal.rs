//! Exact decimals: money and quantities as `rust_decimal::Decimal`, never through `f64`.

use std::str::FromStr;

use rust_decimal::Decimal;
use serde::de::{Deserialize, Deserializer, Error as _};
use serde::ser::{Error as _, Serialize, Serializer};
use serde_json::value::RawValue;
use serde_with::{DeserializeAs, SerializeAs};

use crate::audit::Drift;

/// Reads a JSON number such as `20.00` digit for digit into a [`Decimal`] that keeps its
/// scale, and writes it back as a JSON number with the same digits.
///
/// A numeric string (`"20.00"`) is accepted as well, since the vendors drift between the two.
/// Anything else (an empty or non-numeric string, a boolean, a number beyond `Decimal`'s 96 bits)
/// is an error naming the value. Use `Option<ExactDecimal>` for a field that may be `null` or
/// missing.
///
/// ```
/// use rust_decimal::Decimal;
/// use serde::{Deserialize, Serialize};
/// use serde_with::serde_as;
///
/// #[serde_as]
/// #[derive(Deserialize, Serialize)]
/// struct Line {
///     #[serde_as(as = "aftersales_webhooks::wire::ExactDecimal")]
///     price: Decimal,
/// }
///
/// let line: Line = aftersales_webhooks::from_slice(br#"{"price": 20.00}"#)?;
/// assert_eq!(line.price.to_string(), "20.00");
/// assert_eq!(serde_json::to_string(&line)?, r#"{"price":20.00}"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct ExactDecimal;

impl<'de> DeserializeAs<'de, Decimal> for ExactDecimal {
    fn deserialize_as<D: Deserializer<'de>>(deserializer: D) -> Result<Decimal, D::Error> {
        let raw = <&'de RawValue>::deserialize(deserializer)?;
        let value = parse(raw.get()).map_err(D::Error::custom)?;
        if let Some(text) = quoted(raw.get()) {
            // Documented as a number: a string is drift for an audit.
            crate::audit::note(|| Drift::NumberAsString {
                text: text.to_owned(),
            })?;
        }
        Ok(value)
    }
}

impl SerializeAs<Decimal> for ExactDecimal {
    fn serialize_as<S: Serializer>(source: &Decimal, serializer: S) -> Result<S::Ok, S::Error> {
        let raw = RawValue::from_string(source.to_string()).map_err(S::Error::custom)?;
        raw.serialize(serializer)
    }
}

/// Reads money and quantities that the vendor sends as strings (`"82.00"`, myKaarma's order
/// headers) into a [`Decimal`] with its scale, and writes them back as strings with the same
/// digits. A JSON number is accepted too. For fields that may also be `""`, use
/// `BlankOr<DecimalString>` (see [`Blankable`](super::Blankable)).
#[derive(Debug, Clone, Copy)]
pub struct DecimalString;

impl<'de> DeserializeAs<'de, Decimal> for DecimalString {
    fn deserialize_as<D: Deserializer<'de>>(deserializer: D) -> Result<Decimal, D::Error> {
        let raw = <&'de RawValue>::deserialize(deserializer)?;
        parse(raw.get()).map_err(D::Error::custom)
    }
}

impl SerializeAs<Decimal> for DecimalString {
    fn serialize_as<S: Serializer>(source: &Decimal, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(source)
    }
}

/// The text inside a raw JSON string's quotes; `None` for a number.
pub(crate) fn quoted(raw: &str) -> Option<&str> {
    raw.strip_prefix('"')?.strip_suffix('"')
}

/// Parses the raw JSON text of a number or numeric string.
pub(crate) fn parse(raw: &str) -> Result<Decimal, String> {
    let text = raw
        .strip_prefix('"')
        .and_then(|inner| inner.strip_suffix('"'))
        .unwrap_or(raw);
    match read_plain(text) {
        Some(value) => Ok(value),
        None => parse_checked(raw, text),
    }
}

/// Reads `-?digits(.digits)?` of at most 18 digits, in one pass: nearly every amount. `None`
/// for anything else (an exponent, more digits, negative zero, no number at all), which
/// [`parse_checked`] then reads or refuses. What this reads, `Decimal::from_str` reads to the
/// same value and scale.
fn read_plain(text: &str) -> Option<Decimal> {
    let (negative, digits) = match text.as_bytes().split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, text.as_bytes()),
    };
    let mut mantissa: i64 = 0;
    let mut count: u32 = 0;
    let mut point: Option<u32> = None;
    for &byte in digits {
        match byte {
            b'0'..=b'9' => {
                if count == 18 {
                    return None;
                }
                count = count.checked_add(1)?;
                mantissa = mantissa
                    .checked_mul(10)?
                    .checked_add(i64::from(byte.checked_sub(b'0')?))?;
            }
            b'.' if point.is_none() && count > 0 => point = Some(count),
            _ => return None,
        }
    }
    // Digits before and after the point, a value that is not negative zero.
    let scale = match point {
        Some(at) => count.checked_sub(at).filter(|&places| places > 0)?,
        None if count > 0 => 0,
        None => return None,
    };
    if negative {
        if mantissa == 0 {
            return None;
        }
        mantissa = mantissa.checked_neg()?;
    }
    Decimal::try_new(mantissa, scale).ok()
}

/// Parses a number's text that [`read_plain`] did not: checks its form, then reads it, and
/// refuses a value `Decimal` would round.
#[cold]
fn parse_checked(raw: &str, text: &str) -> Result<Decimal, String> {
    if !super::is_number_literal(text) {
        return Err(format!(
            "invalid type: {}, expected a decimal number",
            describe(raw)
        ));
    }
    let shown = super::excerpt(text);
    if text.contains(['e', 'E']) {
        return Decimal::from_scientific(text)
            .map_err(|e| format!("decimal {shown} is out of range: {e}"));
    }
    let parsed =
        Decimal::from_str(text).map_err(|e| format!("decimal {shown} is out of range: {e}"))?;
    // rust_decimal rounds digits it cannot keep (more than 28 decimal places); refuse rather
    // than change the value.
    let places = text
        .split_once('.')
        .map_or(0, |(_, fraction)| fraction.len());
    if usize::try_from(parsed.scale()).ok() != Some(places) {
        return Err(format!(
            "decimal {shown} has more digits than can be kept exactly"
        ));
    }
    Ok(parsed)
}

/// Names a raw JSON value for an error message, at most an excerpt of it.
fn describe(raw: &str) -> String {
    match raw.chars().next() {
        Some('{') => "an object".to_owned(),
        Some('[') => "an array".to_owned(),
        Some('"') => format!("string {}", super::excerpt(raw)),
        _ => super::excerpt(raw).into_owned(),
    }
}

// Exact arithmetic for totals: `rust_decimal` rounds a result that does not fit its 28
// places, silently; these refuse to.

/// `a × b`, exactly: `None` when the product does not fit a [`Decimal`] with all of its
/// decimal places (the sum of the factors'), where `rust_decimal` would round it.
pub(crate) fn exact_mul(a: Decimal, b: Decimal) -> Option<Decimal> {
    let places = a.scale().checked_add(b.scale())?;
    let mut product = a.checked_mul(b)?;
    if product.is_zero() {
        // `rust_decimal` gives a zero product no decimal places; give it its own.
        product.rescale(places);
    } else if product.scale() != places {
        return None;
    }
    Some(product)
}

/// The sum of `terms`, exactly (see [`exact_add`]): `Some(0)` for none, `None` when a term is
/// missing or the sum does not fit.
pub(crate) fn exact_sum(terms: impl IntoIterator<Item = Option<Decimal>>) -> Option<Decimal> {
    terms
        .into_iter()
        .try_fold(Decimal::ZERO, |sum, term| exact_add(sum, term?))
}

/// `a + b`, exactly, with the larger of their decimal places: `None` when the sum does not
/// fit a [`Decimal`] with all of them, where `rust_decimal` would round it.
fn exact_add(a: Decimal, b: Decimal) -> Option<Decimal> {
    let mut sum = a.checked_add(b)?;
    let needed = [a, b]
        .into_iter()
        .filter(|term| !term.is_zero())
        .map(|term| term.scale())
        .max()
        .unwrap_or(0);
    if !sum.is_zero() && sum.scale() < needed {
        return None;
    }
    // `rust_decimal` returns the other term unchanged when one is zero; keep both's places.
    sum.rescale(a.scale().max(b.scale()));
    Some(sum)
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn keeps_scale_and_reads_strings_and_exponents() {
        assert_eq!(
            parse("20.00").map(|d| d.to_string()),
            Ok("20.00".to_owned())
        );
        assert_eq!(
            parse("\"82.00\"").map(|d| d.to_string()),
            Ok("82.00".to_owned())
        );
        assert_eq!(parse("1e3").map(|d| d.to_string()), Ok("1000".to_owned()));
    }

    #[test]
    fn the_one_pass_reading_agrees_with_the_checked_one() {
        let mut texts: Vec<String> = [
            "0",
            "00",
            "007",
            "0.0",
            "0.00",
            "-0",
            "-0.0",
            "-0.50",
            "20.00",
            "-1.5",
            "1.",
            ".5",
            "-",
            "",
            "--1",
            "1.2.3",
            "1e3",
            "1E-2",
            "+1",
            " 1",
            "1 ",
            "0x10",
            "1_000",
            "١",
            "999999999999999999",
            "9999999999999999999",
            "-999999999999999999",
            "123456789.123456789",
            "0.000000000000000001",
            "0.0000000000000000001",
            "9223372036854775807",
            "-9223372036854775808",
        ]
        .map(str::to_owned)
        .to_vec();
        for digits in 1..=20 {
            for point in 0..=digits {
                let mut text: String = (1..=digits).map(|d| char::from(b'0' + d % 10)).collect();
                if point > 0 && point < digits {
                    text.insert(usize::from(point), '.');
                }
                texts.push(format!("-{text}"));
                texts.push(text);
            }
        }
        for text in &texts {
            let fast = super::read_plain(text);
            let checked = super::parse_checked(text, text);
            if let Some(value) = fast {
                let checked = checked.unwrap_or_else(|e| panic!("{text}: {e}"));
                assert_eq!(
                    (value.to_string(), value.scale(), value.is_sign_negative()),
                    (
                        checked.to_string(),
                        checked.scale(),
                        checked.is_sign_negative()
                    ),
                    "{text}"
                );
            }
        }
        assert!(super::read_plain("20.00").is_some() && super::read_plain("-7").is_some());
    }

    #[test]
    fn rejects_what_is_not_a_number() {
        for bad in [
            "\"\"",
            "\"1_000\"",
            "true",
            "{}",
            "[1]",
            "\"abc\"",
            "\" 1\"",
        ] {
            assert!(parse(bad).is_err(), "{bad}");
        }
        assert!(parse("79228162514264337593543950336").is_err());
        // Would be rounded (to 0 here): refused instead.
        assert!(parse("0.0000000000000000000000000000000000001").is_err());
        assert!(parse("7922816251426433759354395033.55").is_err());
        assert_eq!(
            parse("0.0000000000000000000000000001").map(|d| d.scale()),
            Ok(28)
        );
    }
}
