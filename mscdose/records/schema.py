"""The database layout, versioned with `PRAGMA user_version` and a list of migrations.

Migration N (1-based) brings a database from version N-1 to N. A database is only ever moved forward,
inside one `BEGIN IMMEDIATE` transaction, so two programs opening it at once cannot both migrate it.
Old records are never rewritten: their hashes must keep verifying after any migration.

Version 1: the records table and its append-only triggers.
Version 2: print events (a record's "was a worksheet printed" is a log of events, never an UPDATE), and
           indexes for the history view's lookups by patient and date.
Version 3: the ledger (one hash chain over records, print events and approvals, see ledger.py), the
           canonical keys of each record's patient, protocol, lot and DIN (record_keys, for the
           one-infusion and same-lot checks), and protocol approvals. Existing records and print events get
           their ledger entries and keys by INSERTs only; no old row is rewritten.
Version 4 (issue 14, users.py): user accounts as append-only events (added, disabled, password changed,
           failed sign-in, locked, unlocked) and electronic signatures of records (prepared, checked, a
           blind-check mismatch), each a ledger entry of kind "user" or "signature". No old row changes.
Version 5: bedside checks (records/bedside.py), ledger kind "bedside" (issue 13).
Version 6 (issue 18, records/summaries.py): `record_summaries`, History's document columns (volume to draw,
           dose delivered, lot / DIN) as indexed sort keys, one row a record, filled for existing records by
           INSERTs only and for each new record in its save's transaction. Not hashed: derived, like an index.

A migration step is an SQL statement or a function of the connection (for steps that need Python, such as
hashing). A PostgreSQL back end would keep its own DDL but the same tables, columns and hash rules.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from mscdose.core.identifiers import canonical_key, lot_key
from mscdose.records import bedside as _bedside  # issue 13: migration 5
from mscdose.records import summaries as _summaries  # issue 18: migration 6
from mscdose.records.ledger import backfill

APPLICATION_ID = 0x4D534344  # "MSCD": marks the file as an mscdose record database

_APPEND_ONLY = """
CREATE TRIGGER {table}_no_{verb} BEFORE {event} ON {table}
BEGIN SELECT RAISE(ABORT, '{table} are append-only: {why}'); END
"""


def _append_only(table: str, why_update: str, why_delete: str) -> list[str]:
    return [
        _APPEND_ONLY.format(table=table, verb="update", event="UPDATE", why=why_update),
        _APPEND_ONLY.format(table=table, verb="delete", event="DELETE", why=why_delete),
    ]


def record_keys(patient_id: str, protocol_id: str, lot_number: str, din: str) -> tuple[str, str, str, str]:
    return canonical_key(patient_id), canonical_key(protocol_id), lot_key(lot_number), lot_key(din)


def document_lots(document_json: str) -> tuple[str, str]:
    import json

    try:
        document = json.loads(document_json)
        inputs = document.get("inputs") or {}
        return str(document.get("lot_number") or ""), str(inputs.get("din") or "")
    except (ValueError, AttributeError, TypeError):
        return "", ""  # a damaged document gets empty lot keys; verify names the damage


def _backfill_keys(conn: sqlite3.Connection) -> None:
    for record_id, patient_id, protocol_id, document_json in conn.execute(
            "SELECT id, patient_id, protocol_id, document FROM records ORDER BY id").fetchall():
        conn.execute("INSERT INTO record_keys VALUES (?, ?, ?, ?, ?)",
                     (record_id, *record_keys(patient_id, protocol_id, *document_lots(document_json))))


Step = str | Callable[[sqlite3.Connection], None]

MIGRATIONS: list[list[Step]] = [
    # 1: records
    [
        f"PRAGMA application_id = {APPLICATION_ID}",
        """
        CREATE TABLE records (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            created_at TEXT NOT NULL,
            app_version TEXT NOT NULL,
            protocol_id TEXT NOT NULL,
            protocol_version TEXT NOT NULL,
            protocol_sha256 TEXT NOT NULL,
            patient_id TEXT NOT NULL,
            patient_name TEXT NOT NULL,
            prepared_by TEXT NOT NULL,
            checked_by TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('ok', 'warning')),
            supersedes INTEGER REFERENCES records(id),
            correction_reason TEXT NOT NULL,
            document TEXT NOT NULL,
            prev_sha256 TEXT NOT NULL,
            sha256 TEXT NOT NULL UNIQUE
        )
        """,
        *_append_only("records", "a correction is a new record that supersedes the old one",
                      "records are never deleted"),
    ],
    # 2: print events, lookup indexes
    [
        """
        CREATE TABLE print_events (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            record_id INTEGER NOT NULL REFERENCES records(id),
            at TEXT NOT NULL,
            ok INTEGER NOT NULL CHECK (ok IN (0, 1)),
            detail TEXT NOT NULL,
            prev_sha256 TEXT NOT NULL,
            sha256 TEXT NOT NULL UNIQUE
        )
        """,
        *_append_only("print_events", "a new print is a new event", "print events are never deleted"),
        "CREATE INDEX records_by_patient ON records (patient_id COLLATE NOCASE, id)",
        "CREATE INDEX records_by_time ON records (created_at)",
        "CREATE INDEX records_by_supersedes ON records (supersedes)",
        "CREATE INDEX print_events_by_record ON print_events (record_id)",
    ],
    # 3: one ledger over every kind of entry, canonical keys, protocol approvals
    [
        """
        CREATE TABLE ledger (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            kind TEXT NOT NULL,
            ref INTEGER NOT NULL,
            item_sha256 TEXT NOT NULL,
            prev_sha256 TEXT NOT NULL,
            sha256 TEXT NOT NULL UNIQUE,
            UNIQUE (kind, ref)
        )
        """,
        *_append_only("ledger", "the ledger only grows", "ledger entries are never deleted"),
        """
        CREATE TABLE record_keys (
            record_id INTEGER PRIMARY KEY REFERENCES records(id),
            patient_key TEXT NOT NULL,
            protocol_key TEXT NOT NULL,
            lot_key TEXT NOT NULL,
            din_key TEXT NOT NULL
        )
        """,
        *_append_only("record_keys", "keys follow their record", "keys follow their record"),
        "CREATE INDEX record_keys_by_patient ON record_keys (patient_key, protocol_key)",
        """
        CREATE TABLE protocol_approvals (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            protocol_id TEXT NOT NULL,
            protocol_key TEXT NOT NULL,
            version TEXT NOT NULL,
            protocol_sha256 TEXT NOT NULL,
            approved_by TEXT NOT NULL,
            at TEXT NOT NULL,
            reason TEXT NOT NULL,
            sha256 TEXT NOT NULL UNIQUE,
            UNIQUE (protocol_key, version)
        )
        """,
        *_append_only("protocol_approvals", "a new approval is a new protocol version",
                      "approvals are never deleted"),
        _backfill_keys,
        backfill,
    ],
    # 4 (issue 14): user accounts and electronic signatures, both append-only and in the ledger (users.py)
    [
        """
        CREATE TABLE user_events (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            user_id TEXT NOT NULL,
            user_key TEXT NOT NULL,
            event TEXT NOT NULL,
            at TEXT NOT NULL,
            by_user TEXT NOT NULL,
            detail TEXT NOT NULL,
            sha256 TEXT NOT NULL UNIQUE
        )
        """,
        *_append_only("user_events", "a change to a user is a new event", "user events are never deleted"),
        "CREATE INDEX user_events_by_user ON user_events (user_key, id)",
        """
        CREATE TABLE signatures (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            record_id INTEGER NOT NULL REFERENCES records(id),
            meaning TEXT NOT NULL,
            user_id TEXT NOT NULL,
            printed_name TEXT NOT NULL,
            initials TEXT NOT NULL,
            at TEXT NOT NULL,
            detail TEXT NOT NULL,
            sha256 TEXT NOT NULL UNIQUE
        )
        """,
        *_append_only("signatures", "a signature is never changed", "signatures are never deleted"),
        "CREATE INDEX signatures_by_record ON signatures (record_id, id)",
    ],
    # --- 5 (issue 13, identity2): bedside checks, one append-only hashed table chained in the ledger ---
    _bedside.MIGRATION,
    # --- end 5 ---
    # 6 (issue 18): History's sort keys (records/summaries.py)
    _summaries.MIGRATION_6,
]

SCHEMA_VERSION = len(MIGRATIONS)
