#!/usr/bin/env python3
"""Writes the plain-derive baseline models (`benches/plain/*.rs`) from the fixtures.

The baseline is what a careful integrator writes by hand instead of using this crate: serde's
derive, every field an `Option`, numbers as `i64` or `f64` (money too), times and money sent as
text as `String`, `rename_all = "camelCase"`, and `serde_json::Value` where the JSON type of a
value changes between bodies or the crate keeps the value as raw JSON. A model has the keys the
fixtures of its kind carry, less the keys the crate's models do not read (from its drift audit,
`cargo run --example decode -- --audit fixtures/… --json`), so both decode the same fields.

    python3 benches/plain/generate.py   # from the repository's root; then cargo fmt
"""

import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "benches" / "plain"

# Keys whose values the crate keeps as raw JSON (`RawJson`, or a map of it): the plain model
# holds a `serde_json::Value` there, whatever the fixtures show inside.
RAW = {
    "parts", "mls", "labels", "ocrList", "statusWithCustomerLinkTemplate", "partsStatusList",
    "workStatusList", "populatedByPartners", "timeSpentInStatus",
    "allowedRecommendationWorkStatuses", "videoViewedTimeStamp", "options", "shopNotes", "value",
    "info", "serviceAppointmentRequestLoanerBookingList", "skillList", "pdrToOpcodes",
    "sarCheckinData", "tags", "serviceProviderDepartment", "caseStatuses", "spareParts",
    "externalData", "properties", "customData", "partnerSpecific", "providerSpecific",
    "shipmentData", "volume",
}

# (module, root struct, doc, fixtures): myKaarma payloads (taken out of their envelope), then
# Service Order Hub bodies.
KINDS = [
    ("customer", "CustomerEvent", "A myKaarma `customers` payload.", "mykaarma/customer*.json"),
    ("appointment", "AppointmentEvent", "A myKaarma `appointments` payload.", "mykaarma/appointment*.json"),
    ("mpi", "Mpi", "A myKaarma `mpis` payload.", "mykaarma/mpi*.json"),
    ("service_order", "ServiceOrderEvent", "A myKaarma `service-orders` payload.", "mykaarma/service-order*.json"),
    ("status", "Status", "A Service Order Hub new-status or status-transition body.", "service_order_hub/{new-status,status-transition}*.json"),
    ("cost_proposal", "CostProposal", "A Service Order Hub cost-proposal body.", "service_order_hub/cost-proposal*.json"),
    ("message", "Message", "A Service Order Hub new-message or message-confirmed body.", "service_order_hub/{new-message,message-}*.json"),
    ("files", "FilesUploaded", "A Service Order Hub files-uploaded body.", "service_order_hub/files-uploaded*.json"),
    ("case_updated", "CaseUpdated", "A Service Order Hub case-updated body.", "service_order_hub/case-updated*.json"),
    ("invoice", "Invoice", "A Service Order Hub invoice body.", "service_order_hub/{invoice,credit-note}*.json"),
]

KEYWORDS = {"type": "kind", "match": "match_", "ref": "ref_", "box": "box_", "use": "use_", "mod": "module"}


def snake(key):
    s = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", key)
    s = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", s)
    return KEYWORDS.get(s.lower(), s.lower())


def camel(name):
    head, *rest = name.split("_")
    return head + "".join(part.capitalize() for part in rest)


def pascal(key):
    key = re.sub(r"List$", "", key) or key
    return key[:1].upper() + key[1:]


def singular(name):
    if name.endswith("ies"):
        return name[:-3] + "y"
    if name.endswith("s") and not name.endswith("ss"):
        return name[:-1]
    return name + "Item"


class Node:
    def __init__(self):
        self.kinds = set()
        self.fields = {}  # key -> Node, in first-seen order
        self.item = None

    def add(self, value, path, unknown):
        if value is None:
            self.kinds.add("null")
        elif isinstance(value, bool):
            self.kinds.add("bool")
        elif isinstance(value, int):
            self.kinds.add("int")
        elif isinstance(value, float):
            self.kinds.add("float")
        elif isinstance(value, str):
            self.kinds.add("str")
        elif isinstance(value, list):
            self.kinds.add("arr")
            self.item = self.item or Node()
            for item in value:
                self.item.add(item, path + "[]", unknown)
        else:
            self.kinds.add("obj")
            for key, item in value.items():
                at = f"{path}.{key}" if path else key
                if at in unknown:
                    continue
                self.fields.setdefault(key, Node()).add(item, at, unknown)


def fixtures(pattern):
    """The fixture files of a pattern with `{a,b}` alternatives, as a shell expands it."""
    alternatives = re.match(r"(.*)\{(.*)\}(.*)", pattern)
    if not alternatives:
        return sorted((ROOT / "fixtures").glob(pattern))
    head, options, tail = alternatives.groups()
    return sorted(path for option in options.split(",") for path in fixtures(head + option + tail))


