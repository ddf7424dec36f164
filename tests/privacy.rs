//! Payloads carry personal data (names, emails, phone numbers, addresses, VINs). An error is
//! logged, so its `Display` and `Debug` may show at most an excerpt of the offending value,
//! never the rest of the body.

mod common;

use aftersales_webhooks::Error;
use aftersales_webhooks::mykaarma::Envelope;
use aftersales_webhooks::service_order_hub::{Webhook, WebhookKind};
use common::tree::Json;

/// What an error may show of `offending`: the start of its `Debug` text, as
/// `wire::excerpt` cuts it (64 bytes).
fn allowed_excerpt(offending: &str) -> String {
    let quoted = format!("{offending:?}");
    let inner = &quoted[1..quoted.len() - 1];
    let end = (0..=64.min(inner.len()))
        .rev()
        .find(|&at| inner.is_char_boundary(at))
        .unwrap();
    inner[..end].to_owned()
}

/// Whether a fixture string is data rather than a word a message may use itself
/// (`myKaarma`, `customer`): names with a space, emails, VINs, phone numbers, addresses, ids.
fn is_data(text: &str) -> bool {
    let length = text.chars().count();
    length >= 10 || (length >= 6 && !text.chars().all(char::is_alphabetic))
}

/// The fixture's data strings that `error` shows beyond what the excerpt allows.
fn leaked<'a>(body: &'a Json, error: &Error, allowed: &str) -> Vec<&'a str> {
    let shown = format!("{error} {error:?}");
    let mut leaked: Vec<&str> = body
        .strings()
        .into_iter()
        .filter(|s| is_data(s) && shown.contains(*s) && !allowed.contains(*s))
        .collect();
    leaked.dedup();
    leaked
}

/// Every object of every fixture, one at a time, sent as its own JSON text in a string (as a
/// payload stringified twice arrives): serde quotes such a string whole in its messages.
fn check_every_object_stringified(
    name: &str,
    body: &Json,
    decode: &dyn Fn(&[u8]) -> Option<Error>,
) {
    let mut errors = 0;
    for (n, object) in body.objects().into_iter().enumerate() {
        let bent = body.replace_object(n, &|object| Json::String(object.to_json()));
        let Some(error) = decode(bent.to_json().as_bytes()) else {
            continue; // kept verbatim: a raw JSON field, or a key the model does not know
        };
        errors += 1;
        let leaked = leaked(body, &error, &allowed_excerpt(&object.to_json()));
        assert!(
            leaked.is_empty(),
            "{name}, object {n}: {error} shows {leaked:?}"
        );
    }
    assert!(errors > 0, "{name}: no stringified object was refused");
}

#[test]
fn errors_show_at_most_an_excerpt_of_a_stringified_object() {
    for path in common::fixtures("mykaarma") {
        let name = path.display().to_string();
        let body = Json::read(&path);
        check_every_object_stringified(&name, &body, &|bytes| {
            aftersales_webhooks::from_slice::<Envelope>(bytes).err()
        });
    }
    for path in common::fixtures("service_order_hub") {
        let name = path.display().to_string();
        let kind = common::soh_kind(&path);
        let body = Json::read(&path);
        check_every_object_stringified(&name, &body, &|bytes| Webhook::decode(kind, bytes).err());
    }
}

/// Keys are the sender's text too: a fault under a long key, or a long key sent twice, names
/// an excerpt of it in the path and the message.
#[test]
fn long_keys_are_excerpted_in_paths_and_messages() {
    let key = "k".repeat(1 << 20);
    let envelope =
        |body: String| aftersales_webhooks::from_slice::<Envelope>(body.as_bytes()).unwrap_err();
    let under_key = [
        envelope(format!(
            r#"{{"id":"1","timestamp":1,"type":"customers","{key}":[1,2"#
        )),
        envelope(format!(
            r#"{{"id":"1","timestamp":1,"type":"customers","payload":{{"{key}":[1,}}}}"#
        )),
        envelope(format!(
            r#"{{"id":"1","timestamp":1,"type":"customers","payload":"{{\"{key}\":[1,}}"}}"#
        )),
        Webhook::decode(
            WebhookKind::Invoice,
            format!(r#"{{"customData":{{"{key}":[1,}}}}"#).as_bytes(),
        )
        .unwrap_err(),
    ];
    for error in under_key {
        assert!(
            error.path().ends_with("… (1048576 bytes)"),
            "{}",
            error.path()
        );
        assert!(format!("{error} {error:?}").len() < 600, "{error}");
    }
    let twice = format!(r#"{{"guid":"g","{key}":1,"{key}":2}}"#);
    let error = Webhook::decode(WebhookKind::CaseUpdated, twice.as_bytes()).unwrap_err();
    assert!(error.message().contains("… (1048576 bytes)`"), "{error}");
    assert!(format!("{error} {error:?}").len() < 600, "{error}");
}
