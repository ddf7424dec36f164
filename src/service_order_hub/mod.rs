//! Service Order Hub (InfoCare Workshop) webhooks, sent to partners and service providers.
//!
//! These webhooks carry no kind field: each kind is delivered to its own URL. Decode a body
//! with [`crate::from_slice`] into the type of the URL it arrived at, or, for a receiver that
//! routes by configuration, with [`Webhook::decode`] and the [`WebhookKind`] as a value.
//!
//! | webhook | type |
//! | --- | --- |
//! | new status | [`NewStatus`] (a [`Status`]) |
//! | status transition | [`StatusTransition`] (the same [`Status`], with `prevKey` and `case`) |
//! | new cost proposal | [`CostProposal`] |
//! | new message | [`Message`] |
//! | message was confirmed | [`Message`] (the same body, with `confirmedAt` set) |
//! | new file uploaded | [`FilesUploaded`] |
//! | case updated | [`CaseUpdated`], a patch |
//! | invoice created/updated | [`Invoice`] |
//!
//! Fields are the wire keys in snake case (`createdAt` is `created_at`); a field's doc names
//! its wire key where that rule does not give it. Times are RFC 3339 with milliseconds
//! (`DateTime<Utc>`), written back the same way; money is exact; ids are numbers and guids are
//! text (the docs show guids that are not valid UUIDs).

mod case;
mod case_updated;
mod common;
mod cost_proposal;
mod files;
mod invoice;
mod message;
mod objects;
mod status;

use std::fmt;
use std::str::FromStr;

use serde::ser::{Serialize, Serializer};

pub use case::{Case, CatalogEntry, FreightTracking, Party};
pub use case_updated::CaseUpdated;
pub use common::{
    BookingType, BookingTypeKind, Consents, CurrencyCode, ExternalId, File, FileType, FileTypeKind,
    Originator, OriginatorKind,
};
pub use cost_proposal::{
    CostProposal, CostProposalDetail, CostProposalName, CostProposalNameKind, DetailType,
    DetailTypeKind, Reaction, ReactionKind,
};
pub use files::FilesUploaded;
pub use invoice::{Invoice, InvoiceDetail, InvoiceType, InvoiceTypeKind, LinkedInvoice};
pub use message::{Message, MessageType, MessageTypeKind, SenderType, SenderTypeKind};
pub use objects::{
    Contact, ContactPatch, Notification, OrderData, OrderDataPatch, ProductData, ProductDataPatch,
};
pub use status::{NewStatus, Status, StatusTransition};

use crate::Error;

/// Which webhook a body is, as configured per URL: the eight kinds Service Order Hub sends.
/// Parses from and displays as a kebab-case name (`new-status`, `case-updated`, …).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WebhookKind {
    /// "New status": [`NewStatus`].
    NewStatus,
    /// "Status transition": [`StatusTransition`].
    StatusTransition,
    /// "New cost proposal": [`CostProposal`].
    CostProposal,
    /// "New message": [`Message`].
    NewMessage,
    /// "Message was confirmed": [`Message`], the same body as a new message.
    MessageConfirmed,
    /// "New file uploaded": [`FilesUploaded`].
    FilesUploaded,
    /// "Case updated": [`CaseUpdated`].
    CaseUpdated,
    /// "Invoice created/updated": [`Invoice`].
    Invoice,
}

impl WebhookKind {
    /// All eight kinds.
    pub const ALL: [Self; 8] = [
        Self::NewStatus,
        Self::StatusTransition,
        Self::CostProposal,
        Self::NewMessage,
        Self::MessageConfirmed,
        Self::FilesUploaded,
        Self::CaseUpdated,
        Self::Invoice,
    ];

    /// The kind's kebab-case name, such as `status-transition`.
    pub const fn name(self) -> &'static str {
        match self {
            Self::NewStatus => "new-status",
            Self::StatusTransition => "status-transition",
            Self::CostProposal => "cost-proposal",
            Self::NewMessage => "new-message",
            Self::MessageConfirmed => "message-confirmed",
            Self::FilesUploaded => "files-uploaded",
            Self::CaseUpdated => "case-updated",
            Self::Invoice => "invoice",
        }
    }
}

