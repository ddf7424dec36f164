//! The "new file uploaded" webhook.

use serde::Serialize;
use serde_with::skip_serializing_none;

use super::common::File;
use crate::kind::model;

model! {
    /// The "new file uploaded" webhook: files were added to a case.
    #[skip_serializing_none]
    #[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
    #[non_exhaustive]
    pub struct FilesUploaded {
        /// The case's guid, as text.
        pub guid: Option<String>,
        /// The files uploaded.
        pub files: Option<Vec<File>>,
    }
}

impl super::CaseGuid for FilesUploaded {
    fn case_guid(&self) -> Option<&str> {
        self.guid.as_deref()
    }
}
