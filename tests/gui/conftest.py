"""Fixtures of the window tests: a fresh window per test, its settings in the test's own data folder."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from mscdose.gui.main_window import MainWindow
from mscdose.settings import Settings

# The worked example of ../shared/domain.md, as a person types it with the units on the selectors.
WORKED_TYPING = {
    "weightInput": "62",
    "doseInput": "150",
    "concentrationInput": "5",
    "viabilityInput": "92",
    "bagVolumeInput": "20",
    "bagsInput": "2",
}


@pytest.fixture(autouse=True)
def closing_discards(monkeypatch: pytest.MonkeyPatch) -> None:
    """Closing a window with typed data asks first; at teardown nobody is there to answer, so the default
    answer is "discard" (a test that checks the question replaces it on its window's `questions`)."""
    from mscdose.gui.questions import Questions

    monkeypatch.setattr(Questions, "confirm_discard", lambda self, title, text: True)


@pytest.fixture
def settings(tmp_path) -> Settings:  # type: ignore[no-untyped-def]
    return Settings(str(tmp_path / "settings.ini"))


@pytest.fixture
def window(qtbot: QtBot, settings: Settings) -> MainWindow:
    win = MainWindow(settings)
    qtbot.addWidget(win)
    return win


@pytest.fixture
def type_into(qtbot: QtBot, window: MainWindow) -> Callable[[str, str], None]:
    """Replace a field's text by typing, as a keyboard user would."""
    from PySide6.QtWidgets import QLineEdit

    def _type(object_name: str, text: str) -> None:
        edit = window.findChild(QLineEdit, object_name)
        assert edit is not None, object_name
        edit.clear()
        qtbot.keyClicks(edit, text)

    return _type


@pytest.fixture
def worked(window: MainWindow, type_into: Callable[[str, str], None]) -> MainWindow:
    for name, text in WORKED_TYPING.items():
        type_into(name, text)
    return window


def thawed_minutes_ago(minutes: int = 10) -> str:
    """A thaw time `minutes` ago as the thaw field reads it (local time): inside the 3 h limit for 10."""
    from datetime import datetime, timedelta

    return (datetime.now() - timedelta(minutes=minutes)).strftime("%Y-%m-%d %H:%M")


def fill_required(window: MainWindow, type_into: Callable[[str, str], None], patient_id: str = "P-0001") -> None:
    """Everything the protocol requires before finalising (issue 19): two patient identifiers, the order,
    the lot, the DIN and the thaw time."""
    type_into("patientIdInput", patient_id)
    type_into("patientNameInput", "Test Patient")
    type_into("dateOfBirthInput", "1990-05-01")
    type_into("prescriberInput", "Dr A Prescriber")
    type_into("orderReferenceInput", "ORD-123")
    type_into("lotInput", "LOT-7")
    type_into("dinInput", "G123498654321H")  # check character H (domain.md)
    type_into("thawInput", thawed_minutes_ago())


@pytest.fixture
def ready(worked: MainWindow, type_into: Callable[[str, str], None]) -> MainWindow:
    """The worked example with every field the protocol requires before finalising."""
    fill_required(worked, type_into)
    return worked
