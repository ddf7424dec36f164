//! Any bytes as a myKaarma webhook body: decoding gives an event or an error, never a panic,
//! and an event re-encodes and decodes to an equal event.
#![no_main]

use aftersales_webhooks::mykaarma::Envelope;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|body: &[u8]| {
    if let Ok(event) = aftersales_webhooks::from_slice::<Envelope>(body) {
        let encoded = serde_json::to_vec(&event).expect("a decoded event encodes");
        let again: Envelope =
            aftersales_webhooks::from_slice(&encoded).expect("an encoded event decodes");
        assert_eq!(again, event, "decode -> encode -> decode changed the event");
    }
});
