"""Copying a chain between the back ends, row for row, so every id, time and hash stays what it was.

`migrate_sqlite(source, target)` (`mscdose db migrate --from FILE.sqlite3`): a workstation's file into an empty
shared store. The source must verify first; the copy is inserted in ONE transaction holding the chain lock,
verified inside that transaction (same walk, same head and number of entries as the source) and only then
committed, so a copy that would not verify is never committed (and, the store being append-only, could never
be taken out again). Refused into a store that already has entries: two chains cannot be merged without
rewriting one of them.

`backup_to_sqlite(store, path)`: the reverse, for `backup`: a snapshot of the shared store as an SQLite
record file that opens and verifies anywhere with the same head.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mscdose.records.errors import StoreError
from mscdose.records.postgres.ddl import TABLES
from mscdose.records.verify import VerifyReport, verify_connection

if TYPE_CHECKING:
    from mscdose.records.postgres.connection import Dialect
    from mscdose.records.postgres.store import PostgresStore


class SourceDoesNotVerify(StoreError):
    """The workstation's file fails its own verify: nothing is copied from it."""


@dataclass(frozen=True)
class Migration:
    rows: dict[str, int]
    before: VerifyReport
    after: VerifyReport


def _columns(sqlite_conn: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in sqlite_conn.execute(f"PRAGMA table_info({table})")]


def migrate_sqlite(source: Path, target: PostgresStore) -> Migration:
    from mscdose.records.store import RecordStore

    with RecordStore.open_read_only(source, anchor_file=None) as copy:
        copy.anchor_file = None  # the site's anchor file speaks of the shared store, not this file
        before = copy.verify()
        if not before.ok:
            raise SourceDoesNotVerify(f"Not migrated: {source} does not verify ({before.problem}). Nothing was copied; "
                             "investigate the file first (`mscdose audit verify --database FILE`).")
        src = copy._conn  # the read-only (possibly migrated-in-memory) SQLite connection
        tables = [t for t in TABLES if src.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                                                   (t,)).fetchone()]
        rows: dict[str, int] = {}
        with target._write("copy the records into the shared store") as conn:
            if conn.execute("SELECT 1 FROM ledger LIMIT 1").fetchone() is not None:
                raise StoreError(f"Not migrated: the shared store {target.path} already has entries. A chain can "
                                 "only be copied into an empty store (merging two would rewrite one of them). "
                                 "Nothing was copied.")
            for table in tables:
                columns = _columns(src, table)
                data = src.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY 1").fetchall()
                if data:
                    placeholders = ", ".join(["%s"] * len(columns))
                    with conn.pg.cursor() as cursor:
                        cursor.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({placeholders})",
                                           data)
                rows[table] = len(data)
            inside = verify_connection(conn, [])
            if not inside.ok or (inside.entries, inside.head) != (before.entries, before.head):
                why = inside.problem or (f"head {inside.head[:12]} after {inside.entries} entries, the file has "
                                         f"{before.head[:12]} after {before.entries}")
                raise StoreError(f"Not migrated: the copy did not verify inside the shared store ({why}). "
                                 "Nothing was committed.")
    after = target.verify()
    return Migration(rows, before, after)


def backup_to_sqlite(store: PostgresStore, target: Path) -> int:
    """A verified SQLite copy of one snapshot of the shared store; returns the records copied."""
    from mscdose.records.opening import create_new
    from mscdose.records.store import RecordStore, _connect

    temporary = target.with_name(f".{target.name}.partial")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary.unlink(missing_ok=True)
        create_new(temporary, _connect)  # an empty store of the current SQLite schema
        out = sqlite3.connect(temporary, isolation_level=None)
        try:
            out.execute("BEGIN")
            out.execute("PRAGMA defer_foreign_keys = ON")
            with store._reading("copy the shared store") as conn:  # one snapshot for every table
                for table in ("records", "print_events", "ledger", "record_keys", "protocol_approvals",
                              "user_events", "signatures", "bedside_checks"):
                    _copy_out(conn, out, table)
            out.execute("COMMIT")
            out.execute("PRAGMA journal_mode = DELETE")
        finally:
            out.close()
        report = RecordStore.check_backup(temporary)
        if not report.ok:
            raise StoreError(f"The backup was not written: the copy does not verify ({report.problem}).")
        os.replace(temporary, target)
    except (sqlite3.Error, OSError) as error:
        raise StoreError(f"Could not write the backup {target}: {error}. Nothing was written under that name.") \
            from None
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
    return report.count


def _copy_out(conn: Dialect, out: sqlite3.Connection, table: str) -> None:
    """One table's rows, ids as they are (SQLite's AUTOINCREMENT counter follows explicit ids itself)."""
    columns = _columns(out, table)
    data: list[tuple[Any, ...]] = conn.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY 1").fetchall()
    if data:
        out.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})", data)
