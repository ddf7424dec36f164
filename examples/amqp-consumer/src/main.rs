//! `amqp-consumer [QUEUE] [--kind KIND] [--prefetch N]`: consumes Service Order Hub webhooks
//! from a RabbitMQ queue (default `soh-webhooks`) at `AMQP_ADDR` (default
//! `amqp://guest:guest@127.0.0.1:5672/%2f`) until Ctrl-C or SIGTERM. See README.md.

use std::convert::Infallible;
use std::process::ExitCode;

use aftersales_webhooks::service_order_hub::{Webhook, WebhookKind};
use amqp_consumer::{Consumer, Topology};
use lapin::types::ShortString;
use lapin::{Connection, ConnectionProperties};

const DEFAULT_ADDR: &str = "amqp://guest:guest@127.0.0.1:5672/%2f";
const DEFAULT_QUEUE: &str = "soh-webhooks";

/// What the command line asks for.
struct Args {
    queue: String,
    kind: Option<WebhookKind>,
    prefetch: u16,
}

fn usage() -> String {
    let kinds: Vec<&str> = WebhookKind::ALL.iter().map(|kind| kind.name()).collect();
    format!(
        "usage: amqp-consumer [QUEUE] [--kind KIND] [--prefetch N]\n\
         \n\
         Consumes Service Order Hub webhooks from QUEUE (default {DEFAULT_QUEUE}) on the broker at\n\
         AMQP_ADDR (default {DEFAULT_ADDR}), declaring QUEUE, QUEUE.dlx and QUEUE.dlq.\n\
         A message's kind comes from its webhook-kind header, else --kind, else its routing key,\n\
         else its body. What does not decode goes to QUEUE.dlq. Stops on Ctrl-C.\n\
         \n\
         --kind KIND    every message on QUEUE is this kind: {}\n\
         --prefetch N   unacked messages the broker sends ahead (default {})",
        kinds.join(", "),
        Consumer::DEFAULT_PREFETCH,
    )
}

/// The arguments, or `None` when `--help` was asked for (and printed).
fn parse_args() -> Result<Option<Args>, String> {
    let mut args = Args {
        queue: DEFAULT_QUEUE.to_owned(),
        kind: None,
        prefetch: Consumer::DEFAULT_PREFETCH,
    };
    let mut queue = None;
    let mut words = std::env::args().skip(1);
    while let Some(word) = words.next() {
        match word.as_str() {
            "-h" | "--help" => {
                println!("{}", usage());
                return Ok(None);
            }
            "--kind" => {
                let name = words.next().ok_or("--kind needs a kind name")?;
                args.kind = Some(name.parse().map_err(|e| format!("--kind: {e}"))?);
            }
            "--prefetch" => {
                let number = words.next().ok_or("--prefetch needs a number")?;
                args.prefetch = number.parse().ok().filter(|n| *n > 0).ok_or(format!(
                    "--prefetch: not a number from 1 to 65535: {number}"
                ))?;
            }
            flag if flag.starts_with('-') => {
                return Err(format!("unknown option {flag}\n\n{}", usage()));
            }
            name if queue.is_none() => queue = Some(name.to_owned()),
            extra => return Err(format!("unexpected argument {extra}\n\n{}", usage())),
        }
    }
    if let Some(queue) = queue {
        args.queue = queue;
    }
    Ok(Some(args))
}

/// Your code goes here: store the webhook, update the case, notify someone. An `Err` sends
/// the message to the dead-letter queue. Here, the consumer's own log line is all it does.
async fn handle(webhook: Webhook) -> Result<(), Infallible> {
    drop(webhook);
    Ok(())
}

/// Completes on Ctrl-C, or on SIGTERM where there is one (a service manager's stop).
async fn shutdown() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        if let Ok(mut term) = signal(SignalKind::terminate()) {
            tokio::select! {
                _ = tokio::signal::ctrl_c() => {}
                _ = term.recv() => {}
            }
            return;
        }
    }
    let _ = tokio::signal::ctrl_c().await;
}

async fn run(args: Args) -> Result<(), String> {
    let addr = std::env::var("AMQP_ADDR").unwrap_or_else(|_| DEFAULT_ADDR.to_owned());
    let topology = Topology::new(&args.queue).map_err(|e| e.to_string())?;
    let connection = Connection::connect(&addr, ConnectionProperties::default())
        .await
        .map_err(|e| {
            format!(
                "cannot connect to {addr}: {e}\n(is RabbitMQ running? See README.md, \
                 \"Run it locally\")"
            )
        })?;
    let channel = connection
        .create_channel()
        .await
        .map_err(|e| e.to_string())?;
    topology
        .declare(&channel)
        .await
        .map_err(|e| format!("declaring {}: {e}", args.queue))?;
    eprintln!(
        "consuming {} (dead letters in {}); Ctrl-C stops",
        topology.queue(),
        topology.dead_letter_queue()
    );
    let consumer = Consumer::new(topology)
        .kind(args.kind)
        .prefetch(args.prefetch);
    let mut handler = handle;
    let tally = consumer
        .run(&channel, &mut handler, shutdown())
        .await
        .map_err(|e| format!("consuming: {e}"))?;
    eprintln!(
        "stopped: {} acked, {} dead-lettered",
        tally.acked, tally.dead_lettered
    );
    let ok = ShortString::from("OK");
    channel
        .close(200, ok.clone())
        .await
        .map_err(|e| e.to_string())?;
    connection.close(200, ok).await.map_err(|e| e.to_string())
}

#[tokio::main]
async fn main() -> ExitCode {
    let result = match parse_args() {
        Ok(Some(args)) => run(args).await,
        Ok(None) => Ok(()),
        Err(message) => Err(message),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("amqp-consumer: {message}");
            ExitCode::FAILURE
        }
    }
}
