//! Predictions myKaarma makes about a message, and users' feedback on them.

use serde::{Deserialize, Serialize};
use serde_with::{serde_as, skip_serializing_none};

use crate::wire::LenientNumber;

/// A prediction about a message (an item of wire `messagePredictionDTOSet`). The docs give
/// the members' names and types only; what `prediction` and `metadata` hold is not
/// documented.
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct MessagePrediction {
    /// The message the prediction is about.
    pub message_uuid: Option<String>,
    /// What is predicted.
    pub prediction_feature: Option<PredictionFeature>,
    /// The prediction, as text.
    pub prediction: Option<String>,
    /// Metadata, as text (wire `metadata`, lower-case `d`, unlike `metaData` elsewhere).
    pub metadata: Option<String>,
    /// Users' feedback on the prediction.
    pub message_prediction_feedback: Option<Vec<MessagePredictionFeedback>>,
}

/// What a prediction is about (wire `predictionFeature`, an object with one member of the
/// same name).
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct PredictionFeature {
    /// The feature's name. The vendor's source matches `NEEDS_RESPONSE` (whether a thread
    /// waits for a response); other names are not documented.
    pub prediction_feature: Option<String>,
}

/// A user's feedback on a prediction (an item of wire `messagePredictionFeedback`). Values of
/// the feedback and its reason are not documented.
#[serde_as]
#[skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct MessagePredictionFeedback {
    /// The prediction's numeric id (int64; wire `messagePredictionID`).
    #[serde(rename = "messagePredictionID")]
    #[serde_as(as = "Option<LenientNumber>")]
    pub message_prediction_id: Option<i64>,
    /// The user's feedback.
    pub user_feedback: Option<String>,
    /// The reason the user gave.
    pub feedback_reason: Option<String>,
    /// The user (wire `userUUID`).
    #[serde(rename = "userUUID")]
    pub user_uuid: Option<String>,
    /// The user's department (wire `departmentUUID`).
    #[serde(rename = "departmentUUID")]
    pub department_uuid: Option<String>,
}
