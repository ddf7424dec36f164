//! The consume loop: decode each delivery, hand it to the handler, ack or dead-letter it.

use std::fmt;
use std::future::Future;
use std::pin::pin;

use aftersales_webhooks::service_order_hub::{Webhook, WebhookKind};
use futures_lite::StreamExt;
use lapin::Channel;
use lapin::message::Delivery;
use lapin::options::{
    BasicAckOptions, BasicCancelOptions, BasicConsumeOptions, BasicQosOptions, BasicRejectOptions,
};
use lapin::types::{FieldTable, ShortString};

use crate::kind::{self, DecodeFailure, KindSource};
use crate::topology::Topology;

/// What the consumer hands each decoded webhook to: your code.
///
/// A closure `FnMut(Webhook) -> impl Future<Output = Result<(), E>>` is a handler (with
/// `E: Display`). Implement the trait on your own type to also choose where the one line per
/// message goes ([`Handler::log`]).
pub trait Handler {
    /// Why handling failed; its `Display` goes into the log line, so keep personal data out.
    type Error: fmt::Display;

    /// Handles one webhook. `Ok` acks the message; `Err` dead-letters it (rejected without
    /// requeue), where it stays for a person to look at instead of being retried forever.
    ///
    /// A message can come twice (it was handled but the ack was lost with the connection):
    /// delivery is at least once, so handle a webhook twice without harm.
    fn handle(&mut self, webhook: Webhook) -> impl Future<Output = Result<(), Self::Error>>;

    /// Records what became of one message, after it was acked or dead-lettered. By default,
    /// one line on standard error (the line never holds the body: it holds personal data).
    fn log(&mut self, outcome: &Outcome) {
        eprintln!("{outcome}");
    }
}

impl<F, Fut, E> Handler for F
where
    F: FnMut(Webhook) -> Fut,
    Fut: Future<Output = Result<(), E>>,
    E: fmt::Display,
{
    type Error = E;

    fn handle(&mut self, webhook: Webhook) -> impl Future<Output = Result<(), E>> {
        self(webhook)
    }
}

/// What became of one message.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Outcome {
    /// The delivery tag, which numbers the messages on the channel.
    pub delivery_tag: u64,
    /// Whether the broker delivered this message before (to this or another consumer).
    pub redelivered: bool,
    /// Acked after handling, or dead-lettered, and why.
    pub result: Result<Handled, Rejected>,
}

/// A message that decoded, was handled and was acked.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Handled {
    /// The webhook's kind.
    pub kind: WebhookKind,
    /// Where the kind came from.
    pub kind_source: KindSource,
    /// The guid of the case the webhook is about, when the body names it.
    pub case_guid: Option<String>,
}

/// Why a message was dead-lettered (rejected without requeue).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Rejected {
    /// It did not decode.
    Undecodable(DecodeFailure),
    /// It decoded, and the handler failed.
    HandlerFailed {
        /// The webhook's kind.
        kind: WebhookKind,
        /// Where the kind came from.
        kind_source: KindSource,
        /// The guid of the case the webhook is about, when the body names it.
        case_guid: Option<String>,
        /// The handler's error, as its `Display` writes it.
        error: String,
    },
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let redelivered = if self.redelivered {
            " (redelivered)"
        } else {
            ""
        };
        let case = |guid: &Option<String>| guid.clone().unwrap_or_else(|| "-".to_owned());
        match &self.result {
            Ok(handled) => write!(
                f,
                "acked #{}{redelivered}: {} ({}) case {}",
                self.delivery_tag,
                handled.kind,
                handled.kind_source,
                case(&handled.case_guid),
            ),
            Err(Rejected::Undecodable(failure)) => write!(
                f,
                "dead-lettered #{}{redelivered}: {failure}",
                self.delivery_tag
            ),
            Err(Rejected::HandlerFailed {
                kind,
                kind_source,
                case_guid,
                error,
            }) => write!(
                f,
                "dead-lettered #{}{redelivered}: {kind} ({kind_source}) case {}: handler failed: {error}",
                self.delivery_tag,
                case(case_guid),
            ),
        }
    }
}

/// How many messages a run acked and dead-lettered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Tally {
    /// Decoded, handled and acked.
    pub acked: u64,
    /// Rejected without requeue, into the dead-letter queue.
    pub dead_lettered: u64,
}

/// Consumes a [`Topology`]'s work queue: each message is decoded by kind (see
/// [`decode`](crate::decode) for where the kind comes from), handed to a [`Handler`],
/// and acked; a message that does not decode, or whose handler fails, is rejected without
/// requeue, so the broker moves it to the dead-letter queue. Nothing is lost and nothing is
/// retried forever. Messages are handled one at a time, in order; the prefetch limit bounds
/// how many the broker sends ahead.
#[derive(Debug, Clone)]
pub struct Consumer {
    topology: Topology,
    prefetch: u16,
    kind: Option<WebhookKind>,
}

impl Consumer {
    /// The default prefetch limit: how many unacked messages the broker sends ahead.
    pub const DEFAULT_PREFETCH: u16 = 16;

    /// A consumer of `topology`'s work queue, with the default prefetch limit and no kind
    /// configured for the queue.
    pub fn new(topology: Topology) -> Self {
        Self {
            topology,
            prefetch: Self::DEFAULT_PREFETCH,
            kind: None,
        }
    }

