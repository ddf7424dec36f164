//! Values the vendor sends as an empty string to mean "none".

use std::marker::PhantomData;

use serde::de::{Deserialize, Deserializer, Error as _};
use serde::ser::Serializer;
use serde_json::value::RawValue;
use serde_with::{DeserializeAs, SerializeAs};

/// A value, or the empty string `""` that some vendors send instead of `null` (myKaarma's
/// order headers: `"voidDate": ""`, `"lubeSale": ""`).
///
/// Fields are `Option<Blankable<T>>`, which keeps all three wire states apart, so each is
/// written back as it came: `None` for `null` or a missing key, `Blank` for `""`, and
/// `Value` for a value. Read the value with [`value`](Self::value), or with
/// [`Present::present`] on the `Option`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Blankable<T> {
    /// The empty string `""`.
    Blank,
    /// A value.
    Value(T),
}

impl<T> Blankable<T> {
    /// The value; `None` when blank.
    pub const fn value(&self) -> Option<&T> {
        match self {
            Self::Blank => None,
            Self::Value(value) => Some(value),
        }
    }

    /// The value, by value; `None` when blank.
    pub fn into_value(self) -> Option<T> {
        match self {
            Self::Blank => None,
            Self::Value(value) => Some(value),
        }
    }

    /// Whether the vendor sent `""`.
    pub const fn is_blank(&self) -> bool {
        matches!(self, Self::Blank)
    }
}

/// Reads the value of an `Option<Blankable<T>>` field, whatever stands for its absence.
pub trait Present<T> {
    /// The value, or `None` when the field is missing, `null` or `""`.
    fn present(&self) -> Option<&T>;
}

impl<T> Present<T> for Option<Blankable<T>> {
    fn present(&self) -> Option<&T> {
        self.as_ref().and_then(Blankable::value)
    }
}

/// Adapts a [`Blankable`]: `""` is [`Blankable::Blank`], anything else is read by the
/// adapter `U` (for example `BlankOr<DecimalString>`, `BlankOr<IsoDate>`). Encoding writes
/// `""` for `Blank` and lets `U` write a value. Use it as `Option<BlankOr<U>>`.
///
/// `BlankOr<Same>` reads the value with its own `Deserialize`: over
/// [`Numeric`](super::Numeric), a field keeps every form a number comes in.
///
/// ```
/// use aftersales_webhooks::wire::{BlankOr, Blankable, Numeric};
/// use serde_with::{Same, serde_as};
///
/// #[serde_as]
/// #[derive(serde::Deserialize, serde::Serialize)]
/// struct Vehicle {
///     #[serde_as(as = "Option<BlankOr<Same>>")]
///     year: Option<Blankable<Numeric<u16>>>,
/// }
///
/// for json in [r#"{"year":2011}"#, r#"{"year":"2011"}"#, r#"{"year":""}"#, r#"{"year":null}"#] {
///     let vehicle: Vehicle = aftersales_webhooks::from_slice(json.as_bytes())?;
///     assert_eq!(serde_json::to_string(&vehicle)?, json);
/// }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct BlankOr<U>(PhantomData<U>);

impl<'de, T, U: DeserializeAs<'de, T>> DeserializeAs<'de, Blankable<T>> for BlankOr<U> {
    fn deserialize_as<D: Deserializer<'de>>(deserializer: D) -> Result<Blankable<T>, D::Error> {
        let raw = <&'de RawValue>::deserialize(deserializer)?;
        if raw.get() == "\"\"" {
            return Ok(Blankable::Blank);
        }
        U::deserialize_as(raw)
            .map(Blankable::Value)
            .map_err(|e| D::Error::custom(crate::error::bare_message(&e)))
    }
}

impl<T, U: SerializeAs<T>> SerializeAs<Blankable<T>> for BlankOr<U> {
    fn serialize_as<S: Serializer>(
        source: &Blankable<T>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match source {
            Blankable::Blank => serializer.serialize_str(""),
            Blankable::Value(value) => U::serialize_as(value, serializer),
        }
    }
}
