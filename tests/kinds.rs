//! A body is decoded as its own kind or refused: each top-level model is known by a few
//! top-level keys (`WebhookKind::keys`, `DataTypeKind::keys`), and a body that carries none of
//! them, or is not an object, is an error that names the kind expected and the kind whose keys
//! the body does carry.

mod common;

use std::path::Path;

use aftersales_webhooks::mykaarma::{DataType, DataTypeKind, Envelope, Payload};
use aftersales_webhooks::service_order_hub::{DetectError, Webhook, WebhookKind};
use aftersales_webhooks::{Error, from_slice};

fn name(path: &Path) -> String {
    path.file_name().unwrap().to_string_lossy().into_owned()
}

/// Whether two kinds share one model (and so one shape): those decode each other's bodies.
fn same_model(a: WebhookKind, b: WebhookKind) -> bool {
    a.keys() == b.keys()
}

/// The fixture's kind of payload.
fn payload_kind(event: &Envelope) -> DataTypeKind {
    event.kind().kind()
}

fn assert_refused(error: &Error, expected: &str, carried: Option<&str>, what: &str) {
    let message = error.message();
    assert!(
        message.starts_with("not a") && message.contains(expected),
        "{what}: {error}"
    );
    if let Some(carried) = carried {
        assert!(
            message.contains("(keys of") && message.contains(carried),
            "{what}: {error}"
        );
    }
}

#[test]
fn every_service_order_hub_body_is_refused_as_every_other_kind() {
    let mut refused = 0;
    for path in common::fixtures("service_order_hub") {
        let own = common::soh_kind(&path);
        let body = std::fs::read(&path).unwrap();
        for &other in WebhookKind::ALL {
            let result = Webhook::decode(other, &body);
            if same_model(own, other) {
                assert_eq!(result.unwrap().kind(), other, "{}", name(&path));
                continue;
            }
            let error = result.expect_err(&format!("{} decoded as {other}", name(&path)));
            assert_eq!(error.path(), "", "{}: {error}", name(&path));
            assert_refused(
                &error,
                other.name(),
                Some(own.name()),
                &format!("{} as {other}", name(&path)),
            );
            refused += 1;
        }
    }
    // 17 fixtures of 8 kinds, each refused by the 5 or 6 models it is not.
    assert!(refused >= 17 * 5, "{refused}");
}

#[test]
fn every_mykaarma_payload_is_refused_as_every_other_kind() {
    for path in common::fixtures("mykaarma") {
        let body = std::fs::read(&path).unwrap();
        let event: Envelope = from_slice(&body).unwrap();
        let own = payload_kind(&event);
        let payload = serde_json::to_string(event.payload()).unwrap();
        for &other in DataTypeKind::MODELLED {
            let kind = DataType::from_kind(other).unwrap();
            let result = Payload::decode(&kind, &payload);
            if other == own {
                assert_eq!(result.unwrap(), *event.payload());
                continue;
            }
            let error = result.expect_err(&format!("{} as {kind}", name(&path)));
            // "not an MPI event payload: it carries … (keys of a customer event payload)"
            assert_refused(
                &error,
                " event payload",
                Some(" event payload)"),
                &format!("{} as {kind}", name(&path)),
            );
            // Through the envelope, with its kind changed, in either payload form: the path
            // is the payload's.
            let mut tree: serde_json::Value = serde_json::from_slice(&body).unwrap();
            for key in ["type", "dataType"] {
                if tree.get(key).is_some() {
                    tree[key] = kind.as_str().into();
                }
            }
            let error = from_slice::<Envelope>(tree.to_string().as_bytes()).unwrap_err();
            assert_eq!(error.path(), "payload", "{}: {error}", name(&path));
            assert!(
                error.message().starts_with("not a") || error.message().starts_with("not an"),
                "{}: {error}",
                name(&path)
            );
        }
    }
}

