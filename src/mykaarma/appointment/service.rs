//! The services booked in an appointment.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_with::{serde_as, skip_serializing_none};

use crate::mykaarma::PayType;
use crate::wire::{ExactDecimal, LenientNumber, Numeric, open_enum};

open_enum! {
    /// What kind of line a service is (wire `operationType`).
    pub struct OperationType => OperationTypeKind {
        /// A labour operation code: `OPCODE`.
        Opcode = ["OPCODE"],
        /// A service menu: `SERVICEMENU`.
        ServiceMenu = ["SERVICEMENU"],
    }
}

/// A service booked in an appointment (an entry of wire `serviceList`).
#[serde_as]
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ServiceLine {
    /// Identifier of the line.
    pub uuid: Option<String>,
    /// Operation code, such as `Oil Change`.
    pub op_code: Option<String>,
    /// Labour operation code, such as `OIL`.
    pub labor_op_code: Option<String>,
    /// What the service is.
    pub description: Option<String>,
    /// Whether the line is an opcode or a service menu.
    pub operation_type: Option<OperationType>,
    /// Who pays.
    pub pay_type: Option<PayType>,
    /// Labour total, exact (`10`).
    #[serde_as(as = "Option<ExactDecimal>")]
    pub labor_total: Option<Decimal>,
    /// Parts total, exact.
    #[serde_as(as = "Option<ExactDecimal>")]
    pub parts_total: Option<Decimal>,
    /// Shop fees, exact.
    #[serde_as(as = "Option<ExactDecimal>")]
    pub shop_fees: Option<Decimal>,
    /// Taxes, exact.
    #[serde_as(as = "Option<ExactDecimal>")]
    pub taxes: Option<Decimal>,
    /// Price, exact with its scale (`20.00`).
    #[serde_as(as = "Option<ExactDecimal>")]
    pub price: Option<Decimal>,
    /// Expected duration in minutes; the docs send both `"60"` and `720`, and the form that
    /// came is written back.
    pub duration_in_mins: Option<Numeric<u32>>,
    /// Position of the line in the list.
    #[serde_as(as = "Option<LenientNumber>")]
    pub sort_order: Option<i32>,
    /// Whether the line is valid.
    pub is_valid: Option<bool>,
    /// Whether the line is a concern the customer described rather than a listed service.
    pub is_custom_concern: Option<bool>,
    /// Whether the dealer added the line.
    pub is_dealer_added_line: Option<bool>,
    /// Identifier of the recall the line is for (wire `recallID`).
    #[serde(rename = "recallID")]
    pub recall_id: Option<String>,
    /// The menu the line belongs to.
    pub menu_uuid: Option<String>,
    /// The line this one belongs to, for an opcode inside a menu.
    pub parent_opcode_uuid: Option<String>,
}
