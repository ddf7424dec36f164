//! The header checks of the `http` feature, over an `http::HeaderMap` as any framework has it.
#![cfg(feature = "http")]

use aftersales_webhooks::http::HeaderError;
use aftersales_webhooks::mykaarma::{AuthorizationToken, SignatureError, SigningKey};
use aftersales_webhooks::service_order_hub::ConstantHeader;
use http::{HeaderMap, HeaderValue};

const TOKEN: &str = "myKaarma_5f0c6a1e-2b7d-4c1a-9e8f-0a1b2c3d4e5f";
const BODY: &[u8] = br#"{"id":"a7b9c1d3","type":"customers","payload":"{}"}"#;

fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
    let mut map = HeaderMap::new();
    for (name, value) in pairs {
        map.append(*name, HeaderValue::from_str(value).unwrap());
    }
    map
}

#[test]
fn the_token_is_checked_present_once_and_equal() {
    let token = AuthorizationToken::new(TOKEN);
    assert_eq!(
        token.verify_headers(&headers(&[("x-authorization-token", TOKEN)])),
        Ok(())
    );
    // Header names are case-insensitive on the wire; `http` keeps them in lower case.
    assert_eq!(
        token.verify_headers(&headers(&[("X-Authorization-Token", TOKEN)])),
        Ok(())
    );

    let missing = token.verify_headers(&headers(&[("authorization", TOKEN)]));
    assert_eq!(
        missing,
        Err(HeaderError::Missing {
            name: "x-authorization-token".into()
        })
    );
    let wrong = token.verify_headers(&headers(&[("x-authorization-token", "myKaarma_other")]));
    assert_eq!(
        wrong,
        Err(HeaderError::Mismatch {
            name: "x-authorization-token".into()
        })
    );
    let padded = token.verify_headers(&headers(&[("x-authorization-token", &format!("{TOKEN}x"))]));
    assert!(padded.is_err());
    let twice = token.verify_headers(&headers(&[
        ("x-authorization-token", TOKEN),
        ("x-authorization-token", TOKEN),
        ("x-authorization-token", "myKaarma_other"),
    ]));
    assert_eq!(
        twice,
        Err(HeaderError::Repeated {
            name: "x-authorization-token".into(),
            count: 3
        })
    );
    assert_eq!(twice.unwrap_err().header_name(), "x-authorization-token");
}

#[test]
fn the_signature_is_checked_against_the_raw_body() {
    let key = SigningKey::new("api-username");
    let signature = key.sign(BODY);
    let signed = headers(&[("mykaarma-signature-token", &signature)]);
    assert_eq!(key.verify_headers(&signed, BODY), Ok(()));
    assert_eq!(
        key.verify_headers(&signed, b"{}"),
        Err(HeaderError::Signature(SignatureError::Mismatch))
    );
    let spelled = headers(&[("myKaarma-signature-token", &signature)]);
    assert_eq!(key.verify_headers(&spelled, BODY), Ok(()));
    assert_eq!(
        key.verify_headers(&HeaderMap::new(), BODY),
        Err(HeaderError::Missing {
            name: "mykaarma-signature-token".into()
        })
    );
    let twice = headers(&[
        ("mykaarma-signature-token", &signature),
        ("mykaarma-signature-token", &signature),
    ]);
    assert!(matches!(
        key.verify_headers(&twice, BODY),
        Err(HeaderError::Repeated { count: 2, .. })
    ));
    let error = key.verify_headers(&headers(&[("mykaarma-signature-token", "sha512=00")]), BODY);
    assert_eq!(
        error.unwrap_err().to_string(),
        "the mykaarma-signature-token header is refused: the signature is made with `sha512`; only `sha256` is known"
    );
}

#[test]
fn a_non_text_header_value_is_compared_as_bytes() {
    let token = AuthorizationToken::new(b"caf\xe9");
    let mut map = HeaderMap::new();
    map.insert(
        "x-authorization-token",
        HeaderValue::from_bytes(b"caf\xe9").unwrap(),
    );
    assert_eq!(token.verify_headers(&map), Ok(()));
}

#[test]
fn the_constant_header_is_checked_by_its_configured_name() {
    let header = ConstantHeader::new("X-Webhook-Secret", "6f1c4b0e9a3d");
    assert_eq!(
        header.verify_headers(&headers(&[("x-webhook-secret", "6f1c4b0e9a3d")])),
        Ok(())
    );
    assert_eq!(
        header.verify_headers(&headers(&[("x-webhook-secret", "6F1C4B0E9A3D")])),
        Err(HeaderError::Mismatch {
            name: "x-webhook-secret".into()
        })
    );
    assert_eq!(
        header.verify_headers(&HeaderMap::new()),
        Err(HeaderError::Missing {
            name: "x-webhook-secret".into()
        })
    );
    let error = header
        .verify_headers(&headers(&[
            ("x-webhook-secret", "a"),
            ("x-webhook-secret", "b"),
        ]))
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "the x-webhook-secret header is sent 2 times; expected once"
    );
}

#[test]
fn a_constant_header_with_an_invalid_name_is_never_found() {
    let header = ConstantHeader::new("not a header name", "secret");
    assert_eq!(
        header.verify_headers(&headers(&[("x-webhook-secret", "secret")])),
        Err(HeaderError::Missing {
            name: "not a header name".into()
        })
    );
}

#[test]
fn errors_never_hold_a_secret() {
    let token = AuthorizationToken::new(TOKEN);
    let header = ConstantHeader::new("x-webhook-secret", "6f1c4b0e9a3d");
    let sent = headers(&[
        ("x-authorization-token", "myKaarma_other"),
        ("x-webhook-secret", "guess"),
    ]);
    for error in [
        token.verify_headers(&sent).unwrap_err(),
        header.verify_headers(&sent).unwrap_err(),
    ] {
        for text in [error.to_string(), format!("{error:?}")] {
            for secret in [TOKEN, "6f1c4b0e9a3d", "myKaarma_other", "guess"] {
                assert!(!text.contains(secret), "{text}");
            }
        }
    }
}
