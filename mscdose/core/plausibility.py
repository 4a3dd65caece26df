"""Plausibility limits: values that parse cleanly but that no preparation should use (issue 11).

A ten-fold concentration slip, a one-second infusion or a drop factor of 13 all parse as valid quantities;
the dose window alone does not catch them, because the engine faithfully turns a wrong input into a
consistent wrong preparation. These checks compare the inputs and the preparation with what the site can
actually make and give, read from the `[plausibility]` table of the protocol file (limits are data, never
code). Only the lot concentration's usual range is soft: every other breach here is physically impossible,
unmeasurable, or toxic, so it is hard.

Here: the request's two label inputs (cells per bag, DMSO %) and the checks run with each calculation. The
table itself — its records and the reader run with the protocol file — is core/plausibility_table.py; its
public names are re-exported below, so `from mscdose.core.plausibility import Limit, read_plausibility`
keeps working. core/protocol.py imports the table's names from here, so this module never imports it back
(the engine, the protocol and the request only for type checking or inside a function).
"""

from __future__ import annotations

import re
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from mscdose.core import display as show
from mscdose.core import parsing
from mscdose.core import step_texts as wording
from mscdose.core.errors import InputError
from mscdose.core.flags import CATALOGUE, Flag, Severity
from mscdose.core.messages import QT_TRANSLATE_NOOP, Message, said, span, word
from mscdose.core.plausibility_table import DEFAULT_DMSO_DENSITY as DEFAULT_DMSO_DENSITY
from mscdose.core.plausibility_table import DEFAULT_DMSO_LIMIT as DEFAULT_DMSO_LIMIT
from mscdose.core.plausibility_table import Choices as Choices
from mscdose.core.plausibility_table import Limit as Limit
from mscdose.core.plausibility_table import Plausibility as Plausibility
from mscdose.core.plausibility_table import fast_value as fast_value
from mscdose.core.plausibility_table import inside_limits
from mscdose.core.plausibility_table import limits_dict as limits_dict
from mscdose.core.plausibility_table import read_plausibility as read_plausibility

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

def dmso_percent_used(r: DoseRequest, p: Protocol) -> tuple[Decimal | None, str]:
    """The DMSO % v/v the check used and where it came from ("entered", "protocol default" or "none")."""
    if r.dmso_percent is not None:
        return r.dmso_percent, "entered"
    default = p.plausibility.dmso_percent
    return (default.value, "protocol default") if default is not None else (None, "none")


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
    if not inside_limits(conc, low, high):
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
    if not inside_limits(duration_min, limits.min_duration, limits.max_duration):
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
