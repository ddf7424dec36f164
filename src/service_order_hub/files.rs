//! The "new file uploaded" webhook.

use serde::{Deserialize, Serialize};
use serde_with::skip_serializing_none;

use super::common::File;

/// The "new file uploaded" webhook: files were added to a case.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct FilesUploaded {
    /// The case's guid, as text.
    pub guid: Option<String>,
    /// The files uploaded.
    pub files: Option<Vec<File>>,
}
