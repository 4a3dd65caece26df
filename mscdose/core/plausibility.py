"""Plausibility limits: values that parse cleanly but that no preparation should use (issue 11).

A ten-fold concentration slip, a one-second infusion or a drop factor of 13 all parse as valid quantities;
the dose window alone does not catch them, because the engine faithfully turns a wrong input into a
consistent wrong preparation. These checks compare the inputs and the preparation with what the site can
actually make and give, read from the `[plausibility]` table of the protocol file (limits are data, never
code). Only the lot concentration's usual range is soft: every other breach here is physically impossible,
unmeasurable, or toxic, so it is hard.

This module is imported by `core/protocol.py` (to read the table) and so never imports it back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from mscdose.core import display as show
from mscdose.core import parsing
from mscdose.core import step_texts as wording
from mscdose.core.errors import InputError, ProtocolError
from mscdose.core.flags import CATALOGUE, Flag, Severity
from mscdose.core.messages import QT_TRANSLATE_NOOP, Message, said, span, word
from mscdose.core.units import registry

if TYPE_CHECKING:
    from mscdose.core.engine import Step
    from mscdose.core.protocol import Protocol
    from mscdose.core.request import DoseRequest

HUNDRED = Decimal(100)
SIXTY = Decimal(60)

# The flags this module raises, with their severity and wording from the one catalogue (core/flags.py).
PLAUSIBILITY_CATALOGUE: dict[str, tuple[Severity, str]] = {
    code: CATALOGUE[code] for code in (
        "CONCENTRATION_UNUSUAL", "LABEL_COUNT_MISMATCH", "DURATION_OUTSIDE_RANGE", "DROP_FACTOR_NOT_IN_LIST",
        "INCREMENT_NOT_IN_LIST", "RATE_ABOVE_MAXIMUM", "VOLUME_ABOVE_MAXIMUM_PER_KG", "DMSO_ABOVE_LIMIT",
        "PRODUCT_EXPIRED",
    )
}  # one wording of each flag: the catalogue in core/flags.py


def _flag(code: str, field_name: str, message: str | Message) -> Flag:
    return Flag(code=code, severity=PLAUSIBILITY_CATALOGUE[code][0], field=field_name,
                message=message)  # type: ignore[arg-type]


# ---------------------------------------------------------------------------------------------- the table

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
    if duration is not None and not _inside(duration, p.min_duration, p.max_duration):
        raise reader.error("min_duration", "the site default duration (site_defaults.duration) is outside "
                                           "plausibility.min_duration to plausibility.max_duration")
    if drop is not None and p.drop_factors is not None and drop not in p.drop_factors.values:
        raise reader.error("drop_factors", "does not include the site default drop factor "
                                           "(site_defaults.drop_factor)")
    if increment is not None and p.volume_increments is not None and increment not in p.volume_increments.values:
        raise reader.error("volume_increments", "does not include the site default volume increment "
                                                "(site_defaults.volume_increment)")


def _inside(value: Decimal, low: Limit | None, high: Limit | None) -> bool:
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


def dmso_percent_used(r: DoseRequest, p: Protocol) -> tuple[Decimal | None, str]:
    """The DMSO % v/v the check used and where it came from ("entered", "protocol default" or "none")."""
    if r.dmso_percent is not None:
        return r.dmso_percent, "entered"
    default = p.plausibility.dmso_percent
    return (default.value, "protocol default") if default is not None else (None, "none")


# ---------------------------------------------------------------------------------- the request's inputs

LABEL_CELLS_ACCEPTED = QT_TRANSLATE_NOOP("CoreMessage",
                                         "a number of cells with its unit, such as 100 million cells or 1e8 cells")
DMSO_ACCEPTED = QT_TRANSLATE_NOOP("CoreMessage", "a percentage (v/v) from 0 to 50, such as 10 % or 5")
_PERCENT = re.compile(r"^\s*(?P<number>\d{1,2}(?:\.\d{1,3})?|\.\d{1,3})\s*(?:%\s*(?:v/v)?)?\s*$", re.ASCII)


def parse_label_cells(text: str) -> Decimal:
    """Total cells per bag as printed on the label. A bare number is refused, as for every cell count
    (a bare 100 could be cells or millions of cells); per-kg counts are not a label's."""
    given = "" if text is None else str(text)
    try:
        mode, cells = parsing.parse_dose(given, None)
    except InputError as error:
        reason: Message | str = error.message.removeprefix("Dose: ").split(" Accepted:")[0]
        problem = error.params.get("problem")
        if isinstance(problem, Message) and problem.text == reason:
            reason = problem  # the dose error's problem, translated in its turn
        raise InputError("label_cells", given, said(  # type: ignore[arg-type]
            QT_TRANSLATE_NOOP("CoreMessage", "Label cells per bag: {problem} Accepted: {accepted}."),
            problem=reason, accepted=said(LABEL_CELLS_ACCEPTED))) from None
    if mode != "total":
        raise InputError("label_cells", given, said(  # type: ignore[arg-type]
            QT_TRANSLATE_NOOP("CoreMessage", "Label cells per bag: “{typed}” is a dose per kg, not the cells in one "
                                             "bag. Accepted: {accepted}."),
            typed=given.strip(), accepted=said(LABEL_CELLS_ACCEPTED)))
    return cells


