//! Bad input: every fault is an `Error` whose message starts with the JSON path, never a panic.

mod common;

use aftersales_webhooks::mykaarma::Envelope;
use aftersales_webhooks::{Category, Error, from_slice};

fn decode(body: &[u8]) -> Error {
    match from_slice::<Envelope>(body) {
        Ok(event) => panic!("decoded {event:?}"),
        Err(e) => e,
    }
}

/// The appointment example in wire form, with one edit made to its payload.
fn appointment_wire_with(edit: impl Fn(&str) -> String) -> Vec<u8> {
    let body = common::fixture("mykaarma/appointment.wire.json");
    let mut envelope: serde_json::Map<String, serde_json::Value> =
        serde_json::from_slice(&body).unwrap();
    let payload = envelope["payload"].as_str().unwrap();
    let edited = edit(payload);
    assert_ne!(edited, payload, "the edit changed nothing");
    envelope.insert("payload".into(), edited.into());
    serde_json::to_vec(&envelope).unwrap()
}

#[test]
fn a_bad_time_inside_the_stringified_payload_is_named_by_its_full_path() {
    let body =
        appointment_wire_with(|p| p.replace("\"2025-09-27 15:00:00\"", "\"27/09/2025 15:00\""));
    let error = decode(&body);
    assert_eq!(error.path(), "payload.appointmentInfoResponse.startTime");
    assert!(error.is_in_payload());
    assert_eq!(error.category(), Category::Data);
    let shown = error.to_string();
    assert!(
        shown.starts_with("payload.appointmentInfoResponse.startTime: invalid date and time"),
        "{shown}"
    );
    assert!(shown.contains("\"27/09/2025 15:00\""), "{shown}");
    assert!(shown.ends_with("of the payload"), "{shown}");
    assert_eq!(error.line(), 1);
    assert!(error.column() > 1);
}

#[test]
fn a_bad_value_inside_the_object_payload_is_named_by_its_full_path() {
    let body = String::from_utf8(common::fixture("mykaarma/appointment.json")).unwrap();
    let body = body.replace("\"price\": null", "\"price\": \"twenty\"");
    let error = decode(body.as_bytes());
    assert_eq!(
        error.path(),
        "payload.appointmentInfoResponse.serviceList[0].price"
    );
    assert!(error.message().contains("\"twenty\""), "{error}");
}

#[test]
fn truncated_json_is_an_eof_error() {
    let body = common::fixture("mykaarma/customer.wire.json");
    let error = decode(&body[..body.len() / 2]);
    assert_eq!(error.category(), Category::Eof);
    assert_eq!(error.path(), "payload");
}

#[test]
fn a_truncated_payload_string_is_named() {
    let body = appointment_wire_with(|p| p[..p.len() / 2].to_owned());
    let error = decode(&body);
    assert_eq!(error.category(), Category::Eof);
    assert!(error.is_in_payload());
    assert!(error.path().starts_with("payload."), "{error}");
}

