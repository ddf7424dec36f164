//! The axum extractors, over real HTTP on 127.0.0.1: what a vendor's delivery gets as answer.
#![cfg(feature = "axum")]

mod common;
mod loopback;

use std::time::Duration;

use aftersales_webhooks::axum::{
    MyKaarmaConfig, MyKaarmaEvent, Rejection, ServiceOrderHubConfig, ServiceOrderHubWebhook,
};
use aftersales_webhooks::mykaarma::{AuthorizationToken, Envelope, SigningKey};
use aftersales_webhooks::service_order_hub::{ConstantHeader, Webhook};
use axum::Router;
use axum::body::Bytes;
use axum::extract::FromRef;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use hyper::StatusCode;
use loopback::{Answer, Client};

const TOKEN: &str = "myKaarma_5f0c6a1e-2b7d-4c1a-9e8f-0a1b2c3d4e5f";
const KEY: &str = "api-username";
const SOH_HEADER: &str = "x-webhook-secret";
const SOH_SECRET: &str = "6f1c4b0e9a3d";

#[derive(Clone)]
struct Secrets {
    mykaarma: MyKaarmaConfig,
    service_order_hub: ServiceOrderHubConfig,
}

impl FromRef<Secrets> for MyKaarmaConfig {
    fn from_ref(secrets: &Secrets) -> Self {
        secrets.mykaarma.clone()
    }
}

impl FromRef<Secrets> for ServiceOrderHubConfig {
    fn from_ref(secrets: &Secrets) -> Self {
        secrets.service_order_hub.clone()
    }
}

/// Answers with what it received: the event's dedup key and the body's length.
async fn mykaarma(event: MyKaarmaEvent) -> String {
    format!("{} {}", event.envelope.dedup_key(), event.body.len())
}

/// Answers with the kind and the body's length.
async fn service_order_hub(webhook: ServiceOrderHubWebhook) -> String {
    format!("{} {}", webhook.webhook.kind(), webhook.body.len())
}

/// Sees the rejection: answers as it says, with the length of a body that did not decode.
async fn mykaarma_seeing_rejections(event: Result<MyKaarmaEvent, Rejection>) -> Response {
    match event {
        Ok(event) => event.envelope.id.into_response(),
        Err(Rejection::Undecodable { error, body }) => (
            StatusCode::BAD_REQUEST,
            format!("kept {} bytes: {}", body.len(), error.path()),
        )
            .into_response(),
        Err(other) => other.into_response(),
    }
}

fn router(mykaarma_config: MyKaarmaConfig, soh_config: ServiceOrderHubConfig) -> Router {
    Router::new()
        .route("/mykaarma", post(mykaarma))
        .route(
            "/mykaarma/seeing-rejections",
            post(mykaarma_seeing_rejections),
        )
        .route("/service-order-hub/{kind}", post(service_order_hub))
        .route("/service-order-hub-without-kind", post(service_order_hub))
        .with_state(Secrets {
            mykaarma: mykaarma_config,
            service_order_hub: soh_config,
        })
}

fn signed() -> MyKaarmaConfig {
    MyKaarmaConfig::new(AuthorizationToken::new(TOKEN)).with_signing_key(SigningKey::new(KEY))
}

fn soh() -> ServiceOrderHubConfig {
    ServiceOrderHubConfig::new(ConstantHeader::new(SOH_HEADER, SOH_SECRET))
}

/// A server with these configurations and one connection to it.
async fn start(
    mykaarma_config: MyKaarmaConfig,
    soh_config: ServiceOrderHubConfig,
) -> (loopback::Server, Client) {
    let server = loopback::serve(router(mykaarma_config, soh_config)).await;
    let client = loopback::connect(server.addr).await;
    (server, client)
}

/// POSTs a myKaarma delivery as myKaarma sends it: `text/plain`, token, signature.
async fn deliver(client: &mut Client, body: &[u8]) -> Answer {
    let signature = SigningKey::new(KEY).sign(body);
    let headers = [
        ("content-type", "text/plain"),
        ("x-authorization-token", TOKEN),
        ("mykaarma-signature-token", signature.as_str()),
    ];
    client.post("/mykaarma", &headers, body.to_vec()).await
}

fn appointment() -> Vec<u8> {
    common::fixture("mykaarma/appointment.wire.json")
}

#[tokio::test]
async fn every_documented_mykaarma_event_is_accepted_as_text_plain() {
    let (_server, mut client) = start(signed(), soh()).await;
    for path in common::fixtures("mykaarma") {
        let body = std::fs::read(&path).unwrap();
        let event: Envelope = aftersales_webhooks::from_slice(&body).unwrap();
        let answer = deliver(&mut client, &body).await;
        assert_eq!(
            answer.status,
            StatusCode::OK,
            "{}: {}",
            path.display(),
            answer.text
        );
        assert_eq!(answer.text, format!("{} {}", event.dedup_key(), body.len()));
    }
}

