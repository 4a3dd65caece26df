"""Issue 14: the blind check window (offscreen, no sleeps): the preparer's numbers are never shown, a
difference is shown side by side and stops the check, a match signs, the preparer cannot check."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from mscdose.gui.check_window import CheckWindow
from mscdose.records import users
from mscdose.records.store import RecordStore
from mscdose.service import accounts
from tests.records.helpers import document

TYPED = {"weight": "62", "dose": "150 million cells", "concentration": "5", "viability": "92", "bag_volume": "20"}

pytestmark = pytest.mark.usefixtures("fast_scrypt")




@pytest.fixture
def site(tmp_path: Path) -> Iterator[tuple[RecordStore, int]]:
    """Accounts on (admin ada, preparer pat, checker chris) and record 1, the worked example, prepared by pat."""
    with RecordStore(tmp_path / "records.sqlite3") as store:
        accounts.add_user(store, "ada", "Ada Admin", "AA", "admin", "admin-password-1")
        for user_id, name, initials, role, password in (("pat", "Pat Preparer", "PP", "preparer", "prep-pass-2"),
                                                        ("chris", "Chris Checker", "CC", "checker", "check-pass-3")):
            accounts.add_user(store, user_id, name, initials, role, password, by_admin=("ada", "admin-password-1"))
        record = store.save(document("AA-014", prepared_by="PP", patient_name="Test Patient"))
        accounts.sign(store, record.id, accounts.authenticate(store, "pat", "prep-pass-2"), "prepared")
        yield store, record.id


def opened(qtbot: QtBot, store: RecordStore, record: str, user: str, password: str) -> CheckWindow:
    window = CheckWindow(store)
    qtbot.addWidget(window)
    window.show()
    qtbot.keyClicks(window.signer.user, user)
    qtbot.keyClicks(window.signer.password, password)
    qtbot.keyClicks(window.record, record)
    qtbot.keyClick(window.record, Qt.Key.Key_Return)  # as a scanner ends its read
    return window


def type_entries(qtbot: QtBot, window: CheckWindow, texts: dict[str, str]) -> None:
    for field, text in texts.items():
        qtbot.keyClicks(window.inputs[field], text)


def on_screen(window: CheckWindow) -> str:
    texts = [label.text() for label in window.findChildren(QLabel)]
    texts += [edit.text() for edit in window.findChildren(QLineEdit)]
    return " ".join(texts)


def test_a_matching_blind_check_signs_and_never_showed_the_record_numbers(qtbot: QtBot, site) -> None:  # type: ignore[no-untyped-def]
    store, record_id = site
    window = opened(qtbot, store, str(record_id), "chris", "check-pass-3")
    assert window.entries.isEnabled(), window.verdict.text()
    assert "patient AA-014 (Test Patient)" in window.identity.text()
    assert window.signer.password.text() == ""
    before = on_screen(window)
    for recorded in ("62", "150", "92", "32.6", "4.6", "149.96", "67.4"):
        assert recorded not in before  # the preparer's entries and results are not on screen
    type_entries(qtbot, window, TYPED)
    qtbot.mouseClick(window.compare_button, Qt.MouseButton.LeftButton)
    assert window.verdict.text().startswith("✔ MATCH. Checked by Chris Checker (chris) at ")
    assert window.verdict.text().endswith("blind re-entry matched.")
    assert not window.entries.isEnabled() and not window.compare_button.isEnabled()
    assert [s.meaning for s in users.signatures(store, record_id)] == ["prepared", "checked"]
    assert store.verify().ok


def test_one_different_input_stops_the_check_and_shows_both_values(qtbot: QtBot, site) -> None:  # type: ignore[no-untyped-def]
    store, record_id = site
    window = opened(qtbot, store, f"MSCDOSE1|R={record_id}|P=AA-014|D=", "chris", "check-pass-3")
    type_entries(qtbot, window, {**TYPED, "viability": "29"})
    qtbot.mouseClick(window.compare_button, Qt.MouseButton.LeftButton)
    assert window.verdict.text().startswith("✖ MISMATCH")
    table = window.differences
    rows = [tuple(table.item(r, c).text() for c in range(3)) for r in range(table.rowCount())]
    # by hand: 150 million / (5 million x 0.29) = 103.4483 mL -> 103.4 mL, the record's is 32.6 mL
    assert rows == [("Viability", "29 %", "92 %"), ("Volume to draw", "103.4 mL", "32.6 mL")]
    assert not window.entries.isEnabled()
    assert [s.meaning for s in users.signatures(store, record_id)] == ["prepared", "mismatch"]


def test_the_preparer_cannot_open_their_own_record_for_checking(qtbot: QtBot, site) -> None:  # type: ignore[no-untyped-def]
    store, _ = site
    accounts.add_user(store, "quinn", "Quinn Both", "QB", "checker", "quinn-pass-4",
                      by_admin=("ada", "admin-password-1"))
    record = store.save(document("BB-2", prepared_by="QB"))
    accounts.sign(store, record.id, accounts.authenticate(store, "quinn", "quinn-pass-4"), "prepared")
    window = opened(qtbot, store, str(record.id), "quinn", "quinn-pass-4")
    assert "the preparer cannot check their own record" in window.verdict.text()
    assert not window.entries.isEnabled()


def test_a_wrong_password_or_a_label_of_another_patient_is_refused(qtbot: QtBot, site) -> None:  # type: ignore[no-untyped-def]
    store, record_id = site
    window = opened(qtbot, store, str(record_id), "chris", "wrong-password")
    assert "wrong password for chris" in window.verdict.text() and not window.entries.isEnabled()
    assert users.find_user(store, "chris").failed_attempts == 1
    window = opened(qtbot, store, f"MSCDOSE1|R={record_id}|P=ZZ-999|D=", "chris", "check-pass-3")
    assert "names patient ZZ-999" in window.verdict.text() and not window.entries.isEnabled()


def test_unreadable_re_entry_is_named_and_nothing_is_signed(qtbot: QtBot, site) -> None:  # type: ignore[no-untyped-def]
    store, record_id = site
    window = opened(qtbot, store, str(record_id), "chris", "check-pass-3")
    type_entries(qtbot, window, {**TYPED, "dose": "150"})  # a bare number is never read as cells
    qtbot.mouseClick(window.compare_button, Qt.MouseButton.LeftButton)
    assert window.verdict.text().startswith("✖ Dose")
    assert window.entries.isEnabled()
    assert [s.meaning for s in users.signatures(store, record_id)] == ["prepared"]
