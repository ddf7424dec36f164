//! The inspection itself: sections, checks, their fields and recommendations.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_with::{serde_as, skip_serializing_none};

use super::people::DealerAssociate;
use super::pricing::Money;
use crate::wire::{EpochOrLocal, ExactDecimal, LenientNumber, Numeric, RawJson, open_enum};

/// Field types and their options (an entry of wire `fieldOptionsMapping`).
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct FieldOptionsMapping {
    /// Field type, such as `check-box`.
    pub field_type: Option<String>,
    /// The options (only ever shown empty; kept as raw JSON).
    pub options: Option<Vec<RawJson>>,
}

/// A section of the inspection (an entry of wire `mpiSections`).
#[serde_as]
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct MpiSection {
    /// Identifier of the section.
    pub uuid: Option<String>,
    /// Name, such as `Vehicle Inspection`.
    pub name: Option<String>,
    /// Description.
    pub description: Option<String>,
    /// Section type (wire `type`).
    #[serde(rename = "type")]
    pub kind: Option<String>,
    /// Whether the section is valid.
    pub is_valid: Option<bool>,
    /// Position of the section.
    #[serde_as(as = "Option<LenientNumber>")]
    pub sort_order: Option<i64>,
    /// Version of the section.
    #[serde_as(as = "Option<LenientNumber>")]
    pub version: Option<i64>,
    /// The checks in the section.
    pub checks: Option<Vec<Check>>,
}

/// One check of the inspection, with its pricing and recommendations.
#[serde_as]
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Check {
    /// Identifier of the check.
    pub uuid: Option<String>,
    /// Name, such as `Check Factory Maintenance Schedule`.
    pub name: Option<String>,
    /// Description.
    pub description: Option<String>,
    /// Check type (wire `type`).
    #[serde(rename = "type")]
    pub kind: Option<String>,
    /// Labour operation code.
    pub labor_op_code: Option<String>,
    /// Labour type as the dealer names it, such as `Customer Pay`.
    pub labor_type: Option<String>,
    /// Labour type as the customer sees it.
    pub labor_type_customer_text: Option<String>,
    /// Labour type in the DMS.
    pub dms_labor_type: Option<String>,
    /// Notes.
    pub notes: Option<String>,
    /// Condition code.
    pub condition_code: Option<String>,
    /// Whether the check must be filled in.
    pub is_required: Option<bool>,
    /// Whether the check needs an estimate.
    pub is_estimate_required: Option<bool>,
    /// Whether the check is a safety question.
    pub is_safety_question: Option<bool>,
    /// Whether the check is valid.
    pub is_valid: Option<bool>,
    /// Whether the check was added for this MPI.
    pub is_custom: Option<bool>,
    /// Position of the check.
    #[serde_as(as = "Option<LenientNumber>")]
    pub sort_order: Option<i64>,
    /// Version of the check.
    #[serde_as(as = "Option<LenientNumber>")]
    pub version: Option<i64>,
    /// The partner that populated the check.
    pub populated_by_partner: Option<String>,
    /// When the check was created: epoch milliseconds, or local ISO text in older payloads.
    pub created_on: Option<EpochOrLocal>,
    /// When the check was last updated, as `created_on`.
    pub updated_on: Option<EpochOrLocal>,
    /// Shop notes (only ever shown empty; kept as raw JSON).
    pub shop_notes: Option<Vec<RawJson>>,
    /// Who last updated the check.
    pub last_updated_by: Option<DealerAssociate>,
    /// Labour cost as first recommended.
    pub original_labor_cost: Option<Money>,
    /// Parts cost as first recommended.
    pub original_parts_cost: Option<Money>,
    /// Tax as first recommended.
    pub original_tax: Option<Money>,
    /// Shop fees as first recommended.
    pub original_shop_fees: Option<Money>,
    /// Total as first recommended.
    pub original_total: Option<Money>,
    /// Total approved.
    pub total_approved: Option<Money>,
    /// Initial labour cost.
    pub initial_labor_cost: Option<Money>,
    /// Initial parts cost.
    pub initial_parts_cost: Option<Money>,
    /// The check's fields.
    pub field_list: Option<Vec<CheckField>>,
    /// Whether the check may be skipped.
    pub inspection_state: Option<InspectionState>,
    /// The service line the check is linked to.
    pub service_line_details: Option<ServiceLineDetails>,
    /// The recommendations made on the check.
    pub recommendations: Option<Vec<Recommendation>>,
}

