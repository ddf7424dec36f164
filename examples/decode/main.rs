//! Decodes a webhook body and shows what it says.
//!
//! ```text
//! cargo run --example decode -- fixtures/mykaarma/appointment.wire.json
//! cargo run --example decode -- --kind cost-proposal fixtures/service_order_hub/cost-proposal.json
//! cargo run --example decode -- --json < body.json
//! cargo run --example decode -- --audit captured/
//! ```
//!
//! Reads the body from the file named, or from standard input when no file (or `-`) is given.
//! Without `--kind` the body is a myKaarma event, or, when it carries none of an event's keys,
//! a Service Order Hub webhook told by its keys (`Webhook::detect`); with `--kind KIND` it is
//! the Service Order Hub webhook KIND, since those bodies carry no kind (`--help` lists the
//! kinds). Prints the key facts; with `--json`, prints the body encoded back instead. Bad
//! input prints the error with its JSON path and exits 1.
//!
//! `--audit FILE|DIR` prints the drift report ([`aftersales_webhooks::audit`]) of one body or
//! of every `.json` or `.body` file under a folder: totals per kind of drift, each path with a count and one
//! example; `--json` prints it for machines. It exits 0 when every body decoded clean, 1 when
//! something drifted, 2 when a body did not decode.

use std::io::Read;
use std::process::ExitCode;

mod audit;
mod mykaarma;
mod service_order_hub;

use aftersales_webhooks::mykaarma::{DataTypeKind, Envelope};
use aftersales_webhooks::service_order_hub::{DetectError, Webhook, WebhookKind};

const USAGE: &str = "usage: decode [--json] [--kind SERVICE_ORDER_HUB_KIND] [FILE | -]\n       decode --audit FILE|DIR [--json] [--kind SERVICE_ORDER_HUB_KIND]";

/// The usage, with every kind of both vendors, from the crate's kind tables.
fn help() -> String {
    let mykaarma: Vec<&str> = DataTypeKind::MODELLED
        .iter()
        .filter_map(|kind| kind.canonical())
        .collect();
    let soh: Vec<&str> = WebhookKind::ALL.iter().map(|kind| kind.name()).collect();
    format!(
        "{USAGE}\n\n\
         Decodes a webhook body (from FILE, or standard input) and shows its key facts.\n\
         \n\
         myKaarma events carry their kind ({}); other kinds are kept as raw JSON.\n\
         Service Order Hub bodies carry none: give it with --kind, one of\n  {}\n\
         or leave it out to tell the kind by the body's keys.\n\
         \n\
         --json  print the body encoded back instead\n\
         Exit codes: 0 decoded, 1 the body does not decode, 2 bad arguments or unreadable input.\n\
         \n\
         --audit FILE|DIR  report what the models did not understand in one body, or in every\n\
         \x20                 .json or .body file under DIR (unknown keys and values, numbers as strings, older\n\
         \x20                 time formats, kinds kept raw); --json for machines.\n\
         \x20                 Exit codes: 0 clean, 1 drift found, 2 a body does not decode.",
        mykaarma.join(", "),
        soh.join(", ")
    )
}

fn main() -> ExitCode {
    let mut json = false;
    let mut file = None;
    let mut kind = None;
    let mut audit_target = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--json" => json = true,
            "--audit" => {
                let Some(target) = args.next() else {
                    eprintln!("{USAGE}");
                    return ExitCode::from(2);
                };
                audit_target = Some(target);
            }
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
                println!("{}", help());
                return ExitCode::SUCCESS;
            }
            _ if file.is_none() => file = Some(arg),
            _ => {
                eprintln!("{USAGE}");
                return ExitCode::from(2);
            }
        }
    }
    if let Some(target) = audit_target {
        if file.is_some() {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
        return audit::run(std::path::Path::new(&target), kind, json);
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
        None => decode_any(&body),
        Some(kind) => Webhook::decode(kind, &body)
            .map(|webhook| Decoded::ServiceOrderHub(Box::new(webhook)))
            .map_err(|e| e.to_string()),
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
            Decoded::MyKaarma(event) => serde_json::to_string_pretty(&**event),
            Decoded::ServiceOrderHub(webhook) => serde_json::to_string_pretty(&**webhook),
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
    MyKaarma(Box<Envelope>),
    ServiceOrderHub(Box<Webhook>),
}

/// A body of unknown kind: a myKaarma event, or a Service Order Hub webhook told by its keys
/// when the body carries none of an event's keys.
fn decode_any(body: &[u8]) -> Result<Decoded, String> {
    let error = match aftersales_webhooks::from_slice::<Envelope>(body) {
        Ok(event) => return Ok(Decoded::MyKaarma(Box::new(event))),
        Err(error) => error,
    };
    match Webhook::detect(body) {
        Ok(webhook) => Ok(Decoded::ServiceOrderHub(Box::new(webhook))),
        Err(DetectError::Ambiguous(kinds)) => {
            let names: Vec<&str> = kinds.iter().map(|kind| kind.name()).collect();
            Err(format!(
                "a Service Order Hub webhook that fits {}: pass --kind",
                names.join(" or ")
            ))
        }
        // Not a Service Order Hub webhook either: what was wrong with it as an event.
        Err(DetectError::NoKind) => Err(error.to_string()),
        Err(other) => Err(other.to_string()),
    }
}

/// The value, or `-` when there is none.
fn or_dash(value: Option<impl std::fmt::Display>) -> String {
    value.map_or_else(|| "-".to_owned(), |v| v.to_string())
}
