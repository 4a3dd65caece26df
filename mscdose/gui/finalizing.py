"""Finalising a calculation: soft-flag overrides, the finalising flags, signatures, one saved record.

Part of the main window (a mixin) kept in its own module because it is the one path that writes a
clinical record: every check here is the core's (`finalise_problems`, `finalising_flags`,
`override_problem`) and the store refuses on its own anything that slipped through. On any failure
everything stays on screen. The modal questions (`ask_overrides`, `ask_signatures`) are methods so that
tests can answer them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from mscdose.gui.error_reporting import log
from mscdose.settings import OPERATOR_INITIALS

if TYPE_CHECKING:
    from PySide6.QtWidgets import QLabel, QMessageBox

    from mscdose.core.engine import DoseResult
    from mscdose.core.flags import Flag
    from mscdose.core.overrides import Override
    from mscdose.gui.eligibility_panel import EligibilityPanel
    from mscdose.gui.field_row import FieldRow
    from mscdose.gui.finalize_dialog import Signatures
    from mscdose.gui.override_dialog import PendingFlag
    from mscdose.settings import Settings

PATIENT_ID_MISSING = ("Patient ID: nothing was entered. Accepted: the patient's hospital or trial number "
                      "as printed on the wristband, e.g. AA-014.")


class FinalizingMixin:
    """Needs from the window: rows, eligibility, settings, result, recompute, show_message, _update_actions."""

    if TYPE_CHECKING:
        rows: dict[str, FieldRow]
        eligibility: EligibilityPanel
        settings: Settings
        finalized_label: QLabel
        final_document: dict[str, Any] | None
        final_record_id: int | None
        _overrides: dict[str, tuple[Override, str]]

        @property
        def result(self) -> DoseResult | None: ...
        def recompute(self) -> None: ...
        def _update_actions(self) -> None: ...
        def show_message(self, title: str, text: str, icon: QMessageBox.Icon = ...) -> None: ...
        def statusBar(self) -> Any: ...

    # -- overrides -----------------------------------------------------------------------------------

    def active_overrides(self, flags: Sequence[Flag]) -> dict[str, Override]:
        """Overrides that still answer the flag as it reads now: a changed value needs a new reason."""
        current = {f.code: f.message for f in flags if f.severity == "soft"}
        return {code: override for code, (override, message) in self._overrides.items()
                if current.get(code) == message}

    def apply_overrides(self, flags: Sequence[PendingFlag], overrides: Sequence[Override]) -> list[str]:
        """Keep valid overrides; return the problems of any that are not acceptable (nothing kept for them)."""
        from mscdose.core.overrides import override_problem

        messages = {f.code: f.message for f in flags}
        problems = []
        for override in overrides:
            problem = override_problem(override.reason, override.initials)
            if problem:
                problems.append(f"{override.code}: {problem}")
            elif override.code in messages:
                self._overrides[override.code] = (override, messages[override.code])
        return problems

    def ask_overrides(self, flags: Sequence[PendingFlag]) -> list[Override] | None:
        from mscdose.gui.override_dialog import ask_overrides

        return ask_overrides(flags, self)

    def override_soft_flags(self) -> None:
        from mscdose.gui.override_dialog import PendingFlag

        result = self.result
        if result is None:
            return
        active = self.active_overrides(result.flags)
        pending = [PendingFlag(f.code, f.message) for f in result.soft_flags if f.code not in active]
        if not pending:
            return
        given = self.ask_overrides(pending)
        if given is not None:
            self.apply_overrides(pending, given)
            self.recompute()

    def ask_signatures(self, summary: str) -> Signatures | None:
        from mscdose.gui.finalize_dialog import ask_signatures

        return ask_signatures(summary, self.settings.get(OPERATOR_INITIALS), self)

    def _finalising_flags(self, patient_id: str) -> list[Flag]:
        """Eligibility not confirmed, and the same lot already given to this patient today."""
        from mscdose.core.overrides import finalising_flags
        from mscdose.records.same_lot import same_day_same_lot
        from mscdose.records.store import RecordStore

        earlier: set[int] = set()
        store = RecordStore()
        try:
            for key in ("lot", "din"):
                earlier |= {r.id for r in same_day_same_lot(store, patient_id, self.rows[key].text())}
        finally:
            store.close()
        return finalising_flags(self.eligibility.states(), self.eligibility.criteria(), len(earlier))

    def finalize(self) -> None:
        """Overrides, signatures, then one record in the store; on any failure everything stays on screen."""
        from PySide6.QtWidgets import QMessageBox

        from mscdose.core import display as show
        from mscdose.core.document import record_document
        from mscdose.core.overrides import finalise_problems
        from mscdose.gui.override_dialog import PendingFlag
        from mscdose.records.store import RecordStore, StoreError

        result = self.result
        if result is None or result.hard_flags:
            return
        patient_id = self.rows["patient_id"].text().strip()
        if not patient_id:
            self.rows["patient_id"].set_error(PATIENT_ID_MISSING)
            self.rows["patient_id"].edit.setFocus()
            return
        self.rows["patient_id"].set_error(None)
        try:
            extra = self._finalising_flags(patient_id)
        except StoreError as error:
            self.show_message("Could not read the records", str(error), QMessageBox.Icon.Critical)
            return
        soft = [*result.soft_flags, *extra]
        active = self.active_overrides(soft)
        pending = [PendingFlag(f.code, f.message) for f in soft if f.code not in active]
        if pending:
            given = self.ask_overrides(pending)
            if given is None:
                return
            problems = self.apply_overrides(pending, given)
            if problems:
                self.show_message("Override not accepted", "\n".join(problems))
                return
            active = self.active_overrides(soft)
        overrides = list(active.values())
        problems = finalise_problems(result, overrides, extra)
        if problems:
            self.show_message("Cannot finalise yet", "\n".join(problems))
            return
        summary = (f"Patient {patient_id}: draw {show.ml(result.volume_to_draw_ml)}, delivering "
                   f"{show.cells(result.delivered_dose_cells)} ({result.status.upper()}).")
        signatures = self.ask_signatures(summary)
        if signatures is None:
            return
        document = record_document(
            result,
            patient_id=patient_id,
            patient_name=self.rows["patient_name"].text().strip(),
            prepared_by=signatures.prepared_by,
            checked_by=signatures.checked_by,
            lot_number=self.rows["lot"].text().strip(),
            overrides=overrides,
            eligibility=self.eligibility.states(),
            extra_flags=extra,  # kept with the calculation beside the overrides that answer them
        )
        try:
            store = RecordStore()
            try:
                saved = store.save(document)
            finally:
                store.close()
        except StoreError as error:
            log.warning("Record not saved: %s", error)
            self.show_message("The record was not saved", str(error), QMessageBox.Icon.Critical)
            return
        log.info("Record %s saved (status %s, protocol %s)", saved.id, result.status, result.protocol.id)
        self.final_document = saved.document
        self.final_record_id = saved.id
        self.settings.set(OPERATOR_INITIALS, signatures.prepared_by)
        self.finalized_label.setText(f"✔ Finalised: record {saved.id}, prepared by {signatures.prepared_by}.")
        self.statusBar().showMessage(f"Saved as record {saved.id}.", 10000)
        self._update_actions()
