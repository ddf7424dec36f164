//! The case's objects, each defined once for the case (`Option` fields) and once for the
//! "case updated" patch (`Patch` fields), with the patch's `apply_to`, from one list of fields.

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

/// Defines one object of a case from one list of fields, twice: as the case holds it (each
/// field an `Option`) and as the "case updated" patch sends it (each field a [`Patch`]), with
/// the patch's `apply_to`, so that a field added to the list is decoded, encoded and applied
/// alike. A field names its type and, after `as`, its adapter, without the `Option` or `Patch`
/// around them (`id: i64 as LenientNumber = "id"`).
macro_rules! case_object {
    (
        $(#[$meta:meta])* $name:ident,
        $(#[$patch_meta:meta])* $patch:ident,
        {
            $(
                $(#[$field_meta:meta])*
                $field:ident: $ty:ty $(as $adapter:ty)? = $key:literal
            ),* $(,)?
        }
    ) => {
        open_struct! {
            $(#[$meta])*
            pub struct $name {
                $(
                    $(#[$field_meta])*
                    $field: Option<$ty> $(as Option<$adapter>)? = $key,
                )*
            }
        }

        open_struct! {
            $(#[$patch_meta])*
            pub struct $patch {
                $(
                    $(#[$field_meta])*
                    $field: Patch<$ty> $(as Patch<$adapter>)? = $key,
                )*
            }
        }

        impl $patch {
            #[doc = concat!(
                "Applies this change to the [`", stringify!($name), "`] a case holds: a field ",
                "sent with a value gets it, a field sent as `null` becomes `None`, a field not ",
                "sent is left as it is. A value is replaced whole, arrays and objects ",
                "included.\n\n",
                "Keys this crate does not model are applied to `other` the same way: `null` ",
                "removes the key, any other value sets it, verbatim.",
            )]
            pub fn apply_to(&self, target: &mut $name) {
                $(self.$field.clone().apply(&mut target.$field);)*
                apply_other(&self.other, &mut target.other);
            }
        }
    };
}

/// Applies the keys a patch does not model to an object's own: `null` removes the key, any
/// other value sets it.
fn apply_other(changes: &BTreeMap<String, RawJson>, other: &mut BTreeMap<String, RawJson>) {
    for (key, value) in changes {
        if value.get().trim() == "null" {
            other.remove(key);
        } else {
            other.insert(key.clone(), value.clone());
        }
    }
}

case_object! {
    /// The order data of a case (wire `orderData`). Partners and providers may add keys of
    /// their own: those are kept in `other`.
    OrderData,
    /// A change to a case's order data (wire `orderData` of "case updated"): each field is
    /// absent (unchanged), `null` (removed) or its new value, and keys this crate does not
    /// model are kept in `other`, `null`s included.
    OrderDataPatch,
    {
        /// Special code of the chain.
        chain: String = "chain",
        /// External reference (64 characters).
        ref_no: String = "refNo",
        /// Goods type, from the shipping method's list.
        goods_type: String = "goodsType",
        /// Pickup date, from the pickup dates offered.
        pickup_date: String = "pickupDate",
        /// Whether the customer wants packing materials.
        emballage: bool = "emballage",
        /// Where packing materials should be delivered.
        mail: String = "mail",
        /// Custom parameters of the partner's integration, as sent.
        partner_specific: RawJson = "partnerSpecific",
        /// Custom parameters of the provider's integration, as sent.
        provider_specific: RawJson = "providerSpecific",
        /// Consents given.
        consents: Consents = "consents",
        /// The partner's reference.
        partner_order_reference: String = "partnerOrderReference",
        /// The provider's reference.
        provider_order_reference: String = "providerOrderReference",
        /// Limit for beyond-economic repair, as sent (a string).
        max_repair_price: String = "maxRepairPrice",
        /// Insurance deductible, as sent (a string).
        deductible: String = "deductible",
        /// Proof-of-purchase reference.
        proof_of_purchase_reference: String = "proofOfPurchaseReference",
        /// Whether any repair cost is accepted without a cost proposal.
        skip_cost_proposal_and_repair_for_any_price: bool = "skipCostProposalAndRepairForAnyPrice",
        /// Contact person for the order.
        contact_person: String = "contactPerson",
        /// Inbound shipment data; its shape depends on the shipping service, so it is
        /// kept as sent.
        shipment_data: RawJson = "shipmentData",
        /// Whether to notify the client, per partner status.
        notifications: BTreeMap<String, Notification> = "notifications",
        /// Files attached to the order.
        files: Vec<File> = "files",
        /// Who transacts with whom.
        booking_type: BookingType = "bookingType",
        /// Who initiated the order.
        originator_type: Originator = "originatorType",
        /// Activity number.
        activity_number: String = "activityNumber",
        /// Customer number.
        customer_number: String = "customerNumber",
        /// The client's postal code.
        client_postal_code: String = "clientPostalCode",
        /// Where the product is picked up, such as `pickupDst` or `customer`.
        pickup_destination: String = "pickupDestination",
        /// Where the product is returned, such as `returnDst` or `customer`.
        return_destination: String = "returnDestination",
        /// Whether integrations have finished.
        integrations_finished: bool = "integrationsFinished",
        /// Whether the provider exported the case.
        service_provider_export_status: bool = "serviceProviderExportStatus",
    }
}

case_object! {
    /// The product of a case (wire `productData`).
    ProductData,
    /// A change to a case's product data (wire `productData` of "case updated"); see
    /// [`OrderDataPatch`].
    ProductDataPatch,
    {
        /// Model name (40 characters).
        model: String = "model",
        /// When the product was purchased, as sent (`2017-04-01` or RFC 3339).
        purchase_date: DateTimeText = "purchaseDate",
        /// IMEI (20 characters).
        imei: String = "imei",
        /// Serial number (40 characters).
        serial: String = "serial",
        /// Insurance company.
        insurance_company: String = "insuranceCompany",
        /// Insurance number.
        insurance_number: String = "insuranceNumber",
        /// Accessory ids.
        accessory: Vec<String> = "accessory",
        /// Other accessories, as free text.
        other_accessory: String = "otherAccessory",
        /// The problem, as described.
        problem_text: String = "problemText",
        /// What was done to solve it.
        solution: String = "solution",
        /// The product's password.
        password: String = "password",
        /// Weight in kg, exact, in the form it came.
        weight: Numeric<Decimal> = "weight",
        /// Size: `{volume}` in m³ or `{width, height, depth}` in cm, as sent.
        volume: RawJson = "volume",
        /// Damage, as described.
        damage: String = "damage",
    }
}

case_object! {
    /// A person or company of a case: sender, receiver, customer, consumer, pickup or return
    /// destination (Service Order Hub's `ContactData`).
    Contact,
    /// A change to a contact of a case; see [`OrderDataPatch`].
    ContactPatch,
    {
        /// Identifier of the contact record: a number, or a numeric string such as
        /// `"7"`, written back as a number (like every id of a case).
        id: i64 as LenientNumber = "id",
        /// `1` (or `true`) for a company, `0` (or `false`) for a private person, as
        /// sent (wire `type`).
        kind: RawJson = "type",
        /// Name.
        name: String = "name",
        /// First name, for a private person.
        first_name: String = "firstName",
        /// Last name, for a private person.
        last_name: String = "lastName",
        /// Organisation name, for a company.
        organization_name: String = "organizationName",
        /// Organisation number, for a company.
        organization_number: String = "organizationNumber",
        /// Additional name (c/o).
        add_name: String = "addName",
        /// Street address.
        address: String = "address",
        /// Postal code.
        postal_code: String = "postalCode",
        /// City.
        city: String = "city",
        /// Country code (two letters).
        country_code: String = "countryCode",
        /// Landline phone.
        phone: String = "phone",
        /// Mobile phone.
        mobile: String = "mobile",
        /// Email address.
        email: String = "email",
        /// Floor.
        floor: String = "floor",
        /// Entrance.
        entrance: String = "entrance",
        /// Door code.
        door_code: String = "doorCode",
        /// When the record was created (RFC 3339).
        created_at: DateTimeText = "createdAt",
    }
}
