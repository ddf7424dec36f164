//! The Service Order Hub webhook extractor.

use std::fmt;

use ::axum::body::Bytes;
use ::axum::extract::rejection::RawPathParamsRejection;
use ::axum::extract::{FromRef, FromRequest, FromRequestParts, RawPathParams, Request};

use super::{Rejection, ServiceOrderHubConfig, body};
use crate::service_order_hub::{UnknownWebhookKind, Webhook, WebhookKind};

/// The name of the route parameter [`ServiceOrderHubWebhook`] takes the kind from: `kind`, as
/// in `/service-order-hub/{kind}`.
pub const KIND_PARAM: &str = "kind";

/// A Service Order Hub webhook, authenticated and decoded as the kind its route names: an
/// axum extractor.
///
/// Service Order Hub sends each kind to its own URL, so the kind is the route's `{kind}`
/// parameter (see [`KIND_PARAM`]), a kebab-case [`WebhookKind`] name: `/service-order-hub/{kind}`
/// takes `POST /service-order-hub/case-updated`. In the order of what it costs to find out,
/// it
/// 1. takes the kind from the route: 404 for a name that is not a kind (500 if the route has
///    no `{kind}`);
/// 2. checks the constant header, if one is configured, before reading the body: 401;
/// 3. reads the body whatever its content type, up to the configured limit: 413 (axum's
///    `DefaultBodyLimit` does not apply);
/// 4. decodes the body as that kind: 400, with the error and its JSON path as the answer's
///    text.
///
/// The header and the limit come from a [`ServiceOrderHubConfig`] in the router's state (or
/// taken from your state through [`FromRef`]).
#[non_exhaustive]
pub struct ServiceOrderHubWebhook {
    /// The decoded webhook; its [`kind`](Webhook::kind) is the route's.
    pub webhook: Webhook,
    /// The body exactly as received (to forward, queue or store it).
    pub body: Bytes,
}

impl<S> FromRequest<S> for ServiceOrderHubWebhook
where
    ServiceOrderHubConfig: FromRef<S>,
    S: Send + Sync,
{
    type Rejection = Rejection;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let config = ServiceOrderHubConfig::from_ref(state);
        let (mut parts, body) = request.into_parts();
        let kind: WebhookKind = match RawPathParams::from_request_parts(&mut parts, state).await {
            Ok(params) => parse_kind(
                params
                    .iter()
                    .find(|(name, _)| *name == KIND_PARAM)
                    .ok_or(Rejection::KindNotInRoute)?
                    .1,
            )?,
            // A kind name is ASCII: a parameter that is not UTF-8 is no kind.
            Err(RawPathParamsRejection::InvalidUtf8InPathParam(_)) => "\u{fffd}".parse()?,
            Err(_) => return Err(Rejection::KindNotInRoute),
        };
        if let Some(header) = config.header() {
            header.verify_headers(&parts.headers)?;
        }
        let body = body::read(&parts.headers, body, config.body_limit()).await?;
        match Webhook::decode(kind, &body) {
            Ok(webhook) => Ok(Self { webhook, body }),
            Err(error) => Err(Rejection::Undecodable { error, body }),
        }
    }
}

/// The kind a route names. An unknown name is repeated in the error (which goes to logs) with
/// its control characters escaped: a path parameter is percent-decoded, `%0A` is a line break.
fn parse_kind(name: &str) -> Result<WebhookKind, UnknownWebhookKind> {
    if name.contains(char::is_control) {
        name.escape_debug().to_string().parse()
    } else {
        name.parse()
    }
}

impl fmt::Debug for ServiceOrderHubWebhook {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ServiceOrderHubWebhook")
            .field("kind", &self.webhook.kind())
            .field("case_guid", &self.webhook.case_guid())
            .field("body", &format_args!("<{} bytes>", self.body.len()))
            .finish_non_exhaustive()
    }
}
