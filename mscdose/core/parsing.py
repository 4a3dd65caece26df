"""Reading what people type into a field, and refusing clearly what cannot be read safely.

The number is read by a strict regular expression (never by evaluating an expression), the unit by pint.
Each parser returns a quantity in the field's canonical unit, or raises an `InputError` that names the
field, echoes the text and says what is accepted. A comma is always refused rather than guessed at:
"62,5 kg" must never become 625 kg, and "1,500" could be either.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Literal

import pint

from mscdose.core.errors import InputError
from mscdose.core.units import registry

LABELS: dict[str, str] = {
    "weight": "Weight",
    "dose": "Dose",
    "concentration": "Concentration",
    "viability": "Viability",
    "bag_volume": "Bag volume",
    "bags": "Bags available",
    "age": "Age",
    "final_volume": "Final volume",
    "duration": "Duration",
    "drop_factor": "Drop factor",
    "increment": "Volume increment",
    "thawed_at": "Thaw time",
    "now": "Current time",
    "din": "Donation identification number",
}

ACCEPTED: dict[str, str] = {
    "weight": "a weight with its unit, such as 62 kg, 62.5 kg or 136 lb",
    "dose": "a number of cells such as 150 million cells, 1.5e8 cells or 150 x 10^6 cells, "
    "or a dose per kg such as 2 million cells/kg",
    "concentration": "cells per volume with the volume unit, such as 5 million cells/mL or 5e6 cells/mL",
    "viability": "a percentage above 1 and at most 100, such as 92 % or 92",
    "bag_volume": "a volume with its unit, such as 20 mL or 0.02 L",
    "final_volume": "a volume with its unit, such as 100 mL",
    "increment": "a volume with its unit, such as 0.1 mL",
    "duration": "a time with its unit, such as 60 min or 1 h",
    "drop_factor": "drops per mL, such as 20 gtt/mL or 20",
    "bags": "a whole number of bags from 1 to 99, such as 2",
    "age": "an age in years from 0 to 130, such as 45 or 45 years",
    "thawed_at": "a date and time such as 2026-11-25T09:30 or 2026-11-25 09:30",
    "now": "a date and time such as 2026-11-25T09:30 or 2026-11-25 09:30",
}

# Sanity ceilings in canonical units: anything above is a typing accident, not a patient or a product.
_CEILINGS: dict[str, Decimal] = {
    "weight": Decimal(700),  # kg
    "dose_total": Decimal("1e13"),  # cells
    "dose_per_kg": Decimal("1e11"),  # cells/kg
    "concentration": Decimal("1e11"),  # cells/mL
    "bag_volume": Decimal(5000),  # mL
    "final_volume": Decimal(5000),  # mL
    "increment": Decimal(100),  # mL
    "duration": Decimal(7 * 24 * 60),  # min
    "drop_factor": Decimal(100),  # gtt/mL
}

_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺", "0123456789-+")
_NUMBER = r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?"
_QUANTITY = re.compile(
    rf"""^\s*(?P<number>{_NUMBER})
    \s*(?:[x×*·]\s*10\s*(?:\^|\*\*)?\s*(?P<power>[+-]?\d{{1,3}}))?
    \s*(?P<word>million|billion|thousand)?
    \s*(?P<unit>.*?)\s*$""",
    re.VERBOSE | re.IGNORECASE,
)
_WORDS = {"thousand": Decimal("1e3"), "million": Decimal("1e6"), "billion": Decimal("1e9")}
_NONFINITE = re.compile(r"\b(nan|inf|infinity)\b", re.IGNORECASE)


def _fail(field: str, given: str, problem: str) -> InputError:
    label = LABELS.get(field, field)
    accepted = ACCEPTED.get(field)
    tail = f" Accepted: {accepted}." if accepted else ""
    return InputError(field, given, f"{label}: {problem}{tail}")


def _normalise(text: str) -> str:
    text = text.replace("\u2212", "-").replace("\u00a0", " ").replace("\u202f", " ")
    # "10⁶" becomes "10^6"
    return re.sub(r"([⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺]+)", lambda m: "^" + m.group(1).translate(_SUPERSCRIPTS), text)


@dataclass(frozen=True)
class _Reading:
    number: Decimal
    unit: str
    scaled: bool = False  # the text carried its own multiplier (a word, e notation or x 10^n)


def _read(field: str, text: str) -> _Reading:
    given = text
    if text is None or not str(text).strip():
        raise _fail(field, "" if text is None else str(text), "nothing was entered.")
    text = _normalise(str(text))
    if "," in text:
        raise _fail(
            field,
            given,
            f"“{given.strip()}” contains a comma. Write decimals with a point (62.5, not 62,5) "
            "and numbers without thousands separators.",
        )
    if _NONFINITE.search(text):
        raise _fail(field, given, f"“{given.strip()}” is not a finite number.")
    match = _QUANTITY.match(text)
    if not match:
        raise _fail(field, given, f"could not read “{given.strip()}” as a number with a unit.")
    try:
        number = Decimal(match["number"])
        if match["power"]:
            number = number.scaleb(int(match["power"]))
        if match["word"]:
            number *= _WORDS[match["word"].lower()]
    except (InvalidOperation, ValueError, OverflowError):
        raise _fail(field, given, f"“{given.strip()}” is not a usable number.") from None
    if not number.is_finite() or abs(number.adjusted()) > 30:
        raise _fail(field, given, f"“{given.strip()}” is too large or too small to be a real value.")
    unit = match["unit"].strip()
    if match["word"] and unit.lower().startswith("of "):
        unit = unit[3:].strip()
    scaled = bool(match["word"] or match["power"] or "e" in match["number"].lower())
    return _Reading(number, unit, scaled)


def _effective_unit(reading: _Reading, default_unit: str | None) -> tuple[Decimal, str]:
    """The number and unit to use, folding a multiplier word in the unit into the number.

    A window may show "million cells/mL" beside a box: "5" there means 5 million cells/mL. But text that
    carries its own multiplier ("5 million", "5e6") is taken as written, never multiplied by a million twice.
    """
    number, unit = reading.number, reading.unit
    if not unit and default_unit:
        unit = default_unit
        if reading.scaled:
            first, _, rest = unit.partition(" ")
            if first.lower() in _WORDS:
                unit = rest
    first, _, rest = unit.partition(" ")
    if first.lower() in _WORDS:
        number, unit = number * _WORDS[first.lower()], rest.strip()
    return number, unit


def _units(field: str, given: str, unit: str) -> pint.Unit:
    try:
        parsed = registry().parse_units(unit.replace("µ", "u").replace("μ", "u"))
    except Exception:  # pint raises a zoo of exception types for garbage; all mean "not a unit"
        raise _fail(field, given, f"“{unit}” is not a unit mscdose knows.") from None
    return parsed


def _quantity(
    field: str,
    text: str,
    *,
    dimension: str,
    canonical: str,
    kind: str,
    default_unit: str | None,
    missing_unit: str | None = None,
) -> Decimal:
    """Read `text` as a positive amount of `dimension` and return its magnitude in `canonical` units."""
    reading = _read(field, text)
    given = str(text)
    if not reading.unit and default_unit is None:
        raise _fail(field, given, missing_unit or f"“{given.strip()}” needs a unit.")
    number, unit_text = _effective_unit(reading, default_unit)
    unit = _units(field, given, unit_text)
    ureg = registry()
    quantity = ureg.Quantity(number, unit)
    wanted = ureg.get_dimensionality(dimension) if dimension else ureg.Quantity(Decimal(1)).dimensionality
    if quantity.dimensionality != wanted:
        raise _fail(field, given, f"“{given.strip()}” is {_describe(quantity)}, not {kind}.")
    value = Decimal(quantity.to(canonical).magnitude)
    if value <= 0:
        raise _fail(field, given, f"“{given.strip()}” must be more than zero.")
    return value


_DESCRIPTIONS = {
    "[mass]": "a weight",
    "[volume]": "a volume",
    "[time]": "a time",
    "[cell_count]": "a number of cells",
    "[cell_count] / [volume]": "a concentration",
    "[cell_count] / [mass]": "a dose per kg",
    "[drop_count] / [volume]": "a drop factor",
    "": "a plain number",
}


def _describe(quantity: pint.Quantity) -> str:
    dims = str(quantity.dimensionality)
    return _DESCRIPTIONS.get("" if dims == "dimensionless" else dims, f"a quantity in {quantity.units:~}")


def _ceiling(field: str, key: str, given: str, value: Decimal, unit: str) -> Decimal:
    limit = _CEILINGS[key]
    if value > limit:
        raise _fail(field, given, f"“{given.strip()}” is more than {limit:,f} {unit}: check the entry.")
    return value


def parse_weight(text: str, default_unit: str | None = None) -> Decimal:
    """Weight in kg. A bare number is refused unless the caller (a GUI unit selector) names the unit."""
    value = _quantity(
        "weight",
        text,
        dimension="[mass]",
        canonical="kg",
        kind="a weight",
        default_unit=default_unit,
        missing_unit="needs a unit: kg or lb. A weight in pounds read as kilograms would double the dose.",
    )
    return _ceiling("weight", "weight", text, value, "kg")


DoseMode = Literal["total", "per_kg"]


def parse_dose(text: str, default_unit: str | None = "cell") -> tuple[DoseMode, Decimal]:
    """A prescribed dose: total cells, or cells per kg. A bare number is a count of cells."""
    reading = _read("dose", text)
    unit = _units("dose", text, _effective_unit(reading, default_unit)[1])
    ureg = registry()
    dims = ureg.Quantity(Decimal(1), unit).dimensionality
    if dims == ureg.get_dimensionality("[cell_count]"):
        value = _quantity("dose", text, dimension="[cell_count]", canonical="cell", kind="a dose",
                          default_unit=default_unit)
        return "total", _ceiling("dose", "dose_total", text, value, "cells")
    if dims == ureg.get_dimensionality("[cell_count] / [mass]"):
        value = _quantity("dose", text, dimension="[cell_count] / [mass]", canonical="cell/kg",
                          kind="a dose", default_unit=default_unit)
        return "per_kg", _ceiling("dose", "dose_per_kg", text, value, "cells/kg")
    raise _fail("dose", text, f"“{str(text).strip()}” is {_describe(ureg.Quantity(Decimal(1), unit))}, "
                "not a number of cells or cells per kg.")


def parse_concentration(text: str, default_unit: str | None = None) -> Decimal:
    """Cells per mL. The volume unit is required: "5 million" alone could be per mL or per bag."""
    value = _quantity(
        "concentration",
        text,
        dimension="[cell_count] / [volume]",
        canonical="cell/mL",
        kind="a concentration",
        default_unit=default_unit,
        missing_unit="needs a volume unit, such as cells/mL.",
    )
    return _ceiling("concentration", "concentration", text, value, "cells/mL")


def parse_viability(text: str) -> Decimal:
    """Viability in percent. Values of 1 or less are refused: 0.92 is far more likely a fraction than 0.92 %."""
    value = _quantity("viability", text, dimension="", canonical="percent", kind="a percentage",
                      default_unit="percent")
    if value > 100:
        raise _fail("viability", text, f"“{str(text).strip()}” is more than 100 %.")
    if value <= 1:
        raise _fail("viability", text, f"“{str(text).strip()}” looks like a fraction; enter a percentage "
                    "(92 %, not 0.92).")
    return value


def parse_volume(field: str, text: str, default_unit: str | None = None) -> Decimal:
    """A volume in mL for `field` (bag_volume, final_volume or increment)."""
    value = _quantity(field, text, dimension="[volume]", canonical="mL", kind="a volume",
                      default_unit=default_unit)
    return _ceiling(field, field, text, value, "mL")


def parse_duration(text: str, default_unit: str | None = None) -> Decimal:
    """Duration in minutes."""
    value = _quantity("duration", text, dimension="[time]", canonical="min", kind="a time",
                      default_unit=default_unit)
    return _ceiling("duration", "duration", text, value, "min")


def parse_drop_factor(text: str) -> Decimal:
    """Drops per mL; a bare number is drops per mL, the only way the number is ever quoted."""
    value = _quantity("drop_factor", text, dimension="[drop_count] / [volume]", canonical="gtt/mL",
                      kind="a drop factor", default_unit="gtt/mL")
    return _ceiling("drop_factor", "drop_factor", text, value, "gtt/mL")


def parse_bags(text: str) -> int:
    given = "" if text is None else str(text)
    stripped = given.strip()
    if not stripped:
        raise _fail("bags", given, "nothing was entered.")
    if not re.fullmatch(r"\d{1,2}", stripped) or int(stripped) < 1:
        raise _fail("bags", given, f"“{stripped}” is not a whole number of bags from 1 to 99.")
    return int(stripped)


def parse_age(text: str) -> Decimal:
    """Age in years. Zero is allowed (a newborn); the protocol's window is checked by the engine."""
    reading = _read("age", text)
    unit = _units("age", str(text), reading.unit or "year")
    ureg = registry()
    quantity = ureg.Quantity(reading.number, unit)
    if quantity.dimensionality != ureg.get_dimensionality("[time]"):
        raise _fail("age", str(text), f"“{str(text).strip()}” is {_describe(quantity)}, not an age.")
    years = Decimal(quantity.to("year").magnitude)
    if years < 0 or years > 130:
        raise _fail("age", str(text), f"“{str(text).strip()}” is not an age from 0 to 130 years.")
    return years


def parse_datetime(field: str, text: str) -> datetime:
    """An ISO 8601 date and time. A time without a zone is local wall-clock time of this workstation."""
    given = "" if text is None else str(text)
    stripped = given.strip()
    if not stripped:
        raise _fail(field, given, "nothing was entered.")
    try:
        moment = datetime.fromisoformat(stripped.replace("Z", "+00:00"))
    except ValueError:
        raise _fail(field, given, f"could not read “{stripped}” as a date and time.") from None
    if moment.tzinfo is None:
        moment = moment.astimezone()
    return moment


def convert_weight_text(text: str, from_unit: str, to_unit: str) -> str | None:
    """The same weight written in `to_unit` (a bare number, at most two decimals), or None when the text
    cannot be read: then the window keeps the text and simply reads it in the new unit, showing its error.

    Two decimals change the weight by at most 5 g (0.005 kg or 0.005 lb), well inside any scale's precision,
    and a switch back gives the original text again (62 kg -> 136.69 lb -> 62 kg).
    """
    try:
        kilograms = parse_weight(text, from_unit)
    except InputError:
        return None
    from mscdose.core.display import plain

    converted = Decimal(registry().Quantity(kilograms, "kg").to(to_unit).magnitude)
    return plain(converted, 2)
