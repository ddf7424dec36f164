//! Which webhook a message is: from its header, the consumer's configured kind, its routing
//! key, or its body's keys.

use std::fmt;

use aftersales_webhooks::service_order_hub::{DetectError, Webhook, WebhookKind};
use lapin::types::{AMQPValue, FieldTable};

/// The message header that names a message's kind, with a kebab-case kind name
/// (`case-updated`, `new-message`, …; see [`WebhookKind`]).
pub const KIND_HEADER: &str = "webhook-kind";

/// Where the kind a message was decoded as came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum KindSource {
    /// The [`KIND_HEADER`] message header.
    Header,
    /// The kind configured for the whole queue ([`crate::Consumer::kind`]).
    Queue,
    /// The routing key, which is a kind name (a direct or topic exchange routing by kind).
    RoutingKey,
    /// The body's keys ([`Webhook::detect`]).
    Detected,
}

impl fmt::Display for KindSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Header => "header",
            Self::Queue => "queue",
            Self::RoutingKey => "routing key",
            Self::Detected => "detected",
        })
    }
}

/// Why a message was not decoded. None of these quote the body: it holds personal data.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DecodeFailure {
    /// The [`KIND_HEADER`] header is there but names no kind (or is not text); the text is
    /// cut to 64 bytes.
    #[error("header {KIND_HEADER} names no webhook kind: {0:?}")]
    UnknownKindHeader(String),
    /// The body is not a webhook of the kind the message was given (by its header, the
    /// queue or its routing key). The error names the JSON path.
    #[error("does not decode as {kind} (kind from the {kind_source}): {error}")]
    Decode {
        /// The kind the message was decoded as.
        kind: WebhookKind,
        /// Where that kind came from.
        kind_source: KindSource,
        /// The decoding error, with the JSON path.
        error: aftersales_webhooks::Error,
    },
    /// Nothing named the kind and the body did not tell it (not JSON, no kind's keys, or
    /// the keys of more than one kind).
    #[error("no kind given, and the body does not tell it: {0}")]
    Detect(DetectError),
}

/// Decodes a message by the first kind found: its [`KIND_HEADER`] header, then the queue's
/// configured kind, then its routing key (when the key is a kind name), and otherwise by the
/// body's keys.
///
/// # Errors
/// See [`DecodeFailure`].
pub fn decode(
    headers: Option<&FieldTable>,
    queue_kind: Option<WebhookKind>,
    routing_key: &str,
    body: &[u8],
) -> Result<(Webhook, KindSource), DecodeFailure> {
    let given = match header_kind(headers)? {
        Some(kind) => Some((kind, KindSource::Header)),
        None => queue_kind
            .map(|kind| (kind, KindSource::Queue))
            .or_else(|| Some((routing_key.parse().ok()?, KindSource::RoutingKey))),
    };
    match given {
        Some((kind, kind_source)) => Webhook::decode(kind, body)
            .map(|webhook| (webhook, kind_source))
            .map_err(|error| DecodeFailure::Decode {
                kind,
                kind_source,
                error,
            }),
        None => Webhook::detect(body)
            .map(|webhook| (webhook, KindSource::Detected))
            .map_err(DecodeFailure::Detect),
    }
}

/// The kind the [`KIND_HEADER`] header names, if the message has that header.
fn header_kind(headers: Option<&FieldTable>) -> Result<Option<WebhookKind>, DecodeFailure> {
    let Some(value) = headers.and_then(|headers| headers.inner().get(KIND_HEADER)) else {
        return Ok(None);
    };
    let text = match value {
        AMQPValue::LongString(text) => String::from_utf8_lossy(text.as_bytes()).into_owned(),
        AMQPValue::ShortString(text) => text.as_str().to_owned(),
        other => format!("{other:?}"),
    };
    text.parse()
        .map(Some)
        .map_err(|_| DecodeFailure::UnknownKindHeader(excerpt(text)))
}

