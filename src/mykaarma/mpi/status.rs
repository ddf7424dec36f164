//! Where an MPI stands: flags, counts and secondary flags.

use serde::{Deserialize, Serialize};
use serde_with::{serde_as, skip_serializing_none};

use super::MpiType;
use crate::wire::{EpochOrLocal, LenientNumber, RawJson};

/// The MPI's main flags (wire `mpiFlags`).
#[serde_as]
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct MpiFlags {
    /// Version of the flags.
    #[serde_as(as = "Option<LenientNumber>")]
    pub version: Option<i64>,
    /// Whether the inspection is complete.
    pub is_complete: Option<bool>,
    /// Whether the inspection was marked not needed.
    pub is_not_needed: Option<bool>,
    /// Whether and how the MPI was sent to the customer.
    pub sent_status: Option<String>,
    /// When the MPI was sent to the customer.
    pub sent_to_customer_on: Option<EpochOrLocal>,
    /// Number the MPI was sent to.
    pub sent_to_number: Option<String>,
    /// Name the MPI was sent to.
    pub sent_to_name: Option<String>,
    /// Why an automatic send failed.
    pub auto_send_failure_description: Option<String>,
    /// How the MPI was sent (text, email, …).
    pub sent_medium: Option<String>,
    /// Whether the full MPI was sent automatically.
    pub full_mpi_sent_automatically: Option<bool>,
    /// When the customer was notified by text.
    pub customer_notified_by_text_on: Option<EpochOrLocal>,
    /// When the customer was notified by email.
    pub customer_notified_by_email_on: Option<EpochOrLocal>,
    /// When the customer was notified by WhatsApp.
    pub customer_notified_by_whatsapp_on: Option<EpochOrLocal>,
    /// How many media files were uploaded.
    #[serde_as(as = "Option<LenientNumber>")]
    pub uploaded_media_count: Option<i64>,
    /// The kind of inspection, such as `FULL_MPI`.
    pub mode: Option<MpiType>,
    /// Event type for a third party.
    pub third_party_event_type: Option<String>,
}

/// Counts of recommendations and media (wire `mpiCounts`).
#[serde_as]
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct MpiCounts {
    /// Recommendations in all.
    #[serde_as(as = "Option<LenientNumber>")]
    pub total_recommendation_count: Option<i64>,
    /// Approved recommendations.
    #[serde_as(as = "Option<LenientNumber>")]
    pub approve_count: Option<i64>,
    /// Declined recommendations.
    #[serde_as(as = "Option<LenientNumber>")]
    pub decline_count: Option<i64>,
    /// Recommendations marked not needed.
    #[serde_as(as = "Option<LenientNumber>")]
    pub not_needed_count: Option<i64>,
    /// Completed recommendations.
    #[serde_as(as = "Option<LenientNumber>")]
    pub complete_count: Option<i64>,
    /// Recommendations the customer has not decided on.
    #[serde_as(as = "Option<LenientNumber>")]
    pub undecided_count: Option<i64>,
    /// Recommendations whose labour pricing is incomplete.
    #[serde_as(as = "Option<LenientNumber>")]
    pub labor_incomplete_count: Option<i64>,
    /// Recommendations whose parts pricing is incomplete.
    #[serde_as(as = "Option<LenientNumber>")]
    pub parts_incomplete_count: Option<i64>,
    /// Labour pricing requests.
    #[serde_as(as = "Option<LenientNumber>")]
    pub labor_requested_count: Option<i64>,
    /// Parts pricing requests.
    #[serde_as(as = "Option<LenientNumber>")]
    pub parts_requested_count: Option<i64>,
    /// Parts pending sale.
    #[serde_as(as = "Option<LenientNumber>")]
    pub parts_pending_sale_count: Option<i64>,
    /// Estimates requested.
    #[serde_as(as = "Option<LenientNumber>")]
    pub requested_estimate_count: Option<i64>,
    /// Images added by hand.
    #[serde_as(as = "Option<LenientNumber>")]
    pub total_manual_image_count: Option<i64>,
    /// Videos added by hand.
    #[serde_as(as = "Option<LenientNumber>")]
    pub total_manual_video_count: Option<i64>,
    /// Shop notes.
    #[serde_as(as = "Option<LenientNumber>")]
    pub shop_notes_count: Option<i64>,
    /// Required checks not filled in.
    #[serde_as(as = "Option<LenientNumber>")]
    pub required_checks_unfilled_count: Option<i64>,
    /// Partners that populated the MPI (entries only ever shown empty; kept as raw JSON).
    pub populated_by_partners: Option<Vec<RawJson>>,
}

