//! Objects read key by key by hand: typed known keys, and every other key kept (or, for a
//! `#[closed]` model, ignored).

/// Defines a struct for a JSON object with typed known keys that also keeps every key it does
/// not know, verbatim, in `other` (unless it is `#[closed]`, below). For objects where the
/// vendor allows custom keys (Service Order Hub's `orderData`) and for patches, where dropping
/// a key would drop a change.
///
/// Each field is `Option<T>` (a missing key and `null` alike) or [`Patch<T>`](super::Patch)
/// (missing, `null` and a value apart), with its wire key. Decoding reads the object in one
/// pass, without buffering (so exact decimals and raw JSON work inside), refuses a key given
/// twice, and errors name the key. Encoding writes the known keys that were present, in
/// declaration order, then the kept ones.
///
/// A field may name a `serde_with` adapter for its whole type after `as`, just as
/// `#[serde_as(as = "…")]` does on a derived model; it decodes through
/// [`DeserializeAsWrap`](serde_with::de::DeserializeAsWrap) and encodes through
/// [`SerializeAsWrap`](serde_with::ser::SerializeAsWrap). A field without one is read and
/// written by its own `Deserialize` and `Serialize`.
///
/// ```ignore
/// open_struct! {
///     /// A contact.
///     pub struct Contact {
///         /// Its id: `7` or `"7"`, written back as `7`.
///         id: Option<i64> as Option<LenientNumber> = "id",
///         /// Its name.
///         name: Option<String> = "name",
///     }
/// }
/// ```
///
/// A top-level model (the "case updated" patch) starts with `#[model]`: its `Deserialize` then
/// refuses a body that carries none of its kind's keys (see `crate::kind`). A model that
/// starts with `#[closed]` (the case) has no `other`: it ignores the keys it does not model, as
/// serde's derive does, and is written back with its known keys alone.
///
/// A field that holds another of these models, as `Option<T>` or `Patch<T>`, may end with
/// `in place` (`order_data: Patch<OrderDataPatch> = "orderData" in place`): its object is then
/// read straight into the field, never built elsewhere and moved (see `wire::fill`). Such a
/// field names no adapter: the macro refuses `as` with `in place`.
///
/// For a [`Patch<T>`](super::Patch) field the adapter is `Patch<U>`
/// (`id: Patch<i64> as Patch<LenientNumber> = "id"`), which keeps absent, `null` and a value
/// apart as the field does.
macro_rules! open_struct {
    // The adapter of a field: the one it names, or `Same` (its own serde impls).
    (@adapter) => { ::serde_with::Same };
    (@adapter $adapter:ty) => { $adapter };
    // How `Deserialize` reads the object: as it is, or checked as a top-level model.
    (@deserialize plain, $deserializer:ident) => {
        <Self as $crate::kind::Fields>::deserialize_fields($deserializer)
    };
    (@deserialize model, $deserializer:ident) => { $crate::kind::deserialize($deserializer) };
    // How a field's value is read: in place (`in place`), or through its adapter.
    // No adapter here: a field read in place is written by its own `Serialize` too.
    (@read [place] $map:ident, $target:expr, $ty:ty) => {
        $map.next_value_seed($crate::wire::InPlace(&mut $target))?
    };
    (@read [] $map:ident, $target:expr, $ty:ty $(, $adapter:ty)?) => {
        $target = $map
            .next_value::<::serde_with::de::DeserializeAsWrap<
                $ty,
                $crate::wire::open_struct!(@adapter $($adapter)?),
            >>()?
            .into_inner()
    };
    // What the object does with keys it does not model: keeps them in `other` (`open`), or
    // ignores them as serde's derive does (`closed`).
    (@struct open [$(#[$meta:meta])*] $vis:vis $name:ident [$($(#[$field_meta:meta])* $field:ident: $ty:ty),*]) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Default, PartialEq, Eq)]
        #[non_exhaustive]
        $vis struct $name {
            $(
                $(#[$field_meta])*
                pub $field: $ty,
            )*
            /// Keys this crate does not model, kept verbatim (with their `null`s), and written
            /// back.
            pub other: ::std::collections::BTreeMap<String, $crate::wire::RawJson>,
        }
    };
    (@struct closed [$(#[$meta:meta])*] $vis:vis $name:ident [$($(#[$field_meta:meta])* $field:ident: $ty:ty),*]) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Default, PartialEq, Eq)]
        #[non_exhaustive]
        $vis struct $name {
            $(
                $(#[$field_meta])*
                pub $field: $ty,
            )*
        }
    };
    (@unknown open $this:ident, $map:ident, $key:ident) => {{
        if $this.other.contains_key($key.as_ref()) {
            return Err($crate::wire::duplicate_key(&$key));
        }
        let raw = $map.next_value()?;
        $crate::audit::note_key(&$key)?;
        $this.other.insert($key.into_owned(), raw);
    }};
    (@unknown closed $this:ident, $map:ident, $key:ident) => {{
        $map.next_value::<::serde::de::IgnoredAny>()?;
    }};
    (@write_other open $this:ident, $out:ident) => {
        for (key, raw) in &$this.other {
            $out.serialize_entry(key, raw)?;
        }
    };
    (@write_other closed $this:ident, $out:ident) => {};
    (#[model] $($rest:tt)*) => { $crate::wire::open_struct!(@define model open $($rest)*); };
    (#[closed] $($rest:tt)*) => { $crate::wire::open_struct!(@define plain closed $($rest)*); };
    (@define $mode:ident $keep:ident
        $(#[$meta:meta])*
        $vis:vis struct $name:ident {
            $(
                $(#[$field_meta:meta])*
                $field:ident: $ty:ty $(as $adapter:ty)? = $key:literal $(in $place:ident)?
            ),* $(,)?
        }
    ) => {
        $crate::wire::open_struct!(
            @struct $keep [$(#[$meta])*] $vis $name [$($(#[$field_meta])* $field: $ty),*]
        );

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                $crate::wire::open_struct!(@deserialize $mode, deserializer)
            }
        }

        impl $crate::kind::Fields for $name {
            fn deserialize_fields<'de, D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                $crate::wire::fill_new(deserializer)
            }

            fn deserialize_fields_boxed<'de, D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Box<Self>, D::Error> {
                $crate::wire::fill_new(deserializer)
            }
        }

        impl $crate::wire::Fill for $name {
            const EXPECTING: &'static str = concat!("an object (", stringify!($name), ")");

            fn fill<'de, A: ::serde::de::MapAccess<'de>>(&mut self, mut map: A) -> Result<(), A::Error> {
                // Which known keys were read, to refuse one given twice (an unknown key given
                // twice is found in `other`, or ignored like one): flags, not a set of keys, so
                // that the check allocates nothing.
                #[derive(Default)]
                #[allow(clippy::struct_excessive_bools)]
                struct Seen {
                    $($field: bool,)*
                }

                let mut seen = Seen::default();
                while let Some($crate::wire::Key(key)) = map.next_key()? {
                    match key.as_ref() {
                        $($key => {
                            if ::std::mem::replace(&mut seen.$field, true) {
                                return Err($crate::wire::duplicate_key(&key));
                            }
                            $crate::wire::open_struct!(
                                @read [$($place)?] map, self.$field, $ty $(, $adapter)?
                            );
                        })*
                        _ => $crate::wire::open_struct!(@unknown $keep self, map, key),
                    }
                }
                Ok(())
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                use ::serde::ser::SerializeMap as _;
                let mut out = serializer.serialize_map(None)?;
                $(
                    if !$crate::wire::WireField::is_absent(&self.$field) {
                        out.serialize_entry(
                            $key,
                            &::serde_with::ser::SerializeAsWrap::<
                                $ty,
                                $crate::wire::open_struct!(@adapter $($adapter)?),
                            >::new(&self.$field),
                        )?;
                    }
                )*
                $crate::wire::open_struct!(@write_other $keep self, out);
                out.end()
            }
        }
    };
    ($($rest:tt)*) => { $crate::wire::open_struct!(@define plain open $($rest)*); };
}

pub(crate) use open_struct;

/// The error for a key an object gives twice.
#[cold]
pub(crate) fn duplicate_key<E: serde::de::Error>(key: &str) -> E {
    E::custom(format_args!("duplicate field `{}`", super::excerpt(key)))
}

/// An object key, borrowed from the input when it can be (serde's own `Cow<str>` always
/// copies), for the `open_struct!` models to match and keep.
#[derive(Debug)]
pub(crate) struct Key<'de>(pub(crate) std::borrow::Cow<'de, str>);

impl<'de> serde::Deserialize<'de> for Key<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;

        impl<'de> serde::de::Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an object key")
            }

            fn visit_borrowed_str<E: serde::de::Error>(self, v: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(std::borrow::Cow::Borrowed(v)))
            }

            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Key<'de>, E> {
                Ok(Key(std::borrow::Cow::Owned(v.to_owned())))
            }
        }

        deserializer.deserialize_str(KeyVisitor)
    }
}
