//! Message events, as the Message Event page and the communications API describe them. The
//! complete fixtures are constructed from the field reference (see `fixtures/README.md`).

mod common;

use aftersales_webhooks::mykaarma::message::{
    DraftStatusKind, Message, MessageEvent, MessageProtocolKind, MessagePurposeKind,
    MessageTypeKind,
};
use aftersales_webhooks::mykaarma::{DataType, DataTypeKind, Envelope, Payload, PayloadForm};
use aftersales_webhooks::wire::EpochOrText;
use aftersales_webhooks::{Error, from_slice};

fn envelope(name: &str) -> Envelope {
    from_slice(&common::fixture(&format!("mykaarma/{name}"))).unwrap()
}

fn event(name: &str) -> MessageEvent {
    match envelope(name).into_payload() {
        Payload::Message(event) => *event,
        other => panic!("{other:?}"),
    }
}

fn message(name: &str) -> Message {
    *event(name).message.unwrap()
}

/// The email fixture (object form) with one edit made to its text.
fn email_with(edit: impl Fn(&str) -> String) -> Result<Envelope, Error> {
    let body = String::from_utf8(common::fixture("mykaarma/message-email.json")).unwrap();
    let edited = edit(&body);
    assert_ne!(edited, body, "the edit changed nothing");
    from_slice(edited.as_bytes())
}

fn round_trips(event: &Envelope) {
    let encoded = serde_json::to_vec(event).unwrap();
    assert_eq!(&from_slice::<Envelope>(&encoded).unwrap(), event);
}

#[test]
fn the_documented_example_is_an_outgoing_text() {
    for name in ["message.json", "message.wire.json"] {
        let envelope = envelope(name);
        assert_eq!(envelope.kind().kind(), DataTypeKind::Messages);
        assert_eq!(
            envelope.payload().subject(),
            Some("Gl2eDoAmUjXl9hL4sMrPbIi0QfZwN8OvCdGkBcHntE3")
        );
        let event = event(name);
        assert_eq!(
            event.dealer_order_uuid.as_deref(),
            Some("Im4gFqCoWlZn1jN6uVtMrDk2ShBxPwQ8eJiCfYnMaU5")
        );
        assert_eq!(event.is_update, Some(false));
        let message = *event.message.unwrap();
        assert_eq!(message.id, Some(100_042));
        assert_eq!(
            message.message_type.as_ref().unwrap().kind(),
            MessageTypeKind::Outgoing
        );
        assert_eq!(
            message.protocol.as_ref().unwrap().kind(),
            MessageProtocolKind::Text
        );
        // The example stops at `protocol`: nothing else is made up.
        let mut rest = message;
        (rest.uuid, rest.id, rest.message_type, rest.protocol) = (None, None, None, None);
        assert_eq!(rest, Message::default());
    }
}

#[test]
fn an_outgoing_text_sent_by_the_system() {
    let message = message("message-text.wire.json");
    assert_eq!(
        message.message_type.as_ref().unwrap().kind(),
        MessageTypeKind::Outgoing
    );
    assert_eq!(
        message.protocol.as_ref().unwrap().kind(),
        MessageProtocolKind::Text
    );
    assert_eq!(
        message.message_purpose.as_ref().unwrap().kind(),
        MessagePurposeKind::AppointmentConfirmation
    );
    assert_eq!(message.is_manual, Some(false));
    assert_eq!(message.to_number.as_deref(), Some("+13108170196"));
    let body = message.body().unwrap();
    assert_eq!(
        message.message_size,
        Some(i32::try_from(body.len()).unwrap())
    );
    assert_eq!(
        message
            .sent_on
            .unwrap()
            .as_instant()
            .unwrap()
            .timestamp_millis(),
        1_728_542_291_502
    );
    assert!(message.attachments().is_empty());
    assert_eq!(message.number_of_message_attachments, Some(0));
}

