//! Why an extractor refused a request, and the answer it gets.

use std::fmt;

use ::axum::body::Bytes;
use ::axum::response::{IntoResponse, Response};
use ::http::StatusCode;

use crate::http::HeaderError;
use crate::service_order_hub::UnknownWebhookKind;

/// Why [`MyKaarmaEvent`](super::MyKaarmaEvent) or
/// [`ServiceOrderHubWebhook`](super::ServiceOrderHubWebhook) refused a request.
///
/// As a response it is its [`status`](Self::status) and its message as plain text (the
/// message never holds a secret, and never the body). To log it, or to keep the body of an
/// [`Undecodable`](Self::Undecodable) request, take `Result<MyKaarmaEvent, Rejection>` in the
/// handler. `Debug` shows the body's length, not the body.
#[derive(thiserror::Error)]
#[non_exhaustive]
pub enum Rejection {
    /// The route's `{kind}` is not a Service Order Hub webhook kind: 404.
    #[error(transparent)]
    UnknownKind(#[from] UnknownWebhookKind),
    /// The route has no `{kind}` parameter to take the Service Order Hub webhook kind from:
    /// a mistake in the router, 500.
    #[error("the route has no `{{kind}}` parameter for the Service Order Hub webhook kind")]
    KindNotInRoute,
    /// An authentication header is missing, repeated or wrong, or the signature does not
    /// match the body: 401.
    #[error(transparent)]
    Unauthorized(#[from] HeaderError),
    /// The body is over the configured limit: 413.
    #[error("the request body is over the limit of {limit} bytes")]
    TooLarge {
        /// The limit, in bytes.
        limit: usize,
    },
    /// The body could not be read (the client went away, or sent a broken chunked body): 400.
    #[error("the request body could not be read: {0}")]
    Unreadable(#[source] ::axum::Error),
    /// The body is authenticated but does not decode: 400, with the error (and its JSON path)
    /// as the response's text.
    #[error("{error}")]
    Undecodable {
        /// What is wrong with the body, and where.
        #[source]
        error: crate::Error,
        /// The body, as received: keep it (a dead-letter folder, a queue) before answering,
        /// since the vendor stops retrying.
        body: Bytes,
    },
}

impl Rejection {
    /// The status the request is answered with.
    pub fn status(&self) -> StatusCode {
        match self {
            Self::UnknownKind(_) => StatusCode::NOT_FOUND,
            Self::KindNotInRoute => StatusCode::INTERNAL_SERVER_ERROR,
            Self::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            Self::TooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            Self::Unreadable(_) | Self::Undecodable { .. } => StatusCode::BAD_REQUEST,
        }
    }
}

impl IntoResponse for Rejection {
    fn into_response(self) -> Response {
        (self.status(), self.to_string()).into_response()
    }
}

impl fmt::Debug for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::UnknownKind(error) => f.debug_tuple("UnknownKind").field(error).finish(),
            Self::KindNotInRoute => f.write_str("KindNotInRoute"),
            Self::Unauthorized(error) => f.debug_tuple("Unauthorized").field(error).finish(),
            Self::TooLarge { limit } => f.debug_struct("TooLarge").field("limit", limit).finish(),
            Self::Unreadable(error) => f.debug_tuple("Unreadable").field(error).finish(),
            Self::Undecodable { error, body } => f
                .debug_struct("Undecodable")
                .field("error", error)
                .field("body", &format_args!("<{} bytes>", body.len()))
                .finish(),
        }
    }
}
