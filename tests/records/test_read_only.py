"""Issue 12: reading never changes what it reads, and never makes a store where there was none."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
from contextlib import closing
from datetime import date
from pathlib import Path

import pytest

from mscdose.records.schema import SCHEMA_VERSION
from mscdose.records.store import RecordStore, StoreError
from tests.records.helpers import document, raw
from tests.records.test_reliability import v1_layout


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def every_read(store: RecordStore, tmp_path: Path) -> None:
    store.verify()
    store.history()
    store.history("P1", since=date(2000, 1, 1))
    store.get(1)
    store.print_events()
    store.approved_protocols()
    store.anchor_line()
    store.integrity_problems()
    store.export_csv(tmp_path / "out" / "export.csv")


@pytest.fixture
def filled(store_path: Path) -> Path:
    with RecordStore(store_path) as store:
        for n in (1, 2, 3):
            store.save(document(f"P{n}"))
        store.mark_printed(1, True, "w.pdf")
    return store_path


def test_reading_a_backup_leaves_it_byte_for_byte_the_same(filled: Path, tmp_path: Path) -> None:
    backup = tmp_path / "backups" / "records-backup.sqlite3"
    with RecordStore(filled) as store:
        assert store.backup(backup) == 3
    before = sha(backup)
    with RecordStore.open_read_only(backup) as store:
        every_read(store, tmp_path)
        assert store.verify().ok and store.verify().count == 3
    assert RecordStore.check_backup(backup).ok
    assert sha(backup) == before
    assert sorted(p.name for p in backup.parent.iterdir()) == ["records-backup.sqlite3"]  # no -wal, no -shm


def test_reading_a_read_only_copy_uses_immutable_and_changes_nothing(filled: Path, tmp_path: Path) -> None:
    copy = tmp_path / "cd" / "records.sqlite3"
    copy.parent.mkdir()
    shutil.copy(filled, copy)
    copy.chmod(0o444)
    before = sha(copy)
    with RecordStore.open_read_only(copy) as store:
        every_read(store, tmp_path)
        assert store.verify().count == 3
    assert sha(copy) == before
    assert sorted(p.name for p in copy.parent.iterdir()) == ["records.sqlite3"]


def test_reading_the_live_store_while_it_is_open_changes_nothing(filled: Path, tmp_path: Path) -> None:
    before = sha(filled)
    with RecordStore(filled) as writer, RecordStore.open_read_only(filled) as reader:
        every_read(reader, tmp_path)
        with pytest.raises(StoreError, match="opened read-only"):
            reader.save(document("P9"))
        assert writer.count() == 3
    assert sha(filled) == before


def test_an_older_schema_is_upgraded_in_memory_only(store_path: Path, tmp_path: Path) -> None:
    old_hash = v1_layout(store_path)
    before = sha(store_path)
    with RecordStore.open_read_only(store_path) as store:
        assert store.migrated_in_memory and store.schema_version == SCHEMA_VERSION
        report = store.verify()
        assert (report.ok, report.count, report.last_sha256) == (True, 1, old_hash)
        assert store.get(1).patient_id == "OLD"
    assert sha(store_path) == before
    with closing(raw(store_path)) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    with RecordStore(store_path) as store:  # a real migration gives the very same ledger head
        migrated = store.verify()
    assert migrated.ok and migrated.head == report.head


@pytest.mark.parametrize("content", [b"", b"hello, not a database" * 50, b"SQLite format 3\x00" + b"\x00" * 100])
def test_an_empty_or_foreign_file_is_not_a_store_and_is_not_changed(store_path: Path, content: bytes) -> None:
    store_path.write_bytes(content)
    for opener in (RecordStore.open_read_only, RecordStore.check_backup):
        with pytest.raises(StoreError, match=r"not (a|an) mscdose record (store|database)"):
            opener(store_path)
    assert store_path.read_bytes() == content
    assert sorted(p.name for p in store_path.parent.iterdir()) == ["records.sqlite3"]


def test_another_program_s_sqlite_file_is_not_a_store(store_path: Path) -> None:
    with closing(sqlite3.connect(store_path)) as conn:
        conn.execute("CREATE TABLE patients (id TEXT)")
    before = sha(store_path)
    with pytest.raises(StoreError, match=r"is not a mscdose record store .an SQLite database of another program"):
        RecordStore.open_read_only(store_path)
    assert sha(store_path) == before


def test_a_missing_file_or_folder_is_never_created_by_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    missing = tmp_path / "nowhere" / "records.sqlite3"
    with pytest.raises(StoreError, match=r"There is no record database at .*MSCDOSE_DATA_DIR"):
        RecordStore.open_read_only(missing)
    monkeypatch.setenv("MSCDOSE_DATA_DIR", str(tmp_path / "site"))
    with pytest.raises(StoreError, match="There is no record database"):
        RecordStore.open_read_only()
    assert os.listdir(tmp_path) == []


def test_a_wal_without_its_database_is_named(filled: Path) -> None:
    with RecordStore(filled) as store:  # keep the -wal file by holding a connection while copying
        store.save(document("P4"))
        shutil.copy(f"{filled}-wal", f"{filled}.keep-wal")
    os.replace(f"{filled}.keep-wal", f"{filled}-wal")
    filled.unlink()
    for opener in (RecordStore.open_read_only, RecordStore):
        with pytest.raises(StoreError, match="is missing but its write-ahead log"):
            opener(filled)
    assert not filled.exists()


def test_unusual_arguments_do_not_crash(filled: Path) -> None:
    with RecordStore.open_read_only(filled) as store:
        with pytest.raises(StoreError, match="There is no record 99999999999999999999999"):
            store.get(99999999999999999999999)
        with pytest.raises(StoreError, match="There is no record -1"):
            store.get(-1)
        assert [r.id for r in store.history(since=date(1, 1, 1))] == [1, 2, 3]
        assert store.history(since=date(9999, 12, 31)) == []
        assert store.print_events(99999999999999999999999) == []
