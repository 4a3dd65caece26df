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

import re
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

from mscdose.gui.texts import plain, translate, unit_text_in
from mscdose.gui.users_window import SignInBox
from mscdose.i18n import QT_TRANSLATE_NOOP, error_text
from mscdose.service import accounts, checking
from mscdose.service.errors import ServiceError

if TYPE_CHECKING:
    from mscdose.records.store import RecordStore

# field -> (label, object name, unit read for a bare number; None: the unit must be typed). The labels are
# translated where shown (context "Check"); the Chinese dose label names the unit as the parser reads it.
INPUTS = {
    "weight": (QT_TRANSLATE_NOOP("Check", "&Weight (kg):"), "checkWeightInput", "kg"),
    # no example number: an example can anchor the checker (it may even be the prescribed dose)
    "dose": (QT_TRANSLATE_NOOP("Check", "Prescribed &dose, with its unit (million cells, or million cells/kg):"),
             "checkDoseInput", None),
    "concentration": (QT_TRANSLATE_NOOP("Check", "Lot &concentration (million cells/mL):"),
                      "checkConcentrationInput", "million cells/mL"),
    "viability": (QT_TRANSLATE_NOOP("Check", "&Viability (%):"), "checkViabilityInput", "%"),
    "bag_volume": (QT_TRANSLATE_NOOP("Check", "&Bag volume (mL):"), "checkBagVolumeInput", "mL"),
}
# The service's names of the compared fields (service/checking.py LABELS), shown translated in the table.
FIELD_NAMES = (
    QT_TRANSLATE_NOOP("Check", "Weight"), QT_TRANSLATE_NOOP("Check", "Prescribed dose"),
    QT_TRANSLATE_NOOP("Check", "Lot concentration"), QT_TRANSLATE_NOOP("Check", "Viability"),
    QT_TRANSLATE_NOOP("Check", "Bag volume"), QT_TRANSLATE_NOOP("Check", "Volume to draw"),
    QT_TRANSLATE_NOOP("Check", "nothing"),
)
TYPED_FIELDS = ("dose",)  # the text a person typed on both sides: shown as typed, units untouched


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
        raise ValueError(translate("Check", "Record: “{value}” is not a record number or a bag label code. Accepted: "
                                   "the record number printed on the worksheet (e.g. 12) or a scan of the bag "
                                   "label.").format(value=value[:40]))
    return int(digits), ""


_PROTOCOL = re.compile(r"(?P<id>.*) version (?P<version>.*)")
_PRODUCT = re.compile(r"(?:lot (?P<lot>.+?))?(?: ?DIN (?P<din>.+))?")


def identity_parts(protocol: str, product: str) -> tuple[str, str]:
    """The session's protocol ("NCT03055078 version 1.0") and product ("lot L DIN D", "not recorded") in the
    window's language; a text of another shape is shown as the service wrote it."""
    found = _PROTOCOL.fullmatch(protocol)
    if found:
        protocol = translate("Check", "{id} version {version}").format(**found.groupdict())
    if product == "not recorded":
        return protocol, translate("Check", "not recorded")
    found = _PRODUCT.fullmatch(product)
    if found and (found["lot"] or found["din"]):
        parts = ([translate("Check", "lot {lot}").format(lot=found["lot"])] if found["lot"] else []) + (
            [f"DIN {found['din']}"] if found["din"] else [])
        product = " ".join(parts)
    return protocol, product


def value_text(field: str, value: str) -> str:
    """A compared value in the window's language: the program's units translated (the digits never touched);
    the typed dose as typed."""
    if value == "nothing":
        return translate("Check", "nothing")
    return value if field in TYPED_FIELDS else unit_text_in(value)


def matched_text(signature) -> str:  # type: ignore[no-untyped-def]
    """The MATCH line with the signature's manifestation (Part 11 §11.50: name, user id, date and time,
    meaning) in the window's language; in English the manifestation the record keeps, word for word."""
    if signature.meaning != "checked" or signature.detail != checking.MATCHED:
        return translate("Check", "✔ MATCH. {signature}.").format(signature=signature.manifestation())
    who = (translate("Check", "{name} ({user})").format(name=signature.printed_name, user=signature.user_id)
           if signature.electronic else translate("Check", "{name} (initials only: no electronic signature)")
           .format(name=signature.printed_name))
    when = signature.at.astimezone().strftime("%Y-%m-%d %H:%M %Z").strip()
    return translate("Check", "✔ MATCH. Checked by {who} at {when}: blind re-entry matched.").format(who=who,
                                                                                                       when=when)


