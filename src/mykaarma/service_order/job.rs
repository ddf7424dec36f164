//! The jobs (lines of work) of a repair order.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_with::{serde_as, skip_serializing_none};

use crate::mykaarma::PayType;
use crate::wire::{BlankOr, Blankable, DecimalString, NumericString, OneZero, RawJson, YesNo};

/// A job of a repair order: one line of work, with its technicians' hours.
#[serde_as]
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Job {
    /// Job identifier, such as `A-1`.
    pub job_identifier: Option<String>,
    /// Job letter, such as `A`.
    pub job_number_string: Option<String>,
    /// Labour-operation sequence number; a string on the wire (`"1"`).
    #[serde_as(as = "Option<BlankOr<NumericString>>")]
    pub lop_seq_number: Option<Blankable<u32>>,
    /// Labour operation code.
    pub labor_op_code: Option<String>,
    /// What the labour operation is.
    pub labor_op_code_desc: Option<String>,
    /// Who pays, such as `C`.
    pub labor_type: Option<PayType>,
    /// Who pays, as the DMS says.
    pub dms_labor_type: Option<PayType>,
    /// Service type.
    pub service_type: Option<String>,
    /// Job total, exact (`"33"`).
    #[serde_as(as = "Option<BlankOr<DecimalString>>")]
    pub job_total: Option<Blankable<Decimal>>,
    /// Labour sale.
    #[serde_as(as = "Option<BlankOr<DecimalString>>")]
    pub labor_sale: Option<Blankable<Decimal>>,
    /// Labour hours sold.
    #[serde_as(as = "Option<BlankOr<DecimalString>>")]
    pub sold_hours: Option<Blankable<Decimal>>,
    /// Labour hours worked.
    #[serde_as(as = "Option<BlankOr<DecimalString>>")]
    pub actual_hours: Option<Blankable<Decimal>>,
    /// Parts sale.
    #[serde_as(as = "Option<BlankOr<DecimalString>>")]
    pub parts_sale: Option<Blankable<Decimal>>,
    /// Miscellaneous sale.
    #[serde_as(as = "Option<BlankOr<DecimalString>>")]
    pub misc_sale: Option<Blankable<Decimal>>,
    /// Shop charge.
    #[serde_as(as = "Option<BlankOr<DecimalString>>")]
    pub shop_charge: Option<Blankable<Decimal>>,
    /// Booker number.
    pub booker_no: Option<String>,
    /// Dispatch status of the line, such as `C93`.
    pub dispatch_line_status: Option<String>,
    /// Technician numbers.
    pub tech_nos: Option<String>,
    /// Campaign (recall) code.
    pub campaign_code: Option<String>,
    /// Parts (only ever `null` in the docs; kept as raw JSON).
    pub parts: Option<Vec<RawJson>>,
    /// Gas, oil and grease lines (wire `gog`).
    pub gog: Option<Vec<GogLine>>,
    /// Technicians' hours.
    pub tech_hours: Option<Vec<TechHours>>,
    /// Comments.
    pub comments: Option<String>,
    /// Complaint, cause and correction.
    pub ccc: Option<Ccc>,
    /// Estimates.
    pub estimates: Option<JobEstimates>,
    /// Dispatch code, such as `CS10`.
    pub dispatch_code: Option<String>,
    /// Complaint code.
    pub complaint_code: Option<String>,
    /// Whether the job was added on: `"Y"` or `"N"`.
    #[serde_as(as = "Option<BlankOr<YesNo>>")]
    pub add_on_line: Option<Blankable<bool>>,
    /// Whether the job has parts: `"1"` or `"0"`.
    #[serde_as(as = "Option<BlankOr<OneZero>>")]
    pub parts_flag: Option<Blankable<bool>>,
    /// Estimated duration for dispatch, in hours, exact (`"0.5"`).
    #[serde_as(as = "Option<BlankOr<DecimalString>>")]
    pub dispatch_estimated_duration: Option<Blankable<Decimal>>,
    /// Whether the vehicle came back for the same problem: `"1"` or `"0"`.
    #[serde_as(as = "Option<BlankOr<OneZero>>")]
    pub come_back_flag: Option<Blankable<bool>>,
}

