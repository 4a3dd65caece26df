"""A saved record as readable text: what `mscdose show` prints and the History window's Show displays.

It prints the saved document, never a recomputation, so it shows exactly what was kept. Every number goes
through mscdose.core.display (ISMP: leading zero, no trailing zero, cells in millions, no `e` notation).
Every line goes through `safe_for_terminal` (issue 11): text stored before the input checks existed (a
right-to-left override in a patient id, an ANSI escape in a name) is shown escaped, never obeyed. Records saved
before issue 19 have no date of birth or order: those lines show "—".
"""

from __future__ import annotations

import functools
import time
from datetime import UTC, datetime, timedelta
from typing import Any

from mscdose.core import display as show
from mscdose.core.document import decimal_of
from mscdose.core.text import safe_for_terminal
from mscdose.records.store import SavedRecord

NONE = "—"
_ZERO = timedelta(0)
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_SECOND = timedelta(seconds=1)


def number_text(value: Any, formatter: Any) -> str:
    """A saved JSON number through a mscdose.core.display formatter; an em dash when it is missing."""
    if value is None or isinstance(value, bool):  # as decimal_of
        return NONE
    return _number_text_of(str(value), formatter)


@functools.lru_cache(maxsize=4096)
def _number_text_of(text: str, formatter: Any) -> str:
    """Issue 18: the same few volumes and doses recur in thousands of lines. Keyed by the text decimal_of reads
    (`Decimal(str(value))`), so one cached answer is exactly the uncached one."""
    number = decimal_of(text)
    return NONE if number is None else str(formatter(number))


