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

/// A damaged body decodes to a value that re-encodes and decodes to an equal value, or fails
/// with a short error. Whether it decoded.
fn value_or_short_error<T: PartialEq + std::fmt::Debug + serde::Serialize>(
    body: &[u8],
    decode: &dyn Fn(&[u8]) -> Result<T, Error>,
    what: &str,
) -> bool {
    match decode(body) {
        Ok(value) => {
            let again = decode(&serde_json::to_vec(&value).unwrap()).unwrap();
            assert_eq!(again, value, "{what}");
            true
        }
        Err(error) => {
            assert_short(&error);
            false
        }
    }
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
            let what = format!("byte {at} ^ {flip:#04x}");
            decoded += usize::from(value_or_short_error(&bent, &envelope, &what));
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
    let in_time = format!(
        r#"{{"id":"1","timestamp":{digits},"type":"customers","payload":{{"customerWithVehicles":{{}}}}}}"#
    );
    assert_short(&envelope(in_time.as_bytes()).unwrap_err());
    let ignored = format!(
        r#"{{"id":"1","timestamp":1,"type":"customers","extra":{digits},"payload":{{"customerWithVehicles":{{}}}}}}"#
    );
    assert!(
        envelope(ignored.as_bytes()).is_ok(),
        "an unknown key's value is kept verbatim"
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
        envelope(b"{\"id\":\"1\0\",\"timestamp\":1,\"type\":\"customers\",\"payload\":{\"customerWithVehicles\":{}}}")
            .is_err()
    );
    let event =
        envelope(br#"{"id":"1\u0000","timestamp":1,"type":"customers","payload":{"customerWithVehicles":{}}}"#).unwrap();
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
    let paired = br#"{"id":"\ud83d\ude97","timestamp":1,"type":"customers","payload":{"customerWithVehicles":{}}}"#;
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

/// `[[[…]]]` and `{"a":{"a":…}}`, 100,000 levels deep.
fn deep_arrays() -> String {
    "[".repeat(100_000) + &"]".repeat(100_000)
}

fn deep_objects() -> String {
    r#"{"a":"#.repeat(100_000) + "1" + &"}".repeat(100_000)
}

#[test]
fn deep_nesting_outside_the_payload() {
    let plain =
        r#"{"id":"1","timestamp":1,"type":"customers","payload":{"customerWithVehicles":{}}}"#;
    let expected = envelope(plain.as_bytes()).unwrap();
    for deep in [deep_arrays(), deep_objects()] {
        // As the whole body: not an envelope.
        let error = envelope(deep.as_bytes()).unwrap_err();
        assert_short(&error);
        // Under a key no model knows: kept verbatim (read without recursing), and the event
        // is otherwise the same.
        let body = plain.replace(r#""payload""#, &format!(r#""zz":{deep},"payload""#));
        let mut event = envelope(body.as_bytes()).unwrap();
        assert_eq!(event.other.remove("zz").unwrap().get(), deep);
        assert_eq!(event, expected);
        // Under a modelled key: refused at serde_json's depth limit (128), not a stack overflow.
        let body = plain.replace(r#""id":"1""#, &format!(r#""id":{deep}"#));
        let error = envelope(body.as_bytes()).unwrap_err();
        assert_eq!(error.path(), "id");
        assert_short(&error);
    }
}

#[test]
fn deep_nesting_inside_the_payload_string_and_object() {
    for deep in [deep_arrays(), deep_objects()] {
        // Deep objects under a modelled key are unknown keys (`a`) inside it: skipped.
        let is_arrays = deep.starts_with('[');
        for (kind, key, decodes) in [
            ("customers", "customerWithVehicles", !is_arrays),
            ("customers", "zz", true), // a key the model does not know: skipped
            ("vehicles", "x", true),   // a kind the crate does not know: kept verbatim
        ] {
            let payload = match (kind, key) {
                ("customers", "zz") => format!(r#"{{"customerWithVehicles":{{}},"zz":{deep}}}"#),
                _ => format!(r#"{{"{key}":{deep}}}"#),
            };
            let as_string = serde_json::to_string(&payload).unwrap();
            for payload in [payload.clone(), as_string] {
                let body =
                    format!(r#"{{"id":"1","timestamp":1,"type":"{kind}","payload":{payload}}}"#);
                match envelope(body.as_bytes()) {
                    Ok(event) => {
                        assert!(decodes, "{kind}.{key} decoded");
                        let again = envelope(&serde_json::to_vec(&event).unwrap()).unwrap();
                        assert_eq!(again, event);
                        if let Payload::Other(raw) = event.payload() {
                            assert!(raw.get().len() > 200_000, "kept whole");
                        }
                    }
                    Err(error) => {
                        assert!(!decodes, "{kind}.{key}: {error}");
                        assert!(error.path().starts_with("payload.customerWithVehicles"));
                        assert_short(&error);
                    }
                }
            }
        }
    }
}

/// Every fixture cut short at many places (every byte of the small ones; a bounded number of
/// places in the large ones, to keep the suite quick), and a byte flipped at as many places:
/// a cut body is an error, a flipped one an error or a value that round-trips.
#[test]
fn every_fixture_truncated_and_bent() {
    fn check<T: PartialEq + std::fmt::Debug + serde::Serialize>(
        body: &[u8],
        decode: &dyn Fn(&[u8]) -> Result<T, Error>,
    ) -> usize {
        let body = body.trim_ascii_end();
        let step = body.len().div_ceil(500);
        let mut decoded = 0;
        for at in (0..body.len()).step_by(step) {
            assert_short(&decode(&body[..at]).expect_err("a strict prefix is not a whole body"));
            let mut bent = body.to_vec();
            bent[at] ^= [0x01, 0x20, 0x80][at % 3];
            decoded += usize::from(value_or_short_error(&bent, decode, &format!("byte {at}")));
        }
        decoded
    }
    let mut decoded = 0;
    for path in common::fixtures("mykaarma") {
        decoded += check(&std::fs::read(&path).unwrap(), &|b| envelope(b));
    }
    for path in common::fixtures("service_order_hub") {
        let kind = common::soh_kind(&path);
        decoded += check(&std::fs::read(&path).unwrap(), &|b| {
            Webhook::decode(kind, b)
        });
    }
    assert!(decoded > 0, "some flips (inside text) still decode");
}

#[test]
fn duplicate_keys_no_model_knows() {
    // Where the model ignores unknown keys, a duplicated one is ignored like a single one.
    let body = br#"{"id":"1","timestamp":1,"type":"customers","payload":{"customerWithVehicles":{},"zz":1,"zz":2}}"#;
    assert!(envelope(body).is_ok());
    // Where the model keeps unknown keys (the envelope; open_struct: the case-updated patch
    // and the case's objects), neither copy wins: the body is refused, as for a modelled key.
    let body = br#"{"id":"1","timestamp":1,"zz":1,"zz":2,"type":"customers","payload":{"customerWithVehicles":{}}}"#;
    let error = envelope(body).unwrap_err();
    assert!(error.message().contains("duplicate field `zz`"), "{error}");
    let error = from_slice::<CaseUpdated>(br#"{"guid":"g","zz":1,"zz":2}"#).unwrap_err();
    assert!(error.message().contains("duplicate field `zz`"), "{error}");
}

#[test]
fn an_array_where_an_object_is_expected() {
    // A modelled payload must be an object: an array is refused in either form, before or
    // after the kind. (A kind the crate does not know keeps whatever came.)
    for body in [
        r#"{"id":"1","timestamp":1,"type":"customers","payload":[null]}"#,
        r#"{"id":"1","timestamp":1,"type":"customers","payload":"[null]"}"#,
        r#"{"id":"1","timestamp":1,"payload":"[null]","type":"customers"}"#,
        r#"{"id":"1","timestamp":1,"payload":[null],"type":"customers"}"#,
        r#"{"id":"1","timestamp":1,"type":"customers","payload":" 7"}"#,
    ] {
        let error = envelope(body.as_bytes()).unwrap_err();
        assert_eq!(error.path(), "payload", "{body}");
        assert!(
            error
                .message()
                .contains("expected a customer event payload"),
            "{error}"
        );
    }
    let unknown = r#"{"id":"1","timestamp":1,"type":"vehicles","payload":"[null]"}"#;
    assert!(envelope(unknown.as_bytes()).is_ok());
    // serde's derive reads a nested object sent as an array by position, field by field: the
    // value is what the same fields under their names would give, and it re-encodes as an
    // object. It needs every field, in order (`customer`, `vehicles`, `addresses`). Pinned
    // here so that a change of this documented behaviour is seen.
    let positional = br#"{"id":"1","timestamp":1,"type":"customers","payload":{"customerWithVehicles":[{"firstName":"John"},[],null]}}"#;
    let named = br#"{"id":"1","timestamp":1,"type":"customers","payload":{"customerWithVehicles":{"customer":{"firstName":"John"},"vehicles":[]}}}"#;
    assert_eq!(envelope(positional).unwrap(), envelope(named).unwrap());
    let short = br#"{"id":"1","timestamp":1,"type":"customers","payload":{"customerWithVehicles":[{"firstName":"John"}]}}"#;
    let error = envelope(short).unwrap_err();
    assert_eq!(error.path(), "payload.customerWithVehicles");
    assert!(error.message().contains("invalid length 1"), "{error}");
}
