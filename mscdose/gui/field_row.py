"""One labelled input of the form: the text box, its unit, and the message under it when it cannot be read.

The message is the engine's own `InputError` text (it names the field, echoes the text and says what is
accepted), shown in words with a mark, a red outline and as the box's accessible description, so that
colour is never the only sign and a screen reader says the same as the screen.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

# Text colours come from the system palette (a high-contrast or dark theme stays readable); the error is
# told by the ✖ mark, the words and a thick outline, never by a colour alone.
ERROR_STYLE = "QLineEdit { border: 2px solid #c62828; border-radius: 3px; padding: 2px; }"
ERROR_TEXT_STYLE = "font-weight: bold;"
NOTE_TEXT_STYLE = "font-style: italic;"


class WrappingLabel(QLabel):
    """A word-wrapped label that asks for the height its text needs at its real width.

    A scroll area sizes its contents from size hints, which Qt computes for wrapped text at a guessed
    width, so a long message could be clipped mid-sentence; a message that is cut off is worse than none.
    """

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        needed = self.heightForWidth(self.width())
        if needed > 0 and needed != self.minimumHeight():
            self.setMinimumHeight(needed)


class FieldRow:
    """A label (with an Alt shortcut, buddied to the box) and an editor widget for a QFormLayout row."""

    def __init__(
        self,
        key: str,
        label: str,
        object_name: str,
        *,
        unit: str | Sequence[str] | None = None,
        unit_object_name: str = "",
        placeholder: str = "",
        hint: str = "",
    ) -> None:
        self.key = key
        self.hint = hint
        self.label = QLabel(label)
        self.edit = QLineEdit()
        self.edit.setObjectName(object_name)
        self.edit.setPlaceholderText(placeholder)
        self.edit.setClearButtonEnabled(False)
        plain_label = label.replace("&", "")
        self.edit.setAccessibleName(plain_label)
        self.edit.setAccessibleDescription(hint)
        self.edit.setToolTip(hint)
        self.label.setBuddy(self.edit)

        self.unit_combo: QComboBox | None = None
        self.unit_label: QLabel | None = None
        line = QHBoxLayout()
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.edit, 1)
        if isinstance(unit, str):
            self.unit_label = QLabel(unit)
            self.unit_label.setMinimumWidth(110)
            line.addWidget(self.unit_label)
        elif unit is not None:
            self.unit_combo = QComboBox()
            self.unit_combo.addItems(list(unit))
            self.unit_combo.setObjectName(unit_object_name)
            self.unit_combo.setAccessibleName(f"{plain_label} unit")
            self.unit_combo.setAccessibleDescription(f"The unit the {plain_label.lower()} is read in.")
            self.unit_combo.setMinimumWidth(110)
            line.addWidget(self.unit_combo)

        self.widget = QWidget()
        self._column = QVBoxLayout(self.widget)
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.setSpacing(2)
        self._column.addLayout(line)
        self.extra_line = line  # room for a button beside the box (the thaw time's "Now")
        self._object_name = object_name
        self._labels: tuple[WrappingLabel, WrappingLabel] | None = None

    def _message_labels(self) -> tuple[WrappingLabel, WrappingLabel]:
        """The message and the note under the box (`<objectName>Message`, `<objectName>Note`), made on
        first use: the window's first reading of the form, just after its first paint. Hidden while empty.
        Made then rather than with the box, they keep 32 labels, style sheets and PySide6's `Qt` namespace
        (about 14 ms of enums) out of the first paint."""
        if self._labels is None:
            from PySide6.QtCore import Qt

            message = WrappingLabel()
            message.setObjectName(f"{self._object_name}Message")
            message.setAccessibleName(f"{self.label.text().replace('&', '').rstrip(':')} message")
            message.setAccessibleDescription("Why the text in the box cannot be read, and what is accepted.")
            message.setStyleSheet(ERROR_TEXT_STYLE)
            message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            note = WrappingLabel()
            note.setObjectName(f"{self._object_name}Note")
            note.setAccessibleName(f"{self.label.text().replace('&', '').rstrip(':')} note")
            note.setAccessibleDescription("Whether the protocol's site value is used.")
            note.setStyleSheet(NOTE_TEXT_STYLE)
            for label in (message, note):
                label.setWordWrap(True)
                label.hide()
                self._column.addWidget(label)
            self._labels = (message, note)
        return self._labels

    @property
    def message(self) -> WrappingLabel:
        return self._message_labels()[0]

    @property
    def note(self) -> WrappingLabel:
        return self._message_labels()[1]

    def text(self) -> str:
        return self.edit.text()

    def unit(self) -> str:
        if self.unit_combo is not None:
            return self.unit_combo.currentText()
        return self.unit_label.text() if self.unit_label is not None else ""

    def error_text(self) -> str:
        return self.message.text().removeprefix("✖ ")

    def set_error(self, message: str | None) -> None:
        """Show `message` under the box (or clear it). Only changes what differs, so typing stays smooth."""
        shown = f"✖ {message}" if message else ""
        if shown == self.message.text():
            return
        self.message.setText(shown)
        self.message.setVisible(bool(message))
        self.edit.setStyleSheet(ERROR_STYLE if message else "")
        self.edit.setAccessibleDescription(f"Error: {message}" if message else self.hint)
        self.edit.setToolTip(message or self.hint)

    def set_note(self, note: str | None) -> None:
        if (note or "") == self.note.text():
            return
        self.note.setText(note or "")
        self.note.setVisible(bool(note))
