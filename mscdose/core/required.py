"""What must be present before a calculation can be finalised (issue 19).

A final record identifies the patient by two identifiers, the order it was prepared against and the
product lot. Which fields a site requires is a site choice in the protocol file
(`[site_defaults] required_at_finalising`); this module holds the known field names, their readable names
and the default list, and answers "what is still missing?" for a window, the CLI and the service alike.
A preview stays possible with anything missing: only finalising asks.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from mscdose.core.messages import QT_TRANSLATE_NOOP, Message, joined, said, word

if TYPE_CHECKING:
    from mscdose.core.protocol import Protocol

# field name (as in `values`) -> the name a person reads beside the Finalise button or in an exit-2 message
# (marked CoreMessage too, so a refusal listing them is said in the window's language: `missing_said`)
READABLE: dict[str, str] = {
    "patient_id": QT_TRANSLATE_NOOP("CoreMessage", "patient id"),
    "patient_name": QT_TRANSLATE_NOOP("CoreMessage", "patient name"),
    "date_of_birth_or_age": QT_TRANSLATE_NOOP("CoreMessage", "date of birth or age"),
    "date_of_birth": QT_TRANSLATE_NOOP("CoreMessage", "date of birth"),
    "age": QT_TRANSLATE_NOOP("CoreMessage", "age"),
    "order_reference": QT_TRANSLATE_NOOP("CoreMessage", "order reference"),
    "prescriber": QT_TRANSLATE_NOOP("CoreMessage", "prescriber"),
    "order_date": QT_TRANSLATE_NOOP("CoreMessage", "order date"),
    "lot_number": QT_TRANSLATE_NOOP("CoreMessage", "lot number"),
    "din": QT_TRANSLATE_NOOP("CoreMessage", "DIN (donation identification number)"),
    "thawed_at": QT_TRANSLATE_NOOP("CoreMessage", "thaw time"),
    "prepared_by": QT_TRANSLATE_NOOP("CoreMessage", "prepared by"),
    "checked_by": QT_TRANSLATE_NOOP("CoreMessage", "checked by"),
}
FIELD_NAMES: tuple[str, ...] = tuple(READABLE)
DEFAULT_REQUIRED: tuple[str, ...] = (
    "patient_id", "patient_name", "date_of_birth_or_age", "order_reference", "prescriber", "lot_number", "din",
    "thawed_at",
)

# Spaces and invisible characters (zero-width, BOM, soft hyphen): a field holding only these is empty.
_BLANK = re.compile(r"[\s\u00ad\u180e\u200b-\u200f\u2060-\u2064\ufeff]*")


def is_blank(text: object) -> bool:
    return text is None or bool(_BLANK.fullmatch(str(text)))


def missing_for_finalising(protocol: Protocol, values: Mapping[str, Any]) -> list[str]:
    """Readable names of the protocol's required fields that are absent or blank in `values`, in the
    protocol's order (empty list: nothing missing). `values` maps the names of FIELD_NAMES to what was
    entered; `date_of_birth_or_age` is met by either `date_of_birth` or `age`."""
    missing = []
    for name in protocol.required_at_finalising:
        if name == "date_of_birth_or_age":
            present = not (is_blank(values.get("date_of_birth")) and is_blank(values.get("age")))
        else:
            present = not is_blank(values.get(name))
        if not present:
            missing.append(READABLE[name])
    return missing


def document_values(document: Mapping[str, Any]) -> dict[str, Any]:
    """The FIELD_NAMES values of a calculation document (record_document), for missing_for_finalising at
    print time. Old documents without the issue-19 keys give blanks for them."""
    patient = document.get("patient") or {}
    order = document.get("order") or {}
    inputs = document.get("inputs") or {}
    return {
        "patient_id": patient.get("id"),
        "patient_name": patient.get("name"),
        "date_of_birth": patient.get("date_of_birth"),
        "age": inputs.get("age_years"),
        "order_reference": order.get("reference"),
        "prescriber": order.get("prescriber"),
        "order_date": order.get("date"),
        "lot_number": document.get("lot_number"),
        "din": inputs.get("din"),
        "thawed_at": inputs.get("thawed_at"),
        "prepared_by": document.get("prepared_by"),
        "checked_by": document.get("checked_by"),
    }


def missing_said(missing: list[str] | tuple[str, ...]) -> Message:
    """"missing before finalising: patient name, lot number" as a template, each name a word of its own (the
    readable names of `missing_for_finalising`)."""
    return said(QT_TRANSLATE_NOOP("CoreMessage", "missing before finalising: {fields}"),
                fields=joined([word(name) for name in missing], ", "))
