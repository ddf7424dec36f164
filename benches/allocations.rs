//! Allocations and bytes allocated per decode of each fixture, counted by dhat's heap
//! profiler, for the typed decode, the plain-derive baseline (`benches/plain/`) and the
//! `serde_json::Value` path. Prints a Markdown table.
//! `cargo bench --bench allocations`.
#![allow(missing_docs)]

#[path = "../tests/common/mod.rs"]
mod common;
mod plain;

use aftersales_webhooks::mykaarma::Envelope;
use aftersales_webhooks::service_order_hub::Webhook;

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

/// Allocations and bytes allocated by one run of `f` (after one run to warm up).
fn count<T>(f: impl Fn() -> T) -> (u64, u64) {
    drop(f());
    let before = dhat::HeapStats::get();
    let value = f();
    let after = dhat::HeapStats::get();
    drop(value);
    (
        after.total_blocks - before.total_blocks,
        after.total_bytes - before.total_bytes,
    )
}

fn main() {
    let _profiler = dhat::Profiler::builder().testing().build();
    println!(
        "| fixture | bytes | typed allocations | typed bytes | plain allocations | plain bytes | Value allocations | Value bytes |"
    );
    println!("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for path in common::fixtures("mykaarma") {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !name.ends_with(".wire.json") {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        let typed = count(|| aftersales_webhooks::from_slice::<Envelope>(&bytes).unwrap());
        let plain = if plain::models(&bytes) {
            count(|| plain::event(&bytes))
        } else {
            (0, 0)
        };
        let value = count(|| {
            let mut envelope: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
            if let Some(text) = envelope["payload"].as_str() {
                envelope["payload"] = serde_json::from_str(text).unwrap();
            }
            envelope
        });
        println!(
            "| mykaarma/{name} | {} | {} | {} | {} | {} | {} | {} |",
            bytes.len(),
            typed.0,
            typed.1,
            plain.0,
            plain.1,
            value.0,
            value.1
        );
    }
    for path in common::fixtures("service_order_hub") {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let kind = common::soh_kind(&path);
        let bytes = std::fs::read(&path).unwrap();
        let typed = count(|| Webhook::decode(kind, &bytes).unwrap());
        let plain = count(|| plain::webhook(kind)(&bytes));
        let value = count(|| serde_json::from_slice::<serde_json::Value>(&bytes).unwrap());
        println!(
            "| service_order_hub/{name} | {} | {} | {} | {} | {} | {} | {} |",
            bytes.len(),
            typed.0,
            typed.1,
            plain.0,
            plain.1,
            value.0,
            value.1
        );
    }
}
