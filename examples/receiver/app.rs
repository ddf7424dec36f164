//! The receiver's routes, and the worker that handles each event once, after it is answered.

use std::fmt;
use std::sync::Arc;

use aftersales_webhooks::axum::{
    MyKaarmaConfig, MyKaarmaEvent, Rejection, ServiceOrderHubConfig, ServiceOrderHubWebhook,
};
use aftersales_webhooks::mykaarma::{Envelope, Payload};
use aftersales_webhooks::service_order_hub::Webhook;
use axum::Router;
use axum::extract::rejection::PathRejection;
use axum::extract::{FromRef, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use tokio::sync::mpsc::{self, error::TrySendError};
use tokio::task::JoinHandle;

use crate::dead_letter::{DeadLetters, sha256_hex};
use crate::store::DedupStore;

/// Where log lines go (one per request refused, one per event accepted).
pub type Log = fn(fmt::Arguments<'_>);

/// What the receiver checks and where it keeps what it refuses.
pub struct Settings {
    /// myKaarma's token, signing key (optional) and body limit.
    pub mykaarma: MyKaarmaConfig,
    /// Service Order Hub's constant header (optional) and body limit.
    pub service_order_hub: ServiceOrderHubConfig,
    /// Where undecodable bodies are kept before they are answered 400.
    pub dead_letters: DeadLetters,
    /// How many events may wait for the worker; beyond, requests are answered 503 and the
    /// vendor retries them.
    pub queue: usize,
    /// Where log lines go.
    pub log: Log,
}

/// An event that was answered 2xx, to be handled.
pub enum Event {
    /// A myKaarma event (kinds not modelled carry their payload raw, `Payload::Other`).
    MyKaarma(Box<Envelope>),
    /// A Service Order Hub webhook.
    ServiceOrderHub(Box<Webhook>),
}

/// An accepted event with its dedup key.
pub struct Accepted {
    /// myKaarma: the event's `id/type`. Service Order Hub sends no event id, so the kind and
    /// the SHA-256 of the body: an identical body to the same URL is taken for a redelivery.
    pub key: String,
    /// The event.
    pub event: Event,
}

/// What an accepted event is, for a log line: ids, kind and dedup key, never the body (it
/// holds names, phone numbers, addresses). Text from the vendor is quoted and escaped.
impl fmt::Display for Accepted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.event {
            Event::MyKaarma(envelope) => {
                write!(
                    f,
                    "mykaarma event id {:?} kind {:?} key {:?}",
                    envelope.id,
                    envelope.kind().as_str(),
                    self.key
                )?;
                if let Payload::Other(_) = envelope.payload() {
                    f.write_str(" (kind not modelled: payload kept raw)")?;
                }
                Ok(())
            }
            Event::ServiceOrderHub(webhook) => write!(
                f,
                "service-order-hub {} case {:?} key {:?}",
                webhook.kind(),
                webhook.case_guid().unwrap_or("-"),
                self.key
            ),
        }
    }
}

/// The work done with each event, once, after its request was answered.
pub trait Handler: Send + Sync + 'static {
    /// Handles one event (store it, forward it, act on it).
    fn handle(&self, accepted: Accepted) -> impl Future<Output = Result<(), String>> + Send;
}

#[derive(Clone)]
struct AppState {
    mykaarma: MyKaarmaConfig,
    service_order_hub: ServiceOrderHubConfig,
    dead_letters: Arc<DeadLetters>,
    queue: mpsc::Sender<Accepted>,
    log: Log,
}

impl FromRef<AppState> for MyKaarmaConfig {
    fn from_ref(state: &AppState) -> Self {
        state.mykaarma.clone()
    }
}

impl FromRef<AppState> for ServiceOrderHubConfig {
    fn from_ref(state: &AppState) -> Self {
        state.service_order_hub.clone()
    }
}

/// The router (`POST /mykaarma`, `POST /service-order-hub/{kind}`) and its worker, started on
/// the current Tokio runtime. The worker ends once the router and every clone of it are gone
/// (after `axum::serve` returns), having handled every event queued.
pub fn start<S: DedupStore, H: Handler>(
    settings: Settings,
    store: S,
    handler: H,
) -> (Router, JoinHandle<()>) {
    let (queue, queued) = mpsc::channel(settings.queue.max(1));
    let worker = tokio::spawn(work(queued, store, handler, settings.log));
    let state = AppState {
        mykaarma: settings.mykaarma,
        service_order_hub: settings.service_order_hub,
        dead_letters: Arc::new(settings.dead_letters),
        queue,
        log: settings.log,
    };
    let router = Router::new()
        .route("/mykaarma", post(mykaarma))
        .route("/service-order-hub/{kind}", post(service_order_hub))
        .with_state(state);
    (router, worker)
}

