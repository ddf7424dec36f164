#!/usr/bin/env python3
"""Writes the plain-derive baseline models (`benches/plain/*.rs`) from the crate's models.

The baseline is what a careful integrator writes by hand instead of using this crate, with the
same fields as the crate's models (read from their source: every struct, `model!`,
`open_struct!` and `case_object!` reachable from a payload or webhook body), in plain types:
serde's derive, every field an `Option`, integers as the crate's integer types, money as `f64`,
times as `String` (epoch numbers as `i64`/`f64`), open enums as `String`, raw JSON as
`serde_json::Value`, patches as `Option`. Where the fixtures send a field in a form that plain
type does not read (a number as a string, epoch milliseconds or ISO text in one field), it is
the type the fixtures show, `serde_json::Value` where they show several.

Each vendor's models are read apart (both have a `Message`). A struct that several of a
vendor's kinds reach (the Service Order Hub case and its objects) is written once, in the
vendor's shared module (`soh_shared.rs`), from what all their fixtures show; the kinds' modules
import it. `mod.rs` is written by hand: a new kind or module is added there.

    python3 benches/plain/generate.py && cargo fmt   # from the repository's root
"""

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "benches" / "plain"

# (module, root model, doc, fixtures under `fixtures/<vendor>/`; myKaarma payloads come out of
# their envelope)
KINDS = [
    ("customer", "CustomerEvent", "A myKaarma `customers` payload.", "mykaarma/customer*.json"),
    ("appointment", "AppointmentEvent", "A myKaarma `appointments` payload.", "mykaarma/appointment*.json"),
    ("mpi", "Mpi", "A myKaarma `mpis` payload.", "mykaarma/mpi*.json"),
    ("service_order", "ServiceOrderEvent", "A myKaarma `service-orders` payload.", "mykaarma/service-order*.json"),
    ("mykaarma_message", "MessageEvent", "A myKaarma `messages` payload.", "mykaarma/message*.json"),
    ("status", "Status", "A Service Order Hub new-status or status-transition body.", "service_order_hub/{new-status,status-transition}*.json"),
    ("cost_proposal", "CostProposal", "A Service Order Hub cost-proposal body.", "service_order_hub/cost-proposal*.json"),
    ("message", "Message", "A Service Order Hub new-message or message-confirmed body.", "service_order_hub/{new-message,message-}*.json"),
    ("files", "FilesUploaded", "A Service Order Hub files-uploaded body.", "service_order_hub/files-uploaded*.json"),
    ("case_updated", "CaseUpdated", "A Service Order Hub case-updated body.", "service_order_hub/case-updated*.json"),
    ("invoice", "Invoice", "A Service Order Hub invoice body.", "service_order_hub/{invoice,credit-note}*.json"),
]

# Each vendor's models (`src/<vendor>`, its fixtures `fixtures/<vendor>`): the module for the
# structs that several of its kinds reach, and the vendor's name.
VENDORS = {
    "mykaarma": ("mykaarma_shared", "myKaarma"),
    "service_order_hub": ("soh_shared", "Service Order Hub"),
}

INTEGERS = {"i8", "i16", "i32", "i64", "u8", "u16", "u32", "u64"}
# Types the crate decodes by hand that an integrator would model as a struct of the crate's.
AS_STRUCT = {"LinkedInvoice": "Invoice"}


class Node:
    """What the fixtures show at one place: JSON kinds, an object's members, an array's items."""

    def __init__(self):
        self.kinds = set()
        self.fields = {}
        self.item = None

    def add(self, value):
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
                self.item.add(item)
        else:
            self.kinds.add("obj")
            for key, item in value.items():
                self.fields.setdefault(key, Node()).add(item)

    def merge(self, other):
        if other is None:
            return
        self.kinds |= other.kinds
        for key, node in other.fields.items():
            self.fields.setdefault(key, Node()).merge(node)
        if other.item is not None:
            self.item = self.item or Node()
            self.item.merge(other.item)

    def values(self):
        """The members of an object used as a map, as one node."""
        merged = Node()
        for node in self.fields.values():
            merged.merge(node)
        return merged

    def shown(self):
        return self.kinds - {"null"}


def fixtures(pattern):
    """The fixture files of a pattern with `{a,b}` alternatives, as a shell expands it."""
    alternatives = re.match(r"(.*)\{(.*)\}(.*)", pattern)
    if not alternatives:
        return sorted((ROOT / "fixtures").glob(pattern))
    head, options, tail = alternatives.groups()
    return sorted(path for option in options.split(",") for path in fixtures(head + option + tail))


def split_top(text, sep=","):
    """Splits at `sep` outside brackets."""
    parts, depth, start = [], 0, 0
    for i, c in enumerate(text):
        if c in "<([{":
            depth += 1
        elif c in ">)]}":
            depth -= 1
        elif c == sep and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return [p.strip() for p in parts if p.strip()]


