"""The window on the service layer (issues 10, 11, 19): the clock, the new inputs, hard criteria, every copy of
a record logged and marked, Reprint after a failed output, and corrections.

Hand-worked times (NCT03055078: post-thaw limit 3 h, infusion 60 min): thawed at T, the infusion must finish
by T + 3 h and so start by T + 2 h; two hours after a thaw ten minutes ago, it can no longer finish in time.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog

from mscdose.gui.main_window import CLOCK_INTERVAL_MS, MainWindow
from mscdose.records.store import RecordStore
from tests.gui.conftest import WORKED_TYPING
from tests.gui.test_finalize import Answers, confirm_everything, saved_records
from tests.worksheet.helpers import pdf_pages


def events(record_id: int | None) -> list[tuple[bool, str]]:
    assert record_id is not None
    store = RecordStore()
    try:
        return [(e.ok, e.detail) for e in store.print_events(record_id)]
    finally:
        store.close()


def finalised(window: MainWindow, type_into: Callable[[str, str], None], monkeypatch: pytest.MonkeyPatch) -> Answers:
    answers = Answers(window, monkeypatch)
    confirm_everything(window, type_into)
    window.actions.finalize_button.click()
    assert window.final_record_id is not None, answers.messages
    return answers


# -- time of use ---------------------------------------------------------------------------------------------

def test_the_clock_turns_the_calculation_blocked_without_typing(ready: MainWindow) -> None:
    assert ready.results.status.text() == "OK"
    assert ready.clock_timer.isActive() and ready.clock_timer.interval() == CLOCK_INTERVAL_MS == 15_000
    ready.clock = lambda: datetime.now().astimezone() + timedelta(hours=2)  # 2 h 10 min after the thaw
    ready.tick()  # what the 15 s timer does
    assert ready.results.status.text() == "BLOCKED"
    assert ready.result is not None and "INFUSION_ENDS_AFTER_LIMIT" in {f.code for f in ready.result.hard_flags}
    assert not ready.actions.finalize_button.isEnabled()


def test_the_timer_runs_only_while_a_thaw_time_or_expiry_is_entered(
        worked: MainWindow, type_into: Callable[[str, str], None]) -> None:
    assert not worked.clock_timer.isActive()
    type_into("expiryInput", "2099-12-31 23:59")
    assert worked.clock_timer.isActive()
    type_into("expiryInput", "")
    assert not worked.clock_timer.isActive()


def test_start_by_and_finish_by_follow_the_thaw_time(worked: MainWindow, type_into: Callable[[str, str], None]
                                                     ) -> None:
    thawed = (datetime.now() - timedelta(minutes=30)).replace(second=0, microsecond=0)
    type_into("thawInput", thawed.strftime("%Y-%m-%d %H:%M"))
    assert worked.results.start_by.text().startswith((thawed + timedelta(hours=2)).strftime("%Y-%m-%d %H:%M"))
    assert worked.results.before.text().startswith((thawed + timedelta(hours=3)).strftime("%Y-%m-%d %H:%M"))


# -- inputs ------------------------------------------------------------------------------------------------

def test_a_dose_unit_that_disagrees_with_the_selector_is_refused_beside_the_field(
        worked: MainWindow, type_into: Callable[[str, str], None]) -> None:
    type_into("doseInput", "2 million cells/kg")  # the selector says million cells (a total)
    assert worked.result is None
    assert worked.rows["dose"].error_text() != ""
    assert worked.results.volume.text() == "—"


def test_text_that_could_spoof_the_print_is_marked_beside_its_field(worked: MainWindow) -> None:
    worked.rows["patient_id"].edit.setText("MRN\u202e987654")  # right-to-left override: prints as MRN456789
    assert worked.rows["patient_id"].error_text() != ""
    worked.rows["patient_id"].edit.setText("MRN-987654")
    assert worked.rows["patient_id"].error_text() == ""


def test_age_comes_from_the_date_of_birth_and_a_disagreeing_age_blocks(
        ready: MainWindow, type_into: Callable[[str, str], None]) -> None:
    assert ready.result is not None and ready.result.age_years is not None
    born = datetime(1990, 5, 1)
    today = datetime.now()
    assert ready.result.age_years == today.year - born.year - ((today.month, today.day) < (5, 1))
    type_into("ageInput", "20")
    assert ready.result is not None and "AGE_DOB_MISMATCH" in {f.code for f in ready.result.hard_flags}


def test_the_protocol_used_is_shown_with_version_and_short_hash(worked: MainWindow) -> None:
    protocol = worked.protocol
    assert protocol is not None
    assert worked.results.protocol_used.text() == (
        f"Checked against NCT03055078 version {protocol.version} (sha256 {protocol.short_hash})")


def test_the_selector_lists_the_services_approved_protocols(window: MainWindow) -> None:
    from mscdose.service.protocols import available

    assert [p.id for p in window.protocol_bar.protocols] == [p.id for p in available()]


# -- eligibility -----------------------------------------------------------------------------------------------

def test_hard_criteria_are_marked_in_words_and_block_when_unconfirmed(
        ready: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    answers = Answers(ready, monkeypatch)
    panel = ready.eligibility
    texts = [panel.inclusion.item(i).text() for i in range(panel.inclusion.count())]
    assert any(t.startswith("⛔ HARD  Written informed consent") for t in texts)
    assert any("Age 14 to 60 years" in t and "from the age field" in t for t in texts)
    for criterion in panel.criteria():
        if criterion != "Written informed consent":
            panel.set_confirmed(criterion, True)
    assert "HARD" in panel.summary.text()
    ready.finalizing.finalize()
    assert answers.override_questions == []  # a hard criterion is never offered for override
    assert answers.messages and "hard" in answers.messages[0][0].lower()
    assert saved_records() == []


def test_the_initials_that_confirmed_eligibility_are_recorded(
        worked: MainWindow, type_into: Callable[[str, str], None], monkeypatch: pytest.MonkeyPatch) -> None:
    Answers(worked, monkeypatch)
    confirm_everything(worked, type_into)
    type_into("confirmedByInput", "ab")
    worked.finalizing.finalize()
    assert saved_records()[0].document["eligibility_confirmed_by"] == "ab"


def test_the_override_dialog_offers_the_protocols_reasons_and_still_takes_a_written_one(qtbot: Any) -> None:
    from mscdose.gui.override_dialog import OverrideDialog, PendingFlag

    dialog = OverrideDialog([PendingFlag("WEIGHT_UNUSUAL", "Weight 160 kg")], None,
                            ["Weight confirmed on the ward scale today"])
    qtbot.addWidget(dialog)
    row = dialog.rows[0]
    row.choice.setCurrentIndex(1)
    assert row.reason.text() == "Weight confirmed on the ward scale today"
    row.reason.setText("weighed again by two nurses")
    qtbot.keyClicks(row.initials, "js")
    assert dialog.ok_button.isEnabled()
    assert dialog.overrides()[0].reason == "weighed again by two nurses"


# -- every copy through the service ------------------------------------------------------------------------------

def test_saved_pdfs_are_logged_and_every_copy_after_the_first_says_reprint(
        worked: MainWindow, type_into: Callable[[str, str], None], monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    finalised(worked, type_into, monkeypatch)
    paths = iter([tmp_path / "first.pdf", tmp_path / "second.pdf"])
    monkeypatch.setattr(worked.questions, "ask_save_path", lambda title, suggested: str(next(paths)))
    assert worked.outputs.save_pdf() and worked.outputs.save_pdf()
    assert "REPRINT" not in " ".join(pdf_pages(tmp_path / "first.pdf"))
    assert "REPRINT" in " ".join(pdf_pages(tmp_path / "second.pdf"))
    assert events(worked.final_record_id) == [(True, f"worksheet PDF {tmp_path / 'first.pdf'}"),
                                              (True, f"reprint 1 PDF {tmp_path / 'second.pdf'}")]


def test_print_from_inside_preview_of_a_record_is_logged_and_marked(
        worked: MainWindow, type_into: Callable[[str, str], None], monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    from mscdose.gui import worksheet_actions

    finalised(worked, type_into, monkeypatch)
    outputs = iter([tmp_path / "first.pdf", tmp_path / "from-preview.pdf"])
    shown: list[str] = []

    def run(dialog: QDialog) -> int:
        shown.append(type(dialog).__name__)
        if isinstance(dialog, QPrintPreviewDialog):
            for action in worksheet_actions.print_actions(dialog):
                action.trigger()  # the preview's own Print button
            return 0
        assert isinstance(dialog, QPrintDialog)
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(next(outputs)))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(worksheet_actions, "_run", run)
    worked.outputs.print_worksheet()
    worked.actions.preview_button.click()
    assert shown == ["QPrintDialog", "QPrintPreviewDialog", "QPrintDialog"]
    assert "REPRINT" not in " ".join(pdf_pages(tmp_path / "first.pdf"))
    assert "REPRINT 1" in " ".join(pdf_pages(tmp_path / "from-preview.pdf"))
    assert [detail.split(" printed")[0] for _, detail in events(worked.final_record_id)] == ["worksheet",
                                                                                              "reprint 1"]


def test_after_a_failed_output_the_window_offers_reprint_not_a_second_finalise(
        worked: MainWindow, type_into: Callable[[str, str], None], monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    import errno

    from mscdose.worksheet import render

    answers = finalised(worked, type_into, monkeypatch)
    real = render.write_worksheet_pdf

    def full_disk(*args: Any, **kwargs: Any) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(render, "write_worksheet_pdf", full_disk)
    monkeypatch.setattr(worked.questions, "ask_save_path", lambda title, suggested: str(tmp_path / "w.pdf"))
    assert not worked.outputs.save_pdf()
    assert "disk is full" in answers.messages[-1][1] and "Reprint" in answers.messages[-1][1]
    assert not worked.actions.reprint_button.isHidden()
    assert not worked.actions.finalize_button.isEnabled()
    assert "Reprint" in worked.actions.finalized_label.text()
    monkeypatch.setattr(render, "write_worksheet_pdf", real)
    worked.actions.reprint_button.click()
    assert "REPRINT" in " ".join(pdf_pages(tmp_path / "w.pdf"))
    assert [ok for ok, _ in events(worked.final_record_id)] == [False, True]
    assert len(saved_records()) == 1


# -- corrections -----------------------------------------------------------------------------------------------

def test_a_correction_loads_the_record_and_saves_one_that_supersedes_it(
        worked: MainWindow, type_into: Callable[[str, str], None], monkeypatch: pytest.MonkeyPatch) -> None:
    finalised(worked, type_into, monkeypatch)
    first = worked.final_record_id
    assert first is not None
    worked.new_patient()
    monkeypatch.setattr(worked.questions, "ask_correction", lambda: (first, "wrong dose was transcribed"))
    worked.actions.menu_actions["correct"].trigger()
    assert worked.rows["patient_id"].text() == "P-0001" and worked.rows["weight"].text() == "62 kg"
    assert worked.rows["concentration"].text() == "5" and worked.results.volume.text() == "32.6 mL"
    type_into("doseInput", "160")
    for criterion in worked.eligibility.criteria():
        worked.eligibility.set_confirmed(criterion, True)
    worked.actions.finalize_button.click()
    records = {r.id: r for r in saved_records()}
    assert len(records) == 2 and worked.final_record_id != first
    corrected = records[worked.final_record_id]  # type: ignore[index]
    assert corrected.supersedes == first and corrected.correction_reason == "wrong dose was transcribed"


def test_without_a_correction_a_second_infusion_is_blocked(
        worked: MainWindow, type_into: Callable[[str, str], None], monkeypatch: pytest.MonkeyPatch) -> None:
    answers = finalised(worked, type_into, monkeypatch)
    worked.new_patient()
    for name, text in WORKED_TYPING.items():
        type_into(name, text)
    confirm_everything(worked, type_into)  # the same patient, any lot
    type_into("lotInput", "LOT-8")
    worked.finalizing.finalize()
    assert "INFUSION_LIMIT_REACHED" in answers.messages[-1][1]
    assert len(saved_records()) == 1



def _age_item(window: MainWindow) -> Any:
    inclusion = window.eligibility.inclusion
    return next(inclusion.item(i) for i in range(inclusion.count()) if "Age 14 to 60 years" in inclusion.item(i).text())


def test_the_age_criterion_follows_the_age_even_before_the_menus(qtbot: Any, settings: Any) -> None:
    """Issue 18: the checklist is filled without PySide6's `Qt` namespace, and the age criterion is made not
    tickable by hand only in `finish` (the menus, just after the usable form). A click on it in between is taken
    back at once and never counts; after `finish`, and for a protocol chosen later, it cannot be ticked."""
    from PySide6.QtCore import Qt

    window = MainWindow(settings, load_now=False)
    qtbot.addWidget(window)
    window.ensure_protocols_loaded()
    inclusion = window.eligibility.inclusion
    item = _age_item(window)
    other = next(inclusion.item(i) for i in range(inclusion.count()) if inclusion.item(i) is not item)
    assert item.checkState() == Qt.CheckState.Unchecked
    item.setCheckState(Qt.CheckState.Checked)  # what a click on its box does
    assert item.checkState() == Qt.CheckState.Unchecked
    assert window.eligibility.states()["Age 14 to 60 years"] is None
    other.setCheckState(Qt.CheckState.Checked)  # an ordinary criterion is ticked as before
    assert window.eligibility.states()[other.data(Qt.ItemDataRole.UserRole)] is True

    window.finish()
    assert item.flags() == Qt.ItemFlag.ItemIsEnabled
    assert other.flags() == Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable
    window.protocol_bar.protocol_changed.emit(0)  # the protocol read again (a site protocol chosen)
    assert _age_item(window).flags() == Qt.ItemFlag.ItemIsEnabled
    assert _age_item(window) is not item  # (the checklist was made again)
