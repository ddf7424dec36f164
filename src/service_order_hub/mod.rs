//! Service Order Hub (InfoCare Workshop) webhooks, sent to partners and service providers.
//!
//! These webhooks carry no kind field: each kind is delivered to its own URL. Decode a body
//! with [`crate::from_slice`] into the type of the URL it arrived at, or, for a receiver that
//! routes by configuration, with [`Webhook::decode`] and the [`WebhookKind`] as a value. A
//! receiver that gets several kinds on one URL or queue can tell them by their keys with
//! [`Webhook::detect`].
//!
//! The vendor signs nothing; a partner can have "any custom constant headers" added to HTTP
//! deliveries. Configure one with a secret value and check it with [`ConstantHeader`].
//!
//! Each type refuses a body that is not of its kind: a body must be a JSON object that
//! carries at least one of the top-level keys its kind is known by (listed in the table
//! below), so that a body sent to the wrong URL fails, naming the kind it belongs to, instead
//! of decoding as an empty value. Keys are looked for, not values: a key sent as `null`
//! counts.
//!
//! | webhook | type | known by any of |
//! | --- | --- | --- |
//! | new status | [`NewStatus`] (a [`Status`]) | `key`, `prevKey` |
//! | status transition | [`StatusTransition`] (the same [`Status`], with `prevKey` and `case`) | the same |
//! | new cost proposal | [`CostProposal`] | `serviceProviderId`, `dateValidUntil`, `reaction`, `reactionDate`, `reactionName`, `comment`, `approverName`, `dateAccepted`, `timeStamp` |
//! | new message | [`Message`] | `content`, `senderType`, `senderAccountId`, `parentMessageId`, `userName`, `userEmail`, `confirmedAt`, `messageType`, `isInternal` |
//! | message was confirmed | [`Message`] (the same body, with `confirmedAt` set) | the same |
//! | new file uploaded | [`FilesUploaded`] | `files` |
//! | case updated | [`CaseUpdated`], a patch | `orderData`, `productData`, `customer`, `consumer`, `pickupDst`, `returnDst`, `sender`, `receiver` |
//! | invoice created/updated | [`Invoice`] | `isPaid`, `isSent`, `status`, `dueDate`, `customData`, `linkedInvoice` |
//!
//! Fields are the wire keys in snake case (`createdAt` is `created_at`); a field's doc names
//! its wire key where that rule does not give it. Times are RFC 3339 with milliseconds
//! (`DateTime<Utc>`), written back the same way; money is exact; ids are numbers and guids are
//! text (the docs show guids that are not valid UUIDs).
//!
//! ```
//! use aftersales_webhooks::service_order_hub::{CostProposal, Webhook, WebhookKind};
//!
//! // The type of the URL the body came to:
//! let body = std::fs::read("fixtures/service_order_hub/cost-proposal.json").unwrap();
//! let proposal: CostProposal = aftersales_webhooks::from_slice(&body)?;
//! assert_eq!(proposal.price_net.map(|p| p.get().to_string()).as_deref(), Some("280"));
//!
//! // The kind as configuration (a route parameter, a queue binding):
//! let kind: WebhookKind = "cost-proposal".parse().unwrap();
//! let webhook = Webhook::decode(kind, &body)?;
//! assert_eq!(webhook.case_guid(), Some("f5afa004-f48c-4380-9f9b-cafaea0dd7de"));
//!
//! // A body sent to the wrong URL is refused, naming the kind it belongs to:
//! let error = Webhook::decode(WebhookKind::Invoice, &body).unwrap_err();
//! assert!(error.message().starts_with("not an invoice webhook"));
//! # Ok::<(), aftersales_webhooks::Error>(())
//! ```

mod case;
mod case_updated;
mod common;
mod cost_proposal;
mod files;
mod header;
mod invoice;
mod message;
mod objects;
mod status;

mod detect;

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

