"""The window typed into as a person would: results, units, messages, keyboard and accessibility.

Expected numbers are worked out by hand from ../shared/domain.md:
  Cv = 5 million/mL × 92 % = 4.6 million/mL; Vx = 150 / 4.6 = 32.6087 mL; V = 32.6 mL;
  Dd = 32.6 × 4.6 = 149.96 million cells; per kg 149.96 / 62 = 2.419 million cells/kg;
  diluent 100 − 32.6 = 67.4 mL; 100 mL over 60 min = 100 mL/h; 100 × 20 / 60 = 33.3 → 33 gtt/min.
"""

from __future__ import annotations

import hashlib
import tomllib
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QLineEdit, QListWidget, QPushButton
from pytestqt.qtbot import QtBot

from mscdose.gui.main_window import MainWindow
from tests.gui.conftest import WORKED_TYPING

SHIPPED = Path(__file__).resolve().parents[2] / "resources" / "protocols" / "nct03055078.toml"


def label(window: MainWindow, name: str) -> str:
    widget = window.findChild(QLabel, name)
    for suffix in ("Message", "Note"):
        if widget is None and name.endswith(suffix):
            # a field's message and note are made when there is first something to show (FieldRow.set_error)
            assert window.findChild(QLineEdit, name.removesuffix(suffix)) is not None, name
            return ""
    assert widget is not None, name
    return widget.text()


def edit(window: MainWindow, name: str) -> QLineEdit:
    widget = window.findChild(QLineEdit, name)
    assert widget is not None, name
    return widget


def combo(window: MainWindow, name: str) -> QComboBox:
    widget = window.findChild(QComboBox, name)
    assert widget is not None, name
    return widget


def finalize_button(window: MainWindow) -> QPushButton:
    button = window.findChild(QPushButton, "finalizeButton")
    assert button is not None
    return button


def test_typing_the_worked_example_shows_the_hand_worked_results(worked: MainWindow) -> None:
    assert label(worked, "volumeToDrawValue") == "32.6 mL"
    assert label(worked, "deliveredDoseValue") == "149.96 million cells"
    assert label(worked, "deliveredPerKgValue") == "2.419 million cells/kg"
    assert label(worked, "roundingValue").startswith("32.6087 mL → 32.6 mL")
    assert label(worked, "diluentValue") == "67.4 mL to a final volume of 100 mL"
    assert label(worked, "infusionRateValue") == "100 mL/h over 60 min"
    assert label(worked, "dripRateValue") == "33 gtt/min at 20 gtt/mL"
    assert label(worked, "bagsNeededValue").startswith("2 of 2")
    assert label(worked, "statusValue") == "OK"
    # Issue 19: nothing of the patient, order or product is entered yet, so Finalise says what is missing
    assert not finalize_button(worked).isEnabled()
    assert label(worked, "missingValue") == (
        "Missing before finalising: patient id, patient name, date of birth or age, order reference, prescriber, "
        "lot number, DIN (donation identification number), thaw time.")


def test_results_show_a_dash_until_every_required_field_is_valid(
        window: MainWindow, type_into: Callable[[str, str], None]) -> None:
    names = list(WORKED_TYPING)
    for name in names[:-2]:  # bags is optional; leave bag volume empty
        type_into(name, WORKED_TYPING[name])
        assert label(window, "volumeToDrawValue") == "—"
        assert label(window, "statusValue") == "—"
        assert not finalize_button(window).isEnabled()
    assert "Bag volume" in label(window, "resultsNote")
    type_into("bagVolumeInput", "20")
    assert label(window, "volumeToDrawValue") == "32.6 mL"
    type_into("viabilityInput", "92x")
    assert label(window, "volumeToDrawValue") == "—"
    assert label(window, "deliveredDoseValue") == "—"
    assert not finalize_button(window).isEnabled()


def test_an_empty_required_field_is_waiting_not_an_error(window: MainWindow) -> None:
    assert edit(window, "weightInput").styleSheet() == ""
    assert label(window, "weightInputMessage") == ""


def test_switching_kg_to_lb_keeps_the_real_weight(worked: MainWindow) -> None:
    unit = combo(worked, "weightUnit")
    assert unit.currentText() == "kg"
    unit.setCurrentText("lb")
    # 62 kg ÷ 0.45359237 kg/lb = 136.6869… lb, shown to 0.01 lb without trailing zeros
    assert edit(worked, "weightInput").text() == "136.69"
    assert worked.result is not None
    # 136.69 lb would be 62.0015 kg: the calculation keeps the weight as entered, exactly 62 kg
    assert worked.result.request.weight_kg == Decimal(62)
    assert label(worked, "deliveredDoseValue") == "149.96 million cells"
    assert label(worked, "deliveredPerKgValue") == "2.419 million cells/kg"
    unit.setCurrentText("kg")
    assert edit(worked, "weightInput").text() == "62"
    assert worked.result is not None and worked.result.request.weight_kg == Decimal(62)


