"""The calculation document: one finished calculation as plain data, with who and for whom.

This dictionary is the single thing the record store hashes and keeps and the worksheet prints, so a
reprint shows the saved numbers, never recomputed ones. It is `serialize.result_dict` plus the people,
the product lot, the overrides and the eligibility checklist.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from mscdose.core.engine import DoseResult
from mscdose.core.flags import Flag, status_of
from mscdose.core.overrides import Override
from mscdose.core.patient import parse_date, parse_date_of_birth
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
    date_of_birth: str | date = "",
    prescriber: str = "",
    order_reference: str = "",
    order_date: str | date = "",
) -> dict[str, Any]:
    """`extra_flags` are the finalising flags (`overrides.finalising_flags`, `infusion_limit_flags`,
    `time_of_use_flags`): they join the document's flags and its status is worked out again over all of
    them, so an overridden eligibility flag reads `warning`.

    Issue 19: the date of birth travels in the request (read_request field "date_of_birth"), because the
    engine computes the age from it and checks a typed age against it. `date_of_birth` here is only a
    cross-check for callers that hold it separately: it must equal the request's (ValueError otherwise,
    including when the request has none: the age would not have been checked). `order_date` is
    year-month-day text or a date (InputError on anything else or a future date). All default to empty,
    stored as "" / None."""
    dob = _date_of_birth(result, date_of_birth)
    order_day = order_date if isinstance(order_date, date) else (
        parse_date("order_date", order_date) if str(order_date).strip() else None)
    document = result_dict(result)
    translations = protocol_translations(result.protocol.translations)
    if translations:  # issue 16: a site protocol prints in Chinese too, and a reprint as it was saved
        document["protocol"]["translations"] = translations
    known = {flag["code"] for flag in document["flags"]}
    added = [flag for flag in extra_flags if flag.code not in known]
    if added:
        all_flags = [*result.flags, *added]
        all_flags.sort(key=lambda f: ("hard", "soft", "info").index(f.severity))
        document["flags"] = [flag.as_dict() for flag in all_flags]
        document["status"] = status_of(all_flags)
    document.update(
        {
            "patient": {"id": patient_id, "name": patient_name,
                        "date_of_birth": dob.isoformat() if dob else None,
                        "age_years": document["age_years"], "age_source": document["age_source"]},
            "order": {"prescriber": prescriber, "reference": order_reference,
                      "date": order_day.isoformat() if order_day else None},
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


def protocol_translations(translations: Mapping[str, Mapping[str, str]]) -> dict[str, dict[str, str]]:
    """The protocol's translated texts (language -> {English text: translation}) as plain data for the
    document. Why in the document: the worksheet prints a record's criteria, reasons and title in the
    language of the copy, and a site's own protocol file is not shipped, so without its texts in the record
    a Chinese worksheet of it would fall back to English; kept in the record, a reprint also prints the
    translations that were approved when it was saved, not a later file's. Empty languages are left out."""
    return {language: {str(english): str(text) for english, text in texts.items()}
            for language, texts in sorted(translations.items()) if texts}


def _date_of_birth(result: DoseResult, given: str | date) -> date | None:
    carried = result.request.date_of_birth
    if isinstance(given, str):
        given = parse_date_of_birth(given) if given.strip() else None  # type: ignore[assignment]
    if given is not None and given != carried:
        raise ValueError(f"date of birth {given} is not the one the calculation used ({carried}): pass it to "
                         "read_request as 'date_of_birth' so the engine computes and checks the age")
    return carried


def decimal_of(value: Any) -> Decimal | None:
    """A number of a saved document as Decimal, or None for a missing, boolean or unreadable value: the
    worksheet, the label and the readable record print "—" for None rather than guess."""
    if value is None or isinstance(value, bool):
        return None
    try:
        return Decimal(str(value))
    except ArithmeticError:
        return None
