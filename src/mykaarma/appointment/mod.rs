//! The appointment event (kind `appointments`): fired whenever an appointment is created,
//! updated or deleted. The payload extends the myKaarma Appointment API's response, which is
//! under [`AppointmentEvent::appointment_info_response`].
//!
//! One change made in myKaarma arrives twice: first from myKaarma itself (for example
//! `SCHEDULED` or `RESCHEDULED`), then from the DMS acknowledging it (`UPDATED`, for example
//! with a DMS-assigned [`AppointmentInfo::appointment_key`]). Use
//! [`AppointmentEvent::event`] and [`AppointmentInfo::new_status`] to tell what changed.
//!
//! ```
//! use aftersales_webhooks::mykaarma::{Envelope, Payload};
//!
//! let body = std::fs::read("fixtures/mykaarma/appointment.wire.json").unwrap();
//! let envelope: Envelope = aftersales_webhooks::from_slice(&body)?;
//! let Payload::Appointment(event) = envelope.payload() else { unreachable!() };
//! let info = event.appointment_info_response.as_ref().unwrap();
//! assert_eq!(info.start_time.unwrap().to_string(), "2025-09-27 15:00:00");
//! # Ok::<(), aftersales_webhooks::Error>(())
//! ```

mod logistics;
mod parties;
mod service;

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use serde_with::{serde_as, skip_serializing_none};

pub use logistics::{
    CommunicationPreferences, DmsAction, DmsActionKind, DmsMetadata, DmsResult, DmsResultKind,
    SarMetadata, TransportOption, Transportation, TransportationKind,
};
pub use parties::{CustomerInformation, OrderInformation, VehicleInformation};
pub use service::{OperationType, OperationTypeKind, ServiceLine};

use crate::kind::model;
use crate::wire::{IsoDate, LenientNumber, RawJson, SpaceDateTime, SpaceDateTimeMillis, open_enum};

open_enum! {
    /// What happened to an appointment (wire `event`, and `newStatus` in the appointment,
    /// which spells the same values in title case: `RESCHEDULED`, `Rescheduled`).
    pub struct AppointmentChange => AppointmentChangeKind {
        /// The appointment was created.
        Created = ["CREATED"],
        /// The appointment was scheduled (the first event of a myKaarma creation).
        Scheduled = ["SCHEDULED"],
        /// The appointment was moved to another time.
        Rescheduled = ["RESCHEDULED"],
        /// The appointment was updated, for example by the DMS acknowledging a change.
        Updated = ["UPDATED"],
        /// The appointment was cancelled (the Appointment API's cancel status).
        Cancelled = ["CANCELLED", "CANCELED"],
    }
}

open_enum! {
    /// The appointment's status code (wire `status`), such as `N`. The docs do not list the
    /// codes; `CANCELLED` is the one the Appointment API documents, for cancelling.
    pub struct AppointmentStatus => AppointmentStatusKind {
        /// The appointment is cancelled.
        Cancelled = ["CANCELLED", "CANCELED"],
    }
}

model! {
    /// The payload of an appointment event.
    #[serde_as]
    #[skip_serializing_none]
    #[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
    #[serde(rename_all = "camelCase")]
    #[non_exhaustive]
    pub struct AppointmentEvent {
        /// Identifier of this appointment event (in the older docs, the envelope's `id`).
        pub uuid: Option<String>,
        /// The dealer department's 64-character identifier.
        pub department_uuid: Option<String>,
        /// Name of the subscriber the event is for, such as `mkDealer`.
        pub subscriber_name: Option<String>,
        /// What happened, such as `RESCHEDULED`.
        pub event: Option<AppointmentChange>,
        /// When myKaarma created the event, in local time: `2025-09-27 02:19:21.796`.
        #[serde_as(as = "Option<SpaceDateTimeMillis>")]
        pub event_creation_date_time: Option<NaiveDateTime>,
        /// The myKaarma user who made the change.
        pub updated_by_user_uuid: Option<String>,
        /// Loaner bookings of the service appointment request. The docs only ever show an empty
        /// list and do not describe an entry, so entries are kept as raw JSON.
        pub service_appointment_request_loaner_booking_list: Option<Vec<RawJson>>,
        /// The appointment itself, as the Appointment API returns it.
        pub appointment_info_response: Option<AppointmentInfo>,
    }
}

