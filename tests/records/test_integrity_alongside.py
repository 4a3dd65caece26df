"""SQLite's integrity check runs alongside the chain's walk (issue 18): the same answers as one after the other.

`RecordStore.audit()` is what `mscdose audit verify` and a backup's check ask: the chain's report, and SQLite's
findings only when the chain verified. These tests show the check really runs during the walk, that its answer
is the sequential one on sound, damaged and tampered files, and that it is stopped when the chain fails.
"""

from __future__ import annotations

import sqlite3
import threading
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from mscdose.records import integrity
from mscdose.records.errors import StoreError
from mscdose.records.store import RecordStore
from tests.records.helpers import document, drop_append_only_triggers, raw

THREAD = "mscdose integrity check"


def saved(path: Path, count: int = 3) -> Path:
    with RecordStore(path) as store:
        for n in range(count):
            store.save(document(f"P{n}"))
    return path


def damage_an_index(path: Path) -> None:
    """Garbage over the end of an index's root page: the chain still reads, SQLite's check does not pass."""
    with closing(raw(path)) as conn:
        conn.execute("PRAGMA journal_mode = DELETE")
        page = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'records_by_time'").fetchone()[0]
        size = conn.execute("PRAGMA page_size").fetchone()[0]
    with open(path, "r+b") as handle:
        handle.seek(page * size - 200)
        handle.write(b"\x00garbage\xff" * 16)


def checks_alive() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == THREAD]


def test_the_check_runs_while_the_chain_is_walked(store_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The walk waits until the check has begun: run one after the other, it would wait in vain."""
    saved(store_path)
    began = threading.Event()
    check, walk = integrity.integrity_problems, RecordStore.verify

    def checking(conn: sqlite3.Connection, path: Path) -> list[str]:
        began.set()
        return check(conn, path)

    def walking(self: RecordStore, *args: Any, **kwargs: Any) -> Any:
        assert began.wait(timeout=30), "the integrity check had not begun while the chain was walked"
        return walk(self, *args, **kwargs)

    monkeypatch.setattr(integrity, "integrity_problems", checking)
    monkeypatch.setattr(RecordStore, "verify", walking)
    with RecordStore.open_read_only(store_path) as store:
        report, damage = store.audit()
    assert report.ok and report.count == 3 and damage == []


@pytest.mark.parametrize("helper", ["", "off"])
def test_the_answers_are_those_of_one_after_the_other(store_path: Path, helper: str,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MSCDOSE_HELPER_PROCESS", helper)
    saved(store_path)
    with RecordStore.open_read_only(store_path) as store:
        assert store.audit()[1] == [] == store.integrity_problems()
    damage_an_index(store_path)
    with RecordStore.open_read_only(store_path) as store:
        sequential = store.verify(), store.integrity_problems()
        assert sequential[0].ok and sequential[1]  # the chain reads; SQLite finds the damage
        assert store.audit() == sequential
    assert checks_alive() == []


def test_a_chain_that_fails_is_the_answer_and_the_check_is_stopped(store_path: Path) -> None:
    saved(store_path)
    drop_append_only_triggers(store_path)
    with closing(raw(store_path)) as conn:
        conn.execute("UPDATE records SET patient_name = 'changed' WHERE id = 2")
    damage_an_index(store_path)  # found by SQLite too, but the chain's failure is what is reported
    with RecordStore.open_read_only(store_path) as store:
        report, damage = store.audit()
    assert not report.ok and report.first_bad_id == 2 and damage == []
    assert checks_alive() == []


def test_stop_interrupts_a_check_that_is_still_running(store_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A check that would never end on its own (a query without end in its place) ends at stop()."""
    saved(store_path, 1)
    began = threading.Event()

    def endless(conn: sqlite3.Connection, path: Path) -> list[str]:
        began.set()
        conn.execute("WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT count(*) FROM n"
                     ).fetchall()
        return []

    monkeypatch.setattr(integrity, "integrity_problems", endless)
    alongside = integrity.IntegrityAlongside(store_path)
    assert began.wait(timeout=30)
    stopping = threading.Thread(target=alongside.stop)
    stopping.start()
    stopping.join(timeout=30)
    assert not stopping.is_alive() and checks_alive() == []


def test_stop_ends_a_check_whose_statement_starts_after_the_first_interrupt(
        store_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """SQLite ignores an interrupt when no statement runs: one that lands just before the check's statement
    starts is lost, so stop() interrupts again until the thread has ended."""
    saved(store_path, 1)
    interrupts: list[int] = []
    began, first = threading.Event(), threading.Event()

    def counted(conn: sqlite3.Connection) -> None:
        interrupts.append(1)
        conn.interrupt()
        first.set()

    def late(conn: sqlite3.Connection, path: Path) -> list[str]:
        began.set()
        assert first.wait(timeout=30)  # the first interrupt has come and gone: the statement starts after it
        conn.execute("WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT count(*) FROM n"
                     ).fetchall()
        return []

    monkeypatch.setattr(integrity, "integrity_problems", late)
    monkeypatch.setattr(integrity.IntegrityAlongside, "_interrupt", staticmethod(counted))
    alongside = integrity.IntegrityAlongside(store_path)
    assert began.wait(timeout=30)  # the thread holds its connection and waits before its statement
    stopping = threading.Thread(target=alongside.stop)
    stopping.start()
    stopping.join(timeout=30)
    assert not stopping.is_alive() and checks_alive() == [] and len(interrupts) >= 2


def test_an_error_met_by_the_check_is_raised_as_the_stores_message(store_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    saved(store_path, 1)

    def failing(conn: sqlite3.Connection, path: Path) -> list[str]:
        raise StoreError(f"Could not check the database file {path}: disk I/O error")

    monkeypatch.setattr(integrity, "integrity_problems", failing)
    with RecordStore.open_read_only(store_path) as store, pytest.raises(StoreError, match="disk I/O error"):
        store.audit()
    assert checks_alive() == []


def test_a_file_the_thread_cannot_open_is_checked_after_the_walk(store_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    saved(store_path, 1)
    with RecordStore.open_read_only(store_path) as store:
        store_path.rename(store_path.with_suffix(".moved"))  # the store's own connection still reads it
        monkeypatch.setattr(type(store), "integrity_problems", lambda self: ["checked after the walk"])
        assert store.audit()[1] == ["checked after the walk"]
