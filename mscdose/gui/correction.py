"""A saved record's inputs as the form's texts, to start a correction from what was entered (no Qt).

A correction is a new calculation that supersedes a record: the person starts from the record's own inputs,
changes what was wrong, and finalises; the service saves it with `supersedes` and the reason. The numbers
come back in the units the form shows beside each box (million cells/mL, mL, min), written by the display
rules, so the form reads them exactly as saved. Inputs the record does not hold (older records, or values
that are not part of its document) are left empty for the person to enter again.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

MILLION = Decimal(1_000_000)


def _plain(value: Any, scale: Decimal = Decimal(1)) -> str:
    from mscdose.core import display

    if value is None or value == "":
        return ""
    return display.plain(Decimal(str(value)) / scale)


def correction_texts(document: Mapping[str, Any]) -> tuple[dict[str, str], str]:
    """(form texts, dose unit) for the record `document` (as the store keeps it)."""
    inputs = document.get("inputs") or {}
    patient = document.get("patient") or {}
    order = document.get("order") or {}
    per_kg = inputs.get("dose_mode") == "per_kg"
    defaults = set(inputs.get("defaults_changed") or ())
    texts = {
        "patient_id": str(patient.get("id") or ""),
        "patient_name": str(patient.get("name") or ""),
        "date_of_birth": str(patient.get("date_of_birth") or inputs.get("date_of_birth") or ""),
        "age": "" if patient.get("age_source") == "date of birth" else _plain(inputs.get("age_years")),
        "weight": str(inputs.get("weight_entered") or _plain(inputs.get("weight_kg"))),
        "prescriber": str(order.get("prescriber") or ""),
        "order_reference": str(order.get("reference") or ""),
        "order_date": str(order.get("date") or ""),
        "dose": str(inputs.get("dose_entered") or ""),
        "lot": str(document.get("lot_number") or ""),
        "din": str(inputs.get("din") or ""),
        "concentration": _plain(inputs.get("concentration_cells_per_ml"), MILLION),
        "basis": str(inputs.get("count_basis") or "total"),
        "viability": _plain(inputs.get("viability_percent")),
        "bag_volume": _plain(inputs.get("bag_volume_ml")),
        "bags": str(inputs.get("bags_available") or ""),
        "thawed_at": str(inputs.get("thawed_at") or ""),
    }
    # Preparation values the record changed from the protocol's; the others stay the protocol's prefill.
    for key, name in (("final_volume", "final_volume_ml"), ("duration", "duration_min"),
                      ("drop_factor", "drop_factor_gtt_per_ml"), ("increment", "increment_ml")):
        if any(key in changed for changed in defaults):
            texts[key] = _plain(inputs.get(name))
    return texts, "million cells/kg" if per_kg else "million cells"