/// A gas, oil or grease line of a job (an entry of wire `gog`).
#[serde_as]
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct GogLine {
    /// Item type.
    pub item_type: Option<String>,
    /// What the item is.
    pub item_description: Option<String>,
    /// The job the line belongs to.
    pub job_number: Option<String>,
    /// Quantity, exact.
    #[serde_as(as = "Option<BlankOr<DecimalString>>")]
    pub quantity: Option<Blankable<Decimal>>,
    /// Sale total.
    #[serde_as(as = "Option<BlankOr<DecimalString>>")]
    pub sale_total: Option<Blankable<Decimal>>,
    /// Sale price per unit.
    #[serde_as(as = "Option<BlankOr<DecimalString>>")]
    pub sale_price: Option<Blankable<Decimal>>,
    /// Who pays.
    pub labor_type: Option<PayType>,
}

/// A technician's hours on a job (an entry of wire `techHours`).
#[serde_as]
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct TechHours {
    /// Technician number.
    pub tech_no: Option<String>,
    /// Part sequence number.
    pub part_seq_no: Option<String>,
    /// Labour cost.
    #[serde_as(as = "Option<BlankOr<DecimalString>>")]
    pub labor_cost: Option<Blankable<Decimal>>,
    /// Labour sale.
    #[serde_as(as = "Option<BlankOr<DecimalString>>")]
    pub labor_sale: Option<Blankable<Decimal>>,
    /// Hours sold.
    #[serde_as(as = "Option<BlankOr<DecimalString>>")]
    pub sold_hours: Option<Blankable<Decimal>>,
    /// Other hours.
    #[serde_as(as = "Option<BlankOr<DecimalString>>")]
    pub other_hours: Option<Blankable<Decimal>>,
    /// Hours worked.
    #[serde_as(as = "Option<BlankOr<DecimalString>>")]
    pub actual_hours: Option<Blankable<Decimal>>,
    /// Hours on the technician's time card.
    #[serde_as(as = "Option<BlankOr<DecimalString>>")]
    pub time_card_hours: Option<Blankable<Decimal>>,
    /// MCD labour percentage.
    #[serde_as(as = "Option<BlankOr<DecimalString>>")]
    pub mcd_labor_percentage: Option<Blankable<Decimal>>,
    /// Who pays.
    pub labor_type: Option<PayType>,
    /// Line code, such as `A`.
    pub line_code: Option<String>,
}

/// Complaint, cause and correction of a job (wire `ccc`).
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Ccc {
    /// What the customer reported.
    pub complaint: Option<String>,
    /// Complaint code.
    pub complaint_code: Option<String>,
    /// What caused it.
    pub cause: Option<String>,
    /// What was done.
    pub correction: Option<String>,
}

/// Estimates of a job (wire `estimates`); only ever `null` in the docs, read as exact amounts
/// in the order's string form.
#[serde_as]
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct JobEstimates {
    /// Labour estimate.
    #[serde_as(as = "Option<BlankOr<DecimalString>>")]
    pub labor_estimate: Option<Blankable<Decimal>>,
    /// Parts estimate.
    #[serde_as(as = "Option<BlankOr<DecimalString>>")]
    pub parts_estimate: Option<Blankable<Decimal>>,
    /// Service estimate.
    #[serde_as(as = "Option<BlankOr<DecimalString>>")]
    pub service_estimate: Option<Blankable<Decimal>>,
    /// Tax estimate.
    #[serde_as(as = "Option<BlankOr<DecimalString>>")]
    pub tax_estimate: Option<Blankable<Decimal>>,
    /// Lube estimate.
    #[serde_as(as = "Option<BlankOr<DecimalString>>")]
    pub lube_estimate: Option<Blankable<Decimal>>,
    /// Miscellaneous estimate.
    #[serde_as(as = "Option<BlankOr<DecimalString>>")]
    pub misc_estimate: Option<Blankable<Decimal>>,
    /// Sublet estimate.
    #[serde_as(as = "Option<BlankOr<DecimalString>>")]
    pub sublet_estimate: Option<Blankable<Decimal>>,
}
