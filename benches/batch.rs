//! A queue consumer's view: 10,000 myKaarma events of every kind in wire form, decoded one
//! after another, in events per second; the `serde_json::Value` path on the same stream for
//! comparison. `cargo bench --bench batch`.
#![allow(missing_docs)] // `criterion_group!` generates an undocumented public function.

#[path = "../tests/common/mod.rs"]
mod common;

use std::hint::black_box;

use aftersales_webhooks::mykaarma::Envelope;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

const EVENTS: usize = 10_000;

fn batch(c: &mut Criterion) {
    let kinds: Vec<Vec<u8>> = common::fixtures("mykaarma")
        .into_iter()
        .filter(|path| path.to_string_lossy().ends_with(".wire.json"))
        .map(|path| std::fs::read(path).unwrap())
        .collect();
    let stream: Vec<&[u8]> = kinds
        .iter()
        .cycle()
        .take(EVENTS)
        .map(Vec::as_slice)
        .collect();
    let bytes: usize = stream.iter().map(|event| event.len()).sum();
    let mut group = c.benchmark_group(format!(
        "batch_{EVENTS}_events_{}_kinds_{bytes}_bytes",
        kinds.len()
    ));
    group.throughput(Throughput::Elements(EVENTS as u64));
    group.sample_size(10);
    group.bench_function("typed", |b| {
        b.iter(|| {
            for event in &stream {
                black_box(aftersales_webhooks::from_slice::<Envelope>(event).unwrap());
            }
        });
    });
    group.bench_function("value", |b| {
        b.iter(|| {
            for event in &stream {
                let mut envelope: serde_json::Value = serde_json::from_slice(event).unwrap();
                if let Some(text) = envelope["payload"].as_str() {
                    envelope["payload"] = serde_json::from_str(text).unwrap();
                }
                black_box(envelope);
            }
        });
    });
    group.finish();
}

criterion_group!(benches, batch);
criterion_main!(benches);
