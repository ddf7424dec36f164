//! What `decode` shows of a myKaarma event.

use aftersales_webhooks::mykaarma::appointment::AppointmentInfo;
use aftersales_webhooks::mykaarma::customer::Customer;
use aftersales_webhooks::mykaarma::mpi::Money;
use aftersales_webhooks::mykaarma::{
    AppointmentEvent, CustomerEvent, Envelope, MessageEvent, Mpi, Payload, ServiceOrderEvent,
};
use aftersales_webhooks::wire::{EpochOrLocal, EpochOrText, Numeric, Present};

use super::or_dash;

pub fn show(event: &Envelope) {
    println!("myKaarma {} event {}", event.kind(), event.id);
    println!(
        "  time         {}",
        event.timestamp.format("%Y-%m-%d %H:%M:%S%.3f UTC")
    );
    println!("  dealer       {}", or_dash(event.dealer_uuid.as_deref()));
    println!(
        "  department   {}",
        or_dash(event.department_uuid.as_deref())
    );
    println!("  event type   {}", or_dash(event.event_type.as_ref()));
    println!("  dedup key    {}", event.dedup_key());
    println!("  payload      {:?}", event.payload_form());
    match event.payload() {
        Payload::Customer(customer) => show_customer(customer),
        Payload::Appointment(appointment) => show_appointment(appointment),
        Payload::Mpi(mpi) => show_mpi(mpi),
        Payload::ServiceOrder(order) => show_order(order),
        Payload::Message(message) => show_message(message),
        Payload::Other(raw) => println!(
            "  (not modelled yet: payload kept as {} bytes of raw JSON)",
            raw.get().len()
        ),
        _ => println!("  (payload of a kind this program does not show)"),
    }
}

fn name(first: Option<&str>, last: Option<&str>) -> String {
    let name = [first, last]
        .into_iter()
        .flatten()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    if name.is_empty() {
        "-".to_owned()
    } else {
        name
    }
}

fn show_customer(event: &CustomerEvent) {
    if let Some(Customer {
        customer_uuid,
        customer_key,
        first_name,
        last_name,
        emails,
        phone_numbers,
        ..
    }) = event.customer()
    {
        println!(
            "  customer     {} (key {}, uuid {})",
            name(first_name.as_deref(), last_name.as_deref()),
            or_dash(customer_key.as_deref()),
            or_dash(customer_uuid.as_deref())
        );
        for email in emails.iter().flatten() {
            println!(
                "  email        {} ({})",
                or_dash(email.email_address.as_deref()),
                or_dash(email.label.as_deref())
            );
        }
        for phone in phone_numbers.iter().flatten() {
            println!(
                "  phone        {} ({})",
                or_dash(phone.phone_number.as_deref()),
                or_dash(phone.label.as_deref())
            );
        }
    }
    for vehicle in event.vehicles() {
        println!(
            "  vehicle      {} {} {}, VIN {}",
            or_dash(vehicle.vehicle_year.present().map(Numeric::get)),
            or_dash(vehicle.vehicle_make.as_deref()),
            or_dash(vehicle.vehicle_model.as_deref()),
            or_dash(vehicle.vin.as_deref())
        );
    }
    for address in event.addresses() {
        let lines = [
            &address.line1,
            &address.line2,
            &address.city,
            &address.state,
            &address.zip,
        ];
        let text: Vec<&str> = lines
            .into_iter()
            .flatten()
            .map(String::as_str)
            .filter(|s| !s.is_empty())
            .collect();
        println!("  address      {}", text.join(", "));
    }
}

