"""Finalising a calculation from the window: it asks the service what stands in the way, asks the person for
what only a person can give (overrides of soft flags, signatures), and lets the service save the record.

A controller composed into the main window (not a mixin). It keeps no copy of the finalising rules: the real
clock, eligibility (hard criteria cannot be overridden), the one-infusion rule, the required fields and the
free-text checks are all `mscdose.service.finalise` (`review`, `finalise`), the same calls `mscdose worksheet`
makes. What it owns is the conversation: the overrides given so far for this calculation, the correction
being made (if any), and the record this calculation became. Every refusal is said plainly and, when it is
about one field, that field is marked and focused. On any failure everything stays on screen.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from mscdose.gui.texts import required_names, translate
from mscdose.settings import OPERATOR_INITIALS

if TYPE_CHECKING:
    from mscdose.core.engine import DoseResult
    from mscdose.core.flags import Flag
    from mscdose.core.overrides import Override
    from mscdose.gui.eligibility_panel import EligibilityPanel
    from mscdose.gui.override_dialog import PendingFlag
    from mscdose.gui.patient_form import PatientForm
    from mscdose.gui.questions import Questions
    from mscdose.records.store import SavedRecord
    from mscdose.service.finalise import Preparation
    from mscdose.settings import Settings

logger = logging.getLogger(__name__)

# A required field (core.required names) -> the form row that holds it; the signatures come from the
# finalise dialog, so they are never "missing" from the form.
REQUIRED_ROWS = {"patient_id": "patient_id", "patient_name": "patient_name", "date_of_birth_or_age": "date_of_birth",
                 "date_of_birth": "date_of_birth", "age": "age", "order_reference": "order_reference",
                 "prescriber": "prescriber", "order_date": "order_date", "lot_number": "lot", "din": "din",
                 "thawed_at": "thawed_at"}
SIGNED = ("prepared_by", "checked_by")
# An error's field (service or core names) -> the form row to mark and focus.
FIELD_ROWS = {**REQUIRED_ROWS, "lot": "lot", "patient": "patient_id", "order_date": "order_date"}


class FinalizeController(QObject):
    """Owns the overrides given for this calculation, the correction being made and the saved record."""

    overrides_changed = Signal()
    finalised = Signal(int, str)  # record id, prepared-by initials

    def __init__(self, form: PatientForm, eligibility: Callable[[], EligibilityPanel], settings: Settings,
                 questions: Questions, result: Callable[[], DoseResult | None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.form = form
        self._eligibility = eligibility  # asked for when needed: the window makes its checklist after its first paint
        self.settings = settings
        self.questions = questions
        self._result = result
        self.overrides: dict[str, tuple[Override, str]] = {}  # code -> (override, flag message it answered)
        self.final_record: SavedRecord | None = None
        self.correcting: tuple[int, str] | None = None  # (record id superseded, reason) while correcting

    # -- state ----------------------------------------------------------------------------------------

    @property
    def eligibility(self) -> EligibilityPanel:
        return self._eligibility()

    @property
    def final_document(self) -> dict[str, Any] | None:
        return self.final_record.document if self.final_record is not None else None

    @property
    def final_record_id(self) -> int | None:
        return self.final_record.id if self.final_record is not None else None

    def reset(self) -> None:
        """A new patient or a new protocol: no overrides, no record, no correction."""
        self.overrides.clear()
        self.correcting = None
        self.withdraw()

    def withdraw(self) -> bool:
        """The calculation changed after finalising: the saved record stays as it is, but this screen is
        no longer it. Returns whether there was a record to withdraw."""
        had = self.final_record is not None
        self.final_record = None
        return had

    # -- overrides -----------------------------------------------------------------------------------

    def active_overrides(self, flags: Sequence[Flag]) -> dict[str, Override]:
        """Overrides that still answer the flag as it reads now: a changed value needs a new reason."""
        current = {f.code: f.message for f in flags if f.severity == "soft"}
        return {code: override for code, (override, message) in self.overrides.items()
                if current.get(code) == message}

    def apply_overrides(self, flags: Sequence[PendingFlag], overrides: Sequence[Override]) -> list[str]:
        """Keep acceptable overrides; return the problems of any that are not (nothing kept for them). The
        rule is the one the service applies when it saves (`core.overrides.override_problem`)."""
        from mscdose.core.overrides import override_problem

        messages = {f.code: f.message for f in flags}
        problems = []
        for override in overrides:
            problem = override_problem(override.reason, override.initials)
            if problem:
                problems.append(f"{override.code}: {problem}")
            elif override.code in messages:
                self.overrides[override.code] = (override, messages[override.code])
        return problems

    def _ask(self, soft: Sequence[Flag]) -> bool:
        """Ask for the overrides `soft` still lacks; False when cancelled or one was not acceptable."""
        from mscdose.gui.override_dialog import PendingFlag

        active = self.active_overrides(soft)
        pending = [PendingFlag(f.code, f.message) for f in soft if f.code not in active]
        if not pending:
            return True
        given = self.questions.ask_overrides(pending, self._reasons())
        if given is None:
            return False
        problems = self.apply_overrides(pending, given)
        if problems:
            self.questions.show_message(translate("Messages", "Override not accepted"), "\n".join(problems))
            return False
        self.overrides_changed.emit()
        return True

    def _reasons(self) -> tuple[str | tuple[str, str], ...]:
        """The protocol's standard reasons; a translated one as (shown in the window's language, the English
        text recorded)."""
        from mscdose.i18n import current_language

        result = self._result()
        if result is None:
            return ()
        protocol, language = result.protocol, current_language()
        shown = {reason: protocol.translated(reason, language) for reason in protocol.override_reasons}
        return tuple(reason if shown[reason] == reason else (shown[reason], reason) for reason in shown)

    def override_soft_flags(self) -> None:
        result = self._result()
        if result is not None:
            self._ask(result.soft_flags)

    # -- what the person has given ---------------------------------------------------------------------

    def preparation(self, prepared_by: str = "", checked_by: str = "",
                    flags: Sequence[Flag] = ()) -> Preparation:
        """The service's Preparation from the form, the checklist, the overrides answering `flags` and the
        correction being made."""
        from mscdose.service.finalise import Preparation

        text = self.form.texts()  # (barcode data left in the lot field is a scan, never the lot number)
        supersedes, reason = self.correcting or (None, "")
        return Preparation(
            patient_id=text["patient_id"], patient_name=text["patient_name"], prepared_by=prepared_by,
            checked_by=checked_by, lot_number=text["lot"],
            overrides=tuple(self.active_overrides(flags).values()), eligibility=self.eligibility.states(),
            prescriber=text["prescriber"], order_reference=text["order_reference"], order_date=text["order_date"],
            confirmed_by=self.eligibility.confirmed_by(), supersedes=supersedes, correction_reason=reason)

    def missing(self) -> list[str]:
        """The protocol's required fields not yet given on the form (readable names), for the line beside
        the Finalise button. Empty when there is no result (the results say what is awaited)."""
        from mscdose.core.required import READABLE, missing_for_finalising
        from mscdose.service.finalise import required_values

        result = self._result()
        if result is None:
            return []
        values = required_values(result, self.preparation())
        signed = {READABLE[name] for name in SIGNED}
        return [name for name in missing_for_finalising(result.protocol, values) if name not in signed]

    def draft_document(self) -> dict[str, Any] | None:
        """What Preview shows before finalising (the worksheet marks it NOT FOR ADMINISTRATION)."""
        from mscdose.core.errors import InputError
        from mscdose.service.finalise import draft_document

        result = self._result()
        if result is None:
            return None
        try:
            return draft_document(result, self.preparation(flags=result.flags))
        except InputError as error:  # an order date that cannot be read: preview without it, say so beside it
            from dataclasses import replace  # (not imported before the window's first paint)

            self.mark_field(error.field, error.message)
            return draft_document(result, replace(self.preparation(flags=result.flags), order_date=""))

    # -- saying what went wrong --------------------------------------------------------------------------

    def mark_field(self, field: str, message: str) -> bool:
        """Mark and focus the form row an error is about; False when it is about no row of the form."""
        if field == "initials" or field == "confirmed_by":
            self.eligibility.confirmed_by_edit.setFocus()
            return False
        key = FIELD_ROWS.get(field, field)
        row = self.form.rows.get(key)
        if row is None:
            return False
        row.set_error(message)
        row.edit.setFocus()
        return True

    def _refused(self, title: str, error: Exception) -> None:
        """A service refusal said plainly; the field it names is marked and focused."""
        from PySide6.QtWidgets import QMessageBox

        from mscdose.i18n import error_text
        from mscdose.service.errors import StoreUnavailable

        message = error_text(error)  # the window's language (the English when it was raised without a template)
        field = getattr(error, "field", "")
        if field:
            self.mark_field(field, message)
        icon = QMessageBox.Icon.Critical if isinstance(error, StoreUnavailable) else QMessageBox.Icon.Warning
        self.questions.show_message(title, message, icon)

    def _focus_missing(self, missing: Sequence[str]) -> None:
        from mscdose.core.required import READABLE

        by_name = {readable: name for name, readable in READABLE.items()}
        for readable in missing:
            row = self.form.rows.get(REQUIRED_ROWS.get(by_name.get(readable, ""), ""))
            if row is not None:
                row.edit.setFocus()
                return

    # -- the flow -------------------------------------------------------------------------------------

    def finalize(self) -> None:
        """Review (real clock, the records) → overrides for what is pending → signatures → finalise. The
        service decides; this asks the person and reports."""
        from mscdose.core import display as show
        from mscdose.core.errors import InputError
        from mscdose.service import finalise as service
        from mscdose.service.errors import InvalidInput, ServiceError
        from mscdose.service.records import opened_store

        result = self._result()
        if result is None or result.hard_flags or self.final_record is not None:
            return
        missing = self.missing()
        if missing:
            self.questions.show_message(translate("Messages", "Cannot finalise yet"),
                                        translate("Actions", "Still missing before finalising: {fields}.")
                                        .format(fields=translate("Actions", ", ").join(required_names(missing))))
            self._focus_missing(missing)
            return
        try:
            preparation = service.check_texts(self.preparation(flags=result.flags))
            with opened_store() as store:
                review = service.review(store, result, preparation)
        except ServiceError as error:
            self._refused(translate("Messages", "Cannot finalise"), error)
            return
        if review.blocked:
            from mscdose.i18n import said_text

            listed = [said_text(problem.said) for problem in review.items] or list(review.problems)
            self.questions.show_message(translate("Messages", "Cannot finalise: a hard limit"),
                                        translate("Messages", "Checked again with the real clock and the records:")
                                        + "\n" + "\n".join(listed))
            self.overrides_changed.emit()  # the window shows the calculation as it stands now
            return
        if not self._ask(review.soft):
            return
        from mscdose.gui.results_panel import STATUS_STYLES
        from mscdose.gui.texts import unit_text_in

        summary = translate("Messages", "Patient {patient}: draw {volume}, delivering {dose} ({status}).").format(
            patient=preparation.patient_id.strip(), volume=show.ml(review.result.volume_to_draw_ml),
            dose=unit_text_in(review.result.delivered_dose_text),
            status=translate("Results", STATUS_STYLES[review.result.status][0]))
        if self.correcting:
            summary += "\n" + translate("Messages", "This corrects record {record}: {reason}").format(
                record=self.correcting[0], reason=self.correcting[1])
        try:
            with opened_store() as store:
                from mscdose.service.accounts import accounts_enabled

                if accounts_enabled(store):  # issue 14: an electronic signature; the check is a later step
                    signer = self.questions.ask_sign_in(store, "prepared", summary)
                    if signer is None:
                        return
                    signed = self.preparation(signer.initials, "", review.soft)
                    record = service.finalise(store, result, signed, signer=signer)
                    initials = signer.initials
                else:
                    # issue 14: never prefilled with the last user's initials
                    signatures = self.questions.ask_signatures(summary, "")
                    if signatures is None:
                        return
                    signed = self.preparation(signatures.prepared_by, signatures.checked_by, review.soft)
                    record = service.finalise(store, result, signed)
                    initials = signatures.prepared_by
        except InvalidInput as error:
            self._refused(translate("Messages", "Cannot finalise"), error)
            return
        except InputError as error:  # the order date, read by the document
            self._refused(translate("Messages", "Cannot finalise"),
                          InvalidInput(error.said or error.message, field=error.field, given=error.given))
            return
        except ServiceError as error:
            logger.warning("Record not saved: %s", error)
            self._refused(translate("Messages", "The record was not saved"), error)
            return
        self.final_record = record
        self.correcting = None
        self.settings.set(OPERATOR_INITIALS, initials)
        self.finalised.emit(record.id, initials)
