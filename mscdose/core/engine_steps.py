"""The steps of a calculation as a checker reads them, written from a DoseResult when they are first read.

Why apart from the engine (issue 18): writing the steps is about 40 numbers to text, most of the time of a
calculation. The window reads them at once; a batch (`mscdose validate`, thousands of rows) never does. So
`compute` keeps what the steps need and `DoseResult.steps` calls `write_steps` on first reading, in the Decimal
context the calculation ran in: the text is the same to the digit as when it was written during the
calculation (benchmarks/engine_identity.py compares every output over 4,000 requests before and after).

Nothing here decides anything: every value comes from the result; only texts are made. Each working is a
template of core/step_texts.py with its display texts (issue 16): the English is the same to the character,
and a window or worksheet in Chinese translates the words around the same numbers.
"""

from __future__ import annotations

import re
from decimal import Context, Decimal, localcontext
from typing import TYPE_CHECKING

from mscdose.core import display as show
from mscdose.core import step_texts as w
from mscdose.core.engine import Step, _bounds, entered_in_kg
from mscdose.core.messages import said, word

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
        steps.append(Step.of("Weight", said(w.WEIGHT_POUNDS if _POUNDS.search(entered) else w.WEIGHT,
                                            typed=entered, weight=show.kg(weight, 10))))

    # Target dose
    if r.dose_mode == "per_kg":
        steps.append(Step.of("Target dose", said(w.TARGET_PER_KG, per_kg=show.cells_per_kg(r.dose_value, 4),
                                                 weight=show.kg(weight, 10), target=show.cells(target, 4))))
    else:
        steps.append(Step.of("Target dose", said(w.TARGET_TOTAL, target=show.cells(target, 4))))

    # Concentrations
    viable_conc = result.viable_concentration_cells_per_ml
    if r.count_basis == "total":
        steps.append(Step.of("Viable concentration", said(
            w.VIABLE_FROM_TOTAL, concentration=show.concentration(total_conc, 4),
            viability=show.percent(r.viability_percent), viable=show.concentration(viable_conc, 4))))
    else:
        steps.append(Step.of("Viable concentration", said(
            w.VIABLE_COUNTED, viable=show.concentration(viable_conc, 4), viability=show.percent(r.viability_percent))))
    if p.basis == "total":
        steps.append(Step.of("Dose basis", said(w.BASIS_TOTAL, concentration=show.concentration(total_conc, 4))))
    basis_word = word(w.BASIS_VIABLE_WORD if p.basis == "viable" else w.BASIS_ALL_WORD)

    # Volumes
    steps.append(Step.of("Exact volume", said(w.EXACT_VOLUME, target=show.cells(target, 4),
                                              concentration=show.concentration(dose_conc, 4), exact=show.ml(exact))))
    steps.append(Step.of("Volume to draw", said(w.VOLUME_TO_DRAW, exact=show.ml(exact), increment=show.ml(increment),
                                                rounded=show.ml(rounded))))
    steps.extend(window_steps)

    delivered, per_kg = result.delivered_dose_cells, result.delivered_dose_cells_per_kg
    delivered_text = show.cells_beside(delivered, _bounds(windows, "total"), 4)
    steps.append(Step.of("Dose delivered", said(w.DELIVERED, volume=show.ml(volume),
                                                concentration=show.concentration(dose_conc, 4),
                                                delivered=delivered_text, basis=basis_word)))
    steps.append(Step.of("Dose delivered per kg", said(
        w.DELIVERED_PER_KG, delivered=delivered_text, weight=show.kg(weight, 10),
        per_kg=show.cells_per_kg_beside(per_kg, _bounds(windows, "per_kg"), 4))))

    # Bags
    available = r.bag_volume_ml * r.bags_available
    steps.append(Step.of("Bags needed", said(w.BAGS, volume=show.ml(volume), bag=show.ml(r.bag_volume_ml),
                                             bags=result.bags_needed, available=r.bags_available,
                                             total=show.ml(available))))

    # Dilution and rates
    final_site, final, diluent = result.site_final_volume_ml, result.final_volume_ml, result.diluent_volume_ml
    steps.append(Step.of("Final volume", said(w.FINAL_VOLUME, site=show.ml(final_site), volume=show.ml(volume),
                                              final=show.ml(final), diluent=show.ml(diluent))))
    duration = result.duration_min
    rate_exact, rate = result.infusion_rate_exact_ml_per_h, result.infusion_rate_ml_per_h
    if rate == rate_exact:
        rate_said = said(w.RATE, final=show.ml(final), duration=show.minutes(duration),
                         rate=show.ml_per_h(rate_exact, 4))
    else:
        rate_said = said(w.RATE_SET, final=show.ml(final), duration=show.minutes(duration),
                         exact=show.ml_per_h(rate_exact, 4), rate=show.ml_per_h(rate))
    steps.append(Step.of("Infusion rate", rate_said))
    drop_factor, drip_exact, drip = (result.drop_factor_gtt_per_ml, result.drip_rate_exact_gtt_per_min,
                                     result.drip_rate_gtt_per_min)
    steps.append(Step.of("Drip rate", said(w.DRIP, final=show.ml(final), factor=show.plain(drop_factor),
                                           duration=show.minutes(duration), exact=show.gtt_per_min(drip_exact, 2),
                                           drip=show.gtt_per_min(drip))))

    # Time of use
    finish_by, start_by = result.administer_before, result.start_by
    if r.thawed_at is not None and finish_by is not None:  # a thaw time always gives a finish-by time
        steps.append(Step.of("Finish by", said(w.FINISH_BY, thawed=show.moment(r.thawed_at),
                                               allowed=show.elapsed(p.post_thaw_limit.value),
                                               finish=show.moment(finish_by))))
        steps.append(Step.of("Start by", said(w.START_BY, finish=show.moment(finish_by),
                                              duration=show.elapsed(duration), start=show.moment(start_by))
                             if start_by else
                             said(w.START_NEVER, finish=show.moment(finish_by), duration=show.elapsed(duration))))
    return (*steps, *more_steps)
