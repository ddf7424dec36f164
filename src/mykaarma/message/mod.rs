//! The message event (kind `messages`): fired each time a message is sent or received in
//! myKaarma, and each time an existing message is updated. It covers every channel between a
//! dealer and a customer: texts (SMS), e-mails, voice calls, WhatsApp and internal notes. The
//! payload carries the message as myKaarma's communications API describes it (`messageDTO`,
//! here [`Message`]).
//!
//! Read [`Message::message_type`] for the direction (`S` outgoing, `I` incoming, `N` a note),
//! [`Message::protocol`] for the channel (`X` text, `E` e-mail, `V` voice call, `Z` none), and
//! [`MessageEvent::is_update`] to tell a new message from an update of one. Events about one
//! message share its [`uuid`](Message::uuid), the event's
//! [`subject`](crate::mykaarma::Payload::subject).
//!
//! The event is documented on myKaarma's QA documentation site, and what the docs leave open
//! is modelled to be read whatever comes:
//! - The wire format of the times (`sentOn`, `receivedOn`, a draft's `scheduledOn`) is not
//!   documented: each is an [`EpochOrText`], which reads epoch milliseconds and text with or
//!   without a zone, and writes back what came.
//! - The values of `deliveryStatus`, `tags`, a prediction and its feedback are not documented:
//!   they are text. Message type, channel, purpose and draft status are open enums.
//! - `whatsAppMessageDTO`, `messageSnoozeDataDTO` and `voiceCallDTO` are documented as objects
//!   without members: they are kept as raw JSON, byte for byte.
//!
//! ```
//! use aftersales_webhooks::mykaarma::message::{MessageProtocolKind, MessageTypeKind};
//! use aftersales_webhooks::mykaarma::{Envelope, Payload};
//!
//! let body = std::fs::read("fixtures/mykaarma/message-email.wire.json").unwrap();
//! let envelope: Envelope = aftersales_webhooks::from_slice(&body)?;
//! let Payload::Message(event) = envelope.payload() else { unreachable!() };
//! let message = event.message.as_ref().unwrap();
//! assert_eq!(message.message_type.as_ref().unwrap().kind(), MessageTypeKind::Outgoing);
//! assert_eq!(message.protocol.as_ref().unwrap().kind(), MessageProtocolKind::Email);
//! assert_eq!(message.attachments().len(), 2);
//! # Ok::<(), aftersales_webhooks::Error>(())
//! ```

mod codes;
mod content;
mod prediction;
mod tags;

use serde::Serialize;
use serde_with::skip_serializing_none;

pub use codes::{
    DraftStatus, DraftStatusKind, MessageProtocol, MessageProtocolKind, MessagePurpose,
    MessagePurposeKind, MessageType, MessageTypeKind,
};
pub use content::{DocFile, DraftMessageMetaData, MessageExtn, MessageMetaData};
pub use prediction::{MessagePrediction, MessagePredictionFeedback, PredictionFeature};
pub use tags::{MessageTags, TagType};

use crate::kind::model;
use crate::wire::{EpochOrText, LenientNumber, RawJson, open_struct};

model! {
    /// The payload of a message event.
    #[skip_serializing_none]
    #[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
    #[serde(rename_all = "camelCase")]
    #[non_exhaustive]
    pub struct MessageEvent {
        /// The dealer order the message is linked to: its meaning is not documented. By its
        /// name, a repair order's identifier (the documented example's value is the MPI
        /// example's `orderUUID`, which says something of the placeholders, not a rule).
        pub dealer_order_uuid: Option<String>,
        /// Whether the event is an update of an existing message (`true`) rather than a new
        /// message (`false`).
        pub is_update: Option<bool>,
        /// The message (wire `messageDTO`).
        #[serde(
            rename = "messageDTO",
            default,
            deserialize_with = "crate::wire::boxed"
        )]
        pub message: Option<Box<Message>>,
    }
}

