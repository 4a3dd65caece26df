"""The dose engine: one request and one protocol in, one result with its steps and flags out.

Follows ../shared/domain.md exactly. All arithmetic is Decimal, so the volume tie 12.25 mL → 12.3 mL is
decided on the true value and never flipped by binary floating point. Limits are checked on the dose
delivered (after rounding the volume), which is the dose the patient actually gets.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal, getcontext, localcontext
from functools import cached_property, partial
from typing import Any

from mscdose.core import display as show
from mscdose.core import step_texts as wording
from mscdose.core.flags import Flag, status_of
from mscdose.core.messages import QT_TRANSLATE_NOOP, Message, Param, said, span, word
from mscdose.core.patient import patient_age
from mscdose.core.protocol import DoseWindow, Protocol
from mscdose.core.request import DoseRequest
from mscdose.core.time_of_use import flags_at, window_of


def write_steps(result: DoseResult, **values: Any) -> tuple[Step, ...]:
    from mscdose.core.engine_steps import write_steps as write  # imported when the steps are first read

    return write(result, **values)

HUNDRED = Decimal(100)
SIXTY = Decimal(60)
RATE_QUANTUM = Decimal("0.1")  # mL/h: what an infusion pump is set in


@dataclass(frozen=True)
class Step:
    """One line of the calculation, written so a checker can redo it with a calculator.

    `working` is the English the record keeps (saved as `"label: working"`, hashed, printed by the CLI). Made
    with `Step.of` from a core.messages.Message (issue 16), the step also keeps its `template` and `params`
    (core/step_texts.py) so a window or worksheet in another language shows the working translated with the
    same display texts (mscdose.i18n.step_working_text); like a Flag's, they are not part of the record, nor
    of equality."""

    label: str
    working: str
    template: str = field(default="", compare=False, repr=False)
    params: Mapping[str, Param] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def of(cls, label: str, working: Message) -> Step:
        """The step `label` with the working `working` says (its English text, its template and values)."""
        return cls(label, working.text, working.template, working.params)

    def as_dict(self) -> dict[str, str]:
        return {"label": self.label, "working": self.working}

    def __str__(self) -> str:
        return f"{self.label}: {self.working}"


@dataclass(frozen=True)
class DoseResult:
    request: DoseRequest
    protocol: Protocol
    final_volume_source: str
    target_dose_cells: Decimal
    viable_concentration_cells_per_ml: Decimal
    dose_concentration_cells_per_ml: Decimal
    volume_exact_ml: Decimal
    volume_to_draw_ml: Decimal
    increment_ml: Decimal
    delivered_dose_cells: Decimal
    delivered_dose_cells_per_kg: Decimal
    bags_needed: int
    site_final_volume_ml: Decimal
    final_volume_ml: Decimal
    diluent_volume_ml: Decimal
    duration_min: Decimal
    infusion_rate_exact_ml_per_h: Decimal
    infusion_rate_ml_per_h: Decimal
    drop_factor_gtt_per_ml: Decimal
    drip_rate_exact_gtt_per_min: Decimal
    drip_rate_gtt_per_min: int
    administer_before: datetime | None
    # issue 18: `steps` (below) is written from this on first reading: a batch never reads it, the window does
    write_steps: Callable[[DoseResult], tuple[Step, ...]] = field(repr=False, compare=False)
    flags: tuple[Flag, ...]
    status: str
    computed_at: datetime = field(default_factory=lambda: datetime.now().astimezone())
    # issue 10 §2: the infusion must finish by thaw + limit, so it must start by finish_by − duration
    start_by: datetime | None = None
    finish_by: datetime | None = None
    # issue 19: the age used for eligibility and where it came from ("date_of_birth", "typed" or "")
    age_years: Decimal | None = None
    age_source: str = ""

    @cached_property
    def steps(self) -> tuple[Step, ...]:
        """Each line of the calculation, written the first time it is read, from the result's own values in
        the Decimal context of the calculation, so the text is the same whenever and wherever it is read."""
        return self.write_steps(self)

    @property
    def delivered_dose_text(self) -> str:
        """The dose delivered with as many decimals as it takes never to read as inside a limit it is
        outside of (`99.999 million cells`, not `100 million cells`): show this one next to any limit."""
        windows = self.protocol.windows_for(self.request.weight_kg)
        return show.cells_beside(self.delivered_dose_cells, _bounds(windows, "total"))

    @property
    def delivered_per_kg_text(self) -> str:
        windows = self.protocol.windows_for(self.request.weight_kg)
        return show.cells_per_kg_beside(self.delivered_dose_cells_per_kg, _bounds(windows, "per_kg"))

    @property
    def hard_flags(self) -> tuple[Flag, ...]:
        return tuple(f for f in self.flags if f.severity == "hard")

    @property
    def soft_flags(self) -> tuple[Flag, ...]:
        return tuple(f for f in self.flags if f.severity == "soft")

    @property
    def volume_was_rounded(self) -> bool:
        return self.volume_to_draw_ml != self.volume_exact_ml

    def settings(self) -> dict[str, Any]:
        """The preparation values used, each with whether it is the protocol's default."""
        p, r = self.protocol, self.request
        return {
            "final_volume_ml": (self.site_final_volume_ml, r.final_volume_ml is None),
            "duration_min": (self.duration_min, r.duration_min is None),
            "drop_factor_gtt_per_ml": (self.drop_factor_gtt_per_ml, r.drop_factor_gtt_per_ml is None),
            "increment_ml": (self.increment_ml, r.increment_ml is None),
            "min_viability_percent": (p.min_viability.value, True),
            "post_thaw_limit_min": (p.post_thaw_limit.value, True),
        }


