//! Against a real RabbitMQ (`AMQP_ADDR`, default `amqp://guest:guest@127.0.0.1:5672/%2f`):
//! every documented Service Order Hub body is handled once with its kind, every bad message
//! sits in the dead-letter queue byte for byte, and nothing is left in the work queue.
//!
//! Without a broker these tests fail, never skip: a skipped broker test proves nothing.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use aftersales_webhooks::service_order_hub::{Webhook, WebhookKind};
use amqp_consumer::{Consumer, Handler, KIND_HEADER, KindSource, Outcome, Topology};
use lapin::options::{
    BasicGetOptions, BasicPublishOptions, ConfirmSelectOptions, ExchangeDeclareOptions,
    ExchangeDeleteOptions, QueueBindOptions, QueueDeclareOptions, QueueDeleteOptions,
};
use lapin::types::{AMQPValue, FieldTable, LongString, ShortString};
use lapin::{BasicProperties, Channel, Connection, ConnectionProperties, ExchangeKind};

const DEFAULT_ADDR: &str = "amqp://guest:guest@127.0.0.1:5672/%2f";
const HOW_TO_START: &str = "\
These tests need a RabbitMQ broker at AMQP_ADDR (default amqp://guest:guest@127.0.0.1:5672/%2f);
they fail rather than skip without one. Start one:
  Debian, Ubuntu: sudo apt-get install -y rabbitmq-server   (it starts as a service)
  Docker:         docker run -d --rm -p 5672:5672 rabbitmq:3
  no service manager (a container, CI): see examples/amqp-consumer/README.md";
/// The most a whole run may take: it is seconds when all is well.
const RUN_LIMIT: Duration = Duration::from_secs(60);
/// A case guid the test's handler refuses, as if its database were down.
const REFUSED_CASE: &str = "handler-refuses-this-case";

async fn connect() -> Connection {
    let addr = std::env::var("AMQP_ADDR").unwrap_or_else(|_| DEFAULT_ADDR.to_owned());
    let connecting = Connection::connect(&addr, ConnectionProperties::default());
    match tokio::time::timeout(Duration::from_secs(10), connecting).await {
        Ok(Ok(connection)) => connection,
        Ok(Err(error)) => panic!("no RabbitMQ at {addr}: {error}\n{HOW_TO_START}"),
        Err(elapsed) => panic!("no RabbitMQ at {addr}: {elapsed}\n{HOW_TO_START}"),
    }
}

/// A name no other run uses, so runs never see each other's messages.
fn unique(name: &str) -> String {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    format!("amqp-consumer-test.{name}.{}.{nanos}", std::process::id())
}

/// Every Service Order Hub fixture, with the kind its name says (as in `fixtures/README.md`).
fn fixtures() -> Vec<(String, WebhookKind, Vec<u8>)> {
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fixtures/service_order_hub"
    );
    let kinds = [
        ("new-status", WebhookKind::NewStatus),
        ("status-transition", WebhookKind::StatusTransition),
        ("cost-proposal", WebhookKind::CostProposal),
        ("new-message", WebhookKind::NewMessage),
        ("message-confirmed", WebhookKind::MessageConfirmed),
        ("message-", WebhookKind::NewMessage),
        ("files-uploaded", WebhookKind::FilesUploaded),
        ("case-updated", WebhookKind::CaseUpdated),
        ("invoice", WebhookKind::Invoice),
        ("credit-note", WebhookKind::Invoice),
    ];
    let mut found: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let kind = kinds
                .iter()
                .find(|(prefix, _)| name.starts_with(prefix))
                .unwrap_or_else(|| panic!("no kind for fixture {name}"))
                .1;
            (name, kind, std::fs::read(&path).unwrap())
        })
        .collect();
    found.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(found.len(), 17, "fixtures/service_order_hub changed");
    found
}

/// One message to publish: where to, with which header, and its body.
struct Message {
    exchange: String,
    routing_key: String,
    kind_header: Option<&'static str>,
    body: Vec<u8>,
}

async fn publish(channel: &Channel, message: &Message) {
    let mut properties = BasicProperties::default().with_delivery_mode(2);
    if let Some(kind) = message.kind_header {
        let mut headers = FieldTable::default();
        headers.insert(
            ShortString::from(KIND_HEADER),
            AMQPValue::LongString(LongString::from(kind)),
        );
        properties = properties.with_headers(headers);
    }
    let confirm = channel
        .basic_publish(
            message.exchange.as_str().into(),
            message.routing_key.as_str().into(),
            BasicPublishOptions {
                mandatory: true,
                ..BasicPublishOptions::default()
            },
            &message.body,
            properties,
        )
        .await
        .unwrap()
        .await
        .unwrap();
    assert!(confirm.is_ack(), "the broker did not take a message");
    assert!(confirm.take_message().is_none(), "a message was unroutable");
}

