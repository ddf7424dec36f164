//! The codes of a message: its type, channel, purpose and draft status.
//!
//! The webhook sends single-letter codes; the communications API's request bodies spell the
//! same meanings with long names (`OUTGOING`, `TEXT`). No documentation page ties the two:
//! myKaarma's published source code does, and it is what the kinds below follow. Both
//! spellings are recognised (ignoring ASCII case), and the text that came is written back.

use crate::wire::open_enum;

open_enum! {
    /// The direction and kind of a message (wire `messageType`), such as `S` (outgoing); the
    /// long names (`OUTGOING`) are recognised too.
    ///
    /// One message can change type between events: when a draft (`F`) is sent, later events
    /// for it carry `S` (and its draft status becomes `SENT`). The vendor's code reads the
    /// code ignoring case after trimming white space; this type ignores case but keeps white
    /// space, so `" S"` is `Other`.
    pub struct MessageType => MessageTypeKind {
        /// A draft, saved or scheduled, not yet sent: `F` (long name `DRAFT`).
        Draft = ["F", "DRAFT"],
        /// A discarded draft: `D` (long name `DISCARDED_DRAFT`, known from the vendor's source
        /// only).
        DiscardedDraft = ["D", "DISCARDED_DRAFT"],
        /// An outgoing message, from the dealer to the customer: `S` (long name `OUTGOING`). The
        /// documented example's value.
        Outgoing = ["S", "OUTGOING"],
        /// An incoming message, from the customer to the dealer: `I` (long name `INCOMING`,
        /// known from the vendor's source only).
        Incoming = ["I", "INCOMING"],
        /// A note: an internal note a user wrote, or an automatic system event or notification:
        /// `N` (long name `NOTE`).
        Note = ["N", "NOTE"],
    }
}

open_enum! {
    /// The channel of a message (wire `protocol`), such as `X` (text); the long names
    /// (`TEXT`) are recognised too.
    ///
    /// The event also covers WhatsApp messages, but no code for WhatsApp is documented (nor
    /// in the vendor's source): whether they carry a code of their own (kind `Other` here) or
    /// `X` with [`whats_app_message`](super::Message::whats_app_message) set is not known.
    pub struct MessageProtocol => MessageProtocolKind {
        /// A text message (SMS): `X` (long name `TEXT`). The documented example's value.
        Text = ["X", "TEXT"],
        /// An e-mail: `E` (long name `EMAIL`).
        Email = ["E", "EMAIL"],
        /// A voice call: `V` (long name `VOICE_CALL`).
        VoiceCall = ["V", "VOICE_CALL"],
        /// No channel: an internal note, or a system event or notification: `Z` (long name
        /// `NONE`).
        NoChannel = ["Z", "NONE"],
    }
}

open_enum! {
    /// Why a message was sent (wire `messagePurpose`), a code from a long, open list of its
    /// own (`S`, `D`, `F`, `V` and `A` mean other things here than as a message type or
    /// channel).
    ///
    /// The docs show one value, `F` (drafts). The kinds below are the codes the vendor's
    /// source explains in comments. Its list has about a hundred more codes without a
    /// meaning (`OPTIN_REQ`, `CONSENT`, `PAY_RCPT`, `INCOMING_MESSAGE`, …; one, `OOO:TO`,
    /// with a colon): they decode as `Other`, their text kept. The vendor writes codes in
    /// mixed case (`CIWNotOp`); this type recognises its kinds ignoring case.
    pub struct MessagePurpose => MessagePurposeKind {
        /// A draft: `F`. The one code the docs show.
        Draft = ["F"],
        /// Auto-delegation: `D`.
        AutoDelegation = ["D"],
        /// A welcome text or e-mail: `W`.
        Welcome = ["W"],
        /// An appointment notification to the customer: `A`.
        AppointmentNotification = ["A"],
        /// An appointment confirmation: `AC`.
        AppointmentConfirmation = ["AC"],
        /// An appointment update: `AU`.
        AppointmentUpdate = ["AU"],
        /// An appointment cancellation: `AD`.
        AppointmentCancellation = ["AD"],
        /// A payment request: `PR`.
        PaymentRequest = ["PR"],
        /// An automatic payment request: `APR`.
        AutomaticPaymentRequest = ["APR"],
        /// A payment voided or refunded: `V`.
        PaymentVoidedOrRefunded = ["V"],
        /// An out-of-office auto-responder e-mail: `AER`.
        AutoResponderEmail = ["AER"],
        /// An out-of-office auto-responder text: `ATR`.
        AutoResponderText = ["ATR"],
        /// A service recall: `RECALL`.
        Recall = ["RECALL"],
        /// An MPI message: `MPI_AUTO` (the source does not tell it from `MPI_NOTIF`).
        MpiAuto = ["MPI_AUTO"],
        /// An MPI message: `MPI_NOTIF` (the source does not tell it from `MPI_AUTO`).
        MpiNotif = ["MPI_NOTIF"],
        /// A follow-up: `FOLLOWUP`.
        FollowUp = ["FOLLOWUP"],
        /// A reminder to turn out-of-office off: `OOO:TO`.
        OutOfOfficeTurnOffReminder = ["OOO:TO"],
    }
}

open_enum! {
    /// Where a draft stands (wire `status` of
    /// [`DraftMessageMetaData`](super::DraftMessageMetaData)). The docs show `SCHEDULED`; the
    /// others are the vendor's source's list.
    pub struct DraftStatus => DraftStatusKind {
        /// Scheduled to be sent: `SCHEDULED`.
        Scheduled = ["SCHEDULED"],
        /// Sending failed: `FAILED` (see
        /// [`reason_for_last_failure`](super::DraftMessageMetaData::reason_for_last_failure)).
        Failed = ["FAILED"],
        /// Discarded: `DISCARDED`.
        Discarded = ["DISCARDED"],
        /// Sent: `SENT`.
        Sent = ["SENT"],
        /// Saved as a draft: `DRAFTED`.
        Drafted = ["DRAFTED"],
        /// Queued for sending: `QUEUED`.
        Queued = ["QUEUED"],
    }
}
