//! Strategies that generate webhook bodies from the documented examples.
//!
//! Every fixture is a template: its shape says which keys an event of that kind has and which
//! wire format each value is in. Each value is regenerated from the strategy of its format
//! (see [`Leaf`]), across the whole range the format allows, extreme values included; objects
//! lose keys, get `null`s and change key order; arrays shrink; a myKaarma payload takes either
//! form. In [`Mode::Drift`] a body also drifts the ways real payloads do: unknown keys with
//! any JSON value, and numbers sent as strings.

use proptest::prelude::*;
use rust_decimal::Decimal;

use crate::common::tree::Json;

/// What a generated body may do beyond the documented shapes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Only documented wire forms: the body must re-encode to the same JSON tree.
    Canonical,
    /// Also unknown keys and numbers as strings, which decode and are written back in the
    /// documented form.
    Drift,
}

/// Keys that a body cannot do without, by where they are: the envelope's identity and kind.
/// Everything else may be missing or `null`.
const ENVELOPE_REQUIRED: [&str; 5] = ["id", "timestamp", "type", "dataType", "payload"];

/// The envelope keys whose value is not free: the kind, which must stay a kind (a kind the
/// crate does not know is a different test), and must agree when both are sent.
const ENVELOPE_FIXED: [&str; 2] = ["type", "dataType"];

/// A body like `template`, whose kind is known by `kind_keys` (the top-level keys of the
/// body, or of a myKaarma payload): the first of them that the template sends with a value is
/// always sent with one, since a body that carries none of its kind's keys is refused
/// (`tests/kinds.rs`); every other key may go.
pub fn body(template: &Json, mode: Mode, kind_keys: &[&str]) -> BoxedStrategy<String> {
    let is_envelope = matches!(template, Json::Object(members)
        if members.iter().any(|(key, _)| key == "payload"));
    let top = match template {
        Json::Object(members) if is_envelope => members
            .iter()
            .find(|(key, _)| key == "payload")
            .map(|(_, payload)| payload),
        _ => Some(template),
    };
    let top = top.map(|top| match top {
        Json::Stringified(inner) => inner.as_ref(),
        top => top,
    });
    let anchor = match top {
        Some(Json::Object(members)) => members
            .iter()
            .find(|(key, value)| kind_keys.contains(&key.as_str()) && *value != Json::Null)
            .map(|(key, _)| key.clone()),
        _ => None,
    };
    node(template, is_envelope, mode, anchor.as_deref())
        .prop_map(|json| json.to_json())
        .boxed()
}

/// A value like `template`; `is_envelope` when it is a myKaarma envelope, whose identity and
/// kind keys cannot be dropped or changed; `anchor`, the key of the body (or payload) that
/// must stay.
fn node(
    template: &Json,
    is_envelope: bool,
    mode: Mode,
    anchor: Option<&str>,
) -> BoxedStrategy<Json> {
    match template {
        Json::Object(members) => object(members, is_envelope, mode, anchor),
        Json::Array(items) => {
            let items: Vec<_> = items.iter().map(|i| node(i, false, mode, None)).collect();
            let len = items.len();
            (items, 0..=len)
                .prop_map(|(mut items, keep)| {
                    items.truncate(keep);
                    Json::Array(items)
                })
                .boxed()
        }
        Json::Stringified(inner) => payload(inner, mode, anchor),
        leaf => Leaf::of(leaf).strategy(mode),
    }
}

/// A myKaarma payload, stringified (as delivered) or as an object (as in the docs).
fn payload(inner: &Json, mode: Mode, anchor: Option<&str>) -> BoxedStrategy<Json> {
    (node(inner, false, mode, anchor), any::<bool>())
        .prop_map(|(inner, stringified)| {
            if stringified {
                Json::Stringified(Box::new(inner))
            } else {
                inner
            }
        })
        .boxed()
}

