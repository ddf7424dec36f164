//! The receiver example's app (`examples/receiver/`), over real HTTP on 127.0.0.1: answered
//! before handled, each event handled once, kinds not modelled accepted, undecodable bodies
//! kept once and answered 400, logs without bodies.
#![cfg(feature = "axum")]

mod common;
mod loopback;

#[path = "../examples/receiver/app.rs"]
mod app;
#[path = "../examples/receiver/dead_letter.rs"]
mod dead_letter;
#[path = "../examples/receiver/store.rs"]
mod store;

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use aftersales_webhooks::axum::{MyKaarmaConfig, ServiceOrderHubConfig};
use aftersales_webhooks::mykaarma::{AuthorizationToken, Payload, SigningKey};
use aftersales_webhooks::service_order_hub::ConstantHeader;
use app::{Accepted, Event, Handler, Settings};
use dead_letter::DeadLetters;
use hyper::StatusCode;
use loopback::{Answer, Client};
use store::InMemoryStore;
use tokio::sync::Semaphore;
use tokio::task::JoinHandle;

const TOKEN: &str = "myKaarma_5f0c6a1e-2b7d-4c1a-9e8f-0a1b2c3d4e5f";
const KEY: &str = "api-username";
const SOH_HEADER: &str = "x-webhook-secret";
const SOH_SECRET: &str = "6f1c4b0e9a3d";

/// Every log line of every test here (each test looks for its own ids).
static LOG: Mutex<Vec<String>> = Mutex::new(Vec::new());

fn log(line: fmt::Arguments<'_>) {
    LOG.lock().unwrap().push(line.to_string());
}

fn logged(containing: &str) -> Vec<String> {
    let lines = LOG.lock().unwrap();
    lines
        .iter()
        .filter(|line| line.contains(containing))
        .cloned()
        .collect()
}

/// Records what it handles; waits for a permit first when given a gate.
#[derive(Clone, Default)]
struct Recorder {
    handled: Arc<Mutex<Vec<(String, String)>>>,
    gate: Option<Arc<Semaphore>>,
}

impl Handler for Recorder {
    async fn handle(&self, accepted: Accepted) -> Result<(), String> {
        if let Some(gate) = &self.gate {
            gate.acquire().await.unwrap().forget();
        }
        let what = match &accepted.event {
            Event::MyKaarma(envelope) => match envelope.payload() {
                Payload::Other(raw) => format!("raw {}", raw.get()),
                _ => format!("mykaarma {}", envelope.kind()),
            },
            Event::ServiceOrderHub(webhook) => format!("service-order-hub {}", webhook.kind()),
        };
        self.handled.lock().unwrap().push((accepted.key, what));
        Ok(())
    }
}

struct Running {
    server: loopback::Server,
    worker: JoinHandle<()>,
    recorder: Recorder,
    dead_letters: PathBuf,
}

/// A fresh, empty folder for one test's dead letters.
fn folder(test: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("receiver-{test}"));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

async fn start(test: &str, recorder: Recorder, queue: usize, body_limit: usize) -> Running {
    let dir = folder(test);
    let settings = Settings {
        mykaarma: MyKaarmaConfig::new(AuthorizationToken::new(TOKEN))
            .with_signing_key(SigningKey::new(KEY))
            .with_body_limit(body_limit),
        service_order_hub: ServiceOrderHubConfig::new(ConstantHeader::new(SOH_HEADER, SOH_SECRET)),
        dead_letters: DeadLetters::new(&dir).unwrap(),
        queue,
        log,
    };
    let (router, worker) = app::start(settings, InMemoryStore::new(1000), recorder.clone());
    let server = loopback::serve(router).await;
    Running {
        server,
        worker,
        recorder,
        dead_letters: dir,
    }
}

impl Running {
    async fn client(&self) -> Client {
        loopback::connect(self.server.addr).await
    }

    /// Stops the server, lets the worker finish the queue, and says what was handled.
    async fn finish(self) -> Vec<(String, String)> {
        self.server.stop().await;
        tokio::time::timeout(Duration::from_secs(10), self.worker)
            .await
            .expect("the worker ends once the server is gone")
            .unwrap();
        self.recorder.handled.lock().unwrap().clone()
    }
}

/// The files in a dead-letter folder, temporary ones included.
fn files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    files.sort();
    files
}

async fn deliver(client: &mut Client, body: &[u8]) -> Answer {
    let signature = SigningKey::new(KEY).sign(body);
    let headers = [
        ("content-type", "text/plain"),
        ("x-authorization-token", TOKEN),
        ("mykaarma-signature-token", signature.as_str()),
    ];
    client.post("/mykaarma", &headers, body.to_vec()).await
}

