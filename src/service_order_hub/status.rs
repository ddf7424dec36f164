//! The "new status" and "status transition" webhooks.

use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_with::{serde_as, skip_serializing_none};

use super::case::Case;
use crate::kind::model;
use crate::wire::{LenientNumber, Rfc3339};

model! {
    /// A status record of a case: the body of the "new status" webhook and, with
    /// [`prev_key`](Self::prev_key) and [`case`](Self::case), of the "status transition" webhook,
    /// which the docs describe as the same body with those two fields added. Both webhooks can
    /// fire for one change.
    ///
    /// "New status" fires every time a status is added to a case, unless it is the same as the
    /// previous one. "Status transition" fires as receivers configure it: for a new key, a change
    /// from a key, or a change from one key to another.
    ///
    /// Status keys are the partner's statuses after mapping, or the provider's as they are when
    /// there is no mapping: free text, not a closed set.
    #[serde_as]
    #[skip_serializing_none]
    #[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
    #[serde(rename_all = "camelCase")]
    #[non_exhaustive]
    pub struct Status {
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
        /// The (current) status key, such as `final`.
        pub key: Option<String>,
        /// The previous status key, such as `arrived` (status transitions only).
        pub prev_key: Option<String>,
        /// When the record was created in Service Order Hub.
        #[serde_as(as = "Option<Rfc3339>")]
        pub created_at: Option<DateTime<Utc>>,
        /// When the record was last updated (usually `created_at`).
        #[serde_as(as = "Option<Rfc3339>")]
        pub updated_at: Option<DateTime<Utc>>,
        /// When the status was set in the system it came from.
        #[serde_as(as = "Option<Rfc3339>")]
        pub declared_at: Option<DateTime<Utc>>,
        /// The case, with whatever case data the webhook holds (wire `case`; status transitions
        /// only).
        #[serde(default, deserialize_with = "crate::wire::boxed")]
        pub case: Option<Box<Case>>,
    }
}

/// The body of the "new status" webhook: a [`Status`].
pub type NewStatus = Status;

/// The body of the "status transition" webhook: a [`Status`] with `prev_key` and `case`.
pub type StatusTransition = Status;

impl super::CaseGuid for Status {
    fn case_guid(&self) -> Option<&str> {
        self.guid.as_deref()
    }
}
