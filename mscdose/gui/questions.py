"""Every modal question the main window asks, in one object that tests answer instead of a person.

A test cannot click in a modal dialog without timers, so the window and its controllers never open one
themselves: they ask `Questions`, and a test replaces the method it needs (`ask_overrides`,
`ask_signatures`, `confirm_discard`, ...). The dialogs themselves are tested directly.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox, QWidget

    from mscdose.core.overrides import Override
    from mscdose.gui.finalize_dialog import Signatures
    from mscdose.gui.override_dialog import PendingFlag


class Questions:
    def __init__(self, parent: QWidget) -> None:
        self.parent = parent

    def show_message(self, title: str, text: str, icon: QMessageBox.Icon | None = None) -> None:
        """A modal message; a warning unless `icon` says otherwise."""
        from PySide6.QtWidgets import QMessageBox  # imported on first use: its enums cost 1 ms of start-up

        if icon is None:
            icon = QMessageBox.Icon.Warning
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self.parent)
        box.setObjectName("messageDialog")
        box.exec()

    def confirm(self, title: str, text: str) -> bool:
        """Yes or No, No being the default (Enter must never throw work away)."""
        from PySide6.QtWidgets import QMessageBox

        buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        answer = QMessageBox.question(self.parent, title, text, buttons, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def confirm_discard(self, title: str, text: str) -> bool:
        """The question before an unsaved calculation is thrown away (New patient, closing the window)."""
        return self.confirm(title, text)

    def ask_overrides(self, flags: Sequence[PendingFlag],
                      reasons: Sequence[str | tuple[str, str]] = ()) -> list[Override] | None:
        from mscdose.gui.override_dialog import ask_overrides

        return ask_overrides(flags, self.parent, reasons)

    def ask_correction(self) -> tuple[int, str] | None:
        """Which record to correct and why (File → Correct a record…); None when cancelled."""
        from PySide6.QtWidgets import QInputDialog

        from mscdose.gui.texts import translate

        title = translate("Messages", "Correct a record")
        record_id, ok = QInputDialog.getInt(self.parent, title, translate("Messages", "Record number to correct:"),
                                            1, 1, 2_000_000_000)
        if not ok:
            return None
        reason, ok = QInputDialog.getText(self.parent, title, translate(
            "Messages", "Why is record {record} corrected? (at least three words)").format(record=record_id))
        return (record_id, reason) if ok else None

    def ask_save_path(self, title: str, suggested: str) -> str:
        """A PDF file name chosen by the person ('' when cancelled)."""
        from PySide6.QtWidgets import QFileDialog

        from mscdose.gui.texts import translate

        path, _ = QFileDialog.getSaveFileName(self.parent, title, suggested, translate("Messages", "PDF files (*.pdf)"))
        if path and not path.lower().endswith(".pdf"):
            path += ".pdf"
        return path

    def ask_sign_in(self, store: Any, meaning: str, summary: str) -> Any:
        """With accounts on (issue 14): the signer, authenticated against the store, or None if cancelled."""
        from mscdose.gui.users_window import ask_sign_in

        return ask_sign_in(store, meaning, summary, self.parent)

    def ask_signatures(self, summary: str, prepared_by: str) -> Signatures | None:
        from mscdose.gui.finalize_dialog import ask_signatures

        return ask_signatures(summary, prepared_by, self.parent)