/// At most 64 bytes of a header's text, cut at a character boundary.
fn excerpt(mut text: String) -> String {
    if text.len() > 64 {
        let end = (0..=64).rev().find(|i| text.is_char_boundary(*i));
        text.truncate(end.unwrap_or(0));
        text.push('…');
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use lapin::types::{LongString, ShortString};

    fn fixture(name: &str) -> Vec<u8> {
        let path = format!(
            "{}/../../fixtures/service_order_hub/{name}",
            env!("CARGO_MANIFEST_DIR")
        );
        std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    fn header(value: AMQPValue) -> FieldTable {
        let mut headers = FieldTable::default();
        headers.insert(ShortString::from(KIND_HEADER), value);
        headers
    }

    fn kind_header(name: &str) -> FieldTable {
        header(AMQPValue::LongString(LongString::from(name)))
    }

    #[test]
    fn the_header_comes_first() {
        let body = fixture("new-message.json");
        let headers = kind_header("message-confirmed");
        let (webhook, source) = decode(
            Some(&headers),
            Some(WebhookKind::NewMessage),
            "new-message",
            &body,
        )
        .unwrap();
        assert_eq!(webhook.kind(), WebhookKind::MessageConfirmed);
        assert_eq!(source, KindSource::Header);
    }

    #[test]
    fn a_short_string_header_works_too() {
        let body = fixture("invoice.json");
        let headers = header(AMQPValue::ShortString(ShortString::from("invoice")));
        let (webhook, _) = decode(Some(&headers), None, "", &body).unwrap();
        assert_eq!(webhook.kind(), WebhookKind::Invoice);
    }

    #[test]
    fn then_the_queue_kind_then_the_routing_key() {
        let body = fixture("new-message.json");
        let (webhook, source) = decode(
            None,
            Some(WebhookKind::NewMessage),
            "message-confirmed",
            &body,
        )
        .unwrap();
        assert_eq!(
            (webhook.kind(), source),
            (WebhookKind::NewMessage, KindSource::Queue)
        );
        let (webhook, source) = decode(None, None, "message-confirmed", &body).unwrap();
        assert_eq!(
            (webhook.kind(), source),
            (WebhookKind::MessageConfirmed, KindSource::RoutingKey)
        );
    }

    #[test]
    fn a_routing_key_that_is_no_kind_leaves_it_to_the_body() {
        let body = fixture("case-updated.json");
        let (webhook, source) = decode(None, None, "soh-webhooks", &body).unwrap();
        assert_eq!(
            (webhook.kind(), source),
            (WebhookKind::CaseUpdated, KindSource::Detected)
        );
        let body = fixture("new-message.json");
        let failure = decode(None, None, "soh-webhooks", &body).unwrap_err();
        assert!(matches!(
            failure,
            DecodeFailure::Detect(DetectError::Ambiguous(_))
        ));
    }

    #[test]
    fn a_header_naming_no_kind_is_a_failure_not_a_guess() {
        let body = fixture("case-updated.json");
        let headers = kind_header("case-update");
        let failure = decode(Some(&headers), None, "case-updated", &body).unwrap_err();
        assert_eq!(
            failure,
            DecodeFailure::UnknownKindHeader("case-update".to_owned())
        );
        let headers = header(AMQPValue::LongLongInt(7));
        let failure = decode(Some(&headers), None, "", &body).unwrap_err();
        assert!(matches!(failure, DecodeFailure::UnknownKindHeader(_)));
        let long = kind_header(&"é".repeat(100));
        let DecodeFailure::UnknownKindHeader(text) =
            decode(Some(&long), None, "", &body).unwrap_err()
        else {
            panic!("expected an unknown kind header");
        };
        assert_eq!(text, format!("{}…", "é".repeat(32)));
    }

    #[test]
    fn the_wrong_kind_names_the_path_and_never_the_body() {
        let body = fixture("cost-proposal.json");
        let headers = kind_header("invoice");
        let failure = decode(Some(&headers), None, "", &body).unwrap_err();
        let text = failure.to_string();
        assert!(
            text.starts_with(
                "does not decode as invoice (kind from the header): (root): not an invoice"
            ),
            "{text}"
        );
        assert!(!text.contains("f5afa004"), "{text}");
    }
}
