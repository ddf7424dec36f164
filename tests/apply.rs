//! Applying the "case updated" patch to a stored case, as the Webhooks page defines the patch:
//! a key sent with a value sets it, a key sent as `null` removes it, an absent key leaves it,
//! and an array is one value, replaced whole.

mod common;

use aftersales_webhooks::from_slice;
use aftersales_webhooks::service_order_hub::{Case, CaseUpdated, Contact, Invoice};
use aftersales_webhooks::wire::{Patch, RawJson};

/// The case of the Webhooks page's "Invoice created/updated" example, as an integrator who
/// received that invoice stored it.
fn invoice_case() -> Case {
    let invoice: Invoice = from_slice(&common::fixture("service_order_hub/invoice.json")).unwrap();
    *invoice.case.unwrap()
}

/// The Webhooks page's "Case updated" example.
fn documented_update() -> CaseUpdated {
    from_slice(&common::fixture("service_order_hub/case-updated.json")).unwrap()
}

/// The documented update, addressed to `case`: the two examples are about different cases.
fn documented_update_for(case: &Case) -> CaseUpdated {
    let mut update = documented_update();
    update.guid.clone_from(&case.guid);
    update
}

fn update(json: &str) -> CaseUpdated {
    from_slice(json.as_bytes()).unwrap()
}

fn case(json: &str) -> Case {
    from_slice(json.as_bytes()).unwrap()
}

fn raw(json: &str) -> RawJson {
    RawJson::from_string(json.to_owned()).unwrap()
}

#[test]
fn the_documented_update_is_refused_for_another_case() {
    let mut case = invoice_case();
    let error = documented_update().apply_to(&mut case).unwrap_err();
    assert_eq!(
        error.to_string(),
        "the case-updated patch is for case 989d0f73-f87a-4dfe-98eb-554a44233cef, \
         not for case 68ea1505-a44f-4434-be5a-dcc959be250e"
    );
    assert_eq!(case, invoice_case(), "nothing applied");
}

#[test]
fn the_documented_update_changes_what_it_sends_and_nothing_else() {
    let mut case = invoice_case();
    let update = documented_update_for(&case);
    update.apply_to(&mut case).unwrap();

    // Changed: orderData.refNo "10-1862", productData.model "TESTTEST"; set where there was
    // nothing: productData.accessory; created from nothing: consumer and sender (`null` in
    // the invoice's case).
    let order = case.order_data.as_ref().unwrap();
    assert_eq!(order.ref_no.as_deref(), Some("REF"));
    let product = case.product_data.as_ref().unwrap();
    assert_eq!(product.model.as_deref(), Some("Tesla Cybertruck"));
    assert_eq!(product.accessory, Some(vec!["1180".to_owned()]));
    let consumer = case.consumer.as_ref().unwrap();
    assert_eq!(
        (
            consumer.first_name.as_deref(),
            consumer.last_name.as_deref()
        ),
        (Some("Elon"), Some("Musk"))
    );
    assert_eq!(
        case.sender.as_ref().unwrap().address.as_deref(),
        Some("Somestreet, 123")
    );

    // Unchanged: the fields the update does not send.
    assert_eq!(order.activity_number.as_deref(), Some("6378304"));
    assert_eq!(order.client_postal_code.as_deref(), Some("4370"));
    assert_eq!(order.files.as_ref().map(Vec::len), Some(1));
    assert_eq!(order.integrations_finished, Some(true));
    assert_eq!(product.serial.as_deref(), Some("5557779900"));
    assert_eq!(
        product.problem_text.as_deref(),
        Some("Please FIX ASAP. Broken pixels. TEST")
    );
    assert_eq!(
        product.other_accessory.as_deref(),
        Some("Power cable, TV stand.")
    );
    assert!(case.customer.is_none() && case.receiver.is_none());
    assert!(case.pickup_dst.is_none() && case.return_dst.is_none());
    assert_eq!(case.current_status.as_deref(), Some("estsent"));

    // The whole case: exactly those changes, and the new objects hold only what was sent.
    let mut expected = invoice_case();
    let order = expected.order_data.as_mut().unwrap();
    order.ref_no = Some("REF".to_owned());
    let product = expected.product_data.as_mut().unwrap();
    product.model = Some("Tesla Cybertruck".to_owned());
    product.accessory = Some(vec!["1180".to_owned()]);
    let mut consumer = Contact::default();
    consumer.first_name = Some("Elon".to_owned());
    consumer.last_name = Some("Musk".to_owned());
    expected.consumer = Some(consumer);
    let mut sender = Contact::default();
    sender.address = Some("Somestreet, 123".to_owned());
    expected.sender = Some(sender);
    assert_eq!(case, expected);
}