#[test]
fn a_payload_string_that_is_not_json() {
    let error = decode(br#"{"id":"1","timestamp":1,"type":"customers","payload":"not json"}"#);
    assert_eq!(error.path(), "payload");
    assert_eq!(error.category(), Category::Syntax);
    assert!(
        error.to_string().starts_with("payload: expected"),
        "{error}"
    );
}

#[test]
fn a_payload_of_the_wrong_shape() {
    // A modelled payload is an object: an array is refused whole, not read by position.
    let error = decode(br#"{"id":"1","timestamp":1,"type":"customers","payload":"[1,2]"}"#);
    assert_eq!(error.path(), "payload");
    assert_eq!(
        error.message(),
        "invalid type: sequence, expected a customer event payload (a JSON object)"
    );
    assert!(error.is_in_payload());
    let error = decode(br#"{"id":"1","timestamp":1,"type":"customers","payload":"\"text\""}"#);
    assert_eq!(error.path(), "payload");
    assert!(
        error
            .message()
            .contains("expected a customer event payload"),
        "{error}"
    );
    let error = decode(br#"{"id":"1","timestamp":1,"type":"appointments","payload":{"appointmentInfoResponse":[]}}"#);
    assert_eq!(error.path(), "payload.appointmentInfoResponse");
    let error = decode(br#"{"id":"1","timestamp":1,"type":"customers","payload":null}"#);
    assert_eq!(error.path(), "payload");
}

#[test]
fn a_timestamp_that_is_text_or_out_of_range() {
    let error = decode(br#"{"id":"1","timestamp":"yesterday","type":"customers","payload":{"customerWithVehicles":{}}}"#);
    assert_eq!(error.path(), "timestamp");
    assert!(error.message().contains("\"yesterday\""), "{error}");
    let error =
        decode(br#"{"id":"1","timestamp":9223372036854775807,"type":"customers","payload":{"customerWithVehicles":{}}}"#);
    assert_eq!(error.path(), "timestamp");
    let error =
        decode(br#"{"id":"1","timestamp":18446744073709551615,"type":"customers","payload":{"customerWithVehicles":{}}}"#);
    assert_eq!(error.path(), "timestamp");
    let error = decode(
        br#"{"id":"1","timestamp":1.5,"type":"customers","payload":{"customerWithVehicles":{}}}"#,
    );
    assert_eq!(error.path(), "timestamp");
}

#[test]
fn nesting_deep_enough_to_exhaust_a_stack_is_refused_not_a_crash() {
    let deep = "[".repeat(100_000) + &"]".repeat(100_000);
    // In a typed field, inside the stringified payload and inside the object payload.
    let inner = format!(r#"{{"customerWithVehicles":{deep}}}"#);
    let wire =
        serde_json::json!({"id": "1", "timestamp": 1, "type": "customers", "payload": inner});
    let error = decode(&serde_json::to_vec(&wire).unwrap());
    assert!(
        error.path().starts_with("payload.customerWithVehicles"),
        "{error}"
    );
    assert!(
        error.message().starts_with("invalid type: sequence"),
        "{error}"
    );
    let object = format!(r#"{{"id":"1","timestamp":1,"type":"customers","payload":{inner}}}"#);
    assert!(decode(object.as_bytes()).path().starts_with("payload"));
    // At the top level: the envelope refuses an array before reading into it.
    let error = decode(deep.as_bytes());
    assert!(
        error.message().starts_with("invalid type: sequence"),
        "{error}"
    );
    // Deep objects under an unknown key are kept verbatim, read iteratively; that the body
    // carries none of an envelope's keys is the fault.
    let objects = r#"{"x":"#.repeat(100_000) + "1" + &"}".repeat(100_000);
    assert!(
        decode(objects.as_bytes())
            .message()
            .starts_with("not a myKaarma event: it carries none of the keys it is known by"),
        "{}",
        decode(objects.as_bytes())
    );
}

#[test]
fn deep_nesting_in_an_ignored_field_is_skipped_without_recursion() {
    let deep = "[".repeat(100_000) + &"]".repeat(100_000);
    let body = format!(
        r#"{{"id":"1","timestamp":1,"type":"customers","extra":{deep},"payload":{{"customerWithVehicles":{{}},"x":{deep}}}}}"#
    );
    let event: Envelope = from_slice(body.as_bytes()).unwrap();
    assert_eq!(event.id, "1");
}

#[test]
fn invalid_utf8_is_refused() {
    let mut body = common::fixture("mykaarma/customer.json");
    let at = body
        .windows(4)
        .position(|w| w == b"John" || w == b"myKa")
        .unwrap();
    body[at] = 0xFF;
    let error = decode(&body);
    assert_eq!(error.category(), Category::Syntax);
    assert!(
        error.message().contains("UTF-8") || error.message().contains("unicode"),
        "{error}"
    );
}

#[test]
fn an_empty_body_is_an_eof_error_at_the_root() {
    for body in [&b""[..], b"   ", b"\n"] {
        let error = decode(body);
        assert_eq!(error.category(), Category::Eof);
        assert_eq!(error.path(), "");
        assert!(
            error.to_string().starts_with("(root): EOF while parsing"),
            "{error}"
        );
    }
}

#[test]
fn the_envelope_must_be_an_object_with_its_required_keys() {
    assert!(decode(b"[]").message().contains("envelope"));
    assert!(decode(b"42").message().contains("envelope"));
    let missing = |key: &str| {
        let mut body: serde_json::Map<String, serde_json::Value> =
            serde_json::from_slice(&common::fixture("mykaarma/customer.wire.json")).unwrap();
        body.remove(key);
        decode(&serde_json::to_vec(&body).unwrap())
    };
    for key in ["id", "timestamp", "payload"] {
        assert_eq!(missing(key).message(), format!("missing field `{key}`"));
    }
    assert_eq!(missing("type").message(), "missing field `type`");
}

#[test]
fn trailing_garbage_after_the_body_is_refused() {
    let mut body = common::fixture("mykaarma/customer.wire.json");
    body.extend_from_slice(b" {}");
    assert_eq!(decode(&body).category(), Category::Syntax);
}

#[test]
fn duplicate_keys_are_refused_rather_than_resolved() {
    let error = decode(br#"{"id":"1","id":"2","timestamp":1,"type":"customers","payload":{"customerWithVehicles":{}}}"#);
    assert_eq!(error.message(), "duplicate field `id`");
    let error = decode(br#"{"id":"1","timestamp":1,"type":"customers","payload":{"customerWithVehicles":{},"customerWithVehicles":{}}}"#);
    assert_eq!(error.path(), "payload");
    assert!(
        error
            .message()
            .contains("duplicate field `customerWithVehicles`"),
        "{error}"
    );
}

#[test]
fn type_and_data_type_that_disagree_are_refused() {
    let error = decode(
        br#"{"id":"1","timestamp":1,"type":"customers","dataType":"appointments","payload":{"customerWithVehicles":{}}}"#,
    );
    assert!(error.message().contains("name different kinds"), "{error}");
}

#[test]
fn errors_name_the_value_not_the_whole_body() {
    let body = appointment_wire_with(|p| p.replace("\"2025-09-27 15:00:00\"", "\"soon\""));
    let shown = decode(&body).to_string();
    assert!(!shown.contains("mykaarma.testing@gmail.com"), "{shown}");
    assert!(shown.len() < 300, "{shown}");
}

/// A message fixture in wire form, with one edit made to its payload.
fn message_wire_with(name: &str, edit: impl Fn(&str) -> String) -> Vec<u8> {
    let body = common::fixture(&format!("mykaarma/{name}"));
    let mut envelope: serde_json::Map<String, serde_json::Value> =
        serde_json::from_slice(&body).unwrap();
    let payload = envelope["payload"].as_str().unwrap();
    let edited = edit(payload);
    assert_ne!(edited, payload, "the edit changed nothing");
    envelope.insert("payload".into(), edited.into());
    serde_json::to_vec(&envelope).unwrap()
}

#[test]
fn a_bad_value_inside_a_message_is_named_by_its_path_through_the_payload() {
    for (name, from, to, path, shown) in [
        (
            "message-email.wire.json",
            r#""sentOn":"2024-10-10T06:38:12""#,
            r#""sentOn":"10/10/2024 06:38""#,
            "payload.messageDTO.sentOn",
            "invalid time: \"10/10/2024 06:38\"",
        ),
        (
            "message-text.wire.json",
            r#""sentOn":1728542291502"#,
            r#""sentOn":1728542291502.5"#,
            "payload.messageDTO.sentOn",
            "floating point",
        ),
        (
            "message-update.wire.json",
            r#""receivedOn":"2024-10-10T06:35:02.870Z""#,
            r#""receivedOn":"2024-10-10T06:35:02.870+25:00""#,
            "payload.messageDTO.receivedOn",
            "+25:00",
        ),
        (
            "message-email.wire.json",
            r#""scheduledOn":"2024-10-10T06:30:00""#,
            r#""scheduledOn":"later""#,
            "payload.messageDTO.draftMessageMetaDataDTO.scheduledOn",
            "\"later\"",
        ),
        (
            "message-email.wire.json",
            r#""numberofMessageAttachments":2"#,
            r#""numberofMessageAttachments":"two""#,
            "payload.messageDTO.numberofMessageAttachments",
            "\"two\"",
        ),
        (
            "message-email.wire.json",
            r#""messageSize":158"#,
            r#""messageSize":4294967296"#,
            "payload.messageDTO.messageSize",
            "4294967296",
        ),
        (
            "message-update.wire.json",
            r#""id":100054"#,
            r#""id":1.5"#,
            "payload.messageDTO.id",
            "floating point",
        ),
        (
            "message-update.wire.json",
            r#""messagePredictionID":7340021"#,
            r#""messagePredictionID":"x7""#,
            "payload.messageDTO.messagePredictionDTOSet[0].messagePredictionFeedback[0].messagePredictionID",
            "\"x7\"",
        ),
        (
            "message-email.wire.json",
            r#""docSize":"52736""#,
            r#""docSize":[]"#,
            "payload.messageDTO.docFiles[1].docSize",
            "invalid type: sequence",
        ),
        (
            "message-update.wire.json",
            r#""isUpdate":true"#,
            r#""isUpdate":"yes""#,
            "payload.isUpdate",
            "\"yes\"",
        ),
    ] {
        let error = decode(&message_wire_with(name, |p| p.replace(from, to)));
        assert_eq!(error.path(), path, "{name}: {error}");
        assert!(error.is_in_payload(), "{error}");
        assert_eq!(error.category(), Category::Data, "{error}");
        assert!(error.message().contains(shown), "{name}: {error}");
        assert!(
            error.to_string().starts_with(&format!("{path}: ")),
            "{error}"
        );
    }
    // The same in the object form, as the docs print it.
    let body = String::from_utf8(common::fixture("mykaarma/message-note.json")).unwrap();
    let body = body.replace(
        "\"sentOn\": \"2024-10-10 06:38:13.105\"",
        "\"sentOn\": \"2024-10-10 06:38\"",
    );
    let error = decode(body.as_bytes());
    assert_eq!(error.path(), "payload.messageDTO.sentOn");
    assert!(error.message().contains("\"2024-10-10 06:38\""), "{error}");
}