def entered_in_kg(entered: str, weight: Decimal) -> bool:
    r"""Whether `entered` is the weight written in kg: `re.fullmatch(rf"{re.escape(plain)}\s*kg", entered,
    re.IGNORECASE)` without compiling a new pattern for every weight (issue 18: a compile per calculation).
    `lstrip()` strips what `\s` matches; `lower()` maps every letter IGNORECASE matches to k or g (K, and
    the Kelvin sign U+212A, to k). tests/core/test_engine_speed.py checks it against the pattern."""
    number = show.plain(weight, 10)
    return entered.startswith(number) and entered[len(number):].lstrip().lower() == "kg"


def round_half_up(value: Decimal, increment: Decimal) -> Decimal:
    """Nearest multiple of `increment`, exact ties upwards (12.25 → 12.3 at 0.1)."""
    steps = (value / increment).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return (steps * increment).normalize() if steps else Decimal(0)


def compute(request: DoseRequest, protocol: Protocol) -> DoseResult:
    with localcontext() as ctx:
        ctx.prec = 50
        return _compute(request, protocol)


def _compute(r: DoseRequest, p: Protocol) -> DoseResult:
    flags: list[Flag] = []
    final_site = r.final_volume_ml if r.final_volume_ml is not None else p.final_volume.value
    duration = r.duration_min if r.duration_min is not None else p.duration.value
    drop_factor = r.drop_factor_gtt_per_ml if r.drop_factor_gtt_per_ml is not None else p.drop_factor.value
    increment = r.increment_ml if r.increment_ml is not None else p.volume_increment.value
    weight = r.weight_kg

    # The steps' texts are written when first read (DoseResult.steps, core/engine_steps.py): issue 18.
    target = r.dose_value * weight if r.dose_mode == "per_kg" else r.dose_value

    # Concentrations
    if r.count_basis == "total":
        viable_conc = r.concentration_cells_per_ml * r.viability_percent / HUNDRED
        total_conc = r.concentration_cells_per_ml
    else:
        viable_conc = r.concentration_cells_per_ml
        total_conc = viable_conc * HUNDRED / r.viability_percent
    dose_conc = viable_conc if p.basis == "viable" else total_conc

    # Volumes
    exact = target / dose_conc
    rounded = round_half_up(exact, increment)
    windows = p.windows_for(weight)
    window_steps: list[Step] = []  # written at once: rare, and they explain a flag
    volume = _keep_inside_window(windows, weight, target, exact, rounded, increment, dose_conc, window_steps, flags)
    if volume != exact:
        flags.append(Flag.raise_("VOLUME_ROUNDED", "volume",
                                 said(QT_TRANSLATE_NOOP("CoreMessage", "Volume rounded from {exact} to {volume} "
                                                        "(nearest {increment}); the dose delivered is recomputed "
                                                        "from it."), exact=show.ml(exact), volume=show.ml(volume),
                                      increment=show.ml(increment))))
    if volume == 0:
        flags.append(Flag.raise_("VOLUME_ROUNDS_TO_ZERO", "dose",
                                 said(QT_TRANSLATE_NOOP("CoreMessage", "The volume {exact} rounds to 0 mL at "
                                                        "{increment}: nothing measurable would be drawn."),
                                      exact=show.ml(exact), increment=show.ml(increment))))

    delivered = volume * dose_conc
    per_kg = delivered / weight

    # Bags
    bags_needed = int((volume / r.bag_volume_ml).to_integral_value(rounding=ROUND_CEILING)) if volume else 0
    available = r.bag_volume_ml * r.bags_available
    if volume > available:
        flags.append(Flag.raise_("INSUFFICIENT_PRODUCT", "bags",
                                 said(QT_TRANSLATE_NOOP("CoreMessage", "The volume to draw {volume} needs {bags} "
                                                        "bag(s) of {bag_volume}, but only {available} "
                                                        "({available_volume}) are available."),
                                      volume=show.ml(volume), bags=bags_needed, bag_volume=show.ml(r.bag_volume_ml),
                                      available=r.bags_available, available_volume=show.ml(available))))

    # Dilution and rates
    final = max(final_site, volume)
    diluent = final - volume
    if volume > final_site:
        flags.append(Flag.raise_("FINAL_VOLUME_RAISED", "final_volume",
                                 said(QT_TRANSLATE_NOOP("CoreMessage", "The cells alone are {volume}, more than "
                                                        "the site final volume {site_final}: infuse {final} with no "
                                                        "diluent."), volume=show.ml(volume),
                                      site_final=show.ml(final_site), final=show.ml(final))))
    rate_exact = final / duration * SIXTY
    rate = round_half_up(rate_exact, RATE_QUANTUM)
    drip_exact = final * drop_factor / duration
    drip = int(round_half_up(drip_exact, Decimal(1)))

    flags.extend(_dose_flags(p, windows, delivered, per_kg))
    if r.viability_percent < p.min_viability.value:
        flags.append(Flag.raise_("VIABILITY_BELOW_MINIMUM", "viability",
                                 said(QT_TRANSLATE_NOOP("CoreMessage", "Post-thaw viability {viability} is below "
                                                        "the minimum {minimum} ({source})."),
                                      viability=show.percent(r.viability_percent),
                                      minimum=show.percent(p.min_viability.value),
                                      source=word(_source(p.min_viability.source)))))
    computed_at = datetime.now().astimezone()  # issue 18: read the clock (and the local zone) once
    now = r.now or computed_at
    administer_before = start_by = None
    if r.thawed_at is not None:
        time_of_use = window_of(r.thawed_at, p.post_thaw_limit.value, duration, p.post_thaw_limit.source)
        administer_before, start_by = time_of_use.finish_by, time_of_use.start_by
        flags.extend(flags_at(time_of_use, now))
    else:
        flags.append(Flag.raise_("THAW_TIME_NOT_ENTERED", "thawed_at",
                                 said(QT_TRANSLATE_NOOP("CoreMessage", "No thaw time entered: the post-thaw "
                                                        "limit was not checked."))))
    age = patient_age(r.date_of_birth, r.age_years, now.date())
    flags.extend(age.flags)
    flags.extend(_patient_flags(p, r, age.years))
    if not p.approved:
        flags.append(Flag.raise_("PROTOCOL_NOT_APPROVED", "protocol",
                                 said(QT_TRANSLATE_NOOP("CoreMessage", "Protocol file {file} ({protocol} version "
                                                        "{version}, SHA-256 {hash}…) is not approved at this site: "
                                                        "preview only, NOT FOR ADMINISTRATION. Approve it first "
                                                        "(mscdose protocol approve FILE)."),
                                      file=p.source_name, protocol=p.id, version=p.version, hash=p.short_hash)))
    # --- issue 11: plausibility limits (core/plausibility.py); imported here because it imports Step ---
    from mscdose.core.plausibility import plausibility_flags

    more_flags, more_steps = plausibility_flags(
        r, p, volume_ml=volume, final_volume_ml=final, duration_min=duration,
        drop_factor_gtt_per_ml=drop_factor, increment_ml=increment, rate_ml_per_h=rate_exact)
    flags.extend(more_flags)
    # --- end issue 11 ---
    # --- issue 13: the scanned product labels. The scan's PRODUCT_EXPIRED names the bag, so it replaces the
    # plausibility one (raised from the same expiry, filled from the scan): one fault, one flag. ---
    if r.scans:  # issue 18: without a scan there is no label to check, and the checks are not loaded
        from mscdose.core.product_checks import scan_flags

        label_flags = scan_flags(r.scans, p.product_codes, now)
        if any(f.code == "PRODUCT_EXPIRED" for f in label_flags):
            flags = [f for f in flags if f.code != "PRODUCT_EXPIRED"]
        flags.extend(label_flags)
    # --- end issue 13 ---
    flags.sort(key=lambda f: ("hard", "soft", "info").index(f.severity))

    return DoseResult(
        request=r,
        protocol=p,
        final_volume_source="protocol" if r.final_volume_ml is None else "entered",
        target_dose_cells=target,
        viable_concentration_cells_per_ml=viable_conc,
        dose_concentration_cells_per_ml=dose_conc,
        volume_exact_ml=exact,
        volume_to_draw_ml=volume,
        increment_ml=increment,
        delivered_dose_cells=delivered,
        delivered_dose_cells_per_kg=per_kg,
        bags_needed=bags_needed,
        site_final_volume_ml=final_site,
        final_volume_ml=final,
        diluent_volume_ml=diluent,
        duration_min=duration,
        infusion_rate_exact_ml_per_h=rate_exact,
        infusion_rate_ml_per_h=rate,
        drop_factor_gtt_per_ml=drop_factor,
        drip_rate_exact_gtt_per_min=drip_exact,
        drip_rate_gtt_per_min=drip,
        administer_before=administer_before,
        write_steps=partial(write_steps, context=getcontext().copy(), total_conc=total_conc, rounded=rounded,
                            windows=windows, window_steps=tuple(window_steps), more_steps=tuple(more_steps)),
        flags=tuple(flags),
        status=status_of(flags),
        computed_at=computed_at,
        start_by=start_by,
        finish_by=administer_before,
        age_years=age.years,
        age_source=age.source,
    )


