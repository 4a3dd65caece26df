"""The Users window (an admin's): list the accounts of the record store, add one, disable or unlock one; and
the sign-in box every signature asks for (`SignInBox`, `ask_sign_in`).

Why no message boxes: every refusal (a wrong admin password, a weak password, the last admin) is written
in the window's status line, in words, and the form keeps what was typed except the passwords, which are
cleared after every attempt so they never linger on screen. All rules live in `mscdose.service.accounts`;
this window only gathers the text. Before the first user exists the admin fields are hidden: the first user
is made an admin, and adding them turns accounts on for the store.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mscdose.gui.texts import plain, translate
from mscdose.i18n import QT_TRANSLATE_NOOP, error_text
from mscdose.service import accounts
from mscdose.service.errors import ServiceError

if TYPE_CHECKING:
    from mscdose.records.store import RecordStore
    from mscdose.records.users import User

COLUMNS = (QT_TRANSLATE_NOOP("Users", "User id"), QT_TRANSLATE_NOOP("Users", "Name"),
           QT_TRANSLATE_NOOP("Users", "Initials"), QT_TRANSLATE_NOOP("Users", "Role"),
           QT_TRANSLATE_NOOP("Users", "State"), QT_TRANSLATE_NOOP("Users", "Failed sign-ins"))
# The store's words (records/users.py), kept in the store and the service in English, shown translated.
ROLES = (QT_TRANSLATE_NOOP("Users", "preparer"), QT_TRANSLATE_NOOP("Users", "checker"),
         QT_TRANSLATE_NOOP("Users", "admin"))
STATES = (QT_TRANSLATE_NOOP("Users", "active"), QT_TRANSLATE_NOOP("Users", "disabled"),
          QT_TRANSLATE_NOOP("Users", "locked"))
MEANINGS = (QT_TRANSLATE_NOOP("Users", "prepared"), QT_TRANSLATE_NOOP("Users", "checked"))


def _line(object_name: str, accessible: str, *, password: bool = False, max_length: int = 64) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(object_name)
    edit.setAccessibleName(accessible)
    edit.setMaxLength(max_length)
    if password:
        edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class SignInBox(QGroupBox):
    """User id and password (accounts on) or initials (accounts off); `credentials()` reads them. `title` is
    already in the window's language (the caller translates it)."""

    def __init__(self, title: str, accounts_on: bool, prefix: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.accounts_on = accounts_on
        form = QFormLayout(self)
        who = plain(title)
        self.user = _line(f"{prefix}UserInput", translate("Users", "{who}: user id").format(who=who), max_length=32)
        self.password = _line(f"{prefix}PasswordInput", translate("Users", "{who}: password").format(who=who),
                              password=True, max_length=200)
        self.initials = _line(f"{prefix}InitialsInput", translate("Users", "{who}: initials").format(who=who),
                              max_length=6)
        if accounts_on:
            form.addRow(translate("Users", "User id:"), self.user)
            form.addRow(translate("Users", "Password:"), self.password)
            self.initials.hide()
        else:
            form.addRow(translate("Users", "Initials:"), self.initials)
            form.addRow(QLabel(translate("Users", "No user accounts on this record store: no electronic signature.")))
            self.user.hide()
            self.password.hide()

    def credentials(self) -> tuple[str, str]:
        return self.user.text().strip(), self.password.text()

    def clear_password(self) -> None:
        self.password.clear()


class SignInDialog(QDialog):
    """Asks one person to sign (finalising: meaning "prepared"); `user` is set when they authenticated."""

    def __init__(self, store: RecordStore, meaning: str, summary: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signInDialog")
        shown_meaning = translate("Users", meaning)  # the record keeps the English word
        self.setWindowTitle(translate("Users", "Sign: {meaning}").format(meaning=shown_meaning))
        self.store, self.user = store, None
        layout = QVBoxLayout(self)
        if summary:
            text = QLabel(summary)
            text.setWordWrap(True)
            layout.addWidget(text)
        layout.addWidget(QLabel(translate("Users", "By signing you confirm the record as “{meaning}” under your "
                                          "name.").format(meaning=shown_meaning)))
        self.box = SignInBox(translate("Users", "Your signature"), True, "sign", self)
        layout.addWidget(self.box)
        self.problem = QLabel()
        self.problem.setObjectName("signInProblem")
        self.problem.setWordWrap(True)
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(translate("Users", "Sign"))
        buttons.accepted.connect(self.try_sign_in)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def try_sign_in(self) -> None:
        try:
            self.user = accounts.authenticate(self.store, *self.box.credentials())
        except ServiceError as error:
            self.problem.setText(f"✖ {error_text(error)}")
            return
        finally:
            self.box.clear_password()
        self.accept()


def ask_sign_in(store: RecordStore, meaning: str, summary: str, parent: QWidget | None) -> User | None:
    """For the finalise dialog: with accounts on, the authenticated signer (None if cancelled); the caller
    then passes it to `accounts.sign(store, record_id, user, meaning)` once the record is saved."""
    dialog = SignInDialog(store, meaning, summary, parent)
    return dialog.user if dialog.exec() == QDialog.DialogCode.Accepted else None


class UsersWindow(QWidget):
    """Opened from the main window as `UsersWindow(store, parent, owns_store=True)`."""

    def __init__(self, store: RecordStore, parent: QWidget | None = None, *, owns_store: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("usersWindow")
        self.setWindowTitle(translate("Users", "Users of this record store"))
        self.store, self.owns_store = store, owns_store
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("usersTable")
        self.table.setAccessibleName(translate("Users", "Users"))
        self.table.setHorizontalHeaderLabels([translate("Users", column) for column in COLUMNS])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        layout.addWidget(self.table)
        self.admin = SignInBox(translate("Users", "Admin making the change"), True, "admin", self)
        layout.addWidget(self.admin)
        new = QGroupBox(translate("Users", "New user"))
        form = QFormLayout(new)
        self.new_id = _line("newUserIdInput", translate("Users", "New user id"), max_length=32)
        self.new_name = _line("newUserNameInput", translate("Users", "Full name"), max_length=120)
        self.new_initials = _line("newUserInitialsInput", translate("Users", "Initials"), max_length=6)
        self.new_role = QComboBox()
        self.new_role.setObjectName("newUserRoleInput")
        self.new_role.setAccessibleName(translate("Users", "Role"))
        for role in ROLES:  # shown translated; the English word (item data) is what the store keeps
            self.new_role.addItem(translate("Users", role), role)
        self.new_password = _line("newUserPasswordInput", translate("Users", "Password or PIN"), password=True,
                                  max_length=200)
        self.new_confirm = _line("newUserConfirmInput", translate("Users", "Password or PIN again"), password=True,
                                 max_length=200)
        for label, widget in ((translate("Users", "User id:"), self.new_id),
                              (translate("Users", "Full name:"), self.new_name),
                              (translate("Users", "Initials:"), self.new_initials),
                              (translate("Users", "Role:"), self.new_role),
                              (translate("Users", "Password or PIN:"), self.new_password),
                              (translate("Users", "Again:"), self.new_confirm)):
            form.addRow(label, widget)
        layout.addWidget(new)
        row = QHBoxLayout()
        self.add_button = QPushButton(translate("Users", "&Add user"))
        self.add_button.setObjectName("addUserButton")
        self.add_button.clicked.connect(self.add_user)
        self.disable_button = QPushButton(translate("Users", "&Disable selected"))
        self.disable_button.setObjectName("disableUserButton")
        self.disable_button.clicked.connect(lambda: self.change_selected("disable"))
        self.unlock_button = QPushButton(translate("Users", "&Unlock selected"))
        self.unlock_button.setObjectName("unlockUserButton")
        self.unlock_button.clicked.connect(lambda: self.change_selected("unlock"))
        for button in (self.add_button, self.disable_button, self.unlock_button):
            button.setAutoDefault(False)
            row.addWidget(button)
        layout.addLayout(row)
        self.status = QLabel()
        self.status.setObjectName("usersStatus")
        self.status.setAccessibleName(translate("Users", "Users: result"))
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.refresh()

    def refresh(self) -> None:
        """Reload the table; before the first user, hide the admin box and offer only an admin."""
        try:
            found = accounts.list_users(self.store)
        except ServiceError as error:
            self.status.setText(f"✖ {error_text(error)}")
            return
        self.table.setRowCount(len(found))
        for row, user in enumerate(found):
            for column, value in enumerate((user.user_id, user.full_name, user.initials, translate("Users", user.role),
                                            translate("Users", user.state), str(user.failed_attempts))):
                self.table.setItem(row, column, QTableWidgetItem(value))
        first = not found
        self.admin.setVisible(not first)
        self.disable_button.setEnabled(not first)
        self.unlock_button.setEnabled(not first)
        if first:
            self.new_role.setCurrentIndex(self.new_role.findData("admin"))
            self.status.setText(translate("Users", "No user accounts yet: this record store works without electronic "
                                          "signatures. The first user you add must be an admin; adding them turns "
                                          "accounts on."))

    def _clear_passwords(self) -> None:
        for edit in (self.new_password, self.new_confirm):
            edit.clear()
        self.admin.clear_password()

    def add_user(self) -> None:
        if self.new_password.text() != self.new_confirm.text():
            self._clear_passwords()
            self.status.setText(translate("Users", "✖ The two passwords typed differ; type them again."))
            return
        by_admin = self.admin.credentials() if self.admin.isVisibleTo(self) else None
        try:
            user = accounts.add_user(self.store, self.new_id.text(), self.new_name.text(), self.new_initials.text(),
                                     self.new_role.currentData(), self.new_password.text(), by_admin=by_admin)
        except ServiceError as error:
            self.status.setText(f"✖ {error_text(error)}")
            return
        finally:
            self._clear_passwords()
        for edit in (self.new_id, self.new_name, self.new_initials):
            edit.clear()
        self.refresh()
        self.status.setText(translate("Users", "✔ Added {role} {user} ({name}).").format(
            role=translate("Users", user.role), user=user.user_id, name=user.full_name))

    def selected_user_id(self) -> str:
        rows = self.table.selectionModel().selectedRows()
        item = self.table.item(rows[0].row(), 0) if rows else None
        return item.text() if item else ""

    def change_selected(self, action: str) -> None:
        user_id = self.selected_user_id()
        if not user_id:
            self.status.setText(translate("Users", "✖ Select the user to disable first.") if action == "disable"
                                else translate("Users", "✖ Select the user to unlock first."))
            return
        change = accounts.disable_user if action == "disable" else accounts.unlock_user
        try:
            user = change(self.store, user_id, by_admin=self.admin.credentials())
        except ServiceError as error:
            self.status.setText(f"✖ {error_text(error)}")
            return
        finally:
            self.admin.clear_password()
        self.refresh()
        self.status.setText(translate("Users", "✔ User {user} is now {state}.").format(
            user=user.user_id, state=translate("Users", user.state)))

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if self.owns_store:
            self.store.close()
            self.owns_store = False
        super().closeEvent(event)
