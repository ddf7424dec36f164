//! The case's objects, each defined once for the case (`Option` fields) and once for the
//! "case updated" patch (`Patch` fields), from one list of fields.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_with::skip_serializing_none;

use super::common::{BookingType, Consents, File, Originator};
#[allow(unused_imports)] // used by the macro expansions below
use crate::wire::{DateTimeText, LenientNumber, Numeric, Patch, RawJson, Rfc3339, open_struct};

/// Whether to notify the client of a status (a value of wire `notifications`).
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct Notification {
    /// Whether to send an email.
    pub email: Option<bool>,
    /// Whether to send an SMS.
    pub sms: Option<bool>,
}

macro_rules! order_data {
    ($(#[$meta:meta])* $name:ident, $field:ident) => {
        open_struct! {
            $(#[$meta])*
            pub struct $name {
                /// Special code of the chain.
                chain: $field<String> = "chain",
                /// External reference (64 characters).
                ref_no: $field<String> = "refNo",
                /// Goods type, from the shipping method's list.
                goods_type: $field<String> = "goodsType",
                /// Pickup date, from the pickup dates offered.
                pickup_date: $field<String> = "pickupDate",
                /// Whether the customer wants packing materials.
                emballage: $field<bool> = "emballage",
                /// Where packing materials should be delivered.
                mail: $field<String> = "mail",
                /// Custom parameters of the partner's integration, as sent.
                partner_specific: $field<RawJson> = "partnerSpecific",
                /// Custom parameters of the provider's integration, as sent.
                provider_specific: $field<RawJson> = "providerSpecific",
                /// Consents given.
                consents: $field<Consents> = "consents",
                /// The partner's reference.
                partner_order_reference: $field<String> = "partnerOrderReference",
                /// The provider's reference.
                provider_order_reference: $field<String> = "providerOrderReference",
                /// Limit for beyond-economic repair, as sent (a string).
                max_repair_price: $field<String> = "maxRepairPrice",
                /// Insurance deductible, as sent (a string).
                deductible: $field<String> = "deductible",
                /// Proof-of-purchase reference.
                proof_of_purchase_reference: $field<String> = "proofOfPurchaseReference",
                /// Whether any repair cost is accepted without a cost proposal.
                skip_cost_proposal_and_repair_for_any_price: $field<bool> = "skipCostProposalAndRepairForAnyPrice",
                /// Contact person for the order.
                contact_person: $field<String> = "contactPerson",
                /// Inbound shipment data; its shape depends on the shipping service, so it is
                /// kept as sent.
                shipment_data: $field<RawJson> = "shipmentData",
                /// Whether to notify the client, per partner status.
                notifications: $field<BTreeMap<String, Notification>> = "notifications",
                /// Files attached to the order.
                files: $field<Vec<File>> = "files",
                /// Who transacts with whom.
                booking_type: $field<BookingType> = "bookingType",
                /// Who initiated the order.
                originator_type: $field<Originator> = "originatorType",
                /// Activity number.
                activity_number: $field<String> = "activityNumber",
                /// Customer number.
                customer_number: $field<String> = "customerNumber",
                /// The client's postal code.
                client_postal_code: $field<String> = "clientPostalCode",
                /// Where the product is picked up, such as `pickupDst` or `customer`.
                pickup_destination: $field<String> = "pickupDestination",
                /// Where the product is returned, such as `returnDst` or `customer`.
                return_destination: $field<String> = "returnDestination",
                /// Whether integrations have finished.
                integrations_finished: $field<bool> = "integrationsFinished",
                /// Whether the provider exported the case.
                service_provider_export_status: $field<bool> = "serviceProviderExportStatus",
            }
        }
    };
}

macro_rules! product_data {
    ($(#[$meta:meta])* $name:ident, $field:ident) => {
        open_struct! {
            $(#[$meta])*
            pub struct $name {
                /// Model name (40 characters).
                model: $field<String> = "model",
                /// When the product was purchased, as sent (`2017-04-01` or RFC 3339).
                purchase_date: $field<DateTimeText> = "purchaseDate",
                /// IMEI (20 characters).
                imei: $field<String> = "imei",
                /// Serial number (40 characters).
                serial: $field<String> = "serial",
                /// Insurance company.
                insurance_company: $field<String> = "insuranceCompany",
                /// Insurance number.
                insurance_number: $field<String> = "insuranceNumber",
                /// Accessory ids.
                accessory: $field<Vec<String>> = "accessory",
                /// Other accessories, as free text.
                other_accessory: $field<String> = "otherAccessory",
                /// The problem, as described.
                problem_text: $field<String> = "problemText",
                /// What was done to solve it.
                solution: $field<String> = "solution",
                /// The product's password.
                password: $field<String> = "password",
                /// Weight in kg, exact, in the form it came.
                weight: $field<Numeric<Decimal>> = "weight",
                /// Size: `{volume}` in m³ or `{width, height, depth}` in cm, as sent.
                volume: $field<RawJson> = "volume",
                /// Damage, as described.
                damage: $field<String> = "damage",
            }
        }
    };
}

macro_rules! contact {
    ($(#[$meta:meta])* $name:ident, $field:ident) => {
        open_struct! {
            $(#[$meta])*
            pub struct $name {
                /// Identifier of the contact record: a number, or a numeric string such as
                /// `"7"`, written back as a number (like every id of a case).
                id: $field<i64> as $field<LenientNumber> = "id",
                /// `1` (or `true`) for a company, `0` (or `false`) for a private person, as
                /// sent (wire `type`).
                kind: $field<RawJson> = "type",
                /// Name.
                name: $field<String> = "name",
                /// First name, for a private person.
                first_name: $field<String> = "firstName",
                /// Last name, for a private person.
                last_name: $field<String> = "lastName",
                /// Organisation name, for a company.
                organization_name: $field<String> = "organizationName",
                /// Organisation number, for a company.
                organization_number: $field<String> = "organizationNumber",
                /// Additional name (c/o).
                add_name: $field<String> = "addName",
                /// Street address.
                address: $field<String> = "address",
                /// Postal code.
                postal_code: $field<String> = "postalCode",
                /// City.
                city: $field<String> = "city",
                /// Country code (two letters).
                country_code: $field<String> = "countryCode",
                /// Landline phone.
                phone: $field<String> = "phone",
                /// Mobile phone.
                mobile: $field<String> = "mobile",
                /// Email address.
                email: $field<String> = "email",
                /// Floor.
                floor: $field<String> = "floor",
                /// Entrance.
                entrance: $field<String> = "entrance",
                /// Door code.
                door_code: $field<String> = "doorCode",
                /// When the record was created (RFC 3339).
                created_at: $field<DateTimeText> = "createdAt",
            }
        }
    };
}

order_data!(
    /// The order data of a case (wire `orderData`). Partners and providers may add keys of
    /// their own: those are kept in `other`.
    OrderData, Option
);

order_data!(
    /// A change to a case's order data (wire `orderData` of "case updated"): each field is
    /// absent (unchanged), `null` (removed) or its new value, and keys this crate does not
    /// model are kept in `other`, `null`s included.
    OrderDataPatch, Patch
);

product_data!(
    /// The product of a case (wire `productData`).
    ProductData, Option
);

product_data!(
    /// A change to a case's product data (wire `productData` of "case updated"); see
    /// [`OrderDataPatch`].
    ProductDataPatch, Patch
);

contact!(
    /// A person or company of a case: sender, receiver, customer, consumer, pickup or return
    /// destination (Service Order Hub's `ContactData`).
    Contact, Option
);

contact!(
    /// A change to a contact of a case; see [`OrderDataPatch`].
    ContactPatch, Patch
);