def _source(source: str) -> str:
    return "site value" if source == "site" else "protocol value"


def _bounds(windows: tuple[DoseWindow, ...], kind: str) -> list[Decimal | None]:
    return [bound for w in windows for bound in ((w.total_min, w.total_max) if kind == "total"
                                                  else (w.per_kg_min, w.per_kg_max))]


def _breaches(windows: tuple[DoseWindow, ...], delivered: Decimal,
              per_kg: Decimal) -> list[tuple[str, str, Message]]:
    """Each limit `delivered` (or its per-kg value) is outside of, as (side, "99.999 million cells", "below
    the protocol minimum of 100 million cells"): the value is written so it never reads as inside."""
    found = []
    for window in windows:
        banded = window.weight_above is not None or window.weight_up_to is not None
        band = said(QT_TRANSLATE_NOOP("CoreMessage", " for this weight band")) if banded else ""
        below = QT_TRANSLATE_NOOP("CoreMessage", "below the protocol minimum of {limit}{band}")
        above = QT_TRANSLATE_NOOP("CoreMessage", "above the protocol maximum of {limit}{band}")
        checks = (
            (window.total_min, delivered, "below", below, show.cells, show.cells_beside),
            (window.total_max, delivered, "above", above, show.cells, show.cells_beside),
            (window.per_kg_min, per_kg, "below", below, show.cells_per_kg, show.cells_per_kg_beside),
            (window.per_kg_max, per_kg, "above", above, show.cells_per_kg, show.cells_per_kg_beside),
        )
        for bound, value, side, template, fmt, beside in checks:
            if bound is not None and (value < bound if side == "below" else value > bound):
                found.append((side, beside(value, [bound]), said(template, limit=fmt(bound, 10), band=band)))
    return found


