//! Decodes a myKaarma webhook body and shows what it says.
//!
//! ```text
//! cargo run --example decode -- fixtures/mykaarma/appointment.wire.json
//! cargo run --example decode -- --json < body.json
//! ```
//!
//! Reads the body from the file named, or from standard input when no file (or `-`) is given.
//! Prints the event's kind, ids, time and the key facts of its payload; with `--json`, prints
//! the event encoded back instead. Bad input prints the error with its JSON path and exits 1.

use std::io::Read;
use std::process::ExitCode;

use aftersales_webhooks::mykaarma::appointment::AppointmentInfo;
use aftersales_webhooks::mykaarma::customer::Customer;
use aftersales_webhooks::mykaarma::{AppointmentEvent, CustomerEvent, Envelope, Payload};

const USAGE: &str = "usage: decode [--json] [FILE | -]";

fn main() -> ExitCode {
    let mut json = false;
    let mut file = None;
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--json" => json = true,
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            _ if file.is_none() => file = Some(arg),
            _ => {
                eprintln!("{USAGE}");
                return ExitCode::from(2);
            }
        }
    }
    let body = match file.as_deref() {
        None | Some("-") => {
            let mut body = Vec::new();
            std::io::stdin().read_to_end(&mut body).map(|_| body)
        }
        Some(path) => std::fs::read(path),
    };
    let body = match body {
        Ok(body) => body,
        Err(e) => {
            eprintln!(
                "decode: cannot read {}: {e}",
                file.as_deref().unwrap_or("standard input")
            );
            return ExitCode::from(2);
        }
    };
    let event: Envelope = match aftersales_webhooks::from_slice(&body) {
        Ok(event) => event,
        Err(e) => {
            eprintln!("decode: {e}");
            return ExitCode::FAILURE;
        }
    };
    if json {
        match serde_json::to_string_pretty(&event) {
            Ok(text) => println!("{text}"),
            Err(e) => {
                eprintln!("decode: cannot encode: {e}");
                return ExitCode::FAILURE;
            }
        }
    } else {
        show(&event);
    }
    ExitCode::SUCCESS
}

fn or_dash(value: Option<impl std::fmt::Display>) -> String {
    value.map_or_else(|| "-".to_owned(), |v| v.to_string())
}

fn show(event: &Envelope) {
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
            or_dash(vehicle.vehicle_year),
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
            or_dash(vehicle.year),
            or_dash(vehicle.brand.as_deref()),
            or_dash(vehicle.model.as_deref()),
            or_dash(vehicle.vin.as_deref()),
            or_dash(vehicle.mileage)
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
