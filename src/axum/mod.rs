//! axum extractors that authenticate, size-limit and decode webhook requests (feature `axum`).
//!
//! A handler that takes [`MyKaarmaEvent`] or [`ServiceOrderHubWebhook`] runs only for a request
//! that passed every check; any other gets the answer its [`Rejection`] names:
//!
//! | answer | when |
//! | --- | --- |
//! | 404 | a Service Order Hub route's `{kind}` is not a kind |
//! | 401 | the token or constant header is missing, repeated or wrong (checked before the body is read); the myKaarma signature is missing or does not match the raw body (when a signing key is configured) |
//! | 413 | the body is over the limit ([`DEFAULT_BODY_LIMIT`], 2 MiB, unless configured) |
//! | 400 | the body does not decode: the answer's text is the error, with its JSON path |
//!
//! The body is read whatever its content type: myKaarma sends JSON as `text/plain`, which
//! `axum::Json` refuses with 415. The secrets come from state you build
//! ([`MyKaarmaConfig`], [`ServiceOrderHubConfig`]), never from the environment or globals.
//!
//! ```
//! use aftersales_webhooks::axum::{MyKaarmaConfig, MyKaarmaEvent};
//! use aftersales_webhooks::mykaarma::AuthorizationToken;
//! use axum::{Router, routing::post};
//!
//! async fn receive(event: MyKaarmaEvent) {
//!     println!("{} {}", event.envelope.kind(), event.envelope.dedup_key());
//! }
//!
//! let config = MyKaarmaConfig::new(AuthorizationToken::new("myKaarma_5f0c6a1e"));
//! let app: Router = Router::new().route("/mykaarma", post(receive)).with_state(config);
//! ```
//!
//! Both vendors on one router, with the rejection in the handler (to log it, or to keep an
//! undecodable body before answering 400: the vendor retries a failed delivery only a few
//! times):
//!
//! ```
//! use aftersales_webhooks::axum::{
//!     MyKaarmaConfig, MyKaarmaEvent, Rejection, ServiceOrderHubConfig, ServiceOrderHubWebhook,
//! };
//! use aftersales_webhooks::mykaarma::{AuthorizationToken, SigningKey};
//! use aftersales_webhooks::service_order_hub::ConstantHeader;
//! use axum::extract::FromRef;
//! use axum::response::{IntoResponse, Response};
//! use axum::{Router, http::StatusCode, routing::post};
//!
//! #[derive(Clone)]
//! struct Secrets {
//!     mykaarma: MyKaarmaConfig,
//!     service_order_hub: ServiceOrderHubConfig,
//! }
//!
//! // Each extractor takes its part of the state (or derive `FromRef`, axum's `macros`).
//! impl FromRef<Secrets> for MyKaarmaConfig {
//!     fn from_ref(secrets: &Secrets) -> Self {
//!         secrets.mykaarma.clone()
//!     }
//! }
//! impl FromRef<Secrets> for ServiceOrderHubConfig {
//!     fn from_ref(secrets: &Secrets) -> Self {
//!         secrets.service_order_hub.clone()
//!     }
//! }
//!
//! async fn mykaarma(event: Result<MyKaarmaEvent, Rejection>) -> Response {
//!     match event {
//!         Ok(_event) => {
//!             // Queue the work, answer at once: myKaarma waits 5 seconds at most.
//!             StatusCode::OK.into_response()
//!         }
//!         Err(rejection) => {
//!             eprintln!("mykaarma: {} {rejection}", rejection.status());
//!             rejection.into_response()
//!         }
//!     }
//! }
//!
//! async fn service_order_hub(webhook: ServiceOrderHubWebhook) {
//!     println!("{} for case {:?}", webhook.webhook.kind(), webhook.webhook.case_guid());
//! }
//!
//! let secrets = Secrets {
//!     mykaarma: MyKaarmaConfig::new(AuthorizationToken::new("myKaarma_5f0c6a1e"))
//!         .with_signing_key(SigningKey::new("api-username")),
//!     service_order_hub: ServiceOrderHubConfig::new(ConstantHeader::new(
//!         "x-webhook-secret",
//!         "6f1c4b0e",
//!     )),
//! };
//! let app: Router = Router::new()
//!     .route("/mykaarma", post(mykaarma))
//!     .route("/service-order-hub/{kind}", post(service_order_hub))
//!     .with_state(secrets);
//! ```

mod body;
mod config;
mod event;
mod rejection;
mod webhook;

pub use config::{DEFAULT_BODY_LIMIT, MyKaarmaConfig, ServiceOrderHubConfig};
pub use event::MyKaarmaEvent;
pub use rejection::Rejection;
pub use webhook::{KIND_PARAM, ServiceOrderHubWebhook};
