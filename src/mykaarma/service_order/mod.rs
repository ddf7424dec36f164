//! The service-order event (kind `service-orders`): a repair order changed in the DMS. The
//! payload mirrors the order of the myKaarma Order API.
//!
//! The order header sends its money, hours and mileage as strings (`"82.00"`), with `""`
//! where there is no value and sometimes `null`; each is an `Option<Blankable<_>>` that keeps
//! the three apart and is written back as it came (see
//! [`Blankable`](crate::wire::Blankable)). Read a value with
//! [`Present::present`](crate::wire::Present).
//!
//! ```
//! use aftersales_webhooks::mykaarma::{Envelope, Payload};
//!
//! let body = std::fs::read("fixtures/mykaarma/service-order-legacy.wire.json").unwrap();
//! let envelope: Envelope = aftersales_webhooks::from_slice(&body)?;
//! let Payload::ServiceOrder(event) = envelope.payload() else { unreachable!() };
//! let order = event.order.as_ref().unwrap();
//! assert!(order.jobs.as_ref().is_some_and(|jobs| !jobs.is_empty()));
//! # Ok::<(), aftersales_webhooks::Error>(())
//! ```

mod header;
mod job;

use serde::{Deserialize, Serialize};
use serde_with::skip_serializing_none;

pub use header::{OrderHeader, PayTypes};
pub use job::{Ccc, GogLine, Job, JobEstimates, TechHours};

use crate::kind::model;
use crate::wire::{RawJson, open_enum};

open_enum! {
    /// The kind of order (wire `type`).
    pub struct OrderType => OrderTypeKind {
        /// A repair order: `RO`.
        RepairOrder = ["RO"],
    }
}

model! {
    /// The payload of a service-order event.
    #[skip_serializing_none]
    #[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
    #[serde(rename_all = "camelCase")]
    #[non_exhaustive]
    pub struct ServiceOrderEvent {
        /// myKaarma's identifier of the order.
        pub uuid: Option<String>,
        /// The order.
        pub order: Option<Order>,
    }
}

/// A repair order.
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Order {
    /// The kind of order, such as `RO` (wire `type`).
    #[serde(rename = "type")]
    pub kind: Option<OrderType>,
    /// Number, status, dates and totals.
    pub header: Option<OrderHeader>,
    /// The vehicle.
    pub vehicle: Option<OrderVehicle>,
    /// The customer.
    pub customer: Option<OrderCustomer>,
    /// The jobs (lines of work).
    pub jobs: Option<Vec<Job>>,
    /// MLS data (only ever `null` in the docs; kept as raw JSON).
    pub mls: Option<RawJson>,
}

/// The vehicle of an order.
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct OrderVehicle {
    /// myKaarma's identifier of the vehicle.
    pub uuid: Option<String>,
    /// Vehicle identification number.
    pub vin: Option<String>,
    /// Make, such as `Honda`.
    pub make: Option<String>,
    /// Model.
    pub model: Option<String>,
    /// The DMS's key for the vehicle.
    pub key: Option<String>,
    /// Colour.
    pub color: Option<String>,
}

/// The customer of an order.
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct OrderCustomer {
    /// myKaarma's identifier of the customer.
    pub uuid: Option<String>,
    /// The DMS's key for the customer.
    pub key: Option<String>,
    /// First name.
    pub first_name: Option<String>,
    /// Last name.
    pub last_name: Option<String>,
}

impl super::payload::Subject for ServiceOrderEvent {
    /// The order's `uuid`.
    fn subject(&self) -> Option<&str> {
        self.uuid.as_deref()
    }
}
