//! Time per item as payloads grow: MPIs with 1, 10, 100 and 1000 checks, and repair orders with
//! as many jobs, in wire form. Flat time per item means no step in the decoder grows faster
//! than the payload. `cargo bench --bench scaling`.
#![allow(missing_docs)] // `criterion_group!` generates an undocumented public function.

#[path = "../tests/common/mod.rs"]
mod common;

use std::hint::black_box;

use aftersales_webhooks::mykaarma::Envelope;
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use serde_json::Value;

const SIZES: [usize; 4] = [1, 10, 100, 1000];

/// The documented example `fixture`, with the array at `path` (inside the payload) holding `n`
/// copies of its first item, each with its own `id_key`, in wire form.
fn grown(fixture: &str, path: &[&str], id_key: &str, n: usize) -> Vec<u8> {
    let mut envelope: Value = serde_json::from_slice(&common::fixture(fixture)).unwrap();
    let payload = &mut envelope["payload"];
    let mut array = &mut *payload;
    for key in path {
        array = match key.parse::<usize>() {
            Ok(index) => &mut array[index],
            Err(_) => &mut array[*key],
        };
    }
    let item = array[0].clone();
    let items: Vec<Value> = (0..n)
        .map(|i| {
            let mut item = item.clone();
            item[id_key] = Value::String(format!("ITEM{i:06}"));
            item
        })
        .collect();
    *array = Value::Array(items);
    let text = serde_json::to_string(payload).unwrap();
    envelope["payload"] = Value::String(text);
    serde_json::to_vec(&envelope).unwrap()
}

fn per_item(c: &mut Criterion, name: &str, fixture: &str, path: &[&str], id_key: &str) {
    let mut group = c.benchmark_group(name);
    for n in SIZES {
        let bytes = grown(fixture, path, id_key, n);
        aftersales_webhooks::from_slice::<Envelope>(&bytes).unwrap();
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::from_parameter(n), &bytes, |b, bytes| {
            b.iter(|| aftersales_webhooks::from_slice::<Envelope>(black_box(bytes)).unwrap());
        });
    }
    group.finish();
}

fn scaling(c: &mut Criterion) {
    per_item(
        c,
        "mpi_checks",
        "mykaarma/mpi.json",
        &["mpiSections", "0", "checks"],
        "uuid",
    );
    per_item(
        c,
        "order_jobs",
        "mykaarma/service-order-legacy.json",
        &["order", "jobs"],
        "jobIdentifier",
    );
}

criterion_group!(benches, scaling);
criterion_main!(benches);
