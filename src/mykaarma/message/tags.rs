//! The tags on a message.

use serde::{Deserialize, Serialize};
use serde_with::skip_serializing_none;

/// The tags on a message (wire `messageTags`).
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct MessageTags {
    /// The kinds of tag on the message.
    pub tag_types: Option<Vec<TagType>>,
}

/// A kind of tag (an item of wire `tagTypes`). The API schema's members begin with these
/// four; the rest of them are not known, and are ignored like any key the crate does not
/// model.
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct TagType {
    /// The tag type's identifier.
    pub uuid: Option<String>,
    /// The dealer the tag type belongs to.
    pub dealer_uuid: Option<String>,
    /// The tag type's name.
    pub name: Option<String>,
    /// The name shown to users.
    pub display_name: Option<String>,
}
