"""The plain-text summary printed by `mscdose calc` (display rules from domain.md throughout)."""

from __future__ import annotations

from decimal import Decimal

from mscdose.core import display as show
from mscdose.core.engine import DoseResult


def summary_text(result: DoseResult) -> str:
    p = result.protocol
    lines = [
        f"Protocol {p.id} v{p.version} ({p.short_hash})",
        f"Status: {result.status.upper()}",
        "",
        f"Volume to draw:      {show.ml(result.volume_to_draw_ml)}"
        + (f"  (exact {show.ml(result.volume_exact_ml)}, rounded to {show.ml(result.increment_ml)})"
           if result.volume_was_rounded else ""),
        f"Dose delivered:      {result.delivered_dose_text} ({result.delivered_per_kg_text})",
        f"Target dose:         {_beside_limits(result, result.target_dose_cells)}",
        f"Viable concentration: {show.concentration(result.viable_concentration_cells_per_ml)}",
        f"Bags needed:         {result.bags_needed}",
        f"Diluent:             {show.ml(result.diluent_volume_ml)} "
        f"to a final volume of {show.ml(result.final_volume_ml)}",
        f"Infusion rate:       {show.ml_per_h(result.infusion_rate_ml_per_h)} over {show.minutes(result.duration_min)}",
        f"Drip rate:           {show.gtt_per_min(result.drip_rate_gtt_per_min)} "
        f"at {show.plain(result.drop_factor_gtt_per_ml)} gtt/mL",
    ]
    if result.finish_by is not None:
        start = show.moment(result.start_by) if result.start_by else "never (longer than the post-thaw limit)"
        lines.append(f"Start by:            {start}")
        lines.append(f"Finish by:           {show.moment(result.finish_by)} "
                     f"(thaw + {show.elapsed(p.post_thaw_limit.value)})")
    if result.age_years is not None:
        source = "from the date of birth" if result.age_source == "date_of_birth" else "as typed"
        lines.append(f"Age:                 {show.years(result.age_years)} ({source})")
    lines += ["", "Steps:"] + [f"  {step}" for step in result.steps]
    lines += ["", "Flags:" if result.flags else "Flags: none"]
    lines += [f"  [{flag.severity.upper()}] {flag.code}: {flag.message}" for flag in result.flags]
    return "\n".join(lines)


def _beside_limits(result: DoseResult, cells: Decimal) -> str:
    """A count with the decimals it needs never to read as inside a dose limit it is outside of."""
    windows = result.protocol.windows_for(result.request.weight_kg)
    return show.cells_beside(cells, [bound for w in windows for bound in (w.total_min, w.total_max)])