def block(text, at):
    """The text inside the braces that open at or after `at`."""
    start = text.index("{", at)
    depth = 0
    for i in range(start, len(text)):
        depth += {"{": 1, "}": -1}.get(text[i], 0)
        if depth == 0:
            return text[start + 1:i]
    raise ValueError("unbalanced")


def strip_comments(text):
    return "\n".join(re.sub(r"//.*", "", line) for line in text.splitlines())


def camel(name):
    head, *rest = name.split("_")
    return head + "".join(part.capitalize() for part in rest)


def parse_models(vendor):
    """Every struct of a vendor's models (`src/<vendor>`; the two vendors share names such as
    `Message`): name -> list of (wire key, type, adapter), and the names of its open enums."""
    structs, enums = {}, set()
    for path in sorted((ROOT / "src" / vendor).rglob("*.rs")):
        text = strip_comments(path.read_text())
        for m in re.finditer(r"struct (\w+) => \w+ \{", text):
            enums.add(m.group(1))
        for m in re.finditer(r"case_object! \{\s*(?:#\[[^\]]*\]\s*)*(\w+),\s*(?:#\[[^\]]*\]\s*)*(\w+),", text):
            fields = macro_fields(block(text, m.end()))
            structs[m.group(1)] = [(k, f"Option<{t}>", a and f"Option<{a}>") for k, t, a in fields]
            structs[m.group(2)] = [(k, f"Patch<{t}>", a and f"Patch<{a}>") for k, t, a in fields]
        for m in re.finditer(r"(?:pub )?struct (\w+) \{", text):
            name = m.group(1)
            head = text[max(0, text.rfind("\n\n", 0, m.start())):m.start()]
            body = block(text, m.end() - 1)
            if re.search(r'^\s*\w+: [^\n]*= "[^"]*"(?: in \w+)?,?\s*$', re.sub(r"#\[[^\]]*\]", "", body), re.M):
                structs[name] = macro_fields(body)
            else:
                structs[name] = derive_fields(body, 'rename_all = "camelCase"' in head)
    return structs, enums


def macro_fields(body):
    """`name: Ty [as Adapter] = "key"` fields of `open_struct!` and `case_object!`."""
    out = []
    for item in split_top(body):
        item = re.sub(r"#\[[^\]]*\]", "", item).strip()
        m = re.match(r'(\w+): (.+?)(?: as (.+?))? = "([^"]+)"(?: in \w+)?$', item, re.S)
        if m:
            out.append((m.group(4), m.group(2).strip(), m.group(3) and m.group(3).strip()))
    return out


def derive_fields(body, camel_case):
    """`pub name: Type` fields of a derived struct, with their serde renames and adapters."""
    out = []
    for item in split_top(body):
        m = re.search(r"(?:pub(?:\(crate\))? )?(\w+): (.+)$", re.sub(r"#\[[^\]]*\]", "", item).strip(), re.S)
        if not m:
            continue
        name, ty = m.group(1), m.group(2).strip()
        rename = re.search(r'serde\((?:[^)]*[\s,])?rename = "([^"]+)"', item)
        adapter = re.search(r'serde_as\(as = "(.+?)"\)\]', item)
        key = rename.group(1) if rename else camel(name) if camel_case else name
        out.append((key, ty, adapter and adapter.group(1)))
    return out


def unwrap(ty, name):
    m = re.fullmatch(rf"{name}<(.+)>", ty or "")
    return m.group(1) if m else None


