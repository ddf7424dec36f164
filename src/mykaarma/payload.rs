//! The payload of a myKaarma event, typed by the envelope's kind.

use serde::ser::{Serialize, Serializer};

use super::appointment::AppointmentEvent;
use super::customer::CustomerEvent;
use super::envelope::{DataType, DataTypeKind};
use super::mpi::Mpi;
use super::service_order::ServiceOrderEvent;
use crate::Error;
use crate::wire::RawJson;

/// The payload of an event, typed by the envelope's kind.
///
/// Kinds the crate does not know (kinds myKaarma adds later) keep their payload as
/// [`RawJson`], so an event of a new kind still decodes and forwards unchanged. New
/// variants will be added as kinds are modelled: match with a wildcard arm.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Payload {
    /// A customer event (kind `customers`).
    Customer(Box<CustomerEvent>),
    /// An appointment event (kind `appointments`).
    Appointment(Box<AppointmentEvent>),
    /// A multipoint-inspection event (kind `mpis`).
    Mpi(Box<Mpi>),
    /// A service (repair) order event (kind `service-orders`).
    ServiceOrder(Box<ServiceOrderEvent>),
    /// A kind this crate does not know, its payload kept as raw JSON.
    Other(RawJson),
}

impl Payload {
    /// Decodes a payload's JSON (an object, not the stringified form) as the payload of kind
    /// `kind`, for receivers that get the kind and the payload apart from the envelope.
    ///
    /// # Errors
    /// When `json` is not JSON, or does not fit the kind's model; the path starts inside the
    /// payload.
    pub fn decode(kind: &DataType, json: &str) -> Result<Self, Error> {
        // serde's derive would read an array as the struct's fields by position; a modelled
        // payload is an object, as in the object form (where an array is refused too).
        if Self::is_modelled(kind.kind()) && !json.trim_start().starts_with('{') {
            return match Error::decode_str::<NotAnObject>(json) {
                Err(error) => Err(error),
                Ok(never) => match never {},
            };
        }
        Ok(match kind.kind() {
            DataTypeKind::Customers => Self::Customer(Error::decode_str(json)?),
            DataTypeKind::Appointments => Self::Appointment(Error::decode_str(json)?),
            DataTypeKind::Mpis => Self::Mpi(Error::decode_str(json)?),
            DataTypeKind::ServiceOrders => Self::ServiceOrder(Error::decode_str(json)?),
            _ => Self::Other(Error::decode_str(json)?),
        })
    }

    /// The kind of a typed payload; `None` for [`Payload::Other`].
    pub const fn kind(&self) -> Option<DataTypeKind> {
        match self {
            Self::Customer(_) => Some(DataTypeKind::Customers),
            Self::Appointment(_) => Some(DataTypeKind::Appointments),
            Self::Mpi(_) => Some(DataTypeKind::Mpis),
            Self::ServiceOrder(_) => Some(DataTypeKind::ServiceOrders),
            Self::Other(_) => None,
        }
    }

    /// The myKaarma identifier of the entity the event is about, for ordering events per
    /// entity: the customer's `customerUuid`, or the appointment's
    /// `appointmentInfoResponse.uuid`, the MPI's `uuid`, or the order's `uuid`. `None` when
    /// the payload does not carry it, or for [`Payload::Other`].
    pub fn subject(&self) -> Option<&str> {
        match self {
            Self::Customer(event) => event.customer()?.customer_uuid.as_deref(),
            Self::Appointment(event) => event.appointment_info_response.as_ref()?.uuid.as_deref(),
            Self::Mpi(mpi) => mpi.uuid.as_deref(),
            Self::ServiceOrder(event) => event.uuid.as_deref(),
            Self::Other(_) => None,
        }
    }
}

/// What a modelled payload that is not an object decodes to: nothing. Its `Deserialize`
/// asks for a map and accepts none, so that `serde_json` names what came instead, and where.
enum NotAnObject {}

impl<'de> serde::Deserialize<'de> for NotAnObject {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Refuse;
        impl serde::de::Visitor<'_> for Refuse {
            type Value = NotAnObject;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("the event payload: a JSON object")
            }
        }
        deserializer.deserialize_map(Refuse)
    }
}

impl Serialize for Payload {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Customer(event) => event.serialize(serializer),
            Self::Appointment(event) => event.serialize(serializer),
            Self::Mpi(mpi) => mpi.serialize(serializer),
            Self::ServiceOrder(event) => event.serialize(serializer),
            Self::Other(json) => json.serialize(serializer),
        }
    }
}
