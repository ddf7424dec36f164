//! Patches: a key sent as `null` was removed, an absent key is unchanged.

use serde::de::{Deserialize, Deserializer};
use serde::ser::{Serialize, Serializer};
use serde_with::de::DeserializeAsWrap;
use serde_with::{DeserializeAs, SerializeAs};

/// One field of a patch, in one of its three states: absent (unchanged), `null` (removed) or
/// a new value. `Option<T>` cannot tell the first two apart; this can.
///
/// Use it with `#[serde(default, skip_serializing_if = "Patch::is_absent")]` (the
/// [`open_struct!`](crate::wire) models do so for you): a missing key decodes to `Absent` and is
/// not written, `null` decodes to `Null` and is written as `null`.
///
/// ```
/// use aftersales_webhooks::wire::Patch;
///
/// let mut serial = Some("5557779900".to_owned());
/// Patch::Absent.apply(&mut serial);
/// assert_eq!(serial.as_deref(), Some("5557779900"));
/// Patch::Value("X1".to_owned()).apply(&mut serial);
/// assert_eq!(serial.as_deref(), Some("X1"));
/// Patch::Null.apply(&mut serial);
/// assert_eq!(serial, None);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Patch<T> {
    /// The key was not sent: the field is unchanged.
    #[default]
    Absent,
    /// The key was sent as `null`: the field was removed.
    Null,
    /// The key was sent with a value: the field's new value.
    Value(T),
}

impl<T> Patch<T> {
    /// Whether the key was not sent (the field is unchanged).
    pub const fn is_absent(&self) -> bool {
        matches!(self, Self::Absent)
    }

    /// Whether the key was sent as `null` (the field was removed).
    pub const fn is_removed(&self) -> bool {
        matches!(self, Self::Null)
    }

    /// The new value, if the key was sent with one.
    pub const fn value(&self) -> Option<&T> {
        match self {
            Self::Value(value) => Some(value),
            Self::Absent | Self::Null => None,
        }
    }

    /// Applies the change to the field's current value: absent leaves it, `null` clears it,
    /// a value replaces it.
    pub fn apply(self, field: &mut Option<T>) {
        match self {
            Self::Absent => {}
            Self::Null => *field = None,
            Self::Value(value) => *field = Some(value),
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Patch<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(match Option::<T>::deserialize(deserializer)? {
            Some(value) => Self::Value(value),
            None => Self::Null,
        })
    }
}

impl<T: Serialize> Serialize for Patch<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Value(value) => value.serialize(serializer),
            Self::Absent | Self::Null => serializer.serialize_none(),
        }
    }
}

/// Adapts a patch field's value with the adapter `U`, as `serde_with`'s `Option<U>` does
/// for an `Option`: `Patch<LenientNumber>` reads `7` and `"7"` into a `Patch<i64>`. `null`
/// is [`Patch::Null`] and a value is read by `U`; an absent key never reaches the adapter,
/// so the field needs `#[serde(default)]` to be [`Patch::Absent`] (the
/// [`open_struct!`](crate::wire) models do so for you):
///
/// ```
/// use aftersales_webhooks::wire::{LenientNumber, Patch};
/// use serde_with::serde_as;
///
/// #[serde_as]
/// #[derive(serde::Deserialize, serde::Serialize)]
/// struct Change {
///     #[serde_as(as = "Patch<LenientNumber>")]
///     #[serde(default, skip_serializing_if = "Patch::is_absent")]
///     id: Patch<i64>,
/// }
///
/// let read = |json: &str| aftersales_webhooks::from_slice::<Change>(json.as_bytes());
/// assert_eq!(read(r#"{"id":"7"}"#)?.id, Patch::Value(7));
/// assert_eq!(read(r#"{"id":null}"#)?.id, Patch::Null);
/// assert_eq!(read("{}")?.id, Patch::Absent);
/// assert_eq!(serde_json::to_string(&read(r#"{"id":"7"}"#)?)?, r#"{"id":7}"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
impl<'de, T, U: DeserializeAs<'de, T>> DeserializeAs<'de, Patch<T>> for Patch<U> {
    fn deserialize_as<D: Deserializer<'de>>(deserializer: D) -> Result<Patch<T>, D::Error> {
        Ok(
            match Option::<DeserializeAsWrap<T, U>>::deserialize(deserializer)? {
                Some(value) => Patch::Value(value.into_inner()),
                None => Patch::Null,
            },
        )
    }
}

/// Writes a patch field's value with the adapter `U`, and `null` for [`Patch::Null`] (and
/// for [`Patch::Absent`], which a model skips).
impl<T, U: SerializeAs<T>> SerializeAs<Patch<T>> for Patch<U> {
    fn serialize_as<S: Serializer>(source: &Patch<T>, serializer: S) -> Result<S::Ok, S::Error> {
        match source {
            Patch::Value(value) => U::serialize_as(value, serializer),
            Patch::Absent | Patch::Null => serializer.serialize_none(),
        }
    }
}

/// A field of an [`open_struct!`](crate::wire) model: whether it was absent, so that it is not
/// written back.
pub trait WireField: Default {
    /// Whether the key was absent.
    fn is_absent(&self) -> bool;
}

impl<T> WireField for Option<T> {
    fn is_absent(&self) -> bool {
        self.is_none()
    }
}

impl<T> WireField for Patch<T> {
    fn is_absent(&self) -> bool {
        Patch::is_absent(self)
    }
}
