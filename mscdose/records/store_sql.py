"""The record store's shared SQL and row helpers: its column lists, ids, timestamps, the history filter and
one read snapshot.

Why a module of its own: RecordStore's parts (store.py: opening, transactions and reading; store_writing.py:
the writes; store_audit.py: verify) all speak the same SQL. The column list a record is inserted with is the
one it is read back with, the id a write hashes is the one AUTOINCREMENT would give, and the timestamp text
is the one the history filter compares with; each is written once, here, so the parts cannot drift apart.
Nothing here holds a connection or a RecordStore: plain functions of a connection and values.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from datetime import UTC, date, datetime, time
from typing import Any

from mscdose.core.identifiers import canonical_key

MAX_ID = 2**63 - 1
_RECORD_COLUMNS = (
    "id, created_at, app_version, protocol_id, protocol_version, protocol_sha256, patient_id, patient_name, "
    "prepared_by, checked_by, status, supersedes, correction_reason, document, prev_sha256, sha256"
)
_SELECT_RECORDS = (
    f"SELECT {_RECORD_COLUMNS}, "
    "EXISTS (SELECT 1 FROM print_events p WHERE p.record_id = records.id AND p.ok = 1 "
    "AND p.detail NOT LIKE 'label%') AS printed, "
    "(SELECT MIN(s.id) FROM records s WHERE s.supersedes = records.id) AS superseded_by, "
    "(SELECT l.sha256 FROM ledger l WHERE l.kind = 'record' AND l.ref = records.id) AS chain_head "
    "FROM records"
)
_DAMAGE = (ValueError, TypeError, KeyError, OverflowError, AttributeError, ArithmeticError, UnicodeError)


def _timestamp(moment: datetime) -> str:
    """Fixed-width UTC ISO text, so that text order is time order in SQL comparisons."""
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


@contextlib.contextmanager
def _one_snapshot(conn: sqlite3.Connection) -> Iterator[None]:
    """One read transaction around several statements: they all see the store as it was at the first one,
    whatever other programs save meanwhile. Nothing is written, so it always ends with ROLLBACK."""
    if not isinstance(conn, sqlite3.Connection) or conn.in_transaction:
        yield  # PostgreSQL: every read is already one REPEATABLE READ transaction (postgres/store.py)
        return
    conn.execute("BEGIN")
    try:
        yield
    finally:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("ROLLBACK")


def _sequence(conn: sqlite3.Connection, table: str) -> int:
    row = conn.execute("SELECT seq FROM sqlite_sequence WHERE name = ?", (table,)).fetchone()
    return int(row[0]) if row else 0


def _next_id(conn: sqlite3.Connection, table: str, last_id: int) -> int:
    """The id AUTOINCREMENT would give; known before the insert because the hash covers it."""
    last = last_id or (conn.execute(f"SELECT MAX(id) FROM {table}").fetchone()[0] or 0)
    return max(_sequence(conn, table), last) + 1


def _history_where(patient_id: str | None, since: date | datetime | None) -> tuple[str, list[Any]] | None:
    """The WHERE clause (and its parameters) of `iter_history`'s filters; None when no record can match."""
    clauses: list[str] = []
    params: list[Any] = []
    if patient_id is not None and patient_id.strip():
        clauses.append("id IN (SELECT record_id FROM record_keys WHERE patient_key = ?)")
        params.append(canonical_key(patient_id))
    if since is not None:
        bound = _lower_bound(since)
        if bound is None:
            return None
        if bound:
            clauses.append("created_at >= ?")
            params.append(bound)
    return ("WHERE " + " AND ".join(clauses)) if clauses else "", params


def _lower_bound(since: date | datetime) -> str | None:
    """`created_at >= bound` text for `since`; "" for no bound (before any record), None for after any."""
    try:
        if isinstance(since, datetime):
            moment = since if since.tzinfo else since.astimezone()
        else:
            moment = datetime.combine(since, time.min).astimezone()
        return _timestamp(moment)
    except (OverflowError, ValueError, OSError):
        return "" if since.year < 5000 else None