#[test]
fn the_documented_order_data_serial_null_is_an_unmodelled_key_of_order_data() {
    // The reference's OrderData has no `serial` (ProductData has): the example's
    // `"orderData": {"serial": null}` is kept as an unknown key of the order data, and
    // applying it removes `serial` from the order data's own keys; it does not touch
    // `productData.serial`.
    let update = documented_update();
    let Patch::Value(order) = &update.order_data else {
        panic!("the example patches orderData")
    };
    assert_eq!(order.other["serial"].get(), "null");

    let mut case = invoice_case();
    case.order_data
        .as_mut()
        .unwrap()
        .other
        .insert("serial".to_owned(), raw(r#""S1""#));
    documented_update_for(&case).apply_to(&mut case).unwrap();
    assert!(
        !case
            .order_data
            .as_ref()
            .unwrap()
            .other
            .contains_key("serial")
    );
    assert_eq!(
        case.product_data.as_ref().unwrap().serial.as_deref(),
        Some("5557779900")
    );

    let mut untouched = invoice_case();
    documented_update_for(&untouched)
        .apply_to(&mut untouched)
        .unwrap();
    assert!(
        untouched.order_data.unwrap().other.is_empty(),
        "removing a key that is not there is nothing"
    );
}

#[test]
fn a_key_sent_as_null_removes_it_and_an_object_sent_as_null_removes_the_object() {
    let mut case = invoice_case();
    update(
        r#"{"guid":"68ea1505-a44f-4434-be5a-dcc959be250e",
            "orderData":null,
            "productData":{"serial":null,"otherAccessory":null}}"#,
    )
    .apply_to(&mut case)
    .unwrap();
    assert_eq!(case.order_data, None);
    let product = case.product_data.unwrap();
    assert_eq!((product.serial, product.other_accessory), (None, None));
    assert_eq!(product.model.as_deref(), Some("TESTTEST"), "absent: kept");
}

#[test]
fn an_array_is_one_value_replaced_whole() {
    let mut case = case(
        r#"{"guid":"g","productData":{"accessory":["1099","1107"]},
            "orderData":{"files":[{"name":"1.jpg"},{"name":"2.jpg"}]}}"#,
    );
    update(r#"{"guid":"g","productData":{"accessory":["1180"]},"orderData":{"files":[]}}"#)
        .apply_to(&mut case)
        .unwrap();
    assert_eq!(
        case.product_data.unwrap().accessory,
        Some(vec!["1180".to_owned()])
    );
    assert_eq!(case.order_data.unwrap().files, Some(vec![]));
}

#[test]
fn unmodelled_keys_of_an_object_are_set_and_removed() {
    // `infocareSesamOriginator` and `myVeryCustomData` are the API reference's own examples
    // of keys a partner adds to orderData.
    let mut case = case(
        r#"{"guid":"g","orderData":{"infocareSesamOriginator":"Originator",
            "myVeryCustomData":150},"sender":{"attention":"Reception"}}"#,
    );
    update(
        r#"{"guid":"g","orderData":{"infocareSesamOriginator":"Microsoft",
            "myVeryCustomData":null,"partnerNote":{"a":[1,2]}},
            "sender":{"attention":null,"gate":"B"}}"#,
    )
    .apply_to(&mut case)
    .unwrap();
    let order = case.order_data.unwrap();
    assert_eq!(
        order.other.keys().collect::<Vec<_>>(),
        ["infocareSesamOriginator", "partnerNote"]
    );
    assert_eq!(
        order.other["infocareSesamOriginator"],
        raw(r#""Microsoft""#)
    );
    assert_eq!(order.other["partnerNote"], raw(r#"{"a":[1,2]}"#));
    let sender = case.sender.unwrap();
    assert_eq!(sender.other.keys().collect::<Vec<_>>(), ["gate"]);
}

#[test]
fn every_object_of_the_case_is_created_patched_and_removed() {
    let mut case = Case::default();
    update(
        r#"{"guid":"g",
            "orderData":{"refNo":"R"},
            "productData":{"model":"M"},
            "customer":{"firstName":"Customer"},
            "consumer":{"firstName":"Consumer"},
            "pickupDst":{"firstName":"Pickup"},
            "returnDst":{"firstName":"Return"},
            "sender":{"firstName":"Sender","id":"7"},
            "receiver":{"firstName":"Receiver"}}"#,
    )
    .apply_to(&mut case)
    .unwrap();
    assert_eq!(
        case.order_data.as_ref().unwrap().ref_no.as_deref(),
        Some("R")
    );
    assert_eq!(
        case.product_data.as_ref().unwrap().model.as_deref(),
        Some("M")
    );
    let first_name = |contact: &Option<Contact>| contact.as_ref().unwrap().first_name.clone();
    let contacts = [
        &case.customer,
        &case.consumer,
        &case.pickup_dst,
        &case.return_dst,
        &case.sender,
        &case.receiver,
    ];
    assert_eq!(
        contacts.map(first_name),
        [
            "Customer", "Consumer", "Pickup", "Return", "Sender", "Receiver"
        ]
        .map(|n| Some(n.into()))
    );
    assert_eq!(case.sender.as_ref().unwrap().id, Some(7));
    assert_eq!(
        case.guid, None,
        "the guid names the case; it is not written"
    );

    update(
        r#"{"guid":"g","orderData":null,"productData":null,"customer":null,"consumer":null,
            "pickupDst":null,"returnDst":null,"sender":null,"receiver":null}"#,
    )
    .apply_to(&mut case)
    .unwrap();
    assert_eq!(case, Case::default());
}