def parse_dmso_percent(text: str) -> Decimal:
    """The lot's DMSO concentration in % v/v. Only ASCII digits; a bare number is a percentage."""
    given = "" if text is None else str(text)
    match = _PERCENT.match(given)
    if not match:
        raise InputError("dmso", given, said(  # type: ignore[arg-type]
            QT_TRANSLATE_NOOP("CoreMessage", "DMSO: could not read “{typed}” as a percentage. Accepted: {accepted}."),
            typed=given.strip(), accepted=said(DMSO_ACCEPTED)))
    try:
        value = Decimal(match["number"])
    except InvalidOperation:  # pragma: no cover - the pattern admits only plain decimals
        raise InputError("dmso", given, said(  # type: ignore[arg-type]
            QT_TRANSLATE_NOOP("CoreMessage", "DMSO: “{typed}” is not a number. Accepted: {accepted}."),
            typed=given.strip(), accepted=said(DMSO_ACCEPTED))) from None
    if value > 50:
        raise InputError("dmso", given, said(  # type: ignore[arg-type]
            QT_TRANSLATE_NOOP("CoreMessage", "DMSO: “{typed}” is more than 50 %. Accepted: {accepted}."),
            typed=given.strip(), accepted=said(DMSO_ACCEPTED)))
    return value


# ------------------------------------------------------------------------------------------- the checks

def _past(value: Decimal, limit: Decimal, unit_text: str, places: int = 2) -> str:
    """`value` with enough decimals that it never reads as equal to `limit` when it is not."""
    while places < 10 and show.plain(value, places) == show.plain(limit, places) and value != limit:
        places += 1
    return f"{show.plain(value, places)} {unit_text}"


def _site(limit: Limit | Choices) -> str:
    return {"site": "site value", "mscdose": "published default"}.get(limit.source, "protocol value")


