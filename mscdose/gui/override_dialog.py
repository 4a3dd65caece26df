"""Overriding soft limits: each needs a typed reason of a few words and the user's initials.

The rule for what is acceptable is `mscdose.core.overrides.override_problem`, the same one the record
store applies, so the dialog can never accept what the store would refuse. OK stays disabled, and the
reason it is disabled is written under each row, until every row is acceptable. The protocol's standard
reasons (`override_reasons`) are offered as choices that fill the reason in; a reason may always be written
out instead. Initials are not prefilled: typing them is the act of taking responsibility.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from mscdose.core.overrides import Override, override_problem
from mscdose.gui.texts import translate
from mscdose.i18n import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class PendingFlag:
    code: str
    message: str


WRITE_OWN = QT_TRANSLATE_NOOP("Override", "— write a reason below —")  # translated where shown


class _Row:
    def __init__(self, flag: PendingFlag, index: int, reasons: Sequence[str | tuple[str, str]] = ()) -> None:
        self.flag = flag
        self.box = QGroupBox(f"⚠ {flag.code}")
        form = QFormLayout(self.box)
        from mscdose.gui.texts import unit_text_in
        from mscdose.worksheet.terms import flag_title

        title = flag_title(flag.code)
        text = QLabel(f"{title}: {unit_text_in(flag.message)}" if title else flag.message)
        text.setWordWrap(True)
        form.addRow(text)
        self.reason = QLineEdit()
        self.reason.setObjectName(f"overrideReason{index}")
        self.reason.setAccessibleName(translate("Override", "Reason for overriding {code}").format(code=flag.code))
        self.reason.setPlaceholderText(translate("Override", "why this is safe, e.g. weight confirmed on ward scale"))
        self.initials = QLineEdit()
        self.initials.setObjectName(f"overrideInitials{index}")
        self.initials.setAccessibleName(translate("Override", "Your initials for overriding {code}").format(
            code=flag.code))
        self.initials.setMaxLength(6)
        self.initials.setPlaceholderText(translate("Eligibility", "e.g. JS"))
        self.choice = QComboBox()
        self.choice.setObjectName(f"overrideChoice{index}")
        self.choice.setAccessibleName(translate("Override", "Standard reason for overriding {code}").format(
            code=flag.code))
        self.choice.setAccessibleDescription(translate("Override", "The protocol's standard reasons; choosing one "
                                                                   "fills in the reason."))
        self.choice.addItem(translate("Override", WRITE_OWN))
        # A standard reason is shown in the window's language (the protocol file's translation) and fills in
        # its English text: the recorded reason is the file's own, which the store's rule accepts.
        for reason in reasons:
            shown, english = reason if isinstance(reason, tuple) else (reason, reason)
            self.choice.addItem(shown, english)
        self.choice.currentIndexChanged.connect(self._chosen)
        if reasons:
            choice_label = QLabel(translate("Override", "Standard reason:"))
            choice_label.setBuddy(self.choice)
            form.addRow(choice_label, self.choice)
        else:
            self.choice.hide()
        reason_label = QLabel(translate("Override", "&Reason:"))
        reason_label.setBuddy(self.reason)
        initials_label = QLabel(translate("Override", "&Initials:"))
        initials_label.setBuddy(self.initials)
        form.addRow(reason_label, self.reason)
        form.addRow(initials_label, self.initials)
        self.problem = QLabel()
        self.problem.setObjectName(f"overrideProblem{index}")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("font-weight: bold;")  # palette colours: readable in any theme
        form.addRow(self.problem)

    def _chosen(self, index: int) -> None:
        if index > 0:
            self.reason.setText(str(self.choice.itemData(index)))

    def check(self) -> str | None:
        problem = override_problem(self.reason.text(), self.initials.text())
        self.problem.setText(f"✖ {problem}" if problem else translate("Override", "✔ acceptable"))
        return problem

    def override(self) -> Override:
        return Override(self.flag.code, self.reason.text().strip(), self.initials.text().strip().upper())


class OverrideDialog(QDialog):
    def __init__(self, flags: Sequence[PendingFlag], parent: QWidget | None = None,
                 reasons: Sequence[str | tuple[str, str]] = ()) -> None:
        super().__init__(parent)
        self.setObjectName("overrideDialog")
        self.setWindowTitle(translate("Override", "Override soft limits"))
        layout = QVBoxLayout(self)
        intro = QLabel(translate("Override", "A soft limit may be accepted only with a reason (at least three words) "
                                             "and your initials. Both are kept with the calculation and printed on the "
                                             "worksheet."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.rows = [_Row(flag, i, reasons) for i, flag in enumerate(flags)]
        for row in self.rows:
            layout.addWidget(row.box)
            row.reason.textChanged.connect(self._check)
            row.initials.textChanged.connect(self._check)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("overrideOkButton")
        self.ok_button.setText(translate("Override", "Accept with these reasons"))
        self.buttons.accepted.connect(self._accept_if_valid)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._check()

    def _check(self) -> None:
        problems = [row.check() for row in self.rows]
        self.ok_button.setEnabled(all(p is None for p in problems))

    def _accept_if_valid(self) -> None:
        if all(row.check() is None for row in self.rows):
            self.accept()

    def overrides(self) -> list[Override]:
        return [row.override() for row in self.rows]


def ask_overrides(flags: Sequence[PendingFlag], parent: QWidget | None,
                  reasons: Sequence[str | tuple[str, str]] = ()) -> list[Override] | None:
    """Modal: the overrides given, or None if the user cancelled."""
    dialog = OverrideDialog(flags, parent, reasons)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        return dialog.overrides()
    return None
