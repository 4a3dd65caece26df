"""The window's commands: the button row under the form and results, the File and Help menus, their
shortcuts, and when each may be used.

Each command is one slot elsewhere (the finalise and outputs controllers, the window's New patient,
Settings and Help); this module only places them and switches them on and off, with a tooltip that says
why a command is off. The menus' actions are made just after the first paint (`build_menu_actions`):
QAction brings QIcon and QKeySequence with it, and the first QAction.setShortcut builds PySide6's `Qt`
namespace (about 14 ms). Nobody opens a menu or presses Ctrl+N within that moment.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QMenu, QPushButton

from mscdose.gui.texts import plain, required_names, translate

if TYPE_CHECKING:
    from PySide6.QtGui import QAction

    from mscdose.core.engine import DoseResult
    from mscdose.gui.finalizing import FinalizeController
    from mscdose.gui.record_outputs import OutputsController

Slot = Callable[[], None]


def _button(text: str, object_name: str, slot: Slot, description: str) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(object_name)
    button.setAccessibleName(plain(text))
    button.setAccessibleDescription(description)
    button.setAutoDefault(False)
    button.clicked.connect(slot)
    return button


class WindowActions:
    def __init__(self, window: QMainWindow, finalizing: FinalizeController, outputs: OutputsController, *,
                 new_patient: Slot, edit_settings: Slot, show_help: Slot, correct_record: Slot) -> None:
        self.window = window
        self._slots = {"new": new_patient, "settings": edit_settings, "help": show_help,
                       "preview": outputs.preview, "print": outputs.print_worksheet, "pdf": outputs.save_pdf,
                       "reprint": outputs.reprint, "history": outputs.open_history, "correct": correct_record,
                       "label": outputs.print_label,
                       "quit": window.close}
        self.new_button = _button(translate("Actions", "New patient"), "newPatientButton", new_patient,
                                  translate("Actions", "Clear the form for the next patient."))
        self.preview_button = _button(translate("Actions", "Preview"), "previewButton", outputs.preview,
                                  translate("Actions", "Show the worksheet; before finalising it is marked as a "
                                                       "draft."))
        self.finalize_button = _button(translate("Actions", "Finali&se…"), "finalizeButton", finalizing.finalize,
                                  translate("Actions", "Save this calculation as a record and enable printing."))
        self.print_button = _button(translate("Actions", "Print…"), "printButton", outputs.print_worksheet,
                                  translate("Actions", "Print the finalised worksheet."))
        self.pdf_button = _button(translate("Actions", "Save PDF…"), "savePdfButton", outputs.save_pdf,
                                  translate("Actions", "Save the finalised worksheet as a PDF file."))
        # Shown once a worksheet of the saved record could not be made: the way on is a reprint of that
        # record, never a second Finalise (which would be a second record).
        self.reprint_button = _button(translate("Actions", "Reprint…"), "reprintButton", outputs.reprint,
                                  translate("Actions", "Write the saved record's worksheet again, marked REPRINT."))
        self.reprint_button.hide()
        # issue 13: the prepared bag's label, shown once there is a record to label (the row stays narrow
        # enough for 1366 x 768 at 150 % before finalising)
        self.label_button = _button(translate("Actions", "Print bag label…"), "printLabelButton", outputs.print_label,
                                    translate("Actions", "Write the prepared bag's label (PDF) from the saved "
                                                         "record; copies after the first are marked REPRINT."))
        self.label_button.hide()
        self.missing_label = QLabel()
        self.missing_label.setObjectName("missingValue")
        self.missing_label.setAccessibleName(translate("Actions", "Missing before finalising"))
        self.missing_label.setAccessibleDescription(translate("Actions", "The fields the protocol requires before "
                                                                         "this calculation can be finalised."))
        self.missing_label.setWordWrap(True)
        self.missing_label.hide()
        self.history_button = _button(translate("Actions", "History…"), "historyButton", outputs.open_history,
                                  translate("Actions", "Earlier calculations and reprints."))
        self.history_button.setToolTip(translate("Actions", "Earlier calculations and reprints."))
        self.finalized_label = QLabel()
        self.finalized_label.setObjectName("finalizedValue")
        self.finalized_label.setAccessibleName(translate("Actions", "Record"))
        self.finalized_label.setAccessibleDescription(translate("Actions", "Whether this calculation has been saved "
                                                                           "as a record."))
        self.finalized_label.setWordWrap(True)
        self.row = QHBoxLayout()
        self.row.addWidget(self.new_button)
        self.row.addWidget(self.finalized_label, 1)
        self.row.addWidget(self.preview_button)
        self.row.addWidget(self.missing_label, 1)
        for button in (self.finalize_button, self.reprint_button, self.print_button, self.pdf_button,
                       self.label_button, self.history_button):
            self.row.addWidget(button)

        self.file_menu: QMenu = window.menuBar().addMenu(translate("Actions", "&File"))
        self.help_menu: QMenu = window.menuBar().addMenu(translate("Actions", "&Help"))
        self.menu_actions: dict[str, QAction] = {}

    # -- the record line beside New patient: what became of this calculation ------------------------------

    def say_finalised(self, record_id: int, prepared_by: str) -> None:
        self.finalized_label.setText(translate("Window", "✔ Finalised: record {record}, prepared by {initials}.")
                                     .format(record=record_id, initials=prepared_by))

    def say_output_failed(self, record_id: int) -> None:
        text = translate("Window", "✖ Record {record} is saved but its worksheet was not made: use Reprint… (do "
                                   "not finalise again).")
        self.finalized_label.setText(text.format(record=record_id))

    def say_label_written(self, record_id: int, copy: int, path: str) -> None:
        text = (translate("Window", "✔ Bag label of record {record} written to {path}.") if not copy else
                translate("Window", "✔ REPRINT {copy} of the bag label of record {record} written to {path}."))
        self.finalized_label.setText(text.format(record=record_id, copy=copy, path=path))

    def say_changed_after_finalising(self) -> None:
        self.finalized_label.setText(translate("Window", "Changed after finalising: the saved record is unchanged; "
                                                         "finalise again to make a new one."))

    def buttons(self) -> list[QPushButton]:
        """In tab order: the one that matters first."""
        return [self.finalize_button, self.preview_button, self.reprint_button, self.print_button, self.pdf_button,
                self.label_button, self.history_button, self.new_button]

    def _open_check_window(self) -> None:
        """The blind independent check (issue 14): a second person re-enters the inputs of a saved record."""
        from mscdose.gui.check_window import CheckWindow

        self._open_with_store(CheckWindow)

    def _open_users_window(self) -> None:
        from mscdose.gui.users_window import UsersWindow

        self._open_with_store(UsersWindow)

    def _open_with_store(self, window_class: type) -> None:
        from PySide6.QtWidgets import QMessageBox

        from mscdose.service.errors import StoreUnavailable
        from mscdose.service.records import open_store

        try:
            store = open_store()
        except StoreUnavailable as error:
            from mscdose.i18n import error_text

            QMessageBox.critical(self.window, translate("Actions", "Could not open the records"), error_text(error))
            return
        opened = window_class(store, self.window, owns_store=True)
        opened.show()

    def _open_bedside_window(self) -> None:
        """Imported when chosen (issue 18: the module costs about 11 ms of every start otherwise)."""
        from mscdose.gui.bedside_window import open_bedside_window

        open_bedside_window(self.window)

    def build_menu_actions(self) -> None:
        from PySide6.QtGui import QAction, QKeySequence

        self._slots.setdefault("bedside", self._open_bedside_window)  # issue 13
        self._slots.setdefault("check", self._open_check_window)  # issue 14
        self._slots.setdefault("users", self._open_users_window)  # issue 14
        entries = (("new", translate("Actions", "&New patient")),
                   ("preview", translate("Actions", "Pre&view worksheet")),
                   ("print", translate("Actions", "&Print worksheet…")),
                   ("pdf", translate("Actions", "Save worksheet as P&DF…")),
                   ("reprint", translate("Actions", "&Reprint worksheet…")),
                   ("label", translate("Actions", "Print bag &label…")),  # issue 13
                   ("history", translate("Actions", "&History…")),
                   ("correct", translate("Actions", "&Correct a record…")),
                   ("check", translate("Actions", "Chec&k a record (blind)…")),
                   ("bedside", translate("Actions", "&Bedside check…")),
                   ("users", translate("Actions", "&Users…")),  # issues 14 and 13
                   ("settings", translate("Actions", "&Settings…")), ("quit", translate("Actions", "&Quit")))
        for key, text in entries:
            action = QAction(text, self.window)
            action.triggered.connect(self._slots[key])
            self.file_menu.addAction(action)
            self.menu_actions[key] = action
        help_action = QAction(translate("Actions", "&Help and about"), self.window)
        help_action.triggered.connect(self._slots["help"])
        self.help_menu.addAction(help_action)
        self.menu_actions["help"] = help_action
        keys = QKeySequence.StandardKey
        for key, standard in (("new", keys.New), ("print", keys.Print), ("quit", keys.Quit),
                              ("help", keys.HelpContents)):
            self.menu_actions[key].setShortcut(QKeySequence(standard))
        # F1 must work even where the platform maps HelpContents to something else.
        if help_action.shortcut() != QKeySequence("F1"):
            help_action.setShortcuts([help_action.shortcut(), QKeySequence("F1")])

    def update(self, result: DoseResult | None, finalised: bool, missing: Sequence[str] = (),
               output_failed: bool = False) -> None:
        """Finalise needs a result without a hard flag, nothing required missing and no record made of it
        yet; Print and Save PDF need a saved record; Reprint shows once an output of that record failed."""
        blocked = result is not None and bool(result.hard_flags)
        self.finalize_button.setEnabled(result is not None and not blocked and not missing and not finalised)
        shown_missing = bool(missing) and result is not None and not blocked and not finalised
        fields = translate("Actions", ", ").join(required_names(missing))
        self.missing_label.setText(translate("Actions", "Missing before finalising: {fields}.").format(fields=fields)
                                   if shown_missing else "")
        self.missing_label.setVisible(shown_missing)
        if result is None:
            self.finalize_button.setToolTip(translate("Actions", "Fill in every required field first."))
        elif blocked:
            self.finalize_button.setToolTip(translate("Actions", "A hard limit is breached: this calculation cannot be "
                                                                 "finalised."))
        elif finalised:
            self.finalize_button.setToolTip(translate("Actions", "Already saved as a record: print it, or reprint it "
                                                                 "if an output failed."))
        elif missing:
            self.finalize_button.setToolTip(translate("Actions", "Still missing before finalising: {fields}.")
                                            .format(fields=fields))
        else:
            self.finalize_button.setToolTip(translate("Actions", "Save this calculation as a record and enable "
                                                                 "printing."))
        self.reprint_button.setVisible(finalised and output_failed)
        self.preview_button.setEnabled(result is not None)
        self.preview_button.setToolTip(translate("Actions", "Show the worksheet; before finalising it is marked as a "
                                                           "draft."))
        can_print = finalised and not blocked
        for button in (self.print_button, self.pdf_button, self.label_button):
            button.setEnabled(can_print)
        self.label_button.setVisible(can_print)
        waiting = translate("Actions", "Available once the calculation is finalised.")
        self.print_button.setToolTip(translate("Actions", "Print the finalised worksheet (Ctrl+P).") if can_print
                                     else waiting)
        self.pdf_button.setToolTip(translate("Actions", "Save the finalised worksheet as a PDF.") if can_print
                                   else waiting)
        if self.menu_actions:  # the menus follow the buttons (their actions come just after the first paint)
            for key, button in (("preview", self.preview_button), ("print", self.print_button),
                                ("pdf", self.pdf_button), ("reprint", self.print_button),
                                ("label", self.label_button)):
                self.menu_actions[key].setEnabled(button.isEnabled())
