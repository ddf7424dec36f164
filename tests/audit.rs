//! The drift report: each kind of drift found in a body built for it, with its path, and what
//! the documented examples themselves carry.

mod common;

use aftersales_webhooks::audit::{self, Drift, Finding, MAX_FINDINGS, Report};
use aftersales_webhooks::mykaarma::Envelope;
use aftersales_webhooks::service_order_hub::WebhookKind;

/// The appointment example as delivered, with `edit` applied to its payload's text.
fn appointment(edit: impl Fn(&str) -> String) -> Vec<u8> {
    let body = common::fixture("mykaarma/appointment.json");
    let event: serde_json::Value = serde_json::from_slice(&body).unwrap();
    let payload = edit(&event["payload"].to_string());
    let mut event = event;
    event["payload"] = serde_json::Value::String(payload);
    serde_json::to_vec(&event).unwrap()
}

fn found(report: &Report) -> Vec<(&str, &Drift)> {
    report
        .findings
        .iter()
        .map(|finding| (finding.path.as_str(), &finding.drift))
        .collect()
}

#[test]
fn a_key_no_model_reads_is_named_through_the_stringified_payload() {
    let body = appointment(|payload| {
        payload.replace(
            r#""startTime":"#,
            r#""parkingSpot":{"level":2},"startTime":"#,
        )
    });
    let report = audit::envelope(&body).unwrap();
    assert!(found(&report).contains(&(
        "payload.appointmentInfoResponse.parkingSpot",
        &Drift::UnknownKey
    )));
}

