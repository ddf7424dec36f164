//! The "new status" and "status transition" webhooks.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_with::{serde_as, skip_serializing_none};

use super::case::Case;
use crate::wire::{LenientNumber, Rfc3339};

/// The "new status" webhook: a status was added to a case. It fires every time, unless the new
/// status is the same as the previous one, and may fire together with
/// [`StatusTransition`].
///
/// Status keys are the partner's statuses after mapping, or the provider's as they are when
/// there is no mapping: free text, not a closed set.
#[serde_as]
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NewStatus {
    /// Id of the status record.
    #[serde_as(as = "Option<LenientNumber>")]
    pub id: Option<i64>,
    /// Id of the case.
    #[serde_as(as = "Option<LenientNumber>")]
    pub case_id: Option<i64>,
    /// The case's guid, as text.
    pub guid: Option<String>,
    /// The status's name, such as `Repair finished`.
    pub name: Option<String>,
    /// The status key, such as `final`.
    pub key: Option<String>,
    /// When the record was created in Service Order Hub.
    #[serde_as(as = "Option<Rfc3339>")]
    pub created_at: Option<DateTime<Utc>>,
    /// When the record was last updated (usually `created_at`).
    #[serde_as(as = "Option<Rfc3339>")]
    pub updated_at: Option<DateTime<Utc>>,
    /// When the status was set in the system it came from.
    #[serde_as(as = "Option<Rfc3339>")]
    pub declared_at: Option<DateTime<Utc>>,
}

/// The "status transition" webhook: like [`NewStatus`], with the previous status key and the
/// case. Receivers configure it to fire for a new key, for a change from a key, or for a
/// change from one key to another.
#[serde_as]
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StatusTransition {
    /// Id of the status record.
    #[serde_as(as = "Option<LenientNumber>")]
    pub id: Option<i64>,
    /// Id of the case.
    #[serde_as(as = "Option<LenientNumber>")]
    pub case_id: Option<i64>,
    /// The case's guid, as text.
    pub guid: Option<String>,
    /// The status's name.
    pub name: Option<String>,
    /// The current status key, such as `final`.
    pub key: Option<String>,
    /// The previous status key, such as `arrived`.
    pub prev_key: Option<String>,
    /// When the record was created in Service Order Hub.
    #[serde_as(as = "Option<Rfc3339>")]
    pub created_at: Option<DateTime<Utc>>,
    /// When the record was last updated.
    #[serde_as(as = "Option<Rfc3339>")]
    pub updated_at: Option<DateTime<Utc>>,
    /// When the status was set in the system it came from.
    #[serde_as(as = "Option<Rfc3339>")]
    pub declared_at: Option<DateTime<Utc>>,
    /// The case, with whatever case data the webhook holds (wire `case`).
    pub case: Option<Case>,
}