    /// Sets the prefetch limit (at least 1: AMQP's 0 would mean no limit).
    #[must_use]
    pub fn prefetch(mut self, prefetch: u16) -> Self {
        self.prefetch = prefetch.max(1);
        self
    }

    /// Sets the kind of every message on the queue, for a queue that receives one kind (as
    /// Service Order Hub can be set up per webhook). A message's own `webhook-kind` header
    /// still wins.
    #[must_use]
    pub fn kind(mut self, kind: Option<WebhookKind>) -> Self {
        self.kind = kind;
        self
    }

    /// The topology this consumer reads.
    pub fn topology(&self) -> &Topology {
        &self.topology
    }

    /// Consumes until `shutdown` completes (such as on Ctrl-C), the broker cancels the
    /// consumer (the queue was deleted), or the channel fails.
    ///
    /// On `shutdown`, the message being handled is finished and acked or dead-lettered; the
    /// consumer is then cancelled, and the messages the broker had sent ahead are given back
    /// unhandled (rejected with requeue: they go back to the work queue, marked redelivered).
    ///
    /// # Errors
    /// The broker's or the connection's. A message that was not acked when the channel
    /// failed goes back to the work queue: nothing is lost.
    pub async fn run<H: Handler>(
        &self,
        channel: &Channel,
        handler: &mut H,
        shutdown: impl Future<Output = ()>,
    ) -> lapin::Result<Tally> {
        channel
            .basic_qos(self.prefetch, BasicQosOptions::default())
            .await?;
        let mut deliveries = channel
            .basic_consume(
                self.topology.queue_name(),
                ShortString::from(""),
                BasicConsumeOptions::default(),
                FieldTable::default(),
            )
            .await?;
        let mut shutdown = pin!(shutdown);
        let mut tally = Tally::default();
        loop {
            let next = tokio::select! {
                biased;
                () = &mut shutdown => break,
                next = deliveries.next() => next,
            };
            match next {
                Some(delivery) => self.process(delivery?, handler, &mut tally).await?,
                None => return Ok(tally),
            }
        }
        channel
            .basic_cancel(deliveries.tag(), BasicCancelOptions::default())
            .await?;
        while let Some(delivery) = deliveries.next().await {
            delivery?
                .reject(BasicRejectOptions { requeue: true })
                .await?;
        }
        Ok(tally)
    }

    /// Decodes and handles one message, then acks or dead-letters it, and logs the outcome.
    async fn process<H: Handler>(
        &self,
        delivery: Delivery,
        handler: &mut H,
        tally: &mut Tally,
    ) -> lapin::Result<()> {
        let decoded = kind::decode(
            delivery.properties.headers().as_ref(),
            self.kind,
            delivery.routing_key.as_str(),
            &delivery.data,
        );
        let result = match decoded {
            Err(failure) => Err(Rejected::Undecodable(failure)),
            Ok((webhook, kind_source)) => {
                let kind = webhook.kind();
                let case_guid = webhook.case_guid().map(str::to_owned);
                match handler.handle(webhook).await {
                    Ok(()) => Ok(Handled {
                        kind,
                        kind_source,
                        case_guid,
                    }),
                    Err(error) => Err(Rejected::HandlerFailed {
                        kind,
                        kind_source,
                        case_guid,
                        error: error.to_string(),
                    }),
                }
            }
        };
        if result.is_ok() {
            delivery.ack(BasicAckOptions::default()).await?;
            tally.acked = tally.acked.saturating_add(1);
        } else {
            delivery
                .reject(BasicRejectOptions { requeue: false })
                .await?;
            tally.dead_lettered = tally.dead_lettered.saturating_add(1);
        }
        handler.log(&Outcome {
            delivery_tag: delivery.delivery_tag,
            redelivered: delivery.redelivered,
            result,
        });
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aftersales_webhooks::service_order_hub::DetectError;

    #[test]
    fn log_lines_name_kind_source_and_case() {
        let acked = Outcome {
            delivery_tag: 3,
            redelivered: false,
            result: Ok(Handled {
                kind: WebhookKind::CaseUpdated,
                kind_source: KindSource::Header,
                case_guid: Some("c-1".to_owned()),
            }),
        };
        assert_eq!(
            acked.to_string(),
            "acked #3: case-updated (header) case c-1"
        );
        let failed = Outcome {
            delivery_tag: 4,
            redelivered: true,
            result: Err(Rejected::HandlerFailed {
                kind: WebhookKind::Invoice,
                kind_source: KindSource::Detected,
                case_guid: None,
                error: "database down".to_owned(),
            }),
        };
        assert_eq!(
            failed.to_string(),
            "dead-lettered #4 (redelivered): invoice (detected) case -: handler failed: database down"
        );
        let undecodable = Outcome {
            delivery_tag: 5,
            redelivered: false,
            result: Err(Rejected::Undecodable(DecodeFailure::Detect(
                DetectError::NoKind,
            ))),
        };
        assert_eq!(
            undecodable.to_string(),
            "dead-lettered #5: no kind given, and the body does not tell it: not a Service Order \
             Hub webhook: it carries none of the keys a kind is known by"
        );
    }

    #[test]
    fn prefetch_is_never_unlimited() {
        let consumer = Consumer::new(Topology::new("q").unwrap()).prefetch(0);
        assert_eq!(consumer.prefetch, 1);
    }
}