fn show_appointment(event: &AppointmentEvent) {
    println!("  change       {}", or_dash(event.event.as_ref()));
    println!("  created      {}", or_dash(event.event_creation_date_time));
    let Some(info) = &event.appointment_info_response else {
        return;
    };
    let AppointmentInfo {
        uuid,
        status,
        new_status,
        start_time,
        end_time,
        appointment_key,
        ..
    } = info;
    println!(
        "  appointment  {} (status {}, new status {}, DMS key {})",
        or_dash(uuid.as_deref()),
        or_dash(status.as_ref()),
        or_dash(new_status.as_ref()),
        or_dash(appointment_key.as_deref())
    );
    println!(
        "  when         {} to {} (local time)",
        or_dash(*start_time),
        or_dash(end_time.map(|t| t.time()))
    );
    if let Some(customer) = &info.customer_information {
        println!(
            "  customer     {} (key {})",
            name(
                customer.first_name.as_deref(),
                customer.last_name.as_deref()
            ),
            or_dash(customer.customer_key.as_deref())
        );
    }
    if let Some(vehicle) = &info.vehicle_information {
        println!(
            "  vehicle      {} {} {}, VIN {}, mileage {}",
            or_dash(vehicle.year.present().map(Numeric::get)),
            or_dash(vehicle.brand.as_deref()),
            or_dash(vehicle.model.as_deref()),
            or_dash(vehicle.vin.as_deref()),
            or_dash(vehicle.mileage.present().map(Numeric::get))
        );
    }
    if let Some(transport) = &info.transport_option {
        println!(
            "  transport    {}",
            or_dash(transport.transportation.as_ref())
        );
    }
    let lines = info.service_list.as_deref().unwrap_or_default();
    let priced: Vec<_> = lines.iter().filter_map(|line| line.price).collect();
    let total = priced.iter().copied().sum::<rust_decimal::Decimal>();
    println!(
        "  services     {} line(s), priced total {}",
        lines.len(),
        if priced.is_empty() {
            "-".to_owned()
        } else {
            total.to_string()
        }
    );
    for line in lines {
        println!(
            "    - {} {} [{}] pay {} price {} duration {} min",
            or_dash(line.op_code.as_deref()),
            or_dash(line.description.as_deref()),
            or_dash(line.operation_type.as_ref()),
            or_dash(line.pay_type.as_ref()),
            or_dash(line.price),
            or_dash(line.duration_in_mins.map(|d| d.get()))
        );
    }
}

fn when(time: Option<&EpochOrLocal>) -> String {
    match time {
        Some(EpochOrLocal::Epoch(at)) => at.format("%Y-%m-%d %H:%M:%S%.3f UTC").to_string(),
        Some(EpochOrLocal::Local(at)) => format!("{at} (local)"),
        None => "-".to_owned(),
    }
}

fn money(value: Option<&Money>) -> String {
    value
        .and_then(|m| m.amount)
        .map_or_else(|| "-".to_owned(), |amount| amount.to_string())
}

fn show_mpi(mpi: &Mpi) {
    println!(
        "  mpi          {} ({}), status {:?}",
        or_dash(mpi.uuid.as_deref()),
        or_dash(mpi.kind.as_ref()),
        mpi.status.as_deref().unwrap_or("-")
    );
    println!("  created      {}", when(mpi.created_on.as_ref()));
    println!("  updated      {}", when(mpi.updated_on.as_ref()));
    if let Some(vehicle) = &mpi.vehicle_identifiers {
        println!(
            "  vehicle      {} {}, VIN {}",
            or_dash(vehicle.vehicle_make.as_deref()),
            or_dash(vehicle.vehicle_model.as_deref()),
            or_dash(vehicle.vin.as_deref())
        );
    }
    if let Some(order) = &mpi.order_identifiers {
        println!(
            "  order        {} ({})",
            or_dash(order.order_number.as_deref()),
            or_dash(order.order_status.as_ref())
        );
    }
    if let Some(counts) = &mpi.mpi_counts {
        println!(
            "  recommended  {} (approved {}, declined {}, undecided {})",
            or_dash(counts.total_recommendation_count),
            or_dash(counts.approve_count),
            or_dash(counts.decline_count),
            or_dash(counts.undecided_count)
        );
    }
    if let Some(totals) = &mpi.total_prices {
        println!(
            "  totals       original {}, approved {}, tax {}, shop fees {}, cost {}",
            money(totals.original_total.as_ref()),
            money(totals.approved_total.as_ref()),
            money(totals.total_tax.as_ref()),
            money(totals.shop_fees.as_ref()),
            money(totals.total_cost.as_ref())
        );
    }
    println!(
        "  checks       {} with {} recommendation(s)",
        mpi.checks().count(),
        mpi.recommendations().count()
    );
    println!("  deleted      {}", or_dash(mpi.is_mpi_deleted));
}

