"""A result as plain JSON-ready data: the `--json` contract of the CLI and what the record store keeps.

Numbers are plain JSON numbers in the units their key names (integers when whole). The same dictionary
is what the audit record hashes, so its layout is part of the contract: add keys, never rename them.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from mscdose import __version__
from mscdose.core.engine import DoseResult
from mscdose.core.protocol import Protocol


def number(value: Decimal | int | None) -> int | float | None:
    if value is None:
        return None
    value = Decimal(value)
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def protocol_ref(protocol: Protocol) -> dict[str, str]:
    return {"id": protocol.id, "version": protocol.version, "sha256": protocol.sha256,
            "title": protocol.title, "dose_basis": protocol.basis}


def inputs_dict(result: DoseResult) -> dict[str, Any]:
    """The normalised inputs, in canonical units, with the preparation values actually used."""
    r = result.request
    return {
        "weight_kg": number(r.weight_kg),
        "weight_entered": r.weight_entered,
        "dose_mode": r.dose_mode,
        "dose_cells" if r.dose_mode == "total" else "dose_cells_per_kg": number(r.dose_value),
        "dose_entered": r.dose_entered,
        "concentration_cells_per_ml": number(r.concentration_cells_per_ml),
        "count_basis": r.count_basis,
        "viability_percent": number(r.viability_percent),
        "bag_volume_ml": number(r.bag_volume_ml),
        "bags_available": r.bags_available,
        "age_years": number(r.age_years),
        "final_volume_ml": number(result.site_final_volume_ml),
        "duration_min": number(result.duration_min),
        "drop_factor_gtt_per_ml": number(result.drop_factor_gtt_per_ml),
        "increment_ml": number(result.increment_ml),
        "defaults_changed": [key for key, (_, default) in result.settings().items() if not default],
        "din": r.din.display if r.din else None,
        "thawed_at": r.thawed_at.isoformat() if r.thawed_at else None,
        "now": r.now.isoformat() if r.now else None,
        "date_of_birth": r.date_of_birth.isoformat() if r.date_of_birth else None,
        # --- issue 13: the product label as scanned. Each scan is kept whole, marked "source": "scan"; the
        # sources say which of the DIN, product code and expiry were scanned, typed, or typed and scanned. ---
        "product_code": r.product_code,
        "expires_at": r.expires_at.isoformat(timespec="minutes") if r.expires_at else None,
        "sources": dict(r.value_sources),
        "scans": [scan.as_dict() for scan in r.scans],
        # --- end issue 13 ---
        # issue 11: the label's cells per bag and the DMSO % as entered (None: not entered, the protocol's
        # default DMSO % then applies and the step says so), so a correction can load them again
        "label_cells_per_bag": number(r.label_cells_per_bag),
        "dmso_percent": number(r.dmso_percent),
    }


def _accepted(protocol: Protocol) -> dict[str, Any] | None:
    """The protocol's accepted product codes as checked, with their source (a site value is printed so)."""
    listed = protocol.product_codes
    if listed is None:
        return None
    return {"codes": list(listed.codes), "source": listed.source, "note": listed.note}


def result_dict(result: DoseResult) -> dict[str, Any]:
    return {
        "target_dose_cells": number(result.target_dose_cells),
        "viable_concentration_cells_per_ml": number(result.viable_concentration_cells_per_ml),
        "dose_concentration_cells_per_ml": number(result.dose_concentration_cells_per_ml),
        "volume_exact_ml": number(result.volume_exact_ml),
        "volume_to_draw_ml": number(result.volume_to_draw_ml),
        "delivered_dose_cells": number(result.delivered_dose_cells),
        "delivered_dose_cells_per_kg": number(result.delivered_dose_cells_per_kg),
        "bags_needed": result.bags_needed,
        "diluent_volume_ml": number(result.diluent_volume_ml),
        "final_volume_ml": number(result.final_volume_ml),
        "infusion_rate_ml_per_h": number(result.infusion_rate_ml_per_h),
        "drip_rate_gtt_per_min": result.drip_rate_gtt_per_min,
        "administer_before": result.administer_before.isoformat() if result.administer_before else None,
        # issue 10: the infusion must start by / finish by these (administer_before = finish_by, kept for
        # old readers); the dose delivered as text that never reads as inside a limit it is outside of
        "start_by": result.start_by.isoformat() if result.start_by else None,
        "finish_by": result.finish_by.isoformat() if result.finish_by else None,
        "delivered_dose_text": result.delivered_dose_text,
        "delivered_dose_per_kg_text": result.delivered_per_kg_text,
        # issue 19: the age used for eligibility, and whether it came from the date of birth or was typed
        "age_years": number(result.age_years),
        "age_source": result.age_source or None,
        "status": result.status,
        "flags": [flag.as_dict() for flag in result.flags],
        "steps": [str(step) for step in result.steps],
        "inputs": inputs_dict(result),
        "product_code": result.request.product_code,  # issue 13: what the bedside check compares
        "product_codes_accepted": _accepted(result.protocol),  # issue 13
        "protocol": protocol_ref(result.protocol),
        "app_version": __version__,
    }
