//! Hostile input: every body gets a value or an error, within bounded time and memory, never a
//! panic; errors name at most an excerpt of the offending value.

mod common;

use aftersales_webhooks::mykaarma::{Envelope, Payload};
use aftersales_webhooks::service_order_hub::{CaseUpdated, Webhook, WebhookKind};
use aftersales_webhooks::{Error, from_slice};

fn envelope(body: &[u8]) -> Result<Envelope, Error> {
    from_slice(body)
}

/// Errors stay short whatever the input: the path, the message, an excerpt of the value.
fn assert_short(error: &Error) {
    let shown = error.to_string();
    assert!(
        shown.len() < 400,
        "error of {} bytes: {:.400}",
        shown.len(),
        shown
    );
}

#[test]
fn truncation_at_every_byte_is_an_error() {
    let body = common::fixture("mykaarma/appointment.wire.json");
    let body = body.trim_ascii_end();
    for end in 0..body.len() {
        let error = envelope(&body[..end]).expect_err("a strict prefix is not a whole body");
        assert_short(&error);
    }
    let invoice = common::fixture("service_order_hub/invoice.json");
    let invoice = invoice.trim_ascii_end();
    for end in 0..invoice.len() {
        assert!(
            Webhook::decode(WebhookKind::Invoice, &invoice[..end]).is_err(),
            "prefix of {end} bytes"
        );
    }
}

#[test]
fn a_flipped_byte_anywhere_gives_a_value_or_an_error_and_values_round_trip() {
    let body = common::fixture("mykaarma/appointment.wire.json");
    let mut decoded = 0;
    for at in 0..body.len() {
        for flip in [0x01_u8, 0x20, 0x80] {
            let mut bent = body.clone();
            bent[at] ^= flip;
            match envelope(&bent) {
                Ok(event) => {
                    decoded += 1;
                    let again = envelope(&serde_json::to_vec(&event).unwrap()).unwrap();
                    assert_eq!(again, event, "byte {at} ^ {flip:#04x}");
                }
                Err(error) => assert_short(&error),
            }
        }
    }
    assert!(decoded > 0, "some flips (inside text) still decode");
}