def _keep_inside_window(windows: tuple[DoseWindow, ...], weight: Decimal, target: Decimal, exact: Decimal,
                        volume: Decimal, increment: Decimal, conc: Decimal, steps: list[Step],
                        flags: list[Flag]) -> Decimal:
    """Issue 10 §4: when the exact volume gives a dose inside the window but rounding pushes it outside,
    draw the neighbouring measurable volume on the other side of the exact one if that stays inside. The
    window is an interval containing the exact volume, so only the two multiples around it can be the
    nearest inside; when neither is, no measurable volume fits and the dose flags block."""
    if volume == exact or _breaches(windows, target, target / weight):
        return volume
    rounded_breach = _breaches(windows, volume * conc, volume * conc / weight)
    if not rounded_breach:
        return volume
    other = (volume - increment if volume > exact else volume + increment).normalize()
    _, value_text, limit_said = rounded_breach[0]
    if other > 0 and not _breaches(windows, other * conc, other * conc / weight):
        steps.append(Step.of("Kept inside the window", said(wording.KEPT_INSIDE, volume=show.ml(volume),
                                                            value=value_text, limit=limit_said, other=show.ml(other))))
        flags.append(Flag.raise_("VOLUME_ROUNDED_INTO_WINDOW", "volume",
                                 said(QT_TRANSLATE_NOOP("CoreMessage", "Volume {other} drawn instead of {volume}: "
                                                        "{volume} would deliver {value}, {limit}."),
                                      other=show.ml(other), volume=show.ml(volume), value=value_text,
                                      limit=limit_said)))
        return other
    steps.append(Step.of("No measurable volume inside the window",
                         said(wording.NONE_INSIDE_OTHER, volume=show.ml(volume), value=value_text, limit=limit_said,
                              other=show.ml(other), increment=show.ml(increment)) if other > 0 else
                         said(wording.NONE_INSIDE_ZERO, volume=show.ml(volume), value=value_text, limit=limit_said,
                              increment=show.ml(increment))))
    return volume


