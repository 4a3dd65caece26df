"""Reliability: kill -9 mid-save, two processes at once, read-only folder, full disk, schema versions."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from mscdose.records import store as store_module
from mscdose.records.canonical import GENESIS, canonical_json, record_hash
from mscdose.records.schema import MIGRATIONS, SCHEMA_VERSION
from mscdose.records.store import RecordStore, StoreError
from tests.records.helpers import document, raw

ROOT = Path(__file__).resolve().parents[2]


def saver(path: Path, count: int, patient: str, wait: bool = False) -> subprocess.Popen[str]:
    command = [sys.executable, "-m", "tests.records.saver", str(path), str(count), patient]
    return subprocess.Popen(command + (["--wait"] if wait else []), cwd=ROOT, text=True,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def wait_ready(process: subprocess.Popen[str]) -> None:
    assert process.stdout is not None
    line = process.stdout.readline()
    assert line == "ready\n", (line, process.stderr.read() if process.stderr else "")


def kill_and_read_the_rest(process: subprocess.Popen[str]) -> str:
    """Kill -9, then return everything the process printed that was not yet read.

    Read through the pipe's own file object: its readline() may already hold later lines in its
    buffer, which `communicate()` (reading the bare descriptor) would never see.
    """
    assert process.stdout is not None and process.stderr is not None
    os.kill(process.pid, signal.SIGKILL)
    rest = process.stdout.read()
    process.stderr.read()
    process.wait()
    return rest


def test_the_rest_of_a_killed_process_includes_lines_already_buffered() -> None:
    script = "import sys; sys.stdout.write('1\\n2\\n3\\n'); sys.stdout.flush(); sys.stdin.readline()"
    process = subprocess.Popen([sys.executable, "-c", script], text=True, stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None
    assert process.stdout.readline() == "1\n"  # the one read took all three lines into its buffer
    assert kill_and_read_the_rest(process) == "2\n3\n"
    assert process.returncode == -signal.SIGKILL


def test_kill_9_in_a_loop_of_saves_loses_no_committed_record(store_path: Path) -> None:
    process = saver(store_path, 0, "P1")
    wait_ready(process)
    assert process.stdout is not None
    reported = [int(process.stdout.readline()) for _ in range(40)]  # 40 saves returned: all committed
    rest = kill_and_read_the_rest(process)  # mid-loop: the next save is somewhere in flight
    assert process.returncode == -signal.SIGKILL
    reported += [int(line) for line in rest.split()]
    assert reported == list(range(1, len(reported) + 1))
    with RecordStore(store_path) as store:
        ids = [r.id for r in store.history()]
        assert ids[: len(reported)] == reported  # every committed record is there
        assert len(ids) - len(reported) <= 1  # at most the one committed but not yet reported
        result = store.verify()
        assert (result.ok, result.count) == (True, len(ids))
        assert store.integrity_problems() == []
        assert store.save(document("P2")).id == len(ids) + 1  # and the chain carries on


def test_two_processes_saving_at_once_make_one_unbroken_chain(store_path: Path) -> None:
    RecordStore(store_path).close()  # schema created first, so both savers start from the same file
    each = 30
    processes = [saver(store_path, each, patient, wait=True) for patient in ("PA", "PB")]
    for process in processes:
        wait_ready(process)
    for process in processes:  # both go at once
        assert process.stdin is not None
        process.stdin.write("go\n")
        process.stdin.flush()
    outputs = [process.communicate(timeout=120) for process in processes]
    for process, (_, err) in zip(processes, outputs, strict=True):
        assert process.returncode == 0, err
        assert err == ""
    ids = [[int(line) for line in out.split()] for out, _ in outputs]
    assert sorted(ids[0] + ids[1]) == list(range(1, 2 * each + 1))  # no error, no loss, no duplicate
    with RecordStore(store_path) as store:
        records = store.history()
        assert len(records) == 2 * each
        assert {r.id for r in records if r.patient_id == "PA"} == set(ids[0])
        result = store.verify()
        assert (result.ok, result.count) == (True, 2 * each)
        # one chain: each record's previous hash is exactly the record before it
        assert [r.prev_sha256 for r in records] == [GENESIS] + [r.sha256 for r in records[:-1]]


def test_a_folder_that_cannot_be_created_gives_a_clear_error(tmp_path: Path) -> None:
    # Tests run as root, for whom chmod does not make a folder read-only; a path below a regular file
    # cannot be created by anybody, which is the same situation for the store.
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(StoreError) as caught:
        RecordStore(blocker / "data" / "records.sqlite3")
    message = str(caught.value)
    assert "cannot be opened or created" in message
    assert "Nothing was saved; the calculation on screen is kept" in message
    assert "MSCDOSE_DATA_DIR" in message


def test_a_read_only_database_gives_a_clear_error_and_keeps_nothing_half_done(
        store_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Root ignores file permissions, so the read-only folder is simulated by opening the file through
    # SQLite's read-only mode (`mode=ro`), which makes every write fail exactly as a read-only folder does.
    with RecordStore(store_path) as store:
        store.save(document("P1"))
    monkeypatch.setattr(store_module, "_connect", lambda path: sqlite3.connect(
        f"file:{path}?mode=ro", uri=True, isolation_level=None))
    with RecordStore(store_path) as read_only:
        assert read_only.get(1).patient_id == "P1"  # reading still works
        with pytest.raises(StoreError) as caught:
            read_only.save(document("P2"))
        message = str(caught.value)
        assert "read-only" in message and "Nothing was saved" in message and "MSCDOSE_DATA_DIR" in message
        with pytest.raises(StoreError, match="read-only"):
            read_only.mark_printed(1, True)
    monkeypatch.undo()
    with RecordStore(store_path) as store:
        assert store.count() == 1 and store.verify().ok and store.print_events() == []


def test_a_full_disk_gives_a_clear_error_and_the_store_stays_usable(store: RecordStore) -> None:
    store.save(document("P1"))
    # SQLite's own limit on the file's size stands in for a full disk: the next page cannot be written.
    pages = store._conn.execute("PRAGMA page_count").fetchone()[0]
    store._conn.execute(f"PRAGMA max_page_count = {pages}")
    big = document("P2", patient_name="x" * 20_000)
    with pytest.raises(StoreError) as caught:
        store.save(big)
    assert "disk holding" in str(caught.value) and "is full" in str(caught.value)
    assert "Nothing was saved" in str(caught.value)
    store._conn.execute("PRAGMA max_page_count = 1073741823")
    assert store.count() == 1 and store.verify().ok
    assert store.save(big).id == 2


def v1_layout(path: Path) -> str:
    """A database as the first release (schema version 1) left it, with one record saved by it."""
    doc = document("OLD")
    doc_json = canonical_json(doc)
    header = {"id": 1, "created_at": "2026-01-02T03:04:05.000000+00:00", "app_version": "0.0.9",
              "protocol_id": "NCT03055078", "protocol_version": "1.0", "protocol_sha256": doc["protocol"]["sha256"],
              "patient_id": "OLD", "patient_name": "", "prepared_by": "AB", "checked_by": "", "status": "ok",
              "supersedes": None, "correction_reason": ""}
    digest = record_hash(header, doc_json, GENESIS)
    with closing(raw(path)) as conn:
        for statement in MIGRATIONS[0]:
            conn.execute(statement)
        conn.execute("PRAGMA user_version = 1")
        conn.execute("INSERT INTO records VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     (*header.values(), doc_json, GENESIS, digest))
    return digest


def test_a_version_1_database_is_migrated_and_its_records_still_verify(store_path: Path) -> None:
    old_hash = v1_layout(store_path)
    with closing(raw(store_path)) as conn:
        assert conn.execute("SELECT name FROM sqlite_master WHERE name = 'print_events'").fetchone() is None
    with RecordStore(store_path) as store:
        assert store.schema_version == SCHEMA_VERSION == 6  # 4: users and signatures, 5: bedside checks, 6: sort keys
        assert store.get(1).patient_id == "OLD" and store.get(1).sha256 == old_hash
        store.mark_printed(1, True, "now possible: print events came with version 2")
        new = store.save(document("NEW"))
        assert new.prev_sha256 == old_hash
        assert store.verify().ok and store.verify().count == 2


def test_an_empty_file_is_refused_never_turned_into_an_empty_store(store_path: Path) -> None:
    """Issue 12: a 0-byte records file is what a truncated store looks like; making it a fresh empty store
    would silently start a new chain and lose the audit trail. (Until schema 3 it was given the schema.)"""
    store_path.write_bytes(b"")
    for opener in (RecordStore, RecordStore.open_read_only):
        with pytest.raises(StoreError, match=r"is not a mscdose record store \(the file is empty, 0 bytes\)"):
            opener(store_path)
    assert store_path.read_bytes() == b"" and not Path(f"{store_path}-wal").exists()


def test_a_new_store_never_shows_a_half_made_file(store_path: Path) -> None:
    """A new store is built beside its name and linked into place complete, so no 0-byte file is ever seen."""
    with RecordStore(store_path) as store:
        assert store.schema_version == SCHEMA_VERSION and store.count() == 0
    assert [p.name for p in store_path.parent.iterdir() if p.name.startswith(".")] == []


def test_a_database_from_a_newer_mscdose_is_refused_and_left_alone(store_path: Path) -> None:
    with RecordStore(store_path) as store:
        store.save(document("P1"))
    with closing(raw(store_path)) as conn:
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    before = store_path.read_bytes()
    with pytest.raises(StoreError) as caught:
        RecordStore(store_path)
    message = str(caught.value)
    assert f"newer mscdose (schema version {SCHEMA_VERSION + 1}" in message
    assert "It was not changed" in message
    assert store_path.read_bytes() == before
    assert not Path(f"{store_path}-wal").exists()


@pytest.mark.parametrize("content", [b"this is a text file, not a database" * 100, None])
def test_a_file_of_another_kind_is_refused(store_path: Path, content: bytes | None) -> None:
    if content is None:  # another program's SQLite database
        with closing(raw(store_path)) as conn:
            conn.execute("CREATE TABLE patients (id TEXT)")
    else:
        store_path.write_bytes(content)
    with pytest.raises(StoreError, match=r"is not a mscdose record store \((it is not an SQLite|an SQLite database "
                                              r"of another program)"):
        RecordStore(store_path)


def test_a_long_write_lock_held_elsewhere_is_a_clear_busy_error(store: RecordStore, store_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    store._conn.execute("PRAGMA busy_timeout = 50")  # do not wait 15 s in a test
    with closing(raw(store_path)) as other:
        other.execute("BEGIN IMMEDIATE")
        with pytest.raises(StoreError, match=r"is busy .*try again"):
            store.save(document("P1"))
        other.execute("ROLLBACK")
    assert store.save(document("P1")).id == 1
