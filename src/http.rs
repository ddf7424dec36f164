//! Checks of a webhook request's headers over an [`http::HeaderMap`], for any framework built
//! on the `http` crate (feature `http`).
//!
//! Each check is a method of the secret it checks with:
//!
//! | vendor | header | check |
//! | --- | --- | --- |
//! | myKaarma | `x-authorization-token` | [`AuthorizationToken::verify_headers`] |
//! | myKaarma | `mykaarma-signature-token` | [`SigningKey::verify_headers`] (needs the raw body) |
//! | Service Order Hub | the constant header you configured | [`ConstantHeader::verify_headers`] |
//!
//! A header that is missing, or present more than once, fails the check (a proxy or client
//! that repeats a secret header is not guessed at), and so does a value that is not the
//! secret; the [`HeaderError`] says which, and never holds a secret. Answer any of them with
//! 401. Check the token before reading the body, so that a large unauthenticated request costs
//! nothing; the signature needs the body, read up to a limit.
//!
//! ```
//! use aftersales_webhooks::mykaarma::{AuthorizationToken, Envelope, SigningKey};
//! use aftersales_webhooks::http::HeaderError;
//! use http::HeaderMap;
//!
//! fn receive(
//!     headers: &HeaderMap,
//!     body: &[u8],
//!     token: &AuthorizationToken,
//!     key: &SigningKey,
//! ) -> Result<Envelope, String> {
//!     token.verify_headers(headers).map_err(|e| format!("401: {e}"))?;
//!     key.verify_headers(headers, body).map_err(|e| format!("401: {e}"))?;
//!     aftersales_webhooks::from_slice(body).map_err(|e| format!("400: {e}"))
//! }
//!
//! let token = AuthorizationToken::new("myKaarma_5f0c6a1e");
//! let key = SigningKey::new("api-username");
//! let body = std::fs::read("fixtures/mykaarma/customer.wire.json").unwrap();
//! let mut headers = HeaderMap::new();
//! headers.insert("x-authorization-token", "myKaarma_5f0c6a1e".parse().unwrap());
//! headers.insert("mykaarma-signature-token", key.sign(&body).parse().unwrap());
//! assert!(receive(&headers, &body, &token, &key).is_ok());
//!
//! headers.append("x-authorization-token", "myKaarma_5f0c6a1e".parse().unwrap());
//! assert_eq!(
//!     token.verify_headers(&headers).unwrap_err().to_string(),
//!     "the x-authorization-token header is sent 2 times; expected once"
//! );
//! ```

use ::http::{HeaderMap, HeaderValue};

use crate::mykaarma::{
    AUTHORIZATION_HEADER, AuthorizationToken, SIGNATURE_HEADER, SignatureError, SigningKey,
};
use crate::service_order_hub::ConstantHeader;

/// Why a request's headers fail a check: which header, and what is wrong with it. The
/// messages never hold a secret or a header's value (but for the algorithm name of a
/// signature, cut short).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum HeaderError {
    /// The request does not carry the header.
    #[error("the {name} header is missing")]
    Missing {
        /// The header's name, in lower case.
        name: String,
    },
    /// The request carries the header more than once.
    #[error("the {name} header is sent {count} times; expected once")]
    Repeated {
        /// The header's name, in lower case.
        name: String,
        /// How many times it is sent.
        count: usize,
    },
    /// The header's value is not the secret (a token or a constant header).
    #[error("the {name} header has the wrong value")]
    Mismatch {
        /// The header's name, in lower case.
        name: String,
    },
    /// The [`SIGNATURE_HEADER`] is not a valid signature of the body.
    #[error("the {SIGNATURE_HEADER} header is refused: {0}")]
    Signature(#[source] SignatureError),
}

impl HeaderError {
    /// The name of the header that failed the check, in lower case.
    pub fn header_name(&self) -> &str {
        match self {
            Self::Missing { name } | Self::Repeated { name, .. } | Self::Mismatch { name } => name,
            Self::Signature(_) => SIGNATURE_HEADER,
        }
    }
}

/// The one value of header `name`: an error if it is missing or sent more than once.
pub(crate) fn only_value<'h>(
    headers: &'h HeaderMap,
    name: &str,
) -> Result<&'h HeaderValue, HeaderError> {
    let mut values = headers.get_all(name).iter();
    match (values.next(), values.next()) {
        (Some(value), None) => Ok(value),
        (None, _) => Err(HeaderError::Missing {
            name: name.to_owned(),
        }),
        (Some(_), Some(_)) => Err(HeaderError::Repeated {
            name: name.to_owned(),
            count: values.count().saturating_add(2),
        }),
    }
}

impl AuthorizationToken {
    /// Checks the request's [`AUTHORIZATION_HEADER`] (`x-authorization-token`): present once,
    /// with the token as its value (see [`verify`](Self::verify)). Feature `http`.
    ///
    /// # Errors
    /// [`HeaderError::Missing`], [`HeaderError::Repeated`] or [`HeaderError::Mismatch`].
    pub fn verify_headers(&self, headers: &HeaderMap) -> Result<(), HeaderError> {
        if self.verify(only_value(headers, AUTHORIZATION_HEADER)?) {
            Ok(())
        } else {
            Err(HeaderError::Mismatch {
                name: AUTHORIZATION_HEADER.to_owned(),
            })
        }
    }
}

impl SigningKey {
    /// Checks the request's [`SIGNATURE_HEADER`] (`mykaarma-signature-token`): present once,
    /// and a signature of `body`, the raw body as received (see [`verify`](Self::verify)).
    /// Feature `http`.
    ///
    /// # Errors
    /// [`HeaderError::Missing`], [`HeaderError::Repeated`], or [`HeaderError::Signature`]
    /// saying what is wrong with the value.
    pub fn verify_headers(&self, headers: &HeaderMap, body: &[u8]) -> Result<(), HeaderError> {
        let value = only_value(headers, SIGNATURE_HEADER)?;
        self.verify(body, value).map_err(HeaderError::Signature)
    }
}

impl ConstantHeader {
    /// Checks the request's header of this [`name`](Self::name): present once, with the
    /// configured value (see [`verify`](Self::verify)). Feature `http`.
    ///
    /// # Errors
    /// [`HeaderError::Missing`], [`HeaderError::Repeated`] or [`HeaderError::Mismatch`].
    pub fn verify_headers(&self, headers: &HeaderMap) -> Result<(), HeaderError> {
        if self.verify(only_value(headers, self.name())?) {
            Ok(())
        } else {
            Err(HeaderError::Mismatch {
                name: self.name().to_owned(),
            })
        }
    }
}
