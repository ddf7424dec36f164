//! Load on the receiver example's app over real HTTP on 127.0.0.1: 10,400 deliveries of mixed
//! kinds (every fixture of both vendors, with changed ids), redeliveries and bodies that do
//! not decode, from 32 keep-alive connections at once, within a time bound.
//!
//! Checks that every good event is answered 200 and handled exactly once, every redelivery is
//! answered 200 and not handled again, every bad body is answered 400 and kept once in the
//! dead-letter folder, and there is one log line per request. Prints requests per second and
//! the latency percentiles: run it in release with
//! `cargo test --release --features axum --test receiver_load -- --nocapture`.
#![cfg(feature = "axum")]

mod common;
mod loopback;

#[path = "../examples/receiver/app.rs"]
mod app;
#[path = "../examples/receiver/dead_letter.rs"]
mod dead_letter;
#[path = "../examples/receiver/store.rs"]
mod store;

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::net::SocketAddr;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use aftersales_webhooks::axum::{MyKaarmaConfig, ServiceOrderHubConfig};
use aftersales_webhooks::mykaarma::{AuthorizationToken, Envelope, SigningKey};
use aftersales_webhooks::service_order_hub::{ConstantHeader, WebhookKind};
use app::{Accepted, Handler, Settings};
use axum::body::Bytes;
use dead_letter::{DeadLetters, sha256_hex};
use hyper::StatusCode;
use store::InMemoryStore;

const DELIVERIES: usize = 10_400;
const CONNECTIONS: usize = 32;
/// Far above what a debug build takes on 2 busy cores (about 10 s): a hang fails, slowness
/// does not.
const TIME_BOUND: Duration = Duration::from_secs(120);

const TOKEN: &str = "myKaarma_5f0c6a1e-2b7d-4c1a-9e8f-0a1b2c3d4e5f";
const KEY: &str = "api-username";
const SOH_HEADER: &str = "x-webhook-secret";
const SOH_SECRET: &str = "6f1c4b0e9a3d";

static LOG_LINES: AtomicUsize = AtomicUsize::new(0);

fn count_log_line(_: fmt::Arguments<'_>) {
    LOG_LINES.fetch_add(1, Ordering::Relaxed);
}

/// Counts how often each key is handled.
#[derive(Clone, Default)]
struct Counter(Arc<Mutex<HashMap<String, usize>>>);

