//! Where the adapters report drift while an audit runs, and the audit's own decode.
//!
//! Outside an audit nothing here runs but one thread-local read, and only on the paths that
//! meet drift (an unknown enum value, a quoted number, a kept key) or decode an embedded
//! payload; the ordinary decode of a clean body never reaches it.
//!
//! An audit must name the JSON path of each finding, and only `serde_path_to_error` knows
//! the path while a value is read, and it tells it only with an error. So an audit decodes
//! the body once per finding: the adapters let the findings already named pass, and stop
//! the decode at the next one with a marker error, whose path is that finding's. The last
//! decode, which meets no new finding, runs under `serde_ignored`, which names every key no
//! model read.

use std::cell::RefCell;

use serde::Deserialize;

use super::Drift;
use crate::Error;

/// The text of the error that stops an audit's decode at a finding. It never leaves the
/// audit: [`take_pending`] claims it.
const MARKER: &str = "drift found while auditing (stopped here to name its path)";

/// One decode of an audit: how many findings to let pass, and what was met.
#[derive(Default)]
struct Run {
    /// Findings already named, by their order in the decode: let these pass.
    skip: usize,
    /// Findings met so far in this decode.
    seen: usize,
    /// The finding this decode stopped at, and the key it is about (for a kept key).
    pending: Option<(Drift, Option<String>)>,
    /// The paths of the keys no model read, from `serde_ignored`.
    ignored: Vec<String>,
}

thread_local! {
    static RUN: RefCell<Option<Run>> = const { RefCell::new(None) };
}

/// Whether an audit runs on this thread.
fn active() -> bool {
    RUN.with(|run| run.borrow().is_some())
}

/// Reports drift met while decoding: an `Err` to return from the decode when an audit stops
/// here, `Ok` otherwise (always, outside an audit). `drift` is built only in an audit.
#[cold]
#[inline(never)]
pub(crate) fn note<E: serde::de::Error>(drift: impl FnOnce() -> Drift) -> Result<(), E> {
    stop_at(|| (drift(), None))
}

/// Reports an open-enum value the docs don't list (`of` names its type).
#[cold]
#[inline(never)]
pub(crate) fn unknown_value<E: serde::de::Error>(of: &'static str, text: &str) -> Result<(), E> {
    stop_at(|| {
        let text = text.to_owned();
        (Drift::UnknownValue { of, text }, None)
    })
}

/// Reports a key that a model kept verbatim (an `open_struct!` model's `other`, an envelope's
/// unknown top-level keys). Call it from the object's visitor, so the path is the object's.
#[cold]
#[inline(never)]
pub(crate) fn note_key<E: serde::de::Error>(key: &str) -> Result<(), E> {
    stop_at(|| (Drift::UnknownKey, Some(key.to_owned())))
}

fn stop_at<E: serde::de::Error>(
    finding: impl FnOnce() -> (Drift, Option<String>),
) -> Result<(), E> {
    RUN.with(|run| {
        let mut run = run.borrow_mut();
        let Some(run) = run.as_mut() else {
            return Ok(());
        };
        if run.seen < run.skip {
            run.seen = run.seen.saturating_add(1);
            return Ok(());
        }
        run.pending = Some(finding());
        Err(E::custom(MARKER))
    })
}

/// Decodes a myKaarma payload's JSON text (the envelope's `payload`): as
/// [`Error::decode_str`] does, or, in an audit, with the path tracked and the keys no model
/// read reported under `payload`.
pub(crate) fn decode_embedded<'a, T: Deserialize<'a>>(text: &'a str) -> Result<T, Error> {
    if active() {
        decode_tracked(text, "payload")
    } else {
        Error::decode_str(text)
    }
}

/// Decodes `text` in one pass that tracks the path and reports every key no model read.
fn decode_tracked<'a, T: Deserialize<'a>>(text: &'a str, prefix: &str) -> Result<T, Error> {
    let mut de = serde_json::Deserializer::from_str(text);
    let mut on_ignored = |path: serde_ignored::Path<'_>| {
        let mut shown = prefix.to_owned();
        push_path(&mut shown, &path);
        RUN.with(|run| {
            if let Some(run) = run.borrow_mut().as_mut() {
                run.ignored.push(shown);
            }
        });
    };
    let value = serde_path_to_error::deserialize(serde_ignored::Deserializer::new(
        &mut de,
        &mut on_ignored,
    ))
    .map_err(Error::from_tracked)?;
    de.end().map_err(|e| Error::from_trailing(&e))?;
    Ok(value)
}

/// Writes a `serde_ignored` path as the crate writes paths: `a.b[0].c`.
fn push_path(shown: &mut String, path: &serde_ignored::Path<'_>) {
    use serde_ignored::Path;
    match path {
        Path::Root => {}
        Path::Seq { parent, index } => {
            push_path(shown, parent);
            shown.push('[');
            shown.push_str(&index.to_string());
            shown.push(']');
        }
        Path::Map { parent, key } => {
            push_path(shown, parent);
            if !shown.is_empty() {
                shown.push('.');
            }
            shown.push_str(&crate::wire::excerpt(key));
        }
        Path::Some { parent }
        | Path::NewtypeStruct { parent }
        | Path::NewtypeVariant { parent } => {
            push_path(shown, parent);
        }
    }
}

/// What one decode of an audit met.
pub(super) enum Outcome<T> {
    /// The decode met no finding it had not been told to let pass: the value, and the keys
    /// no model read.
    Done(T, Vec<String>),
    /// The decode stopped at a finding: where, and what.
    Stopped(String, Drift),
}

/// Runs `decode` as an audit decode that lets the first `skip` findings pass. The audit is
/// over on this thread when this returns, even if `decode` panics.
pub(super) fn run<T>(
    skip: usize,
    decode: impl FnOnce() -> Result<T, Error>,
) -> Result<Outcome<T>, Error> {
    struct Over;
    impl Drop for Over {
        fn drop(&mut self) {
            RUN.with(|run| run.borrow_mut().take());
        }
    }

    RUN.with(|run| {
        *run.borrow_mut() = Some(Run {
            skip,
            ..Run::default()
        });
    });
    let over = Over;
    let result = decode();
    let finished = RUN.with(|run| run.borrow_mut().take()).unwrap_or_default();
    drop(over);
    match (result, finished.pending) {
        (Ok(value), _) => Ok(Outcome::Done(value, finished.ignored)),
        (Err(error), Some((drift, key))) => {
            let path = match key {
                Some(key) => join_key(error.path(), &key),
                None => error.path().to_owned(),
            };
            Ok(Outcome::Stopped(path, drift))
        }
        (Err(error), None) => Err(error),
    }
}

/// The body's whole decode in an audit: tracked, with ignored keys reported from the root.
pub(crate) fn decode_body<'a, T: Deserialize<'a>>(body: &'a [u8]) -> Result<T, Error> {
    match std::str::from_utf8(body) {
        Ok(text) => decode_tracked(text, ""),
        Err(_) => crate::from_slice(body),
    }
}

fn join_key(path: &str, key: &str) -> String {
    let key = crate::wire::excerpt(key);
    if path.is_empty() {
        key.into_owned()
    } else {
        format!("{path}.{key}")
    }
}
