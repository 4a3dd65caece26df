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