fn customer_with_id(id: &str) -> Vec<u8> {
    let body = String::from_utf8(common::fixture("mykaarma/customer.wire.json")).unwrap();
    body.replace("a7b9c1d3-e5f7-4891-ab23-cd45ef678901", id)
        .into_bytes()
}

#[tokio::test]
async fn a_redelivery_is_answered_200_and_handled_once() {
    let running = start("redelivery", Recorder::default(), 100, 1 << 21).await;
    let mut client = running.client().await;
    let body = customer_with_id("redelivered-1");
    for _ in 0..3 {
        assert_eq!(deliver(&mut client, &body).await.status, StatusCode::OK);
    }
    let other = customer_with_id("redelivered-2");
    assert_eq!(deliver(&mut client, &other).await.status, StatusCode::OK);
    drop(client);
    let handled = running.finish().await;
    let keys: Vec<&str> = handled.iter().map(|(key, _)| key.as_str()).collect();
    assert_eq!(keys, ["redelivered-1", "redelivered-2"]);
    assert_eq!(
        logged("\"redelivered-1\": redelivered, handled already").len(),
        2
    );
    assert_eq!(logged("\"redelivered-1\": handled").len(), 1);
}

#[tokio::test]
async fn a_kind_not_modelled_is_accepted_and_handled_raw() {
    let running = start("not-modelled", Recorder::default(), 100, 1 << 21).await;
    let mut client = running.client().await;
    let body = br#"{"id":"not-modelled-1","timestamp":1728542293678,"type":"vehicle-sales","payload":"{\"vin\":\"1HGCM82633A004352\"}"}"#;
    assert_eq!(deliver(&mut client, body).await.status, StatusCode::OK);
    drop(client);
    let handled = running.finish().await;
    assert_eq!(
        handled,
        [(
            "not-modelled-1".to_owned(),
            r#"raw {"vin":"1HGCM82633A004352"}"#.to_owned()
        )]
    );
    let lines = logged("\"not-modelled-1\"");
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(
        lines[0].contains("(kind not modelled: payload kept raw)"),
        "{lines:?}"
    );
    assert!(
        !lines[0].contains("1HGCM82633A004352"),
        "the log holds the payload: {lines:?}"
    );
}

#[tokio::test]
async fn an_undecodable_body_is_kept_once_and_answered_400() {
    let running = start("dead-letters", Recorder::default(), 100, 1 << 21).await;
    let mut client = running.client().await;
    let body = String::from_utf8(customer_with_id("undecodable-1"))
        .unwrap()
        .replace("1728542293678", "\"soon\"");
    for _ in 0..3 {
        let answer = deliver(&mut client, body.as_bytes()).await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST);
        assert!(answer.text.starts_with("timestamp: "), "{}", answer.text);
    }
    let soh_body = common::fixture("service_order_hub/cost-proposal.json");
    let headers = [(SOH_HEADER, SOH_SECRET)];
    for _ in 0..2 {
        let answer = client
            .post("/service-order-hub/invoice", &headers, soh_body.clone())
            .await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{}", answer.text);
    }
    drop(client);
    let dir = running.dead_letters.clone();
    assert!(running.finish().await.is_empty());

    let kept = files(&dir);
    let expected = [
        dir.join(format!(
            "mykaarma-{}.body",
            dead_letter::sha256_hex(body.as_bytes())
        )),
        dir.join(format!(
            "service-order-hub-invoice-{}.body",
            dead_letter::sha256_hex(&soh_body)
        )),
    ];
    assert_eq!(kept, expected);
    assert_eq!(std::fs::read(&expected[0]).unwrap(), body.as_bytes());
    assert_eq!(std::fs::read(&expected[1]).unwrap(), soh_body);
}

#[tokio::test]
async fn a_body_that_cannot_be_kept_is_answered_500_so_the_vendor_retries() {
    let running = start("unwritable", Recorder::default(), 100, 1 << 21).await;
    std::fs::remove_dir_all(&running.dead_letters).unwrap();
    let mut client = running.client().await;
    let answer = deliver(&mut client, b"{\"id\":\"unwritable-1\"").await;
    assert_eq!(answer.status, StatusCode::INTERNAL_SERVER_ERROR);
    drop(client);
    running.finish().await;
}

