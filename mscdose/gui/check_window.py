"""The blind check window: open a saved record by id or by scanning its bag label, re-enter its five inputs
from the prescription and the product label, and let mscdose compare.

What the checker sees is chosen so the check stays blind (ISMP): which record it is (patient, protocol,
product lot or DIN) and nothing of the preparer's entries or results. After "Compare" the window shows
either MATCH with the "checked" signature now in the record's chain, or every difference side by side
(field, what was entered, what the record says); either way the check is over and the inputs are locked,
because after seeing the record's values a re-entry is no longer blind. The rules are in
`mscdose.service.checking`; this window only gathers the text and shows the outcome.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mscdose.gui.users_window import SignInBox
from mscdose.service import accounts, checking
from mscdose.service.errors import ServiceError

if TYPE_CHECKING:
    from mscdose.records.store import RecordStore

# field -> (label, object name, unit read for a bare number; None: the unit must be typed)
INPUTS = {
    "weight": ("&Weight (kg):", "checkWeightInput", "kg"),
    # no example number: an example can anchor the checker (it may even be the prescribed dose)
    "dose": ("Prescribed &dose, with its unit (million cells, or million cells/kg):", "checkDoseInput", None),
    "concentration": ("Lot &concentration (million cells/mL):", "checkConcentrationInput", "million cells/mL"),
    "viability": ("&Viability (%):", "checkViabilityInput", "%"),
    "bag_volume": ("&Bag volume (mL):", "checkBagVolumeInput", "mL"),
}


def record_id_from(text: str) -> tuple[int, str]:
    """(record id, patient id from a scanned label or "") from a typed number or a scanned bag label code."""
    from mscdose.core.errors import InputError
    from mscdose.core.label_code import parse_label_code

    value = (text or "").strip()
    if value.upper().startswith("MSCDOSE"):
        try:
            code = parse_label_code(value)
        except InputError as error:
            raise ValueError(str(error)) from None
        return int(code.record_id), code.patient_id
    digits = value.lstrip("#")
    if not digits.isascii() or not digits.isdigit() or not 1 <= int(digits) < 2**63:
        raise ValueError(f"Record: “{value[:40]}” is not a record number or a bag label code. Accepted: the record "
                         "number printed on the worksheet (e.g. 12) or a scan of the bag label.")
    return int(digits), ""


class CheckWindow(QWidget):
    """Opened from the main window as `CheckWindow(store, parent, owns_store=True)`."""

    def __init__(self, store: RecordStore, parent: QWidget | None = None, *, owns_store: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("checkWindow")
        self.setWindowTitle("Independent blind check")
        self.store, self.owns_store, self.session = store, owns_store, None
        self.outcome: checking.CheckOutcome | None = None
        layout = QVBoxLayout(self)
        top = QFormLayout()
        self.record = QLineEdit()
        self.record.setObjectName("checkRecordInput")
        self.record.setAccessibleName("Record number or bag label scan")
        self.record.setMaxLength(300)
        self.record.returnPressed.connect(self.open_record)  # a keyboard-wedge scanner ends with Enter
        record_label = QLabel("&Record number or scan:")
        record_label.setBuddy(self.record)
        top.addRow(record_label, self.record)
        layout.addLayout(top)
        self.signer = SignInBox("Checker", accounts.accounts_enabled(store), "checker", self)
        layout.addWidget(self.signer)
        self.open_button = QPushButton("&Open record")
        self.open_button.setObjectName("checkOpenButton")
        self.open_button.setAutoDefault(False)
        self.open_button.clicked.connect(self.open_record)
        layout.addWidget(self.open_button)
        self.identity = QLabel()
        self.identity.setObjectName("checkRecordIdentity")
        self.identity.setAccessibleName("Record being checked")
        self.identity.setWordWrap(True)
        layout.addWidget(self.identity)
        self.entries = QGroupBox("Re-enter from the prescription and the product label")
        form = QFormLayout(self.entries)
        self.inputs: dict[str, QLineEdit] = {}
        for field, (label, object_name, _) in INPUTS.items():
            edit = QLineEdit()
            edit.setObjectName(object_name)
            edit.setAccessibleName(label.replace("&", "").rstrip(":"))
            edit.setMaxLength(60)
            caption = QLabel(label)
            caption.setBuddy(edit)
            form.addRow(caption, edit)
            self.inputs[field] = edit
        self.entries.setEnabled(False)
        layout.addWidget(self.entries)
        row = QHBoxLayout()
        self.compare_button = QPushButton("Compare and &sign")
        self.compare_button.setObjectName("checkCompareButton")
        self.compare_button.setAutoDefault(False)
        self.compare_button.setEnabled(False)
        self.compare_button.clicked.connect(self.compare)
        row.addStretch(1)
        row.addWidget(self.compare_button)
        layout.addLayout(row)
        self.verdict = QLabel()
        self.verdict.setObjectName("checkVerdict")
        self.verdict.setAccessibleName("Check result")
        self.verdict.setWordWrap(True)
        layout.addWidget(self.verdict)
        self.differences = QTableWidget(0, 3)
        self.differences.setObjectName("checkDifferences")
        self.differences.setAccessibleName("Differences: entered and recorded side by side")
        self.differences.setHorizontalHeaderLabels(("Field", "You entered", "The record says"))
        self.differences.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.differences.hide()
        layout.addWidget(self.differences)

    def open_record(self) -> None:
        """Start the check: the record's identity only; refusals (the preparer, a wrong password) in words."""
        self.verdict.clear()
        try:
            record_id, scanned_patient = record_id_from(self.record.text())
            checker = None
            if self.signer.accounts_on:
                checker = accounts.authenticate(self.store, *self.signer.credentials())
            session = checking.start_check(self.store, record_id, checker, initials=self.signer.initials.text())
        except (ServiceError, ValueError) as error:
            self.verdict.setText(f"✖ {error}")
            return
        finally:
            self.signer.clear_password()
        from mscdose.core.identifiers import canonical_key

        if scanned_patient and canonical_key(scanned_patient) != canonical_key(session.patient_id):
            self.verdict.setText(f"✖ The scanned label names patient {scanned_patient}, but record {record_id} is "
                                 f"for patient {session.patient_id}: this is not the label of that record.")
            return
        self.session = session
        name = f" ({session.patient_name})" if session.patient_name else ""
        self.identity.setText(f"Record {session.record_id}: patient {session.patient_id}{name}; protocol "
                              f"{session.protocol}; product {session.product}.")
        self.record.setEnabled(False)
        self.signer.setEnabled(False)
        self.open_button.setEnabled(False)
        self.entries.setEnabled(True)
        self.compare_button.setEnabled(True)
        self.inputs["weight"].setFocus()

    def compare(self) -> None:
        if self.session is None:
            return
        texts = {field: edit.text() for field, edit in self.inputs.items()}
        units = {field: unit for field, (_, _, unit) in INPUTS.items() if unit}
        try:
            outcome = checking.finish_check(self.store, self.session, texts, units=units)
        except ServiceError as error:  # unreadable text: nothing signed, the checker corrects it
            self.verdict.setText(f"✖ {error}")
            if error.field in self.inputs:
                self.inputs[error.field].setFocus()
            return
        self.outcome = outcome
        self.entries.setEnabled(False)
        self.compare_button.setEnabled(False)
        if outcome.matched:
            self.verdict.setText(f"✔ MATCH. {outcome.signature.manifestation()}.")
            return
        self.verdict.setText(f"✖ MISMATCH: the check stops here ({len(outcome.differences)} difference(s)). "
                             "Resolve them with the preparer against the source documents; the mismatch is kept "
                             "in the record's chain.")
        self.differences.setRowCount(len(outcome.differences))
        for row, difference in enumerate(outcome.differences):
            for column, value in enumerate((difference.label, difference.entered, difference.recorded)):
                self.differences.setItem(row, column, QTableWidgetItem(value))
        self.differences.resizeColumnsToContents()
        self.differences.show()

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if self.owns_store:
            self.store.close()
            self.owns_store = False
        super().closeEvent(event)
