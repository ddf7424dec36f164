//! The case (service order) that status transitions and invoices embed.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_with::{serde_as, skip_serializing_none};

use super::objects::{Contact, OrderData, ProductData};
use crate::wire::{LenientNumber, RawJson, Rfc3339, open_struct};

open_struct! {
    #[closed]
    /// A service case, as webhooks embed it (the case of a status transition or an invoice) and
    /// the API returns it. Keys the reference does not describe are ignored, except inside
    /// [`OrderData`], where partners keep data of their own.
    pub struct Case {
        /// Service Order Hub's id of the case.
        id: Option<i64> as Option<LenientNumber> = "id",
        /// The case's guid. Kept as text: the docs show guids that are not valid UUIDs.
        guid: Option<String> = "guid",
        /// The case's current status key, such as `estsent`.
        current_status: Option<String> = "currentStatus",
        /// Country code, such as `SE`.
        country: Option<String> = "country",
        /// When the case was created.
        created_at: Option<DateTime<Utc>> as Option<Rfc3339> = "createdAt",
        /// Tags (only ever shown empty; kept as raw JSON).
        tags: Option<Vec<RawJson>> = "tags",
        /// The order.
        order_data: Option<OrderData> = "orderData" in place,
        /// The product.
        product_data: Option<ProductData> = "productData" in place,
        /// Who sends the product.
        sender: Option<Contact> = "sender" in place,
        /// Who receives it.
        receiver: Option<Contact> = "receiver" in place,
        /// The customer.
        customer: Option<Contact> = "customer" in place,
        /// The consumer.
        consumer: Option<Contact> = "consumer" in place,
        /// Where the product is picked up (wire `pickupDst`).
        pickup_dst: Option<Contact> = "pickupDst" in place,
        /// Where the product is returned (wire `returnDst`).
        return_dst: Option<Contact> = "returnDst" in place,
        /// The partner.
        partner_id: Option<i64> as Option<LenientNumber> = "partnerId",
        /// The partner, named.
        service_partner: Option<Party> = "servicePartner",
        /// The service provider.
        service_provider_id: Option<i64> as Option<LenientNumber> = "serviceProviderId",
        /// The service provider, named.
        service_provider: Option<Party> = "serviceProvider",
        /// The provider's department.
        service_provider_department_id: Option<i64> as Option<LenientNumber> = "serviceProviderDepartmentId",
        /// The provider's department, as sent.
        service_provider_department: Option<RawJson> = "serviceProviderDepartment",
        /// The product type.
        product_type_id: Option<i64> as Option<LenientNumber> = "productTypeId",
        /// The product type, described.
        product_type: Option<CatalogEntry> = "productType",
        /// The service type.
        service_type_id: Option<i64> as Option<LenientNumber> = "serviceTypeId",
        /// The service type, described.
        service_type: Option<CatalogEntry> = "serviceType",
        /// The manufacturer.
        manufacturer_id: Option<i64> as Option<LenientNumber> = "manufacturerId",
        /// The manufacturer, described.
        manufacturer: Option<CatalogEntry> = "manufacturer",
        /// The service location.
        service_location_id: Option<i64> as Option<LenientNumber> = "serviceLocationId",
        /// The service location, described.
        service_location: Option<CatalogEntry> = "serviceLocation",
        /// The case's statuses (only ever shown empty; kept as raw JSON).
        case_statuses: Option<Vec<RawJson>> = "caseStatuses",
        /// Spare parts (only ever shown empty; kept as raw JSON).
        spare_parts: Option<Vec<RawJson>> = "spareParts",
        /// Freight tracking events.
        freight_trackings: Option<Vec<FreightTracking>> = "freightTrackings",
        /// Data of external systems, as sent.
        external_data: Option<RawJson> = "externalData",
    }
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
