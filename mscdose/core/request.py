"""The inputs of one calculation, already parsed into canonical units, and how text becomes them.

`read_request` is the single road from what people type (CLI options or GUI fields) to a `DoseRequest`;
it reports every bad field at once so a window can mark each one.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Literal

from mscdose.core import parsing, plausibility  # plausibility: issue 11
from mscdose.core.errors import InputError
from mscdose.core.isbt128 import Din, parse_din
from mscdose.core.patient import parse_date_of_birth
from mscdose.core.text import shown

CountBasis = Literal["total", "viable"]


@dataclass(frozen=True)
class DoseRequest:
    """One preparation. Optional preparation values left as None take the protocol's site defaults."""

    weight_kg: Decimal
    dose_mode: Literal["total", "per_kg"]
    dose_value: Decimal  # cells, or cells/kg
    concentration_cells_per_ml: Decimal
    viability_percent: Decimal
    bag_volume_ml: Decimal
    bags_available: int = 1
    count_basis: CountBasis = "total"
    age_years: Decimal | None = None
    final_volume_ml: Decimal | None = None
    duration_min: Decimal | None = None
    drop_factor_gtt_per_ml: Decimal | None = None
    increment_ml: Decimal | None = None
    din: Din | None = None
    thawed_at: datetime | None = None
    now: datetime | None = None
    weight_entered: str = ""
    dose_entered: str = ""
    # --- issue 19 (engine): the patient's second identifier; the age is computed from it -------------------
    date_of_birth: date | None = None
    # --- issue 11: plausibility inputs from the product label (core/plausibility.py) ---
    label_cells_per_bag: Decimal | None = None  # total cells per bag, as printed on the label
    dmso_percent: Decimal | None = None  # % v/v; None takes the protocol's default
    expires_at: datetime | None = None  # the product's expiry
    # --- end issue 11 ---


# Field order is the order errors are reported in (the order of the CLI options and of the window).
FIELDS = (
    "weight", "dose", "concentration", "viability", "bag_volume", "bags", "basis", "age", "final_volume",
    "duration", "drop_factor", "increment", "din", "thawed_at", "now",
    "date_of_birth",  # issue 19 (engine)
    "label_cells", "dmso", "expires_at",  # issue 11
)
REQUIRED = ("weight", "dose", "concentration", "viability", "bag_volume")


def _basis(text: str) -> CountBasis:
    value = (text or "").strip().lower()
    if value in ("total", "viable"):
        return value  # type: ignore[return-value]
    raise InputError("basis", (text or "")[:200], f"Counting basis: “{shown(text or '')}” is not known. "
                     "Accepted: total (the lot count is of all cells) or viable (the lot count is of viable "
                     "cells only).")


def read_request(
    texts: Mapping[str, str | None],
    units: Mapping[str, str] | None = None,
) -> tuple[DoseRequest | None, dict[str, InputError]]:
    """Parse every field; return the request (None if any field failed) and the errors by field.

    `units` gives a unit to read a bare number in, for fields whose unit a window shows beside the box
    (for example {"weight": "kg", "concentration": "million cells/mL"}); a unit typed in such a box must be
    of the same kind as the one beside it. Without a unit for weight, dose, concentration or a volume or
    time (the command line), a bare number is refused: `--dose 150` never means 150 cells.
    """
    units = units or {}
    errors: dict[str, InputError] = {}
    values: dict[str, object] = {}

    def take(field: str, parse: Callable[[str], object], optional: bool = False) -> None:
        text = texts.get(field)
        if optional and (text is None or not str(text).strip()):
            return
        try:
            values[field] = parse(str(text) if text is not None else "")
        except InputError as error:
            errors[field] = error

    take("weight", lambda t: parsing.read_weight(t, units.get("weight")))
    take("dose", lambda t: parsing.read_dose(t, units.get("dose")))
    take("concentration", lambda t: parsing.parse_concentration(t, units.get("concentration")))
    take("viability", parsing.parse_viability)
    take("bag_volume", lambda t: parsing.parse_volume("bag_volume", t, units.get("bag_volume")))
    take("bags", parsing.parse_bags, optional=True)
    take("basis", _basis, optional=True)
    take("age", parsing.parse_age, optional=True)
    take("final_volume", lambda t: parsing.parse_volume("final_volume", t, units.get("final_volume")),
         optional=True)
    take("duration", lambda t: parsing.parse_duration(t, units.get("duration")), optional=True)
    take("drop_factor", parsing.parse_drop_factor, optional=True)
    take("increment", lambda t: parsing.parse_volume("increment", t, units.get("increment")), optional=True)
    take("din", parse_din, optional=True)
    take("thawed_at", lambda t: parsing.parse_datetime("thawed_at", t), optional=True)
    take("now", lambda t: parsing.parse_datetime("now", t), optional=True)
    take("date_of_birth", parse_date_of_birth, optional=True)  # issue 19 (engine)
    # --- issue 11: plausibility inputs ---
    take("label_cells", plausibility.parse_label_cells, optional=True)
    take("dmso", plausibility.parse_dmso_percent, optional=True)
    take("expires_at", lambda t: parsing.parse_datetime("expires_at", t), optional=True)
    # --- end issue 11 ---

    thawed, now = values.get("thawed_at"), values.get("now")
    if isinstance(thawed, datetime) and "thawed_at" not in errors:
        reference = now if isinstance(now, datetime) else datetime.now().astimezone()
        if thawed > reference:
            errors["thawed_at"] = InputError(
                "thawed_at", str(texts.get("thawed_at")),
                f"Thaw time: “{shown(str(texts.get('thawed_at')))}” is later than the current time "
                f"({reference.isoformat(timespec='minutes')}). Accepted: {parsing.ACCEPTED['thawed_at']}, "
                "not in the future.")
    if errors:
        ordered = {field: errors[field] for field in FIELDS if field in errors}
        return None, ordered
    weight: parsing.Entry = values["weight"]  # type: ignore[assignment]
    dose: parsing.Entry = values["dose"]  # type: ignore[assignment]
    request = DoseRequest(
        weight_kg=weight.value,
        dose_mode=dose.mode,
        dose_value=dose.value,
        concentration_cells_per_ml=values["concentration"],  # type: ignore[arg-type]
        viability_percent=values["viability"],  # type: ignore[arg-type]
        bag_volume_ml=values["bag_volume"],  # type: ignore[arg-type]
        bags_available=values.get("bags", 1),  # type: ignore[arg-type]
        count_basis=values.get("basis", "total"),  # type: ignore[arg-type]
        age_years=values.get("age"),  # type: ignore[arg-type]
        final_volume_ml=values.get("final_volume"),  # type: ignore[arg-type]
        duration_min=values.get("duration"),  # type: ignore[arg-type]
        drop_factor_gtt_per_ml=values.get("drop_factor"),  # type: ignore[arg-type]
        increment_ml=values.get("increment"),  # type: ignore[arg-type]
        din=values.get("din"),  # type: ignore[arg-type]
        thawed_at=thawed,  # type: ignore[arg-type]
        now=now,  # type: ignore[arg-type]
        weight_entered=weight.entered,  # as entered, written by the display rules ("136.5 lb")
        dose_entered=dose.entered,  # "150 million cells", never "1.50e8 cells"
        date_of_birth=values.get("date_of_birth"),  # type: ignore[arg-type]
        label_cells_per_bag=values.get("label_cells"),  # type: ignore[arg-type]  # issue 11
        dmso_percent=values.get("dmso"),  # type: ignore[arg-type]  # issue 11
        expires_at=values.get("expires_at"),  # type: ignore[arg-type]  # issue 11
    )
    return request, {}