def plausibility_flags(
    r: DoseRequest,
    p: Protocol,
    *,
    volume_ml: Decimal,
    final_volume_ml: Decimal,
    duration_min: Decimal,
    drop_factor_gtt_per_ml: Decimal,
    increment_ml: Decimal,
    rate_ml_per_h: Decimal,
) -> tuple[list[Flag], list[Step]]:
    """Flags and calculation steps for one computed preparation. `rate_ml_per_h` is the exact rate (before
    setting it to the pump's 0.1 mL/h), so a rate just over the maximum is never rounded inside it."""
    from mscdose.core.engine import Step  # engine imports protocol, which imports this module

    limits: Plausibility = p.plausibility
    flags: list[Flag] = []
    steps: list[Step] = []

    # Lot concentration: a usual range (soft), and the label's cells per bag (hard)
    conc = r.concentration_cells_per_ml
    low, high = limits.concentration_usual_min, limits.concentration_usual_max
    if not _inside(conc, low, high):
        usual = span(show.concentration(low.value, 4) if low else "0 million cells/mL",
                     show.concentration(high.value, 4) if high else None)
        source = _site(high) if high else _site(low) if low else "site value"
        flags.append(_flag("CONCENTRATION_UNUSUAL", "concentration", said(
            QT_TRANSLATE_NOOP("CoreMessage", "Lot concentration {concentration} is outside the usual {usual} for "
                              "this product ({source}): check the entry against the label (a ten-fold slip is the "
                              "usual cause)."),
            concentration=show.concentration(conc, 4), usual=usual, source=word(source))))
    if r.label_cells_per_bag is not None:
        counted = conc * r.bag_volume_ml
        label = r.label_cells_per_bag
        difference = abs(counted - label) / label * HUNDRED
        tolerance = limits.label_count_tolerance
        cross_check = dict(concentration=show.concentration(conc, 4), bag=show.ml(r.bag_volume_ml),
                           counted=show.cells(counted, 4), label=show.cells(label, 4),
                           difference=show.percent(difference, 1))
        steps.append(Step.of("Label cross-check",
                             said(wording.LABEL_CHECK_TOLERANCE, **cross_check, tolerance=show.percent(tolerance.value))
                             if tolerance else said(wording.LABEL_CHECK, **cross_check)))
        if tolerance is not None and difference > tolerance.value:
            flags.append(_flag("LABEL_COUNT_MISMATCH", "concentration",
                               said(QT_TRANSLATE_NOOP(
                                   "CoreMessage", "Concentration × bag volume gives {counted} per bag but the label "
                                   "says {label}: they differ by {difference}, more than the {tolerance} tolerance "
                                   "({source}). Check the concentration, its unit and the bag volume against the "
                                   "label."), counted=show.cells(counted, 4), label=show.cells(label, 4),
                                   difference=_past(difference, tolerance.value, '%', 1),
                                   tolerance=show.percent(tolerance.value), source=word(_site(tolerance)))))

    # Preparation values
    if not _inside(duration_min, limits.min_duration, limits.max_duration):
        low_d, high_d = limits.min_duration, limits.max_duration
        window = span(show.minutes(low_d.value) if low_d else "0 min",
                      show.minutes(high_d.value) if high_d else None)
        bound = low_d.value if (low_d and duration_min < low_d.value) else high_d.value  # type: ignore[union-attr]
        flags.append(_flag("DURATION_OUTSIDE_RANGE", "duration",
                           said(QT_TRANSLATE_NOOP("CoreMessage", "Infusion duration {duration} is outside the site "
                                                  "range {window} ({source})."),
                                duration=_past(duration_min, bound, 'min', 4), window=window,
                                source=word(_site(high_d or low_d)))))  # type: ignore[arg-type]
    if limits.drop_factors is not None and drop_factor_gtt_per_ml not in limits.drop_factors.values:
        flags.append(_flag("DROP_FACTOR_NOT_IN_LIST", "drop_factor",
                           said(QT_TRANSLATE_NOOP("CoreMessage", "Drop factor {drop_factor} gtt/mL is not one of "
                                                  "the site's giving sets ({listed})."),
                                drop_factor=show.plain(drop_factor_gtt_per_ml, 6), listed=limits.drop_factors.shown())))
    if limits.volume_increments is not None and increment_ml not in limits.volume_increments.values:
        flags.append(_flag("INCREMENT_NOT_IN_LIST", "increment",
                           said(QT_TRANSLATE_NOOP("CoreMessage", "Volume increment {increment} is not a step the "
                                                  "site can measure ({steps})."),
                                increment=show.ml(increment_ml, 6), steps=limits.volume_increments.shown())))
    if limits.max_infusion_rate is not None and rate_ml_per_h > limits.max_infusion_rate.value:
        top = limits.max_infusion_rate.value
        flags.append(_flag("RATE_ABOVE_MAXIMUM", "duration",
                           said(QT_TRANSLATE_NOOP("CoreMessage", "Infusion rate {rate} is above the maximum "
                                                  "{maximum} ({source}): infuse over a longer time."),
                                rate=_past(rate_ml_per_h, top, 'mL/h'), maximum=show.ml_per_h(top),
                                source=word(_site(limits.max_infusion_rate)))))
    if limits.max_volume_per_kg is not None:
        per_kg = final_volume_ml / r.weight_kg
        top = limits.max_volume_per_kg.value
        if per_kg > top:
            flags.append(_flag("VOLUME_ABOVE_MAXIMUM_PER_KG", "final_volume",
                               said(QT_TRANSLATE_NOOP("CoreMessage", "Total infusion volume {volume} ÷ {weight} = "
                                                      "{per_kg} is above the maximum {maximum} mL/kg ({source})."),
                                    volume=show.ml(final_volume_ml), weight=show.kg(r.weight_kg),
                                    per_kg=_past(per_kg, top, 'mL/kg'), maximum=show.plain(top),
                                    source=word(_site(limits.max_volume_per_kg)))))

    # DMSO carried by the cells drawn (the diluent has none)
    dmso, _ = dmso_percent_used(r, p)
    if dmso is not None:
        density, limit = limits.dmso_density.value, limits.dmso_limit_per_kg_day.value
        grams = volume_ml * dmso / HUNDRED * density
        per_kg = grams / r.weight_kg
        origin = "entered" if r.dmso_percent is not None else _site(limits.dmso_percent)  # type: ignore[arg-type]
        steps.append(Step.of("DMSO delivered", said(
            wording.DMSO, volume=show.ml(volume_ml), percent=show.percent(dmso), origin=word(origin),
            density=show.plain(density), grams=show.plain(grams, 4), weight=show.kg(r.weight_kg, 10),
            per_kg=show.plain(per_kg, 4), maximum=show.plain(limit))))
        if per_kg > limit:
            flags.append(_flag("DMSO_ABOVE_LIMIT", "dmso",
                               said(QT_TRANSLATE_NOOP("CoreMessage", "DMSO delivered {per_kg} is above the limit "
                                                      "{limit} g/kg/day ({source}). Reduce the volume of product (a "
                                                      "more concentrated lot) or wash the cells."),
                                    per_kg=_past(per_kg, limit, 'g/kg', 4), limit=show.plain(limit),
                                    source=word(_site(limits.dmso_limit_per_kg_day)))))

    # Lot expiry (from the label)
    if r.expires_at is not None:
        now = r.now or datetime.now().astimezone()
        if now >= r.expires_at:
            flags.append(_flag("PRODUCT_EXPIRED", "expires_at",
                               said(QT_TRANSLATE_NOOP("CoreMessage", "The product expired at {expiry} (label); it "
                                                      "is now {now}. Do not use this product."),
                                    expiry=show.moment(r.expires_at), now=show.moment(now))))
    return flags, steps
