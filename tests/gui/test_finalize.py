"""Finalising: overrides and signatures first, then one record in the store; failures keep everything.

The modal questions (`ask_overrides`, `ask_signatures`, `show_message`, `confirm`) are replaced by answers,
since a test cannot click in a modal dialog without timers; the dialogs themselves are tested directly.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from mscdose.core.overrides import Override
from mscdose.gui.finalize_dialog import FinalizeDialog, Signatures
from mscdose.gui.main_window import MainWindow
from mscdose.gui.override_dialog import PendingFlag
from mscdose.records.store import RecordStore, StoreError
from mscdose.settings import OPERATOR_INITIALS
from tests.gui.conftest import fill_required

JS = Signatures("JS", "")


class Answers:
    """Stands in for the person answering the window's questions; remembers what was asked."""

    def __init__(self, window: MainWindow, monkeypatch: pytest.MonkeyPatch,
                 signatures: Signatures | None = JS) -> None:
        self.override_questions: list[list[str]] = []
        self.messages: list[tuple[str, str]] = []
        self.signatures = signatures
        self.override_reason: str | None = "confirmed with the prescriber today"
        monkeypatch.setattr(window.questions, "ask_overrides", self.ask_overrides)
        monkeypatch.setattr(window.questions, "ask_signatures", lambda summary, prepared_by: self.signatures)
        monkeypatch.setattr(window.questions, "show_message",
                            lambda title, text, *a: self.messages.append((title, text)))

    def ask_overrides(self, flags: list[PendingFlag], reasons: tuple[str, ...] = ()) -> list[Override] | None:
        self.override_questions.append([f.code for f in flags])
        self.reasons_offered = tuple(reasons)
        if self.override_reason is None:
            return None
        return [Override(f.code, self.override_reason, "JS") for f in flags]


def confirm_everything(window: MainWindow, type_into: Callable[[str, str], None]) -> None:
    fill_required(window, type_into)
    for criterion in window.eligibility.criteria():
        window.eligibility.set_confirmed(criterion, True)


def saved_records() -> list[Any]:
    store = RecordStore()
    try:
        return store.history()
    finally:
        store.close()


def test_finalising_saves_one_record_and_enables_printing(
        worked: MainWindow, type_into: Callable[[str, str], None], monkeypatch: pytest.MonkeyPatch) -> None:
    answers = Answers(worked, monkeypatch)
    confirm_everything(worked, type_into)
    assert not worked.actions.print_button.isEnabled()
    worked.actions.finalize_button.click()
    assert answers.override_questions == []  # nothing soft to answer
    assert answers.messages == []
    records = saved_records()
    assert len(records) == 1
    document = records[0].document
    assert document["patient"]["id"] == "P-0001"
    assert document["volume_to_draw_ml"] == 32.6
    assert document["delivered_dose_cells"] == 149_960_000
    assert document["prepared_by"] == "JS"
    assert document["lot_number"] == "LOT-7"
    assert all(item["confirmed"] is True for item in document["eligibility"])
    assert worked.final_record_id == records[0].id
    assert worked.actions.print_button.isEnabled() and worked.actions.pdf_button.isEnabled()
    assert "record" in worked.actions.finalized_label.text()
    assert worked.settings.get(OPERATOR_INITIALS) == "JS"


def test_unconfirmed_eligibility_is_a_soft_flag_at_finalising(
        worked: MainWindow, type_into: Callable[[str, str], None], monkeypatch: pytest.MonkeyPatch) -> None:
    answers = Answers(worked, monkeypatch)
    fill_required(worked, type_into, "P-0002")
    worked.eligibility.set_confirmed("Written informed consent", True)  # a hard criterion: must be confirmed
    worked.finalizing.finalize()
    assert answers.override_questions == [["ELIGIBILITY_UNCONFIRMED"]]
    assert "Weight confirmed on the ward scale today" in answers.reasons_offered  # the protocol's reasons
    document = saved_records()[0].document
    assert [o["code"] for o in document["overrides"]] == ["ELIGIBILITY_UNCONFIRMED"]
    assert "ELIGIBILITY_UNCONFIRMED" in [f["code"] for f in document["flags"]]
    assert document["status"] == "warning"  # an overridden soft flag, not a clean OK
    # the age criterion came from the date of birth, consent was ticked, the other 13 were left unconfirmed
    confirmed = [item for item in document["eligibility"] if item["confirmed"] is True]
    assert sorted(item["criterion"] for item in confirmed) == ["Age 14 to 60 years", "Written informed consent"]


