"""The History table: saved records as a Qt table model, and a proxy that filters by patient, date and status.

No arithmetic and no decisions here: the numbers are the saved document's, shown through
mscdose.core.display (ISMP rules), and sorting uses the raw values (record number, UTC time, the number
itself) so that "9.5 mL" sorts before "12 mL".
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from mscdose.core import display as show
from mscdose.records.readable import NONE, local_time, number_text
from mscdose.records.store import SavedRecord

RECORD_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
Index = QModelIndex | QPersistentModelIndex

STATUS_ALL, STATUS_OK, STATUS_WARNING, STATUS_SUPERSEDED = "all", "ok", "warning", "superseded"


def _number(value: Any) -> Decimal:
    try:
        return Decimal(str(value)) if value is not None else Decimal(-1)
    except ArithmeticError:
        return Decimal(-1)


def _lot(record: SavedRecord) -> str:
    return " / ".join(part for part in (record.lot_number, record.din) if part) or NONE


def _correction(record: SavedRecord) -> str:
    parts = []
    if record.supersedes is not None:
        parts.append(f"corrects #{record.supersedes}: {record.correction_reason}")
    if record.superseded_by is not None:
        parts.append(f"superseded by #{record.superseded_by}")
    return "; ".join(parts)


# header, display text, sort key
COLUMNS: list[tuple[str, Any, Any]] = [
    ("Record", lambda r: f"#{r.id}", lambda r: r.id),
    ("Saved", lambda r: local_time(r.created_at), lambda r: r.created_at.timestamp()),
    ("Patient ID", lambda r: r.patient_id, lambda r: r.patient_id.casefold()),
    ("Name", lambda r: r.patient_name or NONE, lambda r: r.patient_name.casefold()),
    ("Status", lambda r: r.status.upper(), lambda r: r.status),
    ("Volume to draw", lambda r: number_text(r.document.get("volume_to_draw_ml"), show.ml),
     lambda r: float(_number(r.document.get("volume_to_draw_ml")))),
    ("Dose delivered", lambda r: number_text(r.document.get("delivered_dose_cells"), show.cells),
     lambda r: float(_number(r.document.get("delivered_dose_cells")))),
    ("Lot / DIN", _lot, lambda r: _lot(r).casefold()),
    ("Prepared by", lambda r: r.prepared_by or NONE, lambda r: r.prepared_by.casefold()),
    ("Checked by", lambda r: r.checked_by or NONE, lambda r: r.checked_by.casefold()),
    ("Printed", lambda r: "yes" if r.printed else "no", lambda r: int(r.printed)),
    ("Correction", _correction, _correction),
]
NUMERIC_COLUMNS = {"Record", "Volume to draw", "Dose delivered"}


class HistoryTableModel(QAbstractTableModel):
    """Read-only rows of SavedRecord; `RECORD_ROLE` gives the record itself, `SORT_ROLE` its raw sort key."""

    def __init__(self, records: Sequence[SavedRecord] = (), parent: Any = None) -> None:
        super().__init__(parent)
        self._records: list[SavedRecord] = list(records)

    def set_records(self, records: Sequence[SavedRecord]) -> None:
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    def record(self, row: int) -> SavedRecord:
        return self._records[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own default argument
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section][0]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        record = self._records[index.row()]
        header, text, sort_key = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return text(record)
        if role == SORT_ROLE:
            return sort_key(record)
        if role == RECORD_ROLE:
            return record
        if role == Qt.ItemDataRole.ToolTipRole:
            if record.superseded_by is not None:
                return f"Superseded by record {record.superseded_by}: use that record, not this one."
            return f"Record {record.id}, SHA-256 {record.sha256}"
        if role == Qt.ItemDataRole.TextAlignmentRole and header in NUMERIC_COLUMNS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and record.superseded_by is not None:
            return QBrush(QColor("gray"))  # a corrected record stays visible but reads as past
        return None


class HistoryFilterProxy(QSortFilterProxyModel):
    """Filters by patient ID or name (contains, any case), saved on or after a local date, and status."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._patient = ""
        self._status = STATUS_ALL
        self._since: date | None = None
        self.setSortRole(SORT_ROLE)

    def _refilter(self, change: Any) -> None:
        """Apply a filter change (begin/endFilterChange on Qt 6.9+, invalidateFilter before)."""
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
            change()
            self.endFilterChange()
        else:  # pragma: no cover - Qt < 6.9
            change()
            self.invalidateFilter()

    def set_patient_filter(self, text: str) -> None:
        self._refilter(lambda: setattr(self, "_patient", (text or "").strip().casefold()))

    def set_status_filter(self, status: str) -> None:
        self._refilter(lambda: setattr(self, "_status", status or STATUS_ALL))

    def set_since(self, day: date | None) -> None:
        self._refilter(lambda: setattr(self, "_since", day))

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, HistoryTableModel):
            return True
        record = model.record(source_row)
        if self._patient and self._patient not in record.patient_id.casefold() \
                and self._patient not in record.patient_name.casefold():
            return False
        if self._since is not None and record.created_at.astimezone().date() < self._since:
            return False
        if self._status == STATUS_SUPERSEDED:
            return record.superseded_by is not None
        return self._status == STATUS_ALL or record.status == self._status