impl Handler for Counter {
    async fn handle(&self, accepted: Accepted) -> Result<(), String> {
        *self.0.lock().unwrap().entry(accepted.key).or_default() += 1;
        Ok(())
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Expect {
    /// A new event: 200, handled once.
    New,
    /// A redelivery of an earlier one: 200, not handled again.
    Redelivery,
    /// A body that does not decode: 400, kept once.
    Bad,
}

#[derive(Clone)]
struct Delivery {
    path: String,
    headers: Vec<(&'static str, String)>,
    body: Bytes,
    expect: Expect,
    /// The dedup key of a good delivery; the dead-letter file of a bad one.
    key: String,
}

fn mykaarma_delivery(body: Vec<u8>, expect: Expect, key: String) -> Delivery {
    let signature = SigningKey::new(KEY).sign(&body);
    Delivery {
        path: "/mykaarma".to_owned(),
        headers: vec![
            ("content-type", "text/plain".to_owned()),
            ("x-authorization-token", TOKEN.to_owned()),
            ("mykaarma-signature-token", signature),
        ],
        body: body.into(),
        expect,
        key,
    }
}

fn soh_delivery(kind: WebhookKind, body: Vec<u8>, expect: Expect, key: String) -> Delivery {
    Delivery {
        path: format!("/service-order-hub/{kind}"),
        headers: vec![
            ("content-type", "application/json".to_owned()),
            (SOH_HEADER, SOH_SECRET.to_owned()),
        ],
        body: body.into(),
        expect,
        key,
    }
}

/// The deliveries, in the order they are taken off the list: about 87% new events (two
/// thirds myKaarma, one third Service Order Hub, a myKaarma kind not modelled among them),
/// 10% redeliveries of an earlier event, 3% bad bodies (72 distinct ones, each sent about 4
/// times).
fn deliveries() -> Vec<Delivery> {
    let mykaarma: Vec<Envelope> = common::fixtures("mykaarma")
        .iter()
        .map(|path| aftersales_webhooks::from_slice(&std::fs::read(path).unwrap()).unwrap())
        .chain([aftersales_webhooks::from_slice(
            br#"{"id":"x","timestamp":1728542293678,"type":"vehicle-sales","payload":"{\"vin\":\"1HGCM82633A004352\"}"}"#,
        )
        .unwrap()])
        .collect();
    let soh: Vec<(WebhookKind, serde_json::Map<String, serde_json::Value>)> =
        common::fixtures("service_order_hub")
            .iter()
            .map(|path| {
                let body = std::fs::read(path).unwrap();
                (
                    common::soh_kind(path),
                    serde_json::from_slice(&body).unwrap(),
                )
            })
            .collect();
    let appointment = String::from_utf8(common::fixture("mykaarma/appointment.wire.json")).unwrap();
    let cost_proposal = common::fixture("service_order_hub/cost-proposal.json");

    let mut list: Vec<Delivery> = Vec::with_capacity(DELIVERIES);
    let mut news: Vec<usize> = Vec::new();
    for n in 0..DELIVERIES {
        let delivery = if n % 10 == 9 {
            // A redelivery of an earlier new event, byte for byte.
            let earlier = &list[news[(n * 7919) % news.len()]];
            Delivery {
                expect: Expect::Redelivery,
                ..earlier.clone()
            }
        } else if n % 33 == 32 {
            let variant = n % 80;
            if variant % 2 == 0 {
                // A time that is not one: 400 at payload.appointmentInfoResponse.startTime.
                let body =
                    appointment.replace("2025-09-27 15:00:00", &format!("in {variant} days"));
                let file = format!("mykaarma-{}.body", sha256_hex(body.as_bytes()));
                mykaarma_delivery(body.into_bytes(), Expect::Bad, file)
            } else {
                // A cost proposal sent to the invoice URL.
                let body = String::from_utf8(cost_proposal.clone())
                    .unwrap()
                    .replace("f5afa004", &format!("{variant:08}"))
                    .into_bytes();
                let file = format!("service-order-hub-invoice-{}.body", sha256_hex(&body));
                soh_delivery(WebhookKind::Invoice, body, Expect::Bad, file)
            }
        } else if n % 3 == 2 {
            let (kind, template) = &soh[n % soh.len()];
            let mut body = template.clone();
            body.insert("guid".to_owned(), format!("load-{n}").into());
            let body = serde_json::to_vec(&body).unwrap();
            let key = format!("service-order-hub/{kind}/{}", sha256_hex(&body));
            news.push(n);
            soh_delivery(*kind, body, Expect::New, key)
        } else {
            let mut event = mykaarma[n % mykaarma.len()].clone();
            event.id = format!("load-{n}");
            let key = event.dedup_key().to_string();
            news.push(n);
            mykaarma_delivery(serde_json::to_vec(&event).unwrap(), Expect::New, key)
        };
        list.push(delivery);
    }
    list
}

/// What each delivery was answered, and how long it took.
struct Outcome {
    index: usize,
    status: StatusCode,
    latency: Duration,
}

fn percentile(sorted: &[Duration], percent: usize) -> Duration {
    sorted[(sorted.len() * percent / 100).min(sorted.len() - 1)]
}

/// Sends every delivery over `CONNECTIONS` connections at once, each taking the next one off
/// the list; gives every answer and how long the whole took.
async fn send_all(addr: SocketAddr, deliveries: &Arc<Vec<Delivery>>) -> (Vec<Outcome>, Duration) {
    let next = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let clients: Vec<_> = (0..CONNECTIONS)
        .map(|_| {
            let (deliveries, next) = (Arc::clone(deliveries), Arc::clone(&next));
            tokio::spawn(async move {
                let mut client = loopback::connect(addr).await;
                let mut outcomes = Vec::new();
                loop {
                    let index = next.fetch_add(1, Ordering::Relaxed);
                    let Some(delivery) = deliveries.get(index) else {
                        break;
                    };
                    let headers: Vec<(&str, &str)> = delivery
                        .headers
                        .iter()
                        .map(|(name, value)| (*name, value.as_str()))
                        .collect();
                    let sent = Instant::now();
                    let answer = client
                        .post(&delivery.path, &headers, delivery.body.clone())
                        .await;
                    outcomes.push(Outcome {
                        index,
                        status: answer.status,
                        latency: sent.elapsed(),
                    });
                }
                outcomes
            })
        })
        .collect();
    let outcomes = tokio::time::timeout(TIME_BOUND, async {
        let mut all = Vec::new();
        for client in clients {
            all.extend(client.await.unwrap());
        }
        all
    })
    .await
    .expect("every delivery answered within the time bound");
    (outcomes, started.elapsed())
}

fn count(deliveries: &[Delivery], expect: Expect) -> usize {
    deliveries.iter().filter(|d| d.expect == expect).count()
}

#[tokio::test(flavor = "multi_thread")]
async fn ten_thousand_deliveries_each_handled_once() {
    let deliveries = Arc::new(deliveries());
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("receiver-load");
    let _ = std::fs::remove_dir_all(&dir);
    let counter = Counter::default();
    let settings = Settings {
        mykaarma: MyKaarmaConfig::new(AuthorizationToken::new(TOKEN))
            .with_signing_key(SigningKey::new(KEY)),
        service_order_hub: ServiceOrderHubConfig::new(ConstantHeader::new(SOH_HEADER, SOH_SECRET)),
        dead_letters: DeadLetters::new(&dir).unwrap(),
        queue: DELIVERIES,
        log: count_log_line,
    };
    let (router, worker) = app::start(settings, InMemoryStore::new(DELIVERIES), counter.clone());
    let server = loopback::serve(router).await;
    let (outcomes, elapsed) = send_all(server.addr, &deliveries).await;
    server.stop().await;
    tokio::time::timeout(Duration::from_secs(30), worker)
        .await
        .expect("the worker drains its queue")
        .unwrap();

    // Every delivery answered as expected.
    assert_eq!(outcomes.len(), DELIVERIES);
    for outcome in &outcomes {
        let delivery = &deliveries[outcome.index];
        let expected = match delivery.expect {
            Expect::New | Expect::Redelivery => StatusCode::OK,
            Expect::Bad => StatusCode::BAD_REQUEST,
        };
        let (index, expect) = (outcome.index, delivery.expect);
        assert_eq!(outcome.status, expected, "delivery {index} ({expect:?})");
    }

    // Every new event handled exactly once, redeliveries not again, nothing else.
    let handled = counter.0.lock().unwrap().clone();
    let new_keys: HashSet<&str> = deliveries
        .iter()
        .filter(|delivery| delivery.expect == Expect::New)
        .map(|delivery| delivery.key.as_str())
        .collect();
    let news = count(&deliveries, Expect::New);
    assert_eq!(new_keys.len(), news, "every new event has its own key");
    assert_eq!(handled.len(), new_keys.len());
    for (key, times) in &handled {
        assert!(
            new_keys.contains(key.as_str()),
            "{key} handled, but never sent as new"
        );
        assert_eq!(*times, 1, "{key} handled {times} times");
    }

    // Every bad body kept once, as sent.
    let bad: HashMap<&str, &Bytes> = deliveries
        .iter()
        .filter(|delivery| delivery.expect == Expect::Bad)
        .map(|delivery| (delivery.key.as_str(), &delivery.body))
        .collect();
    let mut kept: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .collect();
    kept.sort();
    let mut expected: Vec<String> = bad.keys().map(|name| (*name).to_owned()).collect();
    expected.sort();
    assert_eq!(
        kept, expected,
        "one file per distinct bad body, no temporary file left"
    );
    for (name, body) in &bad {
        assert_eq!(std::fs::read(dir.join(name)).unwrap(), body.as_ref());
    }

    // One log line per request.
    assert_eq!(LOG_LINES.load(Ordering::Relaxed), DELIVERIES);

    let mut latencies: Vec<Duration> = outcomes.iter().map(|outcome| outcome.latency).collect();
    latencies.sort();
    let milliseconds = |percent| percentile(&latencies, percent).as_secs_f64() * 1e3;
    let requests = f64::from(u32::try_from(DELIVERIES).unwrap());
    println!(
        "{DELIVERIES} deliveries ({news} new, {} redeliveries, {} bad: {} distinct) over \
         {CONNECTIONS} connections in {:.2} s: {:.0} requests/s; latency p50 {:.2} ms, \
         p99 {:.2} ms, max {:.2} ms ({} build)",
        count(&deliveries, Expect::Redelivery),
        count(&deliveries, Expect::Bad),
        bad.len(),
        elapsed.as_secs_f64(),
        requests / elapsed.as_secs_f64(),
        milliseconds(50),
        milliseconds(99),
        milliseconds(100),
        if cfg!(debug_assertions) {
            "debug"
        } else {
            "release"
        },
    );
}