fn show_order(event: &ServiceOrderEvent) {
    let Some(order) = &event.order else { return };
    if let Some(header) = &order.header {
        println!(
            "  order        {} ({}), status {}, DMS status {}",
            or_dash(header.order_number.as_deref()),
            or_dash(order.kind.as_ref()),
            or_dash(header.status.as_ref()),
            or_dash(header.dms_status.as_ref())
        );
        println!(
            "  opened       {} {}",
            or_dash(header.order_date.present()),
            or_dash(header.order_time.present())
        );
        println!("  closed       {}", or_dash(header.close_date.present()));
        println!(
            "  labour sale  {} ({} hours sold)",
            or_dash(header.labor_sale.present()),
            or_dash(header.sold_hours.present())
        );
        println!(
            "  parts sale   {}",
            or_dash(header.parts_sale_customer.present())
        );
        println!(
            "  customer pay {} + tax {}",
            or_dash(header.customer_pay_amount.present()),
            or_dash(header.customer_pay_state_tax.present())
        );
        println!(
            "  pay types    {}",
            or_dash(
                header
                    .pay_types
                    .as_ref()
                    .map(aftersales_webhooks::mykaarma::service_order::PayTypes::as_str)
            )
        );
    }
    if let Some(vehicle) = &order.vehicle {
        println!(
            "  vehicle      {} {}, VIN {}",
            or_dash(vehicle.make.as_deref()),
            or_dash(vehicle.model.as_deref()),
            or_dash(vehicle.vin.as_deref())
        );
    }
    for job in order.jobs.iter().flatten() {
        let complaint = job.ccc.as_ref().and_then(|ccc| ccc.complaint.as_deref());
        println!(
            "    - job {} [{}] total {}: {}",
            or_dash(job.job_identifier.as_deref()),
            or_dash(job.labor_type.as_ref()),
            or_dash(job.job_total.present()),
            or_dash(complaint)
        );
    }
}

fn at(time: Option<&EpochOrText>) -> String {
    match time {
        Some(EpochOrText::Epoch(at)) => at.format("%Y-%m-%d %H:%M:%S%.3f UTC").to_string(),
        Some(EpochOrText::Zoned(at, _)) => at.format("%Y-%m-%d %H:%M:%S%.3f %:z").to_string(),
        Some(EpochOrText::Local(at, _)) => format!("{at} (local)"),
        None => "-".to_owned(),
    }
}

fn show_message(event: &MessageEvent) {
    println!(
        "  order        {}{}",
        or_dash(event.dealer_order_uuid.as_deref()),
        if event.is_update == Some(true) {
            " (an update of the message)"
        } else {
            ""
        }
    );
    let Some(message) = &event.message else {
        return;
    };
    println!(
        "  message      {} (id {}), type {}, channel {}, purpose {}",
        or_dash(message.uuid.as_deref()),
        or_dash(message.id),
        or_dash(
            message
                .message_type
                .as_ref()
                .map(|t| format!("{t} ({:?})", t.kind()))
        ),
        or_dash(
            message
                .protocol
                .as_ref()
                .map(|p| format!("{p} ({:?})", p.kind()))
        ),
        or_dash(
            message
                .message_purpose
                .as_ref()
                .map(|p| format!("{p} ({:?})", p.kind()))
        )
    );
    println!(
        "  from         {} <{}>",
        or_dash(message.from_name.as_deref()),
        or_dash(message.from_number.as_deref())
    );
    println!(
        "  to           {} <{}>",
        or_dash(message.to_name.as_deref()),
        or_dash(message.to_number.as_deref())
    );
    println!(
        "  sent         {}, received {}",
        at(message.sent_on.as_ref()),
        at(message.received_on.as_ref())
    );
    if let Some(subject) = message
        .message_extn
        .as_ref()
        .and_then(|extn| extn.subject.as_deref())
    {
        println!("  subject      {subject}");
    }
    println!(
        "  body         {} character(s)",
        or_dash(message.body().map(|body| body.chars().count()))
    );
    for file in message.attachments() {
        println!(
            "    - {} ({}, size {})",
            or_dash(file.original_file_name.as_deref()),
            or_dash(file.mime_type.as_deref()),
            or_dash(file.doc_size.as_deref())
        );
    }
    if let Some(draft) = &message.draft_message_meta_data {
        println!(
            "  draft        {}, scheduled {}",
            or_dash(draft.status.as_ref()),
            at(draft.scheduled_on.as_ref())
        );
    }
}
