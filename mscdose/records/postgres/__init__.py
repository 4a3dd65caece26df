"""The shared record store on PostgreSQL (issue 17): one record for every workstation of a clinic.

SQLite stays the embedded default for a single workstation (a SQLite file on a network share is not safe:
its locks do not hold over SMB/NFS). A clinic sets `MSCDOSE_DATABASE_URL=postgresql://...`; then every
workstation saves into, and checks against, the same chain. Nothing else changes: `PostgresStore` is a
`RecordStore` (store.py), set up once by a DBA (ddl.py, `mscdose db init --print-sql`), filled from a
workstation's file by `mscdose db migrate --from FILE.sqlite3` (copying.py).

psycopg is imported only when PostgreSQL is configured, so a workstation without it is unaffected.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mscdose.records.store import RecordStore

DATABASE_URL_ENV = "MSCDOSE_DATABASE_URL"


def database_url() -> str | None:
    """The configured shared store URL (MSCDOSE_DATABASE_URL), or None for the embedded SQLite store."""
    value = os.environ.get(DATABASE_URL_ENV, "").strip()
    return value or None


def is_postgres_url(value: str) -> bool:
    return value.strip().lower().startswith(("postgresql://", "postgres://"))


def open_record_store(path: object = None, *, read_only: bool = False) -> RecordStore:
    """The store every front end should open: with no `path` (no --database file named) and
    MSCDOSE_DATABASE_URL set, the shared PostgreSQL store; otherwise the SQLite file at `path` (default: the
    data folder's), as before. `read_only` for audit, history and export. Raises StoreError."""
    from pathlib import Path

    from mscdose.records.store import RecordStore

    url = database_url() if path is None else None
    if url is not None:
        try:
            from mscdose.records.postgres.store import PostgresStore
        except ImportError as error:  # psycopg without a libpq it can load (the frozen build uses the machine's)
            from mscdose.records.errors import StoreError

            reason = " ".join(str(error).split())  # psycopg lists its attempts on several lines: one line here
            raise StoreError(
                "MSCDOSE_DATABASE_URL names a shared PostgreSQL store, but this workstation has no PostgreSQL client "
                f"library ({reason}). Install libpq (Debian/Ubuntu: sudo apt install libpq5; Windows and macOS: the "
                "PostgreSQL client), or unset MSCDOSE_DATABASE_URL to use this workstation's own record store."
            ) from None
        return PostgresStore(url, read_only=read_only)
    location = Path(str(path)) if path is not None else None
    return RecordStore.open_read_only(location) if read_only else RecordStore(location)
