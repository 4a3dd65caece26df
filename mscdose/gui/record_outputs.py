"""The window's ways out to paper and to the past: Preview, Print…, Save PDF… and History.

A controller composed into the main window (not a mixin). What to print comes from the finalise
controller: the saved record once there is one, before that a draft that the worksheet marks NOT FOR
ADMINISTRATION. Each output has its one call into a lower layer, so that a use-case layer can take them
over one by one:
  `preview`        → gui.worksheet_actions.preview_worksheet
  `print_worksheet`→ gui.worksheet_actions.print_worksheet_dialog   (then `report_printed`)
  `save_pdf`       → gui.worksheet_actions.save_worksheet_pdf_dialog (then `report_printed`)
  `report_printed` → records.store.RecordStore.mark_printed (every final print or PDF against its record)
  `open_history`   → gui.history_view.HistoryView over records.store.RecordStore()
The worksheet and history modules are imported on first use (start-up speed); every build ships them.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from mscdose.settings import PAPER_SIZE, SITE_NAME

if TYPE_CHECKING:
    from mscdose.gui.finalizing import FinalizeController
    from mscdose.gui.questions import Questions
    from mscdose.settings import Settings

logger = logging.getLogger(__name__)


class OutputsController(QObject):
    def __init__(self, window: QWidget, finalizing: FinalizeController, settings: Settings,
                 questions: Questions) -> None:
        super().__init__(window)
        self.window = window  # the parent of the dialogs and of the History window
        self.finalizing = finalizing
        self.settings = settings
        self.questions = questions
        self.history: Any = None  # the History window while it is open

    def _worksheet_kwargs(self) -> dict[str, Any]:
        return {"site_name": self.settings.get(SITE_NAME), "page_size": self.settings.get(PAPER_SIZE)}

    def preview(self) -> None:
        """Preview the saved record, or before finalising a draft that the worksheet marks NOT FOR
        ADMINISTRATION with the reason (the hard limits of a blocked calculation, or that it is a preview)."""
        from mscdose.gui import worksheet_actions

        final = self.finalizing
        if final.final_document is not None:
            document, record_id = final.final_document, final.final_record_id
        else:
            draft = final.draft_document()
            if draft is None:
                return
            document, record_id = draft, None
        worksheet_actions.preview_worksheet(self.window, document, record_id=record_id, preview_reason=None,
                                            **self._worksheet_kwargs())

    def report_printed(self, ok: bool, detail: str) -> None:
        """Log a final print or PDF against the saved record (the audit trail of what left the building)."""
        from PySide6.QtWidgets import QMessageBox

        from mscdose.records.store import RecordStore, StoreError

        record_id = self.finalizing.final_record_id
        if record_id is None:
            return
        logger.info("Record %s output %s: %s", record_id, "ok" if ok else "FAILED", detail)
        try:
            store = RecordStore()
            try:
                store.mark_printed(record_id, ok, detail)
            finally:
                store.close()
        except StoreError as error:
            logger.warning("Print of record %s not logged: %s", record_id, error)
            self.questions.show_message("The print was not logged", str(error), QMessageBox.Icon.Warning)

    def print_worksheet(self) -> None:
        document = self.finalizing.final_document
        if document is None:
            return
        from mscdose.gui import worksheet_actions

        worksheet_actions.print_worksheet_dialog(self.window, document, record_id=self.finalizing.final_record_id,
                                                 report=self.report_printed, **self._worksheet_kwargs())

    def save_pdf(self) -> None:
        document = self.finalizing.final_document
        if document is None:
            return
        from mscdose.gui import worksheet_actions

        worksheet_actions.save_worksheet_pdf_dialog(self.window, document,
                                                    record_id=self.finalizing.final_record_id,
                                                    report=self.report_printed, **self._worksheet_kwargs())

    def open_history(self) -> None:
        """The records room's History window (non-modal, so the form stays usable beside it). One at a
        time: opening it again brings the open one forward. It owns its store (one SQLite connection) and
        closes it when it is closed; the window then forgets it, and the next opening starts afresh."""
        if self.history is not None:
            self.history.refresh()
            self.history.raise_()
            self.history.activateWindow()
            return
        from PySide6.QtWidgets import QMessageBox

        from mscdose.gui.history_view import HistoryView
        from mscdose.records.store import RecordStore, StoreError

        try:
            store = RecordStore()
        except StoreError as error:
            logger.warning("Records not opened: %s", error)
            self.questions.show_message("Could not open the records", str(error), QMessageBox.Icon.Critical)
            return
        try:
            view = HistoryView(store, self.window, owns_store=True, **self._worksheet_kwargs())
        except BaseException:
            store.close()
            raise
        view.finished.connect(lambda _result: self._history_closed(view))
        self.history = view
        view.show()

    def _history_closed(self, view: Any) -> None:
        """The History window was closed (its store is closed by then): forget it and let Qt delete it."""
        if self.history is view:
            self.history = None
        view.deleteLater()

    def close_history(self) -> None:
        """Close the History window if open (the main window does so as it closes), closing its store."""
        if self.history is not None:
            self.history.close()
