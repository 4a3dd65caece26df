"""The bedside window, laid out in the order the work is done: patient, prescription, product lot,
preparation, eligibility; then results and flags; then finalise and print.

The window does no arithmetic: every keystroke hands the fields to `form_reading.read_form`, which calls
the engine, and the panels show what comes back. Everything beyond the first screen (engine, records,
worksheet, history) is imported on first use, so the window appears quickly; `load_protocols` can run
just after the first paint for the same reason.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mscdose import __version__
from mscdose.gui.eligibility_panel import EligibilityPanel
from mscdose.gui.field_row import FieldRow
from mscdose.gui.finalizing import FinalizingMixin
from mscdose.gui.flags_panel import FlagsPanel
from mscdose.gui.protocol_bar import ProtocolBar
from mscdose.gui.record_outputs import HISTORY_MODULE, WORKSHEET_MODULE, OutputsMixin, module_available
from mscdose.gui.results_panel import ResultsPanel
from mscdose.settings import WEIGHT_UNIT, WINDOW_GEOMETRY, Settings

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu, QMessageBox

    from mscdose.core.engine import DoseResult
    from mscdose.core.overrides import Override
    from mscdose.core.protocol import Protocol
    from mscdose.gui.form_reading import Reading

ICON_FILE = "mscdose.png"  # a copy of packaging/icons/mscdose.png (the executable's icon)
WEIGHT_UNITS = WEIGHT_UNIT.choices
# Per kg is an explicit choice beside the number, never guessed from the size of the number.
DOSE_UNITS = ("million cells", "million cells/kg")
PREPARATION = ("final_volume", "duration", "drop_factor", "increment")
# The worked example of ../shared/domain.md, for --demo and the README screenshot.
DEMO_TEXTS = {
    "patient_id": "DEMO-001",
    "patient_name": "Demonstration patient",
    "age": "30",
    "weight": "62",
    "dose": "150",
    "lot": "DEMO-LOT-01",
    "concentration": "5",
    "viability": "92",
    "bag_volume": "20",
    "bags": "2",
}


class _FirstPaint(QObject):
    """Runs callbacks once, in the order they were given, just after the window's next paint (the first:
    the moment a user sees it), each in its own turn of the event loop so that input is not held up. The
    filter then takes itself off the window, so that later events do not pass through Python for it."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.callbacks: list[Callable[[], None]] = []
        self.watching = False

    def add(self, window: QObject, callback: Callable[[], None]) -> None:
        self.callbacks.append(callback)
        if not self.watching:
            self.watching = True
            window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.callbacks and event.type() == QEvent.Type.Paint:
            callbacks, self.callbacks = self.callbacks, []
            watched.removeEventFilter(self)
            self.watching = False
            for callback in callbacks:
                QTimer.singleShot(0, callback)
        return False


def set_application_icon(window: QWidget | None = None) -> bool:
    """Give the application (every window and dialog) the mscdose icon from resources/icons. A missing or
    unreadable icon is not worth a message: the window works without it. Returns whether it was set."""
    from PySide6.QtGui import QGuiApplication, QIcon, QPixmap

    from mscdose.core.paths import resource

    try:
        data = resource("icons", ICON_FILE).read_bytes()
    except OSError:
        return False
    pixmap = QPixmap()
    if not pixmap.loadFromData(data, "PNG"):
        return False
    icon = QIcon(pixmap)
    QGuiApplication.setWindowIcon(icon)
    if window is not None:
        window.setWindowIcon(icon)
    return True


