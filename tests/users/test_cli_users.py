"""Issue 14 on the command line: `mscdose user ...` and `mscdose check ...`, passwords from standard input."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from mscdose.cli import main
from mscdose.records import users
from mscdose.records.store import RecordStore
from tests.users.conftest import ADMIN, CHECKER, PREPARER, prepared_record

BLIND = ["--weight", "62 kg", "--dose", "150 million cells", "--concentration", "5 million cells/mL",
         "--viability", "92 %", "--bag-volume", "20 mL"]


def run(monkeypatch: pytest.MonkeyPatch, argv: list[str], stdin: str = "") -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return main(argv)


def test_user_add_list_disable(monkeypatch: pytest.MonkeyPatch, store_path: Path,
                               capsys: pytest.CaptureFixture[str]) -> None:
    db = ["--database", str(store_path)]
    assert run(monkeypatch, ["user", "list", *db]) == 2  # --database names a file that must exist
    assert run(monkeypatch, ["user", "add", "ada", "--name", "Ada Admin", "--initials", "AA", "--role", "admin",
                             "--password-stdin", *db], f"{ADMIN[1]}\n") == 0
    assert "User accounts are now on" in capsys.readouterr().out
    assert run(monkeypatch, ["user", "add", "pat", "--name", "Pat Preparer", "--initials", "PP", "--role",
                             "preparer", "--admin", "ada", "--password-stdin", *db],
               f"{ADMIN[1]}\n{PREPARER[1]}\n") == 0
    capsys.readouterr()
    assert run(monkeypatch, ["user", "list", "--json", *db]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(u["user_id"], u["role"], u["state"]) for u in listed["users"]] == [("ada", "admin", "active"),
                                                                               ("pat", "preparer", "active")]
    assert run(monkeypatch, ["user", "disable", "pat", "--admin", "ada", "--password-stdin", *db],
               f"{ADMIN[1]}\n") == 0
    with RecordStore(store_path) as store:
        assert users.find_user(store, "pat").disabled and store.verify().ok


def test_a_password_is_never_an_argument(monkeypatch: pytest.MonkeyPatch, store_path: Path) -> None:
    assert run(monkeypatch, ["user", "add", "ada", "--name", "Ada Admin", "--initials", "AA", "--role", "admin",
                             "--password", ADMIN[1], "--database", str(store_path)]) == 2


def test_wrong_admin_password_exits_2_and_is_counted(monkeypatch: pytest.MonkeyPatch, site: RecordStore,
                                                     store_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(monkeypatch, ["user", "disable", "pat", "--admin", "ada", "--password-stdin", "--database",
                             str(store_path)], "guess-guess\n") == 2
    assert "wrong password for ada" in capsys.readouterr().err
    assert users.find_user(site, "ada").failed_attempts == 1 and not users.find_user(site, "pat").disabled


def test_check_matches_exit_0_and_signs(monkeypatch: pytest.MonkeyPatch, site: RecordStore, store_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    record_id = prepared_record(site)
    code = run(monkeypatch, ["check", str(record_id), "--user", "chris", "--password-stdin", *BLIND,
                             "--database", str(store_path)], f"{CHECKER[1]}\n")
    out = capsys.readouterr().out
    assert code == 0, out
    assert f"Record {record_id}: MATCH. Checked by Chris Checker (chris) at " in out
    assert out.rstrip().endswith("blind re-entry matched.")
    assert [s.meaning for s in users.signatures(site, record_id)] == ["prepared", "checked"]


def test_check_with_a_difference_exits_1_and_lists_it(monkeypatch: pytest.MonkeyPatch, site: RecordStore,
                                                      store_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    record_id = prepared_record(site)
    argv = ["check", str(record_id), "--user", "chris", "--password-stdin", *BLIND, "--bag-volume", "25 mL",
            "--database", str(store_path), "--json"]
    assert run(monkeypatch, argv, f"{CHECKER[1]}\n") == 1
    body = json.loads(capsys.readouterr().out)
    assert body["matched"] is False
    assert body["differences"] == [{"field": "bag_volume", "entered": "25 mL", "recorded": "20 mL"}]


def test_check_by_the_preparer_or_with_a_wrong_password_exits_2(monkeypatch: pytest.MonkeyPatch, site: RecordStore,
                                                                store_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    record_id = prepared_record(site, prepared_by="AA", signer=ADMIN)
    db = ["--database", str(store_path)]
    assert run(monkeypatch, ["check", str(record_id), "--user", "ada", "--password-stdin", *BLIND, *db],
               f"{ADMIN[1]}\n") == 2
    assert "preparer cannot check their own record" in capsys.readouterr().err
    assert run(monkeypatch, ["check", str(record_id), "--user", "chris", "--password-stdin", *BLIND, *db],
               "wrong-one\n") == 2
    assert "wrong password for chris" in capsys.readouterr().err
    assert run(monkeypatch, ["check", "twelve", "--user", "chris", "--password-stdin", *BLIND, *db],
               f"{CHECKER[1]}\n") == 2
    assert [s.meaning for s in users.signatures(site, record_id)] == ["prepared"]


def test_check_without_accounts_signs_with_initials(monkeypatch: pytest.MonkeyPatch, store: RecordStore,
                                                    store_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    record_id = prepared_record(store, prepared_by="PP")
    db = ["--database", str(store_path)]
    assert run(monkeypatch, ["check", str(record_id), "--initials", "PP", *BLIND, *db]) == 2
    assert run(monkeypatch, ["check", str(record_id), "--initials", "CC", *BLIND, *db]) == 0
    assert "CC (initials only: no electronic signature)" in capsys.readouterr().out