#[test]
fn an_email_with_attachments_sent_from_a_draft() {
    let message = message("message-email.wire.json");
    assert_eq!(
        message.protocol.as_ref().unwrap().kind(),
        MessageProtocolKind::Email
    );
    let extn = message.message_extn.as_ref().unwrap();
    assert_eq!(extn.subject.as_deref(), Some("Your inspection report"));
    assert!(message.body().unwrap().contains("\n\nBest regards,\n"));
    let files = message.attachments();
    assert_eq!(files.len(), 2);
    assert_eq!(
        message.number_of_message_attachments,
        Some(i32::try_from(files.len()).unwrap())
    );
    assert_eq!(files[0].mime_type.as_deref(), Some("application/pdf"));
    assert_eq!(files[0].doc_size.as_deref(), Some("184320"));
    assert_eq!(
        files[1].media_preview_url.as_deref(),
        Some("https://media.dealer.example/preview/3Tv9KcRb-brake-pads.jpg")
    );
    assert!(files.iter().all(|file| file.message_uuid == message.uuid));
    let draft = message.draft_message_meta_data.as_ref().unwrap();
    assert_eq!(draft.status.as_ref().unwrap().kind(), DraftStatusKind::Sent);
    assert_eq!(
        draft.scheduled_on.unwrap().as_local().unwrap().to_string(),
        "2024-10-10 06:30:00"
    );
    assert_eq!(draft.add_signature, Some(true));
    assert_eq!(
        message.message_purpose.as_ref().unwrap().kind(),
        MessagePurposeKind::Draft
    );
}

#[test]
fn an_internal_note() {
    let message = message("message-note.wire.json");
    assert_eq!(
        message.message_type.as_ref().unwrap().kind(),
        MessageTypeKind::Note
    );
    assert_eq!(
        message.protocol.as_ref().unwrap().kind(),
        MessageProtocolKind::NoChannel
    );
    assert_eq!(message.protocol.as_ref().unwrap().as_str(), "Z");
    assert!(message.to_number.is_none() && message.from_number.is_none());
    assert_eq!(
        message.sent_on.unwrap().as_local().unwrap().to_string(),
        "2024-10-10 06:38:13.105"
    );
}

#[test]
fn an_update_of_an_incoming_text() {
    let event = event("message-update.wire.json");
    assert_eq!(event.is_update, Some(true));
    let message = event.message.unwrap();
    assert_eq!(
        message.message_type.as_ref().unwrap().kind(),
        MessageTypeKind::Incoming
    );
    let (sent, received) = (message.sent_on.unwrap(), message.received_on.unwrap());
    assert!(matches!(sent, EpochOrText::Zoned(..)));
    assert_eq!(
        received.as_instant().unwrap() - sent.as_instant().unwrap(),
        chrono::TimeDelta::milliseconds(870)
    );
    let tag = &message
        .message_tags
        .as_ref()
        .unwrap()
        .tag_types
        .as_ref()
        .unwrap()[0];
    assert_eq!(tag.display_name.as_deref(), Some("Service"));
    let prediction = &message.message_prediction_set.as_ref().unwrap()[0];
    assert_eq!(
        prediction
            .prediction_feature
            .as_ref()
            .unwrap()
            .prediction_feature
            .as_deref(),
        Some("NEEDS_RESPONSE")
    );
    let feedback = &prediction.message_prediction_feedback.as_ref().unwrap()[0];
    assert_eq!(feedback.message_prediction_id, Some(7_340_021));
    assert_eq!(feedback.user_uuid, message.dealer_associate_uuid);
}

#[test]
fn events_about_one_message_are_ordered_by_their_timestamp() {
    let first = envelope("message-update.wire.json");
    let body = String::from_utf8(common::fixture("mykaarma/message-update.wire.json")).unwrap();
    let later: Envelope = from_slice(
        body.replace("1728542293678", "1728542299000")
            .replace("\"id\": \"a7b9", "\"id\": \"b7b9")
            .as_bytes(),
    )
    .unwrap();
    assert_eq!(first.payload().subject(), later.payload().subject());
    assert_eq!(
        later.payload().subject(),
        Some("Zr2MvKx8BqWn5TsLy1HcPd7JgEa4FoUi9NbXm3RtCk6")
    );
    assert!(later.is_newer_than(&first) && !first.is_newer_than(&later));
    assert_ne!(later.dedup_key(), first.dedup_key());
}

