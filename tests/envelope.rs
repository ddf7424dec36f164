//! The envelope's own behaviour: deduplication, ordering, construction, authorization.

mod common;

use std::collections::HashSet;

use aftersales_webhooks::from_slice;
use aftersales_webhooks::mykaarma::{
    AUTHORIZATION_HEADER, AuthorizationToken, DataType, DedupKey, Envelope, KindKeys, Payload,
    PayloadForm,
};
use chrono::{TimeZone, Utc};

fn event(name: &str) -> Envelope {
    from_slice(&common::fixture(&format!("mykaarma/{name}"))).unwrap()
}

#[test]
fn redelivered_events_share_a_dedup_key() {
    let first = event("appointment-legacy.wire.json");
    let again = event("appointment-legacy.json");
    let mut seen = HashSet::new();
    assert!(seen.insert(first.dedup_key()));
    assert!(
        !seen.insert(again.dedup_key()),
        "a redelivery is a duplicate"
    );
    assert_eq!(
        first.dedup_key().to_string(),
        "75b14842-52f7-4092-ad13-15162264da42/pointintime"
    );
}

#[test]
fn dedup_key_ignores_the_spelling_of_the_event_type() {
    let json = String::from_utf8(common::fixture("mykaarma/customer-legacy.json")).unwrap();
    let a: Envelope = from_slice(json.as_bytes()).unwrap();
    let b: Envelope = from_slice(json.replace("pointintime", "pointInTime").as_bytes()).unwrap();
    assert_eq!(a.dedup_key(), b.dedup_key());
    assert_eq!(HashSet::from([a.dedup_key(), b.dedup_key()]).len(), 1);
    let c: Envelope = from_slice(json.replace("\"pointintime\"", "null").as_bytes()).unwrap();
    assert_ne!(a.dedup_key(), c.dedup_key());
}

#[test]
fn timestamps_order_out_of_order_deliveries_per_subject() {
    let older = event("customer-legacy.json");
    let newer = event("customer.json");
    assert!(newer.is_newer_than(&older) || older.is_newer_than(&newer));
    assert!(!older.is_newer_than(&older), "a tie is not newer");
    assert_eq!(
        older.payload().subject(),
        Some("NjBuU_4VccfPr_hgA3s25QVzcJ0kzTMwZsCFYusRns4")
    );
    assert_eq!(
        event("appointment.json").payload().subject(),
        Some("Nb8hEtSrXwOq2mV5dZfBjG7cYpKu3IAixRgTlPnCa0e")
    );
}

#[test]
fn an_event_built_in_code_encodes_as_the_wire_does() {
    let payload = event("customer.json").into_payload();
    let at = Utc.timestamp_millis_opt(1_728_542_293_678).unwrap();
    let built = Envelope::new("a7b9", at, DataType::new("customers"), payload.clone()).unwrap();
    assert_eq!(built.payload_form(), PayloadForm::Stringified);
    let encoded: serde_json::Value = serde_json::to_value(&built).unwrap();
    assert_eq!(encoded["type"], "customers");
    assert_eq!(encoded["timestamp"], 1_728_542_293_678_i64);
    assert!(
        encoded["payload"]
            .as_str()
            .unwrap()
            .starts_with(r#"{"customerWithVehicles":"#)
    );
    assert_eq!(
        from_slice::<Envelope>(&serde_json::to_vec(&built).unwrap()).unwrap(),
        built
    );

    let legacy = built
        .clone()
        .with_kind_keys(KindKeys::DataType)
        .with_payload_form(PayloadForm::Object);
    let encoded: serde_json::Value = serde_json::to_value(&legacy).unwrap();
    assert!(encoded.get("type").is_none());
    assert_eq!(encoded["dataType"], "customers");
    assert!(encoded["payload"].is_object());

    let mismatch = Envelope::new("a7b9", at, DataType::new("appointments"), payload);
    assert!(mismatch.unwrap_err().to_string().contains("`appointments`"));
    let raw = Payload::Other(serde_json::from_str("{}").unwrap());
    assert!(Envelope::new("x", at, DataType::new("mpis"), raw).is_ok());
}

#[test]
fn payload_decodes_alone_given_its_kind() {
    let json = r#"{"customerWithVehicles":{"customer":{"customerUuid":"c1"}}}"#;
    let payload = Payload::decode(&DataType::new("customers"), json).unwrap();
    assert_eq!(payload.subject(), Some("c1"));
    let error =
        Payload::decode(&DataType::new("customers"), r#"{"customerWithVehicles":7}"#).unwrap_err();
    assert_eq!(error.path(), "customerWithVehicles");
    assert!(!error.is_in_payload());
}

#[test]
fn the_authorization_token_is_checked_exactly() {
    assert_eq!(AUTHORIZATION_HEADER, "x-authorization-token");
    let token = AuthorizationToken::new("shared-secret");
    assert!(token.verify("shared-secret"));
    assert!(token.verify(b"shared-secret"));
    for wrong in [
        "",
        "shared-secre",
        "shared-secret ",
        "Shared-secret",
        "shared-secret-and-more",
    ] {
        assert!(!token.verify(wrong), "{wrong:?}");
    }
    assert!(!format!("{token:?}").contains("shared"));
}

#[test]
fn dedup_keys_outlive_their_event_and_can_be_stored() {
    let mut seen = HashSet::new();
    {
        let first = event("customer-legacy.wire.json");
        seen.insert(first.dedup_key());
    }
    let again = event("customer-legacy.json");
    assert!(seen.contains(&again.dedup_key()));
    // Stored as JSON and read back, it is the same key, whatever the case it was stored in.
    let key = again.dedup_key();
    let stored = serde_json::to_string(&key).unwrap();
    assert_eq!(
        stored,
        format!(r#"{{"id":"{}","eventType":"pointintime"}}"#, again.id)
    );
    let read: DedupKey =
        serde_json::from_str(&stored.replace("pointintime", "pointInTime")).unwrap();
    assert_eq!(read, key);
    assert_eq!(read.event_type(), Some("pointintime"));
    assert_eq!(read.id(), again.id);
    let without = DedupKey::new("e-1", None);
    assert_eq!(without.to_string(), "e-1");
    assert_eq!(serde_json::to_string(&without).unwrap(), r#"{"id":"e-1"}"#);
}
