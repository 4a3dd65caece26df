"""Builders shared by the records tests: documents from real engine results, raw SQL access for tampering."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from mscdose.core.overrides import Override
from mscdose.records import verify_walk
from mscdose.records.store import RecordStore
from tests.worked_example import WORKED_TEXTS, build_document

# domain.md worked example: Cv 4.6 million/mL, V 32.6 mL, Dd 149.96 million cells, diluent 67.4 mL, 33 gtt/min
WORKED = dict(WORKED_TEXTS)


def document(patient_id: str = "P1", *, prepared_by: str = "AB", overrides: tuple[Override, ...] = (),
             lot_number: str = "", patient_name: str = "", **changes: str) -> dict[str, Any]:
    return build_document({**WORKED, **changes}, patient_id=patient_id, patient_name=patient_name,
                          prepared_by=prepared_by, lot_number=lot_number, overrides=overrides)


def raw(path: Path) -> sqlite3.Connection:
    """A plain connection that bypasses the store (as someone editing the file would)."""
    return sqlite3.connect(path, isolation_level=None)


def drop_append_only_triggers(path: Path) -> None:
    """What a tamperer with the file in hand would do first; verify() must still catch what follows."""
    with closing(raw(path)) as conn:
        drop_every_trigger(conn)


APPEND_ONLY_TABLES = ("records", "print_events", "ledger", "record_keys", "protocol_approvals")


def drop_every_trigger(conn: sqlite3.Connection) -> None:
    for table in APPEND_ONLY_TABLES:
        conn.execute(f"DROP TRIGGER IF EXISTS {table}_no_update")
        conn.execute(f"DROP TRIGGER IF EXISTS {table}_no_delete")


def rehash_everything(path: Path) -> None:
    """What a forger who knows the documented hash rules does after editing rows: recompute every record,
    print event and approval hash, rebuild the ledger and the record keys, and set sqlite_sequence to match,
    so that the file on its own is perfectly consistent. Only an anchor kept elsewhere can catch this."""
    from mscdose.records.canonical import GENESIS, RECORD_FIELDS, approval_hash, print_event_hash, record_hash
    from mscdose.records.ledger import append_entry, backfill
    from mscdose.records.schema import document_lots, record_keys

    with closing(raw(path)) as conn:
        drop_every_trigger(conn)
        conn.execute("BEGIN")
        prev = GENESIS
        columns = ", ".join(RECORD_FIELDS)
        for row in conn.execute(f"SELECT {columns}, document FROM records ORDER BY id").fetchall():
            header = dict(zip(RECORD_FIELDS, row[:-1], strict=True))
            digest = record_hash(header, row[-1], prev)
            conn.execute("UPDATE records SET prev_sha256 = ?, sha256 = ? WHERE id = ?", (prev, digest, header["id"]))
            prev = digest
        conn.execute("DELETE FROM record_keys")
        for rid, patient, protocol, doc in conn.execute(
                "SELECT id, patient_id, protocol_id, document FROM records").fetchall():
            conn.execute("INSERT INTO record_keys VALUES (?, ?, ?, ?, ?)",
                         (rid, *record_keys(patient, protocol, *document_lots(doc))))
        prev = GENESIS
        for row in conn.execute("SELECT id, record_id, at, ok, detail FROM print_events ORDER BY id").fetchall():
            event = dict(zip(("id", "record_id", "at", "ok", "detail"), row, strict=True))
            digest = print_event_hash(event, prev)
            conn.execute("UPDATE print_events SET prev_sha256 = ?, sha256 = ? WHERE id = ?", (prev, digest, row[0]))
            prev = digest
        names = ("id", "protocol_id", "version", "protocol_sha256", "approved_by", "at", "reason")
        for row in conn.execute(f"SELECT {', '.join(names)} FROM protocol_approvals").fetchall():
            conn.execute("UPDATE protocol_approvals SET sha256 = ? WHERE id = ?",
                         (approval_hash(dict(zip(names, row, strict=True))), row[0]))
        conn.execute("DELETE FROM ledger")
        conn.execute("DELETE FROM sqlite_sequence")
        backfill(conn)  # records and print events in time order
        for aid, sha in conn.execute("SELECT id, sha256 FROM protocol_approvals ORDER BY id").fetchall():
            append_entry(conn, "approval", aid, sha)  # approvals last: good enough for a forgery
        for table in ("records", "print_events", "protocol_approvals"):
            top = conn.execute(f"SELECT MAX(id) FROM {table}").fetchone()[0]
            if top:
                conn.execute("INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)", (table, top))
        conn.execute("COMMIT")


def fast_and_original_verdicts(path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Any, Any]:
    """verify() of the store as it runs (its fast path where a record allows), and again with every record
    checked the original way: the two must agree on any store (issue 18's fast paths only ever accept)."""
    with RecordStore.open_read_only(path) as store:
        fast = store.verify()
        with monkeypatch.context() as patched:
            patched.setattr(verify_walk, "plainly_final", lambda *args: False)  # every record the original way
            original = store.verify()
    return fast, original


def save_history_records(store: RecordStore) -> None:
    """History's usual three records: 1 P1 (superseded by 3), 2 P2 warning with an override, 3 P1 correction
    (shared by the English and the Chinese History tests)."""
    store.save(document("P1", patient_name="Ana Li", lot_number="L-7"))
    store.save(document("P2", prepared_by="CD", weight="25 kg", dose="120 million cells",
                        concentration="15 million cells/mL",
                        overrides=(Override("WEIGHT_UNUSUAL", "small adult weighed on the ward scale", "CD"),)))
    store.save(document("P1", patient_name="Ana Li", lot_number="L-7"), supersedes=1,
               correction_reason="checked by was missing")


def bedside_store(path: Path) -> Path:
    """One record for patient AA-014 whose bag carries DIN G123498654321H (the bedside window's tests)."""
    with RecordStore(path) as store:
        store.save(document("AA-014", din="G123498654321H"))
    return path