#[test]
fn a_key_no_model_reads_is_named_in_the_object_payload_and_in_lists() {
    let body = String::from_utf8(common::fixture("mykaarma/appointment.json"))
        .unwrap()
        .replacen(r#""opCode""#, r#""laborCode":"X1","opCode""#, 1);
    let report = audit::envelope(body.as_bytes()).unwrap();
    let unknown: Vec<&str> = report
        .findings
        .iter()
        .filter(|finding| finding.drift == Drift::UnknownKey)
        .map(|finding| finding.path.as_str())
        .collect();
    assert_eq!(
        unknown,
        ["payload.appointmentInfoResponse.serviceList[0].laborCode"]
    );
    assert_eq!(
        report.findings[0].pattern(),
        report.findings[0].path.replace("[0]", "[]")
    );
}

#[test]
fn an_envelope_key_it_keeps_is_named() {
    let body = String::from_utf8(common::fixture("mykaarma/customer.wire.json"))
        .unwrap()
        .replacen('{', r#"{"retryCount":2,"#, 1);
    let report = audit::envelope(body.as_bytes()).unwrap();
    assert_eq!(found(&report)[0], ("retryCount", &Drift::UnknownKey));
}

#[test]
fn a_key_an_open_model_keeps_is_named_with_its_object() {
    let body = String::from_utf8(common::fixture("service_order_hub/case-updated.json"))
        .unwrap()
        .replacen(
            r#""consumer": {"#,
            r#""consumer": {"loyaltyTier": "gold","#,
            1,
        );
    let report = audit::webhook(WebhookKind::CaseUpdated, body.as_bytes()).unwrap();
    assert!(
        found(&report).contains(&("consumer.loyaltyTier", &Drift::UnknownKey)),
        "{report:#?}"
    );
}

#[test]
fn an_enum_value_the_docs_do_not_list_is_named_with_its_text() {
    let body = appointment(|payload| payload.replace(r#""status":"N""#, r#""status":"Z""#));
    let report = audit::envelope(&body).unwrap();
    assert_eq!(
        found(&report),
        [(
            "payload.appointmentInfoResponse.status",
            &Drift::UnknownValue {
                of: "AppointmentStatus",
                text: "Z".to_owned()
            }
        )]
    );
}

#[test]
fn a_number_that_came_as_a_string_is_named() {
    // The docs give a cost proposal's `id` and a detail's `line` as numbers. (`priceNet`
    // comes as `280` and as `"600.00"` in the docs: both are its forms, not drift.)
    let body = String::from_utf8(common::fixture("service_order_hub/cost-proposal.json"))
        .unwrap()
        .replacen(r#""id": 25532"#, r#""id": "25532""#, 1)
        .replacen(r#""line": 1"#, r#""line": "1""#, 1)
        .replacen(r#""priceNet": 280"#, r#""priceNet": "280""#, 1);
    let report = audit::webhook(WebhookKind::CostProposal, body.as_bytes()).unwrap();
    let numbers: Vec<(&str, &Drift)> = found(&report)
        .into_iter()
        .filter(|(_, drift)| matches!(drift, Drift::NumberAsString { .. }))
        .collect();
    assert_eq!(
        numbers,
        [
            (
                "id",
                &Drift::NumberAsString {
                    text: "25532".to_owned()
                }
            ),
            (
                "details[0].line",
                &Drift::NumberAsString {
                    text: "1".to_owned()
                }
            )
        ]
    );
}

#[test]
fn an_epoch_time_as_a_string_is_a_number_as_a_string() {
    let body = String::from_utf8(common::fixture("mykaarma/customer.json"))
        .unwrap()
        .replacen(
            r#""timestamp": 1728542293678"#,
            r#""timestamp": "1728542293678""#,
            1,
        );
    let report = audit::envelope(body.as_bytes()).unwrap();
    assert_eq!(
        found(&report),
        [(
            "timestamp",
            &Drift::NumberAsString {
                text: "1728542293678".to_owned()
            }
        )]
    );
}

#[test]
fn a_time_in_an_older_format_is_named() {
    let body = common::fixture("mykaarma/mpi-legacy-times.wire.json");
    let report = audit::envelope(&body).unwrap();
    let first = &report.findings[0];
    assert_eq!(first.path, "payload.statusUpdatedOn");
    assert!(
        matches!(&first.drift, Drift::LegacyTime { text, .. } if text == "2026-02-19T10:30:00"),
        "{first:?}"
    );

    let body = common::fixture("service_order_hub/cost-proposal-v3-api.json");
    let report = audit::webhook(WebhookKind::CostProposal, &body).unwrap();
    assert_eq!(report.findings[0].path, "reactionDate");
}

#[test]
fn a_kind_kept_raw_is_one_finding() {
    let body = br#"{"id":"e1","timestamp":1728542293678,"type":"warranty-claims","payload":"{\"claim\":{\"id\":7}}"}"#;
    let report = audit::envelope(body).unwrap();
    assert_eq!(
        found(&report),
        [(
            "type",
            &Drift::RawKind {
                kind: "warranty-claims".to_owned()
            }
        )]
    );
}

#[test]
fn findings_come_in_the_order_of_the_body_then_the_ignored_keys() {
    let body = appointment(|payload| {
        payload
            .replace(r#""status":"N""#, r#""status":"Z""#)
            .replace(r#""startTime":"#, r#""extra":1,"startTime":"#)
    });
    let body = String::from_utf8(body)
        .unwrap()
        .replacen('{', r#"{"first":true,"#, 1);
    let report = audit::envelope(body.as_bytes()).unwrap();
    let paths: Vec<&str> = report.findings.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "first",
            "payload.appointmentInfoResponse.status",
            "payload.appointmentInfoResponse.extra"
        ]
    );
}

#[test]
fn a_body_that_does_not_decode_gives_the_decode_error() {
    let body = appointment(|payload| payload.replace("2025-09-27 15:00:00", "tomorrow"));
    let audited = audit::envelope(&body).unwrap_err();
    let decoded = aftersales_webhooks::from_slice::<Envelope>(&body).unwrap_err();
    assert_eq!(audited.path(), "payload.appointmentInfoResponse.startTime");
    assert_eq!(audited.to_string(), decoded.to_string());
    // Drift before the fault does not hide it.
    let body = appointment(|payload| {
        payload
            .replace(r#""status":"N""#, r#""status":"Z""#)
            .replace("2025-09-27 15:00:00", "tomorrow")
    });
    assert_eq!(
        audit::envelope(&body).unwrap_err().path(),
        "payload.appointmentInfoResponse.startTime"
    );
}

#[test]
fn an_audit_leaves_decoding_as_it_was() {
    let body = appointment(|payload| payload.replace(r#""status":"N""#, r#""status":"Z""#));
    assert!(!audit::envelope(&body).unwrap().is_clean());
    let event: Envelope = aftersales_webhooks::from_slice(&body).unwrap();
    assert_eq!(event.id, "a7b9c1d3-e5f7-4891-ab23-cd45ef678901");
}

#[test]
fn a_report_stops_at_its_limit_and_says_so() {
    let details: Vec<String> = (0..MAX_FINDINGS + 5)
        .map(|n| format!(r#"{{"type":"NEW{n}","amount":1}}"#))
        .collect();
    let body = format!(
        r#"{{"id":1,"serviceProviderId":1,"details":[{}]}}"#,
        details.join(",")
    );
    let report = audit::webhook(WebhookKind::CostProposal, body.as_bytes()).unwrap();
    assert!(report.truncated);
    assert_eq!(report.findings.len(), MAX_FINDINGS);
    let last: &Finding = &report.findings[MAX_FINDINGS - 1];
    assert_eq!(last.path, format!("details[{}].type", MAX_FINDINGS - 1));
    assert_eq!(last.pattern(), "details[].type");
}

/// What every documented example carries that the models do not understand: the vendors'
/// own examples are not clean (an appointment status and a pay type outside the listed
/// values, a detail type, a key sent in the wrong object, older time formats).
#[test]
fn documented_examples() {
    let mut out = String::new();
    for path in common::fixtures("mykaarma") {
        let report = audit::envelope(&std::fs::read(&path).unwrap()).unwrap();
        render(&mut out, &path, &report);
    }
    for path in common::fixtures("service_order_hub") {
        let body = std::fs::read(&path).unwrap();
        let report = audit::webhook(common::soh_kind(&path), &body).unwrap();
        render(&mut out, &path, &report);
    }
    insta::assert_snapshot!(out);
}

fn render(out: &mut String, path: &std::path::Path, report: &Report) {
    use std::fmt::Write as _;
    let name = path.strip_prefix(env!("CARGO_MANIFEST_DIR")).unwrap();
    writeln!(out, "{}: {}", name.display(), report.findings.len()).unwrap();
    for finding in &report.findings {
        writeln!(out, "  {} {:?}", finding.path, finding.drift).unwrap();
    }
}

#[test]
fn a_message_event_drifts_like_the_others() {
    let body = String::from_utf8(common::fixture("mykaarma/message-text.json"))
        .unwrap()
        .replacen(r#""protocol": "X""#, r#""protocol": "W""#, 1)
        .replacen(r#""messageSize": 95"#, r#""messageSize": "95""#, 1);
    let report = audit::envelope(body.as_bytes()).unwrap();
    assert_eq!(
        found(&report),
        [
            (
                "payload.messageDTO.protocol",
                &Drift::UnknownValue {
                    of: "MessageProtocol",
                    text: "W".to_owned()
                }
            ),
            (
                "payload.messageDTO.messageSize",
                &Drift::NumberAsString {
                    text: "95".to_owned()
                }
            )
        ]
    );
}

#[test]
fn a_key_a_closed_model_ignores_is_named() {
    // A case and a message ignore the keys they do not model, read in place rather than by
    // serde's derive: the audit still names each one.
    let body = String::from_utf8(common::fixture(
        "service_order_hub/status-transition-with-case.json",
    ))
    .unwrap()
    .replacen(r#""case": {"#, r#""case": {"priority": "high","#, 1);
    let report = audit::webhook(WebhookKind::StatusTransition, body.as_bytes()).unwrap();
    assert_eq!(found(&report), [("case.priority", &Drift::UnknownKey)]);

    let body = String::from_utf8(common::fixture("mykaarma/message-text.json"))
        .unwrap()
        .replacen(
            r#""protocol": "X","#,
            r#""protocol": "X", "routedOn": 1,"#,
            1,
        );
    let report = audit::envelope(body.as_bytes()).unwrap();
    assert_eq!(
        found(&report),
        [("payload.messageDTO.routedOn", &Drift::UnknownKey)]
    );
}