class MainWindow(FinalizingMixin, OutputsMixin, QMainWindow):
    def __init__(self, settings: Settings | None = None, *, load_now: bool = True) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle("mscdose — UC-MSC infusion dose calculator")
        self.settings = settings or Settings()
        self.rows: dict[str, FieldRow] = {}
        self.reading: Reading | None = None
        self._protocol: Protocol | None = None
        self._weight_unit = self.settings.get(WEIGHT_UNIT)
        # (text shown after a unit switch, its unit, the exact weight it stands for): see texts()
        self._weight_exact: tuple[str, str, str] | None = None
        self._overrides: dict[str, tuple[Override, str]] = {}  # code -> (override, flag message it answered)
        self.final_document: dict[str, Any] | None = None
        self.final_record_id: int | None = None
        self._first_paint: _FirstPaint | None = None
        self._protocols_tried = False
        self._completed = False
        self._history: Any = None  # the History window once opened (imported on first use)

        self._build()
        self._build_menus()
        geometry = self.settings.get(WINDOW_GEOMETRY)
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1340, 720)
        self.clear_results()
        if load_now:
            self.complete()
            self.load_protocols()

    # -- building ----------------------------------------------------------------------------------

    def _row(self, form: QFormLayout, key: str, label: str, object_name: str, **kwargs: Any) -> FieldRow:
        row = FieldRow(key, label, object_name, **kwargs)
        form.addRow(row.label, row.widget)
        row.edit.textChanged.connect(self._input_changed)
        row.edit.returnPressed.connect(lambda: self.focusNextPrevChild(True))
        self.rows[key] = row
        return row

    def _group(self, title: str) -> tuple[QGroupBox, QFormLayout]:
        box = QGroupBox(title)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        return box, form

    def _build(self) -> None:
        self.protocol_bar = ProtocolBar()
        self.protocol_bar.protocol_changed.connect(self._protocol_changed)

        patient, form = self._group("1  Patient")
        self._row(form, "patient_id", "Patient &ID:", "patientIdInput", placeholder="hospital or trial number",
                  hint="The patient's hospital or trial number; required to finalise.")
        self._row(form, "patient_name", "&Name:", "patientNameInput", placeholder="optional",
                  hint="The patient's name as on the wristband (optional).")
        self._row(form, "age", "&Age:", "ageInput", unit="years", placeholder="e.g. 45",
                  hint="Age in years; checked against the protocol's age window.")
        weight = self._row(form, "weight", "&Weight:", "weightInput", unit=WEIGHT_UNITS, unit_object_name="weightUnit",
                           placeholder="e.g. 62", hint="Body weight; the unit is chosen beside the box.")
        assert weight.unit_combo is not None
        weight.unit_combo.setCurrentText(self._weight_unit)
        weight.unit_combo.currentTextChanged.connect(self._weight_unit_changed)

        prescription, form = self._group("2  Prescription")
        dose = self._row(form, "dose", "&Dose:", "doseInput", unit=DOSE_UNITS, unit_object_name="doseUnit",
                         placeholder="e.g. 150", hint="The prescribed dose: a total, or per kg of body weight.")
        assert dose.unit_combo is not None
        dose.unit_combo.currentTextChanged.connect(self._input_changed)

        lot, form = self._group("3  Product lot")
        self._row(form, "lot", "&Lot number:", "lotInput", placeholder="as on the bag label",
                  hint="The product lot number from the bag label.")
        self._row(form, "din", "ISBT 128 D&IN:", "dinInput", placeholder="optional, e.g. G1234 98 654321 H",
                  hint="Donation identification number with its check character, or the barcode data.")
        self._row(form, "concentration", "&Concentration:", "concentrationInput", unit="million cells/mL",
                  placeholder="e.g. 5", hint="Cells per mL from the certificate of analysis.")
        self.basis = QComboBox()
        self.basis.setObjectName("basisSelect")
        self.basis.setAccessibleName("Counting basis of the lot concentration")
        self.basis.addItem("total cells (viability is applied)", "total")
        self.basis.addItem("viable cells only (viability is not applied again)", "viable")
        self.basis.currentIndexChanged.connect(self._input_changed)
        basis_label = QLabel("Count &basis:")
        basis_label.setBuddy(self.basis)
        form.addRow(basis_label, self.basis)
        self._row(form, "viability", "&Viability:", "viabilityInput", unit="%", placeholder="e.g. 92",
                  hint="Post-thaw viability in percent.")
        self._row(form, "bag_volume", "Bag v&olume:", "bagVolumeInput", unit="mL", placeholder="e.g. 20",
                  hint="Volume of one bag.")
        self._row(form, "bags", "Ba&gs available:", "bagsInput", unit="bags", placeholder="e.g. 2",
                  hint="Number of bags available for this patient.")
        thaw = self._row(form, "thawed_at", "&Thawed at:", "thawInput", placeholder="e.g. 2026-11-25 09:30",
                         hint="Date and time the bag was thawed (local time).")
        self.thaw_now = QPushButton("No&w")
        self.thaw_now.setObjectName("thawNowButton")
        self.thaw_now.setToolTip("Fill in the current date and time")
        self.thaw_now.setAccessibleName("Set thaw time to now")
        self.thaw_now.clicked.connect(self._thaw_now)
        thaw.extra_line.addWidget(self.thaw_now)

        preparation, form = self._group("4  Preparation (protocol site values)")
        self._row(form, "final_volume", "&Final volume:", "finalVolumeInput", unit="mL",
                  hint="Final infusion volume; prefilled from the protocol.")
        self._row(form, "duration", "D&uration:", "durationInput", unit="min",
                  hint="Infusion duration; prefilled from the protocol.")
        self._row(form, "drop_factor", "Drop fa&ctor:", "dropFactorInput", unit="gtt/mL",
                  hint="Drops per mL of the giving set; prefilled from the protocol.")
        self._row(form, "increment", "Volume inc&rement:", "incrementInput", unit="mL",
                  hint="Smallest volume the syringe measures; prefilled from the protocol.")

        left = QWidget()
        left_column = QVBoxLayout(left)
        for box in (patient, prescription, lot, preparation):
            left_column.addWidget(box)
        left_column.addStretch(1)
        self.form_scroll = QScrollArea()
        self.form_scroll.setObjectName("formScroll")
        self.form_scroll.setWidgetResizable(True)
        self.form_scroll.setWidget(left)
        self.form_scroll.setMinimumWidth(400)

        self.eligibility = EligibilityPanel()
        self.eligibility.changed.connect(self._eligibility_changed)

        self.results = ResultsPanel()
        self.flags = FlagsPanel()
        self.flags.override_requested.connect(self.override_soft_flags)
        self.details = QTabWidget()
        self.details.setObjectName("detailsTabs")
        self.details.addTab(self.flags, "Flags")
        self.details.addTab(self.results.steps, "Calculation steps")
        right = QWidget()
        right_column = QVBoxLayout(right)
        right_column.setContentsMargins(0, 0, 0, 0)
        right_column.addWidget(self.flags.banners)
        right_column.addWidget(self.results)
        right_column.addWidget(self.details, 1)
        self.results_scroll = QScrollArea()
        self.results_scroll.setWidgetResizable(True)
        self.results_scroll.setWidget(right)
        self.results_scroll.setMinimumWidth(360)

        columns = QHBoxLayout()
        columns.addWidget(self.form_scroll, 10)
        columns.addWidget(self.eligibility, 8)
        columns.addWidget(self.results_scroll, 11)

        self.new_button = QPushButton("&New patient")
        self.new_button.setObjectName("newPatientButton")
        self.preview_button = QPushButton("Pre&view")
        self.preview_button.setObjectName("previewButton")
        self.finalize_button = QPushButton("Finali&se…")
        self.finalize_button.setObjectName("finalizeButton")
        self.print_button = QPushButton("&Print…")
        self.print_button.setObjectName("printButton")
        self.pdf_button = QPushButton("Save P&DF…")
        self.pdf_button.setObjectName("savePdfButton")
        self.history_button = QPushButton("&History…")
        self.history_button.setObjectName("historyButton")
        self.new_button.clicked.connect(self.new_patient)
        self.preview_button.clicked.connect(self.preview)
        self.finalize_button.clicked.connect(self.finalize)
        self.print_button.clicked.connect(self.print_worksheet)
        self.pdf_button.clicked.connect(self.save_pdf)
        self.history_button.clicked.connect(self.open_history)
        self.finalized_label = QLabel()
        self.finalized_label.setObjectName("finalizedValue")
        self.finalized_label.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.finalized_label, 1)
        for button in (self.preview_button, self.finalize_button, self.print_button, self.pdf_button,
                       self.history_button):
            buttons.addWidget(button)
        self.finalize_button.setDefault(False)
        self.finalize_button.setAutoDefault(False)

        central = QWidget()
        outer = QVBoxLayout(central)
        outer.addWidget(self.protocol_bar)
        outer.addLayout(columns, 1)
        outer.addLayout(buttons)
        self.setCentralWidget(central)
        self._set_tab_order()

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = [self.protocol_bar.combo]
        for key in ("patient_id", "patient_name", "age", "weight", "dose", "lot", "din", "concentration"):
            row = self.rows[key]
            chain.append(row.edit)
            if row.unit_combo is not None:
                chain.append(row.unit_combo)
        chain.append(self.basis)
        for key in ("viability", "bag_volume", "bags", "thawed_at"):
            chain.append(self.rows[key].edit)
        chain.append(self.thaw_now)
        chain += [self.rows[key].edit for key in PREPARATION]
        chain += [self.eligibility.inclusion, self.eligibility.exclusion, self.flags.override_button,
                  self.finalize_button, self.preview_button, self.print_button, self.pdf_button,
                  self.history_button, self.new_button]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _build_menus(self) -> None:
        """The menu bar as it is first painted; what is in the menus comes just after (`_build_actions`)."""
        self.file_menu: QMenu = self.menuBar().addMenu("&File")
        self.help_menu: QMenu = self.menuBar().addMenu("&Help")
        self._actions_built = False

    def _build_actions(self) -> None:
        """The menus' actions and their shortcuts, made just after the first paint (`complete`): QAction
        brings QIcon and QKeySequence with it, and the first QAction.setShortcut builds PySide6's `Qt`
        namespace (about 14 ms). Nobody opens a menu or presses Ctrl+N within that moment."""
        from PySide6.QtGui import QAction

        menu = self.file_menu
        self.new_action = QAction("&New patient", self)
        self.new_action.triggered.connect(self.new_patient)
        self.preview_action = QAction("Pre&view worksheet", self)
        self.preview_action.triggered.connect(self.preview)
        self.print_action = QAction("&Print worksheet…", self)
        self.print_action.triggered.connect(self.print_worksheet)
        self.pdf_action = QAction("Save worksheet as P&DF…", self)
        self.pdf_action.triggered.connect(self.save_pdf)
        self.history_action = QAction("&History…", self)
        self.history_action.triggered.connect(self.open_history)
        self.settings_action = QAction("&Settings…", self)
        self.settings_action.triggered.connect(self.edit_settings)
        self.quit_action = quit_action = QAction("&Quit", self)
        quit_action.triggered.connect(self.close)
        for action in (self.new_action, self.preview_action, self.print_action, self.pdf_action,
                       self.history_action, self.settings_action, quit_action):
            menu.addAction(action)
        self.help_action = QAction("&Help and about", self)
        self.help_action.triggered.connect(self.show_help)
        self.help_menu.addAction(self.help_action)
        self._actions_built = True
        self._set_shortcuts()
        self._update_actions()

    def _set_shortcuts(self) -> None:
        from PySide6.QtGui import QKeySequence

        keys = QKeySequence.StandardKey
        for action, key in ((self.new_action, keys.New), (self.print_action, keys.Print),
                            (self.quit_action, keys.Quit), (self.help_action, keys.HelpContents)):
            action.setShortcut(QKeySequence(key))
        # F1 must work even where the platform maps HelpContents to something else.
        if self.help_action.shortcut() != QKeySequence("F1"):
            self.help_action.setShortcuts([self.help_action.shortcut(), QKeySequence("F1")])

    # -- protocols -----------------------------------------------------------------------------------

    def load_protocols(self) -> None:
        """Read the shipped protocol files and check the form against the default one. A damaged protocol
        file is said plainly and nothing is calculated: there are no limits to check against."""
        from mscdose.core.errors import ProtocolError
        from mscdose.core.protocol import DEFAULT_PROTOCOL_ID, shipped_protocols

        try:
            protocols = shipped_protocols()
        except ProtocolError as error:
            from mscdose.gui.error_reporting import log

            log.error("Protocol files could not be read: %s", error)
            self.protocol_bar.summary.setText(f"✖ No calculation is possible: {error}")
            self.results.clear("No protocol could be read, so nothing is calculated.")
            from PySide6.QtWidgets import QMessageBox

            self.show_message("Protocol file problem", f"{error}\n\nNo dose can be checked without a valid "
                              "protocol file. Ask the pharmacy to restore the protocol files.",
                              QMessageBox.Icon.Critical)
            return
        self.protocol_bar.set_protocols(protocols, DEFAULT_PROTOCOL_ID)
        self._apply_protocol(self.protocol_bar.current(), previous=None)

    def complete(self) -> None:
        """What the first paint does not need, done once just after it (or at once with `load_now`): the
        scroll bars' policy and the menus' actions need PySide6's `Qt` namespace, whose first use builds 93
        enums (about 14 ms), and the icon is a file to read and decode."""
        if self._completed:
            return
        self._completed = True
        from PySide6.QtCore import Qt

        for area in (self.form_scroll, self.results_scroll):
            area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._build_actions()
        set_application_icon(self)

    def ensure_protocols_loaded(self) -> None:
        """Load once: a second load would rebuild the checklist and drop ticks already made."""
        self.complete()
        if self._protocol is None and not self._protocols_tried:
            self._protocols_tried = True
            self.load_protocols()

    def load_protocols_after_first_paint(self) -> None:
        self.after_first_paint(self.ensure_protocols_loaded)

    def after_first_paint(self, callback: Callable[[], None]) -> None:
        """Run `callback` once, just after the window has first been painted; callbacks run in the order
        they were registered."""
        if self._first_paint is None:
            self._first_paint = _FirstPaint(self)
        self._first_paint.add(self, callback)

    @property
    def protocol(self) -> Protocol | None:
        return self._protocol

    def _protocol_changed(self, _index: int) -> None:
        self._apply_protocol(self.protocol_bar.current(), previous=self._protocol)

    def _apply_protocol(self, protocol: Protocol | None, previous: Protocol | None) -> None:
        from mscdose.gui.form_reading import is_protocol_value, preparation_texts

        self._protocol = protocol
        if protocol is None:
            return
        texts = preparation_texts(protocol)
        for key in PREPARATION:
            edit = self.rows[key].edit
            untouched = not edit.text().strip() or (previous is not None and
                                                    is_protocol_value(previous, key, edit.text()))
            if untouched:
                edit.blockSignals(True)
                edit.setText(texts[key])
                edit.blockSignals(False)
        self.eligibility.set_criteria(protocol.inclusion, protocol.exclusion)
        self._overrides.clear()
        self.recompute()

    # -- reading and showing --------------------------------------------------------------------------

    def texts(self) -> dict[str, str]:
        texts = {key: row.text() for key, row in self.rows.items()}
        texts["basis"] = str(self.basis.currentData())
        exact = self._weight_exact
        if exact is not None and (texts["weight"].strip(), self._weight_unit) == exact[:2]:
            # The text is the unit switch's rounded display (136.69 lb): compute with the weight as it was
            # entered (62 kg), so switching units never changes the patient's weight, not even by a gram.
            texts["weight"] = exact[2]
        return texts

    def units(self) -> dict[str, str]:
        return {"weight": self.rows["weight"].unit(), "dose": self.rows["dose"].unit()}

    @property
    def result(self) -> DoseResult | None:
        return self.reading.result if self.reading else None

    def _input_changed(self, *_args: object) -> None:
        if self.final_document is not None:
            self.final_document = None
            self.final_record_id = None
            self.finalized_label.setText("Changed after finalising: the saved record is unchanged; finalise "
                                         "again to make a new one.")
        self.recompute()

    def recompute(self) -> None:
        if self._protocol is None:
            return
        from mscdose.gui.form_reading import read_form

        self.reading = read_form(self.texts(), self.units(), self._protocol)
        for key, row in self.rows.items():
            error = self.reading.errors.get(key)
            row.set_error(error.message if error else None)
        self._show_preparation_notes()
        result = self.reading.result
        if result is None:
            missing = [self.rows[key].label.text().replace("&", "").rstrip(":") for key in self.reading.missing]
            waiting = ""
            if missing:
                waiting = "Waiting for: " + ", ".join(missing) + "."
            if self.reading.errors:
                waiting += (" " if waiting else "") + "Correct the fields marked ✖."
            self.results.clear(waiting)
            self.flags.clear()
        else:
            self.results.show_result(result)
            self.flags.show_flags(result.flags, self.active_overrides(result.flags))
        self.details.setTabText(0, self.flags.count_text())
        self._show_age_eligibility()
        self._update_actions()

    def clear_results(self) -> None:
        self.results.clear("Waiting for the protocol to load." if self._protocol is None else "")
        self.flags.clear()
        self._update_actions()

    def _show_preparation_notes(self) -> None:
        from mscdose.gui.form_reading import is_protocol_value, preparation_default_text

        assert self._protocol is not None
        for key in PREPARATION:
            row = self.rows[key]
            default = preparation_default_text(self._protocol, key)
            text = row.text().strip()
            if not text:
                row.set_note(f"Empty: the protocol's site value {default} is used.")
            elif key in (self.reading.errors if self.reading else {}):
                row.set_note(None)
            elif not is_protocol_value(self._protocol, key, text):
                row.set_note(f"✎ Changed from the protocol's site value ({default}).")
            else:
                row.set_note(None)

    def _show_age_eligibility(self) -> None:
        from mscdose.core import display as show

        result = self.result
        age_text = self.rows["age"].text().strip()
        if result is not None and result.request.age_years is not None:
            outside = any(f.code == "AGE_OUTSIDE_ELIGIBILITY" for f in result.flags)
            self.eligibility.set_age_state(not outside, show.years(result.request.age_years))
        elif not age_text:
            self.eligibility.set_age_state(None, "age not entered")
        elif self.reading is not None and "age" in self.reading.errors:
            self.eligibility.set_age_state(None, "age cannot be read")
        else:
            self.eligibility.set_age_state(None, "checked once the results are shown")

    def _update_actions(self) -> None:
        result = self.result
        blocked = result is not None and bool(result.hard_flags)
        can_finalize = result is not None and not blocked
        self.finalize_button.setEnabled(can_finalize)
        if result is None:
            self.finalize_button.setToolTip("Fill in every required field first.")
        elif blocked:
            self.finalize_button.setToolTip("A hard limit is breached: this calculation cannot be finalised.")
        else:
            self.finalize_button.setToolTip("Save this calculation as a record and enable printing.")
        worksheet = module_available(WORKSHEET_MODULE)
        missing_tip = "The worksheet module is not available in this build."
        self.preview_button.setEnabled(worksheet and result is not None)
        self.preview_button.setToolTip(missing_tip if not worksheet else
                                       "Show the worksheet; before finalising it is marked as a draft.")
        can_print = worksheet and self.final_document is not None and not blocked
        for button in (self.print_button, self.pdf_button):
            button.setEnabled(can_print)
        print_tip = missing_tip if not worksheet else "Available once the calculation is finalised."
        self.print_button.setToolTip(print_tip if not can_print else "Print the finalised worksheet (Ctrl+P).")
        self.pdf_button.setToolTip(print_tip if not can_print else "Save the finalised worksheet as a PDF.")
        history = module_available(HISTORY_MODULE)
        self.history_button.setEnabled(history)
        self.history_button.setToolTip("Earlier calculations and reprints." if history
                                       else "The history module is not available in this build.")
        if self._actions_built:  # the menus follow the buttons (their actions come just after the first paint)
            self.preview_action.setEnabled(self.preview_button.isEnabled())
            self.print_action.setEnabled(self.print_button.isEnabled())
            self.pdf_action.setEnabled(self.pdf_button.isEnabled())
            self.history_action.setEnabled(history)

    def _eligibility_changed(self) -> None:
        if self.final_document is not None:
            self._input_changed()

    def show_message(self, title: str, text: str, icon: QMessageBox.Icon | None = None) -> None:
        """A modal message; a warning unless `icon` says otherwise."""
        from PySide6.QtWidgets import QMessageBox

        if icon is None:
            icon = QMessageBox.Icon.Warning
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self)
        box.setObjectName("messageDialog")
        box.exec()

    def confirm(self, title: str, text: str) -> bool:
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(self, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    # -- new patient, settings, help -------------------------------------------------------------------

    def has_unsaved_data(self) -> bool:
        if self.final_document is not None:
            return False
        typed = any(self.rows[key].text().strip() for key in self.rows if key not in PREPARATION)
        ticked = any(state for text, state in self.eligibility.states().items())
        return typed or bool(ticked and self.eligibility.criteria())

    def new_patient(self) -> None:
        if self.has_unsaved_data() and not self.confirm(
                "New patient", "Clear this patient? What has been typed has not been finalised and will be lost."):
            return
        self.clear_form()

    def clear_form(self) -> None:
        for key, row in self.rows.items():
            if key not in PREPARATION:
                row.edit.blockSignals(True)
                row.edit.clear()
                row.edit.blockSignals(False)
        dose_unit = self.rows["dose"].unit_combo
        assert dose_unit is not None
        dose_unit.blockSignals(True)
        dose_unit.setCurrentIndex(0)
        dose_unit.blockSignals(False)
        self.basis.blockSignals(True)
        self.basis.setCurrentIndex(0)
        self.basis.blockSignals(False)
        if self._protocol is not None:
            from mscdose.gui.form_reading import preparation_texts

            for key, text in preparation_texts(self._protocol).items():
                self.rows[key].edit.blockSignals(True)
                self.rows[key].edit.setText(text)
                self.rows[key].edit.blockSignals(False)
        self.eligibility.reset()
        self._overrides.clear()
        self.final_document = None
        self.final_record_id = None
        self.finalized_label.setText("")
        self.recompute()
        self.rows["patient_id"].edit.setFocus()

    def fill(self, texts: dict[str, str], dose_unit: str | None = None, weight_unit: str | None = None) -> None:
        """Type `texts` into the fields (used by --demo); units first, so no conversion happens."""
        if weight_unit is not None:
            combo = self.rows["weight"].unit_combo
            assert combo is not None
            combo.blockSignals(True)
            combo.setCurrentText(weight_unit)
            combo.blockSignals(False)
            self._weight_unit = weight_unit
        if dose_unit is not None:
            combo = self.rows["dose"].unit_combo
            assert combo is not None
            combo.setCurrentText(dose_unit)
        for key, text in texts.items():
            self.rows[key].edit.setText(text)

    def fill_demo(self) -> None:
        self.fill(DEMO_TEXTS, dose_unit="million cells", weight_unit="kg")

    def _weight_unit_changed(self, unit: str) -> None:
        """Re-read the same real weight in the new unit: 62 kg becomes 136.69 lb, never 62 lb."""
        from mscdose.core.parsing import convert_weight_text
        from mscdose.gui.form_reading import parsing_has_unit

        edit = self.rows["weight"].edit
        entered = self.texts()["weight"].strip()  # the exact weight when this text is itself a conversion
        converted = convert_weight_text(entered, self._weight_unit, unit)
        exact_text = entered if parsing_has_unit(entered) else f"{entered} {self._weight_unit}"
        self._weight_unit = unit
        self.settings.set(WEIGHT_UNIT, unit)
        self._weight_exact = None
        if converted is not None:
            edit.blockSignals(True)
            edit.setText(converted)
            edit.blockSignals(False)
            if converted != entered:
                self._weight_exact = (converted, unit, exact_text)
        self._input_changed()

    def _thaw_now(self) -> None:
        from datetime import datetime

        self.rows["thawed_at"].edit.setText(datetime.now().strftime("%Y-%m-%d %H:%M"))

    def edit_settings(self) -> None:
        from mscdose.gui.settings_dialog import SettingsDialog

        SettingsDialog(self.settings, self).exec()

    def help_text(self) -> str:
        protocol = self._protocol
        which = f"{protocol.id} v{protocol.version} (sha256 {protocol.short_hash})" if protocol else "not loaded"
        from mscdose.datadir import log_path

        return (
            f"mscdose {__version__}: dose calculator for one intravenous infusion of umbilical-cord "
            "mesenchymal stem cells.\n\n"
            "Work from top to bottom: patient, prescription, product lot, preparation, eligibility. Results "
            "update as you type; a field that cannot be read is marked ✖ with what is accepted.\n\n"
            "Keys: Tab or Enter moves to the next field; Alt + the underlined letter jumps to a field; "
            "Ctrl+N new patient; Ctrl+P print (after finalising); F1 this help.\n\n"
            "A red BLOCKED banner is a hard limit: change the prescription or the product. An amber soft limit "
            "needs a reason and your initials.\n\n"
            f"Protocol: {which}\nLog file: {log_path()}"
        )

    def show_help(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        self.show_message("mscdose help and about", self.help_text(), QMessageBox.Icon.Information)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.close_history()
        self.settings.set(WINDOW_GEOMETRY, self.saveGeometry())
        self.settings.sync()
        super().closeEvent(event)
