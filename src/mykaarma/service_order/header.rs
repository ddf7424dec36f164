//! The order header: number, statuses, dates, and totals per pay type.

use std::fmt;

use chrono::{NaiveDate, NaiveTime};
use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_with::{serde_as, skip_serializing_none};

use crate::mykaarma::{OrderStatus, PayTypeKind};
use crate::wire::{BlankOr, Blankable, DecimalString, IsoDate, NumericString, TimeOfDay, YesNo};

/// The header of a repair order (wire `header`). Money and hours are exact and written back as
/// the strings they came as; `""` and `null` stay apart (see the module docs).
#[serde_as]
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct OrderHeader {
    /// Order (RO) number, such as `A85483C`.
    pub order_number: Option<String>,
    /// Service account in the DMS.
    pub service_account: Option<String>,
    /// Accounting account in the DMS.
    pub accounting_account: Option<String>,
    /// Status in the DMS, such as `O`.
    pub dms_status: Option<OrderStatus>,
    /// Status in myKaarma, such as `O`.
    pub status: Option<OrderStatus>,
    /// Department type.
    pub dept_type: Option<String>,
    /// The service advisor's number in the DMS.
    pub advisor_number: Option<String>,
    /// The service advisor's name.
    pub advisor_name: Option<String>,
    /// The service advisor in myKaarma.
    pub dealer_associate_uuid: Option<String>,
    /// The advisor who first had the order (wire `originalAssociateUUID`).
    #[serde(rename = "originalAssociateUUID")]
    pub original_associate_uuid: Option<String>,
    /// The appointment the order came from.
    pub appointment_number: Option<String>,
    /// Tag (hang tag) number.
    pub tag_number: Option<String>,
    /// Mileage when the vehicle came in; a string on the wire.
    #[serde_as(as = "Option<BlankOr<NumericString>>")]
    pub mileage_in: Option<Blankable<u32>>,
    /// Mileage when the vehicle left; a string on the wire.
    #[serde_as(as = "Option<BlankOr<NumericString>>")]
    pub mileage_out: Option<Blankable<u32>>,
    /// Order date: `2024-11-12`.
    #[serde_as(as = "Option<BlankOr<IsoDate>>")]
    pub order_date: Option<Blankable<NaiveDate>>,
    /// Order time of day, local: `00:00:00`.
    #[serde_as(as = "Option<BlankOr<TimeOfDay>>")]
    pub order_time: Option<Blankable<NaiveTime>>,
    /// Promised date.
    #[serde_as(as = "Option<BlankOr<IsoDate>>")]
    pub promised_date: Option<Blankable<NaiveDate>>,
    /// Promised time of day, local.
    #[serde_as(as = "Option<BlankOr<TimeOfDay>>")]
    pub promised_time: Option<Blankable<NaiveTime>>,
    /// Date the order was voided (`""` when it was not).
    #[serde_as(as = "Option<BlankOr<IsoDate>>")]
    pub void_date: Option<Blankable<NaiveDate>>,
    /// Close date.
    #[serde_as(as = "Option<BlankOr<IsoDate>>")]
    pub close_date: Option<Blankable<NaiveDate>>,
    /// Close time of day, local.
    #[serde_as(as = "Option<BlankOr<TimeOfDay>>")]
    pub close_time: Option<Blankable<NaiveTime>>,
    /// Print date.
    #[serde_as(as = "Option<BlankOr<IsoDate>>")]
    pub print_date: Option<Blankable<NaiveDate>>,
    /// Print time of day, local.
    #[serde_as(as = "Option<BlankOr<TimeOfDay>>")]
    pub print_time: Option<Blankable<NaiveTime>>,
    /// Whether the customer waits at the dealership: `"Y"` or `"N"`.
    #[serde_as(as = "Option<BlankOr<YesNo>>")]
    pub waiter: Option<Blankable<bool>>,
    /// Whether the customer has a rental: `"Y"` or `"N"`.
    #[serde_as(as = "Option<BlankOr<YesNo>>")]
    pub rental: Option<Blankable<bool>>,
    /// Labour hours sold, exact.
    #[serde_as(as = "Option<BlankOr<DecimalString>>")]
    pub sold_hours: Option<Blankable<Decimal>>,
    /// Labour hours worked, exact.
    #[serde_as(as = "Option<BlankOr<DecimalString>>")]
    pub actual_hours: Option<Blankable<Decimal>>,
    /// Labour cost.
    #[serde_as(as = "Option<BlankOr<DecimalString>>")]
    pub labor_cost: Option<Blankable<Decimal>>,
    /// Labour sale, all pay types.
    #[serde_as(as = "Option<BlankOr<DecimalString>>")]
    pub labor_sale: Option<Blankable<Decimal>>,
    /// Labour sale, customer pay.
    #[serde_as(as = "Option<BlankOr<DecimalString>>")]
    pub labor_sale_customer: Option<Blankable<Decimal>>,
    /// Labour sale, internal.
    #[serde_as(as = "Option<BlankOr<DecimalString>>")]
    pub labor_sale_internal: Option<Blankable<Decimal>>,
    /// Labour sale, warranty.
    #[serde_as(as = "Option<BlankOr<DecimalString>>")]
    pub labor_sale_warranty: Option<Blankable<Decimal>>,
    /// Parts cost, all pay types.
    #[serde_as(as = "Option<BlankOr<DecimalString>>")]
    pub parts_cost: Option<Blankable<Decimal>>,
    /// Parts cost, customer pay.
    #[serde_as(as = "Option<BlankOr<DecimalString>>")]
    pub parts_cost_customer: Option<Blankable<Decimal>>,
    /// Parts cost, internal.
    #[serde_as(as = "Option<BlankOr<DecimalString>>")]
    pub parts_cost_internal: Option<Blankable<Decimal>>,
    /// Parts cost, warranty.
    #[serde_as(as = "Option<BlankOr<DecimalString>>")]
    pub parts_cost_warranty: Option<Blankable<Decimal>>,
    /// Parts sale, all pay types.
    #[serde_as(as = "Option<BlankOr<DecimalString>>")]
    pub parts_sale: Option<Blankable<Decimal>>,
    /// Parts sale, customer pay.
    #[serde_as(as = "Option<BlankOr<DecimalString>>")]
    pub parts_sale_customer: Option<Blankable<Decimal>>,
    /// Parts sale, internal.
    #[serde_as(as = "Option<BlankOr<DecimalString>>")]
    pub parts_sale_internal: Option<Blankable<Decimal>>,
    /// Parts sale, warranty.
    #[serde_as(as = "Option<BlankOr<DecimalString>>")]
    pub parts_sale_warranty: Option<Blankable<Decimal>>,
    /// Lube sale, all pay types.
    #[serde_as(as = "Option<BlankOr<DecimalString>>")]
    pub lube_sale: Option<Blankable<Decimal>>,
    /// Lube sale, customer pay.
    #[serde_as(as = "Option<BlankOr<DecimalString>>")]
    pub lube_sale_customer: Option<Blankable<Decimal>>,
    /// Lube sale, internal.
    #[serde_as(as = "Option<BlankOr<DecimalString>>")]
    pub lube_sale_internal: Option<Blankable<Decimal>>,
    /// Lube sale, warranty.
    #[serde_as(as = "Option<BlankOr<DecimalString>>")]
    pub lube_sale_warranty: Option<Blankable<Decimal>>,
    /// Miscellaneous sale, all pay types.
    #[serde_as(as = "Option<BlankOr<DecimalString>>")]
    pub misc_sale: Option<Blankable<Decimal>>,
    /// Miscellaneous sale, customer pay.
    #[serde_as(as = "Option<BlankOr<DecimalString>>")]
    pub misc_sale_customer: Option<Blankable<Decimal>>,
    /// Miscellaneous sale, internal.
    #[serde_as(as = "Option<BlankOr<DecimalString>>")]
    pub misc_sale_internal: Option<Blankable<Decimal>>,
    /// Miscellaneous sale, warranty.
    #[serde_as(as = "Option<BlankOr<DecimalString>>")]
    pub misc_sale_warranty: Option<Blankable<Decimal>>,
    /// Sublet sale, all pay types.
    #[serde_as(as = "Option<BlankOr<DecimalString>>")]
    pub sublet_sale: Option<Blankable<Decimal>>,
    /// Sublet sale, customer pay.
    #[serde_as(as = "Option<BlankOr<DecimalString>>")]
    pub sublet_sale_customer: Option<Blankable<Decimal>>,
    /// Sublet sale, internal.
    #[serde_as(as = "Option<BlankOr<DecimalString>>")]
    pub sublet_sale_internal: Option<Blankable<Decimal>>,
    /// Sublet sale, warranty.
    #[serde_as(as = "Option<BlankOr<DecimalString>>")]
    pub sublet_sale_warranty: Option<Blankable<Decimal>>,
    /// Amount the customer pays.
    #[serde_as(as = "Option<BlankOr<DecimalString>>")]
    pub customer_pay_amount: Option<Blankable<Decimal>>,
    /// State tax on customer pay.
    #[serde_as(as = "Option<BlankOr<DecimalString>>")]
    pub customer_pay_state_tax: Option<Blankable<Decimal>>,
    /// Amount the warranty pays.
    #[serde_as(as = "Option<BlankOr<DecimalString>>")]
    pub warranty_pay_amount: Option<Blankable<Decimal>>,
    /// State tax on warranty pay.
    #[serde_as(as = "Option<BlankOr<DecimalString>>")]
    pub warranty_pay_state_tax: Option<Blankable<Decimal>>,
    /// Amount paid internally.
    #[serde_as(as = "Option<BlankOr<DecimalString>>")]
    pub internal_pay_amount: Option<Blankable<Decimal>>,
    /// State tax on internal pay.
    #[serde_as(as = "Option<BlankOr<DecimalString>>")]
    pub internal_pay_state_tax: Option<Blankable<Decimal>>,
    /// Local tax on customer pay.
    #[serde_as(as = "Option<BlankOr<DecimalString>>")]
    pub local_tax_amount_customer: Option<Blankable<Decimal>>,
    /// Local tax on warranty pay.
    #[serde_as(as = "Option<BlankOr<DecimalString>>")]
    pub local_tax_amount_warranty: Option<Blankable<Decimal>>,
    /// Local tax on internal pay.
    #[serde_as(as = "Option<BlankOr<DecimalString>>")]
    pub local_tax_amount_internal: Option<Blankable<Decimal>>,
    /// Delivery amount.
    #[serde_as(as = "Option<BlankOr<DecimalString>>")]
    pub delivery_amount: Option<Blankable<Decimal>>,
    /// The estimate.
    #[serde_as(as = "Option<BlankOr<DecimalString>>")]
    pub estimate: Option<Blankable<Decimal>>,
    /// Invoice total.
    #[serde_as(as = "Option<BlankOr<DecimalString>>")]
    pub invoice_total: Option<Blankable<Decimal>>,
    /// Which pay types the order has, such as `C--`.
    pub pay_types: Option<PayTypes>,
    /// Where the invoice is (wire `invoiceURL`).
    #[serde(rename = "invoiceURL")]
    pub invoice_url: Option<String>,
    /// Description.
    pub description: Option<String>,
    /// Dealer stock number of the vehicle.
    pub stock_number: Option<String>,
    /// Whether the order is internal.
    pub is_internal: Option<bool>,
    /// Whether the order is voided.
    pub is_voided: Option<bool>,
}

/// Which pay types an order has (wire `payTypes`), as the DMS writes it: `C--` is customer
/// pay only. The text is kept as sent; [`includes`](Self::includes) reads it.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PayTypes(String);

impl PayTypes {
    /// Keeps the text as sent.
    pub fn new(text: impl Into<String>) -> Self {
        Self(text.into())
    }

    /// The text as sent, such as `C--`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether the order has work of pay type `kind`: its letter (`C`, `W`, `I`) appears in
    /// the text. `Other` is never included.
    pub fn includes(&self, kind: PayTypeKind) -> bool {
        let letter = match kind {
            PayTypeKind::Customer => 'C',
            PayTypeKind::Warranty => 'W',
            PayTypeKind::Internal => 'I',
            _ => return false,
        };
        self.0.chars().any(|c| c.eq_ignore_ascii_case(&letter))
    }
}

impl fmt::Debug for PayTypes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PayTypes({:?})", self.0)
    }
}

impl fmt::Display for PayTypes {
    /// The text as sent, such as `C--`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for PayTypes {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Self)
    }
}

impl Serialize for PayTypes {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}
