"""The form: patient, prescription, product lot and preparation, in the order the work is done.

It owns the rows and reads and fills them; it never computes. The window hands `texts()` and `units()` to
`form_reading.read_form` and gives the reading back through `show_reading`, which marks the fields. The
weight unit lives here because it is part of what was typed: a unit switch re-reads the same real weight
in the new unit (62 kg becomes 136.69 lb, never 62 lb) and the exact weight as typed is what is computed.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QPushButton, QVBoxLayout, QWidget

from mscdose.gui.field_row import FieldRow
from mscdose.gui.scan_field import SCANNABLE, ScanField, looks_like_scan
from mscdose.gui.texts import plain, unit_text, unit_text_in

if TYPE_CHECKING:
    from mscdose.core.protocol import Protocol
    from mscdose.gui.form_reading import Reading

logger = logging.getLogger(__name__)

WEIGHT_UNITS = ("kg", "lb")
DEFAULT_WEIGHT_UNIT = "kg"
# Per kg is an explicit choice beside the number, never guessed from the size of the number.
DOSE_UNITS = ("million cells", "million cells/kg")
PREPARATION = ("final_volume", "duration", "drop_factor", "increment")
# Typed into the record but not into the calculation (the order); read by the finalise controller.
ORDER = ("prescriber", "order_reference", "order_date")


class PatientForm(QWidget):
    """The four input groups. `changed` fires on every edit of a text, a unit or the counting basis.

    With `whole=False` (the window's start, issue 18) only the Patient and Prescription groups are made;
    `complete` adds the Product lot and Preparation groups below them, once. The window calls it just after its
    first paint and before any input reaches it, and `rows`, `scan`, `basis`, `thaw_now` and every method that
    reads or fills those groups call it first, so that no code and no keystroke can find them missing."""

    changed = Signal()
    _scan: ScanField
    _basis: QComboBox
    _thaw_now: QPushButton

    def __init__(self, parent: QWidget | None = None, *, whole: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("patientForm")
        self._rows: dict[str, FieldRow] = {}
        self._weight_unit = DEFAULT_WEIGHT_UNIT  # every new patient starts in kg; the choice is not kept
        # (text shown after a unit switch, its unit, the exact weight it stands for): see texts()
        self._weight_exact: tuple[str, str, str] | None = None
        self._column = QVBoxLayout(self)
        for box in (self._patient(), self._prescription()):
            self._column.addWidget(box)
        self._column.addStretch(1)
        self._whole = False
        if whole:
            self.complete()

    def complete(self) -> bool:
        """Add the Product lot and Preparation groups (16 rows: 8-13 ms of the window's first paint, made, laid
        out and painted) below the first two, once. Returns whether they were made now."""
        if self._whole:
            return False
        self._whole = True
        for box in (self._lot(), self._preparation()):
            self._column.insertWidget(self._column.count() - 1, box)  # (before the closing stretch)
            if self.isVisible():
                box.show()  # now, not at Qt's next turn: the window's minimum width counts it at once
        return True

    @property
    def rows(self) -> dict[str, FieldRow]:
        """Every field's row by its key, the whole form's."""
        self.complete()
        return self._rows

    @property
    def scan(self) -> ScanField:
        self.complete()
        return self._scan

    @property
    def basis(self) -> QComboBox:
        self.complete()
        return self._basis

    @property
    def thaw_now(self) -> QPushButton:
        self.complete()
        return self._thaw_now

    # -- building ----------------------------------------------------------------------------------

    def _group(self, title: str, object_name: str) -> tuple[QGroupBox, QFormLayout]:
        box = QGroupBox(title)
        box.setObjectName(object_name)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        return box, form

    def _row(self, form: QFormLayout, key: str, label: str, object_name: str, **kwargs: Any) -> FieldRow:
        row = FieldRow(key, label, object_name, **kwargs)
        form.addRow(row.label, row.field)
        row.edit.textChanged.connect(self._text_changed)
        row.edit.returnPressed.connect(lambda: self._return_pressed(key))
        self._rows[key] = row
        return row

    def _patient(self) -> QGroupBox:
        box, form = self._group(self.tr("1  Patient"), "patientGroup")
        self._row(form, "patient_id", self.tr("Patient &ID:"), "patientIdInput",
                  placeholder=self.tr("hospital or trial number"),
                  hint=self.tr("The patient's hospital or trial number; required to finalise."))
        self._row(form, "patient_name", self.tr("&Name:"), "patientNameInput", placeholder=self.tr("optional"),
                  hint=self.tr("The patient's name as on the wristband (optional)."))
        # Two identifiers (issue 19): the date of birth, from which the age is worked out on the day.
        self._row(form, "date_of_birth", self.tr("Date of birth:"), "dateOfBirthInput",
                  placeholder=self.tr("YYYY-MM-DD"),
                  hint=self.tr("The patient's date of birth (second identifier); the age is worked out from it."))
        self._row(form, "age", self.tr("&Age:"), "ageInput", unit=self.tr("years"),
                  placeholder=self.tr("only if no date of birth"),
                  hint=self.tr("Age in years, typed only when the date of birth is unknown; checked against the "
                       "protocol's age window and against the date of birth."))
        weight = self._row(form, "weight", self.tr("&Weight:"), "weightInput", unit=WEIGHT_UNITS,
                           unit_object_name="weightUnit", placeholder=self.tr("e.g. 62"),
                           hint=self.tr("Body weight; the unit is chosen beside the box (kg for every new patient)."))
        assert weight.unit_combo is not None
        weight.unit_combo.setCurrentText(self._weight_unit)
        weight.unit_combo.currentTextChanged.connect(self._weight_unit_changed)
        return box

    def _prescription(self) -> QGroupBox:
        box, form = self._group(self.tr("2  Prescription"), "prescriptionGroup")
        self._row(form, "prescriber", self.tr("Prescriber:"), "prescriberInput",
                  placeholder=self.tr("name on the order"),
                  hint=self.tr("The prescriber named on the order; required to finalise."))
        self._row(form, "order_reference", self.tr("Order reference:"), "orderReferenceInput",
                  placeholder=self.tr("order or prescription number"),
                  hint=self.tr("The hospital's order or prescription number; required to finalise."))
        self._row(form, "order_date", self.tr("Order date:"), "orderDateInput", placeholder=self.tr("YYYY-MM-DD"),
                  hint=self.tr("The date the order was written."))
        dose = self._row(form, "dose", self.tr("&Dose:"), "doseInput", unit=[(unit_text(u), u) for u in DOSE_UNITS],
                         unit_object_name="doseUnit",
                         placeholder=self.tr("e.g. 150"),
                         hint=self.tr("The prescribed dose: a total, or per kg of body weight."))
        assert dose.unit_combo is not None
        dose.unit_combo.currentTextChanged.connect(self._text_changed)
        return box

    def _lot(self) -> QGroupBox:
        box, form = self._group(self.tr("3  Product lot"), "lotGroup")
        # issue 13: the bag's ISBT 128 label scanned first; the DIN, product and expiry come from it
        self._scan = ScanField()
        self._scan.changed.connect(self._text_changed)
        form.addRow(self._scan.label, self._scan)
        self._row(form, "lot", self.tr("&Lot number:"), "lotInput", placeholder=self.tr("as on the bag label"),
                  hint=self.tr("The product lot number from the bag label."))
        self._row(form, "din", self.tr("ISBT 12&8 DIN:"), "dinInput",
                  placeholder=self.tr("optional, e.g. G1234 98 654321 H"),
                  hint=self.tr("Donation identification number with its check character, or the barcode data."))
        self._row(form, "concentration", self.tr("&Concentration:"), "concentrationInput",
                  unit=unit_text("million cells/mL"),
                  placeholder=self.tr("e.g. 5"), hint=self.tr("Cells per mL from the certificate of analysis."))
        basis = self._basis = QComboBox()
        basis.setObjectName("basisSelect")
        basis.setAccessibleName(self.tr("Counting basis of the lot concentration"))
        basis.setAccessibleDescription(self.tr("Whether the lot concentration counts all cells or "
                                               "only viable ones."))
        basis.addItem(self.tr("total cells (viability is applied)"), "total")
        basis.addItem(self.tr("viable cells only (viability is not applied again)"), "viable")
        basis.currentIndexChanged.connect(self._text_changed)
        basis_label = QLabel(self.tr("Count &basis:"))
        basis_label.setBuddy(basis)
        form.addRow(basis_label, basis)
        self._row(form, "viability", self.tr("&Viability:"), "viabilityInput", unit="%", placeholder=self.tr("e.g. 92"),
                  hint=self.tr("Post-thaw viability in percent."))
        self._row(form, "bag_volume", self.tr("Bag v&olume:"), "bagVolumeInput", unit="mL",
                  placeholder=self.tr("e.g. 20"),
                  hint=self.tr("Volume of one bag."))
        self._row(form, "bags", self.tr("Ba&gs available:"), "bagsInput", unit=self.tr("bags"),
                  placeholder=self.tr("e.g. 2"),
                  hint=self.tr("Number of bags available for this patient."))
        self._row(form, "label_cells", self.tr("Label cells per bag:"), "labelCellsInput",
                  placeholder=self.tr("e.g. 100 million cells"),
                  hint=self.tr("Total cells per bag as printed on the label, with its unit; checked against "
                       "concentration × bag volume."))
        self._row(form, "dmso", self.tr("DMSO:"), "dmsoInput", unit="% v/v",
                  placeholder=self.tr("protocol default if empty"),
                  hint=self.tr("DMSO concentration of the lot; the DMSO delivered per kg is checked against the "
                               "limit."))
        self._row(form, "expires_at", self.tr("Product expir&y:"), "expiryInput",
                  placeholder=self.tr("e.g. 2026-12-31 23:59"),
                  hint=self.tr("The product's expiry from its label; an expired product cannot be finalised."))
        thaw = self._row(form, "thawed_at", self.tr("&Thawed at:"), "thawInput",
                         placeholder=self.tr("e.g. 2026-11-25 09:30"),
                         hint=self.tr("Date and time the bag was thawed (local time)."))
        now = self._thaw_now = QPushButton(self.tr("Now"))  # Tab reaches it; every letter of "Now" is taken
        now.setObjectName("thawNowButton")
        now.setToolTip(self.tr("Fill in the current date and time"))
        now.setAccessibleName(self.tr("Set thaw time to now"))
        now.setAccessibleDescription(self.tr("Fills Thawed at with the current date and time."))
        now.clicked.connect(self._set_thaw_now)
        thaw.extra_line.addWidget(now)
        return box

    def _preparation(self) -> QGroupBox:
        box, form = self._group(self.tr("4  Preparation (protocol site values)"), "preparationGroup")
        self._row(form, "final_volume", self.tr("Final volu&me:"), "finalVolumeInput", unit="mL",
                  hint=self.tr("Final infusion volume; prefilled from the protocol."))
        self._row(form, "duration", self.tr("D&uration:"), "durationInput", unit="min",
                  hint=self.tr("Infusion duration; prefilled from the protocol."))
        self._row(form, "drop_factor", self.tr("D&rop factor:"), "dropFactorInput", unit=unit_text("gtt/mL"),
                  hint=self.tr("Drops per mL of the giving set; prefilled from the protocol."))
        self._row(form, "increment", self.tr("Volume incr&ement:"), "incrementInput", unit="mL",
                  hint=self.tr("Smallest volume the syringe measures; prefilled from the protocol."))
        return box

    def tab_chain(self) -> list[QWidget]:
        """The form's widgets in the order the work is done (the window adds what comes before and after)."""
        chain: list[QWidget] = []
        for key in ("patient_id", "patient_name", "date_of_birth", "age", "weight", *ORDER, "dose", "scan", "lot",
                    "din", "concentration"):
            if key == "scan":
                chain += [self.scan.edit, self.scan.clear_button]  # (the list of scans joins at the first scan)
                continue
            row = self.rows[key]
            chain.append(row.edit)
            if row.unit_combo is not None:
                chain.append(row.unit_combo)
        chain.append(self.basis)
        for key in ("viability", "bag_volume", "bags", "label_cells", "dmso", "expires_at", "thawed_at"):
            chain.append(self.rows[key].edit)
        chain.append(self.thaw_now)
        chain += [self.rows[key].edit for key in PREPARATION]
        return chain

    # -- reading -------------------------------------------------------------------------------------

    def texts(self) -> dict[str, str]:
        texts = {key: row.text() for key, row in self.rows.items()}
        texts["basis"] = str(self.basis.currentData())
        # issue 13: the scans, one per line; barcode data in the lot or DIN field is a scan, not typing
        pending = [texts[key] for key in SCANNABLE if looks_like_scan(texts[key])]
        for key in SCANNABLE:
            if looks_like_scan(texts[key]):
                texts[key] = ""
        texts["scan"] = "\n".join([*self.scan.scans(), *(text.strip() for text in pending)])
        exact = self._weight_exact
        if exact is not None and (texts["weight"].strip(), self._weight_unit) == exact[:2]:
            # The text is the unit switch's rounded display (136.69 lb): compute with the weight as it was
            # entered (62 kg), so switching units never changes the patient's weight, not even by a gram.
            texts["weight"] = exact[2]
        return texts

    def units(self) -> dict[str, str]:
        return {"weight": self.rows["weight"].unit(), "dose": self.rows["dose"].unit()}

    def weight_unit(self) -> str:
        return self._weight_unit

    def has_typed(self) -> bool:
        """Whether anything of this patient has been typed (the preparation values are the protocol's). Asks
        nothing of groups not yet made (a window closed at once makes none)."""
        return (self._whole and bool(self._scan.scans())) or any(row.text().strip() for key, row in
                                                                 self._rows.items() if key not in PREPARATION)

    def field_names(self, keys: list[str]) -> list[str]:
        """The labels of `keys` as a person reads them ("Bag volume"), for the 'Waiting for' line."""
        return [plain(self.rows[key].label.text()) for key in keys]

    def show_reading(self, reading: Reading, protocol: Protocol) -> None:
        """Mark each field with its error, and each preparation value with whether it is the protocol's."""
        from mscdose.gui.form_reading import is_protocol_value, preparation_default_text

        for key, row in self.rows.items():
            error = reading.errors.get(key)
            row.set_error(error.message if error else None)
        for key in PREPARATION:
            row = self.rows[key]
            default = preparation_default_text(protocol, key)
            text = row.text().strip()
            if not text:
                row.set_note(self.tr("Empty: the protocol's site value {value} is used.")
                             .format(value=unit_text_in(default)))
            elif key in reading.errors or is_protocol_value(protocol, key, text):
                row.set_note(None)
            else:
                row.set_note(self.tr("✎ Changed from the protocol's site value ({value}).")
                             .format(value=unit_text_in(default)))
        from mscdose.gui.scan_marks import mark_scanned

        mark_scanned(self)

    # -- filling -------------------------------------------------------------------------------------

    def _set_quietly(self, key: str, text: str) -> None:
        edit = self.rows[key].edit
        with QSignalBlocker(edit):
            edit.setText(text)

    def prefill_preparation(self, protocol: Protocol, previous: Protocol | None) -> None:
        """The protocol's site values, except where the user changed a value (kept, and marked changed)."""
        from mscdose.gui.form_reading import is_protocol_value, preparation_texts

        for key, text in preparation_texts(protocol).items():
            current = self.rows[key].text()
            untouched = not current.strip() or (previous is not None and is_protocol_value(previous, key, current))
            if untouched:
                self._set_quietly(key, text)

    def clear(self, protocol: Protocol | None) -> None:
        """Empty every field of the patient, back to kg and the first dose unit and basis, and the
        preparation back to the protocol's site values. Emits nothing: the window recomputes once."""
        for key in self.rows:
            if key not in PREPARATION:
                self._set_quietly(key, "")
        self.scan.reset()
        for combo in (self.rows["dose"].unit_combo, self.basis):
            assert combo is not None
            with QSignalBlocker(combo):
                combo.setCurrentIndex(0)
        self._set_weight_unit_quietly(DEFAULT_WEIGHT_UNIT)  # lb left on from the last patient is a 55 % underdose
        if protocol is not None:
            from mscdose.gui.form_reading import preparation_texts

            for key, text in preparation_texts(protocol).items():
                self._set_quietly(key, text)

    def _set_weight_unit_quietly(self, unit: str) -> None:
        combo = self.rows["weight"].unit_combo
        assert combo is not None
        with QSignalBlocker(combo):
            combo.setCurrentText(unit)
        self._weight_unit = unit
        self._weight_exact = None

    def fill(self, texts: dict[str, str], dose_unit: str | None = None, weight_unit: str | None = None) -> None:
        """Type `texts` into the fields (used by --demo); units first, so no conversion happens."""
        if weight_unit is not None:
            self._set_weight_unit_quietly(weight_unit)
        if dose_unit is not None:
            combo = self.rows["dose"].unit_combo
            assert combo is not None
            combo.setCurrentIndex(max(0, combo.findData(dose_unit)))
        for key, text in texts.items():
            self.rows[key].edit.setText(text)

    def _return_pressed(self, key: str) -> None:
        """Enter moves to the next field; in the lot or DIN field, Enter after barcode data (a scanner ends
        with Enter) adds it to the scans and empties the field, or keeps it there with the reason."""
        row = self.rows[key]
        if key in SCANNABLE and looks_like_scan(row.text()):
            reason = self.scan.add(row.text())
            if reason is not None:
                row.set_error(reason)
                row.edit.selectAll()
                return
            row.edit.clear()
        self.focusNextPrevChild(True)

    def focus_first(self) -> None:
        self._rows["patient_id"].edit.setFocus()

    # -- reacting ------------------------------------------------------------------------------------

    def _text_changed(self, *_args: object) -> None:
        self.changed.emit()

    def _weight_unit_changed(self, unit: str) -> None:
        """Re-read the same real weight in the new unit: 62 kg becomes 136.69 lb, never 62 lb."""
        from mscdose.core.parsing import convert_weight_text
        from mscdose.gui.form_reading import parsing_has_unit

        entered = self.texts()["weight"].strip()  # the exact weight when this text is itself a conversion
        converted = convert_weight_text(entered, self._weight_unit, unit)
        exact_text = entered if parsing_has_unit(entered) else f"{entered} {self._weight_unit}"
        self._weight_unit = unit
        self._weight_exact = None
        if converted is not None:
            self._set_quietly("weight", converted)
            if converted != entered:
                self._weight_exact = (converted, unit, exact_text)
        logger.debug("Weight unit switched to %s", unit)
        self.changed.emit()

    def _set_thaw_now(self) -> None:
        from datetime import datetime

        self.rows["thawed_at"].edit.setText(datetime.now().strftime("%Y-%m-%d %H:%M"))
