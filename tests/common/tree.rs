//! A JSON tree for tests that rewrite bodies: numbers keep their text (`20.00` stays `20.00`),
//! objects keep their key order, and a stringified payload is a node of its own, so a test can
//! change what is inside it and choose the form it is written in.

use serde_json::value::RawValue;

/// One JSON value.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    /// A number, as its text.
    Number(String),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
    /// A string holding JSON text: a myKaarma payload as delivered.
    Stringified(Box<Json>),
}

impl Json {
    /// Parses JSON text; a string under the key `payload` that holds an object becomes
    /// [`Json::Stringified`].
    pub fn parse(text: &str) -> Self {
        let raw: &RawValue = serde_json::from_str(text).expect("a test body is JSON");
        Self::from_raw(raw, false)
    }

    /// Reads and parses the JSON file at `path` (a fixture).
    pub fn read(path: &std::path::Path) -> Self {
        let text =
            std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        Self::parse(&text)
    }

    fn from_raw(raw: &RawValue, is_payload: bool) -> Self {
        let text = raw.get();
        match text.as_bytes()[0] {
            b'{' => {
                let members: super::Members<'_> = serde_json::from_str(text).unwrap();
                let members = members.0.into_iter();
                Self::Object(
                    members
                        .map(|(key, value)| {
                            let value = Self::from_raw(value, key == "payload");
                            (key, value)
                        })
                        .collect(),
                )
            }
            b'[' => {
                let items: Vec<&RawValue> = serde_json::from_str(text).unwrap();
                Self::Array(
                    items
                        .into_iter()
                        .map(|i| Self::from_raw(i, false))
                        .collect(),
                )
            }
            b'"' => {
                let value: String = serde_json::from_str(text).unwrap();
                if is_payload && value.trim_start().starts_with('{') {
                    Self::Stringified(Box::new(Self::parse(&value)))
                } else {
                    Self::String(value)
                }
            }
            b't' => Self::Bool(true),
            b'f' => Self::Bool(false),
            b'n' => Self::Null,
            _ => Self::Number(text.to_owned()),
        }
    }

    /// The compact JSON text of this value.
    pub fn to_json(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }

    fn write(&self, out: &mut String) {
        match self {
            Self::Null => out.push_str("null"),
            Self::Bool(value) => out.push_str(if *value { "true" } else { "false" }),
            Self::Number(text) => out.push_str(text),
            Self::String(text) => out.push_str(&serde_json::to_string(text).unwrap()),
            Self::Stringified(inner) => {
                out.push_str(&serde_json::to_string(&inner.to_json()).unwrap());
            }
            Self::Array(items) => {
                out.push('[');
                for (at, item) in items.iter().enumerate() {
                    if at > 0 {
                        out.push(',');
                    }
                    item.write(out);
                }
                out.push(']');
            }
            Self::Object(members) => {
                out.push('{');
                for (at, (key, value)) in members.iter().enumerate() {
                    if at > 0 {
                        out.push(',');
                    }
                    out.push_str(&serde_json::to_string(key).unwrap());
                    out.push(':');
                    value.write(out);
                }
                out.push('}');
            }
        }
    }

    /// Every string in the tree, inside stringified payloads too.
    pub fn strings(&self) -> Vec<&str> {
        let mut out = Vec::new();
        self.visit(&mut |node| {
            if let Self::String(text) = node {
                out.push(text.as_str());
            }
        });
        out
    }

    /// Every value in the tree that is not an array, an object or a stringified payload.
    pub fn leaves(&self) -> Vec<&Self> {
        let mut out = Vec::new();
        self.visit(&mut |node| {
            if !matches!(
                node,
                Self::Array(_) | Self::Object(_) | Self::Stringified(_)
            ) {
                out.push(node);
            }
        });
        out
    }

    /// Every object in the tree, outermost first, inside stringified payloads too.
    pub fn objects(&self) -> Vec<&Self> {
        let mut out = Vec::new();
        self.visit(&mut |node| {
            if matches!(node, Self::Object(_)) {
                out.push(node);
            }
        });
        out
    }

    fn visit<'a>(&'a self, f: &mut dyn FnMut(&'a Self)) {
        f(self);
        match self {
            Self::Array(items) => items.iter().for_each(|item| item.visit(f)),
            Self::Object(members) => members.iter().for_each(|(_, value)| value.visit(f)),
            Self::Stringified(inner) => inner.visit(f),
            _ => {}
        }
    }

    /// The tree with its `n`th object (in the order of [`Json::objects`]) replaced by
    /// `with(object)`.
    pub fn replace_object(&self, n: usize, with: &dyn Fn(&Self) -> Self) -> Self {
        let mut seen = 0;
        self.replace(&mut seen, n, with)
    }

    fn replace(&self, seen: &mut usize, n: usize, with: &dyn Fn(&Self) -> Self) -> Self {
        if matches!(self, Self::Object(_)) {
            if *seen == n {
                *seen += 1;
                return with(self);
            }
            *seen += 1;
        }
        match self {
            Self::Array(items) => {
                Self::Array(items.iter().map(|i| i.replace(seen, n, with)).collect())
            }
            Self::Object(members) => Self::Object(
                members
                    .iter()
                    .map(|(key, value)| (key.clone(), value.replace(seen, n, with)))
                    .collect(),
            ),
            Self::Stringified(inner) => Self::Stringified(Box::new(inner.replace(seen, n, with))),
            other => other.clone(),
        }
    }
}

#[test]
fn trees_keep_number_text_key_order_and_payload_form() {
    let text = r#"{"b":20.00,"a":[true,null,"x"],"payload":"{\"z\":1e3}"}"#;
    let tree = Json::parse(text);
    assert_eq!(tree.to_json(), text);
    assert!(matches!(&tree, Json::Object(m) if matches!(m[2].1, Json::Stringified(_))));
    assert_eq!(tree.objects().len(), 2);
    assert_eq!(tree.strings(), ["x"]);
    assert_eq!(tree.leaves().len(), 5);
    let replaced = tree.replace_object(1, &|_| Json::Null);
    assert_eq!(
        replaced.to_json(),
        r#"{"b":20.00,"a":[true,null,"x"],"payload":"null"}"#
    );
}
