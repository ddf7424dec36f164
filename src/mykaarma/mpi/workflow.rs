//! How an MPI moves: its workflow, the time spent per status, KPIs and technicians' punches.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_with::{serde_as, skip_serializing_none};

use crate::wire::{EpochMillis, EpochSeconds, LenientNumber, RawJson};

/// The MPI's workflow (wire `workflowDetails`).
#[serde_as]
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct WorkflowDetails {
    /// The workflow.
    pub workflow_uuid: Option<String>,
    /// The node the MPI is at.
    pub current_node_uuid: Option<String>,
    /// Version of the workflow.
    #[serde_as(as = "Option<LenientNumber>")]
    pub version: Option<i64>,
    /// Events still to happen.
    pub pending_events: Option<Vec<WorkflowEvent>>,
    /// Events that happened.
    pub executed_events: Option<Vec<WorkflowEvent>>,
}

/// A workflow event (an entry of wire `pendingEvents` or `executedEvents`).
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct WorkflowEvent {
    /// The event, such as `DISPATCH` or `SEND_TO_CUSTOMER`.
    pub event_name: Option<String>,
    /// The check the event is about, if any.
    pub check_uuid: Option<String>,
    /// The dealer associates the event affects.
    pub affected_dealer_associate_uuids: Option<Vec<String>>,
}

/// Time spent in a reporting status (an entry of wire `reportingStatusDataList`).
#[serde_as]
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ReportingStatusData {
    /// Identifier of the entry.
    pub uuid: Option<String>,
    /// The status, such as `Unassigned`.
    pub status: Option<String>,
    /// Who the MPI was assigned to.
    pub assignee_name: Option<String>,
    /// Time spent in the status, in milliseconds.
    #[serde_as(as = "Option<LenientNumber>")]
    pub time_spent_in_status: Option<i64>,
    /// The change-log entry (wire `changelogUUID`).
    #[serde(rename = "changelogUUID")]
    pub changelog_uuid: Option<String>,
}

