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
use crate::wire::{exact_mul, exact_sum};

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
        /// Net price of the whole invoice, exact, in the form it came.
        ///
        /// The reference's Invoice table gives it no description ("Invoices", `POST
        /// /api/v3/invoices`: `priceNet | Number |`), so how it relates to the lines is not
        /// documented. In the Webhooks page's example it is the sum of the lines'
        /// `totalAmountExclVat` (650 + 330 + 100 = 1080); in the Invoices page's examples it is
        /// not (`10000` and `30000`, each with one line of 1000). Compare it with
        /// [`details_total_excl_vat`](Invoice::details_total_excl_vat) rather than assume
        /// either.
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
        #[serde(default, deserialize_with = "crate::wire::boxed")]
        pub case: Option<Box<Case>>,
    }
}

/// A line of an invoice (an entry of wire `details`); VAT rates and amounts are exact.
///
/// The reference's `InvoiceDetail` table ("Invoices", `POST /api/v3/invoices`) names each
/// field and its type but describes none: it does not say which amounts are per unit and which
/// are for the whole line, and every documented line has `count` 1, where the two are the
/// same. The names suggest a unit price (`priceExclVat`) beside the line's total
/// (`totalAmountExclVat`); each field's doc says what the docs show and what they leave open.
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
    /// How many units the line is for (an integer; the reference: `count* | Int |`, no
    /// description). Every documented line has `1`.
    #[serde_as(as = "Option<LenientNumber>")]
    pub count: Option<i64>,
    /// VAT rate as a fraction (`0.25` is 25 %), for the line. The reference gives no
    /// description; the documented lines read that way (`0.25`, with 162.5 VAT on 650).
    #[serde_as(as = "Option<ExactDecimal>")]
    pub vat_rate: Option<Decimal>,
    /// VAT amount. Per unit or for the whole line: the reference does not say (no
    /// description, and `count` is 1 in every documented line). In every documented line it is
    /// `priceExclVat × vatRate`, and `priceInclVat − priceExclVat`.
    #[serde_as(as = "Option<ExactDecimal>")]
    pub vat_amount: Option<Decimal>,
    /// Price without VAT, per unit by its name (beside `totalAmountExclVat`, the line's total);
    /// the reference does not say so (no description, and `count` is 1 in every documented
    /// line). See [`computed_total_excl_vat`](Self::computed_total_excl_vat).
    #[serde_as(as = "Option<ExactDecimal>")]
    pub price_excl_vat: Option<Decimal>,
    /// Price with VAT, per unit by its name (beside `totalAmountInclVat`, the line's total);
    /// the reference does not say so. In every documented line it is
    /// `priceExclVat × (1 + vatRate)`. See
    /// [`computed_total_incl_vat`](Self::computed_total_incl_vat).
    #[serde_as(as = "Option<ExactDecimal>")]
    pub price_incl_vat: Option<Decimal>,
    /// Total of the whole line without VAT, as sent (by its name; the reference gives no
    /// description). In every documented line it is `count × priceExclVat`.
    #[serde_as(as = "Option<ExactDecimal>")]
    pub total_amount_excl_vat: Option<Decimal>,
    /// Total of the whole line with VAT, as sent (by its name; the reference gives no
    /// description). In every documented line it is `count × priceInclVat`.
    #[serde_as(as = "Option<ExactDecimal>")]
    pub total_amount_incl_vat: Option<Decimal>,
}

impl InvoiceDetail {
    /// The line's total without VAT, computed as `count × priceExclVat`, to compare with
    /// `totalAmountExclVat` as sent. This reads `priceExclVat` as a unit price, as its name
    /// does; the reference defines neither field, and every documented line agrees.
    ///
    /// Exact: the docs document no rounding, so none is applied, and the result keeps the
    /// decimal places of `priceExclVat`. `None` when `count` or `priceExclVat` is missing, or
    /// when the result does not fit a [`Decimal`] with all those places.
    ///
    /// ```
    /// use aftersales_webhooks::service_order_hub::InvoiceDetail;
    /// use rust_decimal::Decimal;
    ///
    /// let line: InvoiceDetail = aftersales_webhooks::from_slice(
    ///     br#"{"count": 3, "priceExclVat": 19.90, "totalAmountExclVat": 59.70}"#,
    /// )?;
    /// assert_eq!(line.computed_total_excl_vat(), Some(Decimal::new(5970, 2)));
    /// assert_eq!(line.computed_total_excl_vat(), line.total_amount_excl_vat);
    /// # Ok::<(), aftersales_webhooks::Error>(())
    /// ```
    pub fn computed_total_excl_vat(&self) -> Option<Decimal> {
        exact_mul(Decimal::from(self.count?), self.price_excl_vat?)
    }

    /// The line's total with VAT, computed as `count × priceInclVat`, to compare with
    /// `totalAmountInclVat` as sent; it mirrors
    /// [`computed_total_excl_vat`](Self::computed_total_excl_vat) (exact, no rounding, `None`
    /// when a value is missing or the result does not fit).
    pub fn computed_total_incl_vat(&self) -> Option<Decimal> {
        exact_mul(Decimal::from(self.count?), self.price_incl_vat?)
    }
}

impl Invoice {
    /// The sum of the lines' totals without VAT (each line's `totalAmountExclVat`, as sent).
    ///
    /// The reference defines no total for an invoice. In the Webhooks page's example this sum
    /// is the invoice's `priceNet` (1080); in the Invoices page's examples it is not (1000
    /// against `priceNet` 10000), so this method does not assume they agree: compare them.
    /// To sum the totals computed from the prices instead, map
    /// [`InvoiceDetail::computed_total_excl_vat`] over `details`.
    ///
    /// Exact: no rounding is applied (none is documented), and the sum keeps the largest
    /// number of decimal places among the lines. `Some(0)` for an invoice with no lines;
    /// `None` when `details` is missing, when a line has no `totalAmountExclVat`, or when the
    /// sum does not fit a [`Decimal`] with all those places.
    pub fn details_total_excl_vat(&self) -> Option<Decimal> {
        exact_sum(
            self.details
                .as_ref()?
                .iter()
                .map(|line| line.total_amount_excl_vat),
        )
    }

    /// The sum of the lines' totals with VAT (each line's `totalAmountInclVat`, as sent); it
    /// mirrors [`details_total_excl_vat`](Self::details_total_excl_vat). The reference defines
    /// no invoice total with VAT, and the invoice has no field to compare it with.
    pub fn details_total_incl_vat(&self) -> Option<Decimal> {
        exact_sum(
            self.details
                .as_ref()?
                .iter()
                .map(|line| line.total_amount_incl_vat),
        )
    }
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
                // Where it sits says it is an invoice: it need not carry an invoice's keys.
                let map = de::value::MapAccessDeserializer::new(map);
                <Invoice as crate::kind::Fields>::deserialize_fields(map)
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
