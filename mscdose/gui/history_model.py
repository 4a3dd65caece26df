"""The History table: saved records' summaries as a Qt table model, filtered and sorted by the database.

No arithmetic and no decisions here: the numbers are the saved document's, shown through
mscdose.core.display (ISMP rules). Why it is built this way (issue 18, 100,000 records): the model never
holds records or documents. The store gives the filtered, sorted record ids (SQL: `history_ids`), and the
rows' columns a page at a time (`history_summaries`) as the table scrolls (`canFetchMore`/`fetchMore`);
sorting is by the raw values in SQL (the number, UTC time, case-folded text) so that "9.5 mL" sorts
before "12 mL". A full record is read (`RecordStore.get`) only to Show or Reprint one.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from mscdose.core import display as show
from mscdose.gui.texts import translate, unit_text_in
from mscdose.i18n import QT_TRANSLATE_NOOP
from mscdose.records.readable import NONE, local_time, number_text
from mscdose.records.summaries import (
    PAGE,
    STATUS_ALL,
    STATUS_OK,
    STATUS_SUPERSEDED,
    STATUS_WARNING,
    RecordSummary,
    SummaryFilter,
)

if TYPE_CHECKING:
    from mscdose.records.store import RecordStore

RECORD_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
Index = QModelIndex | QPersistentModelIndex

__all__ = ["COLUMNS", "RECORD_ROLE", "SORT_ROLE", "STATUS_ALL", "STATUS_OK", "STATUS_SUPERSEDED", "STATUS_WARNING",
           "HistoryTableModel"]


def _lot(record: RecordSummary) -> str:
    return " / ".join(part for part in (record.lot_number, record.din) if part) or NONE


def _correction(record: RecordSummary) -> str:
    """The correction links in English: the sort key (the SQL's), and the text an English window shows."""
    parts = []
    if record.supersedes is not None:
        parts.append(f"corrects #{record.supersedes}: {record.correction_reason}")
    if record.superseded_by is not None:
        parts.append(f"superseded by #{record.superseded_by}")
    return "; ".join(parts)


def _correction_shown(record: RecordSummary) -> str:
    """The correction links in the window's language; the reason is shown as it was typed."""
    parts = []
    if record.supersedes is not None:
        parts.append(translate("History", "corrects #{record}: {reason}").format(
            record=record.supersedes, reason=record.correction_reason))
    if record.superseded_by is not None:
        parts.append(translate("History", "superseded by #{record}").format(record=record.superseded_by))
    return translate("History", "; ").join(parts)


# The saved status as the table shows it; the store's value (the filter's and the sort's key) stays English.
STATUS_WORDS = {"ok": QT_TRANSLATE_NOOP("History", "OK"), "warning": QT_TRANSLATE_NOOP("History", "WARNING"),
                "blocked": QT_TRANSLATE_NOOP("History", "BLOCKED")}


def _status_shown(record: RecordSummary) -> str:
    word = STATUS_WORDS.get(record.status)
    return translate("History", word) if word else record.status.upper()


# header, display text, sort key (the SQL of each column's sort is records/summaries.py SORT_KEYS). The
# header is also the KEY of the column (the store's sort keys, NUMERIC_COLUMNS): it stays English, and only
# `headerData` shows it translated (QT_TRANSLATE_NOOP returns the English text unchanged).
COLUMNS: list[tuple[str, Any, Any]] = [
    (QT_TRANSLATE_NOOP("History", "Record"), lambda r: f"#{r.id}", lambda r: r.id),
    (QT_TRANSLATE_NOOP("History", "Saved"), lambda r: local_time(r.created_at), lambda r: r.created_at.timestamp()),
    (QT_TRANSLATE_NOOP("History", "Patient ID"), lambda r: r.patient_id, lambda r: r.patient_id.casefold()),
    (QT_TRANSLATE_NOOP("History", "Name"), lambda r: r.patient_name or NONE, lambda r: r.patient_name.casefold()),
    (QT_TRANSLATE_NOOP("History", "Status"), _status_shown, lambda r: r.status),
    (QT_TRANSLATE_NOOP("History", "Volume to draw"), lambda r: number_text(r.volume_to_draw_ml, show.ml),
     lambda r: r.volume_to_draw_ml),
    (QT_TRANSLATE_NOOP("History", "Dose delivered"),
     lambda r: unit_text_in(number_text(r.delivered_dose_cells, show.cells)), lambda r: r.delivered_dose_cells),
    (QT_TRANSLATE_NOOP("History", "Lot / DIN"), _lot, lambda r: _lot(r).casefold()),
    (QT_TRANSLATE_NOOP("History", "Prepared by"), lambda r: r.prepared_by or NONE, lambda r: r.prepared_by.casefold()),
    (QT_TRANSLATE_NOOP("History", "Checked by"), lambda r: r.checked_by or NONE, lambda r: r.checked_by.casefold()),
    (QT_TRANSLATE_NOOP("History", "Printed"),
     lambda r: translate("History", "yes") if r.printed else translate("History", "no"), lambda r: int(r.printed)),
    (QT_TRANSLATE_NOOP("History", "Correction"), _correction_shown, _correction),
]
NUMERIC_COLUMNS = {"Record", "Volume to draw", "Dose delivered"}


class HistoryTableModel(QAbstractTableModel):
    """Rows of RecordSummary, loaded a page at a time. `RECORD_ROLE` gives the summary, `SORT_ROLE` its raw key.

    `reload()` asks the store again (after a filter, a sort or a refresh); a StoreError empties the table and
    is sent by `failed` for the window to show."""

    failed = Signal(str)

    def __init__(self, store: RecordStore | None = None, parent: Any = None, *, page: int = PAGE) -> None:
        super().__init__(parent)
        self.store = store
        self.page = page
        self._ids: list[int] = []
        self._rows: list[RecordSummary] = []
        self._filter = SummaryFilter()
        self._sort_column, self._descending = 0, True  # newest first

    # -- what is shown --------------------------------------------------------------------------------

    @property
    def total(self) -> int:
        """Records the filter keeps (loaded or not)."""
        return len(self._ids)

    def reload(self) -> bool:
        """Ask the store again. On a StoreError the table is emptied and `failed` says why (a slot Qt calls,
        such as a click on a header, must never raise)."""
        from mscdose.records.errors import StoreError

        self.beginResetModel()
        try:
            self._rows = []
            self._ids = [] if self.store is None else self.store.history_ids(
                self._filter, COLUMNS[self._sort_column][0], self._descending)
            self._load(self.page)
        except StoreError as error:
            self._ids, self._rows = [], []
            self.failed.emit(str(error))
            return False
        finally:
            self.endResetModel()
        return True

    @property
    def filtered(self) -> bool:
        return self._filter != SummaryFilter()

    def clear(self) -> None:
        self.beginResetModel()
        self._ids, self._rows = [], []
        self.endResetModel()

    def _load(self, count: int) -> list[RecordSummary]:
        start = len(self._rows)
        wanted = self._ids[start:start + count]
        loaded = self.store.history_summaries(wanted) if (self.store is not None and wanted) else []
        self._rows.extend(loaded)
        if len(loaded) < len(wanted):  # a record listed but not read: never show a gap, stop here
            self._ids = self._ids[:len(self._rows)]
        return loaded

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008 - Qt's own default argument
        return not parent.isValid() and len(self._rows) < len(self._ids)

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        start = len(self._rows)
        count = min(self.page, len(self._ids) - start)
        self.beginInsertRows(QModelIndex(), start, start + count - 1)
        try:
            self._load(count)
        finally:
            self.endInsertRows()

    def row_of(self, record_id: int) -> int | None:
        """The row of a record the filter keeps, loading pages up to it; None when filtered out."""
        try:
            position = self._ids.index(record_id)
        except ValueError:
            return None
        while len(self._rows) <= position and self.canFetchMore():
            self.fetchMore()
        return position if position < len(self._rows) else None

    def record(self, row: int) -> RecordSummary:
        return self._rows[row]

    def loaded(self) -> list[RecordSummary]:
        return list(self._rows)

    # -- filters and sorting: the database does them ---------------------------------------------------

    def set_filter(self, patient: str | None = None, status: str | None = None, since_utc: str | None = None) -> bool:
        current = self._filter
        self._filter = SummaryFilter(
            (patient or "").strip() if patient is not None else current.patient,
            since_utc if since_utc is not None else current.since_utc,
            (status or STATUS_ALL) if status is not None else current.status)
        return self.reload()

    def set_since(self, day: date | None) -> bool:
        """Saved on or after this local date (None: any date): the same bound as `RecordStore.history`."""
        from mscdose.records.store import _lower_bound

        bound = "" if day is None else _lower_bound(day)
        return self.set_filter(since_utc="9999" if bound is None else bound)  # "9999": after any record

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        self._sort_column, self._descending = column, order == Qt.SortOrder.DescendingOrder
        self.layoutAboutToBeChanged.emit()
        self.reload()
        self.layoutChanged.emit()

    # -- Qt's table interface -------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return translate("History", COLUMNS[section][0])  # shown translated; the key stays English
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        record = self._rows[index.row()]
        header, text, sort_key = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return text(record)
        if role == SORT_ROLE:
            return sort_key(record)
        if role == RECORD_ROLE:
            return record
        if role == Qt.ItemDataRole.ToolTipRole:
            if record.superseded_by is not None:
                return translate("History", "Superseded by record {record}: use that record, not this one.").format(
                    record=record.superseded_by)
            return translate("History", "Record {record}, SHA-256 {sha256}").format(record=record.id,
                                                                                     sha256=record.sha256)
        if role == Qt.ItemDataRole.TextAlignmentRole and header in NUMERIC_COLUMNS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and record.superseded_by is not None:
            return QBrush(QColor("gray"))  # a corrected record stays visible but reads as past
        return None
