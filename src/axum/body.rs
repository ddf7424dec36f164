//! Reading a request body up to a limit, whatever its content type.

use std::future::poll_fn;
use std::pin::Pin;

use ::axum::body::{Body, Bytes, HttpBody as _};
use ::http::HeaderMap;
use ::http::header::CONTENT_LENGTH;

use super::Rejection;

/// Reads the whole body: refused as [`Rejection::TooLarge`] as soon as it is known to be over
/// `limit` bytes (from its `Content-Length`, before reading, or while reading a body sent in
/// chunks), so that no more than `limit` bytes are ever held.
pub(crate) async fn read(
    headers: &HeaderMap,
    mut body: Body,
    limit: usize,
) -> Result<Bytes, Rejection> {
    let declared = headers
        .get(CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.parse::<u64>().ok());
    if declared.is_some_and(|length| u64::try_from(limit).is_ok_and(|limit| length > limit)) {
        return Err(Rejection::TooLarge { limit });
    }
    let mut chunks: Vec<Bytes> = Vec::new();
    let mut total: usize = 0;
    while let Some(frame) = poll_fn(|cx| Pin::new(&mut body).poll_frame(cx)).await {
        let frame = frame.map_err(Rejection::Unreadable)?;
        // Trailers carry no body bytes.
        if let Ok(data) = frame.into_data() {
            total = total.saturating_add(data.len());
            if total > limit {
                return Err(Rejection::TooLarge { limit });
            }
            chunks.push(data);
        }
    }
    if chunks.len() == 1
        && let Some(only) = chunks.pop()
    {
        return Ok(only);
    }
    let mut all = Vec::with_capacity(total);
    for chunk in &chunks {
        all.extend_from_slice(chunk);
    }
    Ok(Bytes::from(all))
}
