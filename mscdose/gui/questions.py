"""Every modal question the main window asks, in one object that tests answer instead of a person.

A test cannot click in a modal dialog without timers, so the window and its controllers never open one
themselves: they ask `Questions`, and a test replaces the method it needs (`ask_overrides`,
`ask_signatures`, `confirm_discard`, ...). The dialogs themselves are tested directly.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox, QWidget

if TYPE_CHECKING:
    from mscdose.core.overrides import Override
    from mscdose.gui.finalize_dialog import Signatures
    from mscdose.gui.override_dialog import PendingFlag


class Questions:
    def __init__(self, parent: QWidget) -> None:
        self.parent = parent

    def show_message(self, title: str, text: str, icon: QMessageBox.Icon | None = None) -> None:
        """A modal message; a warning unless `icon` says otherwise."""
        if icon is None:
            icon = QMessageBox.Icon.Warning
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self.parent)
        box.setObjectName("messageDialog")
        box.exec()

    def confirm(self, title: str, text: str) -> bool:
        """Yes or No, No being the default (Enter must never throw work away)."""
        buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        answer = QMessageBox.question(self.parent, title, text, buttons, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def confirm_discard(self, title: str, text: str) -> bool:
        """The question before an unsaved calculation is thrown away (New patient, closing the window)."""
        return self.confirm(title, text)

    def ask_overrides(self, flags: Sequence[PendingFlag]) -> list[Override] | None:
        from mscdose.gui.override_dialog import ask_overrides

        return ask_overrides(flags, self.parent)

    def ask_signatures(self, summary: str, prepared_by: str) -> Signatures | None:
        from mscdose.gui.finalize_dialog import ask_signatures

        return ask_signatures(summary, prepared_by, self.parent)