open_struct! {
    #[closed]
    /// A message: its channel, direction, content, sender and recipient, and nested metadata
    /// (wire `messageDTO`). The docs mark every field nullable but `uuid`, `id`, `messageType` and
    /// `protocol`; none of them has a description, so a meaning that cites no source below is
    /// read from the field's name. "The vendor's source" is myKaarma's communications service
    /// as published: not documentation, and older than the event's docs. That source also has a
    /// `routedOn` date which no doc lists: it is not modelled (ignored, like any unknown key).
    pub struct Message {
        /// The message's identifier (the communications API's `messageUUID`).
        uuid: Option<String> = "uuid",
        /// The message's numeric id (int64), such as `100042`.
        id: Option<i64> as Option<LenientNumber> = "id",
        /// Direction and kind, such as `S` (outgoing).
        message_type: Option<MessageType> = "messageType",
        /// Channel, such as `X` (text).
        protocol: Option<MessageProtocol> = "protocol",
        /// The sender's name.
        from_name: Option<String> = "fromName",
        /// The sender's address; not documented: by its name a phone number for texts, and in
        /// the vendor's source the dealer's e-mail address for e-mails.
        from_number: Option<String> = "fromNumber",
        /// The recipient's name.
        to_name: Option<String> = "toName",
        /// The recipient's address; not documented: by its name a phone number for texts, and in
        /// the vendor's source the customer's e-mail address for e-mails.
        to_number: Option<String> = "toNumber",
        /// Not documented (int32); the vendor's source sets it to the body's length in
        /// characters.
        message_size: Option<i32> as Option<LenientNumber> = "messageSize",
        /// When the message was sent. The docs type it `datetime` without giving the wire
        /// format: epoch milliseconds and text with or without a zone are all read, and written
        /// back as they came.
        sent_on: Option<EpochOrText> = "sentOn",
        /// When the message was received; the format as for [`sent_on`](Self::sent_on).
        received_on: Option<EpochOrText> = "receivedOn",
        /// Tags, as one string (not a list). Values are not documented.
        tags: Option<String> = "tags",
        /// The e-mail's message id; not documented.
        email_message_id: Option<String> = "emailMessageId",
        /// The identifier the carrier gave the message: Twilio's for texts and calls, Postmark's
        /// for e-mails.
        communication_uid: Option<String> = "communicationUid",
        /// Why the message was sent, such as `F` (a draft).
        message_purpose: Option<MessagePurpose> = "messagePurpose",
        /// The delivery status. Values are not documented, so it is text.
        delivery_status: Option<String> = "deliveryStatus",
        /// The dealer department.
        dealer_department_uuid: Option<String> = "dealerDepartmentUuid",
        /// Twilio's reason a text was not delivered; not documented.
        twilio_delivery_failure_message: Option<String> = "twilioDeliveryFailureMessage",
        /// How many attachments the message has (int32; wire `numberofMessageAttachments`, with
        /// a lower-case `of`).
        number_of_message_attachments: Option<i32> as Option<LenientNumber> = "numberofMessageAttachments",
        /// Whether a user sent the message by hand (`true`) or the system sent it automatically
        /// (`false`).
        is_manual: Option<bool> = "isManual",
        /// The customer.
        customer_uuid: Option<String> = "customerUuid",
        /// The customer's name.
        customer_name: Option<String> = "customerName",
        /// The dealer.
        dealer_uuid: Option<String> = "dealerUuid",
        /// The dealer associate (a myKaarma user).
        dealer_associate_uuid: Option<String> = "dealerAssociateUuid",
        /// Whether the message was read; not documented.
        is_read: Option<bool> = "isRead",
        /// Whether the message was archived; not documented.
        is_archive: Option<bool> = "isArchive",
        /// The body and subject (wire `messageExtnDTO`).
        message_extn: Option<MessageExtn> = "messageExtnDTO",
        /// Metadata (wire `messageMetaDataDTO`).
        message_meta_data: Option<MessageMetaData> = "messageMetaDataDTO",
        /// The attachments.
        doc_files: Option<Vec<DocFile>> = "docFiles",
        /// The tags on the message.
        message_tags: Option<MessageTags> = "messageTags",
        /// The WhatsApp part of a message (wire `whatsAppMessageDTO`): an object whose members
        /// are not documented, kept as raw JSON.
        whats_app_message: Option<RawJson> = "whatsAppMessageDTO",
        /// A draft's state and schedule (wire `draftMessageMetaDataDTO`).
        draft_message_meta_data: Option<DraftMessageMetaData> = "draftMessageMetaDataDTO",
        /// A snooze of the message (wire `messageSnoozeDataDTO`): an object whose members are
        /// not documented, kept as raw JSON.
        message_snooze_data: Option<RawJson> = "messageSnoozeDataDTO",
        /// Predictions about the message (wire `messagePredictionDTOSet`).
        message_prediction_set: Option<Vec<MessagePrediction>> = "messagePredictionDTOSet",
        /// The voice call (wire `voiceCallDTO`): an object whose members are not documented,
        /// kept as raw JSON.
        voice_call: Option<RawJson> = "voiceCallDTO",
    }
}

impl Message {
    /// The body (`messageExtnDTO.messageBody`), if the message carries one.
    pub fn body(&self) -> Option<&str> {
        self.message_extn.as_ref()?.message_body.as_deref()
    }

    /// The attachments (none when the message carries none).
    pub fn attachments(&self) -> &[DocFile] {
        self.doc_files.as_deref().unwrap_or_default()
    }
}

impl super::payload::Subject for MessageEvent {
    /// The message's `messageDTO.uuid`.
    fn subject(&self) -> Option<&str> {
        self.message.as_ref()?.uuid.as_deref()
    }
}
