//! Booleans that travel as text.

use std::fmt;

use serde::de::{Deserializer, Unexpected, Visitor};
use serde::ser::Serializer;
use serde_with::{DeserializeAs, SerializeAs};

/// Reads a boolean written as text, in one of two spellings, ignoring ASCII case; a JSON
/// boolean is accepted too.
struct FlagVisitor {
    yes: &'static str,
    no: &'static str,
}

impl Visitor<'_> for FlagVisitor {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "\"{}\" or \"{}\"", self.yes, self.no)
    }

    fn visit_bool<E: serde::de::Error>(self, v: bool) -> Result<bool, E> {
        Ok(v)
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<bool, E> {
        if v.eq_ignore_ascii_case(self.yes) {
            Ok(true)
        } else if v.eq_ignore_ascii_case(self.no) {
            Ok(false)
        } else {
            Err(E::invalid_value(Unexpected::Str(&super::excerpt(v)), &self))
        }
    }
}

macro_rules! text_flag {
    ($(#[$meta:meta])* $name:ident, $yes:literal, $no:literal) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy)]
        pub struct $name;

        impl<'de> DeserializeAs<'de, bool> for $name {
            fn deserialize_as<D: Deserializer<'de>>(deserializer: D) -> Result<bool, D::Error> {
                deserializer.deserialize_any(FlagVisitor { yes: $yes, no: $no })
            }
        }

        impl SerializeAs<bool> for $name {
            fn serialize_as<S: Serializer>(source: &bool, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(if *source { $yes } else { $no })
            }
        }
    };
}

text_flag!(
    /// A boolean sent as the string `"true"` or `"false"` (MPI `hasAudio`), written back as a
    /// string. A JSON boolean is accepted too.
    BoolString, "true", "false"
);

text_flag!(
    /// A boolean sent as `"Y"` or `"N"` (order `waiter`, `addOnLine`), written back so. A JSON
    /// boolean is accepted too.
    YesNo, "Y", "N"
);

text_flag!(
    /// A boolean sent as `"1"` or `"0"` (order `partsFlag`, `comeBackFlag`), written back so.
    /// A JSON boolean is accepted too.
    OneZero, "1", "0"
);
