//! Property tests: events of every kind, generated from the documented examples (see
//! `tests/generate`), decode and re-encode to an equal value. Bodies in documented forms also
//! re-encode to the same JSON tree, key by key, digit for digit.
//!
//! `PROPTEST_CASES` sets the cases per fixture and mode (default 24, to keep CI short), and
//! `PROPTEST_RNG_SEED` fixes which cases run (random by default). A failure prints the
//! smallest body found that fails: a regression test in the making.

mod common;
mod generate;

use std::fmt::Debug;
use std::path::Path;

use aftersales_webhooks::Error;
use aftersales_webhooks::mykaarma::Envelope;
use aftersales_webhooks::service_order_hub::Webhook;
use common::tree::Json;
use generate::Mode;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};

fn config() -> Config {
    let mut config = Config::default();
    if std::env::var_os("PROPTEST_CASES").is_none() {
        config.cases = 24;
    }
    config.failure_persistence = None;
    config
}

/// Generates bodies like the fixture at `path` and checks each one.
fn check<T: PartialEq + Debug + serde::Serialize>(
    path: &Path,
    mode: Mode,
    kind_keys: &[&str],
    decode: &dyn Fn(&[u8]) -> Result<T, Error>,
) {
    let template = Json::read(path);
    let mut runner = TestRunner::new(config());
    let result = runner.run(&generate::body(&template, mode, kind_keys), |body| {
        let fail = |what: &str, error: &dyn std::fmt::Display| {
            TestCaseError::fail(format!("{what}: {error}"))
        };
        let value = decode(body.as_bytes()).map_err(|e| fail("does not decode", &e))?;
        let encoded = serde_json::to_string(&value).map_err(|e| fail("does not encode", &e))?;
        let again = decode(encoded.as_bytes()).map_err(|e| {
            fail(
                &format!("the re-encoded body {encoded} does not decode"),
                &e,
            )
        })?;
        prop_assert_eq!(
            &again,
            &value,
            "decode -> encode -> decode changed the value"
        );
        prop_assert_eq!(
            &serde_json::to_string(&again).unwrap(),
            &encoded,
            "encoding is not stable"
        );
        if mode == Mode::Canonical {
            let diff = common::json_diff(&body, &encoded);
            prop_assert!(diff.is_empty(), "re-encoded JSON differs: {:#?}", diff);
        }
        Ok(())
    });
    if let Err(error) = result {
        panic!("{} ({mode:?}): {error}", path.display());
    }
}

fn mykaarma(mode: Mode) {
    for path in common::fixtures("mykaarma") {
        let event: Envelope =
            aftersales_webhooks::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        check(&path, mode, event.kind().kind().keys(), &|body| {
            aftersales_webhooks::from_slice::<Envelope>(body)
        });
    }
}

fn service_order_hub(mode: Mode) {
    for path in common::fixtures("service_order_hub") {
        let kind = common::soh_kind(&path);
        check(&path, mode, kind.keys(), &|body| {
            Webhook::decode(kind, body)
        });
    }
}

#[test]
fn mykaarma_events_in_documented_forms_round_trip_exactly() {
    mykaarma(Mode::Canonical);
}

#[test]
fn mykaarma_events_that_drift_decode_and_round_trip() {
    mykaarma(Mode::Drift);
}

#[test]
fn service_order_hub_webhooks_in_documented_forms_round_trip_exactly() {
    service_order_hub(Mode::Canonical);
}

#[test]
fn service_order_hub_webhooks_that_drift_decode_and_round_trip() {
    service_order_hub(Mode::Drift);
}

/// The generators see the formats the fixtures are in: each one is found, and few values are
/// left as they are (a value whose format the examples do not show: `null`, `""`, flags).
#[test]
fn every_format_is_generated_and_few_values_stay_fixed() {
    let mut counts = std::collections::BTreeMap::<String, usize>::new();
    for path in common::fixtures("mykaarma")
        .into_iter()
        .chain(common::fixtures("service_order_hub"))
    {
        let template = Json::read(&path);
        for format in generate::formats(&template) {
            *counts.entry(format).or_default() += 1;
        }
    }
    for format in [
        "Fixed",
        "Bool",
        "Text",
        "DigitString",
        "DecimalString",
        "Integer",
        "Id",
        "Decimal",
        "EpochMillis",
        "EpochSeconds",
        "Time",
    ] {
        assert!(counts.contains_key(format), "no {format} value: {counts:?}");
    }
    let all: usize = counts.values().sum();
    assert!(counts["Fixed"] * 3 < all, "{counts:?}");
}
