"""The window's ways out to paper and to the past: Preview, Print…, Save PDF…, Reprint… and History.

A controller composed into the main window (not a mixin). Every printed or saved copy of a finalised record
goes through the service path (`mscdose.service.outputs`), the same one `mscdose worksheet` and `mscdose
reprint` take: the first copy is checked again against the post-thaw limit with the real clock, every copy
after the first is marked REPRINT, and each one (or its failure) is logged against the record. That holds for
Print from inside Preview too: the preview's own Print button is routed to `print_worksheet`. Before
finalising, Preview shows a draft that the worksheet marks NOT FOR ADMINISTRATION.

After an output fails the record is saved all the same: the window says so and offers Reprint… (never a
second Finalise, which would be a second record).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from mscdose.gui.texts import translate
from mscdose.i18n import error_text

if TYPE_CHECKING:
    from mscdose.gui.finalizing import FinalizeController
    from mscdose.gui.questions import Questions
    from mscdose.service.outputs import PrintOptions
    from mscdose.settings import Settings

logger = logging.getLogger(__name__)


class OutputsController(QObject):
    output_failed = Signal(int)  # record id whose worksheet could not be made: offer Reprint
    label_written = Signal(int, int, str)  # record id, copy number (0 first, n for REPRINT n), file

    def __init__(self, window: QWidget, finalizing: FinalizeController, settings: Settings,
                 questions: Questions) -> None:
        super().__init__(window)
        self.window = window  # the parent of the dialogs and of the History window
        self.finalizing = finalizing
        self.settings = settings
        self.questions = questions
        self.history: Any = None  # the History window while it is open

    def options(self) -> PrintOptions:
        from mscdose.service.outputs import print_options
        from mscdose.settings import PAPER_SIZE, SITE_NAME

        return print_options(self.settings.get(PAPER_SIZE), self.settings.get(SITE_NAME))

    def _worksheet_kwargs(self) -> dict[str, Any]:
        options = self.options()
        return {"site_name": options.site_name, "page_size": options.page_size}

    def _failed(self, title: str, error: Exception) -> None:
        from PySide6.QtWidgets import QMessageBox

        record_id = self.finalizing.final_record_id
        text = error_text(error)
        if record_id is not None and "is saved" not in str(error):
            text += "\n\n" + translate("Messages", "Record {record} is saved. Get its worksheet with Reprint… (or "
                                                 "`mscdose reprint {record} --output FILE.pdf`); do not finalise "
                                                 "again.").format(record=record_id)
        self.questions.show_message(title, text, QMessageBox.Icon.Critical)
        if record_id is not None:
            self.output_failed.emit(record_id)

    # -- preview ---------------------------------------------------------------------------------------

    def preview(self) -> None:
        """Preview the saved record (its Print button goes through `print_worksheet`, logged and marked), or
        before finalising a draft the worksheet marks NOT FOR ADMINISTRATION."""
        from mscdose.gui import worksheet_actions

        final = self.finalizing
        if final.final_document is not None:
            worksheet_actions.preview_worksheet(self.window, final.final_document, record_id=final.final_record_id,
                                                preview_reason=None, on_print=self.print_worksheet,
                                                **self._worksheet_kwargs())
            return
        draft = final.draft_document()
        if draft is not None:
            worksheet_actions.preview_worksheet(self.window, draft, record_id=None, preview_reason=None,
                                                **self._worksheet_kwargs())

    # -- copies of the saved record ----------------------------------------------------------------------

    def print_worksheet(self) -> bool:
        """The system print dialog, then the saved record's worksheet: copy 0 unmarked, then REPRINT n. Numbered,
        checked against the post-thaw limit, signed and logged by the service's one copy path (produce_copy),
        the same the PDFs take."""
        from mscdose.gui import worksheet_actions
        from mscdose.service.errors import ServiceError
        from mscdose.service.outputs import produce_copy, reported
        from mscdose.service.records import opened_store

        record = self.finalizing.final_record
        if record is None:
            return False
        paint = reported(lambda copy, report: worksheet_actions.print_worksheet_dialog(
            self.window, record.document, report=report, **copy.render))
        try:
            with opened_store() as store:
                return produce_copy(store, record, paint, self.options(), target="print") is not None
        except ServiceError as error:
            self._failed(translate("Messages", "No worksheet printed"), error)
            return False

    def save_pdf(self, as_reprint: bool = False) -> bool:
        """Ask where, then the service writes the saved record's worksheet PDF (checked, renamed into place,
        logged; REPRINT n after the first copy)."""
        from mscdose.gui.worksheet_actions import suggested_file_name
        from mscdose.service.errors import OutputFailed, ServiceError
        from mscdose.service.outputs import check_output_path, write_record_worksheet
        from mscdose.service.records import opened_store

        record = self.finalizing.final_record
        if record is None:
            return False
        path = self.questions.ask_save_path(translate("Messages", "Save worksheet PDF") if not as_reprint
                                            else translate("Messages", "Reprint worksheet PDF"),
                                            suggested_file_name(record.document, record.id))
        if not path:
            return False
        try:
            output = check_output_path(path, force=True)  # the file dialog has asked about replacing it
            with opened_store() as store:
                copy = write_record_worksheet(store, record, Path(output), self.options(), as_reprint=as_reprint)
        except OutputFailed as error:
            self._failed(translate("Messages", "The worksheet was not saved"), error)
            return False
        except ServiceError as error:
            self._failed(translate("Messages", "The worksheet was not saved"), error)
            return False
        logger.info("Record %s: %s written to %s", record.id, f"reprint {copy}" if copy else "worksheet", output)
        return True

    def reprint(self) -> bool:
        """A copy marked REPRINT of the saved record (after a failed output, or for the file)."""
        return self.save_pdf(as_reprint=True)

    # -- the prepared bag's label (issue 13) -------------------------------------------------------------

    def print_label(self) -> bool:
        """Ask where, then the service writes the saved record's bag label PDF at the site's label size
        (LABEL_SIZE) and logs it: the first copy plain, then REPRINT n. The service refuses a superseded
        record and, where the site requires it (CHECK_BEFORE_LABEL), a record not yet checked independently:
        its message is shown and nothing is written. A label failure is not a worksheet failure: no Reprint."""
        from PySide6.QtWidgets import QMessageBox

        from mscdose.service.errors import InvalidInput, ServiceError
        from mscdose.service.labels import label_size_key, write_record_label
        from mscdose.service.outputs import check_output_path
        from mscdose.service.records import opened_store
        from mscdose.settings import CHECK_BEFORE_LABEL, LABEL_SIZE

        record = self.finalizing.final_record
        if record is None:
            return False
        path = self.questions.ask_save_path(translate("Messages", "Save bag label PDF"),
                                            f"bag-label-record-{record.id}.pdf")
        if not path:
            return False
        try:
            size = label_size_key(self.settings.get(LABEL_SIZE))
            output = check_output_path(path, force=True)  # the file dialog has asked about replacing it
            with opened_store() as store:
                copy = write_record_label(store, record, Path(output), size,
                                          check_required=self.settings.get(CHECK_BEFORE_LABEL) == "yes")
        except ServiceError as error:
            logger.warning("Record %s: no bag label: %s", record.id, error)
            icon = QMessageBox.Icon.Warning if isinstance(error, InvalidInput) else QMessageBox.Icon.Critical
            self.questions.show_message(translate("Messages", "No bag label written"), error_text(error), icon)
            return False
        logger.info("Record %s: %s written to %s", record.id, f"label reprint {copy}" if copy else "label", output)
        self.label_written.emit(record.id, copy, str(output))
        return True

    # -- history ---------------------------------------------------------------------------------------

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
        from mscdose.service.errors import ServiceError
        from mscdose.service.records import open_store

        try:
            store = open_store()
        except ServiceError as error:
            logger.warning("Records not opened: %s", error)
            self.questions.show_message(translate("Messages", "Could not open the records"), error_text(error),
                                        QMessageBox.Icon.Critical)
            return
        try:
            view = HistoryView(store, self.window, owns_store=True, on_correct=self.window.start_correction,
                               **self._worksheet_kwargs())
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
