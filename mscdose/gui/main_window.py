"""The bedside window: the form on the left, eligibility, then results and flags; the commands below.

The window composes its parts and passes results between them; it does no arithmetic and keeps no
clinical rule. Every keystroke hands the form's texts to `form_reading.read_form`, which calls the
engine, and the panels show what comes back. The parts, each in its own module:
  `patient_form.PatientForm`         the input rows, their reading and filling, the weight unit
  `window_actions.WindowActions`     buttons, menus, shortcuts and when each may be used
  `finalizing.FinalizeController`    overrides, signatures, the one saved record
  `record_outputs.OutputsController` preview, print, PDF, reprint, history (all through the service)
While a thaw time or an expiry is entered the window reads its clock again about every 15 s, so a
calculation turns BLOCKED the moment the post-thaw limit is reached, not when someone next types. The
clock is `MainWindow.clock` (tests replace it; nothing sleeps).
  `questions.Questions`              every modal question (tests answer them instead)
  `window_start.StagedStart`        the start in stages: the form first, then the results column and the
                                     protocol, then the menus and the icon (issue 18)
Everything beyond the first screen (engine, records, worksheet, history) is imported on first use, so
the window appears quickly; `load_protocols` can run just after the first paint for the same reason.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QCloseEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QMainWindow

from mscdose.gui.finalizing import FinalizeController
from mscdose.gui.patient_form import PatientForm
from mscdose.gui.protocol_bar import ProtocolBar
from mscdose.gui.questions import Questions
from mscdose.gui.record_outputs import OutputsController
from mscdose.gui.texts import translate
from mscdose.gui.window_actions import WindowActions
from mscdose.gui.window_help import DEMO_TEXTS  # the worked example of ../shared/domain.md, for --demo
from mscdose.gui.window_layout import WindowLayout, fit_to_screen
from mscdose.gui.window_start import StagedStart
from mscdose.settings import WINDOW_GEOMETRY, Settings

if TYPE_CHECKING:
    from datetime import datetime

    from PySide6.QtWidgets import QTabWidget

    from mscdose.core.engine import DoseResult
    from mscdose.core.protocol import Protocol
    from mscdose.gui.eligibility_panel import EligibilityPanel
    from mscdose.gui.field_row import FieldRow
    from mscdose.gui.first_paint import FirstPaint
    from mscdose.gui.flags_panel import FlagsPanel
    from mscdose.gui.form_reading import Reading
    from mscdose.gui.results_panel import ResultsPanel

logger = logging.getLogger(__name__)

CLOCK_INTERVAL_MS = 15_000  # issue 10: the post-thaw limit is re-read about every 15 s


def local_now() -> datetime:
    """The window's clock: the local time with its offset. `datetime` is imported here, on the first reading
    of the form, not before the window's first paint (issue 18)."""
    from datetime import datetime

    return datetime.now().astimezone()