/// Secondary flags: views, uploads, due states and the video-only send (wire
/// `mpiSecondaryFlags`).
#[serde_as]
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct MpiSecondaryFlags {
    /// How often the customer opened the link.
    #[serde_as(as = "Option<LenientNumber>")]
    pub customer_link_view_count: Option<i64>,
    /// How often the video-only link was viewed.
    #[serde_as(as = "Option<LenientNumber>")]
    pub video_only_view_count: Option<i64>,
    /// How often videos were viewed.
    #[serde_as(as = "Option<LenientNumber>")]
    pub video_view_count: Option<i64>,
    /// Highest hierarchical number given to a recommendation.
    #[serde_as(as = "Option<LenientNumber>")]
    pub max_hierarchical_number: Option<i64>,
    /// Upload status of media, such as `COMPLETE`.
    pub media_upload_status: Option<String>,
    /// Upload status of videos, such as `COMPLETE`.
    pub video_upload_status: Option<String>,
    /// When the customer saw the MPI.
    pub customer_seen_on: Option<EpochOrLocal>,
    /// Whether the status is overdue.
    pub status_over_due: Option<bool>,
    /// Whether the estimate is overdue.
    pub estimate_over_due: Option<bool>,
    /// Whether sending to the customer is overdue.
    pub send_to_customer_over_due: Option<bool>,
    /// Send status of the video-only MPI, such as `unsent`.
    pub video_only_sent_status: Option<String>,
    /// Why sending the video-only MPI failed.
    pub video_only_send_failure_description: Option<String>,
    /// How the video-only MPI was sent.
    pub video_only_sent_medium: Option<String>,
    /// Number the video-only MPI was sent to.
    pub video_only_sent_to_number: Option<String>,
    /// Name the video-only MPI was sent to.
    pub video_only_sent_to_name: Option<String>,
    /// When the video-only MPI was sent.
    pub video_only_sent_to_customer_on: Option<EpochOrLocal>,
    /// When the video-only MPI was sent by text.
    pub video_only_sent_to_customer_on_text: Option<EpochOrLocal>,
    /// When the video-only MPI was sent by email.
    pub video_only_sent_to_customer_on_email: Option<EpochOrLocal>,
    /// When the video-only MPI was sent by WhatsApp.
    pub video_only_sent_to_customer_on_whatsapp: Option<EpochOrLocal>,
    /// Whether the video-only MPI was sent automatically.
    pub video_only_sent_automatically: Option<bool>,
    /// Whether the customer asked for the full MPI (wire `isRequestedFullMPI`).
    #[serde(rename = "isRequestedFullMPI")]
    pub is_requested_full_mpi: Option<bool>,
    /// Whether feedback was given (wire `isfeedbackDone`).
    #[serde(rename = "isfeedbackDone")]
    pub is_feedback_done: Option<bool>,
    /// Whether summary feedback was given.
    pub is_summary_feedback_done: Option<bool>,
    /// Whether the video feedback was positive.
    pub is_video_feedback_positive: Option<bool>,
    /// Whether the MPI was dispatched.
    pub is_mpi_dispatched: Option<bool>,
    /// Whether the waiter status was changed by hand.
    pub is_waiter_status_changed_manually: Option<bool>,
    /// Whether captions were requested.
    pub captions_requested: Option<bool>,
    /// The linked pre-diagnosis.
    pub linked_pre_diag_uuid: Option<String>,
    /// Nissan life-cycle status.
    pub nissan_life_cycle_status: Option<String>,
}