#[tokio::test]
async fn any_content_type_or_none_is_accepted() {
    let (_server, mut client) = start(signed(), soh()).await;
    let body = appointment();
    let signature = SigningKey::new(KEY).sign(&body);
    for content_type in [
        None,
        Some("application/json"),
        Some("application/octet-stream"),
    ] {
        let mut headers = vec![
            ("x-authorization-token", TOKEN),
            ("mykaarma-signature-token", signature.as_str()),
        ];
        headers.extend(content_type.map(|value| ("content-type", value)));
        let answer = client.post("/mykaarma", &headers, body.clone()).await;
        assert_eq!(
            answer.status,
            StatusCode::OK,
            "{content_type:?}: {}",
            answer.text
        );
    }
}

#[tokio::test]
async fn a_missing_wrong_or_repeated_token_is_401() {
    let (_server, mut client) = start(signed(), soh()).await;
    let body = appointment();
    let signature = SigningKey::new(KEY).sign(&body);
    let sig = ("mykaarma-signature-token", signature.as_str());
    let cases: [(Vec<(&str, &str)>, &str); 4] = [
        (vec![sig], "the x-authorization-token header is missing"),
        (
            vec![sig, ("x-authorization-token", "myKaarma_wrong")],
            "the x-authorization-token header has the wrong value",
        ),
        (
            vec![sig, ("x-authorization-token", &TOKEN[..TOKEN.len() - 1])],
            "the x-authorization-token header has the wrong value",
        ),
        (
            vec![
                sig,
                ("x-authorization-token", TOKEN),
                ("X-Authorization-Token", TOKEN),
            ],
            "the x-authorization-token header is sent 2 times; expected once",
        ),
    ];
    for (headers, expected) in cases {
        let answer = client.post("/mykaarma", &headers, body.clone()).await;
        assert_eq!(answer.status, StatusCode::UNAUTHORIZED);
        assert_eq!(answer.text, expected);
        assert!(!answer.text.contains(TOKEN));
    }
}

#[tokio::test]
async fn a_missing_or_bad_signature_is_401() {
    let (_server, mut client) = start(signed(), soh()).await;
    let body = appointment();
    let other_key = SigningKey::new("another-username").sign(&body);
    let of_other_body = SigningKey::new(KEY).sign(b"{}");
    let cases: [(Option<&str>, &str); 5] = [
        (None, "the mykaarma-signature-token header is missing"),
        (
            Some(&other_key),
            "the mykaarma-signature-token header is refused: the signature does not match the body",
        ),
        (
            Some(&of_other_body),
            "the mykaarma-signature-token header is refused: the signature does not match the body",
        ),
        (
            Some("sha1=0123"),
            "the mykaarma-signature-token header is refused: the signature is made with `sha1`; only `sha256` is known",
        ),
        (
            Some("sha256=xyz"),
            "the mykaarma-signature-token header is refused: the signature after `sha256=` is not hexadecimal",
        ),
    ];
    for (signature, expected) in cases {
        let mut headers = vec![("x-authorization-token", TOKEN)];
        headers.extend(signature.map(|value| ("mykaarma-signature-token", value)));
        let answer = client.post("/mykaarma", &headers, body.clone()).await;
        assert_eq!(answer.status, StatusCode::UNAUTHORIZED, "{signature:?}");
        assert_eq!(answer.text, expected);
    }
}

#[tokio::test]
async fn without_a_signing_key_no_signature_is_needed() {
    let config = MyKaarmaConfig::new(AuthorizationToken::new(TOKEN));
    let (_server, mut client) = start(config, soh()).await;
    let headers = [("x-authorization-token", TOKEN)];
    let answer = client.post("/mykaarma", &headers, appointment()).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.text);
}

#[tokio::test]
async fn an_undecodable_body_is_400_naming_the_path() {
    let (_server, mut client) = start(signed(), soh()).await;
    let body = String::from_utf8(appointment())
        .unwrap()
        .replace("2025-09-27 15:00:00", "tomorrow");
    let answer = deliver(&mut client, body.as_bytes()).await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert!(
        answer
            .text
            .starts_with("payload.appointmentInfoResponse.startTime: "),
        "{}",
        answer.text
    );
    for bad in [&b""[..], b"not json", b"[]", b"{\"id\":"] {
        let answer = deliver(&mut client, bad).await;
        assert_eq!(
            answer.status,
            StatusCode::BAD_REQUEST,
            "{bad:?}: {}",
            answer.text
        );
    }
}