/// Key performance times and counts of the MPI (wire `mpiKpi`). Its times are seconds since
/// the epoch with a fraction (`1778659067.694`), read exactly.
#[serde_as]
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct MpiKpi {
    /// Identifier of the KPI record.
    pub uuid: Option<String>,
    /// The MPI.
    pub mpi_uuid: Option<String>,
    /// The dealer.
    pub dealer_uuid: Option<String>,
    /// The dealer department.
    pub dealer_department_uuid: Option<String>,
    /// When the record was created.
    #[serde_as(as = "Option<EpochSeconds>")]
    pub created_on: Option<DateTime<Utc>>,
    /// When the record was last updated.
    #[serde_as(as = "Option<EpochSeconds>")]
    pub updated_on: Option<DateTime<Utc>>,
    /// When "mark as complete" was clicked.
    #[serde_as(as = "Option<EpochSeconds>")]
    pub mark_as_complete_btn_clicked_time: Option<DateTime<Utc>>,
    /// When the first video was attached.
    #[serde_as(as = "Option<EpochSeconds>")]
    pub first_video_attached_time: Option<DateTime<Utc>>,
    /// When the repair order was created (wire `rocreatedTime`).
    #[serde(rename = "rocreatedTime")]
    #[serde_as(as = "Option<EpochSeconds>")]
    pub ro_created_time: Option<DateTime<Utc>>,
    /// When the repair order was dispatched (wire `RODispatchTime`).
    #[serde(rename = "RODispatchTime")]
    #[serde_as(as = "Option<EpochSeconds>")]
    pub ro_dispatch_time: Option<DateTime<Utc>>,
    /// When the first recommendation was made.
    #[serde_as(as = "Option<EpochSeconds>")]
    pub first_recomm_made_time: Option<DateTime<Utc>>,
    /// When the video-only MPI was sent.
    #[serde_as(as = "Option<EpochSeconds>")]
    pub video_only_sent_time: Option<DateTime<Utc>>,
    /// When the full MPI was sent.
    #[serde_as(as = "Option<EpochSeconds>")]
    pub full_mpi_sent_time: Option<DateTime<Utc>>,
    /// When the customer first approved.
    #[serde_as(as = "Option<EpochSeconds>")]
    pub first_customer_approval_time: Option<DateTime<Utc>>,
    /// When the customer first declined.
    #[serde_as(as = "Option<EpochSeconds>")]
    pub first_customer_decline_time: Option<DateTime<Utc>>,
    /// When the customer first acted.
    #[serde_as(as = "Option<EpochSeconds>")]
    pub first_customer_action_time: Option<DateTime<Utc>>,
    /// When the customer last acted.
    #[serde_as(as = "Option<EpochSeconds>")]
    pub last_customer_action_time: Option<DateTime<Utc>>,
    /// When the "unassigned" tag fired.
    #[serde_as(as = "Option<EpochSeconds>")]
    pub unassigned_tag_fire_time: Option<DateTime<Utc>>,
    /// When the "dispatched" tag fired.
    #[serde_as(as = "Option<EpochSeconds>")]
    pub dispatched_tag_fire_time: Option<DateTime<Utc>>,
    /// When the technician started the inspection.
    #[serde_as(as = "Option<EpochSeconds>")]
    pub tech_inspection_start_time: Option<DateTime<Utc>>,
    /// When the inspection was completed.
    #[serde_as(as = "Option<EpochSeconds>")]
    pub inspection_complete_time: Option<DateTime<Utc>>,
    /// When inspection and estimates were reviewed.
    #[serde_as(as = "Option<EpochSeconds>")]
    pub review_inspection_and_estimates_time: Option<DateTime<Utc>>,
    /// When the "customer approval" tag fired.
    #[serde_as(as = "Option<EpochSeconds>")]
    pub customer_approval_tag_fire_time: Option<DateTime<Utc>>,
    /// When the "parts ready" tag fired.
    #[serde_as(as = "Option<EpochSeconds>")]
    pub parts_ready_tag_fire_time: Option<DateTime<Utc>>,
    /// When the service was performed.
    #[serde_as(as = "Option<EpochSeconds>")]
    pub service_perform_time: Option<DateTime<Utc>>,
    /// When the quality check was done.
    #[serde_as(as = "Option<EpochSeconds>")]
    pub quality_check_time: Option<DateTime<Utc>>,
    /// When the vehicle was picked up.
    #[serde_as(as = "Option<EpochSeconds>")]
    pub vehicle_pickup_time: Option<DateTime<Utc>>,
    /// When the required questions were filled in.
    #[serde_as(as = "Option<EpochSeconds>")]
    pub required_questions_filled_time: Option<DateTime<Utc>>,
    /// When videos were viewed (entries only ever shown empty; kept as raw JSON).
    pub video_viewed_time_stamp: Option<Vec<RawJson>>,
    /// Incomplete or not-needed recommendations sent with the inspection.
    #[serde_as(as = "Option<LenientNumber>")]
    pub incomplete_or_not_needed_recs_sent_with_inspection: Option<i64>,
    /// Recommendations sent with the inspection.
    #[serde_as(as = "Option<LenientNumber>")]
    pub recs_sent_with_inspection: Option<i64>,
    /// Clicks on "request estimate".
    #[serde_as(as = "Option<LenientNumber>")]
    pub request_estimate_click_count: Option<i64>,
    /// Requested estimates completed.
    #[serde_as(as = "Option<LenientNumber>")]
    pub requested_estimate_completed_count: Option<i64>,
    /// Video upload time, in seconds.
    #[serde_as(as = "Option<LenientNumber>")]
    pub video_upload_time_in_sec: Option<i64>,
    /// Time from sending to the first video view, in seconds.
    #[serde_as(as = "Option<LenientNumber>")]
    pub time_to_video_viewed_from_send_in_sec: Option<i64>,
}

/// A technician's punch on a check (an entry of wire `linePunchDataList`).
#[serde_as]
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct LinePunchData {
    /// Identifier of the punch.
    pub uuid: Option<String>,
    /// The MPI.
    pub mpi_uuid: Option<String>,
    /// The order.
    pub order_uuid: Option<String>,
    /// The order number.
    pub order_number: Option<String>,
    /// The check punched on.
    pub check_uuid: Option<String>,
    /// The check's name.
    pub check_name: Option<String>,
    /// The technician.
    pub dealer_associate_uuid: Option<String>,
    /// The dealer.
    pub dealer_uuid: Option<String>,
    /// The dealer department.
    pub dealer_department_uuid: Option<String>,
    /// When the technician punched in (epoch milliseconds).
    #[serde_as(as = "Option<EpochMillis>")]
    pub punch_in_time: Option<DateTime<Utc>>,
    /// When the technician punched out (epoch milliseconds).
    #[serde_as(as = "Option<EpochMillis>")]
    pub punch_out_time: Option<DateTime<Utc>>,
    /// Time punched, in milliseconds.
    #[serde_as(as = "Option<LenientNumber>")]
    pub elapsed_time: Option<i64>,
}
