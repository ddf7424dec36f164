//! Service Order Hub webhooks, as the Webhooks page and the API reference describe them.

mod common;

use aftersales_webhooks::from_slice;
use aftersales_webhooks::service_order_hub::{
    CaseUpdated, Contact, CostProposal, CostProposalNameKind, ExternalId, FileTypeKind,
    FilesUploaded, Invoice, InvoiceTypeKind, LinkedInvoice, Message, MessageTypeKind, ReactionKind,
    SenderTypeKind, Status, Webhook, WebhookKind,
};
use aftersales_webhooks::wire::{DateTimeText, Patch};

fn fixture<T: serde::de::DeserializeOwned>(name: &str) -> T {
    from_slice(&common::fixture(&format!("service_order_hub/{name}"))).unwrap()
}

#[test]
fn case_updated_keeps_absent_null_and_value_apart_when_decoding() {
    let body = br#"{"guid":"989d","orderData":{"refNo":"REF","chain":null},"productData":null,
        "consumer":{"firstName":"Elon","email":null}}"#;
    let update: CaseUpdated = from_slice(body).unwrap();
    let Patch::Value(order) = &update.order_data else {
        panic!()
    };
    assert_eq!(order.ref_no, Patch::Value("REF".to_owned()));
    assert_eq!(order.chain, Patch::Null);
    assert_eq!(order.mail, Patch::Absent);
    assert!(update.product_data.is_removed());
    assert!(update.customer.is_absent());
    let Patch::Value(consumer) = &update.consumer else {
        panic!()
    };
    assert!(
        consumer.email.is_removed()
            && consumer.first_name.value().is_some()
            && consumer.phone.is_absent()
    );
}

#[test]
fn case_updated_keeps_absent_null_and_value_apart_when_encoding() {
    let body = r#"{"guid":"989d","orderData":{"refNo":"REF","chain":null},"productData":null}"#;
    let update: CaseUpdated = from_slice(body.as_bytes()).unwrap();
    let encoded = serde_json::to_string(&update).unwrap();
    let value: serde_json::Value = serde_json::from_str(&encoded).unwrap();
    let expected: serde_json::Value = serde_json::from_str(body).unwrap();
    assert_eq!(
        value, expected,
        "null written as null, absent keys not written: {encoded}"
    );
    assert!(value["orderData"]["chain"].is_null() && value["productData"].is_null());
    assert!(value["orderData"].get("mail").is_none() && value.get("customer").is_none());
}

