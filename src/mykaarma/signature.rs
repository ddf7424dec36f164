//! The HMAC signature that myKaarma sends with every webhook request.

use std::fmt;

use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;

/// The HTTP request header that carries the signature of a request's body:
/// `mykaarma-signature-token`, valued `sha256=` and the signature in hex. HTTP header names
/// are case-insensitive; one revision of the docs spells it `myKaarma-signature-token`.
pub const SIGNATURE_HEADER: &str = "mykaarma-signature-token";

/// The algorithm prefix of a [`SIGNATURE_HEADER`] value, before the `=`.
const ALGORITHM: &str = "sha256";

/// The number of hex digits of an HMAC-SHA256.
const HEX_DIGITS: usize = 64;

/// The longest algorithm name a [`SignatureError::OtherAlgorithm`] repeats; the rest is cut.
const MAX_NAME: usize = 32;

/// The key myKaarma signs webhook requests with, for checking (and making) the
/// [`SIGNATURE_HEADER`] of a request: `sha256=` and the lower-case hex of the HMAC-SHA256 of
/// the request body.
///
/// What myKaarma's "Signature token verification" page says, and what this type assumes:
/// - **Confirmed**: every event carries the header; the algorithm is HMAC with SHA-256
///   ("currently"); the value is `sha256=` followed by the signature, in hexadecimal (one
///   revision of the page says hexadecimal, the other names no encoding).
/// - **Confirmed**: the key is, at present, the *username* of the basic-auth credentials that
///   myKaarma issued for its APIs, and myKaarma says it is working on another way of choosing
///   the key: expect it to change, and keep it in configuration.
/// - **Assumed**: the signed bytes are the request body exactly as received (before any JSON
///   parsing; the stringified `payload` is part of them). Verify the raw bytes: a body decoded
///   and encoded again differs byte for byte and fails.
/// - **Assumed**: the key's bytes are the UTF-8 bytes of the username as issued; the hex may
///   come in either letter case (both are accepted; [`sign`](Self::sign) writes lower case).
/// - **Not documented**: a test vector (a key, a body and its signature together), any other
///   algorithm, and any replay protection (no time or nonce is signed).
///
/// The comparison takes the same time wherever the first differing byte is, so response
/// timing does not reveal the expected signature. `Debug` does not show the key.
///
/// ```
/// use aftersales_webhooks::mykaarma::{SignatureError, SigningKey};
///
/// let key = SigningKey::new("api-username");
/// let body = br#"{"id":"a7b9c1d3-e5f7-4891-ab23-cd45ef678901","type":"customers","payload":"{}"}"#;
/// let header = key.sign(body);
/// assert!(header.starts_with("sha256="));
/// assert_eq!(key.verify(body, &header), Ok(()));
///
/// // One byte changed in the body, and the signature no longer matches it:
/// let mut tampered = body.to_vec();
/// tampered[7] = b'b';
/// assert_eq!(key.verify(&tampered, &header), Err(SignatureError::Mismatch));
/// assert_eq!(format!("{key:?}"), "SigningKey(<redacted>)");
/// ```
#[derive(Clone)]
pub struct SigningKey(Hmac<Sha256>);

