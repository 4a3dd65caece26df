"""Issue 15, keyboard: every Alt shortcut in the window is unique, focus starts (and restarts) on Patient
ID, and an unsaved calculation is never thrown away without asking."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QGroupBox, QLabel, QLineEdit, QMenu, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from mscdose.gui.main_window import MainWindow

_MNEMONIC = re.compile(r"(?<!&)&([^&\s])")


def mnemonic(text: str) -> str | None:
    found = _MNEMONIC.search(text.replace("&&", ""))
    return found.group(1).lower() if found else None


def window_mnemonics(window: QWidget) -> list[tuple[str, str]]:
    """(letter, where) for every Alt shortcut of the window itself: buddied labels, buttons, group boxes,
    tabs and the menu bar's titles (a menu's own items are a scope of their own, checked apart)."""
    found: list[tuple[str, str]] = []
    for label in window.findChildren(QLabel):
        if label.buddy() is not None and (letter := mnemonic(label.text())):
            found.append((letter, f"label {label.text()!r}"))
    for button in window.findChildren(QAbstractButton):
        if letter := mnemonic(button.text()):
            found.append((letter, f"button {button.text()!r}"))
    for box in window.findChildren(QGroupBox):
        if letter := mnemonic(box.title()):
            found.append((letter, f"group {box.title()!r}"))
    for tabs in window.findChildren(QTabWidget):
        for index in range(tabs.count()):
            if letter := mnemonic(tabs.tabText(index)):
                found.append((letter, f"tab {tabs.tabText(index)!r}"))
    assert isinstance(window, MainWindow)
    for action in window.menuBar().actions():
        if letter := mnemonic(action.text()):
            found.append((letter, f"menu {action.text()!r}"))
    return found


def duplicates(found: list[tuple[str, str]]) -> dict[str, list[str]]:
    counts = Counter(letter for letter, _ in found)
    return {letter: [where for other, where in found if other == letter] for letter, n in counts.items() if n > 1}


def test_the_mnemonic_walker_finds_a_duplicate(window: MainWindow) -> None:
    """The check below can fail: a second &F beside the File menu is caught."""
    extra = QLabel("&Final volume:", window.form)
    extra.setBuddy(window.rows["final_volume"].edit)
    assert "f" in duplicates(window_mnemonics(window))


@pytest.mark.parametrize("size", [(1600, 1000), (1000, 600)])  # eligibility beside, and as a tab
def test_every_mnemonic_in_the_window_is_unique(window: MainWindow, qtbot: QtBot, size: tuple[int, int]) -> None:
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    found = window_mnemonics(window)
    assert len(found) >= 20
    assert duplicates(found) == {}
    assert ("f", "menu '&File'") in found and ("t", "label '&Thawed at:'") in found
    for menu in window.findChildren(QMenu):
        letters = [mnemonic(a.text()) for a in menu.actions() if mnemonic(a.text())]
        assert len(letters) == len(set(letters)), menu.title()


def press_alt(qtbot: QtBot, window: MainWindow, key: Qt.Key) -> None:
    qtbot.keyClick(QApplication.focusWidget() or window, key, Qt.KeyboardModifier.AltModifier)


def test_alt_t_lands_on_thawed_at(qtbot: QtBot, window: MainWindow) -> None:
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.rows["patient_id"].edit)
    press_alt(qtbot, window, Qt.Key.Key_T)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.rows["thawed_at"].edit)


def test_alt_f_opens_the_file_menu(qtbot: QtBot, window: MainWindow) -> None:
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.rows["patient_id"].edit)
    file_menu = window.actions.file_menu
    press_alt(qtbot, window, Qt.Key.Key_F)
    qtbot.waitUntil(file_menu.isVisible)
    file_menu.close()


def test_focus_starts_on_patient_id_and_new_patient_returns_it(
        qtbot: QtBot, window: MainWindow, type_into: Callable[[str, str], None]) -> None:
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    patient = window.findChild(QLineEdit, "patientIdInput")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is patient)
    type_into("doseInput", "150")
    window.rows["dose"].edit.setFocus()
    window.new_patient()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is patient)


def test_closing_with_an_unsaved_calculation_asks_first(
        qtbot: QtBot, worked: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    worked.show()
    qtbot.waitExposed(worked)
    asked: list[str] = []
    monkeypatch.setattr(worked.questions, "confirm_discard", lambda title, text: asked.append(text) or False)
    worked.close()
    assert asked and "not been finalised" in asked[0]
    assert worked.isVisible() and worked.rows["weight"].text() == "62"  # kept: the answer was "no"
    monkeypatch.setattr(worked.questions, "confirm_discard", lambda title, text: asked.append(text) or True)
    worked.close()
    assert len(asked) == 2 and not worked.isVisible()


def test_closing_an_empty_window_does_not_ask(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    window.show()
    qtbot.waitExposed(window)
    monkeypatch.setattr(window.questions, "confirm_discard", lambda title, text: pytest.fail("asked"))
    window.close()
    assert not window.isVisible()
