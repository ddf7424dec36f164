//! What a message holds beside its header: body and subject, metadata, attachments, and a
//! draft's schedule.

use serde::{Deserialize, Serialize};
use serde_with::skip_serializing_none;

use super::DraftStatus;
use crate::wire::EpochOrText;

/// The body and subject of a message (wire `messageExtnDTO`). No page describes the members;
/// their meanings are read from their names.
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct MessageExtn {
    /// The message these belong to.
    pub message_uuid: Option<String>,
    /// The body: the text, or the e-mail's body. The communications API takes an internal
    /// note's body as JSON text (`{"text":[…],"version":0,"previewText":"…",…}`); whether a
    /// note's event carries that JSON text or plain text is not documented, so it is kept as
    /// the text that came.
    pub message_body: Option<String>,
    /// The e-mail's subject.
    pub subject: Option<String>,
}

/// Metadata of a message (wire `messageMetaDataDTO`).
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct MessageMetaData {
    /// The message this belongs to.
    pub message_uuid: Option<String>,
    /// The metadata, typed as a string, not an object; whether it holds JSON text is not
    /// documented.
    pub meta_data: Option<String>,
}

/// An attachment of a message (an item of wire `docFiles`). The docs give the members' names
/// and types only: the size's unit and whether the file names are URLs are not documented.
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct DocFile {
    /// The stored file's name.
    pub doc_file_name: Option<String>,
    /// The file's extension.
    pub file_extension: Option<String>,
    /// The file's MIME type.
    pub mime_type: Option<String>,
    /// The file's name as it was uploaded.
    pub original_file_name: Option<String>,
    /// The file's size, as text: a string in both the API schema and the vendor's source, not
    /// a number. Its unit is not documented.
    pub doc_size: Option<String>,
    /// The thumbnail's file name.
    pub thumbnail_file_name: Option<String>,
    /// The media preview's URL (wire `mediaPreviewURL`).
    #[serde(rename = "mediaPreviewURL")]
    pub media_preview_url: Option<String>,
    /// The message the file is attached to.
    pub message_uuid: Option<String>,
}

/// A draft's state and schedule (wire `draftMessageMetaDataDTO`).
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct DraftMessageMetaData {
    /// The message this belongs to.
    pub message_uuid: Option<String>,
    /// Where the draft stands, such as `SCHEDULED`.
    pub status: Option<DraftStatus>,
    /// When the draft is scheduled to be sent. The docs type it `date-time` without giving
    /// the wire format: epoch milliseconds and text with or without a zone are all read,
    /// and written back as they came.
    pub scheduled_on: Option<EpochOrText>,
    /// Why the last attempt to send failed. Values are not documented (the communications
    /// API's request side shows `MDL_EVENT_UNDER_TIME_LIMIT_REASON`).
    pub reason_for_last_failure: Option<String>,
    /// Whether the user's signature is added to the message.
    pub add_signature: Option<bool>,
}