def test_cancelling_an_override_saves_nothing(
        worked: MainWindow, type_into: Callable[[str, str], None], monkeypatch: pytest.MonkeyPatch) -> None:
    answers = Answers(worked, monkeypatch)
    answers.override_reason = None
    confirm_everything(worked, type_into)
    type_into("weightInput", "160")  # WEIGHT_UNUSUAL, soft
    worked.finalizing.finalize()
    assert answers.override_questions and "WEIGHT_UNUSUAL" in answers.override_questions[0]
    assert saved_records() == []
    assert worked.final_document is None


def test_a_soft_engine_flag_is_saved_with_its_override(
        worked: MainWindow, type_into: Callable[[str, str], None], monkeypatch: pytest.MonkeyPatch) -> None:
    Answers(worked, monkeypatch)
    confirm_everything(worked, type_into)
    type_into("weightInput", "160")
    worked.finalizing.finalize()
    document = saved_records()[0].document
    assert document["status"] == "warning"
    assert {o["code"]: o["initials"] for o in document["overrides"]} == {"WEIGHT_UNUSUAL": "JS"}


def test_without_a_patient_id_the_field_says_so_and_nothing_is_saved(
        worked: MainWindow, type_into: Callable[[str, str], None], monkeypatch: pytest.MonkeyPatch) -> None:
    answers = Answers(worked, monkeypatch)
    confirm_everything(worked, type_into)
    type_into("patientIdInput", "")
    assert not worked.actions.finalize_button.isEnabled()
    assert worked.actions.missing_label.text() == "Missing before finalising: patient id."
    worked.finalizing.finalize()
    assert answers.messages and "patient id" in answers.messages[0][1]
    assert saved_records() == []


def test_a_store_failure_is_explained_and_everything_stays_on_screen(
        worked: MainWindow, type_into: Callable[[str, str], None], monkeypatch: pytest.MonkeyPatch) -> None:
    answers = Answers(worked, monkeypatch)
    confirm_everything(worked, type_into)

    def refuse(self: RecordStore, document: dict[str, Any], **kwargs: Any) -> None:
        raise StoreError("Could not save the record: the disk is full. Nothing was saved.")

    monkeypatch.setattr(RecordStore, "save", refuse)
    before = worked.texts()
    worked.finalizing.finalize()
    assert answers.messages and "disk is full" in answers.messages[0][1]
    assert worked.texts() == before
    assert worked.final_document is None
    assert not worked.actions.print_button.isEnabled()
    assert worked.findChild(QLabel, "volumeToDrawValue").text() == "32.6 mL"  # type: ignore[union-attr]


def test_editing_after_finalising_withdraws_printing(
        worked: MainWindow, type_into: Callable[[str, str], None], monkeypatch: pytest.MonkeyPatch) -> None:
    Answers(worked, monkeypatch)
    confirm_everything(worked, type_into)
    worked.finalizing.finalize()
    assert worked.actions.print_button.isEnabled()
    type_into("doseInput", "160")
    assert not worked.actions.print_button.isEnabled()
    assert worked.final_document is None
    assert len(saved_records()) == 1  # the saved record itself is untouched


def test_new_patient_asks_before_losing_typed_data(
        worked: MainWindow, type_into: Callable[[str, str], None], monkeypatch: pytest.MonkeyPatch) -> None:
    questions: list[str] = []
    monkeypatch.setattr(worked.questions, "confirm_discard", lambda title, text: questions.append(text) or False)
    worked.actions.menu_actions["new"].trigger()
    assert questions and worked.rows["weight"].text() == "62"
    monkeypatch.setattr(worked.questions, "confirm_discard", lambda title, text: True)
    type_into("finalVolumeInput", "250")
    worked.actions.menu_actions["new"].trigger()
    assert all(worked.rows[key].text() == "" for key in ("weight", "dose", "concentration", "patient_id"))
    assert worked.rows["final_volume"].text() == "100"  # back to the protocol's site value
    assert worked.findChild(QLabel, "volumeToDrawValue").text() == "—"  # type: ignore[union-attr]


def test_new_patient_after_finalising_does_not_ask(
        worked: MainWindow, type_into: Callable[[str, str], None], monkeypatch: pytest.MonkeyPatch) -> None:
    Answers(worked, monkeypatch)
    confirm_everything(worked, type_into)
    worked.finalizing.finalize()
    monkeypatch.setattr(worked.questions, "confirm_discard",
                        lambda title, text: pytest.fail("asked although nothing is lost"))
    worked.new_patient()
    assert worked.rows["patient_id"].text() == ""


