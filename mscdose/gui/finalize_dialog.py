"""The last question before a calculation becomes a record: who prepared it (and, if done, who checked it).

Prepared-by initials are prefilled from the operator initials kept in the settings, and follow the same
rule as override initials (2 to 6 letters), taken from `mscdose.core.overrides` so there is one rule.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from mscdose.core.overrides import override_problem
from mscdose.gui.texts import translate

# override_problem checks a reason and initials together; a fixed three-word reason isolates the initials rule.
_ANY_ACCEPTABLE_REASON = "initials rule only"


def initials_problem(initials: str) -> str | None:
    return override_problem(_ANY_ACCEPTABLE_REASON, initials)


@dataclass(frozen=True)
class Signatures:
    prepared_by: str
    checked_by: str


class FinalizeDialog(QDialog):
    def __init__(self, summary: str, prepared_by: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("finalizeDialog")
        self.setWindowTitle(translate("Finalise", "Finalise the calculation"))
        layout = QVBoxLayout(self)
        text = QLabel(summary)
        text.setWordWrap(True)
        layout.addWidget(text)
        form = QFormLayout()
        self.prepared = QLineEdit(prepared_by)
        self.prepared.setObjectName("preparedByInput")
        self.prepared.setAccessibleName(translate("Finalise", "Prepared by (initials)"))
        self.prepared.setMaxLength(6)
        self.checked = QLineEdit()
        self.checked.setObjectName("checkedByInput")
        self.checked.setAccessibleName(translate("Finalise", "Checked by (initials, optional)"))
        self.checked.setMaxLength(6)
        prepared_label = QLabel(translate("Finalise", "&Prepared by (initials):"))
        prepared_label.setBuddy(self.prepared)
        checked_label = QLabel(translate("Finalise", "C&hecked by (initials, optional):"))
        checked_label.setBuddy(self.checked)
        form.addRow(prepared_label, self.prepared)
        form.addRow(checked_label, self.checked)
        layout.addLayout(form)
        self.problem = QLabel()
        self.problem.setObjectName("finalizeProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("font-weight: bold;")  # palette colours: readable in any theme
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(translate("Finalise", "Finalise and save"))
        self.ok_button.setObjectName("finalizeOkButton")
        buttons.accepted.connect(self._accept_if_valid)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.prepared.textChanged.connect(self._check)
        self.checked.textChanged.connect(self._check)
        self._check()

    def _problem(self) -> str | None:
        problem = initials_problem(self.prepared.text())
        if problem:
            return translate("Finalise", "Prepared by: {problem}").format(problem=problem)
        if self.checked.text().strip():
            problem = initials_problem(self.checked.text())
            if problem:
                return translate("Finalise", "Checked by: {problem}").format(problem=problem)
        return None

    def _check(self) -> None:
        problem = self._problem()
        self.problem.setText(f"✖ {problem}" if problem else "")
        self.ok_button.setEnabled(problem is None)

    def _accept_if_valid(self) -> None:
        if self._problem() is None:
            self.accept()

    def signatures(self) -> Signatures:
        return Signatures(self.prepared.text().strip().upper(), self.checked.text().strip().upper())


def ask_signatures(summary: str, prepared_by: str, parent: QWidget | None) -> Signatures | None:
    dialog = FinalizeDialog(summary, prepared_by, parent)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        return dialog.signatures()
    return None
