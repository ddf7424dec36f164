//! Line and document totals of invoices and cost proposals, against the documented examples.
//!
//! The reference defines no totals: its `InvoiceDetail` table describes no field, and a cost
//! proposal line's `priceNet` is only "Price". These tests pin what the examples show: where
//! the formulas agree with them and where the examples disagree with each other.

mod common;

use aftersales_webhooks::from_slice;
use aftersales_webhooks::service_order_hub::{
    CostProposal, CostProposalDetail, Invoice, InvoiceDetail, LinkedInvoice,
};
use rust_decimal::Decimal;

fn fixture<T: serde::de::DeserializeOwned>(name: &str) -> T {
    from_slice(&common::fixture(&format!("service_order_hub/{name}"))).unwrap()
}

fn dec(text: &str) -> Decimal {
    text.parse().unwrap()
}

fn line(json: &str) -> InvoiceDetail {
    from_slice(json.as_bytes()).unwrap()
}

fn proposal_line(json: &str) -> CostProposalDetail {
    from_slice(json.as_bytes()).unwrap()
}

fn invoice_with(lines: &[&str]) -> Invoice {
    let mut invoice = Invoice::default();
    invoice.details = Some(lines.iter().map(|json| line(json)).collect());
    invoice
}

/// Every invoice of the documented examples, the credit notes' linked invoice included.
fn documented_invoices() -> Vec<(String, Invoice)> {
    let mut invoices = Vec::new();
    for name in [
        "invoice.json",
        "invoice-api.json",
        "credit-note.json",
        "credit-note-linked-invoice.json",
    ] {
        let invoice: Invoice = fixture(name);
        if let Some(LinkedInvoice::Invoice(linked)) = &invoice.linked_invoice {
            invoices.push((format!("{name} linkedInvoice"), (**linked).clone()));
        }
        invoices.push((name.to_owned(), invoice));
    }
    invoices
}

#[test]
fn the_invoice_webhook_example_lines_add_up_to_its_price_net() {
    let invoice: Invoice = fixture("invoice.json");
    let price_net = invoice.price_net.unwrap().get();
    assert_eq!(price_net, dec("1080"));
    assert_eq!(invoice.details_total_excl_vat(), Some(price_net));
    assert_eq!(invoice.details_total_incl_vat(), Some(dec("1350")));
    assert_eq!(
        invoice.details_total_incl_vat().unwrap().to_string(),
        "1350.0",
        "the places of 812.5 and 412.5 kept"
    );
}

#[test]
fn the_credit_note_examples_carry_the_same_lines_and_total() {
    for name in ["credit-note.json", "credit-note-linked-invoice.json"] {
        let note: Invoice = fixture(name);
        assert_eq!(note.details_total_excl_vat(), Some(dec("1080")), "{name}");
        assert_eq!(note.price_net.unwrap().get(), dec("1080"), "{name}");
    }
}

#[test]
fn the_invoice_api_example_price_net_is_not_its_lines_total() {
    // The Invoices page's examples: one line of 1000 (1200 with VAT), `priceNet` 10000. The
    // docs' examples disagree here with the webhook's, where `priceNet` is the lines' total.
    let invoice: Invoice = fixture("invoice-api.json");
    assert_eq!(invoice.details_total_excl_vat(), Some(dec("1000")));
    assert_eq!(invoice.details_total_incl_vat(), Some(dec("1200")));
    assert_eq!(invoice.price_net.unwrap().get(), dec("10000"));
}

#[test]
fn every_documented_line_total_is_count_times_price() {
    for (name, invoice) in documented_invoices() {
        for line in invoice.details.as_deref().unwrap() {
            assert_eq!(line.count, Some(1), "{name}: every documented count is 1");
            assert_eq!(
                line.computed_total_excl_vat(),
                line.total_amount_excl_vat,
                "{name}"
            );
            assert_eq!(
                line.computed_total_incl_vat(),
                line.total_amount_incl_vat,
                "{name}"
            );
        }
    }
}

#[test]
fn every_documented_vat_amount_is_price_times_rate() {
    for (name, invoice) in documented_invoices() {
        for line in invoice.details.as_deref().unwrap() {
            let excl = line.price_excl_vat.unwrap();
            let vat = line.vat_amount.unwrap();
            assert_eq!(excl * line.vat_rate.unwrap(), vat, "{name}");
            assert_eq!(excl + vat, line.price_incl_vat.unwrap(), "{name}");
        }
    }
}

#[test]
fn the_cost_proposal_examples_with_quantity_one_add_up_to_their_price_net() {
    let webhook: CostProposal = fixture("cost-proposal.json");
    assert_eq!(webhook.details_total_net(), Some(dec("280")));
    assert_eq!(webhook.price_net.unwrap().get(), dec("280"));

    let v1: CostProposal = fixture("cost-proposal-v1.json");
    assert_eq!(
        v1.details_total_net(),
        Some(dec("600")),
        "500 × 1 + 100 × 1"
    );
    assert_eq!(v1.price_net.unwrap().get(), dec("600.00"));
    assert_eq!(
        v1.details_total_net().unwrap().to_string(),
        "600",
        "the lines' places, not those of the proposal's \"600.00\""
    );
}