pub use case::{Case, CatalogEntry, FreightTracking, Party};
pub use case_updated::{ApplyError, CaseUpdated};
pub use common::{
    BookingType, BookingTypeKind, Consents, CurrencyCode, ExternalId, File, FileType, FileTypeKind,
    Originator, OriginatorKind,
};
pub use cost_proposal::{
    CostProposal, CostProposalDetail, CostProposalName, CostProposalNameKind, DetailType,
    DetailTypeKind, Reaction, ReactionKind,
};
pub use detect::DetectError;
pub use files::FilesUploaded;
pub use header::ConstantHeader;
pub use invoice::{Invoice, InvoiceDetail, InvoiceType, InvoiceTypeKind, LinkedInvoice};
pub use message::{Message, MessageType, MessageTypeKind, SenderType, SenderTypeKind};
pub use objects::{
    Contact, ContactPatch, Notification, OrderData, OrderDataPatch, ProductData, ProductDataPatch,
};
pub use status::{NewStatus, Status, StatusTransition};

use crate::Error;
use crate::kind::kinds;

/// The guid of the case a webhook body is about.
pub(crate) trait CaseGuid {
    /// The case's guid, if the body carries it.
    fn case_guid(&self) -> Option<&str>;
}

// The models, each with the top-level keys its bodies are known by: keys that bodies of this
// kind carry (in the Webhooks page's examples or the reference's older shapes) and bodies of
// no other kind do. `id`, `guid`, `name`, `type`, `priceNet`, `currency`, `isActive`,
// `details`, `case`, `caseId`, `externalId` and the timestamps are shared, so none of them
// tells a kind.
kinds! {
    pub(crate) static KINDS = [
        Status: "a new-status or status-transition webhook" [key: "key", prev_key: "prevKey"],
        CostProposal: "a cost-proposal webhook" [
            service_provider_id: "serviceProviderId",
            date_valid_until: "dateValidUntil",
            reaction: "reaction",
            reaction_date: "reactionDate",
            reaction_name: "reactionName",
            comment: "comment",
            approver_name: "approverName",
            date_accepted: "dateAccepted",
            time_stamp: "timeStamp",
        ],
        Message: "a new-message or message-confirmed webhook" [
            content: "content",
            sender_type: "senderType",
            sender_account_id: "senderAccountId",
            parent_message_id: "parentMessageId",
            user_name: "userName",
            user_email: "userEmail",
            confirmed_at: "confirmedAt",
            message_type_v2: "messageType",
            is_internal: "isInternal",
        ],
        FilesUploaded: "a files-uploaded webhook" [files: "files"],
        CaseUpdated: "a case-updated webhook" [
            order_data: "orderData",
            product_data: "productData",
            customer: "customer",
            consumer: "consumer",
            pickup_dst: "pickupDst",
            return_dst: "returnDst",
            sender: "sender",
            receiver: "receiver",
        ],
        Invoice: "an invoice webhook" [
            is_paid: "isPaid",
            is_sent: "isSent",
            status: "status",
            due_date: "dueDate",
            custom_data: "customData",
            linked_invoice: "linkedInvoice",
        ],
    ];
}

