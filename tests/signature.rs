//! myKaarma's `mykaarma-signature-token`: HMAC-SHA256 of the raw body, `sha256=` and hex.
//!
//! myKaarma documents no test vector, so the expected values here were computed outside this
//! crate, by Python's standard library and by OpenSSL (the commands are next to each value).

mod common;

use aftersales_webhooks::mykaarma::{SIGNATURE_HEADER, SignatureError, SigningKey};

const KEY: &str = "api-username";
const BODY: &[u8] =
    br#"{"id":"a7b9c1d3-e5f7-4891-ab23-cd45ef678901","type":"customers","payload":"{}"}"#;
// python3 -c "import hmac,hashlib;print(hmac.new(b'api-username', b'{\"id\":\"a7b9c1d3-e5f7-4891-ab23-cd45ef678901\",\"type\":\"customers\",\"payload\":\"{}\"}', hashlib.sha256).hexdigest())"
// printf '%s' '{"id":"a7b9c1d3-e5f7-4891-ab23-cd45ef678901","type":"customers","payload":"{}"}' | openssl dgst -sha256 -hmac api-username
const BODY_SIGNATURE: &str =
    "sha256=a884d724d06353fb8040f90b7040e5ba51bb3542da13e952ddb08ab5dc4ccca9";

#[test]
fn the_header_is_named_as_documented() {
    assert_eq!(SIGNATURE_HEADER, "mykaarma-signature-token");
}

#[test]
fn signs_as_python_and_openssl_do() {
    let key = SigningKey::new(KEY);
    assert_eq!(key.sign(BODY), BODY_SIGNATURE);
    assert_eq!(key.verify(BODY, BODY_SIGNATURE), Ok(()));
}

#[test]
fn signs_a_documented_delivery_byte_for_byte() {
    // openssl dgst -sha256 -hmac api-username fixtures/mykaarma/appointment.wire.json
    let expected = "sha256=c277f743a579ef9941c1f104c6cf6b15e192c620d3fe613bfbd3f4083ecb4ced";
    let body = common::fixture("mykaarma/appointment.wire.json");
    let key = SigningKey::new(KEY);
    assert_eq!(key.sign(&body), expected);
    assert_eq!(key.verify(&body, expected.as_bytes()), Ok(()));
}

#[test]
fn agrees_with_rfc_4231() {
    // RFC 4231, test case 2 (HMAC-SHA-256).
    let key = SigningKey::new("Jefe");
    let expected = "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";
    assert_eq!(key.sign(b"what do ya want for nothing?"), expected);
}

#[test]
fn a_long_key_is_hashed_as_hmac_says() {
    // A key longer than SHA-256's 64-byte block:
    // python3 -c "import hmac,hashlib;print(hmac.new(b'k'*100, b'body', hashlib.sha256).hexdigest())"
    let key = SigningKey::new([b'k'; 100]);
    assert_eq!(
        key.sign(b"body"),
        "sha256=a3306f78bc603683d9d9d98b9304be3e3e99497c42e660d7b00f6698b0df4e89"
    );
}

#[test]
fn accepts_either_hex_case_and_prefix_case() {
    let key = SigningKey::new(KEY);
    let upper = format!(
        "sha256={}",
        BODY_SIGNATURE["sha256=".len()..].to_uppercase()
    );
    assert_eq!(key.verify(BODY, &upper), Ok(()));
    let upper_prefix = BODY_SIGNATURE.replace("sha256", "SHA256");
    assert_eq!(key.verify(BODY, upper_prefix), Ok(()));
}

#[test]
fn one_changed_byte_of_the_body_fails() {
    let key = SigningKey::new(KEY);
    for at in [0, BODY.len() / 2, BODY.len() - 1] {
        let mut body = BODY.to_vec();
        body[at] ^= 1;
        assert_eq!(
            key.verify(&body, BODY_SIGNATURE),
            Err(SignatureError::Mismatch)
        );
    }
    let mut longer = BODY.to_vec();
    longer.push(b'\n');
    assert_eq!(
        key.verify(&longer, BODY_SIGNATURE),
        Err(SignatureError::Mismatch)
    );
}

#[test]
fn another_key_fails() {
    let key = SigningKey::new("another-username");
    assert_eq!(
        key.verify(BODY, BODY_SIGNATURE),
        Err(SignatureError::Mismatch)
    );
}

#[test]
fn says_which_part_is_wrong() {
    let key = SigningKey::new(KEY);
    let hex = &BODY_SIGNATURE["sha256=".len()..];
    let cases: Vec<(String, SignatureError)> = vec![
        (hex.to_owned(), SignatureError::MissingPrefix),
        (String::new(), SignatureError::MissingPrefix),
        (
            format!("sha1={hex}"),
            SignatureError::OtherAlgorithm {
                name: "sha1".to_owned(),
            },
        ),
        (
            format!("={hex}"),
            SignatureError::OtherAlgorithm {
                name: String::new(),
            },
        ),
        (
            format!("sha256={}", hex.replace('a', "g")),
            SignatureError::BadHex,
        ),
        (format!("sha256= {}", &hex[1..]), SignatureError::BadHex),
        ("sha256=zz".to_owned(), SignatureError::BadHex),
        (format!("sha256={hex} "), SignatureError::BadHex),
        (
            format!("sha256={}", &hex[..62]),
            SignatureError::WrongLength { digits: 62 },
        ),
        (
            format!("sha256={}", &hex[..63]),
            SignatureError::WrongLength { digits: 63 },
        ),
        (
            format!("sha256={hex}00"),
            SignatureError::WrongLength { digits: 66 },
        ),
        (
            "sha256=".to_owned(),
            SignatureError::WrongLength { digits: 0 },
        ),
        (
            format!("sha256={}", "0".repeat(64)),
            SignatureError::Mismatch,
        ),
    ];
    for (value, expected) in cases {
        assert_eq!(key.verify(BODY, &value), Err(expected), "{value:?}");
    }
}

#[test]
fn errors_never_echo_the_key_or_the_expected_signature() {
    let key = SigningKey::new(KEY);
    let expected_hex = &BODY_SIGNATURE["sha256=".len()..];
    for value in [
        "nothing".to_owned(),
        format!("md5={expected_hex}"),
        "sha256=xyz".to_owned(),
        "sha256=abcd".to_owned(),
        format!("sha256={}", "1".repeat(64)),
    ] {
        let error = key.verify(BODY, &value).unwrap_err();
        for text in [error.to_string(), format!("{error:?}")] {
            assert!(!text.contains(KEY), "{text}");
            assert!(!text.contains(&expected_hex[..16]), "{text}");
        }
    }
    let error = key.verify(BODY, "sha256=abcd").unwrap_err();
    assert_eq!(
        error.to_string(),
        "the signature after `sha256=` has 4 hex digits, not 64"
    );
}

#[test]
fn another_algorithm_is_named_cut_and_printable() {
    let key = SigningKey::new(KEY);
    let long = format!("sha\n1{}={}", "x".repeat(100), "0".repeat(64));
    let Err(SignatureError::OtherAlgorithm { name }) = key.verify(BODY, long) else {
        panic!("expected OtherAlgorithm");
    };
    assert_eq!(name.chars().count(), 32);
    assert!(name.starts_with("sha\u{fffd}1xx"), "{name:?}");
}

#[test]
fn debug_redacts_the_key() {
    let key = SigningKey::new(KEY);
    assert_eq!(format!("{key:?}"), "SigningKey(<redacted>)");
    assert!(!format!("{key:#?}").contains(KEY));
}
