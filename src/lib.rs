//! Strongly typed, tolerant and lossless models of the webhooks that car-dealer and
//! repair-service platforms send to their partners.
//!
//! Hand [`from_slice`] the raw bytes of a webhook request body and get typed, exact values
//! back:
//!
//! - [`mykaarma`]: myKaarma events. One [`Envelope`](mykaarma::Envelope) for every kind, its
//!   payload decoded by kind into customers, appointments, multipoint inspections (MPIs),
//!   service orders and messages, and raw JSON for kinds the crate does not know, whether the
//!   payload arrives stringified (as on the wire) or as an object (as in the docs).
//! - [`service_order_hub`]: Service Order Hub (InfoCare Workshop) webhooks: statuses, status
//!   transitions, cost proposals, messages, files, the "case updated" patch and invoices.
//!
//! Every model is:
//! - **tolerant**: unknown fields are ignored, a missing key means the same as `null`, an enum
//!   value the docs don't list is kept as text, a number that arrives as a numeric string is
//!   read;
//! - **exact**: money is [`rust_decimal::Decimal`] with its scale (`20.00` stays `20.00`), and
//!   each documented time format has its own adapter in [`wire`];
//! - **lossless**: `Serialize` writes the vendor's wire names and formats, so
//!   decode → `serde_json::to_vec` → decode gives an equal value;
//! - **never the wrong kind**: a body that is not a JSON object, or holds none of the
//!   top-level keys its kind is known by, is refused, naming the kind whose keys it carries
//!   (see [`service_order_hub::WebhookKind::keys`] and [`mykaarma::DataTypeKind::keys`]);
//! - **clear on bad input**: [`Error`] names the JSON path of the fault, through the embedded
//!   payload (`payload.appointmentInfoResponse.startTime: …`), and decoding never panics.
//!
//! # Receiving
//!
//! Requests are authenticated by headers: myKaarma's token ([`mykaarma::AuthorizationToken`])
//! and body signature ([`mykaarma::SigningKey`]), Service Order Hub's constant header
//! ([`service_order_hub::ConstantHeader`]). These work on bytes, with any framework. Two
//! optional features do more:
//!
//! - `http`: the same checks over an `http::HeaderMap`, a header missing or repeated included
//!   (the `http` module).
//! - `axum`: extractors that check the headers, read the raw body up to a limit whatever its
//!   content type, check the signature and decode, answering 401, 413, 400 or 404 (the `axum`
//!   module).
//!
//! Without them the crate pulls in no HTTP or async crate.
//!
//! # A tour
//!
//! Decode a body, match on its kind, forward it, drop redeliveries, apply a patch:
//!
//! ```
//! use std::collections::HashSet;
//! use aftersales_webhooks::mykaarma::{DedupKey, Envelope, Payload};
//!
//! // Decode: the raw request body, as myKaarma sends it (payload stringified).
//! let body = br#"{"id":"569841a7","timestamp":1731484042215,"dataType":"customers",
//!     "payload":"{\"customerWithVehicles\":{\"customer\":{\"firstName\":\"John\"}}}"}"#;
//! let event: Envelope = aftersales_webhooks::from_slice(body)?;
//!
//! // Match: the payload is typed by the event's kind; new kinds arrive as `Payload::Other`.
//! match event.payload() {
//!     Payload::Customer(customer) => {
//!         let name = customer.customer().and_then(|c| c.first_name.as_deref());
//!         assert_eq!(name, Some("John"));
//!     }
//!     other => println!("{} event: {other:?}", event.kind()),
//! }
//!
//! // Forward: encoding writes the vendor's wire form back, payload stringified as it came.
//! let forwarded = serde_json::to_vec(&event)?;
//! assert_eq!(aftersales_webhooks::from_slice::<Envelope>(&forwarded)?, event);
//!
//! // Dedup: myKaarma delivers at least once; keep the keys of the events handled.
//! let mut handled: HashSet<DedupKey> = HashSet::new();
//! assert!(handled.insert(event.dedup_key()));
//! assert!(!handled.insert(event.dedup_key()), "a redelivery is dropped");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ```
//! use aftersales_webhooks::service_order_hub::{CaseUpdated, Webhook, WebhookKind};
//! use aftersales_webhooks::wire::Patch;
//!
//! // Patch: "case updated" keeps absent (unchanged), `null` (removed) and a new value apart.
//! let body = br#"{"guid":"989d","orderData":{"refNo":"REF","serial":null}}"#;
//! let Webhook::CaseUpdated(update) = Webhook::decode(WebhookKind::CaseUpdated, body)? else {
//!     unreachable!()
//! };
//! let Patch::Value(order) = &update.order_data else { unreachable!() };
//! assert_eq!(order.ref_no, Patch::Value("REF".to_owned()));
//! assert!(update.product_data.is_absent());
//! # Ok::<(), aftersales_webhooks::Error>(())
//! ```
//!
//! # Types, by role
//!
//! - **Models** mirror a vendor's object (`Customer`, `CostProposal`, …): every field `pub`
//!   and (but in a patch) an `Option`; `Debug, Clone, Default, PartialEq, Eq, Serialize,
//!   Deserialize`; `#[non_exhaustive]`, since vendors add fields and so will this crate. Build
//!   one with `Default` and set its fields:
//!
//!   ```
//!   use aftersales_webhooks::mykaarma::customer::Customer;
//!
//!   let mut customer = Customer::default();
//!   customer.first_name = Some("John".to_owned());
//!   ```
//!
//!   A struct literal does not compile outside the crate, so a field added later breaks no
//!   one:
//!
//!   ```compile_fail
//!   use aftersales_webhooks::mykaarma::customer::Customer;
//!
//!   let customer = Customer { first_name: Some("John".to_owned()), ..Customer::default() };
//!   ```
//! - **Open enums** keep a vendor's text from a list that grows (`DataType`, `PayType`,
//!   `MessageType`, …): `Clone, PartialEq, Eq, Hash, Debug, Display, FromStr, Serialize,
//!   Deserialize`, with `as_str()` for the text and `kind()` for its meaning, a `Copy` enum
//!   (`#[non_exhaustive]`, with an `Other` kind for text the docs don't list).
//! - **Ids and codes** kept as sent (`CurrencyCode`, `PayTypes`, `DedupKey`): `Clone,
//!   PartialEq, Eq, Hash, Debug, Display, Serialize, Deserialize`.
//! - **Kinds** name what a body is (`WebhookKind`, `DataTypeKind`): `Copy, Eq, Hash, Debug`,
//!   with their wire or kebab-case name.
//! - **Wire adapters** (in [`wire`]) read one format each and are used through
//!   `serde_with`; the crate's own models use nothing else.
//!
//! The crates whose types the API shows are re-exported: [`chrono`], [`rust_decimal`] and
//! [`serde_json`], so that a `Decimal` here is the same type as yours.

