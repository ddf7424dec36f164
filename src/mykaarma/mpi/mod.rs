//! The MPI (multipoint inspection) event (kind `mpis`): fired whenever an MPI is created or
//! updated. The payload mirrors the MPI object of the myKaarma MPI API.
//!
//! myKaarma is moving the payload to a schema that omits null fields and adds
//! `isVideoFeedbackPositive`, `isMpiDeleted`, `mpiKpi` and `linePunchDataList`: every field
//! here is an `Option`, and a missing key decodes like `null`.
//!
//! Times come in several formats in one payload, each with its own type:
//! [`EpochOrLocal`] for `createdOn`/`updatedOn`/`statusUpdatedOn` (epoch milliseconds now,
//! ISO text without a zone in older payloads), epoch seconds with a fraction in
//! [`MpiKpi`], epoch milliseconds for punches and DMS status times, and dates and times of day
//! for the order. Money is exact: totals and every `{amount, unit}` value are `Decimal`.
//!
//! ```
//! use aftersales_webhooks::mykaarma::{Envelope, Payload};
//!
//! let body = std::fs::read("fixtures/mykaarma/mpi.wire.json").unwrap();
//! let envelope: Envelope = aftersales_webhooks::from_slice(&body)?;
//! let Payload::Mpi(event) = envelope.payload() else { unreachable!() };
//! assert!(event.checks().count() > 0);
//! assert_eq!(event.approved_total.map(|total| total.to_string()).as_deref(), Some("0"));
//! # Ok::<(), aftersales_webhooks::Error>(())
//! ```

mod media;
mod people;
mod pricing;
mod sections;
mod status;
mod workflow;

use rust_decimal::Decimal;
use serde::Serialize;
use serde_with::{serde_as, skip_serializing_none};

pub use media::{Attachment, AttachmentType, AttachmentTypeKind, IntegrationData, Translation};
pub use people::{
    CustomerIdentifiers, DealerAssociate, DealerIdentifiers, OrderDetails, OrderIdentifiers,
    VehicleIdentifiers,
};
pub use pricing::{
    Money, MoneyUnit, MoneyUnitKind, ShopFeesAndTaxSettings, SurchargeRules, TotalPrices,
};
pub use sections::{
    ApprovalState, ApprovalStateKind, Check, CheckField, FieldOptionsMapping, InspectionState,
    MpiSection, Recommendation, ServiceLineDetails,
};
pub use status::{MpiCounts, MpiFlags, MpiSecondaryFlags};
pub use workflow::{LinePunchData, MpiKpi, ReportingStatusData, WorkflowDetails, WorkflowEvent};

use crate::kind::model;
use crate::wire::{EpochOrLocal, ExactDecimal, LenientNumber, RawJson, open_enum};

open_enum! {
    /// The kind of inspection (wire `type`, and `mode` in [`MpiFlags`]).
    pub struct MpiType => MpiTypeKind {
        /// A full multipoint inspection: `FULL_MPI`.
        FullMpi = ["FULL_MPI"],
    }
}

