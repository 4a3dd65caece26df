"""The Bedside check window (gui/bedside_window.py, issue 13), offscreen with pytest-qt, no sleeps.

Scans are typed as a keyboard-wedge scanner types them: the characters, then Enter. The record is the worked
example of domain.md saved as record 1 for patient AA-014 with DIN G1234 98 654321 H (check H, domain.md),
without a thaw time (so the answer does not depend on the clock).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from mscdose.gui.bedside_window import GREEN, RED, BedsideWindow, open_bedside_window
from mscdose.records.bedside import bedside_checks
from mscdose.records.store import RecordStore
from mscdose.settings import WRISTBAND_PATTERN, Settings
from tests.records.helpers import bedside_store

LABEL = "MSCDOSE1|R=1|P=AA-014|D=G123498654321"


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return bedside_store(tmp_path / "records.sqlite3")


@pytest.fixture
def bedside(qtbot: QtBot, store_path: Path, tmp_path: Path) -> BedsideWindow:
    window = BedsideWindow(Settings(str(tmp_path / "settings.ini")), store_path=store_path)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def scan(qtbot: QtBot, window: BedsideWindow, wristband: str, label: str) -> None:
    window.wristband.setFocus()
    qtbot.keyClicks(window.wristband, wristband)
    qtbot.keyClick(window.wristband, Qt.Key.Key_Return)
    assert window.focusWidget() is window.bag_label  # the scanner's Enter moved on to the bag label
    qtbot.keyClicks(window.bag_label, label)
    qtbot.keyClick(window.bag_label, Qt.Key.Key_Return)


def checks(store_path: Path) -> list[tuple[str, int | None]]:
    with RecordStore.open_read_only(store_path) as store:
        return [(e.result, e.record_id) for e in bedside_checks(store)]


def test_the_wrong_patient_shows_a_full_window_red_mismatch_that_stays(qtbot: QtBot, bedside: BedsideWindow,
                                                                    store_path: Path) -> None:
    scan(qtbot, bedside, "AA-015", LABEL)
    assert bedside.result == "MISMATCH" and bedside.property("result") == "MISMATCH"
    assert bedside.word.text() == "✘ MISMATCH"
    assert not bedside.icon.pixmap().isNull()
    assert bedside.palette().color(QPalette.ColorRole.Window) == RED  # the whole window, not a corner
    assert bedside.headline.text().startswith("MISMATCH – DO NOT GIVE THIS BAG")
    reasons = [bedside.reasons.item(i).text() for i in range(bedside.reasons.count())]
    assert reasons[0] == "WRONG PATIENT: the wristband says patient AA-015; this bag is for patient AA-014."
    assert checks(store_path) == [("MISMATCH", 1)]
    # a scanner typing on (characters and Enter) neither dismisses it nor checks again over it
    qtbot.keyClicks(QApplication.focusWidget() or bedside, "AA-014")
    qtbot.keyClick(QApplication.focusWidget() or bedside, Qt.Key.Key_Return)
    qtbot.keyClick(bedside, Qt.Key.Key_Escape)
    bedside.check()
    assert bedside.isVisible() and bedside.result == "MISMATCH" and not bedside.wristband.isEnabled()
    assert checks(store_path) == [("MISMATCH", 1)]


def test_after_dismissing_a_retry_is_a_new_entry_and_the_mismatch_stays_in_the_chain(
        qtbot: QtBot, bedside: BedsideWindow, store_path: Path) -> None:
    scan(qtbot, bedside, "AA-015", LABEL)
    qtbot.mouseClick(bedside.dismiss_button, Qt.MouseButton.LeftButton)
    assert bedside.result == "" and bedside.wristband.text() == "" and bedside.wristband.isEnabled()
    assert bedside.palette().color(QPalette.ColorRole.Window) != RED
    scan(qtbot, bedside, "AA-014", LABEL)
    assert bedside.result == "MATCH" and bedside.word.text() == "✔ MATCH"
    assert bedside.panel.palette().color(QPalette.ColorRole.Window) == GREEN
    assert bedside.palette().color(QPalette.ColorRole.Window) != RED
    assert checks(store_path) == [("MISMATCH", 1), ("MATCH", 1)]
    with RecordStore.open_read_only(store_path) as store:
        assert store.verify().ok


def test_a_broken_wristband_setting_is_not_checked(qtbot: QtBot, store_path: Path, tmp_path: Path) -> None:
    settings = Settings(str(tmp_path / "settings.ini"))
    settings.set(WRISTBAND_PATTERN, "no placeholder")
    window = BedsideWindow(settings, store_path=store_path)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    scan(qtbot, window, "AA-014", LABEL)
    assert window.result == "NOT CHECKED" and window.palette().color(QPalette.ColorRole.Window) == RED
    assert checks(store_path) == []


def test_the_file_menu_opens_one_bedside_window(qtbot: QtBot, window) -> None:  # type: ignore[no-untyped-def]
    window.show()
    qtbot.waitUntil(lambda: bool(window.actions.menu_actions) if hasattr(window, "actions") else True)
    file_menu = next(m for m in window.findChildren(QMenu) if m.title() == "&File")
    texts = [action.text() for action in file_menu.actions()]
    if "&Bedside check…" not in texts:  # the menu actions come just after the first paint
        qtbot.waitUntil(lambda: "&Bedside check…" in [a.text() for a in file_menu.actions()])
    action = next(a for a in file_menu.actions() if a.text() == "&Bedside check…")
    action.trigger()
    first = window.findChild(BedsideWindow, "bedsideWindow")
    assert first is not None and first.isVisible()
    assert open_bedside_window(window) is first