def test_finalize_dialog_prefills_initials_and_checks_them(qtbot: QtBot) -> None:
    dialog = FinalizeDialog("Patient P-1: draw 32.6 mL", "js")
    qtbot.addWidget(dialog)
    assert dialog.findChild(QLineEdit, "preparedByInput").text() == "js"  # type: ignore[union-attr]
    assert dialog.ok_button.isEnabled()
    dialog.prepared.clear()
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.prepared, "J")  # one letter is not initials
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.prepared, "S")
    qtbot.keyClicks(dialog.checked, "A1")
    assert not dialog.ok_button.isEnabled()
    dialog.checked.clear()
    qtbot.keyClicks(dialog.checked, "ab")
    assert dialog.ok_button.isEnabled()
    assert dialog.signatures() == Signatures("JS", "AB")


def test_prepared_by_is_prefilled_from_the_settings(
        worked: MainWindow, type_into: Callable[[str, str], None], monkeypatch: pytest.MonkeyPatch) -> None:
    Answers(worked, monkeypatch)
    confirm_everything(worked, type_into)
    worked.settings.set(OPERATOR_INITIALS, "MK")
    seen: list[str] = []
    monkeypatch.setattr(worked.questions, "ask_signatures",
                        lambda summary, prepared_by: seen.append(prepared_by))  # the user then cancels
    worked.finalizing.finalize()
    assert seen == ["MK"]
    assert worked.final_document is None and saved_records() == []


def test_preview_before_finalising_is_a_draft_and_after_it_the_saved_record(
        worked: MainWindow, type_into: Callable[[str, str], None], monkeypatch: pytest.MonkeyPatch) -> None:
    from mscdose.gui import worksheet_actions

    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(worksheet_actions, "preview_worksheet",
                        lambda parent, document, **kw: calls.append({"document": document, **kw}) or True)
    Answers(worked, monkeypatch)
    confirm_everything(worked, type_into)
    worked.actions.preview_button.click()
    assert calls[-1]["record_id"] is None  # no record behind it: the worksheet marks it not for administration
    assert calls[-1]["document"]["volume_to_draw_ml"] == 32.6
    worked.finalizing.finalize()
    worked.actions.preview_button.click()
    assert calls[-1]["record_id"] == worked.final_record_id
    assert calls[-1]["document"] == worked.final_document
    assert calls[-1]["page_size"] == "A4"


def test_preview_of_a_blocked_calculation_is_allowed(
        worked: MainWindow, type_into: Callable[[str, str], None], monkeypatch: pytest.MonkeyPatch) -> None:
    from mscdose.gui import worksheet_actions

    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(worksheet_actions, "preview_worksheet",
                        lambda parent, document, **kw: calls.append({"document": document, **kw}) or True)
    type_into("bagsInput", "1")  # INSUFFICIENT_PRODUCT, hard
    assert worked.actions.preview_button.isEnabled() and not worked.actions.finalize_button.isEnabled()
    worked.actions.preview_button.click()
    assert calls[0]["document"]["status"] == "blocked" and calls[0]["record_id"] is None


def test_a_final_print_is_logged_against_the_record(
        worked: MainWindow, type_into: Callable[[str, str], None], monkeypatch: pytest.MonkeyPatch) -> None:
    from mscdose.gui import worksheet_actions

    def fake_print(parent: object, document: dict[str, Any], *, report: Any, **kw: Any) -> bool:
        report(True, "printed on ward printer")
        return True

    monkeypatch.setattr(worksheet_actions, "print_worksheet_dialog", fake_print)
    Answers(worked, monkeypatch)
    confirm_everything(worked, type_into)
    worked.finalizing.finalize()
    worked.actions.menu_actions["print"].trigger()  # Ctrl+P
    store = RecordStore()
    try:
        events = store.print_events(worked.final_record_id)
    finally:
        store.close()
    assert [(e.ok, e.detail) for e in events] == [(True, "worksheet printed on ward printer")]


def test_history_opens_with_the_saved_record(
        worked: MainWindow, type_into: Callable[[str, str], None], monkeypatch: pytest.MonkeyPatch) -> None:
    Answers(worked, monkeypatch)
    confirm_everything(worked, type_into)
    worked.finalizing.finalize()
    assert worked.actions.history_button.isEnabled()
    worked.actions.history_button.click()
    view = worked.outputs.history
    assert view is not None and view.objectName() == "historyView"
    assert [r.id for r in view.visible_records()] == [worked.final_record_id]
    view.close()