def test_a_weight_typed_with_lb_selected_is_read_in_pounds(
        worked: MainWindow, type_into: Callable[[str, str], None]) -> None:
    assert label(worked, "weightValue") == "62 kg"
    combo(worked, "weightUnit").setCurrentText("lb")
    type_into("weightInput", "150")
    # 150 lb × 0.45359237 = 68.0388555 kg
    assert worked.result is not None
    assert worked.result.request.weight_kg == Decimal("68.0388555")
    assert worked.result.request.weight_entered == "150 lb"
    # the results show the weight in kg beside the pounds (68.0388555 to 0.001 kg)
    assert label(worked, "weightValue") == "150 lb = 68.039 kg"


def test_new_patient_starts_again_in_kg(
        worked: MainWindow, type_into: Callable[[str, str], None], monkeypatch: pytest.MonkeyPatch) -> None:
    combo(worked, "weightUnit").setCurrentText("lb")
    type_into("weightInput", "150")
    monkeypatch.setattr(worked.questions, "confirm_discard", lambda title, text: True)
    worked.new_patient()
    assert combo(worked, "weightUnit").currentText() == "kg"
    type_into("weightInput", "62")
    for name, text in WORKED_TYPING.items():
        type_into(name, text)
    assert worked.result is not None and worked.result.request.weight_kg == Decimal(62)  # not 62 lb
    assert label(worked, "weightValue") == "62 kg"


def test_unit_switch_never_doubles_a_per_kg_dose(worked: MainWindow, type_into: Callable[[str, str], None]) -> None:
    combo(worked, "doseUnit").setCurrentText("million cells/kg")
    type_into("doseInput", "2")
    # 2 million cells/kg × 62 kg = 124 million cells
    assert label(worked, "targetDoseValue") == "124 million cells"
    combo(worked, "weightUnit").setCurrentText("lb")
    # still exactly 62 kg of patient: 2 million cells/kg × 62 kg = 124 million cells
    assert label(worked, "targetDoseValue") == "124 million cells"
    assert worked.result is not None and worked.result.target_dose_cells == Decimal("124e6")


def test_editing_the_converted_weight_reads_the_new_text(
        worked: MainWindow, type_into: Callable[[str, str], None]) -> None:
    combo(worked, "weightUnit").setCurrentText("lb")
    type_into("weightInput", "150")
    assert worked.result is not None and worked.result.request.weight_kg == Decimal("68.0388555")
    combo(worked, "weightUnit").setCurrentText("kg")
    # 68.0388555 kg shown as 68.04; computing still with 150 lb exactly
    assert edit(worked, "weightInput").text() == "68.04"
    assert worked.result is not None and worked.result.request.weight_kg == Decimal("68.0388555")


def test_switching_units_of_unreadable_weight_keeps_the_text_and_its_message(
        worked: MainWindow, type_into: Callable[[str, str], None]) -> None:
    type_into("weightInput", "sixty")
    combo(worked, "weightUnit").setCurrentText("lb")
    assert edit(worked, "weightInput").text() == "sixty"
    assert "Weight" in label(worked, "weightInputMessage")


BAD_TEXT = [
    ("weightInput", "sixty", "Weight"),
    ("weightInput", "62,5", "comma"),
    ("doseInput", "lots", "Dose"),
    ("concentrationInput", "5 million cells/kg", "Concentration"),
    ("viabilityInput", "0.92", "fraction"),
    ("viabilityInput", "120", "more than 100"),
    ("bagVolumeInput", "twenty", "Bag volume"),
    ("bagsInput", "2.5", "Bags available"),
    ("ageInput", "200", "Age"),
    ("dinInput", "G123498654321X", "expected H"),  # domain.md: G123498654321 has check character H
    ("thawInput", "yesterday", "Thaw time"),
    ("finalVolumeInput", "0", "Final volume"),
    ("durationInput", "fast", "Duration"),
    ("dropFactorInput", "many", "Drop factor"),
    ("incrementInput", "5 kg", "Volume increment"),
]


@pytest.mark.parametrize(("name", "text", "words"), BAD_TEXT)
def test_bad_text_shows_its_message_under_the_field(
        worked: MainWindow, type_into: Callable[[str, str], None], name: str, text: str, words: str) -> None:
    type_into(name, text)
    message = label(worked, f"{name}Message")
    assert message.startswith("✖ ")
    assert words in message
    if name != "dinInput":  # the DIN message names the 13 characters and the wrong check character instead
        assert text.strip() in message
    box = edit(worked, name)
    assert "border" in box.styleSheet()
    assert box.accessibleDescription().startswith("Error: ")
    assert label(worked, "volumeToDrawValue") == "—"
    assert not finalize_button(worked).isEnabled()
    type_into(name, "")  # clearing an optional field, or a required one back to "waiting", removes the mark
    assert label(worked, f"{name}Message") == ""