/// The test's handler: keeps what it was given and each log line, counts messages.
struct Recorder {
    handled: Vec<Webhook>,
    outcomes: Vec<Outcome>,
    processed: tokio::sync::watch::Sender<usize>,
}

impl Handler for Recorder {
    type Error = &'static str;

    async fn handle(&mut self, webhook: Webhook) -> Result<(), &'static str> {
        if webhook.case_guid() == Some(REFUSED_CASE) {
            return Err("refused by the test");
        }
        self.handled.push(webhook);
        Ok(())
    }

    fn log(&mut self, outcome: &Outcome) {
        self.outcomes.push(outcome.clone());
        self.processed.send_modify(|processed| *processed += 1);
    }
}

impl Recorder {
    fn new() -> Self {
        Self {
            handled: Vec::new(),
            outcomes: Vec::new(),
            processed: tokio::sync::watch::Sender::new(0),
        }
    }

    /// Completes once `count` messages were acked or dead-lettered.
    fn after(&self, count: usize) -> impl Future<Output = ()> + use<> {
        let mut processed = self.processed.subscribe();
        async move {
            processed.wait_for(|n| *n >= count).await.unwrap();
        }
    }
}

async fn ready_messages(channel: &Channel, queue: &str) -> u32 {
    let options = QueueDeclareOptions {
        passive: true,
        ..QueueDeclareOptions::default()
    };
    let queue = channel
        .queue_declare(queue.into(), options, FieldTable::default())
        .await
        .unwrap();
    queue.message_count()
}

/// Takes every message out of `queue`: (body, kind header) each.
async fn drain(channel: &Channel, queue: &str) -> Vec<(Vec<u8>, Option<String>)> {
    let mut messages = Vec::new();
    let options = BasicGetOptions { no_ack: true };
    while let Some(message) = channel.basic_get(queue.into(), options).await.unwrap() {
        let headers = message
            .delivery
            .properties
            .headers()
            .clone()
            .unwrap_or_default();
        assert!(
            headers.contains_key("x-death"),
            "a dead letter without x-death"
        );
        let kind = headers.inner().get(KIND_HEADER).map(|value| match value {
            AMQPValue::LongString(text) => String::from_utf8(text.as_bytes().to_vec()).unwrap(),
            other => panic!("{KIND_HEADER} became {other:?}"),
        });
        messages.push((message.delivery.data, kind));
    }
    messages
}

