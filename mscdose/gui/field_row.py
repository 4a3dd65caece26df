"""One labelled input of the form: the text box, its unit, and the message under it when it cannot be read.

The message is the engine's own `InputError` text (it names the field, echoes the text and says what is
accepted), shown in words with a mark, a red outline and as the box's accessible description, so that
colour is never the only sign and a screen reader says the same as the screen.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout

from mscdose.gui.texts import plain, translate

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
    """A label (with an Alt shortcut, buddied to the box) and the field (`field`, a layout) of a QFormLayout row."""

    def __init__(
        self,
        key: str,
        label: str,
        object_name: str,
        *,
        unit: str | Sequence[str | tuple[str, str]] | None = None,
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
        plain_label = plain(label)
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
            # An item is a unit the parser reads, or (the unit as shown, the unit the parser reads): the
            # Chinese window shows `× 10⁶ 个细胞` and still hands `million cells` to the engine.
            for choice in unit:
                shown, value = choice if isinstance(choice, tuple) else (choice, choice)
                self.unit_combo.addItem(shown, value)
            self.unit_combo.setObjectName(unit_object_name)
            self.unit_combo.setAccessibleName(translate("Form", "{field} unit").format(field=plain_label))
            self.unit_combo.setAccessibleDescription(
                translate("Form", "The unit the {field} is read in.").format(field=plain_label.lower()))
            self.unit_combo.setMinimumWidth(110)
            line.addWidget(self.unit_combo)

        # The field's column: the box line, then the message and the note once there are any. A layout,
        # not a widget of its own: 23 widgets fewer to make, show and paint in the first frame (issue 18).
        self.field = QVBoxLayout()
        self.field.setContentsMargins(0, 0, 0, 0)
        self.field.setSpacing(2)
        self.field.addLayout(line)
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
            field = plain(self.label.text())
            message.setAccessibleName(translate("Form", "{field} message").format(field=field))
            message.setAccessibleDescription(translate("Form", "Why the text in the box cannot be read, and what "
                                                               "is accepted."))
            message.setStyleSheet(ERROR_TEXT_STYLE)
            message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            note = WrappingLabel()
            note.setObjectName(f"{self._object_name}Note")
            note.setAccessibleName(translate("Form", "{field} note").format(field=field))
            note.setAccessibleDescription(translate("Form", "Whether the protocol's site value is used."))
            note.setStyleSheet(NOTE_TEXT_STYLE)
            for label in (message, note):
                label.setWordWrap(True)
                label.hide()
                self.field.addWidget(label)
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
            value = self.unit_combo.currentData()
            return str(value) if value is not None else self.unit_combo.currentText()
        return self.unit_label.text() if self.unit_label is not None else ""

    def error_text(self) -> str:
        return self.message.text().removeprefix("✖ ")

    def set_error(self, message: str | None) -> None:
        """Show `message` under the box (or clear it). Only changes what differs, so typing stays smooth.
        A core message (an InputError's English text) is shown in the window's language when the core raised
        it from a template (i18n.live_message_text; the same numbers, else the English)."""
        if not message and self._labels is None:
            return  # nothing to clear: the labels are made when there is first something to show (issue 18)
        if message:
            from mscdose.i18n import live_message_text

            message = live_message_text(message)
        shown = f"✖ {message}" if message else ""
        if shown == self.message.text():
            return
        self.message.setText(shown)
        self.message.setVisible(bool(message))
        self.edit.setStyleSheet(ERROR_STYLE if message else "")
        self.edit.setAccessibleDescription(translate("Form", "Error: {message}").format(message=message)
                                           if message else self.hint)
        self.edit.setToolTip(message or self.hint)

    def set_note(self, note: str | None) -> None:
        if not note and self._labels is None:
            return  # nothing to clear (see set_error)
        if (note or "") == self.note.text():
            return
        self.note.setText(note or "")
        self.note.setVisible(bool(note))
