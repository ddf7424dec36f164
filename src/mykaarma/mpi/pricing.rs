//! Money in an MPI: `{amount, unit}` values, totals, shop fees and taxes.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_with::{serde_as, skip_serializing_none};

use crate::wire::{ExactDecimal, open_enum};

open_enum! {
    /// The unit of a [`Money`] amount (wire `unit`).
    pub struct MoneyUnit => MoneyUnitKind {
        /// US or Canadian dollars: `dollar`.
        Dollar = ["dollar"],
    }
}

/// An amount of money with its unit (wire `{"amount": 49.99, "unit": "dollar"}`); the amount
/// is exact, with its scale.
#[serde_as]
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct Money {
    /// The amount, exact.
    #[serde_as(as = "Option<ExactDecimal>")]
    pub amount: Option<Decimal>,
    /// The unit, such as `dollar`.
    pub unit: Option<MoneyUnit>,
}

/// The MPI's totals (wire `totalPrices`).
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct TotalPrices {
    /// Total of everything recommended.
    pub original_total: Option<Money>,
    /// Total the customer approved.
    pub approved_total: Option<Money>,
    /// Approved total of the recommendations as first made.
    pub approved_original_recommended_total: Option<Money>,
    /// Approved total of other recommendations.
    pub approved_other_recommended_total: Option<Money>,
    /// Total tax.
    pub total_tax: Option<Money>,
    /// Shop fees.
    pub shop_fees: Option<Money>,
    /// Total cost to the customer.
    pub total_cost: Option<Money>,
}

/// The dealer's shop-fee and tax settings (wire `shopFeesAndTaxSettings`); percentages are
/// exact (`8.25` is 8.25 %).
#[serde_as]
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ShopFeesAndTaxSettings {
    /// What the dealer calls shop fees.
    pub shopfees_alias: Option<String>,
    /// Shop fees on parts, in percent.
    #[serde_as(as = "Option<ExactDecimal>")]
    pub shop_fees_parts_percentage: Option<Decimal>,
    /// Shop fees on labour, in percent.
    #[serde_as(as = "Option<ExactDecimal>")]
    pub shop_fees_labor_percentage: Option<Decimal>,
    /// Tax on parts, in percent.
    #[serde_as(as = "Option<ExactDecimal>")]
    pub tax_parts_percentage: Option<Decimal>,
    /// Tax on labour, in percent.
    #[serde_as(as = "Option<ExactDecimal>")]
    pub tax_labor_percentage: Option<Decimal>,
    /// Upper limit of shop fees.
    #[serde_as(as = "Option<ExactDecimal>")]
    pub max_shop_fees: Option<Decimal>,
    /// Lower limit of shop fees.
    #[serde_as(as = "Option<ExactDecimal>")]
    pub min_shop_fees: Option<Decimal>,
    /// Whether shop fees are taxed.
    pub apply_tax_to_shop_fees: Option<bool>,
    /// Whether miscellaneous charges are taxed on orders with OCR.
    pub apply_tax_to_misc_for_ocr: Option<bool>,
    /// Whether miscellaneous charges are taxed on orders without OCR.
    pub apply_tax_to_misc_for_non_ocr: Option<bool>,
}

/// Surcharge rules (wire `surchargeRules`).
#[serde_as]
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct SurchargeRules {
    /// Upper limit of the surcharge.
    #[serde_as(as = "Option<ExactDecimal>")]
    pub max_surcharge: Option<Decimal>,
    /// How the fee is computed.
    pub fee_type: Option<String>,
    /// The fee, exact.
    #[serde_as(as = "Option<ExactDecimal>")]
    pub fee_value: Option<Decimal>,
}
