//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::value::RawValue;

pub mod tree;

/// Every fixture file under `fixtures/<vendor>/`, sorted.
pub fn fixtures(vendor: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(vendor);
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no fixtures in {}", dir.display());
    paths
}

/// Reads a fixture by its path under `fixtures/`.
pub fn fixture(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The differences between two JSON texts, one line each, with the key path of each.
///
/// Numbers and literals compare by their exact text (`20.00` is not `20`), strings by their
/// value (escapes aside), objects by key regardless of order, arrays by position. A member
/// whose value is `null` counts as absent, as the vendors define it. A string under a key
/// named `payload` that holds JSON on both sides is compared as that JSON.
pub fn json_diff(expected: &str, actual: &str) -> Vec<String> {
    let mut out = Vec::new();
    let expected: &RawValue = serde_json::from_str(expected).expect("expected side is JSON");
    let actual: &RawValue = serde_json::from_str(actual).expect("actual side is JSON");
    walk("", expected, actual, &mut out);
    out
}

fn walk(path: &str, expected: &RawValue, actual: &RawValue, out: &mut Vec<String>) {
    let (e, a) = (expected.get(), actual.get());
    match (e.as_bytes()[0], a.as_bytes()[0]) {
        (b'{', b'{') => {
            let e: BTreeMap<String, &RawValue> = serde_json::from_str(e).unwrap();
            let a: BTreeMap<String, &RawValue> = serde_json::from_str(a).unwrap();
            for (key, value) in &e {
                let at = format!("{path}.{key}");
                match a.get(key) {
                    Some(other) => walk(&at, value, other, out),
                    None if value.get() == "null" => {}
                    None => out.push(format!("{at}: dropped (was {})", value.get())),
                }
            }
            for (key, value) in &a {
                if !e.contains_key(key) && value.get() != "null" {
                    out.push(format!("{path}.{key}: added ({})", value.get()));
                }
            }
        }
        (b'[', b'[') => {
            let e: Vec<&RawValue> = serde_json::from_str(e).unwrap();
            let a: Vec<&RawValue> = serde_json::from_str(a).unwrap();
            if e.len() != a.len() {
                out.push(format!("{path}: {} items became {}", e.len(), a.len()));
            }
            for (index, (e, a)) in e.iter().zip(&a).enumerate() {
                walk(&format!("{path}[{index}]"), e, a, out);
            }
        }
        (b'"', b'"') => {
            let e: String = serde_json::from_str(e).unwrap();
            let a: String = serde_json::from_str(a).unwrap();
            let nested = path
                .ends_with(".payload")
                .then(|| {
                    serde_json::from_str::<&RawValue>(&e)
                        .ok()
                        .zip(serde_json::from_str::<&RawValue>(&a).ok())
                })
                .flatten();
            match nested {
                Some((e, a)) => walk(path, e, a, out),
                None if e != a => out.push(format!("{path}: {e:?} became {a:?}")),
                None => {}
            }
        }
        _ if e != a => out.push(format!("{path}: {e} became {a}")),
        _ => {}
    }
}

#[test]
fn json_diff_sees_scale_keys_and_nested_payloads() {
    assert!(json_diff(r#"{"a":1,"b":null}"#, r#"{"a":1}"#).is_empty());
    assert_eq!(
        json_diff(r#"{"p":20.00}"#, r#"{"p":20}"#),
        [".p: 20.00 became 20"]
    );
    assert_eq!(
        json_diff(r#"{"a":"60"}"#, r#"{"a":60}"#),
        [".a: \"60\" became 60"]
    );
    assert_eq!(
        json_diff(r#"{"a":[1,2]}"#, r#"{"a":[1]}"#),
        [".a: 2 items became 1"]
    );
    assert_eq!(json_diff(r#"{"a":1}"#, r"{}"), [".a: dropped (was 1)"]);
    assert_eq!(
        json_diff(r#"{"payload":"{\"x\":1}"}"#, r#"{"payload":"{\"x\": 2}"}"#),
        [".payload.x: 1 became 2"]
    );
    assert!(
        json_diff(
            r#"{"payload":"{\"x\":1}"}"#,
            r#"{"payload":"{ \"x\" : 1 }"}"#
        )
        .is_empty()
    );
}

/// The members of a JSON object in their order, values as raw JSON.
struct Members<'a>(Vec<(String, &'a RawValue)>);

impl<'de: 'a, 'a> serde::Deserialize<'de> for Members<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visit<'a>(std::marker::PhantomData<&'a ()>);
        impl<'de: 'a, 'a> serde::de::Visitor<'de> for Visit<'a> {
            type Value = Members<'a>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Members<'a>, A::Error> {
                let mut members = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    members.push(entry);
                }
                Ok(Members(members))
            }
        }
        deserializer.deserialize_map(Visit(std::marker::PhantomData))
    }
}

/// An edit of an object's members, values as raw JSON text.
pub type Edit<'a> = &'a dyn Fn(&mut Vec<(String, String)>);

/// Rewrites every object in `json`, innermost first, with `edit` over its members (values as
/// raw JSON text, so numbers keep their digits). A string under the key `payload` that holds
/// an object is rewritten too, and stays a string.
pub fn edit_objects(json: &str, edit: Edit<'_>) -> String {
    let raw: &RawValue = serde_json::from_str(json).unwrap();
    rewrite(raw, edit)
}

fn rewrite(raw: &RawValue, edit: Edit<'_>) -> String {
    match raw.get().as_bytes()[0] {
        b'{' => {
            let Members(members) = serde_json::from_str(raw.get()).unwrap();
            let mut members: Vec<(String, String)> = members
                .into_iter()
                .map(|(key, value)| {
                    let text = match serde_json::from_str::<String>(value.get()) {
                        Ok(inner) if key == "payload" && inner.starts_with('{') => {
                            serde_json::to_string(&edit_objects(&inner, edit)).unwrap()
                        }
                        _ => rewrite(value, edit),
                    };
                    (key, text)
                })
                .collect();
            edit(&mut members);
            let members: Vec<String> = members
                .iter()
                .map(|(key, value)| format!("{}:{value}", serde_json::to_string(key).unwrap()))
                .collect();
            format!("{{{}}}", members.join(","))
        }
        b'[' => {
            let items: Vec<&RawValue> = serde_json::from_str(raw.get()).unwrap();
            let items: Vec<String> = items.iter().map(|item| rewrite(item, edit)).collect();
            format!("[{}]", items.join(","))
        }
        _ => raw.get().to_owned(),
    }
}

/// The Service Order Hub webhook a fixture file is, by its name.
pub fn soh_kind(path: &Path) -> aftersales_webhooks::service_order_hub::WebhookKind {
    use aftersales_webhooks::service_order_hub::WebhookKind;
    let name = path.file_name().unwrap().to_string_lossy();
    let prefixes = [
        ("new-status", WebhookKind::NewStatus),
        ("status-transition", WebhookKind::StatusTransition),
        ("cost-proposal", WebhookKind::CostProposal),
        ("new-message", WebhookKind::NewMessage),
        ("message-confirmed", WebhookKind::MessageConfirmed),
        ("message-", WebhookKind::NewMessage),
        ("files-uploaded", WebhookKind::FilesUploaded),
        ("case-updated", WebhookKind::CaseUpdated),
        ("invoice", WebhookKind::Invoice),
        ("credit-note", WebhookKind::Invoice),
    ];
    let found = prefixes.iter().find(|(prefix, _)| name.starts_with(prefix));
    found.map_or_else(
        || panic!("no webhook kind for fixture {name}"),
        |(_, kind)| *kind,
    )
}
