//! Open enums: vendor strings from a list that grows, kept as sent.

/// Defines an open enum: a type that keeps the vendor's text exactly as sent and tells what it
/// means through a `Copy` kind enum.
///
/// Decoding never fails on a value the docs don't list: it becomes the kind `Other` and keeps
/// its text. Spellings listed for a kind are recognised without regard to ASCII case
/// (`"C"`, `"CUSTOMER"` and `"Customer"` can all mean one pay type), and encoding writes back
/// the text that arrived, not a canonical spelling. The first spelling listed is the one
/// `from_kind` writes.
///
/// ```ignore
/// open_enum! {
///     /// Who pays for a service line.
///     pub struct PayType => PayTypeKind {
///         /// The customer pays.
///         Customer = ["C", "CUSTOMER"],
///     }
/// }
/// ```
macro_rules! open_enum {
    (
        $(#[$meta:meta])*
        $vis:vis struct $name:ident => $kind:ident {
            $(
                $(#[$variant_meta:meta])*
                $variant:ident = [$canonical:literal $(, $alias:literal)* $(,)?]
            ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        ///
        /// An open enum: any text decodes and is written back unchanged; [`kind`](Self::kind)
        /// tells what it means, and values the docs don't list have the kind `Other`.
        #[derive(Clone, PartialEq, Eq, Hash)]
        $vis struct $name {
            // A listed spelling as sent is borrowed, not allocated: most values are one.
            text: ::std::borrow::Cow<'static, str>,
            kind: $kind,
        }

        #[doc = concat!("What a [`", stringify!($name), "`] means.")]
        ///
        /// New kinds may be added as the vendor documents them: match with a wildcard arm, and
        /// read the text of an `Other` value with `as_str()` on the value itself.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        $vis enum $kind {
            $(
                $(#[$variant_meta])*
                $variant,
            )+
            /// A value the docs don't list; its text is kept in the value.
            Other,
        }

        // The exact match in `recognise` finds the kind the case-blind search would: no two
        // kinds list spellings that differ only in case.
        const _: () = assert!(
            $crate::wire::kinds_apart(&[
                $(
                    ($kind::$variant as usize, $canonical),
                    $(($kind::$variant as usize, $alias),)*
                )+
            ]),
            concat!("two kinds of ", stringify!($name), " list spellings that differ only in case"),
        );

        impl $kind {
            /// Recognises a spelling, ignoring ASCII case; with it, the listed spelling that
            /// matches exactly, if one does.
            fn recognise(text: &str) -> (Self, Option<&'static str>) {
                // A listed spelling as listed, exactly: nearly every value.
                match text {
                    $(
                        $canonical => return (Self::$variant, Some($canonical)),
                        $($alias => return (Self::$variant, Some($alias)),)*
                    )+
                    _ => {}
                }
                $(
                    for spelling in [$canonical $(, $alias)*] {
                        if text.eq_ignore_ascii_case(spelling) {
                            return (Self::$variant, (text == spelling).then_some(spelling));
                        }
                    }
                )+
                (Self::Other, None)
            }

            /// The spelling the vendor's docs use first for this kind; `None` for `Other`.
            pub const fn canonical(self) -> Option<&'static str> {
                match self {
                    $(Self::$variant => Some($canonical),)+
                    Self::Other => None,
                }
            }
        }

        impl $name {
            /// Keeps `text` and recognises what it means.
            pub fn new(text: impl Into<String>) -> Self {
                let text = text.into();
                match $kind::recognise(&text) {
                    (kind, Some(spelling)) => Self { text: ::std::borrow::Cow::Borrowed(spelling), kind },
                    (kind, None) => Self { text: ::std::borrow::Cow::Owned(text), kind },
                }
            }

            /// As [`new`](Self::new), copying the text only when it is not a listed spelling.
            fn from_text(text: &str) -> Self {
                match $kind::recognise(text) {
                    (kind, Some(spelling)) => Self { text: ::std::borrow::Cow::Borrowed(spelling), kind },
                    (kind, None) => Self { text: ::std::borrow::Cow::Owned(text.to_owned()), kind },
                }
            }

            /// The decoded value; a value the docs don't list is drift for an audit.
            #[inline]
            fn audited<E: ::serde::de::Error>(self) -> Result<Self, E> {
                if !self.is_known() {
                    $crate::audit::unknown_value(stringify!($name), &self.text)?;
                }
                Ok(self)
            }

            /// The value for `kind` in its canonical spelling; `None` for `Other`, which has
            /// no spelling of its own.
            pub fn from_kind(kind: $kind) -> Option<Self> {
                kind.canonical().map(Self::new)
            }

            /// The text exactly as the vendor sent it.
            pub fn as_str(&self) -> &str {
                &self.text
            }

            /// What the text means.
            pub const fn kind(&self) -> $kind {
                self.kind
            }

            /// Whether the docs list this value (its kind is not `Other`).
            pub const fn is_known(&self) -> bool {
                !matches!(self.kind, $kind::Other)
            }
        }

        impl PartialEq<$kind> for $name {
            fn eq(&self, other: &$kind) -> bool {
                self.kind == *other
            }
        }

        impl ::std::fmt::Debug for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                write!(f, "{:?}({:?})", self.kind, self.text)
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(&self.text)
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = ::std::convert::Infallible;

            fn from_str(text: &str) -> Result<Self, Self::Err> {
                Ok(Self::from_text(text))
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(&self.text)
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct TextVisitor;

                impl ::serde::de::Visitor<'_> for TextVisitor {
                    type Value = $name;

                    fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        f.write_str(concat!("a string (", stringify!($name), ")"))
                    }

                    fn visit_str<E: ::serde::de::Error>(self, text: &str) -> Result<$name, E> {
                        $name::from_text(text).audited()
                    }

                    fn visit_string<E: ::serde::de::Error>(self, text: String) -> Result<$name, E> {
                        $name::new(text).audited()
                    }
                }

                deserializer.deserialize_str(TextVisitor)
            }
        }
    };
}

pub(crate) use open_enum;

/// Whether no two kinds (by index) list spellings that are equal apart from ASCII case.
pub(crate) const fn kinds_apart(spellings: &[(usize, &str)]) -> bool {
    let mut rest = spellings;
    while let Some(((kind, spelling), others)) = rest.split_first() {
        let mut later = others;
        while let Some(((other_kind, other), tail)) = later.split_first() {
            if *kind != *other_kind && same_ignoring_case(spelling.as_bytes(), other.as_bytes()) {
                return false;
            }
            later = tail;
        }
        rest = others;
    }
    true
}

/// `a.eq_ignore_ascii_case(b)`, in a `const fn`.
const fn same_ignoring_case(a: &[u8], b: &[u8]) -> bool {
    let (mut a, mut b) = (a, b);
    loop {
        match (a.split_first(), b.split_first()) {
            (None, None) => return true,
            (Some((x, a_rest)), Some((y, b_rest))) => {
                if !x.eq_ignore_ascii_case(y) {
                    return false;
                }
                a = a_rest;
                b = b_rest;
            }
            _ => return false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::kinds_apart;

    #[test]
    fn spellings_of_two_kinds_must_differ_beyond_case() {
        assert!(kinds_apart(&[
            (0, "C"),
            (0, "c"),
            (1, "CUSTOMER"),
            (1, "Cust")
        ]));
        assert!(!kinds_apart(&[(0, "C"), (1, "W"), (1, "c")]));
        assert!(!kinds_apart(&[(0, "Warranty"), (1, "WARRANTY")]));
    }
}
