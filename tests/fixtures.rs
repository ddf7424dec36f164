//! Every documented example decodes, snapshots as reviewed, and re-encodes without loss.

mod common;

use aftersales_webhooks::from_slice;
use aftersales_webhooks::mykaarma::{Envelope, PayloadForm};
use aftersales_webhooks::service_order_hub::Webhook;

/// The decoded value of every fixture, as reviewed: types, variants, decimal scale.
#[test]
fn decoded_fixtures_match_their_snapshots() {
    insta::glob!("../fixtures", "mykaarma/*.json", |path| {
        let bytes = std::fs::read(path).unwrap();
        let event: Envelope =
            from_slice(&bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        insta::assert_debug_snapshot!(event);
    });
}

/// Decode → encode gives the same JSON tree, field for field, and decode again gives an equal
/// value.
#[test]
fn fixtures_round_trip_without_loss() {
    for path in common::fixtures("mykaarma") {
        let input = std::fs::read_to_string(&path).unwrap();
        let event: Envelope = from_slice(input.as_bytes()).unwrap();
        let encoded = serde_json::to_string(&event).unwrap();
        let diff = common::json_diff(&input, &encoded);
        assert!(diff.is_empty(), "{}:\n{}", path.display(), diff.join("\n"));
        let again: Envelope = from_slice(encoded.as_bytes()).unwrap();
        assert_eq!(again, event, "{}", path.display());
    }
}

/// The payload is written back in the form it came in: a string stays a string.
#[test]
fn payload_keeps_its_form() {
    for path in common::fixtures("mykaarma") {
        let event: Envelope = from_slice(&std::fs::read(&path).unwrap()).unwrap();
        let wire = path.to_string_lossy().ends_with(".wire.json");
        let expected = if wire {
            PayloadForm::Stringified
        } else {
            PayloadForm::Object
        };
        assert_eq!(event.payload_form(), expected, "{}", path.display());
        let encoded: serde_json::Value = serde_json::to_value(&event).unwrap();
        assert_eq!(encoded["payload"].is_string(), wire, "{}", path.display());
    }
}

/// Each example's wire form (stringified) and the docs' object form decode to the same event.
#[test]
fn wire_and_object_forms_agree() {
    for name in [
        "customer",
        "customer-legacy",
        "appointment",
        "appointment-legacy",
        "message",
        "message-text",
        "message-email",
        "message-note",
        "message-update",
    ] {
        let object: Envelope =
            from_slice(&common::fixture(&format!("mykaarma/{name}.json"))).unwrap();
        let wire: Envelope =
            from_slice(&common::fixture(&format!("mykaarma/{name}.wire.json"))).unwrap();
        assert_eq!(
            wire.with_payload_form(PayloadForm::Object),
            object,
            "{name}"
        );
    }
}

/// Every Service Order Hub fixture, decoded as the webhook its name says, as reviewed.
#[test]
fn service_order_hub_fixtures_match_their_snapshots() {
    insta::glob!("../fixtures", "service_order_hub/*.json", |path| {
        let bytes = std::fs::read(path).unwrap();
        let webhook = Webhook::decode(common::soh_kind(path), &bytes)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        insta::assert_debug_snapshot!(webhook);
    });
}

/// Every Service Order Hub fixture re-encodes to the same JSON tree and decodes again equal.
#[test]
fn service_order_hub_fixtures_round_trip_without_loss() {
    for path in common::fixtures("service_order_hub") {
        let input = std::fs::read_to_string(&path).unwrap();
        let kind = common::soh_kind(&path);
        let webhook = Webhook::decode(kind, input.as_bytes()).unwrap();
        assert_eq!(webhook.kind(), kind);
        let encoded = serde_json::to_string(&webhook).unwrap();
        let diff = common::json_diff(&input, &encoded);
        assert!(diff.is_empty(), "{}:\n{}", path.display(), diff.join("\n"));
        assert_eq!(
            Webhook::decode(kind, encoded.as_bytes()).unwrap(),
            webhook,
            "{}",
            path.display()
        );
    }
}
