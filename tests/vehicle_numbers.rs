//! The vehicle's model year and mileage, in each myKaarma event that carries them: the vendor
//! sends `"2011"`, `2011`, `""`, `null` or no key at all, every event reads each shape the
//! same way, and re-encoding writes it back as it came.

mod common;

use aftersales_webhooks::from_slice;
use aftersales_webhooks::mykaarma::{Envelope, Payload};
use aftersales_webhooks::wire::{Blankable, Numeric};
use common::tree::Json;

/// What a field decoded to, whatever its integer type: `None`, blank, or the number and
/// whether it came quoted.
type Seen = Option<Blankable<(u32, bool)>>;

fn seen<T: Copy + Into<u32>>(field: Option<Blankable<Numeric<T>>>) -> Seen {
    field.map(|value| match value {
        Blankable::Blank => Blankable::Blank,
        Blankable::Value(n) => Blankable::Value((n.get().into(), n.is_quoted())),
    })
}

/// A field: the fixtures of its event, its wire key, and how to read it.
struct Field {
    fixtures: [&'static str; 2],
    key: &'static str,
    read: fn(&Envelope) -> Seen,
}

fn customer_vehicle(event: &Envelope) -> &aftersales_webhooks::mykaarma::customer::Vehicle {
    let Payload::Customer(customer) = event.payload() else {
        panic!("{event:?}")
    };
    &customer.vehicles()[0]
}

fn appointment_vehicle(
    event: &Envelope,
) -> &aftersales_webhooks::mykaarma::appointment::VehicleInformation {
    let Payload::Appointment(appointment) = event.payload() else {
        panic!("{event:?}")
    };
    let info = appointment.appointment_info_response.as_ref().unwrap();
    info.vehicle_information.as_ref().unwrap()
}

fn mpi_vehicle(event: &Envelope) -> &aftersales_webhooks::mykaarma::mpi::VehicleIdentifiers {
    let Payload::Mpi(mpi) = event.payload() else {
        panic!("{event:?}")
    };
    mpi.vehicle_identifiers.as_ref().unwrap()
}

const CUSTOMER: [&str; 2] = ["customer.json", "customer.wire.json"];
const APPOINTMENT: [&str; 2] = ["appointment.json", "appointment.wire.json"];
const MPI: [&str; 2] = ["mpi.json", "mpi.wire.json"];

const FIELDS: [Field; 6] = [
    Field {
        fixtures: CUSTOMER,
        key: "vehicleYear",
        read: |event| seen(customer_vehicle(event).vehicle_year),
    },
    Field {
        fixtures: CUSTOMER,
        key: "estimatedMileage",
        read: |event| seen(customer_vehicle(event).estimated_mileage),
    },
    Field {
        fixtures: APPOINTMENT,
        key: "year",
        read: |event| seen(appointment_vehicle(event).year),
    },
    Field {
        fixtures: APPOINTMENT,
        key: "mileage",
        read: |event| seen(appointment_vehicle(event).mileage),
    },
    Field {
        fixtures: MPI,
        key: "vehicleYear",
        read: |event| seen(mpi_vehicle(event).vehicle_year),
    },
    Field {
        fixtures: MPI,
        key: "estimatedMileage",
        read: |event| seen(mpi_vehicle(event).estimated_mileage),
    },
];

/// Each shape the vendor sends: its JSON (`None` for no key) and what it decodes to.
fn shapes() -> [(Option<Json>, Seen); 5] {
    [
        (
            Some(Json::Number("2011".into())),
            Some(Blankable::Value((2011, false))),
        ),
        (
            Some(Json::String("2011".into())),
            Some(Blankable::Value((2011, true))),
        ),
        (Some(Json::String(String::new())), Some(Blankable::Blank)),
        (Some(Json::Null), None),
        (None, None),
    ]
}

/// The one object in `tree` that holds the vehicle's `vin`: its index in [`Json::objects`]
/// order, and its members.
fn vehicle(tree: &Json) -> (usize, &[(String, Json)]) {
    let found: Vec<_> = tree
        .objects()
        .into_iter()
        .enumerate()
        .filter_map(|(at, object)| match object {
            Json::Object(members) if members.iter().any(|(key, _)| key == "vin") => {
                Some((at, members.as_slice()))
            }
            _ => None,
        })
        .collect();
    assert_eq!(found.len(), 1, "one vehicle in {}", tree.to_json());
    found[0]
}

/// `object` with `key` set to `value`, in its place or at the end; without `key` for `None`.
fn with_member(object: &Json, key: &str, value: Option<&Json>) -> Json {
    let Json::Object(members) = object else {
        panic!("{object:?}")
    };
    let mut members = members.clone();
    let at = members.iter().position(|(k, _)| k == key);
    match (at, value) {
        (Some(at), Some(value)) => members[at].1 = value.clone(),
        (None, Some(value)) => members.push((key.to_owned(), value.clone())),
        (Some(at), None) => {
            members.remove(at);
        }
        (None, None) => {}
    }
    Json::Object(members)
}

/// A fixture under `fixtures/mykaarma/`, as a tree.
fn fixture(name: &str) -> Json {
    Json::parse(&String::from_utf8(common::fixture(&format!("mykaarma/{name}"))).unwrap())
}

#[test]
fn year_and_mileage_keep_every_shape_in_every_event() {
    for field in &FIELDS {
        for name in field.fixtures {
            let template = fixture(name);
            let (at, _) = vehicle(&template);
            for (value, expected) in shapes() {
                let body = template
                    .replace_object(at, &|object| with_member(object, field.key, value.as_ref()));
                let body = body.to_json();
                let context = format!("{name} {}: {value:?}", field.key);
                let event: Envelope =
                    from_slice(body.as_bytes()).unwrap_or_else(|e| panic!("{context}: {e}"));
                assert_eq!((field.read)(&event), expected, "{context}");

                let encoded = serde_json::to_string(&event).unwrap();
                let again = Json::parse(&encoded);
                let (_, members) = vehicle(&again);
                let written = members.iter().find(|(key, _)| key == field.key);
                match &value {
                    // `null` means the same as no key, and is written as no key.
                    Some(Json::Null) | None => assert_eq!(written, None, "{context}"),
                    Some(value) => {
                        assert_eq!(written.map(|(_, v)| v), Some(value), "{context}");
                    }
                }
                let decoded_again: Envelope = from_slice(encoded.as_bytes()).unwrap();
                assert_eq!(decoded_again, event, "{context}");
            }
        }
    }
}

#[test]
fn a_year_that_is_not_a_number_is_an_error_naming_it() {
    let template = fixture("customer.wire.json");
    let (at, _) = vehicle(&template);
    for bad in ["\"2011a\"", "20.11", "true", "70000"] {
        let body = template.replace_object(at, &|object| {
            with_member(object, "vehicleYear", Some(&Json::parse(bad)))
        });
        let error = from_slice::<Envelope>(body.to_json().as_bytes()).unwrap_err();
        let message = error.to_string();
        assert!(message.contains("vehicleYear"), "{bad}: {message}");
    }
}
