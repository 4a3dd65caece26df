"""SQLite's own check of the record file's pages and indexes, and running it alongside the chain's walk.

Why it is here: `mscdose audit verify` (and a backup's check) asks two questions of one file, "is the chain
unchanged?" (verify.py) and "are SQLite's pages and indexes sound?" (`PRAGMA integrity_check`). At 100,000
records the second takes about 1.8 s on its own, 40 % of the command when run after the first. The two read
the file independently, and SQLite lets go of Python's lock while it works, so the check runs in a thread on a
connection of its own while the chain is walked: on a machine with a core to spare it costs no time at all,
and on two cores about half of it. What either answers is exactly what it answered run one after the other:
the check's result is only read when the chain verified (as before), and it is stopped when it did not.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from mscdose.records.errors import StoreError, explain


def integrity_problems(conn: sqlite3.Connection, path: Path) -> list[str]:
    """`PRAGMA integrity_check` on `conn`: empty when the file is sound, else SQLite's findings. A file so damaged
    that the check itself stops gives that as its answer; any other failure is a StoreError naming the file."""
    previous = conn.text_factory
    conn.text_factory = lambda raw: raw.decode("utf-8", "replace")  # its messages quote damaged bytes
    try:
        rows = conn.execute("PRAGMA integrity_check").fetchall()
    except sqlite3.DatabaseError as error:
        if "malformed" in str(error) or getattr(error, "sqlite_errorname", "").startswith(
                ("SQLITE_CORRUPT", "SQLITE_NOTADB")):
            return [str(error)]  # so damaged that the check itself stops: that is its answer
        raise explain(error, path, "check the database file", writing=False) from None
    except UnicodeDecodeError:  # SQLite's own report quotes the damaged bytes
        return ["the integrity check stopped on unreadable (damaged) bytes"]
    finally:
        conn.text_factory = previous
    return [] if [r[0] for r in rows] == ["ok"] else [str(r[0]) for r in rows]


class IntegrityAlongside:
    """`integrity_problems` of one file, run in a thread on a read-only connection of its own.

    `problems()` waits for the answer (or raises the StoreError the check met), None when the thread could not
    check (a second connection could not be opened, or the file's schema is older and the caller's copy,
    migrated in memory, is the one to check): the caller then checks on its own connection, as it always could.
    `stop()` interrupts the check when its answer is no longer wanted. Call one of the two, once.
    """

    def __init__(self, path: Path) -> None:
        self._path = path
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None
        self._stopped = False
        self._found: list[str] | None = None
        self._error: StoreError | None = None
        self._thread = threading.Thread(target=self._run, name="mscdose integrity check", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        from mscdose.records.opening import connect_read_only

        try:
            conn, migrated = connect_read_only(self._path)  # opened here: a connection stays in its own thread
        except StoreError:
            return
        with self._lock:
            if self._stopped or migrated:
                conn.close()
                return
            self._conn = conn
        try:
            self._found = integrity_problems(conn, self._path)
        except StoreError as error:
            self._error = error
        except sqlite3.Error as error:  # e.g. interrupted by stop(): nobody reads the answer then
            self._error = explain(error, self._path, "check the database file", writing=False)
        finally:
            with self._lock:
                self._conn = None
            conn.close()

    def problems(self) -> list[str] | None:
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._found

    def stop(self) -> None:
        with self._lock:
            self._stopped = True  # a check not yet begun never begins
        while True:
            with self._lock:
                if self._conn is not None:
                    # lost when it comes just before the statement starts (SQLite ignores it when nothing
                    # runs): hence again until the thread ends
                    self._interrupt(self._conn)
            self._thread.join(timeout=0.05)
            if not self._thread.is_alive():
                return

    @staticmethod
    def _interrupt(conn: sqlite3.Connection) -> None:
        conn.interrupt()  # the one call SQLite allows from another thread: the statement ends at its next step


def start_alongside(path: Path) -> IntegrityAlongside | None:
    """The check of `path` started in a thread; None when no thread can be started (then check after)."""
    try:
        return IntegrityAlongside(path)
    except RuntimeError:
        return None