#![cfg_attr(docsrs, feature(doc_cfg))]
// No panic paths in library code: a webhook endpoint answers any bytes with a value or an
// error. Tests, benches and examples are exempt.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::unreachable,
        clippy::todo,
        clippy::unimplemented,
        clippy::indexing_slicing,
        clippy::arithmetic_side_effects,
    )
)]

pub mod audit;
#[cfg(feature = "axum")]
pub mod axum;
mod error;
#[cfg(feature = "http")]
pub mod http;
mod kind;
pub mod mykaarma;
pub mod service_order_hub;
pub mod wire;

pub use error::{Category, Error};

// Their types appear in the models: use these paths to be sure of the same versions.
pub use chrono;
pub use rust_decimal;
pub use serde_json;

/// Decodes any model of this crate (or any `Deserialize` type) from raw request-body bytes.
///
/// The bytes must be one JSON value, in UTF-8, with nothing but white space after it; a leading
/// byte-order mark is refused, as RFC 8259 says JSON text must not begin with one. Decoding
/// is one fast pass (after checking the whole body is UTF-8 at once, which is cheaper than
/// checking every string in it); only when it fails is the input parsed a second time to find
/// the JSON path of the fault.
///
/// # Errors
/// When the bytes are not JSON or do not fit `T`; see [`Error`].
pub fn from_slice<'a, T: serde::Deserialize<'a>>(bytes: &'a [u8]) -> Result<T, Error> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Error::decode_str(text),
        // serde_json names the position of the invalid byte.
        Err(_) => Error::decode(bytes),
    }
}

// The README's receiver uses the `axum` feature, so its examples are tested with it (as CI
// and the README's test command do: `--all-features`).
#[cfg(all(doctest, feature = "axum"))]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
