//! The shared secret that myKaarma sends with every webhook request.

use std::fmt;

use subtle::ConstantTimeEq;

/// The HTTP request header that carries the token agreed with myKaarma beforehand:
/// `x-authorization-token`. HTTP header names are case-insensitive; this is the spelling the
/// docs use.
pub const AUTHORIZATION_HEADER: &str = "x-authorization-token";

/// The token agreed with myKaarma, for checking the [`AUTHORIZATION_HEADER`] of a request.
///
/// The comparison takes the same time wherever the first differing byte is, so response
/// timing does not reveal the token. `Debug` does not show the token.
///
/// ```
/// use aftersales_webhooks::mykaarma::AuthorizationToken;
///
/// let token = AuthorizationToken::new("s3cret-shared-with-mykaarma");
/// assert!(token.verify(b"s3cret-shared-with-mykaarma"));
/// assert!(!token.verify(b"s3cret-shared-with-mykaarmA"));
/// assert_eq!(format!("{token:?}"), "AuthorizationToken(<redacted>)");
/// ```
#[derive(Clone)]
pub struct AuthorizationToken(Box<[u8]>);

impl AuthorizationToken {
    /// The token as agreed with myKaarma.
    pub fn new(token: impl AsRef<[u8]>) -> Self {
        Self(token.as_ref().into())
    }

    /// Whether `header_value`, the raw value of the request's [`AUTHORIZATION_HEADER`], is the
    /// token. A missing header should be treated as a failed check. The value is compared
    /// byte for byte: no trimming, no case folding.
    pub fn verify(&self, header_value: impl AsRef<[u8]>) -> bool {
        self.0.as_ref().ct_eq(header_value.as_ref()).into()
    }
}

impl fmt::Debug for AuthorizationToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("AuthorizationToken(<redacted>)")
    }
}
