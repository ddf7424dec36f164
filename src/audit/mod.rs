//! Drift reports: what a body carried that the models did not understand.
//!
//! Decoding is tolerant by design: unknown keys are ignored or kept verbatim, enum values the
//! docs don't list are kept as text, numbers sent as strings are read, times in older formats
//! are read, kinds this crate does not model are kept raw. That keeps an endpoint up when a
//! vendor changes its payloads, and it also hides the change. An audit decodes a body as
//! [`from_slice`](crate::from_slice) does and lists every such place, with its JSON path
//! (through the embedded payload of a myKaarma event), so that a job over captured traffic
//! can tell when a vendor changed something.
//!
//! ```
//! use aftersales_webhooks::audit::{self, Drift};
//!
//! let body = br#"{"id":"e1","timestamp":1728542293678,"type":"customers",
//!     "payload":"{\"customerWithVehicles\":{\"customer\":{\"firstName\":\"Ada\",\"loyalty\":3}}}"}"#;
//! let report = audit::envelope(body)?;
//! assert_eq!(report.findings.len(), 1);
//! assert_eq!(report.findings[0].path, "payload.customerWithVehicles.customer.loyalty");
//! assert_eq!(report.findings[0].drift, Drift::UnknownKey);
//! # Ok::<(), aftersales_webhooks::Error>(())
//! ```
//!
//! An audit costs more than a decode (one decode per finding, and a tracked one), and the
//! ordinary decode pays nothing for it: run it over captured bodies, not on every request.
//! `cargo run --example decode -- --audit DIR` does that for a folder.

mod sink;

pub(crate) use sink::{decode_body, decode_embedded, note, note_key, unknown_value};

use serde::Serialize;

use crate::Error;
use crate::mykaarma::{Envelope, Payload};
use crate::service_order_hub::{Webhook, WebhookKind};

/// At most this many findings are named per body; a report that stops there says so in
/// [`Report::truncated`]. Each finding costs a decode of the body.
pub const MAX_FINDINGS: usize = 1000;

/// Everything one body carried that the models did not understand: the values in the order
/// the decode met them, then the keys no model read.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Report {
    /// The findings, each with its path.
    pub findings: Vec<Finding>,
    /// Whether the body had more than [`MAX_FINDINGS`] findings, and only those are named.
    pub truncated: bool,
}

impl Report {
    /// Whether the body carried nothing the models did not understand.
    pub fn is_clean(&self) -> bool {
        self.findings.is_empty()
    }
}

/// One place where a body drifted from what the docs describe.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Finding {
    /// The JSON path of the value (`payload.mpiSections[0].items[2].status`); for a key no
    /// model read, the path of the key itself.
    pub path: String,
    /// What drifted.
    #[serde(flatten)]
    pub drift: Drift,
}

impl Finding {
    /// The path with every array index left out (`payload.mpiSections[].items[].status`), to
    /// count one drift across the items of a list and across bodies.
    pub fn pattern(&self) -> String {
        let mut pattern = String::with_capacity(self.path.len());
        let mut in_index = false;
        for c in self.path.chars() {
            match c {
                '[' => {
                    in_index = true;
                    pattern.push_str("[]");
                }
                ']' if in_index => in_index = false,
                _ if in_index => {}
                _ => pattern.push(c),
            }
        }
        pattern
    }
}

/// What kind of drift a [`Finding`] is. New kinds may be added: match with a wildcard arm.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "drift", rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Drift {
    /// A key no model reads: ignored by the model, or kept verbatim (an envelope's unknown
    /// top-level keys, the `other` map of an open model).
    UnknownKey,
    /// An open-enum value the docs don't list: it decoded to the kind `Other`.
    UnknownValue {
        /// The crate's type of the value (`OrderStatus`).
        of: &'static str,
        /// The value as sent.
        text: String,
    },
    /// A number that came as a string (`"60"` where the docs give `60`).
    NumberAsString {
        /// The number as sent, without its quotes.
        text: String,
    },
    /// A time in a format of the vendor's older payloads.
    LegacyTime {
        /// The format it came in.
        format: &'static str,
        /// The time as sent.
        text: String,
    },
    /// An event of a kind this crate does not model: its payload was kept as raw JSON.
    RawKind {
        /// The kind as sent.
        kind: String,
    },
}

/// Audits a myKaarma event: decodes it as `from_slice::<Envelope>` does and reports every key,
/// value and format the models did not understand, through the embedded payload.
///
/// # Errors
/// When the body does not decode, the same error [`from_slice`](crate::from_slice) gives.
pub fn envelope(body: &[u8]) -> Result<Report, Error> {
    let (event, mut report) = audit(|| sink::decode_body::<Envelope>(body))?;
    if let Payload::Other(_) = event.payload() {
        // The kind's unknown value and its raw payload are one finding: the kind.
        let at = report.findings.iter().position(|finding| {
            matches!(finding.drift, Drift::UnknownValue { of: "DataType", .. })
        });
        let path = at.map_or_else(|| "type".to_owned(), |at| report.findings.remove(at).path);
        let kind = event.kind().as_str().to_owned();
        report.findings.push(Finding {
            path,
            drift: Drift::RawKind { kind },
        });
    }
    Ok(report)
}

/// Audits a Service Order Hub webhook of kind `kind`: decodes it as [`Webhook::decode`] does
/// and reports every key, value and format the models did not understand.
///
/// # Errors
/// When the body does not decode as `kind`, the same error [`Webhook::decode`] gives.
pub fn webhook(kind: WebhookKind, body: &[u8]) -> Result<Report, Error> {
    audit(|| Webhook::decode_audited(kind, body)).map(|(_, report)| report)
}

/// Runs audit decodes until one meets no new finding.
fn audit<T>(decode: impl Fn() -> Result<T, Error>) -> Result<(T, Report), Error> {
    let mut report = Report::default();
    loop {
        let skip = report.findings.len();
        match sink::run(skip, &decode)? {
            sink::Outcome::Done(value, ignored) => {
                report
                    .findings
                    .extend(ignored.into_iter().map(|path| Finding {
                        path,
                        drift: Drift::UnknownKey,
                    }));
                return Ok((value, report));
            }
            sink::Outcome::Stopped(path, drift) => {
                if skip >= MAX_FINDINGS {
                    report.truncated = true;
                    return decode().map(|value| (value, report));
                }
                report.findings.push(Finding { path, drift });
            }
        }
    }
}
