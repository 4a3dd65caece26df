"""The product label scan field: what a keyboard-wedge scanner types, one scan per bag (issue 13).

A scanner types the barcode data fast and ends with Enter. Nothing is read while it types (a half-typed
scan is not an error); Enter hands the whole text to the core (`core.scan.parse_scan`). A scan the core
refuses stays in the box, selected, with the core's reason beside it, so the next scan replaces it; a scan
it reads is added to the list under the box (one line per bag, each value marked as scanned) and the box is
emptied for the next bag. The scans go to the calculation as the request's texts["scan"], one per line;
the core fills the DIN, product code and expiry from them and raises the flags (wrong product, expired,
bags of different DINs). "Clear scans" empties the list (a wrong bag scanned by mistake).

The lot and DIN fields accept a scan too: a text starting with "=" or "&" (what ISBT 128 data starts
with) is handed here by the form (`take`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from mscdose.gui.field_row import ERROR_STYLE, ERROR_TEXT_STYLE, WrappingLabel
from mscdose.gui.texts import plain, translate

if TYPE_CHECKING:
    from PySide6.QtWidgets import QListWidget

SCAN_STARTS = ("=", "&")  # every ISBT 128 data identifier starts with one of these
# The form's fields that accept a scan of the product label too: ISBT 128 data there is read as a scan.
SCANNABLE = ("lot", "din")


def looks_like_scan(text: str) -> bool:
    """Whether a text in the lot or DIN field is ISBT 128 barcode data rather than typing."""
    return text.strip().startswith(SCAN_STARTS)


def describe(number: int, text: str) -> str:
    """One list line: the bag's number and what its scan says, every value marked as scanned."""
    from mscdose.core.scan import parse_scan

    scan = parse_scan(text)
    parts = []
    if scan.din is not None:
        parts.append(translate("Scan", "DIN {din}").format(din=scan.din.display))
    if scan.product_code:
        parts.append(translate("Scan", "product {code}").format(code=scan.product_code))
    if scan.expiry is not None:
        parts.append(translate("Scan", "expires {when}").format(when=f"{scan.expiry:%Y-%m-%d %H:%M}"))
    if scan.collection_date is not None:
        parts.append(translate("Scan", "collected {date}").format(date=scan.collection_date.isoformat()))
    if not parts:
        parts.append(translate("Scan", "no DIN, product or date"))
    return translate("Scan", "Bag {number} (scanned): {values}").format(
        number=number, values=translate("Scan", " · ").join(parts))


