//! The command line: `--listen`, `--dead-letter-dir`, `--max-body-bytes`.

use std::net::SocketAddr;
use std::path::PathBuf;

use aftersales_webhooks::axum::DEFAULT_BODY_LIMIT;

/// What `--help` prints.
pub const USAGE: &str = "\
Receives myKaarma and Service Order Hub webhooks over HTTP.

Usage: receiver [--listen ADDR] [--dead-letter-dir DIR] [--max-body-bytes N]

Routes:
  POST /mykaarma                   myKaarma events
  POST /service-order-hub/{kind}   Service Order Hub webhooks (kind: new-status, invoice, ...)

Options:
  --listen ADDR           address to listen on [default: 127.0.0.1:8080]
  --dead-letter-dir DIR   where bodies that do not decode are kept [default: dead-letters]
  --max-body-bytes N      largest body accepted, in bytes [default: 2097152]
  -h, --help              print this

Environment:
  MYKAARMA_TOKEN          the x-authorization-token agreed with myKaarma (required)
  MYKAARMA_SIGNING_KEY    the key of the mykaarma-signature-token header (today the API
                          username); when set, every myKaarma request must be signed with it
  SOH_HEADER_NAME         the constant header configured for Service Order Hub deliveries,
  SOH_HEADER_VALUE        and its value (both or neither; without, no header is checked)

Logs (stderr): one line per event or refused request, never a body.
Events (stdout): one JSON line per event handled, as the vendor sent it.
";

/// The options of a run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// The address to listen on.
    pub listen: SocketAddr,
    /// Where undecodable bodies are kept.
    pub dead_letter_dir: PathBuf,
    /// The largest body accepted.
    pub max_body_bytes: usize,
}

/// What the command line asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// Receive, with these options.
    Run(Options),
    /// Print the usage.
    Help,
}

/// Reads the arguments (without the program name).
pub fn parse(args: impl IntoIterator<Item = String>) -> Result<Command, String> {
    let mut options = Options {
        listen: SocketAddr::from(([127, 0, 0, 1], 8080)),
        dead_letter_dir: PathBuf::from("dead-letters"),
        max_body_bytes: DEFAULT_BODY_LIMIT,
    };
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let (name, inline) = match arg.split_once('=') {
            Some((name, value)) if name.starts_with("--") => {
                (name.to_owned(), Some(value.to_owned()))
            }
            _ => (arg, None),
        };
        let mut value = || {
            inline
                .clone()
                .or_else(|| args.next())
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match name.as_str() {
            "-h" | "--help" => return Ok(Command::Help),
            "--listen" => {
                let text = value()?;
                options.listen = text.parse().map_err(|e| {
                    format!("--listen {text}: {e} (expected an address such as 127.0.0.1:8080)")
                })?;
            }
            "--dead-letter-dir" => options.dead_letter_dir = PathBuf::from(value()?),
            "--max-body-bytes" => {
                let text = value()?;
                options.max_body_bytes = text
                    .parse()
                    .map_err(|e| format!("--max-body-bytes {text}: {e}"))?;
            }
            other => return Err(format!("unknown argument {other:?} (see --help)")),
        }
    }
    Ok(Command::Run(options))
}
