"""The database layout, versioned with `PRAGMA user_version` and a list of migrations.

Migration N (1-based) brings a database from version N-1 to N. A database is only ever moved forward,
inside one `BEGIN IMMEDIATE` transaction, so two programs opening it at once cannot both migrate it.
Old records are never rewritten: their hashes must keep verifying after any migration.

Version 1: the records table and its append-only triggers.
Version 2: print events (a record's "was a worksheet printed" is a log of events, never an UPDATE), and
           indexes for the history view's lookups by patient and date.
"""

from __future__ import annotations

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


MIGRATIONS: list[list[str]] = [
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
]

SCHEMA_VERSION = len(MIGRATIONS)
