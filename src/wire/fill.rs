//! Decoding an object into a value that is already in place (a field of its parent, a box
//! allocated before the decode), so that its bytes are written once and never moved: the
//! models of a case are several kilobytes, and returning one by value through serde's layers
//! copies it at each.

use std::fmt;

use serde::de::{DeserializeSeed, Deserializer, MapAccess, Visitor};

use super::Patch;

/// A model that reads an object's members into itself (the `open_struct!` models).
pub(crate) trait Fill: Default {
    /// What the object is, for an error: `an object (Contact)`.
    const EXPECTING: &'static str;

    /// Reads the object's members into `self`, which starts as `Default`.
    fn fill<'de, A: MapAccess<'de>>(&mut self, map: A) -> Result<(), A::Error>;
}

/// Reads an object into a [`Fill`] model in place.
struct FillVisitor<'a, T>(&'a mut T);

impl<'de, T: Fill> Visitor<'de> for FillVisitor<'_, T> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(T::EXPECTING)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<(), A::Error> {
        self.0.fill(map)
    }
}

/// A field that takes an object in place: `Option<T>` or [`Patch<T>`] of a [`Fill`] model.
/// `null` is `None` (`Patch::Null`); an object is read into a default value in the field.
pub(crate) trait Slot {
    /// Reads the field's value from `deserializer` into the field.
    fn read<'de, D: Deserializer<'de>>(&mut self, deserializer: D) -> Result<(), D::Error>;
}

impl<T: Fill> Slot for Option<T> {
    fn read<'de, D: Deserializer<'de>>(&mut self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_option(OptionVisitor(self))
    }
}

struct OptionVisitor<'a, T>(&'a mut Option<T>);

impl<'de, T: Fill> Visitor<'de> for OptionVisitor<'_, T> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(T::EXPECTING)
    }

    fn visit_none<E: serde::de::Error>(self) -> Result<(), E> {
        *self.0 = None;
        Ok(())
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<(), E> {
        self.visit_none()
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        let value = self.0.insert(T::default());
        deserializer.deserialize_map(FillVisitor(value))
    }
}

impl<T: Fill> Slot for Patch<T> {
    fn read<'de, D: Deserializer<'de>>(&mut self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_option(PatchVisitor(self))
    }
}

struct PatchVisitor<'a, T>(&'a mut Patch<T>);

impl<'de, T: Fill> Visitor<'de> for PatchVisitor<'_, T> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(T::EXPECTING)
    }

    fn visit_none<E: serde::de::Error>(self) -> Result<(), E> {
        *self.0 = Patch::Null;
        Ok(())
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<(), E> {
        self.visit_none()
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        *self.0 = Patch::Value(T::default());
        match self.0 {
            Patch::Value(value) => deserializer.deserialize_map(FillVisitor(value)),
            Patch::Absent | Patch::Null => Ok(()),
        }
    }
}

/// The seed that reads a map value into a [`Slot`] field.
pub(crate) struct InPlace<'a, S>(pub(crate) &'a mut S);

impl<'de, S: Slot> DeserializeSeed<'de> for InPlace<'_, S> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        self.0.read(deserializer)
    }
}

/// A boxed model reads into its box, so that `Option<Box<T>>` is a [`Slot`] as `Option<T>` is:
/// the box is allocated when the object comes, and the object read straight into it.
impl<T: Fill> Fill for Box<T> {
    const EXPECTING: &'static str = T::EXPECTING;

    fn fill<'de, A: MapAccess<'de>>(&mut self, map: A) -> Result<(), A::Error> {
        T::fill(self, map)
    }
}

/// Reads an optional object straight into a box allocated first, for a derived model's
/// `Option<Box<T>>` field (`Status::case`, `Invoice::case`, `MessageEvent::message`):
/// `#[serde(default, deserialize_with = "crate::wire::boxed")]`.
pub(crate) fn boxed<'de, D: Deserializer<'de>, T: Fill>(
    deserializer: D,
) -> Result<Option<Box<T>>, D::Error> {
    let mut value = None;
    Slot::read(&mut value, deserializer)?;
    Ok(value)
}

/// Reads an object into a new [`Fill`] model: an `open_struct!` model's `Deserialize`, or, as
/// a `Box<T>`, straight into a box allocated first, so that the model is never moved into it
/// (a top-level model in `Webhook`).
pub(crate) fn fill_new<'de, D: Deserializer<'de>, T: Fill>(deserializer: D) -> Result<T, D::Error> {
    let mut value = T::default();
    deserializer.deserialize_map(FillVisitor(&mut value))?;
    Ok(value)
}