#[test]
fn a_payload_string_holding_another_stringified_payload() {
    let inner = r#"{"customerWithVehicles":{"customer":{"firstName":"John"}}}"#;
    let twice = serde_json::to_string(&serde_json::to_string(inner).unwrap()).unwrap();
    let body = format!(r#"{{"id":"1","timestamp":1,"type":"customers","payload":{twice}}}"#);
    let error = envelope(body.as_bytes()).unwrap_err();
    assert_eq!(error.path(), "payload");
    assert!(error.message().contains("invalid type: string"), "{error}");
    // A kind the crate does not know keeps it, and writes it back unchanged.
    let unknown = body.replace("customers", "vehicles");
    let event = envelope(unknown.as_bytes()).unwrap();
    assert!(matches!(event.payload(), Payload::Other(raw) if raw.get().starts_with('"')));
    assert!(common::json_diff(&unknown, &serde_json::to_string(&event).unwrap()).is_empty());
}

#[test]
fn fifty_megabyte_strings_decode_or_fail_briefly() {
    let huge = "x".repeat(50 << 20);
    let body = format!(
        r#"{{"id":"1","timestamp":1,"type":"customers","payload":{{"customerWithVehicles":{{"customer":{{"firstName":"{huge}"}}}}}}}}"#
    );
    let event = envelope(body.as_bytes()).unwrap();
    let Payload::Customer(customer) = event.payload() else {
        panic!()
    };
    assert_eq!(
        customer
            .customer()
            .unwrap()
            .first_name
            .as_ref()
            .unwrap()
            .len(),
        50 << 20
    );
    let bad = format!(
        r#"{{"id":"1","timestamp":1,"type":"appointments","payload":{{"appointmentInfoResponse":{{"startTime":"{huge}"}}}}}}"#
    );
    let error = envelope(bad.as_bytes()).unwrap_err();
    assert_eq!(error.path(), "payload.appointmentInfoResponse.startTime");
    assert_short(&error);
    assert!(error.message().contains("(52428800 bytes)"), "{error}");
}

#[test]
fn numbers_with_ten_thousand_digits() {
    let digits = "9".repeat(10_000);
    let in_money = format!(
        r#"{{"id":"1","timestamp":1,"type":"appointments","payload":{{"appointmentInfoResponse":{{"serviceList":[{{"price":{digits}}}]}}}}}}"#
    );
    let error = envelope(in_money.as_bytes()).unwrap_err();
    assert_eq!(
        error.path(),
        "payload.appointmentInfoResponse.serviceList[0].price"
    );
    assert_short(&error);
    let in_count = in_money.replace("price", "sortOrder");
    assert_short(&envelope(in_count.as_bytes()).unwrap_err());
    let in_time = format!(r#"{{"id":"1","timestamp":{digits},"type":"customers","payload":{{}}}}"#);
    assert_short(&envelope(in_time.as_bytes()).unwrap_err());
    let ignored =
        format!(r#"{{"id":"1","timestamp":1,"type":"customers","extra":{digits},"payload":{{}}}}"#);
    assert!(
        envelope(ignored.as_bytes()).is_ok(),
        "an unknown key's value is skipped"
    );
    let fraction = format!("0.{digits}");
    let in_cost = format!(r#"{{"priceNet":{fraction}}}"#);
    let error = Webhook::decode(WebhookKind::CostProposal, in_cost.as_bytes()).unwrap_err();
    assert_eq!(error.path(), "priceNet");
    assert_short(&error);
}

#[test]
fn a_byte_order_mark_is_refused() {
    let mut body = b"\xEF\xBB\xBF".to_vec();
    body.extend(common::fixture("mykaarma/customer.wire.json"));
    let error = envelope(&body).unwrap_err();
    assert_eq!((error.line(), error.column()), (1, 1), "{error}");
}

#[test]
fn nul_bytes_and_lone_surrogates() {
    // A raw NUL is not JSON; an escaped one is a character of the string.
    assert!(
        envelope(b"{\"id\":\"1\0\",\"timestamp\":1,\"type\":\"customers\",\"payload\":{}}")
            .is_err()
    );
    let event =
        envelope(br#"{"id":"1\u0000","timestamp":1,"type":"customers","payload":{}}"#).unwrap();
    assert_eq!(event.id, "1\0");
    let lone = br#"{"id":"1","timestamp":1,"type":"customers","payload":{"customerWithVehicles":{"customer":{"firstName":"\ud800"}}}}"#;
    let error = envelope(lone).unwrap_err();
    assert_eq!(
        error.path(),
        "payload.customerWithVehicles.customer.firstName"
    );
    assert!(
        error.message().contains("escape") || error.message().contains("surrogate"),
        "{error}"
    );
    let paired = br#"{"id":"\ud83d\ude97","timestamp":1,"type":"customers","payload":{}}"#;
    assert_eq!(envelope(paired).unwrap().id, "🚗");
}

#[test]
fn deep_nesting_in_a_patch_is_refused_or_kept_without_recursion() {
    let deep = "[".repeat(100_000) + &"]".repeat(100_000);
    let typed = format!(r#"{{"guid":"g","productData":{{"accessory":{deep}}}}}"#);
    let error = from_slice::<CaseUpdated>(typed.as_bytes()).unwrap_err();
    assert!(error.path().starts_with("productData.accessory"), "{error}");
    // Under a key kept verbatim, the value is captured without recursing.
    let kept = format!(r#"{{"guid":"g","orderData":{{"partnerSpecific":{deep}}}}}"#);
    let update: CaseUpdated = from_slice(kept.as_bytes()).unwrap();
    assert!(
        update
            .order_data
            .value()
            .unwrap()
            .partner_specific
            .value()
            .unwrap()
            .get()
            .len()
            == 200_000
    );
}