fn object(
    members: &[(String, Json)],
    is_envelope: bool,
    mode: Mode,
    anchor: Option<&str>,
) -> BoxedStrategy<Json> {
    let members: Vec<BoxedStrategy<Option<(String, Json)>>> = members
        .iter()
        .map(|(key, value)| member(key, value, is_envelope, mode, anchor))
        .collect();
    let unknown = match mode {
        Mode::Canonical => Just(Vec::new()).boxed(),
        // A map, so no key comes twice: models that keep unknown keys refuse duplicates
        // (tests/adversarial.rs).
        Mode::Drift => prop::collection::btree_map(unknown_key(), any_json(), 0..3)
            .prop_map(Vec::from_iter)
            .boxed(),
    };
    (members, unknown)
        .prop_map(|(members, unknown)| {
            members
                .into_iter()
                .flatten()
                .chain(unknown)
                .collect::<Vec<_>>()
        })
        .prop_shuffle()
        .prop_map(Json::Object)
        .boxed()
}

/// One member: regenerated, missing, or `null`. In an envelope, `anchor` is the payload's
/// key that must stay; elsewhere, this object's.
fn member(
    key: &str,
    value: &Json,
    is_envelope: bool,
    mode: Mode,
    anchor: Option<&str>,
) -> BoxedStrategy<Option<(String, Json)>> {
    let key = key.to_owned();
    if is_envelope && ENVELOPE_FIXED.contains(&key.as_str()) {
        return Just(Some((key, value.clone()))).boxed();
    }
    let value = match value {
        Json::Object(_) if is_envelope && key == "payload" => payload(value, mode, anchor),
        _ if is_envelope && key == "payload" => node(value, false, mode, anchor),
        _ => node(value, false, mode, None),
    };
    let kept = value.prop_map({
        let key = key.clone();
        move |value| Some((key.clone(), value))
    });
    let required = if is_envelope {
        ENVELOPE_REQUIRED.contains(&key.as_str())
    } else {
        anchor == Some(key.as_str())
    };
    if required {
        return kept.boxed();
    }
    prop_oneof![
        8 => kept,
        1 => Just(None),
        1 => Just(Some((key, Json::Null))),
    ]
    .boxed()
}

/// A key no model knows, so it cannot collide with a modelled one.
fn unknown_key() -> impl Strategy<Value = String> {
    "[a-z]{1,8}".prop_map(|name| format!("zzUnknown_{name}"))
}

/// Any JSON value, nested a few levels, as an unknown key's value.
fn any_json() -> impl Strategy<Value = Json> {
    let leaf = prop_oneof![
        Just(Json::Null),
        any::<bool>().prop_map(Json::Bool),
        any::<i64>().prop_map(|n| Json::Number(n.to_string())),
        "-?(0|[1-9][0-9]{0,39})(\\.[0-9]{1,40})?([eE][+-]?[0-9]{1,4})?".prop_map(Json::Number),
        text().prop_map(Json::String),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Json::Array),
            prop::collection::vec(("[a-zA-Z]{0,6}", inner), 0..4).prop_map(Json::Object),
        ]
    })
}

/// The format each value of `template` is generated in, by name (`Text`, `EpochMillis`, …).
pub fn formats(template: &Json) -> Vec<String> {
    let name = |leaf: Leaf| {
        let shown = format!("{leaf:?}");
        let end = shown.find([' ', '(']).unwrap_or(shown.len());
        shown[..end].to_owned()
    };
    template
        .leaves()
        .into_iter()
        .map(|value| name(Leaf::of(value)))
        .collect()
}