model! {
    /// The payload of an MPI event: one multipoint inspection.
    #[serde_as]
    #[skip_serializing_none]
    #[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
    #[serde(rename_all = "camelCase")]
    #[non_exhaustive]
    pub struct Mpi {
        /// myKaarma's identifier of the MPI.
        pub uuid: Option<String>,
        /// The kind of inspection, such as `FULL_MPI` (wire `type`).
        #[serde(rename = "type")]
        pub kind: Option<MpiType>,
        /// The inspection type's identifier.
        pub inspection_type_uuid: Option<String>,
        /// Status, as the dealer configured it: free text such as `Working - MPI & Diag.`.
        pub status: Option<String>,
        /// When the status last changed: epoch milliseconds, or local ISO text in older payloads.
        pub status_updated_on: Option<EpochOrLocal>,
        /// When the MPI was created, as `status_updated_on`.
        pub created_on: Option<EpochOrLocal>,
        /// When the MPI was last updated, as `status_updated_on`.
        pub updated_on: Option<EpochOrLocal>,
        /// The dealer department (wire `dealerDepartmentUUID`).
        #[serde(rename = "dealerDepartmentUUID")]
        pub dealer_department_uuid: Option<String>,
        /// Version of the MPI.
        #[serde_as(as = "Option<LenientNumber>")]
        pub version: Option<i64>,
        /// Whether a message is unread.
        pub unread_message: Option<bool>,
        /// Whether the MPI was migrated.
        pub is_migrated: Option<bool>,
        /// Whether the MPI is assigned to parts.
        pub is_assigned_to_parts: Option<bool>,
        /// Whether the automatic push was processed.
        pub auto_push_processed: Option<bool>,
        /// The field options' identifier.
        pub field_options_uuid: Option<String>,
        /// Labels (only ever shown empty; kept as raw JSON).
        pub labels: Option<Vec<RawJson>>,
        /// OCR entries (only ever shown empty; kept as raw JSON).
        pub ocr_list: Option<Vec<RawJson>>,
        /// Statuses with a customer-link template (only ever shown empty; kept as raw JSON).
        pub status_with_customer_link_template: Option<Vec<RawJson>>,
        /// Parts statuses (only ever shown empty; kept as raw JSON).
        pub parts_status_list: Option<Vec<RawJson>>,
        /// Work statuses (only ever shown empty; kept as raw JSON).
        pub work_status_list: Option<Vec<RawJson>>,
        /// Partners that populated the MPI (only ever shown empty; kept as raw JSON).
        pub populated_by_partners: Option<Vec<RawJson>>,
        /// Surcharge rules.
        pub surcharge_rules: Option<SurchargeRules>,
        /// Recommendations in the customer's cart.
        pub recommendation_uuids_in_cart: Option<Vec<String>>,
        /// Time spent in each status (only ever shown as `{}`; kept as raw JSON).
        pub time_spent_in_status: Option<RawJson>,
        /// Work statuses allowed per recommendation (only ever shown as `{}`; kept as raw JSON).
        pub allowed_recommendation_work_statuses: Option<RawJson>,
        /// Approved total, exact.
        #[serde_as(as = "Option<ExactDecimal>")]
        pub approved_total: Option<Decimal>,
        /// Recommended total, exact.
        #[serde_as(as = "Option<ExactDecimal>")]
        pub recommended_total: Option<Decimal>,
        /// The vehicle.
        pub vehicle_identifiers: Option<VehicleIdentifiers>,
        /// The repair order.
        pub order_identifiers: Option<OrderIdentifiers>,
        /// When the order was promised.
        pub order_details: Option<OrderDetails>,
        /// The service advisor.
        pub dealer_associate_identifiers: Option<DealerAssociate>,
        /// The technicians.
        pub technician_identifiers: Option<Vec<DealerAssociate>>,
        /// Who the MPI is assigned to.
        pub assignees: Option<Vec<DealerAssociate>>,
        /// The parts representative.
        pub parts_representative_identifiers: Option<DealerAssociate>,
        /// The customer.
        pub customer_identifiers: Option<CustomerIdentifiers>,
        /// The dealer.
        pub dealer_identifiers: Option<DealerIdentifiers>,
        /// Main flags.
        pub mpi_flags: Option<MpiFlags>,
        /// Counts.
        pub mpi_counts: Option<MpiCounts>,
        /// Secondary flags.
        pub mpi_secondary_flags: Option<MpiSecondaryFlags>,
        /// Totals.
        pub total_prices: Option<TotalPrices>,
        /// Workflow.
        pub workflow_details: Option<WorkflowDetails>,
        /// Photos and videos.
        pub attachments: Option<Vec<Attachment>>,
        /// Shop-fee and tax settings.
        pub shop_fees_and_tax_settings: Option<ShopFeesAndTaxSettings>,
        /// Data for integrations.
        pub integration_data: Option<IntegrationData>,
        /// Field types and their options.
        pub field_options_mapping: Option<Vec<FieldOptionsMapping>>,
        /// The inspection's sections, checks and recommendations.
        pub mpi_sections: Option<Vec<MpiSection>>,
        /// Whether the video feedback was positive (new schema).
        pub is_video_feedback_positive: Option<bool>,
        /// Whether the MPI was deleted (new schema).
        pub is_mpi_deleted: Option<bool>,
        /// Time spent per reporting status.
        pub reporting_status_data_list: Option<Vec<ReportingStatusData>>,
        /// Key performance times and counts (new schema).
        pub mpi_kpi: Option<MpiKpi>,
        /// Technicians' punches (new schema).
        pub line_punch_data_list: Option<Vec<LinePunchData>>,
    }
}

impl Mpi {
    /// Every check of every section, in order.
    pub fn checks(&self) -> impl Iterator<Item = &Check> {
        self.mpi_sections
            .iter()
            .flatten()
            .flat_map(|section| section.checks.iter().flatten())
    }

    /// Every recommendation on every check, in order.
    pub fn recommendations(&self) -> impl Iterator<Item = &Recommendation> {
        self.checks()
            .flat_map(|check| check.recommendations.iter().flatten())
    }
}

impl super::payload::Subject for Mpi {
    /// The MPI's `uuid`.
    fn subject(&self) -> Option<&str> {
        self.uuid.as_deref()
    }
}
