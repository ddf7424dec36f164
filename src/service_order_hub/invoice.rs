//! The "invoice created/updated" webhook.

use std::collections::BTreeMap;
use std::fmt;

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::ser::Serializer;
use serde::{Deserialize, Serialize};
use serde_with::{serde_as, skip_serializing_none};

use super::case::Case;
use super::common::{CurrencyCode, ExternalId};
use crate::kind::model;
use crate::wire::{
    DateTimeText, ExactDecimal, LenientNumber, Numeric, RawJson, Rfc3339, open_enum,
};

open_enum! {
    /// An invoice or a credit note (wire `type`; `invoice` when not given).
    pub struct InvoiceType => InvoiceTypeKind {
        /// An invoice: `invoice`.
        Invoice = ["invoice"],
        /// A credit note: `credit note`.
        CreditNote = ["credit note"],
    }
}

model! {
    /// The "invoice created/updated" webhook, sent to partners: an invoice or credit note of a
    /// case, with the case's core data.
    #[serde_as]
    #[skip_serializing_none]
    #[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
    #[serde(rename_all = "camelCase")]
    #[non_exhaustive]
    pub struct Invoice {
        /// Service Order Hub's id of the invoice.
        #[serde_as(as = "Option<LenientNumber>")]
        pub id: Option<i64>,
        /// The case's guid, as text.
        pub guid: Option<String>,
        /// The provider's id for the invoice, such as `"100006"`.
        pub external_id: Option<ExternalId>,
        /// Invoice or credit note (wire `type`).
        #[serde(rename = "type")]
        pub kind: Option<InvoiceType>,
        /// Status, such as `ready` or `sent`.
        pub status: Option<String>,
        /// Whether it was paid.
        pub is_paid: Option<bool>,
        /// Whether it was sent.
        pub is_sent: Option<bool>,
        /// Whether it is active.
        pub is_active: Option<bool>,
        /// Net price, exact, in the form it came.
        pub price_net: Option<Numeric<Decimal>>,
        /// Currency, such as `NOK`.
        pub currency: Option<CurrencyCode>,
        /// When it is due: RFC 3339, or a date as the API accepts it, kept as it came.
        pub due_date: Option<DateTimeText>,
        /// The lines.
        pub details: Option<Vec<InvoiceDetail>>,
        /// Any data the provider attached, key by key as sent.
        pub custom_data: Option<BTreeMap<String, RawJson>>,
        /// The invoice a credit note credits: its id, or the invoice itself.
        pub linked_invoice: Option<LinkedInvoice>,
        /// When it was created.
        #[serde_as(as = "Option<Rfc3339>")]
        pub created_at: Option<DateTime<Utc>>,
        /// When it was last updated.
        #[serde_as(as = "Option<Rfc3339>")]
        pub updated_at: Option<DateTime<Utc>>,
        /// The case, with its core data, order data and product data.
        pub case: Option<Box<Case>>,
    }
}

/// A line of an invoice (an entry of wire `details`); VAT rates and amounts are exact.
#[serde_as]
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct InvoiceDetail {
    /// What the line is.
    pub name: Option<String>,
    /// Article number.
    pub article: Option<String>,
    /// How many.
    #[serde_as(as = "Option<LenientNumber>")]
    pub count: Option<i64>,
    /// VAT rate as a fraction (`0.25` is 25 %).
    #[serde_as(as = "Option<ExactDecimal>")]
    pub vat_rate: Option<Decimal>,
    /// VAT amount.
    #[serde_as(as = "Option<ExactDecimal>")]
    pub vat_amount: Option<Decimal>,
    /// Unit price without VAT.
    #[serde_as(as = "Option<ExactDecimal>")]
    pub price_excl_vat: Option<Decimal>,
    /// Unit price with VAT.
    #[serde_as(as = "Option<ExactDecimal>")]
    pub price_incl_vat: Option<Decimal>,
    /// Line total without VAT.
    #[serde_as(as = "Option<ExactDecimal>")]
    pub total_amount_excl_vat: Option<Decimal>,
    /// Line total with VAT.
    #[serde_as(as = "Option<ExactDecimal>")]
    pub total_amount_incl_vat: Option<Decimal>,
}

/// The invoice a credit note credits (wire `linkedInvoice`): the reference sends either its id
/// as a string or the invoice itself.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum LinkedInvoice {
    /// The invoice's id.
    Reference(String),
    /// The invoice.
    Invoice(Box<Invoice>),
}

impl<'de> Deserialize<'de> for LinkedInvoice {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct LinkedVisitor;

        impl<'de> Visitor<'de> for LinkedVisitor {
            type Value = LinkedInvoice;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an invoice id (a string) or an invoice (an object)")
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<LinkedInvoice, E> {
                Ok(LinkedInvoice::Reference(v.to_owned()))
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<LinkedInvoice, A::Error> {
                Invoice::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(|invoice| LinkedInvoice::Invoice(Box::new(invoice)))
            }
        }

        deserializer.deserialize_any(LinkedVisitor)
    }
}

impl Serialize for LinkedInvoice {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Reference(id) => serializer.serialize_str(id),
            Self::Invoice(invoice) => invoice.serialize(serializer),
        }
    }
}

impl super::CaseGuid for Invoice {
    fn case_guid(&self) -> Option<&str> {
        self.guid.as_deref()
    }
}