#[tokio::test]
async fn a_handler_sees_the_rejection_and_the_body_it_could_not_decode() {
    let (_server, mut client) = start(signed(), soh()).await;
    let body = String::from_utf8(appointment())
        .unwrap()
        .replace("2025-09-27 15:00:00", "tomorrow");
    let signature = SigningKey::new(KEY).sign(body.as_bytes());
    let headers = [
        ("x-authorization-token", TOKEN),
        ("mykaarma-signature-token", signature.as_str()),
    ];
    let answer = client
        .post("/mykaarma/seeing-rejections", &headers, body.clone())
        .await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        answer.text,
        format!(
            "kept {} bytes: payload.appointmentInfoResponse.startTime",
            body.len()
        )
    );
}

#[tokio::test]
async fn a_body_over_the_limit_is_413_with_or_without_content_length() {
    let body = appointment();
    let config = signed().with_body_limit(body.len());
    let (server, mut client) = start(config, soh()).await;

    // At the limit: accepted.
    let answer = deliver(&mut client, &body).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.text);

    // One byte over, declared by Content-Length: refused before a byte of it is sent.
    let length = (body.len() + 1).to_string();
    let headers = [
        ("x-authorization-token", TOKEN),
        ("mykaarma-signature-token", "sha256=00"),
        ("content-length", length.as_str()),
    ];
    let request = loopback::request(server.addr, "/mykaarma", &headers, loopback::stalled());
    let answer = tokio::time::timeout(Duration::from_secs(10), client.send(request))
        .await
        .expect("answered before the body")
        .unwrap();
    assert_eq!(answer.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(
        answer.text,
        format!("the request body is over the limit of {} bytes", body.len())
    );

    // Over the limit in chunks, without Content-Length: refused while reading.
    let mut client = loopback::connect(server.addr).await;
    let headers = [
        ("x-authorization-token", TOKEN),
        ("mykaarma-signature-token", "sha256=00"),
    ];
    let chunks = vec![Bytes::from(body.clone()), Bytes::from_static(b" ")];
    let request = loopback::request(
        server.addr,
        "/mykaarma",
        &headers,
        loopback::chunked(chunks),
    );
    let answer = client.send(request).await.unwrap();
    assert_eq!(answer.status, StatusCode::PAYLOAD_TOO_LARGE);

    // The same body in chunks, within the limit: accepted.
    let mut client = loopback::connect(server.addr).await;
    let signature = SigningKey::new(KEY).sign(&body);
    let headers = [
        ("x-authorization-token", TOKEN),
        ("mykaarma-signature-token", signature.as_str()),
    ];
    let (head, tail) = body.split_at(body.len() / 2);
    let chunks = vec![Bytes::copy_from_slice(head), Bytes::copy_from_slice(tail)];
    let request = loopback::request(
        server.addr,
        "/mykaarma",
        &headers,
        loopback::chunked(chunks),
    );
    let answer = client.send(request).await.unwrap();
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.text);
}

