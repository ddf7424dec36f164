//! Photos and videos attached to an MPI, and the data handed to integrations.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_with::{serde_as, skip_serializing_none};

use crate::wire::{BoolString, EpochOrLocal, ExactDecimal, LenientNumber, RawJson, open_enum};

open_enum! {
    /// What an attachment is (wire `type`).
    pub struct AttachmentType => AttachmentTypeKind {
        /// A video: `VIDEO`.
        Video = ["VIDEO"],
    }
}

/// A photo or video attached to the MPI (an entry of wire `attachments`).
#[serde_as]
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Attachment {
    /// Identifier of the attachment.
    pub uuid: Option<String>,
    /// What it is, such as `VIDEO` (wire `type`).
    #[serde(rename = "type")]
    pub kind: Option<AttachmentType>,
    /// Where the media is.
    pub link: Option<String>,
    /// Who may see it, such as `PUBLIC`.
    pub visibility: Option<String>,
    /// Extra information (only ever `null` in the docs; kept as raw JSON).
    pub info: Option<RawJson>,
    /// Who made it, such as `TECHNICIAN`.
    pub source: Option<String>,
    /// Where the audio track is.
    pub audio_url: Option<String>,
    /// Whether the video has audio; the wire sends the string `"false"`, and so does
    /// encoding.
    #[serde_as(as = "Option<BoolString>")]
    pub has_audio: Option<bool>,
    /// Where the captions are.
    pub captions_url: Option<String>,
    /// Where the summary is.
    pub summary_url: Option<String>,
    /// Video length, in seconds.
    #[serde_as(as = "Option<LenientNumber>")]
    pub video_length: Option<i64>,
    /// How often the video was paused.
    #[serde_as(as = "Option<LenientNumber>")]
    pub pause_count: Option<i64>,
    /// Whether the upload finished.
    pub is_uploaded: Option<bool>,
    /// Whether the thumbnail upload finished.
    pub is_thumbnail_uploaded: Option<bool>,
    /// Language spoken in the video, such as `en`.
    pub original_language: Option<String>,
    /// Who uploaded it.
    pub media_uploader_uuid: Option<String>,
    /// Name of who uploaded it (wire `mediaUploaderDAName`).
    #[serde(rename = "mediaUploaderDAName")]
    pub media_uploader_da_name: Option<String>,
    /// When it was created: local ISO text (`2026-02-19T09:15:00`) or epoch milliseconds.
    pub created_on: Option<EpochOrLocal>,
    /// When it was last updated, as `created_on`.
    pub updated_on: Option<EpochOrLocal>,
    /// Translations of the video.
    pub translations: Option<Vec<Translation>>,
}

/// A translation of an attachment's video (an entry of wire `translations`).
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Translation {
    /// Language, such as `es`.
    pub language: Option<String>,
    /// Where the translated video is.
    pub video_url: Option<String>,
    /// Where the translated captions are.
    pub captions_url: Option<String>,
}

/// Data for integrations such as DMS write-back (wire `integrationData`).
#[serde_as]
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct IntegrationData {
    /// Signature identifier.
    pub signature_identifier: Option<String>,
    /// Customer's first name (wire `customerFName`).
    #[serde(rename = "customerFName")]
    pub customer_first_name: Option<String>,
    /// Customer's middle name (wire `customerMName`).
    #[serde(rename = "customerMName")]
    pub customer_middle_name: Option<String>,
    /// Customer's last name (wire `customerLName`).
    #[serde(rename = "customerLName")]
    pub customer_last_name: Option<String>,
    /// Customer's preferred language, such as `en`.
    pub customer_pref_language: Option<String>,
    /// Red and yellow recommendations in all.
    #[serde_as(as = "Option<LenientNumber>")]
    pub total_red_yellow_recs: Option<i64>,
    /// Service advisor's tag.
    pub service_advisor_tag: Option<String>,
    /// Service advisor's first name (wire `saFName`).
    #[serde(rename = "saFName")]
    pub sa_first_name: Option<String>,
    /// Service advisor's last name (wire `saLName`).
    #[serde(rename = "saLName")]
    pub sa_last_name: Option<String>,
    /// Technician's tag.
    pub technician_tag: Option<String>,
    /// Technician's first name (wire `techFName`).
    #[serde(rename = "techFName")]
    pub tech_first_name: Option<String>,
    /// Technician's last name (wire `techLName`).
    #[serde(rename = "techLName")]
    pub tech_last_name: Option<String>,
    /// Name of the inspection type, such as `Full MPI`.
    pub inspection_type_name: Option<String>,
    /// Price code of menu sales.
    pub menu_sales_price_code: Option<String>,
    /// Price code of the initial order.
    pub initial_ro_price_code: Option<String>,
    /// Amount of the initial order, exact.
    #[serde_as(as = "Option<ExactDecimal>")]
    pub initial_ro_amount: Option<Decimal>,
    /// Price code of recommended services.
    pub recommended_services_price_code: Option<String>,
    /// Total of recommended services, exact.
    #[serde_as(as = "Option<ExactDecimal>")]
    pub recommended_services_total_amount: Option<Decimal>,
    /// Price code of accepted recommended services.
    pub recommended_accepted_services_price_code: Option<String>,
    /// Total of accepted services, exact.
    #[serde_as(as = "Option<ExactDecimal>")]
    pub accepted_services_total_amount: Option<Decimal>,
    /// Comments type code.
    pub comments_type_code: Option<String>,
    /// Operation code.
    pub operation_code: Option<String>,
    /// Inspection status, such as `COMPLETED`.
    pub inspection_status: Option<String>,
    /// When the first recommendation was made: local ISO text or epoch milliseconds.
    pub first_recomm_made_time: Option<EpochOrLocal>,
    /// When the customer last acted, as `first_recomm_made_time`.
    pub last_customer_action_time: Option<EpochOrLocal>,
}
