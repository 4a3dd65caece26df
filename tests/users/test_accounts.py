"""Issue 14, people: accounts per store, scrypt, failed sign-ins counted in the chain, lock-out after 5,
admin-only changes, and every user change caught by `audit verify` when edited."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from mscdose.records import users
from mscdose.records.store import RecordStore
from mscdose.service import accounts
from mscdose.service.accounts import AccessRefused
from mscdose.service.errors import InvalidInput
from tests.records.helpers import drop_every_trigger, raw
from tests.users.conftest import ADMIN, CHECKER, PREPARER


def ledger_kinds(path: Path) -> list[str]:
    with closing(raw(path)) as conn:
        return [row[0] for row in conn.execute("SELECT kind FROM ledger ORDER BY seq")]


def test_a_fresh_store_has_no_accounts_and_the_first_user_must_be_an_admin(store: RecordStore) -> None:
    assert not accounts.accounts_enabled(store)
    with pytest.raises(InvalidInput) as refused:
        accounts.add_user(store, "pat", "Pat Preparer", "PP", "preparer", PREPARER[1])
    assert refused.value.field == "role"
    assert not accounts.accounts_enabled(store)  # nothing was written
    admin = accounts.add_user(store, "ada", "Ada Admin", "AA", "admin", ADMIN[1])
    assert (admin.user_id, admin.role, admin.added_by) == ("ada", "admin", "ada")
    assert accounts.accounts_enabled(store)


def test_shipped_scrypt_parameters_are_owasp_minimum(monkeypatch: pytest.MonkeyPatch) -> None:
    from mscdose.records import passwords

    monkeypatch.undo()  # the shipped parameters, not the fast ones of this package's fixture
    stored = passwords.hash_password("correct horse battery")
    params, salt, key = passwords.parse_hash(stored)
    # OWASP Password Storage Cheat Sheet, scrypt minimum: N=2^17, r=8, p=1 -> 128 MiB
    assert (params.n, params.r, params.p) == (131072, 8, 1)
    assert params.memory_bytes == 128 * 1024 * 1024
    assert (len(salt), len(key)) == (16, 32)
    assert passwords.check_password("correct horse battery", stored)
    assert not passwords.check_password("correct horse batterz", stored)


def test_a_weakened_stored_hash_is_refused() -> None:
    from mscdose.records import passwords

    weak = passwords.hash_password("whatever-123").replace("n=1024", "n=16")
    with pytest.raises(ValueError, match="weaker"):
        passwords.check_password("whatever-123", weak)


@pytest.mark.parametrize(("password", "why"), [("1234", "PIN needs at least 6"), ("short", "at least 8"),
                                               ("", "empty"), ("bobby-the-user", "user id")])
def test_a_weak_password_or_pin_is_refused_naming_the_rule(store: RecordStore, password: str, why: str) -> None:
    with pytest.raises(InvalidInput, match=why) as refused:
        accounts.add_user(store, "bobby-the-user", "Bob User", "BU", "admin", password)
    assert refused.value.field == "password"


def test_the_password_is_stored_only_as_a_salted_scrypt_hash(site: RecordStore, store_path: Path) -> None:
    with closing(raw(store_path)) as conn:
        details = " ".join(row[0] for row in conn.execute("SELECT detail FROM user_events"))
    assert PREPARER[1] not in details and ADMIN[1] not in details
    assert details.count("scrypt$n=1024,r=8,p=1$") == 3


def test_user_changes_are_ledger_entries(site: RecordStore, store_path: Path) -> None:
    accounts.disable_user(site, "chris", by_admin=ADMIN)
    assert ledger_kinds(store_path) == ["user"] * 4
    assert site.verify().ok


def test_a_wrong_password_is_refused_counted_and_five_lock_the_account(site: RecordStore, store_path: Path) -> None:
    for attempt in range(1, 5):
        with pytest.raises(AccessRefused, match=f"failure {attempt} in a row") as refused:
            accounts.authenticate(site, "pat", "not-my-password")
        assert refused.value.field == "password"
        assert users.find_user(site, "pat").failed_attempts == attempt  # counted in the store
    with pytest.raises(AccessRefused, match="now locked"):
        accounts.authenticate(site, "pat", "not-my-password")
    assert users.find_user(site, "pat").locked
    # the right password no longer helps: locked accounts are not even checked
    with pytest.raises(AccessRefused, match="locked after 5 failed sign-ins"):
        accounts.authenticate(site, *PREPARER)
    with closing(raw(store_path)) as conn:
        events = [row[0] for row in conn.execute("SELECT event FROM user_events WHERE user_key = 'pat' ORDER BY id")]
    assert events == ["added", *["failed_sign_in"] * 5, "locked"]
    assert ledger_kinds(store_path).count("user") == 3 + 6
    accounts.unlock_user(site, "pat", by_admin=ADMIN)
    assert accounts.authenticate(site, *PREPARER).user_id == "pat"
    assert site.verify().ok


def test_a_right_password_starts_the_count_again(site: RecordStore) -> None:
    for _ in range(4):
        with pytest.raises(AccessRefused):
            accounts.authenticate(site, "pat", "wrong-wrong")
    accounts.authenticate(site, *PREPARER)
    assert users.find_user(site, "pat").failed_attempts == 0
    with pytest.raises(AccessRefused, match="failure 1 in a row"):
        accounts.authenticate(site, "pat", "wrong-wrong")


def test_an_unknown_user_is_refused_by_name(site: RecordStore) -> None:
    with pytest.raises(AccessRefused, match="“nobody” is not a user") as refused:
        accounts.authenticate(site, "nobody", "whatever-1")
    assert refused.value.field == "user"


def test_only_an_active_admin_adds_or_disables_users(site: RecordStore) -> None:
    with pytest.raises(AccessRefused, match="only an admin"):
        accounts.add_user(site, "eve", "Eve Evans", "EE", "admin", "eve-password", by_admin=CHECKER)
    with pytest.raises(AccessRefused, match="wrong password"):
        accounts.add_user(site, "eve", "Eve Evans", "EE", "admin", "eve-password", by_admin=("ada", "guess-123"))
    assert users.find_user(site, "ada").failed_attempts == 1
    with pytest.raises(AccessRefused, match="needs an admin"):
        accounts.add_user(site, "eve", "Eve Evans", "EE", "admin", "eve-password")
    assert users.find_user(site, "eve") is None


def test_a_disabled_user_cannot_sign_in_and_the_last_admin_cannot_be_disabled(site: RecordStore) -> None:
    accounts.disable_user(site, "chris", by_admin=ADMIN)
    with pytest.raises(AccessRefused, match="disabled"):
        accounts.authenticate(site, *CHECKER)
    with pytest.raises(accounts.ServiceError, match="last active admin"):
        accounts.disable_user(site, "ada", by_admin=ADMIN)


def test_user_ids_are_unique_ignoring_case_and_hyphens(site: RecordStore) -> None:
    with pytest.raises(accounts.ServiceError, match="already taken"):
        accounts.add_user(site, "P-A-T", "Pat Other", "PO", "preparer", "another-pass", by_admin=ADMIN)


def test_a_user_changes_their_own_password(site: RecordStore) -> None:
    accounts.set_password(site, "pat", "brand-new-pass", by=PREPARER)
    with pytest.raises(AccessRefused):
        accounts.authenticate(site, *PREPARER)
    assert accounts.authenticate(site, "pat", "brand-new-pass").user_id == "pat"
    with pytest.raises(AccessRefused, match="only change their own"):
        accounts.set_password(site, "ada", "taken-over-1", by=("pat", "brand-new-pass"))


@pytest.mark.parametrize(("sql", "problem"), [
    ("UPDATE user_events SET detail = replace(detail, '\"preparer\"', '\"admin\"') WHERE user_id = 'pat'",
     "user event 2 (added of user pat) was changed"),
    ("UPDATE user_events SET by_user = 'pat' WHERE id = 3", "user event 3"),
    ("DELETE FROM user_events WHERE event = 'failed_sign_in'", "user event"),
])
def test_an_edited_user_row_is_caught_by_audit_verify(site: RecordStore, store_path: Path, sql: str,
                                                      problem: str) -> None:
    with pytest.raises(AccessRefused):
        accounts.authenticate(site, "pat", "wrong-wrong")  # a failed sign-in someone may want to hide
    assert site.verify().ok
    with closing(raw(store_path)) as conn:
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute(sql)
        drop_every_trigger(conn)
        for table in ("user_events", "signatures"):
            conn.execute(f"DROP TRIGGER IF EXISTS {table}_no_update")
            conn.execute(f"DROP TRIGGER IF EXISTS {table}_no_delete")
        conn.execute(sql)
    report = RecordStore.open_read_only(store_path).verify()
    assert not report.ok
    assert problem in report.problem


def test_audit_verify_command_fails_on_an_edited_user_row(site: RecordStore, store_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    from mscdose.cli import main

    assert main(["audit", "verify", "--database", str(store_path)]) == 0
    with closing(raw(store_path)) as conn:
        conn.execute("DROP TRIGGER user_events_no_update")
        conn.execute("UPDATE user_events SET detail = replace(detail, '\"checker\"', '\"admin\"') WHERE id = 3")
    assert main(["audit", "verify", "--database", str(store_path)]) == 1
    assert "user event 3 (added of user chris) was changed" in capsys.readouterr().err
