//! Service-order events, as the older myKaarma webhook page shows them.

mod common;

use aftersales_webhooks::from_slice;
use aftersales_webhooks::mykaarma::service_order::{Order, OrderTypeKind};
use aftersales_webhooks::mykaarma::{Envelope, OrderStatusKind, PayTypeKind, Payload};
use aftersales_webhooks::wire::{Blankable, Present};

fn order() -> (Envelope, Order) {
    let event: Envelope =
        from_slice(&common::fixture("mykaarma/service-order-legacy.wire.json")).unwrap();
    let Payload::ServiceOrder(payload) = event.payload() else {
        panic!()
    };
    let order = payload.order.clone().unwrap();
    (event, order)
}

#[test]
fn header_money_is_exact_and_written_back_as_strings() {
    let (event, order) = order();
    let header = order.header.as_ref().unwrap();
    assert_eq!(header.labor_sale.present().unwrap().to_string(), "82.00");
    assert_eq!(header.sold_hours.present().unwrap().to_string(), "1.10");
    assert_eq!(
        header.customer_pay_state_tax.present().unwrap().to_string(),
        "1.84"
    );
    let encoded = serde_json::to_string(&event).unwrap();
    for wire in [
        r#"\"laborSale\":\"82.00\""#,
        r#"\"soldHours\":\"1.10\""#,
        r#"\"lubeSale\":\"\""#,
    ] {
        assert!(encoded.contains(wire), "{wire}");
    }
}

#[test]
fn blank_strings_null_and_values_stay_apart() {
    let (_, order) = order();
    let header = order.header.unwrap();
    assert_eq!(header.lube_sale, Some(Blankable::Blank));
    assert_eq!(header.lube_sale.present(), None);
    assert_eq!(header.delivery_amount, None);
    assert_eq!(header.void_date, Some(Blankable::Blank));
    assert_eq!(header.close_time, Some(Blankable::Blank));
    assert_eq!(
        header.close_date.present().unwrap().to_string(),
        "2024-11-12"
    );
    assert_eq!(header.waiter, Some(Blankable::Value(false)));
    assert_eq!(header.rental, Some(Blankable::Blank));
    assert_eq!(header.mileage_in.present(), Some(&75_000));
}

#[test]
fn statuses_and_pay_types() {
    let (_, order) = order();
    assert_eq!(
        order.kind.as_ref().unwrap().kind(),
        OrderTypeKind::RepairOrder
    );
    let header = order.header.as_ref().unwrap();
    assert_eq!(
        header.status.as_ref().unwrap().kind(),
        OrderStatusKind::Open
    );
    let pay_types = header.pay_types.as_ref().unwrap();
    assert_eq!(pay_types.as_str(), "C--");
    assert!(pay_types.includes(PayTypeKind::Customer));
    assert!(
        !pay_types.includes(PayTypeKind::Warranty) && !pay_types.includes(PayTypeKind::Internal)
    );
}

#[test]
fn jobs_with_tech_hours_gog_lines_and_complaints() {
    let (_, order) = order();
    let jobs = order.jobs.unwrap();
    assert_eq!(jobs.len(), 3);
    let job = &jobs[0];
    assert_eq!(job.job_total.present().unwrap().to_string(), "33");
    assert_eq!(
        job.labor_type.as_ref().unwrap().kind(),
        PayTypeKind::Customer
    );
    assert_eq!(job.add_on_line, Some(Blankable::Value(false)));
    assert_eq!(job.parts_flag, Some(Blankable::Value(true)));
    assert_eq!(job.come_back_flag, Some(Blankable::Value(false)));
    assert_eq!(
        job.dispatch_estimated_duration
            .present()
            .unwrap()
            .to_string(),
        "0.5"
    );
    let hours = &job.tech_hours.as_ref().unwrap()[0];
    assert_eq!(hours.labor_cost.present().unwrap().to_string(), "4.00");
    assert_eq!(hours.other_hours, Some(Blankable::Blank));
    let gog = &job.gog.as_ref().unwrap()[0];
    assert_eq!(
        (gog.quantity, gog.sale_total),
        (Some(Blankable::Blank), Some(Blankable::Blank))
    );
    assert_eq!(job.ccc.as_ref().unwrap().cause.as_deref(), Some("L.O.F."));
    assert_eq!(job.estimates.as_ref().unwrap().labor_estimate, None);
}

#[test]
fn a_bad_amount_is_named_by_its_path() {
    let body = String::from_utf8(common::fixture("mykaarma/service-order-legacy.json")).unwrap();
    let bad = body.replacen(r#""laborSale": "13.00""#, r#""laborSale": "13.OO""#, 1);
    let error = from_slice::<Envelope>(bad.as_bytes()).unwrap_err();
    assert_eq!(error.path(), "payload.order.jobs[0].laborSale");
    assert!(error.message().contains("\"13.OO\""), "{error}");
}
