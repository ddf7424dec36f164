//! Any bytes as a Service Order Hub webhook body; the first byte picks the webhook kind.
//! Decoding gives a webhook or an error, never a panic, and a webhook re-encodes and decodes to
//! an equal webhook.
#![no_main]

use aftersales_webhooks::service_order_hub::{Webhook, WebhookKind};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, body)) = data.split_first() else {
        return;
    };
    let kind = WebhookKind::ALL[usize::from(selector) % WebhookKind::ALL.len()];
    if let Ok(webhook) = Webhook::decode(kind, body) {
        let encoded = serde_json::to_vec(&webhook).expect("a decoded webhook encodes");
        let again = Webhook::decode(kind, &encoded).expect("an encoded webhook decodes");
        assert_eq!(
            again, webhook,
            "decode -> encode -> decode changed the webhook"
        );
    }
});
