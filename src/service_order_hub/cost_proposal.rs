//! The "new cost proposal" webhook.

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_with::{serde_as, skip_serializing_none};

use super::common::{CurrencyCode, ExternalId};
use crate::kind::model;
use crate::wire::{DateTimeText, LenientNumber, Numeric, Rfc3339, open_enum};

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
        /// Net price, exact: a number in v3 (`280`), a string in v1 (`"600.00"`), kept as it came.
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
    /// Net price, exact, in the form it came.
    pub price_net: Option<Numeric<Decimal>>,
    /// Quantity, exact, in the form it came.
    pub quantity: Option<Numeric<Decimal>>,
}

impl super::CaseGuid for CostProposal {
    fn case_guid(&self) -> Option<&str> {
        self.guid.as_deref()
    }
}