/// The wire format of a documented value, read from the value itself.
#[derive(Debug, Clone, PartialEq)]
enum Leaf {
    /// Kept as it is: `null`, `""` (whose type the example does not show) and one-character
    /// flags (`"Y"`, `"1"`, …), which only take their own few values.
    Fixed(Json),
    Bool,
    /// Free text, and open enums (which take any text).
    Text,
    /// A string of digits: a number sent as text, or text that happens to be digits.
    DigitString,
    /// A string such as `"82.00"`.
    DecimalString,
    /// A JSON integer that is not a time.
    Integer,
    /// A JSON integer of five or more digits: an id.
    Id,
    /// A JSON number with a fraction (money, rates).
    Decimal,
    /// Milliseconds since the epoch (13 digits).
    EpochMillis,
    /// Seconds since the epoch (10 digits), with a fraction or without.
    EpochSeconds {
        fraction: bool,
    },
    /// Text in a chrono format, with the number of fraction digits the example shows.
    Time {
        format: TimeFormat,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TimeFormat {
    Rfc3339Millis,
    IsoDateTime,
    SpaceDateTime,
    SpaceDateTimeMillis,
    Date,
    TimeOfDay,
}

impl Leaf {
    fn of(value: &Json) -> Self {
        match value {
            Json::Bool(_) => Self::Bool,
            Json::Number(text) => {
                let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
                match (whole.trim_start_matches('-').len(), fraction.is_empty()) {
                    (13, true) => Self::EpochMillis,
                    (10, whole_only) => Self::EpochSeconds {
                        fraction: !whole_only,
                    },
                    (5.., true) => Self::Id,
                    (_, true) => Self::Integer,
                    (_, false) => Self::Decimal,
                }
            }
            Json::String(text) => Self::of_text(text),
            other => Self::Fixed(other.clone()),
        }
    }

    fn of_text(text: &str) -> Self {
        let shape: String = text
            .chars()
            .map(|c| if c.is_ascii_digit() { '9' } else { c })
            .collect();
        let format = match shape.as_str() {
            "9999-99-99T99:99:99.999Z" => Some(TimeFormat::Rfc3339Millis),
            "9999-99-99T99:99:99" => Some(TimeFormat::IsoDateTime),
            "9999-99-99 99:99:99" => Some(TimeFormat::SpaceDateTime),
            "9999-99-99 99:99:99.999" => Some(TimeFormat::SpaceDateTimeMillis),
            "9999-99-99" => Some(TimeFormat::Date),
            "99:99:99" => Some(TimeFormat::TimeOfDay),
            _ => None,
        };
        if let Some(format) = format {
            return Self::Time { format };
        }
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        match text.split_once('.') {
            _ if text.chars().count() <= 1 || ["true", "false"].contains(&text) => {
                Self::Fixed(Json::String(text.to_owned()))
            }
            None if digits(text) => Self::DigitString,
            Some((whole, fraction)) if digits(whole) && digits(fraction) => Self::DecimalString,
            _ => Self::Text,
        }
    }

    fn strategy(&self, mode: Mode) -> BoxedStrategy<Json> {
        let number = |strategy: BoxedStrategy<String>| match mode {
            Mode::Canonical => strategy.prop_map(Json::Number).boxed(),
            Mode::Drift => (strategy, prop::bool::weighted(0.3))
                .prop_map(|(text, as_string)| {
                    if as_string {
                        Json::String(text)
                    } else {
                        Json::Number(text)
                    }
                })
                .boxed(),
        };
        match self {
            Self::Fixed(value) => Just(value.clone()).boxed(),
            Self::Bool => any::<bool>().prop_map(Json::Bool).boxed(),
            Self::Text => text().prop_map(Json::String).boxed(),
            Self::DigitString => (0..=u16::MAX)
                .prop_map(|n| Json::String(n.to_string()))
                .boxed(),
            Self::DecimalString => decimal().prop_map(Json::String).boxed(),
            Self::Integer => number((0..=u16::MAX).prop_map(|n| n.to_string()).boxed()),
            Self::Id => number(
                prop_oneof![Just(0), Just(i64::MAX), 0..=i64::MAX]
                    .prop_map(|n| n.to_string())
                    .boxed(),
            ),
            Self::Decimal => number(decimal()),
            Self::EpochMillis => number(
                prop_oneof![Just(0), Just(LAST_MILLI), 0..=LAST_MILLI]
                    .prop_map(|n| n.to_string())
                    .boxed(),
            ),
            Self::EpochSeconds { fraction } => {
                let seconds = prop_oneof![Just(0), Just(LAST_MILLI / 1000), 0..=LAST_MILLI / 1000];
                if *fraction {
                    // Written back without trailing zeros: the last digit is not 0.
                    number(
                        (seconds, 0..100_u32, 1..10_u32)
                            .prop_map(|(s, f, last)| format!("{s}.{f:02}{last}"))
                            .boxed(),
                    )
                } else {
                    number(seconds.prop_map(|s| s.to_string()).boxed())
                }
            }
            Self::Time { format } => time(*format).prop_map(Json::String).boxed(),
        }
    }
}

/// The last millisecond of the year 9999, the far end of every time format.
const LAST_MILLI: i64 = 253_402_300_799_999;

/// A decimal as its text: up to 28 significant digits and 28 places, the extremes of
/// `Decimal`, either sign.
fn decimal() -> BoxedStrategy<String> {
    const NINES: i128 = 9_999_999_999_999_999_999_999_999_999; // 28 digits
    let mantissa = prop_oneof![
        Just(0),
        Just(NINES),
        Just(-NINES),
        -NINES..=NINES,
        -100_000..100_000_i128
    ];
    prop_oneof![
        9 => (mantissa, 0..=28_u32).prop_map(|(m, scale)| Decimal::from_i128_with_scale(m, scale).to_string()),
        1 => prop::sample::select(vec![Decimal::MAX, Decimal::MIN]).prop_map(|d| d.to_string()),
    ]
    .boxed()
}

/// A time in `format`, from the year 0 to 9999, with the fraction digits the format shows.
fn time(format: TimeFormat) -> impl Strategy<Value = String> {
    let date = prop_oneof![
        Just((0, 1, 1)),
        Just((9999, 12, 31)),
        Just((2024, 2, 29)),
        (0..=9999_i32, 1..=12_u32, 1..=28_u32),
    ];
    let clock = (0..24_u32, 0..60_u32, 0..60_u32, 1..1000_u32);
    (date, clock).prop_map(move |((y, mo, d), (h, mi, s, ms))| {
        let date = format!("{y:04}-{mo:02}-{d:02}");
        let clock = format!("{h:02}:{mi:02}:{s:02}");
        match format {
            TimeFormat::Rfc3339Millis => format!("{date}T{clock}.{ms:03}Z"),
            TimeFormat::IsoDateTime => format!("{date}T{clock}"),
            TimeFormat::SpaceDateTime => format!("{date} {clock}"),
            TimeFormat::SpaceDateTimeMillis => format!("{date} {clock}.{ms:03}"),
            TimeFormat::Date => date,
            TimeFormat::TimeOfDay => clock,
        }
    })
}

/// Any text: empty, short or very long, from every Unicode plane, with the characters JSON
/// must escape (quotes, backslashes, control characters) and those it may (`/`).
fn text() -> BoxedStrategy<String> {
    let character = prop_oneof![
        4 => prop::char::range(' ', '~'),
        1 => prop::char::range('\0', '\u{1f}'),
        1 => prop::sample::select(vec!['"', '\\', '/', '\u{7f}', '\u{2028}', '\u{feff}']),
        1 => prop::char::range('\u{80}', '\u{d7ff}'),
        1 => prop::char::range('\u{e000}', '\u{fffd}'),
        1 => prop::char::range('\u{10000}', '\u{10ffff}'),
    ];
    prop_oneof![
        1 => Just(String::new()),
        8 => prop::collection::vec(character.clone(), 1..24).prop_map(String::from_iter),
        1 => (character, 1_000..20_000_usize).prop_map(|(c, n)| c.to_string().repeat(n)),
    ]
    .boxed()
}
