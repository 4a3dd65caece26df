"""Issue 14: the Users window (offscreen, no sleeps): the first user is an admin, an admin adds and disables,
a wrong admin password is refused in words and counted, and passwords never stay on screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mscdose.gui.users_window import SignInDialog, UsersWindow
from mscdose.records import users
from mscdose.records.store import RecordStore

pytestmark = pytest.mark.usefixtures("fast_scrypt")






def fill_new_user(qtbot: QtBot, window: UsersWindow, user_id: str, name: str, initials: str, role: str,
                  password: str) -> None:
    for edit, text in ((window.new_id, user_id), (window.new_name, name), (window.new_initials, initials),
                       (window.new_password, password), (window.new_confirm, password)):
        edit.clear()
        qtbot.keyClicks(edit, text)
    window.new_role.setCurrentText(role)


def test_the_first_user_is_an_admin_and_then_an_admin_adds_and_disables(qtbot: QtBot, store: RecordStore) -> None:
    window = UsersWindow(store)
    qtbot.addWidget(window)
    window.show()
    assert not window.admin.isVisible()
    assert "first user you add must be an admin" in window.status.text()
    assert window.new_role.currentText() == "admin"
    fill_new_user(qtbot, window, "ada", "Ada Admin", "AA", "admin", "admin-password-1")
    qtbot.mouseClick(window.add_button, Qt.MouseButton.LeftButton)
    assert window.status.text() == "✔ Added admin ada (Ada Admin)."
    assert window.new_password.text() == "" and window.new_confirm.text() == ""
    assert window.admin.isVisible() and window.table.rowCount() == 1

    fill_new_user(qtbot, window, "pat", "Pat Preparer", "PP", "preparer", "prep-password-2")
    qtbot.keyClicks(window.admin.user, "ada")
    qtbot.keyClicks(window.admin.password, "not-the-password")
    qtbot.mouseClick(window.add_button, Qt.MouseButton.LeftButton)
    assert "wrong password for ada" in window.status.text()
    assert window.admin.password.text() == ""
    assert users.find_user(store, "ada").failed_attempts == 1 and users.find_user(store, "pat") is None

    fill_new_user(qtbot, window, "pat", "Pat Preparer", "PP", "preparer", "prep-password-2")
    qtbot.keyClicks(window.admin.password, "admin-password-1")
    qtbot.mouseClick(window.add_button, Qt.MouseButton.LeftButton)
    assert window.status.text() == "✔ Added preparer pat (Pat Preparer)."
    assert [window.table.item(r, 0).text() for r in range(window.table.rowCount())] == ["ada", "pat"]

    window.table.selectRow(1)
    qtbot.keyClicks(window.admin.password, "admin-password-1")
    qtbot.mouseClick(window.disable_button, Qt.MouseButton.LeftButton)
    assert window.status.text() == "✔ User pat is now disabled."
    assert window.table.item(1, 4).text() == "disabled"
    assert store.verify().ok


def test_passwords_that_differ_are_refused_before_anything_is_saved(qtbot: QtBot, store: RecordStore) -> None:
    window = UsersWindow(store)
    qtbot.addWidget(window)
    fill_new_user(qtbot, window, "ada", "Ada Admin", "AA", "admin", "admin-password-1")
    qtbot.keyClicks(window.new_confirm, "x")
    qtbot.mouseClick(window.add_button, Qt.MouseButton.LeftButton)
    assert "differ" in window.status.text()
    assert users.list_users(store) == []


def test_the_sign_in_dialog_refuses_a_wrong_password_and_accepts_the_right_one(qtbot: QtBot,
                                                                               store: RecordStore) -> None:
    from mscdose.service import accounts

    accounts.add_user(store, "ada", "Ada Admin", "AA", "admin", "admin-password-1")
    dialog = SignInDialog(store, "prepared")
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.box.user, "ada")
    qtbot.keyClicks(dialog.box.password, "wrong-password")
    dialog.try_sign_in()
    assert "wrong password for ada" in dialog.problem.text() and dialog.user is None
    assert dialog.box.password.text() == ""
    qtbot.keyClicks(dialog.box.password, "admin-password-1")
    dialog.try_sign_in()
    assert dialog.user is not None and dialog.user.user_id == "ada"
    assert dialog.result() == SignInDialog.DialogCode.Accepted
