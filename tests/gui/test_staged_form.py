"""Issue 18, session 7: the form's Product lot and Preparation groups follow the window's first paint.

The first frame shows the Patient and Prescription groups; the lower two are made just after it (`complete`),
before any key or click reaches the window, and whatever code reaches one of their parts earlier makes them
there and then. These tests show each of those three ways in."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QGroupBox, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from mscdose.gui.main_window import MainWindow
from mscdose.gui.patient_form import PatientForm
from mscdose.settings import Settings


def _groups(form: QWidget) -> list[str]:
    return [box.objectName() for box in form.findChildren(QGroupBox)]


def _column(form: PatientForm) -> list[str]:
    """The form's column from the top: its groups, then "stretch" for the space that closes it."""
    layout = form.layout()
    assert layout is not None
    items = [layout.itemAt(i) for i in range(layout.count())]
    return [item.widget().objectName() if item.widget() is not None else "stretch" for item in items]


def test_a_form_made_in_halves_has_the_whole_form_once_anything_reaches_it(qtbot: QtBot) -> None:
    form = PatientForm(whole=False)
    qtbot.addWidget(form)
    assert _column(form) == ["patientGroup", "prescriptionGroup", "stretch"]
    assert not form.has_typed()  # asks nothing of the groups not yet made
    assert _groups(form) == ["patientGroup", "prescriptionGroup"]
    assert form.rows["thawed_at"].edit.objectName() == "thawInput"  # reaching a row makes them
    assert _column(form) == ["patientGroup", "prescriptionGroup", "lotGroup", "preparationGroup", "stretch"]
    assert not form.complete()  # once only
    assert len(form.findChildren(QLineEdit)) == 24


def test_the_scan_the_basis_and_now_make_the_lower_groups_too(qtbot: QtBot) -> None:
    for part in ("scan", "basis", "thaw_now"):
        form = PatientForm(whole=False)
        qtbot.addWidget(form)
        assert getattr(form, part).parentWidget() is not None
        assert "lotGroup" in _groups(form), part
    whole = PatientForm()  # (the default: the whole form at once)
    qtbot.addWidget(whole)
    assert _column(whole) == ["patientGroup", "prescriptionGroup", "lotGroup", "preparationGroup", "stretch"]


def test_a_key_after_the_first_paint_finds_the_whole_form(qtbot: QtBot, settings: Settings) -> None:
    """A keystroke waiting when the window first paints (a fast typist, a scanner) is delivered only once the
    form is whole: Tab then goes from the dose to the product label scan, not past the missing groups."""
    window = MainWindow(settings, load_now=False)
    qtbot.addWidget(window)
    assert window._before_input is None  # nothing watches every event before the first paint (45 ms)
    seen_at_completion: list[str] = []
    complete = window.complete

    def completing() -> None:
        seen_at_completion.append(window.form._rows["patient_id"].text())
        complete()

    window.complete = completing  # type: ignore[method-assign]
    window.show()
    qtbot.waitUntil(lambda: window._before_input is not None)  # set at the first paint
    assert _groups(window.form) == ["patientGroup", "prescriptionGroup"]
    patient_id = window.form._rows["patient_id"].edit
    QApplication.sendEvent(patient_id, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_7, Qt.KeyboardModifier.NoModifier,
                                                 "7"))  # fmt: skip
    assert seen_at_completion == [""]  # made whole before the key reached the box
    assert patient_id.text() == "7"
    assert _groups(window.form) == ["patientGroup", "prescriptionGroup", "lotGroup", "preparationGroup"]
    assert window._completed
    dose_unit = window.form.rows["dose"].unit_combo
    assert dose_unit is not None and dose_unit.nextInFocusChain() is window.form.scan.edit
    lot = window.form.findChild(QGroupBox, "lotGroup")
    assert lot is not None and lot.isVisible()  # shown at once, so that the form's width below counts it
    assert window.form_scroll.minimumWidth() > lot.minimumSizeHint().width()  # the form never scrolls sideways
    QApplication.sendEvent(patient_id, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_8, Qt.KeyboardModifier.NoModifier,
                                                 "8"))  # fmt: skip
    assert seen_at_completion == [""]  # the guard came off: once only
    assert patient_id.text() == "78"


def test_without_input_the_first_paint_makes_the_form_whole(qtbot: QtBot, settings: Settings) -> None:
    window = MainWindow(settings, load_now=False)
    qtbot.addWidget(window)
    window.after_first_paint(window.complete)  # as mscdose.gui.app registers it
    window.show()
    qtbot.waitUntil(lambda: "preparationGroup" in _groups(window.form))
    assert window._completed
    assert window.findChild(QWidget, "resultsPanel") is not None