/// The kind table: each webhook once, with its kebab-case name, its variant and its model.
/// [`WebhookKind`], [`Webhook`] and every dispatch on the kind are generated from it.
///
/// [`Webhook`] boxes every body: measured (callgrind), a 16-byte `Webhook` decodes faster than
/// one the size of the largest inline body, the extra allocation included, on every fixture
/// but `files-uploaded` (+0.4%); see `benches/README.md`.
macro_rules! webhooks {
    ($($(#[$doc:meta])* $kind:ident $name:literal => $model:ident,)+) => {
        /// Which webhook a body is, as configured per URL: the kinds Service Order Hub sends.
        /// Parses from and displays as a kebab-case name (`new-status`, `case-updated`, …).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum WebhookKind {
            $($(#[$doc])* $kind,)+
        }

        impl WebhookKind {
            /// Every kind, in the order of the vendor's Webhooks page.
            pub const ALL: &'static [Self] = &[$(Self::$kind,)+];

            /// The kind's kebab-case name, such as `status-transition`.
            pub const fn name(self) -> &'static str {
                match self {
                    $(Self::$kind => $name,)+
                }
            }

            /// The top-level keys a body of this kind is known by (see the [module](self)
            /// docs): a body must carry at least one of them with a value, or it is refused as
            /// not of this kind.
            pub fn keys(self) -> &'static [&'static str] {
                self.model().keys
            }

            /// The kind of body this webhook sends, with the keys it is known by.
            pub(crate) fn model(self) -> &'static crate::kind::Kind {
                match self {
                    $(Self::$kind => <$model as crate::kind::Known>::KIND,)+
                }
            }
        }

        /// A Service Order Hub webhook body, typed by the kind it was delivered as.
        ///
        /// Encoding writes the body alone, as the vendor sent it.
        #[derive(Debug, Clone, PartialEq, Eq, Serialize)]
        #[serde(untagged)]
        #[non_exhaustive]
        pub enum Webhook {
            $($(#[$doc])* $kind(Box<$model>),)+
        }

        impl Webhook {
            /// Decodes the raw body of a webhook delivered as `kind`.
            ///
            /// # Errors
            /// When the body is not JSON, or is not a body of that kind (see the
            /// [module](self) docs), or does not fit the kind's model; see [`Error`].
            pub fn decode(kind: WebhookKind, body: &[u8]) -> Result<Self, Error> {
                Ok(match kind {
                    $(WebhookKind::$kind => {
                        Self::$kind(crate::from_slice::<crate::kind::Boxed<$model>>(body)?.0)
                    })+
                })
            }

            /// As [`decode`](Self::decode), as one decode of an audit ([`crate::audit`]).
            pub(crate) fn decode_audited(kind: WebhookKind, body: &[u8]) -> Result<Self, Error> {
                Ok(match kind {
                    $(WebhookKind::$kind => Self::$kind(crate::audit::decode_body(body)?),)+
                })
            }

            /// The kind this body was delivered as.
            pub const fn kind(&self) -> WebhookKind {
                match self {
                    $(Self::$kind(_) => WebhookKind::$kind,)+
                }
            }

            /// The guid of the case the webhook is about.
            pub fn case_guid(&self) -> Option<&str> {
                match self {
                    $(Self::$kind(body) => CaseGuid::case_guid(&**body),)+
                }
            }
        }
    };
}

webhooks! {
    /// "New status": [`NewStatus`].
    NewStatus "new-status" => Status,
    /// "Status transition": [`StatusTransition`].
    StatusTransition "status-transition" => Status,
    /// "New cost proposal": [`CostProposal`].
    CostProposal "cost-proposal" => CostProposal,
    /// "New message": [`Message`].
    NewMessage "new-message" => Message,
    /// "Message was confirmed": [`Message`], the same body as a new message.
    MessageConfirmed "message-confirmed" => Message,
    /// "New file uploaded": [`FilesUploaded`].
    FilesUploaded "files-uploaded" => FilesUploaded,
    /// "Case updated": [`CaseUpdated`].
    CaseUpdated "case-updated" => CaseUpdated,
    /// "Invoice created/updated": [`Invoice`].
    Invoice "invoice" => Invoice,
}

impl fmt::Display for WebhookKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A name that is not one of the [`WebhookKind`]s.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown Service Order Hub webhook kind `{name}` (expected one of: {})",
    kind_names()
)]
pub struct UnknownWebhookKind {
    name: String,
}

/// Every kind's name, for messages: `new-status, status-transition, …`.
fn kind_names() -> String {
    let names: Vec<&str> = WebhookKind::ALL.iter().map(|kind| kind.name()).collect();
    names.join(", ")
}

impl FromStr for WebhookKind {
    type Err = UnknownWebhookKind;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .iter()
            .copied()
            .find(|kind| kind.name() == name)
            .ok_or_else(|| UnknownWebhookKind {
                name: crate::wire::excerpt(name).into_owned(),
            })
    }
}
