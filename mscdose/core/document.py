"""The calculation document: one finished calculation as plain data, with who and for whom.

This dictionary is the single thing the record store hashes and keeps and the worksheet prints, so a
reprint shows the saved numbers, never recomputed ones. It is `serialize.result_dict` plus the people,
the product lot, the overrides and the eligibility checklist.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from mscdose.core.engine import DoseResult
from mscdose.core.flags import Flag, status_of
from mscdose.core.overrides import Override
from mscdose.core.serialize import result_dict


def eligibility_items(protocol_inclusion: Sequence[str], protocol_exclusion: Sequence[str],
                      states: Mapping[str, bool | None] | None = None) -> list[dict[str, Any]]:
    """The checklist in protocol order. State True = confirmed (inclusion met / exclusion absent),
    False = not met, None = not confirmed."""
    states = states or {}
    return [{"kind": kind, "criterion": text, "confirmed": states.get(text)}
            for kind, texts in (("inclusion", protocol_inclusion), ("exclusion", protocol_exclusion))
            for text in texts]


def record_document(
    result: DoseResult,
    *,
    patient_id: str,
    patient_name: str = "",
    prepared_by: str = "",
    checked_by: str = "",
    lot_number: str = "",
    overrides: Sequence[Override] = (),
    eligibility: Mapping[str, bool | None] | None = None,
    extra_flags: Sequence[Flag] = (),
) -> dict[str, Any]:
    """`extra_flags` are the finalising flags (`overrides.finalising_flags`): they join the document's flags
    and its status is worked out again over all of them, so an overridden eligibility flag reads `warning`."""
    document = result_dict(result)
    known = {flag["code"] for flag in document["flags"]}
    added = [flag for flag in extra_flags if flag.code not in known]
    if added:
        all_flags = [*result.flags, *added]
        all_flags.sort(key=lambda f: ("hard", "soft", "info").index(f.severity))
        document["flags"] = [flag.as_dict() for flag in all_flags]
        document["status"] = status_of(all_flags)
    document.update(
        {
            "patient": {"id": patient_id, "name": patient_name},
            "prepared_by": prepared_by,
            "checked_by": checked_by,
            "lot_number": lot_number,
            "overrides": [o.as_dict() for o in overrides],
            "eligibility": eligibility_items(result.protocol.inclusion, result.protocol.exclusion, eligibility),
            "computed_at": result.computed_at.isoformat(timespec="seconds"),
            "protocol_settings": {
                key: {"value": str(setting.value), "unit": setting.unit, "text": setting.text,
                      "source": setting.source, "note": setting.note}
                for key, setting in result.protocol.site_settings().items()
            },
        }
    )
    return document
