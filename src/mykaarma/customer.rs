//! The customer event (kind `customers`): a customer with their vehicles, as the myKaarma
//! Customer API returns it (`customerWithVehicles`).
//!
//! myKaarma pushes customer events from an indexer that runs once per second: several updates
//! to one customer within a second arrive as a single event with the final state.
//!
//! ```
//! use aftersales_webhooks::mykaarma::{Envelope, Payload};
//!
//! let body = std::fs::read("fixtures/mykaarma/customer.wire.json").unwrap();
//! let envelope: Envelope = aftersales_webhooks::from_slice(&body)?;
//! let Payload::Customer(event) = envelope.payload() else { unreachable!() };
//! let customer = event.customer().unwrap();
//! assert_eq!(customer.first_name.as_deref(), Some("myKaarma"));
//! assert!(!event.vehicles().is_empty());
//! # Ok::<(), aftersales_webhooks::Error>(())
//! ```

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_with::{Same, serde_as, skip_serializing_none};

use crate::kind::model;
use crate::wire::{BlankOr, Blankable, EpochMillis, LenientNumber, Numeric, open_enum};

model! {
    /// The payload of a customer event.
    #[skip_serializing_none]
    #[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
    #[serde(rename_all = "camelCase")]
    #[non_exhaustive]
    pub struct CustomerEvent {
        /// The customer and their vehicles.
        pub customer_with_vehicles: Option<CustomerWithVehicles>,
    }
}

impl CustomerEvent {
    /// The customer, if the payload carries one.
    pub fn customer(&self) -> Option<&Customer> {
        self.customer_with_vehicles.as_ref()?.customer.as_ref()
    }

    /// The customer's vehicles (none when the payload carries none).
    pub fn vehicles(&self) -> &[Vehicle] {
        self.customer_with_vehicles
            .as_ref()
            .and_then(|c| c.vehicles.as_deref())
            .unwrap_or_default()
    }

    /// The customer's addresses, wherever the payload carries them: beside the customer
    /// (current docs) or inside it (older docs).
    pub fn addresses(&self) -> &[Address] {
        let beside = self
            .customer_with_vehicles
            .as_ref()
            .and_then(|c| c.addresses.as_deref());
        let inside = || self.customer().and_then(|c| c.addresses.as_deref());
        beside
            .filter(|a| !a.is_empty())
            .or_else(inside)
            .or(beside)
            .unwrap_or_default()
    }
}

/// A customer with their vehicles (wire `customerWithVehicles`).
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CustomerWithVehicles {
    /// The customer's profile.
    pub customer: Option<Customer>,
    /// The customer's vehicles.
    pub vehicles: Option<Vec<Vehicle>>,
    /// The customer's addresses (current docs; older docs put them inside
    /// [`Customer::addresses`]).
    pub addresses: Option<Vec<Address>>,
}

open_enum! {
    /// How the customer prefers to be contacted (wire `preferredCommunication`).
    pub struct PreferredCommunication => PreferredCommunicationKind {
        /// By text message: `text`.
        Text = ["text"],
        /// By phone call: `phone`.
        Phone = ["phone"],
        /// By email: `email`.
        Email = ["email"],
    }
}

/// A customer's profile.
#[serde_as]
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Customer {
    /// myKaarma's unique identifier of the customer.
    pub customer_uuid: Option<String>,
    /// The same identifier under its older name (older docs).
    pub customer_id: Option<String>,
    /// A numeric database id that the older docs send as `null`.
    #[serde_as(as = "Option<LenientNumber>")]
    pub id: Option<i64>,
    /// The DMS's key for the customer.
    pub customer_key: Option<String>,
    /// First name.
    pub first_name: Option<String>,
    /// Middle name (often `""`).
    pub middle_name: Option<String>,
    /// Last name.
    pub last_name: Option<String>,
    /// The company name, for a business customer.
    pub company: Option<String>,
    /// Whether the customer is a company or fleet rather than a person.
    pub is_business: Option<bool>,
    /// Preferred language, such as `en-us` or `fr-ca`.
    pub preferred_locale: Option<String>,
    /// How the customer prefers to be contacted.
    pub preferred_communication: Option<PreferredCommunication>,
    /// Email addresses.
    pub emails: Option<Vec<Email>>,
    /// Phone numbers.
    pub phone_numbers: Option<Vec<PhoneNumber>>,
    /// When to contact the customer (older docs).
    pub best_time_to_contact: Option<BestTimeToContact>,
    /// Addresses (older docs; current docs put them in [`CustomerWithVehicles::addresses`]).
    pub addresses: Option<Vec<Address>>,
    /// A number the docs show as `0` and `1` without explaining it.
    #[serde_as(as = "Option<LenientNumber>")]
    pub availability: Option<i64>,
}

/// An email address of a customer.
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Email {
    /// The address.
    pub email_address: Option<String>,
    /// A label such as `home`.
    pub label: Option<String>,
    /// Whether the customer agreed to be emailed.
    pub ok_to_email: Option<bool>,
    /// Whether this is the preferred address.
    pub is_preferred: Option<bool>,
    /// Free-text comments (older docs).
    pub comments: Option<String>,
}