#[test]
fn times_in_any_form_are_read_and_written_back_as_they_came() {
    for (wire, local) in [
        ("1728542292000", false),
        ("\"1728542292000\"", false),
        ("\"2024-10-10T06:38:12.000Z\"", false),
        ("\"2024-10-10T13:38:12+07:00\"", false),
        ("\"2024-10-10T13:38:12+0700\"", false),
        ("\"2024-10-10 06:38:12\"", true),
        ("\"2024-10-10T06:38:12.5\"", true),
    ] {
        let json = String::from_utf8(common::fixture("mykaarma/message-email.json")).unwrap();
        let json = json.replace(
            "\"sentOn\": \"2024-10-10T06:38:12\"",
            &format!("\"sentOn\": {wire}"),
        );
        let event: Envelope = from_slice(json.as_bytes()).unwrap_or_else(|e| panic!("{wire}: {e}"));
        let Payload::Message(payload) = event.payload() else {
            panic!()
        };
        let sent = payload.message.as_ref().unwrap().sent_on.unwrap();
        assert_eq!(sent.as_local().is_some(), local, "{wire}");
        if !local {
            assert_eq!(
                sent.as_instant().unwrap().timestamp(),
                1_728_542_292,
                "{wire}"
            );
        }
        let encoded = serde_json::to_string(&event).unwrap();
        let diff = common::json_diff(&json, &encoded);
        // Milliseconds sent as text are written back as a number.
        if wire.starts_with("\"1") {
            assert_eq!(
                diff,
                [format!(
                    ".payload.messageDTO.sentOn: {wire} became 1728542292000"
                )]
            );
        } else {
            assert!(diff.is_empty(), "{wire}: {diff:?}");
        }
        round_trips(&event);
    }
}

#[test]
fn objects_without_documented_members_are_kept_byte_for_byte() {
    let whats_app = r#"{"templateName":"service_update","media":[{"url":"https://x.example/a.jpg","size":1.50}],"read":null}"#;
    let snooze = r#"{"snoozedUntil":1728600000000,"by":"9d3a"}"#;
    let call = r#"{"durationSeconds":42,"recordingUrl":null,"cost":0.0125}"#;
    let event = email_with(|body| {
        body.replace(
            "\"whatsAppMessageDTO\": null",
            &format!("\"whatsAppMessageDTO\": {whats_app}"),
        )
        .replace(
            "\"messageSnoozeDataDTO\": null",
            &format!("\"messageSnoozeDataDTO\": {snooze}"),
        )
        .replace(
            "\"voiceCallDTO\": null",
            &format!("\"voiceCallDTO\": {call}"),
        )
    })
    .unwrap();
    let Payload::Message(payload) = event.payload() else {
        panic!()
    };
    let message = payload.message.as_ref().unwrap();
    assert_eq!(message.whats_app_message.as_ref().unwrap().get(), whats_app);
    assert_eq!(message.message_snooze_data.as_ref().unwrap().get(), snooze);
    assert_eq!(message.voice_call.as_ref().unwrap().get(), call);
    let encoded = serde_json::to_string(&event).unwrap();
    for raw in [whats_app, snooze, call] {
        assert!(encoded.contains(&format!(":{raw}")), "{raw}");
    }
    round_trips(&event);
    // Stringified, as delivered, they come back the same.
    let wire =
        serde_json::to_vec(&event.clone().with_payload_form(PayloadForm::Stringified)).unwrap();
    let again: Envelope = from_slice(&wire).unwrap();
    assert_eq!(again.with_payload_form(PayloadForm::Object), event);
}

#[test]
fn the_payload_decodes_apart_from_its_envelope() {
    let event = envelope("message-note.json");
    let payload = serde_json::to_string(event.payload()).unwrap();
    let decoded = Payload::decode(&DataType::new("messages"), &payload).unwrap();
    assert_eq!(&decoded, event.payload());
    assert_eq!(decoded.kind(), Some(DataTypeKind::Messages));
    // `isUpdate` alone is a message payload: `false` is a value.
    let alone = Payload::decode(&DataType::new("messages"), r#"{"isUpdate":false}"#).unwrap();
    assert_eq!(alone.subject(), None);
}
