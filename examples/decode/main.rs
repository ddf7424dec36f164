//! Decodes a webhook body and shows what it says.
//!
//! ```text
//! cargo run --example decode -- fixtures/mykaarma/appointment.wire.json
//! cargo run --example decode -- --kind cost-proposal fixtures/service_order_hub/cost-proposal.json
//! cargo run --example decode -- --json < body.json
//! ```
//!
//! Reads the body from the file named, or from standard input when no file (or `-`) is given.
//! Without `--kind` the body is a myKaarma event; with `--kind KIND` it is the Service Order
//! Hub webhook KIND (`new-status`, `status-transition`, `cost-proposal`, `new-message`,
//! `message-confirmed`, `files-uploaded`, `case-updated`, `invoice`), since those bodies carry
//! no kind. Prints the key facts; with `--json`, prints the body encoded back instead. Bad
//! input prints the error with its JSON path and exits 1.

use std::io::Read;
use std::process::ExitCode;

mod mykaarma;
mod service_order_hub;

use aftersales_webhooks::mykaarma::Envelope;
use aftersales_webhooks::service_order_hub::{Webhook, WebhookKind};

const USAGE: &str = "usage: decode [--json] [--kind SERVICE_ORDER_HUB_KIND] [FILE | -]";

fn main() -> ExitCode {
    let mut json = false;
    let mut file = None;
    let mut kind = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--json" => json = true,
            "--kind" => match args.next().map(|name| name.parse::<WebhookKind>()) {
                Some(Ok(parsed)) => kind = Some(parsed),
                Some(Err(e)) => {
                    eprintln!("decode: {e}");
                    return ExitCode::from(2);
                }
                None => {
                    eprintln!("{USAGE}");
                    return ExitCode::from(2);
                }
            },
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            _ if file.is_none() => file = Some(arg),
            _ => {
                eprintln!("{USAGE}");
                return ExitCode::from(2);
            }
        }
    }
    let body = match file.as_deref() {
        None | Some("-") => {
            let mut body = Vec::new();
            std::io::stdin().read_to_end(&mut body).map(|_| body)
        }
        Some(path) => std::fs::read(path),
    };
    let body = match body {
        Ok(body) => body,
        Err(e) => {
            eprintln!(
                "decode: cannot read {}: {e}",
                file.as_deref().unwrap_or("standard input")
            );
            return ExitCode::from(2);
        }
    };
    let decoded = match kind {
        None => aftersales_webhooks::from_slice::<Envelope>(&body).map(Decoded::MyKaarma),
        Some(kind) => Webhook::decode(kind, &body).map(Decoded::ServiceOrderHub),
    };
    let decoded = match decoded {
        Ok(decoded) => decoded,
        Err(e) => {
            eprintln!("decode: {e}");
            return ExitCode::FAILURE;
        }
    };
    if json {
        let text = match &decoded {
            Decoded::MyKaarma(event) => serde_json::to_string_pretty(event),
            Decoded::ServiceOrderHub(webhook) => serde_json::to_string_pretty(webhook),
        };
        match text {
            Ok(text) => println!("{text}"),
            Err(e) => {
                eprintln!("decode: cannot encode: {e}");
                return ExitCode::FAILURE;
            }
        }
    } else {
        match &decoded {
            Decoded::MyKaarma(event) => mykaarma::show(event),
            Decoded::ServiceOrderHub(webhook) => service_order_hub::show(webhook),
        }
    }
    ExitCode::SUCCESS
}

enum Decoded {
    MyKaarma(Envelope),
    ServiceOrderHub(Webhook),
}

/// The value, or `-` when there is none.
fn or_dash(value: Option<impl std::fmt::Display>) -> String {
    value.map_or_else(|| "-".to_owned(), |v| v.to_string())
}
