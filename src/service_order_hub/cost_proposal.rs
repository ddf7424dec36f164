//! The "new cost proposal" webhook.

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_with::{serde_as, skip_serializing_none};

use super::common::{CurrencyCode, ExternalId};
use crate::kind::model;
use crate::wire::{DateTimeText, LenientNumber, Numeric, Rfc3339, open_enum};
use crate::wire::{exact_mul, exact_sum};

open_enum! {
    /// What a cost proposal is for (wire `name`): free text chosen by the provider, with
    /// common values recognised without regard to case (`repair`, `Repair`).
    pub struct CostProposalName => CostProposalNameKind {
        /// Repair: `Repair`.
        Repair = ["Repair"],
        /// Return unrepaired: `RUR`.
        ReturnUnrepaired = ["RUR"],
        /// Scrap: `Scrap`.
        Scrap = ["Scrap"],
    }
}

open_enum! {
    /// The partner's reaction to a cost proposal (wire `reaction`; `null` when none yet).
    pub struct Reaction => ReactionKind {
        /// Approved: `approved`.
        Approved = ["approved"],
        /// Rejected: `rejected`.
        Rejected = ["rejected"],
    }
}

open_enum! {
    /// What a cost proposal line is (wire `type` of a detail): free text, with the recommended
    /// values recognised.
    pub struct DetailType => DetailTypeKind {
        /// Labour: `labor`.
        Labor = ["labor"],
        /// Shipping: `shipping`.
        Shipping = ["shipping"],
        /// Spare parts: `sparePart`.
        SparePart = ["sparePart"],
        /// Insurance deductible: `deductible`.
        Deductible = ["deductible"],
    }
}

model! {
    /// The "new cost proposal" webhook: a provider proposes what a service will cost.
    ///
    /// A case may have many proposals; the partner approves at most one. The same body also comes
    /// in the API's older shapes (v1: `priceNet` as a string such as `"600.00"`, `dateAccepted`,
    /// `approverName`; `externalId` as null, string, number or array), which decode too.
    #[serde_as]
    #[skip_serializing_none]
    #[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
    #[serde(rename_all = "camelCase")]
    #[non_exhaustive]
    pub struct CostProposal {
        /// Service Order Hub's id of the proposal.
        #[serde_as(as = "Option<LenientNumber>")]
        pub id: Option<i64>,
        /// The case's guid, as text.
        pub guid: Option<String>,
        /// The provider's id for the proposal.
        pub external_id: Option<ExternalId>,
        /// What the proposal is for, such as `RUR`.
        pub name: Option<CostProposalName>,
        /// Net price of the whole proposal, exact: a number in v3 (`280`), a string in v1
        /// (`"600.00"`), kept as it came.
        ///
        /// The reference calls it only "Price (optional)" ("Cost proposals", `POST
        /// /api/v3/cost-proposals`) and does not say how it relates to the lines. In every
        /// documented example with lines it equals the sum of the lines' `priceNet` (280;
        /// 500 + 100 = 600.00; 100); it equals the sum of `quantity × priceNet` in the
        /// examples whose quantities are 1, but not in the v3 GET example, whose line has
        /// quantity 0. Compare it with [`details_total_net`](CostProposal::details_total_net)
        /// rather than assume they agree.
        pub price_net: Option<Numeric<Decimal>>,
        /// Currency, such as `SEK`.
        pub currency: Option<CurrencyCode>,
        /// Whether the proposal can be approved.
        pub is_active: Option<bool>,
        /// Until when the proposal is valid.
        pub date_valid_until: Option<DateTimeText>,
        /// The partner's reaction.
        pub reaction: Option<Reaction>,
        /// Comment on the reaction.
        pub comment: Option<String>,
        /// When the partner reacted: RFC 3339 or `2019-03-28 00:00:00.000`, kept as it came.
        pub reaction_date: Option<DateTimeText>,
        /// Who reacted.
        pub reaction_name: Option<String>,
        /// The lines of the proposal.
        pub details: Option<Vec<CostProposalDetail>>,
        /// When the proposal was created in Service Order Hub.
        #[serde_as(as = "Option<Rfc3339>")]
        pub created_at: Option<DateTime<Utc>>,
        /// When it was last updated.
        #[serde_as(as = "Option<Rfc3339>")]
        pub updated_at: Option<DateTime<Utc>>,
        /// When the provider created it (API shape).
        pub time_stamp: Option<DateTimeText>,
        /// When it was accepted (v1).
        pub date_accepted: Option<DateTimeText>,
        /// Who approved it (v1).
        pub approver_name: Option<String>,
        /// The service provider.
        #[serde_as(as = "Option<LenientNumber>")]
        pub service_provider_id: Option<i64>,
    }
}

