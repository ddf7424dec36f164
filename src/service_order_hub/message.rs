//! The "new message" and "message was confirmed" webhooks, which share one body.

use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_with::{serde_as, skip_serializing_none};

use super::common::ExternalId;
use crate::kind::model;
use crate::wire::{LenientNumber, Rfc3339, open_enum};

open_enum! {
    /// What a message is (wire `type`, `messageType` before v3).
    pub struct MessageType => MessageTypeKind {
        /// A comment on the service: `serviceComment`.
        ServiceComment = ["serviceComment"],
        /// A reply from the customer center: `customerCenterReply`.
        CustomerCenterReply = ["customerCenterReply"],
        /// A return-unrepaired proposal was rejected: `costProposalRejectRur`.
        CostProposalRejectRur = ["costProposalRejectRur"],
        /// A scrap proposal was rejected: `costProposalRejectScrap`.
        CostProposalRejectScrap = ["costProposalRejectScrap"],
        /// A request for the status: `statusRequest`.
        StatusRequest = ["statusRequest"],
        /// About spare parts: `spareParts`.
        SpareParts = ["spareParts"],
        /// A reminder: `reminder`.
        Reminder = ["reminder"],
        /// About a cost proposal: `costProposal`.
        CostProposal = ["costProposal"],
        /// About a shipment: `shipment`.
        Shipment = ["shipment"],
        /// About forwarding: `forwarding`.
        Forwarding = ["forwarding"],
    }
}

open_enum! {
    /// Who sent a message (wire `senderType`; `null` for neither).
    pub struct SenderType => SenderTypeKind {
        /// The partner, who ordered the service: `partner`.
        Partner = ["partner"],
        /// The service provider: `provider`.
        Provider = ["provider"],
    }
}

model! {
    /// A message on a case: the body of both the "new message" webhook (sent to the party that
    /// receives the message) and the "message was confirmed" webhook (sent to the party that wrote
    /// it, once [`confirmed_at`](Self::confirmed_at) is set).
    #[serde_as]
    #[skip_serializing_none]
    #[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
    #[serde(rename_all = "camelCase")]
    #[non_exhaustive]
    pub struct Message {
        /// Service Order Hub's id of the message.
        #[serde_as(as = "Option<LenientNumber>")]
        pub id: Option<i64>,
        /// The creator's id for the message.
        pub external_id: Option<ExternalId>,
        /// The case's guid, as text.
        pub guid: Option<String>,
        /// Id of the case.
        #[serde_as(as = "Option<LenientNumber>")]
        pub case_id: Option<i64>,
        /// The text.
        pub content: Option<String>,
        /// Who wrote it.
        pub user_name: Option<String>,
        /// Their email address.
        pub user_email: Option<String>,
        /// What the message is (wire `type`); see [`message_type`](Self::message_type).
        #[serde(rename = "type")]
        pub kind: Option<MessageType>,
        /// What the message is, under its name before v3 (wire `messageType`).
        #[serde(rename = "messageType")]
        pub message_type_v2: Option<MessageType>,
        /// Who sent it.
        pub sender_type: Option<SenderType>,
        /// The message this one replies to.
        #[serde_as(as = "Option<LenientNumber>")]
        pub parent_message_id: Option<i64>,
        /// The sender's internal account.
        #[serde_as(as = "Option<LenientNumber>")]
        pub sender_account_id: Option<i64>,
        /// When the message was created in Service Order Hub.
        #[serde_as(as = "Option<Rfc3339>")]
        pub created_at: Option<DateTime<Utc>>,
        /// When it was last updated.
        #[serde_as(as = "Option<Rfc3339>")]
        pub updated_at: Option<DateTime<Utc>>,
        /// When it was written in the system it came from.
        #[serde_as(as = "Option<Rfc3339>")]
        pub declared_at: Option<DateTime<Utc>>,
        /// When the receiver confirmed reading it; `None` until then.
        #[serde_as(as = "Option<Rfc3339>")]
        pub confirmed_at: Option<DateTime<Utc>>,
        /// Whether the message is internal (internal messages trigger no webhooks).
        pub is_internal: Option<bool>,
    }
}

impl Message {
    /// What the message is, under either name (`type`, or `messageType` before v3).
    pub fn message_type(&self) -> Option<&MessageType> {
        self.kind.as_ref().or(self.message_type_v2.as_ref())
    }
}

impl super::CaseGuid for Message {
    fn case_guid(&self) -> Option<&str> {
        self.guid.as_deref()
    }
}
