//! Decode and encode speed of every myKaarma fixture, against two baselines measured on the
//! same bytes in the same run:
//!
//! - `value`: what a hand-written integration does, parsing the envelope into
//!   `serde_json::Value` and then the stringified payload again;
//! - `floor`: a parse that only validates the envelope and the embedded payload
//!   (`serde::de::IgnoredAny`), which no typed decode with `serde_json` can beat.
//!
//! Run with `cargo bench --bench decode`; compare `typed` with `value` and `floor` per fixture.
#![allow(missing_docs)] // `criterion_group!` generates an undocumented public function.

use std::hint::black_box;
use std::path::Path;

use aftersales_webhooks::mykaarma::Envelope;
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

fn fixtures(c: &mut Criterion) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/mykaarma");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    for path in paths {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let bytes = std::fs::read(&path).unwrap();
        let event: Envelope = aftersales_webhooks::from_slice(&bytes).unwrap();
        let mut group = c.benchmark_group(name);
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_function("typed", |b| {
            b.iter(|| aftersales_webhooks::from_slice::<Envelope>(black_box(&bytes)).unwrap());
        });
        group.bench_function("value", |b| b.iter(|| value_path(black_box(&bytes))));
        group.bench_function("floor", |b| b.iter(|| floor(black_box(&bytes))));
        group.bench_function("encode", |b| {
            b.iter(|| serde_json::to_vec(black_box(&event)).unwrap());
        });
        group.finish();
    }
}

criterion_group!(benches, fixtures);
criterion_main!(benches);
