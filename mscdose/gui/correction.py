"""Starting a correction: a saved record's inputs back in the form (the texts are worked out without Qt).

A correction is a new calculation that supersedes a record: the person starts from the record's own inputs,
changes what was wrong, and finalises; the service saves it with `supersedes` and the reason. The numbers
come back in the units the form shows beside each box (million cells/mL, mL, min), written by the display
rules, so the form reads them exactly as saved. Inputs the record does not hold (older records, or values
that are not part of its document) are left empty for the person to enter again.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from mscdose.gui.texts import translate

if TYPE_CHECKING:
    from mscdose.gui.main_window import MainWindow

MILLION = Decimal(1_000_000)


def _plain(value: Any, scale: Decimal = Decimal(1)) -> str:
    from mscdose.core import display

    if value is None or value == "":
        return ""
    return display.plain(Decimal(str(value)) / scale)


def correction_texts(document: Mapping[str, Any]) -> tuple[dict[str, str], str]:
    """(form texts, dose unit) for the record `document` (as the store keeps it)."""
    inputs = document.get("inputs") or {}
    patient = document.get("patient") or {}
    order = document.get("order") or {}
    per_kg = inputs.get("dose_mode") == "per_kg"
    defaults = set(inputs.get("defaults_changed") or ())
    texts = {
        "patient_id": str(patient.get("id") or ""),
        "patient_name": str(patient.get("name") or ""),
        "date_of_birth": str(patient.get("date_of_birth") or inputs.get("date_of_birth") or ""),
        "age": "" if patient.get("age_source") == "date of birth" else _plain(inputs.get("age_years")),
        "weight": str(inputs.get("weight_entered") or _plain(inputs.get("weight_kg"))),
        "prescriber": str(order.get("prescriber") or ""),
        "order_reference": str(order.get("reference") or ""),
        "order_date": str(order.get("date") or ""),
        "dose": str(inputs.get("dose_entered") or ""),
        "lot": str(document.get("lot_number") or ""),
        "din": str(inputs.get("din") or ""),
        "concentration": _plain(inputs.get("concentration_cells_per_ml"), MILLION),
        "basis": str(inputs.get("count_basis") or "total"),
        "viability": _plain(inputs.get("viability_percent")),
        "bag_volume": _plain(inputs.get("bag_volume_ml")),
        "bags": str(inputs.get("bags_available") or ""),
        "thawed_at": str(inputs.get("thawed_at") or ""),
        "expires_at": str(inputs.get("expires_at") or ""),
        "dmso": _plain(inputs.get("dmso_percent")),
    }
    if inputs.get("label_cells_per_bag") is not None:
        texts["label_cells"] = f"{_plain(inputs.get('label_cells_per_bag'), MILLION)} million cells"
    # Preparation values the record changed from the protocol's; the others stay the protocol's prefill.
    for key, name in (("final_volume", "final_volume_ml"), ("duration", "duration_min"),
                      ("drop_factor", "drop_factor_gtt_per_ml"), ("increment", "increment_ml")):
        if any(key in changed for changed in defaults):
            texts[key] = _plain(inputs.get(name))
    return texts, "million cells/kg" if per_kg else "million cells"


def start_correction(window: MainWindow, record_id: int, reason: str) -> bool:
    """Load record `record_id`'s inputs into `window`'s form; its Finalise then saves a correction that
    supersedes the record, with `reason`. False, after saying why, when it cannot start (a reason that is not
    one, a record that cannot be read, or the person keeps what is typed)."""
    from mscdose.core.reason_rule import reason_problem
    from mscdose.service.errors import ServiceError
    from mscdose.service.records import opened_store

    problem = reason_problem(reason)
    if problem:
        window.questions.show_message(translate("Messages", "Correct a record"),
                                      translate("Messages", "Reason for correcting record {record}: {problem}")
                                      .format(record=record_id, problem=problem))
        return False
    if window.has_unsaved_data() and not window.questions.confirm_discard(
            translate("Messages", "Correct a record"),
            translate("Messages", "Replace what is typed with the inputs of the record to correct? What has been "
                                  "typed has not been finalised and will be lost.")):
        return False
    try:
        with opened_store() as store:
            record = store.get(record_id)
    except ServiceError as error:
        from mscdose.i18n import error_text

        window.questions.show_message(translate("Messages", "Correct a record"), error_text(error))
        return False
    protocols = window.protocol_bar.protocols
    wanted = (record.document.get("protocol") or {}).get("id")
    protocol = next((p for p in protocols if p.id == wanted), None)
    if protocol is not None and protocol is not window.protocol:
        window.protocol_bar.combo.setCurrentIndex(protocols.index(protocol))
    window.clear_form()
    texts, dose_unit = correction_texts(record.document)
    basis = texts.pop("basis")
    window.form.basis.setCurrentIndex(max(0, window.form.basis.findData(basis)))
    window.fill(texts, dose_unit=dose_unit, weight_unit="kg")
    window.finalizing.correcting = (record_id, reason.strip())
    window.actions.finalized_label.setText(f"✎ Correcting record {record_id}: {reason.strip()}. Change what was "
                                           "wrong, then Finalise saves a new record that supersedes it.")
    return True
