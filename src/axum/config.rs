//! The secrets and limits the extractors take from the router's state.

use std::sync::Arc;

use crate::mykaarma::{AuthorizationToken, SigningKey};
use crate::service_order_hub::ConstantHeader;

/// The largest request body the extractors read unless configured otherwise: 2 MiB. The
/// largest documented webhook (an MPI) is 13 KB.
pub const DEFAULT_BODY_LIMIT: usize = 2 * 1024 * 1024;

/// What [`MyKaarmaEvent`](super::MyKaarmaEvent) checks a request with: the token, the signing
/// key if one is set, and the body limit. Put it in the router's state (directly, or in a
/// state of yours through [`FromRef`](::axum::extract::FromRef)); cloning it is cheap.
///
/// ```
/// use aftersales_webhooks::axum::MyKaarmaConfig;
/// use aftersales_webhooks::mykaarma::{AuthorizationToken, SigningKey};
///
/// let config = MyKaarmaConfig::new(AuthorizationToken::new("myKaarma_5f0c6a1e"))
///     .with_signing_key(SigningKey::new("api-username"))
///     .with_body_limit(512 * 1024);
/// assert_eq!(config.body_limit(), 512 * 1024);
/// assert!(!format!("{config:?}").contains("5f0c6a1e"));
/// ```
#[derive(Debug, Clone)]
pub struct MyKaarmaConfig(Arc<MyKaarmaSettings>);

#[derive(Debug, Clone)]
struct MyKaarmaSettings {
    token: AuthorizationToken,
    signing_key: Option<SigningKey>,
    body_limit: usize,
}

impl MyKaarmaConfig {
    /// Checks the `x-authorization-token` header against `token`; no signature check; a body
    /// limit of [`DEFAULT_BODY_LIMIT`].
    pub fn new(token: AuthorizationToken) -> Self {
        Self(Arc::new(MyKaarmaSettings {
            token,
            signing_key: None,
            body_limit: DEFAULT_BODY_LIMIT,
        }))
    }

    /// Also requires a valid `mykaarma-signature-token` header, signed with `key`: a request
    /// without one is refused.
    #[must_use]
    pub fn with_signing_key(mut self, key: SigningKey) -> Self {
        Arc::make_mut(&mut self.0).signing_key = Some(key);
        self
    }

    /// Refuses a body of more than `bytes` bytes (413).
    #[must_use]
    pub fn with_body_limit(mut self, bytes: usize) -> Self {
        Arc::make_mut(&mut self.0).body_limit = bytes;
        self
    }

    /// The token requests must carry.
    pub fn token(&self) -> &AuthorizationToken {
        &self.0.token
    }

    /// The key requests must be signed with, if signatures are checked.
    pub fn signing_key(&self) -> Option<&SigningKey> {
        self.0.signing_key.as_ref()
    }

    /// The largest body read, in bytes.
    pub fn body_limit(&self) -> usize {
        self.0.body_limit
    }
}

/// What [`ServiceOrderHubWebhook`](super::ServiceOrderHubWebhook) checks a request with: the
/// constant header configured for the deliveries (or, explicitly, none), and the body limit.
/// Put it in the router's state as [`MyKaarmaConfig`] is; cloning it is cheap.
///
/// ```
/// use aftersales_webhooks::axum::ServiceOrderHubConfig;
/// use aftersales_webhooks::service_order_hub::ConstantHeader;
///
/// let config = ServiceOrderHubConfig::new(ConstantHeader::new("x-webhook-secret", "6f1c4b0e"));
/// assert_eq!(config.header().map(ConstantHeader::name), Some("x-webhook-secret"));
/// ```
#[derive(Debug, Clone)]
pub struct ServiceOrderHubConfig(Arc<ServiceOrderHubSettings>);

#[derive(Debug, Clone)]
struct ServiceOrderHubSettings {
    header: Option<ConstantHeader>,
    body_limit: usize,
}

impl ServiceOrderHubConfig {
    /// Checks that requests carry `header` with its value; a body limit of
    /// [`DEFAULT_BODY_LIMIT`].
    pub fn new(header: ConstantHeader) -> Self {
        Self(Arc::new(ServiceOrderHubSettings {
            header: Some(header),
            body_limit: DEFAULT_BODY_LIMIT,
        }))
    }

    /// Checks no header: anyone who can reach the endpoint can deliver webhooks to it. For
    /// endpoints that only Service Order Hub can reach (by network rules), or for tests.
    pub fn unauthenticated() -> Self {
        Self(Arc::new(ServiceOrderHubSettings {
            header: None,
            body_limit: DEFAULT_BODY_LIMIT,
        }))
    }

    /// Refuses a body of more than `bytes` bytes (413).
    #[must_use]
    pub fn with_body_limit(mut self, bytes: usize) -> Self {
        Arc::make_mut(&mut self.0).body_limit = bytes;
        self
    }

    /// The header requests must carry, if one is checked.
    pub fn header(&self) -> Option<&ConstantHeader> {
        self.0.header.as_ref()
    }

    /// The largest body read, in bytes.
    pub fn body_limit(&self) -> usize {
        self.0.body_limit
    }
}
