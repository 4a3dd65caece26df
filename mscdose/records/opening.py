"""Opening a record database: writable (creating or migrating it) or read-only (never changing a byte).

Why read-only is a separate path: an audit must not change what it audits. `audit verify`, `history`, `show`
and `export` open the file with SQLite's `mode=ro` (and `immutable=1` when the file or its folder cannot be
written, as on a CD, a write-protected USB stick or a chmod-ed copy, where SQLite could not even create its
lock files). A file from an older mscdose is migrated in memory, never on disk, so its SHA-256 is the same
before and after. A missing, empty or foreign file is refused with one line: a verify of an empty file must
never say "Audit OK: 0 records", and a truncated store must never be silently replaced by an empty one.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

from mscdose import __version__
from mscdose.records.errors import StoreError, damaged, explain, not_a_store
from mscdose.records.schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION

SQLITE_MAGIC = b"SQLite format 3\x00"


def busy_timeout_ms() -> int:
    from mscdose.records import store

    return int(store.BUSY_TIMEOUT_S * 1000)


def _wal(path: Path) -> Path:
    return Path(f"{path}-wal")


def check_file(path: Path, *, must_exist: bool) -> bool:
    """Refuse what cannot be a record store before SQLite sees it; True when the file exists."""
    try:
        if not path.exists():
            if _wal(path).exists():
                raise StoreError(f"The record database {path} is missing but its write-ahead log {_wal(path).name} "
                                 "is there: the database file was moved or deleted. Do not delete the log; "
                                 "put the database file back, or restore the latest backup (docs/audit.md).")
            if must_exist:
                raise StoreError(f"There is no record database at {path} (nothing has been saved there yet, or "
                                 "MSCDOSE_DATA_DIR / --database points at the wrong place).")
            return False
        if not path.is_file():
            raise not_a_store(path, "it is a folder or a device, not a file")
        if path.stat().st_size == 0:
            raise not_a_store(path, "the file is empty, 0 bytes")
        with open(path, "rb") as handle:
            if handle.read(16) != SQLITE_MAGIC:
                raise not_a_store(path, "it is not an SQLite database, or its first bytes are damaged")
    except OSError as error:
        raise explain(error, path, "open the record database", writing=False) from None
    return True


def check_version(conn: sqlite3.Connection, path: Path, *, read_only: bool) -> int:
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    if app_id not in (0, APPLICATION_ID) or (read_only and app_id != APPLICATION_ID):
        raise not_a_store(path, "an SQLite database of another program")
    if version < 0:
        raise damaged(path, "open the record database", f"its schema version reads {version}")
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"The record database {path} was written by a newer mscdose (schema version {version}; "
            f"this mscdose {__version__} knows up to version {SCHEMA_VERSION}). It was not changed. "
            "Use the newer mscdose (or update this one); never open it with an older one."
        )
    if version == 0:
        tables = conn.execute("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' "
                              "AND name NOT LIKE 'sqlite_%'").fetchone()[0]
        if tables or read_only:
            raise not_a_store(path, "an SQLite database of another program" if tables else "it has no records tables")
    return version


def migrate(conn: sqlite3.Connection, path: Path) -> None:
    """Bring the schema to SCHEMA_VERSION in one BEGIN IMMEDIATE transaction (old rows are never rewritten)."""
    if check_version(conn, path, read_only=False) == SCHEMA_VERSION:
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        version = check_version(conn, path, read_only=False)  # another process may have migrated meanwhile
        for number in range(version + 1, SCHEMA_VERSION + 1):
            for step in MIGRATIONS[number - 1]:
                if callable(step):
                    step(conn)
                else:
                    conn.execute(step)
            conn.execute(f"PRAGMA user_version = {number}")
        conn.execute("COMMIT")
    except BaseException:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("ROLLBACK")
        raise


def prepare_writable(conn: sqlite3.Connection, path: Path) -> None:
    conn.execute(f"PRAGMA busy_timeout = {busy_timeout_ms()}")
    check_version(conn, path, read_only=False)  # before anything writes to a file we may not own
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    migrate(conn, path)


def create_new(path: Path, connect: Callable[[Path], sqlite3.Connection]) -> None:
    """Make a new store next to `path` and link it into place only when complete, so no other program ever
    sees a 0-byte or half-made file under the real name (and an empty file can be refused as damage)."""
    temporary = path.with_name(f".{path.name}.new-{os.getpid()}")
    try:
        temporary.unlink(missing_ok=True)
        conn = connect(temporary)
        try:
            prepare_writable(conn, temporary)
        finally:
            conn.close()
        try:
            os.link(temporary, path)  # atomic, and fails if another program created it first
        except FileExistsError:
            pass
        except OSError:  # a file system without hard links
            if not path.exists():
                os.replace(temporary, path)
    finally:
        for leftover in (temporary, Path(f"{temporary}-wal"), Path(f"{temporary}-shm")):
            with contextlib.suppress(OSError):
                leftover.unlink(missing_ok=True)


def _read_only_media(path: Path) -> bool:
    try:
        writable_bits = path.stat().st_mode & 0o222
    except OSError:
        return True
    return not writable_bits or not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK)


def connect_read_only(path: Path) -> tuple[sqlite3.Connection, bool]:
    """A connection that cannot write; (connection, migrated in memory). StoreError for anything unusable."""
    check_file(path, must_exist=True)
    wal = _wal(path)
    has_wal = wal.exists() and wal.stat().st_size > 0
    uri = f"file:{quote(str(path.resolve()))}?mode=ro"
    if _read_only_media(path) and not has_wal:
        uri += "&immutable=1"  # no lock files can be made there, and nobody can be writing it
    action = "open the record database"
    try:
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=busy_timeout_ms() / 1000)
    except sqlite3.Error as error:
        raise explain(error, path, action, writing=False) from None
    try:
        conn.execute(f"PRAGMA busy_timeout = {busy_timeout_ms()}")
        conn.execute("PRAGMA query_only = ON")
        version = check_version(conn, path, read_only=True)
        if version == SCHEMA_VERSION:
            return conn, False
        memory = sqlite3.connect(":memory:", isolation_level=None)
        conn.backup(memory)  # an older schema is brought up to date in this copy only
        conn.close()
        conn = memory
        migrate(conn, path)
        return conn, True
    except StoreError:
        conn.close()
        raise
    except sqlite3.Error as error:
        conn.close()
        if has_wal and "unable to open" in str(error).lower():
            raise StoreError(f"Could not {action}: {path} has a write-ahead log beside it but its folder cannot "
                             "be written, so SQLite cannot read it there. Copy the file and its -wal file to a "
                             "writable folder and open the copy.") from None
        raise explain(error, path, action, writing=False) from None
    except (UnicodeError, ValueError, OverflowError, IndexError) as error:
        conn.close()
        raise damaged(path, action, f"{type(error).__name__}: {error}") from None
