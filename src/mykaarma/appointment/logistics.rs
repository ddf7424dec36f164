//! How the customer is told about an appointment and gets around, and the DMS sync status.

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use serde_with::{serde_as, skip_serializing_none};

use crate::wire::{SpaceDateTime, open_enum};

/// How the customer is told about an appointment (wire `appointmentCommunicationPreferences`).
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CommunicationPreferences {
    /// Whether a confirmation email is sent.
    pub email_confirmation: Option<bool>,
    /// Whether a confirmation text is sent.
    pub text_confirmation: Option<bool>,
    /// Whether a reminder email is sent.
    pub email_reminder: Option<bool>,
    /// Whether a reminder text is sent.
    pub text_reminder: Option<bool>,
    /// Whether the customer is notified at all.
    pub notify_customer: Option<bool>,
    /// Phone number that confirmations go to.
    pub confirmation_phone_number: Option<String>,
    /// Email address that confirmations go to.
    pub confirmation_email: Option<String>,
    /// Whether communication also goes to the dealer associate (wire `sendCommunicationToDA`).
    #[serde(rename = "sendCommunicationToDA")]
    pub send_communication_to_da: Option<bool>,
}

open_enum! {
    /// A transport option (wire `transportation`, `altTransportation`,
    /// `organicTransportation`).
    pub struct Transportation => TransportationKind {
        /// A loaner vehicle: `Loaner`.
        Loaner = ["Loaner"],
        /// No transport needed: `None` (also `none`).
        NoTransport = ["None"],
    }
}

/// How the customer gets around while the vehicle is in service (wire `transportOption`).
#[serde_as]
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct TransportOption {
    /// Identifier of the transport option.
    pub uuid: Option<String>,
    /// The transport chosen, such as `Loaner`.
    pub transportation: Option<Transportation>,
    /// An alternative transport, such as `none`.
    pub alt_transportation: Option<Transportation>,
    /// The transport as first chosen (older docs).
    pub organic_transportation: Option<Transportation>,
    /// Identifier of a sub-option of the transport option.
    pub sub_transport_option_uuid: Option<String>,
    /// Whether the booking is made with a third party.
    pub book_in_third_party: Option<bool>,
    /// Identifier of the booking.
    pub booking_id: Option<String>,
    /// When the booking starts, local time, in the appointment's own format (the docs only
    /// show `null` here).
    #[serde_as(as = "Option<SpaceDateTime>")]
    pub booking_start_date: Option<NaiveDateTime>,
    /// When the booking ends, as `booking_start_date`.
    #[serde_as(as = "Option<SpaceDateTime>")]
    pub booking_end_date: Option<NaiveDateTime>,
    /// Whether the booking was made by hand.
    pub booking_is_manual: Option<bool>,
    /// Whether the booking is valid.
    pub booking_is_valid: Option<bool>,
    /// Link to the loaner booking.
    pub loaner_smart_link: Option<String>,
}

/// Metadata of the service appointment request (wire `sarmetaData`).
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct SarMetadata {
    /// The last sync with the DMS.
    pub dms_meta_data: Option<DmsMetadata>,
}

open_enum! {
    /// What a DMS sync did (wire `type` of `dmsMetaData`).
    pub struct DmsAction => DmsActionKind {
        /// myKaarma pushed the appointment to the DMS: `PUSH`.
        Push = ["PUSH"],
    }
}

open_enum! {
    /// How a DMS sync ended (wire `title` of `dmsMetaData`).
    pub struct DmsResult => DmsResultKind {
        /// The sync succeeded: `SUCCESS`.
        Success = ["SUCCESS"],
    }
}

/// The last sync of an appointment with the DMS (wire `dmsMetaData`).
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct DmsMetadata {
    /// What the sync did (wire `type`).
    #[serde(rename = "type")]
    pub action: Option<DmsAction>,
    /// How the sync ended (wire `title`).
    #[serde(rename = "title")]
    pub result: Option<DmsResult>,
    /// Details, such as an error message.
    pub description: Option<String>,
    /// The vehicle the sync was about.
    pub vehicle_uuid: Option<String>,
    /// The dealer associate the sync was about.
    pub dealer_associate_id: Option<String>,
}