impl fmt::Display for WebhookKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A name that is not one of the eight [`WebhookKind`]s.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown Service Order Hub webhook kind `{0}` (expected one of: new-status, status-transition, cost-proposal, new-message, message-confirmed, files-uploaded, case-updated, invoice)"
)]
pub struct UnknownWebhookKind(String);

impl FromStr for WebhookKind {
    type Err = UnknownWebhookKind;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|kind| kind.name() == name)
            .ok_or_else(|| UnknownWebhookKind(name.to_owned()))
    }
}

/// A Service Order Hub webhook body, typed by the kind it was delivered as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Webhook {
    /// "New status".
    NewStatus(Box<NewStatus>),
    /// "Status transition".
    StatusTransition(Box<StatusTransition>),
    /// "New cost proposal".
    CostProposal(CostProposal),
    /// "New message".
    NewMessage(Message),
    /// "Message was confirmed".
    MessageConfirmed(Message),
    /// "New file uploaded".
    FilesUploaded(FilesUploaded),
    /// "Case updated".
    CaseUpdated(Box<CaseUpdated>),
    /// "Invoice created/updated".
    Invoice(Box<Invoice>),
}

impl Webhook {
    /// Decodes the raw body of a webhook delivered as `kind`.
    ///
    /// # Errors
    /// When the body is not JSON or does not fit the kind's model; see [`Error`].
    pub fn decode(kind: WebhookKind, body: &[u8]) -> Result<Self, Error> {
        Ok(match kind {
            WebhookKind::NewStatus => Self::NewStatus(crate::from_slice(body)?),
            WebhookKind::StatusTransition => Self::StatusTransition(crate::from_slice(body)?),
            WebhookKind::CostProposal => Self::CostProposal(crate::from_slice(body)?),
            WebhookKind::NewMessage => Self::NewMessage(crate::from_slice(body)?),
            WebhookKind::MessageConfirmed => Self::MessageConfirmed(crate::from_slice(body)?),
            WebhookKind::FilesUploaded => Self::FilesUploaded(crate::from_slice(body)?),
            WebhookKind::CaseUpdated => Self::CaseUpdated(crate::from_slice(body)?),
            WebhookKind::Invoice => Self::Invoice(crate::from_slice(body)?),
        })
    }

    /// The kind this body was delivered as.
    pub const fn kind(&self) -> WebhookKind {
        match self {
            Self::NewStatus(_) => WebhookKind::NewStatus,
            Self::StatusTransition(_) => WebhookKind::StatusTransition,
            Self::CostProposal(_) => WebhookKind::CostProposal,
            Self::NewMessage(_) => WebhookKind::NewMessage,
            Self::MessageConfirmed(_) => WebhookKind::MessageConfirmed,
            Self::FilesUploaded(_) => WebhookKind::FilesUploaded,
            Self::CaseUpdated(_) => WebhookKind::CaseUpdated,
            Self::Invoice(_) => WebhookKind::Invoice,
        }
    }

    /// The guid of the case the webhook is about.
    pub fn case_guid(&self) -> Option<&str> {
        match self {
            Self::NewStatus(status) | Self::StatusTransition(status) => status.guid.as_deref(),
            Self::CostProposal(proposal) => proposal.guid.as_deref(),
            Self::NewMessage(message) | Self::MessageConfirmed(message) => message.guid.as_deref(),
            Self::FilesUploaded(files) => files.guid.as_deref(),
            Self::CaseUpdated(update) => update.guid.as_deref(),
            Self::Invoice(invoice) => invoice.guid.as_deref(),
        }
    }
}

impl Serialize for Webhook {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::NewStatus(body) | Self::StatusTransition(body) => body.serialize(serializer),
            Self::CostProposal(body) => body.serialize(serializer),
            Self::NewMessage(body) | Self::MessageConfirmed(body) => body.serialize(serializer),
            Self::FilesUploaded(body) => body.serialize(serializer),
            Self::CaseUpdated(body) => body.serialize(serializer),
            Self::Invoice(body) => body.serialize(serializer),
        }
    }
}
