//! What each kind of body is known by, and the check that refuses a body of another kind.
//!
//! Neither vendor names the kind inside every body: a Service Order Hub webhook's kind is the
//! URL (or queue) it was sent to, and a myKaarma payload's kind is its envelope's. So a body
//! sent to the wrong place would decode as an all-`None` value of the wrong type, and nothing
//! would fail. Every top-level model is therefore known by a few top-level keys that bodies of
//! its kind carry and bodies of no other kind do (each vendor's table lists them, from the
//! docs); decoding refuses a body that carries none of them, and names the kind whose keys it
//! does carry.
//!
//! The check rides along the one decode: the model decodes as it always did, and is then
//! asked whether any of its kind's fields holds a value. Only to word a refusal are the body's
//! first top-level keys looked at, which the decode keeps as it reads them (borrowed, not
//! copied). What it costs per fixture is in `benches/README.md` (under 3% on every myKaarma
//! fixture, up to 9% on the smallest Service Order Hub bodies).

use std::fmt;
use std::marker::PhantomData;

use serde::de::value::{BorrowedStrDeserializer, MapAccessDeserializer, StrDeserializer};
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, Visitor};

/// A kind of body, and the top-level keys it is known by.
#[derive(Debug)]
pub(crate) struct Kind {
    /// The kind as an error names it, with its article: `a cost-proposal webhook`.
    pub(crate) name: &'static str,
    /// Top-level keys that bodies of this kind carry and bodies of no other kind do.
    pub(crate) keys: &'static [&'static str],
}

impl Kind {
    /// Whether `key` is one this kind is known by.
    pub(crate) fn knows(&self, key: &str) -> bool {
        self.keys.contains(&key)
    }
}

/// Every kind of both vendors, for naming the kind a misplaced body belongs to.
fn all_kinds() -> impl Iterator<Item = &'static Kind> {
    std::iter::once(&crate::mykaarma::ENVELOPE)
        .chain(crate::mykaarma::PAYLOAD_KINDS.iter().copied())
        .chain(crate::service_order_hub::KINDS.iter().copied())
}

/// A model whose fields can be decoded without the check: serde's derive, through [`model!`].
pub(crate) trait Fields: Sized {
    /// Decodes the model's fields from an object.
    fn deserialize_fields<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error>;

    /// As [`deserialize_fields`](Self::deserialize_fields), into a box. A model that can read
    /// an object in place (`open_struct!`) reads it straight into the box, so that its bytes
    /// are not moved into it afterwards.
    fn deserialize_fields_boxed<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Box<Self>, D::Error> {
        Self::deserialize_fields(deserializer).map(Box::new)
    }
}

/// A top-level model whose body is known by its kind's keys (given by the vendor's table,
/// through [`kinds!`]).
pub(crate) trait Known: Fields {
    /// The model's kind.
    const KIND: &'static Kind;

    /// Whether the decoded value holds one of the fields its kind is known by. A key sent as
    /// `null` does not count, as a missing key and `null` mean the same (in a patch, where
    /// `null` is a removal, it does): so whatever is accepted is accepted again once encoded.
    fn is_of_its_kind(&self) -> bool;
}

/// A field's value: whether it holds what the wire sent, so that encoding writes it back.
pub(crate) trait Carried {
    /// Whether the value holds something (a `null` or a missing key does not).
    fn carried(&self) -> bool;
}

impl<T> Carried for Option<T> {
    fn carried(&self) -> bool {
        self.is_some()
    }
}

impl<T> Carried for crate::wire::Patch<T> {
    fn carried(&self) -> bool {
        !self.is_absent()
    }
}

/// Decodes a top-level model: a JSON object that carries at least one of its kind's keys.
pub(crate) fn deserialize<'de, T: Known, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<T, D::Error> {
    deserializer
        .deserialize_map(ModelVisitor(PhantomData::<Inline<T>>))
        .map(|Inline(model)| model)
}

