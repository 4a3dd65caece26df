"""The Bedside check window: scan the wristband and the bag label; a huge MATCH or a full-window MISMATCH.

What the nurse sees must not be misread at arm's length or by someone colour-blind: the answer is one word
in very large type, with an icon and a glyph (✔ / ✘), on a green panel (MATCH) or with the whole window red
(MISMATCH), and every reason listed. The answer stays until it is dismissed with the Dismiss button: a
keyboard-wedge scanner ends every read with Enter, so while an answer is shown the scan fields are locked and
nothing a scanner types can dismiss it or start another check over it (Dismiss is never a default button and
does not hold the focus).

Every check is appended to the record chain (records/bedside.py) before its answer is shown. If the record
store cannot be used the window says NOT CHECKED (red, do not give): nothing was compared or logged.
"""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from mscdose.gui.texts import plain, translate
from mscdose.i18n import QT_TRANSLATE_NOOP, error_text, live_message_text, said_text
from mscdose.settings import CHECK_BEFORE_LABEL, WRISTBAND_PATTERN, Settings

logger = logging.getLogger(__name__)

GREEN = QColor("#1b6e34")  # white text on it: contrast 6.3:1
RED = QColor("#b00020")    # white text on it: contrast 7.0:1
WHITE = QColor("white")
MATCH_WORDS = QT_TRANSLATE_NOOP("Bedside", "Right patient, right bag, in time. Give this bag to this patient.")
NOT_CHECKED = "NOT CHECKED"


