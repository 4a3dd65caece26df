"""The `[plausibility]` table of a protocol file (issue 11): its records, and the reader that checks it.

Apart from core/plausibility.py because the two run at different times: this table is read once, with the
protocol file (core/protocol.py builds `Protocol.plausibility` from it, and refuses the file if a value is not
plausible or the protocol's own defaults break its own limits), while the checks run with each calculation on
the values the engine computed. core/plausibility.py re-exports the public names here, so callers keep
importing them from there.

Nothing here knows the request, the engine or the protocol (it imports only display, errors and units), so
core/protocol.py, core/protocol_reader.py (whose `Setting` is `Limit`) and core/plausibility.py can all
import it without a cycle.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from mscdose.core import display as show
from mscdose.core.errors import ProtocolError
from mscdose.core.units import registry


@dataclass(frozen=True)
class Limit:
    """One protocol value — a site default or a plausibility limit — with where it comes from (`protocol`,
    `site`, or `mscdose` for a built-in published default that applies when the protocol is silent).
    `core.protocol.Setting` is this class."""

    value: Decimal
    unit: str
    text: str
    source: str = "protocol"
    note: str = ""


@dataclass(frozen=True)
class Choices:
    """A list of the only values the site can use (giving sets, measurable steps)."""

    values: tuple[Decimal, ...]
    unit: str
    texts: tuple[str, ...]
    source: str = "protocol"
    note: str = ""

    def shown(self) -> str:
        return ", ".join(f"{show.plain(v, 4)} {self.unit}" for v in self.values)


# 1 g/kg/day is the DMSO limit generally applied to cryopreserved cell infusions; 1.1 g/mL is the density
# of DMSO (1.10 g/mL at 20 °C). Both apply unless a protocol states its own.
DEFAULT_DMSO_LIMIT = Limit(Decimal(1), "g/kg", "1 g/kg", "mscdose",
                           "the limit generally applied to DMSO in cryopreserved cell products, per day")
DEFAULT_DMSO_DENSITY = Limit(Decimal("1.1"), "g/mL", "1.1 g/mL", "mscdose", "density of DMSO")


@dataclass(frozen=True)
class Plausibility:
    """The `[plausibility]` table. A bound left out (None) is not checked; protocols that ship must state them."""

    concentration_usual_min: Limit | None = None
    concentration_usual_max: Limit | None = None
    label_count_tolerance: Limit | None = None
    min_duration: Limit | None = None
    max_duration: Limit | None = None
    drop_factors: Choices | None = None
    volume_increments: Choices | None = None
    max_infusion_rate: Limit | None = None
    max_volume_per_kg: Limit | None = None
    dmso_percent: Limit | None = None
    dmso_density: Limit = field(default=DEFAULT_DMSO_DENSITY)
    dmso_limit_per_kg_day: Limit = field(default=DEFAULT_DMSO_LIMIT)


# key -> (dimension, canonical unit, lowest allowed (exclusive unless 0), highest allowed (inclusive))
_KEYS: dict[str, tuple[str, str, Decimal, Decimal]] = {
    "concentration_usual_min": ("[cell_count] / [volume]", "cell/mL", Decimal(0), Decimal("1e10")),
    "concentration_usual_max": ("[cell_count] / [volume]", "cell/mL", Decimal(0), Decimal("1e10")),
    "label_count_tolerance": ("", "percent", Decimal(0), Decimal(50)),
    "min_duration": ("[time]", "min", Decimal(0), Decimal(72 * 60)),
    "max_duration": ("[time]", "min", Decimal(0), Decimal(72 * 60)),
    "drop_factors": ("[drop_count] / [volume]", "gtt/mL", Decimal(0), Decimal(100)),
    "volume_increments": ("[volume]", "mL", Decimal(0), Decimal(10)),
    "max_infusion_rate": ("[volume] / [time]", "mL/h", Decimal(0), Decimal(5000)),
    "max_volume_per_kg": ("[volume] / [mass]", "mL/kg", Decimal(0), Decimal(100)),
    "dmso_percent": ("", "percent", Decimal(-1), Decimal(50)),  # 0 % allowed: a DMSO-free product
    "dmso_density": ("[mass] / [volume]", "g/mL", Decimal("0.9"), Decimal("1.3")),
    "dmso_limit_per_kg_day": ("", "g/kg", Decimal(0), Decimal(5)),
}
_LISTS = {"drop_factors", "volume_increments"}
_UNIT_TEXT = re.compile(r"^[A-Za-z%/ ]*$")
_QUANTITY_TEXT = re.compile(r"^\s*(?P<number>\d+(?:\.\d+)?)\s*(?P<word>million|billion)?\s*(?P<unit>.*?)\s*$",
                            re.ASCII)
_WORDS = {"million": Decimal("1e6"), "billion": Decimal("1e9")}


def fast_value(number: str, word: str | None, unit: str, canonical: str) -> Decimal | None:
    """Issue 18: the value pint gives for "number [million|billion] unit" in `canonical`, without importing
    pint, when the unit is the canonical unit itself (pint returns the magnitude unchanged) or a spelling in
    the table generated from pint (core/unit_table.py) of the canonical unit's kind; None for any other unit
    text, which pint then decides. tests/core/test_plausibility_fast.py proves it equals pint digit for digit
    (the record keeps these values as text, so even the exponent must be pint's)."""
    if unit == canonical:
        factor = None
    else:
        from mscdose.core.unit_table import FACTORS
        from mscdose.core.units import SPELLINGS

        found = FACTORS.get(unit)
        if found is None or SPELLINGS[found[0]][0] != canonical:
            return None
        factor = found[1]
    value = Decimal(number)
    if word:
        value = value * _WORDS[word]
    return value if factor is None else value * Decimal(factor)


class _TableReader:
    """Reads `[plausibility]`; every error names the file and the key, as the rest of the loader does."""

    def __init__(self, file_name: str) -> None:
        self.file_name = file_name

    def error(self, key: str, message: str) -> ProtocolError:
        return ProtocolError(f"Protocol file {self.file_name}: key 'plausibility.{key}': {message}")

    def convert(self, key: str, raw: Any) -> Decimal:
        """A plain number and a unit, never arithmetic: "0.5 million cells/mL", "4 h", "25 %"."""
        dimension, canonical, low, high = _KEYS[key]
        if not isinstance(raw, str):
            raise self.error(key, f"must be a quantity with its unit in quotes, such as \"4 h\"; found {raw!r}")
        match = _QUANTITY_TEXT.match(raw)
        if not match or not _UNIT_TEXT.match(match["unit"]):
            raise self.error(key, f"cannot read {raw!r} as a number and a unit (no arithmetic, no e notation)")
        value = fast_value(match["number"], match["word"], match["unit"], canonical)
        if value is None:
            value = self._convert_with_pint(key, raw, match, dimension, canonical)
        if not (value > low and value <= high):
            lowest = "0" if low < 0 else f"more than {show.plain(low)}"
            raise self.error(key, f"{raw!r} is not plausible (accepted: {lowest} to {show.plain(high, 4)} "
                                  f"{canonical})")
        return value

    def _convert_with_pint(self, key: str, raw: str, match: re.Match[str], dimension: str, canonical: str
                           ) -> Decimal:
        """pint decides every unit text outside the fast path (issue 18: importing it costs ~150 ms)."""
        ureg = registry()
        try:
            unit = ureg.parse_units(match["unit"]) if match["unit"] else ureg.parse_units("")
            quantity = ureg.Quantity(Decimal(match["number"]), unit)
            if match["word"]:
                quantity = quantity * _WORDS[match["word"]]
        except Exception:  # pint raises many exception types for an unknown unit
            raise self.error(key, f"{raw!r}: '{match['unit']}' is not a unit mscdose knows") from None
        wanted = ureg.get_dimensionality(dimension) if dimension else ureg.Quantity(Decimal(1)).dimensionality
        if quantity.dimensionality != wanted:
            raise self.error(key, f"{raw!r} has the wrong unit (expected something convertible to {canonical})")
        return Decimal(quantity.to(canonical).magnitude)

    def unwrap(self, key: str, raw: Any) -> tuple[Any, str, str]:
        if not isinstance(raw, dict):
            return raw, "protocol", ""
        for inner in raw:
            if inner not in ("value", "source", "note"):
                raise self.error(f"{key}.{inner}", "unknown key (allowed: note, source, value)")
        if "value" not in raw:
            raise self.error(f"{key}.value", "missing")
        source = raw.get("source", "protocol")
        if source not in ("protocol", "site"):
            raise self.error(f"{key}.source", f"must be 'protocol' or 'site', found {source!r}")
        note = raw.get("note", "")
        if not isinstance(note, str):
            raise self.error(f"{key}.note", "must be text")
        return raw["value"], source, note

    def limit(self, key: str, raw: Any) -> Limit:
        value, source, note = self.unwrap(key, raw)
        return Limit(self.convert(key, value), _KEYS[key][1], value, source, note)

    def choices(self, key: str, raw: Any) -> Choices:
        value, source, note = self.unwrap(key, raw)
        if not isinstance(value, list) or not value:
            raise self.error(key, "must be a non-empty list of quantities, such as [\"15 gtt/mL\", \"20 gtt/mL\"]")
        values = tuple(self.convert(key, item) for item in value)
        if len(set(values)) != len(values):
            raise self.error(key, "lists the same value twice")
        return Choices(tuple(sorted(values)), _KEYS[key][1], tuple(value), source, note)


def read_plausibility(table: Any, file_name: str, site_defaults: dict[str, Any] | None = None) -> Plausibility:
    """Build the `[plausibility]` table of a protocol file (None: the table is absent, nothing is checked
    but DMSO against its published defaults). The protocol's own preparation defaults must pass its own
    limits: a file whose default drop factor is not in its list of giving sets is refused."""
    if table is None:
        return Plausibility()
    reader = _TableReader(file_name)
    if not isinstance(table, dict):
        raise ProtocolError(f"Protocol file {file_name}: key 'plausibility': must be a table")
    for key in table:
        if key not in _KEYS:
            raise reader.error(key, f"unknown key (allowed: {', '.join(sorted(_KEYS))})")
    values: dict[str, Any] = {key: (reader.choices(key, raw) if key in _LISTS else reader.limit(key, raw))
                              for key, raw in table.items()}
    result = Plausibility(**values)
    for low, high in (("concentration_usual_min", "concentration_usual_max"), ("min_duration", "max_duration")):
        lo, hi = getattr(result, low), getattr(result, high)
        if lo is not None and hi is not None and lo.value > hi.value:
            raise reader.error(low, f"is greater than plausibility.{high}")
    _check_defaults(result, reader, site_defaults or {})
    return result


def _check_defaults(p: Plausibility, reader: _TableReader, site: dict[str, Any]) -> None:
    def default(key: str) -> Decimal | None:
        setting = site.get(key)
        return None if setting is None else setting.value

    duration, drop, increment = default("duration"), default("drop_factor"), default("volume_increment")
    if duration is not None and not inside_limits(duration, p.min_duration, p.max_duration):
        raise reader.error("min_duration", "the site default duration (site_defaults.duration) is outside "
                                           "plausibility.min_duration to plausibility.max_duration")
    if drop is not None and p.drop_factors is not None and drop not in p.drop_factors.values:
        raise reader.error("drop_factors", "does not include the site default drop factor "
                                           "(site_defaults.drop_factor)")
    if increment is not None and p.volume_increments is not None and increment not in p.volume_increments.values:
        raise reader.error("volume_increments", "does not include the site default volume increment "
                                                "(site_defaults.volume_increment)")


def inside_limits(value: Decimal, low: Limit | None, high: Limit | None) -> bool:
    """Whether `value` is within `low` to `high`, both inclusive; a bound left out (None) is not checked.
    Here for the protocol's own defaults and, in core/plausibility.py, for each calculation's values."""
    return (low is None or value >= low.value) and (high is None or value <= high.value)


def limits_dict(p: Plausibility) -> dict[str, dict[str, Any]]:
    """The limits as plain data for the record and the worksheet (like `protocol_settings`): only the keys
    that are set, each with its value(s) as text, unit, text as written, source and note."""
    out: dict[str, dict[str, Any]] = {}
    for name in p.__dataclass_fields__:
        item = getattr(p, name)
        if isinstance(item, Limit):
            out[name] = {"value": f"{item.value:f}", "unit": item.unit, "text": item.text, "source": item.source,
                         "note": item.note}
        elif isinstance(item, Choices):
            out[name] = {"value": [f"{v:f}" for v in item.values], "unit": item.unit, "text": list(item.texts),
                         "source": item.source, "note": item.note}
    return out
