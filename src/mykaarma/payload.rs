//! The payload of a myKaarma event, typed by the envelope's kind: the vendor's kind table.

use serde::de::{Deserialize, Deserializer};

use super::appointment::AppointmentEvent;
use super::customer::CustomerEvent;
use super::message::MessageEvent;
use super::mpi::Mpi;
use super::service_order::ServiceOrderEvent;
use crate::Error;
use crate::kind::{Kind, kinds};
use crate::wire::{RawJson, open_enum};

/// The myKaarma entity a payload is about, for ordering events per entity.
pub(crate) trait Subject {
    /// The entity's myKaarma identifier, if the payload carries it.
    fn subject(&self) -> Option<&str>;
}

/// The kind table: each kind once, with its wire name (under `type` or `dataType`), its
/// variant of [`Payload`] and its model, and the top-level payload keys it is known by.
/// [`DataType`], [`Payload`] and every dispatch on the kind are generated from it.
macro_rules! payloads {
    (
        $(
            $(#[$doc:meta])*
            $variant:ident($model:ident) = $kind:ident $wire:literal,
                $name:literal [$($field:ident: $key:literal),+ $(,)?];
        )+
    ) => {
        open_enum! {
            /// The kind of data an event carries (wire `type`, or `dataType` in older docs).
            pub struct DataType => DataTypeKind {
                $($(#[$doc])* $kind = [$wire],)+
            }
        }

        impl DataTypeKind {
            /// Every kind this crate models (all but `Other`), in the table's order.
            pub const MODELLED: &'static [Self] = &[$(Self::$kind,)+];

            /// The top-level payload keys a payload of this kind is known by: a payload must
            /// carry at least one of them with a value, or it is refused as not of this kind.
            /// None for `Other`, whose payload is kept whatever it holds.
            pub fn keys(self) -> &'static [&'static str] {
                self.model().map_or(&[], |kind| kind.keys)
            }

            /// The kind of payload, with the keys it is known by; `None` for `Other`.
            pub(crate) fn model(self) -> Option<&'static Kind> {
                match self {
                    $(Self::$kind => Some(<$model as crate::kind::Known>::KIND),)+
                    Self::Other => None,
                }
            }
        }

        kinds! {
            pub(crate) static PAYLOAD_KINDS = [$($model: $name [$($field: $key),+]),+];
        }

        /// The payload of an event, typed by the envelope's kind.
        ///
        /// Kinds the crate does not know (kinds myKaarma adds later) keep their payload as
        /// [`RawJson`], so an event of a new kind still decodes and forwards unchanged. New
        /// variants will be added as kinds are modelled: match with a wildcard arm.
        ///
        /// Encoding writes the payload's JSON object (or the raw JSON of another kind); the
        /// envelope decides whether it is stringified.
        #[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
        #[serde(untagged)]
        #[non_exhaustive]
        pub enum Payload {
            $($(#[$doc])* $variant(Box<$model>),)+
            /// A kind this crate does not know, its payload kept as raw JSON.
            Other(RawJson),
        }

        impl Payload {
            /// Decodes a payload's JSON (an object, not the stringified form) as the payload
            /// of kind `kind`, for receivers that get the kind and the payload apart from the
            /// envelope.
            ///
            /// # Errors
            /// When `json` is not JSON, or does not fit the kind's model (a modelled kind's
            /// payload must be an object carrying at least one of its kind's keys); the path
            /// starts inside the payload.
            pub fn decode(kind: &DataType, json: &str) -> Result<Self, Error> {
                Ok(match kind.kind() {
                    $(DataTypeKind::$kind => Self::$variant(crate::audit::decode_embedded(json)?),)+
                    DataTypeKind::Other => Self::Other(crate::audit::decode_embedded(json)?),
                })
            }

            /// Decodes a payload of kind `kind` from any deserializer; a kind this crate does
            /// not model is kept by `other`.
            pub(crate) fn typed<'de, D: Deserializer<'de>>(
                kind: DataTypeKind,
                deserializer: D,
                other: impl FnOnce(D) -> Result<RawJson, D::Error>,
            ) -> Result<Self, D::Error> {
                match kind {
                    $(DataTypeKind::$kind => Deserialize::deserialize(deserializer).map(Self::$variant),)+
                    DataTypeKind::Other => other(deserializer).map(Self::Other),
                }
            }

            /// The kind of a typed payload; `None` for [`Payload::Other`].
            pub const fn kind(&self) -> Option<DataTypeKind> {
                match self {
                    $(Self::$variant(_) => Some(DataTypeKind::$kind),)+
                    Self::Other(_) => None,
                }
            }

            /// The myKaarma identifier of the entity the event is about, for ordering events
            /// per entity: the customer's `customerUuid`, the appointment's
            /// `appointmentInfoResponse.uuid`, the MPI's `uuid`, the order's `uuid`, or the
            /// message's `messageDTO.uuid`. `None` when the payload does not carry it, or for
            /// [`Payload::Other`].
            pub fn subject(&self) -> Option<&str> {
                match self {
                    $(Self::$variant(event) => Subject::subject(&**event),)+
                    Self::Other(_) => None,
                }
            }
        }
    };
}

payloads! {
    /// A customer was created or updated: `customers`.
    Customer(CustomerEvent) = Customers "customers",
        "a customer event payload" [customer_with_vehicles: "customerWithVehicles"];
    /// An appointment was created, updated or deleted: `appointments`.
    Appointment(AppointmentEvent) = Appointments "appointments",
        "an appointment event payload" [
            appointment_info_response: "appointmentInfoResponse",
            event: "event",
            event_creation_date_time: "eventCreationDateTime",
            department_uuid: "departmentUuid",
            subscriber_name: "subscriberName",
            updated_by_user_uuid: "updatedByUserUuid",
            service_appointment_request_loaner_booking_list:
                "serviceAppointmentRequestLoanerBookingList",
        ];
    /// A multipoint inspection was created or updated: `mpis`.
    Mpi(Mpi) = Mpis "mpis",
        "an MPI event payload" [
            inspection_type_uuid: "inspectionTypeUuid",
            status_updated_on: "statusUpdatedOn",
            created_on: "createdOn",
            updated_on: "updatedOn",
            dealer_department_uuid: "dealerDepartmentUUID",
            mpi_sections: "mpiSections",
            mpi_flags: "mpiFlags",
            mpi_counts: "mpiCounts",
            mpi_secondary_flags: "mpiSecondaryFlags",
            mpi_kpi: "mpiKpi",
            total_prices: "totalPrices",
            workflow_details: "workflowDetails",
            vehicle_identifiers: "vehicleIdentifiers",
            order_identifiers: "orderIdentifiers",
            customer_identifiers: "customerIdentifiers",
            dealer_identifiers: "dealerIdentifiers",
            approved_total: "approvedTotal",
            recommended_total: "recommendedTotal",
        ];
    /// A service (repair) order changed: `service-orders`.
    ServiceOrder(ServiceOrderEvent) = ServiceOrders "service-orders",
        "a service-order event payload" [order: "order"];
    /// A message was sent, received or updated: `messages`.
    Message(MessageEvent) = Messages "messages",
        "a message event payload" [
            dealer_order_uuid: "dealerOrderUuid",
            is_update: "isUpdate",
            message: "messageDTO",
        ];
}

impl Payload {
    /// Whether this crate models payloads of `kind`.
    pub(crate) const fn is_modelled(kind: DataTypeKind) -> bool {
        !matches!(kind, DataTypeKind::Other)
    }
}

/// The keys a myKaarma event envelope is known by (`id` and `type` are left out: Service
/// Order Hub bodies carry them too).
pub(crate) static ENVELOPE: Kind = Kind {
    name: "a myKaarma event",
    keys: &[
        "timestamp",
        "dataType",
        "payload",
        "dealeruuid",
        "departmentuuid",
        "eventType",
    ],
};
