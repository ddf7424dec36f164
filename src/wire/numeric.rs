//! A number that keeps whether it came quoted.

use std::fmt;
use std::ops::Deref;

use rust_decimal::Decimal;
use serde::de::{Deserialize, Deserializer, Error as _};
use serde::ser::{Error as _, Serialize, Serializer};
use serde_json::value::RawValue;

use super::int::{IntVisitor, Seen, WireInt};

/// A number the vendor sends sometimes as a JSON number (`720`) and sometimes as a string
/// (`"60"`), for the same field. It reads both, keeps which form came, and writes that form
/// back, so what was decoded is forwarded unchanged.
///
/// `Numeric<Decimal>` does the same for exact amounts (Service Order Hub's `priceNet`: `280` in
/// v3, `"600.00"` in v1), keeping the digits and scale either way.
///
/// Read the value with [`get`](Self::get) or through `Deref`; `Debug` shows the wire form
/// (`Numeric(720)`, `Numeric("60")`). Two values are equal when both the number and the form
/// are: use `get()` to compare numbers alone.
///
/// ```
/// use aftersales_webhooks::wire::Numeric;
///
/// let quoted: Numeric<u32> = aftersales_webhooks::from_slice(br#""60""#)?;
/// let plain: Numeric<u32> = aftersales_webhooks::from_slice(b"720")?;
/// assert_eq!((quoted.get(), quoted.is_quoted()), (60, true));
/// assert_eq!((*plain, plain.is_quoted()), (720, false));
/// assert_eq!(serde_json::to_string(&quoted)?, r#""60""#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Numeric<T> {
    value: T,
    quoted: bool,
}

impl<T: Copy> Numeric<T> {
    /// A number written as a JSON number.
    pub const fn new(value: T) -> Self {
        Self {
            value,
            quoted: false,
        }
    }

    /// A number written as a JSON string.
    pub const fn quoted(value: T) -> Self {
        Self {
            value,
            quoted: true,
        }
    }

    /// The number.
    pub const fn get(&self) -> T {
        self.value
    }

    /// Whether the vendor sent (and encoding writes) the number as a string.
    pub const fn is_quoted(&self) -> bool {
        self.quoted
    }
}

impl<T> Deref for Numeric<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.value
    }
}

impl<T: fmt::Debug> fmt::Debug for Numeric<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.quoted {
            write!(f, "Numeric(\"{:?}\")", self.value)
        } else {
            write!(f, "Numeric({:?})", self.value)
        }
    }
}

impl<'de, T: WireInt> Deserialize<'de> for Numeric<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match deserializer.deserialize_any(IntVisitor::<T>::new(false))? {
            Seen::Number(value) => Ok(Self::new(value)),
            Seen::Text(Some(value)) => Ok(Self::quoted(value)),
            Seen::Text(None) => Err(D::Error::custom(
                "expected an integer, found an empty string",
            )),
        }
    }
}

impl<T: WireInt> Serialize for Numeric<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.quoted {
            serializer.collect_str(&self.value)
        } else {
            self.value.serialize_number(serializer)
        }
    }
}

impl<'de> Deserialize<'de> for Numeric<Decimal> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = <&'de RawValue>::deserialize(deserializer)?;
        let value = super::decimal::parse(raw.get()).map_err(D::Error::custom)?;
        Ok(Self {
            value,
            quoted: raw.get().starts_with('"'),
        })
    }
}

impl Serialize for Numeric<Decimal> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.quoted {
            serializer.collect_str(&self.value)
        } else {
            RawValue::from_string(self.value.to_string())
                .map_err(S::Error::custom)?
                .serialize(serializer)
        }
    }
}
