//! Consumes Service Order Hub webhooks from a RabbitMQ queue, decoded with
//! [`aftersales_webhooks`].
//!
//! Service Order Hub can deliver its webhooks "into an AMQP queue on your side" instead of
//! over HTTP. This crate declares that queue with a dead-letter queue beside it
//! ([`Topology`]), and consumes it ([`Consumer`]): each message is decoded by kind, handed to
//! your [`Handler`] and acked; a message that does not decode (or whose handler fails) is
//! rejected without requeue, so the broker moves it, byte for byte, to the dead-letter queue.
//! Nothing is lost, nothing is retried forever, and one line per message is logged (kind and
//! case guid, never the body: it holds personal data).
//!
//! A message's kind comes from, in this order: its [`KIND_HEADER`] header (`webhook-kind`,
//! a kebab-case name such as `case-updated`), the kind configured for the queue
//! ([`Consumer::kind`]), its routing key when that is a kind name, and otherwise the body's
//! keys ([`Webhook::detect`](aftersales_webhooks::service_order_hub::Webhook::detect); a new
//! message and a confirmed one share their body, so those need one of the others).
//!
//! ```no_run
//! use amqp_consumer::{Consumer, Topology};
//! use aftersales_webhooks::service_order_hub::Webhook;
//!
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! let connection = lapin::Connection::connect(
//!     "amqp://guest:guest@127.0.0.1:5672/%2f",
//!     lapin::ConnectionProperties::default(),
//! )
//! .await?;
//! let channel = connection.create_channel().await?;
//! let topology = Topology::new("soh-webhooks")?;
//! topology.declare(&channel).await?;
//! let mut handler = |webhook: Webhook| async move {
//!     println!("{} for case {:?}", webhook.kind(), webhook.case_guid());
//!     Ok::<(), std::convert::Infallible>(())
//! };
//! let ctrl_c = async {
//!     let _ = tokio::signal::ctrl_c().await;
//! };
//! Consumer::new(topology).run(&channel, &mut handler, ctrl_c).await?;
//! # Ok(())
//! # }
//! ```

// No panic paths in library code, as in the crate it builds on. Tests are exempt.
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

mod consumer;
mod kind;
mod topology;

pub use consumer::{Consumer, Handled, Handler, Outcome, Rejected, Tally};
pub use kind::{DecodeFailure, KIND_HEADER, KindSource, decode};
pub use topology::{NameTooLong, Topology};
