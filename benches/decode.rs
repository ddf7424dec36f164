//! Decode and encode speed of every fixture in its wire form, against three baselines measured
//! on the same bytes in the same run:
//!
//! - `plain`: what an integrator would write instead of using this crate: serde-derived structs
//!   with the same fields, `Option`s, `f64` money and `String` times (`benches/plain/`), the
//!   myKaarma payload parsed from the envelope's string;
//! - `value`: what a hand-written integration does: parse into `serde_json::Value` (for a
//!   myKaarma event, the envelope and then the stringified payload again);
//! - `floor`: a parse that only validates the JSON (the envelope and the embedded payload) into
//!   `serde::de::IgnoredAny`, which no typed decode with `serde_json` can beat.
//!
//! `cargo bench --bench decode`; see `benches/README.md` for the figures.
#![allow(missing_docs)] // `criterion_group!` generates an undocumented public function.

#[path = "../tests/common/mod.rs"]
mod common;
mod plain;

use std::hint::black_box;

use aftersales_webhooks::mykaarma::Envelope;
use aftersales_webhooks::service_order_hub::Webhook;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use serde::Deserialize;
use serde::de::IgnoredAny;
use serde_json::value::RawValue;

fn value_path(bytes: &[u8]) -> serde_json::Value {
    let mut envelope: serde_json::Value = serde_json::from_slice(bytes).unwrap();
    if let Some(text) = envelope["payload"].as_str() {
        let payload: serde_json::Value = serde_json::from_str(text).unwrap();
        envelope["payload"] = payload;
    }
    envelope
}

fn floor(bytes: &[u8]) {
    #[derive(Deserialize)]
    struct Validate<'a> {
        #[serde(borrow)]
        payload: &'a RawValue,
    }
    let envelope: Validate<'_> = serde_json::from_slice(bytes).unwrap();
    let raw = envelope.payload.get();
    if raw.starts_with('"') {
        let text: String = serde_json::from_str(raw).unwrap();
        serde_json::from_str::<IgnoredAny>(&text).unwrap();
    } else {
        serde_json::from_str::<IgnoredAny>(raw).unwrap();
    }
}

fn mykaarma(c: &mut Criterion) {
    for path in common::fixtures("mykaarma") {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !name.ends_with(".wire.json") {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        let event: Envelope = aftersales_webhooks::from_slice(&bytes).unwrap();
        let mut group = c.benchmark_group(format!("mykaarma/{name}"));
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_function("typed", |b| {
            b.iter(|| aftersales_webhooks::from_slice::<Envelope>(black_box(&bytes)).unwrap());
        });
        if plain::models(&bytes) {
            group.bench_function("plain", |b| b.iter(|| plain::event(black_box(&bytes))));
        }
        group.bench_function("value", |b| b.iter(|| value_path(black_box(&bytes))));
        group.bench_function("floor", |b| b.iter(|| floor(black_box(&bytes))));
        group.bench_function("encode", |b| {
            b.iter(|| serde_json::to_vec(black_box(&event)).unwrap());
        });
        group.finish();
    }
}

fn service_order_hub(c: &mut Criterion) {
    for path in common::fixtures("service_order_hub") {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let kind = common::soh_kind(&path);
        let bytes = std::fs::read(&path).unwrap();
        let webhook = Webhook::decode(kind, &bytes).unwrap();
        let mut group = c.benchmark_group(format!("service_order_hub/{name}"));
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_function("typed", |b| {
            b.iter(|| Webhook::decode(kind, black_box(&bytes)).unwrap());
        });
        let plain = plain::webhook(kind);
        group.bench_function("plain", |b| b.iter(|| plain(black_box(&bytes))));
        group.bench_function("value", |b| {
            b.iter(|| serde_json::from_slice::<serde_json::Value>(black_box(&bytes)).unwrap());
        });
        group.bench_function("floor", |b| {
            b.iter(|| serde_json::from_slice::<IgnoredAny>(black_box(&bytes)).unwrap());
        });
        group.bench_function("encode", |b| {
            b.iter(|| serde_json::to_vec(black_box(&webhook)).unwrap());
        });
        group.finish();
    }
}

criterion_group!(benches, mykaarma, service_order_hub);
criterion_main!(benches);
