//! Who and what an MPI is about: identifiers of the vehicle, order, people and dealer.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_with::{Same, serde_as, skip_serializing_none};

use crate::mykaarma::OrderStatus;
use crate::wire::{BlankOr, Blankable, EpochMillis, ExactDecimal, IsoDate, Numeric, TimeOfDay};

/// A dealer associate: an advisor, technician, assignee or parts representative (wire
/// `dealerAssociateIdentifiers`, `technicianIdentifiers[]`, `assignees[]`,
/// `partsRepresentativeIdentifiers`, `lastUpdatedBy`).
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct DealerAssociate {
    /// The associate's identifier (wire `dealerAssociateUUID`).
    #[serde(rename = "dealerAssociateUUID")]
    pub uuid: Option<String>,
    /// Full name (wire `dealerAssociateName`).
    #[serde(rename = "dealerAssociateName")]
    pub name: Option<String>,
    /// First name (wire `dealerAssociateFName`).
    #[serde(rename = "dealerAssociateFName")]
    pub first_name: Option<String>,
    /// Email address (wire `dealerAssociateEmailId`).
    #[serde(rename = "dealerAssociateEmailId")]
    pub email: Option<String>,
    /// The associate's user account (wire `dealerAssociateUserUUID`).
    #[serde(rename = "dealerAssociateUserUUID")]
    pub user_uuid: Option<String>,
}

/// The inspected vehicle (wire `vehicleIdentifiers`).
#[serde_as]
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct VehicleIdentifiers {
    /// myKaarma's identifier of the vehicle (wire `vehicleUUID`).
    #[serde(rename = "vehicleUUID")]
    pub vehicle_uuid: Option<String>,
    /// Vehicle identification number.
    pub vin: Option<String>,
    /// Make, such as `Nissan`.
    pub vehicle_make: Option<String>,
    /// Model, such as `Altima`.
    pub vehicle_model: Option<String>,
    /// Model year, such as `2011` (the docs only show `null`): a number, a numeric string or
    /// the empty string `""`, as in the other myKaarma events. Kept in the form it came, and
    /// written back so: `None` for `null` or a missing key, [`Blankable::Blank`] for `""`, and
    /// a [`Numeric`] that remembers whether it was quoted. Read it with [`Present::present`].
    ///
    /// [`Present::present`]: crate::wire::Present::present
    #[serde_as(as = "Option<BlankOr<Same>>")]
    pub vehicle_year: Option<Blankable<Numeric<u16>>>,
    /// Estimated mileage: a number, a numeric string or `""`, kept in the form it came, like
    /// [`vehicle_year`](Self::vehicle_year).
    #[serde_as(as = "Option<BlankOr<Same>>")]
    pub estimated_mileage: Option<Blankable<Numeric<u32>>>,
    /// Dealer stock number.
    pub stock_number: Option<String>,
}

/// The repair order the MPI belongs to (wire `orderIdentifiers`).
#[serde_as]
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct OrderIdentifiers {
    /// myKaarma's identifier of the order (wire `orderUUID`).
    #[serde(rename = "orderUUID")]
    pub order_uuid: Option<String>,
    /// Order (RO) number.
    pub order_number: Option<String>,
    /// Order status in myKaarma, such as `O`.
    pub order_status: Option<OrderStatus>,
    /// Order status in the DMS, such as `O`.
    pub dms_status: Option<OrderStatus>,
    /// Tag (hang tag) number.
    pub tag_number: Option<String>,
    /// The original estimate, exact.
    #[serde_as(as = "Option<ExactDecimal>")]
    pub original_estimate: Option<Decimal>,
    /// Order date: `2026-02-19`.
    #[serde_as(as = "Option<IsoDate>")]
    pub order_date: Option<NaiveDate>,
    /// Order time of day, local: `08:30:00`.
    #[serde_as(as = "Option<TimeOfDay>")]
    pub order_time: Option<NaiveTime>,
    /// Close date.
    #[serde_as(as = "Option<IsoDate>")]
    pub close_date: Option<NaiveDate>,
    /// Whether the customer waits at the dealership.
    pub is_waiter: Option<bool>,
    /// When the DMS status became pre-invoiced (epoch milliseconds).
    #[serde_as(as = "Option<EpochMillis>")]
    pub dms_status_pre_invoiced_on: Option<DateTime<Utc>>,
    /// When the DMS status last changed (epoch milliseconds).
    #[serde_as(as = "Option<EpochMillis>")]
    pub dms_status_updated_on: Option<DateTime<Utc>>,
}

/// When the order was promised (wire `orderDetails`).
#[serde_as]
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct OrderDetails {
    /// Promised date: `2026-02-19`.
    #[serde_as(as = "Option<IsoDate>")]
    pub promise_date: Option<NaiveDate>,
    /// Promised time of day, local: `09:00:00`.
    #[serde_as(as = "Option<TimeOfDay>")]
    pub promise_time: Option<NaiveTime>,
}

/// The customer (wire `customerIdentifiers`).
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CustomerIdentifiers {
    /// myKaarma's identifier of the customer (wire `customerUUID`).
    #[serde(rename = "customerUUID")]
    pub customer_uuid: Option<String>,
    /// Full name.
    pub customer_name: Option<String>,
    /// The DMS's key for the customer.
    pub customer_key: Option<String>,
    /// Company name, for a business customer.
    pub company: Option<String>,
    /// Whether the customer is a business.
    pub is_business: Option<bool>,
}

/// The dealer (wire `dealerIdentifiers`).
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct DealerIdentifiers {
    /// The dealer's 64-character identifier (wire `dealerUUID`).
    #[serde(rename = "dealerUUID")]
    pub dealer_uuid: Option<String>,
    /// Dealer name.
    pub dealer_name: Option<String>,
    /// Dealer phone number.
    pub dealer_phone_number: Option<String>,
}