class Plain:
    """The plain structs of one vendor's kinds. A struct that several kinds reach is written
    once, from what all their fixtures show, in the vendor's shared module."""

    def __init__(self, structs, enums):
        self.structs, self.enums = structs, enums
        self.seen = {}  # struct name -> merged fixture node, in the order reached
        self.owners = {}  # struct name -> the modules whose kinds reach it
        self.uses = set()  # the structs the field types written last name

    def reach(self, name, node, module):
        first = module not in self.owners.setdefault(name, [])
        if first:
            self.owners[name].append(module)
        self.seen.setdefault(name, Node()).merge(node)
        if first or node is not None:
            for key, ty, adapter in self.structs[name]:
                self.walk(ty, adapter, node.fields.get(key) if node else None, module)

    def walk(self, ty, adapter, node, module):
        for wrapper in ("Option", "Patch", "Box"):
            if unwrap(ty, wrapper):
                return self.walk(unwrap(ty, wrapper), unwrap(adapter, wrapper) or adapter, node, module)
        if unwrap(ty, "Vec"):
            return self.walk(unwrap(ty, "Vec"), unwrap(adapter, "Vec"), node and node.item, module)
        if ty.startswith("BTreeMap<String, "):
            return self.walk(ty[len("BTreeMap<String, "):-1], None, node and node.values(), module)
        ty = AS_STRUCT.get(ty, ty)
        if ty in self.structs and (node is None or node.shown() <= {"obj"}):
            self.reach(ty, node, module)

    def rust(self, ty, adapter, node):
        """The plain type of a field, and whether it reads what the fixtures show."""
        for wrapper in ("Option", "Patch", "Box"):
            if unwrap(ty, wrapper):
                return self.rust(unwrap(ty, wrapper), unwrap(adapter, wrapper) or adapter, node)
        shown = node.shown() if node else set()
        if unwrap(ty, "Vec"):
            if shown <= {"arr"}:
                return f"Vec<{self.rust(unwrap(ty, 'Vec'), unwrap(adapter, 'Vec'), node and node.item)}>"
            return inferred(shown)
        if ty.startswith("BTreeMap<String, "):
            if shown <= {"obj"}:
                inner = self.rust(ty[len("BTreeMap<String, "):-1], None, node and node.values())
                return f"std::collections::BTreeMap<String, {inner}>"
            return inferred(shown)
        ty = AS_STRUCT.get(ty, ty)
        if ty in self.structs:
            if shown <= {"obj"}:
                self.uses.add(ty)
                return ty
            return inferred(shown)
        if ty == "RawJson":
            return "serde_json::Value"
        if ty == "bool":
            plain = "bool"
        elif ty in INTEGERS:
            plain = ty
        elif ty == "Decimal" or adapter == "EpochSeconds":
            plain = "f64"
        elif adapter == "EpochMillis":
            plain = "i64"
        elif ty in self.enums or ty in {"String", "DateTime<Utc>", "NaiveDateTime", "NaiveDate", "NaiveTime"}:
            plain = "String"
        else:  # a type the crate reads in several forms: as the fixtures show it
            return inferred(shown) if shown else "String"
        readable = {"bool": {"bool"}, "f64": {"int", "float"}, "String": {"str"}}.get(plain, {"int"})
        return plain if shown <= readable else inferred(shown)

    def emit(self, modules, shared, shared_doc):
        """Writes each kind's module (`modules`: name -> doc) and the shared module."""
        common = [name for name in self.seen if len(self.owners[name]) > 1]
        for module, doc in modules.items():
            names = [name for name in self.seen if self.owners[name] == [module]]
            self.write(module, doc, names, shared, common)
        path = OUT / f"{shared}.rs"
        if common:
            self.write(shared, shared_doc, common, shared, common)
        elif path.exists():
            path.unlink()

    def write(self, module, doc, names, shared, common):
        self.uses = set()
        body = []
        for name in names:
            body += self.definition(name)
        imports = sorted(self.uses & set(common)) if module != shared else []
        lines = [f"//! {doc} Generated by `generate.py`: do not edit.", "", "use serde::Deserialize;", ""]
        if imports:
            names = imports[0] if len(imports) == 1 else f"{{{', '.join(imports)}}}"
            lines += [f"use super::{shared}::{names};", ""]
        (OUT / f"{module}.rs").write_text("\n".join(lines + body))

    def definition(self, name):
        node = self.seen[name]
        lines = ["#[derive(Debug, Deserialize)]", '#[serde(rename_all = "camelCase")]', f"pub struct {name} {{"]
        used = set()
        for key, ty, adapter in self.structs[name]:
            field = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", key).lower()
            field = {"type": "kind", "ref": "reference"}.get(field, field)
            if field in used:
                continue
            used.add(field)
            if camel(field) != key:
                lines.append(f'    #[serde(rename = "{key}")]')
            lines.append(f"    pub {field}: Option<{self.rust(ty, adapter, node.fields.get(key))}>,")
        return lines + ["}", ""]


def inferred(shown):
    """The plain type of what the fixtures show where the crate's type does not fit."""
    if shown == {"str"}:
        return "String"
    if shown == {"bool"}:
        return "bool"
    if shown == {"int"}:
        return "i64"
    if shown and shown <= {"int", "float"}:
        return "f64"
    return "serde_json::Value"


def main():
    for vendor, (shared, vendor_name) in VENDORS.items():
        plain = Plain(*parse_models(vendor))
        modules = {}
        for module, root, doc, pattern in KINDS:
            if not pattern.startswith(vendor + "/"):
                continue
            node = Node()
            for path in fixtures(pattern):
                body = json.loads(path.read_text())
                if vendor == "mykaarma":
                    body = body["payload"]
                    body = json.loads(body) if isinstance(body, str) else body
                node.add(body)
            plain.reach(root, node, module)
            modules[module] = doc
        plain.emit(modules, shared, f"The {vendor_name} structs that several kinds reach.")


if __name__ == "__main__":
    main()
