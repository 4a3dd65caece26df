"""Finalising a calculation: soft-flag overrides, the finalising flags, signatures, one saved record.

A controller composed into the main window (not a mixin): it is given the form, the eligibility panel,
the settings, the window's questions and a way to read the current result, and tells the window what
happened through signals. It is the one path of the window that writes a clinical record, so every
clinical call sits in one method here, each named for what it decides:
  `_override_problem`  → core.overrides.override_problem
  `_finalising_flags`  → records.same_lot.same_day_same_lot + core.overrides.finalising_flags
  `_finalise_problems` → core.overrides.finalise_problems
  `_document`          → core.document.record_document (the draft for Preview uses it too)
  `_save`              → records.store.RecordStore.save
so that a use-case layer can replace them one by one. On any failure everything stays on screen.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from mscdose.settings import OPERATOR_INITIALS

if TYPE_CHECKING:
    from mscdose.core.engine import DoseResult
    from mscdose.core.flags import Flag
    from mscdose.core.overrides import Override
    from mscdose.gui.eligibility_panel import EligibilityPanel
    from mscdose.gui.finalize_dialog import Signatures
    from mscdose.gui.override_dialog import PendingFlag
    from mscdose.gui.patient_form import PatientForm
    from mscdose.gui.questions import Questions
    from mscdose.settings import Settings

logger = logging.getLogger(__name__)

PATIENT_ID_MISSING = ("Patient ID: nothing was entered. Accepted: the patient's hospital or trial number "
                      "as printed on the wristband, e.g. AA-014.")


class FinalizeController(QObject):
    """Owns the overrides given for this calculation and the record it became (if it did)."""

    overrides_changed = Signal()
    finalised = Signal(int, str)  # record id, prepared-by initials

    def __init__(self, form: PatientForm, eligibility: EligibilityPanel, settings: Settings,
                 questions: Questions, result: Callable[[], DoseResult | None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.form = form
        self.eligibility = eligibility
        self.settings = settings
        self.questions = questions
        self._result = result
        self.overrides: dict[str, tuple[Override, str]] = {}  # code -> (override, flag message it answered)
        self.final_document: dict[str, Any] | None = None
        self.final_record_id: int | None = None

    # -- state ----------------------------------------------------------------------------------------

    def reset(self) -> None:
        """A new patient or a new protocol: no overrides, no record."""
        self.overrides.clear()
        self.withdraw()

    def withdraw(self) -> bool:
        """The calculation changed after finalising: the saved record stays as it is, but this screen is
        no longer it. Returns whether there was a record to withdraw."""
        had = self.final_document is not None
        self.final_document = None
        self.final_record_id = None
        return had

    # -- overrides -----------------------------------------------------------------------------------

    def active_overrides(self, flags: Sequence[Flag]) -> dict[str, Override]:
        """Overrides that still answer the flag as it reads now: a changed value needs a new reason."""
        current = {f.code: f.message for f in flags if f.severity == "soft"}
        return {code: override for code, (override, message) in self.overrides.items()
                if current.get(code) == message}

    @staticmethod
    def _override_problem(override: Override) -> str | None:
        from mscdose.core.overrides import override_problem

        return override_problem(override.reason, override.initials)

    def apply_overrides(self, flags: Sequence[PendingFlag], overrides: Sequence[Override]) -> list[str]:
        """Keep valid overrides; return the problems of any that are not acceptable (nothing kept for them)."""
        messages = {f.code: f.message for f in flags}
        problems = []
        for override in overrides:
            problem = self._override_problem(override)
            if problem:
                problems.append(f"{override.code}: {problem}")
            elif override.code in messages:
                self.overrides[override.code] = (override, messages[override.code])
        return problems

    def override_soft_flags(self) -> None:
        from mscdose.gui.override_dialog import PendingFlag

        result = self._result()
        if result is None:
            return
        active = self.active_overrides(result.flags)
        pending = [PendingFlag(f.code, f.message) for f in result.soft_flags if f.code not in active]
        if not pending:
            return
        given = self.questions.ask_overrides(pending)
        if given is not None:
            self.apply_overrides(pending, given)
            self.overrides_changed.emit()

    # -- the clinical calls ------------------------------------------------------------------------------

    def _finalising_flags(self, patient_id: str) -> list[Flag]:
        """Eligibility not confirmed, and the same lot already given to this patient today."""
        from mscdose.core.overrides import finalising_flags
        from mscdose.records.same_lot import same_day_same_lot
        from mscdose.records.store import RecordStore

        earlier: set[int] = set()
        store = RecordStore()
        try:
            for key in ("lot", "din"):
                earlier |= {r.id for r in same_day_same_lot(store, patient_id, self.form.rows[key].text())}
        finally:
            store.close()
        return finalising_flags(self.eligibility.states(), self.eligibility.criteria(), len(earlier))

    @staticmethod
    def _finalise_problems(result: DoseResult, overrides: list[Override], extra: list[Flag]) -> list[str]:
        from mscdose.core.overrides import finalise_problems

        return list(finalise_problems(result, overrides, extra))

    def _document(self, result: DoseResult, overrides: list[Override], signatures: Signatures | None = None,
                  extra: Sequence[Flag] = ()) -> dict[str, Any]:
        """The record's document; without signatures it is the draft that Preview shows."""
        from mscdose.core.document import record_document

        rows = self.form.rows
        signed: dict[str, Any] = {}
        if signatures is not None:
            signed = {"prepared_by": signatures.prepared_by, "checked_by": signatures.checked_by,
                      "extra_flags": list(extra)}  # kept with the calculation beside the overrides that answer them
        return record_document(
            result,
            patient_id=rows["patient_id"].text().strip(),
            patient_name=rows["patient_name"].text().strip(),
            lot_number=rows["lot"].text().strip(),
            overrides=overrides,
            eligibility=self.eligibility.states(),
            **signed,
        )

    @staticmethod
    def _save(document: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        """One record in the store; raises StoreError when it cannot be written (nothing is then saved)."""
        from mscdose.records.store import RecordStore

        store = RecordStore()
        try:
            saved = store.save(document)
        finally:
            store.close()
        return saved.id, saved.document

    # -- the flow -------------------------------------------------------------------------------------

    def draft_document(self) -> dict[str, Any] | None:
        """What Preview shows before finalising (the worksheet marks it NOT FOR ADMINISTRATION)."""
        result = self._result()
        if result is None:
            return None
        return self._document(result, list(self.active_overrides(result.flags).values()))

    def _answer_soft_flags(self, soft: list[Flag]) -> dict[str, Override] | None:
        """Ask for the overrides still missing; None when the user cancelled or one was not acceptable."""
        from mscdose.gui.override_dialog import PendingFlag

        active = self.active_overrides(soft)
        pending = [PendingFlag(f.code, f.message) for f in soft if f.code not in active]
        if not pending:
            return active
        given = self.questions.ask_overrides(pending)
        if given is None:
            return None
        problems = self.apply_overrides(pending, given)
        if problems:
            self.questions.show_message("Override not accepted", "\n".join(problems))
            return None
        return self.active_overrides(soft)

    def finalize(self) -> None:
        """Overrides, signatures, then one record in the store; on any failure everything stays on screen."""
        from PySide6.QtWidgets import QMessageBox

        from mscdose.core import display as show
        from mscdose.records.store import StoreError

        result = self._result()
        if result is None or result.hard_flags:
            return
        id_row = self.form.rows["patient_id"]
        patient_id = id_row.text().strip()
        if not patient_id:
            id_row.set_error(PATIENT_ID_MISSING)
            id_row.edit.setFocus()
            return
        id_row.set_error(None)
        try:
            extra = self._finalising_flags(patient_id)
        except StoreError as error:
            self.questions.show_message("Could not read the records", str(error), QMessageBox.Icon.Critical)
            return
        active = self._answer_soft_flags([*result.soft_flags, *extra])
        if active is None:
            return
        overrides = list(active.values())
        problems = self._finalise_problems(result, overrides, extra)
        if problems:
            self.questions.show_message("Cannot finalise yet", "\n".join(problems))
            return
        summary = (f"Patient {patient_id}: draw {show.ml(result.volume_to_draw_ml)}, delivering "
                   f"{show.cells(result.delivered_dose_cells)} ({result.status.upper()}).")
        signatures = self.questions.ask_signatures(summary, self.settings.get(OPERATOR_INITIALS))
        if signatures is None:
            return
        document = self._document(result, overrides, signatures, extra)
        try:
            record_id, saved = self._save(document)
        except StoreError as error:
            logger.warning("Record not saved: %s", error)
            self.questions.show_message("The record was not saved", str(error), QMessageBox.Icon.Critical)
            return
        logger.info("Record %s saved (status %s, protocol %s)", record_id, result.status, result.protocol.id)
        self.final_document = saved
        self.final_record_id = record_id
        self.settings.set(OPERATOR_INITIALS, signatures.prepared_by)
        self.finalised.emit(record_id, signatures.prepared_by)
