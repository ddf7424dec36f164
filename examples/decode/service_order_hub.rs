//! What `decode` shows of a Service Order Hub webhook.

use aftersales_webhooks::service_order_hub::{CaseUpdated, Invoice, Webhook};
use aftersales_webhooks::wire::Patch;

use super::or_dash;

pub fn show(webhook: &Webhook) {
    println!(
        "Service Order Hub {} webhook, case {}",
        webhook.kind(),
        or_dash(webhook.case_guid())
    );
    match webhook {
        Webhook::NewStatus(status) => {
            println!(
                "  status       {} ({})",
                or_dash(status.key.as_deref()),
                or_dash(status.name.as_deref())
            );
            println!("  declared at  {}", or_dash(status.declared_at));
        }
        Webhook::StatusTransition(transition) => {
            println!(
                "  transition   {} -> {} ({})",
                or_dash(transition.prev_key.as_deref()),
                or_dash(transition.key.as_deref()),
                or_dash(transition.name.as_deref())
            );
            println!("  declared at  {}", or_dash(transition.declared_at));
            let status = transition
                .case
                .as_ref()
                .and_then(|case| case.current_status.as_deref());
            println!("  case status  {}", or_dash(status));
        }
        Webhook::CostProposal(proposal) => {
            let currency = proposal
                .currency
                .as_ref()
                .map(aftersales_webhooks::service_order_hub::CurrencyCode::as_str);
            println!(
                "  proposal     {} {} {}",
                or_dash(proposal.name.as_ref()),
                or_dash(proposal.price_net.map(|p| p.get())),
                or_dash(currency)
            );
            println!("  reaction     {}", or_dash(proposal.reaction.as_ref()));
            for line in proposal.details.iter().flatten() {
                println!(
                    "    - {} [{}] {} x {}",
                    or_dash(line.text.as_deref()),
                    or_dash(line.kind.as_ref()),
                    or_dash(line.quantity.map(|q| q.get())),
                    or_dash(line.price_net.map(|p| p.get()))
                );
            }
        }
        Webhook::NewMessage(message) | Webhook::MessageConfirmed(message) => {
            println!(
                "  message      {} from {} ({})",
                or_dash(message.message_type()),
                or_dash(message.user_name.as_deref()),
                or_dash(message.sender_type.as_ref())
            );
            println!("  content      {}", or_dash(message.content.as_deref()));
            println!("  confirmed at {}", or_dash(message.confirmed_at));
        }
        Webhook::FilesUploaded(files) => {
            for file in files.files.iter().flatten() {
                println!(
                    "  file         {} [{}]",
                    or_dash(file.name.as_deref()),
                    or_dash(file.kind.as_ref())
                );
            }
        }
        Webhook::CaseUpdated(update) => show_case_updated(update),
        Webhook::Invoice(invoice) => show_invoice(invoice),
        // Kinds added to the crate after this example was written.
        _ => println!("  (this example shows no details of this kind)"),
    }
}

fn patch_state<T>(patch: &Patch<T>) -> &'static str {
    match patch {
        Patch::Absent => "unchanged",
        Patch::Null => "removed",
        Patch::Value(_) => "changed",
    }
}

fn show_case_updated(update: &CaseUpdated) {
    let parts = [
        ("orderData", patch_state(&update.order_data)),
        ("productData", patch_state(&update.product_data)),
        ("customer", patch_state(&update.customer)),
        ("consumer", patch_state(&update.consumer)),
        ("pickupDst", patch_state(&update.pickup_dst)),
        ("returnDst", patch_state(&update.return_dst)),
        ("sender", patch_state(&update.sender)),
        ("receiver", patch_state(&update.receiver)),
    ];
    for (key, state) in parts {
        println!("  {key:<12} {state}");
    }
    for key in update.other.keys() {
        println!("  {key:<12} changed (not modelled, kept as sent)");
    }
}

fn show_invoice(invoice: &Invoice) {
    let currency = invoice
        .currency
        .as_ref()
        .map(aftersales_webhooks::service_order_hub::CurrencyCode::as_str);
    println!(
        "  invoice      {} {} ({}), net {} {}",
        or_dash(invoice.kind.as_ref()),
        or_dash(invoice.id),
        or_dash(invoice.status.as_deref()),
        or_dash(invoice.price_net.map(|p| p.get())),
        or_dash(currency)
    );
    println!(
        "  due          {}",
        or_dash(invoice.due_date.and_then(|d| d.as_instant()))
    );
    for line in invoice.details.iter().flatten() {
        println!(
            "    - {} x {}: {} + VAT {} = {}",
            or_dash(line.count),
            or_dash(line.name.as_deref()),
            or_dash(line.total_amount_excl_vat),
            or_dash(line.vat_amount),
            or_dash(line.total_amount_incl_vat)
        );
    }
}