def test_a_changed_preparation_value_is_marked_and_used(
        worked: MainWindow, type_into: Callable[[str, str], None]) -> None:
    assert edit(worked, "finalVolumeInput").text() == "100"
    assert label(worked, "finalVolumeInputNote") == ""
    type_into("finalVolumeInput", "250")
    assert "Changed from the protocol's site value (100 mL)" in label(worked, "finalVolumeInputNote")
    # 250 − 32.6 = 217.4 mL diluent; 250 mL over 60 min = 250 mL/h
    assert label(worked, "diluentValue") == "217.4 mL to a final volume of 250 mL"
    assert label(worked, "infusionRateValue") == "250 mL/h over 60 min"
    type_into("finalVolumeInput", "100 mL")
    assert label(worked, "finalVolumeInputNote") == ""
    assert worked.result is not None and worked.result.request.final_volume_ml is None  # the protocol default


def test_protocol_selector_shows_summary_and_the_files_short_hash(window: MainWindow) -> None:
    digest = hashlib.sha256(SHIPPED.read_bytes()).hexdigest()
    assert combo(window, "protocolSelect").currentText() == "NCT03055078"
    summary = label(window, "protocolSummary")
    assert digest[:12] in summary
    assert "100 to 300 million cells" in summary


def test_eligibility_lists_the_protocol_files_criteria(window: MainWindow) -> None:
    raw = tomllib.loads(SHIPPED.read_text(encoding="utf-8"))["eligibility"]
    # a criterion is a text, or a table with its text and severity (issue 11)
    data = {kind: [c if isinstance(c, str) else c["text"] for c in raw[kind]] for kind in ("inclusion", "exclusion")}
    inclusion = window.findChild(QListWidget, "inclusionList")
    exclusion = window.findChild(QListWidget, "exclusionList")
    assert inclusion is not None and exclusion is not None
    assert [inclusion.item(i).data(Qt.ItemDataRole.UserRole) for i in range(inclusion.count())] == data["inclusion"]
    assert [exclusion.item(i).data(Qt.ItemDataRole.UserRole) for i in range(exclusion.count())] == data["exclusion"]
    assert window.eligibility.unconfirmed() == data["inclusion"] + data["exclusion"]


def test_the_age_criterion_follows_the_age_field(worked: MainWindow, type_into: Callable[[str, str], None]) -> None:
    age_criterion = "Age 14 to 60 years"
    assert worked.eligibility.states()[age_criterion] is None
    type_into("ageInput", "30")
    assert worked.eligibility.states()[age_criterion] is True
    type_into("ageInput", "61")
    assert worked.eligibility.states()[age_criterion] is False
    assert label(worked, "statusValue") == "BLOCKED"  # the age window is a hard inclusion criterion (issue 11)
    type_into("ageInput", "")
    assert worked.eligibility.states()[age_criterion] is None


def test_ticking_a_criterion_confirms_it(window: MainWindow) -> None:
    inclusion = window.findChild(QListWidget, "inclusionList")
    assert inclusion is not None
    first = inclusion.item(0)
    first.setCheckState(Qt.CheckState.Checked)
    assert window.eligibility.states()[first.data(Qt.ItemDataRole.UserRole)] is True
    assert first.data(Qt.ItemDataRole.UserRole) not in window.eligibility.unconfirmed()


REQUIRED_NAMES = {
    QLineEdit: ["weightInput", "doseInput", "concentrationInput", "viabilityInput", "bagVolumeInput", "bagsInput",
                "ageInput"],
    QComboBox: ["weightUnit", "doseUnit", "basisSelect"],
    QLabel: ["volumeToDrawValue", "deliveredDoseValue", "statusValue"],
    QListWidget: ["flagsList"],
    QPushButton: ["finalizeButton"],
}


def test_required_object_names_exist_with_the_right_widget_types(window: MainWindow) -> None:
    for kind, names in REQUIRED_NAMES.items():
        for name in names:
            assert window.findChild(kind, name) is not None, name
    units = combo(window, "doseUnit")
    assert [units.itemText(i) for i in range(units.count())] == ["million cells", "million cells/kg"]


def test_every_field_has_an_accessible_name_and_a_buddy_label(window: MainWindow) -> None:
    buddies = {lab.buddy() for lab in window.findChildren(QLabel) if lab.buddy() is not None}
    for box in window.findChildren(QLineEdit):
        if box.objectName() == "" or box.parent() is None or not box.objectName().endswith("Input"):
            continue
        assert box.accessibleName(), box.objectName()
        assert box in buddies, box.objectName()


