//! The constant header a partner configures for Service Order Hub's HTTP deliveries.

use std::fmt;

use subtle::ConstantTimeEq;

/// A request header with a secret value, for checking that a webhook request comes from
/// Service Order Hub.
///
/// Service Order Hub signs nothing and sends no token of its own; its Webhooks page says that
/// HTTP deliveries can carry "any custom constant headers" the partner configures. Configure
/// one with a long random value (say `x-webhook-secret: <32 random bytes in hex>`) and check
/// it on every request with [`verify`](Self::verify) (or, with the `http` feature,
/// `verify_headers` over a whole `HeaderMap`).
///
/// The name is kept in lower case (HTTP header names are case-insensitive). The value is
/// compared in constant time, byte for byte (no trimming, no case folding), and `Debug` does
/// not show it.
///
/// ```
/// use aftersales_webhooks::service_order_hub::ConstantHeader;
///
/// let header = ConstantHeader::new("X-Webhook-Secret", "6f1c4b0e-value-agreed-with-soh");
/// assert_eq!(header.name(), "x-webhook-secret");
/// assert!(header.verify(b"6f1c4b0e-value-agreed-with-soh"));
/// assert!(!header.verify(b"6f1c4b0e-value-agreed-with-SOH"));
/// assert_eq!(
///     format!("{header:?}"),
///     r#"ConstantHeader { name: "x-webhook-secret", value: <redacted> }"#
/// );
/// ```
#[derive(Clone)]
pub struct ConstantHeader {
    name: Box<str>,
    value: Box<[u8]>,
}

impl ConstantHeader {
    /// The header's name (in any letter case) and its secret value, as configured in Service
    /// Order Hub.
    pub fn new(name: impl AsRef<str>, value: impl AsRef<[u8]>) -> Self {
        Self {
            name: name.as_ref().to_ascii_lowercase().into(),
            value: value.as_ref().into(),
        }
    }

    /// The header's name, in lower case.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Whether `header_value`, the raw value of the request's header of this
    /// [`name`](Self::name), is the configured value. A missing header should be treated as a
    /// failed check.
    pub fn verify(&self, header_value: impl AsRef<[u8]>) -> bool {
        self.value.as_ref().ct_eq(header_value.as_ref()).into()
    }
}

impl fmt::Debug for ConstantHeader {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ConstantHeader")
            .field("name", &self.name)
            .field("value", &format_args!("<redacted>"))
            .finish()
    }
}
