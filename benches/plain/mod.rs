//! The plain-derive baseline: the models a careful integrator would write by hand instead of
//! using this crate, decoding the same fields. serde's derive, every field an `Option`, numbers
//! as `i64` or `f64` (money too), times and text as `String`, `rename_all = "camelCase"`, and
//! `serde_json::Value` where a value's JSON type changes between bodies (`createdOn`: epoch
//! milliseconds or ISO text) or the crate keeps it as raw JSON. No adapters, no exact decimals,
//! no kept unknown keys, no kind check: what the crate adds is what it costs.
//!
//! One file per kind, and one (`soh_shared`) for the structs several Service Order Hub kinds
//! share (the case and its objects), written by `generate.py` from the crate's own model field
//! lists, so that a field or kind added later is covered by running it again. This file is
//! written by hand.
// The fields are decoded to be measured, never read; their names are the wire keys.
#![allow(dead_code, clippy::struct_field_names)]

pub mod appointment;
pub mod case_updated;
pub mod cost_proposal;
pub mod customer;
pub mod files;
pub mod invoice;
pub mod message;
pub mod mpi;
pub mod mykaarma_message;
pub mod service_order;
pub mod soh_shared;
pub mod status;

use aftersales_webhooks::service_order_hub::WebhookKind;
use serde::Deserialize;
use serde::de::DeserializeOwned;

/// A myKaarma event's envelope, its payload the JSON text it arrives as.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Envelope {
    pub id: Option<String>,
    pub timestamp: Option<i64>,
    pub dealeruuid: Option<String>,
    pub departmentuuid: Option<String>,
    #[serde(rename = "type")]
    pub kind: Option<String>,
    pub data_type: Option<String>,
    pub event_type: Option<String>,
    pub payload: Option<String>,
}

/// A myKaarma payload, typed by the envelope's kind (boxed, as clippy's `large_enum_variant`
/// asks).
#[derive(Debug)]
pub enum Payload {
    Customer(Box<customer::CustomerEvent>),
    Appointment(Box<appointment::AppointmentEvent>),
    Mpi(Box<mpi::Mpi>),
    ServiceOrder(Box<service_order::ServiceOrderEvent>),
    Message(Box<mykaarma_message::MessageEvent>),
}

/// A myKaarma event: the envelope, then its payload parsed from the envelope's string.
#[derive(Debug)]
pub struct Event {
    pub envelope: Envelope,
    pub payload: Payload,
}

/// Whether the plain baseline models this myKaarma event's kind.
pub fn models(bytes: &[u8]) -> bool {
    serde_json::from_slice::<Envelope>(bytes).is_ok_and(|envelope| {
        matches!(
            envelope.kind.or(envelope.data_type).as_deref(),
            Some("customers" | "appointments" | "mpis" | "service-orders" | "messages")
        )
    })
}

/// Decodes a myKaarma event in its wire form, as an integration without this crate does.
pub fn event(bytes: &[u8]) -> Event {
    let envelope: Envelope = serde_json::from_slice(bytes).unwrap();
    let text = envelope.payload.as_deref().unwrap();
    let payload = match envelope.kind.as_deref().or(envelope.data_type.as_deref()) {
        Some("customers") => Payload::Customer(serde_json::from_str(text).unwrap()),
        Some("appointments") => Payload::Appointment(serde_json::from_str(text).unwrap()),
        Some("mpis") => Payload::Mpi(serde_json::from_str(text).unwrap()),
        Some("service-orders") => Payload::ServiceOrder(serde_json::from_str(text).unwrap()),
        Some("messages") => Payload::Message(serde_json::from_str(text).unwrap()),
        other => panic!("no plain model for kind {other:?}"),
    };
    Event { envelope, payload }
}

/// The plain decode of a Service Order Hub body delivered as `kind`: the struct for its URL.
pub fn webhook(kind: WebhookKind) -> fn(&[u8]) {
    fn decode<T: DeserializeOwned>(bytes: &[u8]) {
        std::hint::black_box(serde_json::from_slice::<T>(bytes).unwrap());
    }
    match kind {
        WebhookKind::NewStatus | WebhookKind::StatusTransition => decode::<status::Status>,
        WebhookKind::CostProposal => decode::<cost_proposal::CostProposal>,
        WebhookKind::NewMessage | WebhookKind::MessageConfirmed => decode::<message::Message>,
        WebhookKind::FilesUploaded => decode::<files::FilesUploaded>,
        WebhookKind::CaseUpdated => decode::<case_updated::CaseUpdated>,
        WebhookKind::Invoice => decode::<invoice::Invoice>,
        other => panic!("no plain model for {other}"),
    }
}
