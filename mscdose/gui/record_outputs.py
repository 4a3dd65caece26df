"""The window's ways out to paper and to the past: Preview, Print…, Save PDF… and History.

Part of the main window (a mixin). The worksheet room's `mscdose.gui.worksheet_actions` draws and prints,
the records room's `mscdose.gui.history_view` lists; both are imported on first use (start-up speed).
Only a saved record prints unmarked; anything else is previewed marked NOT FOR ADMINISTRATION. Every final
print or PDF is logged against its record (`RecordStore.mark_printed`).
"""

from __future__ import annotations

import importlib.util
from typing import TYPE_CHECKING, Any

from mscdose.settings import PAPER_SIZE, SITE_NAME

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

    from mscdose.core.engine import DoseResult
    from mscdose.core.flags import Flag
    from mscdose.core.overrides import Override
    from mscdose.gui.eligibility_panel import EligibilityPanel
    from mscdose.gui.field_row import FieldRow
    from mscdose.settings import Settings

WORKSHEET_MODULE = "mscdose.gui.worksheet_actions"
HISTORY_MODULE = "mscdose.gui.history_view"


def module_available(name: str) -> bool:
    """Whether a room's module is present, without importing it (start-up speed)."""
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


class OutputsMixin:
    """Needs from the window: rows, eligibility, settings, result, final_document/final_record_id."""

    if TYPE_CHECKING:
        rows: dict[str, FieldRow]
        eligibility: EligibilityPanel
        settings: Settings
        final_document: dict[str, Any] | None
        final_record_id: int | None
        _history: Any

        @property
        def result(self) -> DoseResult | None: ...
        def active_overrides(self, flags: list[Flag] | tuple[Flag, ...]) -> dict[str, Override]: ...
        def show_message(self, title: str, text: str, icon: QMessageBox.Icon = ...) -> None: ...

    def _worksheet_kwargs(self) -> dict[str, Any]:
        return {"site_name": self.settings.get(SITE_NAME), "page_size": self.settings.get(PAPER_SIZE)}

    def draft_document(self) -> dict[str, Any] | None:
        from mscdose.core.document import record_document

        result = self.result
        if result is None:
            return None
        return record_document(
            result,
            patient_id=self.rows["patient_id"].text().strip(),
            patient_name=self.rows["patient_name"].text().strip(),
            lot_number=self.rows["lot"].text().strip(),
            overrides=list(self.active_overrides(result.flags).values()),
            eligibility=self.eligibility.states(),
        )

    def preview(self) -> None:
        """Preview the saved record, or before finalising a draft that the worksheet marks NOT FOR
        ADMINISTRATION with the reason (the hard limits of a blocked calculation, or that it is a preview)."""
        if not module_available(WORKSHEET_MODULE):
            return
        from mscdose.gui import worksheet_actions

        if self.final_document is not None:
            document, record_id = self.final_document, self.final_record_id
        else:
            draft = self.draft_document()
            if draft is None:
                return
            document, record_id = draft, None
        worksheet_actions.preview_worksheet(self, document, record_id=record_id, preview_reason=None,
                                            **self._worksheet_kwargs())

    def report_printed(self, ok: bool, detail: str) -> None:
        """Log a final print or PDF against the saved record (the audit trail of what left the building)."""
        from PySide6.QtWidgets import QMessageBox

        from mscdose.gui.error_reporting import log
        from mscdose.records.store import RecordStore, StoreError

        if self.final_record_id is None:
            return
        log.info("Record %s output %s: %s", self.final_record_id, "ok" if ok else "FAILED", detail)
        try:
            store = RecordStore()
            try:
                store.mark_printed(self.final_record_id, ok, detail)
            finally:
                store.close()
        except StoreError as error:
            self.show_message("The print was not logged", str(error), QMessageBox.Icon.Warning)

    def print_worksheet(self) -> None:
        if self.final_document is None or not module_available(WORKSHEET_MODULE):
            return
        from mscdose.gui import worksheet_actions

        worksheet_actions.print_worksheet_dialog(self, self.final_document, record_id=self.final_record_id,
                                                 report=self.report_printed, **self._worksheet_kwargs())

    def save_pdf(self) -> None:
        if self.final_document is None or not module_available(WORKSHEET_MODULE):
            return
        from mscdose.gui import worksheet_actions

        worksheet_actions.save_worksheet_pdf_dialog(self, self.final_document, record_id=self.final_record_id,
                                                    report=self.report_printed, **self._worksheet_kwargs())

    def open_history(self) -> None:
        """The records room's History window (non-modal, so the form stays usable beside it). One at a
        time: opening it again brings the open one forward. It owns its store (one SQLite connection) and
        closes it when it is closed; the window then forgets it, and the next opening starts afresh."""
        if not module_available(HISTORY_MODULE):
            return
        if self._history is not None:
            self._history.refresh()
            self._history.raise_()
            self._history.activateWindow()
            return
        from PySide6.QtWidgets import QMessageBox

        from mscdose.gui.history_view import HistoryView
        from mscdose.records.store import RecordStore, StoreError

        try:
            store = RecordStore()
        except StoreError as error:
            self.show_message("Could not open the records", str(error), QMessageBox.Icon.Critical)
            return
        try:
            view = HistoryView(store, self, owns_store=True, **self._worksheet_kwargs())
        except BaseException:
            store.close()
            raise
        view.finished.connect(lambda _result: self._history_closed(view))
        self._history = view
        view.show()

    def _history_closed(self, view: Any) -> None:
        """The History window was closed (its store is closed by then): forget it and let Qt delete it."""
        if self._history is view:
            self._history = None
        view.deleteLater()

    def close_history(self) -> None:
        """Close the History window if open (the main window does so as it closes), closing its store."""
        if self._history is not None:
            self._history.close()