/// A field of a check (an entry of wire `fieldList`).
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CheckField {
    /// Field type, such as `check-box` (wire `type`).
    #[serde(rename = "type")]
    pub kind: Option<String>,
    /// Label, such as `Verified`.
    pub description: Option<String>,
    /// Position of the field; the docs send it as a string (`"1"`), kept in the form it came.
    pub sort_order: Option<Numeric<i64>>,
    /// The value entered; its JSON type depends on the field type, so it is kept as raw JSON.
    pub value: Option<RawJson>,
    /// State of the field, such as a colour.
    pub state: Option<String>,
    /// Unit of the value.
    pub unit: Option<String>,
}

/// Whether a check may be skipped (wire `inspectionState`).
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct InspectionState {
    /// Whether the check may be skipped.
    pub is_eligible_to_skip: Option<bool>,
    /// Whether the check was skipped.
    pub is_skipped: Option<bool>,
}

/// The repair-order line a check is linked to (wire `serviceLineDetails`).
#[serde_as]
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ServiceLineDetails {
    /// Job number, such as `A`.
    pub job_number: Option<String>,
    /// Job number as first given.
    pub original_job_number: Option<String>,
    /// Job identifier.
    pub job_identifier: Option<String>,
    /// Operation code, such as `30KSVC`.
    pub op_code: Option<String>,
    /// What the operation is.
    pub op_code_description: Option<String>,
    /// Whether the vehicle came back for the same problem.
    pub comeback_flag: Option<bool>,
    /// Dispatch code.
    pub dispatch_code: Option<String>,
    /// Estimated duration, exact.
    #[serde_as(as = "Option<ExactDecimal>")]
    pub estimated_duration: Option<Decimal>,
    /// Status of the push to the DMS.
    pub push_status: Option<String>,
    /// When the push status changed: epoch milliseconds or local ISO text.
    pub push_status_update_ts: Option<EpochOrLocal>,
    /// Why the push failed.
    pub error_description: Option<String>,
    /// The DMS's whole error message.
    pub complete_error_message_from_dms: Option<String>,
    /// How often the push was retried.
    #[serde_as(as = "Option<LenientNumber>")]
    pub retry_attempts: Option<i64>,
    /// Operation code from the MPI template.
    pub op_code_from_mpi_template: Option<String>,
    /// Whether pricing was fetched from the operation code once.
    pub is_pricing_fetched_from_opcode_once: Option<bool>,
}

open_enum! {
    /// The customer's decision on a recommendation (wire `approvalState`).
    pub struct ApprovalState => ApprovalStateKind {
        /// Approved: `APPROVED`.
        Approved = ["APPROVED"],
        /// Declined: `DECLINED`.
        Declined = ["DECLINED"],
        /// No decision: `NONE`.
        NoDecision = ["NONE"],
        /// The customer asked for more information: `MORE INFO REQUESTED`.
        MoreInfoRequested = ["MORE INFO REQUESTED"],
    }
}

/// Work recommended on a check, with its pricing.
#[serde_as]
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Recommendation {
    /// Identifier of the recommendation.
    pub uuid: Option<String>,
    /// What is recommended.
    pub description: Option<String>,
    /// The customer's decision.
    pub approval_state: Option<ApprovalState>,
    /// Why the customer decided so.
    pub approval_reason: Option<String>,
    /// Status, such as `incomplete`.
    pub status: Option<String>,
    /// Work status.
    pub work_status: Option<String>,
    /// Whether the recommendation is valid.
    pub is_valid: Option<bool>,
    /// Whether the customer requested it.
    pub is_requested: Option<bool>,
    /// Whether it was written for this MPI.
    pub is_custom: Option<bool>,
    /// Labour hours, exact.
    #[serde_as(as = "Option<ExactDecimal>")]
    pub labor_hours: Option<Decimal>,
    /// Note.
    pub note: Option<String>,
    /// Operation codes of the work.
    pub op_codes: Option<Vec<String>>,
    /// Amount.
    pub amount: Option<Money>,
    /// Labour price.
    pub labor_pricing: Option<Money>,
    /// Parts price.
    pub parts_pricing: Option<Money>,
    /// Shop fees.
    pub shop_fees: Option<Money>,
    /// Tax.
    pub tax: Option<Money>,
    /// Discount.
    pub discount: Option<Money>,
    /// Whether a zero estimate is shown to the customer.
    pub show_zero_estimate_to_customer: Option<bool>,
    /// Parts (only ever shown empty; kept as raw JSON).
    pub parts: Option<Vec<RawJson>>,
    /// Parts information.
    pub parts_info: Option<String>,
    /// Whether parts are needed.
    pub is_parts_needed: Option<bool>,
    /// Hover text about parts sales.
    pub parts_sales_hover: Option<String>,
    /// Who last updated the recommendation.
    pub last_updated_by: Option<DealerAssociate>,
}
