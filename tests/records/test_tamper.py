"""`verify()` and `mscdose audit verify` catch a changed byte, a deleted row and swapped rows.

A tamperer with the file drops the append-only triggers first (helpers.drop_append_only_triggers), then
edits with plain SQL: exactly what these tests do.
"""

from __future__ import annotations

import hashlib
import json
from contextlib import closing
from pathlib import Path

import pytest

from mscdose.cli import main
from mscdose.records.store import RecordStore
from tests.records.helpers import document, drop_append_only_triggers, raw


@pytest.fixture
def five(store_path: Path) -> Path:
    """Five records (patients P1..P5) and one print event of record 2, then the store closed."""
    with RecordStore(store_path) as store:
        for n in range(1, 6):
            store.save(document(f"P{n}"))
        store.mark_printed(2, True, "worksheet.pdf")
        assert store.verify().ok
    drop_append_only_triggers(store_path)
    return store_path


def report(path: Path):  # type: ignore[no-untyped-def]
    with RecordStore(path) as store:
        return store.verify()


def test_an_untouched_chain_verifies(five: Path) -> None:
    result = report(five)
    assert (result.ok, result.count, result.first_bad_id, result.print_events) == (True, 5, None, 1)


def test_one_changed_byte_of_a_stored_result_is_named(five: Path) -> None:
    with closing(raw(five)) as conn:
        stored = conn.execute("SELECT document FROM records WHERE id = 3").fetchone()[0]
        assert '"volume_to_draw_ml":32.6}' in stored
        changed = stored.replace('"volume_to_draw_ml":32.6}', '"volume_to_draw_ml":33.6}')
        assert sum(a != b for a, b in zip(stored, changed, strict=True)) == 1
        conn.execute("UPDATE records SET document = ? WHERE id = 3", (changed,))
    result = report(five)
    assert (result.ok, result.first_bad_id, result.count) == (False, 3, 2)
    assert "record 3 was changed" in result.problem


def test_a_changed_searchable_column_is_named(five: Path) -> None:
    with closing(raw(five)) as conn:
        conn.execute("UPDATE records SET patient_id = 'P9' WHERE id = 4")
    assert (report(five).ok, report(five).first_bad_id) == (False, 4)


def test_a_deleted_row_is_named(five: Path) -> None:
    with closing(raw(five)) as conn:
        conn.execute("DELETE FROM records WHERE id = 3")
    result = report(five)
    assert (result.ok, result.first_bad_id) == (False, 3)
    assert "record 3 is missing" in result.problem


def test_a_deleted_last_row_is_named(five: Path) -> None:
    with closing(raw(five)) as conn:
        conn.execute("DELETE FROM records WHERE id = 5")
    result = report(five)
    assert (result.ok, result.first_bad_id, result.count) == (False, 5, 4)


def test_two_swapped_rows_are_named(five: Path) -> None:
    columns = ("created_at, app_version, protocol_id, protocol_version, protocol_sha256, patient_id, patient_name, "
               "prepared_by, checked_by, status, supersedes, correction_reason, document, prev_sha256, sha256")
    with closing(raw(five)) as conn:
        two = conn.execute(f"SELECT {columns} FROM records WHERE id = 2").fetchone()
        four = conn.execute(f"SELECT {columns} FROM records WHERE id = 4").fetchone()
        assignments = ", ".join(f"{c.strip()} = ?" for c in columns.split(","))
        conn.execute("UPDATE records SET sha256 = 'free-' || id WHERE id IN (2, 4)")  # sha256 is UNIQUE
        conn.execute(f"UPDATE records SET {assignments} WHERE id = 2", four)
        conn.execute(f"UPDATE records SET {assignments} WHERE id = 4", two)
        assert conn.execute("SELECT patient_id FROM records ORDER BY id").fetchall() == [
            ("P1",), ("P4",), ("P3",), ("P2",), ("P5",)]
    result = report(five)
    assert (result.ok, result.first_bad_id) == (False, 2)


def test_a_forger_who_rehashes_the_changed_row_is_caught_at_the_next_one(five: Path) -> None:
    """Recomputing record 3's own hash hides the change from record 3 but breaks record 4's link."""
    with closing(raw(five)) as conn:
        names = [d[1] for d in conn.execute("PRAGMA table_info(records)").fetchall()]
        row = dict(zip(names, conn.execute("SELECT * FROM records WHERE id = 3").fetchone(), strict=True))
        row["patient_name"] = "Forged"  # not a key column: the record's own hash is all that covers it
        fields = ("id", "created_at", "app_version", "protocol_id", "protocol_version", "protocol_sha256",
                  "patient_id", "patient_name", "prepared_by", "checked_by", "status", "supersedes",
                  "correction_reason")
        content = {k: row[k] for k in fields}
        content["document_sha256"] = hashlib.sha256(row["document"].encode()).hexdigest()
        content["prev_sha256"] = row["prev_sha256"]
        forged = hashlib.sha256(json.dumps(content, sort_keys=True, separators=(",", ":"),
                                           ensure_ascii=False).encode()).hexdigest()
        conn.execute("UPDATE records SET patient_name = 'Forged', sha256 = ? WHERE id = 3", (forged,))
    result = report(five)
    assert (result.ok, result.first_bad_id) == (False, 4)
    assert "does not follow on from record 3" in result.problem


def test_a_changed_print_event_is_named_by_its_record(five: Path) -> None:
    with closing(raw(five)) as conn:
        conn.execute("UPDATE print_events SET ok = 0")
    result = report(five)
    assert (result.ok, result.first_bad_id, result.count) == (False, 2, 5)
    assert "print event 1 of record 2" in result.problem


def test_a_deleted_print_event_is_caught(five: Path) -> None:
    with closing(raw(five)) as conn:
        conn.execute("DELETE FROM print_events")
    result = report(five)
    assert result.ok is False and "print event" in result.problem


def test_audit_verify_exits_0_with_a_count(five: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit", "verify", "--database", str(five)]) == 0
    assert "Audit OK: 5 records and 1 print event" in capsys.readouterr().out


def test_audit_verify_exits_1_naming_the_first_bad_record(five: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with closing(raw(five)) as conn:
        conn.execute("DELETE FROM records WHERE id = 2")
    assert main(["audit", "verify", "--database", str(five)]) == 1
    err = capsys.readouterr().err
    assert "Audit FAILED at record 2: record 2 is missing" in err
    assert "Traceback" not in err


def test_audit_verify_also_catches_a_damaged_file_whose_chain_still_reads(
        five: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Garbage written into an index page (a disk fault) leaves the records readable, so the chain
    verifies, but SQLite's integrity check fails, and so does the audit."""
    with closing(raw(five)) as conn:
        conn.execute("PRAGMA journal_mode = DELETE")  # everything in the main file, no -wal beside it
        page = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'records_by_time'").fetchone()[0]
        size = conn.execute("PRAGMA page_size").fetchone()[0]
    with open(five, "r+b") as handle:
        handle.seek(page * size - 200)  # the end of the index's root page, where its cells live
        handle.write(b"\x00garbage\xff" * 16)
    assert report(five).ok  # the hash chain alone cannot see this
    assert main(["audit", "verify", "--database", str(five)]) == 1
    err = capsys.readouterr().err
    assert "Audit FAILED: the database file is damaged" in err and "Traceback" not in err