#[tokio::test]
async fn the_default_limit_is_2_mib() {
    let (server, mut client) = start(signed(), soh()).await;
    let length = (2 * 1024 * 1024 + 1).to_string();
    let headers = [
        ("x-authorization-token", TOKEN),
        ("mykaarma-signature-token", "sha256=00"),
        ("content-length", length.as_str()),
    ];
    let request = loopback::request(server.addr, "/mykaarma", &headers, loopback::stalled());
    let answer = tokio::time::timeout(Duration::from_secs(10), client.send(request))
        .await
        .expect("answered before the body")
        .unwrap();
    assert_eq!(answer.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(
        answer.text,
        "the request body is over the limit of 2097152 bytes"
    );
}

#[tokio::test]
async fn a_large_unauthenticated_request_is_401_before_its_body() {
    let (server, _) = start(signed(), soh()).await;
    for path in ["/mykaarma", "/service-order-hub/invoice"] {
        let mut client = loopback::connect(server.addr).await;
        // Within the limit: were the body read first, the answer would wait for it.
        let headers = [
            ("x-authorization-token", "myKaarma_guess"),
            ("mykaarma-signature-token", "sha256=00"),
            (SOH_HEADER, "guess"),
            ("content-length", "1048576"),
        ];
        let request = loopback::request(server.addr, path, &headers, loopback::stalled());
        let answer = tokio::time::timeout(Duration::from_secs(10), client.send(request))
            .await
            .expect("answered before the body")
            .unwrap();
        assert_eq!(answer.status, StatusCode::UNAUTHORIZED, "{path}");
    }
}

#[tokio::test]
async fn every_documented_service_order_hub_webhook_is_accepted_as_its_kind() {
    let (_server, mut client) = start(signed(), soh()).await;
    let headers = [
        ("content-type", "application/json"),
        (SOH_HEADER, SOH_SECRET),
    ];
    for path in common::fixtures("service_order_hub") {
        let kind = common::soh_kind(&path);
        let body = std::fs::read(&path).unwrap();
        let route = format!("/service-order-hub/{kind}");
        let answer = client.post(&route, &headers, body.clone()).await;
        assert_eq!(
            answer.status,
            StatusCode::OK,
            "{}: {}",
            path.display(),
            answer.text
        );
        assert_eq!(answer.text, format!("{kind} {}", body.len()));
        assert_eq!(Webhook::decode(kind, &body).unwrap().kind(), kind);
    }
}

#[tokio::test]
async fn an_unknown_service_order_hub_kind_is_404() {
    let (_server, mut client) = start(signed(), soh()).await;
    let headers = [(SOH_HEADER, SOH_SECRET)];
    let body = common::fixture("service_order_hub/invoice.json");
    for kind in ["invoices", "Invoice", "%FF", "x", "a%0Ab"] {
        let answer = client
            .post(
                &format!("/service-order-hub/{kind}"),
                &headers,
                body.clone(),
            )
            .await;
        assert_eq!(answer.status, StatusCode::NOT_FOUND, "{kind}");
        assert!(
            answer
                .text
                .starts_with("unknown Service Order Hub webhook kind"),
            "{}",
            answer.text
        );
        assert!(
            !answer.text.contains('\n'),
            "a line break from the path: {}",
            answer.text
        );
    }
}

#[tokio::test]
async fn a_route_without_kind_is_a_500_that_says_so() {
    let (_server, mut client) = start(signed(), soh()).await;
    let headers = [(SOH_HEADER, SOH_SECRET)];
    let body = common::fixture("service_order_hub/invoice.json");
    let answer = client
        .post("/service-order-hub-without-kind", &headers, body)
        .await;
    assert_eq!(answer.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert!(
        answer.text.contains("no `{kind}` parameter"),
        "{}",
        answer.text
    );
}

#[tokio::test]
async fn a_service_order_hub_body_of_another_kind_is_400() {
    let (_server, mut client) = start(signed(), soh()).await;
    let headers = [(SOH_HEADER, SOH_SECRET)];
    let body = common::fixture("service_order_hub/cost-proposal.json");
    let answer = client
        .post("/service-order-hub/invoice", &headers, body)
        .await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert!(
        answer.text.contains("not an invoice webhook"),
        "{}",
        answer.text
    );
}

#[tokio::test]
async fn a_missing_wrong_or_repeated_constant_header_is_401() {
    let (_server, mut client) = start(signed(), soh()).await;
    let body = common::fixture("service_order_hub/new-status.json");
    let cases: [(Vec<(&str, &str)>, &str); 3] = [
        (vec![], "the x-webhook-secret header is missing"),
        (
            vec![("X-Webhook-Secret", "6f1c4b0e9a3")],
            "the x-webhook-secret header has the wrong value",
        ),
        (
            vec![(SOH_HEADER, SOH_SECRET), (SOH_HEADER, SOH_SECRET)],
            "the x-webhook-secret header is sent 2 times; expected once",
        ),
    ];
    for (headers, expected) in cases {
        let answer = client
            .post("/service-order-hub/new-status", &headers, body.clone())
            .await;
        assert_eq!(answer.status, StatusCode::UNAUTHORIZED);
        assert_eq!(answer.text, expected);
    }
}

#[tokio::test]
async fn an_unauthenticated_service_order_hub_config_checks_no_header() {
    let (_server, mut client) = start(signed(), ServiceOrderHubConfig::unauthenticated()).await;
    let body = common::fixture("service_order_hub/new-status.json");
    let answer = client
        .post("/service-order-hub/new-status", &[], body)
        .await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.text);
}

#[test]
fn the_readme_shows_the_five_line_receiver_of_the_module_docs() {
    let module =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/src/axum/mod.rs")).unwrap();
    let docs: Vec<&str> = module
        .lines()
        .filter_map(|line| line.strip_prefix("//!"))
        .map(|line| line.strip_prefix(' ').unwrap_or(line))
        .collect();
    let docs = docs.join("\n");
    let start = docs.find("```\n").unwrap() + "```\n".len();
    let example = &docs[start..start + docs[start..].find("```").unwrap()];
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    assert!(
        readme.contains(&format!("```rust\n{example}```")),
        "README.md's receiver differs from src/axum/mod.rs's:\n{example}"
    );
}
