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