def numbers_as_float(text):
    """Parses JSON keeping whether a number had a fraction (`20.00` is a float, `20` an int)."""
    return json.loads(text, parse_float=float, parse_int=int)


def audit_unknown(pattern):
    """The paths (array indices as `[]`) of the keys the crate's models do not read."""
    out = subprocess.run(
        ["cargo", "run", "-q", "--example", "decode", "--", "--audit", "fixtures/" + pattern.split("/")[0], "--json"],
        cwd=ROOT, capture_output=True, text=True,
    )
    paths = set()
    for finding in json.loads(out.stdout)["findings"]:
        if finding["drift"] == "unknown-key":
            paths.add(finding["pattern"])
    return paths


MONEY = re.compile(r"(?i)(total|amount|price|cost|tax|fee|discount|hours|rate|duration|surcharge)")


def rust_type(node, name):
    kinds = node.kinds - {"null"}
    if kinds == {"bool"}:
        return "bool"
    if kinds == {"int"}:
        return "f64" if MONEY.search(name) else "i64"
    if kinds and kinds <= {"int", "float"}:
        return "f64"
    if kinds == {"str"} or not kinds:
        return "String"
    if kinds == {"obj"}:
        return name
    if kinds == {"arr"}:
        if not (node.item.kinds - {"null"}):
            return "Vec<serde_json::Value>"
        return f"Vec<{rust_type(node.item, singular(name))}>"
    return "serde_json::Value"


def merge_from(self, other):
    self.kinds |= other.kinds
    for key, node in other.fields.items():
        self.fields.setdefault(key, Node()).merge_from(node)
    if other.item is not None:
        self.item = self.item or Node()
        self.item.merge_from(other.item)


Node.merge_from = merge_from


def collect(node, name, structs):
    """Merges every object under `name` into one struct per name, as an integrator reuses a type."""
    structs.setdefault(name, Node()).merge_from(node)
    for key, child in node.fields.items():
        if key in RAW:
            continue
        child_name = pascal(key)
        while child.kinds - {"null"} == {"arr"}:
            child, child_name = child.item, singular(child_name)
        if child.kinds - {"null"} == {"obj"}:
            collect(child, child_name, structs)


def generate(module, root, doc, pattern, unknown):
    top = Node()
    for path in fixtures(pattern):
        body = numbers_as_float(path.read_text())
        if module in {"customer", "appointment", "mpi", "service_order"}:
            payload = body["payload"]
            body = numbers_as_float(payload) if isinstance(payload, str) else payload
            top.add(body, "", {p.removeprefix("payload.") for p in unknown if p.startswith("payload.")})
        else:
            top.add(body, "", unknown)
    structs = {}
    collect(top, root, structs)
    emitted = {}
    for name, node in structs.items():
        emitted[name] = [
            (key, snake(key), "serde_json::Value" if key in RAW else rust_type(child, pascal(key)))
            for key, child in node.fields.items()
        ]
    # One struct for each shape: an integrator writes `Money` once, not once per key.
    rename = {}
    while True:
        seen = {}
        changed = False
        for name, fields in emitted.items():
            if name in rename:
                continue
            sig = tuple((k, f, re.sub(r"[A-Z]\w*", lambda m: rename.get(m.group(0), m.group(0)), t)) for k, f, t in fields)
            if sig in seen and name != root:
                rename[name] = seen[sig]
                changed = True
            else:
                seen.setdefault(sig, name)
        if not changed:
            break
    lines = [
        f"//! {doc} Generated by `generate.py` from the fixtures: do not edit.",
        "",
        "use serde::Deserialize;",
        "",
    ]
    for name, fields in emitted.items():
        if name in rename:
            continue
        lines += ["#[derive(Debug, Deserialize)]", '#[serde(rename_all = "camelCase")]', f"pub struct {name} {{"]
        for key, field, ty in fields:
            ty = re.sub(r"[A-Z]\w*", lambda m: rename.get(m.group(0), m.group(0)), ty)
            if camel(field) != key:
                lines.append(f'    #[serde(rename = "{key}")]')
            lines.append(f"    pub {field}: Option<{ty}>,")
        lines += ["}", ""]
    (OUT / f"{module}.rs").write_text("\n".join(lines))


def main():
    unknown = audit_unknown("mykaarma/") | audit_unknown("service_order_hub/")
    for module, root, doc, pattern in KINDS:
        generate(module, root, doc, pattern, unknown)
    print(f"unknown keys left out: {sorted(unknown)}", file=sys.stderr)


if __name__ == "__main__":
    main()