class MainWindow(StagedStart, QMainWindow):
    def __init__(self, settings: Settings | None = None, *, load_now: bool = True) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle(translate("Window", "mscdose — UC-MSC infusion dose calculator"))
        self.settings = settings or Settings()
        self.questions = Questions(self)
        self.reading: Reading | None = None
        self._protocol: Protocol | None = None
        self._first_paint: FirstPaint | None = None
        self._protocols_tried = False
        self._completed = False
        self._finished = False
        self._output_failed = False
        self.clock: Callable[[], datetime] = local_now
        self.clock_timer = QTimer(self)
        self.clock_timer.setInterval(CLOCK_INTERVAL_MS)
        self.clock_timer.timeout.connect(self.tick)

        self.protocol_bar = ProtocolBar()
        self.protocol_bar.protocol_changed.connect(self._protocol_changed)
        self.form = PatientForm(whole=load_now)  # in kg, never another patient's unit; whole: see `complete`
        self.form.changed.connect(self._input_changed)
        # The results column (eligibility, results, flags) is made by `_build_panels`: at once with
        # `load_now`, else just after the first paint, before the protocol it shows is read.
        self._panels: tuple[EligibilityPanel, ResultsPanel, FlagsPanel] | None = None

        self.finalizing = FinalizeController(self.form, lambda: self.eligibility, self.settings, self.questions,
                                             lambda: self.result, self)
        self.finalizing.overrides_changed.connect(self.recompute)
        self.finalizing.finalised.connect(self._finalised)
        self.outputs = OutputsController(self, self.finalizing, self.settings, self.questions)
        self.outputs.output_failed.connect(self._output_failure)
        self.outputs.label_written.connect(self._label_written)
        self.actions = WindowActions(self, self.finalizing, self.outputs, new_patient=self.new_patient,
                                     edit_settings=self.edit_settings, show_help=self.show_help,
                                     correct_record=self.ask_correction)

        self.layout_parts = WindowLayout(self)
        self.form_scroll = self.layout_parts.form_scroll
        if load_now:
            self._build_panels()
        else:
            self._update_actions()  # Finalise, Print and the rest off until there is something to act on
            self.complete_before_input()  # no key or click can find the form half made
        geometry = self.settings.get(WINDOW_GEOMETRY)
        self._restored = not geometry.isEmpty() and self.restoreGeometry(geometry)
        self._fitted_with_frame = False
        fit_to_screen(self, self._restored)
        if load_now:
            self.ensure_protocols_loaded()
            self.finish()
        self.form.focus_first()  # given when the window is first shown

    # -- the parts, as tests and the lead's code reach them -------------------------------------------

    @property
    def rows(self) -> dict[str, FieldRow]:
        return self.form.rows

    def texts(self) -> dict[str, str]:
        return self.form.texts()

    @property
    def final_document(self) -> dict[str, Any] | None:
        return self.finalizing.final_document

    @property
    def final_record_id(self) -> int | None:
        return self.finalizing.final_record_id

    @property
    def eligibility(self) -> EligibilityPanel:
        return self._build_panels()[0]

    @property
    def results(self) -> ResultsPanel:
        return self._build_panels()[1]

    @property
    def flags(self) -> FlagsPanel:
        return self._build_panels()[2]

    @property
    def details(self) -> QTabWidget:
        """The tabs under the results (flags, steps, and what the window's size puts there)."""
        self._build_panels()
        return self.layout_parts.details

    # -- building ----------------------------------------------------------------------------------

    def _build_panels(self) -> tuple[EligibilityPanel, ResultsPanel, FlagsPanel]:
        """The results column: eligibility, results, flags and their tabs, made once. Until then the column
        shows only "Waiting for the protocol to load.", which is all it could show before a protocol is read:
        the first frame is the form a user starts typing in, and these 70-odd widgets (about 15 ms to make,
        lay out and paint, issue 18) follow just after it. Whatever reaches a panel earlier makes it then."""
        if self._panels is not None:
            return self._panels
        self._panels = self.layout_parts.make_panels()
        eligibility, _, flags = self._panels
        eligibility.changed.connect(self._eligibility_changed)
        flags.override_requested.connect(self.finalizing.override_soft_flags)
        self.layout_parts.set_tab_order()
        self.clear_results()
        if self.isVisible():  # the column's minimum width came after the window was fitted to its screen
            fit_to_screen(self, restored=True)
        return self._panels

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.layout_parts.adapt(event.size())
        super().resizeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        """Once shown, the window manager's frame is known: fit again so that it fits too."""
        super().showEvent(event)
        if not self._fitted_with_frame:
            self._fitted_with_frame = True
            fit_to_screen(self, self._restored)

    # -- protocols -----------------------------------------------------------------------------------

    def load_protocols(self) -> None:
        """List the approved protocols (shipped, and site files approved in the record store:
        `service.protocols.available`) and check the form against the default one. A damaged protocol file
        or a duplicate id is said plainly and nothing is calculated: there are no limits to check against."""
        from mscdose.core.errors import ProtocolError
        from mscdose.core.protocol import DEFAULT_PROTOCOL_ID
        from mscdose.service.errors import ServiceError
        from mscdose.service.protocols import available

        try:
            protocols = available()
        except (ProtocolError, ServiceError) as error:
            from PySide6.QtWidgets import QMessageBox

            logger.error("Protocol files could not be read: %s", error)
            self.protocol_bar.summary.setText(translate("Window", "✖ No calculation is possible: {error}")
                                              .format(error=error))
            self.results.clear(translate("Window", "No protocol could be read, so nothing is calculated."))
            self.questions.show_message(
                translate("Window", "Protocol file problem"),
                translate("Window", "{error}\n\nNo dose can be checked without a valid protocol file. Ask the "
                                    "pharmacy to restore the protocol files.").format(error=error),
                QMessageBox.Icon.Critical)
            return
        self.protocol_bar.set_protocols(protocols, DEFAULT_PROTOCOL_ID)
        self._apply_protocol(self.protocol_bar.current(), previous=None)

    @property
    def protocol(self) -> Protocol | None:
        return self._protocol

    def _protocol_changed(self, _index: int) -> None:
        self._apply_protocol(self.protocol_bar.current(), previous=self._protocol)

    def _apply_protocol(self, protocol: Protocol | None, previous: Protocol | None) -> None:
        self._protocol = protocol
        if protocol is None:
            return
        self.form.prefill_preparation(protocol, previous)
        from mscdose.i18n import current_language

        self.eligibility.set_criteria(protocol.inclusion, protocol.exclusion, protocol.hard_criteria,
                                      protocol.age_criteria, protocol.translations.get(current_language(), {}))
        self.finalizing.overrides.clear()
        self.recompute()

    # -- reading and showing --------------------------------------------------------------------------

    @property
    def result(self) -> DoseResult | None:
        return self.reading.result if self.reading else None

    def _input_changed(self) -> None:
        self._output_failed = False
        if self.finalizing.withdraw():
            self.actions.say_changed_after_finalising()
        self.recompute()

    def _eligibility_changed(self) -> None:
        self.layout_parts.show_eligibility_count()
        if self.finalizing.final_document is not None:
            self._input_changed()

    def recompute(self) -> None:
        if self._protocol is None:
            return
        from mscdose.gui.form_reading import read_form

        self.reading = read_form(self.form.texts(), self.form.units(), self._protocol, now=self.clock())
        self.form.show_reading(self.reading, self._protocol)
        result = self.reading.result
        if result is None:
            missing = self.form.field_names(self.reading.missing)
            separator = translate("Window", ", ")
            waiting = (translate("Window", "Waiting for: {fields}.").format(fields=separator.join(missing))
                       if missing else "")
            if self.reading.errors:
                waiting += (" " if waiting else "") + translate("Window", "Correct the fields marked ✖.")
            self.results.clear(waiting)
            self.flags.clear()
        else:
            self.results.show_result(result)
            self.flags.show_flags(result.flags, self.finalizing.active_overrides(result.flags))
        self.details.setTabText(0, self.flags.count_text())
        self._follow_the_clock()
        self._show_age_eligibility()
        self.layout_parts.show_eligibility_count()
        self._update_actions()

    def clear_results(self) -> None:
        if self._panels is not None:  # (before, the column's placeholder says it)
            self.results.clear(translate("Window", "Waiting for the protocol to load.") if self._protocol is None
                               else "")
            self.flags.clear()
        self._update_actions()

    def _follow_the_clock(self) -> None:
        """Read the clock again every 15 s while the calculation depends on it (a thaw time or an expiry)."""
        timed = any(self.form.rows[key].text().strip() for key in ("thawed_at", "expires_at"))
        if timed and not self.clock_timer.isActive():
            self.clock_timer.start()
        elif not timed and self.clock_timer.isActive():
            self.clock_timer.stop()

    def tick(self) -> None:
        """The clock moved on: check the calculation again (a saved record is not touched)."""
        if self.finalizing.final_document is None:
            self.recompute()

    def _show_age_eligibility(self) -> None:
        typed = self.form.rows["age"].text().strip() or self.form.rows["date_of_birth"].text().strip()
        self.eligibility.show_age_of(self.result, typed, self.reading is not None and "age" in self.reading.errors)

    def _update_actions(self) -> None:
        finalised = self.finalizing.final_document is not None
        missing = self.finalizing.missing() if self.result is not None and not finalised else []
        self.actions.update(self.result, finalised, missing, self._output_failed)

    def _finalised(self, record_id: int, prepared_by: str) -> None:
        self._output_failed = False
        self.actions.say_finalised(record_id, prepared_by)
        self._update_actions()

    def _output_failure(self, record_id: int) -> None:
        self._output_failed = True
        self.actions.say_output_failed(record_id)
        self._update_actions()

    def _label_written(self, record_id: int, copy: int, path: str) -> None:
        self.actions.say_label_written(record_id, copy, path)

    # -- corrections -------------------------------------------------------------------------------------

    def ask_correction(self) -> None:
        """File → Correct a record…: which record and why, then its inputs in the form."""
        answer = self.questions.ask_correction()
        if answer is not None:
            self.start_correction(*answer)

    def start_correction(self, record_id: int, reason: str) -> bool:
        """Load record `record_id`'s inputs into the form; Finalise then saves a correction that supersedes it,
        with `reason`. (The History window calls this too.) False, after saying why, when it cannot start."""
        from mscdose.gui.correction import start_correction

        return start_correction(self, record_id, reason)

    # -- new patient, settings, help, closing ----------------------------------------------------------

    def has_unsaved_data(self) -> bool:
        """Something typed or ticked for this patient that has not become a record."""
        if self.finalizing.final_document is not None:
            return False
        if self._panels is None:
            return self.form.has_typed()  # no criteria can have been ticked before the checklist is made
        ticked = any(state for state in self.eligibility.states().values())
        return self.form.has_typed() or bool(ticked and self.eligibility.criteria())

    def new_patient(self) -> None:
        if self.has_unsaved_data() and not self.questions.confirm_discard(
                translate("Window", "New patient"),
                translate("Window", "Clear this patient? What has been typed has not been finalised and will be "
                                    "lost.")):
            return
        self.clear_form()

    def clear_form(self) -> None:
        self._output_failed = False
        self.form.clear(self._protocol)
        self.eligibility.reset()
        self.finalizing.reset()
        self.actions.finalized_label.setText("")
        self.recompute()
        self.form.focus_first()

    def fill(self, texts: dict[str, str], dose_unit: str | None = None, weight_unit: str | None = None) -> None:
        self.form.fill(texts, dose_unit, weight_unit)

    def fill_demo(self) -> None:
        # (a made-up name, in the window's language: the screenshots show a name as a nurse would type it)
        texts = {**DEMO_TEXTS, "patient_name": translate("Window", "Demonstration patient")}
        self.fill(texts, dose_unit="million cells", weight_unit="kg")

    def edit_settings(self) -> None:
        from mscdose.gui.settings_dialog import SettingsDialog

        SettingsDialog(self.settings, self).exec()

    def help_text(self) -> str:
        from mscdose.gui.window_help import help_text

        return help_text(self._protocol)

    def show_help(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        self.questions.show_message(translate("Window", "mscdose help and about"), self.help_text(),
                                    QMessageBox.Icon.Information)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Ask before an unsaved calculation is lost; a hidden window (never seen) has nothing to lose."""
        if self.isVisible() and self.has_unsaved_data() and not self.questions.confirm_discard(
                translate("Window", "Close mscdose"),
                translate("Window", "Close mscdose? What has been typed has not been finalised and will be "
                                    "lost.")):
            event.ignore()
            return
        self.outputs.close_history()
        self.settings.set(WINDOW_GEOMETRY, self.saveGeometry())
        self.settings.sync()
        super().closeEvent(event)

