//! Who and what an appointment is for: the customer, the vehicle and the repair order.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_with::{Same, serde_as, skip_serializing_none};

use crate::wire::{BlankOr, Blankable, IsoDate, Numeric};

/// The customer of an appointment (wire `customerInformation`).
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CustomerInformation {
    /// myKaarma's unique identifier of the customer.
    pub uuid: Option<String>,
    /// The DMS's key for the customer.
    pub customer_key: Option<String>,
    /// First name.
    pub first_name: Option<String>,
    /// Last name.
    pub last_name: Option<String>,
    /// Company name, for a business customer.
    pub company: Option<String>,
    /// Whether the customer is a company or fleet rather than a person.
    pub is_business: Option<bool>,
    /// Phone number the confirmation text goes to.
    pub confirmation_phone: Option<String>,
    /// Email address the confirmation goes to.
    pub confirmation_email: Option<String>,
    /// Preferred language, such as `en-us`.
    pub cust_locale: Option<String>,
}

/// The vehicle of an appointment (wire `vehicleInformation`).
#[serde_as]
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct VehicleInformation {
    /// myKaarma's unique identifier of the vehicle.
    pub uuid: Option<String>,
    /// The DMS's key for the vehicle.
    pub vehicle_key: Option<String>,
    /// Vehicle identification number.
    pub vin: Option<String>,
    /// Make, such as `GMC`.
    pub brand: Option<String>,
    /// Model, such as `Sierra 3500HD`.
    pub model: Option<String>,
    /// Model year, such as `2011`. The docs send it as a string (`"2011"`); a number (`2011`)
    /// and the empty string `""` occur too. Kept in the form it came, and written back so:
    /// `None` for `null` or a missing key, [`Blankable::Blank`] for `""`, and a [`Numeric`]
    /// that remembers whether it was quoted. Read it with [`Present::present`].
    ///
    /// [`Present::present`]: crate::wire::Present::present
    #[serde_as(as = "Option<BlankOr<Same>>")]
    pub year: Option<Blankable<Numeric<u16>>>,
    /// Trim.
    pub trim: Option<String>,
    /// Engine.
    pub engine: Option<String>,
    /// Mileage, such as `"75000"`: a numeric string, a number or `""`, kept in the form it
    /// came, like [`year`](Self::year).
    #[serde_as(as = "Option<BlankOr<Same>>")]
    pub mileage: Option<Blankable<Numeric<u32>>>,
    /// Whether the vehicle record is valid.
    pub is_valid: Option<bool>,
    /// The dealer's identifier (older docs).
    pub dealer_uuid: Option<String>,
}

/// The repair order linked to an appointment (wire `orderInformation`); every field is
/// `null` until there is one.
#[serde_as]
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct OrderInformation {
    /// myKaarma's unique identifier of the order.
    pub uuid: Option<String>,
    /// The order (RO) number.
    pub order_number: Option<String>,
    /// The order date, `YYYY-MM-DD` as in myKaarma's other order dates (the docs only show
    /// `null` here).
    #[serde_as(as = "Option<IsoDate>")]
    pub order_date: Option<NaiveDate>,
    /// The order type, such as `RO`.
    pub order_type: Option<String>,
}