def _scan_field(name: str, placeholder: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setPlaceholderText(placeholder)
    edit.setAccessibleName(placeholder)
    edit.setClearButtonEnabled(True)
    return edit


class BedsideWindow(QDialog):
    """Non-modal window. `store_path` (default: the data folder's record store) and `now` (default: the
    real clock; tests only) are for tests; the wristband pattern is the site setting."""

    def __init__(self, settings: Settings | None = None, parent: QWidget | None = None, *,
                 store_path: Path | str | None = None, now: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("bedsideWindow")
        self.setWindowTitle(translate("Bedside", "Bedside check – mscdose"))
        self.settings = settings or Settings()
        self.store_path = store_path
        self._now = now
        self.result: str = ""  # "", "MATCH", "MISMATCH" or NOT_CHECKED
        self.last_entry: Any = None
        self.setAutoFillBackground(True)
        self._normal_palette = QPalette(self.palette())

        self.wristband = _scan_field("wristbandScan", translate("Bedside", "Scan the patient's wristband"))
        self.bag_label = _scan_field("bagLabelScan", translate("Bedside", "Scan the bag label printed by mscdose"))
        self.product = _scan_field("productScan", translate("Bedside", "Product label (optional)"))
        self.wristband.returnPressed.connect(self.bag_label.setFocus)
        self.bag_label.returnPressed.connect(self._label_entered)
        self.product.returnPressed.connect(self.check)
        form = QFormLayout()
        for text, edit in ((translate("Bedside", "&Wristband:"), self.wristband),
                           (translate("Bedside", "Bag &label:"), self.bag_label),
                           (translate("Bedside", "&Product label:"), self.product)):
            label = QLabel(text)
            label.setBuddy(edit)
            form.addRow(label, edit)
        self.check_button = QPushButton(translate("Bedside", "&Check"))
        self.check_button.setObjectName("bedsideCheckButton")
        self.check_button.setAutoDefault(False)
        self.check_button.clicked.connect(self.check)
        self.check_button.setAccessibleName(plain(self.check_button.text()))
        self.check_button.setAccessibleDescription(translate("Bedside", "Compare the wristband with the bag label "
                                                                        "and log the check."))

        self.panel = QFrame()
        self.panel.setObjectName("bedsideResult")
        self.panel.setAutoFillBackground(True)
        self.icon = QLabel()
        self.icon.setObjectName("bedsideIcon")
        self.word = QLabel()
        self.word.setObjectName("bedsideWord")
        self.word.setAccessibleName(translate("Bedside", "Bedside check result"))
        big = QFont(self.font())
        big.setPointSizeF(max(self.font().pointSizeF(), 9) * 5)
        big.setBold(True)
        self.word.setFont(big)
        self.headline = QLabel()
        self.headline.setObjectName("bedsideHeadline")
        self.headline.setWordWrap(True)
        bold = QFont(self.font())
        bold.setPointSizeF(max(self.font().pointSizeF(), 9) * 1.6)
        bold.setBold(True)
        self.headline.setFont(bold)
        self.reasons = QListWidget()
        self.reasons.setObjectName("bedsideReasons")
        self.reasons.setAccessibleName(translate("Bedside", "Reasons"))
        self.reasons.setWordWrap(True)
        self.dismiss_button = QPushButton(translate("Bedside", "&Dismiss"))
        self.dismiss_button.setObjectName("bedsideDismissButton")
        self.dismiss_button.setAutoDefault(False)
        self.dismiss_button.setDefault(False)
        self.dismiss_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a scanner's Enter never dismisses
        self.dismiss_button.clicked.connect(self.dismiss)
        top = QHBoxLayout()
        top.addWidget(self.icon)
        top.addWidget(self.word, 1)
        inner = QVBoxLayout(self.panel)
        inner.addLayout(top)
        inner.addWidget(self.headline)
        inner.addWidget(self.reasons, 1)
        inner.addWidget(self.dismiss_button, 0, Qt.AlignmentFlag.AlignRight)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.check_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.panel, 1)
        self.resize(720, 560)
        self._show_nothing()

    # -- the check --------------------------------------------------------------------------------------

    def _label_entered(self) -> None:
        if self.wristband.text().strip():
            self.check()
        else:
            self.wristband.setFocus()

    def check(self) -> None:
        """Compare, append to the chain, then show the answer. Does nothing while an answer is showing."""
        if self.result:
            return
        from mscdose.core.bedside import WristbandPattern
        from mscdose.core.errors import InputError
        from mscdose.records.bedside import check_and_log
        from mscdose.records.postgres import open_record_store
        from mscdose.records.store import StoreError

        setting = self.settings.get(WRISTBAND_PATTERN)
        try:
            pattern = WristbandPattern.from_setting(setting)
        except InputError as error:
            self._show_not_checked(translate("Bedside", "The site setting {problem} Fix it in Settings.")
                                   .format(problem=error_text(error)))
            return
        now = self._now or datetime.now().astimezone()
        try:
            with open_record_store(self.store_path) as store:
                check, entry = check_and_log(store, self.wristband.text(), self.bag_label.text(), now=now,
                                             wristband_pattern=pattern, product_scan=self.product.text(),
                                             require_check=self.settings.get(CHECK_BEFORE_LABEL) == "yes")
        except StoreError as error:
            logger.warning("Bedside check not made: %s", error)
            self._show_not_checked(translate("Bedside", "The record store could not be used, so nothing was "
                                             "compared or logged: {error}").format(error=error_text(error)))
            return
        logger.info("Bedside check %s: %s for record %s", entry.id, check.result, check.record_id or "?")
        self.last_entry = entry
        if check.matched:
            self._show_match(check, entry)
        else:
            self._show_mismatch(reason_texts(check, check.reasons), said_text(check.headline_said), entry)
        for note in reason_texts(check, check.notes):
            self.reasons.addItem(translate("Bedside", "Note: {note}").format(note=note))

    # -- what is shown ----------------------------------------------------------------------------------

    def _lock(self, locked: bool) -> None:
        for edit in (self.wristband, self.bag_label, self.product):
            edit.setReadOnly(locked)
            edit.setEnabled(not locked)
        self.check_button.setEnabled(not locked)
        self.dismiss_button.setVisible(locked)

    def _colour(self, background: QColor | None) -> None:
        """`None`: the normal palette; a colour: the window (MISMATCH) or just the panel (MATCH)."""
        for widget in (self, self.panel):
            widget.setPalette(self._normal_palette)
        if background is None:
            return
        target = self if background == RED else self.panel
        palette = QPalette(self._normal_palette)
        for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base):
            palette.setColor(role, background)
        for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text):
            palette.setColor(role, WHITE)
        target.setPalette(palette)
        if target is self:
            self.panel.setPalette(palette)

    def _set_icon(self, standard: QStyle.StandardPixmap) -> None:
        self.icon.setPixmap(self.style().standardIcon(standard).pixmap(96, 96))

    def _answer(self, result: str, word: str, headline: str, reasons: list[str], colour: QColor,
                icon: QStyle.StandardPixmap) -> None:
        self.result = result
        self.setProperty("result", result)
        self.word.setText(word)
        self.headline.setText(headline)
        self.reasons.clear()
        self.reasons.addItems(reasons)
        self._set_icon(icon)
        self._colour(colour)
        self._lock(True)
        self.reasons.setFocus()  # nothing a scanner types next can act on the answer

    def _show_match(self, check: Any, entry: Any) -> None:
        self._answer("MATCH", translate("Bedside", "✔ MATCH"), translate("Bedside", MATCH_WORDS),
                     [translate("Bedside", "Patient {patient} · record {record}").format(
                         patient=check.wristband_patient_id, record=check.record_id),
                      translate("Bedside", "Logged as bedside check {check}.").format(check=entry.id)],
                     GREEN, QStyle.StandardPixmap.SP_DialogApplyButton)

    def _show_mismatch(self, reasons: list[str], headline: str, entry: Any) -> None:
        self._answer("MISMATCH", translate("Bedside", "✘ MISMATCH"), headline,
                     [*reasons, translate("Bedside", "Logged as bedside check {check}. Scanning again does not "
                                                     "clear this.").format(check=entry.id)],
                     RED, QStyle.StandardPixmap.SP_MessageBoxCritical)

    def _show_not_checked(self, problem: str) -> None:
        self._answer(NOT_CHECKED, translate("Bedside", "✘ NOT CHECKED"),
                     translate("Bedside", "DO NOT GIVE THIS BAG until a bedside check says MATCH."),
                     [problem], RED, QStyle.StandardPixmap.SP_MessageBoxCritical)

    def _show_nothing(self) -> None:
        self.result = ""
        self.setProperty("result", "")
        self.word.setText("")
        self.icon.clear()
        self.headline.setText(translate("Bedside", "Scan the wristband, then the bag label."))
        self.reasons.clear()
        self._colour(None)
        self._lock(False)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Escape would close the dialog; while an answer shows only Dismiss clears it."""
        if event.key() == Qt.Key.Key_Escape and self.result:
            event.accept()
            return
        super().keyPressEvent(event)

    def dismiss(self) -> None:
        """Clear the answer and the scans for the next check; the answer stays in the chain."""
        for edit in (self.wristband, self.bag_label, self.product):
            edit.clear()
        self._show_nothing()
        self.wristband.setFocus()


def reason_texts(check: Any, texts: tuple[str, ...]) -> list[str]:
    """A check's reasons (or notes) in the window's language: each by its template (core.bedside), the chain
    keeping the English; a reason given as plain text is found again from its English, else shown as it is."""
    shown = []
    for text in texts:
        message = check.said_reason(text)
        plain = message is None or message.template == "{text}"
        shown.append(live_message_text(text) if plain else said_text(message))
    return shown


def open_bedside_window(parent: QWidget) -> BedsideWindow:
    """The File menu's Bedside check…: one window per main window, non-modal, brought forward if open."""
    existing = parent.findChild(BedsideWindow, "bedsideWindow")
    if existing is None:
        existing = BedsideWindow(getattr(parent, "settings", None), parent)
    existing.show()
    existing.raise_()
    existing.activateWindow()
    return existing
