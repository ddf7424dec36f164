//! Integers that the vendors send as numbers, as numeric strings, or both.

use std::fmt;
use std::marker::PhantomData;
use std::str::FromStr;

use serde::de::{Deserializer, Error as _, Unexpected, Visitor};
use serde::ser::Serializer;
use serde_with::{DeserializeAs, SerializeAs};

use crate::audit::Drift;

/// An integer type the adapters can read from a JSON number or from its text.
pub trait WireInt: Copy + fmt::Display + FromStr + TryFrom<u64> + TryFrom<i64> {
    /// Writes the value as a JSON number.
    fn serialize_number<S: Serializer>(self, serializer: S) -> Result<S::Ok, S::Error>;
}

macro_rules! wire_int {
    ($($ty:ty => $method:ident),*) => {$(
        impl WireInt for $ty {
            fn serialize_number<S: Serializer>(self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.$method(self)
            }
        }
    )*};
}
wire_int!(u8 => serialize_u8, u16 => serialize_u16, u32 => serialize_u32, u64 => serialize_u64,
          i8 => serialize_i8, i16 => serialize_i16, i32 => serialize_i32, i64 => serialize_i64);

/// What the integer visitor saw: a number, or a string holding one (`None` for `""` or null).
pub(crate) enum Seen<T> {
    Number(T),
    Text(Option<T>),
}

/// Reads an integer from a JSON number or numeric string; `blank_is_none` lets `""` and
/// `null` through as `Seen::Text(None)`.
pub(crate) struct IntVisitor<T> {
    blank_is_none: bool,
    marker: PhantomData<T>,
}

impl<T> IntVisitor<T> {
    pub(crate) const fn new(blank_is_none: bool) -> Self {
        Self {
            blank_is_none,
            marker: PhantomData,
        }
    }
}

impl<T: WireInt> Visitor<'_> for IntVisitor<T> {
    type Value = Seen<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let range = std::any::type_name::<T>();
        write!(f, "an integer ({range}) as a number or a numeric string")
    }

    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Self::Value, E> {
        T::try_from(v)
            .map(Seen::Number)
            .map_err(|_| E::invalid_value(Unexpected::Unsigned(v), &self))
    }

    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Self::Value, E> {
        T::try_from(v)
            .map(Seen::Number)
            .map_err(|_| E::invalid_value(Unexpected::Signed(v), &self))
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
        if v.is_empty() && self.blank_is_none {
            return Ok(Seen::Text(None));
        }
        if !super::is_integer_text(v) {
            return Err(E::invalid_value(Unexpected::Str(&super::excerpt(v)), &self));
        }
        v.parse::<T>()
            .map(|n| Seen::Text(Some(n)))
            .map_err(|_| E::invalid_value(Unexpected::Str(&super::excerpt(v)), &self))
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
        if self.blank_is_none {
            Ok(Seen::Text(None))
        } else {
            Err(E::invalid_type(Unexpected::Unit, &self))
        }
    }

    fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
        self.visit_unit()
    }
}

/// Reads an integer from a JSON number, or from a numeric string such as `"60"`, and writes it
/// back as a JSON number. Use it for fields the docs give as numbers; the vendors' payloads
/// sometimes quote them. A float, a non-numeric string or a value out of the type's range is
/// an error naming the value.
#[derive(Debug, Clone, Copy)]
pub struct LenientNumber;

impl<'de, T: WireInt> DeserializeAs<'de, T> for LenientNumber {
    fn deserialize_as<D: Deserializer<'de>>(deserializer: D) -> Result<T, D::Error> {
        match read_int::<T, D>(deserializer)? {
            (n, true) => {
                // Documented as a number: a string is drift for an audit.
                crate::audit::note(|| Drift::NumberAsString {
                    text: n.to_string(),
                })?;
                Ok(n)
            }
            (n, false) => Ok(n),
        }
    }
}

/// An integer from a number or a numeric string, and whether it was a string.
fn read_int<'de, T: WireInt, D: Deserializer<'de>>(deserializer: D) -> Result<(T, bool), D::Error> {
    match deserializer.deserialize_any(IntVisitor::<T>::new(false))? {
        Seen::Number(n) => Ok((n, false)),
        Seen::Text(Some(n)) => Ok((n, true)),
        Seen::Text(None) => Err(D::Error::custom(
            "expected an integer, found an empty string",
        )),
    }
}

impl<T: WireInt> SerializeAs<T> for LenientNumber {
    fn serialize_as<S: Serializer>(source: &T, serializer: S) -> Result<S::Ok, S::Error> {
        source.serialize_number(serializer)
    }
}

/// Reads an optional integer that the docs give as a string (`"mileageIn": "75000"`) and
/// writes it back as a string. A JSON number is accepted as well; `null`, a missing key (with
/// `#[serde(default)]`) and the empty string `""` all mean `None`.
///
/// It applies to the whole `Option<T>`, so the field needs `#[serde(default)]`:
/// `#[serde_as(as = "NumericString")] #[serde(default)] mileage: Option<u32>`.
///
/// To write back the form that came instead (`2011`, `"2011"` or `""`), model the field as
/// `Option<Blankable<Numeric<T>>>` with `#[serde_as(as = "Option<BlankOr<Same>>")]`, as the
/// myKaarma vehicles' year and mileage are.
#[derive(Debug, Clone, Copy)]
pub struct NumericString;

impl<'de, T: WireInt> DeserializeAs<'de, Option<T>> for NumericString {
    fn deserialize_as<D: Deserializer<'de>>(deserializer: D) -> Result<Option<T>, D::Error> {
        match deserializer.deserialize_any(IntVisitor::<T>::new(true))? {
            Seen::Number(n) => Ok(Some(n)),
            Seen::Text(n) => Ok(n),
        }
    }
}

impl<T: WireInt> SerializeAs<Option<T>> for NumericString {
    fn serialize_as<S: Serializer>(source: &Option<T>, serializer: S) -> Result<S::Ok, S::Error> {
        match source {
            Some(n) => serializer.collect_str(n),
            None => serializer.serialize_none(),
        }
    }
}

/// Without `Option` (inside [`BlankOr`](super::BlankOr), for instance), `""` and `null` are
/// errors rather than `None`.
impl<'de, T: WireInt> DeserializeAs<'de, T> for NumericString {
    fn deserialize_as<D: Deserializer<'de>>(deserializer: D) -> Result<T, D::Error> {
        read_int::<T, D>(deserializer).map(|(n, _)| n)
    }
}

impl<T: WireInt> SerializeAs<T> for NumericString {
    fn serialize_as<S: Serializer>(source: &T, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(source)
    }
}