/// An appointment, as the myKaarma Appointment API returns it (wire
/// `appointmentInfoResponse`). Times are the dealer's local time, without a zone.
#[serde_as]
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct AppointmentInfo {
    /// myKaarma's unique identifier of the appointment.
    pub uuid: Option<String>,
    /// Status code, such as `N`.
    pub status: Option<AppointmentStatus>,
    /// What the latest change did, such as `Rescheduled`.
    pub new_status: Option<AppointmentChange>,
    /// When the appointment was booked: `2025-09-26 12:29:17`.
    #[serde_as(as = "Option<SpaceDateTime>")]
    pub date: Option<NaiveDateTime>,
    /// When the appointment starts: `2025-09-27 15:00:00`.
    #[serde_as(as = "Option<SpaceDateTime>")]
    pub start_time: Option<NaiveDateTime>,
    /// When the appointment ends: `2025-09-27 15:14:59`.
    #[serde_as(as = "Option<SpaceDateTime>")]
    pub end_time: Option<NaiveDateTime>,
    /// The day the customer preferred: `2025-09-27`.
    #[serde_as(as = "Option<IsoDate>")]
    pub preferred_date: Option<NaiveDate>,
    /// Where the appointment was made, such as `Api`.
    pub platform: Option<String>,
    /// What made the appointment, such as `Appointment API` or `dealerapp`.
    pub appointment_source: Option<String>,
    /// The DMS's key for the appointment, once the DMS has one.
    pub appointment_key: Option<String>,
    /// Whether the appointment is for a recall.
    pub recall: Option<bool>,
    /// Whether the appointment is cancelled.
    pub is_cancelled: Option<bool>,
    /// The service advisor assigned to the appointment.
    pub assigned_advisor_uuid: Option<String>,
    /// The assigned advisor's DMS department code (older docs).
    pub assigned_advisor_dms_department_code: Option<String>,
    /// The advisor who created the appointment.
    pub creator_advisor_uuid: Option<String>,
    /// The dealer's 64-character identifier.
    pub dealer_uuid: Option<String>,
    /// The team the appointment is assigned to.
    pub team_uuid: Option<String>,
    /// Dispatch code, such as `B10`.
    pub dispatch_code: Option<String>,
    /// Comments shown to the customer.
    pub comments: Option<String>,
    /// Notes for the dealership only.
    pub internal_notes: Option<String>,
    /// How many reminders were sent.
    #[serde_as(as = "Option<LenientNumber>")]
    pub reminder_count: Option<u32>,
    /// Identifier of a vehicle inspection linked to the appointment.
    pub customer_vehicle_inspection_id: Option<String>,
    /// The mileage as free text (older docs; often `""`).
    pub mileage_text: Option<String>,
    /// The customer.
    pub customer_information: Option<CustomerInformation>,
    /// The vehicle.
    pub vehicle_information: Option<VehicleInformation>,
    /// The repair order linked to the appointment, if any.
    pub order_information: Option<OrderInformation>,
    /// How the customer is told about the appointment.
    pub appointment_communication_preferences: Option<CommunicationPreferences>,
    /// How the customer gets around while the vehicle is in service.
    pub transport_option: Option<TransportOption>,
    /// The services booked.
    pub service_list: Option<Vec<ServiceLine>>,
    /// Metadata of the service appointment request's sync with the DMS (wire `sarmetaData`).
    #[serde(rename = "sarmetaData")]
    pub sar_metadata: Option<SarMetadata>,
    /// Required skills (older docs, only ever `null`; kept as raw JSON).
    pub skill_list: Option<RawJson>,
    /// PDR-to-opcode mapping (older docs, only ever `{}`; kept as raw JSON).
    pub pdr_to_opcodes: Option<RawJson>,
    /// Check-in data of the service appointment request (wire `sarCheckinDataDTO`, older
    /// docs, only ever `null`; kept as raw JSON).
    #[serde(rename = "sarCheckinDataDTO")]
    pub sar_checkin_data: Option<RawJson>,
    /// URL of the estimate PDF (wire `estimatePdfS3Url`).
    pub estimate_pdf_s3_url: Option<String>,
    /// URL of the customer's signature image.
    pub customer_signature_url: Option<String>,
    /// Identifier of the signature request.
    pub signature_request_id: Option<String>,
    /// URL where the customer signs.
    pub signature_capture_url: Option<String>,
    /// URL of the signed estimate PDF.
    pub signed_estimate_pdf_url: Option<String>,
    /// Status of the estimate signature.
    pub estimate_signature_status: Option<String>,
}

impl super::payload::Subject for AppointmentEvent {
    /// The appointment's `appointmentInfoResponse.uuid`.
    fn subject(&self) -> Option<&str> {
        self.appointment_info_response.as_ref()?.uuid.as_deref()
    }
}
