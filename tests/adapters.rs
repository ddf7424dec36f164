//! The wire adapters' edge cases, through the public API.

use aftersales_webhooks::from_slice;
use aftersales_webhooks::wire::{
    EpochMillis, ExactDecimal, IsoDate, LenientNumber, Numeric, NumericString, RawJson,
    SpaceDateTime, SpaceDateTimeMillis,
};
use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_with::serde_as;

#[serde_as]
#[derive(Debug, PartialEq, Deserialize, Serialize)]
struct Fields {
    #[serde_as(as = "Option<ExactDecimal>")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    money: Option<Decimal>,
    #[serde_as(as = "Option<LenientNumber>")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    count: Option<u32>,
    #[serde_as(as = "NumericString")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    year: Option<u16>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    duration: Option<Numeric<u32>>,
    #[serde_as(as = "Option<EpochMillis>")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    at: Option<DateTime<Utc>>,
    #[serde_as(as = "Option<SpaceDateTime>")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    local: Option<NaiveDateTime>,
    #[serde_as(as = "Option<SpaceDateTimeMillis>")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    created: Option<NaiveDateTime>,
    #[serde_as(as = "Option<IsoDate>")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    day: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    raw: Option<RawJson>,
}

fn decode_as<T: serde::de::DeserializeOwned>(json: &str) -> Result<T, aftersales_webhooks::Error> {
    from_slice(json.as_bytes())
}

/// Decodes `json`, encodes it, and checks the encoding is `json` again, byte for byte.
fn round_trip_as<T: serde::de::DeserializeOwned + Serialize>(json: &str) -> T {
    let value: T = decode_as(json).unwrap_or_else(|e| panic!("{json}: {e}"));
    assert_eq!(serde_json::to_string(&value).unwrap(), json);
    value
}

/// Checks that `json` fails to decode as `T` at `path`; the error's text.
fn fails_as<T: serde::de::DeserializeOwned + std::fmt::Debug>(json: &str, path: &str) -> String {
    let error = decode_as::<T>(json).expect_err(json);
    assert_eq!(error.path(), path, "{json}");
    error.to_string()
}

fn decode(json: &str) -> Result<Fields, aftersales_webhooks::Error> {
    decode_as(json)
}

fn round_trip(json: &str) -> Fields {
    round_trip_as(json)
}

fn fails(json: &str, path: &str) -> String {
    fails_as::<Fields>(json, path)
}