def _dose_flags(p: Protocol, windows: tuple[DoseWindow, ...], delivered: Decimal, per_kg: Decimal) -> list[Flag]:
    return [Flag.raise_("DOSE_BELOW_RANGE" if side == "below" else "DOSE_ABOVE_RANGE", "dose",
                        said(QT_TRANSLATE_NOOP("CoreMessage", "Dose delivered {value} is {limit} ({protocol})."),
                             value=value, limit=limit, protocol=p.id))
            for side, value, limit in _breaches(windows, delivered, per_kg)]


def _patient_flags(p: Protocol, r: DoseRequest, age_years: Decimal | None) -> list[Flag]:
    flags: list[Flag] = []
    if age_years is None:
        if p.age_min is not None or p.age_max is not None:
            flags.append(Flag.raise_("AGE_NOT_ENTERED", "age", said(QT_TRANSLATE_NOOP(
                "CoreMessage", "No age entered: age eligibility was not checked."))))
    else:
        low = p.age_min is not None and age_years < p.age_min
        high = p.age_max is not None and age_years > p.age_max
        if low or high:
            window = said(QT_TRANSLATE_NOOP("CoreMessage", "{span} years"),
                          span=span(show.plain(p.age_min or 0), show.plain(p.age_max) if p.age_max else None))
            outside = said(QT_TRANSLATE_NOOP("CoreMessage", "Age {age} is outside the protocol's {window}."),
                           age=show.years(age_years), window=window)
            flag = Flag.raise_("AGE_OUTSIDE_ELIGIBILITY", "age", outside)
            if p.age_criteria & p.hard_criteria:  # the age window is a hard inclusion criterion of this trial
                flag = Flag(flag.code, "hard", flag.field, said(  # type: ignore[arg-type]
                    QT_TRANSLATE_NOOP("CoreMessage", "{outside} The age window is a hard inclusion criterion of this "
                                      "protocol: it cannot be overridden."), outside=outside))
            flags.append(flag)
    low_w, high_w = p.usual_weight_min, p.usual_weight_max
    if (low_w and r.weight_kg < low_w.value) or (high_w and r.weight_kg > high_w.value):
        usual = span(show.kg(low_w.value) if low_w else "0 kg", show.kg(high_w.value) if high_w else None)
        flags.append(Flag.raise_("WEIGHT_UNUSUAL", "weight",
                                 said(QT_TRANSLATE_NOOP("CoreMessage", "Weight {weight} is outside the usual "
                                                        "{usual}: check the unit and the entry."),
                                      weight=show.kg(r.weight_kg), usual=usual)))
    return flags