#[tokio::test]
async fn requests_are_answered_before_they_are_handled_and_503_when_the_queue_is_full() {
    let gate = Arc::new(Semaphore::new(0));
    let recorder = Recorder {
        gate: Some(Arc::clone(&gate)),
        ..Recorder::default()
    };
    // The worker takes one event and waits at the gate; one more waits in the queue.
    let running = start("queue", recorder, 1, 1 << 21).await;
    let mut client = running.client().await;
    let answers = tokio::time::timeout(Duration::from_secs(10), async {
        let mut statuses = Vec::new();
        for n in 1..=4 {
            let status = deliver(&mut client, &customer_with_id(&format!("queued-{n}")))
                .await
                .status;
            statuses.push(status);
            // Let the worker take the first event off the queue.
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        statuses
    })
    .await
    .expect("answered while the worker is busy");
    assert_eq!(
        answers,
        [
            StatusCode::OK,
            StatusCode::OK,
            StatusCode::SERVICE_UNAVAILABLE,
            StatusCode::SERVICE_UNAVAILABLE
        ]
    );
    gate.add_permits(10);
    drop(client);
    let handled = running.finish().await;
    let keys: Vec<&str> = handled.iter().map(|(key, _)| key.as_str()).collect();
    assert_eq!(keys, ["queued-1", "queued-2"]);
}

#[tokio::test]
async fn service_order_hub_webhooks_are_handled_once_by_body() {
    let running = start("soh", Recorder::default(), 100, 1 << 21).await;
    let mut client = running.client().await;
    let headers = [(SOH_HEADER, SOH_SECRET)];
    let status = common::fixture("service_order_hub/new-status.json");
    let invoice = common::fixture("service_order_hub/invoice.json");
    for (kind, body) in [
        ("new-status", &status),
        ("invoice", &invoice),
        ("new-status", &status),
    ] {
        let answer = client
            .post(
                &format!("/service-order-hub/{kind}"),
                &headers,
                body.clone(),
            )
            .await;
        assert_eq!(answer.status, StatusCode::OK, "{}", answer.text);
    }
    let answer = client
        .post("/service-order-hub/invoices", &headers, invoice.clone())
        .await;
    assert_eq!(answer.status, StatusCode::NOT_FOUND);
    let answer = client
        .post("/service-order-hub/invoice", &[], invoice.clone())
        .await;
    assert_eq!(answer.status, StatusCode::UNAUTHORIZED);
    drop(client);
    let handled = running.finish().await;
    assert_eq!(
        handled,
        [
            (
                format!(
                    "service-order-hub/new-status/{}",
                    dead_letter::sha256_hex(&status)
                ),
                "service-order-hub new-status".to_owned()
            ),
            (
                format!(
                    "service-order-hub/invoice/{}",
                    dead_letter::sha256_hex(&invoice)
                ),
                "service-order-hub invoice".to_owned()
            ),
        ]
    );
}

#[tokio::test]
async fn a_body_over_the_limit_is_413() {
    let body = customer_with_id("too-large-1");
    let running = start("limit", Recorder::default(), 100, body.len() - 1).await;
    let mut client = running.client().await;
    let answer = deliver(&mut client, &body).await;
    assert_eq!(answer.status, StatusCode::PAYLOAD_TOO_LARGE);
    drop(client);
    assert!(running.finish().await.is_empty());
}

#[tokio::test]
async fn log_lines_name_the_event_never_its_body() {
    let running = start("log", Recorder::default(), 100, 1 << 21).await;
    let mut client = running.client().await;
    let body = customer_with_id("logged-1");
    assert_eq!(deliver(&mut client, &body).await.status, StatusCode::OK);
    let bad = String::from_utf8(customer_with_id("logged-2"))
        .unwrap()
        .replace("\\\"firstName\\\":\\\"myKaarma\\\"", "\\\"firstName\\\":7");
    assert_eq!(
        deliver(&mut client, bad.as_bytes()).await.status,
        StatusCode::BAD_REQUEST
    );
    drop(client);
    running.finish().await;
    let lines = logged("logged-1");
    assert_eq!(
        lines,
        [r#"mykaarma event id "logged-1" kind "customers" key "logged-1": handled"#]
    );
    let lines = logged("mykaarma: 400 Bad Request payload.customerWithVehicles.customer.firstName");
    assert_eq!(lines.len(), 1, "{lines:?}");
    for personal in ["mykaarma.testing@gmail.com", "+13108170196", "Testing"] {
        let all = LOG.lock().unwrap();
        assert!(
            !all.iter().any(|line| line.contains(personal)),
            "{personal} logged"
        );
    }
}