class CheckWindow(QWidget):
    """Opened from the main window as `CheckWindow(store, parent, owns_store=True)`."""

    def __init__(self, store: RecordStore, parent: QWidget | None = None, *, owns_store: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("checkWindow")
        self.setWindowTitle(translate("Check", "Independent blind check"))
        self.store, self.owns_store, self.session = store, owns_store, None
        self.outcome: checking.CheckOutcome | None = None
        layout = QVBoxLayout(self)
        top = QFormLayout()
        self.record = QLineEdit()
        self.record.setObjectName("checkRecordInput")
        self.record.setAccessibleName(translate("Check", "Record number or bag label scan"))
        self.record.setMaxLength(300)
        self.record.returnPressed.connect(self.open_record)  # a keyboard-wedge scanner ends with Enter
        record_label = QLabel(translate("Check", "&Record number or scan:"))
        record_label.setBuddy(self.record)
        top.addRow(record_label, self.record)
        layout.addLayout(top)
        self.signer = SignInBox(translate("Check", "Checker"), accounts.accounts_enabled(store), "checker", self)
        layout.addWidget(self.signer)
        self.open_button = QPushButton(translate("Check", "&Open record"))
        self.open_button.setObjectName("checkOpenButton")
        self.open_button.setAutoDefault(False)
        self.open_button.clicked.connect(self.open_record)
        layout.addWidget(self.open_button)
        self.identity = QLabel()
        self.identity.setObjectName("checkRecordIdentity")
        self.identity.setAccessibleName(translate("Check", "Record being checked"))
        self.identity.setWordWrap(True)
        layout.addWidget(self.identity)
        self.entries = QGroupBox(translate("Check", "Re-enter from the prescription and the product label"))
        form = QFormLayout(self.entries)
        self.inputs: dict[str, QLineEdit] = {}
        for field, (label, object_name, _) in INPUTS.items():
            edit = QLineEdit()
            edit.setObjectName(object_name)
            caption = QLabel(translate("Check", label))
            edit.setAccessibleName(plain(caption.text()))
            edit.setMaxLength(60)
            caption.setBuddy(edit)
            form.addRow(caption, edit)
            self.inputs[field] = edit
        self.entries.setEnabled(False)
        layout.addWidget(self.entries)
        row = QHBoxLayout()
        self.compare_button = QPushButton(translate("Check", "Compare and &sign"))
        self.compare_button.setObjectName("checkCompareButton")
        self.compare_button.setAutoDefault(False)
        self.compare_button.setEnabled(False)
        self.compare_button.clicked.connect(self.compare)
        row.addStretch(1)
        row.addWidget(self.compare_button)
        layout.addLayout(row)
        self.verdict = QLabel()
        self.verdict.setObjectName("checkVerdict")
        self.verdict.setAccessibleName(translate("Check", "Check result"))
        self.verdict.setWordWrap(True)
        layout.addWidget(self.verdict)
        self.differences = QTableWidget(0, 3)
        self.differences.setObjectName("checkDifferences")
        self.differences.setAccessibleName(translate("Check", "Differences: entered and recorded side by side"))
        self.differences.setHorizontalHeaderLabels((translate("Check", "Field"), translate("Check", "You entered"),
                                                   translate("Check", "The record says")))
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
            self.verdict.setText(f"✖ {error_text(error)}")
            return
        finally:
            self.signer.clear_password()
        from mscdose.core.identifiers import canonical_key

        if scanned_patient and canonical_key(scanned_patient) != canonical_key(session.patient_id):
            self.verdict.setText(translate("Check", "✖ The scanned label names patient {scanned}, but record {record} "
                                           "is for patient {patient}: this is not the label of that record.")
                                 .format(scanned=scanned_patient, record=record_id, patient=session.patient_id))
            return
        self.session = session
        patient = (translate("Check", "{id} ({name})").format(id=session.patient_id, name=session.patient_name)
                   if session.patient_name else session.patient_id)
        protocol, product = identity_parts(session.protocol, session.product)
        self.identity.setText(translate("Check", "Record {record}: patient {patient}; protocol {protocol}; product "
                                        "{product}.").format(record=session.record_id, patient=patient,
                                                             protocol=protocol, product=product))
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
            self.verdict.setText(f"✖ {error_text(error)}")
            if error.field in self.inputs:
                self.inputs[error.field].setFocus()
            return
        self.outcome = outcome
        self.entries.setEnabled(False)
        self.compare_button.setEnabled(False)
        if outcome.matched:
            self.verdict.setText(matched_text(outcome.signature))
            return
        self.verdict.setText(translate("Check", "✖ MISMATCH: the check stops here ({count} difference(s)). Resolve "
                                       "them with the preparer against the source documents; the mismatch is kept "
                                       "in the record's chain.").format(count=len(outcome.differences)))
        self.differences.setRowCount(len(outcome.differences))
        for row, difference in enumerate(outcome.differences):
            shown = (translate("Check", difference.label), *(value_text(difference.field, value)
                                                             for value in (difference.entered, difference.recorded)))
            for column, value in enumerate(shown):
                self.differences.setItem(row, column, QTableWidgetItem(value))
        self.differences.resizeColumnsToContents()
        self.differences.show()

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if self.owns_store:
            self.store.close()
            self.owns_store = False
        super().closeEvent(event)
