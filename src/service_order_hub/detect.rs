//! Telling a Service Order Hub webhook's kind from its body, for receivers that get several
//! kinds on one URL or one queue.

use std::fmt;

use serde::de::{Deserialize, Deserializer, IgnoredAny, MapAccess, Visitor};

use super::{Webhook, WebhookKind};
use crate::Error;

/// Why [`Webhook::detect`] could not give a webhook.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DetectError {
    /// The body is not JSON, not an object, or does not fit the model of the kind it was
    /// detected as.
    #[error(transparent)]
    Decode(#[from] Error),
    /// The body carries none of the keys any kind is known by: it is not a Service Order
    /// Hub webhook (or only `null`s stand where those keys are).
    #[error("not a Service Order Hub webhook: it carries none of the keys a kind is known by")]
    NoKind,
    /// The body fits more than one kind, and nothing in it tells which: a new message and a
    /// confirmed one have the same body. Decode it with [`Webhook::decode`] and the kind the
    /// queue or URL stands for.
    #[error("the body fits more than one Service Order Hub webhook: {}", names(.0))]
    Ambiguous(Vec<WebhookKind>),
}

fn names(kinds: &[WebhookKind]) -> String {
    let names: Vec<&str> = kinds.iter().map(|kind| kind.name()).collect();
    names.join(", ")
}

impl Webhook {
    /// Decodes a body whose kind is not known, by the top-level keys it carries (the
    /// [module](super) docs list them per kind).
    ///
    /// A body with `prevKey` or `case` is a status transition, and a status body with
    /// neither is a new status: the docs describe the transition as the new-status body with
    /// those two keys added. A message body is [`DetectError::Ambiguous`]: the new-message and
    /// message-confirmed webhooks send the same body (even `confirmedAt` may be `null` in a
    /// confirmation, as the docs' own example shows). So is a body carrying keys of more than
    /// one kind.
    ///
    /// ```
    /// use aftersales_webhooks::service_order_hub::{Webhook, WebhookKind};
    ///
    /// let body = std::fs::read("fixtures/service_order_hub/cost-proposal.json").unwrap();
    /// let webhook = Webhook::detect(&body)?;
    /// assert_eq!(webhook.kind(), WebhookKind::CostProposal);
    /// # Ok::<(), aftersales_webhooks::service_order_hub::DetectError>(())
    /// ```
    ///
    /// # Errors
    /// See [`DetectError`].
    pub fn detect(body: &[u8]) -> Result<Self, DetectError> {
        let keys: TopKeys = crate::from_slice(body)?;
        let mut candidates: Vec<WebhookKind> = WebhookKind::ALL
            .iter()
            .copied()
            .filter(|kind| keys.carries(*kind))
            .collect();
        if candidates == [WebhookKind::NewStatus, WebhookKind::StatusTransition] {
            candidates.retain(|kind| (*kind == WebhookKind::StatusTransition) == keys.transition);
        }
        match candidates.as_slice() {
            [] => Err(DetectError::NoKind),
            [kind] => Ok(Self::decode(*kind, body)?),
            _ => Err(DetectError::Ambiguous(candidates)),
        }
    }
}

/// What the top-level keys of a body say about its kind.
struct TopKeys {
    /// The keys, those that some kind is known by.
    known: Vec<&'static str>,
    /// Whether the body carries `prevKey` or `case`, the keys a status transition adds.
    transition: bool,
}

impl TopKeys {
    /// Whether the body carries a key `kind` is known by.
    fn carries(&self, kind: WebhookKind) -> bool {
        self.known.iter().any(|key| kind.model().knows(key))
    }
}

impl<'de> Deserialize<'de> for TopKeys {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(TopKeysVisitor)
    }
}

struct TopKeysVisitor;

impl<'de> Visitor<'de> for TopKeysVisitor {
    type Value = TopKeys;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a Service Order Hub webhook (a JSON object)")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<TopKeys, A::Error> {
        let mut keys = TopKeys {
            known: Vec::new(),
            transition: false,
        };
        while let Some(key) = map.next_key::<crate::wire::Key<'de>>()? {
            // A key sent as `null` does not tell the kind (a missing key and `null` are alike).
            let is_null = map.next_value::<Option<IgnoredAny>>()?.is_none();
            let key = key.0.as_ref();
            keys.transition |= matches!(key, "prevKey" | "case");
            let known = super::KINDS
                .iter()
                .flat_map(|kind| kind.keys.iter())
                .find(|known| **known == key);
            if let Some(known) = known.filter(|_| !is_null) {
                keys.known.push(known);
            }
        }
        Ok(keys)
    }
}
