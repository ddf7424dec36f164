//! The case (service order) that status transitions and invoices embed.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_with::{serde_as, skip_serializing_none};

use super::objects::{Contact, OrderData, ProductData};
use crate::wire::{LenientNumber, RawJson, Rfc3339};

/// A service case, as webhooks embed it (the case of a status transition or an invoice) and
/// the API returns it. Keys the reference does not describe are ignored, except inside
/// [`OrderData`], where partners keep data of their own.
#[serde_as]
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Case {
    /// Service Order Hub's id of the case.
    #[serde_as(as = "Option<LenientNumber>")]
    pub id: Option<i64>,
    /// The case's guid. Kept as text: the docs show guids that are not valid UUIDs.
    pub guid: Option<String>,
    /// The case's current status key, such as `estsent`.
    pub current_status: Option<String>,
    /// Country code, such as `SE`.
    pub country: Option<String>,
    /// When the case was created.
    #[serde_as(as = "Option<Rfc3339>")]
    pub created_at: Option<DateTime<Utc>>,
    /// Tags (only ever shown empty; kept as raw JSON).
    pub tags: Option<Vec<RawJson>>,
    /// The order.
    pub order_data: Option<OrderData>,
    /// The product.
    pub product_data: Option<ProductData>,
    /// Who sends the product.
    pub sender: Option<Contact>,
    /// Who receives it.
    pub receiver: Option<Contact>,
    /// The customer.
    pub customer: Option<Contact>,
    /// The consumer.
    pub consumer: Option<Contact>,
    /// Where the product is picked up (wire `pickupDst`).
    pub pickup_dst: Option<Contact>,
    /// Where the product is returned (wire `returnDst`).
    pub return_dst: Option<Contact>,
    /// The partner.
    #[serde_as(as = "Option<LenientNumber>")]
    pub partner_id: Option<i64>,
    /// The partner, named.
    pub service_partner: Option<Party>,
    /// The service provider.
    #[serde_as(as = "Option<LenientNumber>")]
    pub service_provider_id: Option<i64>,
    /// The service provider, named.
    pub service_provider: Option<Party>,
    /// The provider's department.
    #[serde_as(as = "Option<LenientNumber>")]
    pub service_provider_department_id: Option<i64>,
    /// The provider's department, as sent.
    pub service_provider_department: Option<RawJson>,
    /// The product type.
    #[serde_as(as = "Option<LenientNumber>")]
    pub product_type_id: Option<i64>,
    /// The product type, described.
    pub product_type: Option<CatalogEntry>,
    /// The service type.
    #[serde_as(as = "Option<LenientNumber>")]
    pub service_type_id: Option<i64>,
    /// The service type, described.
    pub service_type: Option<CatalogEntry>,
    /// The manufacturer.
    #[serde_as(as = "Option<LenientNumber>")]
    pub manufacturer_id: Option<i64>,
    /// The manufacturer, described.
    pub manufacturer: Option<CatalogEntry>,
    /// The service location.
    #[serde_as(as = "Option<LenientNumber>")]
    pub service_location_id: Option<i64>,
    /// The service location, described.
    pub service_location: Option<CatalogEntry>,
    /// The case's statuses (only ever shown empty; kept as raw JSON).
    pub case_statuses: Option<Vec<RawJson>>,
    /// Spare parts (only ever shown empty; kept as raw JSON).
    pub spare_parts: Option<Vec<RawJson>>,
    /// Freight tracking events.
    pub freight_trackings: Option<Vec<FreightTracking>>,
    /// Data of external systems, as sent.
    pub external_data: Option<RawJson>,
}

/// A partner or service provider named in a case.
#[serde_as]
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct Party {
    /// Its id.
    #[serde_as(as = "Option<LenientNumber>")]
    pub id: Option<i64>,
    /// Its name.
    pub name: Option<String>,
}

/// An entry of the reference data: a product type, service type, manufacturer or service
/// location.
#[serde_as]
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CatalogEntry {
    /// Its id.
    #[serde_as(as = "Option<LenientNumber>")]
    pub id: Option<i64>,
    /// Its name, such as `Notebook`.
    pub name: Option<String>,
    /// Its properties, such as `{"requireSerial": true}`, as sent.
    pub properties: Option<RawJson>,
    /// Data of external systems, as sent.
    pub external_data: Option<RawJson>,
}

/// A freight tracking event of a case.
#[serde_as]
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct FreightTracking {
    /// Its id.
    #[serde_as(as = "Option<LenientNumber>")]
    pub id: Option<i64>,
    /// The case.
    #[serde_as(as = "Option<LenientNumber>")]
    pub case_id: Option<i64>,
    /// The parcel's number.
    pub colli_number: Option<String>,
    /// Event code, such as `XMLSVK6`.
    pub code: Option<String>,
    /// Event, as text.
    pub text_status: Option<String>,
    /// When it happened.
    #[serde_as(as = "Option<Rfc3339>")]
    pub event_date_time: Option<DateTime<Utc>>,
}
