//! The crate's one error type: what went wrong, and where in the JSON.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

/// What kind of fault an [`Error`] is, in `serde_json`'s terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Category {
    /// The bytes are not JSON (a stray character, invalid UTF-8, nesting too deep).
    Syntax,
    /// The JSON is well formed but does not fit the model (a wrong type, a bad date).
    Data,
    /// The input ended before the JSON did (a truncated or empty body).
    Eof,
    /// Reading the input failed.
    Io,
}

impl From<serde_json::error::Category> for Category {
    fn from(category: serde_json::error::Category) -> Self {
        match category {
            serde_json::error::Category::Syntax => Self::Syntax,
            serde_json::error::Category::Data => Self::Data,
            serde_json::error::Category::Eof => Self::Eof,
            serde_json::error::Category::Io => Self::Io,
        }
    }
}

/// A webhook body that could not be decoded, with the JSON path of the fault.
///
/// `Display` starts with the path, through the embedded payload when the fault is inside it:
///
/// ```text
/// payload.appointmentInfoResponse.startTime: invalid date and time ... at line 1 column 412 of the payload
/// ```
///
/// Line and column count inside the payload text when [`is_in_payload`](Self::is_in_payload),
/// and inside the body otherwise. The message names at most the offending value, never the
/// whole body.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}: {message} at line {line} column {column}{}", shown_path(.path), if *.in_payload { " of the payload" } else { "" })]
pub struct Error {
    path: String,
    message: String,
    line: usize,
    column: usize,
    category: Category,
    in_payload: bool,
}

fn shown_path(path: &str) -> &str {
    if path.is_empty() { "(root)" } else { path }
}

// How a fault inside an embedded payload crosses the envelope's `Deserialize`, which can
// only return a message: the message is the fault's own text, path first (so that any serde
// user, `serde_json::from_slice` or `from_value`, reads a plain `payload.a.b: …`), and the
// fault itself waits in this slot for `Error::from_json` on the same thread, which takes it
// back whole (category, and line and column inside the payload) when the message is its text.
thread_local! {
    static PAYLOAD_FAULT: std::cell::RefCell<Option<Error>> = const { std::cell::RefCell::new(None) };
}

impl Error {
    /// The JSON path of the fault: keys joined by `.`, array indices as `[n]`, for example
    /// `payload.appointmentInfoResponse.serviceList[0].price`. Empty when the fault is in the
    /// body as a whole (an empty body, a stray character at the top level).
    pub fn path(&self) -> &str {
        &self.path
    }

    /// What is wrong, without the path or position.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The line of the fault, from 1 (0 when there is no position).
    pub const fn line(&self) -> usize {
        self.line
    }

    /// The column of the fault, from 1 (0 when there is no position).
    pub const fn column(&self) -> usize {
        self.column
    }

    /// What kind of fault this is.
    pub const fn category(&self) -> Category {
        self.category
    }

    /// Whether the fault is inside the embedded payload, so that line and column count from
    /// the start of the payload's own JSON text.
    pub const fn is_in_payload(&self) -> bool {
        self.in_payload
    }

    /// Decodes `bytes` into `T`: the fast parse, and on failure a second parse that tracks the
    /// path (path tracking costs on every value, and errors are rare).
    pub(crate) fn decode<'a, T: Deserialize<'a>>(bytes: &'a [u8]) -> Result<T, Self> {
        serde_json::from_slice(bytes)
            .map_err(|fast| Self::locate::<_, T>(serde_json::Deserializer::from_slice(bytes), fast))
    }

    /// As [`decode`](Self::decode), for text already known to be UTF-8 (an embedded payload),
    /// which spares `serde_json` checking every string again.
    pub(crate) fn decode_str<'a, T: Deserialize<'a>>(text: &'a str) -> Result<T, Self> {
        serde_json::from_str(text)
            .map_err(|fast| Self::locate::<_, T>(serde_json::Deserializer::from_str(text), fast))
    }

    fn locate<'a, R: serde_json::de::Read<'a>, T: Deserialize<'a>>(
        mut de: serde_json::Deserializer<R>,
        fast: serde_json::Error,
    ) -> Self {
        match serde_path_to_error::deserialize::<_, T>(&mut de) {
            Err(tracked) => Self::from_json(shown_keys(tracked.path()), &tracked.into_inner()),
            Ok(_) => Self::from_json(String::new(), &de.end().err().unwrap_or(fast)),
        }
    }

    /// The fault a path-tracking decode stopped at.
    pub(crate) fn from_tracked(tracked: serde_path_to_error::Error<serde_json::Error>) -> Self {
        Self::from_json(shown_keys(tracked.path()), &tracked.into_inner())
    }

    /// Text after the one JSON value of a body.
    pub(crate) fn from_trailing(error: &serde_json::Error) -> Self {
        Self::from_json(String::new(), error)
    }

    fn from_json(path: String, error: &serde_json::Error) -> Self {
        let message = bare_message(error);
        if let Some(fault) = Self::payload_fault(&message) {
            return Self {
                path: join(&path, &fault.path),
                ..fault
            };
        }
        Self {
            path,
            message: excerpt_quoted(&message).into_owned(),
            line: error.line(),
            column: error.column(),
            category: error.classify().into(),
            in_payload: false,
        }
    }

    /// The same fault, seen from the JSON that holds the value at `key`: the path gains `key`
    /// in front, and line and column are now inside that embedded value.
    pub(crate) fn within(mut self, key: &str) -> Self {
        self.path = join(key, &self.path);
        self.in_payload = true;
        self
    }

    /// The message an envelope's `Deserialize` returns for a fault inside its payload: the
    /// fault's text, path first, with its position in the payload.
    pub(crate) fn into_payload_message(self) -> String {
        let text = self.payload_text();
        PAYLOAD_FAULT.with(|slot| *slot.borrow_mut() = Some(self));
        text
    }

    fn payload_text(&self) -> String {
        format!(
            "{}: {} (line {} column {} of the payload)",
            shown_path(&self.path),
            self.message,
            self.line,
            self.column
        )
    }

    /// The fault whose message this is, if an envelope's `Deserialize` just returned one.
    fn payload_fault(message: &str) -> Option<Self> {
        let fault = PAYLOAD_FAULT.with(|slot| slot.borrow_mut().take())?;
        (fault.payload_text() == message).then_some(fault)
    }
}