/// A line of a cost proposal (an entry of wire `details`).
#[serde_as]
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CostProposalDetail {
    /// Line number, from 1.
    #[serde_as(as = "Option<LenientNumber>")]
    pub line: Option<i64>,
    /// What the line is.
    pub text: Option<String>,
    /// Line type, such as `shipping` (wire `type`).
    #[serde(rename = "type")]
    pub kind: Option<DetailType>,
    /// Net price, exact, in the form it came. Per unit or for the whole line: the reference
    /// does not say. It calls it only "Price" ("Cost proposals", `POST /api/v3/cost-proposals`:
    /// `"priceNet": 100, // Price`); with quantity 1 (the POST, v1 and webhook examples) the
    /// two are the same, and the v3 GET example (priceNet 100, quantity 0, in a proposal of
    /// priceNet 100) reads as an amount for the line. See
    /// [`computed_total_net`](Self::computed_total_net).
    pub price_net: Option<Numeric<Decimal>>,
    /// Quantity, exact, in the form it came. The reference calls it only "Quantity"; its v3
    /// GET example sends `0`, on a line of priceNet 100 in a proposal of priceNet 100.
    pub quantity: Option<Numeric<Decimal>>,
}

impl CostProposalDetail {
    /// The line's net total, computed as `quantity × priceNet`, reading `priceNet` as a unit
    /// price. The reference does not define it (see [`price_net`](Self::price_net)): it holds
    /// for the documented lines with quantity 1, and gives 0 for the v3 GET example's line
    /// (quantity 0, priceNet 100).
    ///
    /// Exact: the docs document no rounding, so none is applied, and the result keeps the
    /// decimal places of both factors (`2 × 12.50` is `25.00`). `None` when `quantity` or
    /// `priceNet` is missing, or when the result does not fit a [`Decimal`] with all those
    /// places.
    ///
    /// ```
    /// use aftersales_webhooks::service_order_hub::CostProposalDetail;
    /// use rust_decimal::Decimal;
    ///
    /// let line: CostProposalDetail =
    ///     aftersales_webhooks::from_slice(br#"{"line": 1, "priceNet": 12.50, "quantity": 2}"#)?;
    /// assert_eq!(line.computed_total_net(), Some(Decimal::new(2500, 2)));
    /// # Ok::<(), aftersales_webhooks::Error>(())
    /// ```
    pub fn computed_total_net(&self) -> Option<Decimal> {
        exact_mul(self.quantity?.get(), self.price_net?.get())
    }
}

impl CostProposal {
    /// The sum of the lines' computed net totals
    /// ([`CostProposalDetail::computed_total_net`], `quantity × priceNet`), to compare with
    /// the proposal's `priceNet`.
    ///
    /// The reference defines no such total: this sum is the proposal's `priceNet` in the
    /// webhook (280) and v1 (600.00) examples, and not in the v3 GET example (0 against 100,
    /// its line having quantity 0).
    ///
    /// Exact: no rounding is applied (none is documented), and the sum keeps the largest
    /// number of decimal places among the lines. `Some(0)` for a proposal with no lines;
    /// `None` when `details` is missing (as in the v1 example with `"details": null`), when a
    /// line lacks `quantity` or `priceNet`, or when the sum does not fit a [`Decimal`].
    pub fn details_total_net(&self) -> Option<Decimal> {
        exact_sum(
            self.details
                .as_ref()?
                .iter()
                .map(CostProposalDetail::computed_total_net),
        )
    }
}

impl super::CaseGuid for CostProposal {
    fn case_guid(&self) -> Option<&str> {
        self.guid.as_deref()
    }
}
