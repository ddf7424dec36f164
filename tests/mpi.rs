//! MPI events, as the MPI Event page describes them.

mod common;

use aftersales_webhooks::mykaarma::mpi::{ApprovalStateKind, Mpi, MpiTypeKind};
use aftersales_webhooks::mykaarma::{Envelope, Payload};
use aftersales_webhooks::wire::EpochOrLocal;
use aftersales_webhooks::{Error, from_slice};

fn mpi(name: &str) -> Mpi {
    let event: Envelope = from_slice(&common::fixture(&format!("mykaarma/{name}"))).unwrap();
    match event.into_payload() {
        Payload::Mpi(mpi) => *mpi,
        other => panic!("{other:?}"),
    }
}

fn decode_mpi_payload(edit: impl Fn(&str) -> String) -> Result<Envelope, Error> {
    let body = String::from_utf8(common::fixture("mykaarma/mpi.json")).unwrap();
    let edited = edit(&body);
    assert_ne!(edited, body, "the edit changed nothing");
    from_slice(edited.as_bytes())
}

#[test]
fn the_new_schema_without_nulls_decodes_like_the_old_with_them() {
    assert_eq!(mpi("mpi-new-schema.wire.json"), mpi("mpi.wire.json"));
}

#[test]
fn older_payloads_send_iso_text_times_and_get_them_back() {
    let old = mpi("mpi-legacy-times.wire.json");
    assert!(matches!(old.created_on, Some(EpochOrLocal::Local(_))));
    assert_eq!(
        old.created_on.unwrap().as_local().unwrap().to_string(),
        "2026-02-19 08:31:05"
    );
    assert!(
        old.mpi_kpi.is_none() && old.line_punch_data_list.is_none() && old.is_mpi_deleted.is_none()
    );
    let encoded = serde_json::to_string(&old).unwrap();
    assert!(
        encoded.contains(r#""createdOn":"2026-02-19T08:31:05""#),
        "{encoded}"
    );
    let new = mpi("mpi.wire.json");
    assert_eq!(
        new.created_on
            .unwrap()
            .as_epoch()
            .unwrap()
            .timestamp_millis(),
        1_778_659_065_996
    );
}

#[test]
fn every_time_format_in_one_payload() {
    let mpi = mpi("mpi.wire.json");
    let kpi = mpi.mpi_kpi.as_ref().unwrap();
    assert_eq!(
        kpi.created_on.unwrap().to_rfc3339(),
        "2026-05-13T07:57:47.694+00:00"
    );
    assert_eq!(kpi.ro_created_time.unwrap().timestamp(), 1_778_659_065);
    let punch = &mpi.line_punch_data_list.as_ref().unwrap()[0];
    assert_eq!(
        punch.punch_in_time.unwrap().timestamp_millis(),
        1_778_659_065_996
    );
    let order = mpi.order_identifiers.as_ref().unwrap();
    assert_eq!(order.order_date.unwrap().to_string(), "2026-02-19");
    assert_eq!(order.order_time.unwrap().to_string(), "08:30:00");
    let attachment = &mpi.attachments.as_ref().unwrap()[0];
    assert_eq!(
        attachment
            .created_on
            .unwrap()
            .as_local()
            .unwrap()
            .to_string(),
        "2026-02-19 09:15:00"
    );
    let encoded = serde_json::to_string(&mpi).unwrap();
    for wire in [
        r#""createdOn":1778659067.694"#,
        r#""rocreatedTime":1778659065"#,
        r#""orderTime":"08:30:00""#,
    ] {
        assert!(encoded.contains(wire), "{wire}");
    }
}

#[test]
fn money_is_exact_everywhere() {
    let mpi = mpi("mpi.wire.json");
    let totals = mpi.total_prices.as_ref().unwrap();
    assert_eq!(
        totals
            .total_cost
            .as_ref()
            .unwrap()
            .amount
            .unwrap()
            .to_string(),
        "113.49"
    );
    assert_eq!(
        totals
            .total_tax
            .as_ref()
            .unwrap()
            .amount
            .unwrap()
            .to_string(),
        "8.5"
    );
    let settings = mpi.shop_fees_and_tax_settings.as_ref().unwrap();
    assert_eq!(settings.tax_parts_percentage.unwrap().to_string(), "8.25");
    let recommendation = mpi.recommendations().next().unwrap();
    assert_eq!(
        recommendation
            .amount
            .as_ref()
            .unwrap()
            .amount
            .unwrap()
            .to_string(),
        "49.99"
    );
    assert_eq!(
        recommendation.op_codes.as_deref(),
        Some(&["AIR".to_owned()][..])
    );
}

#[test]
fn loosely_typed_values() {
    let mpi = mpi("mpi.wire.json");
    assert_eq!(mpi.kind.as_ref().unwrap().kind(), MpiTypeKind::FullMpi);
    assert_eq!(mpi.status.as_deref(), Some("Working - MPI & Diag."));
    let attachment = &mpi.attachments.as_ref().unwrap()[0];
    assert_eq!(attachment.has_audio, Some(false));
    assert!(
        serde_json::to_string(attachment)
            .unwrap()
            .contains(r#""hasAudio":"false""#)
    );
    let field = &mpi.checks().next().unwrap().field_list.as_ref().unwrap()[0];
    assert_eq!(field.sort_order.unwrap().get(), 1);
    assert!(field.sort_order.unwrap().is_quoted());
}

#[test]
fn approval_states_the_docs_list_and_others() {
    for (wire, kind) in [
        ("APPROVED", ApprovalStateKind::Approved),
        ("DECLINED", ApprovalStateKind::Declined),
        ("NONE", ApprovalStateKind::NoDecision),
        ("MORE INFO REQUESTED", ApprovalStateKind::MoreInfoRequested),
        ("DEFERRED", ApprovalStateKind::Other),
    ] {
        let event = decode_mpi_payload(|body| {
            body.replace(
                r#""approvalState": null"#,
                &format!(r#""approvalState": "{wire}""#),
            )
        })
        .unwrap();
        let Payload::Mpi(mpi) = event.payload() else {
            panic!()
        };
        let state = mpi
            .recommendations()
            .next()
            .unwrap()
            .approval_state
            .clone()
            .unwrap();
        assert_eq!((state.kind(), state.as_str()), (kind, wire));
    }
}

#[test]
fn a_bad_value_deep_in_the_inspection_is_named_by_its_path() {
    let error =
        decode_mpi_payload(|body| body.replacen(r#""amount": 49.99"#, r#""amount": "49,99""#, 2))
            .unwrap_err();
    assert_eq!(
        error.path(),
        "payload.mpiSections[0].checks[0].originalTotal.amount"
    );
    let error = decode_mpi_payload(|body| {
        body.replace(
            r#""createdOn": 1778659067.694"#,
            r#""createdOn": "yesterday""#,
        )
    })
    .unwrap_err();
    assert_eq!(error.path(), "payload.mpiKpi.createdOn");
    let error =
        decode_mpi_payload(|body| body.replace(r#""hasAudio": "false""#, r#""hasAudio": "maybe""#))
            .unwrap_err();
    assert_eq!(error.path(), "payload.attachments[0].hasAudio");
}