/// A top-level model in a box, decoded as [`deserialize`] decodes the model: what
/// `Webhook` holds.
pub(crate) struct Boxed<T>(pub(crate) Box<T>);

impl<'de, T: Known> serde::Deserialize<'de> for Boxed<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer
            .deserialize_map(ModelVisitor(PhantomData::<Box<T>>))
            .map(Boxed)
    }
}

/// How [`ModelVisitor`] holds the model it decodes: as it is, or in a box.
trait Holder: Sized {
    type Model: Known;

    fn decode<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error>;

    fn model(&self) -> &Self::Model;
}

/// The model as it is.
struct Inline<T>(T);

impl<T: Known> Holder for Inline<T> {
    type Model = T;

    fn decode<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        T::deserialize_fields(deserializer).map(Inline)
    }

    fn model(&self) -> &T {
        &self.0
    }
}

impl<T: Known> Holder for Box<T> {
    type Model = T;

    fn decode<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        T::deserialize_fields_boxed(deserializer)
    }

    fn model(&self) -> &T {
        self
    }
}

struct ModelVisitor<H>(PhantomData<H>);

impl<'de, H: Holder> Visitor<'de> for ModelVisitor<H> {
    type Value = H;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (a JSON object)", H::Model::KIND.name)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<H, A::Error> {
        let mut keys = FirstKeys::default();
        let value = H::decode(MapAccessDeserializer::new(Watched {
            map,
            keys: &mut keys,
        }))?;
        if value.model().is_of_its_kind() {
            Ok(value)
        } else {
            Err(de::Error::custom(refusal(H::Model::KIND, keys.as_slice())))
        }
    }
}

/// The first top-level keys of a body, as far as the input lends them (keys with escapes,
/// and every key of a deserializer that copies, are left out): enough to word a refusal.
#[derive(Default)]
struct FirstKeys<'de> {
    keys: [&'de str; 16],
    len: usize,
}

impl<'de> FirstKeys<'de> {
    fn push(&mut self, key: &'de str) {
        if let Some(slot) = self.keys.get_mut(self.len) {
            *slot = key;
            self.len = self.len.saturating_add(1);
        }
    }

    fn as_slice(&self) -> &[&'de str] {
        self.keys.get(..self.len).unwrap_or_default()
    }
}

/// Why a body that carries `keys` is not `kind`: whose keys it carries instead, or that it
/// carries none of the kind's.
#[cold]
pub(crate) fn refusal(kind: &Kind, keys: &[&str]) -> String {
    // The other kind that knows most of the body's keys (the first listed on a tie).
    let mut best: Option<(&Kind, Vec<&str>)> = None;
    // By name: a `const` reference need not have one address.
    for other in all_kinds().filter(|other| other.name != kind.name) {
        let carried: Vec<&str> = keys
            .iter()
            .copied()
            .filter(|key| other.knows(key))
            .collect();
        if !carried.is_empty() && best.as_ref().is_none_or(|(_, b)| carried.len() > b.len()) {
            best = Some((other, carried));
        }
    }
    match best {
        Some((other, carried)) => format!(
            "not {}: it carries {} (keys of {})",
            kind.name,
            carried.join(", "),
            other.name
        ),
        None => format!(
            "not {}: it carries none of the keys it is known by ({}), or only as null",
            kind.name,
            kind.keys.join(", ")
        ),
    }
}

/// The map being decoded, its first keys kept on their way to the model.
struct Watched<'w, 'de, A> {
    map: A,
    keys: &'w mut FirstKeys<'de>,
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Watched<'_, 'de, A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        self.map.next_key_seed(WatchedKey {
            seed,
            keys: self.keys,
        })
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
        self.map.next_value_seed(seed)
    }

    fn size_hint(&self) -> Option<usize> {
        self.map.size_hint()
    }
}

/// Reads a key as text, keeps it if the input lends it, and hands the same text to the
/// model's seed.
struct WatchedKey<'w, 'de, K> {
    seed: K,
    keys: &'w mut FirstKeys<'de>,
}