class ScanField(QWidget):
    """The scan box, the list of scans read so far, Clear scans, and the reason a scan was refused."""

    changed = Signal()  # the list of scans changed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._scans: list[str] = []
        self.label = QLabel(translate("Scan", "Product label scan:"))
        self.hint = translate("Scan", "Scan the product bag's ISBT 128 barcode (the scanner ends with Enter); one "
                                      "scan per bag. The DIN, product and expiry are filled from it.")
        self.edit = QLineEdit()
        self.edit.setObjectName("scanInput")
        self.edit.setPlaceholderText(translate("Scan", "scan the bag label, or paste and press Enter"))
        self.edit.setAccessibleName(plain(self.label.text()))
        self.edit.setAccessibleDescription(self.hint)
        self.edit.setToolTip(self.hint)
        self.label.setBuddy(self.edit)
        self.edit.returnPressed.connect(self.accept_typed)
        self.edit.textEdited.connect(lambda _text: self.set_error(None))
        self.clear_button = QPushButton(translate("Scan", "Clear scans"))
        self.clear_button.setObjectName("clearScansButton")
        self.clear_button.setAutoDefault(False)
        self.clear_button.setAccessibleName(translate("Scan", "Clear scans"))
        self.clear_button.setAccessibleDescription(translate("Scan", "Remove every product label scan of this "
                                                                     "preparation."))
        self.clear_button.setToolTip(translate("Scan", "Remove every product label scan of this preparation."))
        self.clear_button.clicked.connect(self.clear_scans)
        self._list: QListWidget | None = None  # made at the first scan: hidden while there is none
        self.message = WrappingLabel()
        self.message.setObjectName("scanInputMessage")
        self.message.setAccessibleName(translate("Scan", "Product label scan message"))
        self.message.setAccessibleDescription(translate("Scan", "Why the scan was refused, and what is accepted."))
        self.message.setStyleSheet(ERROR_TEXT_STYLE)
        self.message.setWordWrap(True)
        line = QHBoxLayout()
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.edit, 1)
        line.addWidget(self.clear_button)
        self._column = QVBoxLayout(self)
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.setSpacing(2)
        self._column.addLayout(line)
        self._column.addWidget(self.message)
        self.clear_button.setEnabled(False)
        self.set_error(None)

    @property
    def list(self) -> QListWidget:
        """The scans read so far, one line per bag, under the box; made when first needed (a QListWidget's
        first use sets up 15 of PySide6's enums, about 3 ms of the window's first paint, issue 18) and placed
        after Clear scans in the Tab order."""
        if self._list is None:
            from PySide6.QtWidgets import QListWidget

            scans = QListWidget()
            scans.setObjectName("scanList")
            scans.setAccessibleName(translate("Scan", "Product label scans"))
            scans.setAccessibleDescription(translate("Scan", "One line per bag scanned, with the values read from "
                                                             "its label."))
            scans.setMaximumHeight(scans.fontMetrics().height() * 4 + 8)
            scans.hide()
            self._column.addWidget(scans)
            QWidget.setTabOrder(self.clear_button, scans)
            self._list = scans
        return self._list

    # -- reading ---------------------------------------------------------------------------------------

    def scans(self) -> list[str]:
        """The scans read so far, in the order they were scanned."""
        return list(self._scans)

    def add(self, text: str) -> str | None:
        """Read `text` as one scan: None when it was added to the list, else the core's reason."""
        from mscdose.core.errors import InputError
        from mscdose.core.scan import parse_scan

        try:
            parse_scan(text)
        except InputError as error:
            return error.message
        self._scans.append(text.strip())
        self._show_list()
        self.changed.emit()
        return None

    def accept_typed(self) -> None:
        """Enter in the box (the end of a scan): add it, or refuse it beside the box and keep it selected."""
        text = self.edit.text()
        if not text.strip():
            self.edit.focusNextChild()
            return
        reason = self.add(text)
        self.set_error(reason)
        if reason is None:
            self.edit.clear()
        else:
            self.edit.selectAll()  # the next scan replaces the refused one

    def clear_scans(self) -> None:
        had = bool(self._scans)
        self._scans.clear()
        self._show_list()
        self.set_error(None)
        if had:
            self.changed.emit()

    def reset(self) -> None:
        """Back to empty for a new patient (emits nothing: the window recomputes once)."""
        self._scans.clear()
        self.edit.clear()
        self._show_list()
        self.set_error(None)

    # -- showing ---------------------------------------------------------------------------------------

    def _show_list(self) -> None:
        if self._list is None and not self._scans:
            return  # never shown: nothing to empty
        self.list.clear()
        for number, text in enumerate(self._scans, 1):
            self.list.addItem(describe(number, text))
        self.list.setVisible(bool(self._scans))
        self.clear_button.setEnabled(bool(self._scans))

    def set_error(self, message: str | None) -> None:
        self.message.setText(f"✖ {message}" if message else "")
        self.message.setVisible(bool(message))
        self.edit.setStyleSheet(ERROR_STYLE if message else "")
        self.edit.setAccessibleDescription(translate("Form", "Error: {message}").format(message=message)
                                           if message else self.hint)
        self.edit.setToolTip(message or self.hint)

    def error_text(self) -> str:
        return self.message.text().removeprefix("✖ ")