#[test]
fn an_empty_object_creates_the_object_and_changes_an_existing_one_in_nothing() {
    let mut case = invoice_case();
    update(r#"{"guid":"68ea1505-a44f-4434-be5a-dcc959be250e","orderData":{},"consumer":{}}"#)
        .apply_to(&mut case)
        .unwrap();
    let mut expected = invoice_case();
    expected.consumer = Some(Contact::default());
    assert_eq!(case, expected);
}

#[test]
fn an_empty_patch_changes_nothing() {
    let mut case = invoice_case();
    CaseUpdated::default().apply_to(&mut case).unwrap();
    assert_eq!(case, invoice_case());

    let mut only_guid = CaseUpdated::default();
    only_guid.guid.clone_from(&case.guid);
    only_guid.apply_to(&mut case).unwrap();
    assert_eq!(case, invoice_case());
}

#[test]
fn applying_a_patch_twice_is_applying_it_once() {
    let mut once = invoice_case();
    let update = documented_update_for(&once);
    update.apply_to(&mut once).unwrap();
    let mut twice = once.clone();
    update.apply_to(&mut twice).unwrap();
    assert_eq!(once, twice);
}

#[test]
fn guids_are_compared_without_regard_to_case_and_a_missing_one_is_not_checked() {
    let mut case = invoice_case();
    let mut update = documented_update_for(&case);
    update.guid = update.guid.map(|guid| guid.to_ascii_uppercase());
    update.apply_to(&mut case).unwrap();
    assert_eq!(case.order_data.unwrap().ref_no.as_deref(), Some("REF"));

    // The API example's invoice embeds `"case": {}`: a stored case without a guid.
    let mut no_guid = Case::default();
    documented_update().apply_to(&mut no_guid).unwrap();
    assert_eq!(
        no_guid.product_data.unwrap().model.as_deref(),
        Some("Tesla Cybertruck")
    );

    let mut case = invoice_case();
    let mut update = documented_update();
    update.guid = None;
    update.apply_to(&mut case).unwrap();
    assert_eq!(case.order_data.unwrap().ref_no.as_deref(), Some("REF"));
}

#[test]
fn unmodelled_top_level_keys_are_left_in_the_patch() {
    // `tags` is an input of /case/update, but as tag ids, where a case holds tag objects:
    // the case has no place for it, so it stays in the patch for the caller to apply.
    let mut case = invoice_case();
    let update =
        update(r#"{"guid":"68ea1505-a44f-4434-be5a-dcc959be250e","orderData":{},"tags":[4,5]}"#);
    update.apply_to(&mut case).unwrap();
    assert_eq!(case, invoice_case());
    assert_eq!(update.other["tags"], raw("[4,5]"));
}
