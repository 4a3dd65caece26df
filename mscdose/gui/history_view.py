"""The History window: every saved record, filtered by patient, date and status, with Show, Reprint and
Export CSV.

The table reads summaries, not records (history_model.py: SQL filters and sorts, pages load as the
table scrolls). Show reads the one full record and displays the saved document as readable text (the same
text as `mscdose show`), Reprint writes the saved worksheet marked REPRINT and logs the attempt
(`mscdose.service.outputs.reprint`), Export CSV writes one row a record. Nothing is recomputed and nothing
is changed: the store is append-only. Failures are shown in the window's message line (never a crash),
because the records stay as they were.

File questions go through `ask_save_path`, a seam the tests replace (they cannot click a native dialog).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QModelIndex, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mscdose.gui.background_export import CsvExport, in_background, outcome
from mscdose.gui.history_model import (
    STATUS_ALL,
    STATUS_OK,
    STATUS_SUPERSEDED,
    STATUS_WARNING,
    HistoryTableModel,
)
from mscdose.gui.texts import translate
from mscdose.i18n import QT_TRANSLATE_NOOP, error_text
from mscdose.records.readable import record_text
from mscdose.records.store import RecordStore, SavedRecord, StoreError
from mscdose.records.summaries import RecordSummary

# (label, the filter's value): the label is shown translated, the value stays the store's English key
STATUS_CHOICES = ((QT_TRANSLATE_NOOP("History", "All statuses"), STATUS_ALL), (QT_TRANSLATE_NOOP("History", "OK"),
                  STATUS_OK), (QT_TRANSLATE_NOOP("History", "Warning (overridden)"), STATUS_WARNING),
                  (QT_TRANSLATE_NOOP("History", "Superseded by a correction"), STATUS_SUPERSEDED))
PAGE_SIZES = ("A4", "Letter")  # the values; shown as PAGE_SIZE_NAMES in the window's language
PAGE_SIZE_NAMES = {"A4": QT_TRANSLATE_NOOP("History", "A4"), "Letter": QT_TRANSLATE_NOOP("History", "Letter")}


class RecordTextDialog(QDialog):
    """One record as readable text, read-only, selectable for copying."""

    def __init__(self, record: SavedRecord, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyRecordDialog")
        self.setWindowTitle(translate("History", "Record {record} – patient {patient}").format(
            record=record.id, patient=record.patient_id))
        self.text = QPlainTextEdit(record_text(record))
        self.text.setObjectName("historyRecordText")
        self.text.setReadOnly(True)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(760, 640)


class HistoryView(QDialog):
    """Opened by the main window as `HistoryView(store, parent, owns_store=True)`; `page_size` and
    `site_name` are what the reprinted worksheet uses (the window's settings).

    With `owns_store` the view closes the store (its SQLite connection) once it is finished with, however
    it is closed; otherwise the store stays the caller's to close."""

    def __init__(self, store: RecordStore, parent: QWidget | None = None, *, page_size: str = "A4",
                 site_name: str = "", owns_store: bool = False,
                 on_correct: Callable[[int, str], bool] | None = None) -> None:
        super().__init__(parent)
        self.store = store
        # issue 10: Correct… hands the record to the main window, whose Finalise saves the superseding record
        self.on_correct = on_correct
        self.owns_store = owns_store
        if owns_store:
            self.finished.connect(self._close_store)
        self.site_name = site_name
        self.setObjectName("historyView")
        self.setWindowTitle(translate("History", "History – saved calculations"))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.record_dialogs: list[RecordTextDialog] = []

        self.model = HistoryTableModel(store, parent=self)
        self.model.failed.connect(lambda text: self.report(text, error=True))
        self._columns_fitted = False

        self.patient_filter = QLineEdit()
        self.patient_filter.setObjectName("historyPatientFilter")
        self.patient_filter.setPlaceholderText(translate("History", "Patient ID or name"))
        self.patient_filter.setClearButtonEnabled(True)
        self.patient_filter.textChanged.connect(lambda text: self._filter_changed(patient=text))

        self.status_filter = QComboBox()
        self.status_filter.setObjectName("historyStatusFilter")
        for label, value in STATUS_CHOICES:
            self.status_filter.addItem(translate("History", label), value)
        self.status_filter.currentIndexChanged.connect(
            lambda _: self._filter_changed(status=str(self.status_filter.currentData())))

        self.since_check = QCheckBox(translate("History", "Saved since"))
        self.since_check.setObjectName("historySinceCheck")
        self.since_filter = QDateEdit(QDate.currentDate().addDays(-30))
        self.since_filter.setObjectName("historySinceFilter")
        self.since_filter.setCalendarPopup(True)
        self.since_filter.setDisplayFormat("yyyy-MM-dd")
        self.since_filter.setEnabled(False)
        self.since_check.toggled.connect(self._since_changed)
        self.since_filter.dateChanged.connect(lambda _: self._since_changed())

        self.table = QTableView()
        self.table.setObjectName("historyTable")
        self.table.setModel(self.model)
        # newest first; the header's sort indicator sorts in the database (HistoryTableModel.sort)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        # fitted once to the first page (issue 18: ResizeToContents measured 1,000 rows x 12 columns at every
        # change), then the user's to widen
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _: self.show_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())

        self.show_button = QPushButton(translate("History", "&Show"))
        self.show_button.setObjectName("historyShowButton")
        self.show_button.setToolTip(translate("History", "The saved record as readable text, exactly as it was saved."))
        self.show_button.clicked.connect(self.show_selected)
        self.reprint_button = QPushButton(translate("History", "&Reprint…"))
        self.reprint_button.setObjectName("historyReprintButton")
        self.reprint_button.setToolTip(translate("History", "Write the saved worksheet again as a PDF, marked "
                                                            "REPRINT."))
        self.reprint_button.clicked.connect(self.reprint_selected)
        self.page_size = QComboBox()
        self.page_size.setObjectName("historyPageSize")
        for size in PAGE_SIZES:
            self.page_size.addItem(translate("History", PAGE_SIZE_NAMES[size]), size)
        self.page_size.setCurrentIndex(self.page_size.findData(page_size if page_size in PAGE_SIZES else "A4"))
        self.correct_button = QPushButton(translate("History", "C&orrect…"))
        self.correct_button.setObjectName("historyCorrectButton")
        self.correct_button.setToolTip(translate("History", "Load this record into the form; finalising then saves a "
                                                  "correction that supersedes it, with your reason. The record "
                                                  "itself is never changed."))
        self.correct_button.clicked.connect(self.correct_selected)
        self.correct_button.setVisible(on_correct is not None)
        self.export_button = QPushButton(translate("History", "Export &CSV…"))
        self.export_button.setObjectName("historyExportButton")
        self.export_button.setToolTip(translate("History", "All records, one row each, for the trial's data manager."))
        self.export_button.clicked.connect(self.export_csv)
        self.csv_export = CsvExport(self)
        self.csv_export.finished.connect(self.exported)
        self._export_target = ""
        self.refresh_button = QPushButton(translate("History", "Re&fresh"))
        self.refresh_button.setObjectName("historyRefreshButton")
        self.refresh_button.clicked.connect(self.refresh)

        self.message = QLabel()
        self.message.setObjectName("historyMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        filters = QHBoxLayout()
        patient_label = QLabel(translate("History", "&Patient:"))
        patient_label.setBuddy(self.patient_filter)
        status_label = QLabel(translate("History", "S&tatus:"))
        status_label.setBuddy(self.status_filter)
        for widget in (patient_label, self.patient_filter, status_label, self.status_filter, self.since_check,
                       self.since_filter):
            filters.addWidget(widget)
        filters.addStretch(1)
        actions = QHBoxLayout()
        paper_label = QLabel(translate("History", "Paper:"))
        for widget in (self.show_button, self.reprint_button, self.correct_button, paper_label, self.page_size,
                       self.export_button, self.refresh_button):
            actions.addWidget(widget)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(actions)
        self.resize(1100, 560)
        self.refresh()
        self.table.setSortingEnabled(True)  # after the first load: enabling sorts once more otherwise

    # -- state ---------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload from the store (other windows may have saved since), keeping the selected record."""
        selected = self.selected_record()
        if self.model.reload():
            self._count_message()
            if selected is not None:
                self.select_record(selected.id)
        self._fit_columns()
        self._update_buttons()

    def _count_message(self) -> None:
        total = self.model.total
        text = (translate("History", "1 saved record.") if total == 1
                else translate("History", "{count} saved records.").format(count=total))
        if self.model.filtered:
            try:
                text = translate("History", "{count} of {total} saved records match the filters.").format(
                    count=total, total=self.store.count())
            except StoreError:
                text = translate("History", "{count} saved records match the filters.").format(count=total)
        self.report(text)

    def _fit_columns(self) -> None:
        if not self._columns_fitted and self.model.rowCount():
            self.table.resizeColumnsToContents()
            self._columns_fitted = True

    def _filter_changed(self, patient: str | None = None, status: str | None = None) -> None:
        if self.model.set_filter(patient=patient, status=status):
            self._count_message()
        self._fit_columns()
        self._update_buttons()

    def _since_changed(self) -> None:
        self.since_filter.setEnabled(self.since_check.isChecked())
        day = self.since_filter.date().toPython() if self.since_check.isChecked() else None
        if self.model.set_since(day if isinstance(day, date) else None):
            self._count_message()
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_selection = self.selected_record() is not None
        self.show_button.setEnabled(has_selection)
        self.reprint_button.setEnabled(has_selection)
        self.correct_button.setEnabled(has_selection)
        self.export_button.setEnabled((self.model.total > 0 or self.model.filtered) and not self.csv_export.running())

    def report(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #b00020; font-weight: bold;" if error else "")
        self.message.setProperty("isError", error)

    def visible_records(self) -> list[RecordSummary]:
        """The rows loaded so far, as the table shows them (filtered and sorted); more load as it scrolls."""
        return self.model.loaded()

    def selected_record(self) -> RecordSummary | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or rows[0].row() >= self.model.rowCount():
            return None
        return self.model.record(rows[0].row())

    def select_record(self, record_id: int) -> bool:
        row = self.model.row_of(record_id)
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
            return True
        self.table.clearSelection()
        self.table.setCurrentIndex(QModelIndex())
        return False

    def full_record(self, summary: RecordSummary) -> SavedRecord | None:
        """The whole saved record (its document) of a row: read only for Show, never for the table."""
        try:
            return self.store.get(summary.id)
        except StoreError as error:
            self.report(str(error), error=True)
            return None

    # -- actions -------------------------------------------------------------------------------------

    def ask_save_path(self, caption: str, suggested: str, file_filter: str) -> str:
        """The file to write ("" when cancelled). A seam: tests replace it."""
        path, _ = QFileDialog.getSaveFileName(self, caption, suggested, file_filter)
        return path

    def show_selected(self) -> RecordTextDialog | None:
        selected = self.selected_record()
        record = self.full_record(selected) if selected is not None else None
        if record is None:
            return None
        dialog = RecordTextDialog(record, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.destroyed.connect(lambda *_: self._forget(dialog))
        self.record_dialogs.append(dialog)
        dialog.show()
        return dialog

    def _forget(self, dialog: RecordTextDialog) -> None:
        if dialog in self.record_dialogs:
            self.record_dialogs.remove(dialog)

    def ask_reason(self, record_id: int) -> str | None:
        """Why the record is corrected (None when cancelled); a method so tests can answer it."""
        from PySide6.QtWidgets import QInputDialog

        reason, ok = QInputDialog.getText(
            self, translate("History", "Correct a record"),
            translate("History", "Why is record {record} corrected? (at least three words)").format(record=record_id))
        return reason if ok else None

    def correct_selected(self) -> bool:
        """The selected record into the main window's form as a correction (issue 10 §3); the window says why
        when it cannot start (a reason that is not one, a record already corrected)."""
        record = self.selected_record()
        if record is None or self.on_correct is None:
            return False
        reason = self.ask_reason(record.id)
        if reason is None:
            return False
        started = self.on_correct(record.id, reason)
        if started:
            self.report(translate("History", "Record {record} is in the form: check it, then Finalise saves the "
                                   "correction.").format(record=record.id))
        return started

    def reprint_selected(self) -> bool:
        record = self.selected_record()
        if record is None:
            return False
        from mscdose.service.errors import ServiceError
        from mscdose.service.outputs import PrintOptions, check_output_path, reprint

        patient = "".join(c if c.isalnum() or c in "-_." else "_" for c in record.patient_id) or "patient"
        path = self.ask_save_path(translate("History", "Reprint worksheet as PDF"),
                                  f"worksheet-{patient}-record-{record.id}-reprint.pdf",
                                  translate("History", "PDF files (*.pdf)"))
        if not path:
            return False
        try:  # the save dialog has already asked before replacing a file
            output = check_output_path(path, force=True)
            reprint(self.store, record.id, output, PrintOptions(str(self.page_size.currentData()), self.site_name))
        except ServiceError as error:
            self.refresh()  # the print log changed either way
            self.report(error_text(error), error=True)
            return False
        self.refresh()
        self.report(translate("History", "Reprint of record {record} written to {path}.").format(record=record.id,
                                                                                           path=path))
        return True

    def export_csv(self) -> bool:
        """Ask where, then write every record's row there: a SQLite store by a worker thread on its own
        connection (background_export.py), the window live meanwhile; `exported` reports the outcome."""
        path = self.ask_save_path(translate("History", "Export records as CSV"), "mscdose-records.csv",
                                  translate("History", "CSV files (*.csv)"))
        if not path:
            return False
        self._export_target = path
        if not in_background(self.store):
            rows, error = outcome(self.store, Path(path))
            self.exported(rows, error)
            return rows is not None
        self.export_button.setEnabled(False)
        self.report(translate("History", "Exporting the records to {path}…").format(path=path))
        self.csv_export.start(self.store.path, Path(path))
        return True

    def exported(self, count: int | None, error: str | None) -> None:
        self.csv_export.wait()  # (its thread is ending: this answer is the last thing it does)
        self._update_buttons()
        if count is None:
            self.report(error or "", error=True)
            return
        self.report((translate("History", "Exported 1 record to {path}.") if count == 1 else
                     translate("History", "Exported {count} records to {path}.")).format(
                         count=count, path=self._export_target))

    def _close_store(self, _result: int = 0) -> None:
        self.store.close()

    def closeEvent(self, event: Any) -> None:
        for dialog in list(self.record_dialogs):
            dialog.close()
        self.csv_export.wait()  # an export under way is finished first: its file is never left half made
        super().closeEvent(event)