impl SigningKey {
    /// The key as agreed with myKaarma (today, the username of the API credentials), of any
    /// length.
    #[allow(
        clippy::missing_panics_doc,
        reason = "never panics: HMAC takes a key of any length"
    )]
    pub fn new(key: impl AsRef<[u8]>) -> Self {
        // The keyed state (the key's inner and outer pads) is computed once, here.
        #[allow(
            clippy::expect_used,
            reason = "HMAC takes a key of any length: hmac's own `KeyInit::new` relies on this"
        )]
        let mac =
            Hmac::<Sha256>::new_from_slice(key.as_ref()).expect("HMAC accepts keys of any length");
        Self(mac)
    }

    /// The [`SIGNATURE_HEADER`] value for `body`: `sha256=` and the lower-case hex of the
    /// HMAC-SHA256 of the bytes. For tests and for forwarding a body to a receiver that checks
    /// it.
    pub fn sign(&self, body: &[u8]) -> String {
        let mut mac = self.0.clone();
        mac.update(body);
        let tag = mac.finalize().into_bytes();
        format!("{ALGORITHM}={}", base16ct::lower::encode_string(&tag))
    }

    /// Checks `header_value`, the raw value of the request's [`SIGNATURE_HEADER`], against
    /// `body`, the request body exactly as received.
    ///
    /// The value must be `sha256=` (the algorithm name in either letter case) followed by 64
    /// hex digits (in either letter case), and nothing else: no white space is trimmed. A
    /// missing header should be treated as a failed check.
    ///
    /// # Errors
    /// [`SignatureError`], saying which part of the value is wrong; it never holds the key or
    /// the expected signature.
    pub fn verify(
        &self,
        body: &[u8],
        header_value: impl AsRef<[u8]>,
    ) -> Result<(), SignatureError> {
        let value = header_value.as_ref();
        let Some((name, hex)) = value
            .iter()
            .position(|&byte| byte == b'=')
            .and_then(|equals| value.split_at_checked(equals))
        else {
            return Err(SignatureError::MissingPrefix);
        };
        if !name.eq_ignore_ascii_case(ALGORITHM.as_bytes()) {
            return Err(SignatureError::OtherAlgorithm {
                name: printable_name(name),
            });
        }
        let hex = hex.get(1..).unwrap_or_default();
        let mut tag = [0_u8; HEX_DIGITS / 2];
        match base16ct::mixed::decode(hex, &mut tag) {
            Ok(decoded) if decoded.len() == HEX_DIGITS / 2 => {}
            Err(base16ct::Error::InvalidEncoding) => return Err(SignatureError::BadHex),
            // A short, long or odd-length value: say so, unless it is not hex at all.
            Ok(_) | Err(base16ct::Error::InvalidLength) => {
                return Err(if hex.iter().all(u8::is_ascii_hexdigit) {
                    SignatureError::WrongLength { digits: hex.len() }
                } else {
                    SignatureError::BadHex
                });
            }
        }
        let mut mac = self.0.clone();
        mac.update(body);
        mac.verify_slice(&tag).map_err(|_| SignatureError::Mismatch)
    }
}

/// The algorithm name as sent, made safe to log: at most [`MAX_NAME`] characters, control
/// characters and invalid UTF-8 replaced.
fn printable_name(name: &[u8]) -> String {
    String::from_utf8_lossy(name)
        .chars()
        .take(MAX_NAME)
        .map(|c| if c.is_control() { '\u{fffd}' } else { c })
        .collect()
}

impl fmt::Debug for SigningKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SigningKey(<redacted>)")
    }
}

/// Why a [`SIGNATURE_HEADER`] value was refused. The messages name the part of the value that
/// is wrong, never the key or the signature expected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SignatureError {
    /// The value has no `=`: it does not start with an algorithm name such as `sha256=`.
    #[error("the signature has no algorithm prefix: expected `sha256=` and 64 hex digits")]
    MissingPrefix,
    /// The value names an algorithm other than `sha256` (kept here, cut to 32 characters: it
    /// is not secret).
    #[error("the signature is made with `{name}`; only `sha256` is known")]
    OtherAlgorithm {
        /// The algorithm name as sent, before the `=`.
        name: String,
    },
    /// The signature after `sha256=` holds a character that is not a hex digit.
    #[error("the signature after `sha256=` is not hexadecimal")]
    BadHex,
    /// The signature after `sha256=` is hex, but not the 64 digits of an HMAC-SHA256.
    #[error("the signature after `sha256=` has {digits} hex digits, not 64")]
    WrongLength {
        /// How many hex digits were sent.
        digits: usize,
    },
    /// The signature is well formed but is not the body's: another key, or other bytes.
    #[error("the signature does not match the body")]
    Mismatch,
}