#[test]
fn the_v3_get_example_charges_a_line_of_quantity_zero() {
    // priceNet 100 on a line of quantity 0, in a proposal of priceNet 100: read as a unit
    // price, the line totals 0; read as the line's amount, the lines add up to the proposal.
    let proposal: CostProposal = fixture("cost-proposal-v3-api.json");
    assert_eq!(proposal.details_total_net(), Some(Decimal::ZERO));
    let prices: Decimal = proposal
        .details
        .as_deref()
        .unwrap()
        .iter()
        .map(|line| line.price_net.unwrap().get())
        .sum();
    assert_eq!(prices, proposal.price_net.unwrap().get());
}

#[test]
fn a_proposal_without_lines_has_no_total() {
    let proposal: CostProposal = fixture("cost-proposal-v1-number-external-id.json");
    assert_eq!(
        proposal.details, None,
        "the example sends \"details\": null"
    );
    assert_eq!(proposal.details_total_net(), None);
    let mut none = CostProposal::default();
    none.details = Some(vec![]);
    assert_eq!(none.details_total_net(), Some(Decimal::ZERO));
}

#[test]
fn totals_are_exact_and_keep_their_decimal_places() {
    let total = |json: &str| line(json).computed_total_excl_vat().unwrap().to_string();
    assert_eq!(total(r#"{"count":3,"priceExclVat":19.90}"#), "59.70");
    assert_eq!(total(r#"{"count":0,"priceExclVat":19.90}"#), "0.00");
    assert_eq!(total(r#"{"count":-1,"priceExclVat":19.90}"#), "-19.90");

    let net = |json: &str| {
        proposal_line(json)
            .computed_total_net()
            .unwrap()
            .to_string()
    };
    assert_eq!(net(r#"{"priceNet":12.50,"quantity":1.5}"#), "18.750");
    assert_eq!(net(r#"{"priceNet":"600.00","quantity":"2"}"#), "1200.00");
    assert_eq!(net(r#"{"priceNet":100.00,"quantity":0}"#), "0.00");

    let sum = |lines: &[&str]| {
        invoice_with(lines)
            .details_total_excl_vat()
            .unwrap()
            .to_string()
    };
    assert_eq!(
        sum(&[
            r#"{"totalAmountExclVat":0.10}"#,
            r#"{"totalAmountExclVat":0.20}"#
        ]),
        "0.30"
    );
    assert_eq!(
        sum(&[
            r#"{"totalAmountExclVat":0.00}"#,
            r#"{"totalAmountExclVat":5}"#
        ]),
        "5.00"
    );
    assert_eq!(sum(&[]), "0");
}

#[test]
fn totals_are_none_when_a_value_is_missing() {
    assert_eq!(
        line(r#"{"priceExclVat":10}"#).computed_total_excl_vat(),
        None
    );
    assert_eq!(line(r#"{"count":1}"#).computed_total_excl_vat(), None);
    assert_eq!(line(r#"{"count":1}"#).computed_total_incl_vat(), None);
    assert_eq!(
        proposal_line(r#"{"priceNet":10}"#).computed_total_net(),
        None
    );
    assert_eq!(
        proposal_line(r#"{"quantity":1}"#).computed_total_net(),
        None
    );

    assert_eq!(Invoice::default().details_total_excl_vat(), None);
    assert_eq!(Invoice::default().details_total_incl_vat(), None);
    let one_missing = invoice_with(&[r#"{"totalAmountExclVat":1}"#, r#"{"count":1}"#]);
    assert_eq!(one_missing.details_total_excl_vat(), None);

    let mut proposal = CostProposal::default();
    proposal.details = Some(vec![
        proposal_line(r#"{"priceNet":1,"quantity":1}"#),
        proposal_line(r#"{"priceNet":1}"#),
    ]);
    assert_eq!(proposal.details_total_net(), None);
}

#[test]
fn totals_are_none_rather_than_overflowed_or_rounded() {
    let max = Decimal::MAX.to_string();
    let overflow = line(&format!(r#"{{"count":2,"priceExclVat":{max}}}"#));
    assert_eq!(overflow.computed_total_excl_vat(), None);
    let sum = invoice_with(&[
        &format!(r#"{{"totalAmountExclVat":{max}}}"#),
        r#"{"totalAmountExclVat":1}"#,
    ]);
    assert_eq!(sum.details_total_excl_vat(), None);

    // 11 × 7.922816251426433759354395033 has 29 significant digits: `rust_decimal` would
    // round it to 28.
    let rounded = line(r#"{"count":11,"priceExclVat":7.922816251426433759354395033}"#);
    assert_eq!(rounded.computed_total_excl_vat(), None);
    let rounded = proposal_line(r#"{"priceNet":7.922816251426433759354395033,"quantity":11}"#);
    assert_eq!(rounded.computed_total_net(), None);
    // 0.5 + 7922816251426433759354395034 would be rounded to an integer.
    let sum = invoice_with(&[
        r#"{"totalAmountExclVat":0.5}"#,
        r#"{"totalAmountExclVat":7922816251426433759354395034}"#,
    ]);
    assert_eq!(sum.details_total_excl_vat(), None);
}
