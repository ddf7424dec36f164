//! A webhook receiver for myKaarma and Service Order Hub, built on the crate's axum
//! extractors: `POST /mykaarma` and `POST /service-order-hub/{kind}`.
//!
//! ```sh
//! MYKAARMA_TOKEN=myKaarma_... cargo run --example receiver --features axum -- --listen 127.0.0.1:8080
//! ```
//!
//! It answers fast and works after answering (myKaarma waits 5 seconds at most): an
//! authenticated event that decodes is queued and answered 200, and a worker handles it once
//! (a redelivery is answered 200 and skipped, by its dedup key). A kind the crate does not
//! model is accepted and handled with its payload raw, so that the vendor does not retry it
//! forever. A body that does not decode is kept in the dead-letter folder (one file per
//! distinct body) and answered 400: the vendor retries only five times, then it would be
//! gone. 401 for failed authentication (before the body is read), 413 above the body limit,
//! 404 for an unknown Service Order Hub kind, 503 when the queue is full (the vendor
//! retries). `--help` lists the options and the environment.
//!
//! The queue and the dedup store here are in memory: an event answered 200 and not handled
//! yet is lost if the process dies. For that, queue to durable storage before answering, and
//! use a shared store (see `store.rs`).

mod app;
mod dead_letter;
mod options;
mod store;

use std::env;
use std::fmt;
use std::io::Write;
use std::process::ExitCode;

use aftersales_webhooks::axum::{MyKaarmaConfig, ServiceOrderHubConfig};
use aftersales_webhooks::mykaarma::{AuthorizationToken, SigningKey};
use aftersales_webhooks::service_order_hub::ConstantHeader;
use tokio::net::TcpListener;

use app::{Accepted, Event, Handler, Settings};
use dead_letter::DeadLetters;
use options::{Command, Options};
use store::InMemoryStore;

/// How many dedup keys the in-memory store remembers.
const REMEMBERED_KEYS: usize = 1_000_000;

/// How many accepted events may wait for the worker.
const QUEUE: usize = 10_000;

#[tokio::main]
async fn main() -> ExitCode {
    match run().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("receiver: {message}");
            ExitCode::FAILURE
        }
    }
}

async fn run() -> Result<(), String> {
    let options = match options::parse(env::args().skip(1))? {
        Command::Help => {
            print!("{}", options::USAGE);
            return Ok(());
        }
        Command::Run(options) => options,
    };
    let settings = settings(&options)?;
    let (router, worker) = app::start(settings, InMemoryStore::new(REMEMBERED_KEYS), WriteEvents);
    let listener = TcpListener::bind(options.listen)
        .await
        .map_err(|e| format!("cannot listen on {}: {e}", options.listen))?;
    let address = listener.local_addr().map_err(|e| e.to_string())?;
    eprintln!(
        "receiver: listening on http://{address}: POST /mykaarma, POST /service-order-hub/{{kind}}"
    );
    axum::serve(listener, router)
        .with_graceful_shutdown(shutdown())
        .await
        .map_err(|e| e.to_string())?;
    eprintln!("receiver: stopped taking requests; handling the events still queued");
    worker.await.map_err(|e| format!("the worker failed: {e}"))
}

/// The settings from the options and the environment.
fn settings(options: &Options) -> Result<Settings, String> {
    let token = env::var("MYKAARMA_TOKEN")
        .ok()
        .filter(|token| !token.is_empty())
        .ok_or("set MYKAARMA_TOKEN to the x-authorization-token agreed with myKaarma")?;
    let mut mykaarma =
        MyKaarmaConfig::new(AuthorizationToken::new(token)).with_body_limit(options.max_body_bytes);
    match env::var("MYKAARMA_SIGNING_KEY") {
        Ok(key) if !key.is_empty() => mykaarma = mykaarma.with_signing_key(SigningKey::new(key)),
        _ => log(format_args!(
            "mykaarma: MYKAARMA_SIGNING_KEY is not set: signatures are not checked"
        )),
    }
    let service_order_hub = match (env::var("SOH_HEADER_NAME"), env::var("SOH_HEADER_VALUE")) {
        (Ok(name), Ok(value)) if !name.is_empty() && !value.is_empty() => {
            ServiceOrderHubConfig::new(ConstantHeader::new(name, value))
        }
        (Err(_), Err(_)) => {
            log(format_args!(
                "service-order-hub: SOH_HEADER_NAME is not set: requests are not authenticated"
            ));
            ServiceOrderHubConfig::unauthenticated()
        }
        _ => {
            return Err(
                "set both SOH_HEADER_NAME and SOH_HEADER_VALUE (not empty), or neither".into(),
            );
        }
    }
    .with_body_limit(options.max_body_bytes);
    let dead_letters = DeadLetters::new(&options.dead_letter_dir).map_err(|e| {
        format!(
            "cannot use {} for dead letters: {e}",
            options.dead_letter_dir.display()
        )
    })?;
    Ok(Settings {
        mykaarma,
        service_order_hub,
        dead_letters,
        queue: QUEUE,
        log,
    })
}

/// A log line on stderr.
fn log(line: fmt::Arguments<'_>) {
    eprintln!("{line}");
}

/// The work: each event handled goes to stdout as one JSON line, encoded back exactly as the
/// vendor sent it (lossless), for the program that stores or acts on it. Replace it with
/// yours.
struct WriteEvents;

impl Handler for WriteEvents {
    async fn handle(&self, accepted: Accepted) -> Result<(), String> {
        let mut line = match &accepted.event {
            Event::MyKaarma(envelope) => serde_json::to_vec(envelope),
            Event::ServiceOrderHub(webhook) => serde_json::to_vec(webhook),
        }
        .map_err(|e| e.to_string())?;
        line.push(b'\n');
        std::io::stdout()
            .lock()
            .write_all(&line)
            .map_err(|e| e.to_string())
    }
}

/// Resolves on Ctrl-C, or on SIGTERM on Unix.
async fn shutdown() {
    let interrupt = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {}
        () = terminate => {}
    }
}