def test_enter_moves_to_the_next_field(qtbot: QtBot, window: MainWindow) -> None:
    window.show()
    qtbot.waitExposed(window)
    patient = edit(window, "patientIdInput")
    patient.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is patient)
    qtbot.keyClick(patient, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is edit(window, "patientNameInput"))


def test_the_worked_example_by_keyboard_alone(qtbot: QtBot, window: MainWindow) -> None:
    """Tab order follows the form: type into whatever has focus, Tab/Enter onwards, never the mouse."""
    window.show()
    qtbot.waitExposed(window)
    edit(window, "patientIdInput").setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is edit(window, "patientIdInput"))
    # id, name, date of birth, age, weight (+ unit), prescriber, order reference, order date, dose (+ unit),
    # product label scan (issue 13; Clear scans is off and the list hidden until a scan), lot, DIN,
    # concentration (+ basis), viability, bag volume, bags
    sequence = [("P-1", 1), ("", 1), ("1990-05-01", 1), ("", 1), ("62", 2), ("Dr A", 1), ("O-1", 1), ("", 1),
                ("150", 2), ("", 1), ("L-7", 1), ("", 1), ("5", 2), ("92", 1), ("20", 1), ("2", 1)]
    for text, tabs in sequence:
        focused = QApplication.focusWidget()
        if text:
            qtbot.keyClicks(focused, text)
        for _ in range(tabs):
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert edit(window, "viabilityInput").text() == "92"
    assert label(window, "volumeToDrawValue") == "32.6 mL"
    assert label(window, "deliveredDoseValue") == "149.96 million cells"


def test_changing_protocol_rechecks_everything(worked: MainWindow, type_into: Callable[[str, str], None]) -> None:
    from mscdose.core.protocol import load_protocol, load_protocol_file

    flat_cap = load_protocol_file(Path(__file__).resolve().parents[1] / "core" / "protocols" / "stemirac_like.toml")
    worked.protocol_bar.set_protocols([load_protocol(), flat_cap], "NCT03055078")
    type_into("weightInput", "40")
    # NCT03055078: 149.96 million cells is inside 100–300 million; 40 kg is inside the usual 30–150 kg
    assert label(worked, "statusValue") == "OK"
    combo(worked, "protocolSelect").setCurrentIndex(1)
    # TEST-FLAT-CAP caps 3.34 million cells/kg: 149.96 / 40 = 3.749 million cells/kg is above it
    assert worked.protocol is flat_cap
    assert label(worked, "statusValue") == "BLOCKED"
    assert "3.749 million cells/kg" in label(worked, "hardBanner")
    assert "3.34 million cells/kg" in label(worked, "hardBanner")
    assert not finalize_button(worked).isEnabled()
    assert worked.eligibility.criteria() == []
    assert flat_cap.short_hash in label(worked, "protocolSummary")
    combo(worked, "protocolSelect").setCurrentIndex(0)
    assert label(worked, "statusValue") == "OK"
    assert len(worked.eligibility.criteria()) == 15


def test_thaw_now_fills_a_time_the_engine_accepts(worked: MainWindow) -> None:
    worked.form.thaw_now.click()
    assert label(worked, "thawInputMessage") == ""
    assert worked.result is not None and worked.result.request.thawed_at is not None
    assert "POST_THAW_EXPIRED" not in {f.code for f in worked.result.flags}
    assert label(worked, "finishByValue") != "thaw time not entered"


def test_switching_units_with_no_weight_only_changes_the_unit(window: MainWindow) -> None:
    combo(window, "weightUnit").setCurrentText("lb")
    assert edit(window, "weightInput").text() == ""
    assert window.rows["weight"].unit() == "lb"


def test_space_ticks_a_criterion_from_the_keyboard(qtbot: QtBot, window: MainWindow) -> None:
    window.show()
    qtbot.waitExposed(window)
    inclusion = window.findChild(QListWidget, "inclusionList")
    assert inclusion is not None
    inclusion.setFocus()
    inclusion.setCurrentRow(0)
    qtbot.keyClick(inclusion, Qt.Key.Key_Space)
    assert window.eligibility.states()[inclusion.item(0).data(Qt.ItemDataRole.UserRole)] is True


def test_message_labels_are_made_only_when_there_is_something_to_show(
        window: MainWindow, type_into: Callable[[str, str], None]) -> None:
    """Issue 18: the 46 message and note labels of an error-free form are not made at all (a window is about
    twice as fast to build); an error makes and shows its row's message, and clearing it hides it again."""
    assert window.findChild(QLabel, "weightInputMessage") is None
    type_into("weightInput", "abc")
    message = window.findChild(QLabel, "weightInputMessage")
    assert message is not None and message.text().startswith("✖ Weight") and not message.isHidden()
    type_into("weightInput", "62")
    assert message.text() == "" and message.isHidden()
