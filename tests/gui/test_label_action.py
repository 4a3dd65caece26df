"""Issue 13 in the window: Print bag label… after finalising, through the service (`service.labels`).

The label is written at the site's LABEL_SIZE and logged against the record ("label", then "label reprint
1"); where the site requires the independent check first (CHECK_BEFORE_LABEL = yes), the service refuses
and the window shows its message, writing and logging nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from mscdose.gui.main_window import MainWindow
from mscdose.records.store import RecordStore
from mscdose.settings import CHECK_BEFORE_LABEL, LABEL_SIZE
from tests.gui.test_finalize import Answers, confirm_everything


def label_details(record_id: int) -> list[str]:
    with RecordStore() as store:
        return [event.detail for event in store.print_events(record_id)]


@pytest.fixture
def finalised(worked: MainWindow, type_into: Callable[[str, str], None], monkeypatch: pytest.MonkeyPatch,
              tmp_path: Path) -> tuple[MainWindow, Answers, list[Path]]:
    answers = Answers(worked, monkeypatch)
    confirm_everything(worked, type_into)
    paths = [tmp_path / "first.pdf", tmp_path / "second.pdf"]
    monkeypatch.setattr(worked.questions, "ask_save_path", lambda title, suggested: str(paths.pop(0)))
    worked.actions.finalize_button.click()
    assert worked.final_record_id is not None, answers.messages
    return worked, answers, [tmp_path / "first.pdf", tmp_path / "second.pdf"]


def test_the_label_is_offered_only_after_finalising(worked: MainWindow) -> None:
    worked.complete()
    assert worked.actions.label_button.isHidden()
    assert not worked.actions.menu_actions["label"].isEnabled()
    assert worked.actions.menu_actions["label"].text() == "Print bag &label…"


def test_print_bag_label_writes_then_reprints_and_logs(finalised: tuple[MainWindow, Answers, list[Path]]) -> None:
    window, answers, (first, second) = finalised
    window.settings.set(LABEL_SIZE, "4x2in")
    assert window.actions.label_button.isVisibleTo(window) and window.actions.label_button.isEnabled()
    assert window.actions.menu_actions["label"].isEnabled()
    window.actions.label_button.click()
    assert first.read_bytes().startswith(b"%PDF")
    assert window.actions.finalized_label.text() == f"✔ Bag label of record {window.final_record_id} written to " \
                                                   f"{first}."
    window.actions.menu_actions["label"].trigger()  # File → Print bag label…
    assert second.exists() and "REPRINT 1" in window.actions.finalized_label.text()
    logged = label_details(window.final_record_id)  # type: ignore[arg-type]
    assert logged == [f"label PDF {first} (4x2in)", f"label reprint 1 PDF {second} (4x2in)"]
    assert answers.messages == []


def test_a_site_that_requires_the_check_first_gets_the_services_message(
        finalised: tuple[MainWindow, Answers, list[Path]]) -> None:
    window, answers, (first, _second) = finalised
    window.settings.set(CHECK_BEFORE_LABEL, "yes")
    window.actions.label_button.click()
    assert not first.exists() and label_details(window.final_record_id) == []  # type: ignore[arg-type]
    assert len(answers.messages) == 1
    title, text = answers.messages[0]
    assert title == "No bag label written" and "not been checked independently" in text
    assert window.actions.finalized_label.text().startswith("✔ Finalised")  # the record is untouched


def test_cancelling_the_file_dialog_writes_nothing(finalised: tuple[MainWindow, Answers, list[Path]],
                                                   monkeypatch: pytest.MonkeyPatch, qtbot: QtBot) -> None:
    window, answers, _paths = finalised
    monkeypatch.setattr(window.questions, "ask_save_path", lambda title, suggested: "")
    assert window.outputs.print_label() is False
    assert label_details(window.final_record_id) == [] and answers.messages == []  # type: ignore[arg-type]