#[test]
fn bodies_of_one_vendor_are_refused_as_the_other_vendors() {
    // A Service Order Hub body is not a myKaarma event: refused by its missing envelope keys,
    // or, where it sends a number under `id` (a text in an envelope), at `id`.
    for path in common::fixtures("service_order_hub") {
        let body = std::fs::read(&path).unwrap();
        let error = from_slice::<Envelope>(&body).unwrap_err();
        let refused = error.message().starts_with("not a myKaarma event");
        assert!(refused || error.path() == "id", "{}: {error}", name(&path));
    }
    // A myKaarma event is no Service Order Hub webhook: refused by its kind's keys, or at a
    // key both vendors use with other types (`id`, `type`).
    for path in common::fixtures("mykaarma") {
        let body = std::fs::read(&path).unwrap();
        for &kind in WebhookKind::ALL {
            let error = Webhook::decode(kind, &body).unwrap_err();
            let refused = error.message().starts_with("not a");
            assert!(
                refused || ["id", "type"].contains(&error.path()),
                "{} as {kind}: {error}",
                name(&path)
            );
        }
        assert!(matches!(Webhook::detect(&body), Err(DetectError::NoKind)));
    }
}

#[test]
fn a_body_that_is_not_an_object_says_what_came_instead() {
    for (body, came) in [
        ("[]", "sequence"),
        ("[null,null,null,null]", "sequence"),
        (r#""text""#, "string"),
        ("7", "integer"),
        ("true", "boolean"),
        ("null", "null"),
    ] {
        for &kind in WebhookKind::ALL {
            let error = Webhook::decode(kind, body.as_bytes()).unwrap_err();
            let message = error.message();
            assert!(
                message.starts_with(&format!("invalid type: {came}"))
                    && message.contains(kind.name())
                    && message.contains("(a JSON object)"),
                "{body} as {kind}: {error}"
            );
        }
        let error = from_slice::<Envelope>(body.as_bytes()).unwrap_err();
        assert!(
            error
                .message()
                .starts_with(&format!("invalid type: {came}")),
            "{body}: {error}"
        );
        for &kind in DataTypeKind::MODELLED {
            let data_type = DataType::from_kind(kind).unwrap();
            let error = Payload::decode(&data_type, body).unwrap_err();
            assert!(
                error
                    .message()
                    .starts_with(&format!("invalid type: {came}")),
                "{body} as {data_type}: {error}"
            );
            let wire = serde_json::json!({
                "id": "1", "timestamp": 1, "type": data_type.as_str(), "payload": body,
            });
            let error = from_slice::<Envelope>(wire.to_string().as_bytes()).unwrap_err();
            assert_eq!(error.path(), "payload", "{error}");
        }
    }
}

#[test]
fn an_object_without_its_kinds_keys_is_refused() {
    for body in [
        "{}",
        r#"{"x":1}"#,
        r#"{"id":7,"guid":"g","createdAt":null}"#,
    ] {
        for &kind in WebhookKind::ALL {
            let error = Webhook::decode(kind, body.as_bytes()).unwrap_err();
            assert_eq!(
                error.message(),
                format!(
                    "not {}: it carries none of the keys it is known by ({}), or only as null",
                    expected_name(kind),
                    kind.keys().join(", ")
                ),
                "{body}"
            );
        }
        assert!(matches!(
            Webhook::detect(body.as_bytes()),
            Err(DetectError::NoKind)
        ));
    }
    // A key the kind is known by, sent as `null`, counts as missing (and would not be written
    // back), except in the case-updated patch, where `null` is a removal.
    let error = Webhook::decode(WebhookKind::CostProposal, br#"{"reaction":null}"#).unwrap_err();
    assert!(error.message().starts_with("not a cost-proposal webhook"));
    let removal = Webhook::decode(WebhookKind::CaseUpdated, br#"{"guid":"g","sender":null}"#);
    assert!(removal.is_ok());
    // A myKaarma envelope without any of its keys, and payloads without theirs.
    let error = from_slice::<Envelope>(br#"{"id":"1","type":"customers"}"#).unwrap_err();
    assert!(
        error.message().starts_with("not a myKaarma event"),
        "{error}"
    );
    for &kind in DataTypeKind::MODELLED {
        let data_type = DataType::from_kind(kind).unwrap();
        let error = Payload::decode(&data_type, r#"{"uuid":"u","x":1}"#).unwrap_err();
        assert!(
            error
                .message()
                .contains("it carries none of the keys it is known by"),
            "{data_type}: {error}"
        );
    }
    // A kind the crate does not model keeps whatever came.
    let unknown = DataType::new("vehicles");
    assert!(Payload::decode(&unknown, "{}").is_ok());
}

/// The kind as the refusal names it.
fn expected_name(kind: WebhookKind) -> &'static str {
    match kind.name() {
        "new-status" | "status-transition" => "a new-status or status-transition webhook",
        "new-message" | "message-confirmed" => "a new-message or message-confirmed webhook",
        "cost-proposal" => "a cost-proposal webhook",
        "files-uploaded" => "a files-uploaded webhook",
        "case-updated" => "a case-updated webhook",
        "invoice" => "an invoice webhook",
        other => panic!("a kind this test does not know: {other}"),
    }
}

#[test]
fn one_key_of_its_kind_is_enough() {
    // Every documented body with all its other keys removed still decodes as its kind, and
    // round-trips: tolerance for bodies that omit what they do not have.
    let mut tried = 0;
    for path in common::fixtures("service_order_hub") {
        let kind = common::soh_kind(&path);
        let body: serde_json::Map<String, serde_json::Value> =
            serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        for (key, value) in body
            .iter()
            .filter(|(key, value)| kind.keys().contains(&key.as_str()) && !value.is_null())
        {
            let alone = serde_json::json!({ key: value }).to_string();
            let webhook = Webhook::decode(kind, alone.as_bytes())
                .unwrap_or_else(|e| panic!("{} with only {key}: {e}", name(&path)));
            let again = serde_json::to_vec(&webhook).unwrap();
            assert_eq!(Webhook::decode(kind, &again).unwrap(), webhook);
            tried += 1;
        }
    }
    for path in common::fixtures("mykaarma") {
        let event: Envelope = from_slice(&std::fs::read(&path).unwrap()).unwrap();
        let kind = event.kind().clone();
        let payload: serde_json::Map<String, serde_json::Value> =
            serde_json::from_str(&serde_json::to_string(event.payload()).unwrap()).unwrap();
        for (key, value) in payload
            .iter()
            .filter(|(key, value)| kind.kind().keys().contains(&key.as_str()) && !value.is_null())
        {
            let alone = serde_json::json!({ key: value }).to_string();
            Payload::decode(&kind, &alone)
                .unwrap_or_else(|e| panic!("{} with only {key}: {e}", name(&path)));
            tried += 1;
        }
    }
    assert!(tried > 60, "{tried}");
}

#[test]
fn detect_tells_every_documented_body_by_its_keys() {
    for path in common::fixtures("service_order_hub") {
        let kind = common::soh_kind(&path);
        let body = std::fs::read(&path).unwrap();
        match Webhook::detect(&body) {
            Ok(webhook) => {
                assert_eq!(webhook.kind(), kind, "{}", name(&path));
                assert_eq!(webhook, Webhook::decode(kind, &body).unwrap());
            }
            // A new message and a confirmed one are the same body.
            Err(DetectError::Ambiguous(candidates)) => {
                assert_eq!(
                    candidates,
                    [WebhookKind::NewMessage, WebhookKind::MessageConfirmed],
                    "{}",
                    name(&path)
                );
                assert!(candidates.contains(&kind));
                let error = Webhook::detect(&body).unwrap_err().to_string();
                assert!(error.contains("new-message, message-confirmed"), "{error}");
            }
            Err(error) => panic!("{}: {error}", name(&path)),
        }
    }
    // A status body is a transition when it carries `prevKey` or `case`.
    let transition = Webhook::detect(br#"{"key":"final","case":{}}"#).unwrap();
    assert_eq!(transition.kind(), WebhookKind::StatusTransition);
    let new = Webhook::detect(br#"{"key":"final","prevKey":null}"#).unwrap();
    assert_eq!(new.kind(), WebhookKind::StatusTransition);
    let new = Webhook::detect(br#"{"key":"final"}"#).unwrap();
    assert_eq!(new.kind(), WebhookKind::NewStatus);
    // Keys of two kinds: no guess.
    let both = Webhook::detect(br#"{"files":[],"isPaid":true}"#).unwrap_err();
    assert_eq!(
        both,
        DetectError::Ambiguous(vec![WebhookKind::FilesUploaded, WebhookKind::Invoice])
    );
    // Not JSON, or a bad value in the kind it was told as: the decode error, with its path.
    assert!(matches!(Webhook::detect(b"{"), Err(DetectError::Decode(_))));
    let Err(DetectError::Decode(error)) = Webhook::detect(br#"{"isPaid":"maybe"}"#) else {
        panic!()
    };
    assert_eq!(error.path(), "isPaid");
}

#[test]
fn payload_errors_read_plainly_through_any_deserializer() {
    let body = String::from_utf8(common::fixture("mykaarma/appointment.wire.json")).unwrap();
    let bad = body.replace("2025-09-27 15:00:00", "tomorrow");
    let expected = "payload.appointmentInfoResponse.startTime: invalid date and time";
    let through_slice = serde_json::from_slice::<Envelope>(bad.as_bytes())
        .unwrap_err()
        .to_string();
    let through_reader = serde_json::from_reader::<_, Envelope>(bad.as_bytes())
        .unwrap_err()
        .to_string();
    let tree: serde_json::Value = serde_json::from_str(&bad).unwrap();
    let through_value = serde_json::from_value::<Envelope>(tree)
        .unwrap_err()
        .to_string();
    for (how, text) in [
        ("from_slice", &through_slice),
        ("from_reader", &through_reader),
        ("from_value", &through_value),
    ] {
        assert!(text.starts_with(expected), "{how}: {text}");
        assert!(text.contains("of the payload"), "{how}: {text}");
        assert!(
            !text.contains('{'),
            "{how}: no JSON inside the text: {text}"
        );
    }
    // The crate's own entry point gives the same fault, whole.
    let error = from_slice::<Envelope>(bad.as_bytes()).unwrap_err();
    assert_eq!(error.path(), "payload.appointmentInfoResponse.startTime");
    assert!(error.is_in_payload());
    assert!(through_slice.contains(error.message()));
    // Also when the payload comes before its kind, and for a payload nested in a list.
    let late = bad.replacen(r#""type": "appointments","#, "", 1);
    let late = late.replacen(r#""payload""#, r#""type": "appointments", "payload""#, 1);
    assert_ne!(late, bad);
    let error = from_slice::<Envelope>(late.as_bytes()).unwrap_err();
    assert_eq!(error.path(), "payload.appointmentInfoResponse.startTime");
    let list = format!("[{body},{bad}]");
    let error = from_slice::<Vec<Envelope>>(list.as_bytes()).unwrap_err();
    assert_eq!(
        error.path(),
        "[1].payload.appointmentInfoResponse.startTime"
    );
}

#[test]
fn top_level_keys_the_crate_does_not_model_are_kept() {
    let body = String::from_utf8(common::fixture("mykaarma/customer.wire.json")).unwrap();
    let with_source = body.replacen(
        '{',
        r#"{"Source":"mykaarma.customer","zz":[1,{"a":null}],"#,
        1,
    );
    let event: Envelope = from_slice(with_source.as_bytes()).unwrap();
    assert_eq!(event.source().as_deref(), Some("mykaarma.customer"));
    assert_eq!(event.other["zz"].get(), r#"[1,{"a":null}]"#);
    let encoded = serde_json::to_string(&event).unwrap();
    assert!(encoded.ends_with(r#","Source":"mykaarma.customer","zz":[1,{"a":null}]}"#));
    assert_eq!(from_slice::<Envelope>(encoded.as_bytes()).unwrap(), event);
    let lower = body.replacen('{', r#"{"source":"mykaarma.orders","#, 1);
    let event: Envelope = from_slice(lower.as_bytes()).unwrap();
    assert_eq!(event.source().as_deref(), Some("mykaarma.orders"));
    let plain: Envelope = from_slice(body.as_bytes()).unwrap();
    assert_eq!(plain.source(), None);
}

#[test]
fn a_linked_invoice_is_an_invoice_by_where_it_sits() {
    // Nested, the invoice need not carry an invoice's keys: its place says what it is.
    let body =
        br#"{"id":8,"type":"credit note","isPaid":false,"linkedInvoice":{"id":7,"priceNet":1080}}"#;
    let webhook = Webhook::decode(WebhookKind::Invoice, body).unwrap();
    let again = serde_json::to_vec(&webhook).unwrap();
    assert_eq!(
        Webhook::decode(WebhookKind::Invoice, &again).unwrap(),
        webhook
    );
    // And a refusal never names the kind refused as the one the keys belong to.
    let error = Webhook::decode(WebhookKind::Invoice, br#"{"key":"final","id":1}"#).unwrap_err();
    assert!(!error.message().contains("(keys of an invoice"), "{error}");
}