/// A phone number of a customer.
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct PhoneNumber {
    /// The number, such as `+13108170196`.
    pub phone_number: Option<String>,
    /// A label such as `cell`.
    pub label: Option<String>,
    /// Whether the customer agreed to be called.
    pub ok_to_call: Option<bool>,
    /// Whether the customer agreed to be texted.
    pub ok_to_text: Option<bool>,
    /// Whether this is the preferred number.
    pub is_preferred: Option<bool>,
    /// Free-text comments (older docs).
    pub comments: Option<String>,
}

/// When to contact a customer (older docs). The docs only ever show both ends as `null` and
/// do not give their format, so they are kept as text.
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct BestTimeToContact {
    /// Start of the window, as sent.
    pub start_time: Option<String>,
    /// End of the window, as sent.
    pub end_time: Option<String>,
}

open_enum! {
    /// What an address is for (wire `type`).
    pub struct AddressType => AddressTypeKind {
        /// The customer's home address: `PRIMARY`.
        Primary = ["PRIMARY"],
        /// The customer's business (billing) address: `BILLING`.
        Billing = ["BILLING"],
        /// One address for both home and billing: `COMMON`.
        Common = ["COMMON"],
    }
}

open_enum! {
    /// The one-letter code of what an address is for (wire `addressType`).
    pub struct AddressCode => AddressCodeKind {
        /// Primary (home) address: `P`.
        Primary = ["P"],
    }
}

/// A postal address of a customer.
#[serde_as]
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Address {
    /// myKaarma's identifier of the address (older docs).
    pub uuid: Option<String>,
    /// What the address is for (wire `type`).
    #[serde(rename = "type")]
    pub kind: Option<AddressType>,
    /// The one-letter code of what the address is for.
    pub address_type: Option<AddressCode>,
    /// First address line.
    pub line1: Option<String>,
    /// Second address line.
    pub line2: Option<String>,
    /// City.
    pub city: Option<String>,
    /// State or province, such as `CA`.
    pub state: Option<String>,
    /// Postal code.
    pub zip: Option<String>,
    /// Country, as written (`USA`, `United States`).
    pub country: Option<String>,
    /// Whether the address is valid.
    pub is_valid: Option<bool>,
    /// Whether this is the preferred address.
    pub is_preferred: Option<bool>,
    /// When the address was last updated (wire `updateTS`, milliseconds since the epoch).
    #[serde(rename = "updateTS")]
    #[serde_as(as = "Option<EpochMillis>")]
    pub update_ts: Option<DateTime<Utc>>,
}

/// A vehicle of a customer.
#[serde_as]
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Vehicle {
    /// myKaarma's unique identifier of the vehicle.
    pub vehicle_uuid: Option<String>,
    /// A numeric database id that the older docs send as `null`.
    #[serde_as(as = "Option<LenientNumber>")]
    pub id: Option<i64>,
    /// The DMS's key for the vehicle.
    pub vehicle_key: Option<String>,
    /// Vehicle identification number.
    pub vin: Option<String>,
    /// Make, such as `GMC`.
    pub vehicle_make: Option<String>,
    /// Model, such as `Sierra 3500HD`.
    pub vehicle_model: Option<String>,
    /// Model year, such as `2011`. The docs send it as a string (`"2011"`); a number (`2011`)
    /// and the empty string `""` occur too. Kept in the form it came, and written back so:
    /// `None` for `null` or a missing key, [`Blankable::Blank`] for `""`, and a [`Numeric`]
    /// that remembers whether it was quoted. Read it with [`Present::present`].
    ///
    /// [`Present::present`]: crate::wire::Present::present
    #[serde_as(as = "Option<BlankOr<Same>>")]
    pub vehicle_year: Option<Blankable<Numeric<u16>>>,
    /// Trim, such as `Work Truck Long Box 2WD`.
    pub vehicle_trim: Option<String>,
    /// Engine, such as `6.0L V8 OHV 16V FFV`.
    pub vehicle_engine: Option<String>,
    /// Estimated mileage, such as `"75000"`: a numeric string, a number or `""`, kept in the
    /// form it came, like [`vehicle_year`](Self::vehicle_year).
    #[serde_as(as = "Option<BlankOr<Same>>")]
    pub estimated_mileage: Option<Blankable<Numeric<u32>>>,
    /// Licence plate.
    pub license_plate: Option<String>,
    /// Colour.
    pub color: Option<String>,
    /// URL of a picture of the vehicle.
    pub image_url: Option<String>,
    /// Brand identifier; the docs only show `null`.
    pub brand_id: Option<String>,
    /// Whether the vehicle record is valid.
    pub is_valid: Option<bool>,
}

impl super::payload::Subject for CustomerEvent {
    /// The customer's `customerUuid`.
    fn subject(&self) -> Option<&str> {
        self.customer()?.customer_uuid.as_deref()
    }
}