#[test]
fn unknown_keys_inside_a_patch_are_kept_with_their_nulls() {
    let body =
        r#"{"guid":"g","orderData":{"serial":null,"myVeryCustomData":150},"newTopLevel":{"x":1}}"#;
    let update: CaseUpdated = from_slice(body.as_bytes()).unwrap();
    let Patch::Value(order) = &update.order_data else {
        panic!()
    };
    assert_eq!(order.other["serial"].get(), "null");
    assert_eq!(order.other["myVeryCustomData"].get(), "150");
    assert_eq!(update.other["newTopLevel"].get(), r#"{"x":1}"#);
    assert!(common::json_diff(body, &serde_json::to_string(&update).unwrap()).is_empty());
}

#[test]
fn a_patch_applies_to_current_values() {
    let update: CaseUpdated = fixture("case-updated.json");
    let Patch::Value(product) = update.product_data else {
        panic!()
    };
    let mut model = Some("Old model".to_owned());
    let mut serial = Some("5557779900".to_owned());
    product.model.apply(&mut model);
    product.serial.apply(&mut serial);
    assert_eq!(model.as_deref(), Some("Tesla Cybertruck"));
    assert_eq!(
        serial.as_deref(),
        Some("5557779900"),
        "absent leaves the value"
    );
    assert_eq!(
        product.accessory,
        Patch::Value(vec!["1180".to_owned()]),
        "an array is one value"
    );
}

#[test]
fn a_key_twice_in_a_patch_is_refused() {
    let error = from_slice::<CaseUpdated>(br#"{"guid":"g","orderData":{"refNo":"A","refNo":"B"}}"#)
        .unwrap_err();
    assert_eq!(
        error.path(),
        "orderData",
        "the object that holds the duplicate, as serde's derive reports it"
    );
    assert!(
        error.message().contains("duplicate field `refNo`"),
        "{error}"
    );
}

#[test]
fn cost_proposals_in_every_documented_shape() {
    let v3: CostProposal = fixture("cost-proposal.json");
    assert_eq!(
        v3.name.as_ref().unwrap().kind(),
        CostProposalNameKind::ReturnUnrepaired
    );
    assert_eq!(
        (
            v3.price_net.unwrap().to_string(),
            v3.price_net.unwrap().is_quoted()
        ),
        ("280".to_owned(), false)
    );
    assert_eq!(v3.external_id, None);
    assert_eq!(v3.reaction, None);
    assert_eq!(v3.currency.as_ref().unwrap().as_str(), "SEK");
    assert!(v3.currency.as_ref().unwrap().is_iso_4217());

    let v1: CostProposal = fixture("cost-proposal-v1.json");
    let price = v1.price_net.unwrap();
    assert_eq!(
        (price.to_string(), price.scale(), price.is_quoted()),
        ("600.00".to_owned(), 2, true)
    );
    assert_eq!(
        v1.external_id,
        Some(ExternalId::List(vec!["123456".into(), "test".into()]))
    );
    assert_eq!(
        v1.name.as_ref().unwrap().kind(),
        CostProposalNameKind::Repair
    );
    assert!(
        serde_json::to_string(&v1)
            .unwrap()
            .contains(r#""priceNet":"600.00""#)
    );

    let numbered: CostProposal = fixture("cost-proposal-v1-number-external-id.json");
    assert_eq!(numbered.external_id, Some(ExternalId::Number(213_214)));
    assert_eq!(numbered.price_net.unwrap().to_string(), "1860.50");
    assert!(matches!(
        numbered.date_accepted,
        Some(DateTimeText::Instant(_))
    ));

    let api: CostProposal = fixture("cost-proposal-v3-api.json");
    assert_eq!(
        api.reaction.as_ref().unwrap().kind(),
        ReactionKind::Approved
    );
    let Some(DateTimeText::Local(reacted)) = api.reaction_date else {
        panic!()
    };
    assert_eq!(reacted.to_string(), "2019-03-28 00:00:00");
    assert!(
        serde_json::to_string(&api)
            .unwrap()
            .contains(r#""reactionDate":"2019-03-28 00:00:00.000""#)
    );
    let string_id: CostProposal =
        from_slice(br#"{"externalId":"X-1","serviceProviderId":1}"#).unwrap();
    assert_eq!(string_id.external_id, Some(ExternalId::Text("X-1".into())));
}

#[test]
fn new_and_confirmed_messages_share_a_body() {
    let new = Webhook::decode(
        WebhookKind::NewMessage,
        &common::fixture("service_order_hub/new-message.json"),
    )
    .unwrap();
    let confirmed = Webhook::decode(
        WebhookKind::MessageConfirmed,
        &common::fixture("service_order_hub/message-confirmed.json"),
    )
    .unwrap();
    let (Webhook::NewMessage(a), Webhook::MessageConfirmed(b)) = (&new, &confirmed) else {
        panic!()
    };
    assert_eq!(a, b);
    assert_eq!(
        a.message_type().unwrap().kind(),
        MessageTypeKind::ServiceComment
    );
    assert_eq!(
        a.sender_type.as_ref().unwrap().kind(),
        SenderTypeKind::Provider
    );
    assert_eq!(a.external_id, Some(ExternalId::Text("42".into())));
    assert_eq!(
        new.case_guid(),
        Some("f5afa004-f48c-4380-9f9b-cc9afa0dd7de")
    );
}

#[test]
fn the_older_message_type_key_is_accepted_and_kept() {
    let old: Message = fixture("message-v2.json");
    assert_eq!(old.kind, None);
    assert_eq!(
        old.message_type().unwrap().kind(),
        MessageTypeKind::ServiceComment
    );
    assert!(
        serde_json::to_string(&old)
            .unwrap()
            .contains(r#""messageType":"serviceComment""#)
    );
    let null_sender: Message =
        from_slice(br#"{"senderType":null,"type":"newKindOfMessage","content":"Hi"}"#).unwrap();
    assert_eq!(null_sender.sender_type, None);
    assert_eq!(
        null_sender.message_type().unwrap().kind(),
        MessageTypeKind::Other
    );
}

#[test]
fn file_types_documented_and_not() {
    let files: FilesUploaded = fixture("files-uploaded.json");
    assert_eq!(
        files.files.as_ref().unwrap()[0]
            .kind
            .as_ref()
            .unwrap()
            .kind(),
        FileTypeKind::OtherDocument
    );
    let body = br#"{"guid":"g","files":[{"url":"u","name":"n","type":"proofOfPurchase"},{"url":"u","name":"n","type":"xray"}]}"#;
    let files: FilesUploaded = from_slice(body).unwrap();
    let kinds: Vec<_> = files
        .files
        .unwrap()
        .iter()
        .map(|f| f.kind.clone().unwrap())
        .collect();
    assert_eq!(
        (kinds[0].kind(), kinds[1].kind(), kinds[1].as_str()),
        (FileTypeKind::ProofOfPurchase, FileTypeKind::Other, "xray")
    );
}

#[test]
fn invoices_and_credit_notes() {
    let invoice: Invoice = fixture("invoice.json");
    assert_eq!(
        invoice.kind.as_ref().unwrap().kind(),
        InvoiceTypeKind::Invoice
    );
    let line = &invoice.details.as_ref().unwrap()[0];
    assert_eq!(
        (
            line.vat_rate.unwrap().to_string(),
            line.vat_amount.unwrap().to_string()
        ),
        ("0.25".into(), "162.5".into())
    );
    let total: rust_decimal::Decimal = invoice
        .details
        .iter()
        .flatten()
        .filter_map(|d| d.total_amount_excl_vat)
        .sum();
    assert_eq!(total, invoice.price_net.unwrap().get());
    assert_eq!(
        invoice.custom_data.as_ref().unwrap()["sesamDb"].get(),
        r#""Sesam16""#
    );
    let case = invoice.case.as_ref().unwrap();
    assert!(
        case.order_data
            .as_ref()
            .unwrap()
            .consents
            .as_ref()
            .unwrap()
            .gives("ConsentRepair")
    );
    assert_eq!(
        case.service_provider.as_ref().unwrap().name.as_deref(),
        Some("Service Provider Name")
    );

    let by_id: Invoice = fixture("credit-note.json");
    assert_eq!(
        by_id.kind.as_ref().unwrap().kind(),
        InvoiceTypeKind::CreditNote
    );
    assert_eq!(
        by_id.linked_invoice,
        Some(LinkedInvoice::Reference("100005".into()))
    );
    let by_invoice: Invoice = fixture("credit-note-linked-invoice.json");
    let Some(LinkedInvoice::Invoice(linked)) = &by_invoice.linked_invoice else {
        panic!()
    };
    assert_eq!(linked.id, Some(60));
}

#[test]
fn the_decoder_takes_the_kind_as_a_value() {
    for &kind in WebhookKind::ALL {
        assert_eq!(kind.name().parse::<WebhookKind>().unwrap(), kind);
        assert_eq!(kind.to_string(), kind.name());
    }
    assert!(
        "status"
            .parse::<WebhookKind>()
            .unwrap_err()
            .to_string()
            .contains("new-status")
    );
    let body = common::fixture("service_order_hub/status-transition-with-case.json");
    let webhook = Webhook::decode(WebhookKind::StatusTransition, &body).unwrap();
    let Webhook::StatusTransition(transition) = &webhook else {
        panic!()
    };
    assert_eq!(
        (transition.prev_key.as_deref(), transition.key.as_deref()),
        (Some("arrived"), Some("final"))
    );
    assert_eq!(
        transition.case.as_ref().unwrap().current_status.as_deref(),
        Some("estsent")
    );
    assert_eq!(webhook.kind(), WebhookKind::StatusTransition);
}

#[test]
fn bad_input_is_named_by_its_path() {
    let status = String::from_utf8(common::fixture("service_order_hub/new-status.json")).unwrap();
    let bad = status.replace(
        r#""createdAt": "2019-01-22T11:29:38.258Z""#,
        r#""createdAt": "22.01.2019 11:29""#,
    );
    let error = Webhook::decode(WebhookKind::NewStatus, bad.as_bytes()).unwrap_err();
    assert_eq!(error.path(), "createdAt");
    assert!(
        error.message().contains("RFC 3339") && error.message().contains("22.01.2019"),
        "{error}"
    );
    let no_zone = status.replace("2019-01-22T11:29:38.258Z", "2019-01-22T11:29:38.258");
    assert_eq!(
        Webhook::decode(WebhookKind::NewStatus, no_zone.as_bytes())
            .unwrap_err()
            .path(),
        "createdAt"
    );

    let proposal =
        String::from_utf8(common::fixture("service_order_hub/cost-proposal.json")).unwrap();
    let start = proposal.find(r#""details": ["#).unwrap();
    let end = start + proposal[start..].find(']').unwrap() + 1;
    let bad = format!(
        "{}\"details\": {{\"line\": 1}}{}",
        &proposal[..start],
        &proposal[end..]
    );
    let error = Webhook::decode(WebhookKind::CostProposal, bad.as_bytes()).unwrap_err();
    assert_eq!(error.path(), "details");
    assert!(error.message().contains("expected a sequence"), "{error}");

    let invoice = String::from_utf8(common::fixture("service_order_hub/invoice.json")).unwrap();
    let bad = invoice.replace(r#""vatRate": 0.25"#, r#""vatRate": "25%""#);
    assert_eq!(
        from_slice::<Invoice>(bad.as_bytes()).unwrap_err().path(),
        "details[0].vatRate"
    );
    let bad = invoice.replace(
        r#""createdAt": "2023-01-10T10:22:14.558Z""#,
        r#""createdAt": 1673346134558"#,
    );
    assert_eq!(
        from_slice::<Invoice>(bad.as_bytes()).unwrap_err().path(),
        "case.createdAt"
    );
}

#[test]
fn times_are_written_back_with_milliseconds() {
    let status: aftersales_webhooks::service_order_hub::NewStatus = fixture("new-status.json");
    let encoded = serde_json::to_string(&status).unwrap();
    assert!(
        encoded.contains(r#""declaredAt":"2019-01-22T11:27:34.233Z""#),
        "{encoded}"
    );
    let offset: aftersales_webhooks::service_order_hub::NewStatus =
        from_slice(br#"{"key":"final","createdAt":"2019-01-22T12:29:38.258+01:00"}"#).unwrap();
    assert_eq!(
        serde_json::to_string(&offset).unwrap(),
        r#"{"key":"final","createdAt":"2019-01-22T11:29:38.258Z"}"#
    );
}

/// The invoice fixture with its case's customer set to `customer` (JSON text).
fn invoice_with_customer(customer: &str) -> String {
    let invoice = String::from_utf8(common::fixture("service_order_hub/invoice.json")).unwrap();
    let edited = invoice.replace(r#""customer": null"#, &format!(r#""customer": {customer}"#));
    assert_ne!(edited, invoice, "the fixture's case has a customer key");
    edited
}

#[test]
fn a_contact_id_reads_a_number_or_a_numeric_string_like_every_other_id() {
    for id in ["7", r#""7""#] {
        let body = invoice_with_customer(&format!(r#"{{"id": {id}, "name": "Ann"}}"#));
        let invoice: Invoice = from_slice(body.as_bytes()).unwrap_or_else(|e| panic!("{id}: {e}"));
        let customer = invoice.case.as_ref().unwrap().customer.as_ref().unwrap();
        assert_eq!(customer.id, Some(7), "{id}");
        assert_eq!(customer.name.as_deref(), Some("Ann"), "{id}");

        // Written back as a number, as the docs give it and as the case's other ids are.
        let encoded = serde_json::to_string(&invoice).unwrap();
        assert!(
            encoded.contains(r#""customer":{"id":7,"name":"Ann"}"#),
            "{id}: {encoded}"
        );
        assert_eq!(from_slice::<Invoice>(encoded.as_bytes()).unwrap(), invoice);
    }

    let body = invoice_with_customer(r#"{"id": null}"#);
    let invoice: Invoice = from_slice(body.as_bytes()).unwrap();
    assert_eq!(invoice.case.unwrap().customer.unwrap().id, None);

    for bad in [r#""7a""#, "7.5", r#""""#] {
        let body = invoice_with_customer(&format!(r#"{{"id": {bad}}}"#));
        let error = from_slice::<Invoice>(body.as_bytes()).unwrap_err();
        assert_eq!(error.path(), "case.customer.id", "{bad}: {error}");
    }
}

#[test]
fn a_contact_id_in_a_patch_keeps_absent_null_and_value_apart() {
    for (customer, expected, written) in [
        (r#"{"id":7}"#, Patch::Value(7), Some("7")),
        (r#"{"id":"7"}"#, Patch::Value(7), Some("7")),
        (r#"{"id":null}"#, Patch::Null, Some("null")),
        (r#"{"name":"Ann"}"#, Patch::Absent, None),
    ] {
        let body = format!(r#"{{"guid":"989d","customer":{customer}}}"#);
        let update: CaseUpdated =
            from_slice(body.as_bytes()).unwrap_or_else(|e| panic!("{customer}: {e}"));
        let Patch::Value(contact) = &update.customer else {
            panic!("{customer}: {update:?}")
        };
        assert_eq!(contact.id, expected, "{customer}");

        let encoded = serde_json::to_string(&update).unwrap();
        let tree: serde_json::Value = serde_json::from_str(&encoded).unwrap();
        assert_eq!(
            tree["customer"]
                .get("id")
                .map(ToString::to_string)
                .as_deref(),
            written,
            "{customer}: {encoded}"
        );
        assert_eq!(
            from_slice::<CaseUpdated>(encoded.as_bytes()).unwrap(),
            update
        );
    }

    let error = from_slice::<CaseUpdated>(br#"{"customer":{"id":"seven"}}"#).unwrap_err();
    assert_eq!(error.path(), "customer.id", "{error}");
}

/// The status transition with its case, with one edit made to its text.
fn transition_with(from: &str, to: &str) -> Result<Status, aftersales_webhooks::Error> {
    let body = String::from_utf8(common::fixture(
        "service_order_hub/status-transition-with-case.json",
    ))
    .unwrap();
    let edited = body.replacen(from, to, 1);
    assert_ne!(edited, body, "the edit changed nothing");
    from_slice(edited.as_bytes())
}

#[test]
fn a_case_read_in_place_keeps_null_and_empty_objects_apart() {
    let case = |status: Status| *status.case.unwrap();
    let stored = case(fixture("status-transition-with-case.json"));
    assert!(stored.order_data.is_some());
    let removed = case(transition_with(r#""orderData":"#, r#""orderData": null, "x":"#).unwrap());
    assert_eq!(removed.order_data, None);
    assert_eq!(stored.consumer, None);
    let empty = case(transition_with(r#""consumer": null"#, r#""consumer": {}"#).unwrap());
    assert_eq!(empty.consumer, Some(Contact::default()));
    let none = transition_with(r#""case": {"#, r#""case": null, "x": {"#).unwrap();
    assert_eq!(none.case, None);
}

#[test]
fn a_key_twice_in_a_case_is_refused() {
    let error = transition_with(r#""case": {"#, r#""case": {"country": "SE","#).unwrap_err();
    assert_eq!(error.path(), "case");
    assert!(
        error.message().contains("duplicate field `country`"),
        "{error}"
    );
}
