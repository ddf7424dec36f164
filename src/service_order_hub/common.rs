//! Values several Service Order Hub webhooks share.

use std::collections::BTreeMap;
use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{Serialize, Serializer};
use serde::{Deserialize as DeriveDeserialize, Serialize as DeriveSerialize};
use serde_with::skip_serializing_none;

use crate::wire::open_enum;

/// An id assigned by another system (wire `externalId`). Cost proposals have sent it as
/// `null`, a string, a number and an array of strings; each form decodes to its own variant
/// and is written back in that form.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ExternalId {
    /// A string, such as `"42"`.
    Text(String),
    /// A number, such as `213214`.
    Number(i64),
    /// An array of strings, such as `["654321", "test"]`.
    List(Vec<String>),
}

impl<'de> Deserialize<'de> for ExternalId {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ExternalIdVisitor;

        impl<'de> Visitor<'de> for ExternalIdVisitor {
            type Value = ExternalId;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an external id: a string, an integer or an array of strings")
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<ExternalId, E> {
                Ok(ExternalId::Text(v.to_owned()))
            }

            fn visit_string<E: de::Error>(self, v: String) -> Result<ExternalId, E> {
                Ok(ExternalId::Text(v))
            }

            fn visit_i64<E: de::Error>(self, v: i64) -> Result<ExternalId, E> {
                Ok(ExternalId::Number(v))
            }

            fn visit_u64<E: de::Error>(self, v: u64) -> Result<ExternalId, E> {
                i64::try_from(v)
                    .map(ExternalId::Number)
                    .map_err(|_| E::invalid_value(de::Unexpected::Unsigned(v), &self))
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<ExternalId, A::Error> {
                let mut ids = Vec::new();
                while let Some(id) = seq.next_element()? {
                    ids.push(id);
                }
                Ok(ExternalId::List(ids))
            }
        }

        deserializer.deserialize_any(ExternalIdVisitor)
    }
}

impl Serialize for ExternalId {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Text(text) => serializer.serialize_str(text),
            Self::Number(number) => serializer.serialize_i64(*number),
            Self::List(ids) => ids.serialize(serializer),
        }
    }
}

/// A currency as an ISO 4217 code (wire `currency`), such as `SEK` or `NOK`, kept as sent.
#[derive(Clone, PartialEq, Eq, Hash, DeriveDeserialize, DeriveSerialize)]
#[serde(transparent)]
pub struct CurrencyCode(String);

impl CurrencyCode {
    /// Keeps the code as given.
    pub fn new(code: impl Into<String>) -> Self {
        Self(code.into())
    }

    /// The code as sent.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether the code has the shape of an ISO 4217 code: three capital letters.
    pub fn is_iso_4217(&self) -> bool {
        self.0.len() == 3 && self.0.bytes().all(|b| b.is_ascii_uppercase())
    }
}

impl fmt::Debug for CurrencyCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "CurrencyCode({:?})", self.0)
    }
}

impl fmt::Display for CurrencyCode {
    /// The code as sent.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

open_enum! {
    /// What kind of document a file is (wire `type`, Service Order Hub's `FileType`).
    pub struct FileType => FileTypeKind {
        /// Proof of purchase: `proofOfPurchase`.
        ProofOfPurchase = ["proofOfPurchase"],
        /// Proof of damage: `proofOfDamage`.
        ProofOfDamage = ["proofOfDamage"],
        /// Damage in transport: `transportDamage`.
        TransportDamage = ["transportDamage"],
        /// A claim: `claim`.
        Claim = ["claim"],
        /// A report: `report`.
        Report = ["report"],
        /// A shipment label: `shipmentLabel`.
        ShipmentLabel = ["shipmentLabel"],
        /// Any other document (the default): `other`. Not to be confused with the kind `Other`
        /// of a value the docs don't list.
        OtherDocument = ["other"],
    }
}

/// A file attached to a case.
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, DeriveDeserialize, DeriveSerialize)]
#[non_exhaustive]
pub struct File {
    /// Where to download the file.
    pub url: Option<String>,
    /// File name.
    pub name: Option<String>,
    /// What kind of document it is (wire `type`).
    #[serde(rename = "type")]
    pub kind: Option<FileType>,
}

open_enum! {
    /// Who initiated the service order (wire `originatorType`).
    pub struct Originator => OriginatorKind {
        /// A person or organisation without ties to the partner: `private`.
        Private = ["private"],
        /// An organisational unit of the partner: `registered`.
        Registered = ["registered"],
        /// The partner's central helpdesk: `helpdesk`.
        Helpdesk = ["helpdesk"],
    }
}

open_enum! {
    /// Who transacts with whom (wire `bookingType`).
    pub struct BookingType => BookingTypeKind {
        /// One company with another: `companyToCompany`.
        CompanyToCompany = ["companyToCompany"],
        /// A company with a private person: `companyToPrivate`.
        CompanyToPrivate = ["companyToPrivate"],
        /// A private person for themself or with another: `privateToPrivate`.
        PrivateToPrivate = ["privateToPrivate"],
    }
}

/// The consents a user gave (wire `consents`): the reference documents an object of consent
/// names to booleans, and webhooks have sent a list of the names given. Each form is its own
/// variant and is written back so.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Consents {
    /// Consent names with whether each was given: `{"ConsentTerms": true}`.
    Flags(BTreeMap<String, bool>),
    /// The names of the consents given: `["ConsentTerms", "ConsentRepair"]`.
    Names(Vec<String>),
}

impl Consents {
    /// Whether the consent `name` (such as `ConsentTerms`) was given.
    pub fn gives(&self, name: &str) -> bool {
        match self {
            Self::Flags(flags) => flags.get(name).copied().unwrap_or(false),
            Self::Names(names) => names.iter().any(|given| given == name),
        }
    }
}

impl<'de> Deserialize<'de> for Consents {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ConsentsVisitor;

        impl<'de> Visitor<'de> for ConsentsVisitor {
            type Value = Consents;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("consents: an object of booleans or an array of names")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Consents, A::Error> {
                let mut flags = BTreeMap::new();
                while let Some((name, given)) = map.next_entry()? {
                    flags.insert(name, given);
                }
                Ok(Consents::Flags(flags))
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Consents, A::Error> {
                let mut names = Vec::new();
                while let Some(name) = seq.next_element()? {
                    names.push(name);
                }
                Ok(Consents::Names(names))
            }
        }

        deserializer.deserialize_any(ConsentsVisitor)
    }
}

impl Serialize for Consents {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Flags(flags) => flags.serialize(serializer),
            Self::Names(names) => names.serialize(serializer),
        }
    }
}
