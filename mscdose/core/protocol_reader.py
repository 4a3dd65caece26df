"""Reading one protocol file's values: quantities with units, settings with their source, dose windows.

Split from core/protocol.py (which assembles the Protocol) so each module can be read in one sitting. Every
error names the file and the key, because a pharmacist fixing a site file needs to know which line to change;
limits no real protocol has (issue 10) are refused here, at load, before any dose is worked out against them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from mscdose.core.eligibility import TRANSLATION_SUFFIXES
from mscdose.core.errors import ProtocolError
from mscdose.core.plausibility import Limit
from mscdose.core.units import registry

_WINDOW_KEYS = {"total_min", "total_max", "per_kg_min", "per_kg_max"}
_BAND_KEYS = {"weight_above", "weight_up_to"} | _WINDOW_KEYS

# Plausibility of the limits themselves (issue 10 §1): a file outside these is refused at load, naming the key.
_CELL_KEYS = {"total_min", "total_max", "per_kg_min", "per_kg_max"}
_CELL_LIMIT_MAX = Decimal(10) ** 12  # cells, or cells/kg
_VIABILITY_RANGE = (Decimal(50), Decimal(100))  # %
_POST_THAW_MAX_MIN = Decimal(72 * 60)  # 72 h
# A plain number (no sign, no e notation, no arithmetic), optionally "million"/"billion", then a unit name.
_PLAIN_QUANTITY = re.compile(r"\s*(?:[0-9]+(?:\.[0-9]+)?|\.[0-9]+)\s*(?:(?:million|billion)\b)?\s*"
                             r"(?:[A-Za-z%][A-Za-z% ]*(?:/\s*[A-Za-z][A-Za-z ]*)?)?\s*")

# key -> (dimension, canonical unit)
_UNITS: dict[str, tuple[str, str]] = {
    "total_min": ("[cell_count]", "cell"),
    "total_max": ("[cell_count]", "cell"),
    "per_kg_min": ("[cell_count] / [mass]", "cell/kg"),
    "per_kg_max": ("[cell_count] / [mass]", "cell/kg"),
    "weight_above": ("[mass]", "kg"),
    "weight_up_to": ("[mass]", "kg"),
    "usual_weight_min": ("[mass]", "kg"),
    "usual_weight_max": ("[mass]", "kg"),
    "age_min": ("[time]", "year"),
    "age_max": ("[time]", "year"),
    "min_viability": ("", "percent"),
    "final_volume": ("[volume]", "mL"),
    "duration": ("[time]", "min"),
    "drop_factor": ("[drop_count] / [volume]", "gtt/mL"),
    "volume_increment": ("[volume]", "mL"),
    "post_thaw_limit": ("[time]", "min"),
}


# One protocol value with where it comes from (`protocol` record, `site` choice): the same shape as a
# plausibility limit, so one class serves both (core/plausibility.py).
Setting = Limit


@dataclass(frozen=True)
class DoseWindow:
    """Limits on the delivered dose; any bound may be absent. Weight bounds select a band."""

    total_min: Decimal | None = None
    total_max: Decimal | None = None
    per_kg_min: Decimal | None = None
    per_kg_max: Decimal | None = None
    weight_above: Decimal | None = None
    weight_up_to: Decimal | None = None

    def applies_to(self, weight_kg: Decimal) -> bool:
        above = self.weight_above is None or weight_kg > self.weight_above
        below = self.weight_up_to is None or weight_kg <= self.weight_up_to
        return above and below


class _Reader:
    """Carries the file name so every error names the file and the key."""

    def __init__(self, name: str) -> None:
        self.name = name

    def error(self, key: str, message: str) -> ProtocolError:
        return ProtocolError(f"Protocol file {self.name}: key '{key}': {message}")

    def check_keys(self, table: dict[str, Any], allowed: set[str], where: str,
                   required: set[str] = frozenset()) -> None:  # type: ignore[assignment]
        for key in table:
            if key not in allowed:
                raise self.error(f"{where}{key}", f"unknown key (allowed: {', '.join(sorted(allowed))})")
        for key in sorted(required):
            if key not in table:
                raise self.error(f"{where}{key}", "missing")

    def text(self, table: dict[str, Any], key: str, where: str = "", default: str | None = None) -> str:
        if key not in table:
            if default is None:
                raise self.error(f"{where}{key}", "missing")
            return default
        value = table[key]
        if not isinstance(value, str) or not value.strip():
            raise self.error(f"{where}{key}", f"must be non-empty text, found {value!r}")
        return value

    def texts(self, table: dict[str, Any], key: str, where: str = "") -> tuple[str, ...]:
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.error(f"{where}{key}", "must be a list of non-empty texts")
        return tuple(value)

    def quantity(self, table: dict[str, Any], key: str, where: str = "") -> Decimal | None:
        if key not in table:
            return None
        return self._convert(f"{where}{key}", key, table[key])

    def _convert(self, full_key: str, key: str, raw: Any) -> Decimal:
        if not isinstance(raw, str):
            raise self.error(full_key, f"must be a quantity with its unit in quotes, such as \"100 mL\"; found {raw!r}")
        if not _PLAIN_QUANTITY.fullmatch(raw):
            raise self.error(full_key, f"{raw!r} is not a plain amount: write a number and a unit such as "
                                       "\"100 mL\" or \"300 million cells\" (no arithmetic, signs or e notation)")
        dimension, canonical = _UNITS[key]
        # Issue 18 (perf): a plain text whose unit is in the table generated from pint is read without
        # importing pint (the same value, proven by tests/core); pint decides every other text. Either way
        # the checks below still run.
        from mscdose.core.units import fast_quantity

        fast = fast_quantity(raw, canonical)
        value = fast if fast is not None else self._convert_with_pint(full_key, raw, dimension, canonical)
        if not value.is_finite() or value < 0:
            raise self.error(full_key, f"{raw!r} must be a finite amount of zero or more")
        self._plausible(full_key, key, raw, value)
        return value

    def _convert_with_pint(self, full_key: str, raw: str, dimension: str, canonical: str) -> Decimal:
        import pint  # only for a text outside the unit table (issue 18: pint costs ~150 ms to import)

        ureg = registry()
        try:
            quantity: Any = ureg.Quantity(_expand_words(raw))
        except Exception:
            raise self.error(full_key, f"cannot read {raw!r} as a quantity") from None
        if not isinstance(quantity, pint.Quantity):
            quantity = ureg.Quantity(Decimal(str(quantity)))
        wanted = ureg.get_dimensionality(dimension) if dimension else ureg.Quantity(Decimal(1)).dimensionality
        if quantity.dimensionality != wanted:
            raise self.error(full_key, f"{raw!r} has the wrong unit (expected something convertible to {canonical})")
        return Decimal(quantity.to(canonical).magnitude)

    def _plausible(self, full_key: str, key: str, raw: str, value: Decimal) -> None:
        """Limits no real protocol has are typing errors or tampering: refuse them by name."""
        if key in _CELL_KEYS and value > _CELL_LIMIT_MAX:
            raise self.error(full_key, f"{raw!r} is above the largest plausible cell limit (1,000,000 million)")
        low, high = _VIABILITY_RANGE
        if key == "min_viability" and not low <= value <= high:
            raise self.error(full_key, f"{raw!r} is outside the plausible 50 % to 100 %")
        if key == "post_thaw_limit" and value > _POST_THAW_MAX_MIN:
            raise self.error(full_key, f"{raw!r} is longer than the plausible maximum of 72 h")

    def setting(self, table: dict[str, Any], key: str, where: str, required: bool) -> Setting | None:
        full_key = f"{where}{key}"
        if key not in table:
            if required:
                raise self.error(full_key, "missing")
            return None
        raw = table[key]
        source, note = "protocol", ""
        if isinstance(raw, dict):
            self.check_keys(raw, {"value", "source", "note", *(f"note_{s}" for s in TRANSLATION_SUFFIXES)},
                            f"{full_key}.", {"value"})  # issue 16: note_zh
            source = raw.get("source", "protocol")
            if source not in ("protocol", "site"):
                raise self.error(f"{full_key}.source", f"must be 'protocol' or 'site', found {source!r}")
            note = raw.get("note", "")
            raw = raw["value"]
        value = self._convert(full_key, key, raw)
        return Setting(value=value, unit=_UNITS[key][1], text=raw, source=source, note=note)

    def window(self, table: dict[str, Any], where: str) -> DoseWindow:
        window = DoseWindow(**{key: self.quantity(table, key, where) for key in _WINDOW_KEYS | (
            _BAND_KEYS & table.keys())})
        for low, high in (("total_min", "total_max"), ("per_kg_min", "per_kg_max"),
                          ("weight_above", "weight_up_to")):
            lo, hi = getattr(window, low), getattr(window, high)
            if lo is not None and hi is not None and lo > hi:
                raise self.error(f"{where}{low}", f"is greater than {where}{high}")
        return window


def _expand_words(text: str) -> str:
    return text.replace("million", "* 1e6 *").replace("billion", "* 1e9 *").replace("* *", "*")
