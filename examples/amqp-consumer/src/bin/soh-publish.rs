//! `soh-publish [--queue QUEUE] [--kind KIND] FILE...`: publishes each file's bytes to QUEUE
//! (default `soh-webhooks`) at `AMQP_ADDR`, as Service Order Hub would, with the kind in the
//! `webhook-kind` header when `--kind` is given, and waits for the broker's confirmation.
//! For trying the consumer by hand; see README.md.

use std::process::ExitCode;

use aftersales_webhooks::service_order_hub::WebhookKind;
use amqp_consumer::KIND_HEADER;
use lapin::options::{BasicPublishOptions, ConfirmSelectOptions};
use lapin::types::{AMQPValue, FieldTable, LongString, ShortString};
use lapin::{BasicProperties, Connection, ConnectionProperties};

const DEFAULT_ADDR: &str = "amqp://guest:guest@127.0.0.1:5672/%2f";
const USAGE: &str = "usage: soh-publish [--queue QUEUE] [--kind KIND] FILE...";

async fn run() -> Result<(), String> {
    let mut queue = "soh-webhooks".to_owned();
    let mut kind: Option<WebhookKind> = None;
    let mut files = Vec::new();
    let mut words = std::env::args().skip(1);
    while let Some(word) = words.next() {
        match word.as_str() {
            "-h" | "--help" => return Err(USAGE.to_owned()),
            "--queue" => queue = words.next().ok_or("--queue needs a name")?,
            "--kind" => {
                let name = words.next().ok_or("--kind needs a kind name")?;
                kind = Some(name.parse().map_err(|e| format!("--kind: {e}"))?);
            }
            file => files.push(file.to_owned()),
        }
    }
    if files.is_empty() {
        return Err(USAGE.to_owned());
    }
    let queue = ShortString::try_new(queue).map_err(|e| e.to_string())?;
    let mut properties = BasicProperties::default().with_delivery_mode(2);
    if let Some(kind) = kind {
        let mut headers = FieldTable::default();
        headers.insert(
            ShortString::from(KIND_HEADER),
            AMQPValue::LongString(LongString::from(kind.name())),
        );
        properties = properties.with_headers(headers);
    }
    let addr = std::env::var("AMQP_ADDR").unwrap_or_else(|_| DEFAULT_ADDR.to_owned());
    let connection = Connection::connect(&addr, ConnectionProperties::default())
        .await
        .map_err(|e| format!("cannot connect to {addr}: {e}"))?;
    let channel = connection
        .create_channel()
        .await
        .map_err(|e| e.to_string())?;
    channel
        .confirm_select(ConfirmSelectOptions::default())
        .await
        .map_err(|e| e.to_string())?;
    for file in &files {
        let body = std::fs::read(file).map_err(|e| format!("{file}: {e}"))?;
        let options = BasicPublishOptions {
            mandatory: true,
            ..BasicPublishOptions::default()
        };
        let confirm = channel
            .basic_publish(
                ShortString::from(""),
                queue.clone(),
                options,
                &body,
                properties.clone(),
            )
            .await
            .map_err(|e| format!("{file}: {e}"))?
            .await
            .map_err(|e| format!("{file}: {e}"))?;
        if !confirm.is_ack() || confirm.take_message().is_some() {
            return Err(format!("{file}: not taken (does the queue {queue} exist?)"));
        }
        println!("published {file} ({} bytes) to {queue}", body.len());
    }
    connection
        .close(200, ShortString::from("OK"))
        .await
        .map_err(|e| e.to_string())
}

#[tokio::main]
async fn main() -> ExitCode {
    match run().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("soh-publish: {message}");
            ExitCode::FAILURE
        }
    }
}