/// The number of messages ready in `queue` once it is `expected`, or after 5 s: a message
/// given back on one channel shows on another a moment later.
async fn ready_soon(channel: &Channel, queue: &str, expected: u32) -> u32 {
    let deadline = std::time::Instant::now() + Duration::from_secs(5);
    loop {
        let ready = ready_messages(channel, queue).await;
        if ready == expected || std::time::Instant::now() > deadline {
            return ready;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Deletes the test's queues and exchanges (the broker outlives the test).
async fn delete(channel: &Channel, topology: &Topology, exchanges: &[&str]) {
    for queue in [topology.queue(), topology.dead_letter_queue()] {
        channel
            .queue_delete(queue.into(), QueueDeleteOptions::default())
            .await
            .unwrap();
    }
    for exchange in [topology.dead_letter_exchange()].iter().chain(exchanges) {
        channel
            .exchange_delete((*exchange).into(), ExchangeDeleteOptions::default())
            .await
            .unwrap();
    }
}

/// A message to the work queue through the default exchange (its routing key is the queue's
/// name, which names no kind).
fn to_queue(topology: &Topology, kind_header: Option<&'static str>, body: &[u8]) -> Message {
    Message {
        exchange: String::new(),
        routing_key: topology.queue().to_owned(),
        kind_header,
        body: body.to_vec(),
    }
}

/// Declares a direct exchange that routes to the work queue by kind name, as a user's router
/// (or the vendor) might.
async fn declare_by_kind(channel: &Channel, topology: &Topology) -> String {
    let by_kind = unique("by-kind");
    channel
        .exchange_declare(
            by_kind.as_str().into(),
            ExchangeKind::Direct,
            ExchangeDeclareOptions::default(),
            FieldTable::default(),
        )
        .await
        .unwrap();
    for kind in WebhookKind::ALL {
        channel
            .queue_bind(
                topology.queue().into(),
                by_kind.as_str().into(),
                kind.name().into(),
                QueueBindOptions::default(),
                FieldTable::default(),
            )
            .await
            .unwrap();
    }
    by_kind
}

/// Every fixture with its kind in the header; again without, where the body tells its kind
/// (all but the messages); the messages again routed by kind. Each with the kind it is and
/// where the consumer should find it.
fn good_messages(topology: &Topology, by_kind: &str) -> Vec<(Message, WebhookKind, KindSource)> {
    let mut good = Vec::new();
    for (_, kind, body) in fixtures() {
        let header = to_queue(topology, Some(kind.name()), &body);
        good.push((header, kind, KindSource::Header));
        if matches!(
            kind,
            WebhookKind::NewMessage | WebhookKind::MessageConfirmed
        ) {
            let routed = Message {
                exchange: by_kind.to_owned(),
                routing_key: kind.name().to_owned(),
                kind_header: None,
                body,
            };
            good.push((routed, kind, KindSource::RoutingKey));
        } else {
            good.push((to_queue(topology, None, &body), kind, KindSource::Detected));
        }
    }
    good
}

/// Messages that must end in the dead-letter queue: not JSON, no kind, the wrong kind, a
/// header naming no kind, a body of two kinds, and one the handler refuses.
fn bad_messages(topology: &Topology) -> Vec<Message> {
    let fixture = |name: &str| {
        let dir = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../fixtures/service_order_hub/"
        );
        std::fs::read(format!("{dir}{name}")).unwrap()
    };
    let refused = format!(r#"{{"id":1,"guid":"{REFUSED_CASE}","key":"final"}}"#);
    vec![
        to_queue(topology, None, b"this is not JSON"),
        to_queue(topology, Some("invoice"), b"this is not JSON"),
        to_queue(topology, None, b""),
        to_queue(topology, Some("invoice"), &fixture("cost-proposal.json")),
        to_queue(topology, Some("case-update"), &fixture("case-updated.json")),
        to_queue(topology, None, &fixture("new-message.json")),
        to_queue(topology, None, br#"{"unknown":"keys only"}"#),
        to_queue(topology, None, b"[1,2,3]"),
        to_queue(topology, Some("new-status"), refused.as_bytes()),
    ]
}

/// Checks that every good body was handled exactly once, as its kind, with its kind found
/// where it was put, and one clean log line per message.
fn check_handled(recorder: &mut Recorder, good: &[(Message, WebhookKind, KindSource)]) {
    let mut handled = std::mem::take(&mut recorder.handled);
    for (message, kind, _) in good {
        let expected = Webhook::decode(*kind, &message.body).unwrap();
        let at = handled
            .iter()
            .position(|webhook| *webhook == expected)
            .unwrap_or_else(|| panic!("a {kind} webhook was not handled"));
        assert_eq!(handled.swap_remove(at).kind(), *kind);
    }
    assert!(
        handled.is_empty(),
        "handled more than was sent: {handled:?}"
    );
    for source in [
        KindSource::Header,
        KindSource::Detected,
        KindSource::RoutingKey,
    ] {
        let acked = recorder.outcomes.iter().filter(
            |outcome| matches!(&outcome.result, Ok(handled) if handled.kind_source == source),
        );
        let sent = good.iter().filter(|(_, _, expected)| *expected == source);
        assert_eq!(
            acked.count(),
            sent.count(),
            "acked with the kind from the {source}"
        );
    }
    for outcome in &recorder.outcomes {
        let line = outcome.to_string();
        assert!(
            !line.contains("not JSON") && !line.contains("keys only"),
            "{line}"
        );
        assert!(!outcome.redelivered, "{line}");
    }
}

#[tokio::test]
async fn good_bodies_are_handled_once_and_bad_ones_are_dead_lettered() {
    let connection = connect().await;
    let publisher = connection.create_channel().await.unwrap();
    publisher
        .confirm_select(ConfirmSelectOptions::default())
        .await
        .unwrap();
    let topology = Topology::new(&unique("webhooks")).unwrap();
    topology.declare(&publisher).await.unwrap();
    let by_kind = declare_by_kind(&publisher, &topology).await;
    let good = good_messages(&topology, &by_kind);
    let bad = bad_messages(&topology);
    // Interleaved, so that good and bad follow each other on the queue.
    let total = good.len() + bad.len();
    let mut bad_left = bad.iter();
    for (index, (message, _, _)) in good.iter().enumerate() {
        publish(&publisher, message).await;
        if index % 3 == 0
            && let Some(message) = bad_left.next()
        {
            publish(&publisher, message).await;
        }
    }
    for message in bad_left {
        publish(&publisher, message).await;
    }

    let consuming = connection.create_channel().await.unwrap();
    let mut recorder = Recorder::new();
    let all_processed = recorder.after(total);
    let consumer = Consumer::new(topology.clone()).prefetch(4);
    let started = std::time::Instant::now();
    let run = consumer.run(&consuming, &mut recorder, all_processed);
    let tally = tokio::time::timeout(RUN_LIMIT, run)
        .await
        .unwrap_or_else(|_| panic!("not all {total} messages processed in {RUN_LIMIT:?}"))
        .unwrap();
    eprintln!("{total} messages consumed in {:?}", started.elapsed());
    consuming.close(200, "OK".into()).await.unwrap();
    assert_eq!(
        (tally.acked, tally.dead_lettered),
        (good.len() as u64, bad.len() as u64)
    );
    assert_eq!(recorder.outcomes.len(), total, "one log line per message");
    check_handled(&mut recorder, &good);

    // Every bad message sits in the dead-letter queue, byte for byte, with its headers.
    let mut dead = drain(&publisher, topology.dead_letter_queue()).await;
    let mut expected: Vec<_> = bad
        .iter()
        .map(|message| (message.body.clone(), message.kind_header.map(str::to_owned)))
        .collect();
    dead.sort();
    expected.sort();
    assert_eq!(dead, expected);
    assert_eq!(ready_messages(&publisher, topology.queue()).await, 0);

    delete(&publisher, &topology, &[&by_kind]).await;
    connection.close(200, "OK".into()).await.unwrap();
}

#[tokio::test]
async fn a_stop_gives_the_messages_sent_ahead_back_to_the_queue() {
    let connection = connect().await;
    let publisher = connection.create_channel().await.unwrap();
    publisher
        .confirm_select(ConfirmSelectOptions::default())
        .await
        .unwrap();
    let topology = Topology::new(&unique("stop")).unwrap();
    topology.declare(&publisher).await.unwrap();
    let body = fixtures().swap_remove(0).2;
    for _ in 0..6 {
        let message = Message {
            exchange: String::new(),
            routing_key: topology.queue().to_owned(),
            kind_header: None,
            body: body.clone(),
        };
        publish(&publisher, &message).await;
    }

    // Stop after the first message; the broker has sent up to 4 ahead by then.
    let consuming = connection.create_channel().await.unwrap();
    let mut recorder = Recorder::new();
    let after_one = recorder.after(1);
    let consumer = Consumer::new(topology.clone()).prefetch(4);
    let run = consumer.run(&consuming, &mut recorder, after_one);
    let tally = tokio::time::timeout(RUN_LIMIT, run)
        .await
        .expect("the stop took too long")
        .unwrap();
    assert_eq!((tally.acked, tally.dead_lettered), (1, 0));
    // Given back by the consumer, not by the channel's closing.
    let waiting = ready_soon(&publisher, topology.queue(), 5).await;
    consuming.close(200, "OK".into()).await.unwrap();
    assert_eq!(waiting, 5, "messages sent ahead were not given back");
    assert_eq!(
        ready_messages(&publisher, topology.dead_letter_queue()).await,
        0
    );

    // A new run takes them, marked redelivered.
    let consuming = connection.create_channel().await.unwrap();
    let mut recorder = Recorder::new();
    let after_five = recorder.after(5);
    let consumer = Consumer::new(topology.clone());
    let run = consumer.run(&consuming, &mut recorder, after_five);
    let tally = tokio::time::timeout(RUN_LIMIT, run)
        .await
        .expect("the second run took too long")
        .unwrap();
    assert_eq!((tally.acked, tally.dead_lettered), (5, 0));
    assert!(recorder.outcomes.iter().any(|outcome| outcome.redelivered));
    consuming.close(200, "OK".into()).await.unwrap();
    assert_eq!(ready_messages(&publisher, topology.queue()).await, 0);

    delete(&publisher, &topology, &[]).await;
    connection.close(200, "OK".into()).await.unwrap();
}