#[test]
fn missing_and_null_are_the_same() {
    let empty = decode("{}").unwrap();
    let nulls = decode(r#"{"money":null,"count":null,"year":null,"duration":null,"at":null,"local":null,"created":null,"day":null}"#).unwrap();
    assert_eq!(empty, nulls);
    assert_eq!(serde_json::to_string(&empty).unwrap(), "{}");
}

#[test]
fn exact_decimal_keeps_every_digit_and_the_scale() {
    assert_eq!(round_trip(r#"{"money":20.00}"#).money.unwrap().scale(), 2);
    round_trip(r#"{"money":-0.5}"#);
    round_trip(r#"{"money":0.0000000000000000000000000001}"#);
    round_trip(r#"{"money":7922816251426433759354395033.5}"#);
    // 28 significant digits survive where f64 keeps about 15.
    assert_eq!(
        round_trip(r#"{"money":1234567890123456789.012345678}"#)
            .money
            .unwrap()
            .to_string(),
        "1234567890123456789.012345678"
    );
    let quoted = decode(r#"{"money":"82.00"}"#).unwrap();
    assert_eq!(quoted.money.unwrap().to_string(), "82.00");
    assert_eq!(
        decode(r#"{"money":1e3}"#).unwrap().money,
        Some(Decimal::from(1000))
    );
}

#[test]
fn exact_decimal_refuses_what_is_not_a_number() {
    for bad in [
        r#""""#,
        r#""abc""#,
        r#""1_000""#,
        "true",
        "{}",
        "[20]",
        r#"" 20""#,
    ] {
        let shown = fails(&format!(r#"{{"money":{bad}}}"#), "money");
        assert!(shown.contains("expected a decimal number"), "{shown}");
    }
    let shown = fails(r#"{"money":79228162514264337593543950336}"#, "money");
    assert!(shown.contains("out of range"), "{shown}");
}

#[test]
fn lenient_number_reads_numeric_strings_and_writes_numbers() {
    round_trip(r#"{"count":4294967295}"#);
    assert_eq!(decode(r#"{"count":"60"}"#).unwrap().count, Some(60));
    for bad in [
        "-1",
        "4294967296",
        "1.5",
        r#""""#,
        r#""6O""#,
        r#""+6""#,
        "true",
    ] {
        fails(&format!(r#"{{"count":{bad}}}"#), "count");
    }
}

#[test]
fn numeric_string_reads_numbers_and_blank_and_writes_strings() {
    round_trip(r#"{"year":"2011"}"#);
    assert_eq!(decode(r#"{"year":2011}"#).unwrap().year, Some(2011));
    assert_eq!(decode(r#"{"year":""}"#).unwrap().year, None);
    fails(r#"{"year":"MMXI"}"#, "year");
    fails(r#"{"year":"70000"}"#, "year");
}

#[test]
fn numeric_keeps_its_wire_form() {
    let quoted = round_trip(r#"{"duration":"60"}"#).duration.unwrap();
    assert!(quoted.is_quoted());
    let plain = round_trip(r#"{"duration":720}"#).duration.unwrap();
    assert!(!plain.is_quoted());
    assert_ne!(Numeric::new(60_u32), Numeric::quoted(60_u32));
    assert_eq!(
        format!("{quoted:?} {plain:?}"),
        r#"Numeric("60") Numeric(720)"#
    );
    fails(r#"{"duration":""}"#, "duration");
}

#[test]
fn epoch_millis_covers_the_range_and_refuses_beyond() {
    round_trip(r#"{"at":0}"#);
    round_trip(r#"{"at":-1}"#);
    round_trip(r#"{"at":1728542293678}"#);
    round_trip(r#"{"at":8210266876799999}"#);
    assert_eq!(
        decode(r#"{"at":"1728542293678"}"#)
            .unwrap()
            .at
            .unwrap()
            .to_rfc3339(),
        "2024-10-10T06:38:13.678+00:00"
    );
    for bad in [
        "8210266876800000",
        "9223372036854775807",
        "-9223372036854775808",
        "1.5",
        r#""""#,
        r#""soon""#,
    ] {
        fails(&format!(r#"{{"at":{bad}}}"#), "at");
    }
}

#[test]
fn space_date_times_write_back_the_fraction_that_came() {
    round_trip(r#"{"local":"2025-09-26 12:29:17"}"#);
    round_trip(r#"{"local":"2025-09-26 12:29:17.500"}"#);
    round_trip(r#"{"created":"2025-09-27 02:19:21.796"}"#);
    round_trip(r#"{"created":"2025-09-27 02:19:21.000"}"#);
    round_trip(r#"{"created":"2025-09-27 02:19:21.000001"}"#);
    let created = decode(r#"{"created":"2025-09-27 02:19:21"}"#)
        .unwrap()
        .created
        .unwrap();
    assert_eq!(created.to_string(), "2025-09-27 02:19:21");
    for bad in [
        r#""2025-09-27T02:19:21""#,
        r#""27/09/2025 02:19""#,
        r#""2025-02-30 00:00:00""#,
        "1728542293678",
        r#""""#,
    ] {
        let shown = fails(&format!(r#"{{"local":{bad}}}"#), "local");
        assert!(shown.contains("YYYY-MM-DD hh:mm:ss"), "{shown}");
    }
}

#[test]
fn iso_dates() {
    round_trip(r#"{"day":"2025-09-27"}"#);
    for bad in [
        r#""2025-13-01""#,
        r#""27.09.2025""#,
        r#""2025-09-27 00:00:00""#,
    ] {
        fails(&format!(r#"{{"day":{bad}}}"#), "day");
    }
}

#[test]
fn raw_json_is_kept_verbatim() {
    #[derive(Deserialize)]
    struct Shape {
        b: Vec<serde_json::Value>,
    }
    let fields = round_trip(r#"{"raw":{"b":[1.50,"\u00e9"],"a":null}}"#);
    assert_eq!(
        fields.raw.unwrap().get(),
        r#"{"b":[1.50,"\u00e9"],"a":null}"#
    );
    let raw: RawJson = from_slice(br#"{"b":[1]}"#).unwrap();
    assert_eq!(raw.parse::<Shape>().unwrap().b.len(), 1);
}

#[test]
fn open_enums_agree_with_from_str_and_keep_unknown_text() {
    use aftersales_webhooks::mykaarma::{PayType, PayTypeKind};
    for text in [
        "C", "CUSTOMER", "Customer", "customer", "W", "I", "FLEET", "",
    ] {
        let parsed: PayType = text.parse().unwrap();
        let decoded: PayType = from_slice(serde_json::to_string(text).unwrap().as_bytes()).unwrap();
        assert_eq!(parsed, decoded);
        assert_eq!(decoded.as_str(), text);
        assert_eq!(
            serde_json::to_string(&decoded).unwrap(),
            serde_json::to_string(text).unwrap()
        );
    }
    assert_eq!(
        "Customer".parse::<PayType>().unwrap().kind(),
        PayTypeKind::Customer
    );
    assert_eq!(
        "FLEET".parse::<PayType>().unwrap().kind(),
        PayTypeKind::Other
    );
    assert_eq!(
        PayType::from_kind(PayTypeKind::Warranty).unwrap().as_str(),
        "W"
    );
    assert!(PayType::from_kind(PayTypeKind::Other).is_none());
    assert!(from_slice::<PayType>(b"42").is_err());
}

mod issue_three_formats {
    use aftersales_webhooks::wire::{
        BlankOr, Blankable, BoolString, DecimalString, EpochOrLocal, EpochSeconds, IsoDate,
        IsoDateTime, OneZero, Present, TimeOfDay, YesNo,
    };
    use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, Utc};
    use rust_decimal::Decimal;
    use serde::{Deserialize, Serialize};
    use serde_with::serde_as;

    #[serde_as]
    #[derive(Debug, PartialEq, Deserialize, Serialize)]
    struct Formats {
        #[serde_as(as = "Option<BlankOr<DecimalString>>")]
        #[serde(default, skip_serializing_if = "Option::is_none")]
        money: Option<Blankable<Decimal>>,
        #[serde_as(as = "Option<BlankOr<IsoDate>>")]
        #[serde(default, skip_serializing_if = "Option::is_none")]
        day: Option<Blankable<NaiveDate>>,
        #[serde_as(as = "Option<BlankOr<TimeOfDay>>")]
        #[serde(default, skip_serializing_if = "Option::is_none")]
        time: Option<Blankable<NaiveTime>>,
        #[serde_as(as = "Option<EpochSeconds>")]
        #[serde(default, skip_serializing_if = "Option::is_none")]
        seconds: Option<DateTime<Utc>>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        either: Option<EpochOrLocal>,
        #[serde_as(as = "Option<IsoDateTime>")]
        #[serde(default, skip_serializing_if = "Option::is_none")]
        iso: Option<NaiveDateTime>,
        #[serde_as(as = "Option<BoolString>")]
        #[serde(default, skip_serializing_if = "Option::is_none")]
        text_bool: Option<bool>,
        #[serde_as(as = "Option<BlankOr<YesNo>>")]
        #[serde(default, skip_serializing_if = "Option::is_none")]
        yes_no: Option<Blankable<bool>>,
        #[serde_as(as = "Option<OneZero>")]
        #[serde(default, skip_serializing_if = "Option::is_none")]
        one_zero: Option<bool>,
    }

    fn decode(json: &str) -> Result<Formats, aftersales_webhooks::Error> {
        super::decode_as(json)
    }

    fn round_trip(json: &str) -> Formats {
        super::round_trip_as(json)
    }

    fn fails(json: &str, path: &str) -> String {
        super::fails_as::<Formats>(json, path)
    }

    #[test]
    fn string_money_keeps_its_form_and_scale_and_blank_stays_apart_from_null() {
        let value = round_trip(r#"{"money":"82.00"}"#).money;
        assert_eq!(
            value.present().map(ToString::to_string).as_deref(),
            Some("82.00")
        );
        assert_eq!(round_trip(r#"{"money":""}"#).money, Some(Blankable::Blank));
        assert_eq!(decode(r#"{"money":null}"#).unwrap().money, None);
        assert_eq!(
            decode(r#"{"money":1.10}"#)
                .unwrap()
                .money
                .present()
                .map(ToString::to_string)
                .as_deref(),
            Some("1.10")
        );
        let shown = fails(r#"{"money":"12,50"}"#, "money");
        assert!(
            shown.contains("\"12,50\"") && !shown.contains("line 1 column 7 at"),
            "{shown}"
        );
    }

    #[test]
    fn blankable_dates_and_times() {
        round_trip(r#"{"day":"2024-11-12","time":"21:00:00"}"#);
        round_trip(r#"{"day":"","time":""}"#);
        round_trip(r#"{"time":"08:30:00.250"}"#);
        fails(r#"{"day":"12/11/2024"}"#, "day");
        fails(r#"{"time":"25:00:00"}"#, "time");
    }

    #[test]
    fn epoch_seconds_are_read_exactly() {
        let at = round_trip(r#"{"seconds":1778659067.694}"#).seconds.unwrap();
        assert_eq!(at.timestamp_subsec_nanos(), 694_000_000);
        round_trip(r#"{"seconds":1778659065}"#);
        round_trip(r#"{"seconds":0}"#);
        round_trip(r#"{"seconds":-1.5}"#);
        round_trip(r#"{"seconds":1778659067.000000001}"#);
        let quoted = decode(r#"{"seconds":"1778659067.694"}"#)
            .unwrap()
            .seconds
            .unwrap();
        let exponent = decode(r#"{"seconds":1.778659067694E9}"#)
            .unwrap()
            .seconds
            .unwrap();
        assert_eq!((quoted, exponent), (at, at));
        for bad in ["1e30", r#""soon""#, "true", r#""""#] {
            fails(&format!(r#"{{"seconds":{bad}}}"#), "seconds");
        }
    }

    #[test]
    fn epoch_or_local_keeps_which_came() {
        let epoch = round_trip(r#"{"either":1778659065996}"#).either.unwrap();
        assert_eq!(
            epoch.as_epoch().map(|at| at.timestamp_millis()),
            Some(1_778_659_065_996)
        );
        let local = round_trip(r#"{"either":"2026-02-19T10:30:00"}"#)
            .either
            .unwrap();
        assert_eq!(
            local.as_local().map(|at| at.to_string()).as_deref(),
            Some("2026-02-19 10:30:00")
        );
        round_trip(r#"{"either":"2026-02-19T10:30:00.125"}"#);
        // Milliseconds as a numeric string are milliseconds, written back as a number.
        let text = decode(r#"{"either":"1778659065996"}"#).unwrap().either;
        assert_eq!(text, Some(epoch));
        assert_eq!(serde_json::to_string(&text).unwrap(), "1778659065996");
        for bad in [
            r#""-""#,
            r#""99999999999999999999""#,
            r#""2026-02-19T10:30:00Z""#,
            r#""2026-02-19 10:30:00""#,
            r#""19/02/2026""#,
            "1.5",
        ] {
            let shown = fails(&format!(r#"{{"either":{bad}}}"#), "either");
            assert!(
                shown.contains("milliseconds") || shown.contains("YYYY-MM-DD"),
                "{shown}"
            );
        }
        round_trip(r#"{"iso":"2026-02-19T09:15:00"}"#);
        fails(r#"{"iso":"2026-02-19T09:15:00+01:00"}"#, "iso");
    }

    #[test]
    fn booleans_written_as_text() {
        assert_eq!(
            round_trip(r#"{"text_bool":"false"}"#).text_bool,
            Some(false)
        );
        assert_eq!(
            decode(r#"{"text_bool":true}"#).unwrap().text_bool,
            Some(true)
        );
        assert_eq!(
            round_trip(r#"{"yes_no":"N"}"#).yes_no,
            Some(Blankable::Value(false))
        );
        assert_eq!(
            round_trip(r#"{"yes_no":""}"#).yes_no,
            Some(Blankable::Blank)
        );
        assert_eq!(round_trip(r#"{"one_zero":"1"}"#).one_zero, Some(true));
        fails(r#"{"text_bool":"yes"}"#, "text_bool");
        fails(r#"{"yes_no":"X"}"#, "yes_no");
        fails(r#"{"one_zero":"2"}"#, "one_zero");
    }
}

/// A time whose format the vendor does not give (myKaarma's messages): every form decodes and
/// is written back digit for digit.
mod undocumented_time_format {
    use aftersales_webhooks::wire::{EpochOrText, TextForm};
    use chrono::{DateTime, FixedOffset, NaiveDate};
    use serde::{Deserialize, Serialize};

    #[derive(Debug, PartialEq, Deserialize, Serialize)]
    struct At {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        at: Option<EpochOrText>,
    }

    fn round_trip(json: &str) -> EpochOrText {
        super::round_trip_as::<At>(json).at.unwrap()
    }

    #[test]
    fn every_form_is_written_back_as_it_came() {
        for wire in [
            "1728542293678",
            "0",
            "-1",
            r#""2024-10-10T06:38:13""#,
            r#""2024-10-10 06:38:13""#,
            r#""2024-10-10T06:38:13.1""#,
            r#""2024-10-10T06:38:13.000""#,
            r#""2024-10-10 06:38:13.105""#,
            r#""2024-10-10T06:38:13.000000""#,
            r#""2024-10-10T06:38:13.123456789""#,
            r#""2024-10-10T06:38:13Z""#,
            r#""2024-10-10T06:38:13.000Z""#,
            r#""2024-10-10T06:38:13+00:00""#,
            r#""2024-10-10T06:38:13.5+0000""#,
            r#""2024-10-10T13:38:13+07:00""#,
            r#""2024-10-10T13:38:13.678+0700""#,
            r#""2024-10-10T01:08:13-05:30""#,
            r#""2024-10-10 13:38:13+07:00""#,
            r#""2016-12-31T23:59:60Z""#,
            r#""0000-01-01T00:00:00""#,
            r#""9999-12-31T23:59:59.999Z""#,
        ] {
            round_trip(&format!(r#"{{"at":{wire}}}"#));
        }
    }

    #[test]
    fn each_form_says_what_it_is() {
        let instant = DateTime::from_timestamp_millis(1_728_542_293_678).unwrap();
        let epoch = round_trip(r#"{"at":1728542293678}"#);
        assert_eq!(epoch, EpochOrText::Epoch(instant));
        assert_eq!(epoch.as_instant(), Some(instant));
        assert_eq!(epoch.as_local(), None);
        for zoned in [
            r#"{"at":"2024-10-10T06:38:13.678Z"}"#,
            r#"{"at":"2024-10-10T13:38:13.678+07:00"}"#,
            r#"{"at":"2024-10-10T13:38:13.678+0700"}"#,
            r#"{"at":"2024-10-10T01:08:13.678-05:30"}"#,
        ] {
            let time = round_trip(zoned);
            assert!(matches!(time, EpochOrText::Zoned(..)), "{zoned}");
            assert_eq!(time.as_instant(), Some(instant), "{zoned}");
            assert_eq!(time.as_local(), None);
        }
        let EpochOrText::Zoned(at, _) = round_trip(r#"{"at":"2024-10-10T13:38:13+07:00"}"#) else {
            panic!()
        };
        assert_eq!(at.offset(), &FixedOffset::east_opt(7 * 3600).unwrap());
        // Without a zone: local time, never taken as UTC.
        let local = round_trip(r#"{"at":"2024-10-10 06:38:13.678"}"#);
        assert_eq!(local.as_instant(), None);
        assert_eq!(
            local.as_local(),
            NaiveDate::from_ymd_opt(2024, 10, 10)
                .unwrap()
                .and_hms_milli_opt(6, 38, 13, 678)
        );
        // The same time written two ways is two values: each is written back as it came.
        assert_ne!(
            round_trip(r#"{"at":"2024-10-10T06:38:13Z"}"#),
            round_trip(r#"{"at":"2024-10-10T06:38:13+00:00"}"#)
        );
        assert_ne!(local, round_trip(r#"{"at":"2024-10-10T06:38:13.678"}"#));
    }

    #[test]
    fn milliseconds_as_text_are_written_back_as_a_number() {
        let at: At = super::decode_as(r#"{"at":"1728542293678"}"#).unwrap();
        assert_eq!(at.at, Some(round_trip(r#"{"at":1728542293678}"#)));
        assert_eq!(
            serde_json::to_string(&at).unwrap(),
            r#"{"at":1728542293678}"#
        );
    }

    #[test]
    fn values_built_here_are_written_as_iso_8601() {
        let day = NaiveDate::from_ymd_opt(2024, 10, 10).unwrap();
        let write = |time: EpochOrText| serde_json::to_string(&time).unwrap();
        let local = EpochOrText::Local(day.and_hms_opt(6, 38, 13).unwrap(), TextForm::default());
        assert_eq!(write(local), r#""2024-10-10T06:38:13""#);
        let millis = day.and_hms_milli_opt(6, 38, 13, 50).unwrap();
        assert_eq!(
            write(EpochOrText::Local(millis, TextForm::default())),
            r#""2024-10-10T06:38:13.050""#
        );
        let utc = FixedOffset::east_opt(0).unwrap();
        let zoned = millis.and_local_timezone(utc).unwrap();
        assert_eq!(
            write(EpochOrText::Zoned(zoned, TextForm::default())),
            r#""2024-10-10T06:38:13.050Z""#
        );
        let east = FixedOffset::east_opt(7 * 3600).unwrap();
        let zoned = millis.and_local_timezone(east).unwrap();
        assert_eq!(
            write(EpochOrText::Zoned(zoned, TextForm::default())),
            r#""2024-10-10T06:38:13.050+07:00""#
        );
        // An offset with seconds has no text form here: an error, not a rounded offset.
        let odd = FixedOffset::east_opt(7 * 3600 + 1).unwrap();
        let zoned = millis.and_local_timezone(odd).unwrap();
        let time = EpochOrText::Zoned(zoned, TextForm::default());
        assert!(serde_json::to_string(&time).is_err());
    }

    #[test]
    fn what_is_not_a_time_is_refused_naming_the_value() {
        for bad in [
            r#""""#,
            r#""soon""#,
            r#""2024-10-10""#,
            r#""2024-10-10T06:38""#,
            r#""2024-10-10t06:38:13""#,
            r#""2024/10/10T06:38:13""#,
            r#""2024-10-10T06:38:13.""#,
            r#""2024-10-10T06:38:13.5.5""#,
            r#""2024-10-10T06:38:13 ""#,
            r#""2024-10-10T06:38:13z""#,
            r#""2024-10-10T06:38:13Zjunk""#,
            r#""2024-10-10T06:38:13+7""#,
            r#""2024-10-10T06:38:13+07""#,
            r#""2024-10-10T06:38:13+24:00""#,
            r#""2024-10-10T06:38:13+07:60""#,
            r#""2024-10-10T06:38:13+0a:00""#,
            r#""2024-10-10T06:38:13*07:00""#,
            r#""2024-13-10T06:38:13""#,
            r#""2024-10-10T25:38:13Z""#,
            r#""10/10/2024 06:38:13""#,
            r#""99999999999999999999""#,
            "1.5",
            "18446744073709551615",
            "9223372036854775807",
            "true",
            "{}",
        ] {
            let shown = super::fails_as::<At>(&format!(r#"{{"at":{bad}}}"#), "at");
            assert!(
                shown.contains("milliseconds since the Unix epoch"),
                "{bad}: {shown}"
            );
            if bad.starts_with("\"2024") {
                assert!(shown.contains(bad), "{bad}: {shown}");
            }
        }
    }
}