impl<'de, K: DeserializeSeed<'de>> DeserializeSeed<'de> for WatchedKey<'_, 'de, K> {
    type Value = K::Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<K::Value, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de, K: DeserializeSeed<'de>> Visitor<'de> for WatchedKey<'_, 'de, K> {
    type Value = K::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object key")
    }

    fn visit_borrowed_str<E: de::Error>(self, key: &'de str) -> Result<K::Value, E> {
        self.keys.push(key);
        self.seed.deserialize(BorrowedStrDeserializer::new(key))
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<K::Value, E> {
        self.seed.deserialize(StrDeserializer::new(key))
    }
}

/// Defines a top-level model: the struct as written, and a `Deserialize` that decodes its
/// fields with serde's derive and refuses a body that carries none of its kind's keys (the
/// kind comes from the vendor's table, through [`Known`]).
///
/// Write the struct as for `#[derive(Deserialize)]`, without deriving `Deserialize`: the
/// derive is applied to a private copy of the struct, whose fields are moved into the model.
macro_rules! model {
    (
        $(#[$meta:meta])*
        $vis:vis struct $name:ident {
            $(
                $(#[$field_meta:meta])*
                $field_vis:vis $field:ident: $ty:ty
            ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        $vis struct $name {
            $(
                $(#[$field_meta])*
                $field_vis $field: $ty,
            )*
        }

        const _: () = {
            $(#[$meta])*
            #[derive(::serde::Deserialize)]
            #[serde(remote = "Self")]
            #[allow(dead_code, clippy::all, clippy::pedantic)]
            struct Fields {
                $(
                    $(#[$field_meta])*
                    $field: $ty,
                )*
            }

            impl<'de> ::serde::Deserialize<'de> for $name {
                fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                    $crate::kind::deserialize(deserializer)
                }
            }

            impl $crate::kind::Fields for $name {
                fn deserialize_fields<'de, D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                    let fields = Fields::deserialize(deserializer)?;
                    Ok(Self { $($field: fields.$field,)* })
                }
            }
        };
    };
}

pub(crate) use model;

/// Lists a vendor's kinds, with the keys each is known by (each key with the field that holds
/// it), and ties each to its model:
/// `kinds! { pub(crate) static KINDS = [Model: "a … webhook" [field: "key", …], …]; }`.
macro_rules! kinds {
    (
        $vis:vis static $table:ident = [
            $($model:ty: $name:literal [$($field:ident: $key:literal),+ $(,)?]),+ $(,)?
        ];
    ) => {
        $vis static $table: &[&$crate::kind::Kind] = &[
            $(<$model as $crate::kind::Known>::KIND,)+
        ];

        $(
            impl $crate::kind::Known for $model {
                const KIND: &'static $crate::kind::Kind =
                    &$crate::kind::Kind { name: $name, keys: &[$($key),+] };

                fn is_of_its_kind(&self) -> bool {
                    $($crate::kind::Carried::carried(&self.$field))||+
                }
            }
        )+
    };
}

pub(crate) use kinds;

#[cfg(test)]
mod tests {
    use super::Kind;

    #[test]
    fn every_key_tells_one_kind_of_its_vendor() {
        let mykaarma: Vec<&Kind> = std::iter::once(&crate::mykaarma::ENVELOPE)
            .chain(crate::mykaarma::PAYLOAD_KINDS.iter().copied())
            .collect();
        let service_order_hub: Vec<&Kind> = crate::service_order_hub::KINDS.to_vec();
        for vendor in [mykaarma, service_order_hub] {
            let mut keys: Vec<&str> = vendor
                .iter()
                .flat_map(|kind| kind.keys.iter().copied())
                .collect();
            let listed = keys.len();
            keys.sort_unstable();
            keys.dedup();
            assert_eq!(keys.len(), listed, "a key listed for two kinds: {keys:?}");
        }
    }
}
