//! myKaarma webhook events.
//!
//! Every event arrives as one [`Envelope`]: an `id`, a `timestamp`, the dealer and department,
//! the kind of data (under `type` in the current docs, `dataType` in older ones), and the
//! `payload`, which the wire carries as a *stringified* JSON string and the docs print as an
//! object. Decoding reads either form, types the payload by kind (see [`Payload`]), and encoding
//! writes the payload back in the form it arrived in.
//!
//! ```
//! use aftersales_webhooks::mykaarma::{Envelope, Payload};
//!
//! let body = std::fs::read("fixtures/mykaarma/appointment.wire.json").unwrap();
//! let event: Envelope = aftersales_webhooks::from_slice(&body)?;
//! if let Payload::Appointment(appointment) = event.payload() {
//!     let info = appointment.appointment_info_response.as_ref().unwrap();
//!     assert_eq!(info.start_time.unwrap().to_string(), "2025-09-27 15:00:00");
//! }
//! # Ok::<(), aftersales_webhooks::Error>(())
//! ```
//!
//! The payload models follow myKaarma's field names: a field is its wire key in snake case
//! (`startTime` is `start_time`); a field's doc names its wire key only where that rule does
//! not give it. Every payload field is an `Option`, since myKaarma has started omitting null
//! fields: a missing key and `null` decode alike, and encoding leaves `None` out.
//!
//! Delivery is at least once and in no fixed order: see [`Envelope::dedup_key`] and
//! [`Envelope::is_newer_than`]. Requests carry a shared secret in the [`AUTHORIZATION_HEADER`]
//! header: check it with [`AuthorizationToken::verify`]; and a signature of the body in the
//! [`SIGNATURE_HEADER`] header: check it with [`SigningKey::verify`] over the raw body bytes.

pub mod appointment;
mod auth;
mod capture;
pub mod customer;
mod envelope;
pub mod message;
pub mod mpi;
mod payload;
pub mod service_order;
mod shared;
mod signature;

pub use appointment::AppointmentEvent;
pub use auth::{AUTHORIZATION_HEADER, AuthorizationToken};
pub use customer::CustomerEvent;
pub use envelope::{
    DedupKey, Envelope, EventType, EventTypeKind, KindKeys, KindMismatch, PayloadForm,
};
pub use message::MessageEvent;
pub use mpi::Mpi;
pub use payload::{DataType, DataTypeKind, Payload};
pub(crate) use payload::{ENVELOPE, PAYLOAD_KINDS};
pub use service_order::ServiceOrderEvent;
pub use shared::{OrderStatus, OrderStatusKind, PayType, PayTypeKind};
pub use signature::{SIGNATURE_HEADER, SignatureError, SigningKey};
