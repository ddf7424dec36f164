//! The myKaarma event extractor.

use std::fmt;

use ::axum::body::Bytes;
use ::axum::extract::{FromRef, FromRequest, Request};

use super::{MyKaarmaConfig, Rejection, body};
use crate::http::only_value;
use crate::mykaarma::{Envelope, SIGNATURE_HEADER};

/// A myKaarma event, authenticated and decoded: an axum extractor.
///
/// In the order of what it costs to find out, it
/// 1. checks the `x-authorization-token` header (and, when a signing key is configured, that
///    the `mykaarma-signature-token` header is there), before reading the body: 401;
/// 2. reads the body whatever its content type (myKaarma sends JSON as `text/plain`), up to
///    the configured limit: 413 (axum's `DefaultBodyLimit` does not apply);
/// 3. checks the signature of the raw bytes, when a signing key is configured: 401;
/// 4. decodes the [`Envelope`]: 400, with the error and its JSON path as the answer's text.
///
/// The secrets come from a [`MyKaarmaConfig`] in the router's state (or taken from your state
/// through [`FromRef`]). A kind of event the crate does not model is not refused: its payload
/// is [`Payload::Other`](crate::mykaarma::Payload::Other), raw.
#[non_exhaustive]
pub struct MyKaarmaEvent {
    /// The decoded event.
    pub envelope: Envelope,
    /// The body exactly as received (to forward, queue or store it).
    pub body: Bytes,
}

impl<S> FromRequest<S> for MyKaarmaEvent
where
    MyKaarmaConfig: FromRef<S>,
    S: Send + Sync,
{
    type Rejection = Rejection;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let config = MyKaarmaConfig::from_ref(state);
        let (parts, body) = request.into_parts();
        config.token().verify_headers(&parts.headers)?;
        if config.signing_key().is_some() {
            only_value(&parts.headers, SIGNATURE_HEADER)?;
        }
        let body = body::read(&parts.headers, body, config.body_limit()).await?;
        if let Some(key) = config.signing_key() {
            key.verify_headers(&parts.headers, &body)?;
        }
        match crate::from_slice::<Envelope>(&body) {
            Ok(envelope) => Ok(Self { envelope, body }),
            Err(error) => Err(Rejection::Undecodable { error, body }),
        }
    }
}

impl fmt::Debug for MyKaarmaEvent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MyKaarmaEvent")
            .field("dedup_key", &format_args!("{}", self.envelope.dedup_key()))
            .field("kind", &self.envelope.kind())
            .field("body", &format_args!("<{} bytes>", self.body.len()))
            .finish_non_exhaustive()
    }
}