async fn mykaarma(
    State(app): State<AppState>,
    event: Result<MyKaarmaEvent, Rejection>,
) -> Response {
    match event {
        Ok(event) => app.enqueue(Accepted {
            key: event.envelope.dedup_key().to_string(),
            event: Event::MyKaarma(Box::new(event.envelope)),
        }),
        Err(rejection) => app.refuse("mykaarma", rejection).await,
    }
}

async fn service_order_hub(
    State(app): State<AppState>,
    kind: Result<Path<String>, PathRejection>,
    webhook: Result<ServiceOrderHubWebhook, Rejection>,
) -> Response {
    match webhook {
        Ok(webhook) => app.enqueue(Accepted {
            key: format!(
                "service-order-hub/{}/{}",
                webhook.webhook.kind(),
                sha256_hex(&webhook.body)
            ),
            event: Event::ServiceOrderHub(Box::new(webhook.webhook)),
        }),
        // A body that does not decode came to a known kind (an unknown one is refused before
        // the body is read): it is kept under the kind's name.
        Err(rejection @ Rejection::Undecodable { .. }) => {
            let kind = kind.map(|Path(kind)| kind).unwrap_or_default();
            let source = format!("service-order-hub-{kind}");
            app.refuse(&source, rejection).await
        }
        Err(rejection) => app.refuse("service-order-hub", rejection).await,
    }
}

impl AppState {
    /// Queues the event for the worker and answers 200 at once (myKaarma waits 5 seconds at
    /// most); 503 when the queue is full, so that the vendor retries.
    fn enqueue(&self, accepted: Accepted) -> Response {
        match self.queue.try_send(accepted) {
            Ok(()) => StatusCode::OK.into_response(),
            Err(TrySendError::Full(accepted)) => {
                (self.log)(format_args!("503, the queue is full: {accepted}"));
                (StatusCode::SERVICE_UNAVAILABLE, "busy: retry later").into_response()
            }
            Err(TrySendError::Closed(accepted)) => {
                (self.log)(format_args!("503, shutting down: {accepted}"));
                (
                    StatusCode::SERVICE_UNAVAILABLE,
                    "shutting down: retry later",
                )
                    .into_response()
            }
        }
    }

    /// Answers a refused request; keeps an undecodable body first (500 if it cannot, so that
    /// the vendor retries).
    async fn refuse(&self, source: &str, rejection: Rejection) -> Response {
        let status = rejection.status();
        if let Rejection::Undecodable { error, body } = &rejection {
            match self.dead_letters.keep(source, body.clone()).await {
                Ok(path) => (self.log)(format_args!(
                    "{source}: {status} {error}; body kept in {}",
                    path.display()
                )),
                Err(keeping) => {
                    (self.log)(format_args!(
                        "{source}: 500, an undecodable body could not be kept ({keeping}): {error}"
                    ));
                    let text = "the body does not decode and could not be kept: retry later";
                    return (StatusCode::INTERNAL_SERVER_ERROR, text).into_response();
                }
            }
        } else {
            (self.log)(format_args!("{source}: {status} {rejection}"));
        }
        rejection.into_response()
    }
}

/// Handles each queued event whose key the store has not seen: one log line per event.
async fn work<S: DedupStore, H: Handler>(
    mut queued: mpsc::Receiver<Accepted>,
    store: S,
    handler: H,
    log: Log,
) {
    while let Some(accepted) = queued.recv().await {
        match store.first_delivery(&accepted.key).await {
            Ok(true) => {}
            Ok(false) => {
                log(format_args!("{accepted}: redelivered, handled already"));
                continue;
            }
            // Better twice than never: handle it.
            Err(error) => log(format_args!("{accepted}: the dedup store failed ({error})")),
        }
        let line = accepted.to_string();
        match handler.handle(accepted).await {
            Ok(()) => log(format_args!("{line}: handled")),
            Err(error) => log(format_args!("{line}: failed: {error}")),
        }
    }
}