def local_time(moment: datetime) -> str:
    """`2026-11-25 18:16 (UTC 17:16)`: local time for people, UTC kept for the audit."""
    if moment.tzinfo is not None and moment.utcoffset() == _ZERO and 1900 < moment.year < 9000:
        # Issue 18, the common case (stored times are UTC): what astimezone() does, without building a
        # timezone object and calling strftime for every line — the offset C's localtime() gives for the
        # moment's whole second, added to it (tests/records/test_listing_fast_paths.py compares the two in
        # several time zones, across their clock changes)
        offset = time.localtime((moment - _EPOCH) // _SECOND).tm_gmtoff
        local = moment + timedelta(seconds=offset)
        text = f"{local.year:04d}-{local.month:02d}-{local.day:02d} {local.hour:02d}:{local.minute:02d}"
        return text + f" (UTC {moment.hour:02d}:{moment.minute:02d})" if offset else text
    local = moment.astimezone()
    text = local.strftime("%Y-%m-%d %H:%M")
    if local.utcoffset() != timedelta(0):
        text += f" (UTC {moment.astimezone(UTC).strftime('%H:%M')})"
    return text


def record_text(record: SavedRecord) -> str:
    return "\n".join(safe_for_terminal(line) for line in record_lines(record))


def _age(doc: dict[str, Any]) -> str:
    patient = doc.get("patient") if isinstance(doc.get("patient"), dict) else {}
    age = patient.get("age_years", doc.get("age_years"))
    source = patient.get("age_source", doc.get("age_source"))
    if age is None:
        age, source = (doc.get("inputs") or {}).get("age_years"), "typed"
    if decimal_of(age) is None:
        return NONE
    origin = "age from date of birth" if source == "date_of_birth" else "age as typed"
    return f"{number_text(age, show.years)} ({origin})"


def _delivered(doc: dict[str, Any]) -> str:
    """The dose delivered as the core wrote it beside the limits (issue 10 §4), else from the number."""
    total = doc.get("delivered_dose_text") or number_text(doc.get("delivered_dose_cells"), show.cells)
    per_kg = doc.get("delivered_dose_per_kg_text") or number_text(doc.get("delivered_dose_cells_per_kg"),
                                                                  show.cells_per_kg)
    return f"{total} ({per_kg})"


def record_lines(record: SavedRecord) -> list[str]:
    doc = record.document
    inputs = doc.get("inputs") or {}
    protocol = doc.get("protocol") or {}
    patient = doc.get("patient") if isinstance(doc.get("patient"), dict) else {}
    order = doc.get("order") if isinstance(doc.get("order"), dict) else {}
    lines = [f"Record {record.id} — saved {local_time(record.created_at)} — status {record.status.upper()}"]
    if record.supersedes is not None:
        lines.append(f"Corrects record {record.supersedes}: {record.correction_reason}")
    if record.superseded_by is not None:
        lines.append(f"SUPERSEDED by record {record.superseded_by}: use that record, not this one.")
    lines += [
        "",
        f"Patient ID: {record.patient_id}    Name: {record.patient_name or NONE}",
        f"Date of birth: {patient.get('date_of_birth') or NONE}    Age: {_age(doc)}",
        f"Order: reference {order.get('reference') or NONE}, dated {order.get('date') or NONE}, "
        f"prescriber {order.get('prescriber') or NONE}",
        f"Prepared by: {record.prepared_by or NONE}    Checked by: {record.checked_by or NONE}",
        f"Protocol: {protocol.get('id', NONE)} version {protocol.get('version', NONE)} "
        f"(SHA-256 {str(protocol.get('sha256', ''))[:12]}), dose basis: {protocol.get('dose_basis', NONE)} cells",
        f"Lot: {doc.get('lot_number') or NONE}    DIN: {inputs.get('din') or NONE}",
        "",
        "Inputs",
        f"  Weight: {number_text(inputs.get('weight_kg'), show.kg)} (entered: {inputs.get('weight_entered') or NONE})",
    ]
    if "dose_cells_per_kg" in inputs:
        dose = number_text(inputs.get("dose_cells_per_kg"), show.cells_per_kg)
    else:
        dose = number_text(inputs.get("dose_cells"), show.cells)
    lines += [
        f"  Prescribed dose: {dose} (entered: {inputs.get('dose_entered') or NONE})",
        f"  Lot concentration: {number_text(inputs.get('concentration_cells_per_ml'), show.concentration)} "
        f"(count of {inputs.get('count_basis') or NONE} cells)",
        f"  Viability: {number_text(inputs.get('viability_percent'), show.percent)}",
        f"  Bags: {inputs.get('bags_available', NONE)} of {number_text(inputs.get('bag_volume_ml'), show.ml)}",
        f"  Thawed at: {inputs.get('thawed_at') or NONE}",
        "",
        "Result",
        f"  Volume to draw: {number_text(doc.get('volume_to_draw_ml'), show.ml)} "
        f"(exact {number_text(doc.get('volume_exact_ml'), show.ml)})",
        f"  Dose delivered: {_delivered(doc)}",
        f"  Viable concentration: {number_text(doc.get('viable_concentration_cells_per_ml'), show.concentration)}",
        f"  Bags needed: {doc.get('bags_needed', NONE)}",
        f"  Diluent: {number_text(doc.get('diluent_volume_ml'), show.ml)} to a final volume of "
        f"{number_text(doc.get('final_volume_ml'), show.ml)}",
        f"  Infusion over {number_text(inputs.get('duration_min'), show.minutes)}: "
        f"{number_text(doc.get('infusion_rate_ml_per_h'), show.ml_per_h)}; "
        f"drip {number_text(doc.get('drip_rate_gtt_per_min'), show.gtt_per_min)} at "
        f"{number_text(inputs.get('drop_factor_gtt_per_ml'), show.plain)} gtt/mL",
        f"  Start by: {doc.get('start_by') or NONE}    Finish by: "
        f"{doc.get('finish_by') or doc.get('administer_before') or NONE}",
    ]
    flags = doc.get("flags") or []
    lines += ["", "Flags" + ("" if flags else ": none")]
    lines += [f"  [{f.get('severity', '?')}] {f.get('code', '?')}: {f.get('message', '')}" for f in flags]
    overrides = doc.get("overrides") or []
    lines += ["", "Overrides" + ("" if overrides else ": none")]
    lines += [f"  {o.get('code', '?')}: {o.get('reason', '')} ({o.get('initials', '')})" for o in overrides]
    steps = doc.get("steps") or []
    lines += ["", "Working"] + [f"  {step}" for step in steps]
    eligibility = doc.get("eligibility") or []
    if eligibility:
        marks = {True: "confirmed", False: "NOT MET", None: "not confirmed"}
        lines += ["", "Eligibility"]
        lines += [f"  {e.get('kind', '')}: {e.get('criterion', '')} — {marks.get(e.get('confirmed'), NONE)}"
                  for e in eligibility]
    lines += [
        "",
        f"Worksheet printed: {'yes' if record.printed else 'no'}",
        f"Calculated {doc.get('computed_at') or NONE} with mscdose {doc.get('app_version') or NONE}; "
        f"saved with mscdose {record.app_version or NONE}",
        f"Record SHA-256: {record.sha256}",
        f"Chain head after it: {record.chain_head or NONE} (the worksheet prints the first 12 digits of each)",
    ]
    return lines


def history_line(record: SavedRecord) -> str:
    """One line of `mscdose history`."""
    doc = record.document
    return line_of(record.id, record.created_at, record.patient_id, record.patient_name, record.status,
                   doc.get("volume_to_draw_ml"), doc.get("delivered_dose_text"), doc.get("delivered_dose_cells"),
                   record.prepared_by, record.printed, record.supersedes, record.superseded_by)


def line_of(record_id: Any, created_at: datetime, patient_id: Any, patient_name: Any, status: str, volume: Any,
            dose_text: Any, dose_cells: Any, prepared_by: Any, printed: Any, supersedes: Any,
            superseded_by: Any) -> str:
    """`history_line` from the values it shows: records/listing.py calls it with the columns SQLite read, so the
    streamed listing and the line of a full record are one piece of code."""
    notes = []
    if supersedes is not None:
        notes.append(f"corrects #{supersedes}")
    if superseded_by is not None:
        notes.append(f"SUPERSEDED by #{superseded_by}")
    notes.append("printed" if printed else "not printed")
    name = f" {patient_name}" if patient_name else ""
    line = (f"#{record_id}  {local_time(created_at)}  {patient_id}{name}  {status.upper()}  "
            f"{number_text(volume, show.ml)}  "
            f"{dose_text or number_text(dose_cells, show.cells)}  "
            f"by {prepared_by or NONE}  ({', '.join(notes)})")
    return safe_for_terminal(line)
