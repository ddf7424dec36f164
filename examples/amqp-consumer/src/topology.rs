//! The queues and exchange the consumer declares: a work queue that dead-letters into a fanout
//! exchange, and the dead-letter queue bound to that exchange.

use lapin::options::{ExchangeDeclareOptions, QueueBindOptions, QueueDeclareOptions};
use lapin::types::{AMQPValue, FieldTable, LongString, ShortString};
use lapin::{Channel, ExchangeKind};

/// A name longer than AMQP's 255 bytes (with the suffix the dead-letter names add).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("queue name too long for AMQP: {length} bytes with its suffix, 255 at most")]
#[non_exhaustive]
pub struct NameTooLong {
    /// The length of the longest name derived from the queue's.
    pub length: usize,
}

/// The names of the work queue, its dead-letter exchange and its dead-letter queue.
///
/// Everything is durable: the queues and the exchange outlive a broker restart (messages do
/// when they are published as persistent, delivery mode 2). A message the consumer rejects
/// (without requeue) goes through the dead-letter exchange into the dead-letter queue, byte
/// for byte, with an `x-death` header saying where it came from and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Topology {
    queue: ShortString,
    dead_letter_exchange: ShortString,
    dead_letter_queue: ShortString,
}

impl Topology {
    /// The topology around the work queue `queue`: the dead-letter exchange is
    /// `<queue>.dlx` (fanout), the dead-letter queue `<queue>.dlq`.
    ///
    /// # Errors
    /// When a derived name is longer than 255 bytes, the most AMQP allows.
    pub fn new(queue: &str) -> Result<Self, NameTooLong> {
        let name = |suffix: &str| {
            let name = format!("{queue}{suffix}");
            let length = name.len();
            ShortString::try_new(name).map_err(|_| NameTooLong { length })
        };
        Ok(Self {
            queue: name("")?,
            dead_letter_exchange: name(".dlx")?,
            dead_letter_queue: name(".dlq")?,
        })
    }

    /// The work queue, where Service Order Hub (or your router) puts webhooks.
    pub fn queue(&self) -> &str {
        self.queue.as_str()
    }

    /// The fanout exchange rejected messages are dead-lettered to.
    pub fn dead_letter_exchange(&self) -> &str {
        self.dead_letter_exchange.as_str()
    }

    /// The queue that keeps rejected messages, for a person to read.
    pub fn dead_letter_queue(&self) -> &str {
        self.dead_letter_queue.as_str()
    }

    /// Declares the dead-letter exchange, the dead-letter queue bound to it, and the work
    /// queue with `x-dead-letter-exchange` naming the exchange; all durable. Declaring what
    /// already exists with the same settings changes nothing.
    ///
    /// # Errors
    /// The broker's, such as `PRECONDITION_FAILED` when a queue of that name exists with
    /// other settings (which also closes the channel).
    pub async fn declare(&self, channel: &Channel) -> lapin::Result<()> {
        let durable = QueueDeclareOptions::durable();
        channel
            .exchange_declare(
                self.dead_letter_exchange.clone(),
                ExchangeKind::Fanout,
                ExchangeDeclareOptions {
                    durable: true,
                    ..ExchangeDeclareOptions::default()
                },
                FieldTable::default(),
            )
            .await?;
        channel
            .queue_declare(
                self.dead_letter_queue.clone(),
                durable,
                FieldTable::default(),
            )
            .await?;
        channel
            .queue_bind(
                self.dead_letter_queue.clone(),
                self.dead_letter_exchange.clone(),
                ShortString::from(""),
                QueueBindOptions::default(),
                FieldTable::default(),
            )
            .await?;
        let mut arguments = FieldTable::default();
        arguments.insert(
            ShortString::from("x-dead-letter-exchange"),
            AMQPValue::LongString(LongString::from(self.dead_letter_exchange.as_str())),
        );
        channel
            .queue_declare(self.queue.clone(), durable, arguments)
            .await?;
        Ok(())
    }

    /// The work queue's name as lapin takes it.
    pub(crate) fn queue_name(&self) -> ShortString {
        self.queue.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dead_letter_names_follow_the_queue() {
        let topology = Topology::new("soh").unwrap();
        assert_eq!(topology.queue(), "soh");
        assert_eq!(topology.dead_letter_exchange(), "soh.dlx");
        assert_eq!(topology.dead_letter_queue(), "soh.dlq");
    }

    #[test]
    fn a_name_too_long_for_amqp_is_refused_not_a_panic() {
        assert_eq!(
            Topology::new(&"q".repeat(252)),
            Err(NameTooLong { length: 256 })
        );
        assert!(Topology::new(&"q".repeat(251)).is_ok());
    }
}