/// The message of a `serde_json` error without its ` at line L column C` suffix.
pub(crate) fn bare_message(error: &serde_json::Error) -> String {
    let full = error.to_string();
    let position = format!(" at line {} column {}", error.line(), error.column());
    match full.strip_suffix(&position) {
        Some(message) => message.to_owned(),
        None => full,
    }
}

/// `message` with every quoted value in it cut to an excerpt ([`crate::wire::excerpt`]).
///
/// serde quotes a whole offending string in its own messages (`invalid type: string "…",
/// expected …`), and that string can be a stringified payload full of names and emails, or
/// 50 MB. The crate's adapters excerpt their values already; this catches serde's. A quoted
/// value is Rust `Debug` text (`\"` and `\\` escaped), so it ends at the first unescaped `"`;
/// its length is counted as escaped.
fn excerpt_quoted(message: &str) -> Cow<'_, str> {
    if !message.contains('"') {
        return Cow::Borrowed(message);
    }
    let mut out = String::with_capacity(message.len().min(512));
    let mut rest = message;
    while let Some((before, quoted)) = rest.split_once('"') {
        out.push_str(before);
        out.push('"');
        let mut escaped = false;
        let end = quoted.char_indices().find_map(|(at, c)| {
            let closes = c == '"' && !escaped;
            escaped = c == '\\' && !escaped;
            closes.then_some(at)
        });
        let Some((value, tail)) = end.and_then(|end| quoted.split_at_checked(end)) else {
            out.push_str(quoted);
            return Cow::Owned(out);
        };
        out.push_str(&crate::wire::excerpt(value));
        out.push('"');
        rest = tail.strip_prefix('"').unwrap_or(tail);
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// A path as `serde_path_to_error` writes it (`a.b[0].c`; empty at the root), each key cut
/// to an excerpt: keys are the sender's text too, and can be as long as any value.
fn shown_keys(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut shown = String::new();
    for segment in path {
        let key = match segment {
            Segment::Seq { index } => {
                shown.push('[');
                shown.push_str(&index.to_string());
                shown.push(']');
                continue;
            }
            Segment::Map { key } | Segment::Enum { variant: key } => crate::wire::excerpt(key),
            Segment::Unknown => Cow::Borrowed("?"),
        };
        if !shown.is_empty() {
            shown.push('.');
        }
        shown.push_str(&key);
    }
    shown
}

/// Joins the path of the payload field with a path inside the payload.
fn join(outer: &str, inner: &str) -> String {
    match (outer.is_empty(), inner.is_empty()) {
        (_, true) => outer.to_owned(),
        (true, false) => inner.to_owned(),
        (false, false) if inner.starts_with('[') => format!("{outer}{inner}"),
        (false, false) => format!("{outer}.{inner}"),
    }
}

#[cfg(test)]
mod tests {
    use super::{excerpt_quoted, join};

    #[test]
    fn joins_paths() {
        assert_eq!(join("payload", "a.b"), "payload.a.b");
        assert_eq!(join("payload", "[0].b"), "payload[0].b");
        assert_eq!(join("payload", ""), "payload");
        assert_eq!(join("", "a"), "a");
    }

    #[test]
    fn quoted_values_in_messages_are_excerpted() {
        let short = r#"invalid type: string "John", expected u32"#;
        assert_eq!(excerpt_quoted(short), short);
        let long = format!(
            r#"invalid type: string "{}\"{}", expected "x""#,
            "a".repeat(70),
            "b"
        );
        assert_eq!(
            excerpt_quoted(&long),
            format!(
                r#"invalid type: string "{}… (73 bytes)", expected "x""#,
                "a".repeat(64)
            )
        );
        let escaped_quote_first = format!(r#"string "\"{}""#, "é".repeat(40));
        assert!(excerpt_quoted(&escaped_quote_first).ends_with(r#"… (82 bytes)""#));
        assert_eq!(excerpt_quoted(r#"open "quote"#), r#"open "quote"#);
        assert_eq!(excerpt_quoted("no quotes"), "no quotes");
    }
}
