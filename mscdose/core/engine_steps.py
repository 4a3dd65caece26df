"""The steps of a calculation as a checker reads them, written from a DoseResult when they are first read.

Why apart from the engine (issue 18): writing the steps is about 40 numbers to text, most of the time of a
calculation. The window reads them at once; a batch (`mscdose validate`, thousands of rows) never does. So
`compute` keeps what the steps need and `DoseResult.steps` calls `write_steps` on first reading, in the Decimal
context the calculation ran in: the text is the same to the digit as when it was written during the
calculation (benchmarks/engine_identity.py compares every output over 4,000 requests before and after).

Nothing here decides anything: every value comes from the result; only texts are made.
"""

from __future__ import annotations

import re
from decimal import Context, Decimal, localcontext
from typing import TYPE_CHECKING

from mscdose.core import display as show
from mscdose.core.engine import Step, _bounds, entered_in_kg

if TYPE_CHECKING:
    from mscdose.core.engine import DoseResult
    from mscdose.core.protocol import DoseWindow

_POUNDS = re.compile(r"lbs?\b", re.IGNORECASE)  # a weight entered in pounds gets the factor in its step


def write_steps(result: DoseResult, *, context: Context, total_conc: Decimal, rounded: Decimal,
                windows: tuple[DoseWindow, ...], window_steps: tuple[Step, ...],
                more_steps: tuple[Step, ...]) -> tuple[Step, ...]:
    """The steps in the order of the calculation. `rounded` is the volume rounded to the increment before
    the dose window was checked; `window_steps` (kept inside the window) and `more_steps` (plausibility)
    were written by the calculation itself, next to the flags they explain."""
    with localcontext(context):
        return _in_order(result, total_conc, rounded, windows, window_steps, more_steps)


def _in_order(result: DoseResult, total_conc: Decimal, rounded: Decimal, windows: tuple[DoseWindow, ...],
              window_steps: tuple[Step, ...], more_steps: tuple[Step, ...]) -> tuple[Step, ...]:
    r, p = result.request, result.protocol
    weight = r.weight_kg
    target = result.target_dose_cells
    dose_conc = result.dose_concentration_cells_per_ml
    exact, increment, volume = result.volume_exact_ml, result.increment_ml, result.volume_to_draw_ml
    steps: list[Step] = []

    # Weight, when it was not entered in kg: the exact conversion, so a checker can redo it
    entered = r.weight_entered.strip()
    if entered and not entered_in_kg(entered, weight):
        steps.append(Step("Weight", f"{entered} = {show.kg(weight, 10)}"
                          + (" (1 lb = 0.45359237 kg)" if _POUNDS.search(entered) else "")))

    # Target dose
    if r.dose_mode == "per_kg":
        steps.append(Step("Target dose", f"{show.cells_per_kg(r.dose_value, 4)} × {show.kg(weight, 10)} = "
                                         f"{show.cells(target, 4)}"))
    else:
        steps.append(Step("Target dose", f"{show.cells(target, 4)} (prescribed as a total)"))

    # Concentrations
    viable_conc = result.viable_concentration_cells_per_ml
    if r.count_basis == "total":
        steps.append(Step("Viable concentration",
                          f"{show.concentration(total_conc, 4)} × {show.percent(r.viability_percent)} ÷ 100 = "
                          f"{show.concentration(viable_conc, 4)}"))
    else:
        steps.append(Step("Viable concentration",
                          f"{show.concentration(viable_conc, 4)} (the lot count is of viable cells; viability "
                          f"{show.percent(r.viability_percent)} is checked, not applied again)"))
    if p.basis == "total":
        steps.append(Step("Dose basis", f"the protocol counts all cells: {show.concentration(total_conc, 4)}"))
    basis_word = "viable cells" if p.basis == "viable" else "cells (all)"

    # Volumes
    steps.append(Step("Exact volume", f"{show.cells(target, 4)} ÷ {show.concentration(dose_conc, 4)} = "
                                      f"{show.ml(exact)}"))
    steps.append(Step("Volume to draw", f"{show.ml(exact)} rounded to the nearest {show.ml(increment)} "
                                        f"(ties up) = {show.ml(rounded)}"))
    steps.extend(window_steps)

    delivered, per_kg = result.delivered_dose_cells, result.delivered_dose_cells_per_kg
    delivered_text = show.cells_beside(delivered, _bounds(windows, "total"), 4)
    steps.append(Step("Dose delivered", f"{show.ml(volume)} × {show.concentration(dose_conc, 4)} = "
                                        f"{delivered_text} ({basis_word})"))
    steps.append(Step("Dose delivered per kg", f"{delivered_text} ÷ {show.kg(weight, 10)} = "
                                               f"{show.cells_per_kg_beside(per_kg, _bounds(windows, 'per_kg'), 4)}"))

    # Bags
    available = r.bag_volume_ml * r.bags_available
    steps.append(Step("Bags needed", f"⌈{show.ml(volume)} ÷ {show.ml(r.bag_volume_ml)}⌉ = {result.bags_needed} "
                                     f"({r.bags_available} available, {show.ml(available)} in all)"))

    # Dilution and rates
    final_site, final, diluent = result.site_final_volume_ml, result.final_volume_ml, result.diluent_volume_ml
    steps.append(Step("Final volume", f"the larger of {show.ml(final_site)} (site) and {show.ml(volume)} = "
                                      f"{show.ml(final)}; diluent {show.ml(final)} − {show.ml(volume)} = "
                                      f"{show.ml(diluent)}"))
    duration = result.duration_min
    rate_exact, rate = result.infusion_rate_exact_ml_per_h, result.infusion_rate_ml_per_h
    rate_note = "" if rate == rate_exact else f", set to the nearest 0.1 mL/h = {show.ml_per_h(rate)}"
    steps.append(Step("Infusion rate", f"{show.ml(final)} ÷ {show.minutes(duration)} × 60 = "
                                       f"{show.ml_per_h(rate_exact, 4)}{rate_note}"))
    drop_factor, drip_exact, drip = (result.drop_factor_gtt_per_ml, result.drip_rate_exact_gtt_per_min,
                                     result.drip_rate_gtt_per_min)
    steps.append(Step("Drip rate", f"{show.ml(final)} × {show.plain(drop_factor)} gtt/mL ÷ "
                                   f"{show.minutes(duration)} = {show.gtt_per_min(drip_exact, 2)}, rounded to "
                                   f"whole drops (ties up) = {show.gtt_per_min(drip)}"))

    # Time of use
    finish_by, start_by = result.administer_before, result.start_by
    if r.thawed_at is not None and finish_by is not None:  # a thaw time always gives a finish-by time
        steps.append(Step("Finish by", f"thawed {show.moment(r.thawed_at)} + "
                                       f"{show.elapsed(p.post_thaw_limit.value)} = {show.moment(finish_by)}"))
        steps.append(Step("Start by", f"finish by {show.moment(finish_by)} − {show.elapsed(duration)} "
                                      "infusion = " + (show.moment(start_by) if start_by else "never")))
    return (*steps, *more_steps)
